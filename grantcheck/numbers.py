"""Numbers as people write them: a number typed on the command line or in a CSV cell, read
exactly (Decimal), or refused with a message saying why and how to write it.

A point or a comma followed by exactly three digits (``150.000``, ``1,000``) is a decimal mark to
some readers and a thousands separator to others (Danes and Norwegians write 150.000 for a
hundred and fifty thousand): such a value is refused, never guessed, with a hint showing both
readings. Separators that can only group thousands (``4.500.000``, ``1 000 000``) are refused
too, with the number to write instead; a space (or no-break space) grouping thousands is
read (``9 800 000``). Underscores group thousands as in TOML (``1_500_000``); elsewhere
(``7_45``: 745 to Python, likely 7.45 meant) they are refused. A rate is read only as a plain
decimal (:func:`parse_plain_decimal`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

MAX_DIGITS = 40  # a longer number is refused: no amount, count or rate is that long

# The patterns of a number written with separators are compiled when first used (re caches
# them), not at start-up (2.2 M instructions): only a number written as text reads them.
# one point or comma with exactly three digits after it, and one to three (not a lone 0) before
_AMBIGUOUS = r"[-+]?(?:0|[1-9][0-9]{0,2})([.,])([0-9]{3})"
_GROUPED = r"[-+]?[0-9]{1,3}(?:([., \u00a0'])[0-9]{3})(?:\1[0-9]{3})*(?:[.,][0-9]+)?"
_PLAIN = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_UNDERSCORED = r"[-+]?[0-9]{1,3}(?:_[0-9]{3})+(?:\.[0-9]+)?"
PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # 7.45, 11: no sign, exponent or grouping
# a number written with its currency (5000 DKK, kr 5000, 5000,-) or a multiplier (5k, 2.5m);
# compiled when first used (re caches it), not at start-up: only a number so written reads it
_CURRENCY = r"dkk|nok|sek|eur|usd|gbp|kr\.?|€|\$|£"
_WRITTEN_WITH = (
    rf"(?i)(?:(?P<pre>{_CURRENCY})\s*)?(?P<num>[-+]?[0-9.][0-9.,'_ \u00a0]*?)\s*"
    rf"(?:(?P<post>{_CURRENCY}|,-|:-)|(?P<times>k|m|mio\.?|mn|mill\.?))?")


class NumberError(ValueError):
    """A number that cannot be read, or that could be read two ways."""

    def __init__(self, message: str, hint: str = "", plain: str = "") -> None:
        self.message = message
        self.hint = hint
        self.plain = plain  # the number as it is to be written, when that is known: 5000
        super().__init__(message)


def written_with(text: str) -> NumberError | None:
    """The error for a number written with its currency (``5000 DKK``, ``kr 5000``,
    ``5000,-``) or a multiplier (``5k``, ``2.5m``), else None (``text`` already stripped): an
    amount is in the profile's currency, never written with it."""
    if not text or (text[0] in "0123456789+-." and text[-1] in "0123456789."):
        return None
    m = re.fullmatch(_WRITTEN_WITH, text)
    if m is None or not (m["pre"] or m["post"] or m["times"]):
        return None
    try:
        number = parse_number(m["num"])
    except NumberError as e:
        if m["times"]:
            return None
        return NumberError(f"{quoted(text)}: write the number alone, without its currency "
                           f"({e.message})", e.hint)
    if m["times"]:
        full = number * (1000 if m["times"].lower() == "k" else 1000000)
        plain = format(full.normalize(), "f") if full == full.to_integral_value() \
            else format(full, "f")
        return NumberError(f"{quoted(text)}: write the number in full", f"e.g. {plain}", plain)
    plain = format(number, "f")
    return NumberError(f"{quoted(text)}: write the number alone, without its currency",
                       f"write {plain}: an amount is in the profile's currency "
                       "(company.currency)", plain)


def ambiguity(text: str) -> NumberError | None:
    """The error for a number written ambiguously or with thousands separators, else None
    (``text`` already stripped). Cheap: a CSV cell goes through it."""
    if "," not in text and "." not in text and " " not in text and "'" not in text \
            and "\u00a0" not in text:
        return None
    m = re.fullmatch(_AMBIGUOUS, text)
    if m is not None and text.lstrip("+-").startswith("0"):
        m = None  # 0.125 is a decimal: no thousands group starts with 0
        if "," not in text:
            return None
    if m is not None:
        whole, _, frac = text.partition(m[1])
        thousands = whole + frac
        decimal = f"{whole}.{frac}".rstrip("0").rstrip(".")
        return NumberError(
            f"{quoted(text)} could be read two ways",
            f"with {m[1]!r} grouping thousands it is {thousands}, as a decimal mark {decimal}: "
            "write the one you mean (a point for decimals, no thousands separators)")
    m = re.fullmatch(_GROUPED, text)
    if m is not None and m[1] not in " \u00a0":  # a space groups thousands and nothing else
        plain = text.replace(m[1], "").replace(",", ".")
        return NumberError(f"{quoted(text)}: write the number without thousands separators",
                           f"e.g. {plain}")
    if "," in text:
        return NumberError(f"{quoted(text)}: write the number with a point for decimals and "
                           "no commas", f"e.g. {text.replace(',', '.')}"
                           if text.count(",") == 1 and "." not in text else "e.g. 1500000.50")
    return None


def parse_number(text: str) -> Decimal:
    """A number a user wrote (``150000``, ``1_500_000``, ``14.5``, ``2.5e6``) as a finite
    Decimal; NumberError (a message quoting the text, and a hint) otherwise."""
    t = text.strip()
    bad = written_with(t) or ambiguity(t)
    if bad is not None:
        raise bad
    if " " in t or "\u00a0" in t:
        m = re.fullmatch(_GROUPED, t)
        if m is not None:
            t = t.replace(m[1], "")
    if "_" in t and re.fullmatch(_UNDERSCORED, t) is None:
        raise NumberError(f"{quoted(t)}: underscores group thousands only (1_500_000)",
                          f"write the number without them, e.g. {_without_underscores(t)}")
    clean = t.replace("_", "")
    if len(clean) > MAX_DIGITS or re.fullmatch(_PLAIN, clean) is None:
        raise NumberError(f"{quoted(t)} is not a number", "e.g. 1500000 or 14.5")
    try:
        number = Decimal(clean)
    except InvalidOperation:
        raise NumberError(f"{quoted(t)} is not a number", "e.g. 1500000 or 14.5") from None
    if abs(number.adjusted()) > MAX_DIGITS:
        raise NumberError(f"{quoted(t)} is out of range: no amount, count or rate has more "
                          f"than {MAX_DIGITS} digits")
    return number


def _without_underscores(text: str) -> str:
    """``7_45`` as it could be meant: 745 (or 7.45, when the underscore stands for a point)."""
    whole = text.replace("_", "")
    head, sep, tail = text.partition("_")
    if sep and "_" not in tail and "." not in text and len(tail) != 3:
        return f"{whole} or {head}.{tail}"
    return whole


def parse_plain_decimal(text: str) -> Decimal:
    """A number that must be a plain decimal (``7.45``, ``11``; spaces around it are dropped):
    no exponent (``1e3``), no underscore (``7_45``), no sign, no ``Infinity`` or ``NaN``, no
    thousands separator. NumberError (message and hint) otherwise."""
    t = text.strip()
    bad = ambiguity(t)
    if bad is not None:
        raise bad
    if len(t) > MAX_DIGITS or PLAIN_DECIMAL.fullmatch(t) is None:
        raise NumberError(f"{quoted(t)} is not a plain decimal number (digits, and a point "
                          "for decimals)")
    return Decimal(t)


PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """A day written as YYYY-MM-DD (spaces around it dropped); ValueError for anything else,
    which Python's ``date.fromisoformat`` would read too: ``20260101``, ``2026-W01-1`` (an ISO
    week date, the Monday of week 1: 2025-12-29), ``2026-001`` (an ordinal date)."""
    t = text.strip()
    if PLAIN_DATE.fullmatch(t) is None:
        raise ValueError(f"not YYYY-MM-DD: {t!r}")
    return date.fromisoformat(t)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def no_such_day(text: str) -> str:
    """Why ``text``, written YYYY-MM-DD, is no day of the calendar ("" when it is one, or is
    not written so): the month or the day out of range, the number of days of that month
    (February of a year that is no leap year has 28), or year 0000."""
    t = text.strip()
    if PLAIN_DATE.fullmatch(t) is None:
        return ""
    try:  # a day of the calendar (every date of a JSON line is asked): at once, in C
        date.fromisoformat(t)
        return ""
    except ValueError:
        pass
    year, month, day = int(t[:4]), int(t[5:7]), int(t[8:])
    if year == 0:
        return "no such day: the years run from 0001"
    if not 1 <= month <= 12:
        return "no such day: a month is 01 to 12"
    import calendar

    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return ""
    if day == 0:
        return "no such day: a day is 01 to the month's last"
    leap = (f"; {year} is no leap year" if month == 2 and not calendar.isleap(year) else "")
    return f"no such day: {_MONTHS[month - 1]} {year} has {last} days{leap}"


def last_day_of(text: str) -> str:
    """The last day of the month of ``text`` (YYYY-MM-DD) when its year and month are in
    the calendar, "" otherwise."""
    import calendar

    t = text.strip()
    if PLAIN_DATE.fullmatch(t) is None or t[:4] == "0000" or not 1 <= int(t[5:7]) <= 12:
        return ""
    return f"{t[:7]}-{calendar.monthrange(int(t[:4]), int(t[5:7]))[1]:02d}"


def quoted(text: str, limit: int = 40) -> str:
    """``text`` in quotes, cut to ``limit`` characters with its length said when longer."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def plural(n: int, one: str, many: str) -> str:
    """A count and its noun as a person reads it: ``1 input``, ``1,410 inputs``."""
    return f"{n:,} {one if n == 1 else many}"
