"""Misuse, thirteenth round: the environment grantcheck reads (shell completion's variables),
and what the hunt of this round found. Child processes where the environment is the point;
typer's CliRunner, as a script runs it, elsewhere."""

from __future__ import annotations

import copy
import itertools
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.helpers import ROOT, assert_clean_error, run

# --- 1. Shell completion asked for without the variables bash sets ------------------------------

def _complete(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The console script with ``env`` and no completion variable inherited from the shell that
    runs the tests."""
    full = {k: v for k, v in os.environ.items()
            if not k.startswith(("COMP_", "_GRANTCHECK", "GRANTCHECK_DEBUG"))}
    return subprocess.run([sys.executable, "-m", "grantcheck.cli", *args], cwd=ROOT,
                          env={**full, "NO_COLOR": "1", "_GRANTCHECK_COMPLETE": "complete_bash",
                               **env}, capture_output=True, timeout=60, check=False)


COMPLETION_HINT = ("bash's completion sets COMP_WORDS (the command line) and COMP_CWORD (the "
                   "index of the word to complete")


@pytest.mark.parametrize(("env", "said"), [
    ({}, "_GRANTCHECK_COMPLETE=complete_bash: COMP_WORDS is not set"),
    ({"COMP_WORDS": "grantcheck ma"}, "_GRANTCHECK_COMPLETE=complete_bash: COMP_CWORD is not set"),
    ({"COMP_WORDS": "grantcheck ma", "COMP_CWORD": "abc"},
     "_GRANTCHECK_COMPLETE=complete_bash: COMP_CWORD is 'abc', not a whole number"),
])
@pytest.mark.parametrize("args", [[], ["match", "profiles/nordlys-automation.toml"]])
def test_bash_completion_without_its_variables_names_the_missing_one(env, said, args):
    """`_GRANTCHECK_COMPLETE=complete_bash grantcheck` (an environment left set, a completion
    function copied by hand) was "internal error: KeyError: 'COMP_WORDS'" (and ValueError of
    int() for a COMP_CWORD not a number)."""
    r = _complete(*args, **env)
    err = assert_clean_error(r, said, COMPLETION_HINT, "unset _GRANTCHECK_COMPLETE")
    assert r.stdout == b"", err


@pytest.mark.parametrize("cword", ["1", " 1", "-1"])
def test_bash_completion_with_its_variables_completes_as_before(cword):
    """A COMP_CWORD int() reads is read as before (bash never gives -1; click took it)."""
    r = _complete(COMP_WORDS="grantcheck ma", COMP_CWORD=cword)
    assert (r.returncode, r.stdout.split()[0], r.stderr) == (0, b"match", b"")


# --- 2. A key written dotted, escaped, or an item of a list: the line it is on ------------------

TOP = '[company]\nname = "Tiny ApS"\ncountry = "DK"\n'


@pytest.mark.parametrize(("toml", "said"), [
    (TOP + "a.b.c = 1\n", ":4: company.a: unknown field"),
    (TOP + "company.x = 1\n", ":4: company.company: unknown field"),
    (TOP + '"\\u00e9" = 1\n', ':4: company."é": unknown field'),
    (TOP + '"\\u0000" = 1\n', ':4: company."\\u0000": unknown field'),
    (TOP + 'previous_year.turnover = 5\nprevious_year.staff = "x"\n',
     ":5: company.previous_year.staff: must be a number (got 'x')"),
    (TOP + '"previous_year" . staff = "x"\n',
     ":4: company.previous_year.staff: must be a number (got 'x')"),
    (TOP + '[project]\nactivities = [\n  "implementation",\n  "bogus",\n]\n',
     ":7: project.activities[1]: 'bogus' is not one of"),
    (TOP + "related = [1]\n", ":4: company.related[0]: must be a table of fields (got 1)"),
    (TOP + "[budget]\nlines = [\n  1,\n  2,\n]\n",
     ":7: budget.lines[1]: must be a table of fields"),
])
def test_a_problem_of_a_dotted_or_escaped_key_or_a_list_item_names_its_line(tmp_path, toml, said):
    """A dotted key was said at its table's header (line 1) or with no line; a key written with
    an escape ("\\u00e9") at line 1; an item of a list (activities[1]) with no line."""
    (tmp_path / "p.toml").write_text(toml, encoding="utf-8")
    r = run("validate", str(tmp_path / "p.toml"))
    assert r.exit_code == 2
    assert f"Error: {tmp_path / 'p.toml'}{said}" in r.stderr, r.stderr


def test_a_key_of_an_array_of_tables_still_names_the_nth_table(tmp_path):
    toml = TOP + ('[[aid_received]]\ngranted = 2024-01-01\namount = 1\nscheme = "x"\n'
                  '[[aid_received]]\ngranted = 2024-01-01\namount = "x"\nscheme = "x"\n')
    (tmp_path / "p.toml").write_text(toml, encoding="utf-8")
    r = run("validate", str(tmp_path / "p.toml"))
    assert "p.toml:10: aid_received[1].amount: must be a number (got 'x')" in r.stderr


@pytest.mark.parametrize("written", ["k" * 100_000, "[" + "k" * 100_000 + "]\nx"])
def test_an_unknown_bare_key_of_100000_characters_is_cut_as_a_quoted_one_is(tmp_path, written):
    """A quoted key was cut at 60 characters; a bare one was printed whole (100 kB on stderr)."""
    (tmp_path / "p.toml").write_text(f"{TOP}{written} = 1\n", encoding="utf-8")
    r = run("validate", str(tmp_path / "p.toml"))
    assert r.exit_code == 2
    assert f'"{"k" * 60}…" (100,000 characters): unknown field' in r.stderr
    assert len(r.stderr) < 400, len(r.stderr)


def test_an_unknown_bare_key_of_60_characters_is_shown_bare(tmp_path):
    (tmp_path / "p.toml").write_text(f"{TOP}{'k' * 60} = 1\n", encoding="utf-8")
    r = run("validate", str(tmp_path / "p.toml"))
    assert f"p.toml:4: company.{'k' * 60}: unknown field" in r.stderr


# --- 3. An answers file (--profiles) read as a profile is: no internal error ------------------

ENHETER = str(ROOT / "tests" / "registry" / "data" / "enheter.csv")
ANSWERS = '[company]\nname = "FJORDLYS AS"\norg_number = "923609016"\n'


@pytest.mark.parametrize(("tail", "said", "hint"), [
    ("employees_fte = 1" + "0" * 5000 + "\n",
     "a.toml:4: cannot be read: a number has more than 4,300 digits", "mend it"),
    ("x = " + "[" * 100_000 + "]" * 100_000 + "\n",
     "a.toml:4: cannot be read: tables or arrays are nested more than 32 levels deep", "mend it"),
    ('x = "a\0b"\n', "a.toml:4: cannot be read: contains a NUL character (binary data?)",
     "a profile is UTF-8 text"),
    ("x = 1\ry = 2\n", "a.toml:4:6: cannot be read: TOML syntax error: Expected newline",
     "lines that end in CR alone (classic Mac OS) are one line to TOML"),
])
@pytest.mark.parametrize("command", [["batch", "--input-format", "brreg-enheter", "-f", "csv"],
                                     ["shortlist", "-f", "csv"]])
def test_an_answers_file_is_read_as_a_profile_is(tmp_path, tail, said, hint, command):
    """A number of 5,000 digits (tomli's ValueError) and arrays nested 100,000 deep (its
    RecursionError) were "internal error"; a NUL and a lone CR were tomli's words alone, with
    no line and no hint: the answers were read by tomli, not as a profile is."""
    (tmp_path / "ans").mkdir()
    (tmp_path / "ans" / "a.toml").write_text(ANSWERS + tail, encoding="utf-8", newline="")
    r = run(command[0], "--input", ENHETER, *command[1:], "--profiles", str(tmp_path / "ans"),
            "--as-of", "2026-11-01")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.startswith(f"Error: {tmp_path / 'ans'}/{said}"), r.stderr
    assert hint in r.stderr.splitlines()[1]


def test_an_answers_file_with_a_byte_order_mark_and_crlf_is_read(tmp_path):
    (tmp_path / "ans").mkdir()
    (tmp_path / "ans" / "a.toml").write_bytes(
        b"\xef\xbb\xbf" + (ANSWERS + "employees_fte = 5\n").replace("\n", "\r\n").encode())
    r = run("shortlist", "--input", ENHETER, "-f", "csv", "--profiles", str(tmp_path / "ans"),
            "--as-of", "2026-11-01")
    assert r.exit_code == 4, r.stderr  # two units of the file are broken on purpose
    assert "Error: " + ENHETER in r.stderr and "a.toml" not in r.stderr


# --- 4. batch --output that a glob or the list of paths names: never written over -------------

PROFILE = (ROOT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("pattern", ["*.toml", "**/*", "[k]*"])
def test_a_batch_output_a_glob_matches_is_refused_before_the_batch(tmp_path, monkeypatch,
                                                                    pattern):
    """`batch 'o/*.toml' -o o/k.toml --force` wrote the records over the profile o/k.toml,
    which it had read; `batch o/k.toml -o o/k.toml` was refused."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.toml").write_text(PROFILE, encoding="utf-8")
    r = run("batch", pattern, "-o", "k.toml", "--force", "--as-of", "2026-11-01")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: --output k.toml: is the input k.toml: writing it would replace what is being "
        "read", "Hint: write the output to another file"]
    assert (tmp_path / "k.toml").read_text(encoding="utf-8") == PROFILE


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("sep", ["\n", "\0"])
def test_a_batch_output_the_list_of_paths_names_is_kept_as_it_was(tmp_path, monkeypatch, jobs,
                                                                  sep):
    """`find . -name '*.toml' | batch - -o k.toml --force` read k.toml, then wrote the
    records over it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.toml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "k.toml").write_text(PROFILE, encoding="utf-8")
    r = run("batch", "-", "-o", "./k.toml", "--force", "-j", jobs, "--as-of", "2026-11-01",
            stdin=sep.join(["a.toml", "k.toml", "a.toml"]) + sep)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-2:] == [
        "Error: k.toml: is the --output file k.toml: the records written over it would replace "
        "what is read; nothing was written, and it is kept as it was",
        "Hint: write the output to another file, or leave it out of the list"]
    assert (tmp_path / "k.toml").read_text(encoding="utf-8") == PROFILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml", "k.toml"]


def test_a_batch_output_the_list_does_not_name_is_written_as_before(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.toml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "fits.csv").write_text("old\n", encoding="utf-8")
    r = run("batch", "-", "*.toml", "-o", "fits.csv", "--force", "--as-of", "2026-11-01",
            stdin="a.toml\n")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "fits.csv").read_text(encoding="utf-8").startswith("source,name,")


# --- 5. A grant sought in the company's currency, a scheme's amounts in its own ---------------

def test_a_swedish_company_with_no_funded_employees_is_checked_for_innobooster(tmp_path):
    """Norrsken (SEK, project.grant_sought = 650000) with ``employees = []``: Innobooster's
    amounts are DKK 0, and the grant sought was compared in SEK with them: "internal error:
    CurrencyMismatch: SEK and DKK combined" (found by the fuzz below)."""
    text = (ROOT / "profiles" / "norrsken-science-park.toml").read_text(encoding="utf-8")
    (tmp_path / "p.toml").write_text("employees = []\n" + text, encoding="utf-8")
    for fmt in ("table", "json"):
        r = run("match", str(tmp_path / "p.toml"), "--as-of", "2026-11-01", "-e", "-f", fmt,
                "-s", "dk-innobooster-people")
        assert isinstance(r.exception, SystemExit), r.exception  # the runner's: none
        assert r.exit_code == 1, r.stderr


def test_a_danish_grant_sought_is_still_compared_in_danish_crowns(tmp_path):
    text = (ROOT / "profiles" / "nordlys-automation.toml").read_text(encoding="utf-8")
    (tmp_path / "p.toml").write_text(text.replace(
        "own_hours_cost = 60000", "own_hours_cost = 60000\ngrant_sought = 100000"),
        encoding="utf-8")
    r = run("match", str(tmp_path / "p.toml"), "--as-of", "2026-11-01", "-e",
            "-s", "dk-smv-digital")
    assert "for the grant sought DKK 100,000 (project.grant_sought)" in " ".join(r.stdout.split())


# --- 6. Fuzz: a value of any TOML type at any field of a profile or its budget -----------------

def _field_paths() -> list[tuple[str | int, ...]]:
    from grantcheck.profile.lookups import holds_list
    from grantcheck.profile.model import Profile
    from grantcheck.profile.types import model_of

    def walk(model: Any, at: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
        out: list[tuple[str | int, ...]] = []
        for key, f in model.model_fields.items():
            out.append((*at, key))
            sub = model_of(f.annotation)
            if sub is not None and key != "budget":  # a budget's model is built when read
                out += walk(sub, (*at, key, *((0,) if holds_list(f.annotation) else ())))
        return out

    budget = [("budget", "lines", 0, k) for k in ("category", "amount", "hours", "rate",
                                                   "months", "monthly_salary", "description")]
    return [*walk(Profile, ()), ("budget", "currency"), ("budget", "scheme"), *budget]


FIELD_PATHS = _field_paths()
EXAMPLES = [tomllib.loads(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "profiles").glob("*.toml"))]
ANY_VALUE = st.one_of(
    st.dates(), st.times(), st.datetimes(), st.text(max_size=8), st.integers(-2**70, 2**70),
    st.decimals(allow_nan=False, allow_infinity=False), st.booleans(), st.just([]),
    st.just({}), st.lists(st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                          max_size=2), st.lists(st.dates(), max_size=2),
    st.sampled_from(["dkk", "DkK", "eur", "ＤＫＫ", "1e3", "-0", "1E-30", "9e15", "2026-02-30"]),
    st.sampled_from([Decimal("-0"), Decimal("1E+15"), Decimal("1E-30"), Decimal("-0.0")]))


def _put(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    """``value`` at ``path`` in ``data``, the tables and lists on the way made as needed."""
    at: Any = data
    for step, after in itertools.pairwise(path):
        if isinstance(step, int):
            if not isinstance(at, list):
                return
            at.extend({} for _ in range(step + 1 - len(at)))
            if not isinstance(at[step], dict):
                at[step] = {}
        elif not isinstance(at.get(step), dict | list):
            at[step] = [] if isinstance(after, int) else {}
        at = at[step]
    if isinstance(at, dict):
        at[path[-1]] = value


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(example=st.sampled_from(EXAMPLES),
       changes=st.lists(st.tuples(st.sampled_from(FIELD_PATHS), ANY_VALUE), min_size=1,
                        max_size=4),
       command=st.sampled_from([["match"], ["match", "-f", "json", "-e"], ["budget", "-e"],
                                ["validate"]]))
def test_a_value_of_any_type_at_any_field_is_read_or_refused_plainly(tmp_path_factory, example,
                                                                       changes, command):
    """A date where a number is meant, a table where text is, a list of tables where a table
    is, an amount of -0, 1E-30 or 1E+15, a currency in any case: exit 0, 1 or 2, an Error line
    for 2, never an exception of the runner's."""
    data = copy.deepcopy(example)
    for path, value in changes:
        _put(data, path, value)
    p = tmp_path_factory.mktemp("fuzz") / "p.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    args = [command[0], str(p), *command[1:]] + ([] if command[0] == "validate" else
                                                  ["--as-of", "2026-11-01"])
    r = run(*args)
    assert r.exception is None or isinstance(r.exception, SystemExit), (changes, r.exception)
    assert r.exit_code in (0, 1, 2), (changes, r.exit_code, r.stderr[-2000:])
    assert "internal error" not in r.stderr
    assert r.exit_code != 2 or r.stderr.startswith("Error: "), (changes, r.stderr[:2000])


# --- 7. init --set of a value written as TOML writes a list or a table ------------------------

INIT = ["init", "-", "--non-interactive", "--set", "company.name=X", "--set", "company.country=DK"]


@pytest.mark.parametrize(("given", "said", "hint"), [
    ('project.activities=["implementation", "investment"]',
     "--set project.activities: '[\"implementation\", \"investment\"]' is written as TOML "
     "writes a list", "write the items separated by commas, without brackets or quotes, e.g. "
     "potential_clarification,implementation (none for an empty list)"),
    ("company.turnover={min = 1, max = 5}",
     "--set company.turnover: '{min = 1, max = 5}' is written as TOML writes a table",
     "write one number (1500000) or a range: 10-19, at least 10, at most 50000000"),
    ("project.start=[2026-01-01]",
     "--set project.start: '[2026-01-01]' is written as TOML writes a list",
     "write the value alone, without brackets, braces or quotes"),
])
def test_init_set_of_a_value_written_as_toml_says_how_to_write_it(given, said, hint):
    """``--set 'project.activities=["implementation", "investment"]'`` said "'[\\"implementation\\"'
    is not one of the allowed values"; ``--set company.turnover={min=1,max=5}`` said to write
    the number with a point for decimals, "e.g. {min=1.max=5}"."""
    r = run(*INIT, "--set", given)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: {said}", f"Hint: {hint}"]


@pytest.mark.parametrize(("given", "written"), [
    ("project.activities=implementation,investment", '"implementation",'),
    ("project.activities=[]", "activities = []"), ("company.turnover=1-5",
                                                     "turnover = { min = 1, max = 5 }"),
    ("company.name=[Beta] ApS", 'name = "[Beta] ApS"')])
def test_init_set_as_the_questions_take_it_is_read_as_before(given, written):
    args = INIT[:3] + INIT[5:] if given.startswith("company.name") else INIT
    r = run(*args, "--set", given)
    assert r.exit_code == 0, r.stderr
    assert written in r.stdout


# --- 8. show of a list of schemes ---------------------------------------------------------------

def test_show_of_a_list_of_schemes_says_it_takes_one():
    """`show dk-smv-digital,no-bedriftsnettverk` said "no such scheme", and "did you mean
    'no-bedriftsnettverk'?", as if the first were not there."""
    r = run("show", "DK-SMV-DIGITAL, no-bedriftsnettverk", "--as-of", "2026-11-01")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: scheme 'DK-SMV-DIGITAL, no-bedriftsnettverk': show takes one scheme",
        "Hint: grantcheck show dk-smv-digital; the schemes of a list side by side: grantcheck "
        "schemes -s dk-smv-digital,no-bedriftsnettverk"]


@pytest.mark.parametrize(("given", "exit_code"), [("dk-smv-digital,", 0), (",", 2),
                                                  ("dk-smv-digital,nope", 2)])
def test_show_of_one_scheme_and_a_comma_is_read_as_scheme_reads_it(given, exit_code):
    r = run("show", given, "--as-of", "2026-11-01")
    assert r.exit_code == exit_code, r.stderr
    assert exit_code == 0 or "no such scheme" in r.stderr
