"""A new user's read, tenth round: the answer first, and nothing a reader must wade through to
reach it. `match`'s "To settle" and "Answer these" lines name the rules a fact or an action
settles up to six; past that they count them and say where each id is named (`--explain`, JSON),
never cutting a list of ids part-way: before Innobooster People's page (2020-07-03) a bare profile
listed all 37 rule ids after "choose an evaluation date"."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.support import flat
from tests.support import run_in_checkout as run

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
BARE = '[company]\nname = "Bare ApS"\ncountry = "DK"\n'
# Innobooster People's page is known from version 3, published 2020-07-03; its call closed
# 2020-12-01: open and encoded on 2020-11-15
IP_BEFORE, IP_OPEN = "2020-06-01", "2020-11-15"


def _bare(tmp_path: Path) -> str:
    path = tmp_path / "bare.toml"
    path.write_text(BARE, encoding="utf-8")
    return str(path)


# --- match: the ids a fact or an action settles -------------------------------------------------


def test_up_to_six_ids_are_named_and_seven_are_counted():
    from grantcheck.render.match import MAX_IDS, rule_ids

    six = [f"R{i}" for i in range(MAX_IDS)]
    assert MAX_IDS == 6
    assert rule_ids(six) == "R0, R1, R2, R3, R4, R5"
    assert rule_ids([*six, "R6"]) == "7 rules; their ids: --explain"


def test_a_date_the_rules_do_not_cover_counts_the_rules_it_holds_up(tmp_path):
    r = run("match", _bare(tmp_path), "--as-of", IP_BEFORE, "--scheme", "dk-innobooster-people")
    text = flat(r.stdout)
    assert ("To settle Innobooster People (COVID-19 call): choose an evaluation date the rules "
            "cover (--as-of): the rules are encoded from 2020-07-03 until 2026-12-31 (37 rules; "
            "their ids: --explain)") in text
    assert "IP00" not in text and "IP39" not in text
    for columns in ("80", "120"):
        lines = run("match", _bare(tmp_path), "--as-of", IP_BEFORE, "--scheme",
                    "dk-innobooster-people", columns=columns).stdout.splitlines()
        assert max(map(len, lines)) <= int(columns)


def test_the_ids_counted_are_each_named_by_explain_and_json(tmp_path):
    j = run("match", _bare(tmp_path), "--as-of", IP_BEFORE, "--scheme", "dk-innobooster-people",
            "--format", "json")
    findings = json.loads(j.stdout)["schemes"][0]["findings"]
    waiting = [f["rule"] for f in findings if f["outcome"] == "unknown" and f["kind"] != "info"
               and "choose an evaluation date" in (f["fix"] or "")]
    assert len(waiting) == 37
    explain = run("match", _bare(tmp_path), "--as-of", IP_BEFORE, "--scheme",
                  "dk-innobooster-people", "--explain")
    assert all(f"Rule: {rule}\n" in explain.stdout for rule in waiting)


def test_six_ids_after_an_action_are_all_named(tmp_path):
    """Säker digitalisering before its page's rules (2022-07-01): six rules wait on the date."""
    text = flat(run("match", _bare(tmp_path), "--as-of", IP_OPEN).stdout)
    assert ("the rules are encoded from 2022-07-01, with no end date stated (SD00, SD13, SD14, "
            "SD21, SD20, SD17)") in text


def test_a_fact_that_settles_many_rules_is_counted_and_one_that_settles_few_named(tmp_path):
    text = flat(run("match", _bare(tmp_path), "--as-of", IP_OPEN).stdout)
    assert ("Answer these 23 to settle Innobooster People (COVID-19 call): employees (14 rules; "
            "their ids: --explain), aid_received (IP19); [company] employees_fte (IP08)") in text
    assert "IP12" not in text


# --- schemes: the table in the answer's order ---------------------------------------------------


def _rows(stdout: str, ids: tuple[str, ...]) -> list[int]:
    return [stdout.index(i) for i in ids]


def test_the_schemes_table_lists_the_open_calls_first_as_its_first_line_names_them():
    """The first line named the three open calls, the table then opened on Innobooster People,
    closed since 2020-12-01."""
    for columns in ("80", "120"):
        out = run("schemes", "--as-of", "2026-11-23", columns=columns).stdout
        first = flat(out.split("\nScheme", 1)[0])
        assert first.startswith("5 schemes on 2026-11-23: 3 open — SMV:Digital up to "
                                "DKK 250,000, Bedriftsnettverk (main projects) up to NOK 750,000, "
                                "Prosess- og organisasjonsinnovasjon (no cap stated); 2 closed "
                                "(dk-innobooster-people, se-saker-digitalisering).")
        ids = ("dk-smv-digital", "no-bedriftsnettverk", "no-prosessinnovasjon",
               "dk-innobooster-people", "se-saker-digitalisering")
        table = out[out.index("\nScheme"):]
        assert _rows(table, ids) == sorted(_rows(table, ids))


def test_while_saker_digitalisering_was_open_it_comes_before_the_closed_call_and_json_keeps_order():
    """On 2023-02-15 the Swedish pilot call was open (until 2023-03-01), Innobooster People
    closed: the table lists the pilot with the open calls, JSON keeps the catalogue's order."""
    out = run("schemes", "--as-of", "2023-02-15").stdout
    assert "4 open" in flat(out.split("\nScheme", 1)[0])
    table = out[out.index("\nScheme"):]
    assert table.index("se-saker-digitalisering") < table.index("dk-innobooster-people")
    later = run("schemes", "--as-of", "2023-02-15", "--format", "json").stdout
    assert [s["id"] for s in json.loads(later)["schemes"]][:2] == [
        "dk-innobooster-people", "dk-smv-digital"]


def test_the_schemes_named_keep_the_order_given():
    out = run("schemes", "--as-of", "2026-11-23", "--scheme",
              "se-saker-digitalisering,dk-smv-digital").stdout
    table = out[out.index("\nScheme"):]
    assert table.index("se-saker-digitalisering") < table.index("dk-smv-digital")


# --- help: the first line says what the command answers ------------------------------------------


def test_the_command_list_says_what_match_and_schemes_answer():
    """"Match a company profile against the schemes." said what it does, not what it answers."""
    listed = flat(run("--help", columns="80").stdout.split("Commands:", 1)[1])
    assert "match Which schemes fit a company profile, for how much, and what would settle the " \
        "rest." in listed
    assert "schemes Which schemes are open on a date and up to how much, then each one's " \
        "agency, call, maximum grant, aid rate and own funding." in listed


def test_match_and_budget_help_say_the_first_line_is_the_answer_and_where_the_rest_is():
    match = flat(run("match", "--help", columns="120").stdout)
    assert ("The first line is the answer: what fits and for how much (own funding too), what "
            "needs information, and what is not shown (another country's, closed calls: --all "
            "shows them)") in match
    assert "--format json prints it all as data" in match
    budget = flat(run("budget", "--help", columns="120").stdout)
    assert ("The first line is the answer: the verdict, the grant, the own funding, and the "
            "call as match says it") in budget
    assert "--format json: all of it as data" in budget


def test_batch_and_shortlist_help_say_what_comes_first():
    batch = flat(run("batch", "--help", columns="120").stdout)
    assert ("The table (the default) says the answer first: how many profiles can still fit a "
            "scheme, per scheme how many and for up to how much; then a row per profile, what it "
            "fits and for how much.") in batch
    shortlist = flat(run("shortlist", "--help", columns="120").stdout)
    assert ("First the answer (on stderr with csv): how many companies can still fit a scheme, "
            "and per scheme how many fit or need information and for up to how much.") in shortlist


# --- batch: what each profile fits, and for how much -----------------------------------------


def _batch_rows(stdout: str) -> str:
    return stdout[stdout.index("\n#"):stdout.index("total")]


def test_the_batch_table_says_under_a_profile_what_it_fits_and_for_how_much():
    """The first lines said "up to DKK 220,000 a company"; the rows only ✓ and ?: which company
    gets what took a CSV."""
    for columns in ("80", "120"):
        r = run("batch", "profiles/", "--as-of", "2026-11-23", "--jobs", "1", columns=columns)
        assert r.exit_code == 0, r.stderr
        rows = _batch_rows(r.stdout)
        lines = [line.strip() for line in rows.splitlines()]
        after = {lines[i - 1]: line for i, line in enumerate(lines) if line.startswith("fits:")}
        assert after == {"profiles/fjordnett-network.toml": "fits: BN NOK 700,000",
                         "profiles/hardanger-prosess.toml": "fits: PO NOK 3,200,000",
                         "profiles/nordlys-automation.toml": "fits: SMV DKK 220,000"}, rows


def test_a_profile_that_fits_nothing_or_only_a_closed_call_gets_no_fits_line():
    """Kvantia would fit Innobooster People, closed since 2020-12-01: the row says `– (✓)`, no
    "fits:" (match: "no scheme fits yet")."""
    r = run("batch", "profiles/kvantia-startup.toml", "profiles/danbyg-holding.toml", "--as-of",
            "2026-11-23", "--jobs", "1")
    assert "fits:" not in _batch_rows(r.stdout)
    assert "– (✓)" in _batch_rows(r.stdout)


def test_a_fit_whose_grant_is_not_known_says_so_and_two_fits_are_both_named():
    from grantcheck.money import Money
    from grantcheck.render.batch import fits_words

    ids = ["no-bedriftsnettverk", "no-prosessinnovasjon", "dk-smv-digital"]
    verdicts = (("fits", "fits"), ("fits", "fits"), ("needs_information", "needs_information"))
    grants = [Money.of("700000", "NOK"), None, Money.of("25000", "DKK")]
    assert fits_words(ids, verdicts, grants) == "BN NOK 700,000; PO (max grant not known)"


# --- usage errors: the hint a new user needs --------------------------------------------


def test_match_without_a_profile_says_how_to_get_one():
    """"see 'grantcheck match -h'" sent a user with no profile to a help that names none."""
    from tests.robustness.helpers import cli

    for command in ("match", "validate"):
        r = cli(command)
        assert r.returncode == 2
        assert r.stderr.decode() == (
            "Error: Missing argument 'PROFILE'.\nHint: no profile yet? grantcheck init acme.toml "
            "writes one from questions; the repository's profiles/ has examples (grantcheck "
            f"{command} profiles/nordlys-automation.toml)\n")


def test_an_option_without_its_value_points_to_the_commands_help():
    """"Option '--as-of' requires an argument." pointed to 'grantcheck -h', the list of
    commands, where --as-of is not described."""
    from tests.robustness.helpers import cli

    r = cli("match", "profiles/nordlys-automation.toml", "--as-of")
    assert r.returncode == 2
    assert r.stderr.decode() == ("Error: Option '--as-of' requires an argument.\n"
                                 "Hint: see 'grantcheck match -h'\n")
    assert cli("--bogus").stderr.decode().endswith("Hint: see 'grantcheck -h'\n")


# --- match: the amounts line starts with the grant the answer states -----------------------------


def test_innobooster_peoples_amounts_line_starts_with_the_grant_the_first_line_states():
    """Kvantia (two funded employees) on 2020-11-15: the first line said "up to DKK 702,000",
    the amounts line below it "Freja Holm: 12 × min(…) = DKK 360,000 (more: --explain)", the
    first employee's part only (the total came in the third clause, which --explain shows)."""
    r = run("match", "profiles/kvantia-startup.toml", "--as-of", IP_OPEN)
    text = flat(r.stdout)
    assert "1 scheme fits — Innobooster People (COVID-19 call), up to DKK 702,000" in text
    assert ("Amounts: grant DKK 702,000 = Freja Holm: 12 × min(DKK 30,000, 75 % × DKK 46,000) = "
            "DKK 360,000 + Mads Iversen: 12 × min(DKK 30,000, 75 % × DKK 38,000) = DKK 342,000, "
            "at most DKK 1,080,000 per company (more: --explain)") in text


def test_a_grant_held_to_the_company_cap_says_so_first():
    from tests.schemes.test_innobooster_people import amounts_of, employee, staff

    four = amounts_of(staff(*(employee(n, monthly_salary=50_000) for n in "ABCD")))
    assert four.basis.startswith("grant DKK 1,080,000, capped at DKK 1,080,000 per company: A: "
                                 "12 × min(DKK 30,000, 75 % × DKK 50,000) = DKK 360,000 + B: ")
    assert "+ D: 12 × min(DKK 30,000, 75 % × DKK 50,000) = DKK 360,000 = DKK 1,440,000; " \
        "cost base 12 months" in four.basis
