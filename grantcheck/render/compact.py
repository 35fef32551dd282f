"""The compact batch record and its catalogue (docs/batch.md, "The compact record").

``grantcheck batch --format jsonl`` writes, by default, one compact record per profile: what
differs from one profile to the next (the verdicts, the amounts, the documents still missing,
the rules that did not pass and the facts that would settle them), and the rest by id only.
What is the same for every profile checked on one date (the rules' titles, kinds and
citations, the documents, the parameters, the notes, the exchange rates) is written once, in
the catalogue that ``grantcheck schemes --catalogue --as-of DATE`` prints. A record names its
format (``record``: :data:`RECORD`), its ``evaluation_date`` and its ``rule_set_digest``, which
are the catalogue's for the same date, schemes and code.

Most findings that do not pass are the same for most profiles: a fact not stated gives the same
message and fix whoever leaves it out. The catalogue holds, per rule, its *usual* finding, the
one a sample applicant that states only its name and country gets (:data:`SAMPLE_NAME`); a
record names such a finding by its rule id alone, and writes in full only the findings that
differ from it. Every finding can so be told exactly from the record and the catalogue.

A citation's id is its source's id and the first 10 hex digits of the sha256 of its JSON
(``gber:db3be3d5d3``): the same on every machine for the same text, shared by the rules that
cite the same words, and a new one when a quote changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from grantcheck import __version__
from grantcheck.citations import Citation
from grantcheck.engine import (
    AmountsResult,
    Finding,
    Outcome,
    SchemeResult,
    Stage,
    Verdict,
)
from grantcheck.engine.messages import FROM_FIELDS
from grantcheck.engine.scope import IN_SCOPE
from grantcheck.fx import FxRates
from grantcheck.matching import MatchResult, horizon_text
from grantcheck.money import Money, decimal_str
from grantcheck.profile.bounds import stated_ranges
from grantcheck.record import combined_digest, digest
from grantcheck.render.compact_read import COMPANY as COMPANY
from grantcheck.render.compact_read import FIX_OUTCOMES as _FIX_OUTCOMES
from grantcheck.render.compact_read import findings_of as findings_of
from grantcheck.render.compact_read import missing_documents_of as missing_documents_of
from grantcheck.render.compact_read import open_entries as open_entries
from grantcheck.render.compact_read import warnings_of as warnings_of
from grantcheck.render.compact_usual import SAMPLE_NAME as SAMPLE_NAME
from grantcheck.render.compact_usual import FindingKey as FindingKey
from grantcheck.render.compact_usual import Usual as Usual
from grantcheck.render.compact_usual import key_to_json as key_to_json
from grantcheck.render.compact_usual import said_same
from grantcheck.render.compact_usual import usual as usual

RECORD = "grantcheck.batch/2"  # the compact record's format and version (docs/batch.md)
CATALOGUE = RECORD  # the catalogue that goes with it

_string: Callable[[str], str] = json.encoder.encode_basestring


def _encoder() -> Callable[[Any], str]:
    """JSON without spaces, not ASCII-escaped. json's C encoder, made once: ``JSONEncoder.encode``
    makes one for every call (a microsecond, for a record's few dozen lists); json's own
    encoder where there is no C one."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:  # pragma: no cover - CPython has it
        return plain.encode
    chunks = make(None, plain.default, _string, None, ":", ",", False, False, plain.allow_nan)
    return lambda o: "".join(chunks(o, 0))


_encode = _encoder()
_OUTCOME = {o: _string(o.value) for o in Outcome}
_VERDICT = {v: _string(v.value) for v in Verdict}
_EXCEPT = '],"usual_except":['  # the usual findings are all the catalogue's but these
_MAYBE = (Verdict.FITS, Verdict.NEEDS_INFORMATION)  # an amount the company may still get
_IDS: dict[int, tuple[Citation, str]] = {}
def cite_id(c: Citation) -> str:
    """The citation's stable id: ``SOURCE-ID:`` and 10 hex digits of its content's sha256."""
    hit = _IDS.get(id(c))
    if hit is not None and hit[0] is c:
        return hit[1]
    text = json.dumps(c.to_json(), sort_keys=True, ensure_ascii=False)
    value = f"{c.source.id}:{hashlib.sha256(text.encode()).hexdigest()[:10]}"
    _IDS[id(c)] = (c, value)
    return value


def cite_ids(cites: Iterable[Citation]) -> list[str]:
    return [cite_id(c) for c in cites]


def _amount(m: Money | None) -> str:
    return "null" if m is None else _string(decimal_str(m.amount))


def _span(span: tuple[Money, Money] | None) -> str:
    return "null" if span is None else f"[{_amount(span[0])},{_amount(span[1])}]"


def _amounts(out: list[str], a: AmountsResult, form: str | None) -> None:
    """The amounts; the own-funding form only when it is not ``form``, the catalogue's."""
    am = a.amounts
    if am is None:
        out.append('"max_grant":null,"own_funding":null')
        missing = a.missing
    else:
        out += ('"max_grant":', _amount(am.max_grant), ',"own_funding":',
                _amount(am.own_funding))
        if am.own_for_sought is not None:  # only when stated: a compact record is short
            out += (',"grant_sought":', _amount(am.sought), ',"own_funding_for_sought":',
                    _amount(am.own_for_sought))
        if am.span is not None:
            out += (',"max_grant_range":', _span(am.span), ',"own_funding_range":',
                    _span(am.own_span))
        if am.own_funding_form != form:
            out += (',"own_funding_form":', _string(am.own_funding_form))
        missing = am.missing
    if missing:
        out += (',"amount_missing_fields":', _encode(list(missing)))


def _same(u: FindingKey, outcome: Outcome, message: str, fix: str, fields: tuple[str, ...],
          name: str | None) -> bool:
    """Whether a finding says what the usual one ``u`` says (with ``name`` for
    :data:`COMPANY`, when given)."""
    if name is None:
        return u[1] == message and u[0] is outcome and u[2] == fix and u[3] == fields
    return (u[1].replace(COMPANY, name) == message and u[0] is outcome
            and u[2].replace(COMPANY, name) == fix and u[3] == fields)


def _finding(f: Finding, outcome: Outcome) -> str:
    """A finding that is not the usual one: its template's id and values when its words were
    made from one (engine/messages.py), else its words."""
    item = ['{"rule":', _string(f.rule.id), ',"outcome":', _OUTCOME[outcome]]
    said = f.said
    if said is None:
        item += (',"message":', _string(f.message))
        fix = f.fix if outcome in _FIX_OUTCOMES else ""
        if fix:
            item += (',"fix":', _string(fix))
    else:
        item += (',"template":', _string(said.message.id))
        values = said.strings()
        if f.missing:  # a value made of the missing fields: given once, as those
            values = {k: v for k, v in values.items()
                      if k not in FROM_FIELDS or v != FROM_FIELDS[k].join(f.missing)}
        if values:
            item += (',"values":', _encode(values))
        if not said.message.fix and outcome in _FIX_OUTCOMES and f.fix:
            item += (',"fix":', _string(f.fix))  # a fix of its own words (the fields to state)
    if f.missing:
        item += (',"missing_fields":', _encode(list(f.missing)))
    item.append("}")
    return "".join(item)


def _scheme(out: list[str], r: SchemeResult, name: str) -> None:
    s = r.scheme
    out += ('{"id":', _string(s.id), ',"verdict":', _VERDICT[r.verdict])
    if r.verdict_if_open is not r.verdict:
        out += (',"verdict_if_open":', _VERDICT[r.verdict_if_open])
    if r.scope.state != IN_SCOPE:
        out += (',"scope":', _string(r.scope.state))
    if r.scope.applicable_if:
        out += (',"applicable_if":', _encode(list(r.scope.applicable_if)))
    out.append(",")
    known = usual(s, r.on)
    _amounts(out, r.amounts, known.own_funding_form)
    if r.tiers:
        out.append(',"tiers":[')
        for i, t in enumerate(r.tiers):
            out += ("," if i else "", '{"id":', _string(t.tier.id), ',"verdict":',
                    _VERDICT[t.verdict], ",")
            _amounts(out, t.amounts, known.own_funding_form)
            out.append("}")
        out.append("]")
    missing = r.missing_documents
    ids = [d.document.id for d in missing]
    # the shorter way: the documents still needed, or all the application's but these (each
    # id written in quotes with a comma: its length and 3)
    held = [d.document.id for d in r.documents
            if d.document.stage is Stage.APPLICATION and d.document.id not in ids]
    if len("".join(ids)) + 3 * len(ids) > len("".join(held)) + 3 * len(held) + 7:
        out += (',"missing_documents_except":', _encode(held))
    else:
        out += (',"missing_documents":', _encode(ids))
    maybe = [d.document.id for d in missing if d.needed is None]
    if maybe:
        out += (',"documents_needed_unknown":', _encode(maybe))
    passed = 0
    items: list[str] = []  # in the rules' order: an id alone for a usual finding
    others: list[str] = []  # the findings that are not the usual ones
    passed_usual: list[str] = []  # the rules that have a usual finding and passed
    usual_of, said_of, shared_of = known.findings.get, known.saids.get, known.shared.get
    ids_of, seen = known.ids.get, known.seen
    for f in r.findings:
        outcome = f.outcome
        rid = f.rule.id
        if outcome is Outcome.PASS:
            passed += 1
            q = ids_of(rid)
            if q is not None:
                passed_usual.append(q)
            continue
        last = seen.get(rid)
        if last is not None and last[0] is f:  # the finding written last time, as then
            items.append(last[1])
            if not last[2]:
                others.append(last[1])
            continue
        hit = shared_of(rid)
        if hit is not None and hit[0] is f.said and hit[1] is outcome and hit[2] == f.missing:
            same = True  # the very words of the usual finding
        else:
            u = usual_of(rid)
            if u is None:
                same = False
            elif f.said is not None and (k := said_of(rid)) is not None:
                same = said_same(k, f, outcome)  # the same template and values: the same words
            else:
                same = _same(u, outcome, f.message, f.fix if outcome in _FIX_OUTCOMES else "",
                             f.missing, name if rid in known.named else None)
        if same:  # the catalogue's usual finding: its id says it all
            item = known.ids[rid]
        else:
            item = _finding(f, outcome)
            others.append(item)
        items.append(item)
        if rid not in known.named:  # else the company's name decides
            if len(seen) >= 4096:
                seen.clear()
            seen[rid] = (f, item, same)
    # the shorter of two ways to name the usual findings: their ids, or all the catalogue's
    # but those of the rules that passed (and of those in "open"); each item with its comma
    every, other = ",".join(items), ",".join(others)
    but = ",".join(passed_usual)
    named = (len(every) + 1 if items else 0) - (len(other) + 1 if others else 0)
    if named > (len(but) + 1 if passed_usual else 0) + len(_EXCEPT):
        out += (',"open":[', other, _EXCEPT, but, ']')
    else:
        out += (',"open":[', every, "]")
    out += (',"passed":', str(passed), "}")


def _highest(m: MatchResult) -> str:
    """The largest maximum grant among the schemes in scope that fit or need information,
    compared in euros at the evaluation date's rates (a rate missing: that scheme is not
    compared). A scheme not applicable to the company (another country's registry) is left out,
    as the answer and the shortlist leave it out."""
    fx = FxRates(m.on, dict(m.fx.overrides))  # its own: the record's rates stay those used
    best: tuple[Any, str, Money] | None = None
    for r in m.results:
        am = r.amounts.amounts
        if (r.verdict not in _MAYBE or r.scope.state != IN_SCOPE or am is None
                or am.max_grant is None):
            continue
        try:
            eur = fx.convert(am.max_grant, "EUR").amount
        except LookupError:
            continue
        if best is None or eur > best[0]:
            best = (eur, r.scheme.id, am.max_grant)
    if best is None:
        return "null"
    return _encode({"scheme": best[1], "amount": decimal_str(best[2].amount),
                    "currency": best[2].currency})


def _profile(m: MatchResult) -> dict[str, Any]:
    c = m.profile.company
    out: dict[str, Any] = {"source": m.source, "name": c.name, "country": c.country,
                           "currency": c.money_currency}
    if c.org_number:
        out["org_number"] = c.org_number
    if c.cvr_number:
        out["cvr_number"] = c.cvr_number
    ranges = stated_ranges(m.profile)
    if ranges:
        out["ranges"] = ranges
    return out


_HEAD = f'{{"record":"{RECORD}","grantcheck_version":{_string(__version__)},"profile":'
_COMBINED: dict[tuple[str, ...], str] = {}  # the schemes' digests -> their combined digest


def _combined(digests: list[str]) -> str:
    """:func:`combined_digest`, once per list of schemes (the same for every profile)."""
    key = tuple(digests)
    value = _COMBINED.get(key)
    if value is None:
        if len(_COMBINED) >= 256:
            _COMBINED.clear()
        value = _COMBINED[key] = combined_digest(digests)
    return value


def match_to_compact(m: MatchResult, provenance: dict[str, str] | None = None) -> str:
    """The compact record of ``m`` (one line of JSON, without spaces), with a registry unit's
    ``provenance``."""
    out = [_HEAD, _encode(_profile(m)), ',"evaluation_date":"', m.on.isoformat(),
           '","rule_set_digest":"', _combined([digest(r.scheme) for r in m.results]), '"']
    if m.fx.overrides:  # --rate: the rates used; otherwise the catalogue's, of the date
        out += (',"exchange_rates":', _encode(m.fx.to_json()))
    # a scheme's horizon warning is the same for every profile on the date: in the catalogue
    horizons = {t: r.scheme.id for r in m.results
                if (t := horizon_text(r.scheme, m.on)) and t in m.warnings}
    out += (',"warnings":', _encode([w for w in m.warnings if w not in horizons]))
    if horizons:
        out += (',"horizon_warnings":', _encode(list(horizons.values())))
    out += (',"any_open_scheme_fits":', "true" if m.any_open_fit else "false",
            ',"highest_max_grant":', _highest(m),
            ',"schemes":[')
    name = m.profile.company.name
    for i, r in enumerate(m.results):
        if i:
            out.append(",")
        _scheme(out, r, name)
    out.append("]")
    if provenance is not None:
        out += (',"provenance":', _encode(provenance))
    out.append("}")
    return "".join(out)
