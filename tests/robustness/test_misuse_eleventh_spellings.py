"""The option-given-twice check and the wide-text check run only where they can find something
(start-up, issue 20): an option is watched only when two words of the command line may name it,
and a profile is looked at for UTF-16/32 only when its start has a zero byte or a UTF-16 byte
order mark. These tests hold that nothing is missed by either shortcut: every spelling click
accepts for an option given twice, and every start of a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grantcheck import wide_text
from grantcheck.profile import load
from grantcheck.wide_text import SAMPLE, may_be_wide, wide_encoding
from tests.robustness.helpers import AS_OF, PROFILES, run

NORDLYS = str(PROFILES / "nordlys-automation.toml")


@pytest.mark.parametrize("args", [
    ["--as-of=2026-01-01", "--as-of", AS_OF],
    ["--as-of", "2026-01-01", f"--as-of={AS_OF}"],
])
def test_an_option_given_twice_in_any_spelling_is_said(args: list[str]) -> None:
    r = run("match", NORDLYS, *args)
    assert r.stderr.startswith(f"Warning: --as-of is given twice, '2026-01-01' and '{AS_OF}'")


@pytest.mark.parametrize("args", [["-fjson", "-f", "table"], ["--format=json", "-ftable"]])
def test_a_short_option_with_its_value_attached_counts_too(args: list[str]) -> None:
    r = run("match", NORDLYS, "--as-of", AS_OF, *args)
    assert r.stderr.startswith("Warning: --format is given twice, 'json' and 'table'")


def test_an_output_given_long_and_short_attached_is_refused(tmp_path: Path) -> None:
    r = run("schema", f"--output={tmp_path / 'a.json'}", f"-o{tmp_path / 'b.json'}")
    assert r.exit_code == 2
    assert "Error: --output is given twice" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_option_once_and_a_value_like_an_option_are_not_said() -> None:
    r = run("match", NORDLYS, "--as-of", AS_OF, "-f", "json")
    assert "given twice" not in r.stderr


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=80) | st.text(max_size=40).map(
    lambda s: s.encode(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-16"][len(s) % 5])))
def test_the_shortcut_misses_no_wide_start(head: bytes) -> None:
    """Whatever a file starts with, the shortcut gives what the whole test gives, and the
    profile reader's inlined shortcut is may_be_wide."""
    assert wide_encoding(head) == wide_text._told(head)
    inlined = head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:load._WIDE_SAMPLE]
    assert inlined == may_be_wide(head)
    assert load._WIDE_SAMPLE == SAMPLE
