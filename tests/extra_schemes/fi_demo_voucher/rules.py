"""The rules, in the order of the page, each beside its citation (FICTIONAL scheme)."""

from __future__ import annotations

from grantcheck.engine import Check, Ctx, Message, RuleBook
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
    return T_FINLAND.check(country == "FI", country=country)


T_FINLAND = Message("company.country = {country}; the voucher is for companies registered in "
                    "Finland", fix="only a company registered in Finland can apply")

rules.add("FDV01", "The company is registered in Finland", registered_in_finland,
          section=WHO, cites=[C_FINLAND], reads=["company.country"])


def fewer_employees(ctx: Ctx) -> Check:
    """'fewer than 50 full-time employees' until 2026, 'fewer than 100' from 2027."""
    fte, below = ctx.value("company.employees_fte"), ctx.param(STAFF_BELOW)
    return T_STAFF.check(fte < below, fte=fte, below=below, on=ctx.on)


T_STAFF = Message("{fte} full-time employees; fewer than {below} required on {on}",
                  fix="only a company with fewer than {below} full-time employees can apply")

rules.add("FDV02", "The company has fewer full-time employees than the page's limit",
          fewer_employees, section=WHO, cites=[C_STAFF_UNTIL_2026, C_STAFF_FROM_2027],
          requires=["company.employees_fte"])

# --- How much -------------------------------------------------------------------------------
MONEY = "How much"


def sought_within_voucher(ctx: Ctx) -> Check:
    """'The grant sought cannot be more than the voucher.'"""
    sought, v = ctx.money(ctx.value("project.grant_sought")), project_voucher(ctx)
    return T_SOUGHT.check(sought <= v.grant, sought=sought, grant=v.grant,
                          rate=format_percent(v.rate), costs=v.costs, cap=v.cap,
                          less=lambda: sought - v.grant)


T_SOUGHT = Message("grant sought {sought}; the voucher is {grant}: {rate} of {costs}, at most "
                   "{cap}", fix="lower the grant sought to {grant} ({less} less)")

rules.add("FDV03", "The grant sought is at most the voucher", sought_within_voucher,
          section=MONEY, cites=[C_SOUGHT, C_RATE_AND_CAP],
          requires=["project.grant_sought", "project.budget_total"])
