"""Säker digitalisering: the page's SEK figures in the company's currency, once per date and
rates."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Ctx, dated
from grantcheck.money import Money
from grantcheck.parameters import Parameter


@dated
def sek_figure(ctx: Ctx, param: Parameter[Decimal]) -> tuple[Money, Money, Money]:
    """A SEK parameter in the company's currency (exact), in SEK, and in the company's currency
    as the messages say it (rounded; the SEK figure itself for a SEK profile)."""
    in_sek = param.money(ctx.on)
    if ctx.currency == "SEK":
        return in_sek, in_sek, in_sek
    local = ctx.convert(in_sek, ctx.currency)
    return local, in_sek, local.rounded()


@dated
def sek(ctx: Ctx, param: Parameter[Decimal]) -> tuple[Money, str]:
    """A SEK parameter in the company's currency (exact), and how to say it."""
    local, in_sek, shown = sek_figure(ctx, param)
    if ctx.currency == "SEK":
        return local, str(in_sek)
    return local, f"{in_sek} (= {shown})"


@dated
def conversion(ctx: Ctx) -> str:
    """The rates that convert the SEK figures into the company's currency ('' for a SEK
    profile)."""
    if ctx.currency == "SEK":
        return ""
    return ctx.fx.describe_conversion("SEK", ctx.currency, " and ")


@dated
def rates(ctx: Ctx) -> str:
    """'' for a SEK profile; else the rates used to convert the SEK figures, as a clause."""
    if ctx.currency == "SEK":
        return ""
    return "; SEK converted at " + conversion(ctx)


def unstated(ctx: Ctx, *paths: str) -> list[str]:
    """The fields of ``paths`` the profile does not state."""
    return [p for p in paths if ctx.value(p) is None]
