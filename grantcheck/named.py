"""``NamedTuple`` as ``typing`` has it, made for a fifth of the cost: ``from grantcheck.named
import NamedTuple``, then ``class Fact(NamedTuple): ...`` as usual.

``typing.NamedTuple`` checks each annotation (``typing._type_check``) and ``collections.namedtuple``
compiles the class's ``__new__`` from source text with ``eval``: about 0.6 M instructions a class,
and `grantcheck match` made 31 of them at start-up, 18 M instructions, more than the 1.25 times the
Typer floor that issue 20 allows left room for (docs/performance.md, "ninth session"). Here a
``__new__`` is compiled once for each number of fields and given the class's field names
(``CodeType.replace``): the same tuple subclass, with the same fields, defaults, ``__new__``
signature and errors, ``_make``, ``_replace``, ``_asdict``, ``__repr__``, ``__match_args__`` and
pickling, made in about 0.14 M. Annotations are kept as written, not checked.

mypy reads this module's ``NamedTuple`` as ``typing.NamedTuple`` itself (the ``TYPE_CHECKING``
import below), so a class checks as a named tuple does. ``tests/test_named.py`` compares the two.
"""

from __future__ import annotations

from _collections import _tuplegetter  # type: ignore[import-not-found]  # namedtuple's accessor
from types import FunctionType
from typing import TYPE_CHECKING, Any

# what typing.NamedTuple refuses in a class body (its _prohibited), and what a class body has
# of its own
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                         "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_TEMPLATES: dict[int, FunctionType] = {}  # number of fields -> a __new__ to rename
_GETTERS: dict[int, Any] = {}  # index -> its accessor (one shared by every class)


def _template(n: int) -> FunctionType:
    """``lambda _cls, _0, …: tuple.__new__(_cls, (_0, …))`` for ``n`` fields, as
    ``collections.namedtuple`` writes it, compiled once for each ``n``."""
    made = _TEMPLATES.get(n)
    if made is None:
        args = ", ".join(f"_{i}" for i in range(n))
        items = args + ("," if n == 1 else "")
        made = _TEMPLATES[n] = eval(  # source text of our own, the field names not in it
            f"lambda _cls{', ' if n else ''}{args}: _tuple_new(_cls, ({items}))",
            {"_tuple_new": tuple.__new__})
    return made


def _new(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> FunctionType:
    template = _template(len(fields))
    code = template.__code__.replace(co_varnames=("_cls", *fields), co_name="__new__",
                                     co_qualname=f"{name}.__new__")
    made = FunctionType(code, template.__globals__, "__new__", defaults or None)
    made.__doc__ = f"Create new instance of {_signature(name, fields)}"
    return made


def _signature(name: str, fields: tuple[str, ...]) -> str:
    """``Name(a, b)`` (``Name(a,)`` for one field), as ``collections.namedtuple`` writes it."""
    return f"{name}({', '.join(fields)}{',' if len(fields) == 1 else ''})"


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self, strict=True))
    return f"{type(self).__name__}({shown})"


def _asdict(self: Any) -> dict[str, Any]:
    """A new dict which maps field names to their values."""
    return dict(zip(self._fields, self, strict=True))


def _replace(self: Any, /, **kwds: Any) -> Any:
    """A new instance with the fields ``kwds`` names given new values."""
    result = self._make(map(kwds.pop, self._fields, self))
    if kwds:
        raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
    return result


def _make(cls: Any, iterable: Any) -> Any:
    """A new instance from a sequence or iterable."""
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
    return result


def _getnewargs(self: tuple[Any, ...]) -> tuple[Any, ...]:
    """The instance as a plain tuple: what pickle and copy give ``__new__``."""
    return tuple(self)


def _defaults(name: str, fields: tuple[str, ...], ns: dict[str, Any]) -> tuple[Any, ...]:
    defaults: list[Any] = []
    for i, field in enumerate(fields):
        if field.startswith("_"):
            raise ValueError(f"Field names cannot start with an underscore: {field!r}")
        if field in ns:
            defaults.append(ns[field])
        elif defaults:
            before = ", ".join(fields[i - len(defaults):i])
            raise TypeError(f"Non-default namedtuple field {field} cannot follow default "
                            f"field{'s' if len(defaults) > 1 else ''} {before}")
    return tuple(defaults)


class _Maker(type):
    """Makes each class that names ``NamedTuple`` as its base a plain ``tuple`` subclass, as
    ``typing.NamedTupleMeta`` does."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # NamedTuple itself
            return super().__new__(mcs, name, bases, ns)
        annotations = dict(ns.get("__annotations__", {}))
        fields = tuple(annotations)
        defaults = _defaults(name, fields, ns)
        body: dict[str, Any] = {
            "__doc__": _signature(name, fields),
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults,
                                        strict=True)),
            "__new__": _new(name, fields, defaults),
            "_make": classmethod(_make),
            "_replace": _replace,
            "_asdict": _asdict,
            "__getnewargs__": _getnewargs,
            "__repr__": _repr,
            "__match_args__": fields,
        }
        for i, field in enumerate(fields):
            getter = _GETTERS.get(i)
            if getter is None:
                getter = _GETTERS[i] = _tuplegetter(i, f"Alias for field number {i}")
            body[field] = getter
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in body or key in ("__doc__", "__module__", "__qualname__"):
                body[key] = value
        body["__annotations__"] = annotations
        return type(name, (tuple,), body)


if TYPE_CHECKING:
    from typing import NamedTuple
else:
    class NamedTuple(metaclass=_Maker):
        """The base a named tuple's class names (see the module's docstring)."""

        __slots__ = ()


__all__ = ["NamedTuple"]
