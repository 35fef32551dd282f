"""The words of a scheme's amounts, the same in every view (match's table and first line,
``--explain``'s table, batch's lines): the most grant, or its range while a fact leaves it open
(with the fact that settles it); the own funding, for the grant sought when the profile states
one below the most. Presentation only."""

from __future__ import annotations

from grantcheck.engine import Amounts
from grantcheck.money import format_span


def grant_words(am: Amounts) -> str:
    """"DKK 220,000", "NOK 960,000 – 3,200,000" while a fact leaves it open, or "" when not
    worked out."""
    if am.max_grant is not None:
        return str(am.max_grant)
    return format_span(*am.span) if am.span is not None else ""


def settled_by(am: Amounts, short: bool = False) -> str:
    """"by company.employees_fte": the facts that settle a grant shown as a range ("" when it
    is not one); ``short``: by the fields' own names ("by employees_fte"), for a table's
    narrow column."""
    if am.span is None or not am.missing:
        return ""
    return "by " + ", ".join(f.rsplit(".", 1)[-1] if short else f for f in am.missing)


def own_words(am: Amounts) -> tuple[str, str]:
    """The own funding in words and what it is for: ("NOK 5,900,000", "for NOK 500,000
    sought") for the grant sought, ("NOK 3,200,000 – 5,440,000", "") while the grant is open,
    ("NOK 3,200,000", "") for the most grant, ("", "") when not known."""
    if am.own_for_sought is not None:
        return str(am.own_for_sought), f"for {am.sought} sought"
    own_span = am.own_span
    if own_span is not None:
        return format_span(*own_span), ""
    return (str(am.own_funding) if am.own_funding is not None else ""), ""
