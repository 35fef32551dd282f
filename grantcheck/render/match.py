"""`grantcheck match`'s default view: the answer on the first line and again on the last, a
summary table that fits 80 columns, and per scheme in scope what would settle it or what stands
in its way. Presentation only: the scope of each scheme, and which fixes a person can act on, are
the engine's (``SchemeResult.scope``, :func:`~grantcheck.engine.scope.actionable_fix`).

Text from a profile or a source page goes into Rich as ``Text``, never as markup.
"""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from grantcheck.engine import DocumentStatus, Finding, Outcome, SchemeResult, Verdict, text_of
from grantcheck.engine.scope import CLOSED, IN_SCOPE, NOT_APPLICABLE, actionable_fix
from grantcheck.engine.settle import (
    RANK,
    actions_settling,
    fields_settling,
    shown_as,
    undecided,
    unknown_fields,
)
from grantcheck.engine.settle import best_tier as _best_tier
from grantcheck.engine.settle import deciding_findings as _findings
from grantcheck.matching import MatchResult
from grantcheck.numbers import plural
from grantcheck.render.amount_words import grant_words, own_words, settled_by
from grantcheck.render.match_head import closing, headline, horizon_words
from grantcheck.render.table import VERDICT_STYLE, fit_words
from grantcheck.render.together import indented, together
from grantcheck.render.whole import Whole, whole

MAX_FACTS = 8  # the facts listed per scheme before "and N more"
MAX_DOCS = 4  # the missing documents named per scheme before "and N more"
MAX_IDS = 6  # the rule ids named after a fact or an action; more are counted (--explain names them)


def ordered(results: list[SchemeResult]) -> list[SchemeResult]:
    """Fits, needs information (those with no rules encoded for the date last), does not fit,
    then not applicable and closed (stable)."""
    return sorted(results, key=lambda r: (RANK[shown_as(r)], undecided(r)))


def _rates_line(m: MatchResult) -> Text | None:
    """The exchange rates used, in one line (their dates: ``--explain``, JSON)."""
    rates = m.fx.to_json()
    if not rates:
        return None
    origins = list(dict.fromkeys(r["origin"] for r in rates))
    line = Text("Rates: 1 EUR = " + " · ".join(
        f"{r['per_eur']} {r['currency']}" + ("" if len(origins) == 1 else f" ({r['origin']})")
        for r in rates) + (f" ({origins[0]})" if len(origins) == 1 else ""), style="dim")
    return line


def call_cell(r: SchemeResult) -> str:
    """The call in a few words: "open · no dates", "closed 2023-03-01", …"""
    call = r.scheme.call
    if r.status == "closed" and call.closes:
        return f"closed {call.closes.isoformat()}"
    if r.status == "not_yet_open" and call.opens:
        return f"opens {call.opens.isoformat()}"
    if r.status == "not_encoded":  # as budget's first line: "rules not encoded after 2026-12-31"
        return horizon_words(r)
    if call.closes:
        return f"open until {call.closes.isoformat()}"
    return "open · no dates"


def _verdict_cell(r: SchemeResult) -> Text:
    """The verdict as shown, what a closed call would have given, the call in a few words,
    and the missing documents (a count; those the profile cannot tell are needed counted
    apart, "1 more if needed", as the scheme's detail names them)."""
    if r.scope.state == CLOSED:  # the call says it: "closed 2023-03-01"
        return Text(f"{call_cell(r)}\n(would: {r.verdict_if_open.label})", style="dim")
    label = shown_as(r)
    t = Text(label, style=VERDICT_STYLE[r.verdict] if r.scope.state == IN_SCOPE else "dim")
    t.append(f"\n{call_cell(r)}", style="dim")
    docs = _docs_shown(r)
    if docs:
        maybe = sum(d.needed is None for d in docs)
        sure = len(docs) - maybe
        words = f"{plural(sure, 'doc', 'docs')} missing" if sure else ""
        if maybe:
            words = (f"{words}\n{maybe} more if needed" if sure
                     else f"{plural(maybe, 'doc', 'docs')} missing if needed")
        t.append(f"\n{words}", style="dim")
    return t


def _docs_shown(r: SchemeResult) -> list[DocumentStatus]:
    """The documents still missing, when the table counts them (a scheme in scope that could
    still fit)."""
    if r.scope.state != IN_SCOPE or r.verdict_if_open is Verdict.DOES_NOT_FIT:
        return []
    if r.status == "not_encoded":  # no rules for the date: nor its documents (--explain lists)
        return []
    return list(r.missing_documents)


def _docs_words(docs: list[DocumentStatus]) -> str:
    """The missing documents by their names up to the first explanation, the first
    :data:`MAX_DOCS` of them; those the profile cannot tell are needed only counted ("1 more if
    needed"): ``--explain`` names them all."""
    sure = [short_name(d.document.name, len(d.document.name.split()))
            for d in docs if d.needed is not None]
    maybe = len(docs) - len(sure)
    if len(sure) > MAX_DOCS:
        sure[MAX_DOCS:] = [f"and {len(sure) - MAX_DOCS} more"]
    if maybe:
        sure.append(f"{maybe}{' more' if sure else ''} if needed")
    return "; ".join(sure)


def short_name(name: str, words: int = 2) -> str:
    """A document's name up to its first explanation, in at most ``words`` words:
    "Intensjonsavtale (letter of intent) signed by …" -> "Intensjonsavtale"."""
    for sep in (" (", ": ", ", ", "; "):
        name = name.split(sep, 1)[0]
    return " ".join(name.split()[:words])


def _money_cell(r: SchemeResult, which: str) -> Text:
    a = r.amounts.amounts
    if r.scope.state != IN_SCOPE or r.verdict_if_open is Verdict.DOES_NOT_FIT:
        return Text("—", style="dim")
    if a is None:
        return Text("?", style="yellow")
    if which == "grant":
        grant = grant_words(a)
        if not grant:
            return Text("?", style="yellow") if a.missing else Text("no cap stated")
        t = Text(grant, style="yellow" if a.span else "")
        if a.span:  # a range: the fact that settles it
            t.append(f"\n{settled_by(a, short=True)}", style="dim")
        return t
    own, sought = own_words(a)
    t = Text(own or "the rest of the costs")
    if sought:
        t.append(f"\n{sought}", style="dim")
    return t


def summary_table(results: list[SchemeResult]) -> Whole:
    """One row per scheme, at most about four lines each at 80 columns: nothing is cut."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False,
                  padding=(0, 1))
    table.add_column("Scheme", min_width=23)
    table.add_column("Verdict · call", min_width=14)
    table.add_column("Max grant", min_width=11)
    table.add_column("Own funding", min_width=11)
    for i, r in enumerate(results):
        name = Text(r.scheme.name, style="bold")
        name.append(f"\n{r.scheme.id}", style="dim")
        table.add_row(name, _verdict_cell(r), _money_cell(r, "grant"), _money_cell(r, "own"),
                      end_section=i < len(results) - 1)
    return whole(table)


def _not_shown(m: MatchResult, shown: list[SchemeResult]) -> Text | None:
    ids = {id(r) for r in shown}
    hidden = [r for r in ordered(m.results) if id(r) not in ids]
    if not hidden:
        return None
    t = Text("Not shown: ", style="bold")
    parts = []
    for r in hidden:
        if r.scope.state == NOT_APPLICABLE:
            fields = ", ".join(r.scope.applicable_if)
            parts.append(f"{r.scheme.id} (not applicable: a {r.scheme.country} scheme; "
                         f"it would apply with {fields})")
        else:
            parts.append(f"{r.scheme.id} ({call_cell(r)}; would: {r.verdict_if_open.label})")
    t.append("; ".join(parts) + f". --all shows all {len(m.results)}.")
    return t


def _heading(r: SchemeResult) -> Text:
    head = Text(f"{r.scheme.name} ({r.scheme.id}): ", style="bold")
    if r.scope.state == NOT_APPLICABLE:
        head.append("not applicable", style="dim")
    else:
        head.append(r.verdict.label, style=VERDICT_STYLE[r.verdict])
    if r.verdict is Verdict.CLOSED:
        head.append(f" (would: {r.verdict_if_open.label})", style="dim")
    if r.scheme.fit_wording and r.verdict is Verdict.FITS:
        head.append(f" — {fit_words(r)}", style="green")
    tier = _best_tier(r) if r.scope.state == IN_SCOPE else None
    if tier:
        head.append(f" — tier {next(t.tier.name for t in r.tiers if t.tier.id == tier)}")
    return head


def scheme_detail(r: SchemeResult, weight: Counter[str]) -> list[Text]:
    """What helps the next step: the amounts, then what would settle the unknowns (the facts
    that settle the most rules across schemes first), or what stands in the way."""
    lines = [_heading(r)]
    if r.scope.state == NOT_APPLICABLE:
        lines.append(Text(f"{r.scope.reason}; it would apply with "
                          f"{', '.join(r.scope.applicable_if)}", style="dim"))
    a = r.amounts.amounts
    if a is not None and r.verdict_if_open is not Verdict.DOES_NOT_FIT:
        lines.append(Text(f"Amounts: {first_clause(text_of(a.basis))}", style="dim"))
    docs = _docs_shown(r)
    if docs:  # the table counts them: here each one by name, and where to read them in full
        lines.append(Text(f"Missing documents (in full: --explain): {_docs_words(docs)}",
                          style="dim"))
    findings = _findings(r)
    fails = [f for f in findings if f.outcome is Outcome.FAIL]
    if fails:
        from grantcheck.render.why import why_lines  # only for a rule that fails: its patterns

        by_fix: dict[str, list[Finding]] = {}
        for f in fails:
            by_fix.setdefault(actionable_fix(f, r.scope), []).append(f)
        lines += [why_lines(group, fix) for fix, group in by_fix.items()]
    warnings = [f for f in findings if f.outcome is Outcome.WARNING]
    if warnings:
        lines.append(Text(f"! {plural(len(warnings), 'warning', 'warnings')} (--explain): "
                          + ", ".join(f.rule.ref for f in warnings), style="magenta"))
    higher = _higher_tier(r)
    if higher is not None:
        lines.append(higher)
    fields = unknown_fields(r)
    if fields and not fails:
        # no rules for the date: no answer settles it on the date, so the date comes first and
        # the answers are what a date the rules cover would also ask
        actions = [Text(f"To settle {r.scheme.name}: {action} ({rule_ids(ids)})",
                        style="yellow") for action, ids in actions_settling(fields).items()]
        first = undecided(r)
        if first:
            lines += actions
        facts = {k: ids for k, ids in fields.items() if not k.startswith("(")}
        if facts:
            order = sorted(facts, key=lambda k: -weight[k])
            n = "this" if len(order) == 1 else f"these {len(order)}"
            if first:
                t = Text(f"On a date the rules cover, also answer {n}: ", style="yellow")
            elif r.status == "closed":  # no answer makes it fit: they settle what it would say
                t = Text(f"The call has closed: no answer makes it fit; to settle what it would "
                         f"have said, answer {n}: ", style="dim")
            else:
                t = Text(f"Answer {n} to settle {r.scheme.name}: ", style="yellow")
            t.append(_first_facts(order, facts))
            lines.append(t)
        if not first:
            lines += actions
    return lines



def _higher_tier(r: SchemeResult) -> Text | None:
    """When a tier fits and a higher one needs information, what that tier would give and the
    facts that would settle it (the answer shows the tier that fits; this says how to reach
    more): "Tier up to DKK 250,000 needs information (max grant DKK 220,000): answer
    [project] business_case_made (SMV16)"."""
    if r.scope.state != IN_SCOPE or r.verdict is not Verdict.FITS:
        return None
    best = _best_tier(r)
    ids = [t.tier.id for t in r.tiers]
    if best is None or best not in ids:
        return None
    above = [t for t in r.tiers[ids.index(best) + 1:]
             if t.verdict is Verdict.NEEDS_INFORMATION]
    if not above:
        return None
    tier = above[-1]
    fields = fields_settling(f for f in r.findings if f.rule.tier == tier.tier.id)
    a = tier.amounts.amounts
    grant = f" (max grant {a.max_grant})" if a is not None and a.max_grant is not None else ""
    t = Text(f"Tier {tier.tier.name} needs information{grant}", style="yellow")
    if fields:
        t.append(": answer " + _first_facts(list(fields), fields))
    return t


def _first_facts(order: list[str], fields: dict[str, list[str]]) -> str:
    """:func:`facts_text` of the first :data:`MAX_FACTS` of ``order``, and how many more."""
    more = len(order) - MAX_FACTS
    return facts_text(order[:MAX_FACTS], fields) + (
        f"; and {more} more (--explain)" if more > 0 else "")


def facts_text(order: list[str], fields: dict[str, list[str]]) -> str:
    """The fields in ``order``, grouped by their profile table as a TOML file groups them:
    "[declarations] anchoring (SMV19), new_technology (SMV20); [project] activities (SMV22)"."""
    tables: dict[str, list[str]] = {}
    for k in order:
        table, dot, name = k.rpartition(".")
        if not dot or "[" in table or not table.isidentifier():
            table, name = "", k
        tables.setdefault(table, []).append(f"{name} ({rule_ids(fields[k])})")
    return "; ".join((f"[{t}] " if t else "") + ", ".join(names) for t, names in tables.items())


def rule_ids(ids: list[str]) -> str:
    """The ids of the rules a fact or an action settles, all of them, or past :data:`MAX_IDS`
    how many, with where each is named (a date the rules do not cover holds up every rule: 37
    ids said nothing the count does not): "37 rules; their ids: --explain"."""
    return ", ".join(ids) if len(ids) <= MAX_IDS else f"{len(ids)} rules; their ids: --explain"


def first_clause(text: str) -> str:
    """The text up to its first "; " outside brackets: an amounts basis's first computation,
    without a bracketed aside longer than :data:`LONG_ASIDE` characters (the reasoning behind
    an open size class runs seven lines); ``--explain`` shows all of it."""
    depth, start, out, cut = 0, 0, [], False
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and i - start > LONG_ASIDE:
                out.append((start, i + 1))
        if depth == 0 and text.startswith("; ", i):
            text, cut = text[:i], True
            break
    for a, b in reversed(out):
        text, cut = text[:a].rstrip() + text[b:], True
    return text + " (more: --explain)" if cut else text


LONG_ASIDE = 100


def render_answer(m: MatchResult, console: Console, show_all: bool = False) -> None:
    """The default view of `match`: see the module's docstring. ``show_all``: every scheme, in
    full (``--all``, or the schemes ``--scheme`` names)."""
    results = ordered(m.results)
    shown = results if show_all else [r for r in results if r.scope.shown]
    console.print(together(headline(m, shown)))
    rates = _rates_line(m)
    if rates is not None:
        console.print(together(rates))
    if shown:
        console.print(summary_table(shown))
    hidden = _not_shown(m, shown)
    if hidden is not None:
        console.print(together(hidden))
    weight: Counter[str] = Counter()
    for r in shown:
        for field, ids in unknown_fields(r).items():
            weight[field] += len(ids)
    for r in shown:
        console.print()
        head, *rest = scheme_detail(r, weight)
        console.print(together(head))
        for line in rest:
            console.print(indented(line, 2, console.width))
    console.print()
    console.print(together(closing(m, shown)))
