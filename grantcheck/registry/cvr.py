"""Denmark's CVR: the JSON documents of the CVR distribution service, one per line or an array
of search hits (``{"_source": {"Vrvirksomhed": …}}``), or an Elasticsearch response whose
``hits.hits`` holds them; gzip or not.

Staff is read from the newest period of the annual (``aarsbeskaeftigelse``) and monthly
(``erstMaanedsbeskaeftigelse``, ``maanedsbeskaeftigelse``) series: an exact number when the
document has one, else the interval code as a range; which series and period is carried in
the provenance. The mapping is docs/registries.md, "Denmark: CVR".
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
    number,
    obj,
    placed,
    put_sector,
    text,
    undated,
    unit_task,
)
from grantcheck.registry.json_file import json_items
from grantcheck.registry.mapping import (
    CVR_ACTIVE,
    CVR_BRANCHES,
    CVR_ENDED,
    CVR_FORMS,
    CVR_IN_DIFFICULTY,
    CVR_WINDING_UP,
    interval,
    public_body_said,
)
from grantcheck.shown import shown

REG = "CVR"
SERIES = ("erstMaanedsbeskaeftigelse", "maanedsbeskaeftigelse", "kvartalsbeskaeftigelse",
          "aarsbeskaeftigelse")
# the newest period of each series as virksomhedMetadata keeps it (a document may carry the
# metadata without the series): (metadata key, the series it is the newest of)
NEWEST = (("nyesteErstMaanedsbeskaeftigelse", "erstMaanedsbeskaeftigelse"),
          ("nyesteMaanedsbeskaeftigelse", "maanedsbeskaeftigelse"),
          ("nyesteKvartalsbeskaeftigelse", "kvartalsbeskaeftigelse"),
          ("nyesteAarsbeskaeftigelse", "aarsbeskaeftigelse"))


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
    _staff(unit, doc, meta, branch=short in CVR_BRANCHES)
    _status(unit, doc, meta, cvr, on, drawn)
    return unit


def _whole(value: Any, what: str) -> int:
    """A year or month of an employment figure (0 when empty); UnitError naming the field."""
    n = number(value, what)
    return 0 if n is None else n


def _period(series: str, entry: Mapping[str, Any]) -> str:
    """The period of an entry :func:`_end` has read, as its numbers are (a month ``"-0"`` is
    none, ``12.0`` December)."""
    year, month = _end(series, entry)
    quarter = _whole(entry.get("kvartal"), f"{series}.kvartal")
    if month <= 12 and not _whole(entry.get("maaned"), f"{series}.maaned"):
        return f"{year} Q{quarter}"
    return f"{year}-{month:02d}" if month <= 12 else str(year)


def _end(series: str, entry: Mapping[str, Any]) -> tuple[int, int]:
    """(year, the last month of the period): a month, a quarter's last month, or 13 for a
    year, so that a year's figure comes after its months and quarters. UnitError naming the
    field for a month or quarter out of range."""
    month = _whole(entry.get("maaned"), f"{series}.maaned")
    if month > 12:
        raise UnitError(f"{series}.maaned: must be a month, 1 to 12 (got "
                        f"{shown(entry.get('maaned'), quote=False)})")
    quarter = _whole(entry.get("kvartal"), f"{series}.kvartal")
    if quarter > 4:
        raise UnitError(f"{series}.kvartal: must be a quarter, 1 to 4 (got "
                        f"{shown(entry.get('kvartal'), quote=False)})")
    return _whole(entry["aar"], f"{series}.aar"), month or 3 * quarter or 13


def _staff(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any], branch: bool
           ) -> None:
    newest: tuple[tuple[int, int], str, Mapping[str, Any]] | None = None
    candidates: list[tuple[str, Any]] = [(s, doc.get(s)) for s in SERIES]
    for key, series in NEWEST:
        latest = obj(meta.get(key), f"virksomhedMetadata.{key}")
        if latest:
            candidates.append((series, [latest]))
    for series, entries in candidates:
        if entries is not None and not isinstance(entries, list):  # never ignored unseen
            raise UnitError(f"{series}: must be a list of periods (got {shown(entries)})")
        for e in entries or []:
            if not isinstance(e, Mapping) or not e.get("aar"):
                continue
            at = _end(series, e)
            if newest is None or at > newest[0]:
                newest = (at, series, e)
    if newest is None:
        return
    _, series, entry = newest
    where = f"{REG} {series} {_period(series, entry)}"
    employees = _range(entry, "antalAarsvaerk", "intervalKodeAntalAarsvaerk")
    persons = _range(entry, "antalAnsatte", "intervalKodeAntalAnsatte")
    if branch:
        _branch_staff(unit, where, employees)
    elif employees is not None:
        (low, high), said = employees
        unit.put("company.employees_fte", {"min": low, "max": high}, f"{where}, {said}")
    elif persons is not None:  # a person is at most one AWU, and may be less
        (_, high), said = persons
        unit.put("company.employees_fte", {"min": 0, "max": high},
                 f"{where}, {said} (persons, read as at most {high} AWU)")
    including = _range(entry, "antalInklusivEjere", "intervalKodeAntalInklusivEjere")
    if including is not None and not branch:
        _owners(unit, where, including, persons)


def _branch_staff(unit: Unit, where: str, employees: tuple[tuple[int, int], str] | None
                  ) -> None:
    """A foreign company's Danish branch (FIL): its figures are the branch's alone, and the
    enterprise the SME test counts is the foreign company (Recommendation 2003/361/EC, Annex
    art. 1), which has at least the branch's annual work units and no upper bound known; its
    owners are not the branch's "including owners" persons."""
    branch = "the Danish branch's (FIL) alone; the enterprise whose staff counts is the " \
        "foreign company (Recommendation 2003/361/EC, Annex art. 1)"
    if employees is not None and employees[0][0] > 0:
        low = employees[0][0]
        unit.put("company.employees_fte", {"min": low},
                 f"{where}, {employees[1]}: {branch}, read as at least {low} AWU")
    else:
        unit.note("company.employees_fte", f"{where}: {branch}: not known")
    unit.note("company.owners_fte", f"{where}: {branch}: its owners are not known")


def _owners(unit: Unit, where: str, including: tuple[tuple[int, int], str],
            persons: tuple[tuple[int, int], str] | None) -> None:
    """The owners' FTE: the persons "including owners" less the employees (both headcounts,
    bands or exact), each owner at most one AWU (and maybe less: the low end is 0)."""
    (_, inc_high), inc_said = including
    if persons is None:
        unit.put("company.owners_fte", {"min": 0, "max": inc_high},
                 f"{where}: including owners ({_bare(inc_said)}), no employees' headcount to "
                 f"subtract: at most {inc_high} persons, each at most one AWU")
        return
    (emp_low, _), emp_said = persons
    high = inc_high - emp_low
    if high >= 0:
        unit.put("company.owners_fte", {"min": 0, "max": high},
                 f"{where}: including owners ({_bare(inc_said)}) less employees "
                 f"({_bare(emp_said)}), read as at most {high} persons, each at most one AWU")


def _bare(said: str) -> str:
    """A band or figure as the registry writes it: ANTAL_5_9, or antalAnsatte 12."""
    return said.removeprefix("interval code ")


def _range(entry: Mapping[str, Any], exact: str, band: str
           ) -> tuple[tuple[int, int], str] | None:
    """(low, high) of an exact figure or an interval code, and how it was written; None when
    the entry has neither."""
    n = number(entry.get(exact), exact)
    if n is not None:
        return (n, n), f"{exact} {n}"
    code = text(entry.get(band), band)
    if not code:
        return None
    bounds = interval(code)
    if bounds is None:
        raise UnitError(f"{band} {shown(code)}: not an interval code such as ANTAL_10_19")
    return bounds, f"interval code {code}"


def _since(entry: Mapping[str, Any]) -> str:
    return day(obj(entry.get("periode"), "periode").get("gyldigFra"),
               "virksomhedsstatus.periode.gyldigFra")


def _holds(entry: Any, on: date | None) -> bool:
    """Whether a status entry's period holds ``on`` (both ends included)."""
    if not isinstance(entry, Mapping) or later(on, _since(entry)):
        return False
    until = day(obj(entry.get("periode"), "periode").get("gyldigTil"),
                "virksomhedsstatus.periode.gyldigTil")
    return not until or on is None or until >= on.isoformat()


def _status(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any], cvr: str,
            on: date | None, drawn: date | None) -> None:
    """The status on ``on``: the newest one, or, when it began after ``on``, the one of the
    period that holds ``on`` (the composite status, undated, is the newest one's then). With
    no dated status, a difficulty status counts on ``on`` only when the document's last update
    (``sidstOpdateret``: its state held from then to the extract's day) or ``drawn`` is not
    after ``on`` (:func:`~grantcheck.registry.common.placed`)."""
    words = [text(meta.get("sammensatStatus"), "virksomhedMetadata.sammensatStatus")]
    status = _newest(doc.get("virksomhedsstatus"))
    if status and later(on, since := _since(status)):
        word = text(status.get("status"), "virksomhedsstatus.status")
        if word.upper() in CVR_IN_DIFFICULTY or word.upper() in CVR_WINDING_UP:
            unit.note("company.in_difficulty", f"{REG} status {word} since {since}, "
                      f"{after_on(on)}: not on that date, so it does not count: not settled")
        status = _newest([e for e in doc["virksomhedsstatus"] if _holds(e, on)])
        words = []
    if status:
        words.append(text(status.get("status"), "virksomhedsstatus.status"))
    updated = day(doc.get("sidstOpdateret"), "sidstOpdateret")
    for word in filter(None, words):
        upper = word.upper()
        if upper in CVR_IN_DIFFICULTY:
            if (not status or not _since(status)) and not placed(on, drawn, updated):
                unit.note("company.in_difficulty", f"{REG} " + undated(
                    f"status {word}", on, drawn, updated) + ": not settled")
                return
            unit.put("company.in_difficulty", True, f"{REG} status {word}")
            return
        if upper in CVR_ENDED:
            raise UnitError(f"CVR {cvr}: status {word}: the company has ceased, nothing to screen")
        if upper in CVR_WINDING_UP:
            unit.note("company.in_difficulty", f"{REG} status {word}: {CVR_WINDING_UP[upper]}, "
                      "not itself collective insolvency proceedings (GBER art. 2(18)(c)): not "
                      "settled")
            return
        if upper not in CVR_ACTIVE:
            raise UnitError(f"CVR {cvr}: status {shown(word)} is not mapped (docs/registries.md "
                            "lists those that are)")


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
