"""A period of months through `grantcheck match` and `budget` (typer's CliRunner, ``--as-of``
stated): the shared date law (grantcheck.law.dates.last_day_of_months) ends 12 months from
29 February on 28 February, where a year from it ends, and a month from the 31st on the last day
of a shorter month. SMV:Digital: «projektperiode … er på 12 måneder for tilskud på 100.000 kr.
eller op til 250.000 kr. og 6 måneder for tilskud på 25.000 kr.» (SMV29-SMV31, SMVB08);
Innobooster People: «løntilskud … i 12 måneder» (IPB10: a stated end is the last day of the
funded months). Before, 12 months from 2028-02-29 ended on 2029-02-27, and 6 months from
2027-08-31 on 2028-02-28: a day short."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
SMV, IP = "dk-smv-digital", "dk-innobooster-people"


def run_json(command: str, tmp_path: Path, profile: str, over: dict[str, Any], scheme: str,
             on: str) -> dict[str, Any]:
    data = changed(tomllib.loads((PROFILES / profile).read_text(encoding="utf-8")), over)
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    r = CliRunner().invoke(app, [command, str(path), "--scheme", scheme, "--as-of", on,
                                 "-f", "json"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["schemes" if command == "match" else "budgets"][0]
    return said


def outcomes(said: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {f["rule"]: (f["outcome"], f["message"]) for f in said["findings"]}


@pytest.mark.parametrize(("start", "end", "expected", "last"), [
    ("2028-02-29", "2029-02-28", "pass", "2029-02-28"),  # was a warning (2029-02-27)
    ("2028-02-29", "2029-03-01", "warning", "2029-02-28"),
    ("2027-03-01", "2028-02-29", "pass", "2028-02-29"),
    ("2027-03-01", "2028-03-01", "warning", "2028-02-29"),
    ("2028-03-01", "2029-02-28", "pass", "2029-02-28"),
    ("2028-03-01", "2029-03-01", "warning", "2029-02-28"),
])
def test_match_twelve_months_of_the_100000_voucher_around_29_february(
        tmp_path: Path, start: str, end: str, expected: str, last: str) -> None:
    said = outcomes(run_json("match", tmp_path, "nordlys-automation.toml",
                             {"project": {"start": start, "end": end}, "budget": None}, SMV,
                             "2026-11-23"))
    outcome, message = said["SMV30"]
    assert outcome == expected, message
    assert f"{start} to {last}" in message


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2027-08-31", "2028-02-29", "pass"),  # was a warning (2028-02-28)
    ("2027-08-31", "2028-03-01", "warning"),
    ("2027-08-29", "2028-02-28", "pass"),
    ("2027-08-29", "2028-02-29", "warning"),
])
def test_match_six_months_of_the_25000_voucher_from_a_month_end(
        tmp_path: Path, start: str, end: str, expected: str) -> None:
    said = outcomes(run_json("match", tmp_path, "nordlys-automation.toml",
                             {"project": {"start": start, "end": end}, "budget": None}, SMV,
                             "2026-11-23"))
    assert said["SMV29"][0] == expected, said["SMV29"][1]


@pytest.mark.parametrize(("end", "expected"), [("2029-02-28", "pass"), ("2029-03-01", "fail")])
def test_budget_commitment_period_of_twelve_months_from_29_february(
        tmp_path: Path, end: str, expected: str) -> None:
    over = {"project": {"start": "2028-02-29", "end": end},
            "budget": {"start": "2028-02-29", "end": end}}
    said = outcomes(run_json("budget", tmp_path, "nordlys-automation.toml", over, SMV,
                             "2026-11-23"))
    outcome, message = said["SMVB08"]
    assert outcome == expected, message
    assert "2029-02-28 at the latest" in message


KVANTIA_BUDGET = {"budget": {
    "application_date": "2020-11-16", "start": "2021-01-01",
    "lines": [{"category": "salary", "employee": "Freja Holm", "monthly_salary": 46000,
               "months": 1}]}}


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2021-01-31", "2021-02-28", "pass"),  # was unknown: 1 month from 2021-01-31 'ended' 02-27
    ("2021-01-31", "2021-02-27", "unknown"),
    ("2021-03-31", "2021-04-30", "pass"),
    ("2021-03-31", "2021-04-29", "unknown"),
    ("2021-03-01", "2021-03-31", "pass"),
    ("2021-03-01", "2021-04-01", "unknown"),
])
def test_budget_a_funded_month_from_a_month_end_ends_on_the_next_months_last_day(
        tmp_path: Path, start: str, end: str, expected: str) -> None:
    over = changed(KVANTIA_BUDGET, {"budget": {"start": start, "end": end}})
    said = outcomes(run_json("budget", tmp_path, "kvantia-startup.toml", over, IP, "2020-11-16"))
    outcome, message = said["IPB10"]
    assert outcome == expected, message
