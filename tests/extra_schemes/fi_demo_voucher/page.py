"""The page's citations, in page order: reading this is reading ``page.txt`` (FICTIONAL)."""

from __future__ import annotations

from grantcheck.citations import Citation, Source

SOURCE = Source(
    id="fi-demo-voucher",
    title="Demo Agency: Demo Growth Voucher (fictional test page)",
    publisher="Demo Agency (fictional)",
    language="en",
)

# --- Who can apply --------------------------------------------------------------------------
C_FINLAND = Citation(SOURCE, "Who can apply",
                     "The voucher is for companies registered in Finland.")
C_STAFF_UNTIL_2026 = Citation(
    SOURCE, "Who can apply",
    "Until 31 December 2026 the company has fewer than 50 full-time employees.")
C_STAFF_FROM_2027 = Citation(
    SOURCE, "Who can apply",
    "From 1 January 2027 the company has fewer than 100 full-time employees.")

# --- How much -------------------------------------------------------------------------------
C_RATE_AND_CAP = Citation(
    SOURCE, "How much",
    "The voucher covers 50 % of the eligible costs, at most EUR 10 000 per company.")
C_SOUGHT = Citation(SOURCE, "How much", "The grant sought cannot be more than the voucher.")

# --- What the voucher pays for --------------------------------------------------------------
C_ELIGIBLE = Citation(
    SOURCE, "What the voucher pays for",
    "Eligible costs are consultancy services bought from an external expert.")
C_NOT_ELIGIBLE = Citation(
    SOURCE, "What the voucher pays for",
    "Own work, equipment and travel are not eligible costs.")

# --- How to apply ---------------------------------------------------------------------------
C_FORM = Citation(SOURCE, "How to apply", "Apply with the voucher application form.")
C_CALL = Citation(
    SOURCE, "How to apply",
    "The call is open from 1 January 2025 until 31 December 2027.")

# --- Legal basis ----------------------------------------------------------------------------
C_DEMO_ACT = Citation(
    SOURCE, "Legal basis",
    "The voucher is granted under the Demo Act, which applies from 1 January 2025 and has no "
    "end date.")
