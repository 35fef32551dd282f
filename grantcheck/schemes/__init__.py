"""The schemes: one package each, found here, not registered anywhere.

A scheme is a package below this one whose name is its id with ``_`` for ``-``
(``dk_smv_digital`` is ``dk-smv-digital``). Its ``__init__`` is light (``ID``, ``COUNTRY``,
``CURRENCY``); its ``scheme`` module holds ``SCHEME`` and is imported only when the scheme is
asked for; its ``budget`` module, if it has one, holds the budget checker ``CHECKER``.

Folders named in the environment variable ``GRANTCHECK_SCHEMES_PATH`` (separated as ``PATH``
is) are searched too: that is how the test suite adds a scheme of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from grantcheck.named import NamedTuple

if TYPE_CHECKING:
    from grantcheck.engine import Scheme

__path__ = [*__path__, *(p for p in os.environ.get("GRANTCHECK_SCHEMES_PATH", "").split(
    os.pathsep) if p)]


def _children(folders: list[str]) -> Iterator[tuple[str, bool, str]]:
    """(name, is a package, folder) of each module or package in ``folders``, the first of a
    name only: what ``pkgutil.iter_modules`` lists, in its order, by its steps (a folder with no
    dot in its name holding an ``__init__`` is a package), without importing pkgutil on
    match's start-up (``inspect`` is imported by typer already)."""
    from inspect import getmodulename

    seen: set[str] = set()
    for folder in folders:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for file in names:
            name, is_package = getmodulename(file), False
            if name == "__init__" or name in seen:
                continue
            path = os.path.join(folder, file)
            if not name and "." not in file and os.path.isdir(path):
                try:
                    inside = os.listdir(path)
                except OSError:
                    inside = []
                if not any(getmodulename(f) == "__init__" for f in inside):
                    continue
                name, is_package = file, True
            if name and "." not in name and name not in seen:
                seen.add(name)
                yield name, is_package, folder


def _discover() -> dict[str, str]:
    """id -> package name, ordered by id (so by country, then name)."""
    found = {name.replace("_", "-"): name for name, is_package, _ in _children(__path__)
             if is_package and not name.startswith("_")}
    return dict(sorted(found.items()))


PACKAGES: dict[str, str] = _discover()
SCHEME_IDS = tuple(PACKAGES)


def _added() -> dict[str, str]:
    """id -> the folder of each package found through GRANTCHECK_SCHEMES_PATH and not among
    grantcheck's own (the first on the path, as the import finds it)."""
    if len(__path__) == 1:  # the variable is not set: nothing is listed on match's start-up
        return {}
    own = {name for name, _, _ in _children(__path__[:1])}
    found: dict[str, str] = {}
    for name, is_package, folder in _children(__path__[1:]):
        if is_package and not name.startswith("_") and name not in own:
            found.setdefault(name.replace("_", "-"), folder)
    return found


# a package of the user's that cannot be loaded is the user's to fix (BrokenScheme)
_ADDED = _added()


class BrokenScheme(Exception):
    """A scheme package found through ``GRANTCHECK_SCHEMES_PATH`` that cannot be loaded (an
    error on import, no ``scheme`` module, no ``SCHEME`` or ``ID``): said as the user's error
    (exit 2), not as a bug of grantcheck's."""

    def __init__(self, scheme_id: str, why: str) -> None:
        folder = _ADDED[scheme_id]
        self.message = (f"GRANTCHECK_SCHEMES_PATH: the package {PACKAGES[scheme_id]} in "
                        f"{folder} (scheme '{scheme_id}') cannot be loaded: {why}")
        self.hint = ("a scheme package holds __init__.py (ID, COUNTRY, CURRENCY) and scheme.py "
                     "(SCHEME), as docs/adding-a-scheme.md shows; fix it, or take "
                     f"{folder} out of GRANTCHECK_SCHEMES_PATH")
        super().__init__(self.message)


def canonical_id(scheme_id: str) -> str:
    """``scheme_id`` as the scheme's id when it is one written in another case
    (``DK-SMV-DIGITAL``, ``No-Bedriftsnettverk``: read as a country or a currency is, in any
    case); otherwise as given (an unknown id is refused where it is looked up)."""
    lower = scheme_id.lower()
    return lower if lower in PACKAGES else scheme_id


class UnknownScheme(KeyError):
    def __init__(self, scheme_id: str) -> None:
        import difflib

        self.scheme_id = scheme_id
        # a name as the page writes it ('SMV:Digital', 'Prosessinnovasjon') as an id's words
        words = "-".join("".join(c if c.isalnum() else " " for c in scheme_id.lower()).split())
        within = [i for i in SCHEME_IDS if words and words in i]
        close = within or difflib.get_close_matches(words, SCHEME_IDS, n=1)
        self.hint = ("known: " + ", ".join(SCHEME_IDS) if not close else
                     f"did you mean {' or '.join(repr(i) for i in close)}?")
        super().__init__(scheme_id)


class NoBudgetRules(LookupError):
    """A scheme that states no budget rules (it has no ``budget`` module)."""

    def __init__(self, scheme_id: str) -> None:
        self.scheme_id = scheme_id
        with_rules = [i for i in SCHEME_IDS if has_budget(i)]
        self.hint = "schemes with budget rules: " + ", ".join(with_rules)
        super().__init__(scheme_id)


def package(scheme_id: str, part: str = "") -> ModuleType:
    """The scheme's package (or one of its modules); UnknownScheme with a hint."""
    if scheme_id not in PACKAGES:
        raise UnknownScheme(scheme_id)
    name = f"{__name__}.{PACKAGES[scheme_id]}"
    if scheme_id not in _ADDED:
        return import_module(f"{name}.{part}" if part else name)
    try:
        return import_module(f"{name}.{part}" if part else name)
    except Exception as e:  # a package of the user's: any error on import is its own
        raise BrokenScheme(scheme_id, f"{type(e).__name__}: {e}") from None


def _of(scheme_id: str, module: ModuleType, name: str) -> Any:
    """``module``'s ``name`` (a scheme's ``SCHEME``, ``ID``); BrokenScheme for a package found
    through GRANTCHECK_SCHEMES_PATH without it."""
    if scheme_id in _ADDED and not hasattr(module, name):
        raise BrokenScheme(scheme_id, f"{module.__name__} has no {name}")
    return getattr(module, name)


class Info(NamedTuple):
    """What a scheme's light ``__init__`` says of it."""

    id: str
    country: str
    currency: str


def info(scheme_id: str) -> Info:
    p = package(scheme_id)
    return Info(*(_of(scheme_id, p, name) for name in ("ID", "COUNTRY", "CURRENCY")))


def currencies() -> dict[str, str]:
    """country -> the currency its schemes state amounts in."""
    return {i.country: i.currency for i in map(info, SCHEME_IDS)}


_LOADED: dict[str, Scheme] = {}


def get(scheme_id: str) -> Scheme:
    """The scheme of this id, its module imported on first use; UnknownScheme with a hint."""
    scheme = _LOADED.get(scheme_id)
    if scheme is None:
        scheme = _LOADED[scheme_id] = _of(scheme_id, package(scheme_id, "scheme"), "SCHEME")
    return scheme


def all_schemes() -> list[Scheme]:
    return [get(i) for i in SCHEME_IDS]


def has_budget(scheme_id: str) -> bool:
    p = package(scheme_id)
    return any(name == "budget" for name, _, _ in _children(list(p.__path__)))


def budget_module(scheme_id: str) -> ModuleType:
    """The scheme's ``budget`` module; NoBudgetRules if it states no budget rules."""
    if not has_budget(scheme_id):
        raise NoBudgetRules(scheme_id)
    return package(scheme_id, "budget")


Sections = tuple[tuple[str, tuple[str, ...]], ...]


def sections(scheme_id: str) -> Sections:
    """A scheme's rule ids grouped under the headings of the requirements catalogue: the
    headings in the order the scheme module's ``SECTION_ORDER`` gives (else in the order of the
    rules; the legal basis first), the ids in the order of the rules (each rule's
    ``section``)."""
    from grantcheck.engine.encoded import SECTION as ENCODED_SECTION

    groups: dict[str, list[str]] = {}
    for rule in get(scheme_id).rules:
        groups.setdefault(rule.section, []).append(rule.id)
    order: tuple[str, ...] = getattr(package(scheme_id, "scheme"), "SECTION_ORDER", ())
    rank = {heading: i for i, heading in enumerate(order)}
    rank[ENCODED_SECTION] = -1  # the legal basis, every scheme's first rule, comes first
    headings = sorted(groups, key=lambda h: rank.get(h, len(rank)))
    return tuple((heading, tuple(groups[heading])) for heading in headings)
