"""A scheme's amounts are in the scheme's currency (SCHEMES.md: "Money is exact (decimal), in the
scheme's currency"), whatever the company's: a Danish company's DKK budget checked against a
Norwegian scheme gives NOK amounts, converted at the dated rate the basis states."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.matching import check, summarize_match
from grantcheck.profile import profile_from_data
from grantcheck.schemes import all_schemes, currencies, get
from grantcheck.schemes.dk_innobooster_people import parameters as ip
from grantcheck.schemes.dk_smv_digital import parameters as smv
from grantcheck.schemes.no_bedriftsnettverk import parameters as bn
from grantcheck.schemes.se_saker_digitalisering import parameters as sd
from tests.support import ON, amounts_of

RATES = {"DKK": Decimal("7.5"), "NOK": Decimal("10"), "SEK": Decimal("11")}
COUNTRIES = sorted(currencies())  # every country a scheme is for
CAPS = {  # the scheme's own cap, exact: no round trip through the company's currency
    "no-bedriftsnettverk": bn.MAX_GRANT_PER_YEAR,
    "se-saker-digitalisering": sd.CALL_BUDGET,
    "dk-innobooster-people": ip.CAP,
}


def _profile(country: str, budget: Decimal | int = 1_000_000):
    return profile_from_data({
        "company": {"name": "Grensehandel", "country": country, "employees_fte": 12,
                    "owners_fte": 1, "turnover": 9_000_000, "balance_sheet_total": 5_000_000,
                    "related": [], "public_ownership_percent": 0},
        "project": {"budget_total": budget, "investment_cost": 0},
        "employees": [{"name": "Ada", "monthly_salary": 40_000}],
    }, "<test>")


def _results(country: str, budget: Decimal | int = 1_000_000):
    return check(_profile(country, budget), ON, rates=RATES).results


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_schemes_amounts_are_in_its_own_currency(country):
    for r in _results(country):  # also those it does not fit: what they would give
        am = amounts_of(r.amounts)
        assert am is not None, (r.scheme.id, r.amounts.problem)
        for money in (am.max_grant, am.own_funding, am.cap, am.cost_base):
            assert money is None or money.currency == r.scheme.currency, r.scheme.id
        for t in r.tiers:
            tam = amounts_of(t.amounts)
            assert tam is not None and tam.max_grant is not None
            assert tam.max_grant.currency == r.scheme.currency
        converted = "figures are converted at" in am.basis
        assert converted is (country != r.scheme.country), (r.scheme.id, am.basis)


def test_a_danish_budget_for_a_norwegian_network_is_converted_into_nok():
    r = next(x for x in _results("DK") if x.scheme.id == "no-bedriftsnettverk")
    am = r.amounts.amounts
    assert am is not None and am.cost_base is not None and am.max_grant is not None
    # DKK 1,000,000 -> EUR 133,333.33… -> NOK 1,333,333.33 (half up to the øre)
    assert am.cost_base.amount == Decimal("1333333.33")
    assert am.max_grant.amount == Decimal("666666.66")  # 50 %, rounded down
    assert am.own_funding.amount == Decimal("666666.67")
    assert "1 EUR = 7.5 DKK" in am.basis and "1 EUR = 10 NOK" in am.basis


def test_the_cap_stays_the_schemes_exact_figure():
    for country in COUNTRIES:
        for r in _results(country, 100_000_000):
            if r.scheme.id in CAPS:
                am = r.amounts.amounts
                assert am is not None and am.cap == CAPS[r.scheme.id].money(ON)
                if r.scheme.id != "dk-innobooster-people":  # its grant follows the salaries
                    assert am.max_grant == CAPS[r.scheme.id].money(ON), (country, r.scheme.id)


def test_a_norwegian_company_gets_smv_digital_vouchers_in_dkk():
    r = next(x for x in _results("NO", 80_000) if x.scheme.id == "dk-smv-digital")
    grants = {t.tier.id: t.amounts.amounts.max_grant for t in r.tiers if t.amounts.amounts}
    # NOK 80,000 = DKK 60,000 of advice: 50 % = DKK 30,000, the DKK 25,000 voucher's cap binds
    assert grants["t25"] == smv.GRANT_T25.money(ON)
    assert grants["t100"].amount == Decimal(30_000) and grants["t100"].currency == "DKK"


def test_the_verdicts_only_path_converts_the_same_way():
    for country in COUNTRIES:
        full = check(_profile(country), ON, rates=RATES)
        short = summarize_match(_profile(country), ON, rates=RATES)
        assert [r.amounts.made() for r in short.results] == [r.amounts for r in full.results]
        assert [r.verdict for r in short.results] == [r.verdict for r in full.results]


@given(st.decimals(min_value=0, max_value=10**9, places=2),
       st.sampled_from(COUNTRIES), st.sampled_from([s.id for s in all_schemes()]))
def test_grant_plus_own_funding_is_the_cost_base_in_the_schemes_currency(budget, country, sid):
    r = check(_profile(country, budget), ON, rates=RATES, schemes=[sid]).results[0]
    am = amounts_of(r.amounts)
    assert am is not None
    if am.cost_base is not None and am.max_grant is not None and am.own_funding is not None:
        assert am.max_grant.amount + am.own_funding.amount == am.cost_base.amount
        assert am.max_grant.currency == am.cost_base.currency == get(sid).currency
    if am.cap is not None and am.max_grant is not None:
        assert am.max_grant <= am.cap
