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

from typing import TYPE_CHECKING, Any

from grantcheck.profile import Profile

if TYPE_CHECKING:
    from pydantic import BaseModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _with_budget() -> type[BaseModel]:
    """The profile as a pydantic model (:func:`~grantcheck.profile.record.pydantic_model`) with
    ``budget`` typed as the budget's model: the field is deferred in :class:`Profile` (its models
    are built only for a profile with a [budget]), and the schema is the one the model would give
    with the model as the field's type."""
    from pydantic import create_model
    from pydantic.fields import FieldInfo

    from grantcheck.budget.model import Budget
    from grantcheck.profile.record import pydantic_model

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
