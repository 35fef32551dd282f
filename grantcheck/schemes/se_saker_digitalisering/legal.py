"""What the secure-digitalisation call rests on: Förordning (2015:210) § 13, as the page says
("Stödet styrs av Förordning 2015:210 … se särskilt §13"), and the EU state-aid rules.

Known: the ordinance was issued on 2015-03-26 (SFS 2015:210) and states no end date in the
sources grantcheck holds; its § 4 lets aid under it be given only under the EU regulations. Not
known: which EU regulation this call used (the page says only "Stödet omfattas av EU:s
statsstödsregler"), and the day the call opened. The page speaks of the 2022 pilot as past ("som
drevs under ett halvår 2022"): the call cannot have opened before half of 2022 had passed, so its
rules are known from 2022-07-01, and before that day the call is *not encoded*, never "open".
"""

from __future__ import annotations

from datetime import date

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_PILOT_2022,
    C_STATSSTOD,
    C_STODET_STYRS,
    SFS_13,
    SFS_ISSUED,
)

LEGAL_BASES = (
    LegalBasis(
        "Förordning (2015:210) § 13",
        (Period("Förordning (2015:210)", Fact(date(2015, 3, 26), SFS_ISSUED), None),),
        (C_STODET_STYRS, SFS_13, C_STATSSTOD),
        note="the ordinance states no end date in the sources grantcheck holds; which EU "
        "state-aid regulation the call used is not stated on the page",
    ),
)
KNOWN_FROM = Fact(date(2022, 7, 1), C_PILOT_2022)
