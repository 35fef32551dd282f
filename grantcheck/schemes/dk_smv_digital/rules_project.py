"""SMV:Digital: SMV15–SMV31 in the order of the page: the up-to-250,000 voucher's conditions,
one project at a time, the award criteria, implementation and investment, eligible activities,
one grant per group, the advisors and each voucher's project period."""

from __future__ import annotations

from grantcheck.engine import (
    Check,
    Ctx,
    Kind,
    Message,
    RuleBook,
    because,
    missing,
    passed,
)
from grantcheck.law.dates import add_months, years_before
from grantcheck.profile import Aid
from grantcheck.schemes.dk_smv_digital.derived import (
    _dated,
    _local_of,
)
from grantcheck.schemes.dk_smv_digital.grant import (
    _NO_INVESTMENT,
    _NO_INVESTMENT_WHY,
    _investment,
    _investment_support,
)
from grantcheck.schemes.dk_smv_digital.page import (
    C_ADVISOR_DATABASE,
    C_ADVISORS_EACH,
    C_ANCHORING,
    C_AWARD,
    C_CONFLICT,
    C_GROUP,
    C_GROWTH,
    C_IMPLEMENTATION,
    C_INELIGIBLE,
    C_INVESTMENT_MIN,
    C_INVESTMENT_PAYMENT,
    C_INVESTMENT_RATE,
    C_NEW_TECHNOLOGY,
    C_ONE_AT_A_TIME,
    C_PREDECESSOR,
    C_READY_TO_INVEST,
    C_REAPPLY,
    C_T250,
    C_TECHNOLOGY_CHOICE,
    C_THEME,
)
from grantcheck.schemes.dk_smv_digital.parameters import (
    GRANT_T100,
    INVESTMENT_MIN,
    INVESTMENT_SUPPORT_MAX,
    INVESTMENT_SUPPORT_MIN,
    TECHNOLOGY_BOUGHT_WITHIN_YEARS,
    VAT_NOTE,
    is_predecessor,
    is_smv_digital,
    scheme_key,
)
from grantcheck.schemes.dk_smv_digital.sections import (
    S_ADVISOR,
    S_AWARD_CRITERIA,
    S_ELIGIBLE,
    S_EVERY,
    S_INVESTMENT,
    S_TIERS,
)
from grantcheck.schemes.dk_smv_digital.vocabulary import SmvActivity

rules = RuleBook()


@rules.rule("SMV15", "The technology choice is settled", kind=Kind.HARD,
            section=S_TIERS, cites=[C_T250, C_TECHNOLOGY_CHOICE],
            reads=["project.technology_choice_settled"],
            tier="t250")
def technology_choice(ctx: Ctx) -> Check:
    """'Virksomheden skal være afklaret omkring teknologivalg'."""
    settled = ctx.value("project.technology_choice_settled")
    if settled is None:
        return missing("project.technology_choice_settled")
    return T_TECHNOLOGY_CHOICE.check(bool(settled), settled=str(settled).lower())


T_TECHNOLOGY_CHOICE = Message("technology choice settled: {settled}",
                              fix="settle the technology choice before applying for the "
                              "up-to-DKK 250,000 voucher, or apply for DKK 100,000 (e.g. a "
                              "potential clarification)")


@rules.rule("SMV16", "A business case for the investment in new hardware or software has been "
            "made", kind=Kind.HARD, section=S_TIERS, cites=[C_T250, C_TECHNOLOGY_CHOICE],
            reads=["project.business_case_made"], tier="t250")
def business_case(ctx: Ctx) -> Check:
    """'have udarbejdet en business case': made (held by the company), not an attachment."""
    made = ctx.value("project.business_case_made")
    if made is None:
        return missing("project.business_case_made")
    return T_BUSINESS_CASE.check(bool(made), made=str(made).lower())


T_BUSINESS_CASE = Message("business case made: {made}",
                          fix="make the business case for the investment first (the DKK 100,000 "
                          "voucher can pay for making one)")


_NO_EARLIER_GRANTS = because("earlier SMV:Digital or Erhvervspartnerskab grants with "
                             "finished_and_reported; aid_received = [] if none")

@rules.rule("SMV17", "Any earlier SMV:Digital or Erhvervspartnerskab project is finished and "
            "reported", kind=Kind.HARD, section=S_EVERY,
            cites=[C_REAPPLY, C_ONE_AT_A_TIME, C_PREDECESSOR],
            reads=["aid_received"])
def one_project_at_a_time(ctx: Ctx) -> Check:
    """One project at a time, Erhvervspartnerskabet for Avanceret Produktion's included; a grant
    dated after the evaluation date is not 'tidligere modtaget' (as de minimis aid is counted).
    'har virksomheden tidligere modtaget': the company's own grants (no ``recipient``, or the
    company named); another group company's is SMV26's."""
    if ctx.profile.aid_received is None:
        return missing("aid_received", why=_NO_EARLIER_GRANTS)
    own = scheme_key(ctx.profile.company.name)
    earlier = [(i, a) for i, a in enumerate(ctx.profile.aid_received)
               if is_predecessor(a.scheme) and a.granted <= ctx.on
               and (not a.recipient or scheme_key(a.recipient) == own)]
    if not earlier:
        return passed("no earlier SMV:Digital or Erhvervspartnerskab grant in aid_received")

    def name(a: Aid) -> str:
        who = f" to {a.recipient}" if a.recipient else ""
        return f"{a.scheme} of {a.granted}{who}"

    open_ = [name(a) for _, a in earlier if a.finished_and_reported is False]
    unsure = [f"aid_received[{i}].finished_and_reported" for i, a in earlier
              if a.finished_and_reported is None]
    if open_:
        return T_EARLIER_OPEN.failed(projects=", ".join(open_))
    if unsure:
        return T_EARLIER_UNSURE.unknown(*unsure, projects=", ".join(
            name(a) for _, a in earlier if a.finished_and_reported is None))
    return T_EARLIER_DONE.passed(projects=", ".join(name(a) for _, a in earlier))


T_EARLIER_OPEN = Message("not yet finished and reported: {projects}",
                         fix="finish the earlier project and report it to Erhvervsstyrelsen first")
T_EARLIER_UNSURE = Message("not stated whether the earlier project is finished and reported: "
                           "{projects}")
T_EARLIER_DONE = Message("finished and reported: {projects}")


rules.declaration("SMV18", "The project helps realise the company's growth ambitions",
                  "growth_ambitions", section=S_AWARD_CRITERIA, cites=[C_AWARD, C_GROWTH])
rules.declaration("SMV19", "The project is anchored: resources, room to buy technology, "
                  "management commitment and the right employees", "anchoring",
                  section=S_AWARD_CRITERIA, cites=[C_AWARD, C_ANCHORING])
rules.declaration("SMV20", "The project involves technology new to the company or a "
                  "significant upgrade", "new_technology", section=S_AWARD_CRITERIA,
                  cites=[C_AWARD, C_NEW_TECHNOLOGY])


@rules.rule("SMV21", "The project meets the pool's theme, if the pool has one",
            kind=Kind.DECLARATION, section=S_AWARD_CRITERIA, cites=[C_AWARD, C_THEME],
            reads=["project.pool_theme", "declarations.pool_theme_met"])
def pool_theme(ctx: Ctx) -> Check:
    """'Evt. tema': only themed pools (e.g. green transition, export) assess it."""
    theme = ctx.profile.project.pool_theme
    if theme is None:
        return passed("no pool theme stated (project.pool_theme): the criterion applies only to "
                      "themed pools")
    met = ctx.profile.declarations.pool_theme_met
    if met is None:
        return T_THEME_UNDECLARED.unknown("declarations.pool_theme_met", theme=repr(theme))
    return T_THEME.check(met, theme=repr(theme), met=str(met).lower())


T_THEME_UNDECLARED = Message("pool theme {theme}: not declared whether the project meets it",
                             fix="set declarations.pool_theme_met = true if the project makes "
                             "the theme's effect plausible (false if not)")
T_THEME = Message("pool theme {theme}: declared pool_theme_met = {met}",
                  fix="make plausible that the project serves the pool's theme, or apply to a "
                  "pool without a theme")


@rules.rule("SMV22", "An implementation project concerns technology bought within the last year "
            "or in the project", kind=Kind.HARD, section=S_INVESTMENT, cites=[C_IMPLEMENTATION],
            reads=["project.activities", "project.technology_bought",
                   "project.technology_bought_in_project", "project.application_date"])
def implementation_technology(ctx: Ctx) -> Check:
    """'ny teknologi, som I enten har investeret i inden for det seneste år eller indkøber i
    forbindelse med projektet': the year before the application (project.application_date),
    else before the evaluation date. An application date left out is the evaluation date's or
    earlier (as PO13 and SD16 read it): technology bought more than a year before the
    evaluation date is in time with an application sent earlier, so unknown, naming it."""
    p = ctx.profile.project
    activities = ctx.value("project.activities")
    if activities is None:
        return missing("project.activities")
    if SmvActivity.IMPLEMENTATION not in activities:
        return passed("not an implementation project (project.activities)")
    if p.technology_bought_in_project:
        return passed("the technology is bought in the project")
    years = int(TECHNOLOGY_BOUGHT_WITHIN_YEARS.at(ctx.on))
    applied = p.application_date
    earliest = years_before(applied or ctx.on, years)
    before = f"the application date {applied}" if applied else f"the evaluation date {ctx.on}"
    bought = p.technology_bought
    if bought is not None and bought >= earliest:
        return T_BOUGHT_RECENTLY.passed(bought=bought, earliest=earliest, years=years,
                                        before=before)
    if bought is not None and p.technology_bought_in_project is False and applied is None:
        return T_BOUGHT_UNDATED.unknown("project.application_date", bought=bought,
                                        earliest=earliest, years=years, on=ctx.on,
                                        latest=add_months(bought, 12 * years))
    if bought is not None and p.technology_bought_in_project is False:
        return T_BOUGHT_EARLIER.failed(bought=bought, earliest=earliest, years=years,
                                       before=before)
    absent = [f for f, v in (("project.technology_bought", bought),
                             ("project.technology_bought_in_project",
                              p.technology_bought_in_project)) if v is None]
    if bought is not None:
        return T_BOUGHT_EARLIER_OPEN.unknown(*absent, bought=bought, earliest=earliest)
    return T_BOUGHT_OPEN.unknown(*absent, earliest=earliest)


T_BOUGHT_RECENTLY = Message("technology bought {bought}, on or after {earliest} (within the "
                            "{years} year before {before})")
T_BOUGHT_EARLIER = Message("technology bought {bought}, before {earliest} (more than {years} year "
                           "before {before}), and none is bought in the project",
                           fix="an implementation project must concern technology bought since "
                           "{earliest} or bought in the project")
T_BOUGHT_UNDATED = Message("technology bought {bought}, before {earliest} (more than {years} year "
                           "before the evaluation date {on}), and none is bought in the project; "
                           "the profile does not state project.application_date: in time only "
                           "with an application sent by {latest}",
                           fix="state project.application_date: an application sent by {latest} "
                           "is within the year after the purchase, a later one is not")
_NEEDS_TECHNOLOGY = ("an implementation project needs technology bought since {earliest} or "
                     "bought in the project")
T_BOUGHT_EARLIER_OPEN = Message("technology bought {bought}, before {earliest}; "
                                + _NEEDS_TECHNOLOGY)
T_BOUGHT_OPEN = Message(_NEEDS_TECHNOLOGY)


rules.declaration("SMV23", "The company is ready to invest in digital systems, automation or "
                  "e-commerce solutions", "ready_to_invest",
                  section=S_INVESTMENT, cites=[C_READY_TO_INVEST, C_INVESTMENT_PAYMENT],
                  tier="t250")


@rules.rule("SMV24", "The investment is at least DKK 40,000", kind=Kind.HARD,
            section=S_INVESTMENT, cites=[C_INVESTMENT_MIN, C_INVESTMENT_RATE, C_INVESTMENT_PAYMENT],
            reads=["project.investment_cost", "project.activities"], tier="t250")
def investment_minimum(ctx: Ctx) -> Check:
    """'Investeringer under 40.000 kr. støttes ikke': the up-to-250,000 voucher is direct
    investment support, so it needs a supported investment. Excl. VAT (grantcheck's reading)."""
    investment = _investment(ctx)
    if investment is None:
        return missing(*_NO_INVESTMENT, why=_NO_INVESTMENT_WHY)
    inv, _ = investment
    least = _local_of(ctx, INVESTMENT_MIN)
    support = _investment_support(ctx, inv)
    smallest = _local_of(ctx, INVESTMENT_SUPPORT_MIN).text
    if inv >= least.money:
        return T_INVESTMENT_ENOUGH.passed(
            investment=inv, least=least.shown, rate=_dated(ctx).investment_pct,
            support=support.rounded(), smallest=smallest,
            largest=_local_of(ctx, INVESTMENT_SUPPORT_MAX).text)
    values: dict[str, object] = {
        "least": least.shown, "smallest": smallest, "reach": least.rounded,
        "more": (least.money - inv).rounded(), "t100": GRANT_T100.money(ctx.on)}
    if ctx.profile.project.investment_cost is None:  # _investment: none among the activities
        return T_INVESTMENT_NONE.failed(**values)
    return T_INVESTMENT_SMALL.failed(investment=inv, **values)


T_INVESTMENT_ENOUGH = Message("investment {investment} ≥ {least}: support {rate} = {support} (at "
                              "least {smallest}, at most {largest}); " + VAT_NOTE)
_UNDER = (" < {least}: investments under that are not supported (the smallest support is "
          "{smallest}); " + VAT_NOTE)
_INVESTMENT_FIX = ("the investment must reach {reach} ({more} more), or apply for the {t100} "
                   "voucher without investment support")
T_INVESTMENT_SMALL = Message("investment {investment}" + _UNDER, fix=_INVESTMENT_FIX)
T_INVESTMENT_NONE = Message("no investment among project.activities" + _UNDER,
                            fix=_INVESTMENT_FIX)


@rules.rule("SMV25", "No activity the page lists as not eligible", kind=Kind.HARD,
            section=S_ELIGIBLE, cites=[C_INELIGIBLE], reads=["project.ineligible_activities"])
def ineligible_activities(ctx: Ctx) -> Check:
    """'ikke er støtteberettigede': ordinary operational optimisation, strategy development,
    sales and marketing, market and competitor analyses with a minor digital part,
    communication, costs of writing the application."""
    listed = ctx.value("project.ineligible_activities")
    if listed is None:
        return missing("project.ineligible_activities")
    if not listed:
        return passed("none of the activities the page lists as not eligible")
    return T_INELIGIBLE.failed(activities=", ".join(str(a) for a in listed))


T_INELIGIBLE = Message("the project includes activities that are not eligible: {activities}",
                       fix="take these activities out of the project (they cannot be funded)")


@rules.rule("SMV26", "No other company of the group, or with at least 25 % overlapping "
            "ownership, has an SMV:Digital project not yet finished and reported", kind=Kind.HARD,
            section=S_EVERY, cites=[C_GROUP, C_ONE_AT_A_TIME, C_REAPPLY],
            reads=["project.group_smv_grant", "aid_received",
                   "aid_received[].finished_and_reported"])
def one_grant_per_group(ctx: Ctx) -> Check:
    """'Der kan kun gives tilskud til én ansøgning per koncern' (also at 25 % overlapping
    ownership), the bullet after 'Der kan kun ansøges til ét forløb ad gangen', read with 'kan
    der frit ansøges igen, såfremt projektet er afsluttet og afrapporteret': the group applies
    as one company, one project at a time. A company's own grant is a grant of its group too,
    and once its project is finished and reported it may apply again; so another group
    company's grant (aid_received, granted by the evaluation date) blocks it while that project
    is not finished and reported, as SMV17 reads the company's own, not for ever."""
    overlap = _dated(ctx).overlap
    own = scheme_key(ctx.profile.company.name)
    group = [(i, a) for i, a in enumerate(ctx.profile.aid_received or ())
             if a.recipient and is_smv_digital(a.scheme) and scheme_key(a.recipient) != own
             and a.granted <= ctx.on]

    def named(done: bool | None) -> str:
        return ", ".join(f"{a.scheme} of {a.granted} to {a.recipient}" for _, a in group
                         if a.finished_and_reported is done)

    if any(a.finished_and_reported is False for _, a in group):
        return T_GROUP_LISTED.failed(grants=named(False))
    other = ctx.profile.project.group_smv_grant
    if other:
        return T_GROUP_GRANT.failed(overlap=overlap)
    finished = named(True)
    done = f"; finished and reported: {finished}" if finished else ""
    unsure = [f"aid_received[{i}].finished_and_reported" for i, a in group
              if a.finished_and_reported is None]
    if unsure:
        return T_GROUP_UNSURE.unknown(*unsure, grants=named(None), done=done)
    if other is None:
        return T_GROUP_UNSTATED.unknown("project.group_smv_grant", overlap=overlap, done=done)
    return T_GROUP_NONE.passed(overlap=overlap, done=done)


T_GROUP_UNSTATED = Message("not stated whether another company of the group, or one with at least "
                           "{overlap} % overlapping ownership, has an SMV:Digital project not yet "
                           "finished and reported (project.group_smv_grant){done}")
T_GROUP_GRANT = Message("another company of the group (or with at least {overlap} % overlapping "
                        "ownership) has an SMV:Digital project not yet finished and reported: "
                        "one grant per group at a time",
                        fix="only one company of the group can have the grant at a time: apply "
                        "once the other company's project is finished and reported")
T_GROUP_LISTED = Message("aid_received lists an SMV:Digital grant to another company of the "
                         "group, not yet finished and reported: {grants}; one grant per group at "
                         "a time", fix=T_GROUP_GRANT.fix)
T_GROUP_UNSURE = Message("not stated whether the SMV:Digital project of another company of the "
                         "group is finished and reported: {grants}{done}")
T_GROUP_NONE = Message("no other company of the group or with at least {overlap} % overlapping "
                       "ownership has an SMV:Digital project not yet finished and "
                       "reported{done}")


@rules.rule("SMV27", "Every advisor is approved in the programme's advisor database",
            kind=Kind.HARD, section=S_ADVISOR, cites=[C_ADVISOR_DATABASE, C_ADVISORS_EACH],
            reads=["project.advisors_in_database"])
def advisors_approved(ctx: Ctx) -> Check:
    """Each advisor approved individually; foreign advisors are allowed if they meet all
    requirements."""
    ok = ctx.value("project.advisors_in_database")
    if ok is None:
        return missing("project.advisors_in_database")
    return T_ADVISORS.check(bool(ok), approved=str(ok).lower())


T_ADVISORS = Message("every advisor approved in the advisor database: {approved}",
                     fix="ask the advisor to apply to the advisor database and await approval, "
                     "or choose an approved advisor")


@rules.rule("SMV28", "No conflict of interest between the company and its advisors",
            kind=Kind.HARD, section=S_ADVISOR, cites=[C_CONFLICT],
            reads=["project.advisor_conflict_of_interest"])
def no_conflict_of_interest(ctx: Ctx) -> Check:
    """No direct or indirect dependence: ownership, board, family relations or similar."""
    conflict = ctx.value("project.advisor_conflict_of_interest")
    if conflict is None:
        return missing("project.advisor_conflict_of_interest")
    return T_CONFLICT.check(not conflict, conflict=str(conflict).lower())


T_CONFLICT = Message("conflict of interest with an advisor: {conflict}",
                     fix="choose an advisor without ties of ownership, board seats, family or "
                     "similar")
