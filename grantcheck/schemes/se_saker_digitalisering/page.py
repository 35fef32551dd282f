"""Säker digitalisering: the call page's source and its citations, in the order of the page, and
the ordinance the page names."""

from __future__ import annotations

from grantcheck.citations import Citation, Source

SOURCE = Source(
    id="se-saker-digitalisering",
    title="Tillväxtverket: Stärk företagens konkurrenskraft med säker digitalisering",
    publisher="Tillväxtverket",
    language="sv",
    url="https://tillvaxtverket.se/tillvaxtverket/utlysningar/"
    "starkforetagenskonkurrenskraftmedsakerdigitalisering",
)
FORORDNING = Source(
    id="sfs-2015-210",
    title="Förordning (2015:210) om statligt stöd för att främja små och medelstora företag",
    publisher="Regeringen (Näringsdepartementet)",
    language="sv",
    url="https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
    "forordning-2015210-om-statligt-stod-for-att_sfs-2015-210/",
    is_scheme_page=False,
)

# --- citations, in the order of the page -------------------------------------------------------

TITLE = "Stärk företagens konkurrenskraft med säker digitalisering"
C_STANGER = Citation(SOURCE, TITLE, "Stänger 1 mars 2023")
C_HELA_SVERIGE = Citation(SOURCE, TITLE, "Hela Sverige")
C_PILOT_2022 = Citation(
    SOURCE, "Vad är bakgrunden till utlysningen?",
    "pilotinsats för Säker digitalisering som drevs under ett halvår 2022",
    note="the page speaks of the 2022 pilot as past and builds on its experience ('Insatsen "
    "bygger vidare på erfarenheter från'): six months run in 2022 end on 2022-06-30 at the "
    "earliest, so the call did not open before 2022-07-01 (the page names no opening day)")
C_REGIONALA = Citation(
    SOURCE, "Syfte och mål",
    "Ökade kunskaper hos regionala innovations- och företagsfrämjare inom säker digitalisering.")
C_MAX_10_MILJONER = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?", "I utlysningen fördelas max 10 miljoner kronor.")
C_MAX_50_PROCENT = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Tillväxtverket finansierar max 50 procent av projektets totalbudget.")
C_FRAMJARE = Citation(
    SOURCE, "Vem kan söka?",
    "Satsningen vänder sig till företags- och innovationsfrämjande aktörer, offentliga och "
    "privata, som företräder och i sin verksamhet idag erbjuder småföretag kvalificerad "
    "information, rådgivning och coachning.")
C_GRUNDKOMPETENS = Citation(
    SOURCE, "Vem kan söka?",
    "ska ha en egen grundkompetens inom affärsutveckling och digitalisering inklusive "
    "grundläggande kunskaper inom digital säkerhet")
C_ERFARENHET = Citation(
    SOURCE, "Vem kan söka?",
    "Sökande organisation ska ha egna erfarenheter av arbete med relevanta och befintliga "
    "projektmodeller, metoder och verktyg")
C_NATVERK = Citation(
    SOURCE, "Vem kan söka?",
    "De ska också ha tillgång till relevanta nätverk, marknadskanaler och samarbetspartner")
C_REGION = Citation(
    SOURCE, "Vem kan söka?",
    "En region kan också söka finansiering för att företräda en grupp av företags- och "
    "innovationsfrämjare.")
C_REGION_KRITERIER = Citation(
    SOURCE, "Vem kan söka?",
    "I övrigt gäller kriterierna för deltagande innovations- och företagsfrämjare enligt ovan.")
C_MERVARDE = Citation(
    SOURCE, "Vem kan söka?", "Det är ett mervärde om projektet har en regional förankring")
C_ENSKILDA = Citation(SOURCE, "Vem kan söka?", "Enskilda näringsidkare kan inte söka stödet.")
C_MINDRE_GRUPP = Citation(
    SOURCE, "Målgruppen företag",
    "I utvecklingsprojekten ska aktiviteter genomföras med en mindre grupp av företag.")
C_LIKNANDE = Citation(
    SOURCE, "Målgruppen företag",
    "Deltagande företag i insatsen ska ha någorlunda liknande utmaningar")
C_TILLVAXT = Citation(
    SOURCE, "Målgruppen företag",
    "Målgruppen ska vara företag med tillväxtambitioner och bör ha minst 10 anställda.")
C_DIGITAL_KOMPETENS = Citation(
    SOURCE, "Målgruppen företag",
    "Deltagande företag ska ha grundläggande kompetenser inom digitalisering.")
C_DIALOG = Citation(
    SOURCE, "Målgruppen företag",
    "Projekten ska drivas och utvecklas i dialog och samråd med deltagande företag.")
C_GRUPPDYNAMIK = Citation(
    SOURCE, "Målgruppen företag",
    "Nätverkande och gruppdynamik mellan deltagande företag är en viktig komponent för "
    "projektgenomförandet.")
C_GRUNDMETODIK = Citation(
    SOURCE, "Vad kan ni söka för?",
    "använda sig av en befintlig grundmetodik för genomförandet")
C_TEMA = Citation(
    SOURCE, "Grundtema i ansökan",
    "Projekten ska, utöver grundutmaningen digital säkerhet, välja ett tema i ansökan.")
C_ANDRA_TEMAN = Citation(
    SOURCE, "Andra teman",
    "Förslag på teman välkomnas också. Kontakta Tillväxtverket för en dialog i frågan.")
CRITERIA = "Bedömningskriterier - beskrivningar och uppgifter som ska finnas med i ansökan"
C_DOC_ANTAL = Citation(SOURCE, CRITERIA, "Uppgifter om antalet deltagande företag.")
C_DOC_TID = Citation(
    SOURCE, CRITERIA, "En uppskattning i tid av omfattningen av företagens deltagande.")
C_DOC_KON = Citation(
    SOURCE, CRITERIA,
    "En uppskattning av fördelningen mellan män och kvinnor som representerar deltagande "
    "småföretag.")
C_DOC_KOMPETENS = Citation(
    SOURCE, CRITERIA,
    "Relevant kompetens och erfarenhet för projektgenomförandet ska framgå av ansökan.")
C_DOC_STRATEGI = Citation(
    SOURCE, CRITERIA,
    "Strategi för hur resultat, kunskap och erfarenheter från projektet kan nyttiggöras i egen "
    "organisation")
C_DOC_TEMA = Citation(
    SOURCE, CRITERIA, "Val av grundtema för digitaliseringsinriktning för projektet")
C_DOC_AGENDA = Citation(SOURCE, CRITERIA, "Val av relevant(a) mål i Agenda 2030 för projektet")
C_DOC_FASER = Citation(
    SOURCE, CRITERIA, "Projekten genomförs genom en introduktions- och en fördjupningsfas.")
C_DOC_UTMANING = Citation(
    SOURCE, CRITERIA,
    "Den specifika utmaningen och behoven hos målgruppen av företag i projektet avseende "
    "digital säkerhet")
C_DOC_LEDNING = Citation(
    SOURCE, CRITERIA,
    "hur de deltagande företagens ledningar och styrelser involveras och gynnas av "
    "aktiviteterna")
ADDON = "Tilläggsinsats för ansökan"
C_TILLAGG = Citation(
    SOURCE, ADDON,
    "Utbildning/kompetensutveckling inom digital säkerhet av egen personal hos den sökande "
    "projektorganisationen")
C_TILLAGG_MAX = Citation(
    SOURCE, ADDON, "Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person.")
C_TILLAGG_TYP = Citation(SOURCE, ADDON, "Typ av utbildning ska anges i ansökan.")
C_LAGSTA = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?", "Lägsta belopp för ansökan är 500 tkr.")
C_MAX_10_MKR = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Max 10 mkr finns totalt till förfogande för utlysningen.")
C_FORORDNINGSKRAV = Citation(
    SOURCE, "Hur mycket kan ni få i stöd?",
    "Förordningskraven för regionalanslag och för denna typ av insats kräver 50 procents "
    "medfinansiering.")
C_GENOMFORANDETID = Citation(
    SOURCE, "Hur länge kan projektet pågå?", "Pilotprojekten har en genomförandetid under 2023.")
C_PERIOD = Citation(
    SOURCE, "Hur länge kan projektet pågå?",
    "Projekten kan tidigast starta från ansökningsdatum och som längst drivas t o m 2023-10-31.")
C_SLUTRAPPORT = Citation(
    SOURCE, "Hur länge kan projektet pågå?", "De ska slutredovisas senast 2023-11-30.")
RULES_SECTION = "Vilka krav, villkor och regler gäller?"
C_KOSTNADER_PERIOD = Citation(
    SOURCE, RULES_SECTION, "Du kan bara få pengar för kostnader du haft under projektperioden.")
C_PERIOD_START = Citation(
    SOURCE, RULES_SECTION,
    "En projektperiod kan tidigast starta det datum som ansökan elektroniskt kommit in till "
    "Tillväxtverket.")
C_FORTSATTNING = Citation(
    SOURCE, RULES_SECTION,
    "Observera att ansökan i Min ansökan hittas under namnet Pilot fortsättning säker "
    "digitalisering.",
    note="the call continues the 2022 pilot: it opened after it")
C_UTBETALNING = Citation(
    SOURCE, RULES_SECTION,
    "Om ditt projekt beviljas stöd kommer du i samband med rapportering av genomförda insatser "
    "att få stödet utbetalt.")
C_STODET_STYRS = Citation(SOURCE, RULES_SECTION, "Stödet styrs av Förordning 2015:210")
C_STATSSTOD = Citation(SOURCE, RULES_SECTION, "Stödet omfattas av EU:s statsstödsregler.")
C_MEDFINANSIERING = Citation(
    SOURCE, "Medfinansiering",
    "Medfinansiering från den som ansöker om stöd ska uppgå till 50 procent av projektets budget "
    "i form av kontant medfinansiering, från egen organisation eller från extern aktör.")
C_PROJEKTLOGIK = Citation(
    SOURCE, "Hur handläggs och beslutas er ansökan?",
    "Det ska finnas en logisk koppling mellan utmaning, syfte, mål och aktiviteter (projektlogik) "
    "och en organisatorisk förmåga att genomföra projektet på ett bra sätt under en kort "
    "projekttid.")
C_SAMVERKANSAVTAL = Citation(
    SOURCE, "Hur handläggs och beslutas er ansökan?",
    "Observera att vi för denna utlysning inte rekommenderar några samverkansavtal.")
C_KOSTNADSSLAG = Citation(
    SOURCE, "Hur ska vi förbereda oss inför ansökan?",
    "De specifika stödberättigade kostnader som du kan använda för ditt projekt är personal, "
    "schablon, externa tjänster, investeringar, resor och logi.")
C_INVESTERINGAR = Citation(
    SOURCE, "Hur ska vi förbereda oss inför ansökan?",
    "Investeringar avser här mindre kostnader för digitala verktyg som stöd för "
    "projektgenomförandet.")
C_BILAGOR = Citation(SOURCE, "Så ansöker ni", "Glöm inte obligatoriska bilagor.")

# Swedish law: the legal basis the page names (not the scheme page itself).
SFS_ISSUED = Citation(FORORDNING, "SFS 2015:210", "",
                      note="utfärdad den 26 mars 2015: the earliest day the ordinance can apply; "
                      "the day it entered into force is not in the sources grantcheck holds")
SFS_13 = Citation(FORORDNING, "13 §", "",
                  note="stöd till företagsutveckling, as the page names it; not quoted here")
