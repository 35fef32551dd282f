"""The profile's ``[company]``: the applicant, its figures, its partner and linked enterprises,
and the aid it has received."""


from datetime import date
from typing import Annotated, Literal

from pydantic import StrictBool

from grantcheck.amounts import NonNeg, Whole
from grantcheck.profile.bounds import Figure, PercentFigure
from grantcheck.profile.field import Field
from grantcheck.profile.record import field_validator, model_validator
from grantcheck.profile.types import (
    _COUNTRY_CURRENCY,
    Currency,
    Flag,
    LegalForm,
    Model,
    Sector,
    country_currency,
)


def _is_cvr(text: str) -> bool:
    """A Danish CVR number, spaces taken out: eight digits (what ``\\d{8}`` matches, without
    compiling a pattern at start-up)."""
    return len(text) == 8 and text.isdecimal()


# the investors of the SME definition's Annex art. 3(2), second subparagraph (grantcheck.law.sme)
Investor = Literal["public_investment_corporation", "venture_capital", "business_angels",
                   "university", "institutional_investor", "local_authority"]


# --- company ------------------------------------------------------------------------------------


class YearFigures(Model):
    """The company's figures for the fiscal year before the latest closed one."""

    staff: Figure | None = Field(None, description="staff in annual work units (AWU)",
                                 examples=[15])
    turnover: Figure | None = Field(None, description="turnover of that year", examples=[8900000])
    balance_sheet_total: Figure | None = Field(
        None, description="balance sheet total of that year", examples=[3900000])


class RelatedEnterprise(Model):
    """A partner (25–50 %) or linked (over 50 %, or control) enterprise, in either direction."""

    name: str = Field(description="name of the enterprise", examples=["Nordlys Holding ApS"])
    relation: Literal["partner", "linked"] = Field(
        description="partner: a 25–50 % holding; linked: over 50 % or control",
        examples=["partner"])
    share_percent: PercentFigure | None = Field(
        None, description="the holding between the two, in percent (either direction)",
        examples=[40])
    staff: Figure | None = Field(None, description="its staff in annual work units (AWU)",
                                 examples=[12])
    turnover: Figure | None = Field(None, description="its turnover, latest closed fiscal "
                                    "year, in the profile's currency", examples=[5000000])
    balance_sheet_total: Figure | None = Field(
        None, description="its balance sheet total, in the profile's currency",
        examples=[2500000])
    public_body: Flag = Field(None, description="it is a public body (state, region, "
                              "municipality, public agency)", examples=[False])
    controls_company: Flag = Field(
        None, description="it owns more than 50 % of the company or has control over it",
        examples=[False])
    founded: date | None = Field(None, description="its date of registration",
                                 examples=["2012-05-01"])
    same_real_owner: Flag = Field(
        None, description="a person (a real owner) who holds more than 50 % of the company also "
        "holds more than 50 % of it: a sister company (Innobooster People)", examples=[False])
    gber22_conditions_met: Flag = Field(
        None, description="a controlling enterprise, or one under the same real owner: "
        "unlisted, has not taken over another company's activity, distributed profits or been "
        "formed through a merger with a company that does not meet GBER art. 22 (Innobooster "
        "People)", examples=[True])
    investor: Investor | None = Field(
        None, description="an investor whose holding of 25 % or more, without a majority, makes "
        "no partner (SME definition, Annex art. 3(2), second subparagraph): "
        "public_investment_corporation, venture_capital (a venture capital company), "
        "business_angels (with investment below EUR 1,250,000), university (or a non-profit "
        "research centre), institutional_investor (including a regional development fund), "
        "local_authority (autonomous, with annual_budget below EUR 10 million and fewer than "
        "5,000 inhabitants)", examples=["venture_capital"])
    investment: Figure | None = Field(
        None, description="business angels: their total investment in the company, in the "
        "profile's currency", examples=[900000])
    annual_budget: Figure | None = Field(
        None, description="a local authority: its annual budget, in the profile's currency",
        examples=[60000000])
    inhabitants: Figure | None = Field(
        None, description="a local authority: its number of inhabitants", examples=[4200])


class Company(Model):
    name: str = Field(min_length=1, description="legal name", examples=["Nordlys Automation ApS"])
    country: str = Field(
        description="ISO 3166 country code of the registered office: DK, NO, SE, …",
        examples=["DK", "NO", "SE"])
    currency: Currency | None = Field(
        None, description="the currency of every amount in the profile; "
        "defaults to the country's (DKK, NOK, SEK)", examples=["DKK", "EUR"])
    legal_form: LegalForm | None = Field(
        None, description="legal form: AB/AS/ApS/A/S are limited_company; enskild näringsidkare, "
        "enkeltpersonforetak, enkeltmandsvirksomhed are sole_trader; a municipality, region or "
        "state agency (and a kommunalt foretak or IKS) is public_body",
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
    in_difficulty: Flag = Field(
        None, description="an undertaking in difficulty under GBER art. 2(18): e.g. in "
        "bankruptcy or restructuring proceedings (collective insolvency proceedings), or has "
        "lost more than half of its capital", examples=[False])
    listed: Flag = Field(None, description="shares listed on a stock exchange", examples=[False])
    sector: Sector | None = Field(
        None, description="fishery_aquaculture (catching, farming, processing or marketing fish "
        "and seafood: Regulation (EU) No 1379/2013 art. 5(d)), primary_agriculture (growing crops "
        "or keeping livestock, not processing: GBER art. 2(9)), or other (only these matter to "
        "the schemes)", examples=["other"])
    employees_fte: Figure | None = Field(
        None, description="full-time equivalents (årsværk) in the latest closed accounts, "
        "owners not included", examples=[14.5])
    owners_fte: Figure | None = Field(None, description="working owners' full-time equivalents",
                                      examples=[2])
    fte_differs_from_cvr: Flag = Field(
        None, description="the årsværk figure on cvr.dk is not right (SMV:Digital asks for an "
        "explanation)", examples=[False])
    turnover: Figure | None = Field(None, description="latest closed fiscal year",
                                    examples=[9800000])
    balance_sheet_total: Figure | None = Field(
        None, description="balance sheet total, latest closed fiscal year", examples=[4200000])
    fiscal_year_start_month: Annotated[int, Whole(1, 12)] | None = Field(
        None, description="month the fiscal year starts, 1–12 (de minimis windows under the "
        "old regulation)", examples=[1])
    previous_year: YearFigures | None = Field(
        None, description="figures of the year before the latest closed one (SME two-year rule)",
        examples=[{"staff": 15, "turnover": 8900000, "balance_sheet_total": 3900000}])
    public_ownership_percent: PercentFigure | None = Field(
        None, description="share of capital or votes held by public bodies, in percent (not "
        "counting the investors of the SME definition's Annex art. 3(2), second subparagraph: "
        "list those as company.related with investor); a public body itself is wholly theirs "
        "(100, or legal_form = public_body)",
        examples=[0])
    external_capital_raised: Figure | None = Field(
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
        if not (len(v) == 2 and v.isascii() and v.isalpha()):  # [A-Za-z]{2}
            raise ValueError(f"must be a two-letter country code such as DK, NO or SE (got {v!r})")
        return v.upper()

    @field_validator("cvr_number")
    @classmethod
    def _cvr(cls, v: str | None) -> str | None:
        if v is not None and not _is_cvr(v.replace(" ", "")):
            raise ValueError(f"a CVR number has 8 digits (got {v!r})")
        return v.replace(" ", "") if v else v

    @model_validator(mode="after")
    def _currency_known(self) -> "Company":
        if self.currency is None and self.country not in country_currency():
            known = sorted(set(country_currency().values()) - {"EUR"})
            raise ValueError(f"currency: required for a company in {self.country} "
                             f"({', '.join(known)} or EUR); hint: state company.currency = \"EUR\" "
                             f"(or {', '.join(known)}): the currency its figures are in")
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
