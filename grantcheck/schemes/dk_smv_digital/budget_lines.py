"""SMV:Digital's budget lines, for :mod:`.budget`: the page's activities (its examples of advice,
the investments it names, the binding list of what is not eligible), the voucher the budget is
drafted for, the hourly rate of own hours, how each line is classified, and the grant as an
investment part and an advice part."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.budget.core import (
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    capped_part,
    line_dates,
)
from grantcheck.budget.model import BudgetLine, Category
from grantcheck.citations import Citation
from grantcheck.engine import Ctx, Verdict, evaluate, text_of
from grantcheck.money import Money, format_amount
from grantcheck.schemes.dk_smv_digital.grant import (
    T100,
    T250,
    VOUCHERS,
    Share,
    _Voucher,
    advice_share,
    investment_share,
)
from grantcheck.schemes.dk_smv_digital.page import (
    C_COFINANCING_EXAMPLE,
    C_COFINANCING_RATES,
    C_HOURLY_RATE,
    C_IN_PERIOD,
    C_INELIGIBLE,
    C_INVESTMENT_MIN,
    C_INVESTMENT_RATE,
    C_OWNER_RATE,
    C_PRIVATE_ADVICE,
    C_SUBSCRIPTION,
    C_T250,
    C_TIERS,
    SOURCE,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    HOURS_PER_YEAR,
    INVESTMENT_MIN,
    INVESTMENT_SUPPORT_MAX,
    OWNER_HOURLY_RATE,
    SOFTWARE_SUBSCRIPTION_YEARS,
)
from grantcheck.schemes.dk_smv_digital.scheme import (
    SCHEME,
)
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvIneligible

S_ACTIVITIES = "project activities (projektaktiviteter)"

# --- citations the scheme module does not need (the page's own words) ----------------------

C_EXAMPLES = Citation(SOURCE, S_ACTIVITIES,
                      "Følgende er eksempler på aktiviteter i et potentialeafklaringsforløb")
C_PROJECT_MANAGEMENT = Citation(SOURCE, S_ACTIVITIES, "Projektledelse")
C_TRAINING = Citation(SOURCE, S_ACTIVITIES, "Uddannelse af medarbejdere i nyindkøbt teknologi")
C_HARDWARE = Citation(SOURCE, S_ACTIVITIES, "Indkøb af hardware")
C_SOFTWARE = Citation(SOURCE, S_ACTIVITIES, "Indkøb af software")
C_COMMISSIONING = Citation(
    SOURCE, S_ACTIVITIES,
    "Idriftsættelse inkl. installation og konfigurering af den nyindkøbte teknologi")
C_OWN_HOURS = Citation(
    SOURCE, "Trin 5 – Undervejs i projektet (medfinansiering)",
    "Her kan I vælge, om medfinansieringen skal være i form af kontant betaling, afholdte egne "
    "timer eller et mix af disse.")
C_ADVICE = Citation(
    SOURCE, "Trin 5 – Undervejs i projektet (medfinansiering)",
    "selv skal medfinansiere rådgivning med 50%")

# The binding list "ikke er støtteberettigede", one quote per bullet.
INELIGIBLE: dict[Category, Citation] = {
    Category.OPERATIONS: Citation(SOURCE, S_ACTIVITIES, "Almindelig driftsoptimering"),
    Category.STRATEGY: Citation(SOURCE, S_ACTIVITIES, "Strategiudvikling"),
    Category.MARKETING: Citation(SOURCE, S_ACTIVITIES, "Salg- og markedsføring"),
    Category.MARKET_ANALYSIS: Citation(
        SOURCE, S_ACTIVITIES,
        "Markeds- og konkurrentanalyser hvor det digitale aspekt fylder en mindre del"),
    Category.COMMUNICATION: Citation(SOURCE, S_ACTIVITIES, "Kommunikationsaktiviteter"),
    Category.APPLICATION_WRITING: Citation(
        SOURCE, S_ACTIVITIES, "Udgifter relateret til udformning af ansøgningen"),
}

ADVICE = "advice"
INVESTMENT = "investment"

# Advice costs the page names among its examples (eligible) ...
ADVICE_EXAMPLES: dict[Category, Citation] = {
    Category.CONSULTANCY: C_ADVICE,
    Category.PERSONNEL: C_OWN_HOURS,
    Category.ADMINISTRATION: C_PROJECT_MANAGEMENT,
    Category.TRAINING: C_TRAINING,
}
# ... the investments it names ...
INVESTMENTS: dict[Category, Citation] = {
    Category.HARDWARE: C_HARDWARE,
    Category.SOFTWARE: C_SOFTWARE,
    Category.SOFTWARE_SUBSCRIPTION: C_SUBSCRIPTION,
    Category.COMMISSIONING: C_COMMISSIONING,
}
# ... and every other category is counted as advice, to be justified (the lists are examples).
# A market analysis is excluded only where its digital aspect is minor (_market_analysis).
JUSTIFY = frozenset(Category) - set(ADVICE_EXAMPLES) - set(INVESTMENTS) - set(INELIGIBLE)

MONTHS_PER_YEAR = 12  # calendar arithmetic, not a scheme parameter
# "udgifter til konsulentydelser skal være betalt og interne løntimer afholdt indenfor jeres
# tilsagnsperiode": the categories that sentence speaks of
IN_PERIOD = frozenset({Category.CONSULTANCY, Category.PERSONNEL})


# --- the voucher ----------------------------------------------------------------------------


def _voucher(bctx: BudgetCtx) -> _Voucher:
    """The budget's voucher; without one stated or chosen from the profile, the highest the lines
    can use as an upper bound: the up-to-DKK-250,000 voucher only with investment lines (it is
    direct investment support), else the DKK 100,000 voucher."""
    if bctx.tier is None and "invests" not in bctx.extra:  # asked once per line: looked once
        bctx.extra["invests"] = any(ln.category in INVESTMENTS for ln in bctx.budget.lines)
    tier = bctx.tier or (T250.id if bctx.extra["invests"] else T100.id)
    return next(v for v in VOUCHERS if v.id == tier)


def _prepare(bctx: BudgetCtx) -> None:
    """Settle the voucher: the budget's, else the highest one the profile fits, else the highest
    one its facts leave open that the lines can use (the up-to-DKK-250,000 voucher only with
    investment lines: it is direct investment support), never one its facts rule out («specifikke
    krav afhængigt af, om der søges tilskud til 25.000 kr., 100.000 kr. eller 250.000 kr.»),
    SMVB01 naming the facts that settle it; if none is left open, the lines' upper bound."""
    if bctx.has_profile:
        ctx = Ctx(bctx.profile, bctx.on, bctx.fx)  # the scheme's rules, in the company's terms
        result = evaluate(SCHEME, ctx)
        bctx.extra["tiers"] = {t.tier.id: t for t in result.tiers}
        bctx.extra["findings"] = result.findings
        if bctx.budget.tier is None:
            fitting = [t for t in result.tiers if t.verdict is Verdict.FITS]
            invests = any(ln.category in INVESTMENTS for ln in bctx.budget.lines)
            open_ = [t for t in result.tiers if t.verdict is Verdict.NEEDS_INFORMATION
                     and (invests or t.tier.id != T250.id)]
            if fitting:
                bctx.tier = fitting[-1].tier.id
                bctx.extra["chosen"] = "fits"
            elif open_:
                bctx.tier = open_[-1].tier.id
                bctx.extra["chosen"] = "open"
    if bctx.budget.tier is not None:
        bctx.tier = bctx.budget.tier


def _tiers_with_lines(bctx: BudgetCtx) -> tuple[dict[str, Any], list[Any], str] | None:
    """The vouchers again with the split the profile leaves out and the budget's lines hold
    ("split them in the budget's lines"): ``project.own_hours_cost`` (the own-hours lines, at
    most the page's rate), and ``project.budget_total`` with ``project.investment_cost`` (the
    eligible lines, and the investment lines among them). Match's SMV33/SMV34 and the grant ask
    for it. None where the profile states it all, or a line's value is not known (the profile's
    unknown then stands)."""
    project = bctx.profile.project
    if any(lr.amount is None or lr.status is LineStatus.UNKNOWN for lr in bctx.lines):
        return None
    if Ctx(bctx.profile, bctx.on, bctx.fx).currency != bctx.currency:
        return None
    read: dict[str, Money] = {}
    if project.own_hours_cost is None and project.own_hours is not False:
        read["own_hours_cost"] = bctx.total(
            [lr for lr in bctx.lines if lr.line.category is Category.PERSONNEL])
    if project.budget_total is None:
        read["budget_total"] = bctx.total()
        if project.investment_cost is None:
            read["investment_cost"] = bctx.total(
                [lr for lr in bctx.lines if lr.group == INVESTMENT])
    if not read:
        return None
    booked = project.model_copy(update={k: v.amount for k, v in read.items()})
    result = evaluate(SCHEME, Ctx(bctx.profile.model_copy(update={"project": booked}), bctx.on,
                                  bctx.fx))
    said = " and ".join(f"project.{k} {v}" for k, v in read.items())
    return {t.tier.id: t for t in result.tiers}, result.findings, said


def _hours_rate(bctx: BudgetCtx, ln: BudgetLine) -> tuple[Decimal, str] | None:
    """The page's hourly rate: gross annual salary / 1,613 h, or DKK 250/h for an owner."""
    if ln.owner_without_salary:
        owner = bctx.convert(OWNER_HOURLY_RATE.money(bctx.on), bctx.budget_currency)
        return owner.amount, f"{owner}/h (an owner who draws no salary)"
    if ln.gross_annual_salary is not None:
        hours = HOURS_PER_YEAR.at(bctx.on)
        rate = ln.gross_annual_salary / hours
        shown = Money(rate, bctx.budget_currency).rounded()
        return rate, (f"({bctx.budget_currency} {format_amount(ln.gross_annual_salary)} gross "
                      f"annual salary / {format_amount(hours)} h = {shown}/h)")
    return None


# --- lines ----------------------------------------------------------------------------------


def _max_hours(bctx: BudgetCtx, ln: BudgetLine, hours: Decimal) -> tuple[Money, Money] | None:
    """The highest hourly rate the page allows for a personnel line (shown to the øre) and the
    most its ``hours`` may cost, when the basis is given. The cost is hours × the unrounded rate,
    rounded as :func:`grantcheck.budget.result.compute_amount` rounds a line valued from its
    salary: Trin 5, «Beregningsgrundlaget for timelønnen er medarbejderens bruttoårsløn divideret
    med 1613 timer» sets no rounding of the rate, so 100 h of a DKK 500,000 salary may cost
    DKK 30,998.14, not 100 × DKK 309.98 (a line that gives only the salary is never above it)."""
    found = _hours_rate(bctx, ln)
    if found is None:
        return None
    cost = Money(hours * found[0], bctx.budget_currency).rounded().amount
    return bctx.in_scheme_currency(found[0]), bctx.in_scheme_currency(cost)


def _classify(bctx: BudgetCtx, lr: LineResult) -> None:
    ln = lr.line
    v = _voucher(bctx)
    cat = ln.category
    if lr.amount is None:  # a salary line without its months
        lr.set(LineStatus.UNKNOWN, "a salary line needs the months it runs (or its amount)",
               C_OWN_HOURS, group=ADVICE, missing=(f"{lr.path}.months",))
        return
    if cat is Category.MARKET_ANALYSIS:
        _market_analysis(bctx, lr)
        return
    if cat in INELIGIBLE:
        lr.set(LineStatus.INELIGIBLE, f"{cat.value.replace('_', ' ')} is not eligible under "
               "SMV:Digital", C_INELIGIBLE, INELIGIBLE[cat])
        return
    if cat in INVESTMENTS:
        if not v.invests:
            lr.set(LineStatus.INELIGIBLE,
                   f"investments are supported only with the up-to-DKK-250,000 voucher, not with "
                   f"the {v.name} voucher", C_T250, C_INVESTMENT_RATE, group=INVESTMENT)
            return
        if cat is Category.SOFTWARE_SUBSCRIPTION:
            _subscription(bctx, lr)
            return
        lr.set(LineStatus.ELIGIBLE, f"{cat.value} is an eligible investment (25 % support)",
               INVESTMENTS[cat], C_INVESTMENT_RATE, group=INVESTMENT)
        return
    if cat in IN_PERIOD and _outside_period(bctx, lr):
        start, end = bctx.period()
        lr.set(LineStatus.INELIGIBLE, f"{cat.value} outside the commitment period "
               f"{_period_text(start, end)}", C_IN_PERIOD, group=ADVICE)
        return
    if cat is Category.PERSONNEL:
        _own_hours(bctx, lr)
        return
    if cat in ADVICE_EXAMPLES:
        lr.set(LineStatus.ELIGIBLE, f"{cat.value} counts as advice (50 % support)",
               ADVICE_EXAMPLES[cat], C_COFINANCING_RATES, group=ADVICE)
        return
    lr.set(LineStatus.JUSTIFY,
           f"{cat.value.replace('_', ' ')} is not among the page's examples of activities: "
           "counted as advice, but justify it as part of a potential clarification or "
           "implementation", C_EXAMPLES, C_COFINANCING_RATES, group=ADVICE)


def _market_analysis(bctx: BudgetCtx, lr: LineResult) -> None:
    """'Markeds- og konkurrentanalyser hvor det digitale aspekt fylder en mindre del': only an
    analysis whose digital aspect is minor is excluded. The line's digital_part_minor says so,
    else the profile's project.ineligible_activities, when stated: listing market_analysis, the
    analysis is excluded; a list without it ([] for none) says the project includes no excluded
    analysis. Neither stated, the line is unknown naming the field: the budget then breaks a rule
    or complies by a fact it does not give, so it is not decided either way."""
    cites = (C_INELIGIBLE, INELIGIBLE[Category.MARKET_ANALYSIS])
    minor = lr.line.digital_part_minor
    said = f"{lr.path}.digital_part_minor = {str(minor).lower()}"
    listed = bctx.profile.project.ineligible_activities if bctx.has_profile else None
    if minor is None and listed is not None:
        minor = SmvIneligible.MARKET_ANALYSIS in listed
        said = (f"the profile's project.ineligible_activities {'lists' if minor else 'omits'} "
                "market_analysis")
    if minor:
        lr.set(LineStatus.INELIGIBLE, "a market analysis whose digital aspect is minor is not "
               f"eligible under SMV:Digital ({said})", *cites)
    elif minor is False:
        lr.set(LineStatus.ELIGIBLE, "a market analysis whose digital aspect is not minor "
               f"({said}) counts as advice (50 % support)", *cites, C_COFINANCING_RATES,
               group=ADVICE)
    else:
        lr.set(LineStatus.UNKNOWN, "a market analysis is not eligible where its digital aspect "
               f"is minor: state {lr.path}.digital_part_minor (true: not eligible; false: "
               "counted as advice at 50 %)", *cites, C_COFINANCING_RATES, group=ADVICE,
               missing=(f"{lr.path}.digital_part_minor",))


def _outside_period(bctx: BudgetCtx, lr: LineResult) -> bool:
    """A dated line falls (partly) outside the stated commitment period."""
    start, end = bctx.period()
    ln = lr.line
    if start is None or end is None or not (ln.incurred or ln.start or ln.end):
        return False
    first, last = line_dates(lr, bctx)
    return (first is not None and first < start) or (last is not None and last > end)


def _period_text(start: date | None, end: date | None) -> str:
    return f"{start.isoformat() if start else '?'} to {end.isoformat() if end else '?'}"


def _subscription(bctx: BudgetCtx, lr: LineResult) -> None:
    amount = lr.amount
    assert amount is not None
    months = lr.line.months
    limit = int(SOFTWARE_SUBSCRIPTION_YEARS.at(bctx.on)) * MONTHS_PER_YEAR
    if months is None:
        lr.set(LineStatus.UNKNOWN, f"a subscription counts for at most {limit} months: give "
               "the months it runs", C_SUBSCRIPTION, group=INVESTMENT,
               missing=(f"{lr.path}.months",))
        return
    if months <= limit:
        lr.set(LineStatus.ELIGIBLE, f"software subscription of {months} months (at most {limit} "
               "count)", C_SUBSCRIPTION, C_INVESTMENT_RATE, group=INVESTMENT)
        return
    part = Money(amount.amount * limit / months, amount.currency).rounded()
    lr.set(LineStatus.PARTLY, f"software subscription of {months} months: {limit} months count "
           f"({part} of {amount})", C_SUBSCRIPTION, C_INVESTMENT_RATE, eligible=part,
           group=INVESTMENT)


def _own_hours(bctx: BudgetCtx, lr: LineResult) -> None:
    ln, amount = lr.line, lr.amount
    assert amount is not None
    cites = (C_OWN_HOURS, C_HOURLY_RATE, C_OWNER_RATE)
    if ln.hours is None:
        lr.set(LineStatus.JUSTIFY, "own hours without the hours and the salary basis: the page "
               "values them at the gross annual salary / 1,613 h (give hours and "
               "gross_annual_salary, keep a timesheet)", *cites, group=ADVICE)
        return
    found = _max_hours(bctx, ln, ln.hours)
    if found is None:  # a rate without its basis: cannot be checked against the page
        lr.set(LineStatus.UNKNOWN, "the page sets the hourly rate at the gross annual salary / "
               "1,613 h (or DKK 250/h for an owner without salary): give gross_annual_salary or "
               "owner_without_salary", *cites, group=ADVICE,
               missing=(f"{lr.path}.gross_annual_salary",))
        return
    top, allowed = found
    if amount <= allowed:
        lr.set(LineStatus.ELIGIBLE, f"{format_amount(ln.hours)} h of own hours, at most "
               f"{top}/h: {amount} (own financing of the advice, in its 50 % base)", *cites,
               group=ADVICE)
        return
    lr.set(LineStatus.PARTLY, f"{format_amount(ln.hours)} h at most {top}/h = {allowed}; the "
           f"line asks {amount}", *cites, eligible=allowed, group=ADVICE)


# --- the grant ------------------------------------------------------------------------------


def _caps(share: Share) -> list[tuple[Money, str]]:
    return [(cap, text_of(why)) for cap, why in share.caps]


def _grant(bctx: BudgetCtx) -> list[GrantPart]:
    """The voucher's two parts, at the rates and caps of :mod:`.grant` (one part each)."""
    v = _voucher(bctx)
    on = bctx.on
    cap = bctx.param(v.cap)
    parts: list[GrantPart] = []
    support = Money.zero(bctx.currency)
    if v.invests:
        inv = bctx.total(bctx.in_group(INVESTMENT))
        minimum = bctx.param(INVESTMENT_MIN)
        if inv.amount > 0:
            share = investment_share(on, v, bctx.param(INVESTMENT_SUPPORT_MAX), cap)
            if inv < minimum:
                part = GrantPart("investment", inv, share.rate,
                                 Money.zero(inv.currency),
                                 f"the minimum: investments under {minimum} are not supported",
                                 None, (C_INVESTMENT_MIN,))
            else:
                part = capped_part("investment", inv, share.rate, _caps(share),
                                   C_INVESTMENT_RATE, C_INVESTMENT_MIN)
            parts.append(part)
            support = part.grant
    lines = bctx.in_group(ADVICE)
    advice = bctx.total(lines)
    share = advice_share(on, v, cap, support)
    caps = _caps(share)
    # "medfinansieringen … i form af kontant betaling, afholdte egne timer eller et mix": own
    # hours pay the company's share; the voucher, a "tilskud til privat rådgivning", pays for
    # the advice bought, never more than it costs
    hours = [lr for lr in lines if lr.line.category is Category.PERSONNEL]
    if hours:
        bought = advice - bctx.total(hours)
        caps.append((bought, f"the advice bought, {bought}: own hours co-finance it, the "
                     "voucher pays for advice"))
    parts.append(capped_part("advice", advice, share.rate, caps, C_COFINANCING_RATES,
                             C_COFINANCING_EXAMPLE, C_TIERS,
                             *((C_OWN_HOURS, C_PRIVATE_ADVICE) if hours else ())))
    return parts
