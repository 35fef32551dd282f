"""Innobooster People «Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at
ansøgningen er godkendt» through ``grantcheck budget`` (typer's CliRunner, ``--format json``, an
explicit ``--as-of``): IPB09 reads it as the earliest start, not a start on a 1st, as `match`'s
IP25 does; boundary pairs on the day before and the 1st, and a later day that is no 1st.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
runner = CliRunner()


def budget(path: Path, on: str) -> tuple[int, dict[str, Any]]:
    r = runner.invoke(app, ["budget", str(path), "--as-of", on, "-f", "json"],
                      env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    (b,) = json.loads(r.stdout)["budgets"]
    return r.exit_code, b


def outcome(b: dict[str, Any], rule: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in b["findings"] if f["rule"] == rule)
    return found



def innobooster(tmp_path: Path, months: int = 12, start: str = "2021-01-01",
                approval: str = "") -> Path:
    """Kvantia's profile with one salary line (Freja Holm, DKK 46,000 a month), applied on
    2020-11-16."""
    text = (PROFILES / "kvantia-startup.toml").read_text(encoding="utf-8")
    text += (f"\n[budget]\napplication_date = 2020-11-16\nstart = {start}\n"
             + (f"approval_date = {approval}\n" if approval else "")
             + '\n[[budget.lines]]\ncategory = "salary"\nemployee = "Freja Holm"\n'
             f"monthly_salary = 46000\nmonths = {months}\n")
    path = tmp_path / "kvantia-budget.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("approval", "start", "result"), [
    ("2020-12-14", "2020-12-31", "fail"), ("2020-12-14", "2021-01-01", "pass"),
    ("2020-11-30", "2020-11-30", "fail"), ("2020-11-30", "2020-12-01", "pass"),
    ("2020-11-30", "2020-12-15", "pass")])
def test_the_grant_starts_no_earlier_than_the_1st_after_the_approval(
        tmp_path: Path, approval: str, start: str, result: str) -> None:
    """A day before the 1st of the month after the approval fails, that 1st passes, and a later
    day that is not a 1st passes too: «tidligst» bounds the start."""
    path = innobooster(tmp_path, start=start, approval=approval)
    code, b = budget(path, "2020-11-20")
    f = outcome(b, "IPB09")
    assert f["outcome"] == result, f["message"]
    assert code == (1 if result == "fail" else 0)


def test_a_start_not_on_a_1st_without_the_approval_date_needs_it(tmp_path: Path) -> None:
    """Applied 2020-11-16: a start on 2020-12-15 is allowed by an approval in November, so it
    needs the approval date; it no longer breaks the rule for not being a 1st."""
    code, b = budget(innobooster(tmp_path, start="2020-12-15"), "2020-11-20")
    f = outcome(b, "IPB09")
    assert (code, f["outcome"], f["missing_fields"]) == (1, "unknown", ["budget.approval_date"])
    assert "allowed only if the application is approved by 2020-11-30" in f["message"]
