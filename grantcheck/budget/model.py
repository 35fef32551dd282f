"""The draft project budget: cost lines with a category, and optionally how they are financed.

A budget is the ``[budget]`` table of a profile, or a TOML file holding only that table (a draft
checked before the company's profile exists). Every amount is exact (Decimal), in
``budget.currency`` (default: the company's currency, or the scheme's when there is no profile).

The category vocabulary is fixed (:class:`Category`); docs/budget.md (the budget format) documents
each category and field. What a category is worth under a scheme is decided by that scheme's
budget checker (``grantcheck.budget.<scheme>``), never here.
"""


from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import StrictBool

from grantcheck.amounts import MAX_AMOUNT, MAX_COUNT, Count, NonNeg, Whole
from grantcheck.profile.field import Field
from grantcheck.profile.record import Record, model_validator
from grantcheck.profile.types import Currency

MAX_MONTHS = 1200  # a hundred years: any longer is a typo


class _Model(Record):
    """The budget's models: records, as the profile's (:mod:`grantcheck.profile.record`)."""


class Category(StrEnum):
    """What a cost line is. The descriptions are docs/budget.md's vocabulary table."""

    PERSONNEL = "personnel"
    SALARY = "salary"
    CONSULTANCY = "consultancy"
    EXTERNAL_SERVICES = "external_services"
    ADMINISTRATION = "administration"
    HARDWARE = "hardware"
    SOFTWARE = "software"
    SOFTWARE_SUBSCRIPTION = "software_subscription"
    COMMISSIONING = "commissioning"
    EQUIPMENT = "equipment"
    IPR = "ipr"
    TRAVEL = "travel"
    FLAT_RATE = "flat_rate"
    TRAINING = "training"
    MARKETING = "marketing"
    COMMUNICATION = "communication"
    STRATEGY = "strategy"
    MARKET_ANALYSIS = "market_analysis"
    OPERATIONS = "operations"
    APPLICATION_WRITING = "application_writing"
    OTHER = "other"


CATEGORY_TEXT: dict[Category, str] = {
    Category.PERSONNEL: "own staff's hours on the project (hours × rate, or hours and the gross "
    "annual salary)",
    Category.SALARY: "the monthly salary cost of a named employee (Innobooster People)",
    Category.CONSULTANCY: "consultancy and advice bought from an advisor",
    Category.EXTERNAL_SERVICES: "other purchased external services and assistance",
    Category.ADMINISTRATION: "project management, facilitation and administration (a network's "
    "administrator)",
    Category.HARDWARE: "hardware bought",
    Category.SOFTWARE: "software bought (licences)",
    Category.SOFTWARE_SUBSCRIPTION: "software on subscription (give `months`)",
    Category.COMMISSIONING: "installation, configuration and integration with existing systems",
    Category.EQUIPMENT: "depreciation or rent of instruments and equipment (give "
    "`project_share_percent` when only part of its use is the project's, and `start` and `end` "
    "when it runs outside the project period)",
    Category.IPR: "patents, licences and other intellectual property bought",
    Category.TRAVEL: "travel, accommodation and other direct expenses",
    Category.FLAT_RATE: "a flat-rate (schablon) overhead",
    Category.TRAINING: "training courses for staff",
    Category.MARKETING: "sales and marketing",
    Category.COMMUNICATION: "communication activities",
    Category.STRATEGY: "strategy development",
    Category.MARKET_ANALYSIS: "market and competitor analyses",
    Category.OPERATIONS: "ordinary operations and operational optimisation",
    Category.APPLICATION_WRITING: "writing the grant application",
    Category.OTHER: "anything else (describe it)",
}


class Financing(StrEnum):
    CASH = "cash"
    IN_KIND = "in_kind"


class Source(StrEnum):
    """Where a financing line's money comes from."""

    OWN = "own"  # the applicant or, in a network, a participant
    EXTERNAL = "external"  # a private third party (investor, partner, sponsor)
    PUBLIC = "public"  # another public grant (not the one applied for)


class BudgetLine(_Model):
    """One cost line. Give ``amount``, or ``hours`` with a ``rate`` (or the salary basis)."""

    description: str | None = Field(
        None, description="what the cost is", examples=["Requirement specification, Acme Consult"])
    category: Category = Field(
        description="the kind of cost (see the vocabulary in docs/budget.md)",
        examples=["consultancy"])
    amount: NonNeg | None = Field(
        None, description="the cost, excluding VAT, in the budget's currency",
        examples=[Decimal("150000")])
    hours: NonNeg | None = Field(
        None, description="hours spent (personnel): the amount is hours × rate",
        examples=[Decimal("120")])
    rate: NonNeg | None = Field(
        None, description="hourly rate (personnel)", examples=[Decimal("650")])
    gross_annual_salary: NonNeg | None = Field(
        None, description="gross annual salary of the person whose hours these are; a scheme "
        "that states how an hourly rate follows from it (SMV:Digital: / 1,613) derives the rate",
        examples=[Decimal("540000")])
    owner_without_salary: StrictBool | None = Field(
        None, description="the hours are an owner's who draws no salary (SMV:Digital: DKK 250/h)",
        examples=[True])
    digital_part_minor: StrictBool | None = Field(
        None, description="market_analysis lines: the digital aspect is only a minor part of the "
        "analysis (SMV:Digital: true is not eligible, false counts as advice)", examples=[False])
    person: str | None = Field(
        None, description="whose hours these are (for the timesheet)", examples=["Ida Holm"])
    employee: str | None = Field(
        None, description="salary lines: the named employee (as in [[employees]])",
        examples=["Ida Holm"])
    monthly_salary: NonNeg | None = Field(
        None, description="salary lines: the monthly salary cost", examples=[Decimal("42000")])
    months: Annotated[int, Whole(1, MAX_MONTHS)] | None = Field(
        None, description="salary lines: months paid; "
        "software_subscription: months of subscription", examples=[12])
    project_share_percent: Annotated[Decimal, Field(gt=0, le=100)] | None = Field(
        None, description="equipment: the project's share of the equipment's use over the line's "
        "dates (incurred, or start to end; without dates, the project period); days outside the "
        "project period are left out by the dates, not by this share", examples=[Decimal("40")])
    incurred: date | None = Field(
        None, description="the day the cost is incurred or paid", examples=["2026-03-15"])
    start: date | None = Field(
        None, description="first day of a cost that runs over a period", examples=["2026-03-01"])
    end: date | None = Field(
        None, description="last day of a cost that runs over a period", examples=["2026-08-31"])
    participant: str | None = Field(
        None, description="networks: the participant that carries the cost (default: the "
        "applicant, who administers the network)", examples=["Fjord Tre AS"])
    year: Annotated[int, Whole(1, MAX_COUNT)] | None = Field(  # as network.project_year
        None, description="networks: the project year the cost belongs to",
        examples=[1])
    financing: Financing | None = Field(
        None, description="cash: paid out (invoices, salaries paid for the project); in_kind: "
        "booked own hours or expenses given as a contribution", examples=["cash"])

    @model_validator(mode="after")
    def _complete(self) -> "BudgetLine":
        if self.hours is not None and self.rate is None and self.gross_annual_salary is None \
                and not self.owner_without_salary and self.amount is None:
            raise ValueError("rate: hours need a rate (or gross_annual_salary, or "
                             "owner_without_salary = true, or the amount)")
        if self.rate is not None and self.hours is None:
            raise ValueError("hours: a rate needs the hours it applies to")
        if self.hours is not None and self.rate is not None and self.amount is not None \
                and self.hours * self.rate != self.amount:
            raise ValueError(f"amount: {self.amount} is not hours × rate = "
                             f"{self.hours * self.rate}; give one or make them agree")
        if self.category is Category.SALARY:
            if not self.employee:
                raise ValueError("employee: a salary line names the employee")
            if self.monthly_salary is None and self.amount is None:
                raise ValueError("monthly_salary: a salary line gives the monthly salary cost")
        for product, what in ((self.hours, self.rate), (self.monthly_salary, self.months)):
            if product is not None and what is not None and product * what > MAX_AMOUNT:
                raise ValueError(f"amount: {product} × {what} is more than {MAX_AMOUNT:,}")
        if self.amount is None and self.hours is None and self.monthly_salary is None:
            raise ValueError("amount: the line has no amount (give amount, or hours and rate)")
        if self.start and self.end and self.end < self.start:
            raise ValueError("end: the line ends before it starts")
        return self


class FinancingLine(_Model):
    """Where the money comes from (optional: without it the tool states what is required)."""

    source: Source = Field(description="own, external (private third party) or public",
                           examples=["own"])
    amount: NonNeg = Field(description="the amount, in the budget's currency",
                           examples=[Decimal("400000")])
    financing: Financing = Field(Financing.CASH, description="cash or in_kind",
                                 examples=["cash"])
    participant: str | None = Field(
        None, description="networks: the participant that pays", examples=["Fjord Tre AS"])
    description: str | None = Field(None, description="what it is",
                                    examples=["Regional co-financing, Region Västerbotten"])


class _AnyCaseId:
    """A scheme's id written in any case read as its id (``DK-SMV-DIGITAL``: dk-smv-digital),
    as ``--scheme`` reads it; anything else as written (an unknown id is refused by
    ``budget``)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        from grantcheck.profile.record import text_schema
        from grantcheck.schemes import canonical_id

        def canonical(value: Any) -> Any:
            return canonical_id(value) if isinstance(value, str) else value

        inner = handler(source) if handler is not None else text_schema()
        return core_schema.no_info_before_validator_function(canonical, inner)


class Budget(_Model):
    """A draft project budget: ``[budget]``, ``[[budget.lines]]``, ``[[budget.financing]]``."""

    scheme: Annotated[str, _AnyCaseId()] | None = Field(
        None, description="the scheme the budget is drafted for (else --scheme, or every "
        "scheme that could fit)", examples=["dk-smv-digital"])
    currency: Currency | None = Field(
        None, description="currency of every amount (default: the company's currency, or the "
        "scheme's without a profile)", examples=["DKK"])
    tier: Literal["t25", "t100", "t250"] | None = Field(
        None, description="SMV:Digital: the voucher applied for (t25, t100 or t250)",
        examples=["t250"])
    start: date | None = Field(
        None, description="first day of the project (commitment) period", examples=["2026-02-01"])
    end: date | None = Field(
        None, description="last day of the project (commitment) period", examples=["2027-01-31"])
    application_date: date | None = Field(
        None, description="the day the application is sent", examples=["2026-01-20"])
    approval_date: date | None = Field(
        None, description="Innobooster People: the day the application was approved (the grant "
        "period starts on the 1st of a later month)", examples=["2020-11-20"])
    grant_sought: NonNeg | None = Field(
        None, description="the grant applied for (default: the most the budget allows)",
        examples=[Decimal("250000")])
    training_persons: Count | None = Field(
        None, description="Säker digitalisering: persons taking the training add-on",
        examples=[4])
    lines: list[BudgetLine] = Field(
        min_length=1, description="the cost lines", examples=[[{"category": "consultancy",
                                                                "amount": 150000}]])
    financing: list[FinancingLine] | None = Field(
        None, description="the financing lines (left out: the tool states what is required)",
        examples=[[{"source": "own", "amount": 400000, "financing": "cash"}]])

    @model_validator(mode="after")
    def _period(self) -> "Budget":
        if self.start and self.end and self.end < self.start:
            raise ValueError("end: the project ends before it starts")
        if self.application_date and self.approval_date \
                and self.approval_date < self.application_date:
            raise ValueError("approval_date: the application is approved before it is sent "
                             f"(application_date {self.application_date})")
        return self
