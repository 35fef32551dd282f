"""Rulebook health: every rule cited, every number a cited parameter, ids unique, reads real."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from grantcheck.engine import Kind
from grantcheck.parameters import UNITS
from grantcheck.profile import DOCUMENT_IDS, Profile
from grantcheck.schemes import SCHEME_IDS, all_schemes

SCHEMES = all_schemes()


def _inner(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner(arg)
        if found is not None:
            return found
    return None


def path_exists(path: str) -> bool:
    model: type[BaseModel] | None = Profile
    for part in re.sub(r"\[\d*\]", "", path).split("."):
        if model is None or part not in model.model_fields:
            return False
        model = _inner(model.model_fields[part].annotation)
    return True


def test_the_registry_lists_the_five_schemes_in_catalogue_order():
    assert [s.id for s in SCHEMES] == list(SCHEME_IDS)
    assert len(SCHEMES) == 5


def test_rule_ids_are_unique_across_schemes():
    ids = [r.id for s in SCHEMES for r in s.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_every_rule_has_a_citation_a_title_and_reads_real_fields(scheme):
    for r in scheme.rules:
        assert r.cites, r.id
        assert r.title and not r.title[0].islower(), r.id
        for c in r.cites:
            assert c.section, r.id
            assert c.quote or c.note or not c.from_page, f"{r.id}: a page citation needs a quote"
        for path in r.reads:
            assert path_exists(path), f"{r.id} reads {path}, which the profile does not have"
        if r.kind is Kind.DECLARATION:
            assert r.reads, r.id


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_every_parameter_has_a_unit_and_a_source(scheme):
    assert scheme.parameters, scheme.id
    for p in scheme.parameters:
        assert p.unit in UNITS, p.name
        assert p.source.section, p.name
        assert p.values, p.name


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_page_citations_quote_the_page_in_its_language(scheme):
    for r in scheme.rules:
        for c in r.cites:
            if c.from_page:
                assert c.source.language == scheme.source.language, r.id


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_documents_use_known_ids_and_cite_a_source(scheme):
    for d in scheme.documents:
        assert d.id in DOCUMENT_IDS, d.id
        assert d.cites, d.id


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.id)
def test_tier_rules_belong_to_a_declared_tier(scheme):
    tiers = {t.id for t in scheme.tiers}
    for r in scheme.rules:
        assert r.tier is None or r.tier in tiers, r.id
