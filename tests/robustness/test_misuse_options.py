"""Misuse, second round: options given wrong (types, ranges, twice), odd environments, odd
files; through typer's CliRunner, stdout and stderr apart."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import one_line_each

ROOT = Path(__file__).resolve().parents[2]
NORDLYS = str(ROOT / "profiles" / "nordlys-automation.toml")
AS_OF = "2026-11-01"
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return one_line_each(runner.invoke(app, list(args), input=stdin,
                                       env={"NO_COLOR": "1", "COLUMNS": "120", **(env or {})}))


def test_a_huge_columns_is_held_to_a_thousand():
    """COLUMNS=99999999999999999999 stopped `show` and `budget` with an internal error
    (OverflowError) and `match --explain` with a MemoryError; 10,000,000 ran for minutes."""
    for args in (("show", "dk-smv-digital"), ("budget", NORDLYS, "--as-of", AS_OF),
                 ("match", NORDLYS, "--as-of", AS_OF, "--explain")):
        r = run(*args, env={"COLUMNS": "99999999999999999999"})
        assert r.exit_code in (0, 1), r.output
        assert max(len(line) for line in r.stdout.splitlines()) <= 1000


def test_an_output_ending_in_a_slash_is_a_folder_not_a_file(tmp_path):
    """`batch -o out/`, `schema -o out/` and `init out/` with no folder `out` wrote a file
    named `out`."""
    out = f"{tmp_path}/out/"
    for args, example in ((("batch", NORDLYS, "--as-of", AS_OF, "-f", "csv", "-o", out),
                           "fits.csv"), (("schema", "-o", out), "profile.schema.json")):
        r = run(*args)
        assert (r.exit_code, r.stderr) == (2, f"Error: --output {out}: names a folder (it ends "
                                           f"in /)\nHint: give a file name, e.g. "
                                           f"{tmp_path}/out/{example}\n")
    r = run("init", out, "--non-interactive", "--set", "company.name=X", "--set",
            "company.country=DK")
    assert (r.exit_code, r.stderr) == (2, f"Error: {out}: names a folder (it ends in /)\n"
                                       f"Hint: give a file name, e.g. {tmp_path}/out/"
                                       "profile.toml\n")
    assert list(tmp_path.iterdir()) == []


def test_an_output_in_a_missing_folder_names_it_before_any_work(tmp_path):
    out = tmp_path / "no" / "deeper" / "s.json"
    r = run("schema", "-o", str(out))
    assert (r.exit_code, r.stderr) == (2, f"Error: --output {out}: the folder {out.parent} does "
                                       f"not exist\nHint: make it first (mkdir -p {out.parent}), "
                                       "or give a path in a folder that exists\n")


def test_an_output_under_a_file_names_the_file(tmp_path):
    (tmp_path / "a.toml").write_text("", encoding="utf-8")
    out = tmp_path / "a.toml" / "x" / "fits.csv"
    r = run("batch", NORDLYS, "--as-of", AS_OF, "-f", "csv", "-o", str(out))
    assert (r.exit_code, r.stderr) == (2, f"Error: --output {out}: {tmp_path / 'a.toml'} is a "
                                       "file, not a folder\nHint: give a path whose folders "
                                       "exist\n")


def test_init_refuses_an_empty_path():
    """`init ''` said "Error: : is a folder" (the working directory)."""
    r = run("init", "", "--non-interactive", "--set", "company.name=X", "--set",
            "company.country=DK")
    assert (r.exit_code, r.stderr) == (2, "Error: init: an empty path ('')\nHint: give a file "
                                       "name, e.g. profile.toml; - for stdout\n")


def test_a_budget_line_of_minus_zero_is_shown_as_zero(tmp_path):
    p = tmp_path / "b.toml"
    p.write_text('[budget]\nscheme = "dk-smv-digital"\ntier = "t100"\n[[budget.lines]]\n'
                 'category = "consultancy"\namount = -0.0\n', encoding="utf-8")
    r = run("budget", str(p), "--as-of", AS_OF)
    assert r.exit_code == 1 and "DKK -0" not in r.stdout and "DKK 0 " in r.stdout


def test_an_empty_profile_is_told_what_a_profile_starts_with(tmp_path):
    p = tmp_path / "empty.toml"
    p.write_text("", encoding="utf-8")
    r = run("validate", str(p))
    assert (r.exit_code, r.stderr) == (
        2, f"Error: {p}: is empty\n"  # misuse9: "company: required field is missing"
        'Hint: a profile starts with a [company] table: name = "Nordlys Automation ApS" and '
        'country = "DK" under it at least (grantcheck init writes one); a shell\'s > FILE '
        "empties FILE before the command runs: was it the output of a command that read it?\n"
        "1 of 1 profile has problems.\n")


def test_a_missing_field_is_hinted_with_its_example(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[company]\nname = "X"\ncountry = "DK"\n[[employees]]\nhours = 5\n',
                 encoding="utf-8")
    r = run("match", str(p), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert (f"Error: {p}:4: employees[0].name: required field is missing\n"
            'Hint: Add name = "Ida Holm" (for example) under that [[employees]]\n') in r.stderr


def test_a_company_field_written_before_any_table_is_pointed_to_company(tmp_path):
    """`name = …` at the top of the file: several tables have a name, [company] is meant."""
    p = tmp_path / "p.toml"
    p.write_text('name = "X"\n[company]\ncountry = "DK"\n', encoding="utf-8")
    r = run("validate", str(p))
    assert (f"Error: {p}:1: name: unknown field\n"
            "Hint: [company] has a field name: move it there\n") in r.stderr


def test_init_refuses_a_folder_it_cannot_write_before_asking(tmp_path, monkeypatch):
    """An interactive init in a read-only folder asked every question, then could write
    neither the profile nor a draft: every answer was lost. (Tests run as root, who may write
    anywhere: the folder's permission is stood in for.)"""
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(tmp_path) else
                        real(p, mode))
    r = run("init", str(tmp_path / "p.toml"), "--as-of", AS_OF, stdin="DK\nAcme ApS\n")
    assert (r.exit_code, r.stderr) == (
        2, f"Error: {tmp_path / 'p.toml'}: the folder {tmp_path} cannot be written to "
        "(permission denied)\nHint: give a path in a folder you can write to, or - for stdout\n")
    r = run("batch", NORDLYS, "--as-of", AS_OF, "-f", "csv", "-o", str(tmp_path / "x.csv"))
    assert r.exit_code == 2 and r.stderr.startswith(
        f"Error: --output {tmp_path / 'x.csv'}: the folder {tmp_path} cannot be written to")


def test_init_that_cannot_write_at_the_end_puts_the_profile_on_stdout(tmp_path, monkeypatch):
    """A full disk when the answers are in: the profile goes to stdout, not lost."""
    import errno

    import grantcheck.atomic

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(grantcheck.atomic, "write_text_atomic", full)
    p = tmp_path / "p.toml"
    r = run("init", str(p), "--non-interactive", "--set", "company.name=Acme ApS", "--set",
            "company.country=DK", "--as-of", AS_OF)
    assert (r.exit_code, r.stderr) == (
        2, f"Error: {p}: cannot write: No space left on device; the profile is on stdout "
        "instead, so that no answer is lost\nHint: save it to a file: grantcheck init - > FILE "
        "writes it there the next time\n")
    assert 'name = "Acme ApS"' in r.stdout and not p.exists()


ENHETER = str(ROOT / "tests" / "registry" / "data" / "enheter.csv")


def test_answers_folder_with_a_folder_named_toml_is_read_past_it(tmp_path):
    """`--profiles DIR` with a folder `old.toml` inside stopped the whole run with
    "cannot be read: [Errno 21] Is a directory: '…/old.toml'"; batch skips such a folder."""
    (tmp_path / "old.toml").mkdir()
    r = run("shortlist", "-i", ENHETER, "--as-of", AS_OF, "-f", "csv", "--profiles",
            str(tmp_path))
    assert r.exit_code == 4 and "Errno" not in r.stderr and r.stdout.startswith("rank,")


def test_answers_that_are_not_utf8_are_said_in_words(tmp_path):
    (tmp_path / "a.toml").write_bytes(b'[company]\nname = "T\xe6st"\n')
    r = run("shortlist", "-i", ENHETER, "--as-of", AS_OF, "--profiles", str(tmp_path))
    assert (r.exit_code, r.stderr) == (2, f"Error: {tmp_path / 'a.toml'}:2: cannot be read: is "
                                       "not UTF-8 text\nHint: save the file as UTF-8\n")


def test_an_answers_folder_that_does_not_exist_is_said_so(tmp_path):
    r = run("shortlist", "-i", ENHETER, "--as-of", AS_OF, "--profiles", str(tmp_path / "no"))
    assert (r.exit_code, r.stderr) == (2, f"Error: --profiles {tmp_path / 'no'}: no such "
                                       "folder\nHint: --profiles takes the folder of answers "
                                       "files (NUMBER.toml), as grantcheck outreach --out DIR "
                                       "writes them\n")


def test_an_option_that_goes_with_another_is_not_passed_over():
    """`--detail full` with a table, `--input-format csv` or `--profiles` with TOML files and
    `schemes --catalogue -f table` were ignored in silence."""
    cases = {
        ("batch", NORDLYS, "--detail", "full"):
            "Error: --detail full goes with --format jsonl or json (got --format table)\n"
            "Hint: give --format jsonl or json, or leave out --detail\n",
        ("batch", NORDLYS, "--input-format", "csv"):
            "Error: --input-format csv goes with --input FILE\nHint: profiles given as "
            "arguments are TOML files; give the file with --input, or leave out --input-format\n",
        ("batch", NORDLYS, "--profiles", str(ROOT / "profiles")):
            "Error: --profiles answers a registry's units: it goes with --input FILE\n"
            "Hint: give the registry file with --input (docs/registries.md)\n",
        ("schemes", "--catalogue", "-f", "table"):
            "Error: --catalogue is JSON: --format table does not go with it\n"
            "Hint: leave out --format (or give --format json)\n",
    }
    for args, said in cases.items():
        r = run(*args, "--as-of", AS_OF)
        assert (r.exit_code, r.stdout, r.stderr) == (2, "", said), args
    r = run("schemes", "--catalogue", "-f", "json", "--as-of", AS_OF)
    assert r.exit_code == 0 and r.stdout.startswith("{")


def test_init_writes_a_name_with_control_characters_as_readable_toml():
    """A name with a line break or an ESC went raw into the header comment: the written text
    was no TOML ("Error: <written profile>:2:5: TOML syntax error")."""
    import tomllib

    r = run("init", "-", "--non-interactive", "--set", "company.country=DK", "--set",
            "company.name=Acme\nApS\x1b[31m")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout.startswith("# grantcheck profile: Acme\\x0aApS\\x1b[31m (DK)\n")
    assert tomllib.loads(r.stdout)["company"]["name"] == "Acme\nApS\x1b[31m"


def test_an_outreach_answers_file_of_a_name_with_an_esc_is_toml(tmp_path):
    """A registry name with an ESC went raw into the answers file's first comment: TOML
    allows no control character there, so the file could not be read back (--profiles)."""
    import tomllib

    extract = tmp_path / "r.csv"
    extract.write_text('name,country,cvr_number\n"Acme ApS\x1b",DK,38492716\n', encoding="utf-8")
    r = run("outreach", "-i", str(extract), "--as-of", AS_OF, "-o", str(tmp_path / "pack"))
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "pack" / "38492716.toml").read_text(encoding="utf-8")
    assert text.startswith("# Answers for Acme ApS\\x1b (38492716)")
    tomllib.loads(text)
