"""The company's fit in every scheme's budget (the shared rule FIT, grantcheck/budget/fit.py): no
grant while a rule of the scheme says the company does not fit, none shown as one while a rule
cannot settle it; SMV:Digital's voucher chosen from what the profile's facts allow; GBER's one
parameter gating every budget rule of a GBER article past 2026-12-31.

The profiles are the blind examiner's bases (tests/budget/cases_blind.toml), which fit their
schemes; each test changes one fact on both sides of where it decides."""

from __future__ import annotations

import copy
import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.budget import budget_from_data, checker
from grantcheck.budget.core import BudgetCtx
from grantcheck.budget.fit import FIT_ID
from grantcheck.cli import app
from grantcheck.engine import Outcome
from grantcheck.fx import FxRates
from grantcheck.law import gber
from grantcheck.render.budget import budget_to_dict, grant_words
from grantcheck.schemes import get
from grantcheck.schemes.dk_innobooster_people import parameters as ip_parameters
from grantcheck.schemes.no_prosessinnovasjon import parameters as po_parameters
from tests.budget.support import D, budget_for, rule
from tests.support import TEST_RATES

BASES = tomllib.loads((Path(__file__).parent / "cases_blind.toml").read_text("utf-8"))["bases"]
IP_ON = date(2020, 11, 20)  # the call open, the application dated 2020-11-16
PO_ON = date(2026, 12, 1)
KVANTIA = Path(__file__).resolve().parents[2] / "profiles" / "kvantia-startup.toml"


def base(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The base's profile (without its budget) and its budget."""
    data = copy.deepcopy(BASES[name])
    return {k: v for k, v in data.items() if k != "budget"}, data["budget"]


def ip_founded(founded: date) -> Any:
    prof, budget = base("ip")
    prof["company"]["founded"] = founded
    return budget_for("dk-innobooster-people", budget, prof, on=IP_ON)


# --- a rule of the scheme fails: no grant --------------------------------------------------------


def test_an_innobooster_budget_for_a_company_past_the_age_rule_has_no_grant() -> None:
    """IP03 (GBER art. 22(2), «op til fem år efter registreringen»): registered 2015-11-15 the
    company is past it, 2015-11-16 not, as match says; the budget's grant follows."""
    old = ip_founded(date(2015, 11, 15))
    assert rule(old, FIT_ID).outcome is Outcome.FAIL
    assert old.no_fit is not None and "(rules IP03)" in old.no_fit.message
    assert old.verdict.value == "breaks_rules" and not old.grant_shown
    assert grant_words(old).startswith("no grant (FIT): the company does not fit Innobooster")
    totals = budget_to_dict(old)["totals"]
    assert totals["grant"] is None and totals["no_grant"].startswith("none (FIT)")
    assert totals["if_it_fitted"]["grant"]["amount"] == "702000"
    young = ip_founded(date(2015, 11, 16))
    assert rule(young, FIT_ID).outcome is Outcome.PASS and young.no_fit is None
    assert young.verdict.value == "complies" and young.grant.amount == D(702_000)
    assert budget_to_dict(young)["totals"]["grant"]["amount"] == "702000"
    assert grant_words(young).startswith("grant DKK 702,000")


def test_the_grant_sought_rule_says_the_grant_is_only_what_it_would_be() -> None:
    r = ip_founded(date(2015, 11, 15))
    assert "if the company fitted (it does not: no grant)" in rule(r, "IPB07").message


@pytest.mark.parametrize(("fte", "fits"), [(248, True), (249, False)])
def test_a_prosessinnovasjon_budget_follows_the_sme_rule(fte: int, fits: bool) -> None:
    """With the owner, 249 employees are 250 staff, a large enterprise (Annex I art. 2(1));
    declared outside the exception it fails PO01 («kun unntaksvis»): no grant; 248 (249 staff)
    is an SME and fits."""
    prof, budget = base("po")
    prof["company"]["employees_fte"] = fte
    prof["declarations"]["large_enterprise_exception"] = False
    r = budget_for("no-prosessinnovasjon", budget, prof, on=PO_ON)
    assert (rule(r, FIT_ID).outcome is Outcome.PASS) is fits
    assert r.grant_shown is fits
    if not fits:
        assert r.no_fit is not None and "PO01" in r.no_fit.message
        assert r.verdict.value == "breaks_rules"


# --- a rule of the scheme cannot decide: needs information, no grant shown as one -----------------


def test_a_fact_the_fit_needs_is_named_and_the_grant_is_only_if_it_fits() -> None:
    prof, budget = base("po")
    del prof["company"]["in_difficulty"]
    r = budget_for("no-prosessinnovasjon", budget, prof, on=PO_ON)
    f = rule(r, FIT_ID)
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.in_difficulty",)
    assert r.fit_unknown is f and r.no_fit is None and not r.grant_shown
    assert r.verdict.value == "needs_information"
    totals = budget_to_dict(r)["totals"]
    assert totals["grant"] is None and totals["own_funding"] is None
    assert totals["fit_unknown"].startswith("none until settled (FIT): whether the company fits")
    assert totals["if_it_fitted"]["grant"] == r.grant.to_json()
    assert grant_words(r) == (f"grant {r.grant} only if the company fits (FIT needs "
                              "company.in_difficulty)")
    prof["company"]["in_difficulty"] = False  # the fact stated: the grant is one to have
    stated = budget_for("no-prosessinnovasjon", budget, prof, on=PO_ON)
    assert stated.fit_unknown is None and stated.grant_shown and stated.grant == r.grant


def test_a_bare_draft_has_no_company_to_fit() -> None:
    _, budget = base("po")
    r = budget_for("no-prosessinnovasjon", budget)
    assert FIT_ID not in {f.rule.id for f in r.findings}
    assert r.fit_unknown is None and r.no_fit is None and r.grant_shown


def test_the_cli_says_no_grant_for_a_company_that_does_not_fit(tmp_path: Path) -> None:
    import tomli_w

    prof, budget = base("ip")
    prof["company"]["founded"] = date(2015, 11, 15)
    path = tmp_path / "ip.toml"
    path.write_text(tomli_w.dumps({**prof, "budget": budget}), encoding="utf-8")
    r = CliRunner().invoke(app, ["budget", str(path), "--as-of", IP_ON.isoformat()])
    assert r.exit_code == 1
    head = " ".join(r.stdout.split()[:40])
    assert "breaks rules — no grant (FIT): the company does not fit" in head, head
    assert "grant DKK" not in head


# --- SMV:Digital: the voucher the profile's facts allow ------------------------------------------


def _kvantia(tmp_path: Path, turnover: int) -> dict[str, Any]:
    text = KVANTIA.read_text(encoding="utf-8").replace(
        "turnover = 1400000", f"turnover = {turnover}", 1)
    path = tmp_path / "kvantia.toml"
    path.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(app, ["budget", str(path), "--scheme", "dk-smv-digital", "--line",
                                 "consultancy=150000", "--as-of", "2026-11-01", "-f", "json"])
    assert r.exit_code == 1, r.output
    (b,) = json.loads(r.stdout)["budgets"]
    return b  # type: ignore[no-any-return]


@pytest.mark.parametrize(("turnover", "tier", "grant"),
                         [(1_999_999, "t25", "25000"), (2_000_000, "t100", "75000")])
def test_smv_digital_without_a_voucher_takes_one_the_facts_leave_open(
        tmp_path: Path, turnover: int, tier: str, grant: str) -> None:
    """Kvantia fits no voucher yet; under DKK 2 million turnover (SMV12: «omsætning på minimum 2
    mio. kr.») the DKK 100,000 voucher is ruled out, so the budget is the DKK 25,000 one's,
    never a voucher SMV12 fails (it was: "no grant (SMVB01) … DKK 100,000 voucher")."""
    b = _kvantia(tmp_path, turnover)
    assert b["tier"] == tier
    smvb01 = next(f for f in b["findings"] if f["rule"] == "SMVB01")
    assert smvb01["outcome"] == "unknown", smvb01
    assert "the highest voucher the profile's facts leave open" in smvb01["message"]
    assert "no_grant" not in b["totals"] and b["totals"]["grant"] is None
    assert b["totals"]["fit_unknown"].startswith("none until settled (SMVB01)")
    assert b["totals"]["if_it_fitted"]["grant"]["amount"] == grant


# --- GBER's one parameter ---------------------------------------------------------------------


def test_gber_applies_is_one_parameter_citing_article_59() -> None:
    assert ip_parameters.GBER_APPLIES is gber.GBER_APPLIES
    assert po_parameters.GBER_APPLIES is gber.GBER_APPLIES
    assert gber.GBER_APPLIES.name == "gber_applies_from"
    assert gber.GBER_APPLIES.source is gber.ART_59
    for sid in ("dk-innobooster-people", "no-prosessinnovasjon"):
        names = [p.name for p in get(sid).parameters]
        assert "gber_applies_from" in names and "po_gber_applies_from" not in names


@pytest.mark.parametrize("rule_id", ["POB03", "POB04", "POB05", "POB06", "POB07"])
def test_prosessinnovasjons_gber_budget_rules_decide_nothing_past_2026(rule_id: str) -> None:
    """GBER art. 59: «This Regulation shall apply until 31 December 2026»: a rule of it decides
    on that day, and is unknown (not encoded) the day after, even asked alone (POB03-POB06 by
    their dated figures; POB07, which reads none, by GBER's own date)."""
    prof, budget = base("po")
    budget.update(application_date=date(2026, 12, 1), start=date(2027, 3, 1))
    draft = budget_from_data(budget, "<test>")
    po = checker("no-prosessinnovasjon")
    found = next(r for r in po.rules if r.id == rule_id)
    from grantcheck.profile import profile_from_data

    profile = profile_from_data({**prof, "budget": budget}, "<test>")
    for on, decided in ((date(2026, 12, 31), True), (date(2027, 1, 1), False)):
        bctx = BudgetCtx(profile, draft, po.scheme, on, FxRates(on, dict(TEST_RATES)))
        f = found.evaluate(bctx)
        assert (f.outcome is not Outcome.UNKNOWN) is decided, (on, f)
        if not decided:
            assert "not encoded" in f.message and "2026-12-31" in f.message, f.message
