"""The figures an amount's basis compares are the grant's: a product of the page's rate is shown
down to a cent, as the grant is (``Money.floored``), so the basis never reads DKK 25,000 beside a
grant of DKK 24,999.99. Through ``grantcheck match --format json`` (typer's CliRunner, stated
``--as-of``), on both sides of a cent: a budget ending in .99 and a whole one.

- SMV:Digital «I selv skal medfinansiere rådgivning med 50%» (the advice part).
- Bedriftsnettverk: the year's share of the eligible costs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
runner = CliRunner()


def scheme(path: Path, scheme_id: str) -> dict[str, Any]:
    r = runner.invoke(app, ["match", str(path), "--as-of", "2026-11-23", "-f", "json"],
                      env={"NO_COLOR": "1"})
    assert r.exit_code in (0, 1), r.stderr
    found: dict[str, Any] = next(s for s in json.loads(r.stdout)["schemes"]
                                 if s["id"] == scheme_id)
    return found


def written(tmp_path: Path, profile: str, changes: dict[str, str]) -> Path:
    text = (PROFILES / profile).read_text(encoding="utf-8").split("\n[budget]")[0] + "\n"
    for key, value in changes.items():
        text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
        assert n == 1, key
    path = tmp_path / profile
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("budget", "grant"), [("49999.99", "24,999.99"),
                                                ("50000", "25,000")])
def test_smv_digitals_advice_part_is_shown_as_the_grant_is(
        tmp_path: Path, budget: str, grant: str) -> None:
    path = written(tmp_path, "nordlys-automation.toml", {
        "budget_total": budget, "investment_cost": "0", "own_hours_cost": "0",
        "activities": '["implementation"]'})
    s = scheme(path, "dk-smv-digital")
    assert s["max_grant"]["amount"] == grant.replace(",", "")
    assert f"grant DKK {grant} = advice costs DKK {budget[:2]},{budget[2:]} × 50 % = DKK {grant}," \
        in s["amount_basis"]


@pytest.mark.parametrize(("budget", "grant"), [("1399999.99", "699,999.99"),
                                                ("1400000", "700,000")])
def test_bedriftsnettverks_share_is_shown_as_the_grant_is(
        tmp_path: Path, budget: str, grant: str) -> None:
    s = scheme(written(tmp_path, "fjordnett-network.toml", {"budget_total": budget}),
               "no-bedriftsnettverk")
    assert s["max_grant"]["amount"] == grant.replace(",", "")
    assert f"= NOK {grant}" in s["amount_basis"]
