"""What a new user stumbled on, read with fresh eyes (2026-12-07): each test fails on the output
as it was. Presentation only: no verdict, amount or rule is touched. CliRunner, colour off, a
fixed --as-of, COLUMNS set."""

from __future__ import annotations

import contextlib
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, columns: str = "80"):
    with contextlib.chdir(ROOT):
        return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": columns})


def words(text: str) -> str:
    return " ".join(text.split())


def test_match_names_every_missing_document_and_where_to_read_them_in_full():
    """Hardanger lacks two documents for Bedriftsnettverk: the table counted two and named only
    the first, and nothing said how to see the second."""
    for columns in ("80", "40"):
        r = run("match", "profiles/hardanger-prosess.toml", "--as-of", AS_OF, columns=columns)
        assert r.exit_code == 0, r.stdout + r.stderr
        out = words(r.stdout)
        assert "2 docs missing" in out
        assert ("Missing documents (in full: --explain): Intensjonsavtale; Bedriftsnettverk "
                "application form in Innovasjon Norge's e-application portal") in out


def test_a_document_the_profile_cannot_tell_is_needed_is_said_so():
    """Kvantia may need to explain its cvr.dk FTE figure: only if that figure is wrong."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert ("Missing documents (in full: --explain): SMV:Digital application; 1 more if "
            "needed") in words(r.stdout)


def test_the_explain_view_names_the_documents_in_full():
    r = run("match", "profiles/hardanger-prosess.toml", "--as-of", AS_OF, "--explain",
            "--scheme", "no-bedriftsnettverk")
    assert ("Missing documents: Intensjonsavtale (letter of intent) signed by the participating "
            "companies; Bedriftsnettverk application form in Innovasjon Norge's e-application "
            "portal") in words(r.stdout)
