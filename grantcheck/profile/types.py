"""The profile's shared types: the model base, ``Percent`` and ``Flag``, the shared vocabularies,
and what is derived from the schemes' packages (each country's currency, the document ids)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, get_args

from pydantic import Field, StrictBool

from grantcheck.profile.record import Record, is_model

if TYPE_CHECKING:
    from pydantic import BaseModel, GetCoreSchemaHandler
    from pydantic_core import CoreSchema
    from pydantic_core.core_schema import SerializationInfo

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


class Model(Record):
    """The profile's models: records (:mod:`grantcheck.profile.record`), extra keys refused,
    frozen, text stripped."""


M = TypeVar("M", bound=Model)


class Deferred:
    """A field's model, imported and built only when a profile gives the field: in
    ``Annotated[Any, Deferred("grantcheck.budget.model", "Budget")]``. The value is validated by
    the model itself (errors at the same places, ``budget.lines.0.amount``, as when the model
    is the field's type); :func:`grantcheck.schema.profile_schema` gives the model's JSON Schema
    for the field. Building a model costs start-up time (the budget's models are a tenth of the
    profile's), and most profiles have no budget."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    @property
    def model(self) -> type[Record]:
        import importlib

        model: type[Record] = getattr(importlib.import_module(self.module), self.name)
        return model

    def validate(self, value: Any) -> Record:
        return self.model.model_validate(value)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            self.validate, serialization=core_schema.plain_serializer_function_ser_schema(
                _dumped, info_arg=True))


def _dumped(value: Record, info: SerializationInfo) -> dict[str, Any]:
    """A deferred field's record as its model dumps it, in the dump's mode and with its
    exclusions."""
    return value.model_dump(mode=info.mode, exclude_unset=info.exclude_unset,
                            exclude_none=info.exclude_none)


def model_of(annotation: Any) -> type[Record | BaseModel] | None:
    """The model a field's annotation holds (``Company``, ``list[Employee] | None``, a
    :class:`Deferred` one), or None."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Deferred):
            return meta.model
    if is_model(annotation):
        return annotation  # type: ignore[no-any-return]
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_of(arg)
        if found is not None:
            return found
    return None


# --- vocabularies -----------------------------------------------------------------------------


class AnyCase:
    """A ``Literal`` of upper-case codes that takes them written in any case (``"dkk"``,
    ``"Eur"``) and keeps them upper case, as ``company.country`` does (``"dk"`` is DK). A value
    that is none of them in any case is left as written, for the error to quote."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler | None
                                     ) -> CoreSchema:
        from pydantic_core import core_schema

        codes = frozenset(get_args(source))

        def upper(value: Any) -> Any:
            code = value.strip().upper() if isinstance(value, str) else None
            return code if code in codes else value

        inner = handler(source) if handler is not None else \
            core_schema.literal_schema(list(get_args(source)))
        return core_schema.no_info_before_validator_function(upper, inner)


# the currencies a profile's amounts can be in: its country's, or EUR
Currency = Annotated[Literal["DKK", "NOK", "SEK", "EUR"], AnyCase()]


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
