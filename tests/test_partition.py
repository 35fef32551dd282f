"""The batch as a pure function of its lines (grantcheck.batch.partition): the same records as
`grantcheck batch --format jsonl` for the same lines, and the docs/scale.md recipe on a Dask bag
run on processes by dask's local scheduler (skipped where dask is not installed)."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.batch.partition import check_lines
from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "profiles").glob("*.toml"))
AS_OF = "2026-11-23"
DAY = datetime.date.fromisoformat(AS_OF)
runner = CliRunner()


def profile_line(path: Path) -> str:
    """An example profile as one JSON line (dates as ISO text, as a JSON Lines file holds them)."""
    return json.dumps(tomllib.loads(path.read_text(encoding="utf-8")), default=str,
                      ensure_ascii=False)


@pytest.fixture
def lines_file(tmp_path: Path) -> Path:
    """The example profiles as JSON Lines, with a blank line and a line that is not a profile."""
    lines = [profile_line(p) for p in EXAMPLES]
    lines[1:1] = ["", '{"company": {"name": "Broken AS", "country": "NO", "employees_fte": -3}}']
    p = tmp_path / "profiles.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def batch_records(path: Path) -> list[str]:
    r = runner.invoke(app, ["batch", "--input", str(path), "--format", "jsonl", "--jobs", "1",
                            "--as-of", AS_OF])
    assert r.exit_code == 4, r.stderr  # one line is not a profile
    return r.stdout.splitlines()


def test_check_lines_gives_the_records_batch_writes_for_the_same_lines(lines_file):
    """Byte for byte, error record and sources (file:line, blank lines counted) included."""
    with lines_file.open("rb") as fh:
        records = check_lines(fh, DAY, name=str(lines_file))
    assert records == batch_records(lines_file)
    assert len(records) == len(EXAMPLES) + 1
    error = json.loads(records[1])
    assert error["profile"]["source"] == f"{lines_file}:3"
    assert "employees_fte" in error["error"]


def test_check_lines_takes_text_and_numbers_from_first(lines_file):
    text = lines_file.read_text(encoding="utf-8").splitlines()
    records = check_lines(text[3:], DAY, name="part", first=4)
    assert [json.loads(r)["profile"]["source"] for r in records][:2] == ["part:4", "part:5"]


def test_check_lines_checks_a_scheme_given_twice_once():
    line = profile_line(EXAMPLES[0])
    twice = check_lines([line], DAY, schemes=["dk-smv-digital", "dk-smv-digital"])
    assert twice == check_lines([line], DAY, schemes=["dk-smv-digital"])
    assert [s["id"] for s in json.loads(twice[0])["schemes"]] == ["dk-smv-digital"]


def test_check_lines_reads_a_first_line_with_a_byte_order_mark():
    line = '\ufeff{"company": {"name": "A ApS", "country": "DK"}}'
    (record,) = check_lines([line], DAY)
    assert json.loads(record)["profile"]["name"] == "A ApS"


def test_check_lines_is_pure_the_same_lines_give_the_same_records(lines_file):
    lines = lines_file.read_bytes().splitlines()
    assert check_lines(lines, DAY) == check_lines(lines, DAY)
    one_scheme = check_lines(lines[:1], DAY, schemes=["dk-smv-digital"])
    assert [s["id"] for s in json.loads(one_scheme[0])["schemes"]] == ["dk-smv-digital"]


def test_the_dask_recipe_on_processes_gives_batch_s_records_in_order(tmp_path, lines_file):
    """docs/scale.md: parts of a file, one partition each, checked on dask's process pool."""
    dask = pytest.importorskip("dask")
    from grantcheck.batch.partition import check_files

    lines = lines_file.read_text(encoding="utf-8").splitlines()
    parts = tmp_path / "parts"
    parts.mkdir()
    for i in range(0, len(lines), 3):
        (parts / f"part-{i // 3:02d}.jsonl").write_text("\n".join(lines[i:i + 3]) + "\n",
                                                          encoding="utf-8")
    bag = check_files(str(parts / "*.jsonl"), DAY)
    with dask.config.set(scheduler="processes", num_workers=2):
        records = bag.compute()
    # each part's records are check_lines's for the part, which are batch's (the tests above)
    expected = [r for part in sorted(parts.glob("*.jsonl"))
                for r in check_lines(part.read_bytes().splitlines(), DAY, name=str(part))]
    assert records == expected
    assert len(records) == len(EXAMPLES) + 1
    sources = [json.loads(r)["profile"]["source"] for r in records]
    # part 0 holds a profile, a blank line and the broken line; part 1 starts at its line 1
    assert sources[0].endswith("part-00.jsonl:1") and sources[2].endswith("part-01.jsonl:1")
