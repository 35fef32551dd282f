"""Numeric facts a profile may state exactly or within bounds: ``employees_fte = 14.5`` or
``employees_fte = { min = 10, max = 19 }`` (a registry's size band), ``turnover = { max =
50000000 }`` (one end only). A range is read into a :class:`grantcheck.facts.Range`; the rules
decide over every value in it (see :mod:`grantcheck.facts`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from pydantic_core import PydanticCustomError, core_schema

from grantcheck.facts import INF, Range
from grantcheck.profile.record import decimal_schema
from grantcheck.shown import shown

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

MAX_AMOUNT = Decimal(10) ** 15

# a range written as text (a CSV cell, --set, an answer to init): "10-19", "10–19", "10..19",
# "10.." (at least), "..19" (at most), "between 10 and 19", "at least 10", "at most 19"; the
# ends are plain numbers (a lone minus sign would read as a negative number)
_NUM = r"\d+(?:\.\d+)?"
_BAND = (  # compiled when first used (re caches it), not at start-up
    rf"(?:between\s+)?(?P<lo>{_NUM})\s*(?:-|–|and)\s*(?P<hi>{_NUM})"
    rf"|(?P<from>{_NUM})?\s*\.\.\s*(?P<to>{_NUM})?"
    rf"|at\s+least\s+(?P<least>{_NUM})|at\s+most\s+(?P<most>{_NUM})")


def parse_band(text: str) -> dict[str, str] | None:
    """The ``{"min": …, "max": …}`` table a range written as text gives (one end or both), or
    None when the text is not a range (a number, or anything else: the caller reads it)."""
    m = re.fullmatch(_BAND, text.strip().replace("_", ""), re.IGNORECASE)
    if m is None:
        return None
    lo = m.group("lo") or m.group("from") or m.group("least")
    hi = m.group("hi") or m.group("to") or m.group("most")
    return {k: v for k, v in (("min", lo), ("max", hi)) if v}


def is_figure(annotation: Any) -> bool:
    """Whether a profile field's annotation is a figure that may be a range."""
    return annotation in (Figure, PercentFigure)


def _to_range(bounds: dict[str, Decimal]) -> Decimal | Range:
    """A validated ``{min, max}`` table as a Range (one end: 0, or no upper end)."""
    if not bounds:
        raise PydanticCustomError("value_error",
                                  "a range needs min, max or both (got an empty table)")
    lo = bounds.get("min", Decimal(0))
    hi = bounds.get("max", INF)
    if lo > hi:
        raise PydanticCustomError("value_error", "min {lo} is above max {hi}",
                                  {"lo": str(lo), "hi": str(hi)})
    if lo == hi:
        return lo
    return Range(lo, hi)


_RANGE_TAG = "function-after[_to_range()"  # how pydantic names the range branch in a location


def figure_errors(errors: list[Any]) -> list[Any]:
    """Pydantic's errors with each figure's union told as one field: a number is checked as a
    number (the range branch's "not a table" dropped), a table as a range (the number branch's
    "not a number" dropped), and the branch names taken out of the location."""
    out = []
    for err in errors:
        loc = err["loc"]
        for i, part in enumerate(loc):
            if part == "decimal":  # the number branch
                if isinstance(err.get("input"), dict):
                    break
                err = {**err, "loc": loc[:i] + loc[i + 1:]}
            elif isinstance(part, str) and part.startswith(_RANGE_TAG):
                if err["type"] in ("dict_type", "model_type", "typed_dict_type"):
                    break
                err = _range_error(err, loc[:i], loc[i + 1:])
            else:
                continue
            out.append(err)
            break
        else:
            out.append(err)
    return out


def _range_error(err: dict[str, Any], field: tuple[Any, ...], inner: tuple[Any, ...]
                 ) -> dict[str, Any]:
    """An error inside a range, told of the field (whose line the TOML text shows): "min must
    not be negative (got -1)", "a range holds only min and max (got 'mx')"."""
    if not inner:
        return {**err, "loc": field}
    key, typ, given = inner[0], err["type"], err.get("input")
    if typ == "extra_forbidden":
        msg = f"a range holds only min and max (got {key!r})"
    elif typ in ("greater_than_equal", "greater_than"):
        msg = f"{key} must not be negative (got {shown(given, quote=False)})"
    elif typ == "less_than_equal":
        msg = f"{key} must be at most {err['ctx']['le']:,} (got {shown(given, quote=False)})"
    else:
        msg = f"{key} must be a number (got {shown(given)})"
    return {"type": "value_error", "loc": field, "msg": msg, "input": given}


def _written(value: Any, end: core_schema.SerializerFunctionWrapHandler) -> Any:
    """A figure as a profile writes it: a number, or a range as its ``{min, max}`` table
    (no ``max`` when it has no upper end), each end serialised as a number is."""
    if type(value) is not Range:
        return end(value)
    out = {"min": end(value.lo)}
    if value.hi != INF:
        out["max"] = end(value.hi)
    return out


def _schema(number: dict[str, Any]) -> dict[str, Any]:
    bound = dict(number)
    return {"anyOf": [number, {
        "type": "object", "description": "known only within bounds: min, max or both",
        "properties": {"min": bound, "max": bound}, "additionalProperties": False,
        "minProperties": 1}]}


class _Figure:
    """A figure's validation: a number within ``0..le``, or a ``{min, max}`` table of such
    numbers read into a Range. Its core schema is built here, by hand, the same every time: a
    profile's two dozen figures would each have it generated from type annotations otherwise,
    a fifth of the time the profile's models take to build (measured: bench/startup.py). It is
    the union pydantic would generate for ``Decimal | TypedDict`` with an after-validator, so
    its errors carry the same locations (:func:`figure_errors` reads them)."""

    def __init__(self, le: Decimal, title: str, number: dict[str, Any]) -> None:
        self.le, self.title, self.number = le, title, number

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> CoreSchema:
        def end() -> CoreSchema:
            return decimal_schema(ge=Decimal(0), le=self.le, allow_inf_nan=False)

        bounds = core_schema.typed_dict_schema(
            {k: core_schema.typed_dict_field(end(), required=False) for k in ("min", "max")},
            extra_behavior="forbid",
            config={"extra_fields_behavior": "forbid", "title": self.title})
        return core_schema.union_schema(
            [(end(), "decimal"),  # its name in an error's location, as pydantic's
             core_schema.no_info_after_validator_function(_to_range, bounds)],
            mode="left_to_right",
            serialization=core_schema.wrap_serializer_function_ser_schema(
                _written, schema=end()))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler
                                     ) -> JsonSchemaValue:
        return _schema(self.number)


_NUMBER = {"type": "number", "minimum": 0, "maximum": float(MAX_AMOUNT)}
_PERCENT = {"type": "number", "minimum": 0, "maximum": 100}

if TYPE_CHECKING:
    Figure = Decimal | Range
    PercentFigure = Decimal | Range
else:
    # a union pydantic decides in Rust: a number stays a Decimal, a table becomes a Range
    Figure = Annotated[Decimal, _Figure(MAX_AMOUNT, "_Bounds", _NUMBER)]
    """A count or an amount that is never negative, exact or within bounds."""
    PercentFigure = Annotated[Decimal, _Figure(Decimal(100), "_PercentBounds", _PERCENT)]
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
