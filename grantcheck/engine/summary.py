"""The verdicts-only path (batch csv and table output): :func:`summarize` gives what
:func:`~grantcheck.engine.evaluate.evaluate` gives without findings or documents, faster."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from grantcheck.engine.checks import (
    _RANK,
    BINDING,
    Kind,
    Verdict,
)
from grantcheck.engine.context import Ctx
from grantcheck.engine.evaluate import (
    _AS_IF_OPEN,
    AmountsResult,
    NotFitting,
    _amounts,
    open_by_tier,
    settling,
    shown_for,
)
from grantcheck.engine.rules import _UNKNOWN_ERRORS, Rule, findings_of
from grantcheck.engine.scheme import AmountsFn, Scheme, Tier
from grantcheck.engine.scope import CLOSED, IN_SCOPE, NOT_APPLICABLE
from grantcheck.slots import Fields

# --- verdicts only (batch csv and table output) -------------------------------------------------


class SchemeSummary(Fields):
    """A scheme's verdict and amounts without the findings and documents behind them: what
    :func:`summarize` gives. ``verdict``, ``verdict_if_open`` and ``amounts`` are those
    :func:`evaluate` gives for the same scheme and context, and ``scope`` the state of its scope
    (:mod:`grantcheck.engine.scope`: in scope, not applicable or closed)."""

    __slots__ = ("amounts", "scheme", "scope", "status", "verdict_if_open")

    def __init__(self, scheme: Scheme, status: str, verdict_if_open: Verdict,
                 amounts: AmountsResult, scope: str = IN_SCOPE) -> None:
        self.scheme, self.status = scheme, status
        self.verdict_if_open, self.amounts = verdict_if_open, amounts
        self.scope = scope

    @property
    def verdict(self) -> Verdict:
        return self.verdict_if_open if self.status in _AS_IF_OPEN else Verdict.CLOSED


class _Order:
    """The binding rules of one scheme and tier, tried most-often-failing first.

    A verdict does not depend on the order of its rules (any failed binding rule makes it
    "does not fit", whichever it is), so the order only decides how soon a failing profile
    stops being checked. It adapts to the profiles seen: every ``_RESORT`` verdicts the rules
    are sorted by how often each one was the first to fail.
    """

    __slots__ = ("fails", "rules", "seen")
    _RESORT = 512

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = [r for r in rules if r.kind in BINDING]
        self.fails = dict.fromkeys((r.id for r in self.rules), 0)
        self.seen = 0

    def verdict(self, ctx: Ctx) -> Verdict:
        """The verdict of these rules on ``ctx``, as :func:`verdict_of` their findings."""
        self.seen += 1
        if self.seen % self._RESORT == 0:
            fails = self.fails
            self.rules.sort(key=lambda r: -fails[r.id])  # stable: ties keep the page order
        unknown_seen = False
        for rule in self.rules:
            # Rule.run and _outcome of a binding rule, inlined (this loop is the batch's
            # innermost): a missing fact, parameter or rate makes the check unknown, and so does
            # an unknown check; a failed one fails unless it is only information
            try:
                c = rule.fn(ctx)
            except _UNKNOWN_ERRORS:
                unknown_seen = True
                continue
            if c.ok is None:
                unknown_seen = True
            elif not c.ok and not c.info:
                self.fails[rule.id] += 1
                return Verdict.DOES_NOT_FIT
        return Verdict.NEEDS_INFORMATION if unknown_seen else Verdict.FITS


_ORDERS: dict[tuple[int, str | None], _Order] = {}


def _order(scheme: Scheme, tier: str | None) -> _Order:
    """The order of the rules of ``tier`` alone (None: the rules every tier shares)."""
    key = (id(scheme), tier)
    order = _ORDERS.get(key)
    if order is None:
        order = _ORDERS[key] = _Order(r for r in scheme.rules if r.tier == tier)
    return order


class Withheld(NotFitting):
    """The amounts of a scheme or tier that does not fit, as :func:`summarize` gives them: none
    (:class:`NotFitting`), and what they would be, with the reason they could not be computed
    (``if_fitted``, ``problem``), worked out only when read. The csv and the table of a batch
    read neither, so the verdicts-only path does not compute the amounts of the schemes a
    profile does not fit; :meth:`made` gives the :class:`NotFitting` :func:`evaluate` gives."""

    __slots__ = ("_of",)

    def __init__(self, scheme: Scheme, fn: AmountsFn | None, ctx: Ctx) -> None:
        # problem and if_fitted are left unset: reading one reaches __getattr__, which sets both
        self.amounts, self.missing, self._of = None, (), (scheme, fn, ctx)

    def __getattr__(self, name: str) -> Any:
        if name not in ("problem", "if_fitted"):
            raise AttributeError(name)
        done = self._done()
        self.problem, self.if_fitted = done.problem, done.if_fitted
        return getattr(done, name)

    def _done(self) -> NotFitting:
        scheme, fn, ctx = self._of
        done = shown_for(Verdict.DOES_NOT_FIT, _amounts(scheme, fn, ctx, explain=False))
        assert isinstance(done, NotFitting)
        return done

    def made(self) -> NotFitting:
        return self._done().made()


def _shown(scheme: Scheme, fn: AmountsFn | None, verdict: Verdict, ctx: Ctx) -> AmountsResult:
    """The amounts ``fn`` computes as a result with ``verdict`` shows them (:func:`shown_for`);
    for *does not fit*, none, not computed (:class:`Withheld`), unless computing them could
    change the warnings, which a csv row carries: past the rate table's months, the amounts
    ask for the rates of the company's currency and the scheme's, and a rate asked for first
    there is named as stale (then they are computed, as :func:`evaluate` computes them)."""
    if verdict is not Verdict.DOES_NOT_FIT:
        return _amounts(scheme, fn, ctx, explain=False)
    if ctx.fx.warn_alike((ctx.profile_currency, scheme.currency)):
        return Withheld(scheme, fn, ctx)
    return shown_for(verdict, _amounts(scheme, fn, ctx, explain=False))


def _worse(a: Verdict, b: Verdict) -> Verdict:
    return a if _RANK[a] <= _RANK[b] else b


def summarize(scheme: Scheme, ctx: Ctx) -> SchemeSummary:
    """The verdict and amounts :func:`evaluate` gives, without findings or documents, stopping
    at the first failed binding rule: several times faster for profiles a scheme does not fit.

    A rule that would raise an unexpected error after a failed one is not run (``evaluate``
    would have raised it)."""
    status = scheme.call.state(ctx.on)
    scope = _scope(scheme, ctx, status)
    if not scheme.tiers:
        verdict = _order(scheme, None).verdict(ctx)
        return SchemeSummary(scheme, status, verdict,
                             _shown(scheme, scheme.amounts, verdict, ctx), scope)
    common = _order(scheme, None).verdict(ctx)
    best, verdict = scheme.tiers[-1], common
    needing: list[Tier] = []  # the tiers above the best that need information
    if common is not Verdict.DOES_NOT_FIT:
        # as evaluate(): the highest tier with the best verdict. A tier's verdict is never better
        # than the common rules' one, so from the highest tier down the first that reaches it
        # is the one, and the tiers below it need not be checked
        best_rank = -1
        for t in reversed(scheme.tiers):
            v = _worse(common, _order(scheme, t.id).verdict(ctx))
            if _RANK[v] > best_rank:
                best_rank, best, verdict = _RANK[v], t, v
                if v is common:
                    break
            if v is Verdict.NEEDS_INFORMATION:
                needing.insert(0, t)
    amounts = _shown(scheme, best.amounts, verdict, ctx)
    if verdict is Verdict.FITS and needing:  # as evaluate(): the grant is open (rarely)
        amounts = open_by_tier(best, amounts, [
            (t, _amounts(scheme, t.amounts, ctx, explain=False),
             settling(findings_of(_tier_rules(scheme, t.id), ctx), t.id)) for t in needing],
            explain=False)
    return SchemeSummary(scheme, status, verdict, amounts, scope)


def _tier_rules(scheme: Scheme, tier: str) -> list[Rule]:
    return [r for r in scheme.rules if r.tier == tier]


def _scope(scheme: Scheme, ctx: Ctx, status: str) -> str:
    """The state of the scheme's scope, as :func:`evaluate` decides it (:func:`scope_of`): for
    a company of another country, not applicable unless every rule that ties the scheme to its
    country's registry passes; only those rules are run, and only until one does not pass."""
    if scheme.applicability and ctx.profile.company.country != scheme.country:
        for rule in _tying(scheme):
            try:
                c = rule.fn(ctx)
            except _UNKNOWN_ERRORS:
                return NOT_APPLICABLE
            if not c.ok or c.info or rule.kind is Kind.INFO:  # Rule._outcome's PASS, inlined
                return NOT_APPLICABLE
    return IN_SCOPE if status in _AS_IF_OPEN else CLOSED


_TYING: dict[int, tuple[Scheme, tuple[Rule, ...]]] = {}


def _tying(scheme: Scheme) -> tuple[Rule, ...]:
    """The rules that tie ``scheme`` to its country (``Scheme.applicability``), in page order."""
    hit = _TYING.get(id(scheme))
    if hit is None or hit[0] is not scheme:
        hit = _TYING[id(scheme)] = (scheme, tuple(
            r for r in scheme.rules if r.id in scheme.applicability))
    return hit[1]
