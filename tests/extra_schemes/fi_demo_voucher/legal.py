"""What the voucher rests on: the (fictional) Demo Act, from 2025-01-01, with no end date (the
page says so: an act with no end date is the one case a period is left open)."""

from __future__ import annotations

from datetime import date

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.schemes.fi_demo_voucher.page import C_DEMO_ACT

LEGAL_BASES = (
    LegalBasis("the Demo Act", (Period("the Demo Act", Fact(date(2025, 1, 1), C_DEMO_ACT),
                                       None),), (C_DEMO_ACT,)),
)
KNOWN_FROM = None  # the page states no version or date; the act bounds it
