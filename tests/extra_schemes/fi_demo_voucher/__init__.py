"""Demo Growth Voucher (fi-demo-voucher): FICTIONAL, a test-only scheme.

No agency runs it: it is the worked example of docs/adding-a-scheme.md, found only when
``GRANTCHECK_SCHEMES_PATH`` names tests/extra_schemes. Its page is ``page.txt`` beside this file.

Light on purpose: discovery reads these constants without importing the rules. The scheme is in
:mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "fi-demo-voucher"
COUNTRY = "FI"
CURRENCY = "EUR"
