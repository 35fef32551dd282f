"""Innobooster People's cost rules: salary lines per named employee, min(75 %, DKK 30,000) a month
for 12 months, at most DKK 1,080,000; boundary pairs on both sides of every threshold."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.budget import checker
from grantcheck.budget.core import GrantPart, LineStatus
from grantcheck.budget.model import Category
from grantcheck.budget.result import BudgetResult
from grantcheck.engine import Outcome
from grantcheck.profile import ProfileError
from grantcheck.schemes.dk_innobooster_people import budget as ipb
from grantcheck.schemes.dk_innobooster_people.page import C_ONLY_SALARY, C_START
from grantcheck.schemes.dk_innobooster_people.scheme import SCHEME
from tests.budget.support import D, budget_for, cost_rules, line, rule, rule_outcome
from tests.support import ctx_for, finding

SID = "dk-innobooster-people"
CHECKER = ipb.CHECKER

ON = date(2020, 9, 1)  # while the call was open


def profile(*employees: dict[str, Any]) -> dict[str, Any]:
    return {"company": {"name": "Startup ApS", "country": "DK"},
            "employees": list(employees)}


def ip(*lines: dict[str, Any], prof: dict[str, Any] | None = None, on: date = ON,
       **extra: Any) -> BudgetResult:
    return budget_for(SID, {**extra, "lines": list(lines)}, prof, on=on)


def salary(name: str, monthly: str | int | None = None, months: int | None = 12,
           **more: Any) -> dict[str, Any]:
    ln: dict[str, Any] = {"category": "salary", "employee": name, **more}
    if monthly is not None:
        ln["monthly_salary"] = D(monthly)
    if months is not None:
        ln["months"] = months
    return ln


def part(r: BudgetResult, name: str) -> GrantPart:
    return next(p for p in r.parts if p.name.endswith(name))


# --- the checker ----------------------------------------------------------------------------------


def test_the_registry_returns_this_checker() -> None:
    assert checker(SID) is CHECKER
    assert CHECKER.own_funding_form == "salary (the company pays the rest of the funded salaries)"


# --- nothing but salaries -------------------------------------------------------------------


def _line_for(cat: Category) -> dict[str, Any]:
    if cat is Category.SALARY:
        return salary("Ida", 40_000)
    return {"category": cat.value, "amount": D(100_000)}


@pytest.mark.parametrize("cat", list(Category))
def test_each_category_is_decided_with_a_reason_and_the_page_as_source(cat: Category) -> None:
    lr = line(ip(_line_for(cat)))
    assert lr.reason and lr.cites and all(c.from_page for c in lr.cites)
    if cat is Category.SALARY:
        assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(480_000)
    else:
        assert lr.status is LineStatus.INELIGIBLE and lr.eligible.amount == 0
        assert lr.cites == (C_ONLY_SALARY,)


def test_a_line_other_than_salary_breaks_the_only_salaries_rule() -> None:
    r = ip(salary("Ida", 40_000), {"category": "travel", "amount": 5_000})
    f = rule(r, "IPB01")
    assert f.outcome is Outcome.FAIL and "line 2, travel" in f.message and f.fix
    assert r.not_eligible.amount == D(5_000)
    assert rule_outcome(ip(salary("Ida", 40_000)), "IPB01") is Outcome.PASS


# --- the monthly subsidy: min(DKK 30,000, 75 % × salary); they meet at DKK 40,000 -----------


def test_a_salary_of_39999_99_gets_75_percent() -> None:
    r = ip(salary("Ida", "39999.99"))
    assert r.grant.amount == D("359999.91")  # 12 × 29,999.9925, floored
    assert r.parts[0].bound_by == "the rate"


@pytest.mark.parametrize("salaries", [["39999.99"], ["40000"], ["45000", "36000"],
                                      ["12345.67", "50000", "40000.01"]])
def test_the_budget_grant_is_the_schemes_maximum_for_12_months(salaries: list[str]) -> None:
    """One grant arithmetic (grant.py): 12 months of each salary in a budget give the grant the
    scheme's amounts show for the same monthly salaries."""
    names = [f"E{i}" for i in range(len(salaries))]
    r = ip(*(salary(n, s) for n, s in zip(names, salaries, strict=True)))
    data = profile(*({"name": n, "monthly_salary": D(s)}
                     for n, s in zip(names, salaries, strict=True)))
    amounts = SCHEME.amounts
    assert amounts is not None
    assert r.grant == amounts(ctx_for(data, ON)).max_grant


def test_a_salary_of_40000_gets_exactly_30000_a_month() -> None:
    r = ip(salary("Ida", 40_000))
    assert r.grant.amount == D(360_000)
    assert r.parts[0].bound_by == "the rate"
    assert r.own_funding.amount == D(120_000)


def test_a_salary_of_40000_01_is_capped_at_30000_a_month() -> None:
    r = ip(salary("Ida", "40000.01"))
    assert r.grant.amount == D(360_000)
    assert r.parts[0].bound_by.startswith("the cap: DKK 30,000 a month × 12 months")


def test_one_month_at_a_high_salary_gets_30000() -> None:
    r = ip(salary("Ida", 100_000, months=1))
    assert r.grant.amount == D(30_000)


def test_the_line_reason_shows_the_monthly_subsidy() -> None:
    assert "= DKK 30,000 a month" in line(ip(salary("Ida", 50_000))).reason


# --- months: 12, left out, more ------------------------------------------------------------


def test_months_left_out_are_the_schemes_12_months_and_the_reason_says_so() -> None:
    lr = line(ip(salary("Ida", 40_000, months=None)))
    assert lr.status is LineStatus.ELIGIBLE
    assert lr.amount is not None and lr.amount.amount == D(480_000)
    assert "months not stated: the scheme's 12 months" in lr.reason


def test_12_months_count_in_full() -> None:
    r = ip(salary("Ida", 40_000, months=12))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "IPB06") is Outcome.PASS


def test_13_months_count_for_12() -> None:
    r = ip(salary("Ida", 40_000, months=13))
    lr = line(r)
    assert lr.status is LineStatus.PARTLY
    assert lr.eligible.amount == D(480_000) and lr.amount is not None
    assert lr.amount.amount == D(520_000)
    assert "12 months count (DKK 480,000 of DKK 520,000)" in lr.reason
    assert r.grant.amount == D(360_000)
    assert r.not_eligible.amount == D(40_000)
    assert rule_outcome(r, "IPB06") is Outcome.WARNING


def test_11_months_give_11_months_of_subsidy_and_a_warning() -> None:
    r = ip(salary("Ida", 40_000, months=11))
    assert line(r).status is LineStatus.ELIGIBLE
    assert r.grant.amount == D(330_000)
    assert rule_outcome(r, "IPB06") is Outcome.WARNING


def test_an_amount_with_months_gives_the_monthly_salary() -> None:
    r = ip(salary("Ida", None, months=6, amount=D(240_000)))
    assert line(r).eligible.amount == D(240_000)
    assert r.grant.amount == D(180_000)


def test_an_amount_without_months_is_a_12_month_salary() -> None:
    r = ip(salary("Ida", None, months=None, amount=D(480_000)))
    assert "months not stated" in line(r).reason
    assert r.grant.amount == D(360_000)


def test_an_amount_that_disagrees_with_the_monthly_salary_is_unknown() -> None:
    r = ip(salary("Ida", 40_000, months=12, amount=D("480000.01")))
    lr = line(r)
    assert lr.status is LineStatus.UNKNOWN and lr.missing == ("budget.lines[0].amount",)
    assert r.grant.amount == 0 and r.verdict.value == "needs_information"


def test_an_amount_that_agrees_with_the_monthly_salary_counts() -> None:
    lr = line(ip(salary("Ida", 40_000, months=12, amount=D(480_000))))
    assert lr.status is LineStatus.ELIGIBLE


def test_a_salary_in_euro_is_converted_at_the_stated_rate() -> None:
    r = ip(salary("Ida", 5_000), currency="EUR")  # EUR 5,000 = DKK 37,300 at 7.46
    assert line(r).eligible.amount == D(447_600)
    assert r.grant.amount == D(335_700)  # 12 × 75 % × 37,300


# --- the company cap: DKK 1,080,000 --------------------------------------------------------


def test_three_employees_at_the_monthly_cap_reach_1080000_exactly() -> None:
    r = ip(salary("Ida", 40_000), salary("Bo", 40_000), salary("Lin", 40_000))
    assert r.grant.amount == D(1_080_000)
    assert all(p.bound_by == "the rate" for p in r.parts)
    assert rule_outcome(r, "IPB02") is Outcome.PASS


def test_three_employees_with_14_months_are_clipped_to_the_cap_and_no_further() -> None:
    r = ip(*(salary(n, 60_000, months=14) for n in ("Ida", "Bo", "Lin")))
    assert r.grant.amount == D(1_080_000)
    assert all(line(r, i).status is LineStatus.PARTLY for i in range(3))
    assert r.eligible_base.amount == D(3 * 12 * 60_000)


def test_a_fourth_employee_gets_only_what_the_company_cap_leaves() -> None:
    r = ip(*(salary(n, 60_000) for n in ("Ida", "Bo", "Lin", "Kai")))
    assert r.grant.amount == D(1_080_000)
    kai = part(r, "Kai")
    assert kai.grant.amount == 0
    assert kai.bound_by.startswith("the cap: DKK 1,080,000 per company")
    assert sum(p.grant.amount for p in r.parts) == D(1_080_000)
    assert rule_outcome(r, "IPB02") is Outcome.FAIL


def test_the_company_cap_binds_on_the_part_that_crosses_it() -> None:
    r = ip(salary("Ida", "39999.99"), *(salary(n, 60_000) for n in ("Bo", "Lin", "Kai")))
    assert r.grant.amount == D(1_080_000)
    assert part(r, "Kai").grant.amount == D("0.09")


# --- 1–3 named funded employees -----------------------------------------------------------


def test_no_salary_line_funds_no_one() -> None:
    r = ip({"category": "travel", "amount": 5_000})
    f = rule(r, "IPB02")
    assert f.outcome is Outcome.FAIL and "0 funded" in f.message and f.fix


def test_one_employee_is_enough() -> None:
    assert rule_outcome(ip(salary("Ida", 40_000)), "IPB02") is Outcome.PASS


def test_three_employees_are_the_most() -> None:
    r = ip(*(salary(n, 40_000) for n in ("Ida", "Bo", "Lin")))
    assert rule_outcome(r, "IPB02") is Outcome.PASS


def test_four_employees_are_too_many() -> None:
    r = ip(*(salary(n, 40_000) for n in ("Ida", "Bo", "Lin", "Kai")))
    f = rule(r, "IPB02")
    assert f.outcome is Outcome.FAIL and "4 funded" in f.message and "1 fewer" in f.fix


def test_names_are_compared_ignoring_case_and_spacing() -> None:
    r = ip(salary("Ida Holm", 40_000, months=6), salary(" ida  holm", 40_000, months=6))
    assert "1 funded" in rule(r, "IPB02").message
    assert rule_outcome(r, "IPB03") is Outcome.FAIL


# --- one line per employee ----------------------------------------------------------------


def test_two_lines_for_one_employee_break_the_rule_and_count_12_months_together() -> None:
    r = ip(salary("Ida", 40_000, months=6), salary("Ida", 40_000, months=8))
    f = rule(r, "IPB03")
    assert f.outcome is Outcome.FAIL and "lines 1, 2" in f.message
    assert line(r, 0).status is LineStatus.ELIGIBLE
    assert line(r, 1).status is LineStatus.PARTLY
    assert line(r, 1).eligible.amount == D(240_000)  # 6 of 8 months
    assert r.grant.amount == D(360_000)
    assert len(r.parts) == 1


def test_a_second_line_after_12_months_counts_nothing() -> None:
    r = ip(salary("Ida", 40_000, months=12), salary("Ida", 40_000, months=2))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert r.grant.amount == D(360_000)


def test_one_line_each_passes() -> None:
    r = ip(salary("Ida", 40_000), salary("Bo", 40_000))
    assert rule_outcome(r, "IPB03") is Outcome.PASS


# --- the same period ----------------------------------------------------------------------


def test_the_same_months_and_start_pass() -> None:
    r = ip(salary("Ida", 40_000, start="2020-10-01"), salary("Bo", 40_000, start="2020-10-01"))
    assert rule_outcome(r, "IPB04") is Outcome.PASS


def test_a_different_number_of_months_fails() -> None:
    r = ip(salary("Ida", 40_000, months=12), salary("Bo", 40_000, months=11))
    f = rule(r, "IPB04")
    assert f.outcome is Outcome.FAIL and "11 months" in f.message


def test_a_different_start_fails() -> None:
    r = ip(salary("Ida", 40_000, start="2020-10-01"), salary("Bo", 40_000, start="2020-11-01"))
    assert rule_outcome(r, "IPB04") is Outcome.FAIL


def test_one_start_given_and_one_not_is_unknown_naming_the_missing_start() -> None:
    r = ip(salary("Ida", 40_000, start="2020-10-01"), salary("Bo", 40_000))
    f = rule(r, "IPB04")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.lines[1].start",)


def test_the_budget_start_stands_for_lines_without_their_own() -> None:
    r = ip(salary("Ida", 40_000, start="2020-10-01"), salary("Bo", 40_000), start="2020-10-01")
    assert rule_outcome(r, "IPB04") is Outcome.PASS


def test_no_starts_compare_the_months_only() -> None:
    assert rule_outcome(ip(salary("Ida", 40_000), salary("Bo", 50_000)), "IPB04") is Outcome.PASS


# --- the grant period starts on the 1st of a month after the approval (IPB09) ----------------
# 'Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen er
# godkendt.' The application date bounds the approval from below; only an approval date passes.


def starting(start: str | None, on: date = date(2020, 11, 2), prof: dict[str, Any] | None = None,
             **dates: str) -> Any:
    extra: dict[str, Any] = dict(dates)
    if start is not None:
        extra["start"] = start
    return rule(ip(salary("Ida", 40_000), prof=prof, on=on, **extra), "IPB09")


def test_a_start_on_the_1st_of_the_application_month_fails_whenever_the_approval_comes() -> None:
    f = starting("2020-11-01", application_date="2020-11-02")
    assert f.outcome is Outcome.FAIL
    assert "the earliest possible start is 2020-12-01" in f.message
    assert f.fix == "start the grant period on 2020-12-01 or later: Ida"
    assert [c.quote for c in f.rule.cites] == [C_START.quote]


def test_a_start_on_the_last_day_of_the_application_month_fails() -> None:
    assert starting("2020-11-30", application_date="2020-11-02").outcome is Outcome.FAIL


def test_the_1st_of_the_month_after_the_application_needs_the_approval_date() -> None:
    f = starting("2020-12-01", application_date="2020-11-02")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.approval_date",)
    assert "allowed only if the application is approved by 2020-11-30" in f.message


def test_a_start_after_the_earliest_but_not_on_a_1st_needs_the_approval_date() -> None:
    """'tidligst … den 1. i måneden efter': the earliest start, not a start on a 1st."""
    f = starting("2020-12-02", application_date="2020-11-02")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.approval_date",)
    assert "allowed only if the application is approved by 2020-11-30" in f.message


def test_a_start_not_on_a_1st_passes_after_an_approval_in_an_earlier_month() -> None:
    f = starting("2020-12-02", application_date="2020-11-02", approval_date="2020-11-10")
    assert f.outcome is Outcome.PASS


def test_a_start_not_on_a_1st_fails_after_an_approval_in_its_own_month() -> None:
    f = starting("2020-12-15", application_date="2020-11-02", approval_date="2020-12-01")
    assert f.outcome is Outcome.FAIL
    assert f.fix == "start the grant period on 2021-01-01 or later: Ida"


def test_an_application_on_the_last_day_of_a_month_allows_the_next_1st() -> None:
    f = starting("2020-12-01", application_date="2020-11-30")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.approval_date",)


def test_an_application_on_the_1st_of_the_start_month_does_not() -> None:
    assert starting("2020-12-01", application_date="2020-12-01").outcome is Outcome.FAIL


def test_an_approval_on_the_last_day_of_the_month_before_the_start_passes() -> None:
    f = starting("2020-12-01", application_date="2020-11-02", approval_date="2020-11-30")
    assert f.outcome is Outcome.PASS
    assert "the earliest start is 2020-12-01, the 1st of the month after the approval date " \
        "2020-11-30" in f.message


def test_an_approval_in_the_start_month_itself_fails() -> None:
    f = starting("2020-12-01", application_date="2020-11-02", approval_date="2020-12-01")
    assert f.outcome is Outcome.FAIL
    assert f.fix == "start the grant period on 2021-01-01 or later: Ida"


def test_an_approval_in_the_month_before_passes_a_later_1st_too() -> None:
    f = starting("2021-01-01", application_date="2020-11-02", approval_date="2020-12-01")
    assert f.outcome is Outcome.PASS


def test_the_approval_date_alone_decides() -> None:
    assert starting("2020-12-01", approval_date="2020-11-30").outcome is Outcome.PASS
    assert starting("2020-12-01", approval_date="2020-12-01").outcome is Outcome.FAIL


def test_without_an_application_or_approval_date_no_date_is_assumed() -> None:
    """The evaluation date (2021-06-01) is not taken as the application date."""
    f = starting("2020-12-01", on=date(2021, 6, 1))
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("budget.approval_date", "budget.application_date")
    assert "neither the application nor the approval date is stated" in f.message


def test_without_any_date_a_start_not_on_a_1st_is_unknown() -> None:
    """No approval or application date: nothing bounds the start, whatever its day."""
    f = starting("2020-12-15")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("budget.approval_date", "budget.application_date")


def test_the_profiles_application_date_bounds_the_approval() -> None:
    prof = {**profile({"name": "Ida", "owner_percent": 0}),
            "project": {"application_date": "2020-11-02"}}
    assert starting("2020-11-01", prof=prof).outcome is Outcome.FAIL
    f = starting("2020-12-01", prof=prof)
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.approval_date",)


def test_an_approval_before_the_profiles_application_date_is_unknown() -> None:
    prof = {**profile({"name": "Ida", "owner_percent": 0}),
            "project": {"application_date": "2020-11-02"}}
    f = starting("2020-12-01", prof=prof, approval_date="2020-11-01")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.approval_date",)


def test_an_approval_before_the_budgets_application_date_is_refused() -> None:
    with pytest.raises(ProfileError, match="approval_date: the application is approved before "
                       "it is sent"):
        starting("2020-12-01", application_date="2020-11-02", approval_date="2020-11-01")


def test_no_start_is_unknown_naming_the_budget_start() -> None:
    f = starting(None, application_date="2020-11-02", approval_date="2020-11-10")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.start",)


def test_a_lines_own_start_is_checked() -> None:
    r = ip(salary("Ida", 40_000, start="2020-11-01"), salary("Bo", 40_000),
           start="2020-12-01", application_date="2020-11-02", approval_date="2020-11-10",
           on=date(2020, 11, 2))
    f = rule(r, "IPB09")
    assert f.outcome is Outcome.FAIL and f.fix.endswith(": Ida")
    assert "Bo: starts 2020-12-01" in f.message


def test_a_budget_breaking_only_the_start_breaks_rules() -> None:
    r = ip(salary("Ida", 40_000), prof=profile({"name": "Ida", "owner_percent": 0}),
           start="2020-11-01", application_date="2020-11-02", on=date(2020, 11, 2))
    assert r.verdict.value == "breaks_rules"


def test_the_budget_agrees_with_ip25_on_the_earliest_start() -> None:
    """The same earliest start («tidligst … den 1. i måneden efter»): IP25 of `match` fails and
    passes the same starts, a later one on another day of a month (2020-12-02) too."""
    for start, fails in (("2020-11-01", True), ("2020-11-30", True), ("2020-12-01", False),
                         ("2020-12-02", False)):
        prof = {"company": {"name": "Startup ApS", "country": "DK"},
                "project": {"application_date": "2020-11-02"},
                "employees": [{"name": "Ida", "grant_start": start}]}
        ip25 = finding(SCHEME, prof, "IP25", on=date(2020, 11, 2))
        budget = starting(start, application_date="2020-11-02")
        assert (ip25.outcome is Outcome.FAIL) is fails
        assert (budget.outcome is Outcome.FAIL) is fails


# --- a stated end closes the funded months (IPB10) -------------------------------------------


def ending(end: str | None, months: int = 12, **more: Any) -> Any:
    extra: dict[str, Any] = {"start": "2021-01-01", **more}
    if end is not None:
        extra["end"] = end
    return rule(ip(salary("Ida", 40_000, months=months), **extra), "IPB10")


def test_12_months_from_the_1st_of_january_end_on_the_31st_of_december() -> None:
    assert ending("2021-12-31").outcome is Outcome.PASS


def test_an_end_one_day_later_disagrees_with_the_months() -> None:
    f = ending("2022-01-01")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.end",)
    assert "12 months from 2021-01-01 end on 2021-12-31" in f.message


def test_an_end_one_day_earlier_disagrees_too() -> None:
    assert ending("2021-12-30").outcome is Outcome.UNKNOWN


def test_an_end_after_3_months_with_12_months_budgeted_is_unknown() -> None:
    """The grant counts the lines' 12 months; the budget's end says 3: which is right?"""
    assert ending("2021-03-31").outcome is Outcome.UNKNOWN
    assert ending("2021-03-31", months=3).outcome is Outcome.PASS


def test_no_end_stated_leaves_the_months_to_decide() -> None:
    assert ending(None).outcome is Outcome.PASS


def test_a_lines_own_end_is_named() -> None:
    r = ip(salary("Ida", 40_000, start="2021-01-01", end="2021-06-30"), end="2021-12-31")
    f = rule(r, "IPB10")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.lines[0].end",)


def test_an_end_without_a_start_is_unknown_naming_the_start() -> None:
    f = rule(ip(salary("Ida", 40_000), end="2021-12-31"), "IPB10")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.start",)


# --- owners (at least 5 %) are not funded -------------------------------------------------


def test_an_owner_of_5_percent_is_not_funded() -> None:
    r = ip(salary("Ida", 40_000), salary("Bo", 40_000),
           prof=profile({"name": "Ida", "owner_percent": 5}, {"name": "Bo", "owner_percent": 0}))
    assert line(r, 0).status is LineStatus.INELIGIBLE
    assert "owners cannot be funded" in line(r, 0).reason
    assert rule_outcome(r, "IPB05") is Outcome.FAIL
    assert r.grant.amount == D(360_000)
    assert "1 funded" in rule(r, "IPB02").message  # the owner is not counted


def test_4_99_percent_is_not_an_owner() -> None:
    r = ip(salary("Ida", 40_000), prof=profile({"name": "Ida", "owner_percent": D("4.99")}),
           start="2020-10-01", approval_date="2020-08-31")
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "IPB05") is Outcome.PASS
    assert cost_rules(r).verdict.value == "complies"  # the profile leaves the rest (FIT) open


def test_ownership_not_stated_is_unknown_naming_the_field() -> None:
    r = ip(salary("Ida", 40_000), prof=profile({"name": "Ida"}))
    assert line(r).status is LineStatus.ELIGIBLE
    f = rule(r, "IPB05")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("employees[0].owner_percent",)


def test_an_employee_not_in_the_profile_is_unknown_naming_employees() -> None:
    r = ip(salary("Eva", 40_000), prof=profile({"name": "Ida", "owner_percent": 0}))
    lr = line(r)
    assert lr.status is LineStatus.UNKNOWN and lr.missing == ("employees",)
    assert rule(r, "IPB05").missing == ("employees",)
    assert r.verdict.value == "needs_information"
    assert r.undecided.amount == D(480_000)


def test_a_profile_without_employees_leaves_the_lines_unknown() -> None:
    r = ip(salary("Ida", 40_000), prof={"company": {"name": "Startup ApS", "country": "DK"}})
    assert line(r).status is LineStatus.UNKNOWN and line(r).missing == ("employees",)


def test_without_a_profile_the_owner_check_is_unknown() -> None:
    r = ip(salary("Ida", 40_000))
    assert line(r).status is LineStatus.ELIGIBLE
    f = rule(r, "IPB05")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("employees",) and f.fix
    assert r.verdict.value == "needs_information"


# --- the grant sought and the own funding -------------------------------------------------


def test_a_grant_sought_equal_to_what_the_budget_allows_passes() -> None:
    assert rule_outcome(ip(salary("Ida", 40_000), grant_sought=D(360_000)),
                        "IPB07") is Outcome.PASS


def test_a_grant_sought_one_ore_above_fails() -> None:
    f = rule(ip(salary("Ida", 40_000), grant_sought=D("360000.01")), "IPB07")
    assert f.outcome is Outcome.FAIL and "DKK 360,000" in f.fix


def test_without_financing_the_own_funding_is_stated() -> None:
    f = rule(ip(salary("Ida", 40_000)), "IPB08")
    assert f.outcome is Outcome.INFO
    assert "DKK 120,000" in f.message and "the company pays the rest" in f.message


def test_own_financing_of_the_rest_passes() -> None:
    r = ip(salary("Ida", 40_000), financing=[{"source": "own", "amount": 120_000}])
    assert rule_outcome(r, "IPB08") is Outcome.PASS


def test_own_financing_one_ore_short_fails() -> None:
    r = ip(salary("Ida", 40_000), financing=[{"source": "own", "amount": D("119999.99")}])
    assert rule_outcome(r, "IPB08") is Outcome.FAIL


def test_public_money_cannot_pay_the_rest_of_the_salaries() -> None:
    r = ip(salary("Ida", 40_000), financing=[{"source": "public", "amount": 120_000}])
    f = rule(r, "IPB08")
    assert f.outcome is Outcome.FAIL and "public" in f.message


# --- dates the page does not cover ----------------------------------------------------------


def test_before_page_version_3_nothing_is_encoded_and_nothing_crashes() -> None:
    r = ip(salary("Ida", 40_000), on=date(2020, 7, 2))
    assert line(r).status is LineStatus.UNKNOWN and "not encoded" in line(r).reason
    assert r.parts == [] and r.grant.amount == 0
    assert rule_outcome(r, "IPB02") is Outcome.UNKNOWN


def test_on_the_day_of_version_3_the_rules_apply() -> None:
    assert ip(salary("Ida", 40_000), on=date(2020, 7, 3)).grant.amount == D(360_000)


def test_before_page_version_3_no_grant_of_dkk_0_is_said() -> None:
    """The grant is not computed (GRANT unknown), and IPB07/IPB08 do not speak of DKK 0."""
    r = ip(salary("Ida", 40_000), on=date(2020, 7, 2))
    assert rule_outcome(r, "GRANT") is Outcome.UNKNOWN
    assert rule_outcome(r, "IPB07") is Outcome.UNKNOWN
    assert rule_outcome(r, "IPB08") is Outcome.UNKNOWN
    assert "not encoded" in rule(r, "IPB08").message


def test_on_gbers_last_day_the_grant_is_computed() -> None:
    """2026-12-31: GBER art. 22 still applies, so the grant's figures do."""
    r = ip(salary("Ida", 40_000), on=date(2026, 12, 31))
    assert r.grant.amount == D(360_000) and rule_outcome(r, "IPB07") is Outcome.INFO


def test_after_gber_the_grant_is_not_computed() -> None:
    """'Tilskud tildeles under … gruppefritagelsesforordning …, artikel 22': not past 2026."""
    r = ip(salary("Ida", 40_000), on=date(2027, 1, 1))
    assert r.parts == [] and rule_outcome(r, "GRANT") is Outcome.UNKNOWN
    assert "2026-12-31" in rule(r, "GRANT").message
    assert rule_outcome(r, "IPB07") is Outcome.UNKNOWN


# --- invariants, with and without profile data ---------------------------------------------

NAMES = ["Ida", "Bo", "Lin", "Kai", "Eva"]
PROFILES = [
    None,
    profile(*({"name": n, "owner_percent": 0} for n in NAMES)),
    profile({"name": "Ida", "owner_percent": 50}, {"name": "Bo"}, {"name": "Lin",
                                                                   "owner_percent": 0}),
]


@st.composite
def budgets(draw: st.DrawFn) -> dict[str, Any]:
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=7))):
        if draw(st.integers(min_value=0, max_value=4)):
            ln: dict[str, Any] = {"category": "salary", "employee": draw(st.sampled_from(NAMES))}
            monthly = draw(st.decimals(min_value=0, max_value=120_000, places=2))
            months = draw(st.none() | st.integers(min_value=1, max_value=20))
            if months is not None:
                ln["months"] = months
            if draw(st.booleans()):
                ln["monthly_salary"] = monthly
            else:
                ln["amount"] = monthly * (months or 12)
        else:
            ln = {"category": draw(st.sampled_from([c.value for c in Category
                                                     if c is not Category.SALARY])),
                  "amount": draw(st.decimals(min_value=0, max_value=1_000_000, places=2))}
        lines.append(ln)
    data: dict[str, Any] = {"lines": lines}
    if draw(st.booleans()):
        data["currency"] = draw(st.sampled_from(["DKK", "EUR", "NOK"]))
    if draw(st.booleans()):
        data["financing"] = [{"source": draw(st.sampled_from(["own", "external", "public"])),
                              "amount": draw(st.decimals(min_value=0, max_value=2_000_000,
                                                         places=2))}]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=budgets(), prof=st.sampled_from(PROFILES))
def test_the_money_always_adds_up_and_no_cap_is_exceeded(
        data: dict[str, Any], prof: dict[str, Any] | None) -> None:
    r = budget_for(SID, data, prof, on=ON)
    assert r.grant + r.own_funding == r.eligible_base
    assert r.eligible_base + r.not_eligible + r.undecided == r.total
    assert Decimal(0) <= r.grant.amount <= D(1_080_000)
    assert r.grant.amount <= r.eligible_base.amount * D("0.75")
    names = set()
    for p in r.parts:
        assert p.grant.amount <= p.base.amount * p.rate
        assert p.grant.amount <= D(12 * 30_000)
        assert p.cap is not None and p.grant <= p.cap
        assert p.grant.amount == p.grant.amount.quantize(D("0.01"))
        names.add(p.name)
    assert len(names) == len(r.parts)  # one part per employee
    for lr in r.lines:
        if lr.amount is not None and lr.status is not LineStatus.UNKNOWN:
            assert Decimal(0) <= lr.eligible.amount <= lr.amount.amount
        if lr.status in (LineStatus.INELIGIBLE, LineStatus.UNKNOWN):
            assert lr.eligible.amount == 0
        if lr.line.category is not Category.SALARY:
            assert lr.status is LineStatus.INELIGIBLE
    assert {f.rule.id for f in r.findings} - {"FIT"} == {x.id for x in CHECKER.rules}
