"""Erhvervsstyrelsen, SMV:Digital: vouchers for digital projects in SMEs.

Light on purpose: discovery reads these constants without importing the rules. The scheme itself
is in :mod:`.scheme` (``SCHEME``), its budget rules in :mod:`.budget` (``CHECKER``).
"""

ID = "dk-smv-digital"
COUNTRY = "DK"
CURRENCY = "DKK"
