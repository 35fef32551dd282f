"""Säker digitalisering (se-saker-digitalisering): rules, verdicts, documents, amounts, health."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.citations import Citation
from grantcheck.engine import Kind, Outcome, Stage, Verdict
from grantcheck.parameters import UNITS
from grantcheck.profile import DOCUMENT_IDS
from grantcheck.schemes import get
from grantcheck.schemes.se_saker_digitalisering import scheme as sd
from grantcheck.schemes.se_saker_digitalisering.vocabulary import SeTheme
from tests.support import ctx_for, finding, merged, outcome, result_for

SCHEME = sd.SCHEME
OPEN = date(2023, 3, 1)  # the last open day

# The page sentences the module quotes, copied from the source page (tests never read ../shared).
PAGE_EXCERPT = "\n".join([
    "• Stänger 1 mars 2023",
    "I utlysningen fördelas max 10 miljoner kronor. Tillväxtverket finansierar max 50 "
    "procent av projektets totalbudget.",
    "Satsningen vänder sig till företags- och innovationsfrämjande aktörer, offentliga "
    "och privata, som företräder och i sin verksamhet idag erbjuder småföretag "
    "kvalificerad information, rådgivning och coachning.",
    "Sökande, exempelvis science parks, klusterorganisationer och inkubatorer, ska ha en "
    "egen grundkompetens inom affärsutveckling och digitalisering inklusive grundläggande "
    "kunskaper inom digital säkerhet för stöd och rådgivning av små och medelstora "
    "företag. Sökande organisation ska ha egna erfarenheter av arbete med relevanta och "
    "befintliga projektmodeller, metoder och verktyg som stöd för genomförandet av "
    "projektet.",
    "De ska också ha tillgång till relevanta nätverk, marknadskanaler och "
    "samarbetspartner för att snabbt nå och rekrytera företag till projektet samt för att "
    "stärka arbetet med säker digitalisering.",
    "En region kan också söka finansiering för att företräda en grupp av företags- och "
    "innovationsfrämjare. I övrigt gäller kriterierna för deltagande innovations- och "
    "företagsfrämjare enligt ovan.",
    "Det är ett mervärde om projektet har en regional förankring; genom medfinansiering "
    "eller avsiktsförklaringar eller genom ett engagemang i själva projektgenomförandet.",
    "Enskilda näringsidkare kan inte söka stödet.",
    "I utvecklingsprojekten ska aktiviteter genomföras med en mindre grupp av företag.",
    "Deltagande företag i insatsen ska ha någorlunda liknande utmaningar för att höja sin "
    "digitala kompetens. Målgruppen ska vara företag med tillväxtambitioner och bör ha "
    "minst 10 anställda. Deltagande företag ska ha grundläggande kompetenser inom "
    "digitalisering.",
    "Projekten ska drivas och utvecklas i dialog och samråd med deltagande företag. "
    "Nätverkande och gruppdynamik mellan deltagande företag är en viktig komponent för "
    "projektgenomförandet.",
    "Projekten ska adressera specifika utmaningar och teman samt använda sig av en "
    "befintlig grundmetodik för genomförandet. Mer nischade insatser kan också underlätta "
    "och konkretisera erbjudandet gentemot deltagande företag.",
    "Projekten ska, utöver grundutmaningen digital säkerhet, välja ett tema i ansökan. "
    "Detta för att ge insatsen en tydligare inramning och för att mer långsiktigt och "
    "naturligt integrera perspektivet digital säkerhet i digitaliseringssatsningar "
    "riktade till SMF.",
    "Datadriven/AI-driven affärs- och verksamhetsutveckling",
    "Digitala plattformar och digitala ekosystem",
    "Smart specialisering/ branschspecifika satsningar",
    "Internationalisering",
    "Klimat- och miljöanpassning",
    "Förslag på teman välkomnas också. Kontakta Tillväxtverket för en dialog i frågan.",
    "• Uppgifter om antalet deltagande företag. En uppskattning i tid av omfattningen av "
    "företagens deltagande. En uppskattning av fördelningen mellan män och kvinnor som "
    "representerar deltagande småföretag.",
    "• Relevant kompetens och erfarenhet för projektgenomförandet ska framgå av ansökan. "
    "Bifoga gärna underlag som styrker kompetens och erfarenheter.",
    "• Strategi för hur resultat, kunskap och erfarenheter från projektet kan nyttiggöras "
    "i egen organisation och spridas till andra organisationer i direkt anslutning till "
    "att projektet avslutas.",
    "• Val av grundtema för digitaliseringsinriktning för projektet, se vidare "
    "inledningen ovan För vad kan vi söka?",
    "Val av relevant(a) mål i Agenda 2030 för projektet som ligger i linje med syfte, mål "
    "och målgrupper för denna utlysning. Se vidare fliken Hållbar utveckling",
    "Projekten genomförs genom en introduktions- och en fördjupningsfas.",
    "• Den specifika utmaningen och behoven hos målgruppen av företag i projektet "
    "avseende digital säkerhet samt vilka metoder, verktyg och arbetssätt som ska "
    "vidareutvecklas och anpassas för målgruppen. Samt hur de deltagande företagens "
    "ledningar och styrelser involveras och gynnas av aktiviteterna.",
    "• Utbildning/kompetensutveckling inom digital säkerhet av egen personal hos den "
    "sökande projektorganisationen, men också för andra offentliga innovations- och "
    "företagsfrämjande organisationer i regionen. Maxbelopp för denna aktivitet är 180 "
    "tkr, eller 30 tkr per deltagande person. Typ av utbildning ska anges i ansökan.",
    "Lägsta belopp för ansökan är 500 tkr. Max 10 mkr finns totalt till förfogande för "
    "utlysningen. Förordningskraven för regionalanslag och för denna typ av insats kräver "
    "50 procents medfinansiering.",
    "Pilotprojekten har en genomförandetid under 2023. Vi beräknar projektstarten till "
    "början/mitten av mars 2023. Projekten kan tidigast starta från ansökningsdatum och "
    "som längst drivas t o m 2023-10-31. De ska slutredovisas senast 2023-11-30.",
    "Du kan bara få pengar för kostnader du haft under projektperioden. En projektperiod "
    "kan tidigast starta det datum som ansökan elektroniskt kommit in till "
    "Tillväxtverket. Du kan inte få ersättning för kostnader du haft innan "
    "projektperiodens start.",
    "Om ditt projekt beviljas stöd kommer du i samband med rapportering av genomförda "
    "insatser att få stödet utbetalt. En förutsättning för att du ska få pengar är att du "
    "följer reglerna för stödet. Om reglerna för stödet inte följs kan Tillväxtverket "
    "upphäva beslutet helt eller delvis. Då kan du bli skyldig att betala tillbaka "
    "stödet.",
    "Stödet styrs av Förordning 2015:210 Länk till annan webbplats. om statligt stöd för "
    "att främja små och medelstora företag, se särskilt §13 om stöd till "
    "företagsutveckling. Stödet omfattas av EU:s statsstödsregler.",
    "Medfinansiering från den som ansöker om stöd ska uppgå till 50 procent av projektets "
    "budget i form av kontant medfinansiering, från egen organisation eller från extern "
    "aktör.",
    "Tillväxtverket bedömer ansökans relevans i förhållande till krav och inriktning i "
    "utlysningen. Det ska finnas en logisk koppling mellan utmaning, syfte, mål och "
    "aktiviteter (projektlogik) och en organisatorisk förmåga att genomföra projektet på "
    "ett bra sätt under en kort projekttid.",
    "Observera att vi för denna utlysning inte rekommenderar några samverkansavtal. "
    "Kontakta gärna Tillväxtverket i denna fråga.",
    "Gå till Tillväxtverkets Allmänna villkor och se vad som gäller för stödet. De "
    "specifika stödberättigade kostnader som du kan använda för ditt projekt är personal, "
    "schablon, externa tjänster, investeringar, resor och logi. Investeringar avser här "
    "mindre kostnader för digitala verktyg som stöd för projektgenomförandet. Kontakta "
    "gärna Tillväxtverket för en fortsatt dialog.\xa0",
    "Det gör du i avsnittet Så fyller ni i ansökan om stöd. I avsnittet finns information "
    "om användarkonto och e-legitimation. Utlysningen hittas under namnet Pilot "
    "fortsättning säker digitalisering. Glöm inte obligatoriska bilagor.",
])

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
    data = without(merged(PROMOTER, company={"innovation_promoter": False}), "company",
                   "is_region")
    f = finding(SCHEME, data, "SD01", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.is_region",)


def test_neither_fact_stated_names_both_fields() -> None:
    data = without(without(PROMOTER, "company", "is_region"), "company", "innovation_promoter")
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
    f = finding(SCHEME, without(PROMOTER, "company", "is_region"), "SD05", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("company.is_region",)


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


# --- SD13–SD15 the grant sought ------------------------------------------------------------


def test_500000_sought_is_the_minimum() -> None:
    f = finding(SCHEME, project(grant_sought=500_000, budget_total=1_000_000), "SD13", on=OPEN)
    assert f.outcome is Outcome.PASS
    assert "read as the grant sought" in f.message and "SEK 1,000,000" in f.message


def test_499999_sought_is_below_the_minimum() -> None:
    f = finding(SCHEME, project(grant_sought=499_999), "SD13", on=OPEN)
    assert f.outcome is Outcome.FAIL
    assert "SEK 1 more" in f.fix


def test_the_grant_sought_not_stated_is_unknown() -> None:
    f = finding(SCHEME, without(PROMOTER, "project", "grant_sought"), "SD13", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == ("project.grant_sought",)


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


# --- SD16–SD17 project period --------------------------------------------------------------


def test_a_project_may_start_on_the_application_date() -> None:
    assert check(project(start=date(2023, 3, 1)), "SD16") is Outcome.PASS


def test_a_project_may_not_start_the_day_before() -> None:
    assert check(project(start=date(2023, 2, 28)), "SD16") is Outcome.FAIL


@pytest.mark.parametrize("field", ["start", "application_date"])
def test_the_start_rule_names_a_missing_date(field: str) -> None:
    f = finding(SCHEME, without(PROMOTER, "project", field), "SD16", on=OPEN)
    assert f.outcome is Outcome.UNKNOWN
    assert f.missing == (f"project.{field}",)


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


# --- documents -----------------------------------------------------------------------------


def test_every_document_id_is_known_to_the_profile() -> None:
    for d in SCHEME.documents:
        assert d.id in DOCUMENT_IDS and d.cites


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
    a = result_for(SCHEME, project(budget_total=30_000_000), on=OPEN).amounts.amounts
    assert a is not None and a.max_grant is not None and a.own_funding is not None
    assert a.max_grant.amount == Decimal("10000000.00")
    assert a.own_funding.amount == Decimal("20000000.00")
    assert "derived" in a.basis


def test_a_budget_below_one_million_is_flagged_in_the_basis() -> None:
    a = result_for(SCHEME, project(budget_total=999_998), on=OPEN).amounts.amounts
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


@given(budget=st.decimals(min_value=0, max_value=10**9, places=2))
def test_the_grant_never_exceeds_cap_or_rate_and_adds_up(budget: Decimal) -> None:
    a = sd.amounts(ctx_for(project(budget_total=budget), on=OPEN)).made()
    assert a.max_grant is not None and a.own_funding is not None and a.cap is not None
    assert a.max_grant <= a.cap
    assert a.max_grant.amount <= budget * Decimal("0.5")
    assert a.max_grant.amount + a.own_funding.amount == budget


# --- health --------------------------------------------------------------------------------


def _page_citations() -> list[Citation]:
    found: list[Citation] = [v for v in vars(sd).values() if isinstance(v, Citation)]
    found += [c.cite for c in sd.ELIGIBLE_COSTS] + list(sd.PROJECT_PERIOD_COSTS)
    for r in SCHEME.rules:
        found += r.cites
    for d in SCHEME.documents:
        found += d.cites
    for p in SCHEME.parameters:
        found.append(p.source)
    found += SCHEME.call.cites
    return [c for c in found if c.source is sd.SOURCE]


def test_the_module_is_the_registered_scheme() -> None:
    assert get("se-saker-digitalisering") is SCHEME


def test_rule_ids_are_unique_consecutive_and_prefixed() -> None:
    ids = [r.id for r in SCHEME.rules]
    assert ids == [f"SD{i:02d}" for i in range(1, len(ids) + 1)]


def test_every_rule_has_a_citation_and_reads_real_profile_fields() -> None:
    ctx = ctx_for(PROMOTER, on=OPEN)
    for r in SCHEME.rules:
        assert r.cites, r.id
        assert r.kind is Kind.INFO or r.reads, r.id
        for path in r.reads:
            ctx.value(path)  # raises AttributeError for a field the profile does not have


def test_every_quote_is_copied_from_the_page() -> None:
    cites = _page_citations()
    assert len(cites) > 40
    for c in cites:
        assert c.quote, c.section
        assert c.quote in PAGE_EXCERPT, c.quote


def test_the_example_themes_are_named_as_on_the_page() -> None:
    assert set(sd.THEMES) == set(SeTheme) - {SeTheme.OTHER}
    for name in sd.THEMES.values():
        assert name in PAGE_EXCERPT


def test_the_forordning_is_cited_as_law_not_as_the_page() -> None:
    assert not sd.SFS_13.from_page
    assert sd.SFS_13.source.title.startswith("Förordning (2015:210)")


def test_every_parameter_has_a_unit_and_a_citation() -> None:
    for p in SCHEME.parameters:
        assert p.unit in UNITS, p.name
        assert isinstance(p.source, Citation) and p.source.quote in PAGE_EXCERPT, p.name


def test_the_call_window_has_no_opening_and_closes_on_1_march_2023() -> None:
    assert SCHEME.call.opens is None
    assert SCHEME.call.closes == date(2023, 3, 1)
    assert sd.FINAL_REPORT_BY.at(OPEN) == date(2023, 11, 30)


def test_the_five_cost_types_are_exported() -> None:
    assert [c.id for c in sd.ELIGIBLE_COSTS] == [
        "personnel", "flat_rate", "external_services", "investments", "travel"]
