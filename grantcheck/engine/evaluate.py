"""Documents, amounts, tiers, schemes and their results: :func:`evaluate`, every rule of a scheme
with its findings, documents and amounts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from grantcheck.basis import Fact, Horizon, LegalBasis, horizon
from grantcheck.citations import Citation, Source
from grantcheck.engine.checks import (
    _RANK,
    BINDING,
    Missing,
    Outcome,
    Text,
    Verdict,
    _tuple_new,
    text_of,
)
from grantcheck.engine.context import Ctx
from grantcheck.engine.encoded import SECTION as ENCODED_SECTION
from grantcheck.engine.encoded import encoded_rule
from grantcheck.engine.rules import _UNKNOWN_ERRORS, Finding, Rule
from grantcheck.engine.scope import IN_SCOPE_SCOPE, Scope, scope_of
from grantcheck.fx import NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.money import Money
from grantcheck.parameters import NotEncoded, Parameter

# --- documents, amounts, tiers, schemes -----------------------------------------------------


class Stage(StrEnum):
    APPLICATION = "application"
    GRANT_START = "grant_start"
    AFTER_PROJECT = "after_project"
    REMINDER = "reminder"


class Document(NamedTuple):
    id: str
    name: str
    cites: tuple[Citation, ...]
    stage: Stage = Stage.APPLICATION
    when: Callable[[Ctx], bool | None] | None = None  # None: always needed
    condition: str = ""  # in words, when `when` is set
    tier: str | None = None


class Amounts(NamedTuple):
    """What a scheme would give and what the company must fund itself. A named tuple, like
    :class:`Check`: immutable, and made four times as fast as a frozen dataclass (every scheme
    makes one or two for every profile)."""

    max_grant: Money | None
    own_funding: Money | None
    own_funding_form: str
    basis: Text  # a str in evaluate()'s results; summarize() leaves a function unmade
    rate: Decimal | None = None
    cap: Money | None = None
    cost_base: Money | None = None
    cites: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()

    def made(self) -> Amounts:
        """These amounts with their basis made, a str."""
        return self if type(self.basis) is str else self.with_basis(text_of(self.basis))

    def with_basis(self, basis: Text) -> Amounts:
        """These amounts with another basis (``_replace``, without its generality: called for
        every profile whose currency is not the scheme's)."""
        return _tuple_new(Amounts, (self.max_grant, self.own_funding, self.own_funding_form,
                                    basis, self.rate, self.cap, self.cost_base, self.cites,
                                    self.missing))


AmountsFn = Callable[[Ctx], Amounts]


class Tier(NamedTuple):
    id: str
    name: str
    amounts: AmountsFn


class CallWindow(NamedTuple):
    opens: date | None
    closes: date | None  # the last open day
    cites: tuple[Citation, ...]
    note: str = ""
    # the first day the page's rules are known to apply (its version, or the earliest day its
    # own words allow): a call with no opening date is "open" only from then
    known_from: Fact | None = None
    # the days the scheme's rules are encoded for: set by the Scheme from its legal bases,
    # ``known_from`` and its parameters; outside them the call is "not_encoded", never "open"
    encoded: Horizon | None = None

    def state(self, on: date) -> str:
        """'open', 'closed', 'not_yet_open' or 'not_encoded' (the first part of
        :meth:`status`)."""
        if self.opens and on < self.opens:
            return "not_yet_open"
        encoded = self.encoded
        if encoded is not None and on < encoded.start:
            return "not_encoded"
        if self.closes and on > self.closes:
            return "closed"
        if encoded is not None and encoded.until is not None and on > encoded.until:
            return "not_encoded"
        return "open"

    def status(self, on: date) -> tuple[str, str]:
        """('open'|'closed'|'not_yet_open'|'not_encoded', sentence)."""
        state = self.state(on)
        if state == "not_yet_open" and self.opens:
            return state, f"opens {self.opens.isoformat()}"
        if state == "not_encoded" and self.encoded is not None:
            e = self.encoded
            if on < e.start:
                return state, f"not encoded before {e.start.isoformat()} ({e.start_reason})"
            assert e.until is not None
            return state, f"not encoded after {e.until.isoformat()} ({e.until_reason})"
        if state == "closed" and self.closes:
            return state, f"closed since {self.closes.isoformat()} (last open day)"
        opening = "" if self.opens else " (no opening date stated)"
        if self.closes:
            return state, f"open until {self.closes.isoformat()}{opening}"
        return state, self.note or "no deadline stated"


@dataclass(frozen=True, slots=True)
class Scheme:
    id: str
    name: str
    agency: str
    country: str
    currency: str
    source: Source
    call: CallWindow
    rules: tuple[Rule, ...]
    documents: tuple[Document, ...]
    amounts: AmountsFn | None
    parameters: tuple[Parameter[Any], ...]
    summary: str
    tiers: tuple[Tier, ...] = ()
    notes: tuple[str, ...] = ()
    fit_wording: str = ""  # e.g. "relevant for assessment"
    legal_bases: tuple[LegalBasis, ...] = ()
    # the ids of the rules that tie the scheme to its country (its registry): for a company of
    # another country that does not meet them the scheme is not applicable (engine/scope.py)
    applicability: tuple[str, ...] = ()
    # the days the rules are encoded for (made from the bases, the call's known_from and the
    # parameters), and the binding rule that checks it, the first of ``rules``
    horizon: Horizon = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        span = horizon(self.legal_bases, self.call.known_from, self.parameters)
        object.__setattr__(self, "horizon", span)
        object.__setattr__(self, "call", self.call._replace(encoded=span))
        unknown_ids = set(self.applicability) - {r.id for r in self.rules}
        if unknown_ids:
            raise ValueError(f"scheme {self.id}: applicability names no rule "
                             f"{', '.join(sorted(unknown_ids))}")
        if self.rules and self.rules[0].section == ENCODED_SECTION:
            return  # made already (a scheme copied with dataclasses.replace)
        prefix = re.match(r"[A-Z]+", self.rules[0].id if self.rules else "")
        if prefix is None:
            raise ValueError(f"scheme {self.id}: rule ids must start with capital letters")
        rule = encoded_rule(f"{prefix.group()}00", self.legal_bases, self.call.known_from,
                            self.parameters, span, self.call.cites or (self.source_cite(),))
        object.__setattr__(self, "rules", (rule, *self.rules))

    def source_cite(self) -> Citation:
        return Citation(self.source, self.name, "")

    def rules_for(self, tier: str | None) -> list[Rule]:
        return [r for r in self.rules if r.tier is None or r.tier == tier]


# --- results --------------------------------------------------------------------------------





class DocumentStatus(NamedTuple):
    document: Document
    held: bool | None  # None: the profile does not list documents held
    needed: bool | None  # None: cannot tell whether it is needed

    def to_json(self) -> dict[str, object]:
        d = self.document
        out: dict[str, object] = {"id": d.id, "name": d.name, "stage": d.stage.value}
        if d.tier:
            out["tier"] = d.tier
        if d.condition:
            out["condition"] = d.condition
        if self.needed is None:
            out["needed"] = "unknown"
        out["source"] = [c.to_json() for c in d.cites]
        return out


# the call states whose verdict is the rules' own: before the page's rules are known, the rules
# say so themselves (the scheme's first rule is unknown), never "closed"
_AS_IF_OPEN = frozenset({"open", "not_encoded"})


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    unknown_seen = False
    for f in findings:
        if f.rule.kind in BINDING:
            if f.outcome is Outcome.FAIL:
                return Verdict.DOES_NOT_FIT
            if f.outcome is Outcome.UNKNOWN:
                unknown_seen = True
    return Verdict.NEEDS_INFORMATION if unknown_seen else Verdict.FITS


@dataclass(slots=True)
class AmountsResult:
    amounts: Amounts | None
    problem: str = ""
    missing: tuple[str, ...] = ()

    def made(self) -> AmountsResult:
        """These amounts with their basis made, a str (:func:`summarize` leaves a function)."""
        made = None if self.amounts is None else self.amounts.made()
        return self if made is self.amounts else AmountsResult(made, self.problem, self.missing)


@dataclass(slots=True)
class TierResult:
    tier: Tier
    verdict: Verdict
    amounts: AmountsResult


@dataclass(slots=True)
class SchemeResult:
    scheme: Scheme
    on: date
    status: str
    status_text: str
    verdict_if_open: Verdict
    findings: list[Finding]
    amounts: AmountsResult
    documents: list[DocumentStatus]
    tiers: list[TierResult] = field(default_factory=list)
    scope: Scope = IN_SCOPE_SCOPE

    @property
    def verdict(self) -> Verdict:
        return self.verdict_if_open if self.status in _AS_IF_OPEN else Verdict.CLOSED

    @property
    def missing_documents(self) -> list[DocumentStatus]:
        return [d for d in self.documents
                if d.document.stage is Stage.APPLICATION and d.needed is not False and not d.held]

    @property
    def later_documents(self) -> list[DocumentStatus]:
        return [d for d in self.documents
                if d.document.stage is not Stage.APPLICATION and d.needed is not False]


def _amounts(fn: AmountsFn | None, ctx: Ctx, currency: str, explain: bool = True
             ) -> AmountsResult:
    """The amounts ``fn`` computes, in the scheme's ``currency`` (the catalogue: "Money is
    exact (decimal), in the scheme's currency"); a company that states its figures in another
    currency has them converted at the dated rate, and the basis says so. The basis is made
    (a str) unless not ``explain``."""
    if fn is None:
        return AmountsResult(None, "the scheme states no amount")
    actx = ctx.in_currency(currency)
    try:
        amounts = fn(actx)
        basis = amounts.basis
        if actx is not ctx:
            note = actx.constant(_converted_note)  # now: it asks for the rates it names
            basis = _ended(basis, note)
        if explain:
            basis = text_of(basis)
        return AmountsResult(amounts if basis is amounts.basis else amounts.with_basis(basis))
    except Missing as m:
        return AmountsResult(None, f"needs {', '.join(m.fields)}", m.fields)
    except (NotEncoded, NoRate, DateOutOfRange) as e:
        return AmountsResult(None, str(e))


def _ended(basis: Text, note: str) -> Text:
    return lambda: text_of(basis) + note



def _converted_note(ctx: Ctx) -> str:
    """The end of a basis whose amounts were converted into the scheme's currency."""
    rates = ctx.fx.describe_conversion(ctx.profile_currency, ctx.currency, " and ")
    return (f"; in the scheme's currency, {ctx.currency}: the profile's {ctx.profile_currency} "
            f"figures are converted at {rates}")


def _document_status(doc: Document, ctx: Ctx, held_list: list[str] | None) -> DocumentStatus:
    needed: bool | None = True
    if doc.when is not None:
        try:
            needed = doc.when(ctx)
        except _UNKNOWN_ERRORS:
            needed = None
    held = None if held_list is None else doc.id in held_list
    return DocumentStatus(doc, held, needed)


def evaluate(scheme: Scheme, ctx: Ctx) -> SchemeResult:
    findings = [r.evaluate(ctx) for r in scheme.rules]
    status, status_text = scheme.call.status(ctx.on)
    held_list = ctx.profile.documents.held if ctx.profile.documents else None
    docs = [_document_status(d, ctx, held_list) for d in scheme.documents]
    tiers: list[TierResult] = []
    if scheme.tiers:
        common = [f for f in findings if f.rule.tier is None]
        for t in scheme.tiers:
            tier_findings = common + [f for f in findings if f.rule.tier == t.id]
            tiers.append(TierResult(t, verdict_of(tier_findings),
                                    _amounts(t.amounts, ctx, scheme.currency)))
        best = max(tiers, key=lambda tr: _RANK[tr.verdict])
        # the amounts shown for the scheme are those of the highest tier with the best verdict
        best = [tr for tr in tiers if tr.verdict is best.verdict][-1]
        verdict = best.verdict
        amounts = best.amounts
    else:
        verdict = verdict_of(findings)
        amounts = _amounts(scheme.amounts, ctx, scheme.currency)
    scope = scope_of(scheme.applicability, scheme.country, ctx.profile.company.country, status,
                     status_text, findings)
    return SchemeResult(scheme, ctx.on, status, status_text, verdict, findings, amounts, docs,
                        tiers, scope)
