"""Public bodies and the EU SME definition (Recommendation 2003/361/EC, Annex art. 3(4)): "an
enterprise cannot be considered an SME if 25 % or more of the capital or voting rights are
directly or indirectly controlled, jointly or individually, by one or more public bodies". A
public body itself is wholly in their hands; the words every rule that tests SME status uses
for it, and the public bodies among a company's related enterprises. Used by
:mod:`grantcheck.law.sme`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from grantcheck.engine import Ctx
from grantcheck.facts import at_least, is_range, show
from grantcheck.law import sme_investors as investors

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
    sentence that says so, and the holdings known only within bounds; None when none is
    listed. Holdings within bounds add as ranges."""
    bodies = []
    for i, r in enumerate(ctx.profile.company.related or ()):
        if not r.public_body:
            continue
        prefix = f"company.related[{i}]"
        held = ctx.figure(r.share_percent, f"{prefix}.share_percent")
        if r.investor is not None:  # "Except in the cases set out in paragraph 2, second
            exempt, facts = investors.investor_exempt(  # subparagraph" (art. 3(4))
                ctx, r, prefix, held, linked_above)
            if exempt:
                continue
            if exempt is None:
                held = investors.investor_share(held, None, facts)
        bodies.append((r.name, held))
    if not bodies:
        return None
    total: Any = Decimal(0)
    for _, held in bodies:
        total = held + total if is_range(held) else total + held
    if len(bodies) == 1:
        name, held = bodies[0]
        said = f"{name} is a public body holding {show(held)} %: not an SME (art. 3(4))"
    else:
        each = ", ".join(f"{name} {show(held)} %" for name, held in bodies)
        said = (f"public bodies hold {show(total)} % jointly ({each}): not an SME (art. 3(4), "
                "'jointly or individually')")
    within_bounds = tuple(f for _, held in bodies if is_range(held) for f in held.facts)
    return at_least(total, public_min), said, within_bounds
