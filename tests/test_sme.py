"""The EU SME definition, with partner and linked enterprises and the two-year rule."""

import pytest

from grantcheck.engine import Missing, Unsettled, text_of
from grantcheck.law.sme import company_status
from tests.support import ctx_for

# TEST_RATES: 1 EUR = 7.46 DKK, so EUR 50M = DKK 373,000,000, EUR 43M = DKK 320,780,000,
# EUR 10M = DKK 74,600,000, EUR 2M = DKK 14,920,000


def status(**company):
    """The status of a Danish company that states it has no working owners, no public owners
    and no partner or linked enterprises, unless the test says otherwise; a related enterprise
    is stated not to be a public body unless it says so (an unstated one leaves art. 3(4)
    open: tests/test_sme_public_body_unstated.py)."""
    base = {"name": "X", "country": "DK", "owners_fte": 0, "public_ownership_percent": 0,
            "related": []}
    if company.get("related"):
        company["related"] = [{"public_body": False} | r for r in company["related"]]
    return company_status(ctx_for({"company": base | company}))


def test_249_staff_is_medium():
    assert status(employees_fte=249, turnover=100_000_000).category == "medium"


def test_250_staff_is_large():
    assert status(employees_fte=250, turnover=1).category == "large"


def test_owners_count_as_staff():
    assert status(employees_fte=249, owners_fte=1, turnover=1).category == "large"


def test_turnover_at_the_ceiling_is_medium():
    assert status(employees_fte=100, turnover=373_000_000,
                  balance_sheet_total=400_000_000).category == "medium"


def test_both_ceilings_exceeded_is_large():
    assert status(employees_fte=100, turnover=373_000_001,
                  balance_sheet_total=320_780_001).category == "large"


def test_one_ceiling_may_be_exceeded():
    assert status(employees_fte=100, turnover=900_000_000,
                  balance_sheet_total=320_780_000).category == "medium"


def test_49_staff_and_ten_million_euro_is_small():
    assert status(employees_fte=49, turnover=74_600_000).category == "small"


def test_50_staff_is_not_small():
    assert status(employees_fte=50, turnover=1).category == "medium"


def test_9_staff_and_two_million_euro_is_micro():
    assert status(employees_fte=9, turnover=14_920_000).category == "micro"


def test_10_staff_is_not_micro():
    """'fewer than 10 persons' (Annex art. 2(3)): ten are small, whatever the money."""
    assert status(employees_fte=10, turnover=1).category == "small"


def test_turnover_over_the_ceiling_needs_the_balance_to_decide():
    s = status(employees_fte=100, turnover=400_000_000)
    with pytest.raises(Missing) as e:
        _ = s.is_sme
    assert e.value.fields == ("company.balance_sheet_total",)


def test_staff_unknown_is_missing():
    s = status(turnover=1)
    with pytest.raises(Missing) as e:
        _ = s.is_sme
    assert "company.employees_fte" in e.value.fields


# --- facts not stated, or stated within bounds (issue 17): never a default ------------------


def test_249_employees_and_owners_not_stated_is_open_naming_owners():
    s = status(employees_fte=249, turnover=1, owners_fte=None)
    with pytest.raises(Unsettled) as e:
        _ = s.is_sme
    assert e.value.fields == ("company.owners_fte",)


def test_249_employees_and_no_working_owners_is_an_sme():
    assert status(employees_fte=249, turnover=1, owners_fte=0).is_sme


def test_250_employees_is_large_whatever_the_owners_add():
    s = status(employees_fte=250, turnover=1, owners_fte=None)
    assert s.category == "large" and not s.is_sme


def test_40_employees_and_owners_not_stated_is_open():
    """The EU count does not bound the owner-managers it adds (Annex art. 5(c)): at 40
    employees it is not a micro enterprise, and nothing more is settled."""
    s = status(employees_fte=40, turnover=1, owners_fte=None)
    assert s.lowest == "small" and s.highest == "large"
    with pytest.raises(Unsettled):
        _ = s.is_sme


def test_public_ownership_not_stated_is_open_naming_it():
    s = status(employees_fte=5, turnover=1, public_ownership_percent=None)
    with pytest.raises(Unsettled) as e:
        _ = s.is_sme
    assert e.value.fields == ("company.public_ownership_percent",)
    assert "public ownership" in e.value.text()


def test_public_ownership_not_stated_does_not_matter_for_a_large_enterprise():
    s = status(employees_fte=300, turnover=1, public_ownership_percent=None)
    assert not s.is_sme


def test_public_ownership_within_bounds_below_25_settles_it():
    assert status(employees_fte=5, turnover=1,
                  public_ownership_percent={"min": 0, "max": 24}).is_sme


def test_public_ownership_within_bounds_from_25_is_not_an_sme():
    assert not status(employees_fte=5, turnover=1,
                      public_ownership_percent={"min": 25, "max": 60}).is_sme


def test_related_enterprises_not_stated_is_open_naming_them():
    s = status(employees_fte=5, turnover=1, related=None)
    with pytest.raises(Unsettled) as e:
        _ = s.is_sme
    assert e.value.fields == ("company.related",)


def test_a_staff_band_settles_the_class():
    s = status(employees_fte={"min": 10, "max": 19}, turnover=1)
    assert s.category == "small" and s.is_small


def test_a_staff_band_across_50_leaves_small_open_but_settles_sme():
    s = status(employees_fte={"min": 20, "max": 99}, turnover=1)
    assert s.is_sme
    with pytest.raises(Unsettled) as e:
        _ = s.is_small
    assert e.value.fields == ("company.employees_fte",)


def test_a_turnover_range_within_the_medium_ceiling_is_an_sme():
    s = status(employees_fte=100, turnover={"min": 100_000_000, "max": 373_000_000})
    assert s.is_sme


def test_a_turnover_range_across_the_medium_ceiling_needs_the_balance():
    s = status(employees_fte=100, turnover={"min": 100_000_000, "max": 400_000_000})
    with pytest.raises(Unsettled) as e:
        _ = s.is_sme
    assert set(e.value.fields) == {"company.turnover", "company.balance_sheet_total"}
    assert status(employees_fte=100, turnover={"min": 100_000_000, "max": 400_000_000},
                  balance_sheet_total=1).is_sme


def test_a_linked_enterprise_adds_all_its_staff():
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "Parent", "relation": "linked", "staff": 20, "turnover": 1}])
    assert s.category == "medium"
    assert "Parent (linked) adds 100 %" in text_of(s.explanation)


def test_a_partner_adds_pro_rata():
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": 40, "staff": 47, "turnover": 1}])
    assert s.category == "small"  # 30 + 18.8 = 48.8
    s = status(employees_fte=30, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": 40, "staff": 50, "turnover": 1}])
    assert s.category == "medium"  # 30 + 20 = 50


def big_partner(share: object) -> list[dict[str, object]]:
    return [{"name": "P", "relation": "partner", "share_percent": share, "staff": 1000,
             "turnover": 1}]


def test_a_holding_under_25_percent_makes_no_partner_and_adds_nothing():
    """Annex art. 3(2): a partner holds 25 % or more; 24.99 % of a 1,000-staff enterprise adds
    nothing, 25 % adds 250."""
    s = status(employees_fte=20, turnover=1, related=big_partner("24.99"))
    assert s.category == "small"
    assert "P (partner, 24.99 % held: under 25 %, no partner (art. 3(2))) adds 0 %" in text_of(
        s.explanation)
    assert status(employees_fte=20, turnover=1, related=big_partner(25)).category == "large"


def test_a_holding_over_50_percent_is_linked_and_adds_all():
    """Annex art. 3(3)(a): a majority links; 50 % adds half, 50.01 % adds all."""
    half = status(employees_fte=0, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": 50, "staff": 98, "turnover": 1}])
    assert half.category == "small"  # 49
    over = status(employees_fte=0, turnover=1, related=[
        {"name": "P", "relation": "partner", "share_percent": "50.01", "staff": 98,
         "turnover": 1}])
    assert over.category == "medium"  # 98
    assert "over 50 %, a majority, linked (art. 3(3)(a))) adds 100 %" in text_of(
        over.explanation)


def test_a_holding_within_bounds_across_25_percent_leaves_the_status_open():
    s = status(employees_fte=20, turnover=1, related=big_partner({"min": 20, "max": 30}))
    assert (s.lowest, s.highest) == ("small", "large")


def test_25_percent_public_ownership_is_not_an_sme():
    assert status(employees_fte=5, turnover=1, public_ownership_percent=25).category == "large"
    assert status(employees_fte=5, turnover=1, public_ownership_percent=24).category == "micro"


def public_body(name: str, share: object) -> dict[str, object]:
    return {"name": name, "relation": "partner", "share_percent": share, "public_body": True,
            "staff": 0, "turnover": 0, "balance_sheet_total": 0}


def test_two_public_bodies_holding_25_percent_jointly_make_it_not_an_sme():
    """Annex art. 3(4): 'controlled, jointly or individually, by one or more public bodies':
    12.5 % + 12.5 % is 25 %, so not an SME; 12.5 % + 12.49 % is under it."""
    s = status(employees_fte=5, turnover=1, related=[public_body("Kommune", "12.5"),
                                                     public_body("Region", "12.5")])
    assert s.category == "large"
    assert "public bodies hold 25 % jointly (Kommune 12.50 %, Region 12.50 %)" in text_of(
        s.explanation)
    assert status(employees_fte=5, turnover=1, related=[
        public_body("Kommune", "12.5"), public_body("Region", "12.49")]).category == "micro"


def test_a_joint_public_holding_within_bounds_across_25_percent_leaves_the_status_open():
    s = status(employees_fte=5, turnover=1, related=[public_body("Kommune", 15),
                                                     public_body("Region", {"min": 5, "max": 15})])
    assert (s.lowest, s.highest) == ("micro", "large")
    assert "company.related[1].share_percent" in s.open_facts


def test_status_changes_only_after_two_consecutive_years():
    s = status(employees_fte=260, turnover=1, previous_year={"staff": 200, "turnover": 1})
    assert s.category == "medium"
    assert "art. 4(2)" in text_of(s.explanation)
    s = status(employees_fte=260, turnover=1, previous_year={"staff": 255, "turnover": 1})
    assert s.category == "large"


def test_the_year_before_counts_the_linked_enterprises_too():
    """Annex art. 4(2) compares the figures of art. 6, with the partner and linked
    enterprises: a company of 20 in a group of 5,000 was large the year before too, not small
    on its own figures."""
    group = [{"name": "Group", "relation": "linked", "staff": 5000, "turnover": 1}]
    s = status(employees_fte=20, turnover=1, related=group,
               previous_year={"staff": 20, "turnover": 1})
    assert s.category == "large"


def test_the_year_before_with_a_partner_keeps_the_two_year_rule():
    """240 own + 30 % of 50 = 255 now, 200 + 15 = 215 the year before: still medium, and the
    text says the partner's figures were added to the year before as stated."""
    partner = [{"name": "P", "relation": "partner", "share_percent": 30, "staff": 50,
                "turnover": 1}]
    s = status(employees_fte=240, turnover=1, related=partner,
               previous_year={"staff": 200, "turnover": 1})
    assert s.category == "medium"
    assert "partner and linked enterprises' figures as stated" in text_of(s.explanation)
    s = status(employees_fte=240, turnover=1, related=partner,
               previous_year={"staff": 236, "turnover": 1})  # 236 + 15 = 251
    assert s.category == "large"


def test_related_enterprises_not_stated_is_said():
    text = text_of(status(employees_fte=5, turnover=1, related=None).explanation)
    assert "partner and linked enterprises not stated (company.related)" in text


@pytest.mark.parametrize(("money", "category"), [
    (14_920_000, "micro"), (14_920_001, "small"),  # EUR 2,000,000 at 7.46
    (74_600_000, "small"), (74_600_001, "medium"),  # EUR 10,000,000 at 7.46
])
def test_the_money_ceilings_of_micro_and_small_on_both_sides(money, category):
    """Turnover and balance sheet both at a ceiling stay in the class; one unit over both
    leaves it (converted from EUR once per batch: the boundary holds all the same)."""
    assert status(employees_fte=9, turnover=money, balance_sheet_total=money).category == category


# --- Annex art. 3(2), second subparagraph: investors whose holding makes no partner ------------
# EUR 1,250,000 = DKK 9,325,000 and EUR 10M = DKK 74,600,000 at TEST_RATES' 7.46


def investor(kind: str | None, share: object = 30, **more: object) -> dict[str, object]:
    """A partner with 1,000 staff holding ``share`` % of the company: it makes a 20-staff
    company large, unless it is an investor of art. 3(2) that adds nothing."""
    return {"name": "Fund", "relation": "partner", "share_percent": share, "staff": 1000,
            "turnover": 1, "investor": kind, **more}


@pytest.mark.parametrize("kind", ["public_investment_corporation", "venture_capital",
                                  "university", "institutional_investor"])
def test_an_investor_of_article_3_2_makes_no_partner(kind: str) -> None:
    s = status(employees_fte=20, turnover=1, related=[investor(kind)])
    assert s.category == "small"
    assert "no partner (art. 3(2), second subparagraph)) adds 0 %" in text_of(s.explanation)


def test_the_same_holding_without_the_investor_kind_adds_pro_rata() -> None:
    assert status(employees_fte=20, turnover=1, related=[investor(None)]).category == "large"


def test_an_investor_with_a_majority_is_linked_and_adds_all() -> None:
    """'provided that those investors are not linked': over 50 % is a majority (art. 3(3)(a));
    50 % is still a partner's holding, and the investor adds nothing."""
    assert status(employees_fte=20, turnover=1,
                  related=[investor("venture_capital", 50)]).category == "small"
    assert status(employees_fte=20, turnover=1,
                  related=[investor("venture_capital", "50.01")]).category == "large"
    linked = dict(investor("venture_capital"), relation="linked")
    assert status(employees_fte=20, turnover=1, related=[linked]).category == "large"


def test_business_angels_below_eur_1_25_million_make_no_partner() -> None:
    """Point (a): 'provided the total investment of those business angels in the same
    enterprise is less than EUR 1 250 000'."""
    below = status(employees_fte=20, turnover=1,
                   related=[investor("business_angels", investment="9324999.99")])
    assert below.category == "small"
    at = status(employees_fte=20, turnover=1,
                related=[investor("business_angels", investment=9_325_000)])
    assert at.category == "large"


def test_business_angels_whose_investment_is_not_stated_leave_the_status_open() -> None:
    s = status(employees_fte=20, turnover=1, related=[investor("business_angels")])
    assert (s.lowest, s.highest) == ("small", "large")
    assert s.open_facts == ("company.related[0].investment",)
    assert "no partner if it meets art. 3(2)" in text_of(s.explanation)
    ranged = status(employees_fte=20, turnover=1, related=[
        investor("business_angels", investment={"min": 1_000_000, "max": 2_000_000})])
    assert ranged.category == "small"  # below DKK 9,325,000 whatever it is


def test_a_small_local_authority_makes_no_partner() -> None:
    """Point (d): 'an annual budget of less than EUR 10 million and less than 5 000
    inhabitants': each on both sides."""
    def of(budget: object, people: object) -> str:
        return status(employees_fte=20, turnover=1, related=[investor(
            "local_authority", annual_budget=budget, inhabitants=people)]).category

    assert of("74599999.99", 4999) == "small"
    assert of(74_600_000, 4999) == "large"
    assert of("74599999.99", 5000) == "large"


def test_a_local_authority_whose_inhabitants_are_not_stated_leaves_it_open() -> None:
    s = status(employees_fte=20, turnover=1, related=[
        investor("local_authority", annual_budget=1_000_000)])
    assert (s.lowest, s.highest) == ("small", "large")
    assert s.open_facts == ("company.related[0].inhabitants",)
    # a budget at the ceiling settles it whatever the inhabitants
    assert status(employees_fte=20, turnover=1, related=[
        investor("local_authority", annual_budget=74_600_000)]).category == "large"


def test_a_public_investor_of_article_3_2_is_no_public_control() -> None:
    """Art. 3(4): 'Except in the cases set out in paragraph 2, second subparagraph', 25 % or
    more held by public bodies makes no SME."""
    fund = dict(public_body("Vækstfonden", 30), investor="public_investment_corporation")
    assert status(employees_fte=5, turnover=1, related=[fund]).category == "micro"
    assert status(employees_fte=5, turnover=1,
                  related=[public_body("Vækstfonden", 30)]).category == "large"
    town = dict(public_body("Kommune", 30), investor="local_authority", annual_budget=1)
    s = status(employees_fte=5, turnover=1, related=[town])  # inhabitants not stated
    assert (s.lowest, s.highest) == ("micro", "large")
    assert "company.related[0].inhabitants" in s.open_facts


def test_match_ranks_a_start_up_with_a_venture_fund_as_an_sme(tmp_path) -> None:
    """Through the command: Kvantia with a venture capital company holding 35 % (its figures
    not stated) is small for Innobooster People's IP08; the same holding by business angels
    whose investment is not stated asks for it; a plain partner asks for its figures."""
    import json as json_module
    from pathlib import Path

    from typer.testing import CliRunner

    from grantcheck.cli import app

    example = Path(__file__).resolve().parent.parent / "profiles" / "kvantia-startup.toml"
    text = example.read_text(encoding="utf-8").replace("\nrelated = []\n", "\n")

    def ip08(kind: str | None) -> dict[str, object]:
        fund = ('\n[[company.related]]\nname = "Nordic Seed Ventures K/S"\nrelation = "partner"\n'
                "share_percent = 35\n" + (f'investor = "{kind}"\n' if kind else ""))
        path = tmp_path / f"{kind}.toml"
        path.write_text(text + fund, encoding="utf-8")
        result = CliRunner().invoke(app, ["match", str(path), "--as-of", "2020-11-15",
                                          "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        schemes = json_module.loads(result.stdout)["schemes"]
        ip = next(s for s in schemes if s["id"] == "dk-innobooster-people")
        return next(f for f in ip["findings"] if f["rule"] == "IP08")

    assert ip08("venture_capital")["outcome"] == "pass"
    angels = ip08("business_angels")
    assert angels["outcome"] == "unknown"
    assert "company.related[0].investment" in angels["missing_fields"]
    plain = ip08(None)
    assert plain["outcome"] == "unknown"
    assert "company.related[0].investment" not in plain["missing_fields"]
