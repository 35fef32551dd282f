"""`budget` for a company that does not fit the voucher (round 13): no grant is presented as one
it could get. SMVB01 («Ansøgere til tilskud på op til 250.000 kr.: … have udarbejdet en business
case») failing said "breaks rules — grant DKK 220,000"; now "no grant (SMVB01): …", the totals
say what it would be only as "if it fitted", and the JSON's grant is null with ``no_grant`` and
``if_it_fitted``, as `match` withholds the amounts of a scheme that does not fit.

Every date is stated: no test depends on today's date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
NORDLYS = (ROOT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")
runner = CliRunner()
ON = "2026-11-23"


def _budget(tmp_path: Path, *replace: tuple[str, str], fmt: str = "table") -> Any:
    text = NORDLYS
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    p = tmp_path / "nordlys.toml"
    p.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["budget", str(p), "--as-of", ON, "-f", fmt],
                         env={"COLUMNS": "200"})


NO_CASE = ("business_case_made = true", "business_case_made = false")


def test_a_voucher_the_company_does_not_fit_gives_no_grant_on_the_first_line(
        tmp_path: Path) -> None:
    r = _budget(tmp_path, NO_CASE)
    assert r.exit_code == 1, r.stderr
    first = r.stdout.splitlines()[0]
    assert first == ("SMV:Digital (dk-smv-digital) · tier up to DKK 250,000 (t250): breaks "
                     "rules — no grant (SMVB01): the company does not fit the up to DKK 250,000 "
                     "voucher (rules SMV16); call open · no dates")
    assert "220,000" not in first
    lines = [" ".join(ln.split()) for ln in r.stdout.splitlines()]
    grant = next(ln for ln in lines if ln.startswith("Grant "))
    assert grant == ("Grant none SMVB01: the company does not fit the up to DKK 250,000 voucher "
                     "(rules SMV16); DKK 220,000 if it fitted")
    assert "Own funding — DKK 460,000 if it fitted" in lines
    assert "Applicant carries — DKK 460,000 if it fitted" in lines
    assert any(ln.startswith("if it fitted: investment DKK 120,000") for ln in lines)
    assert not any(ln.startswith("grant: ") for ln in lines)
    # SMVB09 states the budget's grant as what it would be
    assert "the budget would allow a grant of DKK 220,000 if the company fitted (it does not: " \
           "no grant)" in " ".join(lines)


def test_the_json_withholds_the_grant_and_gives_it_if_it_fitted(tmp_path: Path) -> None:
    r = _budget(tmp_path, NO_CASE, fmt="json")
    (b,) = json.loads(r.stdout)["budgets"]
    totals = b["totals"]
    assert b["verdict"] == "breaks_rules"
    assert totals["grant"] is None and totals["own_funding"] is None
    assert totals["applicant_carries"] is None
    assert totals["no_grant"] == ("none (SMVB01): the company does not fit the up to DKK "
                                  "250,000 voucher (rules SMV16)")
    assert totals["if_it_fitted"] == {"grant": {"amount": "220000", "currency": "DKK"},
                                      "own_funding": {"amount": "460000", "currency": "DKK"},
                                      "applicant_carries": {"amount": "460000",
                                                            "currency": "DKK"}}
    assert "grant_unknown" not in totals


def test_a_company_that_fits_the_voucher_keeps_its_grant(tmp_path: Path) -> None:
    r = _budget(tmp_path)
    assert r.stdout.splitlines()[0] == (
        "SMV:Digital (dk-smv-digital) · tier up to DKK 250,000 (t250): complies — grant "
        "DKK 220,000, own funding DKK 460,000; call open · no dates")
    r = _budget(tmp_path, fmt="json")
    totals = json.loads(r.stdout)["budgets"][0]["totals"]
    assert totals["grant"] == {"amount": "220000", "currency": "DKK"}
    assert "no_grant" not in totals and "if_it_fitted" not in totals


def test_a_company_that_fits_no_voucher_gets_no_grant_for_the_one_assumed(
        tmp_path: Path) -> None:
    """1.5 FTE (employees 0.5 + owners at most 1) is under the 2 every voucher needs; no
    voucher stated: the budget is computed for the up-to-250,000 one its lines can use."""
    r = _budget(tmp_path, ("employees_fte = 14.5", "employees_fte = 0.5"),
                ('tier = "t250"', "# no tier"))
    first = r.stdout.splitlines()[0]
    assert first.startswith("SMV:Digital (dk-smv-digital): breaks rules — no grant (SMVB01): "
                            "the company does not fit the up to DKK 250,000 voucher (rules "), first
    assert "at most" not in first


def test_a_draft_without_a_profile_still_shows_the_grant_as_an_upper_bound() -> None:
    """Without a profile SMVB01 cannot tell (unknown): the grant is computed as an upper bound,
    not withheld."""
    r = runner.invoke(app, ["budget", "-s", "dk-smv-digital", "-l", "consultancy=150000",
                            "--as-of", ON], env={"COLUMNS": "200"})
    assert r.stdout.splitlines()[0].startswith(
        "SMV:Digital (dk-smv-digital): needs information — grant DKK 75,000 at most (no voucher "
        "stated: the largest the lines can use)")
