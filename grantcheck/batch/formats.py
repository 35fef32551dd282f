"""What a file given to batch as JSON Lines shows instead, when its first line is not JSON: a
CSV header, a TOML profile, a JSON document written over several lines; and a file of
grantcheck's own output (:func:`own_output`) given as input. Such a file is refused as a whole
(exit 2), with a hint naming the format; every line would be an error record otherwise."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import IO

from grantcheck.batch.task import InputError
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


# the starts of grantcheck's own output, which is no input: batch's CSV records, the
# shortlist's CSV, a record as JSON (batch's compact one, match --format json, --detail full;
# one per line or in an array)
_OWN_CSV = {"source,name,country,currency,evaluation_date,status,": "batch's CSV records",
            "rank,number,name,country,verdict,": "the shortlist's CSV"}
_OWN_JSON = re.compile(r'\[?\s*\{\s*"(record|grantcheck_version)"\s*:')


def own_output(head: str) -> str | None:
    """What output of grantcheck a file starting with ``head`` (its text) is, in words ("batch's
    CSV records"), None when it is none: its records are no profiles, so every one would be an
    error record, or a registry's words in them would be taken for its header."""
    head = head.lstrip("\ufeff \t\r\n")
    first = head.split("\n", 1)[0]
    found = next((what for start, what in _OWN_CSV.items() if first.startswith(start)), None)
    if found is None and (m := _OWN_JSON.match(head)):
        found = "batch's records" if m[1] == "record" else "match's or batch's JSON records"
    return found


SHEET_HINT = ("save the sheet as CSV (UTF-8): a header row of the columns in docs/batch.md "
              "and a company per row")
ZIP_HINT = ("unzip a registry's bulk file first (Bolagsverket's weekly file comes as a ZIP of "
            "one text file: unzip FILE.zip); " + SHEET_HINT)


def refuse_no_input(fh: IO[bytes], display: str) -> IO[bytes]:
    """``fh`` made peekable; an InputError when it is no input of any format: a zip file, an
    Office document, a PDF (:func:`~grantcheck.profile.load.not_text`), or grantcheck's own
    output (batch's records, gzip or not: no profile is in it)."""
    from grantcheck.profile.load import not_text
    from grantcheck.registry.common import peek_text

    peekable: IO[bytes] = fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore
    if kind := not_text(peekable.peek(8)[:8]):  # type: ignore[attr-defined]
        raise InputError(f"--input {display}: is {kind}",
                         ZIP_HINT if kind.startswith("a zip") else SHEET_HINT)
    what = own_output(peek_text(peekable))
    if what is not None:
        raise InputError(f"--input {display}: is grantcheck's output ({what}), not profiles",
                         "give the file it was made from (the source of each record or row "
                         "names it): --input reads profiles as JSON Lines or CSV, or a "
                         "registry's bulk file")
    return peekable
