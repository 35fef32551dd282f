"""The EU de minimis regulations, written once for every scheme that grants de minimis aid.

- Commission Regulation (EU) No 1407/2013, applied from 2014-01-01 to 2023-12-31 (prolonged by
  Regulation (EU) 2020/972): at most EUR 200,000 per single undertaking over the current and the
  two previous fiscal years.
- Commission Regulation (EU) 2023/2831, from 2024-01-01 until 2030-12-31 (art. 8): at most
  EUR 300,000 over any rolling period of three years, aid granted before 2024 included.
- Neither applies to aid to undertakings active in fisheries and aquaculture or in the primary
  production of agricultural products (art. 1(1)(a),(b) of each); an undertaking also active in
  other sectors may get de minimis aid for those, kept apart (art. 1(2) of each):
  :func:`grantcheck.law.de_minimis_scope.sector_in_scope`, a warning a scheme can give (the aid
  may go to other activities).

The regime in force on the evaluation date is applied (dated parameters). Only ``aid_received``
entries with ``de_minimis = true`` are summed (and those of the schemes a caller's
``is_de_minimis`` names, whose status is not stated: a scheme's own earlier grants); entries
whose status is not stated make the finding unknown when they could change it. Under the old
regime the fiscal year comes from ``company.fiscal_year_start_month``; when it is not stated, all
twelve possible start months are tried and the finding is decided only if they agree. New aid
that would take the total above the ceiling cannot be granted at all (art. 3(7) of both), so a
scheme checks the aid received plus the grant it would give (:func:`within_ceiling`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from grantcheck.basis import Fact, LegalBasis, Period
from grantcheck.citations import Citation, Source, eu
from grantcheck.engine import (
    Check,
    Ctx,
    Text,
    because,
    dated,
    derived,
    failed,
    missing,
    passed,
    text_of,
    unknown,
)
from grantcheck.law.dates import years_before
from grantcheck.money import Money
from grantcheck.named import NamedTuple
from grantcheck.parameters import Parameter, constant
from grantcheck.profile import Aid

DE_MINIMIS_2013 = Source(
    "de-minimis-1407-2013",
    "Commission Regulation (EU) No 1407/2013 (de minimis)",
    "European Commission",
    "en",
    "https://eur-lex.europa.eu/eli/reg/2013/1407/oj",
    is_scheme_page=False,
)
DE_MINIMIS_2023 = Source(
    "de-minimis-2023-2831",
    "Commission Regulation (EU) 2023/2831 (de minimis)",
    "European Commission",
    "en",
    "https://eur-lex.europa.eu/eli/reg/2023/2831/oj",
    is_scheme_page=False,
)

C_DM2013_CEILING = eu(
    DE_MINIMIS_2013, "Article 3(2)",
    "The total amount of de minimis aid granted per Member State to a single undertaking shall "
    "not exceed EUR 200 000 over any period of three fiscal years.",
    note="applied from 2014-01-01; prolonged to 2023-12-31 by Regulation (EU) 2020/972",
)
C_DM2013_NEW_AID = eu(
    DE_MINIMIS_2013, "Article 3(7)",
    note="new de minimis aid that would take the total above the ceiling cannot be granted "
    "under the regulation at all, not even the part below the ceiling",
)
C_DM2023_CEILING = eu(
    DE_MINIMIS_2023, "Article 3(2)",
    "The total amount of de minimis aid granted per Member State to a single undertaking shall "
    "not exceed EUR 300 000 over any period of three years.",
    note="the three years are rolling: for each new grant, the de minimis aid of the previous "
    "three years counts, aid granted before 2024 included",
)
C_DM2023_NEW_AID = eu(
    DE_MINIMIS_2023, "Article 3(7)",
    note="new de minimis aid that would take the total above the ceiling cannot be granted "
    "under the regulation at all",
)
C_DM2023_APPLIES = eu(
    DE_MINIMIS_2023, "Article 8",
    note="in force from 2024-01-01, applies until 2030-12-31; it replaced Regulation (EU) No "
    "1407/2013",
)
C_DM2013_APPLIES = eu(
    DE_MINIMIS_2013, "Article 8",
    note="applies from 2014-01-01; until 2020-12-31 as adopted, prolonged to 2023-12-31 by "
    "Regulation (EU) 2020/972",
)
C_DM_SINGLE_UNDERTAKING = eu(
    DE_MINIMIS_2023, "Article 2(2)",
    note="the ceiling is per single undertaking: the aid of the companies of the group counts",
)

CITES = (C_DM2013_CEILING, C_DM2023_CEILING, C_DM2023_APPLIES, C_DM_SINGLE_UNDERTAKING)
NEW_AID_CITES = (C_DM2013_NEW_AID, C_DM2023_NEW_AID)

REG_1407_2013_FROM = date(2014, 1, 1)
REG_2023_2831_FROM = date(2024, 1, 1)
REG_2023_2831_UNTIL = date(2030, 12, 31)

DE_MINIMIS_CEILING = Parameter(
    "de_minimis_ceiling", "EUR",
    {REG_1407_2013_FROM: Decimal(200_000), REG_2023_2831_FROM: Decimal(300_000)},
    C_DM2023_CEILING, valid_until=REG_2023_2831_UNTIL,
    sources={REG_1407_2013_FROM: C_DM2013_CEILING},  # EUR 200,000: Regulation 1407/2013's words
    note="EUR 200,000 over the current and the two previous fiscal years under Regulation (EU) "
    "No 1407/2013 (2014-01-01 to 2023-12-31), the figure the page still quotes; EUR 300,000 over "
    "any rolling three years under Regulation (EU) 2023/2831 from 2024-01-01",
)
DE_MINIMIS_ROLLING_FROM = constant(
    "de_minimis_rolling_window_from", "date", REG_2023_2831_FROM, C_DM2023_APPLIES,
    note="before this date the window is the current and the two previous fiscal years "
    "(Regulation (EU) No 1407/2013); from it, any rolling period of three years",
    valid_until=REG_2023_2831_UNTIL,
)
DE_MINIMIS_YEARS = Parameter(
    "de_minimis_period_years", "years",
    {REG_1407_2013_FROM: Decimal(3), REG_2023_2831_FROM: Decimal(3)},
    C_DM2023_CEILING, valid_until=REG_2023_2831_UNTIL,
    note="three fiscal years (the current and the two previous) under Regulation (EU) No "
    "1407/2013; three rolling years under Regulation (EU) 2023/2831",
)

PARAMETERS = (DE_MINIMIS_CEILING, DE_MINIMIS_ROLLING_FROM, DE_MINIMIS_YEARS)

# --- de minimis aid as a legal basis: the two regulations, one after the other ----------------

PERIODS = (
    Period("Regulation (EU) No 1407/2013", Fact(REG_1407_2013_FROM, C_DM2013_APPLIES),
           Fact(REG_2023_2831_FROM - timedelta(days=1), C_DM2013_APPLIES)),
    Period("Regulation (EU) 2023/2831", Fact(REG_2023_2831_FROM, C_DM2023_APPLIES),
           Fact(REG_2023_2831_UNTIL, C_DM2023_APPLIES)),
)


def basis(*cites: Citation) -> LegalBasis:
    """De minimis aid under the regulation in force on the date, as a scheme's legal basis, tied
    to the scheme by ``cites`` (the page's sentence)."""
    return LegalBasis("the EU de minimis regulation", PERIODS, cites,
                      note="no regulation after 2023/2831 (which applies until 2030-12-31) is "
                      "encoded")


def _fiscal_window_start(on: date, start_month: int, years: int) -> date:
    current = date(on.year if on.month >= start_month else on.year - 1, start_month, 1)
    return date(current.year - (years - 1), start_month, 1)


class Regime(NamedTuple):
    """The de minimis regime in force on one date, its ceiling in one currency, and its texts."""

    ceiling: Money
    text: str  # 'EUR 300,000 = DKK 2,242,080 (1 EUR = …)'
    regime: str  # 'Regulation (EU) 2023/2831: EUR 300,000 over any rolling 3 years, …'
    # the windows (first day, label): the rolling one, or one per fiscal-year start month 1–12
    windows: tuple[tuple[date, str], ...]
    rolling: bool


@dated
def regime(ctx: Ctx) -> Regime:
    """The de minimis regime in force on ctx's date (made once per date, currency and rates)."""
    on = ctx.on
    ceiling_eur = DE_MINIMIS_CEILING.money(on)  # NotEncoded on a date it does not cover, first
    ceiling = ctx.convert(ceiling_eur, ctx.currency)
    rate = ctx.fx.describe_conversion("EUR", ctx.currency)
    ceiling_text = f"{ceiling_eur}" + (f" = {ceiling.rounded()} ({rate})" if rate else "")
    years = int(DE_MINIMIS_YEARS.at(on))
    rolling = on >= DE_MINIMIS_ROLLING_FROM.at(on)
    windows: tuple[tuple[date, str], ...]
    if rolling:
        start = years_before(on, years) + timedelta(days=1)
        text = (f"Regulation (EU) 2023/2831: {ceiling_eur} over any rolling {years} years, aid "
                "granted before 2024 included; the page still quotes the old ceiling of "
                "EUR 200,000 over the current and the two previous fiscal years "
                "(Regulation (EU) No 1407/2013)")
        windows = ((start, f"granted {start} to {on}"),)
    else:
        text = (f"Regulation (EU) No 1407/2013, the page's ceiling: {ceiling_eur} over the "
                f"current and the two previous fiscal years")
        starts = [_fiscal_window_start(on, m, years) for m in range(1, 13)]
        windows = tuple((s, f"granted in the fiscal years from {s} to {on}") for s in starts)
    return Regime(ceiling, ceiling_text, text, windows, rolling)


Known = Callable[[str], bool] | None
"""Which schemes' aid is de minimis aid though its entry does not say (a scheme whose page says
its own grant is): given the entry's scheme name."""


class Window(NamedTuple):
    start: date
    label: str
    known: Money
    entries: int  # de minimis aid entries summed in known ('count' is a tuple method)
    unsure: tuple[str, ...]
    unsure_sum: Decimal


def _window(ctx: Ctx, aid: Sequence[Aid], start: date, label: str, is_de_minimis: Known
            ) -> Window:
    in_window = [(i, a) for i, a in enumerate(aid) if start <= a.granted <= ctx.on]
    known = Money.zero(ctx.currency)
    count = 0
    unsure_sum = Money.zero(ctx.currency)
    unsure: list[str] = []
    for i, a in in_window:
        if a.de_minimis is True or (a.de_minimis is None and is_de_minimis is not None
                                    and is_de_minimis(a.scheme)):
            known = known + ctx.money(a.amount)
            count += 1
        elif a.de_minimis is None:
            unsure_sum = unsure_sum + ctx.money(a.amount)
            unsure.append(f"aid_received[{i}].de_minimis")
    return Window(start, label, known, count, tuple(unsure), unsure_sum.amount)


class Received(NamedTuple):
    """The de minimis aid received in the window(s), before a grant is added."""

    windows: tuple[Window, ...]
    largest: Window
    figures: Text  # 'de minimis aid granted … to …: DKK 150,000 (2 entries)'
    note: str  # ' (the largest over the twelve …)' where the fiscal year is not known
    fields: tuple[str, ...]  # what would settle an unknown outcome
    why: str  # why it would be unknown


_NO_AID_WHY = because("every aid received in the last three years, with its date and whether "
                      "it was de minimis aid; aid_received = [] if none")


@derived
def received(ctx: Ctx, known: Known = None) -> Received | None:
    """The aid in the windows of the regime in force, before a grant is added: summed once per
    profile (a scheme checks it alone and with each grant it could give); None when the profile
    does not list the aid received."""
    regime_ = regime(ctx)
    if ctx.profile.aid_received is None:
        return None
    aid = ctx.profile.aid_received
    month = ctx.profile.company.fiscal_year_start_month
    month_known = regime_.rolling or month is not None
    if regime_.rolling:
        starts = regime_.windows
    elif month is not None:
        starts = (regime_.windows[month - 1],)
    else:  # all twelve possible start months; the rule decides only if they agree
        starts = regime_.windows
    windows = tuple(_window(ctx, aid, start, label, known) for start, label in starts)
    w = max(windows, key=lambda x: x.known.amount)

    def figures() -> str:
        return (f"de minimis aid {w.label}: {w.known} ({w.entries} "
                f"{'entry' if w.entries == 1 else 'entries'})")

    note = ("" if month_known or len(windows) == 1
            else " (the largest over the twelve possible fiscal-year start months)")
    unsure = sorted({f for x in windows for f in x.unsure})
    fields = ([] if month_known else ["company.fiscal_year_start_month"]) + unsure
    why = []
    if unsure:
        why.append("aid whose de minimis status is not stated could take the total above the "
                   "ceiling")
    if not month_known:
        why.append("the outcome depends on the fiscal year")
    return Received(windows, w, figures, note, tuple(fields), " and ".join(why))


@derived
def within_ceiling(ctx: Ctx, grant: Money | None, grant_text: str, reading: str,
                   known: Known = None) -> Check:
    """De minimis aid in the window (plus `grant`, if given) against the ceiling in force; a
    finding's text ends with the regime and the scheme's ``reading`` of its page."""
    regime_ = regime(ctx)
    after = f". {regime_.regime}. {reading}."
    aid = received(ctx, known)
    if aid is None:
        return missing("aid_received", why=_NO_AID_WHY)
    ceiling = regime_.ceiling
    # each window: over the ceiling, within it even with the aid of unstated status, or unknown
    limit = ceiling.amount
    added = grant.amount if grant is not None else Decimal(0)
    outcomes = set()
    for x in aid.windows:
        total_x = x.known.amount + added
        outcomes.add(False if total_x > limit else True if total_x + x.unsure_sum <= limit
                     else None)
    w = aid.largest
    total = w.known + (grant or Money.zero(ctx.currency))

    def figures() -> str:
        plus = f" + grant {grant} ({grant_text})" if grant is not None else ""
        return f"{text_of(aid.figures)}{plus} = {total}{aid.note}"

    if len(outcomes) == 1 and None not in outcomes:
        ok = outcomes.pop()

        def message() -> str:
            return f"{figures()} {'≤' if ok else '>'} the ceiling {regime_.text}{after}"

        if ok:
            return passed(message)
        room = ceiling - (grant or Money.zero(ctx.currency))
        if grant is not None:
            fix = (f"the de minimis aid in the window must not exceed {room.rounded()} with this "
                   f"grant ({(w.known - room).rounded()} less): seek a smaller grant or wait "
                   "until older aid leaves the window")
        else:
            fix = (f"the de minimis aid in the window exceeds the ceiling by "
                   f"{(w.known - room).rounded()}: no de minimis aid can be granted until older "
                   "aid leaves the window")
        return failed(message, fix)
    return unknown(lambda: f"{figures()}; ceiling {regime_.text}: {aid.why}{after}", *aid.fields)

