"""Säker digitalisering: the application's contents, as documents."""

from __future__ import annotations

from grantcheck.engine import Ctx, Document, Stage
from grantcheck.schemes.se_saker_digitalisering.page import (
    C_BILAGOR,
    C_DOC_AGENDA,
    C_DOC_ANTAL,
    C_DOC_FASER,
    C_DOC_KOMPETENS,
    C_DOC_KON,
    C_DOC_LEDNING,
    C_DOC_STRATEGI,
    C_DOC_TEMA,
    C_DOC_TID,
    C_DOC_UTMANING,
    C_SLUTRAPPORT,
    C_TEMA,
    C_TILLAGG_TYP,
    C_UTBETALNING,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import FINAL_REPORT_DAY


def _addon_sought(ctx: Ctx) -> bool:
    return ctx.profile.project.training_addon is not None


DOCUMENTS = (
    Document("number_of_companies", "Number of participating companies", (C_DOC_ANTAL,)),
    Document("participation_time_estimate", "Estimated time the companies take part",
             (C_DOC_TID,)),
    Document("gender_split_estimate",
             "Estimated split of women and men representing the companies", (C_DOC_KON,)),
    Document("competence_description", "Relevant competence and experience (attachments "
             "welcome)", (C_DOC_KOMPETENS,)),
    Document("results_strategy", "Strategy to use and spread the results", (C_DOC_STRATEGI,)),
    Document("theme_choice", "Chosen theme", (C_DOC_TEMA, C_TEMA)),
    Document("agenda_2030_goals", "Chosen Agenda 2030 goals", (C_DOC_AGENDA,)),
    Document("phase_plan", "Introduction and deepening phases and their activities",
             (C_DOC_FASER,)),
    Document("target_group_challenge",
             "The target group's challenge and the methods to develop", (C_DOC_UTMANING,)),
    Document("management_involvement",
             "How the companies' management and boards take part", (C_DOC_LEDNING,)),
    Document("training_type", "Type of training (training add-on)", (C_TILLAGG_TYP,),
             when=_addon_sought,
             condition="only when the training add-on is sought (project.training_addon)"),
    # 'De ska slutredovisas senast 2023-11-30'; the grant is paid on reporting ('i samband med
    # rapportering av genomförda insatser att få stödet utbetalt')
    Document("se_final_report", "Final report (slutredovisning) of the work done, which the "
             "grant is paid on", (C_SLUTRAPPORT, C_UTBETALNING), stage=Stage.AFTER_PROJECT,
             condition=f"after the project, at the latest {FINAL_REPORT_DAY}"),
    Document("se_mandatory_attachments",
             "Mandatory attachments ('Glöm inte obligatoriska bilagor'; the page names none)",
             (C_BILAGOR,), stage=Stage.REMINDER),
)
