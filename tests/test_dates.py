"""grantcheck.law.dates: days counted with both ends included, and the part of a period inside
a window (what a budget counts pro rata by day)."""

from __future__ import annotations

from datetime import date

from grantcheck.law.dates import days, overlap


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
