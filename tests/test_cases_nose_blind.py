"""The blind examiner's cases of the three Norwegian/Swedish schemes (written from the pages).

Each case of ``tests/schemes/cases_nose_blind.toml`` is one page sentence: its profile is run
through ``grantcheck match FILE --as-of ON --format json`` and the scheme's verdict (as if open),
call status, amounts, missing documents and deciding rules are compared with what the page says.
"""

from __future__ import annotations

import copy
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app

CASES_FILE = Path(__file__).parent / "schemes" / "cases_nose_blind.toml"
DATA = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))


def _merge(base: dict[str, Any], over: dict[str, Any], replace: list[str]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and key not in replace:
            out[key] = _merge(out[key], value, [])
        else:
            out[key] = copy.deepcopy(value)
    return out


def _amount(entry: dict[str, Any] | None) -> Decimal | None:
    if entry is None or entry.get("amount") is None:
        return None
    return Decimal(entry["amount"])


@pytest.mark.parametrize("case", DATA["case"], ids=[c["name"] for c in DATA["case"]])
def test_blind_case(case: dict[str, Any], tmp_path: Path) -> None:
    profile = _merge(DATA["bases"][case["base"]], case.get("profile", {}), case.get("replace", []))
    path = tmp_path / "case.toml"
    path.write_text(tomli_w.dumps(profile), encoding="utf-8")
    args = ["match", str(path), "--as-of", case["on"].isoformat(), "--format", "json",
            "--scheme", case["scheme"]]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    scheme = next(s for s in report["schemes"] if s["id"] == case["scheme"])
    findings = {f["rule"]: f for f in scheme["findings"]}
    open_issues = {r: f["outcome"] for r, f in findings.items()
                   if f["outcome"] in ("fail", "unknown")}
    assert scheme["verdict_if_open"] == case["verdict"], (case["quote"], open_issues)
    if "status" in case:
        assert scheme["status"] == case["status"]
    for key in ("max_grant", "own_funding"):
        if key in case:
            assert _amount(scheme[key]) == Decimal(case[key]), scheme["amount_basis"]
    if "missing_documents" in case:
        missing = {d["id"] for d in scheme["missing_documents"]}
        assert set(case["missing_documents"]) <= missing
    for rule, outcome in case.get("rules", {}).items():
        assert findings[rule]["outcome"] == outcome, findings[rule]["message"]
