"""Säker digitalisering: the page's SEK figures in the company's currency, once per date and
rates, and the message templates that say them (in SEK, or converted)."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Check, Ctx, Message, dated
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


def not_stated(fields: list[str]) -> Check:
    """Unknown: the profile does not state ``fields`` (SD15, SD16, SD18)."""
    return T_NOT_STATED.unknown(*fields, missing_and=" and ".join(fields))


T_NOT_STATED = Message("the profile does not state {missing_and}",
                       fix="state {missing_and} in the profile")


def in_sek_or_converted(text: str, fix: str = "",
                        figures: tuple[str, ...] = ()) -> tuple[Message, Message]:
    """``text``'s template for a company that states SEK ([False]), and for one whose figures
    are converted ([True]): there each of ``figures`` is said in SEK with the company's currency
    after it, and ``{rates}`` is the clause naming the rates (nothing for SEK)."""
    converted = text.replace("{rates}", "; SEK converted at {rates}")
    for name in figures:
        converted = converted.replace(f"{{{name}}}", f"{{{name}_sek}} (= {{{name}}})")
    return Message(text.replace("{rates}", ""), fix=fix), Message(converted, fix=fix)


def figures(ctx: Ctx, **params: Parameter[Decimal]) -> dict[str, object]:
    """The values of :func:`in_sek_or_converted`'s figures (and its rates) for ``ctx``."""
    if ctx.currency == "SEK":
        return {name: sek_figure(ctx, p)[1] for name, p in params.items()}
    values: dict[str, object] = {"rates": conversion(ctx)}
    for name, p in params.items():
        _, values[f"{name}_sek"], values[name] = sek_figure(ctx, p)
    return values
