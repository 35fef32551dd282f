"""Amounts and messages that mislead (round 12).

- A scheme or tier whose verdict is *does not fit* presents no amount as obtainable: SMV:Digital's
  up-to-DKK-250,000 voucher once showed a maximum grant while SMV24 failed it. The JSON keeps
  what it would be as ``amounts_if_it_fitted``; ``match --explain`` labels it so.
- A public body is not an SME (Rec. 2003/361/EC, Annex art. 3(4)): every rule that tests SME
  status says so in those terms, not "a large enterprise".
- A profile without ``company.legal_form`` is read through ``public_ownership_percent``: a public
  body is wholly in public bodies' hands, so a share stated under 25 % rules it out.
- Säker digitalisering does not exclude an applicant in difficulty: neither its page nor a
  basis it names does (the scheme's docstring quotes them).

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

from grantcheck.cli import app
from grantcheck.engine import NotFitting, Outcome, Verdict, text_of
from grantcheck.law.sme import company_status
from grantcheck.law.sme_holders import PUBLIC_BODY_NOT_SME, PUBLIC_FIX
from grantcheck.matching import check, summarize_match
from grantcheck.profile import load_profile
from grantcheck.render.json import match_to_dict
from grantcheck.schemes import get
from tests.support import ctx_for, finding, merged, result_for

ON = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

SMV = get("dk-smv-digital")
PO = get("no-prosessinnovasjon")
IP = get("dk-innobooster-people")
SD = get("se-saker-digitalisering")

# Nordlys (profiles/nordlys-automation.toml) in short: fits every SMV:Digital voucher
NORDLYS: dict[str, Any] = {
    "company": {"name": "Nordlys", "country": "DK", "legal_form": "limited_company",
                "cvr_number": "38492716", "sector": "other", "employees_fte": 14.5,
                "owners_fte": 2, "fte_differs_from_cvr": False, "turnover": 9800000,
                "balance_sheet_total": 4200000, "fiscal_year_start_month": 1, "related": [],
                "public_ownership_percent": 0},
    "aid_received": [],
    "project": {"start": date(2027, 1, 4), "end": date(2027, 12, 17),
                "application_date": date(2026, 12, 1), "budget_total": 680000,
                "investment_cost": 480000, "activities": ["implementation", "investment"],
                "ineligible_activities": [], "technology_bought_in_project": True,
                "technology_choice_settled": True, "business_case_made": True,
                "advisors_in_database": True, "advisor_conflict_of_interest": False,
                "own_hours": True, "own_hours_cost": 60000, "group_smv_grant": False},
    "declarations": {"growth_ambitions": True, "anchoring": True, "new_technology": True,
                     "ready_to_invest": True},
    "documents": {"held": ["smv_application", "business_case"]},
}


def _investment(amount: int) -> dict[str, Any]:
    """Nordlys with an investment of ``amount`` (advice DKK 200,000 as before)."""
    return merged(NORDLYS, project={"investment_cost": amount, "budget_total": 200000 + amount})


def load_from(data: dict[str, Any]) -> Any:
    from grantcheck.profile import profile_from_data

    return profile_from_data(json.loads(json.dumps(data, default=str)), "<test>")


def _tier(data: dict[str, Any], tier: str) -> Any:
    return next(t for t in result_for(SMV, data, ON).tiers if t.tier.id == tier)


# --- no amount beside "does not fit" -------------------------------------------------------------


def test_an_investment_of_40000_shows_the_250000_vouchers_grant() -> None:
    """'Investeringer under 40.000 kr. støttes ikke': exactly DKK 40,000 fits (SMV24)."""
    t = _tier(_investment(40000), "t250")
    assert t.verdict is Verdict.FITS
    assert t.amounts.amounts is not None and t.amounts.amounts.max_grant is not None


def test_an_investment_of_39999_shows_no_grant_for_the_voucher_it_does_not_fit() -> None:
    t = _tier(_investment(39999), "t250")
    assert t.verdict is Verdict.DOES_NOT_FIT
    assert isinstance(t.amounts, NotFitting) and t.amounts.amounts is None
    assert t.amounts.if_fitted is not None  # kept, under its own name
    # the voucher it does fit still shows its grant, and it is the scheme's
    t100 = _tier(_investment(39999), "t100")
    assert t100.verdict is Verdict.FITS and str(t100.amounts.amounts.max_grant) == "DKK 100,000"


def test_the_json_of_a_tier_that_does_not_fit_has_no_max_grant_and_names_the_would_be_one(
        ) -> None:
    d = match_to_dict(check(load_from(_investment(20000)), ON, schemes=["dk-smv-digital"]))
    [scheme] = d["schemes"]
    assert scheme["verdict"] == "fits" and scheme["max_grant"]["amount"] == "100000"
    t250 = next(t for t in scheme["tiers"] if t["id"] == "t250")
    assert t250["verdict"] == "does_not_fit"
    assert (t250["max_grant"], t250["own_funding"], t250["cap"]) == (None, None, None)
    assert t250["amount_basis"] == "none: it does not fit"
    assert t250["amounts_if_it_fitted"]["max_grant"] == {"amount": "100000", "currency": "DKK"}
    t100 = next(t for t in scheme["tiers"] if t["id"] == "t100")
    assert "amounts_if_it_fitted" not in t100


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "profiles").glob("*.toml")))
@pytest.mark.parametrize("on", [date(2023, 2, 15), ON])
def test_no_scheme_or_tier_that_does_not_fit_shows_a_grant(name: str, on: date) -> None:
    """Every scheme: the full record, the verdicts-only path (batch csv and table) alike."""
    profile = load_profile(ROOT / "profiles" / name)
    full = check(profile, on)
    short = summarize_match(profile, on)
    for r, s in zip(full.results, short.results, strict=True):
        parts = [(r.verdict_if_open, r.amounts), (s.verdict_if_open, s.amounts)]
        parts += [(t.verdict, t.amounts) for t in r.tiers]
        for verdict, amounts in parts:
            if verdict is Verdict.DOES_NOT_FIT:
                assert amounts.amounts is None, (name, r.scheme.id)
            else:
                assert not isinstance(amounts, NotFitting), (name, r.scheme.id)
    seen = {r.verdict_if_open for r in full.results}
    assert Verdict.DOES_NOT_FIT in seen  # every example profile fails some scheme


def test_the_explain_view_shows_no_grant_for_a_voucher_that_does_not_fit(tmp_path: Path) -> None:
    src = (ROOT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")
    small = src.replace("investment_cost = 480000", "investment_cost = 20000").replace(
        "budget_total = 680000", "budget_total = 220000").split("# The draft budget")[0]
    p = tmp_path / "small.toml"
    p.write_text(small, encoding="utf-8")
    r = runner.invoke(app, ["match", str(p), "--as-of", "2026-11-23", "--scheme",
                            "dk-smv-digital", "--explain"], env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.stderr
    row = next(line for line in r.stdout.splitlines() if line.strip().startswith("up to DKK"))
    assert "does not fit" in row and "DKK 100,000" not in row and "—" in row


def test_the_explain_view_labels_what_a_scheme_that_does_not_fit_would_give() -> None:
    r = runner.invoke(app, ["match", str(ROOT / "profiles" / "danbyg-holding.toml"), "--as-of",
                            "2026-11-23", "--scheme", "no-bedriftsnettverk", "--explain"],
                      env={"COLUMNS": "200"})
    assert r.exit_code == 1, r.stderr
    assert "Amounts if it fitted (it does not, so none can be had): 50 %" in r.stdout
    assert "\nAmounts: " not in r.stdout
    row = next(line for line in r.stdout.splitlines() if line.startswith("Bedriftsnettverk"))
    assert "NOK 750,000" not in row


# --- a public body is not an SME, in those words -------------------------------------------------

KOMMUNE: dict[str, Any] = {
    "company": {"name": "Ulvik kommune", "country": "NO", "legal_form": "public_body",
                "in_difficulty": False, "sector": "other", "employees_fte": 40,
                "owners_fte": 0, "turnover": 20000000, "balance_sheet_total": 30000000,
                "related": []},
    "project": {"budget_total": 1000000},
}


def test_prosessinnovasjon_says_a_public_body_is_not_an_sme_not_that_it_is_large() -> None:
    f = finding(PO, KOMMUNE, "PO01", ON)
    assert f.outcome is Outcome.UNKNOWN  # the exception for large enterprises still decides
    assert PUBLIC_BODY_NOT_SME in f.message
    assert not f.message.startswith("a large enterprise")
    assert "GBER as a large enterprise (art. 2(24))" in f.message
    assert f.missing == ("declarations.large_enterprise_exception",)
    refused = finding(PO, merged(KOMMUNE, declarations={"large_enterprise_exception": False}),
                      "PO01", ON)
    assert refused.outcome is Outcome.FAIL and PUBLIC_BODY_NOT_SME in refused.message
    assert "Annex art. 3(4)" in refused.fix


def test_the_same_figures_as_a_company_are_an_sme_for_prosessinnovasjon() -> None:
    company = merged(KOMMUNE, company={"legal_form": "limited_company",
                                       "public_ownership_percent": 0})
    f = finding(PO, company, "PO01", ON)
    assert f.outcome is Outcome.PASS and "public body" not in f.message


@pytest.mark.parametrize(("scheme", "rule"), [(SMV, "SMV32"), (IP, "IP08")])
def test_the_danish_schemes_say_a_public_body_is_not_an_sme_and_no_figure_changes_it(
        scheme: Any, rule: str) -> None:
    dk = merged(KOMMUNE, company={"country": "DK", "cvr_number": "55133018",
                                  "employees_fte": 5, "turnover": 1000,
                                  "balance_sheet_total": 1000})
    f = finding(scheme, dk, rule, ON)
    assert f.outcome is Outcome.FAIL
    assert PUBLIC_BODY_NOT_SME in f.message and "working owners" not in f.message
    assert f.fix == PUBLIC_FIX


@pytest.mark.parametrize(("share", "public"), [(Decimal(25), True), (Decimal("24.99"), False)])
def test_a_quarter_held_by_public_bodies_is_said_in_its_own_terms(share: Decimal,
                                                                  public: bool) -> None:
    """Annex art. 3(4): 25 % or more held by public bodies: not an SME, whatever the size."""
    owned = merged(KOMMUNE, company={"legal_form": "limited_company",
                                     "public_ownership_percent": share})
    f = finding(PO, owned, "PO01", ON)
    if public:
        assert f.outcome is Outcome.UNKNOWN
        assert "25 % held by public bodies (25 % or more): not an SME" in f.message
        assert not f.message.startswith("a large enterprise")
    else:
        assert f.outcome is Outcome.PASS


# --- no legal form stated ------------------------------------------------------------------------

SIZE = {"name": "X", "country": "DK", "employees_fte": 3, "owners_fte": 0, "turnover": 1,
        "balance_sheet_total": 1, "related": []}


def test_no_legal_form_with_public_bodies_under_a_quarter_is_an_enterprise_and_says_so() -> None:
    status = company_status(ctx_for({"company": SIZE | {"public_ownership_percent": 24}}, ON))
    assert status.category == "micro"
    assert "legal form not stated (company.legal_form): read as an enterprise" in text_of(
        status.explanation)


def test_no_legal_form_with_a_quarter_held_by_public_bodies_is_no_sme() -> None:
    status = company_status(ctx_for({"company": SIZE | {"public_ownership_percent": 25}}, ON))
    assert status.is_sme is False and status.public


def test_no_legal_form_and_no_public_share_leaves_the_sme_status_open_naming_both() -> None:
    status = company_status(ctx_for({"company": SIZE}, ON))
    assert (status.lowest, status.highest) == ("micro", "large")
    assert status.open_facts == ("company.public_ownership_percent",)
    words = text_of(status.explanation)
    assert "company.legal_form = public_body" in words
    # a stated legal form is not named again
    stated = company_status(ctx_for({"company": SIZE | {"legal_form": "limited_company"}}, ON))
    assert "company.legal_form" not in text_of(stated.explanation)


# --- Säker digitalisering: an applicant in difficulty --------------------------------------------


def test_saker_digitalisering_does_not_exclude_an_applicant_in_difficulty() -> None:
    """Neither the page ('Stödet omfattas av EU:s statsstödsregler') nor a basis it names
    excludes one (GBER would, art. 1(4)(c); de minimis does not for a grant): see the scheme's
    docstring. No rule reads company.in_difficulty."""
    assert not any("company.in_difficulty" in r.reads for r in SD.rules)
    profile = load_profile(ROOT / "profiles" / "norrsken-science-park.toml")
    on = date(2023, 2, 15)
    before = check(profile, on, schemes=[SD.id]).results[0]
    company = profile.company.model_copy(update={"in_difficulty": True})
    after = check(profile.model_copy(update={"company": company}), on,
                  schemes=[SD.id]).results[0]
    assert before.verdict is after.verdict is Verdict.FITS
