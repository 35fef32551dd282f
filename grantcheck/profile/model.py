"""The profile itself (:class:`Profile`), its declarations and the documents it holds."""


import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from grantcheck.profile.company import Aid, Company
from grantcheck.profile.field import Field
from grantcheck.profile.project import Application, Employee, Network, Project
from grantcheck.profile.record import field_validator
from grantcheck.profile.types import Deferred, Flag, M, Model, document_ids

if TYPE_CHECKING:
    from grantcheck.budget.model import Budget
else:  # the budget's models are imported and built only for a profile with a [budget]
    Budget = Annotated[Any, Deferred("grantcheck.budget.model", "Budget")]


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


def _none_held() -> list[str]:
    """``held``'s default. A function, not ``list``: pydantic reads a default factory's
    signature, and a builtin's is parsed from text by tokenize, whose first use compiles a large
    regular expression (about 1 % of `match`'s start-up)."""
    return []


class Documents(Model):
    held: list[str] = Field(default_factory=_none_held, description="ids of the documents held",
                            examples=[["smv_application", "business_case"]])

    @field_validator("held")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        if not v:
            return v
        known = document_ids()  # imports the schemes: only for a profile that lists documents
        for item in v:
            if item not in known:
                close = difflib.get_close_matches(item, list(known), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ValueError(f"unknown document {item!r}{hint}")
        return v


def _empty(model: type[M]) -> Callable[[], M]:
    """A default factory giving one shared empty section: the models are frozen and every field
    of these sections defaults to None, so one instance serves every profile (a new one costs a
    validation, 1-2 µs, for each profile of a batch that leaves the section out). Made without
    validation (what validating ``{}`` would give): the section's validator is built only when
    a profile is validated."""
    empty = model.model_construct()
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
