"""Innovationsfonden, Innobooster People: grants for hiring highly educated staff.

Light on purpose: discovery reads these constants without importing the rules. The scheme reads
like its page: :mod:`.page` (citations), :mod:`.parameters` (dated numbers), the rules by page
heading in :mod:`.who`, :mod:`.what`, :mod:`.what_terms` and :mod:`.assessment` (gathered in
:mod:`.rules`), :mod:`.documents`, :mod:`.grant` (the arithmetic, shared with the budget) and
:mod:`.scheme` (``SCHEME``, with what is encoded and what is not); its budget rules are in
:mod:`.budget` (``CHECKER``) and :mod:`.budget_lines`.
"""

ID = "dk-innobooster-people"
COUNTRY = "DK"
CURRENCY = "DKK"
