"""Innobooster People's documents, and when each is needed ("Bedømmelsesprocessen" and
"Udbetalinger, regnskab og rapportering")."""

from __future__ import annotations

from grantcheck.engine import Ctx, Document, Stage
from grantcheck.schemes.dk_innobooster_people.page import (
    C_AUDITOR,
    C_CHALLENGES,
    C_CONFIRM,
    C_CV_CURRENT,
    C_CV_PAGES,
    C_FORM,
    C_FORMAL,
    C_LAST_PAYOUT,
    C_PDF,
    C_PITCH_TOPICS,
    C_REHIRE_CONTRACT,
    C_REPORT,
    C_SLIDES,
)


def _rehire_needed(ctx: Ctx) -> bool | None:
    """A re-hired funded employee needs an employment contract; unknown while the profile does
    not list the employees or say whether one was employed at application."""
    emps = ctx.profile.employees
    if emps is None:
        return None
    if any(e.employed_at_application is False for e in emps):
        return True
    if any(e.employed_at_application is None for e in emps):
        return None
    return False


DOCUMENTS = (
    Document("innobooster_application_form",
             "application form in e-grant: challenges (max 3,000 characters), development "
             "activities (max 2,000), results (max 2,000)", (C_FORM, C_CHALLENGES, C_FORMAL)),
    Document("pitch_deck",
             "pitch deck, about 12 slides, PDF: problem and solution, product, traction, business "
             "model, market and competition, team, key figures (revenue, gross profit/loss, "
             "result, equity, average full-time staff in the latest fiscal year)",
             (C_SLIDES, C_PITCH_TOPICS, C_PDF)),
    Document("cvs",
             "up-to-date CVs of the funded employees, max 2 pages each, PDF, showing them "
             "employed at application", (C_CV_PAGES, C_CV_CURRENT, C_PDF)),
    Document("rehire_contract", "employment contract of each re-hired employee",
             (C_REHIRE_CONTRACT,), stage=Stage.GRANT_START, when=_rehire_needed,
             condition="when a funded employee is re-hired (not employed at application); "
             "needed at the latest when the grant period starts"),
    Document("employment_confirmation",
             "confirmation that the funded employments continue, before the payout after "
             "month 6", (C_CONFIRM,), stage=Stage.REMINDER),
    Document("innobooster_final_report",
             "final report on the business and technological development and the results of the "
             "grant", (C_REPORT, C_LAST_PAYOUT), stage=Stage.AFTER_PROJECT),
    Document("auditor_statement",
             "final auditor's statement: the information is correct and the company and its "
             "ownership structure can receive start-up aid", (C_AUDITOR, C_LAST_PAYOUT),
             stage=Stage.AFTER_PROJECT),
)
