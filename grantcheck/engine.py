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
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

from grantcheck.citations import Citation, Source
from grantcheck.fx import FxRates, NoRate
from grantcheck.law.dates import DateOutOfRange
from grantcheck.money import Money, trusted
from grantcheck.parameters import NotEncoded, Parameter

if TYPE_CHECKING:
    from grantcheck.profile import Profile


class Kind(StrEnum):
    HARD = "hard"
    SOFT = "soft"
    DECLARATION = "declaration"
    BUDGET = "budget"
    INFO = "info"


BINDING = frozenset({Kind.HARD, Kind.DECLARATION, Kind.BUDGET})


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    WARNING = "warning"
    INFO = "info"


class Verdict(StrEnum):
    FITS = "fits"
    NEEDS_INFORMATION = "needs_information"
    DOES_NOT_FIT = "does_not_fit"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# each verdict's value, looked up faster than Enum.value (batch output writes five per profile)
VERDICT_VALUE = {v: v.value for v in Verdict}
_RANK = {Verdict.FITS: 2, Verdict.NEEDS_INFORMATION: 1, Verdict.DOES_NOT_FIT: 0}


# --- what a rule returns ----------------------------------------------------------------------


class Missing(LookupError):
    """A profile field a rule needs is not stated."""

    def __init__(self, *fields: str, why: str = "") -> None:
        # raised often and caught at once: BaseException.__new__ has set args to the fields
        # already, so no super().__init__; __str__ joins them when asked
        self.fields = fields
        self.why = why

    def __str__(self) -> str:
        return ", ".join(self.fields)


Text = str | Callable[[], str]
"""A text, or a function that makes it when it is shown: a rule's message or an amount's basis
whose figures cost more to format than to decide (the verdicts-only path never shows them). The
function only formats what is decided: it asks for no fact and no exchange rate."""


def text_of(t: Text) -> str:
    """The text ``t`` is, or makes."""
    return t if type(t) is str else t()  # type: ignore[operator]


class Check(NamedTuple):
    """What a rule's function returns. A named tuple: immutable, and made about twice as fast
    as a frozen dataclass (every rule makes one for every profile)."""

    ok: bool | None  # None: unknown
    message: Text  # made by Rule.run, inside its handling of a missing fact, when a function
    fix: str = ""
    missing: tuple[str, ...] = ()
    info: bool = False


# A named tuple's constructor is a Python function around tuple.__new__; the helpers below, which
# every rule calls for every profile, call tuple.__new__ with every field themselves (measured:
# the constructors were 2 % of a batch's CPU)
_tuple_new = tuple.__new__


def passed(message: Text) -> Check:
    return _tuple_new(Check, (True, message, "", (), False))


def failed(message: Text, fix: str = "") -> Check:
    return _tuple_new(Check, (False, message, fix, (), False))


def check(ok: bool, message: Text, fix: str = "") -> Check:
    return _tuple_new(Check, (ok, message, "" if ok else fix, (), False))


def unknown(message: Text, *fields: str, fix: str = "") -> Check:
    return _tuple_new(Check, (None, message, fix or _fix_for(fields), fields, False))


def info(message: Text) -> Check:
    return _tuple_new(Check, (True, message, "", (), True))


@lru_cache(maxsize=256)
def shared_info(message: str) -> Check:
    """:func:`info` for a text that is the same for many profiles (one that depends on the
    date and the rates alone): one immutable Check per text, made once."""
    return info(message)


@lru_cache(maxsize=1024)  # the same few fields again and again (every profile's unknowns)
def _fix_for(fields: tuple[str, ...]) -> str:
    names = list(fields)
    if not names:
        return ""
    where = "budget" if all(n.startswith("budget.") for n in names) else "profile"
    return "state " + " and ".join(names) + f" in the {where}"


# --- context ------------------------------------------------------------------------------------


_UNSET: Any = object()  # Ctx.once's "not remembered yet" (None may be a remembered value)
# (date, currency, profile currency, rates' key) -> a number never given to other terms: a
# constant's key holds the number, which hashes at once, where the tuple would be hashed anew
_TERMS: dict[tuple[Any, ...], int] = {}
_TERMS_COUNT = itertools.count()


def _terms_number(terms: tuple[Any, ...]) -> int:
    number = _TERMS.get(terms)
    if number is None:
        if len(_TERMS) >= 4096:
            _TERMS.clear()  # numbers are not reused: a context holding an old one only misses
        number = _TERMS[terms] = next(_TERMS_COUNT)
    return number


_GETTERS: dict[str, Callable[[Any], Any]] = {}  # "company.turnover" -> its attrgetter
T = TypeVar("T")
# Ctx.constant's values: (fn, args, number of (date, currency, profile currency, rates' key))
# -> (value, the currencies whose rates computing it asked for)
_CONSTANTS: dict[tuple[Any, ...], tuple[Any, tuple[str, ...]]] = {}


@dataclass(slots=True)
class Ctx:
    """What a rule sees: the profile, the evaluation date, the exchange rates.

    The profile is frozen and the date fixed, so what is computed from them alone can be
    computed once per context (:meth:`once`) and shared by the rules of every scheme.

    Amounts are in :attr:`currency`: the company's own for the rules, the scheme's for its
    amounts (:meth:`in_currency`), with the profile's figures converted at the dated rate.
    """

    profile: Profile
    on: date
    fx: FxRates
    _currency: str = field(init=False, repr=False, compare=False)
    _profile_currency: str = field(init=False, repr=False, compare=False)
    _base: Ctx | None = field(default=None, init=False, repr=False, compare=False)
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False,
                                                   compare=False)
    _terms: int | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._currency = self._profile_currency = self.profile.company.money_currency

    @property
    def currency(self) -> str:
        return self._currency

    @property
    def profile_currency(self) -> str:
        """The currency of the profile's amounts (the company's)."""
        return self._profile_currency

    @property
    def base(self) -> Ctx:
        """The context in the company's own terms (itself, unless made by :meth:`in_currency`):
        facts about the company, such as its SME status, are decided there once."""
        return self if self._base is None else self._base

    def in_currency(self, currency: str) -> Ctx:
        """This context with its amounts in ``currency`` (itself when that is the company's):
        :meth:`money` converts the profile's figures into it. Its :meth:`once` memo is its own,
        since what is remembered may be amounts; :attr:`base` leads back to this one. Made once
        per currency (the schemes of one currency share it, and what it remembers)."""
        if currency == self._currency:
            return self
        base = self.base
        if currency == base._currency:
            return base
        key = (Ctx.in_currency, currency)
        other: Ctx | None = base._memo.get(key)
        if other is None:
            other = base._memo[key] = Ctx(self.profile, self.on, self.fx)
            other._currency = currency
            other._base = base
        return other

    def value(self, path: str) -> Any:
        """The value at a dotted profile path, or None when it is not stated."""
        get = _GETTERS.get(path)
        if get is None:
            if len(_GETTERS) >= 4096:
                _GETTERS.clear()
            get = _GETTERS[path] = attrgetter(path)  # follows the dots in C
        try:
            return get(self.profile)
        except AttributeError:  # a section that is not stated (None) on the way, or a bad path
            obj: Any = self.profile
            for part in path.split("."):
                obj = getattr(obj, part)  # a path naming no field raises, as it should
                if obj is None:
                    return None
            return obj

    def once(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(self, *args)``, computed at most once per context and arguments; ``fn`` must be
        pure (it reads only the profile, the date and the rates). A call that raises is not
        remembered (a remembered exception would keep its traceback's frames, and the context
        with them, alive in a reference cycle: measured slower)."""
        key = (fn, args) if args else fn
        value: T = self._memo.get(key, _UNSET)  # not try/except: most first calls miss
        if value is _UNSET:
            value = self._memo[key] = fn(self, *args)
        return value

    def forget(self) -> None:
        """Drop what :meth:`once` remembered, here and in the contexts :meth:`in_currency` made
        from this one; a later call computes it again. Call it when the context's work is done:
        what is remembered refers back to the context (a context in another currency leads back
        to its base; a text made when shown keeps the context it reads), and such a cycle is
        freed by Python's cyclic garbage collector only, not when the last reference goes.
        Measured in a batch worker: with every profile's objects left to the collector, 8 % more
        CPU per profile."""
        memo = self.base._memo
        for value in memo.values():
            if isinstance(value, Ctx):
                value._memo.clear()
        memo.clear()
        self._memo.clear()

    def constant(self, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(self, *args)`` for a value that depends on the date, the currencies and the exchange
        rates alone, never on the profile (a ceiling converted from EUR, the sentence stating
        it): computed once per (fn, args, date, currencies, rates) and shared by every profile of a
        batch. The rates computing it asked for are asked for again on each call, so that the
        result lists the same rates as used. A call that raises is not remembered."""
        result: T
        fx = self.fx
        terms = self._terms
        if terms is None:  # what every constant of this context depends on, besides fn and args
            terms = self._terms = _terms_number(
                (self.on, self._currency, self._profile_currency, fx.key))
        key = (fn, args, terms)
        hit = _CONSTANTS.get(key)
        if hit is None:
            with fx.recording() as asked:
                value = fn(self, *args)
            if len(_CONSTANTS) >= 4096:
                _CONSTANTS.clear()
            hit = _CONSTANTS[key] = (value, tuple(asked))
        else:
            fx.ask(hit[1])
        result = hit[0]
        return result

    def param(self, p: Parameter[Any]) -> Any:
        """The value of ``p`` in force on the evaluation date (NotEncoded, an unknown, when the
        rules for that date are not encoded)."""
        return p.at(self.on)

    def param_money(self, p: Parameter[Decimal]) -> Money:
        """A parameter stated in a currency, in force on the evaluation date, in this
        context's currency (converted at the dated rate and rounded to the cent when they
        differ; computed once per date and rates)."""
        money = p.money(self.on)
        if money.currency == self._currency:
            return money
        return self.constant(_param_in_currency, p)

    def need(self, path: str) -> Any:
        v = self.value(path)
        if v is None:
            raise Missing(path)
        return v

    def money(self, amount: Decimal) -> Money:
        """An amount from the profile (in the company's currency), in :attr:`currency`:
        converted at the dated rate and rounded half up to the øre/öre when they differ, so
        that amounts computed from it add up to the cent as shown."""
        # a profile figure is a Decimal (the model validated it) in the company's currency
        m = trusted(amount, self._profile_currency) if type(amount) is Decimal else Money(
            amount, self._profile_currency)
        to = self._currency
        return m if to == self._profile_currency else self.fx.convert(m, to).rounded()

    def convert(self, money: Money, to: str) -> Money:
        return self.fx.convert(money, to)


# --- rules --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    kind: Kind
    cites: tuple[Citation, ...]
    reads: tuple[str, ...]
    fn: Callable[[Ctx], Check]
    tier: str | None = None
    doc: str = ""
    section: str = ""  # the heading of the requirements catalogue it stands under (`show`)

    def run(self, ctx: Ctx) -> Check:
        """The rule's check on ``ctx``, its message made; a missing fact, parameter or rate is
        an unknown one."""
        try:
            c = self.fn(ctx)
            return c if type(c.message) is str else c._replace(message=text_of(c.message))
        except Missing as m:
            return _missing_check(m.fields, m.why)
        except NotEncoded as e:
            return Check(None, str(e), "choose an evaluation date the rules cover (--as-of)")
        except NoRate as e:
            return Check(None, str(e), "give the exchange rate with --rate")
        except DateOutOfRange as e:
            return Check(None, str(e), "choose an evaluation date the rules cover (--as-of)")

    def evaluate(self, ctx: Ctx) -> Finding:
        c = self.run(ctx)
        return Finding(self, _outcome(self.kind, c), text_of(c.message), c.fix, c.missing)


def lacking(*fields: str, why: str = "") -> NoReturn:
    """Stop a derived quantity that cannot be computed without ``fields``: the rule (or amounts)
    that asked for it becomes *unknown* naming them (``why``: what they are needed for). The way
    a derived helper says what :func:`missing` says in a rule."""
    raise Missing(*fields, why=why)


def missing(*fields: str, why: str = "") -> Check:
    """What a rule gives when it cannot be decided without ``fields``: the same check as
    raising :class:`Missing` from it. Returned, not raised, by the rules whose fields most
    profiles leave out: a raise and its catch cost ten times a return (~0.5 µs), and a batch
    met more than a dozen per profile."""
    return _missing_check(fields, why)


# a missing fact, parameter or rate: what Rule.run turns into an unknown check
_UNKNOWN_ERRORS = (Missing, NotEncoded, NoRate, DateOutOfRange)
_MISSING: dict[tuple[tuple[str, ...], str], Check] = {}


def _missing_check(fields: tuple[str, ...], why: str) -> Check:
    """The unknown check of a rule that raised Missing (the same fields give the same check,
    an immutable value, so it is made once)."""
    c = _MISSING.get((fields, why))
    if c is None:
        because = f" ({why})" if why else ""
        c = unknown(f"the profile does not state {', '.join(fields)}{because}", *fields)
        if len(_MISSING) >= 4096:
            _MISSING.clear()
        _MISSING[(fields, why)] = c
    return c


def _outcome(kind: Kind, c: Check) -> Outcome:
    if c.info or kind is Kind.INFO:
        return Outcome.INFO if c.ok is not None else Outcome.UNKNOWN
    if c.ok is None:
        return Outcome.UNKNOWN
    if c.ok:
        return Outcome.PASS
    return Outcome.WARNING if kind is Kind.SOFT else Outcome.FAIL


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
        # a declaration is true, false or not stated (a strict bool): its three checks, made once
        checks: dict[bool | None, Check] = {
            None: unknown(f"not declared: {path}", path,
                          fix=f"set {path} = true if it holds (false if not)"),
            **{v: check(v, f"declared {path} = {str(v).lower()}",
                        "the scheme requires it; it can only change if the facts change")
               for v in (True, False)},
        }

        def fn(ctx: Ctx) -> Check:  # ctx.value(path), inlined: a dozen run for every profile
            stated = ctx.profile.declarations
            return checks[None if stated is None else getattr(stated, field_name)]

        fn.__doc__ = title
        self.add(rule_id, title, fn, section=section, cites=cites, kind=Kind.DECLARATION,
                 reads=(path,), tier=tier)


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
    @functools.wraps(fn)
    def remembered(ctx: Ctx, *args: Hashable) -> T:
        return ctx.once(fn, *args)

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


# --- documents, amounts, tiers, schemes -----------------------------------------------------


class Stage(StrEnum):
    APPLICATION = "application"
    GRANT_START = "grant_start"
    AFTER_PROJECT = "after_project"
    REMINDER = "reminder"


@dataclass(frozen=True)
class Document:
    id: str
    name: str
    cites: tuple[Citation, ...]
    stage: Stage = Stage.APPLICATION
    when: Callable[[Ctx], bool | None] | None = None  # None: always needed
    condition: str = ""  # in words, when `when` is set
    tier: str | None = None


class Amounts(NamedTuple):
    """What a scheme would give and what the company must fund itself. A named tuple, like
    :class:`Check`: immutable, and made four times as fast as a frozen dataclass (every scheme
    makes one or two for every profile)."""

    max_grant: Money | None
    own_funding: Money | None
    own_funding_form: str
    basis: Text  # a str in evaluate()'s results; summarize() leaves a function unmade
    rate: Decimal | None = None
    cap: Money | None = None
    cost_base: Money | None = None
    cites: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()

    def made(self) -> Amounts:
        """These amounts with their basis made, a str."""
        return self if type(self.basis) is str else self.with_basis(text_of(self.basis))

    def with_basis(self, basis: Text) -> Amounts:
        """These amounts with another basis (``_replace``, without its generality: called for
        every profile whose currency is not the scheme's)."""
        return _tuple_new(Amounts, (self.max_grant, self.own_funding, self.own_funding_form,
                                    basis, self.rate, self.cap, self.cost_base, self.cites,
                                    self.missing))


AmountsFn = Callable[[Ctx], Amounts]


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    name: str
    amounts: AmountsFn


@dataclass(frozen=True, slots=True)
class CallWindow:
    opens: date | None
    closes: date | None  # the last open day
    cites: tuple[Citation, ...]
    note: str = ""

    def state(self, on: date) -> str:
        """'open', 'closed' or 'not_yet_open' (the first part of :meth:`status`)."""
        if self.opens and on < self.opens:
            return "not_yet_open"
        if self.closes and on > self.closes:
            return "closed"
        return "open"

    def status(self, on: date) -> tuple[str, str]:
        """('open'|'closed'|'not_yet_open', sentence)."""
        state = self.state(on)
        if state == "not_yet_open" and self.opens:
            return state, f"opens {self.opens.isoformat()}"
        if state == "closed" and self.closes:
            return state, f"closed since {self.closes.isoformat()} (last open day)"
        if self.closes:
            return state, f"open until {self.closes.isoformat()}"
        return state, self.note or "no deadline stated"


@dataclass(frozen=True, slots=True)
class Scheme:
    id: str
    name: str
    agency: str
    country: str
    currency: str
    source: Source
    call: CallWindow
    rules: tuple[Rule, ...]
    documents: tuple[Document, ...]
    amounts: AmountsFn | None
    parameters: tuple[Parameter[Any], ...]
    summary: str
    tiers: tuple[Tier, ...] = ()
    notes: tuple[str, ...] = ()
    fit_wording: str = ""  # e.g. "relevant for assessment"

    def rules_for(self, tier: str | None) -> list[Rule]:
        return [r for r in self.rules if r.tier is None or r.tier == tier]


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    rule: Rule
    outcome: Outcome
    message: str
    fix: str = ""
    missing: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule.id,
            "title": self.rule.title,
            "kind": self.rule.kind.value,
            "outcome": self.outcome.value,
            "message": self.message,
        }
        if self.rule.tier:
            out["tier"] = self.rule.tier
        if self.fix and self.outcome in (Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING):
            out["fix"] = self.fix
        if self.missing:
            out["missing_fields"] = list(self.missing)
        out["source"] = [c.to_json() for c in self.rule.cites]
        return out


@dataclass(frozen=True)
class DocumentStatus:
    document: Document
    held: bool | None  # None: the profile does not list documents held
    needed: bool | None  # None: cannot tell whether it is needed

    def to_json(self) -> dict[str, object]:
        d = self.document
        out: dict[str, object] = {"id": d.id, "name": d.name, "stage": d.stage.value}
        if d.tier:
            out["tier"] = d.tier
        if d.condition:
            out["condition"] = d.condition
        if self.needed is None:
            out["needed"] = "unknown"
        out["source"] = [c.to_json() for c in d.cites]
        return out


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    unknown_seen = False
    for f in findings:
        if f.rule.kind in BINDING:
            if f.outcome is Outcome.FAIL:
                return Verdict.DOES_NOT_FIT
            if f.outcome is Outcome.UNKNOWN:
                unknown_seen = True
    return Verdict.NEEDS_INFORMATION if unknown_seen else Verdict.FITS


@dataclass(slots=True)
class AmountsResult:
    amounts: Amounts | None
    problem: str = ""
    missing: tuple[str, ...] = ()

    def made(self) -> AmountsResult:
        """These amounts with their basis made, a str (:func:`summarize` leaves a function)."""
        made = None if self.amounts is None else self.amounts.made()
        return self if made is self.amounts else AmountsResult(made, self.problem, self.missing)


@dataclass(slots=True)
class TierResult:
    tier: Tier
    verdict: Verdict
    amounts: AmountsResult


@dataclass(slots=True)
class SchemeResult:
    scheme: Scheme
    on: date
    status: str
    status_text: str
    verdict_if_open: Verdict
    findings: list[Finding]
    amounts: AmountsResult
    documents: list[DocumentStatus]
    tiers: list[TierResult] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        return self.verdict_if_open if self.status == "open" else Verdict.CLOSED

    @property
    def missing_documents(self) -> list[DocumentStatus]:
        return [d for d in self.documents
                if d.document.stage is Stage.APPLICATION and d.needed is not False and not d.held]

    @property
    def later_documents(self) -> list[DocumentStatus]:
        return [d for d in self.documents
                if d.document.stage is not Stage.APPLICATION and d.needed is not False]


def _amounts(fn: AmountsFn | None, ctx: Ctx, currency: str, explain: bool = True
             ) -> AmountsResult:
    """The amounts ``fn`` computes, in the scheme's ``currency`` (the catalogue: "Money is
    exact (decimal), in the scheme's currency"); a company that states its figures in another
    currency has them converted at the dated rate, and the basis says so. The basis is made
    (a str) unless not ``explain``."""
    if fn is None:
        return AmountsResult(None, "the scheme states no amount")
    actx = ctx.in_currency(currency)
    try:
        amounts = fn(actx)
        basis = amounts.basis
        if actx is not ctx:
            note = actx.constant(_converted_note)  # now: it asks for the rates it names
            basis = _ended(basis, note)
        if explain:
            basis = text_of(basis)
        return AmountsResult(amounts if basis is amounts.basis else amounts.with_basis(basis))
    except Missing as m:
        return AmountsResult(None, f"needs {', '.join(m.fields)}", m.fields)
    except (NotEncoded, NoRate, DateOutOfRange) as e:
        return AmountsResult(None, str(e))


def _ended(basis: Text, note: str) -> Text:
    return lambda: text_of(basis) + note


def _param_in_currency(ctx: Ctx, p: Parameter[Decimal]) -> Money:
    return ctx.convert(p.money(ctx.on), ctx.currency).rounded()


def _converted_note(ctx: Ctx) -> str:
    """The end of a basis whose amounts were converted into the scheme's currency."""
    rates = ctx.fx.describe_conversion(ctx.profile_currency, ctx.currency, " and ")
    return (f"; in the scheme's currency, {ctx.currency}: the profile's {ctx.profile_currency} "
            f"figures are converted at {rates}")


def _document_status(doc: Document, ctx: Ctx, held_list: list[str] | None) -> DocumentStatus:
    needed: bool | None = True
    if doc.when is not None:
        try:
            needed = doc.when(ctx)
        except _UNKNOWN_ERRORS:
            needed = None
    held = None if held_list is None else doc.id in held_list
    return DocumentStatus(doc, held, needed)


def evaluate(scheme: Scheme, ctx: Ctx) -> SchemeResult:
    findings = [r.evaluate(ctx) for r in scheme.rules]
    status, status_text = scheme.call.status(ctx.on)
    held_list = ctx.profile.documents.held if ctx.profile.documents else None
    docs = [_document_status(d, ctx, held_list) for d in scheme.documents]
    tiers: list[TierResult] = []
    if scheme.tiers:
        common = [f for f in findings if f.rule.tier is None]
        for t in scheme.tiers:
            tier_findings = common + [f for f in findings if f.rule.tier == t.id]
            tiers.append(TierResult(t, verdict_of(tier_findings),
                                    _amounts(t.amounts, ctx, scheme.currency)))
        best = max(tiers, key=lambda tr: _RANK[tr.verdict])
        # the amounts shown for the scheme are those of the highest tier with the best verdict
        best = [tr for tr in tiers if tr.verdict is best.verdict][-1]
        verdict = best.verdict
        amounts = best.amounts
    else:
        verdict = verdict_of(findings)
        amounts = _amounts(scheme.amounts, ctx, scheme.currency)
    return SchemeResult(scheme, ctx.on, status, status_text, verdict, findings, amounts, docs,
                        tiers)


# --- verdicts only (batch csv and table output) -------------------------------------------------


@dataclass(slots=True)
class SchemeSummary:
    """A scheme's verdict and amounts without the findings and documents behind them: what
    :func:`summarize` gives. ``verdict``, ``verdict_if_open`` and ``amounts`` are those
    :func:`evaluate` gives for the same scheme and context."""

    scheme: Scheme
    status: str
    verdict_if_open: Verdict
    amounts: AmountsResult

    @property
    def verdict(self) -> Verdict:
        return self.verdict_if_open if self.status == "open" else Verdict.CLOSED


class _Order:
    """The binding rules of one scheme and tier, tried most-often-failing first.

    A verdict does not depend on the order of its rules (any failed binding rule makes it
    "does not fit", whichever it is), so the order only decides how soon a failing profile
    stops being checked. It adapts to the profiles seen: every ``_RESORT`` verdicts the rules
    are sorted by how often each one was the first to fail.
    """

    __slots__ = ("fails", "rules", "seen")
    _RESORT = 512

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = [r for r in rules if r.kind in BINDING]
        self.fails = dict.fromkeys((r.id for r in self.rules), 0)
        self.seen = 0

    def verdict(self, ctx: Ctx) -> Verdict:
        """The verdict of these rules on ``ctx``, as :func:`verdict_of` their findings."""
        self.seen += 1
        if self.seen % self._RESORT == 0:
            fails = self.fails
            self.rules.sort(key=lambda r: -fails[r.id])  # stable: ties keep the page order
        unknown_seen = False
        for rule in self.rules:
            # Rule.run and _outcome of a binding rule, inlined (this loop is the batch's
            # innermost): a missing fact, parameter or rate makes the check unknown, and so does
            # an unknown check; a failed one fails unless it is only information
            try:
                c = rule.fn(ctx)
            except _UNKNOWN_ERRORS:
                unknown_seen = True
                continue
            if c.ok is None:
                unknown_seen = True
            elif not c.ok and not c.info:
                self.fails[rule.id] += 1
                return Verdict.DOES_NOT_FIT
        return Verdict.NEEDS_INFORMATION if unknown_seen else Verdict.FITS


_ORDERS: dict[tuple[int, str | None], _Order] = {}


def _order(scheme: Scheme, tier: str | None) -> _Order:
    """The order of the rules of ``tier`` alone (None: the rules every tier shares)."""
    key = (id(scheme), tier)
    order = _ORDERS.get(key)
    if order is None:
        order = _ORDERS[key] = _Order(r for r in scheme.rules if r.tier == tier)
    return order


def _worse(a: Verdict, b: Verdict) -> Verdict:
    return a if _RANK[a] <= _RANK[b] else b


def summarize(scheme: Scheme, ctx: Ctx) -> SchemeSummary:
    """The verdict and amounts :func:`evaluate` gives, without findings or documents, stopping
    at the first failed binding rule: several times faster for profiles a scheme does not fit.

    A rule that would raise an unexpected error after a failed one is not run (``evaluate``
    would have raised it)."""
    status = scheme.call.state(ctx.on)
    if not scheme.tiers:
        return SchemeSummary(scheme, status, _order(scheme, None).verdict(ctx),
                             _amounts(scheme.amounts, ctx, scheme.currency, explain=False))
    common = _order(scheme, None).verdict(ctx)
    best, verdict = scheme.tiers[-1], common
    if common is not Verdict.DOES_NOT_FIT:
        # as evaluate(): the highest tier with the best verdict. A tier's verdict is never better
        # than the common rules' one, so from the highest tier down the first that reaches it
        # is the one, and the tiers below it need not be checked
        best_rank = -1
        for t in reversed(scheme.tiers):
            v = _worse(common, _order(scheme, t.id).verdict(ctx))
            if _RANK[v] > best_rank:
                best_rank, best, verdict = _RANK[v], t, v
                if v is common:
                    break
    return SchemeSummary(scheme, status, verdict,
                         _amounts(best.amounts, ctx, scheme.currency, explain=False))
