"""`grantcheck schemes` and `grantcheck show`: read from the scheme modules, nothing missing."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from grantcheck.budget import checker as budget_checker
from grantcheck.cli import app
from grantcheck.describe import detail, schemes_overview
from grantcheck.law import de_minimis
from grantcheck.schemes import SCHEME_IDS, all_schemes, get, has_budget, sections
from grantcheck.schemes.dk_innobooster_people import parameters as ip
from grantcheck.schemes.dk_smv_digital import parameters as smv
from grantcheck.schemes.no_bedriftsnettverk import parameters as bn
from grantcheck.schemes.se_saker_digitalisering import parameters as sd

SCHEMES = all_schemes()
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def flat(text: str) -> str:
    """The output with its line wrapping undone (words joined by single spaces)."""
    return " ".join(text.split())


# --- show -------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_show_json_has_every_rule_parameter_and_document_of_the_module(scheme):
    r = run("show", scheme.id, "--format", "json", "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    shown = {rule["id"]: rule for s in data["sections"] for rule in s["rules"]}
    assert list(shown) != [] and set(shown) == {x.id for x in scheme.rules}
    for rule in scheme.rules:
        s = shown[rule.id]
        assert s["title"] == rule.title and s["kind"] == rule.kind.value
        assert s["reads"] == list(rule.reads)
        assert [c["quote"] for c in s["source"]] == [c.quote for c in rule.cites]
        assert [c["section"] for c in s["source"]] == [c.section for c in rule.cites]
    assert [p["name"] for p in data["parameters"]] == [p.name for p in scheme.parameters]
    assert [d["id"] for d in data["documents"]] == [d.id for d in scheme.documents]
    assert data["notes"] == list(scheme.notes)


@pytest.mark.parametrize("scheme", [s for s in SCHEMES if has_budget(s.id)], ids=lambda s: s.id)
def test_show_has_every_budget_rule_and_budget_parameter_of_the_checker(scheme):
    c = budget_checker(scheme.id)
    data = detail(scheme.id, date(2026, 11, 23))["budget"]
    assert [r["id"] for r in data["rules"]] == [r.id for r in c.rules] != []
    assert [r["reads"] for r in data["rules"]] == [list(r.reads) for r in c.rules]
    own = {p.name for p in scheme.parameters}
    assert [p["name"] for p in data["parameters"]] == [p.name for p in c.parameters
                                                       if p.name not in own]
    assert data["categories"] == c.categories and data["notes"] == list(c.notes)
    out = flat(run("show", scheme.id, "--as-of", "2026-11-23").stdout)
    assert "Budget rules (grantcheck budget)" in out
    for rule in c.rules:
        assert f"{rule.id} {rule.kind.value} {rule.title}" in out
        for cite in rule.cites:
            assert flat(cite.quote or cite.section) in out
    for p in c.parameters:
        assert p.name in out


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_show_table_names_every_rule_parameter_and_document(scheme):
    r = run("show", scheme.id, "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    out = flat(r.stdout)
    for rule in scheme.rules:
        assert f"{rule.id} {rule.kind.value} {rule.title}" in out
        for path in rule.reads:
            assert path in out
        for c in rule.cites:
            assert flat(c.quote or c.section) in out
    for p in scheme.parameters:
        assert p.name in out
    for d in scheme.documents:
        assert d.id in out
    for heading, _ in sections(scheme.id):
        assert heading in out


def test_show_lists_a_market_analysis_as_eligible_only_when_its_digital_part_is_not_minor():
    """'Markeds- og konkurrentanalyser hvor det digitale aspekt fylder en mindre del'."""
    text = flat(run("show", "dk-smv-digital", "--as-of", "2026-11-23").stdout)
    assert "market_analysis only where its digital aspect is not minor" in text
    never = text.split("never: ", 1)[1].split(" Own funding", 1)[0]
    assert "market_analysis" not in never and "marketing" in never


def test_show_says_when_a_scheme_states_no_budget_rules(monkeypatch):
    """A scheme without a budget module: `show` says `budget` cannot check it (JSON: null)."""
    monkeypatch.setattr("grantcheck.describe.has_budget", lambda scheme_id: False)
    assert detail("no-prosessinnovasjon", date(2026, 11, 23))["budget"] is None
    r = run("show", "no-prosessinnovasjon", "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    assert ("Budget rules (grantcheck budget) None: the scheme states no budget rules, so "
            "`grantcheck budget` cannot check a budget against it.") in flat(r.stdout)


def test_show_gives_a_parameters_value_on_the_date():
    data = detail("dk-smv-digital", date(2023, 6, 1))
    ceiling = next(p for p in data["parameters"] if p["name"] == de_minimis.DE_MINIMIS_CEILING.name)
    assert Decimal(ceiling["value"]) == de_minimis.DE_MINIMIS_CEILING.at(date(2023, 6, 1))
    later = detail("dk-smv-digital", date(2024, 6, 1))
    name = de_minimis.DE_MINIMIS_CEILING.name
    ceiling = next(p for p in later["parameters"] if p["name"] == name)
    assert Decimal(ceiling["value"]) == de_minimis.DE_MINIMIS_CEILING.at(date(2024, 6, 1))


def test_show_says_when_a_value_is_not_encoded():
    r = run("show", "dk-innobooster-people", "--as-of", "2020-01-01")
    assert r.exit_code == 0, r.stderr
    assert "not encoded on 2020-01-01" in flat(r.stdout)


def test_show_groups_rules_in_the_catalogues_order():
    headings = [s["heading"] for s in detail("dk-smv-digital", date(2026, 11, 23))["sections"]]
    assert headings == ["Legal basis", "Every applicant", "Tiers", "Co-financing",
                        "Direct investment support", "Eligible activities", "Advisor",
                        "Award criteria"]


def test_show_quotes_the_page_as_text_not_markup():
    r = run("show", "no-prosessinnovasjon", "--as-of", "2026-11-23")
    assert "«Prosjektet må være et betydelig løft for bedriften.»" in flat(r.stdout)
    assert "(EU/national law, not on the scheme page)" in flat(r.stdout)


def test_show_documents_say_when_they_are_needed():
    docs = {d["id"]: d for d in detail("dk-smv-digital", date(2026, 11, 23))["documents"]}
    assert "company.fte_differs_from_cvr" in docs["fte_explanation"]["when"]
    assert docs["smv_application"]["when"] == "always"
    assert docs["smv_payment_request"]["stage"] == "after_project"


def test_show_an_unknown_scheme_is_exit_2_with_a_hint():
    r = run("show", "dk-smv-digitl")
    assert r.exit_code == 2
    assert "Error: scheme 'dk-smv-digitl': no such scheme" in r.stderr
    assert "did you mean 'dk-smv-digital'?" in r.stderr
    assert r.stdout == ""


# --- schemes ----------------------------------------------------------------------------------


def _overview(on: date) -> dict[str, dict]:
    return {s["id"]: s for s in schemes_overview(on)["schemes"]}


def test_schemes_lists_every_scheme_in_catalogue_order():
    data = schemes_overview(date(2026, 11, 23))
    assert [s["id"] for s in data["schemes"]] == list(SCHEME_IDS)


def test_the_status_follows_the_evaluation_date():
    before = _overview(date(2023, 2, 15))["se-saker-digitalisering"]
    assert before["status"] == "open"
    assert before["status_text"] == (f"open until {sd.LAST_OPEN_DAY.isoformat()} "
                                     "(no opening date stated)")
    after = _overview(date(2023, 3, 2))["se-saker-digitalisering"]
    assert after["status"] == "closed"
    assert after["status_text"].startswith(f"closed since {sd.LAST_OPEN_DAY.isoformat()}")
    assert _overview(date(2020, 12, 1))["dk-innobooster-people"]["status"] == "open"
    assert _overview(date(2020, 12, 2))["dk-innobooster-people"]["status"] == "closed"


def test_the_amounts_come_from_the_schemes_parameters():
    on = date(2026, 11, 23)
    s = _overview(on)
    [bn_amounts] = s["no-bedriftsnettverk"]["amounts"]
    assert Decimal(bn_amounts["max_grant"]["amount"]) == bn.MAX_GRANT_PER_YEAR.at(on)
    assert Decimal(bn_amounts["aid_rate"]) == bn.MAX_PUBLIC_SHARE.at(on)
    assert bn_amounts["own_funding_form"] == bn.OWN_FUNDING_FORM
    tiers = s["dk-smv-digital"]["amounts"]
    assert [t["tier"] for t in tiers] == [t.id for t in get("dk-smv-digital").tiers]
    assert [Decimal(t["max_grant"]["amount"]) for t in tiers] == [
        smv.GRANT_T25.at(on), smv.GRANT_T100.at(on), smv.GRANT_T250.at(on)]
    [ip_amounts] = s["dk-innobooster-people"]["amounts"]
    assert Decimal(ip_amounts["max_grant"]["amount"]) == ip.CAP.at(on)
    assert Decimal(ip_amounts["aid_rate"]) == ip.SALARY_RATE.at(on)
    [po] = s["no-prosessinnovasjon"]["amounts"]
    assert po["max_grant"] is None  # the page states no cap
    assert po["aid_rate"] == "0.50"


def test_the_schemes_table_shows_status_and_amounts():
    r = run("schemes", "--as-of", "2023-02-15")
    assert r.exit_code == 0, r.stderr
    for scheme_id in SCHEME_IDS:
        assert scheme_id in r.stdout
    assert "open until" in r.stdout and "2023-03-01" in r.stdout
    assert "NOK 750,000" in r.stdout
    assert "no cap stated" in r.stdout


def test_schemes_json_is_clean_on_stdout():
    r = run("schemes", "--format", "json", "--as-of", "2026-11-23")
    assert r.exit_code == 0 and r.stderr == ""
    assert json.loads(r.stdout)["evaluation_date"] == "2026-11-23"


def test_schemes_bad_date_is_exit_2():
    r = run("schemes", "--as-of", "tomorrow")
    assert r.exit_code == 2 and "--as-of 'tomorrow': not a date" in r.stderr


@pytest.mark.parametrize(("given", "hint"), [
    ("SMV:Digital", "did you mean 'dk-smv-digital'?"),
    ("Prosessinnovasjon", "did you mean 'no-prosessinnovasjon'?"),
    ("Innobooster People", "did you mean 'dk-innobooster-people'?"),
    ("digital", "did you mean 'dk-smv-digital' or 'se-saker-digitalisering'?"),
    ("xyz", "known: dk-innobooster-people, dk-smv-digital"),
])
def test_a_scheme_named_as_its_page_names_it_gets_its_id(given, hint):
    r = runner.invoke(app, ["show", given])
    assert r.exit_code == 2
    assert f"Hint: {hint}" in r.stderr
