"""The rules, in the order of the page, each beside its citation (FICTIONAL scheme)."""

from __future__ import annotations

from grantcheck.engine import Check, Ctx, RuleBook, check, failed, passed, template
from grantcheck.money import format_percent
from grantcheck.schemes.fi_demo_voucher.grant import project_voucher
from grantcheck.schemes.fi_demo_voucher.page import (
    C_FINLAND,
    C_RATE_AND_CAP,
    C_SOUGHT,
    C_STAFF_FROM_2027,
    C_STAFF_UNTIL_2026,
)
from grantcheck.schemes.fi_demo_voucher.parameters import STAFF_BELOW

rules = RuleBook()

# --- Who can apply --------------------------------------------------------------------------
WHO = "Who can apply"


def registered_in_finland(ctx: Ctx) -> Check:
    """'The voucher is for companies registered in Finland.'"""
    country = ctx.profile.company.country
    return check(country == "FI",
                 template("company.country = {country}; the voucher is for companies "
                          "registered in Finland", country=country),
                 "only a company registered in Finland can apply")


rules.add("FDV01", "The company is registered in Finland", registered_in_finland,
          section=WHO, cites=[C_FINLAND], reads=["company.country"])


def fewer_employees(ctx: Ctx) -> Check:
    """'fewer than 50 full-time employees' until 2026, 'fewer than 100' from 2027."""
    fte, below = ctx.value("company.employees_fte"), ctx.param(STAFF_BELOW)
    message = template("{fte} full-time employees; fewer than {below} required on {on}",
                       fte=fte, below=below, on=ctx.on)
    if fte < below:
        return passed(message)
    return failed(message, f"only a company with fewer than {below} full-time employees can apply")


rules.add("FDV02", "The company has fewer full-time employees than the page's limit",
          fewer_employees, section=WHO, cites=[C_STAFF_UNTIL_2026, C_STAFF_FROM_2027],
          requires=["company.employees_fte"])

# --- How much -------------------------------------------------------------------------------
MONEY = "How much"


def sought_within_voucher(ctx: Ctx) -> Check:
    """'The grant sought cannot be more than the voucher.'"""
    sought, v = ctx.money(ctx.value("project.grant_sought")), project_voucher(ctx)
    message = template("grant sought {sought}; the voucher is {grant}: {rate} of {costs}, at "
                       "most {cap}", sought=sought, grant=v.grant, rate=format_percent(v.rate),
                       costs=v.costs, cap=v.cap)
    if sought <= v.grant:
        return passed(message)
    return failed(message, f"lower the grant sought to {v.grant} ({sought - v.grant} less)")


rules.add("FDV03", "The grant sought is at most the voucher", sought_within_voucher,
          section=MONEY, cites=[C_SOUGHT, C_RATE_AND_CAP],
          requires=["project.grant_sought", "project.budget_total"])
