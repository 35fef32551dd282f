"""The CSV shape of batch results: one row per profile (documented in docs/batch.md, "Outputs").

Presentation only. The first columns describe the input and the company, then six columns per
scheme (in the order the schemes were asked for), then the warnings, the provenance of a
registry unit's facts (:mod:`grantcheck.registry`; empty for other inputs) and the error. An
input that could not be read is a row with ``status`` = ``error``, its ``source`` and its
``error``, and the other columns empty. Amounts are exact decimal strings, like the JSON output.

A cell a spreadsheet would take for a formula (OWASP's "CSV injection": a company name from a
registry that starts with ``=``, ``+``, ``-`` or ``@``) is written with a ``'`` in front, the
spreadsheets' own mark of text (:func:`safe_cell`; docs/batch.md, "Outputs").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from grantcheck.engine import VERDICT_VALUE, AmountsResult, Verdict
from grantcheck.matching import MatchResult, MatchSummary
from grantcheck.money import decimal_str

LEAD = ("source", "name", "country", "currency", "evaluation_date", "status",
        "any_open_scheme_fits", "fitting_schemes")
# scope: in_scope, not_applicable (another country's scheme the company does not claim: the
# table's `/`, which `match` leaves out) or closed; the verdict stays the rules' own
# own_funding_for_sought: the own funding for project.grant_sought, when it is at most the
# maximum grant (docs/batch.md)
PER_SCHEME = ("verdict", "verdict_if_open", "scope", "max_grant", "own_funding",
              "own_funding_for_sought", "currency")
TAIL = ("warnings", "provenance", "error")  # provenance: registry inputs only


# what a spreadsheet reads as the start of a formula (a tab or a carriage return first hides
# one), and the mark itself: a cell that starts with ' gets one more, so that a reader takes
# one ' off every cell that starts with it and has exactly what was written
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")  # -5 and +5 are numbers, not formulas
_AFTER_COMMA = re.compile(r",[=+\-@\t\r']")  # a cell after the first may start so
_STARTS = frozenset(FORMULA_START)


def _may_hold_formula(line: str) -> bool:
    """Whether a cell of the joined row ``line`` may start as a formula would. (One pattern
    for the line's start too, ``(?:^|,)…``, tried every position: 12 µs a row, most of a csv
    row's writing; the comma first is found at once.)"""
    return line[:1] in _STARTS or _AFTER_COMMA.search(line) is not None


def safe_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text: a ``'`` in front when it starts as
    a formula would (``=HYPERLINK(…)``, ``@SUM(…)``, ``-2+3``) or with a ``'``; numbers and
    other text as they are."""
    if text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def header(scheme_ids: Iterable[str]) -> list[str]:
    """The column names for these schemes."""
    return [*LEAD, *(f"{sid}.{col}" for sid in scheme_ids for col in PER_SCHEME), *TAIL]


def _amount_cells(a: AmountsResult, currency: str) -> tuple[str, str, str, str]:
    am = a.amounts
    if am is None:
        return "", "", "", currency
    grant, own, sought = am.max_grant, am.own_funding, am.own_for_sought
    return (decimal_str(grant.amount) if grant else "", decimal_str(own.amount) if own else "",
            decimal_str(sought.amount) if sought else "",
            grant.currency if grant else own.currency if own else currency)


def result_row(m: MatchResult | MatchSummary) -> list[str]:
    """The cells of one checked profile."""
    c = m.profile.company
    row = [m.source, c.name, c.country, c.money_currency, m.on.isoformat(), "ok", "false", ""]
    fitting = []
    for r in m.results:
        verdict = r.verdict  # a property: read once (a batch writes millions of these rows)
        if verdict is Verdict.FITS:
            fitting.append(r.scheme.id)
        scope = r.scope if isinstance(r.scope, str) else r.scope.state  # a summary: its state
        row += (VERDICT_VALUE[verdict], VERDICT_VALUE[r.verdict_if_open], scope,
                *_amount_cells(r.amounts, r.scheme.currency))
    if fitting:
        row[6], row[7] = "true", " ".join(fitting)
    row += (" | ".join(m.warnings), "", "")
    return row


def error_row(source: str, message: str, n_schemes: int) -> list[str]:
    """The cells of an input that could not be checked."""
    row = [""] * (len(LEAD) + n_schemes * len(PER_SCHEME) + len(TAIL))
    row[0] = source
    row[LEAD.index("status")] = "error"
    row[-1] = message
    return row


class RowWriter:
    """Formats rows as CSV text, one at a time (a reusable buffer, no file needed)."""

    def __init__(self) -> None:
        self._buf = io.StringIO()
        self._writer = csv.writer(self._buf, lineterminator="\n")
        # the csv module quotes a cell with the line end it writes, \n, but not one with a
        # lone \r, which every reader (the csv module's too) takes for a line end: a row with
        # one has every cell quoted
        self._quoted = csv.writer(self._buf, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def text(self, row: Sequence[str]) -> str:
        # a row with no comma, quote or line break in its cells needs no quoting: the cells
        # joined are what the csv module writes (a batch writes a row per profile)
        line = ",".join(row)
        if (len(row) > 1 and line.count(",") == len(row) - 1 and '"' not in line
                and "\n" not in line and "\r" not in line
                and not _may_hold_formula(line)):
            return line + "\n"
        self._buf.seek(0)
        self._buf.truncate()
        cells = [safe_cell(c) for c in row] if _may_hold_formula(line) else row
        (self._quoted if "\r" in line else self._writer).writerow(cells)
        return self._buf.getvalue()
