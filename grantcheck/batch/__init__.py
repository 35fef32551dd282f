"""Many profiles at once: streaming in, in parallel, streaming out (``grantcheck batch``).

Inputs become :class:`Task` objects, small and picklable: a TOML file, a line of a JSON Lines
file, a row of a registry CSV (:mod:`grantcheck.csv_input`), or a profile-shaped mapping. They
are read lazily, in order, and sent in chunks to worker processes (a JSON Lines file as blocks
of raw lines, :class:`Lines`, whose tasks the worker makes), which load, check and serialize
each one and send back only text (a CSV row, a JSON object) with a few facts for the summary, a
:class:`Block` per chunk: no result object crosses a process boundary. Results come back in
input order whatever the parallelism, and at most a fixed window of chunks is in flight, so
memory stays flat however many profiles there are.

One bad input never stops the rest: it becomes an error :class:`Record` naming the file (and
line) and what is wrong, in the same words as ``grantcheck match``.

Library use, in-process and without the CLI (a notebook, a pipeline's map step)::

    from datetime import date
    from grantcheck.batch import check_many
    for item in check_many(["profiles/"], as_of=date(2026, 11, 23)):
        print(item.source, item.error or [r.verdict.value for r in item.result.results])

and in parallel, with the output already serialized (what the CLI writes)::

    from grantcheck.batch import Options, Runner, jsonl_tasks
    with open("registry.jsonl", "rb") as fh, Runner(Options(date(2026, 11, 23)), jobs=2) as r:
        for record in r.map(jsonl_tasks(fh, "registry.jsonl")):
            print(record.text)

The package: :mod:`~grantcheck.batch.task` (the task an input becomes),
:mod:`~grantcheck.batch.paths` (tasks from paths, folders, globs and ``-``),
:mod:`~grantcheck.batch.inputs` (tasks from JSON Lines and an --input file),
:mod:`~grantcheck.batch.rows` (the rows of grantcheck's own CSV),
:mod:`~grantcheck.batch.load` (the profile of one task), :mod:`~grantcheck.batch.records`
(options, worker, records, blocks, tally), :mod:`~grantcheck.batch.pool` (worker processes,
:class:`Runner`), :mod:`~grantcheck.batch.signals` (Ctrl-C and SIGTERM) and
:mod:`~grantcheck.batch.inprocess` (:func:`check_many`). Import from here.
"""

from grantcheck.batch.inprocess import (
    Item,
    check_many,
)
from grantcheck.batch.inputs import (
    Chunk,
    InputFormat,
    Inputs,
    JsonLines,
    Lines,
    Tasks,
    file_inputs,
    input_format,
    jsonl_tasks,
    open_inputs,
)
from grantcheck.batch.load import (
    load_task,
)
from grantcheck.batch.partition import (
    check_lines,
)
from grantcheck.batch.paths import (
    GLOB_CHARS,
    glob_hint,
    matches_nothing,
    path_tasks,
)
from grantcheck.batch.pool import (
    JOBS_PER_CORE,
    Runner,
    WorkerDied,
    default_jobs,
    max_jobs,
    run,
)
from grantcheck.batch.records import (
    SHOWN_ERRORS,
    Block,
    Detail,
    Options,
    OutputKind,
    Record,
    Tally,
    Worker,
    encode,
    error_message,
)
from grantcheck.batch.rows import csv_tasks
from grantcheck.batch.signals import (
    SAME_SIGNAL_WITHIN,
    Interrupted,
    StopFlag,
    stop_on_interrupt,
)
from grantcheck.batch.task import InputError, Task, TaskKind
from grantcheck.csv_input import HeaderError

__all__ = [
    "GLOB_CHARS",
    "JOBS_PER_CORE",
    "SAME_SIGNAL_WITHIN",
    "SHOWN_ERRORS",
    "Block",
    "Chunk",
    "Detail",
    "HeaderError",
    "InputError",
    "InputFormat",
    "Inputs",
    "Interrupted",
    "Item",
    "JsonLines",
    "Lines",
    "Options",
    "OutputKind",
    "Record",
    "Runner",
    "StopFlag",
    "Tally",
    "Task",
    "TaskKind",
    "Tasks",
    "Worker",
    "WorkerDied",
    "check_lines",
    "check_many",
    "csv_tasks",
    "default_jobs",
    "encode",
    "error_message",
    "file_inputs",
    "glob_hint",
    "input_format",
    "jsonl_tasks",
    "load_task",
    "matches_nothing",
    "max_jobs",
    "open_inputs",
    "path_tasks",
    "run",
    "stop_on_interrupt",
]
