"""A yes or no written as a word in a profile (``listed = yes``) is a TOML syntax error; the
hint says how TOML writes it, with the key and the value meant (found by a new user's read,
round 12: the error had no hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CHECKOUT
from tests.support import run_in_checkout as run

NORDLYS = (CHECKOUT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")


def _with_listed(tmp_path: Path, value: str) -> str:
    lines = [f"listed = {value}" if line.startswith("listed =") else line
             for line in NORDLYS.splitlines()]
    assert f"listed = {value}" in lines
    p = tmp_path / "p.toml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(p)


@pytest.mark.parametrize(("written", "meant"), [
    ("yes", "true"), ("Yes", "true"), ("ja", "true"), ("True", "true"),
    ("no", "false"), ("Nej", "false"), ("nei", "false"), ("FALSE", "false"),
    ("no  # not on a stock exchange", "false"),
])
def test_a_yes_or_no_written_as_a_word_gets_the_toml_spelling(tmp_path, written, meant):
    r = run("validate", _with_listed(tmp_path, written))
    assert r.exit_code == 2, r.stdout + r.stderr
    assert "TOML syntax error" in r.stderr
    assert (f"Hint: TOML writes a yes or no as true or false, in lower case: listed = {meant}"
            in r.stderr)


@pytest.mark.parametrize("written", ["maybe", "'yes", "yes yes"])
def test_another_invalid_value_gets_no_yes_or_no_hint(tmp_path, written):
    r = run("match", _with_listed(tmp_path, written), "--as-of", "2026-11-23")
    assert r.exit_code == 2, r.stdout + r.stderr
    assert "TOML syntax error" in r.stderr
    assert "yes or no" not in r.stderr
