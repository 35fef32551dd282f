"""The blind dates-and-scope cases (tests/schemes/cases_dates_blind.toml) for all five schemes,
each run through `grantcheck match FILE --as-of DATE --scheme ID --format json` as a user would:
written from the scheme pages (and the EU acts they rest on) by a reader who had not seen the
scheme code, each resting on one sentence of the page or one article (its `quote`). They check
that a scheme says *fits* only on days its legal basis and its numbers are encoded for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.blind import blind_cases, check_names_and_quotes, report, run_match

CASES = Path(__file__).resolve().parent / "schemes" / "cases_dates_blind.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "profile", "unset", "status", "verdict",
        "verdict_if_open", "scope"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
           "dk-smv-digital", "dk-innobooster-people")


def differences(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where the scheme's record differs from the case's status, verdicts and scope."""
    found = {"status": got["status"], "verdict": got["verdict"],
             "verdict_if_open": got["verdict_if_open"], "scope": got["scope"]["state"]}
    return [f"{key} {found[key]} != {case[key]}" for key in found
            if key in case and found[key] != case[key]]


CASE_LIST = blind_cases(CASES, KEYS)


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    check_names_and_quotes(CASE_LIST, SCHEMES, 6)


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert differences(case, run_match(case, tmp_path)[1]) == []


def check(case: dict[str, Any], folder: Path) -> tuple[list[str], dict[str, Any]]:
    got = run_match(case, folder)[1]
    return differences(case, got), got


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    report(CASE_LIST, check)
