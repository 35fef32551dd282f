"""SMV:Digital: the grant each voucher adds to the de minimis aid received (SMV04–SMV06, Reg.
1407/2013 art. 3(7); Reg. 2023/2831 art. 3(7): aid that would take the total above the ceiling
cannot be granted at all), as bounds.

The DKK 25,000 and DKK 100,000 vouchers are fixed amounts ("søges tilskud til 25.000 kr., 100.000
kr."): without ``project.grant_sought`` the grant is the voucher's. The voucher "op til 250.000
kr." is what the investment and the advice give, so its grant is known only as far as the profile
says it: with the budget and the own hours stated, exactly; with own hours booked but
``project.own_hours_cost`` not stated, between the investment support alone (every krone of advice
own hours: the voucher pays for the advice bought) and that plus half the advice; without the
budget (or its investment part), between the smallest investment support the voucher gives
("svarende til en mindstestøttesats på 10.000 kr.") and DKK 250,000. The rule is decided only when
both ends give the same answer; an earlier reading counted the upper end alone, and so said "does
not fit" of a company that a smaller grant of the same budget would have let fit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from grantcheck.engine import Check, Ctx, Message, Missing, text_of
from grantcheck.law import de_minimis
from grantcheck.money import Money
from grantcheck.named import NamedTuple
from grantcheck.schemes.dk_smv_digital.derived import _local
from grantcheck.schemes.dk_smv_digital.grant import _grant, _Voucher
from grantcheck.schemes.dk_smv_digital.parameters import INVESTMENT_SUPPORT_MIN, is_smv_digital


class GrantBounds(NamedTuple):
    """The grant a voucher adds: ``high`` (and its words) and, where the profile leaves it open,
    ``low`` (and its words) and the fields that would settle it (none: ``high`` is the grant)."""

    high: Money
    high_text: str
    low: Money
    low_text: str
    fields: tuple[str, ...]


def _exact(grant: Money, text: str) -> GrantBounds:
    return GrantBounds(grant, text, grant, text, ())


def voucher_grant(ctx: Ctx, v: _Voucher) -> GrantBounds:
    """The grant sought with voucher ``v``: project.grant_sought at most the voucher's amount;
    else the voucher's amount, or for the up-to voucher what the budget allows, as bounds."""
    cap = _local(ctx, v.cap)
    sought = ctx.value("project.grant_sought")
    if sought is not None:
        s = ctx.money(sought)
        if s > cap:
            return _exact(cap, f"the most the {v.name} voucher gives; project.grant_sought {s} "
                          "is more")
        return _exact(s, "project.grant_sought")
    full = f"the full {v.name} voucher; no project.grant_sought stated"
    if not v.invests:
        return _exact(cap, full)
    fields: tuple[str, ...] = ("project.budget_total",)
    if ctx.value("project.budget_total") is not None:
        try:
            g = _grant(ctx, v)
        except Missing:  # the investment not stated
            fields = ("project.investment_cost",)
        else:
            most = (f"the most the budget allows with the {v.name} voucher; no "
                    "project.grant_sought stated") if g.grant < cap else full
            if g.least < g.grant:  # own hours booked, their cost not stated
                return GrantBounds(g.grant, most, g.least,
                                   "the investment support alone, if all the advice were own "
                                   "hours (the voucher pays for the advice bought)",
                                   ("project.own_hours_cost",))
            return _exact(g.grant, most)
    return GrantBounds(cap, full, _local(ctx, INVESTMENT_SUPPORT_MIN),
                       "the smallest investment support the voucher gives", fields)


def with_grant(v: _Voucher, reading: str) -> Callable[[Ctx], Check]:
    """SMV04–SMV06: de minimis aid received plus the grant of voucher ``v`` within the ceiling,
    decided when both ends of the grant give the same answer."""

    def fn(ctx: Ctx) -> Check:
        b = voucher_grant(ctx, v)
        high = de_minimis.within_ceiling(ctx, b.high, b.high_text, reading, is_smv_digital)
        if not b.fields or high.ok is True:
            return high
        low = de_minimis.within_ceiling(ctx, b.low, b.low_text, reading, is_smv_digital)
        if low.ok is False or (low.ok is None and high.ok is None):
            return low if low.ok is False else high  # the aid decides first, or fails it
        fields = tuple(dict.fromkeys((*b.fields, *high.missing, *low.missing)))
        return T_GRANT_OPEN.unknown(*fields, high=partial(text_of, high.message), low=b.low,
                                    low_text=b.low_text, settle=" or ".join(b.fields))

    fn.__doc__ = (f"De minimis aid received plus the {v.name} grant must fit under the ceiling "
                  "(Reg. 1407/2013 art. 3(7); Reg. 2023/2831 art. 3(7)).")
    return fn


T_GRANT_OPEN = Message("{high} The grant may also be as little as {low} ({low_text}), and the "
                       "answer differs between the two.",
                       fix="state {settle} (or project.grant_sought) to settle the grant")
