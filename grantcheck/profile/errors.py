"""What is wrong with a profile: :class:`Problem` (a field, a message, a line), the
:class:`ProfileError` that carries them, and :func:`problem_of`, which turns a pydantic error
into a Problem with the line of the TOML text and a "did you mean" hint."""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from grantcheck.profile.model import Profile


@dataclass(frozen=True)
class Problem:
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


def _dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class whose field the last element of loc names (for 'did you mean')."""
    model: type[BaseModel] = Profile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        f = model.model_fields.get(part)
        if f is None:
            return None
        nxt = _inner_model(f.annotation)
        if nxt is None:
            return None
        model = nxt
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def problem_of(err: Any, text: str, prefix: tuple[str, ...] = ()) -> Problem:
    """A pydantic error as a Problem; ``prefix`` places a sub-model's errors in the profile."""
    loc = prefix + tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    typ = err["type"]
    given = err.get("input")
    hint = ""
    if typ == "extra_forbidden":
        model = _model_at(loc)
        name = str(loc[-1])
        msg = "unknown field"
        if model is not None:
            close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
            if close:
                hint = f"did you mean {close[0]!r}?"
    elif typ == "missing":
        msg = "required field is missing"
    elif typ in ("greater_than_equal", "greater_than") and err.get("ctx", {}).get("ge") == 0:
        msg = f"must not be negative (got {given})"
    elif typ == "less_than_equal":
        msg = f"must be at most {err['ctx']['le']:,} (got {given})"
    elif typ in ("decimal_parsing", "decimal_type", "int_parsing", "int_type"):
        msg = f"must be a number (got {given!r})"
    elif typ in ("bool_type", "bool_parsing"):
        msg = f"must be true or false (got {given!r})"
    elif typ in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        msg = f"must be a date written as YYYY-MM-DD, without quotes (got {given!r})"
    elif typ == "enum" or typ == "literal_error":
        msg = f"{given!r} is not one of: {err['ctx']['expected']}"
    elif typ == "value_error":
        msg = str(err["msg"]).removeprefix("Value error, ")
        field, sep, rest = msg.partition(": ")
        model = _model_at((*loc, field))
        if sep and model is not None and field in model.model_fields:
            # a model validator names the field it is about: "rate: hours need a rate"
            msg, loc = rest, (*loc, field)
    else:
        msg = f"{err['msg']} (got {given!r})" if given is not None and not isinstance(
            given, dict | list) else str(err["msg"])
    if "did you mean" in msg and not hint:
        msg, _, rest = msg.partition("; ")
        hint = rest[:1].upper() + rest[1:]
    return Problem(_dotted(loc), msg, _locate(text, loc), None,
                   hint[:1].upper() + hint[1:] if hint else "")


def _locate(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of a dotted key in the TOML text (None when not found)."""
    if not text or not loc:
        return None
    last = loc[-1]
    if isinstance(last, int):
        return None
    lines = text.splitlines()
    # the table header that holds the last key; an index picks the n-th [[array]] table
    header_parts = [p for p in loc[:-1] if isinstance(p, str)]
    indices = [p for p in loc[:-1] if isinstance(p, int)]
    index = indices[-1] if indices else None
    start = 0
    if header_parts:
        header = ".".join(header_parts)
        seen = -1
        start = -1
        for n, line in enumerate(lines):
            s = line.strip()
            if s in (f"[{header}]", f"[[{header}]]"):
                seen += 1
                if index is None or seen == index:
                    start = n + 1
                    break
        if start < 0:
            return None
    key_re = re.compile(rf"^\s*{re.escape(last)}\s*=")
    for n in range(start, len(lines)):
        if key_re.match(lines[n]):
            return n + 1
        if lines[n].lstrip().startswith("["):
            break  # the next table begins: the key is not in this one
    return None
