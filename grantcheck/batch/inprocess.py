"""Many profiles checked in this process, with result objects (:func:`check_many`): for a
notebook or a pipeline's map step, without the CLI or worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.batch.load import load_task
from grantcheck.batch.paths import _expand
from grantcheck.batch.task import Task
from grantcheck.matching import MatchResult, check
from grantcheck.profile import ProfileError
from grantcheck.schemes import SCHEME_IDS


@dataclass(frozen=True)
class Item:
    """One input checked in-process: the full result, or the error that stopped it."""

    source: str
    result: MatchResult | None
    error: ProfileError | None


def _tasks_of(inputs: Iterable[str | os.PathLike[str] | Task | Mapping[str, Any]]
              ) -> Iterator[Task]:
    for n, x in enumerate(inputs, 1):
        if isinstance(x, Task):
            yield x
        elif isinstance(x, Mapping):
            yield Task("data", f"item {n}", x)
        else:
            yield from _expand(os.fspath(x))


def check_many(
    inputs: Iterable[str | os.PathLike[str] | Task | Mapping[str, Any]],
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
) -> Iterator[Item]:
    """Check many profiles in this process, one at a time, yielding each result as it is done.

    ``inputs`` may mix paths (files, folders, globs), tasks (from :func:`jsonl_tasks`,
    :func:`csv_tasks`) and profile-shaped mappings (source ``item N``). A bad input gives an
    :class:`Item` with ``error`` set; the rest go on.
    """
    ids = tuple(schemes)
    for task in _tasks_of(inputs):
        try:
            profile = load_task(task)
        except ProfileError as e:
            yield Item(task.source, None, e)
            continue
        yield Item(task.source, check(profile, as_of, rates=rates, schemes=ids,
                                      source=task.source), None)
