"""Prosess- og organisasjonsinnovasjon's cost lines: which of the page's four cost kinds each
budget category is ("Hva kan finansieres?"), and how much of a line counts.

- own hours/personnel costs: ``personnel`` (and ``salary``, a salary cost of own staff, whose
  months must be given when it states no amount);
- purchased services needed for the innovation (consultancy): ``consultancy``,
  ``external_services``;
- depreciation or rent of components, instruments and equipment for the time and extent they are
  used in the project: ``equipment``, counted as amount × ``project_share_percent`` / 100 (the
  share left out is unknown, never guessed);
- purchase of IPR needed for the project: ``ipr``.

Every other category is not eligible, with a hint where part of the cost could be booked as one
of the four (:data:`HINTS`).
"""

from __future__ import annotations

from grantcheck.budget.core import BudgetCtx, LineResult, LineStatus
from grantcheck.budget.model import Category
from grantcheck.money import Money, format_amount
from grantcheck.schemes.no_prosessinnovasjon.page import (
    C_KOST_TIMER,
    C_KOST_UTSTYR,
    C_KOSTNADER,
    ELIGIBLE_COSTS,
    CostType,
)

# --- which category is which of the page's four cost kinds ----------------------------------

_COST = {c.id: c for c in ELIGIBLE_COSTS}
KINDS: dict[Category, CostType] = {
    Category.PERSONNEL: _COST["personnel"],
    Category.SALARY: _COST["personnel"],
    Category.CONSULTANCY: _COST["services"],
    Category.EXTERNAL_SERVICES: _COST["services"],
    Category.EQUIPMENT: _COST["equipment"],
    Category.IPR: _COST["ipr"],
}
# A hint for categories that are not among the four, when part of the cost could be.
HINTS: dict[Category, str] = {
    Category.HARDWARE: "equipment counts only as depreciation or rent for the time and extent "
    "it is used in the project: book that part as equipment with its project_share_percent",
    Category.SOFTWARE: "only depreciation or rent of components, instruments and equipment is "
    "listed, not software bought",
    Category.SOFTWARE_SUBSCRIPTION: "only depreciation or rent of components, instruments and "
    "equipment is listed, not software on subscription",
    Category.COMMISSIONING: "installation work bought from a supplier and needed for the "
    "innovation is a purchased service: book it as external_services",
    Category.ADMINISTRATION: "project management by own staff is booked as personnel (own "
    "hours); bought project management needed for the innovation as consultancy",
    Category.OTHER: "if the cost is one of the four kinds, book it under that category",
}


def classify(bctx: BudgetCtx, lr: LineResult) -> None:
    """Decide one line: one of the four kinds (in part, for equipment), or not eligible."""
    ln = lr.line
    cat = ln.category
    kind = KINDS.get(cat)
    if kind is None:
        hint = HINTS.get(cat)
        lr.set(LineStatus.INELIGIBLE,
               f"{cat.value.replace('_', ' ')} is not among the four cost kinds the page lists "
               "(own hours/personnel costs; purchased services needed for the innovation; "
               "depreciation or rent of instruments and equipment for their use in the project; "
               "IPR needed for the project)" + (f": {hint}" if hint else ""),
               C_KOSTNADER, group="not eligible")
        return
    if cat is Category.SALARY and lr.amount is None:
        _salary_amount(lr)
        return
    if cat is Category.EQUIPMENT:
        _equipment(lr)
        return
    lr.set(LineStatus.ELIGIBLE, f"{cat.value.replace('_', ' ')}: {kind.name}", kind.cite,
           C_KOSTNADER, group=kind.id)


def _salary_amount(lr: LineResult) -> None:
    """A salary line without ``amount`` or ``months``: the cost is monthly_salary × months."""
    lr.set(LineStatus.UNKNOWN, "a salary line without an amount needs the months it runs (the "
           "cost is monthly_salary × months)", C_KOST_TIMER, group="personnel",
           missing=(f"{lr.path}.months",))


def _equipment(lr: LineResult) -> None:
    """'for den tiden og det omfanget det benyttes i prosjektperioden': the project's share."""
    amount, share = lr.amount, lr.line.project_share_percent
    assert amount is not None
    if share is None:
        lr.set(LineStatus.UNKNOWN,
               "depreciation or rent of equipment counts only for the time and extent it is used "
               "in the project: give project_share_percent (100 if it serves only the project)",
               C_KOST_UTSTYR, group="equipment", missing=(f"{lr.path}.project_share_percent",))
        return
    pct = format_amount(share)
    if share == 100:
        lr.set(LineStatus.ELIGIBLE, f"equipment used 100 % in the project: {amount} counts",
               C_KOST_UTSTYR, C_KOSTNADER, group="equipment")
        return
    part = Money(amount.amount * share / 100, amount.currency).rounded()
    lr.set(LineStatus.PARTLY, f"equipment used {pct} % in the project: {part} of {amount} counts "
           "(the rest is carried by the company)", C_KOST_UTSTYR, C_KOSTNADER, eligible=part,
           group="equipment")
