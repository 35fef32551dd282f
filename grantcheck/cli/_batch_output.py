"""``batch --output``: the file's write errors told apart from stdout's and the inputs', and
where an interrupted rerun writes its records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO


class OutputError(Exception):
    """Writing --output failed (a full disk, an I/O error): ``reason`` says how."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class _OutputFile:
    """--output's file, its write errors raised as OutputError (told apart from a closed
    stdout's BrokenPipeError and from the inputs' errors)."""

    def __init__(self, fh: TextIO, path: Path) -> None:
        self.fh = fh
        self.path = path

    def write(self, text: str) -> int:
        try:
            return self.fh.write(text)
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from None

    def flush(self) -> None:
        try:
            self.fh.flush()
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from None

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fh, name)


def _partial_name(output: Path) -> Path:
    """Where an interrupted rerun writes the records done: ``fits.csv.partial`` (with a number
    when that exists)."""
    found = output.with_name(f"{output.name}.partial")
    n = 1
    while os.path.lexists(found):
        found = output.with_name(f"{output.name}.partial.{n}")
        n += 1
    return found
