"""The profile's records (grantcheck/profile/record.py): their hand-built core schemas are the
ones pydantic generates from the same declarations, so pydantic-core gives the same errors."""

from typing import Any

import pytest
from pydantic import ValidationError

import grantcheck.budget.model as budget_model
from grantcheck import profile
from grantcheck.amounts import MAX_TEXT, unsigned_zero
from grantcheck.profile.record import _NO_NUL, Record, core_schema_of, is_model
from grantcheck.schema import pydantic_model

RECORDS = [m for m in (*vars(profile).values(), *vars(budget_model).values())
           if isinstance(m, type) and issubclass(m, Record) and m.model_fields]


def _plain(schema: Any) -> Any:
    """A core schema without what only one side has: pydantic's JSON Schema metadata and
    references, the validators pydantic's model of the declarations leaves out, the deferred
    field's serializer, what a record adds to every text and number (the cap on text and no
    NUL in it, a negative zero read as 0: docs/limits.md); classes and functions by name."""
    if isinstance(schema, dict):
        if schema.get("type") == "function-after" and getattr(
                schema["function"]["function"], "__name__", "").startswith("_"):
            return _plain(schema["schema"])  # a record's own validator
        if schema.get("type") == "function-after" and (
                schema["function"]["function"] is unsigned_zero):
            return _plain(schema["schema"])
        if schema.get("type") == "str" and schema.get("max_length") == MAX_TEXT and (
                schema.get("pattern") == _NO_NUL):
            schema = {k: v for k, v in schema.items() if k not in ("max_length", "pattern")}
        return {k: _plain(v) for k, v in schema.items()
                if k not in ("metadata", "ref")
                and not (k == "serialization" and schema.get("type") == "function-plain")}
    if isinstance(schema, list):
        return [_plain(x) for x in schema]
    if isinstance(schema, type) or callable(schema):
        return getattr(schema, "__name__", repr(schema))
    return schema


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_a_records_schema_is_the_one_pydantic_generates(record):
    generated = pydantic_model(record).__pydantic_core_schema__
    assert _plain(core_schema_of(record)) == _plain(generated)


def test_the_records_are_all_the_profiles_models():
    assert {r.__name__ for r in RECORDS} >= {"Profile", "Company", "Project", "Budget"}
    assert all(is_model(r) for r in RECORDS)
    assert is_model(pydantic_model(profile.Company)) and not is_model(int)


def test_a_record_refuses_what_the_model_of_its_declarations_refuses():
    """The same errors, type, location and message, from the record and from pydantic."""
    data = {"company": {"name": "", "country": "DK", "turnover": {"min": 5, "mx": 3},
                        "listed": "yes", "related": [{"name": "X", "relation": "owner"}]},
            "project": {"activities": ["dreaming"], "target_companies": 1.5}, "colour": 1}
    with pytest.raises(ValidationError) as ours:
        profile.Profile.model_validate(data)
    with pytest.raises(ValidationError) as theirs:
        pydantic_model(profile.Profile).model_validate(data)

    def told(e):
        return [(x["type"], x["loc"], x["msg"]) for x in e.value.errors()]

    assert told(ours) == told(theirs) and len(told(ours)) == 8


def test_a_record_is_frozen_compared_by_value_and_pickled():
    import pickle

    a = profile.Company.model_validate({"name": "A", "country": "dk"})
    with pytest.raises(ValidationError, match="frozen_instance"):
        a.name = "B"  # type: ignore[misc]
    assert a == pickle.loads(pickle.dumps(a)) and a != a.model_copy(update={"name": "B"})
    assert a.model_copy(update={"name": "B"}).model_fields_set == {"name", "country"}
    assert repr(a).startswith("Company(name='A', country='DK', currency=None")


def test_the_quick_field_is_the_fieldinfo_pydantics_field_makes() -> None:
    """grantcheck.profile.field.Field makes the usual declaration's FieldInfo itself (start-up):
    every slot as pydantic's Field makes it, whatever was given or left out; any other argument
    is pydantic's own."""
    from pydantic import Field as pydantic_field
    from pydantic.fields import FieldInfo

    from grantcheck.profile.field import Field

    def factory() -> list[str]:
        return []

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((None,), {"description": "d", "examples": [1]}), ((), {"description": "d"}),
        ((), {"default_factory": factory, "description": "x", "examples": [[1]]}), ((5,), {}),
        ((), {}), ((None,), {"description": "d", "examples": None}),
        ((None,), {"ge": 1, "le": 12, "description": "a bound: pydantic's own"}),
        ((), {"min_length": 1, "description": "d"})]
    for args, kwargs in calls:
        ours, theirs = Field(*args, **kwargs), pydantic_field(*args, **kwargs)
        assert type(ours) is FieldInfo
        for slot in FieldInfo.__slots__:
            assert getattr(ours, slot, "unset") == getattr(theirs, slot, "unset"), (kwargs, slot)
    one, two = Field(None, description="d"), Field(None, description="d")
    assert one.metadata is not two.metadata and one._attributes_set is not two._attributes_set


def test_a_ctrl_c_while_a_validator_is_built_is_not_lost_nor_leaves_it_broken() -> None:
    """pydantic-core runs Python as it compiles a field's pattern and catches what is raised
    there: a Ctrl-C then was lost, and the validator refused every CVR number ("String should
    match pattern '<unprintable str object>'"). Held while it builds, the Ctrl-C is raised
    after, and the next validation has a whole validator."""
    import os
    import signal

    from pydantic_core import SchemaValidator

    from grantcheck.profile import Profile
    from grantcheck.profile.record import _built

    def build_as_pydantic_core_does(schema: Any) -> SchemaValidator:
        try:  # the Ctrl-C comes while Python runs inside the build, which catches it
            os.kill(os.getpid(), signal.SIGINT)
            sum(range(100))  # the handler runs at the next bytecode
        except BaseException:  # as pydantic-core does
            pass
        return SchemaValidator(schema)

    def ctrl_c(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    before, kept = signal.signal(signal.SIGINT, ctrl_c), Profile.__dict__.get("_validator")
    try:
        type.__setattr__(Profile, "_validator", None)
        with pytest.raises(KeyboardInterrupt):
            _built(Profile, "_validator", build_as_pydantic_core_does)
        assert signal.getsignal(signal.SIGINT) is ctrl_c
        made = Profile.model_validate({"company": {"name": "Acme ApS", "country": "DK",
                                                   "cvr_number": "38492716"}})
        assert made.company.cvr_number == "38492716"
    finally:
        signal.signal(signal.SIGINT, before)
        type.__setattr__(Profile, "_validator", kept)
