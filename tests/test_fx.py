"""EUR conversion uses a dated ECB rate that is stated, and can be overridden."""

from datetime import date
from decimal import Decimal

import pytest

from grantcheck.fx import FxRates, NoRate, parse_rate_override, table_last_date
from grantcheck.money import Money


def test_the_rate_for_a_month_is_the_ecb_rate_of_the_second_to_last_working_day_before():
    fx = FxRates(date(2026, 11, 23))
    r = fx.rate("DKK")
    assert r.rate_date == date(2026, 10, 29)
    assert r.per_eur == Decimal("7.4736")
    assert "InforEuro 2026-11" in r.origin


def test_a_rate_inside_the_table_is_not_stale():
    fx = FxRates(date(2023, 2, 15))
    fx.rate("SEK")
    assert fx.warnings() == []


def test_a_date_past_the_table_uses_the_newest_rate_and_warns():
    fx = FxRates(date(2027, 6, 1))
    r = fx.rate("NOK")
    assert r.rate_date == table_last_date()
    [w] = fx.warnings()
    assert "NOK" in w and "--rate NOK=" in w


def test_the_last_day_of_the_tables_last_month_is_not_stale():
    """The table ends with InforEuro 2026-11: on 2026-11-30 that is the month's own rate, 32
    days old, and no warning."""
    fx = FxRates(date(2026, 11, 30))
    fx.rate("SEK")
    assert fx.warnings() == []


def test_the_first_day_past_the_tables_last_month_warns_however_few_days_old():
    """On 2026-12-01 the month's InforEuro rate is not in the table: the newest (2026-10-29,
    33 days old) stands in, and a warning says so (SCHEMES.md: warn when the rate is older
    than the evaluation date by more than a month)."""
    fx = FxRates(date(2026, 12, 1))
    fx.rate("SEK")
    [w] = fx.warnings()
    assert w == ("the SEK rate is from 2026-10-29, 33 days before the evaluation date "
                 "2026-12-01; the shipped table ends there, without the rate for 2026-12. "
                 "Give a current rate with --rate SEK=…")


def test_the_currencies_past_the_table_share_one_warning():
    fx = FxRates(date(2026, 12, 6), {"DKK": Decimal("7.46")})
    for currency in ("SEK", "NOK", "DKK"):
        fx.rate(currency)
    [w] = fx.warnings()
    assert w == ("the NOK and SEK rates are from 2026-10-29, 38 days before the evaluation date "
                 "2026-12-06; the shipped table ends there, without the rates for 2026-12. "
                 "Give current rates with --rate NOK=… --rate SEK=…")


def test_the_stale_rates_are_named_in_one_order_whatever_was_asked_first():
    """A Swedish company asks for SEK first, a Danish one for DKK: the same rates are the same
    warning, which a batch then says once."""
    said = set()
    for first in ("SEK", "DKK", "NOK"):
        fx = FxRates(date(2026, 12, 6))
        for currency in (first, "SEK", "NOK", "DKK"):
            fx.rate(currency)
        said.update(fx.warnings())
    [w] = said
    assert w.startswith("the DKK, NOK and SEK rates are from 2026-10-29")


def test_a_date_before_the_table_has_no_rate():
    with pytest.raises(NoRate):
        FxRates(date(2010, 1, 1)).rate("DKK")


def test_an_override_wins_and_says_so():
    fx = FxRates(date(2026, 11, 1), {"NOK": Decimal("11.50")})
    assert fx.convert(Money.of(2, "EUR"), "NOK") == Money(Decimal("23.00"), "NOK")
    assert fx.rate("NOK").origin == "user override"
    assert fx.warnings() == []


def test_cross_conversion_goes_through_the_euro():
    fx = FxRates(date(2026, 11, 1), {"NOK": Decimal("10"), "DKK": Decimal("7.5")})
    assert fx.convert(Money.of(100, "NOK"), "DKK").amount == Decimal("75")


def test_only_the_rates_used_are_reported():
    fx = FxRates(date(2026, 11, 1))
    fx.convert(Money.of(1, "EUR"), "SEK")
    assert [r["currency"] for r in fx.to_json()] == ["SEK"]


@pytest.mark.parametrize("text", ["NOK", "XYZ=1", "NOK=abc", "NOK=-1", "NOK=0", "NOK=nan"])
def test_bad_overrides_are_refused_with_a_message(text):
    with pytest.raises(ValueError, match="--rate"):
        parse_rate_override(text)


def test_a_good_override_parses():
    assert parse_rate_override("sek=11.2") == ("SEK", Decimal("11.2"))


def test_a_rate_is_stated_with_the_digits_given():
    """7.46 and 7.4600 are equal numbers, but each run states the rate as its user wrote it
    (nothing remembered from one evaluation leaks into the next)."""
    on = date(2026, 11, 23)
    short = FxRates(on, {"DKK": Decimal("7.46")})
    long = FxRates(on, {"DKK": Decimal("7.4600")})
    assert "1 EUR = 7.46 DKK" in short.describe_conversion("EUR", "DKK")
    assert "1 EUR = 7.4600 DKK" in long.describe_conversion("EUR", "DKK")
    assert "1 EUR = 7.46 DKK" in short.describe_conversion("EUR", "DKK")
    assert short.key != long.key


def test_asking_for_rates_marks_them_used_and_a_recording_logs_every_one():
    """ask() marks the currencies used, in order; inside a recording each one is logged, also
    one already used (an enclosing constant must learn every rate it depends on)."""
    fx = FxRates(date(2026, 11, 23))
    fx.ask(("NOK", "DKK", "NOK"))
    assert list(fx.used) == ["NOK", "DKK"]
    with fx.recording() as asked:
        fx.ask(("DKK", "SEK"))
    assert asked == ["DKK", "SEK"]
    assert list(fx.used) == ["NOK", "DKK", "SEK"]
