"""Innobooster People's cost rules (Innovationsfonden, COVID-19 call), for ``grantcheck budget``.

Encoded, from the page (version 3, 2020-07-03; quotes beside each citation):
- nothing but the salary subsidy is covered ("Der kan ikke via bevillingen dækkes andre udgifter
  end løntilskuddet"): only ``salary`` lines count, every other category is not eligible;
- a salary line per named employee (``employee``, ``monthly_salary``, ``months``); the line's
  cost is ``monthly_salary`` × ``months`` (or ``amount``, the salary cost of those months);
  ``months`` left out is the scheme's 12 months, and the reason says so;
- the subsidy runs 12 months: a line of more months counts for 12 (partly eligible), and the
  months of one employee's lines are counted in line order up to 12 together;
- per employee: months × min(DKK 30,000, 75 % × monthly salary cost), floored to 0.01 (75 % and
  DKK 30,000 a month are two caps; the monthly salary where they meet is DKK 40,000);
- at most DKK 1,080,000 per company ("Maks. 1.080.000 kr. pr. virksomhed");
- 1–3 named funded employees; one salary line per employee; all of them cover the same period;
  owners (at least 5 %) cannot be funded: their lines are not eligible;
- the grant period starts at the earliest on the 1st of the month after the approval
  ("Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen er
  godkendt"; IPB09, with IP25's earliest start from :mod:`.derived`; "tidligst" bounds the
  start, it does not ask for a 1st), and a stated end closes the funded months (IPB10); both in
  :mod:`.budget_period`.

The grant, as parts: one part per funded employee (in the order of their first line), each
``capped_part(base = the employee's counted salary cost, 75 %, [months × DKK 30,000, what is left
of DKK 1,080,000 after the parts before it])``. So the company cap binds on the last parts
when it binds at all, and the parts always add up to the capped total. With 1–3 employees and
at most 12 months each the cap cannot bind (3 × 12 × DKK 30,000 = DKK 1,080,000, derived
arithmetic); it binds only in a budget that breaks IPB02.

Own funding: the salary cost of the funded months less the grant; "the company pays the rest of
the salaries". Other public money may not cover these salaries ("Disse lønudgifter må ikke være
dækket fra andre støtteordninger … eller andre offentlige løntilskud"), so only own or private
financing covers the own funding (IPB08).

Readings chosen:
- A line with ``amount`` and ``monthly_salary`` must agree (amount = monthly_salary × months);
  when they do not, the line is unknown naming its amount (no guess which one is right). A line
  with ``amount`` only has the monthly salary amount / months.
- With a profile, a line's employee must be in ``employees`` (names compared ignoring case and
  spacing); one who is not makes the line unknown naming ``employees``. An employee whose
  ``owner_percent`` is not stated is counted, and IPB05 is unknown naming the field. Without a
  profile the owner check (IPB05) is unknown.
- The same period: the same number of funded months and, where given, the same start (a line's
  ``start``, else ``budget.start``).
- Funded months other than 12 are a warning (IPB06): the page speaks only of 12 months.
- The grant start (IPB09): each funded employee's first start (a line's ``start``, else
  ``budget.start``). The approval comes on ``budget.application_date`` (else the profile's
  ``project.application_date``) at the earliest, so a start before the 1st of the month after the
  application month fails whatever the approval date; a later start, on a 1st or on another
  day, is allowed only by an approval in an earlier month: it passes or fails by
  ``budget.approval_date`` and is unknown, naming it, without it. No date is assumed: without
  the application date, nothing bounds the approval (the evaluation date is not taken for it,
  unlike IP25, which reads a profile without one as an application not yet made).
- The length is the lines' ``months``; a stated end (a line's ``end``, else ``budget.end``) must
  be the last day of those months from the start (IPB10): when they disagree the budget is
  unknown, naming the end, as a line whose amount and monthly salary disagree (no guess which is
  right). No end stated is fine: the page speaks of 12 months, not of an end date.

Deliberately not encoded here (the scheme's IP rules decide them from the profile): full time,
higher education, employed at application or re-hired, no new hires, the other full-time
employees, one grant per company.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    LineResult,
    grant_sought_check,
    name_key,
    reasons,
)
from grantcheck.budget.model import Category, Source
from grantcheck.engine import Check, Kind, check, failed, info, passed, unknown
from grantcheck.money import format_amount
from grantcheck.schemes.dk_innobooster_people.budget_lines import (
    OWNER,
    classify,
    grant_parts,
    months_of,
    profile_employee,
)
from grantcheck.schemes.dk_innobooster_people.budget_period import ends_check, starts_check
from grantcheck.schemes.dk_innobooster_people.grant import OWN_FUNDING_FORM
from grantcheck.schemes.dk_innobooster_people.page import (
    C_CAP,
    C_EMPLOYEES,
    C_NAMED,
    C_ONE_GRANT,
    C_ONLY_SALARY,
    C_OTHER_FUNDING,
    C_OWNER_DEF,
    C_OWNERS,
    C_RATE,
    C_SAME_PERIOD,
    C_START,
    C_SUBSIDY,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CAP,
    FUNDED_MAX,
    FUNDED_MIN,
    GRANT_START_MONTHS_AFTER,
    OWNER_MIN_PERCENT,
    PAGE_VERSION,
    SALARY_RATE,
    SUBSIDY_MONTHS,
    SUBSIDY_PER_MONTH,
)
from grantcheck.schemes.dk_innobooster_people.scheme import SCHEME

# --- rules ----------------------------------------------------------------------------------

book = BudgetBook()


def _salary_lines(bctx: BudgetCtx) -> list[LineResult]:
    return [lr for lr in bctx.lines if lr.line.category is Category.SALARY]


def _employees(bctx: BudgetCtx) -> dict[str, list[LineResult]]:
    """The funded employees' salary lines (owners' lines left out), by name, in line order."""
    out: dict[str, list[LineResult]] = {}
    for lr in _salary_lines(bctx):
        if lr.group != OWNER:
            out.setdefault(name_key(lr.line.employee or ""), []).append(lr)
    return out


def _name(lines: Sequence[LineResult]) -> str:
    return lines[0].line.employee or ""


@book.budget_rule("IPB01", "Only salaries are budgeted", cites=[C_ONLY_SALARY],
                  reads=["budget.lines"])
def only_salaries(bctx: BudgetCtx) -> Check:
    """'Der kan ikke via bevillingen dækkes andre udgifter end løntilskuddet.'"""
    bad = [lr for lr in bctx.lines if lr.line.category is not Category.SALARY]
    if bad:
        shown = "; ".join(f"{lr.label}, {lr.line.category.value}" for lr in bad)
        return failed(f"{len(bad)} line(s), {bctx.total(bad, eligible=False)}, are not "
                      f"salaries: {shown}",
                      "remove them from the budget: the grant covers nothing but the salary "
                      "subsidy (the company carries other costs outside it)")
    return passed(f"{len(bctx.lines)} salary line(s), nothing else")


@book.budget_rule("IPB02", "One to three named employees are funded",
                  cites=[C_EMPLOYEES, C_NAMED, C_SUBSIDY], reads=["budget.lines[].employee"])
def one_to_three(bctx: BudgetCtx) -> Check:
    """'til 1-3 fuldtidsansatte udviklingsmedarbejdere'; 'Bevilling kan kun søges til navngivne
    medarbejdere'. Owners, who cannot be funded (IPB05), are not counted."""
    emps = _employees(bctx)
    low, high = FUNDED_MIN.at(bctx.on), FUNDED_MAX.at(bctx.on)
    names = ", ".join(_name(v) for v in emps.values()) or "none"
    message = f"{len(emps)} funded employee(s) on salary lines ({names}); {low}–{high} required"
    if len(emps) < low:
        return failed(message, f"add a salary line for at least {low} named employee (not an "
                      "owner)")
    if len(emps) > high:
        return failed(message, f"fund at most {high} employees ({len(emps) - high} fewer)")
    return passed(message)


@book.budget_rule("IPB03", "One salary line per funded employee", cites=[C_NAMED, C_SUBSIDY],
                  reads=["budget.lines[].employee"])
def one_line_each(bctx: BudgetCtx) -> Check:
    """Each named employee's salary is one line: the subsidy is per employee and month."""
    twice = {k: v for k, v in _employees(bctx).items() if len(v) > 1}
    if twice:
        named = "; ".join(f"{_name(v)} on lines {', '.join(str(lr.index + 1) for lr in v)}"
                          for v in twice.values())
        return failed(f"more than one salary line for an employee: {named} (their months count "
                      f"together, at most {SUBSIDY_MONTHS.at(bctx.on)})",
                      "merge each employee's salary into one line (monthly_salary and months)")
    return passed(f"one salary line for each of {len(_employees(bctx))} employee(s)")


def _period(bctx: BudgetCtx, lines: Sequence[LineResult]) -> tuple[int, date | None]:
    """An employee's months (stated, at most 12 together) and first start (line, else budget)."""
    months = min(sum(months_of(bctx, lr) for lr in lines), SUBSIDY_MONTHS.at(bctx.on))
    starts = [lr.line.start for lr in lines if lr.line.start is not None]
    return months, min(starts) if starts else bctx.budget.start


@book.budget_rule("IPB04", "All funded employees cover the same period", cites=[C_SAME_PERIOD],
                  reads=["budget.lines[].months", "budget.lines[].start", "budget.start"])
def same_period(bctx: BudgetCtx) -> Check:
    """'Søges der om flere personer, skal løntilskuddene dække den samme periode.'"""
    emps = _employees(bctx)
    if len(emps) < 2:
        return passed(f"{len(emps)} funded employee(s): nothing to compare")
    periods = {k: _period(bctx, v) for k, v in emps.items()}
    shown = "; ".join(
        f"{_name(emps[k])}: {m} months" + (f" from {s.isoformat()}" if s else "")
        for k, (m, s) in periods.items())
    months = {m for m, _ in periods.values()}
    starts = {s for _, s in periods.values()}
    if len(months) > 1 or len(starts - {None}) > 1:
        return failed(shown, "give every funded employee the same months and the same start")
    if None in starts and len(starts) > 1:
        missing = [f"{lr.path}.start" for k, (_, s) in periods.items() if s is None
                   for lr in emps[k][:1]]
        return unknown(f"{shown}; not every funded employee's start is given", *missing,
                       fix="give every salary line the same start (or only budget.start)")
    return passed(f"{shown}: the same period")


@book.budget_rule("IPB05", "No owner is funded", cites=[C_OWNERS, C_OWNER_DEF],
                  reads=["employees", "employees[].name", "employees[].owner_percent"])
def no_owner(bctx: BudgetCtx) -> Check:
    """'Der kan ikke søges løntilskud til ejere'; 'Med ejer forstås en person, der ejer mindst 5%
    af virksomheden.'"""
    lines = _salary_lines(bctx)
    owner_min = format_amount(OWNER_MIN_PERCENT.at(bctx.on))
    if not lines:
        return passed("no salary lines")
    owners = [lr for lr in lines if lr.group == OWNER]
    if owners:
        return failed(reasons(owners), "remove the owners' salary lines: owners (at least "
                      f"{owner_min} %) cannot be funded")
    if not bctx.has_profile:
        names = list(dict.fromkeys(lr.line.employee or "" for lr in lines))
        verb = "owns" if len(names) == 1 else "each own"
        return unknown(f"whether {', '.join(names)} {verb} less than {owner_min} % of the company "
                       "needs the profile's employees (owner_percent)", "employees",
                       fix="check the budget inside the company's profile, with owner_percent "
                       "for each funded employee")
    missing: list[str] = []
    parts: list[str] = []
    for lr in lines:
        found = profile_employee(bctx, lr.line.employee or "")
        if found is None:
            missing.append("employees")
            parts.append(f"{lr.line.employee}: not in the profile's employees")
            continue
        i, emp = found
        if emp.owner_percent is None:
            missing.append(f"employees[{i}].owner_percent")
            parts.append(f"{emp.name}: ownership not stated")
        else:
            parts.append(f"{emp.name}: owns {format_amount(emp.owner_percent)} %")
    message = "; ".join(dict.fromkeys(parts)) + f" (owners hold at least {owner_min} %)"
    if missing:
        return unknown(message, *dict.fromkeys(missing))
    return passed(message)


@book.budget_rule("IPB06", "The subsidy covers 12 months", cites=[C_SUBSIDY], kind=Kind.SOFT,
                  reads=["budget.lines[].months"])
def twelvemonths_of(bctx: BudgetCtx) -> Check:
    """'Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder i 12 måneder'."""
    limit = SUBSIDY_MONTHS.at(bctx.on)
    emps = _employees(bctx)
    stated = {k: sum(months_of(bctx, lr) for lr in v) for k, v in emps.items()}
    odd = {k: m for k, m in stated.items() if m != limit}
    if not odd:
        return passed(f"{len(emps)} funded employee(s), {limit} months each")
    shown = "; ".join(f"{_name(emps[k])}: {m} months" for k, m in odd.items())
    return failed(f"{shown}; the page speaks of a subsidy for {limit} months (months beyond "
                  f"{limit} are carried by the company, fewer months give a smaller grant)",
                  f"budget {limit} months for each funded employee")


@book.budget_rule("IPB07", "The grant sought fits what the budget allows",
                  cites=[C_SUBSIDY, C_RATE, C_CAP, C_ONE_GRANT], reads=["budget.grant_sought"])
def grant_sought(bctx: BudgetCtx) -> Check:
    """At most months × min(DKK 30,000, 75 % of the monthly salary) per employee, and at most
    DKK 1,080,000 per company."""
    _grant_encoded(bctx)
    return grant_sought_check(bctx)


def _grant_encoded(bctx: BudgetCtx) -> None:
    """NotEncoded (the rule unknown) on a date the grant's figures do not cover: no grant, and
    no own funding against it, is said then (never a grant of DKK 0)."""
    PAGE_VERSION.at(bctx.on)
    CAP.at(bctx.on)


@book.budget_rule("IPB08", "The company pays the rest of the salaries itself",
                  cites=[C_RATE, C_OTHER_FUNDING], reads=["budget.financing"])
def rest_of_salaries(bctx: BudgetCtx) -> Check:
    """'Der kan max. søges om medfinansiering … på 75% af lønudgifterne'; the rest may not come
    from 'andre støtteordninger indført som følge af COVID-19 eller andre offentlige
    løntilskud'."""
    _grant_encoded(bctx)
    required = bctx.total() - bctx.grant
    financing = bctx.budget.financing
    if financing is None:
        return info(f"own funding required {required}: the salary cost of the funded months "
                    f"{bctx.total()} less the grant {bctx.grant}; {OWN_FUNDING_FORM}")
    private = bctx.in_scheme_currency(sum((f.amount for f in financing
                                           if f.source is not Source.PUBLIC), Decimal(0)))
    public = bctx.in_scheme_currency(sum((f.amount for f in financing
                                          if f.source is Source.PUBLIC), Decimal(0)))
    message = (f"own and private financing {private}; the rest of the salaries {required} "
               f"(salary cost {bctx.total()} less the grant {bctx.grant})")
    if public.amount:
        message += (f"; other public financing {public} may not cover these salaries (no other "
                    "COVID-19 scheme or public wage subsidy)")
    return check(private >= required, message,
                 f"add {required - private} of the company's own financing")


@book.budget_rule("IPB09", "The grant period starts no earlier than the 1st of the month after "
                  "the approval", cites=[C_START],
                  reads=["budget.lines[].start", "budget.start", "budget.approval_date",
                         "budget.application_date", "project.application_date"])
def grant_start(bctx: BudgetCtx) -> Check:
    """'Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen
    er godkendt.': "tidligst" sets the earliest start, the 1st of the month after the approval
    (:func:`.derived.earliest_start`, as IP25 computes it); the page does not say the period
    must begin on a 1st, so a later start on another day is allowed. The approval comes on the
    application date at the earliest, so a start before the 1st of the month after the
    application month fails whenever the approval comes; a later start is allowed only by an
    approval in an earlier month than its own, so without ``budget.approval_date`` it is
    unknown."""
    GRANT_START_MONTHS_AFTER.at(bctx.on)  # unknown (not encoded) before page version 3
    emps = _employees(bctx)
    if not emps:
        return passed("no funded employees: no grant period")
    return starts_check(bctx, [(_name(v), _period(bctx, v)[1]) for v in emps.values()])


@book.budget_rule("IPB10", "A stated end is the end of the funded months", cites=[C_SUBSIDY],
                  reads=["budget.lines[].end", "budget.end", "budget.lines[].start",
                         "budget.start", "budget.lines[].months"])
def period_end(bctx: BudgetCtx) -> Check:
    """'Løntilskud … i 12 måneder': the months are counted from the lines' ``months``, so a
    stated end (a line's ``end``, else ``budget.end``) must close those months."""
    emps = _employees(bctx)
    periods = []
    for lines in emps.values():
        ends = [(lr.line.end, f"{lr.path}.end") for lr in lines if lr.line.end is not None]
        end, field = max(ends) if ends else (bctx.budget.end, "budget.end")
        periods.append((_name(lines), sum(months_of(bctx, lr) for lr in lines),
                        _period(bctx, lines)[1], end, field))
    return ends_check(periods)


CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=classify,
    grant=grant_parts,
    rules=tuple(book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="only salary lines count (a named employee's monthly salary cost, for at most "
    "12 months: the subsidy is min(DKK 30,000, 75 %) a month); every other category is not "
    "eligible",
    parameters=(PAGE_VERSION, SUBSIDY_PER_MONTH, SUBSIDY_MONTHS, SALARY_RATE, CAP, FUNDED_MIN,
                FUNDED_MAX, OWNER_MIN_PERCENT, GRANT_START_MONTHS_AFTER),
    hours_rate=None,
    notes=(
        "The subsidy is months × min(DKK 30,000, 75 % × the monthly salary cost) per funded "
        "employee, for 12 months, at most DKK 1,080,000 per company (= 3 × 12 × DKK 30,000, "
        "derived arithmetic); the company pays the rest of the salaries.",
        "A salary line without months is counted for the scheme's 12 months.",
        "Rules of page version 3 (2020-07-03); evaluation dates before that are not encoded.",
    ),
)
