"""Reader for the Phoenix / PETRARCH2 actor dictionaries (TABARI format, MIT licence).

A name line `HU_JINTAO_`, synonym lines `+PRESIDENT_HU_JINTAO`, code lines `[CHNGOV 20021115-20130314]`
(CAMEO country + sector, optional date range; `>051101` from 2005-11-01, `<051101` until then).
`#` starts a comment. Codes may follow the name on its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8})?(?:-(\d{6,8}))?\]")
# CAMEO country codes that are not ISO 3166 alpha-3 ("ANG": Angola in some Phoenix entries).
CAMEO_COUNTRIES = {
    "TMP": "TLS",
    "KSV": "XKX",
    "ROM": "ROU",
    "ZAR": "COD",
    "BRM": "MMR",
    "ANG": "AGO",
}
# Kosovo has no ISO 3166 code; XKX is the one in common use (and the gazetteer's).
USER_ASSIGNED = frozenset({"XKX"})
# Codes whose first three letters name no country.
NO_COUNTRY = frozenset({"IGO", "NGO", "MNC", "INT", "MEA", "AFR", "ASA", "EUR", "LAM", "WST"})
NO_COUNTRY |= frozenset({"EAF", "WAF", "SAF", "NAF", "CAF", "SAS", "SEA", "CAS", "BLK", "CRB"})
NO_COUNTRY |= frozenset({"NMR", "SAM", "BAL", "BFR", "PGS", "CAU", "MDT", "UNK", "HIN", "ELI"})
NO_COUNTRY |= frozenset({"USR", "YUG", "DDR", "CSK", "SCG", "GEN"})
# CAMEO sector codes and the sector newsgraph records for them.
SECTORS = {
    "GOV": "GOV",
    "COP": "GOV",
    "SPY": "GOV",
    "MIL": "MIL",
    "LEG": "LEG",
    "JUD": "JUD",
    "PTY": "PTY",
    "OPP": "PTY",
    "IGO": "IGO",
    "NGO": "NGO",
    "MED": "MED",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "UAF": "REB",
    "BUS": "BUS",
    "MNC": "BUS",
}


@dataclass(frozen=True)
class Code:
    """One CAMEO code of an actor with the dates it holds (ISO dates or None)."""

    country: str | None
    sector: str | None
    start: str | None
    end: str | None


@dataclass
class Entry:
    """One actor block: its name, synonyms and codes."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""

    @property
    def dated(self) -> bool:
        """Whether any code carries a date range (people hold offices for a time)."""
        return any(code.start or code.end for code in self.codes)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    digits = value.lstrip("<>")
    if len(digits) == 6:
        century = "19" if int(digits[:2]) > 40 else "20"
        digits = century + digits
    if len(digits) != 8 or digits[4:6] == "00":
        return None
    day = "01" if digits[6:8] == "00" else digits[6:8]
    return f"{digits[:4]}-{digits[4:6]}-{day}"


def is_country(code: str) -> bool:
    """Whether a three-letter code names a country (ISO 3166 alpha-3, or Kosovo's XKX)."""
    import pycountry

    return code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None


def parse_code(code: str, when: str | None, until: str | None) -> Code:
    """A TABARI code with its dates: `CHNGOV`, `>051101` -> country CHN, sector GOV, from 2005."""
    prefix = code[:3]
    country = None if prefix in NO_COUNTRY else CAMEO_COUNTRIES.get(prefix, prefix)
    if country is not None and not is_country(country):
        # A regional, historical or private code (KKL, WEU, SUN, MED, ...): no country.
        country = None
    sector = None
    for index in range(0, len(code), 3):
        found = SECTORS.get(code[index : index + 3])
        if found:
            sector = found
            break
    start = end = None
    if when and when.startswith("<"):
        end = _date(when)
    elif when:
        start = _date(when)
        end = _date(until)
    return Code(country, sector, start, end)


def display_name(raw: str) -> str:
    """`HU_JINTAO_` -> `Hu Jintao`; `BAN_KI-MOON` -> `Ban Ki-Moon`."""
    words = raw.strip("_ ").replace("_", " ").split()
    return " ".join(word[:1] + word[1:].lower() for word in words)


def read_entries(path: Path) -> Iterator[Entry]:
    """Every actor block of one dictionary file."""
    current: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        codes = [parse_code(*found.groups()) for found in CODE.finditer(body)]
        name = CODE.sub("", body).strip()
        if line[:1] in (" ", "\t") and not name:
            if current is not None:
                current.codes.extend(codes)
            continue
        if name.startswith("+"):
            if current is not None:
                current.aliases.append(display_name(name[1:]))
                current.codes.extend(codes)
            continue
        if current is not None:
            yield current
        current = Entry(display_name(name), codes=codes, comment=comment.strip())
    if current is not None:
        yield current
