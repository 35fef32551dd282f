"""What the registry readers share: one unit's profile data with the provenance of each fact
(:class:`Unit`), a file that may be gzip-compressed, text lines decoded one by one, a streamed
JSON array or JSON Lines file, and a CSV header matched case-insensitively.

A unit becomes one task (:data:`RawTask`, which batch makes a Task of): ``registry`` with the
profile data and the provenance when it maps, ``missing`` with the message when it cannot (a
malformed row, an unknown code): one record per unit either way, nothing lost.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import IO, Any, TypeVar

from grantcheck.csv_input import (
    HeaderError,
    check_header,
    csv_error,
    csv_lines,
    sector_of_nace,
    why_sector_open,
)
from grantcheck.numbers import no_such_day, parse_day
from grantcheck.profile.bounds import MAX_AMOUNT
from grantcheck.profile.written import PLAIN_NUMBER
from grantcheck.shown import shown

# (kind, source, payload): what grantcheck.batch makes a Task of (registry does not import batch)
RawTask = tuple[str, str, Any]
T = TypeVar("T")


class UnitError(ValueError):
    """A unit that cannot be mapped (a malformed row, an unknown code): its record says why."""


class Unit:
    """One registry unit as profile data, with where each fact came from."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.provenance: dict[str, str] = {}

    def put(self, path: str, value: Any, source: str) -> None:
        """Set the dotted profile ``path`` to ``value``, and say where it came from."""
        *tables, key = path.split(".")
        data = self.data
        for t in tables:
            data = data.setdefault(t, {})
        data[key] = value
        self.provenance[path] = source

    def note(self, path: str, source: str) -> None:
        """Say why a fact is left unknown (the registry holds something, not enough)."""
        self.provenance[path] = source

    def task(self, source: str) -> RawTask:
        return ("registry", source, (self.data, self.provenance))


def unit_task(unit_of: Callable[[T], Unit], value: T, source: str) -> RawTask:
    """The task of the unit ``unit_of`` reads from ``value`` (a row, a document), or an error
    task: the reader's own message, or, for a shape no reader foresaw (a list where an object
    belongs), that it cannot be read. Its record says so, and the rest go on."""
    try:
        return unit_of(value).task(source)
    except UnitError as e:
        return error_task(source, str(e))
    except (ValueError, TypeError, KeyError, AttributeError):  # a shape not foreseen
        return error_task(source, "cannot be read as a registry unit: a field holds a value of "
                          "a shape the reader does not know (docs/registries.md shows the shapes "
                          "it reads)")


def error_task(source: str, message: str) -> RawTask:
    return ("missing", source, message)


# --- the evaluation date -----------------------------------------------------------------------


def later(on: date | None, when: str) -> bool:
    """Whether a registry's date ``when`` (YYYY-MM-DD as :func:`day` gives it; '' for none) is
    after the evaluation date ``on``: an event dated later has not happened on that date, so it
    does not count on it (None: no evaluation date, every event counts)."""
    return bool(on is not None and when and when > on.isoformat())


def after_on(on: date | None) -> str:
    """The words that say a date is after the evaluation date ``on``."""
    return f"after the evaluation date {on.isoformat() if on else ''}"


def placed(on: date | None, drawn: date | None, updated: str = "") -> bool:
    """Whether a flag the extract sets without a date held on the evaluation date ``on``. The
    flag is true on the day the extract was drawn, which is not after ``drawn`` (the file's
    date, or the day it is read); a document's last update ``updated`` (CVR's
    ``sidstOpdateret``, YYYY-MM-DD) says its state held from that day to the extract's. So the
    flag held on ``on`` when ``on`` is not before one of them; before both, it may have begun
    after ``on``: not known (None: no evaluation date, every flag counts)."""
    if on is None:
        return True
    bounds = [b for b in (drawn.isoformat() if drawn else "", updated) if b]
    return bool(bounds) and on.isoformat() >= min(bounds)


def undated(what: str, on: date | None, drawn: date | None, updated: str = "",
            happened: str = "begun") -> str:
    """The words of a flag :func:`placed` cannot place on or before ``on``, naming the facts
    that would settle it (whether it had ``happened`` by then)."""
    known = [f"the file's date {drawn.isoformat()}" if drawn else "",
             f"its last update {updated} (sidstOpdateret)" if updated else ""]
    since = " and ".join(k for k in known if k)
    when = f"on {since} at the latest" if since else "on a day the extract does not give"
    return (f"{what}, undated: it held when the extract was drawn ({when}), "
            f"and the evaluation date {on.isoformat() if on else ''} is before that: whether "
            f"it had {happened} by then is not known (its date in the registry, or the company's "
            "answer, settles it)")


def not_yet(who: str, founded: str, field: str, on: date | None) -> UnitError:
    """The error of a unit founded after the evaluation date: it was no unit on that date."""
    return UnitError(f"{who}: founded on {founded} ({field}), {after_on(on)}: it did not "
                     "exist on that date, nothing to screen")


# --- values -------------------------------------------------------------------------------------

TRUE = frozenset({"true", "ja", "j", "yes", "1"})
FALSE = frozenset({"false", "nei", "n", "no", "0"})


def flag(value: Any, what: str) -> bool | None:
    """A registry's boolean (JSON true/false, or a CSV cell such as true, J, nei); None when
    empty; UnitError when it is something else."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise UnitError(f"{what}: must be true or false (got {shown(value)})")


def text(value: Any, what: str) -> str:
    """A registry's text value, stripped ('' when empty or null); a number as written (a JSON
    number such as cvrNummer 38492716). UnitError naming the registry's field ``what`` for a
    list, an object or true/false, which no text field holds."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        got = "an object" if isinstance(value, Mapping) else shown(value)
        raise UnitError(f"{what}: must be text (got {got})")
    try:
        out = str(value).strip()
        out.encode("utf-8")  # a lone surrogate (\ud800) a JSON escape wrote is no text
    except UnicodeEncodeError:
        raise UnitError(f"{what}: is not valid Unicode text: it holds a lone surrogate, a "
                        f"character no text has (got {shown(value)})") from None
    except ValueError:  # an int of more digits than str() converts
        raise UnitError(f"{what}: must be text (got {shown(value)})") from None
    return out


def day(value: Any, what: str) -> str:
    """A registry's date as YYYY-MM-DD ('' when empty): its first ten characters when they are
    a date (CVR writes some with a time after them). UnitError naming ``what`` for anything
    else: a number such as 20170301 (the model would read it as seconds since 1970), a date
    written another way (03.06.2019), a day that does not exist."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        raise UnitError(f"{what}: must be a date written as YYYY-MM-DD (got "
                        f"{shown(value, quote=False)})")
    written = text(value, what)
    if not written:
        return ""
    head, rest = written[:10], written[10:]
    try:
        if rest and rest[0] not in "T ":
            raise ValueError(written)
        return parse_day(head).isoformat()
    except ValueError:
        why = no_such_day(head) if not rest or rest[0] in "T " else ""
        raise UnitError(f"{what}: {why or 'must be a date written as YYYY-MM-DD'} (got "
                        f"{shown(written)})") from None


def obj(value: Any, what: str) -> Mapping[str, Any]:
    """A registry's object ({} when absent or null); UnitError naming ``what`` otherwise."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise UnitError(f"{what}: must be an object (got {shown(value)})")
    return value


# the codes that say the industry is not known: brreg's 00.000 'Uoppgitt', SNI's 00000, and
# CVR's 980000 'Uoplyst' (DB07; a real response's first hovedbranche), compared by their digits
UNSPECIFIED_INDUSTRY = frozenset({"00000", "000000", "0000", "980000"})


def put_sector(unit: Unit, code: str, source: str) -> None:
    """The sector an industry code settles (NACE Rev. 2 and Rev. 2.1 alike, see
    docs/registries.md), or a note when it cannot; UnitError for a cell that is no code."""
    if not code:
        return
    if code.replace(".", "") in UNSPECIFIED_INDUSTRY:
        unit.note("company.sector", f"{source} {code}: 'unspecified', no sector read")
        return
    try:
        sector = sector_of_nace(code)
    except ValueError as e:
        raise UnitError(f"{source}: {e}") from None
    if sector is None:
        unit.note("company.sector", f"{source} {code}: the code alone does not settle the "
                  f"sector: {why_sector_open(code)}")
    else:
        unit.put("company.sector", sector, f"{source} {code}")


# the group's other enterprises as one linked enterprise of unknown figures: a unit the register
# puts in a group (konsern) has linked enterprises (Recommendation 2003/361/EC, Annex art.
# 3(3)(a): "holds a majority of the shareholders' or members' voting rights in another
# enterprise"), whose staff and figures add in full (art. 6(2)), and the register names none of
# them: their figures are 0 and up, never 0, and the unit's own are a lower bound


def put_group(unit: Unit, source: str) -> None:
    """Say that the unit is part of a group: ``company.related`` holds its other enterprises
    as one linked enterprise whose figures are not known (docs/registries.md, "Groups")."""
    from grantcheck.law.sme_holders import GROUP_UNNAMED  # the SME law's, when there is a group

    unit.put("company.related", [{"name": GROUP_UNNAMED, "relation": "linked"}],
             f"{source}: part of a group, whose other enterprises are linked "
             "enterprises (Recommendation 2003/361/EC, Annex art. 3(3)) adding their staff and "
             "figures in full (art. 6(2)); the register gives neither them nor their figures: "
             "not known, the unit's own figures only a lower bound")


def number(value: Any, what: str) -> int | None:
    """A whole number of a registry (a count), None when empty; UnitError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise UnitError(f"{what}: must be a number (got {shown(value)})")
    n: int | Decimal
    if isinstance(value, int):
        n = value
    else:
        text = str(value).strip()
        if isinstance(value, str) and PLAIN_NUMBER.fullmatch(text) is None:
            # 7_45, 1e3, NaN: Decimal would read them (745, 1000, not a number)
            raise UnitError(f"{what}: must be a number (got {shown(value)})")
        try:
            n = Decimal(text)
        except ArithmeticError:
            raise UnitError(f"{what}: must be a number (got {shown(value)})") from None
        if not n.is_finite() or n != n.to_integral_value():
            raise UnitError(f"{what}: must be a whole number (got {shown(value)})")
    if n < 0:
        raise UnitError(f"{what}: must not be negative (got {shown(value, quote=False)})")
    if n > MAX_AMOUNT:  # as the profile's limit says it, the figure cut as written
        raise UnitError(f"{what}: must be at most {MAX_AMOUNT:,} (got {shown(value, quote=False)})")
    return int(n)  # in range: 1e999999999 was a billion digits to build first


# --- files --------------------------------------------------------------------------------------


def maybe_gunzip(fh: IO[bytes]) -> IO[bytes]:
    """``fh``, or a stream of its uncompressed bytes when it starts with gzip's magic number."""
    buffered: Any = fh if hasattr(fh, "peek") else io.BufferedReader(fh)
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    return buffered  # type: ignore[no-any-return]


def peek_text(fh: IO[bytes], size: int = 4096) -> str:
    """The start of a file (decompressed, BOM taken off) without consuming it."""
    head: bytes = fh.peek(size)[:size]  # type: ignore[attr-defined]
    if head[:2] == b"\x1f\x8b":
        try:
            d = gzip.GzipFile(fileobj=io.BytesIO(head)).read1(size)
            head = bytes(d)
        except (OSError, EOFError, zlib.error):  # corrupt or cut short: said when it is read
            head = b""
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    return head.decode("utf-8", "replace")


def text_lines(fh: IO[bytes], long: dict[int, int]) -> Iterator[str]:
    """The lines of a binary file as text: UTF-8, a line that is not read as ISO-8859-1 (the
    encoding of some of the registries' older exports); the first line without its BOM; a line
    over the limit as :func:`~grantcheck.csv_input.csv_lines` gives it (its length in
    ``long``)."""
    for n, raw in enumerate(csv_lines(fh, long)):
        line = raw[len(codecs.BOM_UTF8):] if n == 0 and raw.startswith(codecs.BOM_UTF8) else raw
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            yield line.decode("latin-1")


def read_header(reader: Iterator[list[str]]) -> list[str]:
    """A registry CSV's header row, its names stripped and lower-cased: HeaderError when the file
    is empty, the row cannot be read, or a column appears twice (its cells would be read as
    one, the first lost unseen)."""
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise HeaderError("the file is empty: no header row") from None
    except csv.Error as e:
        said = csv_error(e)
        raise HeaderError(f"the header row cannot be read: {said}", said.hint) from None
    twice = next((h for i, h in enumerate(header) if h and h in header[:i]), None)
    if twice is not None:
        raise HeaderError(f"the column {twice!r} appears twice in its header (line 1)",
                          "keep one of them: which one is meant cannot be told")
    return header


_DELIMITERS = {"\t": "tabs", ";": "';'", ",": "','", "|": "'|'"}


def header_error(first: str, delimiter: str, what: str, wanted: str) -> HeaderError:
    """A registry CSV whose header (the line ``first``, split on ``delimiter``) lacks the
    column ``wanted``: not ``what`` (the file named as its registry names it), with a hint at
    what it is: a header split on another delimiter, or grantcheck's own CSV."""
    message = f"not {what}: no column {wanted!r} in its header (line 1)"
    allowed = "',' or ';'" if delimiter in ",;" else repr(delimiter)
    for d, said in _DELIMITERS.items():
        if d != delimiter and wanted in (c.strip().strip('"').lower() for c in first.split(d)):
            return HeaderError(message, f"its header is separated by {said}; {what} is read "
                               f"separated by {allowed}: save it so, or convert it (on the "
                               "command line, or with a spreadsheet)")
    own = ";" if first.count(";") > first.count(",") else ","
    try:
        check_header(next(csv.reader([first], delimiter=own)))
    except (HeaderError, csv.Error, StopIteration):
        return HeaderError(message, f"the columns of {what} are in docs/registries.md; leave "
                           "--input-format out to have the format told from the file's start")
    return HeaderError(message, "it looks like grantcheck's own CSV (its columns are profile "
                       "fields: name, country, …): give --input-format csv, or leave "
                       "--input-format out")


def flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested JSON object as {dotted lower-case key: value}, the way brreg's CSV names
    columns (``organisasjonsform.kode``); lists are kept as they are."""
    out: dict[str, Any] = {}
    for k, v in obj.items():
        key = f"{prefix}{k}".lower()
        if isinstance(v, Mapping):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
