"""Tables cut nothing (grantcheck/render/whole.py): no figure, id, date or path is shortened to
"…" or split, at 80 columns or narrower; too narrow for the table, it is drawn as a list."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.render.whole import lean_table, whole

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))
AS_OF = "2026-11-23"
BOX = re.compile(r"[│┃┏┓┗┛┡┩╇┳┻━─┼├┤┌┐└┘═║]")
runner = CliRunner()


def printed(args: list[str], columns: int) -> str:
    r = runner.invoke(app, [*args, "--as-of", AS_OF],
                      env={"NO_COLOR": "1", "COLUMNS": str(columns)})
    assert r.exit_code in (0, 1, 4), r.stderr
    return r.stdout


def words(text: str) -> set[str]:
    return set(BOX.sub(" ", text).split())


def figures_and_ids(text: str) -> set[str]:
    """The words a person must read whole: with a digit (amounts, dates, rule ids, tiers) or a
    '-' or '_' (scheme ids, field paths, categories)."""
    return {w for w in words(text) if 4 <= len(w) <= 30 and "…" not in w
            and (re.search(r"\d", w) or "-" in w or "_" in w)}


COMMANDS = [["schemes"], ["show", "dk-smv-digital"], ["batch", str(ROOT / "profiles")],
            *(["match", str(p), *extra] for p in PROFILES for extra in ([], ["--explain"])),
            # one scheme: the table is narrower, and Rich alone cut "dk-innobooster-peopl|e"
            *(["match", str(p), "--explain", "--scheme", s] for p in PROFILES[:2]
              for s in ("dk-innobooster-people", "no-prosessinnovasjon")),
            *(["budget", str(p)] for p in PROFILES if "\n[budget]" in p.read_text("utf-8"))]


@pytest.mark.parametrize("args", COMMANDS,
                         ids=lambda a: " ".join(Path(x).name if "/" in x else x for x in a))
@pytest.mark.parametrize("columns", [80, 52])
def test_no_figure_or_id_is_cut_at_80_columns_or_narrower(args, columns):
    """Every amount, date, scheme or rule id and field path the command prints 250 columns wide,
    it prints whole at 80 and at 52 columns, in lines no longer than the terminal (but for a
    word longer than it, alone on its line)."""
    wide = figures_and_ids(printed(args, 250))
    narrow = printed(args, columns)
    assert sorted(wide - words(narrow)) == []
    # a line runs past the edge only as one word longer than the terminal (a file path)
    assert [line for line in narrow.splitlines() if len(line) > columns
            and len(line.split()) > 1] == []


def draw(table: Table, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(whole(table))
    return out.getvalue()


def schemes_table() -> Table:
    table = Table(title="Schemes", expand=True)
    table.add_column("Scheme", ratio=3)
    table.add_column("Max grant", ratio=1)
    table.add_column("Own funding", ratio=3)
    table.add_row("Innobooster People dk-innobooster-people", "DKK 1,080,000",
                  "at least 25 % of the costs; salary (the company pays the rest)")
    return table


def test_a_figure_rich_would_cut_is_kept_whole():
    """Rich alone draws this table at 50 columns with "dk-innobooster-…" and "1,080,0…"."""
    plain = io.StringIO()
    Console(file=plain, width=50, color_system=None).print(schemes_table())
    assert "…" in plain.getvalue()
    text = draw(schemes_table(), 50)
    assert {"dk-innobooster-people", "1,080,000"} <= words(text)
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 50


def test_a_table_too_narrow_for_its_words_is_drawn_as_a_list():
    text = draw(schemes_table(), 24)
    assert "Scheme: Innobooster" in text
    assert "Max grant: DKK 1,080,000" in text
    assert {"dk-innobooster-people", "1,080,000"} <= words(text)


def test_a_table_that_fits_is_drawn_as_rich_draws_it():
    table = lean_table()
    table.add_column("Rule")
    table.add_column("Outcome")
    table.add_row("SMV10", "pass")
    plain = io.StringIO()
    Console(file=plain, width=80, color_system=None).print(table)
    assert draw(table, 80) == plain.getvalue()


def test_a_foldable_column_folds_a_long_path_and_the_others_stay_whole():
    table = Table()
    table.add_column("#")
    table.add_column("Profile")
    table.add_column("SMV", no_wrap=True)
    table.add_row("1", "Acme ApS /a/very/long/path/to/the/clients/acme-aps-2026.toml", "✓")
    text = draw(whole(table, foldable=(1,)).table, 30)  # as batch marks its profile column
    assert "Profile" in text and "✓" in text
    assert "…" not in text
    assert "".join(BOX.sub("", text).split()).count("acme-aps-2026.toml") == 1


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789,.-_", min_size=1, max_size=14)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.lists(st.lists(WORD, min_size=1, max_size=6).map(" ".join),
                               min_size=3, max_size=3), min_size=1, max_size=3),
       ratios=st.lists(st.sampled_from([None, 1, 2, 3]), min_size=3, max_size=3),
       no_wrap=st.lists(st.booleans(), min_size=3, max_size=3),
       width=st.integers(min_value=24, max_value=140), lean=st.booleans())
def test_no_word_that_fits_a_line_is_ever_cut(cells, ratios, no_wrap, width, lean):
    """Any table, boxed or lean, any width: every word no longer than a line is drawn whole,
    as a table or as a list, and no line is longer than the width."""
    table = lean_table(title="T", expand=any(ratios)) if lean else Table(title="T",
                                                                         expand=any(ratios))
    for i, (ratio, nw) in enumerate(zip(ratios, no_wrap, strict=True)):
        table.add_column(f"H{i}", ratio=ratio, no_wrap=nw and not ratio)
    for row in cells:
        table.add_row(*row)
    text = draw(table, width)
    want = {w for row in cells for cell in row for w in cell.split() if len(w) <= width - 6}
    assert sorted(want - words(text)) == []
    assert max(len(line) for line in text.splitlines()) <= width
