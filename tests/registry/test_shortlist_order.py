"""The shortlist's order on small hand-made Enhetsregisteret extracts: a company ranks by its
best prospect (the scheme with the highest grant, then the fewest facts that settle it), so
the questions of a scheme it can also get do not count against it; companies out of every
scheme come last. Each tie-break is run with the two companies in both input orders, on both
sides of the tie."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

AS_OF = "2026-11-23"
NORWEGIAN = ["--scheme", "no-prosessinnovasjon", "--scheme", "no-bedriftsnettverk"]
HEADER = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
          "harRegistrertAntallAnsatte,antallAnsatte,forretningsadresse.landkode,stiftelsesdato,"
          "registrertIForetaksregisteret,konkurs,konkursdato\n")
# an IT firm, which needs answers for both Norwegian schemes (NOK 750,000 at most from
# Bedriftsnettverk, Prosessinnovasjon's amount not known yet)
IT_FIRM = "923609016,KODE AS,AS,62.010,true,12,NO,2019-06-03,true,false,\n"
# a salmon farm, out of Prosessinnovasjon (PO12: GBER art. 1(3)(a)), needing answers for
# Bedriftsnettverk only
FISH_FARM = "999888777,HAVBRUK AS,AS,03.211,true,12,NO,2019-06-03,true,false,\n"
# bankrupt since before the evaluation date: out of both (PO11, BN06)
BANKRUPT = "987654321,KONKURS AS,AS,47.110,false,,NO,2015-01-01,true,true,2025-09-15\n"
runner = CliRunner()


def shortlist(tmp_path: Path, units: list[str], answered: tuple[str, ...] = ()
              ) -> list[dict[str, str]]:
    """The csv rows of the shortlist of ``units``; ``answered``: the organisation numbers
    that have answered one of Bedriftsnettverk's questions (network.project_year)."""
    extract = tmp_path / "enheter.csv"
    extract.write_text(HEADER + "".join(units), encoding="utf-8")
    args = ["shortlist", "--input", str(extract), "--as-of", AS_OF, *NORWEGIAN, "--format",
            "csv"]
    if answered:
        answers = tmp_path / "answers"
        answers.mkdir(exist_ok=True)
        for number in answered:
            (answers / f"{number}.toml").write_text(
                f'[company]\norg_number = "{number}"\n[network]\nproject_year = 1\n',
                encoding="utf-8")
        args += ["--profiles", str(answers)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def names(rows: list[dict[str, str]]) -> list[str]:
    return [row["name"] for row in rows]


@pytest.mark.parametrize("units", [[IT_FIRM, FISH_FARM], [FISH_FARM, IT_FIRM]])
def test_a_scheme_a_company_is_out_of_does_not_put_it_ahead(tmp_path, units) -> None:
    """Both have the same best prospect, Bedriftsnettverk at NOK 750,000 with 9 facts to
    settle it: the IT firm's 12 more for Prosessinnovasjon do not rank it below the fish farm
    (before, its 21 questions in all did); the tie keeps the input order."""
    rows = shortlist(tmp_path, units)
    assert names(rows) == ["KODE AS" if units[0] is IT_FIRM else "HAVBRUK AS",
                           "HAVBRUK AS" if units[0] is IT_FIRM else "KODE AS"]
    by_name = {row["name"]: row for row in rows}
    assert [(by_name[n]["best_scheme"], by_name[n]["best_scheme_questions"],
             by_name[n]["open_questions"], by_name[n]["max_grant"])
            for n in ("KODE AS", "HAVBRUK AS")] == [
        ("no-bedriftsnettverk", "9", "21", "750000"),
        ("no-bedriftsnettverk", "9", "9", "750000")]


@pytest.mark.parametrize("units", [[IT_FIRM, FISH_FARM], [FISH_FARM, IT_FIRM]])
def test_the_it_firm_one_fact_nearer_its_best_prospect_ranks_first(tmp_path, units) -> None:
    """8 facts settle the IT firm's Bedriftsnettverk, 9 the fish farm's: the IT firm first,
    in either input order, though it has 20 open questions in all against 9."""
    rows = shortlist(tmp_path, units, answered=("923609016",))
    assert names(rows) == ["KODE AS", "HAVBRUK AS"]
    assert [(r["best_scheme_questions"], r["open_questions"]) for r in rows] == [
        ("8", "20"), ("9", "9")]


@pytest.mark.parametrize("units", [[IT_FIRM, FISH_FARM], [FISH_FARM, IT_FIRM]])
def test_the_fish_farm_one_fact_nearer_its_best_prospect_ranks_first(tmp_path, units) -> None:
    """The other side of the tie: 8 facts settle the fish farm's Bedriftsnettverk, 9 the IT
    firm's, so the fish farm comes first in either input order."""
    rows = shortlist(tmp_path, units, answered=("999888777",))
    assert names(rows) == ["HAVBRUK AS", "KODE AS"]
    assert [r["best_scheme_questions"] for r in rows] == ["8", "9"]


@pytest.mark.parametrize("units", [[BANKRUPT, FISH_FARM], [FISH_FARM, BANKRUPT]])
def test_a_company_out_of_every_scheme_comes_last(tmp_path, units) -> None:
    """KONKURS AS, with no question left to ask, after the fish farm with its 9."""
    rows = shortlist(tmp_path, units)
    assert names(rows) == ["HAVBRUK AS", "KONKURS AS"]
    assert (rows[1]["verdict"], rows[1]["best_scheme"], rows[1]["best_scheme_questions"]) == (
        "does not fit", "", "")


@pytest.mark.parametrize("units", [[IT_FIRM, FISH_FARM], [FISH_FARM, IT_FIRM]])
def test_a_higher_grant_ranks_above_fewer_facts(tmp_path, units) -> None:
    """The IT firm's answers make Prosessinnovasjon's amount known, NOK 1,000,000, with one
    fact left: its best prospect now, above the fish farm's NOK 750,000 in either order."""
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "kode.toml").write_text(
        '[company]\norg_number = "923609016"\nemployees_fte = 11\nowners_fte = 1\n'
        "turnover = 30_000_000\nbalance_sheet_total = 20_000_000\nrelated = []\n"
        "public_ownership_percent = 0\n[project]\nstart = 2027-03-01\n"
        "application_date = 2026-12-01\nbudget_total = 2_000_000\n"
        "grant_sought = 1_000_000\nexclusions = []\nenvironmental_shift = false\n"
        "[declarations]\nno_competition_distortion = true\n"
        "process_or_organisational_innovation = true\nsubstantial_leap = true\n",
        encoding="utf-8")
    extract = tmp_path / "enheter.csv"
    extract.write_text(HEADER + "".join(units), encoding="utf-8")
    r = runner.invoke(app, ["shortlist", "--input", str(extract), "--as-of", AS_OF,
                            *NORWEGIAN, "--format", "csv", "--profiles", str(answers)])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["name"], row["best_scheme"], row["max_grant"], row["best_scheme_questions"])
            for row in rows] == [
        ("KODE AS", "no-prosessinnovasjon", "1000000", "1"),
        ("HAVBRUK AS", "no-bedriftsnettverk", "750000", "9")]


def test_the_table_shows_the_best_prospect_first_with_its_questions(tmp_path) -> None:
    """In the table, a row's first scheme is its best prospect, and the questions are that
    scheme's count, then all the company's."""
    extract = tmp_path / "enheter.csv"
    extract.write_text(HEADER + IT_FIRM, encoding="utf-8")
    r = runner.invoke(app, ["shortlist", "--input", str(extract), "--as-of", AS_OF, *NORWEGIAN,
                            "--format", "table"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    rows = [line.split() for line in r.stdout.splitlines()]
    first = next(i for i, words in enumerate(rows) if words[:3] == ["1", "KODE", "AS"])
    assert rows[first][-2:] == ["750,000", "9"]
    assert rows[first + 1][1:3] == ["·", "NO"] and rows[first + 1][3] == "no-bedriftsnettverk"
    assert rows[first + 1][-3:] == ["21", "in", "all"]
    assert rows[first + 2][0] == "no-prosessinnovasjon"
