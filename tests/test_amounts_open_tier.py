"""Amounts that mislead, round 13.

- SMV:Digital: while a voucher fits and a higher one needs information, the grant is open from
  the voucher that fits to the most the higher one gives, settled by that voucher's facts
  ("Herudover gælder der specifikke krav afhængigt af, om der søges tilskud til 25.000 kr.,
  100.000 kr. eller 250.000 kr."): "up to DKK 25,000" understated it.
- The verdicts-only path (batch csv) does not compute the amounts of a scheme that does not
  fit, which it withholds; its rows, warnings included, stay as they were.

Every date is stated: no test depends on today's date.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.citations import eu
from grantcheck.cli import app
from grantcheck.engine import (
    Amounts,
    CallWindow,
    Kind,
    NotFitting,
    RuleBook,
    Scheme,
    Verdict,
    check,
    evaluate,
    summarize,
)
from grantcheck.engine.summary import Withheld
from grantcheck.law.gber import GBER
from grantcheck.matching import check as check_match
from grantcheck.matching import summarize_match
from grantcheck.money import Money
from grantcheck.profile import load_profile
from grantcheck.schemes import get
from tests.support import ctx_for, merged, result_for
from tests.test_no_fit_amounts_public_bodies import NORDLYS

ON = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
SMV = get("dk-smv-digital")


def dkk(amount: int) -> Money:
    return Money(Decimal(amount), "DKK")


def _turnover(value: Any) -> dict[str, Any]:
    return merged(NORDLYS, company={"turnover": value})


def _same_in_both_paths(data: dict[str, Any], on: date = ON) -> None:
    """The verdicts-only path gives the very amounts of the full check."""
    full = evaluate(SMV, ctx_for(data, on))
    short = summarize(SMV, ctx_for(data, on))
    assert short.verdict_if_open is full.verdict_if_open
    assert short.amounts.made() == full.amounts


# --- SMV:Digital: a higher voucher that needs information ----------------------------------


@pytest.mark.parametrize("turnover", [{"min": 1_500_000, "max": 2_500_000}, None],
                         ids=["straddling DKK 2 million", "left out"])
def test_a_turnover_that_leaves_the_larger_vouchers_open_gives_the_range(turnover: Any) -> None:
    """The DKK 25,000 voucher fits; the DKK 100,000 and up-to-250,000 ones wait on the
    turnover: the grant is DKK 25,000 to DKK 220,000 (Nordlys's investment support 120,000 +
    advice 100,000), by company.turnover."""
    r = result_for(SMV, _turnover(turnover), ON)
    assert r.verdict is Verdict.FITS
    assert [t.verdict for t in r.tiers] == [Verdict.FITS, Verdict.NEEDS_INFORMATION,
                                            Verdict.NEEDS_INFORMATION]
    am = r.amounts.amounts
    assert am is not None
    assert am.max_grant is None and am.own_funding is None
    assert am.span == (dkk(25_000), dkk(220_000))
    assert am.own_span == (dkk(460_000), dkk(655_000))
    assert am.missing == ("company.turnover",)
    assert am.cap == dkk(250_000) and am.rate is None  # the mixed rate of the highest voucher
    assert str(am.basis).startswith("DKK 25,000 with tier DKK 25,000, which fits, to DKK "
                                    "220,000 with tier up to DKK 250,000, which needs "
                                    "company.turnover; tier DKK 25,000: grant DKK 25,000")
    # the tiers keep their own amounts
    assert [t.amounts.amounts.max_grant for t in r.tiers if t.amounts.amounts] == [
        dkk(25_000), dkk(100_000), dkk(220_000)]
    _same_in_both_paths(_turnover(turnover))


@pytest.mark.parametrize(("turnover", "grant"), [
    (2_000_000, 220_000), (1_999_999, 25_000),
    ({"min": 2_000_000, "max": 2_500_000}, 220_000), ({"min": 1_000_000, "max": 1_999_999}, 25_000),
])
def test_a_turnover_on_either_side_of_2_million_settles_the_grant(turnover: Any,
                                                                  grant: int) -> None:
    """«omsætning på minimum 2 mio. kr.»: DKK 2,000,000 reaches the larger vouchers, 1,999,999
    does not; a range wholly on one side decides as its ends do: one grant, no range."""
    r = result_for(SMV, _turnover(turnover), ON)
    am = r.amounts.amounts
    assert r.verdict is Verdict.FITS and am is not None
    assert am.max_grant == dkk(grant) and am.span is None and not am.missing
    _same_in_both_paths(_turnover(turnover))


def test_an_unstated_business_case_leaves_the_grant_open_from_the_100000_voucher() -> None:
    """The DKK 100,000 voucher fits; the up-to-250,000 one waits on «have udarbejdet en
    business case»: DKK 100,000 to 220,000 by project.business_case_made."""
    data = merged(NORDLYS, project={"business_case_made": None})
    r = result_for(SMV, data, ON)
    am = r.amounts.amounts
    assert r.verdict is Verdict.FITS and am is not None
    assert am.span == (dkk(100_000), dkk(220_000))
    assert am.missing == ("project.business_case_made",)
    assert am.rate is None and am.cap == dkk(250_000)
    _same_in_both_paths(data)


def test_a_higher_voucher_that_gives_no_more_leaves_the_grant_as_it_is() -> None:
    """Advice of DKK 40,000 and no investment: every advice voucher gives 50 % = DKK 20,000,
    so the open DKK 100,000 voucher changes nothing: DKK 20,000, no range."""
    data = merged(NORDLYS, company={"turnover": None},
                  project={"budget_total": 40_000, "investment_cost": 0,
                           "activities": ["implementation"], "own_hours_cost": 0})
    r = result_for(SMV, data, ON)
    am = r.amounts.amounts
    assert r.verdict is Verdict.FITS and am is not None
    assert r.tiers[1].verdict is Verdict.NEEDS_INFORMATION
    assert am.max_grant == dkk(20_000) and am.span is None
    _same_in_both_paths(data)


def test_a_grant_sought_below_the_range_keeps_its_own_funding() -> None:
    """DKK 20,000 sought, under the least of the range: own funding 680,000 − 20,000."""
    data = merged(_turnover(None), project={"grant_sought": 20_000})
    am = result_for(SMV, data, ON).amounts.amounts
    assert am is not None and am.span == (dkk(25_000), dkk(220_000))
    assert am.sought == dkk(20_000) and am.own_for_sought == dkk(660_000)
    _same_in_both_paths(data)


def _profile_file(tmp_path: Path, drop: str) -> Path:
    src = (ROOT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")
    lines = [ln for ln in src.split("# The draft budget")[0].splitlines()
             if not ln.startswith(drop)]
    p = tmp_path / "nordlys.toml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_match_says_the_range_first_and_json_carries_it(tmp_path: Path) -> None:
    p = _profile_file(tmp_path, "turnover = 9800000")
    r = runner.invoke(app, ["match", str(p), "--as-of", "2026-11-23", "-s", "dk-smv-digital"],
                      env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.endswith("1 scheme fits — SMV:Digital, DKK 25,000 – 220,000 by "
                          "company.turnover (own funding DKK 460,000 – 655,000).")
    assert "up to DKK 25,000" not in r.stdout
    r = runner.invoke(app, ["match", str(p), "--as-of", "2026-11-23", "-s", "dk-smv-digital",
                            "-f", "json"])
    (s,) = json.loads(r.stdout)["schemes"]
    assert s["max_grant"] is None
    assert s["max_grant_range"] == {"min": {"amount": "25000", "currency": "DKK"},
                                    "max": {"amount": "220000", "currency": "DKK"}}
    assert s["own_funding_range"]["max"]["amount"] == "655000"
    assert s["amount_missing_fields"] == ["company.turnover"]


# --- the verdicts-only path withholds without computing -------------------------------------

C = eu(GBER, "Article 1")
book = RuleBook()


@book.rule("W01", "Turnover reaches DKK 100", kind=Kind.HARD, cites=[C],
           reads=["company.turnover"])
def _turnover_rule(ctx: Any) -> Any:
    return check(ctx.need("company.turnover") >= 100, "turnover", "more turnover")


CALLS: list[str] = []


def _counted(ctx: Any) -> Amounts:
    CALLS.append(ctx.profile.company.name)
    return Amounts(dkk(50), None, "cash", "DKK 50, always")


COUNTED = Scheme("x-withheld", "Withheld", "Agency", "DK", "DKK", C.source,
                 CallWindow(None, None, (C,)), tuple(book.rules), (), _counted, (), "test")


def test_summarize_does_not_compute_the_amounts_of_a_scheme_that_does_not_fit() -> None:
    data = {"company": {"name": "Low", "country": "DK", "turnover": 99}}
    CALLS.clear()
    s = summarize(COUNTED, ctx_for(data, ON))
    assert s.verdict_if_open is Verdict.DOES_NOT_FIT
    assert isinstance(s.amounts, Withheld) and s.amounts.amounts is None
    assert CALLS == []  # withheld, not computed
    full = evaluate(COUNTED, ctx_for(data, ON))
    assert isinstance(full.amounts, NotFitting)
    assert s.amounts.made() == full.amounts  # what they would be, worked out when asked
    assert s.amounts.problem == full.amounts.problem
    assert s.amounts.if_fitted == full.amounts.if_fitted


def test_summarize_computes_the_amounts_of_a_scheme_that_fits() -> None:
    CALLS.clear()
    s = summarize(COUNTED, ctx_for({"company": {"name": "High", "country": "DK",
                                                "turnover": 100}}, ON))
    assert s.verdict_if_open is Verdict.FITS and CALLS == ["High"]
    assert s.amounts.amounts is not None and s.amounts.amounts.max_grant == dkk(50)


@pytest.mark.parametrize("on", [date(2027, 2, 1), date(2031, 1, 1)])
def test_past_the_rate_table_the_csv_warnings_still_name_every_rate_used(on: date) -> None:
    """Past the table's months a stale rate is named in a warning (a csv row's column): the
    Norwegian and Swedish schemes Danbyg does not fit convert its DKK figures with the NOK and
    SEK rates, so their amounts are still computed there, and the warning names all three."""
    profile = load_profile(ROOT / "profiles" / "danbyg-holding.toml")
    full = check_match(profile, on)
    short = summarize_match(profile, on)
    assert short.warnings == full.warnings
    assert any("DKK, NOK and SEK rates" in w for w in full.warnings)


def test_inside_the_rate_table_no_warning_depends_on_the_withheld_amounts() -> None:
    on = date(2026, 11, 23)
    profile = load_profile(ROOT / "profiles" / "danbyg-holding.toml")
    short = summarize_match(profile, on)
    withheld = [r for r in short.results if isinstance(r.amounts, Withheld)]
    assert withheld  # Danbyg does not fit the Norwegian and Swedish schemes
    assert short.warnings == check_match(profile, on).warnings == []

