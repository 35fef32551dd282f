"""``batch``: many profiles at once, in parallel, with a progress bar, an output file written
atomically, and clean stops on Ctrl-C and SIGTERM."""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from grantcheck.cli._batch_output import (
    BatchFormat,
    OutputError,
    _batch_report,
    _format_of,
    _OutputFile,
    _partial_name,
    _refuse_target,
)
from grantcheck.cli._common import (
    AsOf,
    RateOption,
    SchemeOption,
    _check_schemes,
    _err,
    _fail,
    _parse_date,
    _quiet_when_stdout_closes,
    _rate_overrides,
    _stdout_console,
    _width,
    force_goes_with_a_file,
    output_file,
    path_given,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from grantcheck.batch import Inputs, OutputKind
    from grantcheck.render.batch import Sink


def _with_answers(sources: Inputs, folder: Path) -> Inputs:
    """The registry units of ``sources`` with the answers of ``folder`` merged in (by
    organisation number); InputError when the folder cannot be read."""
    from grantcheck import batch as gb
    from grantcheck.registry.overlay import AnswersError, load_answers, overlay

    try:
        answers = load_answers(folder)
    except AnswersError as e:
        raise gb.InputError(str(e), e.hint) from None
    if isinstance(sources, gb.JsonLines):
        raise gb.InputError("--profiles answers a registry's units: give --input a registry "
                            "file (docs/registries.md)")
    return gb.Tasks(gb.Task._make(t) for t in overlay(sources, answers))


def _refuse_alone(input_file: str | None, input_format: InputFormat | None,
                  profiles_dir: Path | None, fmt: BatchFormat, detail: Detail | None,
                  to_file: bool, force: bool) -> None:
    """Exit 2 for an option that only means something with another one that is not given:
    it would be passed over in silence."""
    if input_format is not None and input_file is None:
        _fail(f"--input-format {input_format.value} goes with --input FILE",
              "profiles given as arguments are TOML files; give the file with --input, or "
              "leave out --input-format")
    if profiles_dir is not None and input_file is None:
        _fail("--profiles answers a registry's units: it goes with --input FILE",
              "give the registry file with --input (docs/registries.md)")
    if detail is not None and fmt in (BatchFormat.table, BatchFormat.csv):
        _fail(f"--detail {detail.value} goes with --format jsonl or json (got --format "
              f"{fmt.value})", "give --format jsonl or json, or leave out --detail")
    force_goes_with_a_file(force, to_file, "--output FILE", "give --output FILE")


def _settings(as_of: str | None, scheme: list[str] | None, rate: list[str] | None
              ) -> tuple[date, dict[str, Decimal], list[str]]:
    """The evaluation date, rate overrides and scheme ids of --as-of, --rate and --scheme;
    exits 2 with a message naming the bad value."""
    from grantcheck.schemes import SCHEME_IDS

    on = _parse_date(as_of) if as_of is not None else date.today()
    overrides = _rate_overrides(rate)
    ids = _check_schemes(list(scheme) if scheme else list(SCHEME_IDS))
    return on, overrides, ids


class Detail(StrEnum):
    compact = "compact"
    full = "full"


class InputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    brreg_enheter = "brreg-enheter"  # the registries' bulk files: grantcheck.registry
    cvr = "cvr"
    bolagsverket = "bolagsverket"


@_quiet_when_stdout_closes
def batch(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Profiles (TOML): files, folders (searched for *.toml), globs such "
                       "as 'clients/**/*.toml', or - to read paths from stdin.",
                       metavar="PATH|FOLDER|GLOB|-", show_default=False),
    ] = None,
    input_file: Annotated[
        str | None,
        typer.Option("--input", "-i", metavar="FILE",
                     help="One file of many profiles: JSON Lines (.jsonl, .ndjson) or a registry "
                     "CSV (.csv, columns in docs/batch.md); - reads it from stdin."),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", help="The format of --input when its name does not "
                     "tell (always for stdin): jsonl or csv; or a registry's bulk file as "
                     "downloaded, gzip or not: brreg-enheter, cvr or bolagsverket (guessed from "
                     "the header when it shows one; docs/registries.md)."),
    ] = None,
    profiles_dir: Annotated[
        Path | None,
        typer.Option("--profiles", metavar="DIR",
                     help="Answers to lay over a registry --input: profiles (TOML) matched to "
                     "its units by org_number or cvr_number; a stated fact beats the "
                     "registry's, a conflict is shown in the provenance (docs/registries.md)."),
    ] = None,
    fmt: Annotated[
        BatchFormat | None,
        typer.Option("--format", "-f", show_default=False,
                     help="table (a summary on the terminal), csv (a row per profile), jsonl (a "
                     "JSON record per line) or json (an array of them). Default: --output's "
                     "(fits.csv: csv; .jsonl, .ndjson: jsonl; .json: json; also under .gz), "
                     "else table."),
    ] = None,
    detail: Annotated[
        Detail | None,
        typer.Option("--detail", help="For jsonl and json: compact records (the verdicts, "
                     "amounts and open rules; rule texts and citations by id, in 'grantcheck "
                     "schemes --catalogue'; docs/batch.md) or full ones ('match --format "
                     "json' objects). Default: compact.", show_default=False),
    ] = None,
    output_name: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write to FILE instead of stdout (-: stdout), atomically; an existing "
                     "FILE is replaced only with --force."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let --output replace an existing file.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N",
                     help="Worker processes (default: the number of cores; at most 8 per "
                     "core, and never more than there are profiles)."),
    ] = None,
    as_of: AsOf = None,
    scheme: SchemeOption = None,
    rate: RateOption = None,
) -> None:
    """Which schemes each of many profiles fits, and for how much: one record per profile, in
    input order, checked in parallel.

    Examples:

    
        grantcheck batch profiles/ --format csv > fits.csv

    
        grantcheck batch --input registry.jsonl --format jsonl --output fits.jsonl

    
        grantcheck schemes --catalogue --as-of 2026-11-23 > catalogue.json

    
        find clients -name '*.toml' | grantcheck batch - --format json

    The table (the default) says the answer first: how many profiles can still fit a scheme,
    per scheme how many and for up to how much; then a row per profile, what it fits and for
    how much. A profile that cannot be read becomes an error record (file, line, what is
    wrong) and the rest go on. Exit code 0 when every input was checked; 4 when some could not
    be (the rest were written); 2 on bad usage or nothing to check, or an --input that
    cannot be read to its end (those before the break written); 3 on an internal error;
    130 after Ctrl-C (143 after SIGTERM), the records done so far written (to --output FILE
    too, each one whole); 141 when stdout is closed early (| head).
    """
    from grantcheck import batch as gb
    from grantcheck.atomic import FileExists, atomic_text
    from grantcheck.batch.inputs import BROKEN_HINT, nothing_in
    from grantcheck.errors import EXIT_INTERNAL, EXIT_SOME_FAILED
    from grantcheck.numbers import plural

    on, overrides, ids = _settings(as_of, scheme, rate)
    if jobs is not None and jobs > gb.max_jobs():
        _fail(f"--jobs {jobs}: more than {gb.max_jobs()} worker processes ({gb.JOBS_PER_CORE} "
              f"for each of the {gb.default_jobs()} cores this process may use)",
              f"give --jobs {gb.max_jobs()} or fewer: the workers check on the CPU, so more "
              "of them than cores make a batch no faster")
    for given in inputs or []:
        path_given(given, "batch", "a file, a folder or a glob; . for the working directory")
    if input_file is not None:
        path_given(input_file, "batch --input", "a file, or - for stdin")
    output = output_file(output_name, "batch", "fits.csv")
    fmt = fmt or _format_of(output)
    if input_file is not None and inputs:
        _fail("give profiles as arguments or one --input file, not both",
              "run batch once for each: TOML profiles (files, folders, globs) as arguments, "
              "one file of many profiles (JSON Lines, CSV, a registry's) with --input")
    _refuse_alone(input_file, input_format, profiles_dir, fmt, detail, output is not None, force)
    if input_file is None and not inputs:
        _fail("no profiles given", "name files, folders or globs, - to read paths from stdin, "
              "or --input FILE for JSON Lines or CSV")
    loops: dict[str, str] = {}  # links by which a glob's ** came back: told once, at the end
    for given in inputs or []:  # a pattern typed wrong is the command's error, not an input's
        if gb.matches_nothing(given, loops):
            _fail(f"batch {given}: no file matches this pattern", gb.glob_hint(given))
    # what the batch reads, never to be written over: the --profiles folder's answers too
    answers = None if profiles_dir is None else str(profiles_dir)
    in_paths = [p for p in (input_file, *(inputs or []), answers) if p and p != "-"]
    if output is not None:
        _refuse_target(output, in_paths, loops)
        if os.path.lexists(output) and not force:
            _fail(f"{output}: already exists", "use --force to replace it")
    existed = output is not None and output.exists()
    written = None if output is None else str(output)  # never read as an input (a list's path)
    stopped = gb.StopFlag()  # replaced by the real flag once the batch runs
    diverted: list[Path] = []  # where an interrupted rerun wrote its records
    kind: OutputKind = "csv" if fmt is BatchFormat.csv else "none" if (
        fmt is BatchFormat.table) else "json"
    options = gb.Options(on, overrides, tuple(ids), kind, (detail or Detail.compact).value)
    tally = gb.Tally()
    try:
        with _ended_at_once(output), contextlib.ExitStack() as stack:
            try:
                sources = read = gb.open_inputs(stack, inputs or [], input_file,
                                                input_format.value if input_format else None,
                                                sys.stdin, on, written, loops)
                if profiles_dir is not None:  # answers over a registry's units (issue 21)
                    sources = _with_answers(sources, profiles_dir)
                empty = sources.empty()
            except gb.InputError as e:
                _fail(str(e), e.hint)
            if empty and (broken := read.broken or sources.broken):
                _fail(f"--input {input_file}: cannot be read: {broken}", BROKEN_HINT)
            if empty:
                _fail("{}: nothing to check: {}".format(*nothing_in(input_file, inputs, "profile")),
                      "a folder is searched for *.toml files; --input files need one profile per "
                      "line or row")
            def where() -> Path | None:  # an interrupted rerun keeps the file it would replace
                assert output is not None
                if stopped.stopped and existed:
                    diverted.append(_partial_name(output))
                    return diverted[-1]
                return None

            try:
                out: Any = _OutputFile(stack.enter_context(atomic_text(  # FILE.gz: gzip
                    output, force=force, keep=True, where=where, inputs=in_paths,
                    compress=output.suffix.lower() == ".gz")), output) if output else sys.stdout
            except FileExists:
                _fail(f"{output}: already exists", "use --force to replace it")
            except OSError as e:  # /proc, which takes no new file: nothing was written
                _fail(f"--output {output}: {e.strerror or e}", "give a path in a folder of "
                      "your own, or leave out --output to write to stdout")
            sink = _batch_sink(fmt, out, ids, on)
            stop = stopped = stack.enter_context(gb.stop_on_interrupt())
            jobs = sources.ahead(jobs or gb.default_jobs())  # no more workers than profiles
            runner = stack.enter_context(gb.Runner(options, jobs=jobs, stop=stop))
            # the table is drawn at the end: until then the bar may share the terminal with it
            bar = stack.enter_context(contextlib.ExitStack())  # ended before the table is drawn
            advance = bar.enter_context(_progress(data_on_terminal=output is None and (
                fmt is not BatchFormat.table) and _stdout_is_terminal()))
            died: gb.WorkerDied | None = None
            try:  # a closed stdout (`| head`) raises BrokenPipeError: _quiet_when_stdout_closes
                for block in runner.blocks(sources):
                    sink.write(block)
                    if not sources.ready():  # a stream pauses: what is done goes out now
                        sink.flush()
                    tally.add(block)
                    advance(block.done)
                    if stop.stopped:
                        break
            except gb.WorkerDied as e:  # killed, out of memory: keep what was done, as Ctrl-C
                died = e
            bar.close()
            sink.close()
            interrupted = stop.stopped
    except gb.InputError as e:  # the --output file in the list of paths: it is kept
        _fail(str(e), e.hint)
    except OutputError as e:
        _fail(f"--output {output}: cannot write: {e.reason}; nothing was written (the "
              f"temporary file is removed{', the existing file kept' if existed else ''})")
    except FileExists as e:  # it appeared while the batch ran: another run writing it?
        _fail(f"{output}: appeared while the batch ran (another run writing it?), and is "
              f"kept; this run's {tally.done:,} records are in {e.kept}",
              "give each run its own --output, or --force to let the last one win")
    if diverted:
        _err(f"Interrupted: {output} is kept as it was; the records done are in "
             f"{diverted[-1]}.")
    tally.warnings.update(dict.fromkeys(loops.values()))
    _batch_report(tally, interrupted, diverted[-1] if diverted else output, None if (
        fmt is BatchFormat.table or died is not None or not (
            output or _stderr_is_terminal())) else on.isoformat(), options.schemes)
    if output is not None and not interrupted:
        _err(f"Wrote {plural(tally.done, 'record', 'records')} to {output} "
             f"({tally.failed:,} failed).")
    if died is not None:
        done = plural(tally.done, "input was", "inputs were")
        _err(f"Error: {died}; {done} checked and written"
             f"{f' to {output}' if output else ''}, the rest were not checked.")
    if interrupted:
        raise typer.Exit(128 + stop.signum)
    if (broken := read.broken or sources.broken) and died is None:
        _fail(f"--input {input_file}: cannot be read to its end: {broken}; the "
              f"{plural(tally.done, 'input', 'inputs')} before that point were checked and "
              f"written{f' to {output}' if output else ''}, the rest were not read",
              BROKEN_HINT)
    if died is not None or tally.internal:
        raise typer.Exit(EXIT_INTERNAL)
    raise typer.Exit(EXIT_SOME_FAILED if tally.failed else 0)


@contextlib.contextmanager
def _ended_at_once(output: Path | None) -> Iterator[None]:
    """A second Ctrl-C or SIGTERM while a batch stops ends it at once (grantcheck.batch
    .Interrupted, raised where the main process was; the blocks inside have cleaned up, and
    --output's temporary file is gone): say so, and exit 130 or 143."""
    from grantcheck.batch import Interrupted

    try:
        yield
    except Interrupted as e:
        where = f"; nothing was written to {output}" if output else ""
        _err(f"Interrupted again: stopped at once{where}.")
        raise typer.Exit(128 + e.signum) from None


def _batch_sink(fmt: BatchFormat, out: TextIO, ids: list[str], on: date) -> Sink:
    from grantcheck.render import batch as rb

    if fmt is BatchFormat.csv:
        from grantcheck.render.csv import header

        return rb.CsvSink(out, header(ids))
    if fmt is BatchFormat.json:
        return rb.JsonArraySink(out)
    if fmt is BatchFormat.table:
        return rb.TableSink(out, ids, _stdout_console(out), on.isoformat())
    return rb.Sink(out)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextlib.contextmanager
def _progress(*, data_on_terminal: bool = False) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while the block runs, only when stderr is a terminal and the
    records do not go to the same terminal (the bar would mix with them); it is removed before
    anything else is printed (transient, and the report comes after the block)."""
    if not _stderr_is_terminal() or data_on_terminal:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("profiles checked: {task.completed:,}"),
                  BarColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=Console(stderr=True, force_terminal=True,
                                  width=_width(True, sys.stderr)),
                  transient=True) as bar:
        task = bar.add_task("batch", total=None, rate="")

        def advance(n: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=n, rate=f"{speed:,.0f}/s" if speed else "")

        yield advance
