"""The registry readers on small files written in each registry's real format (headers,
casing, quoting, multi-line fields, bands, withheld values, codes): one task per unit, an error
task for a unit that cannot be mapped, nothing lost. The files are in tests/registry/data."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import pytest

from grantcheck.registry import guess, registry_tasks, sniff
from grantcheck.registry.json_file import json_items
from grantcheck.registry.mapping import interval

DATA = Path(__file__).parent / "data"


def tasks(name: str, fmt: str, raw: bytes | None = None) -> list[tuple[str, str, Any]]:
    data = (DATA / name).read_bytes() if raw is None else raw
    return list(registry_tasks(io.BytesIO(data), name, fmt))


def units(name: str, fmt: str) -> dict[str, dict[str, Any]]:
    """{company name: (profile data, provenance)} of the units that map."""
    return {t[2][0]["company"]["name"]: t[2] for t in tasks(name, fmt) if t[0] == "registry"}


def errors(name: str, fmt: str) -> dict[str, str]:
    return {t[1]: t[2] for t in tasks(name, fmt) if t[0] == "missing"}


# --- Enhetsregisteret ---------------------------------------------------------------------------


def test_brreg_csv_gives_one_task_per_unit_counting_a_multi_line_field_as_one_row() -> None:
    """The 'aktivitet' of the first unit spans two lines: still one unit, sources by line."""
    found = tasks("enheter.csv", "brreg-enheter")
    assert [t[1] for t in found] == ["enheter.csv:2", "enheter.csv:4", "enheter.csv:5",
                                     "enheter.csv:6", "enheter.csv:7", "enheter.csv:8"]


def test_brreg_csv_maps_the_facts_with_their_provenance() -> None:
    data, provenance = units("enheter.csv", "brreg-enheter")["FJORDLYS AS"]
    assert data["company"] == {
        "org_number": "923609016", "name": "FJORDLYS AS", "country": "NO",
        "legal_form": "limited_company", "founded": "2019-06-03", "sector": "other",
        "employees_fte": {"min": 0, "max": 12}, "registered_in_foretaksregisteret": True}
    assert provenance["company.employees_fte"].startswith(
        "Enhetsregisteret antallAnsatte 2026-11-30: a headcount of 12")
    assert "in_difficulty" not in data["company"]  # no flag set does not show it is not


def test_brreg_bankruptcy_is_an_undertaking_in_difficulty() -> None:
    data, provenance = units("enheter.csv", "brreg-enheter")["KONKURS AS"]
    assert data["company"]["in_difficulty"] is True
    assert provenance["company.in_difficulty"] == (
        "Enhetsregisteret: bankruptcy (konkurs) since 2025-09-15")


def test_brreg_municipality_is_a_public_body_and_fishing_a_fishery() -> None:
    found = units("enheter.csv", "brreg-enheter")
    assert found["OSLO KOMMUNE"][0]["company"]["legal_form"] == "public_body"
    assert found["HAVBRUK AS"][0]["company"]["sector"] == "fishery_aquaculture"


def test_brreg_unknown_form_and_short_row_are_one_error_each() -> None:
    assert errors("enheter.csv", "brreg-enheter") == {
        "enheter.csv:7": "912345678: organisasjonsform.kode 'XYZ' is not mapped to a legal form "
                         "(docs/registries.md lists those that are)",
        "enheter.csv:8": "has 2 cells where the header has 17 columns"}


def test_brreg_json_names_match_whatever_their_casing() -> None:
    """JSON writes registreringsdatoAntallAnsatteNavAaregisteret, CSV ...antallansatteNAV...."""
    data, provenance = units("enheter.json", "brreg-enheter")["FJORDLYS AS"]
    assert data["company"]["employees_fte"] == {"min": 0, "max": 12}
    assert "2026-11-30" in provenance["company.employees_fte"]


def test_brreg_json_restructuring_is_in_difficulty_and_liquidation_is_left_open() -> None:
    found = units("enheter.json", "brreg-enheter")
    assert found["REKON AS"][0]["company"]["in_difficulty"] is True
    assert found["REKON AS"][0]["company"]["employees_fte"] == {"min": 0, "max": 0}
    assert found["REKON AS"][0]["company"]["sector"] == "other"  # SN2025 96.210
    winding = found["AVVIKLING AS"]
    assert "in_difficulty" not in winding[0]["company"]
    assert "not settled" in winding[1]["company.in_difficulty"]


def test_brreg_json_item_that_is_not_an_object_is_an_error_and_the_rest_go_on() -> None:
    found = tasks("enheter.json", "brreg-enheter")
    assert [t[0] for t in found] == ["registry", "registry", "missing", "registry"]


@pytest.mark.parametrize(("unit", "said"), [
    (b'"navn": ["x"]', "navn: must be text (got a list)"),
    (b'"navn": "X AS", "antallAnsatte": 12.7', "antallAnsatte: must be a whole number (got 12.7)"),
    (b'"navn": "X AS", "antallAnsatte": true', "antallAnsatte: must be a number (got true)"),
    (b'"navn": "X AS", "konkurs": "kanskje"', "konkurs: must be true or false (got 'kanskje')"),
    (b'"navn": "X AS", "organisasjonsform": {"kode": "XYZ"}',
     "923609016: organisasjonsform.kode 'XYZ' is not mapped to a legal form (docs/registries.md "
     "lists those that are)"),
])
def test_a_brreg_json_value_of_the_wrong_kind_is_an_error_naming_the_field(unit: bytes, said: str
                                                                          ) -> None:
    """A list is no name (not the name "['x']"), 12.7 no headcount (not "Decimal('12.7')")."""
    raw = b'[{"organisasjonsnummer": "923609016", "forretningsadresse": {"landkode": "NO"}, ' + (
        unit + b"}, 5]")
    found = tasks("e.json", "brreg-enheter", raw)
    assert [(t[0], t[2]) for t in found] == [
        ("missing", said), ("missing", "a unit must be a JSON object (got 5)")]


CVR_UNIT = (b'{"cvrNummer": 38492716, "virksomhedMetadata": {"nyesteNavn": {"navn": "X ApS"}}, '
            b'"stiftelsesDato": %s}')


@pytest.mark.parametrize(("written", "said"), [
    (b"20170301", "stiftelsesDato: must be a date written as YYYY-MM-DD (got 20170301)"),
    (b'"01.03.2017"', "stiftelsesDato: must be a date written as YYYY-MM-DD (got '01.03.2017')"),
    (b'"2017-02-30"', "stiftelsesDato: no such day: February 2017 has 28 days; 2017 is no leap "
     "year (got '2017-02-30')"),
    (b'"\\ud800"', "stiftelsesDato: is not valid Unicode text: it holds a lone surrogate, a "
     "character no text has (got '\\ud800')"),
])
def test_a_registry_date_that_is_no_date_is_an_error_naming_the_registry_field(written: bytes,
                                                                               said: str) -> None:
    """20170301 is not read as seconds since 1970 (pydantic's 'Datetimes provided to dates
    should have zero time'), and the field named is the registry's, not company.founded."""
    found = tasks("c.jsonl", "cvr", CVR_UNIT % written + b"\n")
    assert [(t[0], t[2]) for t in found] == [("missing", said)]
    raw = (b'[{"organisasjonsnummer": "923609016", "navn": "X AS", "forretningsadresse": '
           b'{"landkode": "NO"}, "stiftelsesdato": ' + written.replace(b"Dato", b"dato") + b"}]")
    found = tasks("e.json", "brreg-enheter", raw)
    assert [(t[0], t[2]) for t in found] == [("missing", said.replace("Dato", "dato"))]


def test_a_registry_date_with_a_time_after_it_is_read_as_its_day() -> None:
    found = tasks("c.jsonl", "cvr", CVR_UNIT % b'"2017-03-01T00:00:00.000+01:00"' + b"\n")
    assert found[0][2][0]["company"]["founded"] == "2017-03-01"


def test_a_value_the_profile_refuses_names_the_registry_field_it_came_from() -> None:
    from grantcheck.batch.inputs import Task
    from grantcheck.batch.load import load_task
    from grantcheck.profile import ProfileError

    kind, source, payload = tasks("c.jsonl", "cvr", (CVR_UNIT % b"null").replace(
        b"38492716", b'"abc"') + b"\n")[0]
    with pytest.raises(ProfileError) as e:
        load_task(Task(kind, source, payload))
    assert [(p.path, p.message) for p in e.value.problems] == [
        ("CVR cvrNummer", "a CVR number has 8 digits (got 'abc')")]


def test_cvr_provenance_of_the_name_is_the_field_it_was_read_from() -> None:
    """A name read from navne is not said to come from nyesteNavn."""
    line = (b'{"cvrNummer": 38492716, "navne": [{"navn": "Old ApS", "periode": {"gyldigFra": '
            b'"2017-03-01", "gyldigTil": "2020-01-01"}}, {"navn": "New ApS", "periode": '
            b'{"gyldigFra": "2020-01-02", "gyldigTil": null}}]}\n')
    (data, provenance), = [t[2] for t in tasks("c.jsonl", "cvr", line)]
    assert data["company"]["name"] == "New ApS"
    assert provenance["company.name"] == "CVR navne (the newest period)"
    (_, provenance), = [t[2] for t in tasks("c.jsonl", "cvr", CVR_UNIT % b"null" + b"\n")]
    assert provenance["company.name"] == "CVR virksomhedMetadata.nyesteNavn"


STAFF = (b'{"cvrNummer": 38492716, "virksomhedMetadata": {"nyesteNavn": {"navn": "X ApS"}}, '
         b'"erstMaanedsbeskaeftigelse": [{"aar": 2025, "maaned": %s, "antalAarsvaerk": 5}]}\n')


def test_cvr_month_12_is_read_and_month_13_is_an_error_naming_the_field() -> None:
    (_, provenance), = [t[2] for t in tasks("c.jsonl", "cvr", STAFF % b"12")]
    assert provenance["company.employees_fte"].startswith("CVR erstMaanedsbeskaeftigelse 2025-12")
    assert tasks("c.jsonl", "cvr", STAFF % b"13") == [(
        "missing", "c.jsonl line 1",
        "erstMaanedsbeskaeftigelse.maaned: must be a month, 1 to 12 (got 13)")]


@pytest.mark.parametrize("value", [b'{"aar": 2025, "antalAarsvaerk": 5}', b'"ANTAL_5_9"', b"5"])
def test_cvr_employment_series_that_is_not_a_list_is_an_error_not_ignored(value: bytes) -> None:
    line = (b'{"cvrNummer": 38492716, "virksomhedMetadata": {"nyesteNavn": {"navn": "X ApS"}}, '
            b'"aarsbeskaeftigelse": ' + value + b"}\n")
    (kind, _, said), = tasks("c.jsonl", "cvr", line)
    assert kind == "missing"
    assert said.startswith("aarsbeskaeftigelse: must be a list of periods (got ")


def test_a_gzip_file_is_read_the_same() -> None:
    raw = gzip.compress((DATA / "enheter.json").read_bytes())
    assert tasks("enheter.json", "brreg-enheter", raw) == tasks("enheter.json", "brreg-enheter")


# --- CVR ----------------------------------------------------------------------------------------


def test_cvr_interval_code_becomes_a_range_from_the_newest_year() -> None:
    data, provenance = units("cvr.jsonl", "cvr")["Nordlys Automation ApS"]
    company = data["company"]
    assert company["employees_fte"] == {"min": 10, "max": 19}
    assert provenance["company.employees_fte"] == (
        "CVR aarsbeskaeftigelse 2025, interval code ANTAL_10_19")
    assert company["owners_fte"] == {"min": 0, "max": 39}
    assert company["cvr_number"] == "38492716" and company["country"] == "DK"
    assert company["legal_form"] == "limited_company" and company["sector"] == "other"


def test_cvr_newer_monthly_exact_figure_beats_an_old_annual_band() -> None:
    data, provenance = units("cvr.jsonl", "cvr")["Stor Fabrik A/S"]
    assert data["company"]["employees_fte"] == {"min": 296, "max": 296}
    assert provenance["company.employees_fte"] == (
        "CVR erstMaanedsbeskaeftigelse 2025-10, antalAarsvaerk 296 (a month's work units "
        "standing in for the year's: no whole year of figures since 2018)")


def test_cvr_status_words_are_matched_whatever_their_case() -> None:
    found = units("cvr.jsonl", "cvr")
    assert found["Fallit ApS"][0]["company"]["in_difficulty"] is True
    assert "in_difficulty" not in found["Nordlys Automation ApS"][0]["company"]


def test_cvr_unknown_form_bad_band_and_broken_line_are_one_error_each() -> None:
    assert list(errors("cvr.jsonl", "cvr").values()) == [
        "CVR 44556677: virksomhedsform 'XYZ' (code 999) is not mapped to a legal form "
        "(docs/registries.md lists those that are)",
        "intervalKodeAntalAarsvaerk 'ANTAL_MANGE': not an interval code such as ANTAL_10_19",
        "not valid JSON: Unterminated string starting at (column 2)"]


def test_cvr_search_response_gives_one_task_per_hit() -> None:
    found = tasks("cvr_hits.json", "cvr")
    assert [(t[0], t[1]) for t in found] == [("registry", "cvr_hits.json item 1 hit 1"),
                                            ("registry", "cvr_hits.json item 1 hit 2")]
    assert found[1][2][0]["company"]["legal_form"] == "public_body"


@pytest.mark.parametrize(("code", "bounds"), [("ANTAL_10_19", (10, 19)), ("antal_2_4", (2, 4)),
                                              ("ANTAL_19_10", None), ("ANTAL_MANGE", None)])
def test_interval_codes(code: str, bounds: tuple[int, int] | None) -> None:
    assert interval(code) == bounds


# --- Bolagsverket -------------------------------------------------------------------------------


def test_bolagsverket_sub_fields_and_repeated_values() -> None:
    data, provenance = units("bolagsverket.txt", "bolagsverket")["Exempel AB"]
    assert data["company"] == {"org_number": "5566778899", "name": "Exempel AB",
                               "country": "SE", "legal_form": "limited_company",
                               "founded": "2020-01-02"}
    assert provenance["company.country"] == "Bolagsverket registreringsland SE-LAND"


def test_bolagsverket_bankruptcy_and_liquidation() -> None:
    found = units("bolagsverket.txt", "bolagsverket")
    assert found["Konkurs AB"][0]["company"]["in_difficulty"] is True
    assert "in_difficulty" not in found["Avveckling AB"][0]["company"]


def test_bolagsverket_sole_trader_identity_number_is_not_copied() -> None:
    """A personal identity number is personal data: not in the profile, nor in any message."""
    found = tasks("bolagsverket.txt", "bolagsverket")
    assert "194001019999" not in repr(found)
    data, _ = units("bolagsverket.txt", "bolagsverket")["Anna Andersson"]
    assert data["company"]["legal_form"] == "sole_trader"
    assert "org_number" not in data["company"]


def test_bolagsverket_unknown_form_deregistered_and_short_row_are_one_error_each() -> None:
    assert errors("bolagsverket.txt", "bolagsverket") == {
        "bolagsverket.txt:7": "5566998877: organisationsform 'ZZ-ORGFO' is not mapped to a "
                              "legal form (docs/registries.md lists those that are)",
        "bolagsverket.txt:8": "5566112233: deregistered on 2024-01-01 (FUS-AVREGORS): nothing "
                              "to screen",
        "bolagsverket.txt:9": "has 3 fields where the header has 11"}


# --- the format from the header; JSON streaming -------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [("enheter.csv", "brreg-enheter"),
                                           ("enheter.json", "brreg-enheter"),
                                           ("cvr.jsonl", "cvr"), ("cvr_hits.json", "cvr"),
                                           ("bolagsverket.txt", "bolagsverket")])
def test_the_format_is_guessed_from_the_header(name: str, fmt: str) -> None:
    raw = (DATA / name).read_bytes()
    assert sniff(io.BytesIO(raw))[1] == fmt
    assert sniff(io.BytesIO(gzip.compress(raw)))[1] == fmt


def test_a_grantcheck_csv_is_no_registry_format() -> None:
    assert guess("name,country,employees_fte\n") is None


def test_a_json_array_is_read_across_block_boundaries() -> None:
    items = [{"n": i, "text": "x" * 5000} for i in range(600)]  # about 3 MB: several blocks
    import json

    raw = json.dumps(items).encode()
    read = list(json_items(io.BytesIO(raw)))
    assert [v["n"] for _, v in read] == list(range(600))


# --- the docs name every code -------------------------------------------------------------------


def test_docs_registries_lists_every_mapped_legal_form_code() -> None:
    """docs/registries.md is the list of codes grantcheck maps: every table row is there."""
    from grantcheck.registry.mapping import BOLAGSVERKET_FORMS, BRREG_FORMS, CVR_FORMS

    doc = (Path(__file__).parents[2] / "docs" / "registries.md").read_text(encoding="utf-8")
    for table in (BRREG_FORMS, CVR_FORMS, BOLAGSVERKET_FORMS):
        for code, form in table.items():
            assert f"| `{code}` | `{form}` |" in doc, code


def test_the_benchmark_generator_writes_units_the_reader_maps() -> None:
    """bench/registry.py's enheter CSV (the 100,000-row benchmark case) is read whole: one
    task per unit, each one mapped."""
    import importlib.util

    path = Path(__file__).parents[2] / "bench" / "registry.py"
    spec = importlib.util.spec_from_file_location("bench_registry", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    module.write(out, 200, 3)
    found = list(registry_tasks(io.BytesIO(out.getvalue().encode()), "gen.csv", "brreg-enheter"))
    assert len(found) == 200
    assert all(t[0] == "registry" for t in found), [t for t in found if t[0] != "registry"][:1]


def test_a_csv_without_the_registry_columns_refuses_the_file_naming_what_it_looks_like() -> None:
    from grantcheck.csv_input import HeaderError

    with pytest.raises(HeaderError) as e:
        tasks("x.csv", "brreg-enheter", b"name,country\nAcme AS,NO\nBeta AS,NO\n")
    assert str(e.value) == ("not Enhetsregisteret's enheter file: no column "
                            "'organisasjonsnummer' in its header (line 1)")
    assert e.value.hint.startswith("it looks like grantcheck's own CSV")


def test_a_registry_header_split_by_tabs_is_refused_with_a_delimiter_hint() -> None:
    from grantcheck.csv_input import HeaderError

    with pytest.raises(HeaderError) as e:
        tasks("x.csv", "brreg-enheter", b'"organisasjonsnummer"\t"navn"\n"923609016"\t"A"\n')
    assert e.value.hint.startswith("its header is separated by tabs; Enhetsregisteret's "
                                   "enheter file is read separated by ',' or ';'")


def test_a_bolagsverket_file_without_its_header_is_refused() -> None:
    from grantcheck.csv_input import HeaderError

    with pytest.raises(HeaderError, match="not Bolagsverket's bulk file: no column "
                       "'organisationsidentitet'"):
        tasks("x.txt", "bolagsverket", b"name;country\nAcme AB;SE\n")


@pytest.mark.parametrize(("line", "said"), [
    (b'{"cvrNummer": 1, "virksomhedMetadata": {"nyesteNavn": "a string, not an object"}}',
     "virksomhedMetadata.nyesteNavn: must be an object (got 'a string, not an object')"),
    (b'{"cvrNummer": 1, "virksomhedMetadata": {"nyesteNavn": {"navn": "X"}}, '
     b'"aarsbeskaeftigelse": [{"aar": "twenty"}]}',
     "aarsbeskaeftigelse.aar: must be a number (got 'twenty')"),
    (b'{"cvrNummer": 1, "virksomhedMetadata": {"nyesteNavn": {"navn": "X"}}, '
     b'"erstMaanedsbeskaeftigelse": [{"aar": 2024, "maaned": "x"}]}',
     "erstMaanedsbeskaeftigelse.maaned: must be a number (got 'x')"),
    (b'{"cvrNummer": [1], "virksomhedMetadata": {"nyesteNavn": {"navn": "X"}}}',
     "cvrNummer: must be text (got a list)"),
    (b'{"cvrNummer": 1, "virksomhedMetadata": {"nyesteNavn": {"navn": null}}, "navne": [{"navn": '
     b'{"x": 1}}]}', "navne.navn: must be text (got an object)"),
    (b'{"cvrNummer": 1, "virksomhedMetadata": {"nyesteNavn": {"navn": "X"}, "nyesteHovedbranche":'
     b' {"branchekode": true}}}', "hovedbranche.branchekode: must be text (got true)"),
    (b'"x"', "a CVR document must be a JSON object (got 'x')"),
    (b'null', "a CVR document must be a JSON object (got null)"),
])
def test_a_cvr_document_of_an_unforeseen_shape_is_an_error_naming_the_field(line: bytes, said: str
                                                                             ) -> None:
    """The field the registry names and the value as written: never a Python type name or
    repr ('NoneType', "ValueError: invalid literal for int()")."""
    good = (DATA / "cvr_hits.json").read_bytes()
    found = tasks("x.jsonl", "cvr", line + b"\n")
    assert [t[0] for t in found] == ["missing"]
    assert found[0][2] == said
    assert tasks("y.json", "cvr", good)[0][0] == "registry"


# --- the sector an industry code settles, in each registry's own writing -----------------------

SECTORS = [  # (NACE as SN2007/SN2025 writes it, as DB07/DB25 writes it, the sector, or None)
    ("03.211", "032100", "fishery_aquaculture"),  # marine aquaculture
    ("03.110", "031100", "fishery_aquaculture"),  # marine fishing
    ("03.300", "033000", None),  # Rev. 2.1: support activities for fishing and aquaculture
    ("01.110", "011100", "primary_agriculture"),  # growing of cereals
    ("01.500", "015000", "primary_agriculture"),  # mixed farming
    ("01.610", "016100", None),  # support activities for crop production
    ("01.700", "017000", None),  # hunting
    ("10.200", "102000", None),  # processing fish: in Regulation 1379/2013's sector
    ("46.381", "463800", None),  # wholesale of food including fish
    ("47.230", "472300", None),  # retail sale of fish
    ("10.110", "101100", "other"),  # processing meat: not primary production
    ("02.100", "021000", "other"),  # forestry
    ("62.010", "620100", "other"),
]


def brreg_csv_unit(code: str) -> bytes:
    return (b"organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
            b"forretningsadresse.landkode\n923609016,X AS,AS," + code.encode() + b",NO\n")


def brreg_json_unit(code: str) -> bytes:
    return (b'[{"organisasjonsnummer": "923609016", "navn": "X AS", "organisasjonsform": '
            b'{"kode": "AS"}, "naeringskode1": {"kode": "' + code.encode() + b'"}, '
            b'"forretningsadresse": {"landkode": "NO"}}]')


def cvr_unit(code: str) -> bytes:
    return (b'{"cvrNummer": 38492716, "virksomhedMetadata": {"nyesteNavn": {"navn": "X ApS"}, '
            b'"nyesteHovedbranche": {"branchekode": "' + code.encode() + b'"}}}\n')


def mapped(name: str, fmt: str, raw: bytes) -> tuple[dict[str, Any], dict[str, str]]:
    (kind, _, payload), = tasks(name, fmt, raw)
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


@pytest.mark.parametrize(("sn", "db", "sector"), SECTORS)
def test_each_registry_sets_the_sector_only_where_the_code_settles_it(
        sn: str, db: str, sector: str | None) -> None:
    """brreg CSV and JSON (SN2007) and CVR (DB07) read a code alike: set, or noted and left
    unstated, so PO12 and IP10 name company.sector instead of deciding by a guess."""
    for name, fmt, raw in (("e.csv", "brreg-enheter", brreg_csv_unit(sn)),
                           ("e.json", "brreg-enheter", brreg_json_unit(sn)),
                           ("c.jsonl", "cvr", cvr_unit(db))):
        company, provenance = mapped(name, fmt, raw)
        assert company.get("sector") == sector, (fmt, sn, db)
        if sector is None:
            assert "does not settle the sector" in provenance["company.sector"]


def test_a_fish_processor_is_noted_with_the_regulation_that_puts_it_in_the_sector() -> None:
    """NACE 10.20 is no longer 'other' (which passed PO12): the note names why it is open."""
    _, provenance = mapped("e.csv", "brreg-enheter", brreg_csv_unit("10.200"))
    assert provenance["company.sector"].startswith(
        "Enhetsregisteret naeringskode1.kode 10.200: the code alone does not settle the sector: "
        "processing fish is in the fishery and aquaculture sector GBER art. 1(3)(a) excludes "
        "(Regulation (EU) No 1379/2013 art. 5(d)")


def test_bolagsverket_states_no_sector_its_file_has_no_industry_code() -> None:
    """SNI codes are in SCB's file, not Bolagsverket's: the sector is left unstated, no note."""
    for data, provenance in units("bolagsverket.txt", "bolagsverket").values():
        assert "sector" not in data["company"] and "company.sector" not in provenance
