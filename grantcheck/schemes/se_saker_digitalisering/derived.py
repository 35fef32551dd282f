"""Säker digitalisering: the page's SEK figures in the company's currency, once per date and
rates."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Ctx, dated
from grantcheck.money import Money
from grantcheck.parameters import Parameter


@dated
def sek(ctx: Ctx, param: Parameter[Decimal]) -> tuple[Money, str]:
    """A SEK parameter in the company's currency (exact), and how to say it."""
    sek = param.money(ctx.on)
    if ctx.currency == "SEK":
        return sek, str(sek)
    local = ctx.convert(sek, ctx.currency)
    return local, f"{sek} (= {local.rounded()})"


@dated
def rates(ctx: Ctx) -> str:
    """'' for a SEK profile; else the rates used to convert the SEK figures, as a clause."""
    if ctx.currency == "SEK":
        return ""
    return "; SEK converted at " + ctx.fx.describe_conversion("SEK", ctx.currency, " and ")


def unstated(ctx: Ctx, *paths: str) -> list[str]:
    """The fields of ``paths`` the profile does not state."""
    return [p for p in paths if ctx.value(p) is None]
