"""A fuzz test of the command line (issue 19): generated input for match, validate, budget and
batch (mutated example profiles, extreme numbers and dates, markup and control characters,
encodings, deep nesting) never ends in an internal error or a traceback, exits with a
documented code, and keeps stderr bounded.

CI runs a fixed seed (derandomize) and a few examples; GRANTCHECK_FUZZ_EXAMPLES=N runs N per
command (docs/limits.md, "Fuzzing")."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grantcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "profiles").glob("*.toml"))]
FUZZ = settings(max_examples=int(os.environ.get("GRANTCHECK_FUZZ_EXAMPLES", "12")),
                derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
STDERR_BOUND = 200_000  # characters: a file of many problems says each, but never echoes MBs

ODD_VALUES = [
    "0", "-1", "1e15", "1e400", "-0.0", "1_000", "99999999999999999999999999999999", "inf",
    "nan", "9" * 5000, '""', '"\\u001b[31mred\\u001b[0m"', '"[bold]x[/bold]"', '"\\u202e"',
    '"a\\nb"', "true", "[]", "{}", "[[1]]", "1979-05-27", "9999-12-31", "0001-01-01",
    "2024-02-29", '"x' + "y" * 2000 + '"', "{ a = 1 }", '"150.000"', "150.000",
]
DATES = st.one_of(st.sampled_from(["0001-01-01", "1900-01-01", "2020-11-15", "2026-11-01",
                                   "2031-01-01", "9999-12-01", "9999-12-31"]),
                  st.dates().map(lambda d: d.isoformat()))


@st.composite
def profile_text(draw: st.DrawFn) -> bytes:
    """An example profile with a few lines changed: a value made odd, a line dropped or
    doubled, deep nesting or bytes added, an encoding changed."""
    lines = draw(st.sampled_from(EXAMPLES)).splitlines()
    for _ in range(draw(st.integers(0, 4))):
        if not lines:
            break
        n = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["value", "drop", "double", "deep", "key", "text"]))
        key, eq, _ = lines[n].partition("=")
        if how == "value" and eq:
            lines[n] = f"{key}= {draw(st.sampled_from(ODD_VALUES))}"
        elif how == "drop":
            del lines[n]
        elif how == "double":
            lines.insert(n, lines[n])
        elif how == "deep":
            depth = draw(st.integers(1, 700))
            lines.insert(n, "deep = " + "[" * depth + "]" * depth)
        elif how == "key":
            lines.insert(n, draw(st.sampled_from(['"a[0]" = 1', "a.b.c.d = 1", '"\\u0000" = 1',
                                                  "[[company.related]]", "[budget]"])))
        else:
            lines.insert(n, draw(st.text(max_size=40)))
    text = "\n".join(lines) + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "latin-1",
                                     "utf-16"]))
    data = text.encode(encoding, "replace")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=20))
    return data


BUDGET_LINES = st.lists(st.sampled_from([
    '[[budget.lines]]\ncategory = "consultancy"\namount = 150000\n',
    '[[budget.lines]]\ncategory = "personnel"\nhours = 1e15\nrate = 1e15\n',
    '[[budget.lines]]\ncategory = "personnel"\nhours = 120\nrate = 650\n',
    '[[budget.lines]]\ncategory = "salary"\nmonthly_salary = 1e15\nmonths = 12\n',
    '[[budget.lines]]\ncategory = "x"\namount = -1\n',
    '[[budget.lines]]\ncategory = "hardware"\namount = 0.0000000000000000000001\n',
]), max_size=4)


def _run(args: list[str], allowed: set[int]) -> None:
    r = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "100"})
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        detail = "".join(traceback.format_exception(r.exception))
        raise AssertionError(f"{args}: {detail}")
    err = r.stderr
    assert r.exit_code in allowed, (args, r.exit_code, err[:3000])
    assert "internal error" not in err and "Traceback" not in err, (args, err[:3000])
    assert len(err) < STDERR_BOUND, (args, len(err))


@FUZZ
@given(data=profile_text(), on=DATES)
def test_match_and_validate_never_fail_inside(tmp_path_factory, data, on):
    p = tmp_path_factory.mktemp("fuzz") / "p.toml"
    p.write_bytes(data)
    _run(["match", str(p), "--as-of", on], {0, 1, 2})
    _run(["match", str(p), "--as-of", on, "--format", "json", "--explain"], {0, 1, 2})
    _run(["validate", str(p)], {0, 2})


@FUZZ
@given(data=profile_text(), lines=BUDGET_LINES, on=DATES,
       scheme=st.sampled_from(["", "dk-smv-digital", "no-bedriftsnettverk",
                               "se-saker-digitalisering", "dk-innobooster-people"]))
def test_budget_never_fails_inside(tmp_path_factory, data, lines, on, scheme):
    p = tmp_path_factory.mktemp("fuzz") / "b.toml"
    head = f'[budget]\nscheme = "{scheme}"\n' if scheme else "[budget]\n"
    p.write_bytes(data + b"\n" + head.encode() + "".join(lines).encode())
    _run(["budget", str(p), "--as-of", on], {0, 1, 2})


@FUZZ
@given(files=st.lists(profile_text(), min_size=1, max_size=3), on=DATES,
       fmt=st.sampled_from(["csv", "jsonl", "table"]))
def test_batch_never_fails_inside(tmp_path_factory, files, on, fmt):
    folder = tmp_path_factory.mktemp("fuzz")
    for n, data in enumerate(files):
        (folder / f"p{n}.toml").write_bytes(data)
    _run(["batch", str(folder), "--as-of", on, "--format", fmt, "-j", "1"], {0, 2, 4})
