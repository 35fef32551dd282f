"""Rules and the rule book: the rule API a scheme writes against (``RuleBook.add``, ``requires=``,
``derived``, ``dated``, ``template``, ``missing``, ``lacking``)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from typing import Any, NoReturn, TypeVar

from grantcheck.citations import Citation
from grantcheck.engine.checks import (
    Check,
    Kind,
    Missing,
    Outcome,
    Text,
    Unsettled,
    _tuple_new,
    text_of,
    unknown,
)
from grantcheck.engine.context import _UNSET, Ctx
from grantcheck.engine.findings import Finding as Finding
from grantcheck.engine.messages import Because, Message, Said
from grantcheck.fx import NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.named import NamedTuple
from grantcheck.parameters import NotEncoded, Parameter

T = TypeVar("T")

# --- rules --------------------------------------------------------------------------------------


class Rule(NamedTuple):
    id: str
    title: str
    kind: Kind
    cites: tuple[Citation, ...]
    reads: tuple[str, ...]
    fn: Callable[[Ctx], Check]
    tier: str | None = None
    doc: str = ""
    section: str = ""  # the heading of the requirements catalogue it stands under (`show`)

    @property
    def ref(self) -> str:
        """The rule's id, with its tier's: "SMV10 (t25)"."""
        return f"{self.id} ({self.tier})" if self.tier else self.id

    def run(self, ctx: Ctx) -> Check:
        """The rule's check on ``ctx``, its message and fix made; a missing fact, parameter or
        rate is an unknown one."""
        c = self._checked(ctx)
        if type(c.message) is str and type(c.fix) is str:
            return c
        return c._replace(message=text_of(c.message), fix=text_of(c.fix))

    def evaluate(self, ctx: Ctx) -> Finding:
        return findings_of((self,), ctx)[0]

    def _checked(self, ctx: Ctx) -> Check:
        """The check: a function's words made (inside the handling of a missing fact); a
        template's are made from its values when they are read (:class:`Finding`; a value that
        is a function, as any text made when shown, asks for no fact and no rate)."""
        try:
            c = self.fn(ctx)
            if _kept(c.message, c.fix):
                return c
            return c._replace(message=text_of(c.message), fix=text_of(c.fix))
        except _UNKNOWN_ERRORS as e:
            return _error_check(e)


def _kept(message: Text, fix: Text) -> bool:
    """Whether a check's words are kept as the rule gave them: made (a str), or a template's
    (:class:`Said`, made when read: :class:`Finding`) with a fix of words or the template's own.
    Otherwise a function's words are made at once, inside the handling of a missing fact."""
    if type(fix) is str:
        return type(message) is str or type(message) is Said
    return type(message) is Said and fix == message.fix


def _error_check(e: Exception) -> Check:
    """The unknown check of a rule that raised ``e``, one of :data:`_UNKNOWN_ERRORS`."""
    if isinstance(e, Unsettled):  # a range (or an unstated fact) that leaves the answer open
        return unsettled_check(e)
    if isinstance(e, Missing):
        return _missing_check(e.fields, e.why)
    if isinstance(e, NoRate):
        return Check(None, str(e), "give the exchange rate with --rate")
    if isinstance(e, DateOutOfRange):
        return Check(None, str(e), e.fix)
    return Check(None, str(e), "choose an evaluation date the rules cover (--as-of)")


def findings_of(rules: Iterable[Rule], ctx: Ctx) -> list[Finding]:
    """The finding of each of ``rules`` on ``ctx``, in order: :meth:`Rule._checked` and the
    finding made of its check, in one loop (a scheme's every rule runs for every profile:
    the calls and the named tuple's ``_replace`` were a sixth of a compact record's work).
    A rule that gives the very check it gave last time (one the engine shares between
    profiles: a fact not stated, a declaration, a date's constant) gets the finding made then:
    a finding is not changed once made."""
    out: list[Finding] = []
    append = out.append
    last = _LAST
    for rule in rules:
        fn = rule.fn
        try:
            c = fn(ctx)
            made = False
        except _UNKNOWN_ERRORS as e:
            c = _error_check(e)
            made = True  # an unknown's check is taken as it is
        hit = last.get(fn)
        if hit is not None and hit[0] is c and hit[1].rule is rule:
            append(hit[1])
            continue
        ok, message, fix, fields, is_info = c
        if not made and (type(message) is not str or type(fix) is not str) and not _kept(
                message, fix):
            try:  # a function's words are made here, inside the handling of a missing fact
                message, fix = text_of(message), text_of(fix)
            except _UNKNOWN_ERRORS as e:
                ok, message, fix, fields, is_info = _error_check(e)
        # a template's words carry its values (a compact record writes those), unless the rule
        # gave the template a fix of its own words
        said = message if type(message) is Said and (
            type(fix) is not str or not message.message.fix) else None
        kind = rule.kind
        if is_info or kind is Kind.INFO:
            outcome = Outcome.UNKNOWN if ok is None else Outcome.INFO
        elif ok is None:
            outcome = Outcome.UNKNOWN
        elif ok:
            outcome = Outcome.PASS
        else:
            outcome = Outcome.WARNING if kind is Kind.SOFT else Outcome.FAIL
        f = Finding(rule, outcome, message, fix, fields, said)
        if hit is None and len(last) >= 4096:
            last.clear()
        last[fn] = (c, f)
        append(f)
    return out


# a rule's function -> the check it gave last and the finding made of it (findings_of)
_LAST: dict[Callable[[Ctx], Check], tuple[Check, Finding]] = {}


def lacking(*fields: str, why: str | Because = "") -> NoReturn:
    """Stop a derived quantity that cannot be computed without ``fields``: the rule (or amounts)
    that asked for it becomes *unknown* naming them (``why``: what they are needed for). The way
    a derived helper says what :func:`missing` says in a rule."""
    raise Missing(*fields, why=why)


def missing(*fields: str, why: str | Because = "") -> Check:
    """What a rule gives when it cannot be decided without ``fields``: the same check as
    raising :class:`Missing` from it. Returned, not raised, by the rules whose fields most
    profiles leave out: a raise and its catch cost ten times a return (~0.5 µs), and a batch
    met more than a dozen per profile."""
    return _missing_check(fields, why)


# a missing fact, parameter or rate: what Rule.run turns into an unknown check
_UNKNOWN_ERRORS = (Missing, NotEncoded, NoRate, DateOutOfRange)  # Unsettled is a Missing
_MISSING: dict[tuple[tuple[str, ...], str | Because], Check] = {}


def _missing_check(fields: tuple[str, ...], why: str | Because) -> Check:
    """The unknown check of a rule that raised Missing (the same fields give the same check,
    an immutable value, so it is made once)."""
    c = _MISSING.get((fields, why))
    if c is None:
        budget = bool(fields) and all(f.startswith("budget.") for f in fields)
        listed = {"missing": ", ".join(fields), "missing_and": " and ".join(fields)}
        if type(why) is Because and not budget:  # its words written once, with the reason
            said = why(**listed)
        elif why:
            said = (T_NOT_STATED_BUDGET_WHY if budget else T_NOT_STATED_WHY)(**listed,
                                                                             why=str(why))
        else:
            said = (T_NOT_STATED_BUDGET if budget else T_NOT_STATED)(**listed)
        c = _tuple_new(Check, (None, said, said.fix if fields else "", fields, False))
        if len(_MISSING) >= 4096:
            _MISSING.clear()
        _MISSING[(fields, why)] = c
    return c


# a fact not stated (the same words as unknown()'s fix for the fields); {missing} and
# {missing_and} are the fields, which a compact record gives once, as the missing fields
T_NOT_STATED = Message("the profile does not state {missing}",
                       fix="state {missing_and} in the profile")
T_NOT_STATED_WHY = Message("the profile does not state {missing} ({why})",
                           fix="state {missing_and} in the profile")
T_NOT_STATED_BUDGET = Message("the profile does not state {missing}",
                              fix="state {missing_and} in the budget")
T_NOT_STATED_BUDGET_WHY = Message("the profile does not state {missing} ({why})",
                                  fix="state {missing_and} in the budget")


def unsettled_check(u: Unsettled) -> Check:
    """The unknown check of a rule that a range left open: what the range is, where the answer
    changes, and the facts that would settle it."""
    fields = u.fields
    if not fields:
        return unknown(u.text(), fix="")
    return T_UNSETTLED.unknown(*fields, range=u.text(), missing_and=" and ".join(fields))


T_UNSETTLED = Message("{range}", fix="state {missing_and} exactly")


class RuleBook:
    """Collects a scheme module's rules in the order the page states them."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(
        self,
        rule_id: str,
        title: str,
        fn: Callable[[Ctx], Check],
        *,
        section: str,
        cites: Sequence[Citation],
        kind: Kind = Kind.HARD,
        requires: Sequence[str] = (),
        reads: Sequence[str] = (),
        tier: str | None = None,
    ) -> Rule:
        """Add the rule ``rule_id``: ``fn(ctx)`` decides it. ``requires`` are the profile
        fields it cannot be decided without: while one is not stated, the rule is unknown
        naming the first such field, and ``fn`` is not called. ``reads`` are the other fields
        it reads (``init`` asks for both). ``section``: the heading it is shown under."""
        if not cites:
            raise ValueError(f"rule {rule_id} has no citation")
        if any(r.id == rule_id for r in self.rules):
            raise ValueError(f"rule {rule_id} is added twice")
        run = _requiring(tuple(requires), fn) if requires else fn
        rule = Rule(rule_id, title, kind, tuple(cites), tuple(dict.fromkeys((*requires, *reads))),
                    run, tier, (fn.__doc__ or "").strip(), section)
        self.rules.append(rule)
        return rule

    def rule(
        self,
        rule_id: str,
        title: str,
        *,
        kind: Kind,
        cites: Sequence[Citation],
        reads: Sequence[str] = (),
        tier: str | None = None,
        section: str = "",
    ) -> Callable[[Callable[[Ctx], Check]], Callable[[Ctx], Check]]:
        """:meth:`add` as a decorator."""
        def register(fn: Callable[[Ctx], Check]) -> Callable[[Ctx], Check]:
            self.add(rule_id, title, fn, section=section, cites=cites, kind=kind, reads=reads,
                     tier=tier)
            return fn

        return register

    def declaration(
        self, rule_id: str, title: str, field_name: str, *, cites: Sequence[Citation],
        tier: str | None = None, section: str = "",
    ) -> None:
        """A condition no number settles: the profile states it under [declarations]."""
        path = f"declarations.{field_name}"
        checks = declaration_checks(path)

        def fn(ctx: Ctx) -> Check:  # ctx.value(path), inlined: a dozen run for every profile
            stated = ctx.profile.declarations
            return checks[None if stated is None else getattr(stated, field_name)]

        fn.__doc__ = title
        self.add(rule_id, title, fn, section=section, cites=cites, kind=Kind.DECLARATION,
                 reads=(path,), tier=tier)


def declaration_checks(path: str) -> dict[bool | None, Check]:
    """The three checks of a declaration at ``path``, by what it states: true, false or not
    stated (a strict bool; not stated is unknown, never false). For a rule that settles the
    declaration from a fact first, and declares otherwise (Bedriftsnettverk BN06)."""
    return {None: T_NOT_DECLARED.unknown(path, path=path),
            **{v: T_DECLARED.check(v, path=path, value=str(v).lower()) for v in (True, False)}}


T_NOT_DECLARED = Message("not declared: {path}", fix="set {path} = true if it holds (false if not)")
T_DECLARED = Message("declared {path} = {value}",
                     fix="the scheme requires it; it can only change if the facts change")


def applied_by(last_day: Parameter[date]) -> Callable[[Ctx], Check]:
    """A rule's check for a call that closes: while the call is open on the evaluation date,
    an application dated (``project.application_date``) after ``last_day``, its last open day,
    cannot be sent. Without an application date the application is the evaluation date's;
    once the call has closed, its status says so (the verdict it would have had is the rules'
    without the deadline). Both are said as information, never read as a date."""
    def fn(ctx: Ctx) -> Check:
        last = last_day.at(ctx.on)
        if ctx.on > last:  # the same check for every profile on the date: made once
            return ctx.constant(_call_closed, last_day)
        applied = ctx.value("project.application_date")
        if applied is None:
            return ctx.constant(_applied_on_the_date, last_day)
        return T_APPLIED.check(applied <= last, applied=applied, last=last)

    fn.__doc__ = "An application dated after the call's last open day cannot be sent."
    return fn


def _call_closed(ctx: Ctx, last_day: Parameter[date]) -> Check:
    return T_CALL_CLOSED.info(on=ctx.on, last=last_day.at(ctx.on))


def _applied_on_the_date(ctx: Ctx, last_day: Parameter[date]) -> Check:
    return T_APPLIED_ON_THE_DATE.info(on=ctx.on, last=last_day.at(ctx.on))


T_APPLIED = Message("application date {applied}; the call's last open day is {last}",
                    fix="the call takes no application after {last}: apply by then")
T_CALL_CLOSED = Message("the call's last open day {last} is before the evaluation date {on}: "
                        "the call is closed, as its status says")
T_APPLIED_ON_THE_DATE = Message("no application date stated (project.application_date): the "
                                "application is read as sent on the evaluation date {on}; the "
                                "call's last open day is {last}")


def _requiring(paths: tuple[str, ...], fn: Callable[[Ctx], Check]) -> Callable[[Ctx], Check]:
    """``fn``, called only when every field of ``paths`` is stated (else unknown, naming the
    first one that is not)."""
    def guarded(ctx: Ctx) -> Check:
        for path in paths:
            if ctx.value(path) is None:
                return _missing_check((path,), "")
        return fn(ctx)

    guarded.__doc__ = fn.__doc__
    return guarded


# --- the rule API's helpers: what a scheme uses instead of the context's caches ----------------


def derived(fn: Callable[..., T]) -> Callable[..., T]:
    """A quantity derived from the profile (and the date and rates): ``fn(ctx, *args)`` is
    computed at most once per profile and arguments, and shared by every rule and scheme that
    asks (the engine remembers it; the arguments must be hashable)."""
    # Ctx.once, inlined (a frame less: derived quantities are read by many rules per profile);
    # a call that raises is not remembered, as there
    @functools.wraps(fn)
    def remembered(ctx: Ctx, *args: Hashable) -> T:
        key = (fn, args) if args else fn
        memo = ctx._memo
        value: T = memo.get(key, _UNSET)
        if value is _UNSET:
            value = memo[key] = fn(ctx, *args)
        return value

    return remembered


def dated(fn: Callable[..., T]) -> Callable[..., T]:
    """A value that depends on the evaluation date, the currencies and the exchange rates
    alone, never on the profile (a ceiling converted from EUR, the sentence stating it):
    ``fn(ctx, *args)`` is computed once and shared by every profile of a batch."""
    @functools.wraps(fn)
    def shared(ctx: Ctx, *args: Hashable) -> T:
        return ctx.constant(fn, *args)

    return shared


def template(fmt: str, /, **values: Any) -> Text:
    """A message made only when it is shown: ``fmt.format(**values)``."""
    return functools.partial(fmt.format, **values)
