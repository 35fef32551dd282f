"""Issue 19: output that cannot be written, output paths of every kind, encodings, and batch
inputs that were lost without a word (unreadable folders, CSV and JSON Lines framing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from grantcheck.atomic import FileExists, atomic_text
from grantcheck.batch import path_tasks
from tests.robustness.helpers import AS_OF, PROFILES, assert_clean_error, cli

NORDLYS = str(PROFILES / "nordlys-automation.toml")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_match_to_a_full_disk_is_a_clear_error(fmt):
    """`match … > /dev/full` was "No space left … this is a bug" (exit 3)."""
    with open("/dev/full", "wb") as full:
        r = cli("match", NORDLYS, "--as-of", AS_OF, "--format", fmt, stdout=full.fileno())
    assert_clean_error(r, "Error: cannot write the output to stdout: No space left on device")


def test_a_latin_1_stdout_gets_escapes_not_a_crash():
    r = cli("match", NORDLYS, "--as-of", AS_OF, env={"PYTHONIOENCODING": "latin-1"})
    assert r.returncode in (0, 1), r.stderr
    assert b"internal error" not in r.stderr


def test_batch_output_to_a_folder_is_refused_before_any_work(tmp_path):
    for force in ([], ["--force"]):
        r = cli("batch", str(PROFILES), "-o", str(tmp_path), "--as-of", AS_OF, *force)
        assert_clean_error(r, f"Error: --output {tmp_path}: is a folder", "Hint: give a file")


def test_batch_output_through_a_dangling_symlink(tmp_path):
    link = tmp_path / "fits.csv"
    link.symlink_to(tmp_path / "real.csv")
    r = cli("batch", str(PROFILES), "-o", str(link), "-f", "csv", "--as-of", AS_OF)
    assert_clean_error(r, "already exists", "Hint: use --force")
    r = cli("batch", str(PROFILES), "-o", str(link), "-f", "csv", "--as-of", AS_OF, "--force")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and (tmp_path / "real.csv").read_text().startswith("source,")
    assert b"Wrote 6 records to" in r.stderr


def test_an_output_that_appears_meanwhile_keeps_both(tmp_path):
    """Two batches racing for one --output: the work of the second was thrown away (exit 3)."""
    target = tmp_path / "fits.csv"
    with pytest.raises(FileExists) as e, atomic_text(target, keep=True) as fh:
        fh.write("ours")
        target.write_text("theirs", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "theirs"
    assert e.value.kept == tmp_path / "fits.csv.1"
    assert e.value.kept.read_text(encoding="utf-8") == "ours"


def test_an_interrupted_rerun_is_written_beside_the_file_it_would_replace(tmp_path):
    """Ctrl-C on a --force rerun replaced yesterday's complete output with a partial one."""
    target = tmp_path / "fits.csv"
    target.write_text("complete", encoding="utf-8")
    partial = tmp_path / "fits.csv.partial"
    with atomic_text(target, force=True, where=lambda: partial) as fh:
        fh.write("partial")
    assert target.read_text(encoding="utf-8") == "complete"
    assert partial.read_text(encoding="utf-8") == "partial"


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_a_file_name_that_is_not_utf8_loses_no_record(tmp_path):
    """One such name in the folder lost all records of `batch --output` (exit 3)."""
    folder = tmp_path / "in"
    folder.mkdir()
    data = Path(NORDLYS).read_bytes()
    (folder / "a.toml").write_bytes(data)
    with open(os.path.join(os.fsencode(folder), b"n\xe6.toml"), "wb") as fh:
        fh.write(data)
    out = tmp_path / "fits.csv"
    r = cli("batch", str(folder), "-o", str(out), "-f", "csv", "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_an_unreadable_subfolder_is_an_error_record(tmp_path, monkeypatch):
    """Its profiles were skipped, exit 0, no message (root reads any folder: simulated)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.toml").write_text("", encoding="utf-8")
    (tmp_path / "b").mkdir()
    real = os.scandir

    def scandir(path):
        if str(path).endswith("b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    tasks = list(path_tasks([str(tmp_path)]))
    assert [(t.kind, Path(t.source).name) for t in tasks] == [("toml", "x.toml"),
                                                             ("missing", "b")]
    assert "cannot be read (Permission denied)" in tasks[1].payload


def test_a_stray_quote_in_a_csv_names_the_rows_it_swallowed(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text('name,country\nA,DK\n"B,DK\nC,DK\nD,DK\n', encoding="utf-8")
    r = cli("batch", "--input", str(p), "-f", "csv", "--as-of", AS_OF, "-j", "1")
    assert r.returncode == 4
    assert b"r.csv:3: has 1 cell where the header has 2 columns; a quote opened in it is " \
           b"not closed, so lines 3-5 were read as this one row" in r.stderr


def test_json_lines_with_cr_only_line_ends_say_so(tmp_path):
    p = tmp_path / "r.jsonl"
    line = b'{"company": {"name": "A", "country": "DK"}}'
    p.write_bytes(line + b"\r" + line + b"\r")
    r = cli("batch", "--input", str(p), "-f", "csv", "--as-of", AS_OF, "-j", "1")
    assert r.returncode == 4
    assert b"carriage returns: were its line ends written as CR only?" in r.stderr


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    """SIGKILL of the main process left both workers running for good."""
    p = tmp_path / "r.jsonl"
    line = b'{"company": {"name": "A", "country": "DK"}}\n'
    p.write_bytes(line * 200_000)
    proc = subprocess.Popen([sys.executable, "-m", "grantcheck.cli", "batch", "--input", str(p),
                             "-f", "csv", "--as-of", AS_OF, "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import time

    deadline = time.monotonic() + 20
    children: list[int] = []
    while time.monotonic() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = _children(proc.pid)
    assert len(children) == 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(c) for c in children):
        time.sleep(0.2)
    assert not any(_alive(c) for c in children)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(c) for c in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
