"""grantcheck.law.country: the warning for an applicant outside the country a page speaks of,
written once (Prosess- og organisasjonsinnovasjon PO02, Säker digitalisering SD22)."""

from __future__ import annotations

from datetime import date

from grantcheck.citations import Citation, Source
from grantcheck.engine import Kind, Message, Outcome, RuleBook
from grantcheck.engine.rules import Finding
from grantcheck.law import country
from grantcheck.schemes.no_prosessinnovasjon import rules as po_rules
from grantcheck.schemes.se_saker_digitalisering import rules as sd_rules
from tests.support import ctx_for

ON = date(2023, 2, 20)
PAGE = Source("test-page", "A page", "Nobody", "en", "https://example.org/")
T = Message("company.country = {country}", fix="explain how a company outside Sweden fits")
BOOK = RuleBook()
RULE = BOOK.add("TC01", "The applicant is Swedish", country.registered_in(
    "SE", T, "The page speaks of Sweden."), kind=Kind.SOFT, section="Applicant",
    cites=[Citation(PAGE, "Who", "Swedish companies")], reads=["company.country"])


def _finding(code: str) -> Finding:
    return RULE.evaluate(ctx_for({"company": {"name": "A AB", "country": code,
                                              "currency": "SEK"}}, ON))


def test_a_company_registered_in_the_country_passes() -> None:
    f = _finding("SE")
    assert f.outcome is Outcome.PASS and f.message == "company.country = SE" and not f.fix


def test_a_company_registered_elsewhere_gets_a_warning_saying_what_to_explain() -> None:
    f = _finding("NO")
    assert f.outcome is Outcome.WARNING and f.message == "company.country = NO"
    assert f.fix == "explain how a company outside Sweden fits"


def test_the_rule_explains_itself_with_the_schemes_words() -> None:
    assert RULE.doc == "The page speaks of Sweden."


def test_both_schemes_use_it_as_a_soft_rule() -> None:
    po02 = next(r for r in po_rules.rules.rules if r.id == "PO02")
    sd22 = next(r for r in sd_rules.rules.rules if r.id == "SD22")
    for r in (po02, sd22):
        assert r.kind is Kind.SOFT and r.reads == ("company.country",)
    assert "mellom norske bedrifter" in po02.doc and "Hela Sverige" in sd22.doc
