"""What SMV:Digital rests on: de minimis aid ("de minimis-forordning (EU) Nr. 1407/2013", the
page says), under the regulation in force on the date: 1407/2013 from 2014-01-01 to 2023-12-31,
then 2023/2831 until 2030-12-31. The page is not dated: its rules are taken to apply from the
first day of the regulation it names.
"""

from __future__ import annotations

from grantcheck.law import de_minimis
from grantcheck.schemes.dk_smv_digital.page import C_DE_MINIMIS_REGULATION

LEGAL_BASES = (de_minimis.basis(C_DE_MINIMIS_REGULATION, de_minimis.C_DM2023_APPLIES),)
KNOWN_FROM = None  # the page states no version or date; the regulation it names bounds it

# The days the page's numbers are encoded for: those of its legal basis (the first day of the
# regulation it names, the last day of the one in force now). Outside them every parameter of
# the page is not encoded, so no amount is shown from it.
PAGE_FROM = LEGAL_BASES[0].start
PAGE_UNTIL = LEGAL_BASES[0].end
