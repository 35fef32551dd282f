"""Prosess- og organisasjonsinnovasjon's cost rules: the four cost kinds, GBER art. 29 rates, the
notification threshold, boundary pairs on both sides of every threshold, and the grant the same
as the scheme's amounts (one arithmetic, in the package's grant module)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.budget import checker
from grantcheck.budget.core import LineStatus
from grantcheck.budget.model import Category
from grantcheck.budget.result import BudgetResult
from grantcheck.engine import Outcome
from grantcheck.schemes.no_prosessinnovasjon import budget as pob
from grantcheck.schemes.no_prosessinnovasjon import grant, page
from grantcheck.schemes.no_prosessinnovasjon.budget_lines import KINDS
from grantcheck.schemes.no_prosessinnovasjon.scheme import SCHEME
from tests.budget.support import D, budget_for, cost_rules, line, rule, rule_outcome
from tests.support import merged, result_for

SID = "no-prosessinnovasjon"
CHECKER = pob.CHECKER

SME: dict[str, Any] = {
    "company": {
        "name": "Verksted AS", "country": "NO", "employees_fte": 20, "owners_fte": 0,
        "turnover": 30_000_000, "balance_sheet_total": 20_000_000, "related": [],
        "public_ownership_percent": 0,
    },
}
LARGE = merged(SME, company={"employees_fte": 400, "turnover": 900_000_000,
                             "balance_sheet_total": 900_000_000})
LARGE_EXCEPTION = merged(LARGE, declarations={"large_enterprise_exception": True})
LARGE_NO_EXCEPTION = merged(LARGE, declarations={"large_enterprise_exception": False})


def po(*lines: dict[str, Any], profile: dict[str, Any] | None = SME, on: date | None = None,
       rates: dict[str, Decimal] | None = None, **extra: Any) -> BudgetResult:
    data = {**extra, "lines": list(lines)}
    if on is None:
        return budget_for(SID, data, profile, rates=rates)
    return budget_for(SID, data, profile, on=on, rates=rates)


def amount(category: str, value: str | int | Decimal, **more: Any) -> dict[str, Any]:
    return {"category": category, "amount": D(value), **more}


def consult(value: str | int | Decimal) -> dict[str, Any]:
    return amount("consultancy", value)


# --- the checker ---------------------------------------------------------------------------


def test_the_registry_returns_this_checker() -> None:
    assert checker(SID) is CHECKER
    assert CHECKER.own_funding_form == "own funds: cash or own hours (the page states no form)"
    assert CHECKER.hours_rate is None


# --- every category gets a decision with its source ----------------------------------------

ELIGIBLE = {Category.PERSONNEL, Category.SALARY, Category.CONSULTANCY,
            Category.EXTERNAL_SERVICES, Category.IPR}


def _line_for(cat: Category) -> dict[str, Any]:
    if cat is Category.SALARY:
        return {"category": "salary", "employee": "Kari", "monthly_salary": 50_000, "months": 4}
    if cat is Category.EQUIPMENT:
        return amount("equipment", 100_000, project_share_percent=D(100))
    return amount(cat.value, 100_000)


@pytest.mark.parametrize("cat", list(Category))
def test_each_category_is_decided_with_a_reason_and_the_page_as_source(cat: Category) -> None:
    lr = line(po(_line_for(cat)))
    assert lr.reason and lr.cites
    assert any(c.from_page for c in lr.cites)
    if cat in ELIGIBLE or cat is Category.EQUIPMENT:
        assert lr.status is LineStatus.ELIGIBLE
        assert lr.eligible.amount == D(200_000 if cat is Category.SALARY else 100_000)
    else:
        assert lr.status is LineStatus.INELIGIBLE
        assert lr.eligible.amount == 0
        assert page.C_KOSTNADER in lr.cites


def test_the_four_kinds_are_the_pages_eligible_costs() -> None:
    assert {k.id for k in KINDS.values()} == {c.id for c in page.ELIGIBLE_COSTS}


def test_an_ineligible_line_breaks_the_four_kinds_rule_and_names_it() -> None:
    r = po(consult(100_000), amount("travel", 5_000))
    f = rule(r, "POB01")
    assert f.outcome is Outcome.FAIL
    assert "line 2" in f.message and "NOK 5,000" in f.message and f.fix
    assert r.not_eligible.amount == D(5_000)


def test_only_the_four_kinds_pass_the_four_kinds_rule() -> None:
    assert rule_outcome(po(consult(100_000), amount("ipr", 1)), "POB01") is Outcome.PASS


def test_hardware_bought_is_not_eligible_and_the_reason_points_to_equipment() -> None:
    lr = line(po(amount("hardware", 50_000)))
    assert lr.status is LineStatus.INELIGIBLE
    assert "project_share_percent" in lr.reason


def test_a_salary_line_without_months_or_amount_is_unknown_naming_the_months() -> None:
    lr = line(po({"category": "salary", "employee": "Kari", "monthly_salary": 50_000}))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("budget.lines[0].months",)


def test_personnel_hours_with_a_rate_count_in_full() -> None:
    lr = line(po({"category": "personnel", "hours": 100, "rate": 850}))
    assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(85_000)


# --- equipment: only the share used in the project -----------------------------------------


def test_equipment_used_40_percent_counts_40_percent() -> None:
    lr = line(po(amount("equipment", 100_000, project_share_percent=D(40))))
    assert lr.status is LineStatus.PARTLY
    assert lr.eligible.amount == D(40_000)
    assert "40 %" in lr.reason and "NOK 40,000 of NOK 100,000" in lr.reason


def test_equipment_share_is_rounded_to_the_ore() -> None:
    lr = line(po(amount("equipment", "100000.01", project_share_percent=D("33.333"))))
    assert lr.eligible.amount == D("33333.00")  # 33,333.0033… half up


def test_equipment_used_only_in_the_project_counts_in_full() -> None:
    r = po(amount("equipment", 100_000, project_share_percent=D(100)))
    assert line(r).status is LineStatus.ELIGIBLE and line(r).eligible.amount == D(100_000)
    assert rule_outcome(r, "POB02") is Outcome.PASS


def test_equipment_without_its_share_is_unknown_naming_the_field() -> None:
    r = po(amount("equipment", 100_000))
    lr = line(r)
    assert lr.status is LineStatus.UNKNOWN and lr.eligible.amount == 0
    assert lr.missing == ("budget.lines[0].project_share_percent",)
    f = rule(r, "POB02")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("budget.lines[0].project_share_percent",)
    assert r.verdict.value == "needs_information"
    assert r.undecided.amount == D(100_000)


# --- equipment: only its time inside the project period (2026-12-01 to 2027-11-30) ---------

PERIOD: dict[str, Any] = {"start": date(2026, 12, 1), "end": date(2027, 11, 30)}


def rent(value: int, share: int = 100, **dates: date) -> dict[str, Any]:
    return amount("equipment", value, project_share_percent=D(share), **dates)


def test_equipment_ending_the_day_before_the_project_starts_counts_nothing() -> None:
    r = po(rent(30_000, start=date(2026, 11, 1), end=date(2026, 11, 30)), **PERIOD)
    lr = line(r)
    assert lr.status is LineStatus.INELIGIBLE and lr.eligible.amount == 0
    assert "before the project starts on 2026-12-01" in lr.reason
    assert "nothing of NOK 30,000 counts" in lr.reason
    f = rule(r, "POB02")
    assert f.outcome is Outcome.FAIL and "wholly outside the project period" in f.message
    assert f.fix and r.verdict.value == "breaks_rules"


def test_equipment_ending_the_day_the_project_starts_counts_one_days_part() -> None:
    r = po(rent(31_000, start=date(2026, 11, 1), end=date(2026, 12, 1)), **PERIOD)
    lr = line(r)
    assert lr.status is LineStatus.PARTLY and lr.eligible.amount == D(1_000)
    assert "(31 days); 1 day, 2026-12-01, falls in the project period" in lr.reason
    assert "NOK 31,000 × 1/31 days = NOK 1,000 counts" in lr.reason
    assert rule_outcome(r, "POB02") is Outcome.PASS


def test_equipment_ending_on_the_last_project_day_counts_whole() -> None:
    r = po(rent(100_000, start=date(2027, 6, 1), end=date(2027, 11, 30)), **PERIOD)
    lr = line(r)
    assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(100_000)
    assert "inside the project period 2026-12-01 to 2027-11-30" in lr.reason
    assert rule_outcome(r, "POB02") is Outcome.PASS


def test_equipment_ending_the_day_after_the_last_project_day_loses_that_day() -> None:
    lr = line(po(rent(31_000, start=date(2027, 11, 1), end=date(2027, 12, 1)), **PERIOD))
    assert lr.status is LineStatus.PARTLY and lr.eligible.amount == D(30_000)
    assert "NOK 31,000 × 30/31 days = NOK 30,000 counts" in lr.reason


def test_equipment_starting_the_day_after_the_project_ends_counts_nothing() -> None:
    lr = line(po(rent(30_000, start=date(2027, 12, 1), end=date(2028, 1, 31)), **PERIOD))
    assert lr.status is LineStatus.INELIGIBLE and lr.eligible.amount == 0
    assert "after the project ends on 2027-11-30" in lr.reason


def test_equipment_incurred_the_day_before_the_project_counts_nothing() -> None:
    lr = line(po(rent(100_000, incurred=date(2026, 11, 30)), **PERIOD))
    assert lr.status is LineStatus.INELIGIBLE and lr.eligible.amount == 0


def test_equipment_incurred_on_the_first_project_day_counts_whole() -> None:
    lr = line(po(rent(100_000, incurred=date(2026, 12, 1)), **PERIOD))
    assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(100_000)


def test_equipment_incurred_on_the_last_project_day_counts_whole() -> None:
    lr = line(po(rent(100_000, incurred=date(2027, 11, 30)), **PERIOD))
    assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(100_000)


def test_equipment_incurred_the_day_after_the_project_counts_nothing() -> None:
    lr = line(po(rent(100_000, incurred=date(2027, 12, 1)), **PERIOD))
    assert lr.status is LineStatus.INELIGIBLE and lr.eligible.amount == 0


def test_a_years_rent_half_in_the_project_counts_its_days_in_it() -> None:
    """The tester's case: NOK 120,000 from 2026-06-01 to 2027-05-31, 182 of 365 days inside."""
    r = po(rent(120_000, start=date(2026, 6, 1), end=date(2027, 5, 31)), **PERIOD)
    lr = line(r)
    assert lr.status is LineStatus.PARTLY
    assert lr.eligible.amount == D("59835.62")  # 120,000 × 182 / 365 = 59,835.616… half up
    assert "NOK 120,000 × 182/365 days = NOK 59,835.62 counts" in lr.reason
    assert r.eligible_base.amount == D("59835.62")


def test_a_straddling_line_counts_its_days_times_its_share() -> None:
    lr = line(po(rent(120_000, 50, start=date(2026, 6, 1), end=date(2027, 5, 31)), **PERIOD))
    assert lr.eligible.amount == D("29917.81")  # 120,000 × 182/365 × 50 % = 29,917.808…
    assert "× 182/365 days × 50 % = NOK 29,917.81 counts" in lr.reason


def test_equipment_without_dates_falls_in_the_project_period_and_says_so() -> None:
    r = po(rent(100_000, 40), **PERIOD)
    lr = line(r)
    assert lr.status is LineStatus.PARTLY and lr.eligible.amount == D(40_000)
    assert "gives no dates" in lr.reason and "start and end" in lr.reason
    assert rule_outcome(r, "POB02") is Outcome.PASS


def test_dated_equipment_without_the_project_period_is_unknown_naming_it() -> None:
    r = po(rent(100_000, 40, start=date(2026, 6, 1), end=date(2027, 5, 31)))
    lr = line(r)
    assert lr.status is LineStatus.UNKNOWN and lr.eligible.amount == 0
    assert lr.missing == ("budget.start", "budget.end")
    assert "at most NOK 40,000 of NOK 100,000 counts" in lr.reason
    f = rule(r, "POB02")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.start", "budget.end")
    assert r.verdict.value == "needs_information"


def test_the_profiles_project_period_settles_a_dated_line() -> None:
    profile = merged(SME, project={"start": date(2026, 12, 1), "end": date(2027, 11, 30)})
    lr = line(po(rent(120_000, start=date(2026, 6, 1), end=date(2027, 5, 31)), profile=profile))
    assert lr.eligible.amount == D("59835.62")


def test_equipment_starting_in_the_project_without_its_end_is_unknown_naming_the_end() -> None:
    lr = line(po(rent(100_000, start=date(2027, 1, 1)), **PERIOD))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("budget.lines[0].end",)


def test_equipment_starting_after_the_project_without_its_end_counts_nothing() -> None:
    lr = line(po(rent(100_000, start=date(2027, 12, 1)), **PERIOD))
    assert lr.status is LineStatus.INELIGIBLE


def test_other_cost_kinds_are_not_limited_to_the_project_period() -> None:
    """The page limits only equipment to 'prosjektperioden'; it is silent on the others."""
    lr = line(po(amount("consultancy", 50_000, incurred=date(2026, 6, 1)), **PERIOD))
    assert lr.status is LineStatus.ELIGIBLE and lr.eligible.amount == D(50_000)


# --- the aid intensity (GBER art. 29(4), not the page) -------------------------------------


def test_an_sme_gets_50_percent_of_the_eligible_costs() -> None:
    # applied before the work starts (POB07, GBER art. 6(2)): the budget complies
    r = po(consult(1_000_000), start=date(2026, 3, 1), application_date=date(2026, 2, 1))
    assert r.grant.amount == D(500_000) and r.own_funding.amount == D(500_000)
    assert r.parts[0].rate == D("0.50")
    assert "for an SME" in r.parts[0].rate_label
    assert rule_outcome(r, "POB03") is Outcome.PASS
    assert cost_rules(r).verdict.value == "complies"  # the profile leaves the rest (FIT) open


def test_the_grant_is_floored_to_the_ore() -> None:
    assert po(consult("100000.01")).grant.amount == D("50000.00")


def test_250_staff_is_a_large_enterprise_without_sme_rate() -> None:
    r = po(consult(1_000_000), profile=merged(SME, company={"employees_fte": 250}))
    assert r.parts[0].rate == D("0.15")
    assert rule(r, "POB03").missing == ("declarations.large_enterprise_exception",)


def test_249_staff_is_still_an_sme() -> None:
    r = po(consult(1_000_000), profile=merged(SME, company={"employees_fte": 249}))
    assert r.parts[0].rate == D("0.50") and rule_outcome(r, "POB03") is Outcome.PASS


def test_a_large_enterprise_under_the_exception_gets_15_percent_with_the_condition_stated() -> None:
    r = po(consult(1_000_000), profile=LARGE_EXCEPTION)
    assert r.grant.amount == D(150_000)
    f = rule(r, "POB03")
    assert f.outcome is Outcome.PASS
    assert "30 %" in f.message and "29(2)" in f.message


def test_a_large_enterprise_without_a_declared_exception_is_an_upper_bound_at_15_percent() -> None:
    r = po(consult(1_000_000), profile=LARGE)
    assert r.grant.amount == D(150_000)
    assert "at most, if the exception" in r.parts[0].rate_label
    f = rule(r, "POB03")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("declarations.large_enterprise_exception",)
    assert r.verdict.value == "needs_information"


def test_a_large_enterprise_the_exception_does_not_cover_gets_nothing() -> None:
    r = po(consult(1_000_000), profile=LARGE_NO_EXCEPTION)
    assert r.grant.amount == 0 and r.own_funding.amount == D(1_000_000)
    assert rule_outcome(r, "POB03") is Outcome.FAIL
    assert r.verdict.value == "breaks_rules"


def test_without_a_profile_the_grant_is_at_most_50_percent_and_the_rate_is_unknown() -> None:
    r = po(consult(1_000_000), profile=None)
    assert r.grant.amount == D(500_000)
    assert "at most, if the company is an SME" in r.parts[0].rate_label
    f = rule(r, "POB03")
    assert f.outcome is Outcome.UNKNOWN
    assert set(f.missing) == {"company.employees_fte", "company.turnover",
                              "company.balance_sheet_total"}
    assert f.fix
    assert r.verdict.value == "needs_information"


def test_a_profile_without_the_staff_figure_leaves_the_rate_unknown_naming_it() -> None:
    data = merged(SME)
    del data["company"]["employees_fte"]
    r = po(consult(1_000_000), profile=data)
    assert r.grant.amount == D(500_000)
    f = rule(r, "POB03")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.employees_fte",)


def test_the_size_is_read_in_the_companys_own_currency() -> None:
    """DKK 400 million is above EUR 50 and 43 million at 7.46 (large); NOK 400 million would
    not be (EUR 36 million at 11): the company's figures are DKK."""
    dk = {"company": {"name": "Fabrik ApS", "country": "DK", "employees_fte": 100,
                      "owners_fte": 0, "turnover": 400_000_000,
                      "balance_sheet_total": 400_000_000, "related": [],
                      "public_ownership_percent": 0}}
    r = po(consult(1_000_000), profile=dk)
    assert r.parts[0].rate == D("0.15")
    assert rule(r, "POB03").missing == ("declarations.large_enterprise_exception",)
    # the budget is in the company's currency, converted to NOK at the stated rates
    assert line(r).amount is not None
    assert line(r).amount.amount == (D(1_000_000) / D("7.46") * 11).quantize(D("0.01"))


def test_after_gber_ends_the_rate_is_not_encoded_and_nothing_crashes() -> None:
    r = po(consult(1_000_000), on=date(2027, 1, 1))
    assert r.parts == [] and "not encoded" in r.grant_unknown  # no grant figure, not 0
    f = rule(r, "POB03")
    assert f.outcome is Outcome.UNKNOWN and "not encoded" in f.message


# --- the notification threshold: EUR 7.5 million = NOK 82,500,000 at 11.00 ------------------


def test_a_grant_of_exactly_the_threshold_needs_no_notification() -> None:
    r = po(consult(165_000_000))
    assert r.grant.amount == D(82_500_000)
    f = rule(r, "POB04")
    assert f.outcome is Outcome.PASS
    assert "EUR 7,500,000 = NOK 82,500,000" in f.message and "11.0000" in f.message


def test_a_grant_one_ore_above_the_threshold_stops_at_it() -> None:
    """GBER does not apply to aid above the threshold (art. 4(1)(l)): the grant stops there,
    as `match`'s amounts do, and the budget complies with POB04."""
    r = po(consult("165000000.02"))
    assert r.grant.amount == D("82500000.00")
    assert r.own_funding.amount == D("82500000.02")
    assert r.parts[0].cap is not None and r.parts[0].cap.amount == D(82_500_000)
    assert "notification threshold" in r.parts[0].bound_by
    f = rule(r, "POB04")
    assert f.outcome is Outcome.PASS and f.missing == ()
    assert "the intensity would allow NOK 82,500,000.01" in f.message


def test_a_grant_sought_one_ore_above_the_threshold_must_be_notified() -> None:
    """A grant sought above the threshold is outside GBER (art. 4(1)): the budget breaks it."""
    r = po(consult("165000000.02"), grant_sought=D("82500000.01"))
    f = rule(r, "POB04")
    assert f.outcome is Outcome.FAIL and "notified" in f.fix
    assert r.verdict.value == "breaks_rules"


def test_a_grant_sought_above_the_threshold_fails_even_above_what_the_budget_allows() -> None:
    """The grant sought is checked, not the smaller grant the budget allows (as PO10)."""
    r = po(consult(100_000_000), grant_sought=D("82500000.01"))
    assert r.grant.amount == D(50_000_000)
    assert rule_outcome(r, "POB04") is Outcome.FAIL
    r = po(consult(100_000_000), grant_sought=D(82_500_000))
    assert rule_outcome(r, "POB04") is Outcome.PASS


def test_the_threshold_moves_with_the_stated_rate() -> None:
    rates = {"NOK": D("12.0000"), "DKK": D("7.46"), "SEK": D("11")}
    assert rule_outcome(po(consult(180_000_000), rates=rates), "POB04") is Outcome.PASS
    r = po(consult("180000000.02"), rates=rates)
    assert r.grant.amount == D(90_000_000) and rule_outcome(r, "POB04") is Outcome.PASS
    r = po(consult(180_000_000), grant_sought=D("90000000.01"), rates=rates)
    assert rule_outcome(r, "POB04") is Outcome.FAIL


def test_a_grant_sought_at_the_threshold_keeps_a_larger_budget_within_it() -> None:
    r = po(consult(200_000_000), grant_sought=D(82_500_000))
    assert rule_outcome(r, "POB04") is Outcome.PASS
    r = po(consult(200_000_000), grant_sought=D("82500000.01"))
    assert rule_outcome(r, "POB04") is Outcome.FAIL


def test_above_the_threshold_without_a_profile_the_bound_stops_at_it() -> None:
    """The SME rate is an upper bound without a profile (POB03 is unknown), but no size lifts
    the grant above the threshold: POB04 passes."""
    r = po(consult(200_000_000), profile=None)
    assert r.grant.amount == D(82_500_000)
    assert rule_outcome(r, "POB04") is Outcome.PASS
    assert rule_outcome(r, "POB03") is Outcome.UNKNOWN


def test_a_large_enterprise_under_the_exception_is_checked_at_15_percent() -> None:
    base = D(550_000_000)  # 15 % = 82,500,000
    assert rule_outcome(po(consult(base), profile=LARGE_EXCEPTION), "POB04") is Outcome.PASS
    r = po(consult(base + D("0.07")), profile=LARGE_EXCEPTION)
    assert r.grant.amount == D(82_500_000)  # 15 % would be 82,500,000.01
    assert rule_outcome(r, "POB04") is Outcome.PASS


# --- the grant sought ----------------------------------------------------------------------


def test_a_grant_sought_equal_to_what_the_budget_allows_passes() -> None:
    assert rule_outcome(po(consult(1_000_000), grant_sought=D(500_000)), "POB05") is Outcome.PASS


def test_a_grant_sought_one_ore_above_fails() -> None:
    f = rule(po(consult(1_000_000), grant_sought=D("500000.01")), "POB05")
    assert f.outcome is Outcome.FAIL and "NOK 500,000" in f.fix


def test_a_grant_sought_above_with_undecided_lines_is_unknown() -> None:
    r = po(consult(1_000_000), amount("equipment", 100_000), grant_sought=D(520_000))
    f = rule(r, "POB05")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("budget.lines[1].project_share_percent",)


def test_without_a_grant_sought_the_rule_states_the_most_the_budget_allows() -> None:
    f = rule(po(consult(1_000_000)), "POB05")
    assert f.outcome is Outcome.INFO and "NOK 500,000" in f.message


def test_a_grant_sought_within_the_upper_bound_is_unknown_without_a_profile() -> None:
    f = rule(po(consult(1_000_000), profile=None, grant_sought=D(400_000)), "POB05")
    assert f.outcome is Outcome.UNKNOWN


def test_a_grant_sought_in_another_currency_is_converted() -> None:
    r = po(consult(1_000_000), currency="EUR", grant_sought=D(500_000))
    assert r.grant.amount == D(5_500_000)  # EUR 1,000,000 = NOK 11,000,000; 50 %
    assert rule_outcome(r, "POB05") is Outcome.PASS
    r = po(consult(1_000_000), currency="EUR", grant_sought=D("500000.01"))
    assert rule_outcome(r, "POB05") is Outcome.FAIL


# --- own funding ---------------------------------------------------------------------------


def test_without_financing_lines_the_own_funding_is_stated_with_its_form() -> None:
    f = rule(po(consult(1_000_000)), "POB06")
    assert f.outcome is Outcome.INFO
    assert "NOK 500,000" in f.message and "cash or own hours" in f.message


def test_own_financing_equal_to_the_own_funding_passes() -> None:
    r = po(consult(1_000_000), financing=[{"source": "own", "amount": 300_000},
                                          {"source": "external", "amount": 200_000}])
    assert rule_outcome(r, "POB06") is Outcome.PASS


def test_own_financing_one_ore_short_fails() -> None:
    r = po(consult(1_000_000), financing=[{"source": "own", "amount": D("499999.99")}])
    f = rule(r, "POB06")
    assert f.outcome is Outcome.FAIL and "NOK 0.01" in f.fix


def test_other_public_money_does_not_count_as_own_funding() -> None:
    r = po(consult(1_000_000), financing=[{"source": "own", "amount": 400_000},
                                          {"source": "public", "amount": 100_000}])
    f = rule(r, "POB06")
    assert f.outcome is Outcome.FAIL and "8(3)" in f.message
    assert page.EU_8_3 in f.rule.cites


def test_own_hours_in_kind_count_as_own_funding() -> None:
    r = po(consult(1_000_000), financing=[{"source": "own", "amount": 500_000,
                                           "financing": "in_kind"}])
    assert rule_outcome(r, "POB06") is Outcome.PASS


# --- one arithmetic: the budget's grant is the scheme's amounts for the same costs -----------


@pytest.mark.parametrize("profile", [SME, LARGE_EXCEPTION], ids=["SME", "large"])
@given(costs=st.decimals(min_value=0, max_value=10**10, places=2))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.differing_executors])
def test_the_budget_grant_is_the_schemes_amounts_for_the_same_costs(
        profile: dict[str, Any], costs: Decimal) -> None:
    """A budget of eligible costs C gives the grant `match` states for project.budget_total = C:
    both are grant.max_aid(C, the intensity for the company's size, the notification
    threshold), and the own funding is the rest in both."""
    r = po(consult(costs), profile=profile)
    a = result_for(SCHEME, merged(profile, project={"budget_total": costs})).amounts.amounts
    assert a is not None and a.max_grant is not None and a.rate is not None
    assert a.cap is not None
    assert r.grant == a.max_grant == grant.max_aid(r.eligible_base, a.rate, a.cap)
    assert r.own_funding == a.own_funding
    assert r.parts[0].rate == a.rate


# --- invariants, with and without profile data ---------------------------------------------

PROFILES = [None, SME, LARGE, LARGE_EXCEPTION, LARGE_NO_EXCEPTION]
money = st.decimals(min_value=0, max_value=50_000_000, places=2, allow_nan=False,
                    allow_infinity=False)


@st.composite
def budgets(draw: st.DrawFn) -> dict[str, Any]:
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        cat = draw(st.sampled_from(list(Category)))
        ln: dict[str, Any] = {"category": cat.value}
        if cat is Category.SALARY:
            ln["employee"] = "Kari"
            ln["monthly_salary"] = draw(st.decimals(min_value=0, max_value=100_000, places=2))
            if draw(st.booleans()):
                ln["months"] = draw(st.integers(min_value=1, max_value=24))
        else:
            ln["amount"] = draw(money)
        if cat is Category.EQUIPMENT and draw(st.booleans()):
            ln["project_share_percent"] = draw(st.decimals(min_value="0.01", max_value=100,
                                                           places=2))
        lines.append(ln)
    data: dict[str, Any] = {"lines": lines}
    if draw(st.booleans()):
        data["grant_sought"] = draw(money)
    if draw(st.booleans()):
        data["financing"] = [{"source": draw(st.sampled_from(["own", "external", "public"])),
                              "amount": draw(money)}]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=budgets(), profile=st.sampled_from(PROFILES))
def test_the_money_always_adds_up_and_no_rate_is_exceeded(
        data: dict[str, Any], profile: dict[str, Any] | None) -> None:
    r = budget_for(SID, data, profile)
    assert r.grant + r.own_funding == r.eligible_base
    assert r.eligible_base + r.not_eligible + r.undecided == r.total
    assert Decimal(0) <= r.grant.amount <= r.eligible_base.amount * D("0.50")
    if profile is not None and profile is not SME:
        assert r.grant.amount <= r.eligible_base.amount * D("0.15")
    if profile is LARGE_NO_EXCEPTION:
        assert r.grant.amount == 0
    for p in r.parts:
        assert p.grant.amount <= p.base.amount * p.rate
        assert p.grant.amount == p.grant.amount.quantize(D("0.01"))
    for lr in r.lines:
        if lr.amount is not None and lr.status is not LineStatus.UNKNOWN:
            assert Decimal(0) <= lr.eligible.amount <= lr.amount.amount
        if lr.status in (LineStatus.INELIGIBLE, LineStatus.UNKNOWN):
            assert lr.eligible.amount == 0
        assert lr.reason
    assert {f.rule.id for f in r.findings} - {"FIT"} == {r.id for r in CHECKER.rules}
