"""Misuse, sixth round: the longest line a file of many records may have (1 MiB,
grantcheck.line_limit), read without holding more; then odd inputs a hostile or careless user
gives: UTF-16 and empty input files, true for a number, a project year of 10**100, FIFOs and
huge files among the answers. Through typer's CliRunner where it can show it, else in a child
process (a device, a FIFO)."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.batch import JsonLines
from grantcheck.cli import app
from grantcheck.line_limit import MAX_LINE_BYTES, LongLine
from tests.robustness.helpers import AS_OF, PROFILES, assert_clean_error, cli

runner = CliRunner()
NORDLYS = str(PROFILES / "nordlys-automation.toml")
GOOD = json.dumps({"company": {"name": "A AS", "country": "NO"}})


def run(*args: str, stdin: str | bytes | None = None):
    """The command as a script runs it: no colour, stderr not wrapped."""
    return runner.invoke(app, list(args), input=stdin, env={"NO_COLOR": "1", "COLUMNS": None})


def padded(length: int, text: str = GOOD) -> bytes:
    """A JSON line (or CSV row) of exactly ``length`` bytes, its newline counted."""
    return text.encode() + b" " * (length - len(text) - 1) + b"\n"


# --- the line limit: JSON Lines ----------------------------------------------------------------


def test_a_json_line_of_exactly_1_mib_is_read(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(padded(GOOD.__len__() + 2) + padded(MAX_LINE_BYTES))
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("A AS") == 2


def test_a_json_line_one_byte_over_1_mib_is_an_error_record_and_the_rest_are_read(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(padded(100) + padded(MAX_LINE_BYTES + 1) + padded(100))
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr
    assert ("Error: " + str(src) + ":2: the line is 1,048,577 bytes long; a line may be at most "
            "1 MiB (1,048,576 bytes, its line end counted)") in r.stderr
    assert "Hint: a record is one line of a few KB" in r.stderr
    rows = r.stdout.splitlines()
    assert [row.split(",")[0].rsplit(":", 1)[1] for row in rows[1:]] == ["1", "2", "3"]


def test_a_first_json_line_over_1_mib_refuses_the_file(tmp_path):
    """A JSON array of many profiles written on one line is no JSON Lines."""
    src = tmp_path / "in.jsonl"
    src.write_text("[" + ",".join([GOOD] * 30_000) + "]\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert f"Error: {src}:1: not JSON Lines: the line is longer than 1 MiB" in r.stderr
    assert "Hint: JSON Lines is one profile of a few KB per line; one JSON array on one line: " \
           "jq -c '.[]' FILE writes it so" in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "brreg-enheter", "bolagsverket"])
def test_batch_of_dev_zero_is_refused_at_once(fmt):
    """It read until memory ran out."""
    r = cli("batch", "--input", "/dev/zero", "--input-format", fmt, "--as-of", AS_OF,
            timeout=30)
    assert_clean_error(r, "/dev/zero", "longer than 1 MiB")


def test_a_cvr_file_of_dev_zero_is_one_error_record():
    """A registry's JSON reader gives a unit it cannot read as an error record (exit 4)."""
    r = cli("batch", "--input", "/dev/zero", "--input-format", "cvr", "-f", "csv",
            "--as-of", AS_OF, timeout=30)
    assert r.returncode == 4, r.stderr
    assert b"/dev/zero line 1: the line is longer than 1,048,576 characters" in r.stderr
    assert b"the rest of the file is not read" in r.stderr


def test_reading_a_long_line_holds_no_more_than_the_limit():
    """A 48 MiB line is read past in pieces of 1 MiB: the reader never holds it whole (nor
    its pieces: a block of lines was read before they were looked at)."""
    fh = io.BufferedReader(io.BytesIO(padded(100) + b"x" * (48 << 20) + b"\n" + padded(100)))
    lines = JsonLines(fh, "in.jsonl")
    tracemalloc.start()
    try:
        block = lines.take(256)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert block is not None and len(block.lines) == 3
    long = block.lines[1]
    assert isinstance(long, LongLine) and long.length == (48 << 20) + 1
    assert peak < 8 * MAX_LINE_BYTES, peak


def test_a_line_of_a_registrys_json_lines_over_the_limit_is_an_error_record(tmp_path):
    unit = json.dumps({"organisasjonsnummer": "923609016", "navn": "A AS",
                       "forretningsadresse": {"landkode": "NO"}})
    src = tmp_path / "enheter.json"
    src.write_text(unit + "\n" + '{"navn": "' + "x" * (2 << 20) + '"}\n' + unit + "\n",
                   encoding="utf-8")
    r = run("batch", "--input", str(src), "--input-format", "brreg-enheter", "-f", "csv",
            "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr
    assert f"{src} line 2: the line is 2,097,165 characters long" in r.stderr
    assert r.stdout.count("A AS") == 2


def test_a_registry_json_array_item_without_end_is_refused_not_held():
    """`[` then NUL bytes: the array was read into memory until it ran out."""
    from grantcheck.registry.json_file import MAX_ITEM_CHARS, json_items

    fh = io.BufferedReader(io.BytesIO(b"[" + b"\0" * (MAX_ITEM_CHARS + (2 << 20))))
    items = list(json_items(fh))
    assert len(items) == 1 and "longer than 33,554,432 characters" in str(items[0][1])


# --- the line limit: CSV -----------------------------------------------------------------------


def test_a_csv_line_of_1_mib_is_read_and_one_byte_more_is_not():
    from grantcheck.csv_input import csv_lines

    at, over = padded(MAX_LINE_BYTES, "A AS,NO"), padded(MAX_LINE_BYTES + 1, "B AS,NO")
    long: dict[int, int] = {}
    lines = list(csv_lines(io.BytesIO(b"name,country\n" + at + over + b"C AS,NO\n"), long))
    assert lines == [b"name,country\n", at, b"\0\n", b"C AS,NO\n"]
    assert long == {3: MAX_LINE_BYTES + 1}


def test_a_csv_row_over_1_mib_is_an_error_record(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"name,country\nA AS,NO\n" + padded(MAX_LINE_BYTES + 1, "B AS,NO")
                    + b"C AS,NO\n")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr
    assert (f"Error: {src}:3: not a CSV row: the line is 1,048,577 bytes long; a line may be at "
            "most 1 MiB") in r.stderr
    assert "A AS" in r.stdout and "C AS" in r.stdout


def test_a_long_line_inside_an_open_quote_names_its_line_and_the_rows_taken(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b'name,country\n"B,\n' + b"x" * (2 << 20) + b"\nD,NO\nC AS,NO\n")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr
    assert f"{src}:2: not a CSV row: line 3: the line is 2,097,153 bytes long" in r.stderr
    assert "lines 2-5 were read as this row" in r.stderr


def test_a_csv_header_over_1_mib_refuses_the_file(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"n" * (2 << 20) + b"\nA,NO\n")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert (f"Error: {src}: the header row cannot be read: the line is longer than 1 MiB"
            in r.stderr)
    assert "Hint: the first line of a CSV names its columns" in r.stderr


# --- the line limit: the list of paths batch - reads ------------------------------------------


def test_a_path_list_line_over_the_limit_is_an_error_record_and_the_rest_are_read():
    listing = NORDLYS + "\n" + "a" * (2 << 20) + "\n" + str(PROFILES / "kvantia-startup.toml")
    r = run("batch", "-", "-f", "csv", "--jobs", "1", "--as-of", AS_OF, stdin=listing)
    assert r.exit_code == 4, r.stderr
    assert "Error: <stdin>:2: is no path (paths are read one a line or separated by NUL " \
           "characters): the line is longer than 1,048,576 characters" in r.stderr
    assert "Nordlys" in r.stdout and "Kvantia" in r.stdout


def test_a_nul_separated_part_over_the_limit_skips_only_that_part():
    listing = NORDLYS + "\0" + "a" * (2 << 20) + "\0" + str(PROFILES / "kvantia-startup.toml")
    r = run("batch", "-", "-f", "csv", "--jobs", "1", "--as-of", AS_OF, stdin=listing)
    assert r.exit_code == 4, r.stderr
    assert "Nordlys" in r.stdout and "Kvantia" in r.stdout


def test_batch_dash_of_dev_zero_stops_after_a_mebibyte():
    """An endless list of empty paths was read for ever."""
    with Path("/dev/zero").open("rb") as zero:
        import subprocess
        import sys

        r = subprocess.run([sys.executable, "-m", "grantcheck.cli", "batch", "-", "-f", "csv",
                            "--as-of", AS_OF], stdin=zero, capture_output=True, timeout=60,
                           check=False)
    assert r.returncode == 4, r.stderr
    assert b"<stdin>:1: is no list of paths: 1,048,576 characters and no path" in r.stderr


# --- odd inputs --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [
    ("in.jsonl", GOOD + "\n"), ("in.csv", "name,country\nA AS,NO\n"),
])
def test_a_utf16_input_file_is_said_to_be_utf16_once(tmp_path, name, text):
    """Every line was an error record ("is not UTF-8 text", then "not valid JSON"), and a CSV's
    header an unknown column '\\udcff\\udcfen\\x00a…'."""
    src = tmp_path / name
    src.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert (f"Error: --input {src}: is UTF-16 text (it starts with a UTF-16 byte order mark), "
            "not UTF-8") in r.stderr
    assert "Hint: save the file as UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > NEW writes it so)" \
        in r.stderr


def test_a_utf16_registry_file_for_shortlist_is_said_to_be_utf16(tmp_path):
    src = tmp_path / "enheter.csv"
    src.write_bytes(b"\xff\xfe" + "organisasjonsnummer,navn\n923609016,A AS\n".encode("utf-16-le"))
    r = run("shortlist", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2 and "is UTF-16 text" in r.stderr, r.stderr


def test_an_empty_csv_input_says_it_is_empty(tmp_path):
    """It said "no column 'name': the columns name and country are required"."""
    src = tmp_path / "in.csv"
    src.write_bytes(b"")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert f"Error: {src}: the file is empty: no header row" in r.stderr


def test_a_fiscal_year_starting_in_month_true_is_refused(tmp_path):
    """`fiscal_year_start_month = true` was read as January (the model reads true as 1)."""
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A ApS"\ncountry = "DK"\nfiscal_year_start_month = true\n',
                 encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert (f"Error: {p}:4: company.fiscal_year_start_month: must be a number (got true)"
            in r.stderr)


def test_a_fiscal_year_starting_in_month_3_is_read_from_toml_csv_and_text(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A ApS"\ncountry = "DK"\nfiscal_year_start_month = 3\n',
                 encoding="utf-8")
    assert run("validate", str(p)).exit_code == 0
    src = tmp_path / "in.csv"
    src.write_text("name,country,fiscal_year_start_month\nA ApS,DK,3\n", encoding="utf-8")
    assert run("batch", "--input", str(src), "-f", "csv", "--as-of", AS_OF).exit_code == 0


def test_a_range_end_of_true_still_names_its_end(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"company": {"name": "A AS", "country": "NO",
                                           "turnover": {"min": 1, "max": True}}}) + "\n",
                   encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--as-of", AS_OF)
    assert "company.turnover: max must be a number (got true)" in r.stderr, r.stderr


@pytest.mark.parametrize(("year", "fine"), [("1000000000", True), ("1000000001", False),
                                             ("1" + "0" * 100, False)])
def test_a_budget_lines_project_year_is_at_most_a_billion(tmp_path, year, fine):
    """10**100 passed, and was printed in full in the budget's table and its reasons."""
    p = tmp_path / "b.toml"
    p.write_text('[budget]\nscheme = "no-bedriftsnettverk"\n[[budget.lines]]\n'
                 f'category = "administration"\namount = 1000\nyear = {year}\n',
                 encoding="utf-8")
    r = run("budget", str(p), "--as-of", AS_OF)
    if fine:
        assert r.exit_code in (0, 1), r.stderr
    else:
        assert r.exit_code == 2
        assert f"{p}:6: budget.lines[0].year: must be at most 1,000,000,000" in r.stderr


# --- answers files: read as a profile is -------------------------------------------------------

REGISTRY = Path(__file__).resolve().parents[1] / "registry" / "data" / "enheter.csv"


def test_a_fifo_in_the_answers_folder_is_refused_not_waited_for(tmp_path):
    """`batch --profiles DIR` waited for ever on a FIFO named *.toml in DIR."""
    answers = tmp_path / "answers"
    answers.mkdir()
    os.mkfifo(answers / "f.toml")
    r = cli("batch", "--input", str(REGISTRY), "--profiles", str(answers), "--as-of", AS_OF,
            timeout=30)
    assert_clean_error(r, "f.toml: is a FIFO (named pipe), not a file: not read")


def test_an_answers_file_over_10_mb_is_not_read(tmp_path):
    """A 3 GB answers file was read whole (6 GB of memory, 40 s)."""
    answers = tmp_path / "answers"
    answers.mkdir()
    with (answers / "big.toml").open("wb") as fh:
        fh.truncate(3 << 30)  # sparse: no disk used
    r = run("batch", "--input", str(REGISTRY), "--profiles", str(answers), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert "big.toml: cannot be read: is larger than 10 MB" in r.stderr


def test_outreach_force_keeps_a_fifo_named_as_an_answers_file_without_waiting(tmp_path):
    """`outreach --out DIR --force` waited for ever reading a FIFO named NUMBER.toml."""
    pack = tmp_path / "pack"
    first = run("outreach", "--input", str(REGISTRY), "--out", str(pack), "--as-of", AS_OF)
    assert first.exit_code in (0, 4), first.stderr
    answers = sorted(pack.glob("*.toml"))[0]
    answers.unlink()
    os.mkfifo(answers)
    r = cli("outreach", "--input", str(REGISTRY), "--out", str(pack), "--force",
            "--as-of", AS_OF, timeout=60)
    assert_clean_error(r, f"kept {answers}: it cannot be read (is a FIFO (named pipe), not a "
                          "regular file")
