"""SMV:Digital: the application guide's source and its citations, in the order of the page."""

from __future__ import annotations

from grantcheck.citations import Citation, Source

SCHEME_ID = "dk-smv-digital"

SOURCE = Source(
    id=SCHEME_ID,
    title="Ansøgningsguide til SMV:Digital",
    publisher="Erhvervsstyrelsen",
    language="da",
)

# Section labels: the page's own heading where the text stands under one; otherwise the topic,
# with the page's word for it in brackets (the quote finds the sentence).
S_TARGET = "target group (målgruppen)"
S_AWARD = "award criteria (tildelingskriterier)"
S_ACTIVITIES = "project activities (projektaktiviteter)"
S_APPLICATION = "application template (ansøgningsskabelon)"
S_SUBMISSION = "Indsendelse af ansøgning"
S_ADVISORS = "Formelle retningslinjer angående anvendelse af rådgivere i SMV:Digital"
S_COFINANCING = "Trin 5 – Undervejs i projektet (medfinansiering)"
S_EARLY_PAYMENT = "Udbetaling af støtte til investeringer"
S_CHANGES = "Ændringer eller forlængelse af jeres projekt"
S_REPORTING = "reporting (afrapportering)"
S_EVALUATION = "Krav om evaluering"

# --- citations, in the order of the page -------------------------------------------------------

C_TARGET_GROUP = Citation(
    SOURCE, S_TARGET,
    "SMV:Digital er en tilskudsordning målrettet små og mellemstore virksomheder",
)
C_SME_DEFINITION = Citation(
    SOURCE, S_TARGET,
    "SMV:Digital er en tilskudsordning målrettet små og mellemstore virksomheder (læs mere om "
    "definitionen af SMV'er her)",
    note="the link leads to the EU SME definition (Commission Recommendation 2003/361/EC): "
    "partner and linked enterprises count, 25 % or more public ownership rules it out",
)
C_CVR = Citation(SOURCE, S_TARGET, "Virksomheder med et dansk CVR-nummer")
C_SIZE = Citation(
    SOURCE, S_TARGET,
    "Virksomheder med en omsætning på maksimalt 50 mio. euro eller en balance på maksimum "
    "43 mio. euro",
)
C_SIZE_EITHER = Citation(
    SOURCE, S_TARGET,
    "man må gerne overskride maksimum for enten omsætning eller balance, men ikke begge på "
    "samme tid",
)
C_DE_MINIMIS = Citation(
    SOURCE, S_TARGET,
    "Virksomheder der ikke har modtaget statsstøtte, der overstiger 200.000 euro, svarende til "
    "ca. 1,5 mio. kr., i indeværende og de to foregående regnskabsår",
    note="the page still quotes the ceiling of Regulation (EU) No 1407/2013, replaced by "
    "Regulation (EU) 2023/2831 from 2024-01-01",
)
C_DE_MINIMIS_REGULATION = Citation(
    SOURCE, S_TARGET,
    "Tilskuddet i SMV:Digital gives i henhold til statsstøttereglerne under Europa Kommissionens "
    "de minimis-forordning (EU) Nr. 1407/2013.",
)
C_COFINANCING = Citation(
    SOURCE, S_TARGET,
    "Der er krav om egen medfinansiering i form af 50% enten i form af kontant betaling, egne "
    "afholdte timer eller et mix af disse.",
)
C_TIERS = Citation(
    SOURCE, S_TARGET,
    "Herudover gælder der specifikke krav afhængigt af, om der søges tilskud til 25.000 kr., "
    "100.000 kr. eller 250.000 kr.",
)
C_T25 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på 25.000 kr.:")
C_T100 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på 100.000 kr.:")
C_T250 = Citation(SOURCE, S_TARGET, "Ansøgere til tilskud på op til 250.000 kr.:")
C_T25_FTE = Citation(SOURCE, S_TARGET, "Virksomheden skal have mellem 2-20 fuldtidsansatte")
C_LARGE_FTE = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal have mellem 3-249 fuldtidsansatte i seneste aflagte regnskab",
)
C_TURNOVER = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal have en omsætning på minimum 2 mio. kr. i seneste aflagte årsregnskab",
)
C_TECHNOLOGY_CHOICE = Citation(
    SOURCE, S_TARGET,
    "Virksomheden skal være afklaret omkring teknologivalg og herunder have udarbejdet en "
    "business case for investering i ny hardware eller software",
)
C_FTE_COUNT = Citation(
    SOURCE, S_TARGET,
    "Antallet af fuldtidsansatte opgøres med udgangspunkt i sidste års regnskab og vurderes som "
    "antal årsværk",
)
C_FTE_EXPLANATION = Citation(
    SOURCE, S_TARGET,
    "skal jeres virksomhed redegøre for dette i ansøgningens virksomhedsbeskrivelse",
)
C_OWNERS = Citation(
    SOURCE, S_TARGET,
    "Bemærk i øvrigt at ejere maksimalt kan indgå med samlet 1 årsværk i beregningen.",
)
C_REAPPLY = Citation(
    SOURCE, S_TARGET,
    "kan der frit ansøges igen, såfremt projektet er afsluttet og afrapporteret",
)
C_AWARD = Citation(
    SOURCE, S_AWARD,
    "De konkrete tildelingskriterier, som alle skal være opfyldt, er beskrevet nedenfor:",
)
C_GROWTH = Citation(
    SOURCE, S_AWARD, "Projektet bidrager til at realisere virksomhedens vækstambitioner"
)
C_ANCHORING = Citation(
    SOURCE, S_AWARD,
    "om der er afsat ressourcer til at få hævet det teknologiske niveau i jeres virksomhed",
)
C_NEW_TECHNOLOGY = Citation(
    SOURCE, S_AWARD,
    "om jeres projekt reelt involverer en for jer ny teknologi eller IT eller en væsentlig "
    "opgradering af allerede eksisterende teknologi eller IT",
)
C_THEME = Citation(
    SOURCE, S_AWARD, "Nogle puljer er tematiserede, fx målrettet grøn omstilling eller eksport."
)
C_IMPLEMENTATION = Citation(
    SOURCE, S_ACTIVITIES,
    "ny teknologi, som I enten har investeret i inden for det seneste år eller indkøber i "
    "forbindelse med projektet",
)
C_READY_TO_INVEST = Citation(
    SOURCE, S_ACTIVITIES,
    "Direkte investeringsstøtte er for virksomheder, som er klar til at investere i digitale "
    "systemer, automatisering eller e-handelsløsninger.",
)
C_INVESTMENT_RATE = Citation(
    SOURCE, S_ACTIVITIES,
    "Investeringer støttes med 25% op til et maksimalt støttebeløb på 200.000 kr.",
)
C_INVESTMENT_MIN = Citation(
    SOURCE, S_ACTIVITIES,
    "Investeringer under 40.000 kr. støttes ikke - svarende til en mindstestøttesats på "
    "10.000 kr.",
)
C_SUBSCRIPTION = Citation(
    SOURCE, S_ACTIVITIES, "Indkøb af software på abonnement støttes op til 2 år"
)
C_INELIGIBLE = Citation(
    SOURCE, S_ACTIVITIES,
    "følgende aktiviteter i et SMV:Digital-projekt ikke er støtteberettigede",
)
C_APPLICATION = Citation(
    SOURCE, S_APPLICATION,
    "skal I udfylde og indsende en ansøgning til programmet, når den pågældende pulje åbner",
)
C_ONE_AT_A_TIME = Citation(SOURCE, S_SUBMISSION, "Der kan kun ansøges til ét forløb ad gangen")
C_PREDECESSOR = Citation(
    SOURCE, S_SUBMISSION,
    "Dette gælder ligeledes for igangværende projekter i regi af Erhvervspartnerskabet for "
    "Avanceret Produktion (forløberen for SMV:Digital)",
)
C_GROUP = Citation(
    SOURCE, S_SUBMISSION,
    "Der kan kun gives tilskud til én ansøgning per koncern. Det samme gælder, hvis flere "
    "virksomheder har overlappende ejerkreds på mindst 25%.",
)
C_FIRST_COME = Citation(
    SOURCE, S_SUBMISSION,
    "jeres ansøgning vil blive vurderet efter et først-til-mølle-princip",
)
C_POOL_END = Citation(
    SOURCE, S_SUBMISSION,
    "tilskudsmidler udmøntes frem til tilskudspuljens ansøgningsfrist, eller indtil rundens "
    "samlede bevilling er uddelt",
)
C_CASE_HANDLING = Citation(
    SOURCE, S_SUBMISSION, "Sagsbehandlingstiden for modtagne ansøgninger er op til 5 uger.")
C_ADVISOR_WORK = Citation(
    SOURCE, S_SUBMISSION,
    "Kun godkendte rådgivere, som er optaget i programmets rådgiverdatabase, må udføre "
    "rådgivningsopgaver i SMV:Digital.",
)
C_ADVISOR_DATABASE = Citation(
    SOURCE, S_ADVISORS,
    "Den anvendte rådgiver skal være godkendt og oprettet i rådgiverdatabasen",
)
C_ADVISORS_EACH = Citation(SOURCE, S_ADVISORS, "Rådgiverne skal alle være godkendt individuelt.")
C_CONFLICT = Citation(
    SOURCE, S_ADVISORS,
    "Der må ikke være interessesammenfald mellem jeres virksomhed og den anvendte rådgiver",
)
C_COFINANCING_RATES = Citation(
    SOURCE, S_COFINANCING,
    "selv skal medfinansiere rådgivning med 50% og investeringer i hardware og software med 75%",
)
C_COFINANCING_EXAMPLE = Citation(
    SOURCE, S_COFINANCING,
    "Hvis I fx har en tilskudsvoucher på 100.000 kr. og ønsker det fulde tilskudsbeløb udbetalt, "
    "skal I som minimum medfinansiere 100.000 kr.",
)
C_TIMESHEET = Citation(
    SOURCE, S_COFINANCING,
    "Hvis I vælger at medfinansiere med egne timer, skal I huske at føre timeregnskab for "
    "projektet.",
)
C_HOURLY_RATE = Citation(
    SOURCE, S_COFINANCING,
    "Beregningsgrundlaget for timelønnen er medarbejderens bruttoårsløn divideret med 1613 timer.",
)
C_OWNER_RATE = Citation(
    SOURCE, S_COFINANCING,
    "kan du medtage disse timer i projektbudgettet til en timesats på 250 kr.",
)
C_INVESTMENT_PAYMENT = Citation(
    SOURCE, S_EARLY_PAYMENT, "støtten til investeringen inkl. rådgivning"
)
C_PERIOD = Citation(
    SOURCE, S_CHANGES,
    "er på 12 måneder for tilskud på 100.000 kr. eller op til 250.000 kr. og 6 måneder for "
    "tilskud på 25.000 kr.",
)
C_REPORTING = Citation(
    SOURCE, S_REPORTING, "Når I afrapporterer, skal I udfylde og indsende følgende:"
)
C_PAYMENT_REQUEST = Citation(SOURCE, S_REPORTING, "Underskrevet udbetalingsanmodning")
C_REPORT_ACCOUNTS = Citation(SOURCE, S_REPORTING, "afrapportering og regnskab")
C_MANAGEMENT_DECLARATION = Citation(SOURCE, S_REPORTING, "Underskrevet ledelseserklæring")
C_ADVISOR_INVOICE = Citation(SOURCE, S_REPORTING, "Kopi af faktura fra rådgiver")
C_PRIVATE_ADVICE = Citation(
    SOURCE, S_REPORTING,
    "vejledning til udbetaling af tilskud til privat rådgivning under SMV:Digital",
    note="the voucher is a grant for the advice bought; own hours co-finance it",
)
C_REPORT_DEADLINE = Citation(
    SOURCE, S_REPORTING,
    "Dokumenterne skal være Erhvervsstyrelsen i hænde senest 3 måneder efter afslutningen af "
    "tilsagnsperioden",
)
C_IN_PERIOD = Citation(
    SOURCE, S_REPORTING,
    "udgifter til konsulentydelser skal være betalt og interne løntimer afholdt indenfor jeres "
    "tilsagnsperiode",
)
C_PAYOUT_HANDLING = Citation(
    SOURCE, S_REPORTING,
    "Ekspeditionstiden hos Erhvervsstyrelsen er 3 uger forudsat, at dokumentation er komplet.",
)
C_EVALUATION = Citation(
    SOURCE, S_EVALUATION,
    "Tilskudsmodtageren forpligter sig til at besvare en opsamlende evaluering, der modtages op "
    "til 2 år efter projektets afslutning.",
)
