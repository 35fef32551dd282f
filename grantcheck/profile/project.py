"""The profile's project and the sections one scheme reads: ``[project]``, ``[network]``
(Bedriftsnettverk), ``[[employees]]`` and ``[application]`` (Innobooster People)."""


from datetime import date
from typing import Annotated, ClassVar, Literal

from grantcheck.amounts import MAX_COUNT, Count, NonNeg, Whole
from grantcheck.profile.bounds import Figure
from grantcheck.profile.field import Field
from grantcheck.profile.record import model_validator
from grantcheck.profile.types import Flag, Model, Percent
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity, SmvIneligible
from grantcheck.schemes.no_prosessinnovasjon.vocabulary import ProsessExclusion
from grantcheck.schemes.se_saker_digitalisering.vocabulary import SeTheme

# --- project ------------------------------------------------------------------------------------


class TrainingAddon(Model):
    """The add-on sought: the table's presence is the fact (an empty table: sought, figures
    not yet known), so ``init`` asks whether it is sought before its fields."""

    presence_is_a_fact: ClassVar[bool] = True
    persons: Count | None = Field(
        None, description="persons trained; left out while not known", examples=[4])
    amount: NonNeg | None = Field(
        None, description="the training's cost, the add-on activity's amount (the page's "
        "'Maxbelopp för denna aktivitet', financed at 50 % like the rest); left out while not "
        "known",
        examples=[120000])


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
        "least 25 % overlapping ownership, has an SMV:Digital project not yet finished and "
        "reported", examples=[False])
    own_hours: Flag = Field(
        None, description="own hours co-finance the project (a timesheet is needed)",
        examples=[True])
    own_hours_cost: NonNeg | None = Field(
        None, description="SMV:Digital: the part of budget_total that is the company's own hours "
        "(gross annual salary / 1,613 an hour; an owner without salary DKK 250), a part of the "
        "advice (budget_total − investment_cost); 0 if none", examples=[60000])
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
    def _dates(self) -> "Project":
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"end: the project ends ({self.end}) before it starts ({self.start})")
        # the investment is a part of the budget (its description): more than all of it is a
        # slip in one of the two, which no verdict should rest on
        total, investment = self.budget_total, self.investment_cost
        if total is not None and investment is not None and investment > total:
            raise ValueError(
                f"investment_cost: the investment ({investment:,}) is more than the whole "
                f"budget, budget_total ({total:,}), of which it is a part")
        hours = self.own_hours_cost
        if hours and self.own_hours is False:
            raise ValueError(f"own_hours_cost: own hours of {hours:,} are stated, and own_hours "
                             "= false says none co-finance the project")
        if total is not None and hours is not None and hours > total - (investment or 0):
            raise ValueError(
                f"own_hours_cost: the own hours ({hours:,}) are more than the advice part of the "
                f"budget, budget_total − investment_cost ({total - (investment or 0):,}), of "
                "which they are a part")
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
    staff: Figure | None = Field(None, description="its staff in annual work units (AWU)",
                                 examples=[25])
    turnover: Figure | None = Field(None, description="its turnover, latest closed fiscal "
                                    "year, in the profile's currency", examples=[40000000])
    balance_sheet_total: Figure | None = Field(
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
    project_year: Annotated[int, Whole(1, MAX_COUNT)] | None = Field(
        None, description="the project year applied for (1–3)", examples=[1])
    duration_years: Annotated[int, Whole(1, MAX_COUNT)] | None = Field(
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
        None, description="date of dismissal, the employment's last day: for a re-hired "
        "employee, by the application; for one employed at application, a dismissal on or "
        "after it must come on the grant period's last day or later", examples=["2020-04-15"])
    dismissed_due_to_covid: Flag = Field(
        None, description="the dismissal was because of COVID-19", examples=[True])
    rehire_contract: Flag = Field(
        None, description="a re-hired employee holds an employment contract on the evaluation "
        "date; needed at the latest when the grant period starts («senest ved "
        "bevillingsperiodens start»): false before grant_start is a contract still to come",
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
