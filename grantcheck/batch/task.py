"""What a batch's inputs become: a :class:`Task` per input, the :class:`InputError` of an input
that cannot be read at all, and a file's first line without its byte order mark."""

from __future__ import annotations

import codecs
from typing import Any, Literal

from grantcheck.named import NamedTuple

TaskKind = Literal["toml", "jsonl", "csv", "data", "registry", "missing"]


class Task(NamedTuple):
    """One input, as it travels to a worker.

    ``payload`` is, by ``kind``: ``toml`` the file path; ``jsonl`` the line's bytes; ``csv`` the
    row as {column: cell}; ``data`` a profile-shaped mapping; ``registry`` (a profile-shaped
    mapping, {path: provenance}) from :mod:`grantcheck.registry`; ``missing`` the message saying
    why there is nothing to read (a glob that matched no file, a registry unit not mapped).
    """

    kind: TaskKind
    source: str
    payload: Any


class InputError(ValueError):
    """An input that cannot be read at all (not one profile: the whole file or option)."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.hint = hint
        super().__init__(message)


def _without_bom(line: bytes) -> bytes:
    """A file's first line without its UTF-8 byte order mark, if it has one."""
    return line[len(codecs.BOM_UTF8):] if line.startswith(codecs.BOM_UTF8) else line
