"""Numbers and dates a profile gives as text (a JSON line's ``"turnover": "7_45"``, a CSV cell,
a quoted TOML value): read only when written plainly. The model's parser would read ``"7_45"``
as 745, ``"1e3"`` as 1000 and ``"2026-01-01T00:00"`` as a date without a word; a TOML number or
date (``turnover = 1_500_000``, ``start = 2026-01-04``) is TOML's own syntax and is not text.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, get_args

from grantcheck.numbers import PLAIN_DATE, no_such_day
from grantcheck.profile.errors import Problem, dotted, locate
from grantcheck.profile.record import ModelClass, is_model
from grantcheck.profile.types import Deferred, model_of
from grantcheck.shown import shown

Kind = Literal["number", "date", "model"]

PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")  # a sign lets the model say "negative"
DATE_MESSAGE = "must be a date written as YYYY-MM-DD"


def text_problems(data: Any, model: ModelClass) -> list[tuple[tuple[int | str, ...], str]]:
    """Where ``data`` gives a number or a date in a form the model would read but a person may
    not mean (``"7_45"``, ``"1e3"``, ``"20260101"``, ``"2026-W01-1"``, a count of seconds for a
    date), with what is wrong: (location, message) pairs, in the data's order."""
    out: list[tuple[tuple[int | str, ...], str]] = []
    _walk(data, model, (), out)
    return out


def _walk(data: Any, model: ModelClass, loc: tuple[int | str, ...],
          out: list[tuple[tuple[int | str, ...], str]]) -> None:
    # run on every profile a batch reads: only a value that could be wrong is looked at (a
    # number that is a number, a date that is a date, is what nearly every one holds)
    if not isinstance(data, dict):
        return
    kinds = _kinds(model)
    for key, value in data.items():
        kind = kinds.get(key)
        if kind is None or value is None:
            continue
        if kind == "number":
            if type(value) in _NOT_A_NUMBER:
                message = _number_problem(value)
                if message:
                    out.append(((*loc, key), message))
        elif kind == "date":
            if type(value) is not date:
                message = _date_problem(value)
                if message:
                    out.append(((*loc, key), message))
        else:
            sub = _model_at(model, key)
            if sub is None:
                continue
            if isinstance(value, list):
                for i, item in enumerate(value):
                    _walk(item, sub, (*loc, key, i), out)
            else:
                _walk(value, sub, (*loc, key), out)


@functools.cache
def _model_at(model: ModelClass, key: str) -> ModelClass | None:
    """The model of ``model``'s field ``key``: found once, when a profile first gives the field
    (a deferred model, the budget's, is imported only then)."""
    return model_of(model.model_fields[key].annotation)


# what a number field may be given that is no plain number: text, a range's table, and true or
# false, which the model reads as 1 and 0 where a field takes whole numbers (a fiscal year
# that starts in month `true`, January)
_NOT_A_NUMBER = frozenset({str, dict, bool})


def _number_problem(value: Any) -> str:
    """What is wrong with a number given as text ('' when nothing, or when the text holds no
    digit: "many" is the model's to refuse, as not a number), or as true or false."""
    if isinstance(value, dict):  # a range: its ends (true or false there: the model says it)
        return next(filter(None, (_number_problem(end) for end in value.values()
                                  if type(end) is not bool)), "")
    if type(value) is bool:
        return f"must be a number (got {shown(value)})"
    if type(value) is not str:
        return ""
    text = value.strip()
    if PLAIN_NUMBER.fullmatch(text) or not any(c.isdigit() for c in text):
        return ""
    return (f"must be a plain number, digits and a point for decimals, e.g. 1500000 or 14.5 "
            f"(got {shown(value)})")


def _date_problem(value: Any) -> str:
    """What is wrong with a date that is not a date ('' when nothing): text other than
    YYYY-MM-DD (``20260101``, ``2026-W01-1``, ``2026-01-01T00:00``), a number (the model reads
    1767225600 as the day those seconds since 1970 end on), a TOML date-time (the model takes
    one at midnight for its day, and refuses any other)."""
    if isinstance(value, datetime):
        return f"{DATE_MESSAGE}, without a time (got {shown(value)})"
    if isinstance(value, date):
        return ""
    if type(value) is str:
        if PLAIN_DATE.fullmatch(value.strip()):  # the form is right: is it a day?
            why = no_such_day(value)
            return f"{why} (got {shown(value)})" if why else ""
        return f"{DATE_MESSAGE} (got {shown(value)})"
    if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
        return f"{DATE_MESSAGE}, without quotes (got {shown(value)})"  # as the model says it
    return ""  # a list, a table: the model's words


@functools.cache
def _kinds(model: ModelClass) -> dict[str, Kind]:
    """The fields of ``model`` that hold a number, a date or models, by their kind."""
    out: dict[str, Kind] = {}
    for name, f in model.model_fields.items():
        kind = _kind(f.annotation)
        if kind is not None:
            out[name] = kind
    return out


def _kind(annotation: Any) -> Kind | None:
    """A field's kind from its annotation (``Figure | None`` a number, ``list[Aid]`` models);
    a deferred model (the budget) without importing it."""
    if annotation is bool:
        return None
    if annotation in (Decimal, int):
        return "number"
    if annotation is date:
        return "date"
    if is_model(annotation):
        return "model"
    metadata = getattr(annotation, "__metadata__", ())
    if any(isinstance(m, Deferred) for m in metadata):
        return "model"
    if metadata:  # Annotated[Decimal, …]
        return _kind(annotation.__origin__)
    for arg in get_args(annotation):  # X | None, list[X]
        kind = _kind(arg)
        if kind is not None:
            return kind
    return None


def as_problems(found: list[tuple[tuple[int | str, ...], str]], text: str) -> list[Problem]:
    """The problems of :func:`text_problems`, each with its line in the TOML ``text``."""
    return [Problem(dotted(loc), message, locate(text, loc)) for loc, message in found]
