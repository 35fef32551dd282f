"""Message templates: what a rule says, written once at a module's top level with named values.

A rule whose words carry the profile's figures says them through a :class:`Message`::

    T_TOO_OLD = Message("registered {registered}; eligible up to and including {until}",
                        fix="the company passed its anniversary on {until}")

    return T_TOO_OLD.failed(registered=start, until=last)

The check's message is then a :class:`Said` (the template and its values), made into words only
when it is shown, and the compact batch record writes the template's id and the values instead
of the words (docs/batch.md, "The compact record"); ``grantcheck schemes --catalogue`` lists every
template by id. A template's fields are plain ``{name}``: a value is shown as ``str(value)``, so
the words made from a record's values are the words the rule said.
"""

from __future__ import annotations

import hashlib
import string
import sys
from typing import TYPE_CHECKING

from grantcheck.engine.checks import Check, _fix_for, _tuple_new

if TYPE_CHECKING:
    from collections.abc import Mapping

_MADE: list[Message] = []  # every template, in the order the modules made them


def messages() -> dict[str, Message]:
    """Every template made so far, by id (the catalogue's ``messages``; the same words made
    twice are one)."""
    out: dict[str, Message] = {}
    for m in _MADE:
        out.setdefault(m.id, m)
    return out


FROM_FIELDS = {"missing": ", ", "missing_and": " and "}
"""The fields a template may fill from the finding's missing fields, joined by these: a compact
record leaves out such a value when it is so (docs/batch.md)."""


def _field_names(text: str) -> list[str]:
    """The names of ``text``'s fields (ValueError for a field that is not a plain name)."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"a message template's fields are plain names: {{{name}}} in "
                             f"{text!r}")
        names.append(name)
    return names


class Message:
    """A rule's message template (``text``) and the fix it suggests (``fix``, a template too),
    with a stable id: ``m:`` and 10 hex digits of the sha256 of both (the same words, the same
    id, on every machine). Its id and fields are worked out when first asked for, not at
    import (a command's start-up makes some 250)."""

    __slots__ = ("_fields", "_id", "fix", "module", "text")

    def __init__(self, text: str, fix: str = "", *, _caller: int = 1) -> None:
        self.text, self.fix = text, fix
        # the module that says it (a catalogue lists its schemes' templates only)
        self.module: str = sys._getframe(_caller).f_globals.get("__name__", "")
        self._id: str | None = None
        self._fields: frozenset[str] | None = None
        _MADE.append(self)

    @property
    def id(self) -> str:
        if self._id is None:
            import json  # here: a command that shows no id (match) never imports it

            words = json.dumps([self.text, self.fix], ensure_ascii=False)
            self._id = "m:" + hashlib.sha256(words.encode()).hexdigest()[:10]
        return self._id

    @property
    def fields(self) -> frozenset[str]:
        """The names of its fields (ValueError when one is not a plain name)."""
        if self._fields is None:
            self._fields = frozenset(_field_names(self.text) + _field_names(self.fix))
        return self._fields

    def __repr__(self) -> str:
        return f"Message({self.text!r})"

    def __call__(self, **values: object) -> Said:
        """The message said with ``values`` (one for each field of the text and the fix)."""
        return Said(self, values)

    def _fix(self, said: Said) -> object:
        return said.fix if self.fix else ""

    def passed(self, **values: object) -> Check:
        said = Said(self, values)
        return _tuple_new(Check, (True, said, "", (), False))

    def failed(self, **values: object) -> Check:
        said = Said(self, values)
        return _tuple_new(Check, (False, said, self._fix(said), (), False))

    def check(self, ok: bool, /, **values: object) -> Check:
        said = Said(self, values)
        return _tuple_new(Check, (ok, said, "" if ok else self._fix(said), (), False))

    def unknown(self, *fields: str, **values: object) -> Check:
        """Unknown, naming the ``fields`` that would settle it; the fix is the template's, or
        "state … in the profile"."""
        said = Said(self, values)
        return _tuple_new(Check, (None, said, self._fix(said) or _fix_for(fields), fields,
                                  False))

    def info(self, **values: object) -> Check:
        said = Said(self, values)
        return _tuple_new(Check, (True, said, "", (), True))


class Said:
    """A :class:`Message` with its values: called, it makes the words (``str`` of each value
    put in its field)."""

    __slots__ = ("_strings", "message", "values")

    def __init__(self, message: Message, values: Mapping[str, object]) -> None:
        self.message, self.values = message, values
        self._strings: dict[str, str] | None = None

    def strings(self) -> dict[str, str]:
        """The values as the words show them (and as a compact record writes them): ``str`` of
        each, or what it makes when it is a function (a text made only when it is shown). Made
        once: the message, the fix and a record share them (do not change the dict)."""
        made = self._strings
        if made is None:
            made = self._strings = {k: v if type(v) is str else v() if callable(v) else str(v)
                                    for k, v in self.values.items()}
        return made

    def __call__(self) -> str:
        return self.message.text.format_map(self.strings())

    def fix(self) -> str:
        return self.message.fix.format_map(self.strings())

    def __repr__(self) -> str:
        return f"Said({self.message.id}, {self.values!r})"


class Because(Message):
    """The words of a fact not stated with why it is needed (:func:`because`); shown as a text
    (``str``), it is the reason."""

    __slots__ = ("why",)

    def __init__(self, why: str) -> None:
        plain = why.replace("{", "{{").replace("}", "}}")
        super().__init__(f"the profile does not state {{missing}} ({plain})",
                         fix="state {missing_and} in the profile", _caller=3)
        self.why = why

    def __str__(self) -> str:
        return self.why


def because(why: str) -> Because:
    """Why a fact is needed, written once at a module's top level and given as ``why=`` to
    ``missing`` or ``lacking``: the unknown then says "the profile does not state FIELD
    (WHY)", and a compact record names those words by the template's id, not in words."""
    return Because(why)
