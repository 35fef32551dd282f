"""Innobooster People's rules for "Hvad kan der søges til?" (what the grant is for): IP12–IP26.

The funded employees (``profile.employees``): 1–3, named, full time, a higher education,
development work, employed at application or dismissed after 1 March 2020 and re-hired, no new
hires, no owners, the salary settled, one grant period starting on the 1st of a month after the
application month, no other public funding; one grant per company; for more than one funded
employee, as many other full-time employees on collective-agreement-like terms.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    passed,
)
from grantcheck.facts import show
from grantcheck.law.dates import add_months
from grantcheck.money import format_amount
from grantcheck.schemes.dk_innobooster_people.derived import (
    NO_EMPLOYEES,
    each_employee,
    flag,
    month_start,
    names,
    no,
    per_employee,
    yes,
)
from grantcheck.schemes.dk_innobooster_people.page import (
    C_DEV_TASKS,
    C_DISMISSED,
    C_DISMISSED_FOOTNOTE,
    C_EMPLOYED,
    C_EMPLOYEES,
    C_FTE,
    C_FULL_TIME,
    C_NAMED,
    C_NEW_HIRES,
    C_NEW_HIRES_2,
    C_ONE_GRANT,
    C_OTHER_FUNDING,
    C_OTHER_PROJECTS,
    C_OTHERS,
    C_OTHERS_EXAMPLE,
    C_OWNER_DEF,
    C_OWNERS,
    C_REHIRE,
    C_REHIRE_CONTRACT,
    C_SALARY_SETTLED,
    C_SAME_PERIOD,
    C_START,
    S_EMPLOYEES,
    S_MONEY,
    SCHEME_ID,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    DISMISSED_AFTER,
    FULL_TIME_HOURS,
    FUNDED_FTE,
    FUNDED_MAX,
    FUNDED_MIN,
    GRANT_START_MONTHS_AFTER,
    OTHERS_FROM,
    OTHERS_PER_FUNDED,
    OWNER_MIN_PERCENT,
)

rules = RuleBook()

@rules.rule("IP12", "One to three named employees are funded", section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_EMPLOYEES, C_NAMED], reads=["employees", "employees[].name"])
def one_to_three(ctx: Ctx) -> Check:
    """'til 1-3 fuldtidsansatte udviklingsmedarbejdere'; 'Bevilling kan kun søges til navngivne
    medarbejdere'."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    low, high = FUNDED_MIN.at(ctx.on), FUNDED_MAX.at(ctx.on)
    n = len(emps)
    unnamed = [i for i, e in enumerate(emps) if not e.name]

    def funded() -> str:
        return names(emps) or "none"

    if n < low:
        return T_FUNDED_FEW.failed(n=n, names=funded, low=low, high=high)
    if n > high:
        return T_FUNDED_MANY.failed(n=n, names=funded, low=low, high=high, fewer=n - high)
    if unnamed:
        return T_FUNDED_UNNAMED.failed(n=n, names=funded, low=low, high=high,
                                       unnamed=len(unnamed))
    return T_FUNDED.passed(n=n, names=funded, low=low, high=high)


_FUNDED = "{n} funded employee(s) ({names}); {low}–{high} required"
T_FUNDED = Message(_FUNDED)
T_FUNDED_FEW = Message(_FUNDED, fix="list at least {low} employee to fund under employees")
T_FUNDED_MANY = Message(_FUNDED, fix="fund at most {high} employees ({fewer} fewer)")
T_FUNDED_UNNAMED = Message(_FUNDED + "; {unnamed} without a name",
                           fix="give each funded employee's name (employees[].name)")


@rules.rule("IP13", "Every funded employee works full time (37 hours a week)",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_FULL_TIME, C_EMPLOYEES], reads=["employees[].hours_per_week"])
def full_time(ctx: Ctx) -> Check:
    """'de medarbejdere, der søges løntilskud til, skal være fuldtidsansatte (37 timer/uge)'."""
    hours = FULL_TIME_HOURS.at(ctx.on)
    return per_employee(
        ctx, "hours_per_week", lambda h: h >= hours, lambda h: f"{format_amount(h)} h/week",
        T_FULL_TIME, hours=format_amount(hours))


T_FULL_TIME = each_employee("at least {hours} h/week required",
                            fix="fund only full-time employees ({hours} h/week): {names}")


@rules.rule("IP14", "Every funded employee has a higher education",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_EMPLOYEES], reads=["employees[].higher_education"])
def higher_education(ctx: Ctx) -> Check:
    """'udviklingsmedarbejdere med en videregående uddannelse'."""
    return per_employee(ctx, "higher_education", yes, flag, T_HIGHER_EDUCATION)


T_HIGHER_EDUCATION = each_employee("a higher education required",
                                   fix="fund only employees with a higher education: {names}")


@rules.rule("IP15", "Every funded employee does development work",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_EMPLOYEES, C_DEV_TASKS], reads=["employees[].development_role"])
def development_role(ctx: Ctx) -> Check:
    """'fuldtidsansatte udviklingsmedarbejdere'."""
    return per_employee(ctx, "development_role", yes, flag, T_DEVELOPMENT_ROLE)


T_DEVELOPMENT_ROLE = each_employee(
    "development employees required",
    fix="fund only employees who carry out development tasks: {names}")


@rules.rule("IP16", "Every funded employee is employed at application or was dismissed after "
            "1 March 2020 and is re-hired", section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_EMPLOYED, C_DISMISSED, C_REHIRE, C_DISMISSED_FOOTNOTE, C_REHIRE_CONTRACT],
            reads=["employees[].employed_at_application", "employees[].dismissed_on",
                   "employees[].rehire_contract"])
def employed_or_rehired(ctx: Ctx) -> Check:
    """'ansat i virksomheden på ansøgningstidspunktet, eller som er afskediget efter 1. marts
    2020'; the re-hire contract must exist at the latest when the grant period starts."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    if not emps:
        return passed("no funded employees listed (employees = []; see IP12)")
    after = DISMISSED_AFTER.at(ctx.on)
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        if e.employed_at_application is None:
            parts.append(f"{e.name}: not stated whether employed at application")
            missing.append(f"employees[{i}].employed_at_application")
        elif e.employed_at_application:
            parts.append(f"{e.name}: employed at application")
        elif e.dismissed_on is None:
            parts.append(f"{e.name}: not employed at application, dismissal date not stated")
            missing.append(f"employees[{i}].dismissed_on")
        elif e.dismissed_on > after:
            contract = {True: "contract held", False: "contract needed by the grant start",
                        None: "contract needed by the grant start"}[e.rehire_contract]
            parts.append(f"{e.name}: dismissed {e.dismissed_on.isoformat()}, re-hired "
                         f"({contract})")
        else:
            parts.append(f"{e.name}: dismissed {e.dismissed_on.isoformat()}, not after "
                         f"{after.isoformat()}")
            bad.append(e.name)
    employees = partial("; ".join, parts)
    if bad:
        return T_NOT_EMPLOYED.failed(employees=employees, after=after, names=", ".join(bad))
    if missing:
        return T_EMPLOYED.unknown(*missing, employees=employees)
    return T_EMPLOYED.passed(employees=employees)


T_EMPLOYED = Message("{employees}")
T_NOT_EMPLOYED = Message("{employees}", fix="only employees employed at application or dismissed "
                         "after {after} can be funded: {names}")


@rules.rule("IP17", "Re-hired employees were dismissed because of COVID-19",
            section=S_EMPLOYEES, kind=Kind.DECLARATION, cites=[C_DISMISSED],
            reads=["employees[].employed_at_application", "employees[].dismissed_due_to_covid"])
def dismissed_due_to_covid(ctx: Ctx) -> Check:
    """'afskediget efter 1. marts 2020 som følge af COVID 19 situationen'."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        if e.employed_at_application is None:
            parts.append(f"{e.name}: not stated whether employed at application")
            missing.append(f"employees[{i}].employed_at_application")
        elif not e.employed_at_application:
            v = e.dismissed_due_to_covid
            if v is None:
                parts.append(f"{e.name}: cause of dismissal not declared")
                missing.append(f"employees[{i}].dismissed_due_to_covid")
            else:
                parts.append(f"{e.name}: dismissed_due_to_covid = {str(v).lower()}")
                if not v:
                    bad.append(e.name)
    if not parts:
        return passed("no re-hired employees: nothing to declare")
    employees = partial("; ".join, parts)
    if bad:
        return T_NOT_COVID.failed(employees=employees, names=", ".join(bad))
    if missing:
        return T_COVID_UNDECLARED.unknown(*missing, employees=employees,
                                          fields=" and ".join(missing))
    return T_EMPLOYED.passed(employees=employees)


T_NOT_COVID = Message("{employees}", fix="only employees dismissed because of COVID-19 can be "
                      "re-hired with the grant: {names}")
T_COVID_UNDECLARED = Message("{employees}", fix="state {fields} (true if it holds)")


@rules.rule("IP18", "No funded employee is a new hire", section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_NEW_HIRES, C_NEW_HIRES_2], reads=["employees[].new_hire"])
def no_new_hires(ctx: Ctx) -> Check:
    """'Der kan ikke søges tilskud til at foretage nyansættelser af medarbejdere, hverken
    nyoprettede stillinger eller nye medarbejdere, der overtager tidligere medarbejderes
    stillinger.'"""
    return per_employee(ctx, "new_hire", no, lambda v: "new hire" if v else "not a new hire",
                         T_NEW_HIRES)


T_NEW_HIRES = each_employee("new positions and replacements cannot be funded",
                            fix="drop the new hires: {names}")


@rules.rule("IP19", "The company has not had an Innobooster People grant before",
            section=S_MONEY, kind=Kind.HARD, cites=[C_ONE_GRANT], reads=["aid_received"])
def one_grant(ctx: Ctx) -> Check:
    """'der gives max. 1. bevilling pr. virksomhed'."""
    aid = ctx.profile.aid_received
    if aid is None:
        return T_AID_UNLISTED.unknown("aid_received")
    earlier = [a for a in aid
               if a.recipient is None and (a.scheme == SCHEME_ID
                                           or "innobooster people" in a.scheme.lower())]
    if earlier:
        return T_SECOND_GRANT.failed(
            dates=", ".join(a.granted.isoformat() for a in earlier))
    return T_FIRST_GRANT.passed(entries=len(aid))


T_AID_UNLISTED = Message("the profile does not list aid received (aid_received)",
                         fix="state aid_received (an empty list when there is none)")
T_SECOND_GRANT = Message("an Innobooster People grant was already given ({dates}); one grant per "
                         "company", fix="no second Innobooster People grant is possible")
T_FIRST_GRANT = Message("no Innobooster People grant among {entries} aid entries")


@rules.rule("IP20", "For more than one funded employee, as many other full-time employees",
            section=S_EMPLOYEES, kind=Kind.HARD,
            cites=[C_OTHERS, C_OTHERS_EXAMPLE, C_FTE, C_OWNERS],
            reads=["employees", "employees[].employed_at_application", "company.employees_fte"])
def other_employees(ctx: Ctx) -> Check:
    """'Ønsker virksomheden at søge om løntilskud til mere end 1 medarbejder, er det en
    forudsætning, at der er et tilsvarende antal fuldtidsansatte i virksomheden … som der ikke
    søges om tilskud til'; counted in FTE, owners excluded."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    n = len(emps)
    start = OTHERS_FROM.at(ctx.on)
    if n < start:
        return T_OTHERS_NOT_NEEDED.passed(n=n, start=start)
    fte = ctx.fact("company.employees_fte")
    missing = [f"employees[{i}].employed_at_application"
               for i, e in enumerate(emps) if e.employed_at_application is None]
    if missing:
        return T_WHICH_EMPLOYED.unknown(*missing)
    employed = sum(1 for e in emps if e.employed_at_application)
    funded_fte = FUNDED_FTE.at(ctx.on) * employed
    others = fte - funded_fte
    needed = OTHERS_PER_FUNDED.at(ctx.on) * n
    enough = others >= needed  # a range of staff decides it, or leaves it open (unknown)
    return T_OTHERS.check(enough, fte=partial(show, fte), funded=partial(format_amount, funded_fte),
                          employed=employed, others=partial(show, others), n=n,
                          needed=partial(format_amount, needed),
                          short=partial(show, needed - others))


T_OTHERS_NOT_NEEDED = Message("{n} funded employee(s): no other employees required (only from "
                              "{start})")
T_WHICH_EMPLOYED = Message("needed to tell which funded employees are in company.employees_fte")
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
        return T_COLLECTIVE_UNDECLARED.unknown("declarations.others_on_collective_terms")
    return T_COLLECTIVE.check(bool(v), declared=str(v).lower())


T_NO_OTHERS_NEEDED = Message("{n} funded employee(s): no other employees required")
T_COLLECTIVE_UNDECLARED = Message("not declared: declarations.others_on_collective_terms",
                                  fix="set declarations.others_on_collective_terms = true if it "
                                  "holds (false if not)")
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
    """'Søges der om flere personer, skal løntilskuddene dække den samme periode.'"""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    if len(emps) < OTHERS_FROM.at(ctx.on):
        return T_ONE_PERIOD.passed(n=len(emps))
    missing = [f"employees[{i}].grant_start" for i, e in enumerate(emps) if e.grant_start is None]
    if missing:
        return T_STARTS_UNSTATED.unknown(*missing)
    starts = sorted({e.grant_start for e in emps if e.grant_start is not None})
    return T_SAME_START.check(len(starts) == 1, starts="; ".join(
        f"{e.name}: {e.grant_start.isoformat()}" for e in emps if e.grant_start is not None))


T_ONE_PERIOD = Message("{n} funded employee(s): one period")
T_STARTS_UNSTATED = Message("grant start not stated for every funded employee")
T_SAME_START = Message("grant start {starts}", fix="give every funded employee the same grant "
                       "start (and so the same 12 months)")


@rules.rule("IP25", "The grant starts on the 1st of a month after the application month",
            section=S_EMPLOYEES, kind=Kind.HARD, cites=[C_START],
            reads=["employees[].grant_start", "project.application_date"])
def grant_start(ctx: Ctx) -> Check:
    """'Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen
    er godkendt.' The approval cannot come before the application."""
    applied = ctx.profile.project.application_date
    base, said = (applied, T_START_APPLIED) if applied else (ctx.on, T_START_TODAY)
    earliest = add_months(month_start(base), GRANT_START_MONTHS_AFTER.at(ctx.on))

    def judge(d: date) -> bool:
        return d == month_start(d) and d >= earliest

    def show(d: date) -> str:
        note = "" if d == month_start(d) else ", not the 1st of a month"
        return f"starts {d.isoformat()}{note}"

    return per_employee(ctx, "grant_start", judge, show, said, earliest=earliest, base=base)


_EARLIEST = ("the earliest start is {earliest}, the 1st of the month after the application month "
             "({label} {base}); the approval may move it later")
_START_FIX = "start the grant on the 1st of a month, at the earliest {earliest}: {names}"
T_START_APPLIED = each_employee(_EARLIEST.replace("{label}", "project.application_date"),
                                fix=_START_FIX)
T_START_TODAY = each_employee(_EARLIEST.replace("{label}", "the evaluation date"),
                              fix=_START_FIX)


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

