"""Prosess- og organisasjonsinnovasjon's cost lines: which of the page's four cost kinds each
budget category is ("Hva kan finansieres?"), and how much of a line counts.

- own hours/personnel costs: ``personnel`` (and ``salary``, a salary cost of own staff, whose
  months must be given when it states no amount);
- purchased services needed for the innovation (consultancy): ``consultancy``,
  ``external_services``;
- depreciation or rent of components, instruments and equipment for the time and extent they are
  used in the project period: ``equipment``, counted as amount × the line's days inside the
  project period / its days (``incurred``, or ``start`` to ``end``; pro rata by days) ×
  ``project_share_percent`` / 100. A line wholly outside the period counts nothing; a line
  without dates falls in the project period, as every budget line does (docs/budget.md), and its
  reason says the dates would settle it; a line whose own dates or the project period are only
  partly stated is unknown, naming them. The share left out is unknown, never guessed;
- purchase of IPR needed for the project: ``ipr``.

Every other category is not eligible, with a hint where part of the cost could be booked as one
of the four (:data:`HINTS`).
"""

from __future__ import annotations

from datetime import date

from grantcheck.budget.core import BudgetCtx, LineResult, LineStatus
from grantcheck.budget.model import Category
from grantcheck.law.dates import Overlap, overlap
from grantcheck.money import Money, format_amount
from grantcheck.named import NamedTuple
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
        _equipment(bctx, lr)
        return
    lr.set(LineStatus.ELIGIBLE, f"{cat.value.replace('_', ' ')}: {kind.name}", kind.cite,
           C_KOSTNADER, group=kind.id)


def _salary_amount(lr: LineResult) -> None:
    """A salary line without ``amount`` or ``months``: the cost is monthly_salary × months."""
    lr.set(LineStatus.UNKNOWN, "a salary line without an amount needs the months it runs (the "
           "cost is monthly_salary × months)", C_KOST_TIMER, group="personnel",
           missing=(f"{lr.path}.months",))


class _When(NamedTuple):
    """Where an equipment line's depreciation or rent falls against the project period."""

    state: str  # inside | undated | straddle | outside | unsettled
    text: str
    days: Overlap | None = None  # straddle: the days inside the project period
    missing: tuple[str, ...] = ()


UNDATED = ("the line gives no dates, so it is taken to fall in the project period (only its time "
           "there counts: give start and end if the depreciation or rent runs outside it)")


def _when(bctx: BudgetCtx, lr: LineResult) -> _When:
    """'for den tiden … det benyttes i prosjektperioden': the line's own days against the project
    period (a line without dates falls in it, as every budget line does)."""
    ln = lr.line
    start, end = bctx.period()
    first: date | None
    last: date | None
    if ln.incurred:
        first = last = ln.incurred
        runs = f"the depreciation or rent falls on {first}"
    elif ln.start or ln.end:
        first, last = ln.start, ln.end
        runs = f"the depreciation or rent runs {first or '?'} to {last or '?'}"
    else:
        return _When("undated", UNDATED)
    if start is not None and last is not None and last < start:
        return _When("outside", f"{runs}, before the project starts on {start}")
    if end is not None and first is not None and first > end:
        return _When("outside", f"{runs}, after the project ends on {end}")
    missing = tuple(field for field, value in ((f"{lr.path}.start", first),
                                               (f"{lr.path}.end", last), ("budget.start", start),
                                               ("budget.end", end)) if value is None)
    if missing:
        return _When("unsettled", f"{runs}; how much of that time falls in the project period "
                     f"({start or '?'} to {end or '?'}) cannot be told: {', '.join(missing)} not "
                     "stated", missing=missing)
    assert first is not None and last is not None and start is not None and end is not None
    days = overlap(first, last, start, end)
    if days.inside == days.total:
        return _When("inside", f"{runs}, inside the project period {start} to {end}")
    inside = (f"1 day, {days.first}, falls" if days.inside == 1 else
              f"{days.inside} days, {days.first} to {days.last}, fall")
    return _When("straddle", f"{runs} ({days.total} days); {inside} in the project period "
                 f"{start} to {end}", days)


def _equipment(bctx: BudgetCtx, lr: LineResult) -> None:
    """'for den tiden og det omfanget det benyttes i prosjektperioden': the days inside the project
    period × the project's share."""
    amount, share = lr.amount, lr.line.project_share_percent
    assert amount is not None
    if share is None:
        lr.set(LineStatus.UNKNOWN,
               "depreciation or rent of equipment counts only for the time and extent it is used "
               "in the project: give project_share_percent (100 if it serves only the project)",
               C_KOST_UTSTYR, group="equipment", missing=(f"{lr.path}.project_share_percent",))
        return
    pct = format_amount(share)
    used = f"equipment used {pct} % in the project"
    when = _when(bctx, lr)
    if when.state == "outside":
        lr.set(LineStatus.INELIGIBLE, f"{when.text}: it is not used in the project period, so "
               f"nothing of {amount} counts", C_KOST_UTSTYR, group="equipment")
        return
    if when.state == "unsettled":
        most = Money(amount.amount * share / 100, amount.currency).rounded()
        lr.set(LineStatus.UNKNOWN, f"{used}; {when.text}; at most {most} of {amount} counts",
               C_KOST_UTSTYR, group="equipment", missing=when.missing)
        return
    dated = f"; {when.text}"
    if when.days is not None:
        inside, total = when.days.inside, when.days.total
        part = Money(amount.amount * inside * share / (total * 100), amount.currency).rounded()
        times = "" if share == 100 else f" × {pct} %"
        lr.set(LineStatus.PARTLY, f"{used}{dated}: {amount} × {inside}/{total} days{times} = "
               f"{part} counts (pro rata by days, assuming the cost accrues evenly; split the "
               "line if it does not)", C_KOST_UTSTYR, C_KOSTNADER, eligible=part,
               group="equipment")
        return
    if share == 100:
        lr.set(LineStatus.ELIGIBLE, f"{used}: {amount} counts{dated}", C_KOST_UTSTYR,
               C_KOSTNADER, group="equipment")
        return
    part = Money(amount.amount * share / 100, amount.currency).rounded()
    lr.set(LineStatus.PARTLY, f"{used}: {part} of {amount} counts (the rest is carried by the "
           f"company){dated}", C_KOST_UTSTYR, C_KOSTNADER, eligible=part, group="equipment")
