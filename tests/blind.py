"""What the blind examiners' case runners share: loading a case file of ``[bases.X]`` profiles
and ``[[case]]`` entries, the checks on its names and quotes, and the report for the case writer
(tests/test_cases_dk_blind.py, tests/test_cases_amounts_blind.py): the real CLI run on a case."""

from __future__ import annotations

import json
import tempfile
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from typer.testing import CliRunner

from grantcheck.cli import app
from tests.schemes.test_cases import merge, unset

Case = dict[str, Any]


def blind_cases(path: Path, keys: set[str]) -> list[Case]:
    """The cases of ``path``, each with its ``profile`` merged over its base (tables key by key,
    any other value replaced) and the base's fields named in ``unset`` left out (unknown)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for case in data["case"]:
        assert set(case) <= keys, f"{case['name']}: unknown keys {set(case) - keys}"
        case = dict(case, profile=merge(data["bases"][case["base"]], case.get("profile", {})))
        for dotted in case.get("unset", []):
            unset(case["profile"], dotted)
        out.append(case)
    return out


def run_cli(command: str, case: Case, tmp: Path) -> tuple[int, Any]:
    """``grantcheck COMMAND FILE --as-of ON --format json --scheme ID`` (``--rate`` for each of
    the case's ``rate``) on the case's profile: the exit code (0 or 1) and the JSON answer."""
    path = tmp / "profile.toml"
    path.write_text(tomli_w.dumps(case["profile"]), encoding="utf-8")
    args = [command, str(path), "--as-of", case["on"].isoformat(), "--format", "json",
            "--scheme", case["scheme"]]
    for rate in case.get("rate", []):
        args += ["--rate", rate]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def run_match(case: Case, tmp: Path) -> tuple[Case, Case]:
    """``grantcheck match`` on the case's profile (:func:`run_cli`): the whole answer and the
    scheme's record in it."""
    _, answer = run_cli("match", case, tmp)
    [scheme] = [s for s in answer["schemes"] if s["id"] == case["scheme"]]
    return answer, scheme


def expected(value: Any) -> Decimal | None:
    """A case's amount: a number, or "none" where no amount can be given (JSON null)."""
    return None if value == "none" else Decimal(str(value))


def amount(value: Case | None) -> Decimal | None:
    """The exact amount of a JSON money object (None when it or its amount is null)."""
    if value is None or value.get("amount") is None:
        return None
    return Decimal(value["amount"])


def rules_and_documents(case: Case, got: Case) -> list[str]:
    """Where the scheme's rule outcomes (``rules``: id -> outcome) and the documents it lists as
    missing or for later differ from the case's (``missing_documents``/``not_missing``,
    ``later_documents``/``not_later``)."""
    outcomes = {finding["rule"]: finding["outcome"] for finding in got["findings"]}
    out = [f"rule {rule} {outcomes.get(rule)} != {outcome}"
           for rule, outcome in case.get("rules", {}).items() if outcomes.get(rule) != outcome]
    for listing, absent, word in (("missing_documents", "not_missing", "missing"),
                                  ("later_documents", "not_later", "for later")):
        listed = {doc["id"] for doc in got.get(listing, [])}
        out += [f"document {doc} not listed {word}" for doc in case.get(listing, [])
                if doc not in listed]
        out += [f"document {doc} listed {word}" for doc in case.get(absent, []) if doc in listed]
    return out


def check_names_and_quotes(cases: list[Case], schemes: tuple[str, ...], least: int) -> None:
    """Every case has a unique name and a quote; each scheme has at least ``least`` cases."""
    names = [case["name"] for case in cases]
    assert len(names) == len(set(names))
    assert all(case["quote"].strip() for case in cases)
    for scheme in schemes:
        assert sum(case["scheme"] == scheme for case in cases) >= least, scheme


def report(cases: list[Case], check: Callable[[Case, Path], tuple[list[str], Case]]) -> None:
    """Print each case's disagreements (``check`` gives them and the scheme's record), with the
    rules that failed or stayed open, for the case writer."""
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            diff, got = check(case, Path(folder))
            if diff:
                fails = [f"{f['rule']}={f['outcome']}" for f in got["findings"]
                         if f["outcome"] in ("fail", "unknown")]
                print(f"DIFF {case['name']}: {'; '.join(diff)} [{' '.join(fails)}]")
            else:
                print(f"ok   {case['name']}")
