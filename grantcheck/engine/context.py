"""What a rule sees: the context (profile, date, rates) and the caches under the rule API."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from grantcheck.fx import FxRates
from grantcheck.money import Money, trusted
from grantcheck.parameters import Parameter
from grantcheck.slots import Fields

if TYPE_CHECKING:
    from grantcheck.profile import Profile

from grantcheck.engine.checks import Missing
from grantcheck.facts import Range
from grantcheck.profile.bounds import DOMAIN_COUNT, DOMAIN_PERCENT

# --- context ------------------------------------------------------------------------------------


_UNSET: Any = object()  # Ctx.once's "not remembered yet" (None may be a remembered value)
# (date, currency, profile currency, rates' key) -> a number never given to other terms: a
# constant's key holds the number, which hashes at once, where the tuple would be hashed anew
_TERMS: dict[tuple[Any, ...], int] = {}
_TERMS_COUNT = itertools.count()


def _terms_number(terms: tuple[Any, ...]) -> int:
    number = _TERMS.get(terms)
    if number is None:
        if len(_TERMS) >= 4096:
            _TERMS.clear()  # numbers are not reused: a context holding an old one only misses
        number = _TERMS[terms] = next(_TERMS_COUNT)
    return number


_UNSTATED: dict[str, Range] = {}  # path -> the range of a fact not stated (immutable, shared)
_GETTERS: dict[str, Callable[[Any], Any]] = {}  # "company.turnover" -> its attrgetter
T = TypeVar("T")
# Ctx.constant's values: (fn, args, number of (date, currency, profile currency, rates' key))
# -> (value, the currencies whose rates computing it asked for)
_CONSTANTS: dict[tuple[Any, ...], tuple[Any, tuple[str, ...]]] = {}


class Ctx(Fields):
    """What a rule sees: the profile, the evaluation date, the exchange rates.

    The profile is frozen and the date fixed, so what is computed from them alone can be
    computed once per context (:meth:`once`) and shared by the rules of every scheme.

    Amounts are in :attr:`currency`: the company's own for the rules, the scheme's for its
    amounts (:meth:`in_currency`), with the profile's figures converted at the dated rate.
    """

    __slots__ = (
        "_base",
        "_currency",
        "_memo",
        "_profile_currency",
        "_terms",
        "fx",
        "on",
        "profile",
    )

    def __init__(self, profile: Profile, on: date, fx: FxRates) -> None:
        self.profile, self.on, self.fx = profile, on, fx
        self._currency = self._profile_currency = profile.company.money_currency
        self._base: Ctx | None = None
        self._memo: dict[Any, Any] = {}
        self._terms: int | None = None

    @property
    def currency(self) -> str:
        return self._currency

    @property
    def profile_currency(self) -> str:
        """The currency of the profile's amounts (the company's)."""
        return self._profile_currency

    @property
    def base(self) -> Ctx:
        """The context in the company's own terms (itself, unless made by :meth:`in_currency`):
        facts about the company, such as its SME status, are decided there once."""
        return self if self._base is None else self._base

    def in_currency(self, currency: str) -> Ctx:
        """This context with its amounts in ``currency`` (itself when that is the company's):
        :meth:`money` converts the profile's figures into it. Its :meth:`once` memo is its own,
        since what is remembered may be amounts; :attr:`base` leads back to this one. Made once
        per currency (the schemes of one currency share it, and what it remembers)."""
        if currency == self._currency:
            return self
        base = self.base
        if currency == base._currency:
            return base
        key = (Ctx.in_currency, currency)
        other: Ctx | None = base._memo.get(key)
        if other is None:
            other = base._memo[key] = Ctx(self.profile, self.on, self.fx)
            other._currency = currency
            other._base = base
        return other

    def value(self, path: str) -> Any:
        """The value at a dotted profile path, or None when it is not stated."""
        get = _GETTERS.get(path)
        if get is None:
            if len(_GETTERS) >= 4096:
                _GETTERS.clear()
            get = _GETTERS[path] = attrgetter(path)  # follows the dots in C
        try:
            return get(self.profile)
        except AttributeError:  # a section that is not stated (None) on the way, or a bad path
            obj: Any = self.profile
            for part in path.split("."):
                obj = getattr(obj, part)  # a path naming no field raises, as it should
                if obj is None:
                    return None
            return obj

    def once(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(self, *args)``, computed at most once per context and arguments; ``fn`` must be
        pure (it reads only the profile, the date and the rates). A call that raises is not
        remembered (a remembered exception would keep its traceback's frames, and the context
        with them, alive in a reference cycle: measured slower)."""
        key = (fn, args) if args else fn
        value: T = self._memo.get(key, _UNSET)  # not try/except: most first calls miss
        if value is _UNSET:
            value = self._memo[key] = fn(self, *args)
        return value

    def forget(self) -> None:
        """Drop what :meth:`once` remembered, here and in the contexts :meth:`in_currency` made
        from this one; a later call computes it again. Call it when the context's work is done:
        what is remembered refers back to the context (a context in another currency leads back
        to its base; a text made when shown keeps the context it reads), and such a cycle is
        freed by Python's cyclic garbage collector only, not when the last reference goes.
        Measured in a batch worker: with every profile's objects left to the collector, 8 % more
        CPU per profile."""
        memo = self.base._memo
        for value in memo.values():
            if isinstance(value, Ctx):
                value._memo.clear()
        memo.clear()
        self._memo.clear()

    def constant(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(self, *args)`` for a value that depends on the date, the currencies and the exchange
        rates alone, never on the profile (a ceiling converted from EUR, the sentence stating
        it): computed once per (fn, args, date, currencies, rates) and shared by every profile of a
        batch. The rates computing it asked for are asked for again on each call, so that the
        result lists the same rates as used. A call that raises is not remembered."""
        result: T
        fx = self.fx
        terms = self._terms
        if terms is None:  # what every constant of this context depends on, besides fn and args
            terms = self._terms = _terms_number(
                (self.on, self._currency, self._profile_currency, fx.key))
        key = (fn, args, terms)
        hit = _CONSTANTS.get(key)
        if hit is None:
            with fx.recording() as asked:
                value = fn(self, *args)
            if len(_CONSTANTS) >= 4096:
                _CONSTANTS.clear()
            hit = _CONSTANTS[key] = (value, tuple(asked))
        elif hit[1]:  # the rates it asked for, asked for again (most constants ask none)
            fx.ask(hit[1])
        result = hit[0]
        return result

    def param(self, p: Parameter[Any]) -> Any:
        """The value of ``p`` in force on the evaluation date (NotEncoded, an unknown, when the
        rules for that date are not encoded)."""
        return p.at(self.on)

    def param_money(self, p: Parameter[Decimal]) -> Money:
        """A parameter stated in a currency, in force on the evaluation date, in this
        context's currency (converted at the dated rate and rounded to the cent when they
        differ; computed once per date and rates)."""
        money = p.money(self.on)
        if money.currency == self._currency:
            return money
        return self.constant(_param_in_currency, p)

    def fact(self, path: str) -> Any:
        """A numeric fact at a dotted profile path (``company.related[0].staff`` too): its
        value, the range the profile states for it, or — when not stated — the widest range
        it can have (a percentage, a field named ``*_percent``: 0 to 100; any other count or
        amount: 0 and up), never a default. A range is named after ``path``, so that a rule it
        leaves open names the fact that would settle it (:mod:`grantcheck.facts`)."""
        v = self.value(path) if "[" not in path else _indexed(self.profile, path)
        if v is None:
            unstated = _UNSTATED.get(path)
            if unstated is None:
                domain = DOMAIN_PERCENT if path.endswith("_percent") else DOMAIN_COUNT
                if len(_UNSTATED) >= 4096:
                    _UNSTATED.clear()
                unstated = _UNSTATED[path] = domain.named(path, stated=False)
            return unstated
        if type(v) is Range:
            return v.named(path)
        return v

    def figure(self, value: Any, path: str) -> Any:
        """:meth:`fact` for a value already in hand (read from the model at ``path``): the
        same answer without looking the path up again."""
        if type(value) is Decimal:
            return value
        if value is None:
            unstated = _UNSTATED.get(path)
            return unstated if unstated is not None else self.fact(path)
        if type(value) is Range:
            return value.named(path)
        return value

    def need(self, path: str) -> Any:
        v = self.value(path)
        if v is None:
            raise Missing(path)
        return v

    def money(self, amount: Any) -> Any:
        """An amount from the profile (in the company's currency), in :attr:`currency`:
        converted at the dated rate and rounded half up to the øre/öre when they differ, so
        that amounts computed from it add up to the cent as shown."""
        if type(amount) is Range:  # a figure stated within bounds: the range of its amounts
            return amount.map(self.money)
        # a profile figure is a Decimal (the model validated it) in the company's currency
        m = trusted(amount, self._profile_currency) if type(amount) is Decimal else Money(
            amount, self._profile_currency)
        to = self._currency
        return m if to == self._profile_currency else self.fx.convert(m, to).rounded()

    def convert(self, money: Money, to: str) -> Money:
        return self.fx.convert(money, to)


def _indexed(obj: Any, path: str) -> Any:
    """The value at a dotted path with list indices (``company.related[0].staff``), or None
    when a section or entry on the way is not stated."""
    for part in path.split("."):
        name, _, index = part.partition("[")
        obj = getattr(obj, name)
        if obj is None:
            return None
        if index:
            i = int(index.rstrip("]"))
            if i >= len(obj):
                return None
            obj = obj[i]
    return obj


def _param_in_currency(ctx: Ctx, p: Parameter[Decimal]) -> Money:
    return ctx.convert(p.money(ctx.on), ctx.currency).rounded()
