"""Each checked input's best verdict across the schemes, as a batch counts it: what its answer
("4 of 6 can still fit a scheme (3 fit, 1 needs information, 2 do not fit)") is made of, in
every output format (the table's headline, and one line on stderr for the others)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

UNDECIDED = "no_rules_encoded"  # needs information only from schemes with no rules for the date
BEST = ("fits", "needs_information", UNDECIDED, "does_not_fit", "not_applicable",
        "closed")  # best first


def best_of(verdicts: Sequence[tuple[str, str]], undecided: frozenset[int]) -> str:
    """The best of a record's ``(verdict, verdict if open)`` per scheme; a scheme of the
    indices ``undecided`` (no rules encoded for the date) that needs information counts as
    :data:`UNDECIDED`, as match's answer counts it apart (no answer settles it)."""
    return min((UNDECIDED if v == "needs_information" and i in undecided else v
                for i, (v, _) in enumerate(verdicts)), key=BEST.index, default="closed")


@functools.lru_cache(maxsize=64)
def not_encoded(scheme_ids: tuple[str, ...], on: date | None) -> frozenset[int]:
    """The indices of the schemes of ``scheme_ids`` whose rules are not encoded for ``on``."""
    from grantcheck.schemes import get

    if on is None:
        return frozenset()
    return frozenset(i for i, sid in enumerate(scheme_ids)
                     if get(sid).call.status(on)[0] == "not_encoded")
