"""Writing batch records: the streaming formats and the Rich summary table. Presentation only.

``jsonl``, ``json`` and ``csv`` write each block of records as it arrives, whole (a block is
written with one call, so an interrupted run never leaves half a record), and keep nothing.
``table`` keeps the short rows (name, source and a verdict per scheme) of the first
:attr:`TableSink.SHOWN_ROWS` profiles and only counts for the rest, and prints at the end a table
of those profiles × schemes, a line for the rows not shown, the totals per scheme of every
profile as the footer, and a legend: its memory is the same for ten profiles and a million.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from grantcheck.batch.best import UNDECIDED, SchemeCount, best_of, count_grants
from grantcheck.batch.best import not_encoded as _not_encoded

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from grantcheck.batch import Block, Record
    from grantcheck.batch.best import Grant
    from grantcheck.render.whole import Whole

SYMBOL = {"fits": "✓", "needs_information": "?", "does_not_fit": "✗", "not_applicable": "/",
          "closed": "–"}
STYLE = {"fits": "bold green", "needs_information": "yellow", "does_not_fit": "red",
         "not_applicable": "dim", "closed": "dim"}
LEGEND = ("✓ fits · ? needs information · ✗ does not fit · / not applicable (another country's"
          " scheme) · – (✓) closed, with the verdict it would have had · ! not checked")


class Sink:
    """Writes blocks of records to a text stream, a record per line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, block: Block) -> None:
        """The block's records, a line each, with one write: an interrupted run never leaves
        half a record."""
        if block.data:
            self.out.write(block.text)

    def flush(self) -> None:
        """What was written, sent on (an input that pauses: its records are not held back)."""
        self.out.flush()

    def close(self) -> None:
        self.flush()


class CsvSink(Sink):
    """A header row, then each record's row (the row carries its own newline)."""

    def __init__(self, out: TextIO, header: Sequence[str]) -> None:
        super().__init__(out)
        from grantcheck.render.csv import RowWriter

        out.write(RowWriter().text(header))

    def write(self, block: Block) -> None:
        self.out.write(block.text)


class JsonArraySink(Sink):
    """One JSON array, one record per line, closed by ``close`` (also after Ctrl-C)."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.first = True

    def write(self, block: Block) -> None:
        if block.data:  # a record is one line of JSON: no newline inside one
            self.out.write(("[\n" if self.first else ",\n")
                           + block.text[:-1].replace("\n", ",\n"))
            self.first = False

    def close(self) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")
        super().close()


# source, name, verdicts, error, and what fits for how much ("SMV DKK 220,000")
Row = tuple[str, str, tuple[tuple[str, str], ...], str, str]


class TableSink(Sink):
    """Keeps the first :attr:`SHOWN_ROWS` short rows and counts every verdict; prints the table
    on close (a million profiles cost the same memory as a hundred: counts, not rows)."""

    SHOWN_ROWS = 50

    def __init__(self, out: TextIO, scheme_ids: Sequence[str], console: Console,
                 on: str = "") -> None:
        super().__init__(out)
        self.scheme_ids = scheme_ids
        self.console = console
        self.on = on
        self.rows: list[Row] = []
        self.totals = Totals(len(scheme_ids), not_encoded(scheme_ids, on))

    def write(self, block: Block) -> None:
        for record in block.records:
            self.add(record)

    def add(self, record: Record) -> None:
        error = record.errors[0].removeprefix("Error: ") if record.errors else ""
        self.totals.add(record.verdicts, bool(error), record.grants)
        if len(self.rows) < self.SHOWN_ROWS:
            self.rows.append((record.source, record.name, record.verdicts, error,
                              fits_words(self.scheme_ids, record.verdicts, record.grants)))

    def close(self) -> None:
        from rich.padding import Padding
        from rich.text import Text

        from grantcheck.render.together import together

        for line in self.totals.headline(self.scheme_ids, self.on):
            text = Text(line.lstrip())  # a scheme's line (indented) wraps under itself
            self.console.print(Padding(together(text), (0, 0, 0, len(line) - len(text))))
        self.console.print(batch_table(self.rows, self.scheme_ids, self.totals))
        for sid in self.scheme_ids:
            self.console.print(Text(f"{short_name(sid):<4} {sid}", style="dim"))
        self.console.print(Text(LEGEND, style="dim"))
        super().close()


class Totals:
    """The inputs, the failed ones, the verdicts per scheme of the checked ones, each checked
    one's best verdict, and per scheme the count and amounts of those it fits or needs
    information from (when the records carry their grants). ``undecided``: the indices of the
    schemes with no rules encoded for the date: an input that needs information only from
    those is counted apart, as match's answer counts such a scheme (no answer settles it)."""

    def __init__(self, schemes: int, undecided: frozenset[int] = frozenset()) -> None:
        self.inputs = 0
        self.failed = 0
        self.verdicts: list[Counter[str]] = [Counter() for _ in range(schemes)]
        self.best: Counter[str] = Counter()  # each checked input's best verdict
        self.undecided = undecided
        self.amounts: list[SchemeCount] = []  # per scheme, when grants are given

    def add(self, verdicts: tuple[tuple[str, str], ...], failed: bool,
            grants: Sequence[Grant] = ()) -> None:
        self.inputs += 1
        if failed:
            self.failed += 1
            return
        for counter, (verdict, _) in zip(self.verdicts, verdicts, strict=False):
            counter[verdict] += 1
        self.best[best_of(verdicts, self.undecided)] += 1
        if grants:
            self.amounts = count_grants(self.amounts, verdicts, grants)

    def headline(self, scheme_ids: Sequence[str], on: str) -> list[str]:
        """The answer first: how many inputs were checked on ``on`` and failed, how many can
        still fit a scheme (by best verdict), then per scheme that any fits or needs
        information from, how many and for up to how much (:func:`scheme_lines`)."""
        return [answer_line(self.inputs, self.failed, self.best, on),
                *scheme_lines(scheme_ids, self.amounts, on)]

    @classmethod
    def of(cls, rows: Sequence[Row], schemes: int) -> Totals:
        totals = cls(schemes)
        for _, _, verdicts, err, _ in rows:
            totals.add(verdicts, bool(err))
        return totals

    def footer(self, i: int) -> str:
        counts = self.verdicts[i]
        return "\n".join(f"{SYMBOL[k]} {counts[k]:,}" for k in SYMBOL if counts[k])


def scheme_lines(scheme_ids: Sequence[str], amounts: Sequence[SchemeCount], on: str
                 ) -> list[str]:
    """Per scheme that any input fits or needs information from, how many and for up to how
    much (``SchemeCount.line``), indented under the answer line: in the table's headline and,
    for the other formats, on stderr."""
    from datetime import date

    day = date.fromisoformat(on) if on else None
    return [f"  {count.line(sid, day)}" for sid, count in zip(scheme_ids, amounts, strict=False)
            if count.fits + count.needs]


def answer_line(inputs: int, failed: int, best: Mapping[str, int], on: str) -> str:
    """The answer first: how many inputs were checked on ``on`` and failed, and how many can
    still fit a scheme, by each checked input's ``best`` verdict (:func:`best_of`)."""
    from grantcheck.engine.settle import COUNTED, FITS, NEEDS, NO_FIT, UNDECIDED_WORDS
    from grantcheck.numbers import plural

    best = Counter(best)
    can = best["fits"] + best["needs_information"]
    verdicts = [plural(best[v], *COUNTED[label]) for v, label in (
        ("fits", FITS), ("needs_information", NEEDS), ("does_not_fit", NO_FIT))]
    if best[UNDECIDED]:  # as match's answer: right after those that need information
        verdicts.insert(2, plural(best[UNDECIDED], *UNDECIDED_WORDS))
    if best["not_applicable"]:
        verdicts.append(f"{best['not_applicable']:,} no scheme for their country")
    if best["closed"]:
        verdicts.append(f"{best['closed']:,} only closed calls")
    gone = f", {failed:,} of them could not be checked" if failed else ""
    return (f"{plural(inputs, 'input', 'inputs')} checked on {on}{gone}: {can:,} of "
            f"{inputs - failed:,} can still fit a scheme ({', '.join(verdicts)}).")


def not_encoded(scheme_ids: Sequence[str], on: str) -> frozenset[int]:
    """The indices of the schemes of ``scheme_ids`` whose rules are not encoded for ``on``."""
    from datetime import date

    return _not_encoded(tuple(scheme_ids), date.fromisoformat(on) if on else None)


def short_name(scheme_id: str) -> str:
    """The column heading of a scheme: the prefix of its rule ids (BN, PO, SD, SMV, IP)."""
    from grantcheck.schemes import get

    m = re.match(r"[A-Z]+", get(scheme_id).rules[0].id)
    return m.group(0) if m else scheme_id


def fits_words(scheme_ids: Sequence[str], verdicts: tuple[tuple[str, str], ...],
               grants: Sequence[Grant]) -> str:
    """The schemes a profile fits, each with its maximum grant, in the table's column names:
    "SMV DKK 220,000" (the answer to what fits and for how much, on the profile's row); a grant
    a fact leaves open as its range, with the fact: "PO NOK 960,000 – 3,200,000 by
    company.employees_fte"."""
    return "; ".join(f"{short_name(sid)} {_grant_words(grant)}"
                     for sid, (verdict, _), grant in zip(scheme_ids, verdicts, grants,
                                                         strict=False) if verdict == "fits")


def _grant_words(grant: Grant) -> str:
    if grant is None:
        return "(max grant not known)"
    if isinstance(grant, tuple):
        from grantcheck.money import format_span

        low, high, fields = grant
        return f"{format_span(low, high)} by {', '.join(fields)}"
    return str(grant)


def _cell(verdict: str, if_open: str) -> tuple[str, str]:
    if verdict == "closed":
        return f"{SYMBOL['closed']} ({SYMBOL[if_open]})", STYLE["closed"]
    return SYMBOL[verdict], STYLE[verdict]  # not applicable: nothing the company can do


def batch_table(rows: Sequence[Row], scheme_ids: Sequence[str],
                totals: Totals | None = None) -> PathsApart:
    """Profiles × schemes, one symbol per verdict, the totals per scheme as the footer; each
    profile's path under its name when every path fits whole, else listed under the table by
    row number (a path folded across lines no longer reads or copies as one).

    ``rows`` are the rows shown; ``totals`` counts every input (the rows' own when not given):
    when it counts more, a last row says how many are not shown."""
    if totals is None:
        totals = Totals.of(rows, len(scheme_ids))
    return PathsApart(_table(rows, scheme_ids, totals, True),
                      _table(rows, scheme_ids, totals, False),
                      [(n, f"! {err}" if err else source)
                       for n, (source, _, _, err, _) in enumerate(rows, 1)])


class PathsApart:
    """The batch table with the paths in its rows if they fit whole at the width it is drawn
    at, else without them and the paths (or what could not be read in one) below it; too
    narrow for even that, the rows as a list, each path on a line of its own."""

    def __init__(self, inline: Whole, apart: Whole, paths: list[tuple[int, str]]) -> None:
        self.inline, self.apart, self.paths = inline, apart, paths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        from grantcheck.render.together import together
        from grantcheck.render.whole import column_widths

        if column_widths(console, options, self.inline.table) != [] or \
                column_widths(console, options, self.apart.table) == []:
            yield self.inline  # a table whose paths fit whole, or a list: a path a line
            return
        yield self.apart
        yield Text("Profiles:", style="bold")
        wide = len(str(len(self.paths)))
        for n, path in self.paths:  # wrapped at its spaces only
            yield together(Text(f"{n:>{wide}}   {path}", style="dim"))


def _table(rows: Sequence[Row], scheme_ids: Sequence[str], totals: Totals, paths: bool
           ) -> Whole:
    """The table, with each profile's path under its name (``paths``) or without."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from grantcheck.render.whole import whole

    # the counts are the headline's, above it; no frame: its columns go to the profiles' paths
    table = Table(show_footer=True, box=box.SIMPLE, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")  # "total" under the profiles: "#" stays narrow
    table.add_column("Profile", ratio=1, footer="total")
    for i, sid in enumerate(scheme_ids):
        table.add_column(short_name(sid), justify="center", no_wrap=True,
                         footer=Text(totals.footer(i)))
    for n, (source, name, verdicts, err, fits) in enumerate(rows, 1):
        if err:
            label = Text("! ", style="bold red")
            label.append(err if paths else "not checked (below)")
            table.add_row(str(n), label, *["" for _ in scheme_ids])
            continue
        label = Text(name)
        if paths:
            label.append(f"\n{source}", style="dim")
        if fits:
            label.append(f"\nfits: {fits}", style="green")
        cells = [Text(sym, style=style) for sym, style in (_cell(v, o) for v, o in verdicts)]
        table.add_row(str(n), label, *cells)
    if totals.inputs > len(rows):
        table.add_row("…", Text(f"{totals.inputs - len(rows):,} more not shown (--format csv "
                                "gives a row per profile)", style="dim"),
                      *["" for _ in scheme_ids])
    return whole(table)
