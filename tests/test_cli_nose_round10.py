"""Tenth round, Norway and Sweden: cases an outside tester writes from the pages, through the CLI
(typer's CliRunner, an explicit ``--as-of``), on the example profiles
(profiles/fjordnett-network.toml, profiles/norrsken-science-park.toml) changed by each case, or
on a profile `grantcheck init` writes; ``None`` leaves a fact out.

Bedriftsnettverk (Innovasjon Norge, «Bedriftsnettverk»):
- «Bedriftsnettverket må bestå av minst tre små og mellomstore bedrifter» (Minimumskrav til
  prosjektet; "SME" by the EU definition, not on the page): a participant's staff known only
  within bounds across 250 is settled by its declared ``sme``, as the figures leave it open; its
  own figures over the ceiling are not (its partner and linked enterprises only add to them).
  A company not counted now says why it is no SME (its figures, or its declaration). Its own
  turnover and balance sheet over both ceilings make it large whatever its staff (Annex art.
  2(1)); an applicant in difficulty has no sound finances in the count, as BN06 reads it.
- «Prosjektet må tilfredsstille følgende minimumskrav for å være relevant og aktuell for nærmere
  vurdering: … Intensjonsavtale underskrevet av deltakerbedriftene» (Minimumskrav til
  prosjektet): the signed letter of intent is one of the minimum requirements, so a fit whose
  letter is not held is «relevant og aktuell» only once it is; the verdict stays a fit (the
  letter is a document to hold, SCHEMES.md), the words say what it waits on.
- «Ingen søknadsfrister» / «Vi behandler søknadene fortløpende» and «Søknad for år to må sendes
  inn i god tid før avtalt prosjektperiode for år én utløper» (Ingen søknadsfrister): the
  scheme has no end date (none on the page), so it fits on any later date; but a year-2
  application checked after year 1 ended, its application date left out, is late on that date.
Prosess- og organisasjonsinnovasjon (Innovasjon Norge): «Det forutsetter at søker er liten eller
mellomstor i henhold til Statsstøtteregelverket» and «… uheldig konkurransevridning mellom norske
bedrifter» (the page's words on who may apply: no registry, no country excluded in words): a
company of any country is in scope, and `init` asks it every question `match` then names (as
it does for the other two schemes).
Säker digitalisering (Tillväxtverket): «Medfinansiering … i form av kontant medfinansiering»
(Medfinansiering): the own funding the amounts show is the rest of the budget, in cash.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import changed, match_changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
BN, PO = "no-bedriftsnettverk", "no-prosessinnovasjon"
FJORDNETT = PROFILES / "fjordnett-network.toml"
NOV = "2026-11-23"
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env=ENV)


# --- Bedriftsnettverk: a participant's staff across 250 and its declared SME status ------------


def sunnmore(staff: Any, sme: bool | None) -> dict[str, Any]:
    """Fjordnett's participants with Polar Sensor declared no SME, so that Sunnmøre Sveis (NOK
    52 million of turnover, NOK 20 million of balance sheet: within the money ceilings) decides
    whether there are three SMEs; its staff ``staff`` and its declared status ``sme`` (None:
    none)."""
    data = tomllib.loads(FJORDNETT.read_text(encoding="utf-8"))
    ps = data["network"]["participants"]
    ps[1]["sme"] = False
    ps[0]["staff"] = staff
    if sme is not None:
        ps[0]["sme"] = sme
    return {"network": {"participants": ps}}


SME_CASES = [
    # (name, staff, declared sme, BN08's outcome, words of BN08's message, fields it names)
    ("240 to 249 staff, no status declared: an SME by its own figures",
     {"min": 240, "max": 249}, None, "pass", "Sunnmøre Sveis AS, Havbruk Design AS", None),
    ("240 to 250 staff, no status declared: its size is open", {"min": 240, "max": 250}, None,
     "unknown", "Sunnmøre Sveis AS (needs network.participants[0].staff, "
     "network.participants[0].sme)",
     ["network.participants[0].staff", "network.participants[0].sme"]),
    ("240 to 250 staff, declared an SME: the declaration settles what the figures leave open",
     {"min": 240, "max": 250}, True, "pass", "Sunnmøre Sveis AS, Havbruk Design AS", None),
    ("249 to 260 staff, declared an SME: it may be under 250", {"min": 249, "max": 260}, True,
     "pass", "Sunnmøre Sveis AS, Havbruk Design AS", None),
    ("250 to 260 staff, declared an SME: its own staff are over the ceiling whatever it declares",
     {"min": 250, "max": 260}, True, "fail",
     "Sunnmøre Sveis AS (not an SME: large (250–260 AWU, turnover NOK 52,000,000, balance sheet "
     "NOK 20,000,000; own figures): declared sme = true, but its own figures are over the SME "
     "ceilings already, and partner and linked enterprises only add to them (Annex art. 6(2)))",
     None),
    ("240 to 250 staff, declared no SME: the declaration settles it, and is said",
     {"min": 240, "max": 250}, False, "fail",
     "Sunnmøre Sveis AS (not an SME: declared sme = false; its own figures (medium to large: "
     "240–250 AWU, turnover NOK 52,000,000, balance sheet NOK 20,000,000) leave it open, and the "
     "declaration settles it)", None),
]


@pytest.mark.parametrize(("name", "staff", "sme", "outcome", "words", "fields"), SME_CASES,
                         ids=[c[0] for c in SME_CASES])
def test_a_declared_sme_status_settles_only_what_the_staff_range_leaves_open(
        tmp_path: Path, name: str, staff: Any, sme: bool | None, outcome: str, words: str,
        fields: list[str] | None) -> None:
    """«minst tre små og mellomstore bedrifter»: BN08 and BN11 (the Norwegian SMEs, 3 of 5 or
    2 of 5) give the same answer, and a company they do not count is said with why."""
    code, s = match_changed(tmp_path, FJORDNETT, sunnmore(staff, sme), NOV, BN)
    said = {f["rule"]: f for f in s["findings"]}
    verdict = {"pass": "fits", "unknown": "needs_information", "fail": "does_not_fit"}[outcome]
    assert (s["verdict"], said["BN08"]["outcome"], said["BN11"]["outcome"]) == (
        verdict, outcome, outcome), said["BN08"]["message"]
    assert words in said["BN08"]["message"], said["BN08"]["message"]
    assert said["BN08"].get("missing_fields") == fields
    if outcome == "fail":  # BN11 says the same of it
        assert words in said["BN11"]["message"], said["BN11"]["message"]
    assert code == (0 if verdict == "fits" else 1)


def test_a_participant_declared_no_sme_says_so_and_a_knowledge_actor_is_no_company(
        tmp_path: Path) -> None:
    """Fjordnett with Polar Sensor declared no SME and Havbruk Design's 9 staff raised to 250:
    the reason BN08 gives for each participant it does not count."""
    data = tomllib.loads(FJORDNETT.read_text(encoding="utf-8"))
    ps = data["network"]["participants"]
    ps[1]["sme"] = False
    ps[2]["staff"] = 250
    _, s = match_changed(tmp_path, FJORDNETT, {"network": {"participants": ps}}, NOV, BN)
    bn08 = next(f for f in s["findings"] if f["rule"] == "BN08")
    assert bn08["outcome"] == "fail"
    assert ("not counted: Polar Sensor AS (not an SME: declared sme = false), Havbruk Design AS "
            "(not an SME: large (250 AWU, turnover NOK 11,000,000, balance sheet NOK 0 or more; "
            "own figures)), Vestlandsforsk Kunnskapssenter (not a company)") in bn08["message"]
    # the applicant's own status is said once, after the count, not again among those counted
    assert bn08["message"].count("23 AWU") == 1



def money_only(turnover: int, balance: int, sme: bool | None) -> dict[str, Any]:
    """:func:`sunnmore` without its staff, with this turnover and balance sheet (NOK)."""
    over = sunnmore(None, sme)
    over["network"]["participants"][0].pop("staff")
    over["network"]["participants"][0].update(turnover=turnover, balance_sheet_total=balance)
    return over


MONEY_CASES = [
    # at NOK 10 a euro the ceilings are NOK 500,000,000 of turnover, NOK 430,000,000 of balance
    ("over both money ceilings by one krone, declared an SME: large whatever its staff",
     500_000_001, 430_000_001, True, "fail",
     "Sunnmøre Sveis AS (not an SME: large (staff not stated, turnover NOK 500,000,001, balance "
     "sheet NOK 430,000,001: over both money ceilings, so large whatever its staff; own "
     "figures): declared sme = true, but its own figures are over the SME ceilings already"),
    ("over both money ceilings, nothing declared: large whatever its staff, not open",
     500_000_001, 430_000_001, None, "fail",
     "Sunnmøre Sveis AS (not an SME: large (staff not stated, turnover NOK 500,000,001, balance "
     "sheet NOK 430,000,001: over both money ceilings, so large whatever its staff; own "
     "figures))"),
    ("at the turnover ceiling, over the balance one, declared an SME: the declaration stands",
     500_000_000, 430_000_001, True, "pass", "Sunnmøre Sveis AS, Havbruk Design AS"),
    ("at the turnover ceiling, nothing declared: its staff or its status decides",
     500_000_000, 430_000_001, None, "unknown", "Sunnmøre Sveis AS (needs "
     "network.participants[0].sme)"),
]


@pytest.mark.parametrize(("name", "turnover", "balance", "sme", "outcome", "words"), MONEY_CASES,
                         ids=[c[0] for c in MONEY_CASES])
def test_a_participant_over_both_money_ceilings_is_large_whatever_its_staff(
        tmp_path: Path, name: str, turnover: int, balance: int, sme: bool | None, outcome: str,
        words: str) -> None:
    """EU SME definition, Annex art. 2(1) (not on the page): an SME has fewer than 250 staff
    and a turnover of at most EUR 50 million and/or a balance sheet of at most EUR 43 million,
    so its own figures over both money ceilings make a participant large whatever its staff,
    and whatever it declares (its partner and linked enterprises only add). Its staff left out
    counted it as an SME on its declaration, and left it open without one."""
    data = tomllib.loads(FJORDNETT.read_text(encoding="utf-8"))
    data.pop("budget")
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(changed(data, money_only(turnover, balance, sme))),
                    encoding="utf-8")
    r = run("match", str(path), "-s", BN, "--as-of", NOV, "--rate", "NOK=10", "-f", "json")
    (s,) = json.loads(r.stdout)["schemes"]
    said = {f["rule"]: f for f in s["findings"]}
    assert (said["BN08"]["outcome"], said["BN11"]["outcome"]) == (outcome, outcome), \
        said["BN08"]["message"]
    assert words in said["BN08"]["message"], said["BN08"]["message"]
    assert r.exit_code == (0 if outcome == "pass" else 1)


@pytest.mark.parametrize(("in_difficulty", "bn06", "bn08"), [(False, "pass", "pass"),
                                                             (True, "fail", "fail")])
def test_an_applicant_in_difficulty_has_no_sound_finances_in_the_count_either(
        tmp_path: Path, in_difficulty: bool, bn06: str, bn08: str) -> None:
    """«Søkerbedriften må … ha sunn økonomi» (Hvem kan søke?) and «minst tre små og mellomstore
    bedrifter med etablert virksomhet i Norge og sunn økonomi» (Minimumskrav til prosjektet):
    BN06 reads an undertaking in difficulty as no sound finances whatever is declared, and the
    count of BN08 now reads it the same (with Polar Sensor no SME, the applicant is the third)."""
    over = {**sunnmore(35, None), "company": {"in_difficulty": in_difficulty}}
    _, s = match_changed(tmp_path, FJORDNETT, over, NOV, BN)
    said = {f["rule"]: f for f in s["findings"]}
    assert (said["BN06"]["outcome"], said["BN08"]["outcome"]) == (bn06, bn08), \
        said["BN08"]["message"]
    if in_difficulty:
        assert "Fjordnett Marin AS (applicant) (finances not sound)" in said["BN08"]["message"]

# --- Bedriftsnettverk: «relevant og aktuell for nærmere vurdering» and the letter of intent ----


@pytest.mark.parametrize(("held", "missing", "wording"), [
    (["letter_of_intent", "network_application_form"], [],
     "fits — relevant for assessment (relevant og aktuell for nærmere vurdering)\n"),
    (["network_application_form"], ["letter_of_intent"],
     "fits — relevant for assessment (relevant og aktuell for nærmere vurdering) once the "
     "missing documents are held\n"),
], ids=["the signed letter held", "the signed letter not held"])
def test_a_fit_is_relevant_for_assessment_once_the_signed_letter_of_intent_is_held(
        tmp_path: Path, held: list[str], missing: list[str], wording: str) -> None:
    """«Prosjektet må tilfredsstille følgende minimumskrav for å være relevant og aktuell for
    nærmere vurdering: … Intensjonsavtale underskrevet av deltakerbedriftene»: the verdict is a
    fit either way (a document to hold is listed, it moves no verdict), and its words wait on
    the letter while it is missing, in the answer and in --explain."""
    over = {"documents": {"held": held}}
    code, s = match_changed(tmp_path, FJORDNETT, over, NOV, BN)
    assert (code, s["verdict"]) == (0, "fits")
    assert [d["id"] for d in s["missing_documents"]] == missing
    path = tmp_path / "profile.toml"  # the profile match_changed wrote
    for extra in ((), ("--explain",)):
        r = run("match", str(path), "-s", BN, "--as-of", NOV, *extra)
        assert r.exit_code == 0, r.stderr
        assert f"Bedriftsnettverk (main projects) (no-bedriftsnettverk): {wording}" in r.stdout


# --- Bedriftsnettverk: no end date, and the year-2 application on the date it is checked ------

FAR = "2031-06-01"


def test_the_scheme_has_no_end_date_and_fits_years_after_the_page(tmp_path: Path) -> None:
    """«Ingen søknadsfrister»: a network planning its main project from 2031-09-01 fits on
    2031-06-01, the intake open with no deadline; `show` says the rules are encoded with no end
    (the page names no state-aid act whose end could be encoded)."""
    over = {"project": {"start": date(2031, 9, 1), "end": date(2034, 8, 31)}}
    code, s = match_changed(tmp_path, FJORDNETT, over, FAR, BN)
    assert (code, s["verdict"], s["status"]) == (0, "fits", "open")
    assert s["status_text"] == "continuous intake, no deadline"
    shown = " ".join(run("show", BN, "--as-of", FAR).stdout.split())
    assert "Rules encoded: rules from 2005-01-01, no end stated" in shown
    assert "«Vi behandler søknadene fortløpende»" in shown


@pytest.mark.parametrize(("on", "outcome"), [("2028-01-31", "pass"), ("2028-02-01", "fail"),
                                             (FAR, "fail")])
def test_a_year_two_application_without_its_date_is_late_once_year_one_has_ended(
        tmp_path: Path, on: str, outcome: str) -> None:
    """«Søknad for år to må sendes inn i god tid før avtalt prosjektperiode for år én utløper»:
    Fjordnett's project starts 2027-02-01, so year 1 ends 2028-01-31; the application date left
    out is the evaluation date's (BN23), so on the last day of year 1 it is in time, from the day
    after it never is, however long the scheme stays open."""
    over = {"network": {"project_year": 2}}
    code, s = match_changed(tmp_path, FJORDNETT, over, on, BN)
    bn23 = next(f for f in s["findings"] if f["rule"] == "BN23")
    assert bn23["outcome"] == outcome, bn23["message"]
    assert "(a year from project.start 2027-02-01)" in bn23["message"]
    assert f"{on} (the evaluation date)" in bn23["message"]
    assert s["verdict"] == ("does_not_fit" if outcome == "fail" else "fits")
    assert code == (1 if outcome == "fail" else 0)


# --- Prosess- og organisasjonsinnovasjon: init asks what match names, for any country --------


def questions(text: str) -> set[str]:
    """The fields a profile `grantcheck init` wrote leaves as questions ('# key = ?'), each with
    its table's path ('# [company.previous_year]' a table left out)."""
    table, asked = "", set()
    for line in text.splitlines():
        head = re.match(r"(?:# )?\[([\w.]+)\]", line)
        if head:
            table = head.group(1) + "."
        elif m := re.match(r"# (\w+) = \?", line):
            asked.add(table + m.group(1))
    return asked


@pytest.mark.parametrize(("country", "scheme", "on", "least"), [
    ("DK", PO, NOV, 13), ("SE", PO, NOV, 13), ("NO", PO, NOV, 13),
    ("NO", BN, NOV, 12), ("SE", "se-saker-digitalisering", "2023-02-15", 17),
    ("DK", "se-saker-digitalisering", "2023-02-15", 17)])
def test_init_asks_a_company_every_question_match_then_names(
        tmp_path: Path, country: str, scheme: str, on: str, least: int) -> None:
    """Prosessinnovasjon's page names no country but Norway's competition ('mellom norske
    bedrifter', PO02 a warning only), so a company of any country is in scope: `init` asks it
    the scheme's questions, and every fact `match` then names as missing is one of them; so for
    Bedriftsnettverk and a Norwegian company, and for the Swedish call (open to any country's
    promoters, «Hela Sverige» a warning only) on a day it was open."""
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--as-of", on, "--non-interactive", "--set",
            f"company.country={country}", "--set", "company.name=Acme")
    assert r.exit_code == 0, r.stderr
    text = target.read_text(encoding="utf-8")
    assert scheme in " ".join(text.split("\n\n", 1)[0].split()).split("Not asked")[0]
    m = run("match", str(target), "-s", scheme, "--as-of", on, "-f", "json")
    (s,) = json.loads(m.stdout)["schemes"]
    assert (s["scope"]["state"], s["verdict"]) == ("in_scope", "needs_information")
    named = {f for x in s["findings"] for f in x.get("missing_fields") or ()}
    named |= set(s.get("amount_missing_fields") or ())
    assert len(named) >= least
    assert named <= questions(text), sorted(named - questions(text))
    if scheme == PO:
        po02 = next(f for f in s["findings"] if f["rule"] == "PO02")
        assert po02["outcome"] == ("pass" if country == "NO" else "warning")


# --- Säker digitalisering: the own funding is cash ----------------------------------------------

NORRSKEN = PROFILES / "norrsken-science-park.toml"
SD, FEB23 = "se-saker-digitalisering", "2023-02-15"


@pytest.mark.parametrize(("budget", "grant", "own"), [
    (1_300_000, "650000", "650000"), (20_000_000, "10000000", "10000000"),
    (20_000_002, "10000000", "10000002")])
def test_the_own_funding_is_the_rest_of_the_budget_in_cash(
        tmp_path: Path, budget: int, grant: str, own: str) -> None:
    """«Medfinansiering från den som ansöker om stöd ska uppgå till 50 procent av projektets
    budget i form av kontant medfinansiering, från egen organisation eller från extern aktör»
    (Medfinansiering) and «Max 10 mkr finns totalt till förfogande för utlysningen»: the own
    funding is what the grant leaves of the budget, in cash, and the amounts cite the sentence."""
    over = {"project": {"budget_total": budget, "grant_sought": None,
                        "cash_cofinancing": budget - int(grant)}}
    code, s = match_changed(tmp_path, NORRSKEN, over, FEB23, SD)
    assert (code, s["verdict"]) == (0, "fits")
    assert (s["max_grant"]["amount"], s["own_funding"]["amount"]) == (grant, own)
    assert s["own_funding"]["form"] == ("cash, from the applicant's organisation or an "
                                        "external actor")
    assert any("i form av kontant medfinansiering" in c["quote"] for c in s["amount_source"])
