"""grantcheck: which Nordic business-support schemes fit a company, and what it still lacks.

The library API (the CLI is a thin layer over it)::

    import grantcheck
    profile = grantcheck.load_profile("profiles/nordlys-automation.toml")
    result = grantcheck.check(profile, as_of=datetime.date(2026, 11, 23))
    for r in result.results:
        print(r.scheme.id, r.verdict)
"""

from __future__ import annotations

import os as _os
import sys as _sys


# Ctrl-C while grantcheck starts (its imports, before a command runs): nothing has been written
# and nothing needs undoing, so it ends at once, with what a later Ctrl-C says ("Interrupted.")
# and 130. A KeyboardInterrupt would end in a traceback (raised by an import, outside any
# ``try``), or be printed as "Exception ignored" and lost (raised in a weakref callback of the
# import system). (Comments, not docstrings, here: start-up pays for every byte of the latter.)
def _quit_starting(signum: int, frame: object) -> None:
    try:
        _os.write(2, b"Interrupted.\n")
    finally:  # stderr closed (`2>&-`) too
        _os._exit(130)


# Whether this process is grantcheck: its console script (a file named ``grantcheck``), or
# ``python -m grantcheck`` (``grantcheck.cli``), also while Python finds the module (its
# ``sys.argv[0]`` is then "-m"); not a program that imports grantcheck and calls its main().
def _is_grantcheck() -> bool:
    main = _sys.modules.get("__main__")
    if _os.path.basename(getattr(main, "__file__", None) or "") == "grantcheck" or getattr(
            getattr(main, "__spec__", None), "name", "") in (
                "grantcheck.__main__", "grantcheck.cli.__main__"):
        return True
    if _sys.argv[:1] != ["-m"]:
        return False
    given = _sys.orig_argv
    at = given.index("-m") + 1 if "-m" in given else len(given)
    return given[at:at + 1] in (["grantcheck"], ["grantcheck.cli"])


# Ctrl-C is handled from grantcheck's first line, before grantcheck.cli is even found (the
# console script's own `import re`, and Python's start-up before it, are Python's). signal is
# imported by typer (for subprocess) anyway: imported first, it costs nothing more. Left alone
# when SIGINT is ignored (`grantcheck … &` in a script), and for a program that imports
# grantcheck (it gets Python's KeyboardInterrupt).
if _is_grantcheck():
    import signal as _signal

    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _quit_starting)

__version__ = "0.1.0"

# typing is not imported here: the command line's first lines (grantcheck.cli, which handle a
# Ctrl-C while it starts) run after this module, and typing takes milliseconds to import
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from grantcheck.matching import MatchResult, check
    from grantcheck.profile import Profile, load_profile

__all__ = ["MatchResult", "Profile", "__version__", "check", "load_profile"]


def __getattr__(name: str) -> Any:
    # lazy, so that `grantcheck --version` does not pay for pydantic
    if name in ("check", "MatchResult"):
        from grantcheck import matching as _check_module

        return getattr(_check_module, name)
    if name in ("load_profile", "Profile"):
        from grantcheck import profile as _profile_module

        return getattr(_profile_module, name)
    raise AttributeError(f"module 'grantcheck' has no attribute {name!r}")
