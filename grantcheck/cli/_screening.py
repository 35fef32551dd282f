"""What ``outreach`` and ``shortlist`` share: their input options, a registry file screened one
unit at a time, and the units that could not be read, said as they come."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from grantcheck.cli._common import _err, _fail, path_given
from grantcheck.cli.batch import InputFormat, _with_answers

if TYPE_CHECKING:
    from grantcheck.outreach.screen import Company, Failed

SHOWN_ERRORS = 10

InputOption = Annotated[
    str, typer.Option("--input", "-i", metavar="FILE", show_default=False,
                      help="The registry's bulk file as downloaded (gzip or not), as batch "
                      "reads it; - reads stdin.")]
InputFormatOption = Annotated[
    InputFormat | None,
    typer.Option("--input-format", help="brreg-enheter, cvr or bolagsverket (guessed from the "
                 "header when it shows one); jsonl or csv for grantcheck's own formats.")]
ProfilesOption = Annotated[
    Path | None,
    typer.Option("--profiles", metavar="DIR",
                 help="Answers laid over the registry's units, as batch --profiles: the filled "
                 "answers files of an outreach pack, or any profiles naming org_number or "
                 "cvr_number.")]


@contextlib.contextmanager
def _screening(input_file: str, input_format: InputFormat | None, profiles: Path | None,
               on: date, rates: dict[str, Decimal], ids: list[str]
               ) -> Iterator[Iterator[Company | Failed]]:
    """The screened units of --input, one at a time (exits 2 when it cannot be read at all, or
    to its end: a ranking or a pack of part of a file is not passed off as the whole)."""
    path_given(input_file, "--input", "the registry's file, or - for stdin")
    from grantcheck import batch as gb
    from grantcheck.batch.inputs import BROKEN_HINT, nothing_in
    from grantcheck.outreach.screen import screen

    with contextlib.ExitStack() as stack:
        try:
            sources = read = gb.open_inputs(stack, [], input_file,
                                            input_format.value if input_format else None,
                                            sys.stdin, on)
            if profiles is not None:
                sources = _with_answers(sources, profiles)
            empty = sources.empty()
        except gb.InputError as e:
            _fail(str(e), e.hint)
        if not empty:
            yield screen(sources, on, rates, ids)
        if broken := read.broken or sources.broken:
            _fail(f"--input {input_file}: cannot be read{' to its end' if not empty else ''}: "
                  f"{broken}", BROKEN_HINT)
        if empty:
            _fail("{}: nothing to screen: {}".format(*nothing_in(input_file, (), "unit")))


class _Errors:
    """The units that could not be read: the first few on stderr as they come, then a count."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, item: Failed) -> None:
        self.count += 1
        if self.count <= SHOWN_ERRORS:
            _err(f"Error: {item.message}")

    def close(self) -> None:
        if self.count > SHOWN_ERRORS:
            _err(f"... and {self.count - SHOWN_ERRORS:,} more units that could not be read")
