"""The engine's findings (engine.rules.findings_of) and the compact record's memory of them are
fast paths: they give, for every rule of every scheme, what the plain path gives (a rule's check
made with Rule._checked, its outcome decided from its kind), and a record does not depend on
the profiles checked before it."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from grantcheck.citations import eu
from grantcheck.engine import (
    Check,
    Ctx,
    Finding,
    Kind,
    Missing,
    Outcome,
    Rule,
    Said,
    check,
    text_of,
)
from grantcheck.engine.rules import findings_of
from grantcheck.fx import FxRates
from grantcheck.law.gber import GBER
from grantcheck.matching import check as check_profile
from grantcheck.profile import Profile, profile_from_data
from grantcheck.render.compact import match_to_compact
from grantcheck.schemes import SCHEME_IDS, get
from tests.support import ctx_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
generate = pytest.importorskip("generate")

C = eu(GBER, "Article 1")
DK = {"company": {"name": "X", "country": "DK"}}
# before the Swedish call window, and the day the batch benchmark checks on
DATES = (date(2023, 2, 15), date(2026, 11, 23))


def _generated(n: int, seed: int) -> list[Profile]:
    return [profile_from_data(json.loads(generate.to_json_line(d), parse_float=Decimal), f"#{i}")
            for i, d in enumerate(generate.profiles(n, seed=seed))]


def _plain(rule: Rule, ctx: Ctx) -> tuple[object, ...]:
    """What the plain path finds: the check Rule._checked makes, the outcome by the rule's kind,
    the template's id and values when the words are a template's."""
    c = rule._checked(ctx)
    if c.info or rule.kind is Kind.INFO:
        outcome = Outcome.INFO if c.ok is not None else Outcome.UNKNOWN
    elif c.ok is None:
        outcome = Outcome.UNKNOWN
    elif c.ok:
        outcome = Outcome.PASS
    else:
        outcome = Outcome.WARNING if rule.kind is Kind.SOFT else Outcome.FAIL
    said = c.message if type(c.message) is Said and (
        type(c.fix) is not str or not c.message.message.fix) else None
    return (rule.id, outcome, text_of(c.message), text_of(c.fix), c.missing,
            None if said is None else (said.message.id, said.strings()))


def _fast(f: Finding) -> tuple[object, ...]:
    said = None if f.said is None else (f.said.message.id, f.said.strings())
    return (f.rule.id, f.outcome, f.message, f.fix, f.missing, said)


@pytest.mark.parametrize("on", DATES)
def test_every_rules_finding_is_the_plain_paths_on_generated_profiles(on: date) -> None:
    """Twice over the same profiles: the second time most findings are those made the first
    time, handed back for the check the rule gave again."""
    profiles = _generated(40, seed=5)
    for _ in range(2):
        for p in profiles:
            for sid in SCHEME_IDS:
                rules = get(sid).rules
                ctx = Ctx(p, on, FxRates(on))
                fast = [_fast(f) for f in findings_of(rules, ctx)]
                ctx.forget()
                ctx = Ctx(p, on, FxRates(on))
                assert fast == [_plain(r, ctx) for r in rules], (p.company.name, sid)
                ctx.forget()


def _rule(rule_id: str, fn, kind: Kind = Kind.HARD) -> Rule:  # type: ignore[no-untyped-def]
    return Rule(rule_id, rule_id, kind, (C,), (), fn)


def test_words_made_by_a_function_that_lacks_a_fact_are_an_unknown_naming_it() -> None:
    def lacking_words() -> str:
        raise Missing("company.turnover")

    rule = _rule("W01", lambda ctx: Check(False, lacking_words, "more"))
    [f] = findings_of([rule], ctx_for(DK))
    assert (f.outcome, f.missing) == (Outcome.UNKNOWN, ("company.turnover",))
    assert f.message == "the profile does not state company.turnover"
    assert rule.run(ctx_for(DK)).missing == ("company.turnover",)


def test_the_same_check_again_gives_the_same_finding_and_another_check_another() -> None:
    shared = check(False, "too small", "grow")
    rule = _rule("S01", lambda ctx: shared)
    first = findings_of([rule], ctx_for(DK))[0]
    assert findings_of([rule], ctx_for(DK))[0] is first
    fresh = _rule("S02", lambda ctx: check(False, "too small", "grow"))
    assert findings_of([fresh], ctx_for(DK))[0] is not findings_of([fresh], ctx_for(DK))[0]


def test_rules_sharing_a_function_and_its_check_get_their_own_findings() -> None:
    shared = check(False, "too small", "grow")

    def fn(ctx: Ctx) -> Check:
        return shared

    hard, soft = _rule("H01", fn), _rule("S01", fn, Kind.SOFT)
    for _ in range(2):
        h, s = findings_of([hard, soft], ctx_for(DK))
        assert (h.rule, h.outcome, s.rule, s.outcome) == (hard, Outcome.FAIL, soft,
                                                          Outcome.WARNING)


def test_a_compact_record_is_the_same_whatever_was_checked_before_it() -> None:
    """The record remembers the finding it wrote last per rule: each profile's record is the
    same checked after the others in order, in reverse and alone after a fresh start of its
    memory."""
    import grantcheck.render.compact_usual as compact_usual

    on = date(2026, 11, 23)
    profiles = _generated(30, seed=9)

    def records(order: list[Profile]) -> dict[str, str]:
        return {p.company.name + str(id(p)): match_to_compact(check_profile(
            p, on, source="s", explain=False)) for p in order}

    forwards = records(profiles)
    assert records(profiles[::-1]) == forwards
    for p in profiles[:5]:
        compact_usual._USUAL.clear()
        assert records([p]) == {k: v for k, v in forwards.items() if k.startswith(
            p.company.name + str(id(p)))}
