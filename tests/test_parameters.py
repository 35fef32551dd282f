"""Parameters give the value in force on a date, and refuse dates they do not cover."""

from datetime import date
from decimal import Decimal

import pytest

from grantcheck.citations import eu
from grantcheck.law.gber import GBER
from grantcheck.parameters import NotEncoded, Parameter, constant, parameters_of

C = eu(GBER, "Article 1")
P = Parameter("x", "EUR", {date(2014, 1, 1): Decimal(200), date(2024, 1, 1): Decimal(300)}, C,
              valid_until=date(2026, 12, 31))


def test_the_old_value_holds_on_the_day_before_the_change():
    assert P.at(date(2023, 12, 31)) == 200


def test_the_new_value_holds_from_the_day_of_the_change():
    assert P.at(date(2024, 1, 1)) == 300


def test_a_date_before_the_history_is_not_encoded():
    with pytest.raises(NotEncoded, match="not encoded"):
        P.at(date(2013, 12, 31))


def test_the_last_valid_day_is_covered_and_the_next_is_not():
    assert P.at(date(2026, 12, 31)) == 300
    with pytest.raises(NotEncoded):
        P.at(date(2027, 1, 1))


def test_a_constant_from_an_undated_page_covers_every_date():
    c = constant("y", "NOK", Decimal(1), C)
    assert c.at(date(1990, 1, 1)) == 1 and c.at(date(2100, 1, 1)) == 1


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        Parameter("z", "parsecs", {date(2020, 1, 1): Decimal(1)}, C)


def test_money_of_a_rate_parameter_is_refused():
    with pytest.raises(TypeError):
        constant("r", "rate", Decimal("0.5"), C).money(date(2020, 1, 1))


def test_parameters_of_collects_a_modules_parameters_in_order_then_the_extra_ones_once():
    import types

    module = types.ModuleType("scheme_parameters")
    second = constant("y", "rate", Decimal("0.5"), C)
    shared = constant("z", "persons", Decimal(50), C)
    module.P, module.OTHER, module.SECOND, module.SHARED = P, "not a parameter", second, shared
    assert parameters_of(module) == (P, second, shared)
    extra = constant("w", "EUR", Decimal(1), C)
    assert parameters_of(module, shared, extra) == (P, second, shared, extra)


def test_a_value_set_by_another_act_is_cited_to_it() -> None:
    """``sources`` gives a value its own citation, by the value's date; other values, and dates
    before any value, keep ``source``."""
    from grantcheck.citations import Citation, Source

    act = Source("a", "Act A", "X", "en")
    old, new = Citation(act, "Article 1", "EUR 200"), Citation(act, "Article 2", "EUR 300")
    p = Parameter("ceiling", "EUR", {date(2014, 1, 1): Decimal(200), date(2024, 1, 1):
                                     Decimal(300)}, new, sources={date(2014, 1, 1): old})
    assert p.source_on(date(2023, 12, 31)) is old
    assert p.source_on(date(2024, 1, 1)) is new
    assert p.source_on(date(2013, 12, 31)) is new
    with pytest.raises(ValueError, match="a source for a date with no value"):
        Parameter("x", "EUR", {date(2014, 1, 1): Decimal(1)}, new,
                  sources={date(2015, 1, 1): old})
