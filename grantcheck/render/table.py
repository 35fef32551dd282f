"""Rich tables for a match result. Presentation only: reads results, decides nothing.

Text that comes from a profile or a source page is passed as ``Text`` objects, never as markup,
so that "[company]" or a quote with brackets is shown as written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from grantcheck.engine import (
    AmountsResult,
    DocumentStatus,
    Finding,
    NotFitting,
    Outcome,
    SchemeResult,
    Verdict,
    text_of,
)
from grantcheck.engine.scope import NOT_APPLICABLE
from grantcheck.matching import MatchResult
from grantcheck.money import format_percent
from grantcheck.numbers import plural
from grantcheck.render.amount_words import grant_words, own_words, settled_by
from grantcheck.render.together import joined, together
from grantcheck.render.whole import Whole, lean_table, whole

VERDICT_STYLE = {
    Verdict.FITS: "bold green",
    Verdict.DOES_NOT_FIT: "bold red",
    Verdict.NEEDS_INFORMATION: "bold yellow",
    Verdict.CLOSED: "dim",
}
OUTCOME_STYLE = {
    Outcome.PASS: "green",
    Outcome.FAIL: "red",
    Outcome.UNKNOWN: "yellow",
    Outcome.WARNING: "magenta",
    Outcome.INFO: "cyan",
}
OUTCOME_MARK = {
    Outcome.PASS: "✓ pass",
    Outcome.FAIL: "✗ fail",
    Outcome.UNKNOWN: "? unknown",
    Outcome.WARNING: "! warning",
    Outcome.INFO: "i info",
}


def verdict_text(r: SchemeResult) -> Text:
    """The verdict, with the one it would have had for a closed call, and the scope that leaves
    another country's scheme out of `match`'s answer (its first line counts it so)."""
    t = Text(r.verdict.label, style=VERDICT_STYLE[r.verdict])
    if r.verdict is Verdict.CLOSED:
        t.append(f"\n(would: {r.verdict_if_open.label})", style="dim")
    elif r.scope.state == NOT_APPLICABLE:
        t.append("\n(not applicable)", style="dim")
    return t


def fit_words(r: SchemeResult) -> str:
    """The scheme's words for a fit, e.g. Bedriftsnettverk's «relevant og aktuell for nærmere
    vurdering», which its page grants only to a project that meets every minimum requirement,
    the signed letter of intent among them («Intensjonsavtale underskrevet av
    deltakerbedriftene», Minimumskrav til prosjektet): said of a fit whose application documents
    are not all held, they wait on them."""
    wording = r.scheme.fit_wording
    return wording + " once the missing documents are held" if r.missing_documents else wording


def _grant_text(a: AmountsResult) -> Text:
    if isinstance(a, NotFitting):  # none can be had: no figure, nor a question
        return Text("—", style="dim")
    if a.amounts is None:
        return Text(f"? {a.problem}" if a.problem else "—", style="yellow")
    am = a.amounts
    t = Text(grant_words(am) or ("?" if am.missing else "no cap stated"))
    if am.span is not None:
        t.append(f"\n{settled_by(am, short=True)}", style="dim")
    if am.rate is not None:
        t.append(f"\n{format_percent(am.rate)} of costs", style="dim")
    return t


def _own_text(a: AmountsResult) -> Text:
    if a.amounts is None:
        return Text("—")
    am = a.amounts
    own, sought = own_words(am)
    t = Text(own or "at least the rest of the costs")
    if sought:
        t.append(f"\n{sought}", style="dim")
    t.append(f"\n{am.own_funding_form}", style="dim")
    return t


def summary_table(m: MatchResult) -> Whole:
    """Every scheme's verdict, call and amounts, a row each; its missing documents are in its
    detail (:func:`scheme_detail`), where their names have the width they need."""
    table = lean_table(title="Schemes", title_justify="left")
    table.add_column("Scheme")
    table.add_column("Verdict · call")
    table.add_column("Max grant")
    table.add_column("Own funding")
    for i, r in enumerate(m.results):
        s = r.scheme
        name = Text(s.name, style="bold")
        name.append(f"\n{s.id} · {s.country} · {s.agency}", style="dim")
        verdict = verdict_text(r)
        verdict.append(f"\n{r.status_text}", style="dim")
        table.add_row(name, verdict, _grant_text(r.amounts), _own_text(r.amounts),
                      end_section=i < len(m.results) - 1)
    return whole(table)


Facts = dict[str, tuple[str, str]]  # profile path -> (its value as TOML, where it came from)


def facts_of(m: MatchResult) -> Facts:
    """Each fact of a profile read from a registry unit, with its provenance: the registry's
    source, the answers file that stated it, or "stated in the profile" (nothing when the
    result carries no provenance: a profile checked by ``match``)."""
    if not m.provenance:
        return {}
    from grantcheck.fields import get_path, leaf_paths

    data = m.profile.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    # an entry of a list of tables comes from where the list came from (a registry's group)
    out = {p: (_shown(get_path(data, p)), m.provenance.get(p) or m.provenance.get(
        p.split("[", 1)[0], "stated in the profile")) for p in leaf_paths(data)}
    out.update((p, ("", s)) for p, s in m.provenance.items() if p not in out)
    return out


def _shown(value: object) -> str:
    """A profile value as a profile writes it: 12, { min = 0, max = 12 }, "AS", true."""
    from enum import Enum

    from grantcheck.money import decimal_str

    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return decimal_str(value)
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    return f'"{value}"' if isinstance(value, str) else str(value)


MAX_FACTS_SHOWN = 4  # per rule, of a table read as a whole


def _facts_text(f: Finding, facts: Facts) -> Text | None:
    """The facts a rule reads, their values and where each came from."""
    if not facts:
        return None
    lines = []
    for read in dict.fromkeys((*f.rule.reads, *f.missing)):
        found = [p for p in facts if p == read or p.startswith((read + ".", read + "["))]
        for p in found[:MAX_FACTS_SHOWN]:
            value, source = facts[p]
            lines.append(f"{p} = {value}: {source}" if value else f"{p}: {source}")
        if len(found) > MAX_FACTS_SHOWN:
            lines.append(f"{read}: and {len(found) - MAX_FACTS_SHOWN} more")
    return Text("\n".join(lines), style="cyan", overflow="fold") if lines else None


def rules_table(findings: list[Finding], explain: bool, title: str | None = None,
                facts: Facts | None = None) -> Whole:
    """Rule, outcome, what was compared (and, with ``explain``, the sources): one row each.
    ``facts`` (a registry unit's): the figures compared and where each came from."""
    table = Table(title=title, title_justify="left", show_header=True, expand=True,
                  show_lines=explain)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Outcome", no_wrap=True)
    table.add_column("What was compared", ratio=3)
    if explain:
        table.add_column("Source", ratio=2)
    for f in findings:
        table.add_row(*finding_row(f, explain, facts or {}))
    return whole(table)


def finding_row(f: Finding, explain: bool, facts: Facts | None = None) -> tuple[Text, ...]:
    mark = Text(OUTCOME_MARK[f.outcome], style=OUTCOME_STYLE[f.outcome])
    what = Text(f.rule.title, style="bold")
    what.append(f"\n{f.message}")
    if not explain and f.outcome is Outcome.FAIL:  # the sentence it rests on (--explain: all)
        from grantcheck.render.why import cited, source_of  # only for a rule that fails

        source = source_of(f)
        if source is not None:
            what.append(f"\n{cited(source)}", style="dim")
    if f.fix and f.outcome in (Outcome.FAIL, Outcome.UNKNOWN, Outcome.WARNING):
        what.append(f"\n→ {f.fix}", style="italic")
    figures = _facts_text(f, facts or {})
    if figures is not None:  # a file's path is folded, not cut
        what.append("\n")
        what.append_text(figures)
        what.overflow = "fold"
    rule_id = Text(f.rule.id)
    if f.rule.tier:
        rule_id.append(f"\n{f.rule.tier}", style="dim")
    if not explain:
        return rule_id, mark, what
    src = Text()
    for i, c in enumerate(f.rule.cites):
        if i:
            src.append("\n")
        src.append(f"{c.source.title} — {c.section}", style="dim")
        if c.quote:
            src.append(f"\n«{c.quote}»")
        if not c.from_page:
            src.append("\n(EU/national law, not on the scheme page)", style="dim")
    return rule_id, mark, what, src


def scheme_detail(r: SchemeResult, explain: bool, facts: Facts | None = None) -> Group | None:
    """Per scheme: the rules (all with --explain; otherwise only what needs attention)."""
    hidden = 0
    if explain:
        shown = r.findings
    else:
        # what needs attention: failures and warnings always; unknowns only where they are what
        # stands between the company and a fit (a scheme that already fails needs no more facts)
        wanted = {Outcome.FAIL, Outcome.WARNING}
        if r.verdict_if_open is not Verdict.DOES_NOT_FIT:
            wanted.add(Outcome.UNKNOWN)
        shown = [f for f in r.findings if f.outcome in wanted]
        hidden = sum(1 for f in r.findings if f.outcome is Outcome.UNKNOWN) if (
            Outcome.UNKNOWN not in wanted) else 0
    parts: list[Whole | Text] = []
    head = Text(f"{r.scheme.name} ({r.scheme.id}): ", style="bold")
    head.append_text(verdict_text(r))
    if r.scheme.fit_wording and r.verdict_if_open is Verdict.FITS:
        head.append(f" — {fit_words(r)}", style="green")
    parts.append(head)
    if r.tiers:
        tiers = Table(show_header=True, box=None, padding=(0, 2))
        tiers.add_column("Tier")
        tiers.add_column("Verdict")
        tiers.add_column("Max grant")
        tiers.add_column("Own funding")
        for t in r.tiers:
            tiers.add_row(Text(t.tier.name), Text(t.verdict.label, style=VERDICT_STYLE[t.verdict]),
                          _grant_text(t.amounts), _own_text(t.amounts))
        parts.append(whole(tiers))
    if r.amounts.amounts is not None:
        parts.append(Text(f"Amounts: {text_of(r.amounts.amounts.basis)}", style="dim"))
    elif explain and isinstance(r.amounts, NotFitting) and r.amounts.if_fitted is not None:
        parts.append(Text("Amounts if it fitted (it does not, so none can be had): "
                          + text_of(r.amounts.if_fitted.basis), style="dim"))
    docs = r.missing_documents
    parts.append(Text("Missing documents: " + ("; ".join(_doc_words(d) for d in docs)
                                               if docs else "none")))
    if shown:
        parts.append(rules_table(shown, explain, facts=facts))
    if hidden:
        more = plural(hidden, "more rule", "more rules")
        parts.append(Text(f"{more} cannot be decided from the profile; "
                          "--explain shows every rule.", style="dim"))
    later = r.later_documents
    if explain and later:
        parts.append(Text("Later: " + "; ".join(
            f"{d.document.name} ({d.document.stage.value.replace('_', ' ')})" for d in later),
            style="dim"))
    for note in r.scheme.notes if explain else ():
        parts.append(Text(f"Note: {note}", style="dim"))
    if explain:
        parts.append(Text(_record_line(r), style="dim"))
    return Group(*(joined(p) if isinstance(p, Text) else p for p in parts))


def _record_line(r: SchemeResult) -> str:
    """The decision record in one line (the whole of it is in --format json)."""
    from grantcheck.record import digest

    h = r.scheme.horizon
    encoded = (f"from {h.start.isoformat()} " if h.start != date.min else "") + (
        f"until {h.until.isoformat()}" if h.until else "with no end date stated")
    return (f"Rules as encoded on {r.on.isoformat()} ({encoded}; "
            + ", ".join(b.name for b in r.scheme.legal_bases)
            + f"), digest {digest(r.scheme)}; the whole record: --format json")


def render_match(m: MatchResult, console: Console, explain: bool = False) -> None:
    """The answer in one sentence, as the default view starts with it, then every scheme in
    full (`match --explain`, `shortlist --explain NUMBER`)."""
    from grantcheck.render.match_head import headline

    console.print(together(headline(m, m.results)))
    title = Text("grantcheck", style="bold")
    title.append(f" — {m.profile.company.name}")
    if m.source:
        title.append(f" ({m.source})", style="dim")
    console.print(title)
    line = Text(f"Evaluated on {m.on.isoformat()}")
    for rate in m.fx.used.values():
        line.append(f" · {rate.describe()}")
    line.stylize("dim")
    console.print(together(line))
    console.print(summary_table(m))
    facts = facts_of(m) if explain else {}
    for r in m.results:
        detail = scheme_detail(r, explain, facts)
        if detail is not None:
            console.print()
            console.print(detail)


def _doc_words(d: DocumentStatus) -> str:
    """A missing document's name; one the profile cannot tell is needed says when it is, as
    the default view counts it apart ("1 more if needed")."""
    if d.needed is not None:
        return d.document.name
    when = d.document.condition or "the profile cannot tell"
    return f"{d.document.name} (only if needed: {when})"
