"""The SME definition's investors whose holding makes no partner (Recommendation 2003/361/EC,
Annex art. 3(2), second subparagraph), and no public control either (art. 3(4): "Except in the
cases set out in paragraph 2, second subparagraph"): read by :mod:`grantcheck.law.sme`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.citations import SME_RECOMMENDATION, eu
from grantcheck.engine import Ctx
from grantcheck.facts import Range, high, is_range, low
from grantcheck.parameters import Parameter

IN_FORCE = date(2005, 1, 1)  # the Recommendation applies from 1 January 2005 (art. 9)

# Annex art. 3(2), second subparagraph: investors whose holding makes no partner
SME_ART3_2 = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph",
                "an enterprise may be ranked as autonomous, and thus as not having any partner "
                "enterprises, even if this 25 % threshold is reached or exceeded by the following "
                "investors",
                note="public investment corporations, venture capital companies, business "
                "angels, universities, institutional investors, small local authorities; not "
                "when linked; art. 3(4) excepts them from public control too")
_ART3_2_A = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph, point (a)",
               "provided the total investment of those business angels in the same enterprise is "
               "less than EUR 1 250 000")
_ART3_2_D = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph, point (d)",
               "autonomous local authorities with an annual budget of less than EUR 10 million "
               "and less than 5 000 inhabitants")
ANGELS_BELOW = Parameter("sme_business_angels_investment_below", "EUR",
                         {IN_FORCE: Decimal(1_250_000)}, _ART3_2_A,
                         note="business angels' total investment in the enterprise, below which "
                         "their holding makes no partner")
AUTHORITY_BUDGET_BELOW = Parameter("sme_local_authority_budget_below", "EUR",
                                   {IN_FORCE: Decimal(10_000_000)}, _ART3_2_D)
AUTHORITY_INHABITANTS_BELOW = Parameter("sme_local_authority_inhabitants_below", "persons",
                                        {IN_FORCE: Decimal(5_000)}, _ART3_2_D)


INVESTOR_WORDS = {
    "public_investment_corporation": "a public investment corporation",
    "venture_capital": "a venture capital company",
    "business_angels": "business angels",
    "university": "a university or non-profit research centre",
    "institutional_investor": "an institutional investor",
    "local_authority": "a local authority",
}


def _below(value: Any, limit: Any) -> bool | None:
    """value < limit, or None when the bounds of ``value`` leave it open."""
    if high(value) < limit:
        return True
    if low(value) >= limit:
        return False
    return None


def investor_exempt(ctx: Ctx, r: Any, prefix: str, held: Any, majority: Decimal
                    ) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the related enterprise ``r``, holding ``held`` % (over ``majority`` it is
    linked, art. 3(3)(a)), is an investor of Annex art.
    3(2), second subparagraph, whose holding makes no partner (and, art. 3(4), no public
    control): a partner, not linked (no majority), of one of the four kinds; business angels
    only while their total investment is below EUR 1,250,000, a local authority only with an
    annual budget below EUR 10 million and fewer than 5,000 inhabitants. None, with the facts
    that would settle it, while those facts leave it open (a figure not stated: 0 and up).
    Investors linked to each other whose joint holding is a majority are linked "jointly": the
    profile says so by ``relation = "linked"``."""
    if r.investor is None or r.relation != "partner":
        return False, ()
    if low(held) > majority:
        return False, ()
    if high(held) > majority:
        return None, held.facts
    if r.investor == "business_angels":
        path = f"{prefix}.investment"
        below = _below(_amount(ctx, r.investment, path), ctx.param_money(ANGELS_BELOW))
        return below, () if below is not None else (path,)
    if r.investor == "local_authority":
        budget_path, people_path = f"{prefix}.annual_budget", f"{prefix}.inhabitants"
        budget = _below(_amount(ctx, r.annual_budget, budget_path),
                        ctx.param_money(AUTHORITY_BUDGET_BELOW))
        people = _below(ctx.figure(r.inhabitants, people_path),
                        AUTHORITY_INHABITANTS_BELOW.at(ctx.on))
        if budget is False or people is False:
            return False, ()
        if budget and people:
            return True, ()
        return None, tuple(p for p, v in ((budget_path, budget), (people_path, people))
                           if v is None)
    return True, ()


def investor_share(share: Any, exempt: bool | None, facts: tuple[str, ...]) -> Any:
    """The part of a partner's figures that adds, once art. 3(2)'s investors add nothing: 0 for
    one, ``share`` for any other, and from 0 to ``share`` while ``facts`` leave it open."""
    if exempt is None:
        return Range(Decimal(0), high(share), (*(share.facts if is_range(share) else ()),
                                               *facts))
    return Decimal(0) if exempt else share


def _amount(ctx: Ctx, value: Any, path: str) -> Any:
    """A money figure of the profile in the context's currency: the amount, its range, or (not
    stated) 0 and up, named after ``path``."""
    return ctx.money(ctx.figure(value, path))


PARAMETERS = (ANGELS_BELOW, AUTHORITY_BUDGET_BELOW, AUTHORITY_INHABITANTS_BELOW)
