"""The CSV shape of batch results: one row per profile (documented in docs/batch.md, "Outputs").

Presentation only. The first columns describe the input and the company, then six columns per
scheme (in the order the schemes were asked for), then the warnings, the provenance of a
registry unit's facts (:mod:`grantcheck.registry`; empty for other inputs) and the error. An
input that could not be read is a row with ``status`` = ``error``, its ``source`` and its
``error``, and the other columns empty. Amounts are exact decimal strings, like the JSON output.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from grantcheck.engine import VERDICT_VALUE, AmountsResult, Verdict
from grantcheck.matching import MatchResult, MatchSummary
from grantcheck.money import decimal_str

LEAD = ("source", "name", "country", "currency", "evaluation_date", "status",
        "any_open_scheme_fits", "fitting_schemes")
# scope: in_scope, not_applicable (another country's scheme the company does not claim: the
# table's `/`, which `match` leaves out) or closed; the verdict stays the rules' own
PER_SCHEME = ("verdict", "verdict_if_open", "scope", "max_grant", "own_funding", "currency")
TAIL = ("warnings", "provenance", "error")  # provenance: registry inputs only


def header(scheme_ids: Iterable[str]) -> list[str]:
    """The column names for these schemes."""
    return [*LEAD, *(f"{sid}.{col}" for sid in scheme_ids for col in PER_SCHEME), *TAIL]


def _amount_cells(a: AmountsResult, currency: str) -> tuple[str, str, str]:
    am = a.amounts
    if am is None:
        return "", "", currency
    grant, own = am.max_grant, am.own_funding
    return (decimal_str(grant.amount) if grant else "", decimal_str(own.amount) if own else "",
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

    def text(self, row: Sequence[str]) -> str:
        # a row with no comma, quote or line break in its cells needs no quoting: the cells
        # joined are what the csv module writes (a batch writes a row per profile)
        line = ",".join(row)
        if (len(row) > 1 and line.count(",") == len(row) - 1 and '"' not in line
                and "\n" not in line and "\r" not in line):
            return line + "\n"
        self._buf.seek(0)
        self._buf.truncate()
        self._writer.writerow(row)
        return self._buf.getvalue()
