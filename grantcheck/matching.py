"""Check a profile against every scheme: the library entry point behind `grantcheck match`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from grantcheck.engine import (
    Ctx,
    Scheme,
    SchemeResult,
    SchemeSummary,
    Verdict,
    evaluate,
    summarize,
)
from grantcheck.fx import FxRates
from grantcheck.profile import Profile
from grantcheck.schemes import SCHEME_IDS, get
from grantcheck.slots import Fields

R = TypeVar("R", SchemeResult, SchemeSummary)


class _Match(Fields, Generic[R]):
    # provenance: where each fact came from (path -> source) when the profile was read from a
    # registry unit: shown by --explain beside the figures (grantcheck shortlist --explain)
    __slots__ = ("fx", "on", "profile", "provenance", "results", "source", "warnings")

    def __init__(self, profile: Profile, on: date, results: list[R], fx: FxRates,
                 source: str = "", warnings: list[str] | None = None,
                 provenance: dict[str, str] | None = None) -> None:
        self.profile, self.on = profile, on
        self.fx, self.source = fx, source
        self.results: list[R] = results
        self.warnings = [] if warnings is None else warnings
        self.provenance = {} if provenance is None else provenance

    @property
    def any_open_fit(self) -> bool:
        return any(r.verdict is Verdict.FITS for r in self.results)


class MatchResult(_Match[SchemeResult]):
    """Every scheme's verdict with the findings, amounts and documents behind it."""

    __slots__ = ()


class MatchSummary(_Match[SchemeSummary]):
    """What :func:`summarize_match` gives: a :class:`MatchResult` without findings or
    documents."""

    __slots__ = ()


def _each(fn: Callable[[Scheme, Ctx], R], profile: Profile, as_of: date,
          rates: Mapping[str, Decimal] | None, schemes: Iterable[str]
          ) -> tuple[list[R], FxRates]:
    fx = FxRates(as_of, dict(rates or {}))
    ctx = Ctx(profile, as_of, fx)
    try:
        return [fn(get(s), ctx) for s in schemes], fx
    finally:
        ctx.forget()


def check(
    profile: Profile,
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
    source: str = "",
    explain: bool = True,
) -> MatchResult:
    """Evaluate ``profile`` against the schemes on the date ``as_of``; without ``explain`` an
    amount's basis is left a function, made when read (:meth:`AmountsResult.made`), for a
    caller that shows none (batch's compact record)."""
    check_one = evaluate if explain else _unexplained
    results, fx = _each(check_one, profile, as_of, rates, schemes)
    return MatchResult(profile, as_of, results, fx, source,
                       fx.warnings() + horizon_warnings(results, as_of))


def _unexplained(scheme: Scheme, ctx: Ctx) -> SchemeResult:
    return evaluate(scheme, ctx, explain=False)


def summarize_match(
    profile: Profile,
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
    source: str = "",
) -> MatchSummary:
    """The verdicts, amounts and warnings :func:`check` gives, computed without the findings
    behind them (batch's csv and table output): see :func:`grantcheck.engine.summarize`."""
    results, fx = _each(summarize, profile, as_of, rates, schemes)
    return MatchSummary(profile, as_of, results, fx, source,
                        fx.warnings() + horizon_warnings(results, as_of))


HORIZON_WARNING_DAYS = 60


def horizon_warnings(results: Iterable[SchemeResult | SchemeSummary], on: date) -> list[str]:
    """A warning for each scheme that could concern the company (its call open, its verdict
    *fits* or *needs information*) whose rules are encoded for at most
    :data:`HORIZON_WARNING_DAYS` more days: after that day it cannot fit until the act that
    follows is encoded."""
    out = []
    for r in results:
        text = _HORIZON_TEXT.get((r.scheme.id, on))
        if text is None:
            text = _horizon_text(r.scheme, on)
        if text and r.status == "open" and r.verdict is not Verdict.DOES_NOT_FIT:
            out.append(text)
    return out


# (scheme id, date) -> the warning ("": none): the same for every profile of a batch
_HORIZON_TEXT: dict[tuple[str, date], str] = {}


def horizon_text(scheme: Scheme, on: date) -> str:
    """The warning :func:`horizon_warnings` gives for ``scheme`` on ``on`` when it could
    concern the company ("": none; the same for every profile)."""
    text = _HORIZON_TEXT.get((scheme.id, on))
    return _horizon_text(scheme, on) if text is None else text


def _horizon_text(scheme: Scheme, on: date) -> str:
    until = scheme.horizon.until
    text = ""
    if until is not None and 0 <= (until - on).days <= HORIZON_WARNING_DAYS:
        days = (until - on).days
        text = (f"{scheme.id}: rules encoded until {until.isoformat()} "
                f"({scheme.horizon.until_reason}), {days} day{'s' if days != 1 else ''} after "
                "the evaluation date; past it, it cannot fit until the next act is encoded")
    if len(_HORIZON_TEXT) >= 1024:
        _HORIZON_TEXT.clear()
    _HORIZON_TEXT[(scheme.id, on)] = text
    return text
