"""Atomic file writes that never clobber what the user wrote.

Everything grantcheck writes to a user's file goes through here: the data is written to a
temporary file in the target's folder and renamed into place only when it is complete, so an
interrupted run never leaves half a file, and an existing file is replaced only with ``force``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO, cast


def name_too_long(path: str) -> str:
    """What in ``path`` is longer than the system takes (ENAMETOOLONG), in words; "" when
    nothing is. Path.is_dir() and Path.exists() raise that error (Python 3.11 passes over a
    few others only): a name of 300 characters given to --output was an internal error."""
    try:
        os.lstat(path)
        return ""
    except OSError as e:
        if e.errno != errno.ENAMETOOLONG:
            return ""
    except ValueError:  # a NUL: said where the file is opened
        return ""
    # a glob's part may be longer than the names it matches ([a-z] for a letter): not counted
    names = [len(os.fsencode(p)) for p in path.split(os.sep) if not set("*?[") & set(p)]
    if (name := max(names, default=0)) > (most := _limit("PC_NAME_MAX")):
        return f"a name in it has {name:,} bytes, more than the {most:,} a name may have here"
    whole, most = len(os.fsencode(path)), _limit("PC_PATH_MAX") - 1  # the NUL that ends it
    if set("*?[") & set(path):
        return ""
    return f"it has {whole:,} bytes, more than the {most:,} a path may have here"


def _limit(name: str) -> int:
    try:
        return os.pathconf(".", name)
    except (OSError, ValueError):  # POSIX's: the most Linux and macOS take
        return {"PC_NAME_MAX": 255, "PC_PATH_MAX": 4096}[name]


class FileExists(FileExistsError):
    """The target exists and ``force`` was not given. ``kept`` is where the data written was
    kept instead, when the target appeared while it was being written (``keep=True``)."""

    def __init__(self, path: Path, kept: Path | None = None) -> None:
        self.path = path
        self.kept = kept
        super().__init__(f"{path}: already exists")


class NotAFile(OSError):
    """The target is something other than a regular file (a device such as /dev/null, a FIFO,
    a socket): never replaced, with ``force`` too (rename would put a file in its place)."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        super().__init__(errno.EEXIST, f"is a {kind}, not a regular file: it is never replaced",
                         str(path))


class SameAsInput(OSError):
    """The target is one of the files being read: never replaced, with ``force`` too."""

    def __init__(self, path: str | os.PathLike[str], source: str | os.PathLike[str]) -> None:
        self.source = source
        super().__init__(errno.EEXIST, f"is the input {source}: writing it would replace what "
                         "is being read", str(path))


def check_target(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
                 ) -> None:
    """Raise NotAFile when ``path`` exists and is not a regular file or a folder, SameAsInput
    when it is one of ``inputs`` (the same file by any name: a symbolic link, a relative
    path, a hard link)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # does not exist (or a dangling link): nothing to replace
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise NotAFile(path, special_kind(mode))
    for source in inputs:
        try:
            same = os.path.samefile(path, source)
        except OSError:  # an input that does not exist: its error record says so
            continue
        if same:
            raise SameAsInput(path, source)


def special_kind(mode: int) -> str:
    """What a path of ``mode`` (``os.stat``'s st_mode) that is neither a regular file nor a
    folder is, for a message: "character device" (/dev/null), "FIFO (named pipe)", …"""
    return ("character device" if stat.S_ISCHR(mode) else "block device" if
            stat.S_ISBLK(mode) else "FIFO (named pipe)" if stat.S_ISFIFO(mode) else
            "socket" if stat.S_ISSOCK(mode) else "special file")


def path_kind(path: str | os.PathLike[str]) -> str:
    """What ``path`` is, links followed: "file", "folder" or :func:`special_kind`'s words; ""
    when there is nothing there."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # nothing there, a dangling link, a NUL in the name
        return ""
    return ("file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else
            special_kind(mode))


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], *, force: bool = False, keep: bool = False,
                where: Callable[[], Path | None] | None = None,
                inputs: Iterable[str | os.PathLike[str]] = (),
                sync: bool = True, compress: bool = False) -> Iterator[TextIO]:
    """Open a temporary text file beside ``path``; rename it onto ``path`` when the block ends.

    If the block raises (including KeyboardInterrupt), the temporary file is removed and
    ``path`` is untouched. Without ``force`` an existing ``path`` raises :class:`FileExists`
    before anything is written (and again at the end, should it have appeared meanwhile: with
    ``keep`` the data is then kept under a new name beside it, ``FileExists.kept``). A symbolic
    link is followed (the file it points to is written); a folder raises IsADirectoryError
    before anything is written. ``where``, when given, is asked at the end for a path to
    write to instead (None: ``path``; never replaced: one that exists raises FileExists).
    A target that is not a regular file (/dev/null, a FIFO) or is one of ``inputs`` raises
    (:func:`check_target`), ``force`` or not. Characters the file cannot hold (a file name
    not UTF-8) are written as backslash escapes. Without ``sync`` the data is not forced to the
    disk before the rename: the caller makes many such files durable at once
    (:func:`sync_all`). With ``compress`` the text is written gzip-compressed, as it comes
    (a stream: nothing is held back but the compressor's window).
    """
    check_target(path, inputs)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if target.exists() and not force:
        raise FileExists(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = _temporary(folder, target)
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes the file 0600: give it the mode open() would
            os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as raw:
            with _text(raw, compress) as fh:
                yield fh
            raw.flush()
            if sync:
                os.fsync(raw.fileno())
        diverted = where() if where is not None else None
        if diverted is not None:
            _link(tmp, diverted, None)
        elif force:
            os.replace(tmp, target)
        else:
            _link(tmp, target, _kept_name(target) if keep else None)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class NoNewFiles(OSError):
    """The folder exists but takes no new file: a file system of the system's own (/proc,
    /sys), where creating one says "No such file or directory" of a folder that is there."""

    def __init__(self, folder: Path, why: str) -> None:
        self.folder = folder
        super().__init__(errno.EROFS, f"the folder {folder} takes no new files (the "
                         f"system's words: {why}), and the file is written beside its target "
                         "first, then renamed onto it", str(folder))


def _temporary(folder: Path, target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target``: its descriptor and name. A folder that exists
    but takes no new file (/proc: ENOENT; a read-only file system: EROFS) raises
    :class:`NoNewFiles`, which says so; the system's words alone named a folder that is there
    as missing ("/proc/version: cannot write: No such file or directory")."""
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except (FileNotFoundError, OSError) as e:
        gone = isinstance(e, FileNotFoundError) or e.errno == errno.EROFS
        if not gone or not folder.is_dir():
            raise
        raise NoNewFiles(folder, e.strerror or str(e)) from None


@contextlib.contextmanager
def _text(raw: BinaryIO, compress: bool) -> Iterator[TextIO]:
    """A UTF-8 text stream onto ``raw`` (gzip-compressed with ``compress``), all of it in
    ``raw`` when the block ends; ``raw`` stays open (to be forced to the disk)."""
    stream = raw
    if compress:
        import gzip

        # no name or time in the header: the same records give the same bytes
        stream = cast(BinaryIO, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                              compresslevel=6))  # gzip(1)'s own level
    fh = io.TextIOWrapper(stream, encoding="utf-8", errors="backslashreplace", newline="")
    try:
        yield fh
        fh.flush()
    finally:
        if compress:
            fh.close()  # the gzip trailer; GzipFile leaves a file object it was given open
        else:
            fh.detach()


# whether the system forces every file to the disk in one call (os.sync: not on Windows)
SYNCS_ALL = hasattr(os, "sync")


def sync_all() -> None:
    """Force the files written by ``atomic_text(..., sync=False)`` to the disk, with all else
    the system holds: one call (an outreach pack of 14,600 files waited 50 s with an fsync for
    each file, a second so). Write with ``sync=not SYNCS_ALL`` where the system lacks it."""
    if SYNCS_ALL:
        os.sync()


def _link(tmp: Path, target: Path, keep_as: Path | None) -> None:
    """``tmp`` renamed to ``target``, which must not exist; else FileExists (after renaming
    ``tmp`` to ``keep_as`` when given)."""
    # link() fails if the target appeared meanwhile: never clobber without force
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links: fall back to a checked rename
        if not target.exists():
            os.replace(tmp, target)
            return
    if keep_as is not None:
        os.replace(tmp, keep_as)
    raise FileExists(target, keep_as)


def _kept_name(target: Path) -> Path:
    """A name beside ``target`` that no file has: ``fits.csv.1``, ``fits.csv.2``, …"""
    n = 1
    while (found := target.with_name(f"{target.name}.{n}")).exists() or found.is_symlink():
        n += 1
    return found


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
