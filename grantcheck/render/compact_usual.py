"""What the sample applicant gets from a scheme on a date: the *usual* findings a compact record
names by rule id alone (docs/batch.md, "The compact record"; written by
:mod:`grantcheck.render.compact`, listed by the catalogue)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from grantcheck.engine import Ctx, Finding, Outcome, Scheme, evaluate
from grantcheck.engine.messages import Said
from grantcheck.fx import FxRates
from grantcheck.named import NamedTuple
from grantcheck.profile import ProfileError, profile_from_data
from grantcheck.render.compact_read import COMPANY
from grantcheck.render.compact_read import FIX_OUTCOMES as _FIX_OUTCOMES

SAMPLE_NAME = "sample applicant"  # the applicant of the usual findings: a name and a country


_string: Callable[[str], str] = json.encoder.encode_basestring
FindingKey = tuple[Outcome, str, str, tuple[str, ...]]


class Usual(NamedTuple):
    """What the sample applicant gets from a scheme on a date: the findings of the rules it
    does not pass (rule id -> :data:`FindingKey`, its name written :data:`COMPANY`), the
    rules whose message or fix names it, the own-funding form, and the templates and values of
    those findings that have them (rule id -> :data:`SaidKey`: compared without making the
    words). ``shared``: the rules whose usual finding is a template said with values the
    engine shares between profiles (a fact not stated, a date's constant), with that
    :class:`Said` object, outcome and missing fields: a finding saying the same object says
    the same words, told without making them (rule id -> (said, outcome, missing))."""

    findings: dict[str, FindingKey]
    own_funding_form: str | None
    named: frozenset[str]
    saids: dict[str, SaidKey]
    shared: dict[str, tuple[Said, Outcome, tuple[str, ...]]]
    ids: dict[str, str]  # rule id -> its JSON string, for the rules with a usual finding
    # rule id -> the finding a record wrote last, what it wrote and whether it is the usual
    # one (the engine gives a rule's finding again for the check it gave again): not kept for
    # a rule whose usual finding names the company
    seen: dict[str, tuple[Finding, str, bool]]


# what a templated finding says: outcome, template id, its values, the fix shown when it is the
# finding's own words (None: the template's), missing fields
SaidKey = tuple[Outcome, str, dict[str, str], str | None, tuple[str, ...]]


def _said_key(f: Finding, outcome: Outcome) -> SaidKey | None:
    said = f.said
    if said is None:
        return None
    own = None if said.message.fix else f.fix if outcome in _FIX_OUTCOMES else ""
    return (outcome, said.message.id, said.strings(), own, f.missing)


def said_same(k: SaidKey, f: Finding, outcome: Outcome) -> bool:
    """Whether ``f``, whose words are a template's, says what the usual finding ``k`` says: its
    outcome, missing fields and template compared first, the values made into words last."""
    said = f.said
    if said is None or k[0] is not outcome or k[4] != f.missing or k[1] != said.message.id:
        return False
    return k == _said_key(f, outcome)


_USUAL: dict[tuple[int, date], tuple[Scheme, Usual]] = {}



def _key(f: Finding) -> FindingKey:
    """What a finding says beyond its rule: outcome, message, the fix shown, missing fields."""
    fix = f.fix if f.outcome in _FIX_OUTCOMES else ""
    return (f.outcome, f.message, fix, f.missing)


def usual(s: Scheme, on: date) -> Usual:
    """What the sample applicant gets from ``s`` on ``on`` (once per scheme and date)."""
    hit = _USUAL.get((id(s), on))
    if hit is not None and hit[0] is s:
        return hit[1]
    try:
        sample = profile_from_data({"company": {"name": SAMPLE_NAME, "country": s.country,
                                                "currency": s.currency}}, f"<{SAMPLE_NAME}>")
    except ProfileError:  # a scheme of a country a profile cannot name: no usual findings
        found = Usual({}, None, frozenset(), {}, {}, {}, {})
    else:
        ctx = Ctx(sample, on, FxRates(on))
        try:
            result = evaluate(s, ctx)
        finally:
            ctx.forget()
        am = result.amounts.amounts
        keys = {f.rule.id: _key(f) for f in result.findings if f.outcome is not Outcome.PASS}
        named = frozenset(i for i, k in keys.items() if SAMPLE_NAME in k[1] + k[2])
        for i in named:
            o, message, fix, fields = keys[i]
            keys[i] = (o, message.replace(SAMPLE_NAME, COMPANY), fix.replace(SAMPLE_NAME, COMPANY),
                       fields)
        saids = {f.rule.id: k for f in result.findings
                 if f.rule.id in keys and f.rule.id not in named
                 and (k := _said_key(f, f.outcome)) is not None}
        # the template's own fix only: a fix of the finding's own words is compared as words
        shared = {i: (f.said, f.outcome, f.missing) for f in result.findings
                  if (i := f.rule.id) in saids and f.said is not None and f.said.message.fix}
        found = Usual(keys, am.own_funding_form if am is not None else None, named, saids,
                      shared, {i: _string(i) for i in keys}, {})
    if len(_USUAL) >= 256:
        _USUAL.clear()
    _USUAL[(id(s), on)] = (s, found)
    return found


def key_to_json(k: FindingKey) -> dict[str, Any]:
    """A finding's outcome, message, fix and missing fields as a record writes them."""
    outcome, message, fix, missing = k
    out: dict[str, Any] = {"outcome": outcome.value, "message": message}
    if fix:
        out["fix"] = fix
    if missing:
        out["missing_fields"] = list(missing)
    return out
