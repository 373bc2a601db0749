"""Build the actor knowledge resource from open sources (`make knowledge` runs
training/build_knowledge.py, which calls `build` and `write`).

Reads the Phoenix/PETRARCH2 dictionaries (MIT), the Wikidata office-holder tables of
every-politician-scrapers (CC0), the 2026 world-leaders table (CC BY-SA 4.0) and the reviewed
tables in newsgraph/knowledge/tables/, and writes resources/common/actors.json.gz: persons with
country, roles and dates, aliases; organisations with country and sector. The output is sorted
so two builds from the same sources give the same file.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.gazetteer.isocodes import iso_countries
from newsgraph.knowledge.names import fold
from newsgraph.knowledge.phoenix import Entry, read_entries

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "common" / "actors.json.gz"
TABLES = "tables"
# Offices whose holders a bare surname may name (heads of state and government).
TOP_OFFICE_WORDS = (
    "prime minister",
    "president",
    "monarch",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "supreme leader",
    "general secretary",
    "premier",
    "sultan",
    "emir",
)
# Words of offices that share those words but head a chamber, court, bank or party wing.
NOT_TOP_OFFICE = (
    "deputy",
    "vice",
    "exchequer",
    "first minister",
    "council",
    "senate",
    "assembly",
    "parliament",
    "court",
    "bank",
    "chamber",
    "congress",
    "commission",
    "duma",
)
# Folder names of office-holder tables whose jurisdiction is no country.
NO_COUNTRY_FOLDERS = frozenset({"world", "eu-cabinets", "european-parliament"})
EXTRA_COUNTRY_NAMES = {
    "the czech republic": "CZE",
    "the faroe islands": "FRO",
    "the philippines": "PHL",
    "the united kingdom": "GBR",
    "the united states of america": "USA",
    "north korea": "PRK",
    "south korea": "KOR",
    "iran": "IRN",
    "russia": "RUS",
    "syria": "SYR",
    "taiwan": "TWN",
    "tanzania": "TZA",
    "vietnam": "VNM",
    "laos": "LAO",
    "venezuela": "VEN",
    "turkey": "TUR",
    "bolivia": "BOL",
    "moldova": "MDA",
    "palestine": "PSE",
    "kosovo": "XKX",
    "brunei": "BRN",
}
# A parenthesised qualifier of a Phoenix name: "African National Congress (South Africa)".
QUALIFIER = re.compile(r"\s*\([^)]*\)\s*")
# Words that make a Phoenix synonym a title phrase rather than another spelling of the name.
TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "premier",
        "king",
        "queen",
        "chancellor",
        "general",
        "secretary",
        "chairman",
        "leader",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "senator",
        "governor",
        "ambassador",
        "foreign",
        "defense",
        "defence",
        "vice",
        "deputy",
        "spokesman",
        "spokeswoman",
        "chief",
        "commander",
        "colonel",
        "admiral",
        "marshal",
        "sheikh",
        "prince",
        "princess",
        "emir",
        "sultan",
        "pope",
        "cardinal",
        "bishop",
        "imam",
        "ayatollah",
        "judge",
        "justice",
        "mayor",
        "envoy",
    ]
)


@dataclass
class Person:
    """A person being built: names, roles, and which sources named them."""

    id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, str | None, str | None, str | None, str | None]] = field(
        default_factory=list
    )
    top: list[tuple[str | None, str | None]] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    nationality: str | None = None
    royal: list[tuple[str, str]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The compact JSON form."""
        country = self.nationality or (
            self.countries.most_common(1)[0][0] if self.countries else None
        )
        sectors = Counter(role[2] for role in self.roles if role[2])
        out: dict[str, Any] = {"id": self.id, "name": self.name, "country": country}
        aliases = sorted(a for a in self.aliases if fold(a) != fold(self.name))
        if aliases:
            out["aliases"] = aliases
        if sectors:
            out["sector"] = sectors.most_common(1)[0][0]
        if self.roles:
            out["roles"] = sorted(set(self.roles), key=_role_order)
        if self.top:
            out["top"] = sorted(set(self.top), key=lambda d: (d[0] or "", d[1] or ""))
        if self.royal:
            out["royal"] = sorted(set(self.royal))
        return out


def _role_order(
    role: tuple[str, str | None, str | None, str | None, str | None],
) -> tuple[str, ...]:
    """Roles by start date, then every field (a total order: builds are reproducible)."""
    return (role[3] or "", role[0], role[1] or "", role[2] or "", role[4] or "")


class Builder:
    """Collects persons and organisations from every source, merging one person's records."""

    def __init__(self) -> None:
        self.persons: dict[str, Person] = {}
        self.by_name: dict[tuple[str, str | None], str] = {}
        self.organisations: dict[tuple[str, str | None], dict[str, Any]] = {}
        self.country_codes = _country_codes()

    def person(self, name: str, country: str | None, qid: str | None) -> Person:
        """The person record for a name in a country, created or found."""
        key = (fold(name), country)
        known = self.by_name.get(key)
        if known is None and country is None:
            known = next((pid for (n, _), pid in self.by_name.items() if n == key[0]), None)
        if known is not None:
            person = self.persons[known]
            if qid and not person.id.startswith("Q"):
                # A Wikidata id replaces a derived key: re-key the record.
                del self.persons[known]
                person.id = qid
                self.persons[qid] = person
                for name_key, pid in list(self.by_name.items()):
                    if pid == known:
                        self.by_name[name_key] = qid
            return person
        pid = qid or "kb:" + fold(name).replace(" ", "-") + (
            f"@{country.lower()}" if country else ""
        )
        person = self.persons.setdefault(pid, Person(pid, name))
        self.by_name[key] = pid
        return person

    def country(self, name: str) -> str | None:
        """ISO alpha-3 of an English country name."""
        return self.country_codes.get(name.casefold().strip())

    def add_organisation(
        self, name: str, aliases: list[str], country: str | None, sector: str | None
    ) -> None:
        """Register an organisation under its name (a later, fuller record adds aliases)."""
        key = (fold(name), country)
        if not key[0]:
            return
        record = self.organisations.setdefault(
            key, {"name": name, "country": country, "sector": sector, "aliases": set()}
        )
        record["sector"] = record["sector"] or sector
        record["aliases"].update(a for a in aliases if fold(a) != key[0])

    def result(self) -> dict[str, Any]:
        """The resource's JSON content."""
        organisations = []
        for (_, country), record in sorted(
            self.organisations.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
        ):
            out: dict[str, Any] = {"name": record["name"], "country": country}
            if record["sector"]:
                out["sector"] = record["sector"]
            if record["aliases"]:
                out["aliases"] = sorted(record["aliases"])
            organisations.append(out)
        return {
            "persons": [self.persons[pid].record() for pid in sorted(self.persons)],
            "organisations": organisations,
        }


def _country_codes() -> dict[str, str]:
    codes = dict(EXTRA_COUNTRY_NAMES)
    for country in iso_countries():
        for name in country.english_names:
            codes.setdefault(name.casefold(), country.alpha3)
        codes.setdefault(country.alpha2.casefold(), country.alpha3)
    return codes


def _is_top_office(position: str) -> bool:
    text = position.casefold()
    if any(word in text for word in NOT_TOP_OFFICE):
        return False
    return any(word in text for word in TOP_OFFICE_WORDS)


def _useful_aliases(entry: Entry) -> list[str]:
    """Synonyms that are other spellings of the name: not a bare surname, not the name with a
    title in front ("President Putin", "Russian President Vladimir V. Putin")."""
    name_words = fold(entry.name).split()
    kept = []
    for alias in entry.aliases:
        words = fold(alias).split()
        if len(words) < 2 or len(words) > len(name_words) + 1:
            continue
        if any(word in TITLE_WORDS for word in words):
            continue
        kept.append(alias)
    return kept


def add_phoenix(builder: Builder, folder: Path) -> None:
    """Persons (dated entries) and organisations (undated ones) of the Phoenix dictionaries."""
    for file_name in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        path = folder / file_name
        if not path.exists():
            raise ConfigError(f"{path}: missing Phoenix dictionary")
        for entry in read_entries(path):
            if not entry.codes or len(entry.name) < 2:
                continue
            is_person = entry.dated or "CountryInfo" in entry.comment
            if is_person:
                _add_phoenix_person(builder, entry)
            elif any(code.sector for code in entry.codes):
                code = next(code for code in entry.codes if code.sector)
                name = QUALIFIER.sub("", entry.name).strip()
                aliases = [QUALIFIER.sub("", a).strip() for a in entry.aliases]
                builder.add_organisation(name, aliases, code.country, code.sector)


def _add_phoenix_person(builder: Builder, entry: Entry) -> None:
    countries = Counter(code.country for code in entry.codes if code.country)
    country = countries.most_common(1)[0][0] if countries else None
    person = builder.person(entry.name, country, None)
    person.aliases.update(_useful_aliases(entry))
    for code in entry.codes:
        person.roles.append(("", code.country, code.sector, code.start, code.end))
        if code.country:
            person.countries[code.country] += 1


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def add_officeholders(builder: Builder, folder: Path) -> None:
    """Cabinet-level office holders of every country folder (Wikidata, CC0)."""
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        country = None
        meta = sub / "meta.json"
        if meta.exists():
            jurisdiction = json.loads(meta.read_text(encoding="utf-8")).get("jurisdiction", {})
            country = builder.country(str(jurisdiction.get("name", "")))
        if sub.name == "world-leaders-2021":
            _add_world_leaders(builder, sub / "wikidata.csv")
            continue
        if country is None and sub.name not in NO_COUNTRY_FOLDERS:
            continue
        for file_name in ("holders21.csv", "current.csv"):
            path = sub / file_name
            if not path.exists():
                continue
            for row in _read_csv(path):
                name, position = row.get("person", ""), row.get("position", "")
                if not name or (name.startswith("Q") and name[1:].isdigit()):
                    continue
                sector = "GOV" if country else "IGO"
                person = builder.person(name, country, row.get("personID") or None)
                start, end = row.get("start") or None, row.get("end") or None
                person.roles.append((position, country, sector, start, end))
                if country:
                    person.countries[country] += 3
                    if _is_top_office(position):
                        person.top.append((start, end))


def _add_world_leaders(builder: Builder, path: Path) -> None:
    for row in _read_csv(path):
        country = builder.country(row.get("country", ""))
        name = row.get("officeholderLabel", "")
        if not country or not name:
            continue
        person = builder.person(name, country, row.get("officeholder") or None)
        start = row.get("start_year") or None
        end = row.get("end_year") or None
        person.roles.append((row.get("positionLabel", ""), country, "GOV", start, end))
        person.countries[country] += 3
        person.top.append((start, end))


def add_current_leaders(builder: Builder, path: Path) -> None:
    """Heads of state and government of 2026 (CC BY-SA 4.0)."""
    for row in _read_csv(path):
        country = builder.country(row.get("ISO", ""))
        if country is None:
            continue
        for title, name, since in (
            (row.get("HoG Title", ""), row.get("Head of Government", ""), row.get("HoG Since")),
            (row.get("HoS Title", ""), row.get("Head of State", ""), row.get("HoS Since")),
        ):
            if not name:
                continue
            person = builder.person(name, country, None)
            person.roles.append((title, country, "GOV", since or None, None))
            person.countries[country] += 3
            person.top.append((since or None, None))


def add_reviewed_tables(builder: Builder) -> None:
    """The reviewed tables shipped in newsgraph/knowledge/tables/*.toml."""
    root = resources.files("newsgraph.knowledge").joinpath(TABLES)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            table = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"knowledge/tables/{entry.name}: invalid TOML ({error})") from error
        for item in table.get("person", []):
            _add_reviewed_person(builder, item)
        for item in table.get("organisation", []):
            builder.add_organisation(
                str(item["name"]),
                list(item.get("aliases", [])),
                item.get("country"),
                item.get("sector"),
            )


def _add_reviewed_person(builder: Builder, item: dict[str, Any]) -> None:
    country = item.get("country")
    person = builder.person(str(item["name"]), country, item.get("id"))
    person.aliases.update(item.get("aliases", []))
    if country:
        person.nationality = country
        person.countries[country] += 5
    for role in item.get("roles", []):
        person.roles.append(
            (
                str(role["title"]),
                role.get("country", country),
                role.get("sector", "GOV"),
                role.get("start"),
                role.get("end"),
            )
        )
        if role.get("top"):
            person.top.append((role.get("start"), role.get("end")))
    for title in item.get("royal", []):
        person.royal.append(
            (str(title), fold(str(item.get("first_name", item["name"]).split()[0])))
        )


def build(actors: Path) -> dict[str, Any]:
    """The resource content built from a copy of `datasets/actors`."""
    if not actors.is_dir():
        raise ConfigError(f"{actors}: no such folder (expected shared/datasets/actors)")
    builder = Builder()
    add_officeholders(builder, actors / "officeholders")
    add_current_leaders(builder, actors / "world_leaders_current" / "all-leaders.csv")
    add_phoenix(builder, actors / "phoenix")
    add_reviewed_tables(builder)
    return builder.result()


def write(content: dict[str, Any], out: Path) -> None:
    """Write the resource as gzip-compressed JSON with a fixed timestamp (reproducible bytes)."""
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data.encode("utf-8"))
