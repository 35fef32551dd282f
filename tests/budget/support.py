"""Helpers for budget tests: check a budget dict against a scheme, pick a line or a rule."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.budget import budget_from_data, checker
from grantcheck.budget.core import LineResult
from grantcheck.budget.result import BudgetResult, check_budget
from grantcheck.engine import Finding, Outcome
from grantcheck.fx import FxRates
from grantcheck.profile import profile_from_data
from tests.support import ON, TEST_RATES


def budget_for(scheme_id: str, budget: dict[str, Any], profile: dict[str, Any] | None = None,
               on: date = ON, rates: dict[str, Decimal] | None = None) -> BudgetResult:
    """Check ``budget`` (the [budget] table as a dict) with an optional profile dict."""
    prof = None
    if profile is not None:
        prof = profile_from_data({**copy.deepcopy(profile), "budget": copy.deepcopy(budget)},
                                 "<test>")
        b = prof.budget
        assert b is not None
    else:
        b = budget_from_data(copy.deepcopy(budget), "<test>")
    fx = FxRates(on, dict(TEST_RATES if rates is None else rates))
    return check_budget(checker(scheme_id), b, prof, on, fx, "<test>")


def cost_rules(result: BudgetResult) -> BudgetResult:
    """``result`` without the shared rule FIT (the company's fit, as match reads its profile):
    the cost rules' own verdict, for a test whose profile holds only the facts its rules read."""
    return dataclasses.replace(result, fit_unknown=None, no_fit=None, findings=[
        f for f in result.findings if f.rule.id != "FIT"])


def rule(result: BudgetResult, rule_id: str) -> Finding:
    for f in result.findings:
        if f.rule.id == rule_id:
            return f
    raise KeyError(rule_id)


def rule_outcome(result: BudgetResult, rule_id: str) -> Outcome:
    return rule(result, rule_id).outcome


def line(result: BudgetResult, index: int = 0) -> LineResult:
    return result.lines[index]


def D(x: str | int) -> Decimal:
    return Decimal(x)
