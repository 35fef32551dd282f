"""Where every rule and number comes from.

A :class:`Source` is a document (a scheme page or an EU act); a :class:`Citation` points into it
with the section heading and a short verbatim quote in the source's own language, so a reader can
find the sentence with a text search of the page. Citations of EU law name the regulation and the
article; they say ``from_page=False`` so the output can tell the user that the rule is not on the
scheme's page.

The shared legal sources (the de minimis regulations, the SME recommendation, the ECB rates) live
here, GBER in :mod:`grantcheck.law.gber`; each scheme package holds its own page citations.
"""

from __future__ import annotations

from grantcheck.named import NamedTuple


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    language: str  # "no", "sv", "da", "en"
    url: str = ""
    is_scheme_page: bool = True


class Citation(NamedTuple):
    source: Source
    section: str
    quote: str
    note: str = ""

    @property
    def from_page(self) -> bool:
        return self.source.is_scheme_page

    def __str__(self) -> str:
        where = f"{self.source.title}, {self.section}"
        text = f"{where}: «{self.quote}»" if self.quote else where
        if not self.from_page:
            text += " (EU/national law, not on the scheme page)"
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source.title,
            "publisher": self.source.publisher,
            "section": self.section,
            "quote": self.quote,
            "language": self.source.language,
            "from_scheme_page": self.from_page,
            **({"note": self.note} if self.note else {}),
            **({"url": self.source.url} if self.source.url else {}),
        }


def eu(source: Source, article: str, quote: str = "", note: str = "") -> Citation:
    """A citation of an article of an EU act (quote in English, the act's own wording)."""
    return Citation(source, article, quote, note)


# --- EU and national legal sources shared by several schemes ---------------------------------

SME_RECOMMENDATION = Source(
    "sme-2003-361",
    "Commission Recommendation 2003/361/EC (SME definition)",
    "European Commission",
    "en",
    "https://eur-lex.europa.eu/eli/reco/2003/361/oj",
    is_scheme_page=False,
)
ECB_RATES = Source(
    "ecb-reference-rates",
    "ECB euro foreign exchange reference rates",
    "European Central Bank",
    "en",
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/",
    is_scheme_page=False,
)

SME_ART2 = eu(
    SME_RECOMMENDATION,
    "Annex, Article 2",
    "The category of micro, small and medium-sized enterprises (SMEs) is made up of enterprises "
    "which employ fewer than 250 persons and which have an annual turnover not exceeding EUR 50 "
    "million, and/or an annual balance sheet total not exceeding EUR 43 million.",
)
SME_ART3 = eu(
    SME_RECOMMENDATION,
    "Annex, Article 3 and 6",
    "partner enterprises … 25 % or more … linked enterprises … majority of the shareholders' "
    "or members' voting rights",
    note="partner enterprises add their figures pro rata to the holding; linked ones add 100 %; "
    "25 % or more held by public bodies means not an SME (art. 3(4))",
)
SME_ART4 = eu(
    SME_RECOMMENDATION,
    "Annex, Article 4(2)",
    "this will not result in the loss or acquisition of the status of medium-sized, small or "
    "microenterprise unless those ceilings are exceeded over two consecutive accounting periods",
    note="the Recommendation's words; GBER's Annex I, art. 4(2), says the same in other words "
    "('it shall lose or acquire the status … only if this excess occurs over two consecutive "
    "accounting periods')",
)
