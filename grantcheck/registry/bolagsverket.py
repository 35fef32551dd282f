"""Sweden's Bolagsverket bulk file, the text file of the weekly ZIP: semicolon-separated, every
field quoted, sub-fields joined by ``$`` and repeated values by ``|``.

It holds no staff and no industry (those are SCB's); a sole trader's identity is a personal
identity number, personal data: it is not copied into the profile or any message. The mapping
is docs/registries.md, "Sweden: Bolagsverket".
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Mapping
from datetime import date
from functools import partial
from typing import IO, Any

from grantcheck.csv_input import header_line, numbered_rows
from grantcheck.registry.common import (
    RawTask,
    Unit,
    UnitError,
    after_on,
    day,
    error_task,
    header_error,
    later,
    not_yet,
    placed,
    read_header,
    text_lines,
    undated,
    unit_task,
)
from grantcheck.registry.mapping import (
    BOLAGSVERKET_FORMS,
    BOLAGSVERKET_IN_DIFFICULTY,
    BOLAGSVERKET_WINDING_UP,
    public_body_said,
)
from grantcheck.shown import shown

REG = "Bolagsverket"
HEADER = ("organisationsidentitet", "namnskyddslopnummer", "registreringsland",
          "organisationsnamn", "organisationsform", "avregistreringsdatum",
          "avregistreringsorsak", "pagandeavvecklingselleromstruktureringsforfarande",
          "registreringsdatum", "verksamhetsbeskrivning", "postadress")
ORG_NUMBER = "ORGNR-IDORG"
COMPANY_NAME = "FORETAGSNAMN-ORGNAM"  # the company name, not a secondary name (bifirma)


def _values(cell: str) -> list[list[str]]:
    """A cell's repeated values (``|``), each as its sub-fields (``$``); empty ones left out."""
    return [v.split("$") for v in cell.split("|") if v.strip()]


def unit_of(row: Mapping[str, str], on: date | None = None, drawn: date | None = None) -> Unit:
    """The profile data of one row on the evaluation date ``on``: a deregistration, a
    proceeding or a registration dated after it does not count on it; a proceeding without a
    date counts when ``on`` is not before ``drawn``, the latest day the extract can have been
    drawn."""
    unit = Unit()
    identity = _values(row["organisationsidentitet"])
    if not identity or not identity[0][0].strip():
        raise UnitError("organisationsidentitet: empty")
    number, kind = identity[0][0].strip(), (identity[0][1:] or [""])[0].strip()
    if kind == ORG_NUMBER:
        unit.put("company.org_number", number, f"{REG} organisationsidentitet ({kind})")
        who = number
    else:  # a personal identity number (a sole trader): kept out of the profile and messages
        unit.note("company.org_number", f"{REG} organisationsidentitet is a {kind or 'personal'}"
                  " number, personal data: not copied")
        who = "the unit"
    ended = day(row["avregistreringsdatum"], "avregistreringsdatum")
    if ended and not later(on, ended):
        reason = row["avregistreringsorsak"].split("$")[0].strip() or "no reason given"
        raise UnitError(f"{who}: deregistered on {ended} ({reason}): nothing to screen")
    names = _values(row["organisationsnamn"])
    name = next((n for n in names if n[1:2] == [COMPANY_NAME]), names[0] if names else None)
    if name is None or not name[0].strip():
        raise UnitError(f"{who}: organisationsnamn is empty")
    typed = (name[1:] or [""])[0].strip()
    unit.put("company.name", name[0].strip(),
             f"{REG} organisationsnamn" + (f" ({typed})" if typed else ""))
    land = row["registreringsland"].strip().upper()
    if not land.endswith("-LAND") or len(land) != 7:
        raise UnitError(f"{who}: registreringsland {shown(land)} is not a code such as SE-LAND")
    unit.put("company.country", land[:2], f"{REG} registreringsland {land}" + (
        f" (deregistered on {ended}, {after_on(on)}: a unit on that date)" if ended else ""))
    form = row["organisationsform"].split("$")[0].strip().upper()
    if form:
        if form not in BOLAGSVERKET_FORMS:
            raise UnitError(f"{who}: organisationsform {shown(form)} is not mapped to a legal form "
                            "(docs/registries.md lists those that are)")
        unit.put("company.legal_form", BOLAGSVERKET_FORMS[form], f"{REG} organisationsform "
                 f"{form}{public_body_said(BOLAGSVERKET_FORMS[form])}")
    registered = day(row["registreringsdatum"], "registreringsdatum")
    if later(on, registered):
        raise not_yet(who, registered, "registreringsdatum", on)
    if registered:
        unit.put("company.founded", registered, f"{REG} registreringsdatum")
    _proceedings(unit, row, who, on, drawn)
    return unit


def _proceedings(unit: Unit, row: Mapping[str, str], who: str, on: date | None,
                 drawn: date | None) -> None:
    """``in_difficulty`` from the proceedings on ``on``: true for a bankruptcy that had begun
    (its provenance says which); else a note naming each proceeding that leaves it open (one
    begun later, an undated one not placed on ``on``, a liquidation), all of them, whatever
    their order in the cell."""
    notes: list[str] = []
    for value in _values(row["pagandeavvecklingselleromstruktureringsforfarande"]):
        code, since = value[0].strip().upper(), (value[1:] or [""])[0].strip()
        dated = f" since {since}" if since else ""
        if code not in BOLAGSVERKET_IN_DIFFICULTY and code not in BOLAGSVERKET_WINDING_UP:
            raise UnitError(f"{who}: pagandeAvvecklingsEllerOmstruktureringsforfarande "
                            f"{shown(code)} is not mapped (docs/registries.md lists those that "
                            "are)")
        if later(on, day(since, "pagandeAvvecklingsEllerOmstruktureringsforfarande")):
            notes.append(f"{code}{dated}, {after_on(on)}: not begun on that date, so it does "
                         "not count")
        elif code in BOLAGSVERKET_IN_DIFFICULTY and not since and not placed(on, drawn):
            notes.append(undated(f"{code} {BOLAGSVERKET_IN_DIFFICULTY[code]}", on, drawn))
        elif code in BOLAGSVERKET_IN_DIFFICULTY:
            unit.put("company.in_difficulty", True,
                     f"{REG} {code} {BOLAGSVERKET_IN_DIFFICULTY[code]}{dated}")
        else:
            notes.append(f"{code} {BOLAGSVERKET_WINDING_UP[code]}{dated}: not itself "
                         "collective insolvency proceedings (GBER art. 2(18)(c))")
    if notes and "in_difficulty" not in unit.data.get("company", {}):
        unit.note("company.in_difficulty", f"{REG} {'; '.join(notes)}: not settled")


def tasks(fh: IO[bytes], name: str, on: date | None = None, drawn: date | None = None
          ) -> Iterator[RawTask]:
    """One task per row of the bulk file on the evaluation date ``on``; the header must be the
    one the file documents. It is read now: HeaderError when it is not (the whole file is
    refused, exit 2)."""
    long: dict[int, int] = {}  # the lines over the limit: their rows are error records
    lines = text_lines(fh, long)
    first = header_line(next(lines, ""))
    reader = csv.reader(itertools.chain([first], lines), delimiter=";", quotechar='"')
    header = read_header(reader)
    missing = [h for h in HEADER if h not in header]
    if missing:
        raise header_error(first, ";", "Bolagsverket's bulk file", missing[0])
    return _rows(reader, header, name, long, partial(unit_of, on=on, drawn=drawn))


def _rows(reader: Any, header: list[str], name: str, long: dict[int, int], unit_on: Any
          ) -> Iterator[RawTask]:
    for start, _, row in numbered_rows(reader, long):
        if isinstance(row, Exception):
            yield error_task(f"{name}:{start}", f"not a row of the file: {row}")
            continue
        source = f"{name}:{start}"
        if len(row) != len(header):
            yield error_task(source, f"has {len(row)} fields where the header has "
                             f"{len(header)}")
            continue
        yield unit_task(unit_on, dict(zip(header, row, strict=True)), source)
