"""Bedriftsnettverk: the documents the page asks for."""

from __future__ import annotations

from grantcheck.engine import Document
from grantcheck.schemes.no_bedriftsnettverk.page import (
    C_E_SOKNAD,
    C_INTENSJONSAVTALE,
    C_SOKNADSSKJEMA,
)

DOCUMENTS = (
    Document("letter_of_intent", "Intensjonsavtale (letter of intent) signed by the "
             "participating companies", (C_INTENSJONSAVTALE,)),
    Document("network_application_form", "Bedriftsnettverk application form in Innovasjon "
             "Norge's e-application portal", (C_SOKNADSSKJEMA, C_E_SOKNAD)),
)
