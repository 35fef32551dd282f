"""SMV:Digital: SMV01–SMV14 in the order of the page: the target group, de minimis aid, the
co-financing of each voucher and each voucher's size conditions."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    RuleBook,
    derived,
    failed,
    passed,
    text_of,
    unknown,
)
from grantcheck.facts import at_most, show
from grantcheck.law import de_minimis
from grantcheck.money import Money
from grantcheck.parameters import ALWAYS, Parameter
from grantcheck.schemes.dk_smv_digital.derived import (
    _dated,
    _fte,
    _local,
    _local_of,
    _num,
    _rate_text,
    count_text,
)
from grantcheck.schemes.dk_smv_digital.grant import (
    T25,
    T100,
    T250,
    _grant,
    _Voucher,
)
from grantcheck.schemes.dk_smv_digital.page import (
    C_COFINANCING,
    C_COFINANCING_EXAMPLE,
    C_COFINANCING_RATES,
    C_CVR,
    C_DE_MINIMIS,
    C_DE_MINIMIS_REGULATION,
    C_FTE_COUNT,
    C_LARGE_FTE,
    C_OWNERS,
    C_SIZE,
    C_SIZE_EITHER,
    C_T25,
    C_T25_FTE,
    C_T100,
    C_T250,
    C_TARGET_GROUP,
    C_TURNOVER,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    LARGE_FTE_MAX,
    LARGE_FTE_MIN,
    OWN_FUNDING_FORM,
    SIZE_BALANCE_MAX,
    SIZE_TURNOVER_MAX,
    T25_FTE_MAX,
    T25_FTE_MIN,
    TURNOVER_MIN,
)
from grantcheck.schemes.dk_smv_digital.sections import (
    S_COFINANCING_RULES,
    S_EVERY,
    S_TIERS,
)

# The page says "statsstøtte"; the regulation it cites counts de minimis aid (how this scheme reads
# its page, stated at the end of every de minimis finding).
DE_MINIMIS_READING = (
    "The page says 'statsstøtte'; the regulation it cites counts de minimis aid, so only "
    "aid_received entries with de_minimis = true are summed (aid to other companies of the single "
    "undertaking included when listed)"
)
DE_MINIMIS_CITES = (C_DE_MINIMIS, C_DE_MINIMIS_REGULATION, *de_minimis.CITES)

rules = RuleBook()

@rules.rule("SMV01", "The company has a Danish CVR number", kind=Kind.HARD, section=S_EVERY,
            cites=[C_CVR],
            reads=["company.cvr_number"])
def danish_cvr(ctx: Ctx) -> Check:
    """'Virksomheder med et dansk CVR-nummer'."""
    cvr = ctx.profile.company.cvr_number
    if cvr is None:
        return unknown("no Danish CVR number stated (company.cvr_number)", "company.cvr_number",
                       fix="state company.cvr_number (8 digits); only companies with a Danish "
                       "CVR number can apply")
    return passed(f"CVR number {cvr}")


@rules.rule("SMV02", "Turnover at most EUR 50 million or balance sheet total at most EUR 43 "
            "million", kind=Kind.HARD, section=S_EVERY,
            cites=[C_TARGET_GROUP, C_SIZE, C_SIZE_EITHER],
            reads=["company.turnover", "company.balance_sheet_total"])
def size(ctx: Ctx) -> Check:
    """One of the two may be exceeded, not both ('men ikke begge på samme tid')."""
    c = ctx.profile.company
    t_max, b_max = _local_of(ctx, SIZE_TURNOVER_MAX), _local_of(ctx, SIZE_BALANCE_MAX)
    turnover = None if c.turnover is None else ctx.money(ctx.fact("company.turnover"))
    balance = (None if c.balance_sheet_total is None
               else ctx.money(ctx.fact("company.balance_sheet_total")))
    t_ok = None if turnover is None else at_most(turnover, t_max.money)
    b_ok = None if balance is None else at_most(balance, b_max.money)
    rate = _rate_text(ctx, "EUR")

    def figures() -> list[str]:
        parts = []
        if turnover is not None:
            parts.append(f"turnover {show(turnover)} {_sign(t_ok)} "
                         f"{t_max.original} = {t_max.rounded}")
        if balance is not None:
            parts.append(f"balance sheet total {show(balance)} "
                         f"{_sign(b_ok)} {b_max.original} = {b_max.rounded}")
        if rate:
            parts.append(rate)
        return parts

    def text() -> str:
        return "; ".join(figures()) + " (the company's own figures, latest closed year)"

    if t_ok or b_ok:
        return passed(lambda: text() + ": within at least one ceiling")
    if t_ok is False and b_ok is False:
        return failed(text() + ": both ceilings exceeded",
                      f"turnover must fall to {t_max.rounded} or the balance sheet total to "
                      f"{b_max.rounded}")
    absent = [p for p, v in (("company.turnover", t_ok), ("company.balance_sheet_total", b_ok))
              if v is None]
    return unknown((text() + ": " if figures() else "") + "one of turnover and balance sheet "
                   "total within its ceiling is enough; state the missing figure (exactly, "
                   "where a range straddles its ceiling)", *absent)


def _sign(ok: bool | None) -> str:
    return "≤" if ok else ">" if ok is False else "straddles"


@rules.rule("SMV03", "De minimis aid received is within the de minimis ceiling", kind=Kind.HARD,
            section=S_EVERY, cites=DE_MINIMIS_CITES,
            reads=["aid_received", "company.fiscal_year_start_month"])
def de_minimis_received(ctx: Ctx) -> Check:
    """The page's EUR 200,000 over three fiscal years (Reg. 1407/2013) until 2023; EUR 300,000
    over any rolling three years (Reg. 2023/2831) from 2024-01-01."""
    return de_minimis.within_ceiling(ctx, None, "", DE_MINIMIS_READING)


def _voucher_grant(ctx: Ctx, v: _Voucher) -> tuple[Money, str]:
    """The grant sought with this voucher: project.grant_sought at most the voucher's amount,
    else the voucher's amount."""
    cap = _local(ctx, v.cap)
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return cap, f"the full {v.name} voucher; no project.grant_sought stated"
    s = ctx.money(sought)
    if s > cap:
        return cap, f"the most the {v.name} voucher gives; project.grant_sought {s} is more"
    return s, "project.grant_sought"


def _de_minimis_with_grant(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        grant, text = _voucher_grant(ctx, v)
        # vouchers that add the same grant get the same check: made once per profile
        return de_minimis.within_ceiling(ctx, grant, text, DE_MINIMIS_READING)

    fn.__doc__ = (f"De minimis aid received plus the {v.name} grant must fit under the ceiling "
                  "(Reg. 1407/2013 art. 3(7); Reg. 2023/2831 art. 3(7)).")
    return fn


rules.add("SMV04", "De minimis aid received plus the DKK 25,000 grant stays within the ceiling",
          _de_minimis_with_grant(T25), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T25.id)
rules.add("SMV05", "De minimis aid received plus the DKK 100,000 grant stays within the ceiling",
          _de_minimis_with_grant(T100), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T100.id)
rules.add("SMV06", "De minimis aid received plus the up to DKK 250,000 grant stays within the "
          "ceiling",
          _de_minimis_with_grant(T250), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T250.id)


def _cofinancing(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        cap = _local_of(ctx, v.cap)
        sought = ctx.value("project.grant_sought")
        dated = _dated(ctx)
        rates = dated.own_shares_investing if v.invests else dated.own_shares
        if sought is None:
            return passed(f"no grant sought stated (project.grant_sought): {rates}, "
                          f"{OWN_FUNDING_FORM}; the amounts show the largest grant the budget "
                          f"allows, at most {cap.text}")
        grant, text = _voucher_grant(ctx, v)
        if ctx.value("project.budget_total") is None:
            return unknown(f"{text} {grant}: the own financing ({rates}) cannot be checked "
                           "without the budget", "project.budget_total")
        g = _grant(ctx, v)
        ok = grant <= g.grant

        def message() -> str:
            return (f"{text} {grant} {'≤' if ok else '>'} {g.grant}, the most the budget allows "
                    f"({rates}); own financing {g.budget - grant}. {text_of(g.basis)}")

        if ok:
            return passed(message)
        needed = (grant - g.investment_support) * (1 / dated.advice_rate)
        return failed(message, f"lower the grant sought to {g.grant}, or raise the advice costs "
                      f"to {needed.rounded()} ({(needed - g.advice).rounded()} more), "
                      f"{OWN_FUNDING_FORM}")

    fn.__doc__ = (f"The {v.name} grant never exceeds the own financing of the advice (50 %), and "
                  "investments are 75 % own-financed.")
    return fn


rules.add("SMV07", "Own financing covers the DKK 25,000 grant at the page's rates",
          _cofinancing(T25),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=[C_COFINANCING, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE],
          reads=["project.grant_sought", "project.budget_total", "project.investment_cost",
                 "project.activities"], tier=T25.id)
rules.add("SMV08", "Own financing covers the DKK 100,000 grant at the page's rates",
          _cofinancing(T100),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=[C_COFINANCING, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE],
          reads=["project.grant_sought", "project.budget_total", "project.investment_cost",
                 "project.activities"], tier=T100.id)
rules.add("SMV09", "Own financing covers the up to DKK 250,000 grant at the page's rates",
          _cofinancing(T250),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=[C_COFINANCING, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE],
          reads=["project.grant_sought", "project.budget_total", "project.investment_cost",
                 "project.activities"], tier=T250.id)


def _fte_range(v: _Voucher, low: Parameter[Decimal], high: Parameter[Decimal]
               ) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        total, text = _fte(ctx)
        lo, hi = low.at(ctx.on), high.at(ctx.on)
        if total < lo:
            return failed(f"{text_of(text)} < {_num(lo)} required for the {v.name} voucher (no "
                          f"rounding)",
                          f"needs at least {_num(lo)} FTE ({count_text(lo - total)} more)")
        if total > hi:
            return failed(f"{text_of(text)} > {_num(hi)} allowed for the {v.name} voucher",
                          f"at most {_num(hi)} FTE ({count_text(total - hi)} fewer)")
        return passed(lambda: f"{text_of(text)}: within {_num(lo)}–{_num(hi)}")

    fn.__doc__ = (f"{v.name}: between {low.at(ALWAYS)} and {high.at(ALWAYS)} full-time "
                  "employees, inclusive, counted as årsværk from last year's accounts.")
    return fn


@derived
def _turnover_check(ctx: Ctx) -> Check:
    turnover = ctx.money(ctx.fact("company.turnover"))
    least = _local_of(ctx, TURNOVER_MIN)
    ok = turnover >= least.money

    def message() -> str:
        return (f"turnover {show(turnover)} {'≥' if ok else '<'} {least.shown} required (latest "
                "annual accounts)")

    if ok:
        return passed(message)
    return failed(message, f"turnover must reach {least.rounded} "
                  f"({show(least.money - turnover)} more)")


def _turnover_min(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        return _turnover_check(ctx)  # the same check for both vouchers: once per profile

    fn.__doc__ = f"{v.name}: turnover at least DKK 2 million in the latest annual accounts."
    return fn


rules.rule("SMV10", "2 to 20 full-time employees", kind=Kind.HARD,
           section=S_TIERS, cites=[C_T25, C_T25_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t25",
           )(_fte_range(T25, T25_FTE_MIN, T25_FTE_MAX))
rules.rule("SMV11", "3 to 249 full-time employees in the latest accounts", kind=Kind.HARD,
           section=S_TIERS, cites=[C_T100, C_LARGE_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t100",
           )(_fte_range(T100, LARGE_FTE_MIN, LARGE_FTE_MAX))
rules.rule("SMV12", "Turnover at least DKK 2 million in the latest annual accounts",
           kind=Kind.HARD, section=S_TIERS, cites=[C_T100, C_TURNOVER], reads=["company.turnover"],
           tier="t100",
           )(_turnover_min(T100))
rules.rule("SMV13", "3 to 249 full-time employees in the latest accounts", kind=Kind.HARD,
           section=S_TIERS, cites=[C_T250, C_LARGE_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t250",
           )(_fte_range(T250, LARGE_FTE_MIN, LARGE_FTE_MAX))
rules.rule("SMV14", "Turnover at least DKK 2 million in the latest annual accounts",
           kind=Kind.HARD, section=S_TIERS, cites=[C_T250, C_TURNOVER], reads=["company.turnover"],
           tier="t250",
           )(_turnover_min(T250))
