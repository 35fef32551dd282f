"""SMV:Digital: SMV01–SMV14, SMV32, SMV35 in the order of the page: the target group (SMV32, the
EU SME status the page links to, beside its size bullet SMV02), de minimis aid (SMV35: the
sectors the regulation leaves out, a warning), each voucher's co-financing and size."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from grantcheck.engine import Check, Ctx, Kind, Message, RuleBook, derived
from grantcheck.facts import at_most, show
from grantcheck.law import de_minimis, de_minimis_scope, sme
from grantcheck.law.sme_holders import PUBLIC_FIX
from grantcheck.parameters import Parameter
from grantcheck.schemes.dk_smv_digital.de_minimis_grant import with_grant
from grantcheck.schemes.dk_smv_digital.derived import (
    _dated,
    _fte,
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
    per_voucher,
)
from grantcheck.schemes.dk_smv_digital.legal import PAGE_FROM
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
    C_PRIVATE_ADVICE,
    C_SIZE,
    C_SIZE_EITHER,
    C_SME_DEFINITION,
    C_T25,
    C_T25_FTE,
    C_T100,
    C_T250,
    C_TARGET_GROUP,
    C_TIERS,
    C_TURNOVER,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    LARGE_FTE_MAX,
    LARGE_FTE_MIN,
    OWN_FUNDING_FORM,
    OWNERS_FTE_MAX,
    SIZE_BALANCE_MAX,
    SIZE_TURNOVER_MAX,
    T25_FTE_MAX,
    T25_FTE_MIN,
    TURNOVER_MIN,
    is_smv_digital,
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
    "aid_received entries with de_minimis = true are summed (other companies of the single "
    "undertaking included), and SMV:Digital grants, de minimis aid by the page, unless false"
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
        return T_NO_CVR.unknown("company.cvr_number")
    return T_CVR.passed(cvr=cvr)


T_NO_CVR = Message("no Danish CVR number stated (company.cvr_number)",
                   fix="state company.cvr_number (8 digits); only companies with a Danish CVR "
                   "number can apply")
T_CVR = Message("CVR number {cvr}")


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

    def joined() -> str:
        return "; ".join(figures())

    if t_ok or b_ok:
        return T_SIZE_WITHIN.passed(figures=joined)
    if t_ok is False and b_ok is False:
        over = T_SIZE_OVER_RATE if rate else T_SIZE_OVER
        return over.failed(turnover=show(turnover), t_max=t_max.original, t_local=t_max.rounded,
                           balance=show(balance), b_max=b_max.original, b_local=b_max.rounded,
                           **({"rate": rate} if rate else {}))
    absent = [p for p, v in (("company.turnover", t_ok), ("company.balance_sheet_total", b_ok))
              if v is None]
    if figures():
        return T_SIZE_OPEN.unknown(*absent, figures=joined)
    return T_SIZE_NONE.unknown(*absent)


def _sign(ok: bool | None) -> str:
    return "≤" if ok else ">" if ok is False else "straddles"


_OWN_FIGURES = " (the company's own figures, latest closed year)"
_EITHER = ("one of turnover and balance sheet total within its ceiling is enough; state the "
           "missing figure (exactly, where a range straddles its ceiling)")
T_SIZE_WITHIN = Message("{figures}" + _OWN_FIGURES + ": within at least one ceiling")
_SIZE_FIX = "turnover must fall to {t_local} or the balance sheet total to {b_local}"
T_SIZE_OVER = Message("turnover {turnover} > {t_max} = {t_local}; balance sheet total {balance} > "
                      "{b_max} = {b_local}" + _OWN_FIGURES + ": both ceilings exceeded",
                      fix=_SIZE_FIX)
T_SIZE_OVER_RATE = Message("turnover {turnover} > {t_max} = {t_local}; balance sheet total "
                           "{balance} > {b_max} = {b_local}; {rate}" + _OWN_FIGURES
                           + ": both ceilings exceeded", fix=_SIZE_FIX)
T_SIZE_OPEN = Message("{figures}" + _OWN_FIGURES + ": " + _EITHER)
T_SIZE_NONE = Message(_EITHER)


@rules.rule("SMV32", "The company is an SME under the EU definition, with its partner and linked "
            "enterprises", kind=Kind.HARD, section=S_EVERY,
            cites=[C_SME_DEFINITION, C_OWNERS, *sme.CITES],
            reads=["company.employees_fte", "company.owners_fte", "company.turnover",
                   "company.balance_sheet_total", "company.related", "company.previous_year",
                   "company.public_ownership_percent"])
def eu_sme(ctx: Ctx) -> Check:
    """'målrettet små og mellemstore virksomheder (læs mere om definitionen af SMV'er her)': the
    EU definition the page links to, beside its own size bullet (SMV02, the company's own
    figures): partner and linked enterprises added, 25 % public ownership rules it out. Working
    owners count as the page counts them, at most 1 FTE ('ejere maksimalt kan indgå med samlet 1
    årsværk i beregningen'), not in full as owner-managers (Annex art. 5(c)): the page decides."""
    cap = OWNERS_FTE_MAX.at(ctx.on)
    status = sme.company_status(ctx, cap)
    if status.public:  # not an SME because of public bodies, whatever its staff (art. 3(4))
        return T_SME_PUBLIC.failed(size=status.explanation)
    return T_SME.check(status.is_sme, size=status.explanation, owners=_num(cap))


T_SME_PUBLIC = Message("{size} (an SME under the EU definition required)", fix=PUBLIC_FIX)
T_SME = Message("{size}; working owners count at most {owners} FTE, as the page counts them (an "
                "SME under the EU definition required)",
                fix="only a small or medium-sized enterprise under the EU definition, counted "
                "with its partner and linked enterprises and less than 25 % publicly owned, can "
                "apply")


@rules.rule("SMV03", "De minimis aid received is within the de minimis ceiling", kind=Kind.HARD,
            section=S_EVERY, cites=DE_MINIMIS_CITES,
            reads=["aid_received", "company.fiscal_year_start_month"])
def de_minimis_received(ctx: Ctx) -> Check:
    """The page's EUR 200,000 over three fiscal years (Reg. 1407/2013) until 2023; EUR 300,000
    over any rolling three years (Reg. 2023/2831) from 2024-01-01."""
    return de_minimis.within_ceiling(ctx, None, "", DE_MINIMIS_READING, is_smv_digital)


rules.add("SMV04", "De minimis aid received plus the DKK 25,000 grant stays within the ceiling",
          with_grant(T25, DE_MINIMIS_READING), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T25.id)
rules.add("SMV05", "De minimis aid received plus the DKK 100,000 grant stays within the ceiling",
          with_grant(T100, DE_MINIMIS_READING), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T100.id)
rules.add("SMV06", "De minimis aid received plus the up to DKK 250,000 grant stays within the "
          "ceiling",
          with_grant(T250, DE_MINIMIS_READING), section=S_EVERY,
          cites=[*DE_MINIMIS_CITES, *de_minimis.NEW_AID_CITES],
          reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
          tier=T250.id)


@rules.rule("SMV35", "The company is not in a sector the de minimis regulation leaves out",
            kind=Kind.SOFT, section=S_EVERY,
            cites=[C_DE_MINIMIS_REGULATION, *de_minimis_scope.SECTOR_CITES],
            reads=["company.sector"])
def de_minimis_sector(ctx: Ctx) -> Check:
    """'… de minimis-forordning (EU) Nr. 1407/2013': a warning, as the page does not state the
    regulations' sector exclusion and art. 1(2) allows aid to other activities kept apart."""
    return de_minimis_scope.sector_in_scope(ctx)


def _cofinancing(v: _Voucher) -> Callable[[Ctx], Check]:
    above = T_COFINANCING_ABOVE_VOUCHER[v.id]

    def fn(ctx: Ctx) -> Check:
        cap = _local_of(ctx, v.cap)
        sought = ctx.value("project.grant_sought")
        dated = _dated(ctx)
        rates = dated.own_shares_investing if v.invests else dated.own_shares
        if sought is None:
            return T_COFINANCING_UNSOUGHT.passed(rates=rates, cap=cap.text)
        grant = ctx.money(sought)
        if grant > cap.money:  # "søges tilskud til 25.000 kr., 100.000 kr. eller 250.000 kr."
            return above.failed(grant=grant, cap=cap.text)
        if ctx.value("project.budget_total") is None:
            return T_COFINANCING_OPEN.unknown("project.budget_total", grant=grant, rates=rates)
        g = _grant(ctx, v)
        if g.least < grant <= g.grant:  # own hours not stated: the advice bought may be less
            return T_COFINANCING_HOURS.unknown("project.own_hours_cost", grant=grant,
                                               most=g.grant, least=g.least, basis=g.basis)
        if grant <= g.grant:
            return T_COFINANCING_WITHIN.passed(grant=grant, most=g.grant, rates=rates,
                                               own=g.budget - grant, basis=g.basis)
        what, how, needed, more = g.short(grant, dated.advice_rate)
        return T_COFINANCING_OVER.failed(grant=grant, most=g.grant, rates=rates,
                                         own=g.budget - grant, basis=g.basis, what=what,
                                         how=how, advice=needed.rounded(), more=more.rounded())

    fn.__doc__ = (f"The {v.name} grant never exceeds the voucher's amount nor the own financing "
                  "of the advice (50 %), and investments are 75 % own-financed.")
    return fn


T_COFINANCING_UNSOUGHT = Message(
    "no grant sought stated (project.grant_sought): {rates}, " + OWN_FUNDING_FORM
    + "; the amounts show the largest grant the budget allows, at most {cap}")
_SOUGHT = "project.grant_sought {grant}"
T_COFINANCING_ABOVE_VOUCHER = per_voucher(
    _SOUGHT + " is more than the {voucher} voucher gives ({cap})",
    fix="lower the grant sought to at most {cap} for the {voucher} voucher")
T_COFINANCING_OPEN = Message(_SOUGHT + ": the own financing ({rates}) cannot be checked without "
                             "the budget")
_COFINANCING_FIX = ("lower the grant sought to {most}, or raise {what} to {advice} ({more} "
                    "more){how}")
T_COFINANCING_WITHIN = Message(_SOUGHT + " ≤ {most}, the most the budget allows ({rates}); own "
                               "financing {own}. {basis}")
T_COFINANCING_HOURS = Message(_SOUGHT + " ≤ {most}, the most the budget allows without own "
                              "hours; with own hours it may be as little as {least}. {basis}")
T_COFINANCING_OVER = Message(_SOUGHT + " > {most}, the most the budget allows ({rates}); own "
                             "financing {own}. {basis}", fix=_COFINANCING_FIX)


# own hours co-finance the advice, the voucher pays for the advice bought (SMV07–SMV09 and grant.py)
_COFINANCING_CITES = [C_TIERS, C_COFINANCING, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE,
                      C_PRIVATE_ADVICE]
_COFINANCING_READS = ["project.grant_sought", "project.budget_total", "project.investment_cost",
                      "project.activities", "project.own_hours", "project.own_hours_cost"]
rules.add("SMV07", "The grant sought is within the DKK 25,000 voucher and own financing covers "
          "it at the page's rates",
          _cofinancing(T25),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=_COFINANCING_CITES, reads=_COFINANCING_READS, tier=T25.id)
rules.add("SMV08", "The grant sought is within the DKK 100,000 voucher and own financing covers "
          "it at the page's rates",
          _cofinancing(T100),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=_COFINANCING_CITES, reads=_COFINANCING_READS, tier=T100.id)
rules.add("SMV09", "The grant sought is within the up to DKK 250,000 voucher and own financing "
          "covers it at the page's rates",
          _cofinancing(T250),
          kind=Kind.BUDGET, section=S_COFINANCING_RULES,
          cites=_COFINANCING_CITES, reads=_COFINANCING_READS, tier=T250.id)


def _fte_range(v: _Voucher, low: Parameter[Decimal], high: Parameter[Decimal]
               ) -> Callable[[Ctx], Check]:
    few, many = T_FTE_FEW[v.id], T_FTE_MANY[v.id]

    def fn(ctx: Ctx) -> Check:
        total, text = _fte(ctx)
        lo, hi = low.at(ctx.on), high.at(ctx.on)
        if total < lo:
            return few.failed(fte=text, least=_num(lo), more=count_text(lo - total))
        if total > hi:
            return many.failed(fte=text, most=_num(hi), fewer=count_text(total - hi))
        return T_FTE_WITHIN.passed(fte=text, least=partial(_num, lo), most=partial(_num, hi))

    fn.__doc__ = (f"{v.name}: between {low.at(PAGE_FROM)} and {high.at(PAGE_FROM)} full-time "
                  "employees, inclusive, counted as årsværk from last year's accounts.")
    return fn


T_FTE_FEW = per_voucher("{fte} < {least} required for the {voucher} voucher (no rounding)",
                        fix="needs at least {least} FTE ({more} more)")
T_FTE_MANY = per_voucher("{fte} > {most} allowed for the {voucher} voucher",
                         fix="at most {most} FTE ({fewer} fewer)")
T_FTE_WITHIN = Message("{fte}: within {least}–{most}")


@derived
def _turnover_check(ctx: Ctx) -> Check:
    turnover = ctx.money(ctx.fact("company.turnover"))
    least = _local_of(ctx, TURNOVER_MIN)
    if turnover >= least.money:
        return T_TURNOVER_MET.passed(turnover=partial(show, turnover), least=least.shown)
    return T_TURNOVER_SHORT.failed(turnover=partial(show, turnover), least=least.shown,
                                   reach=least.rounded, more=show(least.money - turnover))


T_TURNOVER_MET = Message("turnover {turnover} ≥ {least} required (latest annual accounts)")
T_TURNOVER_SHORT = Message("turnover {turnover} < {least} required (latest annual accounts)",
                           fix="turnover must reach {reach} ({more} more)")


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
