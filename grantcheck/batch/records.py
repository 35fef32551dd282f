"""What a batch gives for its inputs: the :class:`Options` every profile is checked with, the
:class:`Worker` that loads, checks and serializes one input into a :class:`Record`, the
:class:`Block` of a chunk's records, and the :class:`Tally` of a batch as it runs."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from grantcheck.batch.best import (
    Grant,
    SchemeCount,
    best_of,
    count_grants,
    grant_of,
    not_encoded,
)
from grantcheck.batch.inputs import Lines
from grantcheck.batch.load import load_task
from grantcheck.batch.task import Task
from grantcheck.engine import VERDICT_VALUE, SchemeResult, SchemeSummary
from grantcheck.engine.scope import NOT_APPLICABLE
from grantcheck.errors import format_problem, profile_error_lines
from grantcheck.matching import MatchResult, MatchSummary, check, summarize_match
from grantcheck.named import NamedTuple
from grantcheck.profile import Problem, ProfileError
from grantcheck.schemes import SCHEME_IDS

# a task and a record are made for every input: made with tuple.__new__ and every field, without
# the named tuple's constructor (a Python function around it), as engine's Check helpers are
_tuple_new = tuple.__new__

OutputKind = Literal["json", "csv", "none"]
Detail = Literal["compact", "full"]


@dataclass(frozen=True)
class Options:
    """What every profile of a batch is checked with, and how a record is serialized."""

    as_of: date
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    schemes: tuple[str, ...] = SCHEME_IDS
    output: OutputKind = "json"  # json: one JSON object per record; csv: one CSV row; none
    # json only: compact (docs/batch.md, by id into `schemes --catalogue`) or full (`match`'s)
    detail: Detail = "compact"

    def __post_init__(self) -> None:
        """Refuses an unknown scheme id (UnknownScheme, with a hint) or output kind at once,
        not once per profile; the scheme modules are imported here, before any worker starts,
        so that forked workers share them."""
        from grantcheck.schemes import get

        for sid in self.schemes:
            get(sid)
        if self.output not in ("json", "csv", "none"):
            raise ValueError(f"output {self.output!r}: expected json, csv or none")
        if self.detail not in ("compact", "full"):
            raise ValueError(f"detail {self.detail!r}: expected compact or full")

    @property
    def undecided(self) -> frozenset[int]:
        """The indices of the schemes with no rules encoded for the date."""
        return not_encoded(self.schemes, self.as_of)


class Record(NamedTuple):
    """One input's outcome, ready to write.

    ``text`` is the record serialized for ``Options.output`` (a JSON object: the compact record
    of docs/batch.md, or with ``Options.detail`` "full" the shape of ``grantcheck match --format
    json``; or a CSV row with its newline). ``verdicts`` holds
    ``(verdict, verdict_if_open)`` per scheme. ``errors`` holds the ``Error: …`` and ``Hint: …``
    lines ``grantcheck match`` would print for this input.
    """

    source: str
    ok: bool
    text: str
    name: str = ""
    verdicts: tuple[tuple[str, str], ...] = ()
    errors: tuple[str, ...] = ()
    internal: bool = False
    warnings: tuple[str, ...] = ()
    grants: tuple[Grant, ...] = ()  # per scheme, the maximum grant or its range


def _shown_verdict(r: SchemeResult | SchemeSummary) -> str:
    """The verdict the table shows: ``not_applicable`` for another country's scheme that the
    company does not claim (its scope, as `match` leaves it out), else the verdict's value."""
    scope = r.scope if isinstance(r.scope, str) else r.scope.state
    return NOT_APPLICABLE if scope == NOT_APPLICABLE else VERDICT_VALUE[r.verdict]


SHOWN_ERRORS = 20  # the failed inputs whose error lines a batch's summary shows


class Block(NamedTuple):
    """The records of consecutive inputs, ready to write: what a worker sends back for a chunk.

    ``data`` holds the records' texts in input order, encoded once (UTF-8, lone surrogates
    kept: :func:`encode`), each JSON record ended by a newline, each CSV row by its own: one
    bytes object to send through a pipe and write, not an object per record to pickle.
    ``done`` counts the records; ``errors`` the error lines of the first failed records (at
    most :data:`SHOWN_ERRORS` of them); ``warnings`` the distinct warnings; ``records`` the
    records themselves, kept only for the table (``Options.output == "none"``), which needs
    each one's name and verdicts.
    """

    data: bytes
    done: int
    failed: int = 0
    internal: int = 0
    errors: tuple[tuple[str, ...], ...] = ()
    warnings: tuple[str, ...] = ()
    records: tuple[Record, ...] = ()
    best: tuple[tuple[str, int], ...] = ()  # how many checked records had each best verdict
    # per scheme, the checked records it fits or needs information from, and their grants
    amounts: tuple[SchemeCount, ...] = ()

    @property
    def text(self) -> str:
        """The records' text (what ``data`` encodes)."""
        return self.data.decode("utf-8", "surrogatepass")

    @classmethod
    def of(cls, records: list[Record], keep: bool = False, lines: bool = False,
           undecided: frozenset[int] = frozenset()) -> Block:
        """The block of ``records``; ``keep`` keeps the records themselves; ``lines`` ends each
        text with a newline (JSON records; a CSV row carries its own); ``undecided``: the
        indices of the schemes with no rules for the date (:func:`~.best.best_of`)."""
        texts = [r.text for r in records]
        data = encode("\n".join(texts) + "\n" if lines and texts else "".join(texts))
        failed = [r for r in records if not r.ok]
        warnings: dict[str, None] = {}
        for r in records:
            if r.warnings:
                warnings.update(dict.fromkeys(r.warnings))
        best = Counter(best_of(r.verdicts, undecided) for r in records if r.ok)
        amounts: list[SchemeCount] = []
        for r in records:
            if r.ok:
                amounts = count_grants(amounts, r.verdicts, r.grants)
        return cls(data, len(records), len(failed), sum(r.internal for r in failed),
                   tuple(r.errors for r in failed[:SHOWN_ERRORS]), tuple(warnings),
                   tuple(records) if keep else (), tuple(best.items()), tuple(amounts))


def encode(text: str) -> bytes:
    """``text`` as UTF-8, a lone surrogate (from a file name that is not UTF-8) kept as it is,
    so that decoding gives ``text`` back and the output's own error handler decides."""
    return text.encode("utf-8", "surrogatepass")


def error_message(e: ProfileError) -> str:
    """Every problem of ``e`` on one line: 'file:line: field: what (Hint: …)'; '; ' between."""
    parts = []
    for p in e.problems:
        text = format_problem(e.source, p)
        parts.append(f"{text} (Hint: {p.hint})" if p.hint else text)
    return "; ".join(parts)


class Worker:
    """Loads, checks and serializes tasks; one per process (or one in-process for jobs=1)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.rates = dict(options.rates)
        if options.output == "csv":
            from grantcheck.render.csv import RowWriter

            self.rows = RowWriter()

    def run(self, chunk: Iterable[Task] | Lines) -> list[Record]:
        """The records of a chunk's tasks (or of the tasks of its lines), in order."""
        tasks = chunk.tasks() if isinstance(chunk, Lines) else chunk
        return [self.one(t) for t in tasks]

    def block(self, chunk: Iterable[Task] | Lines) -> Block:
        """The records of a chunk, as one :class:`Block`."""
        out = self.options.output
        return Block.of(self.run(chunk), out == "none", out == "json", self.options.undecided)

    def one(self, task: Task) -> Record:
        record = self._one(task)
        if task.kind == "registry" and record.ok:  # a stated fact against the registry's
            from grantcheck.registry.overlay import conflicts

            return record._replace(warnings=record.warnings + conflicts(task.source,
                                                                        task.payload[1]))
        return record

    def _one(self, task: Task) -> Record:
        try:
            profile = load_task(task)
            if self.options.output == "json":
                compact = self.options.detail == "compact"  # shows no amount's basis
                m = check(profile, self.options.as_of, rates=self.rates,
                          schemes=self.options.schemes, source=task.source, explain=not compact)
                if compact:
                    return self._compact(m, task.payload[1] if task.kind == "registry" else None)
                full = self._full(m)
                if task.kind == "registry":  # where each fact came from: grantcheck.registry
                    provenance = json.dumps(task.payload[1], ensure_ascii=False)
                    return full._replace(text=f'{full.text[:-1]}, "provenance": {provenance}}}')
                return full
            # csv and the table need the verdicts and amounts only, not the findings
            return self._summary(summarize_match(profile, self.options.as_of, rates=self.rates,
                                                 schemes=self.options.schemes,
                                                 source=task.source),
                                 task.payload[1] if task.kind == "registry" else None)
        except ProfileError as e:
            return self._error(task.source, e)
        except Exception as e:  # a bug of ours: this input's record says so, the rest go on
            return self._internal(task.source, e)

    def _full(self, m: MatchResult) -> Record:
        from grantcheck.render.json import match_to_json

        return self._record(m, match_to_json(m))

    def _compact(self, m: MatchResult, provenance: dict[str, str] | None) -> Record:
        from grantcheck.render.compact import match_to_compact

        return self._record(m, match_to_compact(m, provenance))

    def _summary(self, m: MatchSummary, provenance: dict[str, str] | None = None) -> Record:
        text = ""
        if self.options.output == "csv":
            from grantcheck.render.csv import result_row

            row = result_row(m)
            if provenance:  # a registry unit: one compact cell, path: source | path: source
                row[-2] = " | ".join(f"{path}: {source}" for path, source in provenance.items())
            text = self.rows.text(row)
        return self._record(m, text)

    def _record(self, m: MatchResult | MatchSummary, text: str) -> Record:
        verdicts = tuple((_shown_verdict(r), VERDICT_VALUE[r.verdict_if_open])
                         for r in m.results)
        grants = tuple(grant_of(r) for r in m.results)  # the answer's amounts, every format
        return _tuple_new(Record, (m.source, True, text, m.profile.company.name, verdicts, (),
                                   False, tuple(m.warnings), grants))

    def _error(self, source: str, e: ProfileError) -> Record:
        return Record(source, False, self._error_text(source, e), errors=tuple(
            profile_error_lines(e)))

    def _internal(self, source: str, exc: Exception) -> Record:
        message = f"internal error: {type(exc).__name__}: {exc}"
        e = ProfileError(source, [Problem("", message)])
        return Record(source, False, self._error_text(source, e),
                      errors=(f"Error: {source}: {message}",), internal=True)

    def _error_text(self, source: str, e: ProfileError) -> str:
        out = self.options.output
        if out == "json":
            from grantcheck.render.json import error_to_dict

            return json.dumps(error_to_dict(source, error_message(e), e.problems),
                              ensure_ascii=False)
        if out == "csv":
            from grantcheck.render.csv import error_row

            return self.rows.text(error_row(source, error_message(e), len(self.options.schemes)))
        return ""


@dataclass
class Tally:
    """Counts of a batch as it runs, the first errors to show, and the distinct warnings."""

    SHOWN_ERRORS = SHOWN_ERRORS

    done: int = 0
    failed: int = 0
    internal: int = 0
    error_lines: list[str] = field(default_factory=list)
    warnings: dict[str, None] = field(default_factory=dict)
    warnings_cut: bool = False  # distinct warnings past the first SHOWN_ERRORS: not kept
    best: Counter[str] = field(default_factory=Counter)  # the checked inputs' best verdicts
    # per scheme, the checked inputs it fits or needs information from, with their grants
    amounts: list[SchemeCount] = field(default_factory=list)

    def add(self, block: Block) -> None:
        self.done += block.done
        if block.amounts:
            if not self.amounts:
                self.amounts = [SchemeCount() for _ in block.amounts]
            for mine, theirs in zip(self.amounts, block.amounts, strict=False):
                mine.merge(theirs)
        for errors in block.errors[:max(0, self.SHOWN_ERRORS - self.failed)]:
            self.error_lines += errors
        self.failed += block.failed
        self.best.update(dict(block.best))
        self.internal += block.internal
        for w in block.warnings:
            if w not in self.warnings:
                if len(self.warnings) < self.SHOWN_ERRORS:
                    self.warnings[w] = None
                else:
                    self.warnings_cut = True
