"""The bounds every amount and count a user writes is held to, as pydantic types: shared by the
profile (:mod:`grantcheck.profile`) and the budget format (:mod:`grantcheck.budget.model`), so
that a profile without a ``[budget]`` does not import the budget's models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, StrictInt

# The largest amount or quantity grantcheck accepts: far above any real figure, and small enough
# that every sum, product and rounding to 0.01 stays inside Decimal's 28-digit precision.
MAX_AMOUNT = Decimal(10) ** 15
NonNeg = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
MAX_COUNT = 1_000_000_000  # persons, characters, pages, years: any more is a typo
Count = Annotated[StrictInt, Field(ge=0, le=MAX_COUNT)]
