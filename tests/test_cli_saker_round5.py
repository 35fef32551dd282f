"""Säker digitalisering, fifth round: cases an outside tester writes from the page, each run
through ``grantcheck match PROFILE --as-of DATE --format json`` (typer's CliRunner): the verdict,
the call's status, the max grant, the own funding and the missing documents, at the edges of the
page's dates and amounts and with a fact left out. The profile is Norrsken's example
(profiles/norrsken-science-park.toml) with the case's changes; ``None`` leaves a field out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support import json_amounts, match_changed

PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "norrsken-science-park.toml"
SD = "se-saker-digitalisering"

ALL_DOCUMENTS = ["number_of_companies", "participation_time_estimate", "gender_split_estimate",
                 "competence_description", "results_strategy", "theme_choice",
                 "agenda_2030_goals", "phase_plan", "target_group_challenge",
                 "management_involvement", "training_type"]


def match(tmp_path: Path, over: dict[str, Any], on: str) -> tuple[int, dict[str, Any]]:
    """Exit code and the scheme's JSON for Norrsken's profile with ``over`` on ``on``."""
    return match_changed(tmp_path, PROFILE, over, on, SD)


@dataclass
class Case:
    """What the tester expects of one profile on one date."""

    name: str
    on: str
    over: dict[str, Any]
    verdict: str
    rules: dict[str, str] = field(default_factory=dict)  # rule -> outcome
    status: str = "open"
    grant: str | None = "650000"  # max_grant's amount (None: not shown)
    own: str | None = "650000"  # own_funding's amount
    missing: dict[str, list[str]] = field(default_factory=dict)  # rule -> the fields it names
    documents: list[str] = field(default_factory=list)  # the missing documents
    says: dict[str, str] = field(default_factory=dict)  # rule -> words its message has


CASES = [
    # «Stänger 1 mars 2023»: open on that day, closed the next; match still says what the
    # profile would get, and exits 1 when no open call fits
    Case("on 1 March 2023 the call is open and the profile fits", "2023-03-01", {}, "fits"),
    Case("on 2 March 2023 the call is closed, and would fit", "2023-03-02", {}, "closed",
         {"SD20": "info"}, status="closed"),
    Case("on 31 October 2023, the projects' last day, the call is still closed", "2023-10-31",
         {}, "closed", status="closed"),
    # «Pilotprojekten har en genomförandetid under 2023» with the start left out: the start is
    # on or before the end
    Case("a project ending on 31 December 2022, its start not stated, starts before 2023",
         "2023-02-15", {"project": {"start": None, "end": date(2022, 12, 31),
                                    "application_date": date(2022, 12, 1)}},
         "does_not_fit", {"SD21": "fail", "SD16": "unknown"},
         says={"SD21": "so it starts before 2023-01-01"}),
    Case("a project ending on 1 January 2023, its start not stated, needs the start",
         "2023-02-15", {"project": {"start": None, "end": date(2023, 1, 1),
                                    "application_date": date(2022, 12, 1)}},
         "needs_information", {"SD21": "unknown", "SD16": "unknown"},
         missing={"SD21": ["project.start"], "SD16": ["project.start"]}),
    # «Projekten kan tidigast starta från ansökningsdatum» with the start left out
    Case("a project ending the day before its application date starts before it", "2023-02-15",
         {"project": {"start": None, "end": date(2023, 2, 19)}}, "does_not_fit",
         {"SD16": "fail", "SD21": "unknown"},
         says={"SD16": "ends 2023-02-19, before the application date 2023-02-20"}),
    Case("a project ending on its application date may start on it", "2023-02-15",
         {"project": {"start": None, "end": date(2023, 2, 20)}}, "needs_information",
         {"SD16": "unknown"}, missing={"SD16": ["project.start"]}),
    # «som längst drivas t o m 2023-10-31» with the end left out: the end is on or after the
    # start
    Case("a project starting on 1 November 2023, its end not stated, ends too late",
         "2023-02-15", {"project": {"start": date(2023, 11, 1), "end": None}}, "does_not_fit",
         {"SD17": "fail"}, says={"SD17": "starts 2023-11-01, after 2023-10-31"}),
    Case("a project starting on 31 October 2023, its end not stated, needs the end",
         "2023-02-15", {"project": {"start": date(2023, 10, 31), "end": None}},
         "needs_information", {"SD17": "unknown"}, missing={"SD17": ["project.end"]}),
    # «Tillväxtverket finansierar max 50 procent av projektets totalbudget» on an odd öre: half
    # of SEK 999,999.99 is SEK 499,999.995, so SEK 500,000 is above it and the message says the
    # most that can be granted, not a rounded-up SEK 500,000
    Case("SEK 500,000 of a SEK 999,999.99 budget is more than half", "2023-02-15",
         {"project": {"budget_total": 999_999.99, "grant_sought": 500_000,
                      "cash_cofinancing": 500_000}},
         "does_not_fit", {"SD15": "fail", "SD13": "pass", "SD18": "pass"},
         grant="499999.99", own="500000", says={"SD15": "at most 50 % = SEK 499,999.99"}),
    Case("SEK 500,000 of a SEK 1,000,000.01 budget is within half", "2023-02-15",
         {"project": {"budget_total": 1_000_000.01, "grant_sought": 500_000,
                      "cash_cofinancing": 500_000.01}},
         "fits", {"SD15": "pass", "SD13": "pass", "SD18": "pass"},
         grant="500000", own="500000.01"),
    # «50 procent av projektets budget i form av kontant medfinansiering» on an odd öre
    Case("SEK 500,000 in cash of a SEK 1,000,000.01 budget is less than half", "2023-02-15",
         {"project": {"budget_total": 1_000_000.01, "grant_sought": 500_000,
                      "cash_cofinancing": 500_000}},
         "does_not_fit", {"SD18": "fail"}, grant="500000", own="500000.01",
         says={"SD18": "at least 50 % = SEK 500,000.01"}),
    # «Max 10 mkr finns totalt till förfogande för utlysningen»: the max grant stops there
    Case("a SEK 20,000,000 budget gives the whole call", "2023-02-15",
         {"project": {"budget_total": 20_000_000, "grant_sought": 10_000_000,
                      "cash_cofinancing": 10_000_000}},
         "fits", grant="10000000", own="10000000"),
    Case("a SEK 20,000,002 budget gives no more, and the rest is own funding", "2023-02-15",
         {"project": {"budget_total": 20_000_002, "grant_sought": 10_000_000,
                      "cash_cofinancing": 10_000_001}},
         "fits", grant="10000000", own="10000002"),
    # the total budget left out: the max grant is the call's budget, the own funding unknown
    Case("without the total budget the grant is at most the call's SEK 10 million",
         "2023-02-15", {"project": {"budget_total": None}}, "needs_information",
         {"SD15": "unknown", "SD18": "unknown", "SD13": "pass"}, grant="10000000", own=None,
         missing={"SD15": ["project.budget_total"], "SD18": ["project.budget_total"]}),
    # the amount applied for is the applicant's to choose: the most the rules allow is shown
    Case("without the grant sought, a budget above SEK 1,000,000 shows the most", "2023-02-15",
         {"project": {"grant_sought": None, "budget_total": 20_000_002,
                      "cash_cofinancing": 10_000_001}},
         "fits", {"SD13": "pass", "SD14": "pass", "SD15": "pass"},
         grant="10000000", own="10000002"),
    # «Lägsta belopp för ansökan är 500 tkr» for a company stating euros: the SEK figure at the
    # month's InforEuro rate (February 2023: 11.2620; March 2023: 11.0595 SEK per euro)
    Case("EUR 45,000 sought on 28 February 2023 is SEK 506,790 and reaches the minimum",
         "2023-02-28", {"company": {"country": "DE", "currency": "EUR"},
                        "project": {"grant_sought": 45_000, "budget_total": 90_000,
                                    "cash_cofinancing": 45_000, "training_addon": None}},
         "fits", {"SD13": "pass", "SD22": "warning", "SD12": "info"},
         grant="506790", own="506790", documents=[]),
    Case("the same EUR 45,000 on 1 March 2023 is SEK 497,677.50 and does not", "2023-03-01",
         {"company": {"country": "DE", "currency": "EUR"},
          "project": {"grant_sought": 45_000, "budget_total": 90_000,
                      "cash_cofinancing": 45_000, "training_addon": None}},
         "does_not_fit", {"SD13": "fail"}, grant="497677.50", own="497677.50",
         says={"SD13": "minimum SEK 500,000 (= EUR 45,210)"}),
    # «Bedömningskriterier - beskrivningar och uppgifter som ska finnas med i ansökan» and «Typ av
    # utbildning ska anges i ansökan»: missing documents are listed, the verdict stays
    Case("with no document held, all eleven are missing, the training type too", "2023-02-15",
         {"documents": {"held": []}}, "fits", documents=ALL_DOCUMENTS),
    Case("without the training add-on, the training type is not asked for", "2023-02-15",
         {"documents": {"held": []}, "project": {"training_addon": None}}, "fits",
         {"SD12": "info"}, documents=ALL_DOCUMENTS[:-1]),
    # «Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person»: the cost
    # left out, the persons stated
    Case("a training add-on for six persons, its cost not stated, needs the cost", "2023-02-15",
         {"project": {"training_addon": {"persons": 6, "amount": None}}}, "needs_information",
         {"SD12": "unknown"}, missing={"SD12": ["project.training_addon.amount"]}),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_match_says_what_the_page_says(tmp_path: Path, case: Case) -> None:
    code, s = match(tmp_path, case.over, case.on)
    said = {f["rule"]: f for f in s["findings"]}
    assert s["verdict"] == case.verdict, [(f["rule"], f["outcome"], f["message"])
                                          for f in s["findings"] if f["outcome"] != "pass"]
    assert s["status"] == case.status
    assert code == (0 if case.verdict == "fits" else 1)
    if case.status == "closed":
        assert s["verdict_if_open"] == "fits"
    for rule, outcome in case.rules.items():
        assert said[rule]["outcome"] == outcome, said[rule]["message"]
    for rule, fields in case.missing.items():
        assert said[rule]["missing_fields"] == fields, said[rule]
    for rule, words in case.says.items():
        assert words in said[rule]["message"], said[rule]["message"]
    shown = json_amounts(s)  # one that does not fit shows none: what it would give
    assert (shown["max_grant"] or {}).get("amount") == case.grant
    assert (shown["own_funding"] or {}).get("amount") == case.own
    assert [d["id"] for d in s["missing_documents"]] == case.documents
