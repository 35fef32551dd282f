"""`grantcheck init`'s profile: the answers given as options (``--set``), the questions asked
for the rest (:class:`~grantcheck.questionnaire.Questionnaire`), and the commented file they
give (also a draft's, when the questions stopped early)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from grantcheck.fields import BadValue, find, get_path, leaf_paths, parse_value, set_path
from grantcheck.plan import Plan, left_out_line, make_plan, unanswered
from grantcheck.questionnaire import DONT_KNOW, Asker, Questionnaire, normalise_texts


def data_from_sets(pairs: Iterable[str]) -> dict[str, Any]:
    """Profile data from ``key=value`` texts (``--set``); BadValue names the pair at fault.

    A value of ``?`` (or nothing) leaves the field out, as "don't know" does in the questions.
    """
    data: dict[str, Any] = {}
    given: dict[str, str] = {}  # key -> the --set that gave it
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep:
            raise BadValue(f"--set {pair!r}: no '=' in it", "write --set key=value, e.g. "
                           "--set company.turnover=1500000")
        if key in given:
            if given[key].partition("=")[2].strip() == text.strip():
                continue  # the same answer twice: nothing is lost
            raise BadValue(f"--set {given[key]!r} and --set {pair!r}: two values for {key}",
                           f"give one --set {key}=VALUE")
        given[key] = pair
        try:
            spec = find(key)
        except BadValue as e:
            raise BadValue(f"--set {e.message}", e.hint) from None
        if text.strip() in DONT_KNOW:
            continue
        try:
            if spec.kind == "model" and not spec.is_list:
                raise BadValue("a table, not a value",
                               f"set its fields, e.g. --set {key}.{spec.children[0].name}=…")
            set_path(data, key, parse_value(spec, text))
        except BadValue as e:
            raise BadValue(f"--set {key}: {e.message}", e.hint) from None
    return data


# what a TOML comment may not hold (control characters but tab), as a visible escape: a name
# typed with a line break or an ESC would else end the comment or make the file unreadable
_IN_COMMENT = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f) if c != 9}


def header_lines(plan: Plan, data: dict[str, Any], target: str, today: str) -> list[str]:
    name = str(get_path(data, "company.name") or "?").translate(_IN_COMMENT)
    target = target.translate(_IN_COMMENT)
    schemes = ", ".join(s.id for s in plan.schemes)
    on = f" (evaluation date {plan.on.isoformat()})" if plan.on and str(plan.on) != today else ""
    import textwrap

    return [
        f"grantcheck profile: {name} ({plan.country})",
        *textwrap.wrap(f"Written by `grantcheck init` on {today}{on}, with the questions of: "
                       f"{schemes}. {left_out_line(plan)}".rstrip(), 93,
                       break_long_words=False, break_on_hyphens=False),
        "A field left out is unknown: `grantcheck match` names the rules that need it.",
        "A line '# key = ?' is a question answered \"don't know\": when you know, write the value",
        "in place of ? and remove the '# ' in front. Comments after a value name the rules that "
        "read it.",
        # on the evaluation date the questions were chosen for, when it is not today's
        f"Check it:  grantcheck validate {target}  and  grantcheck match {target}"
        + (f" --as-of {plan.on.isoformat()}" if on and plan.on else ""),
        "Editor completion: grantcheck schema --output profile.schema.json, and put",
        "'#:schema ./profile.schema.json' (without the quotes) as the first line of this file.",
    ]


@dataclass
class Written:
    text: str
    plan: Plan
    answered: int
    unknown: int


def build_profile(asker: Asker | None, sets: Sequence[str], scheme_ids: Sequence[str],
                  target: str, today: str, on: date | None = None,
                  retry: bool = True) -> Written:
    """The profile text from ``--set`` answers and, unless ``asker`` is None, the questions
    (a refused answer asked again when ``retry``).

    Raises BadValue for a bad ``--set``, ProfileError when the answers are not a valid profile,
    InputEnded when the answers ran out, AnswerRejected when one was refused (not ``retry``).
    """
    data = data_from_sets(sets)
    if asker is not None:
        data, plan = Questionnaire(asker, data, scheme_ids, on=on, retry=retry).run()
    else:
        country = get_path(data, "company.country")
        if country is None or get_path(data, "company.name") is None:
            missing = [k for k in ("company.country", "company.name") if get_path(data, k) is None]
            raise BadValue(f"--set {missing[0]}=…: required without the questions",
                           "give it, e.g. --set company.name='Acme ApS' --set company.country=DK")
        plan = make_plan(str(country), scheme_ids, on)
        normalise_texts(data)
    return written(data, plan, target, today)


def written(data: dict[str, Any], plan: Plan, target: str, today: str,
            draft: bool = False) -> Written:
    """The profile text of ``data``; a ``draft``'s questions were not all asked, so it may
    still lack a required answer (written as its '# key = ?' line)."""
    unknown = unanswered(plan, data)
    from grantcheck.render.profile_toml import profile_toml

    text = profile_toml(data, plan, unknown, header_lines(plan, data, target, today),
                        draft=draft)
    return Written(text, plan, len(leaf_paths(data)), len(unknown))
