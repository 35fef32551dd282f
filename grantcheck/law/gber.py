"""The General Block Exemption Regulation (GBER), Commission Regulation (EU) No 651/2014: the act,
the act that amended it last, the period it applies, and the articles the schemes cite, written
once. GBER applies in Norway through the EEA Agreement as it does in Denmark and Sweden.

A scheme that rests on a GBER article dates its numbers from :data:`APPLIES_FROM` and ends them
at :data:`APPLIES_UNTIL`: past that day no rule of the article is encoded, and the rules that
need it are *unknown*, never guessed. Each of the two is a :class:`Fact`, the date with the
citation that states it.

Quotes are in English, the act's own wording. The reading a scheme gives an article (which
figure its agency applies, what it leaves out) stays in the scheme's package.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.citations import Citation, Source, eu
from grantcheck.engine import Check, Ctx, Message
from grantcheck.parameters import Parameter
from grantcheck.profile import Sector

GBER = Source(
    "gber",
    "Commission Regulation (EU) No 651/2014 (GBER)",
    "European Commission",
    "en",
    "https://eur-lex.europa.eu/eli/reg/2014/651/oj",
    is_scheme_page=False,
)
GBER_AMENDMENT_2023 = Source(
    "gber-2023-1315",
    "Commission Regulation (EU) 2023/1315 amending the GBER",
    "European Commission",
    "en",
    "https://eur-lex.europa.eu/eli/reg/2023/1315/oj",
    is_scheme_page=False,
)


# --- the period GBER applies (art. 59) ---------------------------------------------------------

APPLIES_FROM = Fact(date(2014, 7, 1), eu(
    GBER, "Article 59", "This Regulation shall enter into force on 1 July 2014."))
APPLIES_UNTIL = Fact(date(2026, 12, 31), eu(
    GBER, "Article 59 (as amended by Regulation (EU) 2023/1315)",
    note="GBER applied until 31 December 2020 as adopted; Regulation (EU) 2020/972 prolonged "
    "it to 31 December 2023 and Regulation (EU) 2023/1315 to 31 December 2026"))

# --- the articles the schemes cite, in the act's order ------------------------------------------

ART_59 = eu(GBER, "Article 59", "This Regulation shall apply until 31 December 2026",
            note="as amended by Regulations (EU) 2020/972 and 2023/1315; in force since "
            "1 July 2014")

# the one parameter every scheme under a GBER article gates its rules with: it is known from the
# day GBER applies to the day it ends, and asking it on any other date raises NotEncoded
GBER_APPLIES: Parameter[date] = Parameter(
    "gber_applies_from", "date", {APPLIES_FROM.value: APPLIES_FROM.value}, ART_59,
    valid_until=APPLIES_UNTIL.value,
    note="GBER (Regulation (EU) No 651/2014, prolonged by Regulation (EU) 2023/1315) applies "
    "from 2014-07-01 to 2026-12-31: past it no rule of a GBER article is encoded")

C = TypeVar("C", bound=Ctx)


def under_gber(check: Callable[[C], Check]) -> Callable[[C], Check]:
    """A rule of a GBER article (a scheme's, or a budget rule's), *unknown* ("not encoded") on a
    date GBER does not apply: past 2026-12-31 no rule of the article is encoded, so it neither
    passes nor fails. A fact it still lacks stays its question: a date the rules cover asks it
    too."""

    def rule(ctx: C) -> Check:
        found = check(ctx)
        if found.ok is not None:
            GBER_APPLIES.at(ctx.on)
        return found

    rule.__doc__ = check.__doc__
    return rule

ART_1_3_AB = eu(
    GBER, "Article 1(3)(a) and (b)",
    "This Regulation shall not apply to: (a) aid granted in the fishery and aquaculture sector … "
    "(b) aid granted in the primary agricultural production sector")
ART_1_4_C = eu(
    GBER, "Article 1(4)(c)",
    "aid to undertakings in difficulty, with the exception of aid schemes to make good the "
    "damage caused by certain natural disasters, start-up aid schemes and regional operating aid "
    "schemes",
    note="GBER does not apply to this aid (art. 1(4) lists what it does not apply to); start-up "
    "aid schemes (art. 22) are excepted, so the exclusion is read by schemes under other "
    "articles only")
ART_2_24 = eu(
    GBER, "Article 2(24)",
    "'large enterprises' means undertakings not fulfilling the criteria laid down in Annex I",
    note="Annex I is the SME definition: an undertaking that is not an SME (a public body, or "
    "one 25 % or more controlled by public bodies, Annex I art. 3(4)) is a large enterprise "
    "for GBER, whatever its size")
ART_2_18_C = eu(
    GBER, "Article 2(18)(c)",
    "Where the undertaking is subject to collective insolvency proceedings or fulfils the "
    "criteria under its domestic law for being placed in collective insolvency proceedings at "
    "the request of its creditors",
    note="one of the cases of 'undertaking in difficulty' art. 2(18) defines; the others read "
    "the accounts (more than half of the subscribed capital lost, points (a) and (b))")
ART_4_1_L = eu(
    GBER, "Article 4(1)(l)",
    "This Regulation shall not apply to aid which exceeds the following thresholds: … (l) for "
    "aid for process and organisational innovation: EUR 7,5 million per undertaking per project")
ART_6_2 = eu(
    GBER, "Article 6(1) and (2)",
    "This Regulation shall apply only to aid which has an incentive effect. … Aid shall be "
    "considered to have an incentive effect if the beneficiary has submitted a written "
    "application for the aid to the Member State concerned before work on the project or "
    "activity starts.",
    note="art. 6(5) lists the aid that needs no incentive effect; aid for process and "
    "organisational innovation (art. 29) is not among it")
ART_8_3 = eu(
    GBER, "Article 8(3)",
    "Aid with identifiable eligible costs exempted by this Regulation may be cumulated: (a) with "
    "any other State aid, as long as those measures concern different identifiable eligible "
    "costs; (b) with any other State aid, in relation to the same eligible costs, partly or fully "
    "overlapping, only if such cumulation does not result in exceeding the highest aid intensity "
    "or aid amount applicable to this aid under this Regulation.")
ART_22_2 = eu(
    GBER, "Article 22(2)",
    "Eligible undertakings shall be unlisted small enterprises up to five years following their "
    "registration, which have not yet distributed profits and which have not been formed through "
    "a merger.")
ART_29_2 = eu(
    GBER, "Article 29(2)",
    "Aid to large enterprises shall only be compatible if they effectively collaborate with SMEs "
    "in the aided activity and the collaborating SMEs incur at least 30 % of the total eligible "
    "costs.")
ART_29_4 = eu(
    GBER, "Article 29(4)",
    "The aid intensity shall not exceed 15 % for large enterprises and 50 % for SMEs.")


# --- GBER as a legal basis: one period, its end the one art. 59 states ---------------------------

PERIOD = Period("Regulation (EU) No 651/2014 (GBER)", APPLIES_FROM, APPLIES_UNTIL)
SUCCESSOR_NOTE = ("a regulation to follow GBER after 2026-12-31 was in consultation in 2026; none "
                  "is adopted in the sources grantcheck holds, so no rule of it is encoded")


IN_DIFFICULTY = "company.in_difficulty"
IN_DIFFICULTY_CITES = (ART_1_4_C, ART_2_18_C)


def not_in_difficulty(ctx: Ctx) -> Check:
    """'aid to undertakings in difficulty' is outside GBER (art. 1(4)(c)); bankruptcy and
    restructuring are collective insolvency proceedings (art. 2(18)(c))."""
    stated = ctx.profile.company.in_difficulty
    if stated is None:
        return T_DIFFICULTY_UNKNOWN.unknown(IN_DIFFICULTY)
    return T_DIFFICULTY.failed() if stated else T_NOT_IN_DIFFICULTY.passed()


T_DIFFICULTY_UNKNOWN = Message(
    "the profile does not say whether the company is an undertaking in difficulty (GBER art. "
    "2(18)): in collective insolvency proceedings, or more than half of its subscribed capital "
    "lost", fix=f"set {IN_DIFFICULTY} = false if none of GBER art. 2(18) applies (true if it "
    "does)")
T_DIFFICULTY = Message(
    f"{IN_DIFFICULTY} = true: GBER does not apply to aid to an undertaking in difficulty (art. "
    "1(4)(c))", fix="the scheme rests on GBER: a company in bankruptcy or restructuring, or "
    "otherwise in difficulty under art. 2(18), cannot receive it")
T_NOT_IN_DIFFICULTY = Message(
    f"{IN_DIFFICULTY} = false: not an undertaking in difficulty (GBER art. 2(18))")


SECTOR = "company.sector"
EXCLUDED_SECTORS = frozenset({Sector.FISHERY_AQUACULTURE, Sector.PRIMARY_AGRICULTURE})
"""The sectors of art. 1(3)(a) and (b) the profile can state. Each point excepts some aid
(training aid, aid in the field of research and development, innovation aid for SMEs, …), none
of it start-up aid (art. 22) or aid for process and organisational innovation (art. 29): a
scheme under those articles reads the exclusion whole. Points (c) to (e) (aid fixed on the price
or quantity of agricultural products, closing coal mines, regional aid) concern no scheme here."""


def sector_not_excluded(ctx: Ctx) -> Check:
    """'This Regulation shall not apply to: (a) aid granted in the fishery and aquaculture
    sector … (b) aid granted in the primary agricultural production sector' (art. 1(3))."""
    stated: Sector = ctx.need(SECTOR)
    return T_SECTOR.check(stated not in EXCLUDED_SECTORS, sector=stated.value)


T_SECTOR = Message("sector {sector}", fix="fisheries, aquaculture and primary agricultural "
                   "production are excluded (GBER art. 1(3)(a),(b))")


START, APPLIED, END = "project.start", "project.application_date", "project.end"
INCENTIVE_READS = (START, APPLIED, END)


def applied_before_work_starts(ctx: Ctx) -> Check:
    """'the beneficiary has submitted a written application … before work on the project or
    activity starts' (art. 6(2)): ``project.start`` (the first day of work) after
    ``project.application_date``. On the same day the application can be sent before the work
    begins, so the dates do not fail it. An application date left out is the evaluation
    date's, as the call's rule reads it (in time for work that starts on or after it; for
    work started before it, unknown: an application may have been sent by then). A start left
    out is a range: an end before the application date bounds it (on or before the end);
    anything else it leaves open is unknown, naming the date that settles it."""
    start, applied = ctx.value(START), ctx.value(APPLIED)
    if start is not None and applied is not None:
        if start > applied:
            return T_APPLIED_BEFORE.passed(start=start, applied=applied)
        if start == applied:
            return T_APPLIED_SAME_DAY.passed(start=start)
        return T_STARTED_BEFORE.failed(start=start, applied=applied,
                                       days=(applied - start).days)
    end = ctx.value(END)
    if start is None and applied is not None and end is not None and end < applied:
        return T_ENDED_BEFORE.failed(end=end, applied=applied)  # start <= end < applied
    if start is None and applied is None:
        return T_NO_DATES.unknown(START, APPLIED)
    if start is None:
        return T_NO_START.unknown(START, applied=applied)
    # no application date: the application is read as sent on the evaluation date, as the
    # call's rule reads it (rules.applied_by); an application before it may have been sent
    if start >= ctx.on:
        return T_APPLYING_ON_THE_DATE.passed(start=start, on=ctx.on)
    return T_NO_APPLICATION.unknown(APPLIED, start=start, on=ctx.on)


_SIX_TWO = "GBER art. 6(2): the application is sent before work on the project starts"
T_APPLIED_BEFORE = Message("application dated {applied}, before work starts on {start} "
                           "(project.start)")
T_APPLIED_SAME_DAY = Message("application dated {start}, the day work starts (project.start): "
                             "in time if it is sent before the work begins that day")
T_STARTED_BEFORE = Message(
    f"work starts {{start}} (project.start), {{days}} day(s) before the application dated "
    f"{{applied}}: aid for a project already started has no incentive effect ({_SIX_TWO})",
    fix="apply before the work starts: a project started before its application cannot get "
    "this aid")
T_ENDED_BEFORE = Message(
    f"project.start not stated, but the project ends {{end}}, before the application dated "
    f"{{applied}}, so the work started before it too ({_SIX_TWO})",
    fix="apply before the work starts: a project started before its application cannot get "
    "this aid")
T_NO_DATES = Message(f"the profile states neither project.start nor project.application_date "
                     f"({_SIX_TWO})",
                     fix="state project.start (the first day of work on the project) and "
                     "project.application_date (the day the application is or will be sent)")
T_NO_START = Message(f"application dated {{applied}}; the profile does not state project.start "
                     f"({_SIX_TWO})",
                     fix="state project.start, the first day of work on the project: on or "
                     "after {applied}")
T_APPLYING_ON_THE_DATE = Message(
    "no application date stated (project.application_date): the application is read as sent "
    "on the evaluation date {on}, on or before the day work starts, {start} (project.start)",
    fix="apply by {start}, before the work starts: a project started before its application "
    "cannot get this aid")
T_NO_APPLICATION = Message(f"work started {{start}} (project.start), before the evaluation date "
                           f"{{on}}, and the profile does not state project.application_date: "
                           f"in time only if the application was sent by then ({_SIX_TWO})",
                           fix="state project.application_date, the day the application was "
                           "sent: on or before {start}")


def basis(article: str, *cites: Citation) -> LegalBasis:
    """GBER ``article`` as a scheme's legal basis, tied to the scheme by ``cites`` (the page's
    sentence and the article)."""
    return LegalBasis(f"GBER {article}", (PERIOD,), cites, note=SUCCESSOR_NOTE)
