"""A scheme's results: :func:`evaluate`, every rule of a scheme with its findings, documents and
amounts (what a scheme is: :mod:`.scheme`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from grantcheck.engine.checks import _RANK, BINDING, Missing, Outcome, Text, Verdict, text_of
from grantcheck.engine.context import Ctx
from grantcheck.engine.rules import _UNKNOWN_ERRORS, Finding, findings_of
from grantcheck.engine.scheme import Amounts, AmountsFn, Document, Scheme, Stage, Tier
from grantcheck.engine.scope import IN_SCOPE_SCOPE, Scope, scope_of
from grantcheck.fx import NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.named import NamedTuple
from grantcheck.parameters import NotEncoded
from grantcheck.slots import Fields

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
    fail, unknown = Outcome.FAIL, Outcome.UNKNOWN
    for f in findings:
        outcome = f.outcome  # first: most findings pass, and their kind is not read
        if outcome is fail:
            if f.rule.kind in BINDING:
                return Verdict.DOES_NOT_FIT
        elif outcome is unknown and not unknown_seen and f.rule.kind in BINDING:
            unknown_seen = True
    return Verdict.NEEDS_INFORMATION if unknown_seen else Verdict.FITS


class AmountsResult(Fields):
    """A scheme's (or tier's) amounts, or why there are none: ``problem`` in words, with the
    fields that are ``missing``."""

    __slots__ = ("amounts", "missing", "problem")

    def __init__(self, amounts: Amounts | None, problem: str = "",
                 missing: tuple[str, ...] = ()) -> None:
        self.amounts, self.problem, self.missing = amounts, problem, missing

    def made(self) -> AmountsResult:
        """These amounts with their basis made, a str (:func:`summarize` leaves a function)."""
        made = None if self.amounts is None else self.amounts.made()
        return self if made is self.amounts else AmountsResult(made, self.problem, self.missing)


NO_FIT_WORDS = "none: it does not fit"
"""What the amounts of a scheme or tier that does not fit say instead of a grant."""


class NotFitting(AmountsResult):
    """The amounts of a scheme or tier whose verdict is *does not fit*: none, since none can be
    had. A grant shown beside "does not fit" reads as one the company could get (SMV:Digital's
    up-to-DKK-250,000 voucher once showed DKK 100,000 while SMV24 failed it), so no view
    presents one; ``if_fitted`` keeps what the amounts would be if it fitted (None when they
    could not be computed), for the JSON's ``amounts_if_it_fitted`` and ``match --explain``,
    which name it so."""

    __slots__ = ("if_fitted",)

    def __init__(self, if_fitted: Amounts | None, why: str = "") -> None:
        # why they could not be computed either (a fact, or rules not encoded for the date)
        super().__init__(None, f"{NO_FIT_WORDS} (nor could the amounts be computed: {why})"
                         if why else NO_FIT_WORDS)
        self.if_fitted = if_fitted

    def made(self) -> NotFitting:
        if self.if_fitted is None:
            return self
        made = self.if_fitted.made()
        return self if made is self.if_fitted else NotFitting(made)


def shown_for(verdict: Verdict, amounts: AmountsResult) -> AmountsResult:
    """``amounts`` as a result with ``verdict`` shows them: none for *does not fit*
    (:class:`NotFitting`), else as they are."""
    if verdict is not Verdict.DOES_NOT_FIT:
        return amounts
    return NotFitting(amounts.amounts, "" if amounts.amounts is not None else amounts.problem)


def settling(findings: Iterable[Finding], tier: str) -> tuple[str, ...]:
    """The fields that would settle the binding rules of ``tier`` alone that are unknown, in
    page order."""
    unknown = Outcome.UNKNOWN
    return tuple(dict.fromkeys(m for f in findings if f.rule.tier == tier
                               and f.outcome is unknown and f.rule.kind in BINDING
                               for m in f.missing))


def open_by_tier(fits: Tier, low: AmountsResult,
                 above: list[tuple[Tier, AmountsResult, tuple[str, ...]]],
                 explain: bool = True) -> AmountsResult:
    """The amounts of a scheme whose tier ``fits`` fits while the higher tiers ``above`` need
    information (each with its amounts and the fields that would settle it): the grant is open
    from the fitting tier's most to the most a higher tier could give, and the facts that
    settle those tiers settle it (decided by bounds; "up to" the fitting tier's grant alone
    would understate it: SMV:Digital once said "up to DKK 25,000" while the DKK 100,000
    voucher waited on the turnover). ``low`` as it is when no higher tier gives more, or an
    amount is not worked out."""
    a = low.amounts
    if a is None or a.max_grant is None:
        return low
    least = a.max_grant
    more = [(h.amounts.max_grant, t, h.amounts, fields) for t, h, fields in above
            if h.amounts is not None and h.amounts.max_grant is not None
            and h.amounts.max_grant > least]
    if not more:
        return low
    most, top_tier, top, _ = max(reversed(more), key=lambda m: m[0])  # the highest tier
    fields = tuple(dict.fromkeys((*(f for *_, fs in more for f in fs), *a.missing)))
    needs = ", ".join(fields) if fields else "information"
    shown = ((fits, a), (top_tier, top))

    def basis() -> str:
        return (f"{least} with tier {fits.name}, which fits, to {most} with tier "
                f"{top_tier.name}, which needs {needs}; " + "; ".join(
                    f"tier {t.name}: {text_of(h.basis)}" for t, h in shown))

    amounts = a._replace(
        max_grant=None, own_funding=None, basis=text_of(basis) if explain else basis,
        rate=a.rate if all(h.rate == a.rate for _, h in shown) else None, cap=top.cap,
        cost_base=a.cost_base if all(h.cost_base == a.cost_base for _, h in shown) else None,
        cites=tuple(dict.fromkeys(c for _, h in shown for c in h.cites)), missing=fields,
        span=(least, most))
    return AmountsResult(amounts)


class TierResult(Fields):
    __slots__ = ("amounts", "tier", "verdict")

    def __init__(self, tier: Tier, verdict: Verdict, amounts: AmountsResult) -> None:
        self.tier, self.verdict, self.amounts = tier, verdict, amounts


class SchemeResult(Fields):
    """A scheme's verdict on a profile and date, with the findings, amounts, documents and tiers
    behind it, and whether the scheme concerns the company (its scope)."""

    __slots__ = (
        "amounts",
        "documents",
        "findings",
        "on",
        "scheme",
        "scope",
        "status",
        "status_text",
        "tiers",
        "verdict_if_open",
    )

    def __init__(self, scheme: Scheme, on: date, status: str, status_text: str,
                 verdict_if_open: Verdict, findings: list[Finding], amounts: AmountsResult,
                 documents: list[DocumentStatus], tiers: list[TierResult] | None = None,
                 scope: Scope = IN_SCOPE_SCOPE) -> None:
        self.scheme, self.on = scheme, on
        self.status, self.status_text = status, status_text
        self.verdict_if_open, self.findings, self.amounts = verdict_if_open, findings, amounts
        self.documents, self.tiers, self.scope = documents, [] if tiers is None else tiers, scope

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


def _amounts(scheme: Scheme, fn: AmountsFn | None, ctx: Ctx, explain: bool = True
             ) -> AmountsResult:
    """The amounts ``fn`` (the scheme's or a tier's) computes, in the scheme's currency (the
    catalogue: "Money is exact (decimal), in the scheme's currency"); a company that states its
    figures in another currency has them converted at the dated rate, and the basis says so.
    The basis is made (a str) unless not ``explain``.

    None on a date the scheme's rules are not encoded for, with the reason its first rule (the
    binding one of engine/encoded.py) gives: an amount read from numbers stated with no date
    (a page's constants) is not known to hold then either, so none is shown."""
    if fn is None:
        return AmountsResult(None, "the scheme states no amount")
    encoded = scheme.encoded(ctx)  # made once per date
    if encoded.ok is None:
        return AmountsResult(None, text_of(encoded.message))
    actx = ctx.in_currency(scheme.currency)
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


def evaluate(scheme: Scheme, ctx: Ctx, explain: bool = True) -> SchemeResult:
    """Every rule of ``scheme`` on ``ctx``, its documents, tiers and amounts; the amounts' basis
    is made (a str) unless not ``explain`` (a compact record shows no basis)."""
    findings = findings_of(scheme.rules, ctx)
    status, status_text = scheme.call.status(ctx.on)
    held_list = ctx.profile.documents.held if ctx.profile.documents else None
    docs = [_document_status(d, ctx, held_list) for d in scheme.documents]
    tiers: list[TierResult] = []
    if scheme.tiers:
        common = [f for f in findings if f.rule.tier is None]
        for t in scheme.tiers:
            tier_findings = common + [f for f in findings if f.rule.tier == t.id]
            tier_verdict = verdict_of(tier_findings)
            tiers.append(TierResult(t, tier_verdict, shown_for(
                tier_verdict, _amounts(scheme, t.amounts, ctx, explain))))
        # a tier's own document is not needed when the company does not fit that tier (SMV:
        # Digital's business case is asked only of "Ansøgere til tilskud på op til 250.000 kr.")
        out = {tr.tier.id for tr in tiers if tr.verdict is Verdict.DOES_NOT_FIT}
        docs = [d._replace(needed=False) if d.document.tier in out else d for d in docs]
        best = max(tiers, key=lambda tr: _RANK[tr.verdict])
        # the amounts shown for the scheme are those of the highest tier with the best verdict
        best = [tr for tr in tiers if tr.verdict is best.verdict][-1]
        verdict = best.verdict
        amounts = best.amounts
        if verdict is Verdict.FITS:  # a higher tier that needs information leaves the grant open
            above = [(tr.tier, tr.amounts, settling(findings, tr.tier.id))
                     for tr in tiers[tiers.index(best) + 1:]
                     if tr.verdict is Verdict.NEEDS_INFORMATION]
            if above:
                amounts = open_by_tier(best.tier, amounts, above, explain)
    else:
        verdict = verdict_of(findings)
        amounts = shown_for(verdict, _amounts(scheme, scheme.amounts, ctx, explain))
    scope = scope_of(scheme.applicability, scheme.country, ctx.profile.company.country, status,
                     status_text, findings)
    return SchemeResult(scheme, ctx.on, status, status_text, verdict, findings, amounts, docs,
                        tiers, scope)
