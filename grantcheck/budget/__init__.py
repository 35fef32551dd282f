"""Draft project budgets checked against a scheme's cost rules (``grantcheck budget``).

- :mod:`grantcheck.budget.model`: the budget format (pydantic), part of the profile model;
- :mod:`grantcheck.budget.core`: lines → eligible base → grant → own funding, and the rules;
- ``grantcheck.schemes.<package>.budget``: each scheme's checker, in the scheme's package.

This module stays light (the profile model imports :mod:`.model` through it): the checkers and
the engine are imported only when :func:`checker` or :func:`check` is called.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grantcheck.named import NamedTuple

if TYPE_CHECKING:
    from grantcheck.budget.core import BudgetChecker
    from grantcheck.budget.model import Budget
    from grantcheck.budget.result import BudgetResult
    from grantcheck.profile import Profile


def no_option(fields: Sequence[str]) -> str:
    """What a budget given by ``--line`` options says of fields no option states."""
    return (f"{' and '.join(fields)} {'has' if len(fields) == 1 else 'have'} no option: write "
            "the budget as a file with [budget] (docs/budget.md)")


def checker(scheme_id: str) -> BudgetChecker:
    """The budget checker of a scheme: UnknownScheme for an id that does not exist,
    NoBudgetRules for a scheme that states no budget rules (both with a hint)."""
    from grantcheck.schemes import budget_module

    found: BudgetChecker = budget_module(scheme_id).CHECKER
    return found


def check(budget: Budget, scheme_id: str, as_of: date, *, profile: Profile | None = None,
          rates: Mapping[str, Decimal] | None = None, source: str = "") -> BudgetResult:
    """Check ``budget`` against one scheme's cost rules on the date ``as_of``."""
    from grantcheck.budget.result import check_budget
    from grantcheck.fx import FxRates

    budget, note = with_profiles_grant_sought(budget, profile)
    result = check_budget(checker(scheme_id), budget, profile, as_of,
                          FxRates(as_of, dict(rates or {})), source)
    if note:
        result.notes.insert(0, note)
    return result


def _sought_in_profile(budget: Budget, profile: Profile | None) -> Decimal | None:
    """The profile's project.grant_sought when it is in the budget's currency (else None:
    two currencies are not compared, nor one taken for the other)."""
    if profile is None or profile.project is None or profile.project.grant_sought is None:
        return None
    if budget.currency and budget.currency != profile.company.money_currency:
        return None
    return profile.project.grant_sought


def with_profiles_grant_sought(budget: Budget, profile: Profile | None
                               ) -> tuple[Budget, str]:
    """``budget`` with the profile's project.grant_sought as its grant sought when it states
    none (the budget reads the project's dates the same way), and the note that says so ('' when
    nothing was taken). Both stated and different is refused when the budget is read
    (:func:`parse_budget`)."""
    sought = _sought_in_profile(budget, profile)
    if budget.grant_sought is not None or sought is None:
        return budget, ""
    from grantcheck.money import Money

    assert profile is not None  # a grant sought was found in it
    shown = Money(sought, profile.company.money_currency)
    return budget.model_copy(update={"grant_sought": sought}), (
        f"grant sought {shown}: the profile's project.grant_sought, as the budget states none "
        "(budget.grant_sought)")


class BudgetSchemes(NamedTuple):
    """The schemes a profile's budget is checked against when none is named."""

    ids: list[str]
    fit: bool  # True: schemes that fit; False: only schemes that need more information (or none)


def schemes_for(profile: Profile, on: date,
                rates: Mapping[str, Decimal] | None = None) -> BudgetSchemes:
    """The schemes to check ``profile``'s budget against when none is named: the open schemes
    with budget rules that `match` shows it (in scope) and that fit it on ``on``; when none
    does, those that need more information (``fit`` False); when none does either, no scheme.
    In the order of the schemes' ids."""
    return budget_schemes(profile, on, rates)[0]


def budget_schemes(profile: Profile, on: date, rates: Mapping[str, Decimal] | None = None
                   ) -> tuple[BudgetSchemes, list[str]]:
    """:func:`schemes_for`, and the open schemes with budget rules that `match` shows the
    company but the budget is not checked against, each with its verdict ("no-prosessinnovasjon
    (needs information)"), for the line that says what was left out."""
    from grantcheck.engine import Verdict
    from grantcheck.engine.scope import IN_SCOPE
    from grantcheck.matching import summarize_match
    from grantcheck.schemes import has_budget

    matched = summarize_match(profile, on, rates=rates)  # the verdicts are enough
    # those match shows the company: never another country's scheme it does not claim
    open_results = [r for r in matched.results
                    if r.status == "open" and r.scope == IN_SCOPE and has_budget(r.scheme.id)]
    fitting = [r.scheme.id for r in open_results if r.verdict is Verdict.FITS]
    chosen = BudgetSchemes(fitting, True) if fitting else BudgetSchemes(
        [r.scheme.id for r in open_results if r.verdict is Verdict.NEEDS_INFORMATION], False)
    others = [f"{r.scheme.id} ({r.verdict.label})" for r in open_results
              if r.scheme.id not in chosen.ids]
    return chosen, others


# --- reading budgets ------------------------------------------------------------------------


def load_budget(path: str | Path) -> tuple[Budget, Profile | None]:
    """Read a budget file: a profile with a [budget] table, or a file with only [budget].

    Raises :class:`~grantcheck.profile.ProfileError` naming the file, line and field.
    """
    from grantcheck.profile import read_text

    p = Path(path)
    return parse_budget(read_text(p), "<stdin>" if str(p) == "-" else str(p))


def parse_budget(text: str, source: str = "<budget>") -> tuple[Budget, Profile | None]:
    from grantcheck.profile import Problem, ProfileError, parse_toml, profile_from_data

    data = parse_toml(text, source)
    if "budget" not in data:
        raise ProfileError(source, [Problem(
            "budget", "the file has no [budget] table",
            hint="add [budget] with [[budget.lines]] (see docs/budget.md, \"The budget "
            "format\"), or give the lines with --line CATEGORY=AMOUNT")])
    if "company" in data:
        profile = profile_from_data(data, source, text)
        assert profile.budget is not None
        _one_grant_sought(profile.budget, profile, source, text)
        return profile.budget, profile
    others = sorted(k for k in data if k != "budget")
    if others:
        raise ProfileError(source, [Problem(
            "company", "required field is missing",
            hint=f"the file holds profile sections ({', '.join(others)}): add [company] with "
            "name and country, or keep only [budget] for a bare draft")])
    return budget_from_data(data["budget"], source, text), None


def _one_grant_sought(budget: Budget, profile: Profile, source: str, text: str) -> None:
    """ProfileError naming both lines when the budget and the project state different grants
    sought: which one is applied for is not guessed."""
    from grantcheck.money import Money
    from grantcheck.profile import Problem, ProfileError
    from grantcheck.profile.errors import locate

    sought = _sought_in_profile(budget, profile)
    if budget.grant_sought is None or sought is None or budget.grant_sought == sought:
        return
    currency = profile.company.money_currency
    line = locate(text, ("project", "grant_sought"))
    raise ProfileError(source, [Problem(
        "budget.grant_sought",
        f"{Money(budget.grant_sought, currency)} differs from project.grant_sought "
        f"{Money(sought, currency)}{f' (line {line})' if line else ''}: which one is sought?",
        locate(text, ("budget", "grant_sought")),
        hint="state the grant sought once, in [project] (the budget reads it from there), or "
        "the same figure in both")])


def budget_from_data(data: Any, source: str, text: str = "") -> Budget:
    """Validate a bare [budget] table, errors located like a profile's."""
    from pydantic import ValidationError

    from grantcheck.budget.model import Budget
    from grantcheck.profile import ProfileError, problem_of
    from grantcheck.profile.load import in_order
    from grantcheck.profile.written import as_problems, text_problems

    written = as_problems([(("budget", *loc), m) for loc, m in text_problems(data, Budget)],
                          text)
    try:
        budget = Budget.model_validate(data)
    except ValidationError as e:
        raise ProfileError(source, in_order(written, [
            problem_of(err, text, prefix=("budget",), data=data) for err in e.errors()])
                           ) from None
    if written:
        raise ProfileError(source, written)
    return budget


def parse_line_option(text: str) -> dict[str, object]:
    """``--line CATEGORY=AMOUNT`` or ``--line CATEGORY=HOURSh@RATE`` → a budget line's data.

    >>> parse_line_option("consultancy=150000")
    {'category': 'consultancy', 'amount': Decimal('150000')}
    >>> parse_line_option("personnel=120h@650")
    {'category': 'personnel', 'hours': Decimal('120'), 'rate': Decimal('650')}
    """
    category, sep, value = text.partition("=")
    category, value = category.strip(), value.strip()
    if not sep or not category or not value:
        raise LineError(f"--line {_short(text)}: expected CATEGORY=AMOUNT (e.g. "
                        "consultancy=150000) or CATEGORY=HOURSh@RATE (e.g. personnel=120h@650)")
    hours, at, rate = value.partition("@")
    if not at:
        return {"category": category, "amount": _line_number(text, category, value)}
    hours, rate = hours.strip().removesuffix("h").strip(), rate.strip()
    return {"category": category, "hours": _line_number(text, category, hours, "", f"h@{rate}"),
            "rate": _line_number(text, category, rate, f"{hours}h@")}


def _line_number(text: str, category: str, number: str, before: str = "", after: str = ""
                 ) -> Decimal:
    """A number of ``--line text`` (``before`` and ``after`` it in the line), or a
    LineError: its hint the line as it is to be written when that is known (without its
    currency, a multiplier written out), else the number's own hint, else the forms a line
    takes."""
    from grantcheck.numbers import NumberError, parse_number

    try:
        return parse_number(number)
    except NumberError as e:
        if e.plain:
            hint = f"--line {category}={before}{e.plain}{after}" + (
                "" if "in full" in e.message else ": the lines' amounts are in the company's "
                "currency (the scheme's without a profile)")
        else:
            hint = e.hint if e.hint and not e.hint.startswith("e.g. 1500000 or") \
                else "write e.g. 150000 or 120h@650"
        raise LineError(f"--line {_short(text)}: {e.message}", hint) from None


class LineError(ValueError):
    """A ``--line`` option that cannot be read: the message names it, the hint the fix."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.hint = hint
        super().__init__(message)


def _short(text: str, limit: int = 60) -> str:
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}… ({len(text):,} characters)"


def budget_from_options(lines: Sequence[str], scheme: str | None,
                        fields: Mapping[str, object] | None = None) -> Budget:
    """A budget from ``--line`` options and the budget's own fields given as options
    (``--tier``, ``--start``, ``--end``: ``fields``); raises ValueError / ProfileError naming
    the option."""
    data: dict[str, object] = {"lines": [parse_line_option(s) for s in lines]}
    data.update({k: v for k, v in (fields or {}).items() if v is not None})
    if scheme:
        data["scheme"] = scheme
    return budget_from_data(data, "--line")
