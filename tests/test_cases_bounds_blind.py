"""The blind decide-by-bounds cases (tests/schemes/cases_bounds_blind.toml) for all five schemes:
for each rule that reads a fact, the fact left out and given as a range wholly inside the rule's
bound, wholly outside it and straddling it. Written from the scheme pages by a reader who had not
seen the scheme code; each case runs `grantcheck match FILE --as-of DATE --scheme ID --format
json` as a user would and checks the verdict (as if open), the deciding rule's outcome and, where
the rule stays open, that it names the fact that settles it (`missing`: rule -> the field names
that must appear among the finding's `missing_fields`)."""

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

CASES = Path(__file__).resolve().parent / "schemes" / "cases_bounds_blind.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "profile", "unset", "verdict", "rules",
        "missing", "tiers", "max_grant", "grant_range"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
           "dk-smv-digital", "dk-innobooster-people")


def named(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The rules whose open finding does not name a field the case says settles it."""
    fields = {finding["rule"]: finding.get("missing_fields") or [] for finding in got["findings"]}
    return [f"rule {rule} does not name {field} (names {fields.get(rule)})"
            for rule, wanted in case.get("missing", {}).items() for field in wanted
            if not any(field in name for name in fields.get(rule, []))]


def differences(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where the answer differs from the case's expectations (empty: it agrees)."""
    out = []
    if got["verdict_if_open"] != case["verdict"]:
        out.append(f"verdict {got['verdict_if_open']} != {case['verdict']}")
    tiers = {tier["id"]: tier["verdict"] for tier in got.get("tiers", [])}
    out += [f"tier {tier} {tiers.get(tier)} != {verdict}"
            for tier, verdict in case.get("tiers", {}).items() if tiers.get(tier) != verdict]
    if "max_grant" in case:
        want = None if case["max_grant"] == "none" else Decimal(str(case["max_grant"]))
        if amount(got["max_grant"]) != want:
            out.append(f"max_grant {amount(got['max_grant'])} != {case['max_grant']}")
    if "grant_range" in case:
        span = got.get("max_grant_range") or {}
        have = [amount(span.get("min")), amount(span.get("max"))]
        if have != [Decimal(str(end)) for end in case["grant_range"]]:
            out.append(f"max_grant_range {have} != {case['grant_range']}")
    return out + rules_and_documents(case, got) + named(case, got)


CASE_LIST = blind_cases(CASES, KEYS)


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    check_names_and_quotes(CASE_LIST, SCHEMES, 12)


def test_every_open_rule_names_a_fact() -> None:
    """A case expecting a rule to stay open says which fact settles it."""
    for case in CASE_LIST:
        open_rules = {rule for rule, outcome in case.get("rules", {}).items()
                      if outcome == "unknown"}
        assert open_rules <= set(case.get("missing", {})), case["name"]


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert differences(case, run_match(case, tmp_path)[1]) == []


def check(case: dict[str, Any], folder: Path) -> tuple[list[str], dict[str, Any]]:
    got = run_match(case, folder)[1]
    return differences(case, got), got


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    report(CASE_LIST, check)
