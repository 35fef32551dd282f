"""Prosess- og organisasjonsinnovasjon's derived quantities: the profile fields the applicant's
size is decided from, the notification threshold in the company's currency, and a share as
the messages state it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from grantcheck.engine import Ctx, dated
from grantcheck.money import Money
from grantcheck.schemes.no_prosessinnovasjon.parameters import NOTIFICATION_THRESHOLD

SIZE_FIELDS = ("company.employees_fte", "company.owners_fte", "company.turnover",
               "company.balance_sheet_total", "company.previous_year", "company.related",
               "company.public_ownership_percent")
"""What :func:`grantcheck.law.sme.company_status` reads: a rule that needs the SME status
reads them."""


@dated  # the same for every profile of a batch: two rules and the amounts state it
def threshold_converted(ctx: Ctx) -> tuple[Money, Money, str]:
    """GBER art. 4(1)(l)'s notification threshold in the context's currency, in EUR, and the
    rate that converts it ('' when the context's currency is EUR)."""
    eur = NOTIFICATION_THRESHOLD.money(ctx.on)
    if ctx.currency == "EUR":
        return eur, eur, ""
    return (ctx.convert(eur, ctx.currency).rounded(), eur,
            ctx.fx.rate(ctx.currency).describe())


@dated
def threshold(ctx: Ctx) -> tuple[Money, str]:
    """The notification threshold in the context's currency, and the sentence stating it
    (with the rate used, when converted from EUR)."""
    local, eur, rate = threshold_converted(ctx)
    return local, f"{eur} = {local} at {rate}" if rate else f"{eur}"


def share(part: Money, whole: Money) -> str:
    """'60 %' (to 0.1 %), or a phrase when the whole is zero."""
    if not whole.amount:
        return "no eligible costs"
    ratio = part.amount / whole.amount * 100
    try:
        pct = ratio.quantize(Decimal("0.1")).normalize()
    except InvalidOperation:  # past Decimal's 28 digits (eligible costs of 1e-30): an internal
        return f"{ratio:.1E} %"  # error, where the rule had its verdict; said in powers of ten
    return f"{pct:f} %"
