"""The applicant's country: a page that speaks of one country's companies or organisations
without excluding others in words gives a warning, not a failure, for an applicant whose
registered office (``company.country``, a field every profile states) is elsewhere
(Prosess- og organisasjonsinnovasjon PO02, Säker digitalisering SD22).

The words are the scheme's own (its page's quotes), a template with ``{country}``: the
profile's country code."""

from __future__ import annotations

from collections.abc import Callable

from grantcheck.engine import Check, Ctx, Message


def registered_in(country: str, template: Message, doc: str) -> Callable[[Ctx], Check]:
    """A soft rule's check: the company's registered office is in ``country`` (an ISO code);
    ``template`` says what was found, and its fix what to explain when it is not; ``doc`` is
    the rule's explanation (``show``): why the page reads as that country's."""
    def fn(ctx: Ctx) -> Check:
        stated = ctx.profile.company.country
        return template.check(stated == country, country=stated)

    fn.__doc__ = doc
    return fn
