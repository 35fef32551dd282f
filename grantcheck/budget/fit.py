"""Whether the company fits the scheme at all: the budget rule ``FIT``, the scheme's own rules as
``match`` reads the profile, written once for every scheme.

A budget's grant is one the company can have only if it fits the scheme: while a rule of the
scheme fails (Innobooster People's age rule, Prosessinnovasjon's SME rule), there is no grant,
whatever the lines; while one cannot be decided, the grant is only what the company would get if
it fitted, and the facts that settle it are named (decide by bounds: the grant is then nothing or
that figure). A scheme whose budget checker states its own rules of the company's fit
(:attr:`~grantcheck.budget.core.BudgetChecker.fit_rules`: SMV:Digital's SMVB01, the voucher the
budget is drafted for) has those instead. A bare draft (no profile) has no company to fit: the
rule is not made, and the rules that need the company's facts say so themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grantcheck.citations import Citation
from grantcheck.engine import Check, Ctx, Finding, Kind, Outcome, Rule, Verdict
from grantcheck.engine.checks import BINDING
from grantcheck.engine.evaluate import verdict_of
from grantcheck.engine.rules import findings_of

if TYPE_CHECKING:
    from grantcheck.budget.core import BudgetChecker, BudgetCtx

FIT_ID = "FIT"
TITLE = "The company fits the scheme (its rules, as match reads the profile)"
FIX = "run grantcheck match --explain on the profile"


def company_fit(checker: BudgetChecker, bctx: BudgetCtx) -> Finding | None:
    """The finding of ``FIT`` for the budget's profile: PASS when the scheme's rules say it fits,
    FAIL naming the rules that say it does not, UNKNOWN naming the facts that settle it. None
    without a profile, or when the checker states its own ``fit_rules``. For a scheme with
    tiers, the rules every tier shares and those of the budget's tier (``bctx.tier``)."""
    if not bctx.has_profile or checker.fit_rules:
        return None
    scheme = checker.scheme
    ctx = Ctx(bctx.profile, bctx.on, bctx.fx)  # the scheme's rules, in the company's terms
    try:
        findings = [f for f in findings_of(scheme.rules, ctx) if f.rule.tier in (None, bctx.tier)]
    finally:
        ctx.forget()
    rule = Rule(FIT_ID, TITLE, Kind.BUDGET,
                (Citation(scheme.source, "", "", note="the scheme's rules, as match reads them"),),
                (), lambda _: Check(None, ""))
    verdict = verdict_of(findings)
    if verdict is Verdict.FITS:
        return Finding(rule, Outcome.PASS,
                       f"the company fits {scheme.name}, as match reads its profile")
    binding = [f for f in findings if f.rule.kind in BINDING]
    if verdict is Verdict.DOES_NOT_FIT:
        broken = ", ".join(f.rule.ref for f in binding if f.outcome is Outcome.FAIL)
        return Finding(rule, Outcome.FAIL, f"the company does not fit {scheme.name} (rules "
                       f"{broken})", f"{FIX}: no grant can be had while a rule fails")
    open_ = [f for f in binding if f.outcome is Outcome.UNKNOWN]
    fields = tuple(dict.fromkeys(m for f in open_ for m in f.missing))
    rules = ", ".join(f.rule.ref for f in open_)
    needs = ", ".join(fields) if fields else "what its rules ask"
    return Finding(rule, Outcome.UNKNOWN,
                   f"whether the company fits {scheme.name} needs {needs} (rules {rules})",
                   ("state " + " and ".join(fields) + "; " if fields else "") + FIX, fields)
