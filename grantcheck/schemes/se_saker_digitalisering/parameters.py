"""Säker digitalisering: every number of the (undated) call page, each a cited parameter.

The page names no date of its own, but speaks of the 2022 pilot as past ("som drevs under ett
halvår 2022"): its numbers are known from 2022-07-01 (``legal.KNOWN_FROM``), as its rules are,
so on an earlier date every amount is *not encoded* and none is shown (no grant of SEK 650,000
on 0001-01-01). The ordinance states no end date: they have none.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.citations import Citation
from grantcheck.parameters import PageNumbers
from grantcheck.schemes.se_saker_digitalisering.legal import KNOWN_FROM
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_GENOMFORANDETID,
    C_LAGSTA,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_MEDFINANSIERING,
    C_MINDRE_GRUPP,
    C_PERIOD,
    C_SLUTRAPPORT,
    C_STANGER,
    C_TILLAGG_MAX,
    C_TILLVAXT,
    SOURCE,
)

# a number of the page, in force from the day the page is known from, with no end
page_figure = PageNumbers(KNOWN_FROM.value)


LAST_OPEN_DAY = date(2023, 3, 1)
CALL_CLOSES = page_figure("sd_call_last_open_day", "date", LAST_OPEN_DAY, C_STANGER,
                          note="'Stänger 1 mars 2023': open on that day, closed from 2023-03-02")
C_GRUPP_READING = Citation(
    SOURCE, C_MINDRE_GRUPP.section, C_MINDRE_GRUPP.quote,
    note="the page gives no number: a group ('en mindre grupp av företag', with 'gruppdynamik "
    "mellan deltagande företag') is read as two companies or more, grantcheck's reading")
TARGET_MIN_COMPANIES = page_figure("sd_target_min_companies", "persons", 2, C_GRUPP_READING,
                                   note="participating companies (legal persons)")
TARGET_MIN_EMPLOYEES = page_figure("sd_target_min_employees", "persons", Decimal(10), C_TILLVAXT,
                                   note="'bör': a soft requirement")
TRAINING_MAX = page_figure("sd_training_addon_max", "SEK", Decimal(180_000), C_TILLAGG_MAX,
                           note="read as a cap on the training's cost, financed at 50 % like "
                           "the rest ('Maxbelopp för denna aktivitet')")
TRAINING_PER_PERSON = page_figure("sd_training_addon_per_person", "SEK", Decimal(30_000),
                                  C_TILLAGG_MAX, note="of the training's cost, per person trained")
MIN_APPLICATION = page_figure("sd_min_application", "SEK", Decimal(500_000), C_LAGSTA,
                              note="read as the grant sought")
CALL_BUDGET = page_figure("sd_call_budget", "SEK", Decimal(10_000_000), C_MAX_10_MKR,
                          note="the whole call; derived: no single grant can exceed it")
MAX_SHARE = page_figure("sd_max_share_of_budget", "rate", Decimal("0.50"), C_MAX_50_PROCENT,
                        note="Tillväxtverket's share of the project's total budget")
COFINANCING_MIN = page_figure("sd_cash_cofinancing_min", "rate", Decimal("0.50"),
                              C_MEDFINANSIERING, note="of the project's budget, in cash")
PROJECT_START_EARLIEST = page_figure("sd_project_start_earliest", "date", date(2023, 1, 1),
                                     C_GENOMFORANDETID,
                                     note="'genomförandetid under 2023': the first day of 2023")
PROJECT_END_LATEST = page_figure("sd_project_end_latest", "date", date(2023, 10, 31), C_PERIOD)
FINAL_REPORT_DAY = date(2023, 11, 30)
FINAL_REPORT_BY = page_figure("sd_final_report_by", "date", FINAL_REPORT_DAY, C_SLUTRAPPORT)
