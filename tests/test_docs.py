"""The README is the front door (under 250 lines, a short section per command, the exit codes,
links to docs/); the pages under docs/ document every profile field, option and output column.
Each check reads the page where its text lives, and every link between the pages resolves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from grantcheck import profile as profile_module
from grantcheck.cli import app
from grantcheck.profile.record import ModelClass, is_model

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


README = _read(ROOT / "README.md")
COMMANDS_DOC = _read(DOCS / "commands.md")  # match in full, init, validate, schema, schemes, show
PROFILE_DOC = _read(DOCS / "profile.md")
BUDGET_DOC = _read(DOCS / "budget.md")
BATCH_DOC = _read(DOCS / "batch.md")
API_DOC = _read(DOCS / "api.md")


def _models() -> list[ModelClass]:
    return [obj for obj in vars(profile_module).values()
            if is_model(obj)
            and obj.__module__.startswith(f"{profile_module.__name__}.")
            and obj is not profile_module.Model]


def test_every_profile_field_is_documented():
    def documented(name: str) -> bool:
        return bool(re.search(rf"`{name}`|\[+(\w+\.)*{name}\]+|\b{name} = ", PROFILE_DOC))

    missing = [f"{m.__name__}.{name}" for m in _models() for name in m.model_fields
               if not documented(name)]
    assert not missing, f"docs/profile.md does not document: {missing}"


def _commands() -> dict[str, object]:
    import typer.main

    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


GUIDE_COMMANDS = ("init", "validate", "schema", "schemes", "show")


def test_every_command_is_in_the_readme():
    for name in _commands():
        assert f"grantcheck {name}" in README, name


def test_the_guide_commands_have_a_reference_section():
    for name in GUIDE_COMMANDS:
        assert name in _commands()
        assert re.search(rf"^##+ `grantcheck {name}`", COMMANDS_DOC, re.M), name


def test_every_command_has_a_short_readme_section_linking_its_reference():
    for name in _commands():
        section = _section(name, README)
        assert "](docs/" in section, name
        assert len(section.strip().splitlines()) <= 12, name


def _section(name: str, text: str) -> str:
    """A page's section on one command, up to the next heading of the same level."""
    m = re.search(rf"^(#+) `grantcheck {name}`.*?$(.*?)(?=^\1 |\Z)", text, re.M | re.S)
    assert m, name
    return m.group(2)


def test_every_option_of_match_and_the_guide_commands_is_documented():
    commands = _commands()
    for name in ("match", *GUIDE_COMMANDS):
        section = _section(name, COMMANDS_DOC)
        for param in commands[name].params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in section, f"grantcheck {name} {opt}"


def test_shell_completion_is_documented():
    for text in ("--install-completion", "--show-completion", "grantcheck show dk-<TAB>"):
        assert text in COMMANDS_DOC, text


def test_the_editor_setup_is_documented():
    assert "#:schema ./profile.schema.json" in COMMANDS_DOC
    assert "grantcheck schema > profile.schema.json" in COMMANDS_DOC


def test_every_exit_code_is_documented():
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| {code} \|", README, re.M), code


def _exit_codes_raised(source: Path) -> set[int]:
    """The exit codes a module raises: ``typer.Exit(N)`` or ``sys.exit(N)``, N a number or an
    EXIT_ constant of grantcheck.errors (both of ``typer.Exit(A if … else B)``)."""
    from grantcheck import errors

    said = re.findall(r"(?:typer\.Exit|sys\.exit)\((\w+)(?: if [^()]* else (\w+))?\)",
                      _read(source))
    return {int(arg) if arg.isdigit() else getattr(errors, arg)
            for pair in said for arg in pair if arg.isdigit() or arg.startswith("EXIT_")}


def test_every_exit_code_the_command_line_gives_is_documented():
    """Each exit code a command raises is in the README's "Exit codes" (a row, or "exit N" for
    shortlist's and outreach's 4); batch's, and every EXIT_ constant, in batch's table or the
    README's."""
    from grantcheck import errors

    cli = ROOT / "grantcheck" / "cli"
    readme = _heading_section("Exit codes", README)
    rows = {int(code) for code in re.findall(r"^\| (\d+) \|", readme, re.M)}
    in_readme = rows | {int(code) for code in re.findall(r"\bexit (\d+)\b", readme)}
    batch_rows = {int(code) for code in
                  re.findall(r"^\| (\d+) \|", _heading_section("Exit codes of batch"), re.M)}
    raised = {p.name: _exit_codes_raised(p) for p in cli.glob("*.py")}
    assert {1, 3, 130} <= raised["__init__.py"]
    assert 4 in raised["outreach.py"] and 4 in raised["shortlist.py"]
    for name, codes in raised.items():
        documented = rows | batch_rows if name.startswith(("batch", "_batch")) else in_readme
        assert codes <= documented, (name, sorted(codes - documented))
    constants = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    assert constants <= rows | batch_rows, sorted(constants - rows - batch_rows)


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
                assert f"`{opt}" in BUDGET_DOC, opt


def test_every_budget_field_and_category_is_documented():
    from grantcheck.budget import model

    for m in (model.Budget, model.BudgetLine, model.FinancingLine):
        for name in m.model_fields:
            assert f"`{name}`" in BUDGET_DOC or f"budget.{name}]" in BUDGET_DOC, \
                f"{m.__name__}.{name}"
    for c in model.Category:
        assert f"| `{c.value}` |" in BUDGET_DOC, c.value
    assert set(model.CATEGORY_TEXT) == set(model.Category)


def test_the_profile_page_shows_the_example_profile_as_it_is():
    text = ROOT / "profiles" / "nordlys-automation.toml"
    assert text.read_text(encoding="utf-8") in PROFILE_DOC

def test_the_profile_page_toml_is_read_as_profiles_are():
    """Each TOML block of docs/profile.md parses as a profile's TOML does (TOML 1.1: an inline
    table over lines, with a trailing comma); its `related = [...]` is a valid [company] part."""
    from grantcheck.profile.load import parse_profile, parse_toml

    blocks = re.findall(r"```toml\n(.*?)```", PROFILE_DOC, re.S)
    for block in blocks:
        parse_toml(block, "docs/profile.md")
    [related] = [b for b in blocks if b.startswith("related = [\n")]
    profile = parse_profile(f'[company]\nname = "X ApS"\ncountry = "DK"\n{related}')
    assert profile.company.related and profile.company.related[0].staff == 40

# --- batch -------------------------------------------------------------------------------------


def _heading_section(title: str, text: str = BATCH_DOC) -> str:
    """A page's text from a heading to the next heading of the same or a higher level."""
    m = re.search(rf"^(#+) {re.escape(title)}\n", text, re.M)
    assert m, title
    level = len(m.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.M).search(text, m.end())
    return text[m.end():end.start() if end else len(text)]


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
    """Every Python block of docs/api.md ("Python API") runs as written (from a folder with the
    example profiles and the registry CSV of docs/batch.md)."""
    (tmp_path / "profiles").symlink_to(ROOT / "profiles")
    [registry] = re.findall(r"```csv\n(.*?)```", BATCH_DOC, re.S)
    (tmp_path / "registry.csv").write_text(registry, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", _heading_section("Python API", API_DOC), re.S)
    assert len(blocks) == 3
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), {})
    out = capsys.readouterr().out
    assert "dk-smv-digital fits" in out
    assert "Tiny ApS" not in out and "item 2" in out
    assert "Alfa ApS" in out and "Beta Fisk ApS" in out


# --- the front door and the pages behind it ----------------------------------------------------

# Every reference page, linked from the README's "More" and from docs/README.md.
# adding-a-scheme.md is written on another branch: checked once it exists.
PAGES = ("commands.md", "profile.md", "budget.md", "batch.md", "registries.md", "json.md",
         "api.md", "scale.md", "rules.md", "performance.md", "development.md")
LATER_PAGES = ("adding-a-scheme.md",)


def test_the_readme_is_a_front_door_under_250_lines():
    assert len(README.splitlines()) < 250


def test_every_page_exists_and_is_linked_from_the_readme_and_the_index():
    index = _read(DOCS / "README.md")
    for page in PAGES:
        assert (DOCS / page).is_file(), page
        assert f"](docs/{page})" in README, page
        assert f"]({page})" in index, page
    assert "](docs/README.md)" in README
    for page in LATER_PAGES:  # linked already; the links resolve once the page exists
        assert f"](docs/{page})" in README, page
        assert f"]({page})" in index, page
        assert f"]({page})" in _read(DOCS / "development.md"), page


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # no "# comments" of code blocks
    return {_slug(h) for h in re.findall(r"^#+ (.*)$", text, re.M)}


def test_every_link_between_the_pages_resolves():
    """Each relative link of README.md and of docs/*.md names a file that exists (one of
    LATER_PAGES only once it exists) and, with #anchor, a heading of that file."""
    files = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    checked = 0
    for source in files:
        text = re.sub(r"^```.*?^```", "", _read(source), flags=re.M | re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            resolved = (source.parent / path).resolve() if path else source
            if not resolved.exists() and resolved.name in LATER_PAGES \
                    and resolved.parent == DOCS:
                continue
            assert resolved.is_file(), f"{source.name}: {target}"
            if anchor:
                assert anchor in _anchors(_read(resolved)), f"{source.name}: {target}"
            checked += 1
    assert checked >= 2 * len(PAGES)


def _block_after(heading: str, lang: str) -> str:
    [block] = re.findall(rf"```{lang}\n(.*?)```", _heading_section(heading, README), re.S)
    return block


def _printed(*argv: str, columns: str) -> list[str]:
    """What ``grantcheck ARGV`` prints piped, ``columns`` wide, colour off (from the root)."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update(COLUMNS=columns, NO_COLOR="1")
    out = subprocess.run([sys.executable, "-m", "grantcheck.cli", *argv], capture_output=True,
                         text=True, env=env, encoding="utf-8", cwd=ROOT).stdout
    return [line.rstrip() for line in out.splitlines()]


def test_the_readme_example_output_is_what_match_prints():
    """The README's "What it prints" is the default `grantcheck match` of the example profile
    as it prints it piped, 80 columns wide: verbatim."""
    section = _heading_section("What it prints", README)
    command = "grantcheck match profiles/nordlys-automation.toml --as-of 2026-11-23"
    assert f"`{command}`" in section
    shown = _block_after("What it prints", "text")
    assert _printed(*command.split()[1:], columns="80") == shown.splitlines()


def test_the_schemes_example_output_is_what_the_command_prints():
    """docs/commands.md shows `grantcheck schemes --as-of 2026-11-23` as it prints it piped,
    120 columns wide (COLUMNS=120, for when piped output follows COLUMNS)."""
    section = _heading_section("`grantcheck schemes`: the schemes at a glance", COMMANDS_DOC)
    assert "`grantcheck schemes --as-of 2026-11-23`" in section
    [shown] = re.findall(r"```text\n(.*?)```", section, re.S)
    assert _printed("schemes", "--as-of", "2026-11-23", columns="120") == shown.splitlines()


def test_the_readme_first_profile_is_valid(tmp_path):
    from typer.testing import CliRunner

    profile = tmp_path / "acme.toml"
    profile.write_text(_block_after("A first profile", "toml"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(profile)], prog_name="grantcheck")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{profile}: OK\n"
    assert "grantcheck init" in _heading_section("A first profile", README)


def _readme_commands() -> list[str]:
    """Every `grantcheck …` command of the README with its arguments: in its sh blocks (each
    part of an `&&` chain) and inline (`grantcheck show dk-smv-digital`)."""
    found = [part.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)
             for line in block.splitlines() for part in line.split("&&")]
    found += re.findall(r"`(grantcheck [^`]*)`", README)
    return list(dict.fromkeys(c for c in found if c.startswith("grantcheck ")
                              and len(c.split()) > 2 and "…" not in c))


# what the README's commands need that a clone does not hold: a registry's bulk file, downloaded
_NOT_IN_A_CLONE = ("enheter.csv.gz",)


def test_every_readme_command_runs_as_written(tmp_path, monkeypatch):
    """Each command the README shows (with acme.toml of "A first profile", and `init` answered
    with the country and the name, the rest "don't know") runs without a usage error: exit 0 or
    1, nothing on stderr that starts with "Error:", and what it redirects to a file is written."""
    import glob

    from typer.testing import CliRunner

    (tmp_path / "profiles").symlink_to(ROOT / "profiles")
    (tmp_path / "acme.toml").write_text(_block_after("A first profile", "toml"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    commands = [c for c in _readme_commands() if not any(f in c for f in _NOT_IN_A_CLONE)]
    assert len(commands) >= 8, commands
    for command in commands:
        words, _, target = command.removeprefix("grantcheck ").partition(" > ")
        argv = [a for w in words.split() for a in (sorted(glob.glob(w)) if "*" in w else [w])]
        if argv[0] == "init":  # a new file: the README's acme.toml is the one above
            argv[1] = "new.toml"
        r = CliRunner().invoke(app, argv, input="DK\nAcme ApS\n" + "\n" * 200,
                               env={"NO_COLOR": "1", "COLUMNS": "100"})
        assert r.exit_code in (0, 1), (command, r.exit_code, r.stderr)
        assert not any(line.startswith("Error:") for line in r.stderr.splitlines()), command
        if "-o" in argv:  # written to the file it names
            assert (tmp_path / argv[argv.index("-o") + 1]).stat().st_size, command
        else:
            assert r.stdout or argv[0] == "init", command
        if target:
            (tmp_path / target).write_text(r.stdout, encoding="utf-8")
