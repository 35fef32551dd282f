"""The `match` command through typer's CliRunner: formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.schemes import SCHEME_IDS
from tests.support import one_line_each

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return one_line_each(runner.invoke(app, list(args), env={
        "NO_COLOR": "1", "COLUMNS": "140", **(env or {})}))


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


MINIMAL = '[company]\nname = "Tiny ApS"\ncountry = "DK"\n'


# --- formats and exit codes ---------------------------------------------------------------


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("grantcheck ")


def test_python_dash_m_runs_the_same_command_line():
    """`python -m grantcheck` works where the console script is not on PATH."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, "-m", "grantcheck", "--version"], capture_output=True,
                       text=True, cwd=root, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("grantcheck "), r.stderr


def test_json_is_clean_on_stdout_with_the_documented_keys(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL)), "--format", "json", "--as-of", "2026-11-23")
    data = json.loads(r.stdout)
    assert data["evaluation_date"] == "2026-11-23"
    ids = [s["id"] for s in data["schemes"]]
    assert ids == list(SCHEME_IDS)
    for s in data["schemes"]:
        for key in ("id", "name", "country", "verdict", "max_grant", "own_funding",
                    "missing_documents", "findings"):
            assert key in s
        for f in s["findings"]:
            assert {"rule", "outcome", "message", "source"} <= set(f)
            assert f["source"], f["rule"]
    assert isinstance(data["exchange_rates"], list)


def test_a_profile_that_fits_nothing_exits_1(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL)), "--as-of", "2026-11-23")
    assert r.exit_code == 1
    assert "Tiny ApS" in r.stdout


def test_an_example_that_fits_exits_0():
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "fits" in r.stdout


def test_explain_shows_sources_and_figures():
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23",
            "--explain", "--scheme", "dk-smv-digital")
    assert "Ansøgningsguide" in r.stdout or "SMV:Digital" in r.stdout
    assert "«" in r.stdout  # a quote from the page
    assert "DKK" in r.stdout


def test_the_rate_used_is_stated(tmp_path):
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23",
            "--format", "json")
    rates = json.loads(r.stdout)["exchange_rates"]
    assert {"currency": "DKK", "per_eur": "7.4736", "date": "2026-10-29",
            "origin": "ECB, InforEuro 2026-11"} in rates


def test_a_rate_override_is_used_and_reported():
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23",
            "--format", "json", "--rate", "DKK=7.5")
    rates = json.loads(r.stdout)["exchange_rates"]
    assert any(x["per_eur"] == "7.5" and x["origin"] == "user override" for x in rates)


def test_a_closed_call_is_shown_closed_with_what_it_would_have_been():
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23",
            "--format", "json", "--scheme", "dk-innobooster-people")
    [s] = json.loads(r.stdout)["schemes"]
    assert s["verdict"] == "closed" and s["verdict_if_open"] in (
        "fits", "does_not_fit", "needs_information")


def test_a_stale_rate_warns_on_stderr_only(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL + "turnover = 1\nbalance_sheet_total = 1\n"
                                "employees_fte = 5\n")),
            "--format", "json", "--as-of", "2027-06-01")
    json.loads(r.stdout)
    assert "Warning:" in r.stderr


def test_no_color_gives_no_escape_codes():
    r = run("match", str(PROFILES / "nordlys-automation.toml"), "--as-of", "2026-11-23")
    assert "\x1b[" not in r.stdout


def test_profile_text_with_brackets_is_not_eaten_as_markup(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL.replace("Tiny ApS", "[bold]Tiny[/bold] ApS"))),
            "--as-of", "2026-11-23")
    assert "[bold]Tiny[/bold] ApS" in r.stdout


# --- bad input: a clear message and exit 2, never a traceback -------------------------------


def assert_bad(r, *expected: str):
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout
    assert r.stdout == ""
    for e in expected:
        assert e in r.stderr, r.stderr


def test_a_missing_file(tmp_path):
    assert_bad(run("match", str(tmp_path / "nope.toml")), "nope.toml: no such file")


def test_a_toml_syntax_error_names_line_and_column(tmp_path):
    p = write(tmp_path, '[company]\nname = "X\n')
    assert_bad(run("match", str(p)), f"Error: {p}:2:", "TOML syntax error")


def test_an_unknown_field_names_its_path_and_a_hint(tmp_path):
    p = write(tmp_path, MINIMAL + "turnovr = 5\n")
    assert_bad(run("match", str(p)), f"Error: {p}:4: company.turnovr: unknown field",
               "Hint: Did you mean 'turnover'?")


def test_a_wrong_type_names_its_path(tmp_path):
    p = write(tmp_path, MINIMAL + 'employees_fte = "many"\n')
    assert_bad(run("match", str(p)), "company.employees_fte: must be a number (got 'many')")


def test_a_negative_amount(tmp_path):
    p = write(tmp_path, MINIMAL + "turnover = -5\n")
    assert_bad(run("match", str(p)), f"Error: {p}:4: company.turnover: must not be negative "
               "(got -5)")


def test_a_project_ending_before_it_starts(tmp_path):
    p = write(tmp_path, MINIMAL + "[project]\nstart = 2025-03-01\nend = 2025-02-01\n")
    assert_bad(run("match", str(p)), "project.end: the project ends (2025-02-01) before it "
               "starts (2025-03-01)")


def test_a_bad_date_option(tmp_path):
    assert_bad(run("match", str(write(tmp_path, MINIMAL)), "--as-of", "23/11/2026"),
               "--as-of '23/11/2026': not a date", "Hint: write it as YYYY-MM-DD")


def test_an_unknown_scheme(tmp_path):
    assert_bad(run("match", str(write(tmp_path, MINIMAL)), "--scheme", "dk-smv-digitl"),
               "no such scheme", "did you mean 'dk-smv-digital'?")


def test_a_scheme_given_twice_is_checked_once():
    """``--scheme X --scheme X`` is ``--scheme X``: one verdict, one set of columns, not a fit
    counted twice."""
    nordlys = str(PROFILES / "nordlys-automation.toml")
    twice = ("--scheme", "dk-smv-digital", "--scheme", "dk-smv-digital", "--as-of", "2026-11-23")
    once = twice[2:]
    r = run("match", nordlys, *twice)
    assert r.exit_code == 0 and "1 scheme fits" in r.stdout
    assert run("match", nordlys, *twice, "--format", "json").stdout == run(
        "match", nordlys, *once, "--format", "json").stdout
    csv_twice = run("batch", nordlys, *twice, "--format", "csv").stdout
    assert csv_twice.splitlines()[0].count("dk-smv-digital.verdict,") == 1
    assert csv_twice == run("batch", nordlys, *once, "--format", "csv").stdout
    budget = run("budget", nordlys, *twice)
    assert budget.stdout.count("(dk-smv-digital)") == 1
    catalogue = json.loads(run("schemes", "--catalogue", *twice).stdout)
    assert [s["id"] for s in catalogue["schemes"]] == ["dk-smv-digital"]


def test_a_bad_rate(tmp_path):
    assert_bad(run("match", str(write(tmp_path, MINIMAL)), "--rate", "DKK=abc"), "--rate")


def test_two_different_rates_for_one_currency_are_refused_not_one_picked(tmp_path):
    profile = str(write(tmp_path, MINIMAL))
    r = run("match", profile, "--rate", "DKK=7", "--rate", "dkk=8")
    assert r.exit_code == 2
    assert "Error: --rate 'DKK=7' and --rate 'dkk=8': two rates for DKK" in r.stderr
    assert "Hint: give one --rate DKK=VALUE" in r.stderr
    same = run("match", profile, "--rate", "DKK=7", "--rate", "DKK=7.00", "--format", "json")
    assert same.exit_code in (0, 1), same.stderr


def test_an_unknown_format_is_a_usage_error(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL)), "--format", "xml")
    assert r.exit_code == 2


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.toml")), ids=lambda p: p.name)
def test_every_example_profile_loads_and_runs(path):
    r = run("match", str(path), "--format", "json", "--as-of", "2026-11-23")
    assert r.exit_code in (0, 1), r.stderr
    json.loads(r.stdout)


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch, capsys, tmp_path):
    import grantcheck.matching
    from grantcheck import cli

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(grantcheck.matching, "check", boom)
    monkeypatch.setattr("sys.argv", ["grantcheck", "match", str(write(tmp_path, MINIMAL))])
    monkeypatch.delenv("GRANTCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 3
    err = capsys.readouterr().err
    assert "Error: internal error: RuntimeError: kaboom" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("given", [None, "some_plugin"])
def test_the_command_line_does_not_look_for_pydantic_plugins_unless_told(monkeypatch, given):
    """Looking for plugins scans every installed distribution's entry points, for plugins the
    command line never uses (start-up: bench/startup.py). A value the user set is kept."""
    from grantcheck import cli

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", given or "")  # undone after the test
    if given is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    monkeypatch.setattr("sys.argv", ["grantcheck", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == (given or "__all__")


def test_a_command_runs_in_an_app_of_that_command_alone():
    """Typer builds every registered command's click objects before parsing (start-up:
    bench/startup.py); a command given first is run by an app that holds only it."""
    from grantcheck.cli import _app_for

    only = _app_for(["match", "p.toml", "--explain"])
    assert [c.callback.__name__ for c in only.registered_commands] == ["match"]
    assert len(app.registered_commands) > 1  # the app itself is left whole


@pytest.mark.parametrize("args", [[], ["-h"], ["--version", "match"], ["matc"], ["p.toml"]])
def test_anything_but_a_command_first_runs_the_whole_app(args):
    """The list of commands (help, a misspelt command's suggestions) needs every command."""
    from grantcheck.cli import _app_for

    assert _app_for(args) is app


def test_shell_completion_runs_the_whole_app(monkeypatch):
    from grantcheck.cli import _app_for

    monkeypatch.setenv("_GRANTCHECK_COMPLETE", "complete_bash")
    assert _app_for(["match"]) is app


def test_match_does_not_import_importlib_metadata():
    """pydantic's plugin loader imports it (about 3 % of start-up) for plugins that the
    command line disables; a stand-in answers in its place (grantcheck.cli._plugins)."""
    import subprocess
    import sys

    code = ("import sys\nfrom grantcheck.cli import main\n"
            f"sys.argv = ['grantcheck', 'match', {str(PROFILES / 'nordlys-automation.toml')!r}, "
            "'--as-of', '2026-11-23']\n"
            "try:\n    main()\nfinally:\n"
            "    print('importlib.metadata' in sys.modules, file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1] == "False"


def test_the_stand_in_plugin_loader_finds_no_plugin_while_they_are_disabled(monkeypatch):
    import sys

    from grantcheck.cli import _plugins

    monkeypatch.delitem(sys.modules, _plugins.LOADER)  # put back after the test
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _plugins.stand_in()
    assert isinstance(sys.modules[_plugins.LOADER], _plugins._Loader)
    assert sys.modules[_plugins.LOADER].get_plugins() == ()


def test_the_stand_in_plugin_loader_hands_over_to_pydantics_when_they_are_enabled(monkeypatch):
    import sys

    from grantcheck.cli import _plugins

    monkeypatch.delitem(sys.modules, _plugins.LOADER)
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _plugins.stand_in()
    stand_in = sys.modules[_plugins.LOADER]
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
    assert list(stand_in.get_plugins()) == []  # none installed here
    assert not isinstance(sys.modules[_plugins.LOADER], _plugins._Loader)
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # any other name: the real one's


def test_no_stand_in_when_the_user_enables_a_plugin(monkeypatch):
    import sys

    from grantcheck.cli import _plugins

    monkeypatch.delitem(sys.modules, _plugins.LOADER)
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
    _plugins.stand_in()
    assert _plugins.LOADER not in sys.modules


def test_an_absurd_amount_in_a_profile_is_bad_input_not_a_crash(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL + "turnover = 1e30\n")))
    assert r.exit_code == 2
    assert "p.toml:4: company.turnover: must be at most 1,000,000,000,000,000" in r.stderr


def test_an_absurd_rate_override_is_refused(tmp_path):
    r = run("match", str(write(tmp_path, MINIMAL)), "--rate", "DKK=1000000000")
    assert r.exit_code == 2 and "at most 1,000,000 units per euro" in r.stderr


@pytest.mark.parametrize("args", [
    ["match", "nordlys-automation.toml", "--format", "json"],
    ["match", "nordlys-automation.toml", "--explain"],
    ["budget", "nordlys-automation.toml", "--scheme", "dk-smv-digital"],
    ["validate", "nordlys-automation.toml"],
    ["show", "dk-smv-digital"],
    ["schemes"],
    ["schema"],
], ids=lambda a: " ".join(a[:2]))
def test_a_closed_stdout_stops_quietly_with_141(args):
    """`grantcheck … | head` whose reader has gone: exit code 141 (128 + SIGPIPE) and no
    traceback, whether the output is JSON or Rich's tables (Rich alone would exit with 1, which
    for match means that nothing fits). The pipe is closed before anything is written."""
    import subprocess
    import sys

    argv = [str(PROFILES / a) if a.endswith(".toml") else a for a in args]
    proc = subprocess.Popen([sys.executable, "-m", "grantcheck.cli", *argv, "--as-of",
                             "2026-11-23"] if args[0] in ("match", "budget", "show", "schemes")
                            else [sys.executable, "-m", "grantcheck.cli", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141, err
    assert "Traceback" not in err and "internal error" not in err and "Exception" not in err


def test_a_training_add_on_without_its_persons_needs_information_not_an_input_error(tmp_path):
    """'30 tkr per deltagande person': the persons may not be known yet (was exit 2,
    'project.training_addon.persons: required field is missing')."""
    text = ('[company]\nname = "Park AB"\ncountry = "SE"\n'
            '[project.training_addon]\namount = 60000\n')
    r = run("match", str(write(tmp_path, text)), "--format", "json", "--as-of", "2023-02-20",
            "--scheme", "se-saker-digitalisering")
    assert r.exit_code != 2 and r.stderr == "", r.stderr
    scheme = json.loads(r.stdout)["schemes"][0]
    sd12 = next(f for f in scheme["findings"] if f["rule"] == "SD12")
    assert sd12["outcome"] == "unknown"
    assert sd12["missing_fields"] == ["project.training_addon.persons"]


# --- empty arguments: refused, never read as "everything" or "today" ---------------------------


def test_validate_of_an_empty_path_is_refused_not_the_working_directory() -> None:
    r = runner.invoke(app, ["validate", ""])
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: validate: an empty path ('')",
        "Hint: give a file or a folder; . for the working directory"]


def test_match_of_an_empty_path_is_refused() -> None:
    r = runner.invoke(app, ["match", ""])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: match: an empty path ('')\n")


@pytest.mark.parametrize(("args", "said"), [
    (["budget", ""], "budget: an empty path ('')"),
    (["batch", ""], "batch: an empty path ('')"),
    (["batch", "profiles/nordlys-automation.toml", ""], "batch: an empty path ('')"),
    (["batch", "--input", ""], "batch --input: an empty path ('')"),
    (["batch", "profiles/nordlys-automation.toml", "--output", ""],
     "batch --output: an empty path ('')"),
    (["schema", "--output", ""], "schema --output: an empty path ('')"),
    (["outreach", "--input", "x.csv", "--output", "", "--force"],
     "outreach --out: an empty path ('')"),
    (["shortlist", "--input", ""], "--input: an empty path ('')"),
])
def test_an_empty_path_is_refused_by_every_command_not_read_as_the_working_directory(
        args: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """batch '' wrote an error record of '.', --output '' named '.', outreach --output ''
    --force would have written its pack into the working directory: each stops, nothing
    written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "nordlys-automation.toml").write_text(
        (ROOT / "profiles" / "nordlys-automation.toml").read_text())
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"Error: {said}"
    assert r.stderr.splitlines()[1].startswith("Hint: give ")
    assert r.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profiles"]


@pytest.mark.parametrize("args", [["--as-of", ""], ["--as-of="]])
def test_an_empty_as_of_is_refused_not_today(args: list[str]) -> None:
    r = runner.invoke(app, ["schemes", *args])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == "Error: --as-of '': not a date written as YYYY-MM-DD"


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_a_scheme_option_without_an_id_is_refused_not_every_scheme(value: str) -> None:
    r = runner.invoke(app, ["schemes", "--scheme", value])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"Error: --scheme {value!r}: no scheme id in it"
