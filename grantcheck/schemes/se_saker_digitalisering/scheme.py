"""Tillväxtverket, Stärk företagens konkurrenskraft med säker digitalisering (pilot call, 2023).

Encoded, in the order of the page:
- the call window: closes 1 March 2023 (the last open day; closed from 2 March); no opening date
  is named, but the call continues the 2022 pilot, so an application dated before 2022-07-01
  fails (SD20, by that bound);
- the applicant: an innovation- or business-promoting organisation, public or private, that offers
  small companies qualified information, advice and coaching, or a region applying for a group of
  them (whose members then meet the same criteria); its own competence, experience and networks
  (declarations); regional anchoring (a merit: soft); a sole trader cannot apply; an applicant
  outside Sweden gets a warning (the call is for "Hela Sverige" and regional promoters, but does
  not exclude others in words: soft);
- the target companies: a smaller group of SMEs with growth ambitions, basic digital competence and
  similar challenges (declaration); at least 10 employees ("bör": soft); an existing basic
  methodology, dialogue with the companies and a clear project logic (declaration);
- the theme: one of the example themes; another needs a dialogue with Tillväxtverket (soft);
- money: the training add-on's cap; the minimum application; the call's whole budget as a ceiling
  (derived); Tillväxtverket's share of at most 50 % of the total budget; the applicant's cash
  co-financing of at least 50 %;
- the project period: carried out in 2023 ("genomförandetid under 2023": a start before 2023-01-01
  fails), from the application date at the earliest, to 2023-10-31 at the latest; a date left
  out is bounded by the one stated (the end is never before the start), so an end in 2022 or
  before the application date fails, as does a start after 2023-10-31;
- collaboration agreements are not recommended (soft);
- the application contents as documents, and the unnamed mandatory attachments as a reminder.

Deliberately not encoded:
- which EU state-aid regulation applies: the page says only "Stödet omfattas av EU:s
  statsstödsregler", and Förordning (2015:210) § 13 is cited without quoting it here;
- the cost rules (only costs inside the project period; the eligible cost types): they belong to
  the budget command and are exported as ``PROJECT_PERIOD_COSTS`` and ``ELIGIBLE_COSTS``;
- the final report date (2023-11-30): an obligation after the grant, shown as a note;
- an applicant in bankruptcy, liquidation or otherwise in difficulty (``company.in_difficulty``
  is not read): neither the page nor a legal basis it names excludes one. The page says only
  "Stödet styrs av Förordning 2015:210 … se särskilt §13" and "Stödet omfattas av EU:s
  statsstödsregler"; it names no EU regulation, and the ordinance (§ 4) lets aid be given under
  GBER (Regulation (EU) No 651/2014) or under de minimis (Regulation (EU) No 1407/2013, in force
  for this 2023 call). GBER does not apply to "aid to undertakings in difficulty" (art. 1(4)(c));
  de minimis has no such exclusion for a grant (only aid in loans or guarantees to an undertaking
  in collective insolvency proceedings is not transparent, art. 4(3)(a), 4(6)(a)). Which of the
  two the call used is not stated, so excluding such an applicant would be a verdict past the
  encoded law (SMV:Digital, under de minimis, does not read it either).

Readings:
- "Lägsta belopp för ansökan är 500 tkr" is read as the grant sought (``project.grant_sought``),
  so the total budget is at least SEK 1,000,000 at 50 %.
- The call's whole budget ("Max 10 mkr finns totalt till förfogande") bounds any single grant.
- The training add-on ("Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande
  person") is read as a cap on the activity's cost (``project.training_addon.amount``), at most
  min(SEK 180,000, SEK 30,000 x persons), financed at 50 % like the rest, as the budget command
  reads its training lines; a profile without ``project.training_addon`` seeks no add-on.
  Without its persons, an add-on above SEK 180,000 fails and any other is unknown (the persons
  only lower the cap).
- Whether the applicant's own paid staff costs count as cash co-financing is not on the page.
- Amounts in another currency than SEK are compared with the SEK figures converted at the stated
  rate.
"""

from __future__ import annotations

from grantcheck.engine import CallWindow, Scheme
from grantcheck.parameters import parameters_of
from grantcheck.schemes.se_saker_digitalisering import COUNTRY, CURRENCY, ID, legal, parameters
from grantcheck.schemes.se_saker_digitalisering.documents import DOCUMENTS
from grantcheck.schemes.se_saker_digitalisering.grant import amounts
from grantcheck.schemes.se_saker_digitalisering.page import C_STANGER, SOURCE
from grantcheck.schemes.se_saker_digitalisering.parameters import CALL_CLOSES, LAST_OPEN_DAY
from grantcheck.schemes.se_saker_digitalisering.rules import (
    S_APPLICANT,
    S_CONTENT,
    S_MONEY,
    S_STATUS,
    S_TARGET,
    rules,
)

# the order `grantcheck show` gives the catalogue's headings (the rules name their own)
SECTION_ORDER = (S_STATUS, S_APPLICANT, S_TARGET, S_MONEY, S_CONTENT)

SCHEME = Scheme(
    id=ID,
    name="Stärk företagens konkurrenskraft med säker digitalisering (pilot)",
    agency="Tillväxtverket",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    # SD20: the call cannot have opened before the 2022 pilot ended (legal.KNOWN_FROM)
    call=CallWindow(None, CALL_CLOSES.at(LAST_OPEN_DAY), (C_STANGER,), known_from=legal.KNOWN_FROM,
                    applications_from=legal.KNOWN_FROM),
    legal_bases=legal.LEGAL_BASES,
    rules=tuple(rules.rules),
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=parameters_of(parameters),
    summary="Pilot call (closed 1 March 2023) for promoters running secure-digitalisation "
    "projects with small companies; up to 50 % of the budget",
    notes=(
        "The minimum 'Lägsta belopp för ansökan är 500 tkr' is read as the grant sought, so the "
        "total budget must be at least SEK 1,000,000.",
        "Whether the applicant's own paid staff costs count as cash co-financing is a reading, "
        "not the page's words ('kontant medfinansiering, från egen organisation eller från "
        "extern aktör'): confirm with Tillväxtverket.",
        "The training add-on's maximum (SEK 180,000, or SEK 30,000 per person: 'Maxbelopp för "
        "denna aktivitet') is read as a cap on the training's cost, which lies inside the same "
        "50 % co-financing; the grant is paid only on reporting of the work done.",
        "Only costs inside the project period count (from the application date to 2023-10-31); "
        "the final report is due by 2023-11-30.",
        "Eligible cost types: personnel, flat rate (schablon), external services, investments "
        "(small costs for digital tools), travel and accommodation.",
        "Legal basis: Förordning (2015:210), § 13, and the EU state-aid rules (the page names "
        "no regulation; not encoded).",
    ),
)

