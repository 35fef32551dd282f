"""--jobs: bounded (8 per core), and never more worker processes than profiles."""

from __future__ import annotations

import io

import pytest
from typer.testing import CliRunner

import grantcheck.batch as gb
from grantcheck.batch import JsonLines, Task, Tasks
from grantcheck.batch import pool as gb_pool
from grantcheck.cli import app
from tests.robustness.helpers import AS_OF, PROFILES

runner = CliRunner()
TWO = [str(PROFILES / "nordlys-automation.toml"), str(PROFILES / "kvantia-startup.toml")]


@pytest.fixture
def two_cores(monkeypatch):
    """A machine with two cores; the worker counts the batch's runner is given."""
    monkeypatch.setattr(gb_pool, "default_jobs", lambda: 2)
    monkeypatch.setattr(gb, "default_jobs", lambda: 2)
    started: list[int] = []
    real = gb.Runner

    def recording(options, *, jobs=1, **kw):
        started.append(jobs)
        return real(options, jobs=1, **kw)  # checked in-process: the count is what is tested

    monkeypatch.setattr(gb, "Runner", recording)
    return started


def batch(*args: str):
    return runner.invoke(app, ["batch", *args, "-f", "csv", "--as-of", AS_OF],
                         env={"NO_COLOR": "1"})


def test_sixteen_jobs_on_two_cores_is_allowed(two_cores):
    r = batch(*TWO, "--jobs", "16")
    assert r.exit_code == 0, r.stderr
    assert two_cores == [2]  # two profiles: two workers, not sixteen


def test_seventeen_jobs_on_two_cores_is_refused(two_cores):
    """`batch -j 100000` with two inputs started about 2,285 processes and never finished."""
    r = batch(*TWO, "--jobs", "17")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        "Error: --jobs 17: more than 16 worker processes (8 for each of the 2 cores this "
        "process may use)",
        "Hint: give --jobs 16 or fewer: the workers check on the CPU, so more of them than "
        "cores make a batch no faster"]
    assert two_cores == []


def test_the_default_jobs_are_no_more_than_the_profiles(two_cores):
    r = batch(TWO[0])
    assert r.exit_code == 0, r.stderr
    assert two_cores == [1]


def test_counting_tasks_ahead_loses_none():
    tasks = Tasks(Task("path", str(n), b"") for n in range(5))
    assert tasks.ahead(3) == 3
    assert tasks.ahead(9) == 5
    assert [t.source for t in tasks] == ["0", "1", "2", "3", "4"]


def test_counting_json_lines_ahead_skips_blank_lines_and_keeps_the_numbers():
    lines = JsonLines(io.BytesIO(b"\n{}\n\n{\"a\": 1}\n{}\n"), "x.jsonl")
    assert lines.ahead(2) == 2
    assert lines.ahead(10) == 3
    assert [t.source for t in lines] == ["x.jsonl:2", "x.jsonl:4", "x.jsonl:5"]


def test_tasks_counted_ahead_still_come_in_chunks_of_the_size_asked():
    tasks = Tasks(Task("path", str(n), b"") for n in range(5))
    tasks.ahead(4)
    assert [[t.source for t in tasks.take(k) or []] for k in (1, 2, 4)] == [
        ["0"], ["1", "2"], ["3", "4"]]


def test_json_lines_counted_ahead_still_come_in_blocks_of_the_size_asked():
    lines = JsonLines(io.BytesIO(b"{}\n{}\n{}\n"), "x.jsonl")
    lines.ahead(3)
    first, rest = lines.take(1), lines.take(5)
    assert first is not None and rest is not None
    assert (first.first, len(first.lines), rest.first, len(rest.lines)) == (1, 1, 2, 2)
