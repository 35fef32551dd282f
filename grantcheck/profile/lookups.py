"""Look-ups made once for all of a profile's problems, imported only when it has one (a
profile that reads well never pays for them): where each key of the text is written, and which
tables have a field of a given name. Each was made again for every problem: a table of 10,000
unknown keys took 21 s of CPU."""

from __future__ import annotations

import functools
import re
from typing import Any

from grantcheck.profile.model import Profile
from grantcheck.profile.record import ModelClass
from grantcheck.profile.types import model_of


@functools.lru_cache(maxsize=4)
def key_lines(text: str) -> dict[tuple[int, str], int]:
    """Where each key of each table is first written: (the line index its table's keys start
    at, the key unquoted) -> its line index, a table's keys ending at the next line that starts
    with "[" (each key was found by scanning its table from the top)."""
    keys: dict[tuple[int, str], int] = {}
    start = 0
    for n, line in enumerate(text.splitlines()):
        if line.lstrip().startswith("["):
            start = n + 1
        elif found := _KEY.match(line):
            parts = [_unquoted(p) for p in _PART.findall(found[1])]
            for i in range(1, len(parts) + 1):  # a dotted key: its table's key, and the whole
                keys.setdefault((start, ".".join(parts[:i])), n)
    return keys


@functools.lru_cache(maxsize=4)
def commented_headers(text: str) -> tuple[tuple[int, str, str] | None, ...]:
    """Per line index, the table header nearest above it when that header is still a comment
    (``# [company.previous_year]  # unknown: …``, as `grantcheck init` writes a table it has
    no answer for): its line number, as written and its name; None where a header of its own
    is nearer, or none is above. One pass for all of a text's unknown keys."""
    out: list[tuple[int, str, str] | None] = []
    above: tuple[int, str, str] | None = None
    header = re.compile(r"#\s*(\[\[?\s*([^\]\s]+)\s*\]\]?)")
    for n, line in enumerate(text.splitlines()):
        out.append(above)
        here = line.strip()
        if here.startswith("["):
            above = None
        elif found := header.match(here):
            above = (n + 1, found[1], found[2])
    return tuple(out)


# a key (bare, "basic" or 'literal'), dotted or not (``previous_year.staff = 15`` in [company]
# is company.previous_year's key), then its "="
_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'""")
_KEY = re.compile(rf"\s*((?:(?:{_PART.pattern})\s*\.\s*)*(?:{_PART.pattern}))\s*=")


def _unquoted(key: str) -> str:
    """A key's part as TOML reads it: its quotes off, a basic string's escapes (``"\\u00e9"``)
    read."""
    if key[0] == "'" or (key[0] == '"' and "\\" not in key):
        return key[1:-1]
    if key[0] == '"':
        import tomllib  # the text was read by it already: the key is valid

        return next(iter(tomllib.loads(f"{key} = 0")))
    return key


def dotted_key_line(text: str, loc: tuple[int | str, ...], headers: dict[str, list[int]]
                    ) -> int | None:
    """The line index of a field written as a dotted key (``previous_year.staff = 15`` in
    [company]) under the one [table] of ``loc``'s leading keys; None when not found."""
    k = 0
    while k < len(loc) and ".".join(map(str, loc[:k + 1])) in headers:
        k += 1
    table = headers.get(".".join(map(str, loc[:k])), []) if k else [-1]
    if len(table) != 1 or not all(isinstance(p, str) for p in loc[k:]):
        return None
    return key_lines(text).get((table[0] + 1, ".".join(map(str, loc[k:]))))


@functools.cache
def tables_named(model: ModelClass = Profile, prefix: str = "") -> dict[str, list[str]]:
    """For each field name, the tables under ``model`` (dotted, ``[]`` for a list of them)
    with a field of that name: walked once (it was walked for each unknown field)."""
    out: dict[str, list[str]] = {}
    for key, f in model.model_fields.items():
        sub = model_of(f.annotation)
        if sub is None:
            continue
        path = prefix + key + ("[]" if holds_list(f.annotation) else "")
        for name in sub.model_fields:
            out.setdefault(name, []).append(path)
        for name, tables in tables_named(sub, path + ".").items():
            out.setdefault(name, []).extend(tables)
    return out


def holds_list(annotation: Any) -> bool:
    """Whether a field's annotation holds a list (``list[Employee] | None``)."""
    if getattr(annotation, "__origin__", None) is list:
        return True
    return any(holds_list(a) for a in getattr(annotation, "__args__", ()) or ())
