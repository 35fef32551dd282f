"""What several of Innobooster People's rules derive from the profile, and how they look at it:
the company's fifth anniversary and the days the award can fall on, the profile's amounts in DKK
(converted when the company keeps another currency), and one condition checked on every funded
employee."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import Any

from grantcheck.engine import Check, Ctx, Message, because, derived, missing, passed
from grantcheck.facts import is_range, show
from grantcheck.law.dates import add_months
from grantcheck.named import NamedTuple
from grantcheck.profile import Employee
from grantcheck.schemes.dk_innobooster_people.parameters import (
    APPLICATIONS_FROM,
    GRANT_START_MONTHS_AFTER,
    MAX_AGE_YEARS,
)


def anniversary(ctx: Ctx, founded: date) -> date:
    """The day a company registered on ``founded`` turns MAX_AGE_YEARS (29 February → 28
    February): the last day it is young enough."""
    return add_months(founded, 12 * MAX_AGE_YEARS.at(ctx.on))


class AwardWindow(NamedTuple):
    """The days the award ("bevillingen") can fall on, as far as the profile tells: after the
    application (``earliest``: ``project.application_date``, else the evaluation date, as an
    application sent on it) and, when a grant start is stated, before the grant period starts
    (``start``; the award comes at the latest the day before). An application date left out is
    a range: sent on the evaluation date, or earlier, from ``first`` on (APPLICATIONS_FROM), as
    Prosessinnovasjon's PO13 and Säker digitalisering's SD16 read it."""

    earliest: date
    applied: bool
    start: date | None
    first: date

    @property
    def latest(self) -> date | None:
        return None if self.start is None else self.start - timedelta(days=1)

    @property
    def label(self) -> str:
        """What ``earliest`` is, in words."""
        return ("the application date" if self.applied
                else "the evaluation date (no project.application_date)")


@derived
def award_window(ctx: Ctx) -> AwardWindow:
    """The award's bounds: the first stated ``employees[].grant_start`` bounds it from above
    (every funded employee's period starts after the award); a start not after ``earliest`` is
    left out (IP25 fails it), so the bounds are then the earliest day alone."""
    applied = ctx.profile.project.application_date
    earliest = applied or ctx.on
    starts = [e.grant_start for e in ctx.profile.employees or () if e.grant_start is not None]
    start = min(starts, default=None)
    if start is not None and start <= earliest:
        start = None
    return AwardWindow(earliest, applied is not None, start, first_application(ctx))


def first_application(ctx: Ctx) -> date:
    """The first day the application can have been sent: ``project.application_date``, else
    APPLICATIONS_FROM (an application left undated may have been sent before the evaluation
    date, from the call's funds on), at most the evaluation date."""
    applied = ctx.profile.project.application_date
    return applied or min(APPLICATIONS_FROM.at(ctx.on), ctx.on)


def month_start(d: date) -> date:
    return d.replace(day=1)


def earliest_start(on: date, approved: date) -> date:
    """The first day a grant period can start when the application is approved on ``approved``
    (or, as a bound, not before it): the 1st of the month after ("Bevillingen kan tidligst gives
    med starttidspunkt den 1. i måneden efter, at ansøgningen er godkendt")."""
    return add_months(month_start(approved), GRANT_START_MONTHS_AFTER.at(on))


def start_in_time(start: date, earliest: date) -> bool:
    """A grant period may start on ``start`` by the page: ``earliest`` or later, on any day
    («kan tidligst gives med starttidspunkt den 1. i måneden efter»: the 1st is the earliest
    start, not the only day a period can start on): IP25 and the budget's IPB09."""
    return start >= earliest


def start_on(start: date) -> str:
    """A grant period's start in words."""
    return f"starts {start.isoformat()}"


def in_dkk(ctx: Ctx, amount: Any) -> Any:
    """An amount of the profile (or its range) in DKK (converted when the company keeps another
    currency)."""
    own = ctx.money(amount)
    if is_range(own):
        return own.map(lambda m: ctx.convert(m, "DKK"))
    return ctx.convert(own, "DKK")


def money_text(ctx: Ctx, amount: Any) -> str:
    """An amount of the profile (or its range) as stated, with its DKK value when it is in
    another currency."""
    own = ctx.money(amount)
    text = own.described() if is_range(own) else str(own)
    if ctx.profile_currency == "DKK":
        return text
    dkk = in_dkk(ctx, amount)
    return f"{text} (= {show(dkk if is_range(dkk) else dkk.rounded())})"


# the check of a rule on the funded employees when the profile does not list them
NO_EMPLOYEES = missing("employees", why=because("the 1–3 employees the grant is for"))


def names(emps: Sequence[Employee]) -> str:
    return ", ".join(e.name or "(unnamed)" for e in emps)


class EachEmployee(NamedTuple):
    """What a condition on every funded employee says: each one's value and the requirement
    (``{employees} (requirement)``), with the fix naming those who fail it (``{names}``), or
    without a fix when one is not stated (the fix is then to state it)."""

    failing: Message
    open: Message


def each_employee(requirement: str, fix: str) -> EachEmployee:
    """The messages of a condition on every funded employee: ``requirement`` and ``fix`` are
    templates (``fix`` names the failing employees as ``{names}``)."""
    text = "{employees} (" + requirement + ")"
    return EachEmployee(Message(text, fix=fix), Message(text))


def per_employee(
    ctx: Ctx,
    field: str,
    ok: Callable[[Any], bool | None],
    show: Callable[[Any], str],
    said: EachEmployee,
    open_field: str = "",
    **values: object,
) -> Check:
    """One condition on every funded employee: fail if any fails, unknown if any is not stated
    or ``ok`` cannot decide it (None: ``open_field`` settles it) (``values``: the requirement's
    and the fix's own)."""
    emps = ctx.profile.employees
    if emps is None:
        return NO_EMPLOYEES
    if not emps:
        return passed("no funded employees listed (employees = []; see IP12)")
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        value = getattr(e, field)
        if value is None:
            parts.append(f"{e.name}: not stated")
            missing.append(f"employees[{i}].{field}")
            continue
        parts.append(f"{e.name}: {show(value)}")
        verdict = ok(value)
        if verdict is None:
            missing.append(open_field)
        elif not verdict:
            bad.append(e.name)
    employees = partial("; ".join, parts)
    if bad:
        return said.failing.failed(employees=employees, names=", ".join(bad), **values)
    if missing:
        return said.open.unknown(*dict.fromkeys(missing), employees=employees, **values)
    return said.open.passed(employees=employees, **values)


def yes(v: Any) -> bool:
    return bool(v)


def no(v: Any) -> bool:
    return not v


def flag(v: Any) -> str:
    return "yes" if v else "no"
