"""The profile's shared types: the model base, ``Percent`` and ``Flag``, the shared vocabularies,
and what is derived from the schemes' packages (each country's currency, the document ids)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool

Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Flag = StrictBool | None

_COUNTRY_CURRENCY: dict[str, str] = {}


def country_currency() -> dict[str, str]:
    """country -> the currency its schemes state amounts in (from the schemes' packages)."""
    if not _COUNTRY_CURRENCY:
        from grantcheck.schemes import currencies

        _COUNTRY_CURRENCY.update(currencies())
    return _COUNTRY_CURRENCY


_DOCUMENT_IDS: dict[str, str] = {}


def document_ids() -> dict[str, str]:
    """document id -> its name, from the documents the schemes declare (in the order of the
    schemes' ids, then of their documents). Imports every scheme: asked for only when a profile
    lists the documents it holds, so that start-up does not import them."""
    if not _DOCUMENT_IDS:
        from grantcheck.schemes import all_schemes

        for scheme in all_schemes():
            for doc in scheme.documents:
                _DOCUMENT_IDS.setdefault(doc.id, doc.name)
    return _DOCUMENT_IDS


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


M = TypeVar("M", bound=Model)


# --- vocabularies -----------------------------------------------------------------------------


class LegalForm(StrEnum):
    SOLE_TRADER = "sole_trader"  # enskild näringsidkare, enkeltpersonforetak, enkeltmandsvirksomhed
    LIMITED_COMPANY = "limited_company"  # AB, AS, ApS, A/S
    PARTNERSHIP = "partnership"
    COOPERATIVE = "cooperative"
    ASSOCIATION = "association"  # ekonomisk/ideell förening, forening
    FOUNDATION = "foundation"
    PUBLIC_BODY = "public_body"  # municipality, region, state agency
    OTHER = "other"


class Sector(StrEnum):
    FISHERY_AQUACULTURE = "fishery_aquaculture"
    PRIMARY_AGRICULTURE = "primary_agriculture"
    OTHER = "other"
