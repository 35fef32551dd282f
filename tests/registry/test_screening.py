"""Screening registry files with ``grantcheck batch``: each class of outcome a registry alone
can give (excluded: another country, a public body, bankruptcy, an excluded industry, too large
by band; decided by band), the provenance in the JSON record, and the exit codes of every batch.
Always with --as-of: no test depends on today's date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from grantcheck.cli import app

DATA = Path(__file__).parent / "data"
AS_OF = "2026-11-23"
runner = CliRunner()


def screen(name: str, *args: str) -> tuple[int, dict[str, dict[str, Any]], str]:
    """(exit code, {company name or source: record}, stderr) of a batch over a data file."""
    r = runner.invoke(app, ["batch", "--input", str(DATA / name), "--format", "jsonl",
                            "--detail", "full", "--as-of", AS_OF, *args],
                      env={"NO_COLOR": "1"})
    records = {}
    for line in r.stdout.splitlines():
        d = json.loads(line)
        records[d["profile"].get("name") or d["profile"]["source"]] = d
    return r.exit_code, records, r.stderr


def scheme(record: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in record["schemes"] if s["id"] == sid)


def failed(record: dict[str, Any], sid: str) -> list[str]:
    return [f["rule"] for f in scheme(record, sid)["findings"] if f["outcome"] == "fail"]


def test_mixed_brreg_file_excludes_a_public_body_and_a_bankrupt_company() -> None:
    code, records, _ = screen("mixed_enheter.csv")
    assert code == 0
    assert scheme(records["OSLO KOMMUNE"], "no-bedriftsnettverk")["verdict"] == "does_not_fit"
    assert failed(records["KONKURS AS"], "no-prosessinnovasjon") == ["PO11"]
    assert scheme(records["KONKURS AS"], "no-prosessinnovasjon")["verdict"] == "does_not_fit"


def test_another_country_puts_a_scheme_out_of_scope() -> None:
    _, norwegian, _ = screen("mixed_enheter.csv")
    _, danish, _ = screen("cvr.jsonl")
    assert scheme(norwegian["FJORDLYS AS"], "dk-smv-digital")["scope"]["state"] == (
        "not_applicable")
    assert scheme(danish["Nordlys Automation ApS"], "dk-smv-digital")["scope"]["state"] != (
        "not_applicable")


def test_an_excluded_industry_is_excluded_from_the_registry_code_alone() -> None:
    """CVR branchekode 031100 (fishing) settles the sector, and Innobooster People's
    exclusion of fishery and aquaculture (IP10) with it."""
    _, records, _ = screen("cvr.jsonl")
    assert "IP10" in failed(records["Fiskeri I/S"], "dk-innobooster-people")


def test_too_large_by_the_registry_figure_and_decided_by_band() -> None:
    _, records, _ = screen("cvr.jsonl")
    big = records["Stor Fabrik A/S"]
    assert scheme(big, "dk-smv-digital")["verdict"] == "does_not_fit"
    band = records["Nordlys Automation ApS"]  # ANTAL_10_19: the staff rules need no answer
    assert scheme(band, "dk-smv-digital")["verdict"] == "needs_information"
    assert band["profile"]["ranges"]["company.employees_fte"] == {"min": "10", "max": "19"}


def test_the_json_record_carries_the_provenance_of_each_fact() -> None:
    _, records, _ = screen("cvr.jsonl")
    provenance = records["Nordlys Automation ApS"]["provenance"]
    assert provenance["company.employees_fte"] == (
        "CVR aarsbeskaeftigelse 2025, interval code ANTAL_10_19")
    assert provenance["company.legal_form"] == "CVR virksomhedsform APS"


def test_units_that_cannot_be_mapped_are_error_records_and_the_exit_code_is_4() -> None:
    code, records, stderr = screen("cvr.jsonl")
    assert code == 4
    assert len(records) == 7  # one record per unit, nothing lost
    assert "cvr.jsonl line 5: CVR 44556677: virksomhedsform 'XYZ' (code 999) is not" in stderr


def test_the_format_is_guessed_from_the_header_without_input_format() -> None:
    code, records, _ = screen("bolagsverket.txt")
    assert code == 4 and "Exempel AB" in records


def test_input_format_names_the_registry() -> None:
    code, records, _ = screen("enheter.json", "--input-format", "brreg-enheter")
    assert code == 4 and "REKON AS" in records


def test_the_csv_record_carries_the_provenance_in_one_column() -> None:
    import csv
    import io

    r = runner.invoke(app, ["batch", "--input", str(DATA / "cvr.jsonl"), "--format", "csv",
                            "--as-of", AS_OF], env={"NO_COLOR": "1"})
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert "company.employees_fte: CVR aarsbeskaeftigelse 2025, interval code ANTAL_10_19" in (
        rows[0]["provenance"].split(" | "))
    assert rows[4]["status"] == "error" and rows[4]["provenance"] == ""


# --- answers merged onto registry units (--profiles DIR) ----------------------------------------


def _prosess(record: dict[str, Any]) -> tuple[str, list[str]]:
    s = scheme(record, "no-prosessinnovasjon")
    return s["verdict"], [f["rule"] for f in s["findings"] if f["outcome"] == "unknown"]


def test_with_the_answers_merged_one_answer_is_left() -> None:
    """FJORDLYS AS answered all but one question: Prosessinnovasjon needs one answer, PO11."""
    code, records, _ = screen("mixed_enheter.csv", "--profiles", str(DATA / "answers"))
    assert code == 0
    assert _prosess(records["FJORDLYS AS"]) == ("needs_information", ["PO11"])


def test_with_the_last_answer_merged_the_scheme_is_settled() -> None:
    _, records, _ = screen("mixed_enheter.csv", "--profiles", str(DATA / "answers_settled"))
    assert _prosess(records["FJORDLYS AS"]) == ("fits", [])


def test_a_stated_fact_beats_the_registry_and_says_so() -> None:
    _, records, _ = screen("mixed_enheter.csv", "--profiles", str(DATA / "answers"))
    provenance = records["FJORDLYS AS"]["provenance"]
    assert provenance["company.employees_fte"] == (
        f"stated in {DATA / 'answers' / 'fjordlys.toml'}")
    assert provenance["company.legal_form"] == "Enhetsregisteret organisasjonsform.kode AS"


def test_a_conflict_with_the_registry_is_reported_not_silently_resolved() -> None:
    """HAVBRUK AS states 80 FTE where the employer register counts 40 people."""
    _, records, _ = screen("mixed_enheter.csv", "--profiles", str(DATA / "answers"))
    record = records["HAVBRUK AS"]
    assert "company.employees_fte" not in record["profile"].get("ranges", {})
    assert record["provenance"]["company.employees_fte"].startswith(
        f"stated in {DATA / 'answers' / 'havbruk.toml'}; conflicts with the registry's 0–40 "
        "(Enhetsregisteret antallAnsatte")


def test_answers_that_name_no_organisation_number_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('[company]\nname = "X"\n', encoding="utf-8")
    code, _, stderr = screen("mixed_enheter.csv", "--profiles", str(tmp_path))
    assert code == 2
    assert "x.toml: [company] names no org_number or cvr_number" in stderr


def test_a_gzip_registry_file_is_read_from_stdin() -> None:
    import gzip

    raw = gzip.compress((DATA / "cvr_hits.json").read_bytes())
    r = runner.invoke(app, ["batch", "--input", "-", "--input-format", "cvr", "--format",
                            "jsonl", "--as-of", AS_OF], input=raw, env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    names = [json.loads(line)["profile"]["name"] for line in r.stdout.splitlines()]
    assert names == ["Nordlys Automation ApS", "Region Test"]


def test_the_worked_example_of_docs_registries_is_what_batch_prints(monkeypatch: Any) -> None:
    """docs/registries.md's worked example is the table batch prints, 100 columns wide, run
    from the repository's root as the doc says."""
    import re

    root = Path(__file__).parents[2]
    monkeypatch.chdir(root)
    doc = (root / "docs" / "registries.md").read_text(encoding="utf-8")
    section = doc.split("## A worked example", 1)[1].split("\n## ", 1)[0]
    [shown] = re.findall(r"```text\n(.*?)```", section, re.S)
    r = runner.invoke(app, ["batch", "--input", "tests/registry/data/mixed_enheter.csv",
                            "--profiles", "tests/registry/data/answers_settled",
                            "--as-of", AS_OF, "--scheme", "no-prosessinnovasjon", "--scheme",
                            "no-bedriftsnettverk", "--jobs", "1"],
                      env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert [line.rstrip() for line in r.stdout.splitlines()] == shown.splitlines()


def test_a_registry_format_the_file_is_not_is_refused_before_anything_is_written() -> None:
    """--input-format cvr on Enhetsregisteret's CSV made an error record of every unit (exit
    4); the file's start names the other registry, so it is said once, exit 2."""
    for name, given, shown in [("enheter.csv", "cvr", "brreg-enheter"),
                               ("cvr.jsonl", "brreg-enheter", "cvr"),
                               ("bolagsverket.txt", "brreg-enheter", "bolagsverket")]:
        r = runner.invoke(app, ["batch", "--input", str(DATA / name), "--input-format", given,
                                "--format", "csv", "--as-of", AS_OF], env={"NO_COLOR": "1"})
        assert r.exit_code == 2, (name, r.stderr)
        assert r.stdout == ""
        assert f"Error: --input-format {given}: {DATA / name} looks like {shown}" in r.stderr
        assert f"Hint: give --input-format {shown}, or leave it out" in r.stderr
