"""A new user's read, ninth round: a scheme that needs information only because its rules are not
encoded for the date (before its page's rules, past its legal basis) is not one that answers can
settle, and the answer says so: `match`'s first and last lines count it apart with the dates its
rules cover, its call cell names the date, its detail says the date first, and `batch` and
`shortlist` say it per scheme. The verdicts stay the rules' own (needs information)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import flat
from tests.support import run_in_checkout as run

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "tests" / "registry" / "data" / "enheter.csv"
# Prosess- og organisasjonsinnovasjon rests on GBER art. 29 (Reg. 651/2014, until 2026-12-31)
PO_LAST, PO_PAST = "2026-12-31", "2027-01-01"
# Innobooster People's page is known from version 3, published 2020-07-03
IP_BEFORE, IP_FIRST = "2020-07-02", "2020-07-03"


def first_sentence(stdout: str) -> str:
    return flat(stdout.split("\nRates:", 1)[0])


# --- match: the first line ---------------------------------------------------------------------


def test_past_the_legal_basis_the_first_line_counts_the_scheme_apart_with_its_last_day():
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_PAST)
    assert r.exit_code == 1, r.stderr
    assert first_sentence(r.stdout) == (
        "Hardanger Treindustri AS (NO) on 2027-01-01: no scheme fits yet — 1 needs information "
        "(Bedriftsnettverk (main projects), up to NOK 750,000); 1 has no rules encoded for the "
        "date (Prosess- og organisasjonsinnovasjon, encoded until 2026-12-31); 3 not shown "
        "(other country, closed).")
    # the verdict stays the rules' own; on the last day the legal basis applies, decided as usual
    j = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_PAST, "--format", "json")
    po = next(s for s in json.loads(j.stdout)["schemes"] if s["id"] == "no-prosessinnovasjon")
    assert (po["verdict"], po["status"]) == ("needs_information", "not_encoded")
    last = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_LAST)
    assert last.exit_code == 0, last.stderr
    assert first_sentence(last.stdout).startswith(
        "Hardanger Treindustri AS (NO) on 2026-12-31: 1 scheme fits — Prosess- og "
        "organisasjonsinnovasjon, up to NOK 3,200,000")
    assert "no rules encoded" not in last.stdout


def test_before_the_pages_rules_the_first_line_names_the_day_they_start():
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", IP_BEFORE, "--scheme",
            "dk-innobooster-people,dk-smv-digital")
    first = first_sentence(r.stdout)
    assert first == ("Kvantia ApS (DK) on 2020-07-02: no scheme fits yet — 1 needs information "
                     "(SMV:Digital, up to DKK 25,000); 1 has no rules encoded for the date "
                     "(Innobooster People (COVID-19 call), encoded from 2020-07-03).")
    first_day = run("match", "profiles/kvantia-startup.toml", "--as-of", IP_FIRST, "--scheme",
                    "dk-innobooster-people,dk-smv-digital")
    assert "no rules encoded" not in first_day.stdout
    assert first_sentence(first_day.stdout).startswith(
        "Kvantia ApS (DK) on 2020-07-03: 1 scheme fits — Innobooster People (COVID-19 call)")


def test_with_a_fit_the_first_line_still_names_the_scheme_without_rules_for_the_date():
    r = run("match", "profiles/fjordnett-network.toml", "--as-of", "2031-01-01")
    assert first_sentence(r.stdout) == (
        "Fjordnett Marin AS (NO) on 2031-01-01: 1 scheme fits — Bedriftsnettverk (main "
        "projects), up to NOK 700,000 (own funding NOK 700,000); 1 has no rules encoded for the "
        "date (Prosess- og organisasjonsinnovasjon, encoded until 2026-12-31); 3 not shown "
        "(other country, closed).")


def test_the_last_line_counts_as_the_first_and_points_to_a_scheme_answers_can_settle():
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", "2020-06-01")
    last = flat(r.stdout[r.stdout.index("In short:"):])
    assert last == ("In short: 2 need information, 2 have no rules encoded for the date, 1 not "
                    "shown (--all). Details: grantcheck match profiles/kvantia-startup.toml "
                    "--explain --scheme dk-smv-digital")


def test_explain_starts_with_the_answer_in_the_same_words():
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_PAST, "--explain")
    assert flat(r.stdout).startswith(
        "Hardanger Treindustri AS (NO) on 2027-01-01: no scheme fits yet — 1 needs information "
        "(Bedriftsnettverk (main projects), up to NOK 750,000); 1 has no rules encoded for the "
        "date (Prosess- og organisasjonsinnovasjon, encoded until 2026-12-31); 2 not applicable; "
        "1 closed.")


# --- match: the table and the details ----------------------------------------------------------


def test_the_table_lists_what_answers_can_settle_before_what_has_no_rules_for_the_date():
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", "2020-06-01")
    table = r.stdout[r.stdout.index("Scheme "):r.stdout.index("Not shown:")]
    order = [table.index(i) for i in ("dk-smv-digital", "no-prosessinnovasjon",
                                      "dk-innobooster-people", "se-saker-digitalisering")]
    assert order == sorted(order)


def test_the_call_cell_names_the_day_the_rules_end_as_budget_does():
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_PAST, columns="120")
    row = next(line for line in r.stdout.splitlines() if line.startswith("Prosess-"))
    assert "needs information" in row
    assert "rules not encoded after 2026-12-31" in r.stdout
    b = run("budget", "--scheme", "no-prosessinnovasjon", "--line", "personnel=100000",
            "--as-of", PO_PAST, columns="120")
    assert "rules not encoded after 2026-12-31" in b.stdout.split("\n", 2)[0] + b.stdout


def test_the_detail_says_the_date_first_and_the_answers_as_what_a_covered_date_asks():
    r = run("match", "profiles/nordlys-automation.toml", "--as-of", "2031-01-01")
    text = flat(r.stdout)
    po = text[text.index("Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon):"):]
    date_at = po.index("To settle Prosess- og organisasjonsinnovasjon: choose an evaluation date")
    answers_at = po.index("On a date the rules cover, also answer these 6: [company] "
                          "in_difficulty (PO11)")
    assert date_at < answers_at
    assert "Answer these 6 to settle Prosess" not in text
    last = flat(run("match", "profiles/nordlys-automation.toml", "--as-of", PO_LAST).stdout)
    assert "Answer these 6 to settle Prosess- og organisasjonsinnovasjon: [company] " \
        "in_difficulty (PO11)" in last
    assert "On a date the rules cover" not in last


# --- batch and shortlist: per scheme -----------------------------------------------------------


def _scheme_line(stdout: str, scheme: str) -> str:
    text = flat(stdout)
    start = text.index(f" {scheme}: ")
    return text[start + 1:text.index(" #", start) if " #" in text[start:] else None]


def test_batch_says_per_scheme_when_its_rules_are_not_encoded_for_the_date():
    r = run("batch", "profiles/", "--as-of", PO_PAST, columns="200")
    assert r.exit_code == 0, r.stderr
    line = _scheme_line(r.stdout, "no-prosessinnovasjon")
    assert line.endswith("; rules not encoded after 2026-12-31 (GBER art. 29): none is decided "
                         "on 2027-01-01"), line
    last = run("batch", "profiles/", "--as-of", PO_LAST, columns="200")
    assert "not encoded" not in _scheme_line(last.stdout, "no-prosessinnovasjon")


def test_shortlist_says_it_as_batch_does():
    r = run("shortlist", "--input", str(REGISTRY), "--as-of", PO_PAST, "--format", "table",
            columns="200")
    text = flat(r.stdout)
    # every unit, the bankrupt one and the salmon farm too: past GBER none is decided
    assert ("no-prosessinnovasjon: 0 fit, 4 need information; their amounts not known yet; rules "
            "not encoded after 2026-12-31 (GBER art. 29): none is decided on 2027-01-01") in text
    last = run("shortlist", "--input", str(REGISTRY), "--as-of", PO_LAST, "--format", "table",
               columns="200")
    assert "none is decided" not in last.stdout


def test_no_scheme_fits_says_yet_only_while_one_shown_can_still_fit():
    """Danbyg (a large enterprise) fits neither scheme shown: "no scheme fits", not "yet"; Kvantia,
    whose schemes need information, and a scheme with no rules for the date keep the "yet"."""
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", "2026-11-23")
    assert first_sentence(r.stdout) == ("Danbyg Holding A/S (DK) on 2026-11-23: no scheme fits — "
                                        "2 do not fit; 3 not shown (other country, closed).")
    kvantia = run("match", "profiles/kvantia-startup.toml", "--as-of", "2026-11-23")
    assert "no scheme fits yet — 2 need information" in first_sentence(kvantia.stdout)
    past = run("match", "profiles/hardanger-prosess.toml", "--as-of", PO_PAST, "--scheme",
               "no-prosessinnovasjon")
    assert "no scheme fits yet — 1 has no rules encoded for the date" in first_sentence(
        past.stdout)


# --- outreach: what a company is asked --------------------------------------------------------


def test_an_outreach_pack_never_asks_a_company_to_choose_an_evaluation_date(tmp_path):
    """Past GBER art. 29, Prosess- og organisasjonsinnovasjon's first rule is settled by another
    evaluation date: the office's to do (--as-of), said in summary.md, never a numbered question
    in a company's questionnaire or answers file. Since the tenth consistency round the facts a
    covered date asks are not asked either (no answer settles the scheme on the date; see
    tests/test_consistency10.py): a pack for that scheme alone has no company files."""
    extract = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"
    pack = tmp_path / "pack"
    r = run("outreach", "--input", str(extract), "--as-of", PO_PAST, "--scheme",
            "no-prosessinnovasjon", "--out", str(pack), columns="200")
    assert r.exit_code == 0, r.stderr
    assert [f.name for f in pack.iterdir()] == ["summary.md"]
    summary = (pack / "summary.md").read_text(encoding="utf-8")
    assert "Not asked: the questions of no-prosessinnovasjon" in summary
    assert ("no-prosessinnovasjon: 0 fit, 5 need information; their amounts not known yet; rules "
            "not encoded after 2026-12-31 (GBER art. 29): none is decided on 2027-01-01") in summary
    assert "| 0 |" not in summary


# --- init: the comment after a value ----------------------------------------------------------


def test_the_comment_after_a_value_says_which_rules_read_it_not_a_claim_about_the_company(
        tmp_path):
    """A rule's title is its requirement: after `country = "DK"`, "# PO02 The applicant is a
    Norwegian company" read as the tool calling a Danish company Norwegian."""
    target = tmp_path / "acme.toml"
    r = run("init", str(target), "--non-interactive", "--as-of", "2026-11-23",
            "--set", "company.country=DK", "--set", "company.name=Acme ApS",
            "--set", "company.sector=other")
    assert r.exit_code == 0, r.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert 'country = "DK"  # read by PO02 (The applicant is a Norwegian company)' in lines
    assert 'sector = "other"  # read by SMV35, PO12' in lines
    assert 'name = "Acme ApS"' in lines


# --- show: the first line -----------------------------------------------------------------------


def test_show_says_the_rules_are_not_encoded_and_no_amounts_not_no_cap_stated():
    """On a date its rules are not encoded for, no amount is worked out (as in match and
    schemes): "no cap stated" said the page states no cap (Innobooster People's is DKK
    1,080,000)."""
    past = run("show", "no-prosessinnovasjon", "--as-of", PO_PAST)
    assert flat(past.stdout).startswith(
        "Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon) on 2027-01-01: rules not "
        "encoded after 2026-12-31 (GBER art. 29); no amounts on this date ")
    last = run("show", "no-prosessinnovasjon", "--as-of", PO_LAST)
    assert flat(last.stdout).startswith(
        "Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon) on 2026-12-31: open, no "
        "deadline stated; no cap stated ")
    before = run("show", "dk-innobooster-people", "--as-of", IP_BEFORE)
    assert flat(before.stdout).startswith(
        "Innobooster People (COVID-19 call) (dk-innobooster-people) on 2020-07-02: rules not "
        "encoded before 2020-07-03 (the page's rules); no amounts on this date ")
    first = run("show", "dk-innobooster-people", "--as-of", IP_FIRST)
    assert "; up to DKK 1,080,000 " in flat(first.stdout).split("Innovationsfonden", 1)[0]


# --- batch: the progress bar --------------------------------------------------------------------


def test_the_progress_bar_counts_without_a_plural_after_one(monkeypatch):
    """"1 profiles checked" read wrong: the count comes after the words."""
    from grantcheck.cli import batch as cli_batch

    monkeypatch.setattr(cli_batch, "_stderr_is_terminal", lambda: True)
    r = run("batch", "profiles/nordlys-automation.toml", "--format", "csv", "--jobs", "1",
            "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    assert "profiles checked: 1" in r.stderr
    assert "1 profiles checked" not in r.stderr


# --- budget --help: --scheme says its default as the command's text does -------------------------


def test_budget_help_says_the_default_schemes_as_budget_picks_them():
    """The option said "every scheme the profile could fit" while the text above it (and the
    code) picks the open schemes match shows the company that fit it, else those that need
    information."""
    r = run("budget", "--help", columns="200")
    assert r.exit_code == 0
    text = flat(r.stdout)
    assert ("Default: budget.scheme, else the open schemes match shows the company that fit it "
            "(else those that need information).") in text
    assert "could fit" not in text


def test_match_help_says_where_a_closed_call_is_shown():
    """"Calls closed on this date are shown as closed" while the default view leaves them out,
    naming them in its "Not shown" line."""
    r = run("match", "--help", columns="200")
    text = flat(r.stdout)
    assert ("Evaluation date (default: today): the rules, rates and calls in force on it. A call "
            "closed on it is named in the 'Not shown' line with the verdict it would have had "
            "(--all shows it in full).") in text


# --- init: a scheme with no rules for the date ------------------------------------------------


def test_init_says_which_schemes_it_asks_for_have_no_rules_for_the_date(tmp_path):
    """As match's answer: past GBER art. 29 the questions for Prosess- og
    organisasjonsinnovasjon settle it only on a date the rules cover; on its last day, nothing
    is said."""
    def intro(on: str) -> str:
        r = runner.invoke(app, ["init", str(tmp_path / f"{on}.toml"), "--as-of", on],
                          input="NO\nFjord AS\n" + "\n" * 200,
                          env={"NO_COLOR": "1", "COLUMNS": "200"})
        assert r.exit_code == 0, r.stderr
        return flat(r.stderr[r.stderr.index("Questions for:"):r.stderr.index("Not asked:")])

    assert intro(PO_PAST) == (
        "Questions for: Bedriftsnettverk (main projects) (no-bedriftsnettverk), Prosess- og "
        "organisasjonsinnovasjon (no-prosessinnovasjon; rules not encoded after 2026-12-31 (GBER "
        "art. 29): its answers settle it on a date the rules cover).")
    assert intro(PO_LAST) == (
        "Questions for: Bedriftsnettverk (main projects) (no-bedriftsnettverk), Prosess- og "
        "organisasjonsinnovasjon (no-prosessinnovasjon).")
