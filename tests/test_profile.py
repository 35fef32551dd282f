"""Profiles load exactly, and bad input names the file, line and field."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from grantcheck.profile import (
    DOCUMENT_IDS,
    TOO_MANY_DIGITS,
    Profile,
    ProfileError,
    load_profile,
    parse_profile,
)
from grantcheck.schemes import all_schemes
from tests.support import country_without_scheme

GOOD = """
[company]
name = "Acme ApS"
country = "DK"
turnover = 1600000.50
employees_fte = 4
"""


def problems(text):
    with pytest.raises(ProfileError) as e:
        parse_profile(text, "p.toml")
    return e.value.problems


def test_amounts_are_decimal_never_float():
    p = parse_profile(GOOD)
    assert p.company.turnover == Decimal("1600000.50")
    assert isinstance(p.company.employees_fte, Decimal)


def test_currency_follows_the_country():
    assert parse_profile(GOOD).company.money_currency == "DKK"


def test_a_company_of_a_country_no_scheme_is_for_must_state_its_currency():
    [p] = problems(f'[company]\nname = "X"\ncountry = "{country_without_scheme()}"\n')
    assert p.path == "company.currency"
    assert p.message.endswith("(DKK, NOK, SEK or EUR)") and "hint" not in p.message
    assert p.hint == 'State company.currency = "EUR" (or DKK, NOK, SEK): the currency its ' \
        "figures are in"


@pytest.mark.parametrize("scheme", all_schemes(), ids=lambda s: s.id)
def test_a_document_id_names_one_document_across_schemes(scheme):
    """documents.held takes the ids derived from the schemes' documents: an id two schemes
    share must name the same document."""
    for d in scheme.documents:
        assert DOCUMENT_IDS[d.id] == d.name, d.id


def test_an_unknown_field_gets_a_did_you_mean_hint_and_its_line():
    [p] = problems(GOOD + "turnovr = 5\n")
    assert p.path == "company.turnovr"
    assert p.message == "unknown field"
    assert p.hint == "Did you mean 'turnover'?"
    assert p.line == 7


def test_a_negative_amount_is_refused_with_the_value():
    [p] = problems(GOOD.replace("1600000.50", "-5"))
    assert p.path == "company.turnover"
    assert p.message == "must not be negative (got -5)"
    assert p.line == 5


@pytest.mark.parametrize(("text", "path", "message"), [
    ("company = 5\n", "company", "must be a table of fields (got 5)"),
    ('[company]\nname = "X"\ncountry = "DK"\nprevious_year = "2024"\n',
     "company.previous_year", "must be a table of fields (got '2024')"),
    ('[company]\nname = "X"\ncountry = "DK"\nrelated = [3]\n', "company.related[0]",
     "must be a table of fields (got 3)"),
    ('[company]\nname = "X"\ncountry = "DK"\nrelated = 3\n', "company.related",
     "must be a list (got 3)"),
])
def test_a_value_where_a_table_or_list_belongs_is_named_in_the_profiles_words(text, path,
                                                                              message):
    """Not pydantic's "a valid dictionary or instance of Company": the user writes tables."""
    [p] = problems(text)
    assert (p.path, p.message) == (path, message)


FIGURE = '[company]\nname = "X"\ncountry = "DK"\n{key} = {value}\n'


@pytest.mark.parametrize(("key", "value", "message"), [
    ("turnover", "0", None),
    ("turnover", "-0.01", "must not be negative (got -0.01)"),
    ("turnover", "1000000000000000", None),
    ("turnover", "1000000000000000.01",
     "must be at most 1,000,000,000,000,000 (got 1000000000000000.01)"),
    ("turnover", "{ min = 0, max = 1000000000000000 }", None),
    ("turnover", "{ min = -0.01 }", "min must not be negative (got -0.01)"),
    ("turnover", "{ max = 1000000000000000.01 }",
     "max must be at most 1,000,000,000,000,000 (got 1000000000000000.01)"),
    ("public_ownership_percent", "100", None),
    ("public_ownership_percent", "100.01", "must be at most 100 (got 100.01)"),
    ("public_ownership_percent", "{ min = 0, max = 100 }", None),
    ("public_ownership_percent", "{ max = 100.01 }", "max must be at most 100 (got 100.01)"),
])
def test_a_figure_and_its_range_ends_are_bounded_on_both_sides(key, value, message):
    """The figure's hand-built schema (profile/bounds.py): 0 and the top (10^15 for an amount or
    a count, 100 for a percentage) are in, a cent beyond either is out, as a number and as a
    range's end."""
    text = FIGURE.format(key=key, value=value)
    if message is None:
        parse_profile(text, "p.toml")
    else:
        [p] = problems(text)
        assert (p.path, p.message) == (f"company.{key}", message)


def test_a_null_section_of_a_json_line_is_said_to_be_null():
    from grantcheck.profile import profile_from_data

    with pytest.raises(ProfileError) as e:
        profile_from_data({"company": None}, "line 1")
    [p] = e.value.problems
    assert (p.path, p.message) == ("company", "must be a table of fields (got null)")


def test_a_null_where_text_is_required_is_said_to_be_null_not_none():
    from grantcheck.profile import profile_from_data

    with pytest.raises(ProfileError) as e:
        profile_from_data({"company": {"name": None, "country": "NO"}}, "line 1")
    [p] = e.value.problems
    assert (p.path, p.message) == ("company.name", "must be text, in quotes (got null)")


def test_a_wrong_type_names_the_dotted_path():
    [p] = problems(GOOD + '[[employees]]\nname = "A"\nmonthly_salary = "lots"\n')
    assert p.path == "employees[0].monthly_salary"
    assert p.line == 9
    assert p.message == "must be a number (got 'lots')"


def test_a_fraction_where_a_count_is_asked_is_said_to_need_a_whole_number():
    """2.5 is a number: the message says what is wrong with it (a count of years is whole)."""
    [p] = problems(GOOD + "[network]\nduration_years = 2.5\n")
    assert (p.path, p.message) == ("network.duration_years", "must be a whole number (got 2.5)")
    [p] = problems(GOOD + '[network]\nduration_years = "two"\n')
    assert p.message == "must be a number (got 'two')"


def test_a_key_given_twice_is_named():
    """The parser says only 'Cannot overwrite a value'; the message names the key."""
    [p] = problems(GOOD + "employees_fte = 5\n")
    assert p.line == 7
    assert p.message == ("TOML syntax error: employees_fte is given twice (a key may be given "
                         "once in a table)")


def test_an_inline_table_may_span_lines_as_toml_1_1_allows():
    """A related enterprise written over two lines with a trailing comma (TOML 1.1, read by
    tomli 2.4 and newer) is read; two commas in a row are an error on their line."""
    related = ('related = [{ name = "Parent AS", relation = "linked",\n'
               '             staff = 40, }]\n')
    profile = parse_profile(GOOD + related)
    assert profile.company.related[0].name == "Parent AS"
    [p] = problems(GOOD + related.replace("40,", "40,,"))
    assert p.message.startswith("TOML syntax error") and p.line == 8


def test_a_date_with_a_time_says_a_day_is_asked():
    [p] = problems(GOOD + "founded = 2016-04-12T10:00:00Z\n")
    assert (p.path, p.message) == (
        "company.founded",
        "must be a date written as YYYY-MM-DD, without a time (got 2016-04-12T10:00:00+00:00)")


def test_text_where_a_list_is_asked_hints_at_brackets():
    [p] = problems(GOOD + 'related = "none"\n')
    assert (p.path, p.message) == ("company.related", "must be a list (got 'none')")
    assert p.hint.startswith("A list is written in brackets: [] for none")


def test_a_toml_syntax_error_gives_line_and_column():
    [p] = problems('[company]\nname = "X\n')
    assert p.line == 2 and p.column is not None
    assert p.message.startswith("TOML syntax error")


def test_a_project_that_ends_before_it_starts_is_refused():
    [p] = problems(GOOD + "[project]\nstart = 2024-05-01\nend = 2024-04-30\n")
    assert p.path == "project.end"
    assert "before it starts" in p.message


def test_an_investment_more_than_the_whole_budget_is_refused():
    [p] = problems(GOOD + "[project]\nbudget_total = 680000\ninvestment_cost = 680001\n")
    assert p.path == "project.investment_cost"
    assert p.message == ("the investment (680,001) is more than the whole budget, budget_total "
                         "(680,000), of which it is a part")


def test_an_investment_of_the_whole_budget_is_read():
    parse_profile(GOOD + "[project]\nbudget_total = 680000\ninvestment_cost = 680000\n")


def test_own_hours_of_the_whole_advice_part_are_read():
    parse_profile(GOOD + "[project]\nbudget_total = 680000\ninvestment_cost = 480000\n"
                  "own_hours_cost = 200000\n")


def test_own_hours_more_than_the_advice_part_are_refused():
    [p] = problems(GOOD + "[project]\nbudget_total = 680000\ninvestment_cost = 480000\n"
                   "own_hours_cost = 200001\n")
    assert p.path == "project.own_hours_cost"
    assert p.message == ("the own hours (200,001) are more than the advice part of the budget, "
                         "budget_total − investment_cost (200,000), of which they are a part")


def test_own_hours_stated_with_own_hours_false_are_refused():
    [p] = problems(GOOD + "[project]\nown_hours = false\nown_hours_cost = 1\n")
    assert p.path == "project.own_hours_cost"
    assert p.message == ("own hours of 1 are stated, and own_hours = false says none co-finance "
                         "the project")


def test_a_project_may_end_on_the_day_it_starts():
    parse_profile(GOOD + "[project]\nstart = 2024-05-01\nend = 2024-05-01\n")


def test_a_missing_company_name_is_reported():
    [p] = problems('[company]\ncountry = "DK"\n')
    assert p.path == "company.name" and p.message == "required field is missing"


def test_an_unknown_document_id_gets_a_hint():
    [p] = problems(GOOD + '[documents]\nheld = ["letter_of_intnt"]\n')
    assert p.path == "documents.held"
    assert "letter_of_intent" in p.hint


def test_an_unknown_enum_value_lists_the_choices():
    [p] = problems(GOOD.replace('country = "DK"', 'country = "DK"\nsector = "fish"'))
    assert p.path == "company.sector"
    assert "fishery_aquaculture" in p.message


def test_a_bool_must_be_a_bool_not_a_string():
    [p] = problems(GOOD + 'listed = "no"\n')
    assert p.path == "company.listed"


def test_a_bad_cvr_number_is_refused():
    [p] = problems(GOOD + 'cvr_number = "1234"\n')
    assert p.path == "company.cvr_number" and "8 digits" in p.message


def test_every_problem_is_reported_not_just_the_first():
    ps = problems(GOOD + "turnovr = 5\nbalance_sheet_total = -1\n")
    assert {p.path for p in ps} == {"company.turnovr", "company.balance_sheet_total"}


def test_a_missing_file_is_a_profile_error(tmp_path):
    with pytest.raises(ProfileError) as e:
        load_profile(tmp_path / "nope.toml")
    assert e.value.problems[0].message == "no such file"


def test_a_directory_is_a_profile_error(tmp_path):
    with pytest.raises(ProfileError):
        load_profile(tmp_path)


def test_a_binary_file_is_a_profile_error(tmp_path):
    f = tmp_path / "x.toml"
    f.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ProfileError) as e:
        load_profile(f)
    assert "UTF-8" in e.value.problems[0].message


def test_a_section_left_out_is_one_shared_empty_section_that_cannot_change():
    """Sections left out share one empty instance (a batch would validate a new one for every
    profile): safe only while it is frozen and holds nothing but None."""
    a = Profile.model_validate({"company": {"name": "A", "country": "DK"}})
    b = Profile.model_validate({"company": {"name": "B", "country": "SE"}})
    for name in ("project", "network", "application", "declarations"):
        section = getattr(a, name)
        assert section is getattr(b, name)
        assert all(v is None for v in section.model_dump().values()), name
        with pytest.raises(ValidationError):
            setattr(section, next(iter(type(section).model_fields)), None)


def test_a_number_of_more_digits_than_python_reads_is_a_bad_input_not_a_crash():
    """An integer of 5,000 digits: int() refuses it (a ValueError that is no TOML syntax
    error); the profile is refused with a plain message, as any bad input."""
    text = f'[company]\nname = "B"\ncountry = "DK"\nturnover = {"9" * 5000}\n'
    with pytest.raises(ProfileError) as e:
        parse_profile(text, "big.toml")
    assert [p.message for p in e.value.problems] == [TOO_MANY_DIGITS]
    assert "4,300 digits" in TOO_MANY_DIGITS


def test_a_profile_without_documents_imports_no_scheme():
    """The document ids come from the schemes' documents, derived only when a profile lists
    documents: reading one that lists none imports no scheme module (start-up stays light)."""
    import subprocess
    import sys

    code = ("import sys; from grantcheck.profile import parse_profile; "
            f"parse_profile({GOOD!r}); "
            "print(sorted(m for m in sys.modules if m.endswith('.scheme')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


BUDGET = '[budget]\n[[budget.lines]]\ncategory = "consultancy"\namount = 150000\n'


def _budget_imported(text: str) -> bool:
    import subprocess
    import sys

    code = ("import sys; from grantcheck.profile import parse_profile; "
            f"parse_profile({text!r}); print('grantcheck.budget.model' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_a_profile_without_a_budget_does_not_import_the_budget_models():
    """The budget's models are built only for a profile with a [budget] (start-up: issue 20)."""
    assert not _budget_imported(GOOD)


def test_a_profile_with_a_budget_has_it_as_the_budget_model():
    from grantcheck.budget.model import Budget

    assert _budget_imported(GOOD + BUDGET)
    p = parse_profile(GOOD + BUDGET)
    assert isinstance(p.budget, Budget) and p.budget.lines[0].amount == Decimal("150000")
    assert parse_profile(GOOD).budget is None


def test_a_budget_error_names_its_line_and_field_as_before():
    """The deferred [budget] is validated by the budget's model, its errors in the profile's
    words: the dotted path, the line, a did-you-mean hint."""
    [neg] = problems(GOOD + BUDGET.replace("150000", "-5"))
    assert (neg.path, neg.message, neg.line) == ("budget.lines[0].amount",
                                                 "must not be negative (got -5)", 10)
    [typo] = problems(GOOD + BUDGET + "ammount = 3\n")
    assert (typo.path, typo.message, typo.hint) == ("budget.lines[0].ammount", "unknown field",
                                                    "Did you mean 'amount'?")
    [bad] = problems('budget = "x"\n' + GOOD)
    assert (bad.path, bad.message) == ("budget", "must be a table of fields (got 'x')")


def test_a_document_a_scheme_declares_is_a_known_id():
    p = parse_profile(GOOD + '[documents]\nheld = ["letter_of_intent", "smv_application"]\n')
    assert p.documents is not None
    assert p.documents.held == ["letter_of_intent", "smv_application"]


def test_a_json_object_given_as_a_profile_file_gets_a_hint_to_batch():
    [p] = problems('{"company": {"name": "A", "country": "NO"}}\n')
    assert p.message.startswith("TOML syntax error")
    assert "--input-format jsonl" in p.hint
    [p] = problems('[company]\nname = "A"\ncountry = "NO"\nturnover = 4.500.000\n')
    assert "--input-format" not in p.hint


def test_a_field_in_the_wrong_table_says_where_it_belongs_and_problems_come_in_file_order():
    text = ('[company]\nname = "A"\ncountry = "NO"\n\n[project]\nturnovr = 5\n\n'
            '[declarations]\nin_difficulty = false\n')
    first, second = problems(text)
    assert (first.line, first.path) == (6, "project.turnovr")
    assert (second.line, second.path, second.message) == (
        9, "declarations.in_difficulty", "unknown field")
    assert second.hint == "[company] has a field in_difficulty: move it there"


def test_a_field_missing_from_a_table_is_located_at_the_tables_header():
    """A required field the table lacks has no line of its own: the line of its table's header
    is given, so that the second of several [[employees]] is found by its line."""
    [p] = problems('\n[company]\ncountry = "NO"\n')
    assert (p.line, p.path, p.message) == (2, "company.name", "required field is missing")
    text = (GOOD + '[[employees]]\nname = "A"\n\n[[employees]]\nhours_per_week = 37\n')
    [p] = problems(text)
    assert p.path == "employees[1].name"
    assert text.splitlines()[p.line - 1] == "[[employees]]"
    assert p.line == len(text.splitlines()) - 1


def test_a_training_add_on_may_leave_out_its_persons_and_amount():
    """Either figure may not be known yet: the add-on is then unknown, not an input error."""
    base = '[company]\nname = "Park AB"\ncountry = "SE"\n[project.training_addon]\n'
    addon = parse_profile(base + "amount = 60000\n").project.training_addon
    assert addon is not None and addon.persons is None and addon.amount == Decimal(60000)
    empty = parse_profile(base).project.training_addon
    assert empty is not None and empty.persons is None and empty.amount is None
