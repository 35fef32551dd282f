"""The voucher, computed once: the scheme's amounts, its rule FDV03 and its budget check all
use :func:`voucher` (FICTIONAL scheme)."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from grantcheck.engine import Amounts, Ctx, derived
from grantcheck.money import Money, format_percent
from grantcheck.schemes.fi_demo_voucher.page import C_ELIGIBLE, C_RATE_AND_CAP
from grantcheck.schemes.fi_demo_voucher.parameters import AID_RATE, CAP

OWN_FUNDING_FORM = "own funds (the page states no form)"
CITES = (C_RATE_AND_CAP, C_ELIGIBLE)


class Voucher(NamedTuple):
    costs: Money  # the eligible costs
    rate: Decimal
    cap: Money
    grant: Money
    capped: bool  # the cap, not the rate, gave the grant


def voucher(costs: Money, rate: Decimal, cap: Money) -> Voucher:
    """'50 % of the eligible costs, at most EUR 10 000': the rate's share floored to the cent,
    or the cap when that is lower."""
    by_rate = (costs * rate).floored()
    if cap < by_rate:
        return Voucher(costs, rate, cap, cap, True)
    return Voucher(costs, rate, cap, by_rate, False)


@derived
def project_voucher(ctx: Ctx) -> Voucher:
    """The voucher for the project's budget (read as its eligible costs), in the context's
    currency; the rule and the amounts that ask share one computation per profile."""
    costs = ctx.money(ctx.need("project.budget_total"))
    return voucher(costs, ctx.param(AID_RATE), ctx.param_money(CAP))


def amounts(ctx: Ctx) -> Amounts:
    """The voucher for the project's budget; without one, the cap and the rate alone. The
    basis is a function: it is formatted only when shown."""
    rate, cap = ctx.param(AID_RATE), ctx.param_money(CAP)
    if ctx.value("project.budget_total") is None:
        return Amounts(cap, None, OWN_FUNDING_FORM,
                       lambda: f"{format_percent(rate)} of the eligible costs, at most {cap}; "
                       "state project.budget_total to compute the voucher",
                       rate=rate, cap=cap, cites=CITES, missing=("project.budget_total",))
    v = project_voucher(ctx)
    return Amounts(v.grant, v.costs - v.grant, OWN_FUNDING_FORM,
                   lambda: f"{format_percent(rate)} of the eligible costs {v.costs}, at most "
                   f"{cap}: {v.grant} ({'the cap' if v.capped else 'the rate'} gives it)",
                   rate=rate, cap=cap, cost_base=v.costs, cites=CITES)
