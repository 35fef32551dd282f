"""The JSON of `match --format json` for the example profiles and 400 generated ones at four
dates (the last one past GBER's end), held as one digest per case: a change of code that is
meant to keep behaviour (moving rules, speeding them up) must keep every digest.

A change that is meant to change the output rewrites the digests, and says so in its commit:

    python tests/test_snapshot.py --write          # rewrite tests/snapshots/match.sha256
    python tests/test_snapshot.py --dump DIR       # every case's JSON into DIR, to diff two trees

The generated profiles are stored (tests/snapshots/profiles.jsonl, made once by
bench/generate.py with seed 7), so the snapshot does not move with the generator.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck.matching import check
from grantcheck.profile import load_profile, profile_from_data
from grantcheck.render.json import match_to_json

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIGESTS = HERE / "snapshots" / "match.sha256"
GENERATED = HERE / "snapshots" / "profiles.jsonl"
DATES = (date(2023, 6, 15), date(2025, 3, 1), date(2026, 11, 23), date(2027, 2, 1))
# the order the schemes had when the digests were written (discovery now orders them by id)
ORDER = ("no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering",
         "dk-smv-digital", "dk-innobooster-people")
RATES = {"DKK": Decimal("7.4600"), "NOK": Decimal("11.0000"), "SEK": Decimal("11.0000")}


@functools.cache
def cases() -> tuple[tuple[str, str], ...]:
    """(case id, the JSON `match` gives) for every profile and date."""
    return tuple(_cases())


def _cases() -> Iterator[tuple[str, str]]:
    profiles = [(f"profiles/{p.name}", load_profile(p))
                for p in sorted((ROOT / "profiles").glob("*.toml"))]
    with GENERATED.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            data = json.loads(line, parse_float=Decimal)
            profiles.append((f"generated:{n}", profile_from_data(data, f"generated:{n}")))
    for name, profile in profiles:
        for on in DATES:
            yield f"{name}@{on}", match_to_json(check(profile, on, rates=RATES, schemes=ORDER,
                                                  source=name))


def digests() -> dict[str, str]:
    return {case: hashlib.sha256(_DIGEST.sub("sha256:…", text).encode()).hexdigest()
            for case, text in cases()}


# the rule-set digest hashes the schemes' source too: a refactoring changes it by design, so the
# snapshot (which must survive refactorings) leaves it out; tests/test_horizons.py checks it
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def _stored() -> dict[str, str]:
    lines = DIGESTS.read_text(encoding="utf-8").splitlines()
    return dict(line.split(" ", 1)[::-1] for line in lines if line)  # type: ignore[misc]


def test_match_json_is_unchanged() -> None:
    """Every case gives the JSON it gave when the digests were written."""
    stored = _stored()
    now = digests()
    assert now.keys() == stored.keys()
    changed = [case for case in now if now[case] != stored[case]]
    assert not changed, f"{len(changed)} cases changed, e.g. {changed[:5]}"


def test_snapshot_covers_every_verdict() -> None:
    """The cases are not all alike: each verdict appears for each scheme somewhere."""
    seen: set[tuple[str, str]] = set()
    for _, text in cases():
        for s in json.loads(text)["schemes"]:
            seen.add((s["id"], s["verdict_if_open"]))
    schemes = {sid for sid, _ in seen}
    for sid in schemes:
        verdicts = {v for s, v in seen if s == sid}
        assert len(verdicts) >= 2, (sid, verdicts)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write"]:
        DIGESTS.write_text("".join(f"{d} {c}\n" for c, d in digests().items()), encoding="utf-8")
    elif sys.argv[1:2] == ["--dump"]:
        out = Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        for case, text in cases():
            (out / (case.replace("/", "_").replace(":", "_") + ".json")).write_text(text)
    else:
        pytest.main([__file__])
