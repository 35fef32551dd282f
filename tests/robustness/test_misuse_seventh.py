"""Misuse, seventh round: whole numbers the same in every field and from every input (``-0`` is
0, ``1e3`` is 1000, ``1E+15`` out of range, ``1e999999999`` refused at once instead of built
digit by digit), negative zero never shown, a cap on text, the line limit on the Dask path and
on a stream, and periods that run past 9999-12-31. Through typer's CliRunner, as a script
runs it."""

from __future__ import annotations

import io
import json
import re
import tracemalloc
from datetime import date
from decimal import Decimal

import pytest

from grantcheck.amounts import MAX_TEXT
from grantcheck.batch import JsonLines
from grantcheck.line_limit import MAX_LINE_BYTES, LongLine
from grantcheck.profile import parse_profile, profile_from_data
from tests.robustness.helpers import AS_OF, PROFILES, TINY, problems, run

NORDLYS = PROFILES / "nordlys-automation.toml"
TOP = TINY


# --- whole numbers: one reading in every field -------------------------------------------------

# a field of each kind of whole number, and the TOML that puts a value there
WHOLE = {
    "persons": ("[project.training_addon]\npersons = {}\n", 0),
    "cv_max_pages": ("[application]\ncv_max_pages = {}\n", 0),
    "project_year": ("[network]\nproject_year = {}\n", 1),
    "fiscal_year_start_month": ("fiscal_year_start_month = {}\n", 1),
}


@pytest.mark.parametrize("field", WHOLE)
@pytest.mark.parametrize("written", ["-0", '"-0"', "-0.0", '"-0.0"', "0", '"0"', "0.0", "+0"])
def test_minus_zero_is_zero_in_every_whole_number_field(field, written):
    """Before: `-0` passed, `"-0"` was "must be a number", `-0.0` "must be a whole number",
    and fiscal_year_start_month read all of them (it was a lax integer, the others strict)."""
    table, lowest = WHOLE[field]
    found = problems(TOP + table.format(written))
    if lowest == 0:
        assert found == []
    else:
        assert len(found) == 1 and "must be at least 1 (got " in found[0], found


@pytest.mark.parametrize("field", WHOLE)
def test_a_whole_number_written_with_a_fraction_of_zero_or_an_exponent_is_read(field):
    table, _ = WHOLE[field]
    assert problems(TOP + table.format("1.0")) == problems(TOP + table.format("1e0")) == []


@pytest.mark.parametrize(("written", "said"), [
    ("1E+15", "must be at most 1,000,000,000 (got 1E+15)"),  # was "must be a whole number"
    ("1000000001", "must be at most 1,000,000,000 (got 1000000001)"),
    ("2.5", "must be a whole number (got 2.5)"),
    ('"2.5"', "must be a whole number (got '2.5')"),  # was "must be a number"
    ("-1", "must not be negative (got -1)"),
    ("nan", "must be a finite number (got NaN)"),
    ("true", "must be a number (got true)"),
    ('"1e3"', "must be a plain number, digits and a point for decimals"),
])
def test_what_is_wrong_with_a_count_is_said(written, said):
    found = problems(TOP + WHOLE["persons"][0].format(written))
    assert len(found) == 1 and found[0].startswith("project.training_addon.persons: " + said)


@pytest.mark.parametrize("table", [t for t, _ in WHOLE.values()]
                         + ["[budget]\nscheme = 'dk-smv-digital'\ntraining_persons = {}\n"
                            "[[budget.lines]]\ncategory = 'consultancy'\namount = 1\n"])
@pytest.mark.parametrize("written", ["1e999999999", "-1e999999999"])
def test_a_whole_number_with_a_huge_exponent_is_refused_at_once(table, written):
    """pydantic-core built its billion digits first: `fiscal_year_start_month = 1e999999999`
    ran for minutes (the others were refused as no integer, before the fields were made
    alike)."""
    found = problems(TOP + table.format(written))
    assert len(found) == 1 and ("must be at most" in found[0] or "must not be negative"
                                in found[0] or "must be at least 1" in found[0]), found


def test_a_budget_lines_months_and_year_are_whole_numbers_as_the_profiles_are(tmp_path):
    budget = tmp_path / "b.toml"
    budget.write_text(TOP + "[budget]\nscheme = 'dk-smv-digital'\n[[budget.lines]]\n"
                      "category = 'software_subscription'\namount = 1200\nmonths = 1.2e1\n"
                      "[[budget.lines]]\ncategory = 'consultancy'\namount = 1\nmonths = 1e9\n",
                      encoding="utf-8")
    r = run("budget", str(budget), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert "budget.lines[1].months: must be at most 1,200 (got 1E+9)" in r.stderr
    assert "lines[0]" not in r.stderr


def test_minus_zero_is_never_shown():
    """"-0 FTE = employees -0 + owners -0 < 2 required": a Decimal keeps the sign of zero."""
    text = (TOP.replace("Tiny", "Nul") + 'employees_fte = -0.0\nowners_fte = "-0"\n'
            "turnover = -0.00\nbalance_sheet_total = { min = -0, max = 5 }\n")
    r = run("match", "-", "--as-of", AS_OF, "--explain", stdin=text)
    assert r.exit_code in (0, 1), r.stderr
    assert "0 FTE = employees 0 + owners 0" in r.stdout
    assert re.search(r"(?<![\w-])-0\b", r.stdout) is None  # a minus sign, not a date's -01
    p = parse_profile(text)
    assert not p.company.employees_fte.is_signed()
    assert str(p.company.turnover) == "0.00"


def test_minus_zero_in_json_lines_and_csv_is_zero(tmp_path):
    line = json.dumps({"company": {"name": "A ApS", "country": "DK", "employees_fte": "-0",
                                   "fiscal_year_start_month": 12.0}})
    p = profile_from_data(json.loads(line, parse_float=Decimal), "x.jsonl:1")
    assert p.company.fiscal_year_start_month == 12 and not p.company.employees_fte.is_signed()
    src = tmp_path / "in.csv"
    src.write_text("name,country,employees_fte,fiscal_year_start_month\nA ApS,DK,-0,1.2e1\n"
                   "B ApS,DK,1,-0\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "jsonl", "--detail", "full", "--jobs", "1",
            "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr
    assert f"{src}:3: fiscal_year_start_month: must be at least 1 (got -0)" in r.stderr
    assert "-0 FTE" not in r.stdout and "employees -0" not in r.stdout


@pytest.mark.parametrize(("count", "said"), [
    ("1e999999999", "antallAnsatte: must be at most 1,000,000,000,000,000 (got 1E+999999999)"),
    ('"-0"', None), ("-0.0", None),
])
def test_a_registry_count_is_read_as_the_profile_reads_it(tmp_path, count, said):
    """The brreg reader made 1e999999999 an integer first (it never ended)."""
    src = tmp_path / "e.json"
    src.write_text('[{"organisasjonsnummer": "923609016", "navn": "X AS", "forretningsadresse":'
                   ' {"landkode": "NO"}, "antallAnsatte": ' + count + "}]", encoding="utf-8")
    r = run("batch", "--input", str(src), "--input-format", "brreg-enheter", "-f", "csv",
            "--jobs", "1", "--as-of", AS_OF)
    if said is None:
        assert r.exit_code == 0, r.stderr
    else:
        assert r.exit_code == 4 and said in r.stderr, r.stderr


def test_a_cvr_period_of_month_minus_zero_is_a_year_not_month_00():
    from grantcheck.registry.cvr_staff import _period

    assert _period("aarsbeskaeftigelse", {"aar": 2024, "maaned": "-0"}) == "2024"
    assert _period("kvartalsbeskaeftigelse", {"aar": 2024, "kvartal": 3.0}) == "2024 Q3"
    assert _period("maanedsbeskaeftigelse", {"aar": "2024", "maaned": 12.0}) == "2024-12"


# --- text: a cap on what is shown ---------------------------------------------------------------


def test_a_name_of_the_longest_text_is_read_and_one_character_more_is_not():
    assert problems(TOP.replace("Tiny ApS", "x" * MAX_TEXT)) == []
    found = problems(TOP.replace("Tiny ApS", "x" * (MAX_TEXT + 1)))
    assert found == ["company.name: must be at most 1,000 characters (got "
                     f"'{'x' * 60}'… (1,001 characters))"]


def test_a_3_mb_company_name_is_refused_not_printed():
    r = run("match", "-", "--as-of", AS_OF, stdin=TOP.replace("Tiny ApS", "x" * (3 << 20)))
    assert r.exit_code == 2, r.stderr[:500]
    assert "Error: <stdin>:2: company.name: must be at most 1,000 characters" in r.stderr
    assert "(3,145,728 characters))\nHint: a name, a title or a description is a line of " \
           "text" in r.stderr.replace("Hint: A", "Hint: a")
    assert r.stdout == "" and len(r.stderr) < 2000


@pytest.mark.parametrize("where", [
    '[project]\ntitle = "{}"\n', '[network]\napplicant_ownership_links = ["{}"]\n',
    '[[employees]]\nname = "{}"\n',
    "[budget]\nscheme = 'dk-smv-digital'\n[[budget.lines]]\ncategory = 'consultancy'\n"
    'amount = 1\ndescription = "{}"\n'])
def test_every_text_field_has_the_cap(where):
    found = problems(TOP + where.format("y" * (MAX_TEXT + 1)))
    assert len(found) == 1 and "must be at most 1,000 characters" in found[0], found


def test_a_long_name_in_json_lines_is_an_error_record_and_the_next_line_is_read(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"company": {"name": n, "country": "DK"}} for n in ("x" * 500_000, "B ApS")]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code == 4, r.stderr[:500]
    assert f"{src}:1: company.name: must be at most 1,000 characters" in r.stderr
    assert "B ApS" in r.stdout and len(r.stdout) < 5000


# --- the line limit: a stream, and the Dask path -----------------------------------------------

GOOD = json.dumps({"company": {"name": "A AS", "country": "NO"}}).encode() + b"\n"


class Trickle(io.RawIOBase):
    """A pipe's end: ``data`` given at most 64 KiB a read, as a pipe gives what was written."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def, override]
        n = min(len(b), 1 << 16, len(self.data) - self.at)
        b[:n] = self.data[self.at:self.at + n]
        self.at += n
        return n


def test_every_line_after_a_long_one_in_a_stream_is_read_holding_no_more_than_the_limit():
    """A 40 MiB line in the middle of a stream is read past in pieces; the 600 lines after it
    all come, each its own task (not "skipped for ever")."""
    stream = GOOD + b'{"company": "' + b"x" * (40 << 20) + b'"}\n' + GOOD * 600
    lines = JsonLines(io.BufferedReader(Trickle(stream)), "<stdin>")
    tracemalloc.start()
    try:
        blocks = [lines.take(256) for _ in range(4)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    got = [line for b in blocks if b is not None for line in b.lines]
    assert len(got) == 602 and isinstance(got[1], LongLine)
    assert got[1].length == (40 << 20) + 16 and got[2:] == [GOOD] * 600
    assert peak < 8 * MAX_LINE_BYTES, peak


def test_check_lines_makes_a_line_over_the_limit_an_error_record():
    """The Dask path had no line limit: a line was checked however long."""
    from grantcheck.batch import check_lines

    long = b'{"company": {"name": "' + b"x" * MAX_LINE_BYTES + b'"}}'
    records = [json.loads(r) for r in check_lines([GOOD, long, GOOD.rstrip()], date(2026, 11, 1))]
    assert [r["profile"]["source"] for r in records] == ["<lines>:1", "<lines>:2", "<lines>:3"]
    # its line end counted, though the line was given without one (as splitlines gives it)
    assert records[1]["error"].startswith("<lines>:2: the line is 1,048,602 bytes long; a line "
                                          "may be at most 1 MiB")
    assert "error" not in records[0] and "error" not in records[2]


def test_check_lines_reads_a_binary_file_holding_no_more_than_the_limit():
    from grantcheck.batch import check_lines

    fh = io.BufferedReader(io.BytesIO(GOOD + b"[" * (24 << 20) + b"\n" + GOOD))
    tracemalloc.start()
    try:
        records = check_lines(fh, date(2026, 11, 1), schemes=["dk-smv-digital"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(records) == 3 and "the line is 25,165,825 bytes long" in records[1]
    assert peak < 8 * MAX_LINE_BYTES, peak


# --- periods past 9999-12-31, and the first and last days Python holds ------------------------


def _dated(start: str, end: str) -> str:
    text = NORDLYS.read_text(encoding="utf-8")
    return text.replace("start = 2027-01-04", f"start = {start}").replace(
        "end = 2027-12-17", f"end = {end}")


def test_a_12_month_period_from_june_9999_holds_every_end_the_profile_can_give():
    """SMV30/SMV31: the period's last day, 10000-05-31, is past the calendar, so the project's
    end (9999-12-31 at the latest) is inside it; it was unknown, with "choose an evaluation
    date the rules cover (--as-of)" as its fix, which was no fix."""
    text = _dated("9999-06-01", "9999-12-31")
    assert "start = 9999-06-01" in text
    r = run("match", "-", "--as-of", AS_OF, "--scheme", "dk-smv-digital", "-f", "json",
            stdin=text)
    assert r.exit_code in (0, 1), r.stderr
    found = {f["rule"]: f for f in json.loads(r.stdout)["schemes"][0]["findings"]}
    for rule in ("SMV30", "SMV31"):
        assert found[rule]["outcome"] == "pass"
        assert "period is 12 months, 9999-06-01 to 10000-05-31" in found[rule]["message"]
    assert found["SMV29"]["outcome"] == "warning"  # its 6 months end inside the calendar
    assert "6 months, 9999-06-01 to 9999-11-30" in found["SMV29"]["message"]


def test_a_commitment_period_past_9999_is_decided_in_the_budget_too():
    text = _dated("9999-06-01", "9999-12-31")
    r = run("budget", "-", "--as-of", AS_OF, "--scheme", "dk-smv-digital", "-f", "json",
            stdin=text)
    assert r.exit_code in (0, 1), r.stderr
    rules = {f["rule"]: f for f in json.loads(r.stdout)["budgets"][0]["findings"]}
    assert rules["SMVB08"]["outcome"] == "pass", rules["SMVB08"]
    assert "10000-05-31 at the latest" in rules["SMVB08"]["message"]


def test_a_date_out_of_the_calendar_names_the_day_it_is_counted_from():
    from grantcheck.engine.rules import _error_check
    from grantcheck.law.dates import DateOutOfRange, add_months

    with pytest.raises(DateOutOfRange) as e:
        add_months(date(1, 1, 1), -1)
    check = _error_check(e.value)
    assert check.ok is None
    assert check.fix.startswith("check 0001-01-01, the day it is counted from: the evaluation "
                                "date (--as-of) or a date of the profile")


@pytest.mark.parametrize("day", ["0001-01-01", "0001-12-31", "9999-01-01", "9999-12-31"])
@pytest.mark.parametrize("command", [
    ["match", str(NORDLYS), "-f", "json"], ["budget", str(NORDLYS)],
    ["budget", str(PROFILES / "fjordnett-network.toml")],
    ["budget", str(PROFILES / "norrsken-science-park.toml")], ["show", "dk-smv-digital"],
    ["schemes"], ["batch", str(PROFILES), "-f", "jsonl", "--jobs", "1"]])
def test_the_first_and_last_days_python_holds_never_crash(command, day):
    r = run(*command, "--as-of", day)
    assert r.exit_code in (0, 1, 4), (r.exit_code, r.stderr[-2000:])
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(("start", "end"), [("9999-12-31", "9999-12-31"),
                                            ("0001-01-01", "0001-01-01")])
def test_project_dates_at_the_ends_of_the_calendar_never_crash(start, end):
    text = _dated(start, end)
    for args in (["match", "-", "--explain"], ["budget", "-", "--explain"]):
        r = run(*args, "--as-of", AS_OF, stdin=text)
        assert r.exit_code in (0, 1), (args, r.stderr[-2000:])


def test_the_last_day_of_months_inside_the_calendar_is_a_date_and_past_it_its_text():
    from grantcheck.law.dates import inside, last_day_or_later

    assert last_day_or_later(date(9999, 1, 1), 12) == date(9999, 12, 31)
    assert last_day_or_later(date(9999, 1, 2), 12) == "10000-01-01"
    assert last_day_or_later(date(9999, 3, 31), 11) == "10000-02-29"  # 10000 is a leap year
    assert inside(date(9999, 12, 31), "10000-01-01")
    assert inside(date(9999, 12, 31), date(9999, 12, 31))
    assert not inside(date(9999, 12, 31), date(9999, 12, 30))
