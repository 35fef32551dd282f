"""Säker digitalisering: the cost types the page accepts and its project-period rule (for the
budget command)."""

from __future__ import annotations

from grantcheck.citations import Citation
from grantcheck.named import NamedTuple
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_INVESTERINGAR,
    C_KOSTNADER_PERIOD,
    C_KOSTNADSSLAG,
    C_PERIOD_START,
)


class CostType(NamedTuple):
    id: str
    name: str
    cite: Citation
    note: str = ""


ELIGIBLE_COSTS: tuple[CostType, ...] = (
    CostType("personnel", "personnel (personal)", C_KOSTNADSSLAG),
    CostType("flat_rate", "flat rate (schablon)", C_KOSTNADSSLAG),
    CostType("external_services", "external services (externa tjänster)", C_KOSTNADSSLAG),
    CostType("investments", "investments: small costs for digital tools (investeringar)",
             C_INVESTERINGAR),
    CostType("travel", "travel and accommodation (resor och logi)", C_KOSTNADSSLAG),
)
PROJECT_PERIOD_COSTS = (C_KOSTNADER_PERIOD, C_PERIOD_START)
"""Only costs inside the project period count, neither before its start nor after its end."""
