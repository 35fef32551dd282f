"""The blind Danish cases (tests/schemes/cases_dk_blind.toml), each run through `grantcheck match
--format json` as a user would: written from the scheme pages by a reader who had not seen the
scheme code, each resting on one sentence of the page (its `quote`)."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.schemes.test_cases import merge, unset

CASES = Path(__file__).resolve().parent / "schemes" / "cases_dk_blind.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "profile", "verdict", "status", "max_grant",
        "own_funding", "tiers", "rules", "missing_documents", "unset"}


def cases() -> list[dict[str, Any]]:
    data = tomllib.loads(CASES.read_text(encoding="utf-8"))
    out = []
    for case in data["case"]:
        assert set(case) <= KEYS, f"{case['name']}: unknown keys {set(case) - KEYS}"
        case = dict(case, profile=merge(data["bases"][case["base"]], case.get("profile", {})))
        for dotted in case.get("unset", []):  # a field the case leaves out (unknown)
            unset(case["profile"], dotted)
        out.append(case)
    return out


def run(case: dict[str, Any], tmp: Path) -> dict[str, Any]:
    """The scheme's record of `match --format json` for the case's profile on its date."""
    path = tmp / "profile.toml"
    path.write_text(tomli_w.dumps(case["profile"]), encoding="utf-8")
    result = CliRunner().invoke(app, ["match", str(path), "--as-of", case["on"].isoformat(),
                                      "--format", "json", "--scheme", case["scheme"]])
    assert result.exit_code in (0, 1), result.output
    [scheme] = [s for s in json.loads(result.stdout)["schemes"] if s["id"] == case["scheme"]]
    return scheme  # type: ignore[no-any-return]


def amount(value: dict[str, Any] | None) -> Decimal | None:
    if value is None or value.get("amount") is None:
        return None
    return Decimal(value["amount"])


def differences(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where the verdict differs from the case's expectations (empty: it agrees)."""
    out = []
    if got["verdict_if_open"] != case["verdict"]:
        out.append(f"verdict {got['verdict_if_open']} != {case['verdict']}")
    if "status" in case and got["status"] != case["status"]:
        out.append(f"status {got['status']} != {case['status']}")
    for key in ("max_grant", "own_funding"):
        if key in case and amount(got[key]) != Decimal(str(case[key])):
            out.append(f"{key} {amount(got[key])} != {case[key]}")
    tiers = {tier["id"]: tier["verdict"] for tier in got.get("tiers", [])}
    for tier, verdict in case.get("tiers", {}).items():
        if tiers.get(tier) != verdict:
            out.append(f"tier {tier} {tiers.get(tier)} != {verdict}")
    outcomes = {finding["rule"]: finding["outcome"] for finding in got["findings"]}
    for rule, outcome in case.get("rules", {}).items():
        if outcomes.get(rule) != outcome:
            out.append(f"rule {rule} {outcomes.get(rule)} != {outcome}")
    missing = {doc["id"] for doc in got["missing_documents"]}
    for doc in case.get("missing_documents", []):
        if doc not in missing:
            out.append(f"document {doc} not listed missing")
    return out


CASE_LIST = cases()


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    names = [case["name"] for case in CASE_LIST]
    assert len(names) == len(set(names))
    assert all(case["quote"].strip() for case in CASE_LIST)
    for scheme in ("dk-innobooster-people", "dk-smv-digital"):
        assert sum(case["scheme"] == scheme for case in CASE_LIST) >= 25


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert differences(case, run(case, tmp_path)) == []


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for case in CASE_LIST:
            got = run(case, Path(folder))
            diff = differences(case, got)
            if diff:
                fails = [f"{f['rule']}={f['outcome']}" for f in got["findings"]
                         if f["outcome"] in ("fail", "unknown")]
                print(f"DIFF {case['name']}: {'; '.join(diff)} [{' '.join(fails)}]")
            else:
                print(f"ok   {case['name']}")
