"""Prosess- og organisasjonsinnovasjon's grant arithmetic, once: the scheme's amounts, its rules
PO09 and PO10, and the budget checker all use it.

The page names no amount. The most aid is GBER art. 29(4)'s intensity times the eligible costs,
floored to the øre: at most 50 % for an SME, 15 % for a large enterprise (which the page admits
only by exception, "kun unntaksvis"), and at most the notification threshold of art. 4(1)(l)
(EUR 7.5 million per undertaking per project): GBER "shall not apply to aid which exceeds" it,
so aid above it is not the GBER-29 financing the page offers ("knyttet til GBER 29"). The page
states no cap of its own; `match`'s amounts and `budget`'s grant both stop at the threshold.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.engine import Amounts, Ctx, Unsettled, dated, text_of
from grantcheck.law import sme
from grantcheck.money import Money, format_percent, min_money
from grantcheck.schemes.no_prosessinnovasjon.derived import threshold, threshold_converted
from grantcheck.schemes.no_prosessinnovasjon.page import (
    C_KOSTNADER,
    C_SMB,
    EU_4_1_L,
    EU_29_2,
    EU_29_4,
)
from grantcheck.schemes.no_prosessinnovasjon.parameters import LARGE_INTENSITY, SME_INTENSITY

# The page names no form of own funding; own hours are an eligible cost ("Egne timer/
# personalkostnader"), so the company funds its share in cash or in its own hours.
OWN_FUNDING_FORM = "own funds: cash or own hours (the page states no form)"
AMOUNTS_CITES = (EU_29_4, EU_4_1_L, C_KOSTNADER)


def intensity(on: date, is_sme: bool) -> Decimal:
    """GBER art. 29(4): the most aid, as a share of the eligible costs, for an SME or for a
    large enterprise (NotEncoded outside GBER's period)."""
    return (SME_INTENSITY if is_sme else LARGE_INTENSITY).at(on)


def grant_for(costs: Money, rate: Decimal) -> Money:
    """What the intensity allows: ``rate`` × the eligible costs, floored to the øre (the page
    states no cap)."""
    return (costs * rate).floored()


def max_aid(costs: Money, rate: Decimal, limit: Money) -> Money:
    """The most aid under GBER art. 29: what the intensity allows, at most the notification
    threshold ``limit`` (art. 4(1)(l): GBER does not apply to aid above it)."""
    return min_money(grant_for(costs, rate), limit)


def applicant_intensity(ctx: Ctx) -> tuple[Decimal, sme.SmeStatus]:
    """The intensity for the applicant's size, and the size it rests on (the SME status is
    decided once per profile, by :func:`grantcheck.law.sme.company_status`)."""
    status = sme.company_status(ctx)
    return intensity(ctx.on, status.is_sme), status


@dated  # the same few texts for every profile: made once per size, date and rate
def _terms(ctx: Ctx, is_sme: bool, public: bool = False) -> tuple[str, str]:
    """The rate as a percentage, and the terms every basis states (``public``: not an SME
    because of public bodies, which is said rather than "a large enterprise")."""
    rate = intensity(ctx.on, is_sme)
    _, limit_text = threshold(ctx)
    who = "an SME" if is_sme else _NOT_SME if public else "a large enterprise, only under the "\
        "exception"
    common = (f"aid intensity at most {format_percent(rate)} for {who} (GBER art. 29(4), not "
              f"from the page); the page states no cap; aid above the notification threshold "
              f"{limit_text} per undertaking per project must be notified (GBER art. 4(1)(l))")
    return format_percent(rate), common


def amounts(ctx: Ctx) -> Amounts:
    """GBER art. 29(4) rate × the eligible costs, at most the art. 4(1)(l) notification
    threshold; the page states no cap. While the figures leave the size open, the grant is not
    stated: the basis gives its range, from the large enterprise's rate to the SME's, and names
    the facts that settle it."""
    try:
        rate, status = applicant_intensity(ctx)
    except Unsettled as u:
        return _open_amounts(ctx, u)
    budget = ctx.profile.project.budget_total
    if not status.is_sme and _exception_refused(ctx):
        return _no_aid(ctx, budget, bool(status.public))
    percent, common = _terms(ctx, status.is_sme, bool(status.public))
    if budget is None:
        return Amounts(None, None, OWN_FUNDING_FORM,
                       f"{common}; state project.budget_total to compute the grant",
                       rate=rate, cites=AMOUNTS_CITES, missing=("project.budget_total",))
    base = ctx.money(budget)
    limit = threshold_converted(ctx)[0]
    by_rate = grant_for(base, rate)
    # the page states no own funding: the company funds the eligible costs the grant leaves,
    # for the grant it seeks too (derived)
    if by_rate <= limit:
        return Amounts(by_rate, base - by_rate, OWN_FUNDING_FORM,
                       lambda: f"{percent} × eligible costs {base} = {by_rate} (derived); "
                       f"{common}", rate=rate, cap=limit, cost_base=base,
                       cites=AMOUNTS_CITES).for_sought(ctx)
    return Amounts(limit, base - limit, OWN_FUNDING_FORM,
                   lambda: f"{percent} × eligible costs {base} = {by_rate}, above the "
                   f"notification threshold, so at most {limit} (derived; GBER art. 4(1)(l): "
                   f"GBER does not apply to aid above it); {common}",
                   rate=rate, cap=limit, cost_base=base, cites=AMOUNTS_CITES).for_sought(ctx)


def _exception_refused(ctx: Ctx) -> bool:
    """The profile declares that the exception for large enterprises does not apply."""
    return ctx.value("declarations.large_enterprise_exception") is False


_NOT_SME = ("an applicant that public bodies' control makes no SME (Rec. 2003/361/EC, Annex art. "
            "3(4)), a large enterprise for GBER (art. 2(24)), only under the exception")
NO_AID = ("no aid: a large enterprise the exception is declared not to cover "
          "(declarations.large_enterprise_exception = false); the scheme «gjelder kun unntaksvis "
          "for store bedrifter»")
NO_AID_PUBLIC = ("no aid: public bodies' control makes it no SME (Rec. 2003/361/EC, Annex art. "
                 "3(4)), and the exception for large enterprises (GBER art. 2(24): any "
                 "undertaking that is not an SME) is declared not to cover it "
                 "(declarations.large_enterprise_exception = false); the scheme «gjelder kun "
                 "unntaksvis for store bedrifter»")
NO_AID_CITES = (C_SMB, EU_29_2)


def _no_aid(ctx: Ctx, budget: Decimal | None, public: bool = False) -> Amounts:
    """A large enterprise outside the exception: no grant, and the company funds every eligible
    cost (the budget's grant part says the same: "no aid")."""
    words = NO_AID_PUBLIC if public else NO_AID
    if budget is None:
        return Amounts(Money.zero(ctx.currency), None, OWN_FUNDING_FORM, words, rate=Decimal(0),
                       cites=NO_AID_CITES, missing=("project.budget_total",))
    base = ctx.money(budget)
    return Amounts(Money.zero(base.currency), base, OWN_FUNDING_FORM, words, rate=Decimal(0),
                   cost_base=base, cites=NO_AID_CITES)


def _open_amounts(ctx: Ctx, u: Unsettled) -> Amounts:
    """The amounts of a company whose size the facts leave open: unknown, with their range."""
    low, high = intensity(ctx.on, False), intensity(ctx.on, True)
    span = f"{format_percent(low)} (a large enterprise, by exception) to {format_percent(high)} "\
           "(an SME)"
    why = u.why  # not the exception itself: its traceback would keep the context alive
    budget = ctx.profile.project.budget_total
    if _exception_refused(ctx):  # a large enterprise would get none: nothing to 50 %
        return _open_refused(ctx, u, high, budget)
    if budget is not None:
        base, limit = ctx.money(budget), threshold_converted(ctx)[0]
        if grant_for(base, low) >= limit:  # every size gives the threshold: decided by bounds
            def capped() -> str:
                return (f"{span} of eligible costs {base}, at least {grant_for(base, low)}, so "
                        f"at most the notification threshold {limit} whatever the size "
                        f"(derived; GBER art. 4(1)(l): GBER does not apply to aid above it); "
                        f"the size is open: {text_of(why)}")
            return Amounts(limit, base - limit, OWN_FUNDING_FORM, capped, cap=limit,
                           cost_base=base, cites=AMOUNTS_CITES).for_sought(ctx)
        least, most = max_aid(base, low, limit), max_aid(base, high, limit)
        span += f" of eligible costs {base}: {least} to {most}"
        if grant_for(base, high) > limit:
            span += f" (at most the notification threshold {limit}, GBER art. 4(1)(l))"

    def basis() -> str:
        return f"the grant is {span}, by the size, which is open: {text_of(why)}"

    if budget is None:
        return Amounts(None, None, OWN_FUNDING_FORM, basis, cites=AMOUNTS_CITES,
                       missing=u.fields)
    return Amounts(None, None, OWN_FUNDING_FORM, basis, cost_base=base, cites=AMOUNTS_CITES,
                   missing=u.fields, span=(least, most)).for_sought(ctx)


def _open_refused(ctx: Ctx, u: Unsettled, rate: Decimal, budget: Decimal | None) -> Amounts:
    """The amounts of a company whose size is open and which declares the exception for large
    enterprises not to apply: the SME's grant, or none."""
    why = u.why
    sme_grant = ""
    cites = (*AMOUNTS_CITES, *NO_AID_CITES)
    if budget is not None:
        base, limit = ctx.money(budget), threshold_converted(ctx)[0]
        most = max_aid(base, rate, limit)
        sme_grant = f" of eligible costs {base} = {most}"

    def basis() -> str:
        return (f"the grant is {format_percent(rate)} (an SME){sme_grant}, or none for a large "
                f"enterprise, which the exception is declared not to cover; the size is open: "
                f"{text_of(why)}")

    if budget is None:
        return Amounts(None, None, OWN_FUNDING_FORM, basis, cites=cites, missing=u.fields)
    return Amounts(None, None, OWN_FUNDING_FORM, basis, cost_base=base, cites=cites,
                   missing=u.fields, span=(Money.zero(base.currency), most)).for_sought(ctx)
