"""A seeded generator of realistic random company profiles, for the batch benchmark.

Each profile is one of seven kinds, in the proportions a business-promotion office's portfolio
might have: a Danish SME digitalising (SMV:Digital), a Danish start-up keeping developers
(Innobooster People), a Norwegian manufacturer innovating its process (Prosessinnovasjon), a
Norwegian network applicant with participants (Bedriftsnettverk), a Swedish innovation promoter
(Säker digitalisering), a company from a registry extract with company figures only, and a
large or foreign company. Between them they fill every profile field the five checkers read.
The figures are drawn around each kind's typical size, so some profiles fit, some need
information and some do not fit. Every generated profile validates against the profile model
(tests/test_bench_generator.py checks that).

    python bench/generate.py 1000 --seed 1 --format jsonl > profiles.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

Data = dict[str, Any]

SYLLABLES = ["nord", "fjord", "lys", "sol", "hav", "berg", "dal", "vik", "skov", "strand",
             "tek", "data", "kraft", "vind", "is", "sten", "gran", "ek", "bro", "holm"]
SUFFIX = {"DK": ["ApS", "A/S", "I/S"], "NO": ["AS", "ASA", "DA"], "SE": ["AB", "HB", "ek. för."]}
DOCS = {
    "smv": ["smv_application", "business_case", "timesheet", "fte_explanation"],
    "ip": ["innobooster_application_form", "pitch_deck", "cvs", "rehire_contract"],
    "bn": ["letter_of_intent", "network_application_form"],
    "sd": ["number_of_companies", "participation_time_estimate", "gender_split_estimate",
           "competence_description", "results_strategy", "theme_choice", "agenda_2030_goals",
           "phase_plan", "target_group_challenge", "management_involvement", "training_type"],
}
SMV_INELIGIBLE = ["ordinary_operational_optimisation", "strategy_development",
                  "sales_and_marketing", "market_analysis", "communication", "application_writing"]
EXCLUSIONS = ["equipment_without_innovation", "routine_improvement", "minor_process_changes",
              "custom_deliveries", "it_system_without_process_innovation",
              "single_equipment_replacement", "inventory_system_only", "price_adaptation",
              "winding_down_production"]
REQUIRED = frozenset({"name", "country", "kind", "relation", "granted", "amount", "scheme"})
THEMES = ["data_ai", "platforms_ecosystems", "smart_specialisation", "internationalisation",
          "climate_environment", "other"]


class Gen:
    """Draws the parts of a profile from one seeded random stream."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def flag(self, p_true: float = 0.8, p_known: float = 0.85) -> bool | None:
        return self.chance(p_true) if self.chance(p_known) else None

    def money(self, low: float, high: float) -> Decimal:
        """A round-ish amount, log-uniform between low and high."""
        value = self.r.uniform(low ** 0.5, high ** 0.5) ** 2
        step = 1000 if value > 100_000 else 100
        return Decimal(int(value) // step * step)

    def fte(self, low: float, high: float) -> Decimal:
        return Decimal(str(round(self.r.uniform(low, high) * 2) / 2))

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.r.randrange((end - start).days + 1))

    def name(self, country: str) -> str:
        word = "".join(self.r.choice(SYLLABLES) for _ in range(self.r.randint(2, 3)))
        return f"{word.capitalize()} {self.r.choice(SUFFIX.get(country, ['Ltd']))}"

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    def drop(self, data: Data, p_keep: float) -> Data:
        """Leaves some optional fields out: a profile is rarely complete."""
        return {k: v for k, v in data.items() if k in REQUIRED or self.chance(p_keep)}

    def company(self, country: str, staff: tuple[float, float], turnover: tuple[float, float],
                p_keep: float = 0.9) -> Data:
        employees = self.fte(*staff)
        t = self.money(*turnover)
        c: Data = {
            "name": self.name(country),
            "country": country,
            "legal_form": self.r.choice(["limited_company"] * 6 + ["sole_trader", "partnership",
                                                                   "cooperative"]),
            "founded": self.day(date(1960, 1, 1), date(2024, 6, 30)),
            "listed": self.chance(0.03),
            "sector": self.r.choice(["other"] * 18 + ["fishery_aquaculture",
                                                      "primary_agriculture"]),
            "employees_fte": employees,
            "owners_fte": Decimal(self.r.choice([0, 1, 1, 2])),
            "turnover": t,
            "balance_sheet_total": (t * Decimal(str(round(self.r.uniform(0.2, 1.2), 2))))
            .quantize(Decimal(1000)),
            "fiscal_year_start_month": self.r.choice([1] * 8 + [4, 7, 10]),
            "public_ownership_percent": Decimal(self.r.choice([0] * 12 + [10, 30, 100])),
            "related": [] if self.chance(0.6) else [self.related()],
        }
        if self.chance(0.6):
            c["previous_year"] = {"staff": max(Decimal(0), employees - self.r.randint(-2, 3)),
                                  "turnover": (t * Decimal("0.9")).quantize(Decimal(1000)),
                                  "balance_sheet_total": self.money(200_000, 50_000_000)}
        if country == "DK":
            c["cvr_number"] = self.digits(8)
            c["fte_differs_from_cvr"] = self.flag(0.1)
        else:
            c["org_number"] = self.digits(9 if country == "NO" else 10)
        if country == "NO":
            c["registered_in_foretaksregisteret"] = self.flag(0.95)
            c["economic_activity_in_norway"] = self.flag(0.95)
        return self.drop(c, p_keep)

    def related(self) -> Data:
        relation = self.r.choice(["partner", "linked"])
        return self.drop({
            "name": self.name(self.r.choice(["DK", "NO", "SE"])),
            "relation": relation,
            "share_percent": Decimal(self.r.randint(25, 50) if relation == "partner"
                                     else self.r.randint(51, 100)),
            "staff": self.fte(0, 80),
            "turnover": self.money(100_000, 80_000_000),
            "balance_sheet_total": self.money(100_000, 40_000_000),
            "public_body": self.chance(0.05),
            "controls_company": relation == "linked" and self.chance(0.5),
            "founded": self.day(date(1980, 1, 1), date(2023, 1, 1)),
            "gber22_conditions_met": self.flag(0.7),
        }, 0.9)

    def aid(self, on: date) -> list[Data]:
        return [self.drop({
            "granted": self.day(on - timedelta(days=5 * 365), on - timedelta(days=30)),
            "amount": self.money(10_000, 900_000),
            "scheme": self.r.choice(["dk-smv-digital", "Innovationskraft", "erhvervspartnerskabet",
                                     "Innobooster", "Skattefunn"]),
            "de_minimis": self.flag(0.7),
            "finished_and_reported": self.flag(0.85),
        }, 0.95) for _ in range(self.r.choice([0, 0, 1, 1, 2, 3]))]

    def project(self, start: date, budget: tuple[float, float]) -> Data:
        begin = self.day(start, start + timedelta(days=300))
        return {
            "title": "Project " + self.name("DK").split()[0],
            "start": begin,
            "end": begin + timedelta(days=self.r.randint(90, 900)),
            "application_date": begin - timedelta(days=self.r.randint(10, 120)),
            "budget_total": self.money(*budget),
        }

    def documents(self, kind: str) -> Data:
        return {"held": self.r.sample(DOCS[kind], self.r.randint(0, len(DOCS[kind])))}


# --- the kinds of company ----------------------------------------------------------------------


def smv_digital(g: Gen) -> Data:
    """A Danish SME digitalising, for SMV:Digital."""
    p = g.project(date(2026, 12, 1), (40_000, 1_500_000))
    p["investment_cost"] = (p["budget_total"] * Decimal(str(round(g.r.uniform(0, 0.8), 2))))\
        .quantize(Decimal(1000))
    p["activities"] = g.r.sample(["potential_clarification", "implementation", "investment"],
                                 g.r.randint(1, 3))
    p["ineligible_activities"] = [] if g.chance(0.8) else g.r.sample(SMV_INELIGIBLE, 1)
    p.update(technology_bought_in_project=g.flag(), technology_choice_settled=g.flag(),
             business_case_made=g.flag(0.6), advisors_in_database=g.flag(0.9),
             advisor_conflict_of_interest=g.flag(0.05), own_hours=g.flag(0.5),
             group_smv_grant=g.flag(0.05))
    if g.chance(0.2):
        p["grant_sought"] = g.money(20_000, 250_000)
    if g.chance(0.1):
        p["pool_theme"] = "green transition"
    return {
        "company": g.company("DK", (1, 60), (500_000, 60_000_000)),
        "aid_received": g.aid(date(2026, 11, 1)),
        "project": g.drop(p, 0.9),
        "declarations": g.drop({"growth_ambitions": g.flag(), "anchoring": g.flag(),
                                "new_technology": g.flag(), "ready_to_invest": g.flag(),
                                "pool_theme_met": g.flag()}, 0.9),
        "documents": g.documents("smv"),
    }


def innobooster(g: Gen) -> Data:
    """A Danish start-up seeking salary support, for Innobooster People."""
    company = g.company("DK", (1, 30), (0, 8_000_000))
    company.update(external_capital_raised=g.money(0, 6_000_000),
                   taken_over_other_activity=g.flag(0.05), distributed_profits=g.flag(0.05),
                   formed_by_merger=g.flag(0.03))
    employees = []
    for _ in range(g.r.randint(1, 4)):
        employed = g.chance(0.7)
        e: Data = {
            "name": g.name("DK").split()[0],
            "hours_per_week": Decimal(g.r.choice([30, 37, 37, 37, 20])),
            "higher_education": g.flag(0.85), "development_role": g.flag(0.9),
            "employed_at_application": employed,
            "owner_percent": Decimal(g.r.choice([0, 0, 0, 10, 60])),
            "monthly_salary": g.money(25_000, 70_000), "salary_settled": g.flag(0.9),
            "other_public_funding": g.flag(0.1), "new_hire": g.flag(0.3),
            "grant_start": g.day(date(2020, 12, 1), date(2021, 3, 1)),
        }
        if not employed:
            e.update(dismissed_on=g.day(date(2020, 3, 1), date(2020, 10, 1)),
                     dismissed_due_to_covid=g.flag(0.8), rehire_contract=g.flag(0.7))
        employees.append(g.drop(e, 0.9))
    return {
        "company": company,
        "aid_received": g.aid(date(2020, 11, 1)),
        "project": g.drop(g.project(date(2020, 11, 15), (300_000, 2_000_000)), 0.8),
        "employees": employees,
        "application": g.drop({
            "challenges_chars": g.r.randint(1000, 3500), "development_chars": g.r.randint(800,
                                                                                       2500),
            "results_chars": g.r.randint(500, 2000), "pitch_deck_slides": g.r.randint(8, 16),
            "cv_max_pages": g.r.randint(1, 3),
            "attachments_mb": Decimal(str(round(g.r.uniform(1, 12), 1))),
            "attachments_pdf": g.flag(0.95)}, 0.9),
        "declarations": g.drop({"knowledge_based_startup": g.flag(),
                                "others_on_collective_terms": g.flag()}, 0.9),
        "documents": g.documents("ip"),
    }


def prosess(g: Gen) -> Data:
    """A Norwegian manufacturer innovating its process, for Prosessinnovasjon."""
    p = g.project(date(2027, 1, 1), (500_000, 20_000_000))
    p.update(exclusions=[] if g.chance(0.75) else g.r.sample(EXCLUSIONS, g.r.randint(1, 2)),
             environmental_shift=g.flag(0.5), shift_analysed=g.flag(0.6))
    if g.chance(0.3):
        p["grant_sought"] = (p["budget_total"] * Decimal("0.4")).quantize(Decimal(1000))
    return {
        "company": g.company("NO", (5, 400), (3_000_000, 900_000_000)),
        "aid_received": g.aid(date(2026, 11, 1)),
        "project": g.drop(p, 0.9),
        "declarations": g.drop({
            "no_competition_distortion": g.flag(), "process_or_organisational_innovation":
            g.flag(), "substantial_leap": g.flag(0.7), "large_enterprise_exception": g.flag(0.2),
            "sound_finances": g.flag()}, 0.9),
    }


def network(g: Gen) -> Data:
    """A Norwegian network applicant with its participants, for Bedriftsnettverk."""
    participants = []
    for i in range(g.r.randint(2, 7)):
        kind = "company" if i < 3 or g.chance(0.7) else g.r.choice(["knowledge_actor",
                                                                   "public_body"])
        part: Data = {"name": g.name("NO"), "kind": kind, "country": g.r.choice(["NO"] * 9 +
                                                                                 ["SE"])}
        if kind == "company":
            if g.chance(0.5):
                part.update(staff=g.fte(2, 120), turnover=g.money(1_000_000, 200_000_000))
            else:
                part["sme"] = g.flag(0.9, 0.9)
            part.update(established_in_norway=g.flag(0.95), registered_in_foretaksregisteret=
                        g.flag(0.95), sound_finances=g.flag(0.9), private=g.flag(0.95))
        else:
            part.update(sme=False, private=False)
        part["ownership_links"] = []
        participants.append(g.drop(part, 0.9))
    p = g.project(date(2027, 1, 1), (400_000, 3_000_000))
    return {
        "company": g.company("NO", (3, 150), (2_000_000, 300_000_000)),
        "project": g.drop(p, 0.9),
        "network": g.drop({"project_year": g.r.randint(1, 3), "duration_years":
                           g.r.randint(1, 3), "year1_end": p["start"] + timedelta(days=365),
                           "applicant_ownership_links": [], "participants": participants}, 0.9),
        "declarations": g.drop({
            "sound_finances": g.flag(), "network_growth_ambitions": g.flag(),
            "network_market_purpose": g.flag(), "network_strategic_cooperation": g.flag()}, 0.9),
        "documents": g.documents("bn"),
    }


def promoter(g: Gen) -> Data:
    """A Swedish innovation promoter, for Säker digitalisering."""
    company = g.company("SE", (3, 80), (2_000_000, 60_000_000))
    company.update(innovation_promoter=g.flag(0.9), is_region=g.flag(0.1))
    p = g.project(date(2023, 1, 20), (500_000, 3_000_000))
    p.update(grant_sought=(p["budget_total"] * Decimal("0.5")).quantize(Decimal(1000)),
             cash_cofinancing=(p["budget_total"] * Decimal("0.5")).quantize(Decimal(1000)),
             theme=g.r.choice(THEMES), target_companies=g.r.randint(3, 20),
             target_min_employees=g.r.randint(5, 40), collaboration_agreements=g.flag(0.5),
             regional_anchoring=g.flag(0.7))
    if g.chance(0.4):
        persons = g.r.randint(1, 8)
        p["training_addon"] = {"persons": persons, "amount": Decimal(persons * 30_000)}
    return {
        "company": company,
        "project": g.drop(p, 0.9),
        "declarations": g.drop({
            "promoter_competence": g.flag(), "promoter_experience": g.flag(),
            "promoter_networks": g.flag(), "members_meet_criteria": g.flag(),
            "target_group_fit": g.flag(), "project_logic": g.flag()}, 0.9),
        "documents": g.documents("sd"),
    }


def registry(g: Gen) -> Data:
    """A row of a registry extract: company facts only."""
    return {"company": g.company(g.r.choice(["DK", "NO", "SE"]), (0, 300),
                                 (100_000, 400_000_000), p_keep=0.8)}


def large_or_foreign(g: Gen) -> Data:
    """A large group, or a company from another EU country (amounts in EUR)."""
    if g.chance(0.5):
        return {"company": g.company(g.r.choice(["DK", "NO", "SE"]), (250, 5000),
                                     (100_000_000, 9_000_000_000))}
    company = g.company("FI", (5, 200), (1_000_000, 50_000_000))
    company["currency"] = "EUR"
    return {"company": company}


KINDS: list[tuple[Callable[[Gen], Data], int]] = [
    (smv_digital, 25), (innobooster, 10), (prosess, 15), (network, 10), (promoter, 10),
    (registry, 25), (large_or_foreign, 5),
]


def profiles(n: int, seed: int = 1) -> Iterator[Data]:
    """``n`` profiles, the same ones for the same seed."""
    g = Gen(seed)
    makers = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    for _ in range(n):
        yield _clean(g.r.choices(makers, weights)[0](g))


def _clean(value: Any) -> Any:
    """Unknown facts (None) are left out, as in a profile file; so are empty tables."""
    if isinstance(value, dict):
        out = {k: _clean(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in out.items() if v != {}}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


# --- writing -----------------------------------------------------------------------------------


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_json_line(data: Data) -> str:
    """One JSON Lines line (dates as "YYYY-MM-DD", amounts as numbers)."""
    return json.dumps(data, ensure_ascii=False, default=_json_default) + "\n"


def to_toml(data: Data) -> str:
    import tomli_w

    return tomli_w.dumps(data)


def write_jsonl(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for data in profiles(n, seed):
            fh.write(to_json_line(data))


def write_toml_folder(folder: Path, n: int, seed: int) -> None:
    """One file per profile, 1,000 to a subfolder (as a portfolio might be kept)."""
    for i, data in enumerate(profiles(n, seed)):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"p{i:07d}.toml").write_text(to_toml(data), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["jsonl", "toml"], default="jsonl",
                    help="jsonl on stdout, or toml files into --folder")
    ap.add_argument("--folder", type=Path)
    args = ap.parse_args()
    if args.format == "toml":
        if args.folder is None:
            ap.error("--format toml needs --folder")
        write_toml_folder(args.folder, args.n, args.seed)
    else:
        for data in profiles(args.n, args.seed):
            sys.stdout.write(to_json_line(data))


if __name__ == "__main__":
    main()
