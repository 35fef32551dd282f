"""The EU SME definition, with partner and linked enterprises and the two-year rule."""

import pytest

from grantcheck.engine import Missing, text_of
from grantcheck.law.sme import company_status
from tests.support import ctx_for

# TEST_RATES: 1 EUR = 7.46 DKK, so EUR 50M = DKK 373,000,000, EUR 43M = DKK 320,780,000,
# EUR 10M = DKK 74,600,000, EUR 2M = DKK 14,920,000


def status(**company):
    base = {"name": "X", "country": "DK"}
    return company_status(ctx_for({"company": base | company}))


def test_249_staff_is_medium():
    assert status(employees_fte=249, turnover=100_000_000).category == "medium"


def test_250_staff_is_large():
    assert status(employees_fte=250, turnover=1).category == "large"


def test_owners_count_as_staff():
    assert status(employees_fte=249, owners_fte=1, turnover=1).category == "large"


def test_turnover_at_the_ceiling_is_medium():
    assert status(employees_fte=100, turnover=373_000_000,
                  balance_sheet_total=400_000_000).category == "medium"


def test_both_ceilings_exceeded_is_large():
    assert status(employees_fte=100, turnover=373_000_001,
                  balance_sheet_total=320_780_001).category == "large"


def test_one_ceiling_may_be_exceeded():
    assert status(employees_fte=100, turnover=900_000_000,
                  balance_sheet_total=320_780_000).category == "medium"


def test_49_staff_and_ten_million_euro_is_small():
    assert status(employees_fte=49, turnover=74_600_000).category == "small"


def test_50_staff_is_not_small():
    assert status(employees_fte=50, turnover=1).category == "medium"


def test_9_staff_and_two_million_euro_is_micro():
    assert status(employees_fte=9, turnover=14_920_000).category == "micro"


def test_10_staff_is_not_micro():
    """'fewer than 10 persons' (Annex art. 2(3)): ten are small, whatever the money."""
    assert status(employees_fte=10, turnover=1).category == "small"


def test_turnover_over_the_ceiling_needs_the_balance_to_decide():
    with pytest.raises(Missing) as e:
        status(employees_fte=100, turnover=400_000_000)
    assert e.value.fields == ("company.balance_sheet_total",)


def test_staff_unknown_is_missing():
    with pytest.raises(Missing):
        status(turnover=1)


def test_a_linked_enterprise_adds_all_its_staff():
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "Parent", "relation": "linked", "staff": 20, "turnover": 1}])
    assert s.category == "medium"
    assert "Parent (linked) adds 100 %" in text_of(s.explanation)


def test_a_partner_adds_pro_rata():
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": 40, "staff": 47, "turnover": 1}])
    assert s.category == "small"  # 30 + 18.8 = 48.8
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": 40, "staff": 50, "turnover": 1}])
    assert s.category == "medium"  # 30 + 20 = 50


def test_25_percent_public_ownership_is_not_an_sme():
    assert status(employees_fte=5, turnover=1, public_ownership_percent=25).category == "large"
    assert status(employees_fte=5, turnover=1, public_ownership_percent=24).category == "micro"


def test_status_changes_only_after_two_consecutive_years():
    s = status(employees_fte=260, turnover=1, previous_year={"staff": 200, "turnover": 1})
    assert s.category == "medium"
    assert "art. 4(2)" in text_of(s.explanation)
    s = status(employees_fte=260, turnover=1, previous_year={"staff": 255, "turnover": 1})
    assert s.category == "large"


def test_own_figures_only_is_said():
    assert "own figures only" in text_of(status(employees_fte=5, turnover=1).explanation)


@pytest.mark.parametrize(("money", "category"), [
    (14_920_000, "micro"), (14_920_001, "small"),  # EUR 2,000,000 at 7.46
    (74_600_000, "small"), (74_600_001, "medium"),  # EUR 10,000,000 at 7.46
])
def test_the_money_ceilings_of_micro_and_small_on_both_sides(money, category):
    """Turnover and balance sheet both at a ceiling stay in the class; one unit over both
    leaves it (converted from EUR once per batch: the boundary holds all the same)."""
    assert status(employees_fte=9, turnover=money, balance_sheet_total=money).category == category
