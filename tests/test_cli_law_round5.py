"""The shared law (grantcheck/law), fifth round: boundary pairs through ``grantcheck match
PROFILE --as-of DATE --format json`` (typer's CliRunner), read against the acts the code quotes:

- Recommendation 2003/361/EC, Annex art. 2: "fewer than 250 persons … annual turnover not
  exceeding EUR 50 million, and/or an annual balance sheet total not exceeding EUR 43 million";
  small "fewer than 50 persons … does not exceed EUR 10 million"; micro "fewer than 10 persons …
  does not exceed EUR 2 million"; art. 3: a partner holds "25 % or more", a linked enterprise "a
  majority of the shareholders' or members' voting rights"; art. 4(2): the status changes only
  when the ceilings are crossed "over two consecutive accounting periods";
- GBER art. 4(1)(l): not applicable to aid for process and organisational innovation above "EUR
  7,5 million per undertaking per project";
- Regulation (EU) No 1407/2013 art. 3(2): "shall not exceed EUR 200 000 over any period of three
  fiscal years"; Regulation (EU) 2023/2831 art. 3(2): "EUR 300 000 over any period of three
  years", from 2024-01-01;
- EUR figures in DKK and NOK at the month's InforEuro rate of the shipped table (no --rate), so a
  figure in kroner can be within a ceiling one month and above it the next.

Prosess- og organisasjonsinnovasjon (Hardanger) shows the SME boundary in its max grant (50 % of
NOK 6,400,000 for an SME, 15 % for a large enterprise, GBER art. 29(4)); SMV:Digital (Nordlys)
checks the SME status (SMV32) and the de minimis ceiling with its DKK 25,000 voucher (SMV04);
Innobooster People (Kvantia) needs a small enterprise (IP08)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.support import json_amounts, match_changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
VEHICLES = {  # scheme -> the example profile its cases change
    "no-prosessinnovasjon": PROFILES / "hardanger-prosess.toml",
    "dk-smv-digital": PROFILES / "nordlys-automation.toml",
    "dk-innobooster-people": PROFILES / "kvantia-startup.toml",
}
SME_GRANT, LARGE_GRANT = "3200000", "960000"  # 50 % and 15 % of NOK 6,400,000


@dataclass
class Case:
    name: str
    scheme: str
    on: str
    over: dict[str, Any]
    rules: dict[str, str]  # rule -> outcome
    grant: str | None = None  # max_grant's amount, when the case says it ("none": not shown)
    says: dict[str, str] = field(default_factory=dict)  # rule -> words its message has
    missing: dict[str, list[str]] = field(default_factory=dict)  # rule -> the fields it names


def hardanger(staff: Any = 63, turnover: Any = 118_000_000, balance: Any = 74_000_000,
              **more: Any) -> dict[str, Any]:
    """Hardanger's company with these figures (staff: employees, no working owner)."""
    return {"company": {"employees_fte": staff, "owners_fte": 0, "turnover": turnover,
                        "balance_sheet_total": balance, **more}}


def partner(staff: int, share: Any, turnover: int = 10_000_000) -> dict[str, Any]:
    return {"name": "Fjord Invest AS", "relation": "partner", "share_percent": share,
            "staff": staff, "turnover": turnover, "balance_sheet_total": 5_000_000}


def investor(business_angels: float | None = None,
             local_authority: tuple[float, int] | None = None) -> dict[str, Any]:
    """A 40 % holding of 200 staff by business angels (their total investment) or a local
    authority (its annual budget and inhabitants): art. 3(2)'s investors, no partner within the
    limits, else a partner adding 40 %."""
    held: dict[str, Any] = {**partner(200, 40), "name": "Vestland Invest"}
    if business_angels is not None:
        held.update(investor="business_angels", investment=business_angels)
    if local_authority is not None:
        held.update(investor="local_authority", annual_budget=local_authority[0],
                    inhabitants=local_authority[1])
    return held


def kvantia(staff: float, money: float = 1_400_000) -> dict[str, Any]:
    """Kvantia's company with ``staff`` employees, no working owner, turnover and balance sheet
    total both ``money``."""
    return {"company": {"employees_fte": staff, "owners_fte": 0, "turnover": money,
                        "balance_sheet_total": money}}


def de_minimis_aid(amount: float, granted: date) -> dict[str, Any]:
    """Nordlys with one de minimis aid of ``amount`` DKK granted on ``granted`` (its own left
    out)."""
    return {"aid_received": [{"granted": granted, "amount": amount, "scheme": "Other",
                              "de_minimis": True, "finished_and_reported": True}]}


PO, SMV, IP = "no-prosessinnovasjon", "dk-smv-digital", "dk-innobooster-people"
NOV = "2026-11-23"  # InforEuro 2026-11: 1 EUR = 10.3315 NOK
FEB23, MAR23 = "2023-02-28", "2023-03-01"  # 1 EUR = 7.4383 DKK; 7.4426 DKK

CASES = [
    # --- staff: "fewer than 250 persons" (annual work units, owners included) -----------------
    Case("249 AWU is an SME and gets 50 %", PO, NOV, hardanger(248, owners_fte=1),
         {"PO01": "pass"}, SME_GRANT),
    Case("250 AWU is a large enterprise and gets 15 %", PO, NOV, hardanger(249, owners_fte=1),
         {"PO01": "unknown"}, LARGE_GRANT, {"PO01": "large: 250 AWU"}),
    # "fewer than 50 persons" and "fewer than 10 persons"
    Case("49 AWU is a small enterprise", IP, FEB23, kvantia(49), {"IP08": "pass"},
         says={"IP08": "small: 49 AWU"}),
    Case("50 AWU is medium-sized", IP, FEB23, kvantia(50), {"IP08": "fail"},
         says={"IP08": "medium: 50 AWU"}),
    Case("9 AWU is a microenterprise", IP, FEB23, kvantia(9), {"IP08": "pass"},
         says={"IP08": "micro: 9 AWU"}),
    Case("10 AWU is a small enterprise", IP, FEB23, kvantia(10), {"IP08": "pass"},
         says={"IP08": "small: 10 AWU"}),
    # --- money: "not exceeding EUR 50 million, and/or … EUR 43 million" at NOK 10.3315 --------
    Case("turnover of EUR 50 million (NOK 516,575,000) with a larger balance sheet is an SME",
         PO, NOV, hardanger(100, 516_575_000, 500_000_000), {"PO01": "pass"}, SME_GRANT),
    Case("NOK 0.01 more turnover is a large enterprise", PO, NOV,
         hardanger(100, 516_575_000.01, 500_000_000), {"PO01": "unknown"}, LARGE_GRANT),
    Case("a balance sheet of EUR 43 million (NOK 444,254,500) with a larger turnover is an SME",
         PO, NOV, hardanger(100, 600_000_000, 444_254_500), {"PO01": "pass"}, SME_GRANT),
    Case("NOK 0.01 more on the balance sheet is a large enterprise", PO, NOV,
         hardanger(100, 600_000_000, 444_254_500.01), {"PO01": "unknown"}, LARGE_GRANT),
    # the dated rate: EUR 50 million is NOK 543,675,000 in October 2026 (10.8735), NOK
    # 516,575,000 in November (10.3315); EUR 43 million NOK 467,560,500 and NOK 444,254,500
    Case("NOK 530 million turnover and NOK 470 million balance sheet: an SME on 31 October",
         PO, "2026-10-31", hardanger(100, 530_000_000, 470_000_000), {"PO01": "pass"},
         SME_GRANT),
    Case("the same figures are a large enterprise on 1 November, at the new month's rate", PO,
         "2026-11-01", hardanger(100, 530_000_000, 470_000_000), {"PO01": "unknown"},
         LARGE_GRANT),
    # "does not exceed EUR 10 million" at DKK 7.4383 (February 2023) and 7.4426 (March 2023)
    Case("turnover and balance sheet of EUR 10 million (DKK 74,383,000) are small", IP, FEB23,
         kvantia(20, 74_383_000), {"IP08": "pass"}, says={"IP08": "small: 20 AWU"}),
    Case("DKK 0.01 more of each is medium-sized", IP, FEB23, kvantia(20, 74_383_000.01),
         {"IP08": "fail"}, says={"IP08": "medium: 20 AWU"}),
    Case("DKK 74,400,000 of each is medium-sized on 28 February 2023", IP, FEB23,
         kvantia(20, 74_400_000), {"IP08": "fail"}),
    Case("and small on 1 March 2023, when EUR 10 million is DKK 74,426,000", IP, MAR23,
         kvantia(20, 74_400_000), {"IP08": "pass"}),
    # "does not exceed EUR 2 million" (DKK 14,876,600 in February 2023)
    Case("9 AWU with EUR 2 million of each is micro", IP, FEB23, kvantia(9, 14_876_600),
         {"IP08": "pass"}, says={"IP08": "micro: 9 AWU"}),
    Case("DKK 0.01 more of each is small", IP, FEB23, kvantia(9, 14_876_600.01),
         {"IP08": "pass"}, says={"IP08": "small: 9 AWU"}),
    # --- art. 4(2): two consecutive accounting periods ----------------------------------------
    Case("250 AWU after a year of 249 stays an SME", PO, NOV,
         hardanger(250, previous_year={"staff": 249, "turnover": 118_000_000,
                                       "balance_sheet_total": 74_000_000}),
         {"PO01": "pass"}, SME_GRANT, {"PO01": "the year before was medium"}),
    Case("250 AWU after a year of 250 is a large enterprise", PO, NOV,
         hardanger(250, previous_year={"staff": 250, "turnover": 118_000_000,
                                       "balance_sheet_total": 74_000_000}),
         {"PO01": "unknown"}, LARGE_GRANT),
    Case("249 AWU after a year of 250 stays a large enterprise", PO, NOV,
         hardanger(249, previous_year={"staff": 250, "turnover": 118_000_000,
                                       "balance_sheet_total": 74_000_000}),
         {"PO01": "unknown"}, LARGE_GRANT, {"PO01": "the year before was large"}),
    # --- art. 3 and 6: a partner adds pro rata from 25 %, a majority links and adds all -------
    Case("200 AWU with a 24.99 % holding of 200 staff: no partner, an SME", PO, NOV,
         hardanger(200, related=[partner(200, 24.99)]), {"PO01": "pass"}, SME_GRANT),
    Case("a 25 % holding of 200 staff is a partner: 250 AWU, a large enterprise", PO, NOV,
         hardanger(200, related=[partner(200, 25)]), {"PO01": "unknown"}, LARGE_GRANT),
    Case("a 50 % partner of 99 staff adds 49.5: 249.5 AWU, an SME", PO, NOV,
         hardanger(200, related=[partner(99, 50)]), {"PO01": "pass"}, SME_GRANT),
    Case("a 50.01 % holding is a majority and adds all 99: a large enterprise", PO, NOV,
         hardanger(200, related=[partner(99, 50.01)]), {"PO01": "unknown"}, LARGE_GRANT),
    Case("a 40 % partner's turnover counts pro rata: NOK 10 million over EUR 50 million", PO,
         NOV, hardanger(100, 506_575_000.01, 500_000_000,
                        related=[partner(10, 40, turnover=25_000_000)]),
         {"PO01": "unknown"}, LARGE_GRANT),
    Case("the same partner with NOK 0.01 less turnover of the company's own is an SME", PO, NOV,
         hardanger(100, 506_575_000, 500_000_000,
                   related=[partner(10, 40, turnover=25_000_000)]),
         {"PO01": "pass"}, SME_GRANT),
    # art. 3(2), second subparagraph: business angels "provided the total investment … is less
    # than EUR 1 250 000" (NOK 12,914,375 at 10.3315); "autonomous local authorities with an
    # annual budget of less than EUR 10 million and less than 5 000 inhabitants"
    Case("business angels with 40 % and NOK 12,914,374.99 invested make no partner: an SME", PO,
         NOV, hardanger(200, related=[investor(business_angels=12_914_374.99)]),
         {"PO01": "pass"}, SME_GRANT),
    Case("with NOK 12,914,375, EUR 1,250,000, they are a partner: 280 AWU, large", PO, NOV,
         hardanger(200, related=[investor(business_angels=12_914_375)]), {"PO01": "unknown"},
         LARGE_GRANT),
    Case("a local authority of 4,999 inhabitants and NOK 103,314,999.99 makes no partner", PO,
         NOV, hardanger(200, related=[investor(local_authority=(103_314_999.99, 4_999))]),
         {"PO01": "pass"}, SME_GRANT),
    Case("one of 5,000 inhabitants is a partner", PO, NOV,
         hardanger(200, related=[investor(local_authority=(103_314_999.99, 5_000))]),
         {"PO01": "unknown"}, LARGE_GRANT),
    Case("one with a budget of NOK 103,315,000, EUR 10 million, is a partner", PO, NOV,
         hardanger(200, related=[investor(local_authority=(103_315_000, 4_999))]),
         {"PO01": "unknown"}, LARGE_GRANT),
    # --- GBER art. 4(1)(l): "EUR 7,5 million per undertaking per project", in NOK at the month's
    # rate (NOK 81,551,250 in October 2026, NOK 77,486,250 in November); the max grant stops there
    Case("a grant sought of EUR 7.5 million, NOK 77,486,250, is within the threshold", PO, NOV,
         {"project": {"budget_total": 200_000_000, "grant_sought": 77_486_250}},
         {"PO10": "pass"}, "77486250"),
    Case("NOK 0.01 more is above it", PO, NOV,
         {"project": {"budget_total": 200_000_000, "grant_sought": 77_486_250.01}},
         {"PO10": "fail"}, "77486250"),
    Case("NOK 80 million sought is within it on 31 October 2026", PO, "2026-10-31",
         {"project": {"budget_total": 200_000_000, "grant_sought": 80_000_000}},
         {"PO10": "pass"}, "81551250"),
    Case("and above it on 1 November 2026, at the new month's rate", PO, "2026-11-01",
         {"project": {"budget_total": 200_000_000, "grant_sought": 80_000_000}},
         {"PO10": "fail"}, "77486250"),
    # --- figures known only within bounds: decided when the whole range gives one answer -----
    Case("245 to 255 employees leave the SME status open, naming them, and show no grant", PO,
         NOV, hardanger({"min": 245, "max": 255}), {"PO01": "unknown"}, "none",
         missing={"PO01": ["company.employees_fte"]}),
    Case("200 to 249 employees are an SME on every value", PO, NOV,
         hardanger({"min": 200, "max": 249}), {"PO01": "pass"}, SME_GRANT),
    Case("a holding of 24 to 26 % of 200 staff may or may not make a partner", PO, NOV,
         hardanger(200, related=[partner(200, {"min": 24, "max": 26})]), {"PO01": "unknown"},
         "none", missing={"PO01": ["company.related[0].share_percent"]}),
    Case("turnover of NOK 500 to 520 million, across EUR 50 million, leaves it open", PO, NOV,
         hardanger(100, {"min": 500_000_000, "max": 520_000_000}, 500_000_000),
         {"PO01": "unknown"}, "none", missing={"PO01": ["company.turnover"]}),
    # --- de minimis: EUR 300,000 over three rolling years (2023/2831) with the DKK 25,000
    # voucher; 1 EUR = 7.4545 DKK in January 2024 (DKK 2,236,350), 7.4543 in February (DKK
    # 2,236,290)
    Case("on 31 January 2024 DKK 2,211,350 of aid and the DKK 25,000 voucher reach the ceiling",
         SMV, "2024-01-31", de_minimis_aid(2_211_350, date(2023, 6, 1)), {"SMV04": "pass"}),
    Case("on 1 February 2024 the same DKK 2,236,350 is above EUR 300,000 = DKK 2,236,290", SMV,
         "2024-02-01", de_minimis_aid(2_211_350, date(2023, 6, 1)), {"SMV04": "fail"},
         says={"SMV04": "the ceiling EUR 300,000 = DKK 2,236,290"}),
    # EUR 200,000 over three fiscal years (1407/2013): DKK 1,487,660 in February 2023,
    # DKK 1,488,520 in March 2023
    Case("on 28 February 2023 DKK 1,462,660 of aid and the voucher reach EUR 200,000", SMV,
         FEB23, de_minimis_aid(1_462_660, date(2022, 6, 1)), {"SMV04": "pass"}),
    Case("DKK 0.01 more of aid is above it", SMV, FEB23,
         de_minimis_aid(1_462_660.01, date(2022, 6, 1)), {"SMV04": "fail"}),
    Case("DKK 1,463,000 of aid and the voucher are above EUR 200,000 on 28 February 2023", SMV,
         FEB23, de_minimis_aid(1_463_000, date(2022, 6, 1)), {"SMV04": "fail"}),
    Case("and within it on 1 March 2023, at the new month's rate", SMV, MAR23,
         de_minimis_aid(1_463_000, date(2022, 6, 1)), {"SMV04": "pass"}),
    # the ceiling of the regulation in force: EUR 200,000 on 2023-12-31 (DKK 1,491,300 at
    # 7.4565), EUR 300,000 from 2024-01-01 (DKK 2,236,350 at 7.4545)
    Case("DKK 1,600,000 of aid of June 2023 is above EUR 200,000 on 31 December 2023", SMV,
         "2023-12-31", de_minimis_aid(1_600_000, date(2023, 6, 1)), {"SMV04": "fail"},
         says={"SMV04": "Regulation (EU) No 1407/2013"}),
    Case("and within EUR 300,000 on 1 January 2024", SMV, "2024-01-01",
         de_minimis_aid(1_600_000, date(2023, 6, 1)), {"SMV04": "pass"},
         says={"SMV04": "Regulation (EU) 2023/2831"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_match_applies_the_law_at_its_edges(tmp_path: Path, case: Case) -> None:
    _, s = match_changed(tmp_path, VEHICLES[case.scheme], case.over, case.on, case.scheme)
    said = {f["rule"]: f for f in s["findings"]}
    for rule, outcome in case.rules.items():
        assert said[rule]["outcome"] == outcome, said[rule]["message"]
    for rule, words in case.says.items():
        assert words in said[rule]["message"], said[rule]["message"]
    for rule, fields in case.missing.items():
        assert said[rule]["missing_fields"] == fields, said[rule]
    if case.grant == "none":
        assert s["max_grant"] is None, s["amount_basis"]
    elif case.grant is not None:  # one that does not fit: what it would give
        assert json_amounts(s)["max_grant"]["amount"] == case.grant, s["amount_basis"]


# --- the citations the JSON gives for these figures: the act that states each one ----------------


@pytest.mark.parametrize(("on", "value", "act", "words"), [
    ("2023-12-31", "200000", "Regulation (EU) No 1407/2013",
     "shall not exceed EUR 200 000 over any period of three fiscal years"),
    ("2024-01-01", "300000", "Regulation (EU) 2023/2831",
     "shall not exceed EUR 300 000 over any period of three years")])
def test_the_de_minimis_ceiling_is_cited_to_the_regulation_that_sets_it(
        tmp_path: Path, on: str, value: str, act: str, words: str) -> None:
    """The decision record's EUR 200,000 quoted Regulation 2023/2831's "EUR 300 000" before
    2024: each value now cites the article that states it."""
    _, s = match_changed(tmp_path, VEHICLES[SMV], {}, on, SMV)
    [ceiling] = [p for p in s["decision_record"]["parameters"]
                 if p["name"] == "de_minimis_ceiling"]
    assert ceiling["value"] == value
    assert act in ceiling["source"]["source"] and words in ceiling["source"]["quote"]


def test_the_two_year_rule_is_quoted_in_the_recommendations_words(tmp_path: Path) -> None:
    """Annex art. 4(2) of Recommendation 2003/361 was quoted in GBER Annex I's wording ("it
    shall lose or acquire the status … only if this excess occurs …"): the citation names the
    Recommendation, so the quote is the Recommendation's."""
    _, s = match_changed(tmp_path, VEHICLES[PO], {}, NOV, PO)
    [po01] = [f for f in s["findings"] if f["rule"] == "PO01"]
    [art4] = [c for c in po01["source"] if c["section"] == "Annex, Article 4(2)"]
    assert art4["source"] == "Commission Recommendation 2003/361/EC (SME definition)"
    assert art4["quote"] == (
        "this will not result in the loss or acquisition of the status of medium-sized, small "
        "or microenterprise unless those ceilings are exceeded over two consecutive accounting "
        "periods")
