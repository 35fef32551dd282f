"""The fast JSON text of a match result is exactly the documented JSON shape, dumped."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck.matching import check
from grantcheck.profile import load_profile, profile_from_data
from grantcheck.render.json import match_to_dict, match_to_json

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
generate = pytest.importorskip("generate")

DATES = [date(2026, 11, 23), date(2020, 11, 15), date(2023, 2, 15), date(2013, 5, 1),
         date(2027, 6, 1)]


def same_text(m) -> None:
    assert match_to_json(m) == json.dumps(match_to_dict(m), ensure_ascii=False)


@pytest.mark.parametrize("path", sorted((ROOT / "profiles").glob("*.toml")), ids=lambda p: p.name)
@pytest.mark.parametrize("on", DATES, ids=str)
def test_every_example_profile_on_every_kind_of_date(path, on):
    same_text(check(load_profile(path), on, source=str(path)))


def test_generated_profiles_with_a_rate_override_and_a_subset_of_schemes():
    for i, data in enumerate(generate.profiles(80, seed=11)):
        profile = profile_from_data(json.loads(generate.to_json_line(data), parse_float=Decimal),
                                    f"#{i}")
        same_text(check(profile, DATES[i % len(DATES)], source=f"#{i}"))
        same_text(check(profile, DATES[0], rates={"NOK": Decimal("11.5")},
                        schemes=["dk-smv-digital", "no-bedriftsnettverk"]))


def test_text_that_needs_escaping():
    data = {"company": {"name": 'Ø "quoted" \\ back\nslash\t[tab]', "country": "DK"}}
    same_text(check(profile_from_data(data, "<x>"), DATES[0], source='a "b".toml'))
