"""SMV:Digital: the documents before and after the project, and when each is needed."""

from __future__ import annotations

from collections.abc import Callable

from grantcheck.engine import (
    Ctx,
    Document,
    Stage,
)
from grantcheck.schemes.dk_smv_digital.legal import PAGE_FROM
from grantcheck.schemes.dk_smv_digital.page import (
    C_ADVISOR_INVOICE,
    C_APPLICATION,
    C_FTE_EXPLANATION,
    C_MANAGEMENT_DECLARATION,
    C_PAYMENT_REQUEST,
    C_REPORT_ACCOUNTS,
    C_REPORT_DEADLINE,
    C_REPORTING,
    C_TECHNOLOGY_CHOICE,
    C_TIMESHEET,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    REPORT_DEADLINE_MONTHS,
)


def _flag(path: str) -> Callable[[Ctx], bool | None]:
    def when(ctx: Ctx) -> bool | None:
        return bool(ctx.need(path))

    return when


_AFTER = (f"after the project, at the latest {REPORT_DEADLINE_MONTHS.at(PAGE_FROM)} months after "
          "the end of the commitment period")

DOCUMENTS = (
    Document("smv_application", "SMV:Digital application (template), sent when a pool opens",
             (C_APPLICATION,)),
    Document("business_case", "business case for the investment in new hardware or software",
             (C_TECHNOLOGY_CHOICE,), Stage.APPLICATION,
             condition="up-to-DKK 250,000 voucher: the page says the business case must have "
             "been made (udarbejdet), not that it is attached; the company holds it",
             tier="t250"),
    Document("fte_explanation", "explanation in the company description of the application why "
             "the cvr.dk FTE figure is not right", (C_FTE_EXPLANATION,), Stage.APPLICATION,
             when=_flag("company.fte_differs_from_cvr"),
             condition="when the FTE figure on cvr.dk is not right "
             "(company.fte_differs_from_cvr)"),
    Document("timesheet", "timesheet of own hours (person, task, date, time)", (C_TIMESHEET,),
             Stage.GRANT_START, when=_flag("project.own_hours"),
             condition="when own hours co-finance the project (project.own_hours), kept "
             "throughout the project"),
    Document("smv_payment_request", "signed payment request", (C_REPORTING, C_PAYMENT_REQUEST,
             C_REPORT_DEADLINE), Stage.AFTER_PROJECT, condition=_AFTER),
    Document("smv_report_and_accounts", "'afrapportering og regnskab' incl. timesheet",
             (C_REPORTING, C_REPORT_ACCOUNTS, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
    Document("smv_management_declaration", "signed management declaration",
             (C_REPORTING, C_MANAGEMENT_DECLARATION, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
    Document("smv_advisor_invoice", "copy of the advisor's invoice",
             (C_REPORTING, C_ADVISOR_INVOICE, C_REPORT_DEADLINE), Stage.AFTER_PROJECT,
             condition=_AFTER),
)
