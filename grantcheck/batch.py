"""Many profiles at once: streaming in, in parallel, streaming out (``grantcheck batch``).

Inputs become :class:`Task` objects, small and picklable: a TOML file, a line of a JSON Lines
file, a row of a registry CSV (:mod:`grantcheck.csv_input`), or a profile-shaped mapping. They
are read lazily, in order, and sent in chunks to worker processes, which load, check and
serialize each one and send back only text (a CSV row, a JSON object) with a few facts for the
summary: no result object crosses a process boundary. Results come back in input order whatever
the parallelism, and at most a fixed window of chunks is in flight, so memory stays flat however
many profiles there are.

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
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import glob
import io
import itertools
import json
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Any, Literal, NamedTuple

import jiter

from grantcheck.csv_input import HeaderError, check_header, plain_dates, profile_from_row
from grantcheck.engine import VERDICT_VALUE
from grantcheck.errors import format_problem, profile_error_lines
from grantcheck.matching import MatchResult, MatchSummary, check, summarize_match
from grantcheck.profile import Problem, Profile, ProfileError, load_profile, profile_from_data
from grantcheck.schemes import SCHEME_IDS

__all__ = [
    "HeaderError", "InputError", "Item", "Options", "Record", "Runner", "StopFlag", "Tally", "Task",
    "check_many", "csv_tasks", "default_jobs", "input_format", "jsonl_tasks", "load_task",
    "open_tasks", "path_tasks", "run", "stop_on_interrupt",
]

# --- inputs -----------------------------------------------------------------------------------

TaskKind = Literal["toml", "jsonl", "csv", "data", "missing"]


class Task(NamedTuple):
    """One input, as it travels to a worker.

    ``payload`` is, by ``kind``: ``toml`` the file path; ``jsonl`` the line's bytes; ``csv`` the
    row as {column: cell}; ``data`` a profile-shaped mapping; ``missing`` the message saying why
    there is nothing to read (a glob that matched no file).
    """

    kind: TaskKind
    source: str
    payload: Any


class InputError(ValueError):
    """An input that cannot be read at all (not one profile: the whole file or option)."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.hint = hint
        super().__init__(message)


GLOB_CHARS = frozenset("*?[")


def _folder(root: str) -> Iterator[Task]:
    """Every *.toml below ``root``, folders and files in sorted order, found as it walks."""
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".toml"):
                path = str(Path(folder, name))
                yield Task("toml", path, path)


def _expand(arg: str, *, globs: bool = True) -> Iterator[Task]:
    if os.path.isdir(arg):
        yield from _folder(arg)
    elif globs and not os.path.exists(arg) and GLOB_CHARS & set(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield Task("missing", arg, "no file matches this pattern")
        for m in matches:
            yield from _expand(m, globs=False)
    else:
        path = str(Path(arg))
        yield Task("toml", path, path)  # a file that does not exist says so when it is loaded


def path_tasks(args: Iterable[str], stdin: IO[str] | None = None) -> Iterator[Task]:
    """TOML profiles from paths, folders (searched for *.toml), globs (``**`` too) and ``-``.

    ``-`` reads a list of paths from ``stdin``, one per line, taken literally (no glob); a
    folder among them is searched like one given as an argument.
    """
    for arg in args:
        if arg == "-":
            if stdin is None:
                raise InputError("'-' reads paths from stdin, and there is none")
            for line in stdin:
                path = line.strip()
                if path:
                    yield from _expand(path, globs=False)
        else:
            yield from _expand(arg)


def _binary_lines(fh: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, line) with a UTF-8 byte order mark taken off the first line."""
    for n, line in enumerate(fh, 1):
        if n == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        yield n, line


def jsonl_tasks(fh: IO[bytes], name: str) -> Iterator[Task]:
    """One task per non-blank line of a JSON Lines file opened in binary mode."""
    for n, line in _binary_lines(fh):
        if line.strip():
            yield Task("jsonl", f"{name}:{n}", line)


def csv_tasks(fh: IO[bytes], name: str) -> Iterator[Task]:
    """One task per row of a registry CSV opened in binary mode.

    The header is read and checked now, so a file with an unknown or missing column raises
    :class:`HeaderError` before anything is written; the rows are read as they are asked for.
    The delimiter is ``,`` or, when the header has more of them, ``;`` (a Nordic spreadsheet's
    export). A row whose cells are not UTF-8, or whose cell count differs from the header's, is
    an error task.
    """
    lines = (line.decode("utf-8", "surrogateescape") for _, line in _binary_lines(fh))
    first = next(lines, "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise HeaderError("the file is empty: no header row") from None
    except csv.Error as e:
        raise HeaderError(f"the header row cannot be read: {e}") from None
    names = check_header(header)
    return _csv_rows(reader, names, name)


def _csv_rows(reader: Any, names: list[str], name: str) -> Iterator[Task]:
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            end = reader.line_num
            yield Task("missing", f"{name}:{start}", f"not a CSV row: {e}")
            continue
        end = reader.line_num
        source = f"{name}:{start}"
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            yield Task("missing", source,
                       f"has {len(row)} cells where the header has {len(names)} columns")
            continue
        try:
            "".join(row).encode("utf-8")
        except UnicodeEncodeError:
            yield Task("missing", source, "is not UTF-8 text")
            continue
        yield Task("csv", source, dict(zip(names, row, strict=True)))


InputFormat = Literal["jsonl", "csv"]
_EXTENSIONS: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def input_format(name: str, given: str | None) -> InputFormat:
    """The format of an --input file: as given, else from its extension."""
    if given is not None:
        if given not in ("jsonl", "csv"):
            raise InputError(f"--input-format {given!r}: expected jsonl or csv")
        return "jsonl" if given == "jsonl" else "csv"
    fmt = _EXTENSIONS.get(Path(name).suffix.lower())
    if fmt is None:
        what = "stdin" if name == "-" else f"the name {name!r}"
        raise InputError(f"--input {name}: cannot tell the format from {what}",
                         "add --input-format jsonl or --input-format csv")
    return fmt


def file_tasks(fh: IO[bytes], name: str, fmt: InputFormat) -> Iterator[Task]:
    """The tasks of one --input file (binary mode) in the given format."""
    return jsonl_tasks(fh, name) if fmt == "jsonl" else csv_tasks(fh, name)


def open_tasks(stack: contextlib.ExitStack[Any], paths: Iterable[str], input_name: str | None,
               input_fmt: str | None, stdin: IO[str] | None) -> Iterator[Task]:
    """The tasks of the batch command's inputs: ``paths`` or one ``--input`` file (``-`` for
    stdin). Files are opened on ``stack``. Raises InputError or HeaderError for an input that
    cannot be read at all (before anything is written)."""
    if input_name is None:
        return path_tasks(paths, stdin)
    fmt = input_format(input_name, input_fmt)
    if input_name == "-":
        if stdin is None:
            raise InputError("--input -: there is no stdin to read")
        fh: IO[bytes] = getattr(stdin, "buffer", None) or io.BytesIO(stdin.read().encode())
    else:
        try:
            fh = stack.enter_context(open(input_name, "rb"))  # noqa: SIM115 (closed by stack)
        except FileNotFoundError:
            raise InputError(f"--input {input_name}: no such file") from None
        except OSError as e:
            raise InputError(f"--input {input_name}: {e.strerror or e}") from None
    try:
        return file_tasks(fh, input_name if input_name != "-" else "<stdin>", fmt)
    except HeaderError as e:
        raise InputError(f"{input_name if input_name != '-' else '<stdin>'}: {e}", e.hint
                         ) from None


# --- loading and checking one input -----------------------------------------------------------


# json.loads(text, parse_float=Decimal) makes a decoder for every call: one made once
_DECODER = json.JSONDecoder(parse_float=Decimal)


def _json_profile(line: bytes, source: str) -> Profile:
    try:
        # jiter (pydantic's JSON parser) reads a line in half the time json takes, its numbers
        # exact (floats as Decimal, as json's parse_float gives them); anything it refuses is
        # read again by json, whose words say what is wrong (and which reads what jiter does not)
        data = jiter.from_json(line, float_mode="decimal", allow_inf_nan=False)
    except ValueError:
        data = _json_data(line, source)
    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("", "a line must be a JSON object of the profile "
                                            f"shape (got {type(data).__name__})")])
    return _data_profile(data, source)


def _json_data(line: bytes, source: str) -> Any:
    """A line read by the json module, or ProfileError saying what is wrong with it."""
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise ProfileError(source, [Problem("", "is not UTF-8 text")]) from None
    try:
        if text.startswith("\ufeff"):  # as json.loads says it (decode alone would not)
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        data = _DECODER.decode(text)
    except json.JSONDecodeError as e:
        raise ProfileError(source, [Problem("", f"not valid JSON: {e.msg} (column {e.colno})")]
                           ) from None
    except RecursionError:
        raise ProfileError(source, [Problem("", "not valid JSON: nested too deeply")]) from None
    return data


def _data_profile(data: Mapping[str, Any], source: str) -> Profile:
    try:
        return profile_from_data(dict(data), source)
    except ProfileError as e:
        raise ProfileError(source, [plain_dates(p) for p in e.problems]) from None


def load_task(task: Task) -> Profile:
    """The profile of one task; raises ProfileError naming the source, line and field."""
    kind, source, payload = task
    if kind == "toml":
        return load_profile(payload)
    if kind == "jsonl":
        return _json_profile(payload, source)
    if kind == "csv":
        return profile_from_row(payload, source)
    if kind == "data":
        return _data_profile(payload, source)
    raise ProfileError(source, [Problem("", str(payload))])


# --- results ----------------------------------------------------------------------------------

OutputKind = Literal["json", "csv", "none"]


@dataclass(frozen=True)
class Options:
    """What every profile of a batch is checked with, and how a record is serialized."""

    as_of: date
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    schemes: tuple[str, ...] = SCHEME_IDS
    output: OutputKind = "json"  # json: one JSON object per record; csv: one CSV row; none

    def __post_init__(self) -> None:
        """Refuses an unknown scheme id (UnknownScheme, with a hint) or output kind at once,
        not once per profile; the scheme modules are imported here, before any worker starts,
        so that forked workers share them."""
        from grantcheck.schemes import get

        for sid in self.schemes:
            get(sid)
        if self.output not in ("json", "csv", "none"):
            raise ValueError(f"output {self.output!r}: expected json, csv or none")


class Record(NamedTuple):
    """One input's outcome, ready to write.

    ``text`` is the record serialized for ``Options.output`` (a JSON object of the shape of
    ``grantcheck match --format json``, or a CSV row with its newline). ``verdicts`` holds
    ``(verdict, verdict_if_open)`` per scheme. ``errors`` holds the ``Error: …`` and ``Hint: …``
    lines ``grantcheck match`` would print for this input.
    """

    source: str
    ok: bool
    text: str
    name: str = ""
    verdicts: tuple[tuple[str, str], ...] = ()
    errors: tuple[str, ...] = ()
    internal: bool = False
    warnings: tuple[str, ...] = ()


def error_message(e: ProfileError) -> str:
    """Every problem of ``e`` on one line: 'file:line: field: what (Hint: …)'; '; ' between."""
    parts = []
    for p in e.problems:
        text = format_problem(e.source, p)
        parts.append(f"{text} (Hint: {p.hint})" if p.hint else text)
    return "; ".join(parts)


class Worker:
    """Loads, checks and serializes tasks; one per process (or one in-process for jobs=1)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.rates = dict(options.rates)
        if options.output == "csv":
            from grantcheck.render.csv import RowWriter

            self.rows = RowWriter()

    def run(self, tasks: list[Task]) -> list[Record]:
        return [self.one(t) for t in tasks]

    def one(self, task: Task) -> Record:
        try:
            profile = load_task(task)
            if self.options.output == "json":
                return self._full(check(profile, self.options.as_of, rates=self.rates,
                                        schemes=self.options.schemes, source=task.source))
            # csv and the table need the verdicts and amounts only, not the findings
            return self._summary(summarize_match(profile, self.options.as_of, rates=self.rates,
                                                 schemes=self.options.schemes,
                                                 source=task.source))
        except ProfileError as e:
            return self._error(task.source, e)
        except Exception as e:  # a bug of ours: this input's record says so, the rest go on
            return self._internal(task.source, e)

    def _full(self, m: MatchResult) -> Record:
        from grantcheck.render.json import match_to_json

        return self._record(m, match_to_json(m))

    def _summary(self, m: MatchSummary) -> Record:
        text = ""
        if self.options.output == "csv":
            from grantcheck.render.csv import result_row

            text = self.rows.text(result_row(m))
        return self._record(m, text)

    @staticmethod
    def _record(m: MatchResult | MatchSummary, text: str) -> Record:
        verdicts = tuple((VERDICT_VALUE[r.verdict], VERDICT_VALUE[r.verdict_if_open])
                         for r in m.results)
        return Record(m.source, True, text, m.profile.company.name, verdicts, (), False,
                      tuple(m.warnings))

    def _error(self, source: str, e: ProfileError) -> Record:
        return Record(source, False, self._error_text(source, e), errors=tuple(
            profile_error_lines(e)))

    def _internal(self, source: str, exc: Exception) -> Record:
        message = f"internal error: {type(exc).__name__}: {exc}"
        e = ProfileError(source, [Problem("", message)])
        return Record(source, False, self._error_text(source, e),
                      errors=(f"Error: {source}: {message}",), internal=True)

    def _error_text(self, source: str, e: ProfileError) -> str:
        out = self.options.output
        if out == "json":
            from grantcheck.render.json import error_to_dict

            return json.dumps(error_to_dict(source, error_message(e), e.problems),
                              ensure_ascii=False)
        if out == "csv":
            from grantcheck.render.csv import error_row

            return self.rows.text(error_row(source, error_message(e), len(self.options.schemes)))
        return ""


# --- in parallel, in order, with a bounded window -----------------------------------------------

_WORKER: Worker | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main's handler: terminate() ends us
    _WORKER = Worker(options)


def _run_chunk(tasks: list[Task]) -> list[Record]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.run(tasks)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Chunks:
    """Chunks of 1, 2, 4, … tasks up to ``limit``: the first results come back at once, and a
    few inputs are still spread over the workers. ``limit`` may be lowered as records come
    back, so that a chunk's output stays near a fixed size however large a record is."""

    def __init__(self, tasks: Iterable[Task], limit: int) -> None:
        self.tasks = iter(tasks)
        self.limit = limit

    def __iter__(self) -> Iterator[list[Task]]:
        size = 1
        while chunk := list(itertools.islice(self.tasks, size)):
            yield chunk
            size = min(size * 2, self.limit)


class StopFlag:
    """Set by Ctrl-C (or SIGTERM) while a batch runs: the batch ends after the record being
    written. ``signum`` is the signal that set it."""

    def __init__(self) -> None:
        self.stopped = False
        self.signum = 0

    def set(self, signum: int = signal.SIGINT) -> None:
        self.stopped = True
        self.signum = signum


class Runner:
    """Checks tasks with ``jobs`` processes (in-process for 1), yielding records in input order.

    Use it as a context manager: the worker processes start on entry (before a progress bar's
    thread does) and are ended on exit, also after Ctrl-C or an error.
    """

    WINDOW_PER_JOB = 4  # chunks in flight per worker process
    CHUNK_BYTES = 1 << 19  # aim for about this much output per chunk (bounds memory in flight)
    FIRST_CHUNKS = 4  # the largest chunk before the size of a record is known

    def __init__(self, options: Options, *, jobs: int = 1, chunk: int = 256,
                 stop: StopFlag | None = None) -> None:
        self.options = options
        self.jobs = max(1, jobs)
        self.chunk = max(1, chunk)
        self.stop = stop or StopFlag()
        self._pool: Any = None

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            import multiprocessing

            Worker(self.options)  # imports the renderers before the workers are forked

            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.jobs, initializer=_init_worker, initargs=(self.options,))
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            if exc_type is None:
                # done, or stopped by the flag: let the few chunks in flight finish and the
                # workers exit. Pool.terminate() on busy workers can deadlock in CPython's pool
                # (its task thread waits on the input queue's lock forever), so it is kept for
                # an exception, where waiting is not wanted.
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, tasks: Iterable[Task]) -> Iterator[Record]:
        """The records of ``tasks``, in order; stops early when the stop flag is set."""
        if self._pool is None:
            worker = Worker(self.options)
            for task in tasks:
                if self.stop.stopped:
                    return
                yield worker.one(task)
            return
        # until a record has come back its size is unknown: start with small chunks
        chunks = _Chunks(tasks, min(self.chunk, self.FIRST_CHUNKS))
        pending: deque[Any] = deque()
        window = self.jobs * self.WINDOW_PER_JOB
        for chunk in chunks:
            if self.stop.stopped:
                return
            pending.append(self._pool.apply_async(_run_chunk, (chunk,)))
            while pending and (len(pending) >= window or pending[0].ready()):
                records = self._wait(pending.popleft())
                if records is None:
                    return
                chunks.limit = self._limit(records)
                yield from records
        while pending:
            records = self._wait(pending.popleft())
            if records is None:
                return
            yield from records

    def _limit(self, records: list[Record]) -> int:
        """The chunk size whose output would be about CHUNK_BYTES, judged by these records."""
        size = sum(len(r.text) + 64 for r in records) / max(1, len(records))
        return max(1, min(self.chunk, int(self.CHUNK_BYTES / size)))

    def _wait(self, result: Any) -> list[Record] | None:
        while not result.ready():
            result.wait(0.1)
            if self.stop.stopped:
                return None
        records: list[Record] = result.get()
        return records


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def stop_on_interrupt() -> Iterator[StopFlag]:
    """While the block runs, the first Ctrl-C or SIGTERM sets the flag (the batch then ends
    cleanly after the record being written); a second one interrupts at once."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        flag.set(signum)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    previous = [signal.signal(s, handler) for s in _STOP_SIGNALS]
    try:
        yield flag
    finally:
        for s, before in zip(_STOP_SIGNALS, previous, strict=True):
            signal.signal(s, before)


def run(tasks: Iterable[Task], options: Options, *, jobs: int = 1) -> Iterator[Record]:
    """The records of ``tasks`` in input order, checked by ``jobs`` processes."""
    with Runner(options, jobs=jobs) as runner:
        yield from runner.map(tasks)


@dataclass
class Tally:
    """Counts of a batch as it runs, the first errors to show, and the distinct warnings."""

    SHOWN_ERRORS = 20

    done: int = 0
    failed: int = 0
    internal: int = 0
    error_lines: list[str] = field(default_factory=list)
    warnings: dict[str, None] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        self.done += 1
        if not record.ok:
            self.failed += 1
            self.internal += record.internal
            if self.failed <= self.SHOWN_ERRORS:
                self.error_lines += record.errors
        for w in record.warnings:
            if w not in self.warnings and len(self.warnings) < self.SHOWN_ERRORS:
                self.warnings[w] = None


# --- in-process, with result objects --------------------------------------------------------


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
