"""Benchmark of `grantcheck batch`: profiles per second and peak memory (not a test).

Generates seeded random profiles (bench/generate.py), runs the real command line on them in a
child process, end to end (start-up, reading, checking, writing the output to a file), and
prints the wall time, profiles per second and the peak resident memory of the whole process
tree (the main process plus its workers, sampled every 20 ms from /proc; Linux only).

    python bench/bench.py                      # 10,000 TOML files, 100,000 JSON Lines
    python bench/bench.py --big 1000000        # and 1,000,000 JSON Lines, for flat memory
    python bench/bench.py --toml 0 --jsonl 0 --jsonl-out 0 --table 1000000   # the table's memory

Runs: TOML files in folders -> csv; JSON Lines -> csv; JSON Lines -> jsonl (full match
records, a smaller N: each record is tens of kilobytes); with --big, N JSON Lines -> csv; with
--table, N JSON Lines -> table and, paired in the same run, the same N -> csv (the table's peak
memory should be no more than the csv's, whatever N).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # bench/ is not a package: found through the path set above
import registry  # the Enhetsregisteret CSV generator, bench/registry.py

AS_OF = "2026-11-23"


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """(sum over the process tree, largest single process) of resident memory, in kB."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += _children(p)
    sizes = [_rss_kb(p) for p in pids]
    return sum(sizes), max(sizes, default=0)


@dataclass
class Result:
    name: str
    n: int
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    output_mb: float
    exit_code: int

    def line(self) -> str:
        return (f"{self.name:<34} {self.n:>9,} {self.seconds:>8.2f} s "
                f"{self.n / self.seconds:>9,.0f}/s {self.peak_tree_mb:>8.0f} MB "
                f"{self.peak_process_mb:>8.0f} MB {self.output_mb:>9.1f} MB  exit {self.exit_code}")


def measure(name: str, n: int, args: list[str], out: Path) -> Result:
    cmd = [sys.executable, "-m", "grantcheck.cli", "batch", *args, "--as-of", AS_OF]
    peak = [0, 0]
    with out.open("wb") as fh:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                tree, single = _tree_rss_kb(proc.pid)
                peak[0], peak[1] = max(peak[0], tree), max(peak[1], single)
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    if proc.returncode not in (0, 4):
        sys.stderr.write(err.decode(errors="replace"))
    return Result(name, n, seconds, peak[0] / 1024, peak[1] / 1024, out.stat().st_size / 2**20,
                  proc.returncode)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--toml", type=int, default=10_000, help="TOML profiles (0: skip)")
    ap.add_argument("--jsonl", type=int, default=100_000, help="JSON Lines profiles (0: skip)")
    ap.add_argument("--jsonl-out", type=int, default=10_000,
                    help="JSON Lines profiles written as jsonl records (0: skip)")
    ap.add_argument("--big", type=int, default=0, help="a large JSON Lines run, e.g. 1000000")
    ap.add_argument("--table", type=int, default=0,
                    help="N JSON Lines as a table, and as csv to compare (0: skip)")
    ap.add_argument("--brreg", type=int, default=0,
                    help="an Enhetsregisteret enheter CSV of this many units (0: skip)")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs for batch (default: cores)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="where to generate (default: a "
                    "temporary folder, removed afterwards)")
    args = ap.parse_args()
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp_name:
        tmp = Path(tmp_name)
        print(f"grantcheck batch benchmark: {os.cpu_count()} cores, "
              f"jobs {args.jobs or 'default (cores)'}, seed {args.seed}")
        print(f"{'run':<34} {'profiles':>9} {'wall':>10} {'rate':>11} {'peak tree':>11} "
              f"{'largest':>11} {'output':>12}")
        n_lines = max(args.jsonl, args.jsonl_out)
        if n_lines:
            generate.write_jsonl(tmp / "profiles.jsonl", n_lines, args.seed)
        runs: list[tuple[str, int, Callable[[], list[str]], str]] = [
            ("TOML files -> csv", args.toml, lambda: [_toml_folder(tmp, args)], "csv"),
            ("JSON Lines -> csv", args.jsonl,
             lambda: ["--input", _head(tmp, args.jsonl)], "csv"),
            ("JSON Lines -> jsonl (full records)", args.jsonl_out,
             lambda: ["--input", _head(tmp, args.jsonl_out)], "jsonl"),
            ("JSON Lines -> csv (big)", args.big, lambda: ["--input", _big(tmp, args)], "csv"),
            ("JSON Lines -> table", args.table, lambda: ["--input", _table(tmp, args)],
             "table"),
            ("JSON Lines -> csv (same as table)", args.table,
             lambda: ["--input", _table(tmp, args)], "csv"),
            ("brreg enheter CSV -> csv", args.brreg, lambda: ["--input", _brreg(tmp, args)],
             "csv"),
        ]
        for name, n, inputs, fmt in runs:
            if n:
                result = measure(name, n, [*inputs(), "--format", fmt, *jobs], tmp / f"out.{fmt}")
                print(result.line(), flush=True)


def _toml_folder(tmp: Path, args: argparse.Namespace) -> str:
    folder = tmp / "toml"
    generate.write_toml_folder(folder, args.toml, args.seed)
    return str(folder)


def _big(tmp: Path, args: argparse.Namespace) -> str:
    big = tmp / "big.jsonl"
    generate.write_jsonl(big, args.big, args.seed + 1)
    return str(big)


def _table(tmp: Path, args: argparse.Namespace) -> str:
    """The --table input, generated once for the table and the csv run."""
    path = tmp / "table.jsonl"
    if not path.exists():
        generate.write_jsonl(path, args.table, args.seed + 2)
    return str(path)


def _brreg(tmp: Path, args: argparse.Namespace) -> str:
    path = tmp / "enheter.csv"
    registry.write_file(path, args.brreg, args.seed)
    return str(path)


def _head(tmp: Path, n: int) -> str:
    """The first n lines of the generated JSON Lines file (the file itself when it has n)."""
    path = tmp / "profiles.jsonl"
    out = tmp / f"head{n}.jsonl"
    with path.open("rb") as src, out.open("wb") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return str(out)


if __name__ == "__main__":
    main()
