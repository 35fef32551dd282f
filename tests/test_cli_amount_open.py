"""A grant the profile leaves open: never "no cap stated" (a scheme without a cap) for an
amount that waits for a fact; the first line and the table show its range and the fact that
settles it when the costs bound it (they showed "?"), the detail its computation."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app

PO = "no-prosessinnovasjon"
HARDANGER = Path(__file__).resolve().parent.parent / "profiles" / "hardanger-prosess.toml"
ON = "2026-11-23"


def _run(tmp_path: Path, change, *args: str):
    data = tomllib.loads(HARDANGER.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "p.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return CliRunner().invoke(app, ["match", str(path), "--as-of", ON, "--scheme", PO, *args],
                              env={"COLUMNS": "120", "NO_COLOR": "1"})


def _open_size(data) -> None:
    data["company"]["employees_fte"] = {"min": 40, "max": 300}  # across 250: SME or not


def test_an_open_size_leaves_the_grant_open_not_uncapped(tmp_path):
    """15 % (a large enterprise, by exception) or 50 % (an SME) of NOK 6,400,000: the size
    decides the grant, so none is stated (never the SME's rate by default); the headline and
    table said "no cap stated", as for a scheme without a cap, beside a basis that works out
    NOK 960,000 to NOK 3,200,000."""
    r = _run(tmp_path, _open_size)
    first = " ".join(r.stdout.split("\n")[:2])
    assert ("1 needs information (Prosess- og organisasjonsinnovasjon, NOK 960,000 – 3,200,000 "
            "by company.employees_fte).") in first
    assert "no cap stated" not in r.stdout
    row = next(line for line in r.stdout.splitlines() if line.startswith("Prosess"))
    assert row.split()[3:] == ["needs", "information", "NOK", "960,000", "–", "3,200,000",
                               "NOK", "3,200,000", "–", "5,440,000"], row
    assert "by employees_fte" in r.stdout  # the fact that settles it, in the table's row
    assert "NOK 960,000 to NOK 3,200,000" in r.stdout
    scheme = json.loads(_run(tmp_path, _open_size, "--format", "json").stdout)["schemes"][0]
    assert scheme["verdict"] == "needs_information"
    assert scheme["max_grant"] is None and scheme["own_funding"]["amount"] is None
    assert scheme["amount_missing_fields"] == ["company.employees_fte"]
    assert scheme["max_grant_range"] == {"min": {"amount": "960000", "currency": "NOK"},
                                         "max": {"amount": "3200000", "currency": "NOK"}}
    assert scheme["own_funding_range"] == {"min": {"amount": "3200000", "currency": "NOK"},
                                           "max": {"amount": "5440000", "currency": "NOK"}}


def test_a_size_within_the_sme_bounds_gives_the_grant(tmp_path):
    def sme(data) -> None:
        data["company"]["employees_fte"] = {"min": 40, "max": 240}

    scheme = json.loads(_run(tmp_path, sme, "--format", "json").stdout)["schemes"][0]
    assert scheme["max_grant"] == {"amount": "3200000", "currency": "NOK"}
    assert scheme["own_funding"]["amount"] == "3200000"


def test_a_grant_waiting_for_the_budget_is_a_question_mark_not_no_cap(tmp_path):
    def no_budget(data) -> None:
        del data["project"]["budget_total"]

    r = _run(tmp_path, no_budget)
    assert "no cap stated" not in r.stdout
    row = next(line for line in r.stdout.splitlines() if line.startswith("Prosess"))
    assert row.split()[3:5] == ["fits", "?"], row
