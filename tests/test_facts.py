"""Facts as bounds (issue 17): ranges in the profile, a missing fact as the widest range it can
have, and the soundness of every answer decided on a range."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grantcheck.engine import Outcome, Verdict
from grantcheck.facts import INF, Range, Undecided, at_least, at_most, least, show
from grantcheck.matching import check
from grantcheck.money import Money
from grantcheck.profile import ProfileError, profile_from_data
from tests.support import TEST_RATES

D = Decimal
ON = date(2026, 6, 1)


# --- the range arithmetic -------------------------------------------------------------------


def test_a_comparison_every_value_answers_alike_is_decided() -> None:
    r = Range(D(10), D(19))
    assert r <= 20 and r < 20 and not r > 19 and r >= 10 and not r < 10


def test_a_comparison_the_values_answer_differently_names_the_threshold() -> None:
    r = Range(D(10), D(30)).named("company.employees_fte")
    with pytest.raises(Undecided) as e:
        _ = r <= 20
    assert e.value.fields == ("company.employees_fte",)
    assert e.value.text() == ("10–30 (company.employees_fte given as a range): the answer "
                              "changes at 20")


def test_a_fact_not_stated_says_so() -> None:
    r = Range(D(0), INF).named("company.owners_fte", stated=False) + D(249)
    with pytest.raises(Undecided) as e:
        _ = r >= 250
    assert "249 or more (company.owners_fte not stated)" in e.value.text()


def test_sums_and_caps_of_ranges() -> None:
    owners = Range(D(0), INF).named("company.owners_fte", stated=False)
    total = D(100) + least(owners, D(1))
    assert (total.lo, total.hi) == (D(100), D(101))
    assert total.facts == ("company.owners_fte",)
    assert show(total) == "100–101"


def test_amounts_in_a_range() -> None:
    r = Range(Money(D(40_000_000), "DKK"), Money(D(60_000_000), "DKK"))
    assert show(r) == "DKK 40,000,000–60,000,000"
    assert at_most(r, Money(D(60_000_000), "DKK")) is True
    assert at_most(r, Money(D(50_000_000), "DKK")) is None
    assert at_least(r, Money(D(70_000_000), "DKK")) is False
    assert Money(D(30_000_000), "DKK") < r  # the amount asks the range


def test_a_share_of_an_unbounded_range_of_zero_is_zero() -> None:
    assert (Range(D(0), INF) * D(0)).hi == 0


# --- the profile -------------------------------------------------------------------------------


def company(**values: Any) -> dict[str, Any]:
    return {"company": {"name": "X", "country": "DK"} | values}


def test_a_range_in_a_profile_is_read() -> None:
    p = profile_from_data(company(employees_fte={"min": 10, "max": 19}), "t")
    assert isinstance(p.company.employees_fte, Range)
    assert (p.company.employees_fte.lo, p.company.employees_fte.hi) == (10, 19)


def test_one_end_of_a_range_is_enough() -> None:
    p = profile_from_data(company(turnover={"max": 50_000_000}), "t")
    assert isinstance(p.company.turnover, Range) and p.company.turnover.lo == 0


def test_a_range_of_one_value_is_that_value() -> None:
    p = profile_from_data(company(employees_fte={"min": 12, "max": 12}), "t")
    assert p.company.employees_fte == D(12)


@pytest.mark.parametrize(("value", "message"), [
    ({"min": 20, "max": 10}, "min 20 is above max 10"),
    ({"min": -1, "max": 10}, "min must not be negative (got -1)"),
    ({"min": 1, "most": 10}, "a range holds only min and max (got 'most')"),
    ({}, "a range needs min, max or both"),
])
def test_a_bad_range_is_refused_naming_the_field(value: dict[str, Any], message: str) -> None:
    with pytest.raises(ProfileError) as e:
        profile_from_data(company(employees_fte=value), "t")
    problem = e.value.problems[0]
    assert problem.path == "company.employees_fte" and message in problem.message


def test_a_percentage_range_above_100_is_refused() -> None:
    with pytest.raises(ProfileError) as e:
        profile_from_data(company(public_ownership_percent={"min": 10, "max": 120}), "t")
    assert e.value.problems[0].path == "company.public_ownership_percent"


def test_a_range_on_a_fact_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ProfileError) as e:
        profile_from_data(company(founded={"min": "2020-01-01"}), "t")
    assert e.value.problems[0].path == "company.founded"


# --- the schemes: the cases ------------------------------------------------------------


def verdicts(data: dict[str, Any], on: date = ON) -> dict[str, Verdict]:
    result = check(profile_from_data(data, "t"), on, rates=TEST_RATES)
    return {r.scheme.id: r.verdict for r in result.results}


def findings(data: dict[str, Any], scheme: str, on: date = ON) -> dict[str, Any]:
    result = check(profile_from_data(data, "t"), on, rates=TEST_RATES, schemes=[scheme])
    return {f.rule.id: f for f in result.results[0].findings}


NORWEGIAN = {"name": "Verksted AS", "country": "NO", "turnover": D(30_000_000),
             "balance_sheet_total": D(20_000_000), "related": [],
             "public_ownership_percent": D(0)}


def test_prosessinnovasjon_249_employees_owners_not_stated_needs_the_owners() -> None:
    f = findings({"company": NORWEGIAN | {"employees_fte": D(249)}},
                 "no-prosessinnovasjon")["PO01"]
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.owners_fte",)


def test_prosessinnovasjon_249_employees_no_working_owners_is_an_sme() -> None:
    f = findings({"company": NORWEGIAN | {"employees_fte": D(249), "owners_fte": D(0)}},
                 "no-prosessinnovasjon")["PO01"]
    assert f.outcome is Outcome.PASS


def test_prosessinnovasjon_public_ownership_not_stated_needs_it() -> None:
    data = dict(NORWEGIAN, employees_fte=D(20), owners_fte=D(0))
    del data["public_ownership_percent"]
    f = findings({"company": data}, "no-prosessinnovasjon")["PO01"]
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("company.public_ownership_percent",)


def test_prosessinnovasjon_an_open_size_with_the_exception_declared_passes() -> None:
    data = {"company": NORWEGIAN | {"employees_fte": D(249)},
            "declarations": {"large_enterprise_exception": True}}
    assert findings(data, "no-prosessinnovasjon")["PO01"].outcome is Outcome.PASS


def test_bedriftsnettverk_249_employees_owners_not_stated_is_not_counted_as_an_sme() -> None:
    f = findings({"company": NORWEGIAN | {"employees_fte": D(249)}},
                 "no-bedriftsnettverk")["BN11"]
    assert f.outcome is not Outcome.PASS


# --- soundness: what a range decides holds for every value in it -------------------------------

_FIGURES = ("employees_fte", "owners_fte", "turnover", "balance_sheet_total",
            "public_ownership_percent", "external_capital_raised")
_SCALE = {"employees_fte": 400, "owners_fte": 4, "turnover": 600_000_000,
          "balance_sheet_total": 500_000_000, "public_ownership_percent": 100,
          "external_capital_raised": 3_000_000}


@st.composite
def exact_companies(draw: st.DrawFn) -> dict[str, Any]:
    c: dict[str, Any] = {"name": "X", "country": draw(st.sampled_from(["DK", "NO", "SE"])),
                         "related": [], "cvr_number": "12345678", "founded": date(2023, 1, 1),
                         "economic_activity_in_norway": True,
                         "registered_in_foretaksregisteret": True}
    for name in _FIGURES:
        top = _SCALE[name]
        # values near the thresholds as well as anywhere
        near = [v for v in (0, 1, 2, 3, 9, 10, 20, 21, 24, 25, 49, 50, 249, 250, 2_000_000,
                            14_920_000, 74_600_000, 373_000_000) if v <= top]
        c[name] = D(draw(st.one_of(st.integers(0, top), st.sampled_from(near))))
    return c


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exact=exact_companies(), data=st.data())
def test_a_pass_or_fail_on_a_range_holds_for_every_value_in_it(exact: dict[str, Any],
                                                               data: st.DataObject) -> None:
    """Replace some figures by a range around them (or leave them out): every rule decided on
    the ranges has the same outcome for the exact profile and for the ends of each range."""
    chosen = data.draw(st.lists(st.sampled_from(_FIGURES), min_size=1, max_size=3,
                                unique=True))
    ranged = dict(exact)
    corners = []
    for name in chosen:
        v = exact[name]
        if data.draw(st.booleans()):
            del ranged[name]  # not stated: the widest range
            continue
        lo = max(D(0), v - D(data.draw(st.integers(0, 60))))
        hi = v + D(data.draw(st.integers(0, 60)))
        if name == "public_ownership_percent":
            hi = min(hi, D(100))
        ranged[name] = {"min": lo, "max": hi}
        corners.append((name, lo, hi))
    on = data.draw(st.sampled_from([date(2021, 3, 1), ON]))
    findings_on_range, verdicts_on_range = _all_findings(ranged, on)
    profiles = [exact] + [dict(exact, **{n: lo}) for n, lo, _ in corners] + [
        dict(exact, **{n: hi}) for n, _, hi in corners]
    for p in profiles:
        found, verdicts = _all_findings(p, on)
        for s, fs in found.items():
            for r, f in fs.items():
                decided = findings_on_range[s][r].outcome
                if decided in (Outcome.PASS, Outcome.FAIL, Outcome.WARNING):
                    assert f.outcome is decided, (s, r, p, ranged)
            if verdicts_on_range[s] in (Verdict.FITS, Verdict.DOES_NOT_FIT):
                assert verdicts[s] is verdicts_on_range[s], (s, p, ranged)


def _all_findings(c: dict[str, Any], on: date
                  ) -> tuple[dict[str, dict[str, Any]], dict[str, Verdict]]:
    result = check(profile_from_data({"company": c}, "t"), on, rates=TEST_RATES)
    return ({r.scheme.id: {f.rule.id: f for f in r.findings} for r in result.results},
            {r.scheme.id: r.verdict for r in result.results})


# --- batch, init, JSON and the schema know ranges ----------------------------------------------

BANDS = ("name,country,employees_fte,owners_fte,turnover,balance_sheet_total,"
         "public_ownership_percent,related\n"
         "Small ApS,DK,10-19,0,5000000,2000000,0,none\n"
         "Middle ApS,DK,50-99,0,20000000..40000000,,0,none\n"
         "Large ApS,DK,200-249,,5000000,2000000,0,none\n")


def test_a_registry_csv_with_staff_bands_decides_what_the_bands_settle(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from grantcheck.cli import app

    src = tmp_path / "bands.csv"
    src.write_text(BANDS, encoding="utf-8")
    r = CliRunner().invoke(app, ["batch", "--input", str(src), "--format", "jsonl",
                                 "--detail", "full", "--scheme", "dk-smv-digital",
                                 "--as-of", "2026-06-01", "--jobs", "1"])
    assert r.exit_code == 0, r.output
    import json

    records = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    smv10 = [{f["rule"]: f for f in rec["schemes"][0]["findings"]}["SMV10"] for rec in records]
    assert [f["outcome"] for f in smv10] == ["pass", "fail", "fail"]
    assert "11–20 FTE" not in smv10[0]["message"] and "10–19 FTE" in smv10[0]["message"]
    assert records[0]["profile"]["ranges"] == {
        "company.employees_fte": {"min": "10", "max": "19"}}
    assert "200–250 FTE" in smv10[2]["message"]


def test_init_takes_a_range_from_set_and_writes_it_as_a_table(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from grantcheck.cli import app

    out = tmp_path / "p.toml"
    r = CliRunner().invoke(app, ["init", str(out), "--non-interactive",
                                 "--set", "company.name=Y", "--set", "company.country=DK",
                                 "--set", "company.employees_fte=between 10 and 19",
                                 "--set", "company.turnover=at most 50000000"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "employees_fte = { min = 10, max = 19 }" in text
    assert "turnover = { max = 50000000 }" in text
    p = profile_from_data({"company": {"name": "Y", "country": "DK",
                                       "employees_fte": {"min": 10, "max": 19}}}, "t")
    assert isinstance(p.company.employees_fte, Range)


def test_the_json_schema_allows_a_range_for_a_figure() -> None:
    from grantcheck.schema import profile_schema

    schema = profile_schema()
    field = schema["$defs"]["Company"]["properties"]["employees_fte"]
    kinds = [a.get("type") for a in field["anyOf"]]
    assert "number" in kinds and "object" in kinds


def test_prosessinnovasjon_amounts_with_an_open_size_are_a_range_not_the_generous_end() -> None:
    data = {"company": NORWEGIAN | {"employees_fte": D(249)},
            "project": {"budget_total": D(1_000_000)}}
    result = check(profile_from_data(data, "t"), ON, rates=TEST_RATES,
                   schemes=["no-prosessinnovasjon"]).results[0]
    assert result.amounts.amounts is not None
    amounts = result.amounts.amounts
    assert amounts.max_grant is None and amounts.missing == ("company.owners_fte",)
    assert "NOK 150,000 to NOK 500,000" in str(amounts.basis)


def test_show_names_the_figures_that_take_a_range() -> None:
    from grantcheck.describe import detail

    fields = detail("no-prosessinnovasjon", ON)["range_fields"]
    assert "company.employees_fte" in fields and "company.public_ownership_percent" in fields
    assert "declarations.large_enterprise_exception" not in fields


# --- the arithmetic encloses every result ------------------------------------------------------

_ends_st = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(
    lambda t: (D(min(t)), D(max(t))))


@settings(max_examples=200, deadline=None)
@given(a=_ends_st, b=_ends_st, x=st.floats(0, 1), y=st.floats(0, 1),
       threshold=st.integers(0, 20_000))
def test_a_result_on_ranges_holds_every_result_on_their_values(
        a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal], x: float, y: float,
        threshold: int) -> None:
    ra, rb = Range(*a), Range(*b)
    va = a[0] + (a[1] - a[0]) * D(str(round(x, 3)))  # a value in each range
    vb = b[0] + (b[1] - b[0]) * D(str(round(y, 3)))
    for op in (lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q, least):
        r = op(ra, rb)
        v = op(va, vb)
        lo, hi = (r.lo, r.hi) if isinstance(r, Range) else (r, r)
        assert lo <= v <= hi
    t = D(threshold)
    for cmp in (lambda p: p < t, lambda p: p <= t, lambda p: p > t, lambda p: p >= t):
        try:
            decided = cmp(ra)
        except Undecided:
            continue
        assert cmp(va) is decided
