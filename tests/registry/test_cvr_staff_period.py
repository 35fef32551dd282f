"""Which CVR period stands for the SME test's annual work units (grantcheck/registry/cvr_staff.py,
docs/registries.md "Staff"): of the periods ended by the evaluation date, the newest whole year
(the annual figure, else its 12 months or 4 quarters averaged), unless a month or quarter of a
later year than the one after it is newer: then that period stands in, and says so. Boundary
pairs: 12 months and 11; a whole year just before the newest period's year and two before; a
month ending on the evaluation date and the day after. Every date is stated."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from grantcheck.registry import registry_tasks

ON = date(2026, 11, 23)


def staff(on: date = ON, **series: Any) -> tuple[dict[str, Any], dict[str, str]]:
    doc = {"cvrNummer": 38492716, "virksomhedMetadata": {
        "nyesteNavn": {"navn": "X ApS"}, "nyesteVirksomhedsform": {"kortBeskrivelse": "APS"},
        "stiftelsesDato": "2010-01-01", "sammensatStatus": "NORMAL"}} | series
    raw = (json.dumps({"_source": {"Vrvirksomhed": doc}}) + "\n").encode()
    (kind, _, payload), = registry_tasks(io.BytesIO(raw), "c.jsonl", "cvr", on, on)
    assert kind == "registry", payload
    return payload[0]["company"], payload[1]


def months(year: int, awu: list[int]) -> list[dict[str, Any]]:
    return [{"aar": year, "maaned": m, "antalAarsvaerk": n} for m, n in enumerate(awu, 1)]


OLD_YEAR = [{"aar": 2018, "intervalKodeAntalAarsvaerk": "ANTAL_50_99"}]
# 2025: ten months of 40 work units, two of 70: the year's mean is 45
YEAR_2025 = months(2025, [40] * 10 + [70] * 2)


def test_a_whole_year_of_months_is_averaged_for_the_years_work_units() -> None:
    company, said = staff(aarsbeskaeftigelse=OLD_YEAR,
                          erstMaanedsbeskaeftigelse=[*YEAR_2025, *months(2026, [70, 70, 70])])
    assert company["employees_fte"] == {"min": 45, "max": 45}
    assert said["company.employees_fte"] == (
        "CVR erstMaanedsbeskaeftigelse 2025, its months averaged, antalAarsvaerk of each, "
        "averaged: 45 to 45")


def test_eleven_months_are_no_whole_year_and_the_newest_month_stands_in() -> None:
    company, said = staff(aarsbeskaeftigelse=OLD_YEAR,
                          erstMaanedsbeskaeftigelse=[*YEAR_2025[1:], *months(2026, [70] * 3)])
    assert company["employees_fte"] == {"min": 70, "max": 70}
    assert said["company.employees_fte"] == (
        "CVR erstMaanedsbeskaeftigelse 2026-03, antalAarsvaerk 70 (a month's work units "
        "standing in for the year's: no whole year of figures since 2018)")


def test_banded_months_average_their_ends_outward() -> None:
    bands = [{"aar": 2025, "maaned": m, "intervalKodeAntalAarsvaerk":
              "ANTAL_10_19" if m <= 6 else "ANTAL_20_49"} for m in range(1, 13)]
    company, said = staff(maanedsbeskaeftigelse=bands)
    assert company["employees_fte"] == {"min": 15, "max": 34}  # (10+20)/2, (19+49)/2
    assert said["company.employees_fte"].endswith(
        "intervalKodeAntalAarsvaerk of each, averaged: 15 to 34")


def test_the_registrys_own_annual_figure_beats_its_months_of_the_same_year() -> None:
    company, said = staff(aarsbeskaeftigelse=[{"aar": 2025, "antalAarsvaerk": 44}],
                          erstMaanedsbeskaeftigelse=YEAR_2025)
    assert company["employees_fte"] == {"min": 44, "max": 44}
    assert said["company.employees_fte"] == "CVR aarsbeskaeftigelse 2025, antalAarsvaerk 44"


def test_a_year_just_before_the_newest_months_year_stands_for_it_two_before_does_not() -> None:
    recent = months(2026, [70, 70, 70])
    company, said = staff(aarsbeskaeftigelse=[{"aar": 2025, "antalAarsvaerk": 44}],
                          erstMaanedsbeskaeftigelse=recent)
    assert company["employees_fte"] == {"min": 44, "max": 44}
    company, said = staff(aarsbeskaeftigelse=[{"aar": 2024, "antalAarsvaerk": 44}],
                          erstMaanedsbeskaeftigelse=recent)
    assert company["employees_fte"] == {"min": 70, "max": 70}
    assert said["company.employees_fte"].endswith("no whole year of figures since 2024)")


def test_four_quarters_make_a_year() -> None:
    quarters = [{"aar": 2025, "kvartal": q, "antalAarsvaerk": n}
                for q, n in zip(range(1, 5), [8, 10, 12, 14], strict=True)]
    company, said = staff(aarsbeskaeftigelse=OLD_YEAR, kvartalsbeskaeftigelse=quarters)
    assert company["employees_fte"] == {"min": 11, "max": 11}
    assert said["company.employees_fte"].startswith(
        "CVR kvartalsbeskaeftigelse 2025, its quarters averaged")
    company, said = staff(aarsbeskaeftigelse=OLD_YEAR, kvartalsbeskaeftigelse=quarters[:3])
    assert company["employees_fte"] == {"min": 12, "max": 12}
    assert "(a quarter's work units standing in" in said["company.employees_fte"]


def test_a_month_counts_from_its_last_day_not_before() -> None:
    series = {"aarsbeskaeftigelse": [{"aar": 2024, "antalAarsvaerk": 44}],
              "erstMaanedsbeskaeftigelse": [{"aar": 2026, "maaned": 10, "antalAarsvaerk": 70}]}
    assert staff(date(2026, 10, 31), **series)[0]["employees_fte"] == {"min": 70, "max": 70}
    assert staff(date(2026, 10, 30), **series)[0]["employees_fte"] == {"min": 44, "max": 44}


def test_a_year_is_not_read_before_it_has_ended() -> None:
    series = {"aarsbeskaeftigelse": [{"aar": 2019, "antalAarsvaerk": 4},
                                     {"aar": 2025, "antalAarsvaerk": 60}]}
    assert staff(date(2025, 12, 31), **series)[0]["employees_fte"] == {"min": 60, "max": 60}
    assert staff(date(2025, 12, 30), **series)[0]["employees_fte"] == {"min": 4, "max": 4}


def test_figures_all_after_the_evaluation_date_leave_the_staff_unknown() -> None:
    company, said = staff(date(2020, 11, 1),
                          aarsbeskaeftigelse=[{"aar": 2025, "antalAarsvaerk": 60}])
    assert "employees_fte" not in company
    assert said["company.employees_fte"] == (
        "CVR aarsbeskaeftigelse 2025: after the evaluation date 2020-11-01, not known on it: "
        "not known")
