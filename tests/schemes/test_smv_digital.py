"""SMV:Digital: boundary pairs per rule, tier verdicts, amounts, rulebook health."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Kind, Outcome, Verdict, evaluate
from grantcheck.money import Money
from grantcheck.schemes import get
from grantcheck.schemes.dk_smv_digital import parameters as smv
from grantcheck.schemes.dk_smv_digital.scheme import SCHEME
from tests.support import ON, amounts_of, ctx_for, finding, merged, outcome, result_for

PASS, FAIL, UNKNOWN, WARNING = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING

# ON is 2026-11-01; TEST_RATES give 1 EUR = 7.46 DKK.
FULL: dict[str, Any] = {
    "company": {
        "name": "Testværk ApS", "country": "DK", "cvr_number": "12345678",
        "employees_fte": D(10), "owners_fte": D(1), "fte_differs_from_cvr": False,
        "turnover": D(5_000_000), "balance_sheet_total": D(2_000_000),
        "fiscal_year_start_month": 1, "related": [], "public_ownership_percent": D(0),
    },
    "aid_received": [
        {"granted": date(2025, 3, 1), "amount": D(150_000), "scheme": "innobooster",
         "de_minimis": True},
    ],
    "project": {
        "budget_total": D(600_000), "investment_cost": D(400_000),
        "activities": ["potential_clarification", "implementation", "investment"],
        "ineligible_activities": [], "technology_bought_in_project": True,
        "technology_choice_settled": True, "business_case_made": True,
        "advisors_in_database": True, "advisor_conflict_of_interest": False,
        "group_smv_grant": False, "own_hours": True,
        "start": date(2027, 1, 1), "end": date(2027, 6, 30),
    },
    "declarations": {"growth_ambitions": True, "anchoring": True, "new_technology": True,
                     "ready_to_invest": True},
    "documents": {"held": ["smv_application", "business_case", "timesheet"]},
}


# FULL with the cost of its own hours stated (DKK 50,000 of the DKK 200,000 of advice): own hours
# of an unstated cost may be all of the advice, which leaves SMV33/SMV34 open (eighth round)
STATED = merged(FULL, project={"own_hours_cost": D(50_000)})


def with_company(**values: Any) -> dict[str, Any]:
    return merged(FULL, company=values)


def with_project(**values: Any) -> dict[str, Any]:
    return merged(FULL, project=values)


def with_aid(*entries: dict[str, Any]) -> dict[str, Any]:
    data = merged(FULL)
    data["aid_received"] = list(entries)
    return data


def dm(granted: date, amount: int | str, de_minimis: bool | None = True,
       scheme: str = "other") -> dict[str, Any]:
    return {"granted": granted, "amount": D(amount), "scheme": scheme, "de_minimis": de_minimis}


def without(data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
    out = merged(data)
    out[section].pop(key)
    return out


def tier_verdicts(data: dict[str, Any], on: date = ON) -> dict[str, Verdict]:
    return {t.tier.id: t.verdict for t in result_for(SCHEME, data, on).tiers}


def amounts(data: dict[str, Any], tier: str):  # type: ignore[no-untyped-def]
    t = next(t for t in SCHEME.tiers if t.id == tier)
    return t.amounts(ctx_for(data)).made()


# --- SMV01 CVR --------------------------------------------------------------------------------


def test_a_cvr_number_is_enough() -> None:
    assert outcome(SCHEME, FULL, "SMV01") is PASS


def test_no_cvr_number_is_unknown() -> None:
    f = finding(SCHEME, without(FULL, "company", "cvr_number"), "SMV01")
    assert f.outcome is UNKNOWN and f.missing == ("company.cvr_number",)


# --- SMV02 size (1 EUR = 7.46 DKK: EUR 50M = DKK 373,000,000; EUR 43M = DKK 320,780,000) -------


def test_turnover_at_the_eur_50_million_ceiling_is_enough_with_a_large_balance() -> None:
    data = with_company(turnover=D(373_000_000), balance_sheet_total=D(400_000_000))
    f = finding(SCHEME, data, "SMV02")
    assert f.outcome is PASS
    assert "1 EUR = 7.4600 DKK" in f.message and "DKK 373,000,000" in f.message


def test_turnover_one_krone_above_with_a_large_balance_is_not() -> None:
    data = with_company(turnover=D(373_000_001), balance_sheet_total=D(400_000_000))
    f = finding(SCHEME, data, "SMV02")
    assert f.outcome is FAIL and "both ceilings exceeded" in f.message and f.fix


def test_balance_at_the_eur_43_million_ceiling_is_enough_with_a_large_turnover() -> None:
    data = with_company(turnover=D(400_000_000), balance_sheet_total=D(320_780_000))
    assert outcome(SCHEME, data, "SMV02") is PASS


def test_balance_one_krone_above_with_a_large_turnover_is_not() -> None:
    data = with_company(turnover=D(400_000_000), balance_sheet_total=D(320_780_001))
    assert outcome(SCHEME, data, "SMV02") is FAIL


def test_a_small_turnover_alone_is_enough() -> None:
    data = without(FULL, "company", "balance_sheet_total")
    assert outcome(SCHEME, data, "SMV02") is PASS


def test_a_large_turnover_without_balance_is_unknown() -> None:
    data = without(with_company(turnover=D(400_000_000)), "company", "balance_sheet_total")
    f = finding(SCHEME, data, "SMV02")
    assert f.outcome is UNKNOWN and f.missing == ("company.balance_sheet_total",)


def test_no_figures_is_unknown_naming_both() -> None:
    data = without(without(FULL, "company", "turnover"), "company", "balance_sheet_total")
    f = finding(SCHEME, data, "SMV02")
    assert f.missing == ("company.turnover", "company.balance_sheet_total")


def test_a_company_keeping_accounts_in_eur_is_compared_without_conversion() -> None:
    data = with_company(currency="EUR", turnover=D(50_000_000),
                        balance_sheet_total=D(50_000_000))
    f = finding(SCHEME, data, "SMV02")
    assert f.outcome is PASS and "7.46" not in f.message


def test_the_converted_ceilings_follow_the_rates_of_each_evaluation() -> None:
    """The figures converted once per (date, currency, rates) are not reused at other rates."""
    for rate, text in ((D("7.4600"), "EUR 50,000,000 = DKK 373,000,000"),
                       (D("8"), "EUR 50,000,000 = DKK 400,000,000"),
                       (D("7.5"), "EUR 50,000,000 = DKK 375,000,000")):
        for _ in range(2):
            ctx = ctx_for(FULL, rates={"DKK": rate})
            rule = next(r for r in SCHEME.rules if r.id == "SMV02")
            assert text in rule.evaluate(ctx).message
            assert ctx.fx.used["DKK"].per_eur == rate  # recorded for every evaluation

# --- SMV03 de minimis received (rolling: 2023-11-02 .. 2026-11-01, EUR 300,000 = DKK 2,238,000)


def test_de_minimis_aid_at_the_ceiling_is_enough() -> None:
    f = finding(SCHEME, with_aid(dm(date(2023, 11, 2), 2_238_000)), "SMV03")
    assert f.outcome is PASS
    assert "2023/2831" in f.message and "EUR 200,000" in f.message
    assert "statsstøtte" in f.message and "1 EUR = 7.4600 DKK" in f.message


def test_de_minimis_aid_one_krone_above_the_ceiling_is_not() -> None:
    f = finding(SCHEME, with_aid(dm(date(2023, 11, 2), 2_238_001)), "SMV03")
    assert f.outcome is FAIL and f.fix


def test_aid_granted_the_day_before_the_rolling_window_does_not_count() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2023, 11, 1), 9_000_000)), "SMV03") is PASS


def test_aid_granted_on_the_first_day_of_the_rolling_window_counts() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2023, 11, 2), 9_000_000)), "SMV03") is FAIL


def test_aid_granted_after_the_evaluation_date_does_not_count() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2026, 11, 2), 9_000_000)), "SMV03") is PASS


def test_aid_that_is_not_de_minimis_does_not_count() -> None:
    data = with_aid(dm(date(2025, 1, 1), 9_000_000, de_minimis=False))
    assert outcome(SCHEME, data, "SMV03") is PASS


def test_aid_of_unknown_kind_that_cannot_change_the_outcome_is_ignored() -> None:
    data = with_aid(dm(date(2025, 1, 1), 1_000_000), dm(date(2025, 2, 1), 1_238_000, None))
    assert outcome(SCHEME, data, "SMV03") is PASS


def test_aid_of_unknown_kind_that_could_exceed_the_ceiling_is_unknown() -> None:
    data = with_aid(dm(date(2025, 1, 1), 1_000_000), dm(date(2025, 2, 1), 1_238_001, None))
    f = finding(SCHEME, data, "SMV03")
    assert f.outcome is UNKNOWN and f.missing == ("aid_received[1].de_minimis",)


def test_known_aid_above_the_ceiling_fails_whatever_the_unknown_aid() -> None:
    data = with_aid(dm(date(2025, 1, 1), 2_300_000), dm(date(2025, 2, 1), 5, None))
    assert outcome(SCHEME, data, "SMV03") is FAIL


def test_no_aid_list_is_unknown() -> None:
    data = merged(FULL)
    data.pop("aid_received")
    f = finding(SCHEME, data, "SMV03")
    assert f.outcome is UNKNOWN and f.missing == ("aid_received",)


def test_the_2024_regime_applies_from_1_january_2024() -> None:
    f = finding(SCHEME, FULL, "SMV03", on=date(2024, 1, 1))
    assert "EUR 300,000" in f.message and "rolling" in f.message


def test_the_page_s_regime_applies_on_31_december_2023() -> None:
    f = finding(SCHEME, FULL, "SMV03", on=date(2023, 12, 31))
    assert "1407/2013" in f.message and "≤ the ceiling EUR 200,000" in f.message


# Old regime on 2023-06-15, fiscal year = calendar year: 2021-01-01 .. 2023-06-15,
# EUR 200,000 = DKK 1,492,000.
OLD = date(2023, 6, 15)


def test_old_regime_aid_at_the_ceiling_is_enough() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2021, 1, 1), 1_492_000)), "SMV03", OLD) is PASS


def test_old_regime_aid_one_krone_above_is_not() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2021, 1, 1), 1_492_001)), "SMV03", OLD) is FAIL


def test_old_regime_aid_before_the_second_previous_fiscal_year_does_not_count() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2020, 12, 31), 9_000_000)), "SMV03", OLD) is PASS


def test_fiscal_year_from_august_counts_aid_of_1_august_2020() -> None:
    data = merged(with_aid(dm(date(2020, 8, 1), 9_000_000)),
                  company={"fiscal_year_start_month": 8})
    assert outcome(SCHEME, data, "SMV03", OLD) is FAIL


def test_fiscal_year_from_september_does_not() -> None:
    data = merged(with_aid(dm(date(2020, 8, 1), 9_000_000)),
                  company={"fiscal_year_start_month": 9})
    assert outcome(SCHEME, data, "SMV03", OLD) is PASS


def test_unknown_fiscal_year_that_changes_the_outcome_is_unknown() -> None:
    data = without(with_aid(dm(date(2020, 8, 1), 9_000_000)), "company",
                   "fiscal_year_start_month")
    f = finding(SCHEME, data, "SMV03", OLD)
    assert f.outcome is UNKNOWN and f.missing == ("company.fiscal_year_start_month",)


def test_unknown_fiscal_year_is_decided_when_every_month_agrees() -> None:
    small = without(with_aid(dm(date(2020, 8, 1), 1_000)), "company", "fiscal_year_start_month")
    large = without(with_aid(dm(date(2022, 8, 1), 9_000_000)), "company",
                    "fiscal_year_start_month")
    assert outcome(SCHEME, small, "SMV03", OLD) is PASS
    assert outcome(SCHEME, large, "SMV03", OLD) is FAIL


def test_a_date_before_the_encoded_regimes_is_unknown() -> None:
    assert outcome(SCHEME, FULL, "SMV03", date(2013, 12, 31)) is UNKNOWN


def test_a_date_after_regulation_2023_2831_is_unknown() -> None:
    assert outcome(SCHEME, FULL, "SMV03", date(2031, 1, 1)) is UNKNOWN


# --- SMV04–SMV06 de minimis with the grant ------------------------------------------------------


def test_aid_plus_the_25000_voucher_at_the_ceiling_is_enough() -> None:
    f = finding(SCHEME, with_aid(dm(date(2025, 1, 1), 2_213_000)), "SMV04")
    assert f.outcome is PASS and "grant DKK 25,000" in f.message


def test_aid_plus_the_25000_voucher_one_krone_above_is_not() -> None:
    assert outcome(SCHEME, with_aid(dm(date(2025, 1, 1), 2_213_001)), "SMV04") is FAIL


def test_the_up_to_voucher_without_a_budget_is_open_between_its_smallest_and_whole_grant() -> None:
    """'op til 250.000 kr.': without the budget the grant is not known; it is at least the
    smallest support ('svarende til en mindstestøttesats på 10.000 kr.') and at most DKK 250,000,
    so aid the whole voucher would take above the ceiling, and the smallest would not, leaves it
    open (an earlier reading failed it on the whole amount)."""
    data = without(with_aid(dm(date(2025, 1, 1), 2_000_000)), "project", "budget_total")
    assert outcome(SCHEME, data, "SMV04") is PASS
    f = finding(SCHEME, data, "SMV06")
    assert f.outcome is UNKNOWN and f.missing == ("project.budget_total",)
    assert "grant DKK 250,000 (the full" in f.message and "as little as DKK 10,000" in f.message
    over = without(with_aid(dm(date(2025, 1, 1), 2_228_001)), "project", "budget_total")
    assert outcome(SCHEME, over, "SMV06") is FAIL


def test_the_up_to_voucher_counts_the_grant_the_budget_allows() -> None:
    """'op til 250.000 kr.': with the budget stated and no grant sought, the grant counted
    against the ceiling is the one the budget allows (here 25 % of 400,000 + 50 % of 200,000
    = 200,000), not the voucher's whole 250,000."""
    f = finding(SCHEME, with_aid(dm(date(2025, 1, 1), 2_038_000)), "SMV06")
    assert f.outcome is PASS
    assert "grant DKK 200,000 (the most the budget allows" in f.message
    no_hours = merged(with_aid(dm(date(2025, 1, 1), 2_038_001)), project={"own_hours": False})
    assert outcome(SCHEME, no_hours, "SMV06") is FAIL


def test_own_hours_of_unstated_cost_leave_the_up_to_vouchers_grant_between_two_ends() -> None:
    """«afholdte egne timer»: the voucher pays for the advice bought, so with own hours booked
    and their cost not stated the grant is between the investment support alone (DKK 100,000)
    and DKK 200,000; the rule is decided only where both ends agree."""
    f = finding(SCHEME, with_aid(dm(date(2025, 1, 1), 2_038_001)), "SMV06")
    assert f.outcome is UNKNOWN and f.missing == ("project.own_hours_cost",)
    assert "as little as DKK 100,000" in f.message
    assert outcome(SCHEME, with_aid(dm(date(2025, 1, 1), 2_138_001)), "SMV06") is FAIL


def test_the_grant_sought_is_used_when_stated() -> None:
    data = merged(with_aid(dm(date(2025, 1, 1), 2_178_000)), project={"grant_sought": D(60_000)})
    assert outcome(SCHEME, data, "SMV05") is PASS
    data = merged(with_aid(dm(date(2025, 1, 1), 2_178_001)), project={"grant_sought": D(60_000)})
    assert outcome(SCHEME, data, "SMV05") is FAIL


def test_a_grant_sought_above_the_voucher_counts_as_the_voucher() -> None:
    data = merged(with_aid(dm(date(2025, 1, 1), 2_213_000)), project={"grant_sought": D(90_000)})
    f = finding(SCHEME, data, "SMV04")
    assert f.outcome is PASS and "more" in f.message


def test_de_minimis_with_grant_rules_belong_to_their_tiers() -> None:
    tiers = {r.id: r.tier for r in SCHEME.rules}
    assert (tiers["SMV04"], tiers["SMV05"], tiers["SMV06"]) == ("t25", "t100", "t250")


# --- SMV07–SMV09 co-financing --------------------------------------------------------------------


def advice_only(**project: Any) -> dict[str, Any]:
    """An advice project, bought from an advisor (no own hours unless ``project`` says)."""
    data = without(FULL, "project", "investment_cost")
    return merged(data, project={"activities": ["potential_clarification"], "own_hours": False,
                                 **project})


def test_no_grant_sought_passes_and_says_the_amounts_show_the_maximum() -> None:
    f = finding(SCHEME, FULL, "SMV07")
    assert f.outcome is PASS and "project.grant_sought" in f.message


def test_advice_of_50000_covers_a_25000_grant() -> None:
    data = advice_only(grant_sought=D(25_000), budget_total=D(50_000))
    assert outcome(SCHEME, data, "SMV07") is PASS


def test_advice_of_49999_99_does_not() -> None:
    data = advice_only(grant_sought=D(25_000), budget_total=D("49999.99"))
    f = finding(SCHEME, data, "SMV07")
    assert f.outcome is FAIL and "DKK 24,999.99" in f.message and "DKK 50,000" in f.fix


def test_a_100000_voucher_needs_100000_of_own_financing() -> None:
    assert outcome(SCHEME, advice_only(grant_sought=D(100_000), budget_total=D(200_000)),
                   "SMV08") is PASS
    assert outcome(SCHEME, advice_only(grant_sought=D(100_000), budget_total=D(199_999)),
                   "SMV08") is FAIL


def test_a_grant_sought_without_a_budget_is_unknown() -> None:
    data = without(with_project(grant_sought=D(25_000)), "project", "budget_total")
    f = finding(SCHEME, data, "SMV07")
    assert f.outcome is UNKNOWN and f.missing == ("project.budget_total",)


def test_investment_support_counts_towards_the_250000_grant() -> None:
    # 400,000 × 25 % = 100,000 + 100,000 advice × 50 % = 50,000
    ok = with_project(grant_sought=D(150_000), budget_total=D(500_000), own_hours=False)
    too_much = with_project(grant_sought=D("150000.01"), budget_total=D(500_000),
                            own_hours=False)
    assert outcome(SCHEME, ok, "SMV09") is PASS
    assert outcome(SCHEME, too_much, "SMV09") is FAIL


def test_a_grant_sought_of_250000_is_within_the_largest_voucher() -> None:
    """«op til 250.000 kr.»: a grant sought of DKK 250,000 fits the voucher (the budget allows
    200,000 + 50,000)."""
    data = with_project(grant_sought=D(250_000), budget_total=D(1_000_000),
                        investment_cost=D(800_000), own_hours_cost=D(0))
    assert outcome(SCHEME, data, "SMV09") is PASS


def test_a_grant_sought_above_every_voucher_fits_none() -> None:
    """DKK 250,001 is more than any voucher gives: every voucher fails its SMV07–SMV09 (it was
    read as the voucher's amount and passed), as the budget's SMVB09 fails it."""
    data = with_project(grant_sought=D(250_001), budget_total=D(1_000_000),
                        investment_cost=D(800_000))
    f = finding(SCHEME, data, "SMV09")
    assert f.outcome is FAIL and "more than the up to DKK 250,000 voucher gives" in f.message
    assert "lower the grant sought to at most DKK 250,000" in f.fix
    assert {r: outcome(SCHEME, data, r) for r in ("SMV07", "SMV08")} == {"SMV07": FAIL,
                                                                          "SMV08": FAIL}
    assert set(tier_verdicts(data).values()) == {Verdict.DOES_NOT_FIT}


def test_a_grant_sought_of_25000_fits_the_25000_voucher_and_25001_does_not() -> None:
    """The grant sought is checked against each voucher's amount, whatever the budget."""
    at = advice_only(grant_sought=D(25_000), budget_total=D(60_000))
    above = advice_only(grant_sought=D(25_001), budget_total=D(60_000))
    assert outcome(SCHEME, at, "SMV07") is PASS
    assert (outcome(SCHEME, above, "SMV07"), outcome(SCHEME, above, "SMV08")) == (FAIL, PASS)
    assert outcome(SCHEME, without(above, "project", "budget_total"), "SMV07") is FAIL


def test_cofinancing_rules_are_budget_rules() -> None:
    kinds = {r.id: r.kind for r in SCHEME.rules}
    assert {kinds["SMV07"], kinds["SMV08"], kinds["SMV09"]} == {Kind.BUDGET}


# --- SMV33, SMV34 what the smaller vouchers pay for -----------------------------------------------


def investment_only(**project: Any) -> dict[str, Any]:
    return with_project(activities=["investment"], **project)


def test_a_budget_all_investment_fits_neither_smaller_voucher() -> None:
    """«selv skal medfinansiere rådgivning med 50%»: the DKK 25,000 and 100,000 vouchers pay for
    advice; a project of investment only got "fits" with a grant of DKK 0."""
    data = investment_only(budget_total=D(600_000), investment_cost=D(600_000))
    f = finding(SCHEME, data, "SMV33")
    assert f.outcome is FAIL and "leaves no advice costs" in f.message
    assert "up-to-DKK 250,000 voucher" in f.fix
    assert outcome(SCHEME, data, "SMV34") is FAIL
    assert tier_verdicts(data) == {"t25": Verdict.DOES_NOT_FIT, "t100": Verdict.DOES_NOT_FIT,
                                   "t250": Verdict.FITS}


def test_one_krone_of_advice_is_advice_the_smaller_vouchers_pay_for() -> None:
    """DKK 1 of the budget outside the investment is advice: the rule passes."""
    data = investment_only(budget_total=D(600_001), investment_cost=D(600_000),
                           own_hours_cost=D(0))
    f = finding(SCHEME, data, "SMV33")
    assert f.outcome is PASS and "advice costs DKK 1" in f.message
    assert outcome(SCHEME, data, "SMV34") is PASS


def test_without_a_budget_the_activities_decide() -> None:
    """No budget: no potential clarification or implementation among the activities fails, one
    of them passes."""
    bare = without(without(FULL, "project", "budget_total"), "project", "investment_cost")
    assert outcome(SCHEME, merged(bare, project={"activities": ["investment"]}),
                   "SMV33") is FAIL
    assert outcome(SCHEME, merged(bare, project={"activities": ["implementation"],
                                                 "own_hours": False}), "SMV34") is PASS


def test_neither_budget_nor_activities_is_unknown_naming_the_activities() -> None:
    """Nothing says whether the project has advice: unknown, naming project.activities."""
    bare = without(without(FULL, "project", "budget_total"), "project", "activities")
    f = finding(SCHEME, bare, "SMV33")
    assert f.outcome is UNKNOWN and f.missing == ("project.activities",)


def test_the_advice_rules_belong_to_the_smaller_vouchers() -> None:
    """SMV33 is the DKK 25,000 voucher's, SMV34 the DKK 100,000 voucher's; both hard."""
    rules = {r.id: r for r in SCHEME.rules}
    assert (rules["SMV33"].tier, rules["SMV34"].tier) == ("t25", "t100")
    assert rules["SMV33"].kind is rules["SMV34"].kind is Kind.HARD


# --- SMV10, SMV11, SMV13 full-time employees ----------------------------------------------------


@pytest.mark.parametrize(("employees", "owners", "expected"), [
    ("1", "1", PASS),          # 2 FTE
    ("1.6", "0", FAIL),        # no rounding up
    ("1.99", "0", FAIL),
    ("20", "0", PASS),
    ("20.01", "0", FAIL),
    ("19", "3", PASS),         # owners count at most 1 FTE
    ("19.01", "3", FAIL),
])
def test_the_25000_voucher_needs_2_to_20_fte(employees: str, owners: str,
                                             expected: Outcome) -> None:
    data = with_company(employees_fte=D(employees), owners_fte=D(owners))
    assert outcome(SCHEME, data, "SMV10") is expected


def test_one_point_six_fte_says_no_rounding() -> None:
    f = finding(SCHEME, with_company(employees_fte=D("1.6"), owners_fte=D(0)), "SMV10")
    assert "1.6 FTE" in f.message and "no rounding" in f.message and "0.4 more" in f.fix


@pytest.mark.parametrize("rule_id", ["SMV11", "SMV13"])
@pytest.mark.parametrize(("employees", "owners", "expected"), [
    ("2", "1", PASS),
    ("2.99", "0", FAIL),
    ("248", "1", PASS),
    ("248", "1.5", PASS),
    ("248.01", "1", FAIL),
])
def test_the_larger_vouchers_need_3_to_249_fte(rule_id: str, employees: str, owners: str,
                                               expected: Outcome) -> None:
    data = with_company(employees_fte=D(employees), owners_fte=D(owners))
    assert outcome(SCHEME, data, rule_id) is expected


def test_owners_not_stated_add_at_most_one_fte_so_10_employees_fit_the_25k_tier() -> None:
    """The page's cap ('ejere maksimalt kan indgå med samlet 1 årsværk') bounds what an unstated
    owners_fte can add: 10–11 FTE is within 2–20 whatever it is."""
    f = finding(SCHEME, without(FULL, "company", "owners_fte"), "SMV10")
    assert f.outcome is PASS
    assert "10–11 FTE" in f.message and "company.owners_fte not stated" in f.message


def test_owners_not_stated_and_100_employees_does_not_fit_the_25k_tier() -> None:
    f = finding(SCHEME, without(with_company(employees_fte=D(100)), "company", "owners_fte"),
                "SMV10")
    assert f.outcome is FAIL and "100–101 FTE" in f.message


def test_owners_not_stated_and_100_employees_decides_the_larger_tiers() -> None:
    data = without(with_company(employees_fte=D(100)), "company", "owners_fte")
    assert outcome(SCHEME, data, "SMV11") is PASS
    assert outcome(SCHEME, data, "SMV13") is PASS


def test_owners_not_stated_and_19_5_employees_straddles_20() -> None:
    f = finding(SCHEME, without(with_company(employees_fte=D("19.5")), "company", "owners_fte"),
                "SMV10")
    assert f.outcome is UNKNOWN and f.missing == ("company.owners_fte",)
    assert "answer changes at 20" in f.message


def test_owners_stated_at_zero_and_19_5_employees_fits() -> None:
    data = with_company(employees_fte=D("19.5"), owners_fte=D(0))
    assert outcome(SCHEME, data, "SMV10") is PASS


def test_a_staff_band_of_10_to_19_settles_the_25k_tier() -> None:
    data = with_company(employees_fte={"min": 10, "max": 19})
    f = finding(SCHEME, data, "SMV10")
    assert f.outcome is PASS and "11–20 FTE" in f.message


def test_a_staff_band_of_10_to_30_is_unknown_naming_the_staff() -> None:
    f = finding(SCHEME, with_company(employees_fte={"min": 10, "max": 30}), "SMV10")
    assert f.outcome is UNKNOWN and f.missing == ("company.employees_fte",)
    assert "given as a range" in f.message and "answer changes at 20" in f.message


def test_a_turnover_range_above_the_minimum_passes() -> None:
    data = with_company(turnover={"min": 2_000_000, "max": 9_000_000})
    assert outcome(SCHEME, data, "SMV12") is PASS


def test_a_turnover_range_across_the_minimum_names_the_threshold() -> None:
    f = finding(SCHEME, with_company(turnover={"min": 1_000_000, "max": 3_000_000}), "SMV12")
    assert f.outcome is UNKNOWN and f.missing == ("company.turnover",)
    assert "DKK 1,000,000–3,000,000" in f.message and "changes at DKK 2,000,000" in f.message


# --- SMV12, SMV14 turnover ---------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", ["SMV12", "SMV14"])
def test_turnover_of_2_million_is_enough(rule_id: str) -> None:
    assert outcome(SCHEME, with_company(turnover=D(2_000_000)), rule_id) is PASS


@pytest.mark.parametrize("rule_id", ["SMV12", "SMV14"])
def test_turnover_one_ore_below_2_million_is_not(rule_id: str) -> None:
    f = finding(SCHEME, with_company(turnover=D("1999999.99")), rule_id)
    assert f.outcome is FAIL and "DKK 0.01 more" in f.fix


def test_missing_turnover_is_unknown() -> None:
    f = finding(SCHEME, without(FULL, "company", "turnover"), "SMV12")
    assert f.outcome is UNKNOWN and f.missing == ("company.turnover",)


def test_the_25000_voucher_has_no_turnover_minimum() -> None:
    data = merged(STATED, company={"turnover": D(0)})
    assert tier_verdicts(data)["t25"] is Verdict.FITS


# --- SMV15, SMV16 technology choice and business case -------------------------------------------


@pytest.mark.parametrize(("rule_id", "field"), [
    ("SMV15", "technology_choice_settled"), ("SMV16", "business_case_made")])
def test_the_250000_voucher_conditions(rule_id: str, field: str) -> None:
    assert outcome(SCHEME, with_project(**{field: True}), rule_id) is PASS
    assert outcome(SCHEME, with_project(**{field: False}), rule_id) is FAIL
    f = finding(SCHEME, without(FULL, "project", field), rule_id)
    assert f.outcome is UNKNOWN and f.missing == (f"project.{field}",)


# --- SMV17 one project at a time ----------------------------------------------------------------


def earlier(scheme: str, finished: bool | None) -> dict[str, Any]:
    return {"granted": date(2025, 1, 1), "amount": D(100_000), "scheme": scheme,
            "de_minimis": True, "finished_and_reported": finished}


def test_a_finished_and_reported_earlier_project_is_enough() -> None:
    assert outcome(SCHEME, with_aid(earlier("dk-smv-digital", True)), "SMV17") is PASS


def test_an_unfinished_earlier_project_is_not() -> None:
    f = finding(SCHEME, with_aid(earlier("dk-smv-digital", False)), "SMV17")
    assert f.outcome is FAIL and f.fix


def test_an_unfinished_erhvervspartnerskab_project_is_not() -> None:
    assert outcome(SCHEME, with_aid(earlier("erhvervspartnerskabet", False)), "SMV17") is FAIL


def test_an_unfinished_project_of_another_scheme_does_not_matter() -> None:
    assert outcome(SCHEME, with_aid(earlier("innobooster", False)), "SMV17") is PASS


def test_an_earlier_project_not_stated_as_finished_is_unknown() -> None:
    f = finding(SCHEME, with_aid(earlier("dk-smv-digital", None)), "SMV17")
    assert f.outcome is UNKNOWN and f.missing == ("aid_received[0].finished_and_reported",)


def test_no_aid_list_leaves_earlier_projects_unknown() -> None:
    data = merged(FULL)
    data.pop("aid_received")
    assert outcome(SCHEME, data, "SMV17") is UNKNOWN


# --- SMV18–SMV21 award criteria -----------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "field"), [
    ("SMV18", "growth_ambitions"), ("SMV19", "anchoring"), ("SMV20", "new_technology"),
    ("SMV23", "ready_to_invest")])
def test_award_declarations(rule_id: str, field: str) -> None:
    assert outcome(SCHEME, merged(FULL, declarations={field: True}), rule_id) is PASS
    assert outcome(SCHEME, merged(FULL, declarations={field: False}), rule_id) is FAIL
    f = finding(SCHEME, without(FULL, "declarations", field), rule_id)
    assert f.outcome is UNKNOWN and f.missing == (f"declarations.{field}",)


def test_a_pool_without_theme_passes_the_theme_criterion() -> None:
    f = finding(SCHEME, FULL, "SMV21")
    assert f.outcome is PASS and "themed pools" in f.message


def test_a_themed_pool_needs_the_theme_declared() -> None:
    themed = with_project(pool_theme="grøn omstilling")
    f = finding(SCHEME, themed, "SMV21")
    assert f.outcome is UNKNOWN and f.missing == ("declarations.pool_theme_met",)
    assert outcome(SCHEME, merged(themed, declarations={"pool_theme_met": True}),
                   "SMV21") is PASS
    assert outcome(SCHEME, merged(themed, declarations={"pool_theme_met": False}),
                   "SMV21") is FAIL


# --- SMV22 implementation ------------------------------------------------------------------------


def implementation(**project: Any) -> dict[str, Any]:
    data = without(FULL, "project", "technology_bought_in_project")
    return merged(data, project={"activities": ["implementation"], **project})


def test_technology_bought_exactly_one_year_ago_is_recent_enough() -> None:
    assert outcome(SCHEME, implementation(technology_bought=date(2025, 11, 1)), "SMV22") is PASS


def test_technology_bought_a_day_earlier_is_not() -> None:
    data = implementation(technology_bought=date(2025, 10, 31),
                          technology_bought_in_project=False, application_date=date(2026, 11, 1))
    assert outcome(SCHEME, data, "SMV22") is FAIL


def test_without_an_application_date_an_earlier_application_may_be_in_time() -> None:
    data = implementation(technology_bought=date(2025, 10, 31),
                          technology_bought_in_project=False)
    f = finding(SCHEME, data, "SMV22")
    assert f.outcome is UNKNOWN and f.missing == ("project.application_date",)
    assert "in time only with an application sent by 2026-10-31" in f.message


def test_old_technology_is_fine_when_new_is_bought_in_the_project() -> None:
    data = implementation(technology_bought=date(2020, 1, 1), technology_bought_in_project=True)
    assert outcome(SCHEME, data, "SMV22") is PASS


def test_old_technology_without_saying_whether_new_is_bought_is_unknown() -> None:
    f = finding(SCHEME, implementation(technology_bought=date(2020, 1, 1)), "SMV22")
    assert f.outcome is UNKNOWN and f.missing == ("project.technology_bought_in_project",)


def test_a_project_without_implementation_passes() -> None:
    assert outcome(SCHEME, with_project(activities=["potential_clarification"]), "SMV22") is PASS


def test_no_activities_is_unknown() -> None:
    f = finding(SCHEME, without(FULL, "project", "activities"), "SMV22")
    assert f.outcome is UNKNOWN and f.missing == ("project.activities",)


# --- SMV24 investment minimum ------------------------------------------------------------------


def test_an_investment_of_40000_is_enough_and_gives_10000() -> None:
    f = finding(SCHEME, with_project(investment_cost=D(40_000)), "SMV24")
    assert f.outcome is PASS and "DKK 10,000" in f.message and "VAT" in f.message


def test_an_investment_of_39999_99_is_not() -> None:
    assert outcome(SCHEME, with_project(investment_cost=D("39999.99")), "SMV24") is FAIL


def test_no_investment_among_the_activities_fails_the_250000_voucher() -> None:
    data = advice_only()
    assert outcome(SCHEME, data, "SMV24") is FAIL
    verdicts = tier_verdicts(data)
    assert verdicts["t250"] is Verdict.DOES_NOT_FIT and verdicts["t100"] is Verdict.FITS


def test_an_investment_project_without_its_cost_is_unknown() -> None:
    f = finding(SCHEME, without(FULL, "project", "investment_cost"), "SMV24")
    assert f.outcome is UNKNOWN and f.missing == ("project.investment_cost",)


# --- SMV25 ineligible activities, SMV26 group, SMV27–28 advisors ---------------------------------


def test_no_ineligible_activity_passes() -> None:
    assert outcome(SCHEME, FULL, "SMV25") is PASS


def test_strategy_development_is_not_eligible() -> None:
    f = finding(SCHEME, with_project(ineligible_activities=["strategy_development"]), "SMV25")
    assert f.outcome is FAIL and "strategy_development" in f.message


def test_unstated_ineligible_activities_are_unknown() -> None:
    f = finding(SCHEME, without(FULL, "project", "ineligible_activities"), "SMV25")
    assert f.missing == ("project.ineligible_activities",)


@pytest.mark.parametrize(("rule_id", "field", "good"), [
    ("SMV26", "group_smv_grant", False),
    ("SMV27", "advisors_in_database", True),
    ("SMV28", "advisor_conflict_of_interest", False)])
def test_flag_rules(rule_id: str, field: str, good: bool) -> None:
    assert outcome(SCHEME, with_project(**{field: good}), rule_id) is PASS
    f = finding(SCHEME, with_project(**{field: not good}), rule_id)
    assert f.outcome is FAIL and f.fix
    f = finding(SCHEME, without(FULL, "project", field), rule_id)
    assert f.outcome is UNKNOWN and f.missing == (f"project.{field}",)


def test_the_group_rule_names_the_25_percent_overlap() -> None:
    assert "25 %" in finding(SCHEME, FULL, "SMV26").message


# --- SMV29–SMV31 project periods (soft) ---------------------------------------------------------


def test_six_months_fit_the_25000_voucher() -> None:
    assert outcome(SCHEME, with_project(end=date(2027, 6, 30)), "SMV29") is PASS


def test_six_months_and_a_day_give_a_warning() -> None:
    assert outcome(SCHEME, with_project(end=date(2027, 7, 1)), "SMV29") is WARNING


def test_twelve_months_fit_the_100000_voucher() -> None:
    assert outcome(SCHEME, with_project(end=date(2027, 12, 31)), "SMV30") is PASS


def test_twelve_months_and_a_day_give_a_warning() -> None:
    assert outcome(SCHEME, with_project(end=date(2028, 1, 1)), "SMV31") is WARNING


def test_a_period_warning_does_not_change_the_verdict() -> None:
    data = merged(STATED, project={"end": date(2027, 12, 31)})
    assert outcome(SCHEME, data, "SMV29") is WARNING
    assert tier_verdicts(data)["t25"] is Verdict.FITS


def test_no_dates_leave_the_period_unknown_without_changing_the_verdict() -> None:
    data = without(STATED, "project", "end")
    assert outcome(SCHEME, data, "SMV30") is UNKNOWN
    assert tier_verdicts(data)["t100"] is Verdict.FITS


# --- verdicts -------------------------------------------------------------------------------------


def test_a_full_profile_fits_every_voucher() -> None:
    r = result_for(SCHEME, STATED)
    assert r.status == "open" and r.verdict is Verdict.FITS
    assert [t.verdict for t in r.tiers] == [Verdict.FITS] * 3
    assert "pool must be open" in r.status_text


def test_the_call_has_no_closing_date() -> None:
    assert result_for(SCHEME, FULL, date(2030, 6, 1)).status == "open"


def test_an_ineligible_activity_makes_nothing_fit() -> None:
    r = result_for(SCHEME, with_project(ineligible_activities=["communication"]))
    assert r.verdict is Verdict.DOES_NOT_FIT
    assert {t.verdict for t in r.tiers} == {Verdict.DOES_NOT_FIT}


def test_an_undeclared_award_criterion_needs_information() -> None:
    r = result_for(SCHEME, without(FULL, "declarations", "anchoring"))
    assert r.verdict is Verdict.NEEDS_INFORMATION


def test_too_many_employees_for_25000_still_fit_the_larger_vouchers() -> None:
    verdicts = tier_verdicts(merged(STATED, company={"employees_fte": D(25)}))
    assert verdicts == {"t25": Verdict.DOES_NOT_FIT, "t100": Verdict.FITS, "t250": Verdict.FITS}


def test_the_scheme_shows_the_amounts_of_the_highest_fitting_voucher() -> None:
    r = result_for(SCHEME, merged(STATED, project={"business_case_made": False}))
    assert r.verdict is Verdict.FITS
    assert r.amounts.amounts is not None
    assert r.amounts.amounts.max_grant == Money(D(100_000), "DKK")


def test_documents_follow_their_conditions() -> None:
    r = result_for(SCHEME, with_company(fte_differs_from_cvr=True))
    status = {d.document.id: d for d in r.documents}
    assert status["fte_explanation"].needed is True
    assert [d.document.id for d in r.missing_documents] == ["fte_explanation"]
    later = {d.document.id for d in r.later_documents}
    assert {"smv_payment_request", "smv_report_and_accounts", "smv_management_declaration",
            "smv_advisor_invoice", "timesheet"} <= later
    assert status["business_case"].document.tier == "t250"


def _held(*ids: str) -> dict[str, Any]:
    data = merged(FULL)
    data["documents"] = {"held": list(ids)}
    return data


def test_the_business_case_is_missing_while_the_250000_voucher_fits() -> None:
    # "Ansøgere til tilskud på op til 250.000 kr.: … have udarbejdet en business case"
    r = result_for(SCHEME, _held("smv_application", "timesheet"))
    assert tier_verdicts(_held("smv_application", "timesheet"))["t250"] is Verdict.FITS
    assert [d.document.id for d in r.missing_documents] == ["business_case"]


def test_the_business_case_is_not_asked_of_a_company_outside_the_250000_voucher() -> None:
    # 2 FTE fits the DKK 25,000 voucher (2–20) but not the up-to-250,000 one (3–249): the
    # page asks the business case only of "Ansøgere til tilskud på op til 250.000 kr."
    data = merged(_held("smv_application", "timesheet"),
                  company={"employees_fte": D(1), "owners_fte": D(1)},
                  project={"own_hours_cost": D(50_000)})
    verdicts = tier_verdicts(data)
    assert verdicts["t25"] is Verdict.FITS and verdicts["t250"] is Verdict.DOES_NOT_FIT
    r = result_for(SCHEME, data)
    assert r.missing_documents == []
    assert {d.document.id: d.needed for d in r.documents}["business_case"] is False


def test_no_own_hours_needs_no_timesheet() -> None:
    r = result_for(SCHEME, with_project(own_hours=False))
    assert {d.document.id: d.needed for d in r.documents}["timesheet"] is False


# --- amounts ------------------------------------------------------------------------------------


def test_without_a_budget_each_voucher_shows_its_cap_and_rate() -> None:
    data = without(FULL, "project", "budget_total")
    a25, a250 = amounts(data, "t25"), amounts(data, "t250")
    assert a25.max_grant == Money(D(25_000), "DKK") and a25.own_funding is None
    assert a25.rate == D("0.5") and "50 %" in a25.basis and "DKK 25,000" in a25.basis
    assert a25.missing == ("project.budget_total",)
    assert a250.max_grant == Money(D(250_000), "DKK") and "25 %" in a250.basis
    assert a250.own_funding_form == "cash, own hours or a mix"


def test_a_small_advice_budget_gives_half() -> None:
    a = amounts(advice_only(budget_total=D(40_000)), "t25")
    assert a.max_grant == Money(D(20_000), "DKK") and a.own_funding == Money(D(20_000), "DKK")


def test_the_100000_voucher_is_capped() -> None:
    a = amounts(advice_only(budget_total=D(300_000)), "t100")
    assert a.max_grant == Money(D(100_000), "DKK") and a.own_funding == Money(D(200_000), "DKK")


def test_an_investment_is_not_supported_by_the_smaller_vouchers() -> None:
    a = amounts(FULL, "t100")  # advice 200,000 × 50 % = 100,000; investment paid by the company
    assert a.max_grant == Money(D(100_000), "DKK") and "no support" in a.basis


def test_the_250000_voucher_adds_investment_and_advice() -> None:
    a = amounts(FULL, "t250")  # 400,000 × 25 % + 200,000 × 50 %
    assert a.max_grant == Money(D(200_000), "DKK") and a.own_funding == Money(D(400_000), "DKK")
    assert "VAT" in a.basis


def test_investment_support_is_capped_at_200000_and_the_voucher_at_250000() -> None:
    a = amounts(with_project(budget_total=D(1_200_000), investment_cost=D(1_000_000)), "t250")
    assert a.max_grant == Money(D(250_000), "DKK")


def test_investment_support_alone_stops_at_200000() -> None:
    a = amounts(with_project(budget_total=D(1_000_000), investment_cost=D(1_000_000)), "t250")
    assert a.max_grant == Money(D(200_000), "DKK")


def test_an_investment_of_exactly_40000_gets_10000() -> None:
    a = amounts(with_project(budget_total=D(40_000), investment_cost=D(40_000)), "t250")
    assert a.max_grant == Money(D(10_000), "DKK")


def test_an_investment_under_40000_gets_nothing() -> None:
    a = amounts(with_project(budget_total=D("39999.99"), investment_cost=D("39999.99")), "t250")
    assert a.max_grant == Money(D(0), "DKK")


def test_an_investment_above_the_budget_is_refused_as_input() -> None:
    """The investment is a part of the budget: a profile with more is an input error (exit 2),
    never amounts computed from it or a verdict without them."""
    with pytest.raises(ValueError, match=r"the investment \(200,000\) is more than the whole"):
        ctx_for(with_project(budget_total=D(100_000), investment_cost=D(200_000)))


@pytest.mark.parametrize(("on", "shown"), [
    (date(1, 1, 1), False),
    (date(2013, 12, 31), False),
    (date(2014, 1, 1), True),
    (date(2030, 12, 31), True),
    (date(2031, 1, 1), False),
])
def test_amounts_are_shown_only_on_days_the_page_s_numbers_are_encoded(on: date,
                                                                          shown: bool) -> None:
    """From the first day of Reg. 1407/2013 to the last of Reg. 2023/2831: outside them no
    voucher shows an amount, and each says why (they showed DKK 150,000 on 0001-01-01)."""
    r = result_for(SCHEME, with_project(investment_cost=D(600_000)), on)
    for t in r.tiers:  # a voucher it does not fit: what it would give
        assert (amounts_of(t.amounts) is not None) is shown, (t.tier.id, t.amounts.problem)
        if not shown:
            assert f"the rules for {on.isoformat()} are not encoded" in t.amounts.problem
    assert (amounts_of(r.amounts) is not None) is shown


@given(
    budget=st.decimals(min_value=0, max_value=5_000_000, places=2),
    share=st.decimals(min_value=0, max_value=1, places=3),
)
def test_the_grant_never_exceeds_cap_or_rates_and_adds_up(budget: D, share: D) -> None:
    investment = (budget * share).quantize(D("0.01"))
    data = with_project(budget_total=budget, investment_cost=investment)
    ctx = ctx_for(data)
    advice = budget - investment
    for tier in SCHEME.tiers:
        a = tier.amounts(ctx)
        assert a.max_grant is not None and a.own_funding is not None and a.cap is not None
        grant = a.max_grant.amount
        assert D(0) <= grant <= a.cap.amount
        if tier.id == "t250":
            assert grant <= advice * D("0.5") + investment * D("0.25")
        else:
            assert grant <= advice * D("0.5")
        assert grant + a.own_funding.amount == budget


def test_own_hours_rate_is_gross_salary_over_1613_hours() -> None:
    rate = smv.own_hours_rate(Money(D(483_900), "DKK"), ON)
    assert rate == Money(D(300), "DKK")
    assert smv.OWNER_HOURLY_RATE.money(ON) == Money(D(250), "DKK")
    assert smv.HOURS_PER_YEAR in smv.BUDGET_PARAMETERS


# --- what the package states ------------------------------------------------------------------







def test_eu_rules_cite_the_regulations_and_the_page() -> None:
    r = next(r for r in SCHEME.rules if r.id == "SMV03")
    assert any(c.from_page for c in r.cites) and any(not c.from_page for c in r.cites)



def test_the_registry_finds_the_scheme() -> None:
    assert get("dk-smv-digital") is SCHEME
    assert [t.id for t in SCHEME.tiers] == ["t25", "t100", "t250"]
    assert any("evaluation" in n for n in SCHEME.notes)


def test_evaluate_runs_on_an_empty_profile() -> None:
    r = evaluate(SCHEME, ctx_for({"company": {"name": "X", "country": "DK"}}))
    assert r.verdict is Verdict.NEEDS_INFORMATION


# --- SMV32: the EU SME definition the page's first sentence links to --------------------------


def test_partner_and_linked_enterprises_not_stated_leave_the_sme_status_unknown() -> None:
    f = finding(SCHEME, without(FULL, "company", "related"), "SMV32")
    assert f.outcome is UNKNOWN and f.missing == ("company.related",)


def test_public_ownership_not_stated_leaves_it_unknown() -> None:
    f = finding(SCHEME, without(FULL, "company", "public_ownership_percent"), "SMV32")
    assert f.outcome is UNKNOWN and f.missing == ("company.public_ownership_percent",)


def test_a_linked_group_s_staff_counts_in_the_sme_status_not_in_the_page_s_size_bullet() -> None:
    group = [{"name": "Big Holding A/S", "relation": "linked", "share_percent": D(100),
              "staff": D(400), "turnover": D(500_000_000), "balance_sheet_total": D(400_000_000)}]
    data = with_company(related=group)
    assert outcome(SCHEME, data, "SMV02") is PASS
    f = finding(SCHEME, data, "SMV32")
    assert f.outcome is FAIL
    assert "Big Holding A/S (linked) adds 100 %" in f.message and "411 AWU" in f.message


# --- SMV35: the sectors the de minimis regulation leaves out (a warning) -------------------------


@pytest.mark.parametrize(("on", "act", "point"), [
    (date(2023, 12, 31), "Regulation (EU) No 1407/2013 (in force 2014-01-01 to 2023-12-31)",
     "art. 1(1)(a)"),
    (date(2024, 1, 1), "Regulation (EU) 2023/2831 (in force 2024-01-01 to 2030-12-31)",
     "art. 1(1)(a)"),
])
def test_a_fish_farm_is_warned_naming_the_regulation_in_force_and_its_article(
        on: date, act: str, point: str) -> None:
    f = finding(SCHEME, with_company(sector="fishery_aquaculture"), "SMV35", on)
    assert f.outcome is WARNING
    assert act in f.message and point in f.message and "art. 1(2)" in f.message
    assert "other activities, kept apart" in f.message
    assert result_for(SCHEME, with_company(sector="fishery_aquaculture"), on).verdict_if_open \
        is Verdict.FITS


def test_under_2023_2831_only_the_primary_production_of_fish_is_left_out() -> None:
    f = finding(SCHEME, with_company(sector="fishery_aquaculture"), "SMV35", date(2024, 1, 1))
    assert "primary production of fishery and aquaculture products" in f.message


def test_a_primary_agricultural_producer_is_warned_under_point_b() -> None:
    f = finding(SCHEME, with_company(sector="primary_agriculture"), "SMV35", date(2022, 6, 1))
    assert f.outcome is WARNING
    assert "primary production of agricultural products (art. 1(1)(b))" in f.message
    assert "Regulation (EU) No 1407/2013" in f.message


def test_another_sector_passes_and_an_unstated_one_names_the_field() -> None:
    assert outcome(SCHEME, with_company(sector="other"), "SMV35") is PASS
    f = finding(SCHEME, FULL, "SMV35")
    assert f.outcome is UNKNOWN and f.missing == ("company.sector",)


def test_the_sector_rule_is_soft_and_cites_both_regulations_articles() -> None:
    rule = next(r for r in SCHEME.rules if r.id == "SMV35")
    assert rule.kind is Kind.SOFT
    cited = {(c.source.id, c.section) for c in rule.cites}
    assert {("de-minimis-1407-2013", "Article 1(1)(a) and (b)"),
            ("de-minimis-1407-2013", "Article 1(2)"),
            ("de-minimis-2023-2831", "Article 1(1)(a) and (b)"),
            ("de-minimis-2023-2831", "Article 1(2)")} <= cited
    assert any(c.source.is_scheme_page and "1407/2013" in c.quote for c in rule.cites)


# --- SMV17/SMV26: the scheme's name however spelt; a group company's grant in aid_received --------


@pytest.mark.parametrize("name", ["SMV:Digital", "SMV: Digital", "smv-digital", "SMV Digital 2023",
                                  "dk-smv-digital", "Erhvervspartnerskabet",
                                  "Erhvervspartnerskab for Avanceret Produktion", "EPAP"])
def test_an_unfinished_project_blocks_a_new_application_however_the_scheme_is_spelt(
        name: str) -> None:
    data = with_aid({**dm(date(2024, 5, 1), 100_000, scheme=name),
                     "finished_and_reported": False})
    assert outcome(SCHEME, data, "SMV17") is FAIL


@pytest.mark.parametrize("name", ["Innovationskraft", "Erhvervspartnerskabet for Bioressourcer",
                                  "Digital Vækst"])
def test_an_unfinished_project_of_another_scheme_does_not(name: str) -> None:
    data = with_aid({**dm(date(2024, 5, 1), 100_000, scheme=name),
                     "finished_and_reported": False})
    assert outcome(SCHEME, data, "SMV17") is PASS


def test_a_group_companys_listed_grant_fails_smv26_with_the_flag_unstated_and_names_it() -> None:
    data = without(with_aid({**dm(date(2024, 5, 1), 100_000, scheme="SMV:Digital"),
                             "finished_and_reported": False,
                             "recipient": "Testværk Holding ApS"}), "project", "group_smv_grant")
    f = finding(SCHEME, data, "SMV26")
    assert f.outcome is FAIL
    assert "SMV:Digital of 2024-05-01 to Testværk Holding ApS" in f.message
    assert result_for(SCHEME, data).verdict_if_open is Verdict.DOES_NOT_FIT


def test_without_a_group_grant_listed_the_flag_still_decides() -> None:
    data = without(FULL, "project", "group_smv_grant")
    assert outcome(SCHEME, data, "SMV26") is UNKNOWN
    assert outcome(SCHEME, with_project(group_smv_grant=True), "SMV26") is FAIL


def test_with_own_hours_the_amounts_say_the_advice_grant_is_at_most_the_advice_bought() -> None:
    """'medfinansieringen … kontant betaling, afholdte egne timer eller et mix': match reads
    project.budget_total alone, so it says where the split of advice and own hours is read."""
    assert "at most the advice costs other than own hours" in amounts(FULL, "t100").basis
    no_hours = amounts(with_project(own_hours=False), "t100").basis
    assert "own hours" not in no_hours


def test_an_earlier_smv_digital_grant_of_unstated_status_is_summed_as_de_minimis_aid() -> None:
    """'Tilskuddet i SMV:Digital gives i henhold til … de minimis-forordning': the page says
    what its grant is, so an entry for it needs no de_minimis = true; another scheme's does."""
    smv_grant = {"granted": date(2025, 3, 1), "amount": D(2_238_001), "scheme": "SMV: Digital"}
    assert outcome(SCHEME, with_aid(smv_grant), "SMV03") is FAIL
    other = {**smv_grant, "scheme": "Innovationskraft"}
    f = finding(SCHEME, with_aid(other), "SMV03")
    assert f.outcome is UNKNOWN and f.missing == ("aid_received[0].de_minimis",)


def test_own_hours_not_stated_leave_a_grant_sought_above_the_investment_support_unknown() -> None:
    """A missing fact is not 0: with project.own_hours left out, the DKK 200,000 of advice may be
    own hours, which the voucher does not pay for ('tilskud til privat rådgivning'), so a grant
    sought of DKK 100,000 needs project.own_hours_cost; stating 0 settles it."""
    data = without(with_project(budget_total=D(200_000), investment_cost=D(0),
                                activities=["implementation"], grant_sought=D(100_000)),
                   "project", "own_hours")
    f = finding(SCHEME, data, "SMV08")
    assert f.outcome is UNKNOWN and f.missing == ("project.own_hours_cost",)
    assert "may be as little as DKK 0" in f.message
    assert outcome(SCHEME, merged(data, project={"own_hours_cost": D(0)}), "SMV08") is PASS


def test_when_own_hours_bind_the_fix_asks_for_more_advice_bought() -> None:
    """DKK 100,001 of own hours leave DKK 99,999 of advice bought: the fix names the advice bought
    and the DKK 1 it lacks, not the whole advice costs."""
    data = with_project(budget_total=D(200_000), investment_cost=D(0),
                        activities=["implementation"], grant_sought=D(100_000),
                        own_hours_cost=D(100_001))
    f = finding(SCHEME, data, "SMV08")
    assert f.outcome is FAIL
    assert f.fix == ("lower the grant sought to DKK 99,999, or raise the advice bought (the advice "
                     "costs other than own hours) to DKK 100,000 (DKK 1 more)")
    assert "at most the advice bought, DKK 200,000 − own hours DKK 100,001 = DKK 99,999" in (
        amounts(data, "t100").basis)


def test_the_smes_staff_counts_working_owners_at_most_one_fte_and_says_so() -> None:
    """'ejere maksimalt kan indgå med samlet 1 årsværk i beregningen': 248 employees and 3
    working owners are 249 AWU (the definition alone would count 251)."""
    f = finding(SCHEME, with_company(employees_fte=D(248), owners_fte=D(3)), "SMV32")
    assert f.outcome is PASS and "249 AWU" in f.message
    assert "working owners count at most 1 FTE, as the page counts them" in f.message
    assert any("ejere maksimalt" in c.quote for c in f.rule.cites)
