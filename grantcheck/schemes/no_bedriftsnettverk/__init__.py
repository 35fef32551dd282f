"""Innovasjon Norge, Bedriftsnettverk: grants for networks of Norwegian SMEs.

Light on purpose: discovery reads these constants without importing the rules. The scheme itself
is in :mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "no-bedriftsnettverk"
COUNTRY = "NO"
CURRENCY = "NOK"
