"""Running the real console script (``python -m grantcheck.cli``) in a child process, as a user
would: the entry point's own error handling, stdout and stderr as bytes, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support import one_line_each

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "profiles"
AS_OF = "2026-11-01"
MINIMAL = '[company]\nname = "Tiny ApS"\ncountry = "DK"\n'


def cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
        timeout: float = 60, stdout: int | None = subprocess.PIPE
        ) -> subprocess.CompletedProcess[bytes]:
    """The console script run with ``args``; stdout and stderr captured as bytes."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    full_env.pop("GRANTCHECK_DEBUG", None)
    return one_line_each(subprocess.run(
        [sys.executable, "-m", "grantcheck.cli", *args], input=stdin, stdout=stdout,
        stderr=subprocess.PIPE, env=full_env, timeout=timeout, check=False))


def assert_clean_error(r: subprocess.CompletedProcess[bytes], *expected: str) -> str:
    """Exit 2, an ``Error:`` line with each of ``expected``, no internal error or traceback."""
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2, (r.returncode, err[:2000])
    assert "internal error" not in err and "Traceback" not in err, err[:2000]
    assert ("\n" + err).count("\nError: ") >= 1, err[:2000]
    for e in expected:
        assert e in err, err[:2000]
    return err


TINY = '[company]\nname = "Tiny ApS"\ncountry = "DK"\n'


def run(*args: str, stdin: str | bytes | None = None) -> Any:
    """The command through typer's CliRunner, as a script runs it: no colour, stderr not
    wrapped."""
    from typer.testing import CliRunner

    from grantcheck.cli import app

    return CliRunner().invoke(app, list(args), input=stdin,
                              env={"NO_COLOR": "1", "COLUMNS": None})


def problems(toml: str) -> list[str]:
    """The ``path: message`` of each problem of a profile's TOML text (none: [])."""
    from grantcheck.profile import ProfileError, parse_profile

    try:
        parse_profile(toml, "p.toml")
    except ProfileError as e:
        return [f"{p.path}: {p.message}" for p in e.problems]
    return []


def deny(monkeypatch: Any, owner: Any, name: str, refused: Any) -> None:
    """``owner.name`` (os.open, os.scandir, a module's open) made to raise PermissionError for a
    path ``refused(path)`` accepts, as for a file or folder this user may not read (root reads
    any: simulated); the real one for every other path."""
    import builtins

    real = getattr(owner, name, None) or getattr(builtins, name)

    def refusing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if refused(str(path)):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(owner, name, refusing, raising=False)
