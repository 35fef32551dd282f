"""Tables that cut nothing: no figure, id, date or path is shortened to "…" or split, at any
terminal width the table's longest words fit in (``COLUMNS`` is honoured).

Rich sizes a table that is too wide by narrowing its widest columns alike, whatever they hold,
and shortens a word that no longer fits to "…": at 80 columns the schemes' table cut
"DKK 1,080,0…" and "dk-innobooste…". :func:`whole` sizes the columns itself whenever the table
is too wide for the terminal (or has ratios): it narrows the widest columns alike as Rich does
(by their ratios, when they have them), but none below its longest word (a column that does
not wrap, its longest line), so that prose wraps and figures stay whole. A table that fits is
left to Rich. On a terminal too narrow for even that, the table
is drawn as a list instead: each row a block of "Header: cell" lines, at the terminal's full
width. A word longer than a whole line stands alone on its line, whole, past the edge, on the
command line's console (:class:`grantcheck.render.together.Together`; a console that crops
its lines folds it); a word longer than a column whose long words may fold (file paths) goes
on at the next line ("fold"); none is shortened to "…".
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.measure import Measurement
    from rich.table import Table


FOLDABLE = 16  # the width a foldable column's long words are given before they fold


def lean_table(**options: Any) -> Table:
    """A table with a rule under its header and no other lines (rows apart by ``end_section``),
    its columns two spaces apart: the frame a boxed table spends, 22 of 80 columns for six
    columns, goes to what it holds."""
    from rich import box
    from rich.table import Table

    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                 **options)


class Whole:
    """A table drawn with its columns sized so that no word in it is cut (see the module);
    ``foldable``: the indexes of the columns whose long words may fold (paths)."""

    def __init__(self, table: Table, foldable: Collection[int] = ()) -> None:
        from rich.text import Text

        from grantcheck.render.together import joined

        for column in table.columns:
            column.overflow = "fold"
            # a cell's amount stays beside its currency, and its width counts them as one word
            # (a str cell as words: no cell of grantcheck's is markup)
            column._cells = [joined(Text(c) if isinstance(c, str) else c)
                             if isinstance(c, Text | str) else c for c in column._cells]
        self.table = table
        self.foldable = frozenset(foldable)
        # the widths and ratios the table's maker set, put back before each drawing
        self._made = [(column.width, column.ratio) for column in table.columns]

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> Iterator[RenderableType]:
        for column, (width, ratio) in zip(self.table.columns, self._made, strict=True):
            column.width, column.ratio = width, ratio
        widths = column_widths(console, options, self.table, self.foldable)
        if widths is None:
            yield self.table
        elif widths:
            for column, width in zip(self.table.columns, widths, strict=True):
                column.width, column.ratio = width, None  # a ratio would share the width anew
            yield self.table
        else:
            yield from as_list(self.table)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.table)


def whole(table: Table, foldable: Collection[int] = ()) -> Whole:
    """``table``, drawn so that it cuts nothing (``foldable``: see :class:`Whole`)."""
    return Whole(table, foldable)


def as_list(table: Table) -> Iterator[RenderableType]:
    """``table`` as a list: its title, then per row a "Header: cell" line for each cell that
    is not empty, a blank line between rows; its footers, when it shows them, last."""
    from rich.padding import Padding
    from rich.text import Text

    from grantcheck.render.together import together

    if table.title:
        yield Text(str(table.title), style="bold")
    columns = table.columns
    rows = [list(cells) for cells in zip(*(c.cells for c in columns), strict=True)]
    if table.show_footer:
        rows.append([c.footer for c in columns])
    for i, cells in enumerate(rows):
        if i:
            yield Text()
        for column, cell in zip(columns, cells, strict=True):
            if isinstance(cell, Padding) and isinstance(cell.renderable, Text):
                cell = cell.renderable  # an indent in a column is none in a list
            if cell == "" or (isinstance(cell, Text) and not cell.plain):
                continue
            head = Text(f"{column.header}: " if column.header else "", style="bold")
            if isinstance(cell, Text | str):
                line = head + (cell if isinstance(cell, Text) else Text(cell))
                line.overflow = "fold"
                yield together(line)  # a word longer than the line: the line as wide as it
            else:
                yield head
                yield cell


def column_widths(console: Console, options: ConsoleOptions, table: Table,
                  foldable: Collection[int] = ()) -> list[int] | None:
    """The content width of each column so that every column's longest word fits (in a
    ``foldable`` column, up to FOLDABLE of it) and the table fits ``options.max_width``; None
    when the table fits at its natural widths (Rich's own); an empty list when not even the
    longest words fit."""
    from rich.measure import Measurement

    wide = options.update_width(10 ** 6)
    least: list[int] = []
    most: list[int] = []
    for index, column in enumerate(table.columns):
        cells = [*([column.header] if table.show_header else []), *column.cells,
                 *([column.footer] if table.show_footer else [])]
        sizes = [Measurement.get(console, wide, cell) for cell in cells]
        longest = max((m.maximum for m in sizes), default=1)
        most.append(longest)
        word = longest if column.no_wrap else max((m.minimum for m in sizes), default=1)
        least.append(min(word, FOLDABLE) if index in foldable else word)
    # what the table adds to its columns' text: dividers, padding, edges
    frame = Measurement.get(console, wide, table).maximum - sum(most)
    room = options.max_width - frame
    # Rich shares the width of a table whose columns have ratios by the ratios first, which
    # can leave a column narrower than its longest word even where the whole table fits: such
    # a table is sized here always
    shared = any(column.ratio for column in table.columns)
    if sum(most) <= room:
        return most if shared else None
    if sum(least) > room:
        return []
    # narrowed here, not by Rich: Rich narrows the widest columns alike, then all of them
    # evenly, counting their padding, and can so leave a column a character short of its
    # longest word; here the widest columns are narrowed alike (a column that does not wrap
    # keeps its width), none below its longest word
    fixed = [column.no_wrap for column in table.columns]
    share = [column.ratio or 1 for column in table.columns]
    return _levelled(most, least, fixed, share, room)


def _levelled(most: list[int], least: list[int], fixed: list[bool], share: list[int],
              room: int) -> list[int]:
    """Widths within ``room``: every column that may narrow is cut to a common cap times its
    ``share`` (never below its ``least``, never above its ``most``), the cap as high as ``room``
    allows; what is left under the next cap goes a column at a time to the capped ones."""
    top = max(share)

    def widths(cap: int) -> list[int]:
        return [m if f else max(n, min(m, cap * s // top))
                for m, n, f, s in zip(most, least, fixed, share, strict=True)]

    low, high = 0, max(most) * top
    while low < high:  # the highest cap that fits
        mid = (low + high + 1) // 2
        if sum(widths(mid)) <= room:
            low = mid
        else:
            high = mid - 1
    out = widths(low)
    after = widths(low + 1)
    for i in range(len(out)):  # the columns the next cap would widen, while there is room
        if sum(out) >= room:
            break
        if after[i] > out[i]:
            out[i] += 1
    return out
