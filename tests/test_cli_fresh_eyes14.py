"""A new user's read, fourteenth round: a company owner, a grant adviser and a business-promotion
office follow the README, docs/ and each command's --help; what each saw that the help, the
docs and the behaviour did not agree on, or that an error did not say plainly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import flat
from tests.support import run_in_checkout as run

AS_OF = "2026-11-23"


# --- budget --help: every reason for exit code 1 ----------------------------------------------


def test_budget_help_names_every_reason_for_exit_code_1(tmp_path: Path) -> None:
    """A profile no open scheme can fit exits 1 with nothing checked ("nothing to check the
    budget against"): README and docs/budget.md said so, budget --help did not."""
    text = (Path(__file__).parent.parent / "profiles" / "norrsken-science-park.toml").read_text(
        encoding="utf-8")
    profile = tmp_path / "norrsken.toml"  # its Swedish call closed: no open scheme fits it
    profile.write_text(text.replace('scheme = "se-saker-digitalisering"', ""), encoding="utf-8")
    r = run("budget", str(profile), "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "nothing to check the budget against" in r.stderr
    shown = flat(run("budget", "--help", columns="200").stdout)
    assert ("1 when one breaks a rule, needs information or is for a closed call, or when the "
            "profile fits no open scheme and needs information for none (nothing to check it "
            "against), 2 on bad input") in shown


# --- a date in a profile that is no day -------------------------------------------------------


def _validate(tmp_path: Path, value: str) -> str:
    profile = tmp_path / "p.toml"
    profile.write_text(f'[company]\nname = "X"\ncountry = "DK"\nfounded = {value}\n',
                       encoding="utf-8")
    r = run("validate", str(profile))
    assert r.exit_code == 2, r.stdout + r.stderr
    return r.stderr.splitlines()[0]


def test_a_month_past_12_or_a_day_past_31_is_named_as_no_day_at_the_dates_column(
        tmp_path: Path) -> None:
    """`founded = 2020-13-01` said "TOML syntax error: Expected newline or end of document
    after a statement" at column 13 (the parser read 2020 as a number and stopped at the '-');
    2020-02-30 was already named ("is no day: February 2020 has 29 days")."""
    assert _validate(tmp_path, "2020-13-01").endswith(
        "p.toml:4:11: TOML syntax error: 2020-13-01 is no day: a month is 01 to 12")
    assert _validate(tmp_path, "2020-12-32").endswith(
        "p.toml:4:11: TOML syntax error: 2020-12-32 is no day: December 2020 has 31 days")
    assert _validate(tmp_path, "2020-00-10").endswith(
        "TOML syntax error: 2020-00-10 is no day: a month is 01 to 12")
    # the other side: a day of the calendar is read, one the parser sees as a date is said so
    assert _validate(tmp_path, "2020-02-30").endswith(
        "p.toml:4:11: TOML syntax error: 2020-02-30 is no day: February 2020 has 29 days")


def test_a_date_without_two_digits_for_the_month_is_said_to_be_written_yyyy_mm_dd(
        tmp_path: Path) -> None:
    assert _validate(tmp_path, "2020-1-05").endswith(
        "p.toml:4:11: TOML syntax error: 2020-1-05 is not a date: TOML writes one YYYY-MM-DD, "
        "two digits for the month and the day")
    # a number followed by something else is still the parser's own words
    assert _validate(tmp_path, "2020 x").endswith(
        "TOML syntax error: Expected newline or end of document after a statement")


# --- budget --line: errors and fixes name the options typed -----------------------------------


def test_a_bad_line_option_is_named_as_typed_not_as_the_budget_field_it_became() -> None:
    """`--line consultancy=100 --line hardwre=5` said "Error: --line:
    budget.lines[1].category: 'hardwre' is not one of …": the user typed no budget.lines[1]."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=100", "--line",
            "hardwre=5", "--line", "personnel=-10", "--tier", "t9")
    assert r.exit_code == 2, r.stdout + r.stderr
    errors = [e for e in r.stderr.splitlines() if e.startswith("Error: ")]
    assert any(e.startswith("Error: --line 'hardwre=5': category: 'hardwre' is not one of:")
               for e in errors)
    assert "Hint: Did you mean 'hardware'?" in r.stderr
    assert "Error: --line 'personnel=-10': amount: must not be negative (got -10)" in errors
    assert "Error: --tier: budget.tier: 't9' is not one of: 't25', 't100' or 't250'" in errors
    assert "budget.lines[" not in r.stderr
    # the other side: a budget file's lines are still named by their field and line
    text = '[budget]\nscheme = "dk-smv-digital"\n[[budget.lines]]\ncategory = "hardwre"\n' \
           'amount = 5\n'
    from typer.testing import CliRunner

    from grantcheck.cli import app

    r = CliRunner().invoke(app, ["budget", "-", "--as-of", AS_OF], input=text,
                           env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert r.exit_code == 2
    assert "Error: <stdin>:4: budget.lines[0].category: 'hardwre' is not one of" in r.stderr


def _hours_line(*more: str) -> object:
    return run("budget", "--scheme", "dk-smv-digital", "--line", "personnel=200h@300", *more,
               "--tier", "t100", "--start", "2027-01-04", "--end", "2027-12-17", "--as-of",
               AS_OF, columns="200")


def test_a_line_option_whose_line_needs_a_field_says_it_needs_a_file_in_the_lines_table() -> None:
    """Own hours on --line: the rules table said "budget.lines[0].gross_annual_salary has no
    option: write the budget as a file", the lines table above it "→ state
    budget.lines[0].gross_annual_salary", which no option states."""
    r = _hours_line()
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "→ state budget.lines[0]" not in r.stdout
    lines_part = r.stdout.split("Budget rules", 1)[0]
    assert ("→ budget.lines[0].gross_annual_salary has no option: write the budget as a file "
            "with [budget] (docs/budget.md)") in flat(lines_part)


def test_the_first_line_says_the_undecided_lines_its_grant_leaves_out() -> None:
    """A line whose eligibility is unknown (own hours without the salary basis) is left out of
    the grant: the first line said "grant DKK 50,000, own funding DKK 50,000" as if settled;
    the totals said "Undecided DKK 60,000" further down."""
    first = flat(_hours_line("--line", "consultancy=100000").stdout.split("Budget lines")[0])
    assert first.endswith("needs information — grant DKK 50,000, own funding DKK 50,000 (1 line "
                          "undecided, DKK 60,000, not counted); call open · no dates")
    # the other side: every line decided, nothing said
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=100000", "--tier",
            "t100", "--start", "2027-01-04", "--end", "2027-12-17", "--as-of", AS_OF,
            columns="200")
    assert "undecided" not in r.stdout.split("Budget lines")[0]


# --- shortlist: what --top leaves out, and --explain's answer first ---------------------------

REGISTRY = "tests/registry/data/mixed_enheter.csv"


def test_shortlist_csv_cut_by_top_says_on_stderr_how_many_it_left_out() -> None:
    """The table said "2 of 5 companies shown (leave out --top for all)"; the CSV (the default
    when piped) said nothing of the companies --top left out."""
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "--top", "2", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 3  # the header and two companies
    assert ("2 of 5 companies written, the first by their best prospect (leave out --top for "
            "all).") in r.stderr.splitlines()
    # the other side: every company written, nothing said
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "--top", "5", "-f", "csv")
    assert len(r.stdout.splitlines()) == 6
    assert "companies written" not in r.stderr


def test_shortlist_explain_starts_with_the_answer_as_match_explain_does() -> None:
    """`shortlist --explain NUMBER` started with "grantcheck — FJORDLYS AS (…)", a title; `match
    --explain` starts with the answer in one sentence."""
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "--explain", "923609016")
    assert r.exit_code == 0, r.stderr
    first = flat(r.stdout.split("grantcheck — ")[0])
    assert first.startswith("FJORDLYS AS (NO) on 2026-11-23: no scheme fits yet — 2 need "
                            "information (Bedriftsnettverk (main projects), up to NOK 750,000;")
    m = run("match", "profiles/nordlys-automation.toml", "--as-of", AS_OF, "--explain")
    assert m.stdout.startswith("Nordlys Automation ApS (DK) on 2026-11-23: 1 scheme fits")
    assert m.stdout.count("Nordlys Automation ApS (DK) on 2026-11-23:") == 1  # said once


# --- every command's --help says its exit codes as the code gives them ------------------------


def test_init_help_says_its_exit_codes(tmp_path: Path) -> None:
    """init --help said no exit code; README says 0, 2 (an answer it cannot use, an existing
    file without --force, input that ended early) and 130 with a draft."""
    shown = flat(run("init", "--help", columns="200").stdout)
    assert ("Exit code 0 when the profile is written; 2 on an answer or --set it cannot use, an "
            "existing file without --force, or input that ends before the last question; 130 "
            "after Ctrl-C") in shown
    target = tmp_path / "a.toml"
    target.write_text("", encoding="utf-8")
    assert run("init", str(target), "--non-interactive", "--set", "company.country=DK",
               "--set", "company.name=A").exit_code == 2  # an existing file without --force


def test_outreach_help_says_it_exits_2_when_it_keeps_a_filled_answers_file(
        tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    assert run("outreach", "--input", REGISTRY, "--as-of", AS_OF, "--out",
               str(pack)).exit_code == 0
    answers = sorted(pack.glob("*.toml"))[0]
    text = answers.read_text(encoding="utf-8")
    assert "# economic_activity_in_norway = \n" in text
    answers.write_text(text.replace("# economic_activity_in_norway = \n",
                                    "economic_activity_in_norway = true\n"), encoding="utf-8")
    r = run("outreach", "--input", REGISTRY, "--as-of", AS_OF, "--out", str(pack), "--force")
    assert r.exit_code == 2 and "1 answers file was not replaced" in r.stderr
    shown = flat(run("outreach", "--help", columns="200").stdout)
    assert ("2 on bad input, or when answers filled in since were kept, not replaced (the rest "
            "were written); 130 after Ctrl-C") in shown


def test_batch_help_says_an_input_cut_short_exits_2(tmp_path: Path) -> None:
    import gzip

    packed = gzip.compress((Path(__file__).parent.parent / REGISTRY).read_bytes())
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(packed[:-30])
    r = run("batch", "--input", str(cut), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 2 and "cannot be read to its end" in r.stderr
    shown = flat(run("batch", "--help", columns="200").stdout)
    assert ("2 on bad usage or nothing to check, or an --input that cannot be read to its end "
            "(those before the break written)") in shown


# --- a profile's name typed short -------------------------------------------------------------


def test_a_missing_profile_with_a_close_name_beside_it_is_named_in_the_hint() -> None:
    """`grantcheck match profiles/nordlys.toml` said "no such file" and nothing else, while
    profiles/nordlys-automation.toml is right there."""
    r = run("match", "profiles/nordlys.toml", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["Error: profiles/nordlys.toml: no such file",
                                     "Hint: did you mean 'profiles/nordlys-automation.toml'?"]
    r = run("budget", "profiles/kvantia.toml", "--scheme", "dk-smv-digital", "--as-of", AS_OF)
    assert r.exit_code == 2 and "did you mean 'profiles/kvantia-startup.toml'?" in r.stderr
    # the other side: no name close to it, no hint
    r = run("match", "profiles/no-such-profile.toml", "--as-of", AS_OF)
    assert r.stderr.splitlines() == ["Error: profiles/no-such-profile.toml: no such file"]


def test_a_set_value_the_profile_refuses_is_named_as_the_set_it_came_from() -> None:
    """`--set company.country=Denmark` said "Error: --set: company.country: …", where a --set
    that cannot be read says "Error: --set company.turnover: …"."""
    r = run("init", "-", "--non-interactive", "--set", "company.country=Denmark", "--set",
            "company.name=X")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == (
        "Error: --set company.country: must be a two-letter country code such as DK, NO or SE "
        "(got 'Denmark')")
    r = run("init", "-", "--non-interactive", "--set", "company.country=DK", "--set",
            "company.name=X", "--set", "company.turnover=2,5")  # the other kind, as before
    assert r.stderr.splitlines()[0].startswith("Error: --set company.turnover: '2,5': ")


# --- show and budget page a long output, as match does ----------------------------------------


def _on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str
                   ) -> tuple[Any, str]:
    """``grantcheck ARGS`` as on a terminal, its pager a command that writes what it is given to
    a file: the result, and what the pager got."""
    import shlex

    from typer.testing import CliRunner

    from grantcheck.cli import app

    paged = tmp_path / "paged.txt"
    monkeypatch.setattr("grantcheck.cli.pager._stdout_is_terminal", lambda: True)
    r = CliRunner().invoke(app, list(args), env={
        "NO_COLOR": "1", "COLUMNS": "80", "LINES": "24",
        "GRANTCHECK_PAGER": f"sh -c {shlex.quote('cat > ' + shlex.quote(str(paged)))}"})
    return r, paged.read_text(encoding="utf-8") if paged.exists() else ""


def test_show_pages_its_long_output_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """`show dk-smv-digital` is some 900 lines at 80 columns: on a terminal they scrolled past,
    its first line (the answer) with them, where match's long output goes through the pager."""
    r, paged = _on_a_terminal(monkeypatch, tmp_path, "show", "dk-smv-digital", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert paged.startswith("SMV:Digital (dk-smv-digital) on 2026-11-23: grant pools open")
    # the other side: --no-pager writes it as it is
    (tmp_path / "paged.txt").unlink()
    r, paged = _on_a_terminal(monkeypatch, tmp_path, "show", "dk-smv-digital", "--as-of", AS_OF,
                              "--no-pager")
    assert paged == ""
    assert r.stdout.startswith("SMV:Digital (dk-smv-digital) on 2026-11-23")


def test_budget_explain_pages_its_long_output_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    profile = Path(__file__).parent.parent / "profiles" / "nordlys-automation.toml"
    r, paged = _on_a_terminal(monkeypatch, tmp_path, "budget", str(profile), "--as-of", AS_OF,
                              "--explain")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert paged.startswith("SMV:Digital (dk-smv-digital) · tier up to DKK 250,000 (t250): "
                            "complies")


def test_shortlist_csv_says_each_schemes_line_on_stderr_as_batch_does(tmp_path: Path) -> None:
    """With csv, shortlist's stderr indented each scheme's line by two spaces, as a message
    wrapped to the width continues: at 80 columns the answer's second line and the first
    scheme's line looked alike. batch's stderr has them at the start of the line."""
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "-f", "csv", columns="80")
    said = r.stderr.splitlines()  # each message on a line: an indented one joins the one above
    assert said[0].startswith("5 units screened on 2026-11-23: 4 of 5 companies can still fit")
    assert any(line.startswith("no-bedriftsnettverk: 0 fit, 3 need information") for line in said)
    assert not any(line.startswith("  no-") for line in said)
    b = run("batch", "--input", REGISTRY, "--as-of", AS_OF, "-o", str(tmp_path / "fits.csv"),
            columns="80")
    assert any(line.startswith("no-bedriftsnettverk: 0 fit, 3 need information")
               for line in b.stderr.splitlines())
