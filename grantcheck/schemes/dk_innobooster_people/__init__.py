"""Innovationsfonden, Innobooster People: grants for hiring highly educated staff.

Light on purpose: discovery reads these constants without importing the rules. The scheme itself
is in :mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "dk-innobooster-people"
COUNTRY = "DK"
CURRENCY = "DKK"
