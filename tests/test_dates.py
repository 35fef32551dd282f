"""grantcheck.law.dates: days counted with both ends included, the part of a period inside a
window (what a budget counts pro rata by day), and the last day of a period of months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from grantcheck.law.dates import DateOutOfRange, add_years, days, last_day_of_months, overlap


def test_a_single_day_is_one_day() -> None:
    assert days(date(2026, 12, 1), date(2026, 12, 1)) == 1


def test_a_leap_year_has_366_days() -> None:
    assert days(date(2028, 1, 1), date(2028, 12, 31)) == 366


def test_a_period_ending_before_it_starts_has_no_days() -> None:
    assert days(date(2026, 12, 2), date(2026, 12, 1)) == 0


def test_a_period_ending_the_day_before_the_window_has_no_day_inside() -> None:
    o = overlap(date(2026, 6, 1), date(2026, 11, 30), date(2026, 12, 1), date(2027, 11, 30))
    assert (o.inside, o.total) == (0, 183)


def test_a_period_ending_the_day_the_window_starts_has_one_day_inside() -> None:
    o = overlap(date(2026, 6, 1), date(2026, 12, 1), date(2026, 12, 1), date(2027, 11, 30))
    assert o == (date(2026, 12, 1), date(2026, 12, 1), 1, 184)


def test_a_period_ending_on_the_windows_last_day_is_wholly_inside() -> None:
    o = overlap(date(2027, 6, 1), date(2027, 11, 30), date(2026, 12, 1), date(2027, 11, 30))
    assert o.inside == o.total == 183


def test_a_period_ending_the_day_after_the_window_has_one_day_outside() -> None:
    o = overlap(date(2027, 6, 1), date(2027, 12, 1), date(2026, 12, 1), date(2027, 11, 30))
    assert (o.last, o.inside, o.total) == (date(2027, 11, 30), 183, 184)


def test_an_open_side_of_the_window_cuts_nothing() -> None:
    o = overlap(date(2026, 6, 1), date(2027, 5, 31), None, date(2026, 12, 31))
    assert o == (date(2026, 6, 1), date(2026, 12, 31), 214, 365)


# --- the last day of a period of months (last_day_of_months) -------------------------------------
# A period of n months from a day (that day included) ends the day before the same date n months
# later, or on that month's last day when it has no such date: as a year does (add_years).


@pytest.mark.parametrize(("start", "last"), [
    (date(2024, 2, 28), date(2025, 2, 27)),  # leap year, the day before 29 February
    (date(2024, 2, 29), date(2025, 2, 28)),  # was 2025-02-27: a day short
    (date(2024, 3, 1), date(2025, 2, 28)),
    (date(2023, 2, 28), date(2024, 2, 27)),  # common year, into a leap year
    (date(2023, 3, 1), date(2024, 2, 29)),
    (date(2027, 2, 28), date(2028, 2, 27)),
    (date(2028, 2, 29), date(2029, 2, 28)),
    (date(2028, 3, 1), date(2029, 2, 28)),
    (date(2027, 1, 1), date(2027, 12, 31)),
    (date(2027, 12, 31), date(2028, 12, 30)),
])
def test_twelve_months_end_where_a_year_does(start: date, last: date) -> None:
    assert last_day_of_months(start, 12) == last
    assert add_years(start, 1) - timedelta(days=1) == last


@pytest.mark.parametrize(("start", "months", "last"), [
    (date(2027, 1, 31), 1, date(2027, 2, 28)),  # was 2027-02-27
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # was 2028-02-28
    (date(2028, 1, 30), 1, date(2028, 2, 29)),
    (date(2028, 1, 29), 1, date(2028, 2, 28)),
    (date(2027, 1, 29), 1, date(2027, 2, 28)),
    (date(2027, 3, 31), 1, date(2027, 4, 30)),  # was 2027-04-29
    (date(2027, 3, 30), 1, date(2027, 4, 29)),
    (date(2027, 4, 1), 1, date(2027, 4, 30)),
    (date(2027, 8, 31), 6, date(2028, 2, 29)),
    (date(2027, 8, 30), 6, date(2028, 2, 29)),
    (date(2027, 8, 29), 6, date(2028, 2, 28)),
    (date(2027, 1, 1), 6, date(2027, 6, 30)),
    (date(2027, 1, 2), 6, date(2027, 7, 1)),
])
def test_a_month_later_that_lacks_the_date_ends_on_its_last_day(start: date, months: int,
                                                                 last: date) -> None:
    assert last_day_of_months(start, months) == last


def test_no_months_end_the_day_before() -> None:
    assert last_day_of_months(date(2027, 3, 1), 0) == date(2027, 2, 28)


def test_a_period_ending_on_the_last_day_of_9999_is_computed() -> None:
    """The day after it (10000-01-01) cannot be held, but the period's last day can."""
    assert last_day_of_months(date(9999, 12, 1), 1) == date(9999, 12, 31)
    assert last_day_of_months(date(9999, 1, 1), 12) == date(9999, 12, 31)


def test_a_period_ending_after_9999_is_out_of_range() -> None:
    with pytest.raises(DateOutOfRange):
        last_day_of_months(date(9999, 12, 2), 1)
    with pytest.raises(DateOutOfRange):
        last_day_of_months(date(9999, 1, 2), 12)


def test_a_negative_period_is_refused() -> None:
    with pytest.raises(ValueError, match="-1 months"):
        last_day_of_months(date(2027, 3, 1), -1)


def test_the_months_lengths_are_the_calendar_modules() -> None:
    """law.dates counts a month's days itself (the calendar module is not imported at
    start-up): the same as calendar.monthrange for every month of years 1 to 10000."""
    import calendar

    from grantcheck.law import dates

    for year in range(1, 10001):
        assert dates._leap(year) == calendar.isleap(year)
        for month in range(1, 13):
            assert dates._days(year, month) == calendar.monthrange(year, month)[1]
