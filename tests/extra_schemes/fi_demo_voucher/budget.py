"""The Demo Growth Voucher's cost rules, for ``grantcheck budget`` (FICTIONAL scheme).

Encoded: only consultancy bought from an external expert counts (``consultancy``,
``external_services``); own work, equipment and travel are named as not eligible, and every other
category is not either; the grant is :func:`.grant.voucher` of the eligible costs; the grant sought
fits it.
"""

from __future__ import annotations

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    grant_sought_check,
    reasons,
)
from grantcheck.budget.model import Category
from grantcheck.engine import Check, failed, passed
from grantcheck.schemes.fi_demo_voucher.grant import OWN_FUNDING_FORM, voucher
from grantcheck.schemes.fi_demo_voucher.page import (
    C_ELIGIBLE,
    C_NOT_ELIGIBLE,
    C_RATE_AND_CAP,
    C_SOUGHT,
)
from grantcheck.schemes.fi_demo_voucher.parameters import AID_RATE, CAP
from grantcheck.schemes.fi_demo_voucher.scheme import SCHEME

ELIGIBLE = frozenset({Category.CONSULTANCY, Category.EXTERNAL_SERVICES})
NAMED_NOT_ELIGIBLE = frozenset({Category.PERSONNEL, Category.SALARY, Category.EQUIPMENT,
                                Category.HARDWARE, Category.TRAVEL})


def _classify(bctx: BudgetCtx, lr: LineResult) -> None:
    cat = lr.line.category
    if cat in ELIGIBLE:
        lr.set(LineStatus.ELIGIBLE, "consultancy bought from an external expert", C_ELIGIBLE,
               group="consultancy")
    elif cat in NAMED_NOT_ELIGIBLE:
        lr.set(LineStatus.INELIGIBLE, f"{cat.value}: own work, equipment and travel are not "
               "eligible costs", C_NOT_ELIGIBLE, group="not eligible")
    else:
        lr.set(LineStatus.INELIGIBLE, f"{cat.value} is not consultancy bought from an external "
               "expert, the only eligible cost", C_ELIGIBLE, group="not eligible")


def _grant(bctx: BudgetCtx) -> list[GrantPart]:
    # BudgetCtx.param gives a money parameter in the scheme's currency; the rate is read as is
    v = voucher(bctx.total(), AID_RATE.at(bctx.on), bctx.param(CAP))
    bound = f"the cap: at most {v.cap} per company" if v.capped else "the rate"
    return [GrantPart("the voucher", v.costs, v.rate, v.grant, bound, v.cap, (C_RATE_AND_CAP,))]


book = BudgetBook()


@book.budget_rule("FDVB01", "Only consultancy bought from an external expert is in the budget",
                  cites=[C_ELIGIBLE, C_NOT_ELIGIBLE], reads=["budget.lines"])
def only_consultancy(bctx: BudgetCtx) -> Check:
    """'Eligible costs are consultancy services bought from an external expert.'"""
    bad = [lr for lr in bctx.lines if lr.status is LineStatus.INELIGIBLE]
    if not bad:
        return passed(f"every line is consultancy bought from an external expert "
                      f"({len(bctx.lines)} line(s))")
    return failed(f"{len(bad)} line(s) not eligible: {reasons(bad)}",
                  "take the other costs out of the voucher's budget (the company carries them)")


@book.budget_rule("FDVB02", "The grant sought fits the voucher", cites=[C_SOUGHT, C_RATE_AND_CAP],
                  reads=["budget.grant_sought"])
def grant_sought(bctx: BudgetCtx) -> Check:
    """'The grant sought cannot be more than the voucher.'"""
    return grant_sought_check(bctx)


CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=_classify,
    grant=_grant,
    rules=tuple(book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="only consultancy and external_services (consultancy bought from an external "
    "expert) count; every other category is not eligible",
    parameters=(AID_RATE, CAP),
    notes=("Fictional: a test fixture of grantcheck.",),
)
