"""The layout of the package: small modules, imports that flow one way.

Imports are read from the source with ``ast``, not by importing: an import at module level and
one inside a function both count (a function-level import is a dependency all the same, only a
lazy one); an import under ``if TYPE_CHECKING:`` does not count for the cycle check (it is never
run), but counts for the CLI and Rich checks (a type from the CLI or Rich is a dependency on
them too). An import names one module: ``from grantcheck.engine import Ctx`` is an edge to the
package ``grantcheck.engine`` (its ``__init__``), ``from grantcheck.engine import rules`` one
to ``grantcheck.engine.rules``; the parent packages Python runs on the way are not edges
(otherwise every package whose ``__init__`` re-exports its modules would be a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "grantcheck"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


FILES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported module, only when type checking) for every import statement of ``module``."""
    path = FILES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, typing_only)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, typing_only) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub if sub in FILES else base, typing_only))
        for child in ast.iter_child_nodes(node):
            visit(child, typing_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


IMPORTS = {m: _imports(m) for m in FILES}


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("module", sorted(FILES))
def test_no_module_is_over_400_lines(module):
    """A module a reader takes in at once, the scheme packages' modules included."""
    lines = len(FILES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{FILES[module].relative_to(ROOT)}: {lines} lines"


def test_no_import_cycle():
    graph = {m: sorted({target for target, typing_only in IMPORTS[m]
                        if not typing_only and target in FILES and target != m})
             for m in FILES}
    state: dict[str, int] = {}  # 1: on the path being walked; 2: done, no cycle through it
    path: list[str] = []

    def walk(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in graph[m]:
            if state.get(n) == 1:
                return [*path[path.index(n):], n]
            if n not in state and (cycle := walk(n)):
                return cycle
        path.pop()
        state[m] = 2
        return None

    for m in graph:
        if m not in state:
            cycle = walk(m)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_check_sees_function_level_imports_and_skips_type_checking_ones():
    """The walk itself: a lazy import is an edge, a TYPE_CHECKING one is not."""
    imports = dict(IMPORTS["grantcheck.profile.types"])
    assert imports["grantcheck.schemes"] is False  # inside country_currency()
    context = dict(IMPORTS["grantcheck.engine.context"])
    assert context["grantcheck.profile"] is True  # Profile, for the annotations


def test_nothing_outside_the_cli_imports_it():
    """The CLI is the top: parse, call the library, pick a renderer (``python -m
    grantcheck``, grantcheck/__main__.py, only calls it)."""
    wrong = [(m, target) for m in FILES
             if not _in(m, "grantcheck.cli") and m != "grantcheck.__main__"
             for target, _ in IMPORTS[m] if _in(target, "grantcheck.cli")]
    assert wrong == []


def test_only_the_cli_and_the_renderers_import_rich():
    """Presentation lives in cli/ and render/: the library and the schemes never print."""
    wrong = [(m, target) for m in FILES
             if not (_in(m, "grantcheck.cli") or _in(m, "grantcheck.render"))
             for target, _ in IMPORTS[m] if _in(target, "rich")]
    assert wrong == []
