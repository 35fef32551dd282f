"""Invariants of every scheme's budget checker, for any valid budget (hypothesis).

- grant + own funding = eligible base, to the øre/öre;
- no grant part above its cap or its rate; no part negative;
- no line counts more than its amount;
- every line's amount is split exactly into eligible, not eligible and undecided.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.budget.core import LineStatus
from grantcheck.budget.model import Category
from grantcheck.schemes import SCHEME_IDS, has_budget
from tests.budget.support import budget_for

amounts = st.decimals(min_value=0, max_value=3_000_000, places=2, allow_nan=False,
                      allow_infinity=False)


@st.composite
def budget_lines(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(list(Category)))
    line: dict[str, Any] = {"category": category.value}
    if category is Category.SALARY:
        line["employee"] = draw(st.sampled_from(["Ida", "Bo", "Lin", "Kai"]))
        line["monthly_salary"] = draw(st.decimals(min_value=0, max_value=120_000, places=2))
        line["months"] = draw(st.integers(min_value=1, max_value=18))
    elif category is Category.PERSONNEL and draw(st.booleans()):
        line["hours"] = draw(st.decimals(min_value=0, max_value=2_000, places=1))
        line["rate"] = draw(st.decimals(min_value=0, max_value=1_500, places=2))
    else:
        line["amount"] = draw(amounts)
    if category is Category.SOFTWARE_SUBSCRIPTION:
        line["months"] = draw(st.integers(min_value=1, max_value=48))
    if category is Category.EQUIPMENT and draw(st.booleans()):
        line["project_share_percent"] = draw(st.decimals(min_value=1, max_value=100, places=0))
    if draw(st.booleans()):
        line["year"] = draw(st.integers(min_value=1, max_value=3))
    if draw(st.booleans()):
        line["financing"] = draw(st.sampled_from(["cash", "in_kind"]))
    return line


@st.composite
def budgets(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"lines": draw(st.lists(budget_lines(), min_size=1, max_size=8))}
    if draw(st.booleans()):
        data["tier"] = draw(st.sampled_from(["t25", "t100", "t250"]))
    if draw(st.booleans()):
        data["training_persons"] = draw(st.integers(min_value=0, max_value=10))
    if draw(st.booleans()):
        data["financing"] = [{"source": draw(st.sampled_from(["own", "external", "public"])),
                              "amount": draw(amounts)}]
    return data


@pytest.mark.parametrize("scheme_id", [i for i in SCHEME_IDS if has_budget(i)])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=budgets())
def test_the_money_always_adds_up(scheme_id: str, data: dict[str, Any]) -> None:
    r = budget_for(scheme_id, data)
    zero = Decimal(0)
    assert r.grant + r.own_funding == r.eligible_base
    assert r.eligible_base + r.not_eligible + r.undecided == r.total
    assert r.grant.amount >= zero
    for p in r.parts:
        assert zero <= p.grant.amount <= (p.base.amount * p.rate)
        if p.cap is not None:
            assert p.grant <= p.cap
        assert p.grant.amount == p.grant.amount.quantize(Decimal("0.01"))
    for lr in r.lines:
        if lr.amount is not None and lr.status is not LineStatus.UNKNOWN:
            assert zero <= lr.eligible.amount <= lr.amount.amount
        if lr.status in (LineStatus.INELIGIBLE, LineStatus.UNKNOWN):
            assert lr.eligible.amount == zero
    for f in r.findings:
        assert f.rule.cites, f.rule.id


def test_a_grant_that_cannot_be_computed_is_unknown_not_a_crash(monkeypatch):
    from grantcheck.parameters import NotEncoded
    from grantcheck.schemes.dk_smv_digital import budget as smv_digital
    from grantcheck.schemes.dk_smv_digital.parameters import INVESTMENT_RATE

    def boom(bctx):
        raise NotEncoded(INVESTMENT_RATE, bctx.on)

    checker = smv_digital.CHECKER
    monkeypatch.setattr(smv_digital, "CHECKER", type(checker)(**{**checker.__dict__,
                                                                 "grant": boom}))
    r = budget_for("dk-smv-digital", {"lines": [{"category": "consultancy", "amount": 1}]})
    assert r.findings[0].rule.id == "GRANT" and r.findings[0].outcome.value == "unknown"
    assert r.grant.amount == 0 and r.verdict.value == "needs_information"
