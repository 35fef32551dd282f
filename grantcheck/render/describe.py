"""Rich tables for `grantcheck schemes` and `grantcheck show`, drawn from the JSON shape that
:mod:`grantcheck.describe` builds, so the table and ``--format json`` always say the same.

Text from the scheme pages goes in as ``Text``, never as markup.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from grantcheck.money import Money, format_percent

STATUS_STYLE = {"open": "green", "closed": "dim", "not_yet_open": "yellow"}


def _money(m: dict[str, str] | None) -> str:
    return str(Money(Decimal(m["amount"]), m["currency"])) if m else "no cap stated"


def _rate(r: str | None) -> str:
    return format_percent(Decimal(r)) if r is not None else "—"


def _amount_cells(amounts: list[dict[str, Any]]) -> tuple[Text, Text, Text]:
    grant, rate, own = Text(), Text(), Text()
    several = len(amounts) > 1
    for i, a in enumerate(amounts):
        if i:
            for t in (grant, rate, own):
                t.append("\n")
        label = f"{a['name']}: " if several else ""
        if a["own_funding_form"] is None:  # the amounts could not be worked out
            grant.append(f"{label}? {a['basis']}", style="yellow")
            continue
        grant.append(label + _money(a["max_grant"]))
        rate.append(label + (_rate(a["aid_rate"]) if a["aid_rate"] else "see `show`"))
        share = a["own_funding_min_share"]
        own.append(label + (f"at least {_rate(share)}; " if share is not None else "")
                   + a["own_funding_form"])
    return grant, rate, own


def render_schemes(data: dict[str, Any], console: Console) -> None:
    table = Table(title=f"Schemes on {data['evaluation_date']}", title_justify="left",
                  show_lines=True, expand=True)
    table.add_column("Scheme", ratio=3)
    table.add_column("Country", no_wrap=True)
    table.add_column("Agency", ratio=2)
    table.add_column("Status", ratio=2)
    table.add_column("Max grant", ratio=2)
    table.add_column("Aid rate", ratio=1)
    table.add_column("Own funding", ratio=3)
    for s in data["schemes"]:
        name = Text(s["name"], style="bold")
        name.append(f"\n{s['id']}", style="dim")
        status = Text(s["status_text"], style=STATUS_STYLE.get(s["status"], ""))
        table.add_row(name, Text(s["country"]), Text(s["agency"]), status,
                      *_amount_cells(s["amounts"]))
    console.print(table)
    first = data["schemes"][0]["amounts_for"] if data["schemes"] else ""
    console.print(Text(f"Amounts as each scheme states them for {first}; `grantcheck match "
                       "PROFILE` computes them for a company, `grantcheck show ID` tells "
                       "everything one scheme asks.", style="dim"))


def _source_text(sources: list[dict[str, Any]], indent: str = "") -> Text:
    t = Text()
    for i, c in enumerate(sources):
        if i:
            t.append("\n")
        t.append(f"{indent}{c['source']} — {c['section']}", style="dim")
        if c.get("quote"):
            t.append(f": «{c['quote']}»")
        if c.get("note"):
            t.append(f" ({c['note']})", style="dim")
        if not c["from_scheme_page"]:
            t.append(" (EU/national law, not on the scheme page)", style="dim")
    return t


def render_show(data: dict[str, Any], on: str, console: Console) -> None:
    head = Text(data["name"], style="bold")
    head.append(f" ({data['id']}) · {data['agency']} · {data['country']} · {data['currency']}")
    console.print(head)
    console.print(Text(data["summary"]))
    src = data["source"]
    console.print(Text(f"Source: {src['title']}" + (f" <{src['url']}>" if src["url"] else ""),
                       style="dim"))
    status = Text(f"On {on}: ")
    status.append(data["status_text"], style=STATUS_STYLE.get(data["status"], ""))
    console.print(status)
    console.print(_source_text(data["call"]["source"], "  "))
    if data["fit_wording"]:
        console.print(Text(f"A fit means: {data['fit_wording']}", style="dim"))

    console.print()
    amounts = Table(title="Amounts", title_justify="left", expand=True)
    amounts.add_column("", ratio=1)
    amounts.add_column("Max grant", ratio=1)
    amounts.add_column("Aid rate", ratio=1)
    amounts.add_column("Own funding", ratio=2)
    amounts.add_column("Basis", ratio=4)
    for a in data["amounts"]:
        grant, rate, own = _amount_cells([a])
        amounts.add_row(Text(a["name"]), grant, rate, own, Text(a["basis"] or ""))
    console.print(amounts)
    console.print(Text(f"For {data['amounts_for']}.", style="dim"))

    for section in data["sections"]:
        console.print()
        console.print(Text(section["heading"], style="bold underline"))
        for r in section["rules"]:
            line = Text(f"{r['id']:<6}", style="bold")
            line.append(f"{r['kind']:<12}", style="cyan")
            line.append(r["title"])
            if r["tier"]:
                line.append(f" (tier {r['tier']})", style="dim")
            console.print(line)
            if r["reads"]:
                console.print(Text("      reads: " + ", ".join(r["reads"]), style="green"))
            console.print(_source_text(r["source"], "      "))

    console.print()
    params = Table(title=f"Parameters (values on {on})", title_justify="left", expand=True)
    params.add_column("Name", ratio=2)
    params.add_column("Value", ratio=1)
    params.add_column("Unit", no_wrap=True)
    params.add_column("Source", ratio=4)
    for p in data["parameters"]:
        value = Text(p["value"]) if p["value"] is not None else Text(
            f"not encoded on {on}", style="yellow")
        src_text = _source_text([p["source"]])
        if p["note"]:
            src_text.append(f"\n{p['note']}", style="italic")
        params.add_row(Text(p["name"]), value, Text(p["unit"]), src_text)
    console.print(params)

    if data["documents"]:
        console.print()
        docs = Table(title="Documents", title_justify="left", expand=True)
        docs.add_column("Id", ratio=2)
        docs.add_column("Document", ratio=3)
        docs.add_column("When", ratio=2)
        docs.add_column("Source", ratio=3)
        for d in data["documents"]:
            when = Text(d["stage"].replace("_", " "))
            if d["when"]:
                when.append(f": {d['when']}")
            if d["tier"]:
                when.append(f" (tier {d['tier']})", style="dim")
            docs.add_row(Text(d["id"]), Text(d["name"]), when, _source_text(d["source"]))
        console.print(docs)
    for note in data["notes"]:
        console.print(Text(f"Note: {note}", style="dim"))
