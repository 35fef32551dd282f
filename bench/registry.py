"""A seeded generator of an Enhetsregisteret ``enheter`` CSV in the registry's own format (its
dotted column names, quoted cells, a multi-line ``aktivitet`` now and then), for the registry
case of the batch benchmark.

    python bench/registry.py 100000 --seed 1 > enheter.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from typing import IO

HEADER = ["organisasjonsnummer", "navn", "organisasjonsform.kode",
          "organisasjonsform.beskrivelse", "naeringskode1.kode", "naeringskode1.beskrivelse",
          "harRegistrertAntallAnsatte", "antallAnsatte",
          "registreringsdatoantallansatteNAVAaregisteret", "aktivitet",
          "forretningsadresse.landkode", "forretningsadresse.poststed", "stiftelsesdato",
          "registrertIForetaksregisteret", "registrertIMvaRegisteret", "konkurs", "underAvvikling",
          "underTvangsavviklingEllerTvangsopplosning", "erIKonsern"]
FORMS = [("AS", "Aksjeselskap", 55), ("ENK", "Enkeltpersonforetak", 25),
         ("ANS", "Ansvarlig selskap", 3), ("DA", "Selskap med delt ansvar", 2),
         ("FLI", "Forening/lag/innretning", 8), ("SA", "Samvirkeforetak", 2),
         ("STI", "Stiftelse", 2), ("NUF", "Norskregistrert utenlandsk foretak", 2),
         ("KOMM", "Kommune", 1)]
INDUSTRIES = ["62.010", "47.110", "41.000", "03.211", "01.110", "69.201", "96.210", "56.101",
              "70.220", "00.000"]
TOWNS = ["OSLO", "BERGEN", "TRONDHEIM", "STAVANGER", "TROMSØ", "ÅLESUND"]


def rows(n: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    forms = [f for f in FORMS for _ in range(f[2])]
    out = []
    for i in range(n):
        code, text, _ = rng.choice(forms)
        has = rng.random() < 0.6
        count = str(rng.choice([1, 3, 8, 15, 40, 120, 600])) if has and rng.random() < 0.9 else ""
        activity = "Drift av virksomhet" + ("\nog annen virksomhet" if i % 7 == 0 else "")
        bankrupt = rng.random() < 0.01
        out.append([str(900_000_000 + i), f"BEDRIFT {i} {code}", code, text,
                    rng.choice(INDUSTRIES), "beskrivelse", str(has).lower(), count,
                    "2026-11-30" if has else "", activity,
                    "NO" if rng.random() < 0.98 else "SE", rng.choice(TOWNS),
                    f"{rng.randint(1950, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    str(code != "FLI").lower(), "true", str(bankrupt).lower(),
                    str(rng.random() < 0.01).lower(), "false", "false"])
    return out


def write(fh: IO[str], n: int, seed: int) -> None:
    w = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows(n, seed))


def write_file(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        write(fh, n, seed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(sys.stdout, args.n, args.seed)


if __name__ == "__main__":
    main()
