"""The own funding for the grant sought, and a grant a fact leaves open shown as its range.

Before, a profile stating ``project.grant_sought`` below the maximum was shown the own funding
for the maximum: the company funds the rest of its costs itself, so a smaller grant means more
own funding. Every scheme's page makes the own funding the rest of the costs (Bedriftsnettverk:
«Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert kapitalbehov i
prosjektet, minus det som finansieres av offentlige tilskudd»), so the own funding for the grant
sought is the cost base less it; the maximum grant stays the most the company could get, and a
grant sought above it is the rules' to judge (its own funding is not given).
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import amounts_of, json_amounts, one_line_each

ROOT = Path(__file__).resolve().parent.parent
ON = "2026-11-23"  # inside GBER's period: every scheme's amounts are encoded
runner = CliRunner()

# profile, scheme, its maximum grant and cost base on ON (the profile's own figures)
CASES = [
    ("hardanger-prosess", "no-prosessinnovasjon", 3_200_000, 6_400_000),
    ("fjordnett-network", "no-bedriftsnettverk", 700_000, 1_400_000),
    ("norrsken-science-park", "se-saker-digitalisering", 650_000, 1_300_000),
    ("nordlys-automation", "dk-smv-digital", 220_000, 680_000),
    ("kvantia-startup", "dk-innobooster-people", 702_000, 1_008_000),
]


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads((ROOT / "profiles" / f"{name}.toml").read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict[str, Any], name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _sought(tmp_path: Path, name: str, sought: int | None, **company: Any) -> Path:
    data = _data(name)
    if sought is None:
        data["project"].pop("grant_sought", None)
    else:
        data["project"]["grant_sought"] = sought
    data["company"].update(company)
    return _write(tmp_path, data, f"{name}.toml")


def _match(path: Path, *args: str):
    return runner.invoke(app, ["match", str(path), "--as-of", ON, *args],
                         env={"COLUMNS": "80", "NO_COLOR": "1"})


def _scheme(path: Path, sid: str) -> dict[str, Any]:
    r = _match(path, "--format", "json", "--scheme", sid)
    assert r.exit_code in (0, 1), r.stderr  # 1: no scheme fits
    return json.loads(r.stdout)["schemes"][0]


def _amount(money: dict[str, str] | None) -> Decimal | None:
    return None if money is None else Decimal(money["amount"])


@pytest.mark.parametrize(("name", "sid", "most", "base"), CASES)
def test_a_grant_sought_one_unit_under_the_maximum_needs_one_unit_more_own_funding(
        tmp_path, name, sid, most, base):
    scheme = _scheme(_sought(tmp_path, name, most - 1), sid)
    assert _amount(scheme["max_grant"]) == most  # still the most the company could get
    assert _amount(scheme["own_funding"]["amount"] and scheme["own_funding"]) == base - most
    assert _amount(scheme["grant_sought"]) == most - 1
    assert _amount(scheme["own_funding_for_sought"]) == base - most + 1
    assert f"own funding {scheme['cost_base']['amount']}" not in scheme["amount_basis"]
    assert "(project.grant_sought)" in scheme["amount_basis"]


@pytest.mark.parametrize(("name", "sid", "most", "base"), CASES)
def test_a_grant_sought_exactly_at_the_maximum_needs_the_maximums_own_funding(
        tmp_path, name, sid, most, base):
    scheme = _scheme(_sought(tmp_path, name, most), sid)
    assert _amount(scheme["grant_sought"]) == most
    assert _amount(scheme["own_funding_for_sought"]) == base - most == _amount(
        scheme["own_funding"])


@pytest.mark.parametrize(("name", "sid", "most", "base"), CASES)
def test_a_grant_sought_above_the_maximum_is_left_to_the_rules(tmp_path, name, sid, most,
                                                               base):
    """Its own funding is not given; the maximum's stays, and the verdict is the rules' own:
    the same as without the new keys (only the amounts' keys differ)."""
    above = _scheme(_sought(tmp_path, name, most + 1), sid)
    assert above["grant_sought"] is None and above["own_funding_for_sought"] is None
    # the rules say it does not fit: no amount is shown, the maximum's only as what it would be
    assert above["verdict_if_open"] == "does_not_fit" and above["own_funding"] is None
    would = json_amounts(above)
    assert would["grant_sought"] is None and would["own_funding_for_sought"] is None
    assert _amount(would["own_funding"]) == base - most


def test_without_a_grant_sought_nothing_changes(tmp_path):
    scheme = _scheme(_sought(tmp_path, "hardanger-prosess", None), "no-prosessinnovasjon")
    assert scheme["grant_sought"] is None and scheme["own_funding_for_sought"] is None
    assert scheme["max_grant_range"] is None and scheme["own_funding_range"] is None
    assert _amount(scheme["own_funding"]) == 3_200_000


def test_the_table_and_the_first_line_show_the_own_funding_for_the_grant_sought(tmp_path):
    r = _match(_sought(tmp_path, "hardanger-prosess", 3_199_999), "--scheme",
               "no-prosessinnovasjon")
    first = " ".join(r.stdout.split("\n")[:3])
    assert ("Prosess- og organisasjonsinnovasjon, up to NOK 3,200,000 (own funding "
            "NOK 3,200,001 for NOK 3,199,999 sought)") in first
    row = r.stdout[r.stdout.index("\nProsess"):].split("\n")[1:4]
    assert row[0].split()[-4:] == ["NOK", "3,200,000", "NOK", "3,200,001"], row
    own_column = " ".join(line[row[0].rindex("NOK 3,200,001"):].strip() for line in row[1:])
    assert own_column == "for NOK 3,199,999 sought", row


def test_explains_table_shows_it_too(tmp_path):
    r = _match(_sought(tmp_path, "hardanger-prosess", 1_000_000), "--scheme",
               "no-prosessinnovasjon", "--explain")
    assert "NOK 5,400,000" in r.stdout and "for NOK 1,000,000" in r.stdout


# --- a grant a fact leaves open: its range, and the fact that settles it -------------------

OPEN_SIZE = {"employees_fte": {"min": 40, "max": 300}}  # across 250: SME or not


def test_a_grant_sought_at_most_the_ranges_least_has_its_own_funding_decided(tmp_path):
    """15 % (large, by exception) to 50 % (an SME) of NOK 6,400,000: NOK 960,000 –
    3,200,000; NOK 960,000 sought is granted whatever the size, so its own funding is
    decided by bounds; NOK 960,001 is not (a large enterprise could get less)."""
    at = _scheme(_sought(tmp_path, "hardanger-prosess", 960_000, **OPEN_SIZE),
                 "no-prosessinnovasjon")
    assert at["max_grant"] is None and at["amount_missing_fields"] == ["company.employees_fte"]
    assert _amount(at["own_funding_for_sought"]) == 6_400_000 - 960_000
    over = _scheme(_sought(tmp_path, "hardanger-prosess", 960_001, **OPEN_SIZE),
                   "no-prosessinnovasjon")
    assert over["own_funding_for_sought"] is None and over["grant_sought"] is None
    assert over["max_grant_range"]["min"]["amount"] == "960000"


def test_the_exception_declared_away_makes_the_range_start_at_nothing(tmp_path):
    data = _data("hardanger-prosess")
    data["company"].update(OPEN_SIZE)
    data["declarations"]["large_enterprise_exception"] = False
    scheme = _scheme(_write(tmp_path, data), "no-prosessinnovasjon")
    assert scheme["max_grant_range"] == {"min": {"amount": "0", "currency": "NOK"},
                                         "max": {"amount": "3200000", "currency": "NOK"}}


def test_batch_shows_the_range_in_its_lines_and_its_records(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, {**_data("hardanger-prosess"),
                    "company": {**_data("hardanger-prosess")["company"], **OPEN_SIZE}})
    args = ["batch", str(folder), "--as-of", ON, "--scheme", "no-prosessinnovasjon"]
    table = runner.invoke(app, args, env={"COLUMNS": "200", "NO_COLOR": "1"})
    line = ("no-prosessinnovasjon: 0 fit, 1 needs information; NOK 960,000 – 3,200,000 a "
            "company (the range by company.employees_fte)")
    assert line in table.stdout
    out = tmp_path / "fits.jsonl"
    r = one_line_each(runner.invoke(app, [*args, "-o", str(out)], env={"COLUMNS": "200"}))
    assert line in r.stderr.splitlines()
    record = json.loads(out.read_text(encoding="utf-8"))["schemes"][0]
    assert record["max_grant_range"] == ["960000", "3200000"]
    assert record["own_funding_range"] == ["3200000", "5440000"]


def test_batch_records_carry_the_own_funding_for_the_grant_sought(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _sought(folder, "hardanger-prosess", 1_000_000)
    args = ["batch", str(folder), "--as-of", ON, "--scheme", "no-prosessinnovasjon"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout)))
    assert rows[0]["no-prosessinnovasjon.own_funding"] == "3200000"
    assert rows[0]["no-prosessinnovasjon.own_funding_for_sought"] == "5400000"
    record = json.loads(runner.invoke(app, [*args, "--format", "jsonl"]).stdout)["schemes"][0]
    assert (record["grant_sought"], record["own_funding_for_sought"]) == ("1000000", "5400000")


# --- the invariant: own funding + grant sought = cost base ------------------------------------


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(budget=st.integers(0, 20_000_000), per_mille=st.integers(0, 2000),
       case=st.sampled_from(CASES))
def test_own_funding_for_the_grant_sought_and_the_grant_sought_make_the_cost_base(
        budget, per_mille, case):
    """Every page makes the own funding the rest of the costs: for any budget and any grant
    sought at most the maximum, the two add up to the cost base; above it, none is given."""
    from datetime import date

    from grantcheck.matching import check
    from grantcheck.profile import profile_from_data

    name, sid, _, _ = case
    data = _data(name)
    data["project"]["budget_total"] = budget
    if name == "nordlys-automation":  # the investment and own hours are parts of the budget
        data["project"].update(investment_cost=budget // 2, own_hours_cost=0)
    data["project"]["grant_sought"] = 0
    probe = check(profile_from_data(data, "<p>"), date.fromisoformat(ON), schemes=[sid])
    most = amounts_of(probe.results[0].amounts)  # also where it does not fit: its arithmetic
    assert most is not None and most.max_grant is not None and most.cost_base is not None
    sought = (most.max_grant.amount * per_mille / 1000).quantize(Decimal("0.01"))
    data["project"]["grant_sought"] = sought
    am = amounts_of(check(profile_from_data(data, "<p>"), date.fromisoformat(ON),
                          schemes=[sid]).results[0].amounts)
    assert am is not None and am.cost_base is not None
    if sought <= most.max_grant.amount:
        assert am.sought is not None and am.own_for_sought is not None
        assert am.own_for_sought + am.sought == am.cost_base
        assert am.own_funding is None or am.own_for_sought >= am.own_funding
    else:
        assert am.sought is None and am.own_for_sought is None
