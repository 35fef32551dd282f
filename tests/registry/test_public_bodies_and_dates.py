"""A public body is not an SME (Recommendation 2003/361/EC, Annex art. 3(4)), whether a
registry or a written profile says it is one; and a registry's dated event counts only from its
date: one dated after the evaluation date (--as-of) has not happened on it. Boundary pairs: the
event on the evaluation date and the day after. Always with explicit dates: no test depends on
today's date."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.engine import text_of
from grantcheck.law.sme import company_status
from grantcheck.registry import registry_tasks
from tests.support import ctx_for

ON = date(2026, 11, 23)
DAY_AFTER = "2026-11-24"
runner = CliRunner()

# --- the SME law: a public body itself ---------------------------------------------------------


def sme(**company: Any):
    base = {"name": "X", "country": "DK", "employees_fte": 3, "owners_fte": 0, "turnover": 1,
            "balance_sheet_total": 1, "related": []}
    return company_status(ctx_for({"company": base | company}))


def test_a_public_body_is_not_an_sme_whatever_its_figures_and_stated_ownership() -> None:
    for stated in ({}, {"public_ownership_percent": 0}):
        status = sme(legal_form="public_body", **stated)
        assert (status.lowest, status.highest, status.open_facts) == ("large", "large", ())
        assert status.is_sme is False
        assert "Annex art. 3(4)" in text_of(status.explanation)
    # the same figures of another legal form: a micro enterprise (public ownership stated 0)
    assert sme(legal_form="limited_company", public_ownership_percent=0).category == "micro"


def test_a_written_profile_of_a_kommune_does_not_fit_smv_digital_and_is_asked_the_exception(
        tmp_path: Path) -> None:
    """SMV:Digital: 'målrettet små og mellemstore virksomheder' (SMV32, the EU definition);
    Prosessinnovasjon: 'liten eller mellomstor ... unntaksvis for store bedrifter' (PO01)."""
    dk = tmp_path / "kommune.toml"
    dk.write_text('[company]\nname = "Aarhus Kommune"\ncountry = "DK"\ncvr_number = "55133018"\n'
                  'legal_form = "public_body"\nemployees_fte = 5\nowners_fte = 0\n'
                  'turnover = 1000\nbalance_sheet_total = 1000\nrelated = []\n',
                  encoding="utf-8")
    r = runner.invoke(app, ["match", str(dk), "--as-of", "2026-11-23", "--scheme",
                            "dk-smv-digital", "--format", "json"])
    assert r.exit_code == 1, r.stderr  # no scheme fits
    smv32 = next(f for f in json.loads(r.stdout)["schemes"][0]["findings"]
                 if f["rule"] == "SMV32")
    assert smv32["outcome"] == "fail"
    assert "public body" in smv32["message"]


# --- the registries say so ---------------------------------------------------------------------

BRREG_HEADER = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
                "forretningsadresse.landkode,stiftelsesdato,konkurs,konkursdato,"
                "underAvviklingDato,slettedato")


def brreg(on: date | None = ON, **cells: str) -> tuple[str, Any]:
    row = {"organisasjonsnummer": "923609016", "navn": "X AS", "organisasjonsform.kode": "AS",
           "naeringskode1.kode": "62.010", "forretningsadresse.landkode": "NO",
           "stiftelsesdato": "2015-01-01"} | cells
    line = ",".join(row.get(n, "") for n in BRREG_HEADER.split(","))
    raw = (BRREG_HEADER + "\n" + line + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "e.csv", "brreg-enheter", on)
    return kind, payload


def cvr(on: date | None = ON, **doc: Any) -> tuple[str, Any]:
    base: dict[str, Any] = {"cvrNummer": 38492716, "virksomhedMetadata": {
        "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
        "stiftelsesDato": "2015-01-01", "sammensatStatus": "NORMAL"}}
    meta = doc.pop("meta", {})
    base["virksomhedMetadata"].update(meta)
    base.update(doc)
    raw = (json.dumps({"_source": {"Vrvirksomhed": base}}) + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "c.jsonl", "cvr", on)
    return kind, payload


BV_HEADER = ("organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;"
             "organisationsform;avregistreringsdatum;avregistreringsorsak;"
             "pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;"
             "verksamhetsbeskrivning;postadress")


def bolagsverket(ended: str = "", proceeding: str = "", registered: str = "2015-01-02"
                 ) -> tuple[str, Any]:
    cells = ["5566778899$ORGNR-IDORG", "1", "SE-LAND", "X AB$FORETAGSNAMN-ORGNAM$2015-01-02",
             "AB-ORGFO", ended, "FUS-AVREGORS$Fusion" if ended else "", proceeding, registered,
             "", ""]
    raw = (BV_HEADER + "\n" + ";".join(f'"{c}"' for c in cells) + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "b.txt", "bolagsverket", ON)
    return kind, payload


def company(kind_payload: tuple[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    kind, payload = kind_payload
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


@pytest.mark.parametrize("code", ["KOMM", "KF", "IKS", "STAT"])
def test_brreg_says_a_public_body_is_not_an_sme(code: str) -> None:
    data, said = company(brreg(**{"organisasjonsform.kode": code}))
    assert data["legal_form"] == "public_body"
    assert said["company.legal_form"].endswith(
        "not an SME (Recommendation 2003/361/EC, Annex art. 3(4))")
    data, said = company(brreg())  # an AS: no such words
    assert "SME" not in said["company.legal_form"]


@pytest.mark.parametrize("code", ["KOM", "REG", "STAT"])
def test_cvr_says_a_public_body_is_not_an_sme(code: str) -> None:
    data, said = company(cvr(meta={"nyesteVirksomhedsform": {"kortBeskrivelse": code}}))
    assert data["legal_form"] == "public_body"
    assert "Annex art. 3(4)" in said["company.legal_form"]


def test_the_outreach_pack_does_not_ask_a_kommune_its_public_ownership(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    r = runner.invoke(app, ["outreach", "--input",
                            str(Path(__file__).parent / "data" / "mixed_enheter.csv"),
                            "--as-of", "2026-11-23", "--out", str(pack)])
    assert r.exit_code == 0, r.stderr
    asked = (pack / "964338531.en.md").read_text(encoding="utf-8").split("\n## ")[0]  # OSLO
    assert "company.public_ownership_percent" not in asked
    assert "company.employees_fte" not in asked
    assert "declarations.large_enterprise_exception" in asked
    assert "company.public_ownership_percent" in (pack / "923609016.en.md").read_text(
        encoding="utf-8")  # FJORDLYS AS, an AS: asked


# --- dated events and the evaluation date: Enhetsregisteret -------------------------------------


def test_brreg_a_bankruptcy_on_the_evaluation_date_counts_the_day_after_does_not() -> None:
    data, said = company(brreg(konkurs="true", konkursdato="2026-11-23"))
    assert data["in_difficulty"] is True
    data, said = company(brreg(konkurs="true", konkursdato=DAY_AFTER))
    assert "in_difficulty" not in data
    assert said["company.in_difficulty"] == (
        "Enhetsregisteret: bankruptcy (konkurs) since 2026-11-24: after the evaluation date "
        "2026-11-23, so not on that date; not settled")


def test_brreg_without_an_evaluation_date_every_event_counts() -> None:
    data, _ = company(brreg(None, konkurs="true", konkursdato=DAY_AFTER))
    assert data["in_difficulty"] is True


def test_brreg_a_winding_up_after_the_evaluation_date_is_said_as_later() -> None:
    _, said = company(brreg(underAvviklingDato="2026-11-23"))
    assert said["company.in_difficulty"].startswith(
        "Enhetsregisteret: being wound up (under avvikling) since 2026-11-23; not itself")
    _, said = company(brreg(underAvviklingDato=DAY_AFTER))
    assert "since 2026-11-24: after the evaluation date 2026-11-23" in said[
        "company.in_difficulty"]


def test_brreg_a_deletion_after_the_evaluation_date_leaves_a_unit_on_it() -> None:
    kind, said = brreg(slettedato="2026-11-23")
    assert kind == "missing" and "deleted from Enhetsregisteret on 2026-11-23" in said
    data, said = company(brreg(slettedato=DAY_AFTER))
    assert data["name"] == "X AS"
    assert "deleted on 2026-11-24, after the evaluation date 2026-11-23" in said[
        "company.org_number"]


def test_brreg_a_unit_founded_after_the_evaluation_date_is_nothing_to_screen() -> None:
    data, _ = company(brreg(stiftelsesdato="2026-11-23"))
    assert data["founded"] == "2026-11-23"
    kind, said = brreg(stiftelsesdato=DAY_AFTER)
    assert (kind, said) == ("missing", "923609016: founded on 2026-11-24 (stiftelsesdato), "
                            "after the evaluation date 2026-11-23: it did not exist on that "
                            "date, nothing to screen")


# --- Bolagsverket --------------------------------------------------------------------------------


def test_bolagsverket_a_bankruptcy_counts_from_its_date() -> None:
    data, _ = company(bolagsverket(proceeding="|KK-AVOMFO$2026-11-23"))
    assert data["in_difficulty"] is True
    data, said = company(bolagsverket(proceeding=f"|KK-AVOMFO${DAY_AFTER}"))
    assert "in_difficulty" not in data
    assert "KK-AVOMFO since 2026-11-24, after the evaluation date 2026-11-23" in said[
        "company.in_difficulty"]


def test_bolagsverket_a_deregistration_counts_from_its_date() -> None:
    kind, said = bolagsverket(ended="2026-11-23")
    assert kind == "missing" and "deregistered on 2026-11-23" in said
    data, said = company(bolagsverket(ended=DAY_AFTER))
    assert data["name"] == "X AB"
    assert "deregistered on 2026-11-24, after the evaluation date" in said["company.country"]


def test_bolagsverket_a_registration_after_the_evaluation_date_is_nothing_to_screen() -> None:
    assert company(bolagsverket(registered="2026-11-23"))[0]["founded"] == "2026-11-23"
    kind, said = bolagsverket(registered=DAY_AFTER)
    assert kind == "missing" and "founded on 2026-11-24 (registreringsdatum)" in said


# --- CVR -----------------------------------------------------------------------------------------


def _statuses(word: str, since: str) -> list[dict[str, Any]]:
    """NORMAL until the day before ``since``, then ``word``."""
    before = date.fromisoformat(since).toordinal() - 1
    return [{"status": "NORMAL", "periode": {"gyldigFra": "2015-01-01",
                                             "gyldigTil": date.fromordinal(before).isoformat()}},
            {"status": word, "periode": {"gyldigFra": since, "gyldigTil": None}}]


def test_cvr_a_bankruptcy_status_counts_from_its_date() -> None:
    data, _ = company(cvr(meta={"sammensatStatus": "UNDER KONKURS"},
                          virksomhedsstatus=_statuses("UNDER KONKURS", "2026-11-23")))
    assert data["in_difficulty"] is True
    data, said = company(cvr(meta={"sammensatStatus": "UNDER KONKURS"},
                             virksomhedsstatus=_statuses("UNDER KONKURS", DAY_AFTER)))
    assert "in_difficulty" not in data
    assert said["company.in_difficulty"] == (
        "CVR status UNDER KONKURS since 2026-11-24, after the evaluation date 2026-11-23: not "
        "on that date, so it does not count: not settled")


def test_cvr_a_company_that_ceased_after_the_evaluation_date_is_screened() -> None:
    kind, said = cvr(meta={"sammensatStatus": "OPHØRT"},
                     virksomhedsstatus=_statuses("OPHØRT", "2026-11-23"))
    assert kind == "missing" and "status OPHØRT" in said
    data, _ = company(cvr(meta={"sammensatStatus": "OPHØRT"},
                          virksomhedsstatus=_statuses("OPHØRT", DAY_AFTER)))
    assert data["name"] == "X ApS"


def test_cvr_a_company_founded_after_the_evaluation_date_is_nothing_to_screen() -> None:
    assert company(cvr(meta={"stiftelsesDato": "2026-11-23"}))[0]["founded"] == "2026-11-23"
    kind, said = cvr(meta={"stiftelsesDato": DAY_AFTER})
    assert kind == "missing" and said.startswith("CVR 38492716: founded on 2026-11-24")


# --- the commands pass --as-of to the readers ----------------------------------------------------


@pytest.mark.parametrize("command", ["batch", "shortlist"])
def test_the_commands_read_the_registry_on_the_evaluation_date(tmp_path: Path,
                                                                command: str) -> None:
    """KONKURS AS, bankrupt from 2026-11-24: out of Prosessinnovasjon (PO11) on that date, not
    the day before."""
    extract = tmp_path / "enheter.csv"
    extract.write_text(BRREG_HEADER + "\n987654321,KONKURS AS,AS,47.110,NO,2015-01-01,true,"
                       "2026-11-24,,\n", encoding="utf-8")
    verdicts = []
    for on in ("2026-11-23", DAY_AFTER):
        args = ["--format", "csv", "--scheme", "no-prosessinnovasjon", "--as-of", on]
        r = runner.invoke(app, [command, "--input", str(extract), *args,
                                *(["--jobs", "1"] if command == "batch" else [])])
        assert r.exit_code == 0, r.stderr
        row = next(csv.DictReader(io.StringIO(r.stdout)))
        verdicts.append((row.get("verdict") or row["no-prosessinnovasjon.verdict"]).replace(
            "_", " "))
    assert verdicts == ["needs information", "does not fit"]
