"""Ninth round, Norway and Sweden: cases an outside tester writes from the pages, through the CLI
(typer's CliRunner, ``--format json``, an explicit ``--as-of``).

Prosess- og organisasjonsinnovasjon (Innovasjon Norge), «Merk at finansiering av prosess- og
organisasjonsinnovasjon er knyttet til GBER 29 i Statsstøtteregelverket.» (Hva kan finansieres?):
GBER applies only to aid with an incentive effect, the application sent before work on the project
starts (art. 6(1) and (2), not on the page). `match` has said so since the eighth round (PO13);
`grantcheck budget` now says it too (POB07): the project period and every dated cost line
(equipment apart: its depreciation or rent starts with the instrument, and POB02 counts only its
days in the project period) begin on or after the application date; the same day passes; an
application date left out is the evaluation date's, as PO13 reads it; dates that cannot be
settled are unknown, naming the field. The budget is profiles/hardanger-prosess.toml's company
(applied 2026-12-01, work from 2027-03-01) with a draft ``[budget]``; ``None`` leaves a fact out.

Säker digitalisering (Tillväxtverket), «Stänger 1 mars 2023» and «pilotinsats för Säker
digitalisering som drevs under ett halvår 2022» (Vad är bakgrunden till utlysningen?): `match`'s
SD20 fails an application dated before 2022-07-01, the earliest day the call can have opened;
`budget`'s CALL rule read only the last open day and let such a budget comply. It now reads the
same bound (profiles/norrsken-science-park.toml with its application date changed).
"""

from __future__ import annotations

import json
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
PO = "no-prosessinnovasjon"
HARDANGER = PROFILES / "hardanger-prosess.toml"
NOV = "2026-11-23"
APPLIED = date(2026, 12, 1)  # Hardanger's application date (its work starts 2027-03-01)


def draft(consultancy: dict[str, Any] | None = None, **budget: Any) -> dict[str, Any]:
    """Hardanger's draft budget: own hours (no dates: the project period's), a consultancy
    line with ``consultancy``'s dates (default: incurred on the application date), and the rent
    of a robot cell from before the application (100 % the project's); ``budget`` adds
    ``[budget]`` fields (start, application_date)."""
    dates = {"incurred": APPLIED} if consultancy is None else consultancy
    return {"budget": {**budget, "lines": [
        {"description": "Egne timer", "category": "personnel", "amount": 900_000},
        {"description": "Konsulentbistand", "category": "consultancy", "amount": 400_000,
         **dates},
        {"description": "Leie av robotcelle", "category": "equipment", "amount": 300_000,
         "start": date(2026, 6, 1), "end": date(2028, 8, 31), "project_share_percent": 100},
    ]}}


def budget_run(tmp_path: Path, over: dict[str, Any], on: str = NOV
               ) -> tuple[int, dict[str, Any]]:
    """`grantcheck budget` of Hardanger changed by ``over``: the exit code and the budget."""
    data = changed(tomllib.loads(HARDANGER.read_text(encoding="utf-8")), over)
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    r = CliRunner().invoke(app, ["budget", str(path), "--scheme", PO, "--as-of", on, "-f", "json"],
                           env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    found: dict[str, Any] = json.loads(r.stdout)["budgets"][0]
    return r.exit_code, found


NO_APPLICATION = {"project": {"application_date": None}}
CASES = [
    # (name, over, POB07's outcome, the budget's verdict, words of POB07's message, its fields)
    ("a consultancy cost on the application date is in time: it can follow the application "
     "that day", draft(), "pass", "complies",
     "the project period (from 2027-03-01) and 1 dated cost line(s) (equipment apart) begin on "
     "or after the application dated 2026-12-01", None),
    ("a consultancy cost the day before the application date means the work started before it",
     draft({"incurred": date(2026, 11, 30)}), "fail", "breaks_rules",
     "line 2 (Konsulentbistand) (2026-11-30) begins before the application dated 2026-12-01 "
     "(GBER art. 6(2)", None),
    ("a consultancy cost running from the application date is in time",
     draft({"start": APPLIED, "end": date(2027, 6, 30)}), "pass", "complies", "begin on or after",
     None),
    ("a consultancy cost running from the day before the application date is not",
     draft({"start": date(2026, 11, 30), "end": date(2027, 6, 30)}), "fail", "breaks_rules",
     "(2026-11-30) begins before", None),
    ("a cost that ended the day before the application began before it, its start not stated",
     draft({"end": date(2026, 11, 30)}), "fail", "breaks_rules", "(2026-11-30) begins before",
     None),
    ("a cost that ends on the application date, its start not stated, falls in the project "
     "period", draft({"end": APPLIED}), "pass", "complies", "the project period (from 2027-03-01)",
     None),
    ("a budget period starting on the application date is in time",
     draft(start=APPLIED), "pass", "complies", "the project period (from 2026-12-01)", None),
    ("a budget period starting the day before the application date is not",
     draft(start=date(2026, 11, 30)), "fail", "breaks_rules",
     "the project period (2026-11-30) begins before the application dated 2026-12-01", None),
    ("the budget's own application date is read before the profile's",
     draft(application_date=date(2026, 11, 29), start=date(2026, 11, 30)), "pass", "complies",
     "on or after the application dated 2026-11-29", None),
    # no application date: read as sent on the evaluation date, as PO13 reads it
    ("without an application date, a cost on the evaluation date is in time",
     {**draft({"incurred": date(2026, 11, 23)}), **NO_APPLICATION}, "pass", "complies",
     "on or after the evaluation date 2026-11-23 (no application date stated", None),
    ("without an application date, a cost the day before the evaluation date is open: an "
     "application may have been sent by then",
     {**draft({"incurred": date(2026, 11, 22)}), **NO_APPLICATION}, "unknown",
     "needs_information", "in time only if the application was sent by then",
     ["budget.application_date"]),
    # the start left out: undated lines fall in a period whose start is not known
    ("without the project's start, the undated own hours leave the start open",
     {**draft(), "project": {"start": None}}, "unknown", "needs_information",
     "the project period's start is not stated", ["budget.start"]),
]


@pytest.mark.parametrize(("name", "over", "outcome", "verdict", "words", "fields"), CASES,
                         ids=[c[0] for c in CASES])
def test_budget_says_the_application_comes_before_the_work(
        tmp_path: Path, name: str, over: dict[str, Any], outcome: str, verdict: str, words: str,
        fields: list[str] | None) -> None:
    """POB07 (GBER art. 6(2)): its outcome, its words, the fields it names, and the verdict."""
    code, b = budget_run(tmp_path, over)
    found = next(f for f in b["findings"] if f["rule"] == "POB07")
    assert (found["outcome"], b["verdict"]) == (outcome, verdict), found["message"]
    assert words in found["message"], found["message"]
    assert found.get("missing_fields") == fields, found
    assert code == (0 if verdict == "complies" else 1)


def test_equipment_rented_before_the_application_does_not_start_the_work(tmp_path: Path) -> None:
    """The robot cell's rent runs from 2026-06-01, before the application: equipment is left out
    (its days outside the project period do not count, POB02), so POB07 passes."""
    _, b = budget_run(tmp_path, draft())
    said = {f["rule"]: f for f in b["findings"]}
    assert said["POB07"]["outcome"] == "pass"
    assert "2026-06-01" not in said["POB07"]["message"]
    assert said["POB02"]["outcome"] == "pass"


@pytest.mark.parametrize(("start", "match_outcome", "budget_outcome"), [
    (date(2026, 12, 1), "pass", "pass"), (date(2026, 11, 30), "fail", "fail")])
def test_match_and_budget_agree_on_the_project_start(
        tmp_path: Path, start: date, match_outcome: str, budget_outcome: str) -> None:
    """The profile's project.start on and the day before its application date: `match`'s PO13
    and `budget`'s POB07 give the same answer."""
    over = {"project": {"start": start}}
    _, s = match_changed(tmp_path, HARDANGER, over, NOV, PO)
    assert {f["rule"]: f["outcome"] for f in s["findings"]}["PO13"] == match_outcome
    _, b = budget_run(tmp_path, {**draft(), **over})
    assert {f["rule"]: f["outcome"] for f in b["findings"]}["POB07"] == budget_outcome


# --- Säker digitalisering: the budget's application date inside the call ---------------------

NORRSKEN = PROFILES / "norrsken-science-park.toml"
SD, FEB23 = "se-saker-digitalisering", "2023-02-15"


@pytest.mark.parametrize(("applied", "outcome", "verdict", "words"), [
    (date(2022, 6, 30), "fail", "breaks_rules", "it cannot have opened before 2022-07-01"),
    (date(2022, 7, 1), "pass", "complies", "application date 2022-07-01; the call's last open "
     "day is 2023-03-01"),
], ids=["dated 2022-06-30, before the call can have opened", "dated 2022-07-01"])
def test_budget_holds_the_application_date_to_the_call_as_match_does(
        tmp_path: Path, applied: date, outcome: str, verdict: str, words: str) -> None:
    """«Stänger 1 mars 2023»; «pilotinsats för Säker digitalisering som drevs under ett halvår
    2022» (Vad är bakgrunden till utlysningen?): the call builds on the 2022 pilot, so it cannot
    have opened before 2022-07-01, as `match`'s SD20 reads it; `budget`'s CALL rule now reads
    the same lower bound (it read only the last open day)."""
    over = {"project": {"application_date": applied}}
    data = changed(tomllib.loads(NORRSKEN.read_text(encoding="utf-8")), over)
    path = tmp_path / "profile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    r = CliRunner().invoke(app, ["budget", str(path), "--scheme", SD, "--as-of", FEB23,
                                 "-f", "json"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    b = json.loads(r.stdout)["budgets"][0]
    found = next(f for f in b["findings"] if f["rule"] == "CALL")
    assert (found["outcome"], b["verdict"]) == (outcome, verdict), found["message"]
    assert words in found["message"]
    # the rule cites both sentences it rests on
    assert [c["quote"] for c in found["source"]] == [
        "Stänger 1 mars 2023", "pilotinsats för Säker digitalisering som drevs under ett halvår "
        "2022"]
    assert r.exit_code == (0 if verdict == "complies" else 1)
    t = CliRunner().invoke(app, ["budget", str(path), "--scheme", SD, "--as-of", FEB23],
                           env={"NO_COLOR": "1", "COLUMNS": "200"})
    first = " ".join(t.stdout.split("\nBudget lines", 1)[0].split())
    assert first.endswith("call open until 2023-03-01" + (
        "; applied 2022-06-30, before the call can have opened" if outcome == "fail" else ""))
    # match's SD20 (the profile rewritten without its [budget])
    _, s = match_changed(tmp_path, NORRSKEN, over, FEB23, SD)
    assert {f["rule"]: f["outcome"] for f in s["findings"]}["SD20"] == outcome
