"""Innobooster People's rules for "Hvem kan søge?" (who can apply): IP01–IP10, in page order,
after the page's first line, the call's last day (IP39); the ownership structure (IP11) is in
:mod:`.structure`.

Capital or turnover, a Danish CVR number, then the GBER art. 22 conditions the page lists (age,
no takeover, no profit distribution, no merger, small enterprise, plus "unlisted" from art. 22(2))
and the sector exclusion. The GBER rules are
bounded by GBER's validity (GBER_APPLIES) as well as by the page's version.
"""

from __future__ import annotations

from datetime import date

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    applied_by,
)
from grantcheck.facts import at_least, high, show
from grantcheck.law import gber
from grantcheck.law.dates import add_months
from grantcheck.law.sme import CITES as SME_CITES
from grantcheck.law.sme import company_status
from grantcheck.law.sme_holders import PUBLIC_FIX
from grantcheck.money import Money
from grantcheck.schemes.dk_innobooster_people.derived import (
    anniversary,
    award_window,
    in_dkk,
    money_text,
)
from grantcheck.schemes.dk_innobooster_people.page import (
    C_AGE,
    C_ART22_PAGE,
    C_CAPITAL,
    C_CVR,
    C_DEADLINE,
    C_GBER_1_3,
    C_GBER_22,
    C_MERGER,
    C_ONE_OF_TWO,
    C_PROFITS,
    C_SECTOR,
    C_SMALL,
    C_START,
    C_TAKEOVER,
    C_TURNOVER,
    S_APPLICANT,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    AGE_MARGIN_MONTHS,
    CALL_LAST_DAY,
    CAPITAL_MIN,
    GBER_APPLIES,
    MAX_AGE_YEARS,
    TURNOVER_MIN,
)

rules = RuleBook()

# the page's first line: "Vi tager løbende imod ansøgninger frem til 1. december 2020"
rules.add("IP39", "The application is sent by the call's last day, 2020-12-01",
          applied_by(CALL_LAST_DAY), kind=Kind.HARD, section=S_APPLICANT, cites=[C_DEADLINE],
          reads=["project.application_date"])


def _gber(ctx: Ctx) -> None:
    """Raise NotEncoded when GBER art. 22 does not cover the evaluation date."""
    GBER_APPLIES.at(ctx.on)


@rules.rule("IP01", "The company has raised at least DKK 500,000 or turned over at least "
            "DKK 2 million",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_ONE_OF_TWO, C_CAPITAL, C_TURNOVER],
            reads=["company.external_capital_raised", "company.turnover"])
def capital_or_turnover(ctx: Ctx) -> Check:
    """'Virksomheden har samlet set tiltrukket kapital på min. 500.000 kr.' or 'en omsætning på
    mindst 2 mio. kr. i seneste afsluttede regnskabsår': either suffices."""
    cap_min = CAPITAL_MIN.money(ctx.on)
    turn_min = TURNOVER_MIN.money(ctx.on)
    capital = in_dkk(ctx, ctx.fact("company.external_capital_raised"))
    turnover = in_dkk(ctx, ctx.fact("company.turnover"))
    cap_ok, turn_ok = at_least(capital, cap_min), at_least(turnover, turn_min)
    values = {"capital": _against(ctx, "company.external_capital_raised", cap_ok, cap_min),
              "turnover": _against(ctx, "company.turnover", turn_ok, turn_min)}
    if cap_ok or turn_ok:
        return T_CAPITAL_OR_TURNOVER.passed(**values)
    if cap_ok is None or turn_ok is None:
        open_facts = [p for x, ok in ((capital, cap_ok), (turnover, turn_ok)) if ok is None
                      for p in x.facts]
        return T_CAPITAL_OR_TURNOVER_OPEN.unknown(*open_facts, **values,
                                                  facts=" or ".join(open_facts))
    return T_CAPITAL_AND_TURNOVER_SHORT.failed(
        **values, cap_min=cap_min, cap_more=show(cap_min - capital), turn_min=turn_min,
        turn_more=show(turn_min - turnover))


def _against(ctx: Ctx, path: str, ok: bool | None, least: Money) -> str:
    """"DKK 2,500,000 ≥ DKK 2,000,000", or that it is not stated, or its range."""
    value = ctx.value(path)
    if value is None:
        return "not stated"
    sign = "≥" if ok else "<" if ok is False else "straddles"
    return f"{money_text(ctx, value)} {sign} {least}"


_CAPITAL_OR_TURNOVER = ("external capital {capital}; turnover {turnover} in the latest closed "
                        "fiscal year (one of the two is required)")
T_CAPITAL_OR_TURNOVER = Message(_CAPITAL_OR_TURNOVER)
T_CAPITAL_OR_TURNOVER_OPEN = Message(_CAPITAL_OR_TURNOVER, fix="state {facts} in the profile "
                                     "(exactly, where a range straddles the minimum)")
T_CAPITAL_AND_TURNOVER_SHORT = Message(
    _CAPITAL_OR_TURNOVER,
    fix="raise external capital to {cap_min} ({cap_more} more) or reach a turnover of "
    "{turn_min} ({turn_more} more) in a closed year")


@rules.rule("IP02", "The company has a Danish CVR number",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_CVR], reads=["company.cvr_number"])
def cvr(ctx: Ctx) -> Check:
    """'Virksomheden skal desuden have et dansk CVR nummer for at kunne ansøge.'"""
    number = ctx.profile.company.cvr_number
    if number is None:
        return T_NO_CVR.unknown("company.cvr_number")
    return T_CVR.passed(cvr=number)


T_NO_CVR = Message("the profile does not state company.cvr_number",
                   fix="state company.cvr_number (a Danish CVR number is required)")
T_CVR = Message("CVR number {cvr}")


@rules.rule("IP03", "The company is at most five years old when the grant is awarded",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_AGE, C_START, C_ART22_PAGE, C_GBER_22],
            reads=["company.founded", "project.application_date", "employees[].grant_start"])
def at_most_five_years(ctx: Ctx) -> Check:
    """'Virksomheden må på bevillingstidspunktet ikke være ældre end fem år': eligible up to and
    including the fifth anniversary of the registration, on the day of the award. The award
    comes after the application (and before the grant start, 'tidligst … den 1. i måneden
    efter, at ansøgningen er godkendt'): too old already on the application date fails; an
    anniversary before the grant start passes here and IP04 warns. Without an application date
    the application is the evaluation date's or earlier (from APPLICATIONS_FROM): too old on the
    evaluation date but not on an earlier day it may have been sent is unknown, naming
    ``project.application_date`` (as PO13 and SD16 read a date left out)."""
    _gber(ctx)
    founded: date = ctx.need("company.founded")
    w = award_window(ctx)
    if founded > w.earliest:  # not registered when it applies: no company to apply (or a typo)
        return T_NOT_YET.unknown("company.founded", founded=founded, label=w.label,
                                 on=w.earliest)
    last = anniversary(ctx, founded)
    years = MAX_AGE_YEARS.at(ctx.on)
    if w.first <= last < w.earliest:  # no application date: one sent by the anniversary may be
        return T_AGE_UNDATED.unknown("project.application_date", founded=founded, last=last,
                                     years=years, on=w.earliest, first=w.first)
    return T_AGE.check(w.earliest <= last, founded=founded, last=last, years=years,
                       label=w.label, on=w.earliest)


T_NOT_YET = Message("registered {founded}, after {label} {on}: the company is not registered on "
                    "that date",
                    fix="check company.founded: the company applies once it is registered")


T_AGE_UNDATED = Message(
    "registered {founded}; eligible up to and including {last} (the {years}-year anniversary): "
    "more than {years} years old on the evaluation date {on}, and the profile does not state "
    "project.application_date: an application sent from {first} up to {last} may be in time, "
    "as the award comes after the application",
    fix="state project.application_date: on or before {last} the company can still be young "
    "enough; after it, too old")

T_AGE = Message("registered {founded}; eligible up to and including {last} (the {years}-year "
                "anniversary); the award comes after {label} {on}",
                fix="the company passed its {years}-year anniversary on {last}, before it "
                "applies; start-up aid under GBER art. 22 is no longer possible")


@rules.rule("IP04", "The fifth anniversary does not come before the grant period starts",
            section=S_APPLICANT, kind=Kind.SOFT, cites=[C_AGE, C_START],
            reads=["company.founded", "project.application_date", "employees[].grant_start"])
def age_margin(ctx: Ctx) -> Check:
    """The award comes after the application and before the grant start: a company that turns
    five in between is eligible only if the award comes by its anniversary. Without a stated
    grant start, a warning when the anniversary is within two months of the application (or
    evaluation) date (grantcheck's margin)."""
    _gber(ctx)
    founded: date = ctx.need("company.founded")
    w = award_window(ctx)
    last = anniversary(ctx, founded)
    years = MAX_AGE_YEARS.at(ctx.on)
    if w.earliest > last:
        return T_AGE_PASSED.info(years=years, last=last)
    if w.latest is not None:
        return T_AGE_BEFORE_START.check(w.latest <= last, years=years, last=last, start=w.start,
                                        latest=w.latest)
    months = AGE_MARGIN_MONTHS.at(ctx.on)
    horizon = add_months(w.earliest, months)
    return T_AGE_NEAR.check(last > horizon, years=years, last=last, months=months,
                            horizon=horizon, label=w.label, on=w.earliest)


T_AGE_PASSED = Message("the {years}-year anniversary {last} has passed (see IP03)")
T_AGE_BEFORE_START = Message(
    "the {years}-year anniversary is {last}; the grant period starts {start} "
    "(employees[].grant_start), so the award comes by {latest}",
    fix="the company turns {years} on {last}, before the grant period starts on {start}: the "
    "grant must be awarded by {last}, or the company is too old")
T_AGE_NEAR = Message("the {years}-year anniversary is {last}; {months} months after {label} {on} "
                     "is {horizon}",
                     fix="the grant must be given by {last}: apply at once, and check that the "
                     "approval and grant start can come before that day")


@rules.rule("IP05", "The company has not taken over another company's activity",
            section=S_APPLICANT, kind=Kind.HARD,
            cites=[C_TAKEOVER, C_ART22_PAGE], reads=["company.taken_over_other_activity"])
def no_takeover(ctx: Ctx) -> Check:
    """'Virksomheden må ikke have overtaget en anden virksomheds aktivitet'."""
    _gber(ctx)
    v: bool = ctx.need("company.taken_over_other_activity")
    return T_TAKEOVER.check(not v, taken_over=str(v).lower())


T_TAKEOVER = Message("company.taken_over_other_activity = {taken_over}",
                     fix="a company that took over another company's activity is not a start-up "
                     "under GBER art. 22")


@rules.rule("IP06", "The company has not distributed profits", section=S_APPLICANT, kind=Kind.HARD,
            cites=[C_PROFITS, C_GBER_22], reads=["company.distributed_profits"])
def no_profit_distribution(ctx: Ctx) -> Check:
    """'[må ikke] have udloddet overskud'."""
    _gber(ctx)
    v: bool = ctx.need("company.distributed_profits")
    return T_PROFITS.check(not v, distributed=str(v).lower())


T_PROFITS = Message("company.distributed_profits = {distributed}",
                    fix="a company that has distributed profits cannot receive start-up aid "
                    "(GBER art. 22(2))")


@rules.rule("IP07", "The company was not formed through a merger with a non-qualifying company",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_MERGER, C_GBER_22],
            reads=["company.formed_by_merger"])
def no_merger(ctx: Ctx) -> Check:
    """'[må ikke] være opstået gennem fusion med et selskab, der ikke opfylder kravene'."""
    _gber(ctx)
    v: bool = ctx.need("company.formed_by_merger")
    return T_MERGER.check(not v, merger=str(v).lower())


T_MERGER = Message("company.formed_by_merger = {merger}",
                   fix="a company formed through a merger with a company that does not meet the "
                   "start-up conditions cannot receive the grant")


@rules.rule("IP08", "The company is a small enterprise (fewer than 50 staff, at most "
            "EUR 10 million)", section=S_APPLICANT, kind=Kind.HARD, cites=[C_SMALL, *SME_CITES],
            reads=["company.employees_fte", "company.owners_fte", "company.turnover",
                   "company.balance_sheet_total", "company.related", "company.previous_year",
                   "company.public_ownership_percent"])
def small_enterprise(ctx: Ctx) -> Check:
    """'Virksomheden skal have under 50 ansatte, samt højest 10 mio. EUR i årlig omsætning eller
    årlig samlet balance.' Staff and figures per the EU SME definition (owner-managers included,
    partner and linked enterprises added, the two-year rule), as the page introduces the
    condition: 'Disse er beskrevet i forordningens artikel 22, stk. 2'. The page's 'disse
    [ejere] tæller ikke med i opgørelsen af antal ansatte' closes its paragraph on the other
    full-time employees (IP20; version 2's 'krav til antal ansatte, der ikke søges løntilskud
    til'): it does not take working owners out of this count, and the message says so."""
    _gber(ctx)
    status = company_status(ctx)
    if status.public:  # not an SME because of public bodies, whatever its staff (art. 3(4))
        return T_SMALL_PUBLIC.failed(size=status.explanation)
    owners = ctx.profile.company.owners_fte
    # the words of the count written once, in the template: a record gives the FTE. Which words
    # is a choice of text, not a comparison the rule rests on: owners within bounds that may be
    # 0 (``{ min = 0, max = 2 }``) are said too, not left to decide (Range's truth is Undecided)
    if owners is not None and high(owners) > 0:
        return T_SMALL_OWNERS.check(status.is_small, size=status.explanation, owners=show(owners))
    return T_SMALL.check(status.is_small, size=status.explanation)


_SMALL_FIX = ("the company (with its partner and linked enterprises) must have fewer than 50 "
              "staff and turnover or balance sheet total of at most EUR 10 million")
T_SMALL = Message("{size} (small or micro required)", fix=_SMALL_FIX)
T_SMALL_PUBLIC = Message("{size} (small or micro required)", fix=PUBLIC_FIX)
T_SMALL_OWNERS = Message(
    "{size}; the {owners} working owner FTE (company.owners_fte) count as staff here (EU: "
    "owner-managers, Rec. 2003/361 Annex art. 5(c)); the page's 'disse tæller ikke med i "
    "opgørelsen af antal ansatte' is its count of the other full-time employees (IP20) (small "
    "or micro required)", fix=_SMALL_FIX)


@rules.rule("IP09", "The company is unlisted",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_GBER_22, C_ART22_PAGE],
            reads=["company.listed"])
def unlisted(ctx: Ctx) -> Check:
    """GBER art. 22(2): 'unlisted small enterprises' (EU law; the page refers to art. 22(2))."""
    _gber(ctx)
    v: bool = ctx.need("company.listed")
    return T_LISTED.check(not v, listed=str(v).lower())


T_LISTED = Message("company.listed = {listed} (EU: GBER art. 22(2), not on the page)",
                   fix="a listed company cannot receive start-up aid under GBER art. 22")


@rules.rule("IP10", "The company is not in fisheries, aquaculture or primary agriculture",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_SECTOR, C_GBER_1_3],
            reads=["company.sector"])
def sector(ctx: Ctx) -> Check:
    """'Der kan ikke gives bevilling til virksomheder inden for fiskeri- og akvakultursektoren og
    sektoren for primærproduktion af landbrugsprodukter' (GBER art. 1(3)(a),(b), in law.gber)."""
    _gber(ctx)
    return gber.sector_not_excluded(ctx)
