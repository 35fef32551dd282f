"""Prosess- og organisasjonsinnovasjon's documents: the page names none to send with an
application, so the scheme asks for none (``match`` lists no missing document for it)."""

from __future__ import annotations

from grantcheck.engine import Document

DOCUMENTS: tuple[Document, ...] = ()
