"""The shortlist: companies ranked by what they can get, and the portfolio's counts.

A company's row (:class:`Row`) is its verdict (the best any scheme shows for it), the highest
grant among the schemes that show that verdict, and the number of questions that would settle
its open schemes. Rows are ordered by verdict (fits, needs information, does not fit, not
applicable, closed), then by that amount, highest first, then by fewer questions, then in input
order. Amounts in different currencies are compared in euros, converted at the dated rate
``grantcheck.fx`` uses for the evaluation date (``--rate`` overrides it); the rates used are
stated with the ranking. A row is small (a few short strings and numbers): the ranking keeps
one per company and nothing else of it, and with a ``top`` only that many.
"""

from __future__ import annotations

import csv
import heapq
import io
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from grantcheck.engine import Outcome
from grantcheck.engine.scope import IN_SCOPE
from grantcheck.engine.settle import FITS, NEEDS, NO_FIT, RANK, deciding_findings, shown_as
from grantcheck.fx import FxRates, NoRate
from grantcheck.money import Money, decimal_str
from grantcheck.outreach.screen import Company, Failed, Question

CSV_COLUMNS = ("rank", "number", "name", "country", "verdict", "schemes", "max_grant",
               "currency", "max_grant_eur", "open_questions", "first_question", "source")


class Row(NamedTuple):
    """One company of the shortlist (see the module's docstring)."""

    order: int  # input order, the last tie-break
    source: str
    number: str
    name: str
    country: str
    verdict: str
    schemes: str  # the schemes that show the verdict (fits or needs information), by id
    max_grant: Money | None
    max_grant_eur: Decimal | None
    questions: int
    first_question: str

    def key(self) -> tuple[int, Decimal, int, int]:
        """The ranking order: verdict, then the highest amount in euros (none last), then
        fewer questions, then input order."""
        eur = self.max_grant_eur
        return RANK[self.verdict], -(eur if eur is not None else Decimal(-1)), \
            self.questions, self.order


def row_of(company: Company, order: int, fx: FxRates) -> Row:
    """``company``'s row; amounts converted to euros with ``fx`` (which records the rates)."""
    verdict = company.verdict
    best = [r for r in company.result.results if shown_as(r) == verdict] if verdict in (
        FITS, NEEDS) else []
    grants = [r.amounts.amounts.max_grant for r in best
              if r.amounts.amounts is not None and r.amounts.amounts.max_grant is not None]
    top: Money | None = None
    top_eur: Decimal | None = None
    for g in grants:
        try:
            eur = fx.convert(g, "EUR").amount
        except NoRate:
            continue
        if top_eur is None or eur > top_eur:
            top, top_eur = g, eur
    questions = company.questions()
    return Row(order, company.source, company.number, company.name, company.country, verdict,
               " ".join(r.scheme.id for r in best), top,
               top_eur.quantize(Decimal(1)) if top_eur is not None else None,
               len(questions), questions[0].field if questions else "")


def ranked(rows: Iterable[Row], top: int | None = None) -> list[Row]:
    """``rows`` in the ranking's order; with ``top``, only the first ``top`` of them, keeping
    no more than that many rows at a time (a heap), whatever the number of companies."""
    if top is None:
        return sorted(rows, key=Row.key)
    return heapq.nsmallest(top, rows, key=Row.key)


def csv_text(rows: Iterable[Row]) -> Iterable[str]:
    """The ranking as CSV, a header and a row per company (columns: :data:`CSV_COLUMNS`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    yield buf.getvalue()
    for i, r in enumerate(rows, 1):
        buf.seek(0)
        buf.truncate()
        g = r.max_grant
        writer.writerow([i, r.number, r.name, r.country, r.verdict, r.schemes,
                         "" if g is None else decimal_str(g.amount),
                         "" if g is None else g.currency,
                         "" if r.max_grant_eur is None else str(r.max_grant_eur), r.questions,
                         r.first_question, r.source])
        yield buf.getvalue()


class Portfolio:
    """The counts of a screening for its summary: how many companies can still fit a scheme,
    how many need one answer (and which), what excluded the others. Counters only: bounded by
    the number of fields and rules, not of companies."""

    def __init__(self) -> None:
        self.companies = 0
        self.failed = 0
        self.by_verdict: Counter[str] = Counter()
        self.by_questions: Counter[int] = Counter()  # companies that need information
        self.one_answer: Counter[str] = Counter()  # the field of those that need one
        self.excluded_by: Counter[str] = Counter()  # "scheme RULE title" of those that fit none
        self.no_number = 0  # companies with questions but no number to match answers by

    def add(self, item: Company | Failed, questions: list[Question] | None = None) -> None:
        """Count ``item``; ``questions``: its questions, when they are at hand already."""
        if isinstance(item, Failed):
            self.failed += 1
            return
        self.companies += 1
        verdict = item.verdict
        self.by_verdict[verdict] += 1
        if questions is None:
            questions = item.questions()
        if verdict == NEEDS:
            self.by_questions[len(questions)] += 1
            if len(questions) == 1:
                self.one_answer[questions[0].field] += 1
        if questions and not item.number:
            self.no_number += 1
        for reason in exclusions(item):
            self.excluded_by[reason] += 1

    @property
    def can_fit(self) -> int:
        return self.by_verdict[FITS] + self.by_verdict[NEEDS]


def exclusions(company: Company) -> list[str]:
    """What excludes a company from each scheme in scope that it does not fit: the failed
    rules ("no-prosessinnovasjon PO11 (…)"); when no scheme is in scope, that."""
    out = []
    for r in company.result.results:
        if r.scope.state != IN_SCOPE or shown_as(r) != NO_FIT:
            continue
        out += [f"{r.scheme.id} {f.rule.id} ({f.rule.title})" for f in deciding_findings(r)
                if f.outcome is Outcome.FAIL]
    if not any(r.scope.state == IN_SCOPE for r in company.result.results):
        out.append("no scheme in scope (another country's schemes, or calls closed)")
    return list(dict.fromkeys(out))
