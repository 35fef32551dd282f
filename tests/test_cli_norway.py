"""The two Norwegian schemes through typer's CliRunner: `match` and `budget` agree on the same
facts, and what a user sees on dates and inputs the rules do not cover."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import run, write

# Prosess- og organisasjonsinnovasjon: an SME, its profile and its budget stating the same grant
# sought on the same eligible costs. At 11 NOK to the euro the GBER art. 4(1)(l) threshold of
# EUR 7.5 million is NOK 82,500,000.
PROSESS = """[company]
name = "Verksted AS"
country = "NO"
employees_fte = 20
owners_fte = 0
turnover = 30_000_000
balance_sheet_total = 20_000_000
related = []
public_ownership_percent = 0
in_difficulty = false
sector = "other"

[project]
budget_total = 165_000_002
grant_sought = {sought}
exclusions = []
environmental_shift = false

[declarations]
no_competition_distortion = true
process_or_organisational_innovation = true
substantial_leap = true

[budget]
scheme = "no-prosessinnovasjon"
grant_sought = {sought}

[[budget.lines]]
description = "Process consultancy"
category = "consultancy"
amount = 165_000_002
"""
AT = ("--as-of", "2026-06-01", "--rate", "NOK=11")


def _match_finding(path: Path, rule: str) -> dict[str, Any]:
    r = run("match", str(path), "-s", "no-prosessinnovasjon", "-f", "json", *AT)
    (scheme,) = json.loads(r.stdout)["schemes"]
    return next(f for f in scheme["findings"] if f["rule"] == rule)


def _budget_finding(path: Path, rule: str) -> dict[str, Any]:
    r = run("budget", str(path), "-f", "json", *AT)
    (budget,) = json.loads(r.stdout)["budgets"]
    return next(f for f in budget["findings"] if f["rule"] == rule)


@pytest.mark.parametrize(("sought", "outcome"), [("82_500_000", "pass"),
                                                 ("82_500_001", "fail")])
def test_match_and_budget_agree_on_the_notification_threshold(
        tmp_path: Path, sought: str, outcome: str) -> None:
    """GBER does not apply above EUR 7.5 million: PO10 and POB04 pass at it, fail one krone
    above it, on the same facts."""
    path = write(tmp_path, PROSESS.replace("{sought}", sought))
    po10, pob04 = _match_finding(path, "PO10"), _budget_finding(path, "POB04")
    assert (po10["outcome"], pob04["outcome"]) == (outcome, outcome)
    assert po10["kind"] == "hard"
    if outcome == "fail":
        assert "NOK 82,500,000 (NOK 1 less)" in po10["fix"]
        assert "NOK 82,500,000 (NOK 1 less)" in pob04["fix"]


def test_without_a_grant_sought_both_ask_for_it(tmp_path: Path) -> None:
    """Half of the costs above the threshold, no grant sought: both name the grant sought."""
    text = PROSESS.replace("grant_sought = {sought}\n", "")
    path = write(tmp_path, text)
    po10, pob04 = _match_finding(path, "PO10"), _budget_finding(path, "POB04")
    assert (po10["outcome"], pob04["outcome"]) == ("unknown", "unknown")
    assert po10["missing_fields"] == ["project.grant_sought"]
    assert pob04["missing_fields"] == ["budget.grant_sought"]
