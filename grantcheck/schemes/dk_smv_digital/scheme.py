"""Erhvervsstyrelsen, SMV:Digital: vouchers for digital projects in small and medium-sized firms.

Encoded, in the order of the application guide: the target group (Danish CVR number; turnover at
most EUR 50 million or balance sheet total at most EUR 43 million; de minimis aid within the
ceiling, also with the grant sought; own financing of 50 %); the three vouchers, each reported as
a tier of its own (DKK 25,000: 2–20 full-time employees; DKK 100,000: 3–249 full-time employees
and turnover of at least DKK 2 million; up to DKK 250,000: as for 100,000, plus the technology
choice settled and a business case made); how full-time employees are counted (owners at most one
FTE in total, an explanation where cvr.dk is not right); an earlier SMV:Digital or
Erhvervspartnerskab project finished and reported; the award criteria (growth ambitions,
anchoring, new technology, the pool's theme if any); implementation projects on technology bought
within the last year or in the project; direct investment support (only the up-to-250,000
voucher: 25 % of the investment, at most DKK 200,000, nothing under DKK 40,000; the company ready
to invest); the activities that are not eligible; one grant per group; approved advisors without
conflict of interest; the co-financing rates and forms; the project periods; the documents
before and after the project.

Readings chosen:
- Full-time employees (FTE) = ``company.employees_fte`` + min(``company.owners_fte``, 1): owners
  count at most one FTE in total. Both must be stated (owners 0 if none work in the firm). Ranges
  are inclusive and never rounded: 1.6 FTE does not reach 2.
- Size: the company's own turnover and balance sheet total (latest closed year), EUR ceilings
  converted with the dated ECB/InforEuro rate that the finding states. Partner and linked
  enterprises are not added: the page states the ceilings for the applying company.
- De minimis: the page quotes EUR 200,000 over the current and the two previous fiscal years
  (Regulation (EU) No 1407/2013). That regulation applied from 2014-01-01 to 2023-12-31;
  Regulation (EU) 2023/2831 replaced it from 2024-01-01 with EUR 300,000 over any rolling period
  of three years (aid granted before 2024 still counts). The regime in force on the evaluation
  date is applied (dated parameters). The page says "statsstøtte"; the regulation it cites counts
  de minimis aid, so only ``aid_received`` entries with ``de_minimis = true`` are summed (those
  with ``de_minimis`` unstated make the finding unknown when they could change it). Aid to other
  companies of the single undertaking is counted when it is listed in ``aid_received``.
  Under the old regime the fiscal year comes from ``company.fiscal_year_start_month``; when it is
  not stated, all twelve possible start months are tried and the rule decides only if they agree.
- The grant checked against the de minimis ceiling (SMV04–SMV06, one per voucher) is
  ``project.grant_sought``, at most the voucher's amount; without it, the voucher's full amount.
- Co-financing (SMV07–SMV09): the advice grant is 50 % of the advice costs (so the own financing
  of the advice is at least the grant, in cash, own hours or a mix) and, in the up-to-250,000
  voucher, investment support is 25 % of the investment (75 % own financing), at most
  DKK 200,000, nothing for investments under DKK 40,000; the voucher total stays at most
  DKK 250,000, the investment part first and the rest for advice. ``project.budget_total`` is the
  whole project (advice, own hours valued at the hourly rate, investment);
  ``project.investment_cost`` is its investment part. The page does not say whether amounts
  include VAT: grantcheck reads them excluding VAT and says so.
- The up-to-250,000 voucher is the direct investment support ("støtten til investeringen inkl.
  rådgivning"), so it needs an investment of at least DKK 40,000 (SMV24); a smaller investment
  gets no investment support, and the DKK 100,000 voucher is the one to look at.
- One grant per group (koncern) or per circle of companies with at least 25 % overlapping
  ownership: the profile states it as ``project.group_smv_grant`` (another such company already
  has an SMV:Digital grant).
- The pool's theme applies only to themed pools: without ``project.pool_theme`` the criterion
  passes and says so.
- Project periods (6 months for DKK 25,000, 12 months for the others) are soft rules: a planned
  project (``project.start``–``project.end``) longer than the period gives a warning, since an
  extension can be asked for only within the period and for something unforeseen.
- The page has few headings of its own; citations name the visible heading, or the topic with
  the page's word for it (e.g. "target group (målgruppen)") where the text stands under none.
  The co-financing text is cited under "Trin 5 – Undervejs i projektet", the step the page
  itself refers to for it.
- Regulation (EU) 2023/2831, art. 3(7) (new aid above the ceiling cannot be granted at all) is
  cited by article with its meaning in a note, not a verbatim quote.

Deliberately not encoded here:
- The budget-line rules (own hours at gross annual salary / 1,613 hours, an owner without salary
  at DKK 250 an hour, software subscriptions for up to 2 years, consultancy paid and internal
  hours spent within the commitment period): they belong to the budget command. Their parameters
  are exported here (HOURS_PER_YEAR, OWNER_HOURLY_RATE, SOFTWARE_SUBSCRIPTION_YEARS,
  ADVICE_OWN_SHARE, INVESTMENT_OWN_SHARE, own_hours_rate()) so that it reuses them.
- The eligible activities are examples ("et udpluk"): no activity outside them is made
  ineligible; only the page's binding list ("ikke støtteberettigede") is (SMV25).
- The pools' opening and closing dates: the page names none (the call is evaluated as open, with
  the caveat that a pool must be open when applying).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from grantcheck.citations import DE_MINIMIS_2013, DE_MINIMIS_2023, Citation, Source, eu
from grantcheck.engine import (
    Amounts,
    AmountsFn,
    CallWindow,
    Check,
    Ctx,
    Document,
    Kind,
    Missing,
    RuleBook,
    Scheme,
    Stage,
    Text,
    Tier,
    check,
    failed,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.money import Money, format_amount, format_percent, min_money
from grantcheck.parameters import ALWAYS, Parameter, constant
from grantcheck.profile import Aid
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity

SCHEME_ID = "dk-smv-digital"

SOURCE = Source(
    id=SCHEME_ID,
    title="Ansøgningsguide til SMV:Digital",
    publisher="Erhvervsstyrelsen",
    language="da",
)

# Section labels: the page's own heading where the text stands under one; otherwise the topic,
# with the page's word for it in brackets (the quote finds the sentence).
S_TARGET = "target group (målgruppen)"
S_AWARD = "award criteria (tildelingskriterier)"
S_ACTIVITIES = "project activities (projektaktiviteter)"
S_APPLICATION = "application template (ansøgningsskabelon)"
S_SUBMISSION = "Indsendelse af ansøgning"
S_ADVISORS = "Formelle retningslinjer angående anvendelse af rådgivere i SMV:Digital"
S_COFINANCING = "Trin 5 – Undervejs i projektet (medfinansiering)"
S_EARLY_PAYMENT = "Udbetaling af støtte til investeringer"
S_CHANGES = "Ændringer eller forlængelse af jeres projekt"
S_REPORTING = "reporting (afrapportering)"
S_EVALUATION = "Krav om evaluering"

# --- citations, in the order of the page -------------------------------------------------------

C_TARGET_GROUP = Citation(
    SOURCE, S_TARGET,
    "SMV:Digital er en tilskudsordning målrettet små og mellemstore virksomheder",
)
C_CVR = Citation(SOURCE, S_TARGET, "Virksomheder med et dansk CVR-nummer")
C_SIZE = Citation(
    SOURCE, S_TARGET,
    "Virksomheder med en omsætning på maksimalt 50 mio. euro eller en balance på maksimum "
    "43 mio. euro",
)
C_SIZE_EITHER = Citation(
    SOURCE, S_TARGET,
    "man må gerne overskride maksimum for enten omsætning eller balance, men ikke begge på "
    "samme tid",
)
C_DE_MINIMIS = Citation(
    SOURCE, S_TARGET,
    "Virksomheder der ikke har modtaget statsstøtte, der overstiger 200.000 euro, svarende til "
    "ca. 1,5 mio. kr., i indeværende og de to foregående regnskabsår",
    note="the page still quotes the ceiling of Regulation (EU) No 1407/2013, replaced by "
    "Regulation (EU) 2023/2831 from 2024-01-01",
)
C_DE_MINIMIS_REGULATION = Citation(
    SOURCE, S_TARGET,
    "Tilskuddet i SMV:Digital gives i henhold til statsstøttereglerne under Europa Kommissionens "
    "de minimis-forordning (EU) Nr. 1407/2013.",
)
C_COFINANCING = Citation(
    SOURCE, S_TARGET,
    "Der er krav om egen medfinansiering i form af 50% enten i form af kontant betaling, egne "
    "afholdte timer eller et mix af disse.",
)
C_TIERS = Citation(
    SOURCE, S_TARGET,
    "Herudover gælder der specifikke krav afhængigt af, om der søges tilskud til 25.000 kr., "
    "100.000 kr. eller 250.000 kr.",
)
C_T25 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på 25.000 kr.:")
C_T100 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på 100.000 kr.:")
C_T250 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på op til 250.000 kr.:")
C_T25_FTE = Citation(SOURCE, S_TARGET, "Virksomheden skal have mellem 2-20 fuldtidsansatte")
C_LARGE_FTE = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal have mellem 3-249 fuldtidsansatte i seneste aflagte regnskab",
)
C_TURNOVER = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal have en omsætning på minimum 2 mio. kr. i seneste aflagte årsregnskab",
)
C_TECHNOLOGY_CHOICE = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal være afklaret omkring teknologivalg og herunder have udarbejdet en "
    "business case for investering i ny hardware eller software",
)
C_FTE_COUNT = Citation(
    SOURCE, S_TARGET,
    "Antallet af fuldtidsansatte opgøres med udgangspunkt i sidste års regnskab og vurderes som "
    "antal årsværk",
)
C_FTE_EXPLANATION = Citation(
    SOURCE, S_TARGET,
    "skal jeres virksomhed redegøre for dette i ansøgningens virksomhedsbeskrivelse",
)
C_OWNERS = Citation(
    SOURCE, S_TARGET,
    "Bemærk i øvrigt at ejere maksimalt kan indgå med samlet 1 årsværk i beregningen.",
)
C_REAPPLY = Citation(
    SOURCE, S_TARGET,
    "kan der frit ansøges igen, såfremt projektet er afsluttet og afrapporteret",
)
C_AWARD = Citation(
    SOURCE, S_AWARD,
    "De konkrete tildelingskriterier, som alle skal være opfyldt, er beskrevet nedenfor:",
)
C_GROWTH = Citation(
    SOURCE, S_AWARD, "Projektet bidrager til at realisere virksomhedens vækstambitioner"
)
C_ANCHORING = Citation(
    SOURCE, S_AWARD,
    "om der er afsat ressourcer til at få hævet det teknologiske niveau i jeres virksomhed",
)
C_NEW_TECHNOLOGY = Citation(
    SOURCE, S_AWARD,
    "om jeres projekt reelt involverer en for jer ny teknologi eller IT eller en væsentlig "
    "opgradering af allerede eksisterende teknologi eller IT",
)
C_THEME = Citation(
    SOURCE, S_AWARD, "Nogle puljer er tematiserede, fx målrettet grøn omstilling eller eksport."
)
C_IMPLEMENTATION = Citation(
    SOURCE, S_ACTIVITIES,
    "ny teknologi, som I enten har investeret i inden for det seneste år eller indkøber i "
    "forbindelse med projektet",
)
C_READY_TO_INVEST = Citation(
    SOURCE, S_ACTIVITIES,
    "Direkte investeringsstøtte er for virksomheder, som er klar til at investere i digitale "
    "systemer, automatisering eller e-handelsløsninger.",
)
C_INVESTMENT_RATE = Citation(
    SOURCE, S_ACTIVITIES,
    "Investeringer støttes med 25% op til et maksimalt støttebeløb på 200.000 kr.",
)
C_INVESTMENT_MIN = Citation(
    SOURCE, S_ACTIVITIES,
    "Investeringer under 40.000 kr. støttes ikke - svarende til en mindstestøttesats på "
    "10.000 kr.",
)
C_SUBSCRIPTION = Citation(
    SOURCE, S_ACTIVITIES, "Indkøb af software på abonnement støttes op til 2 år"
)
C_INELIGIBLE = Citation(
    SOURCE, S_ACTIVITIES,
    "følgende aktiviteter i et SMV:Digital-projekt ikke er støtteberettigede",
)
C_APPLICATION = Citation(
    SOURCE, S_APPLICATION,
    "skal I udfylde og indsende en ansøgning til programmet, når den pågældende pulje åbner",
)
C_ONE_AT_A_TIME = Citation(SOURCE, S_SUBMISSION, "Der kan kun ansøges til ét forløb ad gangen")
C_PREDECESSOR = Citation(
    SOURCE, S_SUBMISSION,
    "Dette gælder ligeledes for igangværende projekter i regi af Erhvervspartnerskabet for "
    "Avanceret Produktion (forløberen for SMV:Digital)",
)
C_GROUP = Citation(
    SOURCE, S_SUBMISSION,
    "Der kan kun gives tilskud til én ansøgning per koncern. Det samme gælder, hvis flere "
    "virksomheder har overlappende ejerkreds på mindst 25%.",
)
C_FIRST_COME = Citation(
    SOURCE, S_SUBMISSION,
    "jeres ansøgning vil blive vurderet efter et først-til-mølle-princip",
)
C_POOL_END = Citation(
    SOURCE, S_SUBMISSION,
    "tilskudsmidler udmøntes frem til tilskudspuljens ansøgningsfrist, eller indtil rundens "
    "samlede bevilling er uddelt",
)
C_ADVISOR_DATABASE = Citation(
    SOURCE, S_ADVISORS,
    "Den anvendte rådgiver skal være godkendt og oprettet i rådgiverdatabasen",
)
C_ADVISORS_EACH = Citation(SOURCE, S_ADVISORS, "Rådgiverne skal alle være godkendt individuelt.")
C_CONFLICT = Citation(
    SOURCE, S_ADVISORS,
    "Der må ikke være interessesammenfald mellem jeres virksomhed og den anvendte rådgiver",
)
C_COFINANCING_RATES = Citation(
    SOURCE, S_COFINANCING,
    "selv skal medfinansiere rådgivning med 50% og investeringer i hardware og software med 75%",
)
C_COFINANCING_EXAMPLE = Citation(
    SOURCE, S_COFINANCING,
    "Hvis I fx har en tilskudsvoucher på 100.000 kr. og ønsker det fulde tilskudsbeløb udbetalt, "
    "skal I som minimum medfinansiere 100.000 kr.",
)
C_TIMESHEET = Citation(
    SOURCE, S_COFINANCING,
    "Hvis I vælger at medfinansiere med egne timer, skal I huske at føre timeregnskab for "
    "projektet.",
)
C_HOURLY_RATE = Citation(
    SOURCE, S_COFINANCING,
    "Beregningsgrundlaget for timelønnen er medarbejderens bruttoårsløn divideret med 1613 timer.",
)
C_OWNER_RATE = Citation(
    SOURCE, S_COFINANCING,
    "kan du medtage disse timer i projektbudgettet til en timesats på 250 kr.",
)
C_INVESTMENT_PAYMENT = Citation(
    SOURCE, S_EARLY_PAYMENT, "støtten til investeringen inkl. rådgivning"
)
C_PERIOD = Citation(
    SOURCE, S_CHANGES,
    "er på 12 måneder for tilskud på 100.000 kr. eller op til 250.000 kr. og 6 måneder for "
    "tilskud på 25.000 kr.",
)
C_REPORTING = Citation(
    SOURCE, S_REPORTING, "Når I afrapporterer, skal I udfylde og indsende følgende:"
)
C_PAYMENT_REQUEST = Citation(SOURCE, S_REPORTING, "Underskrevet udbetalingsanmodning")
C_REPORT_ACCOUNTS = Citation(SOURCE, S_REPORTING, "afrapportering og regnskab")
C_MANAGEMENT_DECLARATION = Citation(SOURCE, S_REPORTING, "Underskrevet ledelseserklæring")
C_ADVISOR_INVOICE = Citation(SOURCE, S_REPORTING, "Kopi af faktura fra rådgiver")
C_REPORT_DEADLINE = Citation(
    SOURCE, S_REPORTING,
    "Dokumenterne skal være Erhvervsstyrelsen i hænde senest 3 måneder efter afslutningen af "
    "tilsagnsperioden",
)
C_IN_PERIOD = Citation(
    SOURCE, S_REPORTING,
    "udgifter til konsulentydelser skal være betalt og interne løntimer afholdt indenfor jeres "
    "tilsagnsperiode",
)
C_EVALUATION = Citation(
    SOURCE, S_EVALUATION,
    "Tilskudsmodtageren forpligter sig til at besvare en opsamlende evaluering, der modtages op "
    "til 2 år efter projektets afslutning.",
)

# EU law, not on the page.
C_DM2013_CEILING = eu(
    DE_MINIMIS_2013, "Article 3(2)",
    "The total amount of de minimis aid granted per Member State to a single undertaking shall "
    "not exceed EUR 200 000 over any period of three fiscal years.",
    note="applied from 2014-01-01; prolonged to 2023-12-31 by Regulation (EU) 2020/972",
)
C_DM2013_NEW_AID = eu(
    DE_MINIMIS_2013, "Article 3(7)",
    note="new de minimis aid that would take the total above the ceiling cannot be granted "
    "under the regulation at all, not even the part below the ceiling",
)
C_DM2023_CEILING = eu(
    DE_MINIMIS_2023, "Article 3(2)",
    "The total amount of de minimis aid granted per Member State to a single undertaking shall "
    "not exceed EUR 300 000 over any period of three years.",
    note="the three years are rolling: for each new grant, the de minimis aid of the previous "
    "three years counts, aid granted before 2024 included",
)
C_DM2023_NEW_AID = eu(
    DE_MINIMIS_2023, "Article 3(7)",
    note="new de minimis aid that would take the total above the ceiling cannot be granted "
    "under the regulation at all",
)
C_DM2023_APPLIES = eu(
    DE_MINIMIS_2023, "Article 8",
    note="in force from 2024-01-01, applies until 2030-12-31; it replaced Regulation (EU) No "
    "1407/2013",
)
C_DM_SINGLE_UNDERTAKING = eu(
    DE_MINIMIS_2023, "Article 2(2)",
    note="the ceiling is per single undertaking: the aid of the companies of the group counts",
)

DE_MINIMIS_CITES = (C_DE_MINIMIS, C_DE_MINIMIS_REGULATION, C_DM2013_CEILING, C_DM2023_CEILING,
                    C_DM2023_APPLIES, C_DM_SINGLE_UNDERTAKING)

# --- parameters ----------------------------------------------------------------------------------

SIZE_TURNOVER_MAX = constant("smv_turnover_max", "EUR", Decimal(50_000_000), C_SIZE)
SIZE_BALANCE_MAX = constant("smv_balance_sheet_max", "EUR", Decimal(43_000_000), C_SIZE)

_REG_1407_2013_FROM = date(2014, 1, 1)
_REG_2023_2831_FROM = date(2024, 1, 1)
_REG_2023_2831_UNTIL = date(2030, 12, 31)

DE_MINIMIS_CEILING = Parameter(
    "de_minimis_ceiling", "EUR",
    {_REG_1407_2013_FROM: Decimal(200_000), _REG_2023_2831_FROM: Decimal(300_000)},
    C_DM2023_CEILING, valid_until=_REG_2023_2831_UNTIL,
    note="EUR 200,000 over the current and the two previous fiscal years under Regulation (EU) "
    "No 1407/2013 (2014-01-01 to 2023-12-31), the figure the page still quotes; EUR 300,000 over "
    "any rolling three years under Regulation (EU) 2023/2831 from 2024-01-01",
)
DE_MINIMIS_ROLLING_FROM = constant(
    "de_minimis_rolling_window_from", "date", _REG_2023_2831_FROM, C_DM2023_APPLIES,
    note="before this date the window is the current and the two previous fiscal years "
    "(Regulation (EU) No 1407/2013); from it, any rolling period of three years",
    valid_until=_REG_2023_2831_UNTIL,
)
DE_MINIMIS_YEARS = Parameter(
    "de_minimis_period_years", "years",
    {_REG_1407_2013_FROM: Decimal(3), _REG_2023_2831_FROM: Decimal(3)},
    C_DM2023_CEILING, valid_until=_REG_2023_2831_UNTIL,
    note="three fiscal years (the current and the two previous) under Regulation (EU) No "
    "1407/2013; three rolling years under Regulation (EU) 2023/2831",
)

ADVICE_OWN_SHARE = constant(
    "smv_advice_own_financing_share", "rate", Decimal("0.5"), C_COFINANCING_RATES,
    note="the advice grant is the rest, 50 %: the own financing is at least the grant",
)
INVESTMENT_OWN_SHARE = constant(
    "smv_investment_own_financing_share", "rate", Decimal("0.75"), C_COFINANCING_RATES)

GRANT_T25 = constant("smv_voucher_25", "DKK", Decimal(25_000), C_T25)
GRANT_T100 = constant("smv_voucher_100", "DKK", Decimal(100_000), C_T100)
GRANT_T250 = constant("smv_voucher_250_max", "DKK", Decimal(250_000), C_T250)

T25_FTE_MIN = constant("smv_25_fte_min", "FTE", Decimal(2), C_T25_FTE)
T25_FTE_MAX = constant("smv_25_fte_max", "FTE", Decimal(20), C_T25_FTE)
LARGE_FTE_MIN = constant("smv_100_250_fte_min", "FTE", Decimal(3), C_LARGE_FTE)
LARGE_FTE_MAX = constant("smv_100_250_fte_max", "FTE", Decimal(249), C_LARGE_FTE)
TURNOVER_MIN = constant("smv_100_250_turnover_min", "DKK", Decimal(2_000_000), C_TURNOVER)
OWNERS_FTE_MAX = constant("smv_owners_fte_max", "FTE", Decimal(1), C_OWNERS)

TECHNOLOGY_BOUGHT_WITHIN_YEARS = constant(
    "smv_implementation_technology_within_years", "years", Decimal(1), C_IMPLEMENTATION)
INVESTMENT_RATE = constant("smv_investment_support_rate", "rate", Decimal("0.25"),
                           C_INVESTMENT_RATE)
INVESTMENT_SUPPORT_MAX = constant("smv_investment_support_max", "DKK", Decimal(200_000),
                                  C_INVESTMENT_RATE)
INVESTMENT_MIN = constant("smv_investment_min", "DKK", Decimal(40_000), C_INVESTMENT_MIN)
INVESTMENT_SUPPORT_MIN = constant(
    "smv_investment_support_min", "DKK", Decimal(10_000), C_INVESTMENT_MIN,
    note="the page's smallest support, 25 % of DKK 40,000",
)
SOFTWARE_SUBSCRIPTION_YEARS = constant(
    "smv_software_subscription_years_max", "years", Decimal(2), C_SUBSCRIPTION)

GROUP_OWNERSHIP_OVERLAP = constant("smv_group_ownership_overlap_min", "percent", Decimal(25),
                                   C_GROUP)

HOURS_PER_YEAR = constant(
    "smv_hours_per_year", "hours", Decimal(1613), C_HOURLY_RATE,
    note="hourly rate of own hours = gross annual salary (holiday-entitled pay, employer pension, "
    "ATP, agreed supplements) / 1,613 hours",
)
OWNER_HOURLY_RATE = constant(
    "smv_owner_hourly_rate", "DKK", Decimal(250), C_OWNER_RATE,
    note="an owner who works in the project without drawing a salary",
)

PERIOD_T25 = constant("smv_25_project_period", "months", Decimal(6), C_PERIOD)
PERIOD_LARGE = constant("smv_100_250_project_period", "months", Decimal(12), C_PERIOD)
REPORT_DEADLINE_MONTHS = constant("smv_report_deadline", "months", Decimal(3),
                                  C_REPORT_DEADLINE)
EVALUATION_YEARS = constant("smv_evaluation_commitment", "years", Decimal(2), C_EVALUATION)

# For the budget command (own hours, software subscriptions, co-financing per cost kind).
BUDGET_PARAMETERS = (HOURS_PER_YEAR, OWNER_HOURLY_RATE, SOFTWARE_SUBSCRIPTION_YEARS,
                     ADVICE_OWN_SHARE, INVESTMENT_OWN_SHARE)


def own_hours_rate(gross_annual_salary: Money, on: date) -> Money:
    """The hourly rate of an employee's own hours: gross annual salary / 1,613 hours (unrounded).

    >>> own_hours_rate(Money(Decimal(483_900), "DKK"), date(2026, 1, 1)).rounded()
    Money(amount=Decimal('300.00'), currency='DKK')
    """
    return Money(gross_annual_salary.amount / HOURS_PER_YEAR.at(on), gross_annual_salary.currency)


OWN_FUNDING_FORM = "cash, own hours or a mix"
VAT_NOTE = "amounts excl. VAT (the page does not say; grantcheck reads them without VAT)"

# Schemes whose unfinished project blocks a new application (normalised names and ids).
PREDECESSOR_SCHEMES = frozenset({
    "dk-smv-digital", "smv:digital", "smv digital", "smvdigital",
    "erhvervspartnerskabet", "erhvervspartnerskabet for avanceret produktion",
})

# --- helpers -------------------------------------------------------------------------------------


def _num(d: Decimal) -> str:
    """An FTE or count without trailing zeros: 20 -> '20', 1.60 -> '1.6'. Not remembered:
    hashing a new Decimal costs about as much as this."""
    return format(d.normalize(), "f")


# --- the page's figures in the company's currency -----------------------------------------------
# Every profile has the rules convert the same parameters at the same rates and write out the same
# figures and sentences: each is made once per (date, currency, rates) with Ctx.constant, which
# still marks the rates as used in each profile's result.


@dataclass(frozen=True, slots=True)
class _Local:
    """A money parameter on one date in the company's currency, and its texts."""

    money: Money  # converted at the dated rate, unrounded
    text: str  # str(money)
    rounded: str  # str(money.rounded())
    original: str  # the page's figure: 'EUR 50,000,000'
    shown: str  # 'EUR 50,000,000 = DKK 373,680,000 (1 EUR = …)', or 'DKK 2,000,000'


def _local_of(ctx: Ctx, p: Parameter[Decimal]) -> _Local:
    """A money parameter in the company's currency (the page's DKK, or a converted EUR figure),
    with its texts."""
    return ctx.constant(_local_figures, p)


def _local_figures(ctx: Ctx, p: Parameter[Decimal]) -> _Local:
    original = p.money(ctx.on)
    money = ctx.convert(original, ctx.currency)
    rounded = str(money.rounded())
    shown = (str(original) if original.currency == money.currency
             else f"{original} = {rounded} ({_rate_text(ctx, original.currency)})")
    return _Local(money, str(money), rounded, str(original), shown)


def _local(ctx: Ctx, p: Parameter[Decimal]) -> Money:
    """A money parameter in the company's currency (the page's DKK, or a converted EUR figure)."""
    return _local_of(ctx, p).money


def _rate_text(ctx: Ctx, frm: str) -> str:
    """The exchange rates used to bring `frm` into the company's currency ('' if none)."""
    return ctx.constant(_conversion_text, frm)


def _conversion_text(ctx: Ctx, frm: str) -> str:
    return ctx.fx.describe_conversion(frm, ctx.currency)


@dataclass(frozen=True, slots=True)
class _Dated:
    """The shares and rates in force on one date, and their texts."""

    advice_rate: Decimal  # the advice grant: 1 − the own financing of the advice
    advice_pct: str
    investment_pct: str  # the investment support
    own_shares: str  # 'advice 50 % own financing'
    own_shares_investing: str  # 'advice 50 % own financing, investments 75 %'
    overlap: str  # the ownership overlap that makes one group: '25'


@lru_cache(maxsize=64)
def _dated(on: date) -> _Dated:
    """The texts of the date's shares and rates, made once per date."""
    advice_rate = 1 - ADVICE_OWN_SHARE.at(on)
    own = f"advice {format_percent(ADVICE_OWN_SHARE.at(on))} own financing"
    return _Dated(
        advice_rate, format_percent(advice_rate), format_percent(INVESTMENT_RATE.at(on)),
        own, f"{own}, investments {format_percent(INVESTMENT_OWN_SHARE.at(on))}",
        format_amount(GROUP_OWNERSHIP_OVERLAP.at(on)),
    )


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _add_months(d: date, months: int) -> date:
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _fte(ctx: Ctx) -> tuple[Decimal, Text]:
    """Full-time employees as the page counts them: employees + owners, owners at most 1 FTE
    (counted once per profile: three rules read it)."""
    return ctx.once(_count_fte)


def _count_fte(ctx: Ctx) -> tuple[Decimal, Text]:
    c = ctx.profile.company
    absent = [path for path, v in (("company.employees_fte", c.employees_fte),
                                   ("company.owners_fte", c.owners_fte)) if v is None]
    if absent:
        raise Missing(*absent, why="FTE = employees + working owners (owners at most 1 FTE); "
                      "owners_fte = 0 if no owner works in the company")
    assert c.employees_fte is not None and c.owners_fte is not None
    cap = OWNERS_FTE_MAX.at(ctx.on)
    owners = min(c.owners_fte, cap)
    total = c.employees_fte + owners

    def text() -> str:
        assert c.employees_fte is not None and c.owners_fte is not None
        words = f"{_num(total)} FTE = employees {_num(c.employees_fte)} + owners {_num(owners)}"
        if c.owners_fte > cap:
            words += f" (owners' {_num(c.owners_fte)} FTE count at most {_num(cap)})"
        if c.fte_differs_from_cvr:
            words += "; differs from cvr.dk, explained in the application"
        return words

    return total, text


@dataclass(frozen=True)
class _Voucher:
    id: str
    name: str
    cap: Parameter[Decimal]
    period: Parameter[Decimal]
    invests: bool


T25 = _Voucher("t25", "DKK 25,000", GRANT_T25, PERIOD_T25, invests=False)
T100 = _Voucher("t100", "DKK 100,000", GRANT_T100, PERIOD_LARGE, invests=False)
T250 = _Voucher("t250", "up to DKK 250,000", GRANT_T250, PERIOD_LARGE, invests=True)
VOUCHERS = (T25, T100, T250)


# what Missing says of project.investment_cost when it is not stated and may be needed
_NO_INVESTMENT = ("project.investment_cost",)
_NO_INVESTMENT_WHY = ("the investment part of the budget (hardware, software, commissioning), "
                      "excl. VAT; 0 if none")


def _investment(ctx: Ctx) -> tuple[Money, str] | None:
    """The investment part of the budget: project.investment_cost, or none when the listed
    activities include no investment; None when it is not stated and may be some (once per
    profile: several rules and amounts read it)."""
    return ctx.once(_investment_of)


def _investment_of(ctx: Ctx) -> tuple[Money, str] | None:
    p = ctx.profile.project
    if p.investment_cost is not None:
        inv = ctx.money(p.investment_cost)
        return inv, f"investment {inv}"
    if p.activities is not None and SmvActivity.INVESTMENT not in p.activities:
        return Money.zero(ctx.currency), "no investment among project.activities"
    return None


def _investment_support(ctx: Ctx, inv: Money) -> Money:
    """25 % of the investment, at most DKK 200,000; nothing for an investment under 40,000."""
    if inv < _local(ctx, INVESTMENT_MIN):
        return Money.zero(ctx.currency)
    return min_money(inv * INVESTMENT_RATE.at(ctx.on), _local(ctx, INVESTMENT_SUPPORT_MAX))


class _Grant(NamedTuple):
    budget: Money
    advice: Money
    investment: Money
    investment_support: Money
    advice_grant: Money
    grant: Money
    cap: Money
    basis: Text


def _grant(ctx: Ctx, v: _Voucher) -> _Grant:
    """The largest grant of voucher `v` that the budget allows (once per profile and voucher: the
    co-financing rule and the amounts both need it)."""
    return ctx.once(_grant_of, v)


def _grant_of(ctx: Ctx, v: _Voucher) -> _Grant:
    """The largest grant of voucher `v` that the budget allows (derived from the page's rates)."""
    budget = ctx.money(ctx.need("project.budget_total"))
    investment = _investment(ctx)
    if investment is None:
        raise Missing(*_NO_INVESTMENT, why=_NO_INVESTMENT_WHY)
    inv, inv_text = investment
    if inv > budget:
        raise Missing("project.investment_cost",
                      why=f"the investment {inv} is more than project.budget_total {budget}")
    on = ctx.on
    advice = budget - inv
    cap = _local_of(ctx, v.cap)
    dated = _dated(on)
    advice_rate = dated.advice_rate
    if v.invests:
        support = _investment_support(ctx, inv)
        advice_cap = cap.money - support
        most, least = _local_of(ctx, INVESTMENT_SUPPORT_MAX), _local_of(ctx, INVESTMENT_MIN)
    else:
        support = Money.zero(ctx.currency)
        advice_cap = cap.money
    advice_share = advice * advice_rate
    advice_grant = min_money(advice_share, advice_cap)
    grant = (support + advice_grant).floored()

    def basis() -> str:
        advice_part = (f"advice costs {advice} × {dated.advice_pct} = "
                       f"{advice_share.rounded()}, at most {advice_cap.rounded()}")
        if v.invests:
            how = (f"{inv_text} × {dated.investment_pct} = {support.rounded()} (at most "
                   f"{most.text}; none for investments under {least.text}) + {advice_part}")
        else:
            how = advice_part
            if inv.amount > 0:
                how += (f"; the {inv_text} gets no support with this voucher (only the up-to-"
                        f"{GRANT_T250.money(on)} voucher supports investments) and is paid by "
                        "the company")
        return (f"grant {grant} = {how}; the {v.name} voucher gives at most {cap.text}; own "
                f"funding = budget {budget} − grant = {budget - grant}; derived arithmetic on "
                f"the page's rates, {VAT_NOTE}")

    return _Grant(budget, advice, inv, support, advice_grant, grant, cap.money, basis)


# --- de minimis ----------------------------------------------------------------------------------

_DE_MINIMIS_WORDING = (
    "The page says 'statsstøtte'; the regulation it cites counts de minimis aid, so only "
    "aid_received entries with de_minimis = true are summed (aid to other companies of the single "
    "undertaking included when listed)"
)


def _fiscal_window_start(on: date, start_month: int, years: int) -> date:
    current = date(on.year if on.month >= start_month else on.year - 1, start_month, 1)
    return date(current.year - (years - 1), start_month, 1)


@dataclass(frozen=True, slots=True)
class _Ceiling:
    """The de minimis regime in force on one date, its ceiling in one currency, and its texts."""

    ceiling: Money
    text: str  # 'EUR 300,000 = DKK 2,242,080 (1 EUR = …)'
    after: str  # '. Regulation (EU) 2023/2831: …. The page says …' (ends a finding)
    # the windows (first day, label): the rolling one, or one per fiscal-year start month 1–12
    windows: tuple[tuple[date, str], ...]
    rolling: bool


def _ceiling(ctx: Ctx) -> _Ceiling:
    """The de minimis regime in force on ctx's date (made once per date, currency and rates)."""
    return ctx.constant(_regime)


def _regime(ctx: Ctx) -> _Ceiling:
    on = ctx.on
    ceiling_eur = DE_MINIMIS_CEILING.money(on)  # NotEncoded on a date it does not cover, first
    ceiling = ctx.convert(ceiling_eur, ctx.currency)
    rate = _rate_text(ctx, "EUR")
    ceiling_text = f"{ceiling_eur}" + (f" = {ceiling.rounded()} ({rate})" if rate else "")
    years = int(DE_MINIMIS_YEARS.at(on))
    rolling = on >= DE_MINIMIS_ROLLING_FROM.at(on)
    windows: tuple[tuple[date, str], ...]
    if rolling:
        start = _years_before(on, years) + timedelta(days=1)
        regime = (f"Regulation (EU) 2023/2831: {ceiling_eur} over any rolling {years} years, aid "
                  "granted before 2024 included; the page still quotes the old ceiling of "
                  "EUR 200,000 over the current and the two previous fiscal years "
                  "(Regulation (EU) No 1407/2013)")
        windows = ((start, f"granted {start} to {on}"),)
    else:
        regime = (f"Regulation (EU) No 1407/2013, the page's ceiling: {ceiling_eur} over the "
                  f"current and the two previous fiscal years")
        starts = [_fiscal_window_start(on, m, years) for m in range(1, 13)]
        windows = tuple((s, f"granted in the fiscal years from {s} to {on}") for s in starts)
    return _Ceiling(ceiling, ceiling_text, f". {regime}. {_DE_MINIMIS_WORDING}.", windows,
                    rolling)


class _Window(NamedTuple):
    start: date
    label: str
    known: Money
    entries: int  # de minimis aid entries summed in known ('count' is a tuple method)
    unsure: tuple[str, ...]
    unsure_sum: Decimal


def _window(ctx: Ctx, aid: Sequence[Aid], start: date, label: str) -> _Window:
    in_window = [(i, a) for i, a in enumerate(aid) if start <= a.granted <= ctx.on]
    known = Money.zero(ctx.currency)
    count = 0
    unsure_sum = Money.zero(ctx.currency)
    unsure: list[str] = []
    for i, a in in_window:
        if a.de_minimis is True:
            known = known + ctx.money(a.amount)
            count += 1
        elif a.de_minimis is None:
            unsure_sum = unsure_sum + ctx.money(a.amount)
            unsure.append(f"aid_received[{i}].de_minimis")
    return _Window(start, label, known, count, tuple(unsure), unsure_sum.amount)


class _Received(NamedTuple):
    """The de minimis aid received in the window(s), before a grant is added."""

    windows: tuple[_Window, ...]
    largest: _Window
    figures: Text  # 'de minimis aid granted … to …: DKK 150,000 (2 entries)'
    note: str  # ' (the largest over the twelve …)' where the fiscal year is not known
    fields: tuple[str, ...]  # what would settle an unknown outcome
    why: str  # why it would be unknown


_NO_AID_WHY = ("every aid received in the last three years, with its date and whether it was "
               "de minimis aid; aid_received = [] if none")


def _received(ctx: Ctx) -> _Received | None:
    """The aid in the windows of the regime in force: the same for SMV03 and for SMV04–SMV06
    (which add a grant), so summed once per profile (through ctx.once); None when the profile
    does not list the aid received."""
    regime = _ceiling(ctx)
    if ctx.profile.aid_received is None:
        return None
    aid = ctx.profile.aid_received
    month = ctx.profile.company.fiscal_year_start_month
    month_known = regime.rolling or month is not None
    if regime.rolling:
        starts = regime.windows
    elif month is not None:
        starts = (regime.windows[month - 1],)
    else:  # all twelve possible start months; the rule decides only if they agree
        starts = regime.windows
    windows = tuple(_window(ctx, aid, start, label) for start, label in starts)
    w = max(windows, key=lambda x: x.known.amount)

    def figures() -> str:
        return (f"de minimis aid {w.label}: {w.known} ({w.entries} "
                f"{'entry' if w.entries == 1 else 'entries'})")

    note = ("" if month_known or len(windows) == 1
            else " (the largest over the twelve possible fiscal-year start months)")
    unsure = sorted({f for x in windows for f in x.unsure})
    fields = ([] if month_known else ["company.fiscal_year_start_month"]) + unsure
    why = []
    if unsure:
        why.append("aid whose de minimis status is not stated could take the total above the "
                   "ceiling")
    if not month_known:
        why.append("the outcome depends on the fiscal year")
    return _Received(windows, w, figures, note, tuple(fields), " and ".join(why))


def _de_minimis(ctx: Ctx, grant: Money | None, grant_text: str) -> Check:
    """De minimis aid in the window (plus `grant`, if given) against the ceiling in force."""
    regime = _ceiling(ctx)
    received = ctx.once(_received)
    if received is None:
        return missing("aid_received", why=_NO_AID_WHY)
    ceiling = regime.ceiling
    # each window: over the ceiling, within it even with the aid of unstated status, or unknown
    limit = ceiling.amount
    added = grant.amount if grant is not None else Decimal(0)
    outcomes = set()
    for x in received.windows:
        total_x = x.known.amount + added
        outcomes.add(False if total_x > limit else True if total_x + x.unsure_sum <= limit
                     else None)
    w = received.largest
    total = w.known + (grant or Money.zero(ctx.currency))

    def figures() -> str:
        plus = f" + grant {grant} ({grant_text})" if grant is not None else ""
        return f"{text_of(received.figures)}{plus} = {total}{received.note}"

    if len(outcomes) == 1 and None not in outcomes:
        ok = outcomes.pop()

        def message() -> str:
            return f"{figures()} {'≤' if ok else '>'} the ceiling {regime.text}{regime.after}"

        if ok:
            return passed(message)
        room = ceiling - (grant or Money.zero(ctx.currency))
        if grant is not None:
            fix = (f"the de minimis aid in the window must not exceed {room.rounded()} with this "
                   f"grant ({(w.known - room).rounded()} less): seek a smaller grant or wait "
                   "until older aid leaves the window")
        else:
            fix = (f"the de minimis aid in the window exceeds the ceiling by "
                   f"{(w.known - room).rounded()}: no de minimis aid can be granted until older "
                   "aid leaves the window")
        return failed(message, fix)
    return unknown(lambda: f"{figures()}; ceiling {regime.text}: {received.why}{regime.after}",
                   *received.fields)

# --- rules, in the order of the page -------------------------------------------------------------

rules = RuleBook()


@rules.rule("SMV01", "The company has a Danish CVR number", kind=Kind.HARD, cites=[C_CVR],
            reads=["company.cvr_number"])
def danish_cvr(ctx: Ctx) -> Check:
    """'Virksomheder med et dansk CVR-nummer'."""
    cvr = ctx.profile.company.cvr_number
    if cvr is None:
        return unknown("no Danish CVR number stated (company.cvr_number)", "company.cvr_number",
                       fix="state company.cvr_number (8 digits); only companies with a Danish "
                       "CVR number can apply")
    return passed(f"CVR number {cvr}")


@rules.rule("SMV02", "Turnover at most EUR 50 million or balance sheet total at most EUR 43 "
            "million", kind=Kind.HARD, cites=[C_TARGET_GROUP, C_SIZE, C_SIZE_EITHER],
            reads=["company.turnover", "company.balance_sheet_total"])
def size(ctx: Ctx) -> Check:
    """One of the two may be exceeded, not both ('men ikke begge på samme tid')."""
    c = ctx.profile.company
    t_max, b_max = _local_of(ctx, SIZE_TURNOVER_MAX), _local_of(ctx, SIZE_BALANCE_MAX)
    turnover = None if c.turnover is None else ctx.money(c.turnover)
    balance = None if c.balance_sheet_total is None else ctx.money(c.balance_sheet_total)
    t_ok = None if turnover is None else turnover <= t_max.money
    b_ok = None if balance is None else balance <= b_max.money
    rate = _rate_text(ctx, "EUR")

    def figures() -> list[str]:
        parts = []
        if turnover is not None:
            parts.append(f"turnover {turnover} {'≤' if t_ok else '>'} "
                         f"{t_max.original} = {t_max.rounded}")
        if balance is not None:
            parts.append(f"balance sheet total {balance} "
                         f"{'≤' if b_ok else '>'} {b_max.original} = {b_max.rounded}")
        if rate:
            parts.append(rate)
        return parts

    def text() -> str:
        return "; ".join(figures()) + " (the company's own figures, latest closed year)"

    if t_ok or b_ok:
        return passed(lambda: text() + ": within at least one ceiling")
    if t_ok is False and b_ok is False:
        return failed(text() + ": both ceilings exceeded",
                      f"turnover must fall to {t_max.rounded} or the balance sheet total to "
                      f"{b_max.rounded}")
    absent = [p for p, v in (("company.turnover", t_ok), ("company.balance_sheet_total", b_ok))
              if v is None]
    return unknown((text() + ": " if figures() else "") + "one of turnover and balance sheet "
                   "total within its ceiling is enough; state the missing figure", *absent)


@rules.rule("SMV03", "De minimis aid received is within the de minimis ceiling", kind=Kind.HARD,
            cites=DE_MINIMIS_CITES, reads=["aid_received", "company.fiscal_year_start_month"])
def de_minimis_received(ctx: Ctx) -> Check:
    """The page's EUR 200,000 over three fiscal years (Reg. 1407/2013) until 2023; EUR 300,000
    over any rolling three years (Reg. 2023/2831) from 2024-01-01."""
    return _de_minimis(ctx, None, "")


def _voucher_grant(ctx: Ctx, v: _Voucher) -> tuple[Money, str]:
    """The grant sought with this voucher: project.grant_sought at most the voucher's amount,
    else the voucher's amount."""
    cap = _local(ctx, v.cap)
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return cap, f"the full {v.name} voucher; no project.grant_sought stated"
    s = ctx.money(sought)
    if s > cap:
        return cap, f"the most the {v.name} voucher gives; project.grant_sought {s} is more"
    return s, "project.grant_sought"


def _de_minimis_with_grant(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        grant, text = _voucher_grant(ctx, v)
        # vouchers that add the same grant get the same check: made once per profile
        return ctx.once(_de_minimis, grant, text)

    fn.__doc__ = (f"De minimis aid received plus the {v.name} grant must fit under the ceiling "
                  "(Reg. 1407/2013 art. 3(7); Reg. 2023/2831 art. 3(7)).")
    return fn


for _rid, _v in (("SMV04", T25), ("SMV05", T100), ("SMV06", T250)):
    rules.rule(
        _rid, f"De minimis aid received plus the {_v.name} grant stays within the ceiling",
        kind=Kind.HARD,
        cites=[*DE_MINIMIS_CITES, C_DM2013_NEW_AID, C_DM2023_NEW_AID],
        reads=["aid_received", "company.fiscal_year_start_month", "project.grant_sought"],
        tier=_v.id,
    )(_de_minimis_with_grant(_v))


def _cofinancing(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        cap = _local_of(ctx, v.cap)
        sought = ctx.value("project.grant_sought")
        dated = _dated(ctx.on)
        rates = dated.own_shares_investing if v.invests else dated.own_shares
        if sought is None:
            return passed(f"no grant sought stated (project.grant_sought): {rates}, "
                          f"{OWN_FUNDING_FORM}; the amounts show the largest grant the budget "
                          f"allows, at most {cap.text}")
        grant, text = _voucher_grant(ctx, v)
        if ctx.value("project.budget_total") is None:
            return unknown(f"{text} {grant}: the own financing ({rates}) cannot be checked "
                           "without the budget", "project.budget_total")
        g = _grant(ctx, v)
        ok = grant <= g.grant

        def message() -> str:
            return (f"{text} {grant} {'≤' if ok else '>'} {g.grant}, the most the budget allows "
                    f"({rates}); own financing {g.budget - grant}. {text_of(g.basis)}")

        if ok:
            return passed(message)
        needed = (grant - g.investment_support) * (1 / dated.advice_rate)
        return failed(message, f"lower the grant sought to {g.grant}, or raise the advice costs "
                      f"to {needed.rounded()} ({(needed - g.advice).rounded()} more), "
                      f"{OWN_FUNDING_FORM}")

    fn.__doc__ = (f"The {v.name} grant never exceeds the own financing of the advice (50 %), and "
                  "investments are 75 % own-financed.")
    return fn


for _rid, _v in (("SMV07", T25), ("SMV08", T100), ("SMV09", T250)):
    rules.rule(
        _rid, f"Own financing covers the {_v.name} grant at the page's rates",
        kind=Kind.BUDGET,
        cites=[C_COFINANCING, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE],
        reads=["project.grant_sought", "project.budget_total", "project.investment_cost",
               "project.activities"],
        tier=_v.id,
    )(_cofinancing(_v))


def _fte_range(v: _Voucher, low: Parameter[Decimal], high: Parameter[Decimal]
               ) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        total, text = _fte(ctx)
        lo, hi = low.at(ctx.on), high.at(ctx.on)
        if total < lo:
            return failed(f"{text_of(text)} < {_num(lo)} required for the {v.name} voucher (no "
                          f"rounding)", f"needs at least {_num(lo)} FTE ({_num(lo - total)} more)")
        if total > hi:
            return failed(f"{text_of(text)} > {_num(hi)} allowed for the {v.name} voucher",
                          f"at most {_num(hi)} FTE ({_num(total - hi)} fewer)")
        return passed(lambda: f"{text_of(text)}: within {_num(lo)}–{_num(hi)}")

    fn.__doc__ = (f"{v.name}: between {low.at(ALWAYS)} and {high.at(ALWAYS)} full-time "
                  "employees, inclusive, counted as årsværk from last year's accounts.")
    return fn


def _turnover_check(ctx: Ctx) -> Check:
    turnover = ctx.money(ctx.need("company.turnover"))
    least = _local_of(ctx, TURNOVER_MIN)
    ok = turnover >= least.money

    def message() -> str:
        return (f"turnover {turnover} {'≥' if ok else '<'} {least.shown} required (latest annual "
                "accounts)")

    if ok:
        return passed(message)
    return failed(message, f"turnover must reach {least.rounded} "
                  f"({(least.money - turnover).rounded()} more)")


def _turnover_min(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        return ctx.once(_turnover_check)  # the same check for both vouchers: once per profile

    fn.__doc__ = f"{v.name}: turnover at least DKK 2 million in the latest annual accounts."
    return fn


rules.rule("SMV10", "2 to 20 full-time employees", kind=Kind.HARD,
           cites=[C_T25, C_T25_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t25",
           )(_fte_range(T25, T25_FTE_MIN, T25_FTE_MAX))
rules.rule("SMV11", "3 to 249 full-time employees in the latest accounts", kind=Kind.HARD,
           cites=[C_T100, C_LARGE_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t100",
           )(_fte_range(T100, LARGE_FTE_MIN, LARGE_FTE_MAX))
rules.rule("SMV12", "Turnover at least DKK 2 million in the latest annual accounts",
           kind=Kind.HARD, cites=[C_T100, C_TURNOVER], reads=["company.turnover"], tier="t100",
           )(_turnover_min(T100))
rules.rule("SMV13", "3 to 249 full-time employees in the latest accounts", kind=Kind.HARD,
           cites=[C_T250, C_LARGE_FTE, C_FTE_COUNT, C_OWNERS],
           reads=["company.employees_fte", "company.owners_fte"], tier="t250",
           )(_fte_range(T250, LARGE_FTE_MIN, LARGE_FTE_MAX))
rules.rule("SMV14", "Turnover at least DKK 2 million in the latest annual accounts",
           kind=Kind.HARD, cites=[C_T250, C_TURNOVER], reads=["company.turnover"], tier="t250",
           )(_turnover_min(T250))


@rules.rule("SMV15", "The technology choice is settled", kind=Kind.HARD,
            cites=[C_T250, C_TECHNOLOGY_CHOICE], reads=["project.technology_choice_settled"],
            tier="t250")
def technology_choice(ctx: Ctx) -> Check:
    """'Virksomheden skal være afklaret omkring teknologivalg'."""
    settled = ctx.value("project.technology_choice_settled")
    if settled is None:
        return missing("project.technology_choice_settled")
    return check(bool(settled), f"technology choice settled: {str(settled).lower()}",
                 "settle the technology choice before applying for the up-to-DKK 250,000 "
                 "voucher, or apply for DKK 100,000 (e.g. a potential clarification)")


@rules.rule("SMV16", "A business case for the investment in new hardware or software has been "
            "made", kind=Kind.HARD, cites=[C_T250, C_TECHNOLOGY_CHOICE],
            reads=["project.business_case_made"], tier="t250")
def business_case(ctx: Ctx) -> Check:
    """'have udarbejdet en business case': made (held by the company), not an attachment."""
    made = ctx.value("project.business_case_made")
    if made is None:
        return missing("project.business_case_made")
    return check(bool(made), f"business case made: {str(made).lower()}",
                 "make the business case for the investment first (the DKK 100,000 voucher can "
                 "pay for making one)")


@rules.rule("SMV17", "Any earlier SMV:Digital or Erhvervspartnerskab project is finished and "
            "reported", kind=Kind.HARD, cites=[C_REAPPLY, C_ONE_AT_A_TIME, C_PREDECESSOR],
            reads=["aid_received"])
def one_project_at_a_time(ctx: Ctx) -> Check:
    """One project at a time; this also covers ongoing projects under Erhvervspartnerskabet for
    Avanceret Produktion, the forerunner of SMV:Digital."""
    if ctx.profile.aid_received is None:
        return missing("aid_received", why="earlier SMV:Digital or Erhvervspartnerskab grants "
                       "with finished_and_reported; aid_received = [] if none")
    earlier = [(i, a) for i, a in enumerate(ctx.profile.aid_received)
               if a.scheme.strip().lower() in PREDECESSOR_SCHEMES]
    if not earlier:
        return passed("no earlier SMV:Digital or Erhvervspartnerskab grant in aid_received")

    def name(a: Aid) -> str:
        who = f" to {a.recipient}" if a.recipient else ""
        return f"{a.scheme} of {a.granted}{who}"

    open_ = [name(a) for _, a in earlier if a.finished_and_reported is False]
    unsure = [f"aid_received[{i}].finished_and_reported" for i, a in earlier
              if a.finished_and_reported is None]
    if open_:
        return failed(f"not yet finished and reported: {', '.join(open_)}",
                      "finish the earlier project and report it to Erhvervsstyrelsen first")
    if unsure:
        return unknown("not stated whether the earlier project is finished and reported: "
                       + ", ".join(name(a) for _, a in earlier if a.finished_and_reported is None),
                       *unsure)
    return passed("finished and reported: " + ", ".join(name(a) for _, a in earlier))


rules.declaration("SMV18", "The project helps realise the company's growth ambitions",
                  "growth_ambitions", cites=[C_AWARD, C_GROWTH])
rules.declaration("SMV19", "The project is anchored: resources, room to buy technology, "
                  "management commitment and the right employees", "anchoring",
                  cites=[C_AWARD, C_ANCHORING])
rules.declaration("SMV20", "The project involves technology new to the company or a "
                  "significant upgrade", "new_technology", cites=[C_AWARD, C_NEW_TECHNOLOGY])


@rules.rule("SMV21", "The project meets the pool's theme, if the pool has one",
            kind=Kind.DECLARATION, cites=[C_AWARD, C_THEME],
            reads=["project.pool_theme", "declarations.pool_theme_met"])
def pool_theme(ctx: Ctx) -> Check:
    """'Evt. tema': only themed pools (e.g. green transition, export) assess it."""
    theme = ctx.profile.project.pool_theme
    if theme is None:
        return passed("no pool theme stated (project.pool_theme): the criterion applies only to "
                      "themed pools")
    met = ctx.profile.declarations.pool_theme_met
    if met is None:
        return unknown(f"pool theme {theme!r}: not declared whether the project meets it",
                       "declarations.pool_theme_met",
                       fix="set declarations.pool_theme_met = true if the project makes the "
                       "theme's effect plausible (false if not)")
    return check(met, f"pool theme {theme!r}: declared pool_theme_met = {str(met).lower()}",
                 "make plausible that the project serves the pool's theme, or apply to a pool "
                 "without a theme")


@rules.rule("SMV22", "An implementation project concerns technology bought within the last year "
            "or in the project", kind=Kind.HARD, cites=[C_IMPLEMENTATION],
            reads=["project.activities", "project.technology_bought",
                   "project.technology_bought_in_project"])
def implementation_technology(ctx: Ctx) -> Check:
    """'ny teknologi, som I enten har investeret i inden for det seneste år eller indkøber i
    forbindelse med projektet'."""
    p = ctx.profile.project
    activities = ctx.value("project.activities")
    if activities is None:
        return missing("project.activities")
    if SmvActivity.IMPLEMENTATION not in activities:
        return passed("not an implementation project (project.activities)")
    if p.technology_bought_in_project:
        return passed("the technology is bought in the project")
    years = int(TECHNOLOGY_BOUGHT_WITHIN_YEARS.at(ctx.on))
    earliest = _years_before(ctx.on, years)
    bought = p.technology_bought
    if bought is not None and bought >= earliest:
        return passed(f"technology bought {bought}, on or after {earliest} (within the last "
                      f"{years} year)")
    if bought is not None and p.technology_bought_in_project is False:
        return failed(f"technology bought {bought}, before {earliest} (more than {years} year "
                      "ago), and none is bought in the project",
                      "an implementation project must concern technology bought since "
                      f"{earliest} or bought in the project")
    absent = [f for f, v in (("project.technology_bought", bought),
                             ("project.technology_bought_in_project",
                              p.technology_bought_in_project)) if v is None]
    lead = (f"technology bought {bought}, before {earliest}; " if bought is not None else "")
    return unknown(lead + "an implementation project needs technology bought since "
                   f"{earliest} or bought in the project", *absent)


rules.declaration("SMV23", "The company is ready to invest in digital systems, automation or "
                  "e-commerce solutions", "ready_to_invest",
                  cites=[C_READY_TO_INVEST, C_INVESTMENT_PAYMENT], tier="t250")


@rules.rule("SMV24", "The investment is at least DKK 40,000", kind=Kind.HARD,
            cites=[C_INVESTMENT_MIN, C_INVESTMENT_RATE, C_INVESTMENT_PAYMENT],
            reads=["project.investment_cost", "project.activities"], tier="t250")
def investment_minimum(ctx: Ctx) -> Check:
    """'Investeringer under 40.000 kr. støttes ikke': the up-to-250,000 voucher is direct
    investment support, so it needs a supported investment. Excl. VAT (grantcheck's reading)."""
    investment = _investment(ctx)
    if investment is None:
        return missing(*_NO_INVESTMENT, why=_NO_INVESTMENT_WHY)
    inv, text = investment
    least = _local_of(ctx, INVESTMENT_MIN)
    support = _investment_support(ctx, inv)
    smallest = _local_of(ctx, INVESTMENT_SUPPORT_MIN).text
    if inv >= least.money:
        return passed(f"{text} ≥ {least.shown}: support {_dated(ctx.on).investment_pct} = "
                      f"{support.rounded()} (at least {smallest}, at most "
                      f"{_local_of(ctx, INVESTMENT_SUPPORT_MAX).text}); {VAT_NOTE}")
    return failed(f"{text} < {least.shown}: investments under that are not "
                  f"supported (the smallest support is {smallest}); {VAT_NOTE}",
                  f"the investment must reach {least.rounded} "
                  f"({(least.money - inv).rounded()} more), or apply for the "
                  f"{GRANT_T100.money(ctx.on)} voucher without investment support")


@rules.rule("SMV25", "No activity the page lists as not eligible", kind=Kind.HARD,
            cites=[C_INELIGIBLE], reads=["project.ineligible_activities"])
def ineligible_activities(ctx: Ctx) -> Check:
    """'ikke er støtteberettigede': ordinary operational optimisation, strategy development,
    sales and marketing, market and competitor analyses with a minor digital part,
    communication, costs of writing the application."""
    listed = ctx.value("project.ineligible_activities")
    if listed is None:
        return missing("project.ineligible_activities")
    if not listed:
        return passed("none of the activities the page lists as not eligible")
    names = ", ".join(str(a) for a in listed)
    return failed(f"the project includes activities that are not eligible: {names}",
                  "take these activities out of the project (they cannot be funded)")


@rules.rule("SMV26", "No other company of the group, or with at least 25 % overlapping "
            "ownership, has an SMV:Digital grant", kind=Kind.HARD, cites=[C_GROUP],
            reads=["project.group_smv_grant"])
def one_grant_per_group(ctx: Ctx) -> Check:
    """'Der kan kun gives tilskud til én ansøgning per koncern' — also for overlapping ownership
    of at least 25 %."""
    overlap = _dated(ctx.on).overlap
    other = ctx.profile.project.group_smv_grant
    if other is None:
        return unknown("not stated whether another company of the group, or one with at least "
                       f"{overlap} % overlapping ownership, has an SMV:Digital grant "
                       "(project.group_smv_grant)", "project.group_smv_grant")
    if other:
        return failed(f"another company of the group (or with at least {overlap} % overlapping "
                      "ownership) has an SMV:Digital grant: one grant per group",
                      "only one company of the group can receive the grant")
    return passed(f"no other company of the group or with at least {overlap} % overlapping "
                  "ownership has an SMV:Digital grant")


@rules.rule("SMV27", "Every advisor is approved in the programme's advisor database",
            kind=Kind.HARD, cites=[C_ADVISOR_DATABASE, C_ADVISORS_EACH],
            reads=["project.advisors_in_database"])
def advisors_approved(ctx: Ctx) -> Check:
    """Each advisor approved individually; foreign advisors are allowed if they meet all
    requirements."""
    ok = ctx.value("project.advisors_in_database")
    if ok is None:
        return missing("project.advisors_in_database")
    return check(bool(ok), f"every advisor approved in the advisor database: {str(ok).lower()}",
                 "ask the advisor to apply to the advisor database and await approval, or "
                 "choose an approved advisor")


@rules.rule("SMV28", "No conflict of interest between the company and its advisors",
            kind=Kind.HARD, cites=[C_CONFLICT], reads=["project.advisor_conflict_of_interest"])
def no_conflict_of_interest(ctx: Ctx) -> Check:
    """No direct or indirect dependence: ownership, board, family relations or similar."""
    conflict = ctx.value("project.advisor_conflict_of_interest")
    if conflict is None:
        return missing("project.advisor_conflict_of_interest")
    return check(not conflict, f"conflict of interest with an advisor: {str(conflict).lower()}",
                 "choose an advisor without ties of ownership, board seats, family or similar")


def _period(v: _Voucher) -> Callable[[Ctx], Check]:
    def fn(ctx: Ctx) -> Check:
        p = ctx.profile.project
        absent = [f for f, x in (("project.start", p.start), ("project.end", p.end)) if x is None]
        if absent:
            raise Missing(*absent, why="to compare the planned project with the project period")
        assert p.start is not None and p.end is not None
        months = int(v.period.at(ctx.on))
        last = _add_months(p.start, months) - timedelta(days=1)
        ok = p.end <= last
        return check(ok, f"planned {p.start} to {p.end}; the {v.name} voucher's project period "
                     f"is {months} months, {p.start} to {last}",
                     f"plan the project to end by {last}; an extension can only be asked for, "
                     "in writing within the period, if something unforeseen delays it")

    fn.__doc__ = f"{v.name}: project period {v.period.at(ALWAYS)} months (set in the commitment)."
    return fn


for _rid, _v in (("SMV29", T25), ("SMV30", T100), ("SMV31", T250)):
    rules.rule(
        _rid, f"The project fits the {_v.name} voucher's project period",
        kind=Kind.SOFT, cites=[C_PERIOD], reads=["project.start", "project.end"], tier=_v.id,
    )(_period(_v))

# --- the rules grouped under the headings of the requirements catalogue (`grantcheck show`) -----

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Every applicant", ("SMV01", "SMV02", "SMV03", "SMV04", "SMV05", "SMV06", "SMV17", "SMV26")),
    ("Tiers", ("SMV10", "SMV11", "SMV12", "SMV13", "SMV14", "SMV15", "SMV16", "SMV29", "SMV30",
               "SMV31")),
    ("Co-financing", ("SMV07", "SMV08", "SMV09")),
    ("Direct investment support", ("SMV22", "SMV23", "SMV24")),
    ("Eligible activities", ("SMV25",)),
    ("Advisor", ("SMV27", "SMV28")),
    ("Award criteria", ("SMV18", "SMV19", "SMV20", "SMV21")),
)

# --- documents -------------------------------------------------------------------------------


def _flag(path: str) -> Callable[[Ctx], bool | None]:
    def when(ctx: Ctx) -> bool | None:
        return bool(ctx.need(path))

    return when


_AFTER = (f"after the project, at the latest {REPORT_DEADLINE_MONTHS.at(ALWAYS)} months after "
          "the end of the commitment period")

documents = (
    Document("smv_application", "SMV:Digital application (template), sent when a pool opens",
             (C_APPLICATION,)),
    Document("business_case", "business case for the investment in new hardware or software",
             (C_TECHNOLOGY_CHOICE,), Stage.APPLICATION,
             condition="up-to-DKK 250,000 voucher: the page says the business case must have "
             "been made (udarbejdet), not that it is attached; the company holds it",
             tier="t250"),
    Document("fte_explanation", "explanation in the company description of the application why "
             "the cvr.dk FTE figure is not right", (C_FTE_EXPLANATION,), Stage.APPLICATION,
             when=_flag("company.fte_differs_from_cvr"),
             condition="when the FTE figure on cvr.dk is not right "
             "(company.fte_differs_from_cvr)"),
    Document("timesheet", "timesheet of own hours (person, task, date, time)", (C_TIMESHEET,),
             Stage.GRANT_START, when=_flag("project.own_hours"),
             condition="when own hours co-finance the project (project.own_hours), kept "
             "throughout the project"),
    Document("smv_payment_request", "signed payment request", (C_REPORTING, C_PAYMENT_REQUEST,
             C_REPORT_DEADLINE), Stage.AFTER_PROJECT, condition=_AFTER),
    Document("smv_report_and_accounts", "'afrapportering og regnskab' incl. timesheet",
             (C_REPORTING, C_REPORT_ACCOUNTS, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
    Document("smv_management_declaration", "signed management declaration",
             (C_REPORTING, C_MANAGEMENT_DECLARATION, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
    Document("smv_advisor_invoice", "copy of the advisor's invoice",
             (C_REPORTING, C_ADVISOR_INVOICE, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
)

# --- amounts ---------------------------------------------------------------------------------


def _amounts_for(v: _Voucher) -> AmountsFn:
    cites: tuple[Citation, ...] = (C_TIERS, C_COFINANCING_RATES, C_COFINANCING_EXAMPLE)
    if v.invests:
        cites += (C_INVESTMENT_RATE, C_INVESTMENT_MIN, C_INVESTMENT_PAYMENT)

    def unbudgeted(ctx: Ctx) -> Amounts:
        cap = _local_of(ctx, v.cap)
        dated = _dated(ctx.on)
        if v.invests:
            basis = (f"at most {cap.text}: investment support {dated.investment_pct} of the "
                     f"investment, at most {_local_of(ctx, INVESTMENT_SUPPORT_MAX).text} (none for "
                     f"investments under {_local_of(ctx, INVESTMENT_MIN).text}), the rest for "
                     f"advice at {dated.advice_pct}; state project.budget_total and "
                     f"project.investment_cost to compute it; {VAT_NOTE}")
        else:
            basis = (f"{dated.advice_pct} of the advice costs, at most {cap.text}: the full grant "
                     f"needs own financing of at least {cap.text} (derived); state "
                     f"project.budget_total to compute it; {VAT_NOTE}")
        rate = None if v.invests else dated.advice_rate
        return Amounts(cap.money, None, OWN_FUNDING_FORM, basis, rate, cap.money, None, cites,
                       ("project.budget_total",))

    def fn(ctx: Ctx) -> Amounts:
        cap = _local(ctx, v.cap)
        if ctx.value("project.budget_total") is None:
            # the same for every profile on the date, in the currency, at the rates
            return ctx.constant(unbudgeted)
        g = _grant(ctx, v)
        rate = None if v.invests else _dated(ctx.on).advice_rate
        return Amounts(g.grant, g.budget - g.grant, OWN_FUNDING_FORM, g.basis, rate, cap,
                       g.budget, cites)

    return fn


# --- the scheme ------------------------------------------------------------------------------

PARAMETERS: tuple[Parameter[Decimal] | Parameter[date], ...] = (
    SIZE_TURNOVER_MAX, SIZE_BALANCE_MAX, DE_MINIMIS_CEILING, DE_MINIMIS_ROLLING_FROM,
    DE_MINIMIS_YEARS, ADVICE_OWN_SHARE, INVESTMENT_OWN_SHARE, GRANT_T25, GRANT_T100, GRANT_T250,
    T25_FTE_MIN, T25_FTE_MAX, LARGE_FTE_MIN, LARGE_FTE_MAX, TURNOVER_MIN, OWNERS_FTE_MAX,
    TECHNOLOGY_BOUGHT_WITHIN_YEARS, INVESTMENT_RATE, INVESTMENT_SUPPORT_MAX, INVESTMENT_MIN,
    INVESTMENT_SUPPORT_MIN, SOFTWARE_SUBSCRIPTION_YEARS, GROUP_OWNERSHIP_OVERLAP,
    HOURS_PER_YEAR, OWNER_HOURLY_RATE, PERIOD_T25, PERIOD_LARGE, REPORT_DEADLINE_MONTHS,
    EVALUATION_YEARS,
)

SCHEME = Scheme(
    id=SCHEME_ID,
    name="SMV:Digital",
    agency="Erhvervsstyrelsen",
    country="DK",
    currency="DKK",
    source=SOURCE,
    call=CallWindow(
        None, None, (C_APPLICATION, C_FIRST_COME, C_POOL_END),
        note="grant pools open from time to time, first come first served; a pool must be open "
        "when you apply (the page names no dates)",
    ),
    rules=tuple(rules.rules),
    documents=documents,
    amounts=None,
    parameters=PARAMETERS,
    summary="Vouchers of DKK 25,000, DKK 100,000 or up to DKK 250,000 (with investment support) "
    "for digital projects of small and medium-sized Danish companies with an approved advisor",
    tiers=tuple(Tier(v.id, v.name, _amounts_for(v)) for v in VOUCHERS),
    notes=(
        "Grant pools open from time to time and are handed out first come, first served: a pool "
        "must be open when you apply.",
        "De minimis: the page still quotes EUR 200,000 over the current and the two previous "
        "fiscal years (Regulation (EU) No 1407/2013); since 2024-01-01 Regulation (EU) "
        "2023/2831 applies, EUR 300,000 over any rolling three years. The page says "
        "'statsstøtte'; the regulation counts de minimis aid.",
        "Amounts are read excluding VAT; the page does not say.",
        "Consultancy must be paid and internal hours spent within the commitment period; own "
        f"hours are valued at gross annual salary / {HOURS_PER_YEAR.at(ALWAYS)} hours, an owner "
        f"without salary at {OWNER_HOURLY_RATE.money(ALWAYS)} an hour (budget rules, not "
        "checked here).",
        "With the up-to-DKK 250,000 voucher the investment support (incl. advice) can be paid "
        "out once before the project ends.",
        "The company commits to answer a summary evaluation up to "
        f"{EVALUATION_YEARS.at(ALWAYS)} years after the project ends.",
    ),
)
