"""A batch as a pure function of its input lines (:func:`check_lines`), for an engine that cuts
the input into parts and runs a Python function on each part in a process of its own: Dask bag
(:func:`check_files`, with the optional ``dask`` extra), Spark's ``mapPartitions``, a job queue.

The records are the ones ``grantcheck batch --format jsonl`` writes for the same lines, in the
same order, one per line that is not blank; a line that cannot be read is an error record, as in
batch. See docs/scale.md for when this is worth it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from grantcheck.batch.inputs import Lines
from grantcheck.batch.records import Options, Worker
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
    """
    raw = [line.encode() if isinstance(line, str) else line for line in lines]
    if first == 1 and raw and raw[0].startswith(_BOM):  # as batch reads a file's first line
        raw[0] = raw[0][len(_BOM):]
    worker = _worker(as_of, rates, schemes, options)
    return [r.text for r in worker.run(Lines(name, first, raw))]


def _check_part(pairs: Iterable[tuple[str, str]], as_of: date, rates: Mapping[str, Decimal] | None,
                schemes: tuple[str, ...], options: Mapping[str, Any]) -> list[str]:
    """The records of one file, given as dask's (line, path) pairs."""
    pairs = list(pairs)
    if not pairs:
        return []
    return check_lines((line for line, _ in pairs), as_of, rates=rates, schemes=schemes,
                       name=pairs[0][1], **options)


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

    read_text: Any = db.read_text  # dask's functions are not annotated
    bag: Bag = read_text(paths, files_per_partition=1, include_path=True).map_partitions(
        _check_part, as_of, dict(rates or {}), tuple(schemes), dict(options))
    return bag
