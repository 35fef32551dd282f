"""Benchmark of `grantcheck batch`: profiles per second and peak memory (not a test).

Generates seeded random profiles (bench/generate.py), runs the real command line on them in a
child process, end to end (start-up, reading, checking, writing the output to a file), and
prints the wall time, profiles per second and the peak resident memory of the whole process
tree (the main process plus its workers, sampled every 20 ms from /proc; Linux only).

    python bench/bench.py                      # 10,000 TOML files, 100,000 JSON Lines
    python bench/bench.py --big 1000000        # and 1,000,000 JSON Lines, for flat memory
    python bench/bench.py --python /tmp/venv-before/bin/python   # and another install, paired
    python bench/bench.py --toml 0 --jsonl 0 --jsonl-out 0 --speedup 0 --table 1000000

Runs: TOML files in folders -> csv and -> jsonl (compact records); JSON Lines -> csv and ->
jsonl (compact); JSON Lines -> jsonl with --detail full (match's records, a smaller N: each is
hundreds of kilobytes); the example profiles -> jsonl, for the bytes per compact record; JSON
Lines -> jsonl with --jobs 1 and with --jobs 2, for the speed-up (--speedup N); and with --big,
N JSON Lines -> csv; with --table, N JSON Lines -> table and, paired in the same run, the same
N -> csv (the table's peak memory should be no more than the csv's, whatever N). With --python,
each run is made with each interpreter in turn (its own grantcheck install), one after the
other, so that a comparison shares the machine's load; an install without --detail writes its
full records for the compact runs (what jsonl was).
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
ROOT = Path(__file__).resolve().parent.parent


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
    output_bytes: int
    exit_code: int

    @property
    def rate(self) -> float:
        return self.n / self.seconds

    def line(self) -> str:
        return (f"{self.name:<44} {self.n:>9,} {self.seconds:>8.2f} s "
                f"{self.rate:>9,.0f}/s {self.peak_tree_mb:>8.0f} MB "
                f"{self.peak_process_mb:>8.0f} MB {self.output_bytes / 2**20:>9.1f} MB "
                f"{self.output_bytes / self.n:>9,.0f} B  exit {self.exit_code}")


def has_detail(python: str) -> bool:
    """Whether the grantcheck of ``python`` knows --detail (the compact record, issue 20)."""
    run = subprocess.run([python, "-m", "grantcheck.cli", "batch", "--help"],
                         capture_output=True, text=True, check=False)
    return "--detail" in run.stdout


def measure(name: str, n: int, args: list[str], out: Path,
            python: str = sys.executable) -> Result:
    cmd = [python, "-m", "grantcheck.cli", "batch", *args, "--as-of", AS_OF]
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
    return Result(name, n, seconds, peak[0] / 1024, peak[1] / 1024, out.stat().st_size,
                  proc.returncode)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--toml", type=int, default=10_000, help="TOML profiles (0: skip)")
    ap.add_argument("--jsonl", type=int, default=100_000, help="JSON Lines profiles (0: skip)")
    ap.add_argument("--jsonl-out", type=int, default=2_000,
                    help="JSON Lines profiles written as full jsonl records (0: skip)")
    ap.add_argument("--speedup", type=int, default=20_000,
                    help="JSON Lines profiles written as compact jsonl with --jobs 1 and 2 "
                    "(0: skip)")
    ap.add_argument("--python", action="append", default=[],
                    help="also run each case with this interpreter's grantcheck (repeatable)")
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
    pythons = [sys.executable, *args.python]
    detail = {p: has_detail(p) for p in pythons}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp_name:
        tmp = Path(tmp_name)
        print(f"grantcheck batch benchmark: {os.cpu_count()} cores, "
              f"jobs {args.jobs or 'default (cores)'}, seed {args.seed}; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for i, p in enumerate(pythons):
            print(f"  [{i}] {p}{'' if detail[p] else ' (no --detail: jsonl is full records)'}")
        print(f"{'run':<44} {'profiles':>9} {'wall':>10} {'rate':>11} {'peak tree':>11} "
              f"{'largest':>11} {'output':>12} {'per record':>11}")
        n_lines = max(args.jsonl, args.jsonl_out, args.speedup)
        if n_lines:
            generate.write_jsonl(tmp / "profiles.jsonl", n_lines, args.seed)
        toml = (lambda: [_toml_folder(tmp, args)]) if args.toml else list
        examples = sorted(str(p) for p in (ROOT / "profiles").glob("*.toml"))
        compact = ["--detail", "compact"]
        runs: list[tuple[str, int, Callable[[], list[str]], list[str]]] = [
            ("TOML files -> csv", args.toml, toml, ["--format", "csv", *jobs]),
            ("TOML files -> jsonl (compact)", args.toml, toml,
             ["--format", "jsonl", *compact, *jobs]),
            ("JSON Lines -> csv", args.jsonl,
             lambda: ["--input", _head(tmp, args.jsonl)], ["--format", "csv", *jobs]),
            ("JSON Lines -> jsonl (compact)", args.jsonl,
             lambda: ["--input", _head(tmp, args.jsonl)], ["--format", "jsonl", *compact, *jobs]),
            ("JSON Lines -> jsonl (--detail full)", args.jsonl_out,
             lambda: ["--input", _head(tmp, args.jsonl_out)],
             ["--format", "jsonl", "--detail", "full", *jobs]),
            ("profiles/ -> jsonl (compact): bytes/record", len(examples), lambda: examples,
             ["--format", "jsonl", *compact, "--jobs", "1"]),
            ("JSON Lines -> jsonl (compact), --jobs 1", args.speedup,
             lambda: ["--input", _head(tmp, args.speedup)],
             ["--format", "jsonl", *compact, "--jobs", "1"]),
            ("JSON Lines -> jsonl (compact), --jobs 2", args.speedup,
             lambda: ["--input", _head(tmp, args.speedup)],
             ["--format", "jsonl", *compact, "--jobs", "2"]),
            ("JSON Lines -> csv (big)", args.big, lambda: ["--input", _big(tmp, args)],
             ["--format", "csv", *jobs]),
            ("JSON Lines -> table", args.table, lambda: ["--input", _table(tmp, args)],
             ["--format", "table", *jobs]),
            ("JSON Lines -> csv (same as table)", args.table,
             lambda: ["--input", _table(tmp, args)], ["--format", "csv", *jobs]),
            ("brreg enheter CSV -> csv", args.brreg, lambda: ["--input", _brreg(tmp, args)],
             ["--format", "csv", *jobs]),
        ]
        rates: dict[tuple[str, int], float] = {}
        for name, n, inputs, flags in runs:
            if not n:
                continue
            given = inputs()
            for i, p in enumerate(pythons):
                used = flags if detail[p] else _without_detail(flags)
                result = measure(f"{name} [{i}]", n, [*given, *used], tmp / "out", p)
                rates[(name, i)] = result.rate
                print(result.line(), flush=True)
        for i in range(len(pythons)):
            one = rates.get(("JSON Lines -> jsonl (compact), --jobs 1", i))
            two = rates.get(("JSON Lines -> jsonl (compact), --jobs 2", i))
            if one and two:
                print(f"[{i}] jsonl --jobs 2 over --jobs 1: {two / one:.2f}x")


def _without_detail(flags: list[str]) -> list[str]:
    """``flags`` without --detail and its value, for an install that has no --detail."""
    if "--detail" not in flags:
        return flags
    i = flags.index("--detail")
    return flags[:i] + flags[i + 2:]


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
