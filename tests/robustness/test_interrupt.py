"""Ctrl-C at any moment: exit 130, quietly. Start-up (the imports, pydantic building the
profile models) printed a traceback, "Exception ignored in: <function
_get_module_lock.<locals>.cb …>" (and then went on to exit 0: the interrupt was lost), or
"internal error: SchemaError: … KeyboardInterrupt" (exit 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.robustness.helpers import AS_OF, PROFILES, ROOT

NOISE = ("Traceback", "Exception ignored", "internal error", "KeyboardInterrupt")
MATCH = ["match", str(PROFILES / "nordlys-automation.toml"), "--as-of", AS_OF]


def _child(tmp_path: Path, script: str, *args: str, sigint: object = signal.SIG_DFL,
           env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``script`` run by Python as a file named ``grantcheck`` (as the console script is) with
    ``args`` as its arguments, SIGINT handled as ``sigint`` (SIG_DFL: as at a terminal, however
    the test runner was started)."""
    (tmp_path / "bin").mkdir(exist_ok=True)
    (tmp_path / "bin" / "grantcheck").write_text(textwrap.dedent(script))
    return subprocess.Popen(
        [sys.executable, str(tmp_path / "bin" / "grantcheck"), *args], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})},
        preexec_fn=lambda: signal.signal(signal.SIGINT, sigint))


# the console script's own lines, with a byte on stdout when grantcheck's first lines have run
# and it asks for typer (a Ctrl-C before that, while Python starts and finds grantcheck, is
# Python's: docs/limits.md)
GRANTCHECK = """
    import os, sys

    class Finder:
        def find_spec(self, name, path=None, target=None):
            if name == "typer":
                sys.meta_path.remove(self)
                os.write(1, b".")

    sys.meta_path.insert(0, Finder())
    from grantcheck.cli import main
    sys.exit(main())
"""


def test_ctrl_c_at_any_moment_of_a_match_ends_quietly_with_130(tmp_path):
    """SIGINT sent 0 to 600 ms after Python has started: while grantcheck imports typer,
    pydantic and its own modules, builds the models, reads the profile, checks it and writes
    the answer. Each run either ends with 130 and nothing on stderr but "Interrupted.", or had
    finished before the signal came."""
    interrupted = 0
    for ms in range(0, 600, 25):
        proc = _child(tmp_path, GRANTCHECK, *MATCH)
        assert proc.stdout is not None
        assert proc.stdout.read(1) == b"."
        time.sleep(ms / 1000)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        said = err.decode("utf-8", "replace")
        assert not any(n in said for n in NOISE), (ms, proc.returncode, said[-1500:])
        if proc.returncode == 130:
            interrupted += 1
            # a warning said before the signal came stays said (a date near the end of the
            # encoded rules: what the clock of the run gives), then only "Interrupted."
            lines = said.strip().splitlines()  # "Interrupted." at start-up too (it said none)
            assert lines and lines[-1] == "Interrupted." and all(
                line.startswith(("Warning: ", "  ")) for line in lines[:-1]), (ms, said)
        else:  # done before the signal came: the whole answer
            assert proc.returncode == 0 and b"dk-smv-digital" in out, (ms, proc.returncode, said)
    assert interrupted >= 4


def test_ctrl_c_while_a_module_is_imported_ends_quietly(tmp_path):
    """A Ctrl-C while typer is imported: "Traceback … KeyboardInterrupt" (killed by SIGINT)."""
    proc = _child(tmp_path, """
        import signal, sys

        class Finder:
            def find_spec(self, name, path=None, target=None):
                if name == "typer":  # a Ctrl-C at this moment
                    sys.meta_path.remove(self)
                    signal.raise_signal(signal.SIGINT)

        sys.meta_path.insert(0, Finder())
        from grantcheck.cli import main
        sys.exit(main())
    """, *MATCH)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (130, b""), err.decode()
    assert not any(n in err.decode() for n in NOISE), err.decode()


# a Ctrl-C at a moment grantcheck's command is running: `check` made to be the moment
AT_CHECK = """
    import signal, sys, time
    import grantcheck.matching

    def check(*args, **kwargs):
        {moment}
        time.sleep(5)  # the interrupt stops the command here, or after the callback
        raise AssertionError("not interrupted")

    grantcheck.matching.check = check
    from grantcheck.cli import main
    main()
"""


def test_ctrl_c_inside_a_weakref_callback_is_not_lost(tmp_path):
    """Python runs the handler inside whatever runs, a weakref callback of the import system
    too: there the KeyboardInterrupt was printed as "Exception ignored" and dropped, and match
    went on to exit 0."""
    proc = _child(tmp_path, AT_CHECK.format(moment=textwrap.dedent("""
        import weakref
        class Object: pass
        thing = Object()
        ref = weakref.ref(thing, lambda r: signal.raise_signal(signal.SIGINT))
        del thing
    """).replace("\n", "\n        ")), *MATCH)
    start = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (130, b""), err.decode()
    assert not any(n in err.decode() for n in NOISE), err.decode()
    assert time.monotonic() - start < 4.5  # stopped, not left to finish


def test_ctrl_c_turned_into_another_error_is_still_an_interrupt(tmp_path):
    """pydantic-core turns a KeyboardInterrupt while it builds a validator into a SchemaError:
    it was an "internal error" (exit 3)."""
    proc = _child(tmp_path, AT_CHECK.format(moment=textwrap.dedent("""
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            raise RuntimeError("Error building validator: KeyboardInterrupt") from None
    """).replace("\n", "\n        ")), *MATCH)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (130, b""), err.decode()
    assert not any(n in err.decode() for n in NOISE), err.decode()


def test_a_run_whose_ctrl_c_is_ignored_is_not_stopped(tmp_path):
    """Started in the background by a shell script (`grantcheck … &`), SIGINT is ignored: it
    stays so."""
    proc = _child(tmp_path, GRANTCHECK, *MATCH, sigint=signal.SIG_IGN)
    assert proc.stdout is not None
    assert proc.stdout.read(1) == b"."
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and b"dk-smv-digital" in out, err.decode()


def _the_programs_own(signum: int, frame: object) -> None:
    """A program's own Ctrl-C handler."""


# each way out of main(): exit 0 (--version, a match that fits, a batch), a usage error and an
# unreadable profile (2), an internal error (3), a Ctrl-C inside the command (130)
WAYS_OUT = {
    "version": (["--version"], None),
    "match": (MATCH, None),
    "batch": (["batch", str(PROFILES / "nordlys-automation.toml"), "--format", "csv",
               "--as-of", AS_OF], None),
    "usage error": (["match", "--no-such-option"], None),
    "bad profile": (["match", "no-such-profile.toml", "--as-of", AS_OF], None),
    "internal error": (MATCH, RuntimeError("kaboom")),
    "ctrl-c": (MATCH, KeyboardInterrupt()),
}


@pytest.mark.parametrize("way", WAYS_OUT)
@pytest.mark.parametrize("handler", [signal.default_int_handler, signal.SIG_IGN,
                                     _the_programs_own], ids=["python", "ignored", "own"])
def test_a_program_that_imports_the_command_line_keeps_its_ctrl_c(monkeypatch, capsys,
                                                                    handler, way):
    """Importing grantcheck.cli, even calling main() (as tests do), leaves the program's Ctrl-C
    and SIGTERM handlers and its unraisablehook as they were, whichever way main() ends: only
    grantcheck's own process handles Ctrl-C its way. The program's handler is set here, not
    taken from the test runner: one started by a script with ``&`` (or ``nohup``) has SIGINT
    ignored from its start, and this test failed there when it asserted Python's handler."""
    import grantcheck.cli
    import grantcheck.matching

    args, raised = WAYS_OUT[way]
    if raised is not None:
        def check(*a: object, **k: object) -> None:
            raise raised

        monkeypatch.setattr(grantcheck.matching, "check", check)
    monkeypatch.setattr("sys.argv", ["grantcheck", *args])
    monkeypatch.delenv("GRANTCHECK_DEBUG", raising=False)
    before = signal.signal(signal.SIGINT, handler)
    term, hook = signal.getsignal(signal.SIGTERM), sys.unraisablehook
    try:
        with pytest.raises(SystemExit):
            grantcheck.cli.main()
        assert signal.getsignal(signal.SIGINT) == handler
        assert signal.getsignal(signal.SIGTERM) == term
        assert sys.unraisablehook is hook
    finally:
        signal.signal(signal.SIGINT, before)


def test_ctrl_c_in_the_pager_is_the_pagers(tmp_path):
    """A terminal sends Ctrl-C to grantcheck and to its pager (less stops a search with it):
    grantcheck ended with 130 and killed the pager (SIGKILL: less could not restore the
    terminal). It now waits for the pager, and exits with the command's code."""
    paged = tmp_path / "paged.txt"
    pager = tmp_path / "pager.py"
    pager.write_text(textwrap.dedent(f"""
        import os, signal, sys, time
        os.kill(os.getppid(), signal.SIGINT)  # the terminal's Ctrl-C reaches grantcheck too
        time.sleep(0.3)
        with open({str(paged)!r}, "w") as fh:
            fh.write(sys.stdin.read())
    """))
    proc = _child(tmp_path, """
        import sys
        import grantcheck.cli.pager
        grantcheck.cli.pager._stdout_is_terminal = lambda: True
        from grantcheck.cli import main
        main()
    """, *MATCH, "--explain", env={"GRANTCHECK_PAGER": f"{sys.executable} {pager}"})
    _, err = proc.communicate(timeout=60)
    assert not any(n in err.decode() for n in NOISE), err.decode()
    assert proc.returncode == 0, err.decode()
    assert "dk-smv-digital" in paged.read_text()


def test_ctrl_c_inside_an_eval_still_exits_130_under_python_dash_m(tmp_path):
    """A Ctrl-C that comes while Python evaluates a string (pydantic evaluates annotations so as
    it builds the models) marks the process for good, caught or not: run with ``python -m``
    (``python -m grantcheck``), Python then killed it by SIGINT as it exited (-2, the exit
    code grantcheck had chosen lost), with nothing said."""
    (tmp_path / "at_eval.py").write_text(textwrap.dedent(AT_CHECK.format(
        moment='eval("signal.raise_signal(signal.SIGINT)")')))
    # SIGINT as at a terminal, however the runner was started (`pytest … &` from a script
    # ignores it, and the child would too: "not interrupted", exit 3)
    proc = subprocess.run(
        [sys.executable, "-m", "at_eval", *MATCH], cwd=tmp_path, capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(tmp_path)}, timeout=60,
        check=False, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (proc.returncode, proc.stdout) == (130, b""), proc.stderr.decode()
    assert not any(n in proc.stderr.decode() for n in NOISE), proc.stderr.decode()


def test_the_tests_that_read_ctrl_c_pass_when_the_runner_ignores_it():
    """A test runner started by a script with ``&`` (or with ``nohup``) has SIGINT ignored from
    its start, and a child process inherits that: the two tests below assumed Python's own
    handler in the runner and in their child, and failed there (the whole suite run by the
    ``pytest`` script, session 19: read as a handler left ignored by an earlier test; none was).
    """
    here = Path(__file__)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{here}::test_a_program_that_imports_the_command_line_keeps_its_ctrl_c[python-version]",
         f"{here}::test_ctrl_c_inside_an_eval_still_exits_130_under_python_dash_m"],
        cwd=ROOT, capture_output=True, timeout=120, check=False,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert proc.returncode == 0, proc.stdout.decode()[-3000:]
