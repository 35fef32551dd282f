"""The CSV rows batch writes are what the csv module writes."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from grantcheck.render.csv import RowWriter, safe_cell

# cells with the characters that need quoting, and some that do not
CELLS = st.text(alphabet=st.sampled_from(list('ab ,"\r\n;|æ\t')), max_size=6)


def by_csv_module(row: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


@given(st.lists(CELLS, max_size=8))
def test_a_row_is_written_as_the_csv_module_writes_it(row: list[str]) -> None:
    # a cell a spreadsheet would run gets a ' first; a row with a \r is quoted whole, which
    # the csv module does not do (tests/robustness/test_misuse_eighth.py)
    if not any("\r" in c for c in row):
        assert RowWriter().text(row) == by_csv_module([safe_cell(c) for c in row])


def test_plain_cells_are_joined_and_special_ones_quoted() -> None:
    w = RowWriter()
    assert w.text(["a", "", "b c"]) == "a,,b c\n"
    assert w.text(["a,b", 'say "x"', "two\nlines"]) == '"a,b","say ""x""","two\nlines"\n'
    assert w.text([""]) == '""\n'  # a lone empty cell is quoted, or the row would be blank


def test_a_formula_in_the_first_cell_or_after_a_comma_is_marked() -> None:
    """The row's start and each comma are where a cell begins (the check is made on the row
    joined, before any cell is looked at)."""
    w = RowWriter()
    assert w.text(["=1+2", "b"]) == "'=1+2,b\n"
    assert w.text(["a", "@SUM(A1)"]) == "a,'@SUM(A1)\n"
    assert w.text(["-5", "a-b", "x=1"]) == "-5,a-b,x=1\n"
