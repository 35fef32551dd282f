"""Säker digitalisering: the grant arithmetic, once: at most 50 % of the total budget, never more
than the call's whole budget. Used by the scheme's amounts and by the budget check."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Amounts, Check, Ctx, dated, missing
from grantcheck.money import Money, format_percent, min_money
from grantcheck.schemes.se_saker_digitalisering.derived import (
    figures,
    in_sek_or_converted,
    rates,
    sek,
)
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_LAGSTA,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_MEDFINANSIERING,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    CALL_BUDGET,
    MAX_SHARE,
    MIN_APPLICATION,
)


def grant_for(base: Money, share: Decimal, cap: Money) -> Money:
    """Tillväxtverket's grant on a total budget ``base``: ``share`` of it, at most ``cap`` (the
    call's whole budget), floored to the öre. The amounts and the budget check both use it."""
    return min_money(base * share, cap).floored()


@dated
def _amounts_basis(ctx: Ctx) -> str:
    """What the amounts rest on, the same for every profile of a date and currency."""
    _, cap_text = sek(ctx, CALL_BUDGET)
    _, floor_text = sek(ctx, MIN_APPLICATION)
    return (f"Tillväxtverket finances at most {format_percent(MAX_SHARE.at(ctx.on))} of the "
            f"total budget; the call's whole budget {cap_text} bounds any grant (derived); "
            f"minimum application {floor_text} (read as the grant sought); a training add-on "
            f"lies inside the same co-financing; payment comes on reporting{rates(ctx)}")


def amounts(ctx: Ctx) -> Amounts:
    """At most 50 % of the total budget and never more than the call's SEK 10 million."""
    share = MAX_SHARE.at(ctx.on)
    cap, _ = sek(ctx, CALL_BUDGET)
    _, floor_text = sek(ctx, MIN_APPLICATION)
    form = "cash, from the applicant's organisation or an external actor"
    common = _amounts_basis(ctx)
    cites = (C_MAX_50_PROCENT, C_MAX_10_MKR, C_LAGSTA, C_MEDFINANSIERING)
    budget = ctx.value("project.budget_total")
    if budget is None:
        return Amounts(cap.floored(), None, form,
                       f"{common}; state project.budget_total to compute the grant",
                       rate=share, cap=cap, cites=cites, missing=("project.budget_total",))
    base = ctx.money(budget)
    by_rate = base * share
    grant = grant_for(base, share, cap)
    floor, _ = sek(ctx, MIN_APPLICATION)

    def basis() -> str:
        which = "the call's budget" if cap < by_rate else f"{format_percent(share)} of {base}"
        small = (f"; below the minimum application {floor_text}: the budget is too small"
                 if grant < floor else "")
        return f"{grant} = {which}; {common}{small}"

    return Amounts(grant, base - grant, form, basis, rate=share, cap=cap, cost_base=base,
                   cites=cites)


# SD13 (registered in rules.py): the grant arithmetic's minimum
def minimum_application(ctx: Ctx) -> Check:
    """'Lägsta belopp för ansökan är 500 tkr', read as the grant sought. Without the grant
    sought, a total budget whose 50 % ('max 50 procent av projektets totalbudget') stays
    below the minimum decides it: no grant sought could reach the minimum."""
    sought = ctx.value("project.grant_sought")
    floor, _ = sek(ctx, MIN_APPLICATION)
    if sought is None:
        stated = ctx.value("project.budget_total")
        budget = None if stated is None else ctx.money(stated)
        share = MAX_SHARE.at(ctx.on)
        if budget is not None and (most := budget * share) < floor:
            needed = floor * (1 / share)
            return T_MINIMUM_BY_BUDGET[ctx.currency != "SEK"].failed(
                budget=budget, share=format_percent(share), most=most.rounded(),
                needed=needed.rounded(), more=(needed - budget).rounded(),
                **figures(ctx, minimum=MIN_APPLICATION))
        return missing("project.grant_sought")
    grant = ctx.money(sought)
    budget_floor = MIN_APPLICATION.money(ctx.on) * (1 / MAX_SHARE.at(ctx.on))
    return T_MINIMUM[ctx.currency != "SEK"].check(
        grant >= floor, grant=grant, budget_floor=budget_floor,
        share=format_percent(MAX_SHARE.at(ctx.on)), floor=floor.rounded(),
        more=(floor - grant).rounded(), **figures(ctx, minimum=MIN_APPLICATION))


T_MINIMUM_BY_BUDGET = in_sek_or_converted(
    "no grant sought stated, but at most {share} of the total budget {budget} = {most} can be "
    "granted, below the minimum {minimum} ('Lägsta belopp för ansökan'){rates}",
    fix="raise the total budget to at least {needed} ({more} more)",
    figures=("minimum",))
T_MINIMUM = in_sek_or_converted(
    "grant sought {grant}; minimum {minimum} ('Lägsta belopp för ansökan', read as the grant "
    "sought, so a total budget of at least {budget_floor} at {share}: derived){rates}",
    fix="the grant sought must reach {floor} ({more} more)", figures=("minimum",))
