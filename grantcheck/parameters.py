"""Every number a rule uses is a Parameter: dated values, a unit, and the citation that set it.

``Parameter.at(on)`` gives the value in force on a date. A date before the first value, or after
``valid_until``, raises :class:`NotEncoded`; the engine turns that into an *unknown* finding saying
that the rules for that date are not encoded, never into a guess.

Values are Decimal for amounts and rates (units ``DKK``/``NOK``/``SEK``/``EUR``, ``rate``,
``hours``, ``persons``, ``years``, ``FTE``), or ``date`` for dates.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import Any, Generic, TypeVar

from grantcheck.citations import Citation
from grantcheck.money import CURRENCIES, Money
from grantcheck.slots import Frozen, init

V = TypeVar("V", Decimal, date, int)

UNITS = frozenset({*CURRENCIES, "rate", "percent", "hours", "persons", "years", "months", "FTE",
                   "date",
                   "characters", "slides", "pages", "MB", "weeks"})


class NotEncoded(LookupError):
    """A parameter has no value for the evaluation date."""

    def __init__(self, parameter: Parameter[object], on: date) -> None:  # type: ignore[type-var]
        self.parameter = parameter
        self.on = on
        super().__init__(
            f"the rules for {on.isoformat()} are not encoded: {parameter.name} is known "
            f"{parameter.coverage()}"
        )


_MEMO_DATES = 64


class Parameter(Frozen, Generic[V]):
    """A number the rules use, with its dated values (the value in force from each date on), its
    unit, its source and the last day it is known to be valid. One object per parameter:
    compared and hashed by identity."""

    __slots__ = (
        "_at",
        "_dates",
        "_money",
        "name",
        "note",
        "source",
        "sources",
        "unit",
        "valid_until",
        "values",
    )
    name: str
    unit: str
    values: Mapping[date, V]
    source: Citation
    sources: Mapping[date, Citation]
    valid_until: date | None
    note: str
    _dates: tuple[date, ...]
    # the value in force on a date, once looked up: a batch asks for the same date again and
    # again (bounded; a parameter's values never change after it is made)
    _at: dict[date, V]
    _money: dict[date, Money]

    def __init__(self, name: str, unit: str, values: Mapping[date, V], source: Citation,
                 valid_until: date | None = None, note: str = "",
                 sources: Mapping[date, Citation] | None = None) -> None:
        """``sources``: the citation of a value set by another act than ``source`` states (by
        the value's date), so that no value is cited to words stating another figure."""
        if not values:
            raise ValueError(f"parameter {name} has no values")
        if unit not in UNITS:
            raise ValueError(f"parameter {name}: unknown unit {unit!r}")
        if sources and not set(sources) <= set(values):
            raise ValueError(f"parameter {name}: a source for a date with no value")
        for slot, value in (("name", name), ("unit", unit), ("values", values),
                            ("source", source), ("sources", dict(sources or {})),
                            ("valid_until", valid_until), ("note", note),
                            ("_dates", tuple(sorted(values))), ("_at", {}), ("_money", {})):
            init(self, slot, value)

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def first_date(self) -> date:
        """The first day a value is encoded for (``date.min``: every day up to the end)."""
        return self._dates[0]

    def covers(self, on: date) -> bool:
        """Whether a value is encoded for ``on`` (:meth:`at` would not raise)."""
        return self._dates[0] <= on and (self.valid_until is None or on <= self.valid_until)

    def source_on(self, on: date) -> Citation:
        """The citation of the value in force on ``on``: its own (``sources``), else
        ``source``."""
        if self.sources:
            started = [d for d in self._dates if d <= on]
            if started:
                return self.sources.get(started[-1], self.source)
        return self.source

    def coverage(self) -> str:
        start = self._dates[0]
        start_text = "from the start" if start == date.min else f"from {start.isoformat()}"
        end = f" to {self.valid_until.isoformat()}" if self.valid_until else " on"
        return f"{start_text}{end}"

    def at(self, on: date) -> V:
        try:
            return self._at[on]
        except KeyError:
            pass
        if on < self._dates[0] or (self.valid_until is not None and on > self.valid_until):
            raise NotEncoded(self, on)  # type: ignore[arg-type]
        current = self._dates[0]
        for d in self._dates:
            if d <= on:
                current = d
            else:
                break
        if len(self._at) >= _MEMO_DATES:
            self._at.clear()
        value = self._at[on] = self.values[current]
        return value

    def money(self, on: date) -> Money:
        """The value as Money, for parameters whose unit is a currency."""
        if self.unit not in CURRENCIES:
            raise TypeError(f"parameter {self.name} is in {self.unit}, not a currency")
        money = self._money.get(on)
        if money is None:
            value = self.at(on)
            assert isinstance(value, Decimal)
            if len(self._money) >= _MEMO_DATES:
                self._money.clear()
            money = self._money[on] = Money(value, self.unit)
        return money

    def to_json(self, on: date) -> dict[str, object]:
        try:
            value: object = self.at(on)
        except NotEncoded:
            value = None
        return {
            "name": self.name,
            "unit": self.unit,
            "value": str(value) if value is not None else None,
            "history": {d.isoformat() if d != date.min else "always": str(v)
                        for d, v in sorted(self.values.items())},
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "source": self.source_on(on).to_json(),
        }


# Pages that state a number without a date: the value applies to every evaluation date the page
# covers. ``ALWAYS`` marks that, so no start date is invented.
ALWAYS = date.min


def constant(name: str, unit: str, value: V, source: Citation, note: str = "",
             valid_until: date | None = None) -> Parameter[V]:
    """A number stated on an undated page: in force for every date up to ``valid_until``."""
    return Parameter(name, unit, {ALWAYS: value}, source, valid_until=valid_until, note=note)


class PageNumbers:
    """The maker of an undated page's numbers, each in force from ``valid_from`` (the day the
    page is known from, or its legal basis's first) to ``valid_until`` (None: no end stated):
    on any other day a number is not encoded, so no rule decides by it and no amount is shown.
    Written once for the schemes whose pages state their numbers without dates."""

    def __init__(self, valid_from: date, valid_until: date | None = None) -> None:
        self.valid_from, self.valid_until = valid_from, valid_until

    def __call__(self, name: str, unit: str, value: V, source: Citation, note: str = ""
                 ) -> Parameter[V]:
        return Parameter(name, unit, {self.valid_from: value}, source,
                         valid_until=self.valid_until, note=note)


def parameters_of(module: ModuleType, *extra: Parameter[Any]) -> tuple[Parameter[Any], ...]:
    """Every :class:`Parameter` ``module`` holds at its top level, in the order it defines (or
    imports) them, then ``extra`` (e.g. shared law's parameters the scheme uses), each once: a
    scheme's ``parameters=`` without a hand-kept tuple that can forget one."""
    found = [v for v in vars(module).values() if isinstance(v, Parameter)]
    return tuple(dict.fromkeys((*found, *extra)))
