"""The profile's records: a light base for its models, validated by pydantic-core.

pydantic's ``BaseModel`` collects a model's fields and generates its core schema in Python when
the class is created: about 100 M instructions for the profile's ~190 fields, a tenth of
`match`'s start-up (docs/performance.md, "the profile's records"). A :class:`Record` keeps what
its class body declares (the annotations, the ``pydantic.Field(...)`` of each field, the
validators) and builds, at its first validation, the core schema pydantic would generate, by
hand, then a ``SchemaValidator`` from it. pydantic-core makes the instances (it sets
``__dict__`` and the fields set), and its errors are pydantic's: the same ``type``, ``loc`` and
``msg``. The JSON Schema (``grantcheck schema``) is pydantic's own, from a pydantic model made
from the same declarations when it is asked for (:func:`grantcheck.schema.pydantic_model`).

A record has what the rest of the code used of a model: ``model_fields`` (name -> FieldInfo,
its ``annotation`` set), ``model_validate``, ``model_construct``, ``model_dump``,
``model_copy``, equality, a repr, refused assignment (frozen), pickling.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar, dataclass_transform

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined, ValidationError, core_schema

from grantcheck.amounts import MAX_TEXT, unsigned_zero
from grantcheck.profile.field import Field as QuickField

if TYPE_CHECKING:
    from pydantic_core import CoreSchema, SchemaSerializer, SchemaValidator

F = TypeVar("F")
R = TypeVar("R", bound="Record")

_FIELDS_SET = "__pydantic_fields_set__"
_HOOK = "__record_hook__"  # set on a validator: the fields it checks, or None for the record


def field_validator(*names: str) -> Callable[[F], F]:
    """An after-validator of the named fields (a classmethod ``(cls, value) -> value``), run by
    pydantic-core as ``pydantic.field_validator`` would run it."""
    def mark(fn: F) -> F:
        setattr(fn, _HOOK, names)
        return fn
    return mark


def model_validator(*, mode: typing.Literal["after"]) -> Callable[[F], F]:
    """An after-validator of the whole record (a method ``(self) -> self``)."""
    def mark(fn: F) -> F:
        setattr(fn, _HOOK, None)
        return fn
    return mark


@dataclass_transform(kw_only_default=True, field_specifiers=(Field, QuickField))
class _RecordMeta(type):
    """Records a class's fields (its annotations, each with its FieldInfo) and validators;
    builds nothing else."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any], **kw: Any
                ) -> _RecordMeta:
        fields: dict[str, FieldInfo] = {}
        field_hooks: list[tuple[tuple[str, ...], Any]] = []
        record_hooks: list[Any] = []
        for base in reversed(bases):
            fields.update(getattr(base, "model_fields", {}))
            field_hooks += getattr(base, "_field_hooks", [])
            record_hooks += getattr(base, "_record_hooks", [])
        for key, value in ns.items():
            if hasattr(value, _HOOK):
                names = getattr(value, _HOOK)
                if names is None:
                    record_hooks.append(key)
                else:
                    field_hooks.append((names, key))
        for key, annotation in ns.get("__annotations__", {}).items():
            if (typing.get_origin(annotation) is ClassVar or key.startswith("_")
                    or isinstance(annotation, str)):  # Record's own, as text
                continue
            fields[key] = _field(annotation, ns.pop(key, PydanticUndefined))
        ns["model_fields"] = fields
        ns["_field_hooks"] = field_hooks
        ns["_record_hooks"] = record_hooks
        return super().__new__(mcs, name, bases, ns, **kw)


def _field(annotation: Any, default: Any) -> FieldInfo:
    """The FieldInfo of a field declared ``name: annotation = default``, as pydantic's
    ``model_fields`` give it: its annotation set, and a top-level ``Annotated``'s metadata
    (``NonNeg``'s bounds) moved into it."""
    info = default if isinstance(default, FieldInfo) else Field(default)
    if typing.get_origin(annotation) is typing.Annotated:
        inner = [m for meta in annotation.__metadata__
                 for m in (meta.metadata if isinstance(meta, FieldInfo) else [meta])]
        info.metadata = [*inner, *info.metadata]
        annotation = annotation.__origin__
    info.annotation = annotation
    return info


def is_model(annotation: Any) -> bool:
    """Whether ``annotation`` is a model class: a record (the profile's, the budget's) or a
    pydantic model (:func:`grantcheck.schema.pydantic_model` makes them for the JSON Schema)."""
    return isinstance(annotation, type) and issubclass(annotation, Record | BaseModel)


class Record(metaclass=_RecordMeta):
    """The base of the profile's models (extra keys refused, frozen, text stripped)."""

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    model_fields: ClassVar[dict[str, FieldInfo]]
    _field_hooks: ClassVar[list[tuple[tuple[str, ...], str]]]
    _record_hooks: ClassVar[list[str]]

    def __init__(self, **data: Any) -> None:
        _validator(type(self)).validate_python(data, self_instance=self)

    @classmethod
    def model_validate(cls: type[R], obj: Any) -> R:
        out: R = _validator(cls).validate_python(obj)
        return out

    @classmethod
    def model_construct(cls: type[R], _fields_set: set[str] | None = None, **values: Any) -> R:
        """A record of ``values`` (the others their defaults), not validated."""
        data = {}
        for name, info in cls.model_fields.items():
            if name in values:
                data[name] = values[name]
            elif not info.is_required():
                data[name] = info.get_default(call_default_factory=True)
        return cls._made(data, set(values) if _fields_set is None else _fields_set)

    @classmethod
    def _made(cls: type[R], data: dict[str, Any], fields_set: set[str]) -> R:
        new = cls.__new__(cls)
        for key, value in (("__dict__", data), ("__pydantic_fields_set__", fields_set),
                           ("__pydantic_extra__", None), ("__pydantic_private__", None)):
            object.__setattr__(new, key, value)
        return new

    def model_copy(self: R, *, update: dict[str, Any] | None = None) -> R:
        """A copy with ``update``'s fields replaced (not validated), as pydantic's."""
        update = update or {}
        return self._made({**self.__dict__, **update}, self.model_fields_set | set(update))

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the record was given (not left to their defaults)."""
        given: set[str] = getattr(self, _FIELDS_SET)  # a slot pydantic-core sets
        return given

    def model_dump(self, *, mode: str = "python", exclude_unset: bool = False,
                   exclude_none: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = _serializer(type(self)).to_python(
            self, mode=mode, exclude_unset=exclude_unset, exclude_none=exclude_none)
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise ValidationError.from_exception_data(type(self).__name__, [
            {"type": "frozen_instance", "loc": (name,), "input": value}])

    def __delattr__(self, name: str) -> None:
        self.__setattr__(name, None)

    def __getstate__(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in Record.__slots__}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


ModelClass: TypeAlias = type[Record] | type[BaseModel]  # mypy reads it so
"""A record class, or a pydantic model's (:func:`is_model`)."""


# --- the core schema, by hand -----------------------------------------------------------------

def decimal_schema(**constraints: Any) -> CoreSchema:
    """A Decimal's core schema: pydantic's, a negative zero (``-0``, ``"-0.0"``) read as 0
    (:func:`grantcheck.amounts.unsigned_zero`)."""
    return core_schema.no_info_after_validator_function(
        unsigned_zero, core_schema.decimal_schema(**constraints))


def text_schema(**constraints: Any) -> CoreSchema:
    """Text's core schema: pydantic's, at most :data:`~grantcheck.amounts.MAX_TEXT` characters
    unless the field says otherwise (a 3 MB company name was read, and printed), and no NUL
    character (refused in a JSON line and raw in TOML, ``"\\u0000"`` in TOML went into a CSV's
    cell as a NUL byte)."""
    return core_schema.str_schema(**{"max_length": MAX_TEXT, "pattern": _NO_NUL, **constraints})


_NO_NUL = "^[^\x00]*$"  # pydantic-core's regex: $ is the end of the text


_SCALARS: dict[Any, Callable[..., CoreSchema]] = {
    str: text_schema, bool: core_schema.bool_schema, int: core_schema.int_schema,
    Decimal: decimal_schema, date: core_schema.date_schema}
# pydantic's names for the constraints annotated_types gives
_BOUNDS = {"Ge": "ge", "Le": "le", "Gt": "gt", "Lt": "lt", "MinLen": "min_length",
           "MaxLen": "max_length"}


def core_schema_of(cls: type[Record]) -> CoreSchema:
    """The core schema pydantic generates for ``cls`` (without its JSON Schema metadata and
    references): a ``model`` schema of its fields, each with its field validators and default,
    wrapped in its record validators."""
    made: CoreSchema | None = cls.__dict__.get("_core_schema")
    if made is not None:
        return made
    hooks: dict[str, list[Any]] = {}
    for names, attr in cls._field_hooks:
        for name in names:
            hooks.setdefault(name, []).append(getattr(cls, attr))
    fields = {}
    for name, info in cls.model_fields.items():
        schema = _schema(info.annotation, info.metadata)
        for hook in hooks.get(name, ()):
            schema = core_schema.no_info_after_validator_function(hook, schema)
        if info.default_factory is not None:
            schema = core_schema.with_default_schema(
                schema, default_factory=info.default_factory, default_factory_takes_data=False)
        elif info.default is not PydanticUndefined:
            schema = core_schema.with_default_schema(schema, default=info.default)
        fields[name] = core_schema.model_field(schema)
    title = cls.__name__
    schema = core_schema.model_schema(
        cls, core_schema.model_fields_schema(fields, model_name=title, computed_fields=[]),
        custom_init=False, root_model=False, config=core_schema.CoreConfig(
            extra_fields_behavior="forbid", str_strip_whitespace=True, title=title))
    for attr in cls._record_hooks:
        schema = core_schema.no_info_after_validator_function(getattr(cls, attr), schema)
    type.__setattr__(cls, "_core_schema", schema)
    return schema


_MADE: dict[Any, CoreSchema] = {}  # an annotation without constraints (``Flag``) -> its schema


def _schema(annotation: Any, metadata: list[Any]) -> CoreSchema:
    """The core schema of one annotation, with the constraints in ``metadata``: made once for
    an annotation that many fields share (``Flag``, ``Figure | None``), as pydantic-core reads
    a schema without changing it."""
    if metadata:
        return _made(annotation, metadata)
    made = _MADE.get(annotation)
    if made is None:
        made = _MADE[annotation] = _made(annotation, metadata)
    return made


def _made(annotation: Any, metadata: list[Any]) -> CoreSchema:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"a record field may be one type or None, not {annotation!r}")
        return core_schema.nullable_schema(_schema(args[0], metadata))
    if origin is typing.Annotated:
        base, extra = annotation.__origin__, []
        for meta in annotation.__metadata__:
            hook = getattr(meta, "__get_pydantic_core_schema__", None)
            if hook is not None:  # a figure's union, a deferred model: their own schema
                made: CoreSchema = hook(base, None)
                return made
            extra += meta.metadata if isinstance(meta, FieldInfo) else [meta]
        return _schema(base, [*metadata, *extra])
    if origin is typing.Literal:
        return core_schema.literal_schema(list(typing.get_args(annotation)))
    if origin is list:
        return core_schema.list_schema(_schema(typing.get_args(annotation)[0], []),
                                       **_constraints(metadata))
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return core_schema_of(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return core_schema.enum_schema(annotation, list(annotation.__members__.values()),
                                       sub_type="str")
    return _SCALARS[annotation](**_constraints(metadata))


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    """The keyword arguments of a core schema for a field's constraints (``ge``, ``strict``,
    ``allow_inf_nan``, …)."""
    kwargs: dict[str, Any] = {}
    for meta in metadata:
        kind = type(meta).__name__
        if kind in _BOUNDS:
            kwargs[_BOUNDS[kind]] = getattr(meta, _BOUNDS[kind])
        elif kind == "Strict":
            kwargs["strict"] = meta.strict
        else:  # pydantic's general metadata: allow_inf_nan
            kwargs.update(vars(meta))
    return kwargs


def _validator(cls: type[Record]) -> SchemaValidator:
    from pydantic_core import SchemaValidator

    made: SchemaValidator = _built(cls, "_validator", SchemaValidator)
    return made


def _serializer(cls: type[Record]) -> SchemaSerializer:
    from pydantic_core import SchemaSerializer

    made: SchemaSerializer = _built(cls, "_serializer", SchemaSerializer)
    return made


def _built(cls: type[Record], attr: str, make: Callable[[CoreSchema], Any]) -> Any:
    """``make(cls's core schema)``, made at its first use and kept on the class (not on its
    subclasses, which have their own)."""
    made = cls.__dict__.get(attr)
    if made is None:
        schema = core_schema_of(cls)
        with _signals_held():
            made = make(schema)
        type.__setattr__(cls, attr, made)
    return made


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held while pydantic-core builds, and given to their handlers after (a
    few milliseconds). pydantic-core runs Python as it compiles a field's pattern, and catches
    what is raised there: a Ctrl-C that came then was lost, and the validator it left refused
    every value of the field ("String should match pattern '<unprintable str object>'", said
    of a good CVR number). Only Python handlers are held, in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[tuple[int, Any]] = []
    held: dict[int, Callable[[int, Any], Any]] = {
        int(n): h for n in (signal.SIGINT, signal.SIGTERM) if callable(h := signal.getsignal(n))}
    for n in held:
        signal.signal(n, lambda signum, frame: came.append((signum, frame)))
    try:
        yield
    finally:
        for n, handler in held.items():
            signal.signal(n, handler)
        for signum, frame in dict(came).items():  # each once; one that raises ends it
            held[signum](signum, frame)
