"""Prosess- og organisasjonsinnovasjon's budget against the incentive effect, as `match`'s PO13
reads it: GBER applies only to aid with an incentive effect, and "Aid shall be considered to have
an incentive effect if the beneficiary has submitted a written application for the aid … before
work on the project or activity starts" (Regulation (EU) No 651/2014, art. 6(1) and (2); art.
6(5) does not exempt aid for process and organisational innovation). Not on the page, which ties
the financing to GBER: "Merk at finansiering av prosess- og organisasjonsinnovasjon er knyttet
til GBER 29 i Statsstøtteregelverket" (Hva kan finansieres?).

Readings (the same as PO13's, :func:`grantcheck.law.gber.applied_before_work_starts`):
- the work starts on the project period's first day (``budget.start``, else ``project.start``),
  and no later than the first day of any cost of the project's work: a line's ``incurred`` or
  ``start`` (the earlier), or a day on or before its ``end``. A line without dates falls in the
  project period (docs/budget.md). A cost or a period that begins before the application date
  means the work began before it: the aid has no incentive effect, whatever the line's amount,
  so the rule fails (the lines keep their status: it is the aid, not the line, that GBER
  refuses).
- ``equipment`` lines are left out: depreciation or rent of an instrument the company already
  held starts with the instrument, not with the project's work, and only its days inside the
  project period count (POB02).
- The same day passes: the application can be sent before the work begins that day.
- An application date left out (``budget.application_date``, else the profile's
  ``project.application_date``) is read as the evaluation date, as the call's rule reads it: a
  start on or after it is in time; one before it is unknown (an application may have been sent
  by then). Dates that cannot be settled (no period start, undated lines) are unknown, naming the
  field, never taken as in time.
"""

from __future__ import annotations

from datetime import date

from grantcheck.budget.core import BudgetCtx
from grantcheck.budget.model import Category
from grantcheck.engine import Check, failed, passed, unknown
from grantcheck.law import gber
from grantcheck.schemes.no_prosessinnovasjon.page import C_GBER29

TITLE = "No cost or work of the project starts before the application is sent"
CITES = (C_GBER29, gber.ART_6_2)
READS = ("budget.lines[].incurred", "budget.lines[].start", "budget.lines[].end",
         "budget.start", "project.start", "budget.application_date", "project.application_date")
_SIX_TWO = ("GBER art. 6(2), not on the page: the application is sent before work on the "
            "project starts; aid for a project already started has no incentive effect")


def applied_before_costs(bctx: BudgetCtx) -> Check:
    """The project period's first day and every dated cost (equipment apart) against the
    application date; see the module's readings."""
    stated = bctx.application_date()
    applied = stated or bctx.on
    start, _ = bctx.period()
    firsts: list[tuple[str, date]] = []  # what began, and the day it began at the latest
    undated = 0
    if start is not None:
        firsts.append(("the project period", start))
    for lr in bctx.lines:
        ln = lr.line
        if ln.category is Category.EQUIPMENT:
            continue
        own = [d for d in (ln.incurred, ln.start) if d is not None]
        if own:
            firsts.append((lr.label, min(own)))
        elif ln.end is not None and ln.end < applied:
            firsts.append((lr.label, ln.end))  # it began on or before its end
        else:
            undated += 1
    early = [f"{what} ({day})" for what, day in firsts if day < applied]
    named = (f"the application dated {applied}" if stated else
             f"the evaluation date {applied} (no application date stated: read as sent then)")
    if early:
        said = f"{', '.join(early)} {_begin(len(early))} before {named}"
        if stated:
            return failed(f"{said} ({_SIX_TWO})",
                          "apply before the work starts: costs of a project started before its "
                          "application cannot get this aid; correct the dates if they are wrong")
        return unknown(f"{said}: in time only if the application was sent by then ({_SIX_TWO})",
                       "budget.application_date",
                       fix=f"state budget.application_date (the day the application was "
                       f"sent): on or before {min(day for _, day in firsts)}")
    if start is None and (undated or not firsts):
        fields = ("budget.start",) if stated else ("budget.start", "budget.application_date")
        dated = f"; {len(firsts)} dated cost line(s) begin on or after {named}" if firsts else ""
        return unknown(f"the project period's start is not stated (budget.start, or the "
                       f"profile's project.start), so when the work begins is not known"
                       f"{dated} ({_SIX_TWO})",
                       *fields, fix="state " + " and ".join(fields) + " (the first day of work "
                       "on the project, and the day the application is or will be sent)")
    lines = len(firsts) - (start is not None)
    begun = [*([f"the project period (from {start})"] if start is not None else []),
             *([f"{lines} dated cost line(s) (equipment apart)"] if lines else [])]
    return passed(f"{' and '.join(begun)} {_begin(len(firsts))} on or after {named} (GBER art. "
                  "6(2), not on the page)")


def _begin(n: int) -> str:
    return "begins" if n == 1 else "begin"
