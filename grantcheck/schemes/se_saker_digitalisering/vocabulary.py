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


THEMES = {
    SeTheme.DATA_AI: "Datadriven/AI-driven affärs- och verksamhetsutveckling",
    SeTheme.PLATFORMS_ECOSYSTEMS: "Digitala plattformar och digitala ekosystem",
    SeTheme.SMART_SPECIALISATION: "Smart specialisering/ branschspecifika satsningar",
    SeTheme.INTERNATIONALISATION: "Internationalisering",
    SeTheme.CLIMATE_ENVIRONMENT: "Klimat- och miljöanpassning",
}
