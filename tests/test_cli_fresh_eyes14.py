"""A new user's read, fourteenth round: a company owner, a grant adviser and a business-promotion
office follow the README, docs/ and each command's --help; what each saw that the help, the
docs and the behaviour did not agree on, or that an error did not say plainly."""

from __future__ import annotations

from pathlib import Path

from tests.support import flat
from tests.support import run_in_checkout as run

AS_OF = "2026-11-23"


# --- budget --help: every reason for exit code 1 ----------------------------------------------


def test_budget_help_names_every_reason_for_exit_code_1(tmp_path: Path) -> None:
    """A profile no open scheme can fit exits 1 with nothing checked ("nothing to check the
    budget against"): README and docs/budget.md said so, budget --help did not."""
    text = (Path(__file__).parent.parent / "profiles" / "norrsken-science-park.toml").read_text(
        encoding="utf-8")
    profile = tmp_path / "norrsken.toml"  # its Swedish call closed: no open scheme fits it
    profile.write_text(text.replace('scheme = "se-saker-digitalisering"', ""), encoding="utf-8")
    r = run("budget", str(profile), "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "nothing to check the budget against" in r.stderr
    shown = flat(run("budget", "--help", columns="200").stdout)
    assert ("1 when one breaks a rule, needs information or is for a closed call, or when no "
            "open scheme could fit the profile (nothing to check it against)") in shown


# --- a date in a profile that is no day -------------------------------------------------------


def _validate(tmp_path: Path, value: str) -> str:
    profile = tmp_path / "p.toml"
    profile.write_text(f'[company]\nname = "X"\ncountry = "DK"\nfounded = {value}\n',
                       encoding="utf-8")
    r = run("validate", str(profile))
    assert r.exit_code == 2, r.stdout + r.stderr
    return r.stderr.splitlines()[0]


def test_a_month_past_12_or_a_day_past_31_is_named_as_no_day_at_the_dates_column(
        tmp_path: Path) -> None:
    """`founded = 2020-13-01` said "TOML syntax error: Expected newline or end of document
    after a statement" at column 13 (the parser read 2020 as a number and stopped at the '-');
    2020-02-30 was already named ("is no day: February 2020 has 29 days")."""
    assert _validate(tmp_path, "2020-13-01").endswith(
        "p.toml:4:11: TOML syntax error: 2020-13-01 is no day: a month is 01 to 12")
    assert _validate(tmp_path, "2020-12-32").endswith(
        "p.toml:4:11: TOML syntax error: 2020-12-32 is no day: December 2020 has 31 days")
    assert _validate(tmp_path, "2020-00-10").endswith(
        "TOML syntax error: 2020-00-10 is no day: a month is 01 to 12")
    # the other side: a day of the calendar is read, one the parser sees as a date is said so
    assert _validate(tmp_path, "2020-02-30").endswith(
        "p.toml:4:11: TOML syntax error: 2020-02-30 is no day: February 2020 has 29 days")


def test_a_date_without_two_digits_for_the_month_is_said_to_be_written_yyyy_mm_dd(
        tmp_path: Path) -> None:
    assert _validate(tmp_path, "2020-1-05").endswith(
        "p.toml:4:11: TOML syntax error: 2020-1-05 is not a date: TOML writes one YYYY-MM-DD, "
        "two digits for the month and the day")
    # a number followed by something else is still the parser's own words
    assert _validate(tmp_path, "2020 x").endswith(
        "TOML syntax error: Expected newline or end of document after a statement")
