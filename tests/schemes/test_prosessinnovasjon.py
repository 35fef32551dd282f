"""Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon): messages, fixes and amounts.

The outcomes on each side of every threshold are data, in
tests/schemes/cases/no-prosessinnovasjon.toml.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Outcome, Verdict
from grantcheck.law import gber
from grantcheck.schemes.no_prosessinnovasjon import grant, page, parameters
from grantcheck.schemes.no_prosessinnovasjon.scheme import SCHEME
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion
from tests.support import amounts_of, ctx_for, finding, merged, result_for

SME: dict[str, Any] = {
    "company": {
        "name": "Verksted AS", "country": "NO", "employees_fte": 20, "owners_fte": 0,
        "turnover": 30_000_000, "balance_sheet_total": 20_000_000, "related": [],
        "public_ownership_percent": 0, "in_difficulty": False, "sector": "other",
    },
    "project": {
        "budget_total": 2_000_000, "grant_sought": 1_000_000, "exclusions": [],
        "environmental_shift": False,
        # applied before the work starts (GBER art. 6(2), PO13)
        "start": date(2027, 3, 1), "application_date": date(2026, 12, 1),
    },
    "declarations": {
        "no_competition_distortion": True, "process_or_organisational_innovation": True,
        "substantial_leap": True,
    },
}
LARGE = merged(SME, company={"employees_fte": 400, "turnover": 900_000_000,
                             "balance_sheet_total": 900_000_000},
               project={"grant_sought": 300_000})
LARGE_EXCEPTION = merged(LARGE, declarations={"large_enterprise_exception": True})


def without(data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
    out = merged(data)
    del out[section][key]
    return out


# --- PO01 applicant size -------------------------------------------------------------------


def test_an_sme_passes() -> None:
    f = finding(SCHEME, SME, "PO01")
    assert f.outcome is Outcome.PASS
    assert "small" in f.message and "20 AWU" in f.message


def test_a_large_enterprise_under_the_exception_passes_with_the_30_percent_condition() -> None:
    f = finding(SCHEME, LARGE_EXCEPTION, "PO01")
    assert f.outcome is Outcome.PASS
    assert "at least 30 %" in f.message and "29(2)" in f.message


def test_a_large_enterprise_without_the_exception_does_not_fit() -> None:
    data = merged(LARGE, declarations={"large_enterprise_exception": False})
    f = finding(SCHEME, data, "PO01")
    assert f.outcome is Outcome.FAIL
    assert f.fix


# --- PO02 Norwegian company ----------------------------------------------------------------


def test_a_swedish_company_gets_a_warning_not_a_failure() -> None:
    f = finding(SCHEME, merged(SME, company={"country": "SE", "currency": "NOK"}), "PO02")
    assert f.outcome is Outcome.WARNING
    assert "mellom norske bedrifter" in f.message


# --- PO06 exclusions -----------------------------------------------------------------------


def test_a_listed_exclusion_fails_naming_it_in_norwegian_and_english() -> None:
    f = finding(SCHEME, merged(SME, project={"exclusions": ["routine_improvement"]}), "PO06")
    assert f.outcome is Outcome.FAIL
    assert "Rutinemessige forbedringsprosesser, som for eksempel LEAN" in f.message
    assert "routine improvement processes such as LEAN" in f.message


def test_two_exclusions_are_both_named() -> None:
    data = merged(SME, project={"exclusions": ["price_adaptation", "custom_deliveries"]})
    f = finding(SCHEME, data, "PO06")
    assert f.outcome is Outcome.FAIL
    assert "2 excluded" in f.message
    assert "Tilpasninger til endringer i priser" in f.message
    assert "Spesialbestilte leveranser til enkeltkunder" in f.message


def test_every_exclusion_of_the_profile_has_the_pages_words_and_english() -> None:
    """Each word of the profile's vocabulary is one item of 'Hva omfattes ikke?' (the health test
    finds each on the page) with an English gloss, and has its citation."""
    assert set(page.EXCLUSIONS) == set(ProsessExclusion)
    for norwegian, english in page.EXCLUSIONS.values():
        assert norwegian and english
    assert [c.quote for c in page.C_EXCLUSIONS] == [n for n, _ in page.EXCLUSIONS.values()]


# --- PO07 and PO08 environmental shift ------------------------------------------------------


def test_an_environmental_shift_mentions_miljoteknologiordningen() -> None:
    f = finding(SCHEME, merged(SME, project={"environmental_shift": True}), "PO07")
    assert f.outcome is Outcome.INFO
    assert "miljøteknologiordningen" in f.message


def test_no_environmental_shift_gives_no_hint() -> None:
    f = finding(SCHEME, SME, "PO07")
    assert f.outcome is Outcome.INFO
    assert "does not apply" in f.message


def test_an_unanalysed_shift_gets_a_warning() -> None:
    data = merged(SME, project={"environmental_shift": True, "shift_analysed": False})
    f = finding(SCHEME, data, "PO08")
    assert f.outcome is Outcome.WARNING
    assert "project.shift_analysed" in f.fix


# --- PO09 aid intensity --------------------------------------------------------------------


def test_half_the_costs_is_within_the_sme_intensity() -> None:
    f = finding(SCHEME, SME, "PO09")
    assert f.outcome is Outcome.PASS
    assert "NOK 1,000,000 of eligible costs NOK 2,000,000 (50 %)" in f.message


def test_one_krone_more_than_half_is_not() -> None:
    f = finding(SCHEME, merged(SME, project={"grant_sought": 1_000_001}), "PO09")
    assert f.outcome is Outcome.FAIL
    assert "NOK 1,000,000 (NOK 1 less)" in f.fix


def test_half_the_costs_is_above_the_large_enterprise_intensity() -> None:
    data = merged(LARGE_EXCEPTION, project={"grant_sought": 1_000_000})
    f = finding(SCHEME, data, "PO09")
    assert f.outcome is Outcome.FAIL
    assert "at most 15 %" in f.message


def test_the_gber_intensity_is_not_encoded_after_gber_expires() -> None:
    f = finding(SCHEME, SME, "PO09", on=date(2027, 1, 1))
    assert f.outcome is Outcome.UNKNOWN
    assert "not encoded" in f.message


# --- PO10 notification threshold (EUR 7.5 million = NOK 82.5 million at 11.00) ---------------


def test_a_grant_at_the_notification_threshold_passes() -> None:
    f = finding(SCHEME, merged(SME, project={"grant_sought": 82_500_000}), "PO10")
    assert f.outcome is Outcome.PASS
    assert "EUR 7,500,000 = NOK 82,500,000" in f.message and "11.0000" in f.message


def test_a_grant_one_krone_above_the_threshold_does_not_fit() -> None:
    """GBER does not apply above the threshold (art. 4(1)): a failure, as the budget's POB04."""
    r = result_for(SCHEME, merged(SME, project={"grant_sought": 82_500_001,
                                                "budget_total": 165_000_002}))
    f = next(f for f in r.findings if f.rule.id == "PO10")
    assert f.outcome is Outcome.FAIL
    assert "notified" in f.fix and "NOK 1 less" in f.fix
    assert r.verdict is Verdict.DOES_NOT_FIT


def test_a_budget_above_the_threshold_without_a_grant_sought_is_capped_at_it() -> None:
    """GBER does not apply to aid above the threshold (art. 4(1)(l)): the most the scheme can
    give stops there, so a large budget passes PO10 and the amounts show the threshold, as the
    budget's grant does (POB04)."""
    data = without(merged(SME, project={"budget_total": 165_000_002}), "project", "grant_sought")
    f = finding(SCHEME, data, "PO10")
    assert f.outcome is Outcome.PASS and f.missing == ()
    assert "NOK 82,500,001" in f.message and "the most the scheme can give is the threshold" \
        in f.message
    a = result_for(SCHEME, data).amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("82500000")
    assert a.own_funding.amount == Decimal("82500002")
    assert a.cap is not None and a.cap.amount == Decimal("82500000")
    assert "NOK 82,500,001, above the notification threshold, so at most NOK 82,500,000" \
        in a.basis


def test_costs_whose_15_percent_reaches_the_threshold_give_it_whatever_the_size() -> None:
    """The staff left out leaves the rate open (15 % to 50 %), but on NOK 550,000,000 even 15 %
    is the threshold: the grant is decided by its bounds, and PO10 passes (PO01 stays open)."""
    data = without(without(merged(SME, project={"budget_total": 550_000_000}), "project",
                           "grant_sought"), "company", "employees_fte")
    r = result_for(SCHEME, data)
    a = r.amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert (a.max_grant.amount, a.own_funding.amount) == (82_500_000, 467_500_000)
    assert "whatever the size" in a.basis
    po = {f.rule.id: f.outcome for f in r.findings}
    assert (po["PO01"], po["PO10"]) == (Outcome.UNKNOWN, Outcome.PASS)


def test_costs_one_krone_below_leave_the_grant_open_with_the_size() -> None:
    """On NOK 549,999,999, 15 % is below the threshold: the grant depends on the size, so no
    amount is stated; PO10 still passes (the grant stops at the threshold either way)."""
    data = without(without(merged(SME, project={"budget_total": 549_999_999}), "project",
                           "grant_sought"), "company", "employees_fte")
    r = result_for(SCHEME, data)
    a = r.amounts.amounts
    assert a is not None and a.max_grant is None and a.missing == ("company.employees_fte",)
    assert "NOK 82,499,999.85 to NOK 82,500,000" in a.basis
    assert next(f for f in r.findings if f.rule.id == "PO10").outcome is Outcome.PASS


def test_without_grant_or_budget_the_threshold_is_shown() -> None:
    data = without(without(SME, "project", "grant_sought"), "project", "budget_total")
    f = finding(SCHEME, data, "PO10")
    assert f.outcome is Outcome.INFO
    assert "NOK 82,500,000" in f.message


def test_a_company_keeping_eur_accounts_needs_no_conversion() -> None:
    data = merged(SME, company={"currency": "EUR"}, project={"grant_sought": 7_500_000,
                                                             "budget_total": 20_000_000})
    f = finding(SCHEME, data, "PO10")
    assert f.outcome is Outcome.PASS
    assert "NOK" not in f.message


# --- verdicts ------------------------------------------------------------------------------


def test_a_full_sme_profile_fits_and_the_call_has_no_deadline() -> None:
    r = result_for(SCHEME, SME)
    assert r.verdict is Verdict.FITS
    assert r.status == "open" and r.status_text == "no deadline stated"
    assert [f.rule.id for f in r.findings if f.outcome in (Outcome.FAIL, Outcome.UNKNOWN)] == []


def test_the_scheme_asks_for_no_documents() -> None:
    assert SCHEME.documents == ()
    assert result_for(SCHEME, SME).missing_documents == []


# --- amounts -------------------------------------------------------------------------------


def test_an_sme_gets_half_the_budget_and_funds_the_rest() -> None:
    a = result_for(SCHEME, SME).amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("1000000.00")
    assert a.own_funding.amount == Decimal("1000000.00")
    assert a.rate == Decimal("0.50")
    assert a.cap is not None and a.cap.amount == Decimal("82500000")  # GBER art. 4(1)(l)
    assert "EUR 7,500,000 = NOK 82,500,000" in a.basis and "11.0000" in a.basis
    assert "not from the page" in a.basis


def test_a_large_enterprise_under_the_exception_gets_fifteen_percent() -> None:
    a = result_for(SCHEME, LARGE_EXCEPTION).amounts.amounts
    assert a is not None and a.max_grant is not None
    assert a.max_grant.amount == Decimal("300000.00")
    assert a.rate == Decimal("0.15")
    assert "only under the exception" in a.basis


def test_the_grant_is_floored_to_the_ore_and_own_funding_takes_the_rest() -> None:
    data = merged(SME, project={"budget_total": Decimal("1000000.01")})
    a = amounts_of(result_for(SCHEME, data).amounts)
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("500000.00")
    assert a.own_funding.amount == Decimal("500000.01")


def test_without_a_budget_the_rate_is_shown_and_no_grant_computed() -> None:
    a = result_for(SCHEME, without(SME, "project", "budget_total")).amounts.amounts
    assert a is not None
    assert a.max_grant is None and a.own_funding is None
    assert a.rate == Decimal("0.50")
    assert "50 %" in a.basis and "project.budget_total" in a.basis


def test_amounts_need_the_company_size() -> None:
    """Without the staff the size is open: no grant is stated (never the SME's generous rate),
    the basis gives the range of rates and names the staff."""
    r = result_for(SCHEME, without(SME, "company", "employees_fte"))
    a = r.amounts.amounts
    assert a is not None and a.max_grant is None
    assert "company.employees_fte" in a.missing
    assert "15 % (a large enterprise, by exception) to 50 % (an SME)" in str(a.basis)


@given(budget=st.decimals(min_value=0, max_value=10**10, places=2),
       large=st.booleans())
def test_the_grant_never_exceeds_the_rate_and_adds_up_to_the_budget(budget: Decimal,
                                                                    large: bool) -> None:
    data = merged(LARGE_EXCEPTION if large else SME, project={"budget_total": budget})
    a = grant.amounts(ctx_for(data)).made()
    assert a.max_grant is not None and a.own_funding is not None and a.rate is not None
    assert a.max_grant.amount <= budget * a.rate
    assert a.max_grant.amount >= 0
    assert a.max_grant.amount + a.own_funding.amount == budget


# --- the GBER period, the page's costs, the threshold's rate ---------------------------------


def test_gber_parameters_run_over_gbers_period() -> None:
    """Every number is GBER's: in force from 1 July 2014 to 31 December 2026 (art. 59), the
    dates grantcheck.law.gber states with their citations."""
    assert gber.APPLIES_FROM.value == date(2014, 7, 1)
    assert gber.APPLIES_UNTIL.value == date(2026, 12, 31)
    assert "Article 59" in gber.APPLIES_FROM.cite.section
    assert "2023/1315" in gber.APPLIES_UNTIL.cite.section
    assert SCHEME.parameters[:4] == (parameters.SME_INTENSITY, parameters.LARGE_INTENSITY,
                                     parameters.LARGE_SME_COST_SHARE,
                                     parameters.NOTIFICATION_THRESHOLD)
    for p in SCHEME.parameters[:4]:
        assert p.valid_until == gber.APPLIES_UNTIL.value
        assert p.at(gber.APPLIES_FROM.value) == p.at(gber.APPLIES_UNTIL.value)
    assert "2023/1315" in parameters.NOTIFICATION_THRESHOLD.note


def test_the_pages_four_cost_types_are_exported() -> None:
    assert [c.id for c in page.ELIGIBLE_COSTS] == ["personnel", "services", "equipment", "ipr"]
    assert "pro rata" in page.ELIGIBLE_COSTS[2].note


def test_the_threshold_follows_the_rate_of_each_evaluation() -> None:
    """The converted threshold is remembered per date and rate: another rate gives another
    figure, and a remembered one still lists its rate as used."""
    data = merged(SME, project={"grant_sought": 82_500_000})
    for nok, shown in (("11.0000", "NOK 82,500,000"), ("12.0000", "NOK 90,000,000"),
                       ("11.0000", "NOK 82,500,000")):
        ctx = ctx_for(data, rates={"NOK": Decimal(nok)})
        f = next(r for r in SCHEME.rules if r.id == "PO10").evaluate(ctx)
        assert f"EUR 7,500,000 = {shown} at 1 EUR = {nok} NOK" in f.message
        assert ctx.fx.used["NOK"].per_eur == Decimal(nok)


# --- undertakings in difficulty (GBER art. 1(4)(c), 2(18)(c)) -----------------------------------


def _in_difficulty(value: bool | None) -> Any:
    company = {**SME["company"], "in_difficulty": value}
    if value is None:
        del company["in_difficulty"]
    return result_for(SCHEME, {**SME, "company": company})


def test_a_company_not_in_difficulty_passes_po11() -> None:
    """The boundary pair's side that may receive GBER aid."""
    r = _in_difficulty(False)
    assert {f.rule.id: f.outcome for f in r.findings}["PO11"] is Outcome.PASS
    assert r.verdict is Verdict.FITS


def test_a_company_in_difficulty_does_not_fit() -> None:
    """GBER art. 1(4)(c): the regulation does not apply to aid to undertakings in difficulty."""
    r = _in_difficulty(True)
    assert {f.rule.id: f.outcome for f in r.findings}["PO11"] is Outcome.FAIL
    assert r.verdict is Verdict.DOES_NOT_FIT


def test_an_unstated_difficulty_needs_the_answer() -> None:
    """A missing fact is unknown, naming the field that settles it, never a default."""
    r = _in_difficulty(None)
    found = {f.rule.id: f for f in r.findings}["PO11"]
    assert found.outcome is Outcome.UNKNOWN
    assert "company.in_difficulty" in found.missing
