"""Money is exact, carries its currency, and rounds one way."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck.money import CurrencyMismatch, Money, decimal_str, format_amount, format_percent

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


def test_adding_two_currencies_is_refused():
    with pytest.raises(CurrencyMismatch):
        Money.of(1, "DKK") + Money.of(1, "NOK")


def test_comparing_two_currencies_is_refused():
    with pytest.raises(CurrencyMismatch):
        assert Money.of(1, "DKK") < Money.of(2, "SEK")


def test_a_float_amount_is_refused():
    with pytest.raises(TypeError):
        Money(1.5, "DKK")  # type: ignore[arg-type]


def test_multiplying_by_a_float_is_refused():
    with pytest.raises(TypeError):
        Money.of(100, "DKK") * 0.5  # type: ignore[operator]


def test_amounts_print_with_thousands_and_currency():
    assert str(Money.of(1600000, "DKK")) == "DKK 1,600,000"
    assert str(Money(Decimal("1234.5"), "NOK")) == "NOK 1,234.50"


def test_rounding_is_half_up_to_the_ore():
    assert Money(Decimal("0.005"), "DKK").rounded().amount == Decimal("0.01")
    assert Money(Decimal("0.004"), "DKK").rounded().amount == Decimal("0.00")


def test_flooring_never_rounds_up():
    assert Money(Decimal("10.009"), "DKK").floored().amount == Decimal("10.00")


def test_json_amounts_are_plain_decimal_strings():
    assert Money(Decimal("1E+6"), "SEK").to_json() == {"amount": "1000000", "currency": "SEK"}
    assert decimal_str(Decimal("2.5")) == "2.50"


def test_percent_format():
    assert format_percent(Decimal("0.5")) == "50 %"
    assert format_percent(Decimal("0.075")) == "7.5 %"
    assert format_amount(Decimal("0.5")) == "0.50"


@given(amounts, amounts)
def test_addition_and_subtraction_are_exact(a, b):
    x, y = Money(a, "DKK"), Money(b, "DKK")
    assert (x + y) - y == x


@given(amounts, st.decimals(min_value=0, max_value=1, places=4))
def test_a_floored_share_never_exceeds_the_exact_share(a, rate):
    share = Money(a, "NOK") * rate
    assert share.floored() <= share
    assert share - share.floored() < Money(Decimal("0.01"), "NOK")


def test_the_result_of_arithmetic_is_an_ordinary_frozen_amount():
    """Arithmetic makes its results without the constructor's checks: they must still be
    equal to, hash like and be as immutable as amounts made by the constructor."""
    from grantcheck.slots import FrozenError

    a = Money(Decimal("1.005"), "NOK")
    for result, expected in (((a + a), Money(Decimal("2.010"), "NOK")),
                             ((a - a), Money(Decimal("0.000"), "NOK")),
                             ((-a), Money(Decimal("-1.005"), "NOK")),
                             ((a * 3), Money(Decimal("3.015"), "NOK")),
                             (a.rounded(), Money(Decimal("1.01"), "NOK")),
                             (a.floored(), Money(Decimal("1.00"), "NOK"))):
        assert type(result) is Money
        assert result == expected and hash(result) == hash(expected)
        assert str(result.amount) == str(expected.amount)
        with pytest.raises(FrozenError):
            result.amount = Decimal(0)  # type: ignore[misc]


def test_zero_is_a_checked_amount_and_refuses_an_unknown_currency():
    z = Money.zero("SEK")
    assert z == Money(Decimal(0), "SEK") and z.amount == 0 and z.currency == "SEK"
    assert (z + Money.of(5, "SEK")) == Money.of(5, "SEK")
    with pytest.raises(ValueError, match="unsupported currency 'USD'"):
        Money.zero("USD")


def test_a_negative_zero_prints_as_zero():
    """`amount = -0.0` in a budget line was shown as 'DKK -0'."""
    for text in ("-0", "-0.0", "-0.001"):
        assert str(Money.of(text, "DKK")) in ("DKK 0", "DKK 0.00")
        assert not decimal_str(Decimal(text)).startswith("-")
    assert format_amount(Decimal("-5")) == "-5"
