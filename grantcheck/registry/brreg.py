"""Brønnøysund's Enhetsregisteret, the ``enheter`` bulk files as downloaded: the CSV (dotted
column names, quoted multi-line free text) and the JSON (an array of nested objects), gzip or
not. Names are matched case-insensitively: the two files write some of them differently
(``registrertIMvaRegisteret`` / ``registrertIMvaregisteret``).

Each unit becomes profile data with the provenance of every fact; the mapping is
docs/registries.md, "Norway: Enhetsregisteret".
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from datetime import date
from functools import partial
from typing import IO, Any

from grantcheck.csv_input import header_line, numbered_rows
from grantcheck.numbers import plural
from grantcheck.registry.common import (
    RawTask,
    Unit,
    UnitError,
    after_on,
    day,
    error_task,
    flag,
    flatten,
    header_error,
    later,
    not_yet,
    number,
    placed,
    put_group,
    put_sector,
    read_header,
    text,
    text_lines,
    undated,
    unit_task,
)
from grantcheck.registry.json_file import json_items
from grantcheck.registry.mapping import (
    BRREG_BRANCHES,
    BRREG_FORMS,
    BRREG_PUBLICLY_OWNED,
    BRREG_SECTORS_PUBLIC_BODY,
    BRREG_SECTORS_PUBLICLY_OWNED,
    public_body_said,
)
from grantcheck.shown import shown

REG = "Enhetsregisteret"
# the flags and dates that put a unit in collective insolvency proceedings (GBER art.
# 2(18)(c)): (flag, date, what); a unit with either is in them
INSOLVENCY = (
    ("konkurs", "konkursdato", "bankruptcy (konkurs)"),
    ("", "underrekonstruksjonsforhandlingdato", "restructuring negotiations (rekonstruksjon)"),
    ("", "underutenlandskinsolvensbehandlingdato",
     "insolvency proceedings abroad (underUtenlandskInsolvensbehandling)"),
)
WINDING_UP = (
    ("underavvikling", "underavviklingdato", "being wound up (under avvikling)"),
    ("undertvangsavviklingellertvangsopplosning", "",
     "compulsory winding up or dissolution"),
)
# the registry's own casing of the date fields, for messages
_DATE_NAMES = {"konkursdato": "konkursdato", "underavviklingdato": "underAvviklingDato",
               "underrekonstruksjonsforhandlingdato": "underRekonstruksjonsforhandlingDato",
               "underutenlandskinsolvensbehandlingdato":
                   "underUtenlandskInsolvensbehandlingDato"}
_FLAG_NAMES = {"konkurs": "konkurs", "underavvikling": "underAvvikling",
               "undertvangsavviklingellertvangsopplosning":
                   "underTvangsavviklingEllerTvangsopplosning"}


def unit_of(row: Mapping[str, Any], on: date | None = None, drawn: date | None = None) -> Unit:
    """The profile data of one unit on the evaluation date ``on`` (an event dated after it
    does not count; a flag without a date counts when ``on`` is not before ``drawn``, the
    latest day the extract can have been drawn), its keys lower-cased dotted names; UnitError
    when a value cannot be read or a code is not mapped."""
    unit = Unit()
    number_text = text(row.get("organisasjonsnummer"), "organisasjonsnummer")
    if not number_text:
        raise UnitError("organisasjonsnummer: empty")
    deleted = day(row.get("slettedato"), "slettedato") if row.get("slettedato") else ""
    unit.put("company.org_number", number_text, f"{REG} organisasjonsnummer" + (
        f" (deleted on {deleted}, {after_on(on)}: a unit on that date)" if deleted else ""))
    if deleted and not later(on, deleted):  # an API response for a deleted unit
        raise UnitError(f"{number_text}: deleted from {REG} on {deleted} (slettedato): nothing "
                        "to screen")
    name = text(row.get("navn"), "navn")
    if not name:
        raise UnitError(f"{number_text}: navn is empty")
    unit.put("company.name", name, f"{REG} navn")
    _country(unit, row, number_text)
    form = text(row.get("organisasjonsform.kode"), "organisasjonsform.kode").upper()
    if form:
        if form not in BRREG_FORMS:
            raise UnitError(f"{number_text}: organisasjonsform.kode {shown(form)} is not mapped "
                            "to a legal form (docs/registries.md lists those that are)")
        unit.put("company.legal_form", BRREG_FORMS[form], f"{REG} organisasjonsform.kode "
                 f"{form}{public_body_said(BRREG_FORMS[form])}")
        if form in BRREG_PUBLICLY_OWNED:
            unit.put("company.public_ownership_percent", 100,
                     f"{REG} organisasjonsform.kode {form} (wholly owned by the state)")
    _sector_code(unit, text(row.get("institusjonellsektorkode.kode"),
                            "institusjonellSektorkode.kode"), form)
    founded = day(row.get("stiftelsesdato"), "stiftelsesdato")
    if later(on, founded):
        raise not_yet(number_text, founded, "stiftelsesdato", on)
    if founded:
        unit.put("company.founded", founded, f"{REG} stiftelsesdato")
    put_sector(unit, text(row.get("naeringskode1.kode"), "naeringskode1.kode"),
               f"{REG} naeringskode1.kode")
    _staff(unit, row, branch=form in BRREG_BRANCHES)
    registered = flag(row.get("registrertiforetaksregisteret"), "registrertIForetaksregisteret")
    if registered is not None:
        unit.put("company.registered_in_foretaksregisteret", registered,
                 f"{REG} registrertIForetaksregisteret")
    _difficulty(unit, row, on, drawn)
    group = flag(row.get("erikonsern"), "erIKonsern")
    if group:
        put_group(unit, f"{REG} erIKonsern true")
    elif group is False:
        unit.note("company.related", f"{REG} erIKonsern false: not in a group (konsern), which "
                  "does not rule out partner enterprises (Annex art. 3(2)) or links through "
                  "persons (art. 3(3)): not settled")
    return unit


def _sector_code(unit: Unit, code: str, form: str) -> None:
    """What ``institusjonellSektorkode`` settles that the legal form has not: a unit of the
    state's or a municipality's administration or business (6100, 6500, 1110, 1510) is a public
    body when the register gives no legal form, and a company in 1120 or 1520 is more than half
    owned by public bodies (Statistics Norway: "eier direkte eller indirekte mer enn 50
    prosent"), so 25 % or more (Rec. 2003/361/EC, Annex art. 3(4)). A public-sector unit with a
    company's legal form (an AS in 6500) is controlled by public bodies, but by how much of its
    capital the register does not say: noted, not settled. Any other code settles nothing."""
    said = f"{REG} institusjonellSektorkode {code}"
    if code in BRREG_SECTORS_PUBLIC_BODY:
        said += f" ({BRREG_SECTORS_PUBLIC_BODY[code]})"
        if not form:
            unit.put("company.legal_form", "public_body", f"{said}: a unit of the state or a "
                     f"municipality{public_body_said('public_body')}")
        elif BRREG_FORMS[form] != "public_body" and form not in BRREG_PUBLICLY_OWNED:
            unit.note("company.public_ownership_percent", f"{said}: in the public sector, "
                      "controlled by public bodies, with organisasjonsform.kode "
                      f"{form}; the register gives no share of its capital: not settled")
    elif code in BRREG_SECTORS_PUBLICLY_OWNED and (
            not form or (BRREG_FORMS[form] != "public_body" and form not in BRREG_PUBLICLY_OWNED)):
        unit.put("company.public_ownership_percent", {"min": 50, "max": 100},
                 f"{said} ({BRREG_SECTORS_PUBLICLY_OWNED[code]}): the state or municipalities "
                 "own more than 50 % of its capital, directly or indirectly (Statistics Norway's "
                 "sector standard): 25 % or more, so not an SME (Rec. 2003/361/EC, Annex art. "
                 "3(4))")


def _staff(unit: Unit, row: Mapping[str, Any], branch: bool) -> None:
    """The staff as a range of annual work units; for a foreign company's branch (NUF) a note
    only: its headcount is the branch's, and the enterprise the SME test counts is the foreign
    company, whose staff no Norwegian register holds."""
    has = flag(row.get("harregistrertantallansatte"), "harRegistrertAntallAnsatte")
    count = number(row.get("antallansatte"), "antallAnsatte")
    date = text(row.get("registreringsdatoantallansattenavaaregisteret"),
                "registreringsdatoAntallAnsatteNavAaregisteret")
    when = f" {date[:10]}" if date else ""
    if branch and (count is not None or has is not None):
        said = f"a headcount of {count}" if count is not None else (
            "no employees registered" if has is False else "a withheld headcount")
        unit.note("company.employees_fte", f"{REG} antallAnsatte{when}: {said} in the employer "
                  "register for the Norwegian branch (NUF) alone; the enterprise whose staff "
                  "counts is the foreign company (Recommendation 2003/361/EC, Annex art. 1): "
                  "not known")
    elif count is not None:
        unit.put("company.employees_fte", {"min": 0, "max": count},
                 f"{REG} antallAnsatte{when}: a headcount of {count} in the employer register, "
                 f"read as at most {count} annual work units (a headcount is not AWU)")
    elif has is False:
        unit.put("company.employees_fte", {"min": 0, "max": 0},
                 f"{REG} harRegistrertAntallAnsatte false: no employees registered")
    elif has:
        unit.note("company.employees_fte", f"{REG} harRegistrertAntallAnsatte true, "
                  "antallAnsatte withheld: the number is not known")


def _country(unit: Unit, row: Mapping[str, Any], number_text: str) -> None:
    """The country of the business address; a Norwegian postal address when there is none (a
    unit of the Norwegian register). A postal address abroad says where the unit's mail goes,
    not where it is established: the country is then not known (UnitError)."""
    country = text(row.get("forretningsadresse.landkode"), "forretningsadresse.landkode")
    if country:
        unit.put("company.country", country.upper(), f"{REG} forretningsadresse.landkode")
        return
    postal = text(row.get("postadresse.landkode"), "postadresse.landkode").upper()
    if postal == "NO":
        unit.put("company.country", postal, f"{REG} postadresse.landkode")
        return
    if postal:
        raise UnitError(f"{number_text}: no forretningsadresse.landkode, and "
                        f"postadresse.landkode {shown(postal, quote=False)} is a postal address "
                        "abroad, which does not say where the unit is established: the country "
                        "of the unit is not known")
    raise UnitError(f"{number_text}: no forretningsadresse.landkode or postadresse.landkode"
                    ": the country of the unit is not known")


def _flagged(row: Mapping[str, Any], cases: tuple[tuple[str, str, str], ...], on: date | None,
             drawn: date | None, afterwards: list[str]) -> list[str]:
    """What each case the unit is in on ``on`` says (its date, when the registry gives one): a
    case is in when its flag is true or its date is given, and out when that date is after
    ``on`` (then said in ``afterwards``: it had not begun on that date). A flag without a date
    is in when :func:`~grantcheck.registry.common.placed` places it on ``on``, else said in
    ``afterwards`` as not known."""
    found = []
    for key, dated, what in cases:
        written = row.get(dated) if dated else None
        since = day(written, _DATE_NAMES[dated]) if written else ""
        if later(on, since):
            afterwards.append(f"{what} since {since}")
        elif since:
            found.append(f"{what} since {since}")
        elif key and row.get(key) and flag(row[key], _FLAG_NAMES[key]):
            if placed(on, drawn):
                found.append(what)
            else:
                afterwards.append(undated(f"{_FLAG_NAMES[key]} true: {what}", on, drawn))
    return found


def _difficulty(unit: Unit, row: Mapping[str, Any], on: date | None, drawn: date | None
                ) -> None:
    afterwards: list[str] = []
    found = _flagged(row, INSOLVENCY, on, drawn, afterwards)
    if found:
        unit.put("company.in_difficulty", True, f"{REG}: {', '.join(found)}")
        return
    winding = _flagged(row, WINDING_UP, on, drawn, afterwards)
    dated = [a for a in afterwards if ", undated: " not in a]
    later_said = "".join(f"{a}; " for a in afterwards if a not in dated) + (
        f"{', '.join(dated)}: {after_on(on)}, so not on that date; " if dated else "")
    if winding:
        unit.note("company.in_difficulty", f"{REG}: {later_said}{', '.join(winding)}; not itself "
                  "collective insolvency proceedings (GBER art. 2(18)(c)): not settled")
    elif afterwards:
        unit.note("company.in_difficulty", f"{REG}: {later_said}not settled")


def csv_tasks(fh: IO[bytes], name: str, on: date | None = None, drawn: date | None = None
              ) -> Iterator[RawTask]:
    """One task per row of the ``enheter`` CSV (comma- or semicolon-separated, as its header
    says); a row whose cell count differs from the header's is an error task. The header is
    read now: HeaderError when it is not the file's (the whole file is refused, exit 2)."""
    long: dict[int, int] = {}  # the lines over the limit: their rows are error records
    lines = text_lines(fh, long)
    first = header_line(next(lines, ""))
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_chain(first, lines), delimiter=delimiter)
    header = read_header(reader)
    missing = [c for c in ("organisasjonsnummer", "navn") if c not in header]
    if missing:
        raise header_error(first, delimiter, "Enhetsregisteret's enheter file", missing[0])
    return _csv_rows(reader, header, name, long, partial(unit_of, on=on, drawn=drawn))


def _csv_rows(reader: Any, header: list[str], name: str, long: dict[int, int],
              unit_on: Any) -> Iterator[RawTask]:
    for start, _, row in numbered_rows(reader, long):
        if isinstance(row, Exception):
            yield error_task(f"{name}:{start}", f"not a CSV row: {row}")
            continue
        if len(row) != len(header):
            yield error_task(f"{name}:{start}", f"has {plural(len(row), 'cell', 'cells')} "
                             f"where the header has {len(header)} columns")
            continue
        yield unit_task(unit_on, dict(zip(header, row, strict=True)), f"{name}:{start}")


def json_tasks(fh: IO[bytes], name: str, on: date | None = None, drawn: date | None = None
               ) -> Iterator[RawTask]:
    """One task per unit of the ``enheter`` JSON (an array, or one unit per line)."""
    unit_on = partial(unit_of, on=on, drawn=drawn)
    for where, item in json_items(fh):
        source = f"{name} {where}"
        if isinstance(item, UnitError):
            yield error_task(source, str(item))
        elif not isinstance(item, dict):
            yield error_task(source, f"a unit must be a JSON object (got {shown(item)})")
        elif isinstance(page := (item.get("_embedded") or {}), dict) and isinstance(
                page.get("enheter"), list):  # an API search page: its units, one by one
            for n, unit in enumerate(page["enheter"], 1):
                where = f"{source} enhet {n}"
                if isinstance(unit, dict):
                    yield unit_task(unit_on, flatten(unit), where)
                else:
                    yield error_task(where, f"a unit must be a JSON object (got {shown(unit)})")
        else:
            yield unit_task(unit_on, flatten(item), source)


def tasks(fh: IO[bytes], name: str, on: date | None = None, drawn: date | None = None
          ) -> Iterator[RawTask]:
    """The tasks of an ``enheter`` file, CSV or JSON as its first character tells, on the
    evaluation date ``on``, the extract drawn on ``drawn`` at the latest."""
    from grantcheck.registry.common import peek_text

    head = peek_text(fh, 64).lstrip()
    if head[:1] in ("[", "{"):
        return json_tasks(fh, name, on, drawn)
    return csv_tasks(fh, name, on, drawn)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
