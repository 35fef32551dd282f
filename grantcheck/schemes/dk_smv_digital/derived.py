"""SMV:Digital: the quantities its rules share — the page's figures in the company's currency,
the shares in force on a date, and the full-time employees as the page counts them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from grantcheck.engine import Ctx, Text, dated, derived
from grantcheck.facts import is_range, least, show
from grantcheck.money import Money, format_amount, format_percent
from grantcheck.named import NamedTuple
from grantcheck.parameters import Parameter
from grantcheck.schemes.dk_smv_digital.parameters import (
    ADVICE_OWN_SHARE,
    GROUP_OWNERSHIP_OVERLAP,
    INVESTMENT_OWN_SHARE,
    INVESTMENT_RATE,
    OWNERS_FTE_MAX,
)


def count_text(x: Any) -> str:
    """A count of FTE, or its range: "1.6", "19.5–20.5"."""
    if is_range(x):
        lo, hi = x.lo, x.hi
        return f"{_num(lo)} or more" if not hi.is_finite() else f"{_num(lo)}–{_num(hi)}"
    return _num(x)


def _num(d: Decimal) -> str:
    """An FTE or count without trailing zeros: 20 -> '20', 1.60 -> '1.6'. Not remembered:
    hashing a new Decimal costs about as much as this."""
    return format(d.normalize(), "f")


# --- the page's figures in the company's currency -----------------------------------------------
# Every profile has the rules convert the same parameters at the same rates and write out the same
# figures and sentences: each is made once per (date, currency, rates) (``@dated``), which
# still marks the rates as used in each profile's result.


class _Local(NamedTuple):
    """A money parameter on one date in the company's currency, and its texts."""

    money: Money  # converted at the dated rate, unrounded
    text: str  # str(money)
    rounded: str  # str(money.rounded())
    original: str  # the page's figure: 'EUR 50,000,000'
    shown: str  # 'EUR 50,000,000 = DKK 373,680,000 (1 EUR = …)', or 'DKK 2,000,000'


@dated
def _local_of(ctx: Ctx, p: Parameter[Decimal]) -> _Local:
    """A money parameter in the company's currency (the page's DKK, or a converted EUR figure),
    with its texts."""
    original = p.money(ctx.on)
    money = ctx.convert(original, ctx.currency)
    rounded = str(money.rounded())
    shown = (str(original) if original.currency == money.currency
             else f"{original} = {rounded} ({_rate_text(ctx, original.currency)})")
    return _Local(money, str(money), rounded, str(original), shown)


def _local(ctx: Ctx, p: Parameter[Decimal]) -> Money:
    """A money parameter in the company's currency (the page's DKK, or a converted EUR figure)."""
    return _local_of(ctx, p).money


@dated
def _rate_text(ctx: Ctx, frm: str) -> str:
    """The exchange rates used to bring `frm` into the company's currency ('' if none)."""
    return ctx.fx.describe_conversion(frm, ctx.currency)


class _Dated(NamedTuple):
    """The shares and rates in force on one date, and their texts."""

    advice_rate: Decimal  # the advice grant: 1 − the own financing of the advice
    advice_pct: str
    investment_pct: str  # the investment support
    own_shares: str  # 'advice 50 % own financing'
    own_shares_investing: str  # 'advice 50 % own financing, investments 75 %'
    overlap: str  # the ownership overlap that makes one group: '25'


@dated
def _dated(ctx: Ctx) -> _Dated:
    """The texts of the date's shares and rates, made once per date."""
    on = ctx.on
    advice_rate = 1 - ADVICE_OWN_SHARE.at(on)
    own = f"advice {format_percent(ADVICE_OWN_SHARE.at(on))} own financing"
    return _Dated(
        advice_rate, format_percent(advice_rate), format_percent(INVESTMENT_RATE.at(on)),
        own, f"{own}, investments {format_percent(INVESTMENT_OWN_SHARE.at(on))}",
        format_amount(GROUP_OWNERSHIP_OVERLAP.at(on)),
    )



@derived
def _fte(ctx: Ctx) -> tuple[Any, Text]:
    """Full-time employees as the page counts them: employees + owners, owners at most 1 FTE
    (counted once per profile: three rules read it). A figure not stated, or stated within
    bounds, makes the count a range: owners not stated add 0 to 1 FTE."""
    c = ctx.profile.company
    employees = ctx.fact("company.employees_fte")
    owners_all = ctx.fact("company.owners_fte")
    cap = OWNERS_FTE_MAX.at(ctx.on)
    owners = least(owners_all, cap)
    total = employees + owners

    def text() -> str:
        words = (f"{count_text(total)} FTE = employees {count_text(employees)} + owners "
                 f"{count_text(owners)}")
        if is_range(owners_all):
            said = "not stated" if owners_all.unstated else f"stated as {show(owners_all)}"
            words += (f" (company.owners_fte {said}; the page counts owners at most "
                      f"{_num(cap)} FTE)")
        elif owners_all > cap:
            words += f" (owners' {_num(owners_all)} FTE count at most {_num(cap)})"
        if is_range(employees):
            words += f" ({employees.origin()})"
        if c.fte_differs_from_cvr:
            words += "; differs from cvr.dk, explained in the application"
        return words

    return total, text


