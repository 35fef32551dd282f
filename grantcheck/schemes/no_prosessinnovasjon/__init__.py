"""Innovasjon Norge, Prosess- og organisasjonsinnovasjon (GBER art. 29).

Light on purpose: discovery reads these constants without importing the rules. The scheme itself
is in :mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "no-prosessinnovasjon"
COUNTRY = "NO"
CURRENCY = "NOK"
