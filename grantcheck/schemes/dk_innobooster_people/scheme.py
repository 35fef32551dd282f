"""Innovationsfonden, Innobooster People: the extraordinary COVID-19 call (dk-innobooster-people).

A salary subsidy for 1–3 named full-time development employees of a young, knowledge-based Danish
start-up: 12 × min(DKK 30,000, 75 % of the monthly salary cost) per employee, at most
DKK 1,080,000 per company. Aid under GBER art. 22 (start-up aid).

Encoded, in the order of the page:
- the call: applications until 1 December 2020, the last open day (closed from 2020-12-02);
- "Hvem kan søge?": external capital of at least DKK 500,000 or turnover of at least DKK 2 million
  (either suffices; one failing and the other unknown is unknown); a Danish CVR number; the GBER
  art. 22 conditions the page lists (age, no takeover, no profit distribution, no merger with a
  non-qualifying company, small enterprise), plus "unlisted" (GBER art. 22(2), not on the page);
  no fisheries/aquaculture or primary agriculture; a controlling enterprise meets the conditions
  too;
- "Hvad kan der søges til?": the funded employees (``profile.employees``): 1–3, named, full-time,
  higher education, development work, employed at application or dismissed after 2020-03-01 and
  re-hired (COVID-19 as the cause is a declaration), no new hires, no owners, salary settled, the
  same grant period starting on the 1st of a month after the application month, no other public
  funding; for more than one funded employee, as many other full-time employees; one grant per
  company;
- "Vurderingskriterier": the knowledge-based start-up declaration (binding); the assessment
  criteria are INFO rules the tool lists but cannot decide;
- "Bedømmelsesprocessen": the form's character limits, CVs of at most 2 pages, PDF of at most
  25 MB together (hard: breaking them can mean rejection "uden realitetsbehandling"), a pitch
  deck of about 12 slides (soft);
- the documents, the amounts, and the payout schedule (as notes).

Readings chosen:
- The page is version 3, published 2020-07-03. Its parameters are dated from that day; for an
  earlier evaluation date every rule is *unknown* ("not encoded"): versions 1 (undated) and 2
  (2020-06-18, a different rule on the other employees and the pitch deck wording) are not
  encoded. The GBER art. 22 conditions are also bounded by GBER's validity, 2014-07-01 to
  2026-12-31.
- "ikke være ældre end fem år": eligible up to and including the fifth anniversary of
  ``company.founded`` on the evaluation date (a company founded on 29 February reaches it on
  28 February). Since the grant starts later than the evaluation, a separate soft rule warns when
  the anniversary falls within two months after the evaluation date (grantcheck's margin, not the
  page's).
- Full time is 37 hours a week (the page's definition): 37 or more passes.
- "afskediget efter 1. marts 2020": dismissed on 2020-03-02 or later.
- "den 1. i måneden efter, at ansøgningen er godkendt": the approval date is not known before the
  decision, so the rule checks that the grant starts on the 1st of a month after the application
  month (``project.application_date``, else the evaluation date, and the message says which).
- The other full-time employees: ``company.employees_fte`` (owners excluded) minus one FTE per
  funded employee employed at application; fractions count. One funded employee needs none.
- "ca. 12 slides": a warning when the deck has fewer than 10 or more than 14 slides (a tolerance
  of two slides is grantcheck's reading of "ca.").
- A controlling enterprise is a ``company.related`` entry with ``controls_company = true``; a
  partner (25–50 %) cannot hold more than 50 %, so only linked entries need that flag stated.
- One grant per company: an entry in ``aid_received`` whose scheme is dk-innobooster-people (or
  names "Innobooster People") is an earlier grant.
- Amounts are in DKK; salaries stated in another currency are converted at the rate the output
  shows.

Deliberately not encoded:
- The rules of page versions 1 and 2 (not available; dates before 2020-07-03 are refused).
- Sister companies under a common majority-owning person ("reel ejer har mere end 50%
  indflydelse"): the profile cannot tell a sister from a subsidiary; the final auditor's statement
  covers the whole ownership structure (a note says so).
- The assessment itself (novelty, potential, execution, economic effect, first come first served
  when the budget runs out): Innovationsfonden's judgement.
- The pitch deck's required topics and that the CVs are up to date: they are part of the
  document descriptions, not checked.
- A comparison of a requested amount with the computed maximum: the amounts show the maximum.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.citations import GBER, Citation, Source, eu
from grantcheck.engine import (
    Amounts,
    CallWindow,
    Check,
    Ctx,
    Document,
    Kind,
    Missing,
    RuleBook,
    Scheme,
    Stage,
    check,
    failed,
    info,
    passed,
    text_of,
    unknown,
)
from grantcheck.law.sme import CITES as SME_CITES
from grantcheck.law.sme import PARAMETERS as SME_PARAMETERS
from grantcheck.law.sme import Figures, category_of, company_status
from grantcheck.money import Money, format_amount, format_percent, min_money
from grantcheck.parameters import Parameter
from grantcheck.profile import Employee, Sector

SCHEME_ID = "dk-innobooster-people"

SOURCE = Source(
    id=SCHEME_ID,
    title="Innovationsfonden, Innobooster People (version 3, 2020-07-03)",
    publisher="Innovationsfonden",
    language="da",
    url="https://innovationsfonden.dk/da/programmer/innobooster-people",
)

# --- citations, in the order of the page --------------------------------------------------------

_TOP = "Innobooster People"
_WHO = "Hvem kan søge?"
_WHAT = "Hvad kan der søges til?"
_CRITERIA = "Vurderingskriterier"
_PROCESS = "Bedømmelsesprocessen"
_PAYOUT = "Udbetalinger, regnskab og rapportering"

C_DEADLINE = Citation(SOURCE, _TOP, "Vi tager løbende imod ansøgninger frem til 1. december 2020")
C_SUBSIDY = Citation(SOURCE, "Hvad?", "Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder "
                     "i 12 måneder til 1-3 fuldtidsansatte.")
C_CAP = Citation(SOURCE, "Hvor meget?", "Maks. 1.080.000 kr. pr. virksomhed.")
C_DISMISSED_FOOTNOTE = Citation(
    SOURCE, _TOP, "For medarbejdere, der er ansat i virksomheden på ansøgningstidspunktet, eller "
    "som er afskediget efter 1. marts 2020.")
C_ONE_OF_TWO = Citation(SOURCE, _WHO, "at virksomheden opfylder et af to krav")
C_CAPITAL = Citation(
    SOURCE, _WHO, "Virksomheden har samlet set tiltrukket kapital på min. 500.000 kr. i form af "
    "konvertibelt lån, kapitalindskud eller bevilling fra en ekstern investor eller fra et "
    "offentligt forsknings-, udviklings- eller innovationsprogram")
C_TURNOVER = Citation(SOURCE, _WHO, "Virksomheden har opnået en omsætning på mindst 2 mio. kr. i "
                      "seneste afsluttede regnskabsår")
C_CVR = Citation(SOURCE, _WHO, "Virksomheden skal desuden have et dansk CVR nummer for at kunne "
                 "ansøge.")
C_ART22_PAGE = Citation(SOURCE, _WHO, "Disse er beskrevet i forordningens artikel 22, stk. 2.")
C_AGE = Citation(SOURCE, _WHO,
                 "Virksomheden må på bevillingstidspunktet ikke være ældre end fem år")
C_TAKEOVER = Citation(SOURCE, _WHO, "Virksomheden må ikke have overtaget en anden virksomheds "
                      "aktivitet")
C_PROFITS = Citation(SOURCE, _WHO, "have udloddet overskud")
C_MERGER = Citation(SOURCE, _WHO, "være opstået gennem fusion med et selskab, der ikke opfylder "
                    "kravene")
C_SMALL = Citation(SOURCE, _WHO, "Virksomheden skal have under 50 ansatte, samt højest 10 mio. EUR "
                   "i årlig omsætning eller årlig samlet balance.")
C_SECTOR = Citation(
    SOURCE, _WHO, "Der kan ikke gives bevilling til virksomheder inden for fiskeri- og "
    "akvakultursektoren og sektoren for primærproduktion af landbrugsprodukter")
C_STRUCTURE = Citation(SOURCE, _WHO, "Hvis virksomheden indgår i en ejerstruktur, hvor et andet "
                       "selskab har bestemmende indflydelse (ejer mere end 50%)")
C_STRUCTURE_TOO = Citation(SOURCE, _WHO, "så skal disse selskaber tillige opfylde kravene under "
                           "Etableringsstøtteordningen")
C_EMPLOYEES = Citation(SOURCE, _WHAT, "til 1-3 fuldtidsansatte udviklingsmedarbejdere med en "
                       "videregående uddannelse")
C_FULL_TIME = Citation(SOURCE, _WHAT, "skal være fuldtidsansatte (37 timer/uge)")
C_EMPLOYED = Citation(
    SOURCE, _WHAT, "allerede ansatte (fuldtidsansatte medarbejdere der er ansat i virksomheden på "
    "ansøgningstidspunktet)")
C_DISMISSED = Citation(SOURCE, _WHAT, "der er blevet afskediget efter 1. marts 2020 som følge af "
                       "COVID 19 situationen")
C_REHIRE = Citation(SOURCE, _WHAT, "hvor virksomheden ønsker at genansætte de samme personer")
C_NEW_HIRES = Citation(SOURCE, _WHAT, "at foretage nyansættelser af medarbejdere, hverken "
                       "nyoprettede stillinger eller")
C_NEW_HIRES_2 = Citation(SOURCE, _WHAT, "nye medarbejdere, der overtager tidligere medarbejderes "
                         "stillinger")
C_ONE_GRANT = Citation(SOURCE, _WHAT, "Der kan maks. søges om 1.080.000 kr. pr. virksomhed, og der "
                       "gives max. 1. bevilling pr. virksomhed.")
C_OTHERS = Citation(SOURCE, _WHAT, "er det en forudsætning, at der er et tilsvarende antal "
                    "fuldtidsansatte i virksomheden på overenskomstlignende vilkår")
C_OTHERS_EXAMPLE = Citation(SOURCE, _WHAT, "at der ud over disse er to andre fuldtidsansatte "
                            "medarbejdere/FTE-er i virksomheden")
C_FTE = Citation(SOURCE, _WHAT, "Full-time Equivalent), ekskl. ejere")
C_OWNERS = Citation(SOURCE, _WHAT, "Der kan ikke søges løntilskud til ejere")
C_OWNER_DEF = Citation(SOURCE, _WHAT, "Med ejer forstås en person, der ejer mindst 5% af "
                       "virksomheden.")
C_NAMED = Citation(SOURCE, _WHAT, "Bevilling kan kun søges til navngivne medarbejdere")
C_SALARY_SETTLED = Citation(SOURCE, _WHAT, "medarbejderes løn skal være afklaret på "
                            "ansøgningstidspunktet")
C_REHIRE_CONTRACT = Citation(SOURCE, _WHAT, "For genansættelser gælder det, at der skal foreligge "
                             "en ansættelseskontrakt senest ved bevillingsperiodens start")
C_SAME_PERIOD = Citation(
    SOURCE, _WHAT, "Søges der om flere personer, skal løntilskuddene dække den samme periode.")
C_START = Citation(SOURCE, _WHAT, "Bevillingen kan tidligst gives med starttidspunkt den 1. i "
                   "måneden efter, at ansøgningen er godkendt.")
C_RATE = Citation(SOURCE, _WHAT, "Der kan max. søges om medfinansiering fra Innovationsfonden på "
                  "75% af lønudgifterne til hver enkelt medarbejder.")
C_OTHER_FUNDING = Citation(SOURCE, _WHAT, "Disse lønudgifter må ikke være dækket fra andre "
                           "støtteordninger indført som følge af COVID-19 eller andre offentlige "
                           "løntilskud.")
C_OTHER_PROJECTS = Citation(SOURCE, _WHAT, "ikke samtidig afregne deres tid i andre projekter")
C_ONLY_SALARY = Citation(SOURCE, _WHAT, "Der kan ikke via bevillingen dækkes andre udgifter end "
                         "løntilskuddet.")
C_KNOWLEDGE = Citation(SOURCE, f"{_CRITERIA}: Nyhedsværdi", "At der er tale om en videnbaseret "
                       "startup med en innovativ løsning")
C_DEV_TASKS = Citation(SOURCE, f"{_CRITERIA}: Nyhedsværdi", "At de medarbejdere som der søges "
                       "midler til varetager udviklingsopgaver i virksomheden")
C_POTENTIAL = Citation(SOURCE, f"{_CRITERIA}: Forretningsmæssigt potentiale", "At det er "
                       "sandsynliggjort, at virksomheden kan opnå en væsentlig vækst og indtjening "
                       "inden for 3-5 år")
C_VALIDATED = Citation(
    SOURCE, f"{_CRITERIA}: Gennemførsel", "At virksomheden og dens resultater er "
    "tilstrækkeligt forretningsmæssigt og/eller teknologisk validerede")
C_TEAM = Citation(SOURCE, f"{_CRITERIA}: Gennemførsel", "At virksomheden har et stærkt og "
                  "kvalificeret team vurderet ud fra faglige kompetencer og erfaringer")
C_COVID_NEED = Citation(SOURCE, f"{_CRITERIA}: Økonomisk effekt", "At virksomheden har et tydeligt "
                        "behov begrundet i COVID-19 situationen for tilskud for at kunne fastholde "
                        "sin udviklingskapacitet")
C_FIRST_COME = Citation(SOURCE, _CRITERIA, "vil bevillinger blive givet ud fra den rækkefølge, som "
                        "ansøgningerne er indsendt i")
C_FORM = Citation(SOURCE, _PROCESS, "Ansøgningen består af et kort ansøgningsskema vedhæftet et "
                  "pitch deck")
C_CV_PAGES = Citation(SOURCE, _PROCESS, "(maks. 2 sider pr. person)")
C_CHALLENGES = Citation(SOURCE, _PROCESS, "Hvordan ser virksomhedens finansieringshorisont/runway "
                        "ud? (maks. 3000 tegn inkl. mellemrum)")
C_DEVELOPMENT = Citation(SOURCE, _PROCESS, "Hvilke udviklingsopgaver skal gennemføres af de "
                         "personer, der søges investering til? (maks. 2000 tegn inkl. mellemrum)")
C_RESULTS = Citation(SOURCE, _PROCESS, "Hvilke resultater forventer virksomheden af investeringen? "
                     "(maks. 2000 tegn inkl. mellemrum)")
C_SLIDES = Citation(SOURCE, _PROCESS, "Pitch decket skal bestå af ca. 12 slides.")
C_PITCH_TOPICS = Citation(
    SOURCE, _PROCESS, "Der er ikke en obligatorisk struktur for pitch decket, men følgende "
    "områder skal være omfattet")
C_CV_CURRENT = Citation(SOURCE, _PROCESS, "Det skal sikres, at de fremsendte CV'er er opdaterede")
C_PDF = Citation(SOURCE, _PROCESS, "skal uploades i PDF-format og må tilsammen maksimalt fylde "
                 "25 MB.")
C_FORMAL = Citation(SOURCE, _PROCESS, "manglende overholdelse af formkrav i ansøgningsmaterialet "
                    "eller af ansøgningsfrister kan medføre, at en ansøgning afvises uden "
                    "realitetsbehandling")
C_PAYOUT = Citation(SOURCE, _PAYOUT, "Bevillingen udbetales med en forudbetaling på 50% af det "
                    "bevilgede beløb, og herefter 25% efter 6. måned")
C_CONFIRM = Citation(SOURCE, _PAYOUT, "såfremt virksomheden inden da bekræfter, at "
                     "ansættelsesforholdet stadig er gældende")
C_REPORT = Citation(SOURCE, _PAYOUT, "Afslutningsvis indsendes en rapport over virksomhedens "
                    "forretningsmæssige og teknologiske udvikling i bevillingsperioden")
C_AUDITOR = Citation(SOURCE, _PAYOUT, "Den afsluttende revisorerklæring skal bekræfte, at alle "
                     "afgivne oplysninger er korrekte")
C_LAST_PAYOUT = Citation(SOURCE, _PAYOUT, "Den resterende udbetaling på de sidste 25% udbetales "
                         "først, når der foreligger en godkendt rapportering og en afsluttende "
                         "revisorerklæring.")
C_VERSION = Citation(SOURCE, "Versionshistorik", "Version 3 offentliggjort d. 3. juli 2020.")

# EU law (not on the page)
C_GBER_22 = eu(GBER, "Article 22(2)",
               "Eligible undertakings shall be unlisted small enterprises up to five years "
               "following their registration, which have not yet distributed profits and which "
               "have not been formed through a merger.")
C_GBER_1_3 = eu(GBER, "Article 1(3)(a) and (b)",
                "This Regulation shall not apply to: (a) aid granted in the fishery and "
                "aquaculture sector … (b) aid granted in the primary agricultural production "
                "sector")
C_GBER_59 = eu(GBER, "Article 59", "This Regulation shall apply until 31 December 2026",
               note="as amended by Regulations (EU) 2020/972 and 2023/1315; in force since "
               "1 July 2014")

# --- parameters ---------------------------------------------------------------------------------

V3 = date(2020, 7, 3)  # version 3 of the page, the one encoded
GBER_START = date(2014, 7, 1)
GBER_END = date(2026, 12, 31)

PAGE_VERSION: Parameter[date] = Parameter(
    "innobooster_people_page_version", "date", {V3: V3}, C_VERSION,
    note="the page's rules are encoded from version 3; versions 1 and 2 are not")
GBER_APPLIES: Parameter[date] = Parameter(
    "gber_applies_from", "date", {GBER_START: GBER_START}, C_GBER_59, valid_until=GBER_END,
    note="GBER (start-up aid, art. 22) applies from 2014-07-01 to 2026-12-31")
CALL_LAST_DAY: Parameter[date] = Parameter(
    "innobooster_people_last_day", "date", {V3: date(2020, 12, 1)}, C_DEADLINE)

CAPITAL_MIN: Parameter[Decimal] = Parameter(
    "innobooster_people_capital_min", "DKK", {V3: Decimal(500_000)}, C_CAPITAL)
TURNOVER_MIN: Parameter[Decimal] = Parameter(
    "innobooster_people_turnover_min", "DKK", {V3: Decimal(2_000_000)}, C_TURNOVER)
MAX_AGE_YEARS: Parameter[int] = Parameter(
    "gber22_max_age_years", "years", {GBER_START: 5}, C_AGE, valid_until=GBER_END,
    note="GBER art. 22(2): up to five years following registration")
AGE_MARGIN_MONTHS: Parameter[int] = Parameter(
    "innobooster_people_age_margin_months", "months", {V3: 2}, C_AGE,
    note="grantcheck's margin, not the page's: the grant starts after the approval, so a company "
    "close to its fifth anniversary is warned")

FUNDED_MIN: Parameter[int] = Parameter("innobooster_people_funded_min", "persons", {V3: 1},
                                       C_EMPLOYEES)
FUNDED_MAX: Parameter[int] = Parameter("innobooster_people_funded_max", "persons", {V3: 3},
                                       C_EMPLOYEES)
FULL_TIME_HOURS: Parameter[Decimal] = Parameter(
    "innobooster_people_full_time_hours", "hours", {V3: Decimal(37)}, C_FULL_TIME,
    note="hours per week")
DISMISSED_AFTER: Parameter[date] = Parameter(
    "innobooster_people_dismissed_after", "date", {V3: date(2020, 3, 1)}, C_DISMISSED,
    note="dismissed strictly after this day")
OTHERS_FROM: Parameter[int] = Parameter(
    "innobooster_people_others_required_from", "persons", {V3: 2}, C_OTHERS,
    note="'mere end 1 medarbejder': from two funded employees on")
OTHERS_PER_FUNDED: Parameter[Decimal] = Parameter(
    "innobooster_people_others_per_funded", "FTE", {V3: Decimal(1)}, C_OTHERS_EXAMPLE,
    note="'et tilsvarende antal': one other full-time employee per funded employee")
FUNDED_FTE: Parameter[Decimal] = Parameter(
    "innobooster_people_funded_fte", "FTE", {V3: Decimal(1)}, C_FULL_TIME,
    note="a funded employee is full-time, so counts as one FTE of company.employees_fte")
OWNER_MIN_PERCENT: Parameter[Decimal] = Parameter(
    "innobooster_people_owner_min_percent", "percent", {V3: Decimal(5)}, C_OWNER_DEF)
GRANT_START_MONTHS_AFTER: Parameter[int] = Parameter(
    "innobooster_people_grant_start_months_after", "months", {V3: 1}, C_START,
    note="the 1st of the month after the approval; checked against the application month")

SUBSIDY_PER_MONTH: Parameter[Decimal] = Parameter(
    "innobooster_people_subsidy_per_month", "DKK", {V3: Decimal(30_000)}, C_SUBSIDY,
    note="per funded employee")
SUBSIDY_MONTHS: Parameter[int] = Parameter("innobooster_people_subsidy_months", "months",
                                           {V3: 12}, C_SUBSIDY)
SALARY_RATE: Parameter[Decimal] = Parameter("innobooster_people_salary_rate", "rate",
                                            {V3: Decimal("0.75")}, C_RATE)
CAP: Parameter[Decimal] = Parameter("innobooster_people_cap", "DKK", {V3: Decimal(1_080_000)},
                                    C_CAP, note="per company; one grant per company")

GROWTH_FROM_YEARS: Parameter[int] = Parameter("innobooster_people_growth_from_years", "years",
                                              {V3: 3}, C_POTENTIAL)
GROWTH_TO_YEARS: Parameter[int] = Parameter("innobooster_people_growth_to_years", "years",
                                            {V3: 5}, C_POTENTIAL)

CHALLENGES_MAX: Parameter[int] = Parameter("innobooster_people_challenges_max", "characters",
                                           {V3: 3000}, C_CHALLENGES, note="including spaces")
DEVELOPMENT_MAX: Parameter[int] = Parameter("innobooster_people_development_max", "characters",
                                            {V3: 2000}, C_DEVELOPMENT, note="including spaces")
RESULTS_MAX: Parameter[int] = Parameter("innobooster_people_results_max", "characters",
                                        {V3: 2000}, C_RESULTS, note="including spaces")
SLIDES: Parameter[int] = Parameter("innobooster_people_pitch_slides", "slides", {V3: 12}, C_SLIDES)
SLIDES_TOLERANCE: Parameter[int] = Parameter(
    "innobooster_people_pitch_slides_tolerance", "slides", {V3: 2}, C_SLIDES,
    note="grantcheck's reading of 'ca.', not the page's: 10–14 slides pass without a warning")
CV_MAX_PAGES: Parameter[int] = Parameter("innobooster_people_cv_max_pages", "pages", {V3: 2},
                                         C_CV_PAGES, note="per person")
ATTACHMENTS_MAX_MB: Parameter[Decimal] = Parameter(
    "innobooster_people_attachments_max_mb", "MB", {V3: Decimal(25)}, C_PDF,
    note="pitch deck and CVs together")

PAYOUT_UPFRONT: Parameter[Decimal] = Parameter("innobooster_people_payout_upfront", "rate",
                                               {V3: Decimal("0.50")}, C_PAYOUT)
PAYOUT_MIDWAY: Parameter[Decimal] = Parameter("innobooster_people_payout_midway", "rate",
                                              {V3: Decimal("0.25")}, C_PAYOUT)
PAYOUT_MIDWAY_MONTH: Parameter[int] = Parameter("innobooster_people_payout_midway_month", "months",
                                                {V3: 6}, C_PAYOUT)
PAYOUT_FINAL: Parameter[Decimal] = Parameter("innobooster_people_payout_final", "rate",
                                             {V3: Decimal("0.25")}, C_LAST_PAYOUT)

# --- helpers ------------------------------------------------------------------------------------


def _add_months(d: date, months: int) -> date:
    """The same day ``months`` later; a day the target month lacks becomes its last day."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _anniversary(ctx: Ctx, founded: date) -> date:
    """The day the company turns MAX_AGE_YEARS (29 February → 28 February)."""
    return _add_months(founded, 12 * MAX_AGE_YEARS.at(ctx.on))


def _gber(ctx: Ctx) -> None:
    """Raise NotEncoded when GBER art. 22 does not cover the evaluation date."""
    GBER_APPLIES.at(ctx.on)


def _employees(ctx: Ctx) -> list[Employee]:
    emps: list[Employee] | None = ctx.profile.employees
    if emps is None:
        raise Missing("employees", why="the 1–3 employees the grant is for")
    return emps


def _names(emps: Sequence[Employee]) -> str:
    return ", ".join(e.name or "(unnamed)" for e in emps)


def _dkk(ctx: Ctx, amount: Decimal) -> Money:
    """An amount of the profile in DKK (converted when the company keeps another currency)."""
    return ctx.convert(ctx.money(amount), "DKK")


def _money_text(ctx: Ctx, amount: Decimal) -> str:
    own = ctx.money(amount)
    if own.currency == "DKK":
        return str(own)
    return f"{own} (= {_dkk(ctx, amount).rounded()})"


def _per_employee(
    ctx: Ctx,
    field: str,
    ok: Callable[[Any], bool],
    show: Callable[[Any], str],
    requirement: str,
    fix: str,
) -> Check:
    """One condition on every funded employee: fail if any fails, unknown if any is not stated."""
    emps = _employees(ctx)
    if not emps:
        return passed("no funded employees listed (employees = []; see IP12)")
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        value = getattr(e, field)
        if value is None:
            parts.append(f"{e.name}: not stated")
            missing.append(f"employees[{i}].{field}")
            continue
        parts.append(f"{e.name}: {show(value)}")
        if not ok(value):
            bad.append(e.name)
    message = "; ".join(parts) + f" ({requirement})"
    if bad:
        return failed(message, fix.format(names=", ".join(bad)))
    if missing:
        return unknown(message, *missing)
    return passed(message)


def _yes(v: Any) -> bool:
    return bool(v)


def _no(v: Any) -> bool:
    return not v


def _flag(v: Any) -> str:
    return "yes" if v else "no"


# --- rules --------------------------------------------------------------------------------------

rules = RuleBook()


@rules.rule("IP01", "The company has raised at least DKK 500,000 or turned over at least "
            "DKK 2 million", kind=Kind.HARD, cites=[C_ONE_OF_TWO, C_CAPITAL, C_TURNOVER],
            reads=["company.external_capital_raised", "company.turnover"])
def capital_or_turnover(ctx: Ctx) -> Check:
    """'Virksomheden har samlet set tiltrukket kapital på min. 500.000 kr.' or 'en omsætning på
    mindst 2 mio. kr. i seneste afsluttede regnskabsår': either suffices."""
    c = ctx.profile.company
    cap_min = CAPITAL_MIN.money(ctx.on)
    turn_min = TURNOVER_MIN.money(ctx.on)
    parts: list[str] = []
    missing: list[str] = []
    cap_ok: bool | None = None
    turn_ok: bool | None = None
    if c.external_capital_raised is None:
        parts.append("external capital not stated")
        missing.append("company.external_capital_raised")
    else:
        cap_ok = _dkk(ctx, c.external_capital_raised) >= cap_min
        parts.append(f"external capital {_money_text(ctx, c.external_capital_raised)} "
                     f"{'≥' if cap_ok else '<'} {cap_min}")
    if c.turnover is None:
        parts.append("turnover not stated")
        missing.append("company.turnover")
    else:
        turn_ok = _dkk(ctx, c.turnover) >= turn_min
        parts.append(f"turnover {_money_text(ctx, c.turnover)} {'≥' if turn_ok else '<'} "
                     f"{turn_min} in the latest closed fiscal year")
    message = "; ".join(parts) + " (one of the two is required)"
    if cap_ok or turn_ok:
        return passed(message)
    if missing:
        return unknown(message, *missing,
                       fix="state " + " or ".join(missing) + " in the profile")
    assert c.external_capital_raised is not None and c.turnover is not None
    cap_gap = cap_min - _dkk(ctx, c.external_capital_raised)
    turn_gap = turn_min - _dkk(ctx, c.turnover)
    return failed(message, f"raise external capital to {cap_min} ({cap_gap.rounded()} more) or "
                  f"reach a turnover of {turn_min} ({turn_gap.rounded()} more) in a closed year")


@rules.rule("IP02", "The company has a Danish CVR number", kind=Kind.HARD, cites=[C_CVR],
            reads=["company.cvr_number"])
def cvr(ctx: Ctx) -> Check:
    """'Virksomheden skal desuden have et dansk CVR nummer for at kunne ansøge.'"""
    number = ctx.profile.company.cvr_number
    if number is None:
        return unknown("the profile does not state company.cvr_number", "company.cvr_number",
                       fix="state company.cvr_number (a Danish CVR number is required)")
    return passed(f"CVR number {number}")


@rules.rule("IP03", "The company is at most five years old", kind=Kind.HARD,
            cites=[C_AGE, C_ART22_PAGE, C_GBER_22], reads=["company.founded"])
def at_most_five_years(ctx: Ctx) -> Check:
    """'Virksomheden må på bevillingstidspunktet ikke være ældre end fem år': eligible up to and
    including the fifth anniversary of the registration, on the evaluation date."""
    _gber(ctx)
    founded: date = ctx.need("company.founded")
    last = _anniversary(ctx, founded)
    years = MAX_AGE_YEARS.at(ctx.on)
    ok = ctx.on <= last
    message = (f"registered {founded.isoformat()}; eligible up to and including "
               f"{last.isoformat()} (the {years}-year anniversary); evaluation date "
               f"{ctx.on.isoformat()}")
    return check(ok, message, f"the company passed its {years}-year anniversary on "
                 f"{last.isoformat()}; start-up aid under GBER art. 22 is no longer possible")


@rules.rule("IP04", "The fifth anniversary is not within two months", kind=Kind.SOFT,
            cites=[C_AGE, C_START], reads=["company.founded"])
def age_margin(ctx: Ctx) -> Check:
    """The grant starts after the approval (at the earliest the 1st of the following month): a
    company close to its fifth anniversary may be too old when the grant is given."""
    _gber(ctx)
    founded: date = ctx.need("company.founded")
    last = _anniversary(ctx, founded)
    months = AGE_MARGIN_MONTHS.at(ctx.on)
    horizon = _add_months(ctx.on, months)
    if ctx.on > last:
        return info(f"the {MAX_AGE_YEARS.at(ctx.on)}-year anniversary {last.isoformat()} has "
                    "passed (see IP03)")
    ok = last > horizon
    return check(ok, f"the {MAX_AGE_YEARS.at(ctx.on)}-year anniversary is {last.isoformat()}; "
                 f"{months} months after the evaluation date is {horizon.isoformat()}",
                 f"the grant must be given by {last.isoformat()}: apply at once, and check "
                 "that the approval and grant start can come before that day")


@rules.rule("IP05", "The company has not taken over another company's activity", kind=Kind.HARD,
            cites=[C_TAKEOVER, C_ART22_PAGE], reads=["company.taken_over_other_activity"])
def no_takeover(ctx: Ctx) -> Check:
    """'Virksomheden må ikke have overtaget en anden virksomheds aktivitet'."""
    _gber(ctx)
    v: bool = ctx.need("company.taken_over_other_activity")
    return check(not v, f"company.taken_over_other_activity = {str(v).lower()}",
                 "a company that took over another company's activity is not a start-up under "
                 "GBER art. 22")


@rules.rule("IP06", "The company has not distributed profits", kind=Kind.HARD,
            cites=[C_PROFITS, C_GBER_22], reads=["company.distributed_profits"])
def no_profit_distribution(ctx: Ctx) -> Check:
    """'[må ikke] have udloddet overskud'."""
    _gber(ctx)
    v: bool = ctx.need("company.distributed_profits")
    return check(not v, f"company.distributed_profits = {str(v).lower()}",
                 "a company that has distributed profits cannot receive start-up aid "
                 "(GBER art. 22(2))")


@rules.rule("IP07", "The company was not formed through a merger with a non-qualifying company",
            kind=Kind.HARD, cites=[C_MERGER, C_GBER_22], reads=["company.formed_by_merger"])
def no_merger(ctx: Ctx) -> Check:
    """'[må ikke] være opstået gennem fusion med et selskab, der ikke opfylder kravene'."""
    _gber(ctx)
    v: bool = ctx.need("company.formed_by_merger")
    return check(not v, f"company.formed_by_merger = {str(v).lower()}",
                 "a company formed through a merger with a company that does not meet the "
                 "start-up conditions cannot receive the grant")


@rules.rule("IP08", "The company is a small enterprise (fewer than 50 staff, at most "
            "EUR 10 million)", kind=Kind.HARD, cites=[C_SMALL, *SME_CITES],
            reads=["company.employees_fte", "company.owners_fte", "company.turnover",
                   "company.balance_sheet_total", "company.related", "company.previous_year",
                   "company.public_ownership_percent"])
def small_enterprise(ctx: Ctx) -> Check:
    """'Virksomheden skal have under 50 ansatte, samt højest 10 mio. EUR i årlig omsætning eller
    årlig samlet balance.' Staff and figures per the EU SME definition (owner-managers included,
    partner and linked enterprises added)."""
    _gber(ctx)
    status = company_status(ctx)
    return check(status.is_small,
                 lambda: f"{text_of(status.explanation)} (small or micro required)",
                 "the company (with its partner and linked enterprises) must have fewer than 50 "
                 "staff and turnover or balance sheet total of at most EUR 10 million")


@rules.rule("IP09", "The company is unlisted", kind=Kind.HARD, cites=[C_GBER_22, C_ART22_PAGE],
            reads=["company.listed"])
def unlisted(ctx: Ctx) -> Check:
    """GBER art. 22(2): 'unlisted small enterprises' (EU law; the page refers to art. 22(2))."""
    _gber(ctx)
    v: bool = ctx.need("company.listed")
    return check(not v, f"company.listed = {str(v).lower()} (EU: GBER art. 22(2), not on the page)",
                 "a listed company cannot receive start-up aid under GBER art. 22")


@rules.rule("IP10", "The company is not in fisheries, aquaculture or primary agriculture",
            kind=Kind.HARD, cites=[C_SECTOR, C_GBER_1_3], reads=["company.sector"])
def sector(ctx: Ctx) -> Check:
    """'Der kan ikke gives bevilling til virksomheder inden for fiskeri- og akvakultursektoren og
    sektoren for primærproduktion af landbrugsprodukter'."""
    _gber(ctx)
    s: Sector = ctx.need("company.sector")
    excluded = {Sector.FISHERY_AQUACULTURE, Sector.PRIMARY_AGRICULTURE}
    return check(s not in excluded, f"sector {s.value}",
                 "fisheries, aquaculture and primary agricultural production are excluded "
                 "(GBER art. 1(3)(a),(b))")


@rules.rule("IP11", "A controlling enterprise meets the start-up conditions too", kind=Kind.HARD,
            cites=[C_STRUCTURE, C_STRUCTURE_TOO, C_GBER_22],
            reads=["company.related", "company.related[].controls_company",
                   "company.related[].founded", "company.related[].staff",
                   "company.related[].turnover", "company.related[].balance_sheet_total",
                   "company.related[].gber22_conditions_met"])
def controlling_enterprise(ctx: Ctx) -> Check:
    """'Hvis virksomheden indgår i en ejerstruktur, hvor et andet selskab har bestemmende
    indflydelse (ejer mere end 50%) … så skal disse selskaber tillige opfylde kravene'."""
    _gber(ctx)
    related = ctx.profile.company.related
    if related is None:
        return unknown("the profile does not list partner or linked enterprises (company.related)",
                       "company.related",
                       fix="state company.related (an empty list when there are none)")
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    controllers = 0
    for i, r in enumerate(related):
        prefix = f"company.related[{i}]"
        if r.controls_company is None and r.relation == "linked":
            parts.append(f"{r.name}: not stated whether it controls the company")
            missing.append(f"{prefix}.controls_company")
            continue
        if not r.controls_company:
            continue
        controllers += 1
        problems: list[str] = []
        facts: list[str] = []
        if r.founded is None:
            missing.append(f"{prefix}.founded")
            facts.append("registration date not stated")
        else:
            last = _anniversary(ctx, r.founded)
            facts.append(f"registered {r.founded.isoformat()}, eligible up to {last.isoformat()}")
            if ctx.on > last:
                problems.append("more than five years old")
        if r.staff is None:
            missing.append(f"{prefix}.staff")
            facts.append("staff not stated")
        else:
            figures = Figures(r.staff,
                              ctx.money(r.turnover) if r.turnover is not None else None,
                              ctx.money(r.balance_sheet_total)
                              if r.balance_sheet_total is not None else None)
            try:
                size = category_of(ctx, figures, prefix)
            except Missing as m:
                missing.extend(m.fields)
                facts.append("size not settled")
            else:
                facts.append(f"{size} on its own figures")
                if size not in ("micro", "small"):
                    problems.append("not a small enterprise")
        if r.gber22_conditions_met is None:
            missing.append(f"{prefix}.gber22_conditions_met")
            facts.append("other start-up conditions not stated")
        elif not r.gber22_conditions_met:
            problems.append("does not meet the other start-up conditions")
        else:
            facts.append("other start-up conditions met")
        parts.append(f"{r.name} controls the company: " + ", ".join(facts))
        if problems:
            bad.append(f"{r.name} ({', '.join(problems)})")
    if not parts:
        return passed("no enterprise controls the company (company.related)")
    message = "; ".join(parts)
    if bad:
        return failed(message, "every controlling enterprise must itself be an unlisted small "
                      "enterprise of at most five years meeting GBER art. 22: " + "; ".join(bad))
    if missing:
        return unknown(message, *missing)
    return passed(message + f" ({controllers} controlling enterprise(s) checked; their figures "
                  "are also added in IP08)")


@rules.rule("IP12", "One to three named employees are funded", kind=Kind.HARD,
            cites=[C_EMPLOYEES, C_NAMED], reads=["employees", "employees[].name"])
def one_to_three(ctx: Ctx) -> Check:
    """'til 1-3 fuldtidsansatte udviklingsmedarbejdere'; 'Bevilling kan kun søges til navngivne
    medarbejdere'."""
    emps = _employees(ctx)
    low, high = FUNDED_MIN.at(ctx.on), FUNDED_MAX.at(ctx.on)
    n = len(emps)
    unnamed = [i for i, e in enumerate(emps) if not e.name]
    message = f"{n} funded employee(s) ({_names(emps) or 'none'}); {low}–{high} required"
    if n < low:
        return failed(message, f"list at least {low} employee to fund under employees")
    if n > high:
        return failed(message, f"fund at most {high} employees ({n - high} fewer)")
    if unnamed:
        return failed(message + f"; {len(unnamed)} without a name",
                      "give each funded employee's name (employees[].name)")
    return passed(message)


@rules.rule("IP13", "Every funded employee works full time (37 hours a week)", kind=Kind.HARD,
            cites=[C_FULL_TIME, C_EMPLOYEES], reads=["employees[].hours_per_week"])
def full_time(ctx: Ctx) -> Check:
    """'de medarbejdere, der søges løntilskud til, skal være fuldtidsansatte (37 timer/uge)'."""
    hours = FULL_TIME_HOURS.at(ctx.on)
    return _per_employee(
        ctx, "hours_per_week", lambda h: h >= hours, lambda h: f"{format_amount(h)} h/week",
        f"at least {format_amount(hours)} h/week required",
        f"fund only full-time employees ({format_amount(hours)} h/week): {{names}}")


@rules.rule("IP14", "Every funded employee has a higher education", kind=Kind.HARD,
            cites=[C_EMPLOYEES], reads=["employees[].higher_education"])
def higher_education(ctx: Ctx) -> Check:
    """'udviklingsmedarbejdere med en videregående uddannelse'."""
    return _per_employee(ctx, "higher_education", _yes, _flag, "a higher education required",
                         "fund only employees with a higher education: {names}")


@rules.rule("IP15", "Every funded employee does development work", kind=Kind.HARD,
            cites=[C_EMPLOYEES, C_DEV_TASKS], reads=["employees[].development_role"])
def development_role(ctx: Ctx) -> Check:
    """'fuldtidsansatte udviklingsmedarbejdere'."""
    return _per_employee(ctx, "development_role", _yes, _flag, "development employees required",
                         "fund only employees who carry out development tasks: {names}")


@rules.rule("IP16", "Every funded employee is employed at application or was dismissed after "
            "1 March 2020 and is re-hired", kind=Kind.HARD,
            cites=[C_EMPLOYED, C_DISMISSED, C_REHIRE, C_DISMISSED_FOOTNOTE, C_REHIRE_CONTRACT],
            reads=["employees[].employed_at_application", "employees[].dismissed_on",
                   "employees[].rehire_contract"])
def employed_or_rehired(ctx: Ctx) -> Check:
    """'ansat i virksomheden på ansøgningstidspunktet, eller som er afskediget efter 1. marts
    2020'; the re-hire contract must exist at the latest when the grant period starts."""
    emps = _employees(ctx)
    if not emps:
        return passed("no funded employees listed (employees = []; see IP12)")
    after = DISMISSED_AFTER.at(ctx.on)
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        if e.employed_at_application is None:
            parts.append(f"{e.name}: not stated whether employed at application")
            missing.append(f"employees[{i}].employed_at_application")
        elif e.employed_at_application:
            parts.append(f"{e.name}: employed at application")
        elif e.dismissed_on is None:
            parts.append(f"{e.name}: not employed at application, dismissal date not stated")
            missing.append(f"employees[{i}].dismissed_on")
        elif e.dismissed_on > after:
            contract = {True: "contract held", False: "contract needed by the grant start",
                        None: "contract needed by the grant start"}[e.rehire_contract]
            parts.append(f"{e.name}: dismissed {e.dismissed_on.isoformat()}, re-hired "
                         f"({contract})")
        else:
            parts.append(f"{e.name}: dismissed {e.dismissed_on.isoformat()}, not after "
                         f"{after.isoformat()}")
            bad.append(e.name)
    message = "; ".join(parts)
    if bad:
        return failed(message, f"only employees employed at application or dismissed after "
                      f"{after.isoformat()} can be funded: {', '.join(bad)}")
    if missing:
        return unknown(message, *missing)
    return passed(message)


@rules.rule("IP17", "Re-hired employees were dismissed because of COVID-19",
            kind=Kind.DECLARATION, cites=[C_DISMISSED],
            reads=["employees[].employed_at_application", "employees[].dismissed_due_to_covid"])
def dismissed_due_to_covid(ctx: Ctx) -> Check:
    """'afskediget efter 1. marts 2020 som følge af COVID 19 situationen'."""
    emps = _employees(ctx)
    parts: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    for i, e in enumerate(emps):
        if e.employed_at_application is None:
            parts.append(f"{e.name}: not stated whether employed at application")
            missing.append(f"employees[{i}].employed_at_application")
        elif not e.employed_at_application:
            v = e.dismissed_due_to_covid
            if v is None:
                parts.append(f"{e.name}: cause of dismissal not declared")
                missing.append(f"employees[{i}].dismissed_due_to_covid")
            else:
                parts.append(f"{e.name}: dismissed_due_to_covid = {str(v).lower()}")
                if not v:
                    bad.append(e.name)
    if not parts:
        return passed("no re-hired employees: nothing to declare")
    message = "; ".join(parts)
    if bad:
        return failed(message, "only employees dismissed because of COVID-19 can be re-hired "
                      f"with the grant: {', '.join(bad)}")
    if missing:
        return unknown(message, *missing,
                       fix="state " + " and ".join(missing) + " (true if it holds)")
    return passed(message)


@rules.rule("IP18", "No funded employee is a new hire", kind=Kind.HARD,
            cites=[C_NEW_HIRES, C_NEW_HIRES_2], reads=["employees[].new_hire"])
def no_new_hires(ctx: Ctx) -> Check:
    """'Der kan ikke søges tilskud til at foretage nyansættelser af medarbejdere, hverken
    nyoprettede stillinger eller nye medarbejdere, der overtager tidligere medarbejderes
    stillinger.'"""
    return _per_employee(ctx, "new_hire", _no, lambda v: "new hire" if v else "not a new hire",
                         "new positions and replacements cannot be funded",
                         "drop the new hires: {names}")


@rules.rule("IP19", "The company has not had an Innobooster People grant before", kind=Kind.HARD,
            cites=[C_ONE_GRANT], reads=["aid_received"])
def one_grant(ctx: Ctx) -> Check:
    """'der gives max. 1. bevilling pr. virksomhed'."""
    aid = ctx.profile.aid_received
    if aid is None:
        return unknown("the profile does not list aid received (aid_received)", "aid_received",
                       fix="state aid_received (an empty list when there is none)")
    earlier = [a for a in aid
               if a.recipient is None and (a.scheme == SCHEME_ID
                                           or "innobooster people" in a.scheme.lower())]
    if earlier:
        dates = ", ".join(a.granted.isoformat() for a in earlier)
        return failed(f"an Innobooster People grant was already given ({dates}); one grant per "
                      "company", "no second Innobooster People grant is possible")
    return passed(f"no Innobooster People grant among {len(aid)} aid entries")


@rules.rule("IP20", "For more than one funded employee, as many other full-time employees",
            kind=Kind.HARD, cites=[C_OTHERS, C_OTHERS_EXAMPLE, C_FTE, C_OWNERS],
            reads=["employees", "employees[].employed_at_application", "company.employees_fte"])
def other_employees(ctx: Ctx) -> Check:
    """'Ønsker virksomheden at søge om løntilskud til mere end 1 medarbejder, er det en
    forudsætning, at der er et tilsvarende antal fuldtidsansatte i virksomheden … som der ikke
    søges om tilskud til'; counted in FTE, owners excluded."""
    emps = _employees(ctx)
    n = len(emps)
    start = OTHERS_FROM.at(ctx.on)
    if n < start:
        return passed(f"{n} funded employee(s): no other employees required (only from {start})")
    fte: Decimal = ctx.need("company.employees_fte")
    missing = [f"employees[{i}].employed_at_application"
               for i, e in enumerate(emps) if e.employed_at_application is None]
    if missing:
        return unknown("needed to tell which funded employees are in company.employees_fte",
                       *missing)
    employed = sum(1 for e in emps if e.employed_at_application)
    funded_fte = FUNDED_FTE.at(ctx.on) * employed
    others = fte - funded_fte
    needed = OTHERS_PER_FUNDED.at(ctx.on) * n
    message = (f"other full-time employees: company.employees_fte {format_amount(fte)} minus "
               f"{format_amount(funded_fte)} FTE for the {employed} funded employee(s) employed at "
               f"application = {format_amount(others)} FTE; {n} funded need at least "
               f"{format_amount(needed)} (owners excluded)")
    return check(others >= needed, message,
                 f"the company needs {format_amount(needed - others)} more other full-time "
                 f"employee FTE, or fund fewer employees")


@rules.rule("IP21", "The other full-time employees are on collective-agreement-like terms",
            kind=Kind.DECLARATION, cites=[C_OTHERS],
            reads=["employees", "declarations.others_on_collective_terms"])
def others_on_collective_terms(ctx: Ctx) -> Check:
    """'et tilsvarende antal fuldtidsansatte i virksomheden på overenskomstlignende vilkår'."""
    n = len(_employees(ctx))
    if n < OTHERS_FROM.at(ctx.on):
        return passed(f"{n} funded employee(s): no other employees required")
    path = "declarations.others_on_collective_terms"
    v = ctx.value(path)
    if v is None:
        return unknown(f"not declared: {path}", path,
                       fix=f"set {path} = true if it holds (false if not)")
    return check(bool(v), f"declared {path} = {str(v).lower()}",
                 "the other full-time employees must be on collective-agreement-like terms")


@rules.rule("IP22", "No funded employee is an owner (5 % or more)", kind=Kind.HARD,
            cites=[C_OWNERS, C_OWNER_DEF], reads=["employees[].owner_percent"])
def no_owners(ctx: Ctx) -> Check:
    """'Der kan ikke søges løntilskud til ejere'; 'Med ejer forstås en person, der ejer mindst 5%
    af virksomheden.'"""
    limit = OWNER_MIN_PERCENT.at(ctx.on)
    return _per_employee(
        ctx, "owner_percent", lambda p: p < limit, lambda p: f"owns {format_amount(p)} %",
        f"owners holding {format_amount(limit)} % or more cannot be funded",
        f"owners ({format_amount(limit)} % or more) cannot be funded: {{names}}")


@rules.rule("IP23", "Every funded employee's salary is settled", kind=Kind.HARD,
            cites=[C_SALARY_SETTLED], reads=["employees[].salary_settled"])
def salary_settled(ctx: Ctx) -> Check:
    """'medarbejderes løn skal være afklaret på ansøgningstidspunktet'."""
    return _per_employee(ctx, "salary_settled", _yes, _flag,
                         "the salary must be settled at application",
                         "settle the salary before applying: {names}")


@rules.rule("IP24", "All funded employees cover the same grant period", kind=Kind.HARD,
            cites=[C_SAME_PERIOD], reads=["employees[].grant_start"])
def same_period(ctx: Ctx) -> Check:
    """'Søges der om flere personer, skal løntilskuddene dække den samme periode.'"""
    emps = _employees(ctx)
    if len(emps) < OTHERS_FROM.at(ctx.on):
        return passed(f"{len(emps)} funded employee(s): one period")
    missing = [f"employees[{i}].grant_start" for i, e in enumerate(emps) if e.grant_start is None]
    if missing:
        return unknown("grant start not stated for every funded employee", *missing)
    starts = sorted({e.grant_start for e in emps if e.grant_start is not None})
    message = "grant start " + "; ".join(
        f"{e.name}: {e.grant_start.isoformat()}" for e in emps if e.grant_start is not None)
    return check(len(starts) == 1, message,
                 "give every funded employee the same grant start (and so the same 12 months)")


@rules.rule("IP25", "The grant starts on the 1st of a month after the application month",
            kind=Kind.HARD, cites=[C_START],
            reads=["employees[].grant_start", "project.application_date"])
def grant_start(ctx: Ctx) -> Check:
    """'Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen
    er godkendt.' The approval cannot come before the application."""
    applied = ctx.profile.project.application_date
    base, label = (applied, "project.application_date") if applied else (ctx.on,
                                                                        "the evaluation date")
    earliest = _add_months(_month_start(base), GRANT_START_MONTHS_AFTER.at(ctx.on))
    reference = (f"the earliest start is {earliest.isoformat()}, the 1st of the month after "
                 f"the application month ({label} {base.isoformat()}); the approval may "
                 "move it later")
    def judge(d: date) -> bool:
        return d == _month_start(d) and d >= earliest

    def show(d: date) -> str:
        note = "" if d == _month_start(d) else ", not the 1st of a month"
        return f"starts {d.isoformat()}{note}"

    return _per_employee(ctx, "grant_start", judge, show, reference,
                         f"start the grant on the 1st of a month, at the earliest "
                         f"{earliest.isoformat()}: {{names}}")


@rules.rule("IP26", "The funded salaries get no other public support", kind=Kind.HARD,
            cites=[C_OTHER_FUNDING, C_OTHER_PROJECTS], reads=["employees[].other_public_funding"])
def no_other_public_funding(ctx: Ctx) -> Check:
    """'Disse lønudgifter må ikke være dækket fra andre støtteordninger indført som følge af
    COVID-19 eller andre offentlige løntilskud'; the persons may not bill time to other publicly
    funded projects."""
    return _per_employee(
        ctx, "other_public_funding", _no,
        lambda v: "other public funding" if v else "no other public funding",
        "no COVID-19 scheme, public wage subsidy or publicly funded project may cover them",
        "end the other public funding or time billing first, or fund others: {names}")


rules.declaration("IP27", "The company is a knowledge-based start-up with an innovative solution",
                  "knowledge_based_startup", cites=[C_KNOWLEDGE])


@rules.rule("IP28", "Assessed: novelty", kind=Kind.INFO, cites=[C_KNOWLEDGE, C_DEV_TASKS])
def novelty(ctx: Ctx) -> Check:
    """Nyhedsværdi: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: a knowledge-based start-up "
                "with an innovative solution, whose funded employees do development work")


@rules.rule("IP29", "Assessed: business potential within 3–5 years", kind=Kind.INFO,
            cites=[C_POTENTIAL])
def business_potential(ctx: Ctx) -> Check:
    """Forretningsmæssigt potentiale: assessed by Innovationsfonden."""
    return info(f"assessed by Innovationsfonden, not decided here: a plausible substantial growth "
                f"and earnings within {GROWTH_FROM_YEARS.at(ctx.on)}–"
                f"{GROWTH_TO_YEARS.at(ctx.on)} years")


@rules.rule("IP30", "Assessed: validated results and a strong team", kind=Kind.INFO,
            cites=[C_VALIDATED, C_TEAM])
def execution(ctx: Ctx) -> Check:
    """Gennemførsel: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: the company and its results "
                "are commercially and/or technologically validated; a strong, qualified team")


@rules.rule("IP31", "Assessed: a clear need for the grant because of COVID-19", kind=Kind.INFO,
            cites=[C_COVID_NEED, C_FIRST_COME])
def covid_need(ctx: Ctx) -> Check:
    """Økonomisk effekt: assessed by Innovationsfonden."""
    return info("assessed by Innovationsfonden, not decided here: a clear COVID-19-based need to "
                "keep the development capacity, value-creating results likely, the investment in "
                "proportion; qualified applications are funded in the order they were sent "
                "while the budget lasts")


def _text_limit(ctx: Ctx, path: str, limit: Parameter[int], what: str) -> Check:
    n: int = ctx.need(path)
    most = limit.at(ctx.on)
    return check(n <= most, f"{what}: {n:,} characters incl. spaces; at most {most:,}",
                 f"shorten the text by {n - most:,} characters: a form breach can mean "
                 "rejection without assessment")


@rules.rule("IP32", "The challenges text is at most 3,000 characters", kind=Kind.HARD,
            cites=[C_CHALLENGES, C_FORMAL], reads=["application.challenges_chars"])
def challenges_text(ctx: Ctx) -> Check:
    """'Udfordringerne: … (maks. 3000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.challenges_chars", CHALLENGES_MAX, "challenges")


@rules.rule("IP33", "The development text is at most 2,000 characters", kind=Kind.HARD,
            cites=[C_DEVELOPMENT, C_FORMAL], reads=["application.development_chars"])
def development_text(ctx: Ctx) -> Check:
    """'Udviklingsaktiviteterne: … (maks. 2000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.development_chars", DEVELOPMENT_MAX,
                       "development activities")


@rules.rule("IP34", "The results text is at most 2,000 characters", kind=Kind.HARD,
            cites=[C_RESULTS, C_FORMAL], reads=["application.results_chars"])
def results_text(ctx: Ctx) -> Check:
    """'Resultaterne: … (maks. 2000 tegn inkl. mellemrum)'."""
    return _text_limit(ctx, "application.results_chars", RESULTS_MAX, "results")


@rules.rule("IP35", "The pitch deck has about 12 slides", kind=Kind.SOFT,
            cites=[C_SLIDES, C_PITCH_TOPICS], reads=["application.pitch_deck_slides"])
def pitch_deck_slides(ctx: Ctx) -> Check:
    """'Pitch decket skal bestå af ca. 12 slides.'"""
    n: int = ctx.need("application.pitch_deck_slides")
    target, tol = SLIDES.at(ctx.on), SLIDES_TOLERANCE.at(ctx.on)
    return check(abs(n - target) <= tol,
                 f"{n} slides; about {target} asked for (grantcheck accepts {target - tol}–"
                 f"{target + tol} without a warning)",
                 f"bring the deck close to {target} slides, or be ready to explain its length")


@rules.rule("IP36", "Each CV is at most 2 pages", kind=Kind.HARD, cites=[C_CV_PAGES, C_FORMAL],
            reads=["application.cv_max_pages"])
def cv_pages(ctx: Ctx) -> Check:
    """'CV'er på de personer, der søges investering til (maks. 2 sider pr. person)'."""
    n: int = ctx.need("application.cv_max_pages")
    most = CV_MAX_PAGES.at(ctx.on)
    return check(n <= most, f"longest CV {n} pages; at most {most} per person",
                 f"shorten the CVs to {most} pages each: a form breach can mean rejection "
                 "without assessment")


@rules.rule("IP37", "The pitch deck and CVs are PDF files", kind=Kind.HARD,
            cites=[C_PDF, C_FORMAL], reads=["application.attachments_pdf"])
def attachments_pdf(ctx: Ctx) -> Check:
    """'Pitch deck og CV'er skal uploades i PDF-format'."""
    v: bool = ctx.need("application.attachments_pdf")
    return check(v, f"application.attachments_pdf = {str(v).lower()}",
                 "upload the pitch deck and the CVs as PDF")


@rules.rule("IP38", "The pitch deck and CVs are at most 25 MB together", kind=Kind.HARD,
            cites=[C_PDF, C_FORMAL], reads=["application.attachments_mb"])
def attachments_size(ctx: Ctx) -> Check:
    """'[Pitch deck og CV'er] må tilsammen maksimalt fylde 25 MB.'"""
    mb: Decimal = ctx.need("application.attachments_mb")
    most = ATTACHMENTS_MAX_MB.at(ctx.on)
    return check(mb <= most, f"attachments {format_amount(mb)} MB together; at most "
                 f"{format_amount(most)} MB",
                 f"reduce the PDFs by {format_amount(mb - most)} MB")


def _guarded(fn: Callable[[Ctx], Check]) -> Callable[[Ctx], Check]:
    """Every rule reads version 3 of the page: an earlier evaluation date is not encoded."""

    @functools.wraps(fn)
    def run(ctx: Ctx) -> Check:
        PAGE_VERSION.at(ctx.on)
        return fn(ctx)

    return run


rules.rules = [dataclasses.replace(r, fn=_guarded(r.fn)) for r in rules.rules]

# --- the rules grouped under the headings of the requirements catalogue (`grantcheck show`) -----

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Applicant", ("IP01", "IP02", "IP03", "IP04", "IP05", "IP06", "IP07", "IP08", "IP09", "IP10",
                   "IP11", "IP27", "IP28", "IP29", "IP30", "IP31")),
    ("Employees the grant is for", ("IP12", "IP13", "IP14", "IP15", "IP16", "IP17", "IP18",
                                    "IP20", "IP21", "IP22", "IP23", "IP24", "IP25", "IP26")),
    ("Money", ("IP19",)),
    ("Documents", ("IP32", "IP33", "IP34", "IP35", "IP36", "IP37", "IP38")),
)

# --- documents ----------------------------------------------------------------------------------


def _rehire_needed(ctx: Ctx) -> bool | None:
    emps = _employees(ctx)
    if any(e.employed_at_application is False for e in emps):
        return True
    if any(e.employed_at_application is None for e in emps):
        return None
    return False


documents = (
    Document("innobooster_application_form",
             "application form in e-grant: challenges (max 3,000 characters), development "
             "activities (max 2,000), results (max 2,000)", (C_FORM, C_CHALLENGES, C_FORMAL)),
    Document("pitch_deck",
             "pitch deck, about 12 slides, PDF: problem and solution, product, traction, business "
             "model, market and competition, team, key figures (revenue, gross profit/loss, "
             "result, equity, average full-time staff in the latest fiscal year)",
             (C_SLIDES, C_PITCH_TOPICS, C_PDF)),
    Document("cvs",
             "up-to-date CVs of the funded employees, max 2 pages each, PDF, showing them "
             "employed at application", (C_CV_PAGES, C_CV_CURRENT, C_PDF)),
    Document("rehire_contract", "employment contract of each re-hired employee",
             (C_REHIRE_CONTRACT,), stage=Stage.GRANT_START, when=_rehire_needed,
             condition="when a funded employee is re-hired (not employed at application); "
             "needed at the latest when the grant period starts"),
    Document("employment_confirmation",
             "confirmation that the funded employments continue, before the payout after "
             "month 6", (C_CONFIRM,), stage=Stage.REMINDER),
    Document("innobooster_final_report",
             "final report on the business and technological development and the results of the "
             "grant", (C_REPORT, C_LAST_PAYOUT), stage=Stage.AFTER_PROJECT),
    Document("auditor_statement",
             "final auditor's statement: the information is correct and the company and its "
             "ownership structure can receive start-up aid", (C_AUDITOR, C_LAST_PAYOUT),
             stage=Stage.AFTER_PROJECT),
)

# --- amounts ------------------------------------------------------------------------------------

OWN_FUNDING_FORM = "salary (the company pays the rest of the funded salaries)"
AMOUNT_CITES = (C_SUBSIDY, C_RATE, C_CAP, C_ONE_GRANT, C_ONLY_SALARY)


def amounts(ctx: Ctx) -> Amounts:
    """12 × min(DKK 30,000, 75 % × monthly salary) per funded employee, at most DKK 1,080,000."""
    per_month = SUBSIDY_PER_MONTH.money(ctx.on)
    months = SUBSIDY_MONTHS.at(ctx.on)
    rate = SALARY_RATE.at(ctx.on)
    cap = CAP.money(ctx.on)
    most = FUNDED_MAX.at(ctx.on)
    emps = ctx.profile.employees
    missing: tuple[str, ...] = ()
    if emps is None:
        missing = ("employees",)
    else:
        missing = tuple(f"employees[{i}].monthly_salary"
                        for i, e in enumerate(emps) if e.monthly_salary is None)
    if missing:
        return Amounts(
            cap, None, OWN_FUNDING_FORM,
            lambda: f"without the funded employees' monthly salaries: the cap of {cap} per "
            f"company (stated on the page; it equals {most} employees × {months} months × "
            f"{per_month}, derived arithmetic); the subsidy is at most {format_percent(rate)} of "
            f"each salary cost and {per_month} a month per employee, nothing but salary is "
            "covered",
            rate=rate, cap=cap, cites=AMOUNT_CITES, missing=missing)
    assert emps is not None
    base = Money.zero("DKK")
    subsidy = Money.zero("DKK")
    each: list[tuple[str, Money, Money]] = []  # name, salary, monthly subsidy
    for e in emps:
        assert e.monthly_salary is not None
        salary = _dkk(ctx, e.monthly_salary)
        monthly = min_money(per_month, salary * rate)
        base = base + salary * months
        subsidy = subsidy + monthly * months
        each.append((e.name, salary, monthly))
    grant = min_money(subsidy, cap).floored()

    def basis() -> str:
        lines = [f"{name}: {months} × min({per_month}, {format_percent(rate)} × "
                 f"{salary.rounded()}) = {(monthly * months).rounded()}"
                 for name, salary, monthly in each]
        detail = "; ".join(lines) if lines else "no funded employees listed"
        capped = " (capped)" if subsidy > cap else ""
        return (f"{detail}; total {subsidy.rounded()}, at most {cap} per company{capped}; cost "
                f"base {months} months of the funded salaries, {base.rounded()}; the company pays "
                "the rest; nothing but salary is covered")

    return Amounts(grant, base - grant, OWN_FUNDING_FORM, basis, rate=rate, cap=cap,
                   cost_base=base, cites=AMOUNT_CITES)


# --- the scheme ---------------------------------------------------------------------------------

PARAMETERS: tuple[Parameter[Any], ...] = (
    PAGE_VERSION, GBER_APPLIES, CALL_LAST_DAY, CAPITAL_MIN, TURNOVER_MIN, MAX_AGE_YEARS,
    AGE_MARGIN_MONTHS, FUNDED_MIN, FUNDED_MAX, FULL_TIME_HOURS, DISMISSED_AFTER, OTHERS_FROM,
    OTHERS_PER_FUNDED, FUNDED_FTE, OWNER_MIN_PERCENT, GRANT_START_MONTHS_AFTER, SUBSIDY_PER_MONTH,
    SUBSIDY_MONTHS, SALARY_RATE, CAP, GROWTH_FROM_YEARS, GROWTH_TO_YEARS, CHALLENGES_MAX,
    DEVELOPMENT_MAX, RESULTS_MAX, SLIDES, SLIDES_TOLERANCE, CV_MAX_PAGES, ATTACHMENTS_MAX_MB,
    PAYOUT_UPFRONT, PAYOUT_MIDWAY, PAYOUT_MIDWAY_MONTH, PAYOUT_FINAL, *SME_PARAMETERS,
)

SCHEME = Scheme(
    id=SCHEME_ID,
    name="Innobooster People (COVID-19 call)",
    agency="Innovationsfonden",
    country="DK",
    currency="DKK",
    source=SOURCE,
    call=CallWindow(opens=None, closes=CALL_LAST_DAY.at(V3), cites=(C_DEADLINE,),
                    note="applications handled as they come in"),
    rules=tuple(rules.rules),
    documents=documents,
    amounts=amounts,
    parameters=PARAMETERS,
    summary="Salary subsidy for 1–3 development employees of a young knowledge-based Danish "
    "start-up hit by COVID-19: up to DKK 30,000 a month each for 12 months",
    notes=(
        f"Payout: {format_percent(PAYOUT_UPFRONT.at(V3))} up front, "
        f"{format_percent(PAYOUT_MIDWAY.at(V3))} after month {PAYOUT_MIDWAY_MONTH.at(V3)} once "
        "the company confirms the employments continue (otherwise the payout is put on hold), "
        f"the last {format_percent(PAYOUT_FINAL.at(V3))} after an approved final report and a "
        "final auditor's statement.",
        "The auditor's statement must confirm that the company and any ownership structure it "
        "belongs to can receive start-up aid (GBER art. 22); companies under a common "
        "majority-owning person are not checked here.",
        "Rules of page version 3 (2020-07-03); evaluation dates before that are not encoded.",
        "Innovationsfonden assesses novelty, business potential, execution and economic effect; "
        "qualified applications are funded in the order they were sent while the budget lasts.",
    ),
    fit_wording="eligible for assessment",
)
