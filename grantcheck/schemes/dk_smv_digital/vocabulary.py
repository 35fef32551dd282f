"""SMV:Digital: the words a profile uses for its lists (light: the profile
model imports it)."""

from enum import StrEnum


class SmvActivity(StrEnum):
    POTENTIAL_CLARIFICATION = "potential_clarification"
    IMPLEMENTATION = "implementation"
    INVESTMENT = "investment"


class SmvIneligible(StrEnum):
    """SMV:Digital, 'ikke støtteberettigede' activities."""

    ORDINARY_OPERATIONAL_OPTIMISATION = "ordinary_operational_optimisation"
    STRATEGY_DEVELOPMENT = "strategy_development"
    SALES_AND_MARKETING = "sales_and_marketing"
    MARKET_ANALYSIS = "market_analysis"  # market/competitor analyses, the digital part minor
    COMMUNICATION = "communication"
    APPLICATION_WRITING = "application_writing"
