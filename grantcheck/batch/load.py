"""Loading one input: the profile of a :class:`~grantcheck.batch.inputs.Task` (a TOML file, a
JSON line read exactly, a CSV row, a mapping), or ProfileError naming the source and field."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import jiter
from pydantic import ValidationError

from grantcheck.batch.inputs import Task
from grantcheck.csv_input import plain_dates, profile_from_row
from grantcheck.profile import (
    TOO_MANY_DIGITS,
    Problem,
    Profile,
    ProfileError,
    load_profile,
    profile_from_data,
)

# json.loads(text, parse_float=Decimal) makes a decoder for every call: one made once
_DECODER = json.JSONDecoder(parse_float=Decimal)


# Profile.model_validate_json reads a line in one pass, without the Python objects of a parsed
# line in between (a batch's JSON Lines: 4 % fewer instructions a profile); but pydantic reads a
# JSON number with a fraction or an exponent through a binary float, which keeps 15 digits and
# not the way they are written (1.10 becomes 1.1, 2E3 becomes 2000). A line with such a number,
# or with what might be one, is read the exact way: a run of 16 digits and points (more than 15
# significant digits), a digit before an e or E (an exponent), a fraction ending in 0.
_DIGITS_AS_0 = bytes.maketrans(b"123456789.E", b"0000000000e")  # and E as e
_FRACTION_ENDING_IN_0 = re.compile(rb"\.[0-9]*0(?![0-9])")


def _numbers_read_exactly(line: bytes) -> bool:
    """Whether every number of ``line`` is one pydantic's JSON mode reads as written (see
    above; may say False of a line whose strings only look like such numbers)."""
    masked = line.translate(_DIGITS_AS_0)
    return (b"0000000000000000" not in masked and b"0e" not in masked
            and _FRACTION_ENDING_IN_0.search(line) is None)


def _json_profile(line: bytes, source: str) -> Profile:
    if b"\\u0000" in line:  # a NUL written as an escape: refused as a raw one is in TOML and CSV
        raise ProfileError(source, [Problem("", "contains a NUL character (\\u0000)")])
    if _numbers_read_exactly(line):
        try:
            return Profile.model_validate_json(line)
        except ValidationError:
            pass  # read again below, the exact way, whose errors name the problem as before
    try:
        # jiter (pydantic's JSON parser) reads a line in half the time json takes, its numbers
        # exact (floats as Decimal, as json's parse_float gives them); anything it refuses is
        # read again by json, whose words say what is wrong (and which reads what jiter does not)
        data = jiter.from_json(line, float_mode="decimal", allow_inf_nan=False)
    except ValueError:
        data = _json_data(line, source)
    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("", "a line must be a JSON object of the profile "
                                            f"shape (got {type(data).__name__})")])
    return _data_profile(data, source)


def _json_data(line: bytes, source: str) -> Any:
    """A line read by the json module, or ProfileError saying what is wrong with it."""
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise ProfileError(source, [Problem("", "is not UTF-8 text")]) from None
    try:
        if text.startswith("\ufeff"):  # as json.loads says it (decode alone would not)
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        data = _DECODER.decode(text)
    except json.JSONDecodeError as e:
        crs = text.count("\r")
        cr_only = (f"; the line holds {crs} carriage returns: were its line ends written as "
                   "CR only? The records in it were read as one line") if crs else ""
        raise ProfileError(source, [Problem("", f"not valid JSON: {e.msg} (column {e.colno})"
                                            f"{cr_only}")]) from None
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
        return _data_profile(payload[0], source)
    raise ProfileError(source, [Problem("", str(payload))])
