"""A bankruptcy or winding-up flag without a date (brreg ``konkurs`` with no ``konkursdato``,
CVR's ``sammensatStatus`` with no dated ``virksomhedsstatus``, Bolagsverket's ``KK-AVOMFO``
with no ``$date``) is true on the day the extract was drawn: it counts on an evaluation date
that is not before that day (bounded by the file's date, or a CVR document's ``sidstOpdateret``),
and before it, it is not known. Boundary pairs: the bound on the evaluation date, and the day
after. Every date is stated: the file's date is set with os.utime."""

from __future__ import annotations

import io
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.registry import drawn_by, registry_tasks

ON = date(2026, 11, 23)
AFTER = date(2026, 11, 24)
HEADER = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
          "forretningsadresse.landkode,stiftelsesdato,konkurs,konkursdato,underAvvikling,"
          "underAvviklingDato,underTvangsavviklingEllerTvangsopplosning")


def brreg_row(**cells: str) -> str:
    row = {"organisasjonsnummer": "923609016", "navn": "X AS", "organisasjonsform.kode": "AS",
           "naeringskode1.kode": "62.010", "forretningsadresse.landkode": "NO",
           "stiftelsesdato": "2015-01-01"} | cells
    return HEADER + "\n" + ",".join(row.get(n, "") for n in HEADER.split(",")) + "\n"


def one(raw: str, fmt: str, on: date | None, drawn: date | None
        ) -> tuple[dict[str, Any], dict[str, str]]:
    (kind, _, payload), = registry_tasks(io.BytesIO(raw.encode()), "x", fmt, on, drawn)
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


def not_known(raw: str, fmt: str, on: date | None, drawn: date | None) -> str:
    """The note of a unit whose in_difficulty the reader leaves unknown."""
    data, said = one(raw, fmt, on, drawn)
    assert "in_difficulty" not in data
    return said["company.in_difficulty"]


def cvr_doc(status: str = "UNDER KONKURS", **doc: Any) -> str:
    base = {"cvrNummer": 38492716, "virksomhedMetadata": {
        "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
        "stiftelsesDato": "2015-01-01", "sammensatStatus": status}} | doc
    return json.dumps({"_source": {"Vrvirksomhed": base}}) + "\n"


def bolagsverket_row(proceeding: str) -> str:
    header = ("organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;"
              "organisationsform;avregistreringsdatum;avregistreringsorsak;"
              "pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;"
              "verksamhetsbeskrivning;postadress")
    cells = ["5566778899$ORGNR-IDORG", "1", "SE-LAND", "X AB$FORETAGSNAMN-ORGNAM$2015-01-02",
             "AB-ORGFO", "", "", proceeding, "2015-01-02", "", ""]
    return header + "\n" + ";".join(f'"{c}"' for c in cells) + "\n"


# --- Enhetsregisteret ----------------------------------------------------------------------------


def test_brreg_an_undated_konkurs_counts_when_the_file_is_not_after_the_evaluation_date() -> None:
    data, said = one(brreg_row(konkurs="true"), "brreg-enheter", ON, ON)
    assert data["in_difficulty"] is True
    assert said["company.in_difficulty"] == "Enhetsregisteret: bankruptcy (konkurs)"


def test_brreg_an_undated_konkurs_in_a_file_of_the_day_after_is_not_known() -> None:
    assert not_known(brreg_row(konkurs="true"), "brreg-enheter", ON, AFTER) == (
        "Enhetsregisteret: konkurs true: bankruptcy (konkurs), undated: it held when the "
        "extract was drawn (on the file's date 2026-11-24 at the latest), and the evaluation "
        "date 2026-11-23 is before that: whether it had begun by then is not known (its date "
        "in the registry, or the company's answer, settles it); not settled")


def test_brreg_an_undated_konkurs_with_no_date_for_the_file_is_not_known() -> None:
    assert "on a day the extract does not give" in not_known(
        brreg_row(konkurs="true"), "brreg-enheter", ON, None)


def test_brreg_without_an_evaluation_date_the_undated_flag_counts() -> None:
    data, _ = one(brreg_row(konkurs="true"), "brreg-enheter", None, AFTER)
    assert data["in_difficulty"] is True


def test_brreg_a_dated_konkurs_needs_no_file_date() -> None:
    data, _ = one(brreg_row(konkurs="true", konkursdato="2026-11-23"), "brreg-enheter", ON,
                  None)
    assert data["in_difficulty"] is True


def test_brreg_an_undated_winding_up_is_said_as_undated_not_as_on_the_date() -> None:
    _, said = one(brreg_row(underAvvikling="true"), "brreg-enheter", ON, AFTER)
    assert said["company.in_difficulty"].startswith(
        "Enhetsregisteret: underAvvikling true: being wound up (under avvikling), undated: ")
    assert said["company.in_difficulty"].endswith("; not settled")
    _, said = one(brreg_row(underAvvikling="true"), "brreg-enheter", ON, ON)
    assert said["company.in_difficulty"].startswith(
        "Enhetsregisteret: being wound up (under avvikling); not itself collective")


def test_brreg_an_undated_konkurs_beside_a_later_winding_up_says_both() -> None:
    _, said = one(brreg_row(konkurs="true", underAvviklingDato="2026-11-24"), "brreg-enheter",
                  ON, AFTER)
    note = said["company.in_difficulty"]
    assert "bankruptcy (konkurs), undated: " in note
    assert "being wound up (under avvikling) since 2026-11-24: after the evaluation date" in note


# --- CVR -----------------------------------------------------------------------------------------


def test_cvr_an_undated_status_counts_from_the_documents_last_update() -> None:
    doc = cvr_doc(sidstOpdateret="2026-11-23T09:00:00.000+01:00")
    data, _ = one(doc, "cvr", ON, None)
    assert data["in_difficulty"] is True
    assert not_known(cvr_doc(sidstOpdateret="2026-11-24T09:00:00.000+01:00"), "cvr", ON,
                     None) == (
        "CVR status UNDER KONKURS, undated: it held when the extract was drawn (on its last "
        "update 2026-11-24 (sidstOpdateret) at the latest), and the evaluation date 2026-11-23 "
        "is before that: whether it had begun by then is not known (its date in the registry, "
        "or the company's answer, settles it): not settled")


def test_cvr_the_earlier_of_the_update_and_the_file_date_places_it() -> None:
    data, _ = one(cvr_doc(sidstOpdateret="2026-11-24"), "cvr", ON, ON)
    assert data["in_difficulty"] is True
    assert "(on the file's date 2026-11-24 at the latest)" in not_known(cvr_doc(), "cvr", ON,
                                                                         AFTER)


def test_cvr_a_dated_status_is_read_by_its_date_not_the_update() -> None:
    status = [{"status": "UNDER KONKURS", "periode": {"gyldigFra": "2026-01-05",
                                                      "gyldigTil": None}}]
    data, _ = one(cvr_doc(virksomhedsstatus=status, sidstOpdateret="2026-12-01"), "cvr", ON,
                  AFTER)
    assert data["in_difficulty"] is True


# --- Bolagsverket --------------------------------------------------------------------------------


def test_bolagsverket_an_undated_bankruptcy_counts_only_from_the_files_date() -> None:
    data, _ = one(bolagsverket_row("|KK-AVOMFO"), "bolagsverket", ON, ON)
    assert data["in_difficulty"] is True
    note = not_known(bolagsverket_row("|KK-AVOMFO"), "bolagsverket", ON, AFTER)
    assert note.startswith("Bolagsverket KK-AVOMFO ")
    assert "undated: it held when the extract was drawn (on the file's date 2026-11-24" in note
    data, _ = one(bolagsverket_row("|KK-AVOMFO$2026-11-23"), "bolagsverket", ON, AFTER)
    assert data["in_difficulty"] is True


# --- the file's date, through the command line ---------------------------------------------------


def written_on(path: Path, day: date) -> None:
    stamp = datetime(day.year, day.month, day.day, 12).timestamp()  # noon, local time
    os.utime(path, (stamp, stamp))


@pytest.mark.parametrize(("file_day", "outcome"), [(ON, "fail"), (AFTER, "unknown")])
def test_the_files_date_settles_an_undated_konkurs(tmp_path: Path, file_day: date,
                                                    outcome: str) -> None:
    extract = tmp_path / "enheter.csv"
    extract.write_text(brreg_row(konkurs="true"), encoding="utf-8")
    written_on(extract, file_day)
    r = CliRunner().invoke(app, ["batch", "--input", str(extract), "--format", "jsonl",
                                 "--as-of", ON.isoformat(), "--scheme", "no-prosessinnovasjon",
                                 "--detail", "full"])
    record = json.loads(r.stdout)
    po11 = next(f for f in record["schemes"][0]["findings"] if f["rule"] == "PO11")
    assert po11["outcome"] == outcome


def test_drawn_by_is_the_files_date_or_today() -> None:
    assert drawn_by(io.BytesIO(b"x")) == date.today()  # no file: the day it is read


def test_drawn_by_a_file_written_in_the_future_is_today(tmp_path: Path) -> None:
    extract = tmp_path / "e.csv"
    extract.write_text("x", encoding="utf-8")
    written_on(extract, date(2099, 1, 1))
    with extract.open("rb") as fh:
        assert drawn_by(fh) == date.today()
    written_on(extract, date(2020, 1, 1))
    with extract.open("rb") as fh:
        assert drawn_by(fh) == date(2020, 1, 1)
