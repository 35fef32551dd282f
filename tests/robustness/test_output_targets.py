"""--output onto its own input, or onto something that is not a regular file (/dev/null's
copy, a FIFO), replaced what was there with a regular file, --force or not: now refused."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from typer.testing import CliRunner

from grantcheck.atomic import NotAFile, SameAsInput, atomic_text
from grantcheck.cli import app
from tests.robustness.helpers import AS_OF, PROFILES

runner = CliRunner()
NORDLYS = PROFILES / "nordlys-automation.toml"
posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")


def invoke(*args: str):
    return runner.invoke(app, [*args, "--as-of", AS_OF], env={"NO_COLOR": "1"})


@pytest.fixture
def profile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(NORDLYS, tmp_path / "self.toml")
    return tmp_path / "self.toml"


def test_batch_output_over_its_own_input_is_refused_with_force(profile):
    before = profile.read_bytes()
    r = invoke("batch", "self.toml", "-o", str(profile), "--force")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --output {profile}: is the input self.toml: writing it would replace what "
        "is being read", "Hint: write the output to another file"]
    assert profile.read_bytes() == before


@posix
def test_batch_output_through_a_link_to_its_input_is_refused(profile):
    (profile.parent / "link.toml").symlink_to(profile)
    r = invoke("batch", "self.toml", "-o", "link.toml", "--force", "-f", "csv")
    assert r.exit_code == 2
    assert "is the input self.toml" in r.stderr


def test_batch_output_over_its_input_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = tmp_path / "in.jsonl"
    rows.write_text('{"company": {"name": "A ApS", "country": "DK"}}\n', encoding="utf-8")
    r = invoke("batch", "--input", "in.jsonl", "-o", "./in.jsonl", "--force", "-f", "jsonl")
    assert r.exit_code == 2 and "is the input in.jsonl" in r.stderr
    assert rows.read_text(encoding="utf-8").startswith('{"company"')


def test_batch_output_as_a_profile_in_an_input_folder_is_refused(profile):
    r = invoke("batch", str(profile.parent), "-o", "fits.toml", "-f", "jsonl")
    assert r.exit_code == 2
    assert f"is inside the input folder {profile.parent}" in r.stderr


def test_batch_output_beside_its_input_under_another_name_is_written(profile):
    r = invoke("batch", "self.toml", "-o", "fits.csv", "-f", "csv")
    assert r.exit_code == 0, r.stderr


@posix
@pytest.mark.parametrize("command", [["batch", str(NORDLYS), "--as-of", AS_OF], ["schema"]])
def test_a_fifo_is_never_replaced_with_force(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    os.mkfifo("fifo.toml")
    r = runner.invoke(app, [*command, "-o", "fifo.toml", "--force"])
    assert r.exit_code == 2
    assert "is a FIFO (named pipe), not a regular file: it is never replaced" in (
        r.stderr)
    assert not os.path.isfile("fifo.toml") and os.path.exists("fifo.toml")


@posix
def test_atomic_text_refuses_a_character_device(tmp_path):
    link = tmp_path / "null"
    link.symlink_to(os.devnull)  # stands for a copy made with mknod (which needs root)
    with pytest.raises(NotAFile, match="is a character device"), atomic_text(link, force=True):
        pass
    assert link.is_symlink()


def test_atomic_text_refuses_one_of_its_inputs(tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(SameAsInput), atomic_text(target, force=True, inputs=[target]):
        pass
    assert target.read_text(encoding="utf-8") == "x"
