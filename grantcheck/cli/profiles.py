"""``init``, ``validate`` and ``schema``: writing a profile, checking profiles against the
model, the model's JSON Schema."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from grantcheck.cli._common import (
    Format,
    FormatOption,
    _check_schemes,
    _err,
    _fail,
    _parse_date,
    _print_json,
    _quiet_when_stdout_closes,
    complete_scheme_id,
    file_target,
    force_goes_with_a_file,
    output_file,
    path_given,
    split_commas,
)


@_quiet_when_stdout_closes
def init(
    path: Annotated[
        str, typer.Argument(help="Where to write the profile; - writes it to stdout.",
                            metavar="PATH")
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
                     callback=split_commas,
                     help="Ask what this scheme reads (repeatable; default: the schemes that "
                     "can concern a company of its country, as match shows them: its "
                     "country's and those tied to no country's registry, their call open on "
                     "the evaluation date)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD",
                     help="Evaluation date (default: today): the schemes whose call is open on "
                     "it are asked for."),
    ] = None,
) -> None:
    """Write a new profile: the questions that matter for the company's schemes.

    The country comes first and picks the schemes (those match shows a company of that
    country; the others are named, with why); every question says which rules read it;
    Enter or ? means "don't know" (the field is left out, and match reports it as unknown).
    Questions go to stderr, so `grantcheck init -` can write the profile to stdout. Exit code
    0 when the profile is written; 2 on an answer or --set it cannot use, an existing file
    without --force, or input that ends before the last question; 130 after Ctrl-C (a draft
    keeps the answers so far, after a refused answer or an early end too).

    Examples:

    
        grantcheck init nordlys.toml

    
        grantcheck init acme.toml --non-interactive --set company.country=DK \\
            --set company.name="Acme ApS" --set company.turnover=2500000
    """
    from grantcheck.atomic import FileExists, check_target, write_text_atomic
    from grantcheck.errors import profile_error_lines
    from grantcheck.fields import BadValue
    from grantcheck.init_profile import build_profile
    from grantcheck.profile import ProfileError
    from grantcheck.questionnaire import Interrupted
    from grantcheck.shown import command_word

    to_stdout = path == "-"
    force_goes_with_a_file(force, not to_stdout, "a file name", "give a file name instead of -")
    if not to_stdout:  # before any question is asked
        _plain_text_name(path, path, "a profile is written as plain TOML (match and editors "
                         "read it uncompressed)")
        target = file_target(path_given(path, "init", "a file name, e.g. profile.toml; - for "
                                        "stdout"), path, "profile.toml", writes_stdout=True)
        try:
            check_target(path)
        except OSError as e:  # /dev/null, a FIFO: never replaced, --force or not
            _fail(f"{path}: {e.strerror}", "give the name of a new or a regular file")
        if target.exists() and not force:
            _fail(f"{path}: already exists", "use --force to replace it, or give another path")
    scheme = _check_schemes(list(scheme or []))
    on = _parse_date(as_of) if as_of is not None else date.today()
    if sys.stdin is None and not non_interactive:  # closed by the caller (`<&-`)
        _fail("init: standard input is closed (<&-): the answers have nowhere to come from",
              "give the answers with --set KEY=VALUE and --non-interactive")
    try:
        written = build_profile(None if non_interactive else ConsoleAsker(), list(sets or []),
                                list(scheme or []), "PROFILE" if to_stdout else path,
                                date.today().isoformat(), on, retry=answers_typed())
    except Interrupted as e:  # Ctrl-C, or the input ended (InputEnded)
        _keep_draft(e, "profile.toml" if to_stdout else path)
    except BadValue as e:
        _fail(e.message, e.hint)
    except ProfileError as e:  # "--set company.cvr_number: …", as a --set it cannot read
        _err(*(line for p in e.problems for line in profile_error_lines(
            ProfileError(f"--set {p.path}", [p._replace(path="")]) if e.source == "--set"
            and p.path else ProfileError(e.source, [p]))))
        raise typer.Exit(2) from None
    if to_stdout:
        sys.stdout.write(written.text)
        return
    try:
        write_text_atomic(path, written.text, force=force)
    except OSError as e:  # it appeared meanwhile, a full disk: the answers go to stdout
        sys.stdout.write(written.text)
        _fail(f"{path}: {'already exists' if isinstance(e, FileExists) else 'cannot write: '}"
              f"{'' if isinstance(e, FileExists) else e.strerror or e}; the profile is on "
              "stdout instead, so that no answer is lost",
              "save it to a file: grantcheck init - > FILE writes it there the next time")
    _err(f"Wrote {path}: {written.answered} answers, {written.unknown} questions left as "
         "\"don't know\" (the '# key = ?' lines).",
         f"Next: grantcheck match {command_word(str(path))}"
         # the date the questions were chosen for: match's default, today, may show others
         + (f" --as-of {on.isoformat()}" if as_of is not None else ""))


def _keep_draft(e: Any, path: str) -> NoReturn:
    """Ctrl-C, or the input ended: the answers so far into a draft file next to ``path``
    (never one that exists), named on stderr; exit 130 (2 when the input ended or an answer
    was refused)."""
    from grantcheck.atomic import FileExists, write_text_atomic
    from grantcheck.init_profile import written
    from grantcheck.questionnaire import AnswerRejected, InputEnded

    _err("")  # off the line of the question's prompt
    if isinstance(e, AnswerRejected):
        from grantcheck.shown import shown

        _err(f"Error: {e.path}: answer {e.number} of the input ({shown(e.answer)}) is refused: "
             f"{e.reason}",
             "Hint: answers not typed at a terminal are not asked again (the next line is the "
             "next question's answer): correct that line, or run init at a terminal")
        said, code = "Stopped", 2
    elif isinstance(e, InputEnded):
        _err("Error: the input ended before the questions were all answered",
             "Hint: answer every question (Enter means \"don't know\"), or use "
             "--non-interactive with --set")
        said, code = "The input ended", 2
    else:
        said, code = "Interrupted", 130
    if e.plan is None or not e.data:
        _err(f"{said}: no answer yet, nothing was written.")
        raise typer.Exit(code)
    stem = path.removesuffix(".toml")
    for n in range(1, 100):
        draft = f"{stem}.draft{'' if n == 1 else f'-{n}'}.toml"
        try:
            write_text_atomic(draft, written(e.data, e.plan, path, date.today().isoformat(),
                                             draft=True).text, force=False)
        except FileExists:
            continue
        except OSError as err:
            _err(f"{said}: the draft {draft} cannot be written: {err.strerror or err}")
            raise typer.Exit(code) from None
        _err(f"{said}: the answers so far are in {draft} (a draft; finish it in an "
             f"editor, then grantcheck validate {draft}).")
        raise typer.Exit(code)
    _err(f"{said}: every draft name is taken; nothing was written.")
    raise typer.Exit(code)


@_quiet_when_stdout_closes
def validate(
    profiles: Annotated[
        list[str], typer.Argument(help="Profile files (TOML), folders (searched for *.toml), "
                                   "or - for one from stdin.", metavar="PROFILE",
                                   show_default=False)
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """Whether profiles are valid: every problem, with its file, line, field and hint.

    Prints "FILE: OK" on stdout for a valid file and each problem on stderr as
    "Error: FILE:LINE: field.path: what is wrong" with a "Hint:" line; exit 0 when every file
    is valid, 2 otherwise. --format json prints one report on stdout instead.

    Example:

    
        grantcheck validate profiles/*.toml
    """
    from grantcheck.errors import profile_error_lines
    from grantcheck.validation import validate_files

    if (n := profiles.count("-")) > 1:  # the second read an emptied stdin: "is empty"
        _fail(f"validate: - is given {'twice' if n == 2 else f'{n} times'}: standard input "
              "holds one profile, and is read once", "give - once; name the other profiles' "
              "files")
    reports = validate_files([Path(path_given(p, "validate")) for p in profiles])
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
            from grantcheck.numbers import plural

            _err(f"{len(bad)} of {plural(len(reports), 'profile', 'profiles')} "
                 f"{'has' if len(bad) == 1 else 'have'} problems.")
    raise typer.Exit(2 if bad else 0)


@_quiet_when_stdout_closes
def schema(
    output_name: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE",
                     help="Write the schema to FILE (atomically) instead of stdout (-: stdout)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.")
    ] = False,
) -> None:
    """Print the profile's JSON Schema, for editors that validate and complete profiles.

    Every field has a description and examples. For taplo / Even Better TOML, put
    "#:schema ./profile.schema.json" as the first line of the profile.

    Example:

    
        grantcheck schema --output profile.schema.json
    """
    import json

    from grantcheck.atomic import FileExists, NotAFile, write_text_atomic
    from grantcheck.schema import profile_schema

    output = output_file(output_name, "schema", "profile.schema.json")
    if output is not None:
        _plain_text_name(str(output), f"--output {output}", "the schema is written as plain "
                         "JSON (editors read it uncompressed)", "grantcheck schema | gzip > FILE")
    force_goes_with_a_file(force, output is not None, "--output FILE", "give --output FILE")
    text = json.dumps(profile_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_text_atomic(output, text, force=force)
    except FileExists:
        _fail(f"{output}: already exists", "use --force to replace it")
    except NotAFile as e:  # /dev/stdout, /dev/null, a FIFO
        _fail(f"--output {output}: {e.strerror}", "give the name of a new or a regular file, "
              "or leave out --output to write to stdout")
    except OSError as e:  # a full disk; /proc, which takes no new file
        _fail(f"--output {output}: cannot write: {e.strerror or e}", "give a path in a folder "
              "of your own, or leave out --output to write to stdout")
    _err(f"Wrote {output}.")


def answers_typed() -> bool:
    """Whether init's answers are typed at a terminal (a refused one is then asked again),
    not read from a pipe or a file."""
    return sys.stdin is not None and sys.stdin.isatty()  # None: closed (`<&-`)


class ConsoleAsker:
    """Questions on stderr through Rich (stdout stays free for the profile), answers from stdin."""

    def __init__(self) -> None:
        from rich.console import Console

        from grantcheck.cli._common import _width

        self.console = Console(stderr=True, highlight=False,
                               width=_width(sys.stderr.isatty(), sys.stderr))

    def say(self, text: str, style: str = "") -> None:
        """A line of talk wrapped as :func:`_err` wraps it: its continuation lines indented two
        more than its first, never one at all when piped without COLUMNS."""
        from rich.text import Text

        from grantcheck.cli._common import _stderr_width
        from grantcheck.render.plain import wrap_plain

        width = _stderr_width()
        if width is not None:
            text = wrap_plain(text, width, " " * (len(text) - len(text.lstrip(" ")) + 2))
        self.console.print(Text(text, style=style), soft_wrap=True)

    def ask(self, label: str) -> str:
        from rich.text import Text

        return self.console.input(Text(label, style="bold cyan"))


def _plain_text_name(name: str, label: str, written: str, packed: str = "") -> None:
    """Refused (exit 2): a name ending in .gz for a file written as plain text (a profile, the
    schema), which a reader would take for gzip (only batch --output FILE.gz writes gzip)."""
    if Path(name).suffix.lower() == ".gz":  # not a file named .gz
        _fail(f"{label}: the name ends in .gz, which says gzip, but {written}",
              f"give a name without .gz, e.g. {name[:-3]}"
              + (f"; a compressed copy: {packed}.gz" if packed else ""))
