"""Enhetsregisteret's ``institusjonellSektorkode`` (Statistics Norway's sector standard of 2012;
REGISTRIES.md: "public ownership | hint: institusjonellSektorkode"): a company in 1120 or 1520
is more than half owned by the state or municipalities, so not an SME (Rec. 2003/361/EC, Annex
art. 3(4)); a unit in 6100, 6500, 1110 or 1510 without a legal form is a public body; any other
code settles nothing. Read from a small vendored extract (tests/registry/data/enheter_sektor.csv)
and its JSON shape."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.registry import registry_tasks

ON = date(2026, 11, 23)
EXTRACT = Path(__file__).parent / "data" / "enheter_sektor.csv"
runner = CliRunner()


def units() -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    """Each unit of the extract by name: its company data and provenance."""
    out = {}
    with EXTRACT.open("rb") as fh:
        for kind, _, payload in registry_tasks(fh, EXTRACT.name, "brreg-enheter", ON):
            assert kind == "registry", payload
            data, said = payload
            out[data["company"]["name"]] = (data["company"], said)
    return out


@pytest.mark.parametrize("name", ["STATSEID AS", "KOMMUNEEID ENERGI AS"])
def test_a_publicly_owned_company_holds_more_than_half_in_public_hands(name: str) -> None:
    data, said = units()[name]
    assert data["public_ownership_percent"] == {"min": 50, "max": 100}
    assert "more than 50 %" in said["company.public_ownership_percent"]
    assert "Annex art. 3(4)" in said["company.public_ownership_percent"]


@pytest.mark.parametrize("name", ["PRIVAT AS", "UKJENT SEKTOR AS", "INGEN SEKTOR AS"])
def test_a_private_unknown_or_missing_code_settles_nothing(name: str) -> None:
    data, said = units()[name]
    assert "public_ownership_percent" not in data
    assert "company.public_ownership_percent" not in said
    assert data["legal_form"] == "limited_company"


def test_a_company_in_local_government_is_noted_not_settled() -> None:
    """An AS in 6500: controlled by public bodies, by what share of its capital not said."""
    data, said = units()["FORVALTNINGS AS"]
    assert "public_ownership_percent" not in data
    assert "6500 (Kommuneforvaltningen)" in said["company.public_ownership_percent"]
    assert said["company.public_ownership_percent"].endswith("not settled")


def test_a_unit_of_the_state_without_a_legal_form_is_a_public_body() -> None:
    data, said = units()["UTEN FORM"]
    assert data["legal_form"] == "public_body"
    assert "6100 (Stats- og trygdeforvaltningen)" in said["company.legal_form"]


def test_the_legal_form_settles_what_it_can_first() -> None:
    """A kommune is a public body by its form; a statsforetak is 100 % the state's: the
    sector code adds nothing to either."""
    u = units()
    assert u["BERGEN KOMMUNE"][0]["legal_form"] == "public_body"
    assert "institusjonellSektorkode" not in u["BERGEN KOMMUNE"][1]["company.legal_form"]
    assert u["STATSFORETAK SF"][0]["public_ownership_percent"] == 100


def test_the_json_shape_is_read_too() -> None:
    unit = {"organisasjonsnummer": "940100001", "navn": "STATSEID AS",
            "organisasjonsform": {"kode": "AS"}, "forretningsadresse": {"landkode": "NO"},
            "institusjonellSektorkode": {"kode": "1120",
                                         "beskrivelse": "Statlig eide aksjeselskaper mv."}}
    (kind, _, (data, _)), = registry_tasks(io.BytesIO(json.dumps([unit]).encode()), "e.json",
                                           "brreg-enheter", ON)
    assert kind == "registry"
    assert data["company"]["public_ownership_percent"] == {"min": 50, "max": 100}


def test_a_state_owned_company_is_asked_only_prosessinnovasjons_exception() -> None:
    """PO01 ('gjelder kun unntaksvis for store bedrifter'): a company more than half owned by
    the state is no SME whatever its size (Annex art. 3(4)), so only the exception for large
    enterprises is asked, as of a kommune; a private AS beside it is asked its staff first."""
    r = runner.invoke(app, ["shortlist", "--input", str(EXTRACT), "--as-of", "2026-11-23",
                            "--scheme", "no-prosessinnovasjon", "--format", "csv"])
    assert r.exit_code in (0, 1), r.stderr
    first = {line.split(",")[2]: line.split(",")[10] for line in r.stdout.splitlines()[1:]}
    for name in ("STATSEID AS", "KOMMUNEEID ENERGI AS", "UTEN FORM", "BERGEN KOMMUNE"):
        assert first[name] == "declarations.large_enterprise_exception", name
    for name in ("PRIVAT AS", "UKJENT SEKTOR AS", "FORVALTNINGS AS"):
        assert first[name] == "company.employees_fte", name


def test_docs_registries_lists_every_sector_code_read() -> None:
    from grantcheck.registry.mapping import BRREG_SECTORS_PUBLIC_BODY, BRREG_SECTORS_PUBLICLY_OWNED

    doc = (Path(__file__).parents[2] / "docs" / "registries.md").read_text(encoding="utf-8")
    for table in (BRREG_SECTORS_PUBLIC_BODY, BRREG_SECTORS_PUBLICLY_OWNED):
        for code, name in table.items():
            assert f"| `{code}` | {name} |" in doc, code
