"""Rec. 2003/361/EC, Annex art. 3(4): "an enterprise cannot be considered an SME if 25 % or more
of the capital or voting rights are directly or indirectly controlled, jointly or individually, by
one or more public bodies". A related enterprise whose public-body status is not stated
(``company.related[i].public_body``) is neither a public body nor a private one: the rule stays
open on it, naming that field, unless every answer gives the same status."""

from decimal import Decimal

import pytest

from grantcheck.engine import text_of
from grantcheck.law.sme import company_status
from tests.support import ctx_for

# 5 AWU and DKK 1 of turnover: micro on its own figures; the owner adds nothing to them
BASE = {"name": "X", "country": "DK", "employees_fte": 5, "owners_fte": 0, "turnover": 1,
        "balance_sheet_total": 1, "public_ownership_percent": 0}


def owner(share: object, public_body: bool | None = None, **more: object) -> dict[str, object]:
    entry = {"name": "Holder", "relation": "partner", "share_percent": share, "staff": 0,
             "turnover": 0, "balance_sheet_total": 0, **more}
    if public_body is not None:
        entry["public_body"] = public_body
    return entry


def status(*related: dict[str, object], **company: object):  # type: ignore[no-untyped-def]
    return company_status(ctx_for({"company": BASE | {"related": list(related)} | company}))


@pytest.mark.parametrize(("share", "sme"), [("24.99", True), ("25", False), ("25.01", False)])
def test_a_stated_public_body_counts_from_25_percent(share: str, sme: bool) -> None:
    """24.99 % held by a public body leaves an SME; 25 % and 25.01 % make it none."""
    assert status(owner(share, public_body=True)).is_sme is sme


@pytest.mark.parametrize("share", ["24.99", "25", "25.01", "100"])
def test_an_owner_stated_not_a_public_body_adds_no_public_holding(share: str) -> None:
    assert status(owner(share, public_body=False)).is_sme is True


UNSTATED = {"public_ownership_percent": None}  # the company's whole public share not stated


@pytest.mark.parametrize(("share", "named"), [("24.99", False), ("25", True), ("25.01", True)])
def test_an_owner_of_unstated_status_is_named_from_25_percent(share: str, named: bool) -> None:
    """With the company's public share not stated either: 24.99 % is under 25 % even counting
    this owner, so only the public share is asked; from 25 % the owner's status settles it
    too (a public body would make it no SME, a private one would not)."""
    s = status(owner(share), **UNSTATED)
    assert (s.lowest, s.highest) == ("micro", "large")
    assert ("company.related[0].public_body" in s.open_facts) is named
    assert "company.public_ownership_percent" in s.open_facts
    if named:
        words = text_of(s.explanation)
        assert (f"Holder {share} %, whether a public body not stated "
                "(company.related[0].public_body)") in words and "art. 3(4)" in words


@pytest.mark.parametrize("share", ["25", "25.01", "100"])
def test_a_stated_public_share_under_25_percent_bounds_an_owner_of_unstated_status(
        share: str) -> None:
    """company.public_ownership_percent counts every public body: an owner of 25 % or more
    cannot be one when public bodies hold 0 % in all, so the answer is the same either way."""
    s = status(owner(share))
    assert s.is_sme is True
    assert "company.related[0].public_body" not in s.open_facts
    assert ("public bodies hold under 25 % either way, public bodies holding 0 % of the company "
            "in all (company.public_ownership_percent)") in text_of(s.explanation)


def test_a_public_share_given_as_a_range_bounds_the_owner_by_its_upper_end() -> None:
    """0–24 % in all: an owner of 30 % adds at most 24 %; 0–30 %: the owner may make 25 %."""
    assert status(owner(30), public_ownership_percent={"min": 0, "max": 24}).is_sme is True
    s = status(owner(30), public_ownership_percent={"min": 0, "max": 30})
    assert "company.related[0].public_body" in s.open_facts


def test_an_investor_of_unstated_status_is_not_bounded_by_the_public_share() -> None:
    """company.public_ownership_percent leaves out the investors of art. 3(2), second
    subparagraph; one with a majority is linked, no exception (art. 3(4)): a public body's 60 %
    would make it no SME, so its status is asked though the public share is 0."""
    linked = owner(60, investor="public_investment_corporation", relation="linked")
    s = status(linked)
    assert (s.lowest, s.highest) == ("micro", "large")
    assert s.open_facts == ("company.related[0].public_body",)
    assert status(linked | {"public_body": False}).is_sme is True
    assert status(linked | {"public_body": True}).is_sme is False


def test_unstated_owners_add_up_with_the_stated_public_bodies() -> None:
    """A municipality's 15 % and an owner of unstated status with 10 %: 25 % if it is one."""
    s = status(owner(15, public_body=True, name="Kommune"), owner(10), **UNSTATED)
    assert "company.related[1].public_body" in s.open_facts
    s = status(owner(15, public_body=True), owner("9.99"), **UNSTATED)
    assert "company.related[1].public_body" not in s.open_facts


def test_stated_public_bodies_over_25_percent_settle_it_whatever_the_other_owner_is() -> None:
    s = status(owner(30, public_body=True, name="Kommune"), owner(40), **UNSTATED)
    assert s.is_sme is False
    assert "Kommune is a public body holding 30 %" in text_of(s.explanation)


def test_an_unstated_holding_of_unstated_status_names_both_facts() -> None:
    s = status(owner(None), **UNSTATED)
    assert {"company.related[0].public_body",
            "company.related[0].share_percent"} <= set(s.open_facts)


def test_a_large_enterprise_is_no_sme_whatever_its_owner_is() -> None:
    """The answer is the same either way: 300 AWU is large (Annex art. 2(1))."""
    assert status(owner(40), employees_fte=300, **UNSTATED).is_sme is False


def test_an_exempt_investor_of_unstated_status_adds_nothing() -> None:
    """Annex art. 3(4): 'Except in the cases set out in paragraph 2, second subparagraph': a
    venture capital company's 40 % makes no public control, public body or not."""
    assert status(owner(40, investor="venture_capital")).is_sme is True


def test_a_registry_group_of_unstated_status_is_settled_by_listing_it() -> None:
    """A registry's stand-in for a group's unnamed enterprises: the list answers it."""
    from grantcheck.law.sme_holders import GROUP_UNNAMED

    s = status({"name": GROUP_UNNAMED, "relation": "linked"}, employees_fte=300)
    assert s.is_sme is False
    s = status({"name": GROUP_UNNAMED, "relation": "linked"}, **UNSTATED)
    assert "company.related[0].public_body" not in s.open_facts
    assert "company.related" in s.open_facts


def test_a_local_authority_is_a_public_body_without_saying_so() -> None:
    """A local authority that is not the investor of art. 3(2)(d) (a budget of EUR 10 million
    or more): its 30 % is a public body's, so not an SME (art. 3(4))."""
    s = status(owner(30, investor="local_authority", annual_budget=100_000_000,
                     inhabitants=4000))
    assert s.is_sme is False
    assert "Holder is a public body holding 30 %" in text_of(s.explanation)


def test_the_holding_is_what_counts_not_a_rounding_of_it() -> None:
    s = status(owner(Decimal("24.999")), **UNSTATED)
    assert "company.related[0].public_body" not in s.open_facts
