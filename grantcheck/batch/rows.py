"""The rows of grantcheck's own CSV (a header of profile fields) as :class:`Task` objects."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import IO, Any

from grantcheck.batch.task import Task, _without_bom
from grantcheck.csv_input import (
    HeaderError,
    check_header,
    csv_error,
    csv_lines,
    header_line,
    numbered_rows,
)
from grantcheck.numbers import plural


def _binary_lines(fh: IO[bytes], long: dict[int, int]) -> Iterator[tuple[int, bytes]]:
    """(line number, line) with a UTF-8 byte order mark taken off the first line; a line over
    the limit as :func:`~grantcheck.csv_input.csv_lines` gives it."""
    for n, line in enumerate(csv_lines(fh, long), 1):
        yield n, _without_bom(line) if n == 1 else line


def csv_tasks(fh: IO[bytes], name: str) -> Iterator[Task]:
    """One task per row of a registry CSV opened in binary mode.

    The header is read and checked now, so a file with an unknown or missing column raises
    :class:`HeaderError` before anything is written; the rows are read as they are asked for.
    The delimiter is ``,`` or, when the header has more of them, ``;`` (a Nordic spreadsheet's
    export). A row whose cells are not UTF-8, or whose cell count differs from the header's, is
    an error task.
    """
    long: dict[int, int] = {}  # the lines over the limit: their rows are error records
    lines = (line.decode("utf-8", "surrogateescape") for _, line in _binary_lines(fh, long))
    first = header_line(next(lines, ""))
    delimiter = _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise HeaderError("the file is empty: no header row") from None
    except csv.Error as e:
        said = csv_error(e)
        raise HeaderError(f"the header row cannot be read: {said}", said.hint) from None
    try:
        names = check_header(header)
    except HeaderError as e:
        if len(header) == 1 and "\t" in first:
            raise HeaderError(str(e), "its header is separated by tabs; a CSV is read "
                              "separated by ',' or ';': save it so") from None
        raise
    return _csv_rows(reader, names, name, long)


def _delimiter(first: str) -> str:
    """``,``, or ``;`` when the header line has more of them."""
    return ";" if first.count(";") > first.count(",") else ","


def _csv_rows(reader: Any, names: list[str], name: str, long: dict[int, int]
              ) -> Iterator[Task]:
    for start, end, row in numbered_rows(reader, long):
        source = f"{name}:{start}"
        if isinstance(row, Exception):
            yield Task("missing", source, f"not a CSV row: {row}"
                       + (f" (lines {start}-{end} were read as this row: is a quote not "
                          "closed?)" if end > start else ""))
            continue
        if len(row) != len(names):
            yield Task("missing", source,
                       f"has {plural(len(row), 'cell', 'cells')} where the header has "
                       f"{len(names)} columns"
                       + _swallowed(row, start, end))
            continue
        joined = "".join(row)
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            yield Task("missing", source, "is not UTF-8 text")
            continue
        if "\x00" in joined:  # never copied raw into the output
            yield Task("missing", source, "contains a NUL character (binary data?)")
            continue
        yield Task("csv", source, dict(zip(names, row, strict=True)))


def _swallowed(row: list[str], start: int, end: int) -> str:
    """What a row that runs over several lines took in: a quote opened and not closed reads
    the rows after it as one cell, and the error names them all."""
    if end > start and any("\n" in cell for cell in row):
        return (f"; a quote opened in it is not closed, so lines {start}-{end} were read as "
                "this one row (none of them was checked)")
    return ""
