"""Prosess- og organisasjonsinnovasjon's page: its source and citations, in page order.

Each citation is the heading it stands under and a short verbatim quote in Norwegian; reading
them top to bottom is reading the page (tests/sources/no-prosessinnovasjon.txt): the
definitions, "Hva omfattes?", "Hva omfattes ikke?" (with the page's list of exclusions) and
"Hva kan finansieres?" (with the page's list of costs). The EU law the page rests on (GBER art.
29, through the EEA Agreement) follows at the end: it is not on the page.
"""

from __future__ import annotations

from grantcheck.citations import Citation, Source, eu
from grantcheck.law import gber
from grantcheck.named import NamedTuple
from grantcheck.schemes.no_prosessinnovasjon import ID
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion

SOURCE = Source(
    id=ID,
    title="Innovasjon Norge: Prosess- og organisasjonsinnovasjon",
    publisher="Innovasjon Norge",
    language="no",
    url="https://www.innovasjonnorge.no/artikkel/prosess-og-organisasjonsinnovasjon",
)

# --- the introduction and "Definisjoner" --------------------------------------------------------

C_INTRO = Citation(
    SOURCE, "Prosess- og organisasjonsinnovasjon",
    "Innovasjon Norge kan tilby finansiering til innovasjon på alle disse områdene.")
C_PROSESS = Citation(
    SOURCE, "Definisjoner",
    "produksjonsprosesser og distribusjonsmetoder som åpenbart skiller seg fra bedriftens "
    "tidligere prosesser og metoder")
C_ORGANISASJON = Citation(
    SOURCE, "Definisjoner",
    "Organisasjonsinnovasjon handler om innovasjon i bedriftens forretningsmodell, "
    "arbeidsprosesser eller samarbeidsformer.")

# --- "Hva omfattes?" ----------------------------------------------------------------------------

C_KONKURRANSEKRAFT = Citation(
    SOURCE, "Hva omfattes?",
    "der dette er viktig for å styrke bedriftens konkurransekraft")
C_FORRETNINGSMODELL = Citation(
    SOURCE, "Hva omfattes?", "knyttet til en ny forretningsmodell")
C_KONKURRANSEVRIDNING = Citation(
    SOURCE, "Hva omfattes?",
    "Innovasjon Norge må unngå å bidra til uheldig konkurransevridning mellom norske bedrifter.")
C_LOEFT = Citation(
    SOURCE, "Hva omfattes?", "Prosjektet må være et betydelig løft for bedriften.")
C_OMLEGGING = Citation(
    SOURCE, "Hva omfattes?",
    "omlegging til mer miljøvennlig drift, for eksempel fra en lineær til en sirkulær "
    "forretningsmodell")
C_ANALYSER = Citation(
    SOURCE, "Hva omfattes?",
    "det vil derfor være nødvendig å gjennomføre grundige avklaringer og analyser før "
    "beslutningen tas")
C_MILJOTEKNOLOGI = Citation(
    SOURCE, "Hva omfattes?", "kvalifisere for tilskudd fra miljøteknologiordningen")

# --- "Hva omfattes ikke?": the page's list, in its words and in English ---------------------------

C_IKKE_UTSTYR = Citation(
    SOURCE, "Hva omfattes ikke?",
    "Innføring av nytt utstyr uten at det er knyttet til et innovasjonsløft, vil ikke være "
    "relevant for Innovasjon Norge.")
C_IKKE = Citation(SOURCE, "Hva omfattes ikke?", "Dessuten omfattes ikke")

EXCLUSIONS: dict[ProsessExclusion, tuple[str, str]] = {
    ProsessExclusion.EQUIPMENT_WITHOUT_INNOVATION: (
        "Innføring av nytt utstyr uten at det er knyttet til et innovasjonsløft",
        "new equipment without an innovation leap"),
    ProsessExclusion.ROUTINE_IMPROVEMENT: (
        "Rutinemessige forbedringsprosesser, som for eksempel LEAN",
        "routine improvement processes such as LEAN"),
    ProsessExclusion.MINOR_PROCESS_CHANGES: (
        "Mindre endringer i og tilpasninger til eksisterende produksjonsprosess",
        "minor changes to or adaptations of an existing production process"),
    ProsessExclusion.CUSTOM_DELIVERIES: (
        "Spesialbestilte leveranser til enkeltkunder",
        "custom deliveries to single customers"),
    ProsessExclusion.IT_SYSTEM_WITHOUT_PROCESS_INNOVATION: (
        "Innføring av nye datasystemer (SAP, CRM osv.) uten at det er en del av en "
        "prosessinnovasjon",
        "new IT systems (SAP, CRM, …) not part of a process innovation"),
    ProsessExclusion.SINGLE_EQUIPMENT_REPLACEMENT: (
        "Investeringer i ny eller utskiftning av enkeltutstyr eller delelementer i en "
        "eksisterende produksjonsprosess",
        "investment in or replacement of single equipment or parts of an existing production "
        "process"),
    ProsessExclusion.INVENTORY_SYSTEM_ONLY: (
        "Rene lagerstyringssystemer uten at dette er en del av en prosessinnovasjon",
        "pure inventory-management systems not part of a process innovation"),
    ProsessExclusion.PRICE_ADAPTATION: (
        "Tilpasninger til endringer i priser", "adaptations to price changes"),
    ProsessExclusion.WINDING_DOWN_PRODUCTION: (
        "Avvikling av dagens produksjon som følge av endringer i markedet",
        "winding down production because the market changed"),
}
"""Each exclusion of the profile's vocabulary: the page's words, and the same in English."""
C_EXCLUSIONS = tuple(
    Citation(SOURCE, "Hva omfattes ikke?", norwegian) for norwegian, _ in EXCLUSIONS.values())

# --- "Hva kan finansieres?": the page's list of costs -------------------------------------------

C_KOSTNADER = Citation(
    SOURCE, "Hva kan finansieres?", "Følgende poster kan inngå i godkjent støttegrunnlag:")
C_KOST_TIMER = Citation(SOURCE, "Hva kan finansieres?", "Egne timer/personalkostnader")
C_KOST_TJENESTER = Citation(
    SOURCE, "Hva kan finansieres?",
    "Innkjøpte tjenester som kreves for å gjennomføre innovasjonen (konsulentbistand)")
C_KOST_UTSTYR = Citation(
    SOURCE, "Hva kan finansieres?",
    "Avskrivninger på eller leie av komponenter, instrumenter og utstyr for den tiden og det "
    "omfanget det benyttes i prosjektperioden")
C_KOST_IPR = Citation(
    SOURCE, "Hva kan finansieres?", "Kjøp av IPR-rettigheter som er nødvendig for prosjektet")


class CostType(NamedTuple):
    id: str
    name: str
    cite: Citation
    note: str = ""


ELIGIBLE_COSTS: tuple[CostType, ...] = (
    CostType("personnel", "own hours / personnel costs", C_KOST_TIMER),
    CostType("services", "purchased services needed for the innovation (consultancy)",
             C_KOST_TJENESTER),
    CostType("equipment", "depreciation or rent of components, instruments and equipment",
             C_KOST_UTSTYR, "only for the time and the extent used in the project (pro rata)"),
    CostType("ipr", "purchase of IPR needed for the project", C_KOST_IPR),
)
"""The page's list ("Hva kan finansieres?"): narrower than GBER art. 29(3); other costs are
not part of the approved cost base. The budget command checks the lines against it."""

C_GBER29 = Citation(
    SOURCE, "Hva kan finansieres?",
    "Merk at finansiering av prosess- og organisasjonsinnovasjon er knyttet til GBER 29 i "
    "Statsstøtteregelverket.")
C_SMB = Citation(
    SOURCE, "Hva kan finansieres?",
    "Det forutsetter at søker er liten eller mellomstor i henhold til Statsstøtteregelverket, "
    "og gjelder kun unntaksvis for store bedrifter.")

# --- EU law (GBER, applied in Norway through the EEA Agreement): not on the page ------------------

EU_1_3 = gber.ART_1_3_AB._replace(
    note="not on the page; the aid these points except (training, research and development, "
    "innovation aid for SMEs under art. 28, …) does not include aid for process and "
    "organisational innovation (art. 29)")
EU_29_2 = gber.ART_29_2
EU_29_4 = gber.ART_29_4
EU_8_3 = gber.ART_8_3
EU_4_1_L = gber.ART_4_1_L._replace(
    note="the figure Innovasjon Norge's own GBER-29 guidance states")
EU_2023_AMENDMENT = eu(
    gber.GBER_AMENDMENT_2023, "Article 1 (amending Article 4 GBER)",
    note="amended the notification thresholds of GBER art. 4; whether and from when the "
    "EUR 7.5 million for art. 29 changed (and its EEA incorporation) is not encoded")
