"""Why a scheme does not fit, in `match`'s default view: per group of failed rules with the same
fix, one of them with the figures it compared and the sentence of the page (or of the act) it
rests on, the other ids named, and the fix; ``--explain`` shows every rule in full.

The sentence is the rule's citation that states the same figures as the rule's title and what
was compared (the page's "mellem 2-20 fuldtidsansatte" for "2 to 20 full-time employees"); a
finding whose words already quote the page needs no second quote.

Text from a profile or a source page goes into Rich as ``Text``, never as markup.
"""

from __future__ import annotations

import re

from rich.text import Text

from grantcheck.citations import Citation
from grantcheck.engine import Finding

_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
_ARTICLE = re.compile(r"\bart\. (\d+(?:\(\d+\))*)")  # "GBER art. 29(4)" in a finding's words


def _numbers(text: str) -> set[str]:
    """The figures of ``text`` without thousands separators: "25.000 kr." and "DKK 25,000"
    both give "25000"."""
    out = set()
    for n in _NUMBER.findall(text):
        out.add(re.sub(r"[.,](?=\d{3}\b)", "", n))
    return out


def source_of(f: Finding) -> Citation | None:
    """The citation that says the rule's figures: an act's article the finding names ("GBER
    art. 22(2), not on the page"), else the one sharing the most figures with the
    rule's title and the finding's words, then the one with the fewest other figures (a
    sentence naming an article is not the requirement), the scheme's page before an act, the
    first of those; None when the finding's words already quote one, or none has a quote."""
    quoted = [c for c in f.rule.cites if c.quote]
    if not quoted or any(c.quote in f.message for c in quoted):
        return None
    said = _numbers(f"{f.rule.title} {f.message}")
    named = {f"Article{a}" for a in _ARTICLE.findall(f.message)}
    return max(quoted, key=lambda c: (not c.from_page and c.section.replace(" ", "") in named,
                                      len(_numbers(c.quote) & said),
                                      -len(_numbers(c.quote) - said), c.from_page))


def _short_act(c: Citation) -> str:
    """An act's short name: "GBER" for "Commission Regulation (EU) No 651/2014 (GBER)"."""
    title = c.source.title
    short = re.search(r"\(([^()]*)\)\s*$", title)
    return short.group(1) if short else title


def cited(c: Citation) -> str:
    """A citation in a line: the page's words (a text search of the page finds them; its
    heading: ``--explain``), or the act and its article with its words."""
    if c.from_page:
        return f"the page says «{c.quote}»"
    return f"{_short_act(c)} {c.section} says «{c.quote}»"


def _length(f: Finding) -> int:
    """How long ``f`` is said, with its source, as :func:`why_lines` says it."""
    c = source_of(f)
    return len(f.message) + (len(cited(c)) if c is not None else 0)


def why_lines(group: list[Finding], fix: str) -> Text:
    """One group of failed rules with the same ``fix``: the one said in the fewest words with
    its figures and its source, the others by id (``--explain`` shows them), then the fix."""
    first = min(group, key=_length)
    t = Text("✗ ", style="red")
    t.append(f"{first.rule.ref}: {first.message}")
    c = source_of(first)
    if c is not None:
        t.append(f"; {cited(c)}", style="dim")
    others = [f.rule.ref for f in group if f is not first]
    if others:
        t.append(f"; also {', '.join(others)} (--explain)")
    if fix:
        t.append(f"\n→ {fix}", style="italic")
    return t
