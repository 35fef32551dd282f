"""Bedriftsnettverk: the page's source and its citations, in the order of the page."""

from __future__ import annotations

from grantcheck.citations import Citation, Source

SCHEME_ID = "no-bedriftsnettverk"

SOURCE = Source(
    id=SCHEME_ID,
    title="Innovasjon Norge: Bedriftsnettverk",
    publisher="Innovasjon Norge",
    language="no",
    url="https://www.innovasjonnorge.no/no/tjenester/innovasjon-og-utvikling/"
    "samarbeid-klynger-nettverk/bedriftsnettverk/",
)

# --- citations, in the order of the page -------------------------------------------------------

C_VEKSTAMBISJONER = Citation(
    SOURCE, "Bedriftsnettverk",
    "Bedriftsnettverket skal bidra til at flere små- og mellomstore bedrifter med "
    "vekstambisjoner, etablerer kommersielt, strategisk og markedsrettet samarbeid",
)
C_BRANSJER = Citation(
    SOURCE, "Hvem kan søke?",
    "Bedriftsnettverk i de aller fleste bransjer og næringer i hele landet",
)
C_TRE_AARS_VARIGHET = Citation(
    SOURCE, "Hvem kan søke?", "kan søke om støtte til hovedprosjekter med inntil tre års varighet"
)
C_ADMINISTRATOR = Citation(
    SOURCE, "Hvem kan søke?",
    "Deltakerne i bedriftsnettverket må enes om at én av deltaker-bedriftene tar rollen som "
    "søkerbedrift/administrator på vegne av nettverket",
)
C_SOKERBEDRIFT = Citation(
    SOURCE, "Hvem kan søke?",
    "Søkerbedriften må drive økonomisk virksomhet i Norge, ha sunn økonomi og være registrert i "
    "Foretaksregisteret i Norge",
)
C_RELEVANT = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Prosjektet må tilfredsstille følgende minimumskrav for å være relevant og aktuell for "
    "nærmere vurdering",
)
C_TRE_SMB = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Bedriftsnettverket må bestå av minst tre små og mellomstore bedrifter med etablert "
    "virksomhet i Norge og sunn økonomi",
)
C_FORETAKSREGISTERET = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Bedriftene må være registrert i Foretaksregisteret i Norge",
)
C_EIERFORHOLD = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Det skal normalt ikke være eierforhold mellom bedriftene",
)
C_NORSKE_SMB_ANDEL = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Store bedrifter og kunnskapsaktører i Norge eller i utlandet, kan delta, men norske små og "
    "mellomstore bedrifter må utgjøre minst 50 prosent av deltakerne",
)
C_FORMAL = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Formålet med prosjektet må være økt vekst og verdiskaping gjennom utvikling og realisering "
    "av nye markedsmuligheter i eksisterende eller nye markeder i utlandet eller i Norge",
)
C_STRATEGISK = Citation(
    SOURCE, "Minimumskrav til prosjektet",
    "Prosjektet må være basert på strategisk samarbeid mellom bedrifter som har felles behov og "
    "komplementære ressurser som gir potensial for synergier",
)
C_INTENSJONSAVTALE = Citation(
    SOURCE, "Minimumskrav til prosjektet", "Intensjonsavtale underskrevet av deltakerbedriftene"
)
C_FELLES_UTVIKLING = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "delfinansiering av kostnader knyttet til felles utviklingsaktiviteter som er strategisk "
    "viktige for å realisere felles mål",
)
C_KOSTNADER = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "Eksempler på kostnader som kan inngå i støttegrunnlaget er:",
    note="examples, not a binding list",
)
C_BOKFORTE = Citation(
    SOURCE, "Hva kan det søkes støtte til?",
    "Bokførte kostnader hos søkerbedrift/administrator må minst tilsvare den offentlige støtten",
)
C_STOTTEBELOP = Citation(
    SOURCE, "Støttebeløp",
    "Det kan søkes om støtte inntil 750.000 kroner per år i inntil tre år til hovedprosjekter",
)
C_MAKS_50 = Citation(
    SOURCE, "Støttebeløp",
    "Den offentlige støtten kan maksimalt utgjøre 50 prosent av de støtteberettigede kostnadene",
)
C_STATSSTOTTE = Citation(
    SOURCE, "Støttebeløp",
    "Statsstøtteregelverket gir mer detaljerte bestemmelser for de enkelte støtteformålene",
)
C_EGENFINANSIERING = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Deltakerbedriftenes egenfinansiering må utgjøre minst 50 prosent av de støtteberettigede "
    "kostnadene og kan bestå av kontantinnbetaling, timeinnsats eller direkte utgifter",
)
C_KONTANT = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Deltakernes kontantinnbetaling til prosjektet må minst tilsvare budsjettert kapitalbehov i "
    "prosjektet, minus det som finansieres av offentlige tilskudd",
)
C_PRIVATE = Citation(
    SOURCE, "Krav til egenfinansiering",
    "Bare deltakere fra privat virksomhet i Norge, dvs. bedrifter og kunnskapsaktører som er "
    "avhengig av egen inntjening, kan kostnadsføre timer og direkte utgifter i prosjektet",
)
C_E_SOKNAD = Citation(
    SOURCE, "Hvordan søke?",
    "Det søkes om støtte til hovedprosjekter gjennom Innovasjon Norges e-søknadsportal",
)
C_ETT_AAR = Citation(SOURCE, "Hvordan søke?", "Det søkes for ett år av gangen i inntil tre år")
C_SOKNADSSKJEMA = Citation(
    SOURCE, "Hvordan søke?", "Det er et eget søknadsskjema for bedriftsnettverk"
)
C_VEDLEGG = Citation(
    SOURCE, "Hvordan søke?",
    "Tilleggsinformasjon kan gis i prosjektdokumenter som kan vedlegges e-søknaden",
)
C_FORTLOPENDE = Citation(SOURCE, "Ingen søknadsfrister", "Vi behandler søknadene fortløpende")
C_GOD_TID = Citation(
    SOURCE, "Ingen søknadsfrister",
    "Søknad for år to må sendes inn i god tid før avtalt prosjektperiode for år én utløper",
)
