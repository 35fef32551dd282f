"""Ctrl-C and SIGTERM while a batch runs: the first stops it cleanly after the records being
written (:class:`StopFlag`), a later second one ends it at once (:class:`Interrupted`)."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType


class StopFlag:
    """Set by Ctrl-C (or SIGTERM) while a batch runs: the batch ends after the record being
    written. ``signum`` is the signal that set it."""

    def __init__(self) -> None:
        self.stopped = False
        self.signum = 0

    def set(self, signum: int = signal.SIGINT) -> None:
        self.stopped = True
        self.signum = signum


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A second Ctrl-C or SIGTERM while a batch stops: it ends at once (``signum``: the signal)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# a signal again within this many seconds of the first is the same one: `timeout` and process
# managers send SIGTERM to the command and to its process group, so the command gets two
SAME_SIGNAL_WITHIN = 1.0


@contextlib.contextmanager
def stop_on_interrupt() -> Iterator[StopFlag]:
    """While the block runs, the first Ctrl-C or SIGTERM sets the flag (the batch then ends
    cleanly after the records being written); a second one, a second or more later, raises
    :class:`Interrupted` (the batch ends at once, its ``finally`` blocks run). A signal the
    process was started ignoring (Ctrl-C for a command a script started with ``&``) stays
    ignored, as docs/limits.md says."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return
    first = 0.0

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal first
        if not flag.stopped:
            first = time.monotonic()
            flag.set(signum)
        elif time.monotonic() - first > SAME_SIGNAL_WITHIN:
            raise Interrupted(signum)

    caught = [s for s in _STOP_SIGNALS if signal.getsignal(s) is not signal.SIG_IGN]
    previous = [signal.signal(s, handler) for s in caught]
    try:
        yield flag
    finally:
        for s, before in zip(caught, previous, strict=True):
            signal.signal(s, before)
