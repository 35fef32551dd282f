"""The company profile: what the five checkers read, as pydantic v2 models.

A profile is a TOML file. Every field is optional unless said otherwise: a field left out is
*unknown*, and the rules that need it say so; nothing is defaulted. Lists that state "none of
these" are written as an explicit empty list (``exclusions = []``); a list left out is unknown.
Money is exact (Decimal; TOML floats are read as Decimal) in the company's currency. Unknown keys
are errors with a "did you mean" hint.

The format is documented, with a complete example, in README.md ("The profile format").
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

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

from grantcheck.budget.model import Budget

NonNeg = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Flag = StrictBool | None

COUNTRY_CURRENCY = {"DK": "DKK", "NO": "NOK", "SE": "SEK"}


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


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


class SeTheme(StrEnum):
    DATA_AI = "data_ai"
    PLATFORMS_ECOSYSTEMS = "platforms_ecosystems"
    SMART_SPECIALISATION = "smart_specialisation"
    INTERNATIONALISATION = "internationalisation"
    CLIMATE_ENVIRONMENT = "climate_environment"
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

    staff: NonNeg | None = Field(None, description="staff in annual work units (AWU)")
    turnover: NonNeg | None = None
    balance_sheet_total: NonNeg | None = None


class RelatedEnterprise(Model):
    """A partner (25–50 %) or linked (over 50 %, or control) enterprise, in either direction."""

    name: str
    relation: Literal["partner", "linked"]
    share_percent: Percent | None = Field(
        None, description="the holding between the two, in percent (either direction)")
    staff: NonNeg | None = None
    turnover: NonNeg | None = None
    balance_sheet_total: NonNeg | None = None
    public_body: Flag = None
    controls_company: Flag = Field(
        None, description="it owns more than 50 % of the company or has control over it")
    founded: date | None = None
    gber22_conditions_met: Flag = Field(
        None, description="a controlling enterprise: unlisted, has not taken over another "
        "company's activity, distributed profits or been formed through a merger with a "
        "company that does not meet GBER art. 22 (Innobooster People)")


class Company(Model):
    name: str = Field(description="legal name")
    country: str = Field(
        description="ISO 3166 country code of the registered office: DK, NO, SE, …")
    currency: Literal["DKK", "NOK", "SEK", "EUR"] | None = Field(
        None, description="the currency of every amount in the profile; "
        "defaults to the country's (DKK, NOK, SEK)")
    legal_form: LegalForm | None = None
    cvr_number: str | None = Field(None, description="Danish CVR number, 8 digits")
    org_number: str | None = Field(None, description="Norwegian or Swedish organisation number")
    registered_in_foretaksregisteret: Flag = None
    economic_activity_in_norway: Flag = None
    founded: date | None = Field(None, description="date of registration")
    listed: Flag = Field(None, description="shares listed on a stock exchange")
    sector: Sector | None = None
    employees_fte: NonNeg | None = Field(
        None, description="full-time equivalents (årsværk) in the latest closed accounts, "
        "owners not included")
    owners_fte: NonNeg | None = Field(None, description="working owners' full-time equivalents")
    fte_differs_from_cvr: Flag = None
    turnover: NonNeg | None = Field(None, description="latest closed fiscal year")
    balance_sheet_total: NonNeg | None = None
    fiscal_year_start_month: Annotated[int, Field(ge=1, le=12)] | None = None
    previous_year: YearFigures | None = None
    public_ownership_percent: Percent | None = None
    external_capital_raised: NonNeg | None = Field(
        None, description="cumulative capital from external investors or public R&D/innovation "
        "programmes (convertible loans, equity, grants)")
    taken_over_other_activity: Flag = None
    distributed_profits: Flag = None
    formed_by_merger: Flag = Field(
        None, description="formed through a merger with a company that does not meet the "
        "conditions of GBER art. 22")
    innovation_promoter: Flag = Field(
        None, description="an innovation- or business-promoting organisation that offers small "
        "companies qualified information, advice and coaching")
    is_region: Flag = None
    related: list[RelatedEnterprise] | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ValueError(f"must be a two-letter country code such as DK, NO or SE (got {v!r})")
        return v.upper()

    @field_validator("cvr_number")
    @classmethod
    def _cvr(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"\d{8}", v.replace(" ", "")):
            raise ValueError(f"a CVR number has 8 digits (got {v!r})")
        return v.replace(" ", "") if v else v

    @model_validator(mode="after")
    def _currency_known(self) -> Company:
        if self.currency is None and self.country not in COUNTRY_CURRENCY:
            raise ValueError(
                f"currency: required for a company in {self.country} (DKK, NOK, SEK or EUR)")
        return self

    @property
    def money_currency(self) -> str:
        return self.currency or COUNTRY_CURRENCY[self.country]


class Aid(Model):
    """Aid already received (by the company, or by another company of its single undertaking)."""

    granted: date
    amount: NonNeg
    scheme: str = Field(description="scheme id or name, e.g. dk-smv-digital")
    de_minimis: StrictBool | None = None
    recipient: str | None = Field(
        None, description="group company that received it, if not this one")
    finished_and_reported: Flag = None


# --- project ------------------------------------------------------------------------------------


class TrainingAddon(Model):
    persons: Annotated[StrictInt, Field(ge=0)]
    amount: NonNeg


class Project(Model):
    title: str | None = None
    start: date | None = None
    end: date | None = None
    application_date: date | None = None
    budget_total: NonNeg | None = Field(None, description="the project's total eligible budget")
    grant_sought: NonNeg | None = None
    cash_cofinancing: NonNeg | None = None
    investment_cost: NonNeg | None = Field(
        None, description="SMV:Digital: the part of budget_total that is investment "
        "(hardware, software, commissioning), excl. VAT")
    activities: list[SmvActivity] | None = None
    ineligible_activities: list[SmvIneligible] | None = None
    technology_bought: date | None = None
    technology_bought_in_project: Flag = None
    technology_choice_settled: Flag = None
    business_case_made: Flag = None
    advisors_in_database: Flag = None
    advisor_conflict_of_interest: Flag = None
    group_smv_grant: Flag = Field(
        None, description="SMV:Digital: another company of the group (koncern), or one with at "
        "least 25 % overlapping ownership, already has an SMV:Digital grant")
    own_hours: Flag = None
    pool_theme: str | None = None
    theme: SeTheme | None = None
    target_companies: Annotated[StrictInt, Field(ge=0)] | None = None
    target_min_employees: Annotated[StrictInt, Field(ge=0)] | None = None
    collaboration_agreements: Flag = None
    regional_anchoring: Flag = None
    training_addon: TrainingAddon | None = None
    exclusions: list[ProsessExclusion] | None = None
    environmental_shift: Flag = None
    shift_analysed: Flag = None

    @model_validator(mode="after")
    def _dates(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"end: the project ends ({self.end}) before it starts ({self.start})")
        return self


# --- network (Bedriftsnettverk) ---------------------------------------------------------------


class Participant(Model):
    name: str
    kind: Literal["company", "knowledge_actor", "public_body"]
    country: str | None = None
    sme: Flag = Field(None, description="small or medium-sized under the EU definition")
    staff: NonNeg | None = None
    turnover: NonNeg | None = None
    balance_sheet_total: NonNeg | None = None
    established_in_norway: Flag = None
    registered_in_foretaksregisteret: Flag = None
    sound_finances: Flag = None
    private: Flag = Field(None, description="private business living on its own earnings")
    ownership_links: list[str] | None = Field(
        None, description="names of other participants it owns or is owned by")


class Network(Model):
    project_year: Annotated[StrictInt, Field(ge=1)] | None = None
    duration_years: Annotated[StrictInt, Field(ge=1)] | None = None
    year1_end: date | None = None
    applicant_ownership_links: list[str] | None = None
    participants: list[Participant] | None = Field(
        None, description="the other participants; the profile's company is the applicant")


# --- employees (Innobooster People) -----------------------------------------------------------


class Employee(Model):
    name: str
    hours_per_week: NonNeg | None = None
    higher_education: Flag = None
    development_role: Flag = None
    employed_at_application: Flag = None
    dismissed_on: date | None = None
    dismissed_due_to_covid: Flag = None
    rehire_contract: Flag = None
    owner_percent: Percent | None = None
    monthly_salary: NonNeg | None = Field(None, description="monthly salary cost")
    salary_settled: Flag = None
    other_public_funding: Flag = None
    new_hire: Flag = None
    grant_start: date | None = None


class Application(Model):
    """Innobooster People: the application form's limits."""

    challenges_chars: Annotated[StrictInt, Field(ge=0)] | None = None
    development_chars: Annotated[StrictInt, Field(ge=0)] | None = None
    results_chars: Annotated[StrictInt, Field(ge=0)] | None = None
    pitch_deck_slides: Annotated[StrictInt, Field(ge=0)] | None = None
    cv_max_pages: Annotated[StrictInt, Field(ge=0)] | None = None
    attachments_mb: NonNeg | None = None
    attachments_pdf: Flag = None


class Declarations(Model):
    """Conditions no number settles: true, false, or left out (unknown)."""

    sound_finances: Flag = None
    network_growth_ambitions: Flag = None
    network_market_purpose: Flag = None
    network_strategic_cooperation: Flag = None
    large_enterprise_exception: Flag = None
    no_competition_distortion: Flag = None
    process_or_organisational_innovation: Flag = None
    substantial_leap: Flag = None
    promoter_competence: Flag = None
    promoter_experience: Flag = None
    promoter_networks: Flag = None
    members_meet_criteria: Flag = None
    target_group_fit: Flag = None
    project_logic: Flag = None
    ready_to_invest: Flag = None
    growth_ambitions: Flag = None
    anchoring: Flag = None
    new_technology: Flag = None
    pool_theme_met: Flag = None
    knowledge_based_startup: Flag = None
    others_on_collective_terms: Flag = None


class Documents(Model):
    held: list[str] = Field(default_factory=list, description="ids of the documents held")

    @field_validator("held")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        for item in v:
            if item not in DOCUMENT_IDS:
                close = difflib.get_close_matches(item, list(DOCUMENT_IDS), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ValueError(f"unknown document {item!r}{hint}")
        return v


class Profile(Model):
    company: Company
    aid_received: list[Aid] | None = None
    project: Project = Field(default_factory=Project)
    network: Network = Field(default_factory=Network)
    employees: list[Employee] | None = None
    application: Application = Field(default_factory=Application)
    declarations: Declarations = Field(default_factory=Declarations)
    documents: Documents | None = None
    budget: Budget | None = Field(
        None, description="a draft project budget, for `grantcheck budget` (see README, "
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
