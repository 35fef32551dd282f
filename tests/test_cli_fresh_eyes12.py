"""A new user's read, twelfth round: `match`'s default view says why a scheme does not fit (the
figures compared and the sentence they rest on); `batch`'s table and `schemes` keep every path,
id and status whole at 60 and 80 columns; the outreach pack says what a company needs to answer
without sending it to a file it does not have."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from grantcheck.outreach.questions import how_to_answer
from tests.support import flat
from tests.support import run_in_checkout as run

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"


# --- match: why a scheme does not fit ---------------------------------------------------------


def test_the_default_view_shows_the_figures_and_the_pages_sentence_of_a_failed_size_rule():
    """Danbyg (2,350 staff) did not fit SMV:Digital, and the view named five rule ids and their
    titles ("2 to 20 full-time employees"): not the company's 2,350, nor the page's words. One
    rule of the group now shows both; the others are named by id with where to read them."""
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    text = flat(r.stdout)
    assert ("✗ SMV10 (t25): 2350 FTE = employees 2350 + owners 0 > 20 allowed for the "
            "DKK 25,000 voucher; the page says «Virksomheden skal have mellem 2-20 "
            "fuldtidsansatte»; also SMV02, SMV32, SMV11 (t100), SMV13 (t250) (--explain)"
            in text)
    assert "→ a size limit" in text  # the fix stays


def test_a_rule_from_the_act_quotes_the_act_and_its_article():
    """Norrsken's grant sought is over GBER's 15 % for a large enterprise: the view showed the
    fix only. It now shows the figures and GBER art. 29(4)'s sentence, named as the act's."""
    r = run("match", "profiles/norrsken-science-park.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("✗ PO09: grant sought SEK 650,000 of eligible costs SEK 1,300,000 (50 %); at most "
            "15 % = SEK 195,000 for a large enterprise" in text)
    assert ("GBER Article 29(4) says «The aid intensity shall not exceed 15 % for large "
            "enterprises and 50 % for SMEs.»" in text)


def test_a_finding_that_quotes_the_page_itself_gets_no_second_quote():
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("✗ PO06: 1 excluded item(s) apply: «Innføring av nye datasystemer (SAP, CRM osv.) "
            "uten at det er en del av en prosessinnovasjon» (new IT systems (SAP, CRM, …) not "
            "part of a process innovation) → the scheme does not cover these" in text)


def test_the_page_sentence_chosen_states_the_requirement_not_an_article_number():
    """PO01 cites two sentences of its page: "… knyttet til GBER 29 …" and "Det forutsetter at
    søker er liten eller mellomstor …": the second says what the rule requires."""
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("the page says «Det forutsetter at søker er liten eller mellomstor i henhold til "
            "Statsstøtteregelverket, og gjelder kun unntaksvis for store bedrifter.»" in text)


def test_all_shows_why_a_closed_call_would_not_fit():
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", AS_OF, "--all")
    text = flat(r.stdout)
    assert ("✗ SD21: project starts 2021-01-01; the pilot projects are carried out in 2023"
            in text)
    assert "the page says «Pilotprojekten har en genomförandetid under 2023.»; also SD20" in text


@pytest.mark.parametrize("columns", ["60", "200"])
def test_why_keeps_its_figures_at_any_width(columns):
    r = run("match", "profiles/danbyg-holding.toml", "--as-of", AS_OF, columns=columns)
    text = flat(r.stdout)
    assert "2350 FTE = employees 2350 + owners 0 > 20 allowed" in text
    assert all(len(line) <= int(columns) for line in r.stdout.splitlines())


# --- batch and schemes: nothing folded, nothing squeezed --------------------------------------


PATHS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "profiles").glob("*.toml"))


@pytest.mark.parametrize("columns", ["60", "80", "200"])
def test_the_batch_table_keeps_every_path_whole_on_one_line(columns):
    """At 60 columns the table folded "profiles/danbyg-holdin" / "g.toml": a path that no longer
    copies. Each path is now on one line, in its row when they all fit, else below the table
    after its row's number."""
    r = run("batch", "profiles/", "--format", "table", "--as-of", AS_OF, "--jobs", "1",
            columns=columns)
    assert r.exit_code == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    for path in PATHS:
        assert [line for line in lines if path in line], (path, r.stdout)
    assert all(len(line) <= int(columns) for line in lines)


def test_at_60_columns_the_paths_follow_the_table_by_row_number():
    r = run("batch", "profiles/", "--format", "table", "--as-of", AS_OF, "--jobs", "1",
            columns="60")
    lines = r.stdout.splitlines()
    start = lines.index("Profiles:")
    assert lines[start + 1:start + 7] == [f"{n}   {p}" for n, p in enumerate(PATHS, 1)]
    row = next(line for line in lines if line.startswith("1   Danbyg Holding A/S"))
    assert "profiles/" not in row


def test_at_80_columns_the_paths_stay_under_the_names():
    r = run("batch", "profiles/", "--format", "table", "--as-of", AS_OF, "--jobs", "1")
    lines = r.stdout.splitlines()
    assert "Profiles:" not in lines
    at = next(i for i, line in enumerate(lines) if line.startswith("1   Danbyg Holding A/S"))
    assert lines[at + 1].strip() == "profiles/danbyg-holding.toml"


def test_an_input_that_could_not_be_checked_has_its_error_whole_below_a_narrow_table(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[company]\nname = 5\n", encoding="utf-8")
    r = run("batch", "profiles/kvantia-startup.toml", str(bad), "--format", "table",
            "--as-of", AS_OF, "--jobs", "1", columns="60")
    assert r.exit_code == 4, r.stdout + r.stderr
    assert "2   ! not checked (below)" in r.stdout
    assert f"2 ! {bad}:1: company.country: required field is missing" in flat(r.stdout)
    assert [line for line in r.stdout.splitlines() if str(bad) in line]  # the path on a line


def _status_width(stdout: str) -> int:
    """The width of the schemes table's Status column: from its heading to the next's."""
    head = next(line for line in stdout.splitlines() if line.startswith("Scheme"))
    return head.index("Tier") - head.index("Status")


def test_schemes_at_80_columns_gives_the_status_room():
    """At 80 columns the Status column was 11 wide: SMV:Digital's call took 20 lines. The aid
    rate now goes under the maximum grant and the status has the largest share."""
    r = run("schemes", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert _status_width(r.stdout) >= 18
    lines = r.stdout.splitlines()
    smv = lines.index(next(line for line in lines if line.startswith("SMV:Digital")))
    t100 = next(i for i, line in enumerate(lines) if " t100 " in line)
    assert t100 - smv <= 14  # 20 before
    assert "DKK 25,000" in lines[smv] and "aid rate 50 %" in lines[smv + 1]
    assert all(len(line) <= 80 for line in lines)


# --- outreach: the pack says what a company needs to answer -----------------------------------


REGISTRY = "tests/registry/data/mixed_enheter.csv"
FJORDLYS = "923609016"  # the mixed fixture's Norwegian company: Bedriftsnettverk and PO open


def _pack(out: Path, *extra: str):
    r = run("outreach", "--input", REGISTRY, "--as-of", AS_OF, "--out", str(out), *extra)
    assert r.exit_code == 0, r.stdout + r.stderr
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}


def test_no_file_of_the_pack_sends_the_company_to_the_repositorys_docs(tmp_path):
    """The questionnaires said "a list: write [] for none, or see docs/profile.md": a file of
    grantcheck's repository, which the company has not got."""
    files = _pack(tmp_path / "pack")
    assert [name for name, text in files.items() if "docs/" in text] == []


def test_a_list_of_tables_is_explained_with_its_keys_in_the_questionnaire(tmp_path):
    files = _pack(tmp_path / "pack")
    en, nb = flat(files[f"{FJORDLYS}.en.md"]), flat(files[f"{FJORDLYS}.nb.md"])
    assert ('answer as: a list: [] for none, else [{ key = value, … }, …], one entry each, '
            'with the keys: name = text in quotes: "…" (required); kind = one of: "company", '
            '"knowledge_actor", "public_body" (required); country = text in quotes: "…"; '
            'sme = true (yes) or false (no);' in en)
    assert "svar som: en liste: [] for ingen, ellers [{ nøkkel = verdi, … }, …]" in nb
    assert 'kind = én av: "company", "knowledge_actor", "public_body" (må oppgis)' in nb


def test_a_yes_no_question_asks_for_what_toml_reads(tmp_path):
    """"[yes or no]": `economic_activity_in_norway = yes` is no TOML, and batch --profiles
    refused the whole folder. The pack now says true or false."""
    files = _pack(tmp_path / "pack")
    answers = files[f"{FJORDLYS}.toml"]
    assert "[true (yes) or false (no)]" in answers and "[yes or no]" not in answers
    assert "svar som: true (ja) eller false (nei)" in files[f"{FJORDLYS}.nb.md"]


def test_answers_written_as_the_pack_says_are_read_back(tmp_path):
    """Every question of FJORDLYS AS's answers file answered in the form its comment names
    (true, a number, a date, a list, a list of tables with its required keys): `batch
    --profiles` reads the file, and the facts it states are no longer missing."""
    out = tmp_path / "pack"
    files = _pack(out)
    form = {"true (yes) or false (no)": "true", "a number": "5", "a whole number": "1",
            "a date, YYYY-MM-DD": "2027-03-01"}
    lines = files[f"{FJORDLYS}.toml"].splitlines()
    table = ""
    for i, line in enumerate(lines):
        if line.startswith("["):
            table = line.strip("[]")
        if not (line.startswith("# ") and line.endswith(" = ")):
            continue
        key = line.removeprefix("# ").removesuffix(" = ")
        how = how_to_answer(f"{table}.{key}", "en")
        assert f"[{how}]" in lines[i - 1]  # the comment above the key says it
        if how in form:
            lines[i] = f"{key} = {form[how]}"
        elif how.startswith("a list: "):
            lines[i] = (f'{key} = [{{ name = "Hav AS", kind = "company" }}]'
                        if key == "participants" else f"{key} = []")
        elif how.startswith(("a list of texts", "one or more of")):
            lines[i] = f"{key} = []"
    (out / f"{FJORDLYS}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("batch", "--input", REGISTRY, "--profiles", str(out), "--as-of", AS_OF,
            "--format", "jsonl", "--detail", "full")
    assert r.exit_code in (0, 1), r.stdout + r.stderr
    [record] = [d for d in map(json.loads, r.stdout.splitlines())
                if d["profile"]["name"] == "FJORDLYS AS"]
    missing = {m for s in record["schemes"] for f in s["findings"]
               if s["id"] in ("no-bedriftsnettverk", "no-prosessinnovasjon")
               for m in f.get("missing_fields", [])}
    assert missing.isdisjoint({"network.participants", "company.economic_activity_in_norway",
                               "declarations.sound_finances", "project.start"}), missing


def test_a_list_of_tables_stated_is_kept_in_the_next_answers_file(tmp_path):
    """A company that named its network's participants got a new answers file without them
    (a list's provenance is the list's, not its entries'): the next screening lost them."""
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "fjordlys.toml").write_text(
        '[company]\nname = "FJORDLYS AS"\ncountry = "NO"\norg_number = "923609016"\n\n'
        '[network]\nparticipants = [{ name = "Hav AS", kind = "company" }, '
        '{ name = "Fjell AS", kind = "company" }]\n', encoding="utf-8")
    files = _pack(tmp_path / "pack", "--profiles", str(answers))
    kept = tomllib.loads(files[f"{FJORDLYS}.toml"])
    assert kept["network"]["participants"] == [{"name": "Hav AS", "kind": "company"},
                                               {"name": "Fjell AS", "kind": "company"}]
    # a question about one entry says where its answer goes, in the file itself
    assert ("(write sme = … in entry 2 of network.participants, below)"
            in files[f"{FJORDLYS}.toml"])


# --- budget: a rule the draft breaks shows the sentence it rests on ---------------------------


def test_a_budget_rule_broken_shows_the_pages_sentence():
    """POB01 said which line is not one of the page's four cost kinds, not where the page says
    so (--explain only). A broken rule now shows its sentence under the figures."""
    r = run("budget", "--scheme", "no-prosessinnovasjon", "--line", "consultancy=150000",
            "--line", "marketing=50000", "--as-of", AS_OF, columns="100")
    assert r.exit_code == 1, r.stdout + r.stderr
    text = flat(r.stdout.replace("│", " "))
    assert ("1 line(s), NOK 50,000, are not among the four cost kinds: line 2, marketing the "
            "page says «Følgende poster kan inngå i godkjent støttegrunnlag:» → remove them"
            in text)


# --- shortlist: a table at 80 columns ---------------------------------------------------------


def test_the_shortlist_is_a_table_at_80_columns_and_keeps_its_euros_whole():
    """"declarations.large_enterprise_exception" (39 characters) in the Questions column drew
    the shortlist as a list at 80 columns ("#: 1", "Company: FJORDLYS AS", …); the field is
    now named as the TOML writes it, as match names it, and the table fits."""
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "--format", "table")
    assert r.exit_code == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert "#: 1" not in lines
    assert any(line.startswith("#   Company") for line in lines)
    text = flat(r.stdout)
    at = next(i for i, line in enumerate(lines) if "first: [declarations]" in line)
    assert lines[at + 1].split()[-1] == "large_enterprise_exception"  # whole, under it
    assert "first: [network]" in text and "declarations.large" not in text
    assert all(line.rstrip().endswith("≈") is False for line in lines)  # "≈ EUR 72,594" whole
    assert text.count("≈ EUR 72,594") == 3
    assert all(len(line) <= 80 for line in lines)


def test_the_shortlist_csv_keeps_the_dotted_path():
    r = run("shortlist", "--input", REGISTRY, "--as-of", AS_OF, "--format", "csv")
    assert ",declarations.large_enterprise_exception," in r.stdout


def test_at_40_columns_the_batch_list_keeps_each_path_under_its_name():
    """Too narrow for the table even without its paths, the rows are a list: each path on a line
    of its own under its name, not apart from it."""
    r = run("batch", "profiles/danbyg-holding.toml", "profiles/kvantia-startup.toml", "--format",
            "table", "--as-of", AS_OF, "--jobs", "1", columns="40")
    lines = r.stdout.splitlines()
    at = lines.index("Profile: Danbyg Holding A/S")
    assert lines[at + 1] == "profiles/danbyg-holding.toml"
    assert "Profiles:" not in lines
