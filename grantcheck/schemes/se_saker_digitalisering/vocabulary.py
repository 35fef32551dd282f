"""Säker digitalisering: the words a profile uses for its lists (light: the profile
model imports it)."""

from enum import StrEnum


class SeTheme(StrEnum):
    DATA_AI = "data_ai"
    PLATFORMS_ECOSYSTEMS = "platforms_ecosystems"
    SMART_SPECIALISATION = "smart_specialisation"
    INTERNATIONALISATION = "internationalisation"
    CLIMATE_ENVIRONMENT = "climate_environment"
    OTHER = "other"
