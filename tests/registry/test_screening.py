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


def batch_of(path: Path, *args: str) -> Any:
    return runner.invoke(app, ["batch", "--input", str(path), *args, "--format", "csv",
                               "--as-of", AS_OF], env={"NO_COLOR": "1"})


def test_grantchecks_own_csv_given_as_a_registry_is_refused_with_what_it_looks_like(
        tmp_path: Path) -> None:
    """One error record and exit 4 before; a wrong header is bad input: exit 2, nothing
    written, the hint naming the format the file is in."""
    own = tmp_path / "own.csv"
    own.write_text("name,country\nAlfa ApS,DK\n", encoding="utf-8")
    r = batch_of(own, "--input-format", "brreg-enheter")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.splitlines() == [
        f"Error: {own}: not Enhetsregisteret's enheter file: no column 'organisasjonsnummer' "
        "in its header (line 1)",
        "Hint: it looks like grantcheck's own CSV (its columns are profile fields: name, "
        "country, …): give --input-format csv, or leave --input-format out"]


def test_a_tab_separated_registry_file_is_refused_with_a_delimiter_hint(tmp_path: Path) -> None:
    tab = tmp_path / "tab.csv"
    tab.write_text('"organisasjonsnummer"\t"navn"\n"923609016"\t"FJORDLYS AS"\n',
                   encoding="utf-8")
    r = batch_of(tab)
    assert (r.exit_code, r.stdout) == (2, "")
    assert "Hint: its header is separated by tabs" in r.stderr


def test_a_shortlist_of_a_file_with_a_wrong_header_is_an_error_not_an_empty_list(
        tmp_path: Path) -> None:
    own = tmp_path / "own.csv"
    own.write_text("name,country\nAlfa ApS,DK\n", encoding="utf-8")
    r = runner.invoke(app, ["shortlist", "--input", str(own), "--input-format",
                            "brreg-enheter", "--format", "csv", "--as-of", AS_OF])
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.startswith(f"Error: {own}: not Enhetsregisteret's enheter file")


def test_a_file_given_as_json_lines_whose_first_line_is_not_json_is_refused(
        tmp_path: Path) -> None:
    """A CSV, a TOML profile or a pretty-printed JSON document read as JSON Lines made an
    error record of every line (exit 4): refused once, exit 2, the hint saying what it is."""
    files = {
        "own.csv": ("name,country\nAlfa ApS,DK\n", "it looks like grantcheck's CSV: give "
                    "--input-format csv"),
        "p.toml": ('[company]\nname = "A"\ncountry = "DK"\n', "it looks like a TOML "
                   "profile: give it as a path (grantcheck batch FILE), not --input"),
        "pretty.json": ('{\n  "company": {"name": "A", "country": "DK"}\n}\n', "it looks like "
                        "one JSON document written over several lines: JSON Lines is one "
                        "object per line (jq -c . FILE writes it so)"),
    }
    for name, (text, hint) in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = batch_of(path, "--input-format", "jsonl")
        assert (r.exit_code, r.stdout) == (2, ""), name
        lines = r.stderr.splitlines()
        assert lines[0].startswith(f"Error: {path}:1: not JSON Lines: its first line is not "
                                   "JSON ("), name
        assert lines[1].startswith(f"Hint: {hint}"), name


def test_a_json_lines_file_with_a_bad_line_later_still_gives_an_error_record(
        tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"company": {"name": "A", "country": "DK"}}\nnot json\n',
                    encoding="utf-8")
    r = batch_of(path)
    assert r.exit_code == 4
    assert len(r.stdout.splitlines()) == 3  # the header and two records


def test_explain_of_a_unit_that_could_not_be_read_says_why(tmp_path: Path) -> None:
    """The unit is in the file but failed to read: not 'no unit with that number'."""
    path = tmp_path / "enheter.csv"
    path.write_text("organisasjonsnummer,navn,organisasjonsform.kode,forretningsadresse.landkode"
                    "\n912345678,RARTFORM,XYZ,NO\n923609016,FJORDLYS AS,AS,NO\n",
                    encoding="utf-8")
    r = runner.invoke(app, ["shortlist", "--input", str(path), "--as-of", AS_OF,
                            "--explain", "912 345 678"])
    assert r.exit_code == 4
    assert r.stderr.splitlines() == [
        f"Error: --explain 912 345 678: that unit could not be read: {path}:2: 912345678: "
        "organisasjonsform.kode 'XYZ' is not mapped to a legal form (docs/registries.md lists "
        "those that are)"]


def test_grantchecks_own_csv_separated_by_tabs_is_refused_with_a_delimiter_hint(
        tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("name\tcountry\nA\tDK\n", encoding="utf-8")
    r = batch_of(path)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.splitlines() == [
        f"Error: {path}: unknown column 'name\\tcountry'",
        "Hint: its header is separated by tabs; a CSV is read separated by ',' or ';': save it "
        "so"]


def test_a_registry_column_given_twice_refuses_the_file(tmp_path: Path) -> None:
    """Two 'navn' columns: the last was read, the first lost unseen."""
    path = tmp_path / "enheter.csv"
    path.write_text("organisasjonsnummer,navn,navn,forretningsadresse.landkode\n"
                    "923609016,FJORDLYS AS,OTHER AS,NO\n", encoding="utf-8")
    r = batch_of(path)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr.splitlines() == [
        f"Error: {path}: the column 'navn' appears twice in its header (line 1)",
        "Hint: keep one of them: which one is meant cannot be told"]


def test_grantchecks_own_csv_column_given_twice_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("name,country,name\nA,DK,B\n", encoding="utf-8")
    r = batch_of(path)
    assert r.exit_code == 2
    assert f"Error: {path}: the column 'name' appears twice in its header (line 1)" in r.stderr


def test_a_json_key_given_twice_in_one_object_is_an_error_record(tmp_path: Path) -> None:
    """As TOML refuses it ('Cannot overwrite a value'); the last one won before."""
    path = tmp_path / "p.jsonl"
    path.write_text('{"company": {"name": "A", "country": "DK"}}\n'
                    '{"company": {"name": "A", "country": "DK", "name": "B"}}\n',
                    encoding="utf-8")
    r = batch_of(path)
    assert r.exit_code == 4
    assert (f"Error: {path}:2: the key 'name' is given twice in one object: which one is "
            "meant?") in r.stderr
