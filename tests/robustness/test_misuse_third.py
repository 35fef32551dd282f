"""Misuse, third round: numbers and dates written in forms Python reads but a person may not
mean, batch's usage errors, stderr wrapped to the terminal, the budget's grant sought, errors in
inline tables; through typer's CliRunner, stdout and stderr apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
NORDLYS = str(ROOT / "profiles" / "nordlys-automation.toml")
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, env: dict[str, str | None] | None = None):
    """The command run as a script reads it: no COLUMNS (stderr not wrapped) unless given."""
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": None, **(env or {})})


# --- 1. numbers: a plain decimal where a rate is asked; underscores group thousands only ------


@pytest.mark.parametrize("value", ["7_45", "1e3", "Infinity", "NaN", "+7.45", "7.45e0"])
def test_a_rate_that_is_not_a_plain_decimal_is_refused(value):
    """--rate DKK=7_45 was read as 745 and DKK=1e3 as 1000, without a word."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", f"DKK={value}")
    assert r.exit_code == 2, r.output
    assert r.stderr == (f"Error: --rate 'DKK={value}': {value!r} is not a plain decimal number "
                        "(digits, and a point for decimals)\n"
                        "Hint: write the units per euro plainly, e.g. --rate DKK=7.45\n")


def test_a_rate_with_spaces_around_it_is_read():
    """' 7.45 ' (a quoted shell argument) means 7.45: read, as the spaces around a CSV cell."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", "DKK= 7.45 ", "-f", "json")
    assert r.exit_code in (0, 1), r.output
    rates = {x["currency"]: x for x in json.loads(r.stdout)["exchange_rates"]}
    assert rates["DKK"]["per_eur"] == "7.45" and rates["DKK"]["origin"] == "user override"


def test_a_rate_out_of_range_has_a_hint():
    """The range's error had no Hint line."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", "SEK=0")
    assert r.exit_code == 2
    assert "Hint: e.g. --rate SEK=11.10" in r.stderr


def test_a_budget_line_of_7_45_is_refused_and_1_500_000_read():
    """--line consultancy=7_45 was read as DKK 745; underscores that group thousands stay."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=7_45",
            "--as-of", AS_OF)
    assert (r.exit_code, r.stderr) == (2, "Error: --line 'consultancy=7_45': '7_45': "
                                       "underscores group thousands only (1_500_000)\n"
                                       "Hint: write the number without them, e.g. 745 or 7.45\n")
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150_000",
            "--as-of", AS_OF, "-f", "json")
    assert r.exit_code in (0, 1), r.output
    assert '"150000"' in r.stdout


def _jsonl(tmp_path: Path, **company: object) -> Path:
    line = {"company": {"name": "Acme ApS", "country": "DK", **company}}
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return p


def _batch_csv(tmp_path: Path, text: str):
    """``batch --input`` of a CSV file holding ``text``, as JSON Lines."""
    p = tmp_path / "r.csv"
    p.write_text(text, encoding="utf-8")
    return run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")


@pytest.mark.parametrize("value", ["7_45", "1e3", "0x10"])
def test_a_number_as_text_in_a_json_profile_must_be_plain(tmp_path, value):
    """"turnover": "7_45" in a JSON line was read as 745, "1e3" as 1000."""
    p = _jsonl(tmp_path, turnover=value)
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 4, r.output
    assert (f"company.turnover: must be a plain number, digits and a point for decimals, e.g. "
            f"1500000 or 14.5 (got {value!r})") in r.stderr


def test_a_plain_number_as_text_in_a_json_profile_is_read(tmp_path):
    """"turnover": " 9800000 " is the number: read, as before."""
    p = _jsonl(tmp_path, turnover=" 9800000 ")
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 0, r.output


def test_a_csv_cell_of_7_45_is_refused_and_1_500_000_read(tmp_path):
    """A CSV cell '7_45' went to the model as text, which read it as 745."""
    r = _batch_csv(tmp_path, "name,country,turnover\nA,DK,7_45\nB,DK,1_500_000\n")
    assert r.exit_code == 4, r.output
    assert "turnover: '7_45': underscores group thousands only" in r.stderr
    assert len(r.stdout.splitlines()) == 2 and '"name": "B"' not in r.stderr


def test_a_quoted_number_in_a_toml_profile_must_be_plain(tmp_path):
    """turnover = "1e3" (quoted) was read as 1000; its line is named."""
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A"\ncountry = "DK"\nturnover = "1e3"\n', encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert f"{p}:4: company.turnover: must be a plain number" in r.stderr


@pytest.mark.parametrize("value", ["7_45", "1e3", "NaN"])
def test_a_registry_count_as_text_must_be_plain(value):
    """A registry's count "7_45" was read as 745 and "1e3" as 1000 (Decimal(str))."""
    from grantcheck.registry.common import UnitError, number

    with pytest.raises(UnitError, match=f"antallAnsatte: must be a number \\(got '{value}'\\)"):
        number(value, "antallAnsatte")
    assert number(" 12 ", "antallAnsatte") == 12


# --- 2. dates: YYYY-MM-DD only ----------------------------------------------------------------

_COMMANDS = [("match", NORDLYS), ("budget", NORDLYS), ("batch", NORDLYS), ("schemes",),
             ("show", "dk-smv-digital"), ("shortlist", "--input", NORDLYS),
             ("outreach", "--input", NORDLYS, "-o", "/nonexistent/pack"),
             ("init", "-", "--non-interactive", "--set", "company.name=A", "--set",
              "company.country=DK")]


@pytest.mark.parametrize("command", _COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("text", ["20260101", "2026-W01-1", "2026W011", "2026-01-01T00:00"])
def test_as_of_is_read_only_as_yyyy_mm_dd(command, text):
    """--as-of 20260101 and the week date 2026-W01-1 (2025-12-29) were taken silently."""
    r = run(*command, "--as-of", text)
    assert (r.exit_code, r.stderr) == (2, f"Error: --as-of {text!r}: not a date written as "
                                       "YYYY-MM-DD\nHint: write it as YYYY-MM-DD, e.g. --as-of "
                                       "2026-03-01\n")


@pytest.mark.parametrize("text", ["2026-11-31", "2026-02-29", "2026-13-01", "2026-00-10"])
def test_a_day_written_right_that_the_calendar_lacks_is_said_so(text):
    """2026-11-31 is written YYYY-MM-DD: the error says there is no such day, not that the
    form is wrong; 2026-11-30 and 2028-02-29 (a leap year) are read."""
    r = run("match", "--as-of", text, str(ROOT / "profiles" / "nordlys-automation.toml"))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: --as-of {text!r}: no such day: ")  # and why: eighth
    assert "Hint: check the month's days, e.g. --as-of 2026-" in r.stderr  # round's tests
    for day in ("2026-11-30", "2028-02-29"):
        assert run("match", "--as-of", day, str(ROOT / "profiles" / "nordlys-automation.toml")
                   ).exit_code in (0, 1, 3)


@pytest.mark.parametrize("option", ["--start", "--end"])
def test_budget_start_and_end_are_read_only_as_yyyy_mm_dd(option):
    """budget --start 2026-W01-1 was read as 2025-12-29."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000",
            option, "2026-W01-1", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {option} '2026-W01-1': not a date written as YYYY-MM-DD"
                               f"\nHint: write it as YYYY-MM-DD, e.g. {option} 2026-03-01")


def test_init_set_of_a_date_is_read_only_as_yyyy_mm_dd():
    """--set company.founded=20190312 was read as 2019-03-12 without a word."""
    r = run("init", "-", "--non-interactive", "--set", "company.name=A", "--set",
            "company.country=DK", "--set", "company.founded=20190312", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert "Error: --set company.founded: '20190312' is not a date" in r.stderr
    r = run("init", "-", "--non-interactive", "--set", "company.name=A", "--set",
            "company.country=DK", "--set", "company.founded=2019-03-12", "--as-of", AS_OF)
    assert r.exit_code == 0 and "founded = 2019-03-12" in r.stdout


@pytest.mark.parametrize("value", ["20270104", "2027-W01-1", "2027-01-04T00:00", 1798934400])
def test_a_date_in_a_json_profile_is_read_only_as_yyyy_mm_dd(tmp_path, value):
    """"start": "2027-01-04T00:00" (and 1798934400, seconds since 1970) were read as
    2027-01-04; "20270104" was said to need no time."""
    line = {"company": {"name": "A", "country": "DK"}, "project": {"start": value}}
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(line) + "\n", encoding="utf-8")
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 4, r.output
    assert f"project.start: must be a date written as YYYY-MM-DD (got {value!r})" in r.stderr
    p.write_text(json.dumps({**line, "project": {"start": "2027-01-04"}}) + "\n",
                 encoding="utf-8")
    assert run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl").exit_code == 0


def test_a_date_cell_of_a_csv_is_read_only_as_yyyy_mm_dd(tmp_path):
    """A CSV cell 2027-W01-1 gave no error line naming the column as YYYY-MM-DD."""
    r = _batch_csv(tmp_path, "name,country,founded\nA,DK,2019-W10-1\nB,DK,2019-03-04\n")
    assert r.exit_code == 4, r.output
    assert "founded: must be a date written as YYYY-MM-DD (got '2019-W10-1')" in r.stderr


def test_a_registry_date_is_read_only_as_yyyy_mm_dd():
    """A registry's stiftelsesdato '2019-W10-1' was read as 2019-03-04."""
    from grantcheck.registry.common import UnitError, day

    with pytest.raises(UnitError, match="must be a date written as YYYY-MM-DD"):
        day("2019-W10-1", "stiftelsesdato")
    assert day("2019-03-04T00:00:00", "stiftelsesdato") == "2019-03-04"


@pytest.mark.parametrize("time", ["00:00:00", "10:00:00"])
def test_a_toml_date_time_is_no_date(tmp_path, time):
    """founded = 2019-03-04T00:00:00 was taken as 2019-03-04 (10:00:00 was refused)."""
    p = tmp_path / "p.toml"
    p.write_text(f'[company]\nname = "A"\ncountry = "DK"\nfounded = 2019-03-04T{time}\n',
                 encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert (f"{p}:4: company.founded: must be a date written as YYYY-MM-DD, without a time "
            f"(got 2019-03-04T{time})") in r.stderr


# --- 3. batch: a glob that matches no file; --force without --output ---------------------------


def test_a_batch_glob_that_matches_no_file_is_a_usage_error(tmp_path):
    """`batch 'profiles/*.tml'` exited 4 (some inputs failed) with an error record as output."""
    (tmp_path / "a.toml").write_text('[company]\nname = "A"\ncountry = "DK"\n', encoding="utf-8")
    r = run("batch", f"{tmp_path}/*.tml", "--as-of", AS_OF)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == (f"Error: batch {tmp_path}/*.tml: no file matches this pattern\n"
                        "Hint: check the pattern: profiles are *.toml files, and a folder is "
                        f"searched for them (grantcheck batch {tmp_path}/)\n")
    r = run("batch", f"{tmp_path}/no/**/*.toml", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert f"Hint: the folder {tmp_path}/no does not exist; check the pattern" in r.stderr
    assert run("batch", f"{tmp_path}/*.toml", "--as-of", AS_OF, "-f", "csv").exit_code == 0


@pytest.mark.parametrize(("args", "goes_with", "fix"), [
    (("batch", NORDLYS, "--as-of", AS_OF, "--force"), "--output FILE", "give --output FILE"),
    (("schema", "--force"), "--output FILE", "give --output FILE"),
    (("init", "-", "--force", "--non-interactive", "--set", "company.name=A", "--set",
      "company.country=DK", "--as-of", AS_OF), "a file name", "give a file name instead of -"),
])
def test_force_without_a_file_to_replace_is_refused(args, goes_with, fix):
    """batch --force (and schema --force, init - --force) without a file was ignored."""
    r = run(*args)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == (f"Error: --force goes with {goes_with}: it lets an existing file be "
                        f"replaced, and stdout is no file\nHint: {fix}, or leave out --force\n")



# --- 4. stderr wrapped to the terminal's width -------------------------------------------------

HORIZON = ("Warning: no-prosessinnovasjon: rules encoded until 2026-12-31 (GBER art. 29), 38 "
           "days after the evaluation date; past it, it cannot fit until the next act is encoded")


def test_a_warning_is_wrapped_to_columns():
    """The GBER horizon warning (165 characters) ran past an 80-column terminal."""
    r = run("match", NORDLYS, "--as-of", AS_OF, env={"COLUMNS": "80"})
    lines = r.stderr.splitlines()
    assert lines == [
        "Warning: no-prosessinnovasjon: rules encoded until 2026-12-31 (GBER art. 29), 38",
        "  days after the evaluation date; past it, it cannot fit until the next act is",
        "  encoded"]
    assert max(map(len, lines)) <= 80


def test_stderr_piped_without_columns_is_not_wrapped():
    """A script reading stderr (no terminal, no COLUMNS) gets each message on one line."""
    r = run("match", NORDLYS, "--as-of", AS_OF)
    assert r.stderr == HORIZON + "\n"


def test_stderr_on_a_terminal_is_wrapped_to_its_width(monkeypatch):
    """Without COLUMNS, a terminal's own width: 60 columns here."""
    import os
    import sys

    from grantcheck.cli import _common

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "fileno", lambda: 2)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((60, 24)))
    assert _common._stderr_width() == 60
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert _common._stderr_width() is None


@pytest.mark.parametrize(("width", "lines"), [
    (30, ["Error: the cap is", "  DKK 2,235,000 at 7.45 DKK", "  per euro"]),
    (31, ["Error: the cap is DKK 2,235,000", "  at 7.45 DKK per euro"]),
])
def test_a_wrap_never_splits_an_amount_from_its_currency(width, lines):
    """"DKK" at the end of one line and "2,235,000" at the start of the next: never."""
    from grantcheck.render.plain import wrap_plain

    text = "Error: the cap is DKK 2,235,000 at 7.45 DKK per euro"
    assert wrap_plain(text, width).splitlines() == lines


def test_a_wrap_never_cuts_a_figure_an_id_or_a_path():
    """A word longer than the width stands alone; hyphens (ids, dates) are no break."""
    from grantcheck.render.plain import wrap_plain

    text = "Error: /a/very/long/path/to/a/profile.toml: no-prosessinnovasjon 2026-12-31 50 %"
    assert wrap_plain(text, 20).splitlines() == [
        "Error:", "  /a/very/long/path/to/a/profile.toml:", "  no-prosessinnovasjon",
        "  2026-12-31 50 %"]


# --- 5. budget: the profile's project.grant_sought ---------------------------------------------

NORRSKEN = ROOT / "profiles" / "norrsken-science-park.toml"
NORRSKEN_ON = "2023-02-15"


def _norrsken(tmp_path: Path, budget_sought: str | None) -> Path:
    """The example profile whose [budget] states grant_sought = 650000, as [project] does; with
    ``budget_sought`` the budget's line says that (None: the budget states none)."""
    text = NORRSKEN.read_text(encoding="utf-8")
    old = "grant_sought = 650000          # project dates"
    assert old in text
    p = tmp_path / "n.toml"
    p.write_text(text.replace(old, f"grant_sought = {budget_sought}  # project dates"
                              if budget_sought else "# project dates"), encoding="utf-8")
    return p


def test_budget_takes_the_profiles_grant_sought_and_says_so(tmp_path):
    """Without budget.grant_sought the profile's project.grant_sought was not read."""
    p = _norrsken(tmp_path, None)
    r = run("budget", str(p), "--as-of", NORRSKEN_ON, "-f", "json")
    data = json.loads(r.stdout)["budgets"][0]
    assert data["notes"][0] == ("grant sought SEK 650,000: the profile's project.grant_sought, "
                                "as the budget states none (budget.grant_sought)")
    same = json.loads(run("budget", str(NORRSKEN), "--as-of", NORRSKEN_ON, "-f", "json").stdout)
    assert data["findings"] == same["budgets"][0]["findings"]  # as when the budget states it
    assert not any("project.grant_sought" in n for n in same["budgets"][0]["notes"])


def test_budget_refuses_two_different_grants_sought(tmp_path):
    """budget.grant_sought 600000 and project.grant_sought 650000: the budget's won silently."""
    p = _norrsken(tmp_path, "600000")
    r = run("budget", str(p), "--as-of", NORRSKEN_ON)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == (f"Error: {p}:50: budget.grant_sought: SEK 600,000 differs from "
                        "project.grant_sought SEK 650,000 (line 24): which one is sought?\n"
                        "Hint: state the grant sought once, in [project] (the budget reads it "
                        "from there), or the same figure in both\n")
    assert run("budget", str(_norrsken(tmp_path, "650000")), "--as-of",
               NORRSKEN_ON).exit_code in (0, 1)


# --- 6. errors inside inline tables name their line ---------------------------------------------

INLINE = '''[company]
name = "A"
country = "DK"
related = [
  { name = "X, \\"}", relation = "partner", staff = 5 },   # a comment, { [ not a table
  { name = 'Y', relation = "linked", staff = "a lot" },
  { name = 'Z', staff = 3 },
]
previous_year = { turnover = 5, staff = -1 }
'''


def test_an_error_inside_an_inline_table_names_its_line(tmp_path):
    """`related = [{ …, staff = "a lot" }]` named company.related[0].staff but no line."""
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A"\ncountry = "DK"\nrelated = [{ name = "X", relation = '
                 '"partner", staff = "a lot" }]\n', encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == (f"Error: {p}:4: company.related[0].staff: must be a "
                                        "number (got 'a lot')")


def test_the_line_of_each_element_of_an_inline_array_is_found(tmp_path):
    """The n-th { } of an array over several lines, past strings and comments holding } , {;
    a key the inline table lacks is placed on the line where the table opens."""
    p = tmp_path / "p.toml"
    p.write_text(INLINE, encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:4] == [
        f"Error: {p}:6: company.related[1].staff: must be a number (got 'a lot')",
        f"Error: {p}:7: company.related[2].relation: required field is missing",
        "Hint: Add relation = \"partner\" (for example) to that { … } of company.related",
        f"Error: {p}:9: company.previous_year.staff: must not be negative (got -1)"]

