"""Bedriftsnettverk: the network's members (the applicant and the other participants), each
with the facts the rules count, made once per profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, Decimal

from grantcheck.engine import (
    Check,
    Ctx,
    Message,
    Missing,
    Text,
    derived,
    missing,
    text_of,
)
from grantcheck.law import sme
from grantcheck.law.sme_participants import participant_is_sme
from grantcheck.money import format_percent
from grantcheck.named import NamedTuple
from grantcheck.profile import LegalForm
from grantcheck.schemes.no_bedriftsnettverk.parameters import MIN_SMES

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
            "company": _applicant_company(c.legal_form),
            "sme": sme_fact,
            "norway": _flag(c.economic_activity_in_norway, "company.economic_activity_in_norway"),
            "sound": _applicant_sound(ctx),
            "registered": _flag(c.registered_in_foretaksregisteret,
                                "company.registered_in_foretaksregisteret"),
        },
        text,
        applicant=True,
    )


def _applicant_sound(ctx: Ctx) -> Fact:
    """The applicant's sound finances as BN06 reads them: an undertaking in difficulty has none,
    whatever is declared; else its declaration."""
    if ctx.profile.company.in_difficulty:
        return False, ()
    return _flag(ctx.profile.declarations.sound_finances, "declarations.sound_finances")


def _applicant_company(form: LegalForm | None) -> Fact:
    """The applicant is a company unless its legal form makes it a public body (BN04); not
    stated, it is not known."""
    if form is None:
        return None, ("company.legal_form",)
    return form != LegalForm.PUBLIC_BODY, ()


def _participant(ctx: Ctx, index: int) -> Member:
    p = (ctx.profile.network.participants or [])[index]
    prefix = f"network.participants[{index}]"
    if p.kind == "company":
        try:
            is_sme, text = participant_is_sme(ctx, index)
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
    parts = [f"{m.name} ({_why(m, why)})" for m, why in t.no]
    parts += [f"{m.name} (not stated: {', '.join(fs)})" for m, fs in t.open]
    return "; not counted: " + ", ".join(parts) if parts else ""


def _why(m: Member, why: str) -> str:
    """Why ``m`` is not counted; a participating company that is no SME with what settles it,
    its figures or its declaration (its own figures over a ceiling make it large whatever it
    declares: :func:`grantcheck.law.sme_participants.participant_is_sme`). The applicant's
    status BN08 states apart."""
    if why == CRITERIA["sme"][1] and m.facts["company"][0] and not m.applicant:
        return f"{why}: {text_of(m.sme_text)}"
    return why


def _share_text(count: int, total: int) -> str:
    if total == 0:
        return "0 %"
    pct = (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return format_percent(pct / 100)


# --- the rules that count the members (BN08, BN09) ----------------------------------------------


class Count(NamedTuple):
    """The words of a rule that counts the members meeting its criteria (:func:`count_rule`):
    enough, too few and open; too few with the fix going on (``failed_then``: BN09 names the
    participants to register); enough and too few with the applicant's SME status (``with_sme``:
    BN08 shows it when it is known)."""

    passed: Message
    failed: Message
    failed_then: Message
    unknown: Message
    with_sme: tuple[Message, Message] | None


def count_messages(what: str, sme: bool = False, then: str = "") -> Count:
    """A :class:`Count` for members that are ``what``; ``sme``: with the applicant's SME status
    when it is known; ``then``: what the fix can go on with (a template too)."""
    note = "; the applicant's SME status: {sme}"
    enough = "{k} of {n} participants are " + what + ": {names} (at least {need} required)"
    few = ("only {k} of {n} participants are " + what + ": {names}{not_counted} (at least "
           "{need} required)")
    fix = "the network needs at least {need} such companies ({lacking} more)"
    failed = Message(few, fix=fix)
    return Count(
        Message(enough), failed, Message(few, fix=fix + then) if then else failed,
        Message("{k} of {n} participants are known to be " + what + " ({names}); {open} more "
                "could be: {could} (at least {need} required)"),
        (Message(enough + note), Message(few + note, fix=fix)) if sme else None,
    )


def count_rule(ctx: Ctx, criteria: Sequence[str], said: Count, **then: object) -> Check:
    """``then``: the values of ``said.failed_then``'s fix, when it applies (none: it does
    not)."""
    group = members(ctx)
    if group is None:
        return missing("network.participants")
    need = MIN_SMES.at(ctx.on)
    t = tally(group, criteria)
    k, n = len(t.yes), len(group)
    applicant = group[0]
    with_sme = said.with_sme if applicant.facts["sme"][0] is not None else None
    values: dict[str, object] = {"k": k, "n": n, "names": lambda: _names(t.yes), "need": need}
    if with_sme is not None:
        values["sme"] = applicant.sme_text
    if k >= need:
        return (with_sme[0] if with_sme else said.passed).passed(**values)
    if k + len(t.open) < need:
        fails = with_sme[1] if with_sme else said.failed_then if then else said.failed
        return fails.failed(not_counted=lambda: _not_counted(t), lacking=need - k, **values,
                            **then)
    values.pop("sme", None)  # not said while the count is open
    return said.unknown.unknown(*t.open_fields, open=len(t.open), **values, could=lambda: ", ".join(
        f"{m.name} (needs {', '.join(fs)})" for m, fs in t.open))
