"""Säker digitalisering: the project period's rules (SD21, SD16, SD17), registered in
``rules.py`` in the order of the page ("Hur länge kan projektet pågå?")."""

from __future__ import annotations

from datetime import date

from grantcheck.engine import Check, Ctx, Message, missing
from grantcheck.schemes.se_saker_digitalisering.derived import not_stated, unstated
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    PROJECT_END_LATEST,
    PROJECT_START_EARLIEST,
)


def starts_in_implementation_year(ctx: Ctx) -> Check:
    """'Pilotprojekten har en genomförandetid under 2023.': a start before 2023 lies outside."""
    start: date | None = ctx.value("project.start")
    if start is None:
        return missing("project.start")
    earliest = PROJECT_START_EARLIEST.at(ctx.on)
    return T_YEAR.check(start >= earliest, start=start, earliest=earliest,
                        year=earliest.year, days=(earliest - start).days)


T_YEAR = Message("project starts {start}; the pilot projects are carried out in {year} "
                 "('genomförandetid under {year}'), so {earliest} at the earliest",
                 fix="move project.start to {earliest} or later ({days} days later)")


def starts_after_application(ctx: Ctx) -> Check:
    """'Projekten kan tidigast starta från ansökningsdatum'."""
    missing_fields = unstated(ctx, "project.start", "project.application_date")
    if missing_fields:
        return not_stated(missing_fields)
    start: date = ctx.need("project.start")
    applied: date = ctx.need("project.application_date")
    return T_START.check(start >= applied, start=start, applied=applied)


T_START = Message("project starts {start}; application date {applied} (the earliest start)",
                  fix="move project.start to {applied} or later; costs before the start are not "
                  "covered")


def ends_in_time(ctx: Ctx) -> Check:
    """'som längst drivas t o m 2023-10-31'."""
    end: date | None = ctx.value("project.end")
    if end is None:
        return missing("project.end")
    latest = PROJECT_END_LATEST.at(ctx.on)
    return T_END.check(end <= latest, end=end, latest=latest, days=(end - latest).days)


T_END = Message("project ends {end}; at the latest {latest}",
                fix="end the project on {latest} at the latest ({days} days earlier)")
