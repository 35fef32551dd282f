"""A new user's read, twelfth round: `match`'s default view says why a scheme does not fit (the
figures compared and the sentence they rest on); `batch`'s table and `schemes` keep every path,
id and status whole at 60 and 80 columns; the outreach pack says what a company needs to answer
without sending it to a file it does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import flat
from tests.support import run_in_checkout as run

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"


# --- match: why a scheme does not fit ---------------------------------------------------------


def test_the_default_view_shows_the_figures_and_the_pages_sentence_of_a_failed_size_rule():
    """Danbyg (2,350 staff) did not fit SMV:Digital, and the view named five rule ids and their
    titles ("2 to 20 full-time employees"): not the company's 2,350, nor the page's words. One
    rule of the group now shows both; the others are named by id with where to read them."""
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    text = flat(r.stdout)
    assert ("✗ SMV10 (t25): 2350 FTE = employees 2350 + owners 0 > 20 allowed for the "
            "DKK 25,000 voucher; the page says «Virksomheden skal have mellem 2-20 "
            "fuldtidsansatte»; also SMV02, SMV32, SMV11 (t100), SMV13 (t250) (--explain)"
            in text)
    assert "→ a size limit" in text  # the fix stays


def test_a_rule_from_the_act_quotes_the_act_and_its_article():
    """Norrsken's grant sought is over GBER's 15 % for a large enterprise: the view showed the
    fix only. It now shows the figures and GBER art. 29(4)'s sentence, named as the act's."""
    r = run("match", "profiles/norrsken-science-park.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("✗ PO09: grant sought SEK 650,000 of eligible costs SEK 1,300,000 (50 %); at most "
            "15 % = SEK 195,000 for a large enterprise" in text)
    assert ("GBER Article 29(4) says «The aid intensity shall not exceed 15 % for large "
            "enterprises and 50 % for SMEs.»" in text)


def test_a_finding_that_quotes_the_page_itself_gets_no_second_quote():
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("✗ PO06: 1 excluded item(s) apply: «Innføring av nye datasystemer (SAP, CRM osv.) "
            "uten at det er en del av en prosessinnovasjon» (new IT systems (SAP, CRM, …) not "
            "part of a process innovation) → the scheme does not cover these" in text)


def test_the_page_sentence_chosen_states_the_requirement_not_an_article_number():
    """PO01 cites two sentences of its page: "… knyttet til GBER 29 …" and "Det forutsetter at
    søker er liten eller mellomstor …": the second says what the rule requires."""
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("the page says «Det forutsetter at søker er liten eller mellomstor i henhold til "
            "Statsstøtteregelverket, og gjelder kun unntaksvis for store bedrifter.»" in text)


def test_all_shows_why_a_closed_call_would_not_fit():
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF, "--all")
    text = flat(r.stdout)
    assert ("✗ SD21: project starts 2021-01-01; the pilot projects are carried out in 2023"
            in text)
    assert "the page says «Pilotprojekten har en genomförandetid under 2023.»; also SD20" in text


@pytest.mark.parametrize("columns", ["60", "200"])
def test_why_keeps_its_figures_at_any_width(columns):
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF, columns=columns)
    text = flat(r.stdout)
    assert "2350 FTE = employees 2350 + owners 0 > 20 allowed" in text
    assert all(len(line) <= int(columns) for line in r.stdout.splitlines())
