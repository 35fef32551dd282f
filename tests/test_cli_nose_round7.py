"""Seventh round, Norway and Sweden: the changes of this round through the CLI (typer's
CliRunner, ``--format json``, an explicit ``--as-of``), each as a boundary pair on the example
profiles (profiles/fjordnett-network.toml, profiles/norrsken-science-park.toml):

- Bedriftsnettverk BN08: «Bedriftsnettverket må bestå av minst tre små og mellomstore bedrifter»
  (Minimumskrav til prosjektet), the EU SME definition adding partner and linked enterprises
  (Annex art. 6(2)): a participant small by its own figures that declares ``sme = false`` is no
  SME;
- Säker digitalisering SD08: «I utvecklingsprojekten ska aktiviteter genomföras med en mindre
  grupp av företag» (Målgruppen företag): one company is no group, two are;
- `budget` SDB04/SDB05: «Pilotprojekten har en genomförandetid under 2023» (Hur länge kan
  projektet pågå?), as `match`'s SD21: a cost on 2022-12-31 is outside the period, one on
  2023-01-01 inside;
- `budget` BNB01: «Det søkes for ett år av gangen i inntil tre år» (Hvordan søke?), as `match`'s
  BN21: a year-3 cost of a two-year main project is in no year of it."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support import match_changed
from tests.test_cli_nose_round6 import budget_changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
BN, SD = "no-bedriftsnettverk", "se-saker-digitalisering"
VEHICLES = {BN: PROFILES / "fjordnett-network.toml", SD: PROFILES / "norrsken-science-park.toml"}
NOV, FEB23 = "2026-11-23", "2023-02-15"


def participants(havbruk_sme: bool | None) -> dict[str, Any]:
    """Fjordnett's participants with Polar Sensor declared no SME (so Havbruk Design, 9 staff by
    its own figures, is the third SME or not) and Havbruk's declared status set (None: none)."""
    data = tomllib.loads(VEHICLES[BN].read_text(encoding="utf-8"))
    ps = data["network"]["participants"]
    ps[1]["sme"] = False
    ps[2].pop("sme", None)
    if havbruk_sme is not None:
        ps[2]["sme"] = havbruk_sme
    return {"network": {"participants": ps}}


MATCH_CASES = [
    ("a participant of 9 staff that declares no status is the third SME", BN, NOV,
     participants(None), "fits", "BN08", "pass"),
    ("a participant of 9 staff that declares sme = false is no SME: two are too few", BN, NOV,
     participants(False), "does_not_fit", "BN08", "fail"),
    ("two participating companies are a group", SD, FEB23,
     {"project": {"target_companies": 2}}, "fits", "SD08", "pass"),
    ("one participating company is no group", SD, FEB23,
     {"project": {"target_companies": 1}}, "does_not_fit", "SD08", "fail"),
]


@pytest.mark.parametrize(("name", "scheme", "on", "over", "verdict", "rule", "outcome"),
                         MATCH_CASES, ids=[c[0] for c in MATCH_CASES])
def test_match_says_what_the_page_says(tmp_path: Path, name: str, scheme: str, on: str,
                                       over: dict[str, Any], verdict: str, rule: str,
                                       outcome: str) -> None:
    code, s = match_changed(tmp_path, VEHICLES[scheme], over, on, scheme)
    said = {f["rule"]: f for f in s["findings"]}
    assert s["verdict"] == verdict and said[rule]["outcome"] == outcome, said[rule]["message"]
    assert code == (0 if verdict == "fits" else 1)


def december(incurred: date) -> dict[str, Any]:
    """Norrsken applying and starting on 2022-12-01, its security review dated ``incurred``."""
    lines = tomllib.loads(VEHICLES[SD].read_text(encoding="utf-8"))["budget"]["lines"]
    for ln in lines:
        ln["incurred"] = date(2023, 3, 15)
    lines[2]["incurred"] = incurred
    return {"project": {"application_date": date(2022, 12, 1), "start": date(2023, 1, 1)},
            "budget": {"lines": lines}}


def network_years(years: int) -> dict[str, Any]:
    """Fjordnett's budget as year 3 of a main project of ``years`` years."""
    lines = tomllib.loads(VEHICLES[BN].read_text(encoding="utf-8"))["budget"]["lines"]
    for ln in lines:
        ln["year"] = 3
    return {"network": {"duration_years": years, "project_year": 3}, "budget": {"lines": lines}}


BUDGET_CASES = [
    (SD, FEB23, december(date(2023, 1, 1)), "SDB05", "pass", "complies"),
    (SD, FEB23, december(date(2022, 12, 31)), "SDB05", "fail", "breaks_rules"),
    (BN, NOV, network_years(3), "BNB01", "pass", "complies"),
    (BN, NOV, network_years(2), "BNB01", "fail", "breaks_rules"),
]


@pytest.mark.parametrize("case", BUDGET_CASES, ids=[f"{c[3]} {c[4]}" for c in BUDGET_CASES])
def test_budget_says_what_the_page_says(tmp_path: Path, case: tuple[Any, ...]) -> None:
    scheme, on, over, rule, outcome, verdict = case
    code, b = budget_changed(tmp_path, scheme, over, on)
    found = next(f for f in b["findings"] if f["rule"] == rule)
    assert (found["outcome"], b["verdict"]) == (outcome, verdict), found["message"]
    assert code == (0 if verdict == "complies" else 1)
