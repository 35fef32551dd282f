"""The registry of schemes. Each scheme is one module, imported only when asked for."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grantcheck.engine import Scheme

# id -> module name, in the order of the catalogue
MODULES: dict[str, str] = {
    "no-bedriftsnettverk": "bedriftsnettverk",
    "no-prosessinnovasjon": "prosessinnovasjon",
    "se-saker-digitalisering": "saker_digitalisering",
    "dk-smv-digital": "smv_digital",
    "dk-innobooster-people": "innobooster_people",
}
SCHEME_IDS = tuple(MODULES)


class UnknownScheme(KeyError):
    def __init__(self, scheme_id: str) -> None:
        import difflib

        self.scheme_id = scheme_id
        close = difflib.get_close_matches(scheme_id, SCHEME_IDS, n=1)
        self.hint = f"did you mean {close[0]!r}?" if close else "known: " + ", ".join(SCHEME_IDS)
        super().__init__(scheme_id)


_LOADED: dict[str, Scheme] = {}


def get(scheme_id: str) -> Scheme:
    """The scheme of this id, its module imported on first use; UnknownScheme with a hint."""
    scheme = _LOADED.get(scheme_id)
    if scheme is None:
        if scheme_id not in MODULES:
            raise UnknownScheme(scheme_id)
        module = import_module(f"grantcheck.schemes.{MODULES[scheme_id]}")
        scheme = _LOADED[scheme_id] = module.SCHEME
    return scheme


def all_schemes() -> list[Scheme]:
    return [get(i) for i in SCHEME_IDS]


Sections = tuple[tuple[str, tuple[str, ...]], ...]


def sections(scheme_id: str) -> Sections:
    """A scheme's rule ids grouped under the headings of the requirements catalogue, in its
    order (each scheme module's ``SECTIONS``)."""
    if scheme_id not in MODULES:
        raise UnknownScheme(scheme_id)
    found: Sections = import_module(f"grantcheck.schemes.{MODULES[scheme_id]}").SECTIONS
    return found
