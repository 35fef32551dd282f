"""`grantcheck init`: which questions are asked, the answers' profile, and the file it writes."""

from __future__ import annotations

import copy
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.engine import Ctx, evaluate
from grantcheck.fields import all_specs, generic
from grantcheck.fx import FxRates
from grantcheck.plan import OTHER_READS, asked_paths, make_plan, unanswered
from grantcheck.profile import ProfileError, load_profile, profile_from_data
from grantcheck.questionnaire import Questionnaire, leaf_paths
from grantcheck.render.profile_toml import profile_toml
from grantcheck.schemes import all_schemes
from tests.support import ON, country_without_scheme, one_line_each

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.toml"))
runner = CliRunner()


# a date when every Danish scheme's call was open (Innobooster People closed on 2020-12-01), and
# the Danish schemes named: the questionnaire asks what every Danish scheme reads, as the scripted
# Questionnaire (no date, the same schemes) does. (Unnamed, a Danish company is also asked what
# the schemes open to every country read, as match shows them: tests/test_cli_fresh_eyes8.py.)
DK_SCHEMES = ("dk-innobooster-people", "dk-smv-digital")
ALL_DK = ("--as-of", "2020-11-15", "--scheme", ",".join(DK_SCHEMES))


def run(*args: str, input: str | None = None):
    return one_line_each(runner.invoke(app, list(args), input=input,
                                       env={"NO_COLOR": "1", "COLUMNS": "140"}))


# --- which questions ------------------------------------------------------------------------


def test_a_danish_company_is_asked_what_the_danish_schemes_read_and_nothing_of_norways_registry():
    asked = asked_paths(make_plan("DK"))
    assert {"company.cvr_number", "company.turnover", "employees[].monthly_salary",
            "declarations.growth_ambitions", "documents.held"} <= asked
    assert "company.registered_in_foretaksregisteret" not in asked
    assert "network.participants" not in asked
    assert "project.exclusions" not in asked_paths(make_plan("DK", DK_SCHEMES))


def test_a_norwegian_company_is_asked_about_its_network_and_not_its_cvr_number():
    asked = asked_paths(make_plan("NO"))
    assert {"company.registered_in_foretaksregisteret", "network.participants",
            "network.participants[].sound_finances", "project.exclusions"} <= asked
    assert "company.cvr_number" not in asked
    assert "employees" not in asked


def test_named_schemes_replace_the_countrys():
    plan = make_plan("DK", ["no-prosessinnovasjon"])
    assert [s.id for s in plan.schemes] == ["no-prosessinnovasjon"]
    assert "project.exclusions" in asked_paths(plan)
    assert "company.cvr_number" not in asked_paths(plan)


def test_a_country_without_a_scheme_is_asked_what_every_countrys_schemes_read_and_its_currency():
    country = country_without_scheme()
    plan = make_plan(country)
    assert [s.id for s in plan.schemes] == [s.id for s in all_schemes() if not s.applicability]
    assert not plan.all_schemes_reason
    assert "company.currency" in asked_paths(plan)
    assert "company.currency" not in asked_paths(make_plan("SE"))


@pytest.mark.parametrize("scheme", all_schemes(), ids=lambda s: s.id)
def test_every_field_a_rule_reads_is_asked_in_the_schemes_country(scheme):
    asked = asked_paths(make_plan(scheme.country))
    for r in scheme.rules:
        for path in r.reads:
            assert generic(path) in asked, f"{r.id} reads {path}, which init does not ask"


def test_other_reads_name_real_fields_and_real_schemes():
    ids = {s.id for s in all_schemes()}
    for scheme_id, reads in OTHER_READS.items():
        assert scheme_id in ids
        for path, ref, why in reads:
            assert path in all_specs(), path
            assert ref and why


@pytest.mark.parametrize("scheme", all_schemes(), ids=lambda s: s.id)
def test_a_field_a_document_condition_names_is_asked(scheme):
    asked = asked_paths(make_plan(scheme.country))
    for d in scheme.documents:
        for path in re.findall(r"\b([a-z_]+(?:\[\])?\.[a-z_.\[\]]+[a-z_])\b", d.condition):
            if generic(path) in all_specs():
                assert generic(path) in asked, f"document {d.id} depends on {path}"


def _without(data: dict[str, Any], path: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    parts = re.findall(r"[a-z_0-9]+|\[\d+\]", path)
    for part in parts[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    del node[parts[-1]]
    return out


def _unknowns(data: dict[str, Any], schemes) -> set[str]:
    """Every field the checkers report as unknown for this profile (rules and amounts)."""
    try:
        profile = profile_from_data(data, "<test>")
    except ProfileError:
        return set()  # a required field removed: not a profile any more
    out: set[str] = set()
    for s in schemes:
        result = evaluate(s, Ctx(profile, ON, FxRates(ON)))
        out |= {m for f in result.findings for m in f.missing}
        for a in [result.amounts, *(t.amounts for t in result.tiers)]:
            out |= set(a.missing) | set(a.amounts.missing if a.amounts else ())
    return {generic(m) for m in out}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_fact_the_checkers_miss_is_asked(path):
    """Remove each fact of an example profile in turn: whatever the checkers then report as
    unknown must be a question init asks (so a rule that forgets a field in reads= fails)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    plan = make_plan(data["company"]["country"])
    asked = asked_paths(plan)
    minimal = {"company": {"name": "X", "country": data["company"]["country"]}}
    seen = _unknowns(minimal, plan.schemes)
    for leaf in leaf_paths(data):
        seen |= _unknowns(_without(data, leaf), plan.schemes)
    assert seen, "the ablation found nothing: it would prove nothing"
    assert seen <= asked, f"reported unknown but never asked: {sorted(seen - asked)}"


# --- answering: a scripted questionnaire --------------------------------------------------


class Script:
    """Answers by field path; records the answers given, in order, as lines for stdin."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.lines: list[str] = []
        self.said: list[str] = []

    def say(self, text: str, style: str = "") -> None:
        self.said.append(text)

    def ask(self, label: str) -> str:
        path = label.removesuffix("> ")
        answer = self.answers.get(path, "")
        self.lines.append(answer)
        return answer


DANISH = {
    "company.country": "DK",
    "company.name": "Nordlys Automation ApS",
    "company.cvr_number": "3849 2716",
    "company.founded": "2019-03-01",
    "company.listed": "no",
    "company.sector": "3",
    "company.employees_fte": "14.5",
    "company.owners_fte": "2",
    "company.turnover": "9 800 000",
    "company.related": "0",
    "aid_received": "1",
    "aid_received[0].granted": "2024-09-02",
    "aid_received[0].amount": "150000",
    "aid_received[0].scheme": "Innovationskraft",
    "aid_received[0].de_minimis": "yes",
    "project.budget_total": "680000",
    "project.investment_cost": "480000",
    "project.activities": "2, investment",
    "project.ineligible_activities": "none",
    "employees": "1",
    "employees[0].name": "Ida Holm",
    "employees[0].monthly_salary": "42000",
    "declarations.growth_ambitions": "y",
    "documents.held": "smv_application",
}


def _scripted(answers: dict[str, str]) -> tuple[dict[str, Any], str]:
    script = Script(answers)
    data, _ = Questionnaire(script, scheme_ids=DK_SCHEMES).run()
    return data, "\n".join(script.lines) + "\n"


def test_the_questionnaire_turns_answers_into_typed_values():
    data, _ = _scripted(DANISH)
    c = data["company"]
    assert c["cvr_number"] == "38492716"  # as the model normalises it
    assert c["sector"] == "other"  # answered by number
    assert c["turnover"] == Decimal("9800000")
    assert c["related"] == []  # 0 entries: "none", a fact
    assert data["project"]["activities"] == ["implementation", "investment"]
    assert data["project"]["ineligible_activities"] == []
    assert data["aid_received"][0]["de_minimis"] is True
    assert data["employees"] == [{"name": "Ida Holm", "monthly_salary": Decimal("42000")}]


def test_dont_know_leaves_fields_out():
    data, _ = _scripted(DANISH)
    assert "balance_sheet_total" not in data["company"]
    assert "listed" in data["company"]
    assert "previous_year" not in data["company"]  # every sub-field unknown: no empty table
    assert "grant_sought" not in data["project"]
    assert "hours_per_week" not in data["employees"][0]


def test_a_scripted_init_writes_a_profile_that_validate_accepts_and_match_evaluates(tmp_path):
    data, stdin = _scripted(DANISH)
    target = tmp_path / "nordlys.toml"
    r = run("init", str(target), *ALL_DK, input=stdin)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""  # questions and messages go to stderr
    assert "company.cvr_number>" in r.stderr
    assert "SMV01 The company has a Danish CVR number" in r.stderr  # why it is asked
    profile = load_profile(target)
    assert profile == profile_from_data(data, "<expected>")
    v = run("validate", str(target))
    assert v.exit_code == 0 and v.stdout == f"{target}: OK\n"
    m = run("match", str(target), "--format", "json", "--as-of", "2026-11-23")
    assert m.exit_code in (0, 1), m.stderr
    assert '"dk-smv-digital"' in m.stdout


def test_the_written_file_comments_each_dont_know_and_names_the_rules(tmp_path):
    _, stdin = _scripted(DANISH)
    target = tmp_path / "p.toml"
    run("init", str(target), *ALL_DK, input=stdin)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# grantcheck profile: Nordlys Automation ApS (DK)\n")
    assert "\n# balance_sheet_total = ?  # " in text
    assert re.search(r"^turnover = 9800000  # read by IP01, IP08, SMV02, SMV32, SMV12, SMV14$",
                     text, re.M)
    assert "\n# [company.previous_year]  # unknown" in text
    assert "related = []" in text
    # uncommenting a "don't know" line without an answer is a syntax error, never a value
    broken = text.replace("# balance_sheet_total = ?", "balance_sheet_total = ?")
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(broken)


@pytest.fixture
def terminal(monkeypatch):
    """The answers as if typed at a terminal, where a refused one is asked again."""
    monkeypatch.setattr("grantcheck.cli.profiles.answers_typed", lambda: True)


def test_an_invalid_answer_is_asked_again_with_the_reason(tmp_path, terminal):
    # after the CVR number: founded, listed, sector (don't know), then employees_fte
    answers = "Denmark\nDK\nAcme ApS\n1234\n12345678\n\n\n\nabc\n5\n" + "\n" * 200
    target = tmp_path / "p.toml"
    r = run("init", str(target), *ALL_DK, input=answers)
    assert r.exit_code == 0, r.stderr
    assert "must be a two-letter country code such as DK, NO or SE (got 'Denmark')" in r.stderr
    assert "a CVR number has 8 digits (got '1234')" in r.stderr
    assert "'abc' is not a number" in r.stderr
    p = load_profile(target)
    assert p.company.country == "DK" and p.company.cvr_number == "12345678"
    assert p.company.employees_fte == Decimal(5)


def test_a_required_answer_cannot_be_dont_know(tmp_path, terminal):
    r = run("init", str(tmp_path / "p.toml"), input="SE\n\n?\nAcme AB\n" + "\n" * 100)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("required: the profile cannot be written without it") == 2
    assert load_profile(tmp_path / "p.toml").company.name == "Acme AB"


def test_all_dont_know_gives_the_smallest_profile(tmp_path):
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--as-of", "2022-12-01", input="SE\nAcme AB\n" + "\n" * 100)
    assert r.exit_code == 0, r.stderr
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data == {"company": {"name": "Acme AB", "country": "SE"}, "project": {},
                    "declarations": {}}


def test_input_that_ends_early_keeps_the_answers_in_a_draft_not_the_profile(tmp_path):
    """Ctrl-D (or a pipe of too few answers) is an error, exit 2; the answers typed so far are
    kept in a draft as Ctrl-C keeps them, and the profile itself is not written."""
    target = tmp_path / "p.toml"
    r = run("init", str(target), input="DK\nAcme ApS\n")
    assert r.exit_code == 2
    assert "\nError: the input ended before the questions were all answered" in r.stderr
    assert "Traceback" not in r.stderr
    assert not target.exists()
    draft = tmp_path / "p.draft.toml"
    assert f"The input ended: the answers so far are in {draft}" in r.stderr
    assert sorted(tmp_path.iterdir()) == [draft]  # no temporary file left either
    data = tomllib.loads(draft.read_text(encoding="utf-8"))
    assert data["company"] == {"name": "Acme ApS", "country": "DK"}


def test_input_that_ends_at_the_name_keeps_the_country_in_a_draft(tmp_path):
    """The name is required, so the draft is not yet a valid profile: it is written all the
    same, with the name as its '# name = ?' line, and the exit is that of an ended input."""
    target = tmp_path / "p.toml"
    r = run("init", str(target), input="DK\n")
    assert r.exit_code == 2, r.stderr
    assert "internal error" not in r.stderr
    draft = tmp_path / "p.draft.toml"
    assert f"The input ended: the answers so far are in {draft}" in r.stderr
    text = draft.read_text(encoding="utf-8")
    assert "\n# name = ?  # legal name; e.g. " in text
    assert tomllib.loads(text)["company"] == {"country": "DK"}


def test_a_refused_piped_answer_stops_and_keeps_the_answers_before_it(tmp_path):
    """Piped answers: asking '14,5' again would read the next line, meant for the next
    question, and shift every later answer; init stops instead, naming the answer."""
    target = tmp_path / "p.toml"
    r = run("init", str(target), *ALL_DK,
            input="DK\nAcme ApS\n38492716\n2017-03-01\nno\n\n14,5\n2\n" + "\n" * 100)
    assert r.exit_code == 2, r.stderr
    assert r.stderr.splitlines()[-3:] == [
        "Error: company.employees_fte: answer 7 of the input ('14,5') is refused: '14,5': write "
        "the number with a point for decimals and no commas: e.g. 14.5",
        "Hint: answers not typed at a terminal are not asked again (the next line is the next "
        "question's answer): correct that line, or run init at a terminal",
        f"Stopped: the answers so far are in {tmp_path / 'p.draft.toml'} (a draft; finish it "
        f"in an editor, then grantcheck validate {tmp_path / 'p.draft.toml'}).",
    ]
    assert not target.exists()
    company = load_profile(tmp_path / "p.draft.toml").company
    assert (company.cvr_number, company.employees_fte, company.owners_fte) == (
        "38492716", None, None)


def test_a_refused_piped_required_answer_stops(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), input="SE\n\nAcme AB\n" + "\n" * 100)
    assert r.exit_code == 2
    assert ("Error: company.name: answer 2 of the input ('') is refused: required: the profile "
            "cannot be written without it") in r.stderr


def test_input_that_ends_before_any_answer_writes_nothing(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), input="")
    assert r.exit_code == 2
    assert "The input ended: no answer yet, nothing was written." in r.stderr
    assert not list(tmp_path.iterdir())


def test_init_refuses_to_overwrite_and_asks_nothing(tmp_path):
    target = tmp_path / "p.toml"
    target.write_text("mine\n", encoding="utf-8")
    r = run("init", str(target), input="DK\nAcme ApS\n" + "\n" * 100)
    assert r.exit_code == 2
    assert f"Error: {target}: already exists" in r.stderr
    assert "Hint: use --force to replace it" in r.stderr
    assert "company.country>" not in r.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_a_folder_or_a_missing_folder_before_asking(tmp_path):
    r = run("init", str(tmp_path), "--force", input="DK\n")
    assert r.exit_code == 2 and f"Error: {tmp_path}: is a folder" in r.stderr
    r = run("init", str(tmp_path / "no" / "p.toml"), input="DK\n")
    assert r.exit_code == 2 and "does not exist" in r.stderr
    assert "company.country>" not in r.stderr


def test_init_force_replaces_the_file(tmp_path):
    target = tmp_path / "p.toml"
    target.write_text("mine\n", encoding="utf-8")
    r = run("init", str(target), "--force", input="DK\nAcme ApS\n" + "\n" * 100)
    assert r.exit_code == 0, r.stderr
    assert load_profile(target).company.name == "Acme ApS"


def test_init_dash_writes_the_profile_to_stdout_and_the_questions_to_stderr():
    r = run("init", "-", input="NO\nFjord AS\n" + "\n" * 200)
    assert r.exit_code == 0, r.stderr
    data = tomllib.loads(r.stdout)
    assert data["company"] == {"name": "Fjord AS", "country": "NO"}
    assert "network.participants>" in r.stderr


def test_entries_are_asked_one_by_one_required_fields_first(tmp_path):
    answers = {"company.country": "NO", "company.name": "Fjord AS",
               "network.participants": "2",
               "network.participants[0].name": "Bergen Rør AS",
               "network.participants[0].kind": "company",
               "network.participants[0].sme": "yes",
               "network.participants[1].name": "NTNU",
               "network.participants[1].kind": "knowledge_actor"}
    script = Script(answers)
    data, _ = Questionnaire(script).run()
    assert data["network"]["participants"] == [
        {"name": "Bergen Rør AS", "kind": "company", "sme": True},
        {"name": "NTNU", "kind": "knowledge_actor"}]
    asked = [line for line in script.said if line.startswith("network.participants[0].")]
    assert asked[0].startswith("network.participants[0].name")
    assert asked[1].startswith("network.participants[0].kind")


def test_a_table_with_required_fields_is_asked_only_when_wanted():
    script = Script({"company.country": "SE", "company.name": "Norrsken",
                     "project.training_addon": "yes", "project.training_addon.persons": "4",
                     "project.training_addon.amount": "120000"})
    data, _ = Questionnaire(script).run()
    assert data["project"]["training_addon"] == {"persons": 4, "amount": Decimal(120000)}
    script = Script({"company.country": "SE", "company.name": "Norrsken",
                     "project.training_addon": "no"})
    data, _ = Questionnaire(script).run()
    assert "training_addon" not in data.get("project", {})


def test_a_training_add_on_is_asked_as_a_yes_no_first_and_its_figures_may_be_unknown():
    """The add-on's fields are optional, but whether it is sought is a fact of its own."""
    script = Script({"company.country": "SE", "company.name": "Norrsken",
                     "project.training_addon": "yes", "project.training_addon.amount": "60000"})
    data, _ = Questionnaire(script).run()
    assert data["project"]["training_addon"] == {"amount": Decimal(60000)}
    assert any(line.startswith("Fill in project.training_addon") for line in script.said)


# --- --non-interactive and --set ------------------------------------------------------------


def test_non_interactive_set_writes_a_valid_profile(tmp_path):
    target = tmp_path / "acme.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.country=dk",
            "--set", "company.name=Acme ApS", "--set", "company.turnover=2500000",
            "--set", "employees[0].name=Ida", "--set", "employees[0].monthly_salary=40000",
            "--set", "aid_received=none", "--set", "project.activities=implementation",
            "--set", "company.listed=no", "--set", "company.balance_sheet_total=?")
    assert r.exit_code == 0, r.stderr
    assert "company.country>" not in r.stderr
    p = load_profile(target)
    assert 'country = "DK"' in target.read_text(encoding="utf-8")  # as the model holds it
    assert p.company.turnover == Decimal(2500000)
    assert p.company.listed is False
    assert p.aid_received == []
    assert p.employees is not None and p.employees[0].monthly_salary == Decimal(40000)
    assert p.company.balance_sheet_total is None
    assert "# balance_sheet_total = ?" in target.read_text(encoding="utf-8")
    assert run("validate", str(target)).exit_code == 0
    assert run("match", str(target), "--as-of", "2026-11-23").exit_code in (0, 1)


@pytest.mark.parametrize(("option", "expected", "hint"), [
    ("company.turnovr=5", "Error: --set 'company.turnovr': no such field in the profile",
     "Hint: did you mean 'company.turnover'?"),
    # a name like none of its table's is not matched to another for the shared 'company.'
    ("company.nonexistent=5", "Error: --set 'company.nonexistent': no such field",
     "Hint: see `grantcheck schema` or docs/profile.md for the profile's fields"),
    ("declarations.in_difficulty=true", "Error: --set 'declarations.in_difficulty': no such "
     "field", "Hint: did you mean 'company.in_difficulty'?"),
    ("employees[0].nam=Ida", "Error: --set 'employees[0].nam': no such field",
     "Hint: did you mean 'employees[0].name'?"),
    ("company.turnover=abc", "Error: --set company.turnover: 'abc' is not a number",
     "Hint: e.g. 1500000"),
    ("company.turnover=1,5", "Error: --set company.turnover: '1,5': write the number with a "
     "point for decimals and no commas", "Hint: e.g. 1.5"),
    ("company.turnover=150.000", "Error: --set company.turnover: '150.000' could be read two "
     "ways", "Hint: with '.' grouping thousands it is 150000, as a decimal mark 150"),
    ("company.listed=maybe", "Error: --set company.listed: 'maybe' is not yes or no", ""),
    ("company.sector=fishing", "Error: --set company.sector: 'fishing' is not one of the "
     "allowed values", ""),
    ("company.founded=12/03/2019", "Error: --set company.founded: '12/03/2019' is not a date",
     "Hint: write it as YYYY-MM-DD"),
    ("employees[1].name=Ida", "Error: --set employees[1].name: entry 1 leaves a gap: no entry "
     "is given so far", "Hint: number the entries from 0 without gaps (employees[0] next)"),
    ("employees[].name=Ida", "Error: --set employees[].name: an index is needed in "
     "'employees[]'", "Hint: e.g. employees[0]"),
    ("company.turnover", "Error: --set 'company.turnover': no '=' in it", "Hint: write --set "
     "key=value"),
    ("company.cvr_number=1234", "Error: --set company.cvr_number: a CVR number has 8 digits "
     "(got '1234')", ""),
    ("project.training_addon=5", "Error: --set project.training_addon: a table, not a value",
     "Hint: set its fields, e.g. --set project.training_addon.persons=…"),
])
def test_a_bad_set_is_named_with_a_hint_and_exit_2(tmp_path, option, expected, hint):
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS", "--set", option)
    assert r.exit_code == 2, r.stdout + r.stderr
    assert expected in r.stderr
    assert hint in r.stderr
    assert "Traceback" not in r.stderr
    assert not target.exists()


def test_non_interactive_needs_the_country_and_the_name(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), "--non-interactive",
            "--set", "company.name=Acme")
    assert r.exit_code == 2
    assert "Error: --set company.country=…: required without the questions" in r.stderr


def test_a_company_of_a_country_no_scheme_is_for_needs_a_currency(tmp_path):
    target, country = tmp_path / "p.toml", country_without_scheme()
    r = run("init", str(target), "--non-interactive", "--set", f"company.country={country}",
            "--set", "company.name=Oy")
    assert r.exit_code == 2
    assert f"company.currency: required for a company in {country}" in r.stderr
    r = run("init", str(target), "--non-interactive", "--set", f"company.country={country}",
            "--set", "company.name=Oy", "--set", "company.currency=EUR", "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.stderr
    text = " ".join(target.read_text(encoding="utf-8").replace("\n# ", " ").split())
    assert "with the questions of: no-prosessinnovasjon. Not asked: " in text  # as match shows
    assert "dk-smv-digital (a DK scheme; it would apply with company.cvr_number)" in text


def test_an_unknown_scheme_for_init(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), "--scheme", "dk-smv", "--non-interactive")
    assert r.exit_code == 2
    assert "--scheme 'dk-smv': no such scheme" in r.stderr


def test_a_key_set_twice_with_two_values_is_refused(tmp_path):
    """Refused as two --rate values for one currency are; the last one won before."""
    r = run("init", str(tmp_path / "p.toml"), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=A", "--set", "company.name=B")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [
        "Error: --set 'company.name=A' and --set 'company.name=B': two values for company.name",
        "Hint: give one --set company.name=VALUE"]
    assert not (tmp_path / "p.toml").exists()


def test_a_key_set_twice_with_the_same_value_is_one_answer(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=A", "--set", "company.name= A")
    assert r.exit_code == 0, r.stderr


def test_set_answers_are_not_asked_again(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), "--set", "company.country=SE",
            "--set", "company.name=Acme AB", "--set", "project.grant_sought=600000",
            input="\n" * 100)
    assert r.exit_code == 0, r.stderr
    assert "company.country>" not in r.stderr and "project.grant_sought>" not in r.stderr
    assert "project.budget_total>" in r.stderr
    assert load_profile(tmp_path / "p.toml").project.grant_sought == Decimal(600000)


# --- the writer --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_example_profile_written_by_the_writer_reads_back_the_same(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    plan = make_plan(data["company"]["country"])
    text = profile_toml(data, plan, unanswered(plan, data), ["header"])
    assert load_profile(path) == profile_from_data(tomllib.loads(text, parse_float=Decimal),
                                                   "<written>")


def test_the_writer_refuses_data_that_is_not_a_profile():
    plan = make_plan("DK")
    with pytest.raises(ProfileError):
        profile_toml({"company": {"name": "X", "country": "DK", "turnover": -1}}, plan, [])


def test_an_unknown_list_is_commented_inside_its_own_table():
    """`# related = ?` stands among [company]'s keys, not under a sub-table that follows, so
    that uncommenting it as `related = []` keeps it in [company]."""
    r = run("init", "-", "--non-interactive", "--set", "company.country=NO",
            "--set", "company.name=X")
    assert r.exit_code == 0, r.stderr
    text = r.stdout
    assert text.index("# related = ?") < text.index("# [company.previous_year]")
    assert text.index("# participants = ?") > text.index("[network]")
    fixed = text.replace("# related = ?  #", "related = []  #")
    assert tomllib.loads(fixed)["company"]["related"] == []


# --- init asks what matters (issue 18) ---------------------------------------------------------


def _only_innobooster_reads() -> set[str]:
    from grantcheck.fields import generic
    from grantcheck.schemes import get

    def reads(sid: str) -> set[str]:
        return {generic(p) for r in get(sid).rules for p in r.reads}

    return reads("dk-innobooster-people") - reads("dk-smv-digital")


def _questions_written(text: str) -> set[str]:
    """The dotted keys of the profile's "# key = ?" lines (tables' keys as [table] key)."""
    out, table = set(), ""
    for line in text.splitlines():
        if m := re.match(r"^#? ?\[+([\w.]+)\]+", line):
            table = m.group(1)
        elif m := re.match(r"^#? ?(\w+) = ", line):
            out.add(f"{table}.{m.group(1)}" if table else m.group(1))
    return out


@pytest.mark.parametrize("extra, closed_asked", [
    ((), False),
    (("--as-of", "2026-11-23"), False),
    (("--as-of", "2020-11-15"), True),  # inside Innobooster People's call
    (("--scheme", "dk-innobooster-people", "--as-of", "2026-11-23"), True),
])
def test_init_asks_a_closed_calls_questions_only_when_asked_to(tmp_path, extra, closed_asked):
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS", *extra)
    assert r.exit_code == 0, r.stderr
    written = _questions_written(target.read_text(encoding="utf-8"))
    only_closed = _only_innobooster_reads() & written
    assert bool(only_closed) is closed_asked, only_closed


def test_init_numbers_its_questions(tmp_path):
    r = run("init", str(tmp_path / "p.toml"), "--as-of", "2026-11-23",
            input="DK\nAcme ApS\n" + "\n" * 200)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines().count("question 1") == 1  # the country: it decides the total
    numbers = re.findall(r"^question (\d+) of (\d+)$", r.stderr, re.M)
    assert numbers and numbers[0][0] == "2"
    assert all(int(n) <= int(total) for n, total in numbers)


def test_ctrl_c_keeps_the_answers_so_far_in_a_draft_it_names(tmp_path, monkeypatch):
    from grantcheck.cli import profiles

    answers = iter(["Acme ApS", "12345678"])

    def ask(self, label: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(profiles.ConsoleAsker, "ask", ask)
    target = tmp_path / "acme.toml"
    (tmp_path / "acme.draft.toml").write_text("mine\n", encoding="utf-8")  # never overwritten
    r = run("init", str(target), "--set", "company.country=DK", "--as-of", "2026-11-23")
    assert r.exit_code == 130
    draft = tmp_path / "acme.draft-2.toml"
    assert f"the answers so far are in {draft}" in r.stderr
    assert (tmp_path / "acme.draft.toml").read_text(encoding="utf-8") == "mine\n"
    text = draft.read_text(encoding="utf-8")
    assert 'name = "Acme ApS"' in text and 'cvr_number = "12345678"' in text
    assert not target.exists()


def test_init_ends_with_the_short_match(tmp_path):
    target = tmp_path / "p.toml"
    r = run("init", str(target), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=Acme ApS")
    assert r.stderr.rstrip().endswith(f"Next: grantcheck match {target}")


@pytest.mark.parametrize(("sets", "said"), [
    (("employees[0].name=Ida", "employees[2].name=Bo"), "entry 2 leaves a gap: entry 0 is given "
     "so far"),
    (("employees[0].name=Ida", "employees[1].name=Bo", "employees[3].name=Al"), "entry 3 leaves "
     "a gap: entries 0 to 1 are given so far"),
])
def test_a_gap_in_the_entries_names_what_is_given(tmp_path, sets, said):
    args = [a for s in sets for a in ("--set", s)]
    r = run("init", str(tmp_path / "p.toml"), "--non-interactive", "--set", "company.country=DK",
            "--set", "company.name=A", *args)
    assert r.exit_code == 2 and said in r.stderr, r.stderr
