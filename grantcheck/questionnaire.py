"""`grantcheck init`: the questions that matter for a company's schemes, and the answers' profile.

Which questions are asked is the :class:`~grantcheck.plan.Plan`'s: every field one of the
company's schemes reads. Every question says which rules read the field.

"Don't know" (an empty answer or ``?``) leaves the field out, so the checkers report it as
unknown; a list counted as 0 is written as ``[]`` ("none"), which is a fact, not an unknown.
Every answer is parsed by the field's type and then validated by the profile model itself, so an
answer the model would refuse is asked again with the model's reason — unless the answers are
not typed (``retry`` False: a pipe or a file), where the next line was meant for the next
question: a refused answer then stops the questions (:class:`AnswerRejected`). The questions go
to an :class:`Asker` (the CLI's asks on the terminal).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from grantcheck.fields import (
    NONE_WORDS,
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
from grantcheck.plan import Plan, Reader, count_questions, left_out_line, make_plan
from grantcheck.profile import ProfileError, country_currency, profile_from_data
from grantcheck.schemes import all_schemes

if TYPE_CHECKING:
    from grantcheck.engine.scheme import Scheme

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


def normalise_texts(data: dict[str, Any]) -> None:
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


class AnswerRejected(Interrupted):
    """An answer that is not typed (a pipe, a file) was refused: asking again would read the
    answer meant for the next question. The answers so far, and which answer it was."""

    def __init__(self, data: dict[str, Any], plan: Plan | None, path: str, answer: str,
                 reason: str, number: int) -> None:
        super().__init__(data, plan)
        self.path, self.answer, self.reason, self.number = path, answer, reason, number


@dataclass
class Questionnaire:
    asker: Asker
    data: dict[str, Any] = field(default_factory=dict)  # answers given beforehand (--set)
    scheme_ids: Sequence[str] = ()
    plan: Plan | None = None
    on: date | None = None  # the evaluation date: the schemes open on it are asked for
    asked: int = 0  # questions shown so far
    total: int = 0  # the questions there are (grows with the entries of a list)
    retry: bool = True  # a refused answer is asked again (False: it stops, AnswerRejected)
    answers: int = 0  # the answers read so far

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
            self.total = self.asked + sum(count_questions(plan, self.data, top, False)
                                          for top in profile_fields())  # + the country's
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
        names = ", ".join(f"{s.name} ({s.id}{_not_encoded(s, plan.on)})" for s in plan.schemes)
        self.asker.say(f"Questions for: {names}.", "bold")
        if left_out_line(plan):
            self.asker.say(left_out_line(plan))
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
        # the description says how the file writes none ("[] for none"): asked for a count,
        # the answer says it ("0 for none"), and "none" or "[]" are read as 0 too
        about = spec.description.removesuffix("; [] for none")
        count_label = f"How many entries in {path}? ({about})"
        self._show(count_label, self.plan.readers_of(spec),
                   "a whole number: 0 for none; Enter or ? if you don't know")
        while True:
            answer = self._read(path)
            if answer in DONT_KNOW:
                return
            if answer.lower() in NONE_WORDS:
                answer = "0"
            if not answer.isdigit():
                self._refuse(path, answer, f"{answer!r} is not a whole number")
                continue
            n = int(answer)
            if n > MAX_ENTRIES:
                self._refuse(path, answer, f"at most {MAX_ENTRIES} here; add more by editing "
                             "the file")
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
            answer = self._read(path)
            if answer in DONT_KNOW:
                return False
            try:
                return parse_bool(answer.lower())
            except BadValue as e:
                self._refuse(path, answer, f"{e.message}: {e.hint}")

    def _show(self, label: str, readers: Sequence[Reader], how: str) -> None:
        self.asked += 1
        if self.total:  # not before the country, which decides how many there are
            self.total = max(self.total, self.asked)
        self.asker.say("")
        self.asker.say(f"question {self.asked}" + (f" of {self.total}" if self.total else ""),
                       "dim")
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
            answer = self._read(path)
            if answer in DONT_KNOW:
                if spec.required:
                    self._refuse(path, answer,
                                 "required: the profile cannot be written without it")
                    continue
                return None
            try:
                value = parse_value(spec, _numbered(answer, choices) if choices else answer)
            except BadValue as e:
                self._refuse(path, answer, e.message + (f": {e.hint}" if e.hint else ""))
                continue
            set_path(self.data, path, value)
            problems, held = check_answer(self.data, path)
            self._unset(path)
            if problems:
                for p in problems[:-1]:
                    self.asker.say(f"  ✗ {p}", "red")
                self._refuse(path, answer, problems[-1])
                continue
            if held is not None and spec.kind in ("str", "choice") and not spec.is_list:
                return str(held)
            return value

    def _read(self, path: str) -> str:
        """The next answer, at the question ``path``'s prompt."""
        answer = self.asker.ask(f"{path}> ").strip()
        self.answers += 1
        return answer

    def _refuse(self, path: str, answer: str, reason: str) -> None:
        """Say why ``answer`` is refused; unless it is asked again, stop (AnswerRejected)."""
        self.asker.say(f"  ✗ {reason}", "red")
        if not self.retry:
            raise AnswerRejected(prune(self.data), self.plan, path, answer, reason,
                                 self.answers)

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
    """The schemes by country; one tied to no country's registry says it is for every country's
    companies, as match shows it (:func:`grantcheck.plan.concerns`)."""
    by: dict[str, list[str]] = {}
    for s in all_schemes():
        every = "" if s.applicability else "; any country's companies too"
        by.setdefault(s.country, []).append(f"{s.name} ({s.id}{every})")
    return [f"{c}: {', '.join(names)}" for c, names in sorted(by.items())]


def _not_encoded(scheme: Scheme, on: date | None) -> str:
    """"; rules not encoded after 2026-12-31 (GBER art. 29): its answers settle it on a date
    the rules cover" when no rules of ``scheme`` are encoded for ``on`` (match says so in its
    answer), else ""."""
    if on is None:
        return ""
    state, text = scheme.call.status(on)
    return (f"; rules {text}: its answers settle it on a date the rules cover"
            if state == "not_encoded" else "")
