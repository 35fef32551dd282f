"""Innobooster People's rules for "Hvad kan der søges til?" (what the grant is for), continued:
IP19–IP26 and IP40.

One grant per company; for more than one funded employee, as many other full-time employees on
collective-agreement-like terms; no owners among the funded employees, their salaries settled,
one grant period starting at the earliest on the 1st of the month after the application month,
no other public funding; the grant sought (IP40). The funded employees themselves (IP12–IP18)
are in :mod:`.what`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    declaration_checks,
)
from grantcheck.facts import Range, is_range, most, show
from grantcheck.money import format_amount
from grantcheck.schemes.dk_innobooster_people.derived import (
    NO_EMPLOYEES,
    EachEmployee,
    each_employee,
    earliest_start,
    first_application,
    flag,
    in_dkk,
    no,
    per_employee,
    start_in_time,
    start_on,
    yes,
)
from grantcheck.schemes.dk_innobooster_people.grant import amounts
from grantcheck.schemes.dk_innobooster_people.page import (
    C_CAP,
    C_FTE,
    C_ONE_GRANT,
    C_OTHER_FUNDING,
    C_OTHER_PROJECTS,
    C_OTHERS,
    C_OTHERS_EXAMPLE,
    C_OWNER_DEF,
    C_OWNERS,
    C_RATE,
    C_SALARY_SETTLED,
    C_SAME_PERIOD,
    C_START,
    S_EMPLOYEES,
    S_MONEY,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CAP,
    FUNDED_FTE,
    OTHERS_FROM,
    OTHERS_PER_FUNDED,
    OWNER_MIN_PERCENT,
)

rules = RuleBook()

@rules.rule("IP19", "The company has not had an Innobooster People grant before",
            section=S_MONEY, kind=Kind.HARD, cites=[C_ONE_GRANT], reads=["aid_received"])
def one_grant(ctx: Ctx) -> Check:
    """'der gives max. 1. bevilling pr. virksomhed': a grant given by the evaluation date. One
    dated after it is not yet given on that date (as de minimis aid is counted up to it): the
    grant of this very application, listed in a profile written later, does not rule it out
    when the call is checked as it stood."""
    aid = ctx.profile.aid_received
    if aid is None:
        return T_AID_UNLISTED.unknown("aid_received")
    # the id, or the name however spelt ('Innobooster People', 'Innobooster-People (COVID-19)'),
    # granted to the company (no recipient, or the company named as it)
    own = _letters(ctx.profile.company.name)
    grants = [a for a in aid
              if (a.recipient is None or _letters(a.recipient) == own)
              and "innoboosterpeople" in _letters(a.scheme)]
    earlier = [a for a in grants if a.granted <= ctx.on]
    if earlier:
        return T_SECOND_GRANT.failed(
            dates=", ".join(a.granted.isoformat() for a in earlier))
    if grants:
        return T_LATER_GRANT.passed(entries=len(aid), dates=", ".join(
            a.granted.isoformat() for a in grants), on=ctx.on)
    return T_FIRST_GRANT.passed(entries=len(aid))


def _letters(name: str) -> str:
    """``name`` in lower case, its letters and digits only."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


T_AID_UNLISTED = Message("the profile does not list aid received (aid_received)",
                         fix="state aid_received (an empty list when there is none)")
T_SECOND_GRANT = Message("an Innobooster People grant was already given ({dates}); one grant per "
                         "company", fix="no second Innobooster People grant is possible")
T_FIRST_GRANT = Message("no Innobooster People grant among {entries} aid entries")
T_LATER_GRANT = Message("no Innobooster People grant by {on} among {entries} aid entries; "
                        "granted after the evaluation date, not yet given then: {dates}")


@rules.rule("IP20", "For more than one funded employee, as many other full-time employees",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_OTHERS, C_OTHERS_EXAMPLE, C_FTE, C_OWNERS],
            reads=["employees", "employees[].employed_at_application", "company.employees_fte"])
def other_employees(ctx: Ctx) -> Check:
    """'Ønsker virksomheden at søge om løntilskud til mere end 1 medarbejder, er det en
    forudsætning, at der er et tilsvarende antal fuldtidsansatte i virksomheden … som der ikke
    søges om tilskud til'; counted in FTE, owners excluded. A funded employee not stated to be
    employed at application may or may not be among the staff: the count is a range, and the
    rule decides where both ends agree (many staff pass, too few fail either way)."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    n = len(emps)
    start = OTHERS_FROM.at(ctx.on)
    if n < start:
        return T_OTHERS_NOT_NEEDED.passed(n=n, start=start)
    fte = ctx.fact("company.employees_fte")
    missing = tuple(f"employees[{i}].employed_at_application"
                    for i, e in enumerate(emps) if e.employed_at_application is None)
    known = sum(1 for e in emps if e.employed_at_application)
    per = FUNDED_FTE.at(ctx.on)
    employed: Any = (Range(Decimal(known), Decimal(known + len(missing)), missing, missing)
                     if missing else known)
    funded_fte = per * employed
    if is_range(fte):  # the funded employees employed at application are among the staff
        fte = most(fte, per * known)
    others = most(fte - funded_fte, Decimal(0))  # no fewer than none: the rest are funded
    needed = OTHERS_PER_FUNDED.at(ctx.on) * n
    enough = others >= needed  # a range of staff decides it, or leaves it open (unknown)
    return T_OTHERS.check(enough, fte=partial(show, fte), funded=partial(show, funded_fte),
                          employed=partial(show, employed), others=partial(show, others), n=n,
                          needed=partial(format_amount, needed),
                          short=partial(show, needed - others))


T_OTHERS_NOT_NEEDED = Message("{n} funded employee(s): no other employees required (only from "
                              "{start})")
T_OTHERS = Message("other full-time employees: company.employees_fte {fte} minus {funded} FTE for "
                   "the {employed} funded employee(s) employed at application = {others} FTE; "
                   "{n} funded need at least {needed} (owners excluded)",
                   fix="the company needs {short} more other full-time employee FTE, or fund "
                   "fewer employees")


@rules.rule("IP21", "The other full-time employees are on collective-agreement-like terms",
            section=S_EMPLOYEES, kind=Kind.DECLARATION, cites=[C_OTHERS],
            reads=["employees", "declarations.others_on_collective_terms"])
def others_on_collective_terms(ctx: Ctx) -> Check:
    """'et tilsvarende antal fuldtidsansatte i virksomheden på overenskomstlignende vilkår'."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    n = len(emps)
    if n < OTHERS_FROM.at(ctx.on):
        return T_NO_OTHERS_NEEDED.passed(n=n)
    v = ctx.value("declarations.others_on_collective_terms")
    if v is None:
        return _COLLECTIVE_UNDECLARED
    return T_COLLECTIVE.check(bool(v), declared=str(v).lower())


T_NO_OTHERS_NEEDED = Message("{n} funded employee(s): no other employees required")
_COLLECTIVE_UNDECLARED = declaration_checks("declarations.others_on_collective_terms")[None]
T_COLLECTIVE = Message("declared declarations.others_on_collective_terms = {declared}",
                       fix="the other full-time employees must be on collective-agreement-like "
                       "terms")


@rules.rule("IP22", "No funded employee is an owner (5 % or more)",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_OWNERS, C_OWNER_DEF], reads=["employees[].owner_percent"])
def no_owners(ctx: Ctx) -> Check:
    """'Der kan ikke søges løntilskud til ejere'; 'Med ejer forstås en person, der ejer mindst 5%
    af virksomheden.'"""
    limit = OWNER_MIN_PERCENT.at(ctx.on)
    return per_employee(
        ctx, "owner_percent", lambda p: p < limit, lambda p: f"owns {format_amount(p)} %",
        T_OWNERS, limit=format_amount(limit))


T_OWNERS = each_employee("owners holding {limit} % or more cannot be funded",
                         fix="owners ({limit} % or more) cannot be funded: {names}")


@rules.rule("IP23", "Every funded employee's salary is settled",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_SALARY_SETTLED], reads=["employees[].salary_settled"])
def salary_settled(ctx: Ctx) -> Check:
    """'medarbejderes løn skal være afklaret på ansøgningstidspunktet'."""
    return per_employee(ctx, "salary_settled", yes, flag, T_SALARY_SETTLED)


T_SALARY_SETTLED = each_employee("the salary must be settled at application",
                                 fix="settle the salary before applying: {names}")


@rules.rule("IP24", "All funded employees cover the same grant period",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_SAME_PERIOD], reads=["employees[].grant_start"])
def same_period(ctx: Ctx) -> Check:
    """'Søges der om flere personer, skal løntilskuddene dække den samme periode.' Two stated
    starts that differ already break it, whatever a start left out would be; starts left out
    beside stated ones that agree leave it open."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    if len(emps) < OTHERS_FROM.at(ctx.on):
        return T_ONE_PERIOD.passed(n=len(emps))
    missing = [f"employees[{i}].grant_start" for i, e in enumerate(emps) if e.grant_start is None]
    starts = {e.grant_start for e in emps if e.grant_start is not None}
    stated = partial("; ".join, [f"{e.name}: {e.grant_start.isoformat()}" for e in emps
                                 if e.grant_start is not None])
    if len(starts) > 1:
        return T_SAME_START.failed(starts=stated)
    if missing:
        return T_STARTS_UNSTATED.unknown(*missing)
    return T_SAME_START.passed(starts=stated)


T_ONE_PERIOD = Message("{n} funded employee(s): one period")
T_STARTS_UNSTATED = Message("grant start not stated for every funded employee")
T_SAME_START = Message("grant start {starts}", fix="give every funded employee the same grant "
                       "start (and so the same 12 months)")


@rules.rule("IP25", "The grant starts at the earliest on the 1st of the month after the "
            "application month",
            section=S_EMPLOYEES, kind=Kind.HARD, cites=[C_START],
            reads=["employees[].grant_start", "project.application_date"])
def grant_start(ctx: Ctx) -> Check:
    """'Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen
    er godkendt.' The approval cannot come before the application. The 1st of the month after
    is the earliest start; a later start passes on any day of a month (the page names no other
    start day; a start on the 2nd failed). Without an application date the application is the
    evaluation date's or earlier (from APPLICATIONS_FROM, as PO13 and SD16 read a date left
    out): a start that only an earlier application allows is unknown, naming
    ``project.application_date``."""
    applied = ctx.profile.project.application_date
    base, said = (applied, T_START_APPLIED) if applied else (ctx.on, T_START_TODAY)
    earliest = earliest_start(ctx.on, base)
    first = earliest_start(ctx.on, first_application(ctx))

    def allowed(start: date) -> bool | None:
        if start_in_time(start, earliest):
            return True
        return None if start_in_time(start, first) else False

    values = {"earliest": earliest, "base": base} | ({} if applied else {"first": first})
    return per_employee(ctx, "grant_start", allowed, start_on, said,
                        "project.application_date", **values)


_EARLIEST = ("the earliest start is {earliest}, the 1st of the month after the application month "
             "({label} {base}); the approval may move it later")
_START_FIX = "start the grant at the earliest on {earliest}: {names}"
T_START_APPLIED = each_employee(_EARLIEST.replace("{label}", "project.application_date"),
                                fix=_START_FIX)
T_START_TODAY = EachEmployee(
    Message("{employees} (" + _EARLIEST.replace("{label}", "the evaluation date") + ")",
            fix="start the grant at the earliest on {first} after the earliest application "
            "the call can have had, on {earliest} after one sent on the evaluation date: "
            "{names}"),
    Message("{employees} (" + _EARLIEST.replace("{label}", "the evaluation date") + "; no "
            "project.application_date: an earlier application allows a start from {first})"))


@rules.rule("IP26", "The funded salaries get no other public support",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_OTHER_FUNDING, C_OTHER_PROJECTS], reads=["employees[].other_public_funding"])
def no_other_public_funding(ctx: Ctx) -> Check:
    """'Disse lønudgifter må ikke være dækket fra andre støtteordninger indført som følge af
    COVID-19 eller andre offentlige løntilskud'; the persons may not bill time to other publicly
    funded projects."""
    return per_employee(
        ctx, "other_public_funding", no,
        lambda v: "other public funding" if v else "no other public funding",
        T_OTHER_PUBLIC_FUNDING)


T_OTHER_PUBLIC_FUNDING = each_employee(
    "no COVID-19 scheme, public wage subsidy or publicly funded project may cover them",
    fix="end the other public funding or time billing first, or fund others: {names}")



@rules.rule("IP40", "The grant sought is at most what the funded salaries give, at most "
            "DKK 1,080,000", section=S_MONEY, kind=Kind.HARD, cites=[C_ONE_GRANT, C_RATE, C_CAP],
            reads=["project.grant_sought", "employees", "employees[].monthly_salary"])
def grant_sought(ctx: Ctx) -> Check:
    """'Der kan maks. søges om 1.080.000 kr. pr. virksomhed'; 'Der kan max. søges om
    medfinansiering fra Innovationsfonden på 75% af lønudgifterne til hver enkelt medarbejder':
    project.grant_sought against the grant the amounts give (12 × min(DKK 30,000, 75 % × the
    monthly salary) per funded employee, at most DKK 1,080,000)."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return T_SOUGHT_NONE.passed()
    asked = in_dkk(ctx, sought)
    a = amounts(ctx)
    most = a.max_grant
    assert most is not None  # the amounts always give the most the salaries allow
    cap = CAP.money(ctx.on)
    if asked > cap:
        return T_SOUGHT_OVER_CAP.failed(asked=asked, cap=cap)
    if asked > most:
        return T_SOUGHT_OVER.failed(asked=asked, most=most, basis=a.basis)
    if a.missing:  # the salaries not all stated: ``most`` is the most they could give
        return T_SOUGHT_OPEN.unknown(*a.missing, asked=asked, most=most)
    return T_SOUGHT_WITHIN.passed(asked=asked, most=most, basis=a.basis)


T_SOUGHT_NONE = Message("no grant sought stated (project.grant_sought): the amounts show the most "
                        "the funded salaries give")
T_SOUGHT_OVER_CAP = Message("grant sought {asked} > {cap}, the most per company",
                            fix="lower the grant sought to at most {cap}")
T_SOUGHT_OVER = Message("grant sought {asked} > {most}, what the funded salaries give: {basis}",
                        fix="lower the grant sought to {most}")
T_SOUGHT_OPEN = Message("grant sought {asked}: the funded salaries give at most {most}, and "
                        "exactly that only with every monthly salary stated")
T_SOUGHT_WITHIN = Message("grant sought {asked} ≤ {most}, what the funded salaries give: {basis}")
