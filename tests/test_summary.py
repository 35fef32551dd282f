"""The verdicts-only path (engine.summarize, matching.summarize_match) that batch uses for csv
and the table gives exactly the verdicts and amounts of the full check, whatever order its rules
have adapted to."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck import engine
from grantcheck.fx import FxRates
from grantcheck.matching import check, summarize_match
from grantcheck.profile import Profile, load_profile, profile_from_data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
generate = pytest.importorskip("generate")

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
# before, inside and after the Swedish call window; the de minimis regime change (2024)
DATES = (date(2023, 2, 15), date(2023, 12, 31), date(2026, 11, 23))


def _generated(n: int, seed: int) -> list[Profile]:
    return [profile_from_data(json.loads(generate.to_json_line(d), parse_float=Decimal), f"#{i}")
            for i, d in enumerate(generate.profiles(n, seed=seed))]


def _same(profile: Profile, on: date, rates: dict[str, Decimal] | None = None) -> None:
    full = check(profile, on, rates=rates)
    short = summarize_match(profile, on, rates=rates)
    assert short.warnings == full.warnings
    assert short.any_open_fit == full.any_open_fit
    for f, s in zip(full.results, short.results, strict=True):
        where = f"{profile.company.name} {f.scheme.id} {on}"
        assert (s.verdict, s.verdict_if_open, s.status) == (f.verdict, f.verdict_if_open,
                                                             f.status), where
        assert s.amounts.made() == f.amounts, where
        assert s.scope == f.scope.state, where  # the table's "/": another country's scheme


@pytest.fixture
def quick_resort(monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-sort the rule orders every few profiles, so the test sees many different orders."""
    monkeypatch.setattr(engine._Order, "_RESORT", 7)
    monkeypatch.setattr(engine.summary, "_ORDERS", {})


@pytest.mark.usefixtures("quick_resort")
@pytest.mark.parametrize("on", DATES)
def test_generated_profiles_get_the_same_verdicts_and_amounts(on: date) -> None:
    for profile in _generated(400, seed=11):
        _same(profile, on)


@pytest.mark.usefixtures("quick_resort")
def test_example_profiles_and_a_rate_override_get_the_same_answer() -> None:
    for path in sorted(PROFILES.glob("*.toml")):
        for on in DATES:
            _same(load_profile(path), on)
            _same(load_profile(path), on, rates={"NOK": Decimal("11.9"), "SEK": Decimal("11")})


def _rule(rule_id: str, kind: engine.Kind, fails_when: int) -> engine.Rule:
    """A rule that fails on the contexts whose date's day is divisible by ``fails_when``."""
    return engine.Rule(rule_id, rule_id, kind, (), (), lambda ctx: engine.check(
        ctx.on.day % fails_when != 0, "checked"))


def test_the_order_tries_the_rule_that_failed_most_first_and_keeps_the_verdict() -> None:
    rules = [_rule("A", engine.Kind.HARD, 29), _rule("S", engine.Kind.SOFT, 1),
             _rule("B", engine.Kind.HARD, 1), _rule("C", engine.Kind.DECLARATION, 2)]
    order = engine._Order(rules)
    assert [r.id for r in order.rules] == ["A", "B", "C"]  # soft rules never decide a verdict
    ctx = engine.Ctx(load_profile(PROFILES / "nordlys-automation.toml"), date(2026, 11, 1),
                     FxRates(date(2026, 11, 1)))
    verdicts = {order.verdict(ctx) for _ in range(engine._Order._RESORT)}
    assert verdicts == {engine.Verdict.DOES_NOT_FIT}
    assert [r.id for r in order.rules] == ["B", "A", "C"]  # B failed every time, first
    assert order.fails == {"A": 0, "B": engine._Order._RESORT, "C": 0}


def test_checking_leaves_no_reference_cycle_for_the_garbage_collector() -> None:
    """What a check remembers refers back to its context; the context forgets it when the check
    is done, so every object of a profile's check is freed by reference counting alone (left to
    the cyclic collector, they cost a batch worker 8 % more CPU). Rendering the full result, which
    makes the texts made when shown, must not leave a cycle either."""
    import gc

    from grantcheck.render.csv import RowWriter, result_row
    from grantcheck.render.json import match_to_json

    profiles = [load_profile(p) for p in sorted(PROFILES.glob("*.toml"))] + _generated(40, seed=5)
    rates = {"NOK": Decimal("11.9"), "SEK": Decimal("11")}
    rows = RowWriter()
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        found = []
        for profile in profiles:
            for on in DATES:
                for given in (None, rates):
                    match_to_json(check(profile, on, rates=given))
                    rows.text(result_row(summarize_match(profile, on, rates=given)))
                    found.append(gc.collect())
    finally:
        if enabled:
            gc.enable()
    assert found == [0] * len(found)
