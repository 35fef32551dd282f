"""The `budget` command through typer's CliRunner: inputs, formats, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import PROFILES, run, write

NORDLYS = str(PROFILES / "nordlys-automation.toml")
NORDLYS_TEXT = Path(NORDLYS).read_text(encoding="utf-8")
DRAFT = """[budget]
scheme = "dk-smv-digital"
tier = "t100"
start = 2026-02-01
end = 2027-01-31

[[budget.lines]]
description = "Process mapping, Acme Consult"
category = "consultancy"
amount = 150000
"""


def test_a_profile_with_a_budget_table_complies_and_exits_0():
    r = run("budget", NORDLYS, "--as-of", "2026-11-23")
    assert r.exit_code == 0, r.output
    assert "complies" in r.stdout
    assert "DKK 220,000" in r.stdout  # the grant
    assert "Requirement specification" in r.stdout


def test_json_is_clean_on_stdout_and_adds_up():
    r = run("budget", NORDLYS, "--format", "json", "--as-of", "2026-11-23")
    data = json.loads(r.stdout)
    assert data["schema_version"] == 1 and data["evaluation_date"] == "2026-11-23"
    (b,) = data["budgets"]
    assert b["scheme"]["id"] == "dk-smv-digital" and b["verdict"] == "complies"
    t = b["totals"]
    assert t["grant"] == {"amount": "220000", "currency": "DKK"}
    assert float(t["grant"]["amount"]) + float(t["own_funding"]["amount"]) == float(
        t["eligible_base"]["amount"])
    assert [ln["status"] for ln in b["lines"]] == ["eligible"] * 5
    assert all(ln["source"] for ln in b["lines"])
    assert b["grant_parts"][0]["name"] == "investment"
    assert {"rule", "outcome", "message", "source"} <= set(b["findings"][0])


def test_a_grant_not_computed_is_no_grant_of_0():
    """On a day SMV:Digital's figures are not encoded for (2031-01-01; 2030-12-31 is) the grant,
    own funding and what the applicant carries are '?' with the reason, null in JSON: before,
    the totals said 'Grant DKK 0' and own funding the whole eligible base."""
    r = run("budget", NORDLYS, "--as-of", "2031-01-01")
    grant = next(line for line in r.stdout.splitlines() if line.strip().startswith("Grant"))
    assert "?" in grant and "not computed" in grant and "DKK" not in grant
    data = json.loads(run("budget", NORDLYS, "--as-of", "2031-01-01", "-f", "json").stdout)
    t = data["budgets"][0]["totals"]
    assert t["grant"] is t["own_funding"] is t["applicant_carries"] is None
    assert "not encoded" in t["grant_unknown"] and t["eligible_base"]["amount"] == "428000"
    known = json.loads(run("budget", NORDLYS, "--as-of", "2030-12-31", "-f", "json").stdout)
    t = known["budgets"][0]["totals"]
    assert t["grant"] == {"amount": "220000", "currency": "DKK"} and "grant_unknown" not in t


def test_inline_lines_need_no_file():
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000",
            "--line", "hardware=320000", "--format", "json", "--as-of", "2026-11-23")
    (b,) = json.loads(r.stdout)["budgets"]
    assert [ln["category"] for ln in b["lines"]] == ["consultancy", "hardware"]
    assert b["totals"]["grant"]["amount"] == "155000"  # 80,000 + 75,000 (upper bound)
    assert r.exit_code == 1  # the voucher is unknown without a profile


def test_inline_hours_at_a_rate():
    r = run("budget", "-s", "dk-smv-digital", "--line", "personnel=120h@650", "-f", "json")
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["lines"][0]["amount"]["amount"] == "78000"


def test_a_bare_draft_names_its_scheme(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT)), "--as-of", "2026-11-23")
    assert "SMV:Digital" in r.stdout and "DKK 75,000" in r.stdout
    assert r.exit_code == 1  # SMVB01: no profile to check the voucher against


def test_a_broken_rule_exits_1_and_is_shown(tmp_path):
    text = DRAFT + '\n[[budget.lines]]\ncategory = "marketing"\namount = 20000\n'
    r = run("budget", str(write(tmp_path, text)), "--as-of", "2026-11-23")
    assert r.exit_code == 1
    assert "SMVB02" in r.stdout and "breaks rules" in r.stdout


def test_equipment_rented_partly_before_the_project_counts_its_days_in_it(tmp_path):
    text = """[budget]
scheme = "no-prosessinnovasjon"
start = 2026-12-01
end = 2027-11-30

[[budget.lines]]
category = "equipment"
amount = 120000
project_share_percent = 100
start = 2026-06-01
end = 2027-05-31
"""
    r = run("budget", str(write(tmp_path, text)), "--format", "json", "--as-of", "2026-11-01")
    (b,) = json.loads(r.stdout)["budgets"]
    (ln,) = b["lines"]
    assert ln["status"] == "partly_eligible"
    assert ln["eligible"] == {"amount": "59835.62", "currency": "NOK"}
    assert "NOK 120,000 × 182/365 days = NOK 59,835.62 counts" in ln["reason"]


def test_a_market_analysis_not_said_to_be_minor_or_not_needs_information(tmp_path):
    text = (DRAFT + '\n[[budget.lines]]\ncategory = "market_analysis"\namount = 20000\n'
            'description = "Analyse af konkurrenters e-handelsløsninger (digitalt fokus)"\n')
    r = run("budget", str(write(tmp_path, text)), "-f", "json", "--as-of", "2026-06-01")
    assert r.exit_code == 1
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["lines"][1]["status"] == "unknown" and b["verdict"] == "needs_information"
    outcomes = {f["rule"]: f for f in b["findings"]}
    assert outcomes["SMVB02"]["outcome"] == "unknown"
    assert "budget.lines[1].digital_part_minor" in outcomes["SMVB02"]["fix"]


def test_a_market_analysis_said_not_minor_is_counted_as_advice(tmp_path):
    text = (DRAFT + '\n[[budget.lines]]\ncategory = "market_analysis"\namount = 20000\n'
            'digital_part_minor = false\n')
    r = run("budget", str(write(tmp_path, text)), "-f", "json", "--as-of", "2026-06-01")
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["lines"][1]["status"] == "eligible"
    assert {f["rule"]: f["outcome"] for f in b["findings"]}["SMVB02"] == "pass"


def test_a_market_analysis_said_to_have_a_minor_digital_part_breaks_smvb02(tmp_path):
    text = (DRAFT + '\n[[budget.lines]]\ncategory = "market_analysis"\namount = 20000\n'
            'digital_part_minor = true\n')
    r = run("budget", str(write(tmp_path, text)), "--as-of", "2026-06-01")
    assert r.exit_code == 1
    assert "SMVB02" in r.stdout and "breaks rules" in r.stdout


# --- bad input: a clear message naming the line, exit 2, no traceback ----------------------


def test_an_unknown_category_names_the_line(tmp_path):
    text = DRAFT.replace('category = "consultancy"', 'category = "consulting"')
    r = run("budget", str(write(tmp_path, text)))
    assert r.exit_code == 2
    assert "p.toml:9: budget.lines[0].category: 'consulting' is not one of" in r.stderr
    assert "Traceback" not in r.output


def test_a_negative_amount_names_the_line(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT.replace("150000", "-5"))))
    assert r.exit_code == 2
    assert "budget.lines[0].amount: must not be negative (got -5)" in r.stderr


def test_hours_without_a_rate_name_the_field(tmp_path):
    text = DRAFT.replace("amount = 150000", "hours = 120")
    r = run("budget", str(write(tmp_path, text)))
    assert r.exit_code == 2
    assert "budget.lines[0].rate: hours need a rate" in r.stderr


def test_an_unknown_scheme_in_the_file_is_refused(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT.replace("dk-smv-digital", "dk-smv-digitl"))))
    assert r.exit_code == 2
    assert "budget.scheme: 'dk-smv-digitl' is not a scheme" in r.stderr
    assert "dk-smv-digital" in r.stderr  # the did-you-mean hint


def test_an_unknown_scheme_option_is_refused():
    r = run("budget", "--scheme", "no-such", "--line", "consultancy=1")
    assert r.exit_code == 2 and "no such scheme" in r.stderr


def test_a_bad_inline_line_is_refused():
    r = run("budget", "-s", "dk-smv-digital", "--line", "consultancy=lots")
    assert r.exit_code == 2 and "--line 'consultancy=lots'" in r.stderr
    r = run("budget", "-s", "dk-smv-digital", "--line", "advice=100")
    assert r.exit_code == 2 and "--line 'advice=100': category: 'advice' is not one of" in r.stderr


def test_a_bad_tier_or_dates_with_inline_lines_name_their_option():
    r = run("budget", "-s", "dk-smv-digital", "--line", "consultancy=100", "--tier", "t999")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: --tier: budget.tier: 't999' is not one of")
    r = run("budget", "-s", "dk-smv-digital", "--line", "consultancy=100",
            "--start", "2027-05-01", "--end", "2027-01-01")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: --end: budget.end: the project ends before it starts")


def test_a_profile_without_a_budget_table_is_refused(tmp_path):
    r = run("budget", str(write(tmp_path, '[company]\nname = "X"\ncountry = "DK"\n')))
    assert r.exit_code == 2 and "the file has no [budget] table" in r.stderr


def test_a_bare_draft_without_a_scheme_asks_for_one(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT.replace('scheme = "dk-smv-digital"\n', ""))))
    assert r.exit_code == 2 and "which scheme?" in r.stderr


def test_profile_sections_without_company_are_refused(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT + '\n[project]\ntitle = "x"\n')))
    assert r.exit_code == 2 and "company: required field is missing" in r.stderr


def test_nothing_given_is_a_usage_error():
    r = run("budget")
    assert r.exit_code == 2 and "no budget given" in r.stderr


def test_a_file_and_lines_together_are_refused(tmp_path):
    r = run("budget", str(write(tmp_path, DRAFT)), "--line", "consultancy=1")
    assert r.exit_code == 2 and "not both" in r.stderr


def test_a_missing_file_is_named():
    r = run("budget", "nowhere.toml")
    assert r.exit_code == 2 and "nowhere.toml: no such file" in r.stderr


def test_without_a_scheme_a_profile_is_checked_against_every_scheme_it_could_fit(tmp_path):
    text = Path(NORDLYS).read_text(encoding="utf-8").replace('scheme = "dk-smv-digital"\n', "")
    r = run("budget", str(write(tmp_path, text)), "--format", "json", "--as-of", "2026-11-23")
    ids = [b["scheme"]["id"] for b in json.loads(r.stdout)["budgets"]]
    assert ids == ["dk-smv-digital"]


def test_the_saker_digitalisering_example_budget_complies_while_the_call_was_open():
    r = run("budget", str(PROFILES / "norrsken-science-park.toml"), "--as-of", "2023-02-15",
            "--format", "json")
    assert r.exit_code == 0, r.stdout
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["totals"]["grant"] == {"amount": "650000", "currency": "SEK"}


def test_the_network_example_budget_complies():
    r = run("budget", str(PROFILES / "fjordnett-network.toml"), "--format", "json")
    assert r.exit_code == 0, r.stdout
    (b,) = json.loads(r.stdout)["budgets"]
    assert b["totals"]["grant"] == {"amount": "700000", "currency": "NOK"}
    assert b["totals"]["eligible_base"] == {"amount": "1400000", "currency": "NOK"}


def test_an_absurd_amount_is_bad_input_not_a_crash(tmp_path):
    r = run("budget", "-s", "dk-smv-digital", "--line", "consultancy=1e30")
    assert r.exit_code == 2
    assert ("--line 'consultancy=1e30': amount: must be at most 1,000,000,000,000,000 (got "
            "1E+30)") in r.stderr
    r = run("budget", "-s", "dk-smv-digital", "--line", "personnel=1e15h@1e15")
    assert r.exit_code == 2 and "is more than 1,000,000,000,000,000" in r.stderr
    r = run("budget", str(write(tmp_path, DRAFT.replace("amount = 150000",
                                                       "amount = 1\nmonths = 100000"))))
    assert r.exit_code == 2 and "budget.lines[0].months: must be at most 1,200" in r.stderr


def test_the_largest_accepted_amount_is_checked(tmp_path):
    r = run("budget", "-s", "dk-smv-digital", "--line", "consultancy=1e15", "-f", "json")
    assert r.exit_code == 1 and json.loads(r.stdout)["budgets"][0]["lines"][0]["status"]


def test_a_bare_draft_is_checked_in_a_fresh_process():
    """The real console script, in a process that has read no profile before (the placeholder
    company of a bare draft was left without a currency: exit 3, KeyError)."""
    import subprocess
    import sys

    script = Path(sys.executable).with_name("grantcheck")
    r = subprocess.run([str(script) if script.exists() else "grantcheck", "budget", "--scheme",
                        "dk-smv-digital", "--line", "consultancy=150000", "--as-of",
                        "2026-11-23", "--format", "json"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode in (0, 1), r.stderr
    [b] = json.loads(r.stdout)["budgets"]
    assert b["scheme"]["id"] == "dk-smv-digital" and b["budget_currency"] == "DKK"


def test_inline_lines_name_the_options_that_settle_them():
    """With --line, what is missing is stated by --tier, --start and --end, and the fixes say
    so (they said 'state budget.tier', a field the user has no file to write in)."""
    r = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=150000",
            "--format", "json", "--as-of", "2026-11-23")
    fixes = [f.get("fix", "") for b in json.loads(r.stdout)["budgets"] for f in b["findings"]]
    assert any("give --tier" in f for f in fixes)
    assert any("give --start and --end" in f for f in fixes)
    assert not any("budget.tier" in f or "budget.start" in f for f in fixes)


def test_inline_lines_say_which_fields_need_a_budget_file():
    """Tillväxtverket's period rules need budget.application_date, which no option states:
    the fix says to give --start and --end and to write the rest in a budget file."""
    r = run("budget", "--scheme", "se-saker-digitalisering", "--line", "consultancy=1200000",
            "--format", "json", "--as-of", "2022-09-01")
    fixes = {f["rule"]: f.get("fix", "") for b in json.loads(r.stdout)["budgets"]
             for f in b["findings"]}
    assert fixes["SDB04"] == ("give --start and --end; budget.application_date has no option: "
                              "write the budget as a file with [budget] (docs/budget.md)")
    assert "state --start" not in " ".join(fixes.values())


def test_a_tier_for_schemes_without_tiers_is_refused():
    r = run("budget", "--scheme", "se-saker-digitalisering", "--line", "consultancy=100000",
            "--tier", "t25", "--as-of", "2026-11-23")
    assert r.exit_code == 2
    assert "Error: --tier t25: se-saker-digitalisering has no tiers" in r.stderr
    assert "Hint: --tier picks the SMV:Digital voucher" in r.stderr
    ok = run("budget", "--scheme", "dk-smv-digital", "--line", "consultancy=100000", "--tier",
             "t25", "--as-of", "2026-11-23")
    assert ok.exit_code in (0, 1), ok.stderr


IP_BUDGET = """[company]
name = "Startup ApS"
country = "DK"

[[employees]]
name = "Ida Holm"
owner_percent = 0

[budget]
scheme = "dk-innobooster-people"
start = {start}
application_date = 2020-11-02
{approval}
[[budget.lines]]
category = "salary"
employee = "Ida Holm"
monthly_salary = 40000
months = 12
"""


def _ip_start(tmp_path: Path, start: str, approval: str = "") -> tuple[int, dict[str, str]]:
    text = IP_BUDGET.format(start=start, approval=approval and f"approval_date = {approval}\n")
    r = run("budget", str(write(tmp_path, text)), "--format", "json", "--as-of", "2020-11-02")
    (b,) = json.loads(r.stdout)["budgets"]
    fit = next(f["outcome"] for f in b["findings"] if f["rule"] == "FIT")
    return r.exit_code, {"verdict": b["verdict"], "fit": fit, **next(
        f for f in b["findings"] if f["rule"] == "IPB09")}


def test_an_innobooster_budget_starting_before_the_month_after_the_application_breaks_rules(
        tmp_path):
    """Applied 2020-11-02: a start on 2020-11-30 never fits 'tidligst … den 1. i måneden
    efter, at ansøgningen er godkendt'; 2020-12-01 needs the approval date, which decides."""
    for start in ("2020-11-01", "2020-11-30"):
        code, f = _ip_start(tmp_path, start)
        assert code == 1 and f["verdict"] == "breaks_rules" and f["outcome"] == "fail", f
        assert "Bevillingen kan tidligst gives" in json.dumps(f["source"], ensure_ascii=False)
    code, f = _ip_start(tmp_path, "2020-12-01")
    assert code == 1 and f["verdict"] == "needs_information" and f["outcome"] == "unknown"
    assert f["fix"] == "state budget.approval_date in the budget"
    code, f = _ip_start(tmp_path, "2020-12-01", approval="2020-11-30")
    # IPB09 passes; the two-line profile leaves the company's fit (FIT) open
    assert code == 1 and f["verdict"] == "needs_information" and f["outcome"] == "pass", f
    assert f["fit"] == "unknown"
    code, f = _ip_start(tmp_path, "2020-12-01", approval="2020-12-01")
    assert code == 1 and f["outcome"] == "fail"


def test_an_approval_before_the_application_is_bad_input(tmp_path):
    text = IP_BUDGET.format(start="2020-12-01", approval="approval_date = 2020-11-01\n")
    r = run("budget", str(write(tmp_path, text)), "--as-of", "2020-11-02")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "approval_date: the application is approved before it is sent" in r.stderr


SAME_FACTS = """aid_received = []

[company]
name = "Testværk ApS"
country = "DK"
cvr_number = "12345678"
employees_fte = 10
owners_fte = 1
fte_differs_from_cvr = false
turnover = 5_000_000
balance_sheet_total = 2_000_000
fiscal_year_start_month = 1
related = []
public_ownership_percent = 0

[declarations]
growth_ambitions = true
anchoring = true
new_technology = true
ready_to_invest = true

[project]
budget_total = 1_000_000
investment_cost = 800_000
grant_sought = {sought}
activities = ["implementation", "investment"]
ineligible_activities = []
technology_bought_in_project = true
technology_choice_settled = true
business_case_made = true
advisors_in_database = true
advisor_conflict_of_interest = false
group_smv_grant = false
own_hours = false  # as the budget's lines: no own hours
start = 2027-01-01
end = 2027-12-31

[budget]
scheme = "dk-smv-digital"
tier = "t250"
grant_sought = {sought}
start = 2027-01-01
end = 2027-12-31

[[budget.lines]]
description = "Integration, Acme Consult"
category = "consultancy"
amount = 200_000

[[budget.lines]]
description = "Robot cell"
category = "hardware"
amount = 800_000
"""


def _smv_outcomes(path: Path) -> tuple[str, str]:
    """SMV09 in `match` and SMVB09 in `budget`, on the same profile and date."""
    m = run("match", str(path), "-s", "dk-smv-digital", "--as-of", "2026-11-01", "-f", "json")
    b = run("budget", str(path), "--as-of", "2026-11-01", "-f", "json")
    (scheme,) = json.loads(m.stdout)["schemes"]
    (budget,) = json.loads(b.stdout)["budgets"]
    smv09 = next(f for f in scheme["findings"] if f["rule"] == "SMV09")
    smvb09 = next(f for f in budget["findings"] if f["rule"] == "SMVB09")
    return smv09["outcome"], smvb09["outcome"]


def test_match_and_budget_agree_on_a_grant_sought_of_the_largest_voucher(tmp_path):
    """DKK 250,000 sought, DKK 250,000 allowed (200,000 investment + 50,000 advice): both pass."""
    path = write(tmp_path, SAME_FACTS.format(sought="250_000"))
    assert _smv_outcomes(path) == ("pass", "pass")


def test_match_and_budget_agree_on_a_grant_sought_above_every_voucher(tmp_path):
    """DKK 250,001 is more than any voucher gives: both fail (match passed it, capped)."""
    path = write(tmp_path, SAME_FACTS.format(sought="250_001"))
    assert _smv_outcomes(path) == ("fail", "fail")
    b = run("budget", str(path), "--as-of", "2026-11-01")
    assert "more than the up to DKK 250,000 voucher gives" in b.stdout
    assert b.exit_code == 1


def test_own_hours_beside_little_advice_get_no_more_than_the_advice_bought(tmp_path):
    """'medfinansieringen … kontant betaling, afholdte egne timer eller et mix': DKK 50,000 of
    consultancy and 600 owner hours at DKK 250 give a grant of DKK 50,000, not DKK 100,000."""
    text = DRAFT.replace("amount = 150000", "amount = 50000") + (
        '\n[[budget.lines]]\ndescription = "Owner hours"\ncategory = "personnel"\n'
        "hours = 600\nowner_without_salary = true\n")
    r = run("budget", str(write(tmp_path, text)), "--as-of", "2026-11-23", "-f", "json")
    t = json.loads(r.stdout)["budgets"][0]["totals"]
    assert t["grant"]["amount"] == "50000" and t["own_funding"]["amount"] == "150000"
    table = run("budget", str(write(tmp_path, text)), "--as-of", "2026-11-23")
    assert "the advice bought, DKK 50,000" in table.stdout


def test_match_warns_a_fish_farm_about_the_de_minimis_sector_exclusion(tmp_path):
    """SMV35 (soft): the verdict stays 'fits'; the JSON names the regulation in force."""
    text = NORDLYS_TEXT.replace('sector = "other"', 'sector = "fishery_aquaculture"')
    r = run("match", str(write(tmp_path, text)), "--as-of", "2026-11-23", "-s", "dk-smv-digital",
            "-f", "json")
    (s,) = json.loads(r.stdout)["schemes"]
    assert s["verdict"] == "fits"
    (f,) = [f for f in s["findings"] if f["rule"] == "SMV35"]
    assert f["outcome"] == "warning" and "Regulation (EU) 2023/2831" in f["message"]



def test_lines_with_a_profile_without_a_budget_are_checked_for_that_company(tmp_path):
    """--line with a profile that has no [budget]: the company's size decides the rate, where
    the lines alone give only an upper bound."""
    hardanger = str(PROFILES / "hardanger-prosess.toml")
    lines = ("--scheme", "no-prosessinnovasjon", "--line", "personnel=900000",
             "--as-of", "2026-11-23", "--format", "json")
    with_profile = run("budget", hardanger, *lines)
    assert with_profile.exit_code == 0, with_profile.output
    (b,) = json.loads(with_profile.stdout)["budgets"]
    assert b["verdict"] == "complies" and b["totals"]["grant"]["amount"] == "450000"
    alone = run("budget", *lines)
    (a,) = json.loads(alone.stdout)["budgets"]
    assert a["verdict"] != "complies"  # the SME status is not known without the company
    big = tmp_path / "big.toml"
    big.write_text(Path(hardanger).read_text(encoding="utf-8").replace(
        "employees_fte = ", "employees_fte = 400 # ", 1), encoding="utf-8")
    large = run("budget", str(big), *lines)
    (g,) = json.loads(large.stdout)["budgets"]
    # not an SME: a grant only under the exception for a large enterprise (FIT names the
    # declaration that settles it, as match's PO01), and not 50 % if it fits
    assert g["totals"]["grant"] is None and g["verdict"] == "needs_information"
    assert "declarations.large_enterprise_exception" in g["totals"]["fit_unknown"]
    assert g["totals"]["if_it_fitted"]["grant"]["amount"] != "450000"


def test_lines_with_a_profile_that_has_its_own_budget_are_refused():
    r = run("budget", NORDLYS, "--line", "consultancy=1")
    assert r.exit_code == 2 and "has a [budget] of its own" in r.stderr and "not both" in r.stderr
