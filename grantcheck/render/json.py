"""The JSON shape of a match result (documented in README.md, "JSON output").

The shape is stable: keys are only ever added. Amounts are strings of exact decimals, so no
reader loses precision to a float.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from grantcheck import __version__
from grantcheck.engine import AmountsResult, SchemeResult, TierResult
from grantcheck.matching import MatchResult
from grantcheck.profile import Problem

SCHEMA_VERSION = 1


def _amounts(a: AmountsResult, currency: str) -> dict[str, Any]:
    if a.amounts is None:
        return {
            "max_grant": None,
            "own_funding": None,
            "aid_rate": None,
            "cap": None,
            "cost_base": None,
            "amount_basis": a.problem,
            **({"amount_missing_fields": list(a.missing)} if a.missing else {}),
        }
    am = a.amounts
    own: dict[str, Any] = {
        "amount": None, "currency": currency, "form": am.own_funding_form,
    }
    if am.own_funding is not None:
        own.update(am.own_funding.to_json())
    return {
        "max_grant": am.max_grant.to_json() if am.max_grant else None,
        "own_funding": own,
        "aid_rate": str(am.rate) if am.rate is not None else None,
        "cap": am.cap.to_json() if am.cap else None,
        "cost_base": am.cost_base.to_json() if am.cost_base else None,
        "amount_basis": am.basis,
        **({"amount_missing_fields": list(am.missing)} if am.missing else {}),
        "amount_source": [c.to_json() for c in am.cites],
    }


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
    return out


def match_to_dict(m: MatchResult) -> dict[str, Any]:
    return {
        "grantcheck_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "profile": {"name": m.profile.company.name, "source": m.source,
                    "currency": m.profile.company.money_currency},
        "evaluation_date": m.on.isoformat(),
        "exchange_rates": m.fx.to_json(),
        "warnings": list(m.warnings),
        "any_open_scheme_fits": m.any_open_fit,
        "schemes": [scheme_to_dict(r) for r in m.results],
    }


def error_to_dict(source: str, message: str, problems: Iterable[Problem]) -> dict[str, Any]:
    """The record of an input `grantcheck batch` could not check (README, "Batch")."""
    return {
        "grantcheck_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "profile": {"source": source},
        "error": message,
        "problems": [{"field": p.path, "message": p.message, "line": p.line,
                      "column": p.column, "hint": p.hint} for p in problems],
    }
