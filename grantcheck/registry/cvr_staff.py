"""CVR's employment figures as the SME test reads staff: annual work units (AWU) of a year.

Recommendation 2003/361/EC, Annex art. 4(1): the figures are "those relating to the latest
approved accounting period and calculated on an annual basis"; art. 5: the headcount is "the
number of annual work units (AWU), i.e. the number of persons who worked full-time within the
enterprise ... during the whole of the reference year", part-time and part-year work counting as
fractions. So a **year's** figure stands for it: of the periods that ended by the evaluation date
(a later one is not known on it), the newest whole year: an annual figure
(``aarsbeskaeftigelse``), else a year all of whose 12 months (or 4 quarters) one series holds,
averaged (a year's work units are the mean of its months'); the registry's own annual figure
first when both give the same year. When the newest period is a month or a quarter of a year
later than the one after that whole year (no whole year since, or none at all), the newest
period stands in for the year, and its provenance says so: a month's work units are that
month's, not the year's mean. The mapping is docs/registries.md, "Staff".
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from datetime import date
from math import ceil, floor
from typing import Any

from grantcheck.registry.common import Unit, UnitError, number, obj, text
from grantcheck.registry.mapping import interval
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
Figure = tuple[tuple[int, int], str]  # (low, high) and how the registry wrote it
Period = tuple[tuple[int, int], str, Mapping[str, Any]]  # (_end, series, entry)
# a whole year's parts: how many, and their name; a year's figure is one part
PARTS = {13: (1, "year"), 3: (4, "quarters"), 1: (12, "months")}


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


def _step(series: str, entry: Mapping[str, Any]) -> int:
    """The length of an entry's period in months: 1, 3, or 13 for a year (:data:`PARTS`)."""
    if _whole(entry.get("maaned"), f"{series}.maaned"):
        return 1
    return 3 if _whole(entry.get("kvartal"), f"{series}.kvartal") else 13


def _ended(at: tuple[int, int], on: date | None) -> bool:
    """Whether a period (as :func:`_end` gives it) ended by ``on``, its last day included."""
    if on is None:
        return True
    year, month = at[0], min(at[1], 12)
    return year < on.year or (year == on.year and date(
        year, month, monthrange(year, month)[1]) <= on)


def periods(doc: Mapping[str, Any], meta: Mapping[str, Any], on: date | None
            ) -> tuple[list[Period], list[str]]:
    """Every period of the four series and their newest copies in the metadata that ended by
    ``on`` (each once), and the words of those that did not."""
    candidates: list[tuple[str, Any]] = [(s, doc.get(s)) for s in SERIES]
    for key, series in NEWEST:
        latest = obj(meta.get(key), f"virksomhedMetadata.{key}")
        if latest:
            candidates.append((series, [latest]))
    found: dict[tuple[str, tuple[int, int]], Period] = {}
    later: list[str] = []
    for series, entries in candidates:
        if entries is not None and not isinstance(entries, list):  # never ignored unseen
            raise UnitError(f"{series}: must be a list of periods (got {shown(entries)})")
        for e in entries or []:
            if not isinstance(e, Mapping) or not e.get("aar"):
                continue
            at = _end(series, e)
            if not _ended(at, on):
                later.append(f"{series} {_period(series, e)}")
            else:
                found.setdefault((series, at), (at, series, e))
    return list(found.values()), later


def chosen(found: list[Period]) -> tuple[str, list[Mapping[str, Any]], str]:
    """(where, the entries that stand for the year's work units, why when it is no year's
    figure): see the module's words."""
    newest = max(found, key=lambda p: p[0])
    years: list[tuple[int, int, str, list[Mapping[str, Any]]]] = []
    for preference, step in enumerate(PARTS):
        count, _ = PARTS[step]
        groups: dict[tuple[str, int], dict[int, Mapping[str, Any]]] = {}
        for (year, month), series, e in found:
            if _step(series, e) == step:
                groups.setdefault((series, year), {})[month] = e
        years += [(year, -preference, series, [parts[m] for m in sorted(parts)])
                  for (series, year), parts in groups.items() if len(parts) == count]
    whole = max(years, key=lambda y: y[:2], default=None)
    if whole is not None and whole[0] >= newest[0][0] - 1:
        year, _, series, entries = whole
        if len(entries) == 1:
            return f"{REG} {series} {year}", entries, ""
        return (f"{REG} {series} {year}, its {PARTS[_step(series, entries[0])][1]} averaged",
                entries, "")
    _, series, entry = newest
    step = _step(series, entry)
    since = f"no whole year of figures since {whole[0]}" if whole else (
        "no whole year of figures")
    part = "a month's" if step == 1 else "a quarter's"
    return (f"{REG} {series} {_period(series, entry)}", [entry],
            f" ({part} work units standing in for the year's: {since})")


def staff(unit: Unit, doc: Mapping[str, Any], meta: Mapping[str, Any], branch: bool,
          on: date | None) -> None:
    """The staff (and owners) of the period :func:`chosen` picks, as ranges."""
    found, later = periods(doc, meta, on)
    if not found:
        if later:
            unit.note("company.employees_fte", f"{REG} {', '.join(later)}: after the "
                      f"evaluation date {on.isoformat() if on else ''}, not known on it: not "
                      "known")
        return
    where, entries, why = chosen(found)
    employees = _mean(entries, "antalAarsvaerk", "intervalKodeAntalAarsvaerk")
    persons = _mean(entries, "antalAnsatte", "intervalKodeAntalAnsatte")
    if branch:
        _branch_staff(unit, where, employees)
    elif employees is not None:
        (low, high), said = employees
        unit.put("company.employees_fte", {"min": low, "max": high}, f"{where}, {said}{why}")
    elif persons is not None:  # a person is at most one AWU, and may be less
        (_, high), said = persons
        unit.put("company.employees_fte", {"min": 0, "max": high},
                 f"{where}, {said} (persons, read as at most {high} AWU){why}")
    including = _mean(entries, "antalInklusivEjere", "intervalKodeAntalInklusivEjere")
    if including is not None and not branch:
        _owners(unit, where, including, persons)


def _mean(entries: list[Mapping[str, Any]], exact: str, band: str) -> Figure | None:
    """The figure of one entry (:func:`_range`), or the mean of several (a year's months or
    quarters), its low end rounded down and its high end up; None when one lacks it."""
    figures = [_range(e, exact, band) for e in entries]
    if any(f is None for f in figures):
        return None
    known = [f for f in figures if f is not None]
    if len(known) == 1:
        return known[0]
    low = floor(sum(f[0][0] for f in known) / len(known))
    high = ceil(sum(f[0][1] for f in known) / len(known))
    written = {f[1] for f in known}
    banded = {f[1].startswith("interval code") for f in known}
    said = written.pop() if len(written) == 1 else (
        f"{band if banded == {True} else exact} of each" if len(banded) == 1
        else f"{exact} or {band} of each")
    return (low, high), f"{said}, averaged: {low} to {high}"


def _branch_staff(unit: Unit, where: str, employees: Figure | None) -> None:
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


def _owners(unit: Unit, where: str, including: Figure, persons: Figure | None) -> None:
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


def _range(entry: Mapping[str, Any], exact: str, band: str) -> Figure | None:
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
