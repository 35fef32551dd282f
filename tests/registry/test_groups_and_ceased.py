"""Enhetsregisteret's ``erIKonsern`` (part of a group) reaches the SME test as linked enterprises
whose figures are not known (Recommendation 2003/361/EC, Annex art. 3(3) and 6(2)): the unit's
own figures are a lower bound, decided when they already make it no SME, else open on
``company.related``; never read as independent. And a CVR status that says the company has
ceased (``OPHØRT``), undated, is placed as an undated flag is: from the extract's date (or its
last update) on, an error record; before it, screened, its number's provenance naming what
settles it (the end of its life period, ``livsforloeb``, settles it when given)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.registry import registry_tasks

HEADER = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,antallAnsatte,"
          "forretningsadresse.landkode,stiftelsesdato,erIKonsern")
ROWS = ("923609016,KONSERN AS,AS,62.010,12,NO,2019-06-03,true",
        "923609017,ALENE AS,AS,62.010,12,NO,2019-06-03,false",
        "923609018,UKJENT AS,AS,62.010,12,NO,2019-06-03,")
ON = date(2026, 11, 23)


def brreg(row: str) -> tuple[dict[str, Any], dict[str, str]]:
    raw = (HEADER + "\n" + row + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "e.csv", "brreg-enheter", ON, ON)
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


def test_a_unit_in_a_group_has_linked_enterprises_of_unknown_figures() -> None:
    data, said = brreg(ROWS[0])
    assert data["related"] == [{"name": "the group's other enterprises (not named in the "
                                        "register)", "relation": "linked"}]
    assert said["company.related"].startswith("Enhetsregisteret erIKonsern true: part of a "
                                              "group, whose other enterprises are linked")


def test_a_unit_not_in_a_group_is_not_read_as_independent() -> None:
    """erIKonsern false rules out a konsern, not partners or links through persons."""
    data, said = brreg(ROWS[1])
    assert "related" not in data
    assert "not settled" in said["company.related"]
    data, said = brreg(ROWS[2])  # not given: nothing said
    assert "related" not in data and "company.related" not in said


def _screen(tmp_path: Path, answers: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    extract = tmp_path / "e.csv"
    extract.write_text(HEADER + "\n" + "\n".join(ROWS) + "\n", encoding="utf-8")
    args = ["batch", "--input", str(extract), "--format", "jsonl", "--detail", "full",
            "--as-of", ON.isoformat(), "--jobs", "1", "--scheme", "no-prosessinnovasjon"]
    if answers:
        folder = tmp_path / "answers"
        folder.mkdir()
        for number, body in answers.items():
            (folder / f"{number}.toml").write_text(
                f'[company]\norg_number = "{number}"\n{body}', encoding="utf-8")
        args += ["--profiles", str(folder)]
    r = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    records = [json.loads(line) for line in r.stdout.splitlines()]
    return {rec["profile"]["name"]: rec for rec in records}


def _po01(record: dict[str, Any]) -> dict[str, Any]:
    scheme, = (s for s in record["schemes"] if s["id"] == "no-prosessinnovasjon")
    finding, = (f for f in scheme["findings"] if f["rule"] == "PO01")
    return finding  # type: ignore[no-any-return]


def test_the_groups_figures_are_the_question_that_settles_the_sme_test(tmp_path: Path) -> None:
    """Own figures of a small enterprise, answered: the group's could make it large, so the
    SME test is open on company.related, the list of the group's enterprises."""
    small = 'employees_fte = 12\nowners_fte = 0\nturnover = 1000000\n' \
        'balance_sheet_total = 1000000\npublic_ownership_percent = 0\n'
    found = _po01(_screen(tmp_path, {"923609016": small})["KONSERN AS"])
    assert found["outcome"] == "unknown"
    assert found["missing_fields"] == ["company.related"]
    assert "the group's other enterprises (not named in the register) (linked, their figures " \
        "not known: company.related, the group's enterprises, settles them) adds 100 %" in \
        found["message"]


def test_own_figures_over_the_ceilings_decide_whatever_the_group(tmp_path: Path) -> None:
    """300 AWU of its own: no SME however small the group (a lower bound decides)."""
    large = 'employees_fte = 300\nowners_fte = 0\nturnover = 900000000\n' \
        'balance_sheet_total = 900000000\npublic_ownership_percent = 0\n'
    found = _po01(_screen(tmp_path, {"923609016": large})["KONSERN AS"])
    assert "company.related" not in found.get("missing_fields", [])
    assert "large" in found["message"] and "is open" not in found["message"]


def test_an_answer_of_no_related_enterprises_conflicts_with_the_group(tmp_path: Path) -> None:
    """A stated list beats the registry's, as every stated fact; one with no linked enterprise
    contradicts erIKonsern, and the provenance names the conflict."""
    records = _screen(tmp_path, {"923609016": "related = []\n",
                                 "923609017": "related = []\n"})
    assert records["KONSERN AS"]["provenance"]["company.related"].startswith(
        f"stated in {tmp_path / 'answers' / '923609016.toml'}; conflicts with the registry's "
        "the group's other enterprises (not named in the register) (Enhetsregisteret "
        "erIKonsern true")
    assert "conflicts" not in records["ALENE AS"]["provenance"]["company.related"]


def test_a_stated_linked_enterprise_agrees_with_the_group(tmp_path: Path) -> None:
    linked = 'related = [{ name = "MOR AS", relation = "linked", staff = 3 }]\n'
    said = _screen(tmp_path, {"923609016": linked})["KONSERN AS"]["provenance"]
    assert "conflicts" not in said["company.related"]


def test_the_outreach_pack_says_the_unit_is_in_a_group(tmp_path: Path) -> None:
    extract = tmp_path / "e.csv"
    extract.write_text(HEADER + "\n" + ROWS[0] + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["outreach", "--input", str(extract), "--as-of", "2026-11-23",
                                 "--scheme", "no-prosessinnovasjon", "--out",
                                 str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    toml = (tmp_path / "pack" / "923609016.toml").read_text(encoding="utf-8")
    assert "#   company.related: Enhetsregisteret erIKonsern true: part of a group" in toml
    assert "\n# related = \n" in toml


# --- CVR: a ceased status without a date ---------------------------------------------------


def cvr(on: date, drawn: date, **doc: Any) -> tuple[str, Any]:
    base: dict[str, Any] = {"cvrNummer": 38492716, "virksomhedMetadata": {
        "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
        "stiftelsesDato": "2015-01-01", "sammensatStatus": "OPHØRT"}} | doc
    raw = (json.dumps({"_source": {"Vrvirksomhed": base}}) + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "c.jsonl", "cvr", on, drawn)
    return kind, payload


def test_an_undated_ceased_status_holds_from_the_files_date() -> None:
    kind, said = cvr(ON, ON)
    assert kind == "missing" and "status OPHØRT: the company has ceased" in said


def test_an_undated_ceased_status_is_not_known_the_day_before_the_files_date() -> None:
    kind, payload = cvr(ON, date(2026, 11, 24))
    assert kind == "registry", payload
    data, said = payload
    assert data["company"]["cvr_number"] == "38492716"
    assert said["company.cvr_number"].startswith("CVR cvrNummer (status OPHØRT, undated: it "
                                                 "held when the extract was drawn")
    assert "whether it had ceased by then is not known" in said["company.cvr_number"]


def test_an_undated_ceased_status_holds_from_the_last_update() -> None:
    kind, _ = cvr(ON, date(2026, 12, 1), sidstOpdateret="2026-11-23T10:00:00")
    assert kind == "missing"
    kind, _ = cvr(ON, date(2026, 12, 1), sidstOpdateret="2026-11-24T10:00:00")
    assert kind == "registry"


def _life(until: str) -> list[dict[str, Any]]:
    return [{"periode": {"gyldigFra": "2015-01-01", "gyldigTil": until}}]


def test_the_life_periods_last_day_is_a_day_of_the_company() -> None:
    kind, payload = cvr(ON, date(2026, 12, 1), livsforloeb=_life("2026-11-23"))
    assert kind == "registry", payload
    assert "livsforloeb) ended on 2026-11-23" in payload[1]["company.cvr_number"]


def test_the_day_after_the_life_period_the_company_has_ceased() -> None:
    kind, said = cvr(ON, date(2026, 12, 1), livsforloeb=_life("2026-11-22"))
    assert kind == "missing" and "its life period ended on 2026-11-22" in said


def _normal_until(day: str) -> list[dict[str, Any]]:
    return [{"status": "NORMAL", "periode": {"gyldigFra": "2015-01-01", "gyldigTil": day}}]


def test_on_the_last_day_of_a_normal_period_a_later_ceased_status_does_not_hold() -> None:
    """The composite OPHØRT came after the newest dated period, NORMAL to 2026-11-23."""
    kind, payload = cvr(ON, ON, virksomhedsstatus=_normal_until("2026-11-23"))
    assert kind == "registry", payload


def test_the_day_after_the_normal_period_the_ceased_status_holds_from_the_files_date() -> None:
    kind, said = cvr(ON, ON, virksomhedsstatus=_normal_until("2026-11-22"))
    assert kind == "missing" and "status OPHØRT" in said
    kind, payload = cvr(ON, date(2026, 11, 24), virksomhedsstatus=_normal_until("2026-11-22"))
    assert kind == "registry" and "whether it had ceased" in payload[1]["company.cvr_number"]


# --- CVR: the owner register ------------------------------------------------------------------


def _owner(kind: str, share: str | float, since: str = "2020-01-01", until: str | None = None,
           register: str = "EJERREGISTER", attr: str = "EJERANDEL_PROCENT") -> dict[str, Any]:
    return {"deltager": {"enhedstype": kind, "forretningsnoegle": 30000001,
                         "navne": [{"navn": "Moder Holding ApS"}]},
            "organisationer": [{"hovedtype": "REGISTER",
                                "organisationsNavn": [{"navn": register}],
                                "medlemsData": [{"attributter": [{"type": attr, "vaerdier": [
                                    {"vaerdi": share,
                                     "periode": {"gyldigFra": since, "gyldigTil": until}}]}]}]}]}


def _owned(*owners: dict[str, Any]) -> tuple[str, Any]:
    return cvr(ON, ON, deltagerRelation=list(owners), virksomhedMetadata={
        "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
        "stiftelsesDato": "2015-01-01", "sammensatStatus": "NORMAL"})


def _related(*owners: dict[str, Any]) -> tuple[Any, str]:
    kind, payload = _owned(*owners)
    assert kind == "registry", payload
    return payload[0]["company"].get("related"), payload[1].get("company.related", "")


def test_a_company_holding_a_majority_puts_the_unit_in_a_group() -> None:
    related, said = _related(_owner("VIRKSOMHED", "1.0"))
    assert related == [{"name": "the group's other enterprises (not named in the register)",
                        "relation": "linked"}]
    assert said.startswith("CVR deltagerRelation (EJERREGISTER): Moder Holding ApS (CVR "
                           "30000001) holds 100 % or more of the capital, a majority: part of "
                           "a group")


def test_a_majority_of_the_votes_is_enough() -> None:
    related, said = _related(_owner("VIRKSOMHED", "0.6667", attr="EJERANDEL_STEMMERET_PROCENT"))
    assert related and "66.67 % or more of the votes" in said


def test_the_band_from_50_percent_shows_no_majority() -> None:
    """0.5 is the band 50 % to 66.66 %: exactly half is no majority (art. 3(3)(a))."""
    related, said = _related(_owner("VIRKSOMHED", "0.5"))
    assert related is None and "is not shown: not settled" in said


def test_a_person_holding_everything_makes_no_group() -> None:
    """Links through persons turn on their markets (art. 3(3)), which no register gives."""
    assert _related(_owner("PERSON", "1.0")) == (None, "")


def test_an_ownership_counts_on_the_last_day_of_its_period_not_the_day_after() -> None:
    assert _related(_owner("VIRKSOMHED", "1.0", until="2026-11-23"))[0]
    assert _related(_owner("VIRKSOMHED", "1.0", until="2026-11-22"))[0] is None


def test_an_ownership_counts_from_its_first_day_not_the_day_before() -> None:
    assert _related(_owner("VIRKSOMHED", "1.0", since="2026-11-23"))[0]
    assert _related(_owner("VIRKSOMHED", "1.0", since="2026-11-24"))[0] is None


def test_a_share_in_another_register_is_not_an_ownership() -> None:
    assert _related(_owner("VIRKSOMHED", "1.0", register="DIREKTION")) == (None, "")


def test_a_share_written_as_a_json_number_is_read() -> None:
    related, said = _related(_owner("VIRKSOMHED", 1.0))
    assert related and "100 % or more" in said


def test_a_share_that_is_no_fraction_is_an_error_record() -> None:
    kind, said = _owned(_owner("VIRKSOMHED", "100"))
    assert kind == "missing" and "must be a fraction from 0 to 1 (got '100')" in said


def test_the_owner_is_named_by_its_current_name() -> None:
    owner = _owner("VIRKSOMHED", "1.0")
    owner["deltager"]["navne"] = [
        {"navn": "Moder Holding ApS", "periode": {"gyldigFra": "2010-01-01", "gyldigTil": None}},
        {"navn": "Gammel Moder ApS", "periode": {"gyldigFra": "2005-01-01",
                                                "gyldigTil": "2009-12-31"}}]
    assert "Moder Holding ApS (CVR 30000001)" in _related(owner)[1]


def _ip08(tmp_path: Path, band: str) -> dict[str, Any]:
    """Innobooster People's IP08 (fewer than 50 staff, partner and linked enterprises added)
    for a CVR unit a company owns wholly, with its own annual work units in ``band``."""
    doc = {"cvrNummer": 38492716, "deltagerRelation": [_owner("VIRKSOMHED", "1.0")],
           "virksomhedMetadata": {
               "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
               "stiftelsesDato": "2017-01-01", "sammensatStatus": "NORMAL",
               "nyesteAarsbeskaeftigelse": {"aar": 2019, "intervalKodeAntalAarsvaerk": band}}}
    extract = tmp_path / "c.jsonl"
    extract.write_text(json.dumps({"_source": {"Vrvirksomhed": doc}}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["batch", "--input", str(extract), "--format", "jsonl",
                                 "--detail", "full", "--as-of", "2020-11-01", "--jobs", "1",
                                 "--scheme", "dk-innobooster-people"], env={"NO_COLOR": "1"})
    record = json.loads(r.stdout.splitlines()[0])
    scheme, = record["schemes"]
    finding, = (f for f in scheme["findings"] if f["rule"] == "IP08")
    return finding  # type: ignore[no-any-return]


def test_own_staff_of_50_or_more_is_no_small_enterprise_whatever_the_group(tmp_path: Path
                                                                            ) -> None:
    found = _ip08(tmp_path, "ANTAL_50_99")
    assert found["outcome"] == "fail"


def test_own_staff_under_50_leaves_the_group_to_settle_it(tmp_path: Path) -> None:
    found = _ip08(tmp_path, "ANTAL_20_49")
    assert found["outcome"] == "unknown" and "company.related" in found["missing_fields"]


def test_the_shortlists_explanation_says_the_group_came_from_the_register(tmp_path: Path) -> None:
    extract = tmp_path / "e.csv"
    extract.write_text(HEADER + "\n" + ROWS[0] + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["shortlist", "--input", str(extract), "--as-of", "2026-11-23",
                                 "--scheme", "no-prosessinnovasjon", "--explain", "923609016"],
                           env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert r.exit_code == 0, r.stderr
    assert 'company.related[0].relation = "linked": Enhetsregisteret erIKonsern true' in r.stdout
    assert "stated in the profile" not in r.stdout
