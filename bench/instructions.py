"""Instructions per profile of batch's worker, counted by valgrind (not a test).

A timing on a shared machine moves by 10 % from run to run, which hides a change of 2 %. The
number of instructions the CPU executes does not move: this runs one batch worker (JSON Lines
in, CSV rows out, the `--format csv` path) in-process on seeded generated profiles under
valgrind's callgrind, once with N profiles and once with none (the same start-up, imports and
warm-up), and prints the difference divided by N. Use it to compare two versions of the code;
the bench (bench/bench.py) gives the profiles per second.

    python bench/instructions.py              # 1,000 profiles: about a minute
    python bench/instructions.py -n 300 --output json

Needs valgrind (`apt install valgrind`). PYTHONHASHSEED is fixed, so two runs of the same code
count the same to about 0.1 %.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # bench/ is not a package: found through the path set above

WARM_UP = 300  # profiles checked before counting starts: the rule orders settle, caches fill

# run inside valgrind: check WARM_UP profiles, then `count` more in chunks as the worker does
_CHILD = """
import datetime, sys
from grantcheck.batch import Options, Worker, jsonl_tasks
path, count, warm, output = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
worker = Worker(Options(as_of=datetime.date(2026, 11, 23), output=output))
with open(path, "rb") as fh:
    tasks = list(jsonl_tasks(fh, "bench.jsonl"))
worker.run(tasks[:warm])
for i in range(warm, warm + count, 256):
    worker.run(tasks[i:min(i + 256, warm + count)])
"""


def _count(path: Path, n: int, output: str) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", _CHILD, str(path), str(n), str(WARM_UP), output],
        capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        sys.exit(f"valgrind run failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="profiles counted (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", choices=["csv", "json"], default="csv",
                        help="what the worker writes: csv (verdicts only) or json (full)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        generate.write_jsonl(path, WARM_UP + args.n, args.seed)
        without = _count(path, 0, args.output)
        with_n = _count(path, args.n, args.output)
    per = (with_n - without) / args.n
    print(f"{per / 1000:,.1f} thousand instructions per profile ({args.output} output, "
          f"{args.n:,} profiles, seed {args.seed})")


if __name__ == "__main__":
    main()
