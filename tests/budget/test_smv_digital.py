"""SMV:Digital's cost rules: boundary pairs on both sides of every threshold."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck.budget.core import LineStatus
from grantcheck.budget.model import Category
from grantcheck.engine import Outcome
from grantcheck.schemes.dk_smv_digital.budget import (
    ADVICE_EXAMPLES,
    INELIGIBLE,
    INVESTMENTS,
    JUSTIFY,
)
from tests.budget.support import D, budget_for, line, rule, rule_outcome

SID = "dk-smv-digital"
PERIOD = {"start": "2026-02-01", "end": "2027-01-31"}
ROOT = Path(__file__).resolve().parents[2]


def smv(*lines: dict[str, object], tier: str = "t250", **extra: object):
    return budget_for(SID, {"tier": tier, **PERIOD, **extra, "lines": list(lines)})


def consult(amount: str | int) -> dict[str, object]:
    return {"category": "consultancy", "amount": D(amount)}


def hw(amount: str | int) -> dict[str, object]:
    return {"category": "hardware", "amount": D(amount)}


def part(result, name: str):
    return next(p for p in result.parts if p.name == name)


# --- advice at 50 %, capped by the voucher ----------------------------------------------------


def test_advice_is_supported_at_half_the_cost():
    r = smv(consult(100_000), tier="t100")
    assert r.grant.amount == D(50_000) and r.own_funding.amount == D(50_000)


def test_advice_of_200000_reaches_the_100000_voucher_exactly():
    r = smv(consult(200_000), tier="t100")
    assert r.grant.amount == D(100_000) and part(r, "advice").bound_by == "the rate"


def test_advice_above_200000_is_capped_by_the_100000_voucher():
    r = smv(consult("200000.02"), tier="t100")
    assert r.grant.amount == D(100_000) and part(r, "advice").bound_by.startswith("the cap")
    assert r.own_funding.amount == D("100000.02")


def test_advice_of_50000_reaches_the_25000_voucher_and_a_cent_more_is_capped():
    assert smv(consult(50_000), tier="t25").grant.amount == D(25_000)
    r = smv(consult("50000.02"), tier="t25")
    assert r.grant.amount == D(25_000) and part(r, "advice").bound_by.startswith("the cap")


def test_the_advice_grant_never_exceeds_the_own_financing():
    r = smv(consult("99999.99"), tier="t100")
    assert r.grant <= r.own_funding


# --- investments: 25 %, at least DKK 40,000, at most DKK 200,000 support ---------------------


def test_an_investment_of_40000_gets_10000():
    r = smv(hw(40_000))
    assert part(r, "investment").grant.amount == D(10_000)
    assert rule_outcome(r, "SMVB04") is Outcome.PASS


def test_an_investment_of_39999_99_gets_nothing():
    r = smv(hw("39999.99"))
    assert part(r, "investment").grant.amount == 0
    assert rule_outcome(r, "SMVB04") is Outcome.FAIL
    assert "40,000" in rule(r, "SMVB04").message


def test_the_250000_voucher_without_an_investment_line_breaks_the_minimum():
    # "Investeringer under 40.000 kr. støttes ikke"; the up-to-250,000 voucher is investment
    # support ("støtten til investeringen inkl. rådgivning"), as match's SMV24 reads it
    r = smv(consult(600_000))
    assert rule_outcome(r, "SMVB04") is Outcome.FAIL
    assert "no investment line" in rule(r, "SMVB04").message
    assert r.verdict.value == "breaks_rules"


def test_the_100000_voucher_without_an_investment_line_passes_the_minimum():
    r = smv(consult(600_000), tier="t100")
    assert rule_outcome(r, "SMVB04") is Outcome.PASS
    assert r.grant.amount == D(100_000)


def test_without_a_voucher_or_profile_an_advice_budget_is_bounded_by_the_100000_voucher():
    r = budget_for(SID, {**PERIOD, "lines": [consult(600_000)]})
    assert r.tier is None and r.grant.amount == D(100_000)
    assert "DKK 100,000 voucher" in rule(r, "SMVB01").message
    assert rule_outcome(r, "SMVB04") is Outcome.PASS


def test_investment_support_reaches_200000_at_an_investment_of_800000():
    r = smv(hw(800_000))
    assert part(r, "investment").grant.amount == D(200_000)
    assert part(r, "investment").bound_by == "the rate"


def test_investment_support_is_capped_at_200000():
    r = smv(hw("800000.04"))
    assert part(r, "investment").grant.amount == D(200_000)
    assert part(r, "investment").bound_by.startswith("the cap")


def test_investment_support_just_below_the_cap_is_floored_to_the_ore():
    assert part(smv(hw("799999.97")), "investment").grant.amount == D("199999.99")


def test_the_250000_voucher_leaves_the_rest_after_investment_support_for_advice():
    r = smv(hw(800_000), consult(200_000))
    assert part(r, "advice").grant.amount == D(50_000)
    assert r.grant.amount == D(250_000)


def test_investments_get_nothing_with_the_100000_voucher():
    r = smv(hw(320_000), consult(100_000), tier="t100")
    assert line(r, 0).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "SMVB03") is Outcome.FAIL
    assert r.grant.amount == D(50_000)
    assert r.not_eligible.amount == D(320_000)


def test_investments_with_the_250000_voucher_pass_the_voucher_rule():
    assert rule_outcome(smv(hw(320_000)), "SMVB03") is Outcome.PASS


# --- software subscriptions: at most 2 years ------------------------------------------------


def sub(months: int | None, amount: int = 48_000) -> dict[str, object]:
    out: dict[str, object] = {"category": "software_subscription", "amount": D(amount)}
    if months is not None:
        out["months"] = months
    return out


def test_a_subscription_of_24_months_counts_in_full():
    r = smv(sub(24))
    assert line(r).eligible.amount == D(48_000)
    assert rule_outcome(r, "SMVB05") is Outcome.PASS


def test_a_subscription_of_25_months_counts_for_24():
    r = smv(sub(25, 50_000))
    assert line(r).status is LineStatus.PARTLY
    assert line(r).eligible.amount == D(48_000)
    assert rule_outcome(r, "SMVB05") is Outcome.FAIL


def test_a_subscription_without_its_months_is_unknown():
    r = smv(sub(None))
    assert line(r).status is LineStatus.UNKNOWN
    assert rule(r, "SMVB05").missing == ("budget.lines[0].months",)


# --- own hours: gross annual salary / 1,613; an owner without salary DKK 250/h ---------------


def hours(h: str | int, **kw: object) -> dict[str, object]:
    return {"category": "personnel", "hours": D(h), **kw}


def test_own_hours_are_valued_at_the_salary_over_1613():
    r = smv(hours(100, gross_annual_salary=D(483_900)))  # DKK 300/h
    assert line(r).amount is not None and line(r).amount.amount == D(30_000)
    assert rule_outcome(r, "SMVB06") is Outcome.PASS


def test_a_rate_at_the_salary_basis_passes():
    r = smv(hours(100, rate=D(300), gross_annual_salary=D(483_900)))
    assert line(r).status is LineStatus.ELIGIBLE


def test_a_rate_a_cent_above_the_salary_basis_is_cut():
    r = smv(hours(100, rate=D("300.01"), gross_annual_salary=D(483_900)))
    assert line(r).status is LineStatus.PARTLY
    assert line(r).eligible.amount == D(30_000)
    assert rule_outcome(r, "SMVB06") is Outcome.FAIL


def test_an_owner_without_salary_books_250_an_hour():
    r = smv(hours(10, owner_without_salary=True))
    assert line(r).amount is not None and line(r).amount.amount == D(2_500)
    r = smv(hours(10, rate=D("250.01"), owner_without_salary=True))
    assert line(r).status is LineStatus.PARTLY
    assert rule_outcome(r, "SMVB06") is Outcome.FAIL


def test_a_rate_without_its_salary_basis_is_unknown():
    r = smv(hours(10, rate=D(400)))
    assert line(r).status is LineStatus.UNKNOWN
    assert rule(r, "SMVB06").missing == ("budget.lines[0].gross_annual_salary",)


# --- the binding list of activities that are not eligible -------------------------------------


@pytest.mark.parametrize("category", sorted(INELIGIBLE))
def test_each_excluded_activity_is_not_eligible(category):
    minor = {"digital_part_minor": True} if category is Category.MARKET_ANALYSIS else {}
    r = smv(consult(100_000), {"category": category.value, "amount": D(1), **minor})
    assert line(r, 1).status is LineStatus.INELIGIBLE and line(r, 1).eligible.amount == 0
    assert rule_outcome(r, "SMVB02") is Outcome.FAIL
    assert r.not_eligible.amount == D(1)


def test_a_budget_without_excluded_activities_passes():
    assert rule_outcome(smv(consult(100_000)), "SMVB02") is Outcome.PASS


@pytest.mark.parametrize("category", list(Category))
def test_every_category_gets_a_decision_with_a_source(category):
    data: dict[str, object] = {"category": category.value, "amount": D(50_000), "months": 12}
    if category is Category.SALARY:
        data["employee"] = "Ida"
    r = smv(data)
    lr = line(r)
    assert lr.reason and lr.cites
    expected = (LineStatus.INELIGIBLE if category in INELIGIBLE else
                LineStatus.JUSTIFY if category in JUSTIFY else LineStatus.ELIGIBLE)
    if category is Category.PERSONNEL:  # an amount without hours: to be justified
        expected = LineStatus.JUSTIFY
    if category is Category.MARKET_ANALYSIS:  # whether its digital aspect is minor not stated
        expected = LineStatus.UNKNOWN
    assert lr.status is expected
    assert category in INELIGIBLE or category in JUSTIFY or category in ADVICE_EXAMPLES or \
        category in INVESTMENTS


# 'Markeds- og konkurrentanalyser hvor det digitale aspekt fylder en mindre del': only those.


def analysis(**extra: object) -> dict[str, object]:
    return {"category": "market_analysis", "amount": D(20_000),
            "description": "Analyse af konkurrenters e-handelsløsninger", **extra}


def test_a_market_analysis_whose_digital_aspect_is_minor_is_not_eligible():
    r = smv(consult(80_000), analysis(digital_part_minor=True), tier="t100")
    assert line(r, 1).status is LineStatus.INELIGIBLE and line(r, 1).eligible.amount == 0
    assert rule_outcome(r, "SMVB02") is Outcome.FAIL
    assert "digital_part_minor = true" in rule(r, "SMVB02").message


def test_one_whose_digital_aspect_is_not_minor_counts_as_advice():
    r = smv(consult(80_000), analysis(digital_part_minor=False), tier="t100")
    assert line(r, 1).status is LineStatus.ELIGIBLE and line(r, 1).group == "advice"
    assert rule_outcome(r, "SMVB02") is Outcome.PASS
    assert rule_outcome(r, "SMVB10") is Outcome.PASS
    assert r.grant.amount == D(50_000)


def test_one_not_said_is_unknown_naming_the_field():
    """Excluded or counted as advice by a fact the budget does not give: not decided either way
    (it was counted with a warning, so such a budget complied)."""
    r = smv(consult(80_000), analysis(), tier="t100")
    assert line(r, 1).status is LineStatus.UNKNOWN and line(r, 1).eligible.amount == 0
    unsure = rule(r, "SMVB02")
    assert unsure.outcome is Outcome.UNKNOWN
    assert unsure.missing == ("budget.lines[1].digital_part_minor",)
    assert rule_outcome(r, "SMVB10") is Outcome.PASS
    assert r.verdict.value == "needs_information"


def test_a_profile_that_lists_no_excluded_activity_counts_an_unsaid_line():
    data = _nordlys()
    data.pop("budget")
    data["project"]["ineligible_activities"] = []  # type: ignore[index]
    r = budget_for(SID, {"tier": "t100", **PERIOD, "lines": [consult(80_000), analysis()]},
                   data)
    assert line(r, 1).status is LineStatus.ELIGIBLE
    assert "project.ineligible_activities omits market_analysis" in line(r, 1).reason


def test_a_profile_that_lists_market_analysis_as_ineligible_decides_an_unsaid_line():
    data = _nordlys()
    data.pop("budget")
    data["project"]["ineligible_activities"] = ["market_analysis"]  # type: ignore[index]
    r = budget_for(SID, {"tier": "t100", **PERIOD, "lines": [consult(80_000), analysis()]},
                   data)
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert "project.ineligible_activities" in line(r, 1).reason


def test_the_line_s_own_statement_wins_over_the_profile_s_list():
    data = _nordlys()
    data.pop("budget")
    data["project"]["ineligible_activities"] = ["market_analysis"]  # type: ignore[index]
    lines = [consult(80_000), analysis(digital_part_minor=False)]
    r = budget_for(SID, {"tier": "t100", **PERIOD, "lines": lines}, data)
    assert line(r, 1).status is LineStatus.ELIGIBLE


def test_a_cost_outside_the_examples_gives_a_warning_not_a_failure():
    r = smv(consult(100_000), {"category": "travel", "amount": D(5_000)}, tier="t100")
    assert line(r, 1).status is LineStatus.JUSTIFY and line(r, 1).eligible.amount == D(5_000)
    assert rule_outcome(r, "SMVB10") is Outcome.WARNING
    assert r.verdict.value != "breaks_rules"  # only SMVB01 (no profile) stays unknown


# --- the commitment period --------------------------------------------------------------------


def test_consultancy_paid_on_the_first_day_of_the_period_counts():
    r = smv({**consult(10_000), "incurred": "2026-02-01"})
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "SMVB07") is Outcome.PASS


def test_consultancy_paid_the_day_before_the_period_does_not():
    r = smv({**consult(10_000), "incurred": "2026-01-31"})
    assert line(r).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "SMVB07") is Outcome.FAIL


def test_consultancy_paid_after_the_last_day_does_not_count():
    r = smv({**consult(10_000), "incurred": "2027-02-01"})
    assert rule_outcome(r, "SMVB07") is Outcome.FAIL


def test_own_hours_spent_on_the_last_day_of_the_period_count():
    """'interne løntimer afholdt indenfor jeres tilsagnsperiode': the period's last day is in."""
    r = smv(hours(100, gross_annual_salary=D(483_900), incurred="2027-01-31"))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "SMVB07") is Outcome.PASS


def test_own_hours_spent_the_day_after_do_not():
    r = smv(hours(100, gross_annual_salary=D(483_900), incurred="2027-02-01"))
    assert line(r).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "SMVB07") is Outcome.FAIL


def test_without_a_period_the_period_rules_are_unknown():
    r = budget_for(SID, {"tier": "t100", "lines": [consult(10_000)]})
    assert rule_outcome(r, "SMVB07") is Outcome.UNKNOWN
    assert rule(r, "SMVB08").missing == ("budget.start", "budget.end")


@pytest.mark.parametrize(("tier", "last_ok", "first_bad"), [
    ("t250", "2027-01-31", "2027-02-01"),
    ("t100", "2027-01-31", "2027-02-01"),
    ("t25", "2026-07-31", "2026-08-01"),
])
def test_the_project_period_is_12_or_6_months(tier, last_ok, first_bad):
    ok = budget_for(SID, {"tier": tier, "start": "2026-02-01", "end": last_ok,
                          "lines": [consult(10_000)]})
    bad = budget_for(SID, {"tier": tier, "start": "2026-02-01", "end": first_bad,
                           "lines": [consult(10_000)]})
    assert rule_outcome(ok, "SMVB08") is Outcome.PASS
    assert rule_outcome(bad, "SMVB08") is Outcome.FAIL


# --- the grant sought and the voucher ---------------------------------------------------------


def test_a_grant_sought_equal_to_what_the_budget_allows_passes():
    r = smv(consult(200_000), tier="t100", grant_sought=D(100_000))
    assert rule_outcome(r, "SMVB09") is Outcome.PASS


def test_a_grant_sought_a_cent_above_fails():
    r = smv(consult(200_000), tier="t100", grant_sought=D("100000.01"))
    assert rule_outcome(r, "SMVB09") is Outcome.FAIL


def test_a_grant_sought_above_the_voucher_says_no_own_financing_raises_it():
    """Advice of 300,000 allows the whole DKK 100,000 voucher: 100,000 passes; 100,001 fails
    naming the voucher, not "raise the own financing" (as match's SMV08)."""
    assert rule_outcome(smv(consult(300_000), tier="t100", grant_sought=D(100_000)),
                        "SMVB09") is Outcome.PASS
    f = rule(smv(consult(300_000), tier="t100", grant_sought=D(100_001)), "SMVB09")
    assert f.outcome is Outcome.FAIL
    assert "more than the DKK 100,000 voucher gives (DKK 100,000)" in f.message
    assert "raise the own financing" not in f.fix


def test_without_a_voucher_or_profile_the_upper_bound_is_computed_and_unknown():
    r = budget_for(SID, {**PERIOD, "lines": [hw(800_000), consult(200_000)]})
    assert r.grant.amount == D(250_000)
    assert rule(r, "SMVB01").missing == ("budget.tier",)
    assert r.verdict.value == "needs_information"


def _nordlys() -> dict[str, object]:
    with (ROOT / "profiles" / "nordlys-automation.toml").open("rb") as fh:
        return tomllib.load(fh, parse_float=Decimal)


def test_the_example_profile_fits_its_voucher_and_complies():
    data = _nordlys()
    budget = data.pop("budget")
    r = budget_for(SID, budget, data)
    assert rule_outcome(r, "SMVB01") is Outcome.PASS
    assert r.verdict.value == "complies"
    assert r.grant.amount == D(220_000) and r.own_funding.amount == D(460_000)


def test_without_a_stated_voucher_the_highest_one_the_profile_fits_is_used():
    data = _nordlys()
    budget = data.pop("budget")
    del budget["tier"]
    r = budget_for(SID, budget, data)
    assert r.tier == "t250"
    assert "highest voucher" in rule(r, "SMVB01").message


def test_a_voucher_the_company_does_not_fit_breaks_the_rule():
    data = _nordlys()
    budget = data.pop("budget")
    budget["tier"] = "t25"  # 14.5 + 1 FTE fits 2–20, so make the company too large for it
    data["company"]["employees_fte"] = D(30)  # type: ignore[index]
    r = budget_for(SID, budget, data)
    assert rule_outcome(r, "SMVB01") is Outcome.FAIL


# --- own hours co-finance the advice; the voucher pays for the advice bought --------------------


def owner_hours(hours: int) -> dict[str, object]:
    return {"category": "personnel", "hours": D(hours), "owner_without_salary": True}


def test_advice_of_100000_and_own_hours_of_100000_reach_the_100000_voucher():
    """'Hvis I fx har en tilskudsvoucher på 100.000 kr. … skal I som minimum medfinansiere
    100.000 kr. … kontant betaling, afholdte egne timer eller et mix af disse'."""
    r = smv(consult(100_000), owner_hours(400), tier="t100")
    assert r.grant.amount == D(100_000) and r.own_funding.amount == D(100_000)
    assert part(r, "advice").bound_by == "the rate"


def test_the_voucher_never_pays_more_than_the_advice_bought():
    """Own hours of DKK 150,000 beside advice of DKK 50,000: the 'tilskud til privat
    rådgivning' pays the DKK 50,000 of advice, not 50 % of DKK 200,000."""
    r = smv(consult(50_000), owner_hours(600), tier="t100")
    assert r.grant.amount == D(50_000) and r.own_funding.amount == D(150_000)
    bound = part(r, "advice").bound_by
    assert bound.startswith("the cap: the advice bought, DKK 50,000")


def test_one_krone_more_of_advice_beside_the_same_hours_is_paid_one_krone_more():
    r = smv(consult(50_001), owner_hours(600), tier="t100")
    assert r.grant.amount == D(50_001)


def test_own_hours_alone_get_no_advice_grant():
    r = smv(owner_hours(400), tier="t25")
    assert r.grant.amount == D(0) and r.own_funding.amount == D(100_000)


def test_with_investment_the_advice_part_is_still_at_most_the_advice_bought():
    r = smv(hw(400_000), consult(20_000), owner_hours(400))
    assert part(r, "investment").grant.amount == D(100_000)
    assert part(r, "advice").grant.amount == D(20_000)
    assert r.grant.amount == D(120_000)
