"""Atomic writes: complete or nothing, never clobbering without force."""

from __future__ import annotations

import os

import pytest

from grantcheck.atomic import FileExists, atomic_text, write_text_atomic


def test_writes_a_new_file(tmp_path):
    target = tmp_path / "out.txt"
    write_text_atomic(target, "hello\n")
    assert target.read_text(encoding="utf-8") == "hello\n"
    assert list(tmp_path.iterdir()) == [target]


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExists):
        write_text_atomic(target, "theirs")
    assert target.read_text(encoding="utf-8") == "mine"
    assert list(tmp_path.iterdir()) == [target]


def test_overwrites_with_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_an_interrupted_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt), atomic_text(target) as fh:
        fh.write("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_overwrite_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target, force=True) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_file_that_appears_meanwhile_is_not_clobbered(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(FileExists), atomic_text(target) as fh:
        fh.write("ours")
        target.write_text("someone else's", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "someone else's"


def test_a_new_file_gets_the_mode_open_gives_and_a_replaced_one_keeps_its_mode(tmp_path):
    """mkstemp makes its file 0600; the file written is as open() would make it (0666 less the
    umask), and a file replaced with force keeps its own permissions."""
    old = os.umask(0o027)
    try:
        new = tmp_path / "new.csv"
        write_text_atomic(new, "x")
        assert new.stat().st_mode & 0o777 == 0o640
        kept = tmp_path / "kept.csv"
        kept.write_text("mine", encoding="utf-8")
        kept.chmod(0o604)
        write_text_atomic(kept, "y", force=True)
        assert kept.stat().st_mode & 0o777 == 0o604 and kept.read_text(encoding="utf-8") == "y"
    finally:
        os.umask(old)
