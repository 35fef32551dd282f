"""The profile's fields as a tree of dotted paths, and turning text into a field's value.

Used where a user names a field in words rather than in a TOML file: ``grantcheck init``'s
questions and its ``--set company.turnover=1500000`` options. Paths are dotted; a list's entries
are written ``employees[0].name`` (``employees[].name`` when any entry is meant). A value given as
text is parsed by the field's own type (yes/no, an amount, a whole number, a date, one of a
vocabulary, a comma-separated list); the profile model then validates it as it validates a file.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from pydantic.fields import FieldInfo

from grantcheck.numbers import quoted
from grantcheck.profile import Profile
from grantcheck.profile.bounds import is_figure, parse_band
from grantcheck.profile.record import ModelClass, is_model
from grantcheck.profile.types import Deferred

NONE_WORDS = frozenset({"none", "[]"})
YES = frozenset({"y", "yes", "true", "ja", "j", "1"})
NO = frozenset({"n", "no", "false", "nej", "nei", "0"})


class BadValue(ValueError):
    """Text that is not a value of the field's type; ``hint`` says what would be."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)


@dataclass(frozen=True)
class FieldSpec:
    """One field of the profile model, at a dotted path (``[]`` marks a list's entries)."""

    path: str
    info: FieldInfo
    kind: str  # "bool" | "decimal" | "int" | "date" | "str" | "choice" | "model"
    is_list: bool
    choices: tuple[str, ...] = ()  # for "choice": the allowed values, in order
    model: ModelClass | None = None  # for "model": the nested model
    children: tuple[FieldSpec, ...] = ()
    ranged: bool = False  # a figure that may be given within bounds ("10-19")

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def required(self) -> bool:
        return self.info.is_required()

    @property
    def asked_whether(self) -> bool:
        """An optional table ``init`` asks about with a yes/no first: one with required fields,
        or one whose presence is a fact of its own (the training add-on sought)."""
        return self.kind == "model" and not self.is_list and not self.required and (
            any(c.required for c in self.children)
            or getattr(self.model, "presence_is_a_fact", False))

    @property
    def description(self) -> str:
        return self.info.description or ""

    @property
    def examples(self) -> list[Any]:
        return list(self.info.examples or [])

    def walk(self) -> typing.Iterator[FieldSpec]:
        yield self
        for c in self.children:
            yield from c.walk()

    def type_text(self, currency: str = "") -> str:
        """How to write a value, e.g. 'yes or no', 'an amount in DKK'."""
        base = {
            "bool": "yes or no",
            "decimal": f"an amount in {currency}" if currency and _is_money(self)
            else "a number",
            "int": "a whole number",
            "date": "a date, YYYY-MM-DD",
            "str": "text",
            "choice": "one of: " + ", ".join(self.choices),
            "model": "a table",
        }[self.kind]
        if self.is_list and self.kind != "model":
            return f"comma-separated ({base}), or none"
        if self.ranged:
            base += ", or a range such as 10-19 or 'at most 50'"
        return base


# decimal fields that are not amounts of money (the rest are, in the profile's currency)
NOT_MONEY = frozenset({"staff", "share_percent", "employees_fte", "owners_fte",
                       "public_ownership_percent", "hours_per_week", "owner_percent",
                       "attachments_mb"})


def _is_money(spec: FieldSpec) -> bool:
    return spec.name not in NOT_MONEY


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the base type, is it a list) of an annotation, without Optional and Annotated."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is typing.Annotated:
            deferred = [m for m in annotation.__metadata__ if isinstance(m, Deferred)]
            annotation = deferred[0].model if deferred else typing.get_args(annotation)[0]
        elif origin is list:
            is_list = True
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation, is_list


def _spec(path: str, info: FieldInfo) -> FieldSpec:
    base, is_list = _unwrap(info.annotation)
    if is_model(base):
        prefix = path + "[]" if is_list else path
        children = tuple(_spec(f"{prefix}.{n}", f) for n, f in base.model_fields.items())
        return FieldSpec(path, info, "model", is_list, model=base, children=children)
    if typing.get_origin(base) is typing.Literal:
        return FieldSpec(path, info, "choice", is_list,
                         choices=tuple(str(a) for a in typing.get_args(base)))
    if isinstance(base, type) and issubclass(base, Enum):
        return FieldSpec(path, info, "choice", is_list,
                         choices=tuple(str(m.value) for m in base))
    kinds = {bool: "bool", Decimal: "decimal", int: "int", date: "date", str: "str"}
    if base not in kinds:
        raise TypeError(f"profile field {path}: no text form for {base!r}")
    ranged = any(is_figure(a) for a in typing.get_args(info.annotation)) or is_figure(
        info.annotation)
    return FieldSpec(path, info, kinds[base], is_list, ranged=ranged)


@cache
def profile_fields() -> tuple[FieldSpec, ...]:
    """The top-level fields of the profile, each with its sub-fields, in the model's order."""
    return tuple(_spec(n, f) for n, f in Profile.model_fields.items())


@cache
def all_specs() -> dict[str, FieldSpec]:
    """Every field by its generic path (``employees[].name``), in the model's order."""
    return {s.path: s for top in profile_fields() for s in top.walk()}


_INDEX = re.compile(r"\[(\d*)\]")


def generic(path: str) -> str:
    """``employees[0].name`` → ``employees[].name``."""
    return _INDEX.sub("[]", path)


def find(path: str) -> FieldSpec:
    """The field a concrete or generic path names; BadValue with a did-you-mean otherwise."""
    if not re.fullmatch(r"[a-z_0-9]+(\[\d*\])?(\.[a-z_0-9]+(\[\d*\])?)*", path):
        raise BadValue(f"{path!r} is not a field path",
                       "write it dotted, e.g. company.turnover or employees[0].name")
    spec = all_specs().get(generic(path))
    if spec is not None:
        return spec
    close = _closest(generic(path), list(all_specs()))
    table = path.rpartition(".")[0]
    if close is not None and close.rpartition(".")[0] == generic(table):  # its own index kept
        close = f"{table}.{close.rpartition('.')[2]}"
    hint = f"did you mean {close!r}?" if close else (
        "see `grantcheck schema` or docs/profile.md for the profile's fields")
    raise BadValue(f"{path!r}: no such field in the profile", hint)


def _closest(path: str, known: list[str]) -> str | None:
    """The field ``path`` most likely means: a name like its own in the same table, else its
    name in another table (declarations.in_difficulty: company.in_difficulty). Whole paths
    are not compared: sharing 'company.' made 'company.nonexistent' look like
    'company.owners_fte'."""
    table, _, name = path.rpartition(".")
    siblings = {k.rpartition(".")[2]: k for k in known if k.rpartition(".")[0] == table}
    close = difflib.get_close_matches(name, list(siblings), n=1, cutoff=0.6)
    if close:
        return siblings[close[0]]
    elsewhere = [k for k in known if k.rpartition(".")[2] == name]
    return elsewhere[0] if len(elsewhere) == 1 else None


def parse_bool(text: str) -> bool:
    low = text.strip().lower()
    if low in YES:
        return True
    if low in NO:
        return False
    raise BadValue(f"{text.strip()!r} is not yes or no", "answer yes or no (true/false also work)")


def prune(data: dict[str, Any]) -> dict[str, Any]:
    """Drop tables left empty (an empty list stays: it states "none")."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, dict):
            v = prune(v)
            if not v:
                continue
        elif isinstance(v, list):
            v = [prune(x) if isinstance(x, dict) else x for x in v]
        out[k] = v
    return out


def _as_text(spec: FieldSpec) -> str:
    """How a value written as TOML's list or table (``["a", "b"]``, ``{min = 1, max = 5}``,
    as in a profile: it was "'[\"a\"' is not one of the allowed values", and "e.g.
    {min=1.max=5}") is written as an answer or a --set value."""
    if spec.is_list:
        example = ",".join(spec.choices[:2]) if spec.choices else "a,b"
        return (f"write the items separated by commas, without brackets or quotes, e.g. "
                f"{example} (none for an empty list)")
    if spec.ranged:
        return "write one number (1500000) or a range: 10-19, at least 10, at most 50000000"
    return "write the value alone, without brackets, braces or quotes"


def parse_scalar(spec: FieldSpec, text: str) -> Any:
    """One value of the field's type from text (already stripped, not empty)."""
    t = text.strip()
    low = t.lower()
    if spec.kind == "bool":
        return parse_bool(t)
    if spec.kind in ("decimal", "int"):
        from grantcheck.numbers import NumberError, parse_number

        band = parse_band(t) if spec.ranged else None
        if band is not None:  # "10-19", "between 10 and 19", "at most 50000000"
            try:  # each end as a number is read (150.000 refused)
                return {k: parse_number(v) for k, v in band.items()}
            except NumberError as e:
                raise BadValue(e.message, e.hint) from None

        try:
            number = parse_number(t)
        except NumberError as e:
            raise BadValue(e.message, e.hint) from None
        if spec.kind == "int":
            if number != number.to_integral_value():
                raise BadValue(f"{quoted(t)} is not a whole number", "e.g. 12")
            return int(number)
        return number
    if spec.kind == "date":
        from grantcheck.numbers import last_day_of, no_such_day, parse_day

        try:  # YYYY-MM-DD only: not 20250301 or the week date 2025-W10-6, which Python reads
            return parse_day(t)
        except ValueError:
            if why := no_such_day(t):  # written so, but not in the calendar (2025-02-29)
                raise BadValue(f"{quoted(t)}: {why}", "check the month's days, e.g. "
                               f"{last_day_of(t) or '2025-03-01'}") from None
            raise BadValue(f"{quoted(t)} is not a date", "write it as YYYY-MM-DD, e.g. 2025-03-01"
                           ) from None
    if spec.kind == "choice":
        if t in spec.choices:
            return t
        if low in spec.choices:
            return low
        if t.upper() in spec.choices:  # a currency written "dkk", as the country "dk" is read
            return t.upper()
        close = difflib.get_close_matches(low, spec.choices, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else "one of: " + ", ".join(spec.choices)
        if spec.path.endswith("legal_form"):
            from grantcheck.registry.mapping import form_of

            if form := form_of(t):  # a registry's code: ApS, AS, AB
                hint = f"{t} is {form}: --set {spec.path}={form}"
        raise BadValue(f"{quoted(t)} is not one of the allowed values", hint)
    if spec.kind == "str":
        return t
    raise BadValue(f"{spec.path} is a table, not a single value",
                   f"set its fields, e.g. {spec.children[0].path}=…" if spec.children else "")


def parse_value(spec: FieldSpec, text: str) -> Any:
    """The field's value from text: a list is comma-separated, with 'none' for an empty list."""
    t = text.strip()
    if t[:1] + t[-1:] in ("[]", "{}") and t.lower() not in NONE_WORDS and spec.kind not in (
            "str", "model"):  # as a profile has it (a name may be "[Beta]")
        what = "list" if t[0] == "[" else "table"
        raise BadValue(f"{quoted(t)} is written as TOML writes a {what}", _as_text(spec))
    if spec.is_list:
        if spec.kind == "model":
            if text.strip().lower() in NONE_WORDS:
                return []
            raise BadValue(f"{spec.path} is a list of tables",
                           f"write none for an empty list, or set its entries' fields, e.g. "
                           f"{spec.path}[0].{spec.children[0].name}=…")
        if text.strip().lower() in NONE_WORDS:
            return []
        items = [part.strip() for part in text.split(",")]
        if any(not item for item in items):
            raise BadValue(f"{quoted(text)} has an empty item",
                           "separate the values with commas, or write none for an empty list")
        return [parse_scalar(spec, item) for item in items]
    return parse_scalar(spec, text)


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Put ``value`` at a concrete path, creating tables and list entries on the way.

    A list index may be at most the list's length (a new entry is appended); a gap is an error.
    """
    parts = path.split(".")
    node: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        m = re.fullmatch(r"([a-z_0-9]+)(?:\[(\d+)\])?", part)
        if m is None:
            raise BadValue(f"an index is needed in {part!r}",
                           f"e.g. {part.replace('[]', '[0]')}")
        key, index = m.group(1), m.group(2)
        if index is None:
            if last:
                node[key] = value
                return
            nxt = node.get(key)
            if not isinstance(nxt, dict):
                nxt = {}
                node[key] = nxt
            node = nxt
            continue
        items = node.get(key)
        if not isinstance(items, list):
            items = []
            node[key] = items
        n = int(index)
        if n > len(items):
            given = f"entries 0 to {len(items) - 1} are" if len(items) > 1 else (
                "entry 0 is" if items else "no entry is")
            raise BadValue(f"entry {n} leaves a gap: {given} given so far",
                           f"number the entries from 0 without gaps ({key}[{len(items)}] next)")
        if n == len(items):
            items.append({} if not last else value)
        if last:
            items[n] = value
            return
        node = items[n]


def get_path(data: dict[str, Any], path: str) -> Any:
    """The value at a concrete path, or None."""
    node: Any = data
    for part in path.split("."):
        m = re.fullmatch(r"([a-z_0-9]+)(?:\[(\d+)\])?", part)
        if m is None or not isinstance(node, dict):
            return None
        node = node.get(m.group(1))
        if m.group(2) is not None:
            if not isinstance(node, list) or int(m.group(2)) >= len(node):
                return None
            node = node[int(m.group(2))]
    return node


def leaf_paths(data: Any, prefix: str = "") -> list[str]:
    """The concrete paths of the values in profile data (a list of tables: its entries')."""
    if isinstance(data, dict) and not (prefix and data and set(data) <= {"min", "max"}):
        # (a figure within bounds, { min = 10, max = 19 }, is one value)
        return [p for k, v in data.items()
                for p in leaf_paths(v, f"{prefix}.{k}" if prefix else k)]
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return [p for i, v in enumerate(data) for p in leaf_paths(v, f"{prefix}[{i}]")]
    return [prefix]
