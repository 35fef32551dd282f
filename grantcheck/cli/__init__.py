"""The command line: parses arguments, calls the library, picks a renderer. No rule logic.

Exit codes: 0 at least one open scheme fits; 1 none fits; 2 bad input or usage; 3 an internal
error (a bug: reported in one line, the traceback only with GRANTCHECK_DEBUG=1).
Stdout carries the data (tables or JSON); messages and warnings go to stderr.

One module per group of commands (:mod:`.check`: match, budget; :mod:`.profiles`: init,
validate, schema; :mod:`.catalogue`: schemes, show; :mod:`.batch`; :mod:`.outreach`:
outreach, shortlist), what they share in :mod:`._common`. Nothing outside this package imports it.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sys
from typing import Any

import typer

from grantcheck.cli import _plugins, batch, catalogue, check, outreach, profiles
from grantcheck.cli._common import (
    StdoutClosed,
    _err,
    app,
    complete_scheme_id,
    stand_in_for_closed_streams,
)

__all__ = ["app", "complete_scheme_id", "main"]

# the commands, in the order --help lists them
for _command in (check.match, check.budget, profiles.init, profiles.validate, profiles.schema,
                 catalogue.schemes, catalogue.show, batch.batch, outreach.outreach,
                 outreach.shortlist):
    app.command()(_command)


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    # pydantic looks for plugins in every installed distribution's entry points when it builds
    # the first model (about 8 ms of `match` on a loaded 2-core machine with a small
    # environment, more with many packages installed), for plugins the command line never
    # uses. A PYDANTIC_DISABLE_PLUGINS set by the user (to a plugin's name, say) is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _plugins.stand_in()  # nor import what looking for them needs
    stand_in_for_closed_streams()  # `>&-`, `2>&-`
    for stream in (sys.stdout, sys.stderr):  # a latin-1 terminal, a file name not UTF-8
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        code = _app_for(sys.argv[1:])(standalone_mode=False, prog_name="grantcheck")
    except KeyboardInterrupt:
        _err("Interrupted.")
        sys.exit(130)
    except StdoutClosed:  # written outside a command (--version, --help)
        _err("Error: standard output is closed (>&-): the output has nowhere to go")
        sys.exit(2)
    except Exception as e:  # a bug of ours: say so plainly, without a traceback
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):  # a usage error of click's
            sys.exit(_usage_error(e))
        if type(e).__name__ == "Abort":  # end of input at a prompt
            _err("Aborted.")
            sys.exit(1)
        _err(f"Error: internal error: {type(e).__name__}: {e}",
             "Hint: this is a bug in grantcheck; please report it with the input that caused it "
             "(set GRANTCHECK_DEBUG=1 to see the traceback)")
        if os.environ.get("GRANTCHECK_DEBUG"):
            raise
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run ``args`` with: when they start with a command's name, one with only that
    command. Typer builds the click objects of every registered command, and of each one's
    options, before it parses the arguments (about 40 ms of `match`'s start-up for the nine
    commands it does not run). The output is the same: a command's usage, help and errors name
    only itself; the list of commands (`grantcheck -h`, a misspelt command) and shell
    completion get the app with every command."""
    if not args or "_GRANTCHECK_COMPLETE" in os.environ:
        return app
    for info in app.registered_commands:
        if info.callback is not None and (
                info.name or typer.main.get_command_name(info.callback.__name__)) == args[0]:
            only = copy.copy(app)
            only.registered_commands = [info]
            return only
    return app


def _usage_error(e: Any) -> int:
    """A usage error (an unknown option, a missing argument, a bad choice) in the words and
    form of every other error: an Error line, a Hint line, exit 2."""
    if type(e).__name__ == "NoArgsIsHelpError":  # `grantcheck` alone: the help
        _err(e.format_message())
        return int(e.exit_code)
    ctx = getattr(e, "ctx", None)
    command = ctx.command_path if ctx is not None else "grantcheck"
    hint = f"see '{command} -h'"
    param = getattr(e, "param", None)
    if param is not None and getattr(param, "name", "") in ("scheme", "scheme_id", "sid"):
        from grantcheck.schemes import SCHEME_IDS

        hint = "the schemes: " + ", ".join(SCHEME_IDS)
    said = e.format_message().replace("Value error, ", "").replace("Input should be ", "must be ")
    if said.startswith("Got unexpected extra argument") and command.endswith(" match"):
        hint = ("match checks one profile: grantcheck batch checks several (files, folders or "
                "patterns) and writes a record or a row for each")
    _err(f"Error: {said}", f"Hint: {hint}")
    return int(e.exit_code)


if __name__ == "__main__":
    main()
