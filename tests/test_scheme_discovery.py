"""grantcheck.schemes lists its packages (and the folders of GRANTCHECK_SCHEMES_PATH) without
importing pkgutil on match's start-up: ``_children`` must list what ``pkgutil.iter_modules``
lists, in its order, for any folder of modules, packages and other files."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grantcheck.schemes import _children

NAMES = st.sampled_from(["alpha", "beta", "a.b", "_private", "__init__", "gamma_delta", "x-y"])
KINDS = st.sampled_from(["py", "pyc", "so", "txt", "package", "package_pyc", "folder"])


def _make(folder: Path, name: str, kind: str) -> None:
    if kind == "package":
        (folder / name).mkdir(exist_ok=True)
        (folder / name / "__init__.py").write_text("")
    elif kind == "package_pyc":
        (folder / name).mkdir(exist_ok=True)
        (folder / name / "__init__.pyc").write_bytes(b"")
    elif kind == "folder":
        (folder / name).mkdir(exist_ok=True)
        (folder / name / "notes.txt").write_text("")
    elif kind == "so":
        (folder / f"{name}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    elif not (folder / name).is_dir():
        (folder / f"{name}.{kind}").write_text("")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), NAMES, KINDS), max_size=10))
def test_children_lists_what_pkgutil_lists(tmp_path_factory: pytest.TempPathFactory,
                                           entries: list[tuple[int, str, str]]) -> None:
    root = tmp_path_factory.mktemp("schemes")
    folders = [root / "one", root / "two"]
    for f in folders:
        f.mkdir()
    for where, name, kind in entries:
        if not (folders[where] / name).exists():
            _make(folders[where], name, kind)
    paths = [str(f) for f in folders] + [str(root / "missing")]
    expected = [(m.name, m.ispkg) for m in pkgutil.iter_modules(paths)]
    assert [(n, p) for n, p, _ in _children(paths)] == expected


def test_the_schemes_own_folder() -> None:
    import grantcheck.schemes as schemes

    folders = list(schemes.__path__)
    assert [(n, p) for n, p, _ in _children(folders)] == [
        (m.name, m.ispkg) for m in pkgutil.iter_modules(folders)]
