"""Misuse, twelfth round: a Ctrl-C before grantcheck.cli is found or while the command line is
read (its help written, its options parsed), outputs and answers that are devices or FIFOs, and
what the hunt of this round found. Child processes where a signal or a stream is the point;
typer's CliRunner, as a script runs it, elsewhere."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.robustness.helpers import AS_OF, ROOT, run
from tests.robustness.test_interrupt import MATCH, NOISE, _child

ENHETER = str(ROOT / "tests" / "registry" / "data" / "enheter.csv")


# --- 1. Ctrl-C from grantcheck's first line, said as a later one is ----------------------------

def _interrupted_when_found(module: str) -> str:
    """The console script's lines with a Ctrl-C at the moment Python looks for ``module``."""
    return f"""
        import signal, sys

        class Finder:
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:  # a Ctrl-C at this moment
                    sys.meta_path.remove(self)
                    signal.raise_signal(signal.SIGINT)

        sys.meta_path.insert(0, Finder())
        from grantcheck.cli import main
        sys.exit(main())
    """


@pytest.mark.parametrize("module", ["grantcheck.cli", "typer"])
def test_ctrl_c_while_grantcheck_starts_says_interrupted_and_exits_130(tmp_path, module):
    """Before grantcheck.cli was found (grantcheck's own first lines had run) a Ctrl-C printed
    "Traceback … KeyboardInterrupt" and killed the process by SIGINT; later in the start-up
    (typer imported) it ended with 130 and no word, where a Ctrl-C while the command runs says
    "Interrupted."."""
    proc = _child(tmp_path, _interrupted_when_found(module), *MATCH)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, b"", b"Interrupted.\n")


def test_ctrl_c_while_python_dash_m_grantcheck_starts_says_interrupted(tmp_path):
    """``python -m grantcheck``: a Ctrl-C while Python looks for grantcheck.__main__ (the
    package's first lines have run) printed a traceback."""
    (tmp_path / "sitecustomize.py").write_text(textwrap.dedent("""
        import signal, sys

        class Finder:
            def find_spec(self, name, path=None, target=None):
                if name == "grantcheck.__main__":
                    sys.meta_path.remove(self)
                    signal.raise_signal(signal.SIGINT)

        sys.meta_path.insert(0, Finder())
    """))
    proc = subprocess.run(
        [sys.executable, "-m", "grantcheck", *MATCH], cwd=ROOT, capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(tmp_path)}, timeout=60,
        check=False, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (proc.returncode, proc.stdout, proc.stderr) == (130, b"", b"Interrupted.\n")


def test_a_program_that_imports_grantcheck_keeps_pythons_ctrl_c():
    """grantcheck's first lines handle Ctrl-C only in grantcheck's own process: a program
    that imports it (here with ``-c``, and with ``-m`` for a module of its own) still gets a
    KeyboardInterrupt it can catch."""
    program = ("import signal, grantcheck\n"
               "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
               "try:\n    signal.raise_signal(signal.SIGINT)\n"
               "except KeyboardInterrupt:\n    print('caught')\n")
    proc = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                          timeout=60, check=False,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (proc.returncode, proc.stdout) == (0, b"caught\n"), proc.stderr.decode()


# a Ctrl-C while the command line is read: the help written, an option's value converted
AT_READING = """
    import signal, sys
    import typer._click.core, typer._click.formatting

    def at_the_moment(*args, **kwargs):
        signal.raise_signal(signal.SIGINT)
        raise AssertionError("not interrupted")

    {patch} = at_the_moment
    from grantcheck.cli import main
    main()
"""


@pytest.mark.parametrize(("patch", "args"), [
    ("typer._click.formatting.HelpFormatter.write_usage", ["--help"]),
    ("typer._click.formatting.HelpFormatter.write_usage", ["outreach", "--help"]),
    ("typer._click.parser._OptionParser.parse_args", MATCH),
], ids=["help", "a command's help", "an option read"])
def test_ctrl_c_while_the_command_line_is_read_says_interrupted(tmp_path, patch, args):
    """Typer turned the KeyboardInterrupt into exit 130 with no word."""
    proc = _child(tmp_path, AT_READING.format(patch=patch), *args)
    out, err = proc.communicate(timeout=60)
    assert not any(n in err.decode() for n in NOISE), err.decode()
    assert (proc.returncode, out, err) == (130, b"", b"Interrupted.\n")


def test_a_ctrl_c_init_says_itself_is_not_said_twice(tmp_path):
    """init's Ctrl-C at a question keeps a draft and says so, exit 130: the 130 that typer
    returns for it is not taken for a Ctrl-C while the command line was read."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "grantcheck", "init", "acme.toml"], cwd=tmp_path,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write(b"DK\n")
    proc.stdin.flush()
    said = b""
    while b"company.name> " not in said:  # the second question is asked
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, said.decode()
        said += chunk
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=60)
    lines = (said + rest).decode().strip().splitlines()
    assert proc.returncode == 130, lines
    assert lines[-1].startswith("Interrupted: the answers so far are in acme.draft.toml"), lines
    assert "Interrupted." not in lines
    assert (tmp_path / "acme.draft.toml").exists()


# --- 2. a device or a FIFO where a folder or a file is wanted ----------------------------------

def _outreach(*args: str):
    return run("outreach", "--input", ENHETER, "--as-of", AS_OF, *args)


def test_outreach_out_dev_null_is_named_a_device():
    """It said "/dev/null: is a file"."""
    r = _outreach("--out", "/dev/null")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: --out /dev/null: is a character device, not a folder",
        "Hint: name a folder for the pack, e.g. --out pack/ (made if missing): the pack is "
        "several files"]


def test_outreach_out_a_fifo_is_named_a_fifo(tmp_path):
    fifo = tmp_path / "pack"
    os.mkfifo(fifo)
    r = _outreach("--out", str(fifo))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"Error: --out {fifo}: is a FIFO (named pipe), not a folder"


@pytest.mark.parametrize("command", ["outreach", "batch"])
def test_profiles_that_is_a_fifo_is_named_a_fifo(tmp_path, command):
    """It said "not a folder"."""
    fifo = tmp_path / "answers"
    os.mkfifo(fifo)
    extra = ["--out", str(tmp_path / "pack")] if command == "outreach" else []
    r = run(command, "--input", ENHETER, "--as-of", AS_OF, "--profiles", str(fifo), *extra)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == (
        f"Error: --profiles {fifo}: is a FIFO (named pipe), not a folder")
    assert not (tmp_path / "pack").exists()


@pytest.mark.parametrize("command", ["outreach", "batch"])
def test_an_answers_file_that_is_a_fifo_is_named_and_the_hint_fits_answers(tmp_path, command):
    """The hint was a profile's, "- reads one from stdin": --profiles reads no stdin."""
    answers = tmp_path / "answers"
    answers.mkdir()
    os.mkfifo(answers / "923609016.toml")
    extra = ["--out", str(tmp_path / "pack")] if command == "outreach" else []
    r = run(command, "--input", ENHETER, "--as-of", AS_OF, "--profiles", str(answers), *extra)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {answers / '923609016.toml'}: is a FIFO (named pipe), not a file: not read",
        "Hint: an answers file is a regular file: save the answers to one, or move this out of "
        "the folder (every *.toml below it is read)"]


def test_a_profile_that_is_a_fifo_or_a_device_is_named_so(tmp_path):
    """It said "is not a regular file (a pipe, socket or device)", whichever it was."""
    fifo = tmp_path / "acme profile.toml"
    os.mkfifo(fifo)
    r = run("match", str(fifo), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {fifo}: is a FIFO (named pipe), not a regular file: not read",
        "Hint: save the profile to a file; - reads one from stdin"]
    r = run("validate", "/dev/null")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: /dev/null: is a character device, not a regular file: not read",
        "Hint: save the profile to a file; - reads one from stdin"]


# --- 3. the hunt: --rate written as a list, or below zero --------------------------------------

NORDLYS = str(ROOT / "profiles" / "nordlys-automation.toml")


@pytest.mark.parametrize("given", ["NOK=11.5,SEK=11", "NOK=11.5, SEK=11", "NOK=11.5 SEK=11",
                                   "NOK=11.5;SEK=11"])
def test_two_rates_in_one_option_are_told_apart(given):
    """--scheme takes a comma list, --rate one rate: it said "'11.5,SEK=11': write the number
    with a point for decimals and no commas", hint "e.g. 1500000.50"."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", given)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: --rate {given!r}: one rate an option",
                                     "Hint: give each its own: --rate NOK=11.5 --rate SEK=11"]


def test_a_decimal_comma_in_a_rate_is_still_said_as_one():
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", "NOK=11,5")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == ("Error: --rate 'NOK=11,5': '11,5': write the number "
                                        "with a point for decimals and no commas")


@pytest.mark.parametrize("given", ["NOK=-1", "NOK=-0", "NOK=-11.50"])
def test_a_rate_below_zero_is_out_of_range_not_unreadable(given):
    """It said "'-1' is not a plain decimal number": it is one, below the range."""
    r = run("match", NORDLYS, "--as-of", AS_OF, "--rate", given)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --rate {given!r}: the rate must be at least 0.0001 and at most 1,000,000 "
        "units per euro", "Hint: e.g. --rate NOK=11.50"]


def test_a_rate_just_inside_the_range_is_taken_and_just_outside_refused():
    assert run("match", NORDLYS, "--as-of", AS_OF, "--rate", "NOK=0.0001").exit_code == 0
    assert run("match", NORDLYS, "--as-of", AS_OF, "--rate", "NOK=-0.0001").exit_code == 2


# --- 4. the hunt: a CSV whose lines end in CR alone --------------------------------------------

CR_SAID = ("a carriage return (CR) ends no line here: lines that end in CR alone (classic Mac "
           "OS) are one line to a CSV reader")
CR_HINT = "Hint: save the file with LF (or CRLF) line ends: tr '\\r' '\\n' < FILE > NEW"


@pytest.mark.parametrize(("command", "sample"), [
    ("batch", "enheter.csv"), ("batch", "bolagsverket.txt"), ("batch", None),
    ("shortlist", "enheter.csv"), ("shortlist", "bolagsverket.txt")])
def test_a_csv_with_cr_line_ends_is_named_so(tmp_path, sample, command):
    """Python's csv words were passed on: "new-line character seen in unquoted field - do you
    need to open the file in universal-newline mode?", with no hint. (None: grantcheck's own
    CSV.)"""
    data = ((ROOT / "tests" / "registry" / "data" / sample).read_bytes() if sample else
            b"name,country\nA,DK\n")
    src = tmp_path / "in.csv"
    src.write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    r = run(command, "--input", str(src), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [f"Error: {src}: the header row cannot be read: {CR_SAID}",
                                     CR_HINT]


def test_a_csv_row_holding_a_bare_cr_is_an_error_record_naming_it(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"name,country\nA,DK\rB,NO\nC,SE\n")
    r = run("batch", "--input", str(src), "--as-of", AS_OF, "-f", "csv")
    assert r.exit_code == 4
    assert r.stderr.splitlines()[0] == f"Error: {src}:2: not a CSV row: {CR_SAID}"
    assert f"\n{src}:3,C,SE,SEK,2026-11-01,ok," in r.stdout  # the next row is read


# --- 5. the hunt: an answers file's figure that is no number -----------------------------------

@pytest.mark.parametrize(("stated", "said"), [
    ("nan", "must be a finite number (got NaN)"),
    ('{min = "abc"}', "min must be a number (got 'abc')"),
    ('{min = 1, max = "x"}', "max must be a number (got 'x')"),
    ("{min = nan}", "min must be a number (got NaN)"),
    ("{min = true}", "min must be a number (got true)"),
    ("{min = 2026-01-01}", "min must be a number (got 2026-01-01)"),
])
@pytest.mark.parametrize("command", ["batch", "shortlist"])
def test_an_answers_figure_that_is_no_number_is_an_error_record_naming_the_file(
        tmp_path, command, stated, said):
    """Compared with the registry's figure (a conflict is said), it was "internal error:
    InvalidOperation" (exit 3); now the unit's error record, naming the answers file."""
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "havbruk.toml").write_text(
        f'[company]\norg_number = "999888777"\nemployees_fte = {stated}\n', encoding="utf-8")
    r = run(command, "--input", ENHETER, "--as-of", AS_OF, "--profiles", str(answers))
    assert r.exit_code == 4, r.stderr
    assert (f"Error: {ENHETER}:4: company.employees_fte: {said} (stated in "
            f"{answers / 'havbruk.toml'})") in r.stderr.splitlines()


def test_an_answers_figure_that_is_a_number_still_agrees_or_conflicts(tmp_path):
    """The registry's band for HAVBRUK is 40 people: 40 agrees, 80 conflicts, as before."""
    answers = tmp_path / "answers"
    answers.mkdir()
    said = {}
    for fte in ("40", "{min = 30, max = 50}", "80", "{min = 60}"):
        (answers / "havbruk.toml").write_text(
            f'[company]\norg_number = "999888777"\nemployees_fte = {fte}\n', encoding="utf-8")
        r = run("batch", "--input", ENHETER, "--as-of", AS_OF, "--profiles", str(answers),
                "-f", "jsonl")
        record = next(json.loads(line) for line in r.stdout.splitlines()
                      if "999888777" in line)
        said[fte] = record["provenance"]["company.employees_fte"]
    assert [v.startswith(f"stated in {answers / 'havbruk.toml'}; conflicts") for v in
            said.values()] == [False, False, True, True], said


TOML_SCALARS = st.one_of(
    st.integers(), st.booleans(), st.text(max_size=10), st.dates(),
    st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()),
    st.floats(allow_nan=True))  # TOML's nan is a quiet NaN
TOML_VALUES = st.one_of(
    TOML_SCALARS, st.lists(TOML_SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["min", "max"]), TOML_SCALARS, max_size=2),
    st.dictionaries(st.text(max_size=3), TOML_SCALARS, max_size=2))


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(registry=TOML_VALUES, stated=TOML_VALUES)
def test_laying_any_answer_over_any_registry_fact_never_raises(registry, stated):
    """What an answers file states is any TOML value; the registry's fact a number, a band or a
    text. Laid over it (with its conflict said or not), nothing raises: the profile's check
    says what is wrong with the value."""
    from grantcheck.registry.overlay import merge

    data = {"company": {"org_number": "999888777", "employees_fte": registry}}
    merged, provenance = merge(data, {"company.employees_fte": "registry"}, "a.toml",
                               {"company": {"employees_fte": stated}})
    assert merged["company"]["org_number"] == "999888777"
    assert all(said == "registry" or said.startswith("stated in a.toml")
               for said in provenance.values()), provenance


def test_profiles_and_input_together_say_how_to_give_each():
    """It said "give profiles as arguments or one --input file, not both", with no hint."""
    r = run("batch", NORDLYS, "--input", ENHETER, "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: give profiles as arguments or one --input file, not both",
        "Hint: run batch once for each: TOML profiles (files, folders, globs) as arguments, one "
        "file of many profiles (JSON Lines, CSV, a registry's) with --input"]


def test_a_table_of_10000_unknown_keys_is_said_in_about_the_time_it_takes_to_read():
    """Each unknown key's hint walked every table of the model, and its line was found by
    scanning its table from the top: 10,000 unknown keys under [company] took 21 s of CPU
    (1,400 times reading the TOML), 100,000 did not end. Now both are looked up: well under
    150 times the time TOML takes to read the text, measured in the same run (a loaded machine
    moves both alike; it is about 25 times)."""
    import time
    from decimal import Decimal

    import tomli

    from grantcheck.profile import ProfileError, parse_profile

    text = '[company]\nname = "a"\ncountry = "DK"\n' + "".join(
        f"x{i} = 1\n" for i in range(10000))
    reads = []
    for _ in range(3):
        start = time.process_time()
        tomli.loads(text, parse_float=Decimal)
        reads.append(time.process_time() - start)
    start = time.process_time()
    with pytest.raises(ProfileError) as e:
        parse_profile(text, "p.toml")
    took = time.process_time() - start
    assert took < 150 * max(min(reads), 0.002), (took, min(reads))
    problems = e.value.problems
    assert len(problems) == 10000
    assert (problems[-1].path, problems[-1].line, problems[-1].message) == (
        "company.x9999", 10003, "unknown field")


def test_an_unknown_key_still_points_to_the_one_table_that_has_it():
    """The hint's tables are now found once for every name: what they say is unchanged."""
    from grantcheck.profile import ProfileError, parse_profile

    with pytest.raises(ProfileError) as e:
        parse_profile('[company]\nname = "a"\ncountry = "DK"\ngrowth_ambitions = true\n'
                      '[project]\nfoo = 1\nheld = []\n', "p.toml")
    assert [(p.path, p.line, p.hint) for p in e.value.problems] == [
        ("company.growth_ambitions", 4, "[declarations] has a field growth_ambitions: move it "
         "there"), ("project.foo", 6, ""),
        ("project.held", 7, "[documents] has a field held: move it there")]


# --- 6. the hunt: a profile's figure at its type's extremes ------------------------------------

@pytest.mark.parametrize(("budget", "said"), [
    ("1e-30", "of eligible costs SEK 0.00 (6.5E+37 %)"),
    ("0.000000000000000000000000000000000000001", "of eligible costs SEK 0.00 (6.5E+46 %)"),
    ("1", "of eligible costs SEK 1 (65000000 %)"),
])
def test_eligible_costs_near_zero_are_said_not_an_internal_error(tmp_path, budget, said):
    """Prosessinnovasjon's share of the grant in the eligible costs was rounded to 0.1 %
    past Decimal's 28 digits: eligible costs of 1e-30 were "internal error: InvalidOperation"
    (exit 3). The verdict stands; the share is said in powers of ten."""
    text = (ROOT / "profiles" / "norrsken-science-park.toml").read_text(encoding="utf-8")
    profile = tmp_path / "p.toml"
    profile.write_text(re.sub(r"(?m)^budget_total = .*$", f"budget_total = {budget}", text),
                       encoding="utf-8")
    r = run("match", str(profile), "--as-of", AS_OF, "--explain", "--scheme",
            "no-prosessinnovasjon")
    assert r.exit_code == 1, r.stderr
    assert "internal error" not in r.stderr
    assert f"grant sought SEK 650,000 {said}" in " ".join(r.stdout.split())
