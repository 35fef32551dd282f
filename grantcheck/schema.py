"""The profile's JSON Schema, from the pydantic model: for editors, which then validate and
complete a profile as it is typed (``#:schema ./profile.schema.json`` for TOML language servers
such as taplo / Even Better TOML).

Every field carries a description and examples (a test walks the schema to keep it so). The
schema accepts what the model accepts: amounts may be numbers or numeric strings, dates are
strings in ISO form (a TOML date becomes one when a language server checks it), unknown keys are
refused (``additionalProperties: false``). A few checks are the model's alone and not in the
schema: a CVR number's 8 digits, a project that ends before it starts, a currency required
outside DK, NO and SE, known document ids.
"""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any

from grantcheck.profile import Profile
from grantcheck.profile.record import Record

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic.fields import FieldInfo

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _with_budget() -> type[BaseModel]:
    """The profile as a pydantic model (:func:`pydantic_model`) with
    ``budget`` typed as the budget's model: the field is deferred in :class:`Profile` (its models
    are built only for a profile with a [budget]), and the schema is the one the model would give
    with the model as the field's type."""
    from pydantic import create_model
    from pydantic.fields import FieldInfo

    from grantcheck.budget.model import Budget

    field = Profile.model_fields["budget"]
    budget: Any = pydantic_model(Budget) | None
    return create_model("Profile", __base__=pydantic_model(Profile), budget=(budget, FieldInfo(
        default=None, description=field.description, examples=field.examples)))


def _capped(node: Any) -> None:
    """Every text of the schema (a string that is no date, choice, or number written as text
    beside a number) given the cap a profile's text is held to (docs/limits.md), which the
    model adds to every text field."""
    from grantcheck.amounts import MAX_TEXT

    if isinstance(node, list):
        for value in node:
            _capped(value)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not node.keys() & {"format", "pattern", "enum", "const"}:
        node["maxLength"] = MAX_TEXT
    branches = node.get("anyOf", [])
    numeric = any(isinstance(b, dict) and b.get("type") == "number" for b in branches)
    for key, value in node.items():
        if key != "anyOf" or not numeric:
            _capped(value)
        else:  # a number or its text: only the other branches (a range's table)
            _capped([b for b in branches if b.get("type") not in ("number", "string")])


def profile_schema() -> dict[str, Any]:
    schema = _with_budget().model_json_schema()
    schema.pop("title", None)
    _capped(schema)
    return {
        "$schema": DIALECT,
        "title": "grantcheck profile",
        "description": "A company profile for grantcheck (TOML). Every field is optional unless "
        "required; a field left out is unknown, and grantcheck names the rules that need it.",
        **schema,
    }


# --- a record as a pydantic model, for what pydantic alone makes: the JSON Schema ---------

_MODELS: dict[type, type[BaseModel]] = {}  # a record -> its pydantic model


def pydantic_model(cls: type[Record]) -> type[BaseModel]:
    """A pydantic model declared as ``cls`` is (its fields' annotations and FieldInfo, its
    docstring; the records it holds as such models too), for what pydantic alone makes: the
    JSON Schema. Built when first asked for: not on `match`'s path."""
    made = _MODELS.get(cls)
    if made is None:
        from pydantic import ConfigDict, create_model

        made = create_model(  # type: ignore[call-overload]
            cls.__name__, __config__=ConfigDict(extra="forbid", frozen=True,
                                                str_strip_whitespace=True),
            __doc__=cls.__doc__, __module__=cls.__module__,
            **{name: (_as_pydantic(info.annotation), _copy(info))
               for name, info in cls.model_fields.items()})
        _MODELS[cls] = made
    return made


def _copy(info: FieldInfo) -> FieldInfo:
    import copy

    out = copy.copy(info)
    out.annotation = None
    return out


def _as_pydantic(annotation: Any) -> Any:
    """``annotation`` with each record in it replaced by its pydantic model."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return pydantic_model(annotation)
    args = typing.get_args(annotation)
    if not args or typing.get_origin(annotation) in (typing.Literal, typing.Annotated):
        return annotation
    swapped = tuple(_as_pydantic(a) for a in args)
    if swapped == args:
        return annotation
    if typing.get_origin(annotation) is types.UnionType:
        return typing.Union[swapped]  # noqa: UP007  # a union made from a tuple
    return typing.get_origin(annotation)[swapped]
