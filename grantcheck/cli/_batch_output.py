"""``batch --output``: the format its name asks for, a target that is never written (a device,
an input), the file's write errors told apart from stdout's and the inputs', where an
interrupted rerun writes its records, and what the batch reports on stderr at its end; and
outreach's pack that cannot be written."""

from __future__ import annotations

import errno
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from grantcheck.batch import Tally


class BatchFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


_SUFFIXES = {".csv": BatchFormat.csv, ".jsonl": BatchFormat.jsonl,
             ".ndjson": BatchFormat.jsonl, ".json": BatchFormat.json}


def _format_of(output: Path | None) -> BatchFormat:
    """The format --output's name asks for (fits.csv, fits.jsonl.gz), else the table."""
    suffixes = [x.lower() for x in output.suffixes[-2:]] if output is not None else []
    if suffixes[-1:] == [".gz"]:
        suffixes.pop()
    return _SUFFIXES.get(suffixes[-1] if suffixes else "", BatchFormat.table)


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


def _refuse_target(output: Path, in_paths: list[str], loops: dict[str, str] | None = None
                   ) -> None:
    """Exit 2 when --output is not a regular file (/dev/null, a FIFO) or is one of the inputs,
    named or a *.toml in a folder named (read while it is written): --force or not."""
    from grantcheck.atomic import SameAsInput, check_target
    from grantcheck.cli._common import _fail

    try:
        check_target(output, in_paths)
        if os.path.isfile(output):  # a glob's files too (the list of paths: path_tasks)
            check_target(output, _matches(in_paths, loops))
    except SameAsInput as e:
        _fail(f"--output {output}: {e.strerror}", "write the output to another file")
    except OSError as e:
        _fail(f"--output {output}: {e.strerror}", "give the name of a new or a regular file, "
              "or leave out --output to write to stdout (> /dev/null drops the records)")
    if output.suffix.lower() == ".toml":
        for folder in (p for p in in_paths if os.path.isdir(p)):
            if Path(os.path.realpath(output)).is_relative_to(os.path.realpath(folder)):
                _fail(f"--output {output}: is inside the input folder {folder}, where every "
                      "*.toml is read as a profile", "write the output to another file")


def _matches(in_paths: list[str], loops: dict[str, str] | None = None) -> Iterator[str]:
    """The files the globs among ``in_paths`` match, as batch reads them (a loop of links
    searched once, put in ``loops``)."""
    from grantcheck.batch.paths import GLOB_CHARS, iglob

    for pattern in (p for p in in_paths if GLOB_CHARS & set(p) and not os.path.exists(p)):
        yield from iglob(pattern, loops)


def _batch_report(tally: Tally, interrupted: bool, output: Path | None, on: str | None = None,
                  scheme_ids: Sequence[str] = ()) -> None:
    """The errors (the first of them), the warnings and a summary line, on stderr; with
    ``on`` (the evaluation date of a batch that ran to its end, written as csv or JSON to a
    file or with a person watching stderr: the table says it first itself), the answer: how
    many of the inputs can still fit a scheme, and per scheme of ``scheme_ids`` how many and
    for how much, as the table's first lines say it."""
    from grantcheck.cli._common import _err
    from grantcheck.numbers import plural
    from grantcheck.render.batch import answer_line, scheme_lines

    _err(*tally.error_lines)
    if tally.failed > tally.SHOWN_ERRORS:
        more = plural(tally.failed - tally.SHOWN_ERRORS, "more input", "more inputs")
        _err(f"... and {more} that could not be checked: see their error records in the "
             "output")
    _err(*(f"Warning: {w}" for w in tally.warnings))
    if tally.warnings_cut:
        _err(f"... and other warnings than these {len(tally.warnings)}: each input's own are "
             "in its record's warnings (--format csv or jsonl)")
    where = f" to {output}" if output else ""
    if interrupted:
        done = plural(tally.done, "input was", "inputs were")
        _err(f"Interrupted: {done} checked and written{where} ({tally.failed:,} of them "
             "failed); the rest were not checked.")
    elif tally.failed:
        _err(f"{tally.failed:,} of {plural(tally.done, 'input', 'inputs')} could not be "
             f"checked; their error records are in the output{where}, with the others.")
    if on is not None and not interrupted and tally.done:
        # the table's first lines: the answer, then per scheme how many and for how much (not
        # indented, as the table has them: on stderr an indented line continues the one above)
        _err(answer_line(tally.done, tally.failed, tally.best, on),
             *(line.lstrip() for line in scheme_lines(scheme_ids, tally.amounts, on)))


def pack_not_written(out: Path, name: str, e: OSError, files: int) -> NoReturn:
    """Exit 2 for outreach's pack: its folder ``out`` could not be made (``name`` ""), or its
    file ``name`` could not be written (a folder or a FIFO of its name, a full disk, /proc);
    it was an internal error. ``files``: the companies whose files were written."""
    from grantcheck.atomic import NoNewFiles
    from grantcheck.cli._common import _fail

    own = "name a folder for the pack in a folder of your own"
    if e.errno == errno.ENAMETOOLONG and name:  # a number of 300 digits names the files
        from grantcheck.numbers import quoted

        _fail(f"--out {out}: cannot write {quoted(name)}: too long for a file name; the files "
              f"of {files:,} {'company' if files == 1 else 'companies'} were written, not "
              "summary.md", "check the unit's organisation number in the input: its files are "
              "named by it (9 or 10 digits, a CVR number 8)")
    if not name:  # /proc says "No such file or directory" of a folder that is there
        _fail(f"--out {out}: cannot be made: " + (
            f"the folder {out.absolute().parent} takes no new folders ({e.strerror})"
            if isinstance(e, FileNotFoundError) else str(e.strerror or e)), own)
    _fail(f"--out {out}: cannot write {out / name}: {e.strerror or e}; the files of {files:,} "
          f"{'company' if files == 1 else 'companies'} were written, not summary.md",
          own if isinstance(e, NoNewFiles) else "a folder, a FIFO or a device of the file's "
          "name is never replaced: move it away, or name a new folder for the pack")
