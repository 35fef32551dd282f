"""A new user's read, thirteenth round: `init`, then `validate`, then `match` on the profile
`init` wrote, as a first-time user goes; `show`'s figures in euros said in the scheme's currency
at the rate `match` compares them with, and that rate's date."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support import flat
from tests.support import run_in_checkout as run

AS_OF = "2026-11-23"
# Innobooster People's call was open until 2020-12-01: a date inside it
IP_OPEN = "2020-11-15"


# --- init, validate, match: a first profile -------------------------------------------------


def _first_profile(tmp_path: Path, on: str = AS_OF) -> tuple[Path, str]:
    """What a first-time user does: `init` with the country and the name, Enter for the rest
    ("don't know"); the profile's path and what `init` said on stderr."""
    from typer.testing import CliRunner

    from grantcheck.cli import app

    target = tmp_path / "acme.toml"
    r = CliRunner().invoke(app, ["init", str(target), "--as-of", on], input=_answers(),
                           env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 0, r.stdout + r.stderr
    assert target.exists()
    return target, r.stderr


def test_the_first_profile_is_valid_and_match_counts_a_document_that_may_not_be_needed_apart(
        tmp_path: Path) -> None:
    """Acme (DK, nothing else known) lacks SMV:Digital's application and business case, and
    the explanation of its cvr.dk FTE figure only if that figure is wrong: the table said
    "3 docs missing" while the scheme's detail below said two and "1 more if needed"."""
    target, _ = _first_profile(tmp_path)
    assert run("validate", str(target)).stdout == f"{target}: OK\n"
    r = run("match", str(target), "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    row = r.stdout.split("dk-smv-digital", 1)[1].split("Prosess-", 1)[0]
    assert "3 docs missing" not in row
    assert "2 docs missing" in row and "1 more if needed" in row
    assert ("Missing documents (in full: --explain): SMV:Digital application; business case "
            "for the investment in new hardware or software; 1 more if needed") in flat(r.stdout)


def _answers(*given: str) -> str:
    """The input of a first-time user of `init` for a Danish company on 2026-11-23: the country,
    the name, then ``given`` (question 3 on), Enter ("don't know") for the rest."""
    return "\n".join(("DK", "Acme ApS", *given)) + "\n" * 120


def test_how_many_related_enterprises_is_asked_as_a_count_and_none_is_read_as_0(tmp_path):
    """Question 16 read "How many entries in company.related? (partner and linked enterprises;
    [] for none)"; answered "[]" as it said, it was refused: "'[]' is not a whole number", and
    a piped init stopped there."""
    from typer.testing import CliRunner

    from grantcheck.cli import app

    for none in ("[]", "none", "0"):
        target = tmp_path / f"acme-{len(none)}.toml"
        r = CliRunner().invoke(app, ["init", str(target), "--as-of", AS_OF],
                               input=_answers(*[""] * 13, none),
                               env={"NO_COLOR": "1", "COLUMNS": "200"})
        assert r.exit_code == 0, r.stderr
        assert "How many entries in company.related? (partner and linked enterprises)\n" in (
            r.stderr)
        assert "enterprises; [] for none" not in r.stderr
        assert "\nrelated = []  # read by " in target.read_text("utf-8")


def test_a_document_only_maybe_needed_is_counted_as_such_at_60_columns_too():
    """Kvantia holds none of SMV:Digital's application documents: the application is
    missing, the FTE explanation only if its cvr.dk figure is wrong."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF, columns="60")
    assert r.exit_code == 1, r.stdout + r.stderr
    smv = r.stdout.split("Scheme: SMV:Digital", 1)[1].split("Scheme:", 1)[0]
    assert "1 doc missing\n1 more if needed\n" in smv
    assert "2 docs missing" not in smv


def test_explain_says_when_a_document_that_may_not_be_needed_is_needed():
    """--explain listed Kvantia's FTE explanation among the missing documents as if it were
    needed for sure; the default view said "1 more if needed"."""
    r = run("match", "profiles/kvantia-startup.toml", "--explain", "--scheme", "dk-smv-digital",
            "--as-of", AS_OF, columns="200")
    text = flat(r.stdout)
    assert ("Missing documents: SMV:Digital application (template), sent when a pool opens; "
            "explanation in the company description of the application why the cvr.dk FTE "
            "figure is not right (only if needed: when the FTE figure on cvr.dk is not right "
            "(company.fte_differs_from_cvr))") in text
    assert "sent when a pool opens (only if needed" not in text


def test_a_document_needed_for_sure_is_counted_as_before():
    """Hardanger lacks Bedriftsnettverk's two application documents, both needed."""
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", AS_OF)
    row = r.stdout.split("no-bedriftsnettverk", 1)[1].split("\n\n", 1)[0]
    assert "2 docs missing" in row
    assert "if needed" not in row


def test_init_on_another_date_says_to_match_on_that_date(tmp_path: Path) -> None:
    """`init --as-of 2020-11-15` asks Innobooster People's questions (its call open then); its
    next step was `grantcheck match acme.toml`, which evaluates today, when that call is
    closed and no longer shown."""
    target, said = _first_profile(tmp_path, IP_OPEN)
    assert flat(said).endswith(f"Next: grantcheck match {target} --as-of {IP_OPEN}"), said
    header = target.read_text("utf-8").split("\n\n", 1)[0]
    assert f"grantcheck match {target} --as-of {IP_OPEN}" in flat(header.replace("# ", ""))
    r = run("match", str(target), "--as-of", IP_OPEN)
    assert "Innobooster People (COVID-19 call)" in r.stdout.split("\n\n", 1)[0]


def test_init_non_interactive_on_another_date_says_it_too(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS", "--as-of", IP_OPEN)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert r.stderr.splitlines()[-1].endswith(f"--as-of {IP_OPEN}")


# --- show: amounts in euros ------------------------------------------------------------------


def test_show_states_a_euro_parameter_in_the_schemes_currency_with_the_rate_and_its_date():
    """SMV:Digital's page caps turnover at 'maksimalt 50 mio. euro': `show` listed EUR
    50,000,000 with no rate anywhere, while `match` compares it in DKK at a dated rate."""
    r = run("show", "dk-smv-digital", "--as-of", AS_OF, columns="100")
    assert r.exit_code == 0, r.stdout + r.stderr
    params = flat(r.stdout.split("Parameters (values on 2026-11-23)", 1)[1])
    assert params.startswith("EUR amounts in DKK at 1 EUR = 7.4736 DKK (ECB, InforEuro 2026-11, "
                             "rate of 2026-10-29), as `grantcheck match` compares them")
    assert "smv_turnover_max = EUR 50,000,000 = DKK 373,680,000" in params
    assert "de_minimis_ceiling = EUR 300,000 = DKK 2,242,080" in params
    # the same figure match compares the company's turnover with
    m = run("match", "profiles/nordlys-automation.toml", "--explain", "--scheme",
            "dk-smv-digital", "--as-of", AS_OF, columns="200")
    assert "EUR 50,000,000 = DKK 373,680,000" in flat(m.stdout)


def test_show_json_gives_the_converted_figure_and_the_rate():
    data = json.loads(run("show", "no-prosessinnovasjon", "--as-of", AS_OF, "--format",
                          "json").stdout)
    assert data["exchange_rate"]["per_eur"] == "10.3315"
    assert data["exchange_rate"]["date"] == "2026-10-29"
    threshold = next(p for p in data["parameters"] if p["name"] == "po_notification_threshold")
    assert threshold["in_scheme_currency"] == {"amount": "77486250", "currency": "NOK"}


def test_show_takes_a_rate_as_match_does():
    r = run("show", "no-prosessinnovasjon", "--as-of", AS_OF, "--rate", "NOK=11.50",
            columns="100")
    assert r.exit_code == 0, r.stdout + r.stderr
    text = flat(r.stdout)
    assert "EUR amounts in NOK at 1 EUR = 11.50 NOK (user override, rate of 2026-11-23)" in text
    assert "po_notification_threshold = EUR 7,500,000 = NOK 86,250,000" in text


def test_show_warns_on_stderr_when_the_rate_is_older_than_the_date():
    """Past the shipped table's last month the newest rate stands in, as in `match`: the
    warning names its date and the option that gives a current one."""
    r = run("show", "dk-smv-digital", "--as-of", "2031-01-01")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Warning: the DKK rate is from " in r.stderr
    assert "--rate DKK=…" in r.stderr
    assert "Warning" not in r.stdout
    fresh = run("show", "dk-smv-digital", "--as-of", AS_OF)
    assert "Warning" not in fresh.stderr


def test_show_says_when_no_rate_converts_a_euro_figure():
    """Before the rate table's first month (2014-01) no rate is guessed."""
    r = run("show", "no-bedriftsnettverk", "--as-of", "2013-06-01", columns="100")
    assert r.exit_code == 0, r.stdout + r.stderr
    text = flat(r.stdout)
    assert ("EUR amounts are not converted: no ECB rate for NOK before 2014-01; give one with "
            "--rate NOK=…") in text
    assert "sme_medium_turnover_max = EUR 50,000,000 Commission" in text


def test_show_of_a_scheme_with_no_euro_figure_states_no_rate():
    data = json.loads(run("show", "se-saker-digitalisering", "--as-of", AS_OF, "--format",
                          "json").stdout)
    assert data["exchange_rate"] is None


# --- docs: the example profiles --------------------------------------------------------------


def _examples() -> list[tuple[str, str, list[str]]]:
    """docs/profile.md's table of the example profiles: file, what it fits, the command."""
    import re

    from tests.support import CHECKOUT

    text = (CHECKOUT / "docs" / "profile.md").read_text("utf-8")
    return [(m[1], m[2], m[3].split()[2:]) for m in re.finditer(
        r"^\| `(profiles/[^`]+)` \| ([^|]+) \| `(grantcheck match [^`]+)` \|$", text, re.M)]


def test_each_example_profile_fits_what_the_profile_page_says_on_the_date_its_command_gives():
    """The page said `grantcheck match profiles/hardanger-prosess.toml` fits Prosess- og
    organisasjonsinnovasjon, with no date: from 2027-01-01 (past GBER art. 29, the rules'
    end) it cannot. A row whose scheme's rules end states its date; the others are run on
    2026-11-23."""
    rows = _examples()
    assert len(rows) == 6
    for path, fits, args in rows:
        if "--as-of" not in args:
            args = [*args, "--as-of", AS_OF]
        r = run("match", *args)
        first = flat(r.stdout.split("\nRates:", 1)[0])
        if fits.startswith("none"):
            assert r.exit_code == 1 and "no scheme fits" in first, (path, first)
            continue
        assert r.exit_code == 0, (path, r.stdout + r.stderr)
        name = fits.split(",")[0].split(" (")[0].replace("Säker digitalisering", "säker "
                                                          "digitalisering")
        assert "1 scheme fits — " in first and name in first, (path, first)
    hardanger = next(a for p, _, a in rows if p == "profiles/hardanger-prosess.toml")
    assert hardanger[-2:] == ["--as-of", AS_OF]


# --- filling in the profile init wrote ---------------------------------------------------------


def _filled(target: Path, old: str, new: str) -> int:
    """``target`` with the line that starts with ``old`` starting with ``new`` instead (as a
    user edits it); the line's number."""
    lines = target.read_text("utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[n] = new + lines[n].removeprefix(old)
    target.write_text("\n".join(lines), "utf-8")
    return n + 1


def test_a_question_uncommented_without_its_answer_gets_a_hint(tmp_path: Path) -> None:
    """The profile's header says: write the value in place of ? and remove the '# '. Removing
    the '# ' first gave only "TOML syntax error: Invalid value"."""
    target, _ = _first_profile(tmp_path)
    n = _filled(target, "# employees_fte = ?", "employees_fte = ?")
    r = run("validate", str(target))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: {target}:{n}:17: TOML syntax error: Invalid value",
        "Hint: employees_fte = ? is a question not answered yet: write the value in place of ? "
        "(the comment after it gives an example), or leave it unknown as '# employees_fte = ?'"]
    # match reads it alike
    assert run("match", str(target), "--as-of", AS_OF).stderr.splitlines()[1].startswith(
        "Hint: employees_fte = ? is a question not answered yet")
    # answered, it is read
    _filled(target, "employees_fte = ?", "employees_fte = 14.5")
    assert run("validate", str(target)).exit_code == 0


def test_a_value_that_is_not_a_question_gets_no_such_hint(tmp_path: Path) -> None:
    target = tmp_path / "p.toml"
    target.write_text('[company]\nname = "A"\ncountry = "DK"\nemployees_fte = ??\n', "utf-8")
    r = run("validate", str(target))
    assert r.exit_code == 2
    assert "question not answered" not in r.stderr


def test_a_field_below_a_table_header_left_commented_names_that_header(tmp_path: Path) -> None:
    """init writes a table it has no answer for commented out, '# [company.previous_year]
    # unknown: remove the '# ' here and below when you know'. Uncommenting the field alone put
    it in [company]: "company.staff: unknown field", and no hint."""
    target, _ = _first_profile(tmp_path)
    header = _filled(target, "# [company.previous_year]", "# [company.previous_year]")
    n = _filled(target, "# staff = ?", "staff = 15")
    r = run("validate", str(target))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: {target}:{n}: company.staff: unknown field",
        f"Hint: [company.previous_year] has a field staff, but its header, line {header}, is "
        "still a comment: remove the '# ' in front of it"]


def test_the_header_of_a_table_left_unknown_reads_once_its_hash_is_removed(tmp_path: Path):
    """The header said "(unknown: remove the '# ' here and below when you know)" after the
    table's name, not in a comment: removing the '# ' as it says gave "TOML syntax error:
    Expected newline or end of document after a statement"."""
    target, _ = _first_profile(tmp_path)
    _filled(target, "# [company.previous_year]", "[company.previous_year]")
    _filled(target, "# staff = ?", "staff = 15")
    r = run("validate", str(target))
    assert r.exit_code == 0, r.stderr
    m = run("match", str(target), "--as-of", AS_OF, "--format", "json")
    assert json.loads(m.stdout)["profile"]["name"] == "Acme ApS"


def test_the_documents_held_below_their_commented_header_name_it(tmp_path: Path) -> None:
    target, _ = _first_profile(tmp_path)
    header = _filled(target, "# [documents]", "# [documents]")
    _filled(target, "# held = ?", 'held = ["smv_application"]')
    r = run("validate", str(target))
    assert (f"Hint: [documents] has a field held, but its header, line {header}, is still a "
            "comment: remove the '# ' in front of it") in r.stderr


def test_an_unknown_field_under_a_real_header_gets_no_commented_header_hint(tmp_path: Path):
    """A comment that looks like a header above the table's own header is not the key's."""
    target = tmp_path / "p.toml"
    target.write_text('# [company.previous_year]\n[company]\nname = "A"\ncountry = "DK"\n'
                      "staff = 3\n", "utf-8")
    r = run("validate", str(target))
    assert r.exit_code == 2
    assert "still a comment" not in r.stderr


EMPTY_HINT = ("Hint: economic_activity_in_norway = has no value: write the value after the = (the "
              "comment above or after it says what kind), or leave it unknown as "
              "'# economic_activity_in_norway ='")


def test_a_key_uncommented_with_no_value_gets_a_hint(tmp_path: Path) -> None:
    """An outreach pack's answers file writes each question as '# key = ': removing the '#'
    before writing the value gave a bare "TOML syntax error: Invalid value"."""
    target = tmp_path / "p.toml"
    target.write_text('[company]\nname = "A"\ncountry = "NO"\n'
                      "economic_activity_in_norway = \n", "utf-8")
    r = run("validate", str(target))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: {target}:4:31: TOML syntax error: Invalid value",
        EMPTY_HINT]


def test_an_answers_file_with_a_key_left_empty_gets_the_same_hint_in_batch(tmp_path: Path):
    """`outreach` then `batch --profiles`: the answers file of FJORDLYS AS with a question
    uncommented and not answered; the hint was "mend it, or move it out of the folder"."""
    pack = tmp_path / "pack"
    registry = "tests/registry/data/mixed_enheter.csv"
    r = run("outreach", "--input", registry, "--as-of", AS_OF, "--out", str(pack))
    assert r.exit_code == 0, r.stdout + r.stderr
    answers = pack / "923609016.toml"
    n = _filled(answers, "# economic_activity_in_norway = ", "economic_activity_in_norway = ")
    r = run("batch", "--input", registry, "--profiles", str(pack), "--as-of", AS_OF,
            "--format", "csv")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: {answers}:{n}:31: cannot be read: TOML syntax error: Invalid value",
        EMPTY_HINT]


# --- help that says what is not so -------------------------------------------------------------


def test_match_help_names_the_pager_as_it_is_chosen():
    """`--no-pager`'s help said "default: less -R": the pager is GRANTCHECK_PAGER, else PAGER,
    else less with LESS=FRX (grantcheck/cli/pager.py, docs/commands.md)."""
    text = flat(run("match", "--help", columns="200").stdout)
    assert ("--no-pager Never page a long output on a terminal (the pager: GRANTCHECK_PAGER, "
            "else PAGER, else less, with LESS=FRX unless LESS is set).") in text
    assert "less -R" not in text


def test_show_help_says_euro_figures_are_given_in_the_schemes_currency():
    text = flat(run("show", "--help", columns="200").stdout)
    assert ("A parameter in euros is also given in the scheme's currency, at the rate match "
            "compares it with (its date said; --rate overrides it).") in text
