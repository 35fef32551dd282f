"""Text in a wide Unicode encoding (UTF-16, UTF-32), as Windows' tools save "Unicode" text,
named for what it is: a profile or an --input file read as UTF-8 otherwise failed as holding a
NUL character ("binary data?") or an unknown column of NULs, and UTF-32 was called UTF-16 (its
byte order mark starts with UTF-16's), with a hint that converted it to nonsense. It
imports only grantcheck.named, so that any module may use it."""

from __future__ import annotations

from grantcheck.named import NamedTuple

_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))  # UTF-32's first: it starts alike
# without a byte order mark: the bytes of each character that are zero in text of the Latin
# alphabet (a character below U+0100), by encoding
_ZEROS = (("UTF-32LE", 4, (1, 2, 3)), ("UTF-32BE", 4, (0, 1, 2)), ("UTF-16LE", 2, (1,)),
          ("UTF-16BE", 2, (0,)))
_COUNT = {1: "one", 3: "three"}
SAMPLE = 64  # the bytes looked at: 16 to 32 characters


def may_be_wide(head: bytes) -> bool:
    """Whether ``head`` may start a wide text (:func:`wide_encoding` can only say so then): a
    UTF-16 byte order mark, or a zero byte in the sample, as every other wide start has. A
    reader calls this first, without importing this module (it is the same test, written where
    the profile is read, on match's start-up)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:SAMPLE]


class Wide(NamedTuple):
    """The encoding (as iconv names it) and how it was told."""

    encoding: str
    told_by: str

    @property
    def said(self) -> str:
        """``is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8``"""
        return f"is {self.encoding} text ({self.told_by}), not UTF-8"

    def hint(self, file: str = "FILE") -> str:
        return (f"save the file as UTF-8 (iconv -f {self.encoding} -t UTF-8 {file} > NEW "
                "writes it so)")


def wide_encoding(head: bytes) -> Wide | None:
    """The wide encoding of a file whose first bytes are ``head`` (:data:`SAMPLE` of them
    suffice): told by its byte order mark, or without one by the zero bytes of each character
    of text in the Latin alphabet (two characters at least, all of them so); None for any other
    start, UTF-8's included."""
    return _told(head) if may_be_wide(head) else None


def _told(head: bytes) -> Wide | None:
    """:func:`wide_encoding` without the shortcut (a test compares the two on any start)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return Wide(name, f"it starts with a {name} byte order mark")
    sample = head[:SAMPLE]
    for name, width, zeros in _ZEROS:
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        if len(units) >= 2 and all(any(u) and all(u[k] == 0 for k in zeros) for u in units):
            return Wide(name, f"no byte order mark, but each character of its start is "
                        f"{width} bytes, {_COUNT[len(zeros)]} of them zero")
    return None
