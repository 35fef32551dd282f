"""Plain text wrapped for stderr without Rich (a command that prints JSON imports no Rich), and
the space between an amount and its currency that no wrapping breaks (shared with
:mod:`grantcheck.render.together`, which keeps it in what Rich draws)."""

from __future__ import annotations

import re

# the space in "DKK 220,000", "DKK -5", "7.4736 DKK"
_BETWEEN = r"(?<=\b[A-Z]{3}) (?=-?\d)|(?<=\d) (?=[A-Z]{3}\b)"
STAND_IN = "\ue000"  # private use: one cell wide, not a space, in no text grantcheck writes

# an amount and its currency, and a figure and its per cent sign ("50 %"): for stderr's talk,
# and for what Rich draws (grantcheck.render.together)
KEEP = re.compile(rf"{_BETWEEN}|(?<=\d) (?=%)")
ABOUT = "≈ "  # and the space in "≈ EUR 72,594" (shortlist's euros): replaced, not in KEEP,
ABOUT_KEPT = "≈" + STAND_IN  # where it would cost 1 M instructions at start-up to compile


def shield(text: str) -> str:
    """``text`` with the spaces no wrapping may break (:data:`KEEP`, "≈ ") made the stand-in."""
    return KEEP.sub(STAND_IN, text).replace(ABOUT, ABOUT_KEPT)


def wrap_plain(text: str, width: int, indent: str = "  ") -> str:
    """Plain text (a message for stderr) wrapped to ``width``, its continuation lines indented
    by ``indent`` (so that a line's ``Error:`` or ``Warning:`` stays the only thing at the start
    of a line): broken at spaces only, never inside a word, a figure, an id or a date (a word
    longer than the width stands alone on its line), nor between an amount and its currency.
    Each line of ``text`` is wrapped on its own."""
    import textwrap

    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        shielded = shield(line)
        out += textwrap.wrap(shielded, width, subsequent_indent=indent, break_long_words=False,
                             break_on_hyphens=False) or [line]
    return "\n".join(out).replace(STAND_IN, " ")
