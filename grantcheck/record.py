"""The decision record of a scheme's verdict: what an adviser files so that anyone can tell later
whether the same rules would give the same answer (docs/json.md, "The decision record").

Per scheme: the days its rules are encoded for, its legal bases with their periods (and which act
was in force on the date), every parameter's value on the date with the window that value is
valid in and its citation, and a digest of the rule set. The digest is a sha256 over the scheme as
data (its rules, parameters with their whole histories, citations, documents, call and legal
bases) and the source text of its package and of the shared law, so it changes when any rule,
parameter or citation changes and is the same on every machine for the same code.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from grantcheck.engine import Scheme
from grantcheck.parameters import ALWAYS, Parameter

_DIGESTS: dict[int, tuple[Scheme, str]] = {}
_LAW = Path(__file__).resolve().parent / "law"


def _day(d: date | None) -> str | None:
    return None if d is None or d == ALWAYS else d.isoformat()


def _sources(scheme: Scheme) -> list[tuple[str, str]]:
    """(relative name, text) of every module of the scheme's package and of grantcheck/law:
    what the rules do, besides what they declare. Line ends are made one, so a checkout with
    CRLF gives the same digest."""
    from grantcheck.schemes import PACKAGES, package

    files: list[Path] = sorted(_LAW.glob("*.py"))
    if scheme.id in PACKAGES:  # a scheme made by a test has no package
        init = package(scheme.id).__file__
        if init:
            files += sorted(Path(init).parent.glob("*.py"))
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8").replace("\r\n", "\n")
        out.append((f"{f.parent.name}/{f.name}", text))
    return out


def _parameter_data(p: Parameter[Any]) -> dict[str, Any]:
    return {"name": p.name, "unit": p.unit,
            "values": {_day(d) or "always": str(v) for d, v in sorted(p.values.items())},
            "valid_until": _day(p.valid_until), "source": p.source.to_json(), "note": p.note}


def scheme_data(scheme: Scheme) -> dict[str, Any]:
    """The scheme as data: everything it declares that a verdict rests on."""
    call = scheme.call
    return {
        "id": scheme.id, "name": scheme.name, "agency": scheme.agency,
        "country": scheme.country, "currency": scheme.currency,
        "source": [scheme.source.title, scheme.source.url],
        "call": {"opens": _day(call.opens), "closes": _day(call.closes), "note": call.note,
                 "known_from": _day(call.known_from.value) if call.known_from else None,
                 "source": [c.to_json() for c in call.cites]},
        "legal_bases": [b.to_json() for b in scheme.legal_bases],
        "rules": [{"id": r.id, "title": r.title, "kind": r.kind.value, "tier": r.tier,
                   "section": r.section, "reads": list(r.reads),
                   "source": [c.to_json() for c in r.cites]} for r in scheme.rules],
        "parameters": [_parameter_data(p) for p in scheme.parameters],
        "documents": [{"id": d.id, "name": d.name, "stage": d.stage.value, "tier": d.tier,
                       "condition": d.condition, "source": [c.to_json() for c in d.cites]}
                      for d in scheme.documents],
        "tiers": [[t.id, t.name] for t in scheme.tiers],
        "summary": scheme.summary, "notes": list(scheme.notes), "fit_wording": scheme.fit_wording,
    }


def digest(scheme: Scheme) -> str:
    """``sha256:…`` of the scheme's rule set (once per scheme and process)."""
    hit = _DIGESTS.get(id(scheme))
    if hit is not None and hit[0] is scheme:
        return hit[1]
    h = hashlib.sha256()
    h.update(json.dumps(scheme_data(scheme), sort_keys=True, ensure_ascii=False).encode())
    for name, text in _sources(scheme):
        h.update(b"\0" + name.encode() + b"\0" + text.encode())
    value = f"sha256:{h.hexdigest()}"
    _DIGESTS[id(scheme)] = (scheme, value)
    return value


def combined_digest(digests: list[str]) -> str:
    """One digest for the rule sets of several schemes, in the order given."""
    return "sha256:" + hashlib.sha256("\n".join(digests).encode()).hexdigest()


def _value_window(p: Parameter[Any], on: date) -> tuple[str | None, str | None]:
    """The first and last day of the value in force on ``on`` (None: open)."""
    dates = sorted(p.values)
    start = max(d for d in dates if d <= on)
    later = [d for d in dates if d > on]
    end = later[0] - timedelta(days=1) if later else p.valid_until
    return _day(start), _day(end)


def _parameter_used(p: Parameter[Any], on: date) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "unit": p.unit}
    if p.covers(on):
        start, end = _value_window(p, on)
        out.update(value=str(p.at(on)), valid_from=start, valid_until=end)
    else:
        out.update(value=None, valid_from=None, valid_until=None,
                   not_encoded=f"known {p.coverage()}")
    out["source"] = p.source_on(on).to_json()
    return out


def decision_record(scheme: Scheme, on: date) -> dict[str, Any]:
    """The record of ``scheme``'s rules as used on ``on``."""
    return {
        "rules_encoded": {**scheme.horizon.to_json(), "on_date": scheme.horizon.covers(on)},
        "legal_bases": [b.to_json(on) for b in scheme.legal_bases],
        "parameters": [_parameter_used(p, on) for p in scheme.parameters],
        "rule_set_digest": digest(scheme),
    }
