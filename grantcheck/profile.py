"""The company profile: what the five checkers read, as pydantic v2 models.

A profile is a TOML file. Every field is optional unless said otherwise: a field left out is
*unknown*, and the rules that need it say so; nothing is defaulted. Lists that state "none of
these" are written as an explicit empty list (``exclusions = []``); a list left out is unknown.
Money is exact (Decimal; TOML floats are read as Decimal) in the company's currency. Unknown keys
are errors with a "did you mean" hint.

The format is documented, with a complete example, in docs/profile.md.
"""

from __future__ import annotations

import difflib
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from grantcheck.budget.model import MAX_COUNT, Budget, Count, NonNeg
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity, SmvIneligible
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion
from grantcheck.schemes.se_saker_digitalisering.vocabulary import SeTheme

Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Flag = StrictBool | None

_COUNTRY_CURRENCY: dict[str, str] = {}


def country_currency() -> dict[str, str]:
    """country -> the currency its schemes state amounts in (from the schemes' packages)."""
    if not _COUNTRY_CURRENCY:
        from grantcheck.schemes import currencies

        _COUNTRY_CURRENCY.update(currencies())
    return _COUNTRY_CURRENCY


_COUNTRY = re.compile(r"[A-Za-z]{2}")  # a two-letter code (fullmatch)
_CVR = re.compile(r"\d{8}")  # a Danish CVR number, spaces taken out (fullmatch)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


M = TypeVar("M", bound=Model)


# --- vocabularies -----------------------------------------------------------------------------


class LegalForm(StrEnum):
    SOLE_TRADER = "sole_trader"  # enskild näringsidkare, enkeltpersonforetak, enkeltmandsvirksomhed
    LIMITED_COMPANY = "limited_company"  # AB, AS, ApS, A/S
    PARTNERSHIP = "partnership"
    COOPERATIVE = "cooperative"
    ASSOCIATION = "association"  # ekonomisk/ideell förening, forening
    FOUNDATION = "foundation"
    PUBLIC_BODY = "public_body"  # municipality, region, state agency
    OTHER = "other"


class Sector(StrEnum):
    FISHERY_AQUACULTURE = "fishery_aquaculture"
    PRIMARY_AGRICULTURE = "primary_agriculture"
    OTHER = "other"










DOCUMENT_IDS: dict[str, str] = {
    # Bedriftsnettverk
    "letter_of_intent": "Intensjonsavtale signed by the participating companies",
    "network_application_form": "Bedriftsnettverk application form (e-søknad)",
    # Säker digitalisering: application contents
    "number_of_companies": "number of participating companies",
    "participation_time_estimate": "estimated time the companies take part",
    "gender_split_estimate": "estimated split of women and men representing the companies",
    "competence_description": "relevant competence and experience",
    "results_strategy": "strategy to use and spread the results",
    "theme_choice": "chosen theme",
    "agenda_2030_goals": "chosen Agenda 2030 goals",
    "phase_plan": "introduction and deepening phases and their activities",
    "target_group_challenge": "the target group's challenge and the methods to develop",
    "management_involvement": "how the companies' management and boards take part",
    "training_type": "type of training (training add-on)",
    "se_mandatory_attachments": "mandatory attachments (the page names none)",
    # SMV:Digital
    "smv_application": "SMV:Digital application (template)",
    "business_case": "business case for the investment",
    "timesheet": "timesheet of own hours (person, task, date, time)",
    "fte_explanation": "explanation of the FTE figure where cvr.dk is not right",
    "smv_payment_request": "SMV:Digital signed payment request (udbetalingsanmodning)",
    "smv_report_and_accounts": "SMV:Digital 'afrapportering og regnskab' incl. timesheet",
    "smv_management_declaration": "SMV:Digital signed management declaration",
    "smv_advisor_invoice": "SMV:Digital copy of the advisor's invoice",
    # Innobooster People
    "innobooster_application_form": "Innobooster application form",
    "pitch_deck": "pitch deck (about 12 slides, PDF)",
    "cvs": "CVs of the funded employees (max 2 pages each, PDF)",
    "rehire_contract": "employment contract of a re-hired employee",
    "employment_confirmation": "confirmation that the funded employments continue "
    "(Innobooster People, before the payout after month 6)",
    "innobooster_final_report": "Innobooster People final report on the business and "
    "technological development and the results of the grant",
    "auditor_statement": "auditor's statement (revisorerklæring)",
}


# --- company ------------------------------------------------------------------------------------


class YearFigures(Model):
    """The company's figures for the fiscal year before the latest closed one."""

    staff: NonNeg | None = Field(None, description="staff in annual work units (AWU)",
                                 examples=[15])
    turnover: NonNeg | None = Field(None, description="turnover of that year", examples=[8900000])
    balance_sheet_total: NonNeg | None = Field(
        None, description="balance sheet total of that year", examples=[3900000])


class RelatedEnterprise(Model):
    """A partner (25–50 %) or linked (over 50 %, or control) enterprise, in either direction."""

    name: str = Field(description="name of the enterprise", examples=["Nordlys Holding ApS"])
    relation: Literal["partner", "linked"] = Field(
        description="partner: a 25–50 % holding; linked: over 50 % or control",
        examples=["partner"])
    share_percent: Percent | None = Field(
        None, description="the holding between the two, in percent (either direction)",
        examples=[40])
    staff: NonNeg | None = Field(None, description="its staff in annual work units (AWU)",
                                 examples=[12])
    turnover: NonNeg | None = Field(None, description="its turnover, latest closed fiscal "
                                    "year, in the profile's currency", examples=[5000000])
    balance_sheet_total: NonNeg | None = Field(
        None, description="its balance sheet total, in the profile's currency",
        examples=[2500000])
    public_body: Flag = Field(None, description="it is a public body (state, region, "
                              "municipality, public agency)", examples=[False])
    controls_company: Flag = Field(
        None, description="it owns more than 50 % of the company or has control over it",
        examples=[False])
    founded: date | None = Field(None, description="its date of registration",
                                 examples=["2012-05-01"])
    gber22_conditions_met: Flag = Field(
        None, description="a controlling enterprise: unlisted, has not taken over another "
        "company's activity, distributed profits or been formed through a merger with a "
        "company that does not meet GBER art. 22 (Innobooster People)", examples=[True])


class Company(Model):
    name: str = Field(description="legal name", examples=["Nordlys Automation ApS"])
    country: str = Field(
        description="ISO 3166 country code of the registered office: DK, NO, SE, …",
        examples=["DK", "NO", "SE"])
    currency: Literal["DKK", "NOK", "SEK", "EUR"] | None = Field(
        None, description="the currency of every amount in the profile; "
        "defaults to the country's (DKK, NOK, SEK)", examples=["DKK", "EUR"])
    legal_form: LegalForm | None = Field(
        None, description="legal form: AB/AS/ApS/A/S are limited_company; enskild näringsidkare, "
        "enkeltpersonforetak, enkeltmandsvirksomhed are sole_trader",
        examples=["limited_company"])
    cvr_number: str | None = Field(None, description="Danish CVR number, 8 digits",
                                   examples=["38492716"])
    org_number: str | None = Field(None, description="Norwegian or Swedish organisation number",
                                   examples=["923609016", "556677-8899"])
    registered_in_foretaksregisteret: Flag = Field(
        None, description="registered in Foretaksregisteret (the Norwegian Register of Business "
        "Enterprises)", examples=[True])
    economic_activity_in_norway: Flag = Field(
        None, description="runs economic activity in Norway", examples=[True])
    founded: date | None = Field(None, description="date of registration",
                                 examples=["2016-04-12"])
    listed: Flag = Field(None, description="shares listed on a stock exchange", examples=[False])
    sector: Sector | None = Field(
        None, description="fishery_aquaculture, primary_agriculture, or other (only these matter "
        "to the schemes)", examples=["other"])
    employees_fte: NonNeg | None = Field(
        None, description="full-time equivalents (årsværk) in the latest closed accounts, "
        "owners not included", examples=[14.5])
    owners_fte: NonNeg | None = Field(None, description="working owners' full-time equivalents",
                                      examples=[2])
    fte_differs_from_cvr: Flag = Field(
        None, description="the årsværk figure on cvr.dk is not right (SMV:Digital asks for an "
        "explanation)", examples=[False])
    turnover: NonNeg | None = Field(None, description="latest closed fiscal year",
                                    examples=[9800000])
    balance_sheet_total: NonNeg | None = Field(
        None, description="balance sheet total, latest closed fiscal year", examples=[4200000])
    fiscal_year_start_month: Annotated[int, Field(ge=1, le=12)] | None = Field(
        None, description="month the fiscal year starts, 1–12 (de minimis windows under the "
        "old regulation)", examples=[1])
    previous_year: YearFigures | None = Field(
        None, description="figures of the year before the latest closed one (SME two-year rule)",
        examples=[{"staff": 15, "turnover": 8900000, "balance_sheet_total": 3900000}])
    public_ownership_percent: Percent | None = Field(
        None, description="share of capital or votes held by public bodies, in percent",
        examples=[0])
    external_capital_raised: NonNeg | None = Field(
        None, description="cumulative capital from external investors or public R&D/innovation "
        "programmes (convertible loans, equity, grants)", examples=[750000])
    taken_over_other_activity: Flag = Field(
        None, description="has taken over another company's activity (GBER art. 22)",
        examples=[False])
    distributed_profits: Flag = Field(
        None, description="has distributed profits (GBER art. 22)", examples=[False])
    formed_by_merger: Flag = Field(
        None, description="formed through a merger with a company that does not meet the "
        "conditions of GBER art. 22", examples=[False])
    innovation_promoter: Flag = Field(
        None, description="an innovation- or business-promoting organisation that offers small "
        "companies qualified information, advice and coaching", examples=[True])
    is_region: Flag = Field(
        None, description="a region applying for a group of innovation- or business-promoting "
        "organisations", examples=[False])
    related: list[RelatedEnterprise] | None = Field(
        None, description="partner and linked enterprises; [] for none",
        examples=[[], [{"name": "Nordlys Holding ApS", "relation": "linked", "staff": 1,
                        "turnover": 0, "balance_sheet_total": 3000000}]])

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        if not _COUNTRY.fullmatch(v):
            raise ValueError(f"must be a two-letter country code such as DK, NO or SE (got {v!r})")
        return v.upper()

    @field_validator("cvr_number")
    @classmethod
    def _cvr(cls, v: str | None) -> str | None:
        if v is not None and not _CVR.fullmatch(v.replace(" ", "")):
            raise ValueError(f"a CVR number has 8 digits (got {v!r})")
        return v.replace(" ", "") if v else v

    @model_validator(mode="after")
    def _currency_known(self) -> Company:
        if self.currency is None and self.country not in country_currency():
            known = sorted(set(country_currency().values()) - {"EUR"})
            raise ValueError(f"currency: required for a company in {self.country} "
                             f"({', '.join(known)} or EUR)")
        return self

    @property
    def money_currency(self) -> str:
        return self.currency or (_COUNTRY_CURRENCY or country_currency())[self.country]


class Aid(Model):
    """Aid already received (by the company, or by another company of its single undertaking)."""

    granted: date = Field(description="date the aid was granted", examples=["2024-09-02"])
    amount: NonNeg = Field(description="amount in the profile's currency", examples=[150000])
    scheme: str = Field(description="scheme id or name, e.g. dk-smv-digital",
                        examples=["dk-smv-digital", "Innovationskraft"])
    de_minimis: StrictBool | None = Field(
        None, description="granted as de minimis aid", examples=[True])
    recipient: str | None = Field(
        None, description="group company that received it, if not this one",
        examples=["Nordlys Holding ApS"])
    finished_and_reported: Flag = Field(
        None, description="the project it funded is finished and reported", examples=[True])


# --- project ------------------------------------------------------------------------------------


class TrainingAddon(Model):
    persons: Count = Field(
        description="persons trained", examples=[4])
    amount: NonNeg = Field(description="amount sought for the training", examples=[120000])


class Project(Model):
    title: str | None = Field(None, description="the project's title",
                              examples=["Automated order-to-production flow"])
    start: date | None = Field(None, description="first day of the project",
                               examples=["2027-01-04"])
    end: date | None = Field(None, description="last day of the project, not before start",
                             examples=["2027-12-17"])
    application_date: date | None = Field(
        None, description="date the application is (or was) sent", examples=["2026-12-01"])
    budget_total: NonNeg | None = Field(None, description="the project's total eligible budget",
                                        examples=[680000])
    grant_sought: NonNeg | None = Field(None, description="the grant applied for",
                                        examples=[250000])
    cash_cofinancing: NonNeg | None = Field(
        None, description="cash co-financing (Säker digitalisering)", examples=[600000])
    investment_cost: NonNeg | None = Field(
        None, description="SMV:Digital: the part of budget_total that is investment "
        "(hardware, software, commissioning), excl. VAT", examples=[480000])
    activities: list[SmvActivity] | None = Field(
        None, description="SMV:Digital: the kinds of activity in the project",
        examples=[["implementation", "investment"]])
    ineligible_activities: list[SmvIneligible] | None = Field(
        None, description="SMV:Digital: activities the page lists as not eligible that the "
        "project includes; [] for none", examples=[[], ["strategy_development"]])
    technology_bought: date | None = Field(
        None, description="SMV:Digital implementation: when the technology was bought",
        examples=["2026-05-20"])
    technology_bought_in_project: Flag = Field(
        None, description="SMV:Digital implementation: the technology is bought in the project",
        examples=[True])
    technology_choice_settled: Flag = Field(
        None, description="SMV:Digital: the technology choice is settled", examples=[True])
    business_case_made: Flag = Field(
        None, description="SMV:Digital: a business case for the investment has been made",
        examples=[True])
    advisors_in_database: Flag = Field(
        None, description="SMV:Digital: every advisor is approved in the programme's advisor "
        "database", examples=[True])
    advisor_conflict_of_interest: Flag = Field(
        None, description="SMV:Digital: an advisor has ties of ownership, board seats, family or "
        "similar to the company", examples=[False])
    group_smv_grant: Flag = Field(
        None, description="SMV:Digital: another company of the group (koncern), or one with at "
        "least 25 % overlapping ownership, already has an SMV:Digital grant", examples=[False])
    own_hours: Flag = Field(
        None, description="own hours co-finance the project (a timesheet is needed)",
        examples=[True])
    pool_theme: str | None = Field(
        None, description="SMV:Digital: the theme of the pool applied to, if it has one",
        examples=["grøn omstilling"])
    theme: SeTheme | None = Field(
        None, description="Säker digitalisering: the chosen theme", examples=["data_ai"])
    target_companies: Count | None = Field(
        None, description="Säker digitalisering: number of participating companies",
        examples=[8])
    target_min_employees: Count | None = Field(
        None, description="Säker digitalisering: employees of the smallest participating "
        "company", examples=[12])
    collaboration_agreements: Flag = Field(
        None, description="Säker digitalisering: the project has collaboration agreements",
        examples=[False])
    regional_anchoring: Flag = Field(
        None, description="Säker digitalisering: regional co-financing, letters of intent or "
        "the region's part in running the project", examples=[True])
    training_addon: TrainingAddon | None = Field(
        None, description="Säker digitalisering: the training add-on sought; left out when none",
        examples=[{"persons": 4, "amount": 120000}])
    exclusions: list[ProsessExclusion] | None = Field(
        None, description="Prosessinnovasjon: the 'Hva omfattes ikke?' items that apply; [] for "
        "none", examples=[[], ["routine_improvement"]])
    environmental_shift: Flag = Field(
        None, description="Prosessinnovasjon: a shift to more environmentally friendly "
        "operation, e.g. linear to circular", examples=[False])
    shift_analysed: Flag = Field(
        None, description="Prosessinnovasjon: that shift was thoroughly clarified and analysed",
        examples=[True])

    @model_validator(mode="after")
    def _dates(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"end: the project ends ({self.end}) before it starts ({self.start})")
        return self


# --- network (Bedriftsnettverk) ---------------------------------------------------------------


class Participant(Model):
    name: str = Field(description="name of the participant", examples=["Bergen Rør AS"])
    kind: Literal["company", "knowledge_actor", "public_body"] = Field(
        description="a company, a knowledge actor (university, research institute) or a public "
        "body", examples=["company"])
    country: str | None = Field(None, description="country code of its registered office",
                                examples=["NO"])
    sme: Flag = Field(None, description="small or medium-sized under the EU definition",
                      examples=[True])
    staff: NonNeg | None = Field(None, description="its staff in annual work units (AWU)",
                                 examples=[25])
    turnover: NonNeg | None = Field(None, description="its turnover, latest closed fiscal "
                                    "year, in the profile's currency", examples=[40000000])
    balance_sheet_total: NonNeg | None = Field(
        None, description="its balance sheet total, in the profile's currency",
        examples=[18000000])
    established_in_norway: Flag = Field(
        None, description="has established business in Norway", examples=[True])
    registered_in_foretaksregisteret: Flag = Field(
        None, description="registered in Foretaksregisteret", examples=[True])
    sound_finances: Flag = Field(None, description="declares sound finances", examples=[True])
    private: Flag = Field(None, description="private business living on its own earnings",
                          examples=[True])
    ownership_links: list[str] | None = Field(
        None, description="names of other participants it owns or is owned by",
        examples=[[], ["Fjordnett AS"]])


class Network(Model):
    project_year: Annotated[StrictInt, Field(ge=1, le=MAX_COUNT)] | None = Field(
        None, description="the project year applied for (1–3)", examples=[1])
    duration_years: Annotated[StrictInt, Field(ge=1, le=MAX_COUNT)] | None = Field(
        None, description="planned length of the main project, in years", examples=[3])
    year1_end: date | None = Field(
        None, description="last day of the year-1 period", examples=["2026-12-31"])
    applicant_ownership_links: list[str] | None = Field(
        None, description="names of participants the company owns or is owned by; [] for none",
        examples=[[]])
    participants: list[Participant] | None = Field(
        None, description="the other participants; the profile's company is the applicant",
        examples=[[{"name": "Bergen Rør AS", "kind": "company", "sme": True}]])


# --- employees (Innobooster People) -----------------------------------------------------------


class Employee(Model):
    name: str = Field(description="the employee's name", examples=["Ida Holm"])
    hours_per_week: NonNeg | None = Field(None, description="agreed weekly hours",
                                          examples=[37])
    higher_education: Flag = Field(None, description="has a higher education",
                                   examples=[True])
    development_role: Flag = Field(None, description="does development work",
                                   examples=[True])
    employed_at_application: Flag = Field(
        None, description="employed when the application is sent", examples=[True])
    dismissed_on: date | None = Field(
        None, description="date of dismissal, for a re-hired employee", examples=["2020-04-15"])
    dismissed_due_to_covid: Flag = Field(
        None, description="the dismissal was because of COVID-19", examples=[True])
    rehire_contract: Flag = Field(
        None, description="a re-hired employee has an employment contract by the grant start",
        examples=[True])
    owner_percent: Percent | None = Field(
        None, description="the employee's ownership share of the company, in percent",
        examples=[0])
    monthly_salary: NonNeg | None = Field(None, description="monthly salary cost",
                                          examples=[42000])
    salary_settled: Flag = Field(
        None, description="the salary is settled at the time of application", examples=[True])
    other_public_funding: Flag = Field(
        None, description="the salary gets other COVID-19 or public wage support, or the person "
        "bills time to other publicly funded projects", examples=[False])
    new_hire: Flag = Field(
        None, description="a new hire (new position or replacement)", examples=[False])
    grant_start: date | None = Field(
        None, description="first day of the grant period for this employee",
        examples=["2020-12-01"])


class Application(Model):
    """Innobooster People: the application form's limits."""

    challenges_chars: Count | None = Field(
        None, description="characters of the challenges text, spaces included", examples=[2850])
    development_chars: Count | None = Field(
        None, description="characters of the development text, spaces included",
        examples=[1900])
    results_chars: Count | None = Field(
        None, description="characters of the results text, spaces included", examples=[1750])
    pitch_deck_slides: Count | None = Field(
        None, description="slides in the pitch deck", examples=[12])
    cv_max_pages: Count | None = Field(
        None, description="pages of the longest CV", examples=[2])
    attachments_mb: NonNeg | None = Field(
        None, description="size of the pitch deck and CVs together, in MB", examples=[6.5])
    attachments_pdf: Flag = Field(
        None, description="the pitch deck and CVs are PDF files", examples=[True])


class Declarations(Model):
    """Conditions no number settles: true, false, or left out (unknown)."""

    sound_finances: Flag = Field(
        None, description="the applicant has sound finances (Bedriftsnettverk)",
        examples=[True])
    network_growth_ambitions: Flag = Field(
        None, description="the network's companies have growth ambitions and set up commercial, "
        "strategic and market-oriented cooperation",
        examples=[True])
    network_market_purpose: Flag = Field(
        None, description="the purpose is growth through new market opportunities built on the "
        "companies' existing products, services, competence and technology",
        examples=[True])
    network_strategic_cooperation: Flag = Field(
        None, description="strategic cooperation between companies with common needs and "
        "complementary resources",
        examples=[True])
    large_enterprise_exception: Flag = Field(
        None, description="Prosessinnovasjon: Innovasjon Norge's exception for a large enterprise"
        " applies",
        examples=[True])
    no_competition_distortion: Flag = Field(
        None, description="the support does not distort competition between Norwegian companies",
        examples=[True])
    process_or_organisational_innovation: Flag = Field(
        None, description="the project is a process and/or organisational innovation",
        examples=[True])
    substantial_leap: Flag = Field(
        None, description="the project is a substantial leap for the company, tied to a new "
        "business model",
        examples=[True])
    promoter_competence: Flag = Field(
        None, description="the applicant has basic competence in business development, "
        "digitalisation and digital security",
        examples=[True])
    promoter_experience: Flag = Field(
        None, description="the applicant has experience of relevant project models, methods and "
        "tools",
        examples=[True])
    promoter_networks: Flag = Field(
        None, description="the applicant has networks, market channels and partners to recruit "
        "companies",
        examples=[True])
    members_meet_criteria: Flag = Field(
        None, description="a region's member organisations meet the applicant criteria",
        examples=[True])
    target_group_fit: Flag = Field(
        None, description="the target companies are a smaller group of SMEs with growth "
        "ambitions, basic digital competence and similar challenges",
        examples=[True])
    project_logic: Flag = Field(
        None, description="an existing basic methodology, dialogue with the companies, a clear "
        "project logic and the capacity to run it",
        examples=[True])
    ready_to_invest: Flag = Field(
        None, description="SMV:Digital: the company is ready to invest in digital systems, "
        "automation or e-commerce",
        examples=[True])
    growth_ambitions: Flag = Field(
        None, description="SMV:Digital: the project helps realise the company's growth ambitions",
        examples=[True])
    anchoring: Flag = Field(
        None, description="SMV:Digital: resources set aside, room to buy technology, management "
        "commitment, the right employees",
        examples=[True])
    new_technology: Flag = Field(
        None, description="SMV:Digital: technology new to the company or a significant upgrade",
        examples=[True])
    pool_theme_met: Flag = Field(
        None, description="SMV:Digital: the project meets the pool's theme",
        examples=[True])
    knowledge_based_startup: Flag = Field(
        None, description="Innobooster People: a knowledge-based start-up with an innovative "
        "solution",
        examples=[True])
    others_on_collective_terms: Flag = Field(
        None, description="Innobooster People: the other full-time employees are on "
        "collective-agreement-like terms",
        examples=[True])


class Documents(Model):
    held: list[str] = Field(default_factory=list, description="ids of the documents held",
                            examples=[["smv_application", "business_case"]])

    @field_validator("held")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        for item in v:
            if item not in DOCUMENT_IDS:
                close = difflib.get_close_matches(item, list(DOCUMENT_IDS), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ValueError(f"unknown document {item!r}{hint}")
        return v


def _empty(model: type[M]) -> Callable[[], M]:
    """A default factory giving one shared empty section: the models are frozen and every field
    of these sections defaults to None, so one instance serves every profile (a new one costs a
    validation, 1-2 µs, for each profile of a batch that leaves the section out)."""
    empty = model()
    return lambda: empty


class Profile(Model):
    company: Company = Field(
        description="the applicant", examples=[{"name": "Nordlys Automation ApS", "country": "DK"}])
    aid_received: list[Aid] | None = Field(
        None, description="aid already received by the company or its single undertaking; [] "
        "for none", examples=[[], [{"granted": "2024-09-02", "amount": 150000,
                                    "scheme": "Innovationskraft", "de_minimis": True}]])
    project: Project = Field(default_factory=_empty(Project), description="the project applied for",
                             examples=[{"budget_total": 680000, "grant_sought": 250000}])
    network: Network = Field(default_factory=_empty(Network),
                             description="Bedriftsnettverk: the network and its participants",
                             examples=[{"project_year": 1, "duration_years": 3}])
    employees: list[Employee] | None = Field(
        None, description="Innobooster People: the named employees the grant is sought for",
        examples=[[{"name": "Ida Holm", "hours_per_week": 37, "monthly_salary": 42000}]])
    application: Application = Field(
        default_factory=_empty(Application),
        description="Innobooster People: the application form's limits",
        examples=[{"pitch_deck_slides": 12, "cv_max_pages": 2}])
    declarations: Declarations = Field(
        default_factory=_empty(Declarations),
        description="conditions no number settles: true, false, or left out (unknown)",
        examples=[{"growth_ambitions": True}])
    documents: Documents | None = Field(
        None, description="the documents the company already holds",
        examples=[{"held": ["smv_application"]}])
    budget: Budget | None = Field(
        None, description="a draft project budget, for `grantcheck budget` (see docs/budget.md, "
        "\"The budget format\")", examples=[{"lines": [{"category": "consultancy",
                                                        "amount": 150000}]}])


# --- loading with clear errors --------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    path: str  # dotted field path, "" for the file as a whole
    message: str
    line: int | None = None
    column: int | None = None
    hint: str = ""


class ProfileError(ValueError):
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))


def load_profile(path: str | Path) -> Profile:
    """Read a TOML profile; raise ProfileError naming the file, line and field on bad input."""
    p = Path(path)
    return parse_profile(read_text(p), str(p))


def read_text(p: Path) -> str:
    """A user's file as text; ProfileError (naming the file) when it cannot be read."""
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(str(p), [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise ProfileError(str(p), [Problem("", "is a directory, not a profile")]) from None
    except UnicodeDecodeError:
        raise ProfileError(str(p), [Problem("", "is not UTF-8 text")]) from None
    except OSError as e:
        raise ProfileError(str(p), [Problem("", e.strerror or str(e))]) from None


_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def parse_profile(text: str, source: str = "<profile>") -> Profile:
    return profile_from_data(parse_toml(text, source), source, text)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text → data (floats as Decimal); ProfileError with the line on a syntax error."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_POS.match(str(e))
        if m:
            raise ProfileError(source, [Problem("", f"TOML syntax error: {m['msg']}",
                                                int(m["line"]), int(m["col"]))]) from None
        raise ProfileError(source, [Problem("", f"TOML syntax error: {e}")]) from None
    except ValueError:  # int(): more digits than Python converts (no amount is that long)
        raise ProfileError(source, [Problem("", TOO_MANY_DIGITS)]) from None


TOO_MANY_DIGITS = (f"a number has more than {sys.get_int_max_str_digits():,} digits, more than "
                   "can be read (no amount or count is that long)")


def profile_from_data(data: dict[str, Any], source: str, text: str = "") -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        raise ProfileError(source, [problem_of(err, text) for err in e.errors()]) from None


def _dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class whose field the last element of loc names (for 'did you mean')."""
    model: type[BaseModel] = Profile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        f = model.model_fields.get(part)
        if f is None:
            return None
        nxt = _inner_model(f.annotation)
        if nxt is None:
            return None
        model = nxt
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def problem_of(err: Any, text: str, prefix: tuple[str, ...] = ()) -> Problem:
    """A pydantic error as a Problem; ``prefix`` places a sub-model's errors in the profile."""
    loc = prefix + tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    typ = err["type"]
    given = err.get("input")
    hint = ""
    if typ == "extra_forbidden":
        model = _model_at(loc)
        name = str(loc[-1])
        msg = "unknown field"
        if model is not None:
            close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
            if close:
                hint = f"did you mean {close[0]!r}?"
    elif typ == "missing":
        msg = "required field is missing"
    elif typ in ("greater_than_equal", "greater_than") and err.get("ctx", {}).get("ge") == 0:
        msg = f"must not be negative (got {given})"
    elif typ == "less_than_equal":
        msg = f"must be at most {err['ctx']['le']:,} (got {given})"
    elif typ in ("decimal_parsing", "decimal_type", "int_parsing", "int_type"):
        msg = f"must be a number (got {given!r})"
    elif typ in ("bool_type", "bool_parsing"):
        msg = f"must be true or false (got {given!r})"
    elif typ in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        msg = f"must be a date written as YYYY-MM-DD, without quotes (got {given!r})"
    elif typ == "enum" or typ == "literal_error":
        msg = f"{given!r} is not one of: {err['ctx']['expected']}"
    elif typ == "value_error":
        msg = str(err["msg"]).removeprefix("Value error, ")
        field, sep, rest = msg.partition(": ")
        model = _model_at((*loc, field))
        if sep and model is not None and field in model.model_fields:
            # a model validator names the field it is about: "rate: hours need a rate"
            msg, loc = rest, (*loc, field)
    else:
        msg = f"{err['msg']} (got {given!r})" if given is not None and not isinstance(
            given, dict | list) else str(err["msg"])
    if "did you mean" in msg and not hint:
        msg, _, rest = msg.partition("; ")
        hint = rest[:1].upper() + rest[1:]
    return Problem(_dotted(loc), msg, _locate(text, loc), None,
                   hint[:1].upper() + hint[1:] if hint else "")


def _locate(text: str, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line number of a dotted key in the TOML text (None when not found)."""
    if not text or not loc:
        return None
    last = loc[-1]
    if isinstance(last, int):
        return None
    lines = text.splitlines()
    # the table header that holds the last key; an index picks the n-th [[array]] table
    header_parts = [p for p in loc[:-1] if isinstance(p, str)]
    indices = [p for p in loc[:-1] if isinstance(p, int)]
    index = indices[-1] if indices else None
    start = 0
    if header_parts:
        header = ".".join(header_parts)
        seen = -1
        start = -1
        for n, line in enumerate(lines):
            s = line.strip()
            if s in (f"[{header}]", f"[[{header}]]"):
                seen += 1
                if index is None or seen == index:
                    start = n + 1
                    break
        if start < 0:
            return None
    key_re = re.compile(rf"^\s*{re.escape(last)}\s*=")
    for n in range(start, len(lines)):
        if key_re.match(lines[n]):
            return n + 1
        if lines[n].lstrip().startswith("["):
            break  # the next table begins: the key is not in this one
    return None
