"""What Innobooster People rests on: GBER art. 22 (start-up aid), as the page says, and the
appropriation the page names for the funds.

The page is version 3, published 2020-07-03: its rules are known from then (the earlier versions
differed). GBER applies until 2026-12-31; the appropriation (Aktstykke nr. 182 of 2020-05-28,
under § 18(1) of Lov nr. 306 of 2014-03-29) states no end date on the page.
"""

from __future__ import annotations

from datetime import date

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.law import gber
from grantcheck.schemes.dk_innobooster_people.page import (
    C_AKTSTYKKE,
    C_ART22_PAGE,
    C_GBER_22,
    C_TILDELES,
    C_VERSION,
)

LEGAL_BASES = (
    gber.basis("art. 22", C_TILDELES, C_ART22_PAGE, C_GBER_22),
    LegalBasis(
        "Aktstykke nr. 182 (2020) under Lov nr. 306 af 29. marts 2014 § 18, stk. 1",
        (Period("Aktstykke nr. 182 af 28. maj 2020", Fact(date(2020, 5, 28), C_AKTSTYKKE),
                None),),
        (C_AKTSTYKKE,),
        note="the page states no end to the appropriation; the call itself closed on "
        "2020-12-01",
    ),
)
KNOWN_FROM = Fact(date(2020, 7, 3), C_VERSION)
