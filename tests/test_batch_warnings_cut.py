"""A batch's summary shows the first distinct warnings and says in one line when there were
others, and where each input's own are (its record's ``warnings``)."""

from __future__ import annotations

import pytest

from grantcheck.batch.records import SHOWN_ERRORS, Block, Record, Tally
from grantcheck.cli._batch_output import _batch_report


def _tally(distinct: int) -> Tally:
    records = [Record(f"p{i}", True, "x\n", warnings=(f"w{i}", "w0")) for i in range(distinct)]
    tally = Tally()
    tally.add(Block.of(records[:3]))
    tally.add(Block.of(records[3:]))
    return tally


@pytest.mark.parametrize(("distinct", "cut"), [(SHOWN_ERRORS, False), (SHOWN_ERRORS + 1, True)])
def test_warnings_past_the_shown_ones_are_said_in_one_line(distinct, cut, capsys):
    tally = _tally(distinct)
    assert list(tally.warnings) == [f"w{i}" for i in range(SHOWN_ERRORS)]
    assert tally.warnings_cut is cut
    _batch_report(tally, False, None)
    err = capsys.readouterr().err
    assert err.count("Warning: w") == SHOWN_ERRORS
    said = f"... and other warnings than these {SHOWN_ERRORS}: each input's own are in its"
    assert (said in " ".join(err.split())) is cut


def test_a_warning_shown_again_is_not_another():
    tally = _tally(SHOWN_ERRORS)
    tally.add(Block.of([Record("q", True, "x\n", warnings=("w3", "w0"))]))
    assert tally.warnings_cut is False
