"""A path as a command to copy names it (:func:`grantcheck.shown.command_word`): quoted as
``shlex.quote`` quotes it, which start-up does not import."""

from __future__ import annotations

import shlex

from hypothesis import given
from hypothesis import strategies as st

from grantcheck.shown import command_word


@given(st.text(max_size=30))
def test_a_path_is_quoted_as_shlex_quotes_it(path: str) -> None:
    if path != "<stdin>":
        assert command_word(path) == shlex.quote(path)


def test_the_characters_a_shell_reads_as_they_are_and_the_others() -> None:
    for path in ("profiles/nordlys-automation.toml", "a@b%c+d=e:f,g.h/i-j_K9", "", "my file.toml",
                 "it's.toml", "ø.toml", "a\tb", "$HOME/x", "x*", "~/p.toml", "a\nb", "<stdin>x"):
        assert command_word(path) == shlex.quote(path)
    assert command_word("<stdin>") == "-"
