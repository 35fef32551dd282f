"""JSON Lines from a stream that stays open (`tail -f x.jsonl | grantcheck batch --input -
--input-format jsonl`): the records of the lines before a pause come out during the pause, not
when a block of 256 lines has filled or the stream ended."""

from __future__ import annotations

import contextlib
import io
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grantcheck.batch import InputError, JsonLines
from grantcheck.batch.stream import stream_of
from grantcheck.line_limit import LIMIT, LongLine
from tests.robustness.helpers import AS_OF, PROFILES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="select() on a pipe")

WAIT = 30  # seconds: what a step that must not wait for more input is allowed at the most


def _line(name: str = "nordlys-automation.toml") -> bytes:
    data = tomllib.loads((PROFILES / name).read_text(encoding="utf-8"))
    return json.dumps(data, default=str).encode() + b"\n"


def _pipe() -> tuple[io.BufferedReader, int]:
    """A pipe's reading end as stdin's buffer is (a buffered reader), and its writing end."""
    r, w = os.pipe()
    return open(r, "rb"), w


def _in_time(fn, *args):
    """``fn(*args)``, failing the test when it waits for more input instead of returning."""
    out: list = []
    t = threading.Thread(target=lambda: out.append(fn(*args)), daemon=True)
    t.start()
    t.join(WAIT)
    assert out, f"{fn.__name__} waited for input the stream had not sent"
    return out[0]


def _all_lines(lines: JsonLines) -> list[bytes]:
    """Every line ``lines`` gives, block after block, to the end."""
    out: list[bytes] = []
    while (block := lines.take(256)) is not None:
        out += block.lines
    return out


def test_a_block_ends_where_an_open_stream_pauses():
    fh, w = _pipe()
    try:
        lines = JsonLines(fh, "<stdin>")
        assert lines._stream is not None
        os.write(w, b'{"a": 1}\n\n{"b": 2}\n')
        block = _in_time(lines.take, 256)  # two lines and a blank one, not 256
        assert block.lines == [b'{"a": 1}\n', b"\n", b'{"b": 2}\n'] and block.first == 1
        assert not lines.ready()
        os.write(w, b'{"c": 3}')  # a line not ended yet: still not ready
        assert not lines.ready()
        os.write(w, b"\n")
        assert lines.ready()
        assert _in_time(lines.take, 256).lines == [b'{"c": 3}\n']
        os.close(w)
        w = -1
        assert lines.ready()  # the end can be told without waiting
        assert lines.take(256) is None
    finally:  # the writing end first: a reader still waiting then sees the end
        if w >= 0:
            os.close(w)
        fh.close()


def test_ahead_does_not_wait_for_a_second_profile_on_an_open_stream():
    """batch counts profiles ahead to start no more workers than profiles: on a stream that
    pauses after one, it waited for a second (or the end) before checking the first."""
    fh, w = _pipe()
    try:
        lines = JsonLines(fh, "<stdin>")
        os.write(w, b'\n{"a": 1}\n')
        assert not _in_time(lines.empty)
        assert _in_time(lines.ahead, 2) == 2  # more may come: counted as asked
        assert _in_time(lines.take, 256).lines == [b'{"a": 1}\n']
        os.write(w, b'{"b": 2}\n')
        os.close(w)
        w = -1
        assert lines.ahead(5) == 1  # ended: counted
        assert [t.source for t in lines] == ["<stdin>:3"]
    finally:  # the writing end first: a reader still waiting then sees the end
        if w >= 0:
            os.close(w)
        fh.close()


@contextlib.contextmanager
def _fed(*pieces: bytes) -> Iterator[io.BufferedReader]:
    """A pipe's reading end, another thread writing ``pieces`` to it one write each, then
    closing it."""
    fh, w = _pipe()

    def write() -> None:
        for piece in pieces:
            os.write(w, piece)
        os.close(w)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        yield fh
    finally:
        writer.join(WAIT)
        fh.close()


def test_a_long_line_in_an_open_stream_is_an_error_record_and_the_next_lines_are_read():
    with _fed(b'{"a": 1}\n', b"x" * (LIMIT + 5), b'\n{"b": 2}\n') as fh:
        lines = _all_lines(JsonLines(fh, "<stdin>"))
    assert lines[0] == b'{"a": 1}\n' and lines[2] == b'{"b": 2}\n'
    assert type(lines[1]) is LongLine and lines[1].length == LIMIT + 6


def test_a_first_line_over_the_limit_refuses_a_stream_as_it_refuses_a_file():
    with _fed(b"x" * (LIMIT + 1)) as fh, pytest.raises(InputError, match="not JSON Lines"):
        JsonLines(fh, "<stdin>").take(256)


def test_a_regular_file_and_other_readers_are_read_as_files(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    with open(path, "rb") as fh:
        assert stream_of(fh) is None
        assert JsonLines(fh, "x.jsonl").ready()
    assert stream_of(io.BytesIO(b"{}\n")) is None


@settings(max_examples=25, deadline=None)
@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\r", b"")), max_size=12),
       st.lists(st.integers(1, 30), min_size=1, max_size=8))
def test_a_stream_gives_the_tasks_a_file_gives_however_it_is_cut(pieces, cuts):
    """Whatever the stream sends when, the tasks (each line and its number) are a file's."""
    data = b"".join(pieces)
    expected = list(JsonLines(io.BytesIO(data), "f"))
    sent, at = [], 0
    while at < len(data):
        n = cuts[len(sent) % len(cuts)]
        sent.append(data[at:at + n])
        at += n
    with _fed(*sent) as fh:
        assert list(JsonLines(fh, "f")) == expected


def _batch_of_stdin(jobs: str) -> subprocess.Popen[bytes]:
    """``batch --input - --input-format jsonl --format jsonl`` reading a pipe this test writes."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("PYTHONUNBUFFERED", None)  # stdout a pipe, buffered: what is done must be flushed
    return subprocess.Popen([sys.executable, "-m", "grantcheck.cli", "batch", "--input", "-",
                             "--input-format", "jsonl", "--format", "jsonl", "--as-of", AS_OF,
                             "--jobs", jobs], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)


def _records_of(p: subprocess.Popen[bytes], lines: bytes) -> list[str]:
    """The sources of the records of ``lines``, written to ``p`` and read back while its
    stdin stays open."""
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write(lines)
    p.stdin.flush()
    got = b""
    while got.count(b"\n") < lines.count(b"\n"):
        ready, _, _ = select.select([p.stdout], [], [], WAIT)
        assert ready, f"no record within {WAIT} s of its line: {got[:200]!r}"
        chunk = os.read(p.stdout.fileno(), 1 << 20)
        assert chunk, p.stderr.read() if p.stderr else ""
        got += chunk
    return [json.loads(line)["profile"]["source"] for line in got.splitlines()]


def _end(p: subprocess.Popen[bytes]) -> None:
    if p.poll() is None:
        p.kill()
        p.wait()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_writes_the_records_of_an_open_stream_while_it_pauses(jobs):
    p = _batch_of_stdin(jobs)
    try:
        assert _records_of(p, _line() * 2) == ["<stdin>:1", "<stdin>:2"]
        assert p.stdin is not None and p.stdout is not None
        p.stdin.write(_line())
        p.stdin.close()
        rest = p.stdout.read()
        assert p.wait(WAIT) == 0
        assert [json.loads(line)["profile"]["source"]
                for line in rest.splitlines()] == ["<stdin>:3"]
    finally:
        _end(p)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_while_an_open_stream_pauses_ends_the_batch_at_once(jobs):
    """Ctrl-C while batch waited for the next line of a paused stream was taken after that line
    came (or the stream ended), and the line read before was not written."""
    p = _batch_of_stdin(jobs)
    try:
        _records_of(p, _line())
        time.sleep(0.5)  # batch waits for the next line
        p.send_signal(signal.SIGINT)
        assert p.wait(WAIT) == 130
        assert p.stderr is not None
        assert "Interrupted: 1 input was checked and written" in p.stderr.read().decode()
    finally:
        _end(p)
