"""Ninth round, Denmark: what ``grantcheck match PROFILE --as-of DATE --format json`` (typer's
CliRunner) says where the round changed a finding, on the example profiles
(profiles/kvantia-startup.toml, profiles/nordlys-automation.toml) with the case's changes, at
1 EUR = 7.46 DKK; and what ``grantcheck schema`` says ``rehire_contract`` means.

Innobooster People (Innovationsfonden, «Hvad kan der søges til?»):
- «For genansættelser gælder det, at der skal foreligge en ansættelseskontrakt senest ved
  bevillingsperiodens start»: ``employees[].rehire_contract`` is a contract held on the
  evaluation date, false before the grant start a contract still to come (IP16), as its
  description now says; a ``grant_start`` left out is a bound, not "not begun": «Bevillingen kan
  tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen er godkendt», so
  after that 1st the period may have begun and IP16 asks for the start (it passed).
- «der gives max. 1. bevilling pr. virksomhed»: a grant is given on its date; one dated after
  the evaluation date is not yet given then (IP19 failed it as "already given").
SMV:Digital (Erhvervsstyrelsen, «Ansøgningsguide til SMV:Digital», «Indsendelse af ansøgning»):
- «har virksomheden tidligere modtaget et tilskud, skal dette forløb være afsluttet og
  afrapporteret» (SMV17) and «Der kan kun gives tilskud til én ansøgning per koncern» (SMV26):
  grants by the evaluation date, as de minimis aid is counted (a later one blocked it).
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from grantcheck.cli import app
from tests.test_cli_dk_round7 import finding, tiers
from tests.test_cli_dk_round8 import IP, KVANTIA, NORDLYS, SMV, match

# --- Innobooster People: what rehire_contract means -------------------------------------------


def test_the_schema_says_rehire_contract_is_held_on_the_evaluation_date() -> None:
    """The field's description says what IP16 reads, not "by the grant start" (which false would
    deny, while IP16 reads false before the grant start as a contract still to come)."""
    r = CliRunner().invoke(app, ["schema"])
    assert r.exit_code == 0, r.stderr
    employee = json.loads(r.stdout)["$defs"]["Employee"]["properties"]["rehire_contract"]
    said = employee["description"]
    assert "on the evaluation date" in said and "«senest ved bevillingsperiodens start»" in said
    assert "false before grant_start is a contract still to come" in said
    assert "has an employment contract by the grant start" not in said


# --- Innobooster People: a grant start left out is a bound (IP16) -----------------------------
# Kvantia applied on 2020-09-15 (the call open): the grant can start from 2020-10-01. Mads
# Iversen (employees[1], dismissed 2020-04-30) is re-hired; no grant_start is stated.


def no_start(contract: bool | None, applied: bool = True) -> dict[str, Any]:
    data = tomllib.loads(KVANTIA.read_text(encoding="utf-8"))
    emps = data["employees"]
    for e in emps:
        e.pop("grant_start")
    if contract is None:
        emps[1].pop("rehire_contract")
    else:
        emps[1]["rehire_contract"] = contract
    project = {"application_date": date(2020, 9, 15) if applied else None,
               "start": date(2020, 10, 1), "end": date(2021, 9, 30)}
    return {"employees": emps, "project": project}


def ip16(folder: Path, contract: bool | None, on: str, applied: bool = True) -> dict[str, Any]:
    _, said = match(folder, KVANTIA, no_start(contract, applied), on, IP)
    assert said["status"] == "open"
    return finding(said, "IP16")


def test_no_contract_is_to_come_on_the_earliest_start_and_open_the_day_after(
        tmp_path: Path) -> None:
    """On 2020-10-01 the period has not begun; from 2020-10-02 it may have (from 2020-10-01):
    the start decides it. Without an application date the application is the evaluation
    date's or earlier (the tenth round: as PO13 and SD16 read it), so on 2020-10-02 the period
    may have begun too, and the application date settles it as well."""
    f = ip16(tmp_path, False, "2020-10-01")
    assert f["outcome"] == "pass" and "contract needed by the grant start" in f["message"]
    f = ip16(tmp_path, False, "2020-10-02")
    assert (f["outcome"], f["missing_fields"]) == ("unknown", ["employees[1].grant_start"])
    assert "it can start from 2020-10-01" in f["message"]
    f = ip16(tmp_path, False, "2020-10-02", applied=False)
    assert f["outcome"] == "unknown"
    assert f["missing_fields"] == ["employees[1].grant_start", "project.application_date"]


def test_a_contract_not_stated_then_asks_for_it_or_the_start(tmp_path: Path) -> None:
    """Either settles it: a contract held passes whatever the start."""
    assert ip16(tmp_path, None, "2020-10-01")["outcome"] == "pass"
    f = ip16(tmp_path, None, "2020-10-02")
    assert f["outcome"] == "unknown"
    assert f["missing_fields"] == ["employees[1].rehire_contract", "employees[1].grant_start"]
    f = ip16(tmp_path, True, "2020-10-02")
    assert f["outcome"] == "pass" and "contract held" in f["message"]


# --- Innobooster People: one grant per company, given by the evaluation date (IP19) -----------


def people_grant(granted: str) -> dict[str, Any]:
    return {"aid_received": [{"granted": date.fromisoformat(granted), "amount": 360_000,
                              "scheme": "Innobooster People", "de_minimis": False,
                              "finished_and_reported": True}]}


def test_a_grant_given_by_the_evaluation_date_rules_out_a_second_one_after_it_not(
        tmp_path: Path) -> None:
    """Kvantia's own grant, listed in a profile written later, checked as the call stood: dated
    2020-11-16 (the evaluation date) it is given, dated 2020-11-17 not yet."""
    code, said = match(tmp_path, KVANTIA, people_grant("2020-11-16"), "2020-11-16", IP)
    f = finding(said, "IP19")
    assert f["outcome"] == "fail" and "already given (2020-11-16)" in f["message"]
    assert said["verdict"] == "does_not_fit" and code == 1
    code, said = match(tmp_path, KVANTIA, people_grant("2020-11-17"), "2020-11-16", IP)
    f = finding(said, "IP19")
    assert f["outcome"] == "pass"
    assert "after the evaluation date, not yet given then: 2020-11-17" in f["message"]
    assert said["verdict"] == "fits" and code == 0


# --- SMV:Digital: earlier and group grants by the evaluation date (SMV17, SMV26) --------------
# Nordlys applies on 2026-12-01 and fits every voucher.


def smv_grant(granted: str, recipient: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"granted": date.fromisoformat(granted), "amount": 100_000,
                             "scheme": "SMV:Digital", "de_minimis": True,
                             "finished_and_reported": False}
    if recipient:
        entry["recipient"] = recipient
    return {"aid_received": [entry]}


def test_an_unfinished_project_granted_by_the_evaluation_date_blocks_it(tmp_path: Path
                                                                         ) -> None:
    """Granted 2026-12-01, the evaluation date, it is an earlier grant; 2026-12-02 not yet."""
    code, said = match(tmp_path, NORDLYS, smv_grant("2026-12-01"), "2026-12-01", SMV)
    assert finding(said, "SMV17")["outcome"] == "fail"
    assert set(tiers(said).values()) == {"does_not_fit"} and code == 1
    code, said = match(tmp_path, NORDLYS, smv_grant("2026-12-02"), "2026-12-01", SMV)
    assert finding(said, "SMV17")["outcome"] == "pass"
    assert set(tiers(said).values()) == {"fits"} and code == 0


def test_a_group_company_s_grant_by_the_evaluation_date_rules_it_out(tmp_path: Path) -> None:
    over = smv_grant("2026-12-01", "Nordlys Holding ApS")
    code, said = match(tmp_path, NORDLYS, over, "2026-12-01", SMV)
    f = finding(said, "SMV26")
    assert f["outcome"] == "fail" and "Nordlys Holding ApS" in f["message"]
    assert set(tiers(said).values()) == {"does_not_fit"} and code == 1
    over = smv_grant("2026-12-02", "Nordlys Holding ApS")
    code, said = match(tmp_path, NORDLYS, over, "2026-12-01", SMV)
    assert finding(said, "SMV26")["outcome"] == "pass"
    assert set(tiers(said).values()) == {"fits"} and code == 0


# --- SMV:Digital: the page's handling times, as notes -----------------------------------------


def test_the_notes_give_the_page_s_handling_times(tmp_path: Path) -> None:
    """«Sagsbehandlingstiden for modtagne ansøgninger er op til 5 uger.» and «Ekspeditionstiden
    hos Erhvervsstyrelsen er 3 uger forudsat, at dokumentation er komplet.»: said, each a cited
    parameter in the decision record."""
    _, said = match(tmp_path, NORDLYS, {}, "2026-12-01", SMV)
    notes = " ".join(said["notes"])
    assert "an application is decided within up to 5 weeks" in notes
    assert "the payout request is handled in 3 weeks when the documentation is complete" in notes
    params = {p["name"]: p for p in said["decision_record"]["parameters"]}
    assert params["smv_case_handling_weeks_max"]["value"] == "5"
    assert params["smv_payout_handling_weeks"]["value"] == "3"
