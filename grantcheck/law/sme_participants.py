"""Bedriftsnettverk's participants under the EU SME definition (Recommendation 2003/361/EC):
an entry of ``network.participants`` states its own figures and, or, a declared status, never
its partner and linked enterprises, so it is decided here, apart from the company's
(:func:`grantcheck.law.sme.company_status`)."""

from __future__ import annotations

from decimal import Decimal

from grantcheck.engine import Ctx, Missing, Text, Unsettled
from grantcheck.facts import show
from grantcheck.law.sme import Figures, _describe, _money_fact, _span, size_range


def participant_is_sme(ctx: Ctx, index: int) -> tuple[bool, Text]:
    """Bedriftsnettverk: a participant's SME status from its figures, else its declared flag
    (also when the figures, known only within bounds, leave it open). Its staff stated, an
    amount it leaves out is 0 and up: 250 staff is a large enterprise whatever its money. With
    no staff stated they settle it only one way: over both money ceilings it is large whatever
    its staff (Annex art. 2(1)); else any staff could make it large.

    The figures are the participant's own: its partner and linked enterprises add to them and
    public bodies' holdings can rule it out (Annex art. 3(4), 6(2)), which an entry cannot list.
    So own figures above the ceilings make it large whatever it declares, and own figures within
    them make it an SME only when it does not declare ``sme = false``: a declared "not an SME"
    (a subsidiary of a large group, say) stands."""
    p = (ctx.profile.network.participants or [])[index]
    prefix = f"network.participants[{index}]"
    open_facts: tuple[str, ...] = ()
    if p.staff is not None:
        f = Figures(ctx.fact(f"{prefix}.staff"),
                    _money_fact(ctx, p.turnover, f"{prefix}.turnover"),
                    _money_fact(ctx, p.balance_sheet_total, f"{prefix}.balance_sheet_total"))
        lowest, highest, open_facts = size_range(ctx, f, prefix)
        cat = _span(lowest, highest)
        if lowest == "large" and p.sme:
            return False, lambda: f"{cat} ({_describe(f)}; own figures)" + _OVER[True]
        if lowest == "large" or (highest != "large" and p.sme is not False):
            return highest != "large", lambda: f"{cat} ({_describe(f)}; own figures)"
        if highest != "large":
            return False, lambda: (f"declared sme = false; its own figures ({cat}: "
                                   f"{_describe(f)}) are within the SME ceilings, but partner "
                                   "and linked enterprises and public holdings count too (Annex "
                                   "art. 3(4), 6(2))")
    elif p.turnover is not None and p.balance_sheet_total is not None:
        # its staff not stated: over both money ceilings it is large whatever its staff ("a
        # firm may exceed one money ceiling but not both", Annex art. 2(1)); the least staff
        # tells (a class only grows with the staff)
        money = (_money_fact(ctx, p.turnover, f"{prefix}.turnover"),
                 _money_fact(ctx, p.balance_sheet_total, f"{prefix}.balance_sheet_total"))
        if size_range(ctx, Figures(Decimal(0), *money), prefix)[0] == "large":
            return False, lambda: (f"large (staff not stated, turnover {show(money[0])}, balance "
                                   f"sheet {show(money[1])}: over both money ceilings, so large "
                                   "whatever its staff; own figures)" + _OVER[bool(p.sme)])
    if p.sme is not None:
        said = "declared sme = " + str(p.sme).lower()
        if open_facts:  # its own figures allow either: the declaration settles it
            return p.sme, lambda: (f"{said}; its own figures ({_span(lowest, highest)}: "
                                   f"{_describe(f)}) leave it open, and the declaration "
                                   "settles it")
        return p.sme, said
    if open_facts:
        raise Unsettled(*open_facts, f"{prefix}.sme", why=(
            f"its figures leave its SME status open ({_describe(f)}), and it declares no sme"))
    raise Missing(f"{prefix}.sme", why="or its staff and turnover/balance_sheet_total")


_OVER = ("", ": declared sme = true, but its own figures are over the SME ceilings already, and "
         "partner and linked enterprises only add to them (Annex art. 6(2))")
"""What follows a participant's size when its own figures make it large: whether it declared
itself an SME ([True]) or not ([False])."""
