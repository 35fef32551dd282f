"""No verdict past the encoded law: every scheme's legal bases, the days its rules are encoded for,
and the rule that keeps it from saying *fits* outside them (issue 16)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.cli import app
from grantcheck.engine import Ctx, Outcome, Verdict, evaluate, summarize
from grantcheck.fx import FxRates
from grantcheck.matching import HORIZON_WARNING_DAYS, check
from grantcheck.profile import load_profile
from grantcheck.schemes import SCHEME_IDS, get
from tests.support import TEST_RATES as RATES

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))
HARDANGER = ROOT / "profiles" / "hardanger-prosess.toml"
GBER_END = date(2026, 12, 31)
runner = CliRunner()


def _edges(scheme_id: str) -> list[date]:
    """Every day on which something the scheme needs starts or ends, and the day beside it."""
    s = get(scheme_id)
    days: set[date] = set()

    def around(d: date) -> None:
        days.update(d + timedelta(days=delta) for delta in (-1, 0, 1))

    for p in s.parameters:
        if p.first_date != date.min:
            around(p.first_date)
        if p.valid_until:
            around(p.valid_until)
    for b in s.legal_bases:
        for period in b.periods:
            if period.applies_from.value != date.min:
                around(period.applies_from.value)
            if period.applies_until:
                around(period.applies_until.value)
    if s.call.known_from:
        around(s.call.known_from.value)
    return sorted(d for d in days if date(2000, 1, 1) <= d <= date(2100, 1, 1))


def _encoded(scheme_id: str, on: date) -> bool:
    s = get(scheme_id)
    return (all(p.covers(on) for p in s.parameters)
            and all(b.period_on(on) is not None for b in s.legal_bases)
            and (s.call.known_from is None or on >= s.call.known_from.value))


CASES = [(sid, on) for sid in SCHEME_IDS for on in _edges(sid)]


@pytest.mark.parametrize(("scheme_id", "on"), CASES, ids=[f"{s}@{d}" for s, d in CASES])
def test_no_scheme_fits_where_its_law_or_a_parameter_is_not_encoded(scheme_id, on):
    """Walked over the days before, at and after every parameter's and basis's history: where
    something the scheme needs is not encoded, no example profile gets *fits* or an amount, in
    full or in the verdicts-only path; where all is encoded, the first rule passes."""
    scheme = get(scheme_id)
    encoded = _encoded(scheme_id, on)
    assert scheme.horizon.covers(on) is encoded
    for path in PROFILES:
        ctx = Ctx(load_profile(path), on, FxRates(on, dict(RATES)))
        r = evaluate(scheme, ctx)
        first = r.findings[0]
        assert first.rule.id.endswith("00")
        if encoded:
            assert first.outcome is Outcome.PASS, first.message
            continue
        assert first.outcome is Outcome.UNKNOWN and "not encoded" in first.message
        assert r.verdict_if_open is not Verdict.FITS, path.name
        summary = summarize(scheme, ctx)
        assert summary.verdict_if_open is not Verdict.FITS, path.name
        assert all(t.verdict is not Verdict.FITS for t in r.tiers)
        # and no amount: not even one read from a page's undated numbers
        for a in (r.amounts, summary.amounts, *(t.amounts for t in r.tiers)):
            assert a.amounts is None and "not encoded" in a.problem, path.name


@pytest.mark.parametrize("on", ["0001-01-01", "2013-12-31", "2031-01-01"])
def test_smv_digital_shows_no_amount_on_a_day_its_numbers_are_not_encoded(on):
    """The page's numbers are encoded for the days of its legal basis: outside them `match`
    shows no grant for any voucher, and says why (it showed DKK 150,000 on 0001-01-01)."""
    r = runner.invoke(app, ["match", str(ROOT / "profiles" / "nordlys-automation.toml"),
                            "-s", "dk-smv-digital", "--as-of", on, "-f", "json"])
    (s,) = json.loads(r.stdout)["schemes"]
    assert s["max_grant"] is None and s["verdict"] == "needs_information"
    for t in s["tiers"]:
        assert t["max_grant"] is None and t["own_funding"] is None
        assert t["amount_basis"].startswith(f"the rules for {on} are not encoded: ")


def test_smv_digital_shows_its_amounts_on_the_first_and_last_encoded_days():
    """2014-01-01 and 2030-12-31, the ends of the de minimis regulations: amounts are shown."""
    for on in ("2014-01-01", "2030-12-31"):
        r = runner.invoke(app, ["match", str(ROOT / "profiles" / "nordlys-automation.toml"),
                                "-s", "dk-smv-digital", "--as-of", on, "-f", "json"])
        (s,) = json.loads(r.stdout)["schemes"]
        assert s["max_grant"] == {"amount": "220000", "currency": "DKK"}, on


def test_every_scheme_declares_its_legal_bases_with_cited_dates():
    for sid in SCHEME_IDS:
        s = get(sid)
        assert s.legal_bases, sid
        for b in s.legal_bases:
            assert b.cites, (sid, b.name)
            for p in b.periods:
                assert p.applies_from.cite is not None
                # an open end only where the act states none, and then the note or the quote
                # says so
                if p.applies_until is None:
                    assert "no end" in (b.note + p.applies_from.cite.quote
                                        + p.applies_from.cite.note), (sid, b.name)


def test_prosessinnovasjon_past_gber_needs_information_naming_the_act_and_the_day():
    r = runner.invoke(app, ["match", str(HARDANGER), "--as-of", "2027-02-01", "--scheme",
                            "no-prosessinnovasjon", "--format", "json"])
    assert r.exit_code == 1, r.output  # 1: nothing fits
    [po] = json.loads(r.stdout)["schemes"]
    assert po["verdict"] == "needs_information"
    assert po["status"] == "not_encoded"
    first = po["findings"][0]
    assert first["rule"] == "PO00" and first["outcome"] == "unknown"
    assert "GBER art. 29" in first["message"] and "2026-12-31" in first["message"]


def test_prosessinnovasjon_on_gbers_last_day_still_fits():
    r = runner.invoke(app, ["match", str(HARDANGER), "--as-of", "2026-12-31", "--scheme",
                            "no-prosessinnovasjon", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["schemes"][0]["verdict"] == "fits"


def test_no_call_is_open_before_its_rules_are_known():
    """The 2020 COVID-19 call and the 2023 pilot state no opening date: in 2010 they are not
    encoded, not "open"."""
    r = runner.invoke(app, ["schemes", "--as-of", "2010-01-01", "--format", "json"])
    assert r.exit_code == 0, r.output
    status = {s["id"]: s["status"] for s in json.loads(r.stdout)["schemes"]}
    assert status["dk-innobooster-people"] == "not_encoded"
    assert status["se-saker-digitalisering"] == "not_encoded"
    assert status["dk-smv-digital"] == "not_encoded"  # de minimis 1407/2013: from 2014


def test_the_pilot_call_is_open_from_the_day_its_page_allows():
    assert get("se-saker-digitalisering").call.state(date(2022, 6, 30)) == "not_encoded"
    assert get("se-saker-digitalisering").call.state(date(2022, 7, 1)) == "open"
    assert get("dk-innobooster-people").call.state(date(2020, 7, 2)) == "not_encoded"
    assert get("dk-innobooster-people").call.state(date(2020, 7, 3)) == "open"


def test_schemes_and_show_say_until_when_the_rules_are_encoded():
    r = runner.invoke(app, ["schemes", "--as-of", "2026-11-23", "--format", "json"])
    po = next(s for s in json.loads(r.stdout)["schemes"] if s["id"] == "no-prosessinnovasjon")
    assert po["rules_encoded"]["until"] == "2026-12-31"
    assert po["rules_encoded"]["until_reason"] == "GBER art. 29"
    assert po["legal_bases"][0]["periods"][0]["act"] == "Regulation (EU) No 651/2014 (GBER)"
    r = runner.invoke(app, ["show", "no-prosessinnovasjon", "--as-of", "2027-02-01"],
                      env={"COLUMNS": "200", "NO_COLOR": "1"})
    out = " ".join(r.stdout.split())
    assert "Rules encoded: rules from 2014-07-01 to 2026-12-31 (GBER art. 29); not on " \
           "2027-02-01" in out
    assert "Legal basis: GBER art. 29" in out


def _warned(on: date) -> bool:
    m = check(load_profile(HARDANGER), on, rates=RATES)
    return any(w.startswith("no-prosessinnovasjon: rules encoded until 2026-12-31")
               for w in m.warnings)


def test_match_warns_within_60_days_of_a_horizon():
    assert HORIZON_WARNING_DAYS == 60
    assert _warned(GBER_END - timedelta(days=60))
    assert not _warned(GBER_END - timedelta(days=61))
    assert _warned(GBER_END)
    assert not _warned(GBER_END + timedelta(days=1))  # past it: the verdict says so itself


def test_a_scheme_that_does_not_fit_gets_no_horizon_warning():
    """A company Prosessinnovasjon does not fit is not warned about its end."""
    m = check(load_profile(ROOT / "profiles" / "danbyg-holding.toml"), date(2026, 12, 1),
              rates=RATES)
    [po] = [r for r in m.results if r.scheme.id == "no-prosessinnovasjon"]
    assert po.verdict is Verdict.DOES_NOT_FIT
    assert not any(w.startswith("no-prosessinnovasjon") for w in m.warnings)


def test_periods_of_a_basis_must_follow_one_another():
    from grantcheck.citations import Citation, Source
    c = Citation(Source("x", "X", "X", "en"), "Article 1", "")
    first = Period("A", Fact(date(2020, 1, 1), c), Fact(date(2021, 1, 1), c))
    second = Period("B", Fact(date(2020, 6, 1), c), None)
    with pytest.raises(ValueError, match="out of order"):
        LegalBasis("x", (first, second), (c,))
    with pytest.raises(ValueError, match="no period"):
        LegalBasis("x", (), (c,))


# --- the decision record ----------------------------------------------------------------------


def test_the_record_gives_each_parameter_its_value_window_and_source():
    from grantcheck.record import decision_record
    record = decision_record(get("dk-smv-digital"), date(2025, 3, 1))
    ceiling = next(p for p in record["parameters"] if p["name"] == "de_minimis_ceiling")
    assert (ceiling["value"], ceiling["valid_from"], ceiling["valid_until"]) == (
        "300000", "2024-01-01", "2030-12-31")
    old = next(p for p in decision_record(get("dk-smv-digital"), date(2023, 6, 1))["parameters"]
               if p["name"] == "de_minimis_ceiling")
    assert (old["value"], old["valid_from"], old["valid_until"]) == (
        "200000", "2014-01-01", "2023-12-31")
    [basis] = record["legal_bases"]
    assert basis["act_in_force"] == "Regulation (EU) 2023/2831"
    po = decision_record(get("no-prosessinnovasjon"), date(2027, 2, 1))
    rate = next(p for p in po["parameters"] if p["name"] == "po_sme_aid_intensity_max")
    assert rate["value"] is None and "2026-12-31" in rate["not_encoded"]
    assert po["rules_encoded"]["on_date"] is False


def test_match_json_carries_the_record_and_one_digest_of_the_rule_sets():
    r = runner.invoke(app, ["match", str(HARDANGER), "--as-of", "2026-11-23", "--format",
                            "json"])
    data = json.loads(r.stdout)
    assert data["rule_set_digest"].startswith("sha256:")
    for s in data["schemes"]:
        assert s["decision_record"]["rule_set_digest"].startswith("sha256:")
        assert s["decision_record"]["legal_bases"]


def test_the_digest_is_the_same_across_runs():
    import subprocess
    import sys

    from grantcheck.record import digest
    here = {sid: digest(get(sid)) for sid in SCHEME_IDS}
    code = ("import json; from grantcheck.record import digest; from grantcheck.schemes import "
            "SCHEME_IDS, get; print(json.dumps({s: digest(get(s)) for s in SCHEME_IDS}))")
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout
        assert json.loads(out) == here
    assert len(set(here.values())) == len(here)


def test_the_digest_changes_when_a_parameter_value_or_a_citation_changes():
    from decimal import Decimal

    from grantcheck.record import digest
    po = get("no-prosessinnovasjon")
    rate = next(p for p in po.parameters if p.name == "po_sme_aid_intensity_max")
    changed_rate = rate.replace(values={d: Decimal("0.45") for d in rate.values})
    changed = po.replace(parameters=tuple(
        changed_rate if p is rate else p for p in po.parameters))
    assert digest(changed) != digest(po)
    assert digest(po.replace(parameters=po.parameters)) == digest(po)
    rule = po.rules[1]
    cite = rule.cites[0]._replace(quote=rule.cites[0].quote + " ")
    recited = rule._replace(cites=(*rule.cites[:1], cite))
    assert digest(po.replace(rules=(po.rules[0], recited, *po.rules[2:]))) \
        != digest(po)


def test_the_clock_is_where_the_run_says():
    """Under GRANTCHECK_TEST_TODAY the clock is moved (tests/conftest.py); otherwise real."""
    from tests.conftest import TODAY
    if TODAY:
        assert date.today() == date.fromisoformat(TODAY)
    else:
        assert date.today() > date(2026, 1, 1)
