"""`grantcheck init`: the questions that matter for a company's schemes, and the answers' profile.

Which questions are asked is the :class:`~grantcheck.plan.Plan`'s: every field one of the
company's schemes reads. Every question says which rules read the field.

"Don't know" (an empty answer or ``?``) leaves the field out, so the checkers report it as
unknown; a list counted as 0 is written as ``[]`` ("none"), which is a fact, not an unknown.
Every answer is parsed by the field's type and then validated by the profile model itself, so an
answer the model would refuse is asked again with the model's reason. The questions go to an
:class:`Asker` (the CLI's asks on the terminal).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from grantcheck.fields import (
    BadValue,
    FieldSpec,
    all_specs,
    find,
    get_path,
    leaf_paths,
    parse_bool,
    parse_value,
    profile_fields,
    prune,
    set_path,
)
from grantcheck.plan import Plan, Reader, count_questions, make_plan, unanswered
from grantcheck.profile import ProfileError, country_currency, profile_from_data
from grantcheck.schemes import all_schemes

DONT_KNOW = frozenset({"", "?"})
MAX_ENTRIES = 20


def check_answer(data: dict[str, Any], path: str) -> tuple[list[str], Any]:
    """What the profile model says about the value at ``path`` (nothing when it is valid), and
    the value as the model holds it (a text as normalised: 'dk' → 'DK', '3849 2716' →
    '38492716'), None while other fields still keep the whole from being valid."""
    try:
        model: Any = profile_from_data(copy.deepcopy(data), "<answers>")
    except ProfileError as e:
        return [p.message + (f" ({p.hint})" if p.hint else "") for p in e.problems
                if p.path == path or p.path.startswith((path + ".", path + "["))], None
    return [], _model_value(model, path)


def _model_value(model: Any, path: str) -> Any:
    for part in path.split("."):
        name, _, index = part.partition("[")
        model = getattr(model, name)
        if index:
            model = model[int(index.rstrip("]"))]
    return model


def _normalise_texts(data: dict[str, Any]) -> None:
    """Texts as the model holds them ('dk' → 'DK'), for a valid profile's data."""
    model = profile_from_data(copy.deepcopy(data), "--set")
    for path in leaf_paths(data):
        spec = find(path)
        if spec.kind in ("str", "choice") and not spec.is_list:
            set_path(data, path, str(_model_value(model, path)))


# --- asking -------------------------------------------------------------------------------------


class Asker(Protocol):
    """Where questions go and answers come from (Rich on stderr in the CLI)."""

    def say(self, text: str, style: str = "") -> None: ...

    def ask(self, label: str) -> str:
        """One line of answer; EOFError when the input has ended."""
        ...


class Interrupted(Exception):
    """Ctrl-C during the questions: the answers so far (``data``) and the plan, if made."""

    def __init__(self, data: dict[str, Any], plan: Plan | None) -> None:
        super().__init__()
        self.data = data
        self.plan = plan


class InputEnded(Interrupted):
    """The answers ran out (end of input, Ctrl-D) before the questionnaire was finished: the
    answers so far, as for Ctrl-C."""


@dataclass
class Questionnaire:
    asker: Asker
    data: dict[str, Any] = field(default_factory=dict)  # answers given beforehand (--set)
    scheme_ids: Sequence[str] = ()
    plan: Plan | None = None
    on: date | None = None  # the evaluation date: the schemes open on it are asked for
    asked: int = 0  # questions shown so far
    total: int = 0  # the questions there are (grows with the entries of a list)

    def run(self) -> tuple[dict[str, Any], Plan]:
        """Ask every question that matters; return the answers and the plan they followed."""
        try:
            country = get_path(self.data, "company.country")
            if country is None:
                self.asker.say("Which country is the company's registered office in? The "
                               "schemes are for:", "bold")
                for line in _countries():
                    self.asker.say(f"  {line}")
                country = str(self._ask_value(all_specs()["company.country"], "company.country",
                                              [])).upper()
                set_path(self.data, "company.country", country)
            plan = make_plan(str(country), self.scheme_ids, self.on)
            self.plan = plan
            self.total = sum(count_questions(plan, self.data, top, False)
                             for top in profile_fields())
            self._intro(plan)
            for top in profile_fields():
                self._ask(top, top.path, False)
        except EOFError:
            raise InputEnded(prune(self.data), self.plan) from None
        except KeyboardInterrupt:
            raise Interrupted(prune(self.data), self.plan) from None
        return prune(self.data), plan

    def _intro(self, plan: Plan) -> None:
        if plan.all_schemes_reason:
            self.asker.say(plan.all_schemes_reason[:1].upper() + plan.all_schemes_reason[1:],
                           "yellow")
        names = ", ".join(f"{s.name} ({s.id})" for s in plan.schemes)
        self.asker.say(f"Questions for: {names}.", "bold")
        self.asker.say("Each question says which rules read the answer. Press Enter or type ? "
                       "when you don't know: the field is left out and `grantcheck match` "
                       "reports it as unknown. Ctrl-C stops, keeping the answers so far in a "
                       "draft file.", "dim")

    def _ask(self, spec: FieldSpec, path: str, whole: bool) -> None:
        assert self.plan is not None
        plan = self.plan
        if not plan.asked(spec, whole) or path == "company.country":
            return
        inner = whole or plan.read(spec.path)
        if spec.kind == "model" and not spec.is_list:
            if "." not in path:
                self.asker.say("")
                self.asker.say(f"[{path}] {spec.description}", "bold underline")
            if spec.asked_whether and get_path(self.data, path) is None:
                yes = self._ask_yes_no(spec, path, f"Fill in {path} ({spec.description})?")
                if not yes:
                    return
            for c in spec.children:
                self._ask(c, f"{path}.{c.name}", inner)
            return
        if get_path(self.data, path) is not None:
            return  # given beforehand with --set
        if spec.kind == "model":
            self._ask_entries(spec, path, inner)
            return
        value = self._ask_value(spec, path, plan.readers_of(spec))
        if value is not None:
            set_path(self.data, path, value)

    def _ask_entries(self, spec: FieldSpec, path: str, whole: bool) -> None:
        assert self.plan is not None
        count_label = f"How many entries in {path}? ({spec.description})"
        self._show(count_label, self.plan.readers_of(spec),
                   "a whole number: 0 for none; Enter or ? if you don't know")
        while True:
            answer = self.asker.ask(f"{path}> ").strip()
            if answer in DONT_KNOW:
                return
            if not answer.isdigit():
                self.asker.say(f"  ✗ {answer!r} is not a whole number", "red")
                continue
            n = int(answer)
            if n > MAX_ENTRIES:
                self.asker.say(f"  ✗ at most {MAX_ENTRIES} here; add more by editing the file",
                               "red")
                continue
            break
        set_path(self.data, path, [])
        self.total += n * sum(count_questions(self.plan, self.data, c, whole,
                                              f"{path}[0].{c.name}") for c in spec.children)
        # required sub-fields first, so that every entry is valid as soon as they are answered
        order = sorted(spec.children, key=lambda c: not c.required)
        for i in range(n):
            self.asker.say(f"{path}: entry {i + 1} of {n}", "bold")
            entries = get_path(self.data, path)
            assert isinstance(entries, list)
            entries.append({})
            for c in order:
                self._ask(c, f"{path}[{i}].{c.name}", whole)

    def _ask_yes_no(self, spec: FieldSpec, path: str, label: str) -> bool:
        assert self.plan is not None
        self._show(label, self.plan.readers_of(spec), "yes or no")
        while True:
            answer = self.asker.ask(f"{path}> ").strip().lower()
            if answer in DONT_KNOW:
                return False
            try:
                return parse_bool(answer)
            except BadValue as e:
                self.asker.say(f"  ✗ {e.message}: {e.hint}", "red")

    def _show(self, label: str, readers: Sequence[Reader], how: str) -> None:
        self.asked += 1
        self.total = max(self.total, self.asked)
        self.asker.say("")
        self.asker.say(f"question {self.asked} of {self.total}", "dim")
        self.asker.say(label, "bold")
        if readers:
            self.asker.say("  why: " + _why(readers), "dim")
        self.asker.say(f"  answer: {how}", "dim")

    def _ask_value(self, spec: FieldSpec, path: str, readers: Sequence[Reader]) -> Any:
        currency = self._currency()
        choices = self._choices(spec)
        how = spec.type_text(currency)
        if choices:
            how = ("the numbers or ids below, comma-separated, or none" if spec.is_list
                   else "a number or an id from the list below")
        examples = [e for e in spec.examples if not isinstance(e, dict | list)]
        if examples and not choices and spec.kind != "bool":
            how += f", e.g. {examples[0]}"
        how += "; required" if spec.required else "; Enter or ? if you don't know"
        self._show(f"{path}: {spec.description}", readers, how)
        for n, (cid, name) in enumerate(choices, 1):
            self.asker.say(f"   {n:>2}. {cid}" + (f" — {name}" if name != cid else ""))
        while True:
            answer = self.asker.ask(f"{path}> ").strip()
            if answer in DONT_KNOW:
                if spec.required:
                    self.asker.say("  ✗ required: the profile cannot be written without it",
                                   "red")
                    continue
                return None
            try:
                value = parse_value(spec, _numbered(answer, choices) if choices else answer)
            except BadValue as e:
                self.asker.say(f"  ✗ {e.message}" + (f": {e.hint}" if e.hint else ""), "red")
                continue
            set_path(self.data, path, value)
            problems, held = check_answer(self.data, path)
            self._unset(path)
            if problems:
                for p in problems:
                    self.asker.say(f"  ✗ {p}", "red")
                continue
            if held is not None and spec.kind in ("str", "choice") and not spec.is_list:
                return str(held)
            return value

    def _unset(self, path: str) -> None:
        parent, _, key = path.rpartition(".")
        node = get_path(self.data, parent) if parent else self.data
        if isinstance(node, dict):
            node.pop(key, None)

    def _currency(self) -> str:
        cur = get_path(self.data, "company.currency")
        if cur:
            return str(cur)
        country = get_path(self.data, "company.country")
        return country_currency().get(str(country).upper(), "") if country else ""

    def _choices(self, spec: FieldSpec) -> list[tuple[str, str]]:
        if spec.kind == "choice":
            return [(c, c) for c in spec.choices]
        if spec.path == "documents.held" and self.plan is not None:
            return list(self.plan.documents.items())
        return []


def _numbered(answer: str, choices: Sequence[tuple[str, str]]) -> str:
    """'1, 3' → the ids of choices 1 and 3; anything else is left as it is."""
    parts = [p.strip() for p in answer.split(",")]
    out = []
    for p in parts:
        if p.isdigit() and 1 <= int(p) <= len(choices):
            out.append(choices[int(p) - 1][0])
        else:
            out.append(p)
    return ", ".join(out)


def _why(readers: Sequence[Reader], most: int = 3) -> str:
    """'dk-smv-digital: SMV02 <title>, SMV12 <title>; dk-innobooster-people: IP01 …'."""
    by: dict[str, list[str]] = {}
    for r in readers[:most]:
        by.setdefault(r.scheme, []).append(str(r))
    text = "; ".join(f"{s}: {', '.join(items)}" if s else ", ".join(items)
                     for s, items in by.items())
    more = len(readers) - most
    if more > 0:
        rest = ", ".join(dict.fromkeys(r.ref for r in readers[most:]))
        text += f"; also {rest}"
    return text


def _countries() -> list[str]:
    by: dict[str, list[str]] = {}
    for s in all_schemes():
        by.setdefault(s.country, []).append(f"{s.name} ({s.id})")
    return [f"{c}: {', '.join(names)}" for c, names in sorted(by.items())]


# --- answers given as options, and the file's header -------------------------------------------


def data_from_sets(pairs: Iterable[str]) -> dict[str, Any]:
    """Profile data from ``key=value`` texts (``--set``); BadValue names the pair at fault.

    A value of ``?`` (or nothing) leaves the field out, as "don't know" does in the questions.
    """
    data: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep:
            raise BadValue(f"--set {pair!r}: no '=' in it", "write --set key=value, e.g. "
                           "--set company.turnover=1500000")
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


def header_lines(plan: Plan, data: dict[str, Any], target: str, today: str) -> list[str]:
    name = get_path(data, "company.name") or "?"
    schemes = ", ".join(s.id for s in plan.schemes)
    return [
        f"grantcheck profile: {name} ({plan.country})",
        f"Written by `grantcheck init` on {today}, with the questions of: {schemes}.",
        "A field left out is unknown: `grantcheck match` names the rules that need it.",
        "A line '# key = ?' is a question answered \"don't know\": when you know, write the value",
        "in place of ? and remove the '# ' in front. Comments after a value name the rules that "
        "read it.",
        f"Check it:  grantcheck validate {target}  and  grantcheck match {target}",
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
                  target: str, today: str, on: date | None = None) -> Written:
    """The profile text from ``--set`` answers and, unless ``asker`` is None, the questions.

    Raises BadValue for a bad ``--set``, ProfileError when the answers are not a valid profile,
    InputEnded when the answers ran out.
    """
    data = data_from_sets(sets)
    if asker is not None:
        data, plan = Questionnaire(asker, data, scheme_ids, on=on).run()
    else:
        country = get_path(data, "company.country")
        if country is None or get_path(data, "company.name") is None:
            missing = [k for k in ("company.country", "company.name") if get_path(data, k) is None]
            raise BadValue(f"--set {missing[0]}=…: required without the questions",
                           "give it, e.g. --set company.name='Acme ApS' --set company.country=DK")
        plan = make_plan(str(country), scheme_ids, on)
        _normalise_texts(data)
    return written(data, plan, target, today)


def written(data: dict[str, Any], plan: Plan, target: str, today: str) -> Written:
    """The profile text of ``data`` (also a draft's, whose questions were not all asked)."""
    unknown = unanswered(plan, data)
    from grantcheck.render.profile_toml import profile_toml

    text = profile_toml(data, plan, unknown, header_lines(plan, data, target, today))
    return Written(text, plan, len(leaf_paths(data)), len(unknown))
