"""The README is the front door: it documents every profile field, option and exit code."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from grantcheck import profile as profile_module
from grantcheck.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _models() -> list[type[BaseModel]]:
    return [obj for obj in vars(profile_module).values()
            if isinstance(obj, type) and issubclass(obj, BaseModel)
            and obj.__module__ == profile_module.__name__ and obj is not profile_module.Model]


def test_every_profile_field_is_documented():
    def documented(name: str) -> bool:
        return bool(re.search(rf"`{name}`|\[+(\w+\.)*{name}\]+|\b{name} = ", README))

    missing = [f"{m.__name__}.{name}" for m in _models() for name in m.model_fields
               if not documented(name)]
    assert not missing, f"README does not document: {missing}"


def test_every_option_of_match_is_documented():
    import typer.main

    command = typer.main.get_command(app)
    match = command.commands["match"]  # type: ignore[attr-defined]
    for param in match.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in README, opt


def test_every_exit_code_is_documented():
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| {code} \|", README, re.M), code


def test_the_two_setup_commands_are_there():
    assert "pip install . && grantcheck match profiles/nordlys-automation.toml" in README
    assert "pip install -e '.[test]' && pytest" in README


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci and "pytest" in ci


# --- batch -------------------------------------------------------------------------------------


def _section(title: str) -> str:
    """The README text from a heading to the next heading of the same or a higher level."""
    m = re.search(rf"^(#+) {re.escape(title)}\n", README, re.M)
    assert m, title
    level = len(m.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.M).search(README, m.end())
    return README[m.end():end.start() if end else len(README)]


def test_every_option_of_batch_is_documented():
    import typer.main

    command = typer.main.get_command(app)
    batch = command.commands["batch"]  # type: ignore[attr-defined]
    options = _section("Options")
    for param in batch.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in options, opt


def test_the_csv_input_columns_in_the_readme_are_those_of_the_code():
    from grantcheck.csv_input import COLUMNS

    rows = re.findall(r"^\| `(\w+)` \| `([\w.]+)` \|", _section("CSV input columns"), re.M)
    assert rows == [(c.name, c.field) for c in COLUMNS.values()]


def test_the_csv_output_header_in_the_readme_is_that_of_the_code():
    from grantcheck.render.csv import LEAD, PER_SCHEME, TAIL, header
    from grantcheck.schemes import SCHEME_IDS

    section = _section("Outputs")
    assert "\n" + ",".join(header(SCHEME_IDS)) + "\n" in section
    for column in (*LEAD, *TAIL):
        assert f"`{column}`" in section, column
    for column in PER_SCHEME:
        assert f"`<id>.{column}`" in section, column


def test_every_exit_code_of_batch_is_documented():
    section = _section("Exit codes of batch")
    for code in ("0", "2", "3", "4", "130", "141", "143"):
        assert re.search(rf"^\| {code} \|", section, re.M), code


def test_the_python_api_examples_run(tmp_path, monkeypatch, capsys):
    """Every Python block of "Python API" runs as written (from a folder with the example
    profiles and the README's registry CSV)."""
    (tmp_path / "profiles").symlink_to(Path(__file__).resolve().parent.parent / "profiles")
    [registry] = re.findall(r"```csv\n(.*?)```", README, re.S)
    (tmp_path / "registry.csv").write_text(registry, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", _section("Python API"), re.S)
    assert len(blocks) == 3
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "dk-smv-digital fits" in out
    assert "Tiny ApS" not in out and "item 2" in out
    assert "Alfa ApS" in out and "Beta Fisk ApS" in out
