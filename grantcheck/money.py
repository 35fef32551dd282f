"""Exact money: a Decimal amount with its currency, and one rounding policy.

Amounts are never floats. Arithmetic between two amounts of different currencies is an
error (convert first with :mod:`grantcheck.fx`); multiplying by a rate keeps full precision
until :meth:`Money.rounded` is asked for, which rounds half up to the øre/öre (0.01).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from grantcheck.slots import Frozen, init

CURRENCIES = ("DKK", "NOK", "SEK", "EUR")
CENT = Decimal("0.01")


class CurrencyMismatch(ValueError):
    """Two amounts of different currencies were combined without a conversion."""


class Money(Frozen):
    """An amount and its currency; immutable, equal and hashed by both."""

    __slots__ = ("amount", "currency")
    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal, currency: str) -> None:
        if not isinstance(amount, Decimal):
            raise TypeError(f"Money amount must be a Decimal, got {type(amount).__name__}")
        if currency not in CURRENCIES:
            raise ValueError(f"unsupported currency {currency!r}")
        init(self, "amount", amount)
        init(self, "currency", currency)

    # Frozen's, written out: amounts are compared and hashed in every check
    def __eq__(self, other: object) -> bool:
        if type(other) is not Money:
            return NotImplemented
        return self.amount == other.amount and self.currency == other.currency

    def __hash__(self) -> int:  # type: ignore[override]  # as Frozen's
        return hash((self.amount, self.currency))

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        return cls(Decimal(amount), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        if currency in CURRENCIES:  # the usual case: made without checking again (trusted)
            return trusted(_ZERO, currency)
        return cls(_ZERO, currency)  # raises: an unsupported currency

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} combined")

    def __add__(self, other: Money) -> Money:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return trusted(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return trusted(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, float):
            raise TypeError("multiply Money by a Decimal, never a float")
        if not isinstance(factor, Decimal | int):  # a range answers (grantcheck.facts)
            return NotImplemented
        return trusted(self.amount * Decimal(factor), self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return trusted(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        if type(other) is not Money:  # a range of amounts answers (grantcheck.facts)
            return NotImplemented
        self._same(other)
        return self.amount >= other.amount

    def rounded(self) -> Money:
        """Half up to 0.01: the one rounding policy of grantcheck."""
        return trusted(self.amount.quantize(CENT, rounding=ROUND_HALF_UP), self.currency)

    def floored(self) -> Money:
        """Down to 0.01: used for a grant, so that rounding never lifts it above a cap or rate."""
        return trusted(self.amount.quantize(CENT, rounding=ROUND_FLOOR), self.currency)

    def __str__(self) -> str:
        return f"{self.currency} {format_amount(self.amount)}"

    def to_json(self) -> dict[str, str]:
        return {"amount": decimal_str(self.amount), "currency": self.currency}


_ZERO = Decimal(0)  # immutable: one for every zero amount
_new = object.__new__
# the slots' own setters: they bypass the frozen record's __setattr__ (see trusted)
_set_amount = Money.__dict__["amount"].__set__
_set_currency = Money.__dict__["currency"].__set__


def trusted(amount: Decimal, currency: str) -> Money:
    """An amount whose parts are known to be right (a Decimal, one of CURRENCIES): the result of
    arithmetic on checked amounts, or a validated profile figure. Made without checking again:
    the frozen record's __init__ sets each field through object.__setattr__, which costs twice
    as much, and a batch makes tens of amounts per profile."""
    m: Money = _new(Money)
    _set_amount(m, amount)
    _set_currency(m, currency)
    return m


def min_money(first: Money, *rest: Money) -> Money:
    best = first
    for m in rest:
        if m < best:
            best = m
    return best


# Percentages are remembered: the same few rates again and again, each a Decimal made once (which
# keeps its hash), and the text depends on the value alone (0.5 and 0.50 give '50 %'); finite
# non-zero values only, a bounded number. Amounts are not: most are new Decimals, and hashing a
# new Decimal (~350 ns) costs about as much as formatting it (~500 ns); measured, a memo made a
# batch slower.
_MEMO_SIZE = 16384
_PERCENT: dict[Decimal, str] = {}


def decimal_str(d: Decimal) -> str:
    """A plain decimal string, no exponent, at most two decimals when the value has cents."""
    q = d.quantize(CENT, rounding=ROUND_HALF_UP) if d != d.to_integral_value() else d.quantize(1)
    return format(q if q else q.copy_abs(), "f")  # -0.0 in a profile is 0, not '-0'


def format_amount(d: Decimal) -> str:
    """1600000 -> '1,600,000'; 1234.5 -> '1,234.50'."""
    if not d:  # -0.0 in a profile, or -0.001 rounded: 0, not '-0'
        d = d.copy_abs()
    if d == d.to_integral_value():
        return f"{d.quantize(1):,}"
    q = d.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{q if q else q.copy_abs():,}"


def format_percent(rate: Decimal) -> str:
    """Decimal('0.5') -> '50 %'; Decimal('0.075') -> '7.5 %'."""
    text = _PERCENT.get(rate)  # zero, infinities and NaN are never in it (-0 == 0 finds nothing)
    if text is None:
        text = format((rate * 100).normalize(), "f") + " %"
        if rate and rate.is_finite():
            if len(_PERCENT) >= _MEMO_SIZE:
                _PERCENT.clear()
            _PERCENT[rate] = text
    return text


def format_span(low: Money, high: Money) -> str:
    """Two amounts of one currency as a range: 'NOK 960,000 – 3,200,000' (a narrow column
    wraps it after the dash, never inside an amount)."""
    return f"{low} – {format_amount(high.amount)}"


def rate_str(rate: Decimal) -> str:
    """A rate as the JSON states it: exact, plain, with at least two decimals ('0.50', '0.15',
    '0.125', '1.00'), the same however the parameter was written (0.5 or 0.50)."""
    exact = rate.normalize()
    places = exact.as_tuple().exponent  # a rate is finite: an int
    return format(exact if isinstance(places, int) and places < -2 else exact.quantize(CENT),
                  "f")
