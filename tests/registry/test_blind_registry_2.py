"""The blind registry-screening cases, round 2 (blind_registry_cases_2.toml): extracts in the
registries' own formats (data/blind2/) with what round 1 left out: headers in another order,
casing or delimiter, several employment periods, dates around --as-of, branches of foreign
companies, public owners, companies with no employee figure. A case may state the file's date
(``file_date``): the extract is then copied and dated so, since an undated flag is read against
it (docs/registries.md, "Dated events and the evaluation date"). Besides round 1's keys,
``unknown`` lists profile paths the record must leave without a range or a value."""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.registry.test_blind_registry import (
    KEYS,
    batch,
    check_case,
    unit_record,
    well_formed,
)

HERE = Path(__file__).parent
DATA = HERE / "data" / "blind2"
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "blind_registry_cases_2.toml").read_text(encoding="utf-8"))["case"]
MORE_KEYS = {"file_date", "unknown"}


@cache
def screened(file: str, as_of: str, profiles: str | None, file_date: str | None
             ) -> tuple[int, tuple[dict[str, Any], ...]]:
    """(exit code, records) of one batch over an extract, dated ``file_date`` when given."""
    with tempfile.TemporaryDirectory() as tmp:
        path = DATA / file
        if file_date:
            path = Path(shutil.copy(DATA / file, Path(tmp) / file))
            day = date.fromisoformat(file_date)
            stamp = datetime(day.year, day.month, day.day, 12).timestamp()  # noon, local time
            os.utime(path, (stamp, stamp))
        return batch(path, as_of, DATA / profiles if profiles else None)


def record_of(case: dict[str, Any]) -> dict[str, Any]:
    return unit_record(case, screened(case["file"], case["as_of"], case.get("profiles"),
                                      case.get("file_date"))[1])


def test_the_case_file_is_well_formed() -> None:
    assert len(CASES) >= 30
    well_formed(CASES, DATA, KEYS | MORE_KEYS,
                {"verdict", "rules", "range", "provenance", "error", "unknown"})


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    record = record_of(case)
    check_case(case, record)
    check_unknown(case, record)


def check_unknown(case: dict[str, Any], record: dict[str, Any]) -> None:
    """The case's ``unknown`` paths have no range and no value in the record (round 3 uses it
    too)."""
    for path in case.get("unknown", []):
        assert path not in record["profile"].get("ranges", {}), (case["name"], path)
        assert path.removeprefix("company.") not in record["profile"], (case["name"], path)
