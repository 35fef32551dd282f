"""Misuse, tenth round: batch reads the gzip it writes (JSON Lines and CSV, a file cut short or
damaged said as for a registry's bulk file); init and schema refuse a .gz name for the plain
text they write; the shortlist's CSV counts a company with no rules for the date as its
headline does. Through typer's CliRunner, as a script runs it."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from tests.robustness.helpers import AS_OF, PROFILES, ROOT, deny, run

BROKEN = "Hint: the file is cut short or damaged: download it again (gzip -t FILE tests a .gz)"
TRUNCATED = "the gzip file is truncated (it ends before gzip's end-of-stream marker)"
CSV_HEADER = "name,country,cvr_number,employees_fte,turnover\n"
MIXED = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"


def _jsonl(n: int) -> bytes:
    return "".join(json.dumps({"company": {"name": f"Firma {i} ApS", "country": "DK"}}) + "\n"
                   for i in range(n)).encode()


def _records(stdout: str, plain: str, packed: str) -> list[str]:
    """The CSV rows of a batch, the source's file name made one (FILE.gz is named as given)."""
    return stdout.replace(packed + ":", "X:").replace(plain + ":", "X:").splitlines()


# --- 1. batch reads what it writes: gzip JSON Lines and CSV ----------------------------------


@pytest.mark.parametrize(("name", "data"), [
    ("in.jsonl", _jsonl(3)),
    ("in.csv", (CSV_HEADER + "Alfa ApS,DK,12345674,12,9000000\nBeta ApS,DK,,3,\n").encode())])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_gzip_json_lines_or_csv_file_is_read_as_the_plain_one(tmp_path, name, data, jobs):
    """``in.jsonl.gz`` said "cannot tell the format", its hint --input-format jsonl then said
    "is gzip-compressed ... unpack it first": batch -o FILE.gz wrote what --input refused."""
    plain, packed = tmp_path / name, tmp_path / (name + ".gz")
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data, mtime=0))
    want = run("batch", "--input", str(plain), "--as-of", AS_OF, "-f", "csv", "-j", jobs)
    got = run("batch", "--input", str(packed), "--as-of", AS_OF, "-f", "csv", "-j", jobs)
    assert want.exit_code == 0, want.stderr
    assert got.exit_code == 0, got.stderr
    assert _records(got.stdout, str(plain), str(packed)) == _records(
        want.stdout, str(plain), str(packed))
    assert len(got.stdout.splitlines()) == 1 + data.count(b"\n") - name.endswith(".csv")


@pytest.mark.parametrize(("name", "fmt"), [("in.jsonl", "jsonl"), ("in.csv", "csv"),
                                           ("in.gz", "jsonl"), ("IN.JSONL.GZ", None)])
def test_a_gzip_file_named_or_given_any_way_is_read_through_gzip(tmp_path, name, fmt):
    """Told by its first bytes, not its name: ``in.csv`` holding gzip (renamed) is read too; the
    format by the name without .gz, or by --input-format."""
    data = _jsonl(2) if fmt != "csv" else (CSV_HEADER + "Alfa ApS,DK,,2,\n").encode()
    src = tmp_path / name
    src.write_bytes(gzip.compress(data))
    r = run("batch", "--input", str(src), *(("--input-format", fmt) if fmt else ()),
            "--as-of", AS_OF, "-f", "jsonl")
    assert r.exit_code == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["profile"]["source"] for rec in records] == [
        f"{src}:{n}" for n in (range(1, 3) if fmt != "csv" else (2,))]
    assert all("error" not in rec for rec in records)


def test_a_gzip_json_lines_file_on_stdin_is_read_too():
    r = run("batch", "--input", "-", "--input-format", "jsonl", "--as-of", AS_OF, "-f", "csv",
            stdin=gzip.compress(_jsonl(4)))
    assert r.exit_code == 0, r.stderr
    assert [row.split(",")[0] for row in r.stdout.splitlines()[1:]] == [
        f"<stdin>:{n}" for n in range(1, 5)]


def test_batch_reads_back_the_profiles_a_gzip_output_of_its_own_writer_holds(tmp_path):
    """The round trip: a JSON Lines file written by the writer batch -o FILE.gz writes with
    (atomic_text(compress=True)) is read back by batch --input, record for record as the
    plain file; and batch -o FILE.jsonl.gz of those writes what zcat reads."""
    from grantcheck.atomic import atomic_text

    plain, packed = tmp_path / "p.jsonl", tmp_path / "p.jsonl.gz"
    plain.write_bytes(_jsonl(300))
    with atomic_text(packed, compress=True) as fh:
        fh.write(plain.read_text(encoding="utf-8"))
    out_plain, out_packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    a = run("batch", "--input", str(plain), "--as-of", AS_OF, "-f", "jsonl", "-o",
            str(out_plain))
    b = run("batch", "--input", str(packed), "--as-of", AS_OF, "-f", "jsonl", "-o",
            str(out_packed))
    assert a.exit_code == b.exit_code == 0, b.stderr
    assert "Wrote 300 records" in b.stderr
    assert (gzip.decompress(out_packed.read_bytes()).decode().replace("p.jsonl.gz:", "p.jsonl:")
            == out_plain.read_text(encoding="utf-8"))


@pytest.fixture
def cut(tmp_path):
    """JSON Lines of 3,000 profiles, gzip, cut in half."""
    data = gzip.compress(_jsonl(3000), mtime=0)
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(data[:len(data) // 2])
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_truncated_gzip_json_lines_keeps_what_came_before_and_says_so(cut, jobs):
    """As a registry's bulk file cut short (test_truncated_input): the lines before the break
    checked and written, then an Error naming the file, exit 2; it was "internal error"."""
    r = run("batch", "--input", str(cut), "--as-of", AS_OF, "-f", "csv", "-j", jobs)
    assert r.exit_code == 2, r.output
    rows = r.stdout.splitlines()
    assert len(rows) > 100 and rows[1].startswith(f"{cut}:1,")
    assert r.stderr.splitlines()[-2:] == [
        f"Error: --input {cut}: cannot be read to its end: {TRUNCATED}; the {len(rows) - 1:,} "
        "inputs before that point were checked and written, the rest were not read", BROKEN]
    assert "internal error" not in r.stderr


@pytest.mark.parametrize("keep", [5, 30])
def test_a_gzip_cut_before_its_first_line_ends_is_an_error_before_anything_is_written(
        tmp_path, keep):
    src = tmp_path / "in.csv.gz"
    src.write_bytes(gzip.compress(CSV_HEADER.encode() + b"Alfa ApS,DK,,2,\n" * 50)[:keep])
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines()[-1] == BROKEN
    assert r.stderr.startswith(f"Error: --input {src}: cannot be read: the gzip file is ")


def _corrupt(data: bytes) -> bytes:
    """``data`` gzip-compressed, its deflate stream damaged past the header."""
    packed = bytearray(gzip.compress(data, mtime=0))
    packed[20:60] = b"\x00" * 40
    return bytes(packed)


@pytest.mark.parametrize(("name", "fmt"), [
    ("in.jsonl.gz", ()), ("in.csv.gz", ()), ("enheter.csv.gz", ("--input-format",
                                                                "brreg-enheter"))])
def test_a_corrupt_gzip_is_an_error_naming_the_file_not_an_internal_error(tmp_path, name, fmt):
    """A damaged deflate stream raised zlib.error where the start of the file was peeked at to
    guess a registry's format: "Error: internal error: error: Error -3 while decompressing
    data", for a registry's bulk file too."""
    src = tmp_path / name
    body = (ROOT / "tests" / "registry" / "data" / "enheter.csv").read_bytes() * 20 if (
        fmt) else _jsonl(500)
    src.write_bytes(_corrupt(body))
    r = run("batch", "--input", str(src), *fmt, "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.stderr
    assert r.stderr.splitlines()[-2].startswith(
        f"Error: --input {src}: cannot be read: the gzip file is corrupt (Error -3 while "
        "decompressing data")
    assert r.stderr.splitlines()[-1] == BROKEN


def test_a_shortlist_of_a_corrupt_gzip_is_an_error_too(tmp_path):
    src = tmp_path / "enheter.csv.gz"
    src.write_bytes(_corrupt((ROOT / "tests" / "registry" / "data" / "enheter.csv")
                             .read_bytes() * 20))
    r = run("shortlist", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 2 and r.stdout == ""
    assert "internal error" not in r.stderr and r.stderr.splitlines()[-1] == BROKEN


def test_utf16_text_inside_a_gzip_is_refused_as_utf16_text(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress(_jsonl(2).decode().encode("utf-16")))
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: --input {src}: is UTF-16 text (it starts with a UTF-16 "
                               "byte order mark), not UTF-8\n")


def test_a_plain_file_named_gz_is_read_as_it_is(tmp_path):
    """The bytes tell: a .jsonl.gz that holds plain JSON Lines is read, not refused."""
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(_jsonl(2))
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 3


def test_a_gz_name_that_tells_no_format_still_asks_for_one(tmp_path):
    src = tmp_path / "in.txt.gz"
    src.write_bytes(gzip.compress(_jsonl(1)))
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --input {src}: cannot tell the format from the name '{src}'",
        "Hint: add --input-format jsonl or --input-format csv"]


# --- 1b. batch's output given back as its input ------------------------------------------------

OWN_HINT = ("Hint: give the file it was made from (the source of each record or row names it): "
            "--input reads profiles as JSON Lines or CSV, or a registry's bulk file")


@pytest.mark.parametrize(("fmt", "name", "what"), [
    (("-f", "jsonl"), "fits.jsonl", "batch's records"),
    (("-f", "jsonl"), "fits.jsonl.gz", "batch's records"),
    (("-f", "json"), "fits.json", "batch's records"),
    (("-f", "jsonl", "--detail", "full"), "fits.jsonl", "match's or batch's JSON records"),
    (("-f", "csv"), "fits.csv", "batch's CSV records"),
    (("-f", "csv"), "fits.csv.gz", "batch's CSV records")])
def test_batch_output_given_as_its_input_is_refused_once(tmp_path, fmt, name, what):
    """Every record was an error record of ten "unknown field" problems (exit 4); the CSV
    records "unknown column 'source'", or, when made from a registry, "not Enhetsregisteret's
    enheter file ... leave --input-format out", the registry's words in the provenance taken
    for its header."""
    out = tmp_path / name
    made = run("batch", str(PROFILES), "--as-of", AS_OF, *fmt, "-o", str(out))
    assert made.exit_code == 0, made.stderr
    read = ("--input-format", "jsonl") if name.endswith(".json") else ()
    r = run("batch", "--input", str(out), *read, "--as-of", AS_OF)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"Error: --input {out}: is grantcheck's output ({what}), not profiles", OWN_HINT]


def test_records_made_from_a_registry_are_not_taken_for_the_registry(tmp_path):
    out = tmp_path / "screened.csv"
    assert run("batch", "--input", str(MIXED), "--as-of", AS_OF, "-f", "csv", "-o",
               str(out)).exit_code == 0
    assert "organisasjonsnummer" in out.read_text(encoding="utf-8")  # in the provenance
    r = run("batch", "--input", str(out), "--as-of", AS_OF)
    assert r.stderr.splitlines() == [
        f"Error: --input {out}: is grantcheck's output (batch's CSV records), not profiles",
        OWN_HINT]


def test_the_shortlist_of_a_shortlist_is_refused_and_stdin_too(tmp_path):
    ranked = run("shortlist", "--input", str(MIXED), "--as-of", AS_OF, "-f", "csv")
    src = tmp_path / "ranked.csv"
    src.write_text(ranked.stdout, encoding="utf-8")
    r = run("shortlist", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == (
        f"Error: --input {src}: is grantcheck's output (the shortlist's CSV), not profiles")
    piped = run("batch", "--input", "-", "--input-format", "jsonl", "--as-of", AS_OF,
                stdin=run("batch", str(PROFILES), "--as-of", AS_OF, "-f", "jsonl").stdout)
    assert piped.exit_code == 2
    assert piped.stderr.startswith("Error: --input <stdin>: is grantcheck's output (batch's "
                                   "records), not profiles\n")


@pytest.mark.parametrize("line", [
    '{"company": {"name": "source,name,country,currency,evaluation_date,status,", '
    '"country": "DK"}}',
    '{"company": {"name": "A", "country": "DK"}, "record": "x"}'])
def test_a_profile_that_only_mentions_those_words_is_read_as_a_profile(tmp_path, line):
    """The other side: a profile whose first key is not a record's is a profile (a stray key
    later is its own error record, as before)."""
    src = tmp_path / "in.jsonl"
    src.write_text(line + "\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert "grantcheck's output" not in r.stderr
    assert r.exit_code in (0, 4), r.stderr


# --- 2. init and schema: no .gz name for plain text ------------------------------------------


@pytest.mark.parametrize("name", ["schema.json.gz", "SCHEMA.JSON.GZ", "s.gz"])
def test_schema_refuses_a_gz_name_for_the_plain_json_it_writes(tmp_path, name):
    """It wrote plain JSON under a name that says gzip: zcat and editors failed on it."""
    target = tmp_path / name
    r = run("schema", "--output", str(target))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --output {target}: the name ends in .gz, which says gzip, but the schema is "
        "written as plain JSON (editors read it uncompressed)",
        f"Hint: give a name without .gz, e.g. {str(target)[:-3]}; a compressed copy: "
        "grantcheck schema | gzip > FILE.gz"]
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_schema_refuses_it_before_overwriting_anything_even_with_force(tmp_path):
    target = tmp_path / "schema.json.gz"
    target.write_bytes(b"mine")
    r = run("schema", "--output", str(target), "--force")
    assert r.exit_code == 2
    assert target.read_bytes() == b"mine"


def test_schema_writes_a_name_without_gz_as_before(tmp_path):
    """The other side: .gz inside the name, or a file named .gz (no extension), is no gzip
    name."""
    for name in ("schema.gz.json", ".gz"):
        target = tmp_path / name
        r = run("schema", "--output", str(target))
        assert r.exit_code == 0, r.stderr
        assert json.loads(target.read_text(encoding="utf-8"))["type"] == "object"


@pytest.mark.parametrize("name", ["acme.toml.gz", "acme.toml.Gz"])
def test_init_refuses_a_gz_name_before_any_question(tmp_path, name):
    target = tmp_path / name
    r = run("init", str(target), "--non-interactive", "--set", "company.name=Acme ApS",
            "--set", "company.country=DK")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {target}: the name ends in .gz, which says gzip, but a profile is written as "
        "plain TOML (match and editors read it uncompressed)",
        f"Hint: give a name without .gz, e.g. {str(target)[:-3]}"]
    assert list(tmp_path.iterdir()) == []


def test_init_asked_interactively_refuses_it_before_the_first_question(tmp_path):
    r = run("init", str(tmp_path / "a.toml.gz"), stdin="DK\n")
    assert r.exit_code == 2
    assert "question" not in r.stderr and r.stderr.startswith("Error: ")


def test_init_writes_a_toml_name_as_before(tmp_path):
    target = tmp_path / "acme.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.name=Acme ApS",
            "--set", "company.country=DK", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert 'name = "Acme ApS"' in target.read_text(encoding="utf-8")


# --- 3. the shortlist's CSV counts as its headline counts --------------------------------------

def _shortlist_rows(on: str) -> tuple[list[dict[str, str]], str]:
    r = run("shortlist", "--input", str(MIXED), "--as-of", on, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout))), " ".join(r.stderr.split())


def test_the_shortlist_csv_says_which_company_has_no_rules_for_the_date():
    """Oslo kommune needs information only from Prosessinnovasjon, past GBER art. 29 on
    2027-01-01: the table said "has no rules encoded for the date" and "—" questions, the CSV
    "needs information" and 0 questions, as if one answer away (or already settled)."""
    rows, headline = _shortlist_rows("2027-01-01")
    oslo = next(r for r in rows if r["name"] == "OSLO KOMMUNE")
    assert (oslo["verdict"], oslo["counted_as"], oslo["best_scheme"],
            oslo["best_scheme_questions"]) == ("needs information", "no rules encoded",
                                               "no-prosessinnovasjon", "")
    counts = {v: sum(r["counted_as"] == v for r in rows) for v in {r["counted_as"] for r in rows}}
    # KONKURS AS, bankrupt, too: past GBER its PO11 (GBER art. 1(4)(c)) is not encoded either
    assert counts == {"needs information": 3, "no rules encoded": 2}
    assert ("3 of 5 companies can still fit a scheme (0 fit, 3 need information, 2 have no rules "
            "encoded for the date)") in headline


def test_on_the_last_day_the_rules_cover_it_is_counted_as_its_verdict():
    rows, _ = _shortlist_rows("2026-12-31")
    oslo = next(r for r in rows if r["name"] == "OSLO KOMMUNE")
    # 9: a public body is no SME (Rec. 2003/361/EC, Annex art. 3(4)), so its size figures are
    # not asked; whether the large-enterprise exception applies is (PO01)
    assert (oslo["counted_as"], oslo["best_scheme_questions"]) == ("needs information", "9")
    assert all(r["counted_as"] == r["verdict"] for r in rows)


# --- a fuzz test: whatever the bytes of a gzip --input, an Error or records, never a crash ----


def test_fuzz_any_damage_to_a_gzip_input_is_records_or_an_error(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    packed = gzip.compress(_jsonl(40), mtime=0)
    src = tmp_path / "in.jsonl.gz"

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(cut=st.integers(0, len(packed)), at=st.integers(0, len(packed) - 1),
           byte=st.integers(0, 255))
    def check(cut: int, at: int, byte: int) -> None:
        data = bytearray(packed)
        data[at] = byte
        src.write_bytes(bytes(data[:cut]))
        r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv", "-j", "1")
        assert r.exit_code in (0, 2, 4), r.output
        assert "internal error" not in r.stderr and "Traceback" not in r.output
        if r.exit_code == 2:
            assert r.stderr.count("Error: ") >= 1
        if r.exit_code == 0:
            assert len(r.stdout.splitlines()) == 41

    check()


def test_a_gz_name_is_said_in_the_docs():
    batch = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    assert "`--input FILE.jsonl.gz`" in batch and "is gzip-compressed" not in batch
    commands = " ".join((ROOT / "docs" / "commands.md").read_text(encoding="utf-8").split())
    assert "A name ending in `.gz` is refused (exit 2): the schema is plain JSON" in commands
    assert "`counted_as`" in commands



# --- a scheme package of the user's (GRANTCHECK_SCHEMES_PATH) that cannot be loaded ----------

SCHEME_HINT = ("Hint: a scheme package holds __init__.py (ID, COUNTRY, CURRENCY) and scheme.py "
               "(SCHEME), as docs/adding-a-scheme.md shows; fix it, or take {folder} out of "
               "GRANTCHECK_SCHEMES_PATH")


def _package(folder: Path, init: str, scheme: str | None = None) -> None:
    (folder / "fi_half_written").mkdir(parents=True)
    (folder / "fi_half_written" / "__init__.py").write_text(init, encoding="utf-8")
    if scheme is not None:
        (folder / "fi_half_written" / "scheme.py").write_text(scheme, encoding="utf-8")


LIGHT = 'ID = "fi-half-written"\nCOUNTRY = "FI"\nCURRENCY = "EUR"\n'


@pytest.mark.parametrize(("init", "scheme", "why"), [
    ("raise RuntimeError('not done yet')\n", None, "RuntimeError: not done yet"),
    (LIGHT, None, "ModuleNotFoundError: No module named "
                  "'grantcheck.schemes.fi_half_written.scheme'"),
    (LIGHT, "SCHEME = None  # to do\nimport no_such_module\n",
     "ModuleNotFoundError: No module named 'no_such_module'"),
    (LIGHT, "RULES = []\n", "grantcheck.schemes.fi_half_written.scheme has no SCHEME")])
@pytest.mark.parametrize("command", [
    ("schemes",), ("match", str(PROFILES / "nordlys-automation.toml")),
    ("batch", str(PROFILES), "-f", "csv")])
def test_a_scheme_package_of_the_users_that_cannot_load_is_their_error(tmp_path, init, scheme,
                                                                      why, command):
    """It was "Error: internal error: ModuleNotFoundError: ..." with "this is a bug in
    grantcheck" (exit 3): the package is the user's, half written, or a folder of other
    packages named by mistake (GRANTCHECK_SCHEMES_PATH=tests)."""
    from tests.robustness.helpers import cli

    _package(tmp_path, init, scheme)
    r = cli(*command, "--as-of", AS_OF, env={"GRANTCHECK_SCHEMES_PATH": str(tmp_path)})
    assert r.returncode == 2, r.stderr
    assert r.stderr.decode().splitlines()[-2:] == [
        f"Error: GRANTCHECK_SCHEMES_PATH: the package fi_half_written in {tmp_path} (scheme "
        f"'fi-half-written') cannot be loaded: {why}", SCHEME_HINT.format(folder=tmp_path)]
    assert r.stdout == b""


def test_a_scheme_package_that_loads_is_listed_as_before():
    """The other side: the worked example of docs/adding-a-scheme.md."""
    from tests.robustness.helpers import cli

    r = cli("schemes", "--as-of", AS_OF,
            env={"GRANTCHECK_SCHEMES_PATH": str(ROOT / "tests" / "extra_schemes")})
    assert r.returncode == 0, r.stderr
    assert b"fi-demo-voucher" in r.stdout


# --- duplicates and near-misses in a CSV or a registry file -----------------------------------


def test_outreach_writes_a_number_given_twice_once_and_says_so(tmp_path):
    """The second unit's files replaced the first's, and the pack counted 2 companies with files
    where 1 set was on the disk (the same organisation number twice: two extracts joined)."""
    lines = MIXED.read_text(encoding="utf-8").splitlines(keepends=True)
    src = tmp_path / "twice.csv"
    src.write_text(lines[0] + lines[1] + lines[1], encoding="utf-8")
    pack = tmp_path / "pack"
    r = run("outreach", "--input", str(src), "--as-of", AS_OF, "--out", str(pack))
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[-1] == (
        f"Warning: {src}:3: organisation number 923609016 was screened before, at {src}:2: its "
        "files are that unit's, not written again")
    assert f"Wrote the pack of 1 company to {pack} (2 of 2 can" in r.stderr
    summary = " ".join((pack / "summary.md").read_text(encoding="utf-8").split())
    assert ("1 company has an answers file (NUMBER.toml) and questionnaires (NUMBER.LANG.md in "
            "the language of its authorities, NUMBER.en.md in English). A company whose schemes "
            "are all decided has none (0 companies).") in summary
    assert ("1 unit with questions has the organisation number of a unit before it in the "
            "file: no files of its own") in summary
    assert sorted(p.name for p in pack.iterdir()) == [
        "923609016.en.md", "923609016.nb.md", "923609016.toml", "summary.md"]


def test_outreach_of_distinct_numbers_warns_of_nothing(tmp_path):
    r = run("outreach", "--input", str(MIXED), "--as-of", AS_OF, "--out", str(tmp_path / "p"))
    assert r.exit_code == 0 and "Warning: " not in r.stderr.replace(
        "Warning: no-prosessinnovasjon: rules encoded", "")


@pytest.mark.parametrize(("header", "column"), [("name,country,", 3), (",name,country", 1),
                                                ("name, ,country", 2)])
def test_a_csv_header_with_a_column_of_no_name_says_which(tmp_path, header, column):
    """It said "unknown column ''", with the list of columns as the hint."""
    src = tmp_path / "in.csv"
    src.write_text(f"{header}\n" + ",".join("A" if h == "name" else "DK" if h == "country"
                                            else "" for h in header.split(",")) + "\n",
                   encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {src}: column {column} of 3 in the header (line 1) has no name",
        "Hint: name it (the columns are listed in docs/batch.md, 'CSV input columns'), or take "
        "it out: a header ending in a comma has one"]


def test_a_row_of_one_cell_says_one_cell(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('name,country\n"A\n', encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 4
    assert r.stderr.splitlines()[0] == f"Error: {src}:2: has 1 cell where the header has 2 columns"


# --- symbolic links that lead nowhere ----------------------------------------------------------


def test_a_link_to_a_missing_file_says_where_it_points(tmp_path):
    """It said "no such file" of a name ``ls`` lists."""
    link = tmp_path / "acme.toml"
    link.symlink_to("acme-2025.toml")
    r = run("match", str(link), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {link}: is a symbolic link to acme-2025.toml, which does not exist",
        "Hint: point the link at the profile's file, or give that file"]


def test_a_link_in_a_loop_says_so(tmp_path):
    """It said "Too many levels of symbolic links", with no hint."""
    link = tmp_path / "self.toml"
    link.symlink_to("self.toml")
    for command in ("match", "validate", "budget"):
        r = run(command, str(link), "--as-of", AS_OF) if command != "validate" else run(
            command, str(link))
        assert r.exit_code == 2
        assert r.stderr.splitlines()[:2] == [
            f"Error: {link}: is a symbolic link in a loop: following it leads back to it, never "
            "to a file", "Hint: point the link at the profile's file"], command


def test_a_glob_through_a_linked_folder_reports_a_broken_link_once(tmp_path):
    """``**`` follows a link to a folder above it down to the system's limit: a link to
    nothing was an error record at each of the 40 levels (124 records for 4 files)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "a.toml").write_text((PROFILES / "nordlys-automation.toml").read_text(
        encoding="utf-8"), encoding="utf-8")
    (tmp_path / "gone.toml").symlink_to("nowhere.toml")
    r = run("batch", str(tmp_path / "**" / "*.toml"), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 4
    assert [row.split(",")[0] for row in r.stdout.splitlines()[1:]] == [
        str(tmp_path / "a.toml"), str(tmp_path / "gone.toml")]
    assert r.stderr.count("is a symbolic link to nowhere.toml") == 1


# --- a file this user may not read (root reads any: simulated) ---------------------------------

PERMISSION = "Hint: this user may not read it: ls -l shows its permissions and owner"


def test_a_profile_this_user_may_not_read_has_a_hint(tmp_path, monkeypatch):
    import os

    secret = tmp_path / "secret.toml"
    secret.write_text((PROFILES / "nordlys-automation.toml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    deny(monkeypatch, os, "open", lambda path: path == str(secret))
    r = run("match", str(secret), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: {secret}: Permission denied", PERMISSION]


def test_an_input_file_this_user_may_not_read_has_a_hint(tmp_path, monkeypatch):
    from grantcheck.batch import inputs

    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl(1))
    deny(monkeypatch, inputs, "open", lambda path: path == str(src))
    r = run("batch", "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: --input {src}: Permission denied", PERMISSION]


def test_an_unreadable_folder_of_dot_is_named_as_its_files_are(tmp_path, monkeypatch):
    """``batch .`` named a locked subfolder ``./locked`` and its files ``a/x.toml``."""
    import contextlib
    import os

    from grantcheck.batch import path_tasks

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.toml").write_text("", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    deny(monkeypatch, os, "scandir", lambda path: path.endswith("locked"))
    with contextlib.chdir(tmp_path):
        assert [t.source for t in path_tasks(["."])] == ["a/x.toml", "locked"]


# --- text that is not UTF-8: an answer piped to init, an option from a Latin-1 terminal --------

NOT_UTF8_HINT = ("Hint: Write it in UTF-8: the terminal, the file or the program it came from "
                 "uses another encoding")


def test_an_option_value_in_latin_1_says_it_is_not_utf8_and_names_the_byte():
    """It said "is not valid Unicode text: it holds a lone surrogate, a character no text has
    (got 'Caf\\udce9')": Python's stand-in for the byte, not what the user typed."""
    from tests.robustness.helpers import cli

    r = cli("init", "-", "--non-interactive", "--set", "company.country=DK", "--set",
            "company.name=Caf\udce9")  # as Python reads the byte 0xE9 of an argument
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == [
        "Error: --set company.name: is not UTF-8 text: it holds the bytes \\xe9, which UTF-8 "
        "text has not (got 'Caf\ufffd')", NOT_UTF8_HINT]


def test_an_answer_piped_to_init_in_latin_1_names_its_bytes_in_order(tmp_path):
    from tests.robustness.helpers import cli

    r = cli("init", str(tmp_path / "a.toml"), "--as-of", AS_OF,
            stdin=b"DK\nAcme \xff\xfe\xff ApS\n")
    assert r.returncode == 2
    assert ("is not UTF-8 text: it holds the bytes \\xff \\xfe, which UTF-8 text has not (got "
            "'Acme \ufffd\ufffd\ufffd ApS')") in r.stderr.decode()


def test_a_lone_surrogate_a_json_escape_wrote_is_said_as_before(tmp_path):
    """The other side: \\ud800 is no byte of another encoding."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"company": {"name": "\\ud800", "country": "DK"}}\n', encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert "it holds a lone surrogate, a character no text has (got '\\ud800')" in r.stderr


# --- a file that is no text: a gzip profile, a workbook, a zipped bulk file, a PDF -------------

ZIP = b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 40


@pytest.mark.parametrize("command", ["match", "validate", "budget"])
def test_a_gzip_profile_says_it_is_gzip(tmp_path, command):
    """It said "p.toml.gz:1: is not UTF-8 text", the hint to save it as UTF-8."""
    src = tmp_path / "p.toml.gz"
    src.write_bytes(gzip.compress((PROFILES / "nordlys-automation.toml").read_bytes()))
    r = run(command, str(src))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        f"Error: {src}: is gzip-compressed: a profile is read as plain TOML",
        "Hint: unpack it first (gunzip -k FILE keeps the .gz)"]


@pytest.mark.parametrize(("data", "what"), [
    (ZIP, "a zip file (a workbook saved as .xlsx or .ods, or a zipped bulk file?), not text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40,
     "an Office document of the old kind (.xls, .doc?), not text"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document, not text")])
def test_a_workbook_given_as_a_profile_says_what_it_is(tmp_path, data, what):
    src = tmp_path / "clients.toml"
    src.write_bytes(data)
    r = run("match", str(src))
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {src}: is {what}", "Hint: a profile is a TOML text file (grantcheck init writes "
        "one); a sheet of many companies saved as CSV (UTF-8) is read by grantcheck batch "
        "--input FILE.csv"]


@pytest.mark.parametrize("fmt", [(), ("--input-format", "csv"), ("--input-format", "jsonl"),
                                 ("--input-format", "bolagsverket")])
@pytest.mark.parametrize("command", ["batch", "shortlist"])
def test_a_workbook_or_a_zipped_bulk_file_given_as_input_says_what_it_is(tmp_path, fmt,
                                                                         command):
    """``clients.xlsx`` said "cannot tell the format", and with --input-format csv "unknown
    column 'PK\\x03\\x04…'" (with jsonl, an error record "is not UTF-8 text"); Bolagsverket's
    bulk file as downloaded, a ZIP, "not Bolagsverket's bulk file: no column …"."""
    src = tmp_path / ("bolagsverket.zip" if "bolagsverket" in fmt else "clients.xlsx")
    src.write_bytes(ZIP)
    r = run(command, "--input", str(src), *fmt, "--as-of", AS_OF)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"Error: --input {src}: is a zip file (a workbook saved as .xlsx or .ods, or a zipped "
        "bulk file?), not text",
        "Hint: unzip a registry's bulk file first (Bolagsverket's weekly file comes as a ZIP of "
        "one text file: unzip FILE.zip); save the sheet as CSV (UTF-8): a header row of the "
        "columns in docs/batch.md and a company per row"]


def test_a_csv_whose_first_name_starts_like_those_is_read(tmp_path):
    """The other side: only the bytes a zip file or a PDF starts with tell one; text that begins
    with the same letters (a header "PK" is no column either, but is said so) is CSV."""
    src = tmp_path / "in.csv"
    src.write_text("name,country\nPK Consult ApS,DK\n%PDF-Partner AB,SE\n", encoding="utf-8")
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 3


# --- shortlist --explain with the ranking's options ---------------------------------------------


@pytest.mark.parametrize(("option", "named"), [(("-f", "csv"), "--format csv"),
                                               (("--top", "3"), "--top 3")])
def test_shortlist_explain_with_an_option_of_the_ranking_is_refused(option, named):
    """--explain showed one company's rules as text, --format csv and --top passed over: a
    script asking for CSV got a text view, exit 0."""
    r = run("shortlist", "--input", str(MIXED), "--explain", "923609016", *option,
            "--as-of", AS_OF)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"Error: {named} goes with the ranking, not --explain (one company's rules, as text)",
        f"Hint: leave out {named.split()[0]}, or --explain for the ranking"]


def test_shortlist_explain_as_a_table_is_shown_as_before():
    r = run("shortlist", "--input", str(MIXED), "--explain", "923609016", "-f", "table",
            "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"FJORDLYS AS (NO) on {AS_OF}:")  # the answer, as match's
    assert "grantcheck — FJORDLYS AS" in r.stdout


@pytest.mark.parametrize(("name", "fmt"), [("mixed_enheter.csv", "brreg-enheter"),
                                           ("bolagsverket.txt", "bolagsverket")])
def test_a_registry_file_given_as_grantchecks_csv_names_its_format(tmp_path, name, fmt):
    """It said "unknown column 'organisasjonsnummer'" with the list of grantcheck's columns as
    the hint; given as JSON Lines it already named the registry."""
    src = ROOT / "tests" / "registry" / "data" / name
    packed = tmp_path / (name + ".gz")
    packed.write_bytes(gzip.compress(src.read_bytes()))
    for given in (src, packed):
        r = run("batch", "--input", str(given), "--input-format", "csv", "--as-of", AS_OF)
        assert r.exit_code == 2
        assert r.stderr.splitlines()[1] == (
            f"Hint: its header names {fmt}'s fields: give --input-format {fmt}, or leave "
            "--input-format out")


# --- a command that is none: in capitals, or help ----------------------------------------------


@pytest.mark.parametrize(("args", "hint"), [
    (("MATCH", "p.toml"), "commands are written in lower case: grantcheck match"),
    (("Batch",), "commands are written in lower case: grantcheck batch"),
    (("help",), "grantcheck -h lists the commands; grantcheck COMMAND -h tells one, e.g. "
                "grantcheck match -h"),
    (("help", "budget"), "grantcheck budget -h tells that command")])
def test_a_command_in_capitals_or_help_gets_a_hint_that_works(args, hint):
    """It said "Hint: see 'grantcheck -h'" of a command written ``MATCH`` (scheme ids,
    countries and currencies are read in any case) and of ``help match``."""
    from tests.robustness.helpers import cli

    r = cli(*args)
    assert r.returncode == 2
    said = r.stderr.decode().splitlines()
    assert said[0].startswith(f"Error: No such command '{args[0]}'.")
    assert said[1:] == [f"Hint: {hint}"]


def test_a_command_typed_wrong_keeps_its_did_you_mean():
    from tests.robustness.helpers import cli

    r = cli("matc")
    assert r.stderr.decode().splitlines() == [
        "Error: No such command 'matc'. Did you mean 'match', 'batch'?",
        "Hint: see 'grantcheck -h'"]


# --- a --profiles folder that cannot be read: each with a hint ---------------------------------


def _answers(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("files", "error", "hint"), [
    ({"a.toml": '[company]\nname = "A"\norg_number = "923609016"\n',
      "b.toml": '[company]\nname = "B"\norg_number = "923 609 016"\n'},
     "b.toml: organisation number 923 609 016 is answered in {folder}/a.toml too",
     "keep one answers file per number: which one is meant cannot be told"),
    ({"x.toml": "[company\n"},
     "x.toml:1:9: cannot be read: TOML syntax error: Expected ']' at the end of a table "
     "declaration", "mend it, or move it out of the folder: every *.toml below it is read"),
    ({"x.toml": '[company]\nname = "A"\n'},
     "x.toml: [company] names no org_number or cvr_number, so it cannot be matched to a "
     "registry unit", "add the unit's org_number or cvr_number under [company], as "
     "outreach's answers files state it")])
@pytest.mark.parametrize("command", ["batch", "shortlist"])
def test_an_answers_folder_that_cannot_be_read_says_what_to_do(tmp_path, files, error, hint,
                                                               command):
    """Each said what was wrong, with no hint."""
    folder = _answers(tmp_path / "ans", files)
    r = run(command, "--input", str(MIXED), "--profiles", str(folder), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: {folder}/" + error.format(folder=folder),
                                     f"Hint: {hint}"]


@pytest.mark.parametrize("exists", [True, False])
def test_profiles_that_is_no_folder_says_what_it_takes(tmp_path, exists):
    given = tmp_path / "answers.toml"
    if exists:
        given.write_text("", encoding="utf-8")
    r = run("shortlist", "--input", str(MIXED), "--profiles", str(given), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --profiles {given}: "  # a file is said as one (twelfth round)
        f"{'is a file, not a folder' if exists else 'no such folder'}",
        "Hint: --profiles takes the folder of answers files (NUMBER.toml), as grantcheck "
        "outreach --out DIR writes them"]


def test_fuzz_any_start_of_an_input_file_is_records_or_an_error(tmp_path):
    """Whatever an --input file starts with (the magic numbers told apart above, grantcheck's
    own output, a byte order mark) and whatever follows, in any format: records or an Error
    naming the file, never an internal error."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    starts = [b"", b"\x1f\x8b", ZIP[:4], b"%PDF-", b"\xd0\xcf\x11\xe0", b"\xef\xbb\xbf",
              b"\xff\xfe", b"source,name,country,currency,evaluation_date,status,",
              b"rank,number,name,country,verdict,", b'{"record":', b'[{"grantcheck_version":',
              b"name,country\n", b'{"company": {"name": "A", "country": "DK"}}\n']
    src = tmp_path / "in.dat"

    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(start=st.sampled_from(starts), rest=st.binary(max_size=200),
           packed=st.booleans(), fmt=st.sampled_from(["jsonl", "csv", "brreg-enheter", "cvr",
                                                      "bolagsverket"]),
           command=st.sampled_from(["batch", "shortlist"]))
    def check(start: bytes, rest: bytes, packed: bool, fmt: str, command: str) -> None:
        data = start + rest
        src.write_bytes(gzip.compress(data) if packed else data)
        r = run(command, "--input", str(src), "--input-format", fmt, "--as-of", AS_OF,
                "-f", "csv")
        assert r.exit_code in (0, 2, 4), r.output
        assert "internal error" not in r.stderr and "Traceback" not in r.output
        if r.exit_code == 2:
            assert r.stderr.startswith("Error: "), r.stderr

    check()


# --- --input naming a link to nothing; batch reading from a closed stdin -----------------------


def test_an_input_link_to_a_missing_file_says_where_it_points(tmp_path):
    link = tmp_path / "latest.jsonl"
    link.symlink_to("export-2026-11.jsonl")
    r = run("batch", "--input", str(link), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --input {link}: is a symbolic link to export-2026-11.jsonl, which does not "
        "exist", "Hint: point the link at the file, or give that file"]


@pytest.mark.parametrize(("args", "said"), [
    (("batch", "--input", "-", "--input-format", "jsonl"),
     ["Error: --input -: standard input is closed (<&-): there is nothing to read",
      "Hint: give the file's name, or send it in: --input - < FILE"]),
    (("batch", "-"), ["Error: -: standard input is closed (<&-): there are no paths to read",
                      "Hint: name the files, or send their paths in: - < LIST"])])
def test_batch_of_a_closed_stdin_says_so_as_match_does(args, said):
    """``batch --input - <&-`` said "there is no stdin to read", no hint; ``batch - <&-``
    "'-' reads paths from stdin, and there is none"."""
    from tests.robustness.test_closed_streams import run_closed

    r = run_closed(0, *args, "--as-of", AS_OF)
    assert r.returncode == 2
    assert r.stderr.decode().splitlines() == said


# --- Ctrl-C in a command that does not handle it itself ----------------------------------------


@pytest.mark.parametrize("command", ["shortlist"])
def test_ctrl_c_while_a_screening_reads_says_interrupted(command):
    """``shortlist`` ended with 130 and no word (typer turns a Ctrl-C into exit 130 in
    silence); match at start-up, batch and outreach said so. The input is a pipe left open,
    so the signal comes while the command reads it (shortlist writes nothing before the end:
    no pipe of its output fills while the test waits)."""
    import os
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "grantcheck.cli", command, "--input", "-", "--input-format",
         "jsonl", "--as-of", AS_OF, "-f", "csv"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdin is not None
    proc.stdin.write(_jsonl(3000))  # 150 KB, more than a pipe holds: written once it reads
    proc.stdin.flush()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    said = err.decode()
    assert proc.returncode == 130, said
    assert said.splitlines()[-1].startswith("Interrupted"), said
    assert "Traceback" not in said
