"""Bedriftsnettverk: BN01–BN13, in the order of the page: the network's aim, sectors and
duration, the applicant (administrator), and the minimum requirements on the network."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from decimal import ROUND_CEILING, Decimal

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    RuleBook,
    check,
    declaration_checks,
    failed,
    info,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.law import sme
from grantcheck.law.dates import add_years
from grantcheck.money import format_percent
from grantcheck.schemes.no_bedriftsnettverk.members import (
    COUNTS_FOR_THREE,
    COUNTS_REGISTERED,
    NORWEGIAN_SME,
    _names,
    _not_counted,
    _share_text,
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
    MIN_SMES,
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
    return info("networks in most sectors can apply; the state-aid rules set more detailed "
                 "provisions and exclude some sectors, which the page does not name: ask "
                 "Innovasjon Norge's district office whether the network's sector is covered")


@rules.rule("BN03", "The main project lasts at most three years", kind=Kind.HARD,
            section=S_STATUS, cites=[C_TRE_AARS_VARIGHET],
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
        last_day = add_years(start, limit) - timedelta(days=1)
        found.append(f"project {start} to {end}")
        if end > last_day:
            problems.append(f"the project from {start} to {end} runs past {last_day}, the last "
                            f"day of {limit} years")
            fixes.append(f"end the project by {last_day}")
    if problems:
        return failed("; ".join(problems) + f" (at most {limit} years)", "; ".join(fixes))
    return passed(", ".join(found) + f": at most {limit} years")


@rules.rule("BN04", "The applicant acts as administrator for the network and is one of its "
            "participants", kind=Kind.INFO, section=S_APPLICANT, cites=[C_ADMINISTRATOR],
            reads=["company.name", "network.participants"])
def administrator(ctx: Ctx) -> Check:
    """The profile's company is read as the søkerbedrift/administrator chosen by the network."""
    others = ctx.profile.network.participants
    count = "the other participants are not listed (network.participants)" if others is None \
        else f"{len(others) + 1} participants with it"
    return info(f"{ctx.profile.company.name} is read as the søkerbedrift/administrator that the "
                f"participants agree on, and counts as a participant ({count})")


@rules.rule("BN05", "The applicant runs economic activity in Norway", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_SOKERBEDRIFT],
            reads=["company.economic_activity_in_norway"])
def applicant_activity(ctx: Ctx) -> Check:
    """'Søkerbedriften må drive økonomisk virksomhet i Norge'."""
    stated = ctx.value("company.economic_activity_in_norway")
    if stated is None:
        return missing("company.economic_activity_in_norway")
    ok = bool(stated)
    return check(ok, f"company.economic_activity_in_norway = {str(ok).lower()}",
                 "the applicant must run economic activity in Norway; another participant that "
                 "does could apply as administrator")


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
        return failed("company.in_difficulty = true (an undertaking in difficulty: bankruptcy or "
                      "restructuring proceedings, or more than half of its capital lost): not "
                      "sound finances",
                      "the scheme requires sound finances; it can only change if the facts "
                      "change")
    declared = ctx.profile.declarations
    return _SOUND_FINANCES[None if declared is None else declared.sound_finances]


@rules.rule("BN07", "The applicant is registered in Foretaksregisteret", kind=Kind.HARD,
            section=S_APPLICANT, cites=[C_SOKERBEDRIFT],
            reads=["company.registered_in_foretaksregisteret"])
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
            "take part", kind=Kind.HARD, section=S_NETWORK, cites=[C_TRE_SMB, *sme.CITES],
            reads=[*_MEMBER_READS, "network.participants[].sound_finances"])
def three_smes(ctx: Ctx) -> Check:
    """'minst tre små og mellomstore bedrifter med etablert virksomhet i Norge og sunn økonomi'.

    The applicant counts if it is one; SME status by the EU definition (not on the page)."""
    return _count_rule(ctx, COUNTS_FOR_THREE,
                       "SMEs with established business in Norway and sound finances",
                       show_sme=True)


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
    extra = f"; register {', '.join(unregistered)} in Foretaksregisteret" if unregistered else ""
    return _count_rule(ctx, COUNTS_REGISTERED,
                       "SMEs with established business in Norway and sound finances, registered "
                       "in Foretaksregisteret", extra)


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
    "network_market_purpose", section=S_NETWORK, cites=[C_FORMAL],
)
rules.declaration(
    "BN13", "The project is strategic cooperation between companies with common needs and "
    "complementary resources", "network_strategic_cooperation",
    section=S_NETWORK, cites=[C_STRATEGISK],
)

