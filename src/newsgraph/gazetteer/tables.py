"""The gazetteer's lookup tables: surface forms of places mapped to what they name.

A surface form is a string as it may appear in text: a name ("Russland"), a genitive ("Russlands",
"Russia's") or a nationality adjective ("russiske", "Russian"). Lookups are exact strings; the
builder generates every inflected form from maintained data plus the reviewed lexicons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

PlaceKind = Literal["country", "region", "continent", "city", "state"]
Form = Literal["name", "genitive", "adjective"]

# When one surface names several places, prefer countries, then listed regions, then cities;
# a US state comes last ("Washington" is the capital more often than the state).
KIND_RANK: dict[str, int] = {"country": 0, "region": 1, "continent": 2, "city": 3, "state": 4}
# A city this big named by its own name beats a bigger city that merely lists the name among its
# alternate names (GeoNames lists "Islamabad" as a name of Chittagong).
OWN_NAME_POPULATION = 100_000


def _first_words(surface: str) -> tuple[str, str]:
    first = surface.split()[0]
    return first, first.split("-")[0]


@dataclass(frozen=True, slots=True)
class Place:
    """A country, region, continent or city."""

    key: str
    kind: PlaceKind
    name: str
    canonical: str
    type: Literal["GPE", "LOC"]
    country: str | None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    localised: bool = True


@dataclass(frozen=True, slots=True)
class Match:
    """One reading of a surface form: the place, the grammatical form and its base name."""

    place: Place
    form: Form
    base: str
    salient: bool


@dataclass
class Gazetteer:
    """Surface form -> readings, for one language."""

    lang: str
    # Lists while the builder adds readings; `finish()` freezes them into tuples.
    forms: dict[str, list[Match] | tuple[Match, ...]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    max_words: int = 1
    first_words: frozenset[str] = frozenset()
    # Generic place nouns a compound may end in after a hyphen ("Krim-halvøya", "Gaza-Streifen").
    compound_nouns: frozenset[str] = frozenset()

    def add(self, surface: str, match: Match) -> None:
        """Register a reading of `surface` (duplicates of the same place and form are ignored)."""
        surface = " ".join(surface.split())
        if not surface:
            return
        readings = self.forms.get(surface)
        if not isinstance(readings, list):
            readings = self.forms[surface] = list(readings or ())
        for index, known in enumerate(readings):
            if known.place.key == match.place.key and known.form == match.form:
                if match.salient and not known.salient:
                    readings[index] = match
                return
        readings.append(match)

    def finish(self) -> None:
        """Order every surface's readings from most to least likely; note the longest surface
        and the first words of all surfaces (a cheap test before trying n-grams)."""
        self.max_words = (
            max(len(s.replace("-", " ").split()) for s in self.forms) if self.forms else 1
        )
        # Hundreds of thousands of surfaces: the first words of one-word surfaces are the
        # surfaces themselves (shared, not copied), and readings are stored as tuples.
        self.first_words = frozenset(
            word
            for s in self.forms
            for word in ((s, s.split("-")[0]) if " " not in s else _first_words(s))
        )
        for surface, readings in self.forms.items():
            self.forms[surface] = tuple(
                sorted(
                    readings,
                    key=lambda m: (
                        KIND_RANK[m.place.kind],
                        m.form != "name",
                        not _own_name(m),
                        -m.place.population,
                    ),
                )
            )

    def lookup(self, surface: str, forms: Iterable[Form] | None = None) -> list[Match]:
        """Readings of an exact surface form, best first, optionally only of some forms."""
        readings = self.forms.get(" ".join(surface.split()), [])
        if forms is None:
            return list(readings)
        wanted = set(forms)
        return [m for m in readings if m.form in wanted]

    def may_start(self, word: str) -> bool:
        """Whether some surface form starts with this word (as written or with a lower-case
        first letter)."""
        return word in self.first_words or (word[:1].lower() + word[1:]) in self.first_words

    def best(self, surface: str, forms: Iterable[Form] | None = None) -> Match | None:
        """The most likely reading of a surface form, if it names anything."""
        readings = self.lookup(surface, forms)
        return readings[0] if readings else None

    def compound(self, surface: str, forms: Iterable[Form] | None = None) -> Match | None:
        """The place a hyphenated compound names by its first part ("Krim-halvøya" -> Krim),
        when its last part is one of the language's generic place nouns."""
        head, dash, tail = surface.rpartition("-")
        if not dash or not head or tail.casefold() not in self.compound_nouns:
            return None
        return self.best(head, forms)

    def country(self, alpha3: str) -> Place | None:
        """The country with this ISO 3166 alpha-3 code."""
        return self.countries.get(alpha3)

    def adjective_country(self, word: str) -> str | None:
        """ISO alpha-3 of the country a nationality adjective refers to ("russiske" -> "RUS")."""
        for candidate in (word, word[:1].lower() + word[1:]):
            match = self.best(candidate, ("adjective",))
            if match is not None:
                return match.place.country
        return None


def _own_name(match: Match) -> bool:
    """Whether a reading is a sizeable city's own name (not one of its alternate names)."""
    place = match.place
    return (
        place.kind == "city"
        and match.base == place.name
        and (place.population >= OWN_NAME_POPULATION)
    )
