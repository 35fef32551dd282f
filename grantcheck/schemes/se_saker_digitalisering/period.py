"""Säker digitalisering: the call window's and the project period's rules (SD20, SD21, SD16,
SD17), registered in ``rules.py`` in the order of the page ("Stänger 1 mars 2023"; "Hur länge
kan projektet pågå?").

The page names no opening day. It speaks of the 2022 pilot as past ("som drevs under ett halvår
2022") and builds on it ("bygger vidare på erfarenheter från"; the application is "Pilot
fortsättning säker digitalisering"): six months run in 2022 end on 2022-06-30 at the earliest, so
the call cannot have opened before 2022-07-01 (``legal.KNOWN_FROM``). An application dated
before that day is decided by this bound (SD20 fails); any later one by the closing day alone.

A project ends on or after its start (a profile whose ``project.end`` is before its
``project.start`` is refused), so one date stated bounds the other when it is left out: a project
ending before 2023 starts before 2023 too, one ending before its application date starts before
it, and one starting after 2023-10-31 ends after it. An application date left out is the
evaluation date's, as SD20 reads it, so a start on or after that date is in time (SD16). Those
are decided; any other missing date is *needs information*, naming it.
"""

from __future__ import annotations

from datetime import date

from grantcheck.engine import Check, Ctx, Message, applied_by, missing
from grantcheck.schemes.se_saker_digitalisering.derived import not_stated, unstated
from grantcheck.schemes.se_saker_digitalisering.legal import KNOWN_FROM
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    CALL_CLOSES,
    PROJECT_END_LATEST,
    PROJECT_START_EARLIEST,
)

_BY_LAST_DAY = applied_by(CALL_CLOSES)


def applied_in_window(ctx: Ctx) -> Check:
    """'Stänger 1 mars 2023': an application dated after the last open day cannot be sent; one
    dated before 2022-07-01, the earliest day the call can have opened (the page speaks of the
    2022 pilot as past), cannot have been sent to it either."""
    applied: date | None = ctx.value("project.application_date")
    earliest = KNOWN_FROM.value
    if applied is not None and applied < earliest:
        return T_BEFORE_CALL.failed(applied=applied, earliest=earliest,
                                    last=CALL_CLOSES.at(ctx.on))
    return _BY_LAST_DAY(ctx)


T_BEFORE_CALL = Message("application date {applied}, before {earliest}: the call builds on the "
                        "pilot 'som drevs under ett halvår 2022', so it cannot have opened before "
                        "half of 2022 had passed (the page names no opening day)",
                        fix="check project.application_date: an application to this call is "
                        "dated {earliest} or later (the earliest day the call can have opened), "
                        "and {last} at the latest")


def starts_in_implementation_year(ctx: Ctx) -> Check:
    """'Pilotprojekten har en genomförandetid under 2023.': a start before 2023 lies outside."""
    start: date | None = ctx.value("project.start")
    earliest = PROJECT_START_EARLIEST.at(ctx.on)
    if start is None:
        end: date | None = ctx.value("project.end")
        if end is not None and end < earliest:  # the start is on or before the end
            return T_YEAR_BY_END.failed(end=end, earliest=earliest, year=earliest.year)
        return missing("project.start")
    return T_YEAR.check(start >= earliest, start=start, earliest=earliest,
                        year=earliest.year, days=(earliest - start).days)


T_YEAR = Message("project starts {start}; the pilot projects are carried out in {year} "
                 "('genomförandetid under {year}'), so {earliest} at the earliest",
                 fix="move project.start to {earliest} or later ({days} days later)")
T_YEAR_BY_END = Message("project.start not stated, but the project ends {end}, so it starts "
                        "before {earliest}; the pilot projects are carried out in {year} "
                        "('genomförandetid under {year}')",
                        fix="state project.start: on {earliest} or later, with an end to match")


def starts_after_application(ctx: Ctx) -> Check:
    """'Projekten kan tidigast starta från ansökningsdatum'. An application date left out is
    the evaluation date's, as SD20 reads it: a start on or after it is in time; one before it,
    unknown (the application may have been sent by then)."""
    start: date | None = ctx.value("project.start")
    applied: date | None = ctx.value("project.application_date")
    if start is not None and applied is None and start >= ctx.on:
        return T_START_ON_THE_DATE.passed(start=start, on=ctx.on)
    if start is None or applied is None:
        end: date | None = ctx.value("project.end")
        if start is None and applied is not None and end is not None and end < applied:
            return T_START_BY_END.failed(end=end, applied=applied)  # start <= end < applied
        return not_stated(unstated(ctx, "project.start", "project.application_date"))
    return T_START.check(start >= applied, start=start, applied=applied)


T_START = Message("project starts {start}; application date {applied} (the earliest start)",
                  fix="move project.start to {applied} or later; costs before the start are not "
                  "covered")
T_START_ON_THE_DATE = Message("project starts {start}; no application date stated "
                              "(project.application_date): the application is read as sent on "
                              "the evaluation date {on}, on or before the start",
                              fix="apply by {start}: the project can start on the application "
                              "date at the earliest")
T_START_BY_END = Message("project.start not stated, but the project ends {end}, before the "
                         "application date {applied} (the earliest start), so it starts before "
                         "it too",
                         fix="the project must run from {applied} or later; costs before the "
                         "start are not covered")


def ends_in_time(ctx: Ctx) -> Check:
    """'som längst drivas t o m 2023-10-31'."""
    end: date | None = ctx.value("project.end")
    latest = PROJECT_END_LATEST.at(ctx.on)
    if end is None:
        start: date | None = ctx.value("project.start")
        if start is not None and start > latest:  # the end is on or after the start
            return T_END_BY_START.failed(start=start, latest=latest)
        return missing("project.end")
    return T_END.check(end <= latest, end=end, latest=latest, days=(end - latest).days)


T_END = Message("project ends {end}; at the latest {latest}",
                fix="end the project on {latest} at the latest ({days} days earlier)")
T_END_BY_START = Message("project.end not stated, but the project starts {start}, after "
                         "{latest}, so it ends after it; at the latest {latest} ('som längst "
                         "drivas t o m {latest}')",
                         fix="start and end the project by {latest}")
