"""Flat CSV columns of a registry extract, mapped to the profile model (``batch --input x.csv``).

A registry extract (CVR, Brønnøysund, Bolagsverket, a CRM export) has one company per row and
only company facts: no project, network or employees. Each column below fills one profile field;
a column may be left out of the header, and an empty cell is *unknown*, exactly as a field left
out of a TOML profile. Columns are matched by name, in any order; an unknown column is an error
for the whole file (with a "did you mean" hint), because a misspelt column would otherwise be
silently ignored in every row.

The columns are documented in docs/batch.md ("CSV input columns"); a test checks that
docs/batch.md and :data:`COLUMNS` agree.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any, Literal

from grantcheck.numbers import PLAIN_DECIMAL, NumberError, ambiguity, parse_number
from grantcheck.profile import Problem, Profile, ProfileError, profile_from_data
from grantcheck.profile.bounds import parse_band
from grantcheck.shown import shown

Kind = Literal["text", "number", "integer", "date", "bool", "nace", "related"]


@dataclass(frozen=True)
class Column:
    name: str
    field: str  # dotted profile path it fills
    kind: Kind
    meaning: str


COLUMNS: dict[str, Column] = {c.name: c for c in (
    Column("name", "company.name", "text", "legal name (required)"),
    Column("country", "company.country", "text",
           "ISO code of the registered office: DK, NO, SE, … (required)"),
    Column("currency", "company.currency", "text",
           "DKK, NOK, SEK or EUR; needed only outside DK/NO/SE"),
    Column("legal_form", "company.legal_form", "text",
           "sole_trader, limited_company, partnership, cooperative, association, foundation, "
           "public_body, other"),
    Column("org_number", "company.org_number", "text", "Norwegian or Swedish organisation number"),
    Column("cvr_number", "company.cvr_number", "text", "Danish CVR number, 8 digits"),
    Column("founded", "company.founded", "date", "date of registration, YYYY-MM-DD"),
    Column("nace", "company.sector", "nace",
           "industry code (NACE Rev. 2, and so DB07, SN2007, SNI 2007), e.g. 62.01 or 0321: "
           "sets sector, where the code settles it (docs/registries.md), when the sector "
           "cell is empty"),
    Column("sector", "company.sector", "text",
           "fishery_aquaculture, primary_agriculture or other"),
    Column("listed", "company.listed", "bool", "shares listed on a stock exchange"),
    Column("employees_fte", "company.employees_fte", "number",
           "full-time equivalents in the latest closed accounts, owners not included"),
    Column("owners_fte", "company.owners_fte", "number", "working owners' full-time equivalents"),
    Column("turnover", "company.turnover", "number", "latest closed fiscal year"),
    Column("balance_sheet_total", "company.balance_sheet_total", "number",
           "latest closed fiscal year"),
    Column("fiscal_year_start_month", "company.fiscal_year_start_month", "integer", "1–12"),
    Column("previous_staff", "company.previous_year.staff", "number",
           "staff (AWU) of the year before"),
    Column("previous_turnover", "company.previous_year.turnover", "number",
           "turnover of the year before"),
    Column("previous_balance_sheet_total", "company.previous_year.balance_sheet_total", "number",
           "balance sheet total of the year before"),
    Column("public_ownership_percent", "company.public_ownership_percent", "number",
           "share held by public bodies, in percent"),
    Column("external_capital_raised", "company.external_capital_raised", "number",
           "cumulative capital from external investors or public programmes"),
    Column("registered_in_foretaksregisteret", "company.registered_in_foretaksregisteret", "bool",
           "registered in the Norwegian Foretaksregisteret"),
    Column("economic_activity_in_norway", "company.economic_activity_in_norway", "bool",
           "has economic activity in Norway"),
    Column("related", "company.related", "related",
           "`none` when the company has no partner or linked enterprises (empty: unknown)"),
)}
REQUIRED = ("name", "country")

TRUE = frozenset({"true", "yes", "1"})
FALSE = frozenset({"false", "no", "0"})


class HeaderError(ValueError):
    """The CSV header cannot be read as registry columns: the whole file is refused."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.hint = hint
        super().__init__(message)


def header_line(first: str) -> str:
    """The first line of a CSV, ``first`` (as read, its line end kept): HeaderError when the
    file is empty or the line is blank (csv reads a blank line as a row of one empty cell:
    "unknown column ''" or "no column 'name'" said nothing useful)."""
    if not first:
        raise HeaderError("the file is empty: no header row")
    if not first.strip():
        raise HeaderError("line 1 is blank: a CSV starts with its header row",
                          "take out the blank lines above the header row")
    return first


def check_header(header: list[str]) -> list[str]:
    """The header's column names, stripped; raise HeaderError naming a bad or missing column."""
    names = [h.strip().lstrip("\ufeff") for h in header]
    for i, n in enumerate(names, 1):
        if not n:  # `name,country,`: a spreadsheet's export of an empty column
            raise HeaderError(f"column {i} of {len(names)} in the header (line 1) has no name",
                              "name it (the columns are listed in docs/batch.md, 'CSV input "
                              "columns'), or take it out: a header ending in a comma has one")
        if n not in COLUMNS:
            close = difflib.get_close_matches(n, list(COLUMNS), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else (
                "the columns are listed in docs/batch.md, 'CSV input columns'")
            raise HeaderError(f"unknown column {n!r}", hint)
    seen: set[str] = set()
    for n in names:
        if n in seen:
            raise HeaderError(f"the column {n!r} appears twice in its header (line 1)",
                              "keep one of them: which one is meant cannot be told")
        seen.add(n)
    absent = [r for r in REQUIRED if r not in seen]
    if absent:
        raise HeaderError(f"no column {absent[0]!r}: the columns {' and '.join(REQUIRED)} are "
                          "required")
    return names


# --- industry codes ---------------------------------------------------------------------------

_NACE = re.compile(r"\d{2}(\.?\d{1,2}){0,2}\d?")


_FISHERY = ("031", "032")  # NACE groups 03.1 fishing, 03.2 aquaculture
_PRIMARY = ("011", "012", "013", "014", "015")  # NACE groups 01.1–01.5, crop and animal production
_OPEN = {
    "016": "support activities to agriculture are not primary production in every case",
    "017": "hunting is not stock farming in every case",
    "033": "support activities for fishing and aquaculture (NACE Rev. 2.1 group 03.3) are "
           "services, not the production of fishery products, in every case",
    "1020": "processing fish is in the fishery and aquaculture sector GBER art. 1(3)(a) "
            "excludes (Regulation (EU) No 1379/2013 art. 5(d): 'all activities of production, "
            "processing and marketing of fishery or aquaculture products'); the company says "
            "whether it is what its aid is for",
    "4638": "wholesale of food including fish: marketing fishery products is in the fishery and "
            "aquaculture sector (Regulation (EU) No 1379/2013 art. 5(d))",
    "4723": "retail sale of fish: marketing fishery products is in the fishery and aquaculture "
            "sector (Regulation (EU) No 1379/2013 art. 5(d))",
}
"""The codes that touch an excluded sector without settling it, with why (see docs/registries.md,
'Industry codes')."""


def sector_of_nace(code: str) -> str | None:
    """The profile sector an industry code settles, or None when the code alone cannot tell.

    NACE division 03 groups 03.1 (fishing) and 03.2 (aquaculture) are the fishery and
    aquaculture sector; groups 01.1–01.5 are crop and animal production (primary agriculture).
    The codes of :data:`_OPEN` (support activities, hunting, processing and marketing of fish)
    and a code too short to tell (03, 10) leave the sector unknown. Every other code is
    ``other``. Raises ValueError for a cell that is not an industry code.
    """
    digits = _digits(code)
    if digits.startswith(_FISHERY):
        return "fishery_aquaculture"
    if digits.startswith(_PRIMARY):
        return "primary_agriculture"
    if any(p.startswith(digits) or digits.startswith(p) for p in (*_FISHERY, *_PRIMARY, *_OPEN)):
        return None
    return "other"


def why_sector_open(code: str) -> str:
    """Why a code :func:`sector_of_nace` leaves open does not settle the sector."""
    digits = _digits(code)
    reasons = [why for p, why in _OPEN.items() if digits.startswith(p)]
    return reasons[0] if reasons else "the code is too short to tell"


def _digits(code: str) -> str:
    text = code.strip().replace(" ", "")
    if not _NACE.fullmatch(text):
        raise ValueError(f"must be an industry code such as 62.01 or 0321 (got {shown(code)})")
    return text.replace(".", "")


# --- one row ----------------------------------------------------------------------------------


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *tables, key = path.split(".")
    for t in tables:
        data = data.setdefault(t, {})
    data[key] = value


def _convert(col: Column, cell: str) -> Any:
    """The cell as the value the profile model reads; raises ValueError with the wording of
    the profile's own messages."""
    if col.kind == "bool":
        low = cell.lower()
        if low in TRUE:
            return True
        if low in FALSE:
            return False
        raise ValueError(f"must be true or false (got {shown(cell)})")
    if col.kind == "related":
        if cell.lower() == "none":
            return []
        raise ValueError(f"only 'none' (no partner or linked enterprises) or an empty cell "
                         f"(unknown) can be given here (got {shown(cell)}); describe related "
                         "enterprises in a TOML or JSON profile")
    if col.kind == "nace":
        return sector_of_nace(cell)
    if col.kind == "number":
        band = parse_band(cell) or open_band(cell)
        if band is not None:  # a size band or an approximate figure: read as a range
            for end in band.values():
                number_cell(end)  # each end written as a number is (150.000 refused)
            return band
    if col.kind in ("number", "integer"):
        return number_cell(cell)
    # dates and text go to the model as text: it parses and checks them
    return cell


# an open-ended size class as extracts write it: the top band "250+", ">=250", "≥250", and
# "<10", "<=9", "≤9"; a strict end (">249", "<10") is read as the bound itself, so the range
# holds every value the band does (a rule decides over all of them)
_OPEN_BAND = re.compile(r"(?P<lo>\d+(?:\.\d+)?)\s*\+|(?P<op>>=?|≥|<=?|≤)\s*(?P<end>\d+(?:\.\d+)?)")


def open_band(cell: str) -> dict[str, str] | None:
    """The ``{"min": …}`` or ``{"max": …}`` table of an open-ended band (see
    :data:`_OPEN_BAND`), or None when the cell is not one."""
    m = _OPEN_BAND.fullmatch(cell.strip())
    if m is None:
        return None
    if m.group("lo"):
        return {"min": m.group("lo")}
    return {"min" if m.group("op") in (">", ">=", "≥") else "max": m.group("end")}


def number_cell(cell: str) -> str:
    """A number cell as the model reads it (as text: the model parses and checks it), refused
    when it is written ambiguously (``150.000``, ``1,000``) or with thousands separators. The
    one place a CSV cell's number is read (grantcheck.numbers says how people write them)."""
    bad = ambiguity(cell)
    if bad is not None:
        raise ValueError(f"{bad.message}; {bad.hint}")
    if PLAIN_DECIMAL.fullmatch(cell) or not any(c.isdigit() for c in cell):
        return cell  # words ("many"): the model says that it must be a number
    try:  # 1_500_000, 2.5e6, -3: read as the command line reads them; 7_45 refused
        return format(parse_number(cell), "f")
    except NumberError as e:
        raise ValueError(f"{e.message}; {e.hint}" if e.hint else e.message) from None


def row_to_data(row: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """The profile data a row gives, and the problems of cells that could not be converted."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, raw in row.items():
        cell = (raw or "").strip()
        if not cell:
            continue
        col = COLUMNS[name]
        try:
            value = _convert(col, cell)
        except ValueError as e:
            problems.append(Problem(name, str(e)))
            continue
        if col.kind == "nace":
            if value is not None and not (row.get("sector") or "").strip():
                _put(data, col.field, value)
            continue
        _put(data, col.field, value)
    return data, problems


_FIELD_TO_COLUMN = {c.field: c.name for c in COLUMNS.values() if c.kind != "nace"}


def plain_dates(p: Problem) -> Problem:
    """The problem without the TOML-only advice to write dates without quotes (CSV and JSON
    write dates as text)."""
    message = p.message.replace("YYYY-MM-DD, without quotes", "YYYY-MM-DD")
    return Problem(p.path, message, p.line, p.column, p.hint)


def _as_column(p: Problem) -> Problem:
    """A model problem named by the column the user wrote, not the dotted profile path."""
    plain = plain_dates(p)
    return Problem(_FIELD_TO_COLUMN.get(p.path, p.path), plain.message, None, None, p.hint)


def profile_from_row(row: Mapping[str, str], source: str) -> Profile:
    """A profile from one CSV row (column name -> cell); raises ProfileError naming the
    columns that are wrong, every one of them."""
    data, problems = row_to_data(row)
    try:
        profile = profile_from_data(data, source)
    except ProfileError as e:
        problems += [_as_column(p) for p in e.problems]
        raise ProfileError(source, problems) from None
    if problems:
        raise ProfileError(source, problems)
    return profile


def csv_lines(fh: IO[bytes], long: dict[int, int]) -> Iterator[bytes]:
    """The lines of a CSV file (binary) for its csv reader, none read longer than the limit
    (:mod:`grantcheck.line_limit`): a longer one is read past, its length put in ``long`` by
    its number, and ``\\0`` given in its place (never blank: :func:`numbered_rows` gives its
    row's error). A header line over the limit is HeaderError, the rest of it not read (a
    ``/dev/zero`` has no end)."""
    from grantcheck.line_limit import LIMIT, LongLine, bounded_lines, too_long

    first = fh.readline(LIMIT)
    if len(first) == LIMIT:
        raise HeaderError(f"the header row cannot be read: {too_long()}",
                          "the first line of a CSV names its columns: is this a CSV file?")
    if first:
        yield first
    for n, line in enumerate(bounded_lines(fh), 2):
        if type(line) is LongLine:
            long[n] = line.length
            yield b"\0\n"
        else:
            yield line


class LineTooLong(ValueError):
    """A row that holds a line over the limit (:func:`csv_lines`), as numbered_rows gives it."""


def csv_error(e: Exception) -> HeaderError:
    """A csv.Error in words: a CR inside a line (line ends written as CR alone) is named, where
    the csv module said "new-line character seen in unquoted field - do you need to open the
    file in universal-newline mode?"."""
    if "new-line character seen in unquoted field" not in str(e):
        return HeaderError(str(e))
    return HeaderError("a carriage return (CR) ends no line here: lines that end in CR alone "
                       "(classic Mac OS) are one line to a CSV reader",
                       "save the file with LF (or CRLF) line ends: tr '\\r' '\\n' < FILE > NEW")


def numbered_rows(reader: Any, long: dict[int, int] | None = None
                  ) -> Iterator[tuple[int, int, list[str] | Exception]]:
    """(the row's first and last line numbers, its cells or the csv.Error that refused it) for
    each non-blank row of a csv reader whose header was read: a row may span lines (a quoted
    multi-line field, or a quote not closed), so each is numbered by where it starts. A row
    holding a line over the limit (numbered in ``long``, from :func:`csv_lines`) is refused
    with a :class:`LineTooLong`."""
    import csv

    end = reader.line_num
    while True:
        start = end + 1
        try:
            row: list[str] | Exception = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            row = csv_error(e)
        end = reader.line_num
        if long and (over := [n for n in long if start <= n <= end]):
            row = _too_long(over, long, start, end)
        if isinstance(row, Exception) or any(cell.strip() for cell in row):
            yield start, end, row


def _too_long(over: list[int], long: dict[int, int], start: int, end: int) -> LineTooLong:
    from grantcheck.line_limit import too_long

    lengths = [long.pop(n) for n in sorted(over)]
    return LineTooLong(f"line {min(over)}: " * (end > start) + too_long(lengths[0]))
