"""A value the user wrote as a message quotes it (:func:`shown`): the one place that says how,
for the TOML path, the JSON and CSV inputs and the registry readers alike. A leaf module: it
imports nothing of grantcheck, so that any module may use it."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

# compiled when first used (re caches it), not at start-up: only a long value reads it
_FIGURE = r"[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?"


def shown(value: Any, limit: int = 60, *, quote: bool = True) -> str:
    """A value the user wrote, as a message quotes it: text in quotes with control characters
    escaped, numbers and dates as written (never a Python repr such as Decimal('1.5')), cut to
    ``limit`` characters with the length said."""
    if value is None:  # a JSON null (TOML has none)
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | float):
        try:
            text = str(value)
        except ValueError:  # an int of more digits than str() converts
            return f"a number of more than {sys.get_int_max_str_digits():,} digits"
        return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} digits)"
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, str) and not quote:  # a figure written as text (a CSV cell)
        if len(value) <= limit:
            return shown(value, limit)[1:-1]
        unit = "digits" if re.fullmatch(_FIGURE, value.strip()) else "characters"
        return f"{value[:limit]}… ({len(value):,} {unit})"
    if isinstance(value, str):  # repr() shows control characters as escapes
        return repr(value) if len(value) <= limit else (
            f"{value[:limit]!r}… ({len(value):,} characters)")
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"
    return shown(str(value), limit)


def command_word(path: str) -> str:
    """A path the user gave, as a command to copy names it: quoted as a shell reads it when it
    holds a space or a quote; stdin ("<stdin>", a redirection to a shell) as ``-``. The quoting
    is ``shlex.quote``'s (a test compares them), without the module and the pattern it compiles
    at import (about a million instructions of `match`'s start-up)."""
    if path == "<stdin>":
        return "-"
    if path and all(c in _SHELL_SAFE for c in path):
        return path
    return "'" + path.replace("'", "'\"'\"'") + "'"


# what shlex.quote leaves unquoted: [\w@%+=:,./-] with re.ASCII
_SHELL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
