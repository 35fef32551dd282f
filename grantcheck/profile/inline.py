"""Where a field inside an inline table or array is written (``related = [{ name = "X",
staff = "a lot" }]``): a TOML value followed from its key through its braces and brackets, so
that an error names its line as every other error does (:func:`grantcheck.profile.errors.locate`
asks here when the field's table has no header of its own)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re

_KEY = re.compile(r"[A-Za-z0-9_-]+")  # a bare key


def locate_inline(text: str, loc: tuple[int | str, ...], lines: list[str],
                  headers: dict[str, list[int]]) -> int | None:
    """The line of a field inside an inline table or array (``related = [{ name = "X", staff =
    "a lot" }]``): the key of the value found in the innermost [table] that holds it, then each
    step of ``loc`` followed through the value's braces and brackets. A key the inline table
    lacks (a required field): the line where that table opens. None when not found.
    ``lines`` and ``headers``: the text's lines, and the line indices of each [table] header."""
    k = 0  # how many of loc's leading keys name the [table] that holds the value
    while k < len(loc) and isinstance(loc[k], str) and ".".join(map(str, loc[:k + 1])) in headers:
        k += 1
    table = headers.get(".".join(map(str, loc[:k])), []) if k else [-1]
    key = loc[k] if k < len(loc) - 1 else None
    if not isinstance(key, str) or len(table) != 1:  # none, or the n-th [[table]]: not told
        return None
    start = table[0] + 1
    key_re = re.compile(rf"^\s*([\"']?){re.escape(key)}\1\s*=")
    for n in range(start, len(lines)):
        m = key_re.match(lines[n])
        if m:
            starts = _line_starts(text)
            found = _InlineScan(text, starts[n] + m.end()).follow(loc[k + 1:])
            return None if found is None else bisect.bisect_right(starts, found)
        if lines[n].lstrip().startswith("["):
            break
    return None


_BARE_VALUE = re.compile(r"[^,\]}\s#]+")  # a number, a date, true: up to what ends it


class _InlineScan:
    """A walk through a TOML value that tomllib has read already (so it is valid): enough to
    find where an element of an array or a key of an inline table is written."""

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos

    def follow(self, path: tuple[int | str, ...]) -> int | None:
        """The position of the last step of ``path`` in the value at ``pos`` (a key: where it
        is written, or where its inline table opens when the table lacks it); None when the
        value is not an array or inline table where the path needs one."""
        for i, step in enumerate(path):
            last = i == len(path) - 1
            self._blank()
            opening = self.pos
            if isinstance(step, int):
                if self._peek() != "[":
                    return None
                starts = _elements(self.text, self.pos)  # found once, for every problem
                if step >= len(starts):
                    return None
                self.pos = starts[step]
            else:
                if self._peek() != "{":
                    return None
                self.pos += 1
                if not self._to(step):
                    return opening if last else None
                if not last:
                    self._after_key()
        return self.pos if path else None

    def _to(self, key: str) -> bool:
        """Moved to ``key`` of the inline table ``pos`` is in; False when it has none."""
        while True:
            self._blank()
            if self._peek() in ("}", ""):
                return False
            if self._key() == key:
                return True
            self._after_key()
            self._value()
            self._blank()
            if self._peek() == ",":
                self.pos += 1

    def elements(self) -> tuple[int, ...]:
        """Where each element of the array at ``pos`` (its ``[``) starts."""
        out: list[int] = []
        self.pos += 1
        while True:
            self._blank()
            if self._peek() in ("]", ""):
                return tuple(out)
            out.append(self.pos)
            self._value()
            self._blank()
            if self._peek() == ",":
                self.pos += 1

    def _peek(self) -> str:
        return self.text[self.pos:self.pos + 1]

    def _blank(self) -> None:
        """Past spaces, line ends and comments."""
        while True:
            while self._peek() in (" ", "\t", "\r", "\n") and self._peek():
                self.pos += 1
            if self._peek() != "#":
                return
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end

    def _key(self) -> str:
        """The key at ``pos`` (bare or quoted), ``pos`` left on it."""
        if self._peek() in ('"', "'"):
            q = self._peek()
            end = self.text.find(q, self.pos + 1)
            return self.text[self.pos + 1:end]
        m = _KEY.match(self.text, self.pos)
        return m.group(0) if m else ""

    def _after_key(self) -> None:
        """Past the key at ``pos`` and its ``=``."""
        eq = self.text.find("=", self.pos)
        self.pos = len(self.text) if eq < 0 else eq + 1

    def _value(self) -> None:
        """Past the value at ``pos``: a string, an array or inline table, or a bare value."""
        self._blank()
        c = self._peek()
        if c in ('"', "'"):
            triple = self.text.startswith(c * 3, self.pos)
            q = c * 3 if triple else c
            i = self.pos + len(q)
            while i < len(self.text) and not self.text.startswith(q, i):
                i += 2 if c == '"' and self.text[i] == "\\" else 1
            self.pos = i + len(q)
        elif c in ("[", "{"):
            close = "]" if c == "[" else "}"
            self.pos += 1
            while True:
                self._blank()
                if self._peek() in (close, ""):
                    self.pos += 1
                    return
                if c == "{":
                    self._after_key()
                self._value()
                self._blank()
                if self._peek() == ",":
                    self.pos += 1
        else:
            m = _BARE_VALUE.match(self.text, self.pos)
            self.pos = m.end() if m else self.pos + 1


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts, as ``lines`` are split (str.splitlines)."""
    return [0, *itertools.accumulate(map(len, text.splitlines(keepends=True)))]


@functools.lru_cache(maxsize=64)
def _elements(text: str, pos: int) -> tuple[int, ...]:
    """Where each element of the array at ``pos`` in ``text`` starts, found once: a profile with
    thousands of bad entries in one inline array is located in linear time."""
    return _InlineScan(text, pos).elements()
