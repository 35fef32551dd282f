"""Helpers for rule tests: build a context from a profile dict, find one rule's finding."""

from __future__ import annotations

import contextlib
import copy
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from grantcheck.engine import (
    Amounts,
    AmountsResult,
    Ctx,
    Finding,
    NotFitting,
    Outcome,
    Scheme,
    SchemeResult,
    evaluate,
)
from grantcheck.fx import FxRates
from grantcheck.profile import profile_from_data


def country_without_scheme() -> str:
    """A country no scheme is for (the registry decides: a scheme may come for any country)."""
    from grantcheck.schemes import currencies

    return next(c for c in ("IS", "DE", "FR", "NL", "PL") if c not in currencies())


# A fixed rate set, so that EUR thresholds in tests do not move with the shipped table.
TEST_RATES = {"DKK": Decimal("7.4600"), "NOK": Decimal("11.0000"), "SEK": Decimal("11.0000")}
ON = date(2026, 11, 1)


def ctx_for(data: dict[str, Any], on: date = ON, rates: dict[str, Decimal] | None = None) -> Ctx:
    profile = profile_from_data(copy.deepcopy(data), "<test>")
    return Ctx(profile, on, FxRates(on, dict(TEST_RATES if rates is None else rates)))


def result_for(scheme: Scheme, data: dict[str, Any], on: date = ON,
               rates: dict[str, Decimal] | None = None) -> SchemeResult:
    return evaluate(scheme, ctx_for(data, on, rates))


def finding(scheme: Scheme, data: dict[str, Any], rule_id: str, on: date = ON,
            rates: dict[str, Decimal] | None = None) -> Finding:
    ctx = ctx_for(data, on, rates)
    for r in scheme.rules:
        if r.id == rule_id:
            return r.evaluate(ctx)
    raise KeyError(rule_id)


def outcome(scheme: Scheme, data: dict[str, Any], rule_id: str, on: date = ON,
            rates: dict[str, Decimal] | None = None) -> Outcome:
    return finding(scheme, data, rule_id, on, rates).outcome


def amounts_of(a: AmountsResult) -> Amounts | None:
    """The amounts a scheme's (or tier's) code computes: for one that does not fit, what they
    would be if it fitted (shown as none: :class:`~grantcheck.engine.NotFitting`). For tests of
    the arithmetic, whatever the verdict."""
    return a.if_fitted if isinstance(a, NotFitting) else a.amounts


def json_amounts(obj: dict[str, Any]) -> dict[str, Any]:
    """The amount keys of a scheme's or tier's JSON: for one that does not fit, those it would
    give if it fitted (``amounts_if_it_fitted``)."""
    return obj.get("amounts_if_it_fitted") or obj


def merged(base: dict[str, Any], **sections: dict[str, Any]) -> dict[str, Any]:
    """A copy of base with the given top-level tables updated key by key."""
    out = copy.deepcopy(base)
    for name, values in sections.items():
        if isinstance(values, dict):
            out.setdefault(name, {}).update(values)
        else:
            out[name] = values
    return out


WRAPPED = b"\n  "  # where grantcheck wraps a message on stderr (COLUMNS set, or a terminal)

R = TypeVar("R")


def one_line_each(result: R) -> R:
    """``result`` (a CliRunner result or a CompletedProcess) with each message on stderr on one
    line again: COLUMNS wraps them to its width (continuation lines indented by two spaces), and
    a test of what a message says should not depend on where it wraps (the wrap has its own
    tests, in tests/robustness/test_misuse_third.py)."""
    if hasattr(result, "stderr_bytes"):
        result.stderr_bytes = result.stderr_bytes.replace(WRAPPED, b" ")
    elif isinstance(getattr(result, "stderr", None), bytes):
        result.stderr = result.stderr.replace(WRAPPED, b" ")  # type: ignore[attr-defined]
    return result


def changed(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``base`` with ``over`` merged in: tables key by key, any other value replaced,
    and None removing the key (a fact left out)."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = changed(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def match_changed(folder: Path, profile: Path, over: dict[str, Any], on: str, scheme: str
                  ) -> tuple[int, dict[str, Any]]:
    """`grantcheck match` (CliRunner, ``--format json``) of ``profile`` changed by ``over``
    (:func:`changed`; its draft ``[budget]`` left out) for ``scheme`` on ``on``: the exit code
    and the scheme's JSON. The changed profile is written into ``folder``."""
    import json
    import tomllib

    import tomli_w
    from typer.testing import CliRunner

    from grantcheck.cli import app

    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    data.pop("budget", None)
    path = folder / "profile.toml"
    path.write_text(tomli_w.dumps(changed(data, over)), encoding="utf-8")
    r = CliRunner().invoke(app, ["match", str(path), "-s", scheme, "--as-of", on, "-f", "json"],
                           env={"NO_COLOR": "1", "COLUMNS": "140"})
    assert r.exit_code in (0, 1), r.stderr
    said: dict[str, Any] = json.loads(r.stdout)["schemes"][0]
    return r.exit_code, said


CHECKOUT = Path(__file__).resolve().parent.parent


def run_in_checkout(*args: str, columns: str = "80") -> Any:
    """``grantcheck ARGS`` through CliRunner from the checkout's folder (the README's paths),
    without colour, ``columns`` wide, each message on stderr on one line."""
    from typer.testing import CliRunner

    from grantcheck.cli import app

    with contextlib.chdir(CHECKOUT):
        return one_line_each(CliRunner().invoke(app, list(args),
                                                env={"NO_COLOR": "1", "COLUMNS": columns}))


def flat(text: str) -> str:
    """``text`` with every run of white space one space (where a line wraps does not matter)."""
    return " ".join(text.split())
