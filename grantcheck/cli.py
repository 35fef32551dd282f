"""The command line: parses arguments, calls the library, picks a renderer. No rule logic.

Exit codes: 0 at least one open scheme fits; 1 none fits; 2 bad input or usage; 3 an internal
error (a bug: reported in one line, the traceback only with GRANTCHECK_DEBUG=1).
Stdout carries the data (tables or JSON); messages and warnings go to stderr.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from grantcheck import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from decimal import Decimal
    from typing import TextIO

    from grantcheck.batch import OutputKind, Tally
    from grantcheck.render.batch import Sink

app = typer.Typer(
    name="grantcheck",
    help="Which Nordic business-support schemes fit a company, how much it can get, how much "
    "it must fund itself, and which documents it still lacks.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        print(f"grantcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """grantcheck: match a company profile against Nordic business-support schemes."""


def _err(*lines: str) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _fail(message: str, hint: str = "") -> NoReturn:
    _err(f"Error: {message}")
    if hint:
        _err(f"Hint: {hint}")
    raise typer.Exit(2)


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"--as-of {text!r}: not a date", "write it as YYYY-MM-DD, e.g. --as-of 2020-11-15")


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help="Evaluation date (default: today). Calls closed on this date are "
                 "shown as closed, with the verdict they would have had."),
]
Schemes = Annotated[
    list[str] | None,
    typer.Option("--scheme", "-s", help="Only this scheme (repeatable).", metavar="ID"),
]
Rates = Annotated[
    list[str] | None,
    typer.Option("--rate", metavar="CUR=VALUE",
                 help="Override an EUR exchange rate, e.g. --rate NOK=11.50 "
                 "(units per euro; repeatable)."),
]


def _settings(as_of: str | None, scheme: list[str] | None, rate: list[str] | None
              ) -> tuple[date, dict[str, Decimal], list[str]]:
    """The evaluation date, rate overrides and scheme ids of --as-of, --rate and --scheme;
    exits 2 with a message naming the bad value."""
    from grantcheck.fx import parse_rate_override
    from grantcheck.schemes import SCHEME_IDS, UnknownScheme, get

    on = _parse_date(as_of) if as_of else date.today()
    overrides = {}
    for r in rate or []:
        try:
            cur, value = parse_rate_override(r)
        except ValueError as e:
            _fail(str(e))
        overrides[cur] = value
    ids = list(scheme) if scheme else list(SCHEME_IDS)
    for sid in ids:
        try:
            get(sid)
        except UnknownScheme as e:
            _fail(f"--scheme {sid!r}: no such scheme", e.hint)
    return on, overrides, ids


@app.command()
def match(
    profile: Annotated[
        Path, typer.Argument(help="The company profile (TOML).", show_default=False)
    ],
    as_of: AsOf = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format: table or json.")
    ] = Format.table,
    explain: Annotated[
        bool,
        typer.Option("--explain", "-e",
                     help="Show every rule with its outcome, the figures compared, what would "
                     "change it, and its source."),
    ] = False,
    scheme: Schemes = None,
    rate: Rates = None,
) -> None:
    """Match a company profile against the schemes.

    Example:

        grantcheck match profiles/nordlys-automation.toml --explain

    Exit code 0 when at least one open scheme fits, 1 when none does, 2 on bad input.
    """
    from grantcheck.errors import EXIT_FIT, EXIT_NO_FIT, profile_error_lines
    from grantcheck.matching import check
    from grantcheck.profile import ProfileError, load_profile

    on, overrides, ids = _settings(as_of, scheme, rate)
    try:
        prof = load_profile(profile)
    except ProfileError as e:
        _err(*profile_error_lines(e))
        raise typer.Exit(2) from None
    result = check(prof, on, rates=overrides, schemes=ids, source=str(profile))
    for w in result.warnings:
        _err(f"Warning: {w}")
    if fmt is Format.json:
        import json

        from grantcheck.render.json import match_to_dict

        sys.stdout.write(json.dumps(match_to_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console

        from grantcheck.render.table import render_match

        console = Console(width=None if sys.stdout.isatty() else 120)
        render_match(result, console, explain)
    raise typer.Exit(EXIT_FIT if result.any_open_fit else EXIT_NO_FIT)


class BatchFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


class InputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
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
                     "CSV (.csv, columns in the README); - reads it from stdin."),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", help="The format of --input when its name does not "
                     "tell (always for stdin): jsonl or csv."),
    ] = None,
    fmt: Annotated[
        BatchFormat,
        typer.Option("--format", "-f",
                     help="table (a summary on the terminal), csv (a row per profile), jsonl (a "
                     "'match --format json' object per line) or json (an array of them)."),
    ] = BatchFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write to FILE instead of stdout, atomically; an existing FILE is "
                     "replaced only with --force."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let --output replace an existing file.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N",
                     help="Worker processes (default: the number of cores)."),
    ] = None,
    as_of: AsOf = None,
    scheme: Schemes = None,
    rate: Rates = None,
) -> None:
    """Check many profiles at once, in parallel: one record per profile, in input order.

    Examples:

        grantcheck batch profiles/ --format csv > fits.csv

        grantcheck batch --input registry.jsonl --format jsonl --output fits.jsonl

        find clients -name '*.toml' | grantcheck batch - --format json

    A profile that cannot be read becomes an error record (file, line, what is wrong) and the
    rest go on. Exit code 0 when every input was checked; 4 when some could not be (the rest
    were written); 2 on bad usage or nothing to check; 3 on an internal error; 130 after
    Ctrl-C (143 after SIGTERM), with the records done so far written (to --output FILE too,
    each one whole); 141 when stdout is closed early (| head).
    """
    import itertools

    from grantcheck import batch as gb
    from grantcheck.atomic import FileExists, atomic_text
    from grantcheck.errors import EXIT_INTERNAL, EXIT_PIPE_CLOSED, EXIT_SOME_FAILED

    on, overrides, ids = _settings(as_of, scheme, rate)
    if input_file is not None and inputs:
        _fail("give profiles as arguments or one --input file, not both")
    if input_file is None and not inputs:
        _fail("no profiles given", "name files, folders or globs, - to read paths from stdin, "
              "or --input FILE for JSON Lines or CSV")
    if output is not None and output.exists() and not force:
        _fail(f"{output}: already exists", "use --force to replace it")
    kind: OutputKind = "csv" if fmt is BatchFormat.csv else "none" if (
        fmt is BatchFormat.table) else "json"
    options = gb.Options(on, overrides, tuple(ids), kind)
    tally = gb.Tally()
    with contextlib.ExitStack() as stack:
        try:
            tasks = gb.open_tasks(stack, inputs or [], input_file,
                                  input_format.value if input_format else None, sys.stdin)
            first = next(tasks, None)
        except gb.InputError as e:
            _fail(str(e), e.hint)
        if first is None:
            _fail("nothing to check: no profiles found in the inputs",
                  "a folder is searched for *.toml files; --input files need one profile per "
                  "line or row")
        try:
            out = stack.enter_context(atomic_text(output, force=force)) if output else sys.stdout
        except FileExists:
            _fail(f"{output}: already exists", "use --force to replace it")
        except OSError as e:  # no such folder, no permission: nothing was written
            _fail(f"--output {output}: {e.strerror or e}")
        sink = _batch_sink(fmt, out, ids)
        stop = stack.enter_context(gb.stop_on_interrupt())
        runner = stack.enter_context(gb.Runner(options, jobs=jobs or gb.default_jobs(),
                                               stop=stop))
        advance = stack.enter_context(_progress())
        try:
            for record in runner.map(itertools.chain([first], tasks)):
                sink.write(record)
                tally.add(record)
                advance()
                if stop.stopped:
                    break
            sink.close()
        except BrokenPipeError:  # stdout was closed by its reader (`| head`): stop quietly
            _detach_stdout()
            raise typer.Exit(EXIT_PIPE_CLOSED) from None
        interrupted = stop.stopped
    _batch_report(tally, interrupted, output)
    if interrupted:
        raise typer.Exit(128 + stop.signum)
    if tally.internal:
        raise typer.Exit(EXIT_INTERNAL)
    raise typer.Exit(EXIT_SOME_FAILED if tally.failed else 0)


def _batch_sink(fmt: BatchFormat, out: TextIO, ids: list[str]) -> Sink:
    from grantcheck.render import batch as rb

    if fmt is BatchFormat.csv:
        from grantcheck.render.csv import header

        return rb.CsvSink(out, header(ids))
    if fmt is BatchFormat.json:
        return rb.JsonArraySink(out)
    if fmt is BatchFormat.table:
        from rich.console import Console

        return rb.TableSink(out, ids, Console(file=out, width=None if out.isatty() else 120))
    return rb.Sink(out)


def _detach_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A progress bar on stderr while the block runs, only when stderr is a terminal."""
    if not _stderr_is_terminal():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed:,} profiles checked"),
                  BarColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=Console(stderr=True, force_terminal=True), transient=True) as bar:
        task = bar.add_task("batch", total=None, rate="")

        def advance() -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:,.0f}/s" if speed else "")

        yield advance


def _batch_report(tally: Tally, interrupted: bool, output: Path | None) -> None:
    """The errors (the first of them), the warnings and a summary line, on stderr."""
    _err(*tally.error_lines)
    if tally.failed > tally.SHOWN_ERRORS:
        _err(f"... and {tally.failed - tally.SHOWN_ERRORS} more inputs that could not be "
             "checked: see their error records in the output")
    _err(*(f"Warning: {w}" for w in tally.warnings))
    where = f" to {output}" if output else ""
    if interrupted:
        done = f"{tally.done:,} input was" if tally.done == 1 else f"{tally.done:,} inputs were"
        _err(f"Interrupted: {done} checked and written{where} ({tally.failed:,} of them "
             "failed); the rest were not checked.")
    elif tally.failed:
        _err(f"{tally.failed:,} of {tally.done:,} inputs could not be checked; their error "
             f"records are in the output{where}, with the others.")


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    try:
        app()
    except KeyboardInterrupt:
        _err("Interrupted.")
        sys.exit(130)
    except Exception as e:  # a bug of ours: say so plainly, without a traceback
        _err(f"Error: internal error: {type(e).__name__}: {e}",
             "Hint: this is a bug in grantcheck; please report it with the input that caused it "
             "(set GRANTCHECK_DEBUG=1 to see the traceback)")
        if os.environ.get("GRANTCHECK_DEBUG"):
            raise
        sys.exit(3)


if __name__ == "__main__":
    main()
