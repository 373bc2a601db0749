"""Adapter for Babel's CLDR locale data: localised country, language and currency names.

The only module that imports Babel; its errors become ConfigError.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from newsgraph.errors import ConfigError


@lru_cache(maxsize=16)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError) as error:
        raise ConfigError(f"CLDR has no locale {lang!r}; add a resource folder for it") from error


def territory_names(lang: str) -> dict[str, str]:
    """Country names in `lang`, keyed by ISO 3166 alpha-2 code."""
    return {
        code: name
        for code, name in _locale(lang).territories.items()
        if len(code) == 2 and code.isalpha()
    }


@lru_cache(maxsize=16)
def language_names(lang: str) -> dict[str, str]:
    """Language names in `lang`, keyed by language code ("ru" -> "russisk" in Norwegian)."""
    return dict(_locale(lang).languages)


def currency_names(lang: str) -> dict[str, str]:
    """Currency display names in `lang`, keyed by ISO 4217 code ("RUB" -> "russiske rubler")."""
    return dict(_locale(lang).currencies)


def official_languages(alpha2: str) -> tuple[str, ...]:
    """Official languages of a territory, most spoken first."""
    return tuple(get_official_languages(alpha2))
