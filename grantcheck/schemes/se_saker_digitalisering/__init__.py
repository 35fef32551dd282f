"""Tillväxtverket, Stärk företagens konkurrenskraft med säker digitalisering.

Light on purpose: discovery reads these constants without importing the rules. The scheme itself
is in :mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "se-saker-digitalisering"
COUNTRY = "SE"
CURRENCY = "SEK"
