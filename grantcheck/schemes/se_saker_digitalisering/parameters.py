"""Säker digitalisering: every number of the (undated) call page, each a cited parameter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.parameters import constant
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_GENOMFORANDETID,
    C_LAGSTA,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_MEDFINANSIERING,
    C_PERIOD,
    C_SLUTRAPPORT,
    C_STANGER,
    C_TILLAGG_MAX,
    C_TILLVAXT,
)

LAST_OPEN_DAY = date(2023, 3, 1)
CALL_CLOSES = constant("sd_call_last_open_day", "date", LAST_OPEN_DAY, C_STANGER,
                       note="'Stänger 1 mars 2023': open on that day, closed from 2023-03-02")
TARGET_MIN_EMPLOYEES = constant("sd_target_min_employees", "persons", Decimal(10), C_TILLVAXT,
                                note="'bör': a soft requirement")
TRAINING_MAX = constant("sd_training_addon_max", "SEK", Decimal(180_000), C_TILLAGG_MAX)
TRAINING_PER_PERSON = constant("sd_training_addon_per_person", "SEK", Decimal(30_000),
                               C_TILLAGG_MAX)
MIN_APPLICATION = constant("sd_min_application", "SEK", Decimal(500_000), C_LAGSTA,
                           note="read as the grant sought")
CALL_BUDGET = constant("sd_call_budget", "SEK", Decimal(10_000_000), C_MAX_10_MKR,
                       note="the whole call; derived: no single grant can exceed it")
MAX_SHARE = constant("sd_max_share_of_budget", "rate", Decimal("0.50"), C_MAX_50_PROCENT,
                     note="Tillväxtverket's share of the project's total budget")
COFINANCING_MIN = constant("sd_cash_cofinancing_min", "rate", Decimal("0.50"), C_MEDFINANSIERING,
                           note="of the project's budget, in cash")
PROJECT_START_EARLIEST = constant("sd_project_start_earliest", "date", date(2023, 1, 1),
                                  C_GENOMFORANDETID,
                                  note="'genomförandetid under 2023': the first day of 2023")
PROJECT_END_LATEST = constant("sd_project_end_latest", "date", date(2023, 10, 31), C_PERIOD)
FINAL_REPORT_BY = constant("sd_final_report_by", "date", date(2023, 11, 30), C_SLUTRAPPORT)
