"""The case files: boundary cases of every scheme, written as data a reader of the page can check.

Each scheme may have ``tests/schemes/cases/<scheme-id>.toml``; a test-only scheme (on
``GRANTCHECK_SCHEMES_PATH``) has ``cases.toml`` in its own package instead, so that it is one
folder. A case file's shape::

    [bases.small]                 # named profile fragments the cases start from
    company = { name = "A ApS", country = "DK", employees_fte = 5 }

    [[case]]
    name = "two full-time employees are enough for the 25k voucher"   # a sentence
    base = "small"                # optional (default: the base named "default", if any)
    on = 2026-11-01               # optional (default: 2026-11-01); a TOML date
    profile = { company = { employees_fte = 2, owners_fte = 0 } }   # merged over the base
    expect = { SMV10 = "pass", SMV11 = "fail" }   # rule id -> outcome (pass, fail, unknown,
                                                  # warning, info)
    verdict = "fits"              # optional: the scheme's verdict_if_open
    tiers = { t25 = "fits" }      # optional: tier id -> verdict
    missing = { SMV10 = ["company.owners_fte"] }  # optional: rule id -> fields it names
    rates = { DKK = "7.46" }      # optional: the exchange rates (default: tests.support's)
    amounts = { max_grant = 25000, own_funding = 25000 }   # optional: the scheme's amounts, in
                                  # its currency ("none": not given); while a fact leaves
                                  # the grant open, max_grant_range = [least, most] (and
                                  # own_funding_range)
    tier_amounts = { t25 = { max_grant = 25000 } }   # optional: a tier's amounts, the same way
    missing_documents = ["business_case"]   # optional: the ids of the documents still missing
    later_documents = ["timesheet"]   # optional: the ids of the documents needed after applying

Tables merge key by key into the base (nested tables too); any other value, a list included,
replaces the base's. Write the boundary pairs here: one case on each side of every threshold.
"""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from grantcheck.engine import AmountsResult, evaluate
from grantcheck.schemes import SCHEME_IDS, get, package
from tests.support import ON, amounts_of, ctx_for

CASES = Path(__file__).resolve().parent / "cases"
OUTCOMES = {"pass", "fail", "unknown", "warning", "info"}
VERDICTS = {"fits", "needs_information", "does_not_fit"}
CASE_KEYS = {"name", "base", "on", "profile", "expect", "verdict", "tiers", "missing", "rates",
             "amounts", "tier_amounts", "missing_documents", "later_documents"}
AMOUNT_KEYS = {"max_grant", "own_funding", "cap", "cost_base"}
RANGE_KEYS = {"max_grant_range": "span", "own_funding_range": "own_span"}


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``over`` merged in: tables key by key, anything else replaced."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def unset(profile: dict[str, Any], dotted: str) -> None:
    """Leave the field ``dotted`` (``"budget.grant_sought"``) out of ``profile`` (unknown)."""
    *tables, field = dotted.split(".")
    for name in tables:
        profile = profile[name]
    del profile[field]


def case_files() -> list[tuple[str, Path]]:
    """(scheme id, case file): every file of tests/schemes/cases (named by scheme id), then the
    ``cases.toml`` of each scheme package that has one (a test-only scheme's)."""
    found = [(path.stem, path) for path in sorted(CASES.glob("*.toml"))]
    for scheme_id in SCHEME_IDS:
        for folder in package(scheme_id).__path__:
            own = Path(folder) / "cases.toml"
            if own.is_file():
                found.append((scheme_id, own))
    return found


def load(scheme_id: str, path: Path) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(test id, the case, the profile data) for every case of one file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    bases: dict[str, Any] = data.get("bases", {})
    out = []
    for case in data.get("case", []):
        extra = set(case) - CASE_KEYS
        assert not extra, (f"{scheme_id} ({path.name}): case {case.get('name')!r}: unknown "
                           f"keys {extra}")
        base_name = case.get("base", "default" if "default" in bases else None)
        base = bases[base_name] if base_name else {}
        out.append((f"{scheme_id}: {case['name']}", {**case, "scheme": scheme_id},
                    merge(base, case.get("profile", {}))))
    return out


ALL = [c for scheme_id, path in case_files() for c in load(scheme_id, path)]


def run_case(case: dict[str, Any], profile: dict[str, Any]) -> None:
    """Evaluate one case and assert what it expects."""
    scheme = get(case["scheme"])
    on: date = case.get("on", ON)
    rates = ({k: Decimal(str(v)) for k, v in case["rates"].items()} if "rates" in case
             else None)
    result = evaluate(scheme, ctx_for(profile, on, rates))
    findings = {f.rule.id: f for f in result.findings}
    for rule_id, expected in case.get("expect", {}).items():
        assert expected in OUTCOMES, f"{rule_id}: {expected!r} is not an outcome"
        assert rule_id in findings, f"{rule_id} is not a rule of {scheme.id}"
        f = findings[rule_id]
        assert f.outcome.value == expected, f"{rule_id}: {f.outcome.value} ({f.message})"
    for rule_id, fields in case.get("missing", {}).items():
        assert list(findings[rule_id].missing) == fields, findings[rule_id].message
    if "verdict" in case:
        assert case["verdict"] in VERDICTS
        assert result.verdict_if_open.value == case["verdict"], [
            (f.rule.id, f.outcome.value, f.message) for f in result.findings
            if f.outcome.value in ("fail", "unknown")]
    tiers = {t.tier.id: t.verdict.value for t in result.tiers}
    for tier_id, expected in case.get("tiers", {}).items():
        assert tiers[tier_id] == expected, (tier_id, tiers)
    check_amounts("the scheme", result.amounts, case.get("amounts", {}))
    for tier_id, wanted in case.get("tier_amounts", {}).items():
        tier = next(t for t in result.tiers if t.tier.id == tier_id)
        check_amounts(f"tier {tier_id}", tier.amounts, wanted)
    if "missing_documents" in case:
        assert [d.document.id for d in result.missing_documents] == case["missing_documents"]
    if "later_documents" in case:
        assert [d.document.id for d in result.later_documents] == case["later_documents"]


def check_amounts(what: str, result: AmountsResult, wanted: dict[str, Any]) -> None:
    """Each amount ``wanted`` names is the one ``result`` gives ("none": none given); a range
    (``max_grant_range``, ``own_funding_range``) is its least and its most."""
    amounts = amounts_of(result)  # a result that does not fit shows none: its arithmetic
    for key, value in wanted.items():
        if key in RANGE_KEYS:
            span = None if amounts is None else getattr(amounts, RANGE_KEYS[key])
            got_span = None if span is None else [m.amount for m in span]
            want_span = None if value == "none" else [Decimal(str(v)) for v in value]
            assert got_span == want_span, f"{what}: {key} {got_span} (expected {want_span})"
            continue
        assert key in AMOUNT_KEYS, f"{key!r} is not one of {sorted({*AMOUNT_KEYS, *RANGE_KEYS})}"
        money = None if amounts is None else getattr(amounts, key)
        got = None if money is None else money.amount
        want = None if value == "none" else Decimal(str(value))
        assert got == want, f"{what}: {key} {got} (expected {want}); {result.problem}"


@pytest.mark.parametrize(("case", "profile"), [c[1:] for c in ALL], ids=[c[0] for c in ALL])
def test_case(case: dict[str, Any], profile: dict[str, Any]) -> None:
    run_case(case, profile)


def test_every_case_name_is_unique_within_its_scheme() -> None:
    ids = [c[0] for c in ALL]
    assert len(ids) == len(set(ids))
