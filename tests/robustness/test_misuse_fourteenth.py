"""Misuse, fourteenth round: a glob's ``**`` through a loop of links, an answers file's empty
``related`` over a registry's group, and what the hunt of this round found."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import pytest

from tests.robustness.helpers import AS_OF, MINIMAL, PROFILES, ROOT, cli, deny, run

MIXED = ROOT / "tests" / "registry" / "data" / "mixed_enheter.csv"

# --- 1. A glob's ** through a loop of links (ln -s .. lp/a/up) ----------------------------------

LOOP_UP = "lp/a/up: leads back to the folder lp (a loop of links): lp/**/*.toml searched it once"
LOOP_SELF = ("lp/a/self: leads back to the folder lp/a (a loop of links): lp/**/*.toml searched "
             "it once")


@pytest.fixture
def looped(tmp_path, monkeypatch):
    """lp/a holding a profile and two links back: to lp/a itself and to lp (2**40 paths for
    glob's ** before the kernel says "too many levels of links")."""
    (tmp_path / "lp" / "a").mkdir(parents=True)
    shutil.copy(PROFILES / "nordlys-automation.toml", tmp_path / "lp" / "a" / "n.toml")
    os.symlink("..", tmp_path / "lp" / "a" / "up")
    os.symlink("../a", tmp_path / "lp" / "a" / "self")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_glob_through_a_loop_of_links_checks_each_profile_once_and_says_so(looped):
    """`grantcheck batch 'lp/**/*.toml'` with lp/a/up -> .. never ended (glob followed the link
    again and again); now the profile is checked once and each loop is told once, by name."""
    r = cli("batch", "lp/**/*.toml", "--as-of", AS_OF, "--format", "csv", timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert r.stdout.decode().count("lp/a/n.toml") == 1
    assert err.count(f"Warning: {LOOP_UP}, not again\n") == 1, err
    assert err.count(f"Warning: {LOOP_SELF}, not again\n") == 1, err


def test_an_output_file_beside_a_looped_glob_is_checked_against_it_without_end(looped):
    """--output FILE that exists makes batch list a glob's files before it runs (is the file
    among them?): that listing went round the loop without end too."""
    Path("fits.csv").write_text("old\n")
    r = cli("batch", "lp/**/*.toml", "--as-of", AS_OF, "-o", "fits.csv", "--force",
            timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    assert Path("fits.csv").read_text().count("lp/a/n.toml") == 1
    assert r.stderr.decode().count(LOOP_UP) == 1


def test_a_looped_glob_that_matches_nothing_is_refused_without_end(looped):
    """The check that a pattern matches something walked the whole (endless) tree when nothing
    did."""
    r = cli("batch", "lp/**/*.xyz", "--as-of", AS_OF, timeout=60)
    assert r.returncode == 2
    assert r.stderr.decode().startswith("Error: batch lp/**/*.xyz: no file matches this pattern")


def test_a_folder_reached_by_two_links_is_no_loop(tmp_path, monkeypatch):
    """Two links to one folder outside the tree: its profile once, and no loop is said."""
    (tmp_path / "lp").mkdir()
    (tmp_path / "shared").mkdir()
    shutil.copy(PROFILES / "nordlys-automation.toml", tmp_path / "shared" / "n.toml")
    os.symlink("../shared", tmp_path / "lp" / "one")
    os.symlink("../shared", tmp_path / "lp" / "two")
    monkeypatch.chdir(tmp_path)
    r = run("batch", "lp/**/*.toml", "--as-of", AS_OF, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("n.toml") == 1
    assert "loop" not in r.stderr


@pytest.fixture
def deep(monkeypatch, tmp_path):
    """Makes a profile 1,200 folders below a folder (a path of 2,400 characters), one folder at
    a time (os.makedirs calls itself for each: RecursionError), in the working directory
    ``tmp_path``; removed the same way at the end: pytest's own removal of old temporary
    folders (shutil.rmtree) calls itself too, and failed on it, in every later session."""
    monkeypatch.chdir(tmp_path)
    made: list[Path] = []

    def make(name: str, text: str = "") -> Path:
        path = tmp_path / name
        made.append(path)
        path.mkdir()
        for _ in range(1200):
            path = path / "d"
            path.mkdir()
        (path / "p.toml").write_text(text, encoding="utf-8")
        return (path / "p.toml").relative_to(tmp_path)

    yield make
    here = os.getcwd()
    for top in made:  # by short names from the folder above: a long path is looked up slowly
        os.chdir(top)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        os.unlink("p.toml")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
        os.chdir(here)
        os.rmdir(top)


def test_a_glob_through_a_tree_deeper_than_the_recursion_limit_finds_its_profile(deep):
    """The walk of ** keeps its own list of folders to visit (glob's called itself)."""
    from grantcheck.batch.paths import iglob

    found = deep("deep")
    assert list(iglob("deep/**/*.toml")) == [str(found)]


@pytest.mark.parametrize("how", ["folder", "glob", "validate", "profiles"])
def test_a_tree_deeper_than_the_recursion_limit_is_no_internal_error(deep, how):
    """`grantcheck batch deep` (os.walk), `batch 'deep/**/*.toml'` (glob), `validate deep` and
    `batch --input units.csv --profiles deep` (Path.rglob) with a profile 1,200 folders down
    were "internal error: RecursionError": now the profile is read."""
    found = deep("deep", MINIMAL)
    args = {"folder": ["batch", "deep", "--format", "csv"],
            "glob": ["batch", "deep/**/*.toml", "--format", "csv"],
            "validate": ["validate", "deep"],
            "profiles": ["batch", "--input", str(MIXED), "--profiles", "deep", "--format", "csv"]}
    r = run(*args[how], "--as-of", AS_OF) if how != "validate" else run(*args[how])
    assert "internal error" not in r.stderr
    if how == "profiles":  # read, and said to name no organisation number
        assert r.exit_code == 2
        assert r.stderr.startswith(f"Error: {found}: [company] names no org_number")
    else:
        assert r.exit_code == 0, r.stderr
        assert str(found) in r.stdout


def test_an_answers_folder_below_that_cannot_be_read_is_said(tmp_path, monkeypatch):
    """Path.rglob passed over a folder of --profiles this user may not read: the answers in it
    went unused without a word. Now it is an error naming the folder."""
    folder = tmp_path / "answers" / "locked"
    folder.mkdir(parents=True)
    deny(monkeypatch, os, "scandir", lambda p: p.endswith("locked"))
    r = run("batch", "--input", str(MIXED), "--profiles", str(tmp_path / "answers"),
            "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: {folder}: is a folder that cannot be read (Permission denied): the answers in "
        "it would go unused", "Hint: let this user read it (chmod u+rx), or move it out of the "
        "folder"]


@pytest.mark.parametrize("pattern", [
    "**", "**/", "**/*.toml", "lp/**", "lp/**/", "lp/**/*.toml", "l*/**/*.toml", "lp//**/*",
    "lp/**/a/**/*.toml", "lp/*/**/*.toml", "lp/**/[[]d]/*.toml", "lp/**/**/*.toml"])
def test_the_glob_gives_what_pythons_glob_gives_without_a_loop(tmp_path, monkeypatch, pattern):
    """Hidden folders and files, a name with [ ], a link to a folder outside: as glob.glob
    (recursive) has them, whatever a pattern's ** stands for."""
    from grantcheck.batch.paths import iglob

    (tmp_path / "w").mkdir()
    monkeypatch.chdir(tmp_path / "w")  # the link's folder outside it: reached once, by the link
    for folder in ("lp/a/b", "lp/.h", "lp/[d]", "../lx"):
        os.makedirs(folder)
    for name in ("lp/x.toml", "lp/a/y.toml", "lp/a/b/z.toml", "lp/.h/h.toml", "lp/a/.q.toml",
                 "lp/[d]/m.toml", "../lx/k.toml", "lp/a/b/w.txt"):
        Path(name).write_text("")
    os.symlink("../../lx", "lp/link")
    assert sorted(set(iglob(pattern))) == sorted(set(glob.glob(pattern, recursive=True)))
    assert sorted(set(iglob(os.path.abspath(pattern)))) == sorted(
        set(glob.glob(os.path.abspath(pattern), recursive=True)))


def test_a_double_star_repeated_walks_the_folders_once(tmp_path, monkeypatch):
    """`lp/**/**/**/*.toml` is `lp/**/*.toml`: each ** walked every folder again below each
    folder the one before it reached (folders to the power of the stars)."""
    from grantcheck.batch import paths

    monkeypatch.chdir(tmp_path)
    os.makedirs("lp/a/b")
    Path("lp/a/b/p.toml").write_text("")
    listed: list[str] = []
    real = paths._listed
    monkeypatch.setattr(paths, "_listed", lambda f, **k: listed.append(f) or real(f, **k))
    assert sorted(set(paths.iglob("lp/**/**/**/*.toml"))) == ["lp/a/b/p.toml"]
    assert sorted(listed) == ["lp", "lp/a", "lp/a/b"]


def test_a_double_star_of_a_folder_that_is_not_there_matches_nothing(tmp_path, monkeypatch):
    """glob gave `nofolder/` for `nofolder/**`, read as a profile that is not there (exit 4);
    now the pattern matches nothing, and the command says which folder is missing."""
    monkeypatch.chdir(tmp_path)
    r = run("batch", "nofolder/**", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr == ("Error: batch nofolder/**: no file matches this pattern\n"
                        "Hint: the folder nofolder does not exist; check the pattern\n")


# --- 2. An answers file's related = [] over the group a registry extract gave --------------------

GROUP = ("organisasjonsnummer,navn,organisasjonsform.kode,naeringskode1.kode,antallAnsatte,"
         "forretningsadresse.landkode,stiftelsesdato,erIKonsern\n"
         "923609016,KONSERN AS,AS,62.010,12,NO,2019-06-03,true\n")
OWN = ("employees_fte = 12\nowners_fte = 0\nturnover = 1000000\nbalance_sheet_total = 1000000\n"
       "public_ownership_percent = 0\n")


def _group_batch(tmp_path: Path, related: str, *fmt: str) -> tuple[int, str, str]:
    (tmp_path / "e.csv").write_text(GROUP, encoding="utf-8")
    (tmp_path / "answers").mkdir()
    (tmp_path / "answers" / "923609016.toml").write_text(
        f'[company]\norg_number = "923609016"\n{related}{OWN}', encoding="utf-8")
    r = run("batch", "--input", str(tmp_path / "e.csv"), "--profiles", str(tmp_path / "answers"),
            "--as-of", "2026-11-23", "--scheme", "no-prosessinnovasjon", "--jobs", "1", *fmt)
    return r.exit_code, r.stdout, r.stderr


USED_NONE = "; the stated [] (none) is used: a stated fact beats the registry's"


def test_a_stated_empty_related_is_used_and_the_provenance_says_so(tmp_path):
    """`related = []` beats the register's group (erIKonsern true), as docs/registries.md
    says: the SME test counts the company's own figures alone. The provenance named the
    conflict but not which value was used; now it says the stated [] is used, and why."""
    import json

    code, out, _ = _group_batch(tmp_path, "related = []\n", "--format", "jsonl", "--detail",
                                "full")
    record = json.loads(out)
    said = record["provenance"]["company.related"]
    assert said.startswith(f"stated in {tmp_path / 'answers' / '923609016.toml'}; conflicts "
                           "with the registry's the group's other enterprises")
    assert said.endswith(USED_NONE)
    po01, = (f for s in record["schemes"] for f in s["findings"] if f["rule"] == "PO01")
    assert (code, po01["outcome"]) == (0, "pass")  # small on its own figures: the stated fact


def test_the_table_says_a_stated_fact_against_the_registry_on_stderr(tmp_path):
    """The table (the default) shows no provenance: the conflict was not said at all."""
    code, _, err = _group_batch(tmp_path, "related = []\n")
    assert code == 0
    warning = f"Warning: {tmp_path / 'e.csv'}:2: company.related: stated in "
    assert err.count(warning) == 1, err
    assert err.count(USED_NONE) == 1


def test_a_stated_linked_enterprise_is_no_conflict_and_not_warned(tmp_path):
    code, _, err = _group_batch(
        tmp_path, 'related = [{ name = "MOR AS", relation = "linked", staff = 3 }]\n')
    assert code == 0
    assert "company.related" not in err


# --- 3. What the hunt found -----------------------------------------------------------------------

@pytest.mark.parametrize("sep", ["\0", "\n", "\r\n"])
def test_a_listed_path_with_spaces_in_its_name_is_that_file(tmp_path, monkeypatch, sep):
    """`find . -print0 | grantcheck batch -` of a file named ` x.toml` checked x.toml, another
    company, in its place (the path was stripped); stripped only when no file has the name."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROFILES / "danbyg-holding.toml", " x.toml")
    shutil.copy(PROFILES / "nordlys-automation.toml", "x.toml")
    r = run("batch", "-", "--format", "csv", "--as-of", AS_OF,
            stdin=sep.join([" x.toml", " x.toml  ", ""]))
    assert r.exit_code == 0, r.stderr
    rows = [line.split(",")[:2] for line in r.stdout.splitlines()[1:]]
    assert rows == [[" x.toml", "Danbyg Holding A/S"], ["x.toml", "Nordlys Automation ApS"]]


NAME_300 = "n" * 300 + ".csv"
PATH_6000 = "a/" * 3000 + "x.toml"


@pytest.mark.parametrize(("args", "label"), [
    (["batch", PATH_6000], "batch"), (["validate", PATH_6000], "validate"),
    (["match", NAME_300], "match"), (["budget", NAME_300], "budget"),
    (["batch", str(PROFILES), "-o", NAME_300], "batch --output"),
    (["batch", str(PROFILES), "-o", PATH_6000 + ".csv"], "batch --output"),
    (["schema", "-o", NAME_300], "schema --output"), (["init", NAME_300], "init"),
    (["outreach", "--input", str(MIXED), "--out", NAME_300], "outreach --out"),
    (["batch", "--input", NAME_300], "batch --input")])
def test_a_path_longer_than_the_system_takes_is_said_so(tmp_path, monkeypatch, args, label):
    """`grantcheck batch p.toml -o nnn…(300).csv`, `batch a/a/…(6,000 characters)` and others
    were "internal error: OSError: [Errno 36] File name too long" (Path.is_dir() raises it)."""
    monkeypatch.chdir(tmp_path)
    r = run(*args, "--as-of", AS_OF) if args[0] not in ("schema", "init", "validate") else (
        run(*args, stdin=""))
    assert r.exit_code == 2, r.stderr
    first, hint = r.stderr.splitlines()
    assert first.startswith(f"Error: {label} '") and ": too long: " in first
    assert first.endswith(("a name in it has 300 bytes, more than the 255 a name may have here",
                           "a name in it has 304 bytes, more than the 255 a name may have here",
                           "it has 6,006 bytes, more than the 4,095 a path may have here",
                           "it has 6,010 bytes, more than the 4,095 a path may have here"))
    assert hint == "Hint: cd nearer it, or name it shorter"
    assert os.listdir(tmp_path) == []


def test_a_glob_part_longer_than_a_name_can_still_match(tmp_path, monkeypatch):
    """[a-z] sixty times is 300 characters and matches a name of 60 letters: not too long."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROFILES / "nordlys-automation.toml", "x" * 55 + ".toml")
    r = run("batch", "[a-z]" * 55 + ".toml", "--as-of", AS_OF, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.count("Nordlys") == 1


def test_a_glob_of_a_thousand_parts_is_no_recursion_error(tmp_path, deep):
    """glob calls itself for each part of a pattern: `batch '[a-z]/[a-z]/…'` (1,000 parts) was
    "internal error: RecursionError"; it is searched a hundred parts at a time."""
    from grantcheck.batch.paths import iglob

    found = deep("top")
    r = run("batch", "[a-z]/" * 1000 + "*.toml", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: batch [a-z]/[a-z]/")
    assert "no file matches this pattern" in r.stderr.splitlines()[0]
    assert list(iglob("top/" + "[d]/" * 1200 + "*.toml")) == [str(found)]
    assert list(iglob(str(tmp_path / "top") + "/?" * 1200 + "/p.toml")) == [str(tmp_path / found)]


def test_an_outreach_number_too_long_for_a_file_name_is_said(tmp_path):
    """An organisation number of 300 digits (any string is taken) names the pack's files:
    `outreach --input units.jsonl --out pack` was "internal error: OSError: [Errno 36] File
    name too long" (Path.exists() raised it)."""
    units = tmp_path / "u.jsonl"
    units.write_text('{"company": {"name": "B", "country": "NO", "org_number": "%s"}}\n'
                     % ("9" * 300), encoding="utf-8")
    r = run("outreach", "--input", str(units), "--out", str(tmp_path / "pk"), "--as-of", AS_OF)
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        f"Error: --out {tmp_path / 'pk'}: cannot write '{'9' * 40}'… (305 characters): too long "
        "for a file name; the files of 0 companies were written, not summary.md",
        "Hint: check the unit's organisation number in the input: its files are named by it (9 "
        "or 10 digits, a CVR number 8)"]


def test_a_budget_of_many_lines_is_checked_in_time_linear_in_them(monkeypatch):
    """SMV:Digital looked through every line for an investment once for each line (the voucher
    each line is read under): 20,000 lines did not end in minutes. Counted as the lookups of a
    line's category among the investments: about one for each line and rule now."""
    from datetime import date

    from grantcheck.budget import check
    from grantcheck.profile import parse_profile
    from grantcheck.schemes.dk_smv_digital import budget_lines

    asked = []

    class Counted(dict):
        def __contains__(self, item):
            asked.append(item)
            return super().__contains__(item)

    monkeypatch.setattr(budget_lines, "INVESTMENTS", Counted(budget_lines.INVESTMENTS))
    lines = "".join(f'[[budget.lines]]\ncategory = "consultancy"\namount = {n}\n'
                    for n in range(1, 401))
    profile = parse_profile('[company]\nname = "A"\ncountry = "DK"\n[budget]\nscheme = '
                            f'"dk-smv-digital"\n{lines}', "p.toml")
    assert profile.budget is not None
    result = check(profile.budget, "dk-smv-digital", date(2026, 11, 1), profile=profile)
    assert len(result.lines) == 400
    assert len(asked) < 10 * 400, len(asked)


@pytest.mark.parametrize("command", ["match", "validate", "budget"])
def test_a_quoted_pattern_given_for_a_file_says_it_is_not_expanded(command):
    """`grantcheck validate 'profiles/*.toml'` said "no such file", no more."""
    r = run(command, "profiles/*.toml")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[:2] == [
        "Error: profiles/*.toml: no such file",
        "Hint: a pattern (* ? [) is not expanded here: leave out the quotes for the shell to "
        "expand it, or give it as an argument of grantcheck batch, which does"]


def test_a_missing_file_without_a_pattern_has_no_such_hint():
    r = run("match", "profiles/no-such.toml")
    assert r.stderr == "Error: profiles/no-such.toml: no such file\n"
