"""Innobooster People's grant arithmetic, once: the scheme's amounts and the budget checker both
use it.

Per funded employee, a month's subsidy is min(DKK 30,000, 75 % × the monthly salary cost) ("Der
kan max. søges om medfinansiering fra Innovationsfonden på 75% af lønudgifterne til hver enkelt
medarbejder"; "Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder i 12 måneder"); the two
caps meet at a monthly salary of DKK 40,000. The grant is 12 such months per employee, at most
DKK 1,080,000 per company, floored to the øre; the company pays the rest of the salaries.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from grantcheck.engine import Amounts, Ctx
from grantcheck.money import Money, format_percent, min_money
from grantcheck.schemes.dk_innobooster_people.derived import in_dkk
from grantcheck.schemes.dk_innobooster_people.page import (
    C_CAP,
    C_ONE_GRANT,
    C_ONLY_SALARY,
    C_RATE,
    C_SUBSIDY,
)
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CAP,
    FUNDED_MAX,
    SALARY_RATE,
    SUBSIDY_MONTHS,
    SUBSIDY_PER_MONTH,
)

OWN_FUNDING_FORM = "salary (the company pays the rest of the funded salaries)"
AMOUNT_CITES = (C_SUBSIDY, C_RATE, C_CAP, C_ONE_GRANT, C_ONLY_SALARY)


def monthly_subsidy(per_month: Money, monthly_salary: Money, rate: Decimal) -> Money:
    """One funded employee's subsidy for a month: min(``per_month``, ``rate`` × the monthly
    salary cost)."""
    return min_money(per_month, monthly_salary * rate)


def company_grant(subsidy: Money, cap: Money) -> Money:
    """The grant of the company: its employees' subsidies together, at most ``cap``, floored."""
    return min_money(subsidy, cap).floored()


def amounts(ctx: Ctx) -> Amounts:
    """12 × min(DKK 30,000, 75 % × monthly salary) per funded employee, at most DKK 1,080,000."""
    per_month = SUBSIDY_PER_MONTH.money(ctx.on)
    months = SUBSIDY_MONTHS.at(ctx.on)
    rate = SALARY_RATE.at(ctx.on)
    cap = CAP.money(ctx.on)
    most = FUNDED_MAX.at(ctx.on)
    emps = ctx.profile.employees
    if emps is None:
        return Amounts(
            cap, None, OWN_FUNDING_FORM,
            lambda: f"without the funded employees' monthly salaries: the cap of {cap} per "
            f"company (stated on the page; it equals {most} employees × {months} months × "
            f"{per_month}, derived arithmetic); the subsidy is at most {format_percent(rate)} of "
            f"each salary cost and {per_month} a month per employee, nothing but salary is "
            "covered",
            rate=rate, cap=cap, cites=AMOUNT_CITES, missing=("employees",))
    missing = tuple(f"employees[{i}].monthly_salary"
                    for i, e in enumerate(emps) if e.monthly_salary is None)
    if missing:  # listed: each at most a full subsidy, the rest known
        return _without_salaries(ctx, emps, missing, per_month, months, rate, cap)
    base = Money.zero("DKK")
    subsidy = Money.zero("DKK")
    each: list[tuple[str, Money, Money]] = []  # name, salary, monthly subsidy
    for e in emps:
        assert e.monthly_salary is not None
        salary = in_dkk(ctx, e.monthly_salary)
        monthly = monthly_subsidy(per_month, salary, rate)
        base = base + salary * months
        subsidy = subsidy + monthly * months
        each.append((e.name, salary, monthly))
    grant = company_grant(subsidy, cap)

    def basis() -> str:
        # the grant first, as the answer states it, then its parts: "grant DKK 702,000 = Freja
        # Holm: 12 × min(…) = DKK 360,000 + Mads Iversen: …" (match shows this first clause)
        lines = [f"{name}: {months} × min({per_month}, {format_percent(rate)} × "
                 f"{salary.rounded()}) = {(monthly * months).rounded()}"
                 for name, salary, monthly in each]
        parts = " + ".join(lines) if lines else "no funded employees listed"
        total = f" = {subsidy.rounded()}" if len(lines) > 1 else ""
        grant_is = (f"grant {grant} = {parts}, at most {cap} per company" if subsidy <= cap
                    else f"grant {grant}, capped at {cap} per company: {parts}{total}")
        return (f"{grant_is}; cost base {months} months of the funded salaries, "
                f"{base.rounded()}; the company pays the rest; nothing but salary is covered")

    # «Der kan max. søges om medfinansiering fra Innovationsfonden på 75% af lønudgifterne»:
    # the company pays the rest of the funded salaries (derived), of a smaller grant sought too
    return Amounts(grant, base - grant, OWN_FUNDING_FORM, basis, rate=rate, cap=cap,
                   cost_base=base, cites=AMOUNT_CITES).for_sought(ctx)


def _without_salaries(ctx: Ctx, emps: list[Any], missing: tuple[str, ...], per_month: Money,
                      months: int, rate: Decimal, cap: Money) -> Amounts:
    """The most the listed employees can get while some salaries are not stated: 12 × DKK
    30,000 for each of those (the most a month's subsidy can be), 12 × min(DKK 30,000, 75 % ×
    salary) for the others, at most the company's cap (``amounts``' parameters, in force on
    the date). The own funding needs the salaries."""
    subsidy = Money.zero("DKK")
    for e in emps:
        monthly = per_month if e.monthly_salary is None else monthly_subsidy(
            per_month, in_dkk(ctx, e.monthly_salary), rate)
        subsidy = subsidy + monthly * months
    grant = company_grant(subsidy, cap)
    unstated = len(missing)

    def basis() -> str:
        capped = f", capped at {cap} per company" if subsidy > cap else ""
        return (f"at most {grant}: the monthly salary of {unstated} of the {len(emps)} funded "
                f"employees is not stated, each such employee counted at the most a month's "
                f"subsidy can be, {months} × {per_month}{capped}; the subsidy is at most "
                f"{format_percent(rate)} "
                f"of each salary cost and {per_month} a month per employee, nothing but salary "
                "is covered")

    return Amounts(grant, None, OWN_FUNDING_FORM, basis, rate=rate, cap=cap,
                   cites=AMOUNT_CITES, missing=missing)
