"""An --input file that cannot be read to its end (a truncated gzip file) was 'Aborted.',
exit 1: now an Error naming the file, exit 2, what was read before kept (batch)."""

from __future__ import annotations

import gzip

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.robustness.helpers import ROOT

runner = CliRunner()
HINT = "Hint: the file is cut short or damaged: download it again (gzip -t FILE tests a .gz)"
TRUNCATED = ("the gzip file is truncated (it ends before gzip's end-of-stream marker)")


@pytest.fixture
def cut(tmp_path):
    """A Brønnøysund extract of 3,000 rows, gzip, cut in half."""
    lines = (ROOT / "tests" / "registry" / "data" / "enheter.csv").read_bytes().splitlines(
        keepends=True)
    body = b"".join(lines[1 + i % (len(lines) - 1)] for i in range(3000))
    data = gzip.compress(lines[0] + body, mtime=0)
    path = tmp_path / "enheter.csv.gz"
    path.write_bytes(data[:len(data) // 2])
    return path


def invoke(*args: str):
    return runner.invoke(app, [*args, "--as-of", "2026-11-23"], env={"NO_COLOR": "1"})


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_of_a_truncated_gzip_keeps_what_came_before_and_says_so(cut, jobs):
    r = invoke("batch", "--input", str(cut), "-f", "csv", "-j", jobs)
    assert r.exit_code == 2
    rows = r.stdout.splitlines()
    assert rows[0].startswith("source,") and len(rows) > 100
    assert r.stderr.splitlines()[-2:] == [
        f"Error: --input {cut}: cannot be read to its end: {TRUNCATED}; the "
        f"{len(rows) - 1} inputs before that point were checked and written, the rest were "
        "not read", HINT]
    assert "Aborted." not in r.stderr


def test_a_gzip_truncated_before_its_first_unit_is_an_error(cut):
    head = cut.read_bytes()[:40]
    cut.write_bytes(head)
    r = invoke("batch", "--input", str(cut), "--input-format", "brreg-enheter", "-f", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [f"Error: --input {cut}: cannot be read: {TRUNCATED}", HINT]


def test_a_shortlist_of_a_truncated_gzip_ranks_nothing(cut):
    """A ranking of half the file would pass for the whole."""
    r = invoke("shortlist", "--input", str(cut), "-f", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines()[-2:] == [
        f"Error: --input {cut}: cannot be read to its end: {TRUNCATED}", HINT]


def test_outreach_of_a_truncated_gzip_is_an_error(cut, tmp_path):
    r = invoke("outreach", "--input", str(cut), "-o", str(tmp_path / "pack"))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == HINT
    assert not (tmp_path / "pack" / "summary.md").exists()
