"""Säker digitalisering: the grant arithmetic, once: at most 50 % of the total budget, never more
than the call's whole budget. Used by the scheme's amounts and by the budget check; and the
rules on the grant sought (SD13–SD15, registered in rules.py).

The amount applied for is the applicant's to choose: with no ``project.grant_sought`` the
amounts show the most the rules allow, as Prosessinnovasjon and Bedriftsnettverk read it, and the
three rules pass, saying so, once the total budget shows that an amount between the minimum
and the most exists; a budget whose most stays under the minimum fails SD13."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Amounts, Check, Ctx, Message, dated, missing
from grantcheck.money import Money, format_percent, min_money
from grantcheck.schemes.se_saker_digitalisering.derived import (
    figures,
    in_sek_or_converted,
    not_stated,
    rates,
    sek,
    unstated,
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

    # «Medfinansiering från den som ansöker om stöd ska uppgå till 50 procent av projektets
    # budget» (Medfinansiering): the budget the grant leaves, at least 50 %; for the grant
    # sought too
    return Amounts(grant, base - grant, form, basis, rate=share, cap=cap, cost_base=base,
                   cites=cites).for_sought(ctx)


# SD13 (registered in rules.py): the grant arithmetic's minimum
def minimum_application(ctx: Ctx) -> Check:
    """'Lägsta belopp för ansökan är 500 tkr', read as the grant sought. Without the grant
    sought, the total budget decides it: when its 50 % ('max 50 procent av projektets
    totalbudget') stays below the minimum no amount could reach it; otherwise an amount from the
    minimum to the most exists, the applicant's to choose (it passes, saying so)."""
    sought = ctx.value("project.grant_sought")
    floor, _ = sek(ctx, MIN_APPLICATION)
    if sought is None:
        stated = ctx.value("project.budget_total")
        budget = None if stated is None else ctx.money(stated)
        share = MAX_SHARE.at(ctx.on)
        if budget is None:  # the total budget settles it (the amounts need it too)
            return missing("project.budget_total")
        most = budget * share
        if most < floor:
            needed = floor * (1 / share)
            return T_MINIMUM_BY_BUDGET[ctx.currency != "SEK"].failed(
                budget=budget, share=format_percent(share), most=most.rounded(),
                needed=needed.rounded(), more=(needed - budget).rounded(),
                **figures(ctx, minimum=MIN_APPLICATION))
        cap, _ = sek(ctx, CALL_BUDGET)
        return T_MINIMUM_REACHED[ctx.currency != "SEK"].passed(
            budget=budget, share=format_percent(share), most=grant_for(budget, share, cap),
            **figures(ctx, minimum=MIN_APPLICATION))
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
T_MINIMUM_REACHED = in_sek_or_converted(
    "no grant sought stated: at most {share} of the total budget {budget} can be granted, "
    "{most} (at most the call's budget), so an amount of at least the minimum {minimum} "
    "('Lägsta belopp för ansökan') can be applied for{rates}", figures=("minimum",))
T_MINIMUM = in_sek_or_converted(
    "grant sought {grant}; minimum {minimum} ('Lägsta belopp för ansökan', read as the grant "
    "sought, so a total budget of at least {budget_floor} at {share}: derived){rates}",
    fix="the grant sought must reach {floor} ({more} more)", figures=("minimum",))


# SD14 (registered in rules.py)
def within_call_budget(ctx: Ctx) -> Check:
    """Derived: 'Max 10 mkr finns totalt till förfogande för utlysningen'. Without the grant
    sought, the amounts are held to it (:func:`grant_for`): it passes, saying so."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return T_NO_SOUGHT_CALL[ctx.currency != "SEK"].passed(**figures(ctx, call=CALL_BUDGET))
    cap, _ = sek(ctx, CALL_BUDGET)
    grant = ctx.money(sought)
    return T_CALL_BUDGET[ctx.currency != "SEK"].check(
        grant <= cap, grant=grant, cap=cap.floored(), less=(grant - cap).rounded(),
        **figures(ctx, call=CALL_BUDGET))


T_CALL_BUDGET = in_sek_or_converted(
    "grant sought {grant}; the whole call distributes at most {call}, so no single grant can "
    "exceed it (derived){rates}",
    fix="lower the grant sought to {cap} ({less} less)", figures=("call",))
T_NO_SOUGHT_CALL = in_sek_or_converted(
    "no grant sought stated: the amounts are held to the call's whole budget {call} (derived)"
    "{rates}", figures=("call",))


# SD15 (registered in rules.py)
def at_most_half(ctx: Ctx) -> Check:
    """'Tillväxtverket finansierar max 50 procent av projektets totalbudget.' Without the grant
    sought, the amounts show that most (it passes, saying so); without the total budget,
    unknown."""
    if ctx.value("project.grant_sought") is None:
        if ctx.value("project.budget_total") is None:
            return not_stated(["project.budget_total"])
        return T_NO_SOUGHT_HALF.passed(share=format_percent(MAX_SHARE.at(ctx.on)))
    if missing_fields := unstated(ctx, "project.budget_total"):
        return not_stated(missing_fields)
    grant = ctx.money(ctx.need("project.grant_sought"))
    budget = ctx.money(ctx.need("project.budget_total"))
    share = MAX_SHARE.at(ctx.on)
    ceiling = budget * share
    return T_AT_MOST_HALF.check(grant <= ceiling, grant=grant, budget=budget,
                                share=format_percent(share), ceiling=ceiling.floored(),
                                floor=ceiling.floored(), less=(grant - ceiling).rounded(),
                                needed=(grant * (1 / share)).rounded())


T_AT_MOST_HALF = Message("grant sought {grant} of total budget {budget}; at most {share} = "
                         "{ceiling}",
                         fix="lower the grant sought to {floor} ({less} less) or raise the total "
                         "budget to {needed}")
T_NO_SOUGHT_HALF = Message("no grant sought stated (project.grant_sought): the amounts show the "
                           "most, {share} of the total budget")
