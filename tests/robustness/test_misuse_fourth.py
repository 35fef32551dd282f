"""Misuse, fourth round: what the user wrote is never replaced in silence, odd files and values
end in an Error line naming them; through typer's CliRunner, stdout and stderr apart."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "tests" / "registry" / "data" / "enheter.csv"
AS_OF = "2026-11-23"
runner = CliRunner()


def run(*args: str, env: dict[str, str | None] | None = None):
    """The command run as a script reads it: no COLUMNS (stderr not wrapped) unless given."""
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": None, **(env or {})})


# --- outreach --force over a pack whose answers files were filled in -------------------------


def _pack(out: Path, *args: str):
    return run("outreach", "--input", str(REGISTRY), "--as-of", AS_OF, "--out", str(out), *args)


def _filled(out: Path) -> tuple[Path, str]:
    """A pack in ``out`` with one answers file filled in: the file and its text."""
    _pack(out)
    answers = out / "923609016.toml"
    text = answers.read_text().replace("# employees_fte = \n", "employees_fte = 7  # ours\n")
    assert "employees_fte = 7" in text
    answers.write_text(text)
    return answers, text


def test_outreach_force_keeps_an_answers_file_that_was_filled_in(tmp_path):
    """`outreach … --out pack --force` again, to refresh a pack whose answers a company had sent
    back, replaced the filled-in NUMBER.toml with empty questions: the answers were lost."""
    answers, text = _filled(tmp_path / "pack")
    r = _pack(tmp_path / "pack", "--force")
    assert r.exit_code == 2, r.stderr
    assert answers.read_text() == text
    assert (f"Error: --out {tmp_path / 'pack'}: kept {answers}: it holds answers the new pack "
            "would drop (company.employees_fte)") in r.stderr
    assert f"Hint: give --profiles {tmp_path / 'pack'} to carry them into the new pack" in r.stderr
    assert (tmp_path / "pack" / "summary.md").exists()  # the rest of the pack is written


def test_outreach_force_with_the_pack_as_profiles_carries_the_answers_over(tmp_path):
    answers, _ = _filled(tmp_path / "pack")
    r = _pack(tmp_path / "pack", "--force", "--profiles", str(tmp_path / "pack"))
    assert r.exit_code in (0, 4), r.stderr
    assert "\nemployees_fte = 7\n" in answers.read_text()


def test_outreach_force_replaces_an_answers_file_left_as_written(tmp_path):
    _pack(tmp_path / "pack")
    r = _pack(tmp_path / "pack", "--force", "--as-of", "2026-11-24")
    assert r.exit_code in (0, 4), r.stderr
    assert "screened on 2026-11-24" in (tmp_path / "pack" / "923609016.toml").read_text()


def test_outreach_force_keeps_an_answers_file_that_is_no_longer_toml(tmp_path):
    """Half-edited (a syntax error): it may hold answers, so it is kept too."""
    answers, _ = _filled(tmp_path / "pack")
    answers.write_text(answers.read_text() + "owners_fte = \n")
    r = _pack(tmp_path / "pack", "--force")
    assert r.exit_code == 2, r.stderr
    assert "owners_fte = \n" in answers.read_text()
    assert f"kept {answers}: it cannot be read as TOML (line " in r.stderr


def test_batch_output_into_the_answers_folder_is_refused(tmp_path):
    """`batch --input FILE --profiles pack -o pack/NUMBER.toml --force` wrote the records over
    a filled-in answers file, which the batch itself reads (and would read back next time)."""
    answers, text = _filled(tmp_path / "pack")
    r = run("batch", "--input", str(REGISTRY), "--profiles", str(tmp_path / "pack"), "--as-of",
            AS_OF, "-o", str(answers), "--force")
    assert r.exit_code == 2, r.stderr
    assert answers.read_text() == text
    assert (f"Error: --output {answers}: is inside the input folder {tmp_path / 'pack'}, where "
            "every *.toml is read as a profile") in r.stderr


# --- batch -: a list of paths separated by NUL characters (find -print0) --------------------


def test_batch_reads_a_list_of_paths_separated_by_nul(tmp_path):
    """`find … -print0 | grantcheck batch -` was one path with NULs in it: "internal error:
    ValueError: embedded null byte" (exit 3 for the record). Paths hold no NUL: it separates
    them, as a line end does."""
    profiles = ROOT / "profiles"
    listed = f"{profiles / 'nordlys-automation.toml'}\0{profiles / 'kvantia-startup.toml'}\0"
    r = runner.invoke(app, ["batch", "-", "-f", "csv", "--as-of", AS_OF], input=listed,
                      env={"NO_COLOR": "1"})
    assert r.exit_code in (0, 1), r.stderr
    assert "internal error" not in r.stderr
    rows = r.stdout.splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == [
        str(profiles / "nordlys-automation.toml"), str(profiles / "kvantia-startup.toml")]


# --- a table written as a list of tables ([[company]]) -----------------------------------------


def test_a_table_written_as_a_list_of_tables_names_its_line_and_the_fix(tmp_path):
    """`[[company]]` said "company: must be a table of fields (got a list)", with no line and
    no hint."""
    path = tmp_path / "p.toml"
    path.write_text('# a profile\n\n[[company]]\nname = "A"\ncountry = "DK"\n')
    r = run("match", str(path), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert f"Error: {path}:3: company: must be a table of fields (got a list)" in r.stderr
    assert "Hint: [[company]] starts a list of tables: write [company] for the one table" in (
        r.stderr)


def test_a_sub_table_written_as_a_list_of_tables_names_its_line(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[company]\nname = "A"\ncountry = "DK"\n\n[[company.previous_year]]\n'
                    'staff = 3\n')
    r = run("validate", str(path))
    assert r.exit_code == 2, r.stderr
    assert f"Error: {path}:5: company.previous_year: must be a table of fields" in r.stderr
    assert "Hint: [[company.previous_year]] starts a list of tables: write " in r.stderr


# --- a profile that is a folder, or UTF-16 text -------------------------------------------------


def test_a_folder_given_as_a_profile_hints_batch(tmp_path):
    """`match FOLDER` said only "is a directory, not a profile"."""
    r = run("match", str(tmp_path), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert r.stderr == (f"Error: {tmp_path}: is a directory, not a profile\n"
                        f"Hint: give a profile's file (TOML); grantcheck batch {tmp_path} checks "
                        "every *.toml in it\n")


def test_a_utf16_profile_is_said_to_be_utf16(tmp_path):
    """Saved as "Unicode" by Windows' Notepad: it said only "is not UTF-8 text" at line 1."""
    path = tmp_path / "p.toml"
    path.write_bytes('[company]\r\nname = "A"\r\n'.encode("utf-16"))
    r = run("match", str(path), "--as-of", AS_OF)
    assert r.exit_code == 2, r.stderr
    assert r.stderr == (f"Error: {path}: is UTF-16 text (it starts with a UTF-16 byte order "
                        "mark), not UTF-8\nHint: save the file as UTF-8 (iconv -f UTF-16 -t "
                        f"UTF-8 {path} > NEW writes it so)\n")
