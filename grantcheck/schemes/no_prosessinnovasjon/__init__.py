"""Innovasjon Norge, Prosess- og organisasjonsinnovasjon (GBER art. 29).

Light on purpose: discovery reads these constants without importing the rules. The package reads
like the page: :mod:`.page` (the source and its citations, in page order, with the lists of
exclusions and costs), :mod:`.parameters` (GBER's numbers, dated and cited), :mod:`.derived`,
:mod:`.grant` (the grant arithmetic and the amounts), :mod:`.rules` (PO01–PO13, in page order),
:mod:`.documents`, and :mod:`.scheme` (``SCHEME``, with what is encoded and what is not); the
budget rules are in :mod:`.budget` (``CHECKER``) and :mod:`.budget_lines`.
"""

ID = "no-prosessinnovasjon"
COUNTRY = "NO"
CURRENCY = "NOK"
