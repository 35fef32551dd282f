"""Bedriftsnettverk's cost rules: boundary pairs on both sides of every threshold, the unknown
cases, each category's decision, and the money invariants (hypothesis).

The page's sentences the new citations quote are pasted below (tests never read ../shared).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.budget import checker
from grantcheck.budget.core import GrantPart, LineStatus
from grantcheck.budget.model import Category
from grantcheck.budget.result import BudgetResult
from grantcheck.engine import Kind, Outcome
from grantcheck.schemes.no_bedriftsnettverk import budget as bnb
from grantcheck.schemes.no_bedriftsnettverk import budget_lines, page, parameters
from grantcheck.schemes.no_bedriftsnettverk.scheme import SCHEME as BN_SCHEME
from tests.budget.support import D, budget_for, cost_rules, line, rule, rule_outcome

SID = "no-bedriftsnettverk"

PAGE_COSTS = "\n".join((
    "Det kan søkes støtte til hovedprosjekter til delfinansiering av kostnader knyttet til"
    " felles utviklingsaktiviteter som er strategisk viktige for å realisere felles mål."
    " Eksempler på kostnader som kan inngå i støttegrunnlaget er:",
    " • Søkerbedrift/administrators direkte kostnader til prosjektledelse, fasilitering og"
    " administrasjon samt kjøp av ekstern bistand og andre tjenester",
    " • Deltakerbedriftenes direkte innsats i samarbeidsprosjektet i form av timer utført av"
    " kompetent personell til gjennomføring av avtalte prosjektaktiviteter",
    " • Deltakerbedriftenes direkte utgifter (reiseutgifter) i forbindelse med arbeid innenfor"
    " samarbeidsprosjektet og delprosjekter",
    " • Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige"
    " støtten",
))

# --- profiles and lines --------------------------------------------------------------------


def participant(name: str, **values: Any) -> dict[str, Any]:
    p: dict[str, Any] = {"name": name, "kind": "company", "country": "NO", "private": True,
                         "established_in_norway": True}
    p.update(values)
    return p


PARTICIPANTS = [
    participant("Fjord AS"),
    participant("NTNU", kind="knowledge_actor", private=False),
    participant("Kommunen", kind="public_body", private=None),
    participant("Svea AB", country="SE", established_in_norway=False),
    participant("Open AS", private=None),
    participant("Nord AS", established_in_norway=None),
    participant("Gota AB", country="SE", established_in_norway=None),
]

PROFILE: dict[str, Any] = {
    "company": {"name": "Acme AS", "country": "NO", "legal_form": "limited_company",
                "economic_activity_in_norway": True},
    "network": {"project_year": 1, "participants": PARTICIPANTS},
}


def profile(project_year: int | None = 1, **company: Any) -> dict[str, Any]:
    p = copy.deepcopy(PROFILE)
    if project_year is None:
        del p["network"]["project_year"]
    else:
        p["network"]["project_year"] = project_year
    p["company"].update(company)
    return p


def ln(category: str, amount: str | int, **values: Any) -> dict[str, Any]:
    return {"category": category, "amount": D(amount), **values}


def admin(amount: str | int, **values: Any) -> dict[str, Any]:
    """The administrator's purchased project management (cash by nature)."""
    return ln("administration", amount, **values)


def hours(amount: str | int, who: str = "Fjord AS", **values: Any) -> dict[str, Any]:
    return ln("personnel", amount, participant=who, financing="in_kind", **values)


def fin(source: str, amount: str | int, financing: str = "cash") -> dict[str, Any]:
    return {"source": source, "amount": D(amount), "financing": financing}


def bn_budget(*lines: dict[str, Any], prof: dict[str, Any] | None = PROFILE,
              financing: list[dict[str, Any]] | None = None, **extra: Any) -> BudgetResult:
    data: dict[str, Any] = {**extra, "lines": list(lines)}
    if financing is not None:
        data["financing"] = financing
    return budget_for(SID, data, prof)


def part(result: BudgetResult, name: str) -> GrantPart:
    return next(p for p in result.parts if p.name == name)


# --- the checker and its sources -------------------------------------------------------------


def test_the_registry_returns_this_checker() -> None:
    assert checker(SID) is bnb.CHECKER
    assert bnb.CHECKER.scheme is BN_SCHEME


def test_rule_ids_are_stable_and_in_page_order() -> None:
    assert [r.id for r in bnb.CHECKER.rules] == [f"BNB{i:02d}" for i in range(1, 9)]


def test_every_rule_has_a_title_and_a_citation() -> None:
    for r in bnb.CHECKER.rules:
        assert r.title and r.cites, r.id


def test_the_new_quotes_are_on_the_page() -> None:
    for c in (budget_lines.C_ADMINISTRATOR_COSTS, budget_lines.C_HOURS, budget_lines.C_TRAVEL):
        assert c.source is page.SOURCE
        assert c.quote in PAGE_COSTS
        assert c.section == "Hva kan det søkes støtte til?"


def test_every_parameter_has_a_unit_and_a_source() -> None:
    for p in bnb.CHECKER.parameters:
        assert p.unit and p.source.quote, p.name


def test_every_category_is_mapped_explicitly() -> None:
    assert set(budget_lines.EXAMPLES) | budget_lines.JUSTIFY == set(Category)
    assert not set(budget_lines.EXAMPLES) & budget_lines.JUSTIFY
    purchases = {Category.ADMINISTRATION, Category.CONSULTANCY, Category.EXTERNAL_SERVICES}
    assert purchases <= budget_lines.CASH_BY_NATURE
    assert {Category.PERSONNEL, Category.TRAVEL, Category.SALARY} <= budget_lines.OPEN_FINANCING
    assert not budget_lines.CASH_BY_NATURE & budget_lines.OPEN_FINANCING


# --- each category's decision ---------------------------------------------------------------


def _category_line(category: Category) -> dict[str, Any]:
    if category is Category.SALARY:
        return {"category": "salary", "employee": "Ida", "amount": D(100_000),
                "financing": "cash"}
    return ln(category.value, 100_000, financing="cash")


@pytest.mark.parametrize("category", list(Category))
def test_each_category_gets_a_decision_with_a_reason_and_a_citation(category: Category) -> None:
    lr = line(bn_budget(_category_line(category)))
    assert lr.status in (LineStatus.ELIGIBLE, LineStatus.JUSTIFY)
    assert lr.reason and lr.cites
    assert all(c.source is page.SOURCE for c in lr.cites)
    assert lr.eligible.amount == D(100_000)  # the page names no cost as not eligible


@pytest.mark.parametrize("category", sorted(budget_lines.EXAMPLES))
def test_the_pages_examples_are_eligible(category: Category) -> None:
    lr = line(bn_budget(_category_line(category)))
    assert lr.status is LineStatus.ELIGIBLE
    assert "among the page's examples" in lr.reason


@pytest.mark.parametrize("category", sorted(budget_lines.JUSTIFY))
def test_other_categories_count_but_need_a_justification(category: Category) -> None:
    r = bn_budget(_category_line(category))
    assert line(r).status is LineStatus.JUSTIFY
    assert "justify" in line(r).reason
    assert page.C_KOSTNADER in line(r).cites
    assert rule_outcome(r, "BNB02") is Outcome.WARNING


def test_only_the_pages_examples_pass_the_justification_rule() -> None:
    r = bn_budget(admin(100_000), hours(100_000), ln("travel", 10_000, participant="Fjord AS"))
    assert rule_outcome(r, "BNB02") is Outcome.PASS
    assert rule(r, "BNB02").rule.kind is Kind.SOFT


def test_a_salary_line_without_its_months_is_unknown() -> None:
    lr = line(bn_budget({"category": "salary", "employee": "Ida", "monthly_salary": D(40_000)}))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("budget.lines[0].months",)


# --- the grant: 50 % of the year's eligible costs, at most NOK 750,000 per year ----------------


def test_the_grant_is_half_the_eligible_costs() -> None:
    r = bn_budget(admin(1_000_000))
    assert r.grant.amount == D(500_000) and r.own_funding.amount == D(500_000)
    assert part(r, "project year 1").rate == D("0.5")


def test_eligible_costs_of_1500000_reach_750000_by_the_rate() -> None:
    r = bn_budget(admin(1_500_000))
    assert r.grant.amount == D(750_000)
    assert part(r, "project year 1").bound_by == "the rate"


def test_eligible_costs_of_1500000_02_are_capped_at_750000() -> None:
    r = bn_budget(admin("1500000.02"))
    assert r.grant.amount == D(750_000)
    assert part(r, "project year 1").bound_by == "the cap: NOK 750,000 per project year"
    assert r.own_funding.amount == D("750000.02")


def test_eligible_costs_of_1499999_98_give_749999_99() -> None:
    assert bn_budget(admin("1499999.98")).grant.amount == D("749999.99")


def test_each_project_year_has_its_own_grant_and_cap() -> None:
    r = bn_budget(admin(2_000_000, year=1), admin(400_000, year=2), hours(100_000, year=2))
    assert [p.name for p in r.parts] == ["project year 1", "project year 2"]
    assert part(r, "project year 1").grant.amount == D(750_000)
    assert part(r, "project year 2").grant.amount == D(250_000)
    assert r.grant.amount == D(1_000_000)


def test_three_full_years_give_at_most_2250000() -> None:
    r = bn_budget(*(admin(2_000_000, year=y) for y in (1, 2, 3)))
    assert r.grant.amount == D(2_250_000)
    assert "NOK 2,250,000 over 3 years (derived" in rule(r, "BNB04").message


def test_amounts_in_another_currency_are_converted_to_nok() -> None:
    r = bn_budget(admin(100_000), currency="EUR")  # EUR 1 = NOK 11 in the test rates
    amount = line(r).amount
    assert amount is not None and amount.amount == D(1_100_000)
    assert r.grant.amount == D(550_000) and r.currency == "NOK"


# --- project years: at most three -------------------------------------------------------------


def test_a_cost_in_project_year_3_is_eligible() -> None:
    r = bn_budget(admin(100_000, year=3))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB01") is Outcome.PASS


def test_a_cost_in_project_year_4_is_not() -> None:
    r = bn_budget(admin(100_000, year=3), admin(100_000, year=4))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert "at most 3 years" in line(r, 1).reason
    assert rule_outcome(r, "BNB01") is Outcome.FAIL
    assert r.grant.amount == D(50_000) and r.not_eligible.amount == D(100_000)


def test_lines_without_a_year_belong_to_the_year_applied_for() -> None:
    r = bn_budget(admin(100_000), prof=profile(project_year=2))
    assert line(r).group == "project year 2"
    assert [p.name for p in r.parts] == ["project year 2"]


def test_an_application_for_year_4_gets_nothing() -> None:
    r = bn_budget(admin(100_000), prof=profile(project_year=4))
    assert line(r).status is LineStatus.INELIGIBLE
    assert rule_outcome(r, "BNB01") is Outcome.FAIL
    assert r.grant.amount == 0


def test_without_any_year_the_budget_is_one_yearly_application() -> None:
    r = bn_budget(admin(100_000), prof=None)
    assert [p.name for p in r.parts] == ["the year applied for"]
    assert rule_outcome(r, "BNB01") is Outcome.PASS
    assert "one yearly application" in rule(r, "BNB01").message
    assert any("one yearly application" in n for n in r.notes)


def test_a_single_stated_year_takes_the_lines_without_one() -> None:
    r = bn_budget(admin(100_000, year=2), admin(100_000), prof=None)
    assert line(r, 1).group == "project year 2"
    assert part(r, "project year 2").base.amount == D(200_000)


def test_a_line_without_a_year_in_a_budget_of_several_years_is_unknown() -> None:
    r = bn_budget(admin(100_000, year=1), admin(100_000, year=2), admin(100_000),
                  prof=profile(project_year=None))
    assert line(r, 2).status is LineStatus.UNKNOWN
    assert line(r, 2).missing == ("budget.lines[2].year", "network.project_year")
    assert rule_outcome(r, "BNB01") is Outcome.UNKNOWN
    assert r.undecided.amount == D(100_000)


# --- other public support and the 50 % of public support --------------------------------------


def test_other_public_support_is_deducted_from_the_grant() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", 100_000)])
    assert r.grant.amount == D(400_000)
    assert "minus other public support NOK 100,000" in part(r, "project year 1").bound_by


def test_other_public_support_of_half_the_costs_is_allowed() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", 500_000)])
    assert r.grant.amount == 0
    assert rule_outcome(r, "BNB05") is Outcome.PASS


def test_other_public_support_above_half_the_costs_is_not() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", "500000.01")])
    assert r.grant.amount == 0
    assert rule_outcome(r, "BNB05") is Outcome.FAIL
    assert "NOK 500,000.01" in rule(r, "BNB05").message


def test_the_grant_alone_stays_within_half_the_costs() -> None:
    r = bn_budget(admin("1000000.01"))
    assert rule_outcome(r, "BNB05") is Outcome.PASS
    assert r.grant.amount == D("500000.00")


def test_the_grant_sought_and_other_public_support_of_half_the_costs_are_allowed() -> None:
    """'Den offentlige støtten kan maksimalt utgjøre 50 prosent' (Støttebeløp): the grant
    sought 400,000 and 100,000 of other public support are half of 1,000,000."""
    r = bn_budget(admin(600_000), hours(400_000), grant_sought=D(400_000),
                  financing=[fin("public", 100_000)])
    assert rule_outcome(r, "BNB05") is Outcome.PASS
    assert "public support NOK 500,000 (grant sought NOK 400,000" in rule(r, "BNB05").message


def test_the_grant_sought_and_other_public_support_above_half_the_costs_are_not() -> None:
    """The public support is the grant sought plus the other public support, as BNB03 and
    BNB06 count it: 400,000 + 100,000.01 is above 500,000 (BNB05 passed with the grant cut to
    what the year allows, while BNB06 blamed BNB05)."""
    r = bn_budget(admin(600_000), hours(400_000), grant_sought=D(400_000),
                  financing=[fin("public", "100000.01")])
    f = rule(r, "BNB05")
    assert f.outcome is Outcome.FAIL
    assert "public support NOK 500,000.01 (grant sought NOK 400,000" in f.message
    assert rule_outcome(r, "BNB06") is Outcome.FAIL


def test_a_grant_sought_above_half_the_costs_breaks_the_public_share_too() -> None:
    r = bn_budget(admin(1_000_000), grant_sought=D("500000.01"))
    assert rule_outcome(r, "BNB05") is Outcome.FAIL
    assert rule_outcome(bn_budget(admin(1_000_000), grant_sought=D(500_000)),
                        "BNB05") is Outcome.PASS


def test_other_public_support_counts_in_the_year_applied_for_only() -> None:
    r = bn_budget(admin(1_000_000, year=1), admin(1_000_000, year=2),
                  financing=[fin("public", 100_000)], prof=profile(project_year=2))
    assert part(r, "project year 1").grant.amount == D(500_000)
    assert part(r, "project year 2").grant.amount == D(400_000)
    assert any("financing of project year 2" in n for n in r.notes)


def test_public_support_that_cannot_be_placed_in_a_year_is_deducted_in_every_year() -> None:
    r = bn_budget(admin(1_000_000, year=1), admin(1_000_000, year=2),
                  financing=[fin("public", 100_000)], prof=profile(project_year=None))
    assert [p.grant.amount for p in r.parts] == [D(400_000), D(400_000)]
    assert rule_outcome(r, "BNB05") is Outcome.UNKNOWN
    assert rule(r, "BNB05").missing == ("network.project_year",)
    assert rule_outcome(r, "BNB03") is Outcome.UNKNOWN


def test_public_support_in_a_year_without_costs_breaks_the_50_percent() -> None:
    r = bn_budget(admin(1_000_000, year=1), financing=[fin("public", 1)],
                  prof=profile(project_year=2))
    assert rule_outcome(r, "BNB05") is Outcome.FAIL


# --- own financing at least 50 % ------------------------------------------------------------


def test_own_financing_of_half_the_costs_meets_the_page() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", 500_000)])
    f = rule(r, "BNB06")
    assert f.outcome is Outcome.PASS
    assert "own financing NOK 500,000 meets NOK 500,000" in f.message


def test_own_financing_a_cent_below_half_does_not_comply() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", "500000.01")])
    f = rule(r, "BNB06")
    assert f.outcome is Outcome.FAIL
    assert "own financing NOK 499,999.99 is below NOK 500,000" in f.message


def test_external_financing_is_not_own_financing() -> None:
    """'Deltakerbedriftenes egenfinansiering': 500,000 of own financing less 50,000 from a third
    party is 450,000, below half of 1,000,000."""
    r = bn_budget(admin(600_000), hours(400_000), financing=[fin("external", 50_000)])
    f = rule(r, "BNB06")
    assert f.outcome is Outcome.FAIL, "the page's 'minst 50 prosent' is binding"
    msg = f.message
    assert "own financing NOK 450,000 (after external financing NOK 50,000) is below " \
        "NOK 500,000" in msg
    assert "(the external financing is not the participants')" in msg
    assert any("external financing (a third party's money) of NOK 50,000" in n for n in r.notes)


def test_without_external_financing_own_financing_meets_half() -> None:
    r = bn_budget(admin(600_000), hours(400_000), financing=[fin("external", 0)])
    f = rule(r, "BNB06")
    assert f.outcome is Outcome.PASS
    assert "own financing NOK 500,000 meets NOK 500,000" in f.message


def test_own_financing_states_its_form_and_the_part_in_kind() -> None:
    r = bn_budget(admin(600_000), hours(400_000))
    msg = rule(r, "BNB06").message
    assert "NOK 400,000 booked in kind" in msg
    assert "in kind only from private participants in Norway" in msg
    assert r.own_funding_form == budget_lines.OWN_FUNDING_FORM


# --- the administrator's booked costs at least the public support ------------------------------


def test_booked_costs_equal_to_the_grant_are_enough() -> None:
    r = bn_budget(admin(500_000), hours(500_000))
    assert r.grant.amount == D(500_000)
    assert rule_outcome(r, "BNB03") is Outcome.PASS


def test_booked_costs_a_cent_below_the_grant_are_not() -> None:
    r = bn_budget(admin("499999.99"), hours("500000.01"))
    assert r.grant.amount == D(500_000)
    assert rule_outcome(r, "BNB03") is Outcome.FAIL
    assert "NOK 499,999.99 < public support NOK 500,000" in rule(r, "BNB03").message


def test_the_booked_costs_are_compared_with_the_grant_sought_when_stated() -> None:
    """'må minst tilsvare den offentlige støtten': the support sought, not the most the
    budget would allow (here 500,000, with 480,000 booked at the administrator)."""
    ok = bn_budget(admin(480_000), hours(520_000), grant_sought=480_000)
    assert rule_outcome(ok, "BNB03") is Outcome.PASS
    assert "NOK 480,000 ≥ public support NOK 480,000" in rule(ok, "BNB03").message
    over = bn_budget(admin(480_000), hours(520_000), grant_sought="480000.01")
    assert rule_outcome(over, "BNB03") is Outcome.FAIL


def test_other_public_support_counts_as_public_support_for_the_booked_costs() -> None:
    ok = bn_budget(admin(500_000), hours(500_000), financing=[fin("public", 500_000)])
    assert rule_outcome(ok, "BNB03") is Outcome.PASS
    over = bn_budget(admin(500_000), hours(500_000), financing=[fin("public", "500000.01")])
    assert rule_outcome(over, "BNB03") is Outcome.FAIL


def test_a_line_naming_the_applicant_is_booked_at_the_administrator() -> None:
    r = bn_budget(admin(400_000), ln("consultancy", 100_000, participant=" acme  as"),
                  hours(500_000))
    assert rule_outcome(r, "BNB03") is Outcome.PASS


def test_other_participants_costs_are_not_booked_at_the_administrator() -> None:
    r = bn_budget(admin(400_000), ln("consultancy", 100_000, participant="Fjord AS"),
                  hours(500_000))
    assert rule_outcome(r, "BNB03") is Outcome.FAIL


def test_without_a_profile_a_named_participant_may_be_the_administrator() -> None:
    r = bn_budget(admin(400_000), ln("consultancy", 600_000, participant="Acme AS"), prof=None)
    f = rule(r, "BNB03")
    assert f.outcome is Outcome.UNKNOWN
    assert "company.name" in f.missing


def test_without_a_profile_the_unnamed_lines_are_the_administrators() -> None:
    r = bn_budget(admin(500_000), ln("consultancy", 500_000, participant="Fjord AS"), prof=None)
    assert rule_outcome(r, "BNB03") is Outcome.PASS


# --- the grant sought ------------------------------------------------------------------------


def test_a_grant_sought_of_half_the_costs_fits() -> None:
    assert rule_outcome(bn_budget(admin(1_000_000), grant_sought=D(500_000)),
                        "BNB04") is Outcome.PASS


def test_a_grant_sought_a_cent_above_half_the_costs_does_not() -> None:
    r = bn_budget(admin(1_000_000), grant_sought=D("500000.01"))
    assert rule_outcome(r, "BNB04") is Outcome.FAIL
    assert "seek at most NOK 500,000 (NOK 0.01 less)" in rule(r, "BNB04").fix


def test_a_grant_sought_of_750000_fits_a_large_budget() -> None:
    assert rule_outcome(bn_budget(admin(2_000_000), grant_sought=D(750_000)),
                        "BNB04") is Outcome.PASS


def test_a_grant_sought_of_750000_01_does_not() -> None:
    r = bn_budget(admin(2_000_000), grant_sought=D("750000.01"))
    assert rule_outcome(r, "BNB04") is Outcome.FAIL


def test_the_grant_sought_is_for_the_year_applied_for() -> None:
    r = bn_budget(admin(2_000_000, year=1), admin(400_000, year=2), grant_sought=D(200_000),
                  prof=profile(project_year=2))
    assert rule_outcome(r, "BNB04") is Outcome.PASS
    r = bn_budget(admin(2_000_000, year=1), admin(400_000, year=2), grant_sought=D(200_001),
                  prof=profile(project_year=2))
    assert rule_outcome(r, "BNB04") is Outcome.FAIL


def test_a_grant_sought_over_several_years_without_the_year_applied_for_is_unknown() -> None:
    r = bn_budget(admin(100_000, year=1), admin(100_000, year=2), grant_sought=D(50_000),
                  prof=None)
    assert rule_outcome(r, "BNB04") is Outcome.UNKNOWN
    assert rule(r, "BNB04").missing == ("network.project_year",)


def test_without_a_grant_sought_the_rule_states_what_the_budget_allows() -> None:
    f = rule(bn_budget(admin(1_000_000)), "BNB04")
    assert f.outcome is Outcome.INFO
    assert "project year 1: NOK 500,000" in f.message


# --- the participants' cash payment -----------------------------------------------------------


def test_without_financing_lines_the_minimum_cash_payment_is_stated() -> None:
    f = rule(bn_budget(admin(1_000_000)), "BNB07")
    assert f.outcome is Outcome.INFO
    assert "at least NOK 500,000 (cash cost lines NOK 1,000,000 − grant NOK 500,000)" in f.message


def test_a_cash_payment_of_the_capital_need_minus_the_grant_is_enough() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("own", 500_000)])
    assert rule_outcome(r, "BNB07") is Outcome.PASS


def test_a_cash_payment_a_cent_short_is_not() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("own", "499999.99")])
    assert rule_outcome(r, "BNB07") is Outcome.FAIL
    assert "NOK 0.01 more in cash" in rule(r, "BNB07").fix


def test_the_cash_needed_is_the_capital_need_minus_the_grant_sought_when_stated() -> None:
    """'minus det som finansieres av offentlige tilskudd': the grant sought (300,000), not the
    most the budget allows (500,000), is what public money finances."""
    r = bn_budget(admin(1_000_000), grant_sought=300_000, financing=[fin("own", 700_000)])
    assert rule_outcome(r, "BNB07") is Outcome.PASS
    assert "cash cost lines NOK 1,000,000 − grant sought NOK 300,000" in rule(r, "BNB07").message
    short = bn_budget(admin(1_000_000), grant_sought=300_000,
                      financing=[fin("own", "699999.99")])
    assert rule_outcome(short, "BNB07") is Outcome.FAIL


def test_external_private_cash_is_not_the_participants_cash() -> None:
    """'Deltakernes kontantinnbetaling': a private third party's money is not the
    participants' payment (500,000 needed, 300,000 of it theirs)."""
    r = bn_budget(admin(1_000_000), financing=[fin("own", 300_000), fin("external", 200_000)])
    f = rule(r, "BNB07")
    assert f.outcome is Outcome.FAIL
    assert "participants' cash NOK 300,000 (not counting external financing NOK 200,000" \
        in f.message
    assert "NOK 200,000 more in cash" in f.fix


def test_external_cash_alone_leaves_the_participants_cash_at_nothing() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("external", 500_000)])
    assert rule_outcome(r, "BNB07") is Outcome.FAIL
    ok = bn_budget(admin(1_000_000), financing=[fin("own", 500_000), fin("external", 1)])
    assert rule_outcome(ok, "BNB07") is Outcome.PASS


def test_own_financing_in_kind_is_not_cash() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("own", 1), fin("own", 500_000, "in_kind")])
    assert rule_outcome(r, "BNB07") is Outcome.FAIL


def test_own_financing_stated_only_in_kind_leaves_the_participants_cash_at_nothing() -> None:
    """'Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert kapitalbehov
    i prosjektet, minus det som finansieres av offentlige tilskudd' (Krav til
    egenfinansiering): own financing stated, all of it in kind, pays no cash (it was only
    information, asking for cash lines)."""
    r = bn_budget(admin(1_000_000), financing=[fin("own", 500_000, "in_kind")])
    f = rule(r, "BNB07")
    assert f.outcome is Outcome.FAIL
    assert "participants' cash NOK 0 < the minimum" in f.message


def test_other_public_support_alone_does_not_state_the_participants_cash() -> None:
    r = bn_budget(admin(1_000_000), financing=[fin("public", 100_000)])
    assert rule_outcome(r, "BNB07") is Outcome.INFO


def test_other_public_grants_lower_the_cash_needed() -> None:
    ok = bn_budget(admin(1_000_000), financing=[fin("own", 500_000), fin("public", 100_000)])
    assert ok.grant.amount == D(400_000)
    assert rule_outcome(ok, "BNB07") is Outcome.PASS
    short = bn_budget(admin(1_000_000),
                      financing=[fin("own", "499999.99"), fin("public", 100_000)])
    assert rule_outcome(short, "BNB07") is Outcome.FAIL


def test_hours_in_kind_are_no_capital_need() -> None:
    r = bn_budget(admin(400_000), hours(600_000), financing=[fin("own", 0)])
    assert r.grant.amount == D(500_000)
    assert rule_outcome(r, "BNB07") is Outcome.PASS  # 400,000 cash − 500,000 grant: nothing


def test_hours_without_their_financing_leave_the_cash_need_open() -> None:
    hrs = ln("personnel", 600_000, participant="Fjord AS")
    r = bn_budget(admin(400_000), hrs, financing=[fin("own", 100_000)])
    assert line(r, 1).status is LineStatus.ELIGIBLE  # a private participant: either way
    f = rule(r, "BNB07")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("budget.lines[1].financing",)
    assert rule_outcome(bn_budget(admin(400_000), hrs, financing=[fin("own", 500_000)]),
                        "BNB07") is Outcome.PASS


def test_cash_financing_over_several_years_without_the_year_applied_for_is_unknown() -> None:
    r = bn_budget(admin(100_000, year=1), admin(100_000, year=2),
                  financing=[fin("own", 100_000)], prof=None)
    assert rule_outcome(r, "BNB07") is Outcome.UNKNOWN


# --- an undecided line: the money rules decide only when every reading agrees ---------------
#
# 600,000 of purchases at the administrator and 400,000 of hours booked in kind by "Open AS",
# whose private is not stated: counted, the grant is 500,000; not, 300,000.


def undecided(*financing: dict[str, Any], **extra: Any) -> BudgetResult:
    return bn_budget(admin(600_000), hours(400_000, who="Open AS"),
                     financing=list(financing), **extra)


def test_a_cash_payment_enough_only_if_the_undecided_line_counts_is_unknown() -> None:
    """'kontantinnbetaling ... minus det som finansieres av offentlige tilskudd': private, the
    grant is 500,000 and 100,000 cash is enough; not, it is 300,000 and 300,000 is needed."""
    r = undecided(fin("own", 100_000))
    f = rule(r, "BNB07")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[4].private",)
    assert "at least NOK 100,000 (up to NOK 300,000 if line 2 does not count" in f.message
    assert rule_outcome(undecided(fin("own", "299999.99")), "BNB07") is Outcome.UNKNOWN


def test_a_cash_payment_enough_whether_or_not_the_line_counts_passes() -> None:
    assert rule_outcome(undecided(fin("own", 300_000)), "BNB07") is Outcome.PASS


def test_a_cash_payment_short_whether_or_not_the_line_counts_fails() -> None:
    r = undecided(fin("own", "99999.99"))
    assert rule_outcome(r, "BNB07") is Outcome.FAIL
    assert "NOK 0.01 more in cash" in rule(r, "BNB07").fix


def test_a_cash_payment_is_unknown_without_a_profile_naming_the_participants() -> None:
    r = bn_budget(admin(600_000), hours(400_000, who="B AS"), financing=[fin("own", 100_000)],
                  prof=None)
    f = rule(r, "BNB07")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("network.participants",)


def test_a_grant_sought_within_what_the_undecided_line_may_allow_is_unknown() -> None:
    r = undecided(grant_sought=D(500_000))
    f = rule(r, "BNB04")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[4].private",)
    assert rule_outcome(undecided(grant_sought=D(300_000)), "BNB04") is Outcome.PASS


def test_a_grant_sought_above_what_the_undecided_line_may_allow_fails() -> None:
    assert rule_outcome(undecided(grant_sought=D("500000.01")), "BNB04") is Outcome.FAIL


def test_other_public_support_within_half_only_if_the_line_counts_is_unknown() -> None:
    """'maksimalt utgjøre 50 prosent': 500,000 of other support is half of 1,000,000 (the line
    counted) but more than half of 600,000 (not)."""
    r = undecided(fin("public", 500_000))
    assert rule_outcome(r, "BNB05") is Outcome.UNKNOWN
    assert rule(r, "BNB05").missing == ("network.participants[4].private",)
    assert rule_outcome(undecided(fin("public", 300_000)), "BNB05") is Outcome.PASS


def test_other_public_support_above_half_even_with_the_line_counted_fails() -> None:
    assert rule_outcome(undecided(fin("public", "500000.01")), "BNB05") is Outcome.FAIL


def test_booked_costs_below_the_grant_only_if_the_line_counts_are_unknown() -> None:
    """'Bokførte kostnader ... minst tilsvare den offentlige støtten': 400,000 booked at the
    administrator against a grant of 200,000 (600,000 undecided not counted) or 500,000."""
    r = bn_budget(admin(400_000), hours(600_000, who="Open AS"))
    f = rule(r, "BNB03")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[4].private",)
    assert rule_outcome(bn_budget(admin(500_000), hours(500_000, who="Open AS")),
                        "BNB03") is Outcome.PASS


def test_booked_costs_below_the_grant_either_way_fail() -> None:
    r = bn_budget(admin(100_000), hours(900_000), hours(1_000_000, who="Open AS"))
    assert rule_outcome(r, "BNB03") is Outcome.FAIL


def test_own_financing_that_meets_half_without_the_undecided_line_meets_it_with_it() -> None:
    """Own financing less half the costs only grows with the costs: 600,000 decided, grant
    300,000, own 300,000 meets half; with line 2 counted, 1,000,000, 500,000 and 500,000."""
    assert rule_outcome(undecided(), "BNB06") is Outcome.PASS


def test_own_financing_below_half_whether_or_not_the_undecided_line_counts_fails() -> None:
    """With NOK 50,000 from a third party: 250,000 < 300,000, and 450,000 < 500,000."""
    assert rule_outcome(undecided(fin("external", 50_000)), "BNB06") is Outcome.FAIL


def test_own_financing_below_half_only_without_the_undecided_line_is_unknown() -> None:
    """Grant sought 400,000: own 200,000 < 300,000 of 600,000, but 600,000 >= 500,000 of
    1,000,000 if line 2 counts: whether Open AS is private decides."""
    f = rule(undecided(grant_sought=400_000), "BNB06")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("network.participants[4].private",)


def test_own_financing_says_which_lines_it_leaves_out() -> None:
    assert "(not counting line 2, undecided)" in rule(undecided(), "BNB06").message


# --- hours and direct expenses only from private participants in Norway -----------------------


def test_hours_in_kind_from_a_private_participant_in_norway_count() -> None:
    r = bn_budget(hours(100_000))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB08") is Outcome.PASS


@pytest.mark.parametrize(("who", "why"), [
    ("NTNU", "private = false"),
    ("Kommunen", "a public body"),
    ("Svea AB", "not established in Norway"),
])
def test_hours_in_kind_from_others_are_not_eligible(who: str, why: str) -> None:
    r = bn_budget(admin(100_000), hours(100_000, who=who))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert why in line(r, 1).reason and page.C_PRIVATE in line(r, 1).cites
    assert rule_outcome(r, "BNB08") is Outcome.FAIL
    assert r.eligible_base.amount == D(100_000)


def test_travel_in_kind_from_a_public_participant_is_not_eligible() -> None:
    r = bn_budget(ln("travel", 20_000, participant="NTNU", financing="in_kind"))
    assert line(r).status is LineStatus.INELIGIBLE


def test_a_public_participant_may_pay_cash() -> None:
    r = bn_budget(ln("personnel", 100_000, participant="NTNU", financing="cash"))
    assert line(r).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB08") is Outcome.PASS


def test_a_public_participants_line_without_financing_is_unknown() -> None:
    r = bn_budget(ln("travel", 20_000, participant="NTNU"))
    assert line(r).status is LineStatus.UNKNOWN
    assert line(r).missing == ("budget.lines[0].financing",)
    assert rule_outcome(r, "BNB08") is Outcome.UNKNOWN


def test_a_norwegian_registered_participant_is_read_as_established_in_norway() -> None:
    assert line(bn_budget(hours(1, who="Nord AS"))).status is LineStatus.ELIGIBLE


def test_a_foreign_participant_not_stated_to_be_established_in_norway_is_unknown() -> None:
    lr = line(bn_budget(hours(1, who="Gota AB")))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("network.participants[6].established_in_norway",)


def test_a_participant_not_stated_to_be_private_is_unknown() -> None:
    lr = line(bn_budget(hours(1, who="Open AS")))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("network.participants[4].private",)


def test_a_participant_not_in_the_profile_is_unknown() -> None:
    lr = line(bn_budget(hours(1, who="Ghost AS")))
    assert lr.status is LineStatus.UNKNOWN
    assert lr.missing == ("budget.lines[0].participant", "network.participants")


def test_a_participant_not_in_the_profile_may_still_pay_cash() -> None:
    lr = line(bn_budget(ln("consultancy", 1, participant="Ghost AS")))
    assert lr.status is LineStatus.ELIGIBLE


def test_without_a_profile_hours_in_kind_are_unknown() -> None:
    r = bn_budget(hours(1), ln("personnel", 1, financing="in_kind"), prof=None)
    assert line(r, 0).missing == ("network.participants",)
    assert line(r, 1).missing == ("company.legal_form", "company.economic_activity_in_norway")
    assert line(r, 0).status is line(r, 1).status is LineStatus.UNKNOWN


def test_the_administrators_hours_count_when_it_runs_business_in_norway() -> None:
    assert line(bn_budget(ln("personnel", 1, financing="in_kind"))).status \
        is LineStatus.ELIGIBLE


def test_the_administrators_hours_do_not_without_business_in_norway() -> None:
    r = bn_budget(ln("personnel", 1, financing="in_kind"),
                  prof=profile(economic_activity_in_norway=False))
    assert line(r).status is LineStatus.INELIGIBLE
    assert "Acme AS (the administrator) is without economic activity in Norway" \
        in line(r).reason
    assert "line 1 by Acme AS (the administrator) (without economic activity in Norway)" \
        in rule(r, "BNB08").message


def test_the_administrators_hours_do_not_count_when_it_is_a_public_body() -> None:
    """'Bare deltakere fra privat virksomhet i Norge ... kan kostnadsføre timer': a public body
    by its legal form is not private business, whatever its economic activity."""
    r = bn_budget(admin(500_000), ln("personnel", 500_000, financing="in_kind"),
                  prof=profile(legal_form="public_body", public_ownership_percent=100))
    assert line(r, 1).status is LineStatus.INELIGIBLE
    assert "Acme AS (the administrator) is a public body (legal_form = public_body)" \
        in line(r, 1).reason
    assert rule_outcome(r, "BNB08") is Outcome.FAIL


@pytest.mark.parametrize("form", ["limited_company", "sole_trader", "cooperative"])
def test_the_administrators_hours_count_with_any_other_legal_form(form: str) -> None:
    r = bn_budget(admin(500_000), ln("personnel", 500_000, financing="in_kind"),
                  prof=profile(legal_form=form))
    assert line(r, 1).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB08") is Outcome.PASS


def test_the_administrators_hours_are_unknown_without_its_legal_form() -> None:
    prof = profile()
    del prof["company"]["legal_form"]
    r = bn_budget(admin(500_000), ln("personnel", 500_000, financing="in_kind"), prof=prof)
    assert line(r, 1).status is LineStatus.UNKNOWN
    f = rule(r, "BNB08")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.legal_form",)


def test_a_public_body_administrator_still_pays_cash() -> None:
    r = bn_budget(admin(500_000), ln("personnel", 500_000, financing="cash"),
                  prof=profile(legal_form="public_body"))
    assert line(r, 1).status is LineStatus.ELIGIBLE
    assert rule_outcome(r, "BNB08") is Outcome.PASS


def test_purchases_are_cash_by_nature() -> None:
    r = bn_budget(ln("consultancy", 1, participant="NTNU"), ln("hardware", 1, participant="NTNU"))
    assert [lr.status for lr in r.lines] == [LineStatus.ELIGIBLE, LineStatus.JUSTIFY]


# --- a complete budget ----------------------------------------------------------------------


def test_a_network_budget_that_keeps_every_rule_complies() -> None:
    r = bn_budget(admin(700_000), hours(500_000), ln("travel", 50_000, participant="Fjord AS",
                                                     financing="in_kind"),
                  ln("consultancy", 150_000, participant="NTNU", financing="cash"),
                  financing=[fin("own", 150_000), fin("own", 550_000, "in_kind")],
                  grant_sought=D(700_000))
    assert r.grant.amount == D(700_000)
    # the profile leaves the network's fit open (FIT): the cost rules alone comply
    assert rule_outcome(r, "FIT") is Outcome.UNKNOWN and r.verdict.value == "needs_information"
    assert cost_rules(r).verdict.value == "complies", [(f.rule.id, f.message) for f in r.findings]


# --- invariants (hypothesis) ----------------------------------------------------------------

NAMES = [None, "Acme AS", "Fjord AS", "NTNU", "Kommunen", "Svea AB", "Open AS", "Ghost AS"]
money = st.decimals(min_value=0, max_value=3_000_000, places=2, allow_nan=False,
                    allow_infinity=False)


@st.composite
def lines(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(list(Category)))
    out: dict[str, Any] = {"category": category.value}
    if category is Category.SALARY:
        out["employee"] = "Ida"
        out["monthly_salary"] = draw(st.decimals(min_value=0, max_value=90_000, places=2))
        if draw(st.booleans()):
            out["months"] = draw(st.integers(min_value=1, max_value=12))
    elif category is Category.PERSONNEL and draw(st.booleans()):
        out["hours"] = draw(st.decimals(min_value=0, max_value=2_000, places=1))
        out["rate"] = draw(st.decimals(min_value=0, max_value=1_500, places=2))
    else:
        out["amount"] = draw(money)
    year = draw(st.none() | st.integers(min_value=1, max_value=5))
    if year is not None:
        out["year"] = year
    financing = draw(st.sampled_from([None, "cash", "in_kind"]))
    if financing:
        out["financing"] = financing
    who = draw(st.sampled_from(NAMES))
    if who:
        out["participant"] = who
    return out


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any] | None]:
    data: dict[str, Any] = {"lines": draw(st.lists(lines(), min_size=1, max_size=8))}
    if draw(st.booleans()):
        data["financing"] = draw(st.lists(st.builds(
            fin, st.sampled_from(["own", "external", "public"]),
            st.decimals(min_value=0, max_value=1_000_000, places=2),
            st.sampled_from(["cash", "in_kind"])), max_size=3))
    if draw(st.booleans()):
        data["grant_sought"] = draw(money)
    prof = None
    if draw(st.booleans()):
        prof = profile(project_year=draw(st.none() | st.integers(min_value=1, max_value=4)),
                       economic_activity_in_norway=draw(st.booleans()))
    return data, prof


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_the_money_always_adds_up(case: tuple[dict[str, Any], dict[str, Any] | None]) -> None:
    data, prof = case
    r = budget_for(SID, data, prof)
    zero = Decimal(0)
    cap = parameters.MAX_GRANT_PER_YEAR.at(r.on)
    assert r.grant + r.own_funding == r.eligible_base
    assert r.eligible_base + r.not_eligible + r.undecided == r.total
    assert zero <= r.grant.amount <= cap * parameters.MAX_GRANT_YEARS.at(r.on)
    assert r.grant.amount <= r.eligible_base.amount * parameters.MAX_PUBLIC_SHARE.at(r.on)
    assert len(r.parts) <= parameters.MAX_GRANT_YEARS.at(r.on)
    public = sum((f["amount"] for f in data.get("financing", []) if f["source"] == "public"),
                 zero)
    applied = prof["network"].get("project_year") if prof else None
    for p in r.parts:
        assert zero <= p.grant.amount <= cap
        assert p.grant.amount <= p.base.amount * p.rate
        assert p.cap is not None and p.grant <= p.cap
        assert p.grant.amount == p.grant.amount.quantize(Decimal("0.01"))
        if public and (applied is None or p.name == f"project year {applied}"):
            assert p.grant.amount <= max(p.base.amount * p.rate - public, zero)
    for lr in r.lines:
        assert lr.reason and lr.cites
        if lr.amount is not None and lr.status is not LineStatus.UNKNOWN:
            assert zero <= lr.eligible.amount <= lr.amount.amount
        if lr.status in (LineStatus.INELIGIBLE, LineStatus.UNKNOWN):
            assert lr.eligible.amount == zero
        if lr.status is LineStatus.UNKNOWN:
            assert lr.missing
    for f in r.findings:
        assert f.message, f.rule.id
        if f.outcome is Outcome.UNKNOWN:
            assert f.missing, f.rule.id
