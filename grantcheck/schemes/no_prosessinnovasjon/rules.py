"""Prosess- og organisasjonsinnovasjon's rules, PO01–PO10, in the order of the page.

Under the headings of the requirements catalogue (`grantcheck show`): the applicant (its size
under GBER art. 29, a Norwegian company, no distortion of competition), the project (the
definitions, the leap, the "Hva omfattes ikke?" list, an environmental shift) and the money
(GBER's intensity and notification threshold: the page names no amount).
"""

from __future__ import annotations

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    RuleBook,
    Unsettled,
    check,
    dated,
    failed,
    info,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.fx import RATE_CITATION
from grantcheck.law import gber, sme
from grantcheck.money import format_percent
from grantcheck.schemes.no_prosessinnovasjon.derived import SIZE_FIELDS, share, threshold
from grantcheck.schemes.no_prosessinnovasjon.grant import applicant_intensity, grant_for
from grantcheck.schemes.no_prosessinnovasjon.page import (
    C_ANALYSER,
    C_EXCLUSIONS,
    C_FORRETNINGSMODELL,
    C_GBER29,
    C_IKKE,
    C_IKKE_UTSTYR,
    C_KONKURRANSEKRAFT,
    C_KONKURRANSEVRIDNING,
    C_LOEFT,
    C_MILJOTEKNOLOGI,
    C_OMLEGGING,
    C_ORGANISASJON,
    C_PROSESS,
    C_SMB,
    EU_4_1_L,
    EU_29_2,
    EU_29_4,
    EU_2023_AMENDMENT,
    EXCLUSIONS,
)
from grantcheck.schemes.no_prosessinnovasjon.parameters import LARGE_SME_COST_SHARE

S_APPLICANT = "Applicant"
S_PROJECT = "Project"
S_MONEY = "Money"

rules = RuleBook()

# --- the applicant ------------------------------------------------------------------------------


def applicant_is_sme(ctx: Ctx) -> Check:
    """'Det forutsetter at søker er liten eller mellomstor ... og gjelder kun unntaksvis for store
    bedrifter' (GBER art. 29, through the EEA Agreement)."""
    status = sme.company_status(ctx)
    try:
        is_sme = status.is_sme
    except Unsettled:
        if ctx.value("declarations.large_enterprise_exception") is True:
            return passed(lambda: "an SME, or a large enterprise under the declared exception: "
                          f"either way it may apply ({text_of(status.explanation)})")
        raise
    if is_sme:
        return passed(lambda: f"an SME under the state-aid rules: {text_of(status.explanation)}")
    explained = text_of(status.explanation)
    cost_share = format_percent(LARGE_SME_COST_SHARE.at(ctx.on))
    condition = (f"GBER art. 29(2): aid to a large enterprise only in effective collaboration "
                 f"with SMEs that bear at least {cost_share} of the total eligible costs")
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


rules.add("PO01", "The applicant is a small or medium-sized enterprise (a large one only by the "
          "exception)", applicant_is_sme, section=S_APPLICANT,
          cites=[C_GBER29, C_SMB, EU_29_2, *sme.CITES],
          reads=[*SIZE_FIELDS, "declarations.large_enterprise_exception"])


def norwegian_company(ctx: Ctx) -> Check:
    """The page speaks of competition 'mellom norske bedrifter'; it does not exclude others."""
    country = ctx.profile.company.country
    return check(country == "NO",
                 f"company.country = {country}; the page speaks of Norwegian companies "
                 "('mellom norske bedrifter') but does not exclude others in words",
                 "explain to Innovasjon Norge how a company outside Norway fits the scheme")


rules.add("PO02", "The applicant is a Norwegian company", norwegian_company,
          section=S_APPLICANT, kind=Kind.SOFT, cites=[C_KONKURRANSEVRIDNING],
          reads=["company.country"])
rules.add("PO11", "The applicant is not an undertaking in difficulty", gber.not_in_difficulty,
          section=S_APPLICANT, cites=[C_GBER29, *gber.IN_DIFFICULTY_CITES],
          reads=[gber.IN_DIFFICULTY])
rules.declaration("PO03", "The support does not distort competition between Norwegian companies",
                  "no_competition_distortion", section=S_APPLICANT,
                  cites=[C_KONKURRANSEVRIDNING])

# --- the project --------------------------------------------------------------------------------

rules.declaration("PO04", "The project is a process and/or organisational innovation",
                  "process_or_organisational_innovation", section=S_PROJECT,
                  cites=[C_PROSESS, C_ORGANISASJON])
rules.declaration("PO05", "The project is a substantial leap for the company, tied to a new "
                  "business model", "substantial_leap", section=S_PROJECT,
                  cites=[C_LOEFT, C_FORRETNINGSMODELL, C_KONKURRANSEKRAFT])


def no_exclusion(ctx: Ctx) -> Check:
    """Each item of 'Hva omfattes ikke?' that applies takes the project out of the scheme."""
    listed = ctx.profile.project.exclusions  # stated: requires= asked for it
    if not listed:
        return passed("project.exclusions = [] : none of the 'Hva omfattes ikke?' items applies")
    named = "; ".join(f"«{EXCLUSIONS[e][0]}» ({EXCLUSIONS[e][1]})" for e in listed)
    return failed(f"{len(listed)} excluded item(s) apply: {named}",
                  "the scheme does not cover these; only a project without them can fit")


rules.add("PO06", "None of the 'Hva omfattes ikke?' exclusions applies", no_exclusion,
          section=S_PROJECT, cites=[C_IKKE_UTSTYR, C_IKKE, *C_EXCLUSIONS[1:]],
          requires=["project.exclusions"])

SHIFT_HINT = info("an environmental shift (e.g. linear to circular business model): its "
                  "activities may also qualify for a grant from miljøteknologiordningen "
                  "(not checked by grantcheck)")
NO_SHIFT_HINT = info("no environmental shift stated: the miljøteknologiordningen hint does not "
                     "apply")


def environmental_hint(ctx: Ctx) -> Check:
    """A hint, not a decision: the other scheme is not checked here."""
    return SHIFT_HINT if ctx.profile.project.environmental_shift else NO_SHIFT_HINT


rules.add("PO07", "An environmental shift may also qualify for miljøteknologiordningen",
          environmental_hint, section=S_PROJECT, kind=Kind.INFO,
          cites=[C_OMLEGGING, C_MILJOTEKNOLOGI], requires=["project.environmental_shift"])


def shift_analysed(ctx: Ctx) -> Check:
    """'nødvendig å gjennomføre grundige avklaringer og analyser før beslutningen tas'."""
    if not ctx.profile.project.environmental_shift:
        return passed("no environmental shift: no prior analysis needed")
    analysed = ctx.value("project.shift_analysed")
    if analysed:
        return passed("environmental shift with thorough clarification and analysis done "
                      "(project.shift_analysed = true)")
    said = "false" if analysed is False else "not stated"
    return failed(f"environmental shift, but project.shift_analysed is {said}: the page asks "
                  "for thorough clarification and analysis before the decision is taken",
                  "do the analysis before the decision and set project.shift_analysed = true")


rules.add("PO08", "An environmental shift is thoroughly analysed before the decision",
          shift_analysed, section=S_PROJECT, kind=Kind.SOFT, cites=[C_ANALYSER],
          requires=["project.environmental_shift"], reads=["project.shift_analysed"])

# --- the money (GBER, not the page) -------------------------------------------------------------

NO_GRANT_SOUGHT = info("no grant sought stated (project.grant_sought): the amounts show the most "
                       "the aid intensity allows")


def within_intensity(ctx: Ctx) -> Check:
    """GBER art. 29(4), not on the page: at most 50 % (SME) or 15 % (large) of eligible costs."""
    sought = ctx.value("project.grant_sought")
    if sought is None:
        return NO_GRANT_SOUGHT
    grant = ctx.money(sought)
    budget = ctx.value("project.budget_total")
    if budget is None:
        return missing("project.budget_total")
    base = ctx.money(budget)
    rate, status = applicant_intensity(ctx)
    ceiling = grant_for(base, rate)
    who = "an SME" if status.is_sme else "a large enterprise"
    message = (f"grant sought {grant} of eligible costs {base} ({share(grant, base)}); at most "
               f"{format_percent(rate)} = {ceiling} for {who} (GBER art. 29(4), not on the page)")
    if grant <= ceiling:
        return passed(message)
    return failed(message, f"lower the grant sought to {ceiling} ({(grant - ceiling)} less) or "
                  "show more eligible costs")


rules.add("PO09", "The grant sought is within the GBER aid intensity", within_intensity,
          section=S_MONEY, cites=[EU_29_4, C_GBER29],
          reads=["project.grant_sought", "project.budget_total", *SIZE_FIELDS])


@dated
def _threshold_only(ctx: Ctx) -> Check:
    """PO10 without a grant or a budget: the threshold, the same for every such profile."""
    return info("neither project.grant_sought nor project.budget_total is stated: the "
                f"notification threshold is {threshold(ctx)[1]}")


def below_notification_threshold(ctx: Ctx) -> Check:
    """GBER art. 4(1)(l), not on the page: above EUR 7.5 million the aid must be notified."""
    limit, limit_text = threshold(ctx)
    sought = ctx.value("project.grant_sought")
    if sought is not None:
        grant, what = ctx.money(sought), "grant sought"
    else:
        budget = ctx.value("project.budget_total")
        if budget is None:
            return _threshold_only(ctx)
        rate, _ = applicant_intensity(ctx)
        grant = grant_for(ctx.money(budget), rate)
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


rules.add("PO10", "The aid stays within the GBER notification threshold",
          below_notification_threshold, section=S_MONEY, kind=Kind.SOFT,
          cites=[EU_4_1_L, EU_2023_AMENDMENT, RATE_CITATION],
          reads=["project.grant_sought", "project.budget_total", *SIZE_FIELDS])

RULES = tuple(rules.rules)
