"""The command line: parses arguments, calls the library, picks a renderer. No rule logic.

Exit codes: 0 at least one open scheme fits; 1 none fits; 2 bad input or usage; 3 an internal
error (a bug: reported in one line, the traceback only with GRANTCHECK_DEBUG=1).
Stdout carries the data (tables or JSON); messages and warnings go to stderr.

One module per group of commands (:mod:`.check`: match, budget; :mod:`.profiles`: init,
validate, schema; :mod:`.catalogue`: schemes, show; :mod:`.batch`; :mod:`.outreach`;
:mod:`.shortlist`), what they share in :mod:`._common` (:mod:`._screening`: outreach's and
shortlist's). Nothing outside this package imports it.
"""

from __future__ import annotations

import os
import signal
import sys

from grantcheck import _is_grantcheck, _quit_starting

# Ctrl-C while grantcheck starts ends it at once, saying "Interrupted." (130): set by grantcheck's
# first lines when this process is grantcheck; set here too while a program (a test) that
# imports this package imports it, and given back below. Left alone when SIGINT is ignored
# (`grantcheck … &` in a script) or handled by the program.
_STARTING = signal.getsignal(signal.SIGINT) is signal.default_int_handler
if _STARTING:
    signal.signal(signal.SIGINT, _quit_starting)

import contextlib  # noqa: E402 (after the Ctrl-C handler, as every import below)
import copy  # noqa: E402
import importlib  # noqa: E402
from typing import Any, NoReturn  # noqa: E402

import typer  # noqa: E402

from grantcheck.cli import _plugins  # noqa: E402
from grantcheck.cli._common import (  # noqa: E402
    _err,
    complete_scheme_id,
    stand_in_for_closed_streams,
    stdout_failed,
)
from grantcheck.cli._common import app as _app  # noqa: E402
from grantcheck.cli._once import OnceCommand  # noqa: E402

__all__ = ["app", "complete_scheme_id", "main"]

# the commands, in the order --help lists them, each with the module of this package that holds
# it (its function has the command's name): a command's module is imported when it is run, or
# when the whole app is asked for (`grantcheck -h`, completion, ``from grantcheck.cli import app``)
COMMANDS = (("match", "check"), ("budget", "check"), ("init", "profiles"),
            ("validate", "profiles"), ("schema", "profiles"), ("schemes", "catalogue"),
            ("show", "catalogue"), ("batch", "batch"), ("outreach", "outreach"),
            ("shortlist", "shortlist"))


def _command(name: str, module: str) -> Any:
    """The command ``name``: a Ctrl-C it does not handle itself ends it as one at start-up
    does, saying "Interrupted." (typer ended it with 130 and no word)."""
    import functools

    command = getattr(importlib.import_module(f"grantcheck.cli.{module}"), name)

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        global _running
        _running = True
        try:
            done = command(*args, **kwargs)
        except KeyboardInterrupt:
            _interrupted_exit()
        _running = False
        return done

    return run


def _whole() -> typer.Typer:
    """The app with every command, registered at the first call."""
    if not _app.registered_commands:
        for name, module in COMMANDS:
            fn = _command(name, module)
            _app.command(cls=OnceCommand, short_help=_first_sentence(fn.__doc__ or ""))(fn)
    return _app


def _first_sentence(doc: str) -> str:
    """A command's docstring up to its first full stop, whole: `grantcheck --help` lists it
    wrapped, where Click would cut it to the width ("… cost rules,...")."""
    first = " ".join(doc.strip().split("\n\n", 1)[0].split())
    return first.split(". ", 1)[0].removesuffix(".") + "."


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app, for a program (a test) that imports it
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Start-up ends in main(); until then a Ctrl-C ends it at once ("Interrupted."), the console
# script's own lines between this import and main() too. A program that imports this package for
# itself gets Python's KeyboardInterrupt back.
if _STARTING and not _is_grantcheck():
    signal.signal(signal.SIGINT, signal.default_int_handler)


def main() -> None:
    """Console-script entry point: never lets a traceback reach the user."""
    try:
        _main()
    finally:
        _forget_caught_interrupt()


def _forget_caught_interrupt() -> None:
    """A Ctrl-C that came while Python ran a string (``eval``: pydantic and typing evaluate
    annotations so as the models are built) marks the process, caught or not; run as
    ``python -m grantcheck``, Python then kills it by SIGINT as it exits, and the exit code
    grantcheck chose (130 for the Ctrl-C, or the command's own) is lost. Python clears the mark
    each time it starts to run a string: one that does nothing clears it."""
    exec("")


def _main() -> None:
    ours = _is_grantcheck() and signal.getsignal(signal.SIGINT) in (
        signal.default_int_handler, _quit_starting)  # not when ignored (`grantcheck … &`)
    if ours:  # Ctrl-C: quietly until the command runs (python -m grantcheck.cli)
        signal.signal(signal.SIGINT, _quit_starting)
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
        if ours:
            _interrupts()
        if "_GRANTCHECK_COMPLETE" in os.environ:  # shell completion asked for
            _check_completion_variables()
        try:
            code = _app_for(sys.argv[1:])(standalone_mode=False, prog_name="grantcheck")
        finally:  # what --help or --version left in the buffer fails here, not at exit
            sys.stdout.flush()
        if code == 130 and _interrupted and not _running:  # typer's 130 for a Ctrl-C as
            _interrupted_exit()  # the command line is read (its help written): without a word
        if ours:  # the work is done: a Ctrl-C as Python exits changes nothing (it would end it
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # by the signal, its code lost)
    except KeyboardInterrupt:
        _interrupted_exit()
    except Exception as e:  # a bug of ours: say so plainly, without a traceback
        if _interrupted:  # Ctrl-C, turned into an error of its own by a library (pydantic-core's
            _interrupted_exit()  # SchemaError while it builds a validator)
        if isinstance(e, OSError) and e.filename is None:  # writing to stdout outside a
            sys.exit(stdout_failed(e))  # command (--version, --help), said as inside one
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):  # a usage error of click's
            sys.exit(_usage_error(e))
        if type(e).__name__ == "Abort":  # end of input at a prompt
            _err("Aborted.")
            sys.exit(1)
        from grantcheck.schemes import BrokenScheme

        if isinstance(e, BrokenScheme):  # a scheme package of the user's
            _err(f"Error: {e.message}", f"Hint: {e.hint}")
            sys.exit(2)
        _err(f"Error: internal error: {type(e).__name__}: {e}",
             "Hint: this is a bug in grantcheck; please report it with the input that caused it "
             "(set GRANTCHECK_DEBUG=1 to see the traceback)")
        if os.environ.get("GRANTCHECK_DEBUG"):
            raise
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)


_interrupted = False  # a Ctrl-C has come while the command ran
_running = False  # the command runs: a Ctrl-C it handles is said by it (init keeps a draft)


def _interrupts() -> None:
    """From here on a Ctrl-C raises KeyboardInterrupt, as Python's own handler does (``finally``
    blocks run: a temporary file is removed, init keeps a draft), and is remembered, so that it
    is not lost where Python runs the handler inside a weakref callback or a ``__del__``
    (printed as "Exception ignored" and dropped): it is sent again, to stop the command where it
    stands once the callback is over; nor where a library turns it into an error of its own."""
    def on_ctrl_c(signum: int, frame: object) -> None:
        global _interrupted
        _interrupted = True
        raise KeyboardInterrupt

    def unraisable(args: Any, before: Any = sys.unraisablehook) -> None:
        if args.exc_type is None or not issubclass(args.exc_type, KeyboardInterrupt):
            before(args)
            return
        import _thread  # built in; a thread's os.kill is handled by the main thread when it
        # next can, past this callback (sent from here, it would be handled here, at once)
        with contextlib.suppress(RuntimeError):  # no new thread while Python exits
            _thread.start_new_thread(os.kill, (os.getpid(), signal.SIGINT))

    signal.signal(signal.SIGINT, on_ctrl_c)
    sys.unraisablehook = unraisable


def _interrupted_exit() -> NoReturn:
    """Exit 130 for Ctrl-C; a second one while saying so is not a traceback."""
    if _is_grantcheck():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _err("Interrupted.")
    sys.exit(130)


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run ``args`` with: when they start with a command's name, one with only that
    command. Typer builds the click objects of every registered command, and of each one's
    options, before it parses the arguments (about 40 ms of `match`'s start-up for the nine
    commands it does not run). The output is the same: a command's usage, help and errors name
    only itself; the list of commands (`grantcheck -h`, a misspelt command) and shell
    completion get the app with every command."""
    if not args or "_GRANTCHECK_COMPLETE" in os.environ:
        return _whole()
    for name, module in COMMANDS:
        if name == args[0]:
            only = copy.copy(_app)
            only.registered_commands = []
            only.command(cls=OnceCommand)(_command(name, module))
            return only
    return _whole()


def _check_completion_variables() -> None:
    """Exit 2 naming the variable when bash's completion is asked for (what the function that
    `grantcheck --show-completion bash` prints does) without the two variables it sets: click
    read them as they must be, and a KeyError or ValueError was said as an internal error."""
    if os.environ["_GRANTCHECK_COMPLETE"] != "complete_bash":
        return
    words, index = os.environ.get("COMP_WORDS"), os.environ.get("COMP_CWORD")
    said = ("COMP_WORDS is not set" if words is None else
            "COMP_CWORD is not set" if index is None else "")
    if index is not None and not said:
        try:
            int(index)
            return
        except ValueError:
            said = f"COMP_CWORD is {index[:40]!r}, not a whole number"
    _err(f"Error: _GRANTCHECK_COMPLETE=complete_bash: {said}",
         "Hint: bash's completion sets COMP_WORDS (the command line) and COMP_CWORD (the index "
         "of the word to complete, 0 for the first) in the function 'grantcheck "
         "--show-completion bash' prints; to run grantcheck instead, unset _GRANTCHECK_COMPLETE")
    sys.exit(2)


def _usage_error(e: Any) -> int:
    """A usage error (an unknown option, a missing argument, a bad choice) in the words and
    form of every other error: an Error line, a Hint line, exit 2."""
    if type(e).__name__ == "NoArgsIsHelpError":  # `grantcheck` alone: the help
        _err(e.format_message())
        return int(e.exit_code)
    ctx = getattr(e, "ctx", None)
    command = ctx.command_path if ctx is not None else " ".join(  # "requires an argument"
        ["grantcheck", *(a for a in sys.argv[1:2] if a in dict(COMMANDS))])
    hint = f"see '{command} -h'"
    param = getattr(e, "param", None)
    if param is not None and getattr(param, "name", "") in ("scheme", "scheme_id", "sid"):
        from grantcheck.schemes import SCHEME_IDS

        hint = "the schemes: " + ", ".join(SCHEME_IDS)
    said = e.format_message().replace("Value error, ", "").replace("Input should be ", "must be ")
    said = said.replace("a valid integer, unable to parse string as an integer",
                        "a whole number, e.g. 2")  # pydantic's words, for --jobs 1e3
    unknown = str(getattr(e, "option_name", None) or "")  # No such option: a file -p.toml?
    for arg in sys.argv[1:] if unknown and type(e).__name__ == "NoSuchOption" else []:
        if arg.startswith(unknown) and os.path.lexists(arg):
            hint = (f"{arg} is a file: a name that starts with - goes after --, as in "
                    f"{command} -- {arg}, or is written ./{arg}")
            break
    if type(e).__name__ == "MissingParameter" and getattr(param, "name", "") in (
            "profile", "profiles"):
        hint = ("no profile yet? grantcheck init acme.toml writes one from questions; the "
                f"repository's profiles/ has examples ({command} "
                "profiles/nordlys-automation.toml)")
    if (case := _lower_case_choice(said, param)) is not None:  # -f JSON, --input-format CSV
        hint = case
    if said.startswith("No such command '") and ctx is not None:
        hint = _command_hint(said.split("'")[1], ctx, command) or hint
    if said.startswith("Got unexpected extra argument") and command.endswith(" match"):
        hint = ("match checks one profile: grantcheck batch checks several (files, folders or "
                "patterns) and writes a record or a row for each")
    _err(f"Error: {said}", f"Hint: {hint}")
    return int(e.exit_code)


def _lower_case_choice(said: str, param: Any) -> str | None:
    """The hint for a choice written in another case (``-f JSON``): its lower-case spelling,
    the one the option takes; None for any other error."""
    import re

    given = re.match(r"Invalid value for .*?: '(.*)' is not one of (.*)\.$", said)
    if given is None or given[1] == given[1].lower() or given[1].lower() not in re.findall(
            r"'([^']*)'", given[2]):
        return None
    name = next(o for o in (*param.opts, "--") if o.startswith("--"))
    return f"the choices are written in lower case: {name} {given[1].lower()}"


def _command_hint(given: str, ctx: Any, program: str) -> str:
    """The hint for a command that is none: one written in capitals (``MATCH``) is named in
    lower case; ``help`` (``help match``) points to -h; "" for any other."""
    names = list(getattr(ctx.command, "list_commands", lambda c: [])(ctx))
    if given.lower() in names:
        return f"commands are written in lower case: {program} {given.lower()}"
    if given.lower().lstrip("-") in ("help", "h", "?"):
        after = sys.argv[sys.argv.index(given) + 1:] if given in sys.argv else []
        about = next((a for a in after if a in names), None)
        return (f"{program} {about} -h tells that command" if about else
                f"{program} -h lists the commands; {program} COMMAND -h tells one, e.g. "
                f"{program} match -h")
    return ""


if __name__ == "__main__":
    main()
