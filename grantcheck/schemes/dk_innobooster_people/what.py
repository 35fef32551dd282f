"""Innobooster People's rules for "Hvad kan der søges til?" (what the grant is for): IP12–IP18.

The funded employees (``profile.employees``): 1–3, named, full time, a higher education,
development work, employed at application or dismissed after 1 March 2020 and re-hired, no new
hires. The grant's other terms (IP19–IP26: one grant per company, the other employees, no
owners, the salary, the grant period and its start, no other public funding) are in
:mod:`.what_terms`.
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
from grantcheck.law.dates import last_day_or_later
from grantcheck.money import format_amount
from grantcheck.profile import Employee
from grantcheck.schemes.dk_innobooster_people.derived import (
    NO_EMPLOYEES,
    each_employee,
    earliest_start,
    first_application,
    flag,
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
    C_FULL_TIME,
    C_KEEP,
    C_NAMED,
    C_NEW_HIRES,
    C_NEW_HIRES_2,
    C_REHIRE,
    C_REHIRE_CONTRACT,
    S_EMPLOYEES,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    DISMISSED_AFTER,
    FULL_TIME_HOURS,
    FUNDED_MAX,
    FUNDED_MIN,
    SUBSIDY_MONTHS,
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
            cites=[C_EMPLOYED, C_DISMISSED, C_REHIRE, C_DISMISSED_FOOTNOTE, C_REHIRE_CONTRACT,
                   C_KEEP],
            reads=["employees[].employed_at_application", "employees[].dismissed_on",
                   "employees[].rehire_contract", "employees[].grant_start",
                   "project.application_date"])
def employed_or_rehired(ctx: Ctx) -> Check:
    """'ansat i virksomheden på ansøgningstidspunktet, eller som er afskediget efter 1. marts
    2020'; the re-hire contract must exist at the latest when the grant period starts ('senest
    ved bevillingsperiodens start'): ``rehire_contract`` is read on the evaluation date, and a
    grant period whose start is not stated may have begun once the 1st of the month after the
    application month has passed (IP25). An application date left out is the evaluation date's
    or earlier (as PO13 and SD16 read it). 'er blevet afskediget': a re-hired employee was
    dismissed by the application, so a dismissal after it, of someone not employed at it, is a
    contradiction (unknown, naming ``dismissed_on``); 'at fastholde … i en periode på 12
    måneder': an employee employed at application and dismissed on or after it is kept only if
    the dismissal comes on the grant period's last day or later."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    if not emps:
        return passed("no funded employees listed (employees = []; see IP12)")
    after = DISMISSED_AFTER.at(ctx.on)
    applied = ctx.profile.project.application_date
    sent = applied or ctx.on  # the latest day the application can have been sent
    said = "the application date" if applied else "the evaluation date (no application date)"
    parts: list[str] = []
    bad: list[str] = []
    late: list[str] = []  # re-hired without a contract by the grant start
    gone: list[str] = []  # employed at application, dismissed before the 12 months end
    missing: list[str] = []
    for i, e in enumerate(emps):
        d = e.dismissed_on
        if e.employed_at_application is None:
            parts.append(f"{e.name}: not stated whether employed at application")
            missing.append(f"employees[{i}].employed_at_application")
        elif e.employed_at_application:
            if d is None or d < first_application(ctx):
                parts.append(f"{e.name}: employed at application"
                             + ("" if d is None else f" (dismissed {d}, before it)"))
                continue
            text, kept, fields = _kept(ctx, e, i, applied)
            parts.append(f"{e.name}: employed at application, {text}")
            missing += fields
            if kept is False:
                gone.append(e.name)
        elif d is None:
            parts.append(f"{e.name}: not employed at application, dismissal date not stated")
            missing.append(f"employees[{i}].dismissed_on")
        elif d > sent:  # «er blevet afskediget»: dismissed by the application
            parts.append(f"{e.name}: not employed at application, yet dismissed {d}, after "
                         f"{said} {sent}: someone dismissed after the application was employed "
                         "at it")
            missing.append(f"employees[{i}].dismissed_on")
        elif d > after:
            # «senest ved bevillingsperiodens start»: without a contract once the grant period
            # has begun (a grant_start before the evaluation date), too late. A grant_start not
            # stated is a bound, not "not begun": the period can start on the 1st of the month
            # after the application month (IP25), so after that day it may have begun
            applied_from = applied or max(first_application(ctx), d)
            begun = _begun(ctx, e.grant_start, applied_from)
            if e.rehire_contract:
                contract = "contract held"
            elif begun is False:
                contract = "contract needed by the grant start"
            elif begun is None:
                no = "no contract" if e.rehire_contract is False else "contract not stated"
                first = earliest_start(ctx.on, applied_from)
                contract = (f"{no}, and the grant period may have begun: its start is not "
                            f"stated, and it can start from {first}")
                missing += [f"employees[{i}].{f}" for f, v in (
                    ("rehire_contract", e.rehire_contract), ("grant_start", None)) if v is None]
                missing += [] if applied else ["project.application_date"]
            elif e.rehire_contract is False:
                contract = f"no contract, and the grant period began {e.grant_start}"
                late.append(e.name)
            else:
                contract = (f"contract not stated, and the grant period began "
                            f"{e.grant_start}")
                missing.append(f"employees[{i}].rehire_contract")
            parts.append(f"{e.name}: dismissed {d.isoformat()}, re-hired ({contract})")
        else:
            parts.append(f"{e.name}: dismissed {d.isoformat()}, not after "
                         f"{after.isoformat()}")
            bad.append(e.name)
    employees = partial("; ".join, parts)
    if bad:
        return T_NOT_EMPLOYED.failed(employees=employees, after=after, names=", ".join(bad))
    if late:
        return T_NO_CONTRACT.failed(employees=employees, names=", ".join(late))
    if gone:
        return T_NOT_KEPT.failed(employees=employees, names=", ".join(gone))
    if missing:
        return T_EMPLOYED.unknown(*dict.fromkeys(missing), employees=employees)
    return T_EMPLOYED.passed(employees=employees)


def _kept(ctx: Ctx, e: Employee, i: int, applied: date | None
          ) -> tuple[str, bool | None, list[str]]:
    """Whether an employee employed at application and dismissed on ``e.dismissed_on`` (on or
    after the first day the application can have been sent) is kept for the grant period
    («fastholde … i en periode på 12 måneder»): the dismissal on its last day or later. Its
    words, True/False (None: not settled) and the fields that settle it."""
    d = e.dismissed_on
    assert d is not None
    if applied is None and d < ctx.on:  # before an application sent on the evaluation date,
        return (f"dismissed {d}: before or after the application, whose date is not stated",
                None, ["project.application_date"])  # or after an earlier one
    months = SUBSIDY_MONTHS.at(ctx.on)
    start = e.grant_start or earliest_start(ctx.on, first_application(ctx))
    last = last_day_or_later(start, months)
    within = isinstance(last, str) or d < last
    if e.grant_start is None and not within:
        return (f"dismissed {d}, on or after the application; the {months} months end on "
                f"{last} at the earliest (grant_start not stated)", None,
                [f"employees[{i}].grant_start"])
    held = "from" if e.grant_start else "from the earliest start,"
    if within:
        return (f"dismissed {d}, before the {months} months {held} {start} end on {last}",
                False, [])
    return f"dismissed {d}, after the {months} months from {start} (to {last})", True, []


def _begun(ctx: Ctx, start: date | None, applied: date) -> bool | None:
    """Whether a grant period starting on ``start`` has begun before the evaluation date; for a
    start not stated, False while the earliest start (the 1st of the month after ``applied``'s
    month, the first day the application can have been sent) is not before the evaluation
    date, else None (it may have)."""
    if start is not None:
        return start < ctx.on
    return None if earliest_start(ctx.on, applied) < ctx.on else False


T_EMPLOYED = Message("{employees}")
T_NOT_EMPLOYED = Message("{employees}", fix="only employees employed at application or dismissed "
                         "after {after} can be funded: {names}")
T_NO_CONTRACT = Message("{employees}", fix="a re-hired employee needs an employment contract at "
                        "the latest when the grant period starts: {names}")
T_NOT_KEPT = Message("{employees}", fix="the subsidy keeps («fastholde») each funded employee for "
                     "the whole grant period: fund only employees employed to its last day: "
                     "{names}")


@rules.rule("IP17", "Re-hired employees were dismissed because of COVID-19",
            section=S_EMPLOYEES, kind=Kind.DECLARATION, cites=[C_DISMISSED],
            reads=["employees[].employed_at_application", "employees[].dismissed_due_to_covid"])
def dismissed_due_to_covid(ctx: Ctx) -> Check:
    """'afskediget efter 1. marts 2020 som følge af COVID 19 situationen'. A dismissal declared
    due to COVID-19 holds whether or not the employee was employed at application (nothing to
    declare then): ``employed_at_application`` left out does not leave it open."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        if e.employed_at_application is None and e.dismissed_due_to_covid:
            parts.append(f"{e.name}: dismissed_due_to_covid = true (employment at application "
                         "not stated: it holds either way)")
        elif e.employed_at_application is None:
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
