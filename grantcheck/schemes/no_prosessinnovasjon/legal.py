"""What Prosessinnovasjon rests on: GBER art. 29, as the page says ("knyttet til GBER 29").

The page is not dated, so its rules are taken to apply while GBER does: from 2014-07-01 until
2026-12-31 (art. 59, as prolonged by Regulation (EU) 2023/1315). No successor regulation is
encoded: from 2027-01-01 the scheme is *needs information*, never *fits*, and no rule that reads
a GBER article (PO01, PO11-PO13, and the money, PO09-PO10) decides: each is *unknown* ("not
encoded"), as Innobooster People's GBER art. 22 rules are.
"""

from __future__ import annotations

from collections.abc import Callable

from grantcheck.engine import Check, Ctx
from grantcheck.law import gber
from grantcheck.schemes.no_prosessinnovasjon.page import C_GBER29
from grantcheck.schemes.no_prosessinnovasjon.parameters import GBER_APPLIES

LEGAL_BASES = (gber.basis("art. 29", C_GBER29, gber.ART_29_4),)
KNOWN_FROM = None  # the page states no version or date


def under_gber(check: Callable[[Ctx], Check]) -> Callable[[Ctx], Check]:
    """A rule of a GBER article, *unknown* ("not encoded") on a date GBER does not apply: past
    2026-12-31 no rule of the article is encoded (:mod:`grantcheck.law.gber`), so it neither
    passes nor fails. A fact it still lacks stays its question: a date the rules cover asks it
    too."""

    def rule(ctx: Ctx) -> Check:
        found = check(ctx)
        if found.ok is not None:
            GBER_APPLIES.at(ctx.on)
        return found

    rule.__doc__ = check.__doc__
    return rule
