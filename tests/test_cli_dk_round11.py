"""Eleventh round, Denmark: what ``grantcheck match PROFILE --as-of DATE --format json`` (typer's
CliRunner) says where the round changed a finding, on the example profile
profiles/kvantia-startup.toml with the case's changes written to tmp_path, at 1 EUR = 7.46 DKK.

Innobooster People (Innovationsfonden, «Hvad kan der søges til?»):
- «Ønsker virksomheden at søge om løntilskud til mere end 1 medarbejder, er det en forudsætning,
  at der er et tilsvarende antal fuldtidsansatte i virksomheden … som der ikke søges om tilskud
  til» (IP20): a funded employee whose ``employed_at_application`` is left out may or may not be
  among ``company.employees_fte``. The other employees are then a range: staff enough even if
  every such employee is among them passes, staff too few even if none is fails, and only
  between the two is the rule unknown (it was unknown whatever the staff).
- «Søges der om flere personer, skal løntilskuddene dække den samme periode» (IP24): two stated
  grant starts that differ break it whatever a start left out would be (it was unknown).
- «fuldtidsmedarbejdere, der er blevet afskediget efter 1. marts 2020 som følge af COVID 19
  situationen» (IP17): a dismissal declared due to COVID-19 holds whether or not the employee
  was employed at application, so ``employed_at_application`` left out no longer leaves the
  declaration open (it was unknown); declared not due to COVID-19, it still is.
- «Bevillingen kan tidligst gives med starttidspunkt den 1. i måneden efter, at ansøgningen er
  godkendt» (IP25): the 1st of the month after is the earliest start, not the only day a period
  may start on; a later start on another day of a month passes (it failed as "not the 1st of a
  month").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_cli_dk_round7 import finding
from tests.test_cli_dk_round10 import d, employees, ip, outcome

EMPLOYED = "employed_at_application"
BOTH_OPEN = ["employees[0].employed_at_application", "employees[1].employed_at_application"]


def staff(fte: float | str, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """Kvantia with ``fte`` other-than-owner FTE and its two funded employees, ``drop`` left out
    of both (Freja Holm employed at application, Mads Iversen re-hired, as stated)."""
    return {"company": {"employees_fte": fte}, "employees": employees(drop=drop)}


# --- IP20: whether the funded employees are among the staff, left out -------------------------


def test_both_left_out_staff_enough_even_with_both_among_them_passes(tmp_path: Path) -> None:
    """Two funded need two others: 4 FTE leave at least 2 whichever of the two is employed
    (passes; it was unknown), 3.99 leave 1.99 if both are (unknown, naming both fields)."""
    said = ip(tmp_path, staff(4, drop=(EMPLOYED,)))
    assert outcome(said, "IP20") == ("pass", [])
    assert "minus 0–2 FTE" in finding(said, "IP20")["message"]
    said = ip(tmp_path, staff(3.99, drop=(EMPLOYED,)))
    assert outcome(said, "IP20") == ("unknown", BOTH_OPEN)


def test_both_left_out_staff_too_few_even_with_neither_among_them_fails(tmp_path: Path) -> None:
    """1.99 FTE are fewer than the two others needed even if neither funded employee is among
    them: IP20 fails and Kvantia does not fit (it needed information); 2 FTE are enough only if
    neither is (unknown)."""
    said = ip(tmp_path, staff(1.99, drop=(EMPLOYED,)))
    assert outcome(said, "IP20") == ("fail", [])
    assert said["verdict"] == "does_not_fit"
    assert "fund fewer employees" in finding(said, "IP20")["fix"]
    said = ip(tmp_path, staff(2, drop=(EMPLOYED,)))
    assert outcome(said, "IP20") == ("unknown", BOTH_OPEN)
    assert said["verdict"] == "needs_information"


def test_one_employed_one_left_out_counts_the_known_one(tmp_path: Path) -> None:
    """Freja Holm employed at application, Mads Iversen's left out: 2.99 FTE leave 1.99 others
    at most (fails), 3 leave 2 if he is not among them (unknown, naming his field), 4 leave 2
    even if he is (passes)."""
    def one_open(fte: float) -> dict[str, Any]:
        emps = employees()
        del emps[1][EMPLOYED]
        return {"company": {"employees_fte": fte}, "employees": emps}

    assert outcome(ip(tmp_path, one_open(2.99)), "IP20") == ("fail", [])
    assert outcome(ip(tmp_path, one_open(3)), "IP20") == (
        "unknown", ["employees[1].employed_at_application"])
    assert outcome(ip(tmp_path, one_open(4)), "IP20") == ("pass", [])


def test_stated_staff_and_employment_decide_as_before(tmp_path: Path) -> None:
    """Freja employed, Mads re-hired (not among the staff): 3 FTE leave 2 others (passes), 2.99
    leave 1.99 (fails)."""
    assert outcome(ip(tmp_path, staff(3)), "IP20") == ("pass", [])
    said = ip(tmp_path, staff(2.99))
    assert outcome(said, "IP20") == ("fail", [])
    assert "= 1.99 FTE" in finding(said, "IP20")["message"]


# --- IP24: one grant period, a start left out --------------------------------------------------


def three(first: str, second: str) -> dict[str, Any]:
    """Kvantia with a third funded employee, Ida Lund (employed at application, no grant start
    stated), Freja's and Mads's grants starting on ``first`` and ``second``; staff enough."""
    emps = employees({"grant_start": d(first)}, {"grant_start": d(second)})
    ida = {**emps[0], "name": "Ida Lund"}
    del ida["grant_start"]
    return {"company": {"employees_fte": 8}, "employees": [*emps, ida]}


def test_two_stated_starts_that_differ_fail_whatever_the_third(tmp_path: Path) -> None:
    """2021-01-01 and 2021-02-01 cannot be one period whatever Ida's start: IP24 fails and
    Kvantia does not fit (it was unknown, naming her grant start)."""
    said = ip(tmp_path, three("2021-01-01", "2021-02-01"))
    assert outcome(said, "IP24") == ("fail", [])
    f = finding(said, "IP24")
    assert "Freja Holm: 2021-01-01; Mads Iversen: 2021-02-01" in f["message"]
    assert said["verdict"] == "does_not_fit"


def test_two_stated_starts_that_agree_leave_the_third_open(tmp_path: Path) -> None:
    """Both on 2021-01-01: Ida's start left out decides it (unknown, naming it)."""
    said = ip(tmp_path, three("2021-01-01", "2021-01-01"))
    assert outcome(said, "IP24") == ("unknown", ["employees[2].grant_start"])
    assert said["verdict"] == "needs_information"


# --- IP17: the COVID-19 declaration, employment at application left out -----------------------


def test_a_covid_dismissal_declared_holds_whether_employed_at_application_or_not(
        tmp_path: Path) -> None:
    """Mads Iversen's employment at application left out: dismissed due to COVID-19 declared
    true, IP17 passes (it was unknown); declared false, a re-hire would fail and an employee
    employed at application declares nothing, so IP17 is unknown, naming the field."""
    def mads(covid: bool) -> dict[str, Any]:
        emps = employees(mads={"dismissed_due_to_covid": covid})
        del emps[1][EMPLOYED]
        return {"employees": emps}

    assert outcome(ip(tmp_path, mads(True)), "IP17") == ("pass", [])
    assert outcome(ip(tmp_path, mads(False)), "IP17") == (
        "unknown", ["employees[1].employed_at_application"])


# --- IP25: the 1st of the month after is the earliest start, not the only day ------------------


def both_start(start: str) -> dict[str, Any]:
    return {"employees": employees({"grant_start": d(start)}, {"grant_start": d(start)})}


def test_a_start_after_the_earliest_passes_on_any_day(tmp_path: Path) -> None:
    """Applied 2020-11-16: the earliest start is 2020-12-01. 2020-12-02 and 2021-01-15 are later
    (pass; they failed as not a 1st), 2020-11-30 is the day before (fails)."""
    said = ip(tmp_path, both_start("2020-12-02"))
    assert outcome(said, "IP25") == ("pass", [])
    assert said["verdict"] == "fits"
    assert outcome(ip(tmp_path, both_start("2021-01-15")), "IP25") == ("pass", [])
    said = ip(tmp_path, both_start("2020-11-30"))
    assert outcome(said, "IP25") == ("fail", [])
    assert "at the earliest on 2020-12-01" in finding(said, "IP25")["fix"]
    assert said["verdict"] == "does_not_fit"
