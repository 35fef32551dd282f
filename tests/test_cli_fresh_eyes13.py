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
    r = CliRunner().invoke(app, ["init", str(target), "--as-of", on],
                           input="DK\nAcme ApS\n" + "\n" * 120,
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


def test_a_document_only_maybe_needed_is_counted_as_such_at_60_columns_too():
    """Kvantia holds none of SMV:Digital's application documents: the application is
    missing, the FTE explanation only if its cvr.dk figure is wrong."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF, columns="60")
    assert r.exit_code == 1, r.stdout + r.stderr
    smv = r.stdout.split("Scheme: SMV:Digital", 1)[1].split("Scheme:", 1)[0]
    assert "1 doc missing\n1 more if needed\n" in smv
    assert "2 docs missing" not in smv


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
