"""TOML profiles as :class:`Task` objects: from paths, folders (searched for ``*.toml``), globs,
and the list of paths ``batch -`` reads from stdin."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from grantcheck.batch.task import InputError, Task
from grantcheck.line_limit import LIMIT, MAX_LINE_BYTES, too_long

GLOB_CHARS = frozenset("*?[")

Loops = dict[str, str]
"""The links a glob's ``**`` found leading back into a folder it was searching, each with what
to say of it (once, however many patterns or passes meet it)."""


def _folder(root: str) -> Iterator[Task]:
    """Every *.toml below ``root``, folders and files in sorted order, found as it walks."""
    from grantcheck.tree import files_below

    errors: list[OSError] = []  # a folder that cannot be read is an error record, not skipped
    for found in files_below(root, ".toml", errors.append):
        yield from _unreadable(errors)
        path = str(Path(found))
        yield Task("toml", path, path)
    yield from _unreadable(errors)


def _unreadable(errors: list[OSError]) -> Iterator[Task]:
    while errors:
        e = errors.pop(0)
        yield Task("missing", str(Path(e.filename)),  # ./locked as locked/a.toml is named
                   f"is a folder that cannot be read ({e.strerror or e}): its profiles were "
                   "not checked")


def _expand(arg: str, *, globs: bool = True, loops: Loops | None = None) -> Iterator[Task]:
    if os.path.isdir(arg):
        yield from _folder(arg)
    elif globs and not os.path.exists(arg) and GLOB_CHARS & set(arg):
        matches = sorted(iglob(arg, loops))
        if not matches:
            yield Task("missing", arg, "no file matches this pattern")
        for m in matches:
            yield from _expand(m, globs=False)
    else:
        path = str(Path(arg))
        yield Task("toml", path, path)  # a file that does not exist says so when it is loaded


def matches_nothing(arg: str, loops: Loops | None = None) -> bool:
    """Whether ``arg`` is a glob (not a path that exists) that matches no file: a usage error
    of the command, refused before anything is checked (``batch``)."""
    return (not os.path.exists(arg) and bool(GLOB_CHARS & set(arg))
            and next(iglob(arg, loops), None) is None)


def iglob(pattern: str, loops: Loops | None = None) -> Iterator[str]:
    """The paths ``glob.iglob(pattern, recursive=True)`` gives, but ``**`` enters each folder
    once: glob follows links to folders, and a link back up (``ln -s .. a/up``) made it search
    ``a/up/a/up/...`` without end (two such links: 2**40 paths). A link that leads back into
    a folder being searched is put in ``loops``; one to a folder searched already by another
    way is passed over (its files are the same files). ``**`` of a folder that does not
    exist matches nothing (glob gave ``nofolder/``)."""
    parts = pattern.split(os.sep)
    # **/** is **: each one more walked every folder again below each folder (n**k paths)
    parts = [p for i, p in enumerate(parts) if not (p == "**" and parts[i - 1:i] == ["**"])]
    if "**" not in parts:  # as deep as the pattern: no loop
        yield from _parts_glob(parts)
        return
    at = parts.index("**")
    head = os.sep.join(parts[:at]) or (os.sep if at else "")  # "/**/x": the root
    tail = os.sep.join(parts[at + 1:])
    heads = (h for h in _parts_glob(parts[:at]) if os.path.isdir(h)) if glob.has_magic(head) else (
        [head] if not head or os.path.isdir(head) else [])
    for top in heads:
        for folder in _folders(top, pattern, loops):
            if at + 1 < len(parts):  # the rest of the pattern in each folder
                yield from iglob(os.path.join(glob.escape(folder), tail), loops)
                continue
            if folder:  # ** at the end: each folder (the first as top/, as glob has it) ...
                yield os.path.join(folder, "") if folder is top else folder
            yield from _listed(folder, folders=False)  # ... and the files in it


def _parts_glob(parts: list[str], most: int = 100) -> Iterator[str]:
    """glob.iglob of the pattern of ``parts`` (no ``**``), ``most`` parts at a time, each from
    the folders the parts before matched: glob calls itself for each part, and a pattern of
    1,000 parts ([a-z]/ each) was RecursionError."""
    if len(parts) <= most:
        yield from glob.iglob(os.sep.join(parts))
        return
    bases = [""]
    for at in range(0, len(parts), most):  # folders only (ending in /) but for the last parts
        pattern = os.sep.join(parts[at:at + most]) + ("" if at + most >= len(parts) else os.sep)
        bases = [os.path.join(base, found) for base in bases
                 for found in glob.iglob(pattern, root_dir=base or None)]
    yield from bases


def _folders(top: str, pattern: str, loops: Loops | None) -> Iterator[str]:
    """``top`` and every folder below it, not hidden ones (as glob's ``**``), links followed,
    each folder once (by device and inode); a folder met inside itself is put in ``loops``.
    Without recursion: a tree deeper than Python's recursion limit is searched too."""
    first: dict[tuple[int, int], str] = {}
    todo = [top]
    while todo:
        path = todo.pop()
        try:
            st = os.stat(path or os.curdir)
        except (OSError, ValueError):
            continue
        key = (st.st_dev, st.st_ino)
        if (was := first.get(key)) is not None:  # inside itself: a loop, else a second way
            if loops is not None and (not was or path.startswith(was.rstrip(os.sep) + os.sep)):
                loops.setdefault(path, f"{path}: leads back to the folder {was or '.'} (a loop "
                                 f"of links): {pattern} searched it once, not again")
            continue
        first[key] = path
        yield path
        todo.extend(reversed(_listed(path, folders=True)))


def _listed(folder: str, *, folders: bool) -> list[str]:
    """The paths of the folders (or of the other files) in ``folder`` (``""``: the working
    directory), sorted, not hidden ones; none when it cannot be read."""
    try:
        with os.scandir(folder or os.curdir) as entries:
            names = sorted(e.name for e in entries
                           if not e.name.startswith(".") and _is_folder(e) == folders)
    except (OSError, ValueError):
        return []
    return [os.path.join(folder, name) for name in names]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # a link to a folder too
    except OSError:
        return False


def glob_hint(arg: str) -> str:
    """What to do about a glob that matches no file: the folder it looks in, when that does not
    exist, or how a folder is searched."""
    parts = Path(arg).parts
    fixed = Path(*parts[:next(i for i, p in enumerate(parts) if GLOB_CHARS & set(p))] or ".")
    if not fixed.is_dir():
        return f"the folder {fixed} does not exist; check the pattern"
    return (f"check the pattern: profiles are *.toml files, and a folder is searched for them "
            f"(grantcheck batch {fixed}{os.sep})")


def path_tasks(args: Iterable[str], stdin: IO[str] | None = None, output: str | None = None,
               loops: Loops | None = None) -> Iterator[Task]:
    """TOML profiles from paths, folders (searched for *.toml), globs (``**`` too) and ``-``.

    ``-`` reads a list of paths from ``stdin``, one per line or separated by NUL characters
    (``find -print0``: no path holds one), taken literally (no glob); a folder among them is
    searched like one given as an argument.

    A file reached twice (``batch profiles profiles/a.toml``, a folder and its glob, a link
    to a file given too) is checked once, where it first comes: it was a record each time, and
    counted twice in the summary's totals.

    The file ``output`` (``batch -o``) met among them raises InputError: the records written
    over it would replace what is read (named or by a glob it is refused before the batch
    runs; in the list of paths only here, so the file is kept as it was).

    A link by which a glob's ``**`` came back into a folder it searched goes into ``loops``
    (:func:`iglob`), to be told once.
    """
    seen: set[object] = set()
    avoid = _file_key(output) if output is not None else None
    for task in _path_tasks(args, stdin, loops):
        if task.kind == "toml":
            try:
                st = os.stat(task.payload)
                key: object = (st.st_dev, st.st_ino)  # the same file by any name
            except (OSError, ValueError):  # missing, a link loop: its error record says so
                try:  # a link to nothing, reached by two names (a glob through a linked
                    st = os.lstat(task.payload)  # folder): the link's own file, once
                    key = ("link", st.st_dev, st.st_ino)
                except (OSError, ValueError):
                    key = os.path.normpath(task.payload)
            if key in seen:
                continue
            if key == avoid:
                raise InputError(f"{task.source}: is the --output file {output}: the records "
                                 "written over it would replace what is read; nothing was "
                                 "written, and it is kept as it was",
                                 "write the output to another file, or leave it out of the list")
            seen.add(key)
        yield task


def _file_key(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``: the same file by any name; None when none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _path_tasks(args: Iterable[str], stdin: IO[str] | None, loops: Loops | None
                ) -> Iterator[Task]:
    for arg in args:
        if arg == "-":
            if stdin is None:
                raise InputError("-: standard input is closed (<&-): there are no paths to "
                                 "read", "name the files, or send their paths in: - < LIST")
            for n, path in _path_list(stdin):
                if path is None:
                    yield Task("missing", f"<stdin>:{n}", "is no path (paths are read one a "
                               "line or separated by NUL characters): "
                               + too_long(unit="characters"))
                elif path == "\0":
                    yield Task("missing", f"<stdin>:{n}", "is no list of paths: "
                               f"{MAX_LINE_BYTES:,} characters and no path (binary data?); "
                               "the rest of it is not read")
                elif path := _listed_path(path):
                    yield from _expand(path, globs=False)
        else:
            yield from _expand(arg, loops=loops)


def _listed_path(part: str) -> str:
    """The path a line (or a NUL-separated part) of a list names: as it is written, when a
    file of that name exists (find -print0 of ` x.toml`: stripped, it checked x.toml instead),
    else with the spaces around it and the line's end taken away (a list typed by hand, CRLF)."""
    exact = part.removesuffix("\n").removesuffix("\r")
    return exact if exact.strip() and os.path.lexists(exact) else part.strip()


def _path_list(stdin: IO[str]) -> Iterator[tuple[int, str | None]]:
    """(line number, path) for each path of a list read from ``stdin``, one a line or separated
    by NUL characters, never reading more than the line limit at once (grantcheck.line_limit);
    None for a line (or a NUL-separated part) over it, read past: no path is so long; ``\\0``
    (never a part) for a piece of the limit that holds no path (binary data), and no more."""
    n, carry, past = 1, "", False  # carry: a path a piece cut; past: reading past one
    while piece := stdin.readline(LIMIT):
        ended = len(piece) < LIMIT or piece.endswith("\n")
        if past:  # to the NUL or the line end that ends the part over the limit
            cut = piece.find("\0")
            past = cut < 0 and not ended
            if cut < 0:
                n += ended
                continue
            piece = piece[cut + 1:]
        if not ended and not piece.strip("\0 \t\r\n"):  # 1 MiB and no path: /dev/zero?
            yield n, "\0"
            return
        parts: list[str | None] = [*(carry + piece).split("\0")]
        carry = "" if ended else parts.pop() or ""
        if len(carry) >= LIMIT:
            parts.append(None)
            carry, past = "", True
        for part in parts:
            yield n, part
        n += ended
