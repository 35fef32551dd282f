"""Eighth round, Norway and Sweden: cases an outside tester writes from the pages, through the CLI
(typer's CliRunner, ``--format json``, an explicit ``--as-of``), on the example profiles
(profiles/fjordnett-network.toml, profiles/hardanger-prosess.toml,
profiles/norrsken-science-park.toml) changed by each case; ``None`` leaves a fact out.

Prosess- og organisasjonsinnovasjon (Innovasjon Norge):
- «Merk at finansiering av prosess- og organisasjonsinnovasjon er knyttet til GBER 29 i
  Statsstøtteregelverket.» (Hva kan finansieres?): GBER applies only to aid with an incentive
  effect, the application sent before work on the project starts (art. 6(2), not on the page;
  art. 6(5) does not exempt art. 29 aid): PO13, a boundary pair around the start, and each date
  left out as a range;
- «Innovasjon Norge må unngå å bidra til uheldig konkurransevridning mellom norske bedrifter.»
  (Hva omfattes?): the page names no registry and excludes no country in words, so a Danish SME
  is in scope, with PO02's warning, not "not applicable".
Bedriftsnettverk (Innovasjon Norge), «Bedriftsnettverket må bestå av minst tre små og
mellomstore bedrifter med etablert virksomhet i Norge» (Minimumskrav til prosjektet): the
applicant's size left out does not matter when three others are SMEs (BN08, BN11).
Säker digitalisering (Tillväxtverket, «Stärk företagens konkurrenskraft med säker
digitalisering»):
- «Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.»
  (Tilläggsinsats för ansökan): the number of persons left out is at least one, so a cost of
  SEK 30,000 fits whatever it is, and one above SEK 180,000 fails whatever it is (SD12, SDB02);
- «Enskilda näringsidkare kan inte söka stödet.» and «En region kan också söka finansiering»
  (Vem kan söka?): a region is a public body, never a sole trader, so its legal form left out
  does not leave SD07 open."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import match_changed
from tests.test_cli_nose_round6 import budget_changed, case

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
BN, PO, SD = "no-bedriftsnettverk", "no-prosessinnovasjon", "se-saker-digitalisering"
VEHICLES = {BN: PROFILES / "fjordnett-network.toml", PO: PROFILES / "hardanger-prosess.toml",
            SD: PROFILES / "norrsken-science-park.toml"}
NOV, FEB23 = "2026-11-23", "2023-02-15"


def dates(start: date | None, applied: date | None, end: date | None = date(2028, 8, 31)
          ) -> dict[str, Any]:
    """Hardanger's project dates (None: left out)."""
    return {"project": {"start": start, "application_date": applied, "end": end}}


def participants_without_sunnmore_staff() -> dict[str, Any]:
    """Fjordnett's participants with Sunnmøre Sveis's staff figure left out."""
    data = tomllib.loads(VEHICLES[BN].read_text(encoding="utf-8"))
    ps = data["network"]["participants"]
    ps[0].pop("staff")
    return {"network": {"participants": ps}}


def training(amount: float) -> dict[str, Any]:
    """Norrsken's training add-on costing ``amount``, its number of persons left out."""
    return {"project": {"training_addon": {"persons": None, "amount": amount}}}


START = date(2027, 3, 1)  # Hardanger's project start
MATCH_CASES = [
    # GBER art. 6(2): «the beneficiary has submitted a written application … before work on
    # the project or activity starts»
    case("an application the day before work starts fits", PO, NOV,
         dates(START, date(2027, 2, 28)), "fits", {"PO13": "pass"},
         {"PO13": "application dated 2027-02-28, before work starts on 2027-03-01"}),
    case("an application on the day work starts fits: it can be sent before the work begins",
         PO, NOV, dates(START, START), "fits", {"PO13": "pass"},
         {"PO13": "the day work starts"}),
    case("work started the day before the application has no incentive effect", PO, NOV,
         dates(START, date(2027, 3, 2)), "does_not_fit", {"PO13": "fail"},
         {"PO13": "1 day(s) before the application dated 2027-03-02"}),
    # no application date: read as sent on the evaluation date (as the call's rule reads it)
    case("without the application date, work starting after the evaluation date is in time",
         PO, NOV, dates(START, None), "fits", {"PO13": "pass"},
         {"PO13": "read as sent on the evaluation date 2026-11-23"}),
    case("without the application date, work starting on the evaluation date is in time", PO,
         NOV, dates(date(2026, 11, 23), None), "fits", {"PO13": "pass"},
         {"PO13": "on or before the day work starts, 2026-11-23"}),
    case("without the application date, work started the day before the evaluation date is "
         "open: an application may have been sent before it", PO, NOV,
         dates(date(2026, 11, 22), None), "needs_information", {"PO13": "unknown"},
         {"PO13": "before the evaluation date 2026-11-23"},
         missing={"PO13": ["project.application_date"]}),
    case("without the start the order is open, even with an end after the application", PO, NOV,
         dates(None, date(2026, 12, 1)), "needs_information", {"PO13": "unknown"},
         missing={"PO13": ["project.start"]}),
    case("without the start, a project that ended before its application started before it",
         PO, NOV, dates(None, date(2026, 12, 1), date(2026, 11, 30)), "does_not_fit",
         {"PO13": "fail"}, {"PO13": "ends 2026-11-30, before the application dated 2026-12-01"}),
    case("with neither date both are asked for", PO, NOV, dates(None, None), "needs_information",
         {"PO13": "unknown"}, missing={"PO13": ["project.start", "project.application_date"]}),
    # «konkurransevridning mellom norske bedrifter»: no registry, no country excluded in words
    case("a Danish SME fits with a warning: the page excludes no country", PO, NOV,
         {"company": {"country": "DK"}}, "fits", {"PO02": "warning", "PO13": "pass"},
         {"PO02": "does not exclude others in words"}),
    # «minst tre små og mellomstore bedrifter med etablert virksomhet i Norge»
    case("the applicant's staff left out: three other Norwegian SMEs are enough", BN, NOV,
         {"company": {"employees_fte": None}}, "fits", {"BN08": "pass", "BN11": "pass"},
         {"BN08": "3 of 5 participants", "BN11": "3 Norwegian SMEs of 5 participants (60 %"}),
    case("the applicant's and one other's staff left out: two known SMEs need the answer", BN,
         NOV, {"company": {"employees_fte": None}, **participants_without_sunnmore_staff()},
         "needs_information", {"BN08": "unknown", "BN11": "unknown"},
         missing={"BN08": ["company.employees_fte", "network.participants[0].sme"]}),
    # «Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.»
    case("a SEK 30,000 training fits whatever the number of persons", SD, FEB23,
         training(30_000), "fits", {"SD12": "pass"}, {"SD12": "the number of persons not stated"}),
    case("a SEK 30,000.01 training needs the number of persons", SD, FEB23, training(30_000.01),
         "needs_information", {"SD12": "unknown"},
         missing={"SD12": ["project.training_addon.persons"]}),
    case("a SEK 180,000 training needs the number of persons", SD, FEB23, training(180_000),
         "needs_information", {"SD12": "unknown"}),
    case("a SEK 180,000.01 training fails whatever the number of persons", SD, FEB23,
         training(180_000.01), "does_not_fit", {"SD12": "fail"},
         {"SD12": "whatever the number of persons"}),
    # «Enskilda näringsidkare kan inte söka stödet.»; «En region kan också söka finansiering»
    case("a region whose legal form is left out is no sole trader", SD, FEB23,
         {"company": {"legal_form": None, "is_region": True, "innovation_promoter": None},
          "declarations": {"members_meet_criteria": True}}, "fits",
         {"SD01": "pass", "SD07": "pass"}, {"SD07": "a region is a public body"}),
    case("a promoting organisation whose legal form is left out may be a sole trader", SD,
         FEB23, {"company": {"legal_form": None}}, "needs_information", {"SD07": "unknown"},
         missing={"SD07": ["company.legal_form"]}),
]


@pytest.mark.parametrize("c", MATCH_CASES, ids=[c.name for c in MATCH_CASES])
def test_match_says_what_the_page_says(tmp_path: Path, c: Any) -> None:
    """Each case as round 6 writes it (tests/test_cli_nose_round6.py ``case``): the verdict, and
    in ``expect`` each named rule's outcome, words its message has, the fields it names."""
    rules, says, missing = (c.expect.get(k, {}) for k in ("rules", "says", "missing"))
    code, s = match_changed(tmp_path, VEHICLES[c.scheme], c.over, c.on, c.scheme)
    said = {f["rule"]: f for f in s["findings"]}
    messages = {r: said[r]["message"] for r in rules}
    got = (s["verdict"], {r: said[r]["outcome"] for r in rules})
    assert got == (c.verdict, rules), messages
    assert [r for r, words in says.items() if words not in said[r]["message"]] == [], messages
    assert {r: said[r].get("missing_fields") for r in missing} == missing, messages
    # exit 0 only when it fits; a scheme the page ties to no other country stays in scope
    assert (code, s["scope"]["state"]) == (0 if c.verdict == "fits" else 1, "in_scope")


def test_the_example_process_innovation_applies_before_its_start() -> None:
    """profiles/hardanger-prosess.toml states its application date, before its start: PO13
    passes on the example as it stands."""
    r = CliRunner().invoke(app, ["match", str(VEHICLES[PO]), "-s", PO, "--as-of", NOV,
                                 "-f", "json"], env={"NO_COLOR": "1"})
    s = json.loads(r.stdout)["schemes"][0]
    assert (r.exit_code, s["verdict"]) == (0, "fits")
    assert {f["rule"]: f["outcome"] for f in s["findings"]}["PO13"] == "pass"


def training_line(amount: float) -> dict[str, Any]:
    """Norrsken's budget with its training line costing ``amount`` and the number of persons
    left out (neither budget.training_persons nor the profile's add-on persons)."""
    lines = tomllib.loads(VEHICLES[SD].read_text(encoding="utf-8"))["budget"]["lines"]
    lines[4]["amount"] = amount
    return {"project": {"training_addon": {"persons": None, "amount": amount}},
            "budget": {"lines": lines}}


BUDGET_CASES = [
    (30_000, "pass", "eligible"),
    (30_001, "unknown", "unknown"),
    (180_001, "fail", "unknown"),
]


@pytest.mark.parametrize(("amount", "outcome", "line"), BUDGET_CASES,
                         ids=[f"SEK {c[0]} {c[1]}" for c in BUDGET_CASES])
def test_budget_bounds_the_training_by_one_person_and_the_overall_maximum(
        tmp_path: Path, amount: float, outcome: str, line: str) -> None:
    """SDB02 without the number of persons: at least one takes the training, so SEK 30,000
    counts whatever their number, and above SEK 180,000 is too much whatever their number."""
    _, b = budget_changed(tmp_path, SD, training_line(amount), FEB23)
    found = next(f for f in b["findings"] if f["rule"] == "SDB02")
    assert found["outcome"] == outcome, found["message"]
    assert b["lines"][4]["status"] == line, b["lines"][4]["reason"]
