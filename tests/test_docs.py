"""The README is the front door; with docs/ it documents every profile field, option and exit
code. Checks of the front door read README alone; checks of the reference read README and docs/."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from grantcheck import profile as profile_module
from grantcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS_DIR = ROOT / "docs"
# the reference: the README and every page of docs/ (each page starts with a level-1 heading, so
# a section never runs on into the next page)
DOCS = "\n".join([README, *(p.read_text(encoding="utf-8") for p in sorted(DOCS_DIR.glob("*.md")))])


def _models() -> list[type[BaseModel]]:
    return [obj for obj in vars(profile_module).values()
            if isinstance(obj, type) and issubclass(obj, BaseModel)
            and obj.__module__ == profile_module.__name__ and obj is not profile_module.Model]


def test_every_profile_field_is_documented():
    def documented(name: str) -> bool:
        return bool(re.search(rf"`{name}`|\[+(\w+\.)*{name}\]+|\b{name} = ", DOCS))

    missing = [f"{m.__name__}.{name}" for m in _models() for name in m.model_fields
               if not documented(name)]
    assert not missing, f"README and docs/ do not document: {missing}"


def _commands() -> dict[str, object]:
    import typer.main

    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


GUIDE_COMMANDS = ("init", "validate", "schema", "schemes", "show")


def test_every_command_is_in_the_readme():
    for name in _commands():
        assert f"grantcheck {name}" in README, name


def test_the_guide_commands_have_a_readme_section():
    for name in GUIDE_COMMANDS:
        assert name in _commands()
        assert re.search(rf"^##+ `grantcheck {name}`", DOCS, re.M), name


def _section(name: str) -> str:
    """The README's section on one command, up to the next heading of the same level."""
    m = re.search(rf"^(##+) `grantcheck {name}`.*?$(.*?)(?=^\1 |^# |\Z)", DOCS, re.M | re.S)
    assert m, name
    return m.group(2)


def test_every_option_of_match_and_the_guide_commands_is_documented():
    commands = _commands()
    for name in ("match", *GUIDE_COMMANDS):
        section = _section(name) if name in GUIDE_COMMANDS else DOCS
        for param in commands[name].params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in section, f"grantcheck {name} {opt}"


def test_shell_completion_is_documented():
    for text in ("--install-completion", "--show-completion", "grantcheck show dk-<TAB>"):
        assert text in DOCS, text


def test_the_editor_setup_is_documented():
    assert "#:schema ./profile.schema.json" in DOCS
    assert "grantcheck schema > profile.schema.json" in DOCS


def test_every_exit_code_is_documented():
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| {code} \|", README, re.M), code


def test_the_two_setup_commands_are_there():
    assert "pip install . && grantcheck match profiles/nordlys-automation.toml" in README
    assert "pip install -e '.[test]' && pytest" in README


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci and "pytest" in ci


def test_every_option_of_budget_is_documented():
    import typer.main

    command = typer.main.get_command(app)
    budget = command.commands["budget"]  # type: ignore[attr-defined]
    for param in budget.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in DOCS, opt


def test_every_budget_field_and_category_is_documented():
    from grantcheck.budget import model

    for m in (model.Budget, model.BudgetLine, model.FinancingLine):
        for name in m.model_fields:
            assert f"`{name}`" in DOCS or f"budget.{name}]" in DOCS, f"{m.__name__}.{name}"
    for c in model.Category:
        assert f"| `{c.value}` |" in DOCS, c.value
    assert set(model.CATEGORY_TEXT) == set(model.Category)


def test_the_readme_shows_the_example_profile_as_it_is():
    text = (Path(__file__).resolve().parent.parent / "profiles" / "nordlys-automation.toml")
    assert text.read_text(encoding="utf-8") in DOCS

# --- batch -------------------------------------------------------------------------------------


def _heading_section(title: str) -> str:
    """README and docs/ from a heading to the next heading of the same or a higher level."""
    m = re.search(rf"^(#+) {re.escape(title)}\n", DOCS, re.M)
    assert m, title
    level = len(m.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.M).search(DOCS, m.end())
    return DOCS[m.end():end.start() if end else len(DOCS)]


def test_every_option_of_batch_is_documented():
    import typer.main

    command = typer.main.get_command(app)
    batch = command.commands["batch"]  # type: ignore[attr-defined]
    options = _heading_section("Options")
    for param in batch.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in options, opt


def test_the_csv_input_columns_in_the_readme_are_those_of_the_code():
    from grantcheck.csv_input import COLUMNS

    rows = re.findall(r"^\| `(\w+)` \| `([\w.]+)` \|", _heading_section("CSV input columns"), re.M)
    assert rows == [(c.name, c.field) for c in COLUMNS.values()]


def test_the_csv_output_header_in_the_readme_is_that_of_the_code():
    from grantcheck.render.csv import LEAD, PER_SCHEME, TAIL, header
    from grantcheck.schemes import SCHEME_IDS

    section = _heading_section("Outputs")
    assert "\n" + ",".join(header(SCHEME_IDS)) + "\n" in section
    for column in (*LEAD, *TAIL):
        assert f"`{column}`" in section, column
    for column in PER_SCHEME:
        assert f"`<id>.{column}`" in section, column


def test_every_exit_code_of_batch_is_documented():
    section = _heading_section("Exit codes of batch")
    for code in ("0", "2", "3", "4", "130", "141", "143"):
        assert re.search(rf"^\| {code} \|", section, re.M), code


def test_the_python_api_examples_run(tmp_path, monkeypatch, capsys):
    """Every Python block of "Python API" runs as written (from a folder with the example
    profiles and the README's registry CSV)."""
    (tmp_path / "profiles").symlink_to(Path(__file__).resolve().parent.parent / "profiles")
    [registry] = re.findall(r"```csv\n(.*?)```", DOCS, re.S)
    (tmp_path / "registry.csv").write_text(registry, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", _heading_section("Python API"), re.S)
    assert len(blocks) == 3
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "dk-smv-digital fits" in out
    assert "Tiny ApS" not in out and "item 2" in out
    assert "Alfa ApS" in out and "Beta Fisk ApS" in out


# --- the front door ------------------------------------------------------------------------------


def test_the_readme_is_a_front_door_under_250_lines():
    assert len(README.splitlines()) < 250


def test_every_docs_link_resolves():
    index = [p.name for p in sorted(DOCS_DIR.glob("*.md"))]
    for page in ("commands.md", "profile.md", "budget.md", "batch.md", "json.md", "api.md",
                 "rules.md", "performance.md", "development.md", "adding-a-scheme.md"):
        assert page in index, page
        assert f"(docs/{page})" in README, page
    for path in [ROOT / "README.md", *DOCS_DIR.glob("*.md")]:
        for link in re.findall(r"\]\(([\w./-]+\.md)\)", path.read_text(encoding="utf-8")):
            assert (path.parent / link).is_file(), f"{path.name}: {link}"


def test_the_readme_example_is_what_match_prints():
    """The README's output excerpt is, line for line and in order, what the command prints."""
    from typer.testing import CliRunner

    [block] = re.findall(r"```text\n(.*?)```", README, re.S)
    lines = [ln for ln in block.splitlines() if ln != "…"]
    result = CliRunner().invoke(app, ["match", "profiles/nordlys-automation.toml", "--as-of",
                                      "2026-11-23", "--scheme", "dk-smv-digital"],
                                env={"COLUMNS": "80", "NO_COLOR": "1"})
    printed = result.stdout.splitlines()
    at = 0
    for line in lines:
        assert line in printed[at:], line
        at = printed.index(line, at) + 1
