"""Which questions `grantcheck init` asks, and who reads each field: the :class:`Plan`.

The country comes first; it picks the schemes (those that can concern a company of that
country, as `match` shows them: the country's own and those tied to no country's registry, whose
call is open on the date; or the ones named with ``--scheme``; all of them for a country no
scheme can concern). The plan says which it left out and why (:attr:`Plan.left_out`). A field
is asked when one of those
schemes reads it: a rule's ``reads=`` (so a new rule's field is asked without a change here), a
document's condition or the amounts (:data:`OTHER_READS`, kept short and checked by a test that
removes each fact from the example profiles and looks at what the checkers then say is
unknown), and the documents to hold (each scheme's application documents). A table read as a
whole (``company.related``, ``aid_received``) is asked field by field; a list of tables is asked
as a count, then each entry.

Both the questionnaire (:mod:`grantcheck.questionnaire`) and the profile it writes
(:mod:`grantcheck.render.profile_toml`) follow the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from grantcheck.engine import Scheme, Stage
from grantcheck.fields import FieldSpec, generic, get_path, profile_fields
from grantcheck.profile import country_currency
from grantcheck.schemes import all_schemes, get

# Fields a scheme reads outside its rules' ``reads=``: in a document's condition or its amounts.
# (path, what reads it, why)
OTHER_READS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "dk-smv-digital": (
        ("company.fte_differs_from_cvr", "document fte_explanation",
         "an explanation is needed when the FTE figure on cvr.dk is not right"),
        ("project.own_hours", "document timesheet",
         "a timesheet is needed when own hours co-finance the project"),
    ),
    "dk-innobooster-people": (
        ("employees[].monthly_salary", "amounts",
         "the grant is 12 × min(DKK 30,000, 75 % of the monthly salary cost) per employee"),
    ),
}


@dataclass(frozen=True)
class Reader:
    """Something that reads a profile field: a scheme's rule, document or amounts."""

    scheme: str
    ref: str  # a rule id, "document <id>", "amounts", "documents", or "profile"
    title: str

    def __str__(self) -> str:
        return f"{self.ref} {self.title}" if self.ref else self.title


@dataclass
class Plan:
    """The schemes asked for and, per generic field path, what reads it."""

    country: str
    schemes: tuple[Scheme, ...]
    readers: dict[str, list[Reader]]
    documents: dict[str, str]  # id -> name: the application documents of the schemes
    all_schemes_reason: str = ""  # set when no scheme is for the country
    # the schemes not asked for, each with why, in match's words ("closed 2020-12-01", "a NO
    # scheme; it would apply with company.registered_in_foretaksregisteret")
    left_out: tuple[tuple[str, str], ...] = ()
    on: date | None = None  # the evaluation date whose open calls were asked for

    def read(self, path: str) -> bool:
        return path in self.readers

    def reads_below(self, path: str) -> bool:
        return any(k.startswith((path + ".", path + "[]")) for k in self.readers)

    def asked(self, spec: FieldSpec, whole: bool) -> bool:
        """Is the field asked, given whether its parent table is read as a whole."""
        return whole or spec.required or self.read(spec.path) or self.reads_below(spec.path)

    def readers_of(self, spec: FieldSpec) -> list[Reader]:
        """Who reads the field (for a table: what is in it too); else who reads the nearest
        table above it as a whole."""
        out = list(self.readers.get(spec.path, []))
        if spec.kind == "model":
            for k, rs in self.readers.items():
                if k.startswith((spec.path + ".", spec.path + "[]")):
                    out += [r for r in rs if r not in out]
        path = spec.path
        while not out and "." in path:
            path = path.rsplit(".", 1)[0].removesuffix("[]")
            out = list(self.readers.get(path, []))
        return out


def schemes_for(country: str) -> list[Scheme]:
    return [s for s in all_schemes() if s.country == country]


def concerns(scheme: Scheme, country: str) -> bool:
    """Whether ``scheme`` can concern a company of ``country`` before its other facts are known:
    the country's own, or one tied to no country's registry (no ``Scheme.applicability``).
    `match` shows the same (:func:`grantcheck.engine.scope.scope_of`): another country's
    scheme tied to its registry is not applicable unless the profile claims that registry."""
    return scheme.country == country or not scheme.applicability


def applies_with(scheme: Scheme) -> tuple[str, ...]:
    """The fields that make ``scheme`` applicable to a company of another country."""
    return tuple(dict.fromkeys(p for r in scheme.rules if r.id in scheme.applicability
                               for p in r.reads))


def _why_left_out(scheme: Scheme, country: str, on: date | None, by_country: bool) -> str:
    if by_country and not concerns(scheme, country):
        return (f"a {scheme.country} scheme; it would apply with "
                f"{', '.join(applies_with(scheme))}")
    assert on is not None  # only a date leaves out a scheme asked for on the country
    call = scheme.call
    state = call.state(on)
    if state == "closed" and call.closes:
        return f"closed {call.closes.isoformat()}"
    if state == "not_yet_open" and call.opens:
        return f"opens {call.opens.isoformat()}"
    return call.status(on)[1]


def _open_on(scheme: Scheme, on: date | None) -> bool:
    return on is None or scheme.call.state(on) in ("open", "not_encoded")


def make_plan(country: str, scheme_ids: Sequence[str] = (), on: date | None = None) -> Plan:
    """The schemes whose questions are asked, and who reads which field: those ``scheme_ids``
    names, else the schemes that can concern a company of ``country`` (:func:`concerns`) whose
    call is open on ``on`` (when given; a closed call's questions only when ``scheme_ids``
    names it or ``on`` is inside its window), as `match` shows them."""
    country = country.upper()
    reason = ""
    left_out: tuple[tuple[str, str], ...] = ()
    if scheme_ids:
        schemes = [get(i) for i in scheme_ids]
    else:
        schemes = [s for s in all_schemes() if concerns(s, country) and _open_on(s, on)]
        if not schemes:
            schemes = [s for s in all_schemes() if _open_on(s, on)]
            reason = (f"no {'open ' if on else ''}scheme is for companies in {country}; asking "
                      f"what every {'open ' if on else ''}scheme reads (--scheme ID asks for "
                      "fewer)")
        left_out = tuple((s.id, _why_left_out(s, country, on, not reason)) for s in all_schemes()
                         if s not in schemes)
    readers: dict[str, list[Reader]] = {}

    def add(path: str, reader: Reader) -> None:
        readers.setdefault(generic(path), []).append(reader)

    documents: dict[str, str] = {}
    for s in schemes:
        for r in s.rules:
            for p in r.reads:
                add(p, Reader(s.id, r.id, r.title))
        for path, ref, why in OTHER_READS.get(s.id, ()):
            add(path, Reader(s.id, ref, why))
        docs = [d for d in s.documents if d.stage is Stage.APPLICATION]
        if docs:
            add("documents.held", Reader(s.id, "documents",
                                         f"the documents {s.name} asks for when applying"))
            documents.update((d.id, d.name) for d in docs)
    if country not in country_currency():
        add("company.currency", Reader("", "profile",
                                       f"amounts need a currency for a company in {country}"))
    return Plan(country, tuple(schemes), readers, documents, reason, left_out, on)


def left_out_line(plan: Plan) -> str:
    """The schemes not asked for, in one line, and how to ask for them ("" when none)."""
    if not plan.left_out:
        return ""
    return ("Not asked: " + "; ".join(f"{i} ({why})" for i, why in plan.left_out)
            + ". grantcheck init --scheme ID (repeatable) asks for the schemes named.")


def asked_paths(plan: Plan) -> set[str]:
    """Every generic field path the questionnaire asks (for the tests and the docs)."""
    out: set[str] = set()

    def walk(spec: FieldSpec, whole: bool) -> None:
        if not plan.asked(spec, whole):
            return
        out.add(spec.path)
        inner = whole or plan.read(spec.path)
        for c in spec.children:
            walk(c, inner)

    for top in profile_fields():
        walk(top, False)
    return out


def unanswered(plan: Plan, data: dict[str, Any]) -> list[str]:
    """The concrete paths the plan asks that the data leaves out (written as comments)."""
    out: list[str] = []

    def walk(spec: FieldSpec, path: str, whole: bool) -> None:
        if not plan.asked(spec, whole):
            return
        value = get_path(data, path)
        inner = whole or plan.read(spec.path)
        if spec.kind == "model" and not spec.is_list:
            for c in spec.children:
                walk(c, f"{path}.{c.name}", inner)
            return
        if value is None:
            out.append(path)
        elif spec.kind == "model":
            for i in range(len(value)):
                for c in spec.children:
                    walk(c, f"{path}[{i}].{c.name}", inner)

    for top in profile_fields():
        walk(top, top.path, False)
    return out


def short_readers(readers: Iterable[Reader], titles: bool = True) -> str:
    """'SMV02, SMV12, IP01' — or 'SMV18 <title>' when one rule reads the field."""
    rs = list(readers)
    if len(rs) == 1 and titles:
        return str(rs[0]) if rs[0].ref != "profile" else rs[0].title
    return ", ".join(dict.fromkeys(r.ref for r in rs))


def count_questions(plan: Plan, data: dict[str, Any], spec: FieldSpec, whole: bool,
                    path: str = "") -> int:
    """The questions the questionnaire would show for ``spec`` (a list of tables: one, its
    count; the entries' own are added when it knows how many)."""
    path = path or spec.path
    if not plan.asked(spec, whole) or path == "company.country":
        return 0
    inner = whole or plan.read(spec.path)
    if spec.kind == "model" and not spec.is_list:
        return int(spec.asked_whether) + sum(
            count_questions(plan, data, c, inner, f"{path}.{c.name}") for c in spec.children)
    return 0 if get_path(data, path) is not None else 1
