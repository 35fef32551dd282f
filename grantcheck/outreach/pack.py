"""The files of the outreach pack, as text: per company an answers file (``NUMBER.toml``) and
a questionnaire in the language of its authorities and in English (``NUMBER.nb.md`` and
``NUMBER.en.md``), and the portfolio's ``summary.md``.

The answers file is a partial profile that ``grantcheck batch --input FILE --profiles DIR``
reads: the company's identity as keys (the number matches it to its registry unit), each open
question as a commented-out key under its table with the question and the rules it settles, and
what the registry already says as comments with their provenance. Removing a ``#`` and writing
a value answers a question; the registry's facts need not be repeated (a figure written there
beats the registry's, and a conflict is named in the provenance).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import tomli_w

from grantcheck.fields import get_path, leaf_paths, set_path
from grantcheck.numbers import plural
from grantcheck.outreach.questions import how_to_answer, language_of, question, words
from grantcheck.outreach.rank import Portfolio
from grantcheck.outreach.screen import Company, Question
from grantcheck.render.profile_toml import _inline
from grantcheck.schemes import get


def _value(value: Any) -> str:
    """A value as TOML on one line, a figure within bounds as ``{ min = 0, max = 12 }``."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_inline(v)}" for k, v in value.items()) + " }"
    return _inline(value)


# a control character that is not white space (ESC, DEL) as a visible escape: TOML allows
# none in a comment, and the answers file would else be unreadable (by --profiles too)
_VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f)}


def _one_line(text: str) -> str:
    """``text`` on one line (runs of white space as one space), fit for a TOML comment."""
    line = " ".join(str(text).split())
    return line if line.isprintable() else line.translate(_VISIBLE)  # the test in C first


def _settles(q: Question) -> str:
    """'no-prosessinnovasjon PO01, PO11; no-bedriftsnettverk BN06'."""
    by: dict[str, list[str]] = {}
    for scheme, rule in q.settles:
        by.setdefault(scheme, []).append(rule)
    return "; ".join(f"{s} {', '.join(rules)}" for s, rules in by.items())


def _key_of(field: str) -> tuple[str, str] | None:
    """(table, key) where an answer to ``field`` is written ('' for a top-level key), or None
    for a field that is not one key (an entry of a list, a rule's instruction in brackets)."""
    if field.startswith("(") or "[" in field:
        return None
    table, _, key = field.rpartition(".")
    return table, key


def _entry_key(field: str) -> str:
    """Where the answer to a field of a list's entry goes, said in the file itself (the
    company has no docs/): " (write staff = … in entry 1 of network.participants, below)";
    "" for a field that is no key (an instruction, in brackets: its words say it)."""
    m = re.fullmatch(r"(.+)\[(\d+)\]\.(\w+)", field)
    if m is None:
        return ""
    return f" (write {m[3]} = … in entry {int(m[2]) + 1} of {m[1]}, below)"


def _stated(source: str) -> bool:
    return source.startswith("stated in")


def registry_facts(company: Company) -> list[tuple[str, str, str]]:
    """(path, value as TOML, provenance) of each fact the registry gave, and of each note it
    made on a fact it did not settle (value ''); of the facts an answers file stated, only
    those that conflict with the registry's (the provenance names both)."""
    out = []
    seen = set()
    for path in leaf_paths(company.data):
        source = company.provenance.get(path)
        if source is None or (_stated(source) and "conflicts" not in source):
            continue
        seen.add(path)
        out.append((path, _value(get_path(company.data, path)), _one_line(source)))
    # a note, and a list of tables the registry gave whole (a group's unnamed enterprises,
    # which the company answers by listing them): said in words
    out += [(p, "", _one_line(s)) for p, s in company.provenance.items()
            if p not in seen and not _stated(s)
            and (get_path(company.data, p) is None or isinstance(get_path(company.data, p), list))]
    return out


def _plain(value: Any) -> Any:
    """A value as tomli-w writes it well: a whole Decimal as an int, inside tables too."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


IDENTITY = ("name", "country", "org_number", "cvr_number")  # an answers file's own keys


def gave_answers(company: Company) -> bool:
    """Whether an answers file stated anything of ``company`` beyond its identity."""
    own = {f"company.{k}" for k in IDENTITY}
    return any(_stated(s) and p not in own for p, s in company.provenance.items())


def kept_answers(company: Company) -> dict[str, Any]:
    """The company's identity and every answer an answers file already stated (so the new
    answers file holds them all: ``--profiles`` takes one file per company)."""
    c = company.data.get("company", {})
    out: dict[str, Any] = {"company": {k: c[k] for k in IDENTITY if c.get(k)}}
    for path in leaf_paths(company.data):
        # a list of tables stated is one answer (its provenance is the list's, not an entry's):
        # kept whole, or the participants a company named were gone from its next answers file
        path = path.split("[", 1)[0]
        if _stated(company.provenance.get(path, "")):
            set_path(out, path, get_path(company.data, path))
    plain: dict[str, Any] = _plain(out)
    return plain


def answers_toml(company: Company, on: date, questions: list[Question]) -> str:
    """The answers file of ``company`` (see the module's docstring)."""
    lang = language_of(company.country)
    number = company.number
    lines = [f"# Answers for {_one_line(company.name)} ({number}), screened on {on.isoformat()} "
             f"from {_one_line(company.source)}.",
             f"# The questions: {number}.{lang}.md" + (f" and {number}.en.md" if lang != "en"
                                                        else "") + "." if questions else
             "# Its schemes are all decided: no questions. The answers it gave are kept here, so"
             " that this pack given as --profiles carries them into the next screening.",
             "# Answer a question by removing the # in front of its key and writing the value;",
             "# then `grantcheck batch --input FILE --profiles DIR` (or `grantcheck outreach`,",
             "# `grantcheck shortlist`) lays the answers over the registry's facts: a figure",
             "# written here beats the registry's, and a conflict is named in the provenance.",
             "#", "# What the registry says (not to be repeated here):"]
    for path, value, source in registry_facts(company):
        lines.append(f"#   {path} = {value}  ({source})" if value else f"#   {path}: {source}")
    numbered = {q.field: i for i, q in enumerate(questions, 1)}
    asked: dict[str, list[str]] = {}
    loose: list[str] = []
    for q in questions:
        where = _key_of(q.field)
        text = (f"# {numbered[q.field]}. {_one_line(question(q.field, 'en'))} "
                f"[{how_to_answer(q.field, 'en')}] — settles {_settles(q)}")
        if where is None:
            loose.append(f"{text}{_entry_key(q.field)}")
            continue
        table, key = where
        asked.setdefault(table, []).extend([text, f"# {key} = "])
    if loose:
        lines += ["#", "# Also asked, not as one key of this file:", *loose]
    lines += ["", *asked.pop("", [])]
    # the questions go right below their table's header, before its keys and sub-tables, so
    # a key written there is in that table
    for line in tomli_w.dumps(kept_answers(company)).splitlines():
        lines.append(line)
        header = line[1:-1] if line.startswith("[") and not line.startswith("[[") else ""
        if header and header in asked:
            lines += asked.pop(header)
    for table, body in asked.items():
        lines += ["", f"[{table}]", *body]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def questionnaire_md(company: Company, on: date, questions: list[Question], lang: str) -> str:
    """The questionnaire of ``company`` in ``lang``: the questions, most settling first, and
    what the registry already says."""
    w = words(lang)
    number = company.number
    label = w["cvr"] if company.data.get("company", {}).get("cvr_number") else w["number"]
    name = _one_line(company.name)
    lines = [f"# {w['title'].format(name=name)}", "",
             f"{label} {number} · {company.source}", "",
             w["intro"].format(on=on.isoformat(), name=name, file=f"{number}.toml"), ""]
    for i, q in enumerate(questions, 1):
        schemes = "; ".join(f"{get(s).name} ({', '.join(r for t, r in q.settles if t == s)})"
                            for s in q.schemes)
        how = how_to_answer(q.field, lang)
        lines += [f"{i}. **{_one_line(question(q.field, lang))}**  ",
                  f"   {w['answer']}: {how} · `{q.field}` · {w['settles']}: {schemes}"
                  if how else f"   `{q.field}` · {w['settles']}: {schemes}"]
    facts = registry_facts(company)
    if facts:
        lines += ["", f"## {w['registry']}", ""]
        lines += [f"- `{path}` = {value} ({source})" if value else f"- `{path}`: {source}"
                  for path, value, source in facts]
    return "\n".join(lines) + "\n"



def summary_md(p: Portfolio, source: str, on: date, schemes: list[str], files: int,
               again: int = 0, settled: int = 0) -> str:
    """The portfolio's summary: how many can still fit a scheme, how many need one answer and
    which, what excluded the rest; ``again``: the units with questions whose organisation
    number a unit before them has (their files would be that unit's: not written twice);
    ``settled``: the decided companies whose answers file keeps the answers they gave."""
    from grantcheck.engine.settle import NEEDS, UNDECIDED

    one = ", ".join(f"{field} ({n:,})" for field, n in p.one_answer.most_common())
    head = (f"**{p.can_fit:,} of {plural(p.companies, 'company', 'companies')} can still fit a "
            f"scheme**" + (f"; {plural(p.by_questions[1], 'needs', 'need')} one answer: {one}"
                          if one else "") + ".")
    lines = ["# Outreach pack: summary", "",
             f"Screened {source} on {on.isoformat()} for {', '.join(schemes)}.", "", head, ""]
    counts = p.verdict_words()
    lines.append(f"Best verdict per company: {counts or 'none'}."
                 + (f" {plural(p.failed, 'unit', 'units')} could not be read (the errors are "
                    "reported on stderr)." if p.failed else ""))
    if p.schemes:
        lines += ["", "Per scheme, the companies it fits or needs information from, and their "
                  "maximum grants:", ""]
        lines += [f"- {c.line(s, on)}" for s, c in sorted(p.schemes.items())]
    lines += _not_asked(p, on)
    if p.by_questions:
        lines += ["", f"## {NEEDS.capitalize()}: the answers that would settle it", "",
                  "| answers | companies |", "|---:|---:|"]
        lines += [f"| {k} | {p.by_questions[k]:,} |" for k in sorted(p.by_questions)]
    if p.excluded_by:
        lines += ["", "## Excluded from a scheme, by rule", "", "| scheme, rule | companies |",
                  "|---|---:|"]
        lines += [f"| {_one_line(r).replace('|', '/')} | {n:,} |"
                  for r, n in p.excluded_by.most_common()]
    decided = p.companies - files - again - p.no_number - p.by_verdict[UNDECIDED]
    lines += ["", "## Files", "",
              f"{plural(files, 'company has', 'companies have')} an answers file "
              "(NUMBER.toml) and questionnaires (NUMBER.LANG.md in the language of its "
              "authorities, NUMBER.en.md in English). A company whose schemes are all decided "
              f"has none ({plural(decided, 'company', 'companies')})"
              + ("; but one that gave answers keeps them in its answers file, to carry them "
                 f"into the next screening ({plural(settled, 'company', 'companies')})"
                 if settled else "") + "."]
    if p.no_number:
        lines.append(f"{plural(p.no_number, 'company', 'companies')} with questions "
                     f"{'has' if p.no_number == 1 else 'have'} no organisation number in the "
                     "registry (a sole trader's personal number is not copied): no files, as "
                     "the answers could not be matched to the unit.")
    if again:
        lines.append(f"{plural(again, 'unit', 'units')} with questions "
                     f"{'has' if again == 1 else 'have'} the organisation number of a unit "
                     f"before {'it' if again == 1 else 'them'} in the file: no files of "
                     f"{'its' if again == 1 else 'their'} own, as NUMBER.toml would replace "
                     "that unit's (the numbers are on stderr).")
    return "\n".join(lines) + "\n"


def _not_asked(p: Portfolio, on: date) -> list[str]:
    """What the pack does not ask: the questions of the schemes that need information but have
    no rules encoded for ``on`` (no answer settles them on that date), and how many companies
    therefore have no files."""
    from grantcheck.engine.settle import UNDECIDED

    ids = [s for s, c in sorted(p.schemes.items())
           if c.needs and get(s).call.status(on)[0] == "not_encoded"]
    if not ids:
        return []
    it = "it" if len(ids) == 1 else "them"
    only = p.by_verdict[UNDECIDED]
    return ["", f"Not asked: the questions of {', '.join(ids)}, with no rules encoded for "
            f"{on.isoformat()}: no answer settles {it} on that date (another evaluation date, "
            "--as-of, would)" + (f"; {plural(only, 'company needs', 'companies need')} "
                                 f"information only from {it}, so no files" if only else "")
            + "."]

