"""Facts known exactly, within bounds, or not at all — and what a rule may conclude from them.

A numeric fact of the profile is a number, a :class:`Range` the profile states (``{ min = 10,
max = 19 }``: a registry's size band, an approximate figure), or not stated. Not stated is not 0:
it is the widest range the fact allows (a count or an amount: 0 and up; a percentage: 0 to 100),
and the rules read it as such (``Ctx.fact``).

A rule written for exact numbers runs unchanged on ranges: arithmetic on a range gives the range
of every result, and a comparison is decided when every value of the range gives the same answer.
When they do not, the comparison raises :class:`Undecided`, and the rule is *unknown*, naming the
facts of the range and the threshold at which the answer changes. Decided this way, a *pass* or
*fail* holds for every exact value in the range: each comparison the rule made would have come
out the same for each of them, so the rule would have taken the same path.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from grantcheck.money import Money, format_amount

INF = Decimal("Infinity")  # the upper end of a range with none
_ZERO = Decimal(0)


class Missing(LookupError):
    """A profile field a rule needs is not stated."""

    def __init__(self, *fields: str, why: Any = "") -> None:
        # raised often and caught at once: BaseException.__new__ has set args to the fields
        # already, so no super().__init__; __str__ joins them when asked
        self.fields = fields
        self.why = why

    def __str__(self) -> str:
        return ", ".join(self.fields)

    def text(self) -> str:
        """What the rule that raised it says: which facts it lacks, and why."""
        because = f" ({self.why})" if self.why else ""
        return f"the profile does not state {', '.join(self.fields)}{because}"


class Unsettled(Missing):
    """Facts the profile states only within bounds (or not at all) that leave an answer open:
    ``why`` says what the range is and where the answer changes. A kind of :class:`Missing`, so
    that every place that turns a missing fact into *unknown* handles it the same way."""

    def text(self) -> str:
        why: Any = self.why  # a text, or a function that makes it (made when shown)
        return why if type(why) is str else why()


class Undecided(Unsettled):
    """A comparison that the values of a range do not all answer the same way."""

    def __init__(self, value: Range, threshold: Any) -> None:
        self.fields = value.facts
        self.value = value
        self.threshold = threshold

    @property
    def why(self) -> str:
        return f"{self.value.described()}: the answer changes at {show(self.threshold)}"


def _ends(x: Any) -> tuple[Any, Any]:
    return (x.lo, x.hi) if type(x) is Range else (x, x)


def _facts(a: Any, b: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fa, ua = (a.facts, a.unstated) if type(a) is Range else ((), ())
    fb, ub = (b.facts, b.unstated) if type(b) is Range else ((), ())
    if not fb:
        return fa, ua
    if not fa:
        return fb, ub
    return tuple(dict.fromkeys(fa + fb)), tuple(dict.fromkeys(ua + ub))


def _is_inf(x: Any) -> bool:
    return (x.amount if type(x) is Money else x) == INF


def _negative(x: Any) -> bool:
    return bool((x.amount if type(x) is Money else x) < 0)


def _times(a: Any, b: Any) -> Any:
    """a × b for ends that are never negative; 0 × ∞ is 0 (an empty share of anything)."""
    if (a == 0 if type(a) is not Money else a.amount == 0) or (
            b == 0 if type(b) is not Money else b.amount == 0):
        return a * b if not (_is_inf(a) or _is_inf(b)) else (
            Money.zero(a.currency) if type(a) is Money else
            Money.zero(b.currency) if type(b) is Money else _ZERO)
    return a * b


class Range:
    """Every value from ``lo`` to ``hi``, both included (``hi`` = :data:`INF`: no upper end).
    The ends are Decimals or amounts of one currency. ``facts`` are the profile fields the range
    comes from; ``unstated`` those of them the profile does not state at all."""

    __slots__ = ("facts", "hi", "lo", "unstated")

    def __init__(self, lo: Any, hi: Any, facts: tuple[str, ...] = (),
                 unstated: tuple[str, ...] = ()) -> None:
        self.lo = lo
        self.hi = hi
        self.facts = facts
        self.unstated = unstated

    def named(self, path: str, *, stated: bool = True) -> Range:
        """This range as the value of the profile field ``path``."""
        return Range(self.lo, self.hi, (path,), () if stated else (path,))

    def map(self, fn: Callable[[Any], Any]) -> Range:
        """The range of ``fn`` over this one, for an ``fn`` that keeps the order (a currency
        conversion); an infinite end stays infinite."""
        hi = self.hi
        new_hi = fn(hi) if not _is_inf(hi) else None
        lo = fn(self.lo)
        if new_hi is None:
            new_hi = Money(INF, lo.currency) if type(lo) is Money else INF
        return Range(lo, new_hi, self.facts, self.unstated)

    @property
    def exact(self) -> bool:
        return bool(self.lo == self.hi)

    # --- arithmetic: the range of every result -----------------------------------------------

    def __add__(self, other: Any) -> Range:
        lo, hi = _ends(other)
        return Range(self.lo + lo, self.hi + hi, *_facts(self, other))

    __radd__ = __add__

    def __sub__(self, other: Any) -> Range:
        lo, hi = _ends(other)
        return Range(self.lo - hi, self.hi - lo, *_facts(self, other))

    def __rsub__(self, other: Any) -> Range:
        lo, hi = _ends(other)
        return Range(lo - self.hi, hi - self.lo, *_facts(self, other))

    def __mul__(self, other: Any) -> Range:
        """By a number or range that is never negative (a share, a count)."""
        lo, hi = _ends(other)
        if _negative(lo) or _negative(self.lo):
            raise TypeError("a range is multiplied only by what is never negative")
        return Range(_times(self.lo, lo), _times(self.hi, hi), *_facts(self, other))

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Range:
        if type(other) is Range or other <= 0:
            raise TypeError("a range is divided only by a positive number")
        return Range(self.lo / other, self.hi / other, self.facts, self.unstated)

    # --- comparisons: decided when every value answers the same ------------------------------

    def __lt__(self, other: Any) -> bool:
        lo, hi = _ends(other)
        if self.hi < lo:
            return True
        if self.lo >= hi:
            return False
        raise Undecided(self, other)

    def __le__(self, other: Any) -> bool:
        lo, hi = _ends(other)
        if self.hi <= lo:
            return True
        if self.lo > hi:
            return False
        raise Undecided(self, other)

    def __gt__(self, other: Any) -> bool:
        lo, hi = _ends(other)
        if self.lo > hi:
            return True
        if self.hi <= lo:
            return False
        raise Undecided(self, other)

    def __ge__(self, other: Any) -> bool:
        lo, hi = _ends(other)
        if self.lo >= hi:
            return True
        if self.hi < lo:
            return False
        raise Undecided(self, other)

    def __eq__(self, other: object) -> bool:
        if type(other) is Range:  # the same range (not: every value equal)
            return bool(self.lo == other.lo and self.hi == other.hi)
        if self.lo == self.hi == other:
            return True
        if self.hi < other or self.lo > other:
            return False
        raise Undecided(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self.lo, self.hi))

    def __bool__(self) -> bool:
        """Not zero, as for a number: decided when the range holds no zero, or only zero."""
        return self != (Money.zero(self.lo.currency) if type(self.lo) is Money else _ZERO)

    # --- text ------------------------------------------------------------------------------

    def __str__(self) -> str:
        return show(self)

    def __repr__(self) -> str:
        return f"Range({self.lo!r}, {self.hi!r}, {self.facts!r}, {self.unstated!r})"

    def origin(self) -> str:
        """Where the range comes from: "company.owners_fte not stated"."""
        parts = []
        stated = [f for f in self.facts if f not in self.unstated]
        if self.unstated:
            parts.append(f"{', '.join(self.unstated)} not stated")
        if stated:
            parts.append(f"{', '.join(stated)} given as a range")
        return "; ".join(parts)

    def described(self) -> str:
        """The range and where it comes from: "249 or more (company.owners_fte not stated)"."""
        origin = self.origin()
        return f"{show(self)} ({origin})" if origin else show(self)


def show(x: Any) -> str:
    """A number, an amount or a range as text: "10–19", "DKK 40,000,000–60,000,000",
    "249 or more"."""
    if type(x) is Range:
        if x.lo == x.hi:
            return show(x.lo)
        if _is_inf(x.hi):
            return f"{show(x.lo)} or more"
        if type(x.lo) is Money:
            return f"{x.lo.currency} {format_amount(x.lo.amount)}–{format_amount(x.hi.amount)}"
        return f"{show(x.lo)}–{show(x.hi)}"
    if type(x) is Money:
        return str(x)
    if isinstance(x, Decimal):
        return format_amount(x) if x.is_finite() else "no limit"
    return str(x)


# --- the rule API's words for ranges ---------------------------------------------------------


def is_range(x: Any) -> bool:
    return type(x) is Range


def low(x: Any) -> Any:
    """The least value ``x`` may have (``x`` itself when exact)."""
    return x.lo if type(x) is Range else x


def high(x: Any) -> Any:
    """The greatest value ``x`` may have (:data:`INF` when it has no upper end)."""
    return x.hi if type(x) is Range else x


def least(a: Any, b: Any) -> Any:
    """min(a, b) for numbers or ranges: a cap applied to a range caps each of its values."""
    if type(a) is not Range and type(b) is not Range:
        return a if a <= b else b
    alo, ahi = _ends(a)
    blo, bhi = _ends(b)
    lo = alo if alo <= blo else blo
    hi = ahi if ahi <= bhi else bhi
    if lo == hi:
        return lo
    return Range(lo, hi, *_facts(a, b))


def most(a: Any, b: Any) -> Any:
    """max(a, b) for numbers or ranges."""
    if type(a) is not Range and type(b) is not Range:
        return a if a >= b else b
    alo, ahi = _ends(a)
    blo, bhi = _ends(b)
    lo = alo if alo >= blo else blo
    hi = ahi if ahi >= bhi else bhi
    if lo == hi:
        return lo
    return Range(lo, hi, *_facts(a, b))


def at_most(x: Any, limit: Any) -> bool | None:
    """x <= limit, or None when the bounds of ``x`` leave it open (for a rule that another
    figure may still decide: "one of turnover and balance sheet total within its ceiling")."""
    try:
        return bool(x <= limit)
    except Undecided:
        return None


def at_least(x: Any, limit: Any) -> bool | None:
    """x >= limit, or None when the bounds of ``x`` leave it open."""
    try:
        return bool(x >= limit)
    except Undecided:
        return None
