"""Loading one input: the profile of a :class:`~grantcheck.batch.inputs.Task` (a TOML file, a
JSON line read exactly, a CSV row, a mapping), or ProfileError naming the source and field."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import jiter

from grantcheck.batch.task import Task
from grantcheck.csv_input import plain_dates, profile_from_row
from grantcheck.line_limit import LONG_HINT, LongLine, too_long
from grantcheck.profile import (
    TOO_MANY_DIGITS,
    Problem,
    Profile,
    ProfileError,
    load_profile,
    profile_from_data,
)
from grantcheck.shown import shown


class _Twice(ValueError):
    """A key given twice in one JSON object."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; _Twice when a key is given twice (json would keep the last)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _Twice(k)
            seen.add(k)
    return out


# json.loads(text, parse_float=Decimal) makes a decoder for every call: one made once
_DECODER = json.JSONDecoder(parse_float=Decimal, object_pairs_hook=_object)


def _twice(key: str) -> Problem:
    return Problem("", f"the key {key!r} is given twice in one object: which one is meant?")


def _json_profile(line: bytes, source: str) -> Profile:
    if b"\\u0000" in line:  # a NUL written as an escape: refused as a raw one is in TOML and CSV
        raise ProfileError(source, [Problem("", "contains a NUL character (\\u0000)")])
    try:
        # jiter (pydantic's JSON parser) reads a line in half the time json takes, its numbers
        # exact (floats as Decimal, as json's parse_float gives them), and refuses a key given
        # twice in one object (the last would win, the first lost unseen: refused as TOML does).
        # Anything else it refuses is read again by json, whose words say what is wrong (and
        # which reads what jiter does not). Profile.model_validate_json would read the line in
        # one pass (1.6 % fewer instructions a profile) but sees no key given twice.
        data = jiter.from_json(line, float_mode="decimal", allow_inf_nan=False,
                               catch_duplicate_keys=True)
    except ValueError as e:
        twice = _DUPLICATE.match(str(e))
        if twice:
            raise ProfileError(source, [_twice(twice[1])]) from None
        data = _json_data(line, source)
    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("", "a line must be a JSON object of the profile "
                                            f"shape (got {shown(data)})")])
    return _data_profile(data, source)


_DUPLICATE = re.compile(r'Detected duplicate key "(.*)" at line \d+ column \d+$')


def _json_data(line: bytes, source: str) -> Any:
    """A line read by the json module, or ProfileError saying what is wrong with it."""
    if isinstance(line, LongLine):  # read past (grantcheck.line_limit): jiter refused it
        raise ProfileError(source, [Problem("", too_long(line.length), hint=LONG_HINT)])
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise ProfileError(source, [Problem("", "is not UTF-8 text")]) from None
    if text.startswith("\ufeff"):  # json.loads: "Unexpected UTF-8 BOM (decode using utf-8-sig)"
        raise ProfileError(source, [Problem(
            "", "not valid JSON: the line starts with a byte order mark (U+FEFF), which only a "
            "file's first line may: were two files joined (cat a.jsonl b.jsonl)?",
            hint="save each file as UTF-8 without a byte order mark before joining them")])
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as e:
        crs = text.count("\r")
        cr_only = (f"; the line holds {crs} carriage returns: were its line ends written as "
                   "CR only? The records in it were read as one line") if crs else ""
        raise ProfileError(source, [Problem("", f"not valid JSON: {e.msg} (column {e.colno})"
                                            f"{cr_only}")]) from None
    except _Twice as e:
        raise ProfileError(source, [_twice(str(e))]) from None
    except RecursionError:
        raise ProfileError(source, [Problem("", "not valid JSON: nested too deeply")]) from None
    except ValueError:  # int(): more digits than Python converts
        raise ProfileError(source, [Problem("", TOO_MANY_DIGITS)]) from None
    return data


def _data_profile(data: Mapping[str, Any], source: str) -> Profile:
    try:
        return profile_from_data(dict(data), source)
    except ProfileError as e:
        raise ProfileError(source, [plain_dates(p) for p in e.problems]) from None


def load_task(task: Task) -> Profile:
    """The profile of one task; raises ProfileError naming the source, line and field."""
    kind, source, payload = task
    if kind == "toml":
        return load_profile(payload)
    if kind == "jsonl":
        return _json_profile(payload, source)
    if kind == "csv":
        return profile_from_row(payload, source)
    if kind == "data":
        return _data_profile(payload, source)
    if kind == "registry":  # (profile data, provenance): grantcheck.registry
        try:
            return _data_profile(payload[0], source)
        except ProfileError as e:
            raise ProfileError(source, [_as_registry(p, payload[1]) for p in e.problems]) from None
    raise ProfileError(source, [Problem("", str(payload))])


def _as_registry(p: Problem, provenance: Mapping[str, str]) -> Problem:
    """A registry unit's problem named by where the value came from, the registry's own field
    ('CVR cvrNummer', not company.cvr_number); a fact an answers file stated keeps its path,
    and the message names the file (the record names the registry's row)."""
    said = provenance.get(p.path, "")
    if said.startswith("stated in"):
        return p._replace(message=f"{p.message} ({said.partition(';')[0]})")
    return p._replace(path=said) if said else p
