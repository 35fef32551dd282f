"""A registry screening in this process: each unit's profile, its result, and the questions
that would settle its open schemes.

A unit that cannot be read (a malformed row, an unknown code) is yielded as a :class:`Failed`
naming its source and what is wrong, and the screening goes on, as in ``batch``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.batch.load import load_task
from grantcheck.batch.records import error_message
from grantcheck.batch.task import Task
from grantcheck.engine.encoded import FIX
from grantcheck.engine.settle import FITS, NEEDS, RANK, shown_as, undecided, unknown_fields
from grantcheck.matching import MatchResult, check
from grantcheck.profile import ProfileError


@dataclass(frozen=True, slots=True)
class Question:
    """A fact to ask: its field path (or, for a rule that names none, what to do, in
    brackets) and the rules it would settle, as (scheme id, rule id)."""

    field: str
    settles: tuple[tuple[str, str], ...]

    @property
    def schemes(self) -> list[str]:
        return list(dict.fromkeys(s for s, _ in self.settles))


@dataclass(frozen=True, slots=True)
class Company:
    """One screened unit: where it came from, its profile data and the provenance of each
    fact (path → source), and its result."""

    source: str
    data: dict[str, Any]
    provenance: dict[str, str]
    result: MatchResult

    @property
    def number(self) -> str:
        """The organisation or CVR number, digits only ('' when the registry gives none, as
        for a Swedish sole trader, whose personal number is not copied)."""
        c = self.data.get("company", {})
        raw = c.get("org_number") or c.get("cvr_number") or ""
        return "".join(ch for ch in str(raw) if ch.isalnum())

    @property
    def name(self) -> str:
        return self.result.profile.company.name

    @property
    def country(self) -> str:
        return self.result.profile.company.country

    @property
    def verdict(self) -> str:
        """The best a scheme shows for it: fits, needs information, does not fit, not
        applicable or closed (:data:`grantcheck.engine.settle.RANK` order)."""
        labels = [shown_as(r) for r in self.result.results]
        return min(labels, key=RANK.__getitem__) if labels else "not applicable"

    def questions(self) -> list[Question]:
        """The facts that would settle the schemes that need information, those that settle
        the most rules first (then in the order the schemes ask them): only these, so a
        company whose schemes are all decided has none; none for a scheme with no rules
        encoded for the date (no answer settles it then: its questions are not asked)."""
        return questions_of(self.result)


# an unknown rule's fix when no rules are encoded for the date ("(choose an evaluation date the
# rules cover (--as-of): …)"): said to whoever runs the screening, never asked of a company
_NO_RULES = f"({FIX}"


def questions_of(m: MatchResult) -> list[Question]:
    """See :meth:`Company.questions`."""
    settles: dict[str, list[tuple[str, str]]] = {}
    for r in m.results:
        if shown_as(r) != NEEDS or undecided(r):  # no answer settles it on the date
            continue
        for field, rules in unknown_fields(r).items():
            if field.startswith(_NO_RULES):  # the office's to do (--as-of), not the company's
                continue
            settles.setdefault(field, []).extend((r.scheme.id, rule) for rule in rules)
    weight = Counter({k: len(v) for k, v in settles.items()})
    order = sorted(settles, key=lambda k: -weight[k])  # stable: the schemes' order otherwise
    return [Question(k, tuple(dict.fromkeys(settles[k]))) for k in order]


@dataclass(frozen=True, slots=True)
class Failed:
    """A unit that could not be screened: its source and why."""

    source: str
    message: str


def screen(tasks: Iterable[Task], on: date, rates: Mapping[str, Decimal],
           schemes: Iterable[str]) -> Iterator[Company | Failed]:
    """Each task checked against ``schemes`` on ``on``, in input order, one at a time."""
    ids = tuple(schemes)
    for task in tasks:
        try:
            profile = load_task(task)
        except ProfileError as e:
            yield Failed(task.source, error_message(e))
            continue
        if task.kind == "registry":
            data, provenance = task.payload
        else:
            data, provenance = profile.model_dump(mode="json", exclude_none=True), {}
        result = check(profile, on, rates=rates, schemes=ids, source=task.source)
        result.provenance = dict(provenance)  # shown by --explain beside the figures
        yield Company(task.source, data, result.provenance, result)


def can_fit(verdict: str) -> bool:
    """Whether a company's verdict leaves a scheme it can still get: fits or needs
    information."""
    return verdict in (FITS, NEEDS)
