"""GBER (grantcheck.law.gber): the period it applies, each end with its citation, and the
article citations the schemes share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from grantcheck.citations import Citation
from grantcheck.law import gber
from grantcheck.parameters import NotEncoded, Parameter

ARTICLES = [gber.ART_1_3_AB, gber.ART_4_1_L, gber.ART_8_3, gber.ART_22_2, gber.ART_29_2,
            gber.ART_29_4]


def test_gber_applies_from_1_july_2014_to_31_december_2026() -> None:
    assert gber.APPLIES_FROM.value == date(2014, 7, 1)
    assert gber.APPLIES_UNTIL.value == date(2026, 12, 31)


def test_each_end_of_the_period_cites_article_59() -> None:
    """The start as adopted; the end as prolonged by Regulation (EU) 2023/1315."""
    assert gber.APPLIES_FROM.cite.section == "Article 59"
    assert "1 July 2014" in gber.APPLIES_FROM.cite.quote
    assert gber.APPLIES_UNTIL.cite.section.startswith("Article 59")
    assert "2023/1315" in gber.APPLIES_UNTIL.cite.section
    assert "31 December 2026" in gber.APPLIES_UNTIL.cite.note


@pytest.mark.parametrize("cite", [gber.APPLIES_FROM.cite, gber.APPLIES_UNTIL.cite, *ARTICLES],
                         ids=lambda c: c.section)
def test_every_citation_is_of_gber_not_of_a_scheme_page(cite: Citation) -> None:
    assert cite.source is gber.GBER
    assert not cite.from_page
    assert cite.section.startswith("Article ")


def test_the_amendment_is_an_act_of_its_own() -> None:
    assert not gber.GBER_AMENDMENT_2023.is_scheme_page
    assert "2023/1315" in gber.GBER_AMENDMENT_2023.title
    assert gber.GBER_AMENDMENT_2023.id != gber.GBER.id


def test_a_number_dated_over_the_period_is_not_encoded_outside_it() -> None:
    """What a scheme resting on GBER gets: the day before the start and the day after the end
    are not encoded; both ends are."""
    p = Parameter("gber_example", "rate", {gber.APPLIES_FROM.value: Decimal("0.5")},
                  gber.ART_29_4, valid_until=gber.APPLIES_UNTIL.value)
    assert p.at(date(2014, 7, 1)) == p.at(date(2026, 12, 31)) == Decimal("0.5")
    for outside in (date(2014, 6, 30), date(2027, 1, 1)):
        with pytest.raises(NotEncoded):
            p.at(outside)


def test_the_sector_exclusion_is_written_once_for_both_schemes() -> None:
    """Innobooster People (art. 22) and Prosessinnovasjon (art. 29) run the one art. 1(3) check."""
    from grantcheck.schemes.dk_innobooster_people.scheme import SCHEME as IP
    from grantcheck.schemes.no_prosessinnovasjon.scheme import SCHEME as PO

    po12 = next(r for r in PO.rules if r.id == "PO12")
    ip10 = next(r for r in IP.rules if r.id == "IP10")
    assert gber.ART_1_3_AB in ip10.cites
    assert any(c.section == gber.ART_1_3_AB.section for c in po12.cites)
    assert po12.reads == ip10.reads == (gber.SECTOR,)
