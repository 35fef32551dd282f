"""Innobooster People's budget period, for :mod:`.budget`: when the funded employees' grant
period may start (IPB09, the earliest start of :mod:`.derived`, as IP25 computes it) and whether
a stated end is the end of the funded months (IPB10)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from grantcheck.budget.core import BudgetCtx
from grantcheck.engine import Check, failed, passed, unknown
from grantcheck.law.dates import last_day_or_later
from grantcheck.schemes.dk_innobooster_people.derived import (
    earliest_start,
    month_start,
    start_on,
)


def starts_check(bctx: BudgetCtx, starts: Sequence[tuple[str, date | None]]) -> Check:
    """IPB09 on each funded employee's (name, first start). 'Bevillingen kan tidligst gives med
    starttidspunkt den 1. i måneden efter, at ansøgningen er godkendt' sets the earliest start,
    the 1st of the month after the approval; it does not say the period must begin on a 1st.
    The approval comes on the application date at the earliest, so a start before the 1st of the
    month after the application month fails whenever the approval comes; a later one is allowed
    by an approval in an earlier month than the start's, so it is decided by
    ``budget.approval_date`` and unknown without it (no date is assumed)."""
    approved, applied = bctx.budget.approval_date, bctx.application_date()
    if approved is not None and applied is not None and approved < applied:
        return unknown(f"the approval date {approved} is before the application date {applied}",
                       "budget.approval_date", fix="state the day the application was approved "
                       "(budget.approval_date), on or after the application date")
    bound = approved or applied
    earliest = earliest_start(bctx.on, bound) if bound else None
    if approved is not None:
        said = (f"the earliest start is {earliest}, the 1st of the month after the approval "
                f"date {approved}")
    elif applied is not None:
        said = (f"the earliest possible start is {earliest}, the 1st of the month after the "
                f"application month (the application date {applied} is the earliest approval)")
    else:
        said = ("the grant period starts at the earliest on the 1st of the month after the "
                "approval; neither the application nor the approval date is stated")
    parts: list[str] = []
    bad: list[str] = []
    undecided: list[date] = []
    missing: list[str] = []
    for name, start in starts:
        if start is None:
            parts.append(f"{name}: start not stated")
            missing.append("budget.start")
            continue
        parts.append(f"{name}: {start_on(start)}")
        if earliest is not None and start < earliest:
            bad.append(name)
        elif approved is None:
            undecided.append(start)
    message = "; ".join(parts) + f"; {said}"
    if bad:
        return failed(message, f"start the grant period on {earliest} or later: "
                      + ", ".join(bad))
    if undecided:  # approved in a month before the start's month: by the day before its 1st
        message += (f"; allowed only if the application is approved by "
                    f"{month_start(min(undecided)) - timedelta(days=1)}")
    if approved is None and (undecided or missing):
        missing += ["budget.approval_date"] + ([] if bound else ["budget.application_date"])
    if missing:
        return unknown(message, *dict.fromkeys(missing))
    return passed(message)


def ends_check(periods: Sequence[tuple[str, int, date | None, date | None, str]]) -> Check:
    """IPB10 on each funded employee's (name, months, start, end, the end's field): a stated end
    is the last day of the funded months from the start (12 months from 2021-01-01 end on
    2021-12-31); when the dates and the months disagree, the budget does not say which is right."""
    parts: list[str] = []
    missing: list[str] = []
    for name, months, start, end, field in periods:
        if end is None:
            parts.append(f"{name}: {months} months, no end stated")
            continue
        if start is None:
            parts.append(f"{name}: ends {end}, start not stated")
            missing.append("budget.start")
            continue
        last = last_day_or_later(start, months)
        if end == last:
            parts.append(f"{name}: {months} months, {start} to {end}")
        else:
            parts.append(f"{name}: {start} to {end}, but {months} months from {start} end on "
                         f"{last}")
            missing.append(field)
    message = "; ".join(parts)
    if missing:
        return unknown(message, *dict.fromkeys(missing),
                       fix="make the end the last day of the funded months (or the months "
                       "those of the dates)")
    return passed(message)
