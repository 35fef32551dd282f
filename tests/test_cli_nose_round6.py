"""Sixth round, Norway and Sweden: cases an outside tester writes from the pages, each run
through ``grantcheck match PROFILE --as-of DATE --format json`` (typer's CliRunner), for the
page's sentences no earlier round had a case for: the participants abroad and the documents of
Bedriftsnettverk, its yearly amounts on both sides of the cap; the declarations, the applicant
abroad and the call's earliest opening day of Säker digitalisering. The profiles are the examples
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

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support import match_changed

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
