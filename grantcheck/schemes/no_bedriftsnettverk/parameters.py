"""Bedriftsnettverk: every number of the page, each a cited parameter."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.citations import Citation
from grantcheck.parameters import constant
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_EGENFINANSIERING,
    C_ETT_AAR,
    C_GOD_TID,
    C_MAKS_50,
    C_NORSKE_SMB_ANDEL,
    C_STOTTEBELOP,
    C_TRE_AARS_VARIGHET,
    C_TRE_SMB,
    SOURCE,
)

MAX_DURATION_YEARS = constant("bn_max_main_project_years", "years", 3, C_TRE_AARS_VARIGHET)
MIN_SMES = constant(
    "bn_min_smes", "persons", 3, C_TRE_SMB,
    note="companies (legal persons): SMEs with established business in Norway and sound finances",
)
MIN_NORWEGIAN_SME_SHARE = constant(
    "bn_min_norwegian_sme_share", "rate", Decimal("0.5"), C_NORSKE_SMB_ANDEL,
    note="share of the participants (entities, the applicant included)",
)
MAX_GRANT_PER_YEAR = constant("bn_max_grant_per_year", "NOK", Decimal(750_000), C_STOTTEBELOP)
MAX_GRANT_YEARS = constant("bn_max_grant_years", "years", 3, C_STOTTEBELOP)
MAX_PUBLIC_SHARE = constant("bn_max_public_support_share", "rate", Decimal("0.5"), C_MAKS_50)
MIN_OWN_SHARE = constant("bn_min_own_financing_share", "rate", Decimal("0.5"), C_EGENFINANSIERING)
MAX_APPLICATION_YEARS = constant("bn_max_project_years", "years", 3, C_ETT_AAR)
C_GOD_TID_WINDOW = Citation(
    SOURCE, C_GOD_TID.section, C_GOD_TID.quote,
    note="the page gives no number for «i god tid»: the two-month warning window is grantcheck's "
    "choice, not the page's",
)
YEAR2_WARNING_MONTHS = constant(
    "bn_year2_warning_window", "months", 2, C_GOD_TID_WINDOW,
    note="grantcheck warns from this many months before the end of the year-1 period",
)


OWN_FUNDING_FORM = "cash, hours or direct expenses"
FIT_WORDING = "relevant for assessment (relevant og aktuell for nærmere vurdering)"
