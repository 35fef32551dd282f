"""Innobooster People's numbers: every one dated and cited (page version 3, and GBER).

The scheme's ``parameters`` are collected from this module in the order below
(:func:`grantcheck.parameters.parameters_of`), so a new one cannot be forgotten.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.law import gber
from grantcheck.parameters import Parameter
from grantcheck.schemes.dk_innobooster_people.page import (
    C_AGE,
    C_AKTSTYKKE,
    C_CAP,
    C_CAPITAL,
    C_CHALLENGES,
    C_CV_PAGES,
    C_DEADLINE,
    C_DEVELOPMENT,
    C_DISMISSED,
    C_EMPLOYEES,
    C_FULL_TIME,
    C_LAST_PAYOUT,
    C_OTHERS,
    C_OTHERS_EXAMPLE,
    C_OWNER_DEF,
    C_PAYOUT,
    C_PDF,
    C_POTENTIAL,
    C_RATE,
    C_RESULTS,
    C_SLIDES,
    C_START,
    C_STRUCTURE,
    C_SUBSIDY,
    C_TURNOVER,
    C_VERSION,
)

V3 = date(2020, 7, 3)  # version 3 of the page, the one encoded
GBER_START = gber.APPLIES_FROM.value  # 2014-07-01
GBER_END = gber.APPLIES_UNTIL.value  # 2026-12-31

PAGE_VERSION: Parameter[date] = Parameter(
    "innobooster_people_page_version", "date", {V3: V3}, C_VERSION,
    note="the page's rules are encoded from version 3; versions 1 and 2 are not")
GBER_APPLIES: Parameter[date] = gber.GBER_APPLIES  # start-up aid, art. 22: GBER's own period
CALL_LAST_DAY: Parameter[date] = Parameter(
    "innobooster_people_last_day", "date", {V3: date(2020, 12, 1)}, C_DEADLINE)
APPLICATIONS_FROM: Parameter[date] = Parameter(
    "innobooster_people_applications_from", "date", {V3: date(2020, 5, 28)}, C_AKTSTYKKE,
    note="grantcheck's bound, not the page's: the page names no first day of the call, and no "
    "application to it predates the appropriation of its funds (Aktstykke nr. 182 af 28. maj "
    "2020); the earliest an application left undated can have been sent")

CAPITAL_MIN: Parameter[Decimal] = Parameter(
    "innobooster_people_capital_min", "DKK", {V3: Decimal(500_000)}, C_CAPITAL)
TURNOVER_MIN: Parameter[Decimal] = Parameter(
    "innobooster_people_turnover_min", "DKK", {V3: Decimal(2_000_000)}, C_TURNOVER)
MAX_AGE_YEARS: Parameter[int] = Parameter(
    "gber22_max_age_years", "years", {GBER_START: 5}, C_AGE, valid_until=GBER_END,
    note="GBER art. 22(2): up to five years following registration")
AGE_MARGIN_MONTHS: Parameter[int] = Parameter(
    "innobooster_people_age_margin_months", "months", {V3: 2}, C_AGE,
    note="grantcheck's margin, not the page's: without a stated grant start, a company whose "
    "fifth anniversary is this close after the application is warned")

FUNDED_MIN: Parameter[int] = Parameter("innobooster_people_funded_min", "persons", {V3: 1},
                                       C_EMPLOYEES)
FUNDED_MAX: Parameter[int] = Parameter("innobooster_people_funded_max", "persons", {V3: 3},
                                       C_EMPLOYEES)
FULL_TIME_HOURS: Parameter[Decimal] = Parameter(
    "innobooster_people_full_time_hours", "hours", {V3: Decimal(37)}, C_FULL_TIME,
    note="hours per week")
DISMISSED_AFTER: Parameter[date] = Parameter(
    "innobooster_people_dismissed_after", "date", {V3: date(2020, 3, 1)}, C_DISMISSED,
    note="dismissed strictly after this day")
OTHERS_FROM: Parameter[int] = Parameter(
    "innobooster_people_others_required_from", "persons", {V3: 2}, C_OTHERS,
    note="'mere end 1 medarbejder': from two funded employees on")
OTHERS_PER_FUNDED: Parameter[Decimal] = Parameter(
    "innobooster_people_others_per_funded", "FTE", {V3: Decimal(1)}, C_OTHERS_EXAMPLE,
    note="'et tilsvarende antal': one other full-time employee per funded employee")
FUNDED_FTE: Parameter[Decimal] = Parameter(
    "innobooster_people_funded_fte", "FTE", {V3: Decimal(1)}, C_FULL_TIME,
    note="a funded employee is full-time, so counts as one FTE of company.employees_fte")
CONTROL_ABOVE_PERCENT: Parameter[Decimal] = Parameter(
    "innobooster_people_control_above_percent", "percent", {V3: Decimal(50)}, C_STRUCTURE,
    note="'bestemmende indflydelse (ejer mere end 50%)': a holding of more than 50 %, not 50 %")
OWNER_MIN_PERCENT: Parameter[Decimal] = Parameter(
    "innobooster_people_owner_min_percent", "percent", {V3: Decimal(5)}, C_OWNER_DEF)
GRANT_START_MONTHS_AFTER: Parameter[int] = Parameter(
    "innobooster_people_grant_start_months_after", "months", {V3: 1}, C_START,
    note="the 1st of the month after the approval; checked against the application month")

# The grant's own figures end with GBER: "Tilskud tildeles under EU-Kommissionens generelle
# gruppefritagelsesforordning for statsstøtte, artikel 22", so past 2026-12-31 no amount is
# encoded (and none is shown), as no GBER art. 22 condition is.
_GRANT_UNDER_GBER = "the grant is given under GBER art. 22, which applies until 2026-12-31"
SUBSIDY_PER_MONTH: Parameter[Decimal] = Parameter(
    "innobooster_people_subsidy_per_month", "DKK", {V3: Decimal(30_000)}, C_SUBSIDY,
    valid_until=GBER_END, note=f"per funded employee; {_GRANT_UNDER_GBER}")
SUBSIDY_MONTHS: Parameter[int] = Parameter(
    "innobooster_people_subsidy_months", "months", {V3: 12}, C_SUBSIDY, valid_until=GBER_END,
    note=_GRANT_UNDER_GBER)
SALARY_RATE: Parameter[Decimal] = Parameter(
    "innobooster_people_salary_rate", "rate", {V3: Decimal("0.75")}, C_RATE,
    valid_until=GBER_END, note=_GRANT_UNDER_GBER)
CAP: Parameter[Decimal] = Parameter(
    "innobooster_people_cap", "DKK", {V3: Decimal(1_080_000)}, C_CAP, valid_until=GBER_END,
    note=f"per company; one grant per company; {_GRANT_UNDER_GBER}")

GROWTH_FROM_YEARS: Parameter[int] = Parameter("innobooster_people_growth_from_years", "years",
                                              {V3: 3}, C_POTENTIAL)
GROWTH_TO_YEARS: Parameter[int] = Parameter("innobooster_people_growth_to_years", "years",
                                            {V3: 5}, C_POTENTIAL)

CHALLENGES_MAX: Parameter[int] = Parameter("innobooster_people_challenges_max", "characters",
                                           {V3: 3000}, C_CHALLENGES, note="including spaces")
DEVELOPMENT_MAX: Parameter[int] = Parameter("innobooster_people_development_max", "characters",
                                            {V3: 2000}, C_DEVELOPMENT, note="including spaces")
RESULTS_MAX: Parameter[int] = Parameter("innobooster_people_results_max", "characters",
                                        {V3: 2000}, C_RESULTS, note="including spaces")
SLIDES: Parameter[int] = Parameter("innobooster_people_pitch_slides", "slides", {V3: 12}, C_SLIDES)
SLIDES_TOLERANCE: Parameter[int] = Parameter(
    "innobooster_people_pitch_slides_tolerance", "slides", {V3: 2}, C_SLIDES,
    note="grantcheck's reading of 'ca.', not the page's: 10–14 slides pass without a warning")
CV_MAX_PAGES: Parameter[int] = Parameter("innobooster_people_cv_max_pages", "pages", {V3: 2},
                                         C_CV_PAGES, note="per person")
ATTACHMENTS_MAX_MB: Parameter[Decimal] = Parameter(
    "innobooster_people_attachments_max_mb", "MB", {V3: Decimal(25)}, C_PDF,
    note="pitch deck and CVs together")

PAYOUT_UPFRONT: Parameter[Decimal] = Parameter("innobooster_people_payout_upfront", "rate",
                                               {V3: Decimal("0.50")}, C_PAYOUT)
PAYOUT_MIDWAY: Parameter[Decimal] = Parameter("innobooster_people_payout_midway", "rate",
                                              {V3: Decimal("0.25")}, C_PAYOUT)
PAYOUT_MIDWAY_MONTH: Parameter[int] = Parameter("innobooster_people_payout_midway_month", "months",
                                                {V3: 6}, C_PAYOUT)
PAYOUT_FINAL: Parameter[Decimal] = Parameter("innobooster_people_payout_final", "rate",
                                             {V3: Decimal("0.25")}, C_LAST_PAYOUT)
