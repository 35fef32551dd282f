"""Legal bases: the acts a scheme rests on, each with the period it applies, every date cited.

A scheme says *fits* only on dates its rules are encoded for (:func:`horizon`): every legal basis
in force, the page's rules known to apply (the page's version, or the earliest date its own words
allow), and every parameter it uses encoded. The engine turns that into one binding rule per
scheme (:func:`encoded_check`); outside the horizon the rule is *unknown*, naming the act and the
date, so the verdict is *needs information*, never *fits*.

A period's end is ``None`` only where the act itself states no end date; a date nobody knows is
said so in the basis's ``note``, never guessed.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from grantcheck.citations import Citation
from grantcheck.named import NamedTuple
from grantcheck.slots import Frozen, init

if TYPE_CHECKING:
    from collections.abc import Iterable

    from grantcheck.parameters import Parameter


class Fact(NamedTuple):
    """A date a source states, and the citation that states it."""

    value: date
    cite: Citation


class Period(NamedTuple):
    """One act and the days it applies: from ``applies_from`` to ``applies_until`` (both
    included; ``applies_until`` None: the act states no end)."""

    act: str
    applies_from: Fact
    applies_until: Fact | None

    def covers(self, on: date) -> bool:
        return self.applies_from.value <= on and (
            self.applies_until is None or on <= self.applies_until.value)

    def text(self) -> str:
        until = (f"until {self.applies_until.value.isoformat()}" if self.applies_until
                 else "with no end date stated")
        return f"{self.act}, from {self.applies_from.value.isoformat()} {until}"

    def to_json(self) -> dict[str, object]:
        return {
            "act": self.act,
            "applies_from": self.applies_from.value.isoformat(),
            "applies_until": self.applies_until.value.isoformat() if self.applies_until else None,
            "source": [f.cite.to_json() for f in (self.applies_from, self.applies_until) if f],
        }


class LegalBasis(Frozen):
    """What a scheme rests on: ``name`` (the act and article as people say it), the periods of
    the acts that carried it one after the other (the de minimis aid of 1407/2013 and then of
    2023/2831), the citations that tie the scheme to it, and what is not known."""

    __slots__ = ("cites", "name", "note", "periods")
    name: str
    periods: tuple[Period, ...]
    cites: tuple[Citation, ...]
    note: str

    def __init__(self, name: str, periods: tuple[Period, ...], cites: tuple[Citation, ...],
                 note: str = "") -> None:
        if not periods:
            raise ValueError(f"legal basis {name!r} has no period")
        for a, b in pairwise(periods):
            if a.applies_until is None or b.applies_from.value <= a.applies_until.value:
                raise ValueError(f"legal basis {name!r}: periods out of order")
        init(self, "name", name)
        init(self, "periods", periods)
        init(self, "cites", cites)
        init(self, "note", note)

    @property
    def start(self) -> date:
        return self.periods[0].applies_from.value

    @property
    def end(self) -> date | None:
        last = self.periods[-1].applies_until
        return None if last is None else last.value

    def period_on(self, on: date) -> Period | None:
        for p in self.periods:
            if p.covers(on):
                return p
        return None

    def all_cites(self) -> tuple[Citation, ...]:
        dates = [f.cite for p in self.periods for f in (p.applies_from, p.applies_until) if f]
        return tuple(dict.fromkeys((*self.cites, *dates)))

    def to_json(self, on: date | None = None) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name}
        if on is not None:
            period = self.period_on(on)
            out["in_force"] = period is not None
            out["act_in_force"] = period.act if period else None
        out["periods"] = [p.to_json() for p in self.periods]
        if self.note:
            out["note"] = self.note
        out["source"] = [c.to_json() for c in self.cites]
        return out


class Horizon(NamedTuple):
    """The days a scheme's rules are encoded for (both ends included; ``until`` None: no end is
    known to the acts), and what sets each end, in a few words (the basis, "the page's rules",
    or a parameter's name)."""

    start: date
    until: date | None
    start_reason: str
    until_reason: str

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.until is None or on <= self.until)

    def text(self) -> str:
        until = (f"until {self.until.isoformat()} ({self.until_reason})" if self.until
                 else "with no end date stated")
        return f"from {self.start.isoformat()} ({self.start_reason}) {until}"

    def to_json(self) -> dict[str, object]:
        return {"from": self.start.isoformat(), "from_reason": self.start_reason,
                "until": self.until.isoformat() if self.until else None,
                "until_reason": self.until_reason}


def horizon(bases: Iterable[LegalBasis], known_from: Fact | None,
            parameters: Iterable[Parameter[Any]]) -> Horizon:
    """The longest span of days on which every basis is in force, the page's rules are known
    and every parameter is encoded. Parameters and bases whose history is open at the start
    (``date.min``) do not bound it."""
    start, start_reason = date.min, ""
    until: date | None = None
    until_reason = ""

    def later(d: date, why: str) -> None:
        nonlocal start, start_reason
        if d > start:
            start, start_reason = d, why

    def earlier(d: date | None, why: str) -> None:
        nonlocal until, until_reason
        if d is not None and (until is None or d < until):
            until, until_reason = d, why

    for b in bases:
        later(b.start, b.name)
        earlier(b.end, b.name)
    if known_from is not None:
        later(known_from.value, "the page's rules")
    for p in parameters:
        later(p.first_date, p.name)
        earlier(p.valid_until, p.name)
    return Horizon(start, until, start_reason, until_reason)
