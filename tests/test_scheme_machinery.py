"""Scheme packages use the rule API, never the engine's machinery under it.

The engine's caches and fast paths (``ctx.once``, ``ctx.constant``, named tuples made with
``tuple.__new__``, a raised ``Missing``, memo dictionaries) stay in the engine, kept equal to the
plain path by its own differential tests. A scheme says the same with ``@derived``, ``@dated``,
``requires=``, ``missing(...)``/``unknown(...)`` returned, ``template(...)`` and module-level
constants (docs/adding-a-scheme.md). The source of every module of every scheme package is
searched (comments and docstrings too: say it another way there), and every use is named by
file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from grantcheck.schemes import SCHEME_IDS, package

ROOT = Path(__file__).resolve().parent.parent

# (what is searched, what it is, what to write instead)
MACHINERY = (
    (r"\.once\(", "ctx.once(", "a @derived helper"),
    (r"\.constant\(", "ctx.constant(", "a @dated helper"),
    (r"\blru_cache\b", "lru_cache", "a module-level constant, or a @dated helper"),
    (r"\bfunctools\.cache\b|from functools import [^\n]*\bcache\b", "functools.cache",
     "a module-level constant, or a @dated helper"),
    (r"\btuple\.__new__\b|\b_tuple_new\b", "tuple.__new__",
     "the engine's passed/failed/check/unknown/info"),
    (r"\braise Missing\b|\bMissing\(", "raise Missing / Missing(",
     "requires=, missing(...) returned, or ctx.need in a @derived helper"),
    (r"\bshared_info\b", "shared_info", "an info(...) Check made once at import"),
    (r"\b_memo\b", "_memo", "a @derived helper"),
)


def modules(scheme_id: str) -> list[Path]:
    return sorted(p for folder in package(scheme_id).__path__ for p in Path(folder).glob("*.py"))


def uses(path: Path) -> list[str]:
    """'file:line: what (write instead)' for every use of the machinery in one module."""
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for pattern, what, instead in MACHINERY:
            if re.search(pattern, line):
                found.append(f"{name}:{number}: {what} (write {instead})")
    return found


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_the_scheme_package_uses_the_rule_api_not_the_machinery(scheme_id: str) -> None:
    found = [use for path in modules(scheme_id) for use in uses(path)]
    assert not found, (f"{scheme_id} uses the engine's machinery {len(found)} time(s):\n"
                       + "\n".join(found))


def test_the_search_finds_each_kind_of_use(tmp_path: Path) -> None:
    module = tmp_path / "rules.py"
    module.write_text("x = ctx.once(f)\ny = ctx.constant(g)\n@lru_cache(maxsize=8)\n"
                      "from functools import cache\nc = _tuple_new(Check, ())\n"
                      "raise Missing('a')\nshared_info('t')\nctx._memo.clear()\n"
                      "fine = constant('p', 'rate', 1, C)  # grantcheck.parameters.constant\n",
                      encoding="utf-8")
    lines = [use.split(":")[1] for use in uses(module)]
    assert lines == [str(n) for n in range(1, 9)]
