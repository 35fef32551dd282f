"""The whole suite's one setting: GRANTCHECK_TEST_TODAY=YYYY-MM-DD moves the clock to that day for
the whole run (time-machine, ticking from noon UTC), so that a test which depends on today's date
fails there. No test may: every test states its dates. `.ci/run` runs the suite again with the
clock at 2027-06-01 (past GBER's end) and at 2031-01-01 (past the de minimis regulation's)."""

from __future__ import annotations

import os
import signal
from datetime import date

import pytest

TODAY = os.environ.get("GRANTCHECK_TEST_TODAY", "")


def pytest_configure(config: pytest.Config) -> None:
    if not TODAY:
        return
    import time_machine

    day = date.fromisoformat(TODAY)  # a bad value fails the run at once, with its reason
    traveller = time_machine.travel(f"{day.isoformat()}T12:00:00+00:00", tick=True)
    traveller.start()
    config.stash[_TRAVELLER] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    return f"clock moved to {TODAY} (GRANTCHECK_TEST_TODAY)" if TODAY else None


_TRAVELLER = pytest.StashKey[object]()


@pytest.fixture(autouse=True)
def _signal_handlers_restored():
    """Each test gets the SIGINT and SIGTERM handlers the one before had: a safety net, so that
    a test that changes them (runs the command line in-process, a batch) cannot change the
    tests after it. No test does (checked before and after each, the whole suite): the two
    interrupt tests that failed in session 19 had a runner started with SIGINT ignored (by a
    script's ``&``, or ``nohup``), which this cannot undo; those tests now set the handler they
    need themselves (tests/robustness/test_interrupt.py)."""
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGINT, before[0])
    signal.signal(signal.SIGTERM, before[1])


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without COLUMNS and LINES, as a script runs grantcheck: grantcheck
    wraps its talk on stderr (and sizes its tables) to COLUMNS when it is set, and pytest-xdist's
    workers set COLUMNS=80 (a shell may export its terminal's width too), so a message holding a
    long tmp_path was wrapped under `pytest -n 2` only, and its test failed. A test about
    wrapping sets the width it checks (CliRunner's ``env=``, ``monkeypatch.setenv``)."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
