"""`batch --output FILE` writes the format its name asks for (fits.csv: csv, fits.jsonl.gz:
JSON Lines, gzip) when --format is not given, and every batch written as csv or JSON says its
answer on stderr, as the table's first line says it: how many of the inputs can still fit a
scheme. Before, `batch profiles/ -o fits.csv` wrote the terminal's table into fits.csv, and a
csv batch said only how many records it wrote."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import one_line_each

ROOT = Path(__file__).resolve().parent.parent
PROFILES = str(ROOT / "profiles")
runner = CliRunner()
ANSWER = ("6 inputs checked on 2026-11-23: 4 of 6 can still fit a scheme (3 fit, 1 needs "
          "information, 2 do not fit).")
# the table's lines under its answer, per scheme: how many and for how much (stderr said none)
SCHEMES = [
    "dk-smv-digital: 1 fits, 1 needs information; up to DKK 220,000 a company, DKK 245,000 in "
    "all",
    "no-bedriftsnettverk: 1 fits, 1 needs information; up to NOK 750,000 a company, "
    "NOK 1,450,000 in all",
    "no-prosessinnovasjon: 1 fits, 3 need information; up to NOK 3,200,000 a company; "
    "NOK 4,370,015.79 in all for 3 of 4 (1 not known yet)"]


def run(*args: str):
    return one_line_each(runner.invoke(app, ["batch", PROFILES, "--as-of", "2026-11-23", *args],
                                       env={"NO_COLOR": "1", "COLUMNS": "200"}))


def told(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("Warning: ")]


def written(tmp_path: Path, name: str) -> tuple[str, str]:
    """The text ``batch -o NAME`` writes (gzip read back), and its stderr."""
    out = tmp_path / name
    r = run("-o", str(out))
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    return gzip.decompress(data).decode() if name.endswith(".gz") else data.decode(), r.stderr


@pytest.mark.parametrize("name", ["fits.csv", "FITS.CSV", "fits.csv.gz"])
def test_a_csv_name_gets_csv(tmp_path: Path, name: str) -> None:
    text, stderr = written(tmp_path, name)
    out = tmp_path / name
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6 and rows[0]["source"].endswith(".toml")
    assert told(stderr) == [ANSWER, *SCHEMES, f"Wrote 6 records to {out} (0 failed)."]


@pytest.mark.parametrize("name", ["fits.jsonl", "fits.ndjson", "fits.jsonl.gz"])
def test_a_json_lines_name_gets_json_lines(tmp_path: Path, name: str) -> None:
    text, _ = written(tmp_path, name)
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == 6 and records[0]["record"].startswith("grantcheck.batch/")


def test_a_json_name_gets_one_array(tmp_path: Path) -> None:
    out = tmp_path / "fits.json"
    assert run("-o", str(out)).exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 6


def test_another_name_gets_the_table_and_a_format_given_wins(tmp_path: Path) -> None:
    out = tmp_path / "fits.txt"
    r = run("-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith(ANSWER[:40])
    assert told(r.stderr) == [f"Wrote 6 records to {out} (0 failed)."]  # said in the table
    out = tmp_path / "table.csv"
    assert run("-o", str(out), "--format", "table").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(ANSWER[:40])
    out = tmp_path / "rows.json"
    assert run("-o", str(out), "--format", "csv").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("source,name,")


def test_the_answer_counts_every_input_whatever_the_jobs(tmp_path: Path) -> None:
    """The workers' counts of the schemes' amounts add up as one process's do."""
    for jobs in ("1", "2", "3"):
        r = run("-o", str(tmp_path / f"fits{jobs}.jsonl"), "--jobs", jobs)
        assert told(r.stderr)[:4] == [ANSWER, *SCHEMES]


def test_the_answer_on_stderr_says_what_the_tables_first_lines_say(tmp_path: Path) -> None:
    """csv and jsonl said only the table's first line on stderr, none of its amounts."""
    table = run().stdout.splitlines()
    head = [line.strip() for line in table[:table.index(next(
        line for line in table if line.startswith("#")))]]
    for name in ("fits.csv", "fits.jsonl"):
        _, stderr = written(tmp_path, name)
        assert told(stderr)[:-1] == [ANSWER, *SCHEMES] == head


def test_a_failed_input_and_a_date_without_rules_are_counted_as_the_table_counts_them(
        tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "bad.toml").write_text('[company]\nname = "Bad AS"\ncountry = "NO"\nturnover = -5\n',
                                  encoding="utf-8")
    (bad / "park.toml").write_text('[company]\nname = "Park AB"\ncountry = "SE"\n',
                                   encoding="utf-8")
    # Säker digitalisering's rules are encoded from 2022-07-01: on 2020-06-01 no answer settles it
    args = ["batch", str(bad), "--as-of", "2020-06-01", "--scheme", "se-saker-digitalisering"]
    r = one_line_each(runner.invoke(app, [*args, "-o", str(tmp_path / "x.csv")],
                                    env={"COLUMNS": "200"}))
    answer = [line for line in told(r.stderr) if "checked on" in line]
    assert answer == ["2 inputs checked on 2020-06-01, 1 of them could not be checked: 0 of 1 "
                      "can still fit a scheme (0 fit, 0 need information, 1 has no rules "
                      "encoded for the date, 0 do not fit)."]
    table = one_line_each(runner.invoke(app, args, env={"COLUMNS": "200"}))
    assert answer[0] in " ".join(table.stdout.split())


def test_stdout_to_a_script_is_told_nothing_more(tmp_path: Path) -> None:
    # no --output and stderr not a terminal (a script): only warnings, as before
    r = run("--format", "csv")
    assert r.exit_code == 0 and told(r.stderr) == []
