"""The two Norwegian schemes' amounts, own funding and documents as `match --format json` gives
them, at the edges of the pages' figures (fifth round of cases from the pages): what an outside
tester reads off the JSON, one case a test.

Bedriftsnettverk, «Støttebeløp»: 'inntil 750.000 kroner per år' and 'maksimalt utgjøre 50 prosent
av de støtteberettigede kostnadene'; «Krav til egenfinansiering»: 'minst 50 prosent'.
Prosess- og organisasjonsinnovasjon, «Hva kan finansieres?»: 'knyttet til GBER 29 ... søker er
liten eller mellomstor ... og gjelder kun unntaksvis for store bedrifter' (GBER art. 29(4): 50 %
for an SME, 15 % for a large enterprise)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support import json_amounts
from tests.test_cli import run, write
from tests.test_cli_norway import NETWORK, PARTICIPANT, PROSESS

ON = ("--as-of", "2026-11-01", "--rate", "NOK=11")

BOTH_DOCUMENTS = '"letter_of_intent", "network_application_form"'


def _network(tmp_path: Path, project: str = "budget_total = 2_000_000",
             held: str = BOTH_DOCUMENTS, name: str = "Acme AS",
             form: str = "limited_company") -> Path:
    """test_cli_norway's network (the applicant and two Norwegian SMEs, year 1 of 3) with
    these eligible costs and grant sought, documents held, name and legal form."""
    participants = "".join(PARTICIPANT.format(name=n) for n in ("B AS", "C AS"))
    text = (NETWORK.replace("{year}", "1").replace("{years}", "3")
            .replace("{participants}", participants)
            .replace('name = "Acme AS"\n', f'name = "{name}"\n', 1)
            .replace('legal_form = "limited_company"', f'legal_form = "{form}"', 1)
            .replace("budget_total = 2_000_000\ngrant_sought = 750_000", project, 1)
            .replace(BOTH_DOCUMENTS, held, 1))
    return write(tmp_path, text)


def _scheme(path: Path, scheme: str) -> tuple[int, dict[str, Any]]:
    r = run("match", str(path), "-s", scheme, "-f", "json", *ON)
    assert r.exit_code in (0, 1), r.output
    (found,) = json.loads(r.stdout)["schemes"]
    return r.exit_code, found


def _nok(amount: str | None) -> dict[str, Any]:
    return {"amount": amount, "currency": "NOK"}


# --- Bedriftsnettverk -------------------------------------------------------------------------


@pytest.mark.parametrize(("costs", "grant", "own"), [
    ("1_499_999", "749999.50", "749999.50"),
    ("1_500_000", "750000", "750000"),
    ("1_500_001", "750000", "750001"),
])
def test_the_network_grant_is_half_the_costs_up_to_nok_750000(
        tmp_path: Path, costs: str, grant: str, own: str) -> None:
    """Half of NOK 1,499,999 is below the cap; from NOK 1,500,000 the cap of NOK 750,000 holds,
    and own financing takes the rest, at least half."""
    code, bn = _scheme(_network(tmp_path, f"budget_total = {costs}"), "no-bedriftsnettverk")
    assert (code, bn["verdict"]) == (0, "fits")
    assert bn["max_grant"] == _nok(grant)
    assert bn["own_funding"]["amount"] == own
    assert bn["own_funding"]["form"] == "cash, hours or direct expenses"


def test_without_the_costs_the_network_grant_is_the_cap_and_own_funding_is_open(
        tmp_path: Path) -> None:
    code, bn = _scheme(_network(tmp_path, ""), "no-bedriftsnettverk")
    assert (code, bn["verdict"]) == (0, "fits")
    assert bn["max_grant"] == _nok("750000")
    assert bn["own_funding"]["amount"] is None
    assert bn["amount_missing_fields"] == ["project.budget_total"]


def test_a_network_without_its_letter_of_intent_lists_it_as_missing(tmp_path: Path) -> None:
    """'Intensjonsavtale underskrevet av deltakerbedriftene': a document to hold, listed as
    missing with the page's words, not a failed rule."""
    code, bn = _scheme(_network(tmp_path, held='"network_application_form"'),
                       "no-bedriftsnettverk")
    assert (code, bn["verdict"]) == (0, "fits")
    (doc,) = bn["missing_documents"]
    assert doc["id"] == "letter_of_intent"
    assert doc["source"][0]["quote"] == "Intensjonsavtale underskrevet av deltakerbedriftene"


def test_a_public_body_applicant_does_not_fit_and_says_why(tmp_path: Path) -> None:
    """A kommunalt foretak registered in Foretaksregisteret: not one of the participating
    companies ('én av deltaker-bedriftene'), so BN04 fails and match exits 1."""
    code, bn = _scheme(_network(tmp_path, name="Acme KF", form="public_body"),
                       "no-bedriftsnettverk")
    assert (code, bn["verdict"]) == (1, "does_not_fit")
    bn04 = next(f for f in bn["findings"] if f["rule"] == "BN04")
    assert (bn04["kind"], bn04["outcome"]) == ("hard", "fail")
    assert "én av deltaker-bedriftene" in bn04["source"][0]["quote"]


# --- Prosess- og organisasjonsinnovasjon --------------------------------------------------------

def _prosess(tmp_path: Path, staff: str, exception: str = "") -> Path:
    """test_cli_norway's SME and budget, with this staff, NOK 2,000,000 of eligible costs, no
    grant sought, and the exception for large enterprises declared (``true``/``false``) or
    not."""
    line = f"large_enterprise_exception = {exception}\n" if exception else ""
    text = (PROSESS.replace("employees_fte = 20", f"employees_fte = {staff}", 1)
            .replace("budget_total = 165_000_002\ngrant_sought = {sought}\n",
                     "budget_total = 2_000_000\n", 1)
            .replace("grant_sought = {sought}\n", "", 1)
            .replace("amount = 165_000_002", "amount = 2_000_000", 1)
            .replace("substantial_leap = true\n", "substantial_leap = true\n" + line, 1))
    return write(tmp_path, text)


@pytest.mark.parametrize(("staff", "exception", "verdict", "grant", "own"), [
    ("9", "", "fits", "1000000", "1000000"),  # micro
    ("10", "", "fits", "1000000", "1000000"),  # small: the same 50 %
    ("49", "", "fits", "1000000", "1000000"),
    ("50", "", "fits", "1000000", "1000000"),  # medium: the same 50 %
    ("249", "", "fits", "1000000", "1000000"),
    ("250", "true", "fits", "300000", "1700000"),  # large, under the exception: 15 %
    ("250", "", "needs_information", "300000", "1700000"),  # 15 %, if the exception applies
    ("250", "false", "does_not_fit", "0", "2000000"),  # large, outside it: no aid
])
def test_the_grant_and_own_funding_follow_the_size(
        tmp_path: Path, staff: str, exception: str, verdict: str, grant: str, own: str) -> None:
    """GBER art. 29(4) gives every SME, micro, small or medium, 50 %; a large enterprise 15 %
    under the exception and nothing outside it, as the budget's grant part says."""
    path = _prosess(tmp_path, staff, exception)
    _, po = _scheme(path, "no-prosessinnovasjon")
    assert po["verdict"] == verdict
    shown = json_amounts(po)  # outside the exception it does not fit: what it would give
    assert (po["max_grant"] is None) is (verdict == "does_not_fit")
    assert (shown["max_grant"], shown["own_funding"]["amount"]) == (_nok(grant), own)
    r = run("budget", str(path), "-f", "json", *ON)
    (b,) = json.loads(r.stdout)["budgets"]
    totals = b["totals"]
    if verdict != "fits":  # no grant to have while the company does not fit, or may not (FIT)
        assert totals["grant"] is None and totals["own_funding"] is None
        said = totals["no_grant"] if verdict == "does_not_fit" else totals["fit_unknown"]
        assert "(FIT)" in said and "PO01" in said, said
        totals = totals["if_it_fitted"]  # the grant part's arithmetic, as match's amounts
    assert (totals["grant"], totals["own_funding"]) == (_nok(grant), _nok(own))


def test_a_staff_range_across_250_leaves_the_grant_open_between_15_and_50_percent(
        tmp_path: Path) -> None:
    _, po = _scheme(_prosess(tmp_path, "{ min = 240, max = 260 }"), "no-prosessinnovasjon")
    assert po["verdict"] == "needs_information"
    assert po["max_grant"] is None and po["own_funding"]["amount"] is None
    assert po["amount_missing_fields"] == ["company.employees_fte"]
    assert "NOK 300,000 to NOK 1,000,000" in po["amount_basis"]


def test_a_staff_range_across_250_outside_the_exception_is_half_or_nothing(
        tmp_path: Path) -> None:
    """Declared outside the exception, a large enterprise gets nothing: the open grant is the
    SME's NOK 1,000,000 or none, never the 15 % of NOK 300,000."""
    _, po = _scheme(_prosess(tmp_path, "{ min = 240, max = 260 }", "false"),
                    "no-prosessinnovasjon")
    assert po["verdict"] == "needs_information"
    assert po["max_grant"] is None
    assert po["amount_missing_fields"] == ["company.employees_fte"]
    assert po["amount_basis"].startswith(
        "the grant is 50 % (an SME) of eligible costs NOK 2,000,000 = NOK 1,000,000, or none "
        "for a large enterprise, which the exception is declared not to cover; the size is open")
    assert "300,000" not in po["amount_basis"]


@pytest.mark.parametrize(("sought", "outcome"), [("300_000", "pass"), ("300_001", "unknown"),
                                                 ("1_000_001", "fail")])
def test_match_and_budget_agree_on_the_grant_sought_while_the_size_is_open(
        tmp_path: Path, sought: str, outcome: str) -> None:
    """240–260 staff under the declared exception: within 15 % of the NOK 2,000,000 the grant
    sought fits either size (PO09 and POB05 pass), above 50 % neither (both fail); between, the
    staff figure decides (both unknown, naming it)."""
    text = _prosess(tmp_path, "{ min = 240, max = 260 }", "true").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("budget_total = 2_000_000\n",
                                        f"budget_total = 2_000_000\ngrant_sought = {sought}\n")
                 .replace('scheme = "no-prosessinnovasjon"\n',
                          f'scheme = "no-prosessinnovasjon"\ngrant_sought = {sought}\n'))
    _, po = _scheme(path, "no-prosessinnovasjon")
    po09 = next(f for f in po["findings"] if f["rule"] == "PO09")
    (b,) = json.loads(run("budget", str(path), "-f", "json", *ON).stdout)["budgets"]
    pob05 = next(f for f in b["findings"] if f["rule"] == "POB05")
    assert (po09["outcome"], pob05["outcome"]) == (outcome, outcome)
    if outcome == "unknown":
        assert po09["missing_fields"] == pob05["missing_fields"] == ["company.employees_fte"]
