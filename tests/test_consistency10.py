"""Consistency, tenth round: what one command does, the others do alike.

- A scheme with no rules encoded for the evaluation date (Prosess- og organisasjonsinnovasjon
  past GBER art. 29, which ends 2026-12-31) makes no company one that "can still fit": batch,
  shortlist and the outreach summary count such companies apart, in match's words, and the
  outreach pack does not ask the questions of that scheme (no answer settles it on the date).
- A scheme id is read in any case, as a country or a currency is (``--scheme DK-SMV-DIGITAL``,
  ``show NO-Bedriftsnettverk``, ``budget.scheme``).
- ``batch -o FILE.gz`` writes gzip, as the name says.
- ``COLUMNS=0``, a negative or a non-numeric ``COLUMNS`` is read as unset (the terminal's width,
  else 80), as most tools read it; it was drawn at 20 columns.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
from functools import partial
from pathlib import Path

from grantcheck.cli import app
from tests import test_cli_fresh_eyes9 as fresh9
from tests.test_cli_fresh_eyes9 import PO_LAST, PO_PAST, ROOT, flat, runner

REGISTRY = ROOT / "tests" / "registry" / "data"
run = partial(fresh9.run, columns="200")  # NO_COLOR=1, COLUMNS=200, in the repository's folder


# --- 1. a scheme with no rules for the date: counted apart, not asked ---------------------------


def test_batch_does_not_count_a_profile_that_only_a_scheme_without_rules_could_fit():
    """Norrsken (SE) needs information only from Prosess- og organisasjonsinnovasjon: past its
    legal basis it has no rules for the date, so it is counted apart as match counts it."""
    r = run("batch", "profiles/", "--as-of", PO_PAST)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "6 inputs checked on 2027-01-01: 4 of 6 can still fit a scheme (2 fit, 2 need "
        "information, 1 has no rules encoded for the date, 1 does not fit).")
    last = run("batch", "profiles/", "--as-of", PO_LAST)
    assert last.stdout.splitlines()[0] == (
        "6 inputs checked on 2026-12-31: 4 of 6 can still fit a scheme (3 fit, 1 needs "
        "information, 2 do not fit).")


def test_shortlist_counts_a_company_that_only_a_scheme_without_rules_could_fit_apart():
    r = run("shortlist", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", PO_PAST,
            "--format", "table")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        "5 units screened on 2027-01-01: 3 of 5 companies can still fit a scheme (0 fit, 3 need "
        "information, 2 have no rules encoded for the date).")  # KONKURS AS too, past GBER
    # its row comes after those that answers can settle, and asks nothing
    row = flat(r.stdout[r.stdout.index("OSLO KOMMUNE"):r.stdout.index("KONKURS AS")])
    assert row.endswith("? — 964338531 · NO no-prosessinnovasjon has no rules encoded for the "
                        "date 5"), row
    last = run("shortlist", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", PO_LAST,
               "--format", "table")
    assert "no rules encoded for the date" not in last.stdout


def test_shortlist_csv_says_the_count_on_stderr_in_the_same_words():
    r = run("shortlist", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", PO_PAST,
            "--format", "csv")
    assert ("3 of 5 companies can still fit a scheme (0 fit, 3 need information, 2 have no "
            "rules encoded for the date).") in flat(r.stderr)


def test_outreach_does_not_ask_the_questions_of_a_scheme_without_rules_for_the_date(tmp_path):
    pack = tmp_path / "pack"
    r = run("outreach", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", PO_PAST,
            "--out", str(pack))
    assert r.exit_code == 0, r.stderr
    assert "(3 of 5 can still fit a scheme;" in flat(r.stderr)
    files = [f for f in sorted(pack.iterdir()) if f.name != "summary.md"]
    assert files
    assert not (pack / "964338531.toml").exists()  # Oslo kommune: only that scheme is open
    for f in files:
        assert "no-prosessinnovasjon" not in f.read_text(encoding="utf-8"), f.name
    summary = flat((pack / "summary.md").read_text(encoding="utf-8"))
    # KONKURS AS, bankrupt, is no longer "does not fit" past GBER (PO11 reads GBER art. 1(4)(c),
    # not encoded after 2026-12-31): it joins Oslo kommune among those only that scheme can settle
    assert ("Best verdict per company: 3 need information, 2 have no rules encoded for the "
            "date.") in summary
    assert ("Not asked: the questions of no-prosessinnovasjon, with no rules encoded for "
            "2027-01-01: no answer settles it on that date (another evaluation date, --as-of, "
            "would); 2 companies need information only from it, so no files.") in summary
    assert "A company whose schemes are all decided has none (0 companies)." in summary


def test_outreach_asks_them_on_the_last_day_the_rules_cover(tmp_path):
    pack = tmp_path / "pack"
    r = run("outreach", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", PO_LAST,
            "--out", str(pack))
    assert r.exit_code == 0, r.stderr
    assert "no-prosessinnovasjon" in (pack / "964338531.toml").read_text(encoding="utf-8")
    summary = (pack / "summary.md").read_text(encoding="utf-8")
    assert "Not asked" not in summary and "no rules encoded" not in summary


# --- 2. scheme ids in any case, as countries and currencies ------------------------------------


def test_match_reads_a_scheme_id_in_any_case_as_its_id():
    lower = run("match", "profiles/nordlys-automation.toml", "--as-of", "2026-11-23",
                "--scheme", "dk-smv-digital")
    upper = run("match", "profiles/nordlys-automation.toml", "--as-of", "2026-11-23",
                "--scheme", "DK-SMV-DIGITAL,Dk-Smv-Digital")  # the same scheme, checked once
    assert upper.exit_code == lower.exit_code == 0, upper.stderr
    assert upper.stdout == lower.stdout


def test_a_scheme_id_that_is_none_in_any_case_is_still_refused():
    r = run("match", "profiles/nordlys-automation.toml", "--as-of", "2026-11-23",
            "--scheme", "DK-SMV-DIGITALE")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == ["Error: --scheme 'DK-SMV-DIGITALE': no such scheme",
                                     "Hint: did you mean 'dk-smv-digital'?"]


def test_show_reads_a_scheme_id_in_any_case():
    r = run("show", "NO-Bedriftsnettverk", "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == run("show", "no-bedriftsnettverk", "--as-of", "2026-11-23").stdout


def test_batch_and_shortlist_read_a_scheme_id_in_any_case():
    b = run("batch", "profiles/", "--as-of", "2026-11-23", "--scheme", "SE-Saker-Digitalisering",
            "--format", "csv")
    assert b.exit_code == 0, b.stderr
    assert "se-saker-digitalisering" in b.stdout.splitlines()[0]
    s = run("shortlist", "--input", str(REGISTRY / "mixed_enheter.csv"), "--as-of", "2026-11-23",
            "--scheme", "NO-PROSESSINNOVASJON", "--format", "table")
    assert s.exit_code == 0, s.stderr
    assert "no-prosessinnovasjon: " in s.stdout


def test_budget_reads_a_scheme_id_in_any_case_in_the_option_and_in_the_file(tmp_path):
    option = run("budget", "--scheme", "DK-SMV-DIGITAL", "--line", "consultancy=150000",
                 "--as-of", "2026-11-23")
    assert option.exit_code == 1, option.stderr  # needs information: the voucher is assumed
    assert option.stdout.startswith("SMV:Digital (dk-smv-digital): needs information")
    draft = tmp_path / "budget.toml"
    draft.write_text('[company]\nname = "Acme ApS"\ncountry = "DK"\n\n[budget]\n'
                     'scheme = "DK-SMV-Digital"\ntier = "t100"\n\n[[budget.lines]]\n'
                     'category = "consultancy"\namount = 150000\n', encoding="utf-8")
    r = run("budget", str(draft), "--as-of", "2026-11-23")
    assert r.stdout.startswith("SMV:Digital (dk-smv-digital) · tier DKK 100,000"), r.stderr
    draft.write_text(draft.read_text(encoding="utf-8").replace("DK-SMV-Digital", "SMV-Digital"),
                     encoding="utf-8")
    refused = run("budget", str(draft), "--as-of", "2026-11-23")
    assert refused.exit_code == 2
    assert f"Error: {draft}: budget.scheme: 'SMV-Digital' is not a scheme" in refused.stderr


# --- 3. batch -o FILE.gz writes gzip -------------------------------------------------------------


def _batch_to(target: Path, fmt: str):
    return run("batch", "profiles/", "--as-of", "2026-11-23", "--format", fmt, "--jobs", "1",
               "--output", str(target))


def test_batch_writes_gzip_when_the_output_name_ends_in_gz(tmp_path):
    for fmt in ("jsonl", "csv"):
        plain, packed = tmp_path / f"fits.{fmt}", tmp_path / f"fits.{fmt}.gz"
        assert _batch_to(plain, fmt).exit_code == 0
        r = _batch_to(packed, fmt)
        assert r.exit_code == 0, r.stderr
        assert f"Wrote 6 records to {packed} (0 failed)." in flat(r.stderr)
        assert packed.read_bytes()[:2] == b"\x1f\x8b"  # gzip's magic number
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
        assert plain.read_bytes()[:2] != b"\x1f\x8b"  # a name without .gz: plain text


def test_a_gz_name_in_upper_case_is_gzip_too_and_nothing_else_is_left_beside_it(tmp_path):
    target = tmp_path / "FITS.JSONL.GZ"
    assert _batch_to(target, "jsonl").exit_code == 0
    with gzip.open(target, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    assert len(records) == 6
    assert [p.name for p in tmp_path.iterdir()] == ["FITS.JSONL.GZ"]  # no temporary file left


# --- 4. COLUMNS=0, negative or not a number: as unset ------------------------------------------


def _match(columns: str | None):
    with contextlib.chdir(ROOT):
        return runner.invoke(app, ["match", "profiles/nordlys-automation.toml", "--as-of",
                                   "2026-11-23"], env={"NO_COLOR": "1", "COLUMNS": columns})


def test_columns_0_or_negative_is_read_as_unset_not_as_20_columns():
    unset = _match(None)  # piped without COLUMNS: 80 columns
    assert max(map(len, unset.stdout.splitlines())) == 80
    for columns in ("0", "-1", "-80", "abc", ""):
        assert _match(columns).stdout == unset.stdout, columns


def test_columns_1_is_still_held_at_20():
    """The other side of the edge: a width of 1 is a width, held at 20 as before."""
    narrow = _match("1")
    assert narrow.stdout == _match("20").stdout
    assert narrow.stdout.splitlines()[0] == "Nordlys Automation"


def test_stderr_is_not_wrapped_with_columns_0_as_without_columns():
    with contextlib.chdir(ROOT):
        r = runner.invoke(app, ["match", "profiles/no-such-profile.toml"],
                          env={"NO_COLOR": "1", "COLUMNS": "0"})
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == "Error: profiles/no-such-profile.toml: no such file"


def test_on_a_terminal_columns_0_gives_the_terminals_width_else_80(monkeypatch):
    """On a terminal: its own width; one that tells none (never sized) gets 80, where Rich
    would read COLUMNS=0 as 0 columns."""
    import os

    from grantcheck.cli import _common

    monkeypatch.setenv("COLUMNS", "0")
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((132, 40)))
    assert _common._width(True, sys.stdout) == 132
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    assert _common._width(True, sys.stdout) == 80
    monkeypatch.setenv("COLUMNS", "-1")  # Rich does not read it: its own 80 (None here)
    assert _common._width(True, sys.stdout) is None
