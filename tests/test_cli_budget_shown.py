"""What `budget` shows, through typer's CliRunner: a grant part's label wraps within its own
column, a cap that bound the grant is named as what bound it, a closed call is said (and never
reads as fit to send), and Säker digitalisering's minimum application is read as `match` reads
it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
HARDANGER = str(PROFILES / "hardanger-prosess.toml")
NORRSKEN = PROFILES / "norrsken-science-park.toml"
PO, SD, SMV, IP = ("no-prosessinnovasjon", "se-saker-digitalisering", "dk-smv-digital",
                   "dk-innobooster-people")
runner = CliRunner()


def run(*args: str, columns: int = 140) -> Any:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": str(columns)})


def totals(stdout: str) -> list[str]:
    """The totals table's lines: from 'Total budget' to 'Applicant carries'."""
    lines = stdout.splitlines()
    first = next(i for i, s in enumerate(lines) if s.strip().startswith("Total budget"))
    last = next(i for i, s in enumerate(lines) if s.strip().startswith("Applicant carries"))
    return lines[first:last + 1]


# --- 1. a grant part's label wraps inside its own column --------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 100, 140])
@pytest.mark.parametrize("personnel", ["900000", "200000000"])
def test_a_long_grant_label_wraps_within_its_column(columns: int, personnel: str) -> None:
    """Before: 'grant: process and organisational' went on at the table's left edge
    ('innovation, GBER art. 29(4): the rate' under 'Total budget'), two columns left of where
    it began; every line of the label now starts at the label's own indent."""
    r = run("budget", HARDANGER, "-s", PO, "--line", f"personnel={personnel}",
            "--as-of", "2026-11-23", columns=columns)
    assert r.exit_code in (0, 1), r.output
    rows = totals(r.stdout)
    start = next(i for i, s in enumerate(rows) if "grant: " in s)
    indent = rows[start].index("grant: ")
    end = next(i for i, s in enumerate(rows) if s.strip().startswith("Grant"))
    for row in rows[start + 1:end]:
        label = row[:indent + 12]
        assert not label.strip() or len(label) - len(label.lstrip()) >= indent, rows
    assert all(len(s) <= columns for s in r.stdout.splitlines())
    # no figure is cut
    assert re.search(r"NOK [\d,]+\b", "\n".join(rows))
    assert "…" not in r.stdout


# --- 2. a cap that bound the grant is said, not the rate --------------------------------------


def test_prosessinnovasjon_capped_by_the_notification_threshold_says_the_cap() -> None:
    r = run("budget", HARDANGER, "-s", PO, "--line", "personnel=200000000",
            "--as-of", "2026-11-23")
    part = " ".join(s for s in totals(r.stdout) if "grant:" in s or s.startswith(" " * 20))
    assert "capped" in part and "notification threshold" in part, part
    assert "the rate for an SME" not in part and "bound by the rate" not in part


def test_prosessinnovasjon_bound_by_its_rate_says_the_rate() -> None:
    r = run("budget", HARDANGER, "-s", PO, "--line", "personnel=900000", "--as-of", "2026-11-23",
            columns=200)
    text = " ".join(" ".join(totals(r.stdout)).split())
    assert "50 % (the rate for an SME) of NOK 900,000; bound by the rate" in text
    assert "capped" not in text


def test_smv_digital_capped_by_the_voucher_says_the_cap() -> None:
    r = run("budget", "-s", SMV, "--line", "consultancy=400000", "--tier", "t100",
            "--as-of", "2026-11-23")
    row = next(s for s in totals(r.stdout) if "grant: advice" in s)
    assert "capped" in row and "50 % of" not in row.split("capped")[0], row


def test_every_capped_part_in_json_says_it_is_capped() -> None:
    r = run("budget", "-s", SMV, "--line", "consultancy=400000", "--tier", "t100",
            "--as-of", "2026-11-23", "-f", "json")
    (part,) = json.loads(r.stdout)["budgets"][0]["grant_parts"]
    assert part["capped"] is True and part["bound_by"].startswith("the cap")


# --- 3. the call window ------------------------------------------------------------------------


def test_a_budget_for_a_closed_call_says_closed_and_exits_1() -> None:
    """Säker digitalisering's call closed 2023-03-01: `match` says closed, so must `budget`."""
    r = run("budget", str(NORRSKEN), "--as-of", "2023-03-02")
    assert r.exit_code == 1, r.output
    head = r.stdout.splitlines()[0]
    assert "call closed 2023-03-01" in head and "(would: " in head, head
    data = json.loads(run("budget", str(NORRSKEN), "-s", SD, "--as-of", "2023-03-02",
                          "-f", "json").stdout)["budgets"][0]
    assert data["verdict"] == "closed" and data["verdict_if_open"] in (
        "complies", "needs_information", "breaks_rules")
    assert data["call"] == {"status": "closed",
                            "text": "closed since 2023-03-01 (last open day)"}


def test_a_budget_on_the_calls_last_day_is_checked_as_open() -> None:
    data = json.loads(run("budget", str(NORRSKEN), "-s", SD, "--as-of", "2023-03-01",
                          "-f", "json").stdout)["budgets"][0]
    assert data["verdict"] != "closed" and data["call"]["status"] == "open"


@pytest.mark.parametrize(("on", "closed"), [("2020-12-01", False), ("2020-12-02", True)])
def test_innobooster_peoples_budget_is_closed_from_the_day_after_its_last_day(
        tmp_path: Path, on: str, closed: bool) -> None:
    """Innobooster People's call: last day 2020-12-01."""
    from tests.test_cli_saker_innobooster import innobooster_budget

    r = run("budget", str(innobooster_budget(tmp_path)), "-s", IP, "--as-of", on, "-f", "json")
    b = json.loads(r.stdout)["budgets"][0]
    assert b["verdict"] == ("closed" if closed else b["verdict_if_open"]) != b["verdict_if_open"] \
        or not closed
    assert b["call"]["status"] == ("closed" if closed else "open")


# --- 4. Säker digitalisering's minimum application: the grant sought ---------------------------


def _norrsken(tmp_path: Path, sought: str | None) -> Path:
    text = NORRSKEN.read_text(encoding="utf-8")
    text = text.replace("grant_sought = 650000         # 50 % of the budget\n",
                        "" if sought is None else f"grant_sought = {sought}\n")
    text = text.replace("grant_sought = 650000          # project dates", "# project dates")
    path = tmp_path / "sd.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _outcomes(path: Path, on: str = "2023-02-15") -> tuple[str, str]:
    m = json.loads(run("match", str(path), "-s", SD, "--as-of", on, "-f", "json").stdout)
    b = json.loads(run("budget", str(path), "-s", SD, "--as-of", on, "-f", "json").stdout)
    sd13 = next(f["outcome"] for f in m["schemes"][0]["findings"] if f["rule"] == "SD13")
    sdb03 = next(f["outcome"] for f in b["budgets"][0]["findings"] if f["rule"] == "SDB03")
    return sd13, sdb03


def test_without_a_grant_sought_both_commands_leave_the_amount_to_choose(tmp_path: Path) -> None:
    """'Lägsta belopp för ansökan är 500 tkr': the amount applied for, the applicant's to
    choose; a budget allowing more leaves one to choose: both pass, saying so."""
    assert _outcomes(_norrsken(tmp_path, None)) == ("pass", "pass")


def test_a_grant_sought_of_500000_passes_in_both(tmp_path: Path) -> None:
    assert _outcomes(_norrsken(tmp_path, "500000")) == ("pass", "pass")


def test_a_grant_sought_of_499999_fails_in_both(tmp_path: Path) -> None:
    assert _outcomes(_norrsken(tmp_path, "499999")) == ("fail", "fail")


def test_an_investment_under_the_minimum_says_the_minimum_gave_nothing() -> None:
    r = run("budget", "-s", SMV, "--line", "consultancy=100000", "--line", "hardware=30000",
            "--tier", "t250", "--as-of", "2026-11-23", columns=200)
    row = " ".join(next(s for s in totals(r.stdout) if "grant: investment" in s).split())
    assert "DKK 0 the minimum: investments under DKK 40,000 are not supported; 25 % of " \
        "DKK 30,000 would be DKK 7,500" in row, row


def test_on_a_terminal_too_narrow_for_the_table_the_grant_label_follows_its_header() -> None:
    """Drawn as a list, the indented label reads 'What: grant: …' on one line, not a bare
    'What:' over an indented block."""
    r = run("budget", HARDANGER, "-s", PO, "--line", "personnel=900000", "--as-of",
            "2026-11-23", columns=34)
    assert "What: grant: process and" in r.stdout, r.stdout


def test_the_first_line_says_the_verdict_the_grant_and_the_own_funding() -> None:
    """The answer first, at 80 and 200 columns, with nothing cut: the verdict, then the grant
    and the own funding as the totals state them; a voucher not stated is said to be assumed;
    a closed call's figures are what it would give."""
    root = Path(__file__).parent.parent
    cases = [
        ([str(root / "profiles" / "nordlys-automation.toml")],
         "SMV:Digital (dk-smv-digital) · tier up to DKK 250,000 (t250): complies — grant DKK "
         "220,000, own funding DKK 460,000; call open · no dates"),
        (["--scheme", "dk-smv-digital", "--line", "consultancy=150000", "--line",
          "hardware=320000"],
         "SMV:Digital (dk-smv-digital): needs information — grant DKK 155,000 at most (no "
         "voucher stated: the largest the lines can use), own funding DKK 315,000; call open "
         "· no dates"),
        ([str(root / "profiles" / "norrsken-science-park.toml")],
         "Stärk företagens konkurrenskraft med säker digitalisering (pilot) "
         "(se-saker-digitalisering): call closed 2023-03-01 (would: complies, grant "
         "SEK 650,000, own funding SEK 650,000)"),
    ]
    for args, first in cases:
        for columns in ("80", "200"):
            r = runner.invoke(app, ["budget", *args, "--as-of", "2026-11-23"],
                              env={"COLUMNS": columns, "NO_COLOR": "1"})
            head = r.stdout.split("\nBudget lines", 1)[0].split("\nThe call is not open")[0]
            assert " ".join(head.split()) == first, columns
            assert not any(line.endswith(("DKK", "SEK")) for line in head.splitlines())
            assert "grant" not in r.stderr
