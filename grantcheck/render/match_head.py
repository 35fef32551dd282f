"""The answer of `match`'s default view in one sentence, first and again last: what fits (with
its amounts), what needs information, what no answer can settle on the date because its rules
are not encoded for it, what does not fit, and what is not shown and why. Presentation only, as
:mod:`grantcheck.render.match`, whose first and last lines these are.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text

from grantcheck.engine import SchemeResult
from grantcheck.engine.scope import CLOSED, NOT_APPLICABLE
from grantcheck.engine.settle import (
    COUNTED,
    FITS,
    NEEDS,
    UNDECIDED,
    UNDECIDED_WORDS,
    shown_as,
    undecided,
)
from grantcheck.matching import MatchResult
from grantcheck.numbers import plural
from grantcheck.render.amount_words import grant_words, own_words, settled_by
from grantcheck.shown import command_word

# a scheme with no rules encoded for the date (:data:`UNDECIDED`) is counted apart, with the
# dates its rules cover
_WORDS = {UNDECIDED: UNDECIDED_WORDS}
# the order the answer counts in: the undecided ones right after those that need information
ORDER = [label for k in COUNTED for label in ((k, UNDECIDED) if k == NEEDS else (k,))]


def counted_as(r: SchemeResult) -> str:
    """What the answer counts ``r`` as: :func:`shown_as`, or :data:`UNDECIDED`."""
    return UNDECIDED if undecided(r) else shown_as(r)


def horizon_words(r: SchemeResult) -> str:
    """The dates the scheme's rules are encoded for, as the call's status says it, without its
    reason: "rules not encoded after 2026-12-31", "rules not encoded before 2020-07-03"."""
    return "rules " + r.status_text.split(" (", 1)[0]


def _encoded_words(r: SchemeResult) -> str:
    """The side of the date the rules are encoded on: "encoded from 2020-07-03", "encoded
    until 2026-12-31"."""
    encoded = r.scheme.call.encoded
    if encoded is None:  # not encoded without a horizon: the call's own words
        return horizon_words(r)
    if r.on < encoded.start:
        return f"encoded from {encoded.start.isoformat()}"
    return f"encoded until {encoded.until.isoformat()}" if encoded.until else horizon_words(r)


def _grant_words(r: SchemeResult) -> str:
    """"up to DKK 220,000", "NOK 960,000–3,200,000 by company.employees_fte" (a range and the
    fact that settles it), "no cap stated", or "" when not worked out (or waiting for facts)."""
    a = r.amounts.amounts
    if a is None:
        return ""
    if a.span is not None:
        return f"{grant_words(a)} {settled_by(a)}".rstrip()
    return f"up to {a.max_grant}" if a.max_grant else "" if a.missing else "no cap stated"


def _amounts_words(r: SchemeResult) -> str:
    a = r.amounts.amounts
    if a is None:
        return ""
    own, sought = own_words(a)
    own = f" (own funding {own}{' ' + sought if sought else ''})" if own else ""
    return f", {_grant_words(r)}{own}"


def counts(m: MatchResult, shown: list[SchemeResult]) -> tuple[list[str], int, list[str]]:
    """The verdicts of the schemes shown, counted in words ("2 need information"), how many
    are not shown, and why."""
    counted = Counter(counted_as(r) for r in shown)
    words = [plural(counted[label], *(COUNTED.get(label) or _WORDS[label]))
             for label in ORDER if counted[label]]
    ids = {id(r) for r in shown}
    hidden = [r for r in m.results if id(r) not in ids]
    why = []
    if any(r.scope.state == NOT_APPLICABLE for r in hidden):
        why.append("other country")
    if any(r.scope.state == CLOSED for r in hidden):
        why.append("closed")
    return words, len(hidden), why


def headline(m: MatchResult, shown: list[SchemeResult]) -> Text:
    """The answer in one sentence: what fits (with its amounts), what needs information, what
    has no rules encoded for the date (with the dates they cover), what does not fit, and how
    many schemes are not shown and why."""
    c = m.profile.company
    words, hidden, why = counts(m, shown)
    fits = [r for r in shown if shown_as(r) == FITS]
    t = Text()
    t.append(c.name, style="bold")
    t.append(f" ({c.country}) on {m.on.isoformat()}: ")
    named = {label: [r for r in shown if counted_as(r) == label] for label in ORDER}
    if fits:
        t.append(plural(len(fits), "scheme fits", "schemes fit"), style="bold green")
        t.append(" — " + "; ".join(f"{r.scheme.name}{_amounts_words(r)}" for r in fits))
        words = words[1:]
    else:
        # "yet" only while a scheme shown can still fit (answers or a date could settle it)
        t.append("no scheme fits" + (" yet" if named[NEEDS] or named[UNDECIDED] else ""),
                 style="bold")
        if named[NEEDS]:  # then what answers could bring is the answer: each one's amount
            words[0] += " (" + "; ".join(
                r.scheme.name + (f", {g}" if (g := _grant_words(r)) else "")
                for r in named[NEEDS]) + ")"
    if named[UNDECIDED]:  # which ones, and the dates their rules cover
        i = 1 if named[NEEDS] else 0  # after the count of those that need information
        words[i] += " (" + "; ".join(f"{r.scheme.name}, {_encoded_words(r)}"
                                     for r in named[UNDECIDED]) + ")"
    if hidden:
        words.append(f"{hidden} not shown ({', '.join(why)})")
    t.append(("; " if fits else " — ") + "; ".join(words) + "." if words else ".")
    return t


def closing(m: MatchResult, shown: list[SchemeResult]) -> Text:
    """The counts again, and the command that shows the details: of the first scheme that
    fits, else of the first that needs information that answers can settle."""
    words, hidden, _ = counts(m, shown)
    if hidden:
        words.append(f"{hidden} not shown (--all)")
    first = next((r for r in shown if shown_as(r) == FITS), None) or next(
        (r for r in shown if counted_as(r) == NEEDS), None) or next(
        (r for r in shown if shown_as(r) == NEEDS), None) or (shown[0] if shown else None)
    t = Text("In short: " + ", ".join(words or ["no scheme"]) + ". ", style="bold")
    source = command_word(m.source) if m.source else "PROFILE"
    if first is not None:
        t.append(f"Details: grantcheck match {source} --explain --scheme {first.scheme.id}")
    else:
        t.append(f"All schemes: grantcheck match {source} --all")
    return t
