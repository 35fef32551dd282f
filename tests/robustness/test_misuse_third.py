"""Misuse, third round: numbers and dates written in forms Python reads but a person may not
mean, batch's usage errors, stderr wrapped to the terminal, the budget's grant sought, errors in
inline tables; through typer's CliRunner, stdout and stderr apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
NORDLYS = str(ROOT / "profiles" / "nordlys-automation.toml")
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", **(env or {})})


# --- 1. numbers: a plain decimal where a rate is asked; underscores group thousands only ------


@pytest.mark.parametrize("value", ["7_45", "1e3", "Infinity", "NaN", "+7.45", "7.45e0"])
def test_a_rate_that_is_not_a_plain_decimal_is_refused(value):
    """--rate DKK=7_45 was read as 745 and DKK=1e3 as 1000, without a word."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", f"DKK={value}")
    assert r.exit_code == 2, r.output
    assert r.stderr == (f"Error: --rate 'DKK={value}': {value!r} is not a plain decimal number "
                        "(digits, and a point for decimals)\n"
                        "Hint: write the units per euro plainly, e.g. --rate DKK=7.45\n")


def test_a_rate_with_spaces_around_it_is_read():
    """' 7.45 ' (a quoted shell argument) means 7.45: read, as the spaces around a CSV cell."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", "DKK= 7.45 ", "-f", "json")
    assert r.exit_code in (0, 1), r.output
    rates = {x["currency"]: x for x in json.loads(r.stdout)["exchange_rates"]}
    assert rates["DKK"]["per_eur"] == "7.45" and rates["DKK"]["origin"] == "user override"


def test_a_rate_out_of_range_has_a_hint():
    """The range's error had no Hint line."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", "SEK=0")
    assert r.exit_code == 2
    assert "Hint: e.g. --rate SEK=11.10" in r.stderr


def test_a_budget_line_of_7_45_is_refused_and_1_500_000_read():
    """--line consultancy=7_45 was read as DKK 745; underscores that group thousands stay."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=7_45",
            "--as-of", AS_OF)
    assert (r.exit_code, r.stderr) == (2, "Error: --line 'consultancy=7_45': '7_45': "
                                       "underscores group thousands only (1_500_000)\n"
                                       "Hint: write the number without them, e.g. 745 or 7.45\n")
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150_000",
            "--as-of", AS_OF, "-f", "json")
    assert r.exit_code in (0, 1), r.output
    assert '"150000"' in r.stdout


def _jsonl(tmp_path: Path, **company: object) -> Path:
    line = {"company": {"name": "Acme ApS", "country": "DK", **company}}
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("value", ["7_45", "1e3", "0x10"])
def test_a_number_as_text_in_a_json_profile_must_be_plain(tmp_path, value):
    """"turnover": "7_45" in a JSON line was read as 745, "1e3" as 1000."""
    p = _jsonl(tmp_path, turnover=value)
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 4, r.output
    assert (f"company.turnover: must be a plain number, digits and a point for decimals, e.g. "
            f"1500000 or 14.5 (got {value!r})") in r.stderr


def test_a_plain_number_as_text_in_a_json_profile_is_read(tmp_path):
    """"turnover": " 9800000 " is the number: read, as before."""
    p = _jsonl(tmp_path, turnover=" 9800000 ")
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 0, r.output


def test_a_csv_cell_of_7_45_is_refused_and_1_500_000_read(tmp_path):
    """A CSV cell '7_45' went to the model as text, which read it as 745."""
    p = tmp_path / "r.csv"
    p.write_text("name,country,turnover\nA,DK,7_45\nB,DK,1_500_000\n", encoding="utf-8")
    r = run("batch", "--input", str(p), "--as-of", AS_OF, "-f", "jsonl", "-j", "1")
    assert r.exit_code == 4, r.output
    assert "turnover: '7_45': underscores group thousands only" in r.stderr
    assert len(r.stdout.splitlines()) == 2 and '"name": "B"' not in r.stderr


def test_a_quoted_number_in_a_toml_profile_must_be_plain(tmp_path):
    """turnover = "1e3" (quoted) was read as 1000; its line is named."""
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "A"\ncountry = "DK"\nturnover = "1e3"\n', encoding="utf-8")
    r = run("validate", str(p))
    assert r.exit_code == 2
    assert f"{p}:4: company.turnover: must be a plain number" in r.stderr


@pytest.mark.parametrize("value", ["7_45", "1e3", "NaN"])
def test_a_registry_count_as_text_must_be_plain(value):
    """A registry's count "7_45" was read as 745 and "1e3" as 1000 (Decimal(str))."""
    from grantcheck.registry.common import UnitError, number

    with pytest.raises(UnitError, match=f"antallAnsatte: must be a number \\(got '{value}'\\)"):
        number(value, "antallAnsatte")
    assert number(" 12 ", "antallAnsatte") == 12
