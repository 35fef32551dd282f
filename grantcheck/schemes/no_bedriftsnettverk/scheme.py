"""Innovasjon Norge, Bedriftsnettverk: support for the main projects of business networks.

Encoded, in the order of the page: the network's growth ambitions; the sector note; the main
project of at most three years; the applicant (søkerbedrift/administrator) with economic activity
in Norway, sound finances and registration in Foretaksregisteret; the minimum requirements
(at least three SMEs with established business in Norway and sound finances, registered in
Foretaksregisteret, normally no ownership between them, Norwegian SMEs at least 50 % of the
participants, the purpose, strategic cooperation, the letter of intent); the grant of at most
NOK 750,000 per project year and 50 % of the eligible costs; own financing; one application per
project year for at most three years, the year-2 application in good time.

Readings chosen:
- The profile's company is the applicant/administrator and one of the participants;
  ``network.participants`` lists the *other* participants. Counts of participants are counts of
  entities (the applicant included), not cost shares; exactly 50 % passes ("minst").
- "Small and medium-sized" is not defined on the page: the EU definition (Recommendation
  2003/361/EC) is used, through :mod:`grantcheck.law.sme`. A knowledge actor or public body is
  not an SME *company*. "Norwegian SME" means an SME company with established business in Norway.
- "Bedriftene må være registrert i Foretaksregisteret": read as the companies of the previous
  bullet, i.e. at least three of the SMEs that meet BN08 must be registered. A further SME that is
  not registered does not stop the network (it just does not count towards the three).
- A fact the profile leaves out makes a count unknown only when it could change the outcome
  (three SMEs already known pass; two known and none open fail).
- The project duration is read from ``network.duration_years``, and from ``project.start`` /
  ``project.end`` when both are given; ``project.end`` is the last day, so three years from
  2025-01-01 end on 2027-12-31.
- "I god tid" has no number on the page: grantcheck warns from two months before the end of the
  year-1 period (a parameter, grantcheck's choice) and fails only once that period has ended.
- The grant sought (``project.grant_sought``) is checked against the cap and the 50 % rate when
  the profile states it; otherwise those rules only inform, and the amounts show the maximum.

Deliberately not encoded here:
- The excluded sectors: the page says networks "in most sectors" may apply and points to the
  state-aid rules without naming any; no list is invented (a note and an info rule say so).
- The budget-line rules (cash payment at least the capital need minus public grants; booked costs
  at the administrator at least the public support; hours and direct expenses only from private
  participants in Norway) belong to ``grantcheck budget``; their citations are exported here
  (C_KONTANT, C_BOKFORTE, C_PRIVATE, C_EGENFINANSIERING) and info rules point to that command.
- The list of eligible costs is given as examples ("Eksempler på kostnader"): not a binding list.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import NamedTuple

from grantcheck.citations import Citation, Source
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
    Text,
    check,
    failed,
    info,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.engine import shared_info as _info  # one Check per text, made once
from grantcheck.law import sme
from grantcheck.money import Money, format_percent, min_money
from grantcheck.parameters import constant

SCHEME_ID = "no-bedriftsnettverk"

SOURCE = Source(
    id=SCHEME_ID,
    title="Innovasjon Norge: Bedriftsnettverk",
    publisher="Innovasjon Norge",
    language="no",
    url="https://www.innovasjonnorge.no/no/tjenester/innovasjon-og-utvikling/"
    "samarbeid-klynger-nettverk/bedriftsnettverk/",
)

# --- citations, in the order of the page -------------------------------------------------------

C_VEKSTAMBISJONER = Citation(
    SOURCE, "Bedriftsnettverk",
    "Bedriftsnettverket skal bidra til at flere små- og mellomstore bedrifter med "
    "vekstambisjoner, etablerer kommersielt, strategisk og markedsrettet samarbeid",
)
C_BRANSJER = Citation(
    SOURCE, "Hvem kan søke?",
    "Bedriftsnettverk i de aller fleste bransjer og næringer i hele landet",
)
C_TRE_AARS_VARIGHET = Citation(
    SOURCE, "Hvem kan søke?", "kan søke om støtte til hovedprosjekter med inntil tre års varighet"
)
C_ADMINISTRATOR = Citation(
    SOURCE, "Hvem kan søke?",
    "Deltakerne i bedriftsnettverket må enes om at én av deltaker-bedriftene tar rollen som "
    "søkerbedrift/administrator på vegne av nettverket",
)
C_SOKERBEDRIFT = Citation(
    SOURCE, "Hvem kan søke?",
    "Søkerbedriften må drive økonomisk virksomhet i Norge, ha sunn økonomi og være registrert i "
    "Foretaksregisteret i Norge",
)
C_RELEVANT = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Prosjektet må tilfredsstille følgende minimumskrav for å være relevant og aktuell for "
    "nærmere vurdering",
)
C_TRE_SMB = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Bedriftsnettverket må bestå av minst tre små og mellomstore bedrifter med etablert "
    "virksomhet i Norge og sunn økonomi",
)
C_FORETAKSREGISTERET = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Bedriftene må være registrert i Foretaksregisteret i Norge",
)
C_EIERFORHOLD = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Det skal normalt ikke være eierforhold mellom bedriftene",
)
C_NORSKE_SMB_ANDEL = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Store bedrifter og kunnskapsaktører i Norge eller i utlandet, kan delta, men norske små og "
    "mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne",
)
C_FORMAL = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Formålet med prosjektet må være økt vekst og verdiskaping gjennom utvikling og realisering "
    "av nye markedsmuligheter i eksisterende eller nye markeder i utlandet eller i Norge",
)
C_STRATEGISK = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Prosjektet må være basert på strategisk samarbeid mellom bedrifter som har felles behov og "
    "komplementære ressurser som gir potensial for synergier",
)
C_INTENSJONSAVTALE = Citation(
    SOURCE, "Minimumskrav til prosjektet", "Intensjonsavtale underskrevet av deltakerbedriftene"
)
C_FELLES_UTVIKLING = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "delfinansiering av kostnader knyttet til felles utviklingsaktiviteter som er strategisk "
    "viktige for å realisere felles mål",
)
C_KOSTNADER = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "Eksempler på kostnader som kan inngå i støttegrunnlaget er:",
    note="examples, not a binding list",
)
C_BOKFORTE = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige støtten",
)
C_STOTTEBELOP = Citation(
    SOURCE, "Støttebeløp",
    "Det kan søkes om støtte inntil 750.000 kroner per år i inntil tre år til hovedprosjekter",
)
C_MAKS_50 = Citation(
    SOURCE, "Støttebeløp",
    "Den offentlige støtten kan maksimalt utgjøre 50 prosent av de støtteberettigede kostnadene",
)
C_STATSSTOTTE = Citation(
    SOURCE, "Støttebeløp",
    "Statsstøtteregelverket gir mer detaljerte bestemmelser for de enkelte støtteformålene",
)
C_EGENFINANSIERING = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Deltakerbedriftenes egenfinansiering må utgjøre minst 50 prosent av de støtteberettigede "
    "kostnadene og kan bestå av kontantinnbetaling, timeinnsats eller direkte utgifter",
)
C_KONTANT = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert kapitalbehov i "
    "prosjektet, minus det som finansieres av offentlige tilskudd",
)
C_PRIVATE = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Bare deltakere fra privat virksomhet i Norge, dvs. bedrifter og kunnskapsaktører som er "
    "avhengig av egen inntjening, kan kostnadsføre timer og direkte utgifter i prosjektet",
)
C_E_SOKNAD = Citation(
    SOURCE, "Hvordan søke?",
    "Det søkes om støtte til hovedprosjekter gjennom Innovasjon Norges e-søknadsportal",
)
C_ETT_AAR = Citation(SOURCE, "Hvordan søke?", "Det søkes for ett år av gangen i inntil tre år")
C_SOKNADSSKJEMA = Citation(
    SOURCE, "Hvordan søke?", "Det er et eget søknadsskjema for bedriftsnettverk"
)
C_VEDLEGG = Citation(
    SOURCE, "Hvordan søke?",
    "Tilleggsinformasjon kan gis i prosjektdokumenter som kan vedlegges e-søknaden",
)
C_FORTLOPENDE = Citation(SOURCE, "Ingen søknadsfrister", "Vi behandler søknadene fortløpende")
C_GOD_TID = Citation(
    SOURCE, "Ingen søknadsfrister",
    "Søknad for år to må sendes inn i god tid før avtalt prosjektperiode for år én utløper",
)

# --- parameters ----------------------------------------------------------------------------------

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

PARAMETERS = (
    MAX_DURATION_YEARS, MIN_SMES, MIN_NORWEGIAN_SME_SHARE, MAX_GRANT_PER_YEAR, MAX_GRANT_YEARS,
    MAX_PUBLIC_SHARE, MIN_OWN_SHARE, MAX_APPLICATION_YEARS, YEAR2_WARNING_MONTHS,
    *sme.PARAMETERS,
)

OWN_FUNDING_FORM = "cash, hours or direct expenses"
FIT_WORDING = "relevant for assessment (relevant og aktuell for nærmere vurdering)"

# --- the network's members: the applicant and the other participants ---------------------------

Fact = tuple[bool | None, tuple[str, ...]]  # value (None: unknown) and the fields that settle it

CRITERIA = {
    "company": ("a company", "not a company"),
    "sme": ("an SME", "not an SME"),
    "norway": ("established business in Norway", "no established business in Norway"),
    "sound": ("sound finances", "finances not sound"),
    "registered": ("registered in Foretaksregisteret", "not registered in Foretaksregisteret"),
}
NORWEGIAN_SME = ("company", "sme", "norway")
COUNTS_FOR_THREE = (*NORWEGIAN_SME, "sound")
COUNTS_REGISTERED = (*COUNTS_FOR_THREE, "registered")


class Member(NamedTuple):
    """One participant of the network, with the facts the minimum requirements ask about."""

    name: str
    facts: Mapping[str, Fact]
    sme_text: Text
    applicant: bool = False


@dataclass
class Tally:
    yes: list[Member] = field(default_factory=list)
    open: list[tuple[Member, tuple[str, ...]]] = field(default_factory=list)
    no: list[tuple[Member, str]] = field(default_factory=list)

    @property
    def open_fields(self) -> tuple[str, ...]:
        return tuple(f for _, fields in self.open for f in fields)


def _flag(value: bool | None, path: str) -> Fact:
    return (value, ()) if value is not None else (None, (path,))


def _applicant(ctx: Ctx) -> Member:
    c = ctx.profile.company
    try:
        status = sme.company_status(ctx)
        sme_fact: Fact = (status.is_sme, ())
        text = status.explanation
    except Missing as m:
        sme_fact, text = (None, m.fields), "SME status not known"
    return Member(
        f"{c.name} (applicant)",
        {
            "company": (True, ()),
            "sme": sme_fact,
            "norway": _flag(c.economic_activity_in_norway, "company.economic_activity_in_norway"),
            "sound": _flag(ctx.profile.declarations.sound_finances, "declarations.sound_finances"),
            "registered": _flag(c.registered_in_foretaksregisteret,
                                "company.registered_in_foretaksregisteret"),
        },
        text,
        applicant=True,
    )


def _participant(ctx: Ctx, index: int) -> Member:
    p = (ctx.profile.network.participants or [])[index]
    prefix = f"network.participants[{index}]"
    if p.kind == "company":
        try:
            is_sme, text = sme.participant_is_sme(ctx, index)
            sme_fact: Fact = (is_sme, ())
        except Missing as m:
            sme_fact, text = (None, m.fields), "SME status not known"
    else:
        sme_fact, text = (False, ()), f"a {p.kind.replace('_', ' ')}, not a company"
    return Member(
        p.name,
        {
            "company": (p.kind == "company", ()),
            "sme": sme_fact,
            "norway": _flag(p.established_in_norway, f"{prefix}.established_in_norway"),
            "sound": _flag(p.sound_finances, f"{prefix}.sound_finances"),
            "registered": _flag(p.registered_in_foretaksregisteret,
                                f"{prefix}.registered_in_foretaksregisteret"),
        },
        text,
    )


def members(ctx: Ctx) -> tuple[Member, ...] | None:
    """The applicant first, then the other participants; None when they are not listed (the
    rules counting them then give ``missing("network.participants")``). Made once per context:
    BN08, BN09 and BN11 each count them."""
    if ctx.value("network.participants") is None:  # most profiles: before the memo (cheaper)
        return None
    return ctx.once(_members)


def _members(ctx: Ctx) -> tuple[Member, ...]:
    participants = ctx.need("network.participants")
    return (_applicant(ctx), *(_participant(ctx, i) for i in range(len(participants))))


def tally(group: Sequence[Member], criteria: Sequence[str]) -> Tally:
    """Who meets every criterion, who cannot, and who might (with the fields that would tell)."""
    out = Tally()
    for m in group:
        known = True
        unsettled: list[str] = []  # the fields that would settle the criteria not known
        for c in criteria:
            value, fields = m.facts[c]
            if value is False:
                out.no.append((m, CRITERIA[c][1]))
                break
            if value is None:
                known = False
                unsettled += fields
        else:
            if known:
                out.yes.append(m)
            else:
                out.open.append((m, tuple(unsettled)))
    return out


def _names(group: Sequence[Member]) -> str:
    return ", ".join(m.name for m in group) or "none"


def _not_counted(t: Tally) -> str:
    parts = [f"{m.name} ({why})" for m, why in t.no]
    parts += [f"{m.name} (not stated: {', '.join(fs)})" for m, fs in t.open]
    return "; not counted: " + ", ".join(parts) if parts else ""


def _share_text(count: int, total: int) -> str:
    if total == 0:
        return "0 %"
    pct = (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return format_percent(pct / 100)


# --- money helpers --------------------------------------------------------------------------------


def grant_cap(ctx: Ctx) -> tuple[Money, str]:
    """NOK 750,000 in the company's currency, with a sentence on the rate used (if any): the
    same for every profile of a batch, so made once (BN16 and the amounts state it)."""
    return ctx.constant(_grant_cap)


def _grant_cap(ctx: Ctx) -> tuple[Money, str]:
    cap = MAX_GRANT_PER_YEAR.money(ctx.on)
    cur = ctx.currency
    if cur == cap.currency:
        return cap, ""
    rates = ctx.fx.describe_conversion(cap.currency, cur)
    return ctx.convert(cap, cur).floored(), f" ({cap} converted at {rates})"


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February: the period runs to the end of February
        return date(d.year + years, 3, 1)


def _months_before(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


# --- rules, in the order of the page --------------------------------------------------------------

rules = RuleBook()

rules.declaration(
    "BN01", "The companies have growth ambitions and set up commercial, strategic and "
    "market-oriented cooperation", "network_growth_ambitions", cites=[C_VEKSTAMBISJONER],
)


@rules.rule("BN02", "Networks in most sectors can apply (the state-aid rules exclude some "
            "sectors the page does not name)", kind=Kind.INFO, cites=[C_BRANSJER, C_STATSSTOTTE])
def sectors(ctx: Ctx) -> Check:
    """'i de aller fleste bransjer og næringer': some sectors are excluded, none are named."""
    return _info("networks in most sectors can apply; the state-aid rules set more detailed "
                 "provisions and exclude some sectors, which the page does not name: ask "
                 "Innovasjon Norge's district office whether the network's sector is covered")


@rules.rule("BN03", "The main project lasts at most three years", kind=Kind.HARD,
            cites=[C_TRE_AARS_VARIGHET],
            reads=["network.duration_years", "project.start", "project.end"])
def duration(ctx: Ctx) -> Check:
    """'hovedprosjekter med inntil tre års varighet': three years pass, more fail."""
    limit = MAX_DURATION_YEARS.at(ctx.on)
    years = ctx.profile.network.duration_years
    start, end = ctx.profile.project.start, ctx.profile.project.end
    if years is None and (start is None or end is None):
        return unknown("the profile states neither network.duration_years nor both project.start "
                       "and project.end", "network.duration_years",
                       fix="state network.duration_years, or project.start and project.end")
    found: list[str] = []
    problems: list[str] = []
    fixes: list[str] = []
    if years is not None:
        found.append(f"network.duration_years = {years}")
        if years > limit:
            problems.append(f"{years} years > {limit} years")
            fixes.append(f"plan the main project for at most {limit} years ({years - limit} less)")
    if start is not None and end is not None:
        last_day = _add_years(start, limit) - timedelta(days=1)
        found.append(f"project {start} to {end}")
        if end > last_day:
            problems.append(f"the project from {start} to {end} runs past {last_day}, the last "
                            f"day of {limit} years")
            fixes.append(f"end the project by {last_day}")
    if problems:
        return failed("; ".join(problems) + f" (at most {limit} years)", "; ".join(fixes))
    return passed(", ".join(found) + f": at most {limit} years")


@rules.rule("BN04", "The applicant acts as administrator for the network and is one of its "
            "participants", kind=Kind.INFO, cites=[C_ADMINISTRATOR],
            reads=["company.name", "network.participants"])
def administrator(ctx: Ctx) -> Check:
    """The profile's company is read as the søkerbedrift/administrator chosen by the network."""
    others = ctx.profile.network.participants
    count = "the other participants are not listed (network.participants)" if others is None \
        else f"{len(others) + 1} participants with it"
    return info(f"{ctx.profile.company.name} is read as the søkerbedrift/administrator that the "
                f"participants agree on, and counts as a participant ({count})")


@rules.rule("BN05", "The applicant runs economic activity in Norway", kind=Kind.HARD,
            cites=[C_SOKERBEDRIFT], reads=["company.economic_activity_in_norway"])
def applicant_activity(ctx: Ctx) -> Check:
    """'Søkerbedriften må drive økonomisk virksomhet i Norge'."""
    stated = ctx.value("company.economic_activity_in_norway")
    if stated is None:
        return missing("company.economic_activity_in_norway")
    ok = bool(stated)
    return check(ok, f"company.economic_activity_in_norway = {str(ok).lower()}",
                 "the applicant must run economic activity in Norway; another participant that "
                 "does could apply as administrator")


rules.declaration("BN06", "The applicant has sound finances", "sound_finances",
                  cites=[C_SOKERBEDRIFT])


@rules.rule("BN07", "The applicant is registered in Foretaksregisteret", kind=Kind.HARD,
            cites=[C_SOKERBEDRIFT], reads=["company.registered_in_foretaksregisteret"])
def applicant_registered(ctx: Ctx) -> Check:
    """'være registrert i Foretaksregisteret i Norge'."""
    stated = ctx.value("company.registered_in_foretaksregisteret")
    if stated is None:
        return missing("company.registered_in_foretaksregisteret")
    ok = bool(stated)
    return check(ok, f"company.registered_in_foretaksregisteret = {str(ok).lower()}",
                 "register the applicant in Foretaksregisteret (Brønnøysundregistrene), or let a "
                 "registered participant apply as administrator")


_MEMBER_READS = (
    "company.employees_fte", "company.owners_fte", "company.turnover",
    "company.balance_sheet_total", "company.related", "company.previous_year",
    "company.public_ownership_percent", "company.economic_activity_in_norway",
    "declarations.sound_finances", "network.participants", "network.participants[].kind",
    "network.participants[].sme", "network.participants[].staff",
    "network.participants[].turnover", "network.participants[].balance_sheet_total",
    "network.participants[].established_in_norway",
)


def _count_rule(ctx: Ctx, criteria: Sequence[str], what: str, extra_fix: str = "",
                show_sme: bool = False) -> Check:
    group = members(ctx)
    if group is None:
        return missing("network.participants")
    need = MIN_SMES.at(ctx.on)
    t = tally(group, criteria)
    k, n = len(t.yes), len(group)
    applicant = group[0]
    shown = show_sme and applicant.facts["sme"][0] is not None

    def sme_note() -> str:
        return f"; the applicant's SME status: {text_of(applicant.sme_text)}" if shown else ""

    if k >= need:
        return passed(lambda: f"{k} of {n} participants are {what}: {_names(t.yes)} (at least "
                      f"{need} required){sme_note()}")
    if k + len(t.open) < need:
        return failed(f"only {k} of {n} participants are {what}: {_names(t.yes)}"
                      f"{_not_counted(t)} (at least {need} required){sme_note()}",
                      f"the network needs at least {need} such companies ({need - k} more)"
                      f"{extra_fix}")
    could = ", ".join(f"{m.name} (needs {', '.join(fs)})" for m, fs in t.open)
    return unknown(f"{k} of {n} participants are known to be {what} ({_names(t.yes)}); "
                   f"{len(t.open)} more could be: {could} (at least {need} required)",
                   *t.open_fields)


@rules.rule("BN08", "At least three SMEs with established business in Norway and sound finances "
            "take part", kind=Kind.HARD, cites=[C_TRE_SMB, *sme.CITES],
            reads=[*_MEMBER_READS, "network.participants[].sound_finances"])
def three_smes(ctx: Ctx) -> Check:
    """'minst tre små og mellomstore bedrifter med etablert virksomhet i Norge og sunn økonomi'.

    The applicant counts if it is one; SME status by the EU definition (not on the page)."""
    return _count_rule(ctx, COUNTS_FOR_THREE,
                       "SMEs with established business in Norway and sound finances",
                       show_sme=True)


@rules.rule("BN09", "Those SMEs are registered in Foretaksregisteret", kind=Kind.HARD,
            cites=[C_FORETAKSREGISTERET, C_TRE_SMB],
            reads=[*_MEMBER_READS, "network.participants[].sound_finances",
                   "company.registered_in_foretaksregisteret",
                   "network.participants[].registered_in_foretaksregisteret"])
def smes_registered(ctx: Ctx) -> Check:
    """'Bedriftene må være registrert i Foretaksregisteret i Norge': at least three of the SMEs
    counted under BN08."""
    group = members(ctx)
    if group is None:
        return missing("network.participants")
    unregistered = [m.name for m in tally(group, COUNTS_FOR_THREE).yes
                    if m.facts["registered"][0] is False]
    extra = f"; register {', '.join(unregistered)} in Foretaksregisteret" if unregistered else ""
    return _count_rule(ctx, COUNTS_REGISTERED,
                       "SMEs with established business in Norway and sound finances, registered "
                       "in Foretaksregisteret", extra)


@rules.rule("BN10", "There are no ownership relations between the companies", kind=Kind.SOFT,
            cites=[C_EIERFORHOLD],
            reads=["network.applicant_ownership_links", "network.participants",
                   "network.participants[].ownership_links"])
def no_ownership(ctx: Ctx) -> Check:
    """'Det skal normalt ikke være eierforhold mellom bedriftene': any link warns (no threshold)."""
    links: list[str] = []
    open_fields: list[str] = []
    own = ctx.profile.network.applicant_ownership_links
    if own is None:
        open_fields.append("network.applicant_ownership_links")
    else:
        links += [f"{ctx.profile.company.name} – {other}" for other in own]
    participants = ctx.profile.network.participants
    if participants is None:
        open_fields.append("network.participants")
    else:
        for i, p in enumerate(participants):
            if p.ownership_links is None:
                open_fields.append(f"network.participants[{i}].ownership_links")
            else:
                links += [f"{p.name} – {other}" for other in p.ownership_links]
    if links:
        return failed(f"ownership relations between participants: {', '.join(links)}; there "
                      "should normally be none (the page sets no threshold)",
                      "explain in the application why the ownership does not weaken the "
                      "cooperation, or let unrelated companies take part")
    if open_fields:
        return unknown("ownership links are not stated for every participant", *open_fields,
                       fix="state the ownership links ([] for none): " + ", ".join(open_fields))
    return passed(f"no ownership relations between the {len(participants or []) + 1} "
                  "participants")


@rules.rule("BN11", "Norwegian SMEs are at least half of the participants", kind=Kind.HARD,
            cites=[C_NORSKE_SMB_ANDEL, *sme.CITES], reads=_MEMBER_READS)
def norwegian_sme_share(ctx: Ctx) -> Check:
    """'norske små og mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne': entities,
    the applicant included; exactly 50 % passes."""
    group = members(ctx)
    if group is None:
        return missing("network.participants")
    rate = MIN_NORWEGIAN_SME_SHARE.at(ctx.on)
    t = tally(group, NORWEGIAN_SME)
    k, u, n = len(t.yes), len(t.open), len(group)
    required = f"at least {format_percent(rate)} required"
    text = f"{k} Norwegian SMEs of {n} participants ({_share_text(k, n)}; {required})"
    if Decimal(k) >= rate * n:
        return passed(f"{text}: {_names(t.yes)}")
    if Decimal(k + u) < rate * n:
        add = int(((rate * n - k) / (1 - rate)).to_integral_value(rounding=ROUND_CEILING))
        fix = f"add {add} Norwegian SME(s)"
        if k > 0:
            fewer = int((n - Decimal(k) / rate).to_integral_value(rounding=ROUND_CEILING))
            fix += f", or have {fewer} fewer other participants"
        return failed(f"{text}{_not_counted(t)}", fix)
    could = ", ".join(f"{m.name} (needs {', '.join(fs)})" for m, fs in t.open)
    return unknown(f"{text} known; {u} more could be Norwegian SMEs: {could}", *t.open_fields)


rules.declaration(
    "BN12", "The purpose is growth and value creation through new market opportunities, built "
    "on the companies' existing products, services, competence and technology",
    "network_market_purpose", cites=[C_FORMAL],
)
rules.declaration(
    "BN13", "The project is strategic cooperation between companies with common needs and "
    "complementary resources", "network_strategic_cooperation", cites=[C_STRATEGISK],
)


@rules.rule("BN14", "Costs of joint development activities can be supported (the cost list is "
            "examples)", kind=Kind.INFO, cites=[C_FELLES_UTVIKLING, C_KOSTNADER])
def eligible_costs(ctx: Ctx) -> Check:
    """'Eksempler på kostnader': the list is examples, not a binding list."""
    return _info("support covers part of the costs of joint development activities; the page "
                 "gives examples (the administrator's project management, facilitation, "
                 "administration and purchased services; participants' hours; participants' "
                 "travel), not a binding list: a cost of another kind needs a justification. "
                 "Cost lines are checked by `grantcheck budget`")


@rules.rule("BN15", "The administrator's booked costs are at least the public support",
            kind=Kind.INFO, cites=[C_BOKFORTE], reads=["project.grant_sought"])
def booked_costs(ctx: Ctx) -> Check:
    """'Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige
    støtten': a budget-line rule, checked by `grantcheck budget`."""
    sought = ctx.profile.project.grant_sought
    amount = f" ({ctx.money(sought)}, the grant sought, plus any other public support)" \
        if sought is not None else ""
    return info(f"the costs booked at {ctx.profile.company.name} (the administrator) must be at "
                f"least the public support{amount}; checked line by line by `grantcheck budget`")


@rules.rule("BN16", "The grant sought is at most NOK 750,000 for the project year",
            kind=Kind.HARD, cites=[C_STOTTEBELOP], reads=["project.grant_sought"])
def grant_within_cap(ctx: Ctx) -> Check:
    """'inntil 750.000 kroner per år i inntil tre år'."""
    cap, rate_note = grant_cap(ctx)
    sought = ctx.profile.project.grant_sought
    if sought is None:
        return ctx.constant(_no_grant_stated)
    grant = ctx.money(sought)
    if grant <= cap:
        return passed(lambda: f"grant sought {grant} ≤ {cap} per project year{rate_note}")
    return failed(f"grant sought {grant} > {cap} per project year{rate_note}",
                  f"seek at most {cap} for the year ({grant - cap} less)")


def _no_grant_stated(ctx: Ctx) -> Check:
    """BN16 for a profile stating no grant: the same for every profile of a batch."""
    cap, rate_note = grant_cap(ctx)
    return _info(f"no grant amount stated (project.grant_sought): up to {cap} can be sought "
                 f"per project year{rate_note}")


@rules.rule("BN17", "Public support is at most 50 % of the eligible costs", kind=Kind.HARD,
            cites=[C_MAKS_50], reads=["project.grant_sought", "project.budget_total"])
def public_share(ctx: Ctx) -> Check:
    """'Den offentlige støtten kan maksimalt utgjøre 50 prosent av de støtteberettigede
    kostnadene'."""
    rate = MAX_PUBLIC_SHARE.at(ctx.on)
    sought = ctx.profile.project.grant_sought
    if sought is None:
        return _info(f"no grant amount stated (project.grant_sought): public support may be at "
                     f"most {format_percent(rate)} of the eligible costs")
    grant = ctx.money(sought)
    budget = ctx.money(ctx.need("project.budget_total"))
    limit = budget * rate
    ok = grant <= limit
    share = f" ({_share_text_money(grant, budget)} of the eligible costs {budget})" \
        if budget.amount > 0 else f" (eligible costs {budget})"
    message = (f"grant sought {grant}{share} {'≤' if ok else '>'} {limit.rounded()}, "
               f"{format_percent(rate)} of them; other public support in the project counts too")
    if ok:
        return passed(message)
    return failed(message, f"seek at most {limit.floored()}, or show eligible costs of at least "
                  f"{Money(grant.amount / rate, grant.currency).rounded()}")


def _share_text_money(part: Money, whole: Money) -> str:
    pct = (part.amount * 100 / whole.amount).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return format_percent(pct / 100)


@rules.rule("BN18", "The participants fund at least 50 % of the eligible costs in cash, hours or "
            "direct expenses", kind=Kind.INFO, cites=[C_EGENFINANSIERING],
            reads=["project.grant_sought", "project.budget_total"])
def own_financing(ctx: Ctx) -> Check:
    """'egenfinansiering må utgjøre minst 50 prosent': with this grant as the only public support
    it is the mirror of BN17; its form is checked by `grantcheck budget`."""
    rate = MIN_OWN_SHARE.at(ctx.on)
    sought, total = ctx.profile.project.grant_sought, ctx.profile.project.budget_total
    rule = f"at least {format_percent(rate)} of the eligible costs, as {OWN_FUNDING_FORM}"
    if sought is None or total is None:
        return _info(f"the participants' own financing must be {rule}; with project.budget_total "
                     "and project.grant_sought it is shown here; the form of each line is checked "
                     "by `grantcheck budget`")
    budget = ctx.money(total)
    own = budget - ctx.money(sought)
    share = f" ({_share_text_money(own, budget)})" if budget.amount > 0 else ""
    return info(f"own financing {own}{share} if the grant sought is the only public support; "
                f"{rule}: at least {(budget * rate).rounded()}; the form of each line is checked "
                "by `grantcheck budget`")


@rules.rule("BN19", "The participants' cash payment is at least the capital need minus public "
            "grants", kind=Kind.INFO, cites=[C_KONTANT])
def cash_payment(ctx: Ctx) -> Check:
    """'kontantinnbetaling ... må minst tilsvare budsjettert kapitalbehov i prosjektet, minus det
    som finansieres av offentlige tilskudd': a budget-line rule."""
    return _info("the participants' cash payment must be at least the budgeted capital need (the "
                 "cash cost lines: the administrator's costs and purchased services) minus the "
                 "public grants; checked by `grantcheck budget`")


@rules.rule("BN20", "Only private participants in Norway book hours and direct expenses",
            kind=Kind.INFO, cites=[C_PRIVATE],
            reads=["network.participants[].private", "network.participants[].kind",
                   "network.participants[].established_in_norway"])
def private_in_kind(ctx: Ctx) -> Check:
    """'Bare deltakere fra privat virksomhet i Norge ... kan kostnadsføre timer og direkte
    utgifter': others contribute cash only; checked per budget line by `grantcheck budget`."""
    cash_only: list[str] = []
    not_stated: list[str] = []
    for i, p in enumerate(ctx.profile.network.participants or []):
        if p.kind == "public_body" or p.private is False or p.established_in_norway is False:
            cash_only.append(p.name)
        elif p.private is None or p.established_in_norway is None:
            not_stated.append(f"network.participants[{i}]")
    parts = ["only participants from private business in Norway may book hours and direct "
             "expenses; others contribute cash"]
    if cash_only:
        parts.append(f"cash only: {', '.join(cash_only)}")
    if not_stated:
        parts.append(f"not stated (private, established_in_norway): {', '.join(not_stated)}")
    parts.append("checked per budget line by `grantcheck budget`")
    return info("; ".join(parts))


@rules.rule("BN21", "The application covers one project year, of at most three", kind=Kind.HARD,
            cites=[C_ETT_AAR, C_STOTTEBELOP], reads=["network.project_year"])
def project_year(ctx: Ctx) -> Check:
    """'Det søkes for ett år av gangen i inntil tre år'."""
    limit = MAX_APPLICATION_YEARS.at(ctx.on)
    stated = ctx.value("network.project_year")
    if stated is None:
        return missing("network.project_year")
    year = int(stated)
    return check(year <= limit,
                 f"application for project year {year} {'≤' if year <= limit else '>'} {limit} "
                 "(one year at a time)",
                 f"support is given for at most {limit} project years; year {year} is beyond "
                 "them")


@rules.rule("BN22", "The year-2 application is sent in good time before year 1 ends",
            kind=Kind.SOFT, cites=[C_GOD_TID_WINDOW],
            reads=["network.project_year", "network.year1_end"])
def year2_in_good_time(ctx: Ctx) -> Check:
    """'Søknad for år to må sendes inn i god tid': warns within a window before the year-1 end
    (the window is grantcheck's choice, not the page's)."""
    year = int(ctx.need("network.project_year"))
    if year != 2:
        return passed(f"not applicable: the application is for project year {year}; the page "
                      "sets this for the year-2 application")
    end: date = ctx.need("network.year1_end")
    months = YEAR2_WARNING_MONTHS.at(ctx.on)
    warn_from = _months_before(end, months)
    days = (end - ctx.on).days
    if ctx.on < warn_from:
        return passed(f"year 1 ends {end}, {days} days after {ctx.on}: before the {months}-month "
                      f"window (from {warn_from}) in which grantcheck warns")
    if ctx.on <= end:
        return failed(f"year 1 ends {end}, only {days} days after {ctx.on} (within the "
                      f"{months}-month window grantcheck uses; the page asks for «god tid» "
                      "and gives no number)",
                      f"send the year-2 application now, well before {end}")
    return failed(f"year 1 ended {end}, {-days} days before {ctx.on}: not in good time (BN23)",
                  "the year-2 application had to be sent before the year-1 period ended")


@rules.rule("BN23", "The year-2 application is sent before the year-1 period ends",
            kind=Kind.HARD, cites=[C_GOD_TID],
            reads=["network.project_year", "network.year1_end"])
def year2_before_end(ctx: Ctx) -> Check:
    """'før avtalt prosjektperiode for år én utløper': fails once the year-1 period has ended."""
    stated = ctx.value("network.project_year")
    if stated is None:
        return missing("network.project_year")
    year = int(stated)
    if year != 2:
        return passed(f"not applicable: the application is for project year {year}; the page "
                      "sets this for the year-2 application")
    end: date = ctx.need("network.year1_end")
    if ctx.on > end:
        return failed(f"the year-1 period ended {end}, before {ctx.on} (the evaluation date)",
                      "the year-2 application had to be sent before the year-1 period ended; if "
                      "the agreed year-1 period was extended, state its new end in "
                      "network.year1_end")
    return passed(f"the year-1 period ends {end}, on or after {ctx.on} (the evaluation date)")


# --- the rules grouped under the headings of the requirements catalogue (`grantcheck show`) -----

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Status", ("BN02", "BN03", "BN21", "BN22", "BN23")),
    ("Applicant", ("BN04", "BN05", "BN06", "BN07")),
    ("Network (minimum requirements)", ("BN01", "BN08", "BN09", "BN10", "BN11", "BN12", "BN13")),
    ("Money", ("BN15", "BN16", "BN17", "BN18", "BN19", "BN20")),
    ("Eligible costs", ("BN14",)),
)

# --- documents ------------------------------------------------------------------------------------

DOCUMENTS = (
    Document("letter_of_intent", "Intensjonsavtale (letter of intent) signed by the "
             "participating companies", (C_INTENSJONSAVTALE,)),
    Document("network_application_form", "Bedriftsnettverk application form in Innovasjon "
             "Norge's e-application portal", (C_SOKNADSSKJEMA, C_E_SOKNAD)),
)

# --- amounts --------------------------------------------------------------------------------------


AMOUNTS_CITES = (C_STOTTEBELOP, C_MAKS_50, C_EGENFINANSIERING)


@dataclass(frozen=True)
class _Terms:
    """What every basis states that depends only on the date and the cap."""

    percent: str  # the public share, "50 %"
    without_budget: str  # the whole basis when the budget is not stated
    after_share: str  # what follows the share of the budget


def _terms(ctx: Ctx) -> _Terms:
    """The texts every basis states: the same for every profile of a date, currency and rates
    (made once, through Ctx.constant)."""
    on = ctx.on
    cap, rate_note = grant_cap(ctx)
    rate = MAX_PUBLIC_SHARE.at(on)
    years = MAX_GRANT_YEARS.at(on)
    nok_cap = MAX_GRANT_PER_YEAR.money(on)
    total = (
        f"up to {years} project years, so at most {nok_cap * years} in all (derived "
        f"arithmetic, {years} × {nok_cap}, not stated on the page)"
    )
    return _Terms(
        format_percent(rate),
        f"per project year: at most {format_percent(rate)} of the year's eligible costs and at "
        f"most {cap}{rate_note}; {total}. State project.budget_total (the eligible costs of the "
        "year applied for) for the figure",
        f", at most {cap} per project year{rate_note}; own financing is the rest, at least "
        f"{format_percent(MIN_OWN_SHARE.at(on))}; {total}",
    )


def amounts(ctx: Ctx) -> Amounts:
    """Per yearly application: min(50 % of the year's eligible costs, NOK 750,000)."""
    rate = MAX_PUBLIC_SHARE.at(ctx.on)
    cap, _ = grant_cap(ctx)
    terms = ctx.constant(_terms)
    total_cost = ctx.profile.project.budget_total
    if total_cost is None:
        return Amounts(
            max_grant=cap, own_funding=None, own_funding_form=OWN_FUNDING_FORM,
            basis=terms.without_budget, rate=rate, cap=cap, cites=AMOUNTS_CITES,
            missing=("project.budget_total",),
        )
    budget = ctx.money(total_cost)
    share = budget * rate
    grant = min_money(share, cap).floored()
    return Amounts(
        max_grant=grant, own_funding=budget - grant, own_funding_form=OWN_FUNDING_FORM,
        basis=lambda: f"{terms.percent} of the year's eligible costs {budget} = "
        f"{share.rounded()}{terms.after_share}",
        rate=rate, cap=cap, cost_base=budget, cites=AMOUNTS_CITES,
    )


# --- the scheme -----------------------------------------------------------------------------------

NOTES = (
    "Meeting every minimum requirement makes the project relevant for closer assessment "
    "(«relevant og aktuell for nærmere vurdering»), not granted: Innovasjon Norge assesses it.",
    "Networks in most sectors can apply; the state-aid rules exclude some sectors that the page "
    "does not name. grantcheck does not list them: ask Innovasjon Norge's district office.",
    "One application per project year, for up to three years; the amounts are per yearly "
    "application. The year-2 application must be sent in good time before year 1 ends: "
    "grantcheck warns from two months before (its own choice; the page gives no number).",
    "The eligible costs on the page are examples, not a binding list: a cost of another kind "
    "needs a justification.",
    "Budget-line rules are checked by `grantcheck budget`: the cash payment must be at least the "
    "capital need minus public grants; the administrator's booked costs at least the public "
    "support; only private participants in Norway may book hours and direct expenses.",
    "Project documents may be attached to the e-application as additional information.",
)

SCHEME = Scheme(
    id=SCHEME_ID,
    name="Bedriftsnettverk (main projects)",
    agency="Innovasjon Norge",
    country="NO",
    currency="NOK",
    source=SOURCE,
    call=CallWindow(None, None, (C_FORTLOPENDE,), note="continuous intake, no deadline"),
    rules=tuple(rules.rules),
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=PARAMETERS,
    summary="Strategic business networks of at least three Norwegian SMEs: up to NOK 750,000 "
    "per project year for up to three years, at most 50 % of the eligible costs",
    notes=NOTES,
    fit_wording=FIT_WORDING,
)

__all__ = [
    "C_BOKFORTE", "C_EGENFINANSIERING", "C_KONTANT", "C_PRIVATE", "MAX_GRANT_PER_YEAR",
    "MAX_PUBLIC_SHARE", "MIN_OWN_SHARE", "SCHEME", "SOURCE",
]
