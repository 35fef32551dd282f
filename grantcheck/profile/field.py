"""``Field``: pydantic's ``Field``, made without pydantic's work for the profile's usual field.

A declaration of the profile (``staff: Figure | None = Field(None, description=…,
examples=[…])``) makes a ``FieldInfo`` that :mod:`grantcheck.profile.record` reads. pydantic's
``Field`` sorts its arguments, collects their metadata and records which were given: about
80,000 instructions a call, 15 M of `match`'s start-up for the profile's ~190 fields. A field
that gives only a default (or a default factory), a description and examples is made here as
the same ``FieldInfo`` pydantic's ``Field`` makes (every slot the same: tests/test_record.py),
copied from one pydantic made; any other argument (a bound, a length) goes to pydantic's own.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field as _pydantic_field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

_QUICK = frozenset({"default_factory", "description", "examples"})
_FRESH = frozenset({"metadata", "_attributes_set", "_qualifiers"})  # mutable: one each
_TEMPLATE: list[tuple[str, Any]] = []  # the slots of a FieldInfo with nothing given


def Field(default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    """pydantic's ``Field(default, **kwargs)``: the same ``FieldInfo``."""
    if kwargs.keys() - _QUICK:
        return _pydantic_field(default, **kwargs)
    if not _TEMPLATE:
        blank = _pydantic_field()
        _TEMPLATE.extend((s, getattr(blank, s)) for s in FieldInfo.__slots__
                         if hasattr(blank, s) and s not in _FRESH)
    info = FieldInfo.__new__(FieldInfo)
    for slot, value in _TEMPLATE:
        object.__setattr__(info, slot, value)
    given = {"default": default} if default is not PydanticUndefined else {}
    given.update(kwargs)
    info.default = default
    info.default_factory = kwargs.get("default_factory")
    info.description = kwargs.get("description")
    info.examples = kwargs.get("examples")
    info.metadata = []
    info._attributes_set = given
    info._qualifiers = set()
    return info
