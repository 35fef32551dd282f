"""The EU SME definition (Recommendation 2003/361/EC, Annex art. 2–6), computed from a profile.

Staff are annual work units (employees plus working owners, art. 5). Partner enterprises (25–50 %)
add their figures pro rata to the holding; linked enterprises (over 50 % or control) add 100 %
(art. 6). 25 % or more held by public bodies means not an SME (art. 3(4)), and so is a public body
itself (``company.legal_form = public_body``: a municipality, region or state agency is wholly
in public bodies' hands). A firm may exceed one
money ceiling but not both (art. 2). Status changes only when the ceilings are crossed in two
consecutive accounting periods (art. 4(2)): where the profile gives the previous year, the status
of that year stands unless the latest year agrees with it.

Where the profile lists no partner or linked enterprises, the company's own figures are used and
the explanation says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.citations import SME_ART2, SME_ART3, SME_ART4, SME_RECOMMENDATION, eu
from grantcheck.engine import Ctx, Text, Unsettled, text_of
from grantcheck.facts import Range, at_least, high, is_range, least, low, show
from grantcheck.law import sme_holders as investors
from grantcheck.law.sme_holders import _FORM_OPEN, _FORM_READ, _PUBLIC_BODY, public_bodies
from grantcheck.money import Money
from grantcheck.named import NamedTuple
from grantcheck.parameters import Parameter
from grantcheck.profile.bounds import DOMAIN_COUNT

IN_FORCE = date(2005, 1, 1)  # the Recommendation applies from 1 January 2005 (art. 9)

MEDIUM_STAFF = Parameter("sme_medium_staff_below", "persons", {IN_FORCE: Decimal(250)}, SME_ART2)
MEDIUM_TURNOVER = Parameter("sme_medium_turnover_max", "EUR", {IN_FORCE: Decimal(50_000_000)},
                            SME_ART2)
MEDIUM_BALANCE = Parameter("sme_medium_balance_max", "EUR", {IN_FORCE: Decimal(43_000_000)},
                           SME_ART2)
_ART2_2 = eu(SME_RECOMMENDATION, "Annex, Article 2(2)",
             "a small enterprise is defined as an enterprise which employs fewer than 50 persons "
             "and whose annual turnover and/or annual balance sheet total does not exceed EUR 10 "
             "million")
_ART2_3 = eu(SME_RECOMMENDATION, "Annex, Article 2(3)",
             "a microenterprise is defined as an enterprise which employs fewer than 10 persons "
             "and whose annual turnover and/or annual balance sheet total does not exceed EUR 2 "
             "million")
SMALL_STAFF = Parameter("sme_small_staff_below", "persons", {IN_FORCE: Decimal(50)}, _ART2_2)
SMALL_MONEY = Parameter("sme_small_money_max", "EUR", {IN_FORCE: Decimal(10_000_000)}, _ART2_2)
MICRO_STAFF = Parameter("sme_micro_staff_below", "persons", {IN_FORCE: Decimal(10)}, _ART2_3)
MICRO_MONEY = Parameter("sme_micro_money_max", "EUR", {IN_FORCE: Decimal(2_000_000)}, _ART2_3)
PUBLIC_SHARE = Parameter("sme_public_control_min", "percent", {IN_FORCE: Decimal(25)}, SME_ART3,
                         note="percent held by public bodies from which a firm is not an SME")

# a partner holds 25 % or more (art. 3(2)); a majority of the voting rights links (art. 3(3)(a))
PARTNER_MIN = Parameter("sme_partner_holding_min", "percent", {IN_FORCE: Decimal(25)}, SME_ART3,
                        note="the holding from which an enterprise is a partner (art. 3(2))")
LINKED_ABOVE = Parameter("sme_linked_holding_above", "percent", {IN_FORCE: Decimal(50)},
                         SME_ART3, note="a holding above it is a majority: a linked enterprise "
                         "(art. 3(3)(a))")

PARAMETERS = (MEDIUM_STAFF, MEDIUM_TURNOVER, MEDIUM_BALANCE, SMALL_STAFF, SMALL_MONEY,
              MICRO_STAFF, MICRO_MONEY, PUBLIC_SHARE, PARTNER_MIN, LINKED_ABOVE,
              *investors.PARAMETERS)
CITES = (SME_ART2, SME_ART3, investors.SME_ART3_2, SME_ART4)

ORDER = ("micro", "small", "medium", "large")


class Figures(NamedTuple):
    """One year's figures: each exact, a range (``grantcheck.facts``), or — for the money
    figures — None when not stated (0 and up)."""

    staff: Any
    turnover: Any
    balance: Any


class SmeStatus(NamedTuple):
    """The size class: ``lowest`` to ``highest`` when the facts are known only within bounds
    (the same when they settle it). ``open_facts``: the facts that leave it open. ``public``:
    when public bodies make it not an SME (Annex art. 3(4): a public body itself, or 25 % or
    more in their hands), why, in words; "" otherwise: its size has nothing to do with it then,
    and a rule says so rather than "a large enterprise"."""

    lowest: str  # micro | small | medium | large
    highest: str
    explanation: Text  # the sums that decided it: made when a finding shows it
    open_facts: tuple[str, ...] = ()
    public: str = ""

    def _unsettled(self, question: str) -> Unsettled:
        return Unsettled(*self.open_facts, why=lambda: (
            f"{question} is open: the size class is {self.lowest} to {self.highest} "
            f"({text_of(self.explanation)})"))

    @property
    def category(self) -> str:
        if self.lowest != self.highest:
            raise self._unsettled("the size class")
        return self.lowest

    @property
    def is_sme(self) -> bool:
        if self.highest != "large":
            return True
        if self.lowest == "large":
            return False
        raise self._unsettled("whether it is an SME")

    @property
    def is_small(self) -> bool:
        if self.highest in ("micro", "small"):
            return True
        if self.lowest in ("medium", "large"):
            return False
        raise self._unsettled("whether it is a small enterprise")


_LEVELS = (("micro", MICRO_STAFF, MICRO_MONEY, MICRO_MONEY),
           ("small", SMALL_STAFF, SMALL_MONEY, SMALL_MONEY),
           ("medium", MEDIUM_STAFF, MEDIUM_TURNOVER, MEDIUM_BALANCE))


def _levels(ctx: Ctx, currency: str) -> tuple[tuple[str, Decimal, Money, Money], ...]:
    """Each size class's staff ceiling and its two money ceilings converted into ``currency``,
    from the smallest class up."""
    return tuple((name, staff.at(ctx.on), ctx.convert(turnover.money(ctx.on), currency),
                  ctx.convert(balance.money(ctx.on), currency))
                 for name, staff, turnover, balance in _LEVELS)


def _category(ctx: Ctx, staff: Decimal, turnover: Money, balance: Money) -> str:
    """The size class of exact figures (an infinite amount: above every ceiling)."""
    # the same ceilings for every profile of a batch: converted once (Ctx.constant)
    for name, staff_below, t_max, b_max in ctx.constant(_levels, turnover.currency):
        if staff >= staff_below:
            continue
        if turnover <= t_max or balance <= b_max:
            return name
    return "large"


_UNSTATED_MONEY: dict[tuple[str, str], Range] = {}  # (path, currency) -> 0 and up, named


def _money_fact(ctx: Ctx, value: Any, path: str) -> Any:
    """A money figure as read: the amount, its range, or (not stated) 0 and up, named."""
    if value is None:  # 0 and up, in the context's currency: the same range every time
        key = (path, ctx.currency)
        domain = _UNSTATED_MONEY.get(key)
        if domain is None:
            if len(_UNSTATED_MONEY) >= 4096:
                _UNSTATED_MONEY.clear()
            domain = _UNSTATED_MONEY[key] = ctx.money(DOMAIN_COUNT.named(path, stated=False))
        return domain
    if type(value) is Money:
        return value
    if type(value) is Range:
        return value if type(value.lo) is Money else ctx.money(value.named(path))
    return ctx.money(value)


def size_range(ctx: Ctx, f: Figures, prefix: str) -> tuple[str, str, tuple[str, ...]]:
    """The least and the greatest size class the figures allow, and the facts that leave them
    apart. A class only grows with the staff and with each amount (Annex art. 2), so the
    figures' lower ends give the least class and their upper ends the greatest."""
    turnover = _money_fact(ctx, f.turnover, f"{prefix}.turnover")
    balance = _money_fact(ctx, f.balance, f"{prefix}.balance_sheet_total")
    staff = f.staff
    if type(staff) is not Range and type(turnover) is not Range and type(balance) is not Range:
        lowest = _category(ctx, staff, turnover, balance)  # exact figures: the usual case
        return lowest, lowest, ()
    figures = (staff, turnover, balance)
    lows, highs = [low(x) for x in figures], [high(x) for x in figures]
    lowest = _category(ctx, *lows)
    highest = _category(ctx, *highs)
    if highest == lowest:
        return lowest, highest, ()
    # the facts that matter: a figure whose bounds move the class from either end (the turnover
    # and the balance sheet only together, when one of them within its ceiling is enough)
    facts: list[str] = []
    for i, x in enumerate(figures):
        if is_range(x) and (_category(ctx, *_with(lows, i, highs[i])) != lowest
                            or _category(ctx, *_with(highs, i, lows[i])) != highest):
            facts.extend(x.facts)
    if not facts:
        facts = [p for x in figures if is_range(x) for p in x.facts]
    return lowest, highest, tuple(dict.fromkeys(facts))


def _with(values: list[Any], i: int, value: Any) -> list[Any]:
    return [value if j == i else v for j, v in enumerate(values)]


def category_of(ctx: Ctx, f: Figures, prefix: str) -> str:
    """The size class of one year's figures; raises Unsettled when their bounds leave it open."""
    lowest, highest, facts = size_range(ctx, f, prefix)
    if lowest != highest:
        raise Unsettled(*facts, why=lambda: (f"the size class is {lowest} to {highest} "
                                             f"({_describe(f)})"))
    return lowest


def _add(total: Figures, other: Figures, share: Any) -> Figures:
    def add_money(a: Any, b: Any) -> Any:
        if a is None or b is None:
            return None
        return a + b * share

    return Figures(total.staff + other.staff * share, add_money(total.turnover, other.turnover),
                   add_money(total.balance, other.balance))


def _describe(f: Figures) -> str:
    t = show(f.turnover) if f.turnover is not None else "turnover not stated"
    b = show(f.balance) if f.balance is not None else "not stated"
    return f"{show(f.staff)} AWU, turnover {t}, balance sheet {b}"


def _partner_share(ctx: Ctx, held: Any) -> Any:
    """The part of a partner's figures that adds (Annex art. 6(2): pro rata to the holding):
    a holding under 25 % makes no partner (art. 3(2)) and adds nothing; one over 50 % is a
    majority, a linked enterprise (art. 3(3)(a)), and adds all; a holding within bounds, the
    range of those parts."""
    least, most = PARTNER_MIN.at(ctx.on), LINKED_ABOVE.at(ctx.on)

    def part(x: Decimal) -> Decimal:
        return Decimal(0) if x < least else Decimal(1) if x > most else x / 100

    return held.map(part) if is_range(held) else part(held)


def _adds(ctx: Ctx, name: str, relation: str, share: Any, held: Any = None,
          investor: str | None = None, exempt: bool | None = False) -> Text:
    why = ""
    if investor is not None and exempt is not False:
        kind = investors.INVESTOR_WORDS[investor]
        why = (f", {show(held)} % held by {kind}: no partner (art. 3(2), second subparagraph)"
               if exempt else f", {show(held)} % held by {kind}: no partner if it meets art. "
               "3(2), second subparagraph")
    elif relation == "partner" and not is_range(share) and share in (0, 1):
        why = (f", {show(held)} % held: under {show(PARTNER_MIN.at(ctx.on))} %, no partner "
               "(art. 3(2))" if share == 0 else
               f", {show(held)} % held: over {show(LINKED_ABOVE.at(ctx.on))} %, a majority, "
               "linked (art. 3(3)(a))")
    elif name == investors.GROUP_UNNAMED:  # a registry's group: figures 0 and up
        why = ", their figures not known: company.related, the group's enterprises, settles them"
    return lambda: f"{name} ({relation}{why}) adds {show(share * 100)} %"


def company_status(ctx: Ctx, owners_max: Decimal | None = None) -> SmeStatus:
    """The profile company's SME status and the sums that decided it, once in its own currency
    (``ctx.base``) for every scheme: working owners count in full (art. 5(c)), or at most
    ``owners_max`` AWU where a page counts them so (SMV:Digital)."""
    return ctx.base.once(_company_status, owners_max)


def _company_status(ctx: Ctx, owners_max: Decimal | None) -> SmeStatus:
    c = ctx.profile.company
    # Annex art. 3(4): "an enterprise cannot be considered an SME if 25 % or more of the capital
    # or voting rights are directly or indirectly controlled, jointly or individually, by one or
    # more public bodies": a public body itself (a municipality, region, state agency, KF, IKS)
    # is wholly in public bodies' hands, whatever public_ownership_percent says
    if c.legal_form == "public_body":
        return SmeStatus("large", "large", _PUBLIC_BODY, public=_PUBLIC_BODY)
    public_min = PUBLIC_SHARE.at(ctx.on)
    open_facts: list[str] = []  # facts that may make it a large enterprise whatever the sums
    public = ctx.figure(c.public_ownership_percent, "company.public_ownership_percent")
    held = at_least(public, public_min)
    if held:
        said = (f"{show(public)} % held by public bodies (25 % or more): not an SME (Rec. "
                "2003/361/EC, Annex art. 3(4))")
        return SmeStatus("large", "large", said, public=said)
    if held is None:
        open_facts.extend(public.facts)
    owners = ctx.figure(c.owners_fte, "company.owners_fte")
    staff = ctx.figure(c.employees_fte, "company.employees_fte") + (
        owners if owners_max is None else least(owners, owners_max))
    total = Figures(staff, _money_fact(ctx, c.turnover, "company.turnover"),
                          _money_fact(ctx, c.balance_sheet_total, "company.balance_sheet_total"))
    joint = public_bodies(ctx, public_min, LINKED_ABOVE.at(ctx.on))
    if joint is not None:
        held_jointly, said, within_bounds = joint
        if held_jointly:
            return SmeStatus("large", "large", said, public=said)
    notes: list[Text] = []
    if joint is not None and not held_jointly:
        open_facts.extend(within_bounds if held_jointly is None else ())
        notes.extend((said,) if said else ())
    added: list[tuple[Figures, Any]] = []  # each enterprise's figures and the part that adds
    if c.related is None:  # unknown partners or linked enterprises: any figures at all
        open_facts.append("company.related")
        notes.append("partner and linked enterprises not stated (company.related): own "
                     "figures, and any enterprise could add to them")
    for i, r in enumerate(c.related or ()):
        prefix = f"company.related[{i}]"
        held_by = ctx.figure(r.share_percent, f"{prefix}.share_percent")
        share = _partner_share(ctx, held_by) if r.relation == "partner" else Decimal(1)
        exempt: bool | None = False
        if r.investor is not None:
            exempt, exempt_facts = investors.investor_exempt(ctx, r, prefix, held_by,
                                                   LINKED_ABOVE.at(ctx.on))
            share = investors.investor_share(share, exempt, exempt_facts)
        other = Figures(investors.entry_staff(ctx, r, prefix),
                        _money_fact(ctx, r.turnover, investors.entry_path(r, prefix, "turnover")),
                        _money_fact(ctx, r.balance_sheet_total,
                                    investors.entry_path(r, prefix, "balance_sheet_total")))
        total = _add(total, other, share)
        if is_range(share) or share:
            added.append((other, share))
        notes.append(_adds(ctx, r.name, r.relation, share, held_by, r.investor, exempt))
    prev = c.previous_year
    if prev is not None and (prev.staff is not None or prev.turnover is not None
                             or prev.balance_sheet_total is not None):
        # Annex art. 4(2): the status changes only after two consecutive periods over (or
        # under) a ceiling, so the year before's class stands; the latest year's class is
        # only said (worked out when the text is shown). The ceilings are on the figures with
        # the partner and linked enterprises (art. 6), whose earlier figures the profile does
        # not give: their stated figures are added to the year before too, never left out.
        # A figure of that year left out is 0 and up, as any other: no reason to pass it over.
        pf = Figures(ctx.figure(prev.staff, "company.previous_year.staff"),
                     _money_fact(ctx, prev.turnover, "company.previous_year.turnover"),
                     _money_fact(ctx, prev.balance_sheet_total,
                                 "company.previous_year.balance_sheet_total"))
        for other, share in added:
            pf = _add(pf, other, share)
        lowest, highest, facts = size_range(ctx, pf, "company.previous_year")
        latest = None
    else:
        lowest, highest, facts = size_range(ctx, total, "company")
        latest = (lowest, highest)
    status = (lowest, highest)  # what the figures say
    if lowest != "large" and open_facts:
        highest = "large"  # an unstated public holding or enterprise could make it large
    facts = tuple(dict.fromkeys((*facts, *open_facts)))

    def text() -> str:
        size = latest or size_range(ctx, total, "company")[:2]
        words = f"{_span(*size)}: {_describe(total)}"
        if status != size:
            words += (f"; the year before was {_span(*status)}, and the status changes only "
                      "after two consecutive periods (Annex art. 4(2)), so it stays "
                      f"{_span(*status)}")
            if added:
                words += (" (the year before counted with the partner and linked enterprises' "
                          "figures as stated: the profile gives no earlier ones)")
        said = [f"public ownership {public.described()}: 25 % or more would make it not an "
                "SME (Annex art. 3(4))" + (_FORM_OPEN if c.legal_form is None else "")
                ] if held is None else []
        if held is False and c.legal_form is None:
            said.append(_FORM_READ)
        said += [text_of(n) for n in notes]
        if said:
            words += " (" + "; ".join(said) + ")"
        return words

    return SmeStatus(lowest, highest, text, facts)


def _span(lowest: str, highest: str) -> str:
    return lowest if lowest == highest else f"{lowest} to {highest}"
