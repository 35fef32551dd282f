"""Innovasjon Norge, Bedriftsnettverk: support for the main projects of business networks.

Encoded, in the order of the page: the network's growth ambitions; the sector note; the main
project of at most three years; the applicant (søkerbedrift/administrator) with economic activity
in Norway, sound finances and registration in Foretaksregisteret; the minimum requirements
(at least three SMEs with established business in Norway and sound finances, registered in
Foretaksregisteret, normally no ownership between them, Norwegian SMEs at least 50 % of the
participants, the purpose, strategic cooperation, the letter of intent); the grant of at most
NOK 750,000 per project year and 50 % of the eligible costs; own financing; one application per
project year for at most three years, the year-2 application in good time.

Readings chosen:
- The profile's company is the applicant/administrator and one of the participants;
  ``network.participants`` lists the *other* participants. "én av deltaker-bedriftene": the
  applicant is one of the participating companies, so a public body by its legal form (a
  kommunalt foretak or an IKS registered in Foretaksregisteret, say) cannot apply, nor count as
  an SME company; its legal form left out, it is not known (BN04). Counts of participants are
  counts of entities (the applicant included), not cost shares; exactly 50 % passes ("minst").
- "Small and medium-sized" is not defined on the page: the EU definition (Recommendation
  2003/361/EC) is used, through :mod:`grantcheck.law.sme`. A knowledge actor or public body is
  not an SME *company*. "Norwegian SME" means an SME company with established business in Norway.
- "Bedriftene må være registrert i Foretaksregisteret": read as the companies of the previous
  bullet, i.e. at least three of the SMEs that meet BN08 must be registered. A further SME that is
  not registered does not stop the network (it just does not count towards the three).
- A fact the profile leaves out makes a count unknown only when it could change the outcome
  (three SMEs already known pass; two known and none open fail).
- The project duration is read from ``network.duration_years``, and from ``project.start`` /
  ``project.end`` when both are given; ``project.end`` is the last day, so three years from
  2025-01-01 end on 2027-12-31.
- "I god tid" has no number on the page: grantcheck warns from two months before the end of the
  year-1 period (a parameter, grantcheck's choice) and fails only once that period has ended.
  The year-1 period is ``network.year1_end`` when stated (the agreed period), else it ends the
  day before the first anniversary of ``project.start``.
- The grant sought (``project.grant_sought``) is checked against the cap and the 50 % rate when
  the profile states it; otherwise those rules only inform, and the amounts show the maximum.

Deliberately not encoded here:
- The excluded sectors: the page says networks "in most sectors" may apply and points to the
  state-aid rules without naming any; no list is invented (a note and an info rule say so).
- The budget-line rules (cash payment at least the capital need minus public grants; booked costs
  at the administrator at least the public support; hours and direct expenses only from private
  participants in Norway) belong to ``grantcheck budget``; their citations are exported here
  (C_KONTANT, C_BOKFORTE, C_PRIVATE, C_EGENFINANSIERING) and info rules point to that command.
- The list of eligible costs is given as examples ("Eksempler på kostnader"): not a binding list.
- An order of the application and the start of the work (GBER art. 6(2)'s incentive effect,
  which no-prosessinnovasjon applies as PO13 and POB07): that page ties its financing to "GBER 29
  i Statsstøtteregelverket"; this one names no act ("Statsstøtteregelverket gir mer detaljerte
  bestemmelser for de enkelte støtteformålene"), and not every state-aid act asks for an
  incentive effect (de minimis aid does not), so none is required here.
"""

from __future__ import annotations

from grantcheck.engine import CallWindow, Scheme
from grantcheck.law import sme
from grantcheck.parameters import parameters_of
from grantcheck.schemes.no_bedriftsnettverk import (
    COUNTRY,
    CURRENCY,
    legal,
    parameters,
    rules,
    rules_money,
)
from grantcheck.schemes.no_bedriftsnettverk.documents import DOCUMENTS
from grantcheck.schemes.no_bedriftsnettverk.grant import amounts
from grantcheck.schemes.no_bedriftsnettverk.page import C_FORTLOPENDE, SCHEME_ID, SOURCE
from grantcheck.schemes.no_bedriftsnettverk.parameters import FIT_WORDING
from grantcheck.schemes.no_bedriftsnettverk.sections import (
    S_APPLICANT,
    S_COSTS,
    S_MONEY,
    S_NETWORK,
    S_STATUS,
)

NOTES = (
    "Meeting every minimum requirement makes the project relevant for closer assessment "
    "(«relevant og aktuell for nærmere vurdering»), not granted: Innovasjon Norge assesses it.",
    "Networks in most sectors can apply; the state-aid rules exclude some sectors that the page "
    "does not name. grantcheck does not list them: ask Innovasjon Norge's district office.",
    "One application per project year, for up to three years; the amounts are per yearly "
    "application. The year-2 application must be sent in good time before year 1 ends: "
    "grantcheck warns from two months before (its own choice; the page gives no number).",
    "The eligible costs on the page are examples, not a binding list: a cost of another kind "
    "needs a justification.",
    "Budget-line rules are checked by `grantcheck budget`: the cash payment must be at least the "
    "capital need minus public grants; the administrator's booked costs at least the public "
    "support; only private participants in Norway may book hours and direct expenses.",
    "Project documents may be attached to the e-application as additional information.",
)

# the order `grantcheck show` gives the catalogue's headings (the rules name their own)
SECTION_ORDER = (S_STATUS, S_APPLICANT, S_NETWORK, S_MONEY, S_COSTS)

SCHEME = Scheme(
    id=SCHEME_ID,
    name="Bedriftsnettverk (main projects)",
    agency="Innovasjon Norge",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    call=CallWindow(None, None, (C_FORTLOPENDE,), note="continuous intake, no deadline",
                    known_from=legal.KNOWN_FROM),
    legal_bases=legal.LEGAL_BASES,
    applicability=("BN07",),  # another country's company not in Foretaksregisteret: not applicable
    rules=(*rules.rules.rules, *rules_money.rules.rules),
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=parameters_of(parameters, *sme.PARAMETERS),
    summary="Strategic business networks of at least three Norwegian SMEs: up to NOK 750,000 "
    "per project year for up to three years, at most 50 % of the eligible costs",
    notes=NOTES,
    fit_wording=FIT_WORDING,
)


