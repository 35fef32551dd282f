"""Lines that wrap without breaking an amount from its currency (render/together.py)."""

from __future__ import annotations

import io
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from grantcheck.render.together import together

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
