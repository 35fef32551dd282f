"""The company profile: what the five checkers read, as records that pydantic-core validates
(:mod:`~grantcheck.profile.record`).

A profile is a TOML file. Every field is optional unless said otherwise: a field left out is
*unknown*, and the rules that need it say so; nothing is defaulted. Lists that state "none of
these" are written as an explicit empty list (``exclusions = []``); a list left out is unknown.
Money is exact (Decimal; TOML floats are read as Decimal) in the company's currency. Unknown keys
are errors with a "did you mean" hint.

The format is documented, with a complete example, in docs/profile.md.

The package: :mod:`~grantcheck.profile.types` (shared types and vocabularies),
:mod:`~grantcheck.profile.company`, :mod:`~grantcheck.profile.project` and
:mod:`~grantcheck.profile.model` (the models), :mod:`~grantcheck.profile.load` (reading TOML)
and :mod:`~grantcheck.profile.errors` (problems with their lines and hints). Import from here.
"""

from typing import Any

from grantcheck.profile.company import (
    Aid,
    Company,
    RelatedEnterprise,
    YearFigures,
)
from grantcheck.profile.errors import (
    TOO_MANY_DIGITS,
    Problem,
    ProfileError,
    problem_of,
)
from grantcheck.profile.load import (
    load_profile,
    parse_profile,
    parse_toml,
    profile_from_data,
    read_text,
)
from grantcheck.profile.model import (
    Declarations,
    Documents,
    Profile,
)
from grantcheck.profile.project import (
    Application,
    Employee,
    Network,
    Participant,
    Project,
    TrainingAddon,
)
from grantcheck.profile.types import (
    Flag,
    LegalForm,
    Model,
    Percent,
    Sector,
    country_currency,
    document_ids,
)


def __getattr__(name: str) -> Any:
    """``DOCUMENT_IDS``: the ids of the schemes' documents, derived when first asked for
    (:func:`~grantcheck.profile.types.document_ids`; it imports every scheme)."""
    if name == "DOCUMENT_IDS":
        return document_ids()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "TOO_MANY_DIGITS",
    "Aid",
    "Application",
    "Company",
    "Declarations",
    "Documents",
    "Employee",
    "Flag",
    "LegalForm",
    "Model",
    "Network",
    "Participant",
    "Percent",
    "Problem",
    "Profile",
    "ProfileError",
    "Project",
    "RelatedEnterprise",
    "Sector",
    "TrainingAddon",
    "YearFigures",
    "country_currency",
    "document_ids",
    "load_profile",
    "parse_profile",
    "parse_toml",
    "problem_of",
    "profile_from_data",
    "read_text",
]
