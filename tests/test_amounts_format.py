"""How amounts are written: one format for the aid rate in every scheme's JSON (Bedriftsnettverk
wrote "0.5", the others "0.50"), a range of grants, and a batch's counts of them added up from
its workers' blocks as from one process."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.batch.best import SchemeCount
from grantcheck.cli import app
from grantcheck.money import Money, format_span, rate_str
from tests.support import json_amounts

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("rate", "text"), [
    ("0.5", "0.50"), ("0.50", "0.50"), ("0.500", "0.50"), ("0.15", "0.15"), ("0.125", "0.125"),
    ("1", "1.00"), ("0", "0.00")])
def test_a_rate_has_at_least_two_decimals_and_loses_none(rate, text):
    assert rate_str(Decimal(rate)) == text


def test_every_schemes_aid_rate_is_written_alike():
    """Bedriftsnettverk's parameter is written 0.5, the others' 0.50: the JSON said "0.5" for
    it (and SMV:Digital's tiers), "0.50" for the others."""
    rates = {s["id"]: json_amounts(s)["aid_rate"] for s in _schemes("fjordnett-network")}
    assert rates["no-bedriftsnettverk"] == "0.50" == rates["se-saker-digitalisering"]
    assert rates["dk-innobooster-people"] == "0.75"
    smv = next(s for s in _schemes("nordlys-automation") if s["id"] == "dk-smv-digital")
    assert [t["aid_rate"] for t in smv["tiers"]] == ["0.50", "0.50", None]  # t250: mixed


def _schemes(name: str) -> list[dict]:
    r = CliRunner().invoke(app, ["match", str(ROOT / "profiles" / f"{name}.toml"),
                                 "--as-of", "2026-11-23", "--all", "--format", "json"])
    return json.loads(r.stdout)["schemes"]


def test_a_range_keeps_each_amount_whole():
    assert format_span(Money.of(960000, "NOK"), Money.of("3200000.5", "NOK")) == (
        "NOK 960,000 – 3,200,000.50")


def _count(grants) -> SchemeCount:
    count = SchemeCount()
    for verdict, grant in grants:
        count.add(verdict, grant)
    return count


def test_counts_merged_from_blocks_say_what_one_count_says():
    nok = [("fits", Money.of(700000, "NOK")), ("needs information", None),
           ("needs information", (Money.of(960000, "NOK"), Money.of(3200000, "NOK"),
                                  ("company.employees_fte",))),
           ("fits", Money.of(3200000, "NOK"))]
    whole = _count(nok)
    merged = SchemeCount()
    for part in (nok[:1], [], nok[1:3], nok[3:]):
        merged.merge(_count(part))
    assert merged.line("no-prosessinnovasjon") == whole.line("no-prosessinnovasjon") == (
        "no-prosessinnovasjon: 2 fit, 2 need information; up to NOK 3,200,000 a company; "
        "NOK 4,860,000 – 7,100,000 in all for 3 of 4 (the range by company.employees_fte; 1 "
        "not known yet)")
