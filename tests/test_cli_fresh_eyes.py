"""What a new user stumbled on, read with fresh eyes (2026-12-07): each test fails on the output
as it was. Presentation only: no verdict, amount or rule is touched. CliRunner, colour off, a
fixed --as-of, COLUMNS set."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.fx import table_last_date

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, columns: str = "80"):
    with contextlib.chdir(ROOT):
        return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": columns})


def words(text: str) -> str:
    return " ".join(text.split())


def test_match_names_every_missing_document_and_where_to_read_them_in_full():
    """Hardanger lacks two documents for Bedriftsnettverk: the table counted two and named only
    the first, and nothing said how to see the second."""
    for columns in ("80", "40"):
        r = run("match", "profiles/hardanger-prosess.toml", "--as-of", AS_OF, columns=columns)
        assert r.exit_code == 0, r.stdout + r.stderr
        out = words(r.stdout)
        assert "2 docs missing" in out
        assert ("Missing documents (in full: --explain): Intensjonsavtale; Bedriftsnettverk "
                "application form in Innovasjon Norge's e-application portal") in out


def test_a_document_the_profile_cannot_tell_is_needed_is_said_so():
    """Kvantia may need to explain its cvr.dk FTE figure: only if that figure is wrong."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert ("Missing documents (in full: --explain): SMV:Digital application; 1 more if "
            "needed") in words(r.stdout)


def test_the_explain_view_names_the_documents_in_full():
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", AS_OF, "--explain",
            "--scheme", "no-bedriftsnettverk")
    assert ("Missing documents: Intensjonsavtale (letter of intent) signed by the participating "
            "companies; Bedriftsnettverk application form in Innovasjon Norge's e-application "
            "portal") in words(r.stdout)


def test_show_points_a_mixed_rate_at_its_own_basis_column_not_at_itself():
    """`grantcheck show dk-smv-digital` said "mixed: see show" of the t250 voucher: the command
    the reader is reading. Its Basis column tells the rates; `schemes` still points at `show`."""
    r = run("show", "dk-smv-digital", "--as-of", AS_OF, columns="40")  # drawn as a list
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Aid rate: mixed: see Basis" in r.stdout.splitlines()
    r = run("show", "dk-smv-digital", "--as-of", AS_OF, columns="80")  # a table: a cell wraps
    assert [line.split("│")[3].strip() for line in r.stdout.splitlines()
            if line.startswith("│ t250")] == ["mixed:"]
    assert "see show" not in words(r.stdout)
    r = run("schemes", "--as-of", AS_OF, "--scheme", "dk-smv-digital", columns="120")
    assert "mixed: see show" in words(r.stdout)


def test_batch_says_a_stale_rate_warning_once_whatever_each_company_s_currency():
    """Past the shipped rate table, a batch of Danish, Norwegian and Swedish profiles said the
    same stale-rate warning three times, its currencies in three orders."""
    last = table_last_date()
    on = (last.replace(day=1) + timedelta(days=70)).replace(day=7)  # past the table's month
    r = run("batch", "profiles/", "--as-of", on.isoformat(), "--jobs", "1")
    assert r.exit_code == 0, r.stdout + r.stderr
    stale = [line for line in r.stderr.replace("\n  ", " ").splitlines()
             if line.startswith("Warning: the ") and " rate" in line]
    assert stale
    assert len(stale) == len({frozenset(w.replace(",", "").split()) for w in stale}), stale


def test_the_command_list_of_help_cuts_no_description():
    """`grantcheck --help` listed "Check a draft project budget against a scheme's cost
    rules,..." and six more cut so: each command's first sentence is now there whole, wrapped."""
    for columns in ("80", "40"):
        r = run("--help", columns=columns)
        assert r.exit_code == 0, r.stdout + r.stderr
        listed = words(r.stdout.split("Commands:", 1)[1])
        assert "..." not in listed
        assert "cost rules, line by line." in listed
        assert ("Which companies of a registry screening are the best prospects: ranked by "
                "verdict, grant and the fewest answers that settle it." in listed)


def test_a_budget_line_says_its_project_year_once():
    """Fjordnett's lines read "administration → project year 1", then "year 1" again below."""
    r = run("budget", "profiles/fjordnett-network.toml", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stdout + r.stderr
    table = r.stdout.split("Budget lines (NOK)", 1)[1].split("Total budget", 1)[0]
    line_column = words(" ".join(line[3:22] for line in table.splitlines()))
    assert line_column.count("project year 1") == 5  # its five lines, each once
    assert line_column.count("year 1") == 5


def test_the_details_command_of_a_profile_read_from_stdin_names_stdin_as_a_shell_does():
    """`grantcheck match - < profile.toml` ended "Details: grantcheck match <stdin> --explain …",
    which a shell reads as redirections."""
    profile = (ROOT / "profiles" / "kvantia-startup.toml").read_text(encoding="utf-8")
    with contextlib.chdir(ROOT):
        r = runner.invoke(app, ["match", "-", "--as-of", AS_OF], input=profile,
                          env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "<stdin>" not in r.stdout
    assert words(r.stdout).endswith(
        "Details: grantcheck match - --explain --scheme dk-smv-digital")


def test_a_command_to_copy_quotes_a_path_with_a_space(tmp_path):
    folder = tmp_path / "client files"
    folder.mkdir()
    profile = folder / "kvantia.toml"
    profile.write_text((ROOT / "profiles" / "kvantia-startup.toml").read_text(encoding="utf-8"),
                       encoding="utf-8")
    r = run("match", str(profile), "--as-of", AS_OF, columns="200")
    assert f"Details: grantcheck match '{profile}' --explain" in r.stdout
    written = folder / "new.toml"
    r = run("init", str(written), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS", "--as-of", AS_OF, columns="200")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert f"Next: grantcheck match '{written}'" in r.stderr


def test_at_40_columns_an_indented_field_path_is_never_folded_in_two():
    """`match --all` at 40 columns printed "company.registered_in_foretaksregister" and "et" on
    two lines, and `show` folded "project.advisor_conflict_of_interest" so: the indent gives
    way to a word that it would otherwise fold; a word wider than the width itself stands alone
    on its line, whole, past the edge (misuse9: it was folded)."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF, "--all", columns="40")
    assert "company.registered_in_foretaksregisteret" in r.stdout
    r = run("show", "dk-smv-digital", "--as-of", AS_OF, columns="40")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "project.advisor_conflict_of_interest" in r.stdout
    assert all(len(line) <= 40 for line in r.stdout.splitlines() if len(line.split()) > 1)
    assert "\nsmv_implementation_technology_within_years\n" in r.stdout  # 42 wide, whole
    # at 80 columns the indents are as they were
    r = run("show", "dk-smv-digital", "--as-of", AS_OF, columns="80")
    assert "      reads: project.advisor_conflict_of_interest" in r.stdout


def test_init_does_not_count_the_country_question_as_one_of_one(tmp_path):
    """The first question read "question 1 of 1", the next "question 2 of 39", the last "40 of
    40": the country decides how many there are, so its own question has no total, and the
    total counts it."""
    answers = "DK\nAcme ApS\n" + "\n" * 80
    with contextlib.chdir(tmp_path):
        r = runner.invoke(app, ["init", "acme.toml", "--as-of", AS_OF], input=answers,
                          env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 0, r.stdout + r.stderr
    counters = [line for line in r.stderr.splitlines() if line.startswith("question ")]
    assert counters[0] == "question 1"
    total = counters[1].rsplit(" ", 1)[1]
    assert counters[1] == f"question 2 of {total}" and int(total) > 2
    assert counters[-1] == f"question {len(counters)} of {total}"


def test_a_long_list_of_missing_documents_names_the_first_four_and_counts_the_rest(tmp_path):
    """A Swedish promoter's view of the open Säker digitalisering call would list its ten
    documents, over seven lines: four are named, the rest counted."""
    profile = tmp_path / "park.toml"
    profile.write_text('[company]\nname = "Park AB"\ncountry = "SE"\n', encoding="utf-8")
    r = run("match", str(profile), "--as-of", "2022-10-01")
    assert ("Missing documents (in full: --explain): Number of participating companies; "
            "Estimated time the companies take part; Estimated split of women and men "
            "representing the companies; Relevant competence and experience; and 6 more "
            "Answer these ") in words(r.stdout)


def test_init_wraps_its_questions_as_every_message_on_stderr_is_wrapped(tmp_path):
    """init's questions were wrapped by Rich: a continuation line at the margin ("(dk-smv-digital)"
    under "  DK: …"), a line ending in a space. Now as the README says of stderr: continuation
    lines indented (two more than the first), and piped without COLUMNS one line each."""
    answers = "DK\nAcme ApS\n" + "\n" * 80
    with contextlib.chdir(tmp_path):
        r = runner.invoke(app, ["init", "acme.toml", "--as-of", AS_OF], input=answers,
                          env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 0, r.stdout + r.stderr
    lines = r.stderr.splitlines()
    assert all(len(line) <= 80 and not line.endswith(" ") for line in lines
               if not line.endswith("> ") and "> " not in line), r.stderr
    i = next(n for n, line in enumerate(lines) if line.startswith("  DK: "))
    assert lines[i + 1].startswith("    ") and "(dk-smv-digital)" in lines[i + 1]
    with contextlib.chdir(tmp_path):
        r = runner.invoke(app, ["init", "piped.toml", "--as-of", AS_OF], input=answers,
                          env={"NO_COLOR": "1", "COLUMNS": ""})
    assert r.exit_code == 0, r.stdout + r.stderr
    assert any(line.startswith("  DK: ") and line.endswith("SMV:Digital (dk-smv-digital)")
               for line in r.stderr.splitlines())
