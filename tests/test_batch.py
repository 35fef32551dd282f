"""`grantcheck batch` through CliRunner: every input kind, every output format, error records,
exit codes, order under --jobs 2, atomic --output, Ctrl-C. Stdout and stderr apart."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis.strategies import data as st_data
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.render.csv import header
from grantcheck.schemes import SCHEME_IDS
from tests.support import one_line_each

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
EXAMPLES = sorted(PROFILES.glob("*.toml"))
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return one_line_each(runner.invoke(app, ["batch", *args, "--as-of", AS_OF], input=input,
                                       env={"NO_COLOR": "1", "COLUMNS": "140"}))


def match_json(path: str) -> dict:
    r = runner.invoke(app, ["match", path, "--format", "json", "--as-of", AS_OF])
    assert r.exit_code in (0, 1), r.stderr
    return json.loads(r.stdout)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The example profiles in a folder tree: two at the top, the rest one level down."""
    top = tmp_path / "clients"
    (top / "north").mkdir(parents=True)
    for i, p in enumerate(EXAMPLES):
        shutil.copy(p, (top if i < 2 else top / "north") / p.name)
    (top / "notes.txt").write_text("not a profile", encoding="utf-8")
    return top


def not_warnings(stderr: str) -> list[str]:
    """What stderr says besides warnings (on 2026-11-23 one scheme's rules end within 60 days:
    the batch warns of it)."""
    return [line for line in stderr.splitlines() if not line.startswith("Warning: ")]


BAD_TOML = '[company]\nname = "Bad AS"\ncountry = "NO"\nturnover = -5\n'


# --- inputs -----------------------------------------------------------------------------------


def test_paths_are_checked_in_the_order_given():
    paths = [str(EXAMPLES[3]), str(EXAMPLES[0]), str(EXAMPLES[5])]
    r = run(*paths, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert [row["source"] for row in csv_rows(r.stdout)] == paths
    assert not_warnings(r.stderr) == []


def test_a_folder_is_searched_recursively_for_toml_files(folder):
    r = run(str(folder), "--format", "csv")
    assert r.exit_code == 0, r.stderr
    sources = [row["source"] for row in csv_rows(r.stdout)]
    assert len(sources) == len(EXAMPLES)
    assert all(s.endswith(".toml") for s in sources)
    assert any("/north/" in s for s in sources)


def test_a_glob_with_double_star_reaches_subfolders(folder):
    r = run(f"{folder}/**/*.toml", "--format", "csv")
    assert len(csv_rows(r.stdout)) == len(EXAMPLES)
    r = run(f"{folder}/*.toml", "--format", "csv")
    assert len(csv_rows(r.stdout)) == 2


def test_a_glob_that_matches_nothing_is_refused_before_any_work(folder):
    """It was an error row and exit 4; a pattern typed wrong is the command's error (exit 2)."""
    r = run(f"{folder}/*.json", str(EXAMPLES[0]), "--format", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    assert f"Error: batch {folder}/*.json: no file matches this pattern" in r.stderr


def test_dash_reads_paths_from_stdin(folder):
    listing = "\n".join(str(p) for p in sorted(folder.rglob("*.toml"), reverse=True)) + "\n\n"
    r = run("-", "--format", "csv", input=listing)
    assert r.exit_code == 0, r.stderr
    assert [row["source"] for row in csv_rows(r.stdout)] == listing.split()


REGISTRY_CSV = (
    "name,country,cvr_number,founded,nace,employees_fte,owners_fte,turnover,"
    "balance_sheet_total,listed,related\n"
    "Alfa ApS,DK,12345678,2015-03-01,62.01,12,1,5000000,2000000,false,none\n"
    "Beta Fisk ApS,DK,87654321,2010-06-01,03.21,4,1,900000,700000,no,\n"
)


def test_input_csv_one_profile_per_row(tmp_path):
    p = tmp_path / "registry.csv"
    p.write_text(REGISTRY_CSV, encoding="utf-8")
    r = run("--input", str(p), "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    records = jsonl(r.stdout)
    assert [x["profile"]["name"] for x in records] == ["Alfa ApS", "Beta Fisk ApS"]
    assert [x["profile"]["source"] for x in records] == [f"{p}:2", f"{p}:3"]


def test_input_jsonl_one_profile_per_line_blank_lines_skipped(tmp_path):
    p = tmp_path / "registry.jsonl"
    p.write_text('{"company": {"name": "A ApS", "country": "DK", "turnover": 12.5}}\n\n'
                 '{"company": {"name": "B AS", "country": "NO", "founded": "2019-01-02"}}\n',
                 encoding="utf-8")
    r = run("--input", str(p), "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = csv_rows(r.stdout)
    assert [(x["source"], x["name"]) for x in rows] == [(f"{p}:1", "A ApS"), (f"{p}:3", "B AS")]


def test_input_from_stdin_needs_or_takes_the_format():
    line = '{"company": {"name": "A ApS", "country": "DK"}}\n'
    r = run("--input", "-", "--input-format", "jsonl", "--format", "csv", input=line)
    assert r.exit_code == 0, r.stderr
    assert csv_rows(r.stdout)[0]["source"] == "<stdin>:1"
    r = run("--input", "-", "--input-format", "csv", "--format", "csv", input=REGISTRY_CSV)
    assert [x["name"] for x in csv_rows(r.stdout)] == ["Alfa ApS", "Beta Fisk ApS"]
    r = run("--input", "-", input=line)
    assert r.exit_code == 2 and r.stdout == ""
    assert "Error: --input -: cannot tell the format from stdin" in r.stderr
    assert "Hint: add --input-format jsonl or --input-format csv" in r.stderr


def test_the_input_format_option_overrides_the_extension(tmp_path):
    p = tmp_path / "registry.txt"
    p.write_text(REGISTRY_CSV, encoding="utf-8")
    r = run("--input", str(p), "--input-format", "csv", "--format", "csv")
    assert r.exit_code == 0 and len(csv_rows(r.stdout)) == 2


def test_the_python_api_checks_paths_and_mappings_in_process(folder):
    from datetime import date

    from grantcheck.batch import check_many

    items = list(check_many([folder, {"company": {"name": "Z", "country": "SE"}},
                             {"company": {"name": "Y"}}], as_of=date(2026, 11, 23)))
    assert len(items) == len(EXAMPLES) + 2
    assert all(i.result is not None for i in items[:-1])
    assert items[-2].source == "item 2" and items[-2].result.profile.company.name == "Z"
    assert items[-1].result is None and items[-1].error.problems[0].path == "company.country"


def _three_times(tmp_path: Path) -> list[str]:
    """The example profiles three times over, as copies (a file given twice is checked once)."""
    paths = []
    for n in range(3):
        (tmp_path / str(n)).mkdir()
        for p in EXAMPLES:
            paths.append(str(shutil.copy(p, tmp_path / str(n) / p.name)))
    return paths


def test_the_parallel_api_gives_what_the_sequential_one_gives(tmp_path):
    from datetime import date

    from grantcheck.batch import Options, path_tasks
    from grantcheck.batch import run as run_batch

    paths = _three_times(tmp_path)
    options = Options(date(2026, 11, 23), output="csv")
    one = [r.text for r in run_batch(path_tasks(paths), options, jobs=1)]
    two = [r.text for r in run_batch(path_tasks(paths), options, jobs=2)]
    assert one == two and len(one) == len(paths)


# --- outputs ----------------------------------------------------------------------------------


def test_csv_has_the_documented_header_and_parses_back():
    r = run(*map(str, EXAMPLES), "--format", "csv")
    reader = csv.reader(io.StringIO(r.stdout))
    assert next(reader) == header(SCHEME_IDS)
    rows = list(reader)
    assert len(rows) == len(EXAMPLES)
    assert all(len(row) == len(header(SCHEME_IDS)) for row in rows)


def test_csv_cells_agree_with_match():
    path = str(PROFILES / "nordlys-automation.toml")
    [row] = csv_rows(run(path, "--format", "csv").stdout)
    m = match_json(path)
    smv = next(s for s in m["schemes"] if s["id"] == "dk-smv-digital")
    assert row["dk-smv-digital.verdict"] == smv["verdict"] == "fits"
    assert row["dk-smv-digital.max_grant"] == smv["max_grant"]["amount"]
    assert row["dk-smv-digital.own_funding"] == smv["own_funding"]["amount"]
    assert row["fitting_schemes"] == "dk-smv-digital" and row["any_open_scheme_fits"] == "true"
    assert row["status"] == "ok" and row["error"] == ""


def test_csv_says_each_schemes_scope_as_match_does():
    """A Norwegian company's SMV:Digital row says `not_applicable` beside the rules' verdict (the
    table's `/`), as `match --format json` says its scope; every example's every scheme agrees."""
    rows = csv_rows(run(*map(str, EXAMPLES), "--format", "csv").stdout)
    states = set()
    for path, row in zip(EXAMPLES, rows, strict=True):
        for s in match_json(str(path))["schemes"]:
            assert row[f"{s['id']}.scope"] == s["scope"]["state"], (path.name, s["id"])
            assert row[f"{s['id']}.verdict"] == s["verdict"]
            states.add(s["scope"]["state"])
    assert states == {"in_scope", "not_applicable", "closed"}
    norwegian = next(r for r in rows if r["source"].endswith("fjordnett-network.toml"))
    assert norwegian["dk-smv-digital.scope"] == "not_applicable"
    assert norwegian["no-bedriftsnettverk.scope"] == "in_scope"



def test_csv_columns_follow_the_schemes_asked_for():
    r = run(str(EXAMPLES[0]), "--format", "csv", "--scheme", "dk-smv-digital")
    assert next(csv.reader(io.StringIO(r.stdout))) == header(["dk-smv-digital"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_full_jsonl_record_equals_match_format_json(path):
    r = run(str(path), "--format", "jsonl", "--detail", "full")
    [record] = jsonl(r.stdout)
    assert record == match_json(str(path))


def test_json_is_one_array_of_the_same_records():
    paths = [str(p) for p in EXAMPLES[:3]]
    r = run(*paths, "--format", "json", "--detail", "full")
    data = json.loads(r.stdout)
    assert [d["profile"]["source"] for d in data] == paths
    assert data[1] == match_json(paths[1])


def test_the_table_shows_a_symbol_per_verdict_a_legend_and_totals():
    r = run(*map(str, EXAMPLES))
    assert r.exit_code == 0
    out = r.stdout
    assert "Nordlys Automation ApS" in out and "✓" in out and "✗" in out
    assert "✓ fits · ? needs information · ✗ does not fit" in out
    assert "SMV  dk-smv-digital" in out
    assert "total" in out and "\x1b[" not in out


def test_the_table_shows_an_error_row(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_TOML, encoding="utf-8")
    r = run(str(bad), str(EXAMPLES[0]))
    assert r.exit_code == 4
    assert "! " in r.stdout and "must not be negative" in " ".join(r.stdout.split())


def test_the_table_shows_the_first_rows_and_counts_every_profile(monkeypatch, tmp_path):
    """Past TableSink.SHOWN_ROWS the table keeps counts, not rows: the first rows, a line for
    the rest, and the title and totals of every profile."""
    from grantcheck.render.batch import TableSink

    monkeypatch.setattr(TableSink, "SHOWN_ROWS", 2)
    paths = _three_times(tmp_path)
    r = run(*paths, "--jobs", "1")
    every = run(*paths, "--jobs", "1", "--format", "csv")
    assert r.exit_code == 0
    assert r.stdout.startswith(f"{len(paths)} inputs checked on {AS_OF}: ")
    assert f"{len(paths) - 2} more not shown (--format csv gives a row per profile)" in r.stdout
    assert paths[0] in r.stdout and paths[1] in r.stdout and paths[2] not in r.stdout
    fits = [row["dk-smv-digital.verdict"] for row in csv_rows(every.stdout)].count("fits")
    footer = r.stdout.split("total", 1)[1]
    assert f"✓ {fits}" in footer


def test_the_table_on_a_terminal_has_a_progress_bar_gone_before_it_is_drawn(monkeypatch):
    """The table is drawn at the end, so a long batch shows its progress on the same terminal
    (csv or jsonl rows there would mix with a bar, so they have none); the bar is removed
    first."""
    from grantcheck.cli import batch as cli_batch

    monkeypatch.setattr(cli_batch, "_stderr_is_terminal", lambda: True)
    monkeypatch.setattr(cli_batch, "_stdout_is_terminal", lambda: True)
    r = run(*map(str, EXAMPLES), "--jobs", "1")
    assert r.exit_code == 0
    assert "profiles checked" in r.stderr and "profiles checked" not in r.stdout
    assert r.stdout.startswith(f"{len(EXAMPLES)} inputs checked on ")
    r = run(*map(str, EXAMPLES), "--jobs", "1", "--format", "csv")
    assert "profiles checked" not in r.stderr


def test_the_table_keeps_no_row_past_the_shown_ones():
    """What the table holds after many profiles: the shown rows and one counter per scheme."""
    from grantcheck.batch import Block, Record
    from grantcheck.render.batch import TableSink

    sink = TableSink(io.StringIO(), ["dk-smv-digital"], console=None)  # type: ignore[arg-type]
    ok = Record("a.toml", True, "", "A", (("fits", "fits"),))
    bad = Record("b.toml", False, "", errors=("Error: b.toml: bad",))
    for _ in range(1000):
        sink.write(Block.of([ok, ok, bad], keep=True))
    assert len(sink.rows) == TableSink.SHOWN_ROWS
    assert (sink.totals.inputs, sink.totals.failed) == (3000, 1000)
    assert sink.totals.footer(0) == "✓ 2,000"


def test_no_progress_or_messages_on_stdout_even_with_a_progress_bar(monkeypatch):
    from grantcheck.cli import batch as cli_batch

    monkeypatch.setattr(cli_batch, "_stderr_is_terminal", lambda: True)
    r = run(*map(str, EXAMPLES), "--format", "csv", "--jobs", "2")
    assert r.exit_code == 0
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == header(SCHEME_IDS) and len(rows) == len(EXAMPLES) + 1
    assert "profiles checked" in r.stderr and "profiles checked" not in r.stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    r = run(*map(str, EXAMPLES), "--format", "jsonl")
    assert r.exit_code == 0 and not_warnings(r.stderr) == []


# --- bad inputs: error records, the rest go on ---------------------------------------------


def test_a_bad_profile_is_an_error_record_in_match_s_words_and_exit_4(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_TOML, encoding="utf-8")
    good = str(EXAMPLES[0])
    again = str(shutil.copy(good, tmp_path / "again.toml"))  # a file given twice is read once
    r = run(good, str(bad), again, "--format", "jsonl")
    assert r.exit_code == 4
    records = jsonl(r.stdout)
    assert [("error" in x) for x in records] == [False, True, False]
    err = records[1]
    assert err["profile"] == {"source": str(bad)}
    assert err["error"] == f"{bad}:4: company.turnover: must not be negative (got -5)"
    assert err["problems"] == [{"field": "company.turnover", "message": "must not be negative "
                                "(got -5)", "line": 4, "column": None, "hint": ""}]
    matched = runner.invoke(app, ["match", str(bad)])
    assert f"Error: {err['error']}" in matched.stderr
    assert f"Error: {err['error']}" in r.stderr
    assert "1 of 3 inputs could not be checked" in r.stderr


def test_one_input_is_counted_as_one_input_not_one_inputs(tmp_path):
    missing = str(tmp_path / "nothing.toml")  # an error record (a glob matching none: exit 2)
    r = run(missing, "--format", "table")
    assert r.exit_code == 4
    assert r.stdout.startswith("1 input checked on ")
    assert "1 of them could not be checked: 0 of 0 can still fit a scheme" in r.stdout
    assert "1 of 1 input could not be checked" in r.stderr
    out = tmp_path / "one.csv"
    r = run(str(ROOT / "profiles" / "kvantia-startup.toml"), "--format", "csv", "--output",
            str(out))
    assert "Wrote 1 record to" in r.stderr


def test_error_rows_in_csv_name_file_line_and_field(tmp_path):
    p = tmp_path / "registry.jsonl"
    p.write_bytes(b'{"company": {"name": "A", "country": "DK"}}\n'
                  b'{"company": {"name": "B", "country": "DK", "turnovr": 5}}\n'
                  b'{"company": \n'
                  b'[1, 2]\n'
                  b'{"company": {"name": "\xff", "country": "DK"}}\n'
                  b'{"company": {"name": "C", "country": "DK", "founded": "2020-02-30"}}\n')
    r = run("--input", str(p), "--format", "csv")
    assert r.exit_code == 4
    rows = csv_rows(r.stdout)
    assert [x["status"] for x in rows] == ["ok"] + ["error"] * 5
    errors = [x["error"] for x in rows[1:]]
    assert errors == [
        f"{p}:2: company.turnovr: unknown field (Hint: Did you mean 'turnover'?)",
        f"{p}:3: not valid JSON: Expecting value (column 13)",
        f"{p}:4: a line must be a JSON object of the profile shape (got a list)",
        f"{p}:5: is not UTF-8 text",
        f"{p}:6: company.founded: no such day: February 2020 has 29 days (got '2020-02-30')",
    ]
    assert all(x["name"] == "" and x["dk-smv-digital.verdict"] == "" for x in rows[1:])


def test_a_huge_figure_is_shown_cut_as_the_toml_path_shows_it(tmp_path):
    """A figure of 400 digits is not printed whole: its first 60 digits and how many there are,
    in a range's end, a CSV cell and a registry's count alike."""
    big = "1" + "0" * 399
    cut = f"{big[:60]}… (400 digits)"
    p = tmp_path / "r.jsonl"
    p.write_text('{"company": {"name": "A", "country": "DK", "employees_fte": {"min": 1, '
                 f'"max": {big}}}}}}}\n')
    r = run("--input", str(p), "--format", "csv")
    assert csv_rows(r.stdout)[0]["error"] == (
        f"{p}:1: company.employees_fte: max must be at most 1,000,000,000,000,000 (got {cut})")
    c = tmp_path / "r.csv"
    c.write_text(f"name,country,turnover\nA,DK,{big}\n")
    r = run("--input", str(c), "--format", "csv")
    assert csv_rows(r.stdout)[0]["error"] == (
        f"{c}:2: turnover: must be at most 1,000,000,000,000,000 (got {cut})")
    e = tmp_path / "enheter.csv"
    e.write_text("organisasjonsnummer,navn,forretningsadresse.landkode,antallAnsatte\n"
                 f"923609016,A AS,NO,{big}\n")
    r = run("--input", str(e), "--format", "csv")
    assert csv_rows(r.stdout)[0]["error"] == (
        f"{e}:2: antallAnsatte: must be at most 1,000,000,000,000,000 (got {cut})")


@pytest.mark.parametrize(("value", "said"), [
    ('"name": "\\ud800"', "company.name: is not valid Unicode text: it holds a lone surrogate, a "
     "character no text has (got '\\ud800')"),
    ('"name": "A", "founded": 20170301',
     "company.founded: must be a date written as YYYY-MM-DD (got 20170301)"),
])
def test_a_json_value_that_is_no_text_or_no_date_says_so(tmp_path, value, said):
    """Not pydantic's 'unable to parse raw data as a unicode string' or 'Datetimes provided to
    dates should have zero time' (20170301 read as seconds since 1970)."""
    p = tmp_path / "r.jsonl"
    p.write_text('{"company": {"country": "DK", ' + value + "}}\n")
    r = run("--input", str(p), "--format", "csv")
    assert csv_rows(r.stdout)[0]["error"] == f"{p}:1: {said}"


@pytest.mark.parametrize(("line", "got"), [
    (b"null", "null"), (b'"x"', "'x'"), (b"1", "1"), (b"[]", "a list"), (b"true", "true")])
def test_a_json_line_that_is_no_object_says_what_it_is_in_json_words(tmp_path, line, got):
    """Not "(got NoneType)" or "(got str)": the value as the line writes it."""
    p = tmp_path / "r.jsonl"
    p.write_bytes(line + b"\n")
    r = run("--input", str(p), "--format", "csv")
    assert csv_rows(r.stdout)[0]["error"] == (
        f"{p}:1: a line must be a JSON object of the profile shape (got {got})")


def test_csv_input_errors_name_the_row_and_column(tmp_path):
    p = tmp_path / "registry.csv"
    p.write_text("name,country,employees_fte,listed,nace,founded\n"
                 "Alfa,DK,-3,maybe,banana,2015-03-01\n"
                 "Beta,DK,1,true\n"
                 "Gamma,DK,2,false,62.01,1.1.2015\n", encoding="utf-8")
    r = run("--input", str(p), "--format", "csv")
    assert r.exit_code == 4
    errors = [x["error"] for x in csv_rows(r.stdout)]
    assert errors[0] == (
        f"{p}:2: listed: must be true or false (got 'maybe'); "
        f"{p}:2: nace: must be an industry code such as 62.01 or 0321 (got 'banana'); "
        f"{p}:2: employees_fte: must not be negative (got -3)")
    assert errors[1] == f"{p}:3: has 4 cells where the header has 6 columns"
    assert errors[2] == f"{p}:4: founded: must be a date written as YYYY-MM-DD (got '1.1.2015')"


@pytest.mark.parametrize(("fmt", "name"), [("csv", "summarize_match"), ("jsonl", "check")])
def test_an_internal_error_in_one_profile_does_not_stop_the_rest(monkeypatch, fmt, name):
    import grantcheck.batch.records

    real = getattr(grantcheck.batch.records, name)

    def flaky(profile, *a, **k):
        if profile.company.name.startswith("Kvantia"):
            raise RuntimeError("kaboom")
        return real(profile, *a, **k)

    monkeypatch.setattr(grantcheck.batch.records, name, flaky)
    r = run(*map(str, EXAMPLES), "--format", fmt, "--jobs", "1")
    assert r.exit_code == 3
    if fmt == "csv":
        rows = csv_rows(r.stdout)
        bad = [x["error"] for x in rows if x["status"] == "error"]
    else:
        rows = [json.loads(line) for line in r.stdout.splitlines()]
        bad = [x["error"] for x in rows if "error" in x]
    assert len(rows) == len(EXAMPLES)
    assert len(bad) == 1 and "internal error: RuntimeError: kaboom" in bad[0]
    assert "Traceback" not in r.stderr


# --- usage errors: exit 2, nothing on stdout ------------------------------------------------


def assert_usage(r, *expected: str):
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    for e in expected:
        assert e in r.stderr, r.stderr


def test_no_inputs_at_all():
    assert_usage(run(), "Error: no profiles given", "Hint:")


def test_paths_and_input_together(tmp_path):
    assert_usage(run(str(EXAMPLES[0]), "--input", "x.jsonl"), "not both")


def test_a_folder_without_profiles(tmp_path):
    assert_usage(run(str(tmp_path)), "nothing to check")


def test_an_input_file_that_does_not_exist(tmp_path):
    assert_usage(run("--input", str(tmp_path / "nope.jsonl")), "nope.jsonl: no such file")


def test_an_unknown_csv_column_refuses_the_file_with_a_hint(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("name,contry,turnover\nA,DK,1\n", encoding="utf-8")
    assert_usage(run("--input", str(p)), f"Error: {p}: unknown column 'contry'",
                 "Hint: did you mean 'country'?")


def test_a_csv_without_a_required_column(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("name,turnover\nA,1\n", encoding="utf-8")
    assert_usage(run("--input", str(p)), "no column 'country'")


def test_an_output_folder_that_does_not_exist(tmp_path):
    out = tmp_path / "nope" / "fits.csv"
    assert_usage(run(str(EXAMPLES[0]), "--format", "csv", "--output", str(out)),
                 f"Error: --output {out}: the folder {out.parent} does not exist\n"
                 f"Hint: make it first (mkdir -p {out.parent}), or give a path in a folder that "
                 "exists\n")


def test_the_api_refuses_an_unknown_scheme_at_once():
    from datetime import date

    from grantcheck.batch import Options
    from grantcheck.schemes import UnknownScheme

    with pytest.raises(UnknownScheme):
        Options(date(2026, 11, 23), schemes=("dk-smv-digitl",))


def test_a_bad_option_value_is_a_usage_error():
    assert_usage(run(str(EXAMPLES[0]), "--scheme", "dk-smv-digitl"), "did you mean")
    assert run(str(EXAMPLES[0]), "--jobs", "0").exit_code == 2
    assert run(str(EXAMPLES[0]), "--format", "xml").exit_code == 2


# --- order and parallelism ---------------------------------------------------------------------


def test_output_order_is_input_order_with_two_jobs(tmp_path):
    text = (PROFILES / "nordlys-automation.toml").read_text(encoding="utf-8")
    paths = []
    for i in (7, 3, 11, 0, 9, 1, 14, 5, 2, 13, 8, 4, 12, 6, 10):
        p = tmp_path / f"p{i:02d}.toml"
        p.write_text(text.replace("Nordlys Automation ApS", f"Company {i:02d} ApS"), "utf-8")
        paths.append(str(p))
    r = run(*paths, "--format", "jsonl", "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    names = [x["profile"]["name"] for x in jsonl(r.stdout)]
    assert names == [f"Company {Path(p).stem[1:]} ApS" for p in paths]


# --- --output: atomic, never clobbering without --force ---------------------------------------


def test_output_writes_the_file_and_nothing_to_stdout(tmp_path):
    out = tmp_path / "fits.csv"
    r = run(*map(str, EXAMPLES), "--format", "csv", "--output", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert len(csv_rows(out.read_text(encoding="utf-8"))) == len(EXAMPLES)
    assert sorted(tmp_path.iterdir()) == [out]


def test_output_refuses_an_existing_file_without_force(tmp_path):
    out = tmp_path / "fits.csv"
    out.write_text("mine", encoding="utf-8")
    assert_usage(run(str(EXAMPLES[0]), "--format", "csv", "--output", str(out)),
                 f"Error: {out}: already exists", "Hint: use --force to replace it")
    assert out.read_text(encoding="utf-8") == "mine"
    r = run(str(EXAMPLES[0]), "--format", "csv", "--output", str(out), "--force")
    assert r.exit_code == 0
    assert csv_rows(out.read_text(encoding="utf-8"))[0]["source"] == str(EXAMPLES[0])
    assert sorted(tmp_path.iterdir()) == [out]


# --- Ctrl-C -------------------------------------------------------------------------------------


def _interrupt_after(monkeypatch, n: int, signum: int = signal.SIGINT) -> None:
    """Send a signal to this (the main) process when the n-th record has been written. Records
    are written a block at a time: one each in-process, and with worker processes a block per
    chunk, of 1, 2, 4, … records (the n-th record must end a block: 1, 3, 7, …). The signal is
    handled as a terminal's Ctrl-C is, also when the test runner was started ignoring it (``&``
    from a script); conftest.py puts the runner's handler back after the test."""
    from grantcheck.batch import Tally

    if signal.getsignal(signum) is signal.SIG_IGN:
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT
                      else signal.SIG_DFL)

    real = Tally.add

    def add(self, block):
        real(self, block)
        assert self.done <= n
        if self.done == n:
            os.kill(os.getpid(), signum)

    monkeypatch.setattr(Tally, "add", add)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_writes_what_was_done_and_says_so(monkeypatch, jobs):
    _interrupt_after(monkeypatch, 3)
    r = run(*map(str, EXAMPLES), "--format", "json", "--jobs", jobs)
    assert r.exit_code == 130
    data = json.loads(r.stdout)  # the array is closed: valid JSON
    assert [d["profile"]["source"] for d in data] == [str(p) for p in EXAMPLES[:3]]
    assert "Interrupted: 3 inputs were checked and written" in r.stderr


def test_ctrl_c_with_output_keeps_the_whole_records_done(monkeypatch, tmp_path):
    _interrupt_after(monkeypatch, 3)
    out = tmp_path / "fits.csv"
    r = run(*map(str, EXAMPLES), "--format", "csv", "--jobs", "2", "--output", str(out))
    assert r.exit_code == 130
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert [x["source"] for x in rows] == [str(p) for p in EXAMPLES[:3]]
    assert f"written to {out}" in r.stderr
    assert sorted(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_on_a_force_rerun_keeps_the_file_and_writes_the_records_beside_it(
        monkeypatch, tmp_path, jobs):
    """docs/batch.md, "Ctrl-C": FILE is left as it was (yesterday's complete output is not
    replaced by part of today's); the records done are in FILE.partial, and stderr says so."""
    _interrupt_after(monkeypatch, 3)
    out = tmp_path / "fits.csv"
    out.write_text("yesterday\n", encoding="utf-8")
    partial = tmp_path / "fits.csv.partial"
    r = run(*map(str, EXAMPLES), "--format", "csv", "--jobs", jobs, "--output", str(out),
            "--force")
    assert r.exit_code == 130
    assert out.read_text(encoding="utf-8") == "yesterday\n"
    assert [x["source"] for x in csv_rows(partial.read_text(encoding="utf-8"))] == [
        str(p) for p in EXAMPLES[:3]]
    assert (f"Interrupted: {out} is kept as it was; the records done are in {partial}"
            in r.stderr)
    assert sorted(tmp_path.iterdir()) == [out, partial]


def test_a_second_signal_later_ends_at_once_and_leaves_no_file(monkeypatch, tmp_path):
    """A second Ctrl-C (more than SAME_SIGNAL_WITHIN after the first) ends the batch at once:
    the message says so, --output is not written and its temporary file is gone."""
    from grantcheck.batch import Tally, signals

    monkeypatch.setattr(signals, "SAME_SIGNAL_WITHIN", -1.0)
    real = Tally.add

    def add(self, block):
        real(self, block)
        if self.done == 1:
            os.kill(os.getpid(), signal.SIGTERM)
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(Tally, "add", add)
    out = tmp_path / "fits.csv"
    r = run(*map(str, EXAMPLES), "--format", "csv", "--jobs", "1", "--output", str(out))
    assert r.exit_code == 143
    assert f"Interrupted again: stopped at once; nothing was written to {out}." in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_same_signal_twice_at_once_is_one(monkeypatch):
    """Two SIGTERMs within SAME_SIGNAL_WITHIN are one: the batch stops after the records
    being written, as after one."""
    _interrupt_after(monkeypatch, 1, signal.SIGTERM)
    from grantcheck.batch import Tally

    once = Tally.add

    def add(self, block):
        once(self, block)
        if self.done == 1:
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(Tally, "add", add)
    r = run(*map(str, EXAMPLES), "--format", "jsonl", "--jobs", "1")
    assert r.exit_code == 143
    assert len(jsonl(r.stdout)) == 1
    assert "Interrupted: 1 input was checked and written" in r.stderr


def test_sigterm_stops_cleanly_like_ctrl_c(monkeypatch):
    _interrupt_after(monkeypatch, 1, signal.SIGTERM)
    r = run(*map(str, EXAMPLES), "--format", "jsonl", "--jobs", "2")
    assert r.exit_code == 143
    assert len(jsonl(r.stdout)) == 1
    assert "Interrupted: 1 input was checked and written" in r.stderr


def test_an_ignored_ctrl_c_stays_ignored(monkeypatch):
    """docs/limits.md: "When SIGINT is ignored (started with `&` from a script, or `nohup`), it
    stays ignored": a batch started so goes on through a SIGINT, and leaves it ignored (it
    stopped with 130 before)."""
    from grantcheck.batch import Tally

    real = Tally.add

    def add(self, block):
        real(self, block)
        if self.done == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(Tally, "add", add)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # conftest.py puts the runner's back
    r = run(*map(str, EXAMPLES), "--format", "jsonl", "--jobs", "1")
    assert r.exit_code in (0, 1), r.stderr
    assert len(jsonl(r.stdout)) == len(EXAMPLES)
    assert "Interrupted" not in r.stderr
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_the_signal_handlers_are_restored_after_a_batch():
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert run(str(EXAMPLES[0]), "--format", "csv").exit_code == 0
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_a_reader_that_stops_early_is_not_an_error(tmp_path, fmt):
    """`grantcheck batch … | head`: the batch stops quietly, exit code 141 (128 + SIGPIPE), also
    for the table (which Rich would end with exit code 1). The jsonl records go on long after
    the reader has closed the pipe; the table, written at the end, finds it closed before it
    starts (a pipe may hold all of it: how much depends on the system)."""
    import subprocess
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    source = tmp_path / "many.jsonl"
    generate.write_jsonl(source, 1500, seed=4)
    proc = subprocess.Popen([sys.executable, "-m", "grantcheck.cli", "batch", "--input",
                             str(source), "--format", fmt, "--as-of", AS_OF, "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    if fmt == "jsonl":
        assert proc.stdout.read(100).startswith(b'{"record":"grantcheck.batch/2"')
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "internal error" not in err and "Traceback" not in err


def _ctrl_c_as_on_a_terminal() -> None:
    """In a child, before it runs: SIGINT's default, whatever the runner was started with (a
    runner started with ``&`` by a script ignores it, and so would its children: an ignored
    Ctrl-C stays ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("to", ["main", "group", "main twice"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_real_signal_stops_the_worker_processes_cleanly(tmp_path, signum, to):
    """Through the worker processes, with a real signal sent to the main process, to the whole
    process group (a terminal's Ctrl-C, `timeout`, `kill -TERM -PGID`), or to the main process
    twice at once (`timeout` sends SIGTERM to the command and to its group): whole records, the
    message, exit 130 or 143, no traceback."""
    import subprocess
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    source = tmp_path / "many.jsonl"
    generate.write_jsonl(source, 3000, seed=4)
    proc = subprocess.Popen([sys.executable, "-m", "grantcheck.cli", "batch", "--input",
                             str(source), "--format", "csv", "--as-of", AS_OF, "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_ctrl_c_as_on_a_terminal)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline() + proc.stdout.readline()  # the header and a row
    if to == "group":
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
        if to == "main twice":
            proc.send_signal(signum)
    out = first + proc.stdout.read()  # through the same buffered file (stderr stays small)
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 128 + signum
    rows = list(csv.DictReader(io.StringIO(out)))
    assert 1 <= len(rows) < 3000
    assert [r["source"] for r in rows] == [f"{source}:{i}" for i in range(1, len(rows) + 1)]
    assert all(r["status"] in ("ok", "error") and r["evaluation_date"] == AS_OF for r in rows)
    assert f"Interrupted: {len(rows):,} input" in err
    assert "Traceback" not in err and "ended unexpectedly" not in err


@pytest.mark.parametrize("line", [
    b'{"company": {"name": "A", "country": "DK", "turnover": 1600000.50, "employees_fte": 4}}',
    b'{"company": {"name": "A", "country": "DK", "turnover": 1.5E+6, "owners_fte": 0.0}}',
    b'{"company": {"name": "A", "country": "DK", "turnover": 12345678901234.123456789}}',
    b'{"company": {"name": "A", "country": "DK", "name": "B"}}',  # a key twice: refused
    b'{"company": {"name": "A", "country": "DK", "turnover": NaN}}',
    b'{"company": {"name": "A", "country": "DK", "turnover": Infinity}}',
    b'{"company": {"name": "\\ud800", "country": "DK"}}',  # a lone surrogate: json reads it
    b'\xef\xbb\xbf{"company": {"name": "A", "country": "DK"}}',
    b'{"company": {"name": "A", "country": "DK"}} trailing',
    b'{"company": {"name": "A", "country": "DK"},}',
    b'[' * 3000 + b']' * 3000,
    b'"text"',
    b'{"company": {"name": "A", "country": "DK", "turnover": %s}}' % (b"9" * 5000),
])
def test_a_json_line_reads_as_the_json_module_reads_it(line: bytes) -> None:
    """jiter reads the lines (faster); what it refuses, json reads again: the profile or the
    error is the one json.loads(line, parse_float=Decimal) gives, word for word."""
    from grantcheck.batch.load import _data_profile, _json_data, _json_profile
    from grantcheck.profile import ProfileError

    def outcome(read):  # the profile, or the error's problems
        try:
            return read()
        except ProfileError as e:
            return e.problems

    def by_json():  # the reading before jiter: json.loads, and the check that it is an object
        data = _json_data(line, "x.jsonl:1")
        if not isinstance(data, dict):
            from grantcheck.shown import shown

            return f"not an object: {shown(data)}"
        return _data_profile(data, "x.jsonl:1")

    fast = outcome(lambda: _json_profile(line, "x.jsonl:1"))
    if isinstance(fast, list) and "must be a JSON object" in fast[0].message:
        fast = f"not an object: {fast[0].message.split('got ')[1].rstrip(')')}"
    assert repr(fast) == repr(outcome(by_json))


def _number_tokens(large: bool = True):
    """JSON number tokens as they may be written: integers, fractions with and without trailing
    zeros, up to 25 digits, exponents, negative zero (``large``: long integer parts too)."""
    from hypothesis import strategies as st

    head = st.text("0123456789", min_size=1, max_size=12 if large else 2)
    tail = st.one_of(st.sampled_from(["0", "5", "50", "10", "25", "250", "05", "125", "100"]),
                     st.text("0123456789", min_size=1, max_size=20))
    integer = st.builds(lambda d: str(int(d)), head)
    fraction = st.builds(lambda i, f: f"{int(i)}.{f}", head, tail)
    exponent = st.builds(lambda m, e: f"{m}{e}", st.one_of(integer, fraction),
                         st.sampled_from(["e3", "E+2", "e-7", "E0", "e400"]))
    return st.builds(lambda sign, n: sign + n, st.sampled_from(["", "", "", "", "", "-"]),
                     st.one_of(integer, fraction, fraction, fraction, exponent))


# fields of every type, amounts (Decimal) most: a number in a date, flag or text field fails
_AMOUNT_FIELDS = ["company.turnover", "company.employees_fte", "company.owners_fte",
                  "company.balance_sheet_total", "project.budget_total", "project.grant_sought",
                  "aid_received[0].amount"]
_OTHER_FIELDS = ["company.public_ownership_percent", "company.fiscal_year_start_month",
                 "network.project_year", "company.founded", "company.listed", "company.name"]


@pytest.mark.parametrize("token", ["0.0", "1.10", "14.50", "100.250", "-0.0", "2E3", "1e-7",
                                   "1.5E+2", "0.12345678901234567891", "123456789012.123456",
                                   "999999999999999", "99999999999.99999", "14.5", "0.05",
                                   "7965.191", "0.000015", "99999999999999.9"])
def test_a_number_reads_as_written(token: str) -> None:
    """Every way of writing a number gives the Decimal written, digits and exponent, whichever
    way the line is read (pydantic alone reads 1.10 as 1.1, 2E3 as 2000, 20 digits as 17)."""
    from decimal import Decimal

    from grantcheck.batch.load import _json_profile

    line = b'{"company": {"name": "A", "country": "NO", "employees_fte": %s}}' % token.encode()
    fte = _json_profile(line, "x.jsonl:1").company.employees_fte
    written = Decimal(token)
    if not written:  # a negative zero is 0, never shown as -0 (docs/limits.md)
        written = written.copy_abs()
    assert fte is not None and fte.as_tuple() == written.as_tuple()


@settings(max_examples=400, deadline=None)
@given(data=st_data())
def test_a_json_line_with_any_numbers_reads_as_the_json_module_reads_it(data) -> None:
    """Lines read in one pass by pydantic (when their numbers allow it) give exactly the profile
    (the digits and exponent of every Decimal) or the error of the exact reading: numbers
    written in every way, in fields of every type."""
    from hypothesis import strategies as st

    from grantcheck.batch.load import _data_profile, _json_data, _json_profile
    from grantcheck.profile import ProfileError

    tokens = data.draw(st.dictionaries(st.sampled_from(_AMOUNT_FIELDS), _number_tokens(),
                                       min_size=1, max_size=4))
    tokens |= data.draw(st.dictionaries(st.sampled_from(_OTHER_FIELDS),
                                        _number_tokens(large=False), max_size=1))
    sections: dict[str, list[str]] = {"company": ['"name": "A \\u00e6 \\"B\\" AS"',
                                                  '"country": "NO"']}
    aid = ""
    for path, token in tokens.items():
        section, name = path.split(".")
        if section == "aid_received[0]":
            aid = (f', "aid_received": [{{"granted": "2024-01-02", "scheme": "x", '
                   f'"{name}": {token}}}]')
        else:
            sections.setdefault(section, []).append(f'"{name}": {token}')
    body = ", ".join(f'"{k}": {{{", ".join(v)}}}' for k, v in sections.items())
    line = ("{" + body + aid + "}").encode()

    def outcome(read):
        try:
            return read()
        except ProfileError as e:
            return e.problems

    def exact():
        data = _json_data(line, "x.jsonl:1")
        return _data_profile(data, "x.jsonl:1")

    assert repr(outcome(lambda: _json_profile(line, "x.jsonl:1"))) == repr(outcome(exact)), line


# --- JSON Lines in blocks, records in blocks ---------------------------------------------------


def _expected_tasks(raw: bytes, name: str) -> list[tuple[str, bytes]]:
    """What a task per line gives: numbered from 1, blank lines skipped, the BOM off line 1."""
    lines = raw.splitlines(keepends=True)
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return [(f"{name}:{n}", line) for n, line in enumerate(lines, 1) if line.strip()]


RAW = (b"\xef\xbb\xbf{\"a\": 1}\n\n  \t\n{\"b\": 2}\r\n" + b"\n" * 70
       + b"\xef\xbb\xbf{\"c\": 3}\n{\"d\": 4}")


@pytest.mark.parametrize("sizes", [[1], [1, 2, 4], [3, 100], [500]])
@pytest.mark.parametrize("peek", [False, True])
def test_json_lines_in_blocks_give_the_tasks_of_a_task_per_line(sizes, peek):
    """However the file is cut into blocks (and after empty() has read ahead), the workers make
    the same tasks: the same line numbers, blank lines skipped, the BOM taken off line 1 only
    (on line 75 it stays, and the line is reported as JSON with a BOM)."""
    from grantcheck.batch import JsonLines

    source = JsonLines(io.BytesIO(RAW), "f.jsonl")
    if peek:
        assert not source.empty()
        assert not source.empty()  # asking again reads nothing more and loses nothing
    got, i, cut = [], 0, []
    while (block := source.take(sizes[min(i, len(sizes) - 1)])) is not None:
        got += [(t.source, t.payload) for t in block.tasks()]
        cut.append(len(block.lines))
        i += 1
    assert got == _expected_tasks(RAW, "f.jsonl")
    asked = [sizes[min(i, len(sizes) - 1)] for i in range(len(cut))]
    assert cut[:-1] == asked[:-1] and 0 < cut[-1] <= asked[-1] and sum(cut) == 76
    assert got[2] == ("f.jsonl:75", b"\xef\xbb\xbf{\"c\": 3}\n")
    assert [(t.source, t.payload) for t in JsonLines(io.BytesIO(RAW), "f.jsonl")] == got


def test_leading_blank_lines_are_counted_not_kept():
    """empty() passes any number of blank lines before the first profile without keeping them
    (a registry export padded with 100,000 of them): the first block starts at that profile."""
    from grantcheck.batch import JsonLines

    source = JsonLines(io.BytesIO(b"\xef\xbb\xbf\n" + b" \n" * 99_999 + b'{"a": 1}\n{"b": 2}\n'),
                       "f")
    assert not source.empty()
    first = source.take(1)
    assert first is not None and (first.first, first.lines) == (100_001, [b'{"a": 1}\n'])
    second = source.take(4)
    assert second is not None and (second.first, second.lines) == (100_002, [b'{"b": 2}\n'])
    assert source.take(4) is None


@pytest.mark.parametrize("raw", [b"", b"\n", b"\n \r\n\t\n" * 40, b"\xef\xbb\xbf\n",
                                 b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n  "])
def test_a_json_lines_file_of_blank_lines_is_empty(raw):
    from grantcheck.batch import JsonLines

    assert JsonLines(io.BytesIO(raw), "f").empty()
    assert not JsonLines(io.BytesIO(raw + b"{}\n"), "f").empty()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "table"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_blocks_of_blank_lines_between_profiles(tmp_path, fmt, jobs):
    """Hundreds of blank lines make blocks with no record at all: nothing is written for them,
    and the profiles around them are checked and written, numbered by their lines."""
    p = tmp_path / "gaps.jsonl"
    line = '{"company": {"name": "%s ApS", "country": "DK"}}\n'
    p.write_text(line % "A" + "\n" * 700 + line % "B" + " \n" * 300 + line % "C",
                 encoding="utf-8")
    r = run("--input", str(p), "--format", fmt, "--jobs", jobs)
    assert r.exit_code == 0, r.stderr
    sources = [f"{p}:1", f"{p}:702", f"{p}:1003"]
    if fmt == "csv":
        assert [x["source"] for x in csv_rows(r.stdout)] == sources
    elif fmt == "jsonl":
        assert [x["profile"]["source"] for x in jsonl(r.stdout)] == sources
    elif fmt == "json":
        assert [x["profile"]["source"] for x in json.loads(r.stdout)] == sources
    else:
        assert all(f"{name} ApS" in r.stdout for name in "ABC")


@pytest.mark.parametrize("raw", [b"\n  \n\r\n" * 50, b"\xef\xbb\xbf"])
def test_a_json_lines_file_of_blank_lines_is_nothing_to_check(tmp_path, raw):
    p = tmp_path / "blank.jsonl"
    p.write_bytes(raw)
    assert_usage(run("--input", str(p), "--format", "csv"), "nothing to check")


def test_a_first_line_that_is_only_a_byte_order_mark_is_blank():
    """A BOM alone on line 1 leaves an empty line: blank, as line.strip() said (no task)."""
    from grantcheck.batch import Lines

    lines = Lines("f", 1, [b"", b"\n", b'{"a": 1}'])
    assert [t.source for t in lines.tasks()] == ["f:3"]


def test_the_summary_shows_the_first_twenty_errors_of_all_blocks(tmp_path):
    """Error records spread over the blocks of two workers: the first 20 are listed, in input
    order, and the rest counted."""
    p = tmp_path / "bad.jsonl"
    good = '{"company": {"name": "A ApS", "country": "DK"}}\n'
    p.write_text("".join(good if n % 3 == 0 else f'{{"company": {n}}}\n' for n in range(1, 61)),
                 encoding="utf-8")
    r = run("--input", str(p), "--format", "csv", "--jobs", "2")
    assert r.exit_code == 4
    bad = [n for n in range(1, 61) if n % 3]
    listed = [line for line in r.stderr.splitlines() if line.startswith("Error: ")]
    assert [line.split(": ")[1] for line in listed] == [f"{p}:{n}" for n in bad[:20]]
    assert f"... and {len(bad) - 20} more inputs that could not be checked" in r.stderr
    assert len(csv_rows(r.stdout)) == 60


def test_a_block_counts_its_records_and_keeps_them_only_for_the_table():
    from grantcheck.batch import Block, Record, Tally

    records = [Record("a", True, "A\n", warnings=("w1",)),
               Record("b", False, "B\n", errors=("Error: b", "Hint: h")),
               Record("c", False, "C\n", errors=("Error: c",), internal=True,
                      warnings=("w2", "w1"))]
    block = Block.of(records)
    assert (block.data, block.done, block.failed, block.internal) == (b"A\nB\nC\n", 3, 2, 1)
    assert block.errors == (("Error: b", "Hint: h"), ("Error: c",))
    assert block.warnings == ("w1", "w2") and block.records == ()
    assert Block.of(records, keep=True).records == tuple(records)
    tally = Tally()
    for _ in range(11):
        tally.add(block)
    assert (tally.done, tally.failed, tally.internal) == (33, 22, 11)
    assert tally.error_lines == ["Error: b", "Hint: h", "Error: c"] * 10
    assert list(tally.warnings) == ["w1", "w2"]


# --- the worker processes ----------------------------------------------------------------------


def _many_lines(n: int) -> bytes:
    return b"".join(b'{"company": {"name": "C%d ApS", "country": "DK"}}\n' % i for i in range(n))


def _die_on(monkeypatch, name: bytes, how: str = "exit") -> None:
    """Workers (forked after this) end abruptly, or raise, on the chunk holding ``name``."""
    from grantcheck.batch import Lines, Worker

    real = Worker.block

    def block(self, chunk):
        if isinstance(chunk, Lines) and any(name in line for line in chunk.lines):
            if how == "exit":
                os._exit(9)
            raise MemoryError("no more")
        return real(self, chunk)

    monkeypatch.setattr(Worker, "block", block)


def test_a_worker_that_dies_ends_the_batch_with_what_was_done(monkeypatch, tmp_path):
    """A worker process killed mid-batch (out of memory, say) is noticed, not waited for: the
    records before its chunk are written, stderr says so, exit code 3."""
    _die_on(monkeypatch, b'"C10 ApS"')
    p = tmp_path / "many.jsonl"
    p.write_bytes(_many_lines(40))
    out = tmp_path / "fits.csv"
    r = run("--input", str(p), "--format", "csv", "--jobs", "2", "--output", str(out))
    assert r.exit_code == 3
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert [x["name"] for x in rows] == [f"C{i} ApS" for i in range(7)]  # chunks of 1, 2, 4
    assert ("worker process 2 of 2 ended unexpectedly (exit code 9); 7 inputs were checked "
            f"and written to {out}, the rest were not checked.") in r.stderr
    assert "Traceback" not in r.stderr and sorted(tmp_path.iterdir()) == [out, p]


def test_a_worker_killed_by_a_signal_is_named_so(monkeypatch):
    import signal as signals
    from datetime import date

    from grantcheck.batch import JsonLines, Lines, Options, Runner, Worker, WorkerDied

    real = Worker.block

    def block(self, chunk):
        if isinstance(chunk, Lines) and any(b'"C5 ApS"' in line for line in chunk.lines):
            os.kill(os.getpid(), signals.SIGKILL)
        return real(self, chunk)

    monkeypatch.setattr(Worker, "block", block)
    with Runner(Options(date(2026, 11, 23), output="csv"), jobs=2) as runner:
        blocks = runner.blocks(JsonLines(io.BytesIO(_many_lines(20)), "x"))
        with pytest.raises(WorkerDied, match=r"worker process 1 of 2 ended unexpectedly "
                                             r"\(killed by SIGKILL\)"):
            list(blocks)


def test_an_error_in_a_worker_outside_any_input_is_raised_in_the_main_process(monkeypatch):
    from datetime import date

    from grantcheck.batch import JsonLines, Options, Runner

    _die_on(monkeypatch, b'"C3 ApS"', how="raise")
    with Runner(Options(date(2026, 11, 23), output="csv"), jobs=2) as runner:
        blocks = runner.blocks(JsonLines(io.BytesIO(_many_lines(20)), "x"))
        assert next(blocks).done == 1
        with pytest.raises(RuntimeError, match="in a worker process: MemoryError: no more"):
            list(blocks)


def test_workers_started_by_spawn_give_the_same_records(monkeypatch):
    """Where fork is missing (macOS, Windows), the workers are spawned: same records, in order."""
    import multiprocessing
    from datetime import date

    from grantcheck.batch import JsonLines, Options, Runner

    lines = _many_lines(30)
    options = Options(date(2026, 11, 23), output="csv")
    with Runner(options, jobs=1) as runner:
        expected = [r.text for r in runner.map(JsonLines(io.BytesIO(lines), "x"))]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with Runner(options, jobs=2) as runner:
        assert runner._pool.procs[0]._start_method == "spawn"  # type: ignore[union-attr]
        got = [t for b in runner.blocks(JsonLines(io.BytesIO(lines), "x"))
               for t in io.StringIO(b.text).readlines()]
    assert got == expected and len(got) == 30


def test_two_runs_at_once_on_one_runner_are_refused_not_mixed():
    """With worker processes a runner answers one run at a time: a run resumed after another
    has started raises, where it would have given the other run's records."""
    from datetime import date

    from grantcheck.batch import JsonLines, Options, Runner

    with Runner(Options(date(2026, 11, 23), output="csv"), jobs=2) as runner:
        a = runner.map(JsonLines(io.BytesIO(_many_lines(300)), "a"))
        assert next(a).source == "a:1"
        b = runner.map(JsonLines(io.BytesIO(_many_lines(5)), "b"))
        assert next(b).source == "b:1"
        with pytest.raises(RuntimeError, match="one map\\(\\) or blocks\\(\\) at a time"):
            list(a)
        assert [r.source for r in b] == [f"b:{n}" for n in range(2, 6)]


def test_a_runner_can_be_used_again_after_a_loop_left_early():
    """The answers of a run whose loop was left are not taken for the next run's."""
    from datetime import date

    from grantcheck.batch import JsonLines, Options, Runner

    with Runner(Options(date(2026, 11, 23), output="csv"), jobs=2) as runner:
        first = runner.map(JsonLines(io.BytesIO(_many_lines(300)), "a"))
        assert next(first).source == "a:1"
        first.close()
        again = [r.source for r in runner.map(JsonLines(io.BytesIO(_many_lines(5)), "b"))]
    assert again == [f"b:{n}" for n in range(1, 6)]


def test_the_tables_first_line_says_how_many_can_fit_and_each_scheme_for_how_much():
    """The answer first, above the table, at 80 and 200 columns: the inputs, how many can still
    fit a scheme (by best verdict), and per scheme how many, for up to how much; no amount is
    split from its currency."""
    for columns in ("80", "200"):
        r = runner.invoke(app, ["batch", *map(str, EXAMPLES), "--as-of", AS_OF, "--jobs", "1"],
                          env={"COLUMNS": columns, "NO_COLOR": "1"})
        assert r.exit_code == 0, r.stderr
        head = " ".join(r.stdout.split("\n#", 1)[0].split())
        assert head == (
            "6 inputs checked on 2026-11-23: 4 of 6 can still fit a scheme (3 fit, 1 needs "
            "information, 2 do not fit). dk-smv-digital: 1 fits, 1 needs information; up to "
            "DKK 220,000 a company, DKK 245,000 in all "
            "no-bedriftsnettverk: 1 fits, 1 needs information; up to NOK 750,000 a company, "
            "NOK 1,450,000 in all no-prosessinnovasjon: 1 fits, 3 need information; up to "
            "NOK 3,200,000 a company; NOK 4,370,015.79 in all for 3 of 4 (1 not known yet)")
        assert not any(line.endswith(("DKK", "NOK")) for line in r.stdout.splitlines())
        assert "Warning:" not in r.stdout and "checked on" not in r.stderr


def test_the_table_shows_another_countrys_scheme_as_not_applicable_and_does_not_count_it():
    """A Norwegian company and SMV:Digital (a DK scheme tied to a CVR number): `match` leaves it
    out as not applicable, and the table shows it "/", not "?", and counts it in no scheme's
    "needs information"; the Danish company's row keeps its verdict."""
    fjord, nordlys = (str(p) for p in EXAMPLES if "fjordnett" in str(p) or "nordlys" in str(p))
    r = runner.invoke(app, ["batch", fjord, nordlys, "--as-of", AS_OF, "--jobs", "1"],
                      env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    # a row: number, name, then a cell per scheme (IP, SMV, BN, PO, SD), 2+ spaces apart
    rows = {cells[1].split()[0]: cells[2:] for line in r.stdout.splitlines()
            if (cells := re.split(r"\s{2,}", line.strip()))[0] in ("1", "2")}
    assert rows["Fjordnett"][1] == "/" and rows["Nordlys"][1] == "✓"  # SMV
    assert rows["Fjordnett"][2] == "✓" and rows["Nordlys"][2] == "/"  # BN
    assert "dk-smv-digital: 1 fits, 0 need information; up to DKK 220,000" in r.stdout
