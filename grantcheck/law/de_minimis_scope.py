"""The scope of the EU de minimis regulations (:mod:`grantcheck.law.de_minimis`): the sectors
they leave out and the other activities of a company in them, written once.

Neither Regulation (EU) No 1407/2013 nor Regulation (EU) 2023/2831 applies to aid to
undertakings active in fisheries and aquaculture or in the primary production of agricultural
products (art. 1(1)(a),(b) of each); an undertaking also active in other sectors or activities
may get de minimis aid for those, provided the excluded activities do not benefit (art. 1(2) of
each). :func:`sector_in_scope` is the check; a scheme whose page does not state the exclusion
gives it as a warning, since the aid may go to the other activities.
"""

from __future__ import annotations

from grantcheck.citations import eu
from grantcheck.engine import Check, Ctx, Message, because, missing
from grantcheck.law.de_minimis import DE_MINIMIS_2013, DE_MINIMIS_2023, PERIODS, REG_2023_2831_FROM
from grantcheck.profile import Sector

C_DM2013_SECTORS = eu(
    DE_MINIMIS_2013, "Article 1(1)(a) and (b)",
    "This Regulation applies to aid granted to undertakings in all sectors, with the exception "
    "of: (a) aid granted to undertakings active in the fishery and aquaculture sector, as covered "
    "by Council Regulation (EC) No 104/2000; (b) aid granted to undertakings active in the "
    "primary production of agricultural products",
    note="applied from 2014-01-01 to 2023-12-31; Regulation (EU) 2023/2391 brought the "
    "processing and marketing of fishery and aquaculture products within it from 2023-10-25, "
    "leaving their primary production out",
)
C_DM2013_OTHER_ACTIVITIES = eu(
    DE_MINIMIS_2013, "Article 1(2)",
    "Where an undertaking is active in the sectors referred to in points (a), (b) or (c) of "
    "paragraph 1 and is also active in one or more of the sectors or has other activities "
    "falling within the scope of this Regulation, this Regulation shall apply to aid granted in "
    "respect of those other sectors or activities, provided that the Member State concerned "
    "ensures, by appropriate means such as separation of activities or distinction of costs, "
    "that the activities in the excluded sectors do not benefit from the de minimis aid",
)
C_DM2023_SECTORS = eu(
    DE_MINIMIS_2023, "Article 1(1)(a) and (b)",
    note="from 2024-01-01 until 2030-12-31 the regulation does not apply to aid granted to "
    "undertakings active in the primary production of fishery and aquaculture products (a) or "
    "of agricultural products (b); processing and marketing fishery and aquaculture products is "
    "within it",
)
C_DM2023_OTHER_ACTIVITIES = eu(
    DE_MINIMIS_2023, "Article 1(2)",
    note="as in Regulation (EU) No 1407/2013: an undertaking also active in other sectors or "
    "activities may get de minimis aid for those, provided that separation of activities or "
    "distinction of costs ensures the excluded activities do not benefit",
)
SECTOR_CITES = (C_DM2013_SECTORS, C_DM2013_OTHER_ACTIVITIES, C_DM2023_SECTORS,
                C_DM2023_OTHER_ACTIVITIES)

SECTOR = "company.sector"
# what each regulation leaves out, in its words (art. 1(1)(a) and (b))
_LEFT_OUT = {
    (False, Sector.FISHERY_AQUACULTURE): (
        "(a)", "the fishery and aquaculture sector (from 2023-10-25 only its primary "
        "production: Regulation (EU) 2023/2391)"),
    (False, Sector.PRIMARY_AGRICULTURE): (
        "(b)", "the primary production of agricultural products"),
    (True, Sector.FISHERY_AQUACULTURE): (
        "(a)", "the primary production of fishery and aquaculture products (processing and "
        "marketing them is within it)"),
    (True, Sector.PRIMARY_AGRICULTURE): (
        "(b)", "the primary production of agricultural products"),
}


def sector_in_scope(ctx: Ctx) -> Check:
    """Whether the regulation in force on the date applies to the company's sector: 'aid
    granted to undertakings active in the fishery and aquaculture sector' and 'in the primary
    production of agricultural products' are left out (art. 1(1)(a),(b) of both regulations);
    aid to the company's other activities, kept apart, is not (art. 1(2)). A scheme gives it as
    a warning: the aid may still go to other activities. Unstated, the sector is unknown."""
    period = next((p for p in PERIODS if p.covers(ctx.on)), None)
    if period is None:
        return T_DM_SECTOR_NOT_ENCODED.unknown(on=ctx.on.isoformat())
    stated: Sector | None = ctx.profile.company.sector
    if stated is None:
        return missing(SECTOR, why=_SECTOR_WHY)
    until = period.applies_until.value.isoformat() if period.applies_until else "on"
    act = f"{period.act} (in force {period.applies_from.value.isoformat()} to {until})"
    if stated not in _LEFT_OUT_SECTORS:
        return T_DM_SECTOR_IN.passed(sector=stated.value, act=act)
    point, what = _LEFT_OUT[(ctx.on >= REG_2023_2831_FROM, stated)]
    return T_DM_SECTOR_OUT.failed(sector=stated.value, act=act, point=point, what=what)


_LEFT_OUT_SECTORS = frozenset({Sector.FISHERY_AQUACULTURE, Sector.PRIMARY_AGRICULTURE})
_SECTOR_WHY = because("the de minimis regulation does not apply to aid to undertakings in "
                      "fisheries and aquaculture or primary agricultural production; "
                      "company.sector = \"other\" if neither")
T_DM_SECTOR_NOT_ENCODED = Message(
    "the rules for {on} are not encoded: the EU de minimis regulation does not apply on that "
    "date (Regulation (EU) No 1407/2013 from 2014-01-01, Regulation (EU) 2023/2831 until "
    "2030-12-31)", fix="choose an evaluation date the rules cover (--as-of)")
T_DM_SECTOR_IN = Message("sector {sector}: within {act}")
T_DM_SECTOR_OUT = Message(
    "sector {sector}: {act} does not apply to aid granted to undertakings active in {what} "
    "(art. 1(1){point}); de minimis aid is possible only for the company's other activities, "
    "kept apart so that the excluded ones do not benefit (art. 1(2))",
    fix="the grant can go only to activities outside the excluded sector, kept apart from it "
    "by separation of activities or distinction of costs (art. 1(2)); say so in the "
    "application, or the aid cannot be granted as de minimis aid")
