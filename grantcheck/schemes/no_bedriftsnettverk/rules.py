"""Bedriftsnettverk: BN01–BN13, in the order of the page: the network's aim, sectors and
duration, the applicant (administrator), and the minimum requirements on the network."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_CEILING, Decimal

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    declaration_checks,
    missing,
)
from grantcheck.law import sme
from grantcheck.law.dates import add_years
from grantcheck.money import format_percent
from grantcheck.profile import LegalForm
from grantcheck.schemes.no_bedriftsnettverk.members import (
    COUNTS_FOR_THREE,
    COUNTS_REGISTERED,
    NORWEGIAN_SME,
    _names,
    _not_counted,
    _share_text,
    count_messages,
    count_rule,
    members,
    tally,
)
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_ADMINISTRATOR,
    C_BRANSJER,
    C_EIERFORHOLD,
    C_FORETAKSREGISTERET,
    C_FORMAL,
    C_NORSKE_SMB_ANDEL,
    C_SOKERBEDRIFT,
    C_STATSSTOTTE,
    C_STRATEGISK,
    C_TRE_AARS_VARIGHET,
    C_TRE_SMB,
    C_VEKSTAMBISJONER,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_DURATION_YEARS,
    MIN_NORWEGIAN_SME_SHARE,
)
from grantcheck.schemes.no_bedriftsnettverk.sections import (
    S_APPLICANT,
    S_NETWORK,
    S_STATUS,
)

rules = RuleBook()


rules.declaration(
    "BN01", "The companies have growth ambitions and set up commercial, strategic and "
    "market-oriented cooperation", "network_growth_ambitions",
    section=S_NETWORK, cites=[C_VEKSTAMBISJONER],
)


@rules.rule("BN02", "Networks in most sectors can apply (the state-aid rules exclude some "
            "sectors the page does not name)", kind=Kind.INFO,
            section=S_STATUS, cites=[C_BRANSJER, C_STATSSTOTTE])
def sectors(ctx: Ctx) -> Check:
    """'i de aller fleste bransjer og næringer': some sectors are excluded, none are named."""
    return SECTORS_INFO


T_SECTORS = Message("networks in most sectors can apply; the state-aid rules set more detailed "
                    "provisions and exclude some sectors, which the page does not name: ask "
                    "Innovasjon Norge's district office whether the network's sector is covered")
SECTORS_INFO = T_SECTORS.info()


@rules.rule("BN03", "The main project lasts at most three years", kind=Kind.HARD,
            section=S_STATUS, cites=[C_TRE_AARS_VARIGHET],
            reads=["network.duration_years", "project.start", "project.end"])
def duration(ctx: Ctx) -> Check:
    """'hovedprosjekter med inntil tre års varighet': three years pass, more fail."""
    limit = MAX_DURATION_YEARS.at(ctx.on)
    years = ctx.profile.network.duration_years
    start, end = ctx.profile.project.start, ctx.profile.project.end
    if years is None and (start is None or end is None):
        return T_NO_DURATION.unknown("network.duration_years")
    values: dict[str, object] = {"limit": limit}
    years_over = dates_over = False
    if years is not None:
        values["years"] = years
        if years > limit:
            years_over, values["less"] = True, years - limit
    if start is not None and end is not None:
        last_day = add_years(start, limit) - timedelta(days=1)
        values.update(start=start, end=end)
        if end > last_day:
            dates_over, values["last_day"] = True, last_day
    if years_over or dates_over:
        said = T_TOO_LONG[years_over, dates_over]
        return said.failed(**{k: v for k, v in values.items() if k in said.fields})
    said = T_DURATION[years is not None, "start" in values]
    return said.passed(**{k: v for k, v in values.items() if k in said.fields})


T_NO_DURATION = Message("the profile states neither network.duration_years nor both "
                        "project.start and project.end",
                        fix="state network.duration_years, or project.start and project.end")
_YEARS_OVER = "{years} years > {limit} years"
_YEARS_FIX = "plan the main project for at most {limit} years ({less} less)"
_DATES_OVER = ("the project from {start} to {end} runs past {last_day}, the last day of {limit} "
               "years")
_DATES_FIX = "end the project by {last_day}"
_AT_MOST = " (at most {limit} years)"
T_TOO_LONG = {  # by (the years are too many, the dates span too long)
    (True, False): Message(_YEARS_OVER + _AT_MOST, fix=_YEARS_FIX),
    (False, True): Message(_DATES_OVER + _AT_MOST, fix=_DATES_FIX),
    (True, True): Message(_YEARS_OVER + "; " + _DATES_OVER + _AT_MOST,
                          fix=_YEARS_FIX + "; " + _DATES_FIX),
}
_YEARS = "network.duration_years = {years}"
_DATES = "project {start} to {end}"
T_DURATION = {  # by (the years are stated, the dates are stated)
    (True, False): Message(_YEARS + ": at most {limit} years"),
    (False, True): Message(_DATES + ": at most {limit} years"),
    (True, True): Message(_YEARS + ", " + _DATES + ": at most {limit} years"),
}


@rules.rule("BN04", "The applicant is one of the participating companies and acts as "
            "administrator for the network", kind=Kind.HARD, section=S_APPLICANT,
            cites=[C_ADMINISTRATOR, C_SOKERBEDRIFT],
            reads=["company.name", "company.legal_form", "network.participants"])
def administrator(ctx: Ctx) -> Check:
    """'én av deltaker-bedriftene tar rollen som søkerbedrift/administrator': the profile's
    company is read as the administrator the participants chose, so it must be one of their
    companies ("bedrifter"; the page names knowledge actors apart from them, and public bodies
    not at all). A public body by its legal form is none, even when registered in
    Foretaksregisteret (a kommunalt foretak, an IKS): not stated, it is not known."""
    name = ctx.profile.company.name
    form = ctx.value("company.legal_form")
    if form is None:
        return T_FORM_UNSTATED.unknown("company.legal_form", name=name)
    if form == LegalForm.PUBLIC_BODY:
        return T_PUBLIC_BODY.failed(name=name)
    others = ctx.profile.network.participants
    if others is None:
        return T_ADMINISTRATOR_ALONE.passed(name=name)
    return T_ADMINISTRATOR.passed(name=name, count=len(others) + 1)


_ADMINISTRATOR = ("{name} is read as the søkerbedrift/administrator that the participants agree "
                  "on, and counts as a participant ")
T_ADMINISTRATOR_ALONE = Message(_ADMINISTRATOR + "(the other participants are not listed "
                                "(network.participants))")
T_ADMINISTRATOR = Message(_ADMINISTRATOR + "({count} participants with it)")
T_FORM_UNSTATED = Message("{name}'s legal form is not stated (company.legal_form): the "
                          "applicant must be one of the participating companies («én av "
                          "deltaker-bedriftene»), which a public body (a kommune, a state agency, "
                          "a KF or an IKS) is not; any other legal form settles it",
                          fix="state company.legal_form (limited_company for an AS, cooperative "
                          "for an SA; public_body for a kommune, KF or IKS)")
T_PUBLIC_BODY = Message("{name} is a public body (company.legal_form = public_body), not one of "
                        "the participating companies («én av deltaker-bedriftene»)",
                        fix="let one of the participating companies apply as "
                        "søkerbedrift/administrator for the network")


@rules.rule("BN05", "The applicant runs economic activity in Norway", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_SOKERBEDRIFT],
            reads=["company.economic_activity_in_norway"])
def applicant_activity(ctx: Ctx) -> Check:
    """'Søkerbedriften må drive økonomisk virksomhet i Norge'."""
    stated = ctx.value("company.economic_activity_in_norway")
    if stated is None:
        return missing("company.economic_activity_in_norway")
    ok = bool(stated)
    return T_ACTIVITY.check(ok, stated=str(ok).lower())


T_ACTIVITY = Message("company.economic_activity_in_norway = {stated}",
                     fix="the applicant must run economic activity in Norway; another "
                     "participant that does could apply as administrator")


_SOUND_FINANCES = declaration_checks("declarations.sound_finances")


@rules.rule("BN06", "The applicant has sound finances", kind=Kind.DECLARATION,
            section=S_APPLICANT, cites=[C_SOKERBEDRIFT],
            reads=["declarations.sound_finances", "company.in_difficulty"])
def applicant_sound_finances(ctx: Ctx) -> Check:
    """'ha sunn økonomi': no number on the page, so the applicant declares it. An undertaking
    in difficulty (company.in_difficulty: in bankruptcy or restructuring proceedings, or more
    than half of its capital lost; GBER art. 2(18)) does not have sound finances, whatever is
    declared: that settles it without the declaration (our reading; the page names no test)."""
    if ctx.profile.company.in_difficulty:
        return IN_DIFFICULTY
    declared = ctx.profile.declarations
    return _SOUND_FINANCES[None if declared is None else declared.sound_finances]


T_IN_DIFFICULTY = Message("company.in_difficulty = true (an undertaking in difficulty: "
                          "bankruptcy or restructuring proceedings, or more than half of its "
                          "capital lost): not sound finances",
                          fix="the scheme requires sound finances; it can only change if the "
                          "facts change")
IN_DIFFICULTY = T_IN_DIFFICULTY.failed()


@rules.rule("BN07", "The applicant is registered in Foretaksregisteret", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_SOKERBEDRIFT],
            reads=["company.registered_in_foretaksregisteret"])
def applicant_registered(ctx: Ctx) -> Check:
    """'være registrert i Foretaksregisteret i Norge'."""
    stated = ctx.value("company.registered_in_foretaksregisteret")
    if stated is None:
        return missing("company.registered_in_foretaksregisteret")
    ok = bool(stated)
    return T_REGISTERED.check(ok, stated=str(ok).lower())


T_REGISTERED = Message("company.registered_in_foretaksregisteret = {stated}",
                       fix="register the applicant in Foretaksregisteret "
                       "(Brønnøysundregistrene), or let a registered participant apply as "
                       "administrator")


_MEMBER_READS = (
    "company.employees_fte", "company.owners_fte", "company.turnover",
    "company.balance_sheet_total", "company.related", "company.previous_year",
    "company.public_ownership_percent", "company.economic_activity_in_norway",
    "company.legal_form", "company.in_difficulty",
    "declarations.sound_finances", "network.participants", "network.participants[].kind",
    "network.participants[].sme", "network.participants[].staff",
    "network.participants[].turnover", "network.participants[].balance_sheet_total",
    "network.participants[].established_in_norway",
)


@rules.rule("BN08", "At least three SMEs with established business in Norway and sound finances "
            "take part", kind=Kind.HARD, section=S_NETWORK, cites=[C_TRE_SMB, *sme.CITES],
            reads=[*_MEMBER_READS, "network.participants[].sound_finances"])
def three_smes(ctx: Ctx) -> Check:
    """'minst tre små og mellomstore bedrifter med etablert virksomhet i Norge og sunn økonomi'.

    The applicant counts if it is one; SME status by the EU definition (not on the page)."""
    return count_rule(ctx, COUNTS_FOR_THREE, T_THREE_SMES)


T_THREE_SMES = count_messages("SMEs with established business in Norway and sound finances",
                               sme=True)


@rules.rule("BN09", "Those SMEs are registered in Foretaksregisteret", kind=Kind.HARD,
            section=S_NETWORK, cites=[C_FORETAKSREGISTERET, C_TRE_SMB],
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
    if not unregistered:
        return count_rule(ctx, COUNTS_REGISTERED, T_SMES_REGISTERED)
    return count_rule(ctx, COUNTS_REGISTERED, T_SMES_REGISTERED,
                       unregistered=lambda: ", ".join(unregistered))


T_SMES_REGISTERED = count_messages("SMEs with established business in Norway and sound "
                                    "finances, registered in Foretaksregisteret",
                                    then="; register {unregistered} in Foretaksregisteret")


@rules.rule("BN10", "There are no ownership relations between the companies", kind=Kind.SOFT,
            section=S_NETWORK, cites=[C_EIERFORHOLD],
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
        return T_OWNERSHIP.failed(links=lambda: ", ".join(links))
    if open_fields:
        return T_OWNERSHIP_OPEN.unknown(*open_fields, fields=", ".join(open_fields))
    return T_NO_OWNERSHIP.passed(n=len(participants or []) + 1)


T_OWNERSHIP = Message("ownership relations between participants: {links}; there should normally "
                      "be none (the page sets no threshold)",
                      fix="explain in the application why the ownership does not weaken the "
                      "cooperation, or let unrelated companies take part")
T_OWNERSHIP_OPEN = Message("ownership links are not stated for every participant",
                           fix="state the ownership links ([] for none): {fields}")
T_NO_OWNERSHIP = Message("no ownership relations between the {n} participants")


@rules.rule("BN11", "Norwegian SMEs are at least half of the participants", kind=Kind.HARD,
            section=S_NETWORK, cites=[C_NORSKE_SMB_ANDEL, *sme.CITES], reads=_MEMBER_READS)
def norwegian_sme_share(ctx: Ctx) -> Check:
    """'norske små og mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne': entities,
    the applicant included; exactly 50 % passes."""
    group = members(ctx)
    if group is None:
        return missing("network.participants")
    rate = MIN_NORWEGIAN_SME_SHARE.at(ctx.on)
    t = tally(group, NORWEGIAN_SME)
    k, u, n = len(t.yes), len(t.open), len(group)
    values: dict[str, object] = {"k": k, "n": n, "share": lambda: _share_text(k, n),
                                 "rate": format_percent(rate)}
    if Decimal(k) >= rate * n:
        return T_SHARE.passed(names=lambda: _names(t.yes), **values)
    if Decimal(k + u) < rate * n:
        add = int(((rate * n - k) / (1 - rate)).to_integral_value(rounding=ROUND_CEILING))
        not_counted = {"not_counted": lambda: _not_counted(t)}
        if k == 0:
            return T_SHARE_NONE.failed(add=add, **not_counted, **values)
        fewer = int((n - Decimal(k) / rate).to_integral_value(rounding=ROUND_CEILING))
        return T_SHARE_LOW.failed(add=add, fewer=fewer, **not_counted, **values)
    return T_SHARE_OPEN.unknown(
        *t.open_fields, u=u, **values,
        could=lambda: ", ".join(f"{m.name} (needs {', '.join(fs)})" for m, fs in t.open))


_SHARE = "{k} Norwegian SMEs of {n} participants ({share}; at least {rate} required)"
T_SHARE = Message(_SHARE + ": {names}")
T_SHARE_NONE = Message(_SHARE + "{not_counted}", fix="add {add} Norwegian SME(s)")
T_SHARE_LOW = Message(_SHARE + "{not_counted}",
                      fix="add {add} Norwegian SME(s), or have {fewer} fewer other participants")
T_SHARE_OPEN = Message(_SHARE + " known; {u} more could be Norwegian SMEs: {could}")


rules.declaration(
    "BN12", "The purpose is growth and value creation through new market opportunities, built "
    "on the companies' existing products, services, competence and technology",
    "network_market_purpose", section=S_NETWORK, cites=[C_FORMAL],
)
rules.declaration(
    "BN13", "The project is strategic cooperation between companies with common needs and "
    "complementary resources", "network_strategic_cooperation",
    section=S_NETWORK, cites=[C_STRATEGISK],
)

