"""Innobooster People's budget lines and grant, for :mod:`.budget`: each line classified (only
salary lines count, owners' lines do not), a salary line's funded months (per employee, in line
order, up to 12 together) and the grant as one capped part per funded employee (the monthly
subsidy from :mod:`.grant`)."""

from __future__ import annotations

from collections.abc import Sequence

from grantcheck.budget.core import (
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    capped_part,
    name_key,
)
from grantcheck.budget.model import Category
from grantcheck.money import Money, format_amount, format_percent
from grantcheck.parameters import NotEncoded
from grantcheck.profile import Employee
from grantcheck.schemes.dk_innobooster_people.grant import monthly_subsidy
from grantcheck.schemes.dk_innobooster_people.page import (
    C_CAP,
    C_NAMED,
    C_ONLY_SALARY,
    C_OWNER_DEF,
    C_OWNERS,
    C_RATE,
    C_SUBSIDY,
    C_VERSION,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CAP,
    OWNER_MIN_PERCENT,
    PAGE_VERSION,
    SALARY_RATE,
    SUBSIDY_MONTHS,
    SUBSIDY_PER_MONTH,
)

SALARY = "salary"  # group of a counted salary line
OWNER = "owner"  # group of a salary line of an owner (not eligible)


def months_of(bctx: BudgetCtx, lr: LineResult) -> int:
    """The months a salary line runs: stated, else the scheme's 12."""
    months = lr.line.months
    return months if months is not None else SUBSIDY_MONTHS.at(bctx.on)


def allotments(bctx: BudgetCtx, lines: Sequence[LineResult]) -> dict[int, int]:
    """Funded months of each counted salary line: per employee, in line order, up to 12."""
    limit = SUBSIDY_MONTHS.at(bctx.on)
    used: dict[str, int] = {}
    out: dict[int, int] = {}
    for lr in lines:
        if lr.line.category is not Category.SALARY or not lr.counted or not lr.line.employee:
            continue
        key = name_key(lr.line.employee)
        funded = min(months_of(bctx, lr), max(limit - used.get(key, 0), 0))
        used[key] = used.get(key, 0) + funded
        out[lr.index] = funded
    return out


def profile_employee(bctx: BudgetCtx, name: str) -> tuple[int, Employee] | None:
    for i, e in enumerate(bctx.profile.employees or []):
        if name_key(e.name) == name_key(name):
            return i, e
    return None


# --- lines ----------------------------------------------------------------------------------


def classify(bctx: BudgetCtx, lr: LineResult) -> None:
    try:
        PAGE_VERSION.at(bctx.on)
        if lr.line.category is not Category.SALARY:
            cat = lr.line.category.value.replace("_", " ")
            lr.set(LineStatus.INELIGIBLE, f"{cat}: the grant covers nothing but the salary "
                   "subsidy of the named employees", C_ONLY_SALARY, group="not eligible")
            return
        salary_line(bctx, lr)
    except NotEncoded as e:
        lr.set(LineStatus.UNKNOWN, str(e), C_VERSION)


def salary_line(bctx: BudgetCtx, lr: LineResult) -> None:
    ln = lr.line
    assert ln.employee
    name = ln.employee
    limit = SUBSIDY_MONTHS.at(bctx.on)
    months = months_of(bctx, lr)
    said = "" if ln.months is not None else f" (months not stated: the scheme's {limit} months)"
    if lr.amount is None:
        assert ln.monthly_salary is not None
        lr.amount = bctx.in_scheme_currency(ln.monthly_salary * months)
        lr.amount_basis = f"{months} months × {format_amount(ln.monthly_salary)}"
    elif (ln.amount is not None and ln.monthly_salary is not None
          and ln.monthly_salary * months != ln.amount):
        lr.set(LineStatus.UNKNOWN,
               f"{name}: amount {format_amount(ln.amount)} is not monthly_salary × months = "
               f"{format_amount(ln.monthly_salary * months)}{said}: give one, or make them agree",
               C_SUBSIDY, group=SALARY, missing=(f"{lr.path}.amount",))
        return
    amount = lr.amount
    if bctx.has_profile:
        found = profile_employee(bctx, name)
        if found is None:
            lr.set(LineStatus.UNKNOWN,
                   f"{name} is not among the profile's employees: list every funded employee "
                   "under [[employees]] (with owner_percent), or check the spelling", C_NAMED,
                   C_OWNERS, group=SALARY, missing=("employees",))
            return
        i, emp = found
        owner_min = OWNER_MIN_PERCENT.at(bctx.on)
        if emp.owner_percent is not None and emp.owner_percent >= owner_min:
            lr.set(LineStatus.INELIGIBLE,
                   f"{name} owns {format_amount(emp.owner_percent)} % (employees[{i}]."
                   f"owner_percent; an owner holds at least {format_amount(owner_min)} %): "
                   "owners cannot be funded", C_OWNERS, C_OWNER_DEF, group=OWNER)
            return
    allot = allotments(bctx, bctx.lines)  # the lines before this one
    before = sum(allot.get(other.index, 0) for other in bctx.lines
                 if name_key(other.line.employee or "") == name_key(name))
    funded = min(months, max(limit - before, 0))
    monthly = Money(amount.amount / months, amount.currency)
    per_month = monthly_subsidy(bctx.param(SUBSIDY_PER_MONTH), monthly,
                                SALARY_RATE.at(bctx.on))
    earlier = f"; {before} months of {name} are on earlier lines" if before else ""
    cites = (C_SUBSIDY, C_RATE)
    if funded == 0:
        lr.set(LineStatus.INELIGIBLE, f"{name}: {months} months{said}, but the subsidy covers "
               f"{limit} months{earlier}: none of this line counts", *cites, group=SALARY)
        return
    basis = (f"{name}: {months} months{said} at {monthly.rounded()} a month; subsidy "
             f"min({bctx.param(SUBSIDY_PER_MONTH)}, {format_percent(SALARY_RATE.at(bctx.on))} "
             f"× {monthly.rounded()}) = {per_month.floored()} a month")
    if funded == months:
        lr.set(LineStatus.ELIGIBLE, f"{basis}{earlier}", *cites, group=SALARY)
        return
    part = Money(amount.amount * funded / months, amount.currency).rounded()
    lr.set(LineStatus.PARTLY, f"{basis}; the subsidy covers {limit} months{earlier}: {funded} "
           f"months count ({part} of {amount})", *cites, eligible=part, group=SALARY)


# --- the grant ------------------------------------------------------------------------------


def funded(bctx: BudgetCtx) -> list[tuple[str, Money, int]]:
    """Per funded employee (order of first line): name, counted salary cost, funded months."""
    allot = allotments(bctx, bctx.lines)
    out: dict[str, tuple[str, Money, int]] = {}
    for lr in bctx.lines:
        if lr.index not in allot:
            continue
        name = lr.line.employee or ""
        shown, base, months = out.get(name_key(name), (name, Money.zero(bctx.currency), 0))
        out[name_key(name)] = (shown, base + lr.eligible, months + allot[lr.index])
    return list(out.values())


def grant_parts(bctx: BudgetCtx) -> list[GrantPart]:
    """The grant, one part per funded employee; NotEncoded on a date the grant's figures do not
    cover (before page version 3, after GBER), which the budget reports as its grant not
    computed (never a grant of DKK 0)."""
    PAGE_VERSION.at(bctx.on)
    rate = SALARY_RATE.at(bctx.on)
    per_month = bctx.param(SUBSIDY_PER_MONTH)
    cap = bctx.param(CAP)
    parts: list[GrantPart] = []
    given = Money.zero(bctx.currency)
    for name, base, months in funded(bctx):
        left = f", {cap - given} left after the employees above" if given.amount else ""
        part = capped_part(
            f"salary subsidy, {name}", base, rate,
            [(per_month * months, f"{per_month} a month × {months} months"),
             (cap - given, f"{cap} per company{left}")],
            C_SUBSIDY, C_RATE, C_CAP)
        parts.append(part)
        given += part.grant
    return parts
