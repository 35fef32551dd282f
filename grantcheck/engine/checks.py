"""What a rule returns: outcomes, verdicts, the Check a rule's function gives and its helpers."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from grantcheck.facts import Missing as Missing
from grantcheck.facts import Unsettled as Unsettled
from grantcheck.named import NamedTuple

if TYPE_CHECKING:
    pass


class Kind(StrEnum):
    HARD = "hard"
    SOFT = "soft"
    DECLARATION = "declaration"
    BUDGET = "budget"
    INFO = "info"


BINDING = frozenset({Kind.HARD, Kind.DECLARATION, Kind.BUDGET})


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    WARNING = "warning"
    INFO = "info"


class Verdict(StrEnum):
    FITS = "fits"
    NEEDS_INFORMATION = "needs_information"
    DOES_NOT_FIT = "does_not_fit"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# each verdict's value, looked up faster than Enum.value (batch output writes five per profile)
VERDICT_VALUE = {v: v.value for v in Verdict}
_RANK = {Verdict.FITS: 2, Verdict.NEEDS_INFORMATION: 1, Verdict.DOES_NOT_FIT: 0}


# --- what a rule returns ----------------------------------------------------------------------


Text = str | Callable[[], str]
"""A text, or a function that makes it when it is shown: a rule's message or an amount's basis
whose figures cost more to format than to decide (the verdicts-only path never shows them). The
function only formats what is decided: it asks for no fact and no exchange rate."""


def text_of(t: Text) -> str:
    """The text ``t`` is, or makes."""
    return t if type(t) is str else t()  # type: ignore[operator]


class Check(NamedTuple):
    """What a rule's function returns. A named tuple: immutable, and made about twice as fast
    as a frozen dataclass (every rule makes one for every profile)."""

    ok: bool | None  # None: unknown
    message: Text  # made by Rule.evaluate when a function (a Said: engine/messages.py)
    fix: Text = ""
    missing: tuple[str, ...] = ()
    info: bool = False


# A named tuple's constructor is a Python function around tuple.__new__; the helpers below, which
# every rule calls for every profile, call tuple.__new__ with every field themselves (measured:
# the constructors were 2 % of a batch's CPU)
_tuple_new = tuple.__new__


def passed(message: Text) -> Check:
    return _tuple_new(Check, (True, message, "", (), False))


def failed(message: Text, fix: str = "") -> Check:
    return _tuple_new(Check, (False, message, fix, (), False))


def check(ok: bool, message: Text, fix: str = "") -> Check:
    return _tuple_new(Check, (ok, message, "" if ok else fix, (), False))


def unknown(message: Text, *fields: str, fix: str = "") -> Check:
    return _tuple_new(Check, (None, message, fix or _fix_for(fields), fields, False))


def info(message: Text) -> Check:
    return _tuple_new(Check, (True, message, "", (), True))


@lru_cache(maxsize=256)
def shared_info(message: str) -> Check:
    """:func:`info` for a text that is the same for many profiles (one that depends on the
    date and the rates alone): one immutable Check per text, made once."""
    return info(message)


@lru_cache(maxsize=1024)  # the same few fields again and again (every profile's unknowns)
def _fix_for(fields: tuple[str, ...]) -> str:
    names = list(fields)
    if not names:
        return ""
    where = "budget" if all(n.startswith("budget.") for n in names) else "profile"
    return "state " + " and ".join(names) + f" in the {where}"
