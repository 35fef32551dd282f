"""``shortlist``: the companies of a registry screening ranked by what they can get, for an
office's first calls (issue 21); ``--explain`` shows one company's rules with where each figure
came from."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from grantcheck.cli._common import (
    AsOf,
    RateOption,
    SchemeOption,
    _err,
    _fail,
    _quiet_when_stdout_closes,
    _stdout_console,
)
from grantcheck.cli._screening import (
    InputFormatOption,
    InputOption,
    ProfilesOption,
    _Errors,
    _screening,
)
from grantcheck.cli.batch import InputFormat, _settings

if TYPE_CHECKING:
    from grantcheck.outreach.rank import Row
    from grantcheck.outreach.screen import Company, Failed


class ShortlistFormat(StrEnum):
    table = "table"
    csv = "csv"


@_quiet_when_stdout_closes
def shortlist(
    input_file: InputOption,
    input_format: InputFormatOption = None,
    profiles_dir: ProfilesOption = None,
    fmt: Annotated[ShortlistFormat | None, typer.Option(
        "--format", "-f", help="table (the default on a terminal) or csv (the default "
        "otherwise; columns in docs/commands.md).")] = None,
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, metavar="N",
                                            help="Only the first N companies.")] = None,
    explain: Annotated[str | None, typer.Option(
        "--explain", "-e", metavar="NUMBER",
        help="Instead of the ranking, one company's rules as match --explain shows them, with "
        "where each figure came from: the registry's source, or the answers file that "
        "stated it.")] = None,
    as_of: AsOf = None,
    scheme: SchemeOption = None,
    rate: RateOption = None,
) -> None:
    """Which companies of a registry screening are the best prospects: ranked by verdict,
    grant and the fewest answers that settle it.

    Example:

    
        grantcheck shortlist --input enheter.csv.gz --as-of 2026-11-23 --top 20

    First the answer (on stderr with csv): how many companies can still fit a scheme, and per
    scheme how many fit or need information and for up to how much. Then the companies,
    ordered by each one's best prospect: verdict (fits, needs information, then those out of
    every scheme), then the highest grant of those schemes (compared in euros at the dated
    rate, which is stated), then the fewest facts that settle that scheme: an office's
    shortlist is the first rows. Exit code 0; 4 when some units could not be read (the rest
    are ranked); 2 on bad input.
    """
    from grantcheck.errors import EXIT_SOME_FAILED
    from grantcheck.fx import FxRates
    from grantcheck.outreach.rank import Portfolio, csv_text, ranked, row_of
    from grantcheck.outreach.screen import Failed

    on, rates, ids = _settings(as_of, scheme, rate)
    if explain is not None and (fmt is ShortlistFormat.csv or top is not None):
        given = "--format csv" if fmt is ShortlistFormat.csv else f"--top {top}"
        _fail(f"{given} goes with the ranking, not --explain (one company's rules, as text)",
              f"leave out {given.split()[0]}, or --explain for the ranking")
    if explain is not None:
        _explain(input_file, input_format, profiles_dir, on, rates, ids, explain)
        return
    fx = FxRates(on, rates)
    errors = _Errors()
    portfolio = Portfolio()

    def rows(screened: Iterator[Company | Failed]) -> Iterator[Row]:
        for i, item in enumerate(screened):
            if isinstance(item, Failed):
                errors.add(item)
                portfolio.add(item)
            else:
                questions = item.questions()
                portfolio.add(item, questions)
                yield row_of(item, i, fx, questions)

    with _screening(input_file, input_format, profiles_dir, on, rates, ids) as screened:
        shown = ranked(rows(screened), top)
    errors.close()
    if fmt is None:
        fmt = ShortlistFormat.table if sys.stdout.isatty() else ShortlistFormat.csv
    headline = portfolio.headline(on.isoformat())
    if fmt is ShortlistFormat.csv:
        for line in csv_text(shown):
            sys.stdout.write(line)
        # stdout is the data; what it adds up to is said on stderr, as batch says it: a line per
        # scheme not indented (on stderr an indented line continues the one above)
        _err(*(line.lstrip() for line in headline))
        if len(shown) < portfolio.companies:  # what --top left out, as the table says it
            from grantcheck.numbers import plural

            _err(f"{len(shown):,} of {plural(portfolio.companies, 'company', 'companies')} "
                 "written, the first by their best prospect (leave out --top for all).")
    else:
        from grantcheck.render.shortlist import render_shortlist

        render_shortlist(shown, portfolio.companies, fx, _stdout_console(), headline)
    rates_used = "; ".join(r.describe() for r in fx.used.values())
    if rates_used and fmt is ShortlistFormat.csv:  # the table states them below it
        _err(f"Amounts compared in euros: {rates_used}.")
    raise typer.Exit(EXIT_SOME_FAILED if errors.count else 0)


def _names(message: str, number: str) -> bool:
    """Whether an error message names the unit ``number`` (an organisation or CVR number: 8
    characters or more, as a word of its own)."""
    import re

    return len(number) >= 8 and re.search(
        rf"(?<![0-9A-Za-z]){re.escape(number)}(?![0-9A-Za-z])", message) is not None


def _explain(input_file: str, input_format: InputFormat | None, profiles: Path | None,
             on: date, rates: dict[str, Decimal], ids: list[str], number: str) -> None:
    """match --explain for the unit numbered ``number``, with the provenance of its facts."""
    from grantcheck.errors import EXIT_SOME_FAILED
    from grantcheck.outreach.screen import Company

    wanted = "".join(ch for ch in number if ch.isalnum())
    if not any(ch.isdigit() for ch in wanted):  # said before the whole file is screened
        _fail(f"--explain {number!r}: not an organisation or CVR number (it has no digits)",
              "give the number of a row of the shortlist (its number column)")
    failed: list[str] = []  # the units that could not be read
    found = None
    with _screening(input_file, input_format, profiles, on, rates, ids) as screened:
        for item in screened:
            if isinstance(item, Company):
                if item.number == wanted:
                    found = item
                    break
            elif _names(item.message.removeprefix(item.source), wanted):
                _err(f"Error: --explain {number}: that unit could not be read: {item.message}")
                raise typer.Exit(EXIT_SOME_FAILED)
            else:
                failed.append(item.message)
    if found is None:
        hint = "give the number of a row of the shortlist (its number column)"
        if failed:
            hint += (f"; {len(failed):,} {'unit' if len(failed) == 1 else 'units'} of the file "
                     f"could not be read (the first: {failed[0]})")
        _fail(f"--explain {number}: no unit with that organisation number in {input_file}",
              hint)
    from grantcheck.render.table import render_match

    render_match(found.result, _stdout_console(), explain=True)
    raise typer.Exit(0)
