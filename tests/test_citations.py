"""Citation health, over every scheme: each quote of a scheme's page stands on that page as
vendored (``tests/sources/<scheme-id>.txt``, or ``page.txt`` in a test-only scheme's package),
every rule is cited, every parameter's source is a citation, and every citation of EU law names
its act and article.

A quote is compared after collapsing whitespace (line breaks, runs of spaces, non-breaking
spaces) on both sides: a reader finds it with a text search of the page. A page that changes is
vendored again; this test then names each quote that no longer stands on it.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Iterator
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from grantcheck import describe
from grantcheck.citations import Citation
from grantcheck.engine import Ctx, Rule, Scheme, evaluate
from grantcheck.fx import RATE_CITATION, FxRates
from grantcheck.parameters import Parameter
from grantcheck.schemes import SCHEME_IDS, budget_module, get, has_budget, package

SOURCES = Path(__file__).resolve().parent / "sources"
ON = date(2026, 11, 23)
ids = pytest.mark.parametrize("scheme_id", SCHEME_IDS)


def flat(text: str) -> str:
    """Whitespace collapsed: runs of spaces, line breaks and non-breaking spaces become one
    space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def page_of(scheme_id: str) -> Path:
    """The scheme's vendored page: tests/sources/<id>.txt, else page.txt in its package."""
    candidates = [SOURCES / f"{scheme_id}.txt",
                  *(Path(folder) / "page.txt" for folder in package(scheme_id).__path__)]
    found = [p for p in candidates if p.is_file()]
    assert found, (f"{scheme_id}: no vendored page: copy it to tests/sources/{scheme_id}.txt "
                   "(a test-only scheme: page.txt in its package)")
    return found[0]


def _rules(scheme_id: str) -> list[Rule]:
    rules = list(get(scheme_id).rules)
    if has_budget(scheme_id):
        rules += budget_module(scheme_id).CHECKER.rules
    return rules


def _parameters(scheme_id: str) -> list[Parameter[Any]]:
    params = list(get(scheme_id).parameters)
    if has_budget(scheme_id):
        params += budget_module(scheme_id).CHECKER.parameters
    return params


def _nested(value: Any, depth: int = 3) -> Iterator[Citation]:
    """The citations in a module-level value: itself, or inside tuples, lists, sets and dicts
    (a named tuple of a cost type and its citation too)."""
    if isinstance(value, Citation):
        yield value
    elif depth and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _nested(item, depth - 1)
    elif depth and isinstance(value, dict):
        for item in value.values():
            yield from _nested(item, depth - 1)


def citations_of(scheme_id: str) -> dict[int, tuple[str, Citation]]:
    """Every citation a scheme states, with where it was found: its rules, documents, parameters,
    call window, amounts and tiers (computed for the sample applicant of `schemes`), its budget
    rules, and every citation its package's modules hold at their top level."""
    scheme: Scheme = get(scheme_id)
    found: dict[int, tuple[str, Citation]] = {}

    def add(where: str, cites: Any) -> None:
        for c in _nested(tuple(cites)):
            found.setdefault(id(c), (where, c))

    for r in _rules(scheme_id):
        add(f"rule {r.id}", r.cites)
    for d in scheme.documents:
        add(f"document {d.id}", d.cites)
    for p in _parameters(scheme_id):
        add(f"parameter {p.name}", [p.source])
    add("the call window", scheme.call.cites)
    result = evaluate(scheme, Ctx(describe._sample(scheme), ON, FxRates(ON)))
    if result.amounts.amounts is not None:
        add("the amounts", result.amounts.amounts.cites)
    for t in result.tiers:
        if t.amounts.amounts is not None:
            add(f"tier {t.tier.id}'s amounts", t.amounts.amounts.cites)
    pkg = package(scheme_id)
    for info in pkgutil.iter_modules(pkg.__path__):
        module = import_module(f"{pkg.__name__}.{info.name}")
        for name, value in vars(module).items():
            add(f"{info.name}.{name}", [value])
    return found


def _page_citations(scheme_id: str) -> list[tuple[str, Citation]]:
    return [(where, c) for where, c in citations_of(scheme_id).values() if c.from_page]


@ids
def test_every_quote_of_the_schemes_page_stands_on_the_vendored_page(scheme_id: str) -> None:
    page = flat(page_of(scheme_id).read_text(encoding="utf-8"))
    own = get(scheme_id).source
    problems = []
    for where, c in _page_citations(scheme_id):
        if c.source != own:
            problems.append(f"{where}: cites the page {c.source.id!r}, not the scheme's own "
                            f"{own.id!r}")
        elif not c.section:
            problems.append(f"{where}: names no section of the page")
        elif not c.quote.strip():
            problems.append(f"{where}: a citation of the page needs a quote")
        elif flat(c.quote) not in page:
            problems.append(f"{where}: «{c.quote}» is not on the page")
    assert not problems, f"{scheme_id} ({page_of(scheme_id)}): " + "; ".join(problems)


@ids
def test_the_scheme_quotes_its_page(scheme_id: str) -> None:
    assert _page_citations(scheme_id), f"{scheme_id}: no citation of its own page"


@ids
def test_every_rule_is_cited(scheme_id: str) -> None:
    uncited = [r.id for r in _rules(scheme_id) if not r.cites]
    assert not uncited, f"{scheme_id}: rules without a citation: {uncited}"


@ids
def test_every_parameters_source_is_a_citation(scheme_id: str) -> None:
    bad = [p.name for p in _parameters(scheme_id) if not isinstance(p.source, Citation)]
    assert not bad, f"{scheme_id}: parameters whose source is not a Citation: {bad}"


# an act by its number (Regulation (EU) No 651/2014, Recommendation 2003/361/EC, SFS 2015:210)
ACT = re.compile(r"\d{4}/\d+|\d+/\d{4}|\d{4}:\d+")
ARTICLE = re.compile(r"\bArticle \d+|\bArt\. \d+|\d+ ?§|§ ?\d+|\bSFS \d{4}:\d+")  # SFS: the act


@ids
def test_law_citations_name_their_act_and_article(scheme_id: str) -> None:
    """A citation that is not of the scheme's page is of an act (EU law, or national law such
    as the Swedish SFS): its source names the act by its number, its section the article. The
    exchange-rate table (the ECB's reference rates) is data, not law."""
    problems = []
    for where, c in citations_of(scheme_id).values():
        if c.from_page or c.source == RATE_CITATION.source:
            continue
        if not ACT.search(c.source.title):
            problems.append(f"{where}: the source {c.source.title!r} does not name its act")
        if not ARTICLE.search(c.section):
            problems.append(f"{where}: {c.source.title}, {c.section!r} names no article")
    assert not problems, f"{scheme_id}: " + "; ".join(problems)
