"""Säker digitalisering's budget lines: the page's closed list of cost types, the project
window and each line's dates, the training add-on, and how each line is classified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from grantcheck.budget.core import (
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    capped_part,
    line_dates,
)
from grantcheck.budget.model import Category
from grantcheck.citations import Citation
from grantcheck.law.dates import overlap
from grantcheck.money import Money, min_money
from grantcheck.schemes.se_saker_digitalisering.costs import (
    ELIGIBLE_COSTS,
    CostType,
)
from grantcheck.schemes.se_saker_digitalisering.grant import grant_for
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_GENOMFORANDETID,
    C_KOSTNADER_PERIOD,
    C_KOSTNADSSLAG,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_PERIOD,
    C_PERIOD_START,
    C_TILLAGG,
    C_TILLAGG_MAX,
    SOURCE,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    CALL_BUDGET,
    MAX_SHARE,
    PROJECT_END_LATEST,
    PROJECT_START_EARLIEST,
    TRAINING_MAX,
    TRAINING_PER_PERSON,
)

# --- citations of the cost rules (copied exactly from the page) ------------------------------

C_INNAN_START = Citation(
    SOURCE, "Vilka krav, villkor och regler gäller?",
    "Du kan inte få ersättning för kostnader du haft innan projektperiodens start.")
C_ALLMANNA_VILLKOR = Citation(
    SOURCE, "Hur ska vi förbereda oss inför ansökan?",
    "Gå till Tillväxtverkets Allmänna villkor och se vad som gäller för stödet.")

PERIOD_CITES = (C_KOSTNADER_PERIOD, C_PERIOD_START, C_INNAN_START, C_PERIOD, C_GENOMFORANDETID)
OWN_FUNDING_FORM = "cash (own organisation or an external actor)"
STAFF_AS_CASH = ("whether the applicant's own paid staff costs count as cash co-financing is a "
                 "reading, not the page's words ('kontant medfinansiering, från egen organisation "
                 "eller från extern aktör')")

# --- the cost types: the page's closed list ----------------------------------------------------

PERSONNEL, FLAT_RATE, EXTERNAL, INVESTMENTS, TRAVEL = (c.id for c in ELIGIBLE_COSTS)
TRAINING = "training"
_TYPES: dict[str, CostType] = {c.id: c for c in ELIGIBLE_COSTS}

GROUPS: dict[Category, str] = {
    Category.PERSONNEL: PERSONNEL,
    Category.SALARY: PERSONNEL,
    Category.FLAT_RATE: FLAT_RATE,
    Category.CONSULTANCY: EXTERNAL,
    Category.EXTERNAL_SERVICES: EXTERNAL,
    Category.HARDWARE: INVESTMENTS,
    Category.SOFTWARE: INVESTMENTS,
    Category.SOFTWARE_SUBSCRIPTION: INVESTMENTS,
    Category.COMMISSIONING: INVESTMENTS,
    Category.TRAVEL: TRAVEL,
    Category.TRAINING: TRAINING,
}

_ELIGIBLE_WHY: dict[Category, str] = {
    Category.PERSONNEL: "own staff's costs are an eligible cost type ('personal')",
    Category.SALARY: "a salary cost is a personnel cost ('personal'), an eligible cost type "
    "(for the work on the project)",
    Category.FLAT_RATE: "a flat rate ('schablon') is an eligible cost type; the page does not "
    "state its rate (Tillväxtverket's Allmänna villkor do): the amount is not checked",
    Category.CONSULTANCY: "consultancy is an external service ('externa tjänster'), an eligible "
    "cost type",
    Category.EXTERNAL_SERVICES: "external services ('externa tjänster') are an eligible cost "
    "type",
    Category.HARDWARE: "hardware counts as an investment ('investeringar'): a small cost for a "
    "digital tool supporting the project",
    Category.SOFTWARE: "software counts as an investment ('investeringar'): a small cost for a "
    "digital tool supporting the project",
    Category.SOFTWARE_SUBSCRIPTION: "a software subscription counts as an investment "
    "('investeringar'): a small cost for a digital tool supporting the project",
    Category.COMMISSIONING: "installing and configuring a digital tool counts with the "
    "investment ('investeringar'; bought from a supplier it is also an external service)",
    Category.TRAVEL: "travel and accommodation ('resor och logi') are an eligible cost type",
}

_REBOOK = ("if it is own staff's time on the project, book it as personnel; if it is a service "
           "bought for the project, as external_services")
_INELIGIBLE_WHY: dict[Category, str] = {
    Category.ADMINISTRATION: "project management and administration is not itself a cost type "
    "on the page's list; " + _REBOOK,
    Category.EQUIPMENT: "depreciation or rent of instruments and equipment is not on the page's "
    "list; investments cover only small costs for digital tools (book such a tool as hardware "
    "or software)",
    Category.IPR: "patents, licences and other intellectual property are not on the page's list",
    Category.MARKETING: "sales and marketing is not a cost type on the page's list; " + _REBOOK,
    Category.COMMUNICATION: "communication is not a cost type on the page's list; " + _REBOOK,
    Category.STRATEGY: "strategy development is not a cost type on the page's list; " + _REBOOK,
    Category.MARKET_ANALYSIS: "market analysis is not a cost type on the page's list; "
    + _REBOOK,
    Category.OPERATIONS: "ordinary operations are not a project cost on the page's list",
    Category.APPLICATION_WRITING: "writing the application is not on the page's list, and it "
    "falls before the application date, where no cost counts",
    Category.OTHER: "'other' is not a cost type on the page's list: book the cost as the type "
    "it is (personnel, flat_rate, external_services, an investment in a digital tool, travel)",
}

# --- the project window ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Window:
    """The days a cost may fall on: [first, last], as far as the budget states them."""

    first: date | None  # the application date, or the project start when later
    first_text: str
    last: date  # 2023-10-31, or the project end when earlier
    last_text: str
    complete: bool  # the application date is known (else costs before it cannot be seen)


def _window(bctx: BudgetCtx) -> _Window:
    applied = bctx.application_date()
    start, end = bctx.period()
    latest = PROJECT_END_LATEST.at(bctx.on)
    earliest = PROJECT_START_EARLIEST.at(bctx.on)  # 'genomförandetid under 2023', as SD21
    first, first_text = applied, f"the application date {applied}" if applied else ""
    if start is not None and (first is None or start > first):
        first, first_text = start, f"the project start {start}"
    if first is None or earliest > first:
        first, first_text = earliest, f"{earliest} (the pilot projects run in {earliest.year})"
    last, last_text = latest, f"{latest} (the latest project end)"
    if end is not None and end < latest:
        last, last_text = end, f"the project end {end}"
    return _Window(first, first_text, last, last_text, applied is not None)


@dataclass(frozen=True)
class _Dates:
    """Where one line's cost falls against the window."""

    verdict: str  # inside | outside | straddle | unchecked
    text: str  # the sentence for the reason
    part: Money | None = None  # the part inside (pro rata by days), for an own straddling period
    missing: tuple[str, ...] = ()


def _dates(bctx: BudgetCtx, lr: LineResult) -> _Dates:
    ln, amount = lr.line, lr.amount
    w = _window(bctx)
    first, last = line_dates(lr, bctx)
    own = bool(ln.incurred or ln.start or ln.end)
    if first is not None and last is not None and first != last:
        when = f"{first} to {last}"
    else:
        when = str(first or last or "?")
    whose = "" if own else " (the project period: the line gives no dates)"
    if last is not None and w.first is not None and last < w.first:
        return _Dates("outside", f"the cost falls on {when}{whose}, before {w.first_text}: "
                      "costs before the project period do not count")
    if first is not None and first > w.last:
        return _Dates("outside", f"the cost falls on {when}{whose}, after {w.last_text}: "
                      "costs after the project period do not count")
    cut_low = w.first is not None and first is not None and first < w.first
    cut_high = last is not None and last > w.last
    if cut_low or cut_high:
        if not own:
            return _Dates(
                "straddle", f"the project period {when} runs outside the window "
                f"({w.first_text or 'the application date'} to {w.last_text}) and the line "
                f"gives no dates of its own: give {lr.path}.incurred (or start and end) so "
                "that it can be told whether the cost falls inside, or correct the project "
                "period", missing=(f"{lr.path}.incurred",))
        assert first is not None and last is not None and amount is not None
        lo, hi, inside, total = overlap(first, last, w.first, w.last)
        if inside == 0:  # an empty window (the project starts after it ends)
            return _Dates("outside", f"the cost falls on {when}, outside the project period")
        part = Money(amount.amount * inside / total, amount.currency).floored()
        return _Dates("straddle", f"the cost runs {when} ({total} days); {inside} days fall "
                      f"from {lo} to {hi}, inside the project period: {part} of {amount} count "
                      "(pro rata by days, assuming the cost accrues evenly; split the line if it "
                      "does not)", part=part)
    missing: list[str] = []
    if first is None:
        missing.append("budget.start")
    if last is None:
        missing.append("budget.end")
    if not w.complete:
        missing.append("budget.application_date")
    if missing:
        return _Dates("unchecked", f"when the cost falls cannot be checked: "
                      f"{' and '.join(missing)} not stated", missing=tuple(missing))
    return _Dates("inside", f"the cost falls on {when}{whose}, inside the project period")


# --- the training add-on ---------------------------------------------------------------------


def _training_persons(bctx: BudgetCtx) -> tuple[int | None, str]:
    if bctx.budget.training_persons is not None:
        return bctx.budget.training_persons, "budget.training_persons"
    persons = bctx.value("project.training_addon.persons")
    if persons is None:
        return None, ""
    assert isinstance(persons, int)
    return persons, "project.training_addon.persons"


def _training_cap(bctx: BudgetCtx, persons: int) -> tuple[Money, str]:
    overall = bctx.param(TRAINING_MAX)
    per_person = bctx.param(TRAINING_PER_PERSON)
    by_persons = per_person * persons
    cap = min_money(overall, by_persons)
    return cap, (f"at most the lower of {overall} and {per_person} × {persons} person(s) = "
                 f"{by_persons}, i.e. {cap}")


# --- lines ------------------------------------------------------------------------------------


def _classify(bctx: BudgetCtx, lr: LineResult) -> None:
    ln = lr.line
    cat = ln.category
    if cat not in GROUPS:
        lr.set(LineStatus.INELIGIBLE,
               f"{cat.value.replace('_', ' ')}: not an eligible cost type ('personal, schablon, "
               f"externa tjänster, investeringar, resor och logi' only): {_INELIGIBLE_WHY[cat]}",
               C_KOSTNADSSLAG)
        return
    group = GROUPS[cat]
    cites: tuple[Citation, ...]
    if group == TRAINING:
        cites = (C_TILLAGG_MAX, C_TILLAGG, C_MAX_50_PROCENT)
        why = "training in digital security for own staff (the add-on, 'Tilläggsinsats')"
    else:
        cites = (_TYPES[group].cite,)  # the investments' own sentence for investments
        if _TYPES[group].cite is not C_KOSTNADSSLAG:
            cites = (*cites, C_KOSTNADSSLAG)
        if cat is Category.FLAT_RATE:
            cites = (*cites, C_ALLMANNA_VILLKOR)
        why = _ELIGIBLE_WHY[cat]
    if lr.amount is None:  # a salary line without its months (core computes it with them)
        lr.set(LineStatus.UNKNOWN, f"{why}; give the months the monthly salary is paid "
               "for the project", *cites, group=group, missing=(f"{lr.path}.months",))
        return
    amount = lr.amount
    d = _dates(bctx, lr)
    if d.verdict == "outside":
        lr.set(LineStatus.INELIGIBLE, f"{cat.value.replace('_', ' ')}: {d.text}",
               *PERIOD_CITES, group=group)
        return
    if d.verdict == "straddle" and d.part is None:
        lr.set(LineStatus.UNKNOWN, d.text, *PERIOD_CITES, group=group, missing=d.missing)
        return
    eligible = d.part if d.part is not None else amount
    reason = why + (f"; {d.text}" if d.verdict == "straddle" else "")
    if d.verdict == "straddle":
        cites = (*PERIOD_CITES, *cites)
    if group == TRAINING:
        persons, _ = _training_persons(bctx)
        used = bctx.total([x for x in bctx.lines if x.group == TRAINING and x.counted])
        if persons is None and used + eligible <= bctx.param(TRAINING_PER_PERSON):
            # a training is taken by at least one person: one person's SEK 30,000 counts
            lr.set(LineStatus.ELIGIBLE, f"{reason}; within SEK 30,000, one participating "
                   "person's maximum of the add-on, whatever the number of persons", *cites,
                   group=group)
            return
        if persons is None:
            lr.set(LineStatus.UNKNOWN, f"{reason}; the add-on is at most SEK 30,000 per "
                   "participating person (at most SEK 180,000): state budget.training_persons",
                   *cites, group=group, missing=("budget.training_persons",))
            return
        cap, cap_text = _training_cap(bctx, persons)
        left = cap - used if used < cap else Money.zero(cap.currency)
        if eligible > left:
            earlier = f", of which {used} is used by earlier training lines" if used.amount \
                else ""
            reason += (f"; the add-on is {cap_text}{earlier}: {left} of {eligible} count")
            eligible = left
        else:
            reason += f"; within the add-on's cap ({cap_text})"
    if eligible == amount:
        lr.set(LineStatus.ELIGIBLE, reason, *cites, group=group)
    elif eligible.amount > 0:
        lr.set(LineStatus.PARTLY, reason, *cites, eligible=eligible, group=group)
    else:
        lr.set(LineStatus.INELIGIBLE, reason, *cites, group=group)


# --- the grant --------------------------------------------------------------------------------

_CALL_WHY = "the call's whole budget of SEK 10,000,000 (derived: no single grant can exceed it)"


def _sought(bctx: BudgetCtx) -> Money | None:
    s = bctx.budget.grant_sought
    return None if s is None else bctx.in_scheme_currency(s)


def _allowed(bctx: BudgetCtx, base: Money) -> Money:
    """What a base allows: 50 % of it, at most the call's budget (floored to 0.01)."""
    return grant_for(base, MAX_SHARE.at(bctx.on), bctx.param(CALL_BUDGET))


def _grant(bctx: BudgetCtx) -> list[GrantPart]:
    caps = [(bctx.param(CALL_BUDGET), _CALL_WHY)]
    sought = _sought(bctx)
    if sought is not None:
        caps.append((sought, f"the grant sought (budget.grant_sought), {sought}"))
    return [capped_part("Tillväxtverket's share of the total budget", bctx.total(),
                        MAX_SHARE.at(bctx.on), caps, C_MAX_50_PROCENT, C_MAX_10_MKR,
                        C_TILLAGG_MAX)]


def _undecided(bctx: BudgetCtx) -> tuple[Money | None, tuple[str, ...]]:
    """The amount of the undecided lines (None: some amount itself is unknown) and the fields."""
    lines = [lr for lr in bctx.lines if lr.status is LineStatus.UNKNOWN]
    fields = tuple(dict.fromkeys(m for lr in lines for m in lr.missing))
    if any(lr.amount is None for lr in lines):
        return None, fields
    return bctx.total(lines, eligible=False), fields
