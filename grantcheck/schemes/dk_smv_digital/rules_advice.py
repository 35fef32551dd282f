"""SMV:Digital: SMV33–SMV34, what the two smaller vouchers pay for: advice. They stand after each
voucher's size conditions (:mod:`.rules`) and before the up-to-DKK 250,000 voucher's own
(:mod:`.rules_project`)."""

from __future__ import annotations

from collections.abc import Callable

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    Missing,
    RuleBook,
    because,
    missing,
)
from grantcheck.schemes.dk_smv_digital.grant import (
    T25,
    T100,
    _grant,
    _Voucher,
    per_voucher,
)
from grantcheck.schemes.dk_smv_digital.page import (
    C_ADVISOR_WORK,
    C_COFINANCING,
    C_COFINANCING_EXAMPLE,
    C_COFINANCING_RATES,
    C_INVESTMENT_PAYMENT,
    C_PRIVATE_ADVICE,
)
from grantcheck.schemes.dk_smv_digital.sections import S_TIERS
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity

rules = RuleBook()

# The DKK 25,000 and DKK 100,000 vouchers pay for advice ("rådgivning", 50 % own financing, a
# DKK 100,000 voucher matched by DKK 100,000); investment support is paid only with the up-to-DKK
# 250,000 voucher ("støtten til investeringen inkl. rådgivning"). A project without advice gets
# nothing from them: it does not fit them (not "fits" with DKK 0).
_ADVICE_ACTIVITIES = (SmvActivity.POTENTIAL_CLARIFICATION, SmvActivity.IMPLEMENTATION)
_NO_ADVICE_WHY = because("whether the project has advice (potential_clarification or "
                         "implementation), the part this voucher pays for; or state "
                         "project.budget_total and project.investment_cost")


def _may(ctx: Ctx) -> str:
    """'' where the profile says own hours are booked, 'may ' where it does not say."""
    return "" if ctx.profile.project.own_hours else "may "


def _advice_part(v: _Voucher) -> Callable[[Ctx], Check]:
    no_advice, no_advice_listed = T_NO_ADVICE[v.id], T_NO_ADVICE_LISTED[v.id]
    none_bought = T_NO_ADVICE_BOUGHT[v.id]

    def fn(ctx: Ctx) -> Check:
        if ctx.value("project.budget_total") is not None:
            try:
                g = _grant(ctx, v)
            except Missing:  # the investment part not stated: the activities may still say
                g = None
            if g is not None:
                if g.advice.amount <= 0:
                    return no_advice.failed(budget=g.budget, investment=g.investment)
                if g.bought is None:  # own hours of an unstated cost: all of the advice, or none
                    return T_ADVICE_HOURS_OPEN.unknown("project.own_hours_cost", advice=g.advice,
                                                       budget=g.budget, investment=g.investment,
                                                       may=_may(ctx))
                if g.bought.amount <= 0:  # all of it own hours
                    return none_bought.failed(advice=g.advice, hours=g.advice - g.bought)
                return T_ADVICE_BOUGHT.passed(advice=g.advice, budget=g.budget,
                                              investment=g.investment, bought=g.bought)
        activities = ctx.value("project.activities")
        if activities is None:
            return missing("project.activities", why=_NO_ADVICE_WHY)
        advice = [a for a in _ADVICE_ACTIVITIES if a in activities]
        if not advice:
            return no_advice_listed.failed(activities=", ".join(activities) or "none")
        listed = ", ".join(advice)
        p = ctx.profile.project
        if p.own_hours is False or p.own_hours_cost == 0:  # the advice is all bought
            return T_ADVICE_LISTED.passed(activities=listed)
        if p.own_hours_cost is None:
            return T_ADVICE_LISTED_HOURS_OPEN.unknown("project.own_hours_cost",
                                                      activities=listed, may=_may(ctx))
        # the advice part of the budget unknown (no budget_total, or its investment part)
        lacks = "project.investment_cost" if p.budget_total is not None else "project.budget_total"
        return T_ADVICE_LISTED_HOURS.unknown(lacks, activities=listed,
                                             hours=ctx.money(p.own_hours_cost))

    fn.__doc__ = (f"The {v.name} voucher pays for advice at 50 %; investments only with the "
                  "up-to-DKK 250,000 voucher.")
    return fn


_ADVICE_ONLY = (" the {voucher} voucher pays for advice (rådgivning, 50 %), and only the up-to-"
                "DKK 250,000 voucher supports investments")
_ADVICE_FIX = ("apply for the up-to-DKK 250,000 voucher (investment support), or add a potential "
               "clarification or an implementation with an approved advisor")
_ADVICE_COSTS = "advice costs {advice} = budget {budget} − investment {investment}"
T_ADVICE_BOUGHT = Message(_ADVICE_COSTS + ", of which {bought} bought (not own hours): the "
                          "voucher pays 50 % of the advice costs, at most the advice bought")
# «kontant betaling, egne afholdte timer eller et mix af disse»: the page leaves the mix to the
# company, so own hours of an unstated cost may be any part of the advice, all of it included
# (which buys none): a bound, never read as 0.
_HOURS_OPEN = (": own hours {may}co-finance the project at a cost not stated, and advice that is "
               "all own hours buys none for the voucher to pay for")
T_ADVICE_HOURS_OPEN = Message(_ADVICE_COSTS + _HOURS_OPEN)
T_NO_ADVICE = per_voucher("budget {budget} − investment {investment} leaves no advice costs:"
                          + _ADVICE_ONLY, fix=_ADVICE_FIX)
# «afholdte egne timer» co-finance the advice; the voucher is «tilskud til privat rådgivning»,
# given by an approved advisor («Kun godkendte rådgivere … må udføre rådgivningsopgaver») and
# paid on «Kopi af faktura fra rådgiver»: advice that is all own hours buys none.
T_NO_ADVICE_BOUGHT = per_voucher(
    "advice costs {advice} are all own hours (project.own_hours_cost {hours}): no advice is bought "
    "from an advisor, and the {voucher} voucher is a grant for the advice bought (own hours "
    "co-finance it)",
    fix="buy the advice from an approved advisor (the voucher pays up to 50 % of the advice "
    "costs, and at most the advice bought)")
T_ADVICE_LISTED = Message("project.activities include {activities}: advice, which the voucher "
                          "pays for")
T_ADVICE_LISTED_HOURS_OPEN = Message("project.activities include {activities}: advice"
                                     + _HOURS_OPEN + " (0 if no own hours)")
T_ADVICE_LISTED_HOURS = Message("project.activities include {activities}: advice, with own hours "
                                "of {hours}; without the advice part of the budget "
                                "(project.budget_total − project.investment_cost) the advice "
                                "costs may be no more than the own hours, which buys none for "
                                "the voucher to pay for")
T_NO_ADVICE_LISTED = per_voucher("project.activities ({activities}) include no potential "
                                 "clarification or implementation:" + _ADVICE_ONLY,
                                 fix=_ADVICE_FIX)

_ADVICE_CITES = [C_COFINANCING_RATES, C_COFINANCING_EXAMPLE, C_INVESTMENT_PAYMENT, C_ADVISOR_WORK,
                 C_PRIVATE_ADVICE, C_COFINANCING]
rules.add("SMV33", "The project has advice costs, which the DKK 25,000 voucher pays for",
          _advice_part(T25), kind=Kind.HARD, section=S_TIERS,
          cites=_ADVICE_CITES,
          reads=["project.budget_total", "project.investment_cost", "project.activities",
                 "project.own_hours", "project.own_hours_cost"],
          tier=T25.id)
rules.add("SMV34", "The project has advice costs, which the DKK 100,000 voucher pays for",
          _advice_part(T100), kind=Kind.HARD, section=S_TIERS,
          cites=_ADVICE_CITES,
          reads=["project.budget_total", "project.investment_cost", "project.activities",
                 "project.own_hours", "project.own_hours_cost"],
          tier=T100.id)
