"""Answer first: the first line of each command a person runs says what fits and for how much,
or what the command concluded, at 80 and at 200 columns; no figure or id is cut or split from
its currency; what was left out is said in one line with how to see it; stderr carries only
talk. (batch's and budget's first lines: tests/test_batch.py, tests/test_cli_budget_shown.py;
shortlist's: tests/registry/test_shortlist.py.)"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).parent.parent
PROFILES = ROOT / "profiles"
AS_OF = "2026-11-23"
WIDTHS = ("80", "200")
runner = CliRunner()


def run(*args: str, columns: str):
    return runner.invoke(app, list(args), env={"COLUMNS": columns, "NO_COLOR": "1"})


def first_paragraph(text: str) -> str:
    """The first lines up to the first that starts a new part (a table, "Rates:", the agency
    line), joined as one line: what the answer says whatever the width wrapped it to."""
    lines = []
    for line in text.splitlines():
        if line.startswith((" ", "Rates:", "Scheme ", "Innovasjon Norge ·",
                            "Erhvervsstyrelsen ·", "Tillväxtverket ·", "Innovationsfonden ·")):
            break
        lines.append(line)
    return " ".join(" ".join(lines).split())


def no_amount_split(text: str) -> bool:
    """No currency code ends a line whose next line starts with its amount, and no line
    starts with the per cent sign of a figure the line before ends with."""
    lines = [line.strip() for line in text.splitlines()]
    return not any(
        (a.endswith((" DKK", " NOK", " SEK", " EUR")) and b[:1].isdigit())
        or (a[-1:].isdigit() and b.startswith("%")) for a, b in pairwise(lines))


@pytest.mark.parametrize("columns", WIDTHS)
def test_match_says_what_fits_for_how_much_and_what_it_left_out(columns) -> None:
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", AS_OF,
            columns=columns)
    assert r.exit_code == 0
    assert first_paragraph(r.stdout) == (
        "Nordlys Automation ApS (DK) on 2026-11-23: 1 scheme fits — SMV:Digital, up to "
        "DKK 220,000 (own funding DKK 460,000); 1 needs information; 3 not shown (other "
        "country, closed).")
    left_out = " ".join(r.stdout.split("Not shown:", 1)[1].split("\n\n", 1)[0].split())
    assert left_out.endswith("--all shows all 5.")
    assert no_amount_split(r.stdout)
    assert all(line.startswith(("Warning:", "  ")) for line in r.stderr.splitlines())


@pytest.mark.parametrize("columns", WIDTHS)
def test_match_with_no_fit_names_what_answers_could_bring(columns) -> None:
    """No scheme fits: the schemes that need information are the answer, each with the most
    it could give (before: "2 need information", with no scheme or amount); a grant that waits
    for a fact (Prosessinnovasjon's, on the size) is not called uncapped."""
    r = run("match", str(PROFILES / "kvantia-startup.toml"), "--as-of", AS_OF, columns=columns)
    assert r.exit_code == 1
    assert first_paragraph(r.stdout) == (
        "Kvantia ApS (DK) on 2026-11-23: no scheme fits yet — 2 need information "
        "(SMV:Digital, up to DKK 25,000; Prosess- og organisasjonsinnovasjon); "
        "3 not shown (other country, closed).")
    assert no_amount_split(r.stdout)


def test_match_with_nothing_within_reach_says_so() -> None:
    r = run("match", str(PROFILES / "danbyg-holding.toml"), "--as-of", AS_OF, columns="200")
    assert r.stdout.splitlines()[0] == (
        "Danbyg Holding A/S (DK) on 2026-11-23: no scheme fits — 2 do not fit; 3 not shown "
        "(other country, closed).")


@pytest.mark.parametrize("columns", WIDTHS)
def test_schemes_says_which_are_open_and_for_how_much(columns) -> None:
    r = run("schemes", "--as-of", AS_OF, columns=columns)
    assert r.exit_code == 0 and r.stderr == ""
    assert first_paragraph(r.stdout) == (
        "5 schemes on 2026-11-23: 3 open — SMV:Digital up to DKK 250,000, Bedriftsnettverk "
        "(main projects) up to NOK 750,000, Prosess- og organisasjonsinnovasjon (no cap "
        "stated); 2 closed (dk-innobooster-people, se-saker-digitalisering).")
    assert no_amount_split(r.stdout)


def test_schemes_names_a_scheme_with_no_rules_for_the_date() -> None:
    r = run("schemes", "--as-of", "2027-06-01", columns="200")
    assert first_paragraph(r.stdout) == (
        "5 schemes on 2027-06-01: 2 open — SMV:Digital up to DKK 250,000, Bedriftsnettverk "
        "(main projects) up to NOK 750,000; 2 closed (dk-innobooster-people, "
        "se-saker-digitalisering); 1 with no rules encoded for the date "
        "(no-prosessinnovasjon).")


@pytest.mark.parametrize(("scheme", "first"), [
    ("no-bedriftsnettverk", "Bedriftsnettverk (main projects) (no-bedriftsnettverk) on "
     "2026-11-23: open, continuous intake, no deadline; up to NOK 750,000"),
    ("dk-smv-digital", "SMV:Digital (dk-smv-digital) on 2026-11-23: grant pools open from time "
     "to time, first come first served; a pool must be open when you apply (the page names no "
     "dates); up to DKK 250,000"),
    ("no-prosessinnovasjon", "Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon) on "
     "2026-11-23: open, no deadline stated; no cap stated"),
    ("se-saker-digitalisering", "Stärk företagens konkurrenskraft med säker digitalisering "
     "(pilot) (se-saker-digitalisering) on 2026-11-23: closed since 2023-03-01 (last open day); "
     "up to SEK 10,000,000"),
])
@pytest.mark.parametrize("columns", WIDTHS)
def test_show_says_the_call_on_the_date_and_the_most_the_scheme_gives(scheme, first,
                                                                       columns) -> None:
    r = run("show", scheme, "--as-of", AS_OF, columns=columns)
    assert r.exit_code == 0 and r.stderr == ""
    assert first_paragraph(r.stdout) == first
    assert no_amount_split(r.stdout)


def test_show_prints_the_pages_link_whole_on_a_narrow_terminal() -> None:
    url = ("<https://www.innovasjonnorge.no/no/tjenester/innovasjon-og-utvikling/"
           "samarbeid-klynger-nettverk/bedriftsnettverk/>")
    r = run("show", "no-bedriftsnettverk", "--as-of", AS_OF, columns="80")
    assert url in r.stdout.splitlines()


@pytest.mark.parametrize("columns", WIDTHS)
def test_validate_says_each_file_is_ok_and_a_problem_on_stderr(columns, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[company]\nname = "X"\ncountry = "DK"\nemployees_fte = -3\n',
                   encoding="utf-8")
    good = str(PROFILES / "kvantia-startup.toml")
    r = run("validate", good, str(bad), columns=columns)
    assert r.exit_code == 2
    assert r.stdout.splitlines() == [f"{good}: OK"]
    talk = " ".join(r.stderr.split())  # stderr is wrapped to COLUMNS too
    assert talk.startswith(f"Error: {bad}:4: company.employees_fte: must not be negative")
    assert talk.endswith("1 of 2 profiles has problems.")


def test_init_says_what_it_wrote_and_what_to_do_next_on_stderr(tmp_path) -> None:
    out = tmp_path / "acme.toml"
    r = run("init", str(out), "--non-interactive", "--set", "company.name=Acme ApS", "--set",
            "company.country=DK", "--as-of", AS_OF, columns="200")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.splitlines()[0].startswith(f"Wrote {out}: 2 answers, ")
    # on the date the questions were chosen for (round 13: match's default is today)
    assert r.stderr.splitlines()[-1] == f"Next: grantcheck match {out} --as-of {AS_OF}"


@pytest.mark.parametrize("columns", WIDTHS)
def test_shortlist_says_how_many_can_fit_first_and_what_top_left_out(columns) -> None:
    extract = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"
    r = run("shortlist", "--input", str(extract), "--as-of", AS_OF, "--format", "table",
            "--top", "2", columns=columns)
    assert r.exit_code == 0 and r.stderr == ""
    assert " ".join(r.stdout.split("\n  ", 1)[0].split()) == (
        "5 units screened on 2026-11-23: 4 of 5 companies can still fit a scheme (0 fit, 4 need "
        "information, 1 does not fit).")
    last = " ".join(r.stdout.rsplit("\n1 ", 1)[-1].split("\n2 of 5", 1)[1].split())
    assert last.startswith("companies shown (leave out --top for all), each by its best")
    assert no_amount_split(r.stdout)


def test_outreach_says_what_it_wrote_on_stderr_and_nothing_on_stdout(tmp_path) -> None:
    extract = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"
    r = run("outreach", "--input", str(extract), "--as-of", AS_OF, "--scheme",
            "no-prosessinnovasjon", "--out", str(tmp_path / "pack"), columns="200")
    assert r.exit_code == 0 and r.stdout == ""
    assert " ".join(r.stderr.split()) == (
        f"Wrote the pack of 3 companies to {tmp_path / 'pack'} (3 of 5 can still fit a "
        f"scheme; {tmp_path / 'pack' / 'summary.md'}).")
