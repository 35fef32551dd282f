"""What `match` says of a scheme that cannot fit on the date whatever is answered: a call that
has closed does not ask for answers as if they could make it fit, and a scheme with no rules
encoded for the date counts no documents it would need (its documents are not known to hold
then either; --explain and JSON still list them)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from typer.testing import CliRunner

from grantcheck.cli import app
from tests.support import one_line_each

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
BARE = '[company]\nname = "Bare ApS"\ncountry = "DK"\n'


def run(*args: str) -> str:
    with contextlib.chdir(ROOT):
        r = one_line_each(runner.invoke(app, list(args), env={"NO_COLOR": "1",
                                                              "COLUMNS": "100"}))
    assert r.exit_code in (0, 1), r.output  # 1: no scheme fits (README, exit codes)
    return " ".join(r.output.split())


def _bare(tmp_path: Path) -> str:
    path = tmp_path / "bare.toml"
    path.write_text(BARE, encoding="utf-8")
    return str(path)


def test_a_closed_call_says_no_answer_makes_it_fit(tmp_path: Path) -> None:
    # Innobooster People's call closed 2020-12-01: under --all it would need information
    out = run("match", _bare(tmp_path), "--as-of", "2023-06-01", "--all")
    ip = out.split("(dk-innobooster-people): closed (would: needs information)", 1)[1]
    ip = ip.split("): ", 1)[0]  # up to the next scheme's heading
    assert ("The call has closed: no answer makes it fit; to settle what it would have said, "
            "answer these ") in ip
    assert "to settle Innobooster People" not in ip
    # while the call is open, the same profile is asked to settle it
    out = run("match", _bare(tmp_path), "--as-of", "2020-11-15")
    assert "to settle Innobooster People (COVID-19 call):" in out
    assert "The call has closed" not in out


def test_no_documents_are_counted_before_the_rules_start(tmp_path: Path) -> None:
    # Innobooster People's rules are encoded from 2020-07-03 (its page's version 3)
    before = run("match", _bare(tmp_path), "--as-of", "2020-06-01")
    row = before.split("dk-innobooster-people", 1)[1].split("SMV:Digital", 1)[0]
    assert "docs missing" not in row
    assert "Missing documents" not in before.split("(dk-innobooster-people): ", 1)[1].split(
        "(dk-", 1)[0]
    # the date the rules start: the three application documents are counted
    on = run("match", _bare(tmp_path), "--as-of", "2020-07-03")
    assert "3 docs missing" in on.split("dk-innobooster-people", 1)[1].split("SMV:Digital", 1)[0]
    # JSON keeps them before the rules start: nothing is lost
    data = json.loads(run("match", _bare(tmp_path), "--as-of", "2020-06-01", "--format", "json"))
    ip = next(s for s in data["schemes"] if s["id"] == "dk-innobooster-people")
    assert len(ip["missing_documents"]) == 3
