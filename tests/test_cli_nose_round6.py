"""Sixth round, Norway and Sweden: cases an outside tester writes from the pages, each run
through ``grantcheck match PROFILE --as-of DATE --format json`` (typer's CliRunner), for the
page's sentences no earlier round had a case for: the participants abroad and the documents of
Bedriftsnettverk, its yearly amounts on both sides of the cap; the declarations, the applicant
abroad and the call's earliest opening day of Säker digitalisering; and through ``grantcheck
budget`` the booked costs and the cash payment of Bedriftsnettverk, the costs before the
project start and the cash co-financing of Säker digitalisering. The profiles are the examples
(profiles/fjordnett-network.toml, profiles/norrsken-science-park.toml) with the case's changes;
``None`` leaves a field out.

Bedriftsnettverk (sources: Innovasjon Norge, «Bedriftsnettverk»):
- «Store bedrifter og kunnskapsaktører i Norge eller i utlandet, kan delta, men norske små og
  mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne» (BN11);
- «Intensjonsavtale underskrevet av deltakerbedriftene»; «Det er et eget søknadsskjema for
  bedriftsnettverk» (the documents);
- «Det kan søkes om støtte inntil 750.000 kroner per år … Den offentlige støtten kan maksimalt
  utgjøre 50 prosent av de støtteberettigede kostnadene» and «Deltakerbedriftenes egenfinansiering
  må utgjøre minst 50 prosent» (the amounts, BN16-BN18).
Säker digitalisering (Tillväxtverket, «Stärk företagens konkurrenskraft med säker
digitalisering»):
- «Sökande … ska ha en egen grundkompetens …», «egna erfarenheter …», «tillgång till relevanta
  nätverk …» (SD02-SD04); «Målgruppen ska vara företag med tillväxtambitioner …» (SD08); «använda
  sig av en befintlig grundmetodik» (SD10);
- «Hela Sverige» (SD22, soft); «De ska slutredovisas senast 2023-11-30» and «Glöm inte
  obligatoriska bilagor» (documents for later);
- «Stänger 1 mars 2023» with the 2022 pilot as past (SD20)."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import changed, match_changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
BN, SD = "no-bedriftsnettverk", "se-saker-digitalisering"
VEHICLES = {BN: PROFILES / "fjordnett-network.toml", SD: PROFILES / "norrsken-science-park.toml"}
NOV, FEB23 = "2026-11-23", "2023-02-15"


@dataclass
class Case:
    """What the tester expects of one profile on one date: the verdict, and in ``expect`` what
    the case says of: rules (rule -> outcome), says (rule -> words its message has), missing
    (rule -> the fields it names), grant and own (the amounts), documents and later (the ids of
    the missing documents and of those for later)."""

    name: str
    scheme: str
    on: str
    over: dict[str, Any]
    verdict: str
    expect: dict[str, Any]


def case(name: str, scheme: str, on: str, over: dict[str, Any], verdict: str,
         rules: dict[str, str] | None = None, says: dict[str, str] | None = None,
         **expect: Any) -> Case:
    return Case(name, scheme, on, over, verdict,
                {"rules": rules or {}, "says": says or {}, **expect})


def participant(name: str, country: str = "NO", kind: str = "company", sme: bool = True
                ) -> dict[str, Any]:
    """A participant with sound finances and no ownership links; Norwegian ones established and
    registered in Norway, foreign ones neither."""
    norwegian = country == "NO"
    return {"name": name, "kind": kind, "country": country, "sme": sme,
            "established_in_norway": norwegian, "registered_in_foretaksregisteret": norwegian,
            "sound_finances": True, "private": True, "ownership_links": []}


NORWEGIAN_SMES = [participant(n) for n in ("Sunnmøre Sveis AS", "Polar Sensor AS",
                                           "Havbruk Design AS")]  # 4 with the applicant


def network(*abroad: dict[str, Any]) -> dict[str, Any]:
    return {"network": {"participants": NORWEGIAN_SMES + list(abroad)}}


SWEDISH = [participant(f"Svensk SME {n} AB", "SE") for n in range(1, 6)]

CASES = [
    # «Store bedrifter og kunnskapsaktører i Norge eller i utlandet, kan delta, men norske små og
    # mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne»
    case("a large company and a knowledge actor from abroad take part: 4 Norwegian SMEs of 6",
         BN, NOV, network(participant("Nordic Steel AB", "SE", sme=False),
                          participant("DTU", "DK", "knowledge_actor", sme=False)),
         "fits", {"BN11": "pass"}, {"BN11": "4 Norwegian SMEs of 6 participants (66.6 %"}),
    case("4 Norwegian SMEs and 4 Swedish SMEs: the Swedish ones are no Norwegian SMEs, 50 % is "
         "enough", BN, NOV, network(*SWEDISH[:4]), "fits", {"BN08": "pass", "BN11": "pass"},
         {"BN11": "4 Norwegian SMEs of 8 participants (50 %"}),
    case("4 Norwegian SMEs and 5 Swedish SMEs are below half", BN, NOV, network(*SWEDISH),
         "does_not_fit", {"BN11": "fail"}, {"BN11": "4 Norwegian SMEs of 9 participants"}),
    # «Intensjonsavtale underskrevet av deltakerbedriftene»; «Det er et eget søknadsskjema for
    # bedriftsnettverk»: documents, listed as missing, never a verdict
    case("without the signed letter of intent and the application form both are missing",
         BN, NOV, {"documents": {"held": []}}, "fits",
         documents=["letter_of_intent", "network_application_form"]),
    case("with both held no document is missing", BN, NOV,
         {"documents": {"held": ["letter_of_intent", "network_application_form"]}}, "fits",
         documents=[]),
    # «inntil 750.000 kroner per år»; «maksimalt utgjøre 50 prosent av de støtteberettigede
    # kostnadene»; «egenfinansiering må utgjøre minst 50 prosent»
    case("eligible costs of NOK 1,400,000 give at most NOK 700,000 and NOK 700,000 own "
         "financing", BN, NOV, {}, "fits", grant="700000", own="700000"),
    case("eligible costs of NOK 1,500,000 give the yearly cap, NOK 750,000", BN, NOV,
         {"project": {"budget_total": 1_500_000}}, "fits", grant="750000", own="750000"),
    case("eligible costs of NOK 1,500,002 give no more than NOK 750,000; the rest is own "
         "financing", BN, NOV, {"project": {"budget_total": 1_500_002}}, "fits",
         grant="750000", own="750002"),
    case("NOK 700,000 sought of NOK 1,400,000 leaves own financing of exactly 50 %", BN, NOV,
         {"project": {"grant_sought": 700_000}}, "fits",
         {"BN16": "pass", "BN17": "pass"}, grant="700000", own="700000"),
    case("NOK 700,001 sought of NOK 1,400,000 leaves less than 50 % own financing", BN, NOV,
         {"project": {"grant_sought": 700_001}}, "does_not_fit",
         {"BN16": "pass", "BN17": "fail"}),
    # Säker digitalisering: the applicant's own competence, experience and networks
    *[case(f"{what} declared false does not fit", SD, FEB23,
           {"declarations": {field_: False}}, "does_not_fit", {rule: "fail"})
      for rule, field_, what in (
          ("SD02", "promoter_competence", "the applicant's basic competence"),
          ("SD03", "promoter_experience", "the applicant's experience of project models"),
          ("SD04", "promoter_networks", "the applicant's networks and channels"),
          ("SD08", "target_group_fit", "a target group of SMEs with growth ambitions"),
          ("SD10", "project_logic", "an existing methodology and a clear project logic"))],
    *[case(f"{what} not declared needs it", SD, FEB23, {"declarations": {field_: None}},
           "needs_information", {rule: "unknown"}, missing={rule: [f"declarations.{field_}"]})
      for rule, field_, what in (
          ("SD02", "promoter_competence", "the applicant's basic competence"),
          ("SD10", "project_logic", "the project logic"))],
    # «Hela Sverige»: an applicant outside Sweden is warned, not excluded
    # (its figures are then NOK, compared with the SEK amounts at the month's rate: the training
    # add-on, NOK 120,000 for four, would be above SEK 120,000, so it is left out here)
    case("a Norwegian promoter gets a warning and still fits", SD, FEB23,
         {"company": {"country": "NO"}, "project": {"training_addon": None}}, "fits",
         {"SD22": "warning", "SD12": "info"}),
    case("a Swedish promoter passes", SD, FEB23, {}, "fits", {"SD22": "pass"}),
    # «De ska slutredovisas senast 2023-11-30»; «Glöm inte obligatoriska bilagor» (named nowhere):
    # for later and a reminder, whatever is held, never a verdict
    case("the final report by 2023-11-30 and the unnamed attachments are listed for later", SD,
         FEB23, {}, "fits", documents=[], later=["se_final_report", "se_mandatory_attachments"]),
    # «Stänger 1 mars 2023»; «pilotinsats … som drevs under ett halvår 2022»: the call cannot
    # have opened before 2022-07-01
    case("an application dated 30 June 2022 cannot have been sent to the call", SD, FEB23,
         {"project": {"application_date": date(2022, 6, 30)}}, "does_not_fit",
         {"SD20": "fail"}, {"SD20": "before 2022-07-01"}),
    case("an application dated 1 July 2022 may have been", SD, FEB23,
         {"project": {"application_date": date(2022, 7, 1)}}, "fits", {"SD20": "pass"}),
]


@pytest.mark.parametrize("c", CASES, ids=[c.name for c in CASES])
def test_match_says_what_the_page_says(tmp_path: Path, c: Case) -> None:
    code, s = match_changed(tmp_path, VEHICLES[c.scheme], c.over, c.on, c.scheme)
    said = {f["rule"]: f for f in s["findings"]}
    assert s["verdict"] == c.verdict, [(f["rule"], f["outcome"], f["message"])
                                       for f in s["findings"] if f["outcome"] != "pass"]
    assert code == (0 if c.verdict == "fits" else 1)
    e = c.expect
    for rule, outcome in e["rules"].items():
        assert said[rule]["outcome"] == outcome, said[rule]["message"]
    for rule, words in e["says"].items():
        assert words in said[rule]["message"], said[rule]["message"]
    for rule, fields in e.get("missing", {}).items():
        assert said[rule]["missing_fields"] == fields, said[rule]
    for key, amount in (("max_grant", e.get("grant")), ("own_funding", e.get("own"))):
        if amount is not None:
            assert s[key]["amount"] == amount
    for key, ids in (("missing_documents", e.get("documents")),
                     ("later_documents", e.get("later"))):
        if ids is not None:
            assert [d["id"] for d in s[key]] == ids


# --- `grantcheck budget`: the page's sentences on a draft budget's lines ------------------------


def budget_changed(tmp_path: Path, scheme: str, over: dict[str, Any], on: str
                   ) -> tuple[int, dict[str, Any]]:
    """`grantcheck budget` (CliRunner, ``--format json``) of the scheme's example profile changed
    by ``over``: the exit code and the budget's JSON."""
    data = changed(tomllib.loads(VEHICLES[scheme].read_text(encoding="utf-8")), over)
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    r = CliRunner().invoke(app, ["budget", str(path), "--scheme", scheme, "--as-of", on,
                                 "-f", "json"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["budgets"][0]
    return r.exit_code, said


def network_lines(admin: float, hours: float) -> dict[str, Any]:
    """Fjordnett's project year 1 as the administrator's project management (cash) and Polar
    Sensor's hours (in kind), NOK 700,000 sought, no cash financing stated."""
    return {"budget": {"grant_sought": 700_000, "financing": [], "lines": [
        {"description": "Prosjektledelse", "category": "administration", "amount": admin,
         "financing": "cash", "year": 1},
        {"description": "Timer", "category": "personnel", "participant": "Polar Sensor AS",
         "amount": hours, "financing": "in_kind", "year": 1}]}}


def norrsken_with(line: dict[str, Any] | None = None, own_cash: float = 325_000
                  ) -> dict[str, Any]:
    """Norrsken's budget with one more line, and its own cash financing set."""
    data = tomllib.loads(VEHICLES[SD].read_text(encoding="utf-8"))["budget"]
    lines = data["lines"] + ([line] if line else [])
    financing = [{**data["financing"][0], "amount": own_cash}, data["financing"][1]]
    return {"budget": {"lines": lines, "financing": financing}}


def tool(incurred: date) -> dict[str, Any]:
    return {"description": "Digitalt verktyg", "category": "software", "amount": 10_000,
            "incurred": incurred}


BUDGET_CASES = [
    # «Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige
    # støtten»: NOK 700,000 of support needs NOK 700,000 booked at the administrator
    (BN, NOV, network_lines(700_000, 700_000), "BNB03", "pass",
     "booked at the administrator NOK 700,000 ≥ public support NOK 700,000"),
    (BN, NOV, network_lines(699_999, 700_001), "BNB03", "fail",
     "booked at the administrator NOK 699,999 < public support NOK 700,000"),
    # «Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert kapitalbehov i
    # prosjektet, minus det som finansieres av offentlige tilskudd»: NOK 800,000 of cash costs
    # less NOK 700,000 of grant is NOK 100,000 of cash
    (BN, NOV, changed(network_lines(800_000, 600_000), {"budget": {"financing": [
        {"source": "own", "amount": 100_000, "financing": "cash"}]}}), "BNB07", "pass",
     "NOK 100,000"),
    (BN, NOV, changed(network_lines(800_000, 600_000), {"budget": {"financing": [
        {"source": "own", "amount": 99_999.99, "financing": "cash"}]}}), "BNB07", "fail",
     "NOK 99,999.99"),
    # «Du kan inte få ersättning för kostnader du haft innan projektperiodens start»: Norrsken's
    # project starts 2023-03-15 (a SEK 10,000 tool, its own cash raised by half of it)
    (SD, FEB23, norrsken_with(tool(date(2023, 3, 15)), 330_000), "SDB05", "pass", "inside"),
    (SD, FEB23, norrsken_with(tool(date(2023, 3, 14)), 330_000), "SDB05", "fail", "2023-03-14"),
    # «Medfinansiering … ska uppgå till 50 procent av projektets budget i form av kontant
    # medfinansiering»: SEK 650,000 of SEK 1,300,000, the region's SEK 325,000 included
    (SD, FEB23, norrsken_with(), "SDB06", "pass", "cash co-financing SEK 650,000"),
    (SD, FEB23, norrsken_with(own_cash=324_999.99), "SDB06", "fail",
     "cash co-financing SEK 649,999.99"),
]


@pytest.mark.parametrize(("scheme", "on", "over", "rule", "outcome", "words"), BUDGET_CASES,
                         ids=[f"{c[3]} {c[4]}: {c[5]}" for c in BUDGET_CASES])
def test_budget_says_what_the_page_says(tmp_path: Path, scheme: str, on: str,
                                        over: dict[str, Any], rule: str, outcome: str,
                                        words: str) -> None:
    code, b = budget_changed(tmp_path, scheme, over, on)
    said = {f["rule"]: f for f in b["findings"]}
    assert said[rule]["outcome"] == outcome, said[rule]["message"]
    assert words in said[rule]["message"], said[rule]["message"]
    assert code == (0 if outcome == "pass" and b["verdict"] == "complies" else 1)
