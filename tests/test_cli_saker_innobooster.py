"""`match` and `budget` through typer's CliRunner on Säker digitalisering and Innobooster People:
both commands read the training add-on's maximum the same way, and neither shows an amount (nor
says "fits") on a date the rules are not encoded for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
SD = "se-saker-digitalisering"
IP = "dk-innobooster-people"
runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "140"})


def findings(data: dict[str, Any]) -> dict[str, str]:
    return {f["rule"]: f["outcome"] for f in data["findings"]}


def match_json(path: Path, scheme: str, on: str) -> dict[str, Any]:
    r = run("match", str(path), "-s", scheme, "--as-of", on, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr
    scheme_data: dict[str, Any] = json.loads(r.stdout)["schemes"][0]
    return scheme_data


def budget_json(path: Path, scheme: str, on: str) -> dict[str, Any]:
    r = run("budget", str(path), "--scheme", scheme, "--as-of", on, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr
    budget_data: dict[str, Any] = json.loads(r.stdout)["budgets"][0]
    return budget_data


# --- the training add-on: 'Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per
# deltagande person', one reading in both commands -------------------------------------------


def training(tmp_path: Path, persons: int, cost: int) -> Path:
    """Norrsken's profile with a training add-on of ``cost`` for ``persons`` persons, stated
    the same in the profile (project.training_addon) and the budget (its training line)."""
    text = (PROFILES / "norrsken-science-park.toml").read_text(encoding="utf-8")
    text = text.replace("training_addon = { persons = 4, amount = 120000 }",
                        f"training_addon = {{ persons = {persons}, amount = {cost} }}")
    text = text.replace('category = "training"\namount = 120000',
                        f'category = "training"\namount = {cost}')
    assert f"amount = {cost}" in text and text.count(str(cost)) >= 2
    path = tmp_path / "training.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("persons", "cost", "outcome"), [
    (6, 180_000, "pass"), (7, 180_001, "fail"), (4, 120_000, "pass"), (4, 120_001, "fail")])
def test_match_and_budget_read_the_training_maximum_as_the_same_cost_cap(
        tmp_path: Path, persons: int, cost: int, outcome: str) -> None:
    """The same training (cost and persons) passes or fails SD12 and SDB02 alike."""
    path = training(tmp_path, persons, cost)
    sd12 = next(f for f in match_json(path, SD, "2023-02-15")["findings"] if f["rule"] == "SD12")
    sdb02 = next(f for f in budget_json(path, SD, "2023-02-15")["findings"]
                 if f["rule"] == "SDB02")
    assert (sd12["outcome"], sdb02["outcome"]) == (outcome, outcome)
    assert "Maxbelopp för denna aktivitet" in sd12["message"]
    assert "cap on the cost" in sdb02["message"]


# --- dates the rules are not encoded for: no amount, no "fits" --------------------------------


@pytest.mark.parametrize(("scheme", "profile", "on"), [
    (SD, "norrsken-science-park.toml", "0001-01-01"),
    (SD, "norrsken-science-park.toml", "2022-06-30"),
    (IP, "kvantia-startup.toml", "0001-01-01"),
    (IP, "kvantia-startup.toml", "2020-07-02"),
    (IP, "kvantia-startup.toml", "2027-01-01"),
    (IP, "kvantia-startup.toml", "9999-12-31")])
def test_match_shows_no_amount_on_a_date_the_rules_do_not_cover(
        scheme: str, profile: str, on: str) -> None:
    """No grant, own funding or cap, and no 'fits', on a date outside the scheme's horizon."""
    s = match_json(PROFILES / profile, scheme, on)
    assert (s["max_grant"], s["own_funding"], s["cap"], s["cost_base"]) == (None,) * 4
    assert "not encoded" in s["amount_basis"]
    assert "fits" not in (s["verdict"], s["verdict_if_open"])
    r = run("match", str(PROFILES / profile), "-s", scheme, "--as-of", on, "-a", "--no-pager")
    assert "SEK 650,000" not in r.stdout and "DKK 360,000" not in r.stdout
    assert "Amounts:" not in r.stdout


@pytest.mark.parametrize(("scheme", "profile", "on", "grant"), [
    (SD, "norrsken-science-park.toml", "2022-07-01", "650000"),
    (IP, "kvantia-startup.toml", "2020-07-03", "702000"),
    (IP, "kvantia-startup.toml", "2026-12-31", "702000")])
def test_match_shows_the_amounts_on_the_first_and_last_days_encoded(
        scheme: str, profile: str, on: str, grant: str) -> None:
    """The other side of each edge of the horizon: the amounts are shown."""
    s = match_json(PROFILES / profile, scheme, on)
    assert s["max_grant"]["amount"] == grant


def test_budget_computes_no_grant_before_the_saker_digitalisering_page_is_known() -> None:
    """2022-06-30: the grant is not computed, and SDB01-SDB03 are unknown, not decided."""
    b = budget_json(PROFILES / "norrsken-science-park.toml", SD, "2022-06-30")
    said = findings(b)
    assert said["GRANT"] == "unknown"
    assert [said[r] for r in ("SDB01", "SDB02", "SDB03")] == ["unknown"] * 3
    assert b["grant_parts"] == [] and b["verdict"] != "complies"


def test_budget_computes_the_grant_from_the_first_day_the_page_is_known() -> None:
    """2022-07-01: the grant is half the budget, SEK 650,000."""
    b = budget_json(PROFILES / "norrsken-science-park.toml", SD, "2022-07-01")
    assert "GRANT" not in findings(b)
    assert b["totals"]["grant"]["amount"] == "650000"


def innobooster_budget(tmp_path: Path) -> Path:
    """Kvantia's profile with a budget of one salary line (Freja Holm, DKK 46,000 a month)."""
    text = (PROFILES / "kvantia-startup.toml").read_text(encoding="utf-8")
    text += ('\n[budget]\napplication_date = 2020-11-16\nstart = 2021-01-01\n\n'
             '[[budget.lines]]\ncategory = "salary"\nemployee = "Freja Holm"\n'
             'monthly_salary = 46000\nmonths = 12\n')
    path = tmp_path / "kvantia-budget.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_budget_computes_the_innobooster_grant_on_gbers_last_day(tmp_path: Path) -> None:
    """2026-12-31: 12 × min(DKK 30,000, 75 % × DKK 46,000) = DKK 360,000."""
    b = budget_json(innobooster_budget(tmp_path), IP, "2026-12-31")
    assert b["totals"]["grant"]["amount"] == "360000"
    assert findings(b)["IPB07"] == "info"


def test_budget_computes_no_innobooster_grant_after_gber(tmp_path: Path) -> None:
    """2027-01-01: the grant is given under GBER art. 22, which ends 2026-12-31: no grant, and
    IPB07/IPB08 do not speak of a grant of DKK 0."""
    b = budget_json(innobooster_budget(tmp_path), IP, "2027-01-01")
    said = findings(b)
    assert said["GRANT"] == "unknown"
    assert (said["IPB07"], said["IPB08"]) == ("unknown", "unknown")
    assert b["grant_parts"] == []
    assert not any("DKK 0" in f["message"] for f in b["findings"])
