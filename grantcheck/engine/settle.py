"""What a scheme's result is shown as, and which facts would settle its unknown rules: read by
`match`'s default view (:mod:`grantcheck.render.match`) and by the outreach pack and the
shortlist (:mod:`grantcheck.outreach`), so the two ask the same questions in the same order."""

from __future__ import annotations

from collections.abc import Iterable

from grantcheck.engine.checks import Kind, Outcome, Verdict
from grantcheck.engine.evaluate import SchemeResult
from grantcheck.engine.rules import Finding
from grantcheck.engine.scope import CLOSED, NOT_APPLICABLE

# what a scheme is shown as, in the order schemes are listed: what fits first, what is out of
# scope last; with the words that count them (one, many)
FITS, NEEDS, NO_FIT, NOT_APPLICABLE_LABEL, CLOSED_LABEL = (
    "fits", "needs information", "does not fit", "not applicable", "closed")
COUNTED = {FITS: ("fits", "fit"), NEEDS: ("needs information", "need information"),
           NO_FIT: ("does not fit", "do not fit"),
           NOT_APPLICABLE_LABEL: ("not applicable", "not applicable"),
           CLOSED_LABEL: ("closed", "closed")}
RANK = {label: i for i, label in enumerate(COUNTED)}
# a scheme in scope that needs information only because its rules are not encoded for the date
# (before its page's rules or past its legal basis): no answer settles it on that date, so every
# count of what "can still fit" (match's answer, batch's, shortlist's, the outreach summary)
# counts it apart, in these words, right after those that need information (its verdict stays
# the rules' own)
UNDECIDED = "no rules encoded"
UNDECIDED_WORDS = ("has no rules encoded for the date", "have no rules encoded for the date")


def undecided(r: SchemeResult) -> bool:
    """Whether ``r`` needs information only because no rules are encoded for the date."""
    return r.status == "not_encoded" and shown_as(r) == NEEDS


def shown_as(r: SchemeResult) -> str:
    """The scheme's verdict as the view shows it: the rules' verdict for a scheme in scope,
    else "not applicable" or "closed" (the scope decides which)."""
    if r.scope.state == NOT_APPLICABLE:
        return NOT_APPLICABLE_LABEL
    if r.scope.state == CLOSED or r.verdict is Verdict.CLOSED:
        return CLOSED_LABEL
    return r.verdict.label


def best_tier(r: SchemeResult) -> str | None:
    """The id of the best tier of ``r`` (None: a scheme without tiers, or none that fits)."""
    if not r.tiers or r.verdict_if_open is Verdict.DOES_NOT_FIT:
        return None
    return [t for t in r.tiers if t.verdict is r.verdict_if_open][-1].tier.id


def deciding_findings(r: SchemeResult) -> list[Finding]:
    """The scheme's findings that bear on its verdict: the common rules and the best tier's
    (all tiers' when none fits)."""
    tier = best_tier(r)
    return [f for f in r.findings if tier is None or f.rule.tier in (None, tier)]


def unknown_fields(r: SchemeResult) -> dict[str, list[str]]:
    """Each field that would settle an unknown rule of ``r``, with those rules' ids; a rule
    that names no field is keyed by its fix (or message) in brackets."""
    return fields_settling(deciding_findings(r))


def fields_settling(findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Each field that would settle one of ``findings`` that is unknown, with those rules' ids
    (see :func:`unknown_fields`)."""
    out: dict[str, list[str]] = {}
    for f in findings:
        if f.outcome is Outcome.UNKNOWN and f.rule.kind is not Kind.INFO:
            for field in f.missing or ("(" + (f.fix or f.message) + ")",):
                out.setdefault(field, []).append(f.rule.id)
    return out


def actions_settling(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """What settles unknown rules that no fact of the profile settles (their fix in brackets, in
    :func:`unknown_fields`: an evaluation date the rules cover, an exchange rate), each with its
    rules; an action that another one says at greater length is said once, by that one ("choose
    an evaluation date the rules cover (--as-of)" and the same with the dates they cover)."""
    said = {k[1:-1]: ids for k, ids in fields.items() if k.startswith("(")}
    by = {a: next((b for b in said if b != a and b.startswith(a)), a) for a in said}
    out: dict[str, list[str]] = {a: list(ids) for a, ids in said.items() if by[a] == a}
    for action, ids in said.items():
        target = action
        while by[target] != target:
            target = by[target]
        if target != action:
            out[target] += ids
    return {a: list(dict.fromkeys(ids)) for a, ids in out.items()}
