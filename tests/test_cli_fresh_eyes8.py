"""A new user's read, eighth round: `init` asks for the schemes `match` shows the company (and
names those it leaves out), and `budget` says the call as `match` does, its first line included,
and breaks a rule for an application dated after an open call's last day."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.plan import left_out_line, make_plan
from grantcheck.profile import country_currency
from grantcheck.schemes import all_schemes
from tests.support import country_without_scheme, one_line_each

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
ON = "2026-11-23"
SE_OPEN, SE_CLOSED = "2023-03-01", "2023-03-02"  # Säker digitalisering's last open day, the next


def run(*args: str, input: str | None = None, columns: str = "100"):
    return one_line_each(runner.invoke(app, list(args), input=input,
                                       env={"NO_COLOR": "1", "COLUMNS": columns}))


def _flat(text: str) -> str:
    """A written profile's header comment as one line of words."""
    return " ".join(text.replace("\n# ", " ").split())


# --- init asks for what match shows -----------------------------------------------------------


def _shown_by_match(tmp_path: Path, country: str, on: str) -> list[str]:
    """The schemes `match` shows (in scope) for a company of ``country`` of which only the name
    is known."""
    p = tmp_path / f"{country}.toml"
    currency = "" if country in country_currency() else 'currency = "EUR"\n'
    p.write_text(f'[company]\nname = "X"\ncountry = "{country}"\n{currency}', encoding="utf-8")
    r = run("match", str(p), "--as-of", on, "--format", "json")
    assert r.exit_code in (0, 1), r.stderr
    return [s["id"] for s in json.loads(r.stdout)["schemes"] if s["scope"]["state"] == "in_scope"]


@pytest.mark.parametrize("on", [ON, SE_OPEN, SE_CLOSED, "2020-11-15"])
@pytest.mark.parametrize("country", ["DK", "NO", "SE", country_without_scheme()])
def test_init_asks_for_the_schemes_match_shows_a_company_of_the_country(tmp_path, country, on):
    from datetime import date

    plan = make_plan(country, on=date.fromisoformat(on))
    assert [s.id for s in plan.schemes] == _shown_by_match(tmp_path, country, on)
    assert {i for i, _ in plan.left_out} | {s.id for s in plan.schemes} == {
        s.id for s in all_schemes()}


def test_a_danish_company_is_asked_about_prosessinnovasjon_as_match_shows_it(tmp_path):
    r = run("init", "-", "--as-of", ON, "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS")
    assert r.exit_code == 0, r.stderr
    head = _flat(r.stdout.split("\n\n", 1)[0])
    assert "with the questions of: dk-smv-digital, no-prosessinnovasjon." in head
    assert ("Not asked: dk-innobooster-people (closed 2020-12-01); no-bedriftsnettverk (a NO "
            "scheme; it would apply with company.registered_in_foretaksregisteret); "
            "se-saker-digitalisering (closed 2023-03-01). grantcheck init --scheme ID "
            "(repeatable) asks for the schemes named.") in head
    assert "(evaluation date 2026-11-23)" in head
    assert "\n# exclusions = ?  # " in r.stdout  # Prosessinnovasjon's PO06 reads it
    assert "\n# cvr_number = ?  # " in r.stdout
    assert "registered_in_foretaksregisteret = ?" not in r.stdout


def test_the_swedish_call_is_asked_of_a_danish_company_only_while_it_is_open():
    """A boundary pair on the call's last open day: the Swedish pilot call is tied to no
    registry, so match shows it to a Danish company while it is open, and init asks for it."""
    from datetime import date

    assert "se-saker-digitalisering" in [
        s.id for s in make_plan("DK", on=date.fromisoformat(SE_OPEN)).schemes]
    closed = make_plan("DK", on=date.fromisoformat(SE_CLOSED))
    assert "se-saker-digitalisering" not in [s.id for s in closed.schemes]
    assert ("se-saker-digitalisering", "closed 2023-03-01") in closed.left_out


def test_the_questions_start_by_naming_the_schemes_left_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the draft the ended input leaves
    r = run("init", "-", "--as-of", ON, input="DK\n")  # the input ends at the name
    assert r.exit_code == 2
    said = " ".join(r.stderr.split())
    assert ("Questions for: SMV:Digital (dk-smv-digital), Prosess- og organisasjonsinnovasjon "
            "(no-prosessinnovasjon).") in said
    assert "Not asked: dk-innobooster-people (closed 2020-12-01); no-bedriftsnettverk" in said


def test_the_list_of_countries_says_which_schemes_are_for_any_countrys_companies(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("init", "-", "--as-of", ON, input="")
    said = " ".join(r.stderr.split())
    assert "Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon; any country's companies " \
        "too)" in said
    assert "SMV:Digital (dk-smv-digital)," in said or "SMV:Digital (dk-smv-digital) " in said


def test_named_schemes_leave_nothing_said_out():
    plan = make_plan("DK", ["dk-smv-digital"])
    assert plan.left_out == () and left_out_line(plan) == ""


def test_a_country_of_no_scheme_is_told_which_schemes_need_a_registry(tmp_path):
    country = country_without_scheme()
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--as-of", ON, "--non-interactive", "--set",
            f"company.country={country}", "--set", "company.name=Oy", "--set",
            "company.currency=EUR")
    assert r.exit_code == 0, r.stderr
    head = _flat(target.read_text(encoding="utf-8").split("\n\n", 1)[0])
    assert "with the questions of: no-prosessinnovasjon." in head
    assert "dk-smv-digital (a DK scheme; it would apply with company.cvr_number)" in head
    # the file is a profile match reads, and match shows what init asked for
    m = run("match", str(target), "--as-of", ON, "--format", "json")
    shown = [s["id"] for s in json.loads(m.stdout)["schemes"] if s["scope"]["state"] == "in_scope"]
    assert shown == ["no-prosessinnovasjon"]


def test_init_help_says_the_default_schemes_are_those_match_shows():
    r = run("init", "--help", columns="200")
    assert "the schemes that can concern a company of its country, as match shows them" in (
        " ".join(r.stdout.split()))


# --- budget says the call, answer first -------------------------------------------------------


def _bare_budget(tmp_path: Path, applied: str) -> Path:
    p = tmp_path / "b.toml"
    p.write_text(f"""[budget]
scheme = "se-saker-digitalisering"
application_date = {applied}
start = 2023-03-15
end = 2023-10-31

[[budget.lines]]
category = "external_services"
amount = 1100000
""", encoding="utf-8")
    return p


def _call_finding(r) -> dict:
    found = json.loads(r.stdout)["budgets"][0]
    return next(f for f in found["findings"] if f["rule"] == "CALL")


def test_an_application_on_the_calls_last_day_passes_the_call_rule(tmp_path):
    p = _bare_budget(tmp_path, SE_OPEN)
    r = run("budget", str(p), "--as-of", "2023-02-15", "--format", "json")
    f = _call_finding(r)
    assert f["outcome"] == "pass"
    assert f["message"] == "application date 2023-03-01; the call's last open day is 2023-03-01"
    assert f["source"][0]["quote"] == "Stänger 1 mars 2023"
    t = run("budget", str(p), "--as-of", "2023-02-15")
    first = " ".join(t.stdout.split("\nBudget lines", 1)[0].split())
    assert first.endswith("; call open until 2023-03-01")
    assert "breaks rules" not in first


def test_an_application_the_day_after_the_calls_last_day_breaks_the_call_rule(tmp_path):
    p = _bare_budget(tmp_path, SE_CLOSED)
    r = run("budget", str(p), "--as-of", "2023-02-15", "--format", "json")
    assert r.exit_code == 1
    f = _call_finding(r)
    assert f["outcome"] == "fail"
    assert f["message"] == ("application date 2023-03-02; the call's last open day is 2023-03-01 "
                            "(1 day after it)")
    assert f["fix"] == "the call takes no application after 2023-03-01: apply by then"
    assert json.loads(r.stdout)["budgets"][0]["verdict"] == "breaks_rules"
    t = run("budget", str(p), "--as-of", "2023-02-15", columns="80")
    assert t.exit_code == 1
    first = " ".join(t.stdout.split("\nBudget lines", 1)[0].split())
    assert first.startswith("Stärk företagens konkurrenskraft med säker digitalisering (pilot) "
                            "(se-saker-digitalisering): breaks rules — grant ")
    assert first.endswith("; call open until 2023-03-01; applied 2023-03-02, after it")
    assert "CALL" in t.stdout  # the rule in the table, with the figures it compared


def test_the_profiles_application_date_is_read_when_the_budget_states_none(tmp_path):
    text = (ROOT / "profiles" / "norrsken-science-park.toml").read_text(encoding="utf-8")
    assert "application_date = 2023-02-20" in text
    late = tmp_path / "late.toml"
    late.write_text(text.replace("application_date = 2023-02-20", "application_date = 2023-03-02"),
                    encoding="utf-8")
    assert "application_date" not in tomllib.loads(text)["budget"]
    r = run("budget", str(late), "--as-of", "2023-02-15", "--format", "json")
    assert _call_finding(r)["outcome"] == "fail"
    on_time = run("budget", str(ROOT / "profiles" / "norrsken-science-park.toml"), "--as-of",
                  "2023-02-15", "--format", "json")
    assert _call_finding(on_time)["outcome"] == "pass"


def test_a_closed_call_is_said_by_its_status_not_by_the_call_rule(tmp_path):
    r = run("budget", str(_bare_budget(tmp_path, SE_CLOSED)), "--as-of", ON, "--format", "json")
    found = json.loads(r.stdout)["budgets"][0]
    assert found["verdict"] == "closed" and found["call"]["status"] == "closed"
    assert all(f["rule"] != "CALL" for f in found["findings"])


def test_a_call_without_a_last_day_is_said_open_with_no_dates():
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000", "--as-of", ON,
            columns="80")
    first = " ".join(r.stdout.split("\nBudget lines", 1)[0].split())
    assert first.endswith("; call open · no dates")


def test_a_date_the_rules_are_not_encoded_for_is_said_as_match_says_it():
    r = run("budget", "--scheme", "no-prosessinnovasjon", "--line", "personnel=100000",
            "--as-of", "2027-03-01")
    first = " ".join(r.stdout.split("\nBudget lines", 1)[0].split())
    assert first.endswith("; rules not encoded after 2026-12-31 (GBER art. 29)")
    assert "call not encoded" not in first


# --- show says whose scheme it is, as match and init decide it --------------------------------


@pytest.mark.parametrize("scheme", all_schemes(), ids=lambda s: s.id)
def test_show_says_which_companies_the_scheme_concerns_as_init_decides(scheme):
    r = run("show", scheme.id, "--as-of", ON, "--format", "json")
    companies = json.loads(r.stdout)["companies"]
    other = next(c for c in ("DK", "NO", "SE", country_without_scheme()) if c != scheme.country)
    asked = scheme in make_plan(other, on=None).schemes
    assert (companies["another_country_with"] is None) == asked
    assert scheme in make_plan(scheme.country, on=None).schemes


def test_show_names_the_field_that_ties_a_scheme_to_its_registry():
    r = run("show", "dk-smv-digital", "--as-of", ON)
    assert ("For companies of DK; of another country only with company.cvr_number (SMV01)"
            in " ".join(r.stdout.split()))
    r = run("show", "no-bedriftsnettverk", "--as-of", ON)
    assert ("For companies of NO; of another country only with "
            "company.registered_in_foretaksregisteret (BN07)") in " ".join(r.stdout.split())


# --- shortlist: an amount not known yet is "?", as in match's table ---------------------------


def test_shortlist_tells_an_amount_not_known_yet_from_no_prospect():
    r = run("shortlist", "--input", str(ROOT / "tests" / "registry" / "data" / "enheter.csv"),
            "--as-of", ON, "--format", "table")
    rows = r.stdout.splitlines()
    oslo = next(line for line in rows if "OSLO KOMMUNE" in line)
    konkurs = next(line for line in rows if "KONKURS AS" in line)
    assert "needs information" in oslo and oslo.split()[-2] == "?"
    assert "does not fit" in konkurs and konkurs.split()[-2:] == ["—", "—"]
    assert "? when not known yet" in " ".join(r.stdout.split())


# --- budget without a scheme: the schemes match shows, and a line for those left out ------------


def _without_budget_scheme(tmp_path: Path, name: str, scheme: str) -> Path:
    text = (ROOT / "profiles" / name).read_text(encoding="utf-8")
    line = f'scheme = "{scheme}"\n'
    assert text.count(line) == 1
    p = tmp_path / name
    p.write_text(text.replace(line, ""), encoding="utf-8")
    return p


def test_budget_names_the_schemes_it_did_not_check_and_how_to_check_one(tmp_path):
    p = _without_budget_scheme(tmp_path, "nordlys-automation.toml", "dk-smv-digital")
    r = run("budget", str(p), "--as-of", ON)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("SMV:Digital (dk-smv-digital)")
    assert r.stderr.splitlines()[0] == (
        "Note: not checked: no-prosessinnovasjon (needs information); --scheme "
        "no-prosessinnovasjon checks the budget against it")


def test_budget_never_picks_another_countrys_scheme_match_does_not_show(tmp_path):
    """Norrsken (SE) on a date its Swedish call is closed: match shows it only
    Prosessinnovasjon (does not fit), not Bedriftsnettverk; budget checked its budget against
    Bedriftsnettverk all the same."""
    p = _without_budget_scheme(tmp_path, "norrsken-science-park.toml", "se-saker-digitalisering")
    r = run("budget", str(p), "--as-of", ON)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "No open scheme could fit Norrsken Science Park AB on 2026-11-23" in r.stderr
    assert "no-bedriftsnettverk" not in r.stderr
