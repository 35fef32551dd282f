"""The blind money-and-documents cases (tests/schemes/cases_amounts_blind.toml) for all five
schemes, each run through `grantcheck match FILE --as-of DATE --scheme ID --format json` (with
`--rate` where an EUR threshold is converted) as a user would: written from the scheme pages by a
reader who had not seen the scheme code, each resting on one sentence of the page (its `quote`)."""

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
    run_match,
)

CASES = Path(__file__).resolve().parent / "schemes" / "cases_amounts_blind.toml"
KEYS = {"name", "scheme", "base", "on", "quote", "profile", "unset", "rate", "verdict", "status",
        "max_grant", "own_funding", "own_funding_form", "aid_rate", "tiers", "tier_grants",
        "rules", "missing_documents", "not_missing", "later_documents", "not_later",
        "rate_shown", "rate_stated"}
SCHEMES = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
           "dk-smv-digital", "dk-innobooster-people")


def money(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    out = []
    for key in ("max_grant", "own_funding"):
        if key in case and amount(got[key]) != expected(case[key]):
            out.append(f"{key} {amount(got[key])} != {case[key]}")
    if "aid_rate" in case:
        rate = None if got.get("aid_rate") is None else Decimal(got["aid_rate"])
        if rate != expected(case["aid_rate"]):
            out.append(f"aid_rate {got.get('aid_rate')} != {case['aid_rate']}")
    form = ((got.get("own_funding") or {}).get("form") or "").lower()
    for word in case.get("own_funding_form", []):
        if word.lower() not in form:
            out.append(f"own_funding form {form!r} lacks {word!r}")
    tiers = {tier["id"]: tier for tier in got.get("tiers", [])}
    for tier, verdict in case.get("tiers", {}).items():
        if tiers.get(tier, {}).get("verdict") != verdict:
            out.append(f"tier {tier} {tiers.get(tier, {}).get('verdict')} != {verdict}")
    for tier, grant in case.get("tier_grants", {}).items():
        if amount(tiers.get(tier, {}).get("max_grant")) != expected(grant):
            out.append(f"tier {tier} max_grant {amount(tiers.get(tier, {}).get('max_grant'))}"
                       f" != {grant}")
    return out


def differences(case: dict[str, Any], answer: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Where the answer differs from the case's expectations (empty: it agrees)."""
    out = []
    if "verdict" in case and got["verdict_if_open"] != case["verdict"]:
        out.append(f"verdict {got['verdict_if_open']} != {case['verdict']}")
    if "status" in case and got["status"] != case["status"]:
        out.append(f"status {got['status']} != {case['status']}")
    out += money(case, got)
    out += rules_and_documents(case, got)
    return out + rates(case, answer)


def rates(case: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    """The exchange rates the case expects the output to state (value, or a dated rate)."""
    out = []
    dated = {r["currency"] for r in answer["exchange_rates"] if r.get("date")}
    for currency in case.get("rate_stated", []):
        if currency not in dated:
            out.append(f"no dated {currency} rate stated")
    given = {(r["currency"], Decimal(r["per_eur"])) for r in answer["exchange_rates"]}
    for shown in case.get("rate_shown", []):
        currency, value = shown.split("=")
        if (currency, Decimal(value)) not in given:
            out.append(f"rate {shown} not stated in exchange_rates {sorted(given)}")
    return out


CASE_LIST = blind_cases(CASES, KEYS)


def test_every_case_has_a_quote_and_a_unique_name() -> None:
    check_names_and_quotes(CASE_LIST, SCHEMES, 6)


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["name"] for case in CASE_LIST])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert differences(case, *run_match(case, tmp_path)) == []


def check(case: dict[str, Any], folder: Path) -> tuple[list[str], dict[str, Any]]:
    answer, got = run_match(case, folder)
    return differences(case, answer, got), got


if __name__ == "__main__":  # a report of every disagreement, for the case writer
    report(CASE_LIST, check)
