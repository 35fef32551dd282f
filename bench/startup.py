"""Start-up time of `grantcheck` commands against a floor: a minimal two-command Typer app that
prints a Rich table (not a test).

Each installation is given by its virtual environment; the rounds interleave every command of
every installation, so that the machine's drift hits them alike. Prints the median wall time of
each command and its ratio to the floor (run with the first environment's Python), and the load
average before and after (the machine's other work slows both sides, not alike).

The commands: ``match`` of profiles/nordlys-automation.toml (the issue 20 figure; the target is
at most 1.25 times the floor), the same with ``--format json``, the same profile without its
``[budget]`` (which then builds no budget model), and ``budget`` of it against SMV:Digital.

    python bench/startup.py --venv /tmp/venv-before --venv /tmp/venv-after
    python bench/startup.py --venv .venv --rounds 40

Time a regular install (`pip install .`), not an editable one: with PYTHONDONTWRITEBYTECODE set,
an editable install recompiles grantcheck on every run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "nordlys-automation.toml"
AS_OF = "2026-11-23"

FLOOR_APP = '''
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def match(path: str) -> None:
    """Print a small table."""
    table = Table("scheme", "verdict", "amount")
    for i in range(5):
        table.add_row(f"scheme-{i}", "fits", "DKK 100,000")
    Console().print(table)


@app.command()
def other() -> None:
    """A second command, so typer builds a group as grantcheck's does."""


app()
'''

TARGET = 1.25  # issue 20: `match` within 1.25 times the floor

# what any `match` pays that validates its profile with pydantic, run with the first environment's
# Python: the floor's app with one small pydantic model validated (pydantic's own import), and
# with grantcheck's profile models built and the profile validated, as `match` does, before a rule
# runs. They are the lower bounds of `match` while profiles are pydantic models.
PYDANTIC_APP = FLOOR_APP.replace("import typer\n", """import typer
from pydantic import BaseModel


class _Small(BaseModel):
    name: str
    employees: int


_Small.model_validate({"name": "x", "employees": 1})
""", 1)
PROFILE_APP = FLOOR_APP.replace("import typer\n", """import os
import sys

import typer

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as grantcheck's command line
from grantcheck.cli import _plugins

_plugins.stand_in()
from grantcheck.profile import load_profile

load_profile(sys.argv.pop(1))  # the profile, given before the floor's own arguments
""", 1)


def _commands(no_budget: Path) -> dict[str, list[str]]:
    return {
        "--version": ["--version"],
        "match": ["match", str(PROFILE), "--as-of", AS_OF],
        "match --format json": ["match", str(PROFILE), "--as-of", AS_OF, "--format", "json"],
        "match, no [budget]": ["match", str(no_budget), "--as-of", AS_OF],
        "budget": ["budget", str(PROFILE), "--as-of", AS_OF],
    }


def _without_budget(text: str) -> str:
    """The profile's text without its [budget] tables (they come last)."""
    return text[:text.index("\n[budget]")] + "\n"


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--venv", action="append", type=Path, required=True,
                    help="a virtual environment with grantcheck installed (repeat to compare)")
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        floor_py = Path(tmp) / "floor.py"
        floor_py.write_text(FLOOR_APP)
        pydantic_py = Path(tmp) / "floor_pydantic.py"
        pydantic_py.write_text(PYDANTIC_APP)
        profile_py = Path(tmp) / "floor_profile.py"
        profile_py.write_text(PROFILE_APP)
        first_py = str(args.venv[0] / "bin" / "python")
        no_budget = Path(tmp) / "no-budget.toml"
        no_budget.write_text(_without_budget(PROFILE.read_text(encoding="utf-8")),
                             encoding="utf-8")
        runs: dict[str, list[str]] = {
            "floor (typer + rich table)": [first_py, str(floor_py), "match", "x"],
            "floor + a pydantic model": [first_py, str(pydantic_py), "match", "x"],
            "floor + the profile validated": [first_py, str(profile_py), str(PROFILE), "match",
                                              "x"],
        }
        for venv in args.venv:
            for name, cmd in _commands(no_budget).items():
                runs[f"{venv.name}: {name}"] = [str(venv / "bin" / "grantcheck"), *cmd]
        times: dict[str, list[float]] = {name: [] for name in runs}
        load_before = os.getloadavg()
        for cmd in runs.values():  # one warm-up each
            _time(cmd)
        for _ in range(args.rounds):
            for name, cmd in runs.items():
                times[name].append(_time(cmd))
    floor = statistics.median(times["floor (typer + rich table)"])
    load = " ".join(f"{x:.2f}" for x in load_before)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"start-up, median of {args.rounds} interleaved rounds ({sys.platform}, "
          f"{os.cpu_count()} cores; load average {load} before, {load_after} after)")
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"{name:<45} {median * 1000:7.0f} ms  {median / floor:5.2f}x floor")
    print(f"target: match at most {TARGET}x floor")


if __name__ == "__main__":
    main()
