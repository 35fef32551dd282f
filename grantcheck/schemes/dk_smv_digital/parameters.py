"""SMV:Digital: every number of the application guide, each a cited parameter, and the page's
fixed words the rules and the budget share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.money import Money
from grantcheck.parameters import PageNumbers
from grantcheck.schemes.dk_smv_digital.legal import PAGE_FROM, PAGE_UNTIL
from grantcheck.schemes.dk_smv_digital.page import (
    C_CASE_HANDLING,
    C_COFINANCING_RATES,
    C_EVALUATION,
    C_GROUP,
    C_HOURLY_RATE,
    C_IMPLEMENTATION,
    C_INVESTMENT_MIN,
    C_INVESTMENT_RATE,
    C_LARGE_FTE,
    C_OWNER_RATE,
    C_OWNERS,
    C_PAYOUT_HANDLING,
    C_PERIOD,
    C_REPORT_DEADLINE,
    C_SIZE,
    C_SUBSCRIPTION,
    C_T25,
    C_T25_FTE,
    C_T100,
    C_T250,
    C_TURNOVER,
)

# a number of the undated page, encoded for the days of its legal basis (``legal``)
page_parameter = PageNumbers(PAGE_FROM, PAGE_UNTIL)


SIZE_TURNOVER_MAX = page_parameter("smv_turnover_max", "EUR", Decimal(50_000_000), C_SIZE)
SIZE_BALANCE_MAX = page_parameter("smv_balance_sheet_max", "EUR", Decimal(43_000_000), C_SIZE)

ADVICE_OWN_SHARE = page_parameter(
    "smv_advice_own_financing_share", "rate", Decimal("0.5"), C_COFINANCING_RATES,
    note="the advice grant is the rest, 50 %: the own financing is at least the grant",
)
INVESTMENT_OWN_SHARE = page_parameter(
    "smv_investment_own_financing_share", "rate", Decimal("0.75"), C_COFINANCING_RATES)

GRANT_T25 = page_parameter("smv_voucher_25", "DKK", Decimal(25_000), C_T25)
GRANT_T100 = page_parameter("smv_voucher_100", "DKK", Decimal(100_000), C_T100)
GRANT_T250 = page_parameter("smv_voucher_250_max", "DKK", Decimal(250_000), C_T250)

T25_FTE_MIN = page_parameter("smv_25_fte_min", "FTE", Decimal(2), C_T25_FTE)
T25_FTE_MAX = page_parameter("smv_25_fte_max", "FTE", Decimal(20), C_T25_FTE)
LARGE_FTE_MIN = page_parameter("smv_100_250_fte_min", "FTE", Decimal(3), C_LARGE_FTE)
LARGE_FTE_MAX = page_parameter("smv_100_250_fte_max", "FTE", Decimal(249), C_LARGE_FTE)
TURNOVER_MIN = page_parameter("smv_100_250_turnover_min", "DKK", Decimal(2_000_000), C_TURNOVER)
OWNERS_FTE_MAX = page_parameter("smv_owners_fte_max", "FTE", Decimal(1), C_OWNERS)

TECHNOLOGY_BOUGHT_WITHIN_YEARS = page_parameter(
    "smv_implementation_technology_within_years", "years", Decimal(1), C_IMPLEMENTATION)
INVESTMENT_RATE = page_parameter("smv_investment_support_rate", "rate", Decimal("0.25"),
                                 C_INVESTMENT_RATE)
INVESTMENT_SUPPORT_MAX = page_parameter("smv_investment_support_max", "DKK", Decimal(200_000),
                                        C_INVESTMENT_RATE)
INVESTMENT_MIN = page_parameter("smv_investment_min", "DKK", Decimal(40_000), C_INVESTMENT_MIN)
INVESTMENT_SUPPORT_MIN = page_parameter(
    "smv_investment_support_min", "DKK", Decimal(10_000), C_INVESTMENT_MIN,
    note="the page's smallest support, 25 % of DKK 40,000",
)
SOFTWARE_SUBSCRIPTION_YEARS = page_parameter(
    "smv_software_subscription_years_max", "years", Decimal(2), C_SUBSCRIPTION)

GROUP_OWNERSHIP_OVERLAP = page_parameter("smv_group_ownership_overlap_min", "percent", Decimal(25),
                                         C_GROUP)

HOURS_PER_YEAR = page_parameter(
    "smv_hours_per_year", "hours", Decimal(1613), C_HOURLY_RATE,
    note="hourly rate of own hours = gross annual salary (holiday-entitled pay, employer pension, "
    "ATP, agreed supplements) / 1,613 hours",
)
OWNER_HOURLY_RATE = page_parameter(
    "smv_owner_hourly_rate", "DKK", Decimal(250), C_OWNER_RATE,
    note="an owner who works in the project without drawing a salary",
)

PERIOD_T25 = page_parameter("smv_25_project_period", "months", Decimal(6), C_PERIOD)
PERIOD_LARGE = page_parameter("smv_100_250_project_period", "months", Decimal(12), C_PERIOD)
REPORT_DEADLINE_MONTHS = page_parameter("smv_report_deadline", "months", Decimal(3),
                                        C_REPORT_DEADLINE)
EVALUATION_YEARS = page_parameter("smv_evaluation_commitment", "years", Decimal(2), C_EVALUATION)
CASE_HANDLING_WEEKS = page_parameter("smv_case_handling_weeks_max", "weeks", Decimal(5),
                                     C_CASE_HANDLING, note="an application is decided within")
PAYOUT_HANDLING_WEEKS = page_parameter(
    "smv_payout_handling_weeks", "weeks", Decimal(3), C_PAYOUT_HANDLING,
    note="a payout request with complete documentation is handled within")

# For the budget command (own hours, software subscriptions, co-financing per cost kind).
BUDGET_PARAMETERS = (HOURS_PER_YEAR, OWNER_HOURLY_RATE, SOFTWARE_SUBSCRIPTION_YEARS,
                     ADVICE_OWN_SHARE, INVESTMENT_OWN_SHARE)


def own_hours_rate(gross_annual_salary: Money, on: date) -> Money:
    """The hourly rate of an employee's own hours: gross annual salary / 1,613 hours (unrounded).

    >>> own_hours_rate(Money(Decimal(483_900), "DKK"), date(2026, 1, 1)).rounded()
    Money(amount=Decimal('300.00'), currency='DKK')
    """
    return Money(gross_annual_salary.amount / HOURS_PER_YEAR.at(on), gross_annual_salary.currency)


OWN_FUNDING_FORM = "cash, own hours or a mix"
VAT_NOTE = "amounts excl. VAT (the page does not say; grantcheck reads them without VAT)"

def scheme_key(name: str) -> str:
    """A scheme's name as ``aid_received`` states it, in lower case with only its letters and
    digits: 'SMV: Digital', 'SMV-Digital' and 'smv digital' are one name.

    >>> scheme_key("SMV: Digital 2023")
    'smvdigital2023'
    """
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def is_smv_digital(name: str) -> bool:
    """Whether ``name`` is SMV:Digital (its id, or its name with a pool or year after it)."""
    return scheme_key(name).startswith(("smvdigital", "dksmvdigital"))


def is_predecessor(name: str) -> bool:
    """Whether an unfinished project under ``name`` blocks a new application: SMV:Digital, or
    'Erhvervspartnerskabet for Avanceret Produktion (forløberen for SMV:Digital)'."""
    key = scheme_key(name)
    return (is_smv_digital(name) or key in ("erhvervspartnerskab", "erhvervspartnerskabet", "epap")
            or (key.startswith("erhvervspartnerskab") and "avanceretproduktion" in key))
