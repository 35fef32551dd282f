"""Whether a scheme can concern a company on the evaluation date: its *scope*.

A scheme is *in scope* when its call is open on the date (or its rules decide, as for a call
whose rules are not encoded for the date) and the company is one it can concern. It is *not
applicable* when it is tied to another country's registry and the profile does not claim it: the
scheme declares the rules that tie it (``Scheme.applicability``, e.g. SMV:Digital's "a Danish CVR
number"), and for a company of another country any of them not met (failed or not stated) makes
the scheme not applicable, naming the fields that would make it applicable. For a company of the
scheme's own country those rules decide the verdict as every other rule does. A call closed (or
not yet open) on the date is *closed*.

The scope changes no verdict: ``verdict`` stays what the rules say, and `match` exits as before.
It decides what `match` shows by default (``--all`` shows every scheme).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from grantcheck.engine.checks import Outcome
from grantcheck.named import NamedTuple

if TYPE_CHECKING:
    from grantcheck.engine.rules import Finding

IN_SCOPE = "in_scope"
NOT_APPLICABLE = "not_applicable"
CLOSED = "closed"

# the call states whose verdict is the rules' own (as evaluate's _AS_IF_OPEN)
_OPEN_STATES = frozenset({"open", "not_encoded"})


class Scope(NamedTuple):
    state: str  # IN_SCOPE, NOT_APPLICABLE or CLOSED
    reason: str = ""  # why not in scope, in a few words
    applicable_if: tuple[str, ...] = ()  # not applicable: the fields that would make it so

    @property
    def shown(self) -> bool:
        return self.state == IN_SCOPE

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"state": self.state}
        if self.reason:
            out["reason"] = self.reason
        if self.applicable_if:
            out["applicable_if"] = list(self.applicable_if)
        return out


IN_SCOPE_SCOPE = Scope(IN_SCOPE)


def scope_of(applicability: tuple[str, ...], scheme_country: str, company_country: str,
             status: str, status_text: str, findings: Iterable[Finding]) -> Scope:
    """The scope of a scheme whose applicability rules are ``applicability``, for a company of
    ``company_country``, with the call in ``status`` and the rules' ``findings``."""
    if applicability and company_country != scheme_country:
        unmet = [f for f in findings
                 if f.rule.id in applicability and f.outcome is not Outcome.PASS]
        if unmet:
            fields = tuple(dict.fromkeys(x for f in unmet for x in (f.missing or f.rule.reads)))
            what = "; ".join(
                ("not stated: " if f.outcome is Outcome.UNKNOWN else "not met: ")
                + _lower_first(f.rule.title) for f in unmet)
            return _shared(NOT_APPLICABLE, f"a {scheme_country} scheme; {what}", fields)
    if status not in _OPEN_STATES:
        return _shared(CLOSED, status_text, ())
    return IN_SCOPE_SCOPE


# the scopes made so far: immutable and few (per scheme, date and reason), so one of each is
# shared by every profile of a batch and its JSON is encoded once (render/json.py)
_SCOPES: dict[tuple[str, str, tuple[str, ...]], Scope] = {}


def _shared(state: str, reason: str, fields: tuple[str, ...]) -> Scope:
    scope = _SCOPES.get((state, reason, fields))
    if scope is None:
        if len(_SCOPES) >= 1024:
            _SCOPES.clear()
        scope = _SCOPES[(state, reason, fields)] = Scope(state, reason, fields)
    return scope


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# the facts of a company's size: a rule that reads nothing else and fails is a gap of size
# (staff, turnover, balance sheet), which no project plan closes
SIZE_FACTS = frozenset({
    "company.employees_fte", "company.owners_fte", "company.turnover",
    "company.balance_sheet_total", "company.related", "company.previous_year",
    "company.public_ownership_percent",
})
SIZE_GAP = ("a size limit: the company's size (staff, turnover or balance sheet), not its "
            "project, is outside what the scheme allows")


def actionable_fix(finding: Finding, scope: Scope) -> str:
    """What a person could do about ``finding`` (failed, unknown or a warning), or "": nothing
    for a scheme out of scope (a closed call, another country's scheme), and a failed size rule
    said as the structural gap it is, not as the arithmetic to close it."""
    if scope.state != IN_SCOPE or not finding.fix or finding.outcome is Outcome.PASS:
        return ""
    reads = finding.rule.reads
    if finding.outcome is Outcome.FAIL and reads and all(
            r in SIZE_FACTS or r.startswith("company.related[") for r in reads):
        return SIZE_GAP
    return finding.fix
