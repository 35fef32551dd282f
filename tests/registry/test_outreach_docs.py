"""docs/registries.md's worked example, from a registry extract to a shortlist and an outreach
pack, is what the commands print: each ```text block is a command (``$ …``) and its output,
run in order in a fresh folder where ``tests/`` is this repository's (so the paths are as the
doc shows them), at 100 columns. ``cat``, ``head -N`` and ``sed -i 's/A/B/'`` are read as the
shell would; every other command is grantcheck's. The options of outreach and shortlist are
in docs/commands.md."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).parents[2]
HEADING = "## From a screening to a shortlist and an outreach pack"
runner = CliRunner()


def run(line: str) -> str:
    """What ``line`` prints (stdout, then stderr), run in the current folder."""
    words = shlex.split(line)
    if words[0] == "cat":
        return Path(words[1]).read_text(encoding="utf-8")
    if words[0] == "head":
        text = Path(words[2]).read_text(encoding="utf-8")
        return "".join(text.splitlines(keepends=True)[:int(words[1].lstrip("-"))])
    if words[0] == "sed":
        m = re.fullmatch(r"s/(.*)/(.*)/", words[2])
        assert m, line
        path = Path(words[3])
        path.write_text(re.sub(m.group(1), m.group(2), path.read_text(encoding="utf-8"),
                               flags=re.M), encoding="utf-8")
        return ""
    assert words[0] == "grantcheck", line
    r = runner.invoke(app, words[1:], env={"NO_COLOR": "1", "COLUMNS": "100"})
    return r.stdout + r.stderr


def _section(doc: str) -> str:
    """The section's text, to the next heading of its level outside a code block (the blocks
    show Markdown files, headings and all)."""
    lines, fenced = [], False
    for line in doc.split(HEADING, 1)[1].splitlines(keepends=True):
        fenced ^= line.startswith("```")
        if line.startswith("## ") and not fenced:
            break
        lines.append(line)
    return "".join(lines)


def blocks(doc: str) -> list[tuple[str, str]]:
    section = _section(doc)
    out = []
    for block in re.findall(r"```text\n(.*?)```", section, re.S):
        first, _, rest = block.partition("\n")
        assert first.startswith("$ "), first
        out.append((first[2:], rest))
    return out


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_the_worked_example_of_the_outreach_pack_is_what_the_commands_print(
        tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    found = blocks((ROOT / "docs" / "registries.md").read_text(encoding="utf-8"))
    assert len(found) >= 5
    for command, shown in found:
        assert _lines(run(command)) == _lines(shown), command


def test_every_option_of_outreach_and_shortlist_is_documented() -> None:
    doc = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    commands = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    for name in ("outreach", "shortlist"):
        section = doc.split(f"## `grantcheck {name}`", 1)[1].split("\n## ", 1)[0]
        for param in commands[name].params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in section, f"grantcheck {name} {opt}"


def test_the_csv_columns_of_shortlist_are_documented() -> None:
    from grantcheck.outreach.rank import CSV_COLUMNS

    doc = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    section = doc.split("## `grantcheck shortlist`", 1)[1].split("\n## ", 1)[0]
    assert all(f"`{c}`" in section for c in CSV_COLUMNS)
