"""Who holds an enterprise, in the SME definition (Recommendation 2003/361/EC, Annex): the
investors whose holding makes no partner (art. 3(2), second subparagraph), and no public control
either (art. 3(4): "Except in the cases set out in paragraph 2, second subparagraph"); and public
bodies (art. 3(4): "an enterprise cannot be considered an SME if 25 % or more of the capital or
voting rights are directly or indirectly controlled, jointly or individually, by one or more
public bodies"). A public body itself is wholly in their hands: the words every rule that tests
SME status uses for it, and the public bodies among a company's related enterprises. Read by
:mod:`grantcheck.law.sme` (one module: each costs start-up)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.citations import SME_RECOMMENDATION, eu
from grantcheck.engine import Ctx
from grantcheck.facts import Range, at_least, high, is_range, low, show
from grantcheck.parameters import Parameter
from grantcheck.profile.bounds import DOMAIN_COUNT

IN_FORCE = date(2005, 1, 1)  # the Recommendation applies from 1 January 2005 (art. 9)

# Annex art. 3(2), second subparagraph: investors whose holding makes no partner
SME_ART3_2 = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph",
                "an enterprise may be ranked as autonomous, and thus as not having any partner "
                "enterprises, even if this 25 % threshold is reached or exceeded by the following "
                "investors",
                note="public investment corporations, venture capital companies, business "
                "angels, universities, institutional investors, small local authorities; not "
                "when linked; art. 3(4) excepts them from public control too")
_ART3_2_A = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph, point (a)",
               "provided the total investment of those business angels in the same enterprise is "
               "less than EUR 1 250 000")
_ART3_2_D = eu(SME_RECOMMENDATION, "Annex, Article 3(2), second subparagraph, point (d)",
               "autonomous local authorities with an annual budget of less than EUR 10 million "
               "and less than 5 000 inhabitants")
ANGELS_BELOW = Parameter("sme_business_angels_investment_below", "EUR",
                         {IN_FORCE: Decimal(1_250_000)}, _ART3_2_A,
                         note="business angels' total investment in the enterprise, below which "
                         "their holding makes no partner")
AUTHORITY_BUDGET_BELOW = Parameter("sme_local_authority_budget_below", "EUR",
                                   {IN_FORCE: Decimal(10_000_000)}, _ART3_2_D)
AUTHORITY_INHABITANTS_BELOW = Parameter("sme_local_authority_inhabitants_below", "persons",
                                        {IN_FORCE: Decimal(5_000)}, _ART3_2_D)


INVESTOR_WORDS = {
    "public_investment_corporation": "a public investment corporation",
    "venture_capital": "a venture capital company",
    "business_angels": "business angels",
    "university": "a university or non-profit research centre",
    "institutional_investor": "an institutional investor",
    "local_authority": "a local authority",
}


def _below(value: Any, limit: Any) -> bool | None:
    """value < limit, or None when the bounds of ``value`` leave it open."""
    if high(value) < limit:
        return True
    if low(value) >= limit:
        return False
    return None


def investor_exempt(ctx: Ctx, r: Any, prefix: str, held: Any, majority: Decimal
                    ) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the related enterprise ``r``, holding ``held`` % (over ``majority`` it is
    linked, art. 3(3)(a)), is an investor of Annex art.
    3(2), second subparagraph, whose holding makes no partner (and, art. 3(4), no public
    control): a partner, not linked (no majority), of one of the four kinds; business angels
    only while their total investment is below EUR 1,250,000, a local authority only with an
    annual budget below EUR 10 million and fewer than 5,000 inhabitants. None, with the facts
    that would settle it, while those facts leave it open (a figure not stated: 0 and up).
    Investors linked to each other whose joint holding is a majority are linked "jointly": the
    profile says so by ``relation = "linked"``."""
    if r.investor is None or r.relation != "partner":
        return False, ()
    if low(held) > majority:
        return False, ()
    if high(held) > majority:
        return None, held.facts
    if r.investor == "business_angels":
        path = f"{prefix}.investment"
        below = _below(_amount(ctx, r.investment, path), ctx.param_money(ANGELS_BELOW))
        return below, () if below is not None else (path,)
    if r.investor == "local_authority":
        budget_path, people_path = f"{prefix}.annual_budget", f"{prefix}.inhabitants"
        budget = _below(_amount(ctx, r.annual_budget, budget_path),
                        ctx.param_money(AUTHORITY_BUDGET_BELOW))
        people = _below(ctx.figure(r.inhabitants, people_path),
                        AUTHORITY_INHABITANTS_BELOW.at(ctx.on))
        if budget is False or people is False:
            return False, ()
        if budget and people:
            return True, ()
        return None, tuple(p for p, v in ((budget_path, budget), (people_path, people))
                           if v is None)
    return True, ()


def investor_share(share: Any, exempt: bool | None, facts: tuple[str, ...]) -> Any:
    """The part of a partner's figures that adds, once art. 3(2)'s investors add nothing: 0 for
    one, ``share`` for any other, and from 0 to ``share`` while ``facts`` leave it open."""
    if exempt is None:
        return Range(Decimal(0), high(share), (*(share.facts if is_range(share) else ()),
                                               *facts))
    return Decimal(0) if exempt else share


def _amount(ctx: Ctx, value: Any, path: str) -> Any:
    """A money figure of the profile in the context's currency: the amount, its range, or (not
    stated) 0 and up, named after ``path``."""
    return ctx.money(ctx.figure(value, path))


PARAMETERS = (ANGELS_BELOW, AUTHORITY_BUDGET_BELOW, AUTHORITY_INHABITANTS_BELOW)

# A registry that puts the company in a group (Enhetsregisteret's erIKonsern) names none of the
# group's other enterprises: they are listed as one linked enterprise of this name, whose
# figures are not known (0 and up, never 0: Annex art. 3(3)(a) and art. 6(2) add a linked
# enterprise's figures in full). What settles them is the list itself, company.related.
GROUP_UNNAMED = "the group's other enterprises (not named in the register)"


def entry_path(r: Any, prefix: str, field: str) -> str:
    """The fact that settles the figure ``field`` of the related enterprise ``r`` at
    ``prefix``: the list (``company.related``) for the group's unnamed enterprises a registry
    stands in, whose figures are answered by listing them; else the entry's own
    (``company.related[0].staff``)."""
    return "company.related" if r.name == GROUP_UNNAMED else f"{prefix}.{field}"


def entry_staff(ctx: Ctx, r: Any, prefix: str) -> Any:
    """The staff of the related enterprise ``r`` as read: stated, or 0 and up named after the
    fact that settles it (:func:`entry_path`)."""
    path = entry_path(r, prefix, "staff")
    if r.staff is None and path == "company.related":
        return DOMAIN_COUNT.named(path, stated=False)
    return ctx.figure(r.staff, path)


PUBLIC_BODY_NOT_SME = "a public body is not an SME (Rec. 2003/361/EC, Annex art. 3(4))"
"""Why a public body itself (``company.legal_form = public_body``) is not an SME, in the law's
own terms: a rule that tests SME status says this, not "a large enterprise"."""

PUBLIC_FIX = ("public bodies' control makes it no SME whatever its size (Rec. 2003/361/EC, Annex "
              "art. 3(4)): no change of staff or figures makes it one")
"""The fix of a rule that an applicant fails because public bodies make it no SME."""

# A profile without company.legal_form (most written by hand are a company's) is not taken to be
# no public body by default: a public body is wholly controlled by public bodies (art. 3(4)), so
# public_ownership_percent bounds it. Stated under 25 %, the legal form cannot be a public body's
# and the company is read as an enterprise, saying so; left out, the SME status stays open on it
# (a public body would be 100 %), and the explanation names the legal form too.
_FORM_OPEN = ("; so would a public body's legal form (company.legal_form = public_body), not "
              "stated either")
_FORM_READ = ("legal form not stated (company.legal_form): read as an enterprise, not a public "
              "body, since public bodies hold under 25 % of it and a public body is wholly theirs "
              "(Annex art. 3(4))")
_PUBLIC_BODY = (f"company.legal_form = public_body: {PUBLIC_BODY_NOT_SME}, being wholly "
                "controlled by public bodies")


def public_bodies(ctx: Ctx, public_min: Decimal, linked_above: Decimal
                  ) -> tuple[bool | None, str, tuple[str, ...]] | None:
    """Whether the public bodies among the related enterprises hold 25 % or more together
    (Annex art. 3(4): 'controlled, jointly or individually, by one or more public bodies'), the
    sentence that says so (or what was read of an entry whose status is not stated, or, left
    open, what would settle it), and the facts that leave it open; None when no entry is or may
    be a public body. Holdings within bounds add as ranges.

    An entry whose ``public_body`` is not stated is neither: it may add from 0 to its whole
    holding, so it leaves the answer open, named after that field (:func:`entry_path`), unless
    the answer is the same whichever it is: the public holdings under 25 % even counting it,
    or 25 % or more without it. What it may add is bounded by the company's whole public share
    (``company.public_ownership_percent``, which counts every public body but the investors of
    art. 3(2), second subparagraph) when the profile states it: a public owner of 30 % cannot be
    among owners that hold 0 % in all."""
    c = ctx.profile.company
    public = ctx.figure(c.public_ownership_percent, "company.public_ownership_percent")
    bodies, maybe, capped = [], [], False
    for i, r in enumerate(c.related or ()):
        if r.public_body is False:
            continue
        prefix = f"company.related[{i}]"
        held = ctx.figure(r.share_percent, f"{prefix}.share_percent")
        if r.investor is not None:  # "Except in the cases set out in paragraph 2, second
            exempt, facts = investor_exempt(  # subparagraph" (art. 3(4))
                ctx, r, prefix, held, linked_above)
            if exempt:
                continue
            if exempt is None:
                held = investor_share(held, None, facts)
        # a local authority (art. 3(2)(d)) is a public body, said or not
        if r.public_body or r.investor == "local_authority":
            bodies.append((r.name, held))
            continue
        # not stated: a public body (all of its holding) or not (none of it)
        path = entry_path(r, prefix, "public_body")
        top, facts = high(held), (path, *(held.facts if is_range(held) else ()))
        if r.investor is None and high(public) < top:
            top, capped = high(public), True
            facts += public.facts if is_range(public) else ()
        maybe.append((r.name, held, Range(Decimal(0), top, facts, (path,))))
    if not bodies and not maybe:
        return None
    sure: Any = Decimal(0)
    for _, held in bodies:
        sure = held + sure if is_range(held) else sure + held
    total = sure
    for *_, part in maybe:
        total = part + total
    verdict = at_least(total, public_min)
    open_facts = tuple(dict.fromkeys(f for part in (*(h for _, h in bodies),
                                                    *(p for *_, p in maybe))
                                     if is_range(part) for f in part.facts))
    if verdict is None:
        return None, _open_said(bodies, maybe, total), open_facts
    if not verdict:
        return False, _read_said(maybe, public if capped else None), open_facts
    if len(bodies) == 1:
        name, held = bodies[0]
        said = f"{name} is a public body holding {show(held)} %: not an SME (art. 3(4))" + (
            ", whatever the other enterprises are" if maybe else "")
    else:
        each = ", ".join(f"{name} {show(held)} %" for name, held in bodies)
        said = (f"public bodies hold {show(sure)} % jointly ({each}): not an SME (art. 3(4), "
                "'jointly or individually')")
    return verdict, said, open_facts


def _unstated(maybe: list[tuple[str, Any, Range]]) -> str:
    return "; ".join(f"{name} {show(held)} %, whether a public body not stated "
                     f"({part.facts[0]})" for name, held, part in maybe)


def _open_said(bodies: list[tuple[str, Any]], maybe: list[tuple[str, Any, Range]],
               total: Any) -> str:
    """The public holdings, left open: what each entry holds, and who may be a public body."""
    each = [f"{name} {show(held)} %, a public body" for name, held in bodies]
    each += [_unstated(maybe)] if maybe else []
    return (f"public bodies hold {show(total)} % ({'; '.join(each)}): 25 % or more would "
            "make it not an SME (Annex art. 3(4), 'jointly or individually')")


def _read_said(maybe: list[tuple[str, Any, Range]], public: Any) -> str:
    """What was read of the entries whose status is not stated, when under 25 % is held by
    public bodies whichever they are: "" when there are none."""
    if not maybe:
        return ""
    bound = (f", public bodies holding {show(public)} % of the company in all "
             "(company.public_ownership_percent)" if public is not None else "")
    return (f"{_unstated(maybe)}: public bodies hold under 25 % either way{bound} (Annex art. "
            "3(4))")
