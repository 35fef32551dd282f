"""Reading a profile: a TOML file or text, or data already read, into a :class:`Profile`;
:class:`~grantcheck.profile.errors.ProfileError` naming the file, line and field on bad input."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from grantcheck.numbers import no_such_day
from grantcheck.profile.bounds import figure_errors
from grantcheck.profile.errors import TOO_MANY_DIGITS, Problem, ProfileError, problem_of
from grantcheck.profile.model import Profile
from grantcheck.profile.written import as_problems, text_problems

_WIDE_SAMPLE = 64  # grantcheck.wide_text.SAMPLE (a test keeps the two equal)


def _wide(data: bytes) -> Any:
    from grantcheck.wide_text import SAMPLE, wide_encoding

    return wide_encoding(data[:SAMPLE])


def load_profile(path: str | Path) -> Profile:
    """Read a TOML profile; raise ProfileError naming the file, line and field on bad input."""
    p = Path(path)
    return parse_profile(read_text(p), "<stdin>" if str(p) == "-" else str(p))


MAX_FILE_BYTES = 10 * 1024 * 1024  # docs/limits.md: a profile or budget file is at most 10 MB
MAX_DEPTH = 32  # docs/limits.md: tables and arrays nested at most this deep
PERMISSION_HINT = "this user may not read it: ls -l shows its permissions and owner"


def read_text(p: Path) -> str:
    """A user's file as text; ProfileError (naming the file) when it cannot be read, is not a
    regular file (a FIFO or a device would block or never end), or is larger than
    MAX_FILE_BYTES. ``-`` is stdin."""
    import os
    import stat
    import sys

    if str(p) == "-":
        if sys.stdin is None:  # closed by the caller (`<&-`): Python makes it None
            raise ProfileError("<stdin>", [Problem(
                "", "standard input is closed (<&-): there is nothing to read",
                hint="give the file's name, or send it in: - < FILE")])
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        return _decoded(data, "<stdin>")
    try:
        # O_NONBLOCK: opening a FIFO with no writer would wait for ever; it is refused below
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise _no_such_file(p) from None
    except IsADirectoryError:
        raise _a_folder(p) from None
    except PermissionError as e:
        raise ProfileError(str(p), [Problem("", e.strerror or str(e), hint=PERMISSION_HINT)]
                           ) from None
    except OSError as e:
        import errno

        if e.errno == errno.ELOOP:  # "Too many levels of symbolic links"
            raise ProfileError(str(p), [Problem(
                "", "is a symbolic link in a loop: following it leads back to it, never to a "
                "file", hint="point the link at the profile's file")]) from None
        raise ProfileError(str(p), [Problem("", e.strerror or str(e))]) from None
    st = os.fstat(fd)
    mode = st.st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise _a_folder(p)
        from grantcheck.atomic import special_kind  # a FIFO, a device: named

        raise ProfileError(str(p), [Problem(
            "", f"is a {special_kind(mode)}, not a regular file: not read",
            hint="save the profile to a file; - reads one from stdin")])
    if st.st_size > MAX_FILE_BYTES:
        os.close(fd)
        raise _too_large(str(p))
    with os.fdopen(fd, "rb") as fh:
        try:  # read(n) would allocate n bytes: the size is known, and was checked
            data = fh.read()
        except OSError as e:
            raise ProfileError(str(p), [Problem("", e.strerror or str(e))]) from None
    return _decoded(data, str(p))


def _no_such_file(p: Path) -> ProfileError:
    """"no such file"; for a symbolic link (``ls`` lists it) to a file that is not there, where
    it points."""
    import os

    try:
        target = os.readlink(p)
    except (OSError, ValueError):  # no link: nothing of that name ('profiles/*.toml' quoted)
        if set("*?[") & set(p.name):
            return ProfileError(str(p), [Problem("", "no such file", hint=(
                "a pattern (* ? [) is not expanded here: leave out the quotes for the shell to "
                "expand it, or give it as an argument of grantcheck batch, which does"))])
        close = _close_name(p)
        return ProfileError(str(p), [Problem("", "no such file", hint=(
            f"did you mean {str(p.parent / close)!r}?" if close else ""))])
    return ProfileError(str(p), [Problem(
        "", f"is a symbolic link to {target}, which does not exist",
        hint="point the link at the profile's file, or give that file")])


def _close_name(p: Path) -> str:
    """The name of a file beside ``p`` (of its suffix, among the folder's first 10,000 names)
    close to the name typed (``profiles/nordlys.toml``: nordlys-automation.toml), or ""."""
    import difflib
    import itertools
    import os

    try:
        with os.scandir(p.parent) as entries:
            names = [e.name for e in itertools.islice(entries, 10_000)
                     if e.name.endswith(p.suffix or ".toml")]
    except (OSError, ValueError):
        return ""
    close = difflib.get_close_matches(p.name, names, 1, 0.6)
    return close[0] if close else ""


def _a_folder(p: Path) -> ProfileError:
    import shlex

    return ProfileError(str(p), [Problem("", "is a directory, not a profile", hint=(
        f"give a profile's file (TOML); grantcheck batch {shlex.quote(str(p))} checks every "
        "*.toml in it"))])


def _too_large(source: str) -> ProfileError:
    return ProfileError(source, [Problem(
        "", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, more than a profile can be "
        "(not read)", hint="batch --input reads many profiles from one JSON Lines or CSV file")])


# the starts of files that are no text, and what each is (a spreadsheet given for a profile or
# a CSV file): "is not UTF-8 text" said nothing of what to do
_NOT_TEXT = ((b"PK\x03\x04", "a zip file (a workbook saved as .xlsx or .ods, or a zipped "
                             "bulk file?), not text"),
             (b"\xd0\xcf\x11\xe0", "an Office document of the old kind (.xls, .doc?), not text"),
             (b"%PDF-", "a PDF document, not text"))


def not_text(head: bytes) -> str | None:
    """What a file starting with ``head`` is when it is a zip file, an old Office document or
    a PDF ("a zip file (…), not text"); None for any other start."""
    return next((what for start, what in _NOT_TEXT if head.startswith(start)), None)


def _decoded(data: bytes, source: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(source)
    if data.startswith(b"\x1f\x8b"):  # gzip's magic number
        raise ProfileError(source, [Problem(
            "", "is gzip-compressed: a profile is read as plain TOML",
            hint="unpack it first (gunzip -k FILE keeps the .gz)")])
    if what := not_text(data[:8]):
        raise ProfileError(source, [Problem("", f"is {what}", hint=(
            "a profile is a TOML text file (grantcheck init writes one); a sheet of many "
            "companies saved as CSV (UTF-8) is read by grantcheck batch --input FILE.csv"))])
    if not data.removeprefix(b"\xef\xbb\xbf").strip():  # "company: required field is
        # missing" would hide it (a byte order mark alone is an empty file: Notepad's)
        from grantcheck.profile.errors import _missing_hint

        raise ProfileError(source, [Problem("", "is empty", hint=(
            "send the profile in: - < FILE" if source == "<stdin>" else _missing_hint(
                ("company",)) + "; a shell's > FILE empties FILE before the command runs: "
            "was it the output of a command that read it?"))])
    # Windows' "Unicode": its NULs are no binary (wide_text.may_be_wide, inlined: that module
    # is imported only for such a start)
    if (data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:_WIDE_SAMPLE]) and (
            wide := _wide(data)):
        from shlex import quote

        raise ProfileError(source, [Problem("", wide.said, hint=wide.hint(
            "FILE" if source == "<stdin>" else quote(source)))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ProfileError(source, [Problem("", "is not UTF-8 text", line,
                                            hint="save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")  # a byte order mark, as editors on Windows write


# The patterns of this module serve errors only: kept as strings, compiled when first used (re
# caches them), so reading a good profile compiles none (start-up, docs/performance.md).
_TOML_POS = r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$"


def parse_profile(text: str, source: str = "<profile>") -> Profile:
    return profile_from_data(parse_toml(text, source), source, text)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text → data (floats as Decimal); ProfileError with the line on a syntax error, on
    a NUL character, and on nesting deeper than MAX_DEPTH."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ProfileError(source, [Problem("", "contains a NUL character (binary data?)", line,
                                            hint="a profile is UTF-8 text")])
    _check_depth(text, source)
    try:
        # tomli, not the standard library's tomllib (the same parser): its wheels are
        # compiled, three times as fast to read a profile and to import (docs/performance.md);
        # from 2.4 it reads TOML 1.1 (a newline or a trailing comma in an inline table)
        return tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as e:
        m = re.compile(_TOML_POS).match(str(e))
        if m:
            line, col = int(m["line"]), int(m["col"])
            lines = text.splitlines()
            if day := _day_read_as_number(m["msg"], lines[line - 1] if line <= len(lines)
                                          else "", col):
                col = day.start() + 1  # the date's column, not where the parser stopped
            raise ProfileError(source, [Problem("", _syntax_message(m["msg"], text, line,
                                                                    int(m["col"])),
                                                line, col,
                                                hint=_syntax_hint(text, line))]) from None
        msg = str(e).replace(" (at end of document)", "")
        raise ProfileError(source, [Problem("", f"TOML syntax error: {msg} at the end of the "
                                            "file", text.count("\n") + 1)]) from None
    except RecursionError:
        raise ProfileError(source, [_too_deep()]) from None
    except ValueError:  # int(): more digits than Python converts (no amount is that long)
        raise ProfileError(source, [_too_long(text)]) from None


_LONG_NUMBER = r"(?m)^\s*([^=#\n]*?)\s*=.*?\d{4300}"


_TABLE = r"(?m)^\s*\[+([^\]\n]+)\]+"


def _too_long(text: str) -> Problem:
    """The problem of a number too long to read, naming its key and line where they show."""
    m = re.compile(_LONG_NUMBER).search(text)
    if m is None:
        return Problem("", TOO_MANY_DIGITS)
    line = text.count("\n", 0, m.start()) + 1
    key = m.group(1).strip().strip('"')
    tables = re.compile(_TABLE).findall(text, 0, m.start())
    return Problem(f"{tables[-1].strip()}.{key}" if tables else key, TOO_MANY_DIGITS, line)


def _too_deep() -> Problem:
    return Problem("", f"tables or arrays are nested more than {MAX_DEPTH} levels deep (a "
                   "profile needs four)")


# a cheap bound before parsing: a dotted key or header of more than MAX_DEPTH parts, or more
# than MAX_DEPTH brackets/braces opened in a row, is refused before the parser spends time on it
_DEEP = rf"(?:[^.\n]*\.){{{MAX_DEPTH + 1}}}|(?:[\[{{]\s*){{{MAX_DEPTH + 1}}}"


def _check_depth(text: str, source: str) -> None:
    if text.count(".") <= MAX_DEPTH and text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # every profile of ordinary size: nothing to look at
    for n, line in enumerate(text.splitlines(), 1):
        if (line.count(".") > MAX_DEPTH or line.count("[") + line.count("{") > MAX_DEPTH) \
                and re.compile(_DEEP).search(_outside_strings(line)):
            raise ProfileError(source, [Problem("", _too_deep().message, n)])


def _outside_strings(line: str) -> str:
    """The line with quoted strings blanked (roughly: enough for the depth bound)."""
    return re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', line)


_THOUSANDS = r"=\s*[-+]?[0-9]{1,3}(?:[,.' ][0-9]{3})+\b"


_KEY = r'\s*("[^"]*"|[^=\s]+)\s*='


PLAIN_DAY = r"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DECLARED_TWICE = r"Cannot declare \((.*)\) twice"


def _syntax_message(msg: str, text: str, line: int, column: int = 1) -> str:
    """The TOML parser's words, with the key named where it says only that a value is overwritten (a
    key given twice in a table), the table named as written where it is declared twice, and
    why a date written YYYY-MM-DD is none (2025-02-29)."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if msg == "Cannot overwrite a value" and here:
        key = re.compile(_KEY).match(here)
        if key:
            return (f"TOML syntax error: {key.group(1).strip(chr(34))} is given twice (a key "
                    "may be given once in a table)")
    if twice := re.compile(_DECLARED_TWICE).fullmatch(msg):  # "Cannot declare ('company',) twice"
        name = ".".join(k.strip().strip("'\"") for k in twice.group(1).split(",") if k.strip())
        return (f"TOML syntax error: the table [{name}] is declared twice (its keys go under "
                "one header)")
    day = (re.compile(PLAIN_DAY).search(here, column - 1)
           if msg == "Invalid date or datetime" else _day_read_as_number(msg, here, column))
    if day and (why := no_such_day(day.group())):
        return f"TOML syntax error: {day.group()} is {why.replace('no such day', 'no day')}"
    if day:  # 2026-1-05: TOML read 2026 as a number
        return (f"TOML syntax error: {day.group()} is not a date: TOML writes one YYYY-MM-DD, "
                "two digits for the month and the day")
    return f"TOML syntax error: {msg}"


_DAY_LIKE = r"(?<![0-9])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"


def _day_read_as_number(msg: str, here: str, column: int) -> re.Match[str] | None:
    """A date the parser took for a number followed by more (``2026-13-01``, ``2026-12-32``,
    ``2026-1-05``: its pattern for a date has only the months 01 to 12 and the days 01 to 31,
    so it read the year and stopped at the first '-'), ending at ``column``."""
    if msg != "Expected newline or end of document after a statement":
        return None
    return next((m for m in re.finditer(_DAY_LIKE, here) if m.start() + 4 == column - 1), None)


def _syntax_hint(text: str, line: int) -> str:
    """A hint for a syntax error on ``line``: a JSON object where TOML was expected, lines
    ended by a CR alone, a number written with thousands separators, a yes or no written as
    a word, or init's "don't know" (``key = ?``) uncommented."""
    if text.lstrip().startswith("{"):
        return ("a profile file is TOML (see profiles/); a profile written as one JSON object "
                "on a line is read by grantcheck batch --input FILE --input-format jsonl")
    rows = text.split("\n")  # as TOML counts its lines: a CR alone ends none
    if 0 < line <= len(rows) and "\r" in rows[line - 1].removesuffix("\r"):
        return ("the line holds a carriage return (CR) that ends no line: lines that end in CR "
                "alone (classic Mac OS) are one line to TOML; save the file with LF (or CRLF) "
                "line ends")
    lines = text.splitlines()
    if 0 < line <= len(lines) and re.compile(_THOUSANDS).search(lines[line - 1]):
        return ("write numbers without thousands separators: 1000000, or 1_000_000 as TOML "
                "allows (a point for decimals)")
    if 0 < line <= len(lines):
        return _yes_no_hint(lines[line - 1]) or _question_hint(lines[line - 1])
    return ""


def _question_hint(here: str) -> str:
    """The hint for ``key = ?`` or ``key =``: a question of ``grantcheck init`` answered "don't
    know" (written ``# key = ?``), or of an outreach pack's answers file (``# key = ``), whose
    '# ' was removed before a value was written in."""
    key, eq, value = here.partition("=")
    given = value.split("#", 1)[0].strip()
    key = key.strip()
    if not eq or given not in ("?", "") or not key or key.startswith("#"):
        return ""
    if given == "?":
        return (f"{key} = ? is a question not answered yet: write the value in place of ? (the "
                f"comment after it gives an example), or leave it unknown as '# {key} = ?'")
    return (f"{key} = has no value: write the value after the = (the comment above or after "
            f"it says what kind), or leave it unknown as '# {key} ='")


_YES = ("yes", "y", "ja", "j", "on", "true")
_NO = ("no", "n", "nei", "nej", "off", "false")


def _yes_no_hint(here: str) -> str:
    """The hint for a yes or no written as a word (``listed = yes``, ``listed = Nej``,
    ``listed = True``): TOML writes it ``true`` or ``false``, in lower case."""
    key, eq, value = here.partition("=")
    word = value.split("#", 1)[0].strip()
    if not eq or word.lower() not in _YES + _NO:
        return ""
    meant = "true" if word.lower() in _YES else "false"
    return f"TOML writes a yes or no as true or false, in lower case: {key.strip()} = {meant}"


def profile_from_data(data: dict[str, Any], source: str, text: str = "") -> Profile:
    """The profile ``data`` gives; ProfileError with every problem (a number or a date given
    as text it would read but a person may not mean too: :mod:`grantcheck.profile.written`)."""
    written = as_problems(text_problems(data, Profile), text)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as e:
        raise ProfileError(source, in_order(written, [
            problem_of(err, text, data=data) for err in figure_errors(e.errors())])) from None
    if written:
        raise ProfileError(source, written)
    return profile


def in_order(written: list[Problem], problems: list[Problem]) -> list[Problem]:
    """The problems of the text's numbers and dates and the model's, one a field, in the
    file's order (the model's order otherwise); those without a line last."""
    said = {p.path for p in written}
    out = written + [p for p in problems if p.path not in said]
    out.sort(key=lambda p: (p.line is None, p.line or 0))
    return out
