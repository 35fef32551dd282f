"""The binding rule every scheme has first: its rules are encoded for the evaluation date.

Written once here, made by :class:`~grantcheck.engine.evaluate.Scheme` from what the scheme
declares (its legal bases, the date its page's rules are known from, its parameters), so that no
scheme can say *fits* on a date past the law it encodes: on such a date this rule is *unknown*,
naming the act and the date, and the verdict is *needs information*.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from grantcheck.basis import Fact, Horizon, LegalBasis
from grantcheck.citations import Citation
from grantcheck.engine.checks import Check, Kind, passed
from grantcheck.engine.context import Ctx
from grantcheck.engine.rules import Rule
from grantcheck.parameters import Parameter

SECTION = "Legal basis"
TITLE = "The rules are encoded for the evaluation date (the legal basis is in force)"
FIX = "choose an evaluation date the rules cover (--as-of)"


def _not_encoded(on: date, bases: Sequence[LegalBasis], known_from: Fact | None,
                 parameters: Sequence[Parameter[Any]]) -> list[str]:
    """Why the rules are not encoded on ``on`` (empty: they are)."""
    why: list[str] = []
    for b in bases:
        if b.period_on(on) is None:
            acts = "; ".join(p.text() for p in b.periods)
            later = " and no later act is encoded" if b.end is not None and on > b.end else ""
            why.append(f"{b.name} does not apply on that date ({acts}){later}")
    if known_from is not None and on < known_from.value:
        why.append(f"the page's rules are known from {known_from.value.isoformat()} "
                   f"(\"{known_from.cite.quote or known_from.cite.section}\")")
    if not why:
        why.extend(f"{p.name} is known {p.coverage()}" for p in parameters if not p.covers(on))
    return why


def encoded_rule(rule_id: str, bases: Sequence[LegalBasis], known_from: Fact | None,
                 parameters: Sequence[Parameter[Any]], span: Horizon,
                 otherwise: Sequence[Citation] = ()) -> Rule:
    """The rule ``rule_id``: on the evaluation date every basis is in force, the page's rules
    are known and every parameter is encoded. It cites the bases and ``known_from``; a scheme
    that declares neither (a test's) has it cite ``otherwise`` (every real scheme declares its
    bases: the scheme contract test checks it)."""
    checks: dict[date, Check] = {}  # per date, made once (a batch asks for one date)
    if span.until is None:
        encoded = f"from {span.start.isoformat()}, with no end date stated"
    else:
        encoded = f"from {span.start.isoformat()} until {span.until.isoformat()}"
    if span.start == date.min:
        encoded = encoded.replace(f"from {date.min.isoformat()}", "with no start date stated")

    def make(on: date) -> Check:
        why = _not_encoded(on, bases, known_from, parameters)
        if why:
            return Check(None, f"the rules for {on.isoformat()} are not encoded: "
                         + "; ".join(why), f"{FIX}: the rules are encoded {encoded}")
        in_force = "; ".join(f"{b.name} ({period.act})" for b in bases
                             if (period := b.period_on(on)) is not None)
        return passed(f"on {on.isoformat()} the rules are encoded ({encoded})"
                      + (f"; in force: {in_force}" if in_force else ""))

    def fn(ctx: Ctx) -> Check:
        c = checks.get(ctx.on)
        if c is None:
            if len(checks) >= 64:
                checks.clear()
            c = checks[ctx.on] = make(ctx.on)
        return c

    fn.__doc__ = ("Every legal basis is in force on the evaluation date, the page's rules are "
                  "known then, and every number the rules use is encoded for it.")
    cites: list[Citation] = [c for b in bases for c in b.all_cites()]
    if known_from is not None:
        cites.append(known_from.cite)
    cites.extend(() if cites else otherwise)
    if not cites:
        raise ValueError(f"rule {rule_id}: a scheme must declare its legal basis")
    return Rule(rule_id, TITLE, Kind.HARD, tuple(dict.fromkeys(cites)), (), fn, None,
                fn.__doc__, SECTION)
