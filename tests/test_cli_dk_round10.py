"""Tenth round, Denmark: what ``grantcheck match PROFILE --as-of DATE --format json`` (typer's
CliRunner) says where the round changed a finding, and at the page's boundaries not yet held by
a case, on the example profiles (profiles/kvantia-startup.toml, profiles/nordlys-automation.toml)
with the case's changes written to tmp_path, at 1 EUR = 7.46 DKK.

Innobooster People (Innovationsfonden):
- An application date left out is a range, as Prosessinnovasjon's PO13 and Säker
  digitalisering's SD16 read it: sent on the evaluation date, or earlier, from 2020-05-28 on
  («Udmøntningen af midlerne sker på grundlag af Aktstykke nr. 182 af 28. maj 2020»: no
  application predates the call's funds). «Virksomheden må på bevillingstidspunktet ikke være
  ældre end fem år» (IP03, and the ownership structure's companies, IP11), «Bevillingen kan
  tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen er godkendt» (IP25)
  and «senest ved bevillingsperiodens start» (IP16) decide only where every day of the range
  agrees; else they are unknown, naming ``project.application_date``.
- «fuldtidsmedarbejdere, der er blevet afskediget efter 1. marts 2020»: a re-hired employee was
  dismissed by the application (a later dismissal contradicts «not employed at application»,
  unknown); «løntilskud til at fastholde … i en periode på 12 måneder»: an employee employed at
  application and dismissed on or after it before the grant period's last day is not kept (IP16
  fails).
- The page's boundaries: the fifth anniversary against the grant start (IP04), the results
  text (IP34), «ca. 12 slides» (IP35, grantcheck's tolerance of two), the CVs' 2 pages (IP36).
SMV:Digital (Erhvervsstyrelsen, «Indsendelse af ansøgning»):
- «Der kan kun gives tilskud til én ansøgning per koncern», after «Der kan kun ansøges til ét
  forløb ad gangen» and read with «kan der frit ansøges igen, såfremt projektet er afsluttet og
  afrapporteret»: another group company's grant blocks while its project is not finished and
  reported (SMV26; it blocked for ever), and it is not the company's own earlier grant (SMV17).
- «Investeringer støttes med 25%»: the stated ``investment_cost`` is what is bought, whatever
  ``activities`` lists (SMV24, the reading kept).
- «Jeres projektperiode … er på 12 måneder for tilskud på 100.000 kr.»: its last day (SMV30).
- «ny teknologi, som I enten har investeret i inden for det seneste år»: without an application
  date, technology bought over a year before the evaluation date is unknown (SMV22; it failed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tests.test_cli_dk_round7 import finding, tiers
from tests.test_cli_dk_round8 import IP, KVANTIA, NORDLYS, SMV, match

KV_ON = "2020-11-16"  # Kvantia applies on 2020-11-16; the grant starts 2021-01-01
NO_APPLICATION = {"application_date": None}


def d(text: str) -> date:
    return date.fromisoformat(text)


def ip(folder: Path, over: dict[str, Any], on: str = KV_ON) -> dict[str, Any]:
    """Kvantia changed by ``over``: the scheme's JSON on ``on`` (the call open)."""
    _, said = match(folder, KVANTIA, over, on, IP)
    assert said["status"] == "open"
    return said


def outcome(said: dict[str, Any], rule: str) -> tuple[str, list[str]]:
    f = finding(said, rule)
    return f["outcome"], f.get("missing_fields") or []


def employees(freja: dict[str, Any] | None = None, mads: dict[str, Any] | None = None,
              drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Kvantia's two funded employees (Freja Holm employed at application, Mads Iversen
    dismissed 2020-04-30 and re-hired) with changes, ``drop`` left out of both."""
    base: list[dict[str, Any]] = [
        {"name": "Freja Holm", "hours_per_week": 37, "higher_education": True,
         "development_role": True, "employed_at_application": True, "owner_percent": 0,
         "monthly_salary": 46000, "salary_settled": True, "other_public_funding": False,
         "new_hire": False, "grant_start": d("2021-01-01")},
        {"name": "Mads Iversen", "hours_per_week": 37, "higher_education": True,
         "development_role": True, "employed_at_application": False,
         "dismissed_on": d("2020-04-30"), "dismissed_due_to_covid": True,
         "rehire_contract": True, "owner_percent": 0, "monthly_salary": 38000,
         "salary_settled": True, "other_public_funding": False, "new_hire": False,
         "grant_start": d("2021-01-01")}]
    for e, over in zip(base, (freja or {}, mads or {}), strict=True):
        e.update(over)
        for key in drop:
            e.pop(key, None)
    return base


# --- IP03: the fifth anniversary without an application date ---------------------------------


def test_unstated_application_five_on_the_evaluation_date_passes_a_day_older_is_open(
        tmp_path: Path) -> None:
    """On 2020-11-16 a company registered 2015-11-16 is five: young enough on any day the
    application can have been sent. Registered a day earlier it is too old on the evaluation
    date, but an application sent by 2020-11-15 may be in time (it failed)."""
    said = ip(tmp_path, {"project": NO_APPLICATION, "company": {"founded": d("2015-11-16")}})
    assert outcome(said, "IP03") == ("pass", [])
    assert said["verdict"] == "fits"
    said = ip(tmp_path, {"project": NO_APPLICATION, "company": {"founded": d("2015-11-15")}})
    assert outcome(said, "IP03") == ("unknown", ["project.application_date"])
    assert "an application sent from 2020-05-28 up to 2020-11-15 may be in time" in (
        finding(said, "IP03")["message"])
    assert said["verdict"] == "needs_information"


def test_unstated_application_five_before_the_call_s_funds_is_too_old(tmp_path: Path) -> None:
    """2020-05-28, the appropriation's day, is the first day an application can have been
    sent: a company five on it may be in time, one five the day before never."""
    said = ip(tmp_path, {"project": NO_APPLICATION, "company": {"founded": d("2015-05-28")}})
    assert outcome(said, "IP03") == ("unknown", ["project.application_date"])
    said = ip(tmp_path, {"project": NO_APPLICATION, "company": {"founded": d("2015-05-27")}})
    assert outcome(said, "IP03") == ("fail", [])
    assert said["verdict"] == "does_not_fit"
    params = {p["name"]: p for p in said["decision_record"]["parameters"]}
    assert params["innobooster_people_applications_from"]["value"] == "2020-05-28"


def test_a_stated_application_date_still_decides_the_age(tmp_path: Path) -> None:
    """Applied 2020-11-16: registered 2015-11-16 passes, 2015-11-15 fails, as before."""
    said = ip(tmp_path, {"company": {"founded": d("2015-11-16")}})
    assert outcome(said, "IP03") == ("pass", [])
    said = ip(tmp_path, {"company": {"founded": d("2015-11-15")}})
    assert outcome(said, "IP03") == ("fail", [])


# --- IP11: a controlling company's age, the same range ---------------------------------------


def parent(founded: str) -> dict[str, Any]:
    return {"company": {"related": [{
        "name": "Kvantia Holding ApS", "relation": "linked", "share_percent": 80,
        "controls_company": True, "founded": d(founded), "staff": 1, "turnover": 0,
        "balance_sheet_total": 500_000, "gber22_conditions_met": True}]},
        "project": NO_APPLICATION}


def test_a_controlling_company_s_age_without_an_application_date(tmp_path: Path) -> None:
    """The parent registered 2015-11-16 is young enough on 2020-11-16; 2015-11-15 only with an
    earlier application (it failed); 2015-05-27 on no day the application can have been sent."""
    assert outcome(ip(tmp_path, parent("2015-11-16")), "IP11") == ("pass", [])
    assert outcome(ip(tmp_path, parent("2015-11-15")), "IP11") == (
        "unknown", ["project.application_date"])
    said = ip(tmp_path, parent("2015-05-27"))
    assert outcome(said, "IP11") == ("fail", [])
    assert said["verdict"] == "does_not_fit"


# --- IP25: the earliest grant start without an application date ------------------------------


def starts(start: str) -> dict[str, Any]:
    return {"project": NO_APPLICATION,
            "employees": employees({"grant_start": d(start)}, {"grant_start": d(start)})}


def test_unstated_application_a_start_only_an_earlier_application_allows_is_open(
        tmp_path: Path) -> None:
    """On 2020-11-16 an application sent that day allows 2020-12-01; one sent in October allows
    2020-11-01 (it failed), and one sent on 2020-05-28 allows 2020-06-01, the earliest of all:
    2020-05-01 is too early whenever it was sent; 2020-12-02, after 2020-12-01, is late enough
    whenever it was sent (the 1st is the earliest start, not the only day: round 11)."""
    assert outcome(ip(tmp_path, starts("2020-12-01")), "IP25") == ("pass", [])
    assert outcome(ip(tmp_path, starts("2020-11-01")), "IP25") == (
        "unknown", ["project.application_date"])
    assert outcome(ip(tmp_path, starts("2020-06-01")), "IP25") == (
        "unknown", ["project.application_date"])
    said = ip(tmp_path, starts("2020-05-01"))
    assert outcome(said, "IP25") == ("fail", [])
    assert "at the earliest on 2020-06-01" in finding(said, "IP25")["fix"]
    assert outcome(ip(tmp_path, starts("2020-12-02")), "IP25") == ("pass", [])


# --- IP16: a re-hired employee's dismissal bounds the application -----------------------------


def rehired(dismissed: str) -> dict[str, Any]:
    """Mads dismissed on ``dismissed``, no contract yet; no grant start, no application date."""
    return {"project": NO_APPLICATION,
            "employees": employees(mads={"dismissed_on": d(dismissed), "rehire_contract": False},
                                   drop=("grant_start",))}


def test_a_contract_still_to_come_until_an_application_after_the_dismissal_may_have_begun_it(
        tmp_path: Path) -> None:
    """Dismissed 2020-10-20 and not employed at application: the application came on or after
    2020-10-20, so the period starts 2020-11-01 at the earliest: on 2020-11-01 it has not begun,
    on 2020-11-02 it may have. Dismissed 2020-04-30, an application of June may have begun it
    long before (it passed: the evaluation date was read as the application's)."""
    f = finding(ip(tmp_path, rehired("2020-10-20"), "2020-11-01"), "IP16")
    assert f["outcome"] == "pass" and "contract needed by the grant start" in f["message"]
    said = ip(tmp_path, rehired("2020-10-20"), "2020-11-02")
    assert outcome(said, "IP16") == (
        "unknown", ["employees[1].grant_start", "project.application_date"])
    assert "it can start from 2020-11-01" in finding(said, "IP16")["message"]
    f = finding(ip(tmp_path, rehired("2020-04-30"), "2020-11-01"), "IP16")
    assert f["outcome"] == "unknown" and "it can start from 2020-06-01" in f["message"]


def test_a_re_hired_employee_dismissed_after_the_application_is_a_contradiction(
        tmp_path: Path) -> None:
    """«der er blevet afskediget»: dismissed on the application day, 2020-11-16, he can be
    re-hired; dismissed the day after, he was employed at application, which the profile
    denies (it passed)."""
    said = ip(tmp_path, {"employees": employees(mads={"dismissed_on": d("2020-11-16")})})
    assert outcome(said, "IP16") == ("pass", [])
    said = ip(tmp_path, {"employees": employees(mads={"dismissed_on": d("2020-11-17")})})
    assert outcome(said, "IP16") == ("unknown", ["employees[1].dismissed_on"])
    assert "after the application date 2020-11-16" in finding(said, "IP16")["message"]


def test_without_an_application_date_a_dismissal_after_the_evaluation_date_contradicts_it(
        tmp_path: Path) -> None:
    over = {"project": NO_APPLICATION}
    said = ip(tmp_path, {**over, "employees": employees(mads={"dismissed_on": d("2020-11-16")})})
    assert outcome(said, "IP16") == ("pass", [])
    said = ip(tmp_path, {**over, "employees": employees(mads={"dismissed_on": d("2020-11-17")})})
    assert outcome(said, "IP16") == ("unknown", ["employees[1].dismissed_on"])


# --- IP16: an employee employed at application is kept for the 12 months ---------------------


def freja(dismissed: str, over: dict[str, Any] | None = None, drop: tuple[str, ...] = ()
          ) -> dict[str, Any]:
    return {**(over or {}), "employees": employees({"dismissed_on": d(dismissed)}, drop=drop)}


def test_an_employee_dismissed_before_the_grant_period_s_last_day_is_not_kept(
        tmp_path: Path) -> None:
    """Applied 2020-11-16, the 12 months run 2021-01-01 to 2021-12-31: dismissed on that last
    day she is kept, the day before not; a dismissal on the application day ends her employment
    before the period even starts; the day before the application is one she came back from
    (dismissed_on was ignored for her)."""
    said = ip(tmp_path, freja("2021-12-31"))
    assert outcome(said, "IP16") == ("pass", [])
    said = ip(tmp_path, freja("2021-12-30"))
    assert outcome(said, "IP16") == ("fail", [])
    f = finding(said, "IP16")
    assert "before the 12 months from 2021-01-01 end on 2021-12-31" in f["message"]
    assert "Freja Holm" in f["fix"] and said["verdict"] == "does_not_fit"
    assert outcome(ip(tmp_path, freja("2020-11-16")), "IP16") == ("fail", [])
    said = ip(tmp_path, freja("2020-11-15"))
    assert outcome(said, "IP16") == ("pass", [])
    assert said["verdict"] == "fits"


def test_without_a_grant_start_the_earliest_last_day_decides_a_dismissal(tmp_path: Path) -> None:
    """Applied 2020-11-16 and no grant start: the period starts 2020-12-01 at the earliest and
    ends 2021-11-30 at the earliest: dismissed 2021-11-29 she is not kept whatever the start;
    dismissed 2021-11-30 the start decides it."""
    said = ip(tmp_path, freja("2021-11-29", drop=("grant_start",)))
    assert outcome(said, "IP16") == ("fail", [])
    said = ip(tmp_path, freja("2021-11-30", drop=("grant_start",)))
    assert outcome(said, "IP16") == ("unknown", ["employees[0].grant_start"])


def test_without_an_application_date_a_past_dismissal_may_be_before_or_after_it(
        tmp_path: Path) -> None:
    """On 2020-11-16 without an application date: dismissed 2020-06-01 she may have come back
    before an application sent on the evaluation date, or left after one sent in May; dismissed
    2020-05-27, before any application to the call, she came back."""
    said = ip(tmp_path, freja("2020-06-01", {"project": NO_APPLICATION}))
    assert outcome(said, "IP16") == ("unknown", ["project.application_date"])
    said = ip(tmp_path, freja("2020-05-27", {"project": NO_APPLICATION}))
    assert outcome(said, "IP16") == ("pass", [])


# --- IP04, IP34–IP36: the page's other boundaries ----------------------------------------------


def test_the_fifth_anniversary_on_the_day_before_the_grant_start_needs_no_warning(
        tmp_path: Path) -> None:
    """The grant starts 2021-01-01, so the award comes by 2020-12-31: a company five on
    2020-12-31 is young enough on every day the award can fall on; five on 2020-12-30 only if
    the award comes by then (a warning)."""
    said = ip(tmp_path, {"company": {"founded": d("2015-12-31")}})
    assert outcome(said, "IP04") == ("pass", [])
    said = ip(tmp_path, {"company": {"founded": d("2015-12-30")}})
    assert outcome(said, "IP04") == ("warning", [])
    assert "awarded by 2020-12-30" in finding(said, "IP04")["fix"]


def test_the_results_text_s_2000_characters(tmp_path: Path) -> None:
    """«Resultaterne … (maks. 2000 tegn inkl. mellemrum)»."""
    assert outcome(ip(tmp_path, {"application": {"results_chars": 2000}}), "IP34")[0] == "pass"
    said = ip(tmp_path, {"application": {"results_chars": 2001}})
    assert outcome(said, "IP34")[0] == "fail" and said["verdict"] == "does_not_fit"


def test_about_twelve_slides_is_ten_to_fourteen(tmp_path: Path) -> None:
    """«Pitch decket skal bestå af ca. 12 slides»: grantcheck reads ca. as two either way."""
    for slides, said in ((9, "warning"), (10, "pass"), (14, "pass"), (15, "warning")):
        result = ip(tmp_path, {"application": {"pitch_deck_slides": slides}})
        assert outcome(result, "IP35")[0] == said, slides


def test_a_cv_of_two_pages_is_within_the_limit(tmp_path: Path) -> None:
    """«CV'er på de personer, der søges investering til (maks. 2 sider pr. person)»."""
    assert outcome(ip(tmp_path, {"application": {"cv_max_pages": 2}}), "IP36")[0] == "pass"
    assert outcome(ip(tmp_path, {"application": {"cv_max_pages": 3}}), "IP36")[0] == "fail"


# --- SMV:Digital: a group company's grant, one at a time (SMV26, SMV17) -----------------------
# Nordlys applies on 2026-12-01 and fits every voucher.

SMV_ON = "2026-12-01"


def group_grant(finished: bool | None, flag: bool = False) -> dict[str, Any]:
    entry: dict[str, Any] = {"granted": d("2026-03-02"), "amount": 100_000,
                             "scheme": "SMV:Digital", "de_minimis": True,
                             "recipient": "Nordlys Holding ApS"}
    if finished is not None:
        entry["finished_and_reported"] = finished
    return {"aid_received": [entry], "project": {"group_smv_grant": flag}}


def test_a_group_company_s_finished_project_leaves_the_group_free_to_apply(
        tmp_path: Path) -> None:
    """Not finished and reported, the parent's project is the group's one at a time; finished
    and reported, the group may apply again, as the company itself may (it did not fit)."""
    code, said = match(tmp_path, NORDLYS, group_grant(False), SMV_ON, SMV)
    assert outcome(said, "SMV26") == ("fail", [])
    assert outcome(said, "SMV17") == ("pass", [])
    assert set(tiers(said).values()) == {"does_not_fit"} and code == 1
    code, said = match(tmp_path, NORDLYS, group_grant(True), SMV_ON, SMV)
    f = finding(said, "SMV26")
    assert f["outcome"] == "pass"
    assert "finished and reported: SMV:Digital of 2026-03-02 to Nordlys Holding ApS" in (
        f["message"])
    assert set(tiers(said).values()) == {"fits"} and code == 0


def test_a_group_company_s_project_not_said_finished_needs_the_fact(tmp_path: Path) -> None:
    _, said = match(tmp_path, NORDLYS, group_grant(None), SMV_ON, SMV)
    assert outcome(said, "SMV26") == ("unknown", ["aid_received[0].finished_and_reported"])
    assert outcome(said, "SMV17") == ("pass", [])
    assert set(tiers(said).values()) == {"needs_information"}


def test_the_flag_still_says_another_group_company_has_an_open_project(tmp_path: Path) -> None:
    _, said = match(tmp_path, NORDLYS, group_grant(True, flag=True), SMV_ON, SMV)
    assert outcome(said, "SMV26") == ("fail", [])
    assert "not yet finished and reported" in finding(said, "SMV26")["message"]


# --- SMV:Digital: the investment stated, whatever the activities list (SMV24) ----------------


def test_an_investment_is_counted_though_the_activities_do_not_list_it(tmp_path: Path) -> None:
    """«Investeringer støttes med 25% … Investeringer under 40.000 kr. støttes ikke»: the
    support follows what is bought (hardware, software, commissioning), which investment_cost
    states; an implementation project may buy its technology («indkøber i forbindelse med
    projektet»). 40,000 passes, 39,999 fails as an investment, not as none."""
    over = {"project": {"activities": ["implementation"], "investment_cost": 40_000}}
    _, said = match(tmp_path, NORDLYS, over, SMV_ON, SMV)
    f = finding(said, "SMV24")
    assert f["outcome"] == "pass" and "support 25 % = DKK 10,000" in f["message"]
    over = {"project": {"activities": ["implementation"], "investment_cost": 39_999}}
    _, said = match(tmp_path, NORDLYS, over, SMV_ON, SMV)
    f = finding(said, "SMV24")
    assert f["outcome"] == "fail" and f["message"].startswith("investment DKK 39,999 <")


# --- SMV:Digital: the 12-month project period's last day (SMV30) ------------------------------


def test_the_100000_voucher_s_project_period_ends_twelve_months_less_a_day_after_the_start(
        tmp_path: Path) -> None:
    """Nordlys starts 2027-01-04: its 12 months end on 2028-01-03; a day later is a warning."""
    _, said = match(tmp_path, NORDLYS, {"project": {"end": d("2028-01-03")}}, SMV_ON, SMV)
    assert outcome(said, "SMV30") == ("pass", [])
    _, said = match(tmp_path, NORDLYS, {"project": {"end": d("2028-01-04")}}, SMV_ON, SMV)
    assert outcome(said, "SMV30") == ("warning", [])
    assert "plan the project to end by 2028-01-03" in finding(said, "SMV30")["fix"]


# --- SMV:Digital: technology bought within the year before an application left undated (SMV22)


def implementation(bought: str, applied: bool) -> dict[str, Any]:
    return {"project": {"activities": ["implementation", "investment"],
                        "technology_bought_in_project": False, "technology_bought": d(bought),
                        "application_date": d(SMV_ON) if applied else None}}


def test_technology_bought_over_a_year_before_an_undated_application_needs_its_date(
        tmp_path: Path) -> None:
    """«ny teknologi, som I enten har investeret i inden for det seneste år»: applying on
    2026-12-01, technology bought 2025-12-01 is within the year, 2025-11-30 not. Without an
    application date the application is the evaluation date's or earlier, as PO13 and SD16
    read it: one sent by 2026-11-30 was in time (it failed)."""
    _, said = match(tmp_path, NORDLYS, implementation("2025-12-01", True), SMV_ON, SMV)
    assert outcome(said, "SMV22") == ("pass", [])
    _, said = match(tmp_path, NORDLYS, implementation("2025-11-30", True), SMV_ON, SMV)
    assert outcome(said, "SMV22") == ("fail", [])
    assert set(tiers(said).values()) == {"does_not_fit"}
    _, said = match(tmp_path, NORDLYS, implementation("2025-12-01", False), SMV_ON, SMV)
    assert outcome(said, "SMV22") == ("pass", [])
    _, said = match(tmp_path, NORDLYS, implementation("2025-11-30", False), SMV_ON, SMV)
    assert outcome(said, "SMV22") == ("unknown", ["project.application_date"])
    assert "in time only with an application sent by 2026-11-30" in (
        finding(said, "SMV22")["message"])
    assert set(tiers(said).values()) == {"needs_information"}
