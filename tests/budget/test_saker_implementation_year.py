"""Säker digitalisering's budget in the implementation year: «Pilotprojekten har en
genomförandetid under 2023» (Hur länge kan projektet pågå?), which `match` applies as SD21,
bounds the project period of `budget` too (SDB04) and so the costs that count (SDB05): a cost
before 2023-01-01 is outside it even after the application date and the project start."""

from __future__ import annotations

from grantcheck.budget.core import LineStatus
from grantcheck.engine import Outcome
from tests.budget.support import D, line, rule, rule_outcome
from tests.budget.test_saker_digitalisering import sdb, staff

DECEMBER = {"application_date": "2022-12-01", "start": "2022-12-01", "end": "2023-06-30"}


def test_a_project_starting_on_1_january_2023_is_in_the_implementation_year():
    r = sdb(staff(1_000_000), application_date="2022-12-01", start="2023-01-01")
    assert rule_outcome(r, "SDB04") is Outcome.PASS


def test_a_project_starting_on_31_december_2022_is_not():
    f = rule(sdb(staff(1_000_000), application_date="2022-12-01", start="2022-12-31"), "SDB04")
    assert f.outcome is Outcome.FAIL
    assert "before 2023-01-01" in f.message and "2023-01-01" in f.fix


def test_a_project_ending_in_2022_without_its_start_runs_before_2023():
    f = rule(sdb(staff(1_000_000), application_date="2022-12-01", start=None,
                 end="2022-12-31"), "SDB04")
    assert f.outcome is Outcome.FAIL and "runs before 2023-01-01" in f.message


def test_a_cost_on_1_january_2023_counts():
    r = sdb(staff(1_000_000, incurred="2023-01-01"), **DECEMBER)
    assert line(r).status is LineStatus.ELIGIBLE


def test_a_cost_on_31_december_2022_does_not_though_after_the_application_and_start():
    r = sdb(staff(1_000_000, incurred="2022-12-31"), **DECEMBER)
    assert line(r).status is LineStatus.INELIGIBLE and line(r).eligible.amount == 0
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.FAIL and "the pilot projects run in 2023" in f.message
    assert r.grant.amount == 0


def test_a_cost_running_across_new_year_counts_its_days_in_2023():
    r = sdb(staff(2_000, start="2022-12-22", end="2023-01-10"), **DECEMBER)  # 20 days, 10 in 2023
    assert line(r).status is LineStatus.PARTLY and line(r).eligible.amount == D(1_000)


def test_without_an_application_date_a_cost_in_2022_is_still_outside():
    r = sdb(staff(1_000_000, incurred="2022-12-31"), application_date=None, start=None)
    assert line(r).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "SDB05") is Outcome.FAIL


def test_without_an_application_date_a_cost_in_2023_needs_it():
    r = sdb(staff(1_000_000, incurred="2023-01-01"), application_date=None, start=None)
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.UNKNOWN and "budget.application_date" in f.missing
