"""The shortlist: companies ranked by their best prospect, and the portfolio's counts.

A company's row (:class:`Row`) is its verdict (the best any scheme shows for it) and its best
prospect: of the schemes that show that verdict, the one with the highest grant, then the
fewest facts that settle it. Rows are ordered by verdict (fits, needs information, does not
fit, not applicable, closed: a company out of every scheme comes after all that can still fit
one), then by the best prospect's grant, highest first, then by the number of facts that
settle that scheme, fewest first, then in input order. The questions a company's *other*
schemes ask do not count against it: a company that needs answers for two schemes is no worse
a prospect than one that is out of the second. Amounts in different currencies are compared in
euros, converted at the dated rate ``grantcheck.fx`` uses for the evaluation date (``--rate``
overrides it); the rates used are stated with the ranking. A row is small (a few short strings
and numbers): the ranking keeps one per company and nothing else of it, and with a ``top``
only that many.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from grantcheck.batch.best import SchemeCount, grant_of
from grantcheck.engine import Outcome
from grantcheck.engine.evaluate import SchemeResult
from grantcheck.engine.scope import IN_SCOPE
from grantcheck.engine.settle import (
    COUNTED,
    FITS,
    NEEDS,
    NO_FIT,
    RANK,
    UNDECIDED,
    UNDECIDED_WORDS,
    deciding_findings,
    shown_as,
    undecided,
)
from grantcheck.fx import FxRates, NoRate
from grantcheck.money import Money, decimal_str
from grantcheck.named import NamedTuple
from grantcheck.numbers import plural
from grantcheck.outreach.screen import Company, Failed, Question
from grantcheck.render.csv import RowWriter

CSV_COLUMNS = ("rank", "number", "name", "country", "verdict", "schemes", "max_grant",
               "currency", "max_grant_eur", "open_questions", "first_question",
               "also_needs_information", "best_scheme", "best_scheme_questions", "source",
               "counted_as")


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
    also_open: str = ""  # a company that fits: the schemes that still need information, by id
    best: str = ""  # the best prospect: of ``schemes``, the highest grant, then fewest facts
    best_questions: int = 0  # the facts that would settle ``best`` (0 when it fits)
    undecided: bool = False  # needs information only from schemes with no rules for the date

    def key(self) -> tuple[int, bool, Decimal, int, int]:
        """The ranking order: verdict (of those that need information, those that need it only
        from schemes with no rules encoded for the date last, as match lists them), then the
        best prospect's amount in euros (none last), then the fewer facts that settle it, then
        input order."""
        return (RANK[self.verdict], self.undecided, _eur_key(self.max_grant_eur),
                self.best_questions, self.order)


def _eur_key(eur: Decimal | None) -> Decimal:
    """An amount in euros as a sort key, highest first, none after every amount."""
    return -(eur if eur is not None else Decimal(-1))


def row_of(company: Company, order: int, fx: FxRates,
           questions: list[Question] | None = None) -> Row:
    """``company``'s row; amounts converted to euros with ``fx`` (which records the rates);
    ``questions``: its questions, when they are at hand already."""
    verdict = company.verdict
    best = [r for r in company.result.results if shown_as(r) == verdict] if (
        verdict in (FITS, NEEDS)) else []
    if questions is None:
        questions = company.questions()
    # each candidate: (scheme id, its grant, the grant in euros, the facts that settle it)
    candidates = [(r.scheme.id, *_grant(r, fx), sum(r.scheme.id in q.schemes for q in questions))
                  for r in best]
    prospect = min(candidates, key=lambda c: (_eur_key(c[2]), c[3]), default=None)
    also = [r.scheme.id for r in company.result.results if shown_as(r) == NEEDS] if (
        verdict == FITS) else []
    top, top_eur = (prospect[1], prospect[2]) if prospect else (None, None)
    return Row(order, company.source, company.number, company.name, company.country, verdict,
               " ".join(r.scheme.id for r in best), top,
               top_eur.quantize(Decimal(1)) if top_eur is not None else None,
               len(questions), questions[0].field if questions else "", " ".join(also),
               prospect[0] if prospect else "", prospect[3] if prospect else 0,
               counted_as(company) == UNDECIDED)


def _grant(r: SchemeResult, fx: FxRates) -> tuple[Money | None, Decimal | None]:
    """The maximum grant of the scheme's result ``r`` and the same in euros (both None when
    it is not known, or has no rate to euros)."""
    grant = r.amounts.amounts.max_grant if r.amounts.amounts is not None else None
    if grant is None:
        return None, None
    try:
        return grant, fx.convert(grant, "EUR").amount
    except NoRate:
        return None, None


def ranked(rows: Iterable[Row], top: int | None = None) -> list[Row]:
    """``rows`` in the ranking's order; with ``top``, only the first ``top`` of them, keeping
    no more than that many rows at a time (a heap), whatever the number of companies."""
    if top is None:
        return sorted(rows, key=Row.key)
    return heapq.nsmallest(top, rows, key=Row.key)


def csv_text(rows: Iterable[Row]) -> Iterable[str]:
    """The ranking as CSV, a header and a row per company (columns: :data:`CSV_COLUMNS`).
    ``counted_as`` is what the headline counts the company as (its verdict, or "no rules
    encoded"), so the rows add up to its counts; a company that needs information only from
    schemes with no rules for the date has no count of questions for its best prospect (no
    answer settles it), as the table shows it."""
    writer = RowWriter()  # a name a spreadsheet would run is marked as text, as batch's
    yield writer.text(CSV_COLUMNS)
    for i, r in enumerate(rows, 1):
        g = r.max_grant
        yield writer.text([str(c) for c in (
            i, r.number, r.name, r.country, r.verdict, r.schemes,
            "" if g is None else decimal_str(g.amount), "" if g is None else g.currency,
            "" if r.max_grant_eur is None else str(r.max_grant_eur), r.questions,
            r.first_question, r.also_open, r.best,
            r.best_questions if r.best and not r.undecided else "", r.source,
            UNDECIDED if r.undecided else r.verdict)])


class Portfolio:
    """The counts of a screening for its summary: how many companies can still fit a scheme,
    how many need one answer (and which), what excluded the others; per scheme, how many it
    fits or needs information from, and for how much. Counters only: bounded by the number of
    fields, rules and schemes, not of companies."""

    def __init__(self) -> None:
        self.companies = 0
        self.failed = 0
        self.by_verdict: Counter[str] = Counter()
        self.by_questions: Counter[int] = Counter()  # companies that need information
        self.one_answer: Counter[str] = Counter()  # the field of those that need one
        self.excluded_by: Counter[str] = Counter()  # "scheme RULE title" of those that fit none
        self.no_number = 0  # companies with questions but no number to match answers by
        self.schemes: dict[str, SchemeCount] = {}  # the schemes in scope for any company

    def add(self, item: Company | Failed, questions: list[Question] | None = None) -> None:
        """Count ``item``; ``questions``: its questions, when they are at hand already."""
        if isinstance(item, Failed):
            self.failed += 1
            return
        self.companies += 1
        verdict = item.verdict
        self.by_verdict[counted_as(item)] += 1
        if questions is None:
            questions = item.questions()
        if verdict == NEEDS and questions:  # none: only a date the rules cover would settle it
            self.by_questions[len(questions)] += 1
            if len(questions) == 1:
                self.one_answer[questions[0].field] += 1
        if questions and not item.number:
            self.no_number += 1
        for reason in exclusions(item):
            self.excluded_by[reason] += 1
        for r in item.result.results:
            if r.scope.state != IN_SCOPE:
                continue
            count = self.schemes.setdefault(r.scheme.id, SchemeCount())
            shown = shown_as(r)
            if shown in (FITS, NEEDS):
                count.add(shown, grant_of(r))

    def verdict_words(self, always: tuple[str, ...] = ()) -> str:
        """The companies by best verdict, in match's order and words ("0 fit, 2 need
        information, 1 has no rules encoded for the date"); a count of 0 only for ``always``."""
        return ", ".join(plural(self.by_verdict[v], *_WORDS[v]) for v in _WORDS
                         if self.by_verdict[v] or v in always)

    @property
    def can_fit(self) -> int:
        return self.by_verdict[FITS] + self.by_verdict[NEEDS]

    def headline(self, on: str) -> list[str]:
        """What the screening found, first: how many units, how many read, how many can still
        fit a scheme (by best verdict), then per scheme how many and for how much."""
        units = self.companies + self.failed
        read = f", {self.failed:,} of them could not be read" if self.failed else ""
        verdicts = self.verdict_words(always=(FITS, NEEDS))
        first = (f"{plural(units, 'unit', 'units')} screened on {on}{read}: "
                 f"{self.can_fit:,} of {plural(self.companies, 'company', 'companies')} can "
                 f"still fit a scheme ({verdicts}).")
        day = date.fromisoformat(on)
        return [first] + [f"  {c.line(s, day)}" for s, c in sorted(self.schemes.items())]


# the best verdicts a screening counts, in match's order and words: those that need information
# only from schemes with no rules encoded for the date right after those that need information
_WORDS = {label: words for k, v in COUNTED.items()
          for label, words in (((k, v), (UNDECIDED, UNDECIDED_WORDS)) if k == NEEDS
                               else ((k, v),))}


def counted_as(company: Company) -> str:
    """What a screening counts ``company`` as: its verdict, or :data:`UNDECIDED` when it needs
    information only from schemes with no rules encoded for the date (as match's answer counts
    such a scheme: no answer settles it then, so it cannot make the company one that can still
    fit)."""
    verdict = company.verdict
    if verdict == NEEDS and not any(shown_as(r) == NEEDS and not undecided(r)
                                    for r in company.result.results):
        return UNDECIDED
    return verdict


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
