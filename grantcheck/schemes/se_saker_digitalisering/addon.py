"""Säker digitalisering: the training add-on's rule (SD12), registered in ``rules.py`` in the
order of the page ("Tilläggsinsats för ansökan"): at most SEK 180,000, or SEK 30,000 per
participating person; the persons and the amount may not be known yet.

"Maxbelopp för denna aktivitet är 180 tkr, eller 30 tkr per deltagande person" is read as a cap
on the activity's cost, ``project.training_addon.amount``, as the budget command reads its
training lines (SDB02): the page says "för denna aktivitet" (the amount of the activity), and
where it means the support it says "stöd" ("Hur mycket kan ni få i stöd?"); the add-on lies
inside the same 50 % co-financing ("Förordningskraven … kräver 50 procents medfinansiering"), so
the grant for it is at most half of that cost.
"""

from __future__ import annotations

from grantcheck.engine import Check, Ctx, Message
from grantcheck.money import min_money
from grantcheck.schemes.se_saker_digitalisering.derived import (
    figures,
    in_sek_or_converted,
    not_stated,
    sek,
)
from grantcheck.schemes.se_saker_digitalisering.parameters import (
    TRAINING_MAX,
    TRAINING_PER_PERSON,
)


def training_addon(ctx: Ctx) -> Check:
    """At most min(SEK 180,000, SEK 30,000 x participating persons)."""
    addon = ctx.profile.project.training_addon
    if addon is None:
        return NO_ADDON
    overall, _ = sek(ctx, TRAINING_MAX)
    if addon.amount is None:
        return not_stated([f"project.training_addon.{f}" for f in ("amount", "persons")
                           if getattr(addon, f) is None])
    amount = ctx.money(addon.amount)
    converted = ctx.currency != "SEK"
    if addon.persons is None:  # the persons only lower the cap: above the overall one fails
        said = figures(ctx, overall=TRAINING_MAX, per_person=TRAINING_PER_PERSON)
        if amount > overall:
            return T_ADDON_OVERALL[converted].failed(
                amount=amount, floor=overall.floored(), less=(amount - overall).rounded(), **said)
        # a training is taken by at least one person ("per deltagande person"), so the cap is
        # at least one person's: a cost within it fits whatever the number
        if amount <= sek(ctx, TRAINING_PER_PERSON)[0]:
            return T_ADDON_ONE_PERSON[converted].passed(amount=amount, **said)
        return T_ADDON_PERSONS[converted].unknown("project.training_addon.persons",
                                                  amount=amount, **said)
    per_person, _ = sek(ctx, TRAINING_PER_PERSON)
    by_persons = per_person * addon.persons
    cap = min_money(overall, by_persons)
    return T_ADDON[converted].check(
        amount <= cap, amount=amount, persons=addon.persons, by_persons=by_persons.rounded(),
        cap=cap.rounded(), floor=cap.floored(), less=(amount - cap).rounded(),
        **figures(ctx, overall=TRAINING_MAX, per_person=TRAINING_PER_PERSON))


T_NO_ADDON = Message("no training add-on sought (project.training_addon not stated)")
NO_ADDON = T_NO_ADDON.info()
_COST = ("the cost of the activity ('Maxbelopp för denna aktivitet'), financed at 50 % like "
         "the rest")
T_ADDON = in_sek_or_converted(
    "training add-on costing {amount} for {persons} person(s); at most the lower of {overall} "
    "and {per_person} × {persons} = {by_persons}, i.e. {cap}, of " + _COST + "{rates}",
    fix="lower the training's cost to {floor} ({less} less) or train more persons (up to the "
    "overall maximum)", figures=("overall", "per_person"))
T_ADDON_OVERALL = in_sek_or_converted(
    "training add-on costing {amount}; above the overall maximum {overall} of " + _COST
    + ", whatever the number of persons ({per_person} each){rates}",
    fix="lower the training's cost to {floor} ({less} less)", figures=("overall", "per_person"))
T_ADDON_ONE_PERSON = in_sek_or_converted(
    "training add-on costing {amount}, the number of persons not stated; within {per_person}, "
    "the maximum for one participating person, so within the lower of {overall} and "
    "{per_person} per person whatever their number, of " + _COST + "{rates}",
    figures=("overall", "per_person"))
T_ADDON_PERSONS = in_sek_or_converted(
    "training add-on costing {amount}; at most the lower of {overall} and {per_person} per "
    "participating person, of " + _COST + ", and the number of persons is not stated{rates}",
    fix="state project.training_addon.persons (the persons taking the training)",
    figures=("overall", "per_person"))
