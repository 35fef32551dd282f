"""The blind examiner's budget cases (tests/budget/cases_blind.toml), each run through
`grantcheck budget FILE --as-of ON --scheme ID --format json` as a user would.

The cases were written from the five source pages alone, by a reader who had not seen the
schemes' budget code: each rests on one page sentence (`quote`, in the page's language) and
checks what that sentence gives: the verdict of the cost rules (`verdict`, JSON
`verdict_if_open`), the answer on the date (`answer`, JSON `verdict`, when the call's state
matters), the deciding rules' outcomes, the amounts and the lines the sentence settles.
"""

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

CASES = Path(__file__).resolve().parent / "cases_blind.toml"
KEYS = {"name", "scheme", "base", "on", "section", "quote", "profile", "unset", "verdict",
        "answer", "rules", "grant", "own_funding", "eligible_base", "lines", "cost",
        "participant", "no_grant"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
           "dk-smv-digital", "dk-innobooster-people")


def cases() -> list[dict[str, Any]]:
    data = tomllib.loads(CASES.read_text(encoding="utf-8"))
    out = []
    for case in data["case"]:
        assert set(case) <= KEYS, f"{case['name']}: unknown keys {set(case) - KEYS}"
        over = case.get("profile", {})
        if "cost" in case:  # [[case.cost]]: the budget's lines, replacing the base's
            over = merge(over, {"budget": {"lines": case["cost"]}})
        if "participant" in case:  # [[case.participant]]: the network's participants
            over = merge(over, {"network": {"participants": case["participant"]}})
        case = dict(case, profile=merge(data["bases"][case["base"]], over))
        for dotted in case.get("unset", []):  # a field of the base the case leaves out
            unset(case["profile"], dotted)
        out.append(case)
    return out


def run(case: dict[str, Any], tmp: Path) -> tuple[int, dict[str, Any]]:
    """The exit code and the scheme's budget record of `budget --format json` on the case's date."""
    path = tmp / "budget.toml"
    path.write_text(tomli_w.dumps(case["profile"]), encoding="utf-8")
    result = CliRunner().invoke(app, ["budget", str(path), "--as-of", case["on"].isoformat(),
                                      "--format", "json", "--scheme", case["scheme"]])
    assert result.exit_code in (0, 1), result.output
    [budget] = json.loads(result.stdout)["budgets"]
    assert budget["scheme"]["id"] == case["scheme"]
    return result.exit_code, budget  # type: ignore[no-any-return]


def amount(value: dict[str, Any] | None) -> Decimal | None:
    if value is None or value.get("amount") is None:
        return None
    return Decimal(value["amount"])


def differences(case: dict[str, Any], code: int, got: dict[str, Any]) -> list[str]:
    """Where the budget's record differs from the case (empty: it agrees)."""
    out = []
    if got["verdict_if_open"] != case["verdict"]:
        out.append(f"verdict {got['verdict_if_open']} != {case['verdict']}")
    answer = case.get("answer", case["verdict"])
    if got["verdict"] != answer:
        out.append(f"answer {got['verdict']} != {answer}")
    if code != (0 if answer == "complies" else 1):
        out.append(f"exit code {code} for the answer {answer}")
    totals = got["totals"]
    if "no_grant" in case:  # the company does not fit the scheme: the rule says so, no grant
        said = totals.get("no_grant", "")
        if totals["grant"] is not None or not said.startswith(f"none ({case['no_grant']})"):
            out.append(f"no_grant {said!r}, grant {totals['grant']}: not {case['no_grant']}'s")
        totals = {**totals, **totals.get("if_it_fitted", {})}  # the figures if it fitted
    for key in ("grant", "own_funding", "eligible_base"):
        if key in case and amount(totals[key]) != Decimal(str(case[key])):
            out.append(f"{key} {amount(totals[key])} != {case[key]}")
    outcomes = {finding["rule"]: finding["outcome"] for finding in got["findings"]}
    for rule, outcome in case.get("rules", {}).items():
        if outcomes.get(rule) != outcome:
            out.append(f"rule {rule} {outcomes.get(rule)} != {outcome}")
    lines = {str(ln["line"]): ln for ln in got["lines"]}
    for number, want in case.get("lines", {}).items():
        status, _, eligible = str(want).partition(" ")
        ln = lines.get(number)
        if ln is None or ln["status"] != status:
            out.append(f"line {number} {ln and ln['status']} != {status}")
        elif eligible and amount(ln["eligible"]) != Decimal(eligible):
            out.append(f"line {number} eligible {amount(ln['eligible'])} != {eligible}")
    return out


CASE_LIST = cases()


def test_every_case_has_a_quote_a_unique_name_and_a_deciding_check() -> None:
    assert len({case["name"] for case in CASE_LIST}) == len(CASE_LIST)
    for case in CASE_LIST:
        assert case["quote"].strip() and case["section"].strip(), case["name"]
        assert case.get("rules") or case.get("lines") or "grant" in case, case["name"]
    for scheme in SCHEMES:
        assert sum(case["scheme"] == scheme for case in CASE_LIST) >= 12, scheme


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    code, got = run(case, tmp_path)
    assert differences(case, code, got) == []

