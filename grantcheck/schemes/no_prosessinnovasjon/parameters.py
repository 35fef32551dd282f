"""Prosess- og organisasjonsinnovasjon's numbers: every one dated and cited.

The page names no amount: every number here is GBER's (art. 29 and 4(1)(l)), dated from the day
GBER applies and ending on the day it ends (:mod:`grantcheck.law.gber`). The scheme's
``parameters`` are collected from this module in the order below
(:func:`grantcheck.parameters.parameters_of`), so a new one cannot be forgotten.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.law import gber
from grantcheck.law.gber import APPLIES_FROM, APPLIES_UNTIL
from grantcheck.parameters import Parameter
from grantcheck.schemes.no_prosessinnovasjon.page import EU_4_1_L, EU_29_2, EU_29_4

SME_INTENSITY = Parameter(
    "po_sme_aid_intensity_max", "rate", {APPLIES_FROM.value: Decimal("0.50")}, EU_29_4,
    valid_until=APPLIES_UNTIL.value, note="of the eligible costs, for an SME")
LARGE_INTENSITY = Parameter(
    "po_large_aid_intensity_max", "rate", {APPLIES_FROM.value: Decimal("0.15")}, EU_29_4,
    valid_until=APPLIES_UNTIL.value,
    note="of the eligible costs, for a large enterprise (exception only)")
LARGE_SME_COST_SHARE = Parameter(
    "po_large_partner_sme_cost_share_min", "rate", {APPLIES_FROM.value: Decimal("0.30")},
    EU_29_2, valid_until=APPLIES_UNTIL.value,
    note="share of the total eligible costs the collaborating SMEs must bear when a large "
    "enterprise is aided")
NOTIFICATION_THRESHOLD = Parameter(
    "po_notification_threshold", "EUR", {APPLIES_FROM.value: Decimal("7500000")}, EU_4_1_L,
    valid_until=APPLIES_UNTIL.value,
    note="per undertaking per project; Regulation (EU) 2023/1315 amended GBER art. 4 and may "
    "have changed this figure: check it before relying on it for aid granted after 2023-07-01")
# GBER's own period, shared with every scheme under a GBER article: art. 29 and the articles
# PO01, PO11-PO13 and the budget's POB07 read (2(24), 1(4)(c) and 2(18), 1(3), 6(2), 8(3))
GBER_APPLIES: Parameter[date] = gber.GBER_APPLIES
