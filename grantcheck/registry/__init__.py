"""National business registries' bulk files read as downloaded (``grantcheck batch --input
FILE --input-format brreg-enheter|cvr|bolagsverket``): each unit becomes profile data, with
ranges where the registry gives bands, and the provenance of every fact; a unit that cannot be
mapped becomes an error record. The mapping, fact by fact: docs/registries.md.

Modules: :mod:`~grantcheck.registry.brreg` (Enhetsregisteret ``enheter``, CSV and JSON),
:mod:`~grantcheck.registry.cvr` (CVR JSON documents), :mod:`~grantcheck.registry.bolagsverket`
(the bulk text file), :mod:`~grantcheck.registry.mapping` (code tables),
:mod:`~grantcheck.registry.json_file` (JSON read as it streams) and
:mod:`~grantcheck.registry.common`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from grantcheck.registry.common import RawTask


FORMATS = ("brreg-enheter", "cvr", "bolagsverket")


def guess(head: str) -> str | None:
    """The registry format a file's start (decompressed text) shows, or None when it shows
    none, or more than one."""
    low = head.lower()
    found = set()
    if "organisasjonsnummer" in low:
        found.add("brreg-enheter")
    if "cvrnummer" in low or "vrvirksomhed" in low:
        found.add("cvr")
    if "organisationsidentitet" in low and "pagandeavvecklings" in low:
        found.add("bolagsverket")
    return found.pop() if len(found) == 1 else None


def registry_tasks(fh: IO[bytes], name: str, fmt: str, on: date | None = None,
                   drawn: date | None = None) -> Iterator[RawTask]:
    """The tasks of a registry file (binary, gzip or not) in format ``fmt`` (one of
    :data:`FORMATS`) on the evaluation date ``on``: an event the registry dates after it (a
    bankruptcy, a deregistration, a founding) does not count on it; None: every one counts.
    ``drawn`` is the latest day the extract can have been drawn (the file's date): a flag
    without a date (``konkurs``) counts on ``on`` only when ``on`` is not before it."""
    from grantcheck.registry import bolagsverket, brreg, cvr
    from grantcheck.registry.common import maybe_gunzip

    plain = maybe_gunzip(fh)
    if fmt == "brreg-enheter":
        return brreg.tasks(plain, name, on, drawn)
    if fmt == "cvr":
        return cvr.tasks(plain, name, on, drawn)
    if fmt == "bolagsverket":
        return bolagsverket.tasks(plain, name, on, drawn)
    raise ValueError(f"unknown registry format {fmt!r}: expected {', '.join(FORMATS)}")


def drawn_by(fh: IO[bytes]) -> date:
    """The latest day a registry extract can have been drawn (docs/registries.md, "Dated events
    and the evaluation date"): today, or the day its file was last written when earlier (a
    download or a copy is written after the extract was drawn; standard input has no such
    day)."""
    import os
    from stat import S_ISREG

    today = date.today()
    try:
        stat = os.fstat(fh.fileno())
    except (AttributeError, OSError, ValueError):
        return today
    if not S_ISREG(stat.st_mode):
        return today
    return min(today, date.fromtimestamp(stat.st_mtime))


def sniff(fh: IO[bytes]) -> tuple[IO[bytes], str | None]:
    """``fh`` made peekable, and the registry format its start shows (None when none)."""
    from grantcheck.registry.common import peek_text

    peekable: IO[bytes] = fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore
    return peekable, guess(peek_text(peekable))
