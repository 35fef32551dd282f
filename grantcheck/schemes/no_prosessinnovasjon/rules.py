"""Prosess- og organisasjonsinnovasjon's rules, PO01–PO13, in the order of the page.

Under the headings of the requirements catalogue (`grantcheck show`): the applicant (its size
under GBER art. 29, a Norwegian company, not in difficulty, not in a sector GBER art. 1(3)
excludes, no distortion of competition), the project (the
definitions, the leap, the "Hva omfattes ikke?" list, an environmental shift, and GBER art.
6(2)'s application before the work starts) and the money
(GBER's intensity and notification threshold: the page names no amount).
"""

from __future__ import annotations

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    Unsettled,
    dated,
    missing,
    passed,
)
from grantcheck.fx import RATE_CITATION
from grantcheck.law import country, gber, sme
from grantcheck.money import Money, format_percent
from grantcheck.schemes.no_prosessinnovasjon.derived import (
    SIZE_FIELDS,
    share,
    threshold_converted,
)
from grantcheck.schemes.no_prosessinnovasjon.grant import (
    applicant_intensity,
    grant_for,
    intensity,
)
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
    EU_1_3,
    EU_4_1_L,
    EU_29_2,
    EU_29_4,
    EU_2023_AMENDMENT,
    EXCLUSIONS,
)
from grantcheck.schemes.no_prosessinnovasjon.parameters import LARGE_SME_COST_SHARE
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion

S_APPLICANT = "Applicant"
S_PROJECT = "Project"
S_MONEY = "Money"

rules = RuleBook()

# --- the applicant ------------------------------------------------------------------------------


@gber.under_gber
def applicant_is_sme(ctx: Ctx) -> Check:
    """'Det forutsetter at søker er liten eller mellomstor ... og gjelder kun unntaksvis for store
    bedrifter' (GBER art. 29, through the EEA Agreement)."""
    status = sme.company_status(ctx)
    try:
        is_sme = status.is_sme
    except Unsettled:
        if ctx.value("declarations.large_enterprise_exception") is True:
            return T_SME_OR_EXCEPTION.passed(size=status.explanation)
        raise
    size = status.explanation  # a text made when it is shown
    if is_sme:
        return T_SME.passed(size=size)
    cost_share = format_percent(LARGE_SME_COST_SHARE.at(ctx.on))
    exception = ctx.value("declarations.large_enterprise_exception")
    # not an SME because of public bodies (Annex art. 3(4)): said so, not "a large enterprise"
    # (its size has nothing to do with it); GBER counts it as one (art. 2(24)), so the same
    # exception decides
    public = bool(status.public)
    if exception is None:
        return (T_PUBLIC_OPEN if public else T_LARGE_OPEN).unknown(
            "declarations.large_enterprise_exception", size=size, cost_share=cost_share)
    if exception:
        return (T_PUBLIC_EXCEPTION if public else T_LARGE_EXCEPTION).passed(
            size=size, cost_share=cost_share)
    return (T_PUBLIC if public else T_LARGE).failed(size=size, cost_share=cost_share)


_CONDITION = ("GBER art. 29(2): aid to a large enterprise only in effective collaboration with "
              "SMEs that bear at least {cost_share} of the total eligible costs")
T_SME_OR_EXCEPTION = Message("an SME, or a large enterprise under the declared exception: "
                             "either way it may apply ({size})")
T_SME = Message("an SME under the state-aid rules: {size}")
T_LARGE_OPEN = Message(f"a large enterprise ({{size}}); the scheme covers large enterprises only "
                       f"by exception ({_CONDITION}), and the profile does not say whether it "
                       "applies",
                       fix="set declarations.large_enterprise_exception = true if Innovasjon "
                       f"Norge's exception applies ({_CONDITION}), false if not")
T_LARGE_EXCEPTION = Message(f"a large enterprise ({{size}}) under the declared exception; "
                            f"condition: {_CONDITION}")
T_LARGE = Message("a large enterprise ({size}) and the exception is declared not to apply: the "
                  "scheme requires a small or medium-sized enterprise",
                  fix="only an SME under the EU definition, or a large enterprise under the "
                  f"exception ({_CONDITION}), can be supported")
_AS_LARGE = ("; an undertaking that is not an SME counts under GBER as a large enterprise (art. "
             "2(24))")
T_PUBLIC_OPEN = Message("{size}" + _AS_LARGE + f", which the scheme covers only by exception "
                        f"({_CONDITION}), and the profile does not say whether it applies",
                        fix=T_LARGE_OPEN.fix)
T_PUBLIC_EXCEPTION = Message("{size}" + _AS_LARGE + f", here under the declared exception; "
                             f"condition: {_CONDITION}")
T_PUBLIC = Message("{size}" + _AS_LARGE + ", and the exception for large enterprises is "
                   "declared not to apply: the scheme requires a small or medium-sized "
                   "enterprise", fix="public bodies' control makes it no SME whatever its size "
                   f"(Rec. 2003/361/EC, Annex art. 3(4)): only the exception ({_CONDITION}) "
                   "could let it be supported")


rules.add("PO01", "The applicant is a small or medium-sized enterprise (a large one only by the "
          "exception)", applicant_is_sme, section=S_APPLICANT,
          cites=[C_GBER29, C_SMB, EU_29_2, *sme.CITES, gber.ART_2_24],
          reads=[*SIZE_FIELDS, "declarations.large_enterprise_exception"])


T_COUNTRY = Message("company.country = {country}; the page speaks of Norwegian companies "
                    "('mellom norske bedrifter') but does not exclude others in words",
                    fix="explain to Innovasjon Norge how a company outside Norway fits the "
                    "scheme")


norwegian_company = country.registered_in(
    "NO", T_COUNTRY, "The page speaks of competition 'mellom norske bedrifter'; it does not "
    "exclude others.")
rules.add("PO02", "The applicant is a Norwegian company", norwegian_company,
          section=S_APPLICANT, kind=Kind.SOFT, cites=[C_KONKURRANSEVRIDNING],
          reads=["company.country"])
rules.add("PO11", "The applicant is not an undertaking in difficulty",
          gber.under_gber(gber.not_in_difficulty),
          section=S_APPLICANT, cites=[C_GBER29, *gber.IN_DIFFICULTY_CITES],
          reads=[gber.IN_DIFFICULTY])
rules.add("PO12", "The company is not in fisheries, aquaculture or primary agriculture",
          gber.under_gber(gber.sector_not_excluded), section=S_APPLICANT, cites=[C_GBER29, EU_1_3],
          reads=[gber.SECTOR])
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
    if len(listed) == 1:  # the page's words of the one item are the template's
        return T_EXCLUDED_ONE[listed[0]].failed()
    return T_EXCLUDED.failed(
        count=len(listed), named=lambda: "; ".join(_named(e) for e in listed))


def _named(e: ProsessExclusion) -> str:
    """An exclusion as the finding names it: the page's words and ours."""
    return f"«{EXCLUSIONS[e][0]}» ({EXCLUSIONS[e][1]})"


_NOT_COVERED = "the scheme does not cover these; only a project without them can fit"
T_EXCLUDED = Message("{count} excluded item(s) apply: {named}", fix=_NOT_COVERED)
T_EXCLUDED_ONE = {
    e: Message("1 excluded item(s) apply: " + _named(e).replace("{", "{{").replace("}", "}}"),
               fix=_NOT_COVERED)
    for e in EXCLUSIONS
}


rules.add("PO06", "None of the 'Hva omfattes ikke?' exclusions applies", no_exclusion,
          section=S_PROJECT, cites=[C_IKKE_UTSTYR, C_IKKE, *C_EXCLUSIONS[1:]],
          requires=["project.exclusions"])

T_SHIFT = Message("an environmental shift (e.g. linear to circular business model): its "
                  "activities may also qualify for a grant from miljøteknologiordningen (not "
                  "checked by grantcheck)")
T_NO_SHIFT = Message("no environmental shift stated: the miljøteknologiordningen hint does not "
                     "apply")
SHIFT_HINT = T_SHIFT.info()
NO_SHIFT_HINT = T_NO_SHIFT.info()


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
    if analysed is None:  # not stated: unknown, never read as false
        return T_ANALYSIS_UNSTATED.unknown("project.shift_analysed")
    if analysed:
        return passed("environmental shift with thorough clarification and analysis done "
                      "(project.shift_analysed = true)")
    return T_NOT_ANALYSED.failed(said="false")


T_NOT_ANALYSED = Message("environmental shift, but project.shift_analysed is {said}: the page "
                         "asks for thorough clarification and analysis before the decision is "
                         "taken",
                         fix="do the analysis before the decision and set "
                         "project.shift_analysed = true")
T_ANALYSIS_UNSTATED = Message("environmental shift, and the profile does not state "
                              "project.shift_analysed: the page asks for thorough clarification "
                              "and analysis before the decision is taken")


rules.add("PO08", "An environmental shift is thoroughly analysed before the decision",
          shift_analysed, section=S_PROJECT, kind=Kind.SOFT, cites=[C_ANALYSER],
          requires=["project.environmental_shift"], reads=["project.shift_analysed"])

# GBER applies only to aid with an incentive effect (art. 6(1)); the page ties the financing to
# GBER 29 ("knyttet til GBER 29 i Statsstøtteregelverket"), which art. 6(5) does not exempt, so
# the application must come before the work starts (art. 6(2)). Not on the page.
rules.add("PO13", "The application is sent before work on the project starts",
          gber.under_gber(gber.applied_before_work_starts), section=S_PROJECT,
          cites=[C_GBER29, gber.ART_6_2],
          reads=list(gber.INCENTIVE_READS))

# --- the money (GBER, not the page) -------------------------------------------------------------

T_NO_GRANT_SOUGHT = Message("no grant sought stated (project.grant_sought): the amounts show "
                            "the most the aid intensity allows, at most the notification "
                            "threshold (PO10)")
NO_GRANT_SOUGHT = T_NO_GRANT_SOUGHT.info()


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
    try:
        rate, status = applicant_intensity(ctx)
    except Unsettled:  # the size is open: decided when both sizes give the same answer
        return _within_either_intensity(ctx, grant, base)
    ceiling = grant_for(base, rate)
    said = T_INTENSITY_SME if status.is_sme else T_INTENSITY_LARGE
    return said.check(grant <= ceiling, grant=grant, base=base,
                      share=lambda: share(grant, base), rate=format_percent(rate),
                      ceiling=ceiling, less=lambda: str(grant - ceiling))


_GRANT_OF_COSTS = ("grant sought {grant} of eligible costs {base} ({share}); at most {rate} = "
                   "{ceiling} for ")
_LOWER = "lower the grant sought to {ceiling} ({less} less) or show more eligible costs"
T_INTENSITY_SME = Message(_GRANT_OF_COSTS + "an SME (GBER art. 29(4), not on the page)",
                          fix=_LOWER)
T_INTENSITY_LARGE = Message(_GRANT_OF_COSTS + "a large enterprise (GBER art. 29(4), not on the "
                            "page)", fix=_LOWER)


def _within_either_intensity(ctx: Ctx, grant: Money, base: Money) -> Check:
    """PO09 for a company whose size the facts leave open (a staff figure given as a range,
    say): a grant within the large enterprise's 15 % is within the SME's 50 % too, and one
    above the SME's 50 % is above the 15 % too; between them, the size decides (re-raised)."""
    low_rate, high_rate = intensity(ctx.on, False), intensity(ctx.on, True)
    low, high = grant_for(base, low_rate), grant_for(base, high_rate)
    if low < grant <= high:
        applicant_intensity(ctx)  # raises the size's Unsettled: the facts that settle it
    values = {"grant": grant, "base": base, "share": lambda: share(grant, base),
              "low_rate": format_percent(low_rate), "low": low,
              "high_rate": format_percent(high_rate), "high": high}
    if grant <= low:
        return T_INTENSITY_EITHER.passed(**values)
    return T_INTENSITY_NEITHER.failed(less=lambda: str(grant - high), **values)


_EITHER = ("grant sought {grant} of eligible costs {base} ({share}); at most {low_rate} = {low} "
           "for a large enterprise, {high_rate} = {high} for an SME (GBER art. 29(4), not on the "
           "page): the size is open, and ")
T_INTENSITY_EITHER = Message(_EITHER + "the grant is within both")
T_INTENSITY_NEITHER = Message(_EITHER + "the grant is above both",
                              fix="lower the grant sought to at most {high} ({less} less) or show "
                              "more eligible costs")


rules.add("PO09", "The grant sought is within the GBER aid intensity", within_intensity,
          section=S_MONEY, cites=[EU_29_4, C_GBER29],
          reads=["project.grant_sought", "project.budget_total", *SIZE_FIELDS])


@dated
def _threshold_only(ctx: Ctx) -> Check:
    """PO10 without a grant or a budget: the threshold, the same for every such profile."""
    limit, eur, rate = threshold_converted(ctx)
    return T_THRESHOLD_ONLY[bool(rate)].info(**_threshold(limit, eur, rate))


def _threshold(limit: Money, eur: Money, rate: str) -> dict[str, object]:
    """The values of the threshold (``{threshold}`` of :func:`_in_euro_or_converted`)."""
    return {"local": limit, "eur": eur, "rate": rate} if rate else {"eur": eur}


def _in_euro_or_converted(text: str, fix: str = "") -> tuple[Message, Message]:
    """``text``'s template for a company that states EUR ([False]), and for one whose figures
    are converted ([True]): ``{threshold}`` in ``text`` is the threshold in EUR, or in EUR and
    in the company's currency at the rate; ``{limit}`` in ``fix`` the one in its currency."""
    return (Message(text.replace("{threshold}", "{eur}"), fix=fix.replace("{limit}", "{eur}")),
            Message(text.replace("{threshold}", "{eur} = {local} at {rate}"),
                    fix=fix.replace("{limit}", "{local}")))


T_THRESHOLD_ONLY = _in_euro_or_converted("neither project.grant_sought nor project.budget_total "
                                         "is stated: the notification threshold is {threshold}")


def below_notification_threshold(ctx: Ctx) -> Check:
    """GBER art. 4(1)(l), not on the page: above EUR 7.5 million the aid must be notified."""
    limit, eur, fx_rate = threshold_converted(ctx)
    converted = bool(fx_rate)
    sought = ctx.value("project.grant_sought")
    if sought is not None:
        grant = ctx.money(sought)
        return T_SOUGHT_THRESHOLD[converted].check(grant <= limit, grant=grant,
                                                   less=lambda: str(grant - limit),
                                                   **_threshold(limit, eur, fx_rate))
    budget = ctx.value("project.budget_total")
    if budget is None:
        return _threshold_only(ctx)
    # the company may seek less than the intensity allows: the amounts stop at the threshold
    # (grant.max_aid), as the budget's grant does, so a large budget is no failure, whatever
    # the size (an open size is PO01's and PO09's to report)
    try:
        rate, _ = applicant_intensity(ctx)
    except Unsettled:
        return T_OPEN_SIZE_THRESHOLD[converted].passed(**_threshold(limit, eur, fx_rate))
    grant = grant_for(ctx.money(budget), rate)
    said = T_LARGEST_CAPPED if grant > limit else T_LARGEST_THRESHOLD
    values = {"share": format_percent(rate), "grant": grant, **_threshold(limit, eur, fx_rate)}
    return said[converted].passed(**values)


_LARGEST = "largest grant the intensity allows ({share} of the budget) {grant}"
_THRESHOLD = ("; notification threshold {threshold} per undertaking per project (GBER art. "
              "4(1)(l), not on the page)")
T_SOUGHT_THRESHOLD = _in_euro_or_converted(
    "grant sought {grant}" + _THRESHOLD,
    fix="aid above {limit} must be notified to ESA and is outside GBER art. 29; keep it at or "
    "below {limit} ({less} less)")
T_LARGEST_THRESHOLD = _in_euro_or_converted(_LARGEST + _THRESHOLD)
T_OPEN_SIZE_THRESHOLD = _in_euro_or_converted("no grant sought stated; whatever the company's "
                                              "size, the grant stops at the notification "
                                              "threshold {threshold} per undertaking per "
                                              "project (GBER art. 4(1)(l), not on the page)")
T_LARGEST_CAPPED = _in_euro_or_converted(_LARGEST + " is above the notification threshold "
                                         "{threshold} per undertaking per project (GBER art. "
                                         "4(1)(l), not on the page): the grant sought is not "
                                         "stated, and the most the scheme can give is the "
                                         "threshold (aid above it must be notified to ESA and "
                                         "is outside GBER art. 29)")


# GBER 'shall not apply to aid which exceeds' the threshold (art. 4(1)): aid above it is no aid
# under GBER 29, to which the page ties the scheme ("knyttet til GBER 29"), so a grant sought
# above it does not fit (hard, as the budget's POB04), it is not only a warning.
rules.add("PO10", "The aid stays within the GBER notification threshold",
          below_notification_threshold, section=S_MONEY, kind=Kind.HARD,
          cites=[EU_4_1_L, EU_2023_AMENDMENT, RATE_CITATION],
          reads=["project.grant_sought", "project.budget_total", *SIZE_FIELDS])

RULES = tuple(rules.rules)
