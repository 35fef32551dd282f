"""What Bedriftsnettverk rests on: the page says only "Statsstøtteregelverket gir mer detaljerte
bestemmelser for de enkelte støtteformålene", naming no act or article.

Known: the page's own rules (encoded here) and the EU SME definition they read (Recommendation
2003/361/EC, from 2005-01-01). Not known: which state-aid act Innovasjon Norge grants the support
under, and so its period. The page is not dated and states no end to the scheme, so no end date
is encoded; the note says why, and `grantcheck schemes` shows it.
"""

from __future__ import annotations

from datetime import date

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.schemes.no_bedriftsnettverk.page import C_STATSSTOTTE

LEGAL_BASES = (
    LegalBasis(
        "statsstøtteregelverket (the page names no act)",
        (Period("the state-aid rules the page refers to", Fact(date.min, C_STATSSTOTTE), None),),
        (C_STATSSTOTTE,),
        note="the page names no state-aid act, so no period of one can be encoded: the page's "
        "rules are encoded with no end date, from the EU SME definition they read (2005-01-01)",
    ),
)
KNOWN_FROM = None  # the page states no version or date
