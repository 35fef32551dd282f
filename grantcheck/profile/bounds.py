"""Numeric facts a profile may state exactly or within bounds: ``employees_fte = 14.5`` or
``employees_fte = { min = 10, max = 19 }`` (a registry's size band), ``turnover = { max =
50000000 }`` (one end only). A range is read into a :class:`grantcheck.facts.Range`; the rules
decide over every value in it (see :mod:`grantcheck.facts`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, ValidatorFunctionWrapHandler, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

from grantcheck.facts import INF, Range

MAX_AMOUNT = Decimal(10) ** 15

# a range written as text (a CSV cell, --set, an answer to init): "10-19", "10–19", "10..19",
# "10.." (at least), "..19" (at most), "between 10 and 19", "at least 10", "at most 19"; the
# ends are plain numbers (a lone minus sign would read as a negative number)
_NUM = r"\d+(?:\.\d+)?"
_BAND = re.compile(
    rf"(?:between\s+)?(?P<lo>{_NUM})\s*(?:-|–|and)\s*(?P<hi>{_NUM})"
    rf"|(?P<from>{_NUM})?\s*\.\.\s*(?P<to>{_NUM})?"
    rf"|at\s+least\s+(?P<least>{_NUM})|at\s+most\s+(?P<most>{_NUM})", re.IGNORECASE)


def parse_band(text: str) -> dict[str, str] | None:
    """The ``{"min": …, "max": …}`` table a range written as text gives (one end or both), or
    None when the text is not a range (a number, or anything else: the caller reads it)."""
    m = _BAND.fullmatch(text.strip().replace("_", ""))
    if m is None:
        return None
    lo = m.group("lo") or m.group("from") or m.group("least")
    hi = m.group("hi") or m.group("to") or m.group("most")
    return {k: v for k, v in (("min", lo), ("max", hi)) if v}


def is_figure(annotation: Any) -> bool:
    """Whether a profile field's annotation is a figure that may be a range."""
    return any(isinstance(m, WrapValidator) and m.func is _bounded
               for m in getattr(annotation, "__metadata__", ()))
_KEYS = ("min", "max")


def _bounded(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A number (checked by ``handler``, the field's own constraints) or a table of ``min``
    and/or ``max``, each checked the same way."""
    if type(value) is Range:
        return value
    if not isinstance(value, dict):
        return handler(value)
    unknown = [k for k in value if k not in _KEYS]
    if unknown:
        raise PydanticCustomError(
            "value_error", "a range holds only min and max (got '{key}')", {"key": unknown[0]})
    if not value:
        raise PydanticCustomError("value_error", "a range needs min, max or both (got {{}})")
    lo = handler(value["min"]) if value.get("min") is not None else Decimal(0)
    hi = handler(value["max"]) if value.get("max") is not None else INF
    if lo > hi:
        raise PydanticCustomError("value_error", "min {lo} is above max {hi}",
                                  {"lo": str(lo), "hi": str(hi)})
    if lo == hi:
        return lo
    return Range(lo, hi)


def _schema(number: dict[str, Any]) -> dict[str, Any]:
    bound = dict(number)
    return {"anyOf": [number, {
        "type": "object", "description": "known only within bounds: min, max or both",
        "properties": {"min": bound, "max": bound}, "additionalProperties": False,
        "minProperties": 1}]}


_NUMBER = {"type": "number", "minimum": 0, "maximum": float(MAX_AMOUNT)}
_PERCENT = {"type": "number", "minimum": 0, "maximum": 100}

if TYPE_CHECKING:
    Figure = Decimal | Range
    PercentFigure = Decimal | Range
else:
    Figure = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False),
                      WrapValidator(_bounded), WithJsonSchema(_schema(_NUMBER))]
    """A count or an amount that is never negative, exact or within bounds."""
    PercentFigure = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False),
                             WrapValidator(_bounded), WithJsonSchema(_schema(_PERCENT))]
    """A percentage, exact or within bounds."""

# the range a fact has when the profile does not state it: a count or an amount is 0 or more,
# a percentage 0 to 100 (Ctx.fact names it after its field)
DOMAIN_COUNT = Range(Decimal(0), INF)
DOMAIN_PERCENT = Range(Decimal(0), Decimal(100))


def stated_ranges(profile: Any) -> dict[str, dict[str, str | None]]:
    """Every figure the profile states within bounds, by its path: ``{"company.employees_fte":
    {"min": "10", "max": "19"}}`` (``max`` None: no upper end). Shown with the answer, so that
    a reader of the JSON sees which figures were ranges."""
    out: dict[str, dict[str, str | None]] = {}

    def walk(obj: Any, prefix: str) -> None:
        for name, value in vars(obj).items():
            if type(value) is Range:
                out[f"{prefix}.{name}"] = {"min": str(value.lo),
                                            "max": str(value.hi) if value.hi != INF else None}

    c = profile.company
    walk(c, "company")
    if c.previous_year is not None:
        walk(c.previous_year, "company.previous_year")
    for i, r in enumerate(c.related or ()):
        walk(r, f"company.related[{i}]")
    network = getattr(profile, "network", None)
    for i, p in enumerate((network.participants or ()) if network is not None else ()):
        walk(p, f"network.participants[{i}]")
    return out
