"""What a file given to batch as JSON Lines shows instead, when its first line is not JSON: a
CSV header, a TOML profile, a JSON document written over several lines. Such a file is refused
as a whole (exit 2), with a hint naming the format; every line would be an error record
otherwise."""

from __future__ import annotations

import csv
import json
import re

from grantcheck.csv_input import HeaderError, check_header

_TOML = re.compile(r"\[\[?[\w.\- ]+\]\]?$|[\w.\-]+\s*=")


def json_start_error(line: bytes, where: str) -> tuple[str, str] | None:
    """(message, hint) for a first line (``where``: file and line) that is not JSON and shows
    another format; None when it is JSON, or shows none (its own record says what is wrong)."""
    try:
        first = line.decode("utf-8")
        json.loads(first)
        return None
    except json.JSONDecodeError as e:
        why, open_at_end = e.msg, e.pos >= len(first.rstrip())
    except (ValueError, RecursionError):  # not UTF-8, too many digits, nested too deeply
        return None
    hint = _looks_like(first.strip(), open_at_end)
    if hint is None:
        return None
    return f"{where}: not JSON Lines: its first line is not JSON ({why})", hint


def _looks_like(line: str, open_at_end: bool) -> str | None:
    """A hint naming the format a file whose first line is ``line`` shows instead of JSON
    Lines (``open_at_end``: the JSON in it goes on past the line), None when it shows none."""
    from grantcheck import registry

    if line.startswith("#") or _TOML.match(line):
        return ("it looks like a TOML profile: give it as a path (grantcheck batch FILE), not "
                "--input")
    if line.startswith(("{", "[")):
        if not open_at_end:
            return None
        return ("it looks like one JSON document written over several lines: JSON Lines is one "
                "object per line (jq -c " + ("'.[]'" if line.startswith("[") else ".")
                + " FILE writes it so); a registry's JSON file is read with its --input-format "
                "(brreg-enheter, cvr)")
    guessed = registry.guess(line)
    if guessed:
        return f"its header names {guessed}'s fields: give --input-format {guessed}"
    try:
        check_header(next(csv.reader([line], delimiter=";" if line.count(";") > line.count(",")
                                     else ",")))
    except (HeaderError, csv.Error, StopIteration):
        return None
    return "it looks like grantcheck's CSV: give --input-format csv"
