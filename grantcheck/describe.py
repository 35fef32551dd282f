"""What each scheme asks and gives, as data: behind `grantcheck schemes` and `grantcheck show`.

Everything here is read from the scheme packages, never written again: the call window's status
on the evaluation date, the rules (grouped as the requirements catalogue groups them: each
rule's ``section``) with their citations and the profile fields they read, the dated parameters
with their values on the date, the documents, and the amounts. The amounts are the scheme's own
amounts code run for a sample applicant, a small enterprise of the scheme's country that has
stated no budget (:data:`SAMPLE`), its figures in the scheme's currency: the cap, the aid rate
and the own-funding form the scheme states before a budget is known. `grantcheck match`
computes them for a real profile.

The budget part of ``show`` comes from the scheme's budget checker (:mod:`grantcheck.budget`):
which cost categories count at which rate, the own-funding form, the budget rules and the
parameters only the budget rules use; None for a scheme that states no budget rules.

The dictionaries are the JSON shape (``--format json``); the tables are drawn from them, so the
two always say the same.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from grantcheck.citations import Citation
from grantcheck.engine import AmountsResult, Ctx, NotFitting, Rule, Scheme, evaluate, text_of
from grantcheck.fx import FxRates, NoRate
from grantcheck.money import Money, rate_str
from grantcheck.profile import Profile, profile_from_data
from grantcheck.schemes import all_schemes, get, has_budget, sections

SAMPLE = "a small enterprise of the scheme's country that has stated no budget"


def _sample(scheme: Scheme) -> Profile:
    """The sample applicant, in the scheme's country and currency: a country whose currency no
    scheme states, or another currency than its schemes', still gives the scheme's amounts."""
    return profile_from_data({"company": {
        "name": "sample applicant", "country": scheme.country, "currency": scheme.currency,
        "employees_fte": 1, "owners_fte": 0, "turnover": 0, "balance_sheet_total": 0, "related": [],
        "public_ownership_percent": 0}}, "<sample applicant>")


def _cites(cites: tuple[Citation, ...]) -> list[dict[str, object]]:
    return [c.to_json() for c in cites]


def _amounts(name: str, tier: str | None, a: AmountsResult) -> dict[str, Any]:
    out: dict[str, Any] = {"tier": tier, "name": name}
    # the scheme's amounts, not a company's: those of a tier the sample applicant does not fit
    # (SMV:Digital's DKK 100,000 voucher asks for 3 employees) are what it gives when one fits
    am = a.if_fitted if isinstance(a, NotFitting) else a.amounts
    if am is None:
        out.update(max_grant=None, aid_rate=None, own_funding_min_share=None,
                   own_funding_form=None, basis=a.problem, source=[])
        return out
    out.update(
        max_grant=am.max_grant.to_json() if am.max_grant else None,
        cap=am.cap.to_json() if am.cap else None,
        aid_rate=rate_str(am.rate) if am.rate is not None else None,
        own_funding_min_share=rate_str(1 - am.rate) if am.rate is not None else None,
        own_funding_form=am.own_funding_form,
        basis=text_of(am.basis),
        source=_cites(am.cites),
    )
    return out


def overview(scheme: Scheme, on: date,
             rates: dict[str, Decimal] | None = None) -> dict[str, Any]:
    """One scheme: who runs it, whether its call is open on ``on``, what it gives (EUR
    amounts at the date's rates, or at ``rates``, the user's)."""
    result = evaluate(scheme, Ctx(_sample(scheme), on, FxRates(on, rates)))
    status, status_text = scheme.call.status(on)
    if result.tiers:
        amounts = [_amounts(t.tier.name, t.tier.id, t.amounts) for t in result.tiers]
    else:
        amounts = [_amounts(scheme.name, None, result.amounts)]
    return {
        "id": scheme.id,
        "name": scheme.name,
        "agency": scheme.agency,
        "country": scheme.country,
        "currency": scheme.currency,
        "status": status,
        "status_text": status_text,
        "summary": scheme.summary,
        "rules_encoded": scheme.horizon.to_json(),
        "rules_encoded_on_date": scheme.horizon.covers(on),
        "legal_bases": [b.to_json(on) for b in scheme.legal_bases],
        "amounts": amounts,
        "amounts_for": SAMPLE,
        "source": {"title": scheme.source.title, "publisher": scheme.source.publisher,
                   "language": scheme.source.language, "url": scheme.source.url},
    }


def schemes_overview(on: date) -> dict[str, Any]:
    return {"evaluation_date": on.isoformat(),
            "schemes": [overview(s, on) for s in all_schemes()]}


def _rule(r: Rule) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "kind": r.kind.value,
        "tier": r.tier,
        "reads": list(r.reads),
        "source": _cites(r.cites),
        "explanation": r.doc,
    }


def _takes_range(path: str) -> bool:
    """Whether the profile field at ``path`` may be given within bounds ({ min, max })."""
    from grantcheck.fields import all_specs, generic

    spec = all_specs().get(generic(path))
    return spec is not None and spec.ranged


def detail(scheme_id: str, on: date,
           rates: dict[str, Decimal] | None = None) -> dict[str, Any]:
    """Everything one scheme asks: rules by catalogue heading, parameters (those in EUR also in
    the scheme's currency, at ``rates`` or the date's), documents, notes."""
    scheme = get(scheme_id)
    by_id = {r.id: r for r in scheme.rules}
    out = overview(scheme, on, rates)
    out["call"] = {
        "opens": scheme.call.opens.isoformat() if scheme.call.opens else None,
        "closes": scheme.call.closes.isoformat() if scheme.call.closes else None,
        "note": scheme.call.note,
        "source": _cites(scheme.call.cites),
    }
    # whose scheme it is: `match` (and `init`) show another country's company a scheme tied to
    # its registry only when the profile claims it (these fields); one tied to none, to every
    # company (grantcheck.engine.scope)
    out["companies"] = {"country": scheme.country, "another_country_with": list(dict.fromkeys(
        p for r in scheme.rules if r.id in scheme.applicability for p in r.reads)) or None,
        "rules": list(scheme.applicability)}
    out["fit_wording"] = scheme.fit_wording
    out["tiers"] = [{"id": t.id, "name": t.name} for t in scheme.tiers]
    out["sections"] = [{"heading": heading, "rules": [_rule(by_id[i]) for i in ids]}
                       for heading, ids in sections(scheme_id)]
    out["profile_fields"] = sorted({p for r in scheme.rules for p in r.reads})
    out["range_fields"] = [p for p in out["profile_fields"] if _takes_range(p)]
    out["parameters"] = [{**p.to_json(on), "note": p.note} for p in scheme.parameters]
    out["documents"] = [
        {"id": d.id, "name": d.name, "stage": d.stage.value, "tier": d.tier,
         "when": d.condition or ("always" if d.when is None else ""),
         "source": _cites(d.cites)}
        for d in scheme.documents
    ]
    out["notes"] = list(scheme.notes)
    out["budget"] = _budget(scheme, on)
    out["exchange_rate"] = _in_scheme_currency(
        [*out["parameters"], *(out["budget"] or {}).get("parameters", [])], scheme.currency,
        FxRates(on, rates))
    return out


def _in_scheme_currency(params: list[dict[str, Any]], currency: str,
                        fx: FxRates) -> dict[str, Any] | None:
    """Each EUR parameter also in the scheme's currency (``in_scheme_currency``), at the euro
    rate of the date that `match` compares it with (rounded half up to the cent, as there);
    the rate, with its date and origin, is returned (None when no parameter is in EUR).
    Before the rate table's first month there is no rate: ``problem`` says so, and no
    parameter is converted (no guess)."""
    eur = [p for p in params if p["unit"] == "EUR" and p["value"] is not None]
    if not eur or currency == "EUR":
        return None
    try:
        rate = fx.rate(currency)
    except NoRate as e:
        return {"problem": str(e)}
    for p in eur:
        p["in_scheme_currency"] = fx.convert(Money(Decimal(p["value"]), "EUR"),
                                             currency).rounded().to_json()
    return {**rate.to_json(), "described": rate.describe(), "warnings": fx.warnings()}


def _budget(scheme: Scheme, on: date) -> dict[str, Any] | None:
    """What ``grantcheck budget`` checks for this scheme: its cost rules and their parameters
    (those the scheme's rules do not already show); None when it states no budget rules."""
    from grantcheck.budget import checker

    if not has_budget(scheme.id):
        return None
    c = checker(scheme.id)
    shown = {p.name for p in scheme.parameters}
    return {
        "categories": c.categories,
        "own_funding_form": c.own_funding_form,
        "rules": [_rule(r) for r in c.rules],
        "parameters": [{**p.to_json(on), "note": p.note} for p in c.parameters
                       if p.name not in shown],
        "notes": list(c.notes),
    }
