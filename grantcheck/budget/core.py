"""Budget checking: budget lines → eligible cost base → grant → own funding, and the cost rules.

Pure, like the engine: no I/O, no printing, no ``date.today()``. A scheme's budget checker
(``grantcheck.budget.<module>``) supplies three things:

- ``classify(bctx, line_result)``: what one line is worth under the scheme (eligible, partly,
  ineligible with the reason and its source, counted-but-to-be-justified, or unknown naming the
  field that would decide it);
- ``grant(bctx)``: the grant, as parts (each with its base, rate and cap, and which of them bound
  the amount);
- ``rules``: the budget rules (engine :class:`~grantcheck.engine.Rule` of kind BUDGET), each
  reading the classified lines and the grant through :class:`BudgetCtx`.

All amounts are converted once, line by line, into the scheme's currency (rounded half up to
0.01 with the dated rate the output states), so that every total is an exact sum. The grant is
floored to 0.01 and the own funding is the eligible base minus the grant, exactly: grant + own
funding = eligible base, always; ineligible amounts are carried by the applicant beside that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from grantcheck.citations import Citation
from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Rule,
    RuleBook,
    Scheme,
)
from grantcheck.fx import FxRates
from grantcheck.money import Money
from grantcheck.parameters import Parameter

if TYPE_CHECKING:
    from grantcheck.budget.model import Budget, BudgetLine
    from grantcheck.profile import Profile


class LineStatus(StrEnum):
    ELIGIBLE = "eligible"
    PARTLY = "partly_eligible"  # part of the line counts (a cap, a pro-rata share)
    JUSTIFY = "needs_justification"  # counted, but not among the page's examples
    INELIGIBLE = "ineligible"
    UNKNOWN = "unknown"  # the budget does not say enough to decide


class BudgetVerdict(StrEnum):
    COMPLIES = "complies"
    NEEDS_INFORMATION = "needs_information"
    BREAKS_RULES = "breaks_rules"
    CLOSED = "closed"  # the call is not open on the date: whatever the cost rules say

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass
class LineResult:
    """One budget line as the scheme sees it. ``amount`` is in the scheme's currency."""

    index: int  # 0-based position in budget.lines
    line: BudgetLine
    amount: Money | None  # None: the amount itself cannot be computed (see missing)
    eligible: Money
    status: LineStatus
    group: str = ""  # the scheme's cost group, e.g. "advice" or "investment"
    reason: str = ""
    cites: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()
    amount_basis: str = ""  # how the amount was computed, when not given

    @property
    def path(self) -> str:
        return f"budget.lines[{self.index}]"

    @property
    def label(self) -> str:
        text = f"line {self.index + 1}"
        if self.line.description:
            text += f" ({self.line.description})"
        return text

    @property
    def counted(self) -> bool:
        return self.status in (LineStatus.ELIGIBLE, LineStatus.PARTLY, LineStatus.JUSTIFY)

    @property
    def not_eligible(self) -> Money:
        """The part of the line the scheme does not fund (0 for an unknown line)."""
        if self.amount is None or self.status is LineStatus.UNKNOWN:
            return Money.zero(self.eligible.currency)
        return self.amount - self.eligible

    def set(self, status: LineStatus, reason: str, *cites: Citation, eligible: Money | None = None,
            group: str | None = None, missing: Sequence[str] = ()) -> LineResult:
        """Record the decision (eligible defaults to the whole amount when counted, else 0)."""
        self.status = status
        self.reason = reason
        self.cites = tuple(cites)
        self.missing = tuple(missing)
        if group is not None:
            self.group = group
        zero = Money.zero(self.eligible.currency)
        if eligible is not None:
            self.eligible = eligible
        elif status in (LineStatus.ELIGIBLE, LineStatus.JUSTIFY) and self.amount is not None:
            self.eligible = self.amount
        else:
            self.eligible = zero
        return self


@dataclass(frozen=True)
class GrantPart:
    """One part of the grant: ``grant = min(base × rate, caps…)`` floored to 0.01."""

    name: str
    base: Money
    rate: Decimal
    grant: Money
    bound_by: str  # a sentence: which of rate and caps gave the amount
    cap: Money | None = None
    cites: tuple[Citation, ...] = ()
    rate_label: str = ""  # what the rate is, when the scheme has several (e.g. "for an SME")

    @property
    def capped(self) -> bool:
        """A cap, not the rate, gave the amount (``bound_by`` "the cap: …")."""
        return self.bound_by.startswith("the cap")

    @property
    def by_rate(self) -> Money:
        """What the rate alone would give (floored to 0.01)."""
        return (self.base * self.rate).floored()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "base": self.base.to_json(),
            "rate": str(self.rate),
            "grant": self.grant.to_json(),
            "bound_by": self.bound_by,
            "capped": self.capped,
        }
        if self.rate_label:
            out["rate_label"] = self.rate_label
        if self.cap is not None:
            out["cap"] = self.cap.to_json()
        out["source"] = [c.to_json() for c in self.cites]
        return out


def capped_part(name: str, base: Money, rate: Decimal, caps: Sequence[tuple[Money, str]],
                *cites: Citation) -> GrantPart:
    """``min(base × rate, every cap)``, floored to 0.01, saying which one bound it.

    ``caps`` are (amount, why) pairs; a cap is never negative in the result.
    """
    by_rate = (base * rate).floored()
    grant = by_rate
    bound = "the rate"
    tightest: Money | None = None
    for cap, why in caps:
        cap = Money(max(cap.amount, Decimal(0)), cap.currency).floored()
        if tightest is None or cap < tightest:
            tightest = cap
        if cap < grant:
            grant = cap
            bound = f"the cap: {why}"
    return GrantPart(name, base, rate, grant, bound, tightest, cites)


class BudgetCtx(Ctx):
    """What a budget rule sees: the budget, the classified lines and the grant.

    With no profile (a bare draft budget), every profile field reads as not stated, so rules
    that need one report it as unknown.
    """

    def __init__(self, profile: Profile | None, budget: Budget, scheme: Scheme, on: date,
                 fx: FxRates, source: str = "") -> None:
        from grantcheck.profile import Company, Profile

        # The budget is read through the profile, so "budget.…" paths resolve like every other
        # path. Without a profile: a placeholder that no rule reads (value() hides it); its
        # country and the scheme's currency only let Ctx settle a currency, which
        # BudgetCtx.currency overrides anyway (made without validation, the company must state
        # its currency: Company.money_currency looks the country up only once a profile has
        # been validated, and in a fresh process none has).
        if profile is None:
            holder = Profile.model_construct(
                company=Company.model_construct(
                    name="", country=scheme.country,
                    currency=scheme.currency),  # one of CURRENCIES
                budget=budget)
        elif profile.budget is not budget:
            holder = profile.model_copy(update={"budget": budget})
        else:
            holder = profile
        super().__init__(holder, on, fx)
        self.has_profile = profile is not None
        self.budget = budget
        self.scheme = scheme
        self.source = source
        self.lines: list[LineResult] = []
        self.parts: list[GrantPart] = []
        self.notes: list[str] = []
        self.tier: str | None = None
        self.extra: dict[str, Any] = {}  # a checker's own facts, set in its prepare()
        # a rule of the company's fit failed (BudgetChecker.fit_rules): the grant is only what
        # it would be if the company fitted, and the rules that state it say so
        self.no_fit = False
        # a rule of the company's fit cannot be decided for the profile: the grant is what it
        # would be if the company fitted, and the rules that state it say so
        self.fit_open = False

    @property
    def currency(self) -> str:  # amounts are in the scheme's currency
        return self.scheme.currency

    @property
    def budget_currency(self) -> str:
        if self.budget.currency:
            return self.budget.currency
        if self.has_profile:
            return self.profile.company.money_currency
        return self.scheme.currency

    def value(self, path: str) -> object:
        if not self.has_profile and not path.startswith("budget."):
            return None
        return super().value(path)

    def in_scheme_currency(self, amount: Decimal) -> Money:
        """An amount of the budget, converted to the scheme's currency (half up to 0.01)."""
        return self.fx.convert(Money(amount, self.budget_currency), self.scheme.currency).rounded()

    def param(self, p: Parameter[Decimal]) -> Money:
        """A money parameter on the evaluation date, in the scheme's currency."""
        return self.convert(p.money(self.on), self.scheme.currency).rounded()

    @property
    def grant(self) -> Money:
        return money_sum((p.grant for p in self.parts), self.scheme.currency)

    def total(self, lines: Sequence[LineResult] | None = None, *, eligible: bool = True) -> Money:
        chosen = self.lines if lines is None else lines
        if eligible:
            return money_sum((lr.eligible for lr in chosen), self.scheme.currency)
        return money_sum((lr.amount for lr in chosen if lr.amount is not None),
                         self.scheme.currency)

    def in_group(self, *groups: str) -> list[LineResult]:
        return [lr for lr in self.lines if lr.counted and lr.group in groups]

    def period(self) -> tuple[date | None, date | None]:
        """The project period: the budget's, else the profile's project dates."""
        start = self.budget.start or (self.profile.project.start if self.has_profile else None)
        end = self.budget.end or (self.profile.project.end if self.has_profile else None)
        return start, end

    def application_date(self) -> date | None:
        if self.budget.application_date:
            return self.budget.application_date
        return self.profile.project.application_date if self.has_profile else None


def grant_sought_check(bctx: BudgetCtx, bound: str = "", raise_it: str = "") -> Check:
    """budget.grant_sought against the grant the budget allows. Undecided lines make an excess
    unknown rather than a failure; without a grant sought, an info stating the grant."""
    sought = bctx.budget.grant_sought
    # a company that does not fit can have none: the grant is what the budget would allow
    allows, fitted = ("would allow", " if the company fitted (it does not: no grant)") \
        if bctx.no_fit else ("would allow", " if the company fits (not yet settled: no grant "
                             "until it is)") if bctx.fit_open else ("allows", "")
    if sought is None:
        return Check(True, f"the budget {allows} a grant of {'at most ' if bound else ''}"
                     f"{bctx.grant}{bound}{fitted}", info=True)
    asked = bctx.in_scheme_currency(sought)
    message = f"grant sought {asked}; the budget {allows} {bctx.grant}{bound}{fitted}"
    if asked <= bctx.grant:
        return Check(True, message)
    undecided = [lr for lr in bctx.lines if lr.status is LineStatus.UNKNOWN]
    if undecided:
        fields = tuple(dict.fromkeys(m for lr in undecided for m in lr.missing))
        return Check(None, f"{message}; {len(undecided)} line(s) are not decided yet and may "
                     "raise it", "state " + " and ".join(fields) if fields else "", fields)
    return Check(False, message, f"lower the grant sought to {bctx.grant} "
                 f"({asked - bctx.grant} less){raise_it}")


def reasons(lines: Iterable[LineResult]) -> str:
    """'line 2 (…): why; line 5: why' — the lines a rule speaks of, with their reasons."""
    return "; ".join(f"{lr.label}: {lr.reason}" for lr in lines)


def name_key(name: str) -> str:
    """A person's or company's name compared ignoring case and spacing."""
    return " ".join(name.split()).casefold()


def line_dates(lr: LineResult, bctx: BudgetCtx) -> tuple[date | None, date | None]:
    """When a line's cost falls: its own date or period, else the project period."""
    ln = lr.line
    if ln.incurred:
        return ln.incurred, ln.incurred
    if ln.start or ln.end:
        return ln.start or ln.end, ln.end or ln.start
    return bctx.period()


# --- the scheme side ------------------------------------------------------------------------

HoursRate = Callable[["BudgetCtx", "BudgetLine"], tuple[Decimal, str] | None]


@dataclass(frozen=True)
class BudgetChecker:
    """A scheme's cost rules. See the module docstring for the three parts."""

    scheme: Scheme
    classify: Callable[[BudgetCtx, LineResult], None]
    grant: Callable[[BudgetCtx], list[GrantPart]]
    rules: tuple[Rule, ...]
    own_funding_form: str
    categories: str  # one sentence: which categories count, for the README and the output
    parameters: tuple[Parameter[Any], ...] = ()
    hours_rate: HoursRate | None = None  # the scheme's hourly rate from a salary basis, if any
    notes: tuple[str, ...] = ()
    prepare: Callable[[BudgetCtx], None] | None = None  # before classification (e.g. a tier)
    # the budget rules that say whether the company fits the scheme (its voucher) at all: while
    # one fails, no grant can be had, and none is shown (BudgetResult.no_fit); while one is
    # undecided for a profile, the grant is only what it would be (BudgetResult.fit_unknown).
    # Empty: the shared rule FIT, the scheme's own rules as match reads the profile
    # (grantcheck.budget.fit)
    fit_rules: tuple[str, ...] = ()


class BudgetBook(RuleBook):
    """RuleBook for budget rules: functions take a :class:`BudgetCtx`; kind BUDGET by default."""

    def budget_rule(
        self, rule_id: str, title: str, *, cites: Sequence[Citation], reads: Sequence[str] = (),
        kind: Kind = Kind.BUDGET,
    ) -> Callable[[Callable[[BudgetCtx], Check]], Callable[[BudgetCtx], Check]]:
        def register(fn: Callable[[BudgetCtx], Check]) -> Callable[[BudgetCtx], Check]:
            def as_rule(ctx: Ctx) -> Check:
                assert isinstance(ctx, BudgetCtx)
                return fn(ctx)

            as_rule.__doc__ = fn.__doc__
            self.rule(rule_id, title, kind=kind, cites=cites, reads=reads)(as_rule)
            return fn

        return register


def money_sum(items: Iterable[Money], currency: str) -> Money:
    total = Money.zero(currency)
    for m in items:
        total += m
    return total
