"""Innobooster People's rules, IP01–IP38 in the order of the page: "Hvem kan søge?" (:mod:`.who`
and :mod:`.structure`),
"Hvad kan der søges til?" (:mod:`.what` and :mod:`.what_terms`), "Vurderingskriterier" and
"Bedømmelsesprocessen" (:mod:`.assessment`).

Every rule reads version 3 of the page: for an evaluation date before it, each is *unknown* (the
rules for that date are not encoded), before anything else is asked of the profile.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from grantcheck.engine import Check, Ctx, Rule
from grantcheck.schemes.dk_innobooster_people import (
    assessment,
    structure,
    what,
    what_terms,
    who,
)
from grantcheck.schemes.dk_innobooster_people.parameters import PAGE_VERSION


def _version_3(fn: Callable[[Ctx], Check]) -> Callable[[Ctx], Check]:
    """``fn``, run only on a date page version 3 covers (else NotEncoded: an unknown)."""

    @functools.wraps(fn)
    def run(ctx: Ctx) -> Check:
        PAGE_VERSION.at(ctx.on)
        return fn(ctx)

    return run


RULES: tuple[Rule, ...] = tuple(
    r._replace(fn=_version_3(r.fn))
    for r in (*who.rules.rules, *structure.rules.rules, *what.rules.rules, *what_terms.rules.rules,
              *assessment.rules.rules))
