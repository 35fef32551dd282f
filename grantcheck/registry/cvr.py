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
from typing import IO, Any

from grantcheck.registry.common import (
    RawTask,
    Unit,
    UnitError,
    day,
    error_task,
    json_items,
    number,
    obj,
    put_sector,
    text,
    unit_task,
)
from grantcheck.registry.mapping import (
    CVR_ACTIVE,
    CVR_ENDED,
    CVR_FORMS,
    CVR_IN_DIFFICULTY,
    CVR_WINDING_UP,
    interval,
)
from grantcheck.shown import shown

REG = "CVR"
SERIES = ("erstMaanedsbeskaeftigelse", "maanedsbeskaeftigelse", "aarsbeskaeftigelse")


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


def unit_of(item: Mapping[str, Any]) -> Unit:
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
        unit.put("company.legal_form", CVR_FORMS[short], f"{REG} virksomhedsform {short}")
    founded = day(meta.get("stiftelsesDato") or doc.get("stiftelsesDato"), "stiftelsesDato")
    if founded:
        unit.put("company.founded", founded, f"{REG} stiftelsesDato")
    branch = obj(meta.get("nyesteHovedbranche"), "virksomhedMetadata.nyesteHovedbranche"
                 ) or _newest(doc.get("hovedbranche")) or {}
    code = text(branch.get("branchekode"), "hovedbranche.branchekode")
    if code:
        put_sector(unit, code, f"{REG} hovedbranche")
    _staff(unit, doc, meta)
    _status(unit, doc, meta, cvr)
    return unit


def _whole(value: Any, what: str) -> int:
    """A year or month of an employment figure (0 when empty); UnitError naming the field."""
    n = number(value, what)
    return 0 if n is None else n


def _period(entry: Mapping[str, Any]) -> str:
    year, month = entry.get("aar"), entry.get("maaned")
    if year and month:
        return f"{year}-{int(month):02d}"
    return str(year or "?")


def _staff(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any]) -> None:
    newest: tuple[tuple[int, int], str, Mapping[str, Any]] | None = None
    candidates: list[tuple[str, Any]] = [(s, doc.get(s)) for s in SERIES]
    latest = obj(meta.get("nyesteAarsbeskaeftigelse"),
                 "virksomhedMetadata.nyesteAarsbeskaeftigelse")
    if latest:
        candidates.append(("aarsbeskaeftigelse", [latest]))
    for series, entries in candidates:
        if entries is not None and not isinstance(entries, list):  # never ignored unseen
            raise UnitError(f"{series}: must be a list of periods (got {shown(entries)})")
        for e in entries or []:
            if not isinstance(e, Mapping) or not e.get("aar"):
                continue
            month = _whole(e.get("maaned"), f"{series}.maaned")
            if month > 12:
                raise UnitError(f"{series}.maaned: must be a month, 1 to 12 (got "
                                f"{shown(e.get('maaned'), quote=False)})")
            at = (_whole(e["aar"], f"{series}.aar"), month or 13)  # a year after its months
            if newest is None or at > newest[0]:
                newest = (at, series, e)
    if newest is None:
        return
    _, series, entry = newest
    where = f"{REG} {series} {_period(entry)}"
    employees = _range(entry, "antalAarsvaerk", "intervalKodeAntalAarsvaerk", where)
    if employees is None:
        employees = _range(entry, "antalAnsatte", "intervalKodeAntalAnsatte", where,
                           headcount=True)
    if employees is not None:
        unit.put("company.employees_fte", employees[0], employees[1])
    including = _range(entry, "antalInklusivEjere", "intervalKodeAntalInklusivEjere", where,
                       headcount=True)
    if employees is not None and including is not None:
        low = max(0, including[0]["min"] - employees[0]["max"])
        high = including[0]["max"] - employees[0]["min"]
        if high >= low:
            unit.put("company.owners_fte", {"min": low, "max": high},
                     f"{where}: including owners ({including[0]['min']}–"
                     f"{including[0]['max']}) less employees ({employees[0]['min']}–"
                     f"{employees[0]['max']}), persons read as at most one AWU each")


def _range(entry: Mapping[str, Any], exact: str, band: str, where: str,
           headcount: bool = False) -> tuple[dict[str, int], str] | None:
    n = number(entry.get(exact), exact)
    if n is not None:
        if headcount:
            return {"min": 0, "max": n}, f"{where}, {exact} {n} (persons, read as at most {n} AWU)"
        return {"min": n, "max": n}, f"{where}, {exact} {n}"
    code = text(entry.get(band), band)
    if not code:
        return None
    bounds = interval(code)
    if bounds is None:
        raise UnitError(f"{band} {shown(code)}: not an interval code such as ANTAL_10_19")
    low, high = bounds
    if headcount:
        return {"min": 0, "max": high}, (f"{where}, interval code {code} (persons, read as at "
                                          f"most {high} AWU)")
    return {"min": low, "max": high}, f"{where}, interval code {code}"


def _status(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any], cvr: str) -> None:
    words = [text(meta.get("sammensatStatus"), "virksomhedMetadata.sammensatStatus")]
    status = _newest(doc.get("virksomhedsstatus"))
    if status:
        words.append(text(status.get("status"), "virksomhedsstatus.status"))
    for word in filter(None, words):
        upper = word.upper()
        if upper in CVR_IN_DIFFICULTY:
            unit.put("company.in_difficulty", True, f"{REG} status {word}")
            return
        if upper in CVR_ENDED:
            raise UnitError(f"CVR {cvr}: status {word}: the company has ceased, nothing to screen")
        if upper in CVR_WINDING_UP:
            unit.note("company.in_difficulty", f"{REG} status {word}: being wound up, not itself "
                      "collective insolvency proceedings (GBER art. 2(18)(c)): not settled")
            return
        if upper not in CVR_ACTIVE:
            raise UnitError(f"CVR {cvr}: status {shown(word)} is not mapped (docs/registries.md "
                            "lists those that are)")


def tasks(fh: IO[bytes], name: str) -> Iterator[RawTask]:
    """One task per CVR document: a line, an array item, or a search response's hit."""
    for where, item in json_items(fh):
        source = f"{name} {where}"
        if isinstance(item, UnitError):
            yield error_task(source, str(item))
            continue
        hits = item.get("hits") if isinstance(item, dict) else None
        if isinstance(hits, dict) and isinstance(hits.get("hits"), list):
            for n, hit in enumerate(hits["hits"], 1):
                yield _task(hit, f"{source} hit {n}")
        else:
            yield _task(item, source)


def _task(item: Any, source: str) -> RawTask:
    if not isinstance(item, dict):
        return error_task(source, f"a CVR document must be a JSON object (got {shown(item)})")
    return unit_task(unit_of, item, source)
