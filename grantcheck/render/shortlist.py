"""`grantcheck shortlist`'s table: the companies of a screening ranked by what they can get
(the order is :mod:`grantcheck.outreach.rank`'s; this only shows it)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from grantcheck.engine.settle import FITS, NEEDS, NO_FIT
from grantcheck.fx import FxRates
from grantcheck.numbers import plural
from grantcheck.outreach.rank import Row
from grantcheck.render.whole import whole

_STYLE = {FITS: "bold green", NEEDS: "bold yellow", NO_FIT: "bold red"}


def render_shortlist(rows: list[Row], total: int, fx: FxRates, console: Console,
                     headline: Sequence[str] = ()) -> None:
    """What the screening found (``headline``: how many can still fit, per scheme how many
    and for how much), the ranked rows, then a line saying how many of how many are shown."""
    for line in headline:
        console.print(Text(line))
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
        if r.schemes:
            verdict.append(f"\n{r.schemes}", style="dim")
        if r.also_open:
            verdict.append(f"\n{NEEDS}: {r.also_open}", style="dim")
        grant = Text("—", style="dim") if r.max_grant is None else Text(str(r.max_grant))
        if r.max_grant is not None and r.max_grant.currency != "EUR":
            grant.append(f"\n≈ EUR {r.max_grant_eur:,}", style="dim")
        questions = Text(str(r.questions) if r.questions else "—")
        if r.first_question:
            questions.append(f"\nfirst: {r.first_question}", style="dim")
        table.add_row(Text(str(i)), company, verdict, grant, questions)
    console.print(whole(table))
    rates = " · ".join(rate.describe() for rate in fx.used.values())
    console.print(Text(f"{len(rows):,} of {plural(total, 'company', 'companies')} shown"
                       + (f"; amounts compared in euros: {rates}" if rates else "") + ".",
                       style="dim"))
