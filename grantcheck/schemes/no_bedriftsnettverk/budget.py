"""Bedriftsnettverk's cost rules (Innovasjon Norge, main projects), for ``grantcheck budget``.

Encoded, from the page (quotes beside each citation):
- a budget per project year: a line's ``year`` (1, 2, 3), else the year applied for
  (``network.project_year``); with neither, the whole budget is one yearly application (a note
  says so). A line in a year beyond the main project's three years is not eligible (BNB01);
- the eligible costs are the page's examples ("Eksempler på kostnader"): the administrator's
  project management, facilitation and administration and its purchased external assistance and
  services (administration, consultancy, external_services), the participants' hours by competent
  personnel (personnel) and their direct expenses, travel (travel). Any other category is counted
  but needs a justification as a cost of the joint development activities: the page's list is
  examples, and it names no cost as not eligible (BNB02);
- the grant per project year: min(50 % of that year's eligible costs minus other public support
  of that year, NOK 750,000), one grant part per year; derived, not on the page: at most
  NOK 2,250,000 over three years;
- the administrator's booked costs at least the public support (BNB03); the grant sought within
  what the year allows (BNB04); public support at most 50 % of the eligible costs (BNB05); own
  financing at least 50 %, in cash, hours or direct expenses (BNB06, a statement: with this grant
  it is the mirror of BNB05, as BN18 is of BN17); the participants' cash payment at least the
  budgeted capital need minus the public grants (BNB07); hours and direct expenses booked only by
  participants from private business in Norway, others pay cash (BNB08, and the line is not
  eligible).

Readings chosen where the page is silent:
- Cash or in kind: a line's ``financing``; left out, purchases are cash by nature
  (administration, consultancy, external services, hardware, software, subscriptions,
  commissioning, IPR: paid out to someone); every other category (hours, travel, salary,
  equipment, …) is open, and only where it matters: an open line of a participant that may only
  pay cash is unknown (booked in kind it would not count), and BNB07 gives a range.
- In kind ("kostnadsføre timer og direkte utgifter") is any line booked in kind, whatever its
  category: own hours, or own expenses given as a contribution.
- "Privat virksomhet i Norge": a participant is one when it is not a public body, its
  ``private`` is true and it is established in Norway (``established_in_norway``; left out,
  ``country = "NO"`` is read as established in Norway). The applicant (the administrator, a
  company registered in Foretaksregisteret) is one when it runs economic activity in Norway
  (``company.economic_activity_in_norway``); public ownership is not read as "public": the page's
  test is living on its own earnings.
- A line without ``participant`` (or naming the profile's company) is the administrator's.
  "Bokførte kostnader" are the eligible costs booked there (the support base).
- Financing lines carry no year: they are the financing of the year applied for (the page: "Det
  søkes for ett år av gangen"); that is ``network.project_year``, else the budget's only year.
  When the lines span several years and the year applied for is not stated, the rules that need
  the financing are unknown, and other public support is deducted from every year's grant (so the
  grant shown holds whichever year it belongs to).
- "Budsjettert kapitalbehov" is the year's cost lines paid in cash (eligible or not); the public
  grants are this grant and the other public support. Participants' cash is the financing lines
  of source own or external paid in cash: a private third party's money is read as paid in
  through the participants (it is not public support). Without such lines BNB07 states the
  minimum.
- ``budget.grant_sought`` is the grant sought for the year applied for.

Not encoded: which sectors the state-aid rules exclude (the page names none); the other
state-aid details the page refers to ("Statsstøtteregelverket gir mer detaljerte bestemmelser").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    LineResult,
    LineStatus,
)
from grantcheck.budget.model import Financing, Source
from grantcheck.engine import Check, Kind, check, failed, info, passed, unknown
from grantcheck.money import Money, format_percent
from grantcheck.schemes.no_bedriftsnettverk.budget_lines import (
    ONE_YEAR,
    OWN_FUNDING_FORM,
    PARAMETERS,
    _base,
    _financed_years,
    _financing,
    _grant_in,
    _in_year,
    _max_year,
    _parts,
    _plan,
    _public_in,
    _who,
    _years_text,
    classify,
    grant,
    in_kind,
    other_public,
    year_label,
)
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_BOKFORTE,
    C_EGENFINANSIERING,
    C_ETT_AAR,
    C_FELLES_UTVIKLING,
    C_KONTANT,
    C_KOSTNADER,
    C_MAKS_50,
    C_PRIVATE,
    C_STOTTEBELOP,
    C_TRE_AARS_VARIGHET,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_GRANT_PER_YEAR,
    MAX_GRANT_YEARS,
    MAX_PUBLIC_SHARE,
    MIN_OWN_SHARE,
)
from grantcheck.schemes.no_bedriftsnettverk.scheme import SCHEME

# --- rules, in the order of the page --------------------------------------------------------

book = BudgetBook()


def _labels(lines: Sequence[LineResult]) -> str:
    return ", ".join(lr.label for lr in lines)


def _fields(lines: Sequence[LineResult]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m for lr in lines for m in lr.missing))


@book.budget_rule("BNB01", "Every cost falls within the main project's three years",
                  cites=[C_TRE_AARS_VARIGHET, C_STOTTEBELOP, C_ETT_AAR],
                  reads=["budget.lines[].year", "network.project_year"])
def within_three_years(bctx: BudgetCtx) -> Check:
    """'hovedprosjekter med inntil tre års varighet': a line in year 4 or later gets nothing."""
    plan = _plan(bctx)
    limit = _max_year(bctx)
    over = [lr for lr in bctx.lines if (k := plan.of(lr.line)) is not None and k > limit]
    if over:
        years = sorted({plan.of(lr.line) or 0 for lr in over})
        return failed(f"{_labels(over)} ({bctx.total(over, eligible=False)}) are in project "
                      f"year(s) {_years_text(years)}, beyond the main project's {limit} years: "
                      "not eligible",
                      f"move the costs into project years 1 to {limit}, or leave them out")
    open_ = [lr for lr in bctx.lines if plan.of(lr.line) is None]
    if open_:
        return unknown(f"the lines name project years {_years_text(plan.stated)}; "
                       f"{_labels(open_)} name none", *(f"{lr.path}.year" for lr in open_),
                       "network.project_year",
                       fix="state each line's year, or network.project_year (the year applied "
                       "for, which lines without a year belong to)")
    if plan.keys == (ONE_YEAR,):
        return passed("no project year stated (network.project_year, or a line's year): the "
                      "whole budget is read as one yearly application")
    return passed(f"cost lines in project year(s) {_years_text(plan.keys)}, at most {limit}")


@book.budget_rule("BNB02", "Costs outside the page's examples are justified as joint development "
                  "costs", cites=[C_KOSTNADER, C_FELLES_UTVIKLING], reads=["budget.lines"],
                  kind=Kind.SOFT)
def justified(bctx: BudgetCtx) -> Check:
    """'Eksempler på kostnader': other costs count when they belong to the joint activities."""
    lines = [lr for lr in bctx.lines if lr.status is LineStatus.JUSTIFY]
    if lines:
        return failed(f"{_labels(lines)} ({bctx.total(lines)}) are not among the page's examples "
                      "of costs",
                      "justify each as a cost of the network's joint development activities, "
                      "strategically important for its common goals")
    return passed("every counted line is among the page's examples of costs")


@book.budget_rule("BNB03", "The administrator's booked costs are at least the public support",
                  cites=[C_BOKFORTE], reads=["budget.lines[].participant", "company.name",
                                             "budget.financing", "network.project_year"])
def booked_at_administrator(bctx: BudgetCtx) -> Check:
    """'Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige
    støtten': per project year, the eligible costs booked at the administrator against this
    grant plus other public support."""
    plan = _plan(bctx)
    if plan.financing is None and other_public(bctx).amount > 0:
        return unknown("the other public support cannot be placed in a project year: the lines "
                       f"span years {_years_text(plan.keys)}", "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    texts: list[str] = []
    fails: list[str] = []
    open_fields: list[str] = []
    for key in _financed_years(bctx):
        public = _grant_in(bctx, key) + _public_in(bctx, key)
        low = Money.zero(bctx.currency)
        high = Money.zero(bctx.currency)
        maybe: list[LineResult] = []
        for lr in _in_year(bctx, key):
            admin = _who(bctx, lr).admin
            if lr.counted and admin:
                low += lr.eligible
                high += lr.eligible
            elif lr.counted and admin is None:
                high += lr.eligible
                maybe.append(lr)
            elif lr.status is LineStatus.UNKNOWN and admin is not False and lr.amount is not None:
                high += lr.amount
                maybe.append(lr)
        text = (f"{year_label(key)}: booked at the administrator {low} "
                f"{'≥' if low >= public else '<'} public support {public}")
        if low >= public:
            texts.append(text)
        elif high < public:
            fails.append(text)
        else:
            texts.append(text + f" (up to {high} with {_labels(maybe)})")
            for lr in maybe:
                open_fields += lr.missing or ()
                if _who(bctx, lr).admin is None:
                    open_fields.append("company.name")
    if fails:
        return failed("; ".join([*fails, *texts]),
                      "book more of the project's costs at the administrator (e.g. let it buy "
                      "the external services), or seek less support")
    if open_fields:
        return unknown("; ".join(texts), *dict.fromkeys(open_fields),
                       fix="state which participant carries each line (and the profile's "
                       "company.name)")
    return passed("; ".join(texts))


@book.budget_rule("BNB04", "The grant sought is within NOK 750,000 and 50 % of the year's "
                  "eligible costs", cites=[C_STOTTEBELOP, C_MAKS_50, C_ETT_AAR],
                  reads=["budget.grant_sought", "network.project_year"])
def grant_sought(bctx: BudgetCtx) -> Check:
    """'inntil 750.000 kroner per år'; 'maksimalt utgjøre 50 prosent'."""
    cap = bctx.param(MAX_GRANT_PER_YEAR)
    years = int(MAX_GRANT_YEARS.at(bctx.on))
    parts = _parts(bctx)
    allows = "; ".join(f"{year_label(k)}: {p.grant} (bound by {p.bound_by})"
                       for k, p in parts.items())
    sought = bctx.budget.grant_sought
    if sought is None:
        return info(f"the budget allows {allows}; at most {cap} per project year, so at most "
                    f"{cap * years} over {years} years (derived: {years} × {cap}, not stated on "
                    "the page)")
    asked = bctx.in_scheme_currency(sought)
    plan = _plan(bctx)
    if plan.financing is None:
        return unknown(f"grant sought {asked} is for one project year, but the lines span years "
                       f"{_years_text(plan.keys)} ({allows})", "network.project_year",
                       fix="state network.project_year, the year applied for")
    key = plan.financing
    allowed = _grant_in(bctx, key)
    part = parts.get(key)
    bound = f" (bound by {part.bound_by})" if part is not None else " (no eligible costs)"
    return check(asked <= allowed,
                 f"grant sought {asked} {'≤' if asked <= allowed else '>'} {allowed}, what "
                 f"{year_label(key)} allows{bound}",
                 f"seek at most {allowed} ({asked - allowed} less), or raise the eligible costs "
                 f"of {year_label(key)}")


@book.budget_rule("BNB05", "Public support is at most 50 % of the eligible costs",
                  cites=[C_MAKS_50], reads=["budget.financing", "network.project_year"])
def public_share(bctx: BudgetCtx) -> Check:
    """'Den offentlige støtten kan maksimalt utgjøre 50 prosent': this grant plus other public
    support, per project year."""
    plan = _plan(bctx)
    rate = MAX_PUBLIC_SHARE.at(bctx.on)
    if plan.financing is None and other_public(bctx).amount > 0:
        return unknown(f"other public support {other_public(bctx)} cannot be placed in a project "
                       f"year: the lines span years {_years_text(plan.keys)}",
                       "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    texts: list[str] = []
    fails: list[str] = []
    for key in _financed_years(bctx):
        g, other = _grant_in(bctx, key), _public_in(bctx, key)
        limit = _base(bctx, key) * rate
        ok = g + other <= limit
        text = (f"{year_label(key)}: public support {g + other} (grant {g}, other public "
                f"{other}) {'≤' if ok else '>'} {limit.rounded()}, {format_percent(rate)} of the "
                f"eligible costs {_base(bctx, key)}")
        (texts if ok else fails).append(text)
    if fails:
        return failed("; ".join([*fails, *texts]),
                      "reduce the other public support, or raise the eligible costs of the year")
    return passed("; ".join(texts))


@book.budget_rule("BNB06", "The participants fund at least 50 % of the eligible costs, in cash, "
                  "hours or direct expenses", cites=[C_EGENFINANSIERING, C_PRIVATE],
                  reads=["budget.lines[].financing", "budget.financing"], kind=Kind.INFO)
def own_financing(bctx: BudgetCtx) -> Check:
    """'egenfinansiering må utgjøre minst 50 prosent ... kontantinnbetaling, timeinnsats eller
    direkte utgifter': the eligible costs less the public support (the mirror of BNB05)."""
    rate = MIN_OWN_SHARE.at(bctx.on)
    texts: list[str] = []
    for key in _financed_years(bctx):
        base = _base(bctx, key)
        own = base - _grant_in(bctx, key) - _public_in(bctx, key)
        need = base * rate
        kind = bctx.total([lr for lr in _in_year(bctx, key)
                           if lr.counted and lr.line.financing is Financing.IN_KIND])
        verdict = "meets" if own >= need else "is below"
        texts.append(f"{year_label(key)}: own financing {own} {verdict} {need.rounded()}, "
                     f"{format_percent(rate)} of the eligible costs {base}"
                     + ("" if own >= need else " (the public support is too high: BNB05)")
                     + f"; of it {kind} booked in kind")
    return info("; ".join(texts) + f"; as {OWN_FUNDING_FORM}")


@dataclass
class _Need:
    low: Money  # cash cost lines
    high: Money | None  # plus the lines that may be cash (None: an amount is not known)
    open_: list[LineResult]


def _capital_need(bctx: BudgetCtx, key: int) -> _Need:
    low = Money.zero(bctx.currency)
    high: Money | None = low
    open_: list[LineResult] = []
    for lr in _in_year(bctx, key):
        fin = _financing(lr.line)
        if fin is Financing.IN_KIND:
            continue
        if lr.amount is None:
            high = None
            open_.append(lr)
            continue
        if fin is Financing.CASH:
            low += lr.amount
        else:
            open_.append(lr)
        if high is not None:
            high += lr.amount
    return _Need(low, high, open_)


def _min_cash(need: Money, grant_: Money, other: Money) -> Money:
    rest = need - grant_ - other
    return rest if rest.amount > 0 else Money.zero(rest.currency)


@book.budget_rule("BNB07", "The participants' cash payment is at least the capital need minus "
                  "public grants", cites=[C_KONTANT],
                  reads=["budget.lines[].financing", "budget.financing", "network.project_year"])
def cash_payment(bctx: BudgetCtx) -> Check:
    """'kontantinnbetaling ... må minst tilsvare budsjettert kapitalbehov i prosjektet, minus det
    som finansieres av offentlige tilskudd'."""
    plan = _plan(bctx)
    cash_in = [f for f in bctx.budget.financing or []
               if f.source in (Source.OWN, Source.EXTERNAL) and f.financing is Financing.CASH]
    rows: dict[int, tuple[_Need, Money, Money | None, str]] = {}
    for key in _financed_years(bctx):
        g, other = _grant_in(bctx, key), _public_in(bctx, key)
        need = _capital_need(bctx, key)
        low = _min_cash(need.low, g, other)
        high = _min_cash(need.high, g, other) if need.high is not None else None
        how = f"cash cost lines {need.low} − grant {g}" + (f" − other public support {other}"
                                                          if other.amount else "")
        rng = "" if high == low else \
            f" (up to {high if high is not None else 'an unknown amount'} if " \
            f"{_labels(need.open_)} are paid in cash)"
        rows[key] = (need, low, high, f"at least {low}{rng} ({how})")
    if not cash_in:
        return info("the participants must pay in cash: "
                    + "; ".join(f"{year_label(k)}: {r[3]}" for k, r in rows.items())
                    + ". State the participants' cash as financing lines (source own, financing "
                    "cash) to check it")
    if plan.financing is None:
        return unknown(f"the financing lines carry no year and the lines span years "
                       f"{_years_text(plan.keys)}", "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    key = plan.financing
    paid = Money.zero(bctx.currency)
    for f in cash_in:
        paid += bctx.in_scheme_currency(f.amount)
    if key not in rows:  # no costs in the year applied for
        return passed(f"participants' cash {paid}; {year_label(key)} has no cash costs")
    need, low, high, text = rows[key]
    head = f"{year_label(key)}: participants' cash {paid}"
    if high is not None and paid >= high:
        return passed(f"{head} ≥ the minimum, {text}")
    if paid < low:
        return failed(f"{head} < the minimum, {text}",
                      f"the participants must pay in at least {low - paid} more in cash")
    return unknown(f"{head}; the minimum is {text}",
                   *(f"{lr.path}.financing" if lr.amount is not None else f"{lr.path}.rate"
                     for lr in need.open_),
                   fix="state the financing (cash or in_kind) of each line")


@book.budget_rule("BNB08", "Only participants from private business in Norway book hours and "
                  "direct expenses", cites=[C_PRIVATE],
                  reads=["budget.lines[].participant", "budget.lines[].financing",
                         "network.participants[].private", "network.participants[].kind",
                         "network.participants[].country",
                         "network.participants[].established_in_norway",
                         "company.economic_activity_in_norway"])
def private_in_kind(bctx: BudgetCtx) -> Check:
    """'Bare deltakere fra privat virksomhet i Norge ... kan kostnadsføre timer og direkte
    utgifter': the others may only pay cash."""
    refused: list[str] = []
    open_: list[str] = []
    fields: list[str] = []
    allowed = 0
    for lr in bctx.lines:
        k = in_kind(bctx, lr)
        if k.state == "refused" and k.who is not None:
            refused.append(f"{lr.label} by {k.who.name} ({k.who.text})")
        elif k.state == "open" and k.who is not None:
            open_.append(f"{lr.label} ({k.who.name}: {k.who.text})")
            fields += k.missing
        elif k.state == "allowed":
            allowed += 1
    if refused:
        return failed("booked in kind by a participant that may only pay cash: "
                      + "; ".join(refused),
                      "let private participants in Norway book the hours and expenses, or turn "
                      "these into cash contributions")
    if open_:
        return unknown("not known whether these may be booked in kind: " + "; ".join(open_),
                       *dict.fromkeys(fields),
                       fix="state each line's financing, and each participant's private, "
                       "kind and established_in_norway")
    if allowed:
        return passed(f"{allowed} line(s) of hours or direct expenses, each from private business "
                      "in Norway")
    return passed("every line is paid in cash")


NOTES = (
    "Bedriftsnettverk budgets are per project year (one application per year, for up to three "
    "years): give each line its `year`, or network.project_year for the year applied for; "
    "financing lines and budget.grant_sought are read as the year applied for.",
    "The page's costs are examples: a cost of another kind counts once justified as part of the "
    "joint development activities.",
)

CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=classify,
    grant=grant,
    rules=tuple(book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="administration, consultancy and external_services (the administrator's project "
    "management and purchased help), personnel (participants' hours) and travel (their direct "
    "expenses) count as the page's examples; every other category counts once justified as a "
    "joint development cost; hours and expenses in kind only from private participants in Norway",
    parameters=PARAMETERS,
    notes=NOTES,
)


