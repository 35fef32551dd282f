"""``schemes`` and ``show``: what the schemes are and what each one asks."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from grantcheck.cli._common import (
    AsOf,
    Format,
    FormatOption,
    _check_schemes,
    _parse_date,
    _print_json,
    _quiet_when_stdout_closes,
    _stdout_console,
    complete_scheme_id,
)


@_quiet_when_stdout_closes
def schemes(as_of: AsOf = None, fmt: FormatOption = Format.table) -> None:
    """List the schemes: agency, call status on the date, maximum grant, aid rate, own funding.

    Example:

    
        grantcheck schemes --as-of 2020-11-15
    """
    from grantcheck.describe import schemes_overview

    on = _parse_date(as_of) if as_of else date.today()
    data = schemes_overview(on)
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_schemes

    render_schemes(data, _stdout_console())


@_quiet_when_stdout_closes
def show(
    scheme: Annotated[
        str, typer.Argument(help="The scheme id.", metavar="SCHEME", show_default=False,
                            autocompletion=complete_scheme_id)
    ],
    as_of: AsOf = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Everything one scheme asks: its rules by heading with their source quotes and the profile
    fields they read, its parameters on the date, its documents, its amounts.

    Example:

    
        grantcheck show dk-smv-digital
    """
    from grantcheck.describe import detail

    on = _parse_date(as_of) if as_of else date.today()
    _check_schemes([scheme], "scheme")
    data = detail(scheme, on)
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_show

    render_show(data, on.isoformat(), _stdout_console())
