"""Misuse, ninth round: a currency written in lower case read as the country is, an amount
written with its currency or a unit (--line consultancy=5 DKK), an empty --input named, ids
kept whole on a narrow terminal. Through typer's CliRunner, as a script runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robustness.helpers import AS_OF, problems, run

# --- (a) a currency in lower case, as the country is ----------------------------------------


@pytest.mark.parametrize("written", ["dkk", "Dkk", " DKK "])
def test_a_currency_in_lower_case_is_read_as_the_country_is(written):
    """``country = "dk"`` was read as DK, ``currency = "dkk"`` refused ("is not one of")."""
    from grantcheck.profile import parse_profile

    toml = f'[company]\nname = "A"\ncountry = "dk"\ncurrency = "{written}"\n'
    assert problems(toml) == []
    profile = parse_profile(toml, "p.toml")
    assert (profile.company.country, profile.company.currency) == ("DK", "DKK")


def test_a_currency_no_case_makes_known_is_still_refused_as_written():
    assert problems('[company]\nname = "A"\ncountry = "dk"\ncurrency = "dkr"\n') == [
        "company.currency: 'dkr' is not one of: 'DKK', 'NOK', 'SEK' or 'EUR'"]


def test_a_budget_currency_in_lower_case_is_read_too():
    toml = ('[company]\nname = "A"\ncountry = "DK"\n[budget]\ncurrency = "eur"\n'
            'scheme = "dk-smv-digital"\n[[budget.lines]]\ncategory = "consultancy"\n'
            'amount = 5000\n')
    assert problems(toml) == []


def test_a_currency_in_lower_case_in_a_json_line_is_read(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"company": {"name": "A", "country": "dk", "currency": "eur"}})
                   + "\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code in (0, 1), r.stderr
    assert ",A,DK,EUR," in r.stdout


def test_init_set_takes_a_currency_in_lower_case(tmp_path):
    """``init --set company.currency=nok`` said "'nok' is not one of the allowed values"."""
    out = tmp_path / "p.toml"
    r = run("init", str(out), "--non-interactive", "--set", "company.name=A",
            "--set", "company.country=no", "--set", "company.currency=nok", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert 'currency = "NOK"' in out.read_text(encoding="utf-8")


# --- (b) an amount written with its currency, or a multiplier --------------------------------

LINE = ("budget", "--scheme", "dk-smv-digital", "--as-of", AS_OF)


@pytest.mark.parametrize(("line", "hint"), [
    ("consultancy=5 DKK", "Hint: --line consultancy=5: the lines' amounts are in the company's "
                          "currency (the scheme's without a profile)"),
    ("consultancy=DKK 150000", "Hint: --line consultancy=150000: "),
    ("consultancy=kr. 150 000", "Hint: --line consultancy=150000: "),
    ("consultancy=150000,-", "Hint: --line consultancy=150000: "),
    ("consultancy=150000 €", "Hint: --line consultancy=150000: "),
    ("personnel=120h@650 DKK", "Hint: --line personnel=120h@650: "),
])
def test_a_line_written_with_its_currency_says_to_leave_the_currency_out(line, hint):
    """It said "'5 DKK' is not a number", the hint the forms a line takes."""
    r = run(*LINE, "--line", line)
    assert r.exit_code == 2, r.output
    assert "write the number alone, without its currency" in r.stderr
    assert hint in r.stderr


@pytest.mark.parametrize(("line", "hint"), [
    ("consultancy=5k", "Hint: --line consultancy=5000\n"),
    ("consultancy=2.5m", "Hint: --line consultancy=2500000\n"),
    ("consultancy=1.5 mio", "Hint: --line consultancy=1500000\n"),
    ("personnel=1k h@650", "Hint: --line personnel=1000h@650\n"),
])
def test_a_line_written_with_a_multiplier_gets_the_number_in_full(line, hint):
    r = run(*LINE, "--line", line)
    assert r.exit_code == 2, r.output
    assert ": write the number in full\n" in r.stderr and hint in r.stderr


def test_a_currency_and_an_ambiguous_number_says_both():
    r = run(*LINE, "--line", "consultancy=5.000 kr")
    assert r.exit_code == 2
    assert ("'5.000 kr': write the number alone, without its currency ('5.000' could be read "
            "two ways)") in r.stderr
    assert "as a decimal mark 5" in r.stderr


@pytest.mark.parametrize("line", ["consultancy=5 FTE", "consultancy=DKK", "consultancy=k"])
def test_what_is_no_number_with_a_currency_is_still_not_a_number(line):
    r = run(*LINE, "--line", line)
    assert r.exit_code == 2
    assert "is not a number\nHint: write e.g. 150000 or 120h@650" in r.stderr


def test_a_csv_cell_written_with_its_currency_names_the_cell_and_the_fix(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name,country,turnover\nA,DK,5000000 DKK\nB,DK,9.8m\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert ("in.csv:2: turnover: '5000000 DKK': write the number alone, without its currency; "
            "write 5000000: an amount is in the profile's currency (company.currency)"
            ) in r.stderr
    assert "in.csv:3: turnover: '9.8m': write the number in full; e.g. 9800000" in r.stderr


@pytest.mark.parametrize("plain", ["150000", "-5", "1e6", ".5", "5.", "1 500 000", "1_500_000"])
def test_numbers_without_a_currency_are_read_as_before(plain):
    from grantcheck.numbers import written_with

    assert written_with(plain) is None


# --- (c) an input that gives nothing is named ----------------------------------------------


@pytest.mark.parametrize(("content", "why"), [
    ("", "the file is empty"),
    ("\n\n", "no profile in the file (blank lines, or a CSV header row alone)"),
])
def test_a_batch_of_an_input_file_with_no_profile_names_the_file(tmp_path, content, why):
    """It said "nothing to check: no profiles found in the inputs", naming no file."""
    src = tmp_path / "in.jsonl"
    src.write_text(content, encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: --input {src}: nothing to check: {why}\n")


def test_a_batch_of_a_csv_of_a_header_alone_names_the_file(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name,country\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert f"Error: --input {src}: nothing to check: no profile in the file" in r.stderr


def test_a_batch_of_empty_folders_names_them(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    r = run("batch", str(tmp_path / "a"), str(tmp_path / "b"), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {tmp_path / 'a'}, {tmp_path / 'b'}: nothing to check: "
                               "no *.toml file in the folders\n")


def test_a_batch_of_an_empty_stdin_says_so():
    r = run("batch", "--input", "-", "--input-format", "jsonl", "--as-of", AS_OF, stdin="")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: --input -: nothing to check: stdin gave no profile\n")


@pytest.mark.parametrize("fmt", [(), ("--input-format", "cvr")])
def test_a_shortlist_of_an_empty_file_says_it_is_empty(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    r = run("shortlist", "--input", str(src), *fmt, "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == f"Error: --input {src}: nothing to screen: the file is empty\n"


# a gzip file given as JSON Lines or CSV was refused here ("is gzip-compressed"); it is now
# read through gzip, as batch -o FILE.gz writes it: test_misuse_tenth.py


# --- (d) ids whole on a terminal narrower than they are -------------------------------------

DATA = Path(__file__).resolve().parents[1] / "registry" / "data"
SCHEME_IDS = ("dk-innobooster-people", "dk-smv-digital", "no-bedriftsnettverk",
              "no-prosessinnovasjon", "se-saker-digitalisering")


def _at(columns: int, *args: str) -> str:
    from typer.testing import CliRunner

    from grantcheck.cli import app

    r = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": str(columns)})
    assert r.exit_code in (0, 1, 4), r.output
    return r.stdout


SCREENINGS = [("shortlist", "--input", str(DATA / "bolagsverket.txt"), "-f", "table",
               "--as-of", "2022-11-23"),
              ("shortlist", "--input", str(DATA / "mixed_enheter.csv"), "-f", "table",
               "--as-of", "2026-11-23"),
              ("schemes", "--as-of", "2026-11-23")]


@pytest.mark.parametrize("args", SCREENINGS,
                         ids=lambda a: " ".join(Path(x).name for x in a[:3]))
@pytest.mark.parametrize("columns", [1, 20, 40])
def test_every_scheme_id_is_whole_at_any_width(args, columns):
    """At 20 columns (COLUMNS=1 is drawn at 20) the shortlist's headline read
    "no-prosessinnovasj" / "on: 0 fit", its list "se-saker-digitaliser" / "ing"."""
    wide, narrow = _at(250, *args), _at(columns, *args)
    counts = {sid: wide.count(sid) for sid in SCHEME_IDS if sid in wide}
    assert counts
    assert {sid: narrow.count(sid) for sid in counts} == counts
    # past the edge only as one word longer than the line
    width = max(columns, 20)
    assert [line for line in narrow.splitlines() if len(line) > width
            and len(line.split()) > 1] == []


def test_a_field_path_longer_than_the_line_is_whole_in_match():
    args = ("match", str(Path(__file__).resolve().parents[2] / "profiles"
                         / "nordlys-automation.toml"), "--all", "--as-of", "2026-11-23")
    narrow = _at(20, *args)
    for word in ("se-saker-digitalisering", "process_or_organisational_innovation",
                 "company.registered_in_foretaksregisteret"):
        assert word in narrow


# --- (e) more found -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["", "abc", " - "])
def test_shortlist_explain_without_a_digit_is_refused_at_once(number):
    """``--explain ""`` read the whole file, then said "Error: --explain : no unit with that
    organisation number"."""
    r = run("shortlist", "--input", str(DATA / "mixed_enheter.csv"), "--explain", number,
            "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == (f"Error: --explain {number!r}: not an organisation or CVR number (it "
                        "has no digits)\nHint: give the number of a row of the shortlist (its "
                        "number column)\n")


@pytest.mark.parametrize(("args", "hint"), [
    (("--line", "Consultancy=5000"), "Hint: Did you mean 'consultancy'?\n"),
    (("--line", "consultancy=5000", "--tier", "T25"), "Hint: Did you mean 't25'?\n"),
])
def test_a_word_of_a_vocabulary_written_nearly_right_gets_a_did_you_mean(args, hint):
    """'Consultancy' was refused with the list of the 21 categories and no hint."""
    r = run(*LINE, *args)
    assert r.exit_code == 2
    assert r.stderr.endswith(hint)


def test_a_currency_written_nearly_right_gets_a_did_you_mean(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A"\ncountry = "DK"\ncurrency = "dkr"\n', encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert ("company.currency: 'dkr' is not one of: 'DKK', 'NOK', 'SEK' or 'EUR'\n"
            "Hint: Did you mean 'DKK'?\n") in r.stderr


def test_a_legal_form_written_as_the_registry_s_code_names_the_form(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A"\ncountry = "DK"\nlegal_form = "ApS"\n', encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert 'Hint: ApS is limited_company: write legal_form = "limited_company"\n' in r.stderr
    r = run("init", str(tmp_path / "q.toml"), "--non-interactive", "--set", "company.name=A",
            "--set", "company.country=NO", "--set", "company.legal_form=ENK", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.endswith("Hint: ENK is sole_trader: --set company.legal_form=sole_trader\n")


@pytest.mark.parametrize("content", ["", "\n  \n"])
@pytest.mark.parametrize("command", [("match",), ("validate",), ("budget", "--scheme",
                                                                 "dk-smv-digital")])
def test_an_empty_profile_says_it_is_empty(tmp_path, command, content):
    """It said "company: required field is missing", as for a file without [company]; the
    file may have been emptied by `grantcheck match p.toml > p.toml`."""
    p = tmp_path / "p.toml"
    p.write_text(content, encoding="utf-8")
    r = run(command[0], str(p), *command[1:], "--as-of", AS_OF) if command[0] != "validate" \
        else run("validate", str(p))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {p}: is empty\nHint: a profile starts with a [company] "
                               'table: name = "Nordlys Automation ApS" and country = "DK"')
    assert "a shell's > FILE empties FILE before the command runs" in r.stderr


def test_an_empty_stdin_says_it_is_empty():
    r = run("match", "-", "--as-of", AS_OF, stdin="")
    assert r.exit_code == 2
    assert r.stderr == "Error: <stdin>: is empty\nHint: send the profile in: - < FILE\n"


def test_batch_output_to_dev_stdout_says_to_leave_output_out(tmp_path):
    """/dev/stdout on a pipe is a FIFO: the hint was about dropping the records (/dev/null)."""
    import os

    src = tmp_path / "in.jsonl"
    src.write_text('{"company": {"name": "A", "country": "DK"}}\n', encoding="utf-8")
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    r = run("batch", "--input", str(src), "-o", str(fifo), "--force", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.endswith("Hint: give the name of a new or a regular file, or leave out "
                             "--output to write to stdout (> /dev/null drops the records)\n")
