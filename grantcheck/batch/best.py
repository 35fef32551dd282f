"""Each checked input's best verdict across the schemes, and per scheme those it fits or needs
information from with their grants, as a batch counts them: what its answer ("4 of 6 can still
fit a scheme (3 fit, 1 needs information, 2 do not fit)", then a line per scheme: "dk-smv-digital:
1 fits, 1 needs information; up to DKK 220,000 a company, DKK 245,000 in all") is made of, in
every output format (the table's headline, and the same lines on stderr for the others)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from grantcheck.engine.settle import COUNTED, FITS, NEEDS
from grantcheck.money import Money, format_span
from grantcheck.numbers import plural

if TYPE_CHECKING:
    from grantcheck.engine import SchemeResult, SchemeSummary

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


# a scheme's grant as a count takes it: the maximum grant, or while a fact leaves it open its
# least and most and the facts that settle it (None: not known); small and picklable, for a
# batch's workers to send
Grant = Money | tuple[Money, Money, tuple[str, ...]] | None


def grant_of(r: SchemeResult | SchemeSummary) -> Grant:
    """The :data:`Grant` of a scheme's result (or summary) ``r``."""
    am = r.amounts.amounts
    if am is None:
        return None
    if am.max_grant is None and am.span is not None:
        return am.span[0], am.span[1], am.missing
    return am.max_grant


class SchemeCount:
    """One scheme's share of a screening: the companies it fits, those it needs information
    from, and the sum and highest of their maximum grants (those whose amount is known); a
    grant a fact leaves open counts with its range: its most in the highest, and the sum runs
    from the least of each to the most, with the facts that settle them."""

    __slots__ = ("fits", "known", "least", "needs", "ranged", "settling", "top", "total")

    def __init__(self) -> None:
        self.fits = 0
        self.needs = 0
        self.known = 0  # of fits + needs, those with a maximum grant or its range
        self.total: Money | None = None  # the sum of the grants, each range's most
        self.top: Money | None = None
        self.least: Money | None = None  # the sum of the grants, each range's least
        self.ranged = 0  # of known, those with a range
        self.settling: dict[str, None] = {}  # the facts that settle the ranges, in order

    def add(self, verdict: str, grant: Grant) -> None:
        if verdict == FITS:
            self.fits += 1
        else:
            self.needs += 1
        if grant is None:
            return
        self.known += 1
        if isinstance(grant, tuple):
            low, grant, fields = grant
            self.ranged += 1
            self.settling.update(dict.fromkeys(fields))
        else:
            low = grant
        self._sum(grant, low)

    def _sum(self, most: Money, least: Money) -> None:
        if self.total is None or self.top is None or self.least is None:
            self.total = self.top = most
            self.least = least
            return
        self.total = self.total + most  # one scheme's grants are in its one currency
        self.least = self.least + least
        self.top = max(self.top, most, key=lambda m: m.amount)

    def merge(self, other: SchemeCount) -> None:
        """Count ``other``'s companies too (a batch's blocks, counted in its workers)."""
        self.fits += other.fits
        self.needs += other.needs
        self.known += other.known
        self.ranged += other.ranged
        self.settling.update(other.settling)
        if other.total is None or other.top is None or other.least is None:
            return
        if self.total is None or self.top is None or self.least is None:
            self.total, self.top, self.least = other.total, other.top, other.least
            return
        self.total, self.least = self.total + other.total, self.least + other.least
        self.top = max(self.top, other.top, key=lambda m: m.amount)

    def line(self, scheme: str, on: date | None = None) -> str:
        """'no-bedriftsnettverk: 0 fit, 2 need information; up to NOK 750,000 a company, NOK
        1,500,000 in all'; the sum of those whose amount is known, when some are not; a range
        while facts leave some open ("NOK 960,000 – 3,200,000 in all (the range by
        company.employees_fte)"). On a date ``on`` the scheme's rules are not encoded for, that
        is said, as match's answer says it: no answer settles it on that date ("; rules not
        encoded after 2026-12-31 (GBER art. 29): none is decided on 2027-06-01")."""
        return self._line(scheme) + _undecided_on(scheme, on)

    def _line(self, scheme: str) -> str:
        n = self.fits + self.needs
        out = (f"{scheme}: {plural(self.fits, *COUNTED[FITS])}, "
               f"{plural(self.needs, *COUNTED[NEEDS])}")
        if not n:
            return out
        if self.top is None or self.total is None or self.least is None:
            return f"{out}; {'its amount' if n == 1 else 'their amounts'} not known yet"
        by = f"the range by {', '.join(self.settling)}" if self.ranged else ""
        if n == 1 and self.ranged:  # one company, its grant a range
            return f"{out}; {format_span(self.least, self.total)} a company ({by})"
        out += f"; up to {self.top}"
        if n == 1:
            return out
        total = format_span(self.least, self.total) if self.ranged else str(self.total)
        if self.known == n:
            return f"{out} a company, {total} in all" + (f" ({by})" if by else "")
        return (f"{out} a company; {total} in all for {self.known:,} of {n:,} "
                f"({by}{'; ' if by else ''}{n - self.known:,} not known yet)")


# a verdict value as a scheme's count takes it (match's words)
_COUNTED = {"fits": FITS, "needs_information": NEEDS}


def count_grants(counts: list[SchemeCount], verdicts: Sequence[tuple[str, str]],
                 grants: Sequence[Grant]) -> list[SchemeCount]:
    """``counts`` (made, one per scheme, when empty) with a record's schemes that it fits or
    needs information from counted, each with its grant."""
    if not counts:
        counts = [SchemeCount() for _ in verdicts]
    for count, (verdict, _), grant in zip(counts, verdicts, grants, strict=False):
        if verdict in _COUNTED:
            count.add(_COUNTED[verdict], grant)
    return counts


def _undecided_on(scheme_id: str, on: date | None) -> str:
    """"; rules not encoded after 2026-12-31 (GBER art. 29): none is decided on 2027-06-01"
    when the scheme's rules are not encoded for ``on``, else ""."""
    if on is None:
        return ""
    from grantcheck.schemes import get

    state, text = get(scheme_id).call.status(on)
    return f"; rules {text}: none is decided on {on.isoformat()}" if state == "not_encoded" else ""
