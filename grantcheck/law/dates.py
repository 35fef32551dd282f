"""Date arithmetic for periods and windows, written once.

A month later is the same day of the month, or the last day of a shorter month (31 January + 1
month = 28 or 29 February). A year before 29 February is 28 February; a year after it is
1 March (:func:`add_years`, the period "runs to the end of February"). A period of n months that
starts on a day (that day included) ends the day before the same date n months later, or on the
last day of that month when it has no such date (:func:`last_day_of_months`): 12 months from
29 February 2024 end on 28 February 2025, as a year from it does (``add_years(d, 1)`` less a
day), and a month from 31 March ends on 30 April. A result outside the calendar Python can hold
(years 1 to 9999) raises :class:`DateOutOfRange`, which the engine turns into an *unknown*
finding, never a crash.

A period is counted in calendar days with both ends included (:func:`days`); the part of a
period inside a window is :func:`overlap`, which a budget uses to count a cost pro rata by day.
"""

from __future__ import annotations

from datetime import date

from grantcheck.named import NamedTuple


class DateOutOfRange(ValueError):
    """A date computed from another falls outside years 1 to 9999."""

    def __init__(self, start: date, what: str) -> None:
        self.start = start
        super().__init__(f"{what} from {start.isoformat()} is outside the calendar "
                         "grantcheck can compute (years 1 to 9999)")

    @property
    def fix(self) -> str:
        return (f"check {self.start.isoformat()}, the day it is counted from: the evaluation "
                "date (--as-of) or a date of the profile (a year near 1 or 9999 is most "
                "likely a typo)")


def _leap(year: int) -> bool:
    """Whether ``year`` has a 29 February (the Gregorian rule, as ``calendar.isleap``: that
    module is not imported at start-up for two functions)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days(year: int, month: int) -> int:
    """The number of days of ``month`` (1 to 12) of ``year``."""
    return _MONTH_DAYS[month - 1] + (month == 2 and _leap(year))


def _checked(start: date, year: int, month: int, day: int, what: str) -> date:
    if not 1 <= year <= 9999:
        raise DateOutOfRange(start, what)
    return date(year, month, day)


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative); the last day of a shorter month."""
    year, index = divmod(d.year * 12 + d.month - 1 + months, 12)
    month = index + 1
    if not 1 <= year <= 9999:
        raise DateOutOfRange(d, f"{months} months")
    return date(year, month, min(d.day, _days(year, month)))


def last_day_of_months(start: date, months: int) -> date:
    """The last day of a period of ``months`` months (0 or more) that begins on ``start``, that
    day included: the day before the same date ``months`` later, or the last day of that month
    when it has no such date (29 February in a common year, the 31st of a 30-day month).

    The same reading as :func:`add_years` (12 months from any day end where a year from it
    does, 29 February included), and as Regulation (EEC, Euratom) No 1182/71, art. 3(2)(c), ends
    a period whose last month lacks the date: on that month's last day. The pages say "12
    måneder" and "projektperiode" without a rule of their own. (``add_months(start, months)``
    less a day ended 12 months from 29 February 2024 on 27 February 2025, a day short, and a
    month from 31 January on 27 February.)
    """
    if months < 0:
        raise ValueError(f"a period of {months} months")
    index = start.year * 12 + start.month - 1 + months
    if start.day == 1:  # the day before the 1st: the last day of the month before
        index -= 1
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise DateOutOfRange(start, f"the last day of {months} months")
    length = _days(year, month)
    day = length if start.day == 1 else min(start.day - 1, length)
    return date(year, month, day)


def last_day_or_later(start: date, months: int) -> date | str:
    """:func:`last_day_of_months`, or, when that day is past 9999-12-31, its ISO text
    (``"10000-05-31"``): later than every date Python holds, so every date a profile can give
    is inside the period, which is then decided by that bound (SMV:Digital's 12 months from
    9999-06-01 were *unknown* though the project's end, 9999-12-31 at the latest, is inside).
    """
    try:
        return last_day_of_months(start, months)
    except DateOutOfRange:  # past 9999 (months is not negative: never before year 1)
        index = start.year * 12 + start.month - 1 + months - (start.day == 1)
        year, month = divmod(index, 12)
        length = _days(year, month + 1)
        day = length if start.day == 1 else min(start.day - 1, length)
        return f"{year}-{month + 1:02d}-{day:02d}"


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def inside(day: date, last: date | str) -> bool:
    """Whether ``day`` is on or before ``last`` (a :func:`last_day_or_later`)."""
    return type(last) is str or day <= last  # type: ignore[operator]  # a date: str excluded


def months_before(d: date, months: int) -> date:
    """:func:`add_months` backwards."""
    return add_months(d, -months)


def years_before(d: date, years: int) -> date:
    """The same day ``years`` earlier; 29 February becomes 28 February."""
    year = d.year - years
    day = 28 if (d.month, d.day) == (2, 29) and not _leap(year) else d.day
    return _checked(d, year, d.month, day, f"{years} years earlier")


def add_years(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 1 March (the period runs to the end
    of February)."""
    year = d.year + years
    if (d.month, d.day) == (2, 29) and not _leap(year):
        return _checked(d, year, 3, 1, f"{years} years later")
    return _checked(d, year, d.month, d.day, f"{years} years later")


def days(first: date, last: date) -> int:
    """The calendar days from ``first`` to ``last``, both included (0 when ``last`` is earlier)."""
    return max((last - first).days + 1, 0)


class Overlap(NamedTuple):
    """The part of a period ``[first, last]`` inside a window: ``inside`` of its ``total`` days,
    from ``first`` to ``last`` (meaningless when ``inside`` is 0)."""

    first: date
    last: date
    inside: int
    total: int


def overlap(first: date, last: date, low: date | None, high: date | None) -> Overlap:
    """The days of ``[first, last]`` that fall in ``[low, high]`` (None: that side is open)."""
    lo = first if low is None else max(first, low)
    hi = last if high is None else min(last, high)
    return Overlap(lo, hi, days(lo, hi), days(first, last))
