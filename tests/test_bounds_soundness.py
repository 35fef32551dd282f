"""Soundness over every figure that may be a range: what grantcheck decides on ranges holds for
every exact profile inside them.

A figure of the profile (a ``Figure`` or ``PercentFigure`` of ``grantcheck/profile/``: the
company's, its ``previous_year``'s, each ``company.related`` enterprise's, each
``network.participants`` entry's) may be stated exactly, within bounds, or not at all (0 and up;
a percentage 0 to 100). docs/profile.md, "Figures known only within bounds": a rule is decided
only when every value in the range gives that answer, and *fits* / *does not fit* then hold for
every exact figure in it.

The property tests start from each scheme's case-file base (tests/schemes/cases/*.toml) and the
example profiles (profiles/), so that the rules are exercised rather than failing early on
something unrelated; they draw exact figures near the thresholds, replace some by a range around
them (or leave them out), and check each probe — the exact profile, each range's ends, all low
ends together and all high ends together — against what the ranges decided:

- a rule decided (pass, fail, warning) on the ranges has that outcome on every probe;
- a verdict (the scheme's, each tier's) of *fits* or *does not fit* holds on every probe;
- a document decided needed or not needed is so on every probe (a tier's own document: when the
  ranges settle that tier's verdict; while it is open the document is listed as needed, as it is
  while any other fact leaves the tier open);
- an amount (max grant, own funding) shown on ranges is the amount of every probe: the engine
  states an amount only when the facts settle it (``Amounts.max_grant`` is a ``Money`` or None;
  while the facts leave it open, it is None and the basis gives its range). For a scheme with
  tiers, each tier's amounts: the scheme shows those of its highest tier with the best verdict
  (engine/evaluate.py), and ranges that leave a higher tier open show the lower tier that fits,
  as a missing fact does: the amount a fitting scheme shows on ranges is at most the exact
  profile's, never more.

The counterexamples they found are kept below as plain boundary pairs.
"""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from grantcheck.engine import Outcome, Verdict
from grantcheck.matching import check
from grantcheck.profile import profile_from_data
from tests.support import TEST_RATES, amounts_of

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "schemes" / "cases"
PROFILES = ROOT / "profiles"
DECIDED = (Outcome.PASS, Outcome.FAIL, Outcome.WARNING)
SETTLED = (Verdict.FITS, Verdict.DOES_NOT_FIT)
# where a range has no upper end (or the figure is left out): a value far above every threshold
BIG = D(10) ** 12


def _case_base(scheme: str, name: str = "default") -> dict[str, Any]:
    with open(CASES / f"{scheme}.toml", "rb") as f:
        base: dict[str, Any] = tomllib.load(f)["bases"][name]
    return base


def _profile(name: str) -> dict[str, Any]:
    with open(PROFILES / name, "rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    return data


# (the scheme it is for, a realistic exact profile, a date that scheme's rules are encoded for)
BASES: list[tuple[str, str, date]] = [
    ("no-bedriftsnettverk", "case:default", date(2026, 11, 1)),
    ("no-prosessinnovasjon", "case:default", date(2026, 11, 1)),
    ("no-prosessinnovasjon", "case:large", date(2026, 11, 1)),
    ("no-prosessinnovasjon", "case:default", date(2021, 3, 1)),  # before GBER's 2023 amendment
    ("dk-smv-digital", "case:default", date(2023, 6, 1)),
    ("dk-smv-digital", "case:default", date(2022, 6, 1)),  # the page's earlier version
    ("dk-innobooster-people", "case:default", date(2020, 9, 1)),
    ("se-saker-digitalisering", "case:default", date(2023, 2, 15)),
    ("no-bedriftsnettverk", "fjordnett-network.toml", date(2026, 11, 1)),
    ("no-prosessinnovasjon", "hardanger-prosess.toml", date(2026, 11, 1)),
    ("dk-innobooster-people", "kvantia-startup.toml", date(2020, 11, 16)),
    ("dk-smv-digital", "nordlys-automation.toml", date(2023, 6, 1)),
    ("no-prosessinnovasjon", "danbyg-holding.toml", date(2026, 11, 1)),
]


def _base(scheme: str, source: str) -> dict[str, Any]:
    if source.startswith("case:"):
        return _case_base(scheme, source.removeprefix("case:"))
    return _profile(source)


_RATE = {"DK": TEST_RATES["DKK"], "NO": TEST_RATES["NOK"], "SE": TEST_RATES["SEK"]}
# the EUR thresholds of the SME definition and its investors (Annex art. 2, 3(2))
_EUR_MONEY = (2_000_000, 10_000_000, 43_000_000, 50_000_000)
_STAFF = (0, 1, 2, 3, 5, 9, 10, 20, 21, 49, 50, 249, 250)
_PERCENT = (0, 24, 25, 26, 49, 50, 51, 100)


def _money_near(draw: st.DrawFn, country: str, eur: tuple[int, ...] = _EUR_MONEY) -> D:
    """An amount in the company's currency near one of the EUR thresholds, or anywhere."""
    rate = _RATE.get(country, D(1))
    near = [(D(e) * rate).quantize(D(1)) for e in eur]
    choice = draw(st.one_of(
        st.sampled_from(near).flatmap(lambda v: st.sampled_from([v - 1, v, v + 1])),
        st.integers(0, int(near[-1]) * 2).map(D),
        # the pages' own amounts in DKK: capital DKK 500,000, turnover DKK 2 million
        st.sampled_from([D(0), D(499_999), D(500_000), D(1_999_999), D(2_000_000),
                         D(5_000_000)])))
    return max(D(0), choice)


def _staff(draw: st.DrawFn) -> D:
    return D(draw(st.one_of(st.sampled_from(_STAFF), st.integers(0, 400))))


def _percent(draw: st.DrawFn) -> D:
    return D(draw(st.one_of(st.sampled_from(_PERCENT), st.integers(0, 100))))


@st.composite
def exact_profiles(draw: st.DrawFn) -> tuple[str, dict[str, Any], date]:
    """A scheme, an exact profile built on one of its bases, and the date."""
    scheme, source, on = draw(st.sampled_from(BASES))
    data = copy.deepcopy(_base(scheme, source))
    data.pop("budget", None)  # the budget checker is another command
    c = data["company"]
    country = c["country"]
    if draw(st.integers(0, 5)) == 0:  # figures in euro: every range converted at the dated rate
        c["currency"] = "EUR"
        country = "EUR"
    if draw(st.booleans()):  # the company's own figures near the thresholds
        for name in draw(st.lists(st.sampled_from(
                ["employees_fte", "owners_fte", "turnover", "balance_sheet_total",
                 "public_ownership_percent", "external_capital_raised"]),
                max_size=4, unique=True)):
            c[name] = (_staff(draw) if name.endswith("fte") else
                       _percent(draw) if name.endswith("percent") else
                       _money_near(draw, country))
    if draw(st.integers(0, 2)) == 0:
        c["previous_year"] = {"staff": _staff(draw), "turnover": _money_near(draw, country),
                              "balance_sheet_total": _money_near(draw, country)}
    if draw(st.booleans()):
        c["related"] = [draw(related(country)) for _ in range(draw(st.integers(1, 2)))]
    participants = data.get("network", {}).get("participants")
    if participants:
        for p in participants:
            if p.get("kind") == "company" and draw(st.booleans()):
                p.pop("sme", None)  # its figures decide, or a declared "not an SME" with them:
                if draw(st.integers(0, 3)) == 0:  # own figures leave out its group (art. 6(2))
                    p["sme"] = False
                p["staff"] = _staff(draw)
                p["turnover"] = _money_near(draw, country)
                if draw(st.booleans()):
                    p["balance_sheet_total"] = _money_near(draw, country)
    if not figure_paths(data):  # Säker digitalisering's applicant states no figure
        c["employees_fte"] = _staff(draw)
    return scheme, data, on


@st.composite
def related(draw: st.DrawFn, country: str) -> dict[str, Any]:
    """A partner or linked enterprise, perhaps a public body or an investor of Annex art. 3(2)."""
    r: dict[str, Any] = {"name": f"R{draw(st.integers(0, 99))}",
                         "relation": draw(st.sampled_from(["partner", "linked"])),
                         "share_percent": _percent(draw), "staff": _staff(draw),
                         "turnover": _money_near(draw, country),
                         "balance_sheet_total": _money_near(draw, country)}
    if draw(st.integers(0, 3)) == 0:
        r["public_body"] = True
    if draw(st.integers(0, 2)) == 0:  # Innobooster People checks a controlling enterprise too
        r[draw(st.sampled_from(["controls_company", "same_real_owner"]))] = True
        r["founded"] = draw(st.sampled_from([date(2016, 1, 1), date(2019, 6, 1)]))
        r["gber22_conditions_met"] = True
    kind = draw(st.sampled_from([None, None, "business_angels", "local_authority",
                                 "venture_capital"]))
    if kind is not None:
        r["investor"] = kind
    if kind == "business_angels":
        r["investment"] = _money_near(draw, country, (1_250_000,))
    if kind == "local_authority":
        r["annual_budget"] = _money_near(draw, country, (10_000_000,))
        r["inhabitants"] = D(draw(st.sampled_from([0, 4_999, 5_000, 5_001, 20_000])))
    return r


_FIGURES = {"employees_fte", "owners_fte", "turnover", "balance_sheet_total",
            "public_ownership_percent", "external_capital_raised", "staff", "share_percent",
            "investment", "annual_budget", "inhabitants"}


def figure_paths(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every figure the profile states, as a path of keys and indices."""
    c = data["company"]
    out: list[tuple[Any, ...]] = [("company", k) for k in sorted(c) if k in _FIGURES]
    out += [("company", "previous_year", k) for k in sorted(c.get("previous_year") or {})]
    for i, r in enumerate(c.get("related") or ()):
        out += [("company", "related", i, k) for k in sorted(r) if k in _FIGURES]
    for i, p in enumerate((data.get("network") or {}).get("participants") or ()):
        out += [("network", "participants", i, k) for k in sorted(p) if k in _FIGURES]
    return out


# every figure the generator above states (and so may replace by a range), by generic path
COVERED = {
    *(f"company.{k}" for k in ("employees_fte", "owners_fte", "turnover", "balance_sheet_total",
                               "public_ownership_percent", "external_capital_raised")),
    *(f"company.previous_year.{k}" for k in ("staff", "turnover", "balance_sheet_total")),
    *(f"company.related[].{k}" for k in ("share_percent", "staff", "turnover",
                                         "balance_sheet_total", "investment", "annual_budget",
                                         "inhabitants")),
    *(f"network.participants[].{k}" for k in ("staff", "turnover", "balance_sheet_total")),
}


def test_every_figure_that_may_be_a_range_is_drawn() -> None:
    """The property below covers every field of the profile that accepts a range (a
    ``Figure`` or ``PercentFigure``): a figure added to the profile is added here too. The
    project's, the aid's and the employees' numbers are exact only."""
    from grantcheck.fields import all_specs

    assert {p for p, spec in all_specs().items() if spec.ranged} == COVERED
    assert {p.rpartition(".")[2] for p in COVERED} == _FIGURES


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    if value is None:
        del data[path[-1]]
    else:
        data[path[-1]] = value


def _top(path: tuple[Any, ...]) -> D:
    return D(100) if path[-1].endswith("percent") else BIG


def evaluate_all(data: dict[str, Any], on: date) -> dict[str, Any]:
    """scheme id -> (findings by rule id, verdict, tier verdicts, documents needed, amounts)."""
    result = check(profile_from_data(copy.deepcopy(data), "t"), on, rates=TEST_RATES)
    out = {}
    for r in result.results:
        # a scheme with tiers shows the amounts of its best tier, which the verdicts choose:
        # each tier's own amounts are compared; the arithmetic's, also where a verdict that
        # does not fit shows none (a range may leave open whether it fits, a probe not)
        amounts = [amounts_of(t.amounts) for t in r.tiers] or [amounts_of(r.amounts)]
        tiers = {t.tier.id: t.verdict for t in r.tiers}
        out[r.scheme.id] = (
            {f.rule.id: f for f in r.findings}, r.verdict, tiers,
            {d.document.id: d.needed for d in r.documents
             # a tier's document is needed unless that tier does not fit: on ranges that leave
             # the tier open it is needed as it is while any other fact leaves it open
             if d.document.tier is None or tiers[d.document.tier] in SETTLED},
            [(a.max_grant, a.own_funding) if a is not None else (None, None) for a in amounts],
            r.amounts.amounts.max_grant if r.amounts.amounts is not None else None)
    return out


def assert_sound(ranged: dict[str, Any], probes: list[dict[str, Any]], on: date) -> None:
    """Everything decided on ``ranged`` holds on each of ``probes`` (exact profiles in it)."""
    on_range = evaluate_all(ranged, on)
    for probe in probes:
        on_probe = evaluate_all(probe, on)
        for scheme, (findings, verdict, tiers, docs, amounts, shown) in on_range.items():
            p_findings, p_verdict, p_tiers, p_docs, p_amounts, p_shown = on_probe[scheme]
            where = (scheme, probe, ranged)
            for rule, f in findings.items():
                if f.outcome in DECIDED:
                    assert p_findings[rule].outcome is f.outcome, (
                        rule, f.outcome, p_findings[rule].outcome, f.message,
                        p_findings[rule].message, *where)
            if verdict in SETTLED:
                assert p_verdict is verdict, (verdict, p_verdict, *where)
            for tier, v in tiers.items():
                if v in SETTLED:
                    assert p_tiers[tier] is v, (tier, v, p_tiers[tier], *where)
            for doc, needed in docs.items():
                if needed is not None:
                    assert p_docs[doc] is needed, (doc, needed, *where)
            for (grant, own), (p_grant, p_own) in zip(amounts, p_amounts, strict=True):
                if grant is not None:
                    assert p_grant == grant, ("max_grant", grant, p_grant, *where)
                if own is not None:
                    assert p_own == own, ("own_funding", own, p_own, *where)
            if tiers and verdict is Verdict.FITS and shown is not None:
                # the tier shown fits every probe, whose best tier is that one or a higher one:
                # what ranges show is a grant surely open to the company, never more
                assert p_shown is not None and p_shown >= shown, ("shown", shown, p_shown,
                                                                  *where)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exact=exact_profiles(), data=st.data())
def test_what_ranges_decide_holds_for_every_exact_profile_in_them(
        exact: tuple[str, dict[str, Any], date], data: st.DataObject) -> None:
    """Replace some figures — the company's, the year before's, a related enterprise's or
    investor's, a network participant's — by a range around their value (one end or both) or
    leave them out: every rule, verdict, document and amount decided on the ranges is the same
    for the exact profile and for the ends of the ranges."""
    _, profile, on = exact
    paths = figure_paths(profile)
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4, unique=True))
    ranged = copy.deepcopy(profile)
    ends: list[tuple[tuple[Any, ...], D, D]] = []
    for path in chosen:
        v, top = D(_get(profile, path)), _top(path)
        how = data.draw(st.sampled_from(["out", "both", "min", "max"]))
        width = D(data.draw(st.sampled_from([1, 2, 10, 1000, 100_000, 5_000_000])))
        lo = max(D(0), v - width * data.draw(st.integers(0, 2)))
        hi = min(top, v + width * data.draw(st.integers(0, 2)))
        if how == "out":
            _put(ranged, path, None)
            lo, hi = D(0), top
        elif how == "min":
            _put(ranged, path, {"min": lo})
            hi = top
        elif how == "max":
            _put(ranged, path, {"max": hi})
            lo = D(0)
        else:
            _put(ranged, path, {"min": lo, "max": hi})
        ends.append((path, lo, hi))
    # a year before with none of its figures stated is no year before: the latest year decides
    # (docs/profile.md), which is not a range of the exact year before's figures
    assume(ranged["company"].get("previous_year") != {})
    probes = [profile]
    for path, lo, hi in ends:
        for end in (lo, hi):
            probe = copy.deepcopy(profile)
            _put(probe, path, end)
            probes.append(probe)
    for pick in (1, 2):  # every range at its low end, then every one at its high end
        probe = copy.deepcopy(profile)
        for e in ends:
            _put(probe, e[0], e[pick])
        probes.append(probe)
    # and every range at a value inside it (a rule decided on "2 to 20" for a range 1–25 would
    # hold at both ends and not in between); a range with no upper end, within its low end's
    # reach of the thresholds
    probe = copy.deepcopy(profile)
    for path, lo, hi in ends:
        top = hi if hi < BIG else lo + D(data.draw(st.sampled_from([1, 10, 300, 10**9])))
        _put(probe, path, lo + ((top - lo) * data.draw(st.integers(0, 100)) / 100).quantize(D(1)))
    probes.append(probe)
    assert_sound(ranged, probes, on)


# --- the counterexamples, as boundary pairs ------------------------------------------------------

ON = date(2026, 11, 1)
LARGE_NOW = {"name": "X", "country": "DK", "employees_fte": 300, "owners_fte": 0,
             "turnover": 400_000_000, "balance_sheet_total": 400_000_000,
             "public_ownership_percent": 0, "related": []}


def _status(company: dict[str, Any]) -> Any:
    from grantcheck.law.sme import company_status
    from tests.support import ctx_for

    return company_status(ctx_for({"company": company}, ON))


def test_a_year_before_without_its_staff_leaves_the_status_open() -> None:
    """Annex art. 4(2): the year before's class stands. Its staff left out is 0 and up, so a
    micro year before (a staff of 0) and a large one (300) are both possible: open, not the
    latest year's class as if no year before were given."""
    s = _status(LARGE_NOW | {"previous_year": {"turnover": 1_000_000,
                                                "balance_sheet_total": 1_000_000}})
    assert (s.lowest, s.highest) == ("micro", "large")
    assert "company.previous_year.staff" in s.open_facts


def test_a_year_before_with_no_staff_is_micro_and_stands() -> None:
    s = _status(LARGE_NOW | {"previous_year": {"staff": 0, "turnover": 1_000_000,
                                                "balance_sheet_total": 1_000_000}})
    assert s.category == "micro"


def test_a_year_before_with_300_staff_is_large() -> None:
    s = _status(LARGE_NOW | {"previous_year": {"staff": 300, "turnover": 1_000_000,
                                                "balance_sheet_total": 1_000_000}})
    assert s.category == "large"


def test_a_year_before_with_only_its_staff_leaves_the_money_open() -> None:
    """Five staff the year before, its turnover and balance sheet left out (0 and up each):
    micro with small figures, large with figures over both ceilings."""
    s = _status(LARGE_NOW | {"previous_year": {"staff": 5}})
    assert (s.lowest, s.highest) == ("micro", "large")
    assert {"company.previous_year.turnover",
            "company.previous_year.balance_sheet_total"} <= set(s.open_facts)


def test_a_year_before_with_250_staff_is_large_whatever_its_money() -> None:
    assert _status(LARGE_NOW | {"previous_year": {"staff": 250}}).category == "large"


def test_an_innobooster_company_small_for_any_owners_in_bounds_is_small() -> None:
    """IP08: 5 employees and 0–2 working owners is micro on every value; the owners' range that
    may be 0 chose the rule's words and left it unknown ('0–2: the answer changes at 0')."""
    base = _case_base("dk-innobooster-people")
    on = date(2020, 9, 1)
    for owners in ({"min": 0, "max": 2}, 0, 2):
        data = copy.deepcopy(base)
        data["company"]["owners_fte"] = owners
        result = check(profile_from_data(data, "t"), on, rates=TEST_RATES,
                       schemes=["dk-innobooster-people"]).results[0]
        ip08 = next(f for f in result.findings if f.rule.id == "IP08")
        assert ip08.outcome is Outcome.PASS, (owners, ip08.message)


def _bn08(participant: dict[str, Any]) -> Any:
    """BN08 with the second company participant replaced by ``participant``: the applicant and
    "B AS" are Norwegian SMEs, so it decides whether there are three."""
    data = _case_base("no-bedriftsnettverk")
    network = data["network"]
    network["participants"][1] = {k: v for k, v in network["participants"][1].items()
                                  if k != "sme"} | participant
    result = check(profile_from_data(data, "t"), ON, rates=TEST_RATES,
                   schemes=["no-bedriftsnettverk"]).results[0]
    return next(f for f in result.findings if f.rule.id == "BN08")


def test_a_participant_of_250_staff_is_large_whatever_its_money() -> None:
    """Its turnover and balance sheet left out are 0 and up each: 250 staff is over the staff
    ceiling on every value, so it is no SME (Annex art. 2), and two SMEs are one too few."""
    assert _bn08({"staff": 250}).outcome is Outcome.FAIL


def test_a_participant_of_249_staff_without_its_money_is_open() -> None:
    f = _bn08({"staff": 249})
    assert f.outcome is Outcome.UNKNOWN
    assert "network.participants[1].turnover" in f.missing


def test_a_participant_of_249_staff_without_its_money_that_declares_sme_is_one() -> None:
    assert _bn08({"staff": 249, "sme": True}).outcome is Outcome.PASS


def test_a_participant_within_the_ceilings_by_its_own_figures_that_declares_no_sme_is_none(
        ) -> None:
    """Its own 249 staff and money are within the SME ceilings, but its partner and linked
    enterprises (which an entry cannot list) add to them (Annex art. 6(2)): the declared
    "not an SME" stands, and two SMEs are one too few (a range of its staff decided the same)."""
    small = {"staff": 249, "turnover": 10_000_000, "balance_sheet_total": 10_000_000}
    assert _bn08(small).outcome is Outcome.PASS
    assert _bn08(small | {"sme": False}).outcome is Outcome.FAIL
    assert _bn08(small | {"staff": {"min": 240, "max": 260}, "sme": False}).outcome \
        is Outcome.FAIL


def test_a_participant_of_250_staff_that_declares_sme_is_large_by_its_own_figures() -> None:
    """Its own figures are over the staff ceiling; its group can only add to them."""
    assert _bn08({"staff": 250, "turnover": 10_000_000, "sme": True}).outcome is Outcome.FAIL
