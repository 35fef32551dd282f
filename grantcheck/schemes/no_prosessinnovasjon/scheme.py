"""Innovasjon Norge, Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon).

Encoded, in the order of the page:
- the applicant: a small or medium-sized enterprise under the state-aid rules (the page ties the
  scheme to GBER art. 29, which applies in Norway through the EEA Agreement); a large enterprise
  only by the exception the page mentions ("kun unntaksvis"), with GBER art. 29(2)'s condition;
  a Norwegian company (soft: the page speaks of competition "mellom norske bedrifter" but does
  not exclude others in words); no harmful distortion of competition (declaration);
- the project: process and/or organisational innovation as the page defines them (declaration);
  a substantial leap for the company, tied to a new business model (declaration); none of the
  "Hva omfattes ikke?" exclusions (one profile list, ``project.exclusions``);
- an environmental shift: a hint that the environmental technology scheme may also fit (info,
  not decided), and a warning that such a shift needs thorough analysis before the decision;
- money, from GBER and not from the page (the page names no amount): aid intensity at most 50 %
  of the eligible costs for SMEs, 15 % for a large enterprise (art. 29(4)); the notification
  threshold of EUR 7.5 million per undertaking per project (art. 4(1)(l)) above which the aid
  must be notified, shown in the amounts and checked as a warning.

Deliberately not encoded:
- a deadline, intake rhythm or amount: the page names none (the call is reported as open with
  "no deadline stated");
- the sector exclusions of GBER art. 1: the page does not name them;
- GBER art. 29(3)'s wider list of eligible costs: the page's own list ("Hva kan finansieres?") is
  narrower and is what Innovasjon Norge accepts; it is exported as ``ELIGIBLE_COSTS`` for the
  budget command, not checked here;
- whether a large enterprise's SME partners really bear 30 % of the costs: the profile has no
  cost split per partner, so the condition is stated in the message of PO01, not computed.

Readings:
- "SME" is the EU definition (Recommendation 2003/361/EC), computed by :mod:`grantcheck.law.sme`.
- The GBER rate is applied to ``project.budget_total`` read as the eligible costs; the page
  states no cap, so the grant is rate x budget.
- The notification threshold is EUR 7.5 million, as Innovasjon Norge's GBER-29 guidance states
  it; Regulation (EU) 2023/1315 amended art. 4 and may have changed it (see the parameter note).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from grantcheck.citations import GBER, GBER_AMENDMENT_2023, Citation, Source, eu
from grantcheck.engine import (
    Amounts,
    CallWindow,
    Check,
    Ctx,
    Kind,
    RuleBook,
    Scheme,
    check,
    failed,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.engine import shared_info as _info  # one Check per text, made once
from grantcheck.fx import RATE_CITATION
from grantcheck.law import sme
from grantcheck.money import Money, format_percent
from grantcheck.parameters import Parameter
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion

SOURCE = Source(
    id="no-prosessinnovasjon",
    title="Innovasjon Norge: Prosess- og organisasjonsinnovasjon",
    publisher="Innovasjon Norge",
    language="no",
    url="https://www.innovasjonnorge.no/artikkel/prosess-og-organisasjonsinnovasjon",
)

# --- citations, in the order of the page -------------------------------------------------------

C_INTRO = Citation(
    SOURCE, "Prosess- og organisasjonsinnovasjon",
    "Innovasjon Norge kan tilby finansiering til innovasjon på alle disse områdene.")
C_PROSESS = Citation(
    SOURCE, "Definisjoner",
    "produksjonsprosesser og distribusjonsmetoder som åpenbart skiller seg fra bedriftens "
    "tidligere prosesser og metoder")
C_ORGANISASJON = Citation(
    SOURCE, "Definisjoner",
    "Organisasjonsinnovasjon handler om innovasjon i bedriftens forretningsmodell, "
    "arbeidsprosesser eller samarbeidsformer.")
C_KONKURRANSEKRAFT = Citation(
    SOURCE, "Hva omfattes?",
    "der dette er viktig for å styrke bedriftens konkurransekraft")
C_FORRETNINGSMODELL = Citation(
    SOURCE, "Hva omfattes?", "knyttet til en ny forretningsmodell")
C_KONKURRANSEVRIDNING = Citation(
    SOURCE, "Hva omfattes?",
    "Innovasjon Norge må unngå å bidra til uheldig konkurransevridning mellom norske bedrifter.")
C_LOEFT = Citation(
    SOURCE, "Hva omfattes?", "Prosjektet må være et betydelig løft for bedriften.")
C_OMLEGGING = Citation(
    SOURCE, "Hva omfattes?",
    "omlegging til mer miljøvennlig drift, for eksempel fra en lineær til en sirkulær "
    "forretningsmodell")
C_ANALYSER = Citation(
    SOURCE, "Hva omfattes?",
    "det vil derfor være nødvendig å gjennomføre grundige avklaringer og analyser før "
    "beslutningen tas")
C_MILJOTEKNOLOGI = Citation(
    SOURCE, "Hva omfattes?", "kvalifisere for tilskudd fra miljøteknologiordningen")
C_IKKE_UTSTYR = Citation(
    SOURCE, "Hva omfattes ikke?",
    "Innføring av nytt utstyr uten at det er knyttet til et innovasjonsløft, vil ikke være "
    "relevant for Innovasjon Norge.")
C_IKKE = Citation(SOURCE, "Hva omfattes ikke?", "Dessuten omfattes ikke")
C_KOSTNADER = Citation(
    SOURCE, "Hva kan finansieres?", "Følgende poster kan inngå i godkjent støttegrunnlag:")
C_KOST_TIMER = Citation(SOURCE, "Hva kan finansieres?", "Egne timer/personalkostnader")
C_KOST_TJENESTER = Citation(
    SOURCE, "Hva kan finansieres?",
    "Innkjøpte tjenester som kreves for å gjennomføre innovasjonen (konsulentbistand)")
C_KOST_UTSTYR = Citation(
    SOURCE, "Hva kan finansieres?",
    "Avskrivninger på eller leie av komponenter, instrumenter og utstyr for den tiden og det "
    "omfanget det benyttes i prosjektperioden")
C_KOST_IPR = Citation(
    SOURCE, "Hva kan finansieres?", "Kjøp av IPR-rettigheter som er nødvendig for prosjektet")
C_GBER29 = Citation(
    SOURCE, "Hva kan finansieres?",
    "Merk at finansiering av prosess- og organisasjonsinnovasjon er knyttet til GBER 29 i "
    "Statsstøtteregelverket.")
C_SMB = Citation(
    SOURCE, "Hva kan finansieres?",
    "Det forutsetter at søker er liten eller mellomstor i henhold til Statsstøtteregelverket, "
    "og gjelder kun unntaksvis for store bedrifter.")

# EU law (GBER, applied in Norway through the EEA Agreement): not on the page.
EU_29_2 = eu(
    GBER, "Article 29(2)",
    "Aid to large enterprises shall only be compatible if they effectively collaborate with SMEs "
    "in the aided activity and the collaborating SMEs incur at least 30 % of the total eligible "
    "costs.")
EU_29_4 = eu(
    GBER, "Article 29(4)",
    "The aid intensity shall not exceed 15 % for large enterprises and 50 % for SMEs.")
EU_4_1_L = eu(
    GBER, "Article 4(1)(l)",
    "for aid for process and organisational innovation: EUR 7,5 million per undertaking per "
    "project",
    note="the figure Innovasjon Norge's own GBER-29 guidance states")
EU_2023_AMENDMENT = eu(
    GBER_AMENDMENT_2023, "Article 1 (amending Article 4 GBER)",
    note="amended the notification thresholds of GBER art. 4; whether and from when the "
    "EUR 7.5 million for art. 29 changed (and its EEA incorporation) is not encoded")

# --- parameters -----------------------------------------------------------------------------

GBER_START = date(2014, 7, 1)  # GBER applies from 1 July 2014 (art. 59)
GBER_END = date(2026, 12, 31)  # and until 31 December 2026 (art. 59)

SME_INTENSITY = Parameter(
    "po_sme_aid_intensity_max", "rate", {GBER_START: Decimal("0.50")}, EU_29_4,
    valid_until=GBER_END, note="of the eligible costs, for an SME")
LARGE_INTENSITY = Parameter(
    "po_large_aid_intensity_max", "rate", {GBER_START: Decimal("0.15")}, EU_29_4,
    valid_until=GBER_END, note="of the eligible costs, for a large enterprise (exception only)")
LARGE_SME_COST_SHARE = Parameter(
    "po_large_partner_sme_cost_share_min", "rate", {GBER_START: Decimal("0.30")}, EU_29_2,
    valid_until=GBER_END,
    note="share of the total eligible costs the collaborating SMEs must bear when a large "
    "enterprise is aided")
NOTIFICATION_THRESHOLD = Parameter(
    "po_notification_threshold", "EUR", {GBER_START: Decimal("7500000")}, EU_4_1_L,
    valid_until=GBER_END,
    note="per undertaking per project; Regulation (EU) 2023/1315 amended GBER art. 4 and may "
    "have changed this figure: check it before relying on it for aid granted after 2023-07-01")

# --- eligible costs (for the budget command) --------------------------------------------------


class CostType(NamedTuple):
    id: str
    name: str
    cite: Citation
    note: str = ""


ELIGIBLE_COSTS: tuple[CostType, ...] = (
    CostType("personnel", "own hours / personnel costs", C_KOST_TIMER),
    CostType("services", "purchased services needed for the innovation (consultancy)",
             C_KOST_TJENESTER),
    CostType("equipment", "depreciation or rent of components, instruments and equipment",
             C_KOST_UTSTYR, "only for the time and the extent used in the project (pro rata)"),
    CostType("ipr", "purchase of IPR needed for the project", C_KOST_IPR),
)
"""The page's list ("Hva kan finansieres?"): narrower than GBER art. 29(3); other costs are
not part of the approved cost base."""

# --- the "Hva omfattes ikke?" list, in the page's words and in English ------------------------

EXCLUSIONS: dict[ProsessExclusion, tuple[str, str]] = {
    ProsessExclusion.EQUIPMENT_WITHOUT_INNOVATION: (
        "Innføring av nytt utstyr uten at det er knyttet til et innovasjonsløft",
        "new equipment without an innovation leap"),
    ProsessExclusion.ROUTINE_IMPROVEMENT: (
        "Rutinemessige forbedringsprosesser, som for eksempel LEAN",
        "routine improvement processes such as LEAN"),
    ProsessExclusion.MINOR_PROCESS_CHANGES: (
        "Mindre endringer i og tilpasninger til eksisterende produksjonsprosess",
        "minor changes to or adaptations of an existing production process"),
    ProsessExclusion.CUSTOM_DELIVERIES: (
        "Spesialbestilte leveranser til enkeltkunder",
        "custom deliveries to single customers"),
    ProsessExclusion.IT_SYSTEM_WITHOUT_PROCESS_INNOVATION: (
        "Innføring av nye datasystemer (SAP, CRM osv.) uten at det er en del av en "
        "prosessinnovasjon",
        "new IT systems (SAP, CRM, …) not part of a process innovation"),
    ProsessExclusion.SINGLE_EQUIPMENT_REPLACEMENT: (
        "Investeringer i ny eller utskiftning av enkeltutstyr eller delelementer i en "
        "eksisterende produksjonsprosess",
        "investment in or replacement of single equipment or parts of an existing production "
        "process"),
    ProsessExclusion.INVENTORY_SYSTEM_ONLY: (
        "Rene lagerstyringssystemer uten at dette er en del av en prosessinnovasjon",
        "pure inventory-management systems not part of a process innovation"),
    ProsessExclusion.PRICE_ADAPTATION: (
        "Tilpasninger til endringer i priser", "adaptations to price changes"),
    ProsessExclusion.WINDING_DOWN_PRODUCTION: (
        "Avvikling av dagens produksjon som følge av endringer i markedet",
        "winding down production because the market changed"),
}
C_EXCLUSIONS = tuple(
    Citation(SOURCE, "Hva omfattes ikke?", norwegian) for norwegian, _ in EXCLUSIONS.values())

SIZE_FIELDS = ("company.employees_fte", "company.owners_fte", "company.turnover",
               "company.balance_sheet_total", "company.previous_year", "company.related",
               "company.public_ownership_percent")


def _intensity(ctx: Ctx) -> tuple[Decimal, sme.SmeStatus]:
    """The GBER art. 29(4) ceiling for the applicant's size, and the size it rests on."""
    status = sme.company_status(ctx)
    param = SME_INTENSITY if status.is_sme else LARGE_INTENSITY
    return param.at(ctx.on), status


def _threshold(ctx: Ctx) -> tuple[Money, str]:
    """The notification threshold in the company's currency, and the rate used (if any): the
    same for every profile of a batch, so made once (two rules and the amounts state it)."""
    return ctx.constant(_threshold_of)


def _threshold_of(ctx: Ctx) -> tuple[Money, str]:
    eur = NOTIFICATION_THRESHOLD.money(ctx.on)
    if ctx.currency == "EUR":
        return eur, f"{eur}"
    local = ctx.convert(eur, ctx.currency).rounded()
    return local, f"{eur} = {local} at {ctx.fx.rate(ctx.currency).describe()}"


def _share(part: Money, whole: Money) -> str:
    """'60 %' (to 0.1 %), or a phrase when the whole is zero."""
    if not whole.amount:
        return "no eligible costs"
    pct = (part.amount / whole.amount * 100).quantize(Decimal("0.1")).normalize()
    return f"{pct:f} %"


# --- rules, in the order of the page --------------------------------------------------------

rules = RuleBook()


@rules.rule("PO01", "The applicant is a small or medium-sized enterprise (a large one only by "
            "the exception)", kind=Kind.HARD, cites=[C_GBER29, C_SMB, EU_29_2, *sme.CITES],
            reads=(*SIZE_FIELDS, "declarations.large_enterprise_exception"))
def applicant_is_sme(ctx: Ctx) -> Check:
    """'Det forutsetter at søker er liten eller mellomstor ... og gjelder kun unntaksvis for store
    bedrifter' (GBER art. 29, through the EEA Agreement)."""
    status = sme.company_status(ctx)
    if status.is_sme:
        return passed(lambda: f"an SME under the state-aid rules: {text_of(status.explanation)}")
    explained = text_of(status.explanation)
    share = format_percent(LARGE_SME_COST_SHARE.at(ctx.on))
    condition = (f"GBER art. 29(2): aid to a large enterprise only in effective collaboration "
                 f"with SMEs that bear at least {share} of the total eligible costs")
    exception = ctx.value("declarations.large_enterprise_exception")
    if exception is None:
        return unknown(
            f"a large enterprise ({explained}); the scheme covers large enterprises only by "
            f"exception ({condition}), and the profile does not say whether it applies",
            "declarations.large_enterprise_exception",
            fix="set declarations.large_enterprise_exception = true if Innovasjon Norge's "
            f"exception applies ({condition}), false if not")
    if exception:
        return passed(f"a large enterprise ({explained}) under the declared exception; "
                      f"condition: {condition}")
    return failed(f"a large enterprise ({explained}) and the exception is declared not "
                  "to apply: the scheme requires a small or medium-sized enterprise",
                  "only an SME under the EU definition, or a large enterprise under the "
                  f"exception ({condition}), can be supported")


@rules.rule("PO02", "The applicant is a Norwegian company", kind=Kind.SOFT,
            cites=[C_KONKURRANSEVRIDNING], reads=("company.country",))
def norwegian_company(ctx: Ctx) -> Check:
    """The page speaks of competition 'mellom norske bedrifter'; it does not exclude others."""
    country = ctx.profile.company.country
    return check(country == "NO",
                 f"company.country = {country}; the page speaks of Norwegian companies "
                 "('mellom norske bedrifter') but does not exclude others in words",
                 "explain to Innovasjon Norge how a company outside Norway fits the scheme")


rules.declaration("PO03", "The support does not distort competition between Norwegian companies",
                  "no_competition_distortion", cites=[C_KONKURRANSEVRIDNING])
rules.declaration("PO04", "The project is a process and/or organisational innovation",
                  "process_or_organisational_innovation", cites=[C_PROSESS, C_ORGANISASJON])
rules.declaration("PO05", "The project is a substantial leap for the company, tied to a new "
                  "business model", "substantial_leap",
                  cites=[C_LOEFT, C_FORRETNINGSMODELL, C_KONKURRANSEKRAFT])


@rules.rule("PO06", "None of the 'Hva omfattes ikke?' exclusions applies", kind=Kind.HARD,
            cites=[C_IKKE_UTSTYR, C_IKKE, *C_EXCLUSIONS[1:]], reads=("project.exclusions",))
def no_exclusion(ctx: Ctx) -> Check:
    """Each item of 'Hva omfattes ikke?' that applies takes the project out of the scheme."""
    listed: list[ProsessExclusion] | None = ctx.value("project.exclusions")
    if listed is None:
        return missing("project.exclusions")
    if not listed:
        return passed("project.exclusions = [] : none of the 'Hva omfattes ikke?' items applies")
    named = "; ".join(f"«{EXCLUSIONS[e][0]}» ({EXCLUSIONS[e][1]})" for e in listed)
    return failed(f"{len(listed)} excluded item(s) apply: {named}",
                  "the scheme does not cover these; only a project without them can fit")


@rules.rule("PO07", "An environmental shift may also qualify for miljøteknologiordningen",
            kind=Kind.INFO, cites=[C_OMLEGGING, C_MILJOTEKNOLOGI],
            reads=("project.environmental_shift",))
def environmental_hint(ctx: Ctx) -> Check:
    """A hint, not a decision: the other scheme is not checked here."""
    shift = ctx.need("project.environmental_shift")
    if shift:
        return _info("an environmental shift (e.g. linear to circular business model): its "
                     "activities may also qualify for a grant from miljøteknologiordningen "
                     "(not checked by grantcheck)")
    return _info("no environmental shift stated: the miljøteknologiordningen hint does not apply")


@rules.rule("PO08", "An environmental shift is thoroughly analysed before the decision",
            kind=Kind.SOFT, cites=[C_ANALYSER],
            reads=("project.environmental_shift", "project.shift_analysed"))
def shift_analysed(ctx: Ctx) -> Check:
    """'nødvendig å gjennomføre grundige avklaringer og analyser før beslutningen tas'."""
    if not ctx.need("project.environmental_shift"):
        return passed("no environmental shift: no prior analysis needed")
    analysed = ctx.value("project.shift_analysed")
    if analysed:
        return passed("environmental shift with thorough clarification and analysis done "
                      "(project.shift_analysed = true)")
    said = "false" if analysed is False else "not stated"
    return failed(f"environmental shift, but project.shift_analysed is {said}: the page asks "
                  "for thorough clarification and analysis before the decision is taken",
                  "do the analysis before the decision and set project.shift_analysed = true")


@rules.rule("PO09", "The grant sought is within the GBER aid intensity", kind=Kind.HARD,
            cites=[EU_29_4, C_GBER29],
            reads=("project.grant_sought", "project.budget_total", *SIZE_FIELDS))
def within_intensity(ctx: Ctx) -> Check:
    """GBER art. 29(4), not on the page: at most 50 % (SME) or 15 % (large) of eligible costs."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return _info("no grant sought stated (project.grant_sought): the amounts show the most "
                     "the aid intensity allows")
    grant = ctx.money(sought)
    base = ctx.money(ctx.need("project.budget_total"))
    rate, status = _intensity(ctx)
    ceiling = (base * rate).floored()
    who = "an SME" if status.is_sme else "a large enterprise"
    message = (f"grant sought {grant} of eligible costs {base} ({_share(grant, base)}); at most "
               f"{format_percent(rate)} = {ceiling} for {who} (GBER art. 29(4), not on the page)")
    if grant <= ceiling:
        return passed(message)
    return failed(message, f"lower the grant sought to {ceiling} ({(grant - ceiling)} less) or "
                  "show more eligible costs")


@rules.rule("PO10", "The aid stays within the GBER notification threshold", kind=Kind.SOFT,
            cites=[EU_4_1_L, EU_2023_AMENDMENT, RATE_CITATION],
            reads=("project.grant_sought", "project.budget_total", *SIZE_FIELDS))
def below_notification_threshold(ctx: Ctx) -> Check:
    """GBER art. 4(1)(l), not on the page: above EUR 7.5 million the aid must be notified."""
    limit, limit_text = _threshold(ctx)
    sought = ctx.value("project.grant_sought")
    if sought is not None:
        grant, what = ctx.money(sought), "grant sought"
    else:
        budget = ctx.value("project.budget_total")
        if budget is None:
            return _info("neither project.grant_sought nor project.budget_total is stated: "
                         f"the notification threshold is {limit_text}")
        rate, _ = _intensity(ctx)
        grant = (ctx.money(budget) * rate).floored()
        what = f"largest grant the intensity allows ({format_percent(rate)} of the budget)"
        if grant > limit:
            return unknown(f"{what} {grant} is above the notification threshold {limit_text}; "
                           "the grant sought is not stated", "project.grant_sought")
    message = (f"{what} {grant}; notification threshold {limit_text} per undertaking per "
               "project (GBER art. 4(1)(l), not on the page)")
    if grant <= limit:
        return passed(message)
    return failed(message, f"aid above {limit} must be notified to ESA and is outside GBER art. "
                  f"29; keep it at or below {limit} ({grant - limit} less)")


# --- the rules grouped under the headings of the requirements catalogue (`grantcheck show`) -----

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Applicant", ("PO01", "PO02", "PO03")),
    ("Project", ("PO04", "PO05", "PO06", "PO07", "PO08")),
    ("Money", ("PO09", "PO10")),
)

# --- documents, amounts, scheme -------------------------------------------------------------


# The page names no form of own funding; own hours are an eligible cost ("Egne timer/
# personalkostnader"), so the company funds its share in cash or in its own hours.
OWN_FUNDING_FORM = "own funds: cash or own hours (the page states no form)"


AMOUNTS_CITES = (EU_29_4, EU_4_1_L, C_KOSTNADER)


@lru_cache(maxsize=64)  # the same few texts for every profile: made once per distinct set
def _terms(rate: Decimal, is_sme: bool, limit_text: str) -> tuple[str, str]:
    """The rate as a percentage, and the terms every basis states."""
    who = "an SME" if is_sme else "a large enterprise, only under the exception"
    common = (f"aid intensity at most {format_percent(rate)} for {who} (GBER art. 29(4), not "
              f"from the page); the page states no cap; aid above the notification threshold "
              f"{limit_text} per undertaking per project must be notified (GBER art. 4(1)(l))")
    return format_percent(rate), common


def amounts(ctx: Ctx) -> Amounts:
    """GBER art. 29(4) rate x the eligible costs; the page states no cap."""
    rate, status = _intensity(ctx)
    _, limit_text = _threshold(ctx)
    percent, common = _terms(rate, status.is_sme, limit_text)
    budget = ctx.profile.project.budget_total
    if budget is None:
        return Amounts(None, None, OWN_FUNDING_FORM,
                       f"{common}; state project.budget_total to compute the grant",
                       rate=rate, cites=AMOUNTS_CITES, missing=("project.budget_total",))
    base = ctx.money(budget)
    grant = (base * rate).floored()
    return Amounts(grant, base - grant, OWN_FUNDING_FORM,
                   lambda: f"{percent} x eligible costs {base} = {grant} (derived); {common}",
                   rate=rate, cost_base=base, cites=AMOUNTS_CITES)


SCHEME = Scheme(
    id="no-prosessinnovasjon",
    name="Prosess- og organisasjonsinnovasjon",
    agency="Innovasjon Norge",
    country="NO",
    currency="NOK",
    source=SOURCE,
    call=CallWindow(None, None, (C_INTRO,), note="no deadline stated"),
    rules=tuple(rules.rules),
    documents=(),
    amounts=amounts,
    parameters=(SME_INTENSITY, LARGE_INTENSITY, LARGE_SME_COST_SHARE, NOTIFICATION_THRESHOLD,
                *sme.PARAMETERS),
    summary="Grants for process and organisational innovation that is a substantial leap for "
    "an SME (GBER art. 29)",
    notes=(
        "The page names no deadline, intake rhythm or amount; the aid intensity (50 % for SMEs, "
        "15 % for a large enterprise) and the notification threshold come from GBER art. 29 "
        "and 4(1)(l), not from the page.",
        "Costs the page accepts (narrower than GBER art. 29(3)): own hours/personnel costs; "
        "purchased services needed for the innovation (consultancy); depreciation or rent of "
        "components, instruments and equipment for the time and extent used in the project; "
        "purchase of IPR needed for the project.",
        "A large enterprise is covered only by exception, and then only in effective "
        "collaboration with SMEs that bear at least 30 % of the total eligible costs "
        "(GBER art. 29(2)); the profile cannot show that split, so it is not computed.",
        "Regulation (EU) 2023/1315 amended the GBER notification thresholds; the EUR 7.5 million "
        "shown is the figure Innovasjon Norge's guidance states.",
    ),
)
