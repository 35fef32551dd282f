"""The longest line grantcheck reads from a file of many records (a batch's JSON Lines or CSV
input, a registry's bulk file, the list of paths ``batch -`` reads): 1 MiB, its line end
counted (docs/limits.md). A profile is a few KB; a longer line is not one (a JSON array on one
line, a binary file, ``/dev/zero``), and reading it whole could take all the memory there is.

A reader asks for at most :data:`MAX_LINE_BYTES` + 1 bytes a line (``fh.readline(LIMIT)``),
so it never holds more than one line's limit; a line that fills that is too long, and the rest
of it is read past in pieces of the same size (:func:`skip_rest`), never held.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

MAX_LINE_BYTES = 1 << 20  # 1 MiB
LIMIT = MAX_LINE_BYTES + 1  # what readline is asked for: a line this long is over the limit

LONG_HINT = ("a record is one line of a few KB: is this the right file, and are its line ends "
             "there (two records run together)?")


class LongLine(bytes):
    """What stands for a line over the limit, in the place of the line, told by its type: it
    travels to a worker as any line does. Its bytes are a NUL and the line's length, which no
    reader takes for a record (not JSON, not blank)."""

    __slots__ = ()

    @classmethod
    def of(cls, length: int) -> LongLine:
        return cls(b"\0%d" % length)

    @property
    def length(self) -> int:
        return int(self[1:])


def ended(piece: bytes) -> bool:
    """Whether ``piece``, read with ``readline(LIMIT)``, ends its line (or the file)."""
    return len(piece) < LIMIT or piece.endswith(b"\n")


def skip_rest(fh: IO[bytes]) -> int:
    """Reads past the rest of a line whose start was read (a piece that did not end it), in
    pieces of at most :data:`LIMIT` bytes; returns how many bytes that was."""
    length = 0
    while piece := fh.readline(LIMIT):
        length += len(piece)
        if ended(piece):
            break
    return length


def too_long(length: int | None = None, unit: str = "bytes") -> str:
    """The message for a line over the limit, with its length when it was read to its end
    (``unit``: a reader of decoded text counts characters)."""
    limit = (f"1 MiB ({MAX_LINE_BYTES:,} bytes, " if unit == "bytes" else
             f"{MAX_LINE_BYTES:,} {unit} (") + "its line end counted)"
    if length is None:
        return f"the line is longer than {limit}, the most a line may be"
    return f"the line is {length:,} {unit} long; a line may be at most {limit}"


def bounded_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """The lines of ``fh`` as iterating it gives them, but a line over the limit is read past
    and given as its :class:`LongLine`."""
    for line in iter(lambda: fh.readline(LIMIT), b""):
        if len(line) == LIMIT:
            yield LongLine.of(LIMIT + (0 if ended(line) else skip_rest(fh)))
        else:
            yield line
