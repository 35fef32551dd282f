"""The EU SME definition (Recommendation 2003/361/EC, Annex art. 2–6), computed from a profile.

Staff are annual work units (employees plus working owners, art. 5). Partner enterprises (25–50 %)
add their figures pro rata to the holding; linked enterprises (over 50 % or control) add 100 %
(art. 6). 25 % or more held by public bodies means not an SME (art. 3(4)). A firm may exceed one
money ceiling but not both (art. 2). Status changes only when the ceilings are crossed in two
consecutive accounting periods (art. 4(2)): where the profile gives the previous year, the status
of that year stands unless the latest year agrees with it.

Where the profile lists no partner or linked enterprises, the company's own figures are used and
the explanation says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from grantcheck.citations import SME_ART2, SME_ART3, SME_ART4, SME_RECOMMENDATION, eu
from grantcheck.engine import Ctx, Missing, Text, text_of
from grantcheck.money import Money, format_amount
from grantcheck.parameters import Parameter

IN_FORCE = date(2005, 1, 1)  # the Recommendation applies from 1 January 2005 (art. 9)

MEDIUM_STAFF = Parameter("sme_medium_staff_below", "persons", {IN_FORCE: Decimal(250)}, SME_ART2)
MEDIUM_TURNOVER = Parameter("sme_medium_turnover_max", "EUR", {IN_FORCE: Decimal(50_000_000)},
                            SME_ART2)
MEDIUM_BALANCE = Parameter("sme_medium_balance_max", "EUR", {IN_FORCE: Decimal(43_000_000)},
                           SME_ART2)
_ART2_2 = eu(SME_RECOMMENDATION, "Annex, Article 2(2)",
             "a small enterprise is defined as an enterprise which employs fewer than 50 persons "
             "and whose annual turnover and/or annual balance sheet total does not exceed EUR 10 "
             "million")
_ART2_3 = eu(SME_RECOMMENDATION, "Annex, Article 2(3)",
             "a microenterprise is defined as an enterprise which employs fewer than 10 persons "
             "and whose annual turnover and/or annual balance sheet total does not exceed EUR 2 "
             "million")
SMALL_STAFF = Parameter("sme_small_staff_below", "persons", {IN_FORCE: Decimal(50)}, _ART2_2)
SMALL_MONEY = Parameter("sme_small_money_max", "EUR", {IN_FORCE: Decimal(10_000_000)}, _ART2_2)
MICRO_STAFF = Parameter("sme_micro_staff_below", "persons", {IN_FORCE: Decimal(10)}, _ART2_3)
MICRO_MONEY = Parameter("sme_micro_money_max", "EUR", {IN_FORCE: Decimal(2_000_000)}, _ART2_3)
PUBLIC_SHARE = Parameter("sme_public_control_min", "percent", {IN_FORCE: Decimal(25)}, SME_ART3,
                         note="percent held by public bodies from which a firm is not an SME")

PARAMETERS = (MEDIUM_STAFF, MEDIUM_TURNOVER, MEDIUM_BALANCE, SMALL_STAFF, SMALL_MONEY,
              MICRO_STAFF, MICRO_MONEY, PUBLIC_SHARE)
CITES = (SME_ART2, SME_ART3, SME_ART4)

ORDER = ("micro", "small", "medium", "large")


class Figures(NamedTuple):
    staff: Decimal
    turnover: Money | None
    balance: Money | None


class SmeStatus(NamedTuple):
    category: str  # micro | small | medium | large
    explanation: Text  # the sums that decided it: made when a finding shows it

    @property
    def is_sme(self) -> bool:
        return self.category != "large"

    @property
    def is_small(self) -> bool:
        return self.category in ("micro", "small")


def _within(value: Money | None, ceiling: Money) -> bool | None:
    return None if value is None else value <= ceiling


_LEVELS = (("micro", MICRO_STAFF, MICRO_MONEY, MICRO_MONEY),
           ("small", SMALL_STAFF, SMALL_MONEY, SMALL_MONEY),
           ("medium", MEDIUM_STAFF, MEDIUM_TURNOVER, MEDIUM_BALANCE))


def _level(ctx: Ctx, level: int, currency: str) -> tuple[str, Decimal, Money, Money]:
    """A size class's staff ceiling and its two money ceilings converted into ``currency``."""
    name, staff, turnover, balance = _LEVELS[level]
    return (name, staff.at(ctx.on), ctx.convert(turnover.money(ctx.on), currency),
            ctx.convert(balance.money(ctx.on), currency))


def category_of(ctx: Ctx, f: Figures, prefix: str) -> str:
    """The size class of one year's figures; raises Missing when a needed figure is absent."""
    cur = (f.turnover or f.balance or Money.zero(ctx.currency)).currency
    for level in range(len(_LEVELS)):
        # the same ceilings for every profile of a batch: converted once (Ctx.constant)
        name, staff_below, t_max, b_max = ctx.constant(_level, level, cur)
        if f.staff >= staff_below:
            continue
        t_ok = _within(f.turnover, t_max)
        b_ok = _within(f.balance, b_max)
        if t_ok or b_ok:
            return name
        if t_ok is None or b_ok is None:
            absent = "turnover" if t_ok is None else "balance_sheet_total"
            raise Missing(f"{prefix}.{absent}",
                          why=f"needed to tell whether it is {name} (one of turnover or "
                          "balance sheet total must be within the ceiling)")
    return "large"


def _add(total: Figures, other: Figures, share: Decimal) -> Figures:
    def add_money(a: Money | None, b: Money | None) -> Money | None:
        if a is None or b is None:
            return None
        return a + b * share

    return Figures(total.staff + other.staff * share, add_money(total.turnover, other.turnover),
                   add_money(total.balance, other.balance))


def _describe(f: Figures) -> str:
    t = str(f.turnover.rounded()) if f.turnover else "turnover not stated"
    b = str(f.balance.rounded()) if f.balance else "not stated"
    return f"{format_amount(f.staff)} AWU, turnover {t}, balance sheet {b}"


def _adds(name: str, relation: str, share: Decimal) -> Text:
    return lambda: f"{name} ({relation}) adds {format_amount(share * 100)} %"


def company_status(ctx: Ctx) -> SmeStatus:
    """The profile company's SME status, with the sums that decided it: decided once, in the
    company's own currency (``ctx.base``), for every rule and amount of every scheme."""
    return ctx.base.once(_company_status)


def _company_status(ctx: Ctx) -> SmeStatus:
    c = ctx.profile.company
    if c.employees_fte is None:
        raise Missing("company.employees_fte")
    staff = c.employees_fte + (c.owners_fte or Decimal(0))
    own = Figures(staff, ctx.money(c.turnover) if c.turnover is not None else None,
                  ctx.money(c.balance_sheet_total) if c.balance_sheet_total is not None else None)
    notes: list[Text] = []
    if c.owners_fte is None:
        notes.append("working owners not stated (company.owners_fte), counted as 0")
    if c.public_ownership_percent is not None and c.public_ownership_percent >= PUBLIC_SHARE.at(
            ctx.on):
        return SmeStatus("large", f"{format_amount(c.public_ownership_percent)} % held by "
                         "public bodies (25 % or more): not an SME "
                         "(Rec. 2003/361, Annex art. 3(4))")
    total = own
    if c.related is None:
        notes.append("no partner or linked enterprises listed (company.related): own figures only")
    else:
        for i, r in enumerate(c.related):
            prefix = f"company.related[{i}]"
            if r.public_body and r.share_percent is not None and r.share_percent >= PUBLIC_SHARE.at(
                    ctx.on):
                return SmeStatus("large", f"{r.name} is a public body holding "
                                 f"{format_amount(r.share_percent)} %: not an SME (art. 3(4))")
            if r.staff is None:
                raise Missing(f"{prefix}.staff")
            if r.relation == "partner":
                if r.share_percent is None:
                    raise Missing(f"{prefix}.share_percent")
                share = r.share_percent / 100
            else:
                share = Decimal(1)
            other = Figures(r.staff,
                            ctx.money(r.turnover) if r.turnover is not None else None,
                            ctx.money(r.balance_sheet_total)
                            if r.balance_sheet_total is not None else None)
            total = _add(total, other, share)
            notes.append(_adds(r.name, r.relation, share))
    latest = category_of(ctx, total, "company")
    size = latest
    prev = c.previous_year
    if prev is not None and prev.staff is not None and (
            prev.turnover is not None or prev.balance_sheet_total is not None):
        pf = Figures(prev.staff, ctx.money(prev.turnover) if prev.turnover is not None else None,
                     ctx.money(prev.balance_sheet_total)
                     if prev.balance_sheet_total is not None else None)
        try:
            before = category_of(ctx, pf, "company.previous_year")
        except Missing:
            before = latest
        if before != latest:
            latest = before

    def text() -> str:
        words = f"{size}: {_describe(total)}"
        if latest != size:
            words += (f"; the year before was {latest}, and the status changes only after two "
                      f"consecutive periods (Annex art. 4(2)), so it stays {latest}")
        if notes:
            words += " (" + "; ".join(text_of(n) for n in notes) + ")"
        return words

    return SmeStatus(latest, text)


def participant_is_sme(ctx: Ctx, index: int) -> tuple[bool, Text]:
    """Bedriftsnettverk: a participant's SME status from its figures, else its declared flag."""
    p = (ctx.profile.network.participants or [])[index]
    prefix = f"network.participants[{index}]"
    if p.staff is not None and (p.turnover is not None or p.balance_sheet_total is not None):
        f = Figures(p.staff, ctx.money(p.turnover) if p.turnover is not None else None,
                    ctx.money(p.balance_sheet_total) if p.balance_sheet_total is not None else None)
        cat = category_of(ctx, f, prefix)
        return cat != "large", lambda: f"{cat} ({_describe(f)}; own figures)"
    if p.sme is not None:
        return p.sme, "declared sme = " + str(p.sme).lower()
    raise Missing(f"{prefix}.sme", why="or its staff and turnover/balance_sheet_total")
