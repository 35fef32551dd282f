"""Registry fields read by their bounds (fourth round): every field a registry gives that
settles or bounds a fact is read, and nothing is decided that the registry does not say.

Each test writes a unit the way the registry's file writes it (REGISTRIES.md: brreg's CSV
header of 2026, CVR's virksomhedMetadata as a real 2017 response carries it, Bolagsverket's
sub-fields and repeated values)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from grantcheck.registry import registry_tasks

# --- helpers -----------------------------------------------------------------------------------

BRREG_HEADER = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
                "harRegistrertAntallAnsatte,antallAnsatte,postadresse.landkode,"
                "forretningsadresse.landkode,stiftelsesdato,registrertIForetaksregisteret,"
                "konkurs,konkursdato,underAvvikling,underAvviklingDato,"
                "underTvangsavviklingEllerTvangsopplosning,"
                "underUtenlandskInsolvensbehandlingDato,underRekonstruksjonsforhandlingDato")


def brreg(**cells: str) -> tuple[str, Any]:
    """One brreg CSV unit (kind, payload): the cells not given are empty."""
    row = {"organisasjonsnummer": "923609016", "navn": "X AS", "organisasjonsform.kode": "AS",
           "naeringskode1.kode": "62.010", "forretningsadresse.landkode": "NO"}
    row.update(cells)
    names = BRREG_HEADER.split(",")
    line = ",".join(row.get(n, "") for n in names)
    raw = (BRREG_HEADER + "\n" + line + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "e.csv", "brreg-enheter")
    return kind, payload


def cvr(doc: dict[str, Any]) -> tuple[str, Any]:
    base: dict[str, Any] = {"cvrNummer": 38492716,
                            "virksomhedMetadata": {"nyesteNavn": {"navn": "X ApS"},
                                                   "sammensatStatus": "NORMAL"}}
    for k, v in doc.items():
        if k == "virksomhedMetadata":
            base[k].update(v)
        else:
            base[k] = v
    raw = (json.dumps({"_source": {"Vrvirksomhed": base}}) + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "c.jsonl", "cvr")
    return kind, payload


def company(kind_payload: tuple[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    kind, payload = kind_payload
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


# --- Enhetsregisteret: insolvency and winding up by their dates ---------------------------------


def test_brreg_foreign_insolvency_proceedings_are_an_undertaking_in_difficulty() -> None:
    """underUtenlandskInsolvensbehandlingDato (a NUF's company under insolvency proceedings
    abroad) is collective insolvency proceedings, GBER art. 2(18)(c): it was not read."""
    data, provenance = company(brreg(**{"organisasjonsform.kode": "NUF",
                                        "underUtenlandskInsolvensbehandlingDato": "2026-03-01"}))
    assert data["in_difficulty"] is True
    assert provenance["company.in_difficulty"] == (
        "Enhetsregisteret: insolvency proceedings abroad (underUtenlandskInsolvensbehandling) "
        "since 2026-03-01")


def test_brreg_bankruptcy_date_without_the_flag_is_bankruptcy() -> None:
    data, provenance = company(brreg(konkurs="", konkursdato="2026-02-01"))
    assert data["in_difficulty"] is True
    assert provenance["company.in_difficulty"] == (
        "Enhetsregisteret: bankruptcy (konkurs) since 2026-02-01")


def test_brreg_bankruptcy_flag_false_and_no_date_leaves_difficulty_unknown() -> None:
    data, provenance = company(brreg(konkurs="false"))
    assert "in_difficulty" not in data and "company.in_difficulty" not in provenance


def test_brreg_winding_up_date_without_the_flag_is_noted_not_settled() -> None:
    data, provenance = company(brreg(underAvviklingDato="2026-01-15"))
    assert "in_difficulty" not in data
    assert provenance["company.in_difficulty"].startswith(
        "Enhetsregisteret: being wound up (under avvikling) since 2026-01-15; not itself")


def test_a_brreg_insolvency_date_that_is_no_date_is_an_error_naming_the_field() -> None:
    kind, said = brreg(underUtenlandskInsolvensbehandlingDato="01.03.2026")
    assert (kind, said) == ("missing", "underUtenlandskInsolvensbehandlingDato: must be a date "
                            "written as YYYY-MM-DD (got '01.03.2026')")


# --- Enhetsregisteret: the country is where the unit is, not where its mail goes ----------------


def test_brreg_postal_address_abroad_does_not_make_the_unit_foreign() -> None:
    """An AS with no business address and a postal address in Spain was screened as a Spanish
    company (and refused: no currency for ES); a postal address does not say where a unit is
    established, so the country is not known: an error record saying so."""
    kind, said = brreg(**{"forretningsadresse.landkode": "", "postadresse.landkode": "ES"})
    assert kind == "missing"
    assert said == ("923609016: no forretningsadresse.landkode, and postadresse.landkode ES is "
                    "a postal address abroad, which does not say where the unit is "
                    "established: the country of the unit is not known")


def test_brreg_norwegian_postal_address_still_gives_norway() -> None:
    data, provenance = company(brreg(**{"forretningsadresse.landkode": "",
                                        "postadresse.landkode": "NO"}))
    assert data["country"] == "NO"
    assert provenance["company.country"] == "Enhetsregisteret postadresse.landkode"


def test_brreg_business_address_abroad_is_read() -> None:
    data, _ = company(brreg(**{"organisasjonsform.kode": "NUF",
                               "forretningsadresse.landkode": "SE",
                               "postadresse.landkode": "NO"}))
    assert data["country"] == "SE"


# --- CVR: the newest period, wherever the document keeps it ------------------------------------

MAGENTA_2017 = {  # the shape of a real 2017 response (magenta-aps/datafordeler-plugin-cvr)
    "aarsbeskaeftigelse": [{"aar": 2014, "intervalKodeAntalInklusivEjere": "ANTAL_10_19",
                            "intervalKodeAntalAarsvaerk": "ANTAL_10_19",
                            "intervalKodeAntalAnsatte": "ANTAL_10_19"}],
    "virksomhedMetadata": {
        "nyesteAarsbeskaeftigelse": {"aar": 2014, "intervalKodeAntalAarsvaerk": "ANTAL_10_19",
                                     "intervalKodeAntalAnsatte": "ANTAL_10_19"},
        "nyesteKvartalsbeskaeftigelse": {"aar": 2016, "kvartal": 3,
                                         "intervalKodeAntalAarsvaerk": "ANTAL_20_49",
                                         "intervalKodeAntalAnsatte": "ANTAL_20_49"},
        "nyesteMaanedsbeskaeftigelse": {"aar": 2016, "maaned": 12,
                                        "intervalKodeAntalAarsvaerk": "ANTAL_50_99",
                                        "intervalKodeAntalAnsatte": "ANTAL_50_99"}},
}


def test_cvr_newest_month_in_the_metadata_beats_an_older_year() -> None:
    """virksomhedMetadata.nyesteMaanedsbeskaeftigelse (2016-12, 50–99 AWU) is newer than the
    annual 2014 band (10–19): the stale band let a company of 50 or more pass as small."""
    data, provenance = company(cvr(MAGENTA_2017))
    assert data["employees_fte"] == {"min": 50, "max": 99}
    assert provenance["company.employees_fte"] == (
        "CVR maanedsbeskaeftigelse 2016-12, interval code ANTAL_50_99 (a month's work units "
        "standing in for the year's: no whole year of figures since 2014)")


def test_cvr_quarterly_series_is_read_when_it_is_the_newest() -> None:
    doc = {"aarsbeskaeftigelse": [{"aar": 2014, "intervalKodeAntalAarsvaerk": "ANTAL_10_19"}],
           "kvartalsbeskaeftigelse": [
               {"aar": 2016, "kvartal": 2, "intervalKodeAntalAarsvaerk": "ANTAL_5_9"},
               {"aar": 2016, "kvartal": 3, "intervalKodeAntalAarsvaerk": "ANTAL_20_49"}]}
    data, provenance = company(cvr(doc))
    assert data["employees_fte"] == {"min": 20, "max": 49}
    assert provenance["company.employees_fte"] == (
        "CVR kvartalsbeskaeftigelse 2016 Q3, interval code ANTAL_20_49 (a quarter's work units "
        "standing in for the year's: no whole year of figures since 2014)")


def test_cvr_a_month_after_the_quarter_wins_and_a_year_after_its_months() -> None:
    doc = {"maanedsbeskaeftigelse": [{"aar": 2016, "maaned": 10,
                                      "intervalKodeAntalAarsvaerk": "ANTAL_5_9"}],
           "kvartalsbeskaeftigelse": [{"aar": 2016, "kvartal": 3,
                                       "intervalKodeAntalAarsvaerk": "ANTAL_20_49"}]}
    assert company(cvr(doc))[0]["employees_fte"] == {"min": 5, "max": 9}
    doc["aarsbeskaeftigelse"] = [{"aar": 2016, "intervalKodeAntalAarsvaerk": "ANTAL_10_19"}]
    assert company(cvr(doc))[0]["employees_fte"] == {"min": 10, "max": 19}


def test_cvr_quarter_5_is_an_error_naming_the_field() -> None:
    kind, said = cvr({"kvartalsbeskaeftigelse": [{"aar": 2016, "kvartal": 5,
                                                  "intervalKodeAntalAarsvaerk": "ANTAL_5_9"}]})
    assert (kind, said) == ("missing", "kvartalsbeskaeftigelse.kvartal: must be a quarter, "
                            "1 to 4 (got 5)")


# --- CVR: owners are the headcount bands' difference -------------------------------------------


def test_cvr_owners_are_including_owners_less_the_employees_headcount_band() -> None:
    """2005 of the real fixture: including owners 5–9, employees 5–9 persons, 2–4 AWU. The
    owners are at most 9 − 5 = 4 persons; the AWU band's low end (2) is no bound on persons."""
    doc = {"aarsbeskaeftigelse": [{"aar": 2005, "intervalKodeAntalInklusivEjere": "ANTAL_5_9",
                                   "intervalKodeAntalAarsvaerk": "ANTAL_2_4",
                                   "intervalKodeAntalAnsatte": "ANTAL_5_9"}]}
    data, provenance = company(cvr(doc))
    assert data["employees_fte"] == {"min": 2, "max": 4}
    assert data["owners_fte"] == {"min": 0, "max": 4}
    assert provenance["company.owners_fte"] == (
        "CVR aarsbeskaeftigelse 2005: including owners (ANTAL_5_9) less employees "
        "(ANTAL_5_9), read as at most 4 persons, each at most one AWU")


def test_cvr_owners_when_work_units_exceed_the_headcount_band() -> None:
    """Including owners 2–4, 2–4 AWU, one employee: up to 3 owners. Subtracting the AWU band
    gave at most 2, a bound the registry does not give."""
    doc = {"aarsbeskaeftigelse": [{"aar": 2003, "intervalKodeAntalInklusivEjere": "ANTAL_2_4",
                                   "intervalKodeAntalAarsvaerk": "ANTAL_2_4",
                                   "intervalKodeAntalAnsatte": "ANTAL_1_1"}]}
    assert company(cvr(doc))[0]["owners_fte"] == {"min": 0, "max": 3}


def test_cvr_owners_without_an_employees_headcount_are_at_most_the_whole_band() -> None:
    doc = {"aarsbeskaeftigelse": [{"aar": 2003, "intervalKodeAntalInklusivEjere": "ANTAL_2_4",
                                   "intervalKodeAntalAarsvaerk": "ANTAL_2_4"}]}
    data, provenance = company(cvr(doc))
    assert data["owners_fte"] == {"min": 0, "max": 4}
    assert "no employees' headcount" in provenance["company.owners_fte"]


def test_cvr_exact_headcounts_give_exact_owner_persons() -> None:
    doc = {"erstMaanedsbeskaeftigelse": [{"aar": 2025, "maaned": 9, "antalAnsatte": 12,
                                          "antalInklusivEjere": 14, "antalAarsvaerk": 11}]}
    data, _ = company(cvr(doc))
    assert data["employees_fte"] == {"min": 11, "max": 11}
    assert data["owners_fte"] == {"min": 0, "max": 2}


# --- CVR: status words ---------------------------------------------------------------------------


def test_cvr_under_reassumering_is_noted_not_an_undertaking_in_difficulty() -> None:
    """Reassumption reopens a dissolved company; it is not itself collective insolvency
    proceedings, so it settles nothing (it was read as in difficulty)."""
    data, provenance = company(cvr({"virksomhedMetadata": {
        "sammensatStatus": "Under reassumering"}}))
    assert "in_difficulty" not in data
    assert provenance["company.in_difficulty"].startswith(
        "CVR status Under reassumering: reopened after dissolution, not itself collective "
        "insolvency proceedings")


@pytest.mark.parametrize("status", ["LUKKET", "OPLØST EFTER GRÆNSEOVERSKRIDENDE FUSION",
                                    "Opløst efter grænseoverskridende hjemstedsflytning"])
def test_cvr_other_ended_statuses_are_nothing_to_screen(status: str) -> None:
    kind, said = cvr({"virksomhedMetadata": {"sammensatStatus": status}})
    assert kind == "missing"
    assert said == f"CVR 38492716: status {status}: the company has ceased, nothing to screen"


# --- Bolagsverket: the company name, not a secondary name ---------------------------------------

BV_HEADER = ("organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;"
             "organisationsform;avregistreringsdatum;avregistreringsorsak;"
             "pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;"
             "verksamhetsbeskrivning;postadress")


def test_bolagsverket_name_is_the_company_name_whatever_the_order() -> None:
    row = ('"5566778899$ORGNR-IDORG";"1";"SE-LAND";"Bifirman$SARSKILT-FORETAGSNAMN-ORGNAM'
           '$2021-01-02|Exempel AB$FORETAGSNAMN-ORGNAM$2020-01-02";"AB-ORGFO";"";"";"";'
           '"2020-01-02";"";""')
    raw = (BV_HEADER + "\n" + row + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "b.txt", "bolagsverket")
    assert kind == "registry", payload
    data, provenance = payload
    assert data["company"]["name"] == "Exempel AB"
    assert provenance["company.name"] == "Bolagsverket organisationsnamn (FORETAGSNAMN-ORGNAM)"


# --- a registry extract as CSV: open-ended bands are ranges ------------------------------------


def csv_profile(cell: str) -> Any:
    from grantcheck.csv_input import profile_from_row

    return profile_from_row({"name": "A AS", "country": "NO", "employees_fte": cell}, "x.csv:2")


@pytest.mark.parametrize(("cell", "low", "high"), [
    ("250+", 250, None), ("≥250", 250, None), (">=250", 250, None), ("1000 +", 1000, None),
    (">249", 249, None), ("<10", 0, 10), ("<=9", 0, 9), ("≤9", 0, 9)])
def test_an_open_ended_size_band_of_an_extract_is_a_range(cell: str, low: int,
                                                         high: int | None) -> None:
    """A size class written '250+' (the top band) or '<10' was refused as 'not a number', so
    the unit was an error record; it is a range with one end (a strict end read as the
    bound itself: the range holds every value the band does, never fewer)."""
    from decimal import Decimal

    from grantcheck.facts import INF, Range

    fte = csv_profile(cell).company.employees_fte
    assert isinstance(fte, Range)
    assert fte.lo == Decimal(low)
    assert fte.hi == (INF if high is None else Decimal(high))


@pytest.mark.parametrize("cell", ["250++", "<", "≥", "<-5", "250+ staff"])
def test_a_cell_that_is_no_band_is_still_refused(cell: str) -> None:
    from grantcheck.profile import ProfileError

    with pytest.raises(ProfileError):
        csv_profile(cell)


# --- CVR: the industry code for 'unknown' --------------------------------------------------------


def test_cvr_branch_980000_uoplyst_gives_no_sector() -> None:
    """DB07 writes an unknown industry as 980000 'Uoplyst' (the real 2017 response's first
    hovedbranche): it was read as sector 'other', which passes the fishery and agriculture
    exclusions (PO12, IP10) on a fact the registry does not give."""
    data, provenance = company(cvr({"virksomhedMetadata": {"nyesteHovedbranche": {
        "branchekode": "980000", "branchetekst": "Uoplyst"}}}))
    assert "sector" not in data
    assert provenance["company.sector"] == "CVR hovedbranche 980000: 'unspecified', no sector read"


def test_a_deleted_brreg_unit_is_nothing_to_screen() -> None:
    """An API response for a deleted unit carries slettedato (and no konkurs or avvikling
    flags): it was screened as a going concern."""
    raw = (b'[{"organisasjonsnummer": "923609016", "navn": "BORTE AS", "organisasjonsform": '
           b'{"kode": "AS"}, "forretningsadresse": {"landkode": "NO"}, '
           b'"slettedato": "2025-06-30"}]')
    (kind, _, said), = registry_tasks(io.BytesIO(raw), "e.json", "brreg-enheter")
    assert (kind, said) == ("missing", "923609016: deleted from Enhetsregisteret on 2025-06-30 "
                            "(slettedato): nothing to screen")


def test_a_brreg_api_page_gives_one_unit_per_enhet() -> None:
    """An Enhetsregisteret API search page ({"_embedded": {"enheter": [...]}}, the shape the API
    answers with) was read as one unit with no organisasjonsnummer: every unit on it lost."""
    raw = (b'{"_embedded": {"enheter": [{"organisasjonsnummer": "923609016", "navn": "A AS", '
           b'"forretningsadresse": {"landkode": "NO"}}, {"organisasjonsnummer": "999888777", '
           b'"navn": "B AS", "forretningsadresse": {"landkode": "NO"}}]}, "page": {"size": 20}}')
    found = list(registry_tasks(io.BytesIO(raw), "p.json", "brreg-enheter"))
    assert [(t[0], t[1]) for t in found] == [("registry", "p.json line 1 enhet 1"),
                                            ("registry", "p.json line 1 enhet 2")]
