"""grantcheck: which Nordic business-support schemes fit a company, and what it still lacks.

The library API (the CLI is a thin layer over it)::

    import grantcheck
    profile = grantcheck.load_profile("profiles/nordlys-automation.toml")
    result = grantcheck.check(profile, as_of=datetime.date(2026, 11, 23))
    for r in result.results:
        print(r.scheme.id, r.verdict)
"""

from __future__ import annotations

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
