"""Innobooster People (dk-innobooster-people): rules, verdicts, amounts, documents, health.

Evaluation date 2020-09-01 (page version 3, call open) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Kind, Outcome, Stage, Verdict
from grantcheck.money import Money
from grantcheck.schemes import get
from grantcheck.schemes.dk_innobooster_people.page import SOURCE
from grantcheck.schemes.dk_innobooster_people.scheme import SCHEME
from tests.support import ctx_for, finding, merged, outcome, result_for

ON = date(2020, 9, 1)
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
WARNING, INFO = Outcome.WARNING, Outcome.INFO


def employee(name: str = "Anna", **changes: Any) -> dict[str, Any]:
    e: dict[str, Any] = {
        "name": name, "hours_per_week": 37, "higher_education": True, "development_role": True,
        "employed_at_application": True, "owner_percent": 0, "monthly_salary": 45_000,
        "salary_settled": True, "other_public_funding": False, "new_hire": False,
        "grant_start": date(2020, 10, 1),
    }
    e.update(changes)
    return e


BASE: dict[str, Any] = {
    "company": {
        "name": "Nordlys ApS", "country": "DK", "cvr_number": "12345678",
        "founded": date(2017, 1, 15), "listed": False, "sector": "other", "employees_fte": 5,
        "owners_fte": 2, "turnover": 2_500_000, "balance_sheet_total": 3_000_000,
        "external_capital_raised": 800_000, "taken_over_other_activity": False,
        "distributed_profits": False, "formed_by_merger": False, "related": [],
    },
    "aid_received": [],
    "project": {"application_date": date(2020, 9, 1)},
    "employees": [employee("Anna"), employee("Bo", monthly_salary=36_000)],
    "application": {
        "challenges_chars": 2900, "development_chars": 1800, "results_chars": 1500,
        "pitch_deck_slides": 12, "cv_max_pages": 2, "attachments_mb": 10,
        "attachments_pdf": True,
    },
    "declarations": {"knowledge_based_startup": True, "others_on_collective_terms": True},
    "documents": {"held": ["innobooster_application_form", "pitch_deck", "cvs"]},
}


def company(**changes: Any) -> dict[str, Any]:
    return merged(BASE, company=changes)


def without(section: str, key: str) -> dict[str, Any]:
    data = merged(BASE)
    del data[section][key]
    return data


def staff(*emps: dict[str, Any], **sections: Any) -> dict[str, Any]:
    return merged(BASE, employees=list(emps), **sections)


def one(**changes: Any) -> dict[str, Any]:
    """BASE with a single funded employee."""
    return staff(employee(**changes))


def rule_outcome(data: dict[str, Any], rule_id: str, on: date = ON) -> Outcome:
    return outcome(SCHEME, data, rule_id, on)


def msg(data: dict[str, Any], rule_id: str, on: date = ON) -> str:
    return finding(SCHEME, data, rule_id, on).message


# --- health -----------------------------------------------------------------------------------


def test_the_registry_returns_this_module() -> None:
    assert get("dk-innobooster-people") is SCHEME


def test_rule_ids_are_unique_and_numbered_in_order() -> None:
    ids = [r.id for r in SCHEME.rules]
    assert ids == [f"IP{i:02d}" for i in range(1, len(ids) + 1)]


def test_every_rule_has_a_citation_a_title_and_reads_its_fields() -> None:
    for r in SCHEME.rules:
        assert r.cites, r.id
        assert r.title, r.id
        if r.kind is not Kind.INFO:
            assert r.reads, r.id


def test_every_quote_of_the_page_is_verbatim() -> None:
    quotes = [c.quote for r in SCHEME.rules for c in r.cites if c.source is SOURCE]
    quotes += [c.quote for d in SCHEME.documents for c in d.cites if c.source is SOURCE]
    quotes += [p.source.quote for p in SCHEME.parameters if p.source.source is SOURCE]
    quotes += [c.quote for c in SCHEME.call.cites]
    assert quotes
    for q in quotes:
        assert q and q in PAGE_EXCERPT, q


def test_eu_citations_say_they_are_not_from_the_page() -> None:
    eu_rules = {r.id for r in SCHEME.rules for c in r.cites if not c.from_page}
    assert {"IP03", "IP06", "IP07", "IP09", "IP10", "IP11"} <= eu_rules


def test_every_parameter_has_a_unit_and_a_citation() -> None:
    names = [p.name for p in SCHEME.parameters]
    assert len(names) == len(set(names))
    for p in SCHEME.parameters:
        assert p.unit, p.name
        assert p.source.section, p.name


def test_every_document_id_is_known_to_the_profile() -> None:
    from grantcheck.profile import DOCUMENT_IDS

    for d in SCHEME.documents:
        assert d.id in DOCUMENT_IDS, d.id


# --- the call -----------------------------------------------------------------------------------


def test_the_call_is_open_on_1_december_2020() -> None:
    assert result_for(SCHEME, BASE, date(2020, 12, 1)).verdict is Verdict.FITS


def test_the_call_is_closed_on_2_december_2020() -> None:
    r = result_for(SCHEME, BASE, date(2020, 12, 2))
    assert r.verdict is Verdict.CLOSED
    assert r.verdict_if_open is Verdict.FITS


def test_a_date_before_page_version_3_is_not_encoded() -> None:
    r = result_for(SCHEME, BASE, date(2020, 7, 2))
    assert r.verdict is Verdict.NEEDS_INFORMATION
    assert all(f.outcome is UNKNOWN for f in r.findings)
    assert "not encoded" in r.findings[0].message
    assert "2020-07-03" in r.findings[0].message


def test_page_version_3_is_encoded_from_3_july_2020() -> None:
    assert result_for(SCHEME, BASE, date(2020, 7, 3)).verdict is Verdict.FITS


# --- verdicts -----------------------------------------------------------------------------------


def test_a_full_profile_fits() -> None:
    r = result_for(SCHEME, BASE, ON)
    assert r.verdict is Verdict.FITS, [(f.rule.id, f.message) for f in r.findings
                                       if f.outcome not in (PASS, INFO)]


def test_a_listed_company_does_not_fit() -> None:
    assert result_for(SCHEME, company(listed=True), ON).verdict is Verdict.DOES_NOT_FIT


def test_a_profile_without_employees_needs_information() -> None:
    data = merged(BASE)
    del data["employees"]
    r = result_for(SCHEME, data, ON)
    assert r.verdict is Verdict.NEEDS_INFORMATION
    assert "employees" in {m for f in r.findings for m in f.missing}


def test_assessment_criteria_are_listed_not_decided() -> None:
    r = result_for(SCHEME, BASE, ON)
    infos = {f.rule.id for f in r.findings if f.outcome is INFO}
    assert infos == {"IP28", "IP29", "IP30", "IP31"}
    assert "3–5 years" in msg(BASE, "IP29")


# --- IP01 capital or turnover -------------------------------------------------------------------


def test_capital_of_500000_is_enough_alone() -> None:
    assert rule_outcome(company(external_capital_raised=500_000, turnover=0), "IP01") is PASS


def test_capital_of_499999_and_turnover_1999999_is_not() -> None:
    data = company(external_capital_raised=499_999, turnover=1_999_999)
    assert rule_outcome(data, "IP01") is FAIL
    assert "DKK 1 more" in finding(SCHEME, data, "IP01", ON).fix


def test_turnover_of_2_million_is_enough_alone() -> None:
    assert rule_outcome(company(external_capital_raised=0, turnover=2_000_000), "IP01") is PASS


def test_turnover_failing_and_capital_unknown_needs_information() -> None:
    data = company(turnover=1_999_999)
    del data["company"]["external_capital_raised"]
    f = finding(SCHEME, data, "IP01", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("company.external_capital_raised",)


def test_capital_passing_and_turnover_unknown_passes() -> None:
    data = company(external_capital_raised=600_000)
    del data["company"]["turnover"]
    assert rule_outcome(data, "IP01") is PASS


def test_capital_in_euro_is_converted_to_dkk() -> None:
    # 1 EUR = 7.46 DKK (the test rates): EUR 67,025 = DKK 500,006.50; EUR 67,024 = DKK 499,999.04
    enough = company(country="DE", currency="EUR", external_capital_raised=67_025, turnover=0)
    short = company(country="DE", currency="EUR", external_capital_raised=67_024, turnover=0)
    assert rule_outcome(enough, "IP01") is PASS
    assert rule_outcome(short, "IP01") is FAIL


# --- IP02 CVR -----------------------------------------------------------------------------------


def test_a_cvr_number_passes() -> None:
    assert rule_outcome(BASE, "IP02") is PASS


def test_no_cvr_number_stated_is_unknown() -> None:
    assert rule_outcome(without("company", "cvr_number"), "IP02") is UNKNOWN


# --- IP03, IP04 age -----------------------------------------------------------------------------


def test_a_company_on_its_fifth_anniversary_is_young_enough() -> None:
    assert rule_outcome(company(founded=date(2015, 9, 1)), "IP03") is PASS


def test_a_company_a_day_past_its_fifth_anniversary_is_not() -> None:
    assert rule_outcome(company(founded=date(2015, 8, 31)), "IP03") is FAIL


def test_a_company_founded_on_29_february_turns_five_on_28_february() -> None:
    data = company(founded=date(2016, 2, 29))
    assert rule_outcome(data, "IP03", date(2021, 2, 28)) is PASS
    assert rule_outcome(data, "IP03", date(2021, 3, 1)) is FAIL


def test_age_is_unknown_without_a_registration_date() -> None:
    assert rule_outcome(without("company", "founded"), "IP03") is UNKNOWN


def test_age_after_gber_ends_is_not_encoded() -> None:
    f = finding(SCHEME, company(founded=date(2024, 1, 1)), "IP03", date(2027, 1, 1))
    assert f.outcome is UNKNOWN
    assert "not encoded" in f.message


def test_fifth_anniversary_two_months_ahead_warns() -> None:
    assert rule_outcome(company(founded=date(2015, 11, 1)), "IP04") is WARNING


def test_fifth_anniversary_two_months_and_a_day_ahead_does_not_warn() -> None:
    assert rule_outcome(company(founded=date(2015, 11, 2)), "IP04") is PASS


def test_age_warning_is_only_information_once_the_anniversary_passed() -> None:
    assert rule_outcome(company(founded=date(2015, 8, 31)), "IP04") is INFO


def test_age_warning_never_changes_the_verdict() -> None:
    r = result_for(SCHEME, company(founded=date(2015, 10, 1)), ON)
    assert r.verdict is Verdict.FITS


# --- IP05–IP07, IP09, IP10 ----------------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "field"), [
    ("IP05", "taken_over_other_activity"),
    ("IP06", "distributed_profits"),
    ("IP07", "formed_by_merger"),
    ("IP09", "listed"),
])
def test_start_up_conditions_pass_fail_and_unknown(rule_id: str, field: str) -> None:
    assert rule_outcome(company(**{field: False}), rule_id) is PASS
    assert rule_outcome(company(**{field: True}), rule_id) is FAIL
    assert rule_outcome(without("company", field), rule_id) is UNKNOWN


@pytest.mark.parametrize("sector", ["fishery_aquaculture", "primary_agriculture"])
def test_excluded_sectors_do_not_fit(sector: str) -> None:
    assert rule_outcome(company(sector=sector), "IP10") is FAIL


def test_another_sector_fits() -> None:
    assert rule_outcome(company(sector="other"), "IP10") is PASS


def test_sector_is_unknown_when_not_stated() -> None:
    assert rule_outcome(without("company", "sector"), "IP10") is UNKNOWN


# --- IP08 small enterprise ----------------------------------------------------------------------


def test_49_staff_is_small() -> None:
    assert rule_outcome(company(employees_fte=47, owners_fte=2), "IP08") is PASS


def test_50_staff_is_not_small() -> None:
    f = finding(SCHEME, company(employees_fte=48, owners_fte=2), "IP08", ON)
    assert f.outcome is FAIL
    assert "50 AWU" in f.message


def test_turnover_of_eur_10_million_is_small() -> None:
    # 1 EUR = 7.46 DKK: EUR 10 million = DKK 74,600,000
    data = company(turnover=74_600_000, balance_sheet_total=80_000_000)
    assert rule_outcome(data, "IP08") is PASS


def test_turnover_and_balance_above_eur_10_million_are_not_small() -> None:
    data = company(turnover=74_600_001, balance_sheet_total=74_600_001)
    assert rule_outcome(data, "IP08") is FAIL


def test_size_is_unknown_without_staff() -> None:
    assert rule_outcome(without("company", "employees_fte"), "IP08") is UNKNOWN


# --- IP11 controlling enterprise ----------------------------------------------------------------


def parent(**changes: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "name": "Holding ApS", "relation": "linked", "share_percent": 60, "staff": 1,
        "turnover": 0, "balance_sheet_total": 100_000, "controls_company": True,
        "founded": date(2016, 1, 1), "gber22_conditions_met": True,
    }
    p.update(changes)
    return p


def test_no_related_enterprises_passes() -> None:
    assert rule_outcome(BASE, "IP11") is PASS


def test_related_enterprises_not_stated_is_unknown() -> None:
    assert rule_outcome(without("company", "related"), "IP11") is UNKNOWN


def test_a_young_small_qualifying_parent_passes() -> None:
    assert rule_outcome(company(related=[parent()]), "IP11") is PASS


def test_a_parent_past_its_fifth_anniversary_does_not() -> None:
    assert rule_outcome(company(related=[parent(founded=date(2015, 8, 31))]), "IP11") is FAIL
    assert rule_outcome(company(related=[parent(founded=date(2015, 9, 1))]), "IP11") is PASS


def test_a_parent_with_50_staff_does_not() -> None:
    assert rule_outcome(company(related=[parent(staff=50)]), "IP11") is FAIL
    assert rule_outcome(company(related=[parent(staff=49)]), "IP11") is PASS


def test_a_parent_failing_the_other_conditions_does_not() -> None:
    assert rule_outcome(company(related=[parent(gber22_conditions_met=False)]), "IP11") is FAIL


def test_a_parent_with_unstated_conditions_is_unknown() -> None:
    f = finding(SCHEME, company(related=[parent(gber22_conditions_met=None)]), "IP11", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("company.related[0].gber22_conditions_met",)


def test_a_parent_without_registration_date_is_unknown() -> None:
    f = finding(SCHEME, company(related=[parent(founded=None)]), "IP11", ON)
    assert f.outcome is UNKNOWN
    assert "company.related[0].founded" in f.missing


def test_a_linked_enterprise_not_saying_whether_it_controls_is_unknown() -> None:
    f = finding(SCHEME, company(related=[parent(controls_company=None)]), "IP11", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("company.related[0].controls_company",)


def test_a_partner_enterprise_is_not_a_controller() -> None:
    partner = parent(relation="partner", share_percent=30, controls_company=None,
                     founded=date(1990, 1, 1))
    assert rule_outcome(company(related=[partner]), "IP11") is PASS


# --- IP12 one to three named employees ----------------------------------------------------------


def test_one_funded_employee_is_enough() -> None:
    assert rule_outcome(one(), "IP12") is PASS


def test_no_funded_employee_is_not() -> None:
    assert rule_outcome(staff(), "IP12") is FAIL


def test_three_funded_employees_are_allowed() -> None:
    data = staff(employee("A"), employee("B"), employee("C"))
    assert rule_outcome(data, "IP12") is PASS


def test_four_funded_employees_are_not() -> None:
    data = staff(employee("A"), employee("B"), employee("C"), employee("D"))
    assert rule_outcome(data, "IP12") is FAIL


def test_an_unnamed_employee_is_not_allowed() -> None:
    assert rule_outcome(one(name=""), "IP12") is FAIL


def test_employees_not_stated_is_unknown() -> None:
    assert rule_outcome(without_employees(), "IP12") is UNKNOWN


def without_employees() -> dict[str, Any]:
    data = merged(BASE)
    del data["employees"]
    return data


# --- IP13 full time -----------------------------------------------------------------------------


def test_37_hours_a_week_is_full_time() -> None:
    assert rule_outcome(one(hours_per_week=37), "IP13") is PASS


def test_36_hours_a_week_is_not() -> None:
    f = finding(SCHEME, one(hours_per_week=36), "IP13", ON)
    assert f.outcome is FAIL
    assert "36 h/week" in f.message and "37" in f.message


def test_hours_not_stated_are_unknown() -> None:
    f = finding(SCHEME, one(hours_per_week=None), "IP13", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("employees[0].hours_per_week",)


def test_one_failing_employee_fails_even_when_another_is_unknown() -> None:
    data = staff(employee("A", hours_per_week=30), employee("B", hours_per_week=None))
    assert rule_outcome(data, "IP13") is FAIL


# --- IP14, IP15, IP23 yes/no facts of each employee ----------------------------------------------


@pytest.mark.parametrize(("rule_id", "field"), [
    ("IP14", "higher_education"),
    ("IP15", "development_role"),
    ("IP23", "salary_settled"),
])
def test_required_employee_facts(rule_id: str, field: str) -> None:
    assert rule_outcome(one(**{field: True}), rule_id) is PASS
    assert rule_outcome(one(**{field: False}), rule_id) is FAIL
    assert rule_outcome(one(**{field: None}), rule_id) is UNKNOWN


@pytest.mark.parametrize(("rule_id", "field"), [
    ("IP18", "new_hire"),
    ("IP26", "other_public_funding"),
])
def test_excluding_employee_facts(rule_id: str, field: str) -> None:
    assert rule_outcome(one(**{field: False}), rule_id) is PASS
    assert rule_outcome(one(**{field: True}), rule_id) is FAIL
    assert rule_outcome(one(**{field: None}), rule_id) is UNKNOWN


# --- IP16, IP17 employed or re-hired ------------------------------------------------------------


def rehired(dismissed: date | None = date(2020, 4, 1), **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"employed_at_application": False, "dismissed_on": dismissed,
                              "dismissed_due_to_covid": True}
    return one(**{**fields, **changes})


def test_an_employee_employed_at_application_qualifies() -> None:
    assert rule_outcome(one(), "IP16") is PASS


def test_dismissed_on_2_march_2020_and_rehired_qualifies() -> None:
    assert rule_outcome(rehired(date(2020, 3, 2)), "IP16") is PASS


def test_dismissed_on_1_march_2020_does_not() -> None:
    assert rule_outcome(rehired(date(2020, 3, 1)), "IP16") is FAIL


def test_not_employed_and_no_dismissal_date_is_unknown() -> None:
    f = finding(SCHEME, rehired(None), "IP16", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("employees[0].dismissed_on",)


def test_employment_status_not_stated_is_unknown() -> None:
    assert rule_outcome(one(employed_at_application=None), "IP16") is UNKNOWN


def test_rehire_message_says_the_contract_is_due_at_grant_start() -> None:
    assert "contract needed by the grant start" in msg(rehired(), "IP16")


def test_a_rehired_employee_dismissed_for_covid_passes_the_declaration() -> None:
    assert rule_outcome(rehired(), "IP17") is PASS


def test_a_rehired_employee_dismissed_for_another_reason_does_not() -> None:
    assert rule_outcome(rehired(dismissed_due_to_covid=False), "IP17") is FAIL


def test_the_cause_of_dismissal_not_declared_is_unknown() -> None:
    f = finding(SCHEME, rehired(dismissed_due_to_covid=None), "IP17", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("employees[0].dismissed_due_to_covid",)


def test_no_covid_declaration_is_needed_without_rehires() -> None:
    assert rule_outcome(one(), "IP17") is PASS


# --- IP19 one grant per company -----------------------------------------------------------------


def aid(scheme: str) -> dict[str, Any]:
    return {"granted": date(2020, 7, 15), "amount": 360_000, "scheme": scheme}


def test_no_earlier_grant_passes() -> None:
    assert rule_outcome(BASE, "IP19") is PASS


def test_an_earlier_innobooster_people_grant_fails() -> None:
    assert rule_outcome(merged(BASE, aid_received=[aid("dk-innobooster-people")]), "IP19") is FAIL
    assert rule_outcome(merged(BASE, aid_received=[aid("Innobooster People")]), "IP19") is FAIL


def test_an_ordinary_innobooster_grant_is_another_scheme() -> None:
    assert rule_outcome(merged(BASE, aid_received=[aid("Innobooster")]), "IP19") is PASS


def test_aid_received_not_stated_is_unknown() -> None:
    data = merged(BASE)
    del data["aid_received"]
    assert rule_outcome(data, "IP19") is UNKNOWN


# --- IP20, IP21 other full-time employees -------------------------------------------------------


def test_one_funded_employee_needs_no_others() -> None:
    assert rule_outcome(merged(one(), company={"employees_fte": 0}), "IP20") is PASS


def test_two_funded_and_two_other_fte_is_enough() -> None:
    f = finding(SCHEME, company(employees_fte=4), "IP20", ON)
    assert f.outcome is PASS
    assert "4 minus 2 FTE" in f.message and "= 2 FTE" in f.message


def test_two_funded_and_less_than_two_other_fte_is_not() -> None:
    f = finding(SCHEME, company(employees_fte=Decimal("3.99")), "IP20", ON)
    assert f.outcome is FAIL
    assert "0.01" in f.fix


def test_three_funded_and_three_other_fte_is_enough() -> None:
    three = [employee("A"), employee("B"), employee("C")]
    assert rule_outcome(staff(*three, company={"employees_fte": 6}), "IP20") is PASS
    assert rule_outcome(staff(*three, company={"employees_fte": Decimal("5.99")}),
                        "IP20") is FAIL


def test_a_rehired_funded_employee_is_not_subtracted() -> None:
    emps = [employee("A"), employee("B", employed_at_application=False,
                                      dismissed_on=date(2020, 4, 1))]
    assert rule_outcome(staff(*emps, company={"employees_fte": 3}), "IP20") is PASS
    assert rule_outcome(staff(*emps, company={"employees_fte": Decimal("2.99")}),
                        "IP20") is FAIL


def test_other_employees_unknown_without_fte() -> None:
    assert rule_outcome(without("company", "employees_fte"), "IP20") is UNKNOWN


def test_other_employees_unknown_without_employment_status() -> None:
    data = staff(employee("A"), employee("B", employed_at_application=None))
    assert rule_outcome(data, "IP20") is UNKNOWN


def test_collective_terms_declaration_is_needed_for_two_funded() -> None:
    data = merged(BASE, declarations={"others_on_collective_terms": None})
    assert rule_outcome(data, "IP21") is UNKNOWN
    data = merged(BASE, declarations={"others_on_collective_terms": False})
    assert rule_outcome(data, "IP21") is FAIL


def test_collective_terms_declaration_is_not_needed_for_one_funded() -> None:
    data = merged(one(), declarations={"others_on_collective_terms": None})
    assert rule_outcome(data, "IP21") is PASS


# --- IP22 owners --------------------------------------------------------------------------------


def test_an_employee_owning_just_under_5_percent_can_be_funded() -> None:
    assert rule_outcome(one(owner_percent=Decimal("4.99")), "IP22") is PASS


def test_an_employee_owning_5_percent_cannot() -> None:
    assert rule_outcome(one(owner_percent=5), "IP22") is FAIL


def test_ownership_not_stated_is_unknown() -> None:
    assert rule_outcome(one(owner_percent=None), "IP22") is UNKNOWN


# --- IP24, IP25 grant period --------------------------------------------------------------------


def test_two_employees_with_the_same_start_pass() -> None:
    assert rule_outcome(BASE, "IP24") is PASS


def test_two_employees_with_different_starts_fail() -> None:
    data = staff(employee("A"), employee("B", grant_start=date(2020, 11, 1)))
    assert rule_outcome(data, "IP24") is FAIL


def test_a_missing_start_for_two_employees_is_unknown() -> None:
    data = staff(employee("A"), employee("B", grant_start=None))
    assert rule_outcome(data, "IP24") is UNKNOWN


def test_one_employee_is_always_one_period() -> None:
    assert rule_outcome(one(grant_start=None), "IP24") is PASS


def test_a_start_on_the_1st_of_the_next_month_passes() -> None:
    data = merged(one(grant_start=date(2020, 10, 1)),
                  project={"application_date": date(2020, 9, 30)})
    f = finding(SCHEME, data, "IP25", ON)
    assert f.outcome is PASS
    assert "project.application_date 2020-09-30" in f.message


def test_a_start_in_the_application_month_fails() -> None:
    data = merged(one(grant_start=date(2020, 9, 1)),
                  project={"application_date": date(2020, 9, 1)})
    assert rule_outcome(data, "IP25") is FAIL


def test_a_start_not_on_the_1st_fails() -> None:
    assert rule_outcome(one(grant_start=date(2020, 10, 2)), "IP25") is FAIL


def test_without_an_application_date_the_evaluation_date_is_used() -> None:
    data = merged(one(grant_start=date(2020, 10, 1)), project={"application_date": None})
    f = finding(SCHEME, data, "IP25", date(2020, 9, 30))
    assert f.outcome is PASS
    assert "the evaluation date 2020-09-30" in f.message
    assert rule_outcome(data, "IP25", date(2020, 10, 1)) is FAIL


def test_grant_start_not_stated_is_unknown() -> None:
    assert rule_outcome(one(grant_start=None), "IP25") is UNKNOWN


# --- IP27 declaration ---------------------------------------------------------------------------


def test_knowledge_based_startup_declaration() -> None:
    assert rule_outcome(BASE, "IP27") is PASS
    data = merged(BASE, declarations={"knowledge_based_startup": False})
    assert rule_outcome(data, "IP27") is FAIL
    data = merged(BASE, declarations={"knowledge_based_startup": None})
    assert rule_outcome(data, "IP27") is UNKNOWN


# --- IP32–IP38 the application form -------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "field", "limit"), [
    ("IP32", "challenges_chars", 3000),
    ("IP33", "development_chars", 2000),
    ("IP34", "results_chars", 2000),
])
def test_form_text_limits(rule_id: str, field: str, limit: int) -> None:
    assert rule_outcome(merged(BASE, application={field: limit}), rule_id) is PASS
    f = finding(SCHEME, merged(BASE, application={field: limit + 1}), rule_id, ON)
    assert f.outcome is FAIL
    assert "by 1 characters" in f.fix
    assert rule_outcome(without("application", field), rule_id) is UNKNOWN


def test_10_slides_is_about_12() -> None:
    assert rule_outcome(merged(BASE, application={"pitch_deck_slides": 10}), "IP35") is PASS


def test_9_slides_warns() -> None:
    assert rule_outcome(merged(BASE, application={"pitch_deck_slides": 9}), "IP35") is WARNING


def test_14_slides_is_about_12() -> None:
    assert rule_outcome(merged(BASE, application={"pitch_deck_slides": 14}), "IP35") is PASS


def test_15_slides_warns_but_still_fits() -> None:
    data = merged(BASE, application={"pitch_deck_slides": 15})
    assert rule_outcome(data, "IP35") is WARNING
    assert result_for(SCHEME, data, ON).verdict is Verdict.FITS


def test_slides_not_stated_are_unknown() -> None:
    assert rule_outcome(without("application", "pitch_deck_slides"), "IP35") is UNKNOWN


def test_two_page_cvs_pass() -> None:
    assert rule_outcome(merged(BASE, application={"cv_max_pages": 2}), "IP36") is PASS


def test_three_page_cvs_fail() -> None:
    assert rule_outcome(merged(BASE, application={"cv_max_pages": 3}), "IP36") is FAIL


def test_cv_length_not_stated_is_unknown() -> None:
    assert rule_outcome(without("application", "cv_max_pages"), "IP36") is UNKNOWN


def test_pdf_attachments() -> None:
    assert rule_outcome(merged(BASE, application={"attachments_pdf": True}), "IP37") is PASS
    assert rule_outcome(merged(BASE, application={"attachments_pdf": False}), "IP37") is FAIL
    assert rule_outcome(without("application", "attachments_pdf"), "IP37") is UNKNOWN


def test_25_mb_of_attachments_pass() -> None:
    assert rule_outcome(merged(BASE, application={"attachments_mb": 25}), "IP38") is PASS


def test_25_01_mb_of_attachments_fail() -> None:
    data = merged(BASE, application={"attachments_mb": Decimal("25.01")})
    assert rule_outcome(data, "IP38") is FAIL


def test_attachment_size_not_stated_is_unknown() -> None:
    assert rule_outcome(without("application", "attachments_mb"), "IP38") is UNKNOWN


# --- documents ----------------------------------------------------------------------------------


def docs(data: dict[str, Any]) -> dict[str, Any]:
    r = result_for(SCHEME, data, ON)
    return {d.document.id: d for d in r.documents}


def test_no_rehire_contract_is_needed_without_rehires() -> None:
    assert docs(BASE)["rehire_contract"].needed is False


def test_a_rehire_contract_is_needed_by_the_grant_start() -> None:
    d = docs(rehired())["rehire_contract"]
    assert d.needed is True
    assert d.document.stage is Stage.GRANT_START
    r = result_for(SCHEME, rehired(), ON)
    assert "rehire_contract" not in {d.document.id for d in r.missing_documents}


def test_the_rehire_contract_is_unknown_when_employment_status_is() -> None:
    assert docs(one(employed_at_application=None))["rehire_contract"].needed is None


def test_the_application_documents_held_leave_none_missing() -> None:
    assert result_for(SCHEME, BASE, ON).missing_documents == []


def test_a_missing_pitch_deck_is_listed() -> None:
    data = merged(BASE, documents={"held": ["innobooster_application_form", "cvs"]})
    assert [d.document.id for d in result_for(SCHEME, data, ON).missing_documents] == [
        "pitch_deck"]


def test_the_final_report_and_auditors_statement_come_after_the_project() -> None:
    d = docs(BASE)
    assert d["innobooster_final_report"].document.stage is Stage.AFTER_PROJECT
    assert d["auditor_statement"].document.stage is Stage.AFTER_PROJECT


# --- amounts ------------------------------------------------------------------------------------


def amounts_of(data: dict[str, Any]) -> Any:
    a = SCHEME.amounts
    assert a is not None
    return a(ctx_for(data, ON)).made()


def test_grant_is_the_capped_salary_subsidy_per_employee() -> None:
    a = amounts_of(BASE)
    # Anna 12 × min(30,000, 33,750) = 360,000; Bo 12 × min(30,000, 27,000) = 324,000
    assert a.max_grant == Money.of("684000", "DKK")
    assert a.cost_base == Money.of("972000", "DKK")
    assert a.own_funding == Money.of("288000", "DKK")
    assert a.own_funding_form == "salary (the company pays the rest of the funded salaries)"
    assert "DKK 684,000" in a.basis


def test_a_salary_of_40000_gives_exactly_the_monthly_maximum() -> None:
    a = amounts_of(one(monthly_salary=40_000))
    assert a.max_grant == Money.of("360000", "DKK")
    a = amounts_of(one(monthly_salary=39_999))
    assert a.max_grant == Money.of("359991", "DKK")


def test_the_company_cap_limits_four_employees() -> None:
    data = staff(*(employee(n, monthly_salary=50_000) for n in "ABCD"))
    a = amounts_of(data)
    assert a.max_grant == Money.of("1080000", "DKK")
    assert a.own_funding == Money.of("1320000", "DKK")
    assert "capped" in a.basis


def test_without_employees_the_cap_and_rate_are_shown() -> None:
    a = amounts_of(without_employees())
    assert a.max_grant == Money.of("1080000", "DKK")
    assert a.cap == Money.of("1080000", "DKK")
    assert a.rate == Decimal("0.75")
    assert a.own_funding is None
    assert a.missing == ("employees",)
    assert "derived arithmetic" in a.basis and "75 %" in a.basis


def test_without_a_salary_the_cap_is_shown_and_the_salary_asked_for() -> None:
    a = amounts_of(one(monthly_salary=None))
    assert a.max_grant == Money.of("1080000", "DKK")
    assert a.own_funding is None
    assert a.missing == ("employees[0].monthly_salary",)


def test_amounts_before_version_3_are_not_encoded() -> None:
    r = result_for(SCHEME, BASE, date(2020, 7, 1))
    assert r.amounts.amounts is None
    assert "not encoded" in r.amounts.problem


@given(st.lists(st.decimals(min_value=0, max_value=200_000, places=2), min_size=0, max_size=5))
def test_grant_never_exceeds_cap_or_rate_and_adds_up(salaries: list[Decimal]) -> None:
    data = staff(*(employee(f"E{i}", monthly_salary=s) for i, s in enumerate(salaries)))
    a = amounts_of(data)
    assert a.max_grant <= Money.of("1080000", "DKK")
    assert a.max_grant <= a.cost_base * Decimal("0.75")
    assert a.max_grant + a.own_funding == a.cost_base
    assert a.max_grant.amount >= 0


def test_the_payout_schedule_is_in_the_notes() -> None:
    assert any("50 % up front" in n and "month 6" in n and "auditor" in n
               for n in SCHEME.notes)


# --- the page text the citations quote (verbatim, for the health test) -------------------------

PAGE_EXCERPT = "\n".join((
    'Vi tager løbende imod ansøgninger frem til 1. december 2020',
    'Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder i 12 måneder til 1-3 '
    'fuldtidsansatte.',
    'Maks. 1.080.000 kr. pr. virksomhed.',
    '[1] For medarbejdere, der er ansat i virksomheden på ansøgningstidspunktet, eller som er '
    'afskediget efter 1. marts 2020.',
    'Ansøgningsmuligheden har fokus på særligt lovende videnbaserede danske startups, der '
    'allerede har opnået en validering af deres løsning i form af enten tilførsel af ekstern '
    'kapital eller omsætning. Det er derfor en forudsætning for at kunne ansøge, at '
    'virksomheden opfylder et af to krav:',
    '• Virksomheden har samlet set tiltrukket kapital på min. 500.000 kr. i form af '
    'konvertibelt lån, kapitalindskud eller bevilling fra en ekstern investor eller fra et '
    'offentligt forsknings-, udviklings- eller innovationsprogram',
    '• Virksomheden har opnået en omsætning på mindst 2 mio. kr. i seneste afsluttede '
    'regnskabsår',
    'Virksomheden skal desuden have et dansk CVR nummer for at kunne ansøge.',
    'Idet bevillingen statsstøttemæssigt gives som etableringsstøtte inden for rammerne af '
    'EU-Kommissionens generelle gruppefritagelsesforordning for statsstøtte, skal virksomheden '
    'opfylde visse betingelser. Disse er beskrevet i forordningens artikel 22, stk. 2. Kravene '
    'er i den forbindelse:',
    '• Virksomheden må på bevillingstidspunktet ikke være ældre end fem år[1]',
    '• Virksomheden må ikke have overtaget en anden virksomheds aktivitet, have udloddet '
    'overskud eller være opstået gennem fusion med et selskab, der ikke opfylder kravene under '
    'EU’s Etableringsstøtteordning',
    '• Virksomheden skal have under 50 ansatte, samt højest 10 mio. EUR i årlig omsætning eller'
    ' årlig samlet balance.',
    'Der kan ikke gives bevilling til virksomheder inden for fiskeri- og akvakultursektoren og '
    'sektoren for primærproduktion af landbrugsprodukter, jf. artikel 1, stk. 3, a) og b) i '
    'EU’s generelle gruppefritagelsesforordning.',
    '[1] Hvis virksomheden indgår i en ejerstruktur, hvor et andet selskab har bestemmende '
    'indflydelse (ejer mere end 50%), eller reel ejer har mere end 50% indflydelse, så skal '
    'disse selskaber tillige opfylde kravene under Etableringsstøtteordningen.',
    'Opfyldes ovenstående krav kan en virksomhed søge om et løntilskud på op til 30.000 kr. pr.'
    ' måned pr. medarbejder i 12 måneder til 1-3 fuldtidsansatte udviklingsmedarbejdere med en '
    'videregående uddannelse. Løntilskuddet kan medfinansiere løn til allerede ansatte '
    '(fuldtidsansatte medarbejdere der er ansat i virksomheden på ansøgningstidspunktet) samt '
    'til fuldtidsmedarbejdere, der er blevet afskediget efter 1. marts 2020 som følge af COVID '
    '19 situationen, og hvor virksomheden ønsker at genansætte de samme personer. Der kan ikke '
    'søges tilskud til \xa0at foretage nyansættelser af medarbejdere, hverken nyoprettede '
    'stillinger eller \xa0nye medarbejdere, der overtager tidligere medarbejderes stillinger.',
    'Der kan maks. søges om 1.080.000 kr. pr. virksomhed, og der gives max. 1. bevilling pr. '
    'virksomhed.',
    'Ønsker virksomheden at søge om løntilskud til mere end 1 medarbejder, er det en '
    'forudsætning, at der er et tilsvarende antal fuldtidsansatte i virksomheden på '
    'overenskomstlignende vilkår, som der ikke søges om tilskud til via Innobooster People[1]. '
    'Søges der f.eks. om løntilskud til to medarbejdere, kræver det således, at der ud over '
    'disse er to andre fuldtidsansatte medarbejdere/FTE-er i virksomheden. Der kan ikke søges '
    'løntilskud til ejere[2] af virksomheden, og disse tæller ikke med i opgørelsen af antal '
    'ansatte.',
    'Bevilling kan kun søges til navngivne medarbejdere, og medarbejderes løn skal være '
    'afklaret på ansøgningstidspunktet. For genansættelser gælder det, at der skal foreligge en'
    ' ansættelseskontrakt senest ved bevillingsperiodens start Søges der om flere personer, '
    'skal løntilskuddene dække den samme periode. Bevillingen kan tidligst gives med '
    'starttidspunkt den 1. i måneden efter, at ansøgningen er godkendt.',
    'Der kan max. søges om medfinansiering fra Innovationsfonden på 75% af lønudgifterne til '
    'hver enkelt medarbejder. Disse lønudgifter må ikke være dækket fra andre støtteordninger '
    'indført som følge af COVID-19 eller andre offentlige løntilskud. Ligeledes må de personer,'
    ' der modtages løntilskud til via Innobooster People, ikke samtidig afregne deres tid i '
    'andre projekter, der modtager tilskud fra Innovationsfonden eller andre offentlige '
    'tilskudsprogrammer, herunder Innobooster. Der kan ikke via bevillingen dækkes andre '
    'udgifter end løntilskuddet.',
    '[1] Dette kan udregnes på baggrund af antal FTE’er (Full-time Equivalent), ekskl. ejere. '
    'Dog gælder, at de medarbejdere, der søges løntilskud til, skal være fuldtidsansatte (37 '
    'timer/uge) i virksomheden.',
    '[2] Med ejer forstås en person, der ejer mindst 5% af virksomheden.',
    '• At der er tale om en videnbaseret startup med en innovativ løsning',
    '• At de medarbejdere som der søges midler til varetager udviklingsopgaver i virksomheden',
    '• At det er sandsynliggjort, at virksomheden kan opnå en væsentlig vækst og indtjening '
    'inden for 3-5 år',
    '• At virksomheden og dens resultater er tilstrækkeligt forretningsmæssigt og/eller '
    'teknologisk validerede',
    '• At virksomheden har et stærkt og kvalificeret team vurderet ud fra faglige kompetencer '
    'og erfaringer',
    '• At virksomheden har et tydeligt behov begrundet i COVID-19 situationen for tilskud for '
    'at kunne fastholde sin udviklingskapacitet',
    'Ansøgninger behandles løbende, og der tildeles midler til projekter som ud fra ovennævnte '
    'samlede vurdering baseret på vurderingskriterierne kvalificerer til en bevilling. Såfremt '
    'der er flere kvalificerede ansøgninger end budgettet kan finansiere, vil bevillinger blive'
    ' givet ud fra den rækkefølge, som ansøgningerne er indsendt i.',
    'Ansøgningen består af et kort ansøgningsskema vedhæftet et pitch deck og CV’er på de '
    'personer, der søges investering til (maks. 2 sider pr. person).',
    '• Udfordringerne: Hvilke udfordringer har virksomheden oplevet som følge af COVID-19 '
    'krisen? Hvordan ser virksomhedens finansieringshorisont/runway ud? (maks. 3000 tegn inkl. '
    'mellemrum)',
    '• Udviklingsaktiviteterne: Hvilke udviklingsopgaver skal gennemføres af de personer, der '
    'søges investering til? (maks. 2000 tegn inkl. mellemrum)',
    '• Resultaterne: Hvilke resultater forventer virksomheden af investeringen? (maks. 2000 '
    'tegn inkl. mellemrum)',
    'Pitch decket skal bestå af ca. 12 slides. Der er ikke en obligatorisk struktur for pitch '
    'decket, men følgende områder skal være omfattet:',
    "Det skal sikres, at de fremsendte CV'er er opdaterede, og afspejler, at personer, der "
    'søges tilskud til, er ansat i virksomheden på ansøgningstidspunktet.',
    'Pitch deck og CV’er skal uploades i PDF-format og må tilsammen maksimalt fylde 25 MB.',
    'Det gøres opmærksom på, at manglende overholdelse af formkrav i ansøgningsmaterialet eller'
    ' af ansøgningsfrister kan medføre, at en ansøgning afvises uden realitetsbehandling.',
    'Bevillingen udbetales med en forudbetaling på 50% af det bevilgede beløb, og herefter 25% '
    'efter 6. måned, såfremt virksomheden inden da bekræfter, at ansættelsesforholdet stadig er'
    ' gældende. Såfremt virksomheden ikke bekræfter, at ansættelsesforholdet fortsat er '
    'gældende, sættes udbetalingen i bero, indtil forholdet er bragt på plads.',
    'Afslutningsvis indsendes en rapport over virksomhedens forretningsmæssige og teknologiske '
    'udvikling i bevillingsperioden og de resultater, som er opnået på baggrund af bevillingen,'
    ' samt en revisorerklæring. Den afsluttende revisorerklæring skal bekræfte, at alle afgivne'
    ' oplysninger er korrekte, og at virksomheden og den eventuelle ejerstruktur virksomheden '
    'indgår i, kan opnå støtte under EU’setableringsstøtteordning. Den resterende udbetaling på'
    ' de sidste 25% udbetales først, når der foreligger en godkendt rapportering og en '
    'afsluttende revisorerklæring.',
    'Version 3. Præcisering af krav til ansøgende virksomhed i forhold til EU´s '
    'etableringsstøtteordning, præcisering omkring forståelse af ansatte medarbejders CV, '
    'definition af fuld tid samt præcisering af forventning til revisionserklæring. Version 3 '
    'offentliggjort d. 3. juli 2020.',
))
