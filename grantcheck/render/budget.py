"""Budget results as data (JSON) and as Rich tables. Presentation only: decides nothing.

The JSON shape is documented in docs/budget.md ("Budget JSON output") and only ever gains keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from grantcheck import __version__
from grantcheck.budget import no_option
from grantcheck.budget.core import BudgetVerdict, GrantPart, LineResult, LineStatus
from grantcheck.budget.result import BudgetResult
from grantcheck.citations import Citation
from grantcheck.engine import Outcome
from grantcheck.money import format_percent
from grantcheck.numbers import plural
from grantcheck.render.json import SCHEMA_VERSION
from grantcheck.render.table import rules_table
from grantcheck.render.together import joined, together
from grantcheck.render.whole import Whole, lean_table, whole

STATUS_STYLE = {
    LineStatus.ELIGIBLE: "green",
    LineStatus.PARTLY: "yellow",
    LineStatus.JUSTIFY: "magenta",
    LineStatus.INELIGIBLE: "red",
    LineStatus.UNKNOWN: "yellow",
}
VERDICT_STYLE = {
    BudgetVerdict.COMPLIES: "bold green",
    BudgetVerdict.NEEDS_INFORMATION: "bold yellow",
    BudgetVerdict.BREAKS_RULES: "bold red",
    BudgetVerdict.CLOSED: "bold yellow",
}


# --- JSON ----------------------------------------------------------------------------------


def _line(lr: LineResult) -> dict[str, Any]:
    ln = lr.line
    out: dict[str, Any] = {
        "line": lr.index + 1,
        "description": ln.description,
        "category": ln.category.value,
        "amount": lr.amount.to_json() if lr.amount is not None else None,
        "eligible": lr.eligible.to_json(),
        "not_eligible": lr.not_eligible.to_json(),
        "status": lr.status.value,
        "group": lr.group or None,
        "reason": lr.reason,
    }
    if lr.amount_basis:
        out["amount_basis"] = lr.amount_basis
    if lr.missing:
        out["missing_fields"] = list(lr.missing)
    for key in ("participant", "year", "employee"):
        value = getattr(ln, key)
        if value is not None:
            out[key] = value
    out["source"] = [c.to_json() for c in lr.cites]
    return out


def budget_to_dict(r: BudgetResult) -> dict[str, Any]:
    s = r.scheme
    return {
        "scheme": {"id": s.id, "name": s.name, "country": s.country, "currency": s.currency},
        "tier": r.tier,
        "verdict": r.verdict.value,
        "verdict_if_open": r.verdict_if_open.value,
        "call": {"status": r.call[0], "text": r.call[1]},
        "budget_currency": r.budget_currency,
        "lines": [_line(lr) for lr in r.lines],
        "totals": _totals(r),
        "own_funding_form": r.own_funding_form,
        "grant_parts": [p.to_json() for p in r.parts],
        "findings": [f.to_json() for f in r.findings],
        "categories": r.categories,
        "notes": list(r.notes),
        "exchange_rates": r.fx.to_json(),
    }


def _totals(r: BudgetResult) -> dict[str, Any]:
    """The totals; the grant, the own funding and what the applicant carries are null, with
    ``grant_unknown`` saying why, when the grant could not be computed (never a grant of 0), and
    with ``no_grant`` when the company does not fit, ``fit_unknown`` when whether it fits is not
    settled (what they would be if it fitted: ``if_it_fitted``)."""
    shown = r.grant_shown
    out: dict[str, Any] = {
        "total": r.total.to_json(),
        "eligible_base": r.eligible_base.to_json(),
        "grant": r.grant.to_json() if shown else None,
        "own_funding": r.own_funding.to_json() if shown else None,
        "not_eligible": r.not_eligible.to_json(),
        "undecided": r.undecided.to_json(),
        "applicant_carries": r.applicant_carries.to_json() if shown else None,
    }
    if r.grant_unknown:
        out["grant_unknown"] = r.grant_unknown
    if r.no_fit is not None:
        out["no_grant"] = no_grant_words(r)
    if r.fit_unknown is not None:
        out["fit_unknown"] = fit_unknown_words(r)
    if (r.no_fit is not None or r.fit_unknown is not None) and not r.grant_unknown:
        out["if_it_fitted"] = {"grant": r.grant.to_json(),
                               "own_funding": r.own_funding.to_json(),
                               "applicant_carries": r.applicant_carries.to_json()}
    return out


def no_grant_words(r: BudgetResult) -> str:
    """Why the budget gives no grant, in the words of the rule that says the company does not
    fit: "none (SMVB01): the company does not fit the up to DKK 250,000 voucher (rules SMV16)"
    ("" when it is not so)."""
    f = r.no_fit
    return "" if f is None else f"none ({f.rule.id}): {f.message}"


def fit_unknown_words(r: BudgetResult) -> str:
    """Why the budget's grant is only what it would be if the company fitted, in the words of
    the rule that cannot settle its fit: "none until settled (FIT): whether the company fits
    Innobooster People needs company.founded (rules IP05)" ("" when it is settled)."""
    f = r.fit_unknown
    return "" if f is None else f"none until settled ({f.rule.id}): {f.message}"


def budgets_to_dict(results: Sequence[BudgetResult], source: str, on: str,
                    warnings: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "grantcheck_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "evaluation_date": on,
        "warnings": list(warnings),
        "budgets": [budget_to_dict(r) for r in results],
    }


# --- tables --------------------------------------------------------------------------------


def _cites(cites: Sequence[Citation]) -> Text:
    t = Text()
    for i, c in enumerate(cites):
        if i:
            t.append("\n")
        t.append(f"{c.section}: ", style="dim")
        t.append(f"«{c.quote}»" if c.quote else c.source.title)
        if not c.from_page:
            t.append(" (EU/national law, not on the page)", style="dim")
    return t


def lines_table(r: BudgetResult, explain: bool) -> Whole:
    table = lean_table(title=f"Budget lines ({r.currency})", title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Line", ratio=3)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("Eligible", justify="right", no_wrap=True)
    table.add_column("Why", ratio=5)
    for lr in r.lines:
        what = Text(lr.line.description or "", style="bold")
        if what:
            what.append("\n")
        what.append(lr.line.category.value, style="dim")
        if lr.group:
            what.append(f" → {lr.group}", style="dim")
        for key in ("participant", "employee"):
            value = getattr(lr.line, key)
            if value:
                what.append(f"\n{value}", style="dim")
        if lr.line.year is not None and lr.group != f"project year {lr.line.year}":
            what.append(f"\nyear {lr.line.year}", style="dim")  # unless the group said it
        amount = Text(str(lr.amount) if lr.amount is not None else "?")
        if lr.amount_basis and explain:
            amount.append(f"\n{lr.amount_basis}", style="dim")
        eligible = Text(str(lr.eligible) if lr.status is not LineStatus.UNKNOWN else "?",
                        style=STATUS_STYLE[lr.status])
        why = Text(lr.status.value.replace("_", " "), style=STATUS_STYLE[lr.status])
        why.append(f": {lr.reason}")
        if lr.missing:  # a --line budget states them in a file only
            why.append(f"\n→ {no_option(lr.missing)}" if r.source == "--line"
                       else f"\n→ state {', '.join(lr.missing)}", style="italic")
        if lr.cites:
            why.append("\n")
            why.append_text(_cites(lr.cites if explain else lr.cites[:1]))
        table.add_row(str(lr.index + 1), what, amount, eligible, why,
                      end_section=lr is not r.lines[-1])
    return whole(table)


def totals_table(r: BudgetResult) -> Whole:
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column("What")
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("How", style="dim")
    table.add_row("Total budget", str(r.total), "every line whose amount is known")
    if r.undecided.amount:
        table.add_row("Undecided", str(r.undecided), "lines the budget does not say enough about")
    table.add_row("Not eligible", str(r.not_eligible), "carried by the applicant")
    table.add_row(Text("Eligible cost base", style="bold"), str(r.eligible_base), "")
    # a company that does not fit gets none, nor one whose fit is not settled: the parts are
    # what it would get if it fitted (BudgetResult.no_fit, fit_unknown)
    held, fails = r.no_fit or r.fit_unknown, r.no_fit is not None
    when = "if it fitted" if fails else "if it fits"
    part = "grant" if held is None else when
    for p in r.parts:  # the label indented as a whole: its wrapped lines stay in its column
        table.add_row(Padding(joined(Text(f"{part}: {p.name}")), (0, 0, 0, 2)), str(p.grant),
                      part_how(p))
    if held is not None:  # none can be had (yet): no figure reads as one the company could get
        known, style, blank = not r.grant_unknown, "bold red" if fails else "bold yellow", \
            "—" if fails else "?"
        table.add_row(Text("Grant", style=style), Text("none" if fails else "?", style=style),
                      ("" if fails else "only if the company fits: ")
                      + f"{held.rule.id}: {held.message}"
                      + (f"; {r.grant} {when}" if known else ""))
        table.add_row(Text("Own funding", style="bold"), blank,
                      f"{r.own_funding} {when}" if known else "")
        table.add_row("Applicant carries", blank, f"{r.applicant_carries} {when}" if known else "")
        return whole(table)
    if r.grant_unknown:  # no figure is made of a grant not computed
        table.add_row(Text("Grant", style="bold yellow"), Text("?", style="bold yellow"),
                      f"not computed: {r.grant_unknown}")
        table.add_row(Text("Own funding", style="bold"), "?", "the eligible base less the grant")
        table.add_row("Applicant carries", "?", "own funding + costs not eligible")
        return whole(table)
    table.add_row(Text("Grant", style="bold green"), Text(str(r.grant), style="bold green"),
                  ("at most, if the company fits the largest voucher the lines can use (none "
                   "stated)" if r.tier is None
                   and r.scheme.tiers else ""))
    table.add_row(Text("Own funding", style="bold"), str(r.own_funding), r.own_funding_form)
    table.add_row("Applicant carries", str(r.applicant_carries),
                  "own funding + costs not eligible")
    return whole(table)


def part_how(p: GrantPart) -> str:
    """How a grant part was bound: a cap that gave the amount is named first, with what the
    rate alone would have given, so that a capped part never reads as "50 % of the costs"."""
    rate = format_percent(p.rate) + (f" ({p.rate_label})" if p.rate_label else "")
    if p.bound_by == "the rate":
        return f"{rate} of {p.base}; bound by the rate"
    # a cap, or a rule that gives less (SMV:Digital's minimum investment, no aid)
    why = f"capped: {p.bound_by.removeprefix('the cap: ')}" if p.capped else p.bound_by
    return why if p.by_rate == p.grant else f"{why}; {rate} of {p.base} would be {p.by_rate}"


def findings_table(r: BudgetResult, explain: bool) -> Whole | None:
    wanted = {Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING, Outcome.INFO}
    shown = [f for f in r.findings if explain or f.outcome in wanted]
    if not shown:
        return None
    return rules_table(shown, explain, "Budget rules")


def call_words(r: BudgetResult) -> str:
    """The call in a few words, as match's: "closed 2023-03-01", "opens 2027-01-15", "open until
    2023-03-01", "open · no dates"; an application dated after an open call's last day is said
    ("open until 2023-03-01; applied 2023-04-01, after it"), or before the call can have
    opened."""
    call = r.scheme.call
    if r.call[0] == "closed" and call.closes:
        return f"closed {call.closes.isoformat()}"
    if r.call[0] == "not_yet_open" and call.opens:
        return f"opens {call.opens.isoformat()}"
    if r.call[0] == "not_encoded":  # as match's "rules not encoded", with the date
        return f"rules {r.call[1]}"
    if r.call[0] != "open":
        return r.call[1]
    late = next((f for f in r.findings if f.rule.id == "CALL" and f.outcome is Outcome.FAIL),
                None)
    if call.closes:
        said = f"open until {call.closes.isoformat()}"
        if late is None:
            return said
        applied = late.message.split(";")[0].replace("application date", "applied")
        # the CALL rule fails an application after the last open day, or one before the call
        # can have opened (Scheme.call.applications_from)
        after = applied[-10:] > call.closes.isoformat()
        return f"{said}; {applied}, {'after it' if after else 'before the call can have opened'}"
    return "open · no dates"


def grant_words(r: BudgetResult) -> str:
    """The budget's grant and own funding in a few words, for its first line: "grant
    DKK 155,000 at most (no voucher stated: the largest the lines can use), own funding
    DKK 315,000" (which voucher that is, SMVB01 says); a grant not computed says so, as the
    totals do, never as 0; a company that does not fit gets none, and the rule says why ("no
    grant (SMVB01): the company does not fit the up to DKK 250,000 voucher (rules SMV16)")."""
    if r.no_fit is not None:
        return "no grant " + no_grant_words(r).removeprefix("none ")
    if r.fit_unknown is not None:  # the grant is nothing or the figure: the rule names the fact
        f, shown = r.fit_unknown, 3
        figure = "" if r.grant_unknown else f" {r.grant}"
        more = len(f.missing) - shown
        needs = (", ".join(f.missing[:shown]) + (f" and {more} more" if more > 0 else "")
                 if f.missing else "more information")
        return f"grant{figure} only if the company fits ({f.rule.id} needs {needs})"
    if r.grant_unknown:
        return "grant not computed yet (see the totals)"
    assumed = (" at most (no voucher stated: the largest the lines can use)"
               if r.tier is None and r.scheme.tiers else "")
    return f"grant {r.grant}{assumed}, own funding {r.own_funding}{_undecided_words(r)}"


def _undecided_words(r: BudgetResult) -> str:
    """What the first line's grant and own funding leave out: the lines whose eligibility is
    not decided yet (" (1 line undecided, DKK 60,000, not counted)"), as the totals do."""
    n = sum(1 for lr in r.lines if lr.status is LineStatus.UNKNOWN)
    if not n:
        return ""
    amount = f", {r.undecided}," if r.undecided.amount else ""
    return f" ({plural(n, 'line undecided', 'lines undecided')}{amount} not counted)"


def render_budget(r: BudgetResult, console: Console, explain: bool = False) -> None:
    s = r.scheme
    head = Text(f"{s.name} ({s.id})", style="bold")
    if r.tier:  # named as match names it: "tier up to DKK 250,000 (t250)"
        name = next((t.name for t in s.tiers if t.id == r.tier), "")
        head.append(f" · tier {name} ({r.tier})" if name else f" · tier {r.tier}")
    head.append(": ")
    parts: list[Whole | Text] = [head]
    if r.call_open:
        head.append(r.verdict.label, style=VERDICT_STYLE[r.verdict])
    else:  # as match says it: "closed 2023-03-01 (would: complies)"
        head.append(f"call {call_words(r)}", style=VERDICT_STYLE[r.verdict])
        head.append(f" (would: {r.verdict_if_open.label}, {grant_words(r)})", style="dim")
    if r.call_open:
        head.append(f" — {grant_words(r)}")
        words = call_words(r)
        head.append(f"; {words}" if words.startswith("rules ") else f"; call {words}")
    else:
        parts.append(Text(f"The call is not open on {r.on.isoformat()}: {r.call[1]}. This "
                          "budget cannot be sent to it; its costs are checked as if the call "
                          "were open.", style="yellow"))
    parts += [lines_table(r, explain), totals_table(r)]
    findings = findings_table(r, explain)
    if findings is not None:
        parts.append(findings)
    passed = sum(1 for f in r.findings if f.outcome is Outcome.PASS)
    if passed and not explain:
        more = plural(passed, "more rule passes", "more rules pass")
        parts.append(Text(f"{more}; --explain shows every rule and source.", style="dim"))
    for note in r.notes:
        parts.append(Text(f"Note: {note}", style="dim"))
    if r.fx.used:
        parts.append(Text("Rates: " + " · ".join(x.describe() for x in r.fx.used.values()),
                          style="dim"))
    console.print(Group(*(together(p) if isinstance(p, Text) else p for p in parts)))
