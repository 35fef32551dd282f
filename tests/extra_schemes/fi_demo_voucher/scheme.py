"""Demo Growth Voucher (fi-demo-voucher): FICTIONAL, the worked example of
docs/adding-a-scheme.md. Its page is ``page.txt`` beside this file.

Encoded, in the order of the page:
- who: a company registered in Finland (FDV01); fewer full-time employees than the page's limit,
  50 until 2026 and 100 from 2027 (FDV02, one dated parameter);
- how much: 50 % of the eligible costs, at most EUR 10 000 (the amounts, :mod:`.grant`); the grant
  sought at most that voucher (FDV03);
- what it pays for: consultancy bought from an external expert (the budget rules, :mod:`.budget`);
- how to apply: the application form (a document); the call window, 2025-01-01 to 2027-12-31.

Readings chosen:
- "full-time employees" is ``company.employees_fte`` (owners are not counted: the page says
  employees);
- the project's budget (``project.budget_total``) is read as its eligible costs in the amounts; the
  budget command checks line by line.

Deliberately not encoded: anything not on the page (it is a test fixture: no de minimis, no SME
definition, no award criteria).
"""

from __future__ import annotations

from grantcheck.engine import CallWindow, Scheme
from grantcheck.parameters import parameters_of
from grantcheck.schemes.fi_demo_voucher import COUNTRY, CURRENCY, ID, legal, parameters
from grantcheck.schemes.fi_demo_voucher.documents import DOCUMENTS
from grantcheck.schemes.fi_demo_voucher.grant import amounts
from grantcheck.schemes.fi_demo_voucher.page import C_CALL, SOURCE
from grantcheck.schemes.fi_demo_voucher.rules import rules

SCHEME = Scheme(
    id=ID,
    name="Demo Growth Voucher",
    agency="Demo Agency (fictional)",
    country=COUNTRY,
    currency=CURRENCY,
    source=SOURCE,
    call=CallWindow(parameters.OPENS, parameters.CLOSES, (C_CALL,),
                    known_from=legal.KNOWN_FROM),
    legal_bases=legal.LEGAL_BASES,
    rules=tuple(rules.rules),
    documents=DOCUMENTS,
    amounts=amounts,
    parameters=parameters_of(parameters),
    summary="FICTIONAL test scheme: a voucher for consultancy, 50 % of the costs up to "
    "EUR 10 000, for small Finnish companies",
    notes=("Fictional: a test fixture of grantcheck, not a scheme anyone can apply for.",),
)
