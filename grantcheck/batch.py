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
import queue
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple

import jiter
from pydantic import ValidationError

from grantcheck.csv_input import HeaderError, check_header, plain_dates, profile_from_row
from grantcheck.engine import VERDICT_VALUE
from grantcheck.errors import format_problem, profile_error_lines
from grantcheck.matching import MatchResult, MatchSummary, check, summarize_match
from grantcheck.profile import (
    TOO_MANY_DIGITS,
    Problem,
    Profile,
    ProfileError,
    load_profile,
    profile_from_data,
)
from grantcheck.schemes import SCHEME_IDS

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = [
    "Block", "HeaderError", "InputError", "Interrupted", "Item", "JsonLines", "Lines", "Options",
    "Record", "Runner", "StopFlag", "Tally", "Task", "Tasks", "WorkerDied", "check_many",
    "csv_tasks", "default_jobs", "input_format", "jsonl_tasks", "load_task", "open_inputs",
    "path_tasks", "run", "stop_on_interrupt",
]

# --- inputs -----------------------------------------------------------------------------------

# a task and a record are made for every input: made with tuple.__new__ and every field, without
# the named tuple's constructor (a Python function around it), as engine's Check helpers are
_tuple_new = tuple.__new__

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


def _without_bom(line: bytes) -> bytes:
    """A file's first line without its UTF-8 byte order mark, if it has one."""
    return line[len(codecs.BOM_UTF8):] if line.startswith(codecs.BOM_UTF8) else line


def _binary_lines(fh: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, line) with a UTF-8 byte order mark taken off the first line."""
    for n, line in enumerate(fh, 1):
        yield n, _without_bom(line) if n == 1 else line


class Lines(NamedTuple):
    """Consecutive lines of a JSON Lines file as they travel to a worker, which makes their tasks
    (:meth:`tasks`): the file's name, the number of the first line, the lines (blank ones too)."""

    name: str
    first: int
    lines: list[bytes]

    def tasks(self) -> Iterator[Task]:
        """One task per line that is not blank, its source ``name:line``."""
        name = self.name
        for n, line in enumerate(self.lines, self.first):
            if not _blank(line):
                yield _tuple_new(Task, ("jsonl", f"{name}:{n}", line))


def _blank(line: bytes) -> bool:
    """Empty (a first line that was only a byte order mark) or ASCII whitespace only: the same
    as ``not line.strip()``, without the copy."""
    return not line or line.isspace()


class JsonLines:
    """A JSON Lines file opened in binary mode, read in blocks of lines (:meth:`take`).

    This is how batch reads one: the main process only cuts the file into blocks of raw lines,
    and each worker numbers its block's lines and makes their tasks (:class:`Lines`), instead of
    the main process making, sending and receiving one task per line (measured: most of the
    main process's work). Iterating it gives the tasks, one per non-blank line.
    """

    def __init__(self, fh: IO[bytes], name: str) -> None:
        self.fh = fh
        self.name = name
        self._next = 1  # the number of the next line to take
        self._ahead: list[bytes] = []  # the line empty() found, not yet taken
        self._first = True  # no line read yet

    def _read(self, n: int) -> list[bytes]:
        lines = list(itertools.islice(self.fh, n))
        if self._first and lines:
            self._first = False
            lines[0] = _without_bom(lines[0])
        return lines

    def empty(self) -> bool:
        """Whether no line is left that is not blank. The blank lines read to tell are passed
        (only counted); the first other line is kept for :meth:`take`."""
        if self._ahead:
            return False
        while line := self._read(1):
            if not _blank(line[0]):
                self._ahead = line
                return False
            self._next += 1
        return True

    def take(self, n: int) -> Lines | None:
        """The next ``n`` lines (fewer at the end), None when there are no more."""
        lines, self._ahead = self._ahead, []
        if len(lines) < n:
            lines += self._read(n - len(lines))
        if not lines:
            return None
        block = Lines(self.name, self._next, lines)
        self._next += len(lines)
        return block

    def __iter__(self) -> Iterator[Task]:
        while (block := self.take(256)) is not None:
            yield from block.tasks()


class Tasks:
    """A stream of tasks that can tell whether it is empty (by reading the first one ahead)."""

    def __init__(self, tasks: Iterable[Task]) -> None:
        self._tasks = iter(tasks)
        self._ahead: list[Task] = []

    def empty(self) -> bool:
        if not self._ahead:
            self._ahead = list(itertools.islice(self._tasks, 1))
        return not self._ahead

    def take(self, n: int) -> list[Task] | None:
        """The next ``n`` tasks (fewer at the end), None when there are no more."""
        ahead, self._ahead = self._ahead, []
        chunk = ahead + list(itertools.islice(self._tasks, n - len(ahead)))
        return chunk or None

    def __iter__(self) -> Iterator[Task]:
        ahead, self._ahead = self._ahead, []
        yield from ahead
        yield from self._tasks


Inputs = Tasks | JsonLines
Chunk = list[Task] | Lines  # what a worker is sent: tasks, or raw lines it makes tasks of


def jsonl_tasks(fh: IO[bytes], name: str) -> Iterator[Task]:
    """One task per non-blank line of a JSON Lines file opened in binary mode."""
    return iter(JsonLines(fh, name))


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


def file_inputs(fh: IO[bytes], name: str, fmt: InputFormat) -> Inputs:
    """The inputs of one --input file (binary mode) in the given format."""
    return JsonLines(fh, name) if fmt == "jsonl" else Tasks(csv_tasks(fh, name))


def open_inputs(stack: contextlib.ExitStack[Any], paths: Iterable[str], input_name: str | None,
                input_fmt: str | None, stdin: IO[str] | None) -> Inputs:
    """The inputs of the batch command: ``paths`` or one ``--input`` file (``-`` for stdin).
    Files are opened on ``stack``. Raises InputError or HeaderError for an input that cannot be
    read at all (before anything is written; :meth:`Tasks.empty` may raise it too)."""
    if input_name is None:
        return Tasks(path_tasks(paths, stdin))
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
        return file_inputs(fh, input_name if input_name != "-" else "<stdin>", fmt)
    except HeaderError as e:
        raise InputError(f"{input_name if input_name != '-' else '<stdin>'}: {e}", e.hint
                         ) from None


# --- loading and checking one input -----------------------------------------------------------


# json.loads(text, parse_float=Decimal) makes a decoder for every call: one made once
_DECODER = json.JSONDecoder(parse_float=Decimal)


# Profile.model_validate_json reads a line in one pass, without the Python objects of a parsed
# line in between (a batch's JSON Lines: 4 % fewer instructions a profile); but pydantic reads a
# JSON number with a fraction or an exponent through a binary float, which keeps 15 digits and
# not the way they are written (1.10 becomes 1.1, 2E3 becomes 2000). A line with such a number,
# or with what might be one, is read the exact way: a run of 16 digits and points (more than 15
# significant digits), a digit before an e or E (an exponent), a fraction ending in 0.
_DIGITS_AS_0 = bytes.maketrans(b"123456789.E", b"0000000000e")  # and E as e
_FRACTION_ENDING_IN_0 = re.compile(rb"\.[0-9]*0(?![0-9])")


def _numbers_read_exactly(line: bytes) -> bool:
    """Whether every number of ``line`` is one pydantic's JSON mode reads as written (see
    above; may say False of a line whose strings only look like such numbers)."""
    masked = line.translate(_DIGITS_AS_0)
    return (b"0000000000000000" not in masked and b"0e" not in masked
            and _FRACTION_ENDING_IN_0.search(line) is None)


def _json_profile(line: bytes, source: str) -> Profile:
    if _numbers_read_exactly(line):
        try:
            return Profile.model_validate_json(line)
        except ValidationError:
            pass  # read again below, the exact way, whose errors name the problem as before
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
    except ValueError:  # int(): more digits than Python converts
        raise ProfileError(source, [Problem("", TOO_MANY_DIGITS)]) from None
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


SHOWN_ERRORS = 20  # the failed inputs whose error lines a batch's summary shows


class Block(NamedTuple):
    """The records of consecutive inputs, ready to write: what a worker sends back for a chunk.

    ``texts`` holds each record's text in input order; ``errors`` the error lines of the first
    failed records (at most :data:`SHOWN_ERRORS` of them); ``warnings`` the distinct warnings;
    ``records`` the records themselves, kept only for the table (``Options.output == "none"``),
    which needs each one's name and verdicts.
    """

    texts: list[str]
    failed: int = 0
    internal: int = 0
    errors: tuple[tuple[str, ...], ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[Record, ...] = ()

    @property
    def done(self) -> int:
        return len(self.texts)

    @classmethod
    def of(cls, records: list[Record], keep: bool = False) -> Block:
        """The block of ``records``; ``keep`` keeps the records themselves."""
        texts = [r.text for r in records]
        failed = [r for r in records if not r.ok]
        warnings: dict[str, None] = {}
        for r in records:
            if r.warnings:
                warnings.update(dict.fromkeys(r.warnings))
        return cls(texts, len(failed), sum(r.internal for r in failed),
                   tuple(r.errors for r in failed[:SHOWN_ERRORS]), tuple(warnings),
                   tuple(records) if keep else ())


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

    def run(self, chunk: Iterable[Task] | Lines) -> list[Record]:
        """The records of a chunk's tasks (or of the tasks of its lines), in order."""
        tasks = chunk.tasks() if isinstance(chunk, Lines) else chunk
        return [self.one(t) for t in tasks]

    def block(self, chunk: Iterable[Task] | Lines) -> Block:
        """The records of a chunk, as one :class:`Block`."""
        return Block.of(self.run(chunk), keep=self.options.output == "none")

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
        return _tuple_new(Record, (m.source, True, text, m.profile.company.name, verdicts, (),
                                   False, tuple(m.warnings)))

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

class WorkerDied(RuntimeError):
    """A worker process ended while it had inputs to check (killed, out of memory)."""


def _serve(options: Options, tasks: Connection, results: Connection) -> None:
    """A worker process: checks the chunks it is sent, in order, and sends back each one's
    result (``("ok", value)``, or ``("error", text)`` for an error outside any one input's).

    A thread reads the chunks as they come, so the main process never waits to send one while
    this process waits to send it a result. ``None`` (or the main process gone) ends it.
    """
    # Ctrl-C and SIGTERM are the main process's to handle, also when they are sent to the
    # whole process group (a terminal's Ctrl-C, `timeout`, `kill -TERM -PGID`): it stops the
    # batch after the records being written, then ends the workers (SIGKILL) or lets them end
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    worker = Worker(options)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        try:
            while (message := tasks.recv()) is not None:
                inbox.put(message)
        except (EOFError, OSError):
            pass
        inbox.put(None)

    threading.Thread(target=read, name="grantcheck-inbox", daemon=True).start()
    while (message := inbox.get()) is not None:
        how, chunk = message
        try:
            answer: tuple[str, Any] = ("ok", worker.block(chunk) if how == "block"
                                       else worker.run(chunk))
        except Exception as e:  # said to the main process, which raises it
            answer = ("error", f"{type(e).__name__}: {e}")
        try:
            results.send(answer)
        except (BrokenPipeError, OSError):  # the main process is gone
            return


class _Workers:
    """``jobs`` worker processes, each sent its chunks through a pipe of its own and answering
    through another. Chunks go round robin, and each worker answers in the order it was sent
    them, so the answers are read back in input order from the pipes in turn: no thread in
    this process sorts them (multiprocessing.Pool's three threads took a third of the main
    process's CPU: one wakes at every byte of a result that has come in), and a worker that
    dies is noticed (Pool would wait for its answer for ever)."""

    def __init__(self, options: Options, jobs: int) -> None:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.procs: list[Any] = []
        self.sends: list[Connection] = []
        self.answers: list[Connection] = []
        self.pending: deque[int] = deque()  # the worker of each chunk in flight, in order
        self.next = 0
        self.ended: int | None = None  # a worker found ended when it was sent a chunk
        for n in range(jobs):
            task_out, task_in = ctx.Pipe(duplex=False)
            answer_out, answer_in = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_serve, args=(options, task_out, answer_in),
                               name=f"grantcheck-worker-{n + 1}", daemon=True)
            proc.start()
            task_out.close()  # the worker's ends: closed here, so its exit is seen as EOF
            answer_in.close()
            self.procs.append(proc)
            self.sends.append(task_in)
            self.answers.append(answer_out)

    def submit(self, how: str, chunk: Chunk) -> bool:
        """Send a chunk to the next worker; False when that one has ended (the answers to the
        chunks in flight can still be read, up to the first it did not answer)."""
        n = self.next
        self.next = (n + 1) % len(self.procs)
        try:
            self.sends[n].send((how, chunk))
        except OSError:  # BrokenPipeError: it has ended
            self.ended = n
            return False
        self.pending.append(n)
        return True

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether the oldest chunk's answer has come (waiting up to ``timeout`` seconds)."""
        return self.answers[self.pending[0]].poll(timeout)

    def get(self) -> Any:
        """The oldest chunk's answer (waiting for it)."""
        n = self.pending.popleft()
        try:
            how, value = self.answers[n].recv()
        except (EOFError, OSError):
            raise self._died(n) from None
        if how != "ok":
            raise RuntimeError(f"in a worker process: {value}")
        return value

    def check(self) -> None:
        """Raise WorkerDied for a worker found ended when it was sent a chunk."""
        if self.ended is not None:
            raise self._died(self.ended)

    def _died(self, n: int) -> WorkerDied:
        proc = self.procs[n]
        proc.join(1)
        code = proc.exitcode
        how = f"exit code {code}"
        if code is not None and code < 0:  # ended by a signal: SIGKILL is what the OOM killer sends
            try:
                how = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        return WorkerDied(f"worker process {n + 1} of {len(self.procs)} ended unexpectedly "
                          f"({how})")

    def close(self) -> None:
        """Let the workers end after their chunks, and wait for them (every answer must have
        been read: a worker would wait to send one for ever)."""
        for send in self.sends:
            with contextlib.suppress(OSError):
                send.send(None)
        self._join()

    def terminate(self) -> None:
        for proc in self.procs:
            proc.kill()  # SIGKILL: the workers ignore SIGTERM (see _serve)
        self._join()

    def _join(self) -> None:
        for proc in self.procs:
            proc.join()
        for conn in (*self.sends, *self.answers):
            conn.close()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Chunks:
    """Chunks of 1, 2, 4, … inputs up to ``limit``: the first results come back at once, and a
    few inputs are still spread over the workers. ``limit`` may be lowered as records come
    back, so that a chunk's output stays near a fixed size however large a record is."""

    def __init__(self, inputs: Inputs, limit: int) -> None:
        self.inputs = inputs
        self.limit = limit

    def __iter__(self) -> Iterator[Chunk]:
        size = 1
        while (chunk := self.inputs.take(size)) is not None:
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
        self._pool: _Workers | None = None
        self._runs = 0  # runs started on the worker processes (one at a time)

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            Worker(self.options)  # imports the renderers before the workers are forked
            self._pool = _Workers(self.options, self.jobs)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            if exc_type is None and not pool.pending:
                pool.close()  # done: every answer read, the workers end by themselves
            else:  # stopped early (Ctrl-C), or an error: what is still being checked is dropped
                pool.terminate()

    def map(self, tasks: Iterable[Task] | Inputs) -> Iterator[Record]:
        """The records of ``tasks``, in order; stops early when the stop flag is set."""
        if self._pool is None:
            worker = Worker(self.options)
            for task in tasks:
                if self.stop.stopped:
                    return
                yield worker.one(task)
            return
        for records in self._pooled(tasks, "records", lambda rs: [r.text for r in rs]):
            yield from records

    def blocks(self, tasks: Iterable[Task] | Inputs) -> Iterator[Block]:
        """The records of ``tasks`` in blocks, in order (a block per chunk sent to a worker;
        in-process, a block per record); stops early when the stop flag is set. What the CLI
        writes: a block costs the main process one object and one write, not one per record."""
        if self._pool is None:
            keep = self.options.output == "none"
            for record in self.map(tasks):
                yield Block.of([record], keep)
            return
        yield from self._pooled(tasks, "block", lambda block: block.texts)

    def _pooled(self, tasks: Iterable[Task] | Inputs, how: str,
                texts: Callable[[Any], list[str]]) -> Iterator[Any]:
        """The answers of the worker processes for each chunk of ``tasks``, in order: a
        :class:`Block` (``how`` "block") or a list of records; ``texts`` tells the size of an
        answer's output (for the size of the next chunks)."""
        pool = self._pool
        assert pool is not None
        while pool.pending:  # the answers of an earlier run left unread (its loop was left)
            pool.get()
        self._runs += 1
        run = self._runs
        inputs = tasks if isinstance(tasks, Tasks | JsonLines) else Tasks(tasks)
        # until a record has come back its size is unknown: start with small chunks
        chunks = _Chunks(inputs, min(self.chunk, self.FIRST_CHUNKS))
        window = self.jobs * self.WINDOW_PER_JOB
        for chunk in chunks:
            if self.stop.stopped:
                return
            if not pool.submit(how, chunk):
                break  # a worker has ended: the answers before its first unanswered chunk
            while pool.pending and (len(pool.pending) >= window or pool.ready()):
                if not self._wait(pool):
                    return
                answer = pool.get()
                chunks.limit = self._limit(texts(answer), chunks.limit)
                yield answer
                self._same_run(run)
        while pool.pending:
            if not self._wait(pool):
                return
            yield pool.get()
            self._same_run(run)
        pool.check()

    def _same_run(self, run: int) -> None:
        """Refuse to go on with a run after another one has started on this runner: the worker
        processes answer one run at a time, and the new run has dropped this one's answers."""
        if run != self._runs:
            raise RuntimeError("a runner with worker processes runs one map() or blocks() at a "
                               "time: another one started before this one was finished")

    def _limit(self, texts: list[str], limit: int) -> int:
        """The chunk size whose output would be about CHUNK_BYTES, judged by these texts (when
        there are none, a block of blank lines, twice ``limit``: blank lines cost nothing)."""
        if not texts:
            return min(self.chunk, 2 * limit)
        size = sum(len(t) + 64 for t in texts) / len(texts)
        return max(1, min(self.chunk, int(self.CHUNK_BYTES / size)))

    def _wait(self, pool: _Workers) -> bool:
        """Wait for the oldest answer; False when the stop flag is set first."""
        while not pool.ready(0.1):
            if self.stop.stopped:
                return False
        return True


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A second Ctrl-C or SIGTERM while a batch stops: it ends at once (``signum``: the signal)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# a signal again within this many seconds of the first is the same one: `timeout` and process
# managers send SIGTERM to the command and to its process group, so the command gets two
SAME_SIGNAL_WITHIN = 1.0


@contextlib.contextmanager
def stop_on_interrupt() -> Iterator[StopFlag]:
    """While the block runs, the first Ctrl-C or SIGTERM sets the flag (the batch then ends
    cleanly after the records being written); a second one, a second or more later, raises
    :class:`Interrupted` (the batch ends at once, its ``finally`` blocks run)."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return
    first = 0.0

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal first
        if not flag.stopped:
            first = time.monotonic()
            flag.set(signum)
        elif time.monotonic() - first > SAME_SIGNAL_WITHIN:
            raise Interrupted(signum)

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

    SHOWN_ERRORS = SHOWN_ERRORS

    done: int = 0
    failed: int = 0
    internal: int = 0
    error_lines: list[str] = field(default_factory=list)
    warnings: dict[str, None] = field(default_factory=dict)

    def add(self, block: Block) -> None:
        self.done += block.done
        for errors in block.errors[:max(0, self.SHOWN_ERRORS - self.failed)]:
            self.error_lines += errors
        self.failed += block.failed
        self.internal += block.internal
        for w in block.warnings:
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
