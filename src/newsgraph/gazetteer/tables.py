"""The gazetteer's lookup tables: surface forms of places mapped to what they name.

A surface form is a string as it may appear in text: a name ("Russland"), a genitive ("Russlands",
"Russia's") or a nationality adjective ("russiske", "Russian"). Lookups are exact strings; the
builder generates every inflected form from maintained data plus the reviewed lexicons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
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


# A place as stored in the compiled gazetteer: Place's fields in order.
PlaceRow = tuple[str, str, str, str, str, str | None, float | None, float | None, int, bool]
# A reading as stored: (index of its place in `Gazetteer.places`, form, base, salient).
ReadingRow = tuple[int, str, str, bool]
# Decoded readings kept per gazetteer before the memory is cleared (a batch runs for long).
DECODED_CACHE_SIZE = 100_000
# Words remembered as no genitive of a shared name before the memory is cleared.
UNDERIVABLE_CACHE_SIZE = 20_000


@dataclass
class Gazetteer:
    """Surface form -> readings, for one language.

    The builder adds readings to `forms`; `finish()` compiles them into plain tuples of strings
    and numbers (`places`, `readings`), which unpickle at C speed from the resource cache, and
    turns them back into Place and Match records only for the surfaces an article looks up.

    A language's gazetteer may sit on a `shared` one: the names of the world's cities and US
    states, which every language writes alike, held once per process however many languages
    are loaded. A look-up reads both, as if one gazetteer held every reading: the shared
    readings come first (the builder adds cities and states before the local places and
    subdivisions, the only readings of the same kind and form), a reading of the same place and
    form is kept once, and the order is the same sort. `removed` surfaces (a language's
    `not_places`) name nothing, whichever table holds them.
    """

    lang: str
    # The builder's readings; emptied by `finish()`.
    forms: dict[str, list[Match]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    max_words: int = 1
    # Generic place nouns a compound may end in after a hyphen ("Krim-halvøya", "Gaza-Streifen").
    compound_nouns: frozenset[str] = frozenset()
    places: tuple[PlaceRow, ...] = ()
    readings: dict[str, tuple[ReadingRow, ...]] = field(default_factory=dict)
    # First words of surfaces that are not themselves one-word surfaces ("New" of "New York").
    other_first_words: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    shared: Gazetteer | None = field(default=None, repr=False, compare=False)
    # The language's genitive endings (plain, sibilant endings, after a sibilant): with them the
    # genitives of the shared names ("Oslos", "Boston's") are read off the shared table at look-up
    # time instead of being stored (~150,000 surfaces a language).
    genitive_rules: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())
    # Surfaces whose readings are stored whole: deriving would not give the built readings
    # (a genitive that names an organisation is left out, and the odd tie in the ordering).
    underived: frozenset[str] = frozenset()
    # Set by `finish()` once the derivable readings are stripped (never while building).
    derives: bool = False
    _decoded: dict[str, tuple[Match, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _places: dict[int, Place] = field(default_factory=dict, init=False, repr=False, compare=False)
    # `underived` and the words seen to be no derivable genitive (per process).
    _underivable: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    # Answers of `may_start` and `adjective_country` per word (per process): the entity and
    # event engines ask them about every capitalised word of an article, several times over.
    _may_start: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    _adjective: dict[str, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __getstate__(self) -> dict[str, object]:
        """Pickle the compiled tables, never the per-process decoded records."""
        state = dict(self.__dict__)
        state["_decoded"], state["_places"], state["shared"] = {}, {}, None
        for cache in ("_underivable", "_may_start", "_adjective"):
            state.pop(cache, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore the tables; the per-process caches start empty."""
        self.__dict__.update(state)
        self._underivable = set(self.underived)
        self._may_start, self._adjective = {}, {}

    def add(self, surface: str, match: Match) -> None:
        """Register a reading of `surface` (duplicates of the same place and form are ignored)."""
        surface = " ".join(surface.split())
        if not surface:
            return
        readings = self.forms.setdefault(surface, [])
        for index, known in enumerate(readings):
            if known.place.key == match.place.key and known.form == match.form:
                if match.salient and not known.salient:
                    readings[index] = match
                return
        readings.append(match)

    def has(self, surface: str) -> bool:
        """Whether a surface form has readings here or in the shared gazetteer."""
        return (
            surface in self.forms
            or surface in self.readings
            or (self.shared is not None and self.shared.has(surface))
            or (self.derives and bool(self._derived(surface)))
        )

    def _genitive_bases(self, surface: str) -> list[str]:
        """Shared name surfaces of which `surface` is a genitive by this language's rules."""
        suffixes = _all_suffixes(self.genitive_rules)
        shared = self.shared
        if shared is None or not suffixes or not surface.endswith(suffixes):
            return []
        plain, sibilant_endings, sibilant = self.genitive_rules
        bases: list[str] = []
        for suffix in suffixes:
            if not surface.endswith(suffix):
                continue
            name = surface[: len(surface) - len(suffix)] if suffix else surface
            if name in bases or not name or name not in shared.readings:
                continue
            suffixes = sibilant if name.endswith(sibilant_endings) else plain
            if suffix in suffixes:
                bases.append(name)
        return bases

    def _derived(self, surface: str) -> list[Match]:
        """Genitive readings of the shared names `surface` is a genitive of, as the builder
        would have added them (each place once; a salient reading replaces a plain one)."""
        shared = self.shared
        if not self.derives or shared is None or surface in self._underivable:
            return []
        bases = self._genitive_bases(surface)
        if not bases:
            # Most words are no genitive of a shared name: remember them (a bounded set).
            if len(self._underivable) >= UNDERIVABLE_CACHE_SIZE:
                self._underivable = set(self.underived)
            self._underivable.add(surface)
            return []
        derived: list[Match] = []
        for name in bases:
            for known in shared._matches(name):
                if known.form != "name":
                    continue
                match = Match(known.place, "genitive", known.base, known.salient)
                for index, other in enumerate(derived):
                    if other.place.key == match.place.key:
                        if match.salient and not other.salient:
                            derived[index] = match
                        break
                else:
                    derived.append(match)
        return derived

    def _strip_derivable(self) -> None:
        """Drop the stored readings that `_derived` gives back at look-up time, surface by
        surface, where the look-up then returns exactly what the stored readings gave; the
        other surfaces keep theirs and are marked `underived`."""
        shared = self.shared
        if shared is None or not any(self.genitive_rules[0::2]):
            return
        plain, sibilant_endings, sibilant = self.genitive_rules
        candidates = set(self.forms)
        for name in shared.readings:
            for suffix in sibilant if name.endswith(sibilant_endings) else plain:
                candidates.add(" ".join((name + suffix).split()))
        underived = set()
        self.derives = True
        for surface in candidates - self.removed:
            derived = self._derived(surface)
            if not derived:
                continue
            matches = self.forms.get(surface, [])
            expected = self._combined(surface, sorted(matches, key=_likelihood), False)
            made = {(m.place.key, m.form) for m in derived}
            kept = [m for m in matches if (m.place.key, m.form) not in made]
            if self._combined(surface, sorted(kept, key=_likelihood) + derived, True) == expected:
                if kept:
                    self.forms[surface] = kept
                else:
                    self.forms.pop(surface, None)
            else:
                underived.add(surface)
        self.underived = frozenset(underived)
        self._underivable = set(underived)

    def _combined(self, surface: str, own: list[Match], derived: bool) -> tuple[Match, ...]:
        """A surface's readings from its shared ones and the language's (`own`: stored ones
        sorted, then any derived)."""
        shared = self.shared
        in_shared = shared is not None and surface in shared.readings
        if not in_shared and not derived:
            return tuple(own)
        return _merged(shared._matches(surface) if shared is not None and in_shared else (), own)

    def remove(self, surface: str) -> None:
        """Make a surface name nothing (while building)."""
        self.forms.pop(surface, None)
        self.removed = self.removed | {surface}

    def _surfaces(self) -> set[str]:
        """Every surface with readings here or in the shared gazetteer, less the removed."""
        shared = self.shared.readings if self.shared is not None else {}
        return (set(self.forms) | set(shared)) - self.removed

    def finish(self) -> None:
        """Order every surface's readings from most to least likely, note the longest surface
        and the first words of all surfaces (a cheap test before trying n-grams), and compile
        the readings into plain rows."""
        surfaces = self._surfaces()
        self._strip_derivable()
        self.max_words = max(len(s.replace("-", " ").split()) for s in surfaces) if surfaces else 1
        one_word = {s for s in surfaces if " " not in s}
        self.other_first_words = frozenset(
            word
            for s in surfaces
            for word in ((s, s.split("-")[0]) if " " not in s else _first_words(s))
            if word not in one_word
        )
        # Equal strings become one object, so the pickle stores each once.
        strings: dict[str, str] = {}
        place_index: dict[Place, int] = {}
        places: list[PlaceRow] = []
        readings: dict[str, tuple[ReadingRow, ...]] = {}
        for surface, matches in self.forms.items():
            rows = []
            for match in sorted(matches, key=_likelihood):
                index = place_index.get(match.place)
                if index is None:
                    index = place_index[match.place] = len(places)
                    places.append(_place_row(match.place, strings))
                base = strings.setdefault(match.base, match.base)
                rows.append((index, match.form, base, match.salient))
            readings[strings.setdefault(surface, surface)] = tuple(rows)
        self.places, self.readings, self.forms = tuple(places), readings, {}
        self._decoded.clear()
        self._places.clear()
        self._may_start.clear()
        self._adjective.clear()

    def _matches(self, surface: str) -> tuple[Match, ...]:
        """The readings of a normalised surface as Match records, best first."""
        decoded = self._decoded.get(surface)
        if decoded is not None:
            return decoded
        rows = self.readings.get(surface)
        shared = self.shared
        if surface in self.removed:
            return ()
        derived = self._derived(surface)
        if rows is None and not derived and (shared is None or surface not in shared.readings):
            return ()
        if len(self._decoded) >= DECODED_CACHE_SIZE:
            self._decoded.clear()
        own = [
            Match(self._place(index), form, base, salient)  # type: ignore[arg-type]
            for index, form, base, salient in rows or ()
        ]
        decoded = self._combined(surface, own + derived, bool(derived))
        self._decoded[surface] = decoded
        return decoded

    def _place(self, index: int) -> Place:
        place = self._places.get(index)
        if place is None:
            place = self._places[index] = Place(*self.places[index])  # type: ignore[arg-type]
        return place

    def lookup(self, surface: str, forms: Iterable[Form] | None = None) -> list[Match]:
        """Readings of an exact surface form, best first, optionally only of some forms. A
        surface of several words whose first word starts no surface (`may_start`) names nothing
        and is answered without a look-up: the entity and event engines ask about nearly every
        two- and three-word phrase of a sentence, nearly all of them new."""
        if self._names_nothing(surface):
            return []
        readings = self._matches(" ".join(surface.split()))
        if forms is None:
            return list(readings)
        wanted = set(forms)
        return [m for m in readings if m.form in wanted]

    def _starts(self, word: str) -> bool:
        if word in self.other_first_words:
            return True
        if " " in word or word in self.removed:
            return False
        return (
            word in self.readings
            or (self.shared is not None and word in self.shared.readings)
            or (self.derives and bool(self._derived(word)))
        )

    def _names_nothing(self, surface: str) -> bool:
        """Whether a surface has several words and its first starts no surface (`may_start`):
        then it names nothing."""
        words = surface.split(maxsplit=1)
        return len(words) > 1 and not self.may_start(words[0])

    def may_start(self, word: str) -> bool:
        """Whether some surface form starts with this word (as written or with a lower-case
        first letter)."""
        known = self._may_start.get(word)
        if known is None:
            known = self._starts(word) or self._starts(word[:1].lower() + word[1:])
            if len(self._may_start) >= DECODED_CACHE_SIZE:
                self._may_start.clear()
            self._may_start[word] = known
        return known

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
        if word in self._adjective:
            return self._adjective[word]
        if self._names_nothing(word):  # both casings at once, nothing remembered
            return None
        country = None
        for candidate in (word, word[:1].lower() + word[1:]):
            match = self.best(candidate, ("adjective",))
            if match is not None:
                country = match.place.country
                break
        if len(self._adjective) >= DECODED_CACHE_SIZE:
            self._adjective.clear()
        self._adjective[word] = country
        return country


@lru_cache(maxsize=64)
def _all_suffixes(
    rules: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
) -> tuple[str, ...]:
    """Every genitive suffix of a language's rules, once each."""
    return tuple(dict.fromkeys((*rules[0], *rules[2])))


def _merged(shared: tuple[Match, ...], own: list[Match]) -> tuple[Match, ...]:
    """A surface's shared readings and a language's own, as one builder adding the shared ones
    first would have kept and ordered them."""
    readings = list(shared)
    for match in own:
        for index, known in enumerate(readings):
            if known.place.key == match.place.key and known.form == match.form:
                if match.salient and not known.salient:
                    readings[index] = match
                break
        else:
            readings.append(match)
    readings.sort(key=_likelihood)
    return tuple(readings)


def _likelihood(match: Match) -> tuple[int, bool, bool, int]:
    """Sort key of readings: countries, then regions, continents, cities, states; names before
    inflected forms; a sizeable city's own name first; bigger places first."""
    return (
        KIND_RANK[match.place.kind],
        match.form != "name",
        not _own_name(match),
        -match.place.population,
    )


def _place_row(place: Place, strings: dict[str, str]) -> PlaceRow:
    """A place as a plain row, its strings shared through `strings`."""

    def shared(text: str) -> str:
        return strings.setdefault(text, text)

    return (
        shared(place.key),
        place.kind,
        shared(place.name),
        shared(place.canonical),
        place.type,
        place.country,
        place.lat,
        place.lon,
        place.population,
        place.localised,
    )


def _own_name(match: Match) -> bool:
    """Whether a reading is a sizeable city's own name (not one of its alternate names)."""
    place = match.place
    return (
        place.kind == "city"
        and match.base == place.name
        and (place.population >= OWN_NAME_POPULATION)
    )
