"""The scheme contract: every part of a scheme package that the rest of grantcheck relies on,
checked for every scheme discovery finds (`grantcheck.schemes.SCHEME_IDS`: the shipped ones, and
a test-only one when ``GRANTCHECK_SCHEMES_PATH`` names tests/extra_schemes). Each failure names
the scheme and the part, so that a missing part fails here and never reaches a user as exit 3.

A scheme that passes this, the citation health test (test_citations.py), the machinery test
(test_scheme_machinery.py) and its case file works in every command: docs/adding-a-scheme.md.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from rich.console import Console

from grantcheck import describe
from grantcheck.budget.core import BudgetChecker
from grantcheck.citations import Citation, Source
from grantcheck.engine import CallWindow, Document, Kind, Rule, Scheme, Stage
from grantcheck.money import CURRENCIES
from grantcheck.parameters import UNITS, Parameter
from grantcheck.profile import Profile
from grantcheck.profile.types import model_of
from grantcheck.render.describe import render_schemes, render_show
from grantcheck.schemes import (
    PACKAGES,
    SCHEME_IDS,
    NoBudgetRules,
    budget_module,
    currencies,
    has_budget,
    package,
    sections,
)

ON = date(2026, 11, 23)
ids = pytest.mark.parametrize("scheme_id", SCHEME_IDS)


def _scheme(scheme_id: str) -> Scheme:
    found = getattr(package(scheme_id, "scheme"), "SCHEME", None)
    assert isinstance(found, Scheme), (
        f"{scheme_id}: its scheme.py must hold SCHEME, a grantcheck.engine.Scheme "
        f"(found {type(found).__name__})")
    return found


def _checker(scheme_id: str) -> BudgetChecker | None:
    if not has_budget(scheme_id):
        return None
    found = getattr(budget_module(scheme_id), "CHECKER", None)
    assert isinstance(found, BudgetChecker), (
        f"{scheme_id}: its budget.py must hold CHECKER, a grantcheck.budget.core.BudgetChecker "
        f"(found {type(found).__name__}); a scheme without budget rules has no budget.py")
    return found


def _all_rules(scheme_id: str) -> list[Rule]:
    checker = _checker(scheme_id)
    return [*_scheme(scheme_id).rules, *(checker.rules if checker else ())]




def path_exists(path: str) -> bool:
    """Whether a dotted profile path (``budget.lines[].rate`` too) names a field of the model."""
    model: type[BaseModel] | None = Profile
    for part in re.sub(r"\[\d*\]", "", path).split("."):
        if model is None or part not in model.model_fields:
            return False
        model = model_of(model.model_fields[part].annotation)
    return True


# --- the light __init__ ------------------------------------------------------------------------


@ids
def test_the_package_init_states_id_country_and_currency(scheme_id: str) -> None:
    pkg = package(scheme_id)
    assert PACKAGES[scheme_id].replace("_", "-") == scheme_id
    assert getattr(pkg, "ID", None) == scheme_id, (
        f"{scheme_id}: __init__.ID is {getattr(pkg, 'ID', None)!r}; it must be the package's "
        f"name with - for _, {scheme_id!r}")
    country = getattr(pkg, "COUNTRY", None)
    assert isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country), (
        f"{scheme_id}: __init__.COUNTRY is {country!r}; it must be an ISO 3166 code, two capitals")
    currency = getattr(pkg, "CURRENCY", None)
    assert currency in CURRENCIES, (
        f"{scheme_id}: __init__.CURRENCY is {currency!r}; grantcheck.money knows {CURRENCIES}")
    assert currencies()[country] == currency, (
        f"{scheme_id}: states amounts in {currency}, another scheme of {country} in "
        f"{currencies()[country]}: a company's default currency is its country's, so the schemes "
        "of one country must agree")


@ids
def test_the_package_init_is_light(scheme_id: str) -> None:
    """Discovery and the profile model read ``__init__`` without importing the rules: it holds
    a docstring and constants only."""
    path = Path(package(scheme_id).__file__ or "")
    heavy = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and all(
                isinstance(n, ast.Constant | ast.Tuple | ast.Load) for n in ast.walk(node.value)):
            continue
        heavy.append(f"{path}:{node.lineno}: {ast.unparse(node).splitlines()[0]}")
    assert not heavy, (f"{scheme_id}: its __init__ must stay light (a docstring, ID, COUNTRY, "
                       "CURRENCY and other constants; no imports, no code): " + "; ".join(heavy))


# --- scheme.SCHEME -----------------------------------------------------------------------------


@ids
def test_scheme_py_holds_the_scheme_the_package_states(scheme_id: str) -> None:
    s, pkg = _scheme(scheme_id), package(scheme_id)
    for part, expected in (("id", pkg.ID), ("country", pkg.COUNTRY), ("currency", pkg.CURRENCY)):
        assert getattr(s, part) == expected, (
            f"{scheme_id}: SCHEME.{part} is {getattr(s, part)!r}, __init__ says {expected!r}")
    for part in ("name", "agency", "summary"):
        assert getattr(s, part), f"{scheme_id}: SCHEME.{part} is empty"
    assert isinstance(s.source, Source) and s.source.is_scheme_page, (
        f"{scheme_id}: SCHEME.source must be the scheme's page, a Source with is_scheme_page")
    assert s.rules, f"{scheme_id}: SCHEME.rules is empty: a scheme has at least one rule"
    assert s.amounts is None or callable(s.amounts), (
        f"{scheme_id}: SCHEME.amounts must be a function (ctx) -> Amounts, or None")
    for t in s.tiers:
        assert callable(t.amounts), f"{scheme_id}: tier {t.id}: amounts must be a function"
    tier_ids = [t.id for t in s.tiers]
    assert len(tier_ids) == len(set(tier_ids)), f"{scheme_id}: tier ids repeat: {tier_ids}"


@ids
def test_the_call_window_is_dated_and_cited(scheme_id: str) -> None:
    call = _scheme(scheme_id).call
    assert isinstance(call, CallWindow), f"{scheme_id}: SCHEME.call must be a CallWindow"
    assert call.cites and all(isinstance(c, Citation) for c in call.cites), (
        f"{scheme_id}: the call window needs at least one citation (where the page says when "
        "to apply, or that it names no deadline)")
    if call.opens and call.closes:
        assert call.opens <= call.closes, f"{scheme_id}: the call closes before it opens"


@ids
def test_every_rule_has_an_id_a_title_a_kind_a_citation_and_real_fields(scheme_id: str) -> None:
    tiers = {t.id for t in _scheme(scheme_id).tiers}
    problems = []
    for r in _all_rules(scheme_id):
        if not isinstance(r, Rule) or not r.id:
            problems.append(f"{r!r} is not a Rule with an id")
            continue
        if not r.title or r.title[0].islower():
            problems.append(f"{r.id}: a title is a sentence starting with a capital")
        if not isinstance(r.kind, Kind):
            problems.append(f"{r.id}: kind {r.kind!r} is not a grantcheck.engine.Kind")
        if not r.cites or not all(isinstance(c, Citation) for c in r.cites):
            problems.append(f"{r.id}: at least one citation, each a Citation")
        problems += [f"{r.id} reads {p}, which the profile model does not have"
                     for p in r.reads if not path_exists(p)]
        if r.kind is Kind.DECLARATION and not r.reads:
            problems.append(f"{r.id}: a declaration reads the field it is declared in")
        if r.tier is not None and r.tier not in tiers:
            problems.append(f"{r.id}: tier {r.tier!r} is not one of the scheme's {sorted(tiers)}")
        if not callable(r.fn):
            problems.append(f"{r.id}: its function is not callable")
    assert not problems, f"{scheme_id}: " + "; ".join(problems)


@ids
def test_every_rule_states_its_section(scheme_id: str) -> None:
    """``section=`` on each rule is the heading `show` groups it under (no SECTIONS table)."""
    without = [r.id for r in _scheme(scheme_id).rules if not r.section]
    assert not without, (f"{scheme_id}: rules without section= (the catalogue heading `show` "
                         f"groups them under): {', '.join(without)}")


@ids
def test_rule_ids_are_unique_across_every_scheme(scheme_id: str) -> None:
    """Users quote rule ids: one id, one rule, among the scheme's and budget rules of all."""
    own = [r.id for r in _all_rules(scheme_id)]
    twice = sorted({i for i in own if own.count(i) > 1})
    assert not twice, f"{scheme_id}: rule ids used twice: {twice}"
    others = {r.id: other for other in SCHEME_IDS if other != scheme_id
              for r in _all_rules(other)}
    shared = [f"{i} (also {others[i]})" for i in own if i in others]
    assert not shared, f"{scheme_id}: rule ids another scheme uses: {shared}"


@ids
def test_every_parameter_has_a_unit_values_and_a_source_citation(scheme_id: str) -> None:
    checker = _checker(scheme_id)
    params = [*_scheme(scheme_id).parameters, *(checker.parameters if checker else ())]
    problems = []
    for p in params:
        if not isinstance(p, Parameter):
            problems.append(f"{p!r} is not a Parameter")
            continue
        if p.unit not in UNITS:
            problems.append(f"{p.name}: unit {p.unit!r} is not one of grantcheck.parameters.UNITS")
        if not isinstance(p.source, Citation) or not p.source.section:
            problems.append(f"{p.name}: its source must be a Citation with a section")
        if not p.values:
            problems.append(f"{p.name}: no dated value")
    assert not problems, f"{scheme_id}: " + "; ".join(problems)


def test_one_parameter_name_is_one_parameter() -> None:
    """`show` and the JSON name parameters: two different ones may not share a name (shared
    law's parameters are the same object in every scheme that uses them)."""
    seen: dict[str, tuple[Parameter[Any], str]] = {}
    clashes = []
    for scheme_id in SCHEME_IDS:
        checker = _checker(scheme_id)
        for p in (*_scheme(scheme_id).parameters, *(checker.parameters if checker else ())):
            first = seen.setdefault(p.name, (p, scheme_id))
            if first[0] is not p:
                clashes.append(f"{p.name} ({first[1]} and {scheme_id})")
    assert not clashes, f"parameter names given to two parameters: {sorted(set(clashes))}"


@ids
def test_documents_have_ids_unique_across_schemes_and_cite_their_source(scheme_id: str) -> None:
    s = _scheme(scheme_id)
    tiers = {t.id for t in s.tiers}
    problems = []
    for d in s.documents:
        if not isinstance(d, Document) or not d.id or not d.name:
            problems.append(f"{d!r} is not a Document with an id and a name")
            continue
        if not d.cites or not all(isinstance(c, Citation) for c in d.cites):
            problems.append(f"document {d.id}: at least one citation")
        if not isinstance(d.stage, Stage):
            problems.append(f"document {d.id}: stage {d.stage!r} is not a Stage")
        if d.when is not None and not (callable(d.when) and d.condition):
            problems.append(f"document {d.id}: a condition `when` is a function with its "
                            "condition in words")
        if d.tier is not None and d.tier not in tiers:
            problems.append(f"document {d.id}: tier {d.tier!r} is not one of {sorted(tiers)}")
    own = [d.id for d in s.documents]
    problems += [f"document id {i} used twice" for i in sorted({i for i in own if
                                                                own.count(i) > 1})]
    others = {d.id: other for other in SCHEME_IDS if other != scheme_id
              for d in _scheme(other).documents}
    problems += [f"document id {i} is also {others[i]}'s" for i in own if i in others]
    assert not problems, f"{scheme_id}: " + "; ".join(problems)


# --- the budget module, if any ---------------------------------------------------------------


@ids
def test_the_budget_module_if_any_holds_a_checker_of_this_scheme(scheme_id: str) -> None:
    checker = _checker(scheme_id)
    if checker is None:  # no budget.py: `budget` says so (exit 2), `show` says so
        with pytest.raises(NoBudgetRules):
            budget_module(scheme_id)
        return
    assert checker.scheme is _scheme(scheme_id), (
        f"{scheme_id}: CHECKER.scheme must be the package's own SCHEME")
    assert checker.rules, f"{scheme_id}: CHECKER.rules is empty"
    assert callable(checker.classify) and callable(checker.grant), (
        f"{scheme_id}: CHECKER needs classify(bctx, line) and grant(bctx) functions")
    assert checker.own_funding_form and checker.categories, (
        f"{scheme_id}: CHECKER states its own-funding form and, in a sentence, its categories")


# --- what `schemes` and `show` use ---------------------------------------------------------------


@ids
def test_the_sample_applicant_of_schemes_and_show_is_in_the_schemes_currency(scheme_id: str
                                                                             ) -> None:
    s = _scheme(scheme_id)
    sample = describe._sample(s)
    assert (sample.company.country, sample.company.money_currency) == (s.country, s.currency), (
        f"{scheme_id}: the sample applicant is not of the scheme's country and currency")
    for a in describe.overview(s, ON)["amounts"]:
        for key in ("max_grant", "cap"):
            if a.get(key):
                assert a[key]["currency"] == s.currency, (
                    f"{scheme_id}: `schemes` shows its {key} in {a[key]['currency']}")


@ids
def test_schemes_and_show_describe_it(scheme_id: str) -> None:
    s = _scheme(scheme_id)
    grouped = [rule_id for _, rule_ids in sections(scheme_id) for rule_id in rule_ids]
    assert sorted(grouped) == sorted(r.id for r in s.rules) and len(grouped) == len(
        set(grouped)), f"{scheme_id}: `show` must list every rule once under a heading"
    assert all(heading and rule_ids for heading, rule_ids in sections(scheme_id)), (
        f"{scheme_id}: a heading without a name or without rules")
    data = describe.detail(scheme_id, ON)
    json.dumps(data)  # the --format json shape
    assert (data["budget"] is None) is (not has_budget(scheme_id))
    console = Console(file=StringIO(), width=120, color_system=None)
    render_show(data, ON.isoformat(), console)
    render_schemes({"evaluation_date": ON.isoformat(), "schemes": [describe.overview(s, ON)]},
                   console)
