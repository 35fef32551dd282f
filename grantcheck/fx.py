"""EUR thresholds in DKK, NOK and SEK, with a dated rate the output states.

The table ``data/ecb_rates.csv`` holds, per month, the ECB euro reference rates of the
second-to-last ECB working day of the month before: the Commission's InforEuro rate for that
month, which is what EU state-aid thresholds are converted with. ``scripts/gen_fx_rates.py``
regenerates it from ECB data. A user can override any rate (``--rate NOK=11.50``).

For an evaluation date past the table's last month the newest rate is used and a warning says
how old it is; a date before the table's first month cannot be converted (no guess).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from grantcheck.citations import ECB_RATES, Citation, eu
from grantcheck.money import CURRENCIES, Money, trusted
from grantcheck.named import NamedTuple
from grantcheck.slots import Fields

RATE_CITATION: Citation = eu(
    ECB_RATES,
    "InforEuro monthly rate",
    note="the Commission's InforEuro rate for a month is the ECB reference rate of the "
    "second-to-last working day of the month before",
)


class Rate(NamedTuple):
    currency: str
    per_eur: Decimal  # units of `currency` for one euro
    rate_date: date
    origin: str  # "ECB (InforEuro 2026-11)" or "user override"

    def describe(self) -> str:
        """'1 EUR = 7.4736 DKK (ECB, InforEuro 2026-11, rate of 2026-10-29)' (made once per
        distinct rate: every rule that converts states it)."""
        # keyed by the rate's digits as written: Decimal("7.46") == Decimal("7.4600"), and
        # each is stated as the user gave it
        key = (self.currency, str(self.per_eur), self.rate_date, self.origin)
        text = _DESCRIBED.get(key)
        if text is None:
            if len(_DESCRIBED) >= 1024:
                _DESCRIBED.clear()
            text = _DESCRIBED[key] = (f"1 EUR = {self.per_eur} {self.currency} ({self.origin}, "
                                       f"rate of {self.rate_date})")
        return text

    def to_json(self) -> dict[str, str]:
        return {
            "currency": self.currency,
            "per_eur": str(self.per_eur),
            "date": self.rate_date.isoformat(),
            "origin": self.origin,
        }


_DESCRIBED: dict[tuple[str, str, date, str], str] = {}


class NoRate(LookupError):
    pass


_RATES_FILE = Path(__file__).with_name("data") / "ecb_rates.csv"


@cache
def _table() -> tuple[tuple[str, date, dict[str, Decimal]], ...]:
    # beside this module, read as a file: importlib.resources would import zipfile and its
    # readers for it (about 1 % of `match`'s start-up), and the package is always installed
    # as files (pyproject.toml's package data)
    text = _RATES_FILE.read_text("utf-8")
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    currencies = header[2:]
    rows = []
    for line in lines[1:]:
        cells = line.split(",")
        rows.append(
            (cells[0], date.fromisoformat(cells[1]),
             {c: Decimal(v) for c, v in zip(currencies, cells[2:], strict=True)})
        )
    return tuple(rows)


@cache
def _by_month() -> dict[str, tuple[str, date, dict[str, Decimal]]]:
    """The table's rows by month ('2026-11'), the first row of a month where there are two."""
    out: dict[str, tuple[str, date, dict[str, Decimal]]] = {}
    for row in _table():
        out.setdefault(row[0], row)
    return out


@lru_cache(maxsize=256)
def _table_rate(on: date, currency: str) -> Rate:
    """The table's rate of ``currency`` for the month of ``on`` (the same Rate object for
    every profile of a batch); NoRate before the table's first month or for an unknown
    currency."""
    rows = _table()
    month = f"{on.year:04d}-{on.month:02d}"
    if month < rows[0][0]:
        raise NoRate(
            f"no ECB rate for {currency} before {rows[0][0]}; give one with --rate {currency}=…"
        )
    chosen = _by_month().get(month, rows[-1])
    if currency not in chosen[2]:
        raise NoRate(f"no ECB rate for {currency}; give one with --rate {currency}=…")
    return Rate(currency, chosen[2][currency], chosen[1], f"ECB, InforEuro {chosen[0]}")


def table_last_date() -> date:
    return _table()[-1][1]


class FxRates(Fields):
    """The rates used for one evaluation; records which ones were actually used."""

    __slots__ = ("_log", "_stale", "on", "overrides", "used")

    def __init__(self, on: date, overrides: dict[str, Decimal] | None = None,
                 used: dict[str, Rate] | None = None) -> None:
        self.on = on
        self.overrides = {} if overrides is None else overrides
        self.used = {} if used is None else used
        self._log: list[str] | None = None
        self._stale: bool | None = None  # whether the date is past the table (warnings)

    @property
    def key(self) -> tuple[date, tuple[tuple[str, str], ...]]:
        """What the rates and their descriptions depend on, for a cache key: the date and the
        overrides, with their digits as given (7.46 and 7.4600 are stated differently)."""
        if not self.overrides:
            return self.on, ()
        return self.on, tuple(sorted((c, str(v)) for c, v in self.overrides.items()))

    @contextmanager
    def recording(self) -> Iterator[list[str]]:
        """While the block runs, every currency asked for with :meth:`rate` is appended to the
        list it gives (in order, repeats included), and to an enclosing recording's list too."""
        outer, self._log = self._log, []
        log = self._log
        try:
            yield log
        finally:
            self._log = outer
            if outer is not None:
                outer += log

    def ask(self, currencies: Iterable[str]) -> None:
        """:meth:`rate` for each currency, for its effects alone: marked as used, and logged by a
        recording. Outside a recording, a currency already used needs nothing more."""
        if self._log is None:
            used = self.used
            for currency in currencies:
                if currency not in used:
                    self.rate(currency)
        else:
            for currency in currencies:
                self.rate(currency)

    def rate(self, currency: str) -> Rate:
        if self._log is not None:
            self._log.append(currency)
        if currency in self.used:
            return self.used[currency]
        if currency in self.overrides:
            r = Rate(currency, self.overrides[currency], self.on, "user override")
        else:
            r = _table_rate(self.on, currency)
        self.used[currency] = r
        return r

    def describe_conversion(self, frm: str, to: str, sep: str = "; ") -> str:
        """The rates that convert ``frm`` into ``to``, described and joined by ``sep`` ('' when
        they are the same currency; the euro needs no rate)."""
        if frm == to:
            return ""
        return sep.join(self.rate(c).describe() for c in (frm, to) if c != "EUR")

    def convert(self, money: Money, to: str) -> Money:
        if money.currency == to:
            return money
        amount = money.amount
        if money.currency != "EUR":
            amount = amount / self.rate(money.currency).per_eur
        if to != "EUR":
            amount = amount * self.rate(to).per_eur
        # a Decimal from Decimal arithmetic: only the currency needs checking (Money does it)
        return trusted(amount, to) if to in CURRENCIES else Money(amount, to)

    def _past_table(self) -> bool:
        """Whether the evaluation month is past the table's last one, whose own InforEuro rate
        the table holds: then the newest rates stand in, and :meth:`warnings` names them."""
        stale = self._stale
        if stale is None:
            stale = self._stale = f"{self.on.year:04d}-{self.on.month:02d}" > _table()[-1][0]
        return stale

    def warn_alike(self, currencies: Iterable[str]) -> bool:
        """Whether asking for the rates of ``currencies`` leaves :meth:`warnings` as they are:
        within the table's months always, past them when each one is the euro, used already or
        given by the user (a rate the user gives is never stale)."""
        if not self._past_table():
            return True
        used, overrides = self.used, self.overrides
        return all(c == "EUR" or c in used or c in overrides for c in currencies)

    def warnings(self) -> list[str]:
        out: list[str] = []
        if not self._past_table():
            return out
        month = f"{self.on.year:04d}-{self.on.month:02d}"
        # past the table: the newest rates stand in for the month's, however few days old;
        # one warning for the currencies that share a rate date (the table's last month)
        # in one order (the Rates line's), whatever the company's currency: a batch says it once
        stale: dict[date, list[str]] = {}
        for _, r in sorted(self.used.items()):
            if r.origin != "user override":
                stale.setdefault(r.rate_date, []).append(r.currency)
        for rate_date, currencies in stale.items():
            one = len(currencies) == 1
            names = " and ".join(filter(None, (", ".join(currencies[:-1]), currencies[-1])))
            options = " ".join(f"--rate {c}=…" for c in currencies)
            out.append(
                f"the {names} rate{'' if one else 's'} {'is' if one else 'are'} from "
                f"{rate_date}, {(self.on - rate_date).days} days before the evaluation date "
                f"{self.on}; the shipped table ends there, without the "
                f"rate{'' if one else 's'} for {month}. Give "
                f"{'a current rate' if one else 'current rates'} with {options}")
        return out

    def to_json(self) -> list[dict[str, str]]:
        return [r.to_json() for _, r in sorted(self.used.items())]


# An override above this many units per euro is a typo, and would overflow Decimal's precision.
MAX_RATE = Decimal(1_000_000)
MIN_RATE = Decimal("0.0001")  # docs/limits.md: the range of --rate


class RateError(ValueError):
    """A --rate that cannot be read: the message, and a hint with an example."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.hint = hint
        super().__init__(message)


_EXAMPLE = {"DKK": "7.45", "NOK": "11.50", "SEK": "11.10"}


def parse_rate_override(text: str) -> tuple[str, Decimal]:
    """'NOK=11.50' -> ('NOK', Decimal('11.50')); raises RateError with a clear message. The
    value is a plain decimal (spaces around it dropped): ``7_45`` (745 to Python's Decimal, 7.45
    likely meant), ``1e3``, ``Infinity`` and ``NaN`` are refused."""
    cur, sep, value = text.partition("=")
    cur = cur.strip().upper()
    if sep and cur == "EUR":  # the rates are units per euro: the euro's is 1
        raise RateError(f"--rate {_short(text)}: a rate is units per euro, so the euro's own is "
                        "1 and is not set", "give the rate of DKK, NOK or SEK, e.g. --rate "
                        "DKK=7.45")
    if not sep or cur not in {"DKK", "NOK", "SEK"}:
        raise RateError(f"--rate {_short(text)}: expected CUR=VALUE with CUR one of DKK, NOK, "
                        "SEK", "e.g. --rate DKK=7.45 (units per euro)")
    from grantcheck.numbers import PLAIN_DECIMAL, NumberError, parse_plain_decimal

    rates = text.replace(",", " ").replace(";", " ").split()
    if len(rates) > 1 and all("=" in r for r in rates):  # --scheme takes a comma list: not so
        raise RateError(f"--rate {_short(text)}: one rate an option",  # --rate NOK=11.5,SEK=11
                        "give each its own: " + " ".join(f"--rate {r}" for r in rates)
                        if len(text) <= 80 else "give each its own --rate CUR=VALUE")
    try:
        d = parse_plain_decimal(value)
    except NumberError as e:
        # plain, but longer than any rate; or below zero (-1 is no less plain than 1)
        if PLAIN_DECIMAL.fullmatch(value.strip().removeprefix("-")):
            raise RateError(_out_of_range(text), f"e.g. --rate {cur}={_EXAMPLE[cur]}") from None
        raise RateError(f"--rate {_short(text)}: {e.message}",
                        e.hint or f"write the units per euro plainly, e.g. --rate {cur}="
                        f"{_EXAMPLE[cur]}") from None
    if not MIN_RATE <= d <= MAX_RATE:
        raise RateError(_out_of_range(text), f"e.g. --rate {cur}={_EXAMPLE[cur]}")
    return cur, d


def _out_of_range(text: str) -> str:
    return (f"--rate {_short(text)}: the rate must be at least {MIN_RATE} and at most "
            f"{MAX_RATE:,} units per euro")


def rate_overrides(rates: list[str]) -> dict[str, Decimal]:
    """The rates of ``--rate`` options, by currency; RateError for one that cannot be read, and
    for two that give one currency different rates (which one is meant is not guessed)."""
    overrides: dict[str, Decimal] = {}
    given: dict[str, str] = {}
    for r in rates:
        cur, value = parse_rate_override(r)
        if cur in overrides and overrides[cur] != value:
            raise RateError(f"--rate {_short(given[cur])} and --rate {_short(r)}: two rates "
                            f"for {cur}", f"give one --rate {cur}=VALUE")
        overrides[cur], given[cur] = value, r
    return overrides


def _short(text: str, limit: int = 40) -> str:
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}… ({len(text):,} characters)"
