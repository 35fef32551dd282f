"""CVR's owner register (``deltagerRelation``): whether a company holds a majority of the unit,
which makes the unit part of a group, as Enhetsregisteret's ``erIKonsern`` does (the parent and
its other subsidiaries are linked enterprises, Recommendation 2003/361/EC, Annex art. 3(3)(a):
"holds a majority of the shareholders' or members' voting rights in another enterprise").

An owner is a ``deltagerRelation`` entry whose ``organisationer`` include the owner register
(``EJERREGISTER``), with the share of capital (``EJERANDEL_PROCENT``) or of the votes
(``EJERANDEL_STEMMERET_PROCENT``) as a fraction for a period. The register reports shares in
bands (REGISTRIES.md: "shares reported in bands, so lower bounds"): 0.5 is 50 % or more, which
shows no majority; 0.6667 and up do. Only a company owner (``enhedstype`` VIRKSOMHED) is read:
links through persons (art. 3(3), fourth subparagraph) turn on their markets, which no register
gives. The shape is that of public code reading the service (docs/registries.md, "Groups").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from grantcheck.registry.common import Unit, UnitError, day, later, obj, put_group, text

OWNER_REGISTER = "EJERREGISTER"
SHARES = {"EJERANDEL_PROCENT": "capital", "EJERANDEL_STEMMERET_PROCENT": "votes"}
HALF = Decimal("0.5")  # a majority is more than half (art. 3(3)(a))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _holds(entry: Mapping[str, Any], on: date | None) -> bool:
    """Whether a value's period holds ``on`` (both ends included)."""
    period = obj(entry.get("periode"), "deltagerRelation periode")
    since = day(period.get("gyldigFra"), "deltagerRelation periode.gyldigFra")
    until = day(period.get("gyldigTil"), "deltagerRelation periode.gyldigTil")
    if on is None:
        return not until
    return not later(on, since) and (not until or until >= on.isoformat())


def _shares(relation: Mapping[str, Any], on: date | None) -> Iterator[tuple[str, Decimal]]:
    """(capital or votes, the band's lower end as a fraction) of each share the owner register
    gives a relation on ``on``."""
    for org in _list(relation.get("organisationer")):
        if not isinstance(org, Mapping):
            continue
        names = {text(n.get("navn"), "organisationsNavn.navn").upper()
                 for n in _list(org.get("organisationsNavn")) if isinstance(n, Mapping)}
        if OWNER_REGISTER not in names:
            continue
        for member in _list(org.get("medlemsData")):
            for attr in _list(obj(member, "medlemsData").get("attributter")):
                kind = SHARES.get(text(obj(attr, "attributter").get("type"), "attributter.type"))
                for value in _list(attr.get("vaerdier")) if kind else ():
                    if isinstance(value, Mapping) and _holds(value, on):
                        yield kind or "", _fraction(value.get("vaerdi"))


def _fraction(value: Any) -> Decimal:
    written = text(value, "EJERANDEL_PROCENT vaerdi")
    try:
        share = Decimal(written)
    except InvalidOperation:
        share = Decimal("NaN")
    if not share.is_finite() or not 0 <= share <= 1:
        raise UnitError(f"deltagerRelation: an owner's share must be a fraction from 0 to 1 "
                        f"(got {written!r})")
    return share


def owners(unit: Unit, doc: Mapping[str, Any], on: date | None) -> None:
    """Put the unit in a group when a company holds a majority of it on ``on``; a note when
    a company holds 50 % or more, a band that shows no majority."""
    half = ""
    for relation in _list(doc.get("deltagerRelation")):
        if not isinstance(relation, Mapping):
            continue
        who = obj(relation.get("deltager"), "deltagerRelation.deltager")
        if text(who.get("enhedstype"), "deltager.enhedstype").upper() != "VIRKSOMHED":
            continue
        names = [n for n in _list(who.get("navne")) if isinstance(n, Mapping)]
        current = [n for n in names if not obj(n.get("periode"), "navne.periode").get(
            "gyldigTil")] or names  # the name of the open period, else the last one
        name = text(current[-1].get("navn"), "deltager.navne.navn") if current else ""
        number = text(who.get("forretningsnoegle"), "deltager.forretningsnoegle")
        owner = " ".join(filter(None, (name, f"(CVR {number})" if number else ""))) or "a company"
        for kind, share in _shares(relation, on):
            percent = (share * 100).quantize(Decimal("0.01")).normalize()
            said = f"{owner} holds {percent:f} % or more of the {kind}"
            if share > HALF:
                put_group(unit, f"CVR deltagerRelation (EJERREGISTER): {said}, a majority")
                return
            if share == HALF:
                half = said
    if half:
        unit.note("company.related", f"CVR deltagerRelation (EJERREGISTER): {half} (a band "
                  "from 50 %): a majority, which would make it a linked enterprise (Annex art. "
                  "3(3)(a)), is not shown: not settled")
