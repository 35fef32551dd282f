"""Innobooster People's page (version 3, 2020-07-03): its source and citations, in page order.

Each citation is the heading it stands under and a short verbatim quote in Danish; reading them
top to bottom is reading the page (tests/sources/dk-innobooster-people.txt). The EU law the page
rests on (GBER art. 22, art. 1(3), art. 59) follows at the end: it is not on the page.
"""

from __future__ import annotations

from grantcheck.citations import Citation, Source, eu
from grantcheck.law import gber
from grantcheck.law.gber import GBER
from grantcheck.schemes.dk_innobooster_people import ID

SCHEME_ID = ID

SOURCE = Source(
    id=SCHEME_ID,
    title="Innovationsfonden, Innobooster People (version 3, 2020-07-03)",
    publisher="Innovationsfonden",
    language="da",
    url="https://innovationsfonden.dk/da/programmer/innobooster-people",
)

# --- citations, in the order of the page --------------------------------------------------------

_TOP = "Innobooster People"
_WHO = "Hvem kan søge?"
_WHAT = "Hvad kan der søges til?"
_CRITERIA = "Vurderingskriterier"
_PROCESS = "Bedømmelsesprocessen"
_PAYOUT = "Udbetalinger, regnskab og rapportering"

C_DEADLINE = Citation(SOURCE, _TOP, "Vi tager løbende imod ansøgninger frem til 1. december 2020")
C_SUBSIDY = Citation(SOURCE, "Hvad?", "Løntilskud på op til 30.000 kr. pr. måned pr. medarbejder "
                     "i 12 måneder til 1-3 fuldtidsansatte.")
C_CAP = Citation(SOURCE, "Hvor meget?", "Maks. 1.080.000 kr. pr. virksomhed.")
C_DISMISSED_FOOTNOTE = Citation(
    SOURCE, _TOP, "For medarbejdere, der er ansat i virksomheden på ansøgningstidspunktet, eller "
    "som er afskediget efter 1. marts 2020.")
C_KEEP = Citation(SOURCE, _TOP, "løntilskud til at fastholde eller genansætte op til tre centrale "
                  "medarbejdere i en periode på 12 måneder")
C_ONE_OF_TWO = Citation(SOURCE, _WHO, "at virksomheden opfylder et af to krav")
C_CAPITAL = Citation(
    SOURCE, _WHO, "Virksomheden har samlet set tiltrukket kapital på min. 500.000 kr. i form af "
    "konvertibelt lån, kapitalindskud eller bevilling fra en ekstern investor eller fra et "
    "offentligt forsknings-, udviklings- eller innovationsprogram")
C_TURNOVER = Citation(SOURCE, _WHO, "Virksomheden har opnået en omsætning på mindst 2 mio. kr. i "
                      "seneste afsluttede regnskabsår")
C_CVR = Citation(SOURCE, _WHO, "Virksomheden skal desuden have et dansk CVR nummer for at kunne "
                 "ansøge.")
C_ART22_PAGE = Citation(SOURCE, _WHO, "Disse er beskrevet i forordningens artikel 22, stk. 2.")
C_AGE = Citation(SOURCE, _WHO,
                 "Virksomheden må på bevillingstidspunktet ikke være ældre end fem år")
C_TAKEOVER = Citation(SOURCE, _WHO, "Virksomheden må ikke have overtaget en anden virksomheds "
                      "aktivitet")
C_PROFITS = Citation(SOURCE, _WHO, "have udloddet overskud")
C_MERGER = Citation(SOURCE, _WHO, "være opstået gennem fusion med et selskab, der ikke opfylder "
                    "kravene")
C_SMALL = Citation(SOURCE, _WHO, "Virksomheden skal have under 50 ansatte, samt højest 10 mio. EUR "
                   "i årlig omsætning eller årlig samlet balance.")
C_SECTOR = Citation(
    SOURCE, _WHO, "Der kan ikke gives bevilling til virksomheder inden for fiskeri- og "
    "akvakultursektoren og sektoren for primærproduktion af landbrugsprodukter")
C_STRUCTURE = Citation(
    SOURCE, _WHO, "Hvis virksomheden indgår i en ejerstruktur, hvor et andet selskab har "
    "bestemmende indflydelse (ejer mere end 50%), eller reel ejer har mere end 50% indflydelse, "
    "så skal disse selskaber tillige opfylde kravene under Etableringsstøtteordningen.")
C_EMPLOYEES = Citation(SOURCE, _WHAT, "til 1-3 fuldtidsansatte udviklingsmedarbejdere med en "
                       "videregående uddannelse")
C_FULL_TIME = Citation(SOURCE, _WHAT, "skal være fuldtidsansatte (37 timer/uge)")
C_EMPLOYED = Citation(
    SOURCE, _WHAT, "allerede ansatte (fuldtidsansatte medarbejdere der er ansat i virksomheden på "
    "ansøgningstidspunktet)")
C_DISMISSED = Citation(SOURCE, _WHAT, "der er blevet afskediget efter 1. marts 2020 som følge af "
                       "COVID 19 situationen")
C_REHIRE = Citation(SOURCE, _WHAT, "hvor virksomheden ønsker at genansætte de samme personer")
C_NEW_HIRES = Citation(SOURCE, _WHAT, "at foretage nyansættelser af medarbejdere, hverken "
                       "nyoprettede stillinger eller")
C_NEW_HIRES_2 = Citation(SOURCE, _WHAT, "nye medarbejdere, der overtager tidligere medarbejderes "
                         "stillinger")
C_ONE_GRANT = Citation(SOURCE, _WHAT, "Der kan maks. søges om 1.080.000 kr. pr. virksomhed, og der "
                       "gives max. 1. bevilling pr. virksomhed.")
C_OTHERS = Citation(SOURCE, _WHAT, "er det en forudsætning, at der er et tilsvarende antal "
                    "fuldtidsansatte i virksomheden på overenskomstlignende vilkår")
C_OTHERS_EXAMPLE = Citation(SOURCE, _WHAT, "at der ud over disse er to andre fuldtidsansatte "
                            "medarbejdere/FTE-er i virksomheden")
C_FTE = Citation(SOURCE, _WHAT, "Full-time Equivalent), ekskl. ejere")
C_OWNERS = Citation(SOURCE, _WHAT, "Der kan ikke søges løntilskud til ejere")
C_OWNER_DEF = Citation(SOURCE, _WHAT, "Med ejer forstås en person, der ejer mindst 5% af "
                       "virksomheden.")
C_NAMED = Citation(SOURCE, _WHAT, "Bevilling kan kun søges til navngivne medarbejdere")
C_SALARY_SETTLED = Citation(SOURCE, _WHAT, "medarbejderes løn skal være afklaret på "
                            "ansøgningstidspunktet")
C_REHIRE_CONTRACT = Citation(SOURCE, _WHAT, "For genansættelser gælder det, at der skal foreligge "
                             "en ansættelseskontrakt senest ved bevillingsperiodens start")
C_SAME_PERIOD = Citation(
    SOURCE, _WHAT, "Søges der om flere personer, skal løntilskuddene dække den samme periode.")
C_START = Citation(SOURCE, _WHAT, "Bevillingen kan tidligst gives med starttidspunkt den 1. i "
                   "måneden efter, at ansøgningen er godkendt.")
C_RATE = Citation(SOURCE, _WHAT, "Der kan max. søges om medfinansiering fra Innovationsfonden på "
                  "75% af lønudgifterne til hver enkelt medarbejder.")
C_OTHER_FUNDING = Citation(SOURCE, _WHAT, "Disse lønudgifter må ikke være dækket fra andre "
                           "støtteordninger indført som følge af COVID-19 eller andre offentlige "
                           "løntilskud.")
C_OTHER_PROJECTS = Citation(SOURCE, _WHAT, "ikke samtidig afregne deres tid i andre projekter")
C_ONLY_SALARY = Citation(SOURCE, _WHAT, "Der kan ikke via bevillingen dækkes andre udgifter end "
                         "løntilskuddet.")
C_KNOWLEDGE = Citation(SOURCE, f"{_CRITERIA}: Nyhedsværdi", "At der er tale om en videnbaseret "
                       "startup med en innovativ løsning")
C_DEV_TASKS = Citation(SOURCE, f"{_CRITERIA}: Nyhedsværdi", "At de medarbejdere som der søges "
                       "midler til varetager udviklingsopgaver i virksomheden")
C_POTENTIAL = Citation(SOURCE, f"{_CRITERIA}: Forretningsmæssigt potentiale", "At det er "
                       "sandsynliggjort, at virksomheden kan opnå en væsentlig vækst og indtjening "
                       "inden for 3-5 år")
C_VALIDATED = Citation(
    SOURCE, f"{_CRITERIA}: Gennemførsel", "At virksomheden og dens resultater er "
    "tilstrækkeligt forretningsmæssigt og/eller teknologisk validerede")
C_TEAM = Citation(SOURCE, f"{_CRITERIA}: Gennemførsel", "At virksomheden har et stærkt og "
                  "kvalificeret team vurderet ud fra faglige kompetencer og erfaringer")
C_COVID_NEED = Citation(SOURCE, f"{_CRITERIA}: Økonomisk effekt", "At virksomheden har et tydeligt "
                        "behov begrundet i COVID-19 situationen for tilskud for at kunne fastholde "
                        "sin udviklingskapacitet")
C_FIRST_COME = Citation(SOURCE, _CRITERIA, "vil bevillinger blive givet ud fra den rækkefølge, som "
                        "ansøgningerne er indsendt i")
C_FORM = Citation(SOURCE, _PROCESS, "Ansøgningen består af et kort ansøgningsskema vedhæftet et "
                  "pitch deck")
C_CV_PAGES = Citation(SOURCE, _PROCESS, "(maks. 2 sider pr. person)")
C_CHALLENGES = Citation(SOURCE, _PROCESS, "Hvordan ser virksomhedens finansieringshorisont/runway "
                        "ud? (maks. 3000 tegn inkl. mellemrum)")
C_DEVELOPMENT = Citation(SOURCE, _PROCESS, "Hvilke udviklingsopgaver skal gennemføres af de "
                         "personer, der søges investering til? (maks. 2000 tegn inkl. mellemrum)")
C_RESULTS = Citation(SOURCE, _PROCESS, "Hvilke resultater forventer virksomheden af investeringen? "
                     "(maks. 2000 tegn inkl. mellemrum)")
C_SLIDES = Citation(SOURCE, _PROCESS, "Pitch decket skal bestå af ca. 12 slides.")
C_PITCH_TOPICS = Citation(
    SOURCE, _PROCESS, "Der er ikke en obligatorisk struktur for pitch decket, men følgende "
    "områder skal være omfattet")
C_CV_CURRENT = Citation(SOURCE, _PROCESS, "Det skal sikres, at de fremsendte CV'er er opdaterede")
C_PDF = Citation(SOURCE, _PROCESS, "skal uploades i PDF-format og må tilsammen maksimalt fylde "
                 "25 MB.")
C_FORMAL = Citation(SOURCE, _PROCESS, "manglende overholdelse af formkrav i ansøgningsmaterialet "
                    "eller af ansøgningsfrister kan medføre, at en ansøgning afvises uden "
                    "realitetsbehandling")
C_PAYOUT = Citation(SOURCE, _PAYOUT, "Bevillingen udbetales med en forudbetaling på 50% af det "
                    "bevilgede beløb, og herefter 25% efter 6. måned")
C_CONFIRM = Citation(SOURCE, _PAYOUT, "såfremt virksomheden inden da bekræfter, at "
                     "ansættelsesforholdet stadig er gældende")
C_REPORT = Citation(SOURCE, _PAYOUT, "Afslutningsvis indsendes en rapport over virksomhedens "
                    "forretningsmæssige og teknologiske udvikling i bevillingsperioden")
C_AUDITOR = Citation(SOURCE, _PAYOUT, "Den afsluttende revisorerklæring skal bekræfte, at alle "
                     "afgivne oplysninger er korrekte")
C_LAST_PAYOUT = Citation(SOURCE, _PAYOUT, "Den resterende udbetaling på de sidste 25% udbetales "
                         "først, når der foreligger en godkendt rapportering og en afsluttende "
                         "revisorerklæring.")
C_TILDELES = Citation(SOURCE, _WHAT, "Tilskud tildeles under EU-Kommissionens generelle "
                      "gruppefritagelsesforordning for statsstøtte, artikel 22 om "
                      "etableringsstøtte.")
C_AKTSTYKKE = Citation(SOURCE, _CRITERIA, "Udmøntningen af midlerne sker på grundlag af Aktstykke "
                       "nr. 182 af 28. maj 2020 og efter §18, stk1 i Lov nr. 306 af 29. marts "
                       "2014 om Danmarks Innovationsfond.")
C_VERSION = Citation(SOURCE, "Versionshistorik", "Version 3 offentliggjort d. 3. juli 2020.")

# EU law (not on the page)
C_GBER_22 = eu(GBER, "Article 22(2)",
               "Eligible undertakings shall be unlisted small enterprises up to five years "
               "following their registration, which have not yet distributed profits and which "
               "have not been formed through a merger.")
C_GBER_1_3 = gber.ART_1_3_AB


# --- the headings of the requirements catalogue (`grantcheck show`), each rule's section ------

S_APPLICANT = "Applicant"
S_EMPLOYEES = "Employees the grant is for"
S_MONEY = "Money"
S_DOCUMENTS = "Documents"
