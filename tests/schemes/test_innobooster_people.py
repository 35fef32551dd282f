"""Innobooster People (dk-innobooster-people): messages, fixes, unknowns, amounts, documents.

The boundary pairs (one case each side of every threshold) are data, in
tests/schemes/cases/dk-innobooster-people.toml. Evaluation date 2020-09-01 (page version 3, call
open) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Outcome, Stage, Verdict
from grantcheck.money import Money
from grantcheck.schemes import get, sections
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
        "public_ownership_percent": Decimal(0),
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


# --- the package ----------------------------------------------------------------------------------


def test_the_registry_returns_this_module() -> None:
    assert get("dk-innobooster-people") is SCHEME


def test_the_catalogue_groups_the_rules_under_its_headings_the_legal_basis_first() -> None:
    """Each rule's section gives the requirements catalogue's groups, in rule order."""
    assert sections("dk-innobooster-people") == (
        ("Legal basis", ("IP00",)),
        ("Applicant", ("IP39", "IP01", "IP02", "IP03", "IP04", "IP05", "IP06", "IP07", "IP08",
                       "IP09", "IP10", "IP11", "IP27", "IP28", "IP29", "IP30", "IP31")),
        ("Employees the grant is for", ("IP12", "IP13", "IP14", "IP15", "IP16", "IP17", "IP18",
                                        "IP20", "IP21", "IP22", "IP23", "IP24", "IP25", "IP26")),
        ("Money", ("IP19", "IP40")),
        ("Documents", ("IP32", "IP33", "IP34", "IP35", "IP36", "IP37", "IP38")),
    )


def test_eu_citations_say_they_are_not_from_the_page() -> None:
    eu_rules = {r.id for r in SCHEME.rules for c in r.cites if not c.from_page}
    assert {"IP03", "IP06", "IP07", "IP09", "IP10", "IP11"} <= eu_rules


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


def test_capital_of_499999_and_turnover_1999999_is_not() -> None:
    data = company(external_capital_raised=499_999, turnover=1_999_999)
    assert rule_outcome(data, "IP01") is FAIL
    assert "DKK 1 more" in finding(SCHEME, data, "IP01", ON).fix


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


# --- IP02 CVR -----------------------------------------------------------------------------------


def test_a_cvr_number_passes() -> None:
    assert rule_outcome(BASE, "IP02") is PASS


def test_no_cvr_number_stated_is_unknown() -> None:
    assert rule_outcome(without("company", "cvr_number"), "IP02") is UNKNOWN


# --- IP03, IP04 age -----------------------------------------------------------------------------


def test_age_is_unknown_without_a_registration_date() -> None:
    assert rule_outcome(without("company", "founded"), "IP03") is UNKNOWN


def test_age_after_gber_ends_is_not_encoded() -> None:
    f = finding(SCHEME, company(founded=date(2024, 1, 1)), "IP03", date(2027, 1, 1))
    assert f.outcome is UNKNOWN
    assert "not encoded" in f.message


def unapplied(**changes: Any) -> dict[str, Any]:
    """BASE with no application date (the award then comes after the evaluation date)."""
    data = company(**changes)
    del data["project"]["application_date"]
    return data


def test_without_an_application_date_five_on_the_evaluation_date_is_young_enough() -> None:
    assert rule_outcome(unapplied(founded=date(2015, 9, 1)), "IP03") is PASS


def test_without_an_application_date_a_day_past_five_on_the_evaluation_date_is_unknown() -> None:
    """An application left undated may have been sent before the evaluation date (as PO13 and
    SD16 read it), from 2020-05-28 (Aktstykke nr. 182) on: one sent by the anniversary may be
    in time, so the date settles it."""
    f = finding(SCHEME, unapplied(founded=date(2015, 8, 31)), "IP03", ON)
    assert f.outcome is UNKNOWN and f.missing == ("project.application_date",)
    assert "more than 5 years old on the evaluation date 2020-09-01" in f.message


def test_without_an_application_date_five_before_the_call_s_funds_is_too_old() -> None:
    """Five on 2020-05-28, the first day an application can have been sent, is young enough
    for it; five the day before is too old on every day it can have been sent."""
    assert rule_outcome(unapplied(founded=date(2015, 5, 28)), "IP03") is UNKNOWN
    f = finding(SCHEME, unapplied(founded=date(2015, 5, 27)), "IP03", ON)
    assert f.outcome is FAIL
    assert "the evaluation date (no project.application_date) 2020-09-01" in f.message


def test_age_is_measured_on_the_application_date_not_a_later_evaluation_date() -> None:
    f = finding(SCHEME, company(founded=date(2015, 9, 1)), "IP03", date(2020, 11, 15))
    assert f.outcome is PASS
    assert "the award comes after the application date 2020-09-01" in f.message


def test_an_anniversary_before_the_grant_start_says_the_award_must_come_by_then() -> None:
    f = finding(SCHEME, company(founded=date(2015, 9, 15)), "IP04", ON)
    assert f.outcome is WARNING
    assert f.fix == ("the company turns 5 on 2020-09-15, before the grant period starts on "
                     "2020-10-01: the grant must be awarded by 2020-09-15, or the company is "
                     "too old")


def test_a_grant_start_before_the_application_leaves_the_two_month_margin() -> None:
    """IP25 fails such a start; the award's bounds are then the application date alone."""
    data = staff(employee(grant_start=date(2020, 8, 1)))
    f = finding(SCHEME, merged(data, company={"founded": date(2015, 10, 15)}), "IP04", ON)
    assert f.outcome is WARNING
    assert "2 months after the application date 2020-09-01 is 2020-11-01" in f.message


def test_a_controlling_parent_turning_five_before_the_grant_start_is_noted() -> None:
    parent_ = parent(founded=date(2015, 9, 15))
    f = finding(SCHEME, company(related=[parent_]), "IP11", ON)
    assert f.outcome is PASS
    assert ("the award must come by 2020-09-15, before the grant period starts on 2020-10-01"
            in f.message)


def test_age_warning_never_changes_the_verdict() -> None:
    r = result_for(SCHEME, company(founded=date(2015, 9, 15)), ON)
    assert {f.rule.id: f.outcome for f in r.findings}["IP04"] is WARNING
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


def test_50_staff_is_not_small() -> None:
    f = finding(SCHEME, company(employees_fte=48, owners_fte=2), "IP08", ON)
    assert f.outcome is FAIL
    assert "50 AWU" in f.message


def test_working_owners_count_as_staff_and_the_message_says_why() -> None:
    """49 employees and 1 working owner: 50 staff under GBER's definition (owner-managers), not
    the page's owner-free count of the other full-time employees (IP20)."""
    f = finding(SCHEME, company(employees_fte=49, owners_fte=1), "IP08", ON)
    assert f.outcome is FAIL
    assert "the 1 working owner FTE (company.owners_fte) count as staff here" in f.message
    assert "'disse tæller ikke med i opgørelsen af antal ansatte'" in f.message


def test_without_working_owners_the_message_does_not_speak_of_them() -> None:
    """49 employees and no working owner: small, and nothing about owners to explain."""
    f = finding(SCHEME, company(employees_fte=49, owners_fte=0), "IP08", ON)
    assert f.outcome is PASS and "owner" not in f.message


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


def sister(**changes: Any) -> dict[str, Any]:
    return parent(name="Søster ApS", share_percent=0, controls_company=False, **changes)


def test_ip11_quotes_the_whole_sentence_with_the_real_owner() -> None:
    rule = next(r for r in SCHEME.rules if r.id == "IP11")
    assert any("eller reel ejer har mere end 50% indflydelse" in c.quote for c in rule.cites)


def test_a_sister_under_the_same_real_owner_is_checked_like_a_parent() -> None:
    f = finding(SCHEME, company(related=[sister(same_real_owner=True,
                                                gber22_conditions_met=False)]), "IP11", ON)
    assert f.outcome is FAIL
    assert f.message.startswith("Søster ApS is under the same real owner: registered 2016-01-01")
    assert "Søster ApS (does not meet the other start-up conditions)" in f.fix


def test_a_linked_enterprise_that_would_fail_asks_whether_it_is_under_the_same_real_owner() -> None:
    f = finding(SCHEME, company(related=[sister(gber22_conditions_met=False)]), "IP11", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("company.related[0].same_real_owner",)
    assert f.message == ("Søster ApS: not stated whether it is under the same real owner; if it "
                         "is: does not meet the other start-up conditions")


def test_a_linked_enterprise_with_unsettled_conditions_asks_the_same() -> None:
    f = finding(SCHEME, company(related=[sister(founded=None)]), "IP11", ON)
    assert f.outcome is UNKNOWN
    assert f.missing == ("company.related[0].same_real_owner",)


def test_a_partner_under_the_same_real_owner_is_checked_too() -> None:
    partner = parent(relation="partner", share_percent=30, controls_company=None,
                     same_real_owner=True, founded=date(1990, 1, 1))
    assert rule_outcome(company(related=[partner]), "IP11") is FAIL


def test_a_partner_not_said_to_be_under_the_same_real_owner_is_not_asked() -> None:
    partner = parent(relation="partner", share_percent=30, controls_company=None,
                     founded=date(1990, 1, 1), gber22_conditions_met=False)
    assert rule_outcome(company(related=[partner]), "IP11") is PASS


# --- IP12 one to three named employees ----------------------------------------------------------


def test_an_unnamed_employee_is_not_allowed() -> None:
    assert rule_outcome(one(name=""), "IP12") is FAIL


def test_employees_not_stated_is_unknown() -> None:
    assert rule_outcome(without_employees(), "IP12") is UNKNOWN


def without_employees() -> dict[str, Any]:
    data = merged(BASE)
    del data["employees"]
    return data


# --- IP13 full time -----------------------------------------------------------------------------


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


def test_two_funded_and_two_other_fte_is_enough() -> None:
    f = finding(SCHEME, company(employees_fte=4), "IP20", ON)
    assert f.outcome is PASS
    assert "4 minus 2 FTE" in f.message and "= 2 FTE" in f.message


def test_two_funded_and_less_than_two_other_fte_is_not() -> None:
    f = finding(SCHEME, company(employees_fte=Decimal("3.99")), "IP20", ON)
    assert f.outcome is FAIL
    assert "0.01" in f.fix


def test_other_employees_unknown_without_fte() -> None:
    assert rule_outcome(without("company", "employees_fte"), "IP20") is UNKNOWN


def test_other_employees_unknown_without_employment_status_where_it_decides() -> None:
    """B may or may not be among the 3.5 FTE: 1.5 or 2.5 others, unknown; among 5 FTE at least
    3 others either way (it was unknown whatever the staff)."""
    data = staff(employee("A"), employee("B", employed_at_application=None),
                 company={**BASE["company"], "employees_fte": Decimal("3.5")})
    assert rule_outcome(data, "IP20") is UNKNOWN
    data = staff(employee("A"), employee("B", employed_at_application=None))
    assert rule_outcome(data, "IP20") is PASS


def test_collective_terms_declaration_is_needed_for_two_funded() -> None:
    data = merged(BASE, declarations={"others_on_collective_terms": None})
    assert rule_outcome(data, "IP21") is UNKNOWN
    data = merged(BASE, declarations={"others_on_collective_terms": False})
    assert rule_outcome(data, "IP21") is FAIL


def test_collective_terms_declaration_is_not_needed_for_one_funded() -> None:
    data = merged(one(), declarations={"others_on_collective_terms": None})
    assert rule_outcome(data, "IP21") is PASS


# --- IP22 owners --------------------------------------------------------------------------------


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


def test_without_an_application_date_the_evaluation_date_is_used() -> None:
    data = merged(one(grant_start=date(2020, 10, 1)), project={"application_date": None})
    f = finding(SCHEME, data, "IP25", date(2020, 9, 30))
    assert f.outcome is PASS
    assert "the evaluation date 2020-09-30" in f.message
    # on 2020-10-01 an application sent then allows 2020-11-01, an earlier one 2020-10-01
    f = finding(SCHEME, data, "IP25", date(2020, 10, 1))
    assert f.outcome is UNKNOWN and f.missing == ("project.application_date",)


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


def test_slides_not_stated_are_unknown() -> None:
    assert rule_outcome(without("application", "pitch_deck_slides"), "IP35") is UNKNOWN


def test_cv_length_not_stated_is_unknown() -> None:
    assert rule_outcome(without("application", "cv_max_pages"), "IP36") is UNKNOWN


def test_pdf_attachments() -> None:
    assert rule_outcome(merged(BASE, application={"attachments_pdf": True}), "IP37") is PASS
    assert rule_outcome(merged(BASE, application={"attachments_pdf": False}), "IP37") is FAIL
    assert rule_outcome(without("application", "attachments_pdf"), "IP37") is UNKNOWN


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


def test_without_a_salary_one_employee_gets_at_most_12_months_of_30000() -> None:
    """'Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder i 12 måneder': one listed
    employee without a salary can get at most DKK 360,000, not the company's DKK 1,080,000."""
    a = amounts_of(one(monthly_salary=None))
    assert a.max_grant == Money.of("360000", "DKK")
    assert a.own_funding is None
    assert a.missing == ("employees[0].monthly_salary",)
    assert "the monthly salary of 1 of the 1 funded employees is not stated" in a.basis


def test_a_missing_salary_counts_the_full_subsidy_beside_the_known_ones() -> None:
    # Anna 12 × min(30,000, 75 % × 45,000) = 360,000; Bo unstated: at most 360,000
    a = amounts_of(staff(employee("Anna"), employee("Bo", monthly_salary=None)))
    assert a.max_grant == Money.of("720000", "DKK")
    a = amounts_of(staff(employee("Anna", monthly_salary=30_000),
                         employee("Bo", monthly_salary=None)))
    assert a.max_grant == Money.of("630000", "DKK")  # 12 × 22,500 + 360,000
    a = amounts_of(staff(*(employee(n, monthly_salary=None) for n in "ABCD")))
    assert a.max_grant == Money.of("1080000", "DKK")  # 4 × 360,000, capped
    assert "capped at DKK 1,080,000" in a.basis


def test_amounts_before_version_3_are_not_encoded() -> None:
    r = result_for(SCHEME, BASE, date(2020, 7, 1))
    assert r.amounts.amounts is None
    assert "not encoded" in r.amounts.problem


def test_amounts_on_gbers_last_day_are_shown() -> None:
    """2026-12-31: GBER art. 22, under which the grant is given, still applies."""
    assert result_for(SCHEME, BASE, date(2026, 12, 31)).amounts.amounts is not None


def test_amounts_after_gber_are_not_encoded() -> None:
    """2027-01-01: 'Tilskud tildeles under … gruppefritagelsesforordning …, artikel 22', which
    applies until 2026-12-31: no amount, and no 'fits'."""
    r = result_for(SCHEME, BASE, date(2027, 1, 1))
    assert r.amounts.amounts is None and "2026-12-31" in r.amounts.problem
    assert r.verdict_if_open is Verdict.NEEDS_INFORMATION


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


def test_without_an_application_date_the_evaluation_dates_call_status_decides() -> None:
    """IP39 reads no date into a missing one: it says the application is the evaluation
    date's, whose call status the verdict already shows."""
    data = without("project", "application_date")
    f = finding(SCHEME, data, "IP39", ON)
    assert f.outcome is INFO
    assert "read as sent on the evaluation date 2020-09-01" in f.message
    assert "last open day is 2020-12-01" in f.message
