"""A batch's inputs as :class:`Task` objects: TOML files from paths, folders and globs
(:mod:`~grantcheck.batch.paths`); the lines of a JSON Lines file, read in blocks of raw lines
(:class:`JsonLines`, :class:`Lines`), none longer than the limit (:mod:`grantcheck.line_limit`);
the rows of a registry CSV; and the ``--input`` file of the command (:func:`open_inputs`)."""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

from grantcheck.batch.formats import refuse_no_input
from grantcheck.batch.paths import path_tasks
from grantcheck.batch.rows import csv_tasks
from grantcheck.batch.signals import StopFlag
from grantcheck.batch.stream import stream_of
from grantcheck.batch.task import InputError, Task, _without_bom
from grantcheck.csv_input import HeaderError
from grantcheck.line_limit import LIMIT, LongLine, ended, skip_rest, too_long
from grantcheck.named import NamedTuple
from grantcheck.wide_text import SAMPLE, wide_encoding

# a task and a record are made for every input: made with tuple.__new__ and every field, without
# the named tuple's constructor (a Python function around it), as engine's Check helpers are
_tuple_new = tuple.__new__


BROKEN_HINT = "the file is cut short or damaged: download it again (gzip -t FILE tests a .gz)"
# what reading a file may raise part way (a truncated or corrupt gzip file, an I/O error)
_READ_ERRORS = (EOFError, OSError, zlib.error)


def read_error(e: BaseException) -> str:
    """What a read error of :data:`_READ_ERRORS` says about the file, in words."""
    if isinstance(e, EOFError):
        return "the gzip file is truncated (it ends before gzip's end-of-stream marker)"
    if isinstance(e, zlib.error) or type(e).__name__ == "BadGzipFile":
        return f"the gzip file is corrupt ({e})"
    return f"{getattr(e, 'strerror', None) or e}"


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
        # a stream that stays open is read as it comes (a block ends where it pauses)
        self._stream = stream_of(fh)
        self._source: Any = self._stream or fh
        # the lines, none read longer than the limit (iterating fh would read a line whole)
        self._lines = iter(functools.partial(self._source.readline, LIMIT), b"")
        self._next = 1  # the number of the next line to take
        self._ahead: list[bytes] = []  # the line empty() found, not yet taken
        self._first = True  # no line read yet
        self.broken: str | None = None  # as Tasks.broken: a gzip file cut short, an I/O error

    def _read(self, n: int) -> list[bytes]:
        lines: list[bytes] = []
        append = lines.append
        stream = self._stream
        try:
            for line in itertools.islice(self._lines, n):  # a line over the limit: at once
                append(line if len(line) < LIMIT else self._long(line, self._first and not lines))
                if stream is not None and not stream.ready(LIMIT):
                    break  # the stream pauses: the lines read so far are a block
        except _READ_ERRORS as e:  # a gzip file cut short: the lines before it are kept
            self.broken = self.broken or read_error(e)
            self._lines = iter(())
        if self._first and lines:
            self._first = False
            lines[0] = _without_bom(lines[0])
        return lines

    def _long(self, piece: bytes, first: bool) -> LongLine:
        """The :class:`LongLine` of a line over the limit that ``piece`` begins, the rest of it
        read past: an error record. A first line over the limit refuses the file, the rest of
        it not read (/dev/zero): it is no JSON Lines (InputError)."""
        if first:
            raise InputError(f"{self.name}:{self._next}: not JSON Lines: {too_long()}",
                             "JSON Lines is one profile of a few KB per line; one JSON array on "
                             "one line: jq -c '.[]' FILE writes it so")
        return LongLine.of(LIMIT + (0 if ended(piece) else skip_rest(self._source)))

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

    def until(self, stop: StopFlag) -> None:
        """A stream that stays open ends when ``stop`` is set while it is waited for (Ctrl-C
        while it pauses: there is nothing in flight to wait for)."""
        if self._stream is not None:
            self._stream.stop = stop

    def ready(self) -> bool:
        """Whether :meth:`take` can give a line (or tell the end) without waiting: always for a
        file; for a stream that stays open, when it has a line to give."""
        return bool(self._ahead) or self._stream is None or self._stream.ready(LIMIT)

    def ahead(self, n: int) -> int:
        """How many profiles (lines not blank) are left, counted up to ``n``: the lines read to
        tell are kept for :meth:`take`. A stream that stays open and pauses after a profile
        counts as ``n`` (more may come: not waited for)."""
        found = sum(not _blank(line) for line in self._ahead)
        while found < n:
            if found and self._stream is not None and not self._stream.ready(LIMIT):
                return n
            if not (line := self._read(1)):
                break
            if self._ahead or not _blank(line[0]):  # leading blank lines: only counted
                self._ahead += line
                found += not _blank(line[0])
            else:
                self._next += 1
        return found

    def take(self, n: int) -> Lines | None:
        """The next ``n`` lines (fewer at the end), None when there are no more."""
        lines, self._ahead = self._ahead[:n], self._ahead[n:]
        paused = self._stream is not None and not self._stream.ready(LIMIT)
        if len(lines) < n and not (lines and paused):  # a stream's pause ends the block
            lines += self._read(n - len(lines))
        if not lines:
            return None
        block = Lines(self.name, self._next, lines)
        self._next += len(lines)
        return block

    def __iter__(self) -> Iterator[Task]:
        while (block := self.take(256)) is not None:
            yield from block.tasks()


def nothing_in(input_name: str | None, paths: Iterable[str] | None, what: str) -> tuple[str, str]:
    """The inputs that gave no ``what`` (profile, unit), and why, in words: ``--input
    x.jsonl``, ``the file is empty`` (0 bytes); ``--input -``, ``stdin gave none``; ``ed``,
    ``no *.toml file in the folder`` (the command's paths, the first three named)."""
    import stat

    if input_name == "-":
        return "--input -", f"stdin gave no {what}"
    if input_name is not None:
        try:
            st = os.stat(input_name)
            empty = stat.S_ISREG(st.st_mode) and st.st_size == 0
        except OSError:
            empty = False
        return f"--input {input_name}", (
            "the file is empty" if empty
            else f"no {what} in the file (blank lines, or a CSV header row alone)")
    given = list(paths or ())
    if given == ["-"]:
        return "-", "stdin gave no path of a profile"
    named = ", ".join(given[:3]) + (f" and {len(given) - 3} more" if len(given) > 3 else "")
    if all(os.path.isdir(p) for p in given):
        return named, "no *.toml file in the folder" + ("s" if len(given) > 1 else "")
    return named, f"no {what} found"


class Tasks:
    """A stream of tasks that can tell whether it is empty (by reading the first one ahead).

    A file that cannot be read to its end (a truncated gzip file) ends the stream where it
    breaks, the tasks before it kept: :attr:`broken` then says why, for the caller to report
    once what was read before has been checked."""

    def __init__(self, tasks: Iterable[Task]) -> None:
        self._tasks = iter(tasks)
        self._ahead: list[Task] = []
        self.broken: str | None = None

    def _pull(self, n: int) -> list[Task]:
        got: list[Task] = []
        try:
            got.extend(itertools.islice(self._tasks, n))  # kept: what came before an error
        except _READ_ERRORS as e:
            self._broke(e)
        return got

    def _broke(self, e: BaseException) -> None:
        self.broken = self.broken or read_error(e)
        self._tasks = iter(())

    def empty(self) -> bool:
        if not self._ahead:
            self._ahead = self._pull(1)
        return not self._ahead

    def ahead(self, n: int) -> int:
        """How many tasks are left, counted up to ``n`` (read ahead, kept for :meth:`take`)."""
        if len(self._ahead) < n:
            self._ahead += self._pull(n - len(self._ahead))
        return min(n, len(self._ahead))

    def take(self, n: int) -> list[Task] | None:
        """The next ``n`` tasks (fewer at the end), None when there are no more."""
        ahead, self._ahead = self._ahead[:n], self._ahead[n:]
        chunk = ahead + self._pull(n - len(ahead))
        return chunk or None

    def ready(self) -> bool:
        """Whether :meth:`take` can go on without waiting: tasks are not read from a stream
        that pauses (a list of paths on stdin waits for its lines), so always."""
        return True

    def __iter__(self) -> Iterator[Task]:
        ahead, self._ahead = self._ahead, []
        yield from ahead
        try:
            yield from self._tasks
        except _READ_ERRORS as e:
            self._broke(e)


Inputs = Tasks | JsonLines
Chunk = list[Task] | Lines  # what a worker is sent: tasks, or raw lines it makes tasks of


def jsonl_tasks(fh: IO[bytes], name: str) -> Iterator[Task]:
    """One task per non-blank line of a JSON Lines file opened in binary mode."""
    return iter(JsonLines(fh, name))


InputFormat = Literal["jsonl", "csv"]
_EXTENSIONS: dict[str, InputFormat] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def input_format(name: str, given: str | None) -> InputFormat:
    """The format of an --input file: as given, else from its extension."""
    if given is not None:
        if given not in ("jsonl", "csv"):
            raise InputError(f"--input-format {given!r}: expected jsonl or csv")
        return "jsonl" if given == "jsonl" else "csv"
    # FILE.jsonl.gz, FILE.csv.gz: read through gzip (:func:`_gunzipped`), as batch -o writes them
    fmt = _EXTENSIONS.get(Path(name.lower().removesuffix(".gz")).suffix)
    if fmt is None:
        what = "stdin" if name == "-" else f"the name {name!r}"
        raise InputError(f"--input {name}: cannot tell the format from {what}",
                         "add --input-format jsonl or --input-format csv")
    return fmt


def file_inputs(fh: IO[bytes], name: str, fmt: InputFormat) -> Inputs:
    """The inputs of one --input file (binary mode) in the given format."""
    return JsonLines(fh, name) if fmt == "jsonl" else Tasks(csv_tasks(fh, name))


def _gunzipped(fh: IO[bytes], display: str) -> IO[bytes]:
    """``fh``, or a stream of its uncompressed bytes when it starts with gzip's magic number
    (told by the bytes, not the name): JSON Lines and CSV are read through gzip, as a
    registry's bulk file is and as ``batch -o FILE.gz`` writes them. Raises InputError for a
    file whose start is no gzip or UTF-8 (UTF-16 or UTF-32) or cannot be read."""
    from grantcheck.registry.common import maybe_gunzip

    try:
        plain = maybe_gunzip(fh)
        start = plain.peek(SAMPLE)[:SAMPLE]  # type: ignore[attr-defined]
    except _READ_ERRORS as e:  # a gzip file cut short in its first block, or corrupt
        raise InputError(f"--input {display}: cannot be read: {read_error(e)}",
                         BROKEN_HINT) from None
    _refuse_wide(start, display)
    return plain


def _refuse_wide(start: bytes, display: str) -> None:
    """An InputError for a file (or the text in a gzip file) in UTF-16 or UTF-32
    (:func:`~grantcheck.wide_text.wide_encoding`): every line would fail as not UTF-8."""
    if wide := wide_encoding(start):
        raise InputError(f"--input {display}: {wide.said}", wide.hint())


def open_inputs(stack: contextlib.ExitStack[Any], paths: Iterable[str], input_name: str | None,
                input_fmt: str | None, stdin: IO[str] | None, on: date | None = None,
                output: str | None = None, loops: dict[str, str] | None = None) -> Inputs:
    """The inputs of the batch command: ``paths`` (never the file ``output``, a glob's loops
    in ``loops``: path_tasks) or one ``--input`` file (``-`` for stdin); a registry's file as
    on the date ``on``, opened on ``stack``. InputError or HeaderError for one unread."""
    if input_name is None:
        return Tasks(path_tasks(paths, stdin, output, loops))
    from grantcheck import registry  # the registries' bulk files (issue 21)

    fmt = None if input_fmt in registry.FORMATS else input_format(input_name, input_fmt) if (
        input_fmt is not None) else None
    if input_name == "-":
        if stdin is None:
            raise InputError("--input -: standard input is closed (<&-): there is nothing to "
                             "read", "give the file's name, or send it in: --input - < FILE")
        fh: IO[bytes] = getattr(stdin, "buffer", None) or io.BytesIO(stdin.read().encode())
    else:
        try:
            fh = stack.enter_context(open(input_name, "rb"))  # noqa: SIM115 (closed by stack)
        except FileNotFoundError:
            if os.path.islink(input_name):  # ls lists it: say where it points
                raise InputError(f"--input {input_name}: is a symbolic link to "
                                 f"{os.readlink(input_name)}, which does not exist",
                                 "point the link at the file, or give that file") from None
            raise InputError(f"--input {input_name}: no such file") from None
        except IsADirectoryError:
            import shlex

            raise InputError(f"--input {input_name}: is a folder, not a file",
                             "--input takes one file (JSON Lines, CSV, a registry's bulk "
                             "file); a folder of TOML profiles: grantcheck batch "
                             f"{shlex.quote(input_name)}") from None
        except PermissionError as e:
            from grantcheck.profile.load import PERMISSION_HINT

            raise InputError(f"--input {input_name}: {e.strerror or e}", PERMISSION_HINT
                             ) from None
        except OSError as e:
            raise InputError(f"--input {input_name}: {e.strerror or e}") from None
    display = input_name if input_name != "-" else "<stdin>"
    peek = getattr(fh, "peek", None)  # a file or stdin's buffer
    if peek is not None:
        _refuse_wide(peek(SAMPLE)[:SAMPLE], display)
    fh = refuse_no_input(fh, display)  # before a format is told from its name
    if fmt is None:
        fh, guessed = registry.sniff(fh)
        if input_fmt in registry.FORMATS and guessed not in (None, input_fmt):
            # every unit would fail: said once, before anything is written
            raise InputError(f"--input-format {input_fmt}: {display} looks like {guessed} "
                             "(its start names that registry's fields)",
                             f"give --input-format {guessed}, or leave it out: the format is "
                             "told from the file's start")
        if input_fmt is None and guessed is None:
            fmt = input_format(input_name, None)
        else:
            try:
                raw = registry.registry_tasks(fh, display, input_fmt or guessed or "", on,
                                              registry.drawn_by(fh))
            except HeaderError as e:
                raise InputError(f"{display}: {e}", e.hint) from None
            except _READ_ERRORS as e:  # its header already: a gzip file cut short
                raise InputError(f"--input {input_name}: cannot be read: {read_error(e)}",
                                 BROKEN_HINT) from None
            return Tasks(Task._make(t) for t in raw)
    fh = _gunzipped(fh, display)
    from grantcheck.registry.common import peek_text

    head = peek_text(fh) if fmt == "csv" else ""  # a registry's file given as csv?
    try:
        inputs = file_inputs(fh, display, fmt)
    except HeaderError as e:
        named = registry.guess(head.partition("\n")[0])
        raise InputError(f"{display}: {e}", e.hint if named is None else (
            f"its header names {named}'s fields: give --input-format {named}, or leave "
            "--input-format out")) from None
    except _READ_ERRORS as e:  # a gzip file cut short before the CSV header's end
        raise InputError(f"--input {display}: cannot be read: {read_error(e)}",
                         BROKEN_HINT) from None
    if isinstance(inputs, JsonLines) and not inputs.empty():
        from grantcheck.batch.formats import json_start_error

        error = json_start_error(inputs._ahead[0], f"{display}:{inputs._next}")
        if error is not None:
            raise InputError(*error)
    return inputs
