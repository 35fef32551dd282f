"""`budget FILE --scheme X` when FILE's budget names another scheme: --scheme wins, as before,
and stderr says so (it checked against X silently, the file's budget.scheme unsaid)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
FJORDNETT = str(ROOT / "profiles" / "fjordnett-network.toml")  # budget.scheme no-bedriftsnettverk
runner = CliRunner()


def notes(*args: str) -> list[str]:
    r = runner.invoke(app, ["budget", FJORDNETT, "--as-of", "2026-11-23", *args],
                      env={"NO_COLOR": "1", "COLUMNS": "300"})
    assert r.exit_code in (0, 1), r.stderr
    return [line for line in r.stderr.splitlines() if line.startswith("Note: ")]


def test_another_scheme_given_is_said() -> None:
    assert notes("--scheme", "no-prosessinnovasjon") == [
        f"Note: {FJORDNETT} names budget.scheme = 'no-bedriftsnettverk'; checked against "
        "no-prosessinnovasjon as --scheme asks"]


def test_the_files_own_scheme_given_in_any_case_or_none_given_says_nothing() -> None:
    assert notes("--scheme", "NO-Bedriftsnettverk") == []
    assert notes("--scheme", "no-bedriftsnettverk") == []
    assert notes() == []
