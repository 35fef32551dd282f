"""SMV:Digital's cost rules (Erhvervsstyrelsen), for ``grantcheck budget``.

Encoded, from the page (quotes beside each citation):
- the voucher: DKK 25,000 or DKK 100,000 for advice, or up to DKK 250,000 with direct investment
  support (``budget.tier``; else the highest voucher the profile fits; with neither, the budget
  is computed as an upper bound for the up-to-250,000 voucher when it has investment lines, else
  for the 100,000 voucher, and the rule says it is unknown); a budget for the up-to-250,000
  voucher needs an investment of at least DKK 40,000 (as the match rule SMV24);
- advice at 50 % (the company finances 50 %): consultancy, own hours, project management and
  staff training (the page's examples); other costs are counted with a request for justification,
  since the activity lists are examples ("Følgende er eksempler på aktiviteter");
- investments at 25 % up to DKK 200,000 support, nothing for an investment under DKK 40,000
  (exactly 40,000 gives 10,000), only with the up-to-250,000 voucher, whose total stays at most
  DKK 250,000 (investment support first, the rest for advice at 50 %); eligible investments:
  hardware, software, software on subscription for at most 2 years, commissioning;
- own hours at the gross annual salary / 1,613 hours, an owner without salary at DKK 250/h;
- the binding list of activities that are not eligible ("ikke er støtteberettigede"); a market
  analysis only "hvor det digitale aspekt fylder en mindre del": ineligible when the line says so
  (``digital_part_minor = true``) or the profile lists market_analysis among
  ``project.ineligible_activities``, advice when the line says the digital aspect is not minor,
  else counted as advice to be justified, naming the line's ``digital_part_minor``;
- consultancy paid and own hours spent inside the commitment period, and the commitment period
  of 6 months (DKK 25,000) or 12 months.

Readings (the page is silent): amounts exclude VAT; whether an investment line is dated inside the
commitment period is not checked (the page says it only of consultancy and internal hours); the
40,000 threshold applies to the sum of the investment lines (the page speaks of "Investeringer").
"""

from __future__ import annotations

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    LineStatus,
    grant_sought_check,
    reasons,
)
from grantcheck.budget.model import Category
from grantcheck.engine import Check, Kind, Verdict, check, failed, passed
from grantcheck.engine import unknown as unknown_check
from grantcheck.law.dates import inside, last_day_or_later
from grantcheck.schemes.dk_smv_digital.budget_lines import (
    ADVICE_EXAMPLES,  # noqa: F401 (re-exported: the line categories, beside the rules)
    C_EXAMPLES,
    IN_PERIOD,
    INELIGIBLE,
    INVESTMENT,
    INVESTMENTS,
    JUSTIFY,  # noqa: F401 (re-exported, as ADVICE_EXAMPLES)
    MONTHS_PER_YEAR,
    _classify,
    _grant,
    _hours_rate,
    _outside_period,
    _period_text,
    _prepare,
    _tiers_with_lines,
    _voucher,
)
from grantcheck.schemes.dk_smv_digital.grant import (
    VOUCHERS,
)
from grantcheck.schemes.dk_smv_digital.page import (
    C_COFINANCING_EXAMPLE,
    C_COFINANCING_RATES,
    C_HOURLY_RATE,
    C_IN_PERIOD,
    C_INELIGIBLE,
    C_INVESTMENT_MIN,
    C_INVESTMENT_PAYMENT,
    C_INVESTMENT_RATE,
    C_OWNER_RATE,
    C_PERIOD,
    C_SUBSCRIPTION,
    C_T250,
    C_TIERS,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    ADVICE_OWN_SHARE,
    GRANT_T100,
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
                f"{_voucher(bctx).name} voucher, as an upper bound (the up-to-DKK-250,000 "
                "voucher only with investment lines)", "budget.tier",
                fix="state budget.tier (t25, t100 or t250), or check the budget in a profile")
        return unknown_check(
            f"voucher {bctx.budget.tier}: whether the company fits it needs its profile",
            "company", fix="check the budget inside the company's profile")
    v = _voucher(bctx)
    tr, found, booked = tiers[v.id], bctx.extra["findings"], ""
    if tr.verdict is Verdict.NEEDS_INFORMATION:  # the lines may hold the own hours' split
        with_lines = _tiers_with_lines(bctx)
        if with_lines is not None:
            tiers, found, read = with_lines
            tr, booked = tiers[v.id], f", with {read} as the budget's lines hold them"
    chosen = {"fits": " (the highest voucher it fits)",
              "open": " (the highest voucher the profile's facts leave open)"
              }.get(bctx.extra.get("chosen", ""), "")
    if tr.verdict is Verdict.FITS:
        return passed(f"the company fits the {v.name} voucher{chosen}{booked}")
    findings = [f for f in found if f.rule.tier in (None, v.id)]
    if tr.verdict is Verdict.NEEDS_INFORMATION:
        fields = tuple(dict.fromkeys(m for f in findings for m in f.missing))
        return unknown_check(f"whether the company fits the {v.name} voucher{chosen} needs "
                             f"{', '.join(fields) or 'more information'}", *fields,
                             fix="run grantcheck match --explain on the profile")
    broken = [f.rule.id for f in findings if f.outcome.value == "fail"]
    return failed(f"the company does not fit the {v.name} voucher (rules {', '.join(broken)})",
                  "run grantcheck match --explain on the profile; state budget.tier for a "
                  "voucher it fits")


@book.budget_rule("SMVB02", "Only eligible activities are in the budget",
                  cites=[C_INELIGIBLE, *INELIGIBLE.values()], reads=["budget.lines"])
def no_ineligible_activities(bctx: BudgetCtx) -> Check:
    """The page's binding list: these activities are not eligible (a market analysis only where
    its digital aspect is minor)."""
    bad = [lr for lr in bctx.lines
           if lr.line.category in INELIGIBLE and lr.status is LineStatus.INELIGIBLE]
    if bad:
        total = bctx.total(bad, eligible=False)
        return failed(f"{len(bad)} line(s), {total}, are not eligible: {reasons(bad)}",
                      "remove them from the project budget (the company carries them outside "
                      "the project)")
    unsure = [lr for lr in bctx.lines
              if lr.line.category in INELIGIBLE and lr.status is LineStatus.UNKNOWN]
    if unsure:  # a market analysis whose digital aspect is not stated
        return unknown_check(reasons(unsure), *(m for lr in unsure for m in lr.missing))
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
                  cites=[C_INVESTMENT_MIN, C_T250, C_INVESTMENT_PAYMENT],
                  reads=["budget.lines", "budget.tier"])
def investment_minimum(bctx: BudgetCtx) -> Check:
    """'Investeringer under 40.000 kr. støttes ikke'. The up-to-DKK-250,000 voucher is direct
    investment support ("støtten til investeringen inkl. rådgivning"; its applicants have made "en
    business case for investering i ny hardware eller software"), as the match rule SMV24 reads
    it: a budget for it without an investment line breaks the rule too."""
    v = _voucher(bctx)
    if not v.invests:
        return passed("no investment support asked for")
    lines = bctx.in_group(INVESTMENT)
    minimum = bctx.param(INVESTMENT_MIN)
    if not lines:
        return failed(f"no investment line under the {v.name} voucher, which is direct "
                      f"investment support: investments under {minimum} are not supported",
                      f"budget an investment of at least {minimum} (hardware, software, "
                      f"commissioning), or apply for the {GRANT_T100.money(bctx.on)} voucher: "
                      "state budget.tier t100")
    inv = bctx.total(lines)
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


@book.budget_rule("SMVB08", "The commitment period is 6 months (DKK 25,000) or 12 months",
                  cites=[C_PERIOD], reads=["budget.start", "budget.end", "budget.tier"])
def period_length(bctx: BudgetCtx) -> Check:
    start, end = bctx.period()
    if start is None or end is None:
        return unknown_check("the commitment period is not stated", "budget.start", "budget.end")
    v = _voucher(bctx)
    months = int(v.period.at(bctx.on))
    last = last_day_or_later(start, months)
    return check(inside(end, last), f"{_period_text(start, end)}; the {v.name} voucher's "
                 f"project period is {months} months: {last} at the latest",
                 f"end the project by {last}")


@book.budget_rule("SMVB09", "The grant sought fits what the budget allows",
                  cites=[C_COFINANCING_RATES, C_COFINANCING_EXAMPLE, C_TIERS],
                  reads=["budget.grant_sought", "budget.tier"])
def grant_sought(bctx: BudgetCtx) -> Check:
    """At most the voucher's amount (as match's SMV07–SMV09: "søges tilskud til 25.000 kr.,
    100.000 kr. eller 250.000 kr."), and at most what the budget allows."""
    v = _voucher(bctx)
    cap = bctx.param(v.cap)
    sought = bctx.budget.grant_sought
    if sought is not None and (asked := bctx.in_scheme_currency(sought)) > cap:
        return failed(f"grant sought {asked} is more than the {v.name} voucher gives ({cap}); "
                      f"the budget allows {bctx.grant}",
                      f"lower the grant sought to at most {bctx.grant}: no own financing "
                      f"raises a grant above the voucher's {cap}")
    return grant_sought_check(bctx, raise_it=", or raise the own financing")


@book.budget_rule("SMVB10", "Costs outside the page's examples are justified",
                  cites=[C_EXAMPLES], reads=["budget.lines"], kind=Kind.SOFT)
def justified(bctx: BudgetCtx) -> Check:
    lines = [lr for lr in bctx.lines if lr.status is LineStatus.JUSTIFY]
    if lines:
        fields = [m for lr in lines for m in lr.missing]
        state = f"state {' and '.join(fields)}, and " if fields else ""
        return failed(f"{reasons(lines)}",
                      f"{state}describe how each is part of the potential clarification or the "
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
    "commissioning; market_analysis only where its digital aspect is not minor "
    "(digital_part_minor = false; unstated: unknown); never: operations, strategy, "
    "marketing, communication, application_writing",
    parameters=(ADVICE_OWN_SHARE, INVESTMENT_RATE, INVESTMENT_SUPPORT_MAX, INVESTMENT_MIN,
                SOFTWARE_SUBSCRIPTION_YEARS, HOURS_PER_YEAR, OWNER_HOURLY_RATE,
                *(v.cap for v in VOUCHERS), *(v.period for v in VOUCHERS)),
    hours_rate=_hours_rate,
    notes=(VAT_NOTE,),
    prepare=_prepare,
    # «specifikke krav afhængigt af, om der søges tilskud til 25.000 kr., 100.000 kr. eller
    # 250.000 kr.»: a company that does not meet the voucher's can have none of its grant
    fit_rules=("SMVB01",),
)
