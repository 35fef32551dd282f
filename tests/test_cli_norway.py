"""The two Norwegian schemes through typer's CliRunner: `match` and `budget` agree on the same
facts, and what a user sees on dates and inputs the rules do not cover."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import run, write

# Prosess- og organisasjonsinnovasjon: an SME, its profile and its budget stating the same grant
# sought on the same eligible costs. At 11 NOK to the euro the GBER art. 4(1)(l) threshold of
# EUR 7.5 million is NOK 82,500,000.
PROSESS = """[company]
name = "Verksted AS"
country = "NO"
employees_fte = 20
owners_fte = 0
turnover = 30_000_000
balance_sheet_total = 20_000_000
related = []
public_ownership_percent = 0
in_difficulty = false
sector = "other"

[project]
start = 2027-03-01
application_date = 2026-12-01
budget_total = 165_000_002
grant_sought = {sought}
exclusions = []
environmental_shift = false

[declarations]
no_competition_distortion = true
process_or_organisational_innovation = true
substantial_leap = true

[budget]
scheme = "no-prosessinnovasjon"
grant_sought = {sought}

[[budget.lines]]
description = "Process consultancy"
category = "consultancy"
amount = 165_000_002
"""
AT = ("--as-of", "2026-06-01", "--rate", "NOK=11")


def _match_finding(path: Path, rule: str) -> dict[str, Any]:
    r = run("match", str(path), "-s", "no-prosessinnovasjon", "-f", "json", *AT)
    (scheme,) = json.loads(r.stdout)["schemes"]
    return next(f for f in scheme["findings"] if f["rule"] == rule)


def _budget_finding(path: Path, rule: str) -> dict[str, Any]:
    r = run("budget", str(path), "-f", "json", *AT)
    (budget,) = json.loads(r.stdout)["budgets"]
    return next(f for f in budget["findings"] if f["rule"] == rule)


@pytest.mark.parametrize(("sought", "outcome"), [("82_500_000", "pass"),
                                                 ("82_500_001", "fail")])
def test_match_and_budget_agree_on_the_notification_threshold(
        tmp_path: Path, sought: str, outcome: str) -> None:
    """GBER does not apply above EUR 7.5 million: PO10 and POB04 pass at it, fail one krone
    above it, on the same facts."""
    path = write(tmp_path, PROSESS.replace("{sought}", sought))
    po10, pob04 = _match_finding(path, "PO10"), _budget_finding(path, "POB04")
    assert (po10["outcome"], pob04["outcome"]) == (outcome, outcome)
    assert po10["kind"] == "hard"
    if outcome == "fail":
        assert "NOK 82,500,000 (NOK 1 less)" in po10["fix"]
        assert "NOK 82,500,000 (NOK 1 less)" in pob04["fix"]


def test_without_a_grant_sought_both_stop_at_the_threshold(tmp_path: Path) -> None:
    """Half of the costs (NOK 82,500,001) above the threshold, no grant sought: GBER does not
    apply to aid above it (art. 4(1)(l)), so `match`'s max grant and `budget`'s grant are both
    NOK 82,500,000, the own funding both NOK 82,500,002; PO10 and POB04 both pass and the
    verdicts are fits and complies (exit 0)."""
    path = write(tmp_path, PROSESS.replace("grant_sought = {sought}\n", ""))
    m = run("match", str(path), "-s", "no-prosessinnovasjon", "-f", "json", *AT)
    b = run("budget", str(path), "-f", "json", *AT)
    assert (m.exit_code, b.exit_code) == (0, 0), (m.output, b.output)
    (scheme,) = json.loads(m.stdout)["schemes"]
    (budget,) = json.loads(b.stdout)["budgets"]
    threshold = {"amount": "82500000", "currency": "NOK"}
    assert scheme["verdict"] == "fits" and budget["verdict"] == "complies"
    assert scheme["max_grant"] == budget["totals"]["grant"] == threshold
    assert scheme["cap"] == budget["grant_parts"][0]["cap"] == threshold
    assert scheme["own_funding"]["amount"] == budget["totals"]["own_funding"]["amount"] \
        == "82500002"
    po10 = next(f for f in scheme["findings"] if f["rule"] == "PO10")
    pob04 = next(f for f in budget["findings"] if f["rule"] == "POB04")
    assert (po10["outcome"], pob04["outcome"]) == ("pass", "pass")


# Bedriftsnettverk: the applicant and two Norwegian SMEs, for year {year} of a {years}-year
# main project.
NETWORK = """[company]
name = "Acme AS"
country = "NO"
legal_form = "limited_company"
employees_fte = 10
owners_fte = 1
turnover = 5_000_000
balance_sheet_total = 2_000_000
related = []
public_ownership_percent = 0
economic_activity_in_norway = true
registered_in_foretaksregisteret = true

[declarations]
sound_finances = true
network_growth_ambitions = true
network_market_purpose = true
network_strategic_cooperation = true

[project]
budget_total = 2_000_000
grant_sought = 750_000

[documents]
held = ["letter_of_intent", "network_application_form"]

[network]
project_year = {year}
duration_years = {years}
year1_end = 2027-12-31
applicant_ownership_links = []
participants = [
{participants}]
"""
PARTICIPANT = ('  {{ name = "{name}", kind = "company", country = "NO", sme = true, '
               "established_in_norway = true, sound_finances = true, "
               "registered_in_foretaksregisteret = true, private = true, "
               "ownership_links = [] }},\n")


def _network(tmp_path: Path, year: int = 1, years: int = 3) -> Path:
    participants = "".join(PARTICIPANT.format(name=n) for n in ("B AS", "C AS"))
    return write(tmp_path, NETWORK.replace("{year}", str(year)).replace("{years}", str(years))
                 .replace("{participants}", participants))


def test_a_year_past_the_projects_length_is_named_with_both_fields(tmp_path: Path) -> None:
    """Year 3 of a 2-year project: BN21 fails naming the year and the length, exit 1."""
    r = run("match", str(_network(tmp_path, 3, 2)), "-s", "no-bedriftsnettverk",
            "--as-of", "2026-06-01")
    assert r.exit_code == 1, r.output
    assert "does not fit" in r.stdout and "BN21" in r.stdout
    assert "network.project_year, 1 to 2" in r.stdout and "network.duration_years" in r.stdout
    assert r.stderr == ""


def test_the_last_year_of_the_project_fits(tmp_path: Path) -> None:
    """Year 2 of a 2-year project: BN21 passes and the network fits, exit 0."""
    r = run("match", str(_network(tmp_path, 2, 2)), "-s", "no-bedriftsnettverk",
            "--as-of", "2026-06-01")
    assert r.exit_code == 0, r.output
    assert "relevant for assessment" in r.stdout


def _bn_amounts(path: Path, on: str) -> dict[str, Any]:
    r = run("match", str(path), "-s", "no-bedriftsnettverk", "-f", "json", "--as-of", on,
            "--rate", "NOK=11")
    (scheme,) = json.loads(r.stdout)["schemes"]
    return scheme


@pytest.mark.parametrize("on", ["0001-01-01", "2004-12-31"])
def test_no_amount_is_shown_before_the_rules_are_encoded(tmp_path: Path, on: str) -> None:
    """Before 2005-01-01 (the EU SME definition the rules read) the page's NOK 750,000 is not
    shown: the amounts are absent, with the reason."""
    scheme = _bn_amounts(_network(tmp_path), on)
    assert scheme["max_grant"] is None and scheme["own_funding"] is None
    assert scheme["amount_basis"].startswith(f"the rules for {on} are not encoded")


def test_the_amounts_are_shown_from_the_first_encoded_day(tmp_path: Path) -> None:
    """On 2005-01-01 the grant is 50 % of NOK 2,000,000, at most NOK 750,000."""
    scheme = _bn_amounts(_network(tmp_path), "2005-01-01")
    assert scheme["max_grant"] == {"amount": "750000", "currency": "NOK"}


def test_the_scheme_list_shows_no_amount_before_the_rules_are_encoded() -> None:
    """`schemes --as-of 0001-01-01` gives Bedriftsnettverk no max grant, and says why."""
    r = run("schemes", "-f", "json", "--as-of", "0001-01-01")
    (bn,) = [s for s in json.loads(r.stdout)["schemes"] if s["id"] == "no-bedriftsnettverk"]
    (amounts,) = bn["amounts"]
    assert amounts["max_grant"] is None and "not encoded" in amounts["basis"]


@pytest.mark.parametrize(("on", "verdict", "exit_code"), [("2004-12-31", "needs_information", 1),
                                                          ("2005-01-01", "complies", 0)])
def test_the_budget_computes_no_grant_before_the_rules_are_encoded(
        tmp_path: Path, on: str, verdict: str, exit_code: int) -> None:
    """A Bedriftsnettverk draft on 2004-12-31 gets no grant and every cost rule is unknown,
    naming the date; from 2005-01-01 it gets 50 % of NOK 1,000,000 and complies (no other
    financing, stated: left out, other public support would leave BNB03/05/06 open)."""
    draft = tmp_path / "draft.toml"
    draft.write_text('[budget]\nfinancing = []\n[[budget.lines]]\ncategory = "consultancy"\n'
                     "amount = 1000000\n", encoding="utf-8")
    r = run("budget", str(draft), "--scheme", "no-bedriftsnettverk", "-f", "json",
            "--as-of", on, "--rate", "NOK=11")
    assert r.exit_code == exit_code, r.output
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["verdict"] == verdict
    if verdict == "complies":
        assert b["totals"]["grant"] == {"amount": "500000", "currency": "NOK"}
        return
    assert b["grant_parts"] == []
    assert {f["outcome"] for f in b["findings"]} == {"unknown"}
    assert all(f["message"].startswith(f"the rules for {on} are not encoded")
               for f in b["findings"])
