"""pydantic's plugin loader, stood in for while plugins are disabled.

pydantic imports ``pydantic.plugin._loader`` when it builds its first validator, and that module
imports ``importlib.metadata`` (with ``email``, ``zipfile`` and ``importlib.resources``: about
3 % of `match`'s start-up) for ``get_plugins()``, which returns nothing while
``PYDANTIC_DISABLE_PLUGINS`` disables every plugin, as the command line sets it. The stand-in
answers ``get_plugins()`` the same way without the import; asked for anything else, or with
plugins enabled, it loads the real module and hands over to it.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"
DISABLED = ("__all__", "1", "true")  # the values for which pydantic loads no plugin


class _Loader(types.ModuleType):
    def get_plugins(self) -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in DISABLED:
            return ()
        return _real().get_plugins()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's questions (__path__: not a package)
            raise AttributeError(name)
        return getattr(_real(), name)


def _real() -> types.ModuleType:
    """The real loader, imported in the stand-in's place."""
    import importlib.machinery
    import importlib.util

    import pydantic.plugin

    spec = importlib.machinery.PathFinder.find_spec(LOADER, pydantic.plugin.__path__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[LOADER] = module
    spec.loader.exec_module(module)
    return module


def stand_in() -> None:
    """Put the stand-in in place, when plugins are disabled and pydantic has not loaded the
    real loader yet."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in DISABLED and LOADER not in sys.modules:
        sys.modules[LOADER] = _Loader(LOADER)
