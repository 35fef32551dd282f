"""A long output on a terminal goes through a pager, as git does: ``GRANTCHECK_PAGER`` (else
``PAGER``, else ``less``) with ``LESS=FRX`` unless ``LESS`` is set (colours kept, the pager quits
when the text fits one screen). Never when stdout is not a terminal, nor with ``--no-pager``;
``GRANTCHECK_PAGER=`` (empty) or ``cat`` turns it off."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def pager_command() -> list[str]:
    """The pager to run ([] for none)."""
    text = os.environ.get("GRANTCHECK_PAGER")
    if text is None:
        text = os.environ.get("PAGER", "less")
    cmd = shlex.split(text)
    return [] if not cmd or cmd == ["cat"] else cmd


@contextmanager
def _paged(console: Console, no_pager: bool = False) -> Iterator[Console]:
    """``console``; what is printed on it inside goes through the pager when it is taller than
    the terminal."""
    if no_pager or not sys.stdout.isatty() or not pager_command():
        yield console
        return
    with console.capture() as capture:
        yield console
    text = capture.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        subprocess.run(pager_command(), input=text, text=True, env=env, check=False)
    except OSError:  # no such pager: the text as it is
        sys.stdout.write(text)
