"""SMV:Digital: SMV29–SMV31, each voucher's project period, after the rules of
:mod:`.rules_project` (the page states the periods last, under "Ændringer eller forlængelse af
jeres projekt")."""

from __future__ import annotations

from collections.abc import Callable

from grantcheck.engine import Check, Ctx, Kind, RuleBook, because, lacking
from grantcheck.law.dates import inside, last_day_or_later
from grantcheck.schemes.dk_smv_digital.grant import T25, T100, T250, _Voucher, per_voucher
from grantcheck.schemes.dk_smv_digital.legal import PAGE_FROM
from grantcheck.schemes.dk_smv_digital.page import C_PERIOD
from grantcheck.schemes.dk_smv_digital.sections import S_TIERS

rules = RuleBook()

_NO_PERIOD = because("to compare the planned project with the project period")


def _period(v: _Voucher) -> Callable[[Ctx], Check]:
    said = T_PERIOD[v.id]

    def fn(ctx: Ctx) -> Check:
        p = ctx.profile.project
        absent = [f for f, x in (("project.start", p.start), ("project.end", p.end)) if x is None]
        if absent:
            lacking(*absent, why=_NO_PERIOD)
        assert p.start is not None and p.end is not None
        months = int(v.period.at(ctx.on))
        last = last_day_or_later(p.start, months)
        return said.check(inside(p.end, last), start=p.start, end=p.end, months=months,
                          last=last)

    fn.__doc__ = (f"{v.name}: project period {v.period.at(PAGE_FROM)} months (set in the "
                  "commitment).")
    return fn


T_PERIOD = per_voucher("planned {start} to {end}; the {voucher} voucher's project period is "
                       "{months} months, {start} to {last}",
                       fix="plan the project to end by {last}; an extension can only be asked "
                       "for, in writing within the period, if something unforeseen delays it")


rules.add("SMV29", "The project fits the DKK 25,000 voucher's project period", _period(T25),
          kind=Kind.SOFT, section=S_TIERS, cites=[C_PERIOD],
          reads=["project.start", "project.end"], tier=T25.id)
rules.add("SMV30", "The project fits the DKK 100,000 voucher's project period", _period(T100),
          kind=Kind.SOFT, section=S_TIERS, cites=[C_PERIOD],
          reads=["project.start", "project.end"], tier=T100.id)
rules.add("SMV31", "The project fits the up to DKK 250,000 voucher's project period", _period(T250),
          kind=Kind.SOFT, section=S_TIERS, cites=[C_PERIOD],
          reads=["project.start", "project.end"], tier=T250.id)
