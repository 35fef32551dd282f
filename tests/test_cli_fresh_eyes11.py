"""A new user's read, eleventh round: what `grantcheck --help` lists says what each command
answers; `budget`'s first line says which voucher it assumed when none is stated; the reference
shows output a reader can reproduce with the command it names."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import flat
from tests.support import run_in_checkout as run

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"


def _listed() -> dict[str, str]:
    """The command list of `grantcheck --help`: each command's description, on one line."""
    r = run("--help")
    assert r.exit_code == 0, r.stdout + r.stderr
    listed: dict[str, str] = {}
    name = ""
    for line in r.stdout.split("Commands:", 1)[1].splitlines():
        head = re.match(r"^  (\S+)\s+(.*)$", line)
        if head:
            name = head.group(1)
            listed[name] = head.group(2)
        elif name and line.strip():
            listed[name] += " " + line.strip()
    return listed


# --- help: what each command answers ----------------------------------------------------------


def test_the_command_list_says_what_each_command_answers():
    """`budget` was listed as "Check a draft project budget …", `batch` as "Check many profiles
    at once …", `shortlist` as "Rank the companies …", `outreach` as "Write an outreach pack …",
    `validate` as "Check profiles against the profile model …": what each does, not what it
    answers. Those that answer a question now say it (init and schema write a file)."""
    listed = _listed()
    asking = {name: text for name, text in listed.items() if name not in ("init", "schema")}
    assert set(asking) == {"match", "budget", "validate", "schemes", "show", "batch",
                           "outreach", "shortlist"}
    for name, text in asking.items():
        if name == "show":
            continue  # "Everything one scheme asks: …" (what it answers, said as a noun)
        assert text.split()[0] in ("Which", "What", "Whether"), (name, text)
    assert listed["budget"].startswith("What grant and own funding a draft budget gives, and "
                                       "whether it keeps a scheme's cost rules")
    assert listed["batch"].startswith("Which schemes each of many profiles fits, and for how "
                                      "much")
    assert listed["shortlist"].startswith("Which companies of a registry screening are the "
                                          "best prospects")
    assert listed["outreach"].startswith("What to ask each company of a screening to settle "
                                         "its open schemes")
    assert listed["validate"].startswith("Whether profiles are valid")


# --- budget: the voucher assumed --------------------------------------------------------------


def test_budget_says_which_voucher_it_assumed_when_none_is_stated():
    """The first line said "grant DKK 155,000 at most (the voucher assumed)": which voucher, a
    new user could not tell. It now says none was stated and the largest the lines can use was
    taken; the rule SMVB01 names it, with the fix (--tier)."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000", "--line",
            "hardware=320000", "--as-of", AS_OF)
    assert r.exit_code == 1, r.stdout + r.stderr
    text = flat(r.stdout)
    assert text.startswith("SMV:Digital (dk-smv-digital): needs information — grant "
                           "DKK 155,000 at most (no voucher stated: the largest the lines can "
                           "use), own funding DKK 315,000; call open · no dates")
    assert "the voucher assumed" not in text
    assert ("at most, if the company fits the largest voucher the lines can use (none stated)"
            in text)
    assert "computed for the up to DKK 250,000 voucher" in text
    assert "give --tier (t25, t100 or t250)" in text


def test_budget_without_investment_lines_assumes_the_dkk_100000_voucher():
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000",
            "--as-of", AS_OF)
    text = flat(r.stdout)
    assert ("grant DKK 75,000 at most (no voucher stated: the largest the lines can use)"
            in text)
    assert "computed for the DKK 100,000 voucher" in text


def test_budget_with_a_voucher_stated_says_no_assumption():
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000", "--tier",
            "t100", "--as-of", AS_OF)
    text = flat(r.stdout)
    assert "no voucher stated" not in text and "none stated" not in text
    assert "tier DKK 100,000 (t100)" in text


# --- the reference: output a reader can reproduce ---------------------------------------------


def test_the_shortlist_first_lines_of_commands_md_are_what_the_named_command_prints():
    """docs/commands.md showed shortlist's first lines ("no-bedriftsnettverk: 0 fit, 3 need
    information; … NOK 2,250,000 in all") with no command: the screening of the tests'
    fixture with the answers a reader can find gave "2 need information". The page now names
    the command, and this test runs it."""
    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    section = page.split("## `grantcheck shortlist`", 1)[1].split("\n## ", 1)[0]
    said = re.search(r"`--top N` too \((.*?)\):\n\n```text\n(.*?)```", section, re.S)
    assert said, "the first lines' block names the command that prints them"
    command = flat(said.group(1)).split("`")[1]
    args = command.split()
    assert args[0] == "grantcheck"
    r = run(*args[1:], "--format", "csv", columns="1000")
    assert r.exit_code == 0, r.stderr
    assert flat(r.stderr).startswith(flat(said.group(2)))  # its lines as shown, 1,000 wide
    assert "no-bedriftsnettverk: 0 fit, 3 need information" in said.group(2)


def test_commands_md_does_not_say_every_help_ends_with_an_example():
    """Most commands' --help show their example before the details (README says "shows")."""
    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert "`--help` ends with an example" not in flat(page)
    for name in ("match", "budget", "init", "validate", "schema", "schemes", "show", "batch",
                 "outreach", "shortlist"):
        r = run(name, "--help", columns="100")
        assert r.exit_code == 0, name
        assert re.search(r"^  Examples?:$", r.stdout, re.M), name


def _json_block(heading: str) -> str:
    page = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    return page.split(heading, 1)[1].split("```json\n", 1)[1].split("```", 1)[0]


def _shown(block: str, key: str) -> object:
    """The first value the block shows for ``key`` (an object on one line, a string, null)."""
    import json

    said = re.search(rf'"{key}": (\{{[^{{}}]*\}}|null|true|false|"[^"]*")', block)
    assert said, key
    return json.loads(said.group(1))


def test_json_md_shows_the_figures_match_prints_for_its_example():
    """docs/json.md's `match` example named Nordlys on 2026-11-23 with a max grant of
    DKK 100,000, an aid rate of 0.5, no warnings and "SMV05 … turnover DKK 4,800,000": the
    command prints DKK 220,000 (the up-to-DKK-250,000 voucher, whose aid rate is null: two
    rates), a warning, and the turnover rule is SMV12 with DKK 9,800,000."""
    import json

    block = _json_block("`grantcheck match PROFILE --format json` prints one object")
    r = run("match", "profiles/nordlys-automation.toml", "--as-of", AS_OF, "--format", "json")
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)
    smv = next(s for s in got["schemes"] if s["id"] == "dk-smv-digital")
    for key in ("max_grant", "own_funding", "aid_rate", "cap", "cost_base", "verdict",
                "verdict_if_open", "status"):
        assert _shown(block, key) == smv[key], key
    assert _shown(block, "profile") == got["profile"]
    turnover = next(f for f in smv["findings"] if f["rule"] == _shown(block, "rule"))
    assert turnover["message"] == _shown(block, "message")
    assert got["warnings"][0].startswith(
        json.loads(re.search(r'"warnings": \[("[^"]*)…"\]', block).group(1) + '"'))


def test_json_md_shows_the_call_and_rates_budget_prints_for_its_example():
    import json

    block = _json_block("`grantcheck budget … --format json` prints one object")
    r = run("budget", "profiles/nordlys-automation.toml", "--as-of", AS_OF, "--format", "json")
    assert r.exit_code == 0, r.stderr
    b = json.loads(r.stdout)["budgets"][0]
    call = json.loads(re.search(r'"call": (\{.*\}),\n', block).group(1))
    assert call["status"] == b["call"]["status"]
    assert b["call"]["text"].startswith(call["text"].removesuffix("…"))
    rates = json.loads(re.search(r'"exchange_rates": (\[.*\])\n', block).group(1))
    assert rates == b["exchange_rates"]
    assert _shown(block, "tier") == b["tier"] and _shown(block, "verdict") == b["verdict"]


def test_the_readme_shortlist_example_can_be_tried_in_a_clone():
    """README's shortlist example reads `enheter.csv.gz`, a registry's bulk file no clone holds
    ("Error: enheter.csv.gz: no such file"): it now names the tests' five units to try it on."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `grantcheck shortlist`", 1)[1].split("\n### ", 1)[0]
    said = re.search(r"in a clone, `--input (\S+)`", section)
    assert said, "the README names a file of the clone to try shortlist on"
    r = run("shortlist", "--input", said.group(1), "--top", "20", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("rank,number,name,")
    assert len(r.stdout.splitlines()) == 6  # the header and the five units
    assert r.stderr.startswith("5 units screened on 2026-11-23: 4 of 5 companies can still fit")
