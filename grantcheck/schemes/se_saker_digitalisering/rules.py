"""Säker digitalisering: the rules SD01–SD22, in the order of the page."""

from __future__ import annotations

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    declaration_checks,
    missing,
    passed,
)
from grantcheck.law import country
from grantcheck.money import format_amount, format_percent
from grantcheck.profile import LegalForm
from grantcheck.schemes.se_saker_digitalisering.addon import training_addon
from grantcheck.schemes.se_saker_digitalisering.derived import (
    not_stated,
    unstated,
)
from grantcheck.schemes.se_saker_digitalisering.grant import (
    at_most_half,
    minimum_application,
    within_call_budget,
)
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_ANDRA_TEMAN,
    C_DIALOG,
    C_DIGITAL_KOMPETENS,
    C_ENSKILDA,
    C_ERFARENHET,
    C_FORORDNINGSKRAV,
    C_FORTSATTNING,
    C_FRAMJARE,
    C_GENOMFORANDETID,
    C_GRUNDKOMPETENS,
    C_GRUNDMETODIK,
    C_GRUPPDYNAMIK,
    C_HELA_SVERIGE,
    C_LAGSTA,
    C_LIKNANDE,
    C_MAX_10_MILJONER,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_MEDFINANSIERING,
    C_MERVARDE,
    C_MINDRE_GRUPP,
    C_NATVERK,
    C_PERIOD,
    C_PERIOD_START,
    C_PILOT_2022,
    C_PROJEKTLOGIK,
    C_REGION,
    C_REGION_KRITERIER,
    C_REGIONALA,
    C_SAMVERKANSAVTAL,
    C_STANGER,
    C_STODET_STYRS,
    C_TEMA,
    C_TILLAGG,
    C_TILLAGG_MAX,
    C_TILLVAXT,
    SFS_13,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    C_GRUPP_READING,
    COFINANCING_MIN,
    TARGET_MIN_COMPANIES,
    TARGET_MIN_EMPLOYEES,
)
from grantcheck.schemes.se_saker_digitalisering.period import (
    applied_in_window,
    ends_in_time,
    starts_after_application,
    starts_in_implementation_year,
)
from grantcheck.schemes.se_saker_digitalisering.vocabulary import THEMES, SeTheme

# the headings of the requirements catalogue the rules stand under (`grantcheck show`)
S_STATUS = "Status"
S_APPLICANT = "Applicant"
S_TARGET = "Target companies"
S_MONEY = "Money"
S_CONTENT = "Application content"

rules = RuleBook()


@rules.rule("SD01", "The applicant is an innovation- or business-promoting organisation, or a "
            "region applying for a group of them", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_FRAMJARE, C_REGION],
            reads=("company.innovation_promoter", "company.is_region", "company.legal_form"))
def promoter_or_region(ctx: Ctx) -> Check:
    """'företags- och innovationsfrämjande aktörer, offentliga och privata' or 'En region'."""
    promoter = ctx.value("company.innovation_promoter")
    region = _region(ctx)
    if promoter:
        return passed("an innovation- or business-promoting organisation offering small "
                      "companies qualified information, advice and coaching "
                      "(company.innovation_promoter = true)")
    if region:
        return passed("a region applying for a group of promoting organisations "
                      "(company.is_region = true)")
    missing = [p for p, v in (("company.innovation_promoter", promoter),
                              ("company.is_region", region)) if v is None]
    if missing:
        return T_PROMOTER_OPEN.unknown(*missing, fields=", ".join(missing))
    return NOT_PROMOTER


def _region(ctx: Ctx) -> bool | None:
    """Whether the applicant is a region: company.is_region, else False when its legal form
    rules a region out (a region is a public body), else not known."""
    region = ctx.value("company.is_region")
    if region is not None:
        return bool(region)
    form = ctx.value("company.legal_form")
    return None if form in (None, LegalForm.PUBLIC_BODY, LegalForm.OTHER) else False


T_PROMOTER_OPEN = Message("the profile does not say whether the applicant is a promoting "
                          "organisation or a region: {fields} not stated")
T_NOT_PROMOTER = Message("neither an innovation- or business-promoting organisation nor a region "
                         "(company.innovation_promoter = false, company.is_region = false)",
                         fix="only promoting organisations (e.g. science parks, cluster "
                         "organisations, incubators) or a region for a group of them can apply")
NOT_PROMOTER = T_NOT_PROMOTER.failed()


rules.declaration("SD02", "The applicant has its own basic competence in business development, "
                  "digitalisation and digital security", "promoter_competence",
                  section=S_APPLICANT, cites=[C_GRUNDKOMPETENS])
rules.declaration("SD03", "The applicant has its own experience of relevant project models, "
                  "methods and tools", "promoter_experience",
                  section=S_APPLICANT, cites=[C_ERFARENHET])
rules.declaration("SD04", "The applicant has networks, market channels and partners to recruit "
                  "companies", "promoter_networks", section=S_APPLICANT, cites=[C_NATVERK])


@rules.rule("SD05", "A region's member organisations meet the applicant criteria",
            kind=Kind.DECLARATION, section=S_APPLICANT, cites=[C_REGION_KRITERIER, C_REGION],
            reads=("company.is_region", "company.legal_form",
                   "declarations.members_meet_criteria"))
def region_members(ctx: Ctx) -> Check:
    """'I övrigt gäller kriterierna för deltagande innovations- och företagsfrämjare'."""
    is_region = _region(ctx)
    if is_region is None:  # a region's members declared to meet them: so either way
        if ctx.value("declarations.members_meet_criteria") is True:
            return MEMBERS_EITHER_WAY
        return missing("company.is_region")
    if not is_region:
        if ctx.value("company.is_region") is None:
            return T_NO_REGION_BY_FORM.passed(form=ctx.value("company.legal_form"))
        return passed("not a region (company.is_region = false): the rule does not apply")
    members = ctx.value("declarations.members_meet_criteria")
    if members is None:
        return MEMBERS_OPEN
    return T_MEMBERS.check(bool(members), declared=str(members).lower())


T_NO_REGION_BY_FORM = Message("company.legal_form = {form}: not a region (a region is a public "
                              "body), so the rule does not apply")
MEMBERS_EITHER_WAY = Message("company.is_region not stated, but the member organisations are "
                             "declared to meet the criteria (declarations.members_meet_criteria "
                             "= true): the rule holds whether or not it is a region").passed()
T_MEMBERS_OPEN = Message("a region applying for a group: not declared whether the member "
                         "organisations meet the applicant criteria",
                         fix="set declarations.members_meet_criteria = true if every member "
                         "organisation meets the criteria (false if not)")
MEMBERS_OPEN = T_MEMBERS_OPEN.unknown("declarations.members_meet_criteria")
T_MEMBERS = Message("a region applying for a group: declared declarations.members_meet_criteria "
                    "= {declared}",
                    fix="every member organisation must meet the criteria for promoters")


@rules.rule("SD06", "The project has regional anchoring", kind=Kind.SOFT,
            section=S_APPLICANT, cites=[C_MERVARDE],
            reads=("project.regional_anchoring",))
def regional_anchoring(ctx: Ctx) -> Check:
    """A merit: regional co-financing, letters of intent, or the region's part in the project."""
    anchored = ctx.need("project.regional_anchoring")
    return T_ANCHORING.check(bool(anchored), anchored=str(anchored).lower())


T_ANCHORING = Message("project.regional_anchoring = {anchored}; 'det är ett mervärde' (a merit, "
                      "not a requirement)",
                      fix="regional co-financing, letters of intent or the region's part in "
                      "running the project would strengthen the application")


@rules.rule("SD07", "The applicant is not a sole trader", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_ENSKILDA],
            reads=("company.legal_form", "company.is_region"))
def not_sole_trader(ctx: Ctx) -> Check:
    """'Enskilda näringsidkare kan inte söka stödet.'; a region is a public body, no sole trader."""
    form = ctx.value("company.legal_form")
    if form is None:
        region = ctx.value("company.is_region") is True
        return REGION_NOT_SOLE_TRADER if region else missing("company.legal_form")
    return T_LEGAL_FORM.check(form != LegalForm.SOLE_TRADER, form=form)


T_LEGAL_FORM = Message("company.legal_form = {form}",
                       fix="a sole trader (enskild näringsidkare) cannot apply")
REGION_NOT_SOLE_TRADER = Message("company.legal_form not stated; company.is_region = true: a "
                                 "region is a public body, no sole trader").passed()


T_COUNTRY = Message("company.country = {country}; the call is for all of Sweden ('Hela "
                    "Sverige'), under the ordinance's requirements for regional funds "
                    "('Förordningskraven för regionalanslag') and for regional promoters "
                    "('regionala innovations- och företagsfrämjare'), but does not exclude "
                    "others in words",
                    fix="explain to Tillväxtverket how an organisation outside Sweden fits the "
                    "call")


swedish_organisation = country.registered_in(
    "SE", T_COUNTRY, "The call is for 'Hela Sverige', funded under 'Förordningskraven för "
    "regionalanslag', for 'regionala innovations- och företagsfrämjare'; it does not exclude "
    "others.")
rules.add("SD22", "The applicant is a Swedish organisation", swedish_organisation,
          kind=Kind.SOFT, section=S_APPLICANT,
          cites=[C_HELA_SVERIGE, C_FORORDNINGSKRAV, C_REGIONALA], reads=["company.country"])


_TARGET_GROUP = declaration_checks("declarations.target_group_fit")


@rules.rule("SD08", "The target companies are a smaller group of SMEs with growth ambitions, "
            "basic digital competence and similar challenges", kind=Kind.DECLARATION,
            section=S_TARGET, cites=[C_MINDRE_GRUPP, C_GRUPPDYNAMIK, C_GRUPP_READING, C_LIKNANDE,
                                     C_TILLVAXT, C_DIGITAL_KOMPETENS],
            reads=("declarations.target_group_fit", "project.target_companies"))
def target_group(ctx: Ctx) -> Check:
    """'ska aktiviteter genomföras med en mindre grupp av företag': fewer companies than a
    group (two, grantcheck's reading) settle it; otherwise the applicant declares the fit."""
    count = ctx.value("project.target_companies")
    if count is not None and count < (least := TARGET_MIN_COMPANIES.at(ctx.on)):
        return T_NO_GROUP.failed(count=count, least=least)
    declared = ctx.profile.declarations
    return _TARGET_GROUP[None if declared is None else declared.target_group_fit]


T_NO_GROUP = Message("project.target_companies = {count}: the activities are carried out with a "
                     "group of companies ('en mindre grupp av företag', 'gruppdynamik mellan "
                     "deltagande företag'), at least {least} (the page gives no number)",
                     fix="recruit at least {least} participating companies")


@rules.rule("SD09", "The target companies have at least 10 employees", kind=Kind.SOFT,
            section=S_TARGET, cites=[C_TILLVAXT], reads=("project.target_min_employees",))
def target_employees(ctx: Ctx) -> Check:
    """'bör ha minst 10 anställda': should, so a smaller company gives a warning."""
    smallest: int = ctx.need("project.target_min_employees")
    floor = TARGET_MIN_EMPLOYEES.at(ctx.on)
    return T_EMPLOYEES.check(smallest >= floor, smallest=smallest, floor=format_amount(floor))


T_EMPLOYEES = Message("the smallest target company has {smallest} employees; the page says they "
                      "should have at least {floor} ('bör')",
                      fix="justify the companies with fewer than {floor} employees")


rules.declaration("SD10", "The project uses an existing basic methodology, is run in dialogue "
                  "with the companies and has a clear project logic and capacity",
                  "project_logic",
                  section=S_TARGET, cites=[C_GRUNDMETODIK, C_DIALOG, C_PROJEKTLOGIK])


@rules.rule("SD11", "The project's theme is one of the call's example themes", kind=Kind.SOFT,
            section=S_CONTENT, cites=[C_TEMA, C_ANDRA_TEMAN], reads=("project.theme",))
def theme(ctx: Ctx) -> Check:
    """A theme must be chosen; one outside the examples needs a dialogue with Tillväxtverket."""
    chosen: SeTheme = ctx.need("project.theme")
    if chosen is SeTheme.OTHER:
        return OTHER_THEME
    return T_THEME.passed(theme=chosen, name=THEMES[chosen])


T_OTHER_THEME = Message("project.theme = other: a theme outside the examples is welcome but "
                        "needs a dialogue ('Kontakta Tillväxtverket för en dialog i frågan')",
                        fix="contact Tillväxtverket about the theme before applying")
OTHER_THEME = T_OTHER_THEME.failed()
T_THEME = Message("project.theme = {theme}: «{name}», one of the example themes")


rules.add("SD12", "The training add-on is within its maximum", training_addon, kind=Kind.HARD,
          section=S_MONEY, cites=[C_TILLAGG, C_TILLAGG_MAX],
          reads=["project.training_addon", "project.training_addon.amount",
                 "project.training_addon.persons"])


rules.add("SD13", "The grant sought is at least SEK 500,000", minimum_application,
          kind=Kind.HARD, section=S_MONEY, cites=[C_LAGSTA],
          reads=["project.grant_sought", "project.budget_total"])


rules.add("SD14", "The grant sought is within the call's whole budget of SEK 10 million",
          within_call_budget, kind=Kind.HARD, section=S_MONEY,
          cites=[C_MAX_10_MKR, C_MAX_10_MILJONER], reads=["project.grant_sought"])
rules.add("SD15", "Tillväxtverket finances at most 50 % of the total budget", at_most_half,
          kind=Kind.HARD, section=S_MONEY,
          cites=[C_MAX_50_PROCENT, C_FORORDNINGSKRAV, C_STODET_STYRS, SFS_13],
          reads=["project.grant_sought", "project.budget_total"])


rules.add("SD21", "The project starts in 2023, the pilot projects' implementation year",
          starts_in_implementation_year, kind=Kind.HARD, section=S_STATUS,
          cites=[C_GENOMFORANDETID], reads=["project.start", "project.end"])
rules.add("SD16", "The project starts no earlier than the application date",
          starts_after_application, kind=Kind.HARD, section=S_STATUS,
          cites=[C_PERIOD, C_PERIOD_START],
          reads=["project.start", "project.application_date", "project.end"])
rules.add("SD20", "The application is sent by the call's last open day, 2023-03-01",
          applied_in_window, kind=Kind.HARD, section=S_STATUS,
          cites=[C_STANGER, C_PILOT_2022, C_FORTSATTNING], reads=["project.application_date"])


rules.add("SD17", "The project ends by 2023-10-31", ends_in_time, kind=Kind.HARD,
          section=S_STATUS, cites=[C_PERIOD], reads=["project.end", "project.start"])


@rules.rule("SD18", "The applicant's cash co-financing is at least 50 % of the budget",
            kind=Kind.HARD, section=S_MONEY, cites=[C_MEDFINANSIERING, C_FORORDNINGSKRAV, SFS_13],
            reads=("project.cash_cofinancing", "project.budget_total"))
def cash_cofinancing(ctx: Ctx) -> Check:
    """'50 procent av projektets budget i form av kontant medfinansiering'."""
    missing = unstated(ctx, "project.cash_cofinancing", "project.budget_total")
    if missing:
        return not_stated(missing)
    cash = ctx.money(ctx.need("project.cash_cofinancing"))
    budget = ctx.money(ctx.need("project.budget_total"))
    share = COFINANCING_MIN.at(ctx.on)
    floor = budget * share
    return T_COFINANCING.check(cash >= floor, cash=cash, budget=budget,
                               share=format_percent(share), floor=floor.rounded(),
                               more=(floor - cash).rounded())


T_COFINANCING = Message("cash co-financing {cash} of total budget {budget}; at least {share} = "
                        "{floor} in cash, from the applicant's organisation or an external actor "
                        "(whether the applicant's own paid staff costs count as cash is a "
                        "reading, not the page's words)",
                        fix="raise the cash co-financing to {floor} ({more} more)")


@rules.rule("SD19", "The project has no collaboration agreements", kind=Kind.SOFT,
            section=S_TARGET, cites=[C_SAMVERKANSAVTAL],
            reads=("project.collaboration_agreements",))
def no_collaboration_agreements(ctx: Ctx) -> Check:
    """'Observera att vi för denna utlysning inte rekommenderar några samverkansavtal.'"""
    agreements = ctx.need("project.collaboration_agreements")
    return T_AGREEMENTS.check(not agreements, agreements=str(agreements).lower())


T_AGREEMENTS = Message("project.collaboration_agreements = {agreements}; the call does not "
                       "recommend collaboration agreements",
                       fix="discuss the collaboration agreement with Tillväxtverket ('Kontakta "
                       "gärna Tillväxtverket i denna fråga')")

