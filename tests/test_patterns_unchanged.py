"""Checks written without a compiled pattern (so that none is compiled at start-up, issue 20)
accept exactly what the pattern they replace accepted."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import ValidationError

from grantcheck.profile.company import Company, _is_cvr

# digits of other scripts too: \d matches every Unicode decimal digit, as str.isdecimal does
_TEXT = st.text(st.sampled_from("0189١٢³½aZ -_\u00a0"), max_size=10)


@given(_TEXT)
def test_a_cvr_number_is_what_d8_matched(text):
    assert _is_cvr(text) == (re.fullmatch(r"\d{8}", text) is not None)


def test_cvr_boundaries():
    assert _is_cvr("12345678") and not _is_cvr("1234567") and not _is_cvr("123456789")


@given(st.text(st.sampled_from("aZkæÅ1 -ß"), max_size=3))
def test_a_country_code_is_what_two_letters_matched(code):
    try:
        Company.model_validate({"name": "X", "country": code})
        taken = True
    except ValidationError as e:
        taken = "two-letter country code" not in str(e)
    # the profile strips text before its validators see it
    assert taken == (re.fullmatch(r"[A-Za-z]{2}", code.strip()) is not None)
