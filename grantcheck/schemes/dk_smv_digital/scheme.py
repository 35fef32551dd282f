"""Erhvervsstyrelsen, SMV:Digital: vouchers for digital projects in small and medium-sized firms.

Encoded, in the order of the application guide: the target group (Danish CVR number; turnover at
most EUR 50 million or balance sheet total at most EUR 43 million; de minimis aid within the
ceiling, also with the grant sought; own financing of 50 %); the three vouchers, each reported as
a tier of its own (DKK 25,000: 2–20 full-time employees; DKK 100,000: 3–249 full-time employees
and turnover of at least DKK 2 million; up to DKK 250,000: as for 100,000, plus the technology
choice settled and a business case made); how full-time employees are counted (owners at most one
FTE in total, an explanation where cvr.dk is not right); an earlier SMV:Digital or
Erhvervspartnerskab project finished and reported; the award criteria (growth ambitions,
anchoring, new technology, the pool's theme if any); implementation projects on technology bought
within the last year or in the project; direct investment support (only the up-to-250,000
voucher: 25 % of the investment, at most DKK 200,000, nothing under DKK 40,000; the company ready
to invest); the activities that are not eligible; one grant per group; approved advisors without
conflict of interest; the co-financing rates and forms; the project periods; the documents
before and after the project.

Readings chosen:
- Full-time employees (FTE) = ``company.employees_fte`` + min(``company.owners_fte``, 1): owners
  count at most one FTE in total. Both must be stated (owners 0 if none work in the firm). Ranges
  are inclusive and never rounded: 1.6 FTE does not reach 2.
- Size, twice. The page's bullet (SMV02): the company's own turnover and balance sheet total
  (latest closed year), EUR ceilings converted with the dated ECB/InforEuro rate that the finding
  states. And the page's first sentence, "målrettet små og mellemstore virksomheder (læs mere om
  definitionen af SMV'er her)", whose link leads to the EU SME definition (SMV32,
  ``grantcheck.law.sme``): staff, turnover and balance sheet with partner enterprises pro rata
  and linked ones in full, not an SME at 25 % public ownership, the two-year rule; unstated
  ``company.related`` or ``company.public_ownership_percent`` leave it unknown where they could
  make it large. (An earlier reading used the own figures only, "the page states the ceilings
  for the applying company"; the link to the definition says how the page's "virksomhed" is
  counted.)
- De minimis: the page quotes EUR 200,000 over the current and the two previous fiscal years
  (Regulation (EU) No 1407/2013). That regulation applied from 2014-01-01 to 2023-12-31;
  Regulation (EU) 2023/2831 replaced it from 2024-01-01 with EUR 300,000 over any rolling period
  of three years (aid granted before 2024 still counts). Neither regulation applies to aid to
  undertakings in fisheries and aquaculture or primary agricultural production (art. 1(1)(a),
  (b)), but both allow aid to other activities kept apart (art. 1(2)); the page does not state
  the exclusion, so SMV35 warns (``grantcheck.law.de_minimis_scope.sector_in_scope``). The
  regime in force on the evaluation date is applied (dated parameters). The page says
  "statsstøtte"; the regulation it cites counts de minimis aid, so only ``aid_received``
  entries with ``de_minimis = true`` are summed, and earlier SMV:Digital grants, which the page
  says are de minimis aid, unless said false (others with ``de_minimis`` unstated make the
  finding unknown when they could change it). Aid to other
  companies of the single undertaking is counted when it is listed in ``aid_received``.
  Under the old regime the fiscal year comes from ``company.fiscal_year_start_month``; when it is
  not stated, all twelve possible start months are tried and the rule decides only if they agree.
- The grant checked against the de minimis ceiling (SMV04–SMV06, one per voucher) is
  ``project.grant_sought``, at most the voucher's amount; without it, the voucher's full amount,
  except for the "op til 250.000 kr." voucher, whose grant is what the investment and the advice
  give: the grant the budget allows, and where the profile leaves that open (own hours booked at
  an unstated cost, or no budget) a range, from the investment support alone (or the smallest
  support, DKK 10,000) up, decided only where both ends agree (``de_minimis_grant``). An earlier
  reading counted the upper end alone and failed companies a smaller grant would let fit.
- Co-financing (SMV07–SMV09): the advice grant is 50 % of the advice costs (so the own financing
  of the advice is at least the grant, in cash, own hours or a mix) and, in the up-to-250,000
  voucher, investment support is 25 % of the investment (75 % own financing), at most
  DKK 200,000, nothing for investments under DKK 40,000; the voucher total stays at most
  DKK 250,000, the investment part first and the rest for advice. ``project.budget_total`` is the
  whole project (advice, own hours valued at the hourly rate, investment);
  ``project.investment_cost`` is its investment part. The page does not say whether amounts
  include VAT: grantcheck reads them excluding VAT and says so. A grant sought above a voucher's
  amount does not fit that voucher ("søges tilskud til 25.000 kr., 100.000 kr. eller 250.000
  kr."), as the budget's SMVB09 says; it was once read as the voucher's amount, which let a grant
  sought above every voucher pass in ``match`` and fail in ``budget``.
- The DKK 25,000 and DKK 100,000 vouchers pay for advice (SMV33–SMV34): "selv skal medfinansiere
  rådgivning med 50%", a DKK 100,000 voucher matched by DKK 100,000; only the up-to-DKK 250,000
  voucher pays "støtten til investeringen inkl. rådgivning". A project without advice (its
  budget all investment, or no potential clarification or implementation among
  ``project.activities``) does not fit them, rather than fitting with a grant of DKK 0; nor does
  one whose advice is all own hours (``project.own_hours_cost`` at least the advice costs): own
  hours co-finance the advice, the voucher pays for advice bought from an approved advisor ("Kun
  godkendte rådgivere … må udføre rådgivningsopgaver", "Kopi af faktura fra rådgiver"). Own
  hours of an unstated cost (``project.own_hours`` true or not stated, no
  ``project.own_hours_cost``) may be any part of the advice, all of it included ("kontant
  betaling, egne afholdte timer eller et mix af disse"): the rules are then unknown, naming
  ``project.own_hours_cost``, not passed (an earlier reading passed them, reading the missing
  cost as less than the advice). ``grantcheck budget`` takes the split from the budget's lines
  (SMVB01).
- The page is undated: its numbers are encoded for the days of its legal basis (from the first
  day of Regulation (EU) No 1407/2013 to the last of Regulation (EU) 2023/2831, ``legal``), so
  that outside them no rule and no amount reads a number the page may not have stated then.
- The up-to-250,000 voucher is the direct investment support ("støtten til investeringen inkl.
  rådgivning"), so it needs an investment of at least DKK 40,000 (SMV24); a smaller investment
  gets no investment support, and the DKK 100,000 voucher is the one to look at.
- One grant per group (koncern) or per circle of companies with at least 25 % overlapping
  ownership, at a time: the group applies as one company ("Der kan kun ansøges til ét forløb ad
  gangen"), and a company's own grant, a grant of its group too, allows a new application once
  "afsluttet og afrapporteret". The profile states it as ``project.group_smv_grant`` (another
  such company has an SMV:Digital project not yet finished and reported), and an SMV:Digital
  grant ``aid_received`` lists for another company (its ``recipient``) is one until its
  ``finished_and_reported`` (an earlier reading blocked the company for ever with it). A
  scheme's name in ``aid_received`` is compared by its letters and digits, case ignored
  ('SMV: Digital', 'SMV-Digital 2023').
- Earlier grants ("har virksomheden tidligere modtaget et tilskud", SMV17; the group's, SMV26)
  are those granted by the evaluation date, as de minimis aid is counted: an entry dated after
  it is not yet received then (an earlier reading blocked the application with it).
- Own hours co-finance the advice: the advice grant is at most the advice bought, the budget's
  lines other than own hours ("tilskud til privat rådgivning"), or in ``match`` the advice less
  ``project.own_hours_cost``; left out while own hours may be booked, a grant sought above the
  investment support is unknown (SMV07–SMV09).
- The SME status (SMV32) counts working owners at most 1 FTE, as the page counts the staff
  ("ejere maksimalt kan indgå med samlet 1 årsværk i beregningen"), not in full as the EU
  definition's owner-managers.
- An implementation project's technology bought "inden for det seneste år": the year before
  ``project.application_date``, else before the evaluation date; a date left out is the
  evaluation date's or earlier (as Prosessinnovasjon's PO13 and Säker digitalisering's SD16
  read it), so technology bought more than a year before the evaluation date (and none in the
  project) is unknown, naming the application date (it failed).
- The pool's theme applies only to themed pools: without ``project.pool_theme`` the criterion
  passes and says so.
- Project periods (6 months for DKK 25,000, 12 months for the others) are soft rules: a planned
  project (``project.start``–``project.end``) longer than the period gives a warning, since an
  extension can be asked for only within the period and for something unforeseen.
- The page has few headings of its own; citations name the visible heading, or the topic with
  the page's word for it (e.g. "target group (målgruppen)") where the text stands under none.
  The co-financing text is cited under "Trin 5 – Undervejs i projektet", the step the page
  itself refers to for it.
- Regulation (EU) 2023/2831, art. 3(7) (new aid above the ceiling cannot be granted at all) is
  cited by article with its meaning in a note, not a verbatim quote.

Deliberately not encoded here:
- The budget-line rules (own hours at gross annual salary / 1,613 hours, an owner without salary
  at DKK 250 an hour, software subscriptions for up to 2 years, consultancy paid and internal
  hours spent within the commitment period): they belong to the budget command. Their parameters
  are exported here (HOURS_PER_YEAR, OWNER_HOURLY_RATE, SOFTWARE_SUBSCRIPTION_YEARS,
  ADVICE_OWN_SHARE, INVESTMENT_OWN_SHARE, own_hours_rate()) so that it reuses them.
- The eligible activities are examples ("et udpluk"): no activity outside them is made
  ineligible; only the page's binding list ("ikke støtteberettigede") is (SMV25).
- The pools' opening and closing dates: the page names none (the call is evaluated as open, with
  the caveat that a pool must be open when applying).
"""

from __future__ import annotations

from grantcheck.engine import (
    CallWindow,
    Scheme,
    Tier,
)
from grantcheck.law import de_minimis, sme
from grantcheck.parameters import parameters_of
from grantcheck.schemes.dk_smv_digital import (
    COUNTRY,
    CURRENCY,
    legal,
    parameters,
    rules,
    rules_advice,
    rules_period,
    rules_project,
)
from grantcheck.schemes.dk_smv_digital.documents import DOCUMENTS
from grantcheck.schemes.dk_smv_digital.grant import VOUCHERS, _amounts_for
from grantcheck.schemes.dk_smv_digital.page import (
    C_APPLICATION,
    C_FIRST_COME,
    C_POOL_END,
    SCHEME_ID,
    SOURCE,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    CASE_HANDLING_WEEKS,
    EVALUATION_YEARS,
    HOURS_PER_YEAR,
    OWNER_HOURLY_RATE,
    PAYOUT_HANDLING_WEEKS,
)
from grantcheck.schemes.dk_smv_digital.sections import (
    S_ADVISOR,
    S_AWARD_CRITERIA,
    S_COFINANCING_RULES,
    S_ELIGIBLE,
    S_EVERY,
    S_INVESTMENT,
    S_TIERS,
)

# the order `grantcheck show` gives the catalogue's headings (the rules name their own)
SECTION_ORDER = (S_EVERY, S_TIERS, S_COFINANCING_RULES, S_INVESTMENT, S_ELIGIBLE, S_ADVISOR,
                 S_AWARD_CRITERIA)

SCHEME = Scheme(
    id=SCHEME_ID,
    name="SMV:Digital",
    agency="Erhvervsstyrelsen",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    call=CallWindow(
        None, None, (C_APPLICATION, C_FIRST_COME, C_POOL_END),
        note="grant pools open from time to time, first come first served; a pool must be open "
        "when you apply (the page names no dates)", known_from=legal.KNOWN_FROM,
    ),
    legal_bases=legal.LEGAL_BASES,
    applicability=("SMV01",),  # a company of another country without a CVR number: not applicable
    rules=(*rules.rules.rules, *rules_advice.rules.rules, *rules_project.rules.rules,
           *rules_period.rules.rules),
    documents=DOCUMENTS,
    amounts=None,
    parameters=parameters_of(parameters, *de_minimis.PARAMETERS, *sme.PARAMETERS),
    summary="Vouchers of DKK 25,000, DKK 100,000 or up to DKK 250,000 (with investment support) "
    "for digital projects of small and medium-sized Danish companies with an approved advisor",
    tiers=tuple(Tier(v.id, v.name, _amounts_for(v)) for v in VOUCHERS),
    notes=(
        "Grant pools open from time to time and are handed out first come, first served: a pool "
        "must be open when you apply; an application is decided within up to "
        f"{CASE_HANDLING_WEEKS.at(legal.PAGE_FROM)} weeks.",
        "De minimis: the page still quotes EUR 200,000 over the current and the two previous "
        "fiscal years (Regulation (EU) No 1407/2013); since 2024-01-01 Regulation (EU) "
        "2023/2831 applies, EUR 300,000 over any rolling three years. The page says "
        "'statsstøtte'; the regulation counts de minimis aid.",
        "Amounts are read excluding VAT; the page does not say.",
        "Consultancy must be paid and internal hours spent within the commitment period; own "
        f"hours are valued at gross annual salary / {HOURS_PER_YEAR.at(legal.PAGE_FROM)} hours, "
        f"an owner without salary at {OWNER_HOURLY_RATE.money(legal.PAGE_FROM)} an hour (budget "
        "rules, not checked here).",
        "With the up-to-DKK 250,000 voucher the investment support (incl. advice) can be paid "
        "out once before the project ends.",
        "After the project, the payout request is handled in "
        f"{PAYOUT_HANDLING_WEEKS.at(legal.PAGE_FROM)} weeks when the documentation is complete.",
        "The company commits to answer a summary evaluation up to "
        f"{EVALUATION_YEARS.at(legal.PAGE_FROM)} years after the project ends.",
    ),
)
