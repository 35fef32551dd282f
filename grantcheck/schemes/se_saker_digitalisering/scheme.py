"""Tillväxtverket, Stärk företagens konkurrenskraft med säker digitalisering (pilot call, 2023).

Encoded, in the order of the page:
- the call window: closes 1 March 2023 (the last open day; closed from 2 March); no opening date;
- the applicant: an innovation- or business-promoting organisation, public or private, that offers
  small companies qualified information, advice and coaching, or a region applying for a group of
  them (whose members then meet the same criteria); its own competence, experience and networks
  (declarations); regional anchoring (a merit: soft); a sole trader cannot apply;
- the target companies: a smaller group of SMEs with growth ambitions, basic digital competence and
  similar challenges (declaration); at least 10 employees ("bör": soft); an existing basic
  methodology, dialogue with the companies and a clear project logic (declaration);
- the theme: one of the example themes; another needs a dialogue with Tillväxtverket (soft);
- money: the training add-on's cap; the minimum application; the call's whole budget as a ceiling
  (derived); Tillväxtverket's share of at most 50 % of the total budget; the applicant's cash
  co-financing of at least 50 %;
- the project period: from the application date at the earliest, to 2023-10-31 at the latest;
- collaboration agreements are not recommended (soft);
- the application contents as documents, and the unnamed mandatory attachments as a reminder.

Deliberately not encoded:
- which EU state-aid regulation applies: the page says only "Stödet omfattas av EU:s
  statsstödsregler", and Förordning (2015:210) § 13 is cited without quoting it here;
- the cost rules (only costs inside the project period; the eligible cost types): they belong to
  the budget command and are exported as ``PROJECT_PERIOD_COSTS`` and ``ELIGIBLE_COSTS``;
- the final report date (2023-11-30): an obligation after the grant, shown as a note.

Readings:
- "Lägsta belopp för ansökan är 500 tkr" is read as the grant sought (``project.grant_sought``),
  so the total budget is at least SEK 1,000,000 at 50 %.
- The call's whole budget ("Max 10 mkr finns totalt till förfogande") bounds any single grant.
- The training add-on ("Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande
  person") is read as at most min(SEK 180,000, SEK 30,000 x persons), inside the same 50 %
  co-financing; a profile without ``project.training_addon`` seeks no add-on.
- Whether the applicant's own paid staff costs count as cash co-financing is not on the page.
- Amounts in another currency than SEK are compared with the SEK figures converted at the stated
  rate.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from grantcheck.citations import Citation, Source
from grantcheck.engine import (
    Amounts,
    CallWindow,
    Check,
    Ctx,
    Document,
    Kind,
    RuleBook,
    Scheme,
    Stage,
    check,
    failed,
    info,
    missing,
    passed,
    unknown,
)
from grantcheck.money import Money, format_amount, format_percent, min_money
from grantcheck.parameters import Parameter, constant
from grantcheck.profile import LegalForm
from grantcheck.schemes.se_saker_digitalisering.vocabulary import SeTheme

SOURCE = Source(
    id="se-saker-digitalisering",
    title="Tillväxtverket: Stärk företagens konkurrenskraft med säker digitalisering",
    publisher="Tillväxtverket",
    language="sv",
    url="https://tillvaxtverket.se/tillvaxtverket/utlysningar/"
    "starkforetagenskonkurrenskraftmedsakerdigitalisering",
)
FORORDNING = Source(
    id="sfs-2015-210",
    title="Förordning (2015:210) om statligt stöd för att främja små och medelstora företag",
    publisher="Regeringen (Näringsdepartementet)",
    language="sv",
    url="https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
    "forordning-2015210-om-statligt-stod-for-att_sfs-2015-210/",
    is_scheme_page=False,
)

# --- citations, in the order of the page -------------------------------------------------------

TITLE = "Stärk företagens konkurrenskraft med säker digitalisering"
C_STANGER = Citation(SOURCE, TITLE, "Stänger 1 mars 2023")
C_MAX_10_MILJONER = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?", "I utlysningen fördelas max 10 miljoner kronor.")
C_MAX_50_PROCENT = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Tillväxtverket finansierar max 50 procent av projektets totalbudget.")
C_FRAMJARE = Citation(
    SOURCE, "Vem kan söka?",
    "Satsningen vänder sig till företags- och innovationsfrämjande aktörer, offentliga och "
    "privata, som företräder och i sin verksamhet idag erbjuder småföretag kvalificerad "
    "information, rådgivning och coachning.")
C_GRUNDKOMPETENS = Citation(
    SOURCE, "Vem kan söka?",
    "ska ha en egen grundkompetens inom affärsutveckling och digitalisering inklusive "
    "grundläggande kunskaper inom digital säkerhet")
C_ERFARENHET = Citation(
    SOURCE, "Vem kan söka?",
    "Sökande organisation ska ha egna erfarenheter av arbete med relevanta och befintliga "
    "projektmodeller, metoder och verktyg")
C_NATVERK = Citation(
    SOURCE, "Vem kan söka?",
    "De ska också ha tillgång till relevanta nätverk, marknadskanaler och samarbetspartner")
C_REGION = Citation(
    SOURCE, "Vem kan söka?",
    "En region kan också söka finansiering för att företräda en grupp av företags- och "
    "innovationsfrämjare.")
C_REGION_KRITERIER = Citation(
    SOURCE, "Vem kan söka?",
    "I övrigt gäller kriterierna för deltagande innovations- och företagsfrämjare enligt ovan.")
C_MERVARDE = Citation(
    SOURCE, "Vem kan söka?", "Det är ett mervärde om projektet har en regional förankring")
C_ENSKILDA = Citation(SOURCE, "Vem kan söka?", "Enskilda näringsidkare kan inte söka stödet.")
C_MINDRE_GRUPP = Citation(
    SOURCE, "Målgruppen företag",
    "I utvecklingsprojekten ska aktiviteter genomföras med en mindre grupp av företag.")
C_LIKNANDE = Citation(
    SOURCE, "Målgruppen företag",
    "Deltagande företag i insatsen ska ha någorlunda liknande utmaningar")
C_TILLVAXT = Citation(
    SOURCE, "Målgruppen företag",
    "Målgruppen ska vara företag med tillväxtambitioner och bör ha minst 10 anställda.")
C_DIGITAL_KOMPETENS = Citation(
    SOURCE, "Målgruppen företag",
    "Deltagande företag ska ha grundläggande kompetenser inom digitalisering.")
C_DIALOG = Citation(
    SOURCE, "Målgruppen företag",
    "Projekten ska drivas och utvecklas i dialog och samråd med deltagande företag.")
C_GRUNDMETODIK = Citation(
    SOURCE, "Vad kan ni söka för?",
    "använda sig av en befintlig grundmetodik för genomförandet")
C_TEMA = Citation(
    SOURCE, "Grundtema i ansökan",
    "Projekten ska, utöver grundutmaningen digital säkerhet, välja ett tema i ansökan.")
C_ANDRA_TEMAN = Citation(
    SOURCE, "Andra teman",
    "Förslag på teman välkomnas också. Kontakta Tillväxtverket för en dialog i frågan.")
CRITERIA = "Bedömningskriterier - beskrivningar och uppgifter som ska finnas med i ansökan"
C_DOC_ANTAL = Citation(SOURCE, CRITERIA, "Uppgifter om antalet deltagande företag.")
C_DOC_TID = Citation(
    SOURCE, CRITERIA, "En uppskattning i tid av omfattningen av företagens deltagande.")
C_DOC_KON = Citation(
    SOURCE, CRITERIA,
    "En uppskattning av fördelningen mellan män och kvinnor som representerar deltagande "
    "småföretag.")
C_DOC_KOMPETENS = Citation(
    SOURCE, CRITERIA,
    "Relevant kompetens och erfarenhet för projektgenomförandet ska framgå av ansökan.")
C_DOC_STRATEGI = Citation(
    SOURCE, CRITERIA,
    "Strategi för hur resultat, kunskap och erfarenheter från projektet kan nyttiggöras i egen "
    "organisation")
C_DOC_TEMA = Citation(
    SOURCE, CRITERIA, "Val av grundtema för digitaliseringsinriktning för projektet")
C_DOC_AGENDA = Citation(SOURCE, CRITERIA, "Val av relevant(a) mål i Agenda 2030 för projektet")
C_DOC_FASER = Citation(
    SOURCE, CRITERIA, "Projekten genomförs genom en introduktions- och en fördjupningsfas.")
C_DOC_UTMANING = Citation(
    SOURCE, CRITERIA,
    "Den specifika utmaningen och behoven hos målgruppen av företag i projektet avseende "
    "digital säkerhet")
C_DOC_LEDNING = Citation(
    SOURCE, CRITERIA,
    "hur de deltagande företagens ledningar och styrelser involveras och gynnas av "
    "aktiviteterna")
ADDON = "Tilläggsinsats för ansökan"
C_TILLAGG = Citation(
    SOURCE, ADDON,
    "Utbildning/kompetensutveckling inom digital säkerhet av egen personal hos den sökande "
    "projektorganisationen")
C_TILLAGG_MAX = Citation(
    SOURCE, ADDON, "Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.")
C_TILLAGG_TYP = Citation(SOURCE, ADDON, "Typ av utbildning ska anges i ansökan.")
C_LAGSTA = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?", "Lägsta belopp för ansökan är 500 tkr.")
C_MAX_10_MKR = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Max 10 mkr finns totalt till förfogande för utlysningen.")
C_FORORDNINGSKRAV = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Förordningskraven för regionalanslag och för denna typ av insats kräver 50 procents "
    "medfinansiering.")
C_PERIOD = Citation(
    SOURCE, "Hur länge kan projektet pågå?",
    "Projekten kan tidigast starta från ansökningsdatum och som längst drivas t o m 2023-10-31.")
C_SLUTRAPPORT = Citation(
    SOURCE, "Hur länge kan projektet pågå?", "De ska slutredovisas senast 2023-11-30.")
RULES_SECTION = "Vilka krav, villkor och regler gäller?"
C_KOSTNADER_PERIOD = Citation(
    SOURCE, RULES_SECTION, "Du kan bara få pengar för kostnader du haft under projektperioden.")
C_PERIOD_START = Citation(
    SOURCE, RULES_SECTION,
    "En projektperiod kan tidigast starta det datum som ansökan elektroniskt kommit in till "
    "Tillväxtverket.")
C_UTBETALNING = Citation(
    SOURCE, RULES_SECTION,
    "Om ditt projekt beviljas stöd kommer du i samband med rapportering av genomförda insatser "
    "att få stödet utbetalt.")
C_STODET_STYRS = Citation(SOURCE, RULES_SECTION, "Stödet styrs av Förordning 2015:210")
C_STATSSTOD = Citation(SOURCE, RULES_SECTION, "Stödet omfattas av EU:s statsstödsregler.")
C_MEDFINANSIERING = Citation(
    SOURCE, "Medfinansiering",
    "Medfinansiering från den som ansöker om stöd ska uppgå till 50 procent av projektets budget "
    "i form av kontant medfinansiering, från egen organisation eller från extern aktör.")
C_PROJEKTLOGIK = Citation(
    SOURCE, "Hur handläggs och beslutas er ansökan?",
    "Det ska finnas en logisk koppling mellan utmaning, syfte, mål och aktiviteter (projektlogik) "
    "och en organisatorisk förmåga att genomföra projektet på ett bra sätt under en kort "
    "projekttid.")
C_SAMVERKANSAVTAL = Citation(
    SOURCE, "Hur handläggs och beslutas er ansökan?",
    "Observera att vi för denna utlysning inte rekommenderar några samverkansavtal.")
C_KOSTNADSSLAG = Citation(
    SOURCE, "Hur ska vi förbereda oss inför ansökan?",
    "De specifika stödberättigade kostnader som du kan använda för ditt projekt är personal, "
    "schablon, externa tjänster, investeringar, resor och logi.")
C_INVESTERINGAR = Citation(
    SOURCE, "Hur ska vi förbereda oss inför ansökan?",
    "Investeringar avser här mindre kostnader för digitala verktyg som stöd för "
    "projektgenomförandet.")
C_BILAGOR = Citation(SOURCE, "Så ansöker ni", "Glöm inte obligatoriska bilagor.")

# Swedish law: the legal basis the page names (not the scheme page itself).
SFS_13 = Citation(FORORDNING, "13 §", "",
                  note="stöd till företagsutveckling, as the page names it; not quoted here")

# --- parameters: numbers from the (undated) call page -----------------------------------------

LAST_OPEN_DAY = date(2023, 3, 1)
CALL_CLOSES = constant("sd_call_last_open_day", "date", LAST_OPEN_DAY, C_STANGER,
                       note="'Stänger 1 mars 2023': open on that day, closed from 2023-03-02")
TARGET_MIN_EMPLOYEES = constant("sd_target_min_employees", "persons", Decimal(10), C_TILLVAXT,
                                note="'bör': a soft requirement")
TRAINING_MAX = constant("sd_training_addon_max", "SEK", Decimal(180_000), C_TILLAGG_MAX)
TRAINING_PER_PERSON = constant("sd_training_addon_per_person", "SEK", Decimal(30_000),
                               C_TILLAGG_MAX)
MIN_APPLICATION = constant("sd_min_application", "SEK", Decimal(500_000), C_LAGSTA,
                           note="read as the grant sought")
CALL_BUDGET = constant("sd_call_budget", "SEK", Decimal(10_000_000), C_MAX_10_MKR,
                       note="the whole call; derived: no single grant can exceed it")
MAX_SHARE = constant("sd_max_share_of_budget", "rate", Decimal("0.50"), C_MAX_50_PROCENT,
                     note="Tillväxtverket's share of the project's total budget")
COFINANCING_MIN = constant("sd_cash_cofinancing_min", "rate", Decimal("0.50"), C_MEDFINANSIERING,
                           note="of the project's budget, in cash")
PROJECT_END_LATEST = constant("sd_project_end_latest", "date", date(2023, 10, 31), C_PERIOD)
FINAL_REPORT_BY = constant("sd_final_report_by", "date", date(2023, 11, 30), C_SLUTRAPPORT)

# --- cost rules (for the budget command) ------------------------------------------------------


class CostType(NamedTuple):
    id: str
    name: str
    cite: Citation
    note: str = ""


ELIGIBLE_COSTS: tuple[CostType, ...] = (
    CostType("personnel", "personnel (personal)", C_KOSTNADSSLAG),
    CostType("flat_rate", "flat rate (schablon)", C_KOSTNADSSLAG),
    CostType("external_services", "external services (externa tjänster)", C_KOSTNADSSLAG),
    CostType("investments", "investments: small costs for digital tools (investeringar)",
             C_INVESTERINGAR),
    CostType("travel", "travel and accommodation (resor och logi)", C_KOSTNADSSLAG),
)
PROJECT_PERIOD_COSTS = (C_KOSTNADER_PERIOD, C_PERIOD_START)
"""Only costs inside the project period count, neither before its start nor after its end."""

THEMES = {
    SeTheme.DATA_AI: "Datadriven/AI-driven affärs- och verksamhetsutveckling",
    SeTheme.PLATFORMS_ECOSYSTEMS: "Digitala plattformar och digitala ekosystem",
    SeTheme.SMART_SPECIALISATION: "Smart specialisering/ branschspecifika satsningar",
    SeTheme.INTERNATIONALISATION: "Internationalisering",
    SeTheme.CLIMATE_ENVIRONMENT: "Klimat- och miljöanpassning",
}


def _sek(ctx: Ctx, param: Parameter[Decimal]) -> tuple[Money, str]:
    """A SEK parameter in the company's currency (exact), and how to say it."""
    return ctx.constant(_sek_of, param)


def _sek_of(ctx: Ctx, param: Parameter[Decimal]) -> tuple[Money, str]:
    sek = param.money(ctx.on)
    if ctx.currency == "SEK":
        return sek, str(sek)
    local = ctx.convert(sek, ctx.currency)
    return local, f"{sek} (= {local.rounded()})"


def _rates(ctx: Ctx) -> str:
    """'' for a SEK profile; else the rates used to convert the SEK figures, as a clause."""
    return ctx.constant(_rates_clause)


def _rates_clause(ctx: Ctx) -> str:
    if ctx.currency == "SEK":
        return ""
    return "; SEK converted at " + ctx.fx.describe_conversion("SEK", ctx.currency, " and ")


def _both(ctx: Ctx, *paths: str) -> list[str]:
    return [p for p in paths if ctx.value(p) is None]


# --- rules, in the order of the page --------------------------------------------------------

rules = RuleBook()


@rules.rule("SD01", "The applicant is an innovation- or business-promoting organisation, or a "
            "region applying for a group of them", kind=Kind.HARD,
            cites=[C_FRAMJARE, C_REGION],
            reads=("company.innovation_promoter", "company.is_region"))
def promoter_or_region(ctx: Ctx) -> Check:
    """'företags- och innovationsfrämjande aktörer, offentliga och privata' or 'En region'."""
    promoter = ctx.value("company.innovation_promoter")
    region = ctx.value("company.is_region")
    if promoter:
        return passed("an innovation- or business-promoting organisation offering small "
                      "companies qualified information, advice and coaching "
                      "(company.innovation_promoter = true)")
    if region:
        return passed("a region applying for a group of promoting organisations "
                      "(company.is_region = true)")
    missing = _both(ctx, "company.innovation_promoter", "company.is_region")
    if missing:
        return unknown("the profile does not say whether the applicant is a promoting "
                       "organisation or a region: " + ", ".join(missing) + " not stated",
                       *missing)
    return failed("neither an innovation- or business-promoting organisation nor a region "
                  "(company.innovation_promoter = false, company.is_region = false)",
                  "only promoting organisations (e.g. science parks, cluster organisations, "
                  "incubators) or a region for a group of them can apply")


rules.declaration("SD02", "The applicant has its own basic competence in business development, "
                  "digitalisation and digital security", "promoter_competence",
                  cites=[C_GRUNDKOMPETENS])
rules.declaration("SD03", "The applicant has its own experience of relevant project models, "
                  "methods and tools", "promoter_experience", cites=[C_ERFARENHET])
rules.declaration("SD04", "The applicant has networks, market channels and partners to recruit "
                  "companies", "promoter_networks", cites=[C_NATVERK])


@rules.rule("SD05", "A region's member organisations meet the applicant criteria",
            kind=Kind.DECLARATION, cites=[C_REGION_KRITERIER, C_REGION],
            reads=("company.is_region", "declarations.members_meet_criteria"))
def region_members(ctx: Ctx) -> Check:
    """'I övrigt gäller kriterierna för deltagande innovations- och företagsfrämjare'."""
    is_region = ctx.value("company.is_region")
    if is_region is None:
        return missing("company.is_region")
    if not is_region:
        return passed("not a region (company.is_region = false): the rule does not apply")
    members = ctx.value("declarations.members_meet_criteria")
    if members is None:
        return unknown("a region applying for a group: not declared whether the member "
                       "organisations meet the applicant criteria",
                       "declarations.members_meet_criteria",
                       fix="set declarations.members_meet_criteria = true if every member "
                       "organisation meets the criteria (false if not)")
    return check(bool(members),
                 f"a region applying for a group: declared declarations.members_meet_criteria = "
                 f"{str(members).lower()}",
                 "every member organisation must meet the criteria for promoters")


@rules.rule("SD06", "The project has regional anchoring", kind=Kind.SOFT, cites=[C_MERVARDE],
            reads=("project.regional_anchoring",))
def regional_anchoring(ctx: Ctx) -> Check:
    """A merit: regional co-financing, letters of intent, or the region's part in the project."""
    anchored = ctx.need("project.regional_anchoring")
    return check(bool(anchored),
                 f"project.regional_anchoring = {str(anchored).lower()}; 'det är ett mervärde' "
                 "(a merit, not a requirement)",
                 "regional co-financing, letters of intent or the region's part in running the "
                 "project would strengthen the application")


@rules.rule("SD07", "The applicant is not a sole trader", kind=Kind.HARD, cites=[C_ENSKILDA],
            reads=("company.legal_form",))
def not_sole_trader(ctx: Ctx) -> Check:
    """'Enskilda näringsidkare kan inte söka stödet.'"""
    form = ctx.need("company.legal_form")
    return check(form != LegalForm.SOLE_TRADER,
                 f"company.legal_form = {form}",
                 "a sole trader (enskild näringsidkare) cannot apply")


rules.declaration("SD08", "The target companies are a smaller group of SMEs with growth "
                  "ambitions, basic digital competence and similar challenges",
                  "target_group_fit",
                  cites=[C_MINDRE_GRUPP, C_LIKNANDE, C_TILLVAXT, C_DIGITAL_KOMPETENS])


@rules.rule("SD09", "The target companies have at least 10 employees", kind=Kind.SOFT,
            cites=[C_TILLVAXT], reads=("project.target_min_employees",))
def target_employees(ctx: Ctx) -> Check:
    """'bör ha minst 10 anställda': should, so a smaller company gives a warning."""
    smallest: int = ctx.need("project.target_min_employees")
    floor = TARGET_MIN_EMPLOYEES.at(ctx.on)
    return check(smallest >= floor,
                 f"the smallest target company has {smallest} employees; the page says they "
                 f"should have at least {format_amount(floor)} ('bör')",
                 f"justify the companies with fewer than {format_amount(floor)} employees")


rules.declaration("SD10", "The project uses an existing basic methodology, is run in dialogue "
                  "with the companies and has a clear project logic and capacity",
                  "project_logic", cites=[C_GRUNDMETODIK, C_DIALOG, C_PROJEKTLOGIK])


@rules.rule("SD11", "The project's theme is one of the call's example themes", kind=Kind.SOFT,
            cites=[C_TEMA, C_ANDRA_TEMAN], reads=("project.theme",))
def theme(ctx: Ctx) -> Check:
    """A theme must be chosen; one outside the examples needs a dialogue with Tillväxtverket."""
    chosen: SeTheme = ctx.need("project.theme")
    if chosen is SeTheme.OTHER:
        return failed("project.theme = other: a theme outside the examples is welcome but needs "
                      "a dialogue ('Kontakta Tillväxtverket för en dialog i frågan')",
                      "contact Tillväxtverket about the theme before applying")
    return passed(f"project.theme = {chosen}: «{THEMES[chosen]}», one of the example themes")


@rules.rule("SD12", "The training add-on is within its maximum", kind=Kind.HARD,
            cites=[C_TILLAGG, C_TILLAGG_MAX], reads=("project.training_addon",))
def training_addon(ctx: Ctx) -> Check:
    """At most min(SEK 180,000, SEK 30,000 x participating persons)."""
    addon = ctx.profile.project.training_addon
    if addon is None:
        return info("no training add-on sought (project.training_addon not stated)")
    overall, overall_text = _sek(ctx, TRAINING_MAX)
    per_person, per_person_text = _sek(ctx, TRAINING_PER_PERSON)
    by_persons = per_person * addon.persons
    cap = min_money(overall, by_persons)
    amount = ctx.money(addon.amount)
    return check(amount <= cap,
                 f"training add-on {amount} for {addon.persons} person(s); at most the lower of "
                 f"{overall_text} and {per_person_text} x {addon.persons} = "
                 f"{by_persons.rounded()}, i.e. {cap.rounded()}{_rates(ctx)}",
                 f"lower the add-on to {cap.floored()} ({(amount - cap).rounded()} less) or "
                 "train more persons (up to the overall maximum)")


@rules.rule("SD13", "The grant sought is at least SEK 500,000", kind=Kind.HARD,
            cites=[C_LAGSTA], reads=("project.grant_sought",))
def minimum_application(ctx: Ctx) -> Check:
    """'Lägsta belopp för ansökan är 500 tkr', read as the grant sought."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return missing("project.grant_sought")
    grant = ctx.money(sought)
    floor, floor_text = _sek(ctx, MIN_APPLICATION)
    budget_floor = MIN_APPLICATION.money(ctx.on) * (1 / MAX_SHARE.at(ctx.on))
    return check(grant >= floor,
                 f"grant sought {grant}; minimum {floor_text} ('Lägsta belopp för ansökan', "
                 f"read as the grant sought, so a total budget of at least {budget_floor} at "
                 f"{format_percent(MAX_SHARE.at(ctx.on))}: derived){_rates(ctx)}",
                 f"the grant sought must reach {floor.rounded()} "
                 f"({(floor - grant).rounded()} more)")


@rules.rule("SD14", "The grant sought is within the call's whole budget of SEK 10 million",
            kind=Kind.HARD, cites=[C_MAX_10_MKR, C_MAX_10_MILJONER],
            reads=("project.grant_sought",))
def within_call_budget(ctx: Ctx) -> Check:
    """Derived: 'Max 10 mkr finns totalt till förfogande för utlysningen'."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return missing("project.grant_sought")
    grant = ctx.money(sought)
    cap, cap_text = _sek(ctx, CALL_BUDGET)
    return check(grant <= cap,
                 f"grant sought {grant}; the whole call distributes at most {cap_text}, so no "
                 f"single grant can exceed it (derived){_rates(ctx)}",
                 f"lower the grant sought to {cap.floored()} ({(grant - cap).rounded()} less)")


@rules.rule("SD15", "Tillväxtverket finances at most 50 % of the total budget", kind=Kind.HARD,
            cites=[C_MAX_50_PROCENT, C_FORORDNINGSKRAV, C_STODET_STYRS, SFS_13],
            reads=("project.grant_sought", "project.budget_total"))
def at_most_half(ctx: Ctx) -> Check:
    """'Tillväxtverket finansierar max 50 procent av projektets totalbudget.'"""
    missing = _both(ctx, "project.grant_sought", "project.budget_total")
    if missing:
        return unknown("the profile does not state " + " and ".join(missing), *missing)
    grant = ctx.money(ctx.need("project.grant_sought"))
    budget = ctx.money(ctx.need("project.budget_total"))
    share = MAX_SHARE.at(ctx.on)
    ceiling = budget * share
    return check(grant <= ceiling,
                 f"grant sought {grant} of total budget {budget}; at most "
                 f"{format_percent(share)} = {ceiling.rounded()}",
                 f"lower the grant sought to {ceiling.floored()} "
                 f"({(grant - ceiling).rounded()} less) or raise the total budget to "
                 f"{(grant * (1 / share)).rounded()}")


@rules.rule("SD16", "The project starts no earlier than the application date", kind=Kind.HARD,
            cites=[C_PERIOD, C_PERIOD_START],
            reads=("project.start", "project.application_date"))
def starts_after_application(ctx: Ctx) -> Check:
    """'Projekten kan tidigast starta från ansökningsdatum'."""
    missing = _both(ctx, "project.start", "project.application_date")
    if missing:
        return unknown("the profile does not state " + " and ".join(missing), *missing)
    start: date = ctx.need("project.start")
    applied: date = ctx.need("project.application_date")
    return check(start >= applied,
                 f"project starts {start.isoformat()}; application date {applied.isoformat()} "
                 "(the earliest start)",
                 f"move project.start to {applied.isoformat()} or later; costs before the start "
                 "are not covered")


@rules.rule("SD17", "The project ends by 2023-10-31", kind=Kind.HARD, cites=[C_PERIOD],
            reads=("project.end",))
def ends_in_time(ctx: Ctx) -> Check:
    """'som längst drivas t o m 2023-10-31'."""
    end: date | None = ctx.value("project.end")
    if end is None:
        return missing("project.end")
    latest = PROJECT_END_LATEST.at(ctx.on)
    return check(end <= latest,
                 f"project ends {end.isoformat()}; at the latest {latest.isoformat()}",
                 f"end the project on {latest.isoformat()} at the latest "
                 f"({(end - latest).days} days earlier)")


@rules.rule("SD18", "The applicant's cash co-financing is at least 50 % of the budget",
            kind=Kind.HARD, cites=[C_MEDFINANSIERING, C_FORORDNINGSKRAV, SFS_13],
            reads=("project.cash_cofinancing", "project.budget_total"))
def cash_cofinancing(ctx: Ctx) -> Check:
    """'50 procent av projektets budget i form av kontant medfinansiering'."""
    missing = _both(ctx, "project.cash_cofinancing", "project.budget_total")
    if missing:
        return unknown("the profile does not state " + " and ".join(missing), *missing)
    cash = ctx.money(ctx.need("project.cash_cofinancing"))
    budget = ctx.money(ctx.need("project.budget_total"))
    share = COFINANCING_MIN.at(ctx.on)
    floor = budget * share
    return check(cash >= floor,
                 f"cash co-financing {cash} of total budget {budget}; at least "
                 f"{format_percent(share)} = {floor.rounded()} in cash, from the applicant's "
                 "organisation or an external actor (whether the applicant's own paid staff "
                 "costs count as cash is a reading, not the page's words)",
                 f"raise the cash co-financing to {floor.rounded()} "
                 f"({(floor - cash).rounded()} more)")


@rules.rule("SD19", "The project has no collaboration agreements", kind=Kind.SOFT,
            cites=[C_SAMVERKANSAVTAL], reads=("project.collaboration_agreements",))
def no_collaboration_agreements(ctx: Ctx) -> Check:
    """'Observera att vi för denna utlysning inte rekommenderar några samverkansavtal.'"""
    agreements = ctx.need("project.collaboration_agreements")
    return check(not agreements,
                 f"project.collaboration_agreements = {str(agreements).lower()}; the call does "
                 "not recommend collaboration agreements",
                 "discuss the collaboration agreement with Tillväxtverket ('Kontakta gärna "
                 "Tillväxtverket i denna fråga')")


# --- the rules grouped under the headings of the requirements catalogue (`grantcheck show`) -----

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Status", ("SD16", "SD17")),
    ("Applicant", ("SD01", "SD02", "SD03", "SD04", "SD05", "SD06", "SD07")),
    ("Target companies", ("SD08", "SD09", "SD10", "SD19")),
    ("Money", ("SD12", "SD13", "SD14", "SD15", "SD18")),
    ("Application content", ("SD11",)),
)

# --- documents: the application's contents ---------------------------------------------------


def _addon_sought(ctx: Ctx) -> bool:
    return ctx.profile.project.training_addon is not None


DOCUMENTS = (
    Document("number_of_companies", "Number of participating companies", (C_DOC_ANTAL,)),
    Document("participation_time_estimate", "Estimated time the companies take part",
             (C_DOC_TID,)),
    Document("gender_split_estimate",
             "Estimated split of women and men representing the companies", (C_DOC_KON,)),
    Document("competence_description", "Relevant competence and experience (attachments "
             "welcome)", (C_DOC_KOMPETENS,)),
    Document("results_strategy", "Strategy to use and spread the results", (C_DOC_STRATEGI,)),
    Document("theme_choice", "Chosen theme", (C_DOC_TEMA, C_TEMA)),
    Document("agenda_2030_goals", "Chosen Agenda 2030 goals", (C_DOC_AGENDA,)),
    Document("phase_plan", "Introduction and deepening phases and their activities",
             (C_DOC_FASER,)),
    Document("target_group_challenge",
             "The target group's challenge and the methods to develop", (C_DOC_UTMANING,)),
    Document("management_involvement",
             "How the companies' management and boards take part", (C_DOC_LEDNING,)),
    Document("training_type", "Type of training (training add-on)", (C_TILLAGG_TYP,),
             when=_addon_sought,
             condition="only when the training add-on is sought (project.training_addon)"),
    Document("se_mandatory_attachments",
             "Mandatory attachments ('Glöm inte obligatoriska bilagor'; the page names none)",
             (C_BILAGOR,), stage=Stage.REMINDER),
)

# --- amounts ----------------------------------------------------------------------------------


def _amounts_basis(ctx: Ctx) -> str:
    """What the amounts rest on, the same for every profile of a date and currency."""
    _, cap_text = _sek(ctx, CALL_BUDGET)
    _, floor_text = _sek(ctx, MIN_APPLICATION)
    return (f"Tillväxtverket finances at most {format_percent(MAX_SHARE.at(ctx.on))} of the "
            f"total budget; the call's whole budget {cap_text} bounds any grant (derived); "
            f"minimum application {floor_text} (read as the grant sought); a training add-on "
            f"lies inside the same co-financing; payment comes on reporting{_rates(ctx)}")


def amounts(ctx: Ctx) -> Amounts:
    """At most 50 % of the total budget and never more than the call's SEK 10 million."""
    share = MAX_SHARE.at(ctx.on)
    cap, _ = _sek(ctx, CALL_BUDGET)
    _, floor_text = _sek(ctx, MIN_APPLICATION)
    form = "cash, from the applicant's organisation or an external actor"
    common = ctx.constant(_amounts_basis)
    cites = (C_MAX_50_PROCENT, C_MAX_10_MKR, C_LAGSTA, C_MEDFINANSIERING)
    budget = ctx.value("project.budget_total")
    if budget is None:
        return Amounts(cap.floored(), None, form,
                       f"{common}; state project.budget_total to compute the grant",
                       rate=share, cap=cap, cites=cites, missing=("project.budget_total",))
    base = ctx.money(budget)
    by_rate = base * share
    grant = min_money(by_rate, cap).floored()
    floor, _ = _sek(ctx, MIN_APPLICATION)

    def basis() -> str:
        which = "the call's budget" if cap < by_rate else f"{format_percent(share)} of {base}"
        small = (f"; below the minimum application {floor_text}: the budget is too small"
                 if grant < floor else "")
        return f"{grant} = {which}; {common}{small}"

    return Amounts(grant, base - grant, form, basis, rate=share, cap=cap, cost_base=base,
                   cites=cites)


SCHEME = Scheme(
    id="se-saker-digitalisering",
    name="Stärk företagens konkurrenskraft med säker digitalisering (pilot)",
    agency="Tillväxtverket",
    country="SE",
    currency="SEK",
    source=SOURCE,
    call=CallWindow(None, CALL_CLOSES.at(LAST_OPEN_DAY), (C_STANGER,)),
    rules=tuple(rules.rules),
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=(CALL_CLOSES, TARGET_MIN_EMPLOYEES, TRAINING_MAX, TRAINING_PER_PERSON,
                MIN_APPLICATION, CALL_BUDGET, MAX_SHARE, COFINANCING_MIN, PROJECT_END_LATEST,
                FINAL_REPORT_BY),
    summary="Pilot call (closed 1 March 2023) for promoters running secure-digitalisation "
    "projects with small companies; up to 50 % of the budget",
    notes=(
        "The minimum 'Lägsta belopp för ansökan är 500 tkr' is read as the grant sought, so the "
        "total budget must be at least SEK 1,000,000.",
        "Whether the applicant's own paid staff costs count as cash co-financing is a reading, "
        "not the page's words ('kontant medfinansiering, från egen organisation eller från "
        "extern aktör'): confirm with Tillväxtverket.",
        "The training add-on (at most SEK 180,000, or SEK 30,000 per person) lies inside the "
        "same 50 % co-financing; the grant is paid only on reporting of the work done.",
        "Only costs inside the project period count (from the application date to 2023-10-31); "
        "the final report is due by 2023-11-30.",
        "Eligible cost types: personnel, flat rate (schablon), external services, investments "
        "(small costs for digital tools), travel and accommodation.",
        "Legal basis: Förordning (2015:210), § 13, and the EU state-aid rules (the page names "
        "no regulation; not encoded).",
    ),
)
