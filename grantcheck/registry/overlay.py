"""Answers merged onto registry units (``grantcheck batch --input FILE --profiles DIR``).

A folder of profiles (TOML, the usual format, partial ones welcome) holds what companies have
answered. Each is matched to a registry unit by its organisation number (``company.org_number``,
or ``company.cvr_number``; spaces and dashes ignored). Its stated facts are laid over the
registry's, table by table: **a stated fact beats a registry fact**, and its provenance says
"stated in FILE". Where the two disagree (a stated 8 FTE against a band 50–99, another legal
form), the stated value is used and the provenance says so, naming the registry's value: the
conflict is reported, not silently resolved.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from grantcheck.profile.errors import ProfileError
from grantcheck.profile.load import parse_toml, read_text
from grantcheck.registry.common import RawTask


class AnswersError(ValueError):
    """A folder of answers that cannot be read (the whole option is refused); ``hint`` says
    what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


_FOLDER_HINT = ("--profiles takes the folder of answers files (NUMBER.toml), as grantcheck "
                "outreach --out DIR writes them")


NUMBERS = ("company.org_number", "company.cvr_number")  # spaces and dashes do not conflict


_MEND = "mend it, or move it out of the folder: every *.toml below it is read"


def _key(number: Any) -> str:
    return "".join(ch for ch in str(number) if ch.isalnum())


def load_answers(folder: str | Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """{organisation number: (file, profile data)} of every *.toml below ``folder``. Raises
    AnswersError for a file that is not TOML or names no organisation number, or a number
    answered twice."""
    if not os.path.isdir(folder):
        from grantcheck.atomic import path_kind

        kind = path_kind(folder)  # /dev/null, a FIFO: said as what they are
        raise AnswersError(f"--profiles {folder}: " + (
            f"is a {kind}, not a folder" if kind else "no such folder"), _FOLDER_HINT)
    from grantcheck.tree import files_below

    def unreadable(e: OSError) -> None:  # rglob passed over it: its answers went unused
        raise AnswersError(f"{e.filename}: is a folder that cannot be read ({e.strerror or e}): "
                           "the answers in it would go unused", "let this user read it "
                           "(chmod u+rx), or move it out of the folder")

    found: dict[str, tuple[str, dict[str, Any]]] = {}  # rglob recursed: 1,000 folders deep
    for path in sorted(map(Path, files_below(str(folder), ".toml", unreadable))):  # failed
        if not path.is_file() and path.exists():  # a FIFO would wait for its writer
            from grantcheck.atomic import path_kind

            raise AnswersError(f"{path}: is a {path_kind(path)}, not a file: not read",
                               "an answers file is a regular file: save the answers to one, "
                               "or move this out of the folder (every *.toml below it is read)")
        try:  # as a profile is read: a FIFO waited for ever, a 3 GB file was read whole; a
            # NUL, a number of 5,000 digits, arrays nested 100,000 deep as a profile's are (they
            # were internal errors: tomli's ValueError and RecursionError)
            data = parse_toml(read_text(path), str(path))
        except ProfileError as e:  # in words, not "[Errno 13] Permission denied: 'pack/x.toml'"
            p = e.problems[0]
            at = (f":{p.line}" + (f":{p.column}" if p.column else "")) if p.line else ""
            raise AnswersError(f"{path}{at}: cannot be read: {p.message}",
                               p.hint or _MEND) from None
        company = data.get("company")
        number = company.get("org_number") or company.get("cvr_number") if isinstance(
            company, dict) else None
        if not number:
            raise AnswersError(f"{path}: [company] names no org_number or cvr_number, so it "
                               "cannot be matched to a registry unit",
                               "add the unit's org_number or cvr_number under [company], as "
                               "outreach's answers files state it")
        key = _key(number)
        if key in found:
            raise AnswersError(f"{path}: organisation number {number} is answered in "
                               f"{found[key][0]} too", "keep one answers file per number: "
                               "which one is meant cannot be told")
        found[key] = (str(path), data)
    return found


def _leaves(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for k, v in data.items():
        path = f"{prefix}{k}"
        if isinstance(v, Mapping) and not ({"min", "max"} >= set(v) and v):
            yield from _leaves(v, path + ".")
        else:
            yield path, v


def _bounds(value: Any) -> tuple[Decimal, Decimal] | None:
    """A figure's range (a number, or a {min, max} table); None for anything else: a text, a
    date, NaN (an answers file's ``{min = "abc"}`` or ``nan`` was an internal error here; the
    profile's check names it)."""
    if isinstance(value, Mapping) and {"min", "max"} >= set(value):
        low, high = _number(value.get("min", 0)), _number(value.get("max", Decimal("Infinity")))
        return None if low is None or high is None else (low, high)
    number = _number(value)
    return None if number is None else (number, number)


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return None
    number = Decimal(str(value))
    return None if number.is_nan() else number


def _agrees(registry: Any, stated: Any) -> bool:
    """Whether a stated value is consistent with the registry's (a range: they overlap)."""
    if isinstance(registry, list):  # a group's enterprises: a stated list with a linked one
        return isinstance(stated, list) and any(
            isinstance(e, Mapping) and e.get("relation") == "linked" for e in stated)
    r, s = _bounds(registry), _bounds(stated)
    if r is not None and s is not None:
        return s[0] <= r[1] and r[0] <= s[1]
    return str(registry).strip().lower() == str(stated).strip().lower()


def _show(value: Any) -> str:
    if isinstance(value, list):  # a list of tables: its entries' names
        return "; ".join(str(e.get("name", e)) if isinstance(e, Mapping) else str(e)
                         for e in value) or "none"
    if isinstance(value, Mapping):
        return f"{value.get('min', 0)}–{value.get('max', '')}"
    return str(value).lower() if isinstance(value, bool) else str(value)


USED = "a stated fact beats the registry's"
CONFLICTS = "; conflicts with the registry's "


def conflicts(source: str, provenance: Mapping[str, str]) -> tuple[str, ...]:
    """A warning for each fact an answers file states against the registry's (:func:`merge`):
    which value is used and why, for the batch's table too, which shows no provenance (the
    conflict was in the provenance of --format csv and jsonl alone)."""
    return tuple(f"{source}: {path}: {said}" for path, said in provenance.items()
                 if said.startswith("stated in") and CONFLICTS in said)


def merge(data: dict[str, Any], provenance: dict[str, str], source: str,
          answers: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The unit's data with ``answers`` laid over it, and the provenance to match."""
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    registry = dict(_leaves(data))
    out = dict(provenance)
    for path, value in _leaves(answers):
        *tables, key = path.split(".")
        target = merged
        for t in tables:
            nxt = target.get(t)
            target[t] = dict(nxt) if isinstance(nxt, dict) else {}
            target = target[t]
        target[key] = value
        same_number = path in NUMBERS and _key(registry.get(path)) == _key(value)
        if path in registry and not same_number and not _agrees(registry[path], value):
            stated = "[] (none)" if value == [] else _show(value)  # related = []: a fact too
            out[path] = (f"stated in {source}{CONFLICTS}"
                         f"{_show(registry[path])} ({provenance.get(path, 'registry')}); "
                         f"the stated {stated} is used: {USED}")
        else:
            out[path] = f"stated in {source}"
    return merged, out


def overlay(tasks: Iterable[RawTask], answers: Mapping[str, tuple[str, dict[str, Any]]]
            ) -> Iterator[RawTask]:
    """``tasks`` with each registry unit's answers merged in (by organisation number)."""
    for kind, source, payload in tasks:
        if kind == "registry":
            data, provenance = payload
            company = data.get("company", {})
            number = company.get("org_number") or company.get("cvr_number")
            found = answers.get(_key(number)) if number else None
            if found is not None:
                payload = merge(data, provenance, found[0], found[1])
        yield kind, source, payload
