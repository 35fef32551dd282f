"""``match`` and ``budget``: a profile checked against the schemes, a draft budget against a
scheme's cost rules."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from grantcheck.cli._common import (
    Format,
    FormatOption,
    RateOption,
    SchemeOption,
    _check_schemes,
    _err,
    _fail,
    _parse_date,
    _print_json,
    _quiet_when_stdout_closes,
    _rate_overrides,
    _stdout_console,
    complete_scheme_id,
    path_given,
    split_commas,
)
from grantcheck.cli.pager import NoPagerOption


@_quiet_when_stdout_closes
def match(
    profile: Annotated[
        str, typer.Argument(help="The company profile (TOML); - reads it from stdin.",
                            metavar="PROFILE", show_default=False)
    ],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD",
                     help="Evaluation date (default: today): the rules, rates and calls in "
                     "force on it. A call closed on it is named in the 'Not shown' line with "
                     "the verdict it would have had (--all shows it in full)."),
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
    show_all: Annotated[
        bool,
        typer.Option("--all", "-a",
                     help="Show every scheme in full, also those of another country's registry "
                     "(not applicable) and closed calls."),
    ] = False,
    no_pager: NoPagerOption = False,
) -> None:
    """Which schemes fit a company profile, for how much, and what would settle the rest.

    Example:

    
        grantcheck match profiles/nordlys-automation.toml --explain

    The first line is the answer: what fits and for how much (own funding too), what needs
    information, and what is not shown (another country's, closed calls: --all shows them);
    then a row per scheme and what would settle it. --explain shows every rule with the
    figures it compared and its source; --format json prints it all as data. Exit code 0
    when at least one open scheme fits, 1 when none does, 2 on bad input.
    """
    from grantcheck.errors import EXIT_FIT, EXIT_NO_FIT, profile_error_lines
    from grantcheck.matching import check
    from grantcheck.profile import ProfileError, load_profile
    from grantcheck.schemes import SCHEME_IDS

    on = _parse_date(as_of) if as_of is not None else date.today()
    overrides = _rate_overrides(rate)
    ids = _check_schemes(list(scheme) if scheme else list(SCHEME_IDS))
    path = Path(path_given(profile, "match", "the profile's file, or - for stdin"))
    try:
        prof = load_profile(path)
    except ProfileError as e:
        _err(*profile_error_lines(e))
        raise typer.Exit(2) from None
    result = check(prof, on, rates=overrides, schemes=ids,
                   source="<stdin>" if str(path) == "-" else str(path))
    if fmt is Format.json:
        import json

        from grantcheck.render.json import match_to_dict

        sys.stdout.write(json.dumps(match_to_dict(result), ensure_ascii=False, indent=2) + "\n")
    else:
        from grantcheck.cli.pager import _paged

        with _paged(_stdout_console(), no_pager) as console:
            if explain:  # every scheme in full, after the answer `--all` starts with
                from grantcheck.render.table import render_match

                render_match(result, console, explain)
            else:
                from grantcheck.render.match import render_answer

                render_answer(result, console, show_all or bool(scheme))
    for w in result.warnings:  # after the answer: on a terminal, its first line is the answer
        _err(f"Warning: {w}")
    raise typer.Exit(EXIT_FIT if result.any_open_fit else EXIT_NO_FIT)


@_quiet_when_stdout_closes
def budget(
    file_name: Annotated[
        str | None,
        typer.Argument(metavar="FILE",
                       help="A budget file: a profile with a [budget] table, or a file with "
                       "only [budget]; - reads it from stdin. Leave out to give the lines with "
                       "--line; with --line, a profile without [budget] gives the company.",
                       show_default=False),
    ] = None,
    scheme: Annotated[
        list[str] | None,
        typer.Option("--scheme", "-s", metavar="ID", autocompletion=complete_scheme_id,
                     callback=split_commas,
                     help="Check against this scheme (repeatable). Default: budget.scheme, "
                     "else the open schemes match shows the company that fit it (else those "
                     "that need information)."),
    ] = None,
    line: Annotated[
        list[str] | None,
        typer.Option("--line", "-l", metavar="CATEGORY=AMOUNT",
                     help="A budget line without a file, e.g. --line consultancy=150000 or "
                     "--line personnel=120h@650 (repeatable)."),
    ] = None,
    tier: Annotated[
        str | None,
        typer.Option("--tier", metavar="t25|t100|t250",
                     help="With --line: the SMV:Digital voucher (budget.tier)."),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="YYYY-MM-DD",
                     help="With --line: the project's first day (budget.start)."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="YYYY-MM-DD",
                     help="With --line: the project's last day (budget.end)."),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="YYYY-MM-DD",
                     help="Evaluation date (default: today); it picks the rules and rates in "
                     "force, and the call's status (a closed call is said)."),
    ] = None,
    fmt: FormatOption = Format.table,
    explain: Annotated[
        bool,
        typer.Option("--explain", "-e",
                     help="Show every budget rule, how each amount was computed, and every "
                     "source."),
    ] = False,
    rate: RateOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """What grant and own funding a draft budget gives, and whether it keeps a scheme's cost
    rules, line by line.

    Examples:

    
        grantcheck budget profiles/nordlys-automation.toml --scheme dk-smv-digital

    
        grantcheck budget --scheme dk-smv-digital --line consultancy=150000 --line hardware=320000

    The first line is the answer: the verdict, the grant, the own funding, and the call as
    match says it ("call open until 2023-03-01"); then each line's eligibility and its source,
    the eligible cost base, the grant (rate and cap), the own funding and its form, and every
    budget rule the draft breaks (--explain: every rule and source; --format json: all of it as
    data). Without --scheme or budget.scheme, a profile's budget is checked against every open
    scheme match shows it that fits (else every one that needs more information); a note names
    the others. A call closed on the date is said ("call closed 2023-03-01 (would: complies)"),
    its costs still checked; an application date after an open call's last day breaks the rule
    CALL. Exit code 0 when every budget checked complies (its call open), 1 when one breaks a
    rule, needs information or is for a closed call, or when the profile fits no open scheme
    and needs information for none (nothing to check it against), 2 on bad input.
    """
    from grantcheck.budget import budget_from_options, budget_schemes, check, load_budget
    from grantcheck.errors import EXIT_FIT, EXIT_NO_FIT, profile_error_lines
    from grantcheck.profile import ProfileError
    from grantcheck.schemes import (
        SCHEME_IDS,
        NoBudgetRules,
        UnknownScheme,
        canonical_id,
        get,
        has_budget,
    )

    on = _parse_date(as_of) if as_of is not None else date.today()
    overrides = _rate_overrides(rate)
    scheme = _check_schemes(list(scheme or []))
    file = None if file_name is None else Path(path_given(
        file_name, "budget", "the budget's file, or - for stdin"))
    if file is not None and not line and (tier or start or end):
        _fail("--tier, --start and --end go with --line",
              "with a budget file, state budget.tier, budget.start and budget.end in it")
    profile = None
    try:
        if file is not None and line:  # the profile's company and project, these lines
            from grantcheck.profile import parse_toml, profile_from_data, read_text

            shown = "<stdin>" if str(file) == "-" else str(file)
            text = read_text(file)
            data = parse_toml(text, shown)
            if "budget" in data:
                _fail(f"{shown} has a [budget] of its own: give its lines there, or --line "
                      "without the file, not both",
                      "put every line in the file's [[budget.lines]]")
            profile = profile_from_data(data, shown, text)
        if file is not None and not line:
            draft, profile = load_budget(file)
            source = "<stdin>" if str(file) == "-" else str(file)
        elif line:
            draft = budget_from_options(line, None, {
                "tier": tier, "start": _option_date("--start", start),
                "end": _option_date("--end", end)})
            source = "--line"
        else:
            _fail("no budget given", "give a budget file, or the lines with --line "
                  "CATEGORY=AMOUNT and the scheme with --scheme ID")
    except ProfileError as e:
        _err(*(_option_error_lines(e, line) if line else profile_error_lines(e)))
        raise typer.Exit(2) from None
    except ValueError as e:
        _fail(str(e), getattr(e, "hint", ""))
    if draft.scheme is not None and draft.scheme not in SCHEME_IDS:
        try:
            get(draft.scheme)
        except UnknownScheme as e:
            _fail(f"{source}: budget.scheme: {draft.scheme!r} is not a scheme", e.hint)
    ids = list(scheme or ([draft.scheme] if draft.scheme else []))
    if scheme and draft.scheme and canonical_id(draft.scheme) not in ids:  # said, not silent
        _err(f"Note: {source} names budget.scheme = {draft.scheme!r}; checked against "
             f"{', '.join(ids)} as --scheme asks")
    if not ids:
        if profile is None:
            _fail("which scheme? a budget without a profile needs --scheme ID (or "
                  "budget.scheme in the file)",
                  f"schemes: {', '.join(i for i in SCHEME_IDS if has_budget(i))}")
        (ids, fit), others = budget_schemes(profile, on, overrides)
        if ids and not fit:
            _err(f"Note: no scheme fits {profile.company.name} yet; checking the budget "
                 f"against those that need more information: {', '.join(ids)}")
        if ids and others:  # what was left out, and how to see it
            how = (f"--scheme {others[0].split()[0]} checks the budget against it"
                   if len(others) == 1 else "--scheme ID checks the budget against one")
            _err(f"Note: not checked: {'; '.join(others)}; {how}")
        if not ids:
            _err(f"No open scheme could fit {profile.company.name} on {on.isoformat()}: "
                 "nothing to check the budget against.",
                 "Hint: name one with --scheme ID (with --as-of for a closed call); "
                 "grantcheck match --explain says why none fits")
            raise typer.Exit(EXIT_NO_FIT)
    if tier and not any(get(sid).tiers for sid in ids):  # else silently of no use
        _fail(f"--tier {tier}: {', '.join(ids)} {'has' if len(ids) == 1 else 'have'} no tiers",
              "--tier picks the SMV:Digital voucher (--scheme dk-smv-digital); leave it out "
              "for other schemes")
    try:
        results = [check(draft, sid, on, profile=profile, rates=overrides, source=source)
                   for sid in ids]
    except NoBudgetRules as e:
        _fail(f"{e.scheme_id} states no budget rules: its budget cannot be checked", e.hint)
    if source == "--line":  # the fixes name the options that state what they ask for
        for r in results:
            r.findings = [_as_options(f) for f in r.findings]
    warnings = list(dict.fromkeys(w for r in results for w in r.fx.warnings()))
    if fmt is Format.json:
        from grantcheck.render.budget import budgets_to_dict

        _print_json(budgets_to_dict(results, source, on.isoformat(), warnings))
    else:
        from grantcheck.cli.pager import _paged
        from grantcheck.render.budget import render_budget

        with _paged(_stdout_console(), no_pager) as console:
            for i, r in enumerate(results):
                if i:
                    console.print()
                render_budget(r, console, explain)
    for w in warnings:  # after the answer, as match's
        _err(f"Warning: {w}")
    from grantcheck.budget.core import BudgetVerdict

    ok = all(r.verdict is BudgetVerdict.COMPLIES for r in results)
    raise typer.Exit(EXIT_FIT if ok else EXIT_NO_FIT)


# a budget field --line mode states by an option: its errors and the fixes say the option
_OPTION_OF = {"budget.tier": "--tier", "budget.start": "--start", "budget.end": "--end"}
_LINE_OPTIONS = (("state budget.start and budget.end in the budget", "give --start and --end"),
                 ("state budget.tier", "give --tier"), *_OPTION_OF.items())


def _as_options(f: Any) -> Any:
    """A finding of a --line budget whose fix names the options, not the budget's fields; a
    budget field no option states (budget.application_date) is said to need a budget file."""
    from grantcheck.budget import no_option

    fields = f.missing
    if fields and all(p.startswith("budget.") for p in fields) and any(
            p not in _OPTION_OF for p in fields):
        given = [_OPTION_OF[p] for p in fields if p in _OPTION_OF]
        rest = [p for p in fields if p not in _OPTION_OF]
        return f.with_fix((f"give {' and '.join(given)}; " if given else "") + no_option(rest))
    fix = f.fix
    for field_name, option in _LINE_OPTIONS:
        fix = fix.replace(field_name, option)
    return f if fix == f.fix else f.with_fix(fix)


def _option_error_lines(e: Any, lines: list[str]) -> list[str]:
    """The errors of a budget given by options, each named by the option as typed (``--line
    'hardwre=5': category: …``, ``--tier: budget.tier: …``), not by the budget field the
    option became (``budget.lines[1].category``); a profile's own, by its file."""
    import re

    from grantcheck.errors import profile_error_lines
    from grantcheck.profile import ProfileError

    out = []
    for p in e.problems:
        m = re.fullmatch(r"budget\.lines\[(\d+)\]\.(.+)", p.path)
        if e.source == "--line" and m and int(m[1]) < len(lines):
            source, p = f"--line {lines[int(m[1])]!r}", p._replace(path=m[2])
        else:
            source = _OPTION_OF.get(p.path, e.source) if e.source == "--line" else e.source
        out += profile_error_lines(ProfileError(source, [p]))
    return out


def _option_date(option: str, text: str | None) -> date | None:
    return None if text is None else _parse_date(text, option)
