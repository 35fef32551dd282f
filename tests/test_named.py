"""grantcheck.named.NamedTuple behaves as typing.NamedTuple: the same class, made without
compiling source text for each class (start-up, issue 20)."""

from __future__ import annotations

import copy
import pickle
import re
import typing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grantcheck import named


class Ours(named.NamedTuple):
    """A record of ours."""

    a: int
    b: str = "b"
    c: tuple[int, ...] = ()

    def twice(self) -> int:
        return self.a * 2

    @property
    def label(self) -> str:
        return f"{self.a}{self.b}"


class Theirs(typing.NamedTuple):
    """A record of ours."""

    a: int
    b: str = "b"
    c: tuple[int, ...] = ()

    def twice(self) -> int:
        return self.a * 2

    @property
    def label(self) -> str:
        return f"{self.a}{self.b}"


class Bare(named.NamedTuple):
    x: float


class BareTheirs(typing.NamedTuple):
    x: float


class Empty(named.NamedTuple):
    pass


class Sub(Ours):
    """A subclass adds methods, as one of typing's may."""

    def thrice(self) -> int:
        return self.a * 3


def _both(*args: object, **kwargs: object) -> tuple[Ours, Theirs]:
    return Ours(*args, **kwargs), Theirs(*args, **kwargs)  # type: ignore[arg-type]


def test_the_class_is_a_plain_tuple_subclass_with_typings_attributes():
    assert Ours.__mro__ == (Ours, tuple, object)
    assert Ours._fields == Theirs._fields == ("a", "b", "c")
    assert Ours._field_defaults == Theirs._field_defaults == {"b": "b", "c": ()}
    assert Ours.__match_args__ == Theirs.__match_args__
    assert Ours.__doc__ == Theirs.__doc__ == "A record of ours."
    assert Bare.__doc__ == BareTheirs.__doc__.replace("BareTheirs", "Bare") == "Bare(x,)"
    assert Bare.__new__.__doc__ == BareTheirs.__new__.__doc__.replace("BareTheirs", "Bare")
    assert Ours.__module__ == __name__ and Ours.__qualname__ == "Ours"
    assert Ours.__slots__ == ()
    assert list(Ours.__annotations__) == ["a", "b", "c"]
    assert Ours.a.__doc__ == Theirs.a.__doc__ == "Alias for field number 0"
    assert Ours.__new__.__doc__ == "Create new instance of Ours(a, b, c)"
    assert Ours.__new__.__defaults__ == Theirs.__new__.__defaults__


def test_instances_behave_alike():
    ours, theirs = _both(1, c=(2,))
    assert ours == theirs == (1, "b", (2,))
    assert hash(ours) == hash(theirs)
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours") == "Ours(a=1, b='b', c=(2,))"
    assert ours._asdict() == theirs._asdict()
    assert ours._replace(b="x") == theirs._replace(b="x") == (1, "x", (2,))
    assert Ours._make([1, "z", ()]) == Theirs._make([1, "z", ()])
    assert (ours.twice(), ours.label) == (theirs.twice(), theirs.label) == (2, "1b")
    assert Sub(4).thrice() == 12 and isinstance(Sub(4), Ours)
    assert Empty() == () and repr(Empty()) == "Empty()"
    assert Bare(1.5).x == 1.5 and repr(Bare(1.5)) == "Bare(x=1.5)"
    match ours:
        case Ours(a, b):
            assert (a, b) == (1, "b")
        case _:  # pragma: no cover
            pytest.fail("no match by position")


def test_pickled_and_copied():
    ours = Ours(3, "q", (1, 2))
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert type(pickle.loads(pickle.dumps(ours))) is Ours
    assert copy.copy(ours) == copy.deepcopy(ours) == ours


def _error(call: typing.Callable[[], object]) -> tuple[type[BaseException], str]:
    with pytest.raises(Exception) as caught:  # the type and text compared by the caller
        call()
    return caught.type, str(caught.value)


@pytest.mark.parametrize("call", [
    lambda cls: cls(),
    lambda cls: cls(1, "b", (), 4),
    lambda cls: cls(1, d=2),
    lambda cls: cls(1, a=2),
    lambda cls: cls._make([1]),
    lambda cls: cls(1)._replace(d=1),
])
def test_the_same_errors(call):
    kind, text = _error(lambda: call(Theirs))
    assert _error(lambda: call(Ours)) == (kind, text.replace("Theirs", "Ours"))


def test_a_class_body_is_refused_where_typing_refuses_it():
    with pytest.raises(TypeError, match="Non-default namedtuple field b cannot follow"):
        class _Bad(named.NamedTuple):
            a: int = 1
            b: int
    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):
        class _Bad2(named.NamedTuple):
            a: int

            def _replace(self) -> None: ...  # type: ignore[override]
    with pytest.raises(ValueError, match="underscore"):
        class _Bad3(named.NamedTuple):
            _a: int


@given(st.integers(), st.text(), st.lists(st.integers(), max_size=3).map(tuple))
def test_any_values_alike(a, b, c):
    ours, theirs = _both(a, b, c)
    assert ours == theirs and hash(ours) == hash(theirs)
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours")
    assert pickle.loads(pickle.dumps(ours)) == ours


def test_grantcheck_makes_its_named_tuples_here():
    """Every named tuple of grantcheck comes from grantcheck.named (typing's costs about 0.5 M
    instructions more a class at start-up)."""
    root = Path(named.__file__).parent
    typing_import = re.compile(r"^from typing import .*\bNamedTuple\b", re.M)
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "named.py" and typing_import.search(p.read_text("utf-8"))]
    assert offenders == []
