"""Innovationsfonden, Innobooster People: the extraordinary COVID-19 call (dk-innobooster-people).

A salary subsidy for 1–3 named full-time development employees of a young, knowledge-based Danish
start-up: 12 × min(DKK 30,000, 75 % of the monthly salary cost) per employee, at most
DKK 1,080,000 per company. Aid under GBER art. 22 (start-up aid).

Encoded, in the order of the page:
- the call: applications until 1 December 2020, the last open day (closed from 2020-12-02);
- "Hvem kan søge?": external capital of at least DKK 500,000 or turnover of at least DKK 2 million
  (either suffices; one failing and the other unknown is unknown); a Danish CVR number; the GBER
  art. 22 conditions the page lists (age, no takeover, no profit distribution, no merger with a
  non-qualifying company, small enterprise), plus "unlisted" (GBER art. 22(2), not on the page);
  no fisheries/aquaculture or primary agriculture; a controlling enterprise, and one under the
  same real owner (a person holding more than 50 % of both), meets the conditions too;
- "Hvad kan der søges til?": the funded employees (``profile.employees``): 1–3, named, full-time,
  higher education, development work, employed at application or dismissed after 2020-03-01 and
  re-hired (COVID-19 as the cause is a declaration), no new hires, no owners, salary settled, the
  same grant period starting at the earliest on the 1st of the month after the application
  month, no other public funding; for more than one funded employee, as many other full-time
  employees; one grant per company;
- "Vurderingskriterier": the knowledge-based start-up declaration (binding); the assessment
  criteria are INFO rules the tool lists but cannot decide;
- "Bedømmelsesprocessen": the form's character limits, CVs of at most 2 pages, PDF of at most
  25 MB together (hard: breaking them can mean rejection "uden realitetsbehandling"), a pitch
  deck of about 12 slides (soft);
- the documents, the amounts, and the payout schedule (as notes).

Readings chosen:
- The page is version 3, published 2020-07-03. Its parameters are dated from that day; for an
  earlier evaluation date every rule is *unknown* ("not encoded"): versions 1 (undated) and 2
  (2020-06-18, a different rule on the other employees and the pitch deck wording) are not
  encoded. The GBER art. 22 conditions are also bounded by GBER's validity, 2014-07-01 to
  2026-12-31.
- "på bevillingstidspunktet ikke være ældre end fem år": eligible up to and including the fifth
  anniversary of ``company.founded`` (a company founded on 29 February reaches it on
  28 February) on the day of the award. The award comes after the application
  (``project.application_date``, else the evaluation date or earlier: see below) and before
  the grant period starts ("tidligst … den 1. i måneden efter, at ansøgningen er godkendt"; the
  first stated ``employees[].grant_start``). Older than five on the application
  date fails (IP03); an anniversary between the application and the day before the grant start
  cannot be decided from the profile: IP03 passes and the soft IP04 warns that the award must
  come by the anniversary. Without a stated grant start, IP04 warns when the anniversary is
  within two months of the application (or evaluation) date (grantcheck's margin, not the
  page's). The same bounds apply to a controlling enterprise's age (IP11). A ``company.founded``
  after the application date is not read as young enough: the company is not registered then
  (or the date is a typo), so the rule is *unknown*, naming the field.
- An application date left out is a range, as Prosessinnovasjon's PO13 and Säker
  digitalisering's SD16 read it: an application sent on the evaluation date, or earlier, from
  2020-05-28 on (grantcheck's bound, not the page's: no application predates the appropriation
  of the call's funds, "Aktstykke nr. 182 af 28. maj 2020"). A rule passes only where every day
  in it passes, fails only where every day fails, and is otherwise unknown, naming
  ``project.application_date``: too old on the evaluation date but not on an earlier day (IP03,
  and a company of the structure, IP11); a grant start only an earlier application allows
  (IP25); a re-hired employee's grant period that an earlier application may have begun (IP16).
  A re-hired employee's stated dismissal bounds the application from below (someone not
  employed at application was dismissed by then). An earlier reading took the evaluation date
  alone, failing IP03 and IP25 and passing IP16 on a day the profile did not state.
- "er blevet afskediget": a re-hired employee was dismissed by the application; a dismissal
  after the application date (or, without one, after the evaluation date) of someone not
  employed at application contradicts it (IP16 unknown, naming ``dismissed_on``). "at fastholde
  … i en periode på 12 måneder": an employee employed at application whose stated dismissal
  comes on or after the application is kept only if it comes on the grant period's last day or
  later (before it, IP16 fails; without a grant start, a dismissal before the earliest possible
  last day fails and a later one is unknown, naming ``grant_start``); a dismissal before the
  application is one the employee came back from. (``dismissed_on`` was read for re-hired
  employees alone.)
- Full time is 37 hours a week (the page's definition): 37 or more passes.
- "afskediget efter 1. marts 2020": dismissed on 2020-03-02 or later.
- "der skal foreligge en ansættelseskontrakt senest ved bevillingsperiodens start": a re-hired
  employee's ``rehire_contract`` is read as held on the evaluation date; before the employee's
  ``grant_start`` a missing contract is still to come (a later document), from the day after it
  a contract not held fails IP16 and one not stated leaves it unknown. A ``grant_start`` not
  stated is a bound, not "not begun": the period can start on the 1st of the month after the
  application month (IP25), so from the day after that 1st IP16 without a contract held is
  unknown, naming ``grant_start`` (an earlier reading passed it as a contract still to come).
- "den 1. i måneden efter, at ansøgningen er godkendt": the approval date is not known before the
  decision, so the rule checks that the grant starts on or after the 1st of the month after the
  application month (``project.application_date``, else the range above, and the message says
  which). That 1st is the earliest start («tidligst»), not the only day a period may start on:
  a later start passes whatever its day of the month (it failed when not on a 1st). The budget's
  IPB09 reads it alike.
- The other full-time employees: ``company.employees_fte`` (owners excluded) minus one FTE per
  funded employee employed at application; fractions count. One funded employee needs none. A
  funded employee whose ``employed_at_application`` is left out may or may not be among the
  staff: the count is a range, and IP20 passes where even the most funded employees leave
  enough others, fails where even the fewest leave too few, else is unknown, naming the fields
  (it was unknown whatever the staff).
- "skal løntilskuddene dække den samme periode": two stated grant starts that differ fail IP24
  whatever a start left out would be (it was unknown while any start was left out).
- "afskediget … som følge af COVID 19 situationen" (IP17, a declaration): declared true, it holds
  whether or not the employee was employed at application; ``employed_at_application`` left
  out leaves it open only where it is declared false or not at all.
- "ca. 12 slides": a warning when the deck has fewer than 10 or more than 14 slides (a tolerance
  of two slides is grantcheck's reading of "ca.").
- "eller reel ejer har mere end 50% indflydelse, så skal disse selskaber tillige opfylde
  kravene": the companies of the structure are the ``company.related`` entries that control the
  company (``controls_company = true``) or are held more than 50 % by the same person
  (``same_real_owner = true``). A partner (25–50 %) cannot hold more than 50 %, so only linked
  entries need ``controls_company`` stated, and partner entries whose ``share_percent`` may be
  more than 50 % ("ejer mere end 50%"; a majority is linked, as the SME definition counts it):
  ``share_percent`` is the holding in either direction, and only ``controls_company`` says
  which. A real owner's other companies matter only when
  there are some: ``related = []``, or a list with none under the same real owner, passes without
  asking whether a person holds more than 50 % of the company. A linked entry that does not
  control the company is a subsidiary or a sister: ``same_real_owner`` is asked of it only when
  it would not meet the conditions (else the answer is the same either way).
- One grant per company: an entry in ``aid_received`` whose scheme is dk-innobooster-people (or
  names "Innobooster People") granted by the evaluation date is an earlier grant; one dated
  after it is not yet given then (the grant of this application, listed in a profile written
  later, as de minimis aid is counted up to the date).
- Amounts are in DKK; salaries stated in another currency are converted at the rate the output
  shows.

Deliberately not encoded:
- The rules of page versions 1 and 2 (not available; dates before 2020-07-03 are refused).
- A real owner's companies that are neither partner nor linked enterprises under the EU SME
  definition (a sister in an unrelated market): ``company.related`` holds partner and linked
  enterprises only, whose figures IP08 adds; the final auditor's statement covers the whole
  ownership structure (a note says so).
- The assessment itself (novelty, potential, execution, economic effect, first come first served
  when the budget runs out): Innovationsfonden's judgement.
- The pitch deck's required topics and that the CVs are up to date: they are part of the
  document descriptions, not checked.
"""

from __future__ import annotations

from grantcheck.engine import CallWindow, Scheme
from grantcheck.law.sme import PARAMETERS as SME_PARAMETERS
from grantcheck.money import format_percent
from grantcheck.parameters import parameters_of
from grantcheck.schemes.dk_innobooster_people import COUNTRY, CURRENCY, legal, parameters
from grantcheck.schemes.dk_innobooster_people.documents import DOCUMENTS
from grantcheck.schemes.dk_innobooster_people.grant import amounts
from grantcheck.schemes.dk_innobooster_people.page import C_DEADLINE, SCHEME_ID, SOURCE
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CALL_LAST_DAY,
    PAYOUT_FINAL,
    PAYOUT_MIDWAY,
    PAYOUT_MIDWAY_MONTH,
    PAYOUT_UPFRONT,
    V3,
)
from grantcheck.schemes.dk_innobooster_people.rules import RULES

SCHEME = Scheme(
    id=SCHEME_ID,
    name="Innobooster People (COVID-19 call)",
    agency="Innovationsfonden",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    call=CallWindow(opens=None, closes=CALL_LAST_DAY.at(V3), cites=(C_DEADLINE,),
                    note="applications handled as they come in", known_from=legal.KNOWN_FROM),
    legal_bases=legal.LEGAL_BASES,
    applicability=("IP02",),  # a company of another country without a CVR number: not applicable
    rules=RULES,
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=parameters_of(parameters, *SME_PARAMETERS),
    summary="Salary subsidy for 1–3 development employees of a young knowledge-based Danish "
    "start-up hit by COVID-19: up to DKK 30,000 a month each for 12 months",
    notes=(
        f"Payout: {format_percent(PAYOUT_UPFRONT.at(V3))} up front, "
        f"{format_percent(PAYOUT_MIDWAY.at(V3))} after month {PAYOUT_MIDWAY_MONTH.at(V3)} once "
        "the company confirms the employments continue (otherwise the payout is put on hold), "
        f"the last {format_percent(PAYOUT_FINAL.at(V3))} after an approved final report and a "
        "final auditor's statement.",
        "The auditor's statement must confirm that the company and any ownership structure it "
        "belongs to can receive start-up aid (GBER art. 22); a common majority owner's "
        "companies are checked here only as far as company.related lists them.",
        "Rules of page version 3 (2020-07-03); evaluation dates before that are not encoded.",
        "Innovationsfonden assesses novelty, business potential, execution and economic effect; "
        "qualified applications are funded in the order they were sent while the budget lasts.",
    ),
    fit_wording="eligible for assessment",
)
