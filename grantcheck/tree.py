"""The files below a folder, found without recursion: ``os.walk`` and ``Path.rglob`` of Python
3.11 call themselves for each folder deeper, and a tree 1,000 folders deep (a path of 2,000
characters: any file system takes it) was an internal error, RecursionError."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator


def files_below(root: str, suffix: str, onerror: Callable[[OSError], None]) -> Iterator[str]:
    """The path of every file (not a folder) below ``root`` whose name ends with ``suffix``,
    folders and files in sorted order, as ``os.walk`` walks (each folder's files, then its
    folders one by one; a link to a folder is not entered); a folder that cannot be read is
    passed to ``onerror`` and the walk goes on."""
    todo = [root]
    while todo:
        folder = todo.pop()
        try:
            with os.scandir(folder) as found:
                entries = list(found)
        except OSError as e:
            onerror(e)
            continue
        files, folders = [], []
        for entry in entries:
            if _is(entry.is_dir):
                if not _is(entry.is_symlink):
                    folders.append(entry.name)
            elif entry.name.endswith(suffix):
                files.append(entry.name)
        yield from (os.path.join(folder, name) for name in sorted(files))
        todo.extend(os.path.join(folder, name) for name in sorted(folders, reverse=True))


def _is(test: Callable[[], bool]) -> bool:
    try:
        return test()
    except OSError:  # as os.walk: an entry that cannot be looked at is no folder, no link
        return False
