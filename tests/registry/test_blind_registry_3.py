"""The blind registry-screening cases, round 3 (blind_registry_cases_3.toml): extracts in the
registries' own formats (data/blind3/) with what rounds 1-2 left out: groups and parents, ceased
and revived units, several statuses, public owners with private minorities, a BOM, CRLF line
ends and doubled quotes, units with no industry code, codes of both NACE versions. Round 2's
keys, and ``asks`` / ``not_asks``: per rule, the fields its finding must (must not) name as
missing, so that a case says which fact settles an open rule. A path of ``unknown`` is looked
up in the unit's profile data as the reader makes it, too: the record's ``profile`` shows only
the ranges, and a flag set there (``in_difficulty = true``) would pass unseen."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from grantcheck.registry import drawn_by, guess, registry_tasks
from grantcheck.registry.common import maybe_gunzip, peek_text
from tests.registry import test_blind_registry_2 as round2
from tests.registry.test_blind_registry import KEYS, check_case, unit_record, well_formed

HERE = Path(__file__).parent
DATA = HERE / "data" / "blind3"
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "blind_registry_cases_3.toml").read_text(encoding="utf-8"))["case"]
MORE_KEYS = round2.MORE_KEYS | {"asks", "not_asks"}


def record_of(case: dict[str, Any]) -> dict[str, Any]:
    _, records = _screened(case["file"], case["as_of"], case.get("profiles"),
                           case.get("file_date"))
    return unit_record(case, records)


def _screened(file: str, as_of: str, profiles: str | None, file_date: str | None
              ) -> tuple[int, tuple[dict[str, Any], ...]]:
    saved = round2.DATA
    round2.DATA = DATA  # round 2's runner, over this round's extracts (cached per data folder)
    try:
        return _cached(str(DATA), file, as_of, profiles, file_date)
    finally:
        round2.DATA = saved


_CACHE: dict[tuple[Any, ...], tuple[int, tuple[dict[str, Any], ...]]] = {}


def _cached(data: str, *key: Any) -> tuple[int, tuple[dict[str, Any], ...]]:
    if (data, *key) not in _CACHE:
        _CACHE[(data, *key)] = round2.screened.__wrapped__(*key)
    return _CACHE[(data, *key)]


def test_the_case_file_is_well_formed() -> None:
    assert len(CASES) >= 30
    well_formed(CASES, DATA, KEYS | MORE_KEYS,
                {"verdict", "rules", "range", "provenance", "error", "unknown", "asks"})
    for case in CASES:  # a rule asked about is a rule the case names
        for rule in {**case.get("asks", {}), **case.get("not_asks", {})}:
            assert rule in case.get("rules", {}), (case["name"], rule)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    record = record_of(case)
    check_case(case, record)
    round2.check_unknown(case, record)
    if case.get("unknown"):
        data = _data_of(case)
        for path in case["unknown"]:
            assert path.removeprefix("company.") not in data, (case["name"], path, data)
    if "asks" in case or "not_asks" in case:
        scheme = next(s for s in record["schemes"] if s["id"] == case["scheme"])
        missing = {f["rule"]: f.get("missing_fields", []) for f in scheme["findings"]}
        for rule, fields in case.get("asks", {}).items():
            assert set(fields) <= set(missing[rule]), (case["name"], rule, missing[rule])
        for rule, fields in case.get("not_asks", {}).items():
            assert not set(fields) & set(missing[rule]), (case["name"], rule, missing[rule])


def _data_of(case: dict[str, Any]) -> dict[str, Any]:
    """The ``[company]`` data the reader makes of the case's unit (no answers merged), on the
    case's evaluation date and file date."""
    assert "profiles" not in case, f"{case['name']}: unknown is read without answers"
    with (DATA / case["file"]).open("rb") as fh:
        plain = maybe_gunzip(fh)
        fmt = guess(peek_text(plain))
        assert fmt is not None
        drawn = date.fromisoformat(case["file_date"]) if "file_date" in case else drawn_by(fh)
        for kind, _, payload in registry_tasks(plain, case["file"], fmt,
                                               date.fromisoformat(case["as_of"]), drawn):
            if kind == "registry" and payload[0]["company"].get("name") == case["company"]:
                return payload[0]["company"]  # type: ignore[no-any-return]
    raise AssertionError(f"{case['name']}: the unit is not read")
