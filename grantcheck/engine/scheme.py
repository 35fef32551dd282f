"""What a scheme is, as its page states it: its documents, amounts, tiers, call window and rules,
gathered in :class:`Scheme`; :mod:`.evaluate` checks a profile against one."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from grantcheck.basis import Fact, Horizon, LegalBasis, horizon
from grantcheck.citations import Citation, Source
from grantcheck.engine.checks import Check, Text, _tuple_new, text_of
from grantcheck.engine.context import Ctx
from grantcheck.engine.encoded import SECTION as ENCODED_SECTION
from grantcheck.engine.encoded import encoded_rule
from grantcheck.engine.rules import Rule
from grantcheck.money import Money
from grantcheck.named import NamedTuple
from grantcheck.parameters import Parameter
from grantcheck.slots import Frozen, init

# --- documents, amounts, tiers, schemes -----------------------------------------------------


class Stage(StrEnum):
    APPLICATION = "application"
    GRANT_START = "grant_start"
    AFTER_PROJECT = "after_project"
    REMINDER = "reminder"


class Document(NamedTuple):
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
    # the profile's project.grant_sought, when it is at most ``max_grant`` (at most the least
    # of ``span`` while a fact leaves the grant open), and the own funding for it: the cost
    # base less it (:meth:`for_sought`)
    sought: Money | None = None
    own_for_sought: Money | None = None
    # while a fact (``missing``) leaves the grant open: the least and the most it can be
    span: tuple[Money, Money] | None = None

    def made(self) -> Amounts:
        """These amounts with their basis made, a str."""
        return self if type(self.basis) is str else self.with_basis(text_of(self.basis))

    def with_basis(self, basis: Text) -> Amounts:
        """These amounts with another basis (``_replace``, without its generality: called for
        every profile whose currency is not the scheme's)."""
        return _tuple_new(Amounts, (self.max_grant, self.own_funding, self.own_funding_form,
                                    basis, self.rate, self.cap, self.cost_base, self.cites,
                                    self.missing, self.sought, self.own_for_sought, self.span))

    @property
    def own_span(self) -> tuple[Money, Money] | None:
        """The least and the most own funding while the grant is open (:attr:`span`): the
        cost base less the most grant, and less the least."""
        if self.span is None or self.cost_base is None:
            return None
        return self.cost_base - self.span[1], self.cost_base - self.span[0]

    def for_sought(self, ctx: Ctx) -> Amounts:
        """These amounts with the own funding for the grant the profile seeks
        (``project.grant_sought``), for a scheme whose page makes the own funding the rest of
        the cost base: the cost base less the grant sought, when the grant sought is at most
        the most the company could get (the least of :attr:`span` while a fact leaves that
        open: decided by bounds). More than that is the rules' to judge: then, and without a
        cost base or a grant sought, unchanged."""
        stated = ctx.value("project.grant_sought")
        most = self.max_grant if self.span is None else self.span[0]
        if stated is None or self.cost_base is None or most is None:
            return self
        # in the amounts' currency: a scheme that works in its own (Innobooster's in_dkk) may
        # be given the company's context (a Swedish company's SEK against DKK was an internal
        # error: CurrencyMismatch)
        sought = ctx.in_currency(most.currency).money(stated)
        if sought > most:
            return self
        own = self.cost_base - sought
        basis, base = self.basis, self.cost_base
        where = "" if self.span is None else f", at most the least grant {most} whatever the " \
            "open facts settle"

        def with_own() -> str:
            return (f"{text_of(basis)}; for the grant sought {sought} (project.grant_sought)"
                    f"{where}: own funding {base} − {sought} = {own}")

        return self._replace(sought=sought, own_for_sought=own, basis=with_own)


AmountsFn = Callable[[Ctx], Amounts]


class Tier(NamedTuple):
    id: str
    name: str
    amounts: AmountsFn


class CallWindow(NamedTuple):
    opens: date | None
    closes: date | None  # the last open day
    cites: tuple[Citation, ...]
    note: str = ""
    # the first day the page's rules are known to apply (its version, or the earliest day its
    # own words allow): a call with no opening date is "open" only from then
    known_from: Fact | None = None
    # the days the scheme's rules are encoded for: set by the Scheme from its legal bases,
    # ``known_from`` and its parameters; outside them the call is "not_encoded", never "open"
    encoded: Horizon | None = None
    # the earliest day an application to the call can be dated, when the page's words bound it
    # without naming an opening day (`budget`'s CALL rule reads it, as the scheme's rule does)
    applications_from: Fact | None = None

    def state(self, on: date) -> str:
        """'open', 'closed', 'not_yet_open' or 'not_encoded' (the first part of
        :meth:`status`)."""
        if self.opens and on < self.opens:
            return "not_yet_open"
        encoded = self.encoded
        if encoded is not None and on < encoded.start:
            return "not_encoded"
        if self.closes and on > self.closes:
            return "closed"
        if encoded is not None and encoded.until is not None and on > encoded.until:
            return "not_encoded"
        return "open"

    def status(self, on: date) -> tuple[str, str]:
        """('open'|'closed'|'not_yet_open'|'not_encoded', sentence)."""
        state = self.state(on)
        if state == "not_yet_open" and self.opens:
            return state, f"opens {self.opens.isoformat()}"
        if state == "not_encoded" and self.encoded is not None:
            e = self.encoded
            if on < e.start:
                return state, f"not encoded before {e.start.isoformat()} ({e.start_reason})"
            assert e.until is not None
            return state, f"not encoded after {e.until.isoformat()} ({e.until_reason})"
        if state == "closed" and self.closes:
            return state, f"closed since {self.closes.isoformat()} (last open day)"
        opening = "" if self.opens else " (no opening date stated)"
        if self.closes:
            return state, f"open until {self.closes.isoformat()}{opening}"
        return state, self.note or "no deadline stated"


class Scheme(Frozen):
    """A scheme as its page states it: who runs it, its call, rules, documents, amounts and
    parameters, and the legal bases its rules rest on."""

    __slots__ = (
        "_horizon",
        "agency",
        "amounts",
        "applicability",
        "call",
        "country",
        "currency",
        "documents",
        "fit_wording",
        "id",
        "legal_bases",
        "name",
        "notes",
        "parameters",
        "rules",
        "source",
        "summary",
        "tiers",
    )
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
    tiers: tuple[Tier, ...]
    notes: tuple[str, ...]
    fit_wording: str  # e.g. "relevant for assessment"
    legal_bases: tuple[LegalBasis, ...]
    # the ids of the rules that tie the scheme to its country (its registry): for a company of
    # another country that does not meet them the scheme is not applicable (engine/scope.py)
    applicability: tuple[str, ...]
    _horizon: Horizon

    def __init__(self, id: str, name: str, agency: str, country: str, currency: str,
                 source: Source, call: CallWindow, rules: tuple[Rule, ...],
                 documents: tuple[Document, ...], amounts: AmountsFn | None,
                 parameters: tuple[Parameter[Any], ...], summary: str,
                 tiers: tuple[Tier, ...] = (), notes: tuple[str, ...] = (),
                 fit_wording: str = "", legal_bases: tuple[LegalBasis, ...] = (),
                 applicability: tuple[str, ...] = ()) -> None:
        # the days the rules are encoded for (made from the bases, the call's known_from and
        # the parameters), and the binding rule that checks it, the first of ``rules``
        span = horizon(legal_bases, call.known_from, parameters)
        unknown_ids = set(applicability) - {r.id for r in rules}
        if unknown_ids:
            raise ValueError(f"scheme {id}: applicability names no rule "
                             f"{', '.join(sorted(unknown_ids))}")
        if not (rules and rules[0].section == ENCODED_SECTION):  # else made already (replace)
            prefix = re.match(r"[A-Z]+", rules[0].id if rules else "")
            if prefix is None:
                raise ValueError(f"scheme {id}: rule ids must start with capital letters")
            rules = (encoded_rule(f"{prefix.group()}00", legal_bases, call.known_from,
                                  parameters, span, call.cites or (_cite(source, name),)),
                     *rules)
        for slot, value in (("id", id), ("name", name), ("agency", agency),
                            ("country", country), ("currency", currency), ("source", source),
                            ("call", call._replace(encoded=span)), ("rules", rules),
                            ("documents", documents), ("amounts", amounts),
                            ("parameters", parameters), ("summary", summary), ("tiers", tiers),
                            ("notes", notes), ("fit_wording", fit_wording),
                            ("legal_bases", legal_bases), ("applicability", applicability),
                            ("_horizon", span)):
            init(self, slot, value)

    @property
    def horizon(self) -> Horizon:
        """The days the rules are encoded for."""
        return self._horizon

    def encoded(self, ctx: Ctx) -> Check:
        """The check of the scheme's first rule, made here (engine/encoded.py): whether its rules
        are encoded for the evaluation date (unknown, with the reason, when not). It reads the
        date alone: amounts and budgets ask it before any number of the page."""
        return self.rules[0].fn(ctx)

    def source_cite(self) -> Citation:
        return _cite(self.source, self.name)

    def rules_for(self, tier: str | None) -> list[Rule]:
        return [r for r in self.rules if r.tier is None or r.tier == tier]


def _cite(source: Source, name: str) -> Citation:
    return Citation(source, name, "")
