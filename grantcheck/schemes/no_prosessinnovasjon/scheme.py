"""Innovasjon Norge, Prosess- og organisasjonsinnovasjon (no-prosessinnovasjon).

Encoded, in the order of the page:
- the applicant: a small or medium-sized enterprise under the state-aid rules (the page ties the
  scheme to GBER art. 29, which applies in Norway through the EEA Agreement); a large enterprise
  only by the exception the page mentions ("kun unntaksvis"), with GBER art. 29(2)'s condition;
  a Norwegian company (soft: the page speaks of competition "mellom norske bedrifter" but does
  not exclude others in words); no harmful distortion of competition (declaration);
- from GBER, which the page ties the scheme to and which does not apply to such aid: not an
  undertaking in difficulty (art. 1(4)(c), PO11), and not in fisheries and aquaculture or
  primary agricultural production (art. 1(3)(a),(b), PO12: their exceptions, such as innovation
  aid for SMEs under art. 28, do not cover art. 29 aid; the page names no sector), and only aid
  with an incentive effect: the application is sent before work on the project starts (art.
  6(2), PO13: ``project.application_date`` before ``project.start``; the same day passes, as
  the application can precede the work that day; art. 6(5) does not exempt art. 29 aid);
- the project: process and/or organisational innovation as the page defines them (declaration);
  a substantial leap for the company, tied to a new business model (declaration); none of the
  "Hva omfattes ikke?" exclusions (one profile list, ``project.exclusions``);
- an environmental shift: a hint that the environmental technology scheme may also fit (info,
  not decided), and a warning that such a shift needs thorough analysis before the decision;
- money, from GBER and not from the page (the page names no amount): aid intensity at most 50 %
  of the eligible costs for SMEs, 15 % for a large enterprise (art. 29(4)); the notification
  threshold of EUR 7.5 million per undertaking per project (art. 4(1)(l)) above which the aid
  must be notified, checked as a binding rule: GBER "shall not apply to aid which exceeds" it,
  so such aid is not the GBER-29 financing the page offers. A grant sought above it does not
  fit; without a grant sought, the amounts stop at it (the most the scheme can give), as the
  budget command's grant and POB04 do.

Deliberately not encoded:
- a deadline, intake rhythm or amount: the page names none (the call is reported as open with
  "no deadline stated");
- GBER art. 29(3)'s wider list of eligible costs: the page's own list ("Hva kan finansieres?") is
  narrower and is what Innovasjon Norge accepts; it is :data:`.page.ELIGIBLE_COSTS`, which the
  budget command checks, not the rules here;
- whether a large enterprise's SME partners really bear 30 % of the costs: the profile has no
  cost split per partner, so the condition is stated in the message of PO01, not computed.

Readings:
- "SME" is the EU definition (Recommendation 2003/361/EC), computed by :mod:`grantcheck.law.sme`.
- The GBER rate is applied to ``project.budget_total`` read as the eligible costs; the page
  states no cap, so the grant is rate x budget, at most the notification threshold.
- The notification threshold is EUR 7.5 million, as Innovasjon Norge's GBER-29 guidance states
  it; Regulation (EU) 2023/1315 amended art. 4 and may have changed it (see the parameter note).
"""

from __future__ import annotations

from grantcheck.engine import CallWindow, Scheme
from grantcheck.law.sme import PARAMETERS as SME_PARAMETERS
from grantcheck.parameters import parameters_of
from grantcheck.schemes.no_prosessinnovasjon import COUNTRY, CURRENCY, ID, legal, parameters
from grantcheck.schemes.no_prosessinnovasjon.documents import DOCUMENTS
from grantcheck.schemes.no_prosessinnovasjon.grant import amounts
from grantcheck.schemes.no_prosessinnovasjon.page import C_INTRO, SOURCE
from grantcheck.schemes.no_prosessinnovasjon.rules import RULES

SCHEME = Scheme(
    id=ID,
    name="Prosess- og organisasjonsinnovasjon",
    agency="Innovasjon Norge",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    call=CallWindow(None, None, (C_INTRO,), note="no deadline stated", known_from=legal.KNOWN_FROM),
    legal_bases=legal.LEGAL_BASES,
    rules=RULES,
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=parameters_of(parameters, *SME_PARAMETERS),
    summary="Grants for process and organisational innovation that is a substantial leap for "
    "an SME (GBER art. 29)",
    notes=(
        "The page names no deadline, intake rhythm or amount; the aid intensity (50 % for SMEs, "
        "15 % for a large enterprise) and the notification threshold come from GBER art. 29 "
        "and 4(1)(l), not from the page.",
        "GBER does not apply to aid to an undertaking in difficulty (art. 1(4)(c)) nor in "
        "fisheries and aquaculture or primary agricultural production (art. 1(3)(a),(b)); the "
        "page names no sector, but ties the scheme to GBER art. 29.",
        "Costs the page accepts (narrower than GBER art. 29(3)): own hours/personnel costs; "
        "purchased services needed for the innovation (consultancy); depreciation or rent of "
        "components, instruments and equipment for the time and extent used in the project; "
        "purchase of IPR needed for the project.",
        "GBER applies only to aid with an incentive effect (art. 6): the application must be "
        "sent before work on the project starts (PO13); the page does not say so, but ties "
        "the scheme to GBER art. 29.",
        "A large enterprise is covered only by exception, and then only in effective "
        "collaboration with SMEs that bear at least 30 % of the total eligible costs "
        "(GBER art. 29(2)); the profile cannot show that split, so it is not computed.",
        "Regulation (EU) 2023/1315 amended the GBER notification thresholds; the EUR 7.5 million "
        "shown is the figure Innovasjon Norge's guidance states.",
    ),
)
