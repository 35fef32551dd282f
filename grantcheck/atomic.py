"""Atomic file writes that never clobber what the user wrote.

Everything grantcheck writes to a user's file goes through here: the data is written to a
temporary file in the target's folder and renamed into place only when it is complete, so an
interrupted run never leaves half a file, and an existing file is replaced only with ``force``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class FileExists(FileExistsError):
    """The target exists and ``force`` was not given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: already exists")


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[TextIO]:
    """Open a temporary text file beside ``path``; rename it onto ``path`` when the block ends.

    If the block raises (including KeyboardInterrupt), the temporary file is removed and
    ``path`` is untouched. Without ``force`` an existing ``path`` raises :class:`FileExists`
    before anything is written (and again at the end, should it have appeared meanwhile).
    """
    target = Path(path)
    if target.exists() and not force:
        raise FileExists(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes the file 0600: give it the mode open() would
            os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            # link() fails if the target appeared meanwhile: never clobber without force
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise FileExists(target) from None
            except OSError:  # a file system without hard links: fall back to a checked rename
                if target.exists():
                    raise FileExists(target) from None
                os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _mode_for(target: Path) -> int:
    """The permissions of a file written to ``target``: those of the file it replaces, else what
    open() gives a new file (0666 less the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)  # the umask can only be read by setting it: set it back at once
        os.umask(mask)
        return 0o666 & ~mask


def write_text_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; refuse an existing file unless ``force``."""
    with atomic_text(path, force=force) as fh:
        fh.write(text)
