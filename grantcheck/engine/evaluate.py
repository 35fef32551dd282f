"""Documents, amounts, tiers, schemes and their results: :func:`evaluate`, every rule of a scheme
with its findings, documents and amounts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from grantcheck.citations import Citation, Source
from grantcheck.fx import NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.money import Money
from grantcheck.parameters import NotEncoded, Parameter

if TYPE_CHECKING:
    pass

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
from grantcheck.engine.rules import _UNKNOWN_ERRORS, Finding, Rule

# --- documents, amounts, tiers, schemes -----------------------------------------------------


class Stage(StrEnum):
    APPLICATION = "application"
    GRANT_START = "grant_start"
    AFTER_PROJECT = "after_project"
    REMINDER = "reminder"


@dataclass(frozen=True)
class Document:
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


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    name: str
    amounts: AmountsFn


@dataclass(frozen=True, slots=True)
class CallWindow:
    opens: date | None
    closes: date | None  # the last open day
    cites: tuple[Citation, ...]
    note: str = ""

    def state(self, on: date) -> str:
        """'open', 'closed' or 'not_yet_open' (the first part of :meth:`status`)."""
        if self.opens and on < self.opens:
            return "not_yet_open"
        if self.closes and on > self.closes:
            return "closed"
        return "open"

    def status(self, on: date) -> tuple[str, str]:
        """('open'|'closed'|'not_yet_open', sentence)."""
        state = self.state(on)
        if state == "not_yet_open" and self.opens:
            return state, f"opens {self.opens.isoformat()}"
        if state == "closed" and self.closes:
            return state, f"closed since {self.closes.isoformat()} (last open day)"
        if self.closes:
            return state, f"open until {self.closes.isoformat()}"
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

    def rules_for(self, tier: str | None) -> list[Rule]:
        return [r for r in self.rules if r.tier is None or r.tier == tier]


# --- results --------------------------------------------------------------------------------





@dataclass(frozen=True)
class DocumentStatus:
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

    @property
    def verdict(self) -> Verdict:
        return self.verdict_if_open if self.status == "open" else Verdict.CLOSED

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
    return SchemeResult(scheme, ctx.on, status, status_text, verdict, findings, amounts, docs,
                        tiers)
