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
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from grantcheck import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

    from rich.console import Console

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


def complete_scheme_id(incomplete: str) -> list[str]:
    """Shell completion of scheme ids (reads the registry only, no scheme module)."""
    from grantcheck.schemes import SCHEME_IDS

    return [i for i in SCHEME_IDS if i.startswith(incomplete)]


def _check_schemes(ids: list[str], option: str = "--scheme") -> None:
    from grantcheck.schemes import UnknownScheme, get

    for sid in ids:
        try:
            get(sid)
        except UnknownScheme as e:
            _fail(f"{option} {sid!r}: no such scheme", e.hint)


def _stdout_console(file: TextIO | None = None) -> Console:
    """A Rich console on stdout (or ``file``) that lets a closed pipe (`| head`) raise
    BrokenPipeError, for :func:`_quiet_when_stdout_closes`: Rich itself would exit with 1, which
    for `match` means that nothing fits."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    out = file or sys.stdout
    return PipeConsole(file=file, width=None if out.isatty() else 120)


def _quiet_when_stdout_closes(command: Callable[..., None]) -> Callable[..., None]:
    """A command whose reader closes stdout early (`grantcheck match … | head`) stops quietly
    with exit code 141 (128 + SIGPIPE), as a shell filter does: no traceback, and not click's
    exit code 1 (`match`'s "nothing fits")."""
    import functools

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            try:
                command(*args, **kwargs)
            finally:  # what is still buffered meets the closed pipe here, not at exit
                sys.stdout.flush()
        except BrokenPipeError:
            from grantcheck.errors import EXIT_PIPE_CLOSED

            _detach_stdout()
            raise typer.Exit(EXIT_PIPE_CLOSED) from None

    return run


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help="Evaluation date (default: today): call status and parameter values on it."),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table or json.")
]
RateOption = Annotated[
    list[str] | None,
    typer.Option("--rate", metavar="CUR=VALUE",
                 help="Override an EUR exchange rate, e.g. --rate NOK=11.50 "
                 "(units per euro; repeatable)."),
]
SchemeOption = Annotated[
    list[str] | None,
    typer.Option("--scheme", "-s", help="Only this scheme (repeatable).", metavar="ID",
                 autocompletion=complete_scheme_id),
]


@app.command()
@_quiet_when_stdout_closes
def match(
    profile: Annotated[
        Path, typer.Argument(help="The company profile (TOML).", show_default=False)
    ],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD",
                     help="Evaluation date (default: today). Calls closed on this date are "
                     "shown as closed, with the verdict they would have had."),
    ] = None,
    fmt: FormatOption = Format.table,
    explain: Annotated[
        bool,
        typer.Option("--explain", "-e",
                     help="Show every rule with its outcome, the figures compared, what would "
                     "change it, and its source."),
    ] = False,
    scheme: SchemeOption = None,
    rate: RateOption = None,
) -> None:
    """Match a company profile against the schemes.

    Example:

        grantcheck match profiles/nordlys-automation.toml --explain

    Exit code 0 when at least one open scheme fits, 1 when none does, 2 on bad input.
    """
    from grantcheck.errors import EXIT_FIT, EXIT_NO_FIT, profile_error_lines
    from grantcheck.matching import check
    from grantcheck.profile import ProfileError, load_profile
    from grantcheck.schemes import SCHEME_IDS

    on = _parse_date(as_of) if as_of else date.today()
    overrides = _rate_overrides(rate)
    ids = list(scheme) if scheme else list(SCHEME_IDS)
    _check_schemes(ids)
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
        from grantcheck.render.table import render_match

        render_match(result, _stdout_console(), explain)
    raise typer.Exit(EXIT_FIT if result.any_open_fit else EXIT_NO_FIT)


@app.command()
@_quiet_when_stdout_closes
def budget(
    file: Annotated[
        Path | None,
        typer.Argument(help="A budget file: a profile with a [budget] table, or a file with "
                       "only [budget]. Leave out to give the lines with --line.",
                       show_default=False),
    ] = None,
    scheme: Annotated[
        list[str] | None,
        typer.Option("--scheme", "-s", metavar="ID", autocompletion=complete_scheme_id,
                     help="Check against this scheme (repeatable). Default: budget.scheme, "
                     "else every scheme the profile could fit."),
    ] = None,
    line: Annotated[
        list[str] | None,
        typer.Option("--line", "-l", metavar="CATEGORY=AMOUNT",
                     help="A budget line without a file, e.g. --line consultancy=150000 or "
                     "--line personnel=120h@650 (repeatable)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD",
                     help="Evaluation date (default: today); it picks the rules and rates in "
                     "force."),
    ] = None,
    fmt: FormatOption = Format.table,
    explain: Annotated[
        bool,
        typer.Option("--explain", "-e",
                     help="Show every budget rule, how each amount was computed, and every "
                     "source."),
    ] = False,
    rate: RateOption = None,
) -> None:
    """Check a draft project budget against a scheme's cost rules, line by line.

    Example:

        grantcheck budget profiles/nordlys-automation.toml --scheme dk-smv-digital

        grantcheck budget --scheme dk-smv-digital --line consultancy=150000 --line hardware=320000

    Shows each line's eligibility and its source, the eligible cost base, the grant (rate and
    cap), the own funding and its form, and every budget rule the draft breaks. Without --scheme
    or budget.scheme, a profile's budget is checked against every open scheme it fits (else
    every one that needs more information). Exit code 0 when
    every budget checked complies, 1 when one breaks a rule or needs information, 2 on bad input.
    """
    from grantcheck.budget import budget_from_options, check, load_budget
    from grantcheck.errors import EXIT_FIT, EXIT_NO_FIT, profile_error_lines
    from grantcheck.profile import ProfileError
    from grantcheck.schemes import SCHEME_IDS, NoBudgetRules, UnknownScheme, get, has_budget

    on = _parse_date(as_of) if as_of else date.today()
    overrides = _rate_overrides(rate)
    _check_schemes(list(scheme or []))
    if file is not None and line:
        _fail("give a budget file or --line options, not both",
              "put every line in the file's [[budget.lines]]")
    profile = None
    try:
        if file is not None:
            draft, profile = load_budget(file)
            source = str(file)
        elif line:
            draft = budget_from_options(line, None)
            source = "--line"
        else:
            _fail("no budget given", "give a budget file, or the lines with --line "
                  "CATEGORY=AMOUNT and the scheme with --scheme ID")
    except ProfileError as e:
        _err(*profile_error_lines(e))
        raise typer.Exit(2) from None
    except ValueError as e:
        _fail(str(e))
    if draft.scheme is not None and draft.scheme not in SCHEME_IDS:
        try:
            get(draft.scheme)
        except UnknownScheme as e:
            _fail(f"{source}: budget.scheme: {draft.scheme!r} is not a scheme", e.hint)
    ids = list(scheme or ([draft.scheme] if draft.scheme else []))
    if not ids:
        if profile is None:
            _fail("which scheme? a budget without a profile needs --scheme ID (or "
                  "budget.scheme in the file)",
                  f"schemes: {', '.join(i for i in SCHEME_IDS if has_budget(i))}")
        from grantcheck.engine import Verdict
        from grantcheck.matching import summarize_match

        matched = summarize_match(profile, on, rates=overrides)  # the verdicts are enough
        open_results = [r for r in matched.results if r.status == "open"]
        open_results = [r for r in open_results if has_budget(r.scheme.id)]
        ids = [r.scheme.id for r in open_results if r.verdict is Verdict.FITS]
        if not ids:  # nothing fits yet: the schemes that only need more information
            ids = [r.scheme.id for r in open_results
                   if r.verdict is Verdict.NEEDS_INFORMATION]
            if ids:
                _err(f"Note: no scheme fits {profile.company.name} yet; checking the budget "
                     f"against those that need more information: {', '.join(ids)}")
        if not ids:
            _err(f"No open scheme could fit {profile.company.name} on {on.isoformat()}: "
                 "nothing to check the budget against.",
                 "Hint: name one with --scheme ID (with --as-of for a closed call); "
                 "grantcheck match --explain says why none fits")
            raise typer.Exit(EXIT_NO_FIT)
    try:
        results = [check(draft, sid, on, profile=profile, rates=overrides, source=source)
                   for sid in ids]
    except NoBudgetRules as e:
        _fail(f"{e.scheme_id} states no budget rules: its budget cannot be checked", e.hint)
    warnings = list(dict.fromkeys(w for r in results for w in r.fx.warnings()))
    for w in warnings:
        _err(f"Warning: {w}")
    if fmt is Format.json:
        from grantcheck.render.budget import budgets_to_dict

        _print_json(budgets_to_dict(results, source, on.isoformat(), warnings))
    else:
        from grantcheck.render.budget import render_budget

        console = _stdout_console()
        for i, r in enumerate(results):
            if i:
                console.print()
            render_budget(r, console, explain)
    from grantcheck.budget.core import BudgetVerdict

    ok = all(r.verdict is BudgetVerdict.COMPLIES for r in results)
    raise typer.Exit(EXIT_FIT if ok else EXIT_NO_FIT)


def _rate_overrides(rate: list[str] | None) -> dict[str, Decimal]:
    from grantcheck.fx import parse_rate_override

    overrides = {}
    for r in rate or []:
        try:
            cur, value = parse_rate_override(r)
        except ValueError as e:
            _fail(str(e))
        overrides[cur] = value
    return overrides


def _print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
@_quiet_when_stdout_closes
def init(
    path: Annotated[
        str, typer.Argument(help="Where to write the profile; - writes it to stdout.")
    ] = "profile.toml",
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it exists.")
    ] = False,
    non_interactive: Annotated[
        bool, typer.Option("--non-interactive",
                           help="Ask nothing: write what --set gives (company.name and "
                           "company.country at least).")
    ] = False,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="KEY=VALUE",
                     help="A field's value, e.g. --set company.turnover=1500000 or "
                     "--set employees[0].name=Ida (repeatable; its question is then skipped)."),
    ] = None,
    scheme: Annotated[
        list[str] | None,
        typer.Option("--scheme", "-s", metavar="ID", autocompletion=complete_scheme_id,
                     help="Ask what this scheme reads (repeatable; default: the schemes of "
                     "the company's country)."),
    ] = None,
) -> None:
    """Write a new profile: the questions that matter for the company's schemes.

    The country comes first and picks the schemes; every question says which rules read it;
    Enter or ? means "don't know" (the field is left out, and match reports it as unknown).
    Questions go to stderr, so `grantcheck init -` can write the profile to stdout.

    Example:

        grantcheck init nordlys.toml

        grantcheck init acme.toml --non-interactive --set company.country=DK \\
            --set company.name="Acme ApS" --set company.turnover=2500000
    """
    from grantcheck.atomic import FileExists, write_text_atomic
    from grantcheck.errors import profile_error_lines
    from grantcheck.fields import BadValue
    from grantcheck.profile import ProfileError
    from grantcheck.questionnaire import ConsoleAsker, InputEnded, build_profile

    to_stdout = path == "-"
    target = Path(path)
    if not to_stdout:  # before any question is asked
        if target.is_dir():
            _fail(f"{path}: is a folder", f"give a file name, e.g. {target / 'profile.toml'}")
        if not target.absolute().parent.is_dir():
            _fail(f"{path}: the folder {target.parent} does not exist")
        if target.exists() and not force:
            _fail(f"{path}: already exists", "use --force to replace it, or give another path")
    _check_schemes(list(scheme or []))
    try:
        written = build_profile(None if non_interactive else ConsoleAsker(), list(sets or []),
                                list(scheme or []), "PROFILE" if to_stdout else path,
                                date.today().isoformat())
    except BadValue as e:
        _fail(e.message, e.hint)
    except ProfileError as e:
        _err(*profile_error_lines(e))
        raise typer.Exit(2) from None
    except InputEnded:
        _fail("the input ended before the questions were all answered; nothing was written",
              "answer every question (Enter means \"don't know\"), or use --non-interactive "
              "with --set")
    if to_stdout:
        sys.stdout.write(written.text)
        return
    try:
        write_text_atomic(path, written.text, force=force)
    except FileExists:
        _fail(f"{path}: already exists", "use --force to replace it, or give another path")
    except OSError as e:
        _fail(f"{path}: cannot write: {e.strerror or e}")
    _err(f"Wrote {path}: {written.answered} answers, {written.unknown} questions left as "
         "\"don't know\" (the '# key = ?' lines).",
         f"Next: grantcheck validate {path} && grantcheck match {path} --explain")


@app.command()
@_quiet_when_stdout_closes
def validate(
    profiles: Annotated[
        list[Path], typer.Argument(help="Profile files (TOML).", show_default=False)
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """Check profiles against the profile model: every problem, with file, line, field, hint.

    Prints "FILE: OK" on stdout for a valid file and each problem on stderr as
    "Error: FILE:LINE: field.path: what is wrong" with a "Hint:" line; exit 0 when every file
    is valid, 2 otherwise. --format json prints one report on stdout instead.

    Example:

        grantcheck validate profiles/*.toml
    """
    from grantcheck.errors import profile_error_lines
    from grantcheck.validation import validate_files

    reports = validate_files(profiles)
    bad = [r for r in reports if not r.ok]
    if fmt is Format.json:
        _print_json({"valid": not bad, "files": [r.to_json() for r in reports]})
    else:
        for r in reports:
            if r.ok:
                print(f"{r.source}: OK")
            else:
                _err(*profile_error_lines(r.error()))
        if bad:
            _err(f"{len(bad)} of {len(reports)} profile(s) have problems.")
    raise typer.Exit(2 if bad else 0)


@app.command()
@_quiet_when_stdout_closes
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write the schema to FILE (atomically) instead of stdout."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.")
    ] = False,
) -> None:
    """Print the profile's JSON Schema, for editors that validate and complete profiles.

    Every field has a description and examples. For taplo / Even Better TOML, put
    "#:schema ./profile.schema.json" as the first line of the profile.

    Example:

        grantcheck schema --output profile.schema.json
    """
    import json

    from grantcheck.atomic import FileExists, write_text_atomic
    from grantcheck.schema import profile_schema

    text = json.dumps(profile_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_text_atomic(output, text, force=force)
    except FileExists:
        _fail(f"{output}: already exists", "use --force to replace it")
    except OSError as e:
        _fail(f"{output}: cannot write: {e.strerror or e}")
    _err(f"Wrote {output}.")


@app.command()
@_quiet_when_stdout_closes
def schemes(as_of: AsOf = None, fmt: FormatOption = Format.table) -> None:
    """List the schemes: agency, call status on the date, maximum grant, aid rate, own funding.

    Example:

        grantcheck schemes --as-of 2020-11-15
    """
    from grantcheck.describe import schemes_overview

    on = _parse_date(as_of) if as_of else date.today()
    data = schemes_overview(on)
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_schemes

    render_schemes(data, _stdout_console())


@app.command()
@_quiet_when_stdout_closes
def show(
    scheme: Annotated[
        str, typer.Argument(help="The scheme id.", metavar="SCHEME", show_default=False,
                            autocompletion=complete_scheme_id)
    ],
    as_of: AsOf = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Everything one scheme asks: its rules by heading with their source quotes and the profile
    fields they read, its parameters on the date, its documents, its amounts.

    Example:

        grantcheck show dk-smv-digital
    """
    from grantcheck.describe import detail

    on = _parse_date(as_of) if as_of else date.today()
    _check_schemes([scheme], "scheme")
    data = detail(scheme, on)
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_show

    render_show(data, on.isoformat(), _stdout_console())


def _settings(as_of: str | None, scheme: list[str] | None, rate: list[str] | None
              ) -> tuple[date, dict[str, Decimal], list[str]]:
    """The evaluation date, rate overrides and scheme ids of --as-of, --rate and --scheme;
    exits 2 with a message naming the bad value."""
    from grantcheck.schemes import SCHEME_IDS

    on = _parse_date(as_of) if as_of else date.today()
    overrides = _rate_overrides(rate)
    ids = list(scheme) if scheme else list(SCHEME_IDS)
    _check_schemes(ids)
    return on, overrides, ids


class BatchFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


class InputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
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
    scheme: SchemeOption = None,
    rate: RateOption = None,
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
    from grantcheck import batch as gb
    from grantcheck.atomic import FileExists, atomic_text
    from grantcheck.errors import EXIT_INTERNAL, EXIT_SOME_FAILED

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
    with _ended_at_once(output), contextlib.ExitStack() as stack:
        try:
            sources = gb.open_inputs(stack, inputs or [], input_file,
                                     input_format.value if input_format else None, sys.stdin)
            empty = sources.empty()
        except gb.InputError as e:
            _fail(str(e), e.hint)
        if empty:
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
        died: gb.WorkerDied | None = None
        try:  # a closed stdout (`| head`) raises BrokenPipeError: _quiet_when_stdout_closes
            for block in runner.blocks(sources):
                sink.write(block)
                tally.add(block)
                advance(block.done)
                if stop.stopped:
                    break
        except gb.WorkerDied as e:  # killed, out of memory: keep what was done, as Ctrl-C
            died = e
        sink.close()
        interrupted = stop.stopped
    _batch_report(tally, interrupted, output)
    if died is not None:
        _err(f"Error: {died}; {tally.done:,} inputs were checked and written"
             f"{f' to {output}' if output else ''}, the rest were not checked.")
    if interrupted:
        raise typer.Exit(128 + stop.signum)
    if died is not None:
        raise typer.Exit(EXIT_INTERNAL)
    if tally.internal:
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


def _batch_sink(fmt: BatchFormat, out: TextIO, ids: list[str]) -> Sink:
    from grantcheck.render import batch as rb

    if fmt is BatchFormat.csv:
        from grantcheck.render.csv import header

        return rb.CsvSink(out, header(ids))
    if fmt is BatchFormat.json:
        return rb.JsonArraySink(out)
    if fmt is BatchFormat.table:
        return rb.TableSink(out, ids, _stdout_console(out))
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
def _progress() -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while the block runs, only when stderr is a terminal."""
    if not _stderr_is_terminal():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed:,} profiles checked"),
                  BarColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=Console(stderr=True, force_terminal=True), transient=True) as bar:
        task = bar.add_task("batch", total=None, rate="")

        def advance(n: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=n, rate=f"{speed:,.0f}/s" if speed else "")

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
