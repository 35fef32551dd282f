"""Issue 19, part 3: input read as people write it: `-` for stdin, --scheme as a comma list,
validate of a folder, an empty name; and the help: -h."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.robustness.helpers import AS_OF, MINIMAL, PROFILES, assert_clean_error, cli

NORDLYS = PROFILES / "nordlys-automation.toml"


def test_match_reads_a_profile_from_stdin():
    r = cli("match", "-", "--as-of", AS_OF, "--format", "json", stdin=NORDLYS.read_bytes())
    assert r.returncode in (0, 1), r.stderr
    assert b'"source": "<stdin>"' in r.stdout or b"<stdin>" in r.stdout


def test_validate_reads_a_profile_from_stdin():
    r = cli("validate", "-", stdin=NORDLYS.read_bytes())
    assert (r.returncode, r.stdout) == (0, b"<stdin>: OK\n"), r.stderr


def test_budget_reads_a_file_from_stdin():
    budget = b'[budget]\nscheme = "dk-smv-digital"\n[[budget.lines]]\ncategory = "x"\n' \
             b'amount = -1\n'
    assert_clean_error(cli("budget", "-", "--as-of", AS_OF, stdin=budget), "Error: <stdin>:")


def test_scheme_takes_a_comma_list():
    r = cli("match", str(NORDLYS), "--as-of", AS_OF, "--format", "json",
            "--scheme", "dk-smv-digital,dk-innobooster-people")
    assert r.returncode in (0, 1), r.stderr
    assert r.stdout.count(b'"id": "dk-') >= 2


def test_validate_takes_a_folder_like_batch():
    r = cli("validate", str(PROFILES))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(b": OK\n") == len(list(PROFILES.glob("*.toml")))


def test_validate_of_an_empty_folder_says_so(tmp_path):
    assert_clean_error(cli("validate", str(tmp_path)), "a folder with no *.toml file in it")


def test_an_empty_company_name_is_refused(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text(MINIMAL.replace("Tiny ApS", ""), encoding="utf-8")
    assert_clean_error(cli("validate", str(p)), "p.toml:2: company.name: must not be empty")


def test_dash_h_is_help():
    r = cli("-h")
    assert r.returncode == 0 and b"Usage:" in r.stdout
    r = cli("budget", "-h")
    assert r.returncode == 0 and b"Usage:" in r.stdout


def test_budget_help_keeps_its_brackets_and_its_examples_whole():
    r = cli("budget", "--help", env={"COLUMNS": "80"})
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "a profile with a [budget] table" in out
    assert "    grantcheck budget --scheme dk-smv-digital --line consultancy=150000 --line " \
           "hardware=320000\n" in out
    assert "<bool>" not in out and "╭" not in out


def test_a_usage_error_is_in_the_error_style():
    r = cli("match", "--bogus")
    assert r.returncode == 2
    assert r.stderr.decode() == "Error: No such option: --bogus\nHint: see 'grantcheck match -h'\n"


def test_match_with_several_profiles_points_to_batch():
    r = cli("match", str(NORDLYS), str(NORDLYS))
    assert r.returncode == 2
    assert r.stderr.decode() == (
        f"Error: Got unexpected extra argument(s) ({NORDLYS})\nHint: match checks one profile: "
        "grantcheck batch checks several (files, folders or patterns) and writes a record or a "
        "row for each\n")


def test_a_missing_scheme_argument_lists_the_schemes():
    from grantcheck.schemes import SCHEME_IDS

    r = cli("show")
    assert r.returncode == 2
    assert r.stderr.decode() == ("Error: Missing argument 'SCHEME'.\nHint: the schemes: "
                                 + ", ".join(SCHEME_IDS) + "\n")


def test_escape_sequences_in_a_profile_are_shown_not_interpreted(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "Evil\\u001b[31mRED"\ncountry = "DK"\n', encoding="utf-8")
    r = cli("match", str(p), "--as-of", AS_OF)
    assert r.returncode in (0, 1), r.stderr
    assert b"\x1b" not in r.stdout
    assert b"Evil\\x1b[31mRED" in r.stdout


def test_a_file_name_with_a_newline_stays_on_its_error_line(tmp_path):
    p = tmp_path / "bad\nname.toml"
    p.write_text('[company]\nname = 5\ncountry = "DK"\n', encoding="utf-8")
    err = assert_clean_error(cli("validate", str(p)))
    assert "bad\\x0aname.toml:2: company.name: must be text, in quotes (got 5)" in err


def test_budget_line_takes_the_tier_and_the_period_it_asks_for():
    """The README's `budget --line …` always ended in "state budget.tier, budget.start/end"."""
    args = ["budget", "-s", "dk-smv-digital", "-l", "consultancy=150000", "--as-of", AS_OF]
    before = cli(*args).stdout.decode()
    assert "give --tier" in before and "give --start and --end" in before
    r = cli(*args, "--tier", "t250", "--start", "2026-03-01", "--end", "2026-12-31")
    out = r.stdout.decode()
    assert "state budget.tier" not in out and "budget.start and budget.end" not in out
    assert "tier up to DKK 250,000 (t250)" in out


def test_budget_tier_with_a_file_is_refused():
    r = cli("budget", str(NORDLYS), "--tier", "t25", "--as-of", AS_OF)
    assert_clean_error(r, "--tier, --start and --end go with --line")


def test_a_long_bad_value_is_cut_with_its_length():
    """A 1 MB bad value was echoed in full to stderr (an argument is at most 128 KB)."""
    err = assert_clean_error(cli("match", str(NORDLYS), "--as-of", "x" * 100_000))
    assert "… (100,000 characters): not a date" in err and len(err) < 300


def test_a_bad_option_value_has_no_pydantic_wording():
    r = cli("match", str(NORDLYS), "--format", "xml")
    assert r.returncode == 2
    assert r.stderr.decode().startswith("Error: Invalid value for '--format' / '-f': 'xml' is "
                                        "not one of 'table', 'json'.\n")
    r = cli("batch", "x", "--jobs", "0")
    assert "must be greater than or equal to 1" in r.stderr.decode()


def test_the_answer_comes_before_the_warnings_on_a_shared_terminal():
    """stdout and stderr on one terminal: the first line is the answer, the horizon warning
    (Prosessinnovasjon's GBER ends 2026-12-31, 38 days after the date) comes after it."""
    r = subprocess.run([sys.executable, "-m", "grantcheck.cli", "match", str(NORDLYS),
                        "--as-of", "2026-11-23"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
                       env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120",
                            "GRANTCHECK_PAGER": "cat"})
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith("Nordlys Automation ApS (DK) on 2026-11-23: 1 scheme fits")
    warning = next(i for i, line in enumerate(lines) if line.startswith("Warning: "))
    assert lines[warning].startswith("Warning: no-prosessinnovasjon: rules encoded until "
                                     "2026-12-31")
    assert all(line.startswith("  ") for line in lines[warning + 1:])  # wrapped to COLUMNS
