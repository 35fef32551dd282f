"""Bedriftsnettverk's budget lines: the page's example costs, the project years, who carries
each line and whether it may be booked in kind, and how each line is classified (the grant by
project year: :mod:`.budget_grant`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from grantcheck.budget.core import (
    BudgetCtx,
    LineResult,
    LineStatus,
    name_key,
)
from grantcheck.budget.model import BudgetLine, Category, Financing
from grantcheck.citations import Citation
from grantcheck.law.dates import add_years
from grantcheck.profile import LegalForm, Participant
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_ETT_AAR,
    C_FELLES_UTVIKLING,
    C_KOSTNADER,
    C_PRIVATE,
    C_STOTTEBELOP,
    C_TRE_AARS_VARIGHET,
    SOURCE,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_DURATION_YEARS,
    MAX_GRANT_PER_YEAR,
    MAX_GRANT_YEARS,
    MAX_PUBLIC_SHARE,
    MIN_OWN_SHARE,
)

# --- citations the scheme module does not need: the page's list of example costs ------------

S_COSTS = "Hva kan det søkes støtte til?"
C_ADMINISTRATOR_COSTS = Citation(
    SOURCE, S_COSTS,
    "Søkerbedrift/administrators direkte kostnader til prosjektledelse, fasilitering og "
    "administrasjon samt kjøp av ekstern bistand og andre tjenester",
)
C_HOURS = Citation(
    SOURCE, S_COSTS,
    "Deltakerbedriftenes direkte innsats i samarbeidsprosjektet i form av timer utført av "
    "kompetent personell til gjennomføring av avtalte prosjektaktiviteter",
)
C_TRAVEL = Citation(
    SOURCE, S_COSTS,
    "Deltakerbedriftenes direkte utgifter (reiseutgifter) i forbindelse med arbeid innenfor "
    "samarbeidsprosjektet og delprosjekter",
)

OWN_FUNDING_FORM = ("cash, hours or direct expenses (in kind only from private participants in "
                    "Norway)")

# The page's examples of costs (eligible) ...
EXAMPLES: dict[Category, tuple[str, Citation]] = {
    Category.ADMINISTRATION: ("the administrator's project management, facilitation and "
                             "administration", C_ADMINISTRATOR_COSTS),
    Category.CONSULTANCY: ("purchased external assistance", C_ADMINISTRATOR_COSTS),
    Category.EXTERNAL_SERVICES: ("purchased services", C_ADMINISTRATOR_COSTS),
    Category.PERSONNEL: ("participants' hours by competent personnel on agreed project "
                         "activities", C_HOURS),
    Category.TRAVEL: ("participants' direct expenses (travel) in the project", C_TRAVEL),
}
# ... every other category is counted, to be justified (the page gives examples and names no
# cost as not eligible).
JUSTIFY = frozenset(Category) - set(EXAMPLES)
HINTS: dict[Category, str] = {
    Category.SALARY: " (a participant's staff time on agreed activities is the example 'hours': "
    "give it as personnel)",
}

# How a line is financed when it does not say: purchases are paid out (cash); the rest is open.
CASH_BY_NATURE = frozenset({
    Category.ADMINISTRATION, Category.CONSULTANCY, Category.EXTERNAL_SERVICES, Category.HARDWARE,
    Category.SOFTWARE, Category.SOFTWARE_SUBSCRIPTION, Category.COMMISSIONING, Category.IPR,
})
OPEN_FINANCING = frozenset(Category) - CASH_BY_NATURE

ONE_YEAR = 0  # the year key of a budget read as one yearly application (year not stated)

PARAMETERS = (MAX_GRANT_PER_YEAR, MAX_GRANT_YEARS, MAX_PUBLIC_SHARE, MIN_OWN_SHARE,
              MAX_DURATION_YEARS)


# --- project years ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Years:
    """Which project year each line belongs to, and which year the financing lines are for."""

    applied: int | None  # network.project_year
    stated: tuple[int, ...]  # the years the lines name
    default: int | None  # the year of a line without one (ONE_YEAR; None: cannot be told)
    financing: int | None  # the year applied for: financing lines, grant_sought (None: unknown)
    keys: tuple[int, ...]  # every year a line is in, sorted

    def of(self, ln: BudgetLine) -> int | None:
        return ln.year if ln.year is not None else self.default


def _plan(bctx: BudgetCtx) -> Years:
    found = bctx.extra.get("years")
    if isinstance(found, Years):
        return found
    raw = bctx.value("network.project_year")
    applied = raw if isinstance(raw, int) else None
    lines = bctx.budget.lines
    stated = tuple(sorted({ln.year for ln in lines if ln.year is not None}))
    default: int | None
    if applied is not None:
        default = applied
    elif not stated:
        default = ONE_YEAR
    elif len(stated) == 1:
        default = stated[0]
    else:
        default = None
    keys = tuple(sorted({k for ln in lines
                         if (k := ln.year if ln.year is not None else default) is not None}))
    financing = applied if applied is not None else (keys[0] if len(keys) == 1 else None)
    plan = Years(applied, stated, default, financing, keys)
    bctx.extra["years"] = plan
    return plan


def year_label(key: int) -> str:
    return "the year applied for" if key == ONE_YEAR else f"project year {key}"


def _years_text(keys: Iterable[int]) -> str:
    return ", ".join(str(k) for k in keys)


def _max_year(bctx: BudgetCtx) -> int:
    """The last project year of the main project: at most three ('hovedprosjekter med inntil
    tre års varighet'), and no more than its own length, as `match`'s BN21 reads it: the
    profile's ``network.duration_years``, and the years ``project.start`` to ``project.end``
    (the budget's dates, else the profile's) begin."""
    return _length(bctx)[0]


def _length(bctx: BudgetCtx) -> tuple[int, str]:
    """The last project year, and the phrase saying why ('main projects run for at most 3
    years')."""
    limit = int(MAX_DURATION_YEARS.at(bctx.on))
    why = f"main projects run for at most {limit} years"
    years = bctx.value("network.duration_years")
    if years is not None and int(str(years)) < limit:
        limit = int(str(years))
        why = f"the main project lasts {limit} year(s) (network.duration_years = {limit})"
    start, end = bctx.period()
    if start is not None and end is not None and add_years(start, limit - 1) > end:
        while limit > 1 and add_years(start, limit - 1) > end:
            limit -= 1
        why = f"the main project from {start} to {end} has {limit} project year(s)"
    return limit, why


def _in_year(bctx: BudgetCtx, key: int) -> list[LineResult]:
    plan = _plan(bctx)
    return [lr for lr in bctx.lines if plan.of(lr.line) == key]


# --- who carries a line, and may it book hours and direct expenses ----------------------------


@dataclass(frozen=True)
class Who:
    """The participant carrying a line, and whether it may book hours and direct expenses."""

    name: str
    admin: bool | None  # the applicant/administrator (None: cannot be told without a profile)
    allowed: bool | None  # private business in Norway (None: not stated)
    text: str
    missing: tuple[str, ...] = ()


# A fact on "privat virksomhet i Norge": what it says (True: meets it, False: rules it out, None:
# not stated), the words when it rules it out, and the field that states it.
Fact = tuple[bool | None, str, str]


def _private_in_norway(name: str, admin: bool, facts: Sequence[Fact],
                       ok: str = "private business in Norway") -> Who:
    """Whether a participant or the applicant is private business in Norway: not when a fact
    rules it out; not known while a fact is not stated; else it is."""
    refused = [text for fact, text, _ in facts if fact is False]
    if refused:
        return Who(name, admin, False, " and ".join(refused))
    open_fields = tuple(f for fact, _, f in facts if fact is None)
    if open_fields:
        return Who(name, admin, None, "whether it is private business in Norway is not "
                   "stated", open_fields)
    return Who(name, admin, True, ok)


def _applicant(bctx: BudgetCtx, name: str) -> Who:
    """The applicant (administrator): a public body by its legal form is not private business;
    another legal form is, when it runs economic activity in Norway (the page's test is living
    on its own earnings, so public ownership is not read as public)."""
    form = bctx.value("company.legal_form")
    return _private_in_norway(name, True, (
        (None if form is None else form != LegalForm.PUBLIC_BODY,
         "a public body (legal_form = public_body)", "company.legal_form"),
        (_flag(bctx.value("company.economic_activity_in_norway")),
         "without economic activity in Norway", "company.economic_activity_in_norway"),
    ), ok="a company with economic activity in Norway, private business in Norway")


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)


def _who(bctx: BudgetCtx, lr: LineResult) -> Who:
    ln = lr.line
    company = bctx.profile.company.name if bctx.has_profile else ""
    if ln.participant is None or (
            bctx.has_profile and name_key(ln.participant) == name_key(company)):
        name = f"{company} (the administrator)" if company else "the applicant (administrator)"
        return _applicant(bctx, name)
    if not bctx.has_profile:
        return Who(ln.participant, None, None, "without a profile its participants are not known",
                   ("network.participants",))
    for i, p in enumerate(bctx.profile.network.participants or []):
        if name_key(p.name) == name_key(ln.participant):
            return _participant(i, p)
    return Who(ln.participant, False, None,
               f"{ln.participant!r} is neither the applicant ({company}) nor among "
               "network.participants", (f"{lr.path}.participant", "network.participants"))


def _participant(index: int, p: Participant) -> Who:
    prefix = f"network.participants[{index}]"
    in_norway = p.established_in_norway
    if in_norway is None and p.country is not None and p.country.upper() == "NO":
        in_norway = True
    private: Fact = (False, "a public body", f"{prefix}.kind") if p.kind == "public_body" else \
        (p.private, "not private business living on its own earnings (private = false)",
         f"{prefix}.private")
    return _private_in_norway(p.name, False, (
        private,
        (in_norway, "not established in Norway" + (f" (country {p.country})" if p.country
                                                   else ""),
         f"{prefix}.established_in_norway"),
    ))


def _financing(ln: BudgetLine) -> Financing | None:
    """The line's financing; left out, cash for purchases, else not known."""
    if ln.financing is not None:
        return ln.financing
    return Financing.CASH if ln.category in CASH_BY_NATURE else None


@dataclass(frozen=True)
class InKind:
    """A line under the page's rule on hours and direct expenses."""

    state: str  # "cash", "allowed", "refused", "open"
    who: Who | None = None
    missing: tuple[str, ...] = ()


def in_kind(bctx: BudgetCtx, lr: LineResult) -> InKind:
    fin = _financing(lr.line)
    if fin is Financing.CASH:
        return InKind("cash")
    who = _who(bctx, lr)
    if who.allowed:
        return InKind("allowed", who)
    fin_field = () if fin is Financing.IN_KIND else (f"{lr.path}.financing",)
    if who.allowed is False:
        return InKind("refused", who) if fin is Financing.IN_KIND else \
            InKind("open", who, fin_field)
    return InKind("open", who, (*fin_field, *who.missing))


# --- lines ----------------------------------------------------------------------------------


def _labels(lines: Sequence[LineResult]) -> str:
    return ", ".join(lr.label for lr in lines)


def _what(lr: LineResult, key: int | None) -> str:
    ln = lr.line
    text = f"{ln.category.value.replace('_', ' ')} {lr.amount}"
    if ln.participant:
        text += f" by {ln.participant}"
    if key is not None:
        text += f", {year_label(key)}"
    return text


def classify(bctx: BudgetCtx, lr: LineResult) -> None:
    """One line: its project year, the page's examples, and who may book it in kind."""
    ln = lr.line
    plan = _plan(bctx)
    if lr.amount is None:  # a salary line without its months
        lr.set(LineStatus.UNKNOWN, "a salary line needs the months it runs (or its amount)",
               C_KOSTNADER, missing=(f"{lr.path}.months",))
        return
    key = plan.of(ln)
    if key is None:
        lr.set(LineStatus.UNKNOWN,
               f"{_what(lr, None)}: the lines name project years {_years_text(plan.stated)} and "
               "this one names none; state its year, or network.project_year (the year applied "
               "for)", C_ETT_AAR, group="year not stated",
               missing=(f"{lr.path}.year", "network.project_year"))
        return
    group = year_label(key)
    limit, why = _length(bctx)
    if key > limit:
        lr.set(LineStatus.INELIGIBLE,
               f"{_what(lr, key)}: {why}, so a cost in project year {key} gets no support",
               C_TRE_AARS_VARIGHET, C_STOTTEBELOP, C_ETT_AAR, group=group)
        return
    cat = ln.category
    if cat in EXAMPLES:
        status = LineStatus.ELIGIBLE
        text, cite = EXAMPLES[cat]
        reason = f"{text} are among the page's examples of costs"
        cites: tuple[Citation, ...] = (cite, C_KOSTNADER)
    else:
        status = LineStatus.JUSTIFY
        reason = (f"{cat.value.replace('_', ' ')} is not among the page's examples of costs: "
                  "counted, but justify it as a cost of the network's joint development "
                  f"activities{HINTS.get(cat, '')}")
        cites = (C_KOSTNADER, C_FELLES_UTVIKLING)
    k = in_kind(bctx, lr)
    what = _what(lr, key)
    if k.state == "cash":
        how = "paid in cash" if ln.financing else "paid in cash (a purchase)"
        lr.set(status, f"{what}, {how}: {reason}", *cites, group=group)
        return
    who = k.who
    assert who is not None
    if k.state == "allowed":
        how = "booked in kind" if ln.financing is Financing.IN_KIND else \
            "cash or in kind (financing not stated)"
        lr.set(status, f"{what}, {how}: {reason}; {who.name} is {who.text} and may book hours "
               "and direct expenses", *cites, C_PRIVATE, group=group)
        return
    if k.state == "refused":
        lr.set(LineStatus.INELIGIBLE,
               f"{what}, booked in kind: {who.name} is {who.text}; only participants from "
               "private business in Norway may book hours and direct expenses, others pay "
               "cash", C_PRIVATE, group=group)
        return
    if who.allowed is False:  # financing not stated; as cash it counts, in kind it does not
        reason_open = (f"{what}: the financing is not stated; {who.name} is {who.text}, so it "
                       "may pay cash but not book hours or direct expenses (state financing)")
    else:
        reason_open = (f"{what}: {who.text}; only participants from private business in Norway "
                       "may book hours and direct expenses"
                       + ("" if ln.financing is Financing.IN_KIND
                          else " (as cash the line would count: state financing)"))
    lr.set(LineStatus.UNKNOWN, reason_open, C_PRIVATE, *cites, group=group, missing=k.missing)
