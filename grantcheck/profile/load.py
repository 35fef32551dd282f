"""Reading a profile: a TOML file or text, or data already read, into a :class:`Profile`;
:class:`~grantcheck.profile.errors.ProfileError` naming the file, line and field on bad input."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from grantcheck.profile.bounds import figure_errors
from grantcheck.profile.errors import TOO_MANY_DIGITS, Problem, ProfileError, problem_of
from grantcheck.profile.model import Profile


def load_profile(path: str | Path) -> Profile:
    """Read a TOML profile; raise ProfileError naming the file, line and field on bad input."""
    p = Path(path)
    return parse_profile(read_text(p), str(p))


def read_text(p: Path) -> str:
    """A user's file as text; ProfileError (naming the file) when it cannot be read."""
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(str(p), [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise ProfileError(str(p), [Problem("", "is a directory, not a profile")]) from None
    except UnicodeDecodeError:
        raise ProfileError(str(p), [Problem("", "is not UTF-8 text")]) from None
    except OSError as e:
        raise ProfileError(str(p), [Problem("", e.strerror or str(e))]) from None


_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def parse_profile(text: str, source: str = "<profile>") -> Profile:
    return profile_from_data(parse_toml(text, source), source, text)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text → data (floats as Decimal); ProfileError with the line on a syntax error."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_POS.match(str(e))
        if m:
            raise ProfileError(source, [Problem("", f"TOML syntax error: {m['msg']}",
                                                int(m["line"]), int(m["col"]))]) from None
        raise ProfileError(source, [Problem("", f"TOML syntax error: {e}")]) from None
    except ValueError:  # int(): more digits than Python converts (no amount is that long)
        raise ProfileError(source, [Problem("", TOO_MANY_DIGITS)]) from None


def profile_from_data(data: dict[str, Any], source: str, text: str = "") -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        raise ProfileError(source, [problem_of(err, text)
                                    for err in figure_errors(e.errors())]) from None
