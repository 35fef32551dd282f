"""The bounds every amount and count a user writes is held to, as pydantic types: shared by the
profile (:mod:`grantcheck.profile`) and the budget format (:mod:`grantcheck.budget.model`), so
that a profile without a ``[budget]`` does not import the budget's models."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

# The largest amount or quantity grantcheck accepts: far above any real figure, and small enough
# that every sum, product and rounding to 0.01 stays inside Decimal's 28-digit precision.
MAX_AMOUNT = Decimal(10) ** 15
NonNeg = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
MAX_COUNT = 1_000_000_000  # persons, characters, pages, years: any more is a typo
# The longest text a field holds (a name, a title, a budget line's description): a few times the
# longest real one, and short enough to show; a longer one is pasted text or the wrong file.
MAX_TEXT = 1000


def unsigned_zero(value: Decimal) -> Decimal:
    """``value``, a negative zero (``-0``, ``-0.0``: it is 0) without its sign, which it would
    otherwise keep in every sum and show ("-0 FTE = employees -0 + owners -0")."""
    return value.copy_abs() if not value and value.is_signed() else value


class Whole:
    """A whole number from ``ge`` to ``le``, the same in every field that holds one (a count, a
    month, a project year) and from every input: an integer (``-0`` is 0), a number with no
    fraction (``4.0``, ``1e3``), or plain digits as text (``"4"``, from a CSV cell or a JSON
    line); ``2.5`` is no whole number, ``true`` no number (:mod:`grantcheck.profile.written`).

    A number far out of range (``1e999999999``) is refused as out of range before it is made
    an integer, and one with a fraction far down (``1e-999999999``) as no whole number:
    pydantic-core would write out their billion digits first (minutes, then memory)."""

    def __init__(self, ge: int, le: int) -> None:
        self.ge, self.le = ge, le

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(
            self._in_range, core_schema.int_schema(ge=self.ge, le=self.le))

    def _in_range(self, value: Any) -> Any:
        if type(value) is not Decimal or not value.is_finite():
            return value  # pydantic-core's to read (NaN: "must be a finite number")
        from pydantic_core import PydanticCustomError

        if value > self.le:
            raise PydanticCustomError("less_than_equal", "Input should be less than or equal "
                                      "to {le}", {"le": self.le})
        if value < self.ge:
            raise PydanticCustomError("greater_than_equal", "Input should be greater than or "
                                      "equal to {ge}", {"ge": self.ge})
        if value != value.to_integral_value():  # 1e-999999999 too, which pydantic-core
            # took minutes to find had a fraction
            raise PydanticCustomError("int_from_float", "Input should be a valid integer, got "
                                      "a number with a fractional part")
        return int(value)  # in range: a few digits


Count = Annotated[int, Whole(0, MAX_COUNT)]
