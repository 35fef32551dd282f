"""``outreach``: a registry screening turned into an office's work, the questions to send each
company that needs information, as questionnaires and answers files (issue 21)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from grantcheck.cli._common import (
    AsOf,
    RateOption,
    SchemeOption,
    _err,
    _fail,
    in_a_folder_that_exists,
    path_given,
)
from grantcheck.cli._screening import (
    SHOWN_ERRORS,
    InputFormatOption,
    InputOption,
    ProfilesOption,
    _Errors,
    _screening,
)
from grantcheck.cli.batch import _settings


def outreach(
    input_file: InputOption,
    out_name: Annotated[str, typer.Option(
        "--out", "--output", "-o", metavar="DIR", show_default=False,
        help="The folder to write the pack to (made if missing, in a folder that exists); "
             "--output, as the other commands name it, is the same.")],
    input_format: InputFormatOption = None,
    profiles_dir: ProfilesOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write into a folder that is not empty, replacing files of the same "
        "name.")] = False,
    as_of: AsOf = None,
    scheme: SchemeOption = None,
    rate: RateOption = None,
) -> None:
    """What to ask each company of a screening to settle its open schemes: an outreach pack
    of questionnaires and answers files.

    Example:

    
        grantcheck outreach --input enheter.csv.gz --as-of 2026-11-23 --out pack/

    For every company that needs information: NUMBER.toml, an answers file to fill in (the
    questions as commented keys, the registry's facts as comments with their source), and
    NUMBER.LANG.md and NUMBER.en.md, the questions in the language of its authorities (nb, sv,
    da) and in English, the facts that settle the most first. A company its answers settled
    keeps them in its NUMBER.toml. summary.md counts the portfolio.
    Filled in, the answers settle the questions: grantcheck batch --input FILE --profiles pack/.
    Exit code 0; 4 when some units could not be read (the rest were written); 2 on bad input,
    or when answers filled in since were kept, not replaced (the rest were written); 130 after
    Ctrl-C (the pack not whole: summary.md is written last).
    """
    from grantcheck.atomic import SYNCS_ALL, atomic_text, path_kind, sync_all
    from grantcheck.cli._batch_output import pack_not_written
    from grantcheck.errors import EXIT_INTERRUPTED, EXIT_SOME_FAILED
    from grantcheck.outreach.pack import answers_toml, gave_answers, questionnaire_md, summary_md
    from grantcheck.outreach.questions import language_of
    from grantcheck.outreach.rank import Portfolio
    from grantcheck.outreach.screen import Failed

    on, rates, ids = _settings(as_of, scheme, rate)
    if out_name == "-":  # stdout for --output elsewhere: here it would be a folder named "-"
        _fail("--out -: the pack is a folder of files, and stdout can hold none",
              "name a folder for the pack, e.g. --out pack/ (./- for a folder named -)")
    out = Path(path_given(out_name, "outreach --out", "a folder for the pack, e.g. pack/; . "
                          "for the working directory"))
    if out.exists() and not out.is_dir():  # /dev/null, a FIFO: said as what they are
        _fail(f"--out {out}: is a {path_kind(out)}, not a folder", "name a folder for the pack, "
              "e.g. --out pack/ (made if missing): the pack is several files")
    if out.is_dir() and any(out.iterdir()) and not force:
        _fail(f"--out {out}: the folder is not empty",
              "use --force to write into it (files of the same name are replaced), or name "
              "a new folder")
    if out.is_dir():
        if not os.access(out, os.W_OK | os.X_OK):  # before any work, as --output's folder
            _fail(f"--out {out}: the folder cannot be written to (permission denied)",
                  "name a folder you can write to")
    else:  # the pack's folder is made, not the folders it goes in (as no --output makes them)
        in_a_folder_that_exists(Path(os.path.realpath(out)) if out.is_symlink() else out,
                                f"--out {out_name}")
    portfolio = Portfolio()
    errors = _Errors()
    files = settled = 0  # companies with questions; decided ones with answers kept
    kept: list[str] = []  # answers files filled in since they were written: never replaced
    first: dict[str, str] = {}  # number -> the unit whose files it names (a number twice: one)
    again: list[str] = []

    def write(name: str, text: str, sync: bool = not SYNCS_ALL) -> None:
        if name.endswith(".toml") and (why := _holds_answers(out / name, text)):
            kept.append(f"kept {out / name}: {why}")
            return
        try:
            with atomic_text(out / name, force=True, sync=sync) as fh:
                fh.write(text)  # forced to the disk with the others, before summary.md
        except OSError as e:  # a folder or a FIFO of its name, a full disk, /proc
            pack_not_written(out, name, e, files)

    try:  # Ctrl-C: typer would end it with 130 and no word, the pack half written
        with _screening(input_file, input_format, profiles_dir, on, rates, ids) as screened:
            try:
                out.mkdir(exist_ok=True)
            except OSError as e:  # /proc, where a folder that is there "does not exist"
                pack_not_written(out, "", e, files)
            for item in screened:
                if isinstance(item, Failed):
                    portfolio.add(item)
                    errors.add(item)
                    continue
                questions = item.questions()
                portfolio.add(item, questions)
                # a decided company that gave answers keeps them: without its file the pack,
                # given as --profiles, would reopen what its answers settled
                if not item.number or not (questions or gave_answers(item)):
                    continue
                if item.number in first:  # its files would replace the first unit's
                    again.append(f"{item.source}: organisation number {item.number} was "
                                 f"screened before, at {first[item.number]}: its files are "
                                 "that unit's, not written again")
                    continue
                first[item.number] = item.source
                write(f"{item.number}.toml", answers_toml(item, on, questions))
                if not questions:
                    settled += 1
                    continue
                for lang in dict.fromkeys((language_of(item.country), "en")):
                    write(f"{item.number}.{lang}.md",
                          questionnaire_md(item, on, questions, lang))
                files += 1  # its files all written (a Ctrl-C says how many)
        errors.close()
        sync_all()  # summary.md comes last: with it on the disk, so is the pack
        write("summary.md", summary_md(portfolio, input_file, on, ids, files, len(again),
                                       settled), True)
    except KeyboardInterrupt:
        _err(f"Interrupted: the pack in {out} is not whole: the files of {files:,} "
             f"{'company' if files == 1 else 'companies'} were written, not summary.md"
             if files else f"Interrupted: no file of the pack was written to {out}.",
             f"Hint: run the command again{' with --force' if files else ''} to write it whole")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    unread = (f"; {portfolio.failed:,} {'unit' if portfolio.failed == 1 else 'units'} could not "
              "be read" if portfolio.failed else "")
    _err(f"Wrote the pack of {files:,} {'company' if files == 1 else 'companies'}"
         + (f" and the answers of {settled:,} decided "
            f"{'company' if settled == 1 else 'companies'}" if settled else "") + f" to {out} "
         f"({portfolio.can_fit:,} of {portfolio.companies:,} can still fit a scheme{unread}; "
         f"{out / 'summary.md'}).")
    _err(*(f"Warning: {a}" for a in again[:SHOWN_ERRORS]))
    if len(again) > SHOWN_ERRORS:
        _err(f"... and {len(again) - SHOWN_ERRORS:,} more units of a number seen before")
    if kept:
        _err(*(f"Error: --out {out}: {k}" for k in kept))
        _fail(f"--out {out}: {len(kept):,} answers {'file was' if len(kept) == 1 else 'files were'}"
              " not replaced", f"give --profiles {out} to carry them into the new pack, or "
              "move them out of the folder first")
    raise typer.Exit(EXIT_SOME_FAILED if errors.count else 0)


def _holds_answers(path: Path, text: str) -> str:
    """Why the answers file at ``path`` must not be replaced by ``text`` (a new pack's): it
    states what ``text`` does not (answers written into it since), or cannot be read as TOML
    (half edited); "" when it can (none there, or only what ``text`` states too)."""
    from grantcheck.profile.errors import ProfileError
    from grantcheck.profile.load import parse_toml, read_text

    if not os.path.lexists(path):  # Path.exists() raised for a name too long (a number's)
        return ""
    try:  # as a profile is read: a FIFO of that name waited for ever
        before = read_text(path)
    except ProfileError as e:
        return f"it cannot be read ({e.problems[0].message})"
    try:
        stated = _leaves(parse_toml(before, str(path)))
    except ProfileError as e:
        line = next((p.line for p in e.problems if p.line is not None), None)
        return "it cannot be read as TOML" + (f" (line {line})" if line else "")
    new = _leaves(parse_toml(text, str(path)))
    dropped = [key for key, value in stated.items() if new.get(key) != value]
    return (f"it holds answers the new pack would drop ({', '.join(dropped)})"
            if dropped else "")


def _leaves(data: object, at: str = "") -> dict[str, object]:
    """The values of a TOML document by dotted path (a list as a whole)."""
    if not isinstance(data, dict):
        return {at: data}
    out: dict[str, object] = {}
    for key, value in data.items():
        out.update(_leaves(value, f"{at}.{key}" if at else str(key)))
    return out
