"""Seventh round, Denmark: what ``grantcheck match PROFILE --as-of DATE --format json`` says
(typer's CliRunner) where the round changed a verdict, and of the call's last day, on the example
profiles (profiles/nordlys-automation.toml, profiles/kvantia-startup.toml) with the case's
changes.

SMV:Digital (Erhvervsstyrelsen, «Ansøgningsguide til SMV:Digital»):
- «tilskud på op til 250.000 kr.» with «mindstestøttesats på 10.000 kr.», and Reg. 2023/2831
  art. 3(7): the voucher's grant checked against the de minimis ceiling as bounds (SMV06);
- «Kun godkendte rådgivere … må udføre rådgivningsopgaver i SMV:Digital», own hours as
  co-financing: advice that is all own hours buys none (SMV33, SMV34).
Innobooster People (Innovationsfonden): «Vi tager løbende imod ansøgninger frem til 1. december
2020».
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import changed

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
NORDLYS, KVANTIA = PROFILES / "nordlys-automation.toml", PROFILES / "kvantia-startup.toml"
SMV, IP = "dk-smv-digital", "dk-innobooster-people"


def match(folder: Path, profile: Path, over: dict[str, Any], on: str, scheme: str
          ) -> tuple[int, dict[str, Any]]:
    """`match` of ``profile`` changed by ``over`` for ``scheme`` on ``on`` at 1 EUR = 7.46 DKK:
    the exit code and the scheme's JSON."""
    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    data.pop("budget", None)
    data["project"].pop("own_hours_cost", None)  # the cost of Nordlys's own hours, unstated here
    path = folder / "profile.toml"
    path.write_text(tomli_w.dumps(changed(data, over)), encoding="utf-8")
    r = CliRunner().invoke(app, ["match", str(path), "-s", scheme, "--as-of", on, "-f", "json",
                                 "--rate", "DKK=7.46"], env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["schemes"][0]
    return r.exit_code, said


def finding(said: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(f for f in said["findings"] if f["rule"] == rule)


def tiers(said: dict[str, Any]) -> dict[str, str]:
    return {t["id"]: t["verdict"] for t in said["tiers"]}


def aid(amount: int) -> dict[str, Any]:
    """Nordlys's one earlier grant (2024-09-02, de minimis), of ``amount``."""
    return {"aid_received": [{"granted": "2024-09-02", "amount": amount,
                              "scheme": "Innovationskraft", "de_minimis": True,
                              "finished_and_reported": True}]}


# Nordlys: advice DKK 200,000 (own hours booked, their cost not stated) and an investment of
# DKK 480,000: the up-to-DKK 250,000 voucher gives DKK 120,000 (the investment support alone) to
# DKK 220,000. On 2026-11-01 the ceiling is EUR 300,000 = DKK 2,238,000.


def test_aid_the_upper_grant_fits_under_leaves_the_voucher_fitting(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, aid(2_018_000), "2026-11-01", SMV)
    assert code == 0 and finding(said, "SMV06")["outcome"] == "pass"
    assert tiers(said)["t250"] == "fits" and said["max_grant"]["amount"] == "220000"


def test_one_krone_more_leaves_it_open_naming_the_own_hours(tmp_path: Path) -> None:
    """The grant may be as little as DKK 120,000, under the ceiling: not 'does not fit'."""
    code, said = match(tmp_path, NORDLYS, aid(2_018_001), "2026-11-01", SMV)
    f = finding(said, "SMV06")
    assert f["outcome"] == "unknown" and f["missing_fields"] == ["project.own_hours_cost"]
    assert "as little as DKK 120,000" in f["message"]
    # eighth round: the same unstated cost leaves the advice vouchers open (SMV33, SMV34)
    assert tiers(said) == {"t25": "needs_information", "t100": "needs_information",
                           "t250": "needs_information"}
    assert code == 1 and said["verdict"] == "needs_information"


def test_aid_above_the_ceiling_with_the_least_grant_rules_the_voucher_out(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, aid(2_118_001), "2026-11-01", SMV)
    assert finding(said, "SMV06")["outcome"] == "fail"
    assert tiers(said)["t250"] == "does_not_fit" and tiers(said)["t100"] == "needs_information"
    assert code == 1 and said["verdict"] == "needs_information"  # eighth round: SMV33, SMV34


def test_own_hours_stated_settle_the_grant_and_the_rule(tmp_path: Path) -> None:
    """DKK 100,000 of own hours: the advice bought is DKK 100,000, the grant DKK 220,000."""
    over = {**aid(2_018_001), "project": {"own_hours_cost": 100_000}}
    code, said = match(tmp_path, NORDLYS, over, "2026-11-01", SMV)
    assert finding(said, "SMV06")["outcome"] == "fail"
    assert tiers(said)["t250"] == "does_not_fit" and code == 0


def test_advice_all_own_hours_fits_only_the_investment_voucher(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {"project": {"own_hours_cost": 200_000}},
                       "2026-11-01", SMV)
    assert finding(said, "SMV33")["outcome"] == "fail"
    assert finding(said, "SMV34")["outcome"] == "fail"
    assert "all own hours" in finding(said, "SMV33")["message"]
    assert tiers(said) == {"t25": "does_not_fit", "t100": "does_not_fit", "t250": "fits"}
    assert code == 0 and said["max_grant"]["amount"] == "120000"


def test_one_krone_of_advice_bought_keeps_the_advice_vouchers(tmp_path: Path) -> None:
    code, said = match(tmp_path, NORDLYS, {"project": {"own_hours_cost": 199_999}},
                       "2026-11-01", SMV)
    assert finding(said, "SMV33")["outcome"] == "pass"
    assert tiers(said) == {"t25": "fits", "t100": "fits", "t250": "fits"} and code == 0


def test_an_advice_only_project_that_is_all_own_hours_fits_no_voucher(tmp_path: Path) -> None:
    over = {"project": {"budget_total": 50_000, "investment_cost": 0,
                        "activities": ["implementation"], "own_hours_cost": 50_000}}
    code, said = match(tmp_path, NORDLYS, over, "2026-11-01", SMV)
    assert code == 1 and said["verdict"] == "does_not_fit"


# Kvantia applied on 2020-11-16; the call's last open day is 2020-12-01.


def test_the_innobooster_call_is_open_on_its_last_day(tmp_path: Path) -> None:
    code, said = match(tmp_path, KVANTIA, {}, "2020-12-01", IP)
    assert code == 0 and said["status"] == "open" and said["verdict"] == "fits"
    assert said["max_grant"]["amount"] == "702000" and said["own_funding"]["amount"] == "306000"


def test_the_innobooster_call_is_closed_the_day_after(tmp_path: Path) -> None:
    """Closed, with the verdict it would have had: the application sent on 2020-11-16 fits."""
    code, said = match(tmp_path, KVANTIA, {}, "2020-12-02", IP)
    assert code == 1 and said["status"] == "closed" and said["verdict"] == "closed"
    assert said["verdict_if_open"] == "fits" and finding(said, "IP39")["outcome"] == "info"
