"""Denmark's CVR: the JSON documents of the CVR distribution service, one per line or an array
of search hits (``{"_source": {"Vrvirksomhed": …}}``), or an Elasticsearch response whose
``hits.hits`` holds them; gzip or not.

Staff is read by :mod:`~grantcheck.registry.cvr_staff` from the period that stands for a
year's work units (the newest whole year, or the newest month standing in): an exact number
when the document has one, else the interval code as a range; which series and period is
carried in the provenance. The mapping is docs/registries.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from functools import partial
from typing import IO, Any

from grantcheck.registry.common import (
    RawTask,
    Unit,
    UnitError,
    after_on,
    day,
    error_task,
    later,
    not_yet,
    obj,
    placed,
    put_sector,
    text,
    undated,
    unit_task,
)
from grantcheck.registry.cvr_owners import owners
from grantcheck.registry.cvr_staff import staff
from grantcheck.registry.json_file import json_items
from grantcheck.registry.mapping import (
    CVR_ACTIVE,
    CVR_BRANCHES,
    CVR_ENDED,
    CVR_FORMS,
    CVR_IN_DIFFICULTY,
    CVR_WINDING_UP,
    public_body_said,
)
from grantcheck.shown import shown

REG = "CVR"
def _newest(items: Any) -> Mapping[str, Any] | None:
    """The entry of a CVR list whose period is newest (gyldigTil empty first, then gyldigFra)."""
    if not isinstance(items, list) or not items:
        return None
    dicts = [i for i in items if isinstance(i, Mapping)]
    if not dicts:
        return None

    def key(i: Mapping[str, Any]) -> tuple[bool, str]:
        period = obj(i.get("periode"), "periode")
        return (not period.get("gyldigTil"), text(period.get("gyldigFra"), "periode.gyldigFra"))

    return max(dicts, key=key)


def _document(item: Mapping[str, Any]) -> Mapping[str, Any]:
    source = item.get("_source", item)
    if isinstance(source, Mapping):
        inner = source.get("Vrvirksomhed", source)
        if isinstance(inner, Mapping):
            return inner
    raise UnitError("not a CVR document: no _source.Vrvirksomhed object")


def unit_of(item: Mapping[str, Any], on: date | None = None, drawn: date | None = None
            ) -> Unit:
    """The profile data of one document on the evaluation date ``on``: a status that began
    after it, or a company founded after it, does not count on it; an undated one counts when
    ``on`` is not before the document's last update or ``drawn`` (the latest day the extract
    can have been drawn)."""
    doc = _document(item)
    meta = obj(doc.get("virksomhedMetadata"), "virksomhedMetadata")
    unit = Unit()
    cvr = text(doc.get("cvrNummer"), "cvrNummer")
    if not cvr:
        raise UnitError("cvrNummer: missing")
    unit.put("company.cvr_number", cvr, f"{REG} cvrNummer")
    unit.put("company.country", "DK", f"{REG}: a unit of the Danish business register")
    name = text(obj(meta.get("nyesteNavn"), "virksomhedMetadata.nyesteNavn").get("navn"),
                "virksomhedMetadata.nyesteNavn.navn")
    read = "virksomhedMetadata.nyesteNavn"
    if not name:  # the field the name is read from is the one its provenance names
        name, read = text((_newest(doc.get("navne")) or {}).get("navn"), "navne.navn"), (
            "navne (the newest period)")
    if not name:
        raise UnitError(f"CVR {cvr}: no name (virksomhedMetadata.nyesteNavn or navne)")
    unit.put("company.name", name, f"{REG} {read}")
    form = obj(meta.get("nyesteVirksomhedsform"), "virksomhedMetadata.nyesteVirksomhedsform"
               ) or _newest(doc.get("virksomhedsform")) or {}
    short = text(form.get("kortBeskrivelse"), "virksomhedsform.kortBeskrivelse").upper()
    if short:
        if short not in CVR_FORMS:
            kode = text(form.get("virksomhedsformkode"), "virksomhedsformkode") or "?"
            raise UnitError(f"CVR {cvr}: virksomhedsform {shown(short)} (code {kode}) is not "
                            "mapped to a legal form (docs/registries.md lists those that are)")
        unit.put("company.legal_form", CVR_FORMS[short], f"{REG} virksomhedsform {short}"
                 f"{public_body_said(CVR_FORMS[short])}")
    founded = day(meta.get("stiftelsesDato") or doc.get("stiftelsesDato"), "stiftelsesDato")
    if later(on, founded):
        raise not_yet(f"CVR {cvr}", founded, "stiftelsesDato", on)
    if founded:
        unit.put("company.founded", founded, f"{REG} stiftelsesDato")
    branch = obj(meta.get("nyesteHovedbranche"), "virksomhedMetadata.nyesteHovedbranche"
                 ) or _newest(doc.get("hovedbranche")) or {}
    code = text(branch.get("branchekode"), "hovedbranche.branchekode")
    if code:
        put_sector(unit, code, f"{REG} hovedbranche")
    staff(unit, doc, meta, short in CVR_BRANCHES, on)
    owners(unit, doc, on)
    _status(unit, doc, meta, cvr, on, drawn)
    return unit


def _since(entry: Mapping[str, Any]) -> str:
    return day(obj(entry.get("periode"), "periode").get("gyldigFra"),
               "virksomhedsstatus.periode.gyldigFra")


def _holds(entry: Any, on: date | None) -> bool:
    """Whether a status entry's period holds ``on`` (both ends included)."""
    if not isinstance(entry, Mapping) or later(on, _since(entry)):
        return False
    until = _until(entry)
    return not until or on is None or until >= on.isoformat()


def _status(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any], cvr: str,
            on: date | None, drawn: date | None) -> None:
    """The status on ``on``: the newest one, or, when it began after ``on``, the one of the
    period that holds ``on`` (the composite status, undated, is the newest one's then). When
    the newest period has ended (``gyldigTil``), the composite status came after it: on a day
    that period holds, that period's status is read; after it, the composite, undated. An
    undated difficulty or ceased status counts on ``on`` only when the document's last update
    (``sidstOpdateret``: its state held from then to the extract's day) or ``drawn`` is not
    after ``on`` (:func:`~grantcheck.registry.common.placed`)."""
    composite = text(meta.get("sammensatStatus"), "virksomhedMetadata.sammensatStatus")
    words: list[tuple[str, bool]] = []  # (status, whether the registry dates it)
    status = _newest(doc.get("virksomhedsstatus"))
    if status and later(on, since := _since(status)):
        word = text(status.get("status"), "virksomhedsstatus.status")
        if word.upper() in CVR_IN_DIFFICULTY or word.upper() in CVR_WINDING_UP:
            unit.note("company.in_difficulty", f"{REG} status {word} since {since}, "
                      f"{after_on(on)}: not on that date, so it does not count: not settled")
        status = _newest([e for e in doc["virksomhedsstatus"] if _holds(e, on)])
    elif status and _until(status) and (on is None or _until(status) < on.isoformat()):
        words, status = [(composite, False)], None  # came after the newest period: undated
    elif status and not _until(status):
        words = [(composite, bool(_since(status)))]  # the open period's status, dated by it
    elif not status:
        words = [(composite, False)]
    if status:
        words.append((text(status.get("status"), "virksomhedsstatus.status"),
                      bool(_since(status))))
    updated = day(doc.get("sidstOpdateret"), "sidstOpdateret")
    for word, dated in words:
        upper = word.upper()
        if not upper:
            continue
        if upper in CVR_IN_DIFFICULTY:
            if not dated and not placed(on, drawn, updated):
                unit.note("company.in_difficulty", f"{REG} " + undated(
                    f"status {word}", on, drawn, updated) + ": not settled")
                return
            unit.put("company.in_difficulty", True, f"{REG} status {word}")
            return
        if upper in CVR_ENDED:
            _ended(unit, doc, cvr, word, on, drawn, updated, dated)
            return
        if upper in CVR_WINDING_UP:
            unit.note("company.in_difficulty", f"{REG} status {word}: {CVR_WINDING_UP[upper]}, "
                      "not itself collective insolvency proceedings (GBER art. 2(18)(c)): not "
                      "settled")
            return
        if upper not in CVR_ACTIVE:
            raise UnitError(f"CVR {cvr}: status {shown(word)} is not mapped (docs/registries.md "
                            "lists those that are)")


def _until(entry: Mapping[str, Any]) -> str:
    return day(obj(entry.get("periode"), "periode").get("gyldigTil"),
               "virksomhedsstatus.periode.gyldigTil")


def _ended(unit: Unit, doc: Mapping[str, Any], cvr: str, word: str, on: date | None,
           drawn: date | None, updated: str, dated: bool) -> None:
    """A status that says the company has ceased (``OPHØRT``): an error record, nothing to
    screen, when it held on ``on``. Undated (no dated ``virksomhedsstatus``), it held when the
    extract was drawn and since the last update: placed as an undated difficulty flag is
    (:func:`~grantcheck.registry.common.placed`); before that, the end of its life period
    (``livsforloeb`` ``gyldigTil``) settles it when given, else whether it had ceased is not
    known: the unit is screened, its number's provenance saying so."""
    ceased = f"CVR {cvr}: status {word}: the company has ceased, nothing to screen"
    if dated or placed(on, drawn, updated):
        raise UnitError(ceased)
    life = _newest(doc.get("livsforloeb"))
    end = day(obj((life or {}).get("periode"), "livsforloeb.periode").get("gyldigTil"),
              "livsforloeb.periode.gyldigTil")
    if end and (on is None or end < on.isoformat()):  # a period holds its last day too
        raise UnitError(f"{ceased} (its life period ended on {end}, livsforloeb)")
    said = (f"status {word}: its life period (livsforloeb) ended on {end}, not before the "
            f"evaluation date {on.isoformat() if on else ''}: a unit on that date" if end
            else undated(f"status {word}", on, drawn, updated, "ceased"))
    unit.note("company.cvr_number", f"{REG} cvrNummer ({said})")
    unit.data["company"]["cvr_number"] = cvr  # the number stays; its provenance speaks


def tasks(fh: IO[bytes], name: str, on: date | None = None, drawn: date | None = None
          ) -> Iterator[RawTask]:
    """One task per CVR document (a line, an array item, or a search response's hit) on the
    evaluation date ``on``, the extract drawn on ``drawn`` at the latest."""
    unit_on = partial(unit_of, on=on, drawn=drawn)
    for where, item in json_items(fh):
        source = f"{name} {where}"
        if isinstance(item, UnitError):
            yield error_task(source, str(item))
            continue
        hits = item.get("hits") if isinstance(item, dict) else None
        if isinstance(hits, dict) and isinstance(hits.get("hits"), list):
            for n, hit in enumerate(hits["hits"], 1):
                yield _task(hit, f"{source} hit {n}", unit_on)
        else:
            yield _task(item, source, unit_on)


def _task(item: Any, source: str, unit_on: Any) -> RawTask:
    if not isinstance(item, dict):
        return error_task(source, f"a CVR document must be a JSON object (got {shown(item)})")
    return unit_task(unit_on, item, source)
