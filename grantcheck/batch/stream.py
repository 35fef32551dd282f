"""A JSON Lines input that stays open (a pipe, a FIFO, a terminal, a socket: ``tail -f x.jsonl |
grantcheck batch --input - --input-format jsonl``), read as it comes.

A buffered reader's ``readline`` waits for a whole line, and a block of lines waited for all of
them: the records of the last lines before a pause waited until the block filled or the stream
ended. :class:`Stream` reads what the stream has (``read1``: one read, what is there) into its
own buffer, and tells whether a line can be read without waiting (:meth:`Stream.ready`), so
that a block ends where the stream pauses and what was read is checked and written at once.
A regular file (or a gzip file, whose stream a descriptor cannot tell) is read as before.
"""

from __future__ import annotations

import io
import os
import select
import stat
from typing import IO, Protocol

READ = 1 << 16  # at most this much a read: a pipe holds 64 KiB
POLL = 0.2  # seconds: how often a wait for more checks whether the batch was stopped (Ctrl-C)


class _Stopped(Protocol):
    stopped: bool


class Stream:
    """``readline(limit)`` as a buffered reader's, over the stream's bytes as they come; the
    reader must not be read otherwise once this reads it."""

    def __init__(self, fh: io.BufferedReader, fd: int) -> None:
        self.fh = fh
        self.fd = fd
        self.buf = bytearray()
        self.ended = False
        self.stop: _Stopped | None = None  # a batch's stop flag: set, a wait ends the input
        self._read_once = False  # the reader's own buffer is read out by the first read

    def _more(self) -> None:
        """One read: what the reader holds, else what the stream has (waits for one byte).
        While it waits, a stop (Ctrl-C) ends the input: everything read before is checked and
        written, and the batch ends as an interrupted one does."""
        stop = self.stop
        if stop is not None and self._read_once:
            while not select.select([self.fd], [], [], POLL)[0]:
                if stop.stopped:
                    self.ended = True
                    return
        self._read_once = True
        chunk = self.fh.read1(READ)
        if chunk:
            self.buf += chunk
        else:
            self.ended = True

    def readline(self, limit: int) -> bytes:
        """The next line with its end, at most ``limit`` bytes of it; b"" at the end."""
        buf = self.buf
        while True:
            end = buf.find(b"\n", 0, limit)
            if end >= 0 or len(buf) >= limit or self.ended:
                cut = end + 1 if end >= 0 else min(limit, len(buf))
                line = bytes(buf[:cut])
                del buf[:cut]
                return line
            self._more()

    def ready(self, limit: int) -> bool:
        """Whether :meth:`readline` can give a line (or the end) without waiting: a line is
        held, or the stream has more for the asking and it completes one."""
        buf = self.buf
        while not (self.ended or len(buf) >= limit or buf.find(b"\n", 0, limit) >= 0):
            if not select.select([self.fd], [], [], 0)[0]:
                return False
            self._more()  # the stream has bytes (or its end): this read does not wait
        return True


def stream_of(fh: IO[bytes]) -> Stream | None:
    """A :class:`Stream` over ``fh`` when it is a buffered reader of a pipe, FIFO, terminal or
    socket; None for a regular file or any other reader (read as a file)."""
    if type(fh) is not io.BufferedReader or os.name == "nt":  # select() takes no pipe there
        return None
    try:
        fd = fh.fileno()
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode):
        return Stream(fh, fd)
    return None
