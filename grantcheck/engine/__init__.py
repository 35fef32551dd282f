"""The rule engine: rules, findings, verdicts. Pure: no I/O, no printing, no ``date.today()``.

A rule is a function ``(ctx) -> Check`` with a stable id, a positive title, a kind (hard, soft,
declaration, budget, info), at least one citation and the profile fields it reads. Every rule runs
every time. A fact the profile does not state raises :class:`Missing` (via ``ctx.need``) and
becomes *unknown* naming the field; a parameter without a value for the date raises
:class:`~grantcheck.parameters.NotEncoded` and becomes *unknown* too. Nothing is defaulted.

Verdicts: any failed hard/declaration/budget rule → ``does_not_fit``; else any unknown one →
``needs_information``; else ``fits``. Soft rules give warnings and never change a verdict. A call
whose window has passed on the evaluation date is ``closed``, and the verdict it would have had is
still computed and shown.

The engine is a package: :mod:`.checks` (what a rule returns), :mod:`.context` (what a rule sees,
and the caches), :mod:`.rules` (the rule API), :mod:`.scheme` (what a scheme is),
:mod:`.evaluate` (its results), :mod:`.summary` (the verdicts-only fast path), and
:mod:`.messages` (message templates: a rule's words with named values, made only when shown).
Import from here.
"""

from grantcheck.engine.checks import (
    _RANK as _RANK,
)
from grantcheck.engine.checks import (
    BINDING as BINDING,
)
from grantcheck.engine.checks import (
    VERDICT_VALUE as VERDICT_VALUE,
)
from grantcheck.engine.checks import (
    Check as Check,
)
from grantcheck.engine.checks import (
    Kind as Kind,
)
from grantcheck.engine.checks import (
    Missing as Missing,
)
from grantcheck.engine.checks import (
    Outcome as Outcome,
)
from grantcheck.engine.checks import (
    Text as Text,
)
from grantcheck.engine.checks import (
    Unsettled as Unsettled,
)
from grantcheck.engine.checks import (
    Verdict as Verdict,
)
from grantcheck.engine.checks import (
    _fix_for as _fix_for,
)
from grantcheck.engine.checks import (
    check as check,
)
from grantcheck.engine.checks import (
    failed as failed,
)
from grantcheck.engine.checks import (
    info as info,
)
from grantcheck.engine.checks import (
    passed as passed,
)
from grantcheck.engine.checks import (
    shared_info as shared_info,
)
from grantcheck.engine.checks import (
    text_of as text_of,
)
from grantcheck.engine.checks import (
    unknown as unknown,
)
from grantcheck.engine.context import Ctx as Ctx
from grantcheck.engine.evaluate import AmountsResult as AmountsResult
from grantcheck.engine.evaluate import DocumentStatus as DocumentStatus
from grantcheck.engine.evaluate import NotFitting as NotFitting
from grantcheck.engine.evaluate import SchemeResult as SchemeResult
from grantcheck.engine.evaluate import TierResult as TierResult
from grantcheck.engine.evaluate import evaluate as evaluate
from grantcheck.engine.evaluate import verdict_of as verdict_of
from grantcheck.engine.messages import Message as Message
from grantcheck.engine.messages import Said as Said
from grantcheck.engine.messages import because as because
from grantcheck.engine.rules import Finding as Finding
from grantcheck.engine.rules import Rule as Rule
from grantcheck.engine.rules import RuleBook as RuleBook
from grantcheck.engine.rules import applied_by as applied_by
from grantcheck.engine.rules import dated as dated
from grantcheck.engine.rules import declaration_checks as declaration_checks
from grantcheck.engine.rules import derived as derived
from grantcheck.engine.rules import lacking as lacking
from grantcheck.engine.rules import missing as missing
from grantcheck.engine.rules import template as template
from grantcheck.engine.scheme import Amounts as Amounts
from grantcheck.engine.scheme import AmountsFn as AmountsFn
from grantcheck.engine.scheme import CallWindow as CallWindow
from grantcheck.engine.scheme import Document as Document
from grantcheck.engine.scheme import Scheme as Scheme
from grantcheck.engine.scheme import Stage as Stage
from grantcheck.engine.scheme import Tier as Tier
from grantcheck.engine.scope import Scope as Scope
from grantcheck.engine.summary import SchemeSummary as SchemeSummary
from grantcheck.engine.summary import _Order as _Order
from grantcheck.engine.summary import summarize as summarize
