"""What Prosessinnovasjon rests on: GBER art. 29, as the page says ("knyttet til GBER 29").

The page is not dated, so its rules are taken to apply while GBER does: from 2014-07-01 until
2026-12-31 (art. 59, as prolonged by Regulation (EU) 2023/1315). No successor regulation is
encoded: from 2027-01-01 the scheme is *needs information*, never *fits*, and no rule that reads
a GBER article (PO01, PO11-PO13, and the money, PO09-PO10) decides: each is *unknown* ("not
encoded"), as Innobooster People's GBER art. 22 rules are.
"""

from __future__ import annotations

from grantcheck.law import gber
from grantcheck.schemes.no_prosessinnovasjon.page import C_GBER29

LEGAL_BASES = (gber.basis("art. 29", C_GBER29, gber.ART_29_4),)
KNOWN_FROM = None  # the page states no version or date
