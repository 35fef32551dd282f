"""Prosess- og organisasjonsinnovasjon: the words a profile uses for its lists (light: the profile
model imports it)."""

from enum import StrEnum


class ProsessExclusion(StrEnum):
    """Prosess- og organisasjonsinnovasjon, 'Hva omfattes ikke?'."""

    EQUIPMENT_WITHOUT_INNOVATION = "equipment_without_innovation"
    ROUTINE_IMPROVEMENT = "routine_improvement"  # e.g. LEAN
    MINOR_PROCESS_CHANGES = "minor_process_changes"
    CUSTOM_DELIVERIES = "custom_deliveries"
    IT_SYSTEM_WITHOUT_PROCESS_INNOVATION = "it_system_without_process_innovation"  # SAP, CRM, …
    SINGLE_EQUIPMENT_REPLACEMENT = "single_equipment_replacement"
    INVENTORY_SYSTEM_ONLY = "inventory_system_only"
    PRICE_ADAPTATION = "price_adaptation"
    WINDING_DOWN_PRODUCTION = "winding_down_production"
