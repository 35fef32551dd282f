"""The blind examiner's cases of the two Norwegian schemes, Bedriftsnettverk and Prosess- og
organisasjonsinnovasjon (tests/schemes/cases_no_blind_14.toml): written from the two pages by a
reader who had not seen the scheme code, each resting on the page sentence(s) in its ``quote``,
and run as a user would run them: ``grantcheck match FILE`` on a whole company, or ``grantcheck
budget FILE`` on its draft budget, always with a stated ``--as-of`` (and ``--rate`` where a EUR
threshold is converted)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.blind import (
    amount,
    blind_cases,
    check_names_and_quotes,
    expected,
    report,
    rules_and_documents,
    run_cli,
    run_match,
)

CASES = Path(__file__).resolve().parent / "schemes" / "cases_no_blind_14.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "note", "profile", "unset", "rate", "command",
        "add_participants", "add_lines", "verdict", "status", "max_grant", "own_funding",
        "aid_rate", "own_funding_form", "rules", "missing_documents", "not_missing",
        "no_missing_documents", "grant", "budget_own_funding", "eligible_base", "lines",
        "exit_code"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon")

Case = dict[str, Any]


def prepared(case: Case) -> Case:
    """The case with ``add_participants`` and ``add_lines`` appended to its base's lists."""
    profile = case["profile"]
    if "add_participants" in case:
        network = profile.setdefault("network", {})
        network["participants"] = network.get("participants", []) + case["add_participants"]
    if "add_lines" in case:
        budget = profile.setdefault("budget", {})
        budget["lines"] = budget.get("lines", []) + case["add_lines"]
    return case


def match_differences(case: Case, got: Case) -> list[str]:
    """Where ``grantcheck match`` differs from the case (empty: it agrees)."""
    out = []
    if "verdict" in case and got["verdict_if_open"] != case["verdict"]:
        out.append(f"verdict {got['verdict_if_open']} != {case['verdict']}")
    if "status" in case and got["status"] != case["status"]:
        out.append(f"status {got['status']} != {case['status']}")
    for key in ("max_grant", "own_funding"):
        if key in case and amount(got[key]) != expected(case[key]):
            out.append(f"{key} {amount(got[key])} != {case[key]}")
    if "aid_rate" in case:
        rate = None if got.get("aid_rate") is None else Decimal(got["aid_rate"])
        if rate != expected(case["aid_rate"]):
            out.append(f"aid_rate {got.get('aid_rate')} != {case['aid_rate']}")
    form = ((got.get("own_funding") or {}).get("form") or "").lower()
    out += [f"own funding form {form!r} lacks {word!r}"
            for word in case.get("own_funding_form", []) if word.lower() not in form]
    if case.get("no_missing_documents") and got.get("missing_documents"):
        out.append(f"documents listed missing: {[d['id'] for d in got['missing_documents']]}")
    return out + rules_and_documents(case, got)


def run_budget(case: Case, tmp: Path) -> tuple[int, Case]:
    """``grantcheck budget`` on the case's profile (with its ``[budget]``; :func:`run_cli`): the
    exit code and the scheme's budget record."""
    code, answer = run_cli("budget", case, tmp)
    [got] = answer["budgets"]
    return code, got


def budget_differences(case: Case, code: int, got: Case) -> list[str]:
    """Where ``grantcheck budget`` differs from the case (empty: it agrees)."""
    out = []
    if "verdict" in case and got["verdict"] != case["verdict"]:
        out.append(f"verdict {got['verdict']} != {case['verdict']}")
    if "exit_code" in case and code != case["exit_code"]:
        out.append(f"exit code {code} != {case['exit_code']}")
    totals = got["totals"]
    for key, field in (("grant", "grant"), ("budget_own_funding", "own_funding"),
                       ("eligible_base", "eligible_base")):
        if key in case and amount(totals.get(field)) != expected(case[key]):
            out.append(f"{field} {amount(totals.get(field))} != {case[key]}")
    lines = {str(line["line"]): line for line in got["lines"]}
    for number, status in case.get("lines", {}).items():
        line = lines.get(number, {})
        want, _, counted = status.partition("=")
        if line.get("status") != want:
            out.append(f"line {number} {line.get('status')} != {want}")
        if counted and amount(line.get("eligible")) != Decimal(counted):
            out.append(f"line {number} counts {amount(line.get('eligible'))} != {counted}")
    outcomes = {finding["rule"]: finding["outcome"] for finding in got["findings"]}
    out += [f"rule {rule} {outcomes.get(rule)} != {outcome}"
            for rule, outcome in case.get("rules", {}).items() if outcomes.get(rule) != outcome]
    return out


def check(case: Case, folder: Path) -> tuple[list[str], Case]:
    if case.get("command") == "budget":
        code, got = run_budget(case, folder)
        return budget_differences(case, code, got), got
    _, got = run_match(case, folder)
    return match_differences(case, got), got


CASE_LIST = [prepared(case) for case in blind_cases(CASES, KEYS)]


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    check_names_and_quotes(CASE_LIST, SCHEMES, 30)
    assert len(CASE_LIST) >= 80


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: Case, tmp_path: Path) -> None:
    assert check(case, tmp_path)[0] == []


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    report(CASE_LIST, check)
