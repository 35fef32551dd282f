"""Records written by hand (grantcheck.slots): what the dataclasses they replaced gave."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pytest

from grantcheck.engine import AmountsResult
from grantcheck.money import Money
from grantcheck.schemes import get
from grantcheck.slots import FrozenError


def test_a_frozen_record_is_equal_and_hashed_by_its_fields():
    a, b = Money(Decimal("5"), "DKK"), Money(Decimal("5.0"), "DKK")
    assert a == b and hash(a) == hash(b)
    assert a != Money(Decimal("5"), "NOK")
    assert a != (Decimal("5"), "DKK")  # another type is never equal
    assert repr(a) == "Money(amount=Decimal('5'), currency='DKK')"


def test_a_frozen_record_refuses_to_change():
    a = Money(Decimal("5"), "DKK")
    with pytest.raises(FrozenError, match="cannot assign to field 'amount'"):
        a.amount = Decimal(6)  # type: ignore[misc]
    with pytest.raises(FrozenError, match="cannot delete field 'currency'"):
        del a.currency  # type: ignore[misc]
    assert isinstance(FrozenError(), AttributeError)


def test_replace_makes_a_new_record_through_its_checks():
    a = Money(Decimal("5"), "DKK")
    assert a.replace(currency="SEK") == Money(Decimal("5"), "SEK") and a.currency == "DKK"
    with pytest.raises(ValueError, match="unsupported currency"):
        a.replace(currency="USD")


def test_a_frozen_record_survives_pickling_and_copying():
    scheme = get("no-prosessinnovasjon")
    a = Money(Decimal("5"), "DKK")
    for made in (pickle.loads(pickle.dumps(a)), copy.copy(a), copy.deepcopy(a)):
        assert made == a and type(made) is Money
    parameter = pickle.loads(pickle.dumps(scheme.parameters[0]))
    assert parameter.values == scheme.parameters[0].values
    assert parameter.at(parameter.first_date) == scheme.parameters[0].at(parameter.first_date)


def test_a_parameter_is_compared_by_identity():
    p = get("no-prosessinnovasjon").parameters[0]
    same = p.replace()
    assert p == p and same is not p and same != p


def test_a_changeable_record_is_equal_by_its_public_fields_and_not_hashable():
    assert AmountsResult(None, "x") == AmountsResult(None, "x")
    assert AmountsResult(None, "x") != AmountsResult(None, "y")
    assert repr(AmountsResult(None)) == "AmountsResult(amounts=None, missing=(), problem='')"
    with pytest.raises(TypeError):
        hash(AmountsResult(None))
    r = AmountsResult(None)
    r.problem = "changed"
    assert r.problem == "changed"
