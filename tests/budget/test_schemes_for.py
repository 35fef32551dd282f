"""grantcheck.budget.schemes_for: the schemes a profile's budget is checked against when none is
named (what `grantcheck budget PROFILE` does without --scheme or budget.scheme)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from grantcheck.budget import BudgetSchemes, schemes_for
from grantcheck.profile import load_profile

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
OPEN_SE = date(2023, 2, 15)  # the Swedish call is open
CLOSED_SE = date(2026, 11, 23)  # and closed


def test_the_open_schemes_that_fit_are_chosen():
    nordlys = load_profile(PROFILES / "nordlys-automation.toml")
    assert schemes_for(nordlys, CLOSED_SE) == BudgetSchemes(["dk-smv-digital"], True)


def test_when_none_fits_the_open_ones_that_need_information_are_chosen():
    kvantia = load_profile(PROFILES / "kvantia-startup.toml")
    assert schemes_for(kvantia, CLOSED_SE) == BudgetSchemes(
        ["dk-smv-digital", "no-prosessinnovasjon"], False)  # not no-bedriftsnettverk: below


def test_a_closed_call_is_not_chosen_even_when_it_would_fit():
    norrsken = load_profile(PROFILES / "norrsken-science-park.toml")
    assert schemes_for(norrsken, OPEN_SE) == BudgetSchemes(["se-saker-digitalisering"], True)
    # closed: the Swedish scheme it fits is left out, and no other open scheme could fit (not
    # SMV:Digital: owned by a municipality, it is no SME under the EU definition, SMV32; not
    # Bedriftsnettverk, which match does not show a Swedish company outside Foretaksregisteret;
    # Prosessinnovasjon does not fit)
    assert schemes_for(norrsken, CLOSED_SE) == BudgetSchemes([], False)


def test_another_countrys_scheme_match_does_not_show_is_never_chosen():
    """Kvantia (DK) states no Foretaksregisteret entry: match leaves Bedriftsnettverk out (not
    applicable), and so does budget (it checked the Danish company's budget against it)."""
    kvantia = load_profile(PROFILES / "kvantia-startup.toml")
    assert "no-bedriftsnettverk" not in schemes_for(kvantia, CLOSED_SE).ids


def test_nothing_is_chosen_when_no_open_scheme_could_fit():
    danbyg = load_profile(PROFILES / "danbyg-holding.toml")
    assert schemes_for(danbyg, CLOSED_SE) == BudgetSchemes([], False)


def test_a_scheme_without_budget_rules_is_never_chosen(monkeypatch):
    import grantcheck.schemes

    has_budget = grantcheck.schemes.has_budget
    monkeypatch.setattr(grantcheck.schemes, "has_budget",
                        lambda sid: sid != "dk-smv-digital" and has_budget(sid))
    nordlys = load_profile(PROFILES / "nordlys-automation.toml")
    # the scheme it fits has no budget rules: those needing information are chosen instead
    assert schemes_for(nordlys, CLOSED_SE) == BudgetSchemes(["no-prosessinnovasjon"], False)
