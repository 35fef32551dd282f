"""Misuse, ninth round: a currency written in lower case read as the country is, an amount
written with its currency or a unit (--line consultancy=5 DKK), an empty --input named, ids
kept whole on a narrow terminal. Through typer's CliRunner, as a script runs it."""

from __future__ import annotations

import json

import pytest

from tests.robustness.helpers import AS_OF, problems, run

# --- (a) a currency in lower case, as the country is ----------------------------------------


@pytest.mark.parametrize("written", ["dkk", "Dkk", " DKK "])
def test_a_currency_in_lower_case_is_read_as_the_country_is(written):
    """``country = "dk"`` was read as DK, ``currency = "dkk"`` refused ("is not one of")."""
    from grantcheck.profile import parse_profile

    toml = f'[company]\nname = "A"\ncountry = "dk"\ncurrency = "{written}"\n'
    assert problems(toml) == []
    profile = parse_profile(toml, "p.toml")
    assert (profile.company.country, profile.company.currency) == ("DK", "DKK")


def test_a_currency_no_case_makes_known_is_still_refused_as_written():
    assert problems('[company]\nname = "A"\ncountry = "dk"\ncurrency = "dkr"\n') == [
        "company.currency: 'dkr' is not one of: 'DKK', 'NOK', 'SEK' or 'EUR'"]


def test_a_budget_currency_in_lower_case_is_read_too():
    toml = ('[company]\nname = "A"\ncountry = "DK"\n[budget]\ncurrency = "eur"\n'
            'scheme = "dk-smv-digital"\n[[budget.lines]]\ncategory = "consultancy"\n'
            'amount = 5000\n')
    assert problems(toml) == []


def test_a_currency_in_lower_case_in_a_json_line_is_read(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"company": {"name": "A", "country": "dk", "currency": "eur"}})
                   + "\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "-f", "csv", "--jobs", "1", "--as-of", AS_OF)
    assert r.exit_code in (0, 1), r.stderr
    assert ",A,DK,EUR," in r.stdout


def test_init_set_takes_a_currency_in_lower_case(tmp_path):
    """``init --set company.currency=nok`` said "'nok' is not one of the allowed values"."""
    out = tmp_path / "p.toml"
    r = run("init", str(out), "--non-interactive", "--set", "company.name=A",
            "--set", "company.country=no", "--set", "company.currency=nok", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert 'currency = "NOK"' in out.read_text(encoding="utf-8")
