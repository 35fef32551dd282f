"""Säker digitalisering's budget rules on how the project is financed and what the money may
buy, for :mod:`.budget`, in the order of the page: the cash co-financing (SDB06), own staff costs
offered as cash (SDB07), the eligible cost types (SDB08) and small investments (SDB09)."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.budget.core import (
    BudgetBook,
    BudgetCtx,
    LineResult,
)
from grantcheck.budget.model import Financing, Source
from grantcheck.engine import Check, Kind, failed, info, passed, unknown
from grantcheck.money import Money, format_percent
from grantcheck.schemes.se_saker_digitalisering.budget_lines import (
    GROUPS,
    INVESTMENTS,
    PERSONNEL,
    STAFF_AS_CASH,
    _undecided,
)
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_FORORDNINGSKRAV,
    C_INVESTERINGAR,
    C_KOSTNADSSLAG,
    C_MEDFINANSIERING,
    C_MERVARDE,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    COFINANCING_MIN,
)

# --- rules ------------------------------------------------------------------------------------

book = BudgetBook()


def _labels(lines: list[LineResult]) -> str:
    return "; ".join(f"{lr.label}, {lr.amount}: {lr.reason}" for lr in lines)


def _financing(bctx: BudgetCtx, form: Financing, *sources: Source) -> Money:
    total = Money.zero(bctx.currency)
    for f in bctx.budget.financing or ():
        if f.financing is form and (not sources or f.source in sources):
            total += bctx.in_scheme_currency(f.amount)
    return total


@book.budget_rule("SDB06", "The cash co-financing is at least 50 % of the budget",
                  cites=[C_MEDFINANSIERING, C_FORORDNINGSKRAV, C_MERVARDE],
                  reads=["budget.financing", "budget.lines"])
def cash_cofinancing(bctx: BudgetCtx) -> Check:
    """'Medfinansiering ... ska uppgå till 50 procent av projektets budget i form av kontant
    medfinansiering, från egen organisation eller från extern aktör.'"""
    base = bctx.total()
    share = COFINANCING_MIN.at(bctx.on)
    required = base * share
    own = base - bctx.grant
    need = (f"at least {format_percent(share)} of the eligible base {base} = "
            f"{required.rounded()} in cash, from the applicant's organisation or an external "
            f"actor (the own funding of the eligible base is {own})")
    if bctx.budget.financing is None:
        return info(f"no financing lines: the budget needs {need}; in-kind contributions do not "
                    f"count; {STAFF_AS_CASH}")
    cash = _financing(bctx, Financing.CASH)
    public = _financing(bctx, Financing.CASH, Source.PUBLIC)
    in_kind = _financing(bctx, Financing.IN_KIND)
    said = f"cash co-financing {cash}; {need}"
    if public.amount:
        said += (f"; {public} of the cash is public, read as an external actor's (the page "
                 "welcomes regional co-financing)")
    if in_kind.amount:
        said += f"; in-kind financing {in_kind} does not count"
    if cash >= required:
        more, fields = _undecided(bctx)
        if not fields:
            return passed(said)
        if more is not None and cash >= (base + more) * share:
            return passed(said + "; enough even if the undecided lines count")
        return unknown(said + "; the undecided lines could raise what is required", *fields)
    fix = (f"raise the cash co-financing to {required.rounded()} "
           f"({(required - cash).rounded()} more)")
    if in_kind.amount:
        fix += "; in-kind contributions must become cash to count"
    return failed(said, fix)


@book.budget_rule("SDB07", "Own staff costs offered as cash co-financing are confirmed with "
                  "Tillväxtverket", cites=[C_MEDFINANSIERING], kind=Kind.SOFT,
                  reads=["budget.lines", "budget.financing"])
def staff_costs_as_cash(bctx: BudgetCtx) -> Check:
    """The page says 'kontant medfinansiering'; it does not say whether paid staff costs are."""
    staff = bctx.total(bctx.in_group(PERSONNEL))
    if not staff.amount:
        return passed("no personnel costs in the budget: the question does not arise")
    financing = bctx.budget.financing
    if financing is not None and not any(f.source is Source.OWN for f in financing):
        return passed(f"personnel costs {staff}; no financing line comes from the "
                      "applicant's own organisation, so the question does not arise")
    own = _financing(bctx, Financing.CASH, Source.OWN) + _financing(
        bctx, Financing.IN_KIND, Source.OWN)
    offered = f"; own co-financing {own}" if financing is not None else ""
    return failed(f"personnel costs {staff}{offered}: {STAFF_AS_CASH}",
                  "confirm with Tillväxtverket that the applicant's paid staff costs count as "
                  "cash co-financing, or co-finance in cash")


@book.budget_rule("SDB08", "Only the call's eligible cost types are in the budget",
                  cites=[C_KOSTNADSSLAG], reads=["budget.lines"])
def eligible_cost_types(bctx: BudgetCtx) -> Check:
    """'De specifika stödberättigade kostnader ... är personal, schablon, externa tjänster,
    investeringar, resor och logi.' (a closed list)"""
    bad = [lr for lr in bctx.lines if lr.line.category not in GROUPS]
    if bad:
        total = bctx.total(bad, eligible=False)
        return failed(f"{len(bad)} line(s), {total}, are not of an eligible cost type: "
                      + _labels(bad),
                      "remove them, or book each as the cost type it is (personnel, flat_rate, "
                      "external_services, hardware/software for a digital tool, travel, "
                      "training)")
    return passed(f"all {len(bctx.lines)} line(s) are of an eligible cost type: personnel, "
                  "flat rate, external services, investments, travel and accommodation, or the "
                  "training add-on")


@book.budget_rule("SDB09", "Investments are small costs for digital tools", kind=Kind.INFO,
                  cites=[C_INVESTERINGAR], reads=["budget.lines"])
def small_investments(bctx: BudgetCtx) -> Check:
    """'Investeringar avser här mindre kostnader för digitala verktyg som stöd för
    projektgenomförandet.' The page sets no amount: stated, not checked."""
    lines = bctx.in_group(INVESTMENTS)
    if not lines:
        return info("no investment lines")
    inv, base = bctx.total(lines), bctx.total()
    share = (inv.amount * 100 / base.amount).quantize(Decimal("0.1")) if base.amount else 0
    return info(f"investments {inv} in {len(lines)} line(s), {share} % of the eligible base: "
                "the page counts investments only as small costs for digital tools supporting "
                "the project and sets no amount: be ready to justify them")
