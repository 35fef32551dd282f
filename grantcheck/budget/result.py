"""A draft budget checked against a scheme's :class:`~grantcheck.budget.core.BudgetChecker`:
every line's amount computed and classified, the grant computed, every budget rule evaluated
(:func:`check_budget`), and the :class:`BudgetResult` with its totals and verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from grantcheck.budget.core import (
    BudgetChecker,
    BudgetCtx,
    BudgetVerdict,
    GrantPart,
    LineResult,
    LineStatus,
    money_sum,
)
from grantcheck.budget.fit import FIT_ID, company_fit
from grantcheck.citations import Citation
from grantcheck.engine import Check, Finding, Kind, Missing, Outcome, Rule, Scheme, text_of
from grantcheck.engine.evaluate import _AS_IF_OPEN  # the states match checks as open
from grantcheck.fx import FxRates, NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.money import Money, format_amount
from grantcheck.parameters import NotEncoded

if TYPE_CHECKING:
    from grantcheck.budget.model import Budget
    from grantcheck.profile import Profile


@dataclass
class BudgetResult:
    scheme: Scheme
    on: date
    currency: str
    budget_currency: str
    tier: str | None
    lines: list[LineResult]
    parts: list[GrantPart]
    findings: list[Finding]
    own_funding_form: str
    categories: str
    fx: FxRates
    has_profile: bool
    notes: list[str] = field(default_factory=list)
    source: str = ""
    # why the grant could not be computed ("" when it was): then neither it, nor the own funding
    # and what the applicant carries (both made of it), is a figure; never a grant of 0
    grant_unknown: str = ""
    # the call on the date, as ``match`` states it: ('open'|'closed'|'not_yet_open'|
    # 'not_encoded', sentence); a budget for a call not open is never one that complies
    call: tuple[str, str] = ("open", "")
    # the failed rule that says the company does not fit the scheme (or the budget's voucher) at
    # all (BudgetChecker.fit_rules): then no grant can be had, so none is shown as one; the grant
    # and the own funding are what they would be if it fitted (as match's NotFitting)
    no_fit: Finding | None = None
    # the rule of the company's fit (FIT, or BudgetChecker.fit_rules) that cannot be decided for
    # the profile: the grant is only what it would be if the company fitted, never shown as one
    # it can have, and the rule names the facts that settle it
    fit_unknown: Finding | None = None

    @property
    def grant_shown(self) -> bool:
        """Whether the grant, the own funding and what the applicant carries are figures to
        show as such: computed, and for a company that fits the scheme (neither fails a rule of
        its fit nor leaves one undecided)."""
        return not self.grant_unknown and self.no_fit is None and self.fit_unknown is None

    @property
    def eligible_base(self) -> Money:
        return money_sum((lr.eligible for lr in self.lines), self.currency)

    @property
    def grant(self) -> Money:
        return money_sum((p.grant for p in self.parts), self.currency)

    @property
    def own_funding(self) -> Money:
        return self.eligible_base - self.grant

    @property
    def not_eligible(self) -> Money:
        return money_sum((lr.not_eligible for lr in self.lines), self.currency)

    @property
    def undecided(self) -> Money:
        return money_sum((lr.amount for lr in self.lines
                     if lr.status is LineStatus.UNKNOWN and lr.amount is not None), self.currency)

    @property
    def total(self) -> Money:
        """Every line whose amount is known."""
        return money_sum((lr.amount for lr in self.lines if lr.amount is not None), self.currency)

    @property
    def applicant_carries(self) -> Money:
        """Own funding of the eligible base plus every cost the scheme does not fund."""
        return self.own_funding + self.not_eligible

    @property
    def call_open(self) -> bool:
        """The call takes applications on the date (or its rules are read as if it did: a date
        they are not encoded for, as ``match``'s verdict_if_open)."""
        return self.call[0] in _AS_IF_OPEN

    @property
    def verdict(self) -> BudgetVerdict:
        """The cost rules' verdict when the call is open on the date, else CLOSED: a budget
        for a closed call is not one to send, whatever its costs (``verdict_if_open``)."""
        return self.verdict_if_open if self.call_open else BudgetVerdict.CLOSED

    @property
    def verdict_if_open(self) -> BudgetVerdict:
        """What the cost rules say, whether or not the call is open."""
        binding = [f for f in self.findings if f.rule.kind is not Kind.SOFT
                   and f.rule.kind is not Kind.INFO]
        if any(f.outcome is Outcome.FAIL for f in binding):
            return BudgetVerdict.BREAKS_RULES
        if any(f.outcome is Outcome.UNKNOWN for f in binding) or any(
                lr.status is LineStatus.UNKNOWN for lr in self.lines):
            return BudgetVerdict.NEEDS_INFORMATION
        return BudgetVerdict.COMPLIES


def compute_amount(bctx: BudgetCtx, checker: BudgetChecker, lr: LineResult) -> None:
    """Fill ``lr.amount`` from the line (amount, hours × rate, or the scheme's salary basis)."""
    ln = lr.line
    basis = ""
    if ln.amount is not None:
        raw: Decimal | None = ln.amount
    elif ln.hours is not None and ln.rate is not None:
        raw = ln.hours * ln.rate
        basis = f"{ln.hours} h × {ln.rate}"
    elif ln.hours is not None:
        found = checker.hours_rate(bctx, ln) if checker.hours_rate else None
        if found is None:
            raw = None
            lr.set(LineStatus.UNKNOWN,
                   f"the scheme's page states no way to turn a salary into an hourly rate: "
                   f"give the rate (or the amount) of {lr.label}",
                   missing=(f"{lr.path}.rate",))
        else:
            rate, basis = found
            raw = Money(ln.hours * rate, bctx.budget_currency).rounded().amount
            basis = f"{ln.hours} h × {basis}"
    elif ln.monthly_salary is not None and ln.months is not None:
        raw = ln.monthly_salary * ln.months
        basis = f"{ln.months} months × {format_amount(ln.monthly_salary)}"
    elif ln.monthly_salary is not None:
        raw = None  # months left out: the scheme's checker decides (classify sees amount None)
    else:  # pragma: no cover - the model requires an amount
        raise ValueError(f"{lr.label} has no amount")
    if raw is not None:
        money = bctx.in_scheme_currency(raw)
        if bctx.budget_currency != bctx.scheme.currency:
            cur = bctx.budget_currency
            via = "" if cur == "EUR" else f" ({bctx.fx.rate(cur).describe()})"
            basis = (basis + "; " if basis else "") + f"{cur} {raw} converted{via}"
        lr.amount = money
    lr.amount_basis = basis


def _grant_unknown(scheme: Scheme, e: Exception) -> Finding:
    """The grant cannot be computed (e.g. a date outside the rules' history): say so."""
    fields = e.fields if isinstance(e, Missing) else ()
    if fields:
        return _grant_not_computed(scheme, f"the budget does not state {', '.join(fields)}",
                                   "state " + " and ".join(fields), fields)
    return _grant_not_computed(scheme, str(e), e.fix if isinstance(e, DateOutOfRange) else
                               "choose an evaluation date the rules cover (--as-of), or give "
                               "the rate with --rate")


def _grant_not_computed(scheme: Scheme, message: str, fix: str, fields: tuple[str, ...] = ()
                        ) -> Finding:
    rule = Rule("GRANT", "The grant can be computed", Kind.BUDGET,
                (Citation(scheme.source, "", "", note="the scheme's amounts"),), (),
                lambda ctx: Check(None, message))
    return Finding(rule, Outcome.UNKNOWN, message, fix, fields)


def _applied_in_call(bctx: BudgetCtx) -> Finding | None:
    """The budget's application date (budget.application_date, else the profile's
    project.application_date) against the call's last open day, as match's rule does
    (:func:`grantcheck.engine.rules.applied_by`): a budget dated after it cannot be sent to the
    call, open as it is on the evaluation date; nor one dated before the call's
    ``applications_from``, where the page bounds its opening without naming it. None when the
    call states no last day, is not open on the date (its status says so), or no application
    date is stated."""
    scheme, applied = bctx.scheme, bctx.application_date()
    call = scheme.call
    last, first = call.closes, call.applications_from
    if last is None or applied is None or call.state(bctx.on) not in _AS_IF_OPEN:
        return None
    rule = Rule("CALL", "The application is sent by the call's last open day", Kind.BUDGET,
                call.cites + ((first.cite,) if first else ()),
                ("budget.application_date", "project.application_date"),
                lambda ctx: Check(None, ""))
    said = f"application date {applied}; the call's last open day is {last}"
    if first is not None and applied < first.value:  # as Säker digitalisering's SD20
        return Finding(rule, Outcome.FAIL, f"{said}, and it cannot have opened before "
                       f"{first.value} (the page names no opening day)",
                       f"an application to the call is dated {first.value} or later, and "
                       f"{last} at the latest")
    if applied <= last:
        return Finding(rule, Outcome.PASS, said)
    late = (applied - last).days
    return Finding(rule, Outcome.FAIL, f"{said} ({late} day{'s' * (late != 1)} after it)",
                   f"the call takes no application after {last}: apply by then")


def check_budget(checker: BudgetChecker, budget: Budget, profile: Profile | None, on: date,
                 fx: FxRates, source: str = "") -> BudgetResult:
    """Classify every line, compute the grant and evaluate every budget rule."""
    bctx = BudgetCtx(profile, budget, checker.scheme, on, fx, source)
    if checker.prepare is not None:
        checker.prepare(bctx)
    zero = Money.zero(checker.scheme.currency)
    for i, ln in enumerate(budget.lines):
        lr = LineResult(i, ln, None, zero, LineStatus.UNKNOWN)
        try:
            compute_amount(bctx, checker, lr)
            if not lr.missing:  # the amount is known (or left to the scheme: salary months)
                checker.classify(bctx, lr)
        except Missing as m:
            lr.set(LineStatus.UNKNOWN, f"the budget does not state {', '.join(m.fields)}",
                   missing=m.fields)
        except (NotEncoded, NoRate, DateOutOfRange) as e:  # a date the rules do not cover;
            lr.set(LineStatus.UNKNOWN, str(e))  # no exchange rate; a year past 9999 from a date
        bctx.lines.append(lr)
    # on a date the scheme's rules are not encoded for, no grant is computed and every cost
    # rule is unknown with its reason, even where the page's numbers are undated
    encoded = checker.scheme.encoded(bctx)
    if encoded.ok is None:
        grant_unknown, fix = text_of(encoded.message), text_of(encoded.fix)
        findings = [_grant_not_computed(checker.scheme, grant_unknown, fix),
                    *(Finding(r, Outcome.UNKNOWN, grant_unknown, fix) for r in checker.rules)]
    else:
        findings = []
        grant_unknown = ""
        try:
            bctx.parts = checker.grant(bctx)
        except (Missing, NotEncoded, NoRate, DateOutOfRange) as e:
            bctx.parts = []
            findings.append(_grant_unknown(checker.scheme, e))
            grant_unknown = findings[-1].message
        # the rules of the company's fit first (the scheme's own, as match reads the profile,
        # else the checker's): the others state the grant as what it would be if it fitted
        fit = {r.id: r.evaluate(bctx) for r in checker.rules if r.id in checker.fit_rules}
        shared = company_fit(checker, bctx)
        if shared is not None:
            fit[FIT_ID] = shared
            findings.append(shared)
        bctx.no_fit = any(f.outcome is Outcome.FAIL for f in fit.values())
        bctx.fit_open = bctx.has_profile and any(f.outcome is Outcome.UNKNOWN
                                                 for f in fit.values())
        findings += [fit.get(r.id) or r.evaluate(bctx) for r in checker.rules]
    applied = _applied_in_call(bctx)
    if applied is not None:
        findings.insert(0, applied)
    fitting = [f for f in findings if f.rule.id in (*checker.fit_rules, FIT_ID)]
    no_fit = next((f for f in fitting if f.outcome is Outcome.FAIL), None)
    # with a profile, the company's fit is its facts' to settle (a bare draft has none: its
    # grant is what the cost rules allow, and the rules say what they cannot read); a grant not
    # computed is no figure either, and its reason is said first
    fit_unknown = None if no_fit is not None or not bctx.has_profile or grant_unknown else next(
        (f for f in fitting if f.outcome is Outcome.UNKNOWN), None)
    return BudgetResult(
        checker.scheme, on, checker.scheme.currency, bctx.budget_currency, bctx.tier,
        bctx.lines, bctx.parts, findings, checker.own_funding_form, checker.categories, fx,
        bctx.has_profile, [*checker.notes, *bctx.notes], source, grant_unknown,
        checker.scheme.call.status(on), no_fit, fit_unknown,
    )
