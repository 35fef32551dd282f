"""Check a profile against every scheme: the library entry point behind `grantcheck match`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from grantcheck.engine import Ctx, SchemeResult, SchemeSummary, Verdict, evaluate, summarize
from grantcheck.fx import FxRates
from grantcheck.profile import Profile
from grantcheck.schemes import SCHEME_IDS, get


@dataclass
class MatchResult:
    profile: Profile
    on: date
    results: list[SchemeResult]
    fx: FxRates
    source: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def any_open_fit(self) -> bool:
        return any(r.verdict is Verdict.FITS for r in self.results)


def check(
    profile: Profile,
    as_of: date,
    *,
    rates: Mapping[str, Decimal] | None = None,
    schemes: Iterable[str] = SCHEME_IDS,
    source: str = "",
) -> MatchResult:
    """Evaluate ``profile`` against the schemes on the date ``as_of``."""
    fx = FxRates(as_of, dict(rates or {}))
    ctx = Ctx(profile, as_of, fx)
    results = [evaluate(get(s), ctx) for s in schemes]
    return MatchResult(profile, as_of, results, fx, source, fx.warnings())


@dataclass
class MatchSummary:
    """What :func:`summarize` gives: a :class:`MatchResult` without findings or documents."""

    profile: Profile
    on: date
    results: list[SchemeSummary]
    fx: FxRates
    source: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def any_open_fit(self) -> bool:
        return any(r.verdict is Verdict.FITS for r in self.results)


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
    fx = FxRates(as_of, dict(rates or {}))
    ctx = Ctx(profile, as_of, fx)
    results = [summarize(get(s), ctx) for s in schemes]
    return MatchSummary(profile, as_of, results, fx, source, fx.warnings())
