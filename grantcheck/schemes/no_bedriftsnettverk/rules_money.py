"""Bedriftsnettverk: BN14–BN23, in the order of the page: eligible costs, support and own
financing, and the yearly applications."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    dated,
    missing,
)
from grantcheck.law.dates import add_years, months_before
from grantcheck.money import Money, format_percent
from grantcheck.schemes.no_bedriftsnettverk.grant import (
    cap_converted,
)
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_BOKFORTE,
    C_EGENFINANSIERING,
    C_ETT_AAR,
    C_FELLES_UTVIKLING,
    C_GOD_TID,
    C_KONTANT,
    C_KOSTNADER,
    C_MAKS_50,
    C_PRIVATE,
    C_STOTTEBELOP,
    C_TRE_AARS_VARIGHET,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    C_GOD_TID_WINDOW,
    MAX_APPLICATION_YEARS,
    MAX_PUBLIC_SHARE,
    MIN_OWN_SHARE,
    OWN_FUNDING_FORM,
    YEAR2_WARNING_MONTHS,
)
from grantcheck.schemes.no_bedriftsnettverk.sections import (
    S_COSTS,
    S_MONEY,
    S_STATUS,
)

rules = RuleBook()

@rules.rule("BN14", "Costs of joint development activities can be supported (the cost list is "
            "examples)", kind=Kind.INFO, section=S_COSTS, cites=[C_FELLES_UTVIKLING, C_KOSTNADER])
def eligible_costs(ctx: Ctx) -> Check:
    """'Eksempler på kostnader': the list is examples, not a binding list."""
    return COSTS_INFO


T_COSTS = Message("support covers part of the costs of joint development activities; the page "
                  "gives examples (the administrator's project management, facilitation, "
                  "administration and purchased services; participants' hours; participants' "
                  "travel), not a binding list: a cost of another kind needs a justification. "
                  "Cost lines are checked by `grantcheck budget`")
COSTS_INFO = T_COSTS.info()


@rules.rule("BN15", "The administrator's booked costs are at least the public support",
            kind=Kind.INFO, section=S_MONEY, cites=[C_BOKFORTE], reads=["project.grant_sought"])
def booked_costs(ctx: Ctx) -> Check:
    """'Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige
    støtten': a budget-line rule, checked by `grantcheck budget`."""
    sought = ctx.profile.project.grant_sought
    name = ctx.profile.company.name
    if sought is None:
        return T_BOOKED.info(name=name)
    return T_BOOKED_SOUGHT.info(name=name, sought=ctx.money(sought))


_BOOKED = "the costs booked at {name} (the administrator) must be at least the public support"
_BY_BUDGET = "; checked line by line by `grantcheck budget`"
T_BOOKED = Message(_BOOKED + _BY_BUDGET)
T_BOOKED_SOUGHT = Message(_BOOKED + " ({sought}, the grant sought, plus any other public "
                          "support)" + _BY_BUDGET)


@rules.rule("BN16", "The grant sought is at most NOK 750,000 for the project year",
            kind=Kind.HARD, section=S_MONEY, cites=[C_STOTTEBELOP], reads=["project.grant_sought"])
def grant_within_cap(ctx: Ctx) -> Check:
    """'inntil 750.000 kroner per år i inntil tre år'."""
    cap, nok, rates = cap_converted(ctx)
    sought = ctx.profile.project.grant_sought
    if sought is None:
        return _no_grant_stated(ctx)
    grant = ctx.money(sought)
    converted = {"nok": nok, "rates": rates} if rates else {}
    if grant <= cap:
        return T_WITHIN_CAP[bool(rates)].passed(grant=grant, cap=cap, **converted)
    return T_ABOVE_CAP[bool(rates)].failed(grant=grant, cap=cap, less=grant - cap, **converted)


def _in_nok_or_converted(text: str, fix: str = "") -> tuple[Message, Message]:
    """``text``'s template for a company that states NOK ([False]), and for one whose figures
    are converted ([True]): ``{converted}`` in ``text`` is nothing, or the NOK cap and the rates
    that convert it."""
    return (Message(text.replace("{converted}", ""), fix=fix),
            Message(text.replace("{converted}", " ({nok} converted at {rates})"), fix=fix))


T_WITHIN_CAP = _in_nok_or_converted("grant sought {grant} ≤ {cap} per project year{converted}")
T_ABOVE_CAP = _in_nok_or_converted("grant sought {grant} > {cap} per project year{converted}",
                                   fix="seek at most {cap} for the year ({less} less)")


@dated
def _no_grant_stated(ctx: Ctx) -> Check:
    """BN16 for a profile stating no grant: the same for every profile of a batch."""
    cap, nok, rates = cap_converted(ctx)
    if rates:
        return T_CAP[True].info(cap=cap, nok=nok, rates=rates)
    return T_CAP[False].info(cap=cap)


T_CAP = _in_nok_or_converted("no grant amount stated (project.grant_sought): up to {cap} can be "
                             "sought per project year{converted}")


@rules.rule("BN17", "Public support is at most 50 % of the eligible costs", kind=Kind.HARD,
            section=S_MONEY, cites=[C_MAKS_50],
            reads=["project.grant_sought", "project.budget_total"])
def public_share(ctx: Ctx) -> Check:
    """'Den offentlige støtten kan maksimalt utgjøre 50 prosent av de støtteberettigede
    kostnadene'."""
    rate = MAX_PUBLIC_SHARE.at(ctx.on)
    sought = ctx.profile.project.grant_sought
    if sought is None:
        return T_SHARE_UNSTATED.info(rate=format_percent(rate))
    grant = ctx.money(sought)
    budget = ctx.money(ctx.need("project.budget_total"))
    limit = budget * rate
    ok = grant <= limit
    said = T_PUBLIC_SHARE[ok, budget.amount > 0]
    values: dict[str, object] = {"grant": grant, "budget": budget, "limit": limit.rounded(),
                                 "rate": format_percent(rate)}
    if budget.amount > 0:
        values["share"] = lambda: _share_text_money(grant, budget)
    if ok:
        return said.passed(**values)
    return said.failed(floor=limit.floored(),
                       needed=Money(grant.amount / rate, grant.currency).rounded(), **values)


T_SHARE_UNSTATED = Message("no grant amount stated (project.grant_sought): public support may "
                           "be at most {rate} of the eligible costs")
_OF_THEM = " {limit}, {rate} of them; other public support in the project counts too"
_SEEK_LESS = "seek at most {floor}, or show eligible costs of at least {needed}"
T_PUBLIC_SHARE = {  # by (within the share, the eligible costs are more than zero)
    (True, True): Message("grant sought {grant} ({share} of the eligible costs {budget}) ≤"
                          + _OF_THEM),
    (True, False): Message("grant sought {grant} (eligible costs {budget}) ≤" + _OF_THEM),
    (False, True): Message("grant sought {grant} ({share} of the eligible costs {budget}) >"
                           + _OF_THEM, fix=_SEEK_LESS),
    (False, False): Message("grant sought {grant} (eligible costs {budget}) >" + _OF_THEM,
                            fix=_SEEK_LESS),
}


def _share_text_money(part: Money, whole: Money) -> str:
    pct = (part.amount * 100 / whole.amount).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return format_percent(pct / 100)


@rules.rule("BN18", "The participants fund at least 50 % of the eligible costs in cash, hours or "
            "direct expenses", kind=Kind.INFO, section=S_MONEY, cites=[C_EGENFINANSIERING],
            reads=["project.grant_sought", "project.budget_total"])
def own_financing(ctx: Ctx) -> Check:
    """'egenfinansiering må utgjøre minst 50 prosent': with this grant as the only public support
    it is the mirror of BN17; its form is checked by `grantcheck budget`."""
    rate = MIN_OWN_SHARE.at(ctx.on)
    sought, total = ctx.profile.project.grant_sought, ctx.profile.project.budget_total
    if sought is None or total is None:
        return T_OWN_UNSTATED.info(rate=format_percent(rate))
    budget = ctx.money(total)
    own = budget - ctx.money(sought)
    values = {"own": own, "rate": format_percent(rate), "floor": (budget * rate).rounded()}
    if budget.amount > 0:
        return T_OWN_SHARE.info(share=lambda: _share_text_money(own, budget), **values)
    return T_OWN.info(**values)


_OWN_RULE = "at least {rate} of the eligible costs, as " + OWN_FUNDING_FORM
_EACH_LINE = "the form of each line is checked by `grantcheck budget`"
T_OWN_UNSTATED = Message("the participants' own financing must be " + _OWN_RULE + "; with "
                         "project.budget_total and project.grant_sought it is shown here; "
                         + _EACH_LINE)
_OWN_AT_LEAST = (" if the grant sought is the only public support; " + _OWN_RULE
                 + ": at least {floor}; " + _EACH_LINE)
T_OWN_SHARE = Message("own financing {own} ({share})" + _OWN_AT_LEAST)
T_OWN = Message("own financing {own}" + _OWN_AT_LEAST)


@rules.rule("BN19", "The participants' cash payment is at least the capital need minus public "
            "grants", kind=Kind.INFO, section=S_MONEY, cites=[C_KONTANT])
def cash_payment(ctx: Ctx) -> Check:
    """'kontantinnbetaling ... må minst tilsvare budsjettert kapitalbehov i prosjektet, minus det
    som finansieres av offentlige tilskudd': a budget-line rule."""
    return CASH_INFO


T_CASH = Message("the participants' cash payment must be at least the budgeted capital need (the "
                 "cash cost lines: the administrator's costs and purchased services) minus the "
                 "public grants; checked by `grantcheck budget`")
CASH_INFO = T_CASH.info()


@rules.rule("BN20", "Only private participants in Norway book hours and direct expenses",
            kind=Kind.INFO, section=S_MONEY, cites=[C_PRIVATE],
            reads=["network.participants[].private", "network.participants[].kind",
                   "network.participants[].established_in_norway"])
def private_in_kind(ctx: Ctx) -> Check:
    """'Bare deltakere fra privat virksomhet i Norge ... kan kostnadsføre timer og direkte
    utgifter': others contribute cash only; checked per budget line by `grantcheck budget`."""
    cash_only: list[str] = []
    not_stated: list[str] = []
    for i, p in enumerate(ctx.profile.network.participants or []):
        if p.kind == "public_body" or p.private is False or p.established_in_norway is False:
            cash_only.append(p.name)
        elif p.private is None or p.established_in_norway is None:
            not_stated.append(f"network.participants[{i}]")
    said = T_PRIVATE[bool(cash_only), bool(not_stated)]
    values = {"cash_only": ", ".join(cash_only), "not_stated": ", ".join(not_stated)}
    return said.info(**{k: v for k, v in values.items() if k in said.fields})


_PRIVATE = ("only participants from private business in Norway may book hours and direct "
            "expenses; others contribute cash")
_CASH_ONLY = "; cash only: {cash_only}"
_NOT_STATED = "; not stated (private, established_in_norway): {not_stated}"
_PER_LINE = "; checked per budget line by `grantcheck budget`"
T_PRIVATE = {  # by (some contribute cash only, some are not stated)
    (False, False): Message(_PRIVATE + _PER_LINE),
    (True, False): Message(_PRIVATE + _CASH_ONLY + _PER_LINE),
    (False, True): Message(_PRIVATE + _NOT_STATED + _PER_LINE),
    (True, True): Message(_PRIVATE + _CASH_ONLY + _NOT_STATED + _PER_LINE),
}


@rules.rule("BN21", "The application covers one project year, of at most three, within the "
            "project", kind=Kind.HARD, section=S_STATUS,
            cites=[C_ETT_AAR, C_STOTTEBELOP, C_TRE_AARS_VARIGHET],
            reads=["network.project_year", "network.duration_years", "project.start",
                   "project.end"])
def project_year(ctx: Ctx) -> Check:
    """'Det søkes for ett år av gangen i inntil tre år': one of the project's years, so a year
    past the project's own length (``network.duration_years``, or the years ``project.start``
    to ``project.end`` begin) is no year of it; the length itself is BN03's."""
    limit = MAX_APPLICATION_YEARS.at(ctx.on)
    stated = ctx.value("network.project_year")
    if stated is None:
        return missing("network.project_year")
    year = int(stated)
    if year > limit:
        return T_YEAR_BEYOND.failed(year=year, limit=limit)
    years = ctx.profile.network.duration_years
    if years is not None and year > years:
        return T_YEAR_PAST_DURATION.failed(year=year, years=years)
    start, end = ctx.profile.project.start, ctx.profile.project.end
    if start is not None and end is not None and add_years(start, year - 1) > end:
        return T_YEAR_PAST_END.failed(year=year, begins=add_years(start, year - 1), start=start,
                                      end=end)
    return T_YEAR_WITHIN.passed(year=year, limit=limit)


T_YEAR_WITHIN = Message("application for project year {year} ≤ {limit} (one year at a time)")
T_YEAR_BEYOND = Message("application for project year {year} > {limit} (one year at a time)",
                        fix="support is given for at most {limit} project years; year {year} is "
                        "beyond them")
T_YEAR_PAST_DURATION = Message(
    "application for project year {year}, but the main project lasts {years} year(s) "
    "(network.duration_years = {years}): year {year} is not one of its years",
    fix="state the project year applied for (network.project_year, 1 to {years}), or the "
    "project's real length (network.duration_years)")
T_YEAR_PAST_END = Message(
    "application for project year {year}, which would begin {begins}, after the project ends "
    "(project {start} to {end})",
    fix="state the project year applied for (network.project_year), or the project's real "
    "dates (project.start, project.end)")


def _sent(ctx: Ctx) -> tuple[date, str]:
    """The day the application is sent, and how the messages name it: the profile's
    ``project.application_date`` when stated (a date planned or past), else the evaluation
    date, as a call's closing day is checked (:func:`grantcheck.engine.rules.applied_by`)."""
    applied = ctx.value("project.application_date")
    if applied is None:
        return ctx.on, "the evaluation date"
    return applied, "the application date"


def _year1_end(ctx: Ctx) -> tuple[date, str] | None:
    """The last day of the year-1 period, and how it was found (a phrase after the date): the
    profile's ``network.year1_end`` when stated (the agreed period, «avtalt prosjektperiode for
    år én», which may have been extended), else the day before the first anniversary of
    ``project.start`` (the years BN21 counts: 'Det søkes for ett år av gangen'); None when the
    profile states neither."""
    stated = ctx.value("network.year1_end")
    if stated is not None:
        return stated, ""
    start = ctx.value("project.start")
    if start is None:
        return None
    return add_years(start, 1) - timedelta(days=1), f" (a year from project.start {start})"


T_NO_YEAR1_END = Message("the profile states neither network.year1_end nor project.start (year "
                         "1 ends the day before the project's first anniversary)",
                         fix="state network.year1_end, or project.start")
_YEAR1_READS = ["network.project_year", "network.year1_end", "project.start",
                "project.application_date"]


@rules.rule("BN22", "The year-2 application is sent in good time before year 1 ends",
            kind=Kind.SOFT, section=S_STATUS, cites=[C_GOD_TID_WINDOW], reads=_YEAR1_READS)
def year2_in_good_time(ctx: Ctx) -> Check:
    """'Søknad for år to må sendes inn i god tid': warns within a window before the year-1 end
    (the window is grantcheck's choice, not the page's), counted to the day the application is
    sent; the end is ``network.year1_end``, else a year from ``project.start``
    (:func:`_year1_end`)."""
    year = int(ctx.need("network.project_year"))
    if year != 2:
        return T_NOT_YEAR2.passed(year=year)
    year1 = _year1_end(ctx)
    if year1 is None:
        return T_NO_YEAR1_END.unknown("network.year1_end")
    end, found = year1
    sent, _ = _sent(ctx)
    months = YEAR2_WARNING_MONTHS.at(ctx.on)
    warn_from = months_before(end, months)
    days = (end - sent).days
    if sent < warn_from:
        return T_BEFORE_WINDOW.passed(end=end, found=found, days=days, on=sent, months=months,
                                      warn_from=warn_from)
    if sent <= end:
        return T_IN_WINDOW.failed(end=end, found=found, days=days, on=sent, months=months)
    return T_YEAR1_ENDED.failed(end=end, found=found, days=-days, on=sent)


T_NOT_YEAR2 = Message("not applicable: the application is for project year {year}; the page "
                      "sets this for the year-2 application")
T_BEFORE_WINDOW = Message("year 1 ends {end}{found}, {days} days after {on}: before the "
                          "{months}-month window (from {warn_from}) in which grantcheck warns")
T_IN_WINDOW = Message("year 1 ends {end}{found}, only {days} days after {on} (within the "
                      "{months}-month window grantcheck uses; the page asks for «god tid» and "
                      "gives no number)",
                      fix="send the year-2 application now, well before {end}")
T_YEAR1_ENDED = Message("year 1 ended {end}{found}, {days} days before {on}: not in good time "
                        "(BN23)",
                        fix="the year-2 application had to be sent before the year-1 period "
                        "ended")


@rules.rule("BN23", "The year-2 application is sent before the year-1 period ends",
            kind=Kind.HARD, section=S_STATUS, cites=[C_GOD_TID], reads=_YEAR1_READS)
def year2_before_end(ctx: Ctx) -> Check:
    """'før avtalt prosjektperiode for år én utløper': fails when the application is sent (its
    ``project.application_date``, else the evaluation date) after the year-1 period ended
    (``network.year1_end``, else a year from ``project.start``: :func:`_year1_end`)."""
    stated = ctx.value("network.project_year")
    if stated is None:
        return missing("network.project_year")
    year = int(stated)
    if year != 2:
        return T_NOT_YEAR2.passed(year=year)
    year1 = _year1_end(ctx)
    if year1 is None:
        return T_NO_YEAR1_END.unknown("network.year1_end")
    end, found = year1
    sent, named = _sent(ctx)
    if sent > end:
        return T_PERIOD_ENDED.failed(end=end, found=found, on=sent, named=named)
    return T_PERIOD_RUNS.passed(end=end, found=found, on=sent, named=named)


T_PERIOD_ENDED = Message("the year-1 period ended {end}{found}, before {on} ({named})",
                         fix="the year-2 application had to be sent before the year-1 period "
                         "ended; if the agreed year-1 period was extended, state its new end in "
                         "network.year1_end")
T_PERIOD_RUNS = Message("the year-1 period ends {end}{found}, on or after {on} ({named})")

