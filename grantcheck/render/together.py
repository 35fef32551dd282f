"""Lines that never break between an amount and its currency.

Rich wraps a line at any space, so on a narrow terminal the answer read "up to DKK" at the end of
one line and "220,000" at the start of the next. :func:`together` gives a line that wraps as
Rich would, except at the space between a currency code and its amount ("DKK 220,000"), an
amount and its currency ("7.4736 DKK"), or a figure and its per cent sign ("at least 25 %",
which read "at least 25" and "% of the costs" at 80 columns): during the wrap that space is a
character Rich does not break at, and in what is drawn it is a space again (the text is the
same; only where it wraps differs). :func:`joined` gives such a text that is itself a Text,
for a table's cell; a table drawn by :func:`grantcheck.render.whole.whole` has its cells so
joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.text import Text

from grantcheck.render.plain import STAND_IN, shield

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.containers import Lines
    from rich.measure import Measurement



class _Together(Text):
    @classmethod
    def of(cls, text: Text) -> _Together:
        """``text``'s words, styles and options, wrapped without breaking an amount from its
        currency."""
        return cls(text.plain, style=text.style, justify=text.justify, overflow=text.overflow,
                   no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size,
                   spans=list(text.spans))

    def _shielded(self) -> Text | None:
        """A copy (a plain Text) whose spaces between an amount and its currency are the
        stand-in; None when it has none."""
        plain = self.plain
        shielded = shield(plain)
        if shielded == plain:
            return None
        text = self.copy()
        text.plain = shielded  # as long as before: the styles stay where they were
        return text

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        text = self._shielded()
        if text is None:
            return super().wrap(console, width, **options)
        lines = text.wrap(console, width, **options)
        for line in lines:
            line.plain = line.plain.replace(STAND_IN, " ")
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        # the narrowest a table may make its column: "DKK 9,800,000" is one word
        text = self._shielded()
        return super().__rich_measure__(console, options) if text is None else \
            text.__rich_measure__(console, options)


class Together:
    """A line that wraps without breaking an amount from its currency: not a Text itself, as
    the console joins the Texts it is given into one before it wraps them."""

    def __init__(self, text: Text) -> None:
        self.text = _Together.of(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not getattr(console, "lines_past_the_edge", False) or \
                longest_word(self.text.plain) <= options.max_width:
            yield from self.text.__rich_console__(console, options)
            return
        # a word longer than the line (an id on a terminal narrower than it), on a console that
        # does not crop lines to its width (the command line's): the words wrap at the width,
        # that one alone on its line, whole, past the edge (Rich would fold it; "ignore" as the
        # text's own overflow, not the wrap's, which would not wrap at all)
        text = _Together.of(self.text)
        text.overflow = "ignore"
        lines = text.wrap(console, options.max_width, justify=options.justify)
        yield from Text("\n").join(lines).render(console, end=text.end)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


def together(text: Text) -> Together:
    """``text``, wrapped without breaking an amount from its currency."""
    return Together(text)


def joined(text: Text) -> Text:
    """``text`` as a Text that wraps, and measures, without breaking an amount from its
    currency: for a table's cell (a Text the table draws itself)."""
    return text if isinstance(text, _Together) else _Together.of(text)


def longest_word(plain: str) -> int:
    """The width of the longest word of ``plain`` (an amount and its currency one word)."""
    from rich.cells import cell_len

    return max((cell_len(w) for w in shield(plain).split()), default=0)


def indented(text: Text, by: int, width: int) -> Padding | Together:
    """``text`` as :func:`together` wraps it, indented by ``by`` columns, or by as many as leave
    its longest word (a field's dotted path, an id) whole at ``width``: Rich folds a word wider
    than the indented width in two, and a path folded so no longer reads or copies as one. A
    word wider than ``width`` itself: not indented, its line as wide as the word."""
    longest = longest_word(text.plain)
    if longest >= width:
        return together(text)
    return Padding(together(text), (0, 0, 0, max(0, min(by, width - longest))), expand=False)
