"""The benchmark's generator (bench/generate.py) makes profiles that validate, in TOML and JSON
alike, and the same ones for the same seed."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck.profile import parse_profile, profile_from_data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
generate = pytest.importorskip("generate")


def test_every_generated_profile_validates_as_json_and_as_toml():
    for i, data in enumerate(generate.profiles(300, seed=3)):
        from_json = profile_from_data(json.loads(generate.to_json_line(data),
                                                 parse_float=Decimal), f"#{i}")
        assert parse_profile(generate.to_toml(data), f"#{i}") == from_json


def test_the_same_seed_gives_the_same_profiles():
    assert list(generate.profiles(50, seed=9)) == list(generate.profiles(50, seed=9))
    assert list(generate.profiles(50, seed=9)) != list(generate.profiles(50, seed=10))


def test_every_kind_of_company_and_every_section_is_generated():
    sections = set()
    countries = set()
    for data in generate.profiles(400, seed=5):
        sections |= set(data)
        countries.add(data["company"]["country"])
    assert sections == {"company", "aid_received", "project", "network", "employees",
                        "application", "declarations", "documents"}
    assert {"DK", "NO", "SE"} <= countries
