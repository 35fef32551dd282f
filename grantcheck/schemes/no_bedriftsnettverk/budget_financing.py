"""Bedriftsnettverk's budget rules on the money of each project year, for :mod:`.budget`, in the
order of the page: the administrator's booked costs (BNB03), the grant sought (BNB04), the public
share (BNB05), the own financing (BNB06), the participants' cash payment (BNB07) and who may book
hours and direct expenses (BNB08)."""

from __future__ import annotations

from dataclasses import dataclass

from grantcheck.budget.core import (
    BudgetBook,
    BudgetCtx,
    LineResult,
    LineStatus,
)
from grantcheck.budget.model import Financing, Source
from grantcheck.engine import Check, check, failed, info, passed, unknown
from grantcheck.money import Money, format_percent
from grantcheck.schemes.no_bedriftsnettverk.budget_grant import (
    _base,
    _count,
    _external_in,
    _financed_years,
    _Grant,
    _parts,
    _public_in,
    _this_grant,
    _upto,
    counts_other_money,
    other_public,
    year_range,
)
from grantcheck.schemes.no_bedriftsnettverk.budget_lines import (
    OWN_FUNDING_FORM,
    _financing,
    _in_year,
    _labels,
    _plan,
    _who,
    _years_text,
    in_kind,
    year_label,
)
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_BOKFORTE,
    C_EGENFINANSIERING,
    C_ETT_AAR,
    C_KONTANT,
    C_MAKS_50,
    C_PRIVATE,
    C_STOTTEBELOP,
)
from grantcheck.schemes.no_bedriftsnettverk.parameters import (
    MAX_GRANT_PER_YEAR,
    MAX_GRANT_YEARS,
    MAX_PUBLIC_SHARE,
    MIN_OWN_SHARE,
)

book = BudgetBook()


@book.budget_rule("BNB03", "The administrator's booked costs are at least the public support",
                  cites=[C_BOKFORTE], reads=["budget.lines[].participant", "company.name",
                                             "budget.financing", "network.project_year"])
@counts_other_money
def booked_at_administrator(bctx: BudgetCtx) -> Check:
    """'Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige
    støtten': per project year, the eligible costs booked at the administrator against this
    grant plus other public support; undecided lines give each a range, and the rule decides
    only when the whole of both ranges gives one answer."""
    plan = _plan(bctx)
    if plan.financing is None and other_public(bctx).amount > 0:
        return unknown("the other public support cannot be placed in a project year: the lines "
                       f"span years {_years_text(plan.keys)}", "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    texts: list[str] = []
    fails: list[str] = []
    open_fields: list[str] = []
    undecided = False
    for key in _financed_years(bctx):
        g, other = _this_grant(bctx, key), _public_in(bctx, key)
        public, public_high = g.low + other, (g.high + other if g.high is not None else None)
        low = Money.zero(bctx.currency)
        high: Money | None = low
        maybe: list[LineResult] = []
        for lr in _in_year(bctx, key):
            admin = _who(bctx, lr).admin
            if lr.counted and admin:
                low += lr.eligible
            elif (lr.counted and admin is None) or \
                    (lr.status is LineStatus.UNKNOWN and admin is not False):
                maybe.append(lr)
            else:
                continue
            add = lr.eligible if lr.counted else lr.amount
            high = high + add if high is not None and add is not None else None
        public_text = f"{public}" if not g.open_ else \
            f"{public} (up to {_upto(public_high)} if {_count(g.open_)})"
        text = (f"{year_label(key)}: booked at the administrator {low} "
                f"{'≥' if low >= public else '<'} public support {public_text}")
        if public_high is not None and low >= public_high:
            texts.append(text)
        elif high is not None and high < public:
            fails.append(text)
        else:
            undecided = True
            texts.append(text + (f" (up to {_upto(high)} with {_labels(maybe)})" if maybe else ""))
            for lr in maybe:
                open_fields += lr.missing or ()
                if _who(bctx, lr).admin is None:
                    open_fields.append("company.name")
            if public_high is None or low < public_high:
                open_fields += g.fields
    if fails:
        return failed("; ".join([*fails, *texts]),
                      "book more of the project's costs at the administrator (e.g. let it buy "
                      "the external services), or seek less support")
    if undecided:
        return unknown("; ".join(texts), *dict.fromkeys(open_fields),
                       fix="state which participant carries each line (and the profile's "
                       "company.name)")
    return passed("; ".join(texts))


@book.budget_rule("BNB04", "The grant sought is within NOK 750,000 and 50 % of the year's "
                  "eligible costs", cites=[C_STOTTEBELOP, C_MAKS_50, C_ETT_AAR],
                  reads=["budget.grant_sought", "network.project_year"])
def grant_sought(bctx: BudgetCtx) -> Check:
    """'inntil 750.000 kroner per år'; 'maksimalt utgjøre 50 prosent'."""
    cap = bctx.param(MAX_GRANT_PER_YEAR)
    years = int(MAX_GRANT_YEARS.at(bctx.on))
    parts = _parts(bctx)
    allows = "; ".join(f"{year_label(k)}: {p.grant} (bound by {p.bound_by})"
                       for k, p in parts.items())
    sought = bctx.budget.grant_sought
    if sought is None:
        return info(f"the budget allows {allows}; at most {cap} per project year, so at most "
                    f"{cap * years} over {years} years (derived: {years} × {cap}, not stated on "
                    "the page)")
    asked = bctx.in_scheme_currency(sought)
    plan = _plan(bctx)
    if plan.financing is None:
        return unknown(f"grant sought {asked} is for one project year, but the lines span years "
                       f"{_years_text(plan.keys)} ({allows})", "network.project_year",
                       fix="state network.project_year, the year applied for")
    key = plan.financing
    r = year_range(bctx, key)
    allowed = r.grant_low
    part = parts.get(key)
    bound = f" (bound by {part.bound_by})" if part is not None else " (no eligible costs)"
    if asked > allowed and r.grant_high != allowed and \
            (r.grant_high is None or asked <= r.grant_high):
        return unknown(f"grant sought {asked} > {allowed}, what {year_label(key)} allows{bound}; "
                       f"up to {_upto(r.grant_high)} if {_count(r.open_)}",
                       *r.fields, fix="state what decides each undecided line")
    return check(asked <= allowed,
                 f"grant sought {asked} {'≤' if asked <= allowed else '>'} {allowed}, what "
                 f"{year_label(key)} allows{bound}",
                 f"seek at most {allowed} ({asked - allowed} less), or raise the eligible costs "
                 f"of {year_label(key)}")


@book.budget_rule("BNB05", "Public support is at most 50 % of the eligible costs",
                  cites=[C_MAKS_50], reads=["budget.financing", "network.project_year"])
@counts_other_money
def public_share(bctx: BudgetCtx) -> Check:
    """'Den offentlige støtten kan maksimalt utgjøre 50 prosent': this grant plus other public
    support, per project year. This grant is the grant sought in the year applied for, when
    stated (as BNB03 and BNB06 count it), else what the year's costs allow."""
    plan = _plan(bctx)
    rate = MAX_PUBLIC_SHARE.at(bctx.on)
    if plan.financing is None and other_public(bctx).amount > 0:
        return unknown(f"other public support {other_public(bctx)} cannot be placed in a project "
                       f"year: the lines span years {_years_text(plan.keys)}",
                       "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    texts: list[str] = []
    fails: list[str] = []
    open_fields: list[str] = []
    undecided = False
    for key in _financed_years(bctx):
        g, other = _this_grant(bctx, key), _public_in(bctx, key)
        limit = _base(bctx, key) * rate
        ok = g.low + other <= limit
        text = (f"{year_label(key)}: public support {g.low + other} ({g.said} {g.low}, other "
                f"public {other}) {'≤' if ok else '>'} {limit.rounded()}, "
                f"{format_percent(rate)} of the eligible costs {_base(bctx, key)}")
        r = year_range(bctx, key)
        if ok or not r.open_:
            (texts if ok else fails).append(text)
            continue
        # the room (50 % of the costs minus the grant) only grows with the costs: it holds at
        # the upper end or nowhere
        if r.base_high is not None and g.high is not None and \
                g.high + other > r.base_high * rate:
            fails.append(text + f" (still over with {_labels(r.open_)} counted)")
            continue
        texts.append(text + f" (up to eligible costs {_upto(r.base_high)} if "
                     f"{_count(r.open_)})")
        undecided = True
        open_fields += r.fields
    if fails:
        return failed("; ".join([*fails, *texts]),
                      "reduce the other public support, or raise the eligible costs of the year")
    if undecided:
        return unknown("; ".join(texts), *dict.fromkeys(open_fields),
                       fix="state what decides each undecided line")
    return passed("; ".join(texts))


@book.budget_rule("BNB06", "The participants fund at least 50 % of the eligible costs, in cash, "
                  "hours or direct expenses", cites=[C_EGENFINANSIERING, C_PRIVATE],
                  reads=["budget.lines[].financing", "budget.financing", "budget.grant_sought"])
@counts_other_money
def own_financing(bctx: BudgetCtx) -> Check:
    """'egenfinansiering må utgjøre minst 50 prosent ... kontantinnbetaling, timeinnsats eller
    direkte utgifter': the eligible costs less the public support (without other money, the
    mirror of BNB05) and less a private third party's money (source external), which is not the
    participants'. The own financing less 50 % of the costs only grows with the costs (the grant
    grows by at most half of them), so an undecided line is decided by the year's two ends."""
    rate = MIN_OWN_SHARE.at(bctx.on)
    texts: list[str] = []
    fails = False
    open_fields: list[str] = []
    for key in _financed_years(bctx):
        base = _base(bctx, key)
        g = _this_grant(bctx, key)
        other, external = _public_in(bctx, key), _external_in(bctx, key)
        public = g.low + other
        own = base - public - external
        need = base * rate
        kind = bctx.total([lr for lr in _in_year(bctx, key)
                           if lr.counted and lr.line.financing is Financing.IN_KIND])
        r = year_range(bctx, key)
        meets = own >= need
        if not meets and r.open_:  # does it meet with every undecided line counted?
            high = (None if r.base_high is None or g.high is None else
                    r.base_high - g.high - other - external >= r.base_high * rate)
            if high is not False:
                open_fields += r.fields
            else:
                fails = True  # below with every undecided line counted too
        elif not meets:
            fails = True
        why = "" if meets else " (the public support is too high: BNB05)" \
            if public > base - need else " (the external financing is not the participants')"
        texts.append(f"{year_label(key)}: own financing {own}"
                     + (f" (after external financing {external})" if external.amount else "")
                     + f" {'meets' if meets else 'is below'} {need.rounded()}, "
                     f"{format_percent(rate)} of the eligible costs {base}{why}"
                     + f"; of it {kind} booked in kind"
                     + (f" (not counting {_labels(r.open_)}, undecided)" if r.open_ else ""))
    text = "; ".join(texts) + f"; as {OWN_FUNDING_FORM}"
    if fails:
        return failed(text, "raise the participants' own financing (cash, hours or direct "
                      "expenses) to half of the eligible costs")
    if open_fields:
        return unknown(text, *dict.fromkeys(open_fields),
                       fix="state what decides each undecided line")
    if not texts:
        return info(text)
    return passed(text)


@dataclass
class _Need:
    low: Money  # cash cost lines
    high: Money | None  # plus the lines that may be cash (None: an amount is not known)
    open_: list[LineResult]


def _capital_need(bctx: BudgetCtx, key: int) -> _Need:
    low = Money.zero(bctx.currency)
    high: Money | None = low
    open_: list[LineResult] = []
    for lr in _in_year(bctx, key):
        fin = _financing(lr.line)
        if fin is Financing.IN_KIND:
            continue
        if lr.amount is None:
            high = None
            open_.append(lr)
            continue
        if fin is Financing.CASH:
            low += lr.amount
        else:
            open_.append(lr)
        if high is not None:
            high += lr.amount
    return _Need(low, high, open_)


def _min_cash(need: Money, grant_: Money, other: Money) -> Money:
    rest = need - grant_ - other
    return rest if rest.amount > 0 else Money.zero(rest.currency)


@book.budget_rule("BNB07", "The participants' cash payment is at least the capital need minus "
                  "public grants", cites=[C_KONTANT],
                  reads=["budget.lines[].financing", "budget.financing", "network.project_year"])
def cash_payment(bctx: BudgetCtx) -> Check:
    """'kontantinnbetaling ... må minst tilsvare budsjettert kapitalbehov i prosjektet, minus det
    som finansieres av offentlige tilskudd'. Checked once the budget states the participants'
    own financing (a line of source own, cash or in kind) or a third party's cash: their cash is
    then the own cash lines, nothing when there are none."""
    plan = _plan(bctx)
    financing = bctx.budget.financing or []
    cash_in = [f for f in financing
               if f.source in (Source.OWN, Source.EXTERNAL) and f.financing is Financing.CASH]
    stated = bool(cash_in) or any(f.source is Source.OWN for f in financing)
    rows: dict[int, tuple[_Need, _Grant, Money, Money | None, str]] = {}
    for key in _financed_years(bctx):
        g, other = _this_grant(bctx, key), _public_in(bctx, key)
        need = _capital_need(bctx, key)
        # the least cash: the least capital need less the most grant; the most: the other way
        low = _min_cash(need.low, g.high, other) if g.high is not None else \
            Money.zero(bctx.currency)
        high = _min_cash(need.high, g.low, other) if need.high is not None else None
        how = f"cash cost lines {need.low} − {g.said} {_upto(g.high)}" \
            + (f" if {_count(g.open_)}" if g.open_ else "") \
            + (f" − other public support {other}" if other.amount else "")
        ifs = ([f"{_labels(need.open_)} are paid in cash"] if need.open_ else []) \
            + ([f"{_count(g.open_, yes=False)}, {g.said} {g.low}"] if g.open_ else [])
        rng = "" if high == low else f" (up to {_upto(high)} if {' and '.join(ifs)})"
        rows[key] = (need, g, low, high, f"at least {low}{rng} ({how})")
    if not stated:
        return info("the participants must pay in cash: "
                    + "; ".join(f"{year_label(k)}: {r[4]}" for k, r in rows.items())
                    + ". State the participants' cash as financing lines (source own, financing "
                    "cash) to check it")
    if plan.financing is None:
        return unknown(f"the financing lines carry no year and the lines span years "
                       f"{_years_text(plan.keys)}", "network.project_year",
                       fix="state network.project_year, the year the financing lines are for")
    key = plan.financing
    paid = Money.zero(bctx.currency)
    third = Money.zero(bctx.currency)  # a third party's money is not the participants' payment
    for f in cash_in:
        if f.source is Source.OWN:
            paid += bctx.in_scheme_currency(f.amount)
        else:
            third += bctx.in_scheme_currency(f.amount)
    if key not in rows:  # no costs in the year applied for
        return passed(f"participants' cash {paid}; {year_label(key)} has no cash costs")
    need, g, low, high, text = rows[key]
    head = f"{year_label(key)}: participants' cash {paid}" + (
        f" (not counting external financing {third}, a third party's money)"
        if third.amount else "")
    if high is not None and paid >= high:
        return passed(f"{head} ≥ the minimum, {text}")
    if paid < low:
        return failed(f"{head} < the minimum, {text}",
                      f"the participants must pay in at least {low - paid} more in cash")
    return unknown(f"{head}; the minimum is {text}",
                   *dict.fromkeys([*(f"{lr.path}.financing" if lr.amount is not None
                                     else f"{lr.path}.rate" for lr in need.open_), *g.fields]),
                   fix="state the financing (cash or in_kind) of each line"
                   + (", and what decides the lines that may count" if g.open_ else ""))


@book.budget_rule("BNB08", "Only participants from private business in Norway book hours and "
                  "direct expenses", cites=[C_PRIVATE],
                  reads=["budget.lines[].participant", "budget.lines[].financing",
                         "network.participants[].private", "network.participants[].kind",
                         "network.participants[].country",
                         "network.participants[].established_in_norway",
                         "company.legal_form", "company.economic_activity_in_norway"])
def private_in_kind(bctx: BudgetCtx) -> Check:
    """'Bare deltakere fra privat virksomhet i Norge ... kan kostnadsføre timer og direkte
    utgifter': the others may only pay cash."""
    refused: list[str] = []
    open_: list[str] = []
    fields: list[str] = []
    allowed = 0
    for lr in bctx.lines:
        k = in_kind(bctx, lr)
        if k.state == "refused" and k.who is not None:
            refused.append(f"{lr.label} by {k.who.name} ({k.who.text})")
        elif k.state == "open" and k.who is not None:
            open_.append(f"{lr.label} ({k.who.name}: {k.who.text})")
            fields += k.missing
        elif k.state == "allowed":
            allowed += 1
    if refused:
        return failed("booked in kind by a participant that may only pay cash: "
                      + "; ".join(refused),
                      "let private participants in Norway book the hours and expenses, or turn "
                      "these into cash contributions")
    if open_:
        return unknown("not known whether these may be booked in kind: " + "; ".join(open_),
                       *dict.fromkeys(fields),
                       fix="state each line's financing, each participant's private, kind "
                       "and established_in_norway, and the applicant's legal_form and "
                       "economic_activity_in_norway")
    if allowed:
        return passed(f"{allowed} line(s) of hours or direct expenses, each from private business "
                      "in Norway")
    return passed("every line is paid in cash")
