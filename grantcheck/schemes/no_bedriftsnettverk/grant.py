"""Bedriftsnettverk: the grant arithmetic, once: per project year at most 50 % of the year's
eligible costs and at most NOK 750,000. Used by the amounts and the budget check."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Amounts, Ctx, Text, dated, template
from grantcheck.money import Money, format_percent, min_money
from grantcheck.named import NamedTuple
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_EGENFINANSIERING,
    C_MAKS_50,
    C_STOTTEBELOP,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_GRANT_PER_YEAR,
    MAX_GRANT_YEARS,
    MAX_PUBLIC_SHARE,
    MIN_OWN_SHARE,
    OWN_FUNDING_FORM,
)


@dated
def cap_converted(ctx: Ctx) -> tuple[Money, Money, str]:
    """NOK 750,000 in the company's currency, in NOK, and the rates that convert it ('' when
    the company states NOK): the same for every profile of a batch, so made once."""
    cap = MAX_GRANT_PER_YEAR.money(ctx.on)
    cur = ctx.currency
    if cur == cap.currency:
        return cap, cap, ""
    return ctx.convert(cap, cur).floored(), cap, ctx.fx.describe_conversion(cap.currency, cur)


@dated
def grant_cap(ctx: Ctx) -> tuple[Money, str]:
    """NOK 750,000 in the company's currency, with a sentence on the rate used (if any): the
    same for every profile of a batch, so made once (the amounts state it)."""
    cap, nok, rates = cap_converted(ctx)
    return cap, f" ({nok} converted at {rates})" if rates else ""


def year_caps(cap: Money, rate: Decimal, base: Money, public: Money | None = None,
              where: str = "") -> list[tuple[Money, Text]]:
    """The caps on a project year's grant of ``rate`` × ``base`` (the year's eligible costs),
    each with why: ``cap`` (NOK 750,000) per project year, and with other public support the
    50 % of the costs minus that support (the public support is at most 50 %). The amounts and
    the budget check (its grant part per year) both take them."""
    caps: list[tuple[Money, Text]] = [(cap, template("{cap} per project year", cap=cap))]
    if public is not None and public.amount > 0:
        share = base * rate
        caps.append((share - public, template(
            "{percent} of the eligible costs ({share}) minus other public support {public}"
            "{where}", percent=format_percent(rate), share=share.rounded(), public=public,
            where=where)))
    return caps


def year_grant(base: Money, rate: Decimal, caps: list[tuple[Money, Text]]) -> Money:
    """``rate`` × ``base``, at most every cap (not rounded)."""
    return min_money(base * rate, *(c for c, _ in caps))


AMOUNTS_CITES = (C_STOTTEBELOP, C_MAKS_50, C_EGENFINANSIERING)


class _Terms(NamedTuple):
    """What every basis states that depends only on the date and the cap."""

    percent: str  # the public share, "50 %"
    without_budget: str  # the whole basis when the budget is not stated
    after_share: str  # what follows the share of the budget


@dated
def _terms(ctx: Ctx) -> _Terms:
    """The texts every basis states: the same for every profile of a date, currency and rates
    (made once)."""
    on = ctx.on
    cap, rate_note = grant_cap(ctx)
    rate = MAX_PUBLIC_SHARE.at(on)
    years = MAX_GRANT_YEARS.at(on)
    nok_cap = MAX_GRANT_PER_YEAR.money(on)
    total = (
        f"up to {years} project years, so at most {nok_cap * years} in all (derived "
        f"arithmetic, {years} × {nok_cap}, not stated on the page)"
    )
    return _Terms(
        format_percent(rate),
        f"per project year: at most {format_percent(rate)} of the year's eligible costs and at "
        f"most {cap}{rate_note}; {total}. State project.budget_total (the eligible costs of the "
        "year applied for) for the figure",
        f", at most {cap} per project year{rate_note}; own financing is the rest, at least "
        f"{format_percent(MIN_OWN_SHARE.at(on))}; {total}",
    )


def amounts(ctx: Ctx) -> Amounts:
    """Per yearly application: min(50 % of the year's eligible costs, NOK 750,000)."""
    rate = MAX_PUBLIC_SHARE.at(ctx.on)
    cap, _ = grant_cap(ctx)
    terms = _terms(ctx)
    total_cost = ctx.profile.project.budget_total
    if total_cost is None:
        return Amounts(
            max_grant=cap, own_funding=None, own_funding_form=OWN_FUNDING_FORM,
            basis=terms.without_budget, rate=rate, cap=cap, cites=AMOUNTS_CITES,
            missing=("project.budget_total",),
        )
    budget = ctx.money(total_cost)
    share = budget * rate
    grant = year_grant(budget, rate, year_caps(cap, rate, budget)).floored()
    # «Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert
    # kapitalbehov i prosjektet, minus det som finansieres av offentlige tilskudd» (Krav til
    # egenfinansiering): the participants fund the year's costs less the grant, the one sought too
    return Amounts(
        max_grant=grant, own_funding=budget - grant, own_funding_form=OWN_FUNDING_FORM,
        basis=lambda: f"{terms.percent} of the year's eligible costs {budget} = "
        f"{share.rounded()}{terms.after_share}",
        rate=rate, cap=cap, cost_base=budget, cites=AMOUNTS_CITES,
    ).for_sought(ctx)

