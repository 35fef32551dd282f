"""The registries' codes in grantcheck's vocabulary: legal forms, status words, CVR's staff
interval codes. A code not listed here is *reported* (the unit's record says so), never guessed.
docs/registries.md states every table, and a test checks it names every code."""

from __future__ import annotations

import re

# --- legal forms --------------------------------------------------------------------------------

# Enhetsregisteret organisasjonsform.kode
BRREG_FORMS: dict[str, str] = {
    "AS": "limited_company",  # aksjeselskap
    "ASA": "limited_company",  # allmennaksjeselskap
    "SE": "limited_company",  # europeisk selskap
    "ENK": "sole_trader",  # enkeltpersonforetak
    "ANS": "partnership",  # ansvarlig selskap
    "DA": "partnership",  # selskap med delt ansvar
    "KS": "partnership",  # kommandittselskap
    "SA": "cooperative",  # samvirkeforetak
    "BBL": "cooperative",  # boligbyggelag
    "BRL": "cooperative",  # borettslag
    "STI": "foundation",  # stiftelse
    "FLI": "association",  # forening/lag/innretning
    "STAT": "public_body",  # staten
    "FYLK": "public_body",  # fylkeskommune
    "KOMM": "public_body",  # kommune
    "ORGL": "public_body",  # organisasjonsledd (of the state)
    "KF": "public_body",  # kommunalt foretak
    "FKF": "public_body",  # fylkeskommunalt foretak
    "IKS": "public_body",  # interkommunalt selskap
    "NUF": "other",  # norskregistrert utenlandsk foretak (a foreign company's branch)
    "BA": "other",  # selskap med begrenset ansvar
    "SF": "other",  # statsforetak (owned by the state: public ownership 100 %)
}
# forms that are wholly owned by public bodies though not public bodies themselves
BRREG_PUBLICLY_OWNED = frozenset({"SF"})
# Enhetsregisteret institusjonellSektorkode.kode (Statistics Norway's Standard for institusjonell
# sektorgruppering 2012; REGISTRIES.md: "public ownership | hint: institusjonellSektorkode"): the
# codes that settle a fact of the SME test (Rec. 2003/361/EC, Annex art. 3(4)); any other code
# (2100 Private aksjeselskaper mv., …) settles nothing. docs/registries.md quotes SSB's words.
# A unit of the state's or a municipality's own administration or business: a public body
BRREG_SECTORS_PUBLIC_BODY: dict[str, str] = {
    "1110": "Statens forretningsdrift",
    "1510": "Kommunale foretak med ubegrenset ansvar",
    "6100": "Stats- og trygdeforvaltningen",
    "6500": "Kommuneforvaltningen",
}
# companies of which the state or municipalities "direkte eller indirekte eier mer enn 50
# prosent" of the capital: 25 % or more held by public bodies
BRREG_SECTORS_PUBLICLY_OWNED: dict[str, str] = {
    "1120": "Statlig eide aksjeselskaper mv.",
    "1520": "Kommunalt eide aksjeselskaper mv.",
}
# a foreign company's branch: its staff figures are the branch's alone, and the enterprise whose
# staff the SME test counts is the foreign company (Recommendation 2003/361/EC, Annex art. 1:
# "an enterprise is considered to be any entity engaged in an economic activity"; a branch is
# no entity of its own)
BRREG_BRANCHES = frozenset({"NUF"})
CVR_BRANCHES = frozenset({"FIL"})

# CVR virksomhedsform, by kortBeskrivelse (upper case, as CVR writes it)
CVR_FORMS: dict[str, str] = {
    "APS": "limited_company",  # anpartsselskab
    "A/S": "limited_company",  # aktieselskab
    "IVS": "limited_company",  # iværksætterselskab
    "ENK": "sole_trader",  # enkeltmandsvirksomhed
    "I/S": "partnership",  # interessentskab
    "K/S": "partnership",  # kommanditselskab
    "P/S": "partnership",  # partnerselskab
    "AMBA": "cooperative",  # andelsselskab med begrænset ansvar
    "FMBA": "association",  # forening med begrænset ansvar
    "SMBA": "other",  # selskab med begrænset ansvar
    "FOND": "foundation",  # fond
    "EFO": "foundation",  # erhvervsdrivende fond
    "FOR": "association",  # forening
    "KOM": "public_body",  # kommune
    "REG": "public_body",  # region
    "STAT": "public_body",  # statslig administrativ enhed
    "FIL": "other",  # filial af udenlandsk virksomhed
}

# Bolagsverket organisationsform
BOLAGSVERKET_FORMS: dict[str, str] = {
    "AB-ORGFO": "limited_company",  # aktiebolag
    "E-ORGFO": "sole_trader",  # enskild näringsidkare
    "HB-ORGFO": "partnership",  # handelsbolag
    "KB-ORGFO": "partnership",  # kommanditbolag
    "EK-ORGFO": "cooperative",  # ekonomisk förening
    "BRF-ORGFO": "cooperative",  # bostadsrättsförening
    "I-ORGFO": "association",  # ideell förening
    "S-ORGFO": "foundation",  # stiftelse
    "FL-ORGFO": "other",  # filial
}


def public_body_said(legal_form: str) -> str:
    """What a reader adds to the provenance of a public body's legal form: it is not an SME
    (Recommendation 2003/361/EC, Annex art. 3(4); grantcheck.law.sme decides so)."""
    return (": a public body, wholly controlled by public bodies, so not an SME "
            "(Recommendation 2003/361/EC, Annex art. 3(4))" if legal_form == "public_body" else "")


def form_of(code: str) -> str | None:
    """The legal form a registry's code for it stands for (``ApS``, ``AS``, ``AB``), when the
    registries agree on it; else None. For the hint of a profile that writes the code."""
    key = code.strip().upper()
    forms = {table[k] for table in (BRREG_FORMS, CVR_FORMS, BOLAGSVERKET_FORMS)
             for k in (key, f"{key}-ORGFO") if k in table}
    return forms.pop() if len(forms) == 1 else None


# --- insolvency and winding up ------------------------------------------------------------------

# CVR status words (sammensatStatus / virksomhedsstatus), compared in upper case
CVR_IN_DIFFICULTY = frozenset({"UNDER KONKURS", "KONKURS", "UNDER REKONSTRUKTION"})
CVR_ENDED = frozenset({"OPHØRT", "OPLØST", "OPLØST EFTER KONKURS", "OPLØST EFTER ERKLÆRING",
                       "OPLØST EFTER FRIVILLIG LIKVIDATION", "OPLØST EFTER FUSION",
                       "OPLØST EFTER SPALTNING", "OPLØST EFTER GRÆNSEOVERSKRIDENDE FUSION",
                       "OPLØST EFTER GRÆNSEOVERSKRIDENDE HJEMSTEDSFLYTNING",
                       "OPLØST EFTER GRÆNSEOVERSKRIDENDE SPALTNING", "TVANGSOPLØST", "SLETTET",
                       "LUKKET"})
# statuses that say the company may be ending or reopening, without collective insolvency
# proceedings (GBER art. 2(18)(c)): status -> what it is
CVR_WINDING_UP = {"UNDER FRIVILLIG LIKVIDATION": "being wound up",
                  "UNDER TVANGSOPLØSNING": "being wound up",
                  "UNDER LIKVIDATION": "being wound up",
                  "UNDER REASSUMERING": "reopened after dissolution"}
CVR_ACTIVE = frozenset({"AKTIV", "NORMAL"})

# Bolagsverket pagandeAvvecklingsEllerOmstruktureringsforfarande codes
BOLAGSVERKET_IN_DIFFICULTY = {"KK-AVOMFO": "bankruptcy (konkurs)"}
BOLAGSVERKET_WINDING_UP = {"LI-AVOMFO": "liquidation (likvidation)"}

# --- CVR staff interval codes -------------------------------------------------------------------

_INTERVAL = re.compile(r"ANTAL_(\d+)_(\d+)")


def interval(code: str) -> tuple[int, int] | None:
    """A CVR interval code as (low, high) (the top band ``ANTAL_1000_999999`` is read as
    written); None when the code is not one."""
    m = _INTERVAL.fullmatch(code.strip().upper())
    if m:
        low, high = int(m.group(1)), int(m.group(2))
        return (low, high) if low <= high else None
    return None
