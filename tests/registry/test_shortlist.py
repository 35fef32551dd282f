"""The shortlist (``grantcheck shortlist``): companies ranked by verdict, then the highest
possible grant (compared in euros at the stated rate), then fewer open questions; and
``--explain NUMBER``, one company's rules with where each figure came from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.money import Money
from grantcheck.outreach.rank import CSV_COLUMNS, Row, ranked

DATA = Path(__file__).parent / "data"
AS_OF = "2026-11-23"
MIXED = ["--input", str(DATA / "mixed_enheter.csv"), "--as-of", AS_OF]
NORWEGIAN = ["--scheme", "no-prosessinnovasjon", "--scheme", "no-bedriftsnettverk"]
runner = CliRunner()


def row(order: int, verdict: str, eur: int | None, questions: int, in_all: int = 0) -> Row:
    """A row whose best prospect has ``questions`` to settle it, ``in_all`` more with the
    company's other schemes."""
    grant = None if eur is None else Money.of(eur, "EUR")
    return Row(order, f"f:{order}", str(order), f"C{order}", "NO", verdict, "", grant,
               None if eur is None else Decimal(eur), questions + in_all, "", "",
               "s" if verdict in ("fits", "needs information") else "", questions)


def names(rows: list[Row]) -> list[str]:
    return [r.name for r in ranked(rows)]


def test_a_fit_ranks_above_any_amount_that_needs_information() -> None:
    assert names([row(1, "needs information", 900_000, 0), row(2, "fits", 1, 5)]) == [
        "C2", "C1"]


def test_with_equal_verdicts_the_higher_amount_ranks_first() -> None:
    assert names([row(1, "fits", 100, 0), row(2, "fits", 101, 9)]) == ["C2", "C1"]


def test_with_equal_verdicts_and_amounts_fewer_questions_rank_first() -> None:
    assert names([row(1, "needs information", 100, 2), row(2, "needs information", 100, 1)]
                 ) == ["C2", "C1"]


def test_only_the_questions_of_the_best_prospect_count() -> None:
    """C1's other schemes ask 5 more questions: it still ranks above C2, whose best prospect
    asks one more than C1's."""
    assert names([row(1, "needs information", 100, 1, in_all=5),
                  row(2, "needs information", 100, 2)]) == ["C1", "C2"]


def test_with_everything_equal_the_input_order_stays() -> None:
    assert names([row(1, "fits", 100, 1), row(2, "fits", 100, 1)]) == ["C1", "C2"]


def test_no_amount_ranks_below_any_amount_of_the_same_verdict() -> None:
    assert names([row(1, "needs information", None, 0), row(2, "needs information", 0, 3)]
                 ) == ["C2", "C1"]


def test_does_not_fit_ranks_above_not_applicable_and_closed() -> None:
    assert names([row(1, "closed", None, 0), row(2, "not applicable", None, 0),
                  row(3, "does not fit", None, 0)]) == ["C3", "C2", "C1"]


def test_the_csv_ranks_the_mixed_fixture() -> None:
    """FJORDLYS AS fits once its answers are merged; SVENSK FILIAL NUF and HAVBRUK AS, a
    salmon farm out of Prosessinnovasjon (PO12: GBER art. 1(3)(a)), have the same best
    prospect (Bedriftsnettverk, NOK 750,000, 9 questions; the NUF's 10 more for
    Prosessinnovasjon do not count against it) and keep their input order; OSLO KOMMUNE (no
    amount known; a public body, no SME, first asked about the large-enterprise exception)
    after them; KONKURS AS last: its bankruptcy puts it out of Prosessinnovasjon
    (PO11) and, without sound finances, out of Bedriftsnettverk (BN06)."""
    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "csv", "--profiles",
                            str(DATA / "answers_settled")])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    assert [line.split(",")[:11] for line in lines[1:]] == [
        ["1", "923609016", "FJORDLYS AS", "NO", "fits", "no-prosessinnovasjon", "1000000",
         "NOK", "96791", "0", ""],
        ["2", "921000001", "SVENSK FILIAL NUF", "SE", "needs information",
         "no-prosessinnovasjon no-bedriftsnettverk", "750000", "NOK", "72594", "21",
         "network.participants"],
        ["3", "999888777", "HAVBRUK AS", "NO", "needs information", "no-bedriftsnettverk",
         "750000", "NOK", "72594", "9", "network.participants"],
        # a public body: no SME (Rec. 2003/361/EC, Annex art. 3(4)), asked about the exception
        ["4", "964338531", "OSLO KOMMUNE", "NO", "needs information", "no-prosessinnovasjon",
         "", "", "", "9", "declarations.large_enterprise_exception"],
        ["5", "987654321", "KONKURS AS", "NO", "does not fit", "", "", "", "", "0", ""]]
    assert [line.split(",")[12:14] for line in lines[1:]] == [
        ["no-prosessinnovasjon", "0"], ["no-bedriftsnettverk", "9"],
        ["no-bedriftsnettverk", "9"], ["no-prosessinnovasjon", "9"], ["", ""]]
    assert r.stderr == (
        "5 units screened on 2026-11-23: 4 of 5 companies can still fit a scheme (1 fits, 3 need "
        "information, 1 does not fit).\n"
        "no-bedriftsnettverk: 0 fit, 2 need information; up to NOK 750,000 a company, NOK "
        "1,500,000 in all\n"
        "no-prosessinnovasjon: 1 fits, 2 need information; up to NOK 1,000,000 a company; NOK "
        "1,000,000 in all for 1 of 3 (2 not known yet)\n"
        "Amounts compared in euros: 1 EUR = 10.3315 NOK (ECB, InforEuro 2026-11, rate of "
        "2026-10-29).\n")


def test_top_keeps_the_first_rows() -> None:
    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "csv", "--top", "2"])
    assert len(r.stdout.splitlines()) == 3


def test_the_table_states_the_rate() -> None:
    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "table"],
                      env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert r.exit_code == 0
    assert "KONKURS AS" in r.stdout
    assert "≈ EUR 72,594" in r.stdout
    assert " ".join(r.stdout.split()).endswith(
        "5 of 5 companies shown, each by its best prospect (its first scheme: max grant, ? "
        "when not known yet, questions); amounts compared in euros: 1 EUR = 10.3315 NOK "
        "(ECB, InforEuro 2026-11, rate of 2026-10-29).")


def test_explain_tells_the_registrys_figure_from_the_clients_answer() -> None:
    """HAVBRUK AS states 80 FTE where the employer register counts 40 people: --explain
    shows, beside each rule, the figures it read and where each came from."""
    r = runner.invoke(app, ["shortlist", *MIXED, "--scheme", "no-prosessinnovasjon",
                            "--profiles", str(DATA / "answers"), "--explain", "999 888 777"],
                      env={"COLUMNS": "1000", "NO_COLOR": "1"})  # a checkout's long path, whole
    assert r.exit_code == 0, r.stderr
    assert 'company.country = "NO": Enhetsregisteret forretningsadresse.landkode' in r.stdout
    assert ("company.employees_fte = 80: stated in " + str(DATA / "answers" / "havbruk.toml")
            + "; conflicts with the registry's 0–40 (Enhetsregisteret antallAnsatte") in r.stdout


def test_the_facts_beside_a_rule_name_their_source() -> None:
    from datetime import date

    from grantcheck import batch as gb
    from grantcheck.outreach.screen import Company, screen
    from grantcheck.registry import registry_tasks
    from grantcheck.registry.overlay import load_answers, overlay
    from grantcheck.render.table import facts_of

    with open(DATA / "mixed_enheter.csv", "rb") as fh:
        tasks = gb.Tasks(gb.Task._make(t) for t in overlay(
            registry_tasks(fh, "enheter.csv", "brreg-enheter"),
            load_answers(DATA / "answers")))
        havbruk = next(c for c in screen(tasks, date(2026, 11, 23), {},
                                         ["no-prosessinnovasjon"])
                       if isinstance(c, Company) and c.name == "HAVBRUK AS")
    facts = facts_of(havbruk.result)
    assert facts["company.sector"] == ('"fishery_aquaculture"',
                                       "Enhetsregisteret naeringskode1.kode 03.211")
    assert facts["company.employees_fte"][0] == "80"
    assert facts["company.employees_fte"][1].startswith(
        f"stated in {DATA / 'answers' / 'havbruk.toml'}; conflicts with the registry's 0–40")


def test_explain_of_a_number_not_in_the_file_is_an_error() -> None:
    r = runner.invoke(app, ["shortlist", *MIXED, "--explain", "123"])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: --explain 123: no unit with that organisation number in "
        f"{DATA / 'mixed_enheter.csv'}",
        "Hint: give the number of a row of the shortlist (its number column)"]


def test_match_explain_of_a_profile_shows_no_provenance() -> None:
    """A profile checked by match carries none: its --explain is as it was."""
    profile = Path(__file__).parents[2] / "profiles" / "hardanger-prosess.toml"
    r = runner.invoke(app, ["match", str(profile), "--explain", "--as-of", AS_OF],
                      env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert "PO01" in r.stdout
    assert "stated in" not in r.stdout


def test_top_ranks_as_the_whole_ranking_does() -> None:
    rows = [row(i, "needs information" if i % 3 else "fits", (i * 37) % 11, i % 4)
            for i in range(40)]
    assert ranked(rows, 7) == ranked(rows)[:7]


def test_a_range_in_grantchecks_own_csv_is_shortlisted(tmp_path: Path) -> None:
    """A figure written as a band in an own-format CSV or JSON Lines file ranks as any other:
    the profile it gives serialises its ranges as a profile writes them."""
    csv_file = tmp_path / "own.csv"
    csv_file.write_text("name,country,cvr_number,employees_fte,turnover\n"
                        "Gamma ApS,DK,11223344,50-99,20000000..40000000\n", encoding="utf-8")
    jsonl = tmp_path / "own.jsonl"
    jsonl.write_text('{"company":{"name":"A","country":"DK","cvr_number":"11223344",'
                     '"employees_fte":{"min":5,"max":9}}}\n', encoding="utf-8")
    for path in (csv_file, jsonl):
        r = runner.invoke(app, ["shortlist", "-i", str(path), "--as-of", AS_OF,
                                "--format", "csv"])
        assert r.exit_code == 0, r.stderr
        assert r.stdout.splitlines()[1].split(",")[1] == "11223344"


def test_a_profile_serialises_a_range_as_its_min_and_max_table() -> None:
    """No pydantic serializer warning: a range is {min, max}, an open one only {min}."""
    import warnings

    from grantcheck.profile import Profile

    profile = Profile.model_validate({"company": {
        "name": "A", "country": "DK", "employees_fte": {"min": 10, "max": 19},
        "turnover": {"min": 5}}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        as_json = profile.model_dump(mode="json", exclude_none=True)["company"]
        as_python = profile.model_dump(exclude_none=True)["company"]
    assert as_json["employees_fte"] == {"min": "10", "max": "19"}
    assert as_json["turnover"] == {"min": "5"}
    assert as_python["employees_fte"] == {"min": Decimal(10), "max": Decimal(19)}


def test_explain_of_a_registry_unit_shows_its_band_without_warnings() -> None:
    r = runner.invoke(app, ["shortlist", "-i", str(DATA / "cvr.jsonl"), "--as-of", AS_OF,
                            "--explain", "38492716"], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert "company.employees_fte = { min = 10, max = 19 }: CVR" in r.stdout
    assert "Warning" not in r.stderr


SECTOR_EXTRACT = (
    "organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,"
    "harRegistrertAntallAnsatte,antallAnsatte,forretningsadresse.landkode,stiftelsesdato\n"
    "923609016,KODE AS,AS,62.010,true,12,NO,2019-06-03\n"
    "999888777,HAVBRUK AS,AS,03.211,true,12,NO,2019-06-03\n"
    "999888778,FISKEFOREDLING AS,AS,10.200,true,12,NO,2019-06-03\n"
    "999888780,LANDBRUKSTJENESTER AS,AS,01.610,true,12,NO,2019-06-03\n")


def test_po12_unknown_needs_information_and_only_a_settled_sector_does_not_fit(tmp_path) -> None:
    """A code that leaves the sector open ranks as needing information with company.sector one
    question more; only the fish farm, which the code settles, does not fit PO12."""
    extract = tmp_path / "enheter.csv"
    extract.write_text(SECTOR_EXTRACT, encoding="utf-8")
    r = runner.invoke(app, ["shortlist", "--input", str(extract), "--as-of", AS_OF, "--format",
                            "csv", "--scheme", "no-prosessinnovasjon"])
    assert r.exit_code == 0, r.stderr
    rows = {line.split(",")[2]: line.split(",") for line in r.stdout.splitlines()[1:]}
    assert [rows[n][4] for n in ("KODE AS", "FISKEFOREDLING AS", "LANDBRUKSTJENESTER AS",
                                 "HAVBRUK AS")] == ["needs information"] * 3 + ["does not fit"]
    base = int(rows["KODE AS"][9])
    assert int(rows["FISKEFOREDLING AS"][9]) == int(rows["LANDBRUKSTJENESTER AS"][9]) == base + 1
    explained = runner.invoke(app, ["shortlist", "--input", str(extract), "--as-of", AS_OF,
                                    "--scheme", "no-prosessinnovasjon", "--explain", "999888778"])
    assert "Rule: PO12\nOutcome: ? unknown" in explained.stdout
    assert "processing fish is in the fishery and aquaculture sector" in explained.stdout


def test_smv33_and_smv34_unknown_leave_smv_digital_needing_information(tmp_path) -> None:
    """Without project.activities or a budget the advice vouchers are open, not 'does not
    fit': the company ranks as needing information, project.activities among its questions."""
    extract = tmp_path / "cvr.jsonl"
    extract.write_text(
        '{"cvrNummer": 22222222, "virksomhedMetadata": {"nyesteNavn": {"navn": "Kode ApS"}, '
        '"nyesteVirksomhedsform": {"kortBeskrivelse": "APS"}, "nyesteHovedbranche": '
        '{"branchekode": "620100"}, "stiftelsesDato": "2015-01-01", "sammensatStatus": '
        '"Aktiv"}, "aarsbeskaeftigelse": [{"aar": 2025, "intervalKodeAntalAarsvaerk": '
        '"ANTAL_10_19"}]}\n', encoding="utf-8")
    args = ["--input", str(extract), "--as-of", AS_OF, "--scheme", "dk-smv-digital"]
    r = runner.invoke(app, ["shortlist", *args, "--format", "csv"])
    assert r.stdout.splitlines()[1].split(",")[4:6] == ["needs information", "dk-smv-digital"]
    explained = runner.invoke(app, ["shortlist", *args, "--explain", "22222222"]).stdout
    for rule, voucher in (("SMV33", "t25"), ("SMV34", "t100")):
        assert f"Rule: {rule}\n{voucher}\nOutcome: ? unknown" in explained
    assert "the profile does not state project.activities" in explained


def test_the_tables_first_line_says_how_many_can_fit_which_scheme_for_how_much() -> None:
    """An office reads the answer first: how many units, how many can still fit, and per
    scheme how many fit or need information, for up to how much (before: a header row)."""
    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "table", "--profiles",
                            str(DATA / "answers_settled")],
                      env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[:3] == [
        "5 units screened on 2026-11-23: 4 of 5 companies can still fit a scheme (1 fits, 3 need "
        "information, 1 does not fit).",
        "  no-bedriftsnettverk: 0 fit, 2 need information; up to NOK 750,000 a company, NOK "
        "1,500,000 in all",
        "  no-prosessinnovasjon: 1 fits, 2 need information; up to NOK 1,000,000 a company; NOK "
        "1,000,000 in all for 1 of 3 (2 not known yet)"]


def test_the_headline_counts_units_that_could_not_be_read_and_adds_up() -> None:
    """enheter.csv: 6 units, 2 unreadable; 3 need information and 1 does not fit, 4 in all."""
    r = runner.invoke(app, ["shortlist", "--input", str(DATA / "enheter.csv"), "--as-of", AS_OF,
                            *NORWEGIAN, "--format", "csv"])
    assert r.exit_code == 4
    assert ("6 units screened on 2026-11-23, 2 of them could not be read: 3 of 4 companies can "
            "still fit a scheme (0 fit, 3 need information, 1 does not fit).") in r.stderr
    assert len(r.stdout.splitlines()) == 1 + 4


def test_the_headline_covers_every_company_with_top() -> None:
    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "csv", "--top", "1"])
    assert r.stderr.startswith("5 units screened on 2026-11-23: 4 of 5 companies")


def test_a_company_that_fits_one_scheme_names_those_that_still_need_information() -> None:
    """FJORDLYS AS (answers_two) fits Prosessinnovasjon and can still get Bedriftsnettverk with
    answers: the csv's schemes column names the best verdict's schemes, also_needs_information
    the others, so the rows add up to the headline's counts per scheme (before, the csv lost
    Bedriftsnettverk for it, and an office filtering on it missed the company)."""
    import csv
    import io
    from collections import Counter

    r = runner.invoke(app, ["shortlist", *MIXED, *NORWEGIAN, "--format", "csv", "--profiles",
                            str(DATA / "answers_two")])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert (rows[0]["name"], rows[0]["verdict"], rows[0]["schemes"],
            rows[0]["also_needs_information"]) == (
        "FJORDLYS AS", "fits", "no-prosessinnovasjon", "no-bedriftsnettverk")
    counted: Counter[tuple[str, str]] = Counter()
    for row in rows:
        for scheme in row["schemes"].split():
            counted[scheme, row["verdict"]] += 1
        for scheme in row["also_needs_information"].split():
            counted[scheme, "needs information"] += 1
    assert counted == {("no-prosessinnovasjon", "fits"): 1,
                       ("no-prosessinnovasjon", "needs information"): 2,
                       ("no-bedriftsnettverk", "needs information"): 3}
    assert "no-bedriftsnettverk: 0 fit, 3 need information; up to NOK 750,000 a company, NOK " \
        "2,250,000 in all\n" in r.stderr
    assert "no-prosessinnovasjon: 1 fits, 2 need information;" in r.stderr
