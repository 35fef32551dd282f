"""Säker digitalisering's cost rules (Tillväxtverket, pilot call 2023), for ``grantcheck budget``.

Encoded, from the page (quotes beside each citation, in
:mod:`grantcheck.schemes.se_saker_digitalisering.scheme` and below):
- the grant: Tillväxtverket finances at most 50 % of the project's total budget, read as the
  eligible cost base ("Tillväxtverket finansierar max 50 procent av projektets totalbudget"), and
  never more than the call's whole budget of SEK 10 million (derived: "Max 10 mkr finns totalt
  till förfogande för utlysningen"); a stated ``budget.grant_sought`` caps it too and must not
  exceed what the budget allows (SDB01);
- the training add-on (category ``training``): at most min(SEK 180,000, SEK 30,000 × participating
  persons), the persons from ``budget.training_persons``, else the profile's
  ``project.training_addon.persons``; unknown persons leave the training lines undecided; the
  excess over the cap is not eligible; the add-on sits inside the same 50 % co-financing (SDB02);
- the minimum application, SEK 500,000, read as the grant sought, as ``match`` reads it (SD13):
  without a grant sought the amount is the applicant's to choose, from the minimum to what the
  budget allows (a pass that says so), unless the budget allows less (an eligible base under
  SEK 1,000,000 at 50 %), when no grant sought could reach it (SDB03);
- the project period: in 2023 ("Pilotprojekten har en genomförandetid under 2023", as `match`'s
  SD21), from the application date at the earliest to 2023-10-31 at the latest (SDB04); only
  costs inside it count, neither before nor after (SDB05);
- the co-financing: at least 50 % of the budget in cash, from the applicant's organisation or an
  external actor (SDB06); in-kind contributions do not count; a warning that counting the
  applicant's own paid staff costs as cash is a reading (SDB07);
- the eligible cost types, a closed list ("De specifika stödberättigade kostnader som du kan
  använda för ditt projekt är personal, schablon, externa tjänster, investeringar, resor och
  logi"): every other category is not eligible (SDB08); investments are only small costs for
  digital tools, with no amount on the page (SDB09, information).

Readings (the page is silent or vague):
- The training cap is on the activity's cost, not on the grant: the page says "Maxbelopp för
  denna aktivitet är 180 tkr" (the amount for the activity), and where it means the support it
  says "stöd" ("Hur mycket kan ni få i stöd?"). So at most SEK 180,000 of training costs count,
  financed at 50 % like the rest (a grant of at most SEK 90,000 for it). "180 tkr, eller 30 tkr
  per deltagande person" is read as the lower of the two. Several training lines share one cap,
  used in line order.
- Category mapping onto the page's cost types: personnel and salary → personal; flat_rate →
  schablon; consultancy and external_services → externa tjänster; hardware, software,
  software_subscription and commissioning → investeringar (small costs for digital tools; the
  installation of a tool counts with it); travel → resor och logi; training → the add-on. The
  list is closed ("är"), so administration, equipment (depreciation or rent of instruments), ipr,
  marketing, communication, strategy, market_analysis, operations, application_writing and other
  are not eligible; the reason says how to book an activity that is really own staff's time or a
  bought service.
- Dates: a line's own date (``incurred``) or period (``start``/``end``) is compared with the window
  from the application date (and the project start, or 2023-01-01, when later) to 2023-10-31 (or
  the project end, when earlier). A line wholly outside is not eligible; a line whose own
  period straddles an edge counts pro rata by calendar days inside the window (assuming the
  cost accrues evenly; the reason says so). A line without dates takes the project period
  (``core.line_dates``); when that period itself straddles an edge the line is undecided (a
  single purchase cannot be split by days): give its own date. When no dates are known the
  lines still count and SDB05 is unknown.
- Public cash (``source = "public"``, e.g. a region) counts as an external actor's cash: the page
  names "extern aktör" without excluding public ones, and calls regional co-financing a merit.
- The flat rate (schablon) is eligible, but the page does not state its rate (Tillväxtverket's
  Allmänna villkor do): its amount is not checked.
- Whether the whole own funding (base − grant, above 50 % when a cap binds) must be cash is not
  said: the rule asks for the page's 50 % of the budget in cash.

Deliberately not encoded: the content of the training (digital security, for own staff and other
public promoters in the region) and the type of training (an application document); whether an
investment is "small"; payment on reporting (a note).
"""

from __future__ import annotations

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    LineResult,
)
from grantcheck.engine import Check, failed, info, passed, unknown
from grantcheck.money import Money, format_percent
from grantcheck.schemes.se_saker_digitalisering import budget_financing
from grantcheck.schemes.se_saker_digitalisering.budget_lines import (
    _CALL_WHY,
    GROUPS,
    OWN_FUNDING_FORM,
    PERIOD_CITES,
    TRAINING,
    _allowed,
    _classify,
    _dates,
    _grant,
    _sought,
    _training_cap,
    _training_persons,
    _undecided,
    _window,
)
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_FORORDNINGSKRAV,
    C_GENOMFORANDETID,
    C_LAGSTA,
    C_MAX_10_MILJONER,
    C_MAX_10_MKR,
    C_MAX_50_PROCENT,
    C_PERIOD,
    C_PERIOD_START,
    C_TILLAGG,
    C_TILLAGG_MAX,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    CALL_BUDGET,
    COFINANCING_MIN,
    MAX_SHARE,
    MIN_APPLICATION,
    PROJECT_END_LATEST,
    PROJECT_START_EARLIEST,
    TRAINING_MAX,
    TRAINING_PER_PERSON,
)
from grantcheck.schemes.se_saker_digitalisering.scheme import SCHEME

# --- rules (SDB06-SDB09, the financing and the cost types: budget_financing) -----------------

book = BudgetBook()


@book.budget_rule("SDB01", "The grant sought is within what the budget allows (at most 50 % of "
                  "the total budget and the call's SEK 10 million)",
                  cites=[C_MAX_50_PROCENT, C_FORORDNINGSKRAV, C_MAX_10_MKR, C_MAX_10_MILJONER],
                  reads=["budget.grant_sought", "budget.lines"])
def grant_within_budget(bctx: BudgetCtx) -> Check:
    """'Tillväxtverket finansierar max 50 procent av projektets totalbudget.'"""
    base = bctx.total()
    share = MAX_SHARE.at(bctx.on)
    allowed = _allowed(bctx, base)
    how = (f"{format_percent(share)} of the eligible base {base} = {(base * share).floored()}, "
           f"at most {_CALL_WHY}")
    sought = _sought(bctx)
    if sought is None:
        return info(f"no grant sought stated (budget.grant_sought): the grant is the most the "
                    f"budget allows, {allowed} ({how})")
    if sought <= allowed:
        return passed(f"grant sought {sought}; the budget allows {allowed} ({how})")
    more, fields = _undecided(bctx)
    if fields and (more is None or sought <= _allowed(bctx, base + more)):
        return unknown(f"grant sought {sought}; the decided lines allow {allowed} ({how}); the "
                       "undecided lines could raise it", *fields)
    return failed(f"grant sought {sought} exceeds what the budget allows, {allowed} ({how})",
                  f"lower budget.grant_sought to {allowed} ({sought - allowed} less), or raise "
                  f"the eligible base to {(sought * (1 / share)).rounded()}")


@book.budget_rule("SDB02", "The training add-on is at most SEK 180,000 and SEK 30,000 per "
                  "participating person", cites=[C_TILLAGG, C_TILLAGG_MAX],
                  reads=["budget.training_persons", "project.training_addon.persons",
                         "budget.lines"])
def training_addon(bctx: BudgetCtx) -> Check:
    """'Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.'"""
    bctx.param(TRAINING_MAX)  # NotEncoded (unknown) on a date the page does not cover
    lines = [lr for lr in bctx.lines if lr.group == TRAINING and lr.amount is not None]
    if not lines:
        return info("no training lines: no training add-on in the budget")
    persons, source = _training_persons(bctx)
    # the training cost inside the project period (date-excluded lines are SDB05's)
    known = Money.zero(bctx.currency)
    unsure: list[LineResult] = []
    for lr in lines:
        d = _dates(bctx, lr)
        assert lr.amount is not None
        if d.verdict == "outside":
            continue
        if d.verdict == "straddle" and d.part is None:
            unsure.append(lr)
        else:
            known += d.part if d.part is not None else lr.amount
    upper = known + bctx.total(unsure, eligible=False)
    if persons is None:
        return _training_persons_open(bctx, known, upper, bctx.total(lines, eligible=False))
    cap, cap_text = _training_cap(bctx, persons)
    said = f"training costs {known} in the project period for {persons} person(s) ({source}); " \
        f"the add-on is {cap_text} (read as a cap on the cost, financed at 50 % like the rest)"
    if upper <= cap:
        return passed(said)
    if known <= cap:
        return unknown(said + f"; undecided training lines {upper - known} could exceed it",
                       *(m for lr in unsure for m in lr.missing))
    return failed(f"{said}: {known - cap} above the cap does not count",
                  f"lower the training costs to {cap} ({known - cap} less), or train more "
                  "persons (up to the SEK 180,000 maximum)")


def _training_persons_open(bctx: BudgetCtx, known: Money, upper: Money, budgeted: Money
                           ) -> Check:
    """SDB02 without the number of persons, decided by its bounds: a training is taken by at
    least one person, so the cap lies between one person's SEK 30,000 and the overall SEK
    180,000 ('Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person')."""
    overall, per_person = bctx.param(TRAINING_MAX), bctx.param(TRAINING_PER_PERSON)
    if known > overall:
        return failed(f"training costs {known} in the project period, the number of "
                      f"participating persons not stated: above the overall maximum {overall} "
                      f"whatever their number; {known - overall} above it does not count",
                      f"lower the training costs to {overall} ({known - overall} less)")
    if upper <= per_person:
        return passed(f"training costs {upper} at most in the project period, the number of "
                      f"participating persons not stated: within {per_person}, one person's "
                      f"maximum, so within the cap ({overall} at most, {per_person} per person) "
                      "whatever their number")
    return unknown(f"training lines {budgeted}, but the number of participating persons is "
                   f"not stated (the add-on is at most {per_person} per person, {overall} in "
                   "all)", "budget.training_persons",
                   fix="state budget.training_persons (or project.training_addon.persons in "
                   "the profile)")


@book.budget_rule("SDB03", "The grant applied for is at least SEK 500,000", cites=[C_LAGSTA],
                  reads=["budget.grant_sought", "budget.lines"])
def minimum_application(bctx: BudgetCtx) -> Check:
    """'Lägsta belopp för ansökan är 500 tkr', read as the grant sought, as ``match`` reads it
    (SD13): the amount applied for is the applicant's to state; the budget only bounds it (SDB01
    says whether it allows the grant sought). Without a grant sought, a budget that allows less
    than the minimum decides it (no grant sought could reach it); one that allows more leaves an
    amount to choose from the minimum to what it allows (it passes, saying so), as SD13 reads it."""
    floor = bctx.param(MIN_APPLICATION)
    share = MAX_SHARE.at(bctx.on)
    base_floor = (floor * (1 / share)).rounded()
    minimum = (f"the minimum application is {floor} ('Lägsta belopp för ansökan', read as the "
               "grant sought")
    sought = _sought(bctx)
    if sought is not None:
        said = f"the grant sought {sought}; {minimum})"
        if sought >= floor:
            return passed(said)
        fix = f"raise budget.grant_sought to {floor} ({floor - sought} more)"
        if bctx.total() < base_floor:
            fix += f", with an eligible base of at least {base_floor}"
        return failed(said, fix)
    allowed = _allowed(bctx, bctx.total())
    said = (f"no grant sought stated; the budget allows at most {allowed}; {minimum}: an "
            f"eligible base of at least {base_floor} at {format_percent(share)}, derived)")
    if allowed >= floor:  # the amount is the applicant's to choose, from the minimum to it
        return passed(f"{said}; any amount from {floor} to {allowed} can be applied for")
    more, fields = _undecided(bctx)
    if fields and (more is None or _allowed(bctx, bctx.total() + more) >= floor):
        return unknown(said + "; the undecided lines could lift it", *fields)
    return failed(f"{said}: no grant sought could reach it",
                  f"raise the eligible base to at least {base_floor} "
                  f"({base_floor - bctx.total()} more)")


@book.budget_rule("SDB04", "The project runs in 2023, from the application date at the earliest "
                  "to 2023-10-31 at the latest", cites=[C_PERIOD, C_PERIOD_START,
                                                       C_GENOMFORANDETID],
                  reads=["budget.start", "budget.end", "budget.application_date",
                         "project.start", "project.end", "project.application_date"])
def project_period(bctx: BudgetCtx) -> Check:
    """'Projekten kan tidigast starta från ansökningsdatum och som längst drivas t o m
    2023-10-31.'; 'Pilotprojekten har en genomförandetid under 2023.' (as `match`'s SD21)."""
    start, end = bctx.period()
    applied = bctx.application_date()
    latest = PROJECT_END_LATEST.at(bctx.on)
    earliest = PROJECT_START_EARLIEST.at(bctx.on)
    wrong: list[str] = []
    fixes: list[str] = []
    if start is not None and start < earliest:
        wrong.append(f"starts {start}, before {earliest}: the pilot projects run in "
                     f"{earliest.year} ('genomförandetid under {earliest.year}')")
        fixes.append(f"start on {earliest} or later")
    elif start is None and end is not None and end < earliest:
        wrong.append(f"ends {end}, so it runs before {earliest}: the pilot projects run in "
                     f"{earliest.year} ('genomförandetid under {earliest.year}')")
        fixes.append(f"run the project from {earliest}")
    if start is not None and applied is not None and start < applied:
        wrong.append(f"starts {start}, {(applied - start).days} days before the application "
                     f"date {applied}")
        fixes.append(f"start on {applied} or later")
    if end is not None and end > latest:
        wrong.append(f"ends {end}, {(end - latest).days} days after {latest}")
        fixes.append(f"end on {latest} at the latest")
    elif end is None and start is not None and start > latest:
        wrong.append(f"starts {start}, after {latest}")
        fixes.append(f"run the project by {latest}")
    if wrong:
        return failed("the project " + " and ".join(wrong) + f" (the window: the application "
                      f"date, {earliest} at the earliest, to {latest})", "; ".join(fixes))
    missing = [name for name, v in (("budget.start", start), ("budget.end", end),
                                     ("budget.application_date", applied)) if v is None]
    if missing:
        return unknown(f"the budget does not state {' and '.join(missing)} (nor the profile's "
                       "project dates)", *missing)
    return passed(f"the project runs {start} to {end}; the application date {applied} "
                  f"({earliest} at the earliest) is the earliest start and {latest} the latest "
                  "end")


@book.budget_rule("SDB05", "Every cost falls inside the project period", cites=PERIOD_CITES,
                  reads=["budget.lines", "budget.start", "budget.end", "budget.application_date",
                         "project.start", "project.end", "project.application_date"])
def costs_in_period(bctx: BudgetCtx) -> Check:
    """'Du kan bara få pengar för kostnader du haft under projektperioden.'"""
    w = _window(bctx)
    out: list[str] = []
    lost = Money.zero(bctx.currency)
    unsure: list[str] = []
    fields: list[str] = []
    count = 0
    for lr in bctx.lines:
        if lr.line.category not in GROUPS or lr.amount is None:
            continue
        count += 1
        d = _dates(bctx, lr)
        if d.verdict == "outside":
            out.append(f"{lr.label}, {lr.amount}: {d.text}")
            lost += lr.amount
        elif d.verdict == "straddle" and d.part is not None:
            out.append(f"{lr.label}: {d.text}")
            lost += lr.amount - d.part
        elif d.missing:
            unsure.append(lr.label)
            fields.extend(d.missing)
    window = f"from {w.first_text or 'the application date'} to {w.last_text}"
    if out:
        return failed(f"{lost} falls outside the project period ({window}): " + "; ".join(out),
                      f"re-date or remove those costs: only costs {window} count")
    if unsure:
        names = tuple(dict.fromkeys(fields))
        return unknown(f"whether {len(unsure)} line(s) fall inside the project period cannot "
                       f"be told ({', '.join(unsure)}); the lines are counted meanwhile", *names,
                       fix="state " + " and ".join(names) + " (or each line's own dates)")
    return passed(f"{count} line(s) of an eligible type, each inside the project period "
                  f"({window})")


CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=_classify,
    grant=_grant,
    rules=(*book.rules, *budget_financing.book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="the page's closed list: personnel (and salary), flat_rate (schablon), "
    "consultancy and external_services, investments in small digital tools (hardware, "
    "software, software_subscription, commissioning), travel, and the training add-on "
    "(training, at most SEK 180,000 or SEK 30,000 per person); every other category is not "
    "eligible",
    parameters=(MAX_SHARE, CALL_BUDGET, TRAINING_MAX, TRAINING_PER_PERSON, MIN_APPLICATION,
                PROJECT_END_LATEST, COFINANCING_MIN),
    hours_rate=None,
    notes=(
        "The minimum 'Lägsta belopp för ansökan är 500 tkr' is read as the grant applied for, "
        "so the eligible base must reach SEK 1,000,000.",
        "The training add-on's maximum ('Maxbelopp för denna aktivitet') is read as a cap on "
        "the training costs, which are financed at 50 % like the rest.",
        "Whether the applicant's own paid staff costs count as cash co-financing is a reading, "
        "not the page's words: confirm with Tillväxtverket.",
        "A line whose own period straddles the project period counts pro rata by days; public "
        "cash (e.g. a region's) counts as an external actor's co-financing.",
        "The flat rate (schablon) is eligible, but its rate is in Tillväxtverket's Allmänna "
        "villkor, not on the page: not checked.",
        "The grant is paid only on reporting of the work done ('i samband med rapportering av "
        "genomförda insatser').",
    ),
)
