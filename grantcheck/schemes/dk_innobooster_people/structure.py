"""Innobooster People's rule on the ownership structure ("Hvem kan søge?", footnote [1]): IP11.

«Hvis virksomheden indgår i en ejerstruktur, hvor et andet selskab har bestemmende indflydelse
(ejer mere end 50%), eller reel ejer har mere end 50% indflydelse, så skal disse selskaber tillige
opfylde kravene under Etableringsstøtteordningen.» The companies of the structure are the
``company.related`` entries that control the company (``controls_company``) or are held more than
50 % by the same person as the company (``same_real_owner``: a sister under the same real owner);
each must itself be at most five years old when the grant is awarded, small on its own figures
and meet the other GBER art. 22 conditions (``gber22_conditions_met``).

A real owner's other companies matter only when there are some: a profile that lists its related
enterprises (``related = []`` or a list) with none under the same real owner passes without
saying whether a person holds more than 50 % of the company. A linked enterprise that does not
control the company is either one the company controls or a sister: ``same_real_owner`` is asked
of it only when it would not meet the conditions (or they are not settled), since otherwise the
answer is the same either way. A partner entry whose ``share_percent`` may be more than 50 % is a
majority held one way or the other ("ejer mere end 50%": exactly 50 % is not): ``controls_company``
is asked of it as of a linked one, since the holding alone does not say which way it runs.
An enterprise stated to be under the same real owner is in the structure either way («eller reel
ejer har mere end 50% indflydelse»): ``controls_company`` is not asked of it.
"""

from __future__ import annotations

from functools import partial

from grantcheck.engine import Check, Ctx, Kind, Message, Missing, RuleBook
from grantcheck.facts import high, show
from grantcheck.law.sme import Figures, category_of
from grantcheck.named import NamedTuple
from grantcheck.profile.company import RelatedEnterprise
from grantcheck.schemes.dk_innobooster_people.derived import (
    AwardWindow,
    anniversary,
    award_window,
)
from grantcheck.schemes.dk_innobooster_people.page import C_GBER_22, C_STRUCTURE, S_APPLICANT
from grantcheck.schemes.dk_innobooster_people.parameters import (
    CONTROL_ABOVE_PERCENT,
    GBER_APPLIES,
)

rules = RuleBook()


class Standing(NamedTuple):
    """What one company of the structure is found to be: the facts shown, what keeps it from
    meeting the conditions, and the fields not stated."""

    facts: list[str]
    problems: list[str]
    missing: list[str]


def standing(ctx: Ctx, r: RelatedEnterprise, prefix: str, window: AwardWindow) -> Standing:
    """The start-up conditions checked on one related enterprise: its age on the award's
    earliest day (without an application date, unknown where an earlier application may be in
    time, as IP03 reads it), its size on its own figures, and the other conditions as stated."""
    facts: list[str] = []
    problems: list[str] = []
    missing: list[str] = []
    if r.founded is None:
        missing.append(f"{prefix}.founded")
        facts.append("registration date not stated")
    else:
        last = anniversary(ctx, r.founded)
        facts.append(f"registered {r.founded.isoformat()}, eligible up to {last.isoformat()}")
        if window.first > last:  # too old on every day the application can have been sent
            problems.append(f"more than five years old on {window.label} "
                            f"{window.earliest.isoformat()}")
        elif window.earliest > last:  # no application date: one sent by ``last`` may be in time
            facts.append(f"more than five years old on the evaluation date "
                         f"{window.earliest.isoformat()}, in time only with an application "
                         f"sent by {last.isoformat()}")
            missing.append("project.application_date")
        elif window.latest is not None and window.latest > last:
            facts.append(f"the award must come by {last.isoformat()}, before the grant "
                         f"period starts on {window.start}")
    if r.staff is None:
        missing.append(f"{prefix}.staff")
        facts.append("staff not stated")
    else:
        figures = Figures(ctx.fact(f"{prefix}.staff"), r.turnover, r.balance_sheet_total)
        try:
            size = category_of(ctx, figures, prefix)
        except Missing as m:
            missing.extend(m.fields)
            facts.append("size not settled")
        else:
            facts.append(f"{size} on its own figures")
            if size not in ("micro", "small"):
                problems.append("not a small enterprise")
    if r.gber22_conditions_met is None:
        missing.append(f"{prefix}.gber22_conditions_met")
        facts.append("other start-up conditions not stated")
    elif not r.gber22_conditions_met:
        problems.append("does not meet the other start-up conditions")
    else:
        facts.append("other start-up conditions met")
    return Standing(facts, problems, missing)


def majority_possible(ctx: Ctx, r: RelatedEnterprise) -> bool:
    """Whether a partner entry's holding may be more than 50 % ('ejer mere end 50%'): a
    majority, held in a direction ``share_percent`` does not say (either way between the two),
    so only ``controls_company`` tells whether it is in the structure. A holding not stated may
    be any (never counted as at most 50 %: a stated 60 % on a "partner" entry is asked)."""
    if r.relation != "partner":
        return False
    if r.share_percent is None:
        return True
    return bool(high(r.share_percent) > CONTROL_ABOVE_PERCENT.at(ctx.on))


@rules.rule("IP11", "Every company controlling the company or under the same real owner meets "
            "the start-up conditions too",
            section=S_APPLICANT, kind=Kind.HARD, cites=[C_STRUCTURE, C_GBER_22],
            reads=["company.related", "company.related[].controls_company",
                   "company.related[].relation", "company.related[].share_percent",
                   "company.related[].same_real_owner",
                   "project.application_date", "employees[].grant_start",
                   "company.related[].founded", "company.related[].staff",
                   "company.related[].turnover", "company.related[].balance_sheet_total",
                   "company.related[].gber22_conditions_met"])
def ownership_structure(ctx: Ctx) -> Check:
    """'hvor et andet selskab har bestemmende indflydelse (ejer mere end 50%), eller reel ejer
    har mere end 50% indflydelse, så skal disse selskaber tillige opfylde kravene'."""
    GBER_APPLIES.at(ctx.on)  # NotEncoded outside GBER's validity
    related = ctx.profile.company.related
    if related is None:
        return T_RELATED_UNLISTED.unknown("company.related")
    window = award_window(ctx)
    parts: list[str] = []
    aside: list[str] = []
    bad: list[str] = []
    missing: list[str] = []
    members = 0
    for i, r in enumerate(related):
        prefix = f"company.related[{i}]"
        # «eller reel ejer har mere end 50% indflydelse»: one under the same real owner is in
        # the structure whether or not it controls the company, so control is not asked of it
        undecided = r.controls_company is None and not r.same_real_owner
        if undecided and r.relation == "linked":
            parts.append(f"{r.name}: not stated whether it controls the company")
            missing.append(f"{prefix}.controls_company")
            continue
        if undecided and majority_possible(ctx, r):
            holding = ("a holding not stated" if r.share_percent is None else
                       f"a holding of {show(r.share_percent)} %")
            parts.append(f"{r.name}: {holding} between it and "
                         "the company, either way (a partner holds at most "
                         f"{show(CONTROL_ABOVE_PERCENT.at(ctx.on))} %): not stated whether it "
                         "controls the company")
            missing.append(f"{prefix}.controls_company")
            continue
        role = ("controls the company" if r.controls_company
                else "is under the same real owner" if r.same_real_owner else None)
        if role is None:
            if r.relation == "linked" and r.same_real_owner is None:
                # a subsidiary or a sister: it matters only when it would not meet the conditions
                s = standing(ctx, r, prefix, window)
                if s.problems or s.missing:
                    why = "; ".join(s.problems) or "its conditions are not settled"
                    parts.append(f"{r.name}: not stated whether it is under the same real owner; "
                                 f"if it is: {why}")
                    missing.append(f"{prefix}.same_real_owner")
                else:
                    aside.append(f"{r.name} meets the conditions either way")
            continue
        members += 1
        s = standing(ctx, r, prefix, window)
        missing.extend(s.missing)
        parts.append(f"{r.name} {role}: " + ", ".join(s.facts))
        if s.problems:
            bad.append(f"{r.name} ({', '.join(s.problems)})")
    if not parts:
        return T_NO_STRUCTURE.passed(aside="".join(f"; {a}" for a in aside))
    enterprises = partial("; ".join, parts)
    if bad:
        return T_STRUCTURE_FAILS.failed(enterprises=enterprises, problems="; ".join(bad))
    if missing:
        return T_STRUCTURE.unknown(*dict.fromkeys(missing), enterprises=enterprises)
    return T_STRUCTURE_MEETS.passed(enterprises=enterprises, members=members)


T_RELATED_UNLISTED = Message("the profile does not list partner or linked enterprises "
                             "(company.related)",
                             fix="state company.related (an empty list when there are none)")
T_NO_STRUCTURE = Message("no enterprise controls the company or is under the same real owner "
                         "(company.related){aside}")
T_STRUCTURE = Message("{enterprises}")
T_STRUCTURE_FAILS = Message("{enterprises}", fix="every enterprise controlling the company or "
                            "under the same real owner must itself be an unlisted small "
                            "enterprise of at most five years meeting GBER art. 22: {problems}")
T_STRUCTURE_MEETS = Message("{enterprises} ({members} enterprise(s) of the ownership structure "
                            "checked; linked ones' figures are also added in IP08)")
