"""The compact batch record (docs/batch.md, "The compact record") and its catalogue: together
they say what the full record says of every verdict, amount and finding; the docs list the
keys the code writes; the catalogue's digest is the records'."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from grantcheck.cli import app
from grantcheck.matching import check
from grantcheck.profile import profile_from_data
from grantcheck.render.catalogue import catalogue
from grantcheck.render.compact import (
    RECORD,
    findings_of,
    match_to_compact,
    missing_documents_of,
    open_entries,
    warnings_of,
)
from grantcheck.render.json import match_to_dict
from grantcheck.schemes import SCHEME_IDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "profiles").glob("*.toml"))
GENERATED = ROOT / "tests" / "snapshots" / "profiles.jsonl"
BATCH_DOC = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
AS_OF = "2026-11-23"
ON = date(2026, 11, 23)
runner = CliRunner()


def batch(*args: str) -> Any:
    return runner.invoke(app, ["batch", *args, "--as-of", AS_OF], env={"NO_COLOR": "1"})


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _profiles() -> list[tuple[str, Any]]:
    from grantcheck.profile import load_profile

    out = [(p.name, load_profile(p)) for p in EXAMPLES]
    for n, line in enumerate(GENERATED.read_text(encoding="utf-8").splitlines()[:60], 1):
        out.append((f"generated:{n}", profile_from_data(json.loads(line), f"generated:{n}")))
    return out


PROFILES = _profiles()
CATALOGUES = {on: catalogue(on, SCHEME_IDS) for on in (ON, date(2020, 11, 15))}


def _amounts_of(full: dict[str, Any], form: str | None) -> dict[str, Any]:
    """What the compact record says of a full scheme's (or tier's) amounts."""
    out: dict[str, Any] = {}
    for key in ("max_grant", "own_funding"):
        money = full[key]
        out[key] = None if money is None or money["amount"] is None else money["amount"]
        if money is not None:
            assert money["currency"] == full.get("currency", money["currency"])
    if full.get("own_funding_for_sought") is not None:  # only when stated and at most the max
        out["grant_sought"] = full["grant_sought"]["amount"]
        out["own_funding_for_sought"] = full["own_funding_for_sought"]["amount"]
    for key in ("max_grant_range", "own_funding_range"):  # only while a fact leaves it open
        if full.get(key) is not None:
            out[key] = [full[key]["min"]["amount"], full[key]["max"]["amount"]]
    own = full["own_funding"]
    if own is not None and own["form"] != form:
        out["own_funding_form"] = own["form"]
    if full.get("amount_missing_fields"):
        out["amount_missing_fields"] = full["amount_missing_fields"]
    return out


def assert_same_information(compact: dict[str, Any], full: dict[str, Any],
                            cat: dict[str, Any]) -> None:
    """Everything of ``full`` a compact record promises, from ``compact`` and ``cat``."""
    assert compact["record"] == RECORD == cat["catalogue"]
    for key in ("grantcheck_version", "evaluation_date", "rule_set_digest",
                "any_open_scheme_fits"):
        assert compact[key] == full[key] == cat.get(key, full[key]), key
    assert warnings_of(compact, cat) == full["warnings"]
    assert {k: compact["profile"][k] for k in full["profile"]} == full["profile"]
    rates = compact.get("exchange_rates", cat["exchange_rates"])
    assert all(r in rates for r in full["exchange_rates"])
    rebuilt = findings_of(compact, cat)
    for c, f in zip(compact["schemes"], full["schemes"], strict=True):
        entry = next(s for s in cat["schemes"] if s["id"] == f["id"])
        # the call's status and the currency are the catalogue's, of the date
        assert c["id"] == f["id"] and entry["currency"] == f["currency"]
        assert (entry["status"], entry["status_text"]) == (f["status"], f["status_text"])
        assert c["verdict"] == f["verdict"]
        assert c.get("verdict_if_open", c["verdict"]) == f["verdict_if_open"]
        assert ("verdict_if_open" in c) == (f["verdict_if_open"] != f["verdict"])
        assert c.get("scope", "in_scope") == f["scope"]["state"]
        assert ("scope" in c) == (f["scope"]["state"] != "in_scope")
        assert c.get("applicable_if") == f["scope"].get("applicable_if")
        form = entry["own_funding_form"]
        shown = {k: c[k] for k in ("max_grant", "own_funding", "grant_sought",
                                   "own_funding_for_sought", "max_grant_range",
                                   "own_funding_range", "own_funding_form",
                                   "amount_missing_fields") if k in c}
        assert shown == _amounts_of(f, form)
        for ct, ft in zip(c.get("tiers", []), f.get("tiers", []), strict=True):
            assert (ct["id"], ct["verdict"]) == (ft["id"], ft["verdict"])
            assert {k: v for k, v in ct.items() if k not in ("id", "verdict")} == _amounts_of(
                ft, form)
        docs = {d["id"]: d for d in entry["documents"]}
        assert missing_documents_of(c, entry) == [d["id"] for d in f["missing_documents"]]
        assert ("missing_documents" in c) != ("missing_documents_except" in c)
        for d in f["missing_documents"]:
            assert [cat["citations"][i] for i in docs[d["id"]]["cites"]] == d["source"]
        assert c.get("documents_needed_unknown", []) == [
            d["id"] for d in f["missing_documents"] if d.get("needed") == "unknown"]
        rules = {r["id"]: r for r in entry["rules"]}
        assert rebuilt[c["id"]] == [x for x in f["findings"] if x["outcome"] != "pass"]
        passed = [x for x in f["findings"] if x["outcome"] == "pass"]
        assert c["passed"] == len(passed)
        for x in passed:  # a passed rule's citations can be looked up too
            assert [cat["citations"][i] for i in rules[x["rule"]]["cites"]] == x["source"]
            assert (rules[x["rule"]]["title"], rules[x["rule"]]["kind"]) == (x["title"],
                                                                              x["kind"])
        assert entry["notes"] == f["notes"] and entry["source"] == f["source"]
        assert entry["decision_record"] == f["decision_record"]
        assert (entry["fit_wording"] or None) == f.get("fit_wording")


@pytest.mark.parametrize("on", sorted(CATALOGUES), ids=str)
@pytest.mark.parametrize(("name", "profile"), PROFILES, ids=[n for n, _ in PROFILES])
def test_the_compact_record_and_the_catalogue_say_what_the_full_record_says(name, profile, on):
    m = check(profile, on, source=name)
    compact = json.loads(match_to_compact(m))
    assert_same_information(compact, match_to_dict(m), CATALOGUES[on])


def test_a_record_and_a_catalogue_of_another_rule_set_are_refused():
    m = check(dict(PROFILES)["nordlys-automation.toml"], ON, source="n")
    compact = json.loads(match_to_compact(m))
    other = catalogue(ON, ["dk-smv-digital"])
    with pytest.raises(ValueError, match="not of the same format and rule set"):
        findings_of(compact, other)


def test_a_finding_unlike_the_usual_one_is_written_by_its_template_and_values():
    """Nordlys passed its 5-year anniversary (IP03 fails, with its dates): the record gives the
    template's id and the dates, the catalogue the template's words; a fact left out as the
    sample applicant leaves it out is the rule id alone."""
    m = check(dict(PROFILES)["nordlys-automation.toml"], ON, source="n")
    compact = json.loads(match_to_compact(m))
    ip = next(s for s in compact["schemes"] if s["id"] == "dk-innobooster-people")
    ip03 = next(x for x in ip["open"] if isinstance(x, dict) and x["rule"] == "IP03")
    assert ip03["outcome"] == "fail" and "message" not in ip03 and "fix" not in ip03
    assert ip03["values"] == {"founded": "2016-04-12", "last": "2021-04-12", "years": "5",
                              "label": "the application date", "on": "2026-12-01"}
    template = CATALOGUES[ON]["messages"][ip03["template"]]
    assert template["message"].startswith("registered {founded}; eligible up to and including")
    full = next(f for f in findings_of(compact, CATALOGUES[ON])["dk-innobooster-people"]
                if f["rule"] == "IP03")
    assert full["message"] == ("registered 2016-04-12; eligible up to and including 2021-04-12 "
                               "(the 5-year anniversary); the award comes after the application "
                               "date 2026-12-01")
    assert full["fix"].startswith("the company passed its 5-year anniversary on 2021-04-12")
    bn = next(s for s in compact["schemes"] if s["id"] == "no-bedriftsnettverk")
    entry = next(s for s in CATALOGUES[ON]["schemes"] if s["id"] == "no-bedriftsnettverk")
    assert "BN01" in open_entries(bn, entry)
    bn01 = next(f for f in findings_of(compact, CATALOGUES[ON])["no-bedriftsnettverk"]
                if f["rule"] == "BN01")
    assert bn01["missing_fields"] == ["declarations.network_growth_ambitions"]


def test_a_usual_finding_that_names_the_company_is_its_id_and_the_name_is_put_back():
    """BN15 names the applicant (the administrator whose booked costs count): the catalogue's
    usual finding says {company}, the record says BN15, and the finding in full names
    Nordlys."""
    m = check(dict(PROFILES)["nordlys-automation.toml"], ON, source="n")
    compact = json.loads(match_to_compact(m))
    bn = next(s for s in compact["schemes"] if s["id"] == "no-bedriftsnettverk")
    entry = next(s for s in CATALOGUES[ON]["schemes"] if s["id"] == "no-bedriftsnettverk")
    assert "BN15" in open_entries(bn, entry)
    usual = next(r for s in CATALOGUES[ON]["schemes"] for r in s["rules"]
                 if r["id"] == "BN15")["usual"]
    assert usual["message"].startswith("the costs booked at {company} (the administrator)")
    [bn15] = [f for f in findings_of(compact, CATALOGUES[ON])["no-bedriftsnettverk"]
              if f["rule"] == "BN15"]
    assert bn15["message"].startswith("the costs booked at Nordlys Automation ApS (the "
                                      "administrator)")


def test_the_examples_name_usual_findings_and_missing_documents_both_ways():
    """The rebuilding test above meets both ways of each: ids in "open" and "usual_except";
    "missing_documents" and "missing_documents_except"."""
    schemes = [s for on in CATALOGUES for _, p in PROFILES
               for s in json.loads(match_to_compact(check(p, on, source="n")))["schemes"]]
    assert any("usual_except" in s for s in schemes)
    assert any("missing_documents_except" in s for s in schemes)
    assert any("missing_documents" in s for s in schemes)
    assert any(isinstance(x, str) for s in schemes for x in s["open"])


def test_a_compact_record_of_the_examples_is_under_4_kb_where_the_full_one_is_hundreds(
        monkeypatch):
    """Issue 20's target: at most 4 KB a record for the example profiles, on average. Read as
    `profiles` from the project's folder: a record names its source as given, so an absolute
    path would measure where the project was cloned (CI's clone failed by 8 bytes)."""
    monkeypatch.chdir(ROOT)
    folder = "profiles"
    compact = [len(x.encode()) for x in batch(folder, "--format", "jsonl").stdout.splitlines()]
    full = batch(folder, "--format", "jsonl", "--detail", "full").stdout.splitlines()
    assert len(compact) == len(full) == len(EXAMPLES)
    assert sum(compact) / len(compact) <= 4_000 and max(compact) < 5_000, compact
    assert all(len(f.encode()) > 20 * c for f, c in zip(full, compact, strict=True))


def test_the_catalogue_command_gives_the_records_digest_and_date():
    r = runner.invoke(app, ["schemes", "--catalogue", "--as-of", AS_OF])
    assert r.exit_code == 0, r.stderr
    cat = json.loads(r.stdout)
    [record] = lines(batch(str(EXAMPLES[0]), "--format", "jsonl").stdout)
    assert (cat["rule_set_digest"], cat["evaluation_date"]) == (record["rule_set_digest"],
                                                                AS_OF)
    assert cat == json.loads(json.dumps(CATALOGUES[ON]))


def test_the_catalogue_of_the_schemes_a_batch_names_has_that_batchs_digest():
    ids = ["no-prosessinnovasjon", "dk-smv-digital"]
    flags = [x for i in ids for x in ("--scheme", i)]
    cat = json.loads(runner.invoke(app, ["schemes", "--catalogue", "--as-of", AS_OF,
                                         *flags]).stdout)
    [record] = lines(batch(str(EXAMPLES[0]), "--format", "jsonl", *flags).stdout)
    assert [s["id"] for s in cat["schemes"]] == [s["id"] for s in record["schemes"]] == ids
    assert cat["rule_set_digest"] == record["rule_set_digest"]


def test_an_unknown_scheme_for_the_catalogue_is_refused_with_the_ids():
    r = runner.invoke(app, ["schemes", "--catalogue", "--scheme", "dk-smv"])
    assert r.exit_code == 2
    assert "Error: --scheme 'dk-smv': no such scheme" in r.stderr and r.stdout == ""


def test_an_error_record_is_the_same_in_both_details(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[company]\nname = "X"\ncountry = "DK"\nturnover = -5\n', encoding="utf-8")
    compact = lines(batch(str(bad), str(EXAMPLES[0]), "--format", "jsonl").stdout)
    full = lines(batch(str(bad), str(EXAMPLES[0]), "--format", "jsonl", "--detail",
                       "full").stdout)
    assert compact[0] == full[0] and "error" in compact[0] and "schemes" not in compact[0]
    assert set(compact[0]) == {"grantcheck_version", "schema_version", "profile", "error",
                               "problems"}
    assert compact[1]["record"] == RECORD and "record" not in full[1]


def test_json_is_an_array_of_compact_records_and_jobs_do_not_change_them():
    paths = [str(p) for p in EXAMPLES]
    one = lines(batch(*paths, "--format", "jsonl", "--jobs", "1").stdout)
    two = json.loads(batch(*paths, "--format", "json", "--jobs", "2").stdout)
    assert one == two and [r["profile"]["source"] for r in one] == paths


def test_a_registry_units_compact_record_carries_its_provenance():
    data = ROOT / "tests" / "registry" / "data" / "cvr.jsonl"
    records = lines(batch("--input", str(data), "--format", "jsonl").stdout)
    nordlys = next(r for r in records if r["profile"].get("name") == "Nordlys Automation ApS")
    assert nordlys["provenance"]["company.employees_fte"] == (
        "CVR aarsbeskaeftigelse 2025, interval code ANTAL_10_19")
    assert nordlys["profile"]["cvr_number"] and nordlys["record"] == RECORD


def test_a_rate_given_with_rate_is_in_the_record():
    [record] = lines(batch(str(EXAMPLES[0]), "--format", "jsonl", "--rate", "NOK=11.5").stdout)
    assert {"currency": "NOK", "per_eur": "11.5", "date": AS_OF,
            "origin": "user override"} in record["exchange_rates"]
    [plain] = lines(batch(str(EXAMPLES[0]), "--format", "jsonl").stdout)
    assert "exchange_rates" not in plain


def test_detail_takes_compact_or_full_only():
    r = batch(str(EXAMPLES[0]), "--format", "jsonl", "--detail", "short")
    assert r.exit_code == 2 and "'short' is not one of 'compact', 'full'" in r.stderr


def test_a_block_is_one_bytes_object_that_keeps_a_file_name_that_is_not_utf8():
    """A lone surrogate (a file name that is not UTF-8) crosses the pipe as it is: the output's
    own error handler decides how it is written, as before blocks were bytes."""
    from grantcheck.batch import Block, Record

    text = '{"profile": {"source": "caf\udce9.toml"}}'
    block = Block.of([Record("a", True, text), Record("b", True, "{}")], lines=True)
    assert isinstance(block.data, bytes) and block.done == 2
    assert block.text == text + "\n{}\n"


# --- the docs list what the code writes --------------------------------------------------------

def _documented(heading: str) -> list[str]:
    """The keys in the first column of the table after ``heading`` (a line of its own)."""
    part = BATCH_DOC.split(heading, 1)[1]
    table = re.search(r"\| key \| meaning \|\n\|---\|---\|\n((?:\|.*\n)+)", part)
    assert table is not None, heading
    keys: list[str] = []
    for row in table.group(1).splitlines():
        keys += re.findall(r"`(\w+)`", row.split("|")[1])
    return keys


def _keys_written() -> tuple[set[str], set[str]]:
    records = [json.loads(match_to_compact(check(p, ON, source=n))) for n, p in PROFILES]
    registry = ROOT / "tests" / "registry" / "data" / "cvr.jsonl"
    records += [r for r in lines(batch("--input", str(registry), "--format", "jsonl",
                                       "--rate", "NOK=11.5").stdout) if "record" in r]
    top = {k for r in records for k in r}
    per_scheme = {k for r in records for s in r["schemes"] for k in s}
    return top, per_scheme


def test_the_docs_give_the_records_version_and_every_key_the_code_writes():
    assert f"Version `{RECORD}`" in BATCH_DOC
    top, per_scheme = _keys_written()
    assert set(_documented("One line per profile:")) == top
    documented = set(_documented("\nPer scheme:\n"))
    # every scheme states one own-funding form today: the key is written only when a form
    # differs from the catalogue's (test_an_own_funding_form_unlike_the_catalogues_is_written)
    assert per_scheme <= documented and documented - per_scheme == {"own_funding_form"}


def test_an_own_funding_form_unlike_the_catalogues_is_written(monkeypatch):
    import grantcheck.render.compact as compact

    real = compact.usual
    monkeypatch.setattr(compact, "usual", lambda s, on: real(s, on)._replace(
        own_funding_form="another form"))
    m = check(dict(PROFILES)["nordlys-automation.toml"], ON, source="n")
    record = json.loads(match_to_compact(m))
    smv = next(s for s in record["schemes"] if s["id"] == "dk-smv-digital")
    assert smv["own_funding_form"] == "cash, own hours or a mix"
    assert [t["own_funding_form"] for t in smv["tiers"]] == ["cash, own hours or a mix"] * 3


def test_the_docs_give_every_key_of_the_catalogue():
    cat = CATALOGUES[ON]
    assert set(_documented("### The catalogue")) == set(cat)
    scheme_row = BATCH_DOC.split("### The catalogue", 1)[1].split("| `schemes` |", 1)[1]
    scheme_row = scheme_row.split("\n", 1)[0]
    for key in cat["schemes"][0]:
        assert f"`{key}`" in scheme_row, key
    for key in cat["schemes"][0]["rules"][0]:
        assert f"`{key}`" in scheme_row, key


def test_a_catalogue_holds_the_templates_of_its_schemes_and_of_the_shared_law_only():
    from grantcheck.engine.rules import T_NOT_STATED
    from grantcheck.schemes.dk_innobooster_people.who import T_AGE

    one = catalogue(ON, ["dk-smv-digital"])["messages"]
    assert T_NOT_STATED.id in one and T_AGE.id not in one
    assert T_AGE.id in catalogue(ON, ["dk-innobooster-people"])["messages"]
    assert one[T_NOT_STATED.id] == {"message": "the profile does not state {missing}",
                                    "fix": "state {missing_and} in the profile"}


def test_the_highest_grant_is_that_of_a_scheme_in_scope_as_the_answer_shows_it():
    """Nordlys (DK) could register in Foretaksregisteret, so Bedriftsnettverk needs information
    but is not applicable: the answer does not show it, and the record's highest grant is not
    its NOK 470,015.79 but Prosess- og organisasjonsinnovasjon's, a scheme in scope."""
    from grantcheck.fx import FxRates

    nordlys = dict(PROFILES)["nordlys-automation.toml"]
    m = check(nordlys, ON)
    bn = next(r for r in m.results if r.scheme.id == "no-bedriftsnettverk")
    assert bn.scope.state == "not_applicable" and bn.verdict.value == "needs_information"
    assert json.loads(match_to_compact(m))["highest_max_grant"]["scheme"] == (
        "no-prosessinnovasjon")
    for name, profile in PROFILES:
        for on in CATALOGUES:
            m = check(profile, on)
            fx = FxRates(on)
            euros = {r.scheme.id: fx.convert(r.amounts.amounts.max_grant, "EUR").amount
                     for r in m.results
                     if r.scope.state == "in_scope" and r.verdict.value in (
                         "fits", "needs_information")
                     and r.amounts.amounts is not None
                     and r.amounts.amounts.max_grant is not None}
            highest = json.loads(match_to_compact(m))["highest_max_grant"]
            if not euros:
                assert highest is None, name
            else:
                assert euros[highest["scheme"]] == max(euros.values()), name


def test_generated_profiles_compact_records_say_what_their_full_ones_say():
    """As the examples' test above, over generated profiles (every kind of company, the
    not-stated facts and the templates' values they meet) on two dates."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    generate = pytest.importorskip("generate")
    from grantcheck.profile import profile_from_data

    for i, data in enumerate(generate.profiles(40, seed=11)):
        profile = profile_from_data(json.loads(generate.to_json_line(data),
                                               parse_float=Decimal), f"#{i}")
        for on, cat in CATALOGUES.items():
            m = check(profile, on, source=f"#{i}")
            assert_same_information(json.loads(match_to_compact(m)), match_to_dict(m), cat)
