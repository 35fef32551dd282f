"""A batch as a pure function of its input lines (:func:`check_lines`), for an engine that cuts
the input into parts and runs a Python function on each part in a process of its own: Dask bag
(:func:`check_files`, with the optional ``dask`` extra), Spark's ``mapPartitions``, a job queue.

The records are the ones ``grantcheck batch --format jsonl`` writes for the same lines, in the
same order, one per line that is not blank; a line that cannot be read is an error record, as in
batch. See docs/scale.md for when this is worth it.
"""

from __future__ import annotations

import io
from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcheck.batch.inputs import Lines
from grantcheck.batch.records import Options, Worker
from grantcheck.line_limit import MAX_LINE_BYTES, LongLine, bounded_lines
from grantcheck.schemes import SCHEME_IDS

if TYPE_CHECKING:
    from dask.bag import Bag

# a worker per process and options: made once, so that the parts a process is given after its
# first find the scheme modules imported and the engine's caches warm
_WORKERS: dict[Hashable, Worker] = {}
_BOM = "\ufeff".encode()


def _worker(as_of: date, rates: Mapping[str, Decimal] | None, schemes: Iterable[str],
            more: Mapping[str, Any]) -> Worker:
    ids = tuple(dict.fromkeys(schemes))  # a scheme given twice is checked once, as by batch
    key = (as_of, tuple(sorted((rates or {}).items())), ids, tuple(sorted(more.items())))
    worker = _WORKERS.get(key)
    if worker is None:
        if len(_WORKERS) >= 16:
            _WORKERS.clear()
        worker = _WORKERS[key] = Worker(Options(as_of, dict(rates or {}), ids, "json", **more))
    return worker


def check_lines(
    lines: Iterable[str | bytes],
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
    name: str = "<lines>",
    first: int = 1,
    **options: Any,
) -> list[str]:
    """The batch records (JSON text, no newline) of JSON Lines profiles: one per line that is
    not blank, in order. Pure: the same lines and arguments give the same records.

    ``name`` and ``first`` (the number of the first line) make each record's ``source``
    (``name:line``), as batch's are for a file. Further keyword arguments go to
    :class:`~grantcheck.batch.Options` (its output is always JSON). A line that is not a
    profile is an error record; nothing raises for one input.

    A line longer than batch's limit (1 MiB, its line end counted: :mod:`grantcheck.line_limit`)
    is an error record, the first line too; a binary file (``open(path, "rb")``) is read so,
    never more than the limit of a line held, as batch reads one.
    """
    if hasattr(lines, "readline") and not isinstance(lines, io.TextIOBase):
        lines = bounded_lines(lines)  # type: ignore[arg-type]  # a binary file
    raw = [_bounded(line.encode() if isinstance(line, str) else line) for line in lines]
    if first == 1 and raw and raw[0].startswith(_BOM):  # as batch reads a file's first line
        raw[0] = raw[0][len(_BOM):]
    worker = _worker(as_of, rates, schemes, options)
    return [r.text for r in worker.run(Lines(name, first, raw))]


def _bounded(line: bytes) -> bytes:
    """``line``, or its :class:`LongLine` when it is over the limit (its line end counted,
    a line given without one as if it had it)."""
    if len(line) < MAX_LINE_BYTES or type(line) is LongLine:
        return line
    length = len(line) + (not line.endswith(b"\n"))
    return line if length <= MAX_LINE_BYTES else LongLine.of(length)


def _check_part(files: Iterable[Any], as_of: date, rates: Mapping[str, Decimal] | None,
                schemes: tuple[str, ...], options: Mapping[str, Any]) -> list[str]:
    """The records of one file, given as a partition of one fsspec ``OpenFile``: read in
    binary, no line held longer than the limit (dask's ``read_text`` held each whole)."""
    out: list[str] = []
    for file in files:
        with file as fh:
            out += check_lines(bounded_lines(fh), as_of, rates=rates, schemes=schemes,
                               name=file.path, **options)
    return out


def check_files(
    paths: str | list[str],
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
    **options: Any,
) -> Bag:
    """A dask bag of the batch records of JSON Lines files (a glob, or a list of paths): one
    partition per file, each checked by :func:`check_lines` in whichever process dask gives it,
    its records in the file's order and each ``source`` the file and line, as batch's.

    Cut a large file into parts first (``split -l 100000``) so that there are partitions for
    every process. Nothing is computed until the bag is (``.to_textfiles('out/*.jsonl')``,
    ``.compute()``), on processes (a bag's default scheduler) or a distributed cluster: the
    threads scheduler would run the Python checks one at a time.
    """
    import dask.bag as db
    from fsspec import open_files

    # the files as dask's read_text finds them (a glob, a URL, gzip told by the name), each
    # read by the partition's process
    files = open_files(paths, mode="rb", compression="infer")
    from_sequence: Any = db.from_sequence  # dask's functions are not annotated
    bag: Bag = from_sequence(files, partition_size=1).map_partitions(
        _check_part, as_of, dict(rates or {}), tuple(schemes), dict(options))
    return bag
