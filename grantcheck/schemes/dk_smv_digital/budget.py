"""SMV:Digital's cost rules (Erhvervsstyrelsen), for ``grantcheck budget``.

Encoded, from the page (quotes beside each citation):
- the voucher: DKK 25,000 or DKK 100,000 for advice, or up to DKK 250,000 with direct investment
  support (``budget.tier``; else the highest voucher the profile fits; with neither, the budget
  is computed for the up-to-250,000 voucher as an upper bound and the rule says it is unknown);
- advice at 50 % (the company finances 50 %): consultancy, own hours, project management and
  staff training (the page's examples); other costs are counted with a request for justification,
  since the activity lists are examples ("Følgende er eksempler på aktiviteter");
- investments at 25 % up to DKK 200,000 support, nothing for an investment under DKK 40,000
  (exactly 40,000 gives 10,000), only with the up-to-250,000 voucher, whose total stays at most
  DKK 250,000 (investment support first, the rest for advice at 50 %); eligible investments:
  hardware, software, software on subscription for at most 2 years, commissioning;
- own hours at the gross annual salary / 1,613 hours, an owner without salary at DKK 250/h;
- the binding list of activities that are not eligible ("ikke er støtteberettigede");
- consultancy paid and own hours spent inside the commitment period, and the commitment period
  of 6 months (DKK 25,000) or 12 months.

Readings (the page is silent): amounts exclude VAT; whether an investment line is dated inside the
commitment period is not checked (the page says it only of consultancy and internal hours); the
40,000 threshold applies to the sum of the investment lines (the page speaks of "Investeringer").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    capped_part,
    grant_sought_check,
    line_dates,
    reasons,
)
from grantcheck.budget.model import BudgetLine, Category
from grantcheck.citations import Citation
from grantcheck.engine import Check, Ctx, Kind, Verdict, check, evaluate, failed, passed
from grantcheck.engine import unknown as unknown_check
from grantcheck.law.dates import add_months
from grantcheck.money import Money, format_amount
from grantcheck.schemes.dk_smv_digital.grant import (
    T250,
    VOUCHERS,
    _Voucher,
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
    C_PERIOD,
    C_SUBSCRIPTION,
    C_T250,
    C_TIERS,
    SOURCE,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    ADVICE_OWN_SHARE,
    HOURS_PER_YEAR,
    INVESTMENT_MIN,
    INVESTMENT_RATE,
    INVESTMENT_SUPPORT_MAX,
    OWN_FUNDING_FORM,
    OWNER_HOURLY_RATE,
    SOFTWARE_SUBSCRIPTION_YEARS,
    VAT_NOTE,
)
from grantcheck.schemes.dk_smv_digital.scheme import (
    SCHEME,
)

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
JUSTIFY = frozenset(Category) - set(ADVICE_EXAMPLES) - set(INVESTMENTS) - set(INELIGIBLE)

MONTHS_PER_YEAR = 12  # calendar arithmetic, not a scheme parameter
# "udgifter til konsulentydelser skal være betalt og interne løntimer afholdt indenfor jeres
# tilsagnsperiode": the categories that sentence speaks of
IN_PERIOD = frozenset({Category.CONSULTANCY, Category.PERSONNEL})


# --- the voucher ----------------------------------------------------------------------------


def _voucher(bctx: BudgetCtx) -> _Voucher:
    tier = bctx.tier or T250.id
    return next(v for v in VOUCHERS if v.id == tier)


def _prepare(bctx: BudgetCtx) -> None:
    """Settle the voucher: the budget's, else the highest one the profile fits."""
    if bctx.has_profile:
        ctx = Ctx(bctx.profile, bctx.on, bctx.fx)  # the scheme's rules, in the company's terms
        result = evaluate(SCHEME, ctx)
        bctx.extra["tiers"] = {t.tier.id: t for t in result.tiers}
        bctx.extra["findings"] = result.findings
        if bctx.budget.tier is None:
            fitting = [t for t in result.tiers if t.verdict is Verdict.FITS]
            if fitting:
                bctx.tier = fitting[-1].tier.id
                bctx.extra["chosen"] = True
    if bctx.budget.tier is not None:
        bctx.tier = bctx.budget.tier


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


def _max_hours_rate(bctx: BudgetCtx, ln: BudgetLine) -> Money | None:
    """The highest hourly rate the page allows for a personnel line, when its basis is given."""
    found = _hours_rate(bctx, ln)
    if found is None:
        return None
    return bctx.in_scheme_currency(found[0])


def _classify(bctx: BudgetCtx, lr: LineResult) -> None:
    ln = lr.line
    v = _voucher(bctx)
    cat = ln.category
    if lr.amount is None:  # a salary line without its months
        lr.set(LineStatus.UNKNOWN, "a salary line needs the months it runs (or its amount)",
               C_OWN_HOURS, group=ADVICE, missing=(f"{lr.path}.months",))
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


def _outside_period(bctx: BudgetCtx, lr: LineResult) -> bool:
    """A dated line falls (partly) outside the stated commitment period."""
    start, end = bctx.period()
    ln = lr.line
    if start is None or end is None or not (ln.incurred or ln.start or ln.end):
        return False
    first, last = line_dates(lr, bctx)
    return (first is not None and first < start) or (last is not None and last > end)


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
    top = _max_hours_rate(bctx, ln)
    if top is None:  # a rate without its basis: cannot be checked against the page
        lr.set(LineStatus.UNKNOWN, "the page sets the hourly rate at the gross annual salary / "
               "1,613 h (or DKK 250/h for an owner without salary): give gross_annual_salary or "
               "owner_without_salary", *cites, group=ADVICE,
               missing=(f"{lr.path}.gross_annual_salary",))
        return
    allowed = (top * ln.hours).rounded()
    if amount <= allowed:
        lr.set(LineStatus.ELIGIBLE, f"{format_amount(ln.hours)} h of own hours, at most "
               f"{top}/h: {amount} (50 % support)", *cites, group=ADVICE)
        return
    lr.set(LineStatus.PARTLY, f"{format_amount(ln.hours)} h at most {top}/h = {allowed}; the "
           f"line asks {amount}", *cites, eligible=allowed, group=ADVICE)


# --- the grant ------------------------------------------------------------------------------


def _grant(bctx: BudgetCtx) -> list[GrantPart]:
    v = _voucher(bctx)
    on = bctx.on
    cap = bctx.param(v.cap)
    advice_rate = 1 - ADVICE_OWN_SHARE.at(on)
    parts: list[GrantPart] = []
    support = Money.zero(bctx.currency)
    if v.invests:
        inv = bctx.total(bctx.in_group(INVESTMENT))
        minimum = bctx.param(INVESTMENT_MIN)
        if inv.amount > 0:
            if inv < minimum:
                part = GrantPart("investment", inv, INVESTMENT_RATE.at(on),
                                 Money.zero(inv.currency),
                                 f"the minimum: investments under {minimum} are not supported",
                                 None, (C_INVESTMENT_MIN,))
            else:
                part = capped_part("investment", inv, INVESTMENT_RATE.at(on),
                                   [(bctx.param(INVESTMENT_SUPPORT_MAX),
                                     "investment support at most " +
                                     str(bctx.param(INVESTMENT_SUPPORT_MAX))),
                                    (cap, f"the {v.name} voucher")],
                                   C_INVESTMENT_RATE, C_INVESTMENT_MIN)
            parts.append(part)
            support = part.grant
    advice = bctx.total(bctx.in_group(ADVICE))
    parts.append(capped_part(
        "advice", advice, advice_rate,
        [(cap - support, f"the {v.name} voucher" + (f" less the investment support {support}"
                                                    if support.amount else ""))],
        C_COFINANCING_RATES, C_COFINANCING_EXAMPLE, C_TIERS))
    return parts


# --- rules ----------------------------------------------------------------------------------

book = BudgetBook()


@book.budget_rule("SMVB01", "The company fits the voucher the budget is drafted for",
                  cites=[C_TIERS, C_T250], reads=["budget.tier"])
def voucher_fits(bctx: BudgetCtx) -> Check:
    """The voucher decides the caps; the company must fit it (the scheme's tier rules)."""
    tiers = bctx.extra.get("tiers")
    if tiers is None:
        if bctx.budget.tier is None:
            return unknown_check(
                "no voucher stated and no profile to decide it: the grant is computed for the "
                "up-to-DKK-250,000 voucher, as an upper bound", "budget.tier",
                fix="state budget.tier (t25, t100 or t250), or check the budget in a profile")
        return unknown_check(
            f"voucher {bctx.budget.tier}: whether the company fits it needs its profile",
            "company", fix="check the budget inside the company's profile")
    v = _voucher(bctx)
    tr = tiers[v.id]
    chosen = " (the highest voucher it fits)" if bctx.extra.get("chosen") else ""
    if tr.verdict is Verdict.FITS:
        return passed(f"the company fits the {v.name} voucher{chosen}")
    findings = [f for f in bctx.extra["findings"] if f.rule.tier in (None, v.id)]
    if tr.verdict is Verdict.NEEDS_INFORMATION:
        fields = tuple(dict.fromkeys(m for f in findings for m in f.missing))
        return unknown_check(f"whether the company fits the {v.name} voucher needs "
                             f"{', '.join(fields) or 'more information'}", *fields,
                             fix="run grantcheck match --explain on the profile")
    broken = [f.rule.id for f in findings if f.outcome.value == "fail"]
    return failed(f"the company does not fit the {v.name} voucher (rules {', '.join(broken)})",
                  "run grantcheck match --explain on the profile; state budget.tier for a "
                  "voucher it fits")


@book.budget_rule("SMVB02", "Only eligible activities are in the budget",
                  cites=[C_INELIGIBLE, *INELIGIBLE.values()], reads=["budget.lines"])
def no_ineligible_activities(bctx: BudgetCtx) -> Check:
    """The page's binding list: these activities are not eligible."""
    bad = [lr for lr in bctx.lines if lr.line.category in INELIGIBLE]
    if bad:
        total = bctx.total(bad, eligible=False)
        return failed(f"{len(bad)} line(s), {total}, are not eligible: {reasons(bad)}",
                      "remove them from the project budget (the company carries them outside "
                      "the project)")
    return passed("no line is an activity the page excludes")


@book.budget_rule("SMVB03", "Investments are budgeted only with the up-to-DKK-250,000 voucher",
                  cites=[C_T250, C_INVESTMENT_RATE], reads=["budget.lines", "budget.tier"])
def investments_only_in_t250(bctx: BudgetCtx) -> Check:
    v = _voucher(bctx)
    inv = [lr for lr in bctx.lines if lr.line.category in INVESTMENTS]
    if not inv:
        return passed("no investment lines")
    if v.invests:
        return passed(f"{len(inv)} investment line(s) under the {v.name} voucher")
    return failed(f"{len(inv)} investment line(s), {bctx.total(inv, eligible=False)}, get no "
                  f"support with the {v.name} voucher: {reasons(inv)}",
                  "apply for the up-to-DKK-250,000 voucher, or carry the investment outside the "
                  "project")


@book.budget_rule("SMVB04", "The investment reaches DKK 40,000",
                  cites=[C_INVESTMENT_MIN], reads=["budget.lines"])
def investment_minimum(bctx: BudgetCtx) -> Check:
    """'Investeringer under 40.000 kr. støttes ikke'."""
    v = _voucher(bctx)
    lines = bctx.in_group(INVESTMENT)
    if not v.invests or not lines:
        return passed("no investment support asked for")
    inv = bctx.total(lines)
    minimum = bctx.param(INVESTMENT_MIN)
    return check(inv >= minimum, f"eligible investment {inv}; at least {minimum} required",
                 f"investments under {minimum} get no support: raise the investment by "
                 f"{minimum - inv} or carry it outside the project")


@book.budget_rule("SMVB05", "Software subscriptions count for at most 2 years",
                  cites=[C_SUBSCRIPTION], reads=["budget.lines"])
def subscriptions(bctx: BudgetCtx) -> Check:
    limit = int(SOFTWARE_SUBSCRIPTION_YEARS.at(bctx.on)) * MONTHS_PER_YEAR
    subs = [lr for lr in bctx.lines if lr.line.category is Category.SOFTWARE_SUBSCRIPTION
            and lr.status is not LineStatus.INELIGIBLE]
    unknown = [lr for lr in subs if lr.status is LineStatus.UNKNOWN]
    if unknown:
        return unknown_check(f"{len(unknown)} subscription line(s) without their months",
                             *(f"{lr.path}.months" for lr in unknown))
    over = [lr for lr in subs if lr.status is LineStatus.PARTLY]
    if over:
        cut = bctx.total(over, eligible=False) - bctx.total(over)
        return failed(f"{reasons(over)}; {cut} falls outside the {limit} months",
                      f"budget at most {limit} months of each subscription")
    return passed(f"{len(subs)} subscription line(s), each at most {limit} months")


@book.budget_rule("SMVB06", "Own hours are valued at the page's hourly rate",
                  cites=[C_HOURLY_RATE, C_OWNER_RATE], reads=["budget.lines"])
def own_hours_rate(bctx: BudgetCtx) -> Check:
    """Gross annual salary / 1,613 h; an owner without salary DKK 250/h."""
    hours = [lr for lr in bctx.lines if lr.line.category is Category.PERSONNEL]
    unknown = [lr for lr in hours if lr.status is LineStatus.UNKNOWN]
    over = [lr for lr in hours if lr.status is LineStatus.PARTLY]
    if over:
        excess = bctx.total(over, eligible=False) - bctx.total(over)
        return failed(f"{reasons(over)}: {excess} above the page's rate",
                      "value own hours at the gross annual salary / 1,613 h (an owner without "
                      "salary at DKK 250/h)")
    if unknown:
        return unknown_check(f"{len(unknown)} own-hours line(s) without the salary basis",
                             *(m for lr in unknown for m in lr.missing))
    if not hours:
        return passed("no own hours budgeted")
    return passed(f"{len(hours)} own-hours line(s) at or below the page's rate")


@book.budget_rule("SMVB07", "Consultancy is paid and own hours are spent inside the commitment "
                  "period", cites=[C_IN_PERIOD],
                  reads=["budget.start", "budget.end", "project.start", "project.end"])
def inside_period(bctx: BudgetCtx) -> Check:
    """Lines without their own dates fall in the commitment period by construction."""
    start, end = bctx.period()
    lines = [lr for lr in bctx.lines if lr.line.category in IN_PERIOD]
    if not lines:
        return passed("no consultancy or own hours budgeted")
    outside = [lr for lr in lines if _outside_period(bctx, lr)]
    if outside:
        return failed(f"outside the commitment period {_period_text(start, end)}: "
                      + ", ".join(lr.label for lr in outside),
                      "move the costs inside the commitment period, or carry them outside the "
                      "project")
    if start is None or end is None:
        return unknown_check("the commitment period is not stated", "budget.start",
                             "budget.end")
    return passed(f"{len(lines)} line(s) inside {_period_text(start, end)}")


def _period_text(start: date | None, end: date | None) -> str:
    return f"{start.isoformat() if start else '?'} to {end.isoformat() if end else '?'}"


@book.budget_rule("SMVB08", "The commitment period is 6 months (DKK 25,000) or 12 months",
                  cites=[C_PERIOD], reads=["budget.start", "budget.end", "budget.tier"])
def period_length(bctx: BudgetCtx) -> Check:
    start, end = bctx.period()
    if start is None or end is None:
        return unknown_check("the commitment period is not stated", "budget.start", "budget.end")
    v = _voucher(bctx)
    months = int(v.period.at(bctx.on))
    limit = add_months(start, months)
    last = date.fromordinal(limit.toordinal() - 1)
    return check(end <= last, f"{_period_text(start, end)}; the {v.name} voucher's project "
                 f"period is {months} months: {last.isoformat()} at the latest",
                 f"end the project by {last.isoformat()}")


@book.budget_rule("SMVB09", "The grant sought fits what the budget allows",
                  cites=[C_COFINANCING_RATES, C_COFINANCING_EXAMPLE, C_TIERS],
                  reads=["budget.grant_sought"])
def grant_sought(bctx: BudgetCtx) -> Check:
    return grant_sought_check(bctx, raise_it=", or raise the own financing")


@book.budget_rule("SMVB10", "Costs outside the page's examples are justified",
                  cites=[C_EXAMPLES], reads=["budget.lines"], kind=Kind.SOFT)
def justified(bctx: BudgetCtx) -> Check:
    lines = [lr for lr in bctx.lines if lr.status is LineStatus.JUSTIFY]
    if lines:
        return failed(f"{reasons(lines)}",
                      "describe how each is part of the potential clarification or the "
                      "implementation")
    return passed("every counted line is among the page's examples")


CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=_classify,
    grant=_grant,
    rules=tuple(book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="advice at 50 %: consultancy, personnel (own hours), administration (project "
    "management), training (other categories need a justification); investments at 25 % with "
    "the up-to-DKK-250,000 voucher: hardware, software, software_subscription (2 years), "
    "commissioning; never: operations, strategy, marketing, market_analysis, communication, "
    "application_writing",
    parameters=(ADVICE_OWN_SHARE, INVESTMENT_RATE, INVESTMENT_SUPPORT_MAX, INVESTMENT_MIN,
                SOFTWARE_SUBSCRIPTION_YEARS, HOURS_PER_YEAR, OWNER_HOURLY_RATE,
                *(v.cap for v in VOUCHERS), *(v.period for v in VOUCHERS)),
    hours_rate=_hours_rate,
    notes=(VAT_NOTE,),
    prepare=_prepare,
)
