"""Misuse, thirteenth round: the environment grantcheck reads (shell completion's variables),
and what the hunt of this round found. Child processes where the environment is the point;
typer's CliRunner, as a script runs it, elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.robustness.helpers import ROOT, assert_clean_error

# --- 1. Shell completion asked for without the variables bash sets ------------------------------

def _complete(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The console script with ``env`` and no completion variable inherited from the shell that
    runs the tests."""
    full = {k: v for k, v in os.environ.items()
            if not k.startswith(("COMP_", "_GRANTCHECK", "GRANTCHECK_DEBUG"))}
    return subprocess.run([sys.executable, "-m", "grantcheck.cli", *args], cwd=ROOT,
                          env={**full, "NO_COLOR": "1", "_GRANTCHECK_COMPLETE": "complete_bash",
                               **env}, capture_output=True, timeout=60, check=False)


COMPLETION_HINT = ("bash's completion sets COMP_WORDS (the command line) and COMP_CWORD (the "
                   "index of the word to complete")


@pytest.mark.parametrize(("env", "said"), [
    ({}, "_GRANTCHECK_COMPLETE=complete_bash: COMP_WORDS is not set"),
    ({"COMP_WORDS": "grantcheck ma"}, "_GRANTCHECK_COMPLETE=complete_bash: COMP_CWORD is not set"),
    ({"COMP_WORDS": "grantcheck ma", "COMP_CWORD": "abc"},
     "_GRANTCHECK_COMPLETE=complete_bash: COMP_CWORD is 'abc', not a whole number"),
])
@pytest.mark.parametrize("args", [[], ["match", "profiles/nordlys-automation.toml"]])
def test_bash_completion_without_its_variables_names_the_missing_one(env, said, args):
    """`_GRANTCHECK_COMPLETE=complete_bash grantcheck` (an environment left set, a completion
    function copied by hand) was "internal error: KeyError: 'COMP_WORDS'" (and ValueError of
    int() for a COMP_CWORD not a number)."""
    r = _complete(*args, **env)
    err = assert_clean_error(r, said, COMPLETION_HINT, "unset _GRANTCHECK_COMPLETE")
    assert r.stdout == b"", err


@pytest.mark.parametrize("cword", ["1", " 1", "-1"])
def test_bash_completion_with_its_variables_completes_as_before(cword):
    """A COMP_CWORD int() reads is read as before (bash never gives -1; click took it)."""
    r = _complete(COMP_WORDS="grantcheck ma", COMP_CWORD=cword)
    assert (r.returncode, r.stdout.split()[0], r.stderr) == (0, b"match", b"")
