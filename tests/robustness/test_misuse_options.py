"""Misuse, second round: options given wrong (types, ranges, twice), odd environments, odd
files; through typer's CliRunner, stdout and stderr apart."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
NORDLYS = str(ROOT / "profiles" / "nordlys-automation.toml")
AS_OF = "2026-11-01"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin,
                         env={"NO_COLOR": "1", "COLUMNS": "120", **(env or {})})


def test_a_huge_columns_is_held_to_a_thousand():
    """COLUMNS=99999999999999999999 stopped `show` and `budget` with an internal error
    (OverflowError) and `match --explain` with a MemoryError; 10,000,000 ran for minutes."""
    for args in (("show", "dk-smv-digital"), ("budget", NORDLYS, "--as-of", AS_OF),
                 ("match", NORDLYS, "--as-of", AS_OF, "--explain")):
        r = run(*args, env={"COLUMNS": "99999999999999999999"})
        assert r.exit_code in (0, 1), r.output
        assert max(len(line) for line in r.stdout.splitlines()) <= 1000
