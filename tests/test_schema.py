"""`grantcheck schema`: a valid JSON Schema that describes every field and accepts every example."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.schema import profile_schema

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))
SCHEMA = profile_schema()
runner = CliRunner()


def _as_json(toml_text: str) -> Any:
    """A TOML profile as a language server sees it: JSON values, dates as ISO strings."""
    data = tomllib.loads(toml_text)
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()
                                 if isinstance(d, date) else str(d)))


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from (("Profile." + k, v) for k, v in schema["properties"].items())
    for name, d in schema["$defs"].items():
        yield from ((f"{name}.{k}", v) for k, v in d.get("properties", {}).items())


def _validator(sub: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({"$defs": SCHEMA["$defs"], **sub})


def test_the_schema_is_valid_json_schema_2020_12():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_field_has_a_description_and_examples():
    props = list(_properties(SCHEMA))
    assert len(props) > 100
    lacking = [name for name, p in props if not p.get("description") or not p.get("examples")]
    assert not lacking, lacking


def test_every_example_is_valid_for_its_field():
    for name, prop in _properties(SCHEMA):
        v = _validator({k: x for k, x in prop.items() if k != "examples"})
        for example in prop["examples"]:
            errors = [e.message for e in v.iter_errors(example)]
            assert not errors, (name, example, errors)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_example_profile_validates_against_the_schema(path):
    errors = list(Draft202012Validator(SCHEMA).iter_errors(
        _as_json(path.read_text(encoding="utf-8"))))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


@pytest.mark.parametrize(("toml_text", "field"), [
    ('[company]\nname = "X"\ncountry = "DK"\nturnovr = 5\n', "turnovr"),
    ('[company]\nname = "X"\ncountry = "DK"\nturnover = -5\n', "-5"),
    ('[company]\nname = "X"\ncountry = "DK"\nlisted = "yes"\n', "yes"),
    ('[company]\nname = "X"\ncountry = "DK"\nlegal_form = "plc"\n', "plc"),
    ('[company]\nname = "X"\n', "country"),
])
def test_the_schema_refuses_what_the_model_refuses(toml_text, field):
    errors = list(Draft202012Validator(SCHEMA).iter_errors(_as_json(toml_text)))
    assert errors and any(field in e.message for e in errors), [e.message for e in errors]


def test_the_schema_accepts_a_decimal_and_a_lowercase_country_as_the_model_does():
    text = '[company]\nname = "X"\ncountry = "dk"\nemployees_fte = 14.5\nturnover = 0\n'
    assert not list(Draft202012Validator(SCHEMA).iter_errors(_as_json(text)))


def test_the_command_prints_the_schema_on_stdout():
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    assert json.loads(r.stdout) == SCHEMA
    assert r.stderr == ""


def test_output_writes_the_file_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "profile.schema.json"
    r = runner.invoke(app, ["schema", "--output", str(target)])
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA
    target.write_text("{}", encoding="utf-8")
    r = runner.invoke(app, ["schema", "--output", str(target)])
    assert r.exit_code == 2
    assert f"Error: {target}: already exists" in r.stderr and "--force" in r.stderr
    assert target.read_text(encoding="utf-8") == "{}"
    r = runner.invoke(app, ["schema", "--output", str(target), "--force"])
    assert r.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA


def test_output_into_a_missing_folder_is_a_clear_error(tmp_path):
    out = tmp_path / "no" / "s.json"
    r = runner.invoke(app, ["schema", "--output", str(out)])
    assert (r.exit_code, r.stderr) == (2, f"Error: --output {out}: the folder {out.parent} does "
                                       f"not exist\nHint: make it first (mkdir -p {out.parent}), "
                                       "or give a path in a folder that exists\n")


def test_the_deferred_budget_is_in_the_schema_as_its_model():
    """Profile.budget is built only for a profile with a [budget] (start-up); the schema still
    gives the budget's model for it, as when the model was the field's type."""
    assert SCHEMA["properties"]["budget"]["anyOf"] == [{"$ref": "#/$defs/Budget"},
                                                       {"type": "null"}]
    assert {"Budget", "BudgetLine", "FinancingLine"} <= set(SCHEMA["$defs"])
    assert "title" not in SCHEMA["properties"]["budget"]
