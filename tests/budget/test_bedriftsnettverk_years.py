"""Bedriftsnettverk's budget by project year against the main project's own length: «Det søkes
for ett år av gangen i inntil tre år» and «hovedprosjekter med inntil tre års varighet» (Hvordan
søke?; Hvem kan søke?). A cost in a year past the project's own length (``network.duration_years``,
or the years ``project.start`` to ``project.end`` begin) is in no year of it, as `match`'s BN21
reads the year applied for: not eligible (BNB01), at most three years whatever is stated."""

from __future__ import annotations

import copy
from typing import Any

from grantcheck.budget.core import LineStatus
from grantcheck.engine import Outcome
from tests.budget.support import D, line, rule, rule_outcome
from tests.budget.test_bedriftsnettverk import admin, bn_budget, profile


def lasting(years: int | None = None, start: str | None = None, end: str | None = None,
            project_year: int = 1) -> dict[str, Any]:
    """The usual profile with the main project's length stated (None: left out)."""
    p = copy.deepcopy(profile(project_year=project_year))
    if years is not None:
        p["network"]["duration_years"] = years
    project = {k: v for k, v in (("start", start), ("end", end)) if v is not None}
    if project:
        p["project"] = project
    return p


def test_year_2_of_a_two_year_main_project_is_eligible() -> None:
    r = bn_budget(admin(100_000, year=2), prof=lasting(2))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB01") is Outcome.PASS and r.grant.amount == D(50_000)


def test_year_3_of_a_two_year_main_project_is_not() -> None:
    r = bn_budget(admin(100_000, year=2), admin(100_000, year=3), prof=lasting(2))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert "network.duration_years = 2" in line(r, 1).reason
    f = rule(r, "BNB01")
    assert f.outcome is Outcome.FAIL and "beyond the main project's 2 years" in f.message
    assert r.grant.amount == D(50_000) and r.not_eligible.amount == D(100_000)


def test_year_3_of_a_three_year_main_project_is_eligible() -> None:
    r = bn_budget(admin(100_000, year=3), prof=lasting(3))
    assert line(r).status is LineStatus.ELIGIBLE and rule_outcome(r, "BNB01") is Outcome.PASS


def test_a_stated_length_over_three_years_still_stops_at_three() -> None:
    r = bn_budget(admin(100_000, year=3), admin(100_000, year=4), prof=lasting(4))
    assert line(r).status is LineStatus.ELIGIBLE
    assert line(r, 1).status is LineStatus.INELIGIBLE and "at most 3 years" in line(r, 1).reason


def test_a_project_ending_the_day_before_its_first_anniversary_has_no_year_2() -> None:
    r = bn_budget(admin(100_000, year=1), admin(100_000, year=2),
                  prof=lasting(start="2024-02-29", end="2025-02-28"))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert "from 2024-02-29 to 2025-02-28 has 1 project year(s)" in line(r, 1).reason
    assert rule_outcome(r, "BNB01") is Outcome.FAIL


def test_a_project_ending_on_its_first_anniversary_has_a_year_2_of_one_day() -> None:
    r = bn_budget(admin(100_000, year=1), admin(100_000, year=2),
                  prof=lasting(start="2024-02-29", end="2025-03-01"))
    assert line(r, 1).status is LineStatus.ELIGIBLE and rule_outcome(r, "BNB01") is Outcome.PASS


def test_the_budgets_own_dates_bound_the_years_too() -> None:
    r = bn_budget(admin(100_000, year=2), prof=lasting(), start="2027-01-01", end="2027-12-31")
    assert line(r).status is LineStatus.INELIGIBLE


def test_without_a_profile_three_years_are_the_limit() -> None:
    r = bn_budget(admin(100_000, year=3), prof=None)
    assert line(r).status is LineStatus.ELIGIBLE
