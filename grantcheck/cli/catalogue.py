"""``schemes`` and ``show``: what the schemes are and what each one asks."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from grantcheck.cli._common import (
    AsOf,
    Format,
    FormatOption,
    RateOption,
    SchemeOption,
    _check_schemes,
    _err,
    _fail,
    _parse_date,
    _print_json,
    _quiet_when_stdout_closes,
    _rate_overrides,
    _stdout_console,
    complete_scheme_id,
)
from grantcheck.cli.pager import NoPagerOption, _paged


@_quiet_when_stdout_closes
def schemes(
    as_of: AsOf = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", show_default=False,
                     help="Output format: table or json (default: table; --catalogue is "
                     "JSON)."),
    ] = None,
    scheme: SchemeOption = None,
    catalogue: Annotated[
        bool,
        typer.Option("--catalogue", help="Print, as JSON, the catalogue of 'grantcheck batch' "
                     "records on the date: the rules, documents, parameters and citations they "
                     "name by id (docs/batch.md); give the batch's --scheme options too."),
    ] = False,
) -> None:
    """Which schemes are open on a date and up to how much, then each one's agency, call,
    maximum grant, aid rate and own funding.

    Examples:

    
        grantcheck schemes --as-of 2020-11-15

    
        grantcheck schemes --catalogue --as-of 2026-11-23 > catalogue.json
    """
    from grantcheck.describe import schemes_overview
    from grantcheck.schemes import SCHEME_IDS

    on = _parse_date(as_of) if as_of is not None else date.today()
    ids = _check_schemes(list(scheme) if scheme else list(SCHEME_IDS))
    if catalogue and fmt is Format.table:  # the catalogue is JSON: never a table
        _fail("--catalogue is JSON: --format table does not go with it",
              "leave out --format (or give --format json)")
    if catalogue:
        from grantcheck.render.catalogue import catalogue as make_catalogue

        _print_json(make_catalogue(on, ids))
        return
    data = schemes_overview(on)
    if scheme:  # the schemes asked for, in the order given
        by_id = {s["id"]: s for s in data["schemes"]}
        data["schemes"] = [by_id[i] for i in ids]
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_schemes

    render_schemes(data, _stdout_console(), as_given=bool(scheme))


@_quiet_when_stdout_closes
def show(
    scheme: Annotated[
        str, typer.Argument(help="The scheme id.", metavar="SCHEME", show_default=False,
                            autocompletion=complete_scheme_id)
    ],
    as_of: AsOf = None,
    fmt: FormatOption = Format.table,
    rate: RateOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Everything one scheme asks: its rules by heading with their source quotes and the profile
    fields they read, its parameters on the date, its documents, its amounts.

    A parameter in euros is also given in the scheme's currency, at the rate match compares it
    with (its date said; --rate overrides it).

    Example:

    
        grantcheck show dk-smv-digital
    """
    from grantcheck.describe import detail

    on = _parse_date(as_of) if as_of is not None else date.today()
    # a list, as --scheme takes one ("did you mean" named its last id alone), of one id as
    # --scheme reads it (dk-smv-digital,)
    ids = _check_schemes([s.strip() for s in scheme.split(",") if s.strip()] or [scheme],
                         "scheme")  # in any case, as its id
    if len(ids) > 1:
        from grantcheck.shown import shown

        _fail(f"scheme {shown(scheme)}: show takes one scheme", f"grantcheck show {ids[0]}; "
              f"the schemes of a list side by side: grantcheck schemes -s {','.join(ids)}")
    scheme = ids[0]
    data = detail(scheme, on, _rate_overrides(rate))
    if fmt is Format.json:
        _print_json(data)
        return
    from grantcheck.render.describe import render_show

    with _paged(_stdout_console(), no_pager) as console:
        render_show(data, on.isoformat(), console)
    for w in (data["exchange_rate"] or {}).get("warnings", []):  # a rate past the table
        _err(f"Warning: {w}")
