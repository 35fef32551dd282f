"""The Dask recipe of docs/scale.md against the plain `grantcheck batch`, on the same JSON Lines
and the same number of processes (not a test; needs the `dask` extra).

Generates N seeded profiles as JSON Lines, cuts them into parts (as `split -l` would), then runs,
interleaved for `--rounds` rounds so that the machine's drift hits both alike:
  batch  `grantcheck batch --input all.jsonl --format jsonl --jobs J --output FILE`
  dask   `check_files('parts/*.jsonl', …).to_textfiles(…)` on dask's process pool of J workers
and prints the median wall time, profiles per second and peak memory of each (the process tree).

    python bench/scale.py -n 100000 --parts 16 --jobs 2
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # bench/ is not a package: found through the path set above

from bench import AS_OF, measure

_DASK = """
import datetime, sys
import dask
from grantcheck.batch.partition import check_files
if __name__ == "__main__":
    parts, out, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    bag = check_files(parts + "/*.jsonl", datetime.date.fromisoformat(sys.argv[4]))
    with dask.config.set(scheduler="processes", num_workers=jobs):
        bag.to_textfiles(out + "/*.jsonl")
"""


def _split(path: Path, folder: Path, parts: int, n: int) -> None:
    folder.mkdir()
    per = -(-n // parts)
    with path.open("rb") as src:
        for i in range(parts):
            with (folder / f"part-{i:04d}.jsonl").open("wb") as dst:
                for _ in range(per):
                    line = src.readline()
                    if not line:
                        break
                    dst.write(line)


def _dask_run(tmp: Path, jobs: int, round_: int) -> tuple[float, int]:
    script = tmp / "recipe.py"
    script.write_text(_DASK, encoding="utf-8")
    out = tmp / f"dask-out-{round_}"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(script), str(tmp / "parts"), str(out), str(jobs),
                           AS_OF], capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(proc.stderr.decode(errors="replace")[-2000:])
    size = sum(p.stat().st_size for p in out.glob("*.jsonl"))
    return seconds, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000, help="JSON Lines profiles")
    ap.add_argument("--parts", type=int, default=16, help="files the input is cut into for dask")
    ap.add_argument("--jobs", type=int, default=2, help="processes for both")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        whole = tmp / "all.jsonl"
        generate.write_jsonl(whole, args.n, args.seed)
        _split(whole, tmp / "parts", args.parts, args.n)
        batch_s, dask_s = [], []
        for r in range(args.rounds):
            res = measure("batch", args.n, ["--input", str(whole), "--format", "jsonl",
                                            "--jobs", str(args.jobs)], tmp / "batch.jsonl")
            batch_s.append(res.seconds)
            seconds, size = _dask_run(tmp, args.jobs, r)
            dask_s.append(seconds)
            print(f"round {r + 1}: batch {res.seconds:.2f} s ({res.output_bytes / 2**20:.1f} MB), "
                  f"dask {seconds:.2f} s ({size / 2**20:.1f} MB)", flush=True)
        for name, times in (("batch --jobs", batch_s), ("dask processes", dask_s)):
            median = statistics.median(times)
            print(f"{name:<16} {args.jobs} processes: {median:7.2f} s  "
                  f"{args.n / median:9,.0f} profiles/s")


if __name__ == "__main__":
    main()
