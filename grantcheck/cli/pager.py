"""A long output on a terminal goes through a pager, as git does: ``GRANTCHECK_PAGER`` (else
``PAGER``, else ``less``) with ``LESS=FRX`` unless ``LESS`` is set (colours kept, the pager quits
when the text fits one screen). Never when stdout is not a terminal, nor with ``--no-pager``;
``GRANTCHECK_PAGER=`` (empty) or ``cat`` turns it off."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

NoPagerOption = Annotated[
    bool,
    typer.Option("--no-pager", help="Never page a long output on a terminal (the pager: "
                 "GRANTCHECK_PAGER, else PAGER, else less, with LESS=FRX unless LESS is set)."),
]


def pager_command() -> list[str]:
    """The pager to run ([] for none); exit 2 naming the variable when its value cannot be
    split into words as a shell would (an unbalanced quote)."""
    import shlex  # here: asked only on a terminal, and start-up is every command's

    name = "GRANTCHECK_PAGER"
    text = os.environ.get(name)
    if text is None:
        name, text = "PAGER", os.environ.get("PAGER", "less")
    try:
        cmd = shlex.split(text)
    except ValueError as e:  # 'No closing quotation', 'No escaped character'
        from grantcheck.cli._common import _fail

        _fail(f"{name}={shlex.quote(text)}: cannot be read as a command: {e}",
              f"quote it as in a shell (e.g. {name}='less -R'), set {name}= (empty) to turn "
              "the pager off, or give --no-pager")
    return [] if not cmd or cmd == ["cat"] else cmd


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@contextmanager
def _paged(console: Console, no_pager: bool = False) -> Iterator[Console]:
    """``console``; what is printed on it inside goes through the pager when it is taller than
    the terminal."""
    if no_pager or not _stdout_is_terminal() or not pager_command():
        yield console
        return
    with console.capture() as capture:
        yield console
    text = capture.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    import subprocess  # here: asked only on a terminal, and start-up is every command's

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(pager_command(), stdin=subprocess.PIPE, text=True, env=env)
    except OSError:  # no such pager: the text as it is
        sys.stdout.write(text)
        return
    with _ctrl_c_for_the_pager():
        pager.communicate(text)


@contextmanager
def _ctrl_c_for_the_pager() -> Iterator[None]:
    """While the pager runs, Ctrl-C is its own (less stops a search with it), as git has it: the
    terminal sends it to grantcheck too, which would end and kill the pager (SIGKILL: less
    could not put the terminal back). grantcheck waits for the pager to quit."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
