"""The JSON shape of a match result (documented in docs/json.md).

The shape is stable: keys are only ever added. Amounts are strings of exact decimals, so no
reader loses precision to a float.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from grantcheck import __version__
from grantcheck.citations import Citation
from grantcheck.engine import (
    AmountsResult,
    Document,
    DocumentStatus,
    Finding,
    NotFitting,
    Outcome,
    Rule,
    Scheme,
    SchemeResult,
    Scope,
    TierResult,
    Verdict,
    text_of,
)
from grantcheck.matching import MatchResult
from grantcheck.money import Money, rate_str
from grantcheck.profile import Problem
from grantcheck.profile.bounds import stated_ranges
from grantcheck.record import combined_digest, decision_record, digest

SCHEMA_VERSION = 1
T = TypeVar("T")
K = TypeVar("K")


def _amount_fields(a: AmountsResult, currency: str) -> dict[str, Any]:
    """The amount keys of a scheme or tier, all but ``amount_source``."""
    if a.amounts is None:
        out: dict[str, Any] = {
            "max_grant": None,
            "own_funding": None,
            "aid_rate": None,
            "cap": None,
            "cost_base": None,
            **_NO_SOUGHT_OR_RANGE,
            "amount_basis": a.problem,
            **({"amount_missing_fields": list(a.missing)} if a.missing else {}),
        }
        if isinstance(a, NotFitting) and a.if_fitted is not None:
            # does not fit: no amount is obtainable, what it would be only under its own name
            out["amounts_if_it_fitted"] = _amount_fields(AmountsResult(a.if_fitted), currency)
        return out
    am = a.amounts
    own: dict[str, Any] = {
        "amount": None, "currency": currency, "form": am.own_funding_form,
    }
    if am.own_funding is not None:
        own.update(am.own_funding.to_json())
    return {
        "max_grant": am.max_grant.to_json() if am.max_grant else None,
        "own_funding": own,
        "aid_rate": rate_str(am.rate) if am.rate is not None else None,
        "cap": am.cap.to_json() if am.cap else None,
        "cost_base": am.cost_base.to_json() if am.cost_base else None,
        "grant_sought": _money(am.sought if am.own_for_sought is not None else None),
        "own_funding_for_sought": _money(am.own_for_sought),
        "max_grant_range": _range(am.span),
        "own_funding_range": _range(am.own_span),
        "amount_basis": text_of(am.basis),
        **({"amount_missing_fields": list(am.missing)} if am.missing else {}),
    }


_NO_SOUGHT_OR_RANGE = {"grant_sought": None, "own_funding_for_sought": None,
                       "max_grant_range": None, "own_funding_range": None}


def _money(m: Money | None) -> dict[str, str] | None:
    return None if m is None else m.to_json()


def _range(span: tuple[Money, Money] | None) -> dict[str, dict[str, str]] | None:
    """A grant or own funding that a fact leaves open: its least and its most."""
    return None if span is None else {"min": span[0].to_json(), "max": span[1].to_json()}


def _amounts(a: AmountsResult, currency: str) -> dict[str, Any]:
    out = _amount_fields(a, currency)
    if a.amounts is not None:
        out["amount_source"] = [c.to_json() for c in a.amounts.cites]
    return out


def _tier(t: TierResult, currency: str) -> dict[str, Any]:
    return {"id": t.tier.id, "name": t.tier.name, "verdict": t.verdict.value,
            **_amounts(t.amounts, currency)}


def scheme_to_dict(r: SchemeResult) -> dict[str, Any]:
    s = r.scheme
    out: dict[str, Any] = {
        "id": s.id,
        "name": s.name,
        "agency": s.agency,
        "country": s.country,
        "currency": s.currency,
        "status": r.status,
        "status_text": r.status_text,
        "verdict": r.verdict.value,
        "verdict_if_open": r.verdict_if_open.value,
        "scope": r.scope.to_json(),
    }
    if s.fit_wording:
        out["fit_wording"] = s.fit_wording
    out.update(_amounts(r.amounts, s.currency))
    if r.tiers:
        out["tiers"] = [_tier(t, s.currency) for t in r.tiers]
    out["missing_documents"] = [d.to_json() for d in r.missing_documents]
    out["later_documents"] = [d.to_json() for d in r.later_documents]
    out["findings"] = [f.to_json() for f in r.findings]
    out["notes"] = list(s.notes)
    out["source"] = {"title": s.source.title, "publisher": s.source.publisher,
                     "language": s.source.language, "url": s.source.url}
    out["decision_record"] = decision_record(s, r.on)
    return out


def _head(m: MatchResult) -> dict[str, Any]:
    """Every key of a match result's object but the last, "schemes"."""
    profile: dict[str, Any] = {"name": m.profile.company.name, "source": m.source,
                               "currency": m.profile.company.money_currency}
    ranges = stated_ranges(m.profile)
    if ranges:  # figures stated within bounds (docs/json.md)
        profile["ranges"] = ranges
    return {
        "grantcheck_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "profile": profile,
        "evaluation_date": m.on.isoformat(),
        "exchange_rates": m.fx.to_json(),
        "warnings": list(m.warnings),
        "any_open_scheme_fits": m.any_open_fit,
        "rule_set_digest": combined_digest([digest(r.scheme) for r in m.results]),
    }


def match_to_dict(m: MatchResult) -> dict[str, Any]:
    return {**_head(m), "schemes": [scheme_to_dict(r) for r in m.results]}


def error_to_dict(source: str, message: str, problems: Iterable[Problem]) -> dict[str, Any]:
    """The record of an input `grantcheck batch` could not check (docs/batch.md)."""
    return {
        "grantcheck_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "profile": {"source": source},
        "error": message,
        "problems": [{"field": p.path, "message": p.message, "line": p.line,
                      "column": p.column, "hint": p.hint} for p in problems],
    }


# --- the same JSON text, fast ------------------------------------------------------------------
#
# `grantcheck batch` writes one record per profile, most of whose bytes never change from one
# profile to the next: rule titles, source quotes, document names, notes. `match_to_json` encodes
# those once (per rule, citation, document and scheme, all immutable) and only the rest per
# result. Its text is exactly ``json.dumps(match_to_dict(m), ensure_ascii=False)``; a test
# compares the two over thousands of profiles.

_encode = json.JSONEncoder(ensure_ascii=False).encode
_string: Callable[[str], str] = json.encoder.encode_basestring  # what _encode does for a str
_STATIC: dict[int, tuple[object, Any]] = {}  # id(obj) -> (obj, its pre-encoded parts)
_FIX_OUTCOMES = (Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING)
_OUTCOME = {o: _string(o.value) for o in Outcome}
_VERDICT = {v: _string(v.value) for v in Verdict}


def _static(obj: K, make: Callable[[K], T]) -> T:
    """``make(obj)``, once per immutable object (kept alive with it, so its id stays its own)."""
    hit = _STATIC.get(id(obj))
    if hit is not None and hit[0] is obj:
        parts: T = hit[1]
        return parts
    if len(_STATIC) >= 65536:
        _STATIC.clear()
    parts = make(obj)
    _STATIC[id(obj)] = (obj, parts)
    return parts


def _scope_json(s: Scope) -> str:
    return _encode(s.to_json())


def _cite_json(c: Citation) -> str:
    return _encode(c.to_json())


def _cite_text(c: Citation) -> str:
    return _static(c, _cite_json)


def _cites_text(cites: tuple[Citation, ...]) -> str:
    return "[" + ", ".join(_cite_text(c) for c in cites) + "]"


def _rule_parts(rule: Rule) -> tuple[str, str, str]:
    """(up to "outcome": , the tier, from "source" to the end) of a finding's object."""
    head = _encode({"rule": rule.id, "title": rule.title, "kind": rule.kind.value})
    tier = ', "tier": ' + _string(rule.tier) if rule.tier else ""
    return head[:-1] + ', "outcome": ', tier, ', "source": ' + _cites_text(rule.cites) + "}"


def _finding(out: list[str], f: Finding) -> None:
    rule = f.rule
    head, tier, tail = _static(rule, _rule_parts)
    out += (head, _OUTCOME[f.outcome], ', "message": ', _string(f.message), tier)
    if f.fix and f.outcome in _FIX_OUTCOMES:
        out += (', "fix": ', _string(f.fix))
    if f.missing:
        out += (', "missing_fields": ', _encode(list(f.missing)))
    out.append(tail)


def _document_parts(d: Document) -> tuple[str, str]:
    """(up to the optional "needed", from "source" to the end) of a document's object."""
    fields: dict[str, object] = {"id": d.id, "name": d.name, "stage": d.stage.value}
    if d.tier:
        fields["tier"] = d.tier
    if d.condition:
        fields["condition"] = d.condition
    return _encode(fields)[:-1], ', "source": ' + _cites_text(d.cites) + "}"


def _documents(out: list[str], docs: list[DocumentStatus]) -> None:
    out.append("[")
    for i, ds in enumerate(docs):
        head, tail = _static(ds.document, _document_parts)
        out += (", " if i else "", head, ', "needed": "unknown"' if ds.needed is None else "",
                tail)
    out.append("]")


def _amounts_parts(out: list[str], a: AmountsResult, currency: str) -> None:
    out.append(_encode(_amount_fields(a, currency))[1:-1])
    if a.amounts is not None:
        cites = a.amounts.cites
        out += (', "amount_source": ', _cites_text(cites))


def _scheme_parts(s: Scheme) -> tuple[str, str, str]:
    """(up to "status": , the fit wording, from "notes" to the end) of a scheme's object."""
    head = _encode({"id": s.id, "name": s.name, "agency": s.agency, "country": s.country,
                    "currency": s.currency})
    fit = ', "fit_wording": ' + _string(s.fit_wording) if s.fit_wording else ""
    source = {"title": s.source.title, "publisher": s.source.publisher,
              "language": s.source.language, "url": s.source.url}
    tail = ', "notes": ' + _encode(list(s.notes)) + ', "source": ' + _encode(source)
    return head[:-1] + ', "status": ', fit, tail


_RECORDS: dict[tuple[int, date], tuple[Scheme, str]] = {}


def _record_text(s: Scheme, on: date) -> str:
    """The scheme's decision record on ``on``, encoded (once per scheme and date)."""
    hit = _RECORDS.get((id(s), on))
    if hit is not None and hit[0] is s:
        return hit[1]
    if len(_RECORDS) >= 256:
        _RECORDS.clear()
    text = _encode(decision_record(s, on))
    _RECORDS[(id(s), on)] = (s, text)
    return text


def _scheme(out: list[str], r: SchemeResult) -> None:
    s = r.scheme
    head, fit, tail = _static(s, _scheme_parts)
    out += (head, _string(r.status), ', "status_text": ', _string(r.status_text),
            ', "verdict": ', _VERDICT[r.verdict], ', "verdict_if_open": ',
            _VERDICT[r.verdict_if_open], ', "scope": ', _static(r.scope, _scope_json), fit,
            ", ")
    _amounts_parts(out, r.amounts, s.currency)
    if r.tiers:
        out.append(', "tiers": [')
        for i, t in enumerate(r.tiers):
            out += (", " if i else "", '{"id": ', _string(t.tier.id), ', "name": ',
                    _string(t.tier.name), ', "verdict": ', _VERDICT[t.verdict], ", ")
            _amounts_parts(out, t.amounts, s.currency)
            out.append("}")
        out.append("]")
    out.append(', "missing_documents": ')
    _documents(out, r.missing_documents)
    out.append(', "later_documents": ')
    _documents(out, r.later_documents)
    out.append(', "findings": [')
    for i, f in enumerate(r.findings):
        if i:
            out.append(", ")
        _finding(out, f)
    out += ("]", tail, ', "decision_record": ', _record_text(s, r.on), "}")


def match_to_json(m: MatchResult) -> str:
    """``json.dumps(match_to_dict(m), ensure_ascii=False)``, several times faster."""
    head = _head(m)
    out = [_encode(head)[:-1], ', "schemes": [']
    for i, r in enumerate(m.results):
        if i:
            out.append(", ")
        _scheme(out, r)
    out.append("]}")
    return "".join(out)
