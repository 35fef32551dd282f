"""The outreach pack (``grantcheck outreach``): per company the questions that settle its open
schemes, in its authorities' language and English, as an answers file ``batch --profiles``
reads; the portfolio summary; and the round trip: screen, pack, fill in the answers, screen
again with them, settled. Always with --as-of: no test depends on today's date."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.batch.task import Task
from grantcheck.cli import app
from grantcheck.fields import all_specs, generic
from grantcheck.outreach.questions import LANGUAGES, asked_fields, language_of, question, words
from grantcheck.outreach.screen import Company, screen
from grantcheck.registry import registry_tasks
from grantcheck.schemes import SCHEME_IDS, all_schemes

DATA = Path(__file__).parent / "data"
AS_OF = "2026-11-23"
PO = ["--scheme", "no-prosessinnovasjon"]
runner = CliRunner()

# an answer to each question Prosessinnovasjon asks of the mixed fixture's companies
CANNED = {"employees_fte": "5", "owners_fte": "1", "public_ownership_percent": "0",
          "related": "[]", "in_difficulty": "false", "no_competition_distortion": "true",
          "process_or_organisational_innovation": "true", "substantial_leap": "true",
          "exclusions": "[]", "environmental_shift": "false", "turnover": "1000000",
          "balance_sheet_total": "1000000",
          # a public body is no SME (Rec. 2003/361/EC, Annex art. 3(4)): OSLO KOMMUNE is asked
          # whether the exception for large enterprises applies (PO01); it does not
          "large_enterprise_exception": "false",
          # applied for before the work starts (Prosessinnovasjon PO13, GBER art. 6(2))
          "start": "2027-03-01", "application_date": "2026-12-01"}


def outreach(out: Path, *args: str, data: str = "mixed_enheter.csv"):
    return runner.invoke(app, ["outreach", "--input", str(DATA / data), "--as-of", AS_OF,
                               "--out", str(out), *args])


def fill(folder: Path, answers: dict[str, str]) -> None:
    """Answer every question of every answers file of ``folder`` as a person would: remove
    the # in front of the key and write the value."""
    for path in folder.glob("*.toml"):
        text = re.sub(r"^# ([a-z_]+) = $", lambda m: f"{m.group(1)} = {answers[m.group(1)]}",
                      path.read_text(encoding="utf-8"), flags=re.M)
        path.write_text(text, encoding="utf-8")


def shortlist_rows(*args: str) -> dict[str, list[str]]:
    r = runner.invoke(app, ["shortlist", "--format", "csv", "--as-of", AS_OF, *args])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    return {row.split(",")[2]: row.split(",") for row in lines[1:]}


def test_every_field_a_rule_reads_has_a_question_in_all_four_languages() -> None:
    reads = {p for s in all_schemes() for r in s.rules for p in r.reads if "[]" not in p}
    missing = [(p, lang) for p in sorted(reads) for lang in LANGUAGES
               if not asked_fields().get(p, {}).get(lang)]
    assert missing == []
    assert set(asked_fields()) <= set(all_specs()), "a question for a field the profile lacks"


def test_the_words_around_the_questions_are_in_every_language() -> None:
    keys = set(words("en"))
    assert all(set(words(lang)) == keys for lang in LANGUAGES)


def test_each_country_gets_its_authorities_terms() -> None:
    assert [language_of(c) for c in ("NO", "SE", "DK", "FI")] == ["nb", "sv", "da", "en"]
    assert "årsverk" in question("company.employees_fte", "nb")
    assert "årsarbetskrafter" in question("company.employees_fte", "sv")
    assert "årsværk" in question("company.employees_fte", "da")
    assert "foretak i vanskeligheter" in question("company.in_difficulty", "nb")
    assert "företag i svårigheter" in question("company.in_difficulty", "sv")
    assert "virksomhed i vanskeligheder" in question("company.in_difficulty", "da")
    assert words("nb")["number"] == "organisasjonsnummer"
    assert words("sv")["number"] == "organisationsnummer"
    assert words("da")["cvr"] == "CVR-nummer"


def test_an_entry_of_a_list_is_asked_in_the_words_of_its_list() -> None:
    text = question("network.participants[0].staff", "nb")
    assert text.startswith("Bedriftsnettverk: hvem er de andre deltakerne")
    assert "network.participants[0].staff" in text


def test_the_pack_has_an_answers_file_and_questionnaires_per_open_company(tmp_path) -> None:
    r = outreach(tmp_path / "pack", *PO)
    assert r.exit_code == 0, r.stderr
    names = sorted(p.name for p in (tmp_path / "pack").iterdir())
    # KONKURS AS (bankrupt: PO11) and HAVBRUK AS (a salmon farm: PO12) are decided, so they
    # have no questionnaire
    assert "987654321.toml" not in names and "999888777.toml" not in names
    assert {"923609016.toml", "923609016.nb.md", "923609016.en.md", "921000001.sv.md",
            "summary.md"} <= set(names)
    assert "Wrote the pack of 3 companies" in r.stderr
    assert r.stdout == ""


def test_the_answers_file_is_a_partial_profile_with_the_questions_commented(tmp_path) -> None:
    outreach(tmp_path / "pack", *PO)
    text = (tmp_path / "pack" / "923609016.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data == {"company": {"name": "FJORDLYS AS", "country": "NO",
                                "org_number": "923609016"},
                    "declarations": {}, "project": {}}  # the tables the questions are in
    assert "# in_difficulty = \n" in text
    assert "settles no-prosessinnovasjon PO11" in text
    assert ("#   company.employees_fte = { min = 0, max = 12 }  (Enhetsregisteret "
            "antallAnsatte: a headcount of 12") in text


def test_the_questions_that_settle_the_most_come_first(tmp_path) -> None:
    """company.related is read by PO01 alone; network.participants by four BN rules."""
    outreach(tmp_path / "pack", "--scheme", "no-prosessinnovasjon", "--scheme",
             "no-bedriftsnettverk")
    text = (tmp_path / "pack" / "923609016.en.md").read_text(encoding="utf-8")
    first = text.split("\n1. ", 1)[1]
    assert first.startswith("**Bedriftsnettverk: who are the network's other participants")
    assert "settles: Bedriftsnettverk (main projects) (BN08, BN09, BN10, BN11)" in first


def test_the_questionnaire_is_in_the_companys_language(tmp_path) -> None:
    outreach(tmp_path / "pack", *PO)
    nb = (tmp_path / "pack" / "923609016.nb.md").read_text(encoding="utf-8")
    sv = (tmp_path / "pack" / "921000001.sv.md").read_text(encoding="utf-8")
    assert nb.startswith("# Spørsmål til FJORDLYS AS\n\norganisasjonsnummer 923609016")
    assert "foretak i vanskeligheter" in nb
    assert sv.startswith("# Frågor till SVENSK FILIAL NUF")


def test_the_summary_counts_who_can_still_fit_and_who_needs_one_answer(tmp_path) -> None:
    outreach(tmp_path / "pack", *PO, "--profiles", str(DATA / "answers"))
    summary = (tmp_path / "pack" / "summary.md").read_text(encoding="utf-8")
    assert ("**3 of 5 companies can still fit a scheme**; 1 needs one answer: "
            "company.in_difficulty (1).") in summary
    assert "| no-prosessinnovasjon PO11 (The applicant is not an undertaking in difficulty) | 1 |" \
        in summary
    assert ("| no-prosessinnovasjon PO12 (The company is not in fisheries, aquaculture or "
            "primary agriculture) | 1 |") in summary


def test_the_summary_says_per_scheme_how_many_and_for_how_much(tmp_path) -> None:
    """The office's first question, which scheme and for how much: Prosessinnovasjon fits
    none yet, needs information from 3, and FJORDLYS AS's NOK 1,000,000 is the one amount
    known (the others' depend on their answers)."""
    outreach(tmp_path / "pack", *PO, "--profiles", str(DATA / "answers"))
    summary = (tmp_path / "pack" / "summary.md").read_text(encoding="utf-8")
    assert ("- no-prosessinnovasjon: 0 fit, 3 need information; up to NOK 1,000,000 a company; "
            "NOK 1,000,000 in all for 1 of 3 (2 not known yet)\n") in summary


def test_the_pack_line_counts_the_units_that_could_not_be_read(tmp_path) -> None:
    """enheter.csv has 6 units, 2 unreadable: the line said '3 of 4 can still fit', silent on
    the 2; the counts now add up to the file."""
    r = outreach(tmp_path / "pack", data="enheter.csv")
    assert r.exit_code == 4
    assert ("(3 of 4 can still fit a scheme; 2 units could not be read; "
            f"{tmp_path / 'pack' / 'summary.md'}).") in " ".join(r.stderr.split())


def test_answering_the_one_question_settles_the_scheme(tmp_path) -> None:
    """FJORDLYS AS has answered all but PO11: its answers file keeps those answers and asks
    in_difficulty; filled in, the re-run finds that Prosessinnovasjon fits."""
    pack = tmp_path / "pack"
    outreach(pack, *PO, "--profiles", str(DATA / "answers"))
    before = shortlist_rows("--input", str(DATA / "mixed_enheter.csv"), "--profiles",
                            str(DATA / "answers"), *PO)
    assert before["FJORDLYS AS"][4:6] == ["needs information", "no-prosessinnovasjon"]
    assert before["FJORDLYS AS"][9:11] == ["1", "company.in_difficulty"]
    fill(pack, {"in_difficulty": "false", **{k: v for k, v in CANNED.items()
                                             if k != "in_difficulty"}})
    after = shortlist_rows("--input", str(DATA / "mixed_enheter.csv"), "--profiles", str(pack),
                           *PO)
    assert after["FJORDLYS AS"][4] == "fits"
    assert after["FJORDLYS AS"][9] == "0"


def test_screen_pack_fill_rescreen_settles_every_open_company(tmp_path) -> None:
    """From the registry alone: each round's answers files, filled in, are the next round's
    --profiles; in two rounds nothing is left open (the second asks what the first answers
    opened: turnover and balance sheet, once staff is known)."""
    previous: list[str] = []
    for n in range(1, 4):
        pack = tmp_path / f"round{n}"
        r = outreach(pack, *PO, *previous)
        assert r.exit_code == 0, r.stderr
        if not list(pack.glob("*.en.md")):  # no questions left (answers files are kept)
            break
        fill(pack, CANNED)
        previous = ["--profiles", str(pack)]
    assert n == 3
    rows = shortlist_rows("--input", str(DATA / "mixed_enheter.csv"), *previous, *PO)
    # OSLO KOMMUNE: a public body, no SME (Annex art. 3(4)), the large-enterprise exception
    # answered false (PO01); HAVBRUK: PO12
    assert {name: row[4] for name, row in rows.items()} == {
        "FJORDLYS AS": "fits", "SVENSK FILIAL NUF": "fits", "OSLO KOMMUNE": "does not fit",
        "HAVBRUK AS": "does not fit", "KONKURS AS": "does not fit"}


def test_a_company_its_answers_settled_keeps_them_in_the_next_pack(tmp_path) -> None:
    """Round 1's answers settle OSLO KOMMUNE (does not fit) while FJORDLYS AS is still open:
    round 2's pack writes OSLO KOMMUNE's answers file all the same (no questions, its answers
    kept), so round 2's pack as --profiles does not reopen it; it has no questionnaires."""
    first, second = tmp_path / "round1", tmp_path / "round2"
    assert outreach(first, *PO).exit_code == 0
    fill(first, CANNED)
    r = outreach(second, *PO, "--profiles", str(first))
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in second.glob("964338531.*")) == ["964338531.toml"]
    kept = (second / "964338531.toml").read_text(encoding="utf-8")
    assert "# Its schemes are all decided: no questions." in kept
    assert tomllib.loads(kept)["declarations"]["large_enterprise_exception"] is False
    assert (second / "923609016.nb.md").exists()  # FJORDLYS AS: still asked (turnover)
    summary = (second / "summary.md").read_text(encoding="utf-8")
    assert "keeps them in its answers file, to carry them into the next screening (1 company)" \
        in " ".join(summary.split())
    assert "and the answers of 1 decided company" in " ".join(r.stderr.split())
    before = shortlist_rows("--input", str(DATA / "mixed_enheter.csv"), "--profiles",
                            str(first), *PO)
    after = shortlist_rows("--input", str(DATA / "mixed_enheter.csv"), "--profiles",
                           str(second), *PO)
    assert before["OSLO KOMMUNE"][4] == after["OSLO KOMMUNE"][4] == "does not fit"
    assert after["FJORDLYS AS"][4] == "needs information"


def test_a_folder_that_is_not_empty_is_refused_without_force(tmp_path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "notes.txt").write_text("mine", encoding="utf-8")
    r = outreach(pack, *PO)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --out {pack}: the folder is not empty",
        "Hint: use --force to write into it (files of the same name are replaced), or name a "
        "new folder"]
    assert sorted(p.name for p in pack.iterdir()) == ["notes.txt"]
    assert outreach(pack, *PO, "--force").exit_code == 0
    assert (pack / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_missing_input_is_an_error_line_and_exit_2(tmp_path) -> None:
    r = runner.invoke(app, ["outreach", "--input", str(tmp_path / "nope.csv"), "--input-format",
                            "brreg-enheter", "--out", str(tmp_path / "pack")])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: --input {tmp_path / 'nope.csv'}: no such file")
    assert not (tmp_path / "pack").exists()


def test_an_unreadable_unit_is_reported_and_the_rest_written(tmp_path) -> None:
    r = outreach(tmp_path / "pack", data="cvr.jsonl")
    assert r.exit_code == 4
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 3
    assert "virksomhedsform 'XYZ'" in errors[0]
    assert (tmp_path / "pack" / "38492716.da.md").exists()


def test_a_bad_answers_file_refuses_the_whole_run(tmp_path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "a.toml").write_text("[company]\nin_difficulty = \n", encoding="utf-8")
    r = outreach(tmp_path / "pack", "--profiles", str(answers))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {answers / 'a.toml'}:2:17: cannot be read: TOML syntax ")


def test_a_sole_trader_without_a_number_gets_no_files_and_is_counted(tmp_path) -> None:
    """Bolagsverket's sole trader is keyed by a personal number, which is not copied: its
    answers could not be matched, so it has no files, and the summary says so."""
    r = outreach(tmp_path / "pack", *PO, data="bolagsverket.txt")
    assert r.exit_code == 4  # the fixture's three unreadable rows
    summary = (tmp_path / "pack" / "summary.md").read_text(encoding="utf-8")
    assert ("1 company with questions has no organisation number in the registry"
            in summary)
    assert (tmp_path / "pack" / "5566778899.sv.md").read_text(encoding="utf-8").startswith(
        "# Frågor till Exempel AB\n\norganisationsnummer 5566778899")
    assert not any("Anna" in p.read_text(encoding="utf-8")
                   for p in (tmp_path / "pack").glob("*.md") if p.name != "summary.md")


def test_a_danish_pack_is_in_danish_and_names_what_the_bands_decided(tmp_path) -> None:
    r = outreach(tmp_path / "pack", "--scheme", "dk-smv-digital", data="cvr.jsonl")
    assert r.exit_code == 4
    da = (tmp_path / "pack" / "38492716.da.md").read_text(encoding="utf-8")
    assert da.startswith("# Spørgsmål til Nordlys Automation ApS\n\nCVR-nummer 38492716")
    assert "company.employees_fte` = { min = 10, max = 19 } (CVR aarsbeskaeftigelse 2025, " \
        "interval code ANTAL_10_19)" in da
    answers = tomllib.loads((tmp_path / "pack" / "38492716.toml").read_text(encoding="utf-8"))
    assert answers["company"]["cvr_number"] == "38492716"
    summary = (tmp_path / "pack" / "summary.md").read_text(encoding="utf-8")
    assert "Stor Fabrik" not in summary
    assert re.search(r"\| dk-smv-digital SMV\d+ \([^|]*\) \| 1 \|", summary)
    assert not (tmp_path / "pack" / "11223344.toml").exists()  # decided: too large


def test_batch_reads_the_filled_pack_back(tmp_path) -> None:
    """The pack's answers files are what `batch --profiles` reads: the round trip as batch
    shows it."""
    import json

    pack = tmp_path / "pack"
    outreach(pack, *PO, "--profiles", str(DATA / "answers"))
    fill(pack, CANNED)
    r = runner.invoke(app, ["batch", "--input", str(DATA / "mixed_enheter.csv"), "--profiles",
                            str(pack), "--format", "jsonl", "--as-of", AS_OF, *PO, "--jobs",
                            "1"])
    assert r.exit_code == 0, r.stderr
    records = {d["profile"]["name"]: d for d in map(json.loads, r.stdout.splitlines())}
    fjordlys = records["FJORDLYS AS"]
    assert fjordlys["schemes"][0]["verdict"] == "fits"
    assert fjordlys["provenance"]["company.in_difficulty"] == (
        f"stated in {pack / '923609016.toml'}")


def test_an_out_that_is_a_file_is_refused(tmp_path) -> None:
    target = tmp_path / "pack"
    target.write_text("mine", encoding="utf-8")
    r = outreach(target, *PO)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: --out {target}: is a file, not a folder",
                                     "Hint: name a folder for the pack, e.g. --out pack/ "
                                     "(made if missing): the pack is several files"]
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_choice_is_one_of_and_a_list_of_choices_one_or_more() -> None:
    from grantcheck.outreach.questions import how_to_answer

    assert how_to_answer("company.legal_form", "en").startswith(
        'one of: "sole_trader", "limited_company"')  # in quotes, as TOML writes a text
    assert how_to_answer("project.exclusions", "en").startswith("one or more of: ")
    assert how_to_answer("company.legal_form", "nb").startswith("én av: ")


def test_output_names_the_pack_folder_as_out_does(tmp_path: Path) -> None:
    """The other commands say --output: outreach takes it for --out."""
    with_out = tmp_path / "a"
    with_output = tmp_path / "b"
    assert outreach(with_out, *PO).exit_code == 0
    r = runner.invoke(app, ["outreach", "--input", str(DATA / "mixed_enheter.csv"), "--as-of",
                            AS_OF, "--output", str(with_output), *PO])
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in with_output.iterdir()) == sorted(
        p.name for p in with_out.iterdir())


def test_the_new_rules_fields_are_asked_in_all_four_languages() -> None:
    """PO12, PO10, SMV33, SMV34 and BN21 read the fields the pack words in every language."""
    by_id = {r.id: r for s in all_schemes() for r in s.rules}
    read = {p for rule in ("PO12", "PO10", "SMV33", "SMV34", "BN21") for p in by_id[rule].reads}
    new = {"company.sector", "project.activities", "network.project_year",
           "network.duration_years", "project.grant_sought"}
    assert new <= read
    assert all(asked_fields()[f][lang] for f in new for lang in LANGUAGES)


def test_the_sector_question_says_processing_fish_counts_and_processing_crops_does_not() -> None:
    """A fish processor is in Regulation 1379/2013's sector (art. 5(d)); a dairy is not a farm."""
    said = {lang: question("company.sector", lang) for lang in LANGUAGES}
    assert "processing or selling fish" in said["en"] and "not processing" in said["en"]
    assert "foredling og omsetning av fisk" in said["nb"]
    assert "beredning och försäljning av fisk" in said["sv"]
    assert "forarbejdning og afsætning af fisk" in said["da"]


def test_every_question_a_screening_asks_is_worded_not_described() -> None:
    """Each field the fixtures' screenings ask (every scheme, every country) is in the table,
    so no company reads a field path and its English description instead of a question."""
    asked: set[str] = set()
    for name, fmt in (("mixed_enheter.csv", "brreg-enheter"), ("cvr.jsonl", "cvr"),
                      ("bolagsverket.txt", "bolagsverket")):
        with (DATA / name).open("rb") as fh:
            units = [Task(*t) for t in registry_tasks(fh, name, fmt) if t[0] == "registry"]
        for company in screen(units, date(2026, 11, 23), {}, SCHEME_IDS):
            assert isinstance(company, Company)
            asked |= {q.field for q in company.questions()}
    assert {"company.sector", "project.activities", "network.project_year"} <= asked
    assert sorted(f for f in asked if generic(f) not in asked_fields()
                  and "[]" not in generic(f) and not f.startswith("(")) == []


def test_the_pack_is_forced_to_the_disk_once_before_its_summary(tmp_path, monkeypatch) -> None:
    """One fsync per file made a pack of 14,600 files wait 50 s: the company files are forced
    to the disk together (one os.sync), then summary.md is written and forced, so a pack whose
    summary.md is on the disk is whole on it."""
    import os

    import grantcheck.atomic as atomic

    calls: list[str] = []
    fsync, replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), fsync(fd))[1])
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    monkeypatch.setattr(os, "replace", lambda a, b: (
        calls.append(f"write {Path(b).name}"), replace(a, b))[1])
    monkeypatch.setattr(atomic, "SYNCS_ALL", True)
    r = outreach(tmp_path / "pack", *PO, "--force")
    assert r.exit_code == 0, r.stderr
    company_files = [c for c in calls if c.startswith("write ") and c != "write summary.md"]
    assert len(company_files) >= 3  # the fixture's open companies: a toml and two md each
    assert calls[-3:] == ["sync", "fsync", "write summary.md"]
    assert calls.count("fsync") == 1 and calls.count("sync") == 1


def test_without_one_sync_for_all_each_file_is_forced_as_it_is_written(tmp_path,
                                                                        monkeypatch) -> None:
    import os

    import grantcheck.atomic as atomic

    fsyncs: list[int] = []
    fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), fsync(fd))[1])
    monkeypatch.setattr(atomic, "SYNCS_ALL", False)
    r = outreach(tmp_path / "pack", *PO, "--force")
    assert r.exit_code == 0, r.stderr
    assert len(fsyncs) == len(list((tmp_path / "pack").iterdir()))
