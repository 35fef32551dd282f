"""A registry's JSON file read as it streams, in blocks of 1 MiB, never whole: a JSON array, JSON
Lines, or a run of (pretty-printed) documents (:func:`json_items`)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from grantcheck.line_limit import MAX_LINE_BYTES, too_long
from grantcheck.registry.common import UnitError

_DECODER = json.JSONDecoder(parse_float=Decimal)
# docs/limits.md: one unit of a registry's JSON array or run of documents (a CVR document with
# its whole history is some hundred KB); the array is read in blocks of 1 MiB, never whole
MAX_ITEM_CHARS = 32 << 20
_TOO_LONG_ITEM = (f"not read: longer than {MAX_ITEM_CHARS:,} characters (32 Mi), the most one "
                  "unit may be, or not valid JSON; the rest of {} cannot be read")
_WS = " \t\r\n"


def json_items(fh: IO[bytes]) -> Iterator[tuple[str, Any]]:
    """(where, value) for each item of a JSON array, each line of a JSON Lines file, or each of
    a run of (pretty-printed) JSON documents, read as it streams (in blocks of 1 MiB, never
    whole). A line that is not JSON is a :class:`UnitError` value, and the rest go on; an array
    or a run of documents that breaks ends with one."""
    reader = codecs.getincrementaldecoder("utf-8-sig")("replace")
    state: dict[str, Any] = {"buf": "", "eof": False}

    def more() -> bool:
        if state["eof"]:
            return False
        block = fh.read(1 << 20)
        state["buf"] += reader.decode(block, final=not block)
        state["eof"] = not block
        return True

    while not state["buf"].lstrip(_WS) and more():
        pass
    buf = state["buf"]
    pos = len(buf) - len(buf.lstrip(_WS))
    if buf[pos:pos + 1] == "[":
        yield from _values(state, more, pos + 1, array=True)
        return
    newline = buf.find("\n", pos)
    try:
        _, end = _DECODER.raw_decode(buf, pos)
        one_line = newline < 0 or end <= newline
    except json.JSONDecodeError:
        one_line = True  # a first line that is not JSON: read line by line, and say so
    if one_line:
        yield from _json_lines(buf, fh, reader)
    else:
        yield from _values(state, more, pos, array=False)


def _values(state: dict[str, Any], more: Any, pos: int, array: bool
            ) -> Iterator[tuple[str, Any]]:
    """The values of an array (from just after its ``[``) or of a run of documents."""
    what = "the JSON array" if array else "the run of JSON documents"
    n = 0
    while True:
        while True:
            buf = state["buf"]
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            if pos < len(buf) or not more():
                break
        buf = state["buf"]
        if pos >= len(buf):
            if array:
                yield f"item {n + 1}", UnitError("the JSON array is not closed: the file ends "
                                                 "early")
            return
        if array and buf[pos] == "]":
            return
        if array and n and buf[pos] == ",":
            pos += 1
            continue
        try:
            value, end = _DECODER.raw_decode(buf, pos)
        except json.JSONDecodeError as e:
            if len(buf) - pos > MAX_ITEM_CHARS:  # never held whole: the rest is not read
                yield f"item {n + 1}", UnitError(_TOO_LONG_ITEM.format(what))
                return
            if more():
                continue
            yield f"item {n + 1}", UnitError(f"not valid JSON: {e.msg}; the rest of {what} "
                                             "cannot be read")
            return
        if end == len(buf) and more():
            continue  # a number may go on in the next block
        n += 1
        yield f"item {n}", value
        pos = end
        if pos > 1 << 19:  # what is read is dropped now and then, not after every item
            state["buf"], pos = buf[pos:], 0


def _json_lines(buf: str, fh: IO[bytes], reader: Any) -> Iterator[tuple[str, Any]]:
    def lines() -> Iterator[str | int]:
        """The lines; for a line over the limit (in characters: grantcheck.line_limit), its
        length, read past; for a first line over it, -1, and nothing more (a file such as
        /dev/zero is one line without end)."""
        rest, past, first = buf, 0, True  # past: the characters of a long line read past
        while True:
            while "\n" in rest:
                line, rest = rest.split("\n", 1)
                yield past + len(line) + 1 if past else line
                past, first = 0, False
            if len(rest) > MAX_LINE_BYTES:  # never held whole
                if first:
                    yield -1
                    return
                past, rest = past + len(rest), ""
            block = fh.read(1 << 20)
            if not block:
                rest += reader.decode(b"", final=True)
                if rest or past:
                    yield past + len(rest) if past else rest
                return
            rest += reader.decode(block)

    for n, line in enumerate(lines(), 1):
        if isinstance(line, int):
            yield f"line {n}", UnitError(too_long(line if line >= 0 else None, "characters")
                                         + "; the rest of the file is not read" * (line < 0))
            continue
        if not line.strip():
            continue
        try:
            yield f"line {n}", _DECODER.decode(line)
        except json.JSONDecodeError as e:
            yield f"line {n}", UnitError(f"not valid JSON: {e.msg} (column {e.colno})")
