"""Bedriftsnettverk (Innovasjon Norge): boundary pairs per rule, verdicts, amounts, rulebook health.

The citations are checked against the vendored page by tests/test_citations.py.
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Amounts, Ctx, Kind, Outcome, Verdict
from grantcheck.money import Money
from grantcheck.schemes.no_bedriftsnettverk import grant, page, parameters
from grantcheck.schemes.no_bedriftsnettverk.scheme import SCHEME
from tests.support import ctx_for, finding, merged, outcome, result_for

# --- profiles ------------------------------------------------------------------------------------


def sme_company(name: str, **overrides: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "name": name, "kind": "company", "country": "NO", "sme": True,
        "established_in_norway": True, "sound_finances": True,
        "registered_in_foretaksregisteret": True, "private": True, "ownership_links": [],
    }
    p.update(overrides)
    return p


def foreign_company(name: str) -> dict[str, Any]:
    return {"name": name, "kind": "company", "country": "SE", "sme": False,
            "established_in_norway": False, "private": True, "ownership_links": []}


NTNU: dict[str, Any] = {
    "name": "NTNU", "kind": "knowledge_actor", "country": "NO", "established_in_norway": True,
    "private": False, "ownership_links": [],
}

BASE: dict[str, Any] = {
    "company": {
        "name": "Acme AS", "country": "NO", "legal_form": "limited_company",
        "employees_fte": Decimal(10),
        "owners_fte": Decimal(1), "turnover": Decimal(5_000_000),
        "balance_sheet_total": Decimal(2_000_000), "related": [],
        "public_ownership_percent": Decimal(0),
        "economic_activity_in_norway": True, "registered_in_foretaksregisteret": True,
    },
    "declarations": {
        "sound_finances": True, "network_growth_ambitions": True,
        "network_market_purpose": True, "network_strategic_cooperation": True,
    },
    "network": {
        "project_year": 1, "duration_years": 3, "applicant_ownership_links": [],
        "participants": [sme_company("B AS"), sme_company("C AS"), NTNU],
    },
    "project": {"budget_total": Decimal(2_000_000), "grant_sought": Decimal(750_000)},
    "documents": {"held": ["letter_of_intent", "network_application_form"]},
}


def with_participants(*participants: dict[str, Any], **company: Any) -> dict[str, Any]:
    data = merged(BASE, network={"participants": list(participants)})
    data["company"].update(company)
    return data


def without(data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    del out[section][key]
    return out


def network(**values: Any) -> dict[str, Any]:
    return merged(BASE, network=values)


def project(**values: Any) -> dict[str, Any]:
    return merged(BASE, project=values)


# --- what the package states ---------------------------------------------------------------







def test_the_warning_window_says_it_is_grantchecks_choice() -> None:
    note = parameters.YEAR2_WARNING_MONTHS.source.note
    assert "grantcheck's choice" in note and "not the page's" in note



def test_the_budget_rules_citations_are_exported_for_grantcheck_budget() -> None:
    assert "kontantinnbetaling" in page.C_KONTANT.quote
    assert "Bokførte kostnader" in page.C_BOKFORTE.quote
    assert "privat virksomhet i Norge" in page.C_PRIVATE.quote
    assert "egenfinansiering" in page.C_EGENFINANSIERING.quote
    kinds = {r.id: r.kind for r in SCHEME.rules}
    for rule_id in ("BN14", "BN15", "BN18", "BN19", "BN20"):
        assert kinds[rule_id] is Kind.INFO


def test_soft_and_declaration_kinds() -> None:
    kinds = {r.id: r.kind for r in SCHEME.rules}
    assert [i for i, k in kinds.items() if k is Kind.SOFT] == ["BN10", "BN22"]
    assert [i for i, k in kinds.items() if k is Kind.DECLARATION] == [
        "BN01", "BN06", "BN12", "BN13"]


def test_the_notes_name_the_unnamed_sector_exclusions_and_the_budget_command() -> None:
    text = " ".join(SCHEME.notes)
    assert "does not name" in text
    assert "grantcheck budget" in text
    assert "examples" in text
    assert "relevant og aktuell for nærmere vurdering" in SCHEME.fit_wording


# --- BN01, BN06, BN12, BN13: declarations -------------------------------------------------------

DECLARATIONS = [("BN01", "network_growth_ambitions"), ("BN06", "sound_finances"),
                ("BN12", "network_market_purpose"), ("BN13", "network_strategic_cooperation")]


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_made_passes(rule_id: str, name: str) -> None:
    assert outcome(SCHEME, BASE, rule_id) is Outcome.PASS


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_denied_fails(rule_id: str, name: str) -> None:
    assert outcome(SCHEME, merged(BASE, declarations={name: False}), rule_id) is Outcome.FAIL


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_left_out_is_unknown(rule_id: str, name: str) -> None:
    f = finding(SCHEME, without(BASE, "declarations", name), rule_id)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == (f"declarations.{name}",)


def test_an_applicant_in_difficulty_has_no_sound_finances_whatever_it_declares() -> None:
    """'ha sunn økonomi': bankruptcy or restructuring (company.in_difficulty) settles BN06."""
    for declarations in ({"sound_finances": True}, {}):
        data = merged(BASE, company={"in_difficulty": True})
        data["declarations"] = {**without(BASE, "declarations", "sound_finances")["declarations"],
                                **declarations}
        f = finding(SCHEME, data, "BN06")
        assert f.outcome is Outcome.FAIL
        assert "company.in_difficulty = true" in str(f.message)
    assert result_for(SCHEME, merged(BASE, company={"in_difficulty": True})).verdict \
        is Verdict.DOES_NOT_FIT


def test_an_applicant_not_in_difficulty_still_declares_sound_finances() -> None:
    not_in_difficulty = merged(BASE, company={"in_difficulty": False})
    assert outcome(SCHEME, not_in_difficulty, "BN06") is Outcome.PASS
    f = finding(SCHEME, without(not_in_difficulty, "declarations", "sound_finances"), "BN06")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("declarations.sound_finances",)


# --- BN02: information; BN04: the applicant is one of the participating companies --------------


def test_the_sector_note_says_the_exclusions_are_not_named() -> None:
    f = finding(SCHEME, BASE, "BN02")
    assert f.outcome is Outcome.INFO
    assert "does not name" in f.message


def test_the_applicant_is_counted_as_a_participant() -> None:
    f = finding(SCHEME, BASE, "BN04")
    assert f.outcome is Outcome.PASS
    assert "Acme AS" in f.message and "4 participants" in f.message


def test_a_public_body_is_not_one_of_the_participating_companies() -> None:
    """'én av deltaker-bedriftene tar rollen som søkerbedrift/administrator': a kommunalt
    foretak is registered in Foretaksregisteret, but it is a public body, not a company."""
    data = merged(BASE, company={"name": "Acme KF", "legal_form": "public_body"})
    f = finding(SCHEME, data, "BN04")
    assert f.outcome is Outcome.FAIL
    assert f.message == ("Acme KF is a public body (company.legal_form = public_body), not one "
                         "of the participating companies («én av deltaker-bedriftene»)")
    assert f.fix == ("let one of the participating companies apply as søkerbedrift/administrator "
                     "for the network")


def test_an_unstated_legal_form_leaves_the_applicant_open() -> None:
    f = finding(SCHEME, without(BASE, "company", "legal_form"), "BN04")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.legal_form",)


# --- BN03: at most three years -------------------------------------------------------------------


def test_three_years_is_allowed() -> None:
    assert outcome(SCHEME, network(duration_years=3), "BN03") is Outcome.PASS


def test_four_years_is_not() -> None:
    f = finding(SCHEME, network(duration_years=4), "BN03")
    assert f.outcome is Outcome.FAIL
    assert "4 years > 3 years" in f.message and f.fix


def test_a_duration_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(BASE, "network", "duration_years"), "BN03")
    assert f.outcome is Outcome.UNKNOWN
    assert "network.duration_years" in f.missing


def _dated(start: date, end: date) -> dict[str, Any]:
    return merged(without(BASE, "network", "duration_years"),
                  project={"start": start, "end": end})


def test_a_project_ending_on_the_last_day_of_year_three_is_allowed() -> None:
    assert outcome(SCHEME, _dated(date(2025, 1, 1), date(2027, 12, 31)), "BN03") is Outcome.PASS


def test_a_project_ending_one_day_later_is_not() -> None:
    f = finding(SCHEME, _dated(date(2025, 1, 1), date(2028, 1, 1)), "BN03")
    assert f.outcome is Outcome.FAIL
    assert "2027-12-31" in f.fix


def test_a_project_from_29_february_may_end_on_28_february() -> None:
    assert outcome(SCHEME, _dated(date(2024, 2, 29), date(2027, 2, 28)), "BN03") is Outcome.PASS
    assert outcome(SCHEME, _dated(date(2024, 2, 29), date(2027, 3, 1)), "BN03") is Outcome.FAIL


def test_dates_longer_than_the_stated_duration_fail() -> None:
    data = merged(BASE, project={"start": date(2025, 1, 1), "end": date(2028, 6, 30)})
    assert outcome(SCHEME, data, "BN03") is Outcome.FAIL


# --- BN05, BN07: the applicant ------------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "field"), [
    ("BN05", "economic_activity_in_norway"), ("BN07", "registered_in_foretaksregisteret")])
def test_the_applicant_condition_holds(rule_id: str, field: str) -> None:
    assert outcome(SCHEME, BASE, rule_id) is Outcome.PASS


@pytest.mark.parametrize(("rule_id", "field"), [
    ("BN05", "economic_activity_in_norway"), ("BN07", "registered_in_foretaksregisteret")])
def test_the_applicant_condition_fails(rule_id: str, field: str) -> None:
    f = finding(SCHEME, merged(BASE, company={field: False}), rule_id)
    assert f.outcome is Outcome.FAIL and f.fix


@pytest.mark.parametrize(("rule_id", "field"), [
    ("BN05", "economic_activity_in_norway"), ("BN07", "registered_in_foretaksregisteret")])
def test_the_applicant_condition_not_stated_is_unknown(rule_id: str, field: str) -> None:
    f = finding(SCHEME, without(BASE, "company", field), rule_id)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == (f"company.{field}",)


# --- BN08: at least three SMEs -----------------------------------------------------------------


def test_three_smes_is_enough() -> None:
    f = finding(SCHEME, BASE, "BN08")
    assert f.outcome is Outcome.PASS
    assert "3 of 4 participants" in f.message
    assert "small" in f.message  # the applicant's SME status and figures are shown


def test_two_smes_is_not() -> None:
    f = finding(SCHEME, with_participants(sme_company("B AS"), NTNU), "BN08")
    assert f.outcome is Outcome.FAIL
    assert "only 2 of 3" in f.message
    assert "1 more" in f.fix


def test_the_applicant_counts_when_it_is_an_sme() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS"))
    assert outcome(SCHEME, data, "BN08") is Outcome.PASS


def test_a_large_applicant_does_not_count() -> None:
    f = finding(SCHEME, merged(BASE, company={"employees_fte": Decimal(250)}), "BN08")
    assert f.outcome is Outcome.FAIL
    assert "Acme AS (applicant) (not an SME)" in f.message


def test_an_applicant_of_249_staff_counts() -> None:
    data = merged(BASE, company={"employees_fte": Decimal(248)})  # plus one working owner
    assert outcome(SCHEME, data, "BN08") is Outcome.PASS


def test_an_applicant_without_sound_finances_does_not_count() -> None:
    data = merged(BASE, declarations={"sound_finances": False})
    assert outcome(SCHEME, data, "BN08") is Outcome.FAIL


def test_an_sme_without_business_in_norway_does_not_count() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AB", established_in_norway=False))
    f = finding(SCHEME, data, "BN08")
    assert f.outcome is Outcome.FAIL
    assert "C AB (no established business in Norway)" in f.message


def test_an_sme_without_sound_finances_does_not_count() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS", sound_finances=False))
    assert outcome(SCHEME, data, "BN08") is Outcome.FAIL


def test_a_knowledge_actor_is_not_an_sme() -> None:
    actor = sme_company("SINTEF", kind="knowledge_actor")
    data = with_participants(sme_company("B AS"), actor)
    f = finding(SCHEME, data, "BN08")
    assert f.outcome is Outcome.FAIL
    assert "SINTEF (not a company)" in f.message


def test_a_participant_of_249_staff_is_an_sme_from_its_figures() -> None:
    c = sme_company("C AS", sme=None, staff=Decimal(249), turnover=Decimal(10_000_000))
    assert outcome(SCHEME, with_participants(sme_company("B AS"), c), "BN08") is Outcome.PASS


def test_a_participant_of_250_staff_is_not() -> None:
    c = sme_company("C AS", sme=None, staff=Decimal(250), turnover=Decimal(10_000_000))
    assert outcome(SCHEME, with_participants(sme_company("B AS"), c), "BN08") is Outcome.FAIL


def test_an_unknown_that_could_decide_makes_the_count_unknown() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS", sme=None), NTNU)
    f = finding(SCHEME, data, "BN08")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[1].sme",)


def test_an_unknown_does_not_matter_once_three_are_known() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS"),
                             sme_company("D AS", sme=None, sound_finances=None))
    assert outcome(SCHEME, data, "BN08") is Outcome.PASS


def test_an_unknown_does_not_matter_when_three_cannot_be_reached() -> None:
    data = with_participants(sme_company("B AS"), sme_company("D AS", sme=None),
                             employees_fte=Decimal(400))
    assert outcome(SCHEME, data, "BN08") is Outcome.FAIL


def test_the_applicants_size_not_stated_is_unknown() -> None:
    data = without(with_participants(sme_company("B AS"), sme_company("C AS")), "company",
                   "employees_fte")
    f = finding(SCHEME, data, "BN08")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.employees_fte",)


def test_participants_not_listed_is_unknown() -> None:
    f = finding(SCHEME, without(BASE, "network", "participants"), "BN08")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants",)


# --- BN09: registered in Foretaksregisteret ---------------------------------------------------


def test_three_registered_smes_are_enough() -> None:
    assert outcome(SCHEME, BASE, "BN09") is Outcome.PASS


def test_an_unregistered_sme_of_three_is_not() -> None:
    data = with_participants(sme_company("B AS"),
                             sme_company("C AS", registered_in_foretaksregisteret=False))
    f = finding(SCHEME, data, "BN09")
    assert f.outcome is Outcome.FAIL
    assert "register C AS in Foretaksregisteret" in f.fix


def test_an_unregistered_applicant_leaves_two() -> None:
    data = merged(BASE, company={"registered_in_foretaksregisteret": False})
    assert outcome(SCHEME, data, "BN09") is Outcome.FAIL


def test_a_fourth_unregistered_sme_does_not_stop_the_network() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS"),
                             sme_company("D AS", registered_in_foretaksregisteret=False))
    assert outcome(SCHEME, data, "BN09") is Outcome.PASS


def test_registration_not_stated_is_unknown() -> None:
    data = with_participants(sme_company("B AS"),
                             sme_company("C AS", registered_in_foretaksregisteret=None))
    f = finding(SCHEME, data, "BN09")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[1].registered_in_foretaksregisteret",)


# --- BN10: normally no ownership ---------------------------------------------------------------


def test_no_ownership_links_pass() -> None:
    assert outcome(SCHEME, BASE, "BN10") is Outcome.PASS


def test_one_ownership_link_between_participants_warns() -> None:
    data = with_participants(sme_company("B AS", ownership_links=["C AS"]), sme_company("C AS"))
    f = finding(SCHEME, data, "BN10")
    assert f.outcome is Outcome.WARNING
    assert "B AS – C AS" in f.message and f.fix


def test_an_ownership_link_of_the_applicant_warns() -> None:
    data = network(applicant_ownership_links=["B AS"])
    assert outcome(SCHEME, data, "BN10") is Outcome.WARNING


def test_ownership_not_stated_is_unknown() -> None:
    data = with_participants(sme_company("B AS"), sme_company("C AS", ownership_links=None))
    f = finding(SCHEME, data, "BN10")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[1].ownership_links",)


def test_a_known_link_warns_even_when_others_are_not_stated() -> None:
    data = without(network(applicant_ownership_links=["B AS"]), "network", "participants")
    assert outcome(SCHEME, data, "BN10") is Outcome.WARNING


def test_an_ownership_link_does_not_change_the_verdict() -> None:
    data = network(applicant_ownership_links=["B AS"])
    assert result_for(SCHEME, data).verdict is Verdict.FITS


# --- BN11: Norwegian SMEs at least half of the participants -------------------------------------

LARGE = sme_company("Big ASA", sme=False)


def test_two_norwegian_smes_of_four_participants_is_enough() -> None:
    f = finding(SCHEME, with_participants(sme_company("B AS"), LARGE, NTNU), "BN11")
    assert f.outcome is Outcome.PASS
    assert f.message.startswith("2 Norwegian SMEs of 4 participants (50 %; at least 50 %")


def test_two_norwegian_smes_of_five_participants_is_not() -> None:
    data = with_participants(sme_company("B AS"), LARGE, NTNU, foreign_company("Volvo AB"))
    f = finding(SCHEME, data, "BN11")
    assert f.outcome is Outcome.FAIL
    assert "(40 %; at least 50 % required)" in f.message
    assert f.fix == "add 1 Norwegian SME(s), or have 1 fewer other participants"


def _many(smes: int, others: int) -> dict[str, Any]:
    ps = [sme_company(f"SME {i}") for i in range(smes)]
    ps += [foreign_company(f"Foreign {i}") for i in range(others)]
    return with_participants(*ps)


def test_fifty_of_a_hundred_is_enough() -> None:
    assert outcome(SCHEME, _many(49, 50), "BN11") is Outcome.PASS  # 49 + the applicant


def test_forty_nine_of_ninety_nine_is_not() -> None:
    f = finding(SCHEME, _many(48, 50), "BN11")
    assert f.outcome is Outcome.FAIL
    assert "49 Norwegian SMEs of 99 participants (49.4 %" in f.message


def test_a_foreign_sme_is_not_a_norwegian_sme() -> None:
    foreign_sme = sme_company("Small AB", country="SE", established_in_norway=False)
    data = with_participants(foreign_sme, LARGE, NTNU)
    assert outcome(SCHEME, data, "BN11") is Outcome.FAIL


def test_an_unknown_that_could_reach_half_is_unknown() -> None:
    d = sme_company("D AS", established_in_norway=None)
    data = with_participants(sme_company("B AS"), LARGE, d, foreign_company("Volvo AB"))
    f = finding(SCHEME, data, "BN11")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[2].established_in_norway",)


def test_an_unknown_does_not_matter_above_half() -> None:
    d = sme_company("D AS", established_in_norway=None)
    assert outcome(SCHEME, with_participants(sme_company("B AS"), sme_company("C AS"), NTNU, d),
                   "BN11") is Outcome.PASS


def test_an_sme_applicant_alone_is_half_of_two() -> None:
    assert outcome(SCHEME, with_participants(NTNU), "BN11") is Outcome.PASS


# --- BN14, BN15, BN18, BN19, BN20: budget-line information --------------------------------------


def test_the_eligible_costs_are_examples() -> None:
    f = finding(SCHEME, BASE, "BN14")
    assert f.outcome is Outcome.INFO and "examples" in f.message


def test_booked_costs_name_the_grant_sought() -> None:
    f = finding(SCHEME, BASE, "BN15")
    assert f.outcome is Outcome.INFO and "NOK 750,000" in f.message
    assert "grantcheck budget" in f.message


def test_own_financing_is_shown_from_the_budget() -> None:
    f = finding(SCHEME, BASE, "BN18")
    assert f.outcome is Outcome.INFO
    assert "own financing NOK 1,250,000 (62.5 %)" in f.message
    assert "at least NOK 1,000,000" in f.message


def test_own_financing_without_figures_states_the_rule() -> None:
    f = finding(SCHEME, without(BASE, "project", "budget_total"), "BN18")
    assert f.outcome is Outcome.INFO and "at least 50 %" in f.message


def test_the_cash_payment_rule_points_to_the_budget_command() -> None:
    f = finding(SCHEME, BASE, "BN19")
    assert f.outcome is Outcome.INFO and "grantcheck budget" in f.message


def test_participants_outside_private_business_pay_cash_only() -> None:
    f = finding(SCHEME, BASE, "BN20")
    assert f.outcome is Outcome.INFO
    assert "cash only: NTNU" in f.message


# --- BN16: at most NOK 750,000 per year --------------------------------------------------------


def test_a_grant_of_750000_is_within_the_cap() -> None:
    assert outcome(SCHEME, project(grant_sought=Decimal(750_000)), "BN16") is Outcome.PASS


def test_a_grant_of_750000_01_is_not() -> None:
    f = finding(SCHEME, project(grant_sought=Decimal("750000.01")), "BN16")
    assert f.outcome is Outcome.FAIL
    assert "NOK 0.01 less" in f.fix


def test_no_grant_stated_only_informs() -> None:
    f = finding(SCHEME, without(BASE, "project", "grant_sought"), "BN16")
    assert f.outcome is Outcome.INFO and "NOK 750,000" in f.message


DK = {"name": "Dansk ApS", "country": "DK"}


def test_the_cap_is_converted_for_a_company_in_another_currency() -> None:
    data = merged(BASE, company=DK, project={"grant_sought": Decimal("508636.36")})
    f = finding(SCHEME, data, "BN16")
    assert f.outcome is Outcome.PASS
    assert "DKK 508,636.36" in f.message and "11.0000 NOK" in f.message
    data = merged(BASE, company=DK, project={"grant_sought": Decimal("508636.37")})
    assert outcome(SCHEME, data, "BN16") is Outcome.FAIL


def test_the_converted_cap_follows_the_rates_of_each_evaluation() -> None:
    """The converted cap is remembered per date and rates: other rates give another cap, and a
    remembered one still lists its rates as used."""
    data = merged(BASE, company=DK, project={"grant_sought": Decimal(1)})
    for nok, cap in (("11.0000", "DKK 508,636.36"), ("12.0000", "DKK 466,250"),
                     ("11.0000", "DKK 508,636.36")):
        ctx = ctx_for(data, rates={"NOK": Decimal(nok), "DKK": Decimal("7.4600")})
        f = next(r for r in SCHEME.rules if r.id == "BN16").evaluate(ctx)
        assert f"≤ {cap} per project year" in f.message and f"{nok} NOK" in f.message
        assert set(ctx.fx.used) == {"NOK", "DKK"}


# --- BN17: public support at most 50 % --------------------------------------------------------


def test_half_of_the_costs_is_allowed() -> None:
    data = project(budget_total=Decimal(1_000_000), grant_sought=Decimal(500_000))
    f = finding(SCHEME, data, "BN17")
    assert f.outcome is Outcome.PASS
    assert "(50 % of the eligible costs NOK 1,000,000)" in f.message


def test_a_cent_more_than_half_is_not() -> None:
    data = project(budget_total=Decimal(1_000_000), grant_sought=Decimal("500000.01"))
    f = finding(SCHEME, data, "BN17")
    assert f.outcome is Outcome.FAIL
    assert "seek at most NOK 500,000" in f.fix


def test_a_grant_without_a_budget_is_unknown() -> None:
    f = finding(SCHEME, without(BASE, "project", "budget_total"), "BN17")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.budget_total",)


def test_no_grant_stated_only_informs_about_the_rate() -> None:
    f = finding(SCHEME, without(BASE, "project", "grant_sought"), "BN17")
    assert f.outcome is Outcome.INFO and "50 %" in f.message


def test_a_zero_budget_with_a_grant_fails() -> None:
    data = project(budget_total=Decimal(0), grant_sought=Decimal(1))
    assert outcome(SCHEME, data, "BN17") is Outcome.FAIL


# --- BN21: one project year at a time, at most three ------------------------------------------


def test_project_year_three_is_allowed() -> None:
    assert outcome(SCHEME, network(project_year=3), "BN21") is Outcome.PASS


def test_project_year_four_is_not() -> None:
    assert outcome(SCHEME, network(project_year=4), "BN21") is Outcome.FAIL


def test_project_year_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(BASE, "network", "project_year"), "BN21")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("network.project_year",)


# --- BN22, BN23: the year-2 application ---------------------------------------------------------

YEAR2 = network(project_year=2, year1_end=date(2027, 1, 1))  # grantcheck warns from 2026-11-01


def test_year_two_more_than_two_months_ahead_is_in_good_time() -> None:
    assert outcome(SCHEME, YEAR2, "BN22", on=date(2026, 10, 31)) is Outcome.PASS


def test_year_two_two_months_ahead_warns() -> None:
    f = finding(SCHEME, YEAR2, "BN22", on=date(2026, 11, 1))
    assert f.outcome is Outcome.WARNING
    assert "61 days" in f.message and f.fix


def test_the_window_ends_on_the_last_day_of_a_shorter_month() -> None:
    data = network(project_year=2, year1_end=date(2027, 4, 30))
    assert outcome(SCHEME, data, "BN22", on=date(2027, 2, 27)) is Outcome.PASS
    assert outcome(SCHEME, data, "BN22", on=date(2027, 2, 28)) is Outcome.WARNING


def test_year_two_on_the_last_day_warns_but_is_not_late() -> None:
    assert outcome(SCHEME, YEAR2, "BN22", on=date(2027, 1, 1)) is Outcome.WARNING
    assert outcome(SCHEME, YEAR2, "BN23", on=date(2027, 1, 1)) is Outcome.PASS


def test_year_two_after_year_one_has_ended_fails() -> None:
    assert outcome(SCHEME, YEAR2, "BN22", on=date(2027, 1, 2)) is Outcome.WARNING
    f = finding(SCHEME, YEAR2, "BN23", on=date(2027, 1, 2))
    assert f.outcome is Outcome.FAIL and "network.year1_end" in f.fix


@pytest.mark.parametrize("year", [1, 3])
def test_the_year_two_rules_do_not_apply_to_other_years(year: int) -> None:
    data = network(project_year=year, year1_end=date(2026, 1, 1))
    for rule_id in ("BN22", "BN23"):
        f = finding(SCHEME, data, rule_id)
        assert f.outcome is Outcome.PASS and "not applicable" in f.message


def test_year_one_end_not_stated_is_unknown() -> None:
    data = network(project_year=2)
    for rule_id in ("BN22", "BN23"):
        f = finding(SCHEME, data, rule_id)
        assert f.outcome is Outcome.UNKNOWN and f.missing == ("network.year1_end",)


# --- verdicts -----------------------------------------------------------------------------------


def test_a_complete_network_fits() -> None:
    r = result_for(SCHEME, BASE)
    assert r.verdict is Verdict.FITS
    assert r.status == "open" and r.status_text == "continuous intake, no deadline"
    assert r.missing_documents == []
    assert not [f for f in r.findings if f.outcome in (Outcome.WARNING, Outcome.UNKNOWN)]


def test_a_network_of_two_smes_does_not_fit() -> None:
    r = result_for(SCHEME, with_participants(sme_company("B AS"), NTNU))
    assert r.verdict is Verdict.DOES_NOT_FIT
    failed_ids = {f.rule.id for f in r.findings if f.outcome is Outcome.FAIL}
    assert failed_ids == {"BN08", "BN09"}


def test_a_profile_without_declarations_needs_information() -> None:
    data = copy.deepcopy(BASE)
    del data["declarations"]
    r = result_for(SCHEME, data)
    assert r.verdict is Verdict.NEEDS_INFORMATION
    missing = {m for f in r.findings for m in f.missing}
    assert "declarations.network_market_purpose" in missing


@pytest.mark.parametrize("on", [date(2015, 1, 1), date(2026, 11, 1), date(2031, 12, 31)])
def test_the_intake_is_open_on_any_date(on: date) -> None:
    assert result_for(SCHEME, BASE, on=on).status == "open"


def test_the_letter_of_intent_is_listed_when_not_held() -> None:
    data = merged(BASE, documents={"held": ["network_application_form"]})
    r = result_for(SCHEME, data)
    assert [d.document.id for d in r.missing_documents] == ["letter_of_intent"]


# --- amounts ------------------------------------------------------------------------------------


def amounts_for(data: dict[str, Any]) -> Amounts:
    return grant.amounts(ctx_for(data)).made()


@pytest.mark.parametrize(("budget", "grant", "own"), [
    ("1000000", "500000", "500000"),
    ("1500000", "750000", "750000"),
    ("1500000.02", "750000", "750000.02"),
    ("2000000", "750000", "1250000"),
    ("1000000.01", "500000.00", "500000.01"),
    ("0", "0", "0"),
])
def test_the_grant_is_half_the_budget_up_to_the_cap(budget: str, grant: str, own: str) -> None:
    a = amounts_for(project(budget_total=Decimal(budget)))
    assert a.max_grant == Money.of(grant, "NOK")
    assert a.own_funding == Money.of(own, "NOK")
    assert a.own_funding_form == "cash, hours or direct expenses"
    assert a.rate == Decimal("0.5") and a.cap == Money.of(750_000, "NOK")


def test_the_basis_names_the_derived_three_year_total() -> None:
    a = amounts_for(BASE)
    assert "NOK 2,250,000" in a.basis and "derived" in a.basis


def test_without_a_budget_the_cap_and_rate_are_shown() -> None:
    a = amounts_for(without(BASE, "project", "budget_total"))
    assert a.max_grant == Money.of(750_000, "NOK")
    assert a.own_funding is None
    assert "50 %" in a.basis and "NOK 750,000" in a.basis and "NOK 2,250,000" in a.basis
    assert a.missing == ("project.budget_total",)


def test_a_company_in_another_currency_gets_the_converted_cap() -> None:
    a = amounts_for(without(merged(BASE, company=DK), "project", "budget_total"))
    assert a.max_grant == Money.of("508636.36", "DKK")
    assert "11.0000 NOK" in a.basis and "7.4600 DKK" in a.basis


MONEY = st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False,
                    allow_infinity=False)


@given(budget=MONEY, danish=st.booleans())
def test_the_grant_never_exceeds_cap_or_rate_and_adds_up(budget: Decimal, danish: bool) -> None:
    data = project(budget_total=budget)
    if danish:
        data = merged(data, company=DK)
    ctx: Ctx = ctx_for(data)
    a = grant.amounts(ctx).made()
    assert a.max_grant is not None and a.own_funding is not None and a.cap is not None
    assert a.max_grant <= a.cap
    assert a.max_grant.amount <= budget * Decimal("0.5")
    assert a.max_grant.amount + a.own_funding.amount == budget
    assert a.max_grant.amount >= 0
