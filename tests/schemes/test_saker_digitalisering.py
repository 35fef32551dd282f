"""Säker digitalisering (se-saker-digitalisering): rules, verdicts, documents, amounts, health."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Outcome, Stage, Verdict
from grantcheck.schemes.se_saker_digitalisering import costs, grant, page, parameters, vocabulary
from grantcheck.schemes.se_saker_digitalisering.scheme import SCHEME
from grantcheck.schemes.se_saker_digitalisering.vocabulary import SeTheme
from tests.support import amounts_of, ctx_for, finding, merged, outcome, result_for

PAGE = Path(__file__).resolve().parent.parent / "sources" / "se-saker-digitalisering.txt"
OPEN = date(2023, 3, 1)  # the last open day


PROMOTER: dict[str, Any] = {
    "company": {
        "name": "Science Park AB", "country": "SE", "legal_form": "association",
        "innovation_promoter": True, "is_region": False,
    },
    "project": {
        "application_date": date(2023, 3, 1), "start": date(2023, 3, 15),
        "end": date(2023, 10, 31), "budget_total": 1_200_000, "grant_sought": 600_000,
        "cash_cofinancing": 600_000, "theme": "data_ai", "target_min_employees": 12,
        "regional_anchoring": True, "collaboration_agreements": False,
    },
    "declarations": {
        "promoter_competence": True, "promoter_experience": True, "promoter_networks": True,
        "target_group_fit": True, "project_logic": True,
    },
}
REGION = merged(PROMOTER, company={"innovation_promoter": False, "is_region": True,
                                   "legal_form": "public_body"},
                declarations={"members_meet_criteria": True})


def without(data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
    out = merged(data)
    del out[section][key]
    return out


def project(**values: Any) -> dict[str, Any]:
    return merged(PROMOTER, project=values)


def check(data: dict[str, Any], rule_id: str) -> Outcome:
    return outcome(SCHEME, data, rule_id, on=OPEN)


# --- SD01 promoter or region ---------------------------------------------------------------


def test_a_promoting_organisation_can_apply() -> None:
    assert check(PROMOTER, "SD01") is Outcome.PASS


def test_a_region_applying_for_a_group_can_apply() -> None:
    assert check(REGION, "SD01") is Outcome.PASS


def test_an_organisation_that_is_neither_cannot() -> None:
    data = merged(PROMOTER, company={"innovation_promoter": False})
    f = finding(SCHEME, data, "SD01", on=OPEN)
    assert f.outcome is Outcome.FAIL and f.fix


def test_a_non_promoter_with_region_status_unknown_is_unknown() -> None:
    """A public body may be a region: is_region settles it (another legal form rules a
    region out, see the case file)."""
    data = without(merged(PROMOTER, company={"innovation_promoter": False,
                                             "legal_form": "public_body"}), "company",
                   "is_region")
    f = finding(SCHEME, data, "SD01", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.is_region",)


def test_neither_fact_stated_names_both_fields() -> None:
    data = without(without(without(PROMOTER, "company", "is_region"), "company",
                           "innovation_promoter"), "company", "legal_form")
    f = finding(SCHEME, data, "SD01", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.innovation_promoter", "company.is_region")


# --- declarations --------------------------------------------------------------------------

DECLARATIONS = [("SD02", "promoter_competence"), ("SD03", "promoter_experience"),
                ("SD04", "promoter_networks"), ("SD08", "target_group_fit"),
                ("SD10", "project_logic")]


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_stated_true_passes(rule_id: str, name: str) -> None:
    assert check(PROMOTER, rule_id) is Outcome.PASS


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_stated_false_fails(rule_id: str, name: str) -> None:
    assert check(merged(PROMOTER, declarations={name: False}), rule_id) is Outcome.FAIL


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_left_out_is_unknown_naming_the_field(rule_id: str, name: str) -> None:
    f = finding(SCHEME, without(PROMOTER, "declarations", name), rule_id, on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == (f"declarations.{name}",)


# --- SD05 a region's members ---------------------------------------------------------------


def test_the_member_rule_does_not_apply_to_a_single_promoter() -> None:
    assert check(PROMOTER, "SD05") is Outcome.PASS


def test_a_region_whose_members_meet_the_criteria_passes() -> None:
    assert check(REGION, "SD05") is Outcome.PASS


def test_a_region_whose_members_do_not_meet_the_criteria_fails() -> None:
    assert check(merged(REGION, declarations={"members_meet_criteria": False}),
                 "SD05") is Outcome.FAIL


def test_a_region_without_the_member_declaration_is_unknown() -> None:
    f = finding(SCHEME, without(REGION, "declarations", "members_meet_criteria"), "SD05",
                on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("declarations.members_meet_criteria",)


def test_the_member_rule_is_unknown_when_region_status_is_not_stated() -> None:
    public = merged(PROMOTER, company={"legal_form": "public_body"})
    f = finding(SCHEME, without(public, "company", "is_region"), "SD05", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.is_region",)


def test_the_member_rule_does_not_apply_to_an_applicant_whose_legal_form_is_no_region() -> None:
    f = finding(SCHEME, without(PROMOTER, "company", "is_region"), "SD05", on=OPEN)
    assert f.outcome is Outcome.PASS
    assert f.message == ("company.legal_form = association: not a region (a region is a "
                         "public body), so the rule does not apply")


# --- SD06 regional anchoring, SD07 sole trader ----------------------------------------------


def test_regional_anchoring_passes() -> None:
    assert check(PROMOTER, "SD06") is Outcome.PASS


def test_no_regional_anchoring_is_a_warning_not_a_failure() -> None:
    f = finding(SCHEME, project(regional_anchoring=False), "SD06", on=OPEN)
    assert f.outcome is Outcome.WARNING
    assert "det är ett mervärde" in f.message


def test_regional_anchoring_not_stated_is_unknown() -> None:
    assert check(without(PROMOTER, "project", "regional_anchoring"), "SD06") is Outcome.UNKNOWN


def test_an_association_is_not_a_sole_trader() -> None:
    assert check(PROMOTER, "SD07") is Outcome.PASS


def test_a_sole_trader_cannot_apply() -> None:
    assert check(merged(PROMOTER, company={"legal_form": "sole_trader"}), "SD07") is Outcome.FAIL


def test_the_legal_form_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "company", "legal_form"), "SD07", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.legal_form",)


# --- SD09 target companies' size -----------------------------------------------------------


def test_ten_employees_is_enough() -> None:
    assert check(project(target_min_employees=10), "SD09") is Outcome.PASS


def test_nine_employees_gets_a_warning() -> None:
    f = finding(SCHEME, project(target_min_employees=9), "SD09", on=OPEN)
    assert f.outcome is Outcome.WARNING
    assert "9 employees" in f.message and "at least 10" in f.message


def test_the_target_size_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "target_min_employees"), "SD09", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.target_min_employees",)


# --- SD11 theme ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", [t for t in SeTheme if t is not SeTheme.OTHER])
def test_every_example_theme_passes(theme: SeTheme) -> None:
    assert check(project(theme=theme.value), "SD11") is Outcome.PASS


def test_another_theme_needs_a_dialogue_with_tillvaxtverket() -> None:
    f = finding(SCHEME, project(theme="other"), "SD11", on=OPEN)
    assert f.outcome is Outcome.WARNING
    assert "Kontakta Tillväxtverket för en dialog" in f.message


def test_no_theme_stated_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "theme"), "SD11", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.theme",)


# --- SD12 training add-on ------------------------------------------------------------------


def addon(persons: int, amount: int) -> dict[str, Any]:
    return project(training_addon={"persons": persons, "amount": amount})


def test_no_add_on_is_only_information() -> None:
    assert check(PROMOTER, "SD12") is Outcome.INFO


def test_five_persons_may_get_150000() -> None:
    assert check(addon(5, 150_000), "SD12") is Outcome.PASS


def test_five_persons_may_not_get_150001() -> None:
    f = finding(SCHEME, addon(5, 150_001), "SD12", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "SEK 150,000 (SEK 1 less)" in f.fix


def test_six_persons_reach_the_overall_180000() -> None:
    assert check(addon(6, 180_000), "SD12") is Outcome.PASS


def test_seven_persons_may_get_180000() -> None:
    assert check(addon(7, 180_000), "SD12") is Outcome.PASS


def test_seven_persons_may_not_get_180001() -> None:
    assert check(addon(7, 180_001), "SD12") is Outcome.FAIL


def test_no_persons_means_no_add_on_money() -> None:
    assert check(addon(0, 1), "SD12") is Outcome.FAIL


def test_an_add_on_without_its_persons_says_the_caps_and_asks_for_them() -> None:
    """'Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.'"""
    f = finding(SCHEME, project(training_addon={"amount": 60_000}), "SD12", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.training_addon.persons",)
    assert f.message == ("training add-on costing SEK 60,000; at most the lower of SEK "
                         "180,000 and SEK 30,000 per participating person, of the cost of the "
                         "activity ('Maxbelopp för denna aktivitet'), financed at 50 % like the "
                         "rest, and the number of persons is not stated")


def test_an_add_on_of_180000_without_its_persons_needs_them() -> None:
    """The other side of 180,001: the persons could still lower the cap below it."""
    f = finding(SCHEME, project(training_addon={"amount": 180_000}), "SD12", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.training_addon.persons",)


def test_an_add_on_above_180000_without_its_persons_says_how_much_less() -> None:
    f = finding(SCHEME, project(training_addon={"amount": 180_001}), "SD12", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "whatever the number of persons" in f.message
    assert f.fix == "lower the training's cost to SEK 180,000 (SEK 1 less)"


def test_an_add_on_without_its_persons_still_needs_the_training_type() -> None:
    r = result_for(SCHEME, project(training_addon={"amount": 60_000}), on=OPEN)
    assert next(d.needed for d in r.documents if d.document.id == "training_type") is True


# --- SD13–SD15 the grant sought ------------------------------------------------------------


def test_500000_sought_is_the_minimum() -> None:
    f = finding(SCHEME, project(grant_sought=500_000, budget_total=1_000_000), "SD13", on=OPEN)
    assert f.outcome is Outcome.PASS
    assert "read as the grant sought" in f.message and "SEK 1,000,000" in f.message


def test_499999_sought_is_below_the_minimum() -> None:
    f = finding(SCHEME, project(grant_sought=499_999), "SD13", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "SEK 1 more" in f.fix


def test_the_grant_sought_not_stated_is_the_applicants_to_choose() -> None:
    """The amount applied for is the applicant's choice: without it the most the rules allow is
    shown, and SD13-SD15 pass, saying so, once the budget's 50 % reaches the minimum."""
    data = without(PROMOTER, "project", "grant_sought")
    for rule in ("SD13", "SD14", "SD15"):
        f = finding(SCHEME, data, rule, on=OPEN)
        assert f.outcome is Outcome.PASS, rule
    assert "no grant sought stated" in finding(SCHEME, data, "SD13", on=OPEN).message


def test_without_the_grant_sought_nor_the_budget_the_budget_settles_it() -> None:
    data = without(without(PROMOTER, "project", "grant_sought"), "project", "budget_total")
    for rule in ("SD13", "SD15"):
        f = finding(SCHEME, data, rule, on=OPEN)
        assert f.outcome is Outcome.UNKNOWN, rule
        assert f.missing == ("project.budget_total",), rule


def test_the_whole_call_budget_can_be_sought() -> None:
    data = project(grant_sought=10_000_000, budget_total=20_000_000)
    f = finding(SCHEME, data, "SD14", on=OPEN)
    assert f.outcome is Outcome.PASS
    assert "derived" in f.message


def test_one_krona_more_than_the_call_budget_cannot() -> None:
    data = project(grant_sought=10_000_001, budget_total=20_000_002)
    assert check(data, "SD14") is Outcome.FAIL


def test_half_the_budget_can_be_sought() -> None:
    assert check(PROMOTER, "SD15") is Outcome.PASS


def test_one_krona_more_than_half_cannot() -> None:
    f = finding(SCHEME, project(grant_sought=600_001), "SD15", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "SEK 600,000" in f.fix and "1,200,002" in f.fix


def test_the_share_without_a_budget_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "budget_total"), "SD15", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.budget_total",)


# --- SD21, SD16–SD17 project period --------------------------------------------------------


def test_a_start_in_2022_says_the_implementation_year_and_how_far_to_move() -> None:
    """'Pilotprojekten har en genomförandetid under 2023.'"""
    data = project(application_date=date(2022, 11, 1), start=date(2022, 11, 15))
    f = finding(SCHEME, data, "SD21", on=date(2022, 11, 1))
    assert f.outcome is Outcome.FAIL
    assert "2022-11-15" in f.message and "genomförandetid under 2023" in f.message
    assert f.fix == "move project.start to 2023-01-01 or later (47 days later)"


def test_the_first_day_of_2023_is_a_dated_parameter_citing_the_page() -> None:
    assert parameters.PROJECT_START_EARLIEST.at(OPEN) == date(2023, 1, 1)
    assert parameters.PROJECT_START_EARLIEST.source is page.C_GENOMFORANDETID



def test_a_project_may_start_on_the_application_date() -> None:
    assert check(project(start=date(2023, 3, 1)), "SD16") is Outcome.PASS


def test_a_project_may_not_start_the_day_before() -> None:
    assert check(project(start=date(2023, 2, 28)), "SD16") is Outcome.FAIL


def test_the_start_rule_names_a_missing_start() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "start"), "SD16", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.start",)


def test_the_start_rule_names_a_missing_application_date_for_a_project_already_started() -> None:
    unsent = without(project(start=date(2023, 2, 28)), "project", "application_date")
    f = finding(SCHEME, unsent, "SD16", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.application_date",)


def test_an_application_not_yet_sent_is_read_as_sent_on_the_date_as_sd20_reads_it() -> None:
    # "Projekten kan tidigast starta från ansökningsdatum": SD20 reads a missing application
    # date as the evaluation date's; SD16 reads it the same, so a start on or after it passes
    unsent = without(project(start=OPEN), "project", "application_date")
    assert finding(SCHEME, unsent, "SD16", on=OPEN).outcome is Outcome.PASS


def test_a_project_may_end_on_31_october_2023() -> None:
    assert check(project(end=date(2023, 10, 31)), "SD17") is Outcome.PASS


def test_a_project_may_not_end_on_1_november_2023() -> None:
    f = finding(SCHEME, project(end=date(2023, 11, 1)), "SD17", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "1 days earlier" in f.fix


def test_the_end_not_stated_is_unknown() -> None:
    assert check(without(PROMOTER, "project", "end"), "SD17") is Outcome.UNKNOWN


# --- SD18 cash co-financing ----------------------------------------------------------------


def test_half_the_budget_in_cash_is_enough() -> None:
    f = finding(SCHEME, PROMOTER, "SD18", on=OPEN)
    assert f.outcome is Outcome.PASS
    assert "a reading, not the page's words" in f.message


def test_one_krona_less_than_half_in_cash_is_not() -> None:
    f = finding(SCHEME, project(cash_cofinancing=599_999), "SD18", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "SEK 1 more" in f.fix


def test_the_cash_co_financing_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "cash_cofinancing"), "SD18", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.cash_cofinancing",)


def test_the_cash_reading_is_in_the_notes() -> None:
    assert any("own paid staff costs" in n for n in SCHEME.notes)


# --- SD19 collaboration agreements ---------------------------------------------------------


def test_no_collaboration_agreement_passes() -> None:
    assert check(PROMOTER, "SD19") is Outcome.PASS


def test_a_collaboration_agreement_gets_a_warning() -> None:
    assert check(project(collaboration_agreements=True), "SD19") is Outcome.WARNING


def test_collaboration_agreements_not_stated_are_unknown() -> None:
    assert check(without(PROMOTER, "project", "collaboration_agreements"),
                 "SD19") is Outcome.UNKNOWN


# --- SD22 a Swedish organisation -----------------------------------------------------------


def test_a_norwegian_organisation_is_warned_with_the_pages_words() -> None:
    f = finding(SCHEME, merged(PROMOTER, company={"country": "NO"}), "SD22", on=OPEN)
    assert f.outcome is Outcome.WARNING
    assert f.message.startswith("company.country = NO; the call is for all of Sweden ('Hela "
                                "Sverige')")
    assert "does not exclude others in words" in f.message
    assert f.fix == "explain to Tillväxtverket how an organisation outside Sweden fits the call"


# --- another currency ----------------------------------------------------------------------

NOK_RATES = {"SEK": Decimal("11"), "NOK": Decimal("11.5")}


def test_a_norwegian_applicant_is_compared_with_the_converted_minimum() -> None:
    # SEK 500,000 = NOK 522,727.2727… at 11 SEK and 11.5 NOK per EUR
    data = merged(PROMOTER, company={"country": "NO"})
    above = finding(SCHEME, merged(data, project={"grant_sought": Decimal("522727.28")}),
                    "SD13", on=OPEN, rates=NOK_RATES)
    below = finding(SCHEME, merged(data, project={"grant_sought": Decimal("522727.27")}),
                    "SD13", on=OPEN, rates=NOK_RATES)
    assert above.outcome is Outcome.PASS and below.outcome is Outcome.FAIL
    assert "SEK 500,000 (= NOK 522,727.27)" in above.message
    assert "SEK converted at 1 EUR = 11 SEK" in above.message


# --- verdicts and call window --------------------------------------------------------------


def test_a_full_promoter_profile_fits_on_the_last_open_day() -> None:
    r = result_for(SCHEME, PROMOTER, on=OPEN)
    assert r.status == "open"
    assert r.verdict is Verdict.FITS
    assert [f.rule.id for f in r.findings if f.outcome in (Outcome.FAIL, Outcome.UNKNOWN)] == []


def test_the_call_is_closed_the_day_after() -> None:
    r = result_for(SCHEME, PROMOTER, on=date(2023, 3, 2))
    assert r.status == "closed"
    assert r.verdict is Verdict.CLOSED
    assert r.verdict_if_open is Verdict.FITS


def test_a_region_fits_too() -> None:
    assert result_for(SCHEME, REGION, on=OPEN).verdict is Verdict.FITS


def test_a_sole_trader_does_not_fit() -> None:
    data = merged(PROMOTER, company={"legal_form": "sole_trader"})
    assert result_for(SCHEME, data, on=OPEN).verdict is Verdict.DOES_NOT_FIT


def test_a_profile_missing_a_declaration_needs_information() -> None:
    data = without(PROMOTER, "declarations", "project_logic")
    assert result_for(SCHEME, data, on=OPEN).verdict is Verdict.NEEDS_INFORMATION


def test_warnings_alone_do_not_change_the_verdict() -> None:
    data = project(theme="other", target_min_employees=5, regional_anchoring=False,
                   collaboration_agreements=True)
    r = result_for(SCHEME, data, on=OPEN)
    assert r.verdict is Verdict.FITS
    assert sum(f.outcome is Outcome.WARNING for f in r.findings) == 4
    norwegian = result_for(SCHEME, merged(data, company={"country": "NO"}), on=OPEN)
    assert norwegian.verdict is Verdict.FITS
    assert sum(f.outcome is Outcome.WARNING for f in norwegian.findings) == 5


# --- documents -----------------------------------------------------------------------------




def test_the_training_type_is_needed_only_with_the_add_on() -> None:
    def needed(data: dict[str, Any]) -> bool | None:
        r = result_for(SCHEME, data, on=OPEN)
        return next(d.needed for d in r.documents if d.document.id == "training_type")

    assert needed(PROMOTER) is False
    assert needed(addon(5, 150_000)) is True


def test_the_mandatory_attachments_are_a_reminder_not_a_missing_document() -> None:
    r = result_for(SCHEME, merged(PROMOTER, documents={"held": []}), on=OPEN)
    doc = next(d for d in SCHEME.documents if d.id == "se_mandatory_attachments")
    assert doc.stage is Stage.REMINDER
    missing = [d.document.id for d in r.missing_documents]
    assert "se_mandatory_attachments" not in missing
    assert "se_mandatory_attachments" in [d.document.id for d in r.later_documents]
    assert len(missing) == 10  # the ten application items; no add-on sought


def test_the_final_report_by_30_november_2023_is_a_later_document() -> None:
    """'De ska slutredovisas senast 2023-11-30', and the grant is paid on reporting: a document
    after the project, never missing at the application."""
    r = result_for(SCHEME, merged(PROMOTER, documents={"held": []}), on=OPEN)
    doc = next(d for d in SCHEME.documents if d.id == "se_final_report")
    assert doc.stage is Stage.AFTER_PROJECT and "2023-11-30" in doc.condition
    assert doc.cites[0].quote == "De ska slutredovisas senast 2023-11-30."
    assert "se_final_report" in [d.document.id for d in r.later_documents]
    assert "se_final_report" not in [d.document.id for d in r.missing_documents]


def test_held_documents_are_not_missing() -> None:
    held = ["number_of_companies", "theme_choice"]
    r = result_for(SCHEME, merged(PROMOTER, documents={"held": held}), on=OPEN)
    missing = [d.document.id for d in r.missing_documents]
    assert "theme_choice" not in missing and "phase_plan" in missing


# --- amounts -------------------------------------------------------------------------------


def test_half_the_budget_is_the_grant_and_the_rest_is_cash() -> None:
    a = result_for(SCHEME, PROMOTER, on=OPEN).amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("600000.00")
    assert a.own_funding.amount == Decimal("600000.00")
    assert "cash" in a.own_funding_form
    assert a.rate == Decimal("0.50")


def test_a_large_budget_is_capped_at_the_call_budget() -> None:
    a = amounts_of(result_for(SCHEME, project(budget_total=30_000_000), on=OPEN).amounts)
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("10000000.00")
    assert a.own_funding.amount == Decimal("20000000.00")
    assert "derived" in a.basis


def test_a_budget_below_one_million_is_flagged_in_the_basis() -> None:
    a = amounts_of(result_for(SCHEME, project(budget_total=999_998), on=OPEN).amounts)
    assert a is not None and a.max_grant is not None
    assert a.max_grant.amount == Decimal("499999.00")
    assert "below the minimum application" in a.basis


def test_without_a_budget_the_cap_rate_and_minimum_are_shown() -> None:
    a = result_for(SCHEME, without(PROMOTER, "project", "budget_total"), on=OPEN).amounts.amounts
    assert a is not None and a.max_grant is not None and a.cap is not None
    assert a.max_grant.amount == Decimal("10000000.00") == a.cap.amount
    assert a.own_funding is None
    assert a.rate == Decimal("0.50")
    assert "SEK 500,000" in a.basis and "50 %" in a.basis


def test_no_amount_before_the_page_is_known() -> None:
    """2022-06-30: the page's figures are known from 2022-07-01 ('som drevs under ett halvår
    2022'), so no grant is shown and the scheme does not fit."""
    r = result_for(SCHEME, PROMOTER, on=date(2022, 6, 30))
    assert r.amounts.amounts is None and "not encoded" in r.amounts.problem
    assert r.verdict_if_open is Verdict.NEEDS_INFORMATION


def test_the_amounts_from_the_day_the_page_is_known() -> None:
    """2022-07-01: half the total budget, SEK 600,000."""
    a = result_for(SCHEME, PROMOTER, on=date(2022, 7, 1)).amounts.amounts
    assert a is not None and a.max_grant is not None
    assert a.max_grant.amount == Decimal("600000.00")


@given(budget=st.decimals(min_value=0, max_value=10**9, places=2))
def test_the_grant_never_exceeds_cap_or_rate_and_adds_up(budget: Decimal) -> None:
    a = grant.amounts(ctx_for(project(budget_total=budget), on=OPEN)).made()
    assert a.max_grant is not None and a.own_funding is not None and a.cap is not None
    assert a.max_grant <= a.cap
    assert a.max_grant.amount <= budget * Decimal("0.5")
    assert a.max_grant.amount + a.own_funding.amount == budget


# --- what the package exports ------------------------------------------------------------


def test_the_example_themes_are_named_as_on_the_page() -> None:
    assert set(vocabulary.THEMES) == set(SeTheme) - {SeTheme.OTHER}
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    for name in vocabulary.THEMES.values():
        assert name in text


def test_the_forordning_is_cited_as_law_not_as_the_page() -> None:
    assert not page.SFS_13.from_page
    assert page.SFS_13.source.title.startswith("Förordning (2015:210)")


def test_the_call_window_has_no_opening_and_closes_on_1_march_2023() -> None:
    assert SCHEME.call.opens is None
    assert SCHEME.call.closes == date(2023, 3, 1)
    assert parameters.FINAL_REPORT_BY.at(OPEN) == date(2023, 11, 30)


def test_the_five_cost_types_are_exported() -> None:
    assert [c.id for c in costs.ELIGIBLE_COSTS] == [
        "personnel", "flat_rate", "external_services", "investments", "travel"]
