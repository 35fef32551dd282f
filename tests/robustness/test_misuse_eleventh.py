"""Misuse, eleventh round: an option of one value given twice, a folder that takes no new file
(/proc), outreach's files that cannot be written, a budget whose project runs near 9999-12-31,
text in UTF-32 or in UTF-16 without a byte order mark; and a fuzz of every date and money field
of the example profiles and their budgets through the command line. Through typer's CliRunner,
as a script runs it."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.robustness.helpers import AS_OF, PROFILES, ROOT, TINY, assert_clean_error, cli, run

REGISTRY = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"
NORDLYS = str(PROFILES / "nordlys-automation.toml")
FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


def _clean(r, *expected: str) -> str:
    """Exit 2, an Error line with each of ``expected``, no internal error or traceback."""
    assert r.exit_code == 2, (r.exit_code, r.stderr, r.exception)
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith("Error: "), r.stderr
    for e in expected:
        assert e in r.stderr, r.stderr
    return str(r.stderr)


# --- 1. an option of one value given twice ----------------------------------------------------


@pytest.mark.parametrize(("args", "said"), [
    (["batch", "--input", "a.csv", "--input", "b.csv"],
     "Error: --input is given twice, 'a.csv' and 'b.csv': it names one file, and the first "
     "would be passed over\nHint: give --input once: one file is read a run (run the command "
     "once for each file)\n"),
    (["batch", NORDLYS, "-o", "a.csv", "--output", "b.csv"],
     "Error: --output is given twice, 'a.csv' and 'b.csv': it names one file, and the first "
     "would be passed over\nHint: give --output once\n"),
    (["shortlist", "-i", str(REGISTRY), "--profiles", "a", "--profiles", "b"],
     "Error: --profiles is given twice, 'a' and 'b': it names one folder, and the first would "
     "be passed over\nHint: give --profiles once\n"),
    (["outreach", "-i", str(REGISTRY), "--out", "pack", "-o", "pack2"],
     "Error: --out is given twice, 'pack' and 'pack2': it names one folder, and the first would "
     "be passed over\nHint: give --out once\n"),
    (["schema", "-o", "a.json", "-o", "b.json"],
     "Error: --output is given twice, 'a.json' and 'b.json': it names one file, and the first "
     "would be passed over\nHint: give --output once\n"),
])
def test_a_file_or_folder_option_given_twice_is_refused(tmp_path, monkeypatch, args, said):
    """typer took the last in silence: ``batch --input a.csv --input b.csv`` checked b.csv
    alone, ``-o a.csv -o b.csv`` wrote b.csv alone. Refused before anything is read or
    written."""
    monkeypatch.chdir(tmp_path)
    r = run(*args, "--as-of", AS_OF)
    _clean(r)
    assert r.stderr == said
    assert r.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("option", "first", "second"), [
    ("--as-of", "2026-01-01", "2027-01-01"), ("--format", "table", "json")])
def test_a_value_option_given_twice_is_read_as_the_last_with_a_warning(option, first, second):
    """A default set first and overridden later is a script's habit: kept, but said (the
    first date was dropped without a word)."""
    r = run("match", NORDLYS, option, first, option, second, *(
        () if option == "--as-of" else ("--as-of", AS_OF)))
    want = run("match", NORDLYS, option, second, *(() if option == "--as-of" else (
        "--as-of", AS_OF)))
    assert r.exit_code == want.exit_code, r.stderr
    assert r.stdout == want.stdout
    assert r.stderr == (f"Warning: {option} is given twice, '{first}' and '{second}': the last "
                        "is read\n" + want.stderr)


def test_the_same_value_twice_loses_nothing_and_is_not_said():
    r = run("batch", "--input", str(REGISTRY), "--input", str(REGISTRY), "--as-of", AS_OF,
            "-f", "csv")
    assert r.exit_code in (0, 4), r.stderr
    assert "given twice" not in r.stderr
    assert len(r.stdout.splitlines()) == 6  # the header and the file's five units


def test_help_asked_with_an_option_given_twice_is_the_help():
    r = run("batch", "--input", "a.csv", "--input", "b.csv", "-h")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Usage: grantcheck batch")


def test_a_repeatable_option_given_twice_is_read_twice():
    r = run("match", NORDLYS, "--as-of", AS_OF, "-s", "dk-smv-digital", "-s",
            "no-prosessinnovasjon", "-f", "json")
    assert r.exit_code in (0, 1), r.stderr
    assert "given twice" not in r.stderr
    assert [s["id"] for s in json.loads(r.stdout)["schemes"]] == [
        "dk-smv-digital", "no-prosessinnovasjon"]


@pytest.mark.parametrize(("args", "hint"), [
    (["match", NORDLYS, "-f", "JSON"], "--format json"),
    (["shortlist", "-i", str(REGISTRY), "--format", "CSV"], "--format csv"),
    (["batch", "-i", str(REGISTRY), "--input-format", "Brreg-Enheter"],
     "--input-format brreg-enheter")])
def test_a_choice_in_capitals_is_named_in_lower_case(args, hint):
    """``-f JSON`` said "see 'grantcheck match -h'", where ``--scheme DK-SMV-DIGITAL`` is
    read in any case: the hint now gives the spelling the option takes."""
    assert_clean_error(cli(*args, "--as-of", AS_OF),
                       f"Hint: the choices are written in lower case: {hint}\n")


def test_a_choice_misspelt_keeps_its_hint():
    assert_clean_error(cli("batch", "-i", str(REGISTRY), "--detail", "Fulll"),
                       "Hint: see 'grantcheck batch -h'")


# --- 2. a folder that takes no new file (/proc) -------------------------------------------------


def _no_new_files(monkeypatch, folder: Path) -> None:
    """``folder`` made to refuse a new file as /proc does: "No such file or directory" of a
    folder that is there (root may write /proc's folder as far as os.access tells)."""
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == folder:
            raise FileNotFoundError(2, "No such file or directory", str(folder / "x.tmp"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


SYSTEM = ("the folder {0} takes no new files (the system's words: No such file or directory), "
          "and the file is written beside its target first, then renamed onto it")


@pytest.mark.parametrize(("args", "said"), [
    (["schema", "-o", "{f}/version", "--force"], "Error: --output {f}/version: cannot write: "),
    (["batch", NORDLYS, "--as-of", AS_OF, "-o", "{f}/fits.csv"],
     "Error: --output {f}/fits.csv: "),
    (["init", "{f}/p.toml", "--non-interactive", "--set", "company.name=A", "--set",
      "company.country=DK"], "Error: {f}/p.toml: cannot write: ")])
def test_a_folder_that_takes_no_new_file_is_said_so(tmp_path, monkeypatch, args, said):
    """``schema -o /proc/version --force`` said "cannot write: No such file or directory" of
    a file that is there: the folder takes no new file, and the new file is made first."""
    folder = tmp_path / "proc"
    folder.mkdir()
    (folder / "version").write_text("Linux\n")
    _no_new_files(monkeypatch, folder)
    r = run(*(a.format(f=folder) for a in args))
    _clean(r, said.format(f=folder) + SYSTEM.format(folder))
    assert (folder / "version").read_text() == "Linux\n"


@pytest.mark.skipif(not (sys.platform == "linux" and os.path.isfile("/proc/version")
                         and os.access("/proc", os.W_OK)), reason="as root on Linux: /proc")
def test_schema_onto_proc_version_is_said_so_as_root():
    r = run("schema", "-o", "/proc/version", "--force")
    _clean(r, "Error: --output /proc/version: cannot write: " + SYSTEM.format("/proc"),
           "Hint: give a path in a folder of your own, or leave out --output to write to stdout")


def test_outreach_into_a_folder_that_takes_no_new_file_is_said_so(tmp_path, monkeypatch):
    """It was "internal error: FileNotFoundError: … '/proc/.923609016.toml….tmp'"."""
    _no_new_files(monkeypatch, tmp_path)
    r = run("outreach", "-i", str(REGISTRY), "--out", str(tmp_path), "--force", "--as-of",
            AS_OF)
    _clean(r, f"Error: --out {tmp_path}: cannot write {tmp_path}/",
           SYSTEM.format(tmp_path) + "; the files of 0 companies were written, not summary.md",
           "Hint: name a folder for the pack in a folder of your own")


def test_outreach_pack_folder_that_cannot_be_made_there_is_said_so(tmp_path, monkeypatch):
    """mkdir in /proc says "No such file or directory" too: it was said alone."""
    real = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.parent == tmp_path:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    r = run("outreach", "-i", str(REGISTRY), "--out", str(tmp_path / "pack"), "--as-of", AS_OF)
    _clean(r, f"Error: --out {tmp_path / 'pack'}: cannot be made: the folder {tmp_path} takes "
           "no new folders (No such file or directory)",
           "Hint: name a folder for the pack in a folder of your own")


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_outreach_onto_a_folder_or_fifo_of_a_files_name_is_said_so(tmp_path, kind):
    """A folder named summary.md, a FIFO named 923609016.nb.md in the pack's folder: "internal
    error: IsADirectoryError" / "NotAFile" (exit 3)."""
    name = "summary.md" if kind == "folder" else "923609016.nb.md"
    if kind == "folder":
        (tmp_path / name).mkdir()
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(tmp_path / name)
    r = run("outreach", "-i", str(REGISTRY), "--out", str(tmp_path), "--force", "--as-of",
            AS_OF)
    why = ("is a folder" if kind == "folder" else
           "is a FIFO (named pipe), not a regular file: it is never replaced")
    _clean(r, f"Error: --out {tmp_path}: cannot write {tmp_path / name}: {why}; the files of ",
           "were written, not summary.md",
           "Hint: a folder, a FIFO or a device of the file's name is never replaced")


# --- 3. a project near the calendar's end -------------------------------------------------------


def _fjordnett(start: str, end: str) -> str:
    text = (PROFILES / "fjordnett-network.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^start = \d{4}-\d\d-\d\d", f"start = {start}", text, count=1)
    return re.sub(r"(?m)^end = \d{4}-\d\d-\d\d", f"end = {end}", text, count=1)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_budget_whose_project_ends_near_9999_is_unknown_not_an_internal_error(tmp_path, fmt):
    """Bedriftsnettverk's project years count two years on from project.start: "internal
    error: DateOutOfRange" (exit 3). Each line is unknown, saying why, as a rule is."""
    path = tmp_path / "p.toml"
    path.write_text(_fjordnett("9999-06-01", "9999-12-31"), encoding="utf-8")
    r = run("budget", str(path), "--as-of", AS_OF, "-f", fmt)
    assert r.exit_code == 1, (r.stderr, r.exception)
    why = "2 years later from 9999-06-01 is outside the calendar grantcheck can compute"
    if fmt == "json":
        lines = json.loads(r.stdout)["budgets"][0]["lines"]
        assert {(ln["status"], ln["reason"][:len(why)]) for ln in lines} == {("unknown", why)}
    else:
        assert "unknown: 2 years later from" in r.stdout


def test_a_budget_whose_project_ends_a_year_earlier_is_read_as_before(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(_fjordnett("9997-06-01", "9999-12-31"), encoding="utf-8")
    r = run("budget", str(path), "--as-of", AS_OF, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr
    assert "outside the calendar" not in r.stdout


# --- 4. UTF-32, and UTF-16 without a byte order mark --------------------------------------------


@pytest.mark.parametrize(("encoding", "named", "told"), [
    ("utf-32", "UTF-32", "it starts with a UTF-32 byte order mark"),
    ("utf-16-le", "UTF-16LE", "no byte order mark, but each character of its start is 2 bytes, "
     "one of them zero"),
    ("utf-32-be", "UTF-32BE", "no byte order mark, but each character of its start is 4 bytes, "
     "three of them zero")])
def test_a_profile_in_utf32_or_utf16_without_a_mark_says_which(tmp_path, encoding, named,
                                                               told):
    """UTF-32 was "is UTF-16 text", with the hint iconv -f UTF-16 (it made nonsense of it);
    UTF-16 without a mark was "contains a NUL character (binary data?)"."""
    path = tmp_path / "p.toml"
    path.write_bytes(TINY.encode(encoding))
    r = run("validate", str(path))
    _clean(r, f"Error: {path}: is {named} text ({told}), not UTF-8\n"
           f"Hint: save the file as UTF-8 (iconv -f {named} -t UTF-8 {path} > NEW writes it so)")


@pytest.mark.parametrize("command", ["batch", "shortlist"])
def test_a_registry_file_in_utf16_without_a_mark_says_so(tmp_path, command):
    """It was "unknown column 'o\\x00r\\x00g…'" (batch) and "no column 'organisasjonsnummer'"
    with --input-format."""
    src = tmp_path / "enheter.csv"
    src.write_bytes(REGISTRY.read_text(encoding="utf-8").encode("utf-16-le"))
    r = run(command, "--input", str(src), "--as-of", AS_OF)
    _clean(r, f"Error: --input {src}: is UTF-16LE text (no byte order mark",
           "Hint: save the file as UTF-8 (iconv -f UTF-16LE -t UTF-8 FILE > NEW writes it so)")


def test_a_utf8_file_of_latin_text_is_not_taken_for_utf16():
    from grantcheck.wide_text import wide_encoding

    assert wide_encoding(TINY.encode()) is None
    assert wide_encoding("Ærø".encode()) is None
    assert wide_encoding(b"a\x00") is None  # one character: too little to tell


# --- 5. a byte order mark alone, lines ended by a CR alone, stdin given twice -------------------


def test_a_profile_of_a_byte_order_mark_alone_is_empty(tmp_path):
    """Notepad's "empty" UTF-8 file said "company: required field is missing"."""
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    _clean(run("validate", str(path)), f"Error: {path}: is empty\n")


def test_a_profile_with_a_company_after_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TINY.encode())
    r = run("validate", str(path))
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize(("text", "at"), [
    ('[company]\rname = "A"\rcountry = "DK"\r', "1:10"),
    ('[company]\r\nname = "A"\r\ncountry = "DK"\rturnover = 5\r\n', "3:15")])
def test_lines_ended_by_a_cr_alone_are_said_so(tmp_path, text, at):
    """Classic Mac OS line ends are one line to TOML: "Expected newline or end of document
    after a statement" at line 1, and nothing more."""
    path = tmp_path / "p.toml"
    path.write_bytes(text.encode())
    _clean(run("validate", str(path)), f"Error: {path}:{at}: TOML syntax error: ",
           "Hint: the line holds a carriage return (CR) that ends no line: lines that end in "
           "CR alone (classic Mac OS) are one line to TOML; save the file with LF (or CRLF) "
           "line ends\n")


def test_crlf_line_ends_are_read(tmp_path):
    path = tmp_path / "p.toml"
    path.write_bytes(TINY.replace("\n", "\r\n").encode())
    assert run("validate", str(path)).exit_code == 0


def test_validate_of_stdin_twice_is_refused():
    """The second - read an emptied stdin: "<stdin>: is empty" of a profile that was read."""
    r = run("validate", "-", "-", stdin=TINY)
    _clean(r)
    assert r.stderr == ("Error: validate: - is given twice: standard input holds one profile, "
                        "and is read once\nHint: give - once; name the other profiles' files\n")
    assert r.stdout == ""


# --- 6. every date and money field, fuzzed through the command line -----------------------------

EXAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sorted(PROFILES.glob("*.toml"))}
_DATE = re.compile(r"(?m)^(\s*[A-Za-z_]+\s*=\s*)\d{4}-\d\d-\d\d")
_MONEY = re.compile(r"(?m)^(\s*(?:amount|turnover|balance_sheet_total|budget_total|"
                    r"investment_cost|own_hours_cost|gross_annual_salary|rate)\s*=\s*)(\d+)")
DAYS = st.one_of(st.sampled_from(["0001-01-01", "0001-01-02", "9998-12-31", "9999-06-01",
                                  "9999-12-30", "9999-12-31"]),
                 st.dates().map(lambda d: d.isoformat()))
SEPARATED = st.sampled_from(['"1 500 000"', '"1.500.000"', '"1,500,000"', '"1.500.000,50"',
                             '"1\u00a0500\u00a0000"', '"1\u202f500"', '"1\'500\'000"',
                             '"DKK 1500"', '"1500 kr"', '"1_500"', "1_500_000", '"+5"',
                             '"−5"', '"1e6"', '"0x10"', '"٣"', "-0", "0.000000001"])


# the years a profile's dates are moved to, all of them together (a project that ends before
# it starts is refused before any rule runs): the calendar's first, the rules', its last
ERAS = [(date(1, 1, 1), date(2, 12, 31)), (date(2019, 1, 1), date(2031, 12, 31)),
        (date(9998, 6, 1), date(9999, 12, 31))]


@st.composite
def dated_profile(draw: st.DrawFn) -> str:
    """An example profile (budget included) with each of its dates moved to any day of an era
    of the calendar (:data:`ERAS`), and some amounts written with separators."""
    text = EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))]
    first, last = draw(st.sampled_from(ERAS))
    days = draw(st.lists(st.dates(first, last), min_size=len(_DATE.findall(text)),
                         max_size=len(_DATE.findall(text))))
    if draw(st.integers(0, 3)):  # in the file's order, as a company's history runs: founded,
        days.sort()  # a project's start, its end
    moved = iter(days)
    text = _DATE.sub(lambda m: m[1] + next(moved).isoformat(), text)
    if draw(st.integers(0, 7)):
        return text
    return _MONEY.sub(lambda m: m[1] + (draw(SEPARATED) if draw(st.booleans()) else m[2]),
                      text)


def _never_inside(r) -> None:
    """Exit 0, 1 or 2; the runner's exception (main() says it as an internal error) none."""
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.stderr[-2000:], r.exception)
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr[-2000:]
    if r.exit_code == 2:  # each problem names the file, its line and its field
        assert r.stderr.startswith("Error: "), r.stderr[:2000]


@FUZZ
@given(text=dated_profile(), on=DAYS)
@example(text=_fjordnett("9998-06-01", "9998-08-23"), on="0001-01-01")  # what it found
def test_every_date_and_amount_of_a_profile_is_read_or_refused_plainly(tmp_path_factory, text,
                                                                       on):
    """match and budget, table and JSON: the DateOutOfRange of a budget (a project near
    9999-12-31) was an internal error."""
    path = tmp_path_factory.mktemp("fuzz") / "p.toml"
    path.write_text(text, encoding="utf-8")
    for args in (("match", "-f", "json"), ("budget", "-e")):
        _never_inside(run(args[0], str(path), "--as-of", on, *args[1:]))
