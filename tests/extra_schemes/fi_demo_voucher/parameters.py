"""Every number of the page, dated and cited (FICTIONAL). ``scheme.py`` collects them all with
:func:`grantcheck.parameters.parameters_of`: a parameter defined here cannot be forgotten.

The page's rules hold for its call, 2025-01-01 to 2027-12-31: outside it a rule that needs one of
these numbers is *unknown* ("the rules for that date are not encoded"), never a guess.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from grantcheck.parameters import Parameter
from grantcheck.schemes.fi_demo_voucher.page import C_RATE_AND_CAP, C_STAFF_UNTIL_2026

OPENS = date(2025, 1, 1)  # "open from 1 January 2025"
CLOSES = date(2027, 12, 31)  # "until 31 December 2027": the last open day

# "fewer than 50 full-time employees" until 2026, "fewer than 100" from 2027
STAFF_BELOW = Parameter(
    "fdv_staff_below", "FTE", {OPENS: Decimal(50), date(2027, 1, 1): Decimal(100)},
    C_STAFF_UNTIL_2026, valid_until=CLOSES,
    note="full-time employees, fewer than: 50 until 2026, 100 from 2027")
AID_RATE = Parameter("fdv_aid_rate", "rate", {OPENS: Decimal("0.50")}, C_RATE_AND_CAP,
                     valid_until=CLOSES, note="of the eligible costs")
CAP = Parameter("fdv_cap", "EUR", {OPENS: Decimal(10_000)}, C_RATE_AND_CAP,
                valid_until=CLOSES, note="per company")
