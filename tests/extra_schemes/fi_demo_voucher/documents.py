"""The documents the page asks for, and when (FICTIONAL scheme)."""

from __future__ import annotations

from grantcheck.engine import Document
from grantcheck.schemes.fi_demo_voucher.page import C_FORM

DOCUMENTS = (
    Document("fdv_application_form", "Demo Growth Voucher application form", (C_FORM,)),
)
