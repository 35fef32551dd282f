"""Lines that wrap without breaking an amount from its currency (render/together.py)."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.render.together import joined, together
from grantcheck.render.whole import whole

LINE = ("Nordlys Automation ApS (DK) on 2026-11-23: 1 scheme fits — SMV:Digital, up to "
        "DKK 220,000 (own funding DKK 460,000); rates 1 EUR = 7.4736 DKK · 10.3315 NOK")


def drawn(renderable: object, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def broken(lines: list[str]) -> list[str]:
    """The places where a line ends with a currency and the next begins with its amount, or a
    line ends with an amount and the next begins with its currency."""
    return [f"{a!r} | {b!r}" for a, b in itertools.pairwise(lines)
            if (re.search(r"\b[A-Z]{3}$", a) and re.match(r"-?\d", b))
            or (re.search(r"\d$", a) and re.match(r"[A-Z]{3}\b", b))]


def test_at_42_columns_the_currency_stays_with_its_amount():
    """Rich alone breaks 'up to DKK' | '220,000' at 42 columns; together() does not."""
    assert broken(drawn(Text(LINE), 42))  # what Rich does alone
    kept = drawn(together(Text(LINE)), 42)
    assert broken(kept) == []
    assert kept[1].endswith("up to") and kept[2].startswith("DKK 220,000")


def test_an_amount_before_its_currency_stays_with_it():
    rates = Text("Rates: 1 EUR = 7.4736 DKK · 10.3315 NOK · 10.9995 SEK")
    widths = range(20, 60)
    assert any(broken(drawn(rates, w)) for w in widths)  # '10.3315' | 'NOK' with Rich alone
    assert not any(broken(drawn(together(rates), w)) for w in widths)


def test_the_styles_stay_on_their_words():
    t = Text("fits — up to DKK 220,000", style="")
    t.stylize("bold", 0, 4)
    out = io.StringIO()
    Console(file=out, width=14, color_system="standard", legacy_windows=False,
            force_terminal=True).print(together(t))
    assert "\x1b[1mfits\x1b[0m" in out.getvalue()
    assert "DKK 220,000" in out.getvalue()


@given(st.integers(min_value=14, max_value=120))
def test_the_words_are_the_same_whatever_the_width(width: int):
    """Only where a line breaks changes: the words drawn are the line's words, in order, and
    no amount is parted from its currency (from 14 columns: 'DKK 460,000);' is 13 long; a
    narrower line folds it, as Rich folds any word longer than a line)."""
    lines = drawn(together(Text(LINE)), width)
    assert " ".join(lines).split() == LINE.split()
    assert broken(lines) == []


def cells_broken(lines: list[str]) -> list[str]:
    """:func:`broken` within each column of a boxed table (cells apart by '│'), and between
    two lines of one paragraph elsewhere (the same indent; no run of spaces, which a table
    without a box puts between its columns)."""
    out = []
    for a, b in itertools.pairwise(lines):
        ca, cb = a.split("│"), b.split("│")
        if len(ca) == len(cb) > 1:
            pairs = list(zip(ca, cb, strict=True))
        elif _indent(a) == _indent(b) and "  " not in a.strip() + b.strip():
            pairs = [(a, b)]
        else:
            continue
        out += [f"{x!r} | {y!r}" for x, y in pairs if broken([x.rstrip(), y.strip()])]
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def test_a_cell_measures_an_amount_and_its_currency_as_one_word():
    """A table narrows a column to its longest word: 'DKK 9,800,000' (13), not 'DKK' and
    '9,800,000' apart, so that the cell never has to part them."""
    console = Console(width=80)
    options = console.options
    text = Text("turnover DKK 9,800,000 at most")
    assert Measurement.get(console, options, text).minimum == 9  # Rich alone
    assert Measurement.get(console, options, joined(text)).minimum == 13
    assert joined(joined(text)).plain == text.plain


def test_a_whole_tables_cells_keep_amounts_beside_their_currency():
    """The cells of a table drawn by whole(), a str cell too, wrap as together() does."""
    table = Table("Rule", "What was compared")
    table.add_row("SMV12", "small: 16.50 AWU, turnover DKK 9,800,000, balance DKK 4,200,000")
    table.add_row(Text("SMV13"), Text("aid DKK 150,000 ≤ the ceiling EUR 300,000 = DKK "
                                      "2,242,080"))
    for width in range(28, 70):
        lines = drawn(whole(table), width)
        assert cells_broken(lines) == [], width


NORDLYS = Path(__file__).resolve().parent.parent / "profiles" / "nordlys-automation.toml"


@pytest.mark.parametrize("args", [
    ("match", str(NORDLYS), "--explain"),
    ("budget", str(NORDLYS), "--explain"),
    ("show", "dk-smv-digital"),
])
@pytest.mark.parametrize("columns", ["40", "60", "72"])
def test_the_commands_never_part_an_amount_from_its_currency(args, columns):
    """match --explain, budget --explain and show, at narrow widths: rule tables, amounts,
    citations and parameters keep 'DKK 9,800,000' on one line (Rich alone parted it some 600
    times over these commands)."""
    r = CliRunner().invoke(app, [*args, "--as-of", "2026-11-23"],
                           env={"NO_COLOR": "1", "COLUMNS": columns})
    assert r.exit_code in (0, 1), r.output  # 3 would be an internal error
    assert cells_broken(r.stdout.splitlines()) == []
