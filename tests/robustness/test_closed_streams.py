"""Stdout or stderr closed by the caller (`>&-`, `2>&-`): no internal error, and talk never
lands in the data."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.robustness.helpers import AS_OF, MINIMAL, PROFILES, assert_clean_error

NORDLYS = str(PROFILES / "nordlys-automation.toml")
CLOSED_STDOUT = "Error: standard output is closed (>&-): the output has nowhere to go"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="closes a POSIX descriptor")


def run_closed(fd: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The console script run with descriptor ``fd`` (0, 1 or 2) closed, as `<&-`, `>&-` or
    `2>&-` do; stdout and stderr captured when open."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("GRANTCHECK_DEBUG", None)
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run([sys.executable, "-m", "grantcheck.cli", *args],
                          **pipes, env=env, timeout=60, check=False,
                          preexec_fn=lambda: os.close(fd))


@pytest.mark.parametrize("args", [
    ["schema"], ["match", NORDLYS, "--as-of", AS_OF], ["match", NORDLYS, "-f", "json"],
    ["schemes"], ["batch", NORDLYS, "-f", "csv", "--as-of", AS_OF],
])
def test_a_closed_stdout_is_an_error_not_a_bug(args):
    """`grantcheck schema >&-` was "internal error: AttributeError: 'NoneType' object has no
    attribute 'flush'" (exit 3)."""
    r = run_closed(1, *args)
    assert_clean_error(r, CLOSED_STDOUT, "Hint: leave stdout open")


def test_a_closed_stdout_does_not_stop_a_batch_that_writes_to_a_file(tmp_path):
    out = tmp_path / "fits.csv"
    r = run_closed(1, "batch", NORDLYS, "-f", "csv", "-o", str(out), "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("source,")


def test_a_closed_stderr_keeps_errors_out_of_the_csv(tmp_path):
    """`batch … --format csv 2>&-` was an internal error ('isatty'), its text inside the CSV."""
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL + "turnover = nan\n", encoding="utf-8")
    r = run_closed(2, "batch", NORDLYS, str(bad), "-f", "csv", "--as-of", AS_OF)
    assert r.returncode == 4  # one input failed: the exit code still says so
    lines = r.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith("source,") and len(lines) == 3
    assert all(not line.startswith(("Error:", "Warning:", "Hint:")) for line in lines)


def test_a_closed_stderr_keeps_the_json_parseable():
    """`match … --format json 2>&-` appended its warning to the JSON."""
    r = run_closed(2, "match", NORDLYS, "-f", "json", "--as-of", "2026-12-06")
    assert r.returncode in (0, 1)
    json.loads(r.stdout)


def test_a_closed_stderr_drops_the_error_line_not_prints_it_on_stdout(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL + "turnover = nan\n", encoding="utf-8")
    r = run_closed(2, "match", str(bad))
    assert r.returncode == 2
    assert r.stdout == b""


@pytest.mark.parametrize("command", [["match", "-", "--as-of", AS_OF], ["validate", "-"],
                                     ["budget", "-", "--as-of", AS_OF]])
def test_a_closed_stdin_read_as_a_profile_is_an_error_not_a_bug(command):
    """`grantcheck match - <&-` was "internal error: AttributeError: 'NoneType' object has no
    attribute 'buffer'" (exit 3)."""
    r = run_closed(0, *command)
    assert_clean_error(r, "Error: <stdin>: standard input is closed (<&-): there is nothing "
                       "to read", "Hint: give the file's name, or send it in: - < FILE")


def test_init_with_a_closed_stdin_asks_nothing_and_says_why():
    """It was "internal error: … 'NoneType' object has no attribute 'isatty'" (exit 3)."""
    r = run_closed(0, "init", "-", "--as-of", AS_OF)
    assert_clean_error(r, "Error: init: standard input is closed (<&-): the answers have "
                       "nowhere to come from", "Hint: give the answers with --set")


def test_init_non_interactive_with_a_closed_stdin_writes_the_profile():
    r = run_closed(0, "init", "-", "--non-interactive", "--set", "company.name=Tiny ApS",
                   "--set", "company.country=DK", "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr.decode()
    assert b'name = "Tiny ApS"' in r.stdout
