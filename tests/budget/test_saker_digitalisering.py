"""Säker digitalisering's cost rules: boundary pairs on both sides of every threshold."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.budget.core import LineStatus
from grantcheck.budget.model import Category
from grantcheck.budget.result import BudgetResult
from grantcheck.engine import Kind, Outcome
from grantcheck.schemes.se_saker_digitalisering import costs, page
from grantcheck.schemes.se_saker_digitalisering.budget import CHECKER, GROUPS
from tests.budget.support import D, budget_for, line, rule, rule_outcome

SID = "se-saker-digitalisering"
DATES = {"application_date": "2023-02-20", "start": "2023-03-01", "end": "2023-10-31"}
SE = {"company": {"name": "Science Park Norr AB", "country": "SE"}}



def sdb(*lines: dict[str, Any], profile: dict[str, Any] | None = None,
        **extra: Any) -> BudgetResult:
    """A budget with the usual dates (override or drop them with None)."""
    data: dict[str, Any] = {**DATES, **extra, "lines": list(lines)}
    data = {k: v for k, v in data.items() if v is not None}
    return budget_for(SID, data, profile)


def cost(category: str, amount: str | int, **more: Any) -> dict[str, Any]:
    return {"category": category, "amount": D(amount), **more}


def staff(amount: str | int, **more: Any) -> dict[str, Any]:
    return cost("personnel", amount, **more)


def training(amount: str | int, **more: Any) -> dict[str, Any]:
    return cost("training", amount, **more)


def cash(amount: str | int, source: str = "own", form: str = "cash") -> dict[str, Any]:
    return {"source": source, "amount": D(amount), "financing": form}


# --- the grant: at most 50 % of the total budget, at most the call's SEK 10 million ----------


def test_the_grant_is_half_the_eligible_base():
    r = sdb(staff(1_200_000))
    assert r.grant.amount == D(600_000) and r.own_funding.amount == D(600_000)
    assert r.parts[0].rate == D("0.50") and r.parts[0].bound_by == "the rate"


def test_a_base_of_20_million_reaches_the_call_budget_exactly():
    r = sdb(staff(20_000_000))
    assert r.grant.amount == D(10_000_000) and r.parts[0].bound_by == "the rate"


def test_a_base_above_20_million_is_capped_by_the_call_budget():
    r = sdb(staff("20000000.02"))
    assert r.grant.amount == D(10_000_000)
    assert r.parts[0].bound_by.startswith("the cap: the call's whole budget")
    assert r.own_funding.amount == D("10000000.02")


def test_without_grant_sought_sdb01_states_what_the_budget_allows():
    f = rule(sdb(staff(1_000_000)), "SDB01")
    assert f.outcome is Outcome.INFO and "SEK 500,000" in f.message


def test_grant_sought_equal_to_what_the_budget_allows_passes():
    r = sdb(staff(1_000_000), grant_sought=D(500_000))
    assert rule_outcome(r, "SDB01") is Outcome.PASS and r.grant.amount == D(500_000)


def test_grant_sought_a_cent_above_what_the_budget_allows_fails():
    r = sdb(staff(1_000_000), grant_sought=D("500000.01"))
    f = rule(r, "SDB01")
    assert f.outcome is Outcome.FAIL and "SEK 500,000" in f.fix
    assert r.grant.amount == D(500_000)  # the grant stays what the budget allows


def test_grant_sought_above_the_call_budget_fails():
    r = sdb(staff(30_000_000), grant_sought=D("10000000.01"))
    assert rule_outcome(r, "SDB01") is Outcome.FAIL and r.grant.amount == D(10_000_000)


def test_a_lower_grant_sought_caps_the_grant_and_raises_the_own_funding():
    r = sdb(staff(1_500_000), grant_sought=D(600_000))
    assert r.grant.amount == D(600_000) and r.own_funding.amount == D(900_000)
    assert "grant sought" in r.parts[0].bound_by


def test_a_grant_sought_in_another_currency_is_converted():
    r = sdb(staff(100_000), currency="EUR", grant_sought=D(50_000))  # SEK 11 per EUR
    assert r.lines[0].amount.amount == D(1_100_000)
    assert r.grant.amount == D(550_000) and rule_outcome(r, "SDB01") is Outcome.PASS


# --- the minimum application: SEK 500,000 (read as the grant applied for) ---------------------


def test_a_base_of_1000000_without_a_grant_sought_leaves_an_amount_to_choose():
    """'Lägsta belopp för ansökan är 500 tkr': the amount applied for, the applicant's to
    choose (match's SD13 reads it so); a budget allowing SEK 500,000 leaves the minimum to
    apply for: it passes, saying so."""
    r = sdb(staff(1_000_000))
    f = rule(r, "SDB03")
    assert r.grant.amount == D(500_000) and f.outcome is Outcome.PASS
    assert "any amount from SEK 500,000 to SEK 500,000 can be applied for" in f.message


def test_a_base_of_999999_98_gives_499999_99_which_no_grant_sought_could_lift():
    r = sdb(staff("999999.98"))
    f = rule(r, "SDB03")
    assert r.grant.amount == D("499999.99") and f.outcome is Outcome.FAIL
    assert "SEK 1,000,000" in f.fix


def test_a_grant_sought_of_500000_is_enough():
    r = sdb(staff(2_000_000), grant_sought=D(500_000))
    assert rule_outcome(r, "SDB03") is Outcome.PASS


def test_a_grant_sought_of_499999_99_is_not():
    f = rule(sdb(staff(2_000_000), grant_sought=D("499999.99")), "SDB03")
    assert f.outcome is Outcome.FAIL and "budget.grant_sought" in f.fix


def test_undecided_lines_that_could_lift_the_grant_make_the_minimum_unknown():
    r = sdb(staff(900_000), training(100_000))  # the persons are not stated
    f = rule(r, "SDB03")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.training_persons",)


def test_undecided_lines_too_small_to_lift_the_grant_leave_the_minimum_failed():
    r = sdb(staff(900_000), training(50_000))
    assert rule_outcome(r, "SDB03") is Outcome.FAIL


# --- the training add-on: at most min(SEK 180,000, SEK 30,000 per person) --------------------


def test_training_of_150000_for_five_persons_counts_in_full():
    r = sdb(staff(1_000_000), training(150_000), training_persons=5)
    assert line(r, 1).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "SDB02") is Outcome.PASS


def test_training_of_150000_01_for_five_persons_is_capped_at_150000():
    r = sdb(staff(1_000_000), training("150000.01"), training_persons=5)
    assert line(r, 1).status is LineStatus.PARTLY
    assert line(r, 1).eligible.amount == D(150_000)
    assert line(r, 1).not_eligible.amount == D("0.01")
    assert rule_outcome(r, "SDB02") is Outcome.FAIL


def test_training_of_180000_for_seven_persons_counts_in_full():
    r = sdb(staff(1_000_000), training(180_000), training_persons=7)
    assert line(r, 1).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "SDB02") is Outcome.PASS


def test_training_of_180000_01_for_seven_persons_is_capped_at_180000():
    r = sdb(staff(1_000_000), training("180000.01"), training_persons=7)
    assert line(r, 1).eligible.amount == D(180_000)
    assert rule_outcome(r, "SDB02") is Outcome.FAIL


def test_the_training_add_on_is_financed_at_half_inside_the_base():
    r = sdb(staff(1_000_000), training(200_000), training_persons=6)
    assert r.eligible_base.amount == D(1_180_000) and r.grant.amount == D(590_000)


def test_training_lines_share_one_cap_in_line_order():
    r = sdb(staff(1_000_000), training(100_000), training(100_000), training_persons=6)
    assert line(r, 1).eligible.amount == D(100_000)
    assert line(r, 2).eligible.amount == D(80_000) and line(r, 2).status is LineStatus.PARTLY
    assert "used by earlier training lines" in line(r, 2).reason


def test_training_without_persons_is_undecided_and_names_the_field():
    r = sdb(staff(1_000_000), training(100_000))
    assert line(r, 1).status is LineStatus.UNKNOWN
    assert line(r, 1).missing == ("budget.training_persons",)
    f = rule(r, "SDB02")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.training_persons",)


def test_training_persons_come_from_the_profile_when_the_budget_lacks_them():
    profile = {**SE, "project": {"training_addon": {"persons": 2, "amount": 60000}}}
    r = sdb(staff(1_000_000), training(90_000), profile=profile)
    assert line(r, 1).eligible.amount == D(60_000)
    assert "project.training_addon.persons" in rule(r, "SDB02").message


def test_the_budgets_training_persons_win_over_the_profiles():
    profile = {**SE, "project": {"training_addon": {"persons": 2, "amount": 60000}}}
    r = sdb(staff(1_000_000), training(90_000), profile=profile, training_persons=3)
    assert line(r, 1).status is LineStatus.ELIGIBLE


def test_training_for_no_persons_does_not_count():
    r = sdb(staff(1_000_000), training(10_000), training_persons=0)
    assert line(r, 1).status is LineStatus.INELIGIBLE and line(r, 1).eligible.amount == 0


def test_no_training_lines_is_information_only():
    assert rule_outcome(sdb(staff(1_000_000)), "SDB02") is Outcome.INFO


# --- the cost types: a closed list --------------------------------------------------------------

ELIGIBLE_TYPES = {
    Category.PERSONNEL, Category.SALARY, Category.FLAT_RATE, Category.CONSULTANCY,
    Category.EXTERNAL_SERVICES, Category.HARDWARE, Category.SOFTWARE,
    Category.SOFTWARE_SUBSCRIPTION, Category.COMMISSIONING, Category.TRAVEL, Category.TRAINING,
}


def _line_of(category: Category) -> dict[str, Any]:
    extra: dict[str, Any] = {"employee": "Ida Holm"} if category is Category.SALARY else {}
    return cost(category.value, 10_000, **extra)


@pytest.mark.parametrize("category", list(Category))
def test_every_category_gets_a_decision_with_a_reason_and_a_citation(category: Category):
    r = sdb(_line_of(category), training_persons=1)
    lr = line(r)
    expected = LineStatus.ELIGIBLE if category in ELIGIBLE_TYPES else LineStatus.INELIGIBLE
    assert lr.status is expected
    assert lr.reason and lr.cites
    if category not in ELIGIBLE_TYPES:
        assert page.C_KOSTNADSSLAG in lr.cites


def test_the_eligible_categories_are_exactly_the_page_types_and_the_add_on():
    assert set(GROUPS) == ELIGIBLE_TYPES
    assert {g for g in GROUPS.values()} == {c.id for c in costs.ELIGIBLE_COSTS} | {"training"}


def test_a_marketing_line_breaks_the_cost_type_rule():
    r = sdb(staff(1_000_000), cost("marketing", 20_000))
    f = rule(r, "SDB08")
    assert f.outcome is Outcome.FAIL and "SEK 20,000" in f.message
    assert r.not_eligible.amount == D(20_000) and r.eligible_base.amount == D(1_000_000)


def test_only_eligible_types_pass_the_cost_type_rule():
    r = sdb(staff(1_000_000), cost("consultancy", 1), cost("travel", 1), cost("hardware", 1))
    assert rule_outcome(r, "SDB08") is Outcome.PASS


def test_a_salary_line_is_monthly_salary_times_months():
    r = sdb({"category": "salary", "employee": "Ida Holm", "monthly_salary": D(40_000),
             "months": 6})
    assert line(r).status is LineStatus.ELIGIBLE and line(r).amount.amount == D(240_000)


def test_a_salary_line_without_months_is_undecided():
    r = sdb({"category": "salary", "employee": "Ida Holm", "monthly_salary": D(40_000)})
    assert line(r).status is LineStatus.UNKNOWN
    assert line(r).missing == ("budget.lines[0].months",)
    assert rule_outcome(r, "SDB03") is Outcome.UNKNOWN  # its amount could be anything


def test_investments_are_stated_as_small_costs_for_digital_tools():
    f = rule(sdb(staff(900_000), cost("hardware", 100_000)), "SDB09")
    assert f.outcome is Outcome.INFO and "10.0 %" in f.message


# --- the project period: the application date to 2023-10-31 -----------------------------------


def test_a_cost_on_the_application_date_counts():
    r = sdb(staff(1_000_000, incurred="2023-02-20"), start=None)
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "SDB05") is Outcome.PASS


def test_a_cost_the_day_before_the_application_date_does_not():
    r = sdb(staff(1_000_000, incurred="2023-02-19"), start=None)
    assert line(r).status is LineStatus.INELIGIBLE and line(r).eligible.amount == 0
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.FAIL and "before the application date" in f.message


def test_a_cost_on_2023_10_31_counts():
    r = sdb(staff(1_000_000, incurred="2023-10-31"), end=None)
    assert line(r).status is LineStatus.ELIGIBLE


def test_a_cost_on_2023_11_01_does_not():
    r = sdb(staff(1_000_000, incurred="2023-11-01"), end=None)
    assert line(r).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "SDB05") is Outcome.FAIL


def test_a_cost_after_the_application_but_before_a_later_project_start_does_not_count():
    r = sdb(staff(1_000_000, incurred="2023-02-28"))  # start 2023-03-01
    assert line(r).status is LineStatus.INELIGIBLE
    assert "the project start 2023-03-01" in line(r).reason


def test_a_cost_after_an_earlier_project_end_does_not_count():
    r = sdb(staff(1_000_000, incurred="2023-10-01"), end="2023-09-30")
    assert line(r).status is LineStatus.INELIGIBLE


def test_a_period_straddling_the_end_counts_pro_rata_by_days():
    r = sdb(staff(61_000, start="2023-10-01", end="2023-11-30"))  # 31 of 61 days inside
    lr = line(r)
    assert lr.status is LineStatus.PARTLY and lr.eligible.amount == D(31_000)
    assert "pro rata by days" in lr.reason
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.FAIL and "SEK 30,000" in f.message


def test_a_period_straddling_the_application_date_counts_pro_rata_by_days():
    r = sdb(staff(10_000, start="2023-02-11", end="2023-02-20"), start=None)  # 1 of 10 days
    assert line(r).eligible.amount == D(1_000)


def test_a_pro_rata_share_is_floored_to_the_ore():
    r = sdb(staff(100, start="2023-10-30", end="2023-11-01"))  # 2 of 3 days: 66.666…
    assert line(r).eligible.amount == D("66.66")


def test_undated_lines_in_a_project_period_past_2023_10_31_are_undecided():
    r = sdb(staff(1_000_000), end="2023-12-31")
    assert line(r).status is LineStatus.UNKNOWN
    assert line(r).missing == ("budget.lines[0].incurred",)
    assert rule_outcome(r, "SDB04") is Outcome.FAIL


def test_without_any_dates_the_lines_count_and_the_period_rules_are_unknown():
    r = sdb(staff(1_000_000), application_date=None, start=None, end=None)
    assert line(r).status is LineStatus.ELIGIBLE and r.grant.amount == D(500_000)
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.UNKNOWN
    assert set(f.missing) == {"budget.start", "budget.end", "budget.application_date"}
    assert rule_outcome(r, "SDB04") is Outcome.UNKNOWN


def test_without_the_application_date_costs_before_it_cannot_be_seen():
    r = sdb(staff(1_000_000), application_date=None)
    assert line(r).status is LineStatus.ELIGIBLE
    f = rule(r, "SDB05")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.application_date",)


def test_the_application_date_comes_from_the_profile():
    profile = {**SE, "project": {"application_date": "2023-02-20"}}
    r = sdb(staff(1_000_000, incurred="2023-02-19"), profile=profile, application_date=None,
            start=None)
    assert line(r).status is LineStatus.INELIGIBLE


def test_a_project_starting_on_the_application_date_is_in_time():
    assert rule_outcome(sdb(staff(1_000_000), start="2023-02-20"), "SDB04") is Outcome.PASS


def test_a_project_starting_the_day_before_the_application_date_is_not():
    f = rule(sdb(staff(1_000_000), start="2023-02-19"), "SDB04")
    assert f.outcome is Outcome.FAIL and "2023-02-20" in f.fix


def test_a_project_ending_on_2023_10_31_is_in_time():
    assert rule_outcome(sdb(staff(1_000_000), end="2023-10-31"), "SDB04") is Outcome.PASS


def test_a_project_ending_on_2023_11_01_is_not():
    f = rule(sdb(staff(1_000_000), end="2023-11-01"), "SDB04")
    assert f.outcome is Outcome.FAIL and "1 days after" in f.message


# --- the co-financing: at least 50 % of the budget, in cash ---------------------------------


def test_without_financing_lines_the_cash_required_is_stated():
    f = rule(sdb(staff(1_000_000)), "SDB06")
    assert f.outcome is Outcome.INFO and "SEK 500,000 in cash" in f.message


def test_cash_of_half_the_budget_is_enough():
    r = sdb(staff(1_000_000), financing=[cash(500_000)])
    assert rule_outcome(r, "SDB06") is Outcome.PASS


def test_cash_a_cent_short_of_half_the_budget_is_not():
    f = rule(sdb(staff(1_000_000), financing=[cash("499999.99")]), "SDB06")
    assert f.outcome is Outcome.FAIL and "SEK 0.01 more" in f.fix


def test_in_kind_financing_does_not_count_as_cash():
    r = sdb(staff(1_000_000), financing=[cash(400_000), cash(100_000, form="in_kind")])
    f = rule(r, "SDB06")
    assert f.outcome is Outcome.FAIL and "does not count" in f.message


def test_external_and_public_cash_count():
    r = sdb(staff(1_000_000), financing=[cash(300_000, "external"), cash(200_000, "public")])
    f = rule(r, "SDB06")
    assert f.outcome is Outcome.PASS and "external actor" in f.message


def test_undecided_lines_that_could_raise_the_requirement_make_it_unknown():
    r = sdb(staff(1_000_000), training(100_000), financing=[cash(500_000)])
    assert rule_outcome(r, "SDB06") is Outcome.UNKNOWN


def test_staff_costs_with_own_co_financing_give_the_reading_warning():
    f = rule(sdb(staff(1_000_000), financing=[cash(500_000)]), "SDB07")
    assert f.rule.kind is Kind.SOFT and f.outcome is Outcome.WARNING
    assert "reading" in f.message


def test_staff_costs_without_financing_lines_give_the_reading_warning():
    assert rule_outcome(sdb(staff(1_000_000)), "SDB07") is Outcome.WARNING


def test_external_co_financing_needs_no_reading():
    r = sdb(staff(1_000_000), financing=[cash(500_000, "external")])
    assert rule_outcome(r, "SDB07") is Outcome.PASS


def test_no_staff_costs_needs_no_reading():
    assert rule_outcome(sdb(cost("consultancy", 1_000_000)), "SDB07") is Outcome.PASS


def test_a_complete_budget_complies():
    r = sdb(staff(800_000), cost("consultancy", 150_000), training(50_000), training_persons=2,
            grant_sought=D(500_000),
            financing=[cash(300_000, "external"), cash(200_000, "public")])
    assert r.verdict_if_open.value == "complies", [
        (f.rule.id, f.message) for f in r.findings if f.outcome in (Outcome.FAIL, Outcome.UNKNOWN)]
    assert r.verdict.value == "closed"  # the call closed 2023-03-01; ON is later
    assert r.grant.amount == D(500_000) and r.own_funding.amount == D(500_000)


# --- health -------------------------------------------------------------------------------------






def test_the_checker_is_registered_for_the_scheme():
    from grantcheck.budget import checker

    assert checker(SID) is CHECKER and CHECKER.own_funding_form.startswith("cash")


# --- properties ---------------------------------------------------------------------------------

DAY0 = date(2023, 1, 1)
days = st.integers(min_value=0, max_value=364).map(lambda n: DAY0 + timedelta(days=n))
amounts = st.decimals(min_value=0, max_value=3_000_000, places=2, allow_nan=False,
                      allow_infinity=False)


@st.composite
def budget_lines(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(list(Category)))
    ln: dict[str, Any] = {"category": category.value}
    if category is Category.SALARY:
        ln["employee"] = "Ida Holm"
        if draw(st.booleans()):
            ln["monthly_salary"] = draw(st.decimals(min_value=0, max_value=80_000, places=2))
            months = draw(st.none() | st.integers(min_value=1, max_value=12))
            if months is not None:
                ln["months"] = months
        else:
            ln["amount"] = draw(amounts)
    else:
        ln["amount"] = draw(amounts)
    when = draw(st.sampled_from(["none", "incurred", "period"]))
    if when == "incurred":
        ln["incurred"] = draw(days)
    elif when == "period":
        a, b = sorted((draw(days), draw(days)))
        ln["start"], ln["end"] = a, b
    return ln


@st.composite
def budgets(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any] | None]:
    data: dict[str, Any] = {"lines": draw(st.lists(budget_lines(), min_size=1, max_size=6))}
    if draw(st.booleans()):
        data["application_date"] = draw(days)
    if draw(st.booleans()):
        a, b = sorted((draw(days), draw(days)))
        data["start"], data["end"] = a, b
    if draw(st.booleans()):
        data["training_persons"] = draw(st.integers(min_value=0, max_value=10))
    if draw(st.booleans()):
        data["grant_sought"] = draw(st.decimals(min_value=0, max_value=12_000_000, places=2))
    if draw(st.booleans()):
        data["financing"] = draw(st.lists(st.builds(
            cash, amounts, st.sampled_from(["own", "external", "public"]),
            st.sampled_from(["cash", "in_kind"])), max_size=3))
    profile = None
    if draw(st.booleans()):
        project: dict[str, Any] = {}
        if draw(st.booleans()):
            project["application_date"] = draw(days)
        if draw(st.booleans()):
            project["training_addon"] = {"persons": draw(st.integers(0, 10)), "amount": 0}
        profile = {**SE, "project": project}
    return data, profile


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_any_budget_adds_up_and_respects_every_cap(case: tuple[dict[str, Any],
                                                               dict[str, Any] | None]):
    data, profile = case
    r = budget_for(SID, data, profile)
    assert r.grant + r.own_funding == r.eligible_base
    assert r.total == r.eligible_base + r.not_eligible + r.undecided
    for p in r.parts:
        assert p.grant.amount >= 0
        assert p.grant <= p.base * p.rate
        if p.cap is not None:
            assert p.grant <= p.cap
    assert r.grant.amount <= D(10_000_000)
    if data.get("grant_sought") is not None:
        assert r.grant.amount <= data["grant_sought"]
    for lr in r.lines:
        assert lr.eligible.amount >= 0
        if lr.amount is not None:
            assert lr.eligible <= lr.amount
    persons = data.get("training_persons")
    if persons is None and profile and "training_addon" in profile["project"]:
        persons = profile["project"]["training_addon"]["persons"]
    if persons is not None:
        counted = sum((lr.eligible.amount for lr in r.lines if lr.group == "training"), D(0))
        assert counted <= min(D(180_000), D(30_000) * persons)
    assert {f.rule.id for f in r.findings} - {"FIT"} == {rr.id for rr in CHECKER.rules}
