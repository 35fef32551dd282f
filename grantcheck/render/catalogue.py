"""The catalogue of the compact batch records (docs/batch.md, "The catalogue"): what is the same
for every profile checked on one date — the rules' titles, kinds, citations and usual findings,
the documents, the message templates, the parameters, the notes, the exchange rates — written
once, and named by id in the records (``grantcheck schemes --catalogue``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from grantcheck import __version__
from grantcheck.citations import Citation
from grantcheck.engine import Scheme
from grantcheck.engine.messages import FROM_FIELDS, messages
from grantcheck.fx import FxRates
from grantcheck.matching import horizon_text
from grantcheck.money import CURRENCIES
from grantcheck.record import combined_digest, decision_record, digest
from grantcheck.render.compact import CATALOGUE, SAMPLE_NAME, cite_ids, key_to_json, usual


def _scheme_entry(s: Scheme, on: date, citations: dict[str, Any]) -> dict[str, Any]:
    def ids(cites: tuple[Citation, ...]) -> list[str]:
        found = cite_ids(cites)
        for c, i in zip(cites, found, strict=True):
            citations.setdefault(i, c.to_json())
        return found

    status, status_text = s.call.status(on)
    known = usual(s, on)
    return {
        "id": s.id, "name": s.name, "agency": s.agency, "country": s.country,
        "currency": s.currency, "status": status, "status_text": status_text,
        "fit_wording": s.fit_wording or None,
        "horizon_warning": horizon_text(s, on) or None,
        "rule_set_digest": digest(s),
        "rules": [{"id": r.id, "title": r.title, "kind": r.kind.value, "tier": r.tier,
                   "cites": ids(r.cites),
                   "usual": key_to_json(known.findings[r.id]) if r.id in known.findings
                   else None}
                  for r in s.rules],
        "documents": [{"id": d.id, "name": d.name, "stage": d.stage.value, "tier": d.tier,
                       "condition": d.condition or None, "cites": ids(d.cites)}
                      for d in s.documents],
        "tiers": [{"id": t.id, "name": t.name} for t in s.tiers],
        "own_funding_form": known.own_funding_form,
        "notes": list(s.notes),
        "source": {"title": s.source.title, "publisher": s.source.publisher,
                   "language": s.source.language, "url": s.source.url},
        "decision_record": decision_record(s, on),
    }


def catalogue(on: date, scheme_ids: Iterable[str]) -> dict[str, Any]:
    """What the compact records of a batch on ``on`` over ``scheme_ids`` refer to by id."""
    from grantcheck.schemes import get

    schemes = [get(i) for i in scheme_ids]
    citations: dict[str, Any] = {}
    entries = [_scheme_entry(s, on, citations) for s in schemes]
    return {"catalogue": CATALOGUE, "grantcheck_version": __version__,
            "evaluation_date": on.isoformat(),
            "rule_set_digest": combined_digest([digest(s) for s in schemes]),
            "usual_findings_for": f"a company that states only its name ({SAMPLE_NAME!r}) and "
                                  "the scheme's country",
            "exchange_rates": _rates(on), "schemes": entries,
            "citations": dict(sorted(citations.items())),
            "messages": _messages([s.id for s in schemes]),
            "message_fields_from_missing_fields": dict(FROM_FIELDS)}


def _messages(scheme_ids: list[str]) -> dict[str, dict[str, str]]:
    """The templates the records of ``scheme_ids`` may name: grantcheck's (the engine's, the
    shared law's) and the schemes' own, not those of other schemes a process has loaded."""
    from grantcheck.schemes import PACKAGES

    ours = {f"grantcheck.schemes.{PACKAGES[i]}" for i in scheme_ids}

    def named(module: str) -> bool:
        parts = module.split(".")
        if parts[0] != "grantcheck":
            return False  # a test's, say
        return parts[1:2] != ["schemes"] or ".".join(parts[:3]) in ours

    return {m.id: {"message": m.text, "fix": m.fix}
            for m in sorted(messages().values(), key=lambda m: m.id) if named(m.module)}


def _rates(on: date) -> list[dict[str, str]]:
    """The euro rates of every currency on ``on`` (a record's, unless it says its own)."""
    fx = FxRates(on)
    for c in CURRENCIES:
        if c != "EUR":
            try:
                fx.rate(c)
            except LookupError:  # a date the table does not cover: the record says so
                continue
    return fx.to_json()
