"""Bedriftsnettverk's cost rules (Innovasjon Norge, main projects), for ``grantcheck budget``.

Encoded, from the page (quotes beside each citation):
- a budget per project year: a line's ``year`` (1, 2, 3), else the year applied for
  (``network.project_year``); with neither, the whole budget is one yearly application (a note
  says so). A line in a year beyond the main project's three years is not eligible (BNB01);
- the eligible costs are the page's examples ("Eksempler på kostnader"): the administrator's
  project management, facilitation and administration and its purchased external assistance and
  services (administration, consultancy, external_services), the participants' hours by competent
  personnel (personnel) and their direct expenses, travel (travel). Any other category is counted
  but needs a justification as a cost of the joint development activities: the page's list is
  examples, and it names no cost as not eligible (BNB02);
- the grant per project year: min(50 % of that year's eligible costs minus other public support
  of that year, NOK 750,000), one grant part per year; derived, not on the page: at most
  NOK 2,250,000 over three years;
- the administrator's booked costs at least the public support (BNB03); the grant sought within
  what the year allows (BNB04); public support at most 50 % of the eligible costs (BNB05); own
  financing at least 50 %, in cash, hours or direct expenses (BNB06: without a third party's
  money the mirror of BNB05, as BN18 is of BN17; external financing is not own financing and
  can make it fail alone); the participants' cash payment at least the
  budgeted capital need minus the public grants (BNB07); hours and direct expenses booked only by
  participants from private business in Norway, others pay cash (BNB08, and the line is not
  eligible).

Readings chosen where the page is silent:
- Cash or in kind: a line's ``financing``; left out, purchases are cash by nature
  (administration, consultancy, external services, hardware, software, subscriptions,
  commissioning, IPR: paid out to someone); every other category (hours, travel, salary,
  equipment, …) is open, and only where it matters: an open line of a participant that may only
  pay cash is unknown (booked in kind it would not count), and BNB07 gives a range.
- In kind ("kostnadsføre timer og direkte utgifter") is any line booked in kind, whatever its
  category: own hours, or own expenses given as a contribution.
- "Privat virksomhet i Norge": a participant is one when it is not a public body, its
  ``private`` is true and it is established in Norway (``established_in_norway``; left out,
  ``country = "NO"`` is read as established in Norway). The applicant (the administrator, a
  company registered in Foretaksregisteret) is one when its legal form is not a public body
  (``company.legal_form``; not stated, it cannot be told) and it runs economic activity in
  Norway (``company.economic_activity_in_norway``): the same test as the participants', with the
  legal form for ``kind`` and ``private``; public ownership is not read as "public": the page's
  test is living on its own earnings.
- A line without ``participant`` (or naming the profile's company) is the administrator's.
  "Bokførte kostnader" are the eligible costs booked there (the support base).
- Financing lines carry no year: they are the financing of the year applied for (the page: "Det
  søkes for ett år av gangen"); that is ``network.project_year``, else the budget's only year.
  When the lines span several years and the year applied for is not stated, the rules that need
  the financing are unknown, and other public support is deducted from every year's grant (so the
  grant shown holds whichever year it belongs to).
- "Budsjettert kapitalbehov" is the year's cost lines paid in cash (eligible or not); the public
  grants are this grant and the other public support. Participants' cash is the financing lines
  of source own paid in cash: a private third party's money (source external) is neither the
  participants' cash payment (BNB07) nor their own financing (BNB06, which deducts it), since
  the page asks for "Deltakerbedriftenes egenfinansiering" and "Deltakernes
  kontantinnbetaling". Without own or external cash lines BNB07 states the minimum.
- ``budget.grant_sought`` is the grant sought for the year applied for.
- An undecided line (a participant whose ``private`` is not stated, say) may count or not: the
  money rules (BNB03-BNB07) take the grant of its year from the decided lines alone up to every
  undecided line counted, and pass or fail only when both ends give the same answer; otherwise
  they are unknown, naming what would decide the lines.

Not encoded: which sectors the state-aid rules exclude (the page names none); the other
state-aid details the page refers to ("Statsstøtteregelverket gir mer detaljerte bestemmelser").
"""

from __future__ import annotations

from grantcheck.budget.core import (
    BudgetBook,
    BudgetChecker,
    BudgetCtx,
    LineStatus,
)
from grantcheck.engine import Check, Kind, failed, passed, unknown
from grantcheck.schemes.no_bedriftsnettverk import budget_financing
from grantcheck.schemes.no_bedriftsnettverk.budget_grant import (
    grant,
)
from grantcheck.schemes.no_bedriftsnettverk.budget_lines import (
    ONE_YEAR,
    OWN_FUNDING_FORM,
    PARAMETERS,
    _labels,
    _length,
    _plan,
    _years_text,
    classify,
)
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_ETT_AAR,
    C_FELLES_UTVIKLING,
    C_KOSTNADER,
    C_STOTTEBELOP,
    C_TRE_AARS_VARIGHET,
)
from grantcheck.schemes.no_bedriftsnettverk.scheme import SCHEME

# --- rules, in the order of the page (BNB03-BNB08, the money of each year: budget_financing) ---

book = BudgetBook()


@book.budget_rule("BNB01", "Every cost falls within the main project's years, at most three",
                  cites=[C_TRE_AARS_VARIGHET, C_STOTTEBELOP, C_ETT_AAR],
                  reads=["budget.lines[].year", "network.project_year", "network.duration_years",
                         "budget.start", "budget.end", "project.start", "project.end"])
def within_three_years(bctx: BudgetCtx) -> Check:
    """'hovedprosjekter med inntil tre års varighet': a line in year 4 or later gets nothing,
    nor one in a year past the main project's own length (as `match`'s BN21)."""
    plan = _plan(bctx)
    limit, why = _length(bctx)
    over = [lr for lr in bctx.lines if (k := plan.of(lr.line)) is not None and k > limit]
    if over:
        years = sorted({plan.of(lr.line) or 0 for lr in over})
        return failed(f"{_labels(over)} ({bctx.total(over, eligible=False)}) are in project "
                      f"year(s) {_years_text(years)}, beyond the main project's {limit} years "
                      f"({why}): not eligible",
                      f"move the costs into project years 1 to {limit}, or leave them out")
    open_ = [lr for lr in bctx.lines if plan.of(lr.line) is None]
    if open_:
        return unknown(f"the lines name project years {_years_text(plan.stated)}; "
                       f"{_labels(open_)} name none", *(f"{lr.path}.year" for lr in open_),
                       "network.project_year",
                       fix="state each line's year, or network.project_year (the year applied "
                       "for, which lines without a year belong to)")
    if plan.keys == (ONE_YEAR,):
        return passed("no project year stated (network.project_year, or a line's year): the "
                      "whole budget is read as one yearly application")
    return passed(f"cost lines in project year(s) {_years_text(plan.keys)}, at most {limit}")


@book.budget_rule("BNB02", "Costs outside the page's examples are justified as joint development "
                  "costs", cites=[C_KOSTNADER, C_FELLES_UTVIKLING], reads=["budget.lines"],
                  kind=Kind.SOFT)
def justified(bctx: BudgetCtx) -> Check:
    """'Eksempler på kostnader': other costs count when they belong to the joint activities."""
    lines = [lr for lr in bctx.lines if lr.status is LineStatus.JUSTIFY]
    if lines:
        return failed(f"{_labels(lines)} ({bctx.total(lines)}) are not among the page's examples "
                      "of costs",
                      "justify each as a cost of the network's joint development activities, "
                      "strategically important for its common goals")
    return passed("every counted line is among the page's examples of costs")


NOTES = (
    "Bedriftsnettverk budgets are per project year (one application per year, for up to three "
    "years): give each line its `year`, or network.project_year for the year applied for; "
    "financing lines and budget.grant_sought are read as the year applied for.",
    "The page's costs are examples: a cost of another kind counts once justified as part of the "
    "joint development activities.",
)

CHECKER = BudgetChecker(
    scheme=SCHEME,
    classify=classify,
    grant=grant,
    rules=(*book.rules, *budget_financing.book.rules),
    own_funding_form=OWN_FUNDING_FORM,
    categories="administration, consultancy and external_services (the administrator's project "
    "management and purchased help), personnel (participants' hours) and travel (their direct "
    "expenses) count as the page's examples; every other category counts once justified as a "
    "joint development cost; hours and expenses in kind only from private participants in Norway",
    parameters=PARAMETERS,
    notes=NOTES,
)
