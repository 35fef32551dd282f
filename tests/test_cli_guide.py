"""`validate`, shell completion of scheme ids, and the examples in every command's --help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from grantcheck.cli import app, complete_scheme_id
from grantcheck.schemes import SCHEME_IDS
from tests.support import country_without_scheme, one_line_each

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return one_line_each(runner.invoke(app, list(args), env={
        "NO_COLOR": "1", "COLUMNS": "140", **(env or {})}, prog_name="grantcheck"))


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- validate ---------------------------------------------------------------------------------


def test_validate_says_ok_for_every_example_profile():
    r = run("validate", *map(str, PROFILES))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [f"{p}: OK" for p in PROFILES]
    assert r.stderr == ""


def test_validate_lists_every_problem_with_file_line_path_and_hint(tmp_path):
    good = write(tmp_path, '[company]\nname = "A"\ncountry = "DK"\n', "good.toml")
    bad = write(tmp_path, '[company]\nname = "B"\ncountry = "DK"\nturnovr = 5\n'
                'employees_fte = -1\n[project]\nstart = 2025-03-01\nend = 2025-02-01\n',
                "bad.toml")
    r = run("validate", str(good), str(bad))
    assert r.exit_code == 2
    assert r.stdout == f"{good}: OK\n"
    assert f"Error: {bad}:4: company.turnovr: unknown field" in r.stderr
    assert "Hint: Did you mean 'turnover'?" in r.stderr
    assert f"Error: {bad}:5: company.employees_fte: must not be negative (got -1)" in r.stderr
    assert "project.end: the project ends (2025-02-01) before it starts (2025-03-01)" in r.stderr
    assert "1 of 2 profiles has problems." in r.stderr


def test_validate_a_syntax_error_and_a_missing_file(tmp_path):
    broken = write(tmp_path, '[company]\nname = "X\n')
    r = run("validate", str(broken), str(tmp_path / "nope.toml"))
    assert r.exit_code == 2
    assert f"Error: {broken}:2:" in r.stderr and "TOML syntax error" in r.stderr
    assert f"Error: {tmp_path / 'nope.toml'}: no such file" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_validate_json_reports_every_file(tmp_path):
    bad = write(tmp_path, '[company]\nname = "B"\ncountry = "DK"\nturnovr = 5\n')
    r = run("validate", str(PROFILES[0]), str(bad), "--format", "json")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert data["valid"] is False
    assert data["files"][0] == {"file": str(PROFILES[0]), "valid": True, "problems": []}
    assert data["files"][1]["problems"] == [
        {"path": "company.turnovr", "message": "unknown field", "line": 4, "column": None,
         "hint": "Did you mean 'turnover'?"}]


def test_validate_needs_a_file():
    assert run("validate").exit_code == 2


# --- shell completion ------------------------------------------------------------------------


def test_scheme_ids_complete_from_their_start():
    assert complete_scheme_id("dk-") == ["dk-innobooster-people", "dk-smv-digital"]
    assert complete_scheme_id("") == list(SCHEME_IDS)
    assert complete_scheme_id("se-s") == ["se-saker-digitalisering"]
    assert complete_scheme_id(country_without_scheme().lower() + "-") == []


@pytest.mark.parametrize("words", ["grantcheck show no-", "grantcheck match p.toml --scheme no-",
                                   "grantcheck init --scheme no-"])
def test_the_shell_completes_scheme_ids(words):
    r = run(env={"_GRANTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words,
                 "COMP_CWORD": str(len(words.split()) - 1)})
    assert r.exit_code == 0
    assert r.stdout.split() == ["no-bedriftsnettverk", "no-prosessinnovasjon"]


def test_show_completion_prints_a_script(monkeypatch):
    """Typer finds the shell among the process's ancestors (shellingham), not in $SHELL, and
    takes no shell name after the option: a runner with no shell above it (started with ``&``
    by a script that has since ended) got "Shell  not supported.", exit 1. The shell is given."""
    monkeypatch.setattr("typer.completion._get_shell_name", lambda: "bash")
    r = run("--show-completion")
    assert r.exit_code == 0
    assert "_GRANTCHECK_COMPLETE" in r.stdout


# --- --help -------------------------------------------------------------------------------------


def test_every_command_is_there():
    assert {"init", "validate", "schema", "schemes", "show", "match"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_shows_an_example(command):
    r = run(command, "--help")
    assert r.exit_code == 0
    assert "Example" in r.stdout
    assert f"grantcheck {command}" in r.stdout.split("Example", 1)[1]
