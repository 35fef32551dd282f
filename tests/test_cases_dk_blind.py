"""The blind Danish cases (tests/schemes/cases_dk_blind.toml), each run through `grantcheck match
--format json` as a user would: written from the scheme pages by a reader who had not seen the
scheme code, each resting on one sentence of the page (its `quote`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.blind import (
    amount,
    blind_cases,
    check_names_and_quotes,
    report,
    rules_and_documents,
    run_match,
)

CASES = Path(__file__).resolve().parent / "schemes" / "cases_dk_blind.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "profile", "verdict", "status", "max_grant",
        "own_funding", "tiers", "rules", "missing_documents", "unset"}


def run(case: dict[str, Any], tmp: Path) -> dict[str, Any]:
    """The scheme's record of `match --format json` for the case's profile on its date."""
    return run_match(case, tmp)[1]


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
    return out + rules_and_documents(case, got)


CASE_LIST = blind_cases(CASES, KEYS)


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    check_names_and_quotes(CASE_LIST, ("dk-innobooster-people", "dk-smv-digital"), 25)


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert differences(case, run(case, tmp_path)) == []


def check(case: dict[str, Any], folder: Path) -> tuple[list[str], dict[str, Any]]:
    got = run(case, folder)
    return differences(case, got), got


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    report(CASE_LIST, check)
