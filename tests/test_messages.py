"""Message templates (grantcheck/engine/messages.py): the words a rule says with named values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.engine import Kind, Message, Outcome, Rule, Said, because, text_of
from grantcheck.engine.messages import messages
from tests.support import ctx_for
from tests.test_engine import DK, C

T_SIZE = Message("{n} staff; at most {most} on {on}", fix="at most {most} staff ({less} fewer)")
T_PLAIN = Message("no figure in these words")


def test_a_template_says_its_words_with_the_values_as_str():
    c = T_SIZE.failed(n=Decimal("12.5"), most=10, on=date(2026, 1, 31), less=lambda: "2.5")
    assert c.ok is False and type(c.message) is Said
    assert text_of(c.message) == "12.5 staff; at most 10 on 2026-01-31"
    assert text_of(c.fix) == "at most 10 staff (2.5 fewer)"
    assert c.message.strings() == {"n": "12.5", "most": "10", "on": "2026-01-31", "less": "2.5"}


def test_a_template_passed_or_information_has_no_fix():
    assert T_SIZE.passed(n=1, most=10, on=date(2026, 1, 1), less=0).fix == ""
    assert T_SIZE.check(True, n=1, most=10, on=date(2026, 1, 1), less=0).fix == ""
    assert T_PLAIN.info().info and T_PLAIN.info().fix == ""


def test_a_template_unknown_names_its_fields_and_says_how_to_state_them_without_a_fix():
    c = T_PLAIN.unknown("company.x", "company.y")
    assert c.ok is None and c.missing == ("company.x", "company.y")
    assert c.fix == "state company.x and company.y in the profile"


def test_the_same_words_have_the_same_id_and_other_words_another():
    again = Message("{n} staff; at most {most} on {on}", fix="at most {most} staff ({less} fewer)")
    assert again.id == T_SIZE.id and again.id.startswith("m:") and len(again.id) == 12
    assert Message("{n} staff").id != T_SIZE.id
    assert messages()[T_SIZE.id].text == T_SIZE.text


@pytest.mark.parametrize("text", ["{n:,}", "{n!r}", "{0}", "{a.b}", "{}"])
def test_a_field_is_a_plain_name(text):
    with pytest.raises(ValueError, match="plain names"):
        Message(text).fields  # noqa: B018 (worked out when asked for)


def test_every_template_of_grantcheck_has_plain_fields():
    from grantcheck.render.catalogue import catalogue
    from grantcheck.schemes import SCHEME_IDS

    catalogue(date(2026, 11, 23), SCHEME_IDS)  # every scheme loaded
    made = [m for m in messages().values() if m.module.startswith("grantcheck.")]
    assert len(made) > 200 and all(isinstance(m.fields, frozenset) for m in made)


def test_a_finding_keeps_the_template_unless_the_rule_gave_a_fix_of_its_own():
    ctx = ctx_for(DK)
    said = Rule("X", "x", Kind.HARD, (C,), (), lambda c: T_SIZE.failed(
        n=5, most=4, on=c.on, less=1)).evaluate(ctx)
    assert said.outcome is Outcome.FAIL and said.said is not None
    assert said.message == f"5 staff; at most 4 on {ctx.on.isoformat()}"
    assert said.fix == "at most 4 staff (1 fewer)"
    own = Rule("X", "x", Kind.HARD, (C,), (), lambda c: T_SIZE.failed(
        n=5, most=4, on=c.on, less=1)._replace(fix="other words")).evaluate(ctx)
    assert own.said is None and own.fix == "other words"


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]),
                       st.one_of(st.text(), st.integers(), st.decimals(allow_nan=False),
                                 st.dates()), min_size=3, max_size=3))
def test_the_words_are_the_template_filled_with_the_values_strings(values):
    """What a compact record writes (the strings) makes the words the rule said."""
    t = Message("{a} / {b} {{literal}} {c}", fix="{c}{a}")
    said = t(**values)
    assert said() == t.text.format_map(said.strings()) == t.text.format(
        **{k: str(v) for k, v in values.items()})
    assert said.fix() == t.fix.format_map(said.strings())


T_WHY = because("the {figures} the grant is for")


def test_a_reason_written_once_says_a_fact_not_stated_as_before_and_is_its_own_template():
    from grantcheck.engine import missing

    c = missing("employees", why=T_WHY)
    plain = missing("employees", why="the {figures} the grant is for")
    assert text_of(c.message) == text_of(plain.message) == (
        "the profile does not state employees (the {figures} the grant is for)")
    assert text_of(c.fix) == text_of(plain.fix) == "state employees in the profile"
    assert c.message.message is T_WHY and c.message.strings() == {
        "missing": "employees", "missing_and": "employees"}
    assert str(T_WHY) == "the {figures} the grant is for"
    assert T_WHY.module == __name__


def test_every_templated_finding_has_a_value_for_each_field_and_makes_its_words():
    """Over generated profiles on two dates and the example profiles: a template said without
    one of its values would fail only when shown (a KeyError), so every finding is shown."""
    import json
    import sys
    from pathlib import Path

    from grantcheck.matching import check
    from grantcheck.profile import parse_profile, profile_from_data

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    generate = pytest.importorskip("generate")
    profiles = [profile_from_data(json.loads(generate.to_json_line(d), parse_float=Decimal),
                                  f"#{i}") for i, d in enumerate(generate.profiles(120, seed=5))]
    profiles += [parse_profile(p.read_text(encoding="utf-8"), p.name)
                 for p in sorted((root / "profiles").glob("*.toml"))]
    from grantcheck.engine.messages import _MADE

    check(profiles[0], date(2026, 11, 23))  # every scheme's templates made
    made = len(_MADE)
    seen = set()
    for on in (date(2026, 11, 23), date(2024, 3, 1)):
        for p in profiles:
            for r in check(p, on).results:
                for f in r.findings:
                    assert f.message and isinstance(f.fix, str)
                    if f.said is not None:
                        assert set(f.said.values) == f.said.message.fields, f.rule.id
                        seen.add(f.said.message.id)
    assert len(seen) > 100  # the templates of every scheme are met
    assert len(_MADE) == made  # templates are made once, at import, not for each profile
