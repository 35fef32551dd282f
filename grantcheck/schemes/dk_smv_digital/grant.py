"""SMV:Digital: the three vouchers and their grant arithmetic, once — the investment support, the
advice grant, the voucher's cap — used by the co-financing rules, the amounts and the budget
check."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.citations import Citation
from grantcheck.engine import (
    Amounts,
    AmountsFn,
    Ctx,
    Message,
    Text,
    because,
    dated,
    derived,
    lacking,
    template,
)
from grantcheck.money import Money, min_money
from grantcheck.named import NamedTuple
from grantcheck.parameters import Parameter
from grantcheck.schemes.dk_smv_digital.derived import _dated, _local, _local_of
from grantcheck.schemes.dk_smv_digital.page import (
    C_COFINANCING_EXAMPLE,
    C_COFINANCING_RATES,
    C_INVESTMENT_MIN,
    C_INVESTMENT_PAYMENT,
    C_INVESTMENT_RATE,
    C_TIERS,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    ADVICE_OWN_SHARE,
    GRANT_T25,
    GRANT_T100,
    GRANT_T250,
    INVESTMENT_MIN,
    INVESTMENT_RATE,
    INVESTMENT_SUPPORT_MAX,
    OWN_FUNDING_FORM,
    PERIOD_LARGE,
    PERIOD_T25,
    VAT_NOTE,
)
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity


class _Voucher(NamedTuple):
    id: str
    name: str
    cap: Parameter[Decimal]
    period: Parameter[Decimal]
    invests: bool


T25 = _Voucher("t25", "DKK 25,000", GRANT_T25, PERIOD_T25, invests=False)
T100 = _Voucher("t100", "DKK 100,000", GRANT_T100, PERIOD_LARGE, invests=False)
T250 = _Voucher("t250", "up to DKK 250,000", GRANT_T250, PERIOD_LARGE, invests=True)
VOUCHERS = (T25, T100, T250)


def per_voucher(text: str, fix: str = "") -> dict[str, Message]:
    """A message template for each voucher, by its id: ``text`` and ``fix`` with the voucher's
    name where they say ``{voucher}`` (the rule's words, not a value of the profile)."""
    return {v.id: Message(text.replace("{voucher}", v.name), fix=fix.replace("{voucher}", v.name))
            for v in VOUCHERS}


# what a missing fact says of project.investment_cost when it is not stated and may be needed
_NO_INVESTMENT = ("project.investment_cost",)
_NO_INVESTMENT_WHY = because("the investment part of the budget (hardware, software, "
                             "commissioning), excl. VAT; 0 if none")


@derived
def _investment(ctx: Ctx) -> tuple[Money, str] | None:
    """The investment part of the budget: project.investment_cost, or none when the listed
    activities include no investment; None when it is not stated and may be some (once per
    profile: several rules and amounts read it)."""
    p = ctx.profile.project
    if p.investment_cost is not None:
        inv = ctx.money(p.investment_cost)
        return inv, f"investment {inv}"
    if p.activities is not None and SmvActivity.INVESTMENT not in p.activities:
        return Money.zero(ctx.currency), "no investment among project.activities"
    return None


class Share(NamedTuple):
    """A part of a voucher's grant as the page sets it: ``base × rate``, at most every cap, each
    with why it applies. The amounts take :meth:`of`; the budget check shows the same rate and
    caps as a grant part (``capped_part``, which says which one bound)."""

    rate: Decimal
    caps: tuple[tuple[Money, Text], ...]

    def of(self, base: Money) -> Money:
        """``base × rate``, at most every cap (not rounded)."""
        return min_money(base * self.rate, *(cap for cap, _ in self.caps))


def investment_share(on: date, v: _Voucher, most: Money, cap: Money) -> Share:
    """The investment support: 25 % of the investment, at most DKK 200,000 and the voucher's cap
    (nothing for an investment under DKK 40,000: its callers check the minimum)."""
    return Share(INVESTMENT_RATE.at(on),
                 ((most, template("investment support at most {most}", most=most)),
                  (cap, template("the {name} voucher", name=v.name))))


def advice_share(on: date, v: _Voucher, cap: Money, support: Money) -> Share:
    """The advice grant: 50 % of the advice costs (the company finances 50 %), at most the
    voucher's cap less the investment support."""
    why = template("the {name} voucher less the investment support {support}", name=v.name,
                   support=support) if support.amount else template("the {name} voucher",
                                                                    name=v.name)
    return Share(1 - ADVICE_OWN_SHARE.at(on), ((cap - support, why),))


def _investment_support(ctx: Ctx, inv: Money) -> Money:
    """25 % of the investment, at most DKK 200,000; nothing for an investment under 40,000."""
    if inv < _local(ctx, INVESTMENT_MIN):
        return Money.zero(ctx.currency)
    return investment_share(ctx.on, T250, _local(ctx, INVESTMENT_SUPPORT_MAX),
                            ctx.param_money(T250.cap)).of(inv)


def _own_hours(ctx: Ctx) -> Money | None:
    """The own hours among the advice costs: project.own_hours_cost, none when own_hours is
    false; None when not known (then any part of the advice may be own hours)."""
    p = ctx.profile.project
    if p.own_hours_cost is not None:
        hours: Money = ctx.money(p.own_hours_cost)  # NonNeg, never a range
        return hours
    return Money.zero(ctx.currency) if p.own_hours is False else None


class _Grant(NamedTuple):
    budget: Money
    advice: Money
    investment: Money
    investment_support: Money
    advice_grant: Money
    grant: Money
    cap: Money
    basis: Text
    least: Money  # the grant if every krone of advice were own hours: ``grant`` when they are known
    bought: Money | None  # the advice costs other than own hours (None: not known)

    def short(self, grant: Money, rate: Decimal) -> tuple[str, str, Money, Money]:
        """What must rise for ``grant`` and how (its words), the amount it must reach and how
        much more: the advice costs at the advice ``rate``, or the advice bought where own hours
        bind."""
        needed = grant - self.investment_support
        if self.bought is not None and self.bought < needed:
            return ("the advice bought (the advice costs other than own hours)", "", needed,
                    needed - self.bought)
        needed = needed * (1 / rate)
        return "the advice costs", ", " + OWN_FUNDING_FORM, needed, needed - self.advice


@derived
def _grant(ctx: Ctx, v: _Voucher) -> _Grant:
    """The largest grant of voucher `v` that the budget allows (once per profile and voucher: the
    co-financing rule and the amounts both need it)."""
    """The largest grant of voucher `v` that the budget allows (derived from the page's rates)."""
    budget = ctx.money(ctx.need("project.budget_total"))
    investment = _investment(ctx)
    if investment is None:
        lacking(*_NO_INVESTMENT, why=_NO_INVESTMENT_WHY)
    inv, inv_text = investment  # at most the budget: a profile with more is refused
    on = ctx.on
    advice = budget - inv
    cap = _local_of(ctx, v.cap)
    dated = _dated(ctx)
    if v.invests:
        support = _investment_support(ctx, inv)
        most, least = _local_of(ctx, INVESTMENT_SUPPORT_MAX), _local_of(ctx, INVESTMENT_MIN)
    else:
        support = Money.zero(ctx.currency)
    share = advice_share(on, v, cap.money, support)
    by_rate, advice_cap = advice * share.rate, share.caps[0][0]
    # "medfinansieringen … i form af kontant betaling, afholdte egne timer eller et mix": own
    # hours pay the company's share, the voucher pays for the advice bought (as the budget's)
    hours = _own_hours(ctx)
    bought = None if hours is None else advice - hours
    advice_grant = share.of(advice) if bought is None else min_money(share.of(advice), bought)
    grant = (support + advice_grant).floored()

    def basis() -> str:
        advice_part = (f"advice costs {advice} × {dated.advice_pct} = "
                       f"{by_rate.rounded()}, at most {advice_cap.rounded()}")
        if v.invests:
            how = (f"{inv_text} × {dated.investment_pct} = {support.rounded()} (at most "
                   f"{most.text}; none for investments under {least.text}) + {advice_part}")
        else:
            how = advice_part
            if inv.amount > 0:
                how += (f"; the {inv_text} gets no support with this voucher (only the up-to-"
                        f"{GRANT_T250.money(on)} voucher supports investments) and is paid by "
                        "the company")
        said = ""
        if bought is None:
            said = ("; own hours co-finance the advice and the voucher pays for the advice bought, "
                    "so the advice grant is at most the advice costs other than own hours (state "
                    "project.own_hours_cost, 0 if none, or split them in the budget's lines: "
                    "grantcheck budget)")
        elif hours is not None and hours.amount > 0:
            how += f", and at most the advice bought, {advice} − own hours {hours} = {bought}"
        return (f"grant {grant} = {how}; the {v.name} voucher gives at most {cap.text}; own "
                f"funding = budget {budget} − grant = {budget - grant}{said}; derived "
                f"arithmetic on the page's rates, {VAT_NOTE}")

    lowest = grant if bought is not None else support.floored()
    return _Grant(budget, advice, inv, support, advice_grant, grant, cap.money, basis, lowest,
                  bought)





def _amounts_for(v: _Voucher) -> AmountsFn:
    cites: tuple[Citation, ...] = (C_TIERS, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE)
    if v.invests:
        cites += (C_INVESTMENT_RATE, C_INVESTMENT_MIN, C_INVESTMENT_PAYMENT)

    @dated
    def unbudgeted(ctx: Ctx) -> Amounts:
        cap = _local_of(ctx, v.cap)
        dated = _dated(ctx)
        if v.invests:
            basis = (f"at most {cap.text}: investment support {dated.investment_pct} of the "
                     f"investment, at most {_local_of(ctx, INVESTMENT_SUPPORT_MAX).text} (none for "
                     f"investments under {_local_of(ctx, INVESTMENT_MIN).text}), the rest for "
                     f"advice at {dated.advice_pct}; state project.budget_total and "
                     f"project.investment_cost to compute it; {VAT_NOTE}")
        else:
            basis = (f"{dated.advice_pct} of the advice costs, at most {cap.text}: the full grant "
                     f"needs own financing of at least {cap.text} (derived); state "
                     f"project.budget_total to compute it; {VAT_NOTE}")
        rate = None if v.invests else dated.advice_rate
        return Amounts(cap.money, None, OWN_FUNDING_FORM, basis, rate, cap.money, None, cites,
                       ("project.budget_total",))

    def fn(ctx: Ctx) -> Amounts:
        cap = _local(ctx, v.cap)
        if ctx.value("project.budget_total") is None:
            # the same for every profile on the date, in the currency, at the rates
            return unbudgeted(ctx)
        g = _grant(ctx, v)
        rate = None if v.invests else _dated(ctx).advice_rate
        # «I selv skal medfinansiere rådgivning med 50% og investeringer i hardware og software
        # med 75%»: at least those shares; the budget a smaller grant sought leaves is the
        # company's too ("own funding = budget − grant", as the basis says)
        return Amounts(g.grant, g.budget - g.grant, OWN_FUNDING_FORM, g.basis, rate, cap,
                       g.budget, cites).for_sought(ctx)

    return fn


