"""Bedriftsnettverk: the network's members (the applicant and the other participants), each
with the facts the rules count, made once per profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from grantcheck.engine import (
    Ctx,
    Missing,
    Text,
    derived,
)
from grantcheck.law import sme
from grantcheck.money import format_percent

Fact = tuple[bool | None, tuple[str, ...]]  # value (None: unknown) and the fields that settle it

CRITERIA = {
    "company": ("a company", "not a company"),
    "sme": ("an SME", "not an SME"),
    "norway": ("established business in Norway", "no established business in Norway"),
    "sound": ("sound finances", "finances not sound"),
    "registered": ("registered in Foretaksregisteret", "not registered in Foretaksregisteret"),
}
NORWEGIAN_SME = ("company", "sme", "norway")
COUNTS_FOR_THREE = (*NORWEGIAN_SME, "sound")
COUNTS_REGISTERED = (*COUNTS_FOR_THREE, "registered")


class Member(NamedTuple):
    """One participant of the network, with the facts the minimum requirements ask about."""

    name: str
    facts: Mapping[str, Fact]
    sme_text: Text
    applicant: bool = False


class Tally:
    """The participants that meet a requirement (``yes``), that may (``open``, with the fields
    that would settle it) and that do not (``no``, with why)."""

    __slots__ = ("no", "open", "yes")

    def __init__(self) -> None:
        self.yes: list[Member] = []
        self.open: list[tuple[Member, tuple[str, ...]]] = []
        self.no: list[tuple[Member, str]] = []

    @property
    def open_fields(self) -> tuple[str, ...]:
        return tuple(f for _, fields in self.open for f in fields)


def _flag(value: bool | None, path: str) -> Fact:
    return (value, ()) if value is not None else (None, (path,))


def _applicant(ctx: Ctx) -> Member:
    c = ctx.profile.company
    try:
        status = sme.company_status(ctx)
        sme_fact: Fact = (status.is_sme, ())
        text = status.explanation
    except Missing as m:
        sme_fact, text = (None, m.fields), "SME status not known"
    return Member(
        f"{c.name} (applicant)",
        {
            "company": (True, ()),
            "sme": sme_fact,
            "norway": _flag(c.economic_activity_in_norway, "company.economic_activity_in_norway"),
            "sound": _flag(ctx.profile.declarations.sound_finances, "declarations.sound_finances"),
            "registered": _flag(c.registered_in_foretaksregisteret,
                                "company.registered_in_foretaksregisteret"),
        },
        text,
        applicant=True,
    )


def _participant(ctx: Ctx, index: int) -> Member:
    p = (ctx.profile.network.participants or [])[index]
    prefix = f"network.participants[{index}]"
    if p.kind == "company":
        try:
            is_sme, text = sme.participant_is_sme(ctx, index)
            sme_fact: Fact = (is_sme, ())
        except Missing as m:
            sme_fact, text = (None, m.fields), "SME status not known"
    else:
        sme_fact, text = (False, ()), f"a {p.kind.replace('_', ' ')}, not a company"
    return Member(
        p.name,
        {
            "company": (p.kind == "company", ()),
            "sme": sme_fact,
            "norway": _flag(p.established_in_norway, f"{prefix}.established_in_norway"),
            "sound": _flag(p.sound_finances, f"{prefix}.sound_finances"),
            "registered": _flag(p.registered_in_foretaksregisteret,
                                f"{prefix}.registered_in_foretaksregisteret"),
        },
        text,
    )


def members(ctx: Ctx) -> tuple[Member, ...] | None:
    """The applicant first, then the other participants; None when they are not listed (the
    rules counting them then give ``missing("network.participants")``). Made once per context:
    BN08, BN09 and BN11 each count them."""
    if ctx.value("network.participants") is None:  # most profiles: before the memo (cheaper)
        return None
    return _members(ctx)


@derived
def _members(ctx: Ctx) -> tuple[Member, ...]:
    participants = ctx.need("network.participants")
    return (_applicant(ctx), *(_participant(ctx, i) for i in range(len(participants))))


def tally(group: Sequence[Member], criteria: Sequence[str]) -> Tally:
    """Who meets every criterion, who cannot, and who might (with the fields that would tell)."""
    out = Tally()
    for m in group:
        known = True
        unsettled: list[str] = []  # the fields that would settle the criteria not known
        for c in criteria:
            value, fields = m.facts[c]
            if value is False:
                out.no.append((m, CRITERIA[c][1]))
                break
            if value is None:
                known = False
                unsettled += fields
        else:
            if known:
                out.yes.append(m)
            else:
                out.open.append((m, tuple(unsettled)))
    return out


def _names(group: Sequence[Member]) -> str:
    return ", ".join(m.name for m in group) or "none"


def _not_counted(t: Tally) -> str:
    parts = [f"{m.name} ({why})" for m, why in t.no]
    parts += [f"{m.name} (not stated: {', '.join(fs)})" for m, fs in t.open]
    return "; not counted: " + ", ".join(parts) if parts else ""


def _share_text(count: int, total: int) -> str:
    if total == 0:
        return "0 %"
    pct = (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return format_percent(pct / 100)

