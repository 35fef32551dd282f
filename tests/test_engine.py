"""The engine: three outcomes, soft rules warn, unknowns name their field, closed calls."""

from datetime import date
from decimal import Decimal

import pytest

from grantcheck.citations import eu
from grantcheck.engine import (
    CallWindow,
    Kind,
    Outcome,
    RuleBook,
    Scheme,
    Verdict,
    check,
    evaluate,
)
from grantcheck.law.gber import GBER
from grantcheck.parameters import Parameter
from tests.support import ctx_for, result_for

C = eu(GBER, "Article 1")
LIMIT = Parameter("limit", "DKK", {date(2020, 1, 1): Decimal(100)}, C)
book = RuleBook()


@book.rule("T01", "Turnover reaches the limit", kind=Kind.HARD, cites=[C],
           reads=["company.turnover"])
def _turnover(ctx):
    t = ctx.money(ctx.need("company.turnover"))
    return check(t >= LIMIT.money(ctx.on), f"turnover {t}", "more turnover")


@book.rule("T02", "Has few employees", kind=Kind.SOFT, cites=[C], reads=["company.employees_fte"])
def _staff(ctx):
    return check(ctx.need("company.employees_fte") < 10, "staff", "fewer staff")


book.declaration("T03", "Finances are sound", "sound_finances", cites=[C])

SCHEME = Scheme("x-test", "Test", "Agency", "DK", "DKK", C.source,
                CallWindow(None, date(2020, 12, 1), (C,)), tuple(book.rules), (), None, (LIMIT,),
                "test scheme")


def run(on=date(2020, 6, 1), **company):
    data = {"company": {"name": "X", "country": "DK"} | company,
            "declarations": {"sound_finances": True}}
    return evaluate(SCHEME, ctx_for(data, on))


def test_all_pass_fits():
    r = run(turnover=100, employees_fte=1)
    assert r.verdict is Verdict.FITS


def test_a_failed_hard_rule_does_not_fit():
    r = run(turnover=99, employees_fte=1)
    assert r.verdict is Verdict.DOES_NOT_FIT
    assert r.findings[1].fix == "more turnover"


def test_a_missing_fact_is_unknown_with_its_field():
    r = run(employees_fte=1)
    f = r.findings[1]
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.turnover",)
    assert "company.turnover" in f.fix
    assert r.verdict is Verdict.NEEDS_INFORMATION


def test_a_failed_soft_rule_warns_and_leaves_the_verdict():
    r = run(turnover=100, employees_fte=50)
    assert r.findings[2].outcome is Outcome.WARNING
    assert r.verdict is Verdict.FITS


def test_an_undeclared_declaration_is_unknown_naming_it():
    data = {"company": {"name": "X", "country": "DK", "turnover": 100, "employees_fte": 1}}
    r = evaluate(SCHEME, ctx_for(data, date(2020, 6, 1)))
    assert r.findings[3].outcome is Outcome.UNKNOWN
    assert r.findings[3].missing == ("declarations.sound_finances",)


def test_a_date_before_the_parameters_is_unknown_not_guessed():
    r = run(on=date(2019, 12, 31), turnover=100, employees_fte=1)
    assert r.findings[1].outcome is Outcome.UNKNOWN
    assert "not encoded" in r.findings[1].message


def test_the_last_open_day_is_open_and_the_next_is_closed():
    assert run(on=date(2020, 12, 1), turnover=100, employees_fte=1).verdict is Verdict.FITS
    r = run(on=date(2020, 12, 2), turnover=100, employees_fte=1)
    assert r.verdict is Verdict.CLOSED
    assert r.verdict_if_open is Verdict.FITS
    assert r.status_text == "closed since 2020-12-01 (last open day)"


def test_every_rule_runs_even_after_a_failure():
    r = run(turnover=1, employees_fte=99)
    assert [f.outcome for f in r.findings[1:]] == [Outcome.FAIL, Outcome.WARNING, Outcome.PASS]


# --- Ctx.constant: values of the date, currencies and rates alone, shared across profiles ---


def _eur_limit(ctx, param):
    """Counts its calls, so that the tests see when it is computed."""
    _eur_limit.calls += 1
    return ctx.convert(param.money(ctx.on), ctx.currency)


_eur_limit.calls = 0
EUR_LIMIT = Parameter("eur_limit", "EUR", {date(2020, 1, 1): Decimal(1000)}, C)
DK = {"company": {"name": "A ApS", "country": "DK"}}


def test_a_constant_is_computed_once_and_still_marks_its_rates_used():
    """A second profile gets the remembered value, and its result lists the DKK rate as used,
    as computing the value would have."""
    first, second = ctx_for(DK), ctx_for(DK)
    before = _eur_limit.calls
    a = first.constant(_eur_limit, EUR_LIMIT)
    b = second.constant(_eur_limit, EUR_LIMIT)
    assert a == b == first.convert(EUR_LIMIT.money(first.on), "DKK")
    assert _eur_limit.calls == before + 1
    assert list(second.fx.used) == ["DKK"]


def test_a_constant_is_keyed_by_date_currency_and_rates():
    """Another rate, date or currency is another value (computed again)."""
    base = ctx_for(DK).constant(_eur_limit, EUR_LIMIT)
    other_rate = ctx_for(DK, rates={"DKK": Decimal("8")}).constant(_eur_limit, EUR_LIMIT)
    other_date = ctx_for(DK, on=date(2026, 12, 1)).constant(_eur_limit, EUR_LIMIT)
    in_sek = ctx_for(DK).in_currency("SEK").constant(_eur_limit, EUR_LIMIT)
    assert other_rate.amount == Decimal(8000) != base.amount
    assert other_date == base  # same rates, same value, but computed for its own date
    assert in_sek.currency == "SEK"


def test_a_constant_that_raises_is_not_remembered():
    """A date the parameter does not cover is an error each time, not a remembered value."""
    from grantcheck.parameters import NotEncoded

    ctx = ctx_for(DK, on=date(2019, 6, 1))
    for _ in range(2):
        before = _eur_limit.calls
        with pytest.raises(NotEncoded):
            ctx.constant(_eur_limit, EUR_LIMIT)
        assert _eur_limit.calls == before + 1


def test_with_basis_copies_every_other_field():
    """Amounts.with_basis is _replace(basis=…) (a field added later is copied too)."""
    from grantcheck.engine import Amounts
    from grantcheck.money import Money

    a = Amounts(Money.of(1, "DKK"), Money.of(2, "DKK"), "cash", "b", Decimal("0.5"),
                Money.of(3, "DKK"), Money.of(4, "DKK"), (C,), ("x",), Money.of(5, "DKK"),
                Money.of(6, "DKK"), (Money.of(7, "DKK"), Money.of(8, "DKK")))
    assert a.with_basis("new") == a._replace(basis="new") != a
    assert type(a.with_basis("new")) is Amounts
    assert set(Amounts._fields) == {
        "max_grant", "own_funding", "own_funding_form", "basis", "rate", "cap", "cost_base",
        "cites", "missing", "sought", "own_for_sought", "span"}


def test_missing_names_its_fields():
    from grantcheck.engine import Missing

    assert str(Missing("a.b", "c")) == "a.b, c"



def test_a_declaration_gives_one_of_its_three_checks():
    """True passes, false fails, not stated is unknown naming the field."""
    r = {f.rule.id: f for f in result_for(SCHEME, {"company": {"name": "A", "country": "DK"},
                                                   "declarations": {"sound_finances": False}}
                                          ).findings}
    assert r["T03"].outcome is Outcome.FAIL
    assert r["T03"].message == "declared declarations.sound_finances = false"
    unstated = {f.rule.id: f for f in result_for(SCHEME, {"company": {"name": "A",
                                                                      "country": "DK"}}).findings}
    assert unstated["T03"].outcome is Outcome.UNKNOWN
    assert unstated["T03"].missing == ("declarations.sound_finances",)


def test_once_remembers_per_arguments():
    """A helper with arguments runs once per profile and arguments."""
    calls = []

    def double(ctx, n):
        calls.append(n)
        return 2 * n

    ctx = ctx_for(DK)
    assert [ctx.once(double, 1), ctx.once(double, 2), ctx.once(double, 1)] == [2, 4, 2]
    assert calls == [1, 2]


def test_forget_drops_what_once_remembered_here_and_in_the_currency_contexts():
    """After forget, a helper runs again, in the base context and in one made from it for
    another currency, whichever of the two is told to forget."""
    calls = []

    def tag(ctx):
        calls.append(ctx.currency)
        return ctx.currency

    for told in ("base", "nok"):
        calls.clear()
        base = ctx_for(DK)
        nok = base.in_currency("NOK")
        assert (base.once(tag), nok.once(tag), base.once(tag), nok.once(tag)) == (
            "DKK", "NOK", "DKK", "NOK")
        assert calls == ["DKK", "NOK"]
        (base if told == "base" else nok).forget()
        assert (base.once(tag), nok.once(tag)) == ("DKK", "NOK")
        assert calls == ["DKK", "NOK", "DKK", "NOK"]


def test_a_currency_context_is_made_once_and_leads_back_to_the_base():
    """The schemes of one currency share its context (and what it remembers); asking for the
    company's own currency from any of them gives the base context itself."""
    base = ctx_for(DK)
    nok = base.in_currency("NOK")
    assert (nok.currency, nok.profile_currency) == ("NOK", "DKK")
    assert base.in_currency("NOK") is nok
    assert nok.in_currency("NOK") is nok
    assert nok.in_currency("DKK") is base is base.in_currency("DKK")
    assert nok.in_currency("SEK") is base.in_currency("SEK") is not nok
    assert nok.base is base
    assert nok.money(Decimal(100)).currency == "NOK"


def test_a_value_is_read_along_its_dotted_path():
    """A stated value; None for a field or a section on the way that is not stated; a path that
    names no field (up to the first section not stated) is an error, not an unknown."""
    ctx = ctx_for({"company": {"name": "A ApS", "country": "DK", "turnover": 5,
                               "previous_year": {"staff": 2}}})
    assert ctx.value("company.turnover") == Decimal(5)
    assert ctx.value("company.name") == "A ApS"
    assert ctx.value("company.previous_year.staff") == Decimal(2)
    assert ctx.value("company.previous_year.turnover") is None  # a field not stated
    assert ctx_for(DK).value("company.previous_year.staff") is None  # a section not stated
    for bad in ("company.turnovr", "company.previous_year.staf", "nothing"):
        with pytest.raises(AttributeError):
            ctx.value(bad)


def test_the_terms_of_a_constant_get_numbers_that_are_never_reused(monkeypatch):
    """Same terms, same number; other terms, another; and a number given before the table was
    emptied is never given to other terms after it (a context holding it must only miss)."""
    from grantcheck import engine

    monkeypatch.setattr(engine.context, "_TERMS", {})
    a = engine.context._terms_number((date(2026, 1, 1), "DKK", "DKK", ()))
    assert engine.context._terms_number((date(2026, 1, 1), "DKK", "DKK", ())) == a
    b = engine.context._terms_number((date(2026, 1, 1), "NOK", "DKK", ()))
    assert b != a
    engine.context._TERMS.clear()
    assert engine.context._terms_number((date(2027, 1, 1), "SEK", "DKK", ())) not in (a, b)


def test_the_check_helpers_make_the_checks_the_constructor_makes():
    """passed/failed/check/unknown/info build their Check without its constructor: every field
    must still land where the constructor puts it (a field added or moved would break them)."""
    from grantcheck.engine import Check, Missing, failed, info, passed, unknown
    from grantcheck.engine import check as check_

    made = [passed("p"), failed("f", "do x"), check_(True, "c", "fix"), check_(False, "c", "fix"),
            unknown("u", "company.turnover"), unknown("u", "a.b", fix="say"), info("i")]
    expected = [Check(True, "p"), Check(False, "f", "do x"), Check(True, "c"),
                Check(False, "c", "fix"),
                Check(None, "u", engine_fix("company.turnover"), ("company.turnover",)),
                Check(None, "u", "say", ("a.b",)), Check(True, "i", info=True)]
    assert made == expected
    assert all(type(c) is Check for c in made)
    assert Check._fields == ("ok", "message", "fix", "missing", "info")
    assert Missing("x").fields == ("x",)


def engine_fix(*fields: str) -> str:
    from grantcheck.engine import _fix_for

    return _fix_for(fields)


def test_amounts_with_another_basis_is_replace_of_the_basis():
    from grantcheck.engine import Amounts
    from grantcheck.money import Money

    a = Amounts(Money.of(5, "DKK"), Money.of(6, "DKK"), "cash", "old", Decimal("0.5"),
                Money.of(7, "DKK"), Money.of(11, "DKK"), (C,), ("x.y",))
    b = a.with_basis("new")
    assert b == a._replace(basis="new") and type(b) is Amounts


def test_a_rule_returning_missing_gives_what_raising_missing_gives():
    """missing() is the check Rule.run makes of a raised Missing: the same message, fix, fields."""
    from grantcheck.engine import Missing, Rule, missing

    def raising(ctx):
        raise Missing("project.end", "project.start", why="to compare the periods")

    def returning(ctx):
        return missing("project.end", "project.start", why="to compare the periods")

    ctx = ctx_for(DK)
    made = [Rule("X", "x", Kind.HARD, (C,), (), fn).run(ctx) for fn in (raising, returning)]
    assert made[0] == made[1]
    assert made[0].ok is None and made[0].missing == ("project.end", "project.start")
    assert made[0].message == ("the profile does not state project.end, project.start (to "
                               "compare the periods)")
    assert made[0].fix == "state project.end and project.start in the profile"
