"""Lines that never break between an amount and its currency.

Rich wraps a line at any space, so on a narrow terminal the answer read "up to DKK" at the end of
one line and "220,000" at the start of the next. :func:`together` gives a line that wraps as
Rich would, except at the space between a currency code and its amount ("DKK 220,000") or an
amount and its currency ("7.4736 DKK"): during the wrap that space is a character Rich does not
break at, and in what is drawn it is a space again (the text is the same; only where it wraps
differs).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.containers import Lines
    from rich.measure import Measurement

# the space in "DKK 220,000", "DKK -5", "7.4736 DKK"
_BETWEEN = re.compile(r"(?<=\b[A-Z]{3}) (?=-?\d)|(?<=\d) (?=[A-Z]{3}\b)")
_STAND_IN = "\ue000"  # private use: one cell wide, not a space, in no text grantcheck writes


class _Together(Text):
    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        plain = self.plain
        shielded = _BETWEEN.sub(_STAND_IN, plain)
        if shielded == plain:
            return super().wrap(console, width, **options)
        text = self.copy()
        text.plain = shielded  # as long as before: the styles stay where they were
        lines = Text.wrap(text, console, width, **options)
        for line in lines:
            line.plain = line.plain.replace(_STAND_IN, " ")
        return lines


class Together:
    """A line that wraps without breaking an amount from its currency: not a Text itself, as
    the console joins the Texts it is given into one before it wraps them."""

    def __init__(self, text: Text) -> None:
        self.text = _Together(text.plain, style=text.style, justify=text.justify,
                              overflow=text.overflow, no_wrap=text.no_wrap, end=text.end,
                              tab_size=text.tab_size, spans=list(text.spans))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.text.__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


def together(text: Text) -> Together:
    """``text``, wrapped without breaking an amount from its currency."""
    return Together(text)
