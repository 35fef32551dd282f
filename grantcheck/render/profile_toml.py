"""A profile as a commented TOML file: what `grantcheck init` writes.

tomli-w writes each value (quoting, escaping, dates, arrays); this module lays out the tables in
the profile model's order and adds the comments tomli-w does not write: a header, a line per
table saying what it is, which rules read each answer, and, for every question answered "don't
know", a commented-out line ``# key = ?`` with what the field is and an example. The text is
parsed back with the profile loader before it is returned, so what is written is always valid.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import tomli_w

from grantcheck.fields import FieldSpec, profile_fields, prune
from grantcheck.plan import Plan, Reader, short_readers
from grantcheck.profile import ProfileError, parse_profile, profile_from_data


def _plain(value: Any) -> Any:
    """A whole Decimal as an int (tomli-w would write 1500000 as 1500000.0)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _line(key: str, value: Any, comment: str = "") -> str:
    if isinstance(value, dict):  # a figure within bounds: { min = 10, max = 19 }
        text = f"{key} = {{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + " }"
        return f"{text}  # {comment}" if comment else text
    text = tomli_w.dumps({key: _plain(value)}).rstrip("\n")
    return f"{text}  # {comment}" if comment else text


def read_by(readers: Iterable[Reader]) -> str:
    """The comment after a value: the rules that read it, "read by SMV35, PO12", or one rule with
    its title in brackets, "read by PO02 (The applicant is a Norwegian company)": a title is the
    rule's requirement, so after a value that does not meet it (country = "DK") it must not read
    as a statement about the company. Nothing reads it: ""."""
    rs = list(readers)
    if not rs:
        return ""
    if len(rs) > 1:
        return f"read by {short_readers(rs)}"
    r = rs[0]
    return f"read by {r.ref} ({r.title})" if r.ref and r.ref != "profile" else r.title


def _inline(value: Any) -> str:
    """A value as TOML on one line."""
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return tomli_w.dumps({"x": _plain(value)}).removeprefix("x = ").rstrip("\n")


class _Writer:
    def __init__(self, plan: Plan, data: dict[str, Any], unknown: Sequence[str]) -> None:
        self.plan = plan
        self.data = data
        self.unknown = set(unknown)
        self.lines: list[str] = []

    def _example(self, spec: FieldSpec) -> str:
        if spec.path == "documents.held":
            return "ids among " + _inline(list(self.plan.documents))
        for e in spec.examples:
            if isinstance(e, dict) or (isinstance(e, list) and e and isinstance(e[0], dict)):
                continue
            if spec.kind == "date" and isinstance(e, str):
                e = date.fromisoformat(e)  # the schema's examples are JSON: dates as text
            return "e.g. " + _inline(e)
        return ""

    def comment_unknown(self, spec: FieldSpec, path: str) -> None:
        ex = self._example(spec)
        who = short_readers(self.plan.readers_of(spec), titles=False)
        if spec.kind == "model" and spec.is_list:
            names = ", ".join(c.name for c in spec.children)
            self.lines.append(f"# {spec.name} = ?  # {spec.description}; add a [[{path}]] table "
                              f"per entry with: {names} ({who})")
            return
        what = spec.description + (f"; {ex}" if ex else "") + (f" ({who})" if who else "")
        self.lines.append(f"# {spec.name} = ?  # {what}")

    def scalars(self, spec: FieldSpec, path: str, values: dict[str, Any]) -> None:
        """The keys of one table that are written as `key = value` (a list of tables too when it
        is empty or unknown, so that `key = []` stays in this table), then its sub-tables."""
        for c in spec.children:
            cpath = f"{path}.{c.name}"
            if c.kind == "model" and (not c.is_list or values.get(c.name)):
                continue
            if c.name in values:
                readers = self.plan.readers_of(c)
                self.lines.append(_line(c.name, values[c.name], read_by(readers)))
            elif cpath in self.unknown:
                self.comment_unknown(c, cpath)
        for c in spec.children:
            if c.kind != "model":
                continue
            cpath = f"{path}.{c.name}"
            if c.is_list:
                self.entries(c, cpath, values.get(c.name))
            else:
                self.table(c, cpath, values.get(c.name) or {})

    def table(self, spec: FieldSpec, path: str, values: dict[str, Any]) -> None:
        has_unknown = any(u.startswith(path + ".") for u in self.unknown)
        if not values and not has_unknown:
            return
        self.lines.append("")
        self.lines.append(f"# {spec.description}")
        if values or spec.info.default_factory is not None:
            self.lines.append(f"[{path}]")
            self.scalars(spec, path, values)
            return
        # an empty table would state the table (e.g. documents held: none), so it stays a comment
        # the note a comment of its own: with the first '# ' removed, the header still reads
        self.lines.append(f"# [{path}]  # unknown: remove the '# ' here and below when you know")
        start = len(self.lines)
        self.scalars(spec, path, values)
        self.lines[start:] = [ln if ln.startswith("#") else f"# {ln}" for ln in self.lines[start:]]

    def entries(self, spec: FieldSpec, path: str, values: list[dict[str, Any]] | None) -> None:
        for i, entry in enumerate(values or []):
            self.lines.append("")
            if i == 0:
                self.lines.append(f"# {spec.description}")
            self.lines.append(f"[[{path}]]")
            self.scalars(spec, f"{path}[{i}]", entry)

    def document(self, header: Sequence[str]) -> str:
        self.lines += [f"# {h}" if h else "#" for h in header]
        tops = profile_fields()
        # keys of the root table come before the first table header: empty lists and unknowns
        for top in tops:
            if top.is_list and self.data.get(top.name) == []:
                self.lines.append("")
                self.lines.append(_line(top.name, [], read_by(self.plan.readers_of(top))))
            elif top.is_list and top.name in self.unknown:
                self.lines.append("")
                self.comment_unknown(top, top.name)
        for top in tops:
            if top.is_list:
                if self.data.get(top.name):
                    self.entries(top, top.name, self.data[top.name])
            else:
                self.table(top, top.name, self.data.get(top.name) or {})
        return "\n".join(self.lines).strip("\n") + "\n"


def profile_toml(data: dict[str, Any], plan: Plan, unknown: Sequence[str],
                 header: Sequence[str] = (), draft: bool = False) -> str:
    """The commented TOML text of a profile's data; ``unknown`` paths become `# key = ?` lines.

    Raises ProfileError if the data is not a valid profile; a text that does not read back as
    the same profile is a bug (RuntimeError). A ``draft`` may lack a required answer (the
    questions stopped before it): its text then reads back as the same TOML data instead.
    """
    text = _Writer(plan, data, unknown).document(header)
    if draft:
        try:
            profile_from_data(copy.deepcopy(data), "<answers>")
        except ProfileError:
            # read by the standard library's TOML 1.0 parser, not tomli's 1.1: what init writes
            # must read back in any TOML reader
            if prune(tomllib.loads(text, parse_float=Decimal)) != prune(data):
                raise RuntimeError("the written draft does not read back as the answers given"
                                   ) from None
            return text
    expected = profile_from_data(data, "<answers>")
    if parse_profile(text, "<written profile>") != expected:
        raise RuntimeError("the written profile does not read back as the answers given")
    return text
