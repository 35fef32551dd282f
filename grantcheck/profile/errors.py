"""What is wrong with a profile: :class:`Problem` (a field, a message, a line), the
:class:`ProfileError` that carries them, and :func:`problem_of`, which turns a pydantic error
into a Problem with the line of the TOML text and a "did you mean" hint."""

from __future__ import annotations

import difflib
import functools
import re
import sys
from decimal import Decimal
from typing import Any

from grantcheck.named import NamedTuple
from grantcheck.profile.model import Profile
from grantcheck.profile.record import ModelClass
from grantcheck.profile.types import model_of
from grantcheck.shown import shown


class Problem(NamedTuple):
    path: str  # dotted field path, "" for the file as a whole
    message: str
    line: int | None = None
    column: int | None = None
    hint: str = ""


class ProfileError(ValueError):
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))


TOO_MANY_DIGITS = (f"a number has more than {sys.get_int_max_str_digits():,} digits, more than "
                   "can be read (no amount or count is that long)")


_BARE_KEY = r"[A-Za-z0-9_-]+"  # compiled when first used (re caches it), not at start-up


def dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            bare = len(part) <= 60 and re.fullmatch(_BARE_KEY, part)  # a long one cut too
            key = part if bare else _quoted_key(part)
            out += ("." if out else "") + key
    return out


def _quoted_key(key: str) -> str:
    """A key as TOML quotes it, control characters escaped, long keys cut."""
    import json

    shown = json.dumps(key[:60], ensure_ascii=False)
    return shown if len(key) <= 60 else f"{shown[:-1]}…\" ({len(key):,} characters)"


def _user_loc(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The keys and indices of ``loc`` that are the user's, walking ``data``: pydantic puts
    the names of union members and validators in a location too ('function-after[…]'), and a
    user's key may contain brackets as well (``"a[0]" = 1``)."""
    out: list[int | str] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
                isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node)):
            node = node[part]  # type: ignore[index]  # an int with a list: checked above
        elif isinstance(part, str) and "[" in part:
            continue  # pydantic's own step
        else:
            node = None
        out.append(part)
    return tuple(out)


def _model_at(loc: tuple[int | str, ...]) -> ModelClass | None:
    """The model class whose field the last element of loc names (for 'did you mean')."""
    model: ModelClass = Profile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        f = model.model_fields.get(part)
        if f is None:
            return None
        nxt = model_of(f.annotation)
        if nxt is None:
            return None
        model = nxt
    return model




def _elsewhere(name: str, top: bool = False) -> str:
    """Where a field of this name is, when it is in one other table ('' when none or many;
    at the ``top`` of the file, [company] when it is one of them: `name = …` before any
    table is the company's)."""
    from grantcheck.profile.lookups import tables_named  # only for an unknown field

    tables = tables_named().get(name, [])
    if top and len(tables) > 1 and "company" in tables:
        tables = ["company"]
    if len(tables) != 1:
        return ""
    table = tables[0]
    return f"[{table}] has a field {name}: move it there" if "[]" not in table else (
        f"each [[{table.removesuffix('[]')}]] has a field {name}: move it there")


def _under_a_commented_header(text: str, line: int | None, name: str) -> str:
    """For a key written below a table header that is still a comment, as `grantcheck init`
    writes a table it has no answer for ('# [company.previous_year]  # unknown: remove the
    '# ' here and below when you know'): that header, when its table has a field of this
    name ('' otherwise)."""
    if not text or line is None:
        return ""
    # only for an unknown field
    from grantcheck.profile.lookups import commented_headers, tables_named

    headers = commented_headers(text)
    above = headers[line - 1] if 0 < line <= len(headers) else None
    if above is None or above[2] not in (t.removesuffix("[]") for t in tables_named().get(
            name, [])):
        return ""
    return (f"{above[1]} has a field {name}, but its header, line {above[0]}, is still a "
            "comment: remove the '# ' in front of it")


def _missing_hint(loc: tuple[int | str, ...], inline: bool = False) -> str:
    """What to write for a required field that is missing, with the field's own example:
    'add name = "Nordlys Automation ApS" (for example) under [company]'."""
    import json

    model = _model_at(loc) if loc else None
    name = loc[-1] if loc else ""
    if model is None or not isinstance(name, str) or name not in model.model_fields:
        return ""
    examples = model.model_fields[name].examples or []
    if len(loc) == 1 and examples and isinstance(examples[0], dict):
        fields = " and ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}"
                              for k, v in examples[0].items())
        return (f"a profile starts with a [{name}] table: {fields} under it at least "
                "(grantcheck init writes one)")
    value = (json.dumps(examples[0], ensure_ascii=False) if examples and isinstance(
        examples[0], str | int | float | bool) else "…")
    table = ".".join(p for p in loc[:-1] if isinstance(p, str))
    where = (f"to that {{ … }} of {table}" if inline else
             f"under that [[{table}]]" if any(isinstance(p, int) for p in loc[:-1]) else
             f"under [{table}]" if table else "under the top of the file")
    return f"add {name} = {value}{' (for example)' if value != '…' else ''} {where}"


def problem_of(err: Any, text: str, prefix: tuple[str, ...] = (), data: Any = None
               ) -> Problem:
    """A pydantic error as a Problem; ``prefix`` places a sub-model's errors in the profile;
    ``data`` (what was validated) tells the user's keys from pydantic's steps in a location."""
    raw = tuple(err["loc"])
    loc = prefix + (_user_loc(raw, data) if data is not None else tuple(
        p for p in raw if not (isinstance(p, str) and "[" in p)))
    typ = err["type"]
    given = err.get("input")
    hint = ""
    if typ == "extra_forbidden":
        model = _model_at(loc) if loc else None
        name = str(loc[-1]) if loc else ""
        msg = "unknown field"
        if name == "currency":  # a budget line's, a related enterprise's: not "incurred?"
            hint = ("every amount of a profile is in one currency, company.currency (DKK, NOK, "
                    "SEK or EUR): write this one in it")
        elif model is not None:
            close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else (
                _under_a_commented_header(text, locate(text, loc), name)
                or _elsewhere(name, len(loc) == 1))
    elif typ == "missing":
        msg = "required field is missing"
        table = ".".join(p for p in loc[:-1] if isinstance(p, str))
        hint = _missing_hint(loc, inline=bool(text and table) and table not in _index(text)[1])
    elif typ == "string_too_short" and err.get("ctx", {}).get("min_length") == 1:
        msg = "must not be empty"
    elif typ in ("greater_than_equal", "greater_than") and err.get("ctx", {}).get("ge") == 0:
        msg = f"must not be negative (got {shown(given, quote=False)})"
    elif typ == "greater_than_equal":  # a month, a project year: from 1
        msg = f"must be at least {err['ctx']['ge']:,} (got {shown(given, quote=False)})"
    elif typ == "less_than_equal":
        msg = f"must be at most {err['ctx']['le']:,} (got {shown(given, quote=False)})"
    elif typ in ("int_type", "int_parsing", "int_from_float") and isinstance(
            given, float | Decimal) and not isinstance(given, bool):
        msg = f"must be a whole number (got {shown(given)})"  # a count, not 2.5
    elif typ == "int_parsing" and isinstance(given, str) and _decimal_text(given):
        msg = f"must be a whole number (got {shown(given)})"  # "2.5" as text
    elif typ in ("decimal_parsing", "decimal_type", "int_parsing", "int_type"):
        msg = f"must be a number (got {shown(given)})"
    elif typ in ("bool_type", "bool_parsing"):
        msg = f"must be true or false (got {shown(given)})"
    elif typ in ("date_type", "date_parsing", "date_from_datetime_parsing") or (
            typ == "date_from_datetime_inexact" and isinstance(given, int | Decimal | float)
            and not isinstance(given, bool)):  # 20170301 read as seconds since 1970: no date
        msg = f"must be a date written as YYYY-MM-DD, without quotes (got {shown(given)})"
    elif typ == "date_from_datetime_inexact":  # a TOML date-time: a day is asked, not a time
        msg = f"must be a date written as YYYY-MM-DD, without a time (got {shown(given)})"
    elif typ == "enum" or typ == "literal_error":
        msg = f"{shown(given)} is not one of: {err['ctx']['expected']}"
        choices = {c.lower(): c for c in re.findall(r"'([^']*)'", err["ctx"]["expected"])}
        close = difflib.get_close_matches(str(given).lower(), list(choices), n=1, cutoff=0.6)
        hint = f"did you mean {choices[close[0]]!r}?" if close else ""  # 'Consultancy', 'dkr'
        if loc[-1:] == ("legal_form",) and isinstance(given, str):
            from grantcheck.registry.mapping import form_of

            if form := form_of(given):  # a registry's code: ApS, AS, AB
                hint = f"{given} is {form}: write legal_form = \"{form}\""
    elif typ in ("value_error", "assertion_error"):
        msg = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        field, sep, rest = msg.partition(": ")
        model = _model_at((*loc, field))
        if sep and model is not None and field in model.model_fields:
            # a model validator names the field it is about: "rate: hours need a rate"
            msg, loc = rest, (*loc, field)
        msg, _, hint = msg.partition("; hint: ")  # and may say how to mend it
    elif typ == "string_unicode" and _undecoded(given):  # bytes that are not UTF-8
        msg = _undecoded(given)
        hint = ("write it in UTF-8: the terminal, the file or the program it came from uses "
                "another encoding")
    elif typ == "string_unicode":  # a lone surrogate (\ud800) that JSON escaped
        msg = (f"is not valid Unicode text: it holds a lone surrogate, a character no text has "
               f"(got {shown(given)})")
    elif typ == "string_too_long":
        msg = f"must be at most {err['ctx']['max_length']:,} characters (got {shown(given)})"
        hint = ("a name, a title or a description is a line of text: is this the right field "
                "(a closing quote missing?), or the right file?")
    elif typ == "string_pattern_mismatch" and isinstance(given, str) and "\x00" in given:
        msg = f"contains a NUL character (\\u0000) (got {shown(given)})"
        hint = "a NUL is no part of a text: take it out"
    elif typ == "string_type":
        msg = f"must be text, in quotes (got {shown(given)})"
    elif typ in ("model_type", "model_attributes_type", "dict_type", "typed_dict_type"):
        # not pydantic's "a valid dictionary or instance of Company": a table is what to write
        msg = f"must be a table of fields (got {'null' if given is None else shown(given)})"
        name = dotted(loc)
        if isinstance(given, list) and given and all(isinstance(g, dict) for g in given) and (
                f"[[{name}]]" in text):
            hint = f"[[{name}]] starts a list of tables: write [{name}] for the one table"
    elif typ == "too_short":  # not pydantic's "List should have at least 1 item after ..."
        least = err.get("ctx", {}).get("min_length", 1)
        msg = (f"must hold at least {least:,} {'entry' if least == 1 else 'entries'} (got "
               f"{len(given) if given else 'none'})")
    elif typ == "list_type":
        msg = f"must be a list (got {'null' if given is None else shown(given)})"
        if isinstance(given, str):
            hint = "a list is written in brackets: [] for none, [\"a\", \"b\"] or [{...}, {...}]"
    else:
        said = str(err["msg"]).replace("Input should be ", "must be ", 1)  # our words
        msg = f"{said} (got {shown(given)})" if given is not None and not isinstance(
            given, dict | list) else said
    if "did you mean" in msg and not hint:
        msg, _, rest = msg.partition("; ")
        hint = rest[:1].upper() + rest[1:]
    return Problem(dotted(loc), msg, locate(text, loc), None,
                   hint[:1].upper() + hint[1:] if hint else "")


def _decimal_text(text: str) -> bool:
    """Whether ``text`` is a decimal number written plainly (``2.5``, ``-0.5``)."""
    return re.fullmatch(r"\s*-?[0-9]+\.[0-9]+\s*", text) is not None


def locate(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of a dotted key in the TOML text (None when not found)."""
    if not text or not loc:
        return None
    last = loc[-1]
    lines, headers = _index(text)
    if all(isinstance(p, str) for p in loc) and (own := headers.get(".".join(map(str, loc)))):
        return own[0] + 1  # written as a table header of its own ([[company]], not a key)
    if isinstance(last, int) and all(isinstance(p, str) for p in loc[:-1]) and (
            own := headers.get(".".join(map(str, loc[:-1])))):  # the n-th [[aid_received]]
        return own[last] + 1 if last < len(own) else None
    # the table header that holds the last key; an index picks the n-th [[array]] table
    header_parts = [p for p in loc[:-1] if isinstance(p, str)]
    indices = [p for p in loc[:-1] if isinstance(p, int)]
    index = indices[-1] if indices else None
    start = 0
    if header_parts:
        found = headers.get(".".join(header_parts), [])
        if not found:  # not a [table] of its own: an inline table or array, written in a value
            from grantcheck.profile.inline import locate_inline  # only for such an error
            from grantcheck.profile.lookups import dotted_key_line

            at = locate_inline(text, loc, lines, headers)
            dotted = dotted_key_line(text, loc, headers) if at is None else None
            return at if dotted is None else dotted + 1
        if index is None:
            index = 0
        if index >= len(found):
            return None
        start = found[index] + 1
    from grantcheck.profile.lookups import key_lines  # only for a profile with a problem

    n = key_lines(text).get((start, last)) if isinstance(last, str) else None
    if n is not None:  # up to the next table's header
        return n + 1
    # a key the table lacks (a required field, a rate for hours): the table's own header, so
    # that the n-th [[budget.lines]] is found by its line
    return start if header_parts and start else None


@functools.lru_cache(maxsize=4)
def _index(text: str) -> tuple[list[str], dict[str, list[int]]]:
    """The lines of a profile's text and where each table header is (its line indices, in
    order), made once per text: a profile with thousands of problems is located in linear
    time, not by scanning the whole text for each problem."""
    lines = text.splitlines()
    headers: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        s = line.strip()
        if s.startswith("["):
            name = s.removeprefix("[[").removesuffix("]]") if s.startswith("[[") else (
                s.removeprefix("[").removesuffix("]"))
            headers.setdefault(name, []).append(n)
    return lines, headers


def _undecoded(given: object) -> str:
    """For text holding bytes that are not UTF-8 (Python keeps them as the surrogates U+DC80 to
    U+DCFF: an answer piped to init, a --set or --line value from a Latin-1 terminal), what it
    is, the bytes named; "" for any other text."""
    if not isinstance(given, str):
        return ""
    raw = list(dict.fromkeys(ord(c) - 0xDC00 for c in given if "\udc80" <= c <= "\udcff"))
    if not raw:
        return ""
    named = " ".join(f"\\x{b:02x}" for b in raw[:5]) + (" …" if len(raw) > 5 else "")
    seen = "".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in given)
    return (f"is not UTF-8 text: it holds the bytes {named}, which UTF-8 text has not (got "
            f"{shown(seen)})")
