"""Prosess- og organisasjonsinnovasjon's cost rules (Innovasjon Norge), for ``grantcheck budget``.

Encoded, from the page ("Hva kan finansieres?", quoted beside each citation; the lines are
classified in :mod:`.budget_lines`):
- only the four cost kinds the page lists make up the approved cost base ("Følgende poster kan
  inngå i godkjent støttegrunnlag"); the list is narrower than GBER art. 29(3), and every other
  category is not eligible:
  - own hours/personnel costs: ``personnel`` (and ``salary``, a salary cost of own staff);
  - purchased services needed for the innovation (consultancy): ``consultancy``,
    ``external_services``;
  - depreciation or rent of components, instruments and equipment for the time and extent they
    are used in the project period: ``equipment``, counted as amount × the line's days inside the
    project period / its days × ``project_share_percent`` / 100 (pro rata by days; a line wholly
    outside the period counts nothing and breaks POB02; the share left out is unknown, never
    guessed);
  - purchase of IPR needed for the project: ``ipr``.

From EU law, not from the page (GBER art. 29, applied in Norway through the EEA Agreement; the
page ties the scheme to it: "knyttet til GBER 29"):
- the aid intensity (the arithmetic of :mod:`.grant`, the same as `match`'s amounts): at most
  50 % of the eligible costs for an SME, 15 % for a large enterprise under the exception the page
  mentions ("kun unntaksvis"), and none for a large enterprise the exception is declared not to
  cover (art. 29(4), 29(2));
- the notification threshold, EUR 7.5 million per undertaking per project (art. 4(1)(l)),
  converted with the dated rate the output states: a grant sought above it must be notified (a
  broken budget rule, as `match`'s PO10); the budget's grant stops at it (a cap on the grant
  part), as `match`'s amounts do, so with no grant sought a large budget complies with POB04;
- cumulation (art. 8(3)): other public aid for the same costs counts towards the intensity, so
  only non-public financing (own or external) covers the own funding.
- the incentive effect (art. 6(2), as `match`'s PO13): no work or cost before the application
  (POB07, :mod:`.budget_incentive`);
- past 2026-12-31 (art. 59) every rule of GBER is *unknown*: POB03-POB06 read its dated
  figures, POB07 none, so it is gated (:func:`grantcheck.law.gber.under_gber`), as PO13 is.

Readings chosen:
- The SME status is :func:`grantcheck.law.sme.company_status`, read in the company's own currency.
  When it cannot be settled (no profile, or a figure missing), the grant is computed at the SME
  rate, 50 %, as an upper bound ("at most, if the company is an SME"), and POB03 is unknown
  naming the fields, so the verdict is *needs information*, never *complies*. A large enterprise
  whose exception is not declared is computed at 15 % the same way ("at most, if the exception
  applies").
- A large enterprise under the declared exception passes POB03 with GBER art. 29(2)'s condition
  (SMEs bearing at least 30 % of the costs) stated, as PO01: the budget shows no cost split.
- The page states no form of own funding: OWN_FUNDING_FORM (:mod:`.grant`), as `match`'s.
- A ``salary`` line (monthly_salary × months, months given) is a personnel cost
  ("personalkostnader"): it counts like ``personnel``.
- ``hardware``, ``software`` and ``commissioning`` bought outright are not depreciation or rent
  of equipment nor a purchased service as the page lists them: not eligible, and the reason says
  how to book the part that is (equipment with its project share; a purchased service needed for
  the innovation as ``external_services``).
- An ``equipment`` line's time is its own dates (``incurred``, or ``start`` to ``end``); without
  dates it falls in the project period, as every line (docs/budget.md), its reason saying its
  dates would settle how much does. Dates or period stated only in part: unknown naming the
  field, with the most it can count (amount × share). A straddling line counts pro rata by
  calendar days, both ends included, the cost accruing evenly (the page states no method),
  rounded half up to the øre. Only equipment is limited to the project period.

Deliberately not encoded: the GBER art. 1 exclusions (difficulty, sectors) and the exclusions of
"Hva omfattes ikke?" (the scheme's rules PO11, PO12 and PO06 decide them from the profile: FIT);
whether the 2023 amendment of GBER changed the EUR 7.5 million (a note says so, as the scheme).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    GrantPart,
    LineStatus,
    grant_sought_check,
    reasons,
)
from grantcheck.budget.model import Category, Source
from grantcheck.engine import Check, Ctx, Missing, failed, info, passed, text_of, unknown
from grantcheck.fx import RATE_CITATION
from grantcheck.law import sme
from grantcheck.law.gber import under_gber
from grantcheck.money import Money, format_percent
from grantcheck.parameters import parameters_of
from grantcheck.schemes.no_prosessinnovasjon import budget_incentive as incentive
from grantcheck.schemes.no_prosessinnovasjon import parameters
from grantcheck.schemes.no_prosessinnovasjon.budget_lines import KINDS, classify
from grantcheck.schemes.no_prosessinnovasjon.derived import SIZE_FIELDS
from grantcheck.schemes.no_prosessinnovasjon.grant import (
    OWN_FUNDING_FORM,
    grant_for,
    intensity,
    max_aid,
)
from grantcheck.schemes.no_prosessinnovasjon.page import (
    C_GBER29,
    C_KOST_IPR,
    C_KOST_TIMER,
    C_KOST_TJENESTER,
    C_KOST_UTSTYR,
    C_KOSTNADER,
    C_SMB,
    EU_4_1_L,
    EU_8_3,
    EU_29_2,
    EU_29_4,
    EU_2023_AMENDMENT,
)
from grantcheck.schemes.no_prosessinnovasjon.parameters import (
    LARGE_SME_COST_SHARE,
    NOTIFICATION_THRESHOLD,
)
from grantcheck.schemes.no_prosessinnovasjon.scheme import SCHEME

# Without a profile the SME status needs at least these figures (sme.company_status).
NO_PROFILE_FIELDS = ("company.employees_fte", "company.turnover", "company.balance_sheet_total")

# --- the aid intensity ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Size:
    """The GBER art. 29(4) ceiling for the applicant, and how sure it is."""

    rate: Decimal  # the rate the grant is computed with (an upper bound when not certain)
    certain: bool
    who: str  # a phrase: "an SME (…)", "SME status not settled (…)"
    label: str  # how the grant part names the rate
    missing: tuple[str, ...] = ()
    allowed: bool = True  # False: a large enterprise the exception is declared not to cover
    large: bool = False  # a large enterprise (GBER art. 29(2)'s condition applies)


def _size(bctx: BudgetCtx) -> _Size:
    """Raises NotEncoded outside GBER's dates, NoRate when a ceiling cannot be converted."""
    sme_rate, large_rate = intensity(bctx.on, True), intensity(bctx.on, False)
    if not bctx.has_profile:
        return _Size(sme_rate, False, "SME status not known: the budget has no company profile",
                     "at most, if the company is an SME", NO_PROFILE_FIELDS)
    try:
        # the company's figures in the company's currency (BudgetCtx counts in the scheme's)
        status = sme.company_status(Ctx(bctx.profile, bctx.on, bctx.fx))
        is_sme = status.is_sme
    except Missing as m:
        return _Size(sme_rate, False, f"SME status not settled ({m.text()})",
                     "at most, if the company is an SME", m.fields)
    explained = text_of(status.explanation)
    if is_sme:
        return _Size(sme_rate, True, f"an SME ({explained})", "the rate for an SME")
    exception = bctx.value("declarations.large_enterprise_exception")
    if exception is None:
        return _Size(large_rate, False, f"a large enterprise ({explained}), the "
                     "exception not declared",
                     "at most, if the exception for large enterprises applies",
                     ("declarations.large_enterprise_exception",), large=True)
    if exception:
        return _Size(large_rate, True, f"a large enterprise under the declared exception "
                     f"({explained})",
                     "the rate for a large enterprise under the exception", large=True)
    return _Size(Decimal(0), True, f"a large enterprise the exception is declared not to cover "
                 f"({explained})", "no aid",
                 allowed=False, large=True)


def _grant(bctx: BudgetCtx) -> list[GrantPart]:
    """One part: the eligible costs × the GBER art. 29(4) ceiling; the page states no cap.
    NotEncoded outside GBER's dates, NoRate without a rate: the budget's grant is then not
    computed (never a grant of 0), and POB03 says why too."""
    base = bctx.total()
    size = _size(bctx)
    name = "process and organisational innovation, GBER art. 29(4)"
    if not size.allowed:
        return [GrantPart(name, base, size.rate, Money.zero(base.currency),
                          "no aid for a large enterprise without the exception", None,
                          (C_SMB, EU_29_2, EU_29_4), size.label)]
    limit = bctx.param(NOTIFICATION_THRESHOLD)
    by_rate = grant_for(base, size.rate)
    if by_rate <= limit:
        return [GrantPart(name, base, size.rate, by_rate, "the rate", limit,
                          (C_KOSTNADER, C_GBER29, EU_29_4, EU_4_1_L), size.label)]
    return [GrantPart(name, base, size.rate, max_aid(base, size.rate, limit),
                      f"the cap: the GBER notification threshold {_limit_text(bctx)} per "
                      "undertaking per project (art. 4(1)(l), not on the page)", limit,
                      (C_KOSTNADER, C_GBER29, EU_29_4, EU_4_1_L), size.label)]


def _limit_text(bctx: BudgetCtx) -> str:
    """The notification threshold in EUR, and in the scheme's currency at the rate used."""
    limit = bctx.param(NOTIFICATION_THRESHOLD)
    return (f"{NOTIFICATION_THRESHOLD.money(bctx.on)} = {limit} at "
            f"{bctx.fx.rate(limit.currency).describe()}")


# --- rules ----------------------------------------------------------------------------------

book = BudgetBook()


@book.budget_rule("POB01", "Only the page's four cost kinds are in the budget",
                  cites=[C_KOSTNADER, C_KOST_TIMER, C_KOST_TJENESTER, C_KOST_UTSTYR, C_KOST_IPR],
                  reads=["budget.lines"])
def four_cost_kinds(bctx: BudgetCtx) -> Check:
    """'Følgende poster kan inngå i godkjent støttegrunnlag': the list is closed."""
    bad = [lr for lr in bctx.lines if lr.line.category not in KINDS]
    if bad:
        total = bctx.total(bad, eligible=False)
        shown = "; ".join(f"{lr.label}, {lr.line.category.value}" for lr in bad)
        return failed(f"{len(bad)} line(s), {total}, are not among the four cost kinds: "
                      f"{shown}",
                      "remove them from the project budget (the company carries them outside "
                      "the project), or book the eligible part under personnel, consultancy, "
                      "external_services, equipment or ipr")
    return passed(f"every line is one of the page's four cost kinds ({len(bctx.lines)} line(s))")


@book.budget_rule("POB02", "Equipment counts only for its time and extent of use in the project",
                  cites=[C_KOST_UTSTYR],
                  reads=["budget.lines[].project_share_percent", "budget.lines[].incurred",
                         "budget.lines[].start", "budget.lines[].end", "budget.start",
                         "budget.end", "project.start", "project.end"])
def equipment_share(bctx: BudgetCtx) -> Check:
    """'for den tiden og det omfanget det benyttes i prosjektperioden': the line's days inside the
    project period × its project share; a line wholly outside the period counts nothing."""
    lines = [lr for lr in bctx.lines if lr.line.category is Category.EQUIPMENT]
    if not lines:
        return passed("no equipment lines")
    outside = [lr for lr in lines if lr.status is LineStatus.INELIGIBLE]
    if outside:
        return failed(f"{len(outside)} equipment line(s), {bctx.total(outside, eligible=False)}, "
                      f"fall wholly outside the project period: {reasons(outside)}",
                      "remove them from the project budget (the company carries them outside "
                      "the project), or correct their dates")
    missing = [lr for lr in lines if lr.status is LineStatus.UNKNOWN and lr.missing]
    if missing:
        fields = tuple(dict.fromkeys(m for lr in missing for m in lr.missing))
        return unknown(f"{len(missing)} equipment line(s) cannot be counted yet: "
                       f"{reasons(missing)}", *fields,
                       fix="give " + ", ".join(fields) + " (project_share_percent: 100 if it "
                       "serves only the project; start and end: the days of the depreciation or "
                       "rent)")
    counted = bctx.total(lines)
    return passed(f"{len(lines)} equipment line(s): {counted} of "
                  f"{bctx.total(lines, eligible=False)} counts for the project ({reasons(lines)})")


@book.budget_rule("POB03", "The company can receive aid at the GBER art. 29(4) intensity",
                  cites=[C_GBER29, C_SMB, EU_29_4, EU_29_2, *sme.CITES],
                  reads=[*SIZE_FIELDS, "declarations.large_enterprise_exception"])
def aid_intensity(bctx: BudgetCtx) -> Check:
    """GBER art. 29(4), not on the page: 50 % for an SME, 15 % for a large enterprise, which the
    page admits only by exception ('kun unntaksvis')."""
    size = _size(bctx)
    rate = format_percent(size.rate)
    base = bctx.total()
    grant = bctx.grant
    if not size.allowed:
        return failed(f"{size.who}: no aid; the page requires a small or medium-sized enterprise",
                      "only an SME, or a large enterprise under Innovasjon Norge's exception "
                      "(declarations.large_enterprise_exception), can be supported")
    if not size.certain:
        if size.missing == ("declarations.large_enterprise_exception",):
            fix = ("set declarations.large_enterprise_exception = true if Innovasjon Norge's "
                   "exception applies (false if not)")
        elif not bctx.has_profile:
            fix = ("check the budget inside the company's profile (its staff and figures decide "
                   "the SME status)")
        else:
            fix = "state " + " and ".join(size.missing) + " in the profile"
        return unknown(f"{size.who}; the grant {grant} is computed at {rate} of {base} as an "
                       f"upper bound ({size.label}; GBER art. 29(4), not on the page)",
                       *size.missing, fix=fix)
    condition = ""
    if size.large:
        share = format_percent(LARGE_SME_COST_SHARE.at(bctx.on))
        condition = (f"; condition (GBER art. 29(2)): effective collaboration with SMEs that "
                     f"bear at least {share} of the total eligible costs, which the budget does "
                     "not show")
    return passed(f"{size.who}: at most {rate} of the eligible costs {base} = {grant} (GBER art. "
                  f"29(4), not on the page){condition}")


@book.budget_rule("POB04", "The grant stays within the GBER notification threshold",
                  cites=[EU_4_1_L, EU_2023_AMENDMENT, RATE_CITATION],
                  reads=["budget.grant_sought", *SIZE_FIELDS,
                         "declarations.large_enterprise_exception"])
def notification_threshold(bctx: BudgetCtx) -> Check:
    """GBER art. 4(1)(l), not on the page: aid above EUR 7.5 million per undertaking per project
    must be notified."""
    limit = bctx.param(NOTIFICATION_THRESHOLD)
    limit_text = _limit_text(bctx)
    sought = bctx.budget.grant_sought
    if sought is not None:  # the aid applied for, as `match`'s PO10 checks it
        aid = bctx.in_scheme_currency(sought)
        message = (f"grant sought {aid}; notification threshold {limit_text} per undertaking "
                   "per project (GBER art. 4(1)(l), not on the page)")
        if aid <= limit:
            return passed(message)
        return failed(message, f"aid above {limit} must be notified to ESA and is outside GBER "
                      f"art. 29: keep the grant sought at or below {limit} ({aid - limit} less)")
    # without a grant sought the budget's grant stops at the threshold (_grant), as `match`'s
    # amounts do: the company may seek less than the intensity allows, never more than this
    by_rate = grant_for(bctx.total(), _size(bctx).rate)
    message = (f"grant the budget allows {bctx.grant}; notification threshold {limit_text} per "
               "undertaking per project (GBER art. 4(1)(l), not on the page)")
    if by_rate > limit:
        message += (f"; the intensity would allow {by_rate}, so the grant stops at the "
                    "threshold (aid above it must be notified to ESA and is outside GBER art. "
                    "29)")
    return passed(message)


@book.budget_rule("POB05", "The grant sought fits what the budget allows",
                  cites=[EU_29_4, C_KOSTNADER], reads=["budget.grant_sought"])
def grant_sought(bctx: BudgetCtx) -> Check:
    size = _size(bctx)
    bound = "" if size.certain else f" (an upper bound: {size.label})"
    # more eligible costs raise the grant only below the notification threshold (_grant)
    raise_it = (", or budget more eligible costs"
                if bctx.grant < bctx.param(NOTIFICATION_THRESHOLD) else "")
    found = grant_sought_check(bctx, bound, raise_it)
    if found.ok and not found.info and not size.certain:
        low = _within_either_size(bctx, size)
        if low is None:
            return unknown(found.message, *size.missing)
        return passed(f"{found.message}; within {low}, what a large enterprise under the "
                      f"exception may get ({format_percent(intensity(bctx.on, False))}), so "
                      "within what either size allows")
    return found


def _within_either_size(bctx: BudgetCtx, size: _Size) -> Money | None:
    """An SME status the facts leave open, the exception for large enterprises declared: the
    grant a large enterprise may get, when the grant sought is within it, and so within what
    either size allows (as `match`'s PO09 decides it); else None."""
    if size.large or not bctx.has_profile or \
            bctx.value("declarations.large_enterprise_exception") is not True:
        return None
    sought = bctx.budget.grant_sought
    low = max_aid(bctx.total(), intensity(bctx.on, False), bctx.param(NOTIFICATION_THRESHOLD))
    return low if sought is not None and bctx.in_scheme_currency(sought) <= low else None


@book.budget_rule("POB06", "Own or private financing covers the own funding",
                  cites=[EU_29_4, EU_8_3], reads=["budget.financing"])
def own_funding(bctx: BudgetCtx) -> Check:
    """The eligible costs the grant does not cover are the company's own funding, in cash or own
    hours (the page states no form); other public aid for the same costs counts towards the
    intensity (GBER art. 8(3), not on the page), so it does not replace the own funding."""
    required = bctx.total() - bctx.grant
    size = _size(bctx)
    financing = bctx.budget.financing
    if financing is None:
        bound = "" if size.certain else " (at least: the grant is an upper bound)"
        return info(f"own funding required {required}{bound}: eligible costs {bctx.total()} less "
                    f"the grant {bctx.grant}, in {OWN_FUNDING_FORM}")
    private = [f for f in financing if f.source is not Source.PUBLIC]
    stated = bctx.in_scheme_currency(sum((f.amount for f in private), Decimal(0)))
    public = bctx.in_scheme_currency(sum((f.amount for f in financing
                                          if f.source is Source.PUBLIC), Decimal(0)))
    message = (f"own and private financing {stated}; own funding required {required} "
               f"(eligible costs {bctx.total()} less the grant {bctx.grant})")
    if public.amount:
        message += f"; other public financing {public} does not count (GBER art. 8(3))"
    if stated < required:
        return failed(message, f"add {required - stated} of own (cash or own hours) or private "
                      "financing")
    if not size.certain:
        return unknown(f"{message}; the grant is an upper bound ({size.who})", *size.missing)
    return passed(message)

# GBER art. 6(2), as `match`'s PO13: the work and its costs begin on or after the application
book.budget_rule("POB07", incentive.TITLE, cites=incentive.CITES,
                 reads=incentive.READS)(under_gber(incentive.applied_before_costs))

CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=classify,
    grant=_grant,
    rules=tuple(book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="only the page's four cost kinds count: personnel and salary (own "
    "hours/personnel costs), consultancy and external_services (purchased services needed for "
    "the innovation), equipment (depreciation or rent: its days in the project period × the "
    "project_share_percent) and ipr (IPR bought for the project); every other category is not "
    "eligible",
    parameters=parameters_of(parameters, *sme.PARAMETERS),
    hours_rate=None,
    notes=(
        "The aid intensity (50 % for an SME, 15 % for a large enterprise under the exception) "
        "and the notification threshold (EUR 7.5 million per undertaking per project) come from "
        "GBER art. 29(4) and 4(1)(l), not from the page; the page states no cap.",
        "Regulation (EU) 2023/1315 amended the GBER notification thresholds; the EUR 7.5 million "
        "is the figure Innovasjon Norge's guidance states.",
        "A large enterprise is covered only by exception, and only in effective collaboration "
        "with SMEs that bear at least 30 % of the total eligible costs (GBER art. 29(2)); the "
        "budget does not show that split, so it is not computed.",
    ),
)
