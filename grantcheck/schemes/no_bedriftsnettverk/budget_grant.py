"""Bedriftsnettverk's grant by project year, for :mod:`.budget`: one capped part per year in the
budget (min(50 % of the year's eligible costs minus other public support, NOK 750,000)), the
other public support and in which year it counts, and the grant and eligible base of a year as
the money rules read them: from the decided lines alone up to every undecided line counted
(:func:`year_range`), or the grant sought when stated (:func:`_this_grant`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from grantcheck.budget.core import (
    BudgetCtx,
    GrantPart,
    LineResult,
    LineStatus,
    capped_part,
)
from grantcheck.budget.model import Source
from grantcheck.engine import Check, text_of, unknown
from grantcheck.money import Money
from grantcheck.schemes.no_bedriftsnettverk.budget_lines import (
    ONE_YEAR,
    _in_year,
    _labels,
    _max_year,
    _plan,
    year_label,
)
from grantcheck.schemes.no_bedriftsnettverk.grant import year_caps
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_MAKS_50,
    C_STOTTEBELOP,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_GRANT_PER_YEAR,
    MAX_PUBLIC_SHARE,
)

# --- the grant ------------------------------------------------------------------------------


def financed_by(bctx: BudgetCtx, source: Source) -> Money:
    """The financing lines of one source, in the scheme's currency."""
    total = Money.zero(bctx.currency)
    for f in bctx.budget.financing or []:
        if f.source is source:
            total += bctx.in_scheme_currency(f.amount)
    return total


OTHER_MONEY_OPEN = ("other public support and a third party's money not stated (budget."
                    "financing; [] for none): they count too, so this holds only without them")


def financing_stated(bctx: BudgetCtx, c: Check) -> Check:
    """The check ``c`` of a rule that counts other public support or a third party's money
    (financing lines of source public or external): while ``budget.financing`` is not stated
    they are 0 and up, never none, so a pass (or an unknown) is unknown naming it too; a
    failure stands, as more of them only adds to the public support and takes from the
    participants' own financing."""
    if bctx.budget.financing is not None or c.ok is False or c.info:
        return c
    said = c.message
    fix = text_of(c.fix) or "state the financing lines (budget.financing, [] for none)"
    return unknown(lambda: f"{text_of(said)}; {OTHER_MONEY_OPEN}", *c.missing,
                   "budget.financing", fix=fix)


def counts_other_money(fn: Callable[[BudgetCtx], Check]) -> Callable[[BudgetCtx], Check]:
    """A budget rule whose check :func:`financing_stated` reads."""

    @wraps(fn)
    def rule(bctx: BudgetCtx) -> Check:
        return financing_stated(bctx, fn(bctx))

    return rule


def other_public(bctx: BudgetCtx) -> Money:
    """Other public support: the financing lines of source public."""
    return financed_by(bctx, Source.PUBLIC)


def _in_year_applied(bctx: BudgetCtx, key: int, source: Source) -> Money:
    """A source's financing counted in a year: in the year applied for (every year if
    unknown), as financing lines carry no year."""
    plan = _plan(bctx)
    if plan.financing is None or plan.financing == key:
        return financed_by(bctx, source)
    return Money.zero(bctx.currency)


def _public_in(bctx: BudgetCtx, key: int) -> Money:
    """Other public support counted in a year."""
    return _in_year_applied(bctx, key, Source.PUBLIC)


def _external_in(bctx: BudgetCtx, key: int) -> Money:
    """A private third party's money (source external) counted in a year: neither public
    support nor the participants' own financing."""
    return _in_year_applied(bctx, key, Source.EXTERNAL)


def _base(bctx: BudgetCtx, key: int) -> Money:
    return bctx.total([lr for lr in _in_year(bctx, key) if lr.counted])


def year_part(bctx: BudgetCtx, key: int, base: Money | None = None) -> GrantPart:
    """min(50 % of the year's eligible costs minus other public support, NOK 750,000); with
    ``base``, for those eligible costs instead of the counted lines'."""
    rate = MAX_PUBLIC_SHARE.at(bctx.on)
    cap = bctx.param(MAX_GRANT_PER_YEAR)
    base = _base(bctx, key) if base is None else base
    public = _public_in(bctx, key)
    where = "" if _plan(bctx).financing is not None else \
        " (the financing lines carry no year: deducted in every year)"
    caps = [(c, text_of(why)) for c, why in year_caps(cap, rate, base, public, where)]
    return capped_part(year_label(key), base, rate, caps, C_STOTTEBELOP, C_MAKS_50)


def _part_keys(bctx: BudgetCtx) -> list[int]:
    plan = _plan(bctx)
    limit = _max_year(bctx)
    keys = [k for k in plan.keys if k <= limit]
    if keys:
        return keys
    return [plan.financing if plan.financing is not None and plan.financing <= limit
            else ONE_YEAR]


def grant(bctx: BudgetCtx) -> list[GrantPart]:
    """One grant part per project year in the budget."""
    plan = _plan(bctx)
    keys = _part_keys(bctx)
    bctx.extra["part_keys"] = keys
    if ONE_YEAR in keys:
        bctx.notes.append("network.project_year is not stated and no line names a year: the "
                          "whole budget is read as one yearly application.")
    if plan.financing is not None and len(plan.keys) > 1 and bctx.budget.financing:
        bctx.notes.append(f"The financing lines carry no year: they are read as the financing "
                          f"of {year_label(plan.financing)}, the year applied for.")
    others = [f"{what} of {m}" for what, m in (
        ("other public support", other_public(bctx)),
        ("external financing (a third party's money)", financed_by(bctx, Source.EXTERNAL)))
        if m.amount > 0]
    if others:
        bctx.notes.append(f"The own funding shown (eligible costs minus this grant) includes "
                          f"{' and '.join(others)}; the participants' own financing is the rest "
                          "(BNB06).")
    if plan.financing is None and other_public(bctx).amount > 0:
        bctx.notes.append("The lines span several project years and the year applied for is not "
                          "stated (network.project_year): the other public support is deducted "
                          "from every year's grant, so the grant shown holds whichever year it "
                          "belongs to.")
    return [year_part(bctx, k) for k in keys]


def _parts(bctx: BudgetCtx) -> dict[int, GrantPart]:
    keys: list[int] = bctx.extra.get("part_keys") or _part_keys(bctx)
    return dict(zip(keys, bctx.parts, strict=True))


def _financed_years(bctx: BudgetCtx) -> list[int]:
    """The years the money rules look at: each year with a grant part, and the year applied
    for when other public support is budgeted for it."""
    keys = list(_parts(bctx))
    plan = _plan(bctx)
    if plan.financing is not None and plan.financing not in keys and \
            other_public(bctx).amount > 0:
        keys.append(plan.financing)
    return sorted(keys)


def _grant_in(bctx: BudgetCtx, key: int) -> Money:
    part = _parts(bctx).get(key)
    return part.grant if part is not None else Money.zero(bctx.currency)


@dataclass(frozen=True)
class YearRange:
    """A year's eligible costs and grant as far as the lines tell: ``low`` counts the decided
    lines only (the grant part), ``high`` every undecided line of the year too (None: the
    amount of one is not known). The grant grows with the costs, so every grant the unknown
    facts may give lies between the two."""

    base_low: Money
    base_high: Money | None
    grant_low: Money
    grant_high: Money | None
    open_: tuple[LineResult, ...]  # the year's undecided lines

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields that would decide the open lines."""
        return tuple(dict.fromkeys(m for lr in self.open_ for m in lr.missing))


def year_range(bctx: BudgetCtx, key: int) -> YearRange:
    """The year's eligible costs and grant, from the decided lines alone up to every undecided
    line counted in full."""
    low = _base(bctx, key)
    open_ = tuple(lr for lr in _in_year(bctx, key) if lr.status is LineStatus.UNKNOWN)
    grant_low = _grant_in(bctx, key)
    if not open_:
        return YearRange(low, low, grant_low, grant_low, open_)
    if any(lr.amount is None for lr in open_):
        return YearRange(low, None, grant_low, None, open_)
    high = low
    for lr in open_:
        assert lr.amount is not None
        high += lr.amount
    return YearRange(low, high, grant_low, year_part(bctx, key, high).grant, open_)


@dataclass(frozen=True)
class _Grant:
    """This grant in a project year as the money rules count it: the grant sought
    (budget.grant_sought) in the year applied for, when stated; else what the year's costs
    allow, from the decided lines alone (``low``) up to every undecided line counted
    (``high``; None: the amount of one is not known)."""

    low: Money
    high: Money | None
    said: str  # "grant sought" or "grant"
    open_: tuple[LineResult, ...] = ()  # the undecided lines that would raise it
    fields: tuple[str, ...] = ()


def _upto(m: Money | None) -> str:
    return str(m) if m is not None else "an amount not known"


def _count(lines: tuple[LineResult, ...], yes: bool = True) -> str:
    """'line 2 counts', 'line 2, line 3 do not count'."""
    one = len(lines) == 1
    verb = ("counts" if one else "count") if yes else \
        ("does not count" if one else "do not count")
    return f"{_labels(lines)} {verb}"


def _this_grant(bctx: BudgetCtx, key: int) -> _Grant:
    sought = bctx.budget.grant_sought
    if sought is not None and _plan(bctx).financing == key:
        asked = bctx.in_scheme_currency(sought)
        return _Grant(asked, asked, "grant sought")
    r = year_range(bctx, key)
    if r.grant_high == r.grant_low:  # the undecided lines cannot change it (the cap binds)
        return _Grant(r.grant_low, r.grant_low, "grant")
    return _Grant(r.grant_low, r.grant_high, "grant", r.open_, r.fields)
