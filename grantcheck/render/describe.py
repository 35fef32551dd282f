"""Rich tables for `grantcheck schemes` and `grantcheck show`, drawn from the JSON shape that
:mod:`grantcheck.describe` builds, so the table and ``--format json`` always say the same.

Text from the scheme pages goes in as ``Text``, never as markup.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from grantcheck.money import CURRENCIES, Money, format_percent
from grantcheck.render.together import Together, indented, together
from grantcheck.render.whole import lean_table, whole

STATUS_STYLE = {"open": "green", "closed": "dim", "not_yet_open": "yellow",
                "not_encoded": "yellow"}


def encoded_text(e: dict[str, Any]) -> str:
    """Until when a scheme's rules are encoded, in a few words: 'rules to 2026-12-31 (GBER art.
    29)', 'rules from 2022-07-01, no end stated'."""
    start = f"from {e['from']}" if e["from"] != "0001-01-01" else ""
    if e["until"]:
        return f"rules {start + ' ' if start else ''}to {e['until']} ({e['until_reason']})"
    return f"rules {start + ', ' if start else ''}no end stated"


def _period(p: dict[str, Any]) -> str:
    start = p["applies_from"]
    start = "" if start == "0001-01-01" else f"from {start} "
    return f"{p['act']}: {start}" + (f"until {p['applies_until']}" if p["applies_until"]
                                     else "with no end date stated")


def _money(m: dict[str, str] | None) -> str:
    return str(Money(Decimal(m["amount"]), m["currency"])) if m else "no cap stated"


def _rate(r: str | None) -> str:
    return format_percent(Decimal(r)) if r is not None else "—"


def _value(value: str, unit: str) -> str:
    """A parameter's value with its unit: 'EUR 300,000', '50 %', '3 years'."""
    if unit in CURRENCIES:
        return str(Money(Decimal(value), unit))
    if unit == "rate":
        return format_percent(Decimal(value))
    if unit == "date":
        return value
    return f"{value} {unit}"


def _amount_cells(a: dict[str, Any], mixed: str) -> tuple[Text, Text, Text]:
    """Max grant, aid rate and own funding of one scheme or tier; ``mixed`` says where the
    rates of a tier with more than one are told."""
    if a["own_funding_form"] is None:  # the amounts could not be worked out
        return Text(f"? {a['basis']}", style="yellow"), Text("—"), Text("—")
    share = a["own_funding_min_share"]
    own = (f"at least {_rate(share)} of the costs; " if share is not None else "") \
        + a["own_funding_form"]
    rate = _rate(a["aid_rate"]) if a["aid_rate"] else f"mixed: see {mixed}"
    return Text(_money(a["max_grant"])), Text(rate), Text(own)


def _most(scheme: dict[str, Any]) -> str:
    """The most a scheme gives, of its tiers: "up to DKK 250,000", or "no cap stated"."""
    caps = [a["max_grant"] for a in scheme["amounts"] if a["max_grant"]]
    top = max(caps, key=lambda m: Decimal(m["amount"])) if caps else None
    return f"up to {_money(top)}" if top else "no cap stated"


def _capped(most: str) -> bool:
    return most.startswith("up to")


_NOT_OPEN = {"closed": "closed", "not_yet_open": "not yet open",
             "not_encoded": "with no rules encoded for the date"}


def schemes_headline(data: dict[str, Any]) -> str:
    """The answer first: how many schemes are open on the date, each with the most it gives,
    then how many are not, by why, with their ids: "5 schemes on 2026-11-23: 3 open —
    SMV:Digital up to DKK 250,000, …; 2 closed (dk-innobooster-people, …)."."""
    from grantcheck.numbers import plural

    schemes = data["schemes"]
    open_ = []
    for s in (s for s in schemes if s["status"] == "open"):
        most = _most(s)
        open_.append(f"{s['name']} " + (most if _capped(most) else f"({most})"))
    parts = [f"{len(open_):,} open" + (f" — {', '.join(open_)}" if open_ else "")]
    for status, words in _NOT_OPEN.items():
        ids = [s["id"] for s in schemes if s["status"] == status]
        if ids:
            parts.append(f"{len(ids):,} {words} ({', '.join(ids)})")
    return (f"{plural(len(schemes), 'scheme', 'schemes')} on {data['evaluation_date']}: "
            + "; ".join(parts) + ".")


def companies_words(c: dict[str, Any]) -> str:
    """Whose scheme it is, as match decides it: "For companies of DK; of another country only
    with company.cvr_number (SMV01)" or "For companies of any country …"."""
    if c["another_country_with"] is None:
        return (f"For companies of {c['country']} and of any other country (no rule ties it "
                "to a country's registry: match shows it to every company)")
    return (f"For companies of {c['country']}; of another country only with "
            f"{', '.join(c['another_country_with'])} ({', '.join(c['rules'])})")


def render_schemes(data: dict[str, Any], console: Console, as_given: bool = False) -> None:
    """The headline, then a row per scheme in the headline's order (open calls first, then
    closed, not yet open, with no rules encoded), unless ``as_given`` (``--scheme``'s order)."""
    console.print(together(Text(schemes_headline(data))))
    order = ["open", *_NOT_OPEN]
    schemes = data["schemes"] if as_given else sorted(
        data["schemes"], key=lambda s: order.index(s["status"]))
    # columns sized by what they hold: the prose ones (status, own funding) wrap first
    table = lean_table()
    # at 80 columns the status had 11 columns (20 lines for SMV:Digital's): it now has the
    # largest share of the width, and the aid rate goes under the grant, not in a column of
    # its own
    table.add_column("Scheme", ratio=3)
    table.add_column("Status", ratio=4)
    table.add_column("Tier", no_wrap=True)
    table.add_column("Max grant", ratio=2)
    table.add_column("Own funding", ratio=3)
    for s in schemes:
        name = Text(s["name"], style="bold")
        name.append(f"\n{s['id']} · {s['country']}", style="dim")
        name.append(f"\n{s['agency']}")
        status = Text(s["status_text"], style=STATUS_STYLE.get(s["status"], ""))
        status.append(f"\n{encoded_text(s['rules_encoded'])}", style="dim")
        amounts = s["amounts"]
        for i, a in enumerate(amounts):
            first = i == 0
            grant, rate, own = _amount_cells(a, "show")
            if rate.plain != "—":
                grant.append(f"\naid rate {rate.plain}" if a["aid_rate"]
                             else f"\naid rates {rate.plain}")
            table.add_row(name if first else Text(), status if first else Text(),
                          Text(a["tier"] or ""), grant, own,
                          end_section=i == len(amounts) - 1)
    console.print(whole(table))
    sample = data["schemes"][0]["amounts_for"] if data["schemes"] else ""
    console.print(Text(f"Amounts as each scheme states them for {sample}; `grantcheck match "
                       "PROFILE` computes them for a company, `grantcheck show ID` tells "
                       "everything one scheme asks.", style="dim"))


def _source_text(sources: list[dict[str, Any]], page: str = "") -> Text:
    """Citations, one a line: the section and the quote; the act's title when it is not the
    scheme's own page (``page``)."""
    t = Text()
    for i, c in enumerate(sources):
        if i:
            t.append("\n")
        where = c["section"] if c["source"] == page else f"{c['source']} — {c['section']}"
        t.append(where, style="dim")
        if c.get("quote"):
            t.append(f": «{c['quote']}»")
        if c.get("note"):
            t.append(f" ({c['note']})", style="dim")
        if not c["from_scheme_page"]:
            t.append(" (EU/national law, not on the scheme page)", style="dim")
    return t


def _indented(renderable: Text, console: Console) -> Padding | Together:
    return indented(renderable, 6, console.width)


def render_show(data: dict[str, Any], on: str, console: Console) -> None:
    # the answer first: the call on the date and the most the scheme gives
    head = Text(data["name"], style="bold")
    head.append(f" ({data['id']}) on {on}: ")
    call = data["status_text"]
    if data["status"] == "open" and "open" not in call:  # "continuous intake, …"
        call = f"open, {call}"
    if data["status"] == "not_encoded":  # as match and budget: "rules not encoded after …"
        call = f"rules {call}"
    head.append(call, style=STATUS_STYLE.get(data["status"], ""))
    # no amount is worked out on a date the rules are not encoded for: not "no cap stated"
    worked_out = any(a["own_funding_form"] is not None for a in data["amounts"])
    head.append(f"; {_most(data) if worked_out else 'no amounts on this date'}")
    console.print(together(head))
    console.print(Text(f"{data['agency']} · {data['country']} · {data['currency']}"))
    if "companies" in data:
        console.print(Text(companies_words(data["companies"])))
    console.print(Text(data["summary"]))
    src = data["source"]
    console.print(Text(f"Source: {src['title']}", style="dim"))
    if src["url"]:  # whole on a line of its own, however narrow the terminal: a link folded
        # in two no longer opens
        console.print(Text(f"<{src['url']}>", style="dim", no_wrap=True, overflow="ignore"),
                      crop=False)
    status = Text(f"On {on}: ")
    status.append(data["status_text"], style=STATUS_STYLE.get(data["status"], ""))
    console.print(status)
    page = src["title"]
    console.print(_indented(_source_text(data["call"]["source"], page), console))
    e = data["rules_encoded"]
    console.print(Text(f"Rules encoded: {encoded_text(e)}"
                       + ("" if data["rules_encoded_on_date"] else f"; not on {on}"),
                       style="" if data["rules_encoded_on_date"] else "yellow"))
    for b in data["legal_bases"]:
        line = Text(f"Legal basis: {b['name']}", style="bold")
        line.append(" — " + "; ".join(_period(p) for p in b["periods"]))
        console.print(line)
        if b.get("note"):
            console.print(_indented(Text(b["note"], style="italic"), console))
        console.print(_indented(_source_text(b["source"], page), console))
    if data["fit_wording"]:
        console.print(Text(f"A fit means: {data['fit_wording']}", style="dim"))

    console.print()
    amounts = Table(title="Amounts", title_justify="left", expand=True)
    amounts.add_column("Tier", no_wrap=True)
    amounts.add_column("Max grant", ratio=1)
    amounts.add_column("Aid rate", ratio=1)
    amounts.add_column("Own funding", ratio=2)
    amounts.add_column("Basis", ratio=4)
    for a in data["amounts"]:
        amounts.add_row(Text(a["tier"] or "—"), *_amount_cells(a, "Basis"),
                        Text(a["basis"] or ""))
    console.print(whole(amounts))
    console.print(Text(f"For {data['amounts_for']}.", style="dim"))

    for section in data["sections"]:
        console.print()
        console.print(Text(section["heading"], style="bold underline"))
        for r in section["rules"]:
            _print_rule(r, page, console)

    console.print()
    console.print(Text(f"Parameters (values on {on})", style="bold underline"))
    rate = data.get("exchange_rate")
    if rate:  # the EUR figures in the scheme's currency, as match compares them
        console.print(Text(f"EUR amounts in {data['currency']} at {rate['described']}, as "
                           "`grantcheck match` compares them (--rate overrides it)"
                           if "described" in rate else
                           f"EUR amounts are not converted: {rate['problem']}",
                           style="dim"))
    for p in data["parameters"]:
        _print_parameter(p, on, page, console)

    if data["documents"]:
        console.print()
        console.print(Text("Documents", style="bold underline"))
    for d in data["documents"]:
        line = Text(d["id"], style="bold")
        line.append(f" ({d['stage'].replace('_', ' ')}"
                    + (f", tier {d['tier']}" if d["tier"] else "") + f"): {d['name']}")
        console.print(line)
        if d["when"]:
            console.print(_indented(Text(f"when: {d['when']}", style="green"), console))
        console.print(_indented(_source_text(d["source"], page), console))
    console.print()
    if data.get("range_fields"):
        console.print(Text("Figures that may be given as a range, { min = 10, max = 19 }: "
                           + ", ".join(data["range_fields"]), style="dim"))
    for note in data["notes"]:
        console.print(Text(f"Note: {note}", style="dim"))
    _print_budget(data["budget"], on, page, console)


def _print_rule(r: dict[str, Any], page: str, console: Console) -> None:
    line = Text(f"{r['id']:<7}", style="bold")
    line.append(f"{r['kind']:<12}", style="cyan")
    line.append(r["title"])
    if r["tier"]:
        line.append(f" (tier {r['tier']})", style="dim")
    console.print(line)
    if r["reads"]:
        console.print(_indented(Text("reads: " + ", ".join(r["reads"]), style="green"), console))
    console.print(_indented(_source_text(r["source"], page), console))


def _print_parameter(p: dict[str, Any], on: str, page: str, console: Console) -> None:
    line = Text(p["name"], style="bold")
    if p["value"] is not None:
        line.append(f" = {_value(p['value'], p['unit'])}")
        if p.get("in_scheme_currency"):
            line.append(f" = {_money(p['in_scheme_currency'])}")
    else:
        line.append(f" ({p['unit']}): not encoded on {on}", style="yellow")
    console.print(line)
    if p["note"]:
        console.print(_indented(Text(p["note"], style="italic"), console))
    console.print(_indented(_source_text([p["source"]], page), console))


def _print_budget(b: dict[str, Any] | None, on: str, page: str, console: Console) -> None:
    """The cost rules `grantcheck budget` checks (None: the scheme states none)."""
    console.print()
    console.print(Text("Budget rules (grantcheck budget)", style="bold underline"))
    if b is None:
        console.print(Text("None: the scheme states no budget rules, so `grantcheck budget` "
                           "cannot check a budget against it."))
        return
    console.print(Text(f"Cost categories: {b['categories']}"))
    console.print(Text(f"Own funding: {b['own_funding_form']}"))
    for r in b["rules"]:
        _print_rule(r, page, console)
    if b["parameters"]:
        console.print(Text(f"Budget parameters (values on {on})", style="bold"))
    for p in b["parameters"]:
        _print_parameter(p, on, page, console)
    for note in b["notes"]:
        console.print(Text(f"Note: {note}", style="dim"))
