"""Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon): rules, verdicts, amounts, health."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.citations import Citation
from grantcheck.engine import Kind, Outcome, Verdict
from grantcheck.parameters import UNITS
from grantcheck.schemes import get
from grantcheck.schemes.no_prosessinnovasjon import scheme as po
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion
from tests.support import ctx_for, finding, merged, outcome, result_for

SCHEME = po.SCHEME

# The page sentences the module quotes, copied from the source page (tests never read ../shared).
PAGE_EXCERPT = "\n".join([
    "Innovasjon er et vidt begrep som omfatter både produkter, produksjonsprosesser og "
    "organisering. Innovasjon Norge kan tilby finansiering til innovasjon på alle disse "
    "områdene.",
    "Prosessinnovasjon i denne sammenhengen omfatter implementering (innføring) av "
    "produksjonsprosesser og distribusjonsmetoder som åpenbart skiller seg fra bedriftens "
    "tidligere prosesser og metoder. Dette omfatter kostnader knyttet til vesentlige "
    "endringer i teknologi, utstyr og programvare.",
    "Organisasjonsinnovasjon handler om innovasjon i bedriftens forretningsmodell, "
    "arbeidsprosesser eller samarbeidsformer.",
    "Innovasjon Norge åpner for finansiering av prosess- og organisasjonsinnovasjon, der "
    "dette er viktig for å styrke bedriftens konkurransekraft. ktivitetene som omfattes "
    "er knyttet til en ny forretningsmodell. Dette kan ha sin opprinnelse i lansering av "
    "et nytt produkt eller tjeneste, eller som følge av omlegging til mer miljøvennlige "
    "produksjonsmetoder. Innovasjon Norge må unngå å bidra til uheldig "
    "konkurransevridning mellom norske bedrifter. Prosjektet må være et betydelig løft "
    "for bedriften. Les mer om finansiering av innovasjonsprosjekter.",
    "Prosess- og organisasjonsinnovasjon er særlig viktig for å lykkes med omlegging til "
    "mer miljøvennlig drift, for eksempel fra en lineær til en sirkulær "
    "forretningsmodell. En slik omlegging vil påvirke store deler av virksomheten, og det "
    "vil derfor være nødvendig å gjennomføre grundige avklaringer og analyser før "
    "beslutningen tas. Vesentlige endringer i dagens forretningsmodell krever "
    "produksjonsendringer, dokumentasjonsendringer og nytt kundeoppfølgingssystem, samt "
    "behov for at de ansatte får nødvendig opplæring. Aktiviteter i tilknytning til en "
    "slik miljøvennlig innovasjon i prosesser eller organisering, vil kunne\xa0kvalifisere "
    "for tilskudd fra miljøteknologiordningen.",
    "Innføring av nytt utstyr uten at det er knyttet til et innovasjonsløft, vil ikke "
    "være relevant for Innovasjon Norge.",
    "Dessuten omfattes ikke",
    "• Rutinemessige forbedringsprosesser, som for eksempel LEAN",
    "• Mindre endringer i og tilpasninger til eksisterende produksjonsprosess",
    "• Spesialbestilte leveranser til enkeltkunder",
    "• Innføring av nye datasystemer (SAP, CRM osv.) uten at det er en del av en "
    "prosessinnovasjon",
    "• Investeringer i ny eller utskiftning av enkeltutstyr eller delelementer i en "
    "eksisterende produksjonsprosess",
    "• Rene lagerstyringssystemer uten at dette er en del av en prosessinnovasjon",
    "• Tilpasninger til endringer i priser",
    "• Avvikling av dagens produksjon som følge av endringer i markedet",
    "Følgende poster kan inngå i godkjent støttegrunnlag:",
    "• Egne timer/personalkostnader",
    "• Innkjøpte tjenester som kreves for å gjennomføre innovasjonen (konsulentbistand)",
    "• Avskrivninger på eller leie av komponenter, instrumenter og utstyr for den tiden "
    "og det omfanget det benyttes i prosjektperioden",
    "• Kjøp av IPR-rettigheter som er nødvendig for prosjektet",
    "Merk at finansiering av prosess- og organisasjonsinnovasjon er knyttet til GBER 29 i "
    "Statsstøtteregelverket. Det forutsetter at søker er liten eller mellomstor i henhold "
    "til Statsstøtteregelverket, og gjelder kun unntaksvis for store bedrifter.",
])

SME: dict[str, Any] = {
    "company": {
        "name": "Verksted AS", "country": "NO", "employees_fte": 20, "owners_fte": 0,
        "turnover": 30_000_000, "balance_sheet_total": 20_000_000, "related": [],
    },
    "project": {
        "budget_total": 2_000_000, "grant_sought": 1_000_000, "exclusions": [],
        "environmental_shift": False,
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


def test_249_staff_is_still_an_sme() -> None:
    assert outcome(SCHEME, merged(SME, company={"employees_fte": 249}), "PO01") is Outcome.PASS


def test_250_staff_is_a_large_enterprise_that_needs_the_exception_stated() -> None:
    f = finding(SCHEME, merged(SME, company={"employees_fte": 250}), "PO01")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("declarations.large_enterprise_exception",)


def test_a_large_enterprise_under_the_exception_passes_with_the_30_percent_condition() -> None:
    f = finding(SCHEME, LARGE_EXCEPTION, "PO01")
    assert f.outcome is Outcome.PASS
    assert "at least 30 %" in f.message and "29(2)" in f.message


def test_a_large_enterprise_without_the_exception_does_not_fit() -> None:
    data = merged(LARGE, declarations={"large_enterprise_exception": False})
    f = finding(SCHEME, data, "PO01")
    assert f.outcome is Outcome.FAIL
    assert f.fix


def test_size_is_unknown_without_the_staff_figure() -> None:
    f = finding(SCHEME, without(SME, "company", "employees_fte"), "PO01")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.employees_fte",)


# --- PO02 Norwegian company ----------------------------------------------------------------


def test_a_norwegian_company_passes() -> None:
    assert outcome(SCHEME, SME, "PO02") is Outcome.PASS


def test_a_swedish_company_gets_a_warning_not_a_failure() -> None:
    f = finding(SCHEME, merged(SME, company={"country": "SE", "currency": "NOK"}), "PO02")
    assert f.outcome is Outcome.WARNING
    assert "mellom norske bedrifter" in f.message


# --- PO03–PO05 declarations ----------------------------------------------------------------

DECLARATIONS = [("PO03", "no_competition_distortion"),
                ("PO04", "process_or_organisational_innovation"),
                ("PO05", "substantial_leap")]


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_stated_true_passes(rule_id: str, name: str) -> None:
    assert outcome(SCHEME, SME, rule_id) is Outcome.PASS


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_stated_false_fails(rule_id: str, name: str) -> None:
    assert outcome(SCHEME, merged(SME, declarations={name: False}), rule_id) is Outcome.FAIL


@pytest.mark.parametrize(("rule_id", "name"), DECLARATIONS)
def test_a_declaration_left_out_is_unknown_naming_the_field(rule_id: str, name: str) -> None:
    f = finding(SCHEME, without(SME, "declarations", name), rule_id)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == (f"declarations.{name}",)


# --- PO06 exclusions -----------------------------------------------------------------------


def test_an_explicit_empty_exclusion_list_passes() -> None:
    assert outcome(SCHEME, SME, "PO06") is Outcome.PASS


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


def test_exclusions_left_out_are_unknown() -> None:
    f = finding(SCHEME, without(SME, "project", "exclusions"), "PO06")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.exclusions",)


def test_every_exclusion_of_the_profile_has_its_page_wording() -> None:
    assert set(po.EXCLUSIONS) == set(ProsessExclusion)
    for norwegian, english in po.EXCLUSIONS.values():
        assert norwegian in PAGE_EXCERPT
        assert english


# --- PO07 and PO08 environmental shift ------------------------------------------------------


def test_an_environmental_shift_mentions_miljoteknologiordningen() -> None:
    f = finding(SCHEME, merged(SME, project={"environmental_shift": True}), "PO07")
    assert f.outcome is Outcome.INFO
    assert "miljøteknologiordningen" in f.message


def test_no_environmental_shift_gives_no_hint() -> None:
    f = finding(SCHEME, SME, "PO07")
    assert f.outcome is Outcome.INFO
    assert "does not apply" in f.message


def test_the_hint_is_unknown_when_the_shift_is_not_stated() -> None:
    f = finding(SCHEME, without(SME, "project", "environmental_shift"), "PO07")
    assert f.outcome is Outcome.UNKNOWN


def test_the_hint_never_changes_the_verdict() -> None:
    data = merged(SME, project={"environmental_shift": True, "shift_analysed": True})
    assert result_for(SCHEME, data).verdict is Verdict.FITS


def test_no_shift_needs_no_analysis() -> None:
    assert outcome(SCHEME, SME, "PO08") is Outcome.PASS


def test_an_analysed_shift_passes() -> None:
    data = merged(SME, project={"environmental_shift": True, "shift_analysed": True})
    assert outcome(SCHEME, data, "PO08") is Outcome.PASS


def test_an_unanalysed_shift_gets_a_warning() -> None:
    data = merged(SME, project={"environmental_shift": True, "shift_analysed": False})
    f = finding(SCHEME, data, "PO08")
    assert f.outcome is Outcome.WARNING
    assert "project.shift_analysed" in f.fix


def test_a_shift_with_the_analysis_not_stated_gets_a_warning() -> None:
    data = merged(SME, project={"environmental_shift": True})
    assert outcome(SCHEME, data, "PO08") is Outcome.WARNING


def test_the_analysis_rule_is_unknown_when_the_shift_is_not_stated() -> None:
    f = finding(SCHEME, without(SME, "project", "environmental_shift"), "PO08")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.environmental_shift",)


# --- PO09 aid intensity --------------------------------------------------------------------


def test_half_the_costs_is_within_the_sme_intensity() -> None:
    f = finding(SCHEME, SME, "PO09")
    assert f.outcome is Outcome.PASS
    assert "NOK 1,000,000 of eligible costs NOK 2,000,000 (50 %)" in f.message


def test_one_krone_more_than_half_is_not() -> None:
    f = finding(SCHEME, merged(SME, project={"grant_sought": 1_000_001}), "PO09")
    assert f.outcome is Outcome.FAIL
    assert "NOK 1,000,000 (NOK 1 less)" in f.fix


def test_fifteen_percent_is_within_the_large_enterprise_intensity() -> None:
    assert outcome(SCHEME, LARGE_EXCEPTION, "PO09") is Outcome.PASS


def test_half_the_costs_is_above_the_large_enterprise_intensity() -> None:
    data = merged(LARGE_EXCEPTION, project={"grant_sought": 1_000_000})
    f = finding(SCHEME, data, "PO09")
    assert f.outcome is Outcome.FAIL
    assert "at most 15 %" in f.message


def test_one_krone_more_than_fifteen_percent_is_not() -> None:
    data = merged(LARGE_EXCEPTION, project={"grant_sought": 300_001})
    assert outcome(SCHEME, data, "PO09") is Outcome.FAIL


def test_without_a_grant_sought_the_intensity_is_only_information() -> None:
    f = finding(SCHEME, without(SME, "project", "grant_sought"), "PO09")
    assert f.outcome is Outcome.INFO


def test_a_grant_sought_without_a_budget_is_unknown() -> None:
    f = finding(SCHEME, without(SME, "project", "budget_total"), "PO09")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.budget_total",)


def test_the_gber_intensity_is_not_encoded_after_gber_expires() -> None:
    f = finding(SCHEME, SME, "PO09", on=date(2027, 1, 1))
    assert f.outcome is Outcome.UNKNOWN
    assert "not encoded" in f.message


# --- PO10 notification threshold (EUR 7.5 million = NOK 82.5 million at 11.00) ---------------


def test_a_grant_at_the_notification_threshold_passes() -> None:
    f = finding(SCHEME, merged(SME, project={"grant_sought": 82_500_000}), "PO10")
    assert f.outcome is Outcome.PASS
    assert "EUR 7,500,000 = NOK 82,500,000" in f.message and "11.0000" in f.message


def test_a_grant_one_krone_above_the_threshold_gets_a_warning() -> None:
    f = finding(SCHEME, merged(SME, project={"grant_sought": 82_500_001}), "PO10")
    assert f.outcome is Outcome.WARNING
    assert "notified" in f.fix


def test_without_a_grant_the_largest_allowed_grant_is_checked() -> None:
    data = without(merged(SME, project={"budget_total": 165_000_000}), "project", "grant_sought")
    assert outcome(SCHEME, data, "PO10") is Outcome.PASS


def test_a_largest_allowed_grant_above_the_threshold_needs_the_grant_sought() -> None:
    data = without(merged(SME, project={"budget_total": 165_000_002}), "project", "grant_sought")
    f = finding(SCHEME, data, "PO10")
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.grant_sought",)


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


def test_a_routine_improvement_project_does_not_fit() -> None:
    data = merged(SME, project={"exclusions": ["routine_improvement"]})
    assert result_for(SCHEME, data).verdict is Verdict.DOES_NOT_FIT


def test_a_profile_missing_a_declaration_needs_information() -> None:
    data = without(SME, "declarations", "substantial_leap")
    assert result_for(SCHEME, data).verdict is Verdict.NEEDS_INFORMATION


def test_a_large_enterprise_without_a_stated_exception_needs_information() -> None:
    assert result_for(SCHEME, LARGE).verdict is Verdict.NEEDS_INFORMATION


def test_a_foreign_company_still_fits_with_a_warning() -> None:
    r = result_for(SCHEME, merged(SME, company={"country": "SE", "currency": "NOK"}))
    assert r.verdict is Verdict.FITS
    assert any(f.outcome is Outcome.WARNING for f in r.findings)


def test_the_scheme_asks_for_no_documents() -> None:
    assert SCHEME.documents == ()
    assert result_for(SCHEME, SME).missing_documents == []


# --- amounts -------------------------------------------------------------------------------


def test_an_sme_gets_half_the_budget_and_funds_the_rest() -> None:
    a = result_for(SCHEME, SME).amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("1000000.00")
    assert a.own_funding.amount == Decimal("1000000.00")
    assert a.rate == Decimal("0.50") and a.cap is None
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
    a = result_for(SCHEME, data).amounts.amounts
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
    r = result_for(SCHEME, without(SME, "company", "employees_fte"))
    assert r.amounts.amounts is None
    assert r.amounts.missing == ("company.employees_fte",)


@given(budget=st.decimals(min_value=0, max_value=10**10, places=2),
       large=st.booleans())
def test_the_grant_never_exceeds_the_rate_and_adds_up_to_the_budget(budget: Decimal,
                                                                    large: bool) -> None:
    data = merged(LARGE_EXCEPTION if large else SME, project={"budget_total": budget})
    a = po.amounts(ctx_for(data)).made()
    assert a.max_grant is not None and a.own_funding is not None and a.rate is not None
    assert a.max_grant.amount <= budget * a.rate
    assert a.max_grant.amount >= 0
    assert a.max_grant.amount + a.own_funding.amount == budget


# --- health --------------------------------------------------------------------------------


def _page_citations() -> list[Citation]:
    found: list[Citation] = [v for v in vars(po).values() if isinstance(v, Citation)]
    found += list(po.C_EXCLUSIONS) + [c.cite for c in po.ELIGIBLE_COSTS]
    for r in SCHEME.rules:
        found += r.cites
    for p in SCHEME.parameters:
        found.append(p.source)
    found += SCHEME.call.cites
    return [c for c in found if c.source is po.SOURCE]


def test_the_module_is_the_registered_scheme() -> None:
    assert get("no-prosessinnovasjon") is SCHEME


def test_rule_ids_are_unique_consecutive_and_prefixed() -> None:
    ids = [r.id for r in SCHEME.rules]
    assert ids == [f"PO{i:02d}" for i in range(1, len(ids) + 1)]


def test_every_rule_has_a_citation_and_reads_real_profile_fields() -> None:
    ctx = ctx_for(SME)
    for r in SCHEME.rules:
        assert r.cites, r.id
        assert r.kind is Kind.INFO or r.reads, r.id
        for path in r.reads:
            ctx.value(path)  # raises AttributeError for a field the profile does not have


def test_every_quote_is_copied_from_the_page() -> None:
    cites = _page_citations()
    assert len(cites) > 20
    for c in cites:
        assert c.quote, c.section
        assert c.quote in PAGE_EXCERPT, c.quote


def test_eu_citations_say_they_are_not_from_the_page() -> None:
    for r in SCHEME.rules:
        for c in r.cites:
            if c.source is not po.SOURCE:
                assert not c.from_page and c.section


def test_every_parameter_has_a_unit_and_a_citation() -> None:
    for p in SCHEME.parameters:
        assert p.unit in UNITS, p.name
        assert isinstance(p.source, Citation) and p.source.section, p.name


def test_gber_parameters_run_to_the_end_of_gber() -> None:
    for p in (po.SME_INTENSITY, po.LARGE_INTENSITY, po.LARGE_SME_COST_SHARE,
              po.NOTIFICATION_THRESHOLD):
        assert p.valid_until == date(2026, 12, 31)
        assert p.at(date(2014, 7, 1)) == p.at(date(2026, 12, 31))
    assert "2023/1315" in po.NOTIFICATION_THRESHOLD.note


def test_the_pages_four_cost_types_are_exported() -> None:
    assert [c.id for c in po.ELIGIBLE_COSTS] == ["personnel", "services", "equipment", "ipr"]
    assert "pro rata" in po.ELIGIBLE_COSTS[2].note


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
