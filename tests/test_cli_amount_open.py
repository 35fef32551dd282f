"""A grant the profile leaves open: the answer gives what is known of it (its top as the
maximum grant when every reading is below it), never "no cap stated" for an amount that only
waits for a fact."""

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


def test_an_open_size_gives_the_smes_grant_as_the_most_and_leaves_own_funding_open(tmp_path):
    """15 % (a large enterprise, by exception) to 50 % (an SME) of NOK 6,400,000: the headline
    said "no cap stated", where any size gives at most NOK 3,200,000."""
    r = _run(tmp_path, _open_size)
    first = " ".join(r.stdout.split("\n")[:2])
    assert "1 needs information (Prosess- og organisasjonsinnovasjon, up to NOK 3,200,000)" \
        in first
    assert "no cap stated" not in r.stdout
    assert "NOK 960,000 to NOK 3,200,000" in r.stdout
    scheme = json.loads(_run(tmp_path, _open_size, "--format", "json").stdout)["schemes"][0]
    assert scheme["verdict"] == "needs_information"
    assert scheme["max_grant"] == {"amount": "3200000", "currency": "NOK"}
    assert scheme["own_funding"]["amount"] is None
    assert scheme["amount_missing_fields"] == ["company.employees_fte"]


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
