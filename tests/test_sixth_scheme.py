"""A sixth scheme is its package and its case file, touching nothing else (issue 15).

``tests/extra_schemes/fi_demo_voucher`` is a FICTIONAL Finnish voucher written by following
docs/adding-a-scheme.md: a country rule, a size rule with a dated parameter, a capped 50 % grant,
one document and budget rules, with its page (``page.txt``) and its case file (``cases.toml``)
beside it. Discovery finds it when ``GRANTCHECK_SCHEMES_PATH`` names tests/extra_schemes; these
tests run the installed console script in a subprocess with that variable set, as a user would,
and the scheme tests (contract, citations, machinery, cases) in a pytest of their own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from grantcheck.schemes import SCHEME_IDS

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "tests" / "extra_schemes"
ID = "fi-demo-voucher"
ON = "2026-11-01"
SMALL = """\
[company]
name = "Koivu Oy"
country = "FI"
employees_fte = 12

[project]
budget_total = 30000
grant_sought = 10000
"""
LARGE = """\
[company]
name = "Iso Oy"
country = "FI"
employees_fte = 120
"""


def _console_script() -> str:
    script = Path(sys.executable).with_name("grantcheck")
    return str(script) if script.exists() else "grantcheck"


def run(*args: str, extra: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("GRANTCHECK_SCHEMES_PATH", None)
    if extra:
        env["GRANTCHECK_SCHEMES_PATH"] = str(EXTRA)
    return subprocess.run([_console_script(), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def _profile(tmp_path: Path, text: str, name: str = "koivu.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_schemes_lists_it_with_its_amounts_in_euro() -> None:
    r = run("schemes", "--as-of", ON)
    assert r.returncode == 0, r.stderr
    assert "Demo Growth Voucher" in r.stdout and ID in r.stdout and "EUR 10,000" in r.stdout
    r = run("schemes", "--as-of", ON, "--format", "json")
    assert r.returncode == 0, r.stderr
    schemes = {s["id"]: s for s in json.loads(r.stdout)["schemes"]}
    assert sorted(schemes) == sorted([*SCHEME_IDS, ID])
    fi = schemes[ID]
    assert (fi["country"], fi["currency"], fi["status"]) == ("FI", "EUR", "open")
    [amounts] = fi["amounts"]
    assert amounts["max_grant"] == {"amount": "10000", "currency": "EUR"}
    assert amounts["aid_rate"] == "0.50"


def test_show_gives_its_rules_by_section_its_parameters_and_its_budget_rules() -> None:
    r = run("show", ID, "--as-of", ON)
    assert r.returncode == 0, r.stderr
    out = " ".join(r.stdout.split())
    for text in ("Who can apply", "How much", "FDV01", "FDV02", "FDV03", "FDVB01", "FDVB02",
                 "«The voucher is for companies registered in Finland.»",
                 "fdv_staff_below = 50 FTE", "fdv_application_form"):
        assert text in out, text
    data = json.loads(run("show", ID, "--as-of", "2027-06-01", "--format", "json").stdout)
    assert [(s["heading"], [r["id"] for r in s["rules"]]) for s in data["sections"]] == [
        ("Legal basis", ["FDV00"]), ("Who can apply", ["FDV01", "FDV02"]),
        ("How much", ["FDV03"])]
    staff = next(p for p in data["parameters"] if p["name"] == "fdv_staff_below")
    assert staff["value"] == "100"  # the dated value in force in 2027
    assert [r["id"] for r in data["budget"]["rules"]] == ["FDVB01", "FDVB02"]


def test_match_reads_a_finnish_profile_in_euro_and_finds_it_fits(tmp_path: Path) -> None:
    r = run("match", str(_profile(tmp_path, SMALL)), "--as-of", ON, "--format", "json")
    assert r.returncode == 0, r.stderr  # 0: an open scheme fits
    data = json.loads(r.stdout)
    assert data["profile"]["currency"] == "EUR"  # FI's currency, from the scheme's package
    fi = next(s for s in data["schemes"] if s["id"] == ID)
    assert fi["verdict"] == "fits"
    assert fi["max_grant"] == {"amount": "10000", "currency": "EUR"}
    assert fi["own_funding"]["amount"] == "20000"
    assert [f["outcome"] for f in fi["findings"]] == ["pass", "pass", "pass", "pass"]
    table = run("match", str(_profile(tmp_path, SMALL)), "--as-of", ON, "--scheme", ID)
    assert table.returncode == 0 and "Demo Growth Voucher" in table.stdout, table.stderr


def test_match_says_why_a_larger_company_does_not_fit(tmp_path: Path) -> None:
    r = run("match", str(_profile(tmp_path, LARGE)), "--as-of", ON, "--scheme", ID,
            "--explain")
    assert r.returncode == 1, r.stderr  # 1: no open scheme fits
    out = " ".join(r.stdout.split())
    assert "does not fit" in out and "120 full-time employees; fewer than 50 required" in out


def test_budget_checks_a_draft_against_its_cost_rules() -> None:
    r = run("budget", "--scheme", ID, "--line", "consultancy=15000", "--as-of", ON)
    assert r.returncode == 0, r.stderr  # 0: the budget complies
    out = " ".join(r.stdout.split())
    assert "Demo Growth Voucher (fi-demo-voucher): complies" in out and "EUR 7,500" in out
    r = run("budget", "--scheme", ID, "--line", "consultancy=25000", "--line", "travel=900",
            "--as-of", ON, "--format", "json")
    assert r.returncode == 1, r.stderr  # 1: it breaks a rule
    [b] = json.loads(r.stdout)["budgets"]
    assert b["verdict"] == "breaks_rules"
    assert b["totals"]["grant"] == {"amount": "10000", "currency": "EUR"}  # the cap binds
    assert "the cap" in b["grant_parts"][0]["bound_by"]


def test_batch_checks_a_folder_of_profiles_against_it(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    _profile(folder, SMALL, "a.toml")
    _profile(folder, LARGE, "b.toml")
    r = run("batch", str(folder), "--format", "csv", "--as-of", ON, "--jobs", "1")
    assert r.returncode == 0, r.stderr  # 0: every input was checked
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [Path(row["source"]).name for row in rows] == ["a.toml", "b.toml"]
    assert [row[f"{ID}.verdict"] for row in rows] == ["fits", "does_not_fit"]
    assert [row[f"{ID}.currency"] for row in rows] == ["EUR", "EUR"]
    assert rows[0]["fitting_schemes"] == ID


def test_batch_writes_its_compact_records_and_the_catalogue_names_its_rules(
        tmp_path: Path) -> None:
    """A scheme of a country outside DK/NO/SE: the sample applicant of its usual findings
    states the scheme's currency, so the compact record is written, not an internal error."""
    folder = tmp_path / "clients"
    folder.mkdir()
    _profile(folder, SMALL, "a.toml")
    r = run("batch", str(folder), "--format", "jsonl", "--scheme", ID, "--as-of", ON,
            "--jobs", "1")
    assert r.returncode == 0, r.stderr
    [record] = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(s["id"], s["verdict"]) for s in record["schemes"]] == [(ID, "fits")]
    r = run("schemes", "--catalogue", "--scheme", ID, "--as-of", ON)
    assert r.returncode == 0, r.stderr
    catalogue = json.loads(r.stdout)
    assert catalogue["rule_set_digest"] == record["rule_set_digest"]
    assert all(rule["usual"] is None or rule["usual"]["outcome"] != "pass"
               for rule in catalogue["schemes"][0]["rules"])


def test_without_the_path_grantcheck_does_not_know_it() -> None:
    r = run("show", ID, extra=False)
    assert r.returncode == 2 and f"Error: scheme {ID!r}: no such scheme" in r.stderr


def test_the_contract_citation_machinery_and_case_tests_pass_for_it() -> None:
    """The tests every scheme must pass, run with the scheme on the path."""
    env = {**os.environ, "GRANTCHECK_SCHEMES_PATH": str(EXTRA)}
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
         "tests/test_scheme_contract.py", "tests/test_citations.py",
         "tests/test_scheme_machinery.py", "tests/schemes/test_cases.py",
         "-k", f"{ID} or one_parameter_name"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stdout[-4000:]
    passed = re.search(r"(\d+) passed", r.stdout)
    assert passed and int(passed.group(1)) >= 30, r.stdout[-2000:]  # 16 cases among them


def test_the_recipes_example_is_the_worked_examples_code() -> None:
    """docs/adding-a-scheme.md shows a rule of tests/extra_schemes/fi_demo_voucher: the same
    code, line for line."""
    recipe = (ROOT / "docs" / "adding-a-scheme.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", recipe, re.S)
    rules = (EXTRA / "fi_demo_voucher" / "rules.py").read_text(encoding="utf-8")
    assert example.strip() in rules
