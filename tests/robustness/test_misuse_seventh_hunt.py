"""Misuse, seventh round, what the hunt found beyond the leads: a fraction far down in a whole
number, a NUL written as an escape in TOML, command-line options in pydantic's words or
called not plain when they are. Through typer's CliRunner, as a script runs it."""

from __future__ import annotations

import pytest

from tests.robustness.helpers import AS_OF, PROFILES, TINY, assert_clean_error, cli, problems, run

NORDLYS = str(PROFILES / "nordlys-automation.toml")
TOP = TINY


@pytest.mark.parametrize("written", ["1e-999999999", "1.0000000000000000000000000000001"])
def test_a_count_with_a_fraction_far_down_is_no_whole_number_and_said_at_once(written):
    """pydantic-core took minutes to find the fraction of 1e-999999999 (found by hypothesis,
    every field given odd values)."""
    assert problems(TOP + f"[application]\ncv_max_pages = {written}\n") == [
        f"application.cv_max_pages: must be a whole number (got {written.upper()})"]


def test_a_tiny_amount_is_read_and_shown_without_its_digits_written_out():
    text = TOP + "employees_fte = 1e-999999999\nturnover = 1e-999999999\n"
    r = run("match", "-", "--as-of", AS_OF, "--explain", stdin=text)
    assert r.exit_code in (0, 1), r.stderr[:500]
    assert len(r.stdout) < 200_000


def test_a_nul_written_as_an_escape_in_toml_is_refused_as_a_raw_one_is():
    """It went into a CSV cell as a NUL byte; a JSON line's \\u0000 and a raw NUL in TOML were
    refused already."""
    assert problems(TOP.replace("Tiny", "Ti\\u0000ny")) == [
        "company.name: contains a NUL character (\\u0000) (got 'Ti\\x00ny ApS')"]


def test_other_control_characters_are_kept_as_written_and_escaped_when_shown():
    text = TOP.replace("Tiny", "Ti\\u001b[31mny")
    assert problems(text) == []
    r = run("match", "-", "--as-of", AS_OF, stdin=text)
    assert "\x1b[31m" not in r.stdout and "Ti\\x1b[31mny ApS" in r.stdout


def test_jobs_that_is_not_a_whole_number_is_said_in_our_words():
    """The console script's own handling of a usage error (CliRunner shows typer's)."""
    r = cli("batch", NORDLYS, "--jobs", "1e3")
    err = assert_clean_error(r, "Error: Invalid value for '--jobs' / '-j': must be a whole "
                             "number, e.g. 2\n")
    assert "unable to parse" not in err


@pytest.mark.parametrize("value", ["9" * 50, "0." + "0" * 50 + "1"])
def test_a_rate_too_long_to_be_one_is_out_of_range_not_unplain(value):
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", f"DKK={value}")
    assert r.exit_code == 2
    assert "the rate must be at least 0.0001 and at most 1,000,000 units per euro" in r.stderr
    assert "not a plain decimal" not in r.stderr


@pytest.mark.parametrize("args", [
    ["show", "x" * 100_000], ["match", NORDLYS, "--scheme", "x" * 100_000],
    ["batch", NORDLYS, "--scheme", "," * 100_000],
    ["match", NORDLYS, "--rate", "DKK=7.45", "--rate", "DKK=" + " " * 100_000 + "7.46"]])
def test_a_long_value_of_an_option_is_cut_in_its_error(args):
    """A 100,000-character scheme id was quoted whole in `no such scheme` (docs/limits.md:
    values quoted in messages are cut at 60 characters)."""
    r = cli(*args, "--as-of", AS_OF)
    err = assert_clean_error(r)
    assert "characters)" in err and len(err) < 2000, len(err)


def test_the_json_schema_holds_text_to_the_cap_and_leaves_numbers_as_text_alone():
    """An editor checking a profile with `grantcheck schema` sees the cap the model has."""
    from grantcheck.amounts import MAX_TEXT
    from grantcheck.schema import profile_schema

    defs = profile_schema()["$defs"]
    assert defs["Company"]["properties"]["name"]["maxLength"] == MAX_TEXT
    assert defs["Project"]["properties"]["title"]["anyOf"][0]["maxLength"] == MAX_TEXT
    assert "maxLength" not in str(defs["Project"]["properties"]["budget_total"])
    assert "maxLength" not in str(defs["Company"]["properties"]["employees_fte"])


@pytest.mark.parametrize("args", [["schema"], ["batch", NORDLYS, "--as-of", AS_OF]])
def test_an_output_link_into_a_missing_folder_names_that_folder(tmp_path, args):
    """It was `Error: --output out.json: No such file or directory`, without a hint; with
    --force a symbolic link is followed (docs/limits.md)."""
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "gone" / "out.json")
    r = run(*args, "--output", str(link), "--force")
    assert r.exit_code == 2, r.stderr
    assert f"Error: --output {link}: the folder {tmp_path / 'gone'} does not exist" in r.stderr
    assert "Hint: make it first" in r.stderr
    (tmp_path / "gone").mkdir()
    r = run(*args, "--output", str(link), "--force")
    assert r.exit_code == 0, r.stderr
    assert link.is_symlink() and (tmp_path / "gone" / "out.json").stat().st_size > 0
