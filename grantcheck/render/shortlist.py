"""`grantcheck shortlist`'s table: the companies of a screening ranked by their best prospect
(the order is :mod:`grantcheck.outreach.rank`'s; this only shows it). A row's first scheme is
its best prospect; its max grant and its first count of questions are that scheme's."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from grantcheck.engine.settle import FITS, NEEDS, NO_FIT, UNDECIDED_WORDS
from grantcheck.fx import FxRates
from grantcheck.numbers import plural
from grantcheck.outreach.rank import Row
from grantcheck.render.together import indented
from grantcheck.render.whole import whole

_STYLE = {FITS: "bold green", NEEDS: "bold yellow", NO_FIT: "bold red"}


def _as_in_toml(field: str) -> str:
    """A field as a profile's TOML writes it, and match's view names it: "[declarations]
    large_enterprise_exception", not "declarations.large_enterprise_exception", a word of 39
    that drew the table as a list at 80 columns (the CSV keeps the dotted path)."""
    table, dot, key = field.rpartition(".")
    if not dot or not key.isidentifier() or not all(p.isidentifier() for p in table.split(".")):
        return field  # an entry of a list, an instruction: as it is
    return f"[{table}] {key}"


def render_shortlist(rows: list[Row], total: int, fx: FxRates, console: Console,
                     headline: Sequence[str] = ()) -> None:
    """What the screening found (``headline``: how many can still fit, per scheme how many
    and for how much), the ranked rows, then a line saying how many of how many are shown."""
    for line in headline:  # a scheme's line (indented) wraps under itself
        text = Text(line.lstrip())
        console.print(indented(text, len(line) - len(text), console.width))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("#", justify="right")
    table.add_column("Company")
    table.add_column("Verdict")
    table.add_column("Max grant", justify="right")
    table.add_column("Questions")
    for i, r in enumerate(rows, 1):
        company = Text(r.name, style="bold")
        company.append(f"\n{r.number or '(no number)'} · {r.country}", style="dim")
        verdict = Text(r.verdict, style=_STYLE.get(r.verdict, "dim"))
        for s in dict.fromkeys([r.best, *r.schemes.split()]) if r.best else ():
            verdict.append(f"\n{s}", style="dim")  # the best prospect first
        if r.also_open:
            verdict.append(f"\n{NEEDS}: {r.also_open}", style="dim")
        # as match's table: "?" an amount not known yet (its scheme can still fit), "—" none
        grant = (Text(str(r.max_grant)) if r.max_grant is not None
                 else Text("?", style="dim") if r.best and r.verdict != NO_FIT
                 else Text("—", style="dim"))
        if r.max_grant is not None and r.max_grant.currency != "EUR":
            grant.append(f"\n≈ EUR {r.max_grant_eur:,}", style="dim")
        questions = Text(str(r.best_questions) if r.best and not r.undecided else "—")
        if r.undecided:  # as match's answer: no answer settles it on the date
            questions.append(f"\n{UNDECIDED_WORDS[0]}", style="dim")
        if r.questions != r.best_questions:
            questions.append(f"\n{r.questions} in all", style="dim")
        if r.first_question:
            questions.append(f"\nfirst: {_as_in_toml(r.first_question)}", style="dim")
        table.add_row(Text(str(i)), company, verdict, grant, questions)
    console.print(whole(table))
    rates = " · ".join(rate.describe() for rate in fx.used.values())
    more = " (leave out --top for all)" if len(rows) < total else ""
    console.print(Text(f"{len(rows):,} of {plural(total, 'company', 'companies')} shown{more}, "
                       "each by its best prospect (its first scheme: max grant, ? when not "
                       "known yet, questions)"
                       + (f"; amounts compared in euros: {rates}" if rates else "") + ".",
                       style="dim"))
