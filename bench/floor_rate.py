"""The rate a batch of JSON Lines into compact records could reach in CPython at the very least
work, on this machine (not a test).

Issue 20 asks for 8,000 JSON Lines profiles a second into compact records on 2 cores, that is
250 µs of one core a profile. This times, in one process, the least any Python check of the
same data must do, with none of grantcheck's own work:

- parse each generated profile's JSON line into dicts (``json.loads``, in C; no validation);
- run 137 rules (as many as the five schemes have) that each read two attributes, add, compare
  and return a shared tuple, keeping the ones that did not pass (the compact record's list);
- encode each profile's compact record, as grantcheck wrote it, from dicts (``json.dumps``, in
  C).

The sum is a floor, not a design: a rule of the schemes reads dates, money and ranges, and a
record is made before it is encoded. Beside it, in the same run, grantcheck's own: a compact
record of each profile (``Worker.run``, one core), and of that the time in the schemes' rules
with the loop that makes their findings (``engine.rules.findings_of``, timed around each call).

    python bench/floor_rate.py            # 2,000 profiles, best of 5 rounds
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # bench/ is not a package: found through the path set above

RULES = 137  # the five schemes' rules a compact record runs for every profile


class _Profile:
    __slots__ = ("a", "b")

    def __init__(self, a: int, b: int) -> None:
        self.a, self.b = a, b


class _Ctx:
    __slots__ = ("profile",)

    def __init__(self, profile: _Profile) -> None:
        self.profile = profile


_PASS, _FAIL = (True, "passed"), (False, "did not pass")


def _rule(i: int):  # type: ignore[no-untyped-def]
    def rule(ctx: _Ctx) -> tuple[bool, str]:
        p = ctx.profile
        return _PASS if p.a + i > p.b else _FAIL
    return rule


def _best(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="profiles (default 2000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from grantcheck.batch import Options, Worker, jsonl_tasks

    engine = importlib.import_module("grantcheck.engine.evaluate")  # the package's name for
    # its function evaluate() hides the module

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        generate.write_jsonl(path, args.n, args.seed)
        lines = path.read_bytes().splitlines()
        worker = Worker(Options(as_of=datetime.date(2026, 11, 23), output="json"))
        with path.open("rb") as fh:
            tasks = list(jsonl_tasks(fh, "bench.jsonl"))
    written = worker.run(tasks)  # the first round warms the caches up
    records = [json.loads(r.text) for r in written if r.ok]
    in_rules = [0.0]
    findings_of = engine.findings_of

    def timed(rules, ctx):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = findings_of(rules, ctx)
        in_rules[0] += time.perf_counter() - t
        return out

    engine.findings_of = timed  # type: ignore[assignment]
    rounds = []
    for _ in range(args.rounds):
        in_rules[0] = 0.0
        t = time.perf_counter()
        worker.run(tasks)
        rounds.append((time.perf_counter() - t, in_rules[0]))
    engine.findings_of = findings_of
    whole, rules_part = min(rounds)
    rules = [_rule(i) for i in range(RULES)]
    ctx = _Ctx(_Profile(5, 70))

    def check() -> None:
        for _ in range(len(lines)):
            kept = []
            for rule in rules:
                c = rule(ctx)
                if c is not _PASS:
                    kept.append((rule, c))

    per = {
        "json.loads a profile's line": _best(lambda: [json.loads(x) for x in lines],
                                             args.rounds) / len(lines),
        f"{RULES} least rules": _best(check, args.rounds) / len(lines),
        "json.dumps its compact record": _best(
            lambda: [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records],
            args.rounds) / len(records),
    }
    total = sum(per.values())
    for what, seconds in per.items():
        print(f"{what:40} {seconds * 1e6:8.1f} µs")
    print(f"{'floor, a profile':40} {total * 1e6:8.1f} µs: {2 / total:,.0f} profiles/s on 2 "
          f"cores")
    n = len(tasks)
    print(f"{'grantcheck: a compact record':40} {whole / n * 1e6:8.1f} µs: {2 * n / whole:,.0f} "
          f"profiles/s on 2 cores")
    print(f"{'  of it the rules and their findings':40} {rules_part / n * 1e6:8.1f} µs")
    print(f"({n:,} profiles, seed {args.seed}, best of {args.rounds} rounds; 8,000 profiles/s on "
          f"2 cores is 250 µs of one core a profile)")


if __name__ == "__main__":
    main()
