"""The blind registry-screening cases (blind_registry_cases.toml): small extracts in the
registries' own formats (data/blind/) screened by ``grantcheck batch`` through the CLI, each
case's verdict, rule outcomes, ranges and provenance as an examiner expects them from the
pages and the registries' documented meaning. Every run states its --as-of date."""

from __future__ import annotations

import csv
import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

HERE = Path(__file__).parent
DATA = HERE / "data" / "blind"
KEYS = {"name", "file", "as_of", "profiles", "company", "source", "scheme", "verdict", "rules",
        "range", "provenance", "error", "rests_on", "found"}
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "blind_registry_cases.toml").read_text(encoding="utf-8"))["case"]


@cache
def screened(file: str, as_of: str, profiles: str | None) -> tuple[int, tuple[dict[str, Any], ...]]:
    """(exit code, records) of one batch over a vendored extract, run once per file, date and
    answers folder."""
    return batch(DATA / file, as_of, DATA / profiles if profiles else None)


def batch(path: Path, as_of: str, profiles: Path | None
          ) -> tuple[int, tuple[dict[str, Any], ...]]:
    """(exit code, records) of ``grantcheck batch`` over the extract ``path``."""
    args = ["batch", "--input", str(path), "--format", "jsonl", "--detail", "full",
            "--as-of", as_of, "--jobs", "1"]
    if profiles:
        args += ["--profiles", str(profiles)]
    r = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    return r.exit_code, tuple(json.loads(line) for line in r.stdout.splitlines())


def record_of(case: dict[str, Any]) -> dict[str, Any]:
    return unit_record(case, screened(case["file"], case["as_of"], case.get("profiles"))[1])


def unit_record(case: dict[str, Any], records: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """The one record of the case's unit (by its name, or an error record's source)."""
    if "company" in case:
        found = [r for r in records if r["profile"].get("name") == case["company"]]
    else:
        found = [r for r in records if r["profile"]["source"].endswith(case["source"])]
    assert len(found) == 1, f"{case['name']}: {len(found)} records for the case's unit"
    return found[0]


def test_the_case_file_is_well_formed() -> None:
    well_formed(CASES, DATA, KEYS, {"verdict", "rules", "range", "provenance", "error"})


def well_formed(cases: list[dict[str, Any]], data: Path, keys: set[str], checks: set[str]
                ) -> None:
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names repeat"
    for case in cases:
        assert set(case) <= keys, f"{case['name']}: unknown keys {set(case) - keys}"
        assert case["rests_on"].strip(), f"{case['name']}: says nothing it rests on"
        assert ("company" in case) != ("source" in case), case["name"]
        assert checks & set(case), f"{case['name']}: checks nothing"
        assert (data / case["file"]).stat().st_size < 12_000, "keep the extracts small"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    check_case(case, record_of(case))


def check_case(case: dict[str, Any], record: dict[str, Any]) -> None:
    """The record of a case's unit as the case expects it (round 2's runner uses it too)."""
    if "error" in case:
        assert "schemes" not in record
        assert case["error"] in record["error"]
        return
    if "scheme" in case:
        scheme = next(s for s in record["schemes"] if s["id"] == case["scheme"])
        outcomes = {f["rule"]: f["outcome"] for f in scheme["findings"]}
        if "verdict" in case:
            assert scheme["verdict"] == case["verdict"], (case["name"], outcomes)
        for rule, outcome in case.get("rules", {}).items():
            assert outcomes.get(rule) == outcome, (case["name"], rule, outcomes.get(rule))
    ranges = record["profile"].get("ranges", {})
    for path, bounds in case.get("range", {}).items():
        assert ranges.get(path) == {"min": bounds.get("min"), "max": bounds.get("max")}, (
            case["name"], path, ranges.get(path))
    for path, text in case.get("provenance", {}).items():
        assert text in record["provenance"].get(path, ""), (case["name"], path,
                                                           record["provenance"].get(path))


def test_a_multi_line_free_text_is_one_record_and_the_next_starts_on_its_own_line() -> None:
    """REGISTRIES.md: quoted free text (aktivitet) holds line breaks; count records with a CSV
    parser, never by lines."""
    code, records = screened("enheter.csv", "2026-11-23", None)
    assert code == 0
    assert len(records) == 13
    assert [r["profile"]["source"].rsplit(":", 1)[1] for r in records[:3]] == ["2", "4", "5"]


def test_a_sole_traders_personal_number_is_never_echoed() -> None:
    """REGISTRIES.md: sole traders are keyed by personal identity numbers: personal data."""
    r = CliRunner().invoke(app, ["batch", "--input", str(DATA / "bolagsverket.txt"),
                                 "--format", "jsonl", "--as-of", "2023-03-01", "--jobs", "1"],
                           env={"NO_COLOR": "1"})
    # Borta Främjare AB, deregistered on 2024-01-01, after the evaluation date: screened
    assert r.exit_code == 0, r.stderr
    assert "Borta Främjare AB" in r.stdout
    assert "195001019999" not in r.stdout + r.stderr
    assert "Per Persson Rådgivning" in r.stdout


def test_the_shortlist_asks_a_nuf_for_the_enterprises_staff() -> None:
    """With the same answers, the AS's own headcount settles its size and it fits; the NUF's
    branch headcount does not, and the one question left is the enterprise's staff."""
    r = CliRunner().invoke(app, ["shortlist", "--input", str(DATA / "enheter.csv"),
                                 "--profiles", str(DATA / "answers"), "--as-of", "2026-11-23",
                                 "--scheme", "no-prosessinnovasjon", "--format", "csv"],
                           env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    rows = {row[2]: row for row in csv.reader(r.stdout.splitlines()[1:])}
    assert rows["TRE ANSATTE AS"][4:6] == ["fits", "no-prosessinnovasjon"]
    assert rows["FILIAL NUF"][4] == "needs information"
    assert rows["FILIAL NUF"][9:11] == ["1", "company.employees_fte"]


def test_the_outreach_pack_does_not_give_a_nuf_its_branchs_headcount(tmp_path: Path) -> None:
    """The NUF's answers file says why its staff is not known (no range to 'not repeat'), and
    asks it; the AS's file carries its headcount bound as the registry's fact."""
    pack = tmp_path / "pack"
    r = CliRunner().invoke(app, ["outreach", "--input", str(DATA / "enheter.csv"),
                                 "--as-of", "2026-11-23", "--scheme", "no-prosessinnovasjon",
                                 "--out", str(pack)], env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    nuf = (pack / "910000001.toml").read_text(encoding="utf-8")
    own = (pack / "910000002.toml").read_text(encoding="utf-8")
    assert "#   company.employees_fte: Enhetsregisteret antallAnsatte 2026-11-01: a headcount " \
        "of 3 in the employer register for the Norwegian branch (NUF) alone" in nuf
    assert "company.employees_fte = {" not in nuf
    assert "#   company.employees_fte = { min = 0, max = 3 }" in own
    assert "\n# employees_fte = \n" in nuf
