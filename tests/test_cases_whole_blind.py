"""The blind whole-company cases (tests/schemes/cases_whole_blind.toml): each a realistic
company on a stated date, run once through `grantcheck match FILE --as-of DATE --format json` as
a user would, with what the five scheme pages give for EVERY scheme (verdict, call status,
amounts, deciding rules, documents). Written from the pages by a reader who had not seen the
scheme code; each case names the page sentences it rests on (`quote`, in the original language)."""

from __future__ import annotations

import json
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.blind import amount, blind_cases, rules_and_documents

CASES = Path(__file__).resolve().parent / "schemes" / "cases_whole_blind.toml"
KEYS = {"name", "base", "on", "quote", "profile", "unset", "rate", "like", "expect"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
           "dk-smv-digital", "dk-innobooster-people")
EXPECT_KEYS = {"verdict", "if_open", "status", "scope", "max_grant", "own_funding", "currency",
               "tiers", "rules", "missing_documents", "not_missing", "later_documents",
               "not_later", "quote"}
Case = dict[str, Any]


def run(case: Case, tmp: Path) -> dict[str, Case]:
    """Every scheme's record of `match --format json` for the case's profile on its date."""
    path = tmp / "company.toml"
    path.write_text(tomli_w.dumps(case["profile"]), encoding="utf-8")
    args = ["match", str(path), "--as-of", case["on"].isoformat(), "--format", "json"]
    for rate in case.get("rate", []):
        args += ["--rate", rate]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return {scheme["id"]: scheme for scheme in json.loads(result.stdout)["schemes"]}


def differences(expect: Case, got: Case) -> list[str]:
    """Where one scheme's record differs from the case's expectations for it (empty: agrees)."""
    out = []
    for key, field in (("verdict", "verdict"), ("if_open", "verdict_if_open"),
                       ("status", "status")):
        if key in expect and got[field] != expect[key]:
            out.append(f"{field} {got[field]} != {expect[key]}")
    if "scope" in expect and got["scope"]["state"] != expect["scope"]:
        out.append(f"scope {got['scope']['state']} != {expect['scope']}")
    for key in ("max_grant", "own_funding"):
        if key not in expect:
            continue
        want = None if expect[key] == "none" else Decimal(str(expect[key]))
        currency = got[key]["currency"] if got[key] else None
        if amount(got[key]) != want:
            out.append(f"{key} {amount(got[key])} != {expect[key]}")
        elif want is not None and got[key]["currency"] != expect.get("currency", currency):
            out.append(f"{key} currency {got[key]['currency']} != {expect['currency']}")
    tiers = {tier["id"]: tier["verdict"] for tier in got.get("tiers", [])}
    out += [f"tier {tier} {tiers.get(tier)} != {verdict}"
            for tier, verdict in expect.get("tiers", {}).items() if tiers.get(tier) != verdict]
    return out + rules_and_documents(expect, got)


def case_differences(case: Case, tmp: Path) -> tuple[list[str], dict[str, Case]]:
    got = run(case, tmp)
    out = []
    for scheme in SCHEMES:
        out += [f"{scheme}: {diff}" for diff in differences(case["expect"][scheme], got[scheme])]
    return out, got


def with_defaults(cases: list[Case]) -> list[Case]:
    """Each case's ``expect`` over the shared expectations it is ``like`` (``[expects.X]``),
    scheme by scheme: a scheme the case states replaces the shared one whole."""
    shared = tomllib.loads(CASES.read_text(encoding="utf-8")).get("expects", {})
    return [dict(case, expect={**shared.get(case.get("like", ""), {}), **case.get("expect", {})})
            for case in cases]


CASE_LIST = with_defaults(blind_cases(CASES, KEYS))


def test_every_case_is_a_whole_company_with_a_quote() -> None:
    """A unique name, a quote, and an expectation with a verdict for each of the five schemes."""
    names = [case["name"] for case in CASE_LIST]
    assert len(names) == len(set(names)) and len(names) >= 40
    for case in CASE_LIST:
        assert case["quote"].strip(), case["name"]
        assert set(case["expect"]) == set(SCHEMES), case["name"]
        for expect in case["expect"].values():
            assert set(expect) <= EXPECT_KEYS, (case["name"], set(expect) - EXPECT_KEYS)
            assert "verdict" in expect or "if_open" in expect, case["name"]


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: Case, tmp_path: Path) -> None:
    assert case_differences(case, tmp_path)[0] == []


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    with tempfile.TemporaryDirectory() as folder:
        for case in CASE_LIST:
            diffs, got = case_differences(case, Path(folder))
            print(("DIFF " if diffs else "ok   ") + case["name"])
            for diff in diffs:
                scheme = diff.split(":")[0]
                fails = [f"{f['rule']}={f['outcome']}" for f in got[scheme]["findings"]
                         if f["outcome"] in ("fail", "unknown")]
                print(f"     {diff} [{' '.join(fails)}]")
