"""Issue 19, part 5: batch on a terminal. The progress bar never mixes with records written to
the same terminal, and --output ends with a line saying what was written where."""

from __future__ import annotations

from typer.testing import CliRunner

from grantcheck.cli import app
from tests.robustness.helpers import AS_OF, PROFILES, cli


def test_no_progress_bar_when_the_records_go_to_the_terminal(monkeypatch):
    from grantcheck.cli import batch as cli_batch

    monkeypatch.setattr(cli_batch, "_stderr_is_terminal", lambda: True)
    monkeypatch.setattr(cli_batch, "_stdout_is_terminal", lambda: True)
    r = CliRunner().invoke(app, ["batch", str(PROFILES), "-f", "csv", "--as-of", AS_OF],
                           env={"NO_COLOR": "1"})
    assert r.exit_code == 0
    assert "profiles checked" not in r.stderr


def test_output_ends_with_what_was_written_where(tmp_path):
    out = tmp_path / "fits.csv"
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a.toml").write_bytes((PROFILES / "nordlys-automation.toml").read_bytes())
    (bad / "b.toml").write_text("[company]\n", encoding="utf-8")
    r = cli("batch", str(bad), "-o", str(out), "-f", "csv", "--as-of", AS_OF)
    assert r.returncode == 4
    assert r.stderr.decode().endswith(f"Wrote 2 records to {out} (1 failed).\n")


def test_a_nul_in_a_csv_cell_is_refused_not_copied(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("name,country\nAc\x00me,DK\n", encoding="utf-8")
    r = cli("batch", "--input", str(p), "-f", "csv", "--as-of", AS_OF, "-j", "1")
    assert r.returncode == 4
    assert b"\x00" not in r.stdout
    assert b"r.csv:2: contains a NUL character" in r.stderr
