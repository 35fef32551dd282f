"""Records whose methods are written once, here, instead of by ``dataclasses.dataclass``.

A dataclass writes each method it adds (``__init__``, ``__eq__``, ``__repr__``, a frozen one's
``__setattr__`` and ``__delattr__``, ``__hash__``) as source text and compiles it with ``exec``:
1 to 2 ms a class on start-up, and `grantcheck match` created fifteen (docs/performance.md).
A record here declares its ``__slots__`` and writes its own ``__init__``; equality, hashing and
the repr read the public slots (a name without a leading underscore), in the order the classes
declare them, base classes first.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, Self


def _public(cls: type) -> tuple[str, ...]:
    names = _PUBLIC.get(cls)
    if names is None:
        names = _PUBLIC[cls] = tuple(
            n for c in reversed(cls.__mro__) for n in c.__dict__.get("__slots__", ())
            if not n.startswith("_"))
    return names


def _getter(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """The public slots' values of a record of ``cls``, as a tuple (made once per class)."""
    get = _GETTERS.get(cls)
    if get is None:
        names = _public(cls)
        many = attrgetter(*names) if names else (lambda _: ())
        get = _GETTERS[cls] = many if len(names) != 1 else (lambda r: (many(r),))
    return get


_PUBLIC: dict[type, tuple[str, ...]] = {}
_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


class Fields:
    """Equality by the public slots and a repr that shows them; not hashable (it may change)."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return _getter(type(self))(self)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _public(type(self)))
        return f"{type(self).__qualname__}({shown})"


class Frozen(Fields):
    """:class:`Fields` that cannot be changed once made, and so hashable: ``__init__`` sets its
    slots with :func:`init` (or a slot's own setter), anything else that sets one raises; its
    ``__init__`` takes the public slots by name."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")

    def __hash__(self) -> int:  # type: ignore[override]  # None above: a Fields may change
        return hash(self._values())

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` made, through ``__init__`` (as ``dataclasses.replace``): a
        frozen record's ``__init__`` takes its public slots by name."""
        return type(self)(**{**{n: getattr(self, n) for n in _public(type(self))}, **changes})

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied by its slots' values, set again as ``__init__`` sets them (the
        default would set them through ``__setattr__``, which refuses)."""
        names = (n for c in type(self).__mro__ for n in c.__dict__.get("__slots__", ()))
        return _rebuilt, (type(self), tuple((n, getattr(self, n)) for n in names
                                            if hasattr(self, n)))


class FrozenError(AttributeError):
    """A frozen record was assigned to (as ``dataclasses.FrozenInstanceError``)."""


init = object.__setattr__  # sets a frozen record's slot from its own __init__


def _rebuilt(cls: type[Frozen], state: tuple[tuple[str, Any], ...]) -> Frozen:
    made = object.__new__(cls)
    for name, value in state:
        init(made, name, value)
    return made
