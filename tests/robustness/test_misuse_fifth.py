"""Misuse, fifth round: odd terminals, broken pipes, odd batch inputs. Through typer's CliRunner
where it can show it, else in a child process (a terminal, a closed pipe)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.robustness.helpers import AS_OF, PROFILES, assert_clean_error, cli

ROOT = Path(__file__).resolve().parents[2]
NORDLYS = str(PROFILES / "nordlys-automation.toml")
REGISTRY = ROOT / "tests" / "registry" / "data" / "enheter.csv"
runner = CliRunner()


def run(*args: str, env: dict[str, str | None] | None = None):
    """The command run as a script reads it: no COLUMNS (stderr not wrapped) unless given."""
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": None, **(env or {})})


# --- a terminal of no width, or of one column ----------------------------------------------


def _on_a_terminal(columns: int, *args: str) -> tuple[int, str, str]:
    """The console script run with stdout piped and stderr on a pseudo-terminal ``columns``
    wide (0: one never sized, as `docker run -t` gives): its exit code, stdout and stderr."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "GRANTCHECK_DEBUG")}
    try:
        proc = subprocess.run([sys.executable, "-m", "grantcheck.cli", *args], env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower,
                              timeout=60, check=False)
    finally:
        os.close(follower)
    said = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    return proc.returncode, proc.stdout.decode(), said.decode().replace("\r\n", "\n")


def test_an_error_on_a_terminal_of_no_width_is_said_on_one_line():
    """A terminal that tells 0 columns: stderr was wrapped to 0, textwrap refused it, and the
    error became a traceback (exit 1)."""
    code, _, err = _on_a_terminal(0, "match", "/nonexistent/p.toml")
    assert code == 2, err
    assert err == "Error: /nonexistent/p.toml: no such file\n"


def test_a_terminal_one_column_wide_is_wrapped_at_twenty():
    """As COLUMNS=1 is: a word a line, never a letter a line."""
    code, _, err = _on_a_terminal(1, "match", "/nonexistent/p.toml")
    assert code == 2, err
    assert err == "Error:\n  /nonexistent/p.toml:\n  no such file\n"  # not "no\n  such\n  file"


def test_a_terminals_width_is_held_as_columns_is(monkeypatch):
    """A terminal of 0 columns gives no width (Rich then takes 80); one of 7 gives 20, the
    least COLUMNS gives."""
    import grantcheck.cli._common as common

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(common.os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    assert common._width(True) is None
    monkeypatch.setattr(common.os, "get_terminal_size", lambda fd: os.terminal_size((7, 24)))
    assert common._width(True) == 20


# --- what is written outside a command, to stdout that cannot take it ----------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["match", "--help"]])
def test_help_and_version_to_a_full_disk_are_a_clear_error(args):
    """`grantcheck --help > /dev/full` was "internal error: OSError: [Errno 28] No space left on
    device" (exit 3), as a command's output was before it."""
    with open("/dev/full", "wb") as full:
        r = cli(*args, stdout=full.fileno())
    assert_clean_error(r, "Error: cannot write the output to stdout: No space left on device",
                       "Hint: the output written so far is incomplete")


# --- --output - is stdout, as --input - is stdin ---------------------------------------------


def test_batch_output_dash_writes_to_stdout_not_a_file_named_dash(tmp_path, monkeypatch):
    """`batch … -o -` wrote a file named "-" in the working directory, said "Wrote 1 record to
    -", and left stdout empty."""
    monkeypatch.chdir(tmp_path)
    r = run("batch", NORDLYS, "-f", "csv", "-o", "-", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("source,name,") and "Nordlys Automation ApS" in r.stdout
    assert "Wrote" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_schema_output_dash_writes_to_stdout_not_a_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("schema", "--output", "-")
    assert r.exit_code == 0, r.stderr
    assert '"$schema"' in r.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["schema"], ["batch", NORDLYS]])
def test_output_dash_with_force_is_refused_as_stdout_is(command):
    r = run(*command, "-o", "-", "--force")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: --force goes with --output FILE: "), r.stderr


def test_outreach_out_dash_is_refused_not_a_folder_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("outreach", "--input", str(REGISTRY), "--out", "-", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == ("Error: --out -: the pack is a folder of files, and stdout can hold "
                        "none\nHint: name a folder for the pack, e.g. --out pack/ (./- for a "
                        "folder named -)\n")
    assert list(tmp_path.iterdir()) == []


# --- a profile given twice ----------------------------------------------------------------


def test_a_profile_given_twice_is_checked_once(tmp_path):
    """`batch profiles profiles/nordlys-automation.toml profiles/../profiles` made Nordlys three
    records, and the summary counted it three times (7 companies of 6, "SMV ✓ 2" of 1)."""
    (tmp_path / "link.toml").symlink_to(NORDLYS)
    r = run("batch", str(PROFILES), NORDLYS, str(PROFILES / ".." / "profiles"),
            str(tmp_path / "link.toml"), "-f", "csv", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    sources = [line.split(",")[0] for line in r.stdout.splitlines()[1:]]
    assert sources == [str(p) for p in sorted(PROFILES.glob("*.toml"))]


def test_a_missing_profile_given_twice_is_one_error_record(tmp_path):
    missing = str(tmp_path / "gone.toml")
    r = run("batch", missing, missing, "-f", "csv", "--as-of", AS_OF)
    assert r.exit_code == 4
    assert r.stdout.count("gone.toml: no such file") == 1


# --- a file whose name starts with - -------------------------------------------------------


def test_a_file_named_like_an_option_is_pointed_to_double_dash(tmp_path, monkeypatch):
    """`grantcheck match -p.toml` said "No such option: -p", and to see the help."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-p.toml").write_text(Path(NORDLYS).read_text())
    r = cli("match", "-p.toml", "--as-of", AS_OF)
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "Error: No such option: -p\nHint: -p.toml is a file: a name that starts with - goes "
        "after --, as in grantcheck match -- -p.toml, or is written ./-p.toml\n")
    assert cli("match", "--as-of", AS_OF, "--", "-p.toml").returncode == 0


def test_schema_output_onto_a_device_says_where_stdout_is():
    """`schema -o /dev/null` (or /dev/stdout, a pipe) said it is never replaced, and no fix."""
    r = run("schema", "--output", os.devnull, "--force")
    assert r.exit_code == 2
    assert r.stderr == (f"Error: --output {os.devnull}: is a character device, not a regular "
                        "file: it is never replaced\nHint: give the name of a new or a regular "
                        "file, or leave out --output to write to stdout\n")


@pytest.mark.parametrize("command", [["batch"], ["shortlist"]])
def test_a_folder_given_as_input_points_to_batch(command, tmp_path):
    """`batch -i profiles/` said "Is a directory", and no fix."""
    folder = tmp_path / "my profiles"
    folder.mkdir()
    r = run(*command, "--input", str(folder), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == (f"Error: --input {folder}: is a folder, not a file\nHint: --input takes "
                        "one file (JSON Lines, CSV, a registry's bulk file); a folder of TOML "
                        f"profiles: grantcheck batch '{folder}'\n")
