"""Eighth round, Denmark: what ``grantcheck match PROFILE --as-of DATE --format json`` and
``grantcheck budget PROFILE --as-of DATE --format json`` say (typer's CliRunner) where the round
changed a verdict, on the example profiles (profiles/nordlys-automation.toml,
profiles/kvantia-startup.toml) with the case's changes, at 1 EUR = 7.46 DKK.

SMV:Digital (Erhvervsstyrelsen, «Ansøgningsguide til SMV:Digital»): «Der er krav om egen
medfinansiering i form af 50% enten i form af kontant betaling, egne afholdte timer eller et mix
af disse»: the page leaves the mix to the company, so own hours booked at a cost the profile does
not state (``project.own_hours_cost``) may be all of the advice, which buys none for the DKK 25,000
and DKK 100,000 vouchers to pay for (SMV33, SMV34; the seventh round failed that case when
stated). A missing cost is a range, not 0: the rules are unknown, naming the field, where they
passed. The budget's lines hold the split, and ``budget`` reads it from them (SMVB01).

Innobooster People (Innovationsfonden): «For genansættelser gælder det, at der skal foreligge en
ansættelseskontrakt senest ved bevillingsperiodens start»: a re-hired employee without a contract
once the grant period has begun does not fit (IP16); and the other full-time employees (IP20)
are counted with the funded employees employed at application among the staff.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import changed
from tests.test_cli_dk_round7 import finding, tiers

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
NORDLYS, KVANTIA = PROFILES / "nordlys-automation.toml", PROFILES / "kvantia-startup.toml"
SMV, IP = "dk-smv-digital", "dk-innobooster-people"
ON = "2026-12-01"  # Nordlys applies on 2026-12-01


def _write(folder: Path, profile: Path, over: dict[str, Any], drop: tuple[str, ...] = (),
           budget: bool = False) -> Path:
    """``profile`` changed by ``over`` (``drop``: 'section.key' left out) into ``folder``; its
    [budget] kept only for ``budget``."""
    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    if not budget:
        data.pop("budget", None)
    for path in drop:
        section, key = path.split(".")
        data[section].pop(key)
    path = folder / "profile.toml"
    path.write_text(tomli_w.dumps(changed(data, over)), encoding="utf-8")
    return path


def match(folder: Path, profile: Path, over: dict[str, Any], on: str, scheme: str,
          drop: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    """`match` of the changed profile for ``scheme`` on ``on``: the exit code and the scheme's
    JSON."""
    path = _write(folder, profile, over, drop)
    r = CliRunner().invoke(app, ["match", str(path), "-s", scheme, "--as-of", on, "-f", "json",
                                 "--rate", "DKK=7.46"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["schemes"][0]
    return r.exit_code, said


def budget(folder: Path, over: dict[str, Any], drop: tuple[str, ...] = ()
           ) -> tuple[int, dict[str, Any]]:
    """`budget` of Nordlys changed by ``over`` (its own hours' cost and ``drop`` left out) on
    2026-12-01: the exit code and its JSON."""
    path = _write(folder, NORDLYS, over, (*UNSTATED, *drop), budget=True)
    r = CliRunner().invoke(app, ["budget", str(path), "--as-of", ON, "-f", "json", "--rate",
                                 "DKK=7.46"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["budgets"][0]
    return r.exit_code, said


# --- SMV:Digital: own hours of an unstated cost ----------------------------------------------
# Nordlys: budget DKK 680,000 − investment DKK 480,000 = DKK 200,000 of advice; own_hours = true,
# own_hours_cost = 60,000 (its budget's lines: DKK 140,000 consultancy and DKK 60,000 own hours),
# left out here (UNSTATED) unless a case states it.
UNSTATED = ("project.own_hours_cost",)

ADVICE_ONLY = {"budget_total": 200_000, "investment_cost": 0, "activities": ["implementation"]}


def test_own_hours_of_unstated_cost_leave_the_advice_vouchers_open(tmp_path: Path) -> None:
    """The investment voucher fits, the advice ones need the cost of the own hours (they may be
    all DKK 200,000 of the advice)."""
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=UNSTATED)
    for rule in ("SMV33", "SMV34"):
        f = finding(said, rule)
        assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.own_hours_cost"]
        assert "all own hours buys none" in f["message"]
        assert "advice costs DKK 200,000" in f["message"]
    assert tiers(said) == {"t25": "needs_information", "t100": "needs_information",
                           "t250": "fits"}
    assert code == 0 and said["verdict"] == "fits" and said["max_grant"]["amount"] == "220000"


def test_the_cost_its_budget_lines_book_settles_them(tmp_path: Path) -> None:
    """DKK 60,000 of own hours (200 h at DKK 300), as the example profile states: DKK 140,000
    of advice bought."""
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV)
    f = finding(said, "SMV33")
    assert f["outcome"] == "pass" and "of which DKK 140,000 bought" in f["message"]
    assert tiers(said) == {"t25": "fits", "t100": "fits", "t250": "fits"} and code == 0


def test_own_hours_stated_as_none_settle_them_too(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {"project": {"own_hours": False}}, ON, SMV,
                       drop=UNSTATED)
    assert finding(said, "SMV34")["outcome"] == "pass"
    assert tiers(said)["t100"] == "fits" and code == 0


def test_own_hours_not_stated_at_all_may_be_booked(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=("project.own_hours", *UNSTATED))
    f = finding(said, "SMV33")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.own_hours_cost"]
    assert "own hours may co-finance" in f["message"]
    assert code == 0 and tiers(said)["t25"] == "needs_information"


def test_an_advice_project_with_own_hours_of_unstated_cost_needs_the_cost(tmp_path: Path) -> None:
    """No investment: nothing but the advice vouchers, so the scheme needs information."""
    code, said = match(tmp_path, NORDLYS, {"project": ADVICE_ONLY}, ON, SMV, drop=UNSTATED)
    assert tiers(said) == {"t25": "needs_information", "t100": "needs_information",
                           "t250": "does_not_fit"}
    assert code == 1 and said["verdict"] == "needs_information"


def test_one_krone_of_advice_bought_fits_it(tmp_path: Path) -> None:
    over = {"project": {**ADVICE_ONLY, "own_hours_cost": 199_999}}
    code, said = match(tmp_path, NORDLYS, over, ON, SMV)
    assert finding(said, "SMV34")["outcome"] == "pass"
    assert code == 0 and said["verdict"] == "fits" and said["max_grant"]["amount"] == "1"


def test_all_of_it_own_hours_does_not_fit(tmp_path: Path) -> None:
    over = {"project": {**ADVICE_ONLY, "own_hours_cost": 200_000}}
    code, said = match(tmp_path, NORDLYS, over, ON, SMV)
    assert finding(said, "SMV34")["outcome"] == "fail"
    assert code == 1 and said["verdict"] == "does_not_fit"


# Without the budget (project.budget_total), the activities say whether there is advice; the own
# hours may still be all of it.

NO_BUDGET = ("project.budget_total", "project.investment_cost")


def test_without_a_budget_own_hours_of_unstated_cost_leave_it_open(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=(*NO_BUDGET, *UNSTATED))
    f = finding(said, "SMV33")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.own_hours_cost"]
    assert "include implementation" in f["message"]
    assert code == 1 and said["verdict"] == "needs_information"  # the investment voucher too


def test_without_a_budget_no_own_hours_passes(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {"project": {"own_hours_cost": 0}}, ON, SMV,
                       drop=NO_BUDGET)
    assert finding(said, "SMV33")["outcome"] == "pass"
    assert tiers(said)["t25"] == "fits" and code == 0


def test_without_a_budget_own_hours_of_a_stated_cost_need_the_budget(tmp_path: Path) -> None:
    """DKK 60,000 of own hours: the advice may be DKK 60,000, all of it own hours."""
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=NO_BUDGET)
    f = finding(said, "SMV34")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.budget_total"]
    assert "with own hours of DKK 60,000" in f["message"] and code == 1


def test_with_the_budget_but_not_its_investment_part_that_part_is_named(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=("project.investment_cost",))
    f = finding(said, "SMV33")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.investment_cost"]
    assert code == 1 and said["verdict"] == "needs_information"


# `budget`: the lines hold the split match asks for.

LINES = [
    {"description": "Requirement specification, Kastrup Digital ApS", "category": "consultancy",
     "amount": 140_000},
    {"description": "Own hours: operations manager", "category": "personnel",
     "person": "Mette Lund", "hours": 200, "gross_annual_salary": 483_900},
]


def test_a_budget_for_the_100000_voucher_reads_the_own_hours_from_its_lines(tmp_path: Path
                                                                           ) -> None:
    over = {"project": ADVICE_ONLY, "budget": {"tier": "t100", "lines": LINES}}
    code, said = budget(tmp_path, over)
    f = finding(said, "SMVB01")
    assert f["outcome"] == "pass"
    assert "with project.own_hours_cost DKK 60,000 as the budget's lines hold" in f["message"]
    assert code == 0 and said["verdict"] == "complies"


def test_without_the_profile_s_budget_the_lines_give_it_too(tmp_path: Path) -> None:
    """The profile states neither its own hours' cost nor its budget: the lines hold both
    (DKK 140,000 consultancy + DKK 60,000 own hours)."""
    over = {"project": {"activities": ["implementation"]},
            "budget": {"tier": "t100", "lines": LINES}}
    code, said = budget(tmp_path, over, drop=("project.budget_total", "project.investment_cost"))
    f = finding(said, "SMVB01")
    assert f["outcome"] == "pass" and ("project.own_hours_cost DKK 60,000 and "
                                       "project.budget_total DKK 200,000") in f["message"]
    assert code == 0 and said["verdict"] == "complies"


def test_a_line_of_unknown_value_leaves_the_profile_s_unknown(tmp_path: Path) -> None:
    """An own-hours line without its salary basis: the lines do not settle the split."""
    own = {k: v for k, v in LINES[1].items() if k != "gross_annual_salary"} | {"amount": 60_000}
    over = {"project": ADVICE_ONLY, "budget": {"tier": "t100", "lines": [LINES[0], own]}}
    code, said = budget(tmp_path, over)
    f = finding(said, "SMVB01")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.own_hours_cost"]
    assert code == 1


def test_a_budget_whose_lines_are_all_own_hours_does_not_fit_the_voucher(tmp_path: Path) -> None:
    over = {"project": {**ADVICE_ONLY, "budget_total": 60_000},
            "budget": {"tier": "t100", "lines": LINES[1:]}}
    code, said = budget(tmp_path, over)
    f = finding(said, "SMVB01")
    assert f["outcome"] == "fail" and "SMV34" in f["message"]
    assert code == 1 and said["verdict"] == "breaks_rules"


def test_the_profile_s_own_hours_cost_wins_over_the_lines(tmp_path: Path) -> None:
    """Stated in the profile, the cost is match's: DKK 200,000 of own hours is all the advice."""
    over = {"project": {**ADVICE_ONLY, "own_hours_cost": 200_000},
            "budget": {"tier": "t100", "lines": LINES}}
    code, said = budget(tmp_path, over)
    assert finding(said, "SMVB01")["outcome"] == "fail" and code == 1


# --- Innobooster People: the re-hire contract by the grant start -----------------------------
# Kvantia applied on 2020-11-16; Mads Iversen (dismissed 2020-04-30) is re-hired with the grant
# from 2021-01-01. The call closed on 2020-12-01: after it, verdict_if_open says what it was.


def rehired(contract: bool | None, start: date = date(2021, 1, 1)) -> dict[str, Any]:
    data = tomllib.loads(KVANTIA.read_text(encoding="utf-8"))
    emps = data["employees"]
    for e in emps:
        e["grant_start"] = start
    if contract is None:
        emps[1].pop("rehire_contract")
    else:
        emps[1]["rehire_contract"] = contract
    return {"employees": emps}


def test_no_contract_yet_on_the_grant_start_still_fits(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, rehired(False), "2021-01-01", IP)
    f = finding(said, "IP16")
    assert f["outcome"] == "pass" and "contract needed by the grant start" in f["message"]
    assert code == 1 and said["verdict_if_open"] == "fits"


def test_no_contract_the_day_after_the_grant_start_does_not(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, rehired(False), "2021-01-02", IP)
    f = finding(said, "IP16")
    assert f["outcome"] == "fail" and "grant period began 2021-01-01" in f["message"]
    assert "Mads Iversen" in f["fix"] and said["verdict_if_open"] == "does_not_fit"
    assert code == 1


def test_a_contract_not_stated_after_the_grant_start_is_asked(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, rehired(None), "2021-01-02", IP)
    f = finding(said, "IP16")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["employees[1].rehire_contract"]
    assert said["verdict_if_open"] == "needs_information" and code == 1


def test_a_contract_held_after_the_grant_start_fits(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, rehired(True), "2021-01-02", IP)
    assert finding(said, "IP16")["outcome"] == "pass" and said["verdict_if_open"] == "fits"
    assert code == 1  # the call is closed


def test_while_the_call_is_open_a_grant_begun_without_the_contract_does_not_fit(
        tmp_path: Path) -> None:
    """Applied on 2020-09-15, the grant from 2020-10-01: on 2020-10-02 the call is open."""
    over = {**rehired(False, date(2020, 10, 1)), "project": {"application_date": date(2020, 9, 15),
                                                             "start": date(2020, 10, 1),
                                                             "end": date(2021, 9, 30)}}
    code, said = match(tmp_path, KVANTIA, over, "2020-10-02", IP)
    assert said["status"] == "open" and finding(said, "IP16")["outcome"] == "fail"
    assert code == 1 and said["verdict"] == "does_not_fit"
    code, said = match(tmp_path, KVANTIA, over, "2020-10-01", IP)
    assert finding(said, "IP16")["outcome"] == "pass" and said["verdict"] == "fits"


# IP20: two funded employees need two other full-time employees; Freja Holm, employed at
# application, is one of the staff, so unstated staff leave 0 or more others (not -1).


def test_staff_not_stated_leave_the_others_from_zero(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, {}, "2020-11-16", IP, drop=("company.employees_fte",))
    f = finding(said, "IP20")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["company.employees_fte"]
    assert f["message"].startswith("0 or more") and code == 1


def test_three_staff_leave_two_others_and_fit(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, {"company": {"employees_fte": 3}}, "2020-11-16", IP)
    assert finding(said, "IP20")["outcome"] == "pass" and said["verdict"] == "fits" and code == 0


def test_two_point_nine_nine_staff_do_not(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, {"company": {"employees_fte": 2.99}}, "2020-11-16", IP)
    assert finding(said, "IP20")["outcome"] == "fail" and said["verdict"] == "does_not_fit"
    assert code == 1


# --- facts left unstated: each one a range, never 0 or false (these already held) ------------

# Nordlys (the cost of its own hours stated: every tier fits), one fact left out at a time:
# the rules that read it unknown, naming it, and the tiers it may change open.
SMV_UNSTATED = [
    ("company.cvr_number", ["SMV01"], ("needs_information",) * 3),
    ("company.employees_fte", ["SMV10", "SMV11", "SMV13"], ("needs_information",) * 3),
    ("company.turnover", ["SMV12", "SMV14"], ("fits", "needs_information", "needs_information")),
    ("project.group_smv_grant", ["SMV26"], ("needs_information",) * 3),
    ("project.ineligible_activities", ["SMV25"], ("needs_information",) * 3),
    ("project.advisors_in_database", ["SMV27"], ("needs_information",) * 3),
    ("project.advisor_conflict_of_interest", ["SMV28"], ("needs_information",) * 3),
    ("project.technology_choice_settled", ["SMV15"], ("fits", "fits", "needs_information")),
    ("project.business_case_made", ["SMV16"], ("fits", "fits", "needs_information")),
    ("declarations.ready_to_invest", ["SMV23"], ("fits", "fits", "needs_information")),
    ("declarations.growth_ambitions", ["SMV18"], ("needs_information",) * 3),
]


def test_smv_digital_facts_left_unstated(tmp_path: Path) -> None:
    """«man må gerne overskride maksimum for enten omsætning eller balance»: the balance sheet
    within its ceiling settles the size bullet without the turnover, which only the larger
    vouchers' «omsætning på minimum 2 mio. kr.» then needs; the owners not stated add 0 to 1 FTE
    to 14.5 employees, within every voucher's range."""
    for fact, rules, verdicts in SMV_UNSTATED:
        _, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=(fact,))
        for rule in rules:
            f = finding(said, rule)
            assert (f["outcome"], f["missing_fields"]) == ("unknown", [fact]), (fact, f)
        assert tuple(tiers(said).values()) == verdicts, fact
    for fact in ("company.owners_fte", "company.balance_sheet_total"):
        code, said = match(tmp_path, NORDLYS, {}, ON, SMV, drop=(fact,))
        assert set(tiers(said).values()) == {"fits"} and code == 0, fact


IP_UNSTATED = [
    ("company.cvr_number", "IP02"), ("company.founded", "IP03"),
    ("company.taken_over_other_activity", "IP05"), ("company.distributed_profits", "IP06"),
    ("company.formed_by_merger", "IP07"), ("company.listed", "IP09"),
    ("company.sector", "IP10"), ("company.external_capital_raised", "IP01"),
]


def test_innobooster_people_facts_left_unstated(tmp_path: Path) -> None:
    """Kvantia on its application day: its turnover (DKK 1.4 million) is under DKK 2 million, so
    the capital decides «et af to krav»; its turnover or balance sheet left out, the other is
    within EUR 10 million («højest 10 mio. EUR i årlig omsætning eller årlig samlet balance»)."""
    for fact, rule in IP_UNSTATED:
        code, said = match(tmp_path, KVANTIA, {}, "2020-11-16", IP, drop=(fact,))
        f = finding(said, rule)
        assert (f["outcome"], f["missing_fields"]) == ("unknown", [fact]), (fact, f)
        assert code == 1 and said["verdict"] == "needs_information", fact
    for fact in ("company.turnover", "company.balance_sheet_total"):
        code, said = match(tmp_path, KVANTIA, {}, "2020-11-16", IP, drop=(fact,))
        assert code == 0 and said["verdict"] == "fits", fact
