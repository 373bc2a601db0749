"""Adapter for pycountry: the ISO 3166 country list with alpha-2/alpha-3 codes and English names.

The only module that imports pycountry.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry


@dataclass(frozen=True)
class CountryCode:
    """One ISO 3166-1 country with its English names (short, common, official)."""

    alpha2: str
    alpha3: str
    english_names: tuple[str, ...]


def iso_countries() -> list[CountryCode]:
    """Every ISO 3166-1 country; inverted names such as "Korea, Republic of" are left out."""
    result = []
    for country in pycountry.countries:
        names = [
            getattr(country, field, None) for field in ("common_name", "name", "official_name")
        ]
        english = tuple(
            dict.fromkeys(n for n in names if n and "," not in n and not n.startswith("the "))
        )
        result.append(CountryCode(country.alpha_2, country.alpha_3, english))
    return result


@dataclass(frozen=True)
class Subdivision:
    """A first-level ISO 3166-2 subdivision (state, province, region, county) of a country."""

    code: str
    alpha2: str
    name: str
    kind: str


def subdivisions() -> list[Subdivision]:
    """Every first-level ISO 3166-2 subdivision, named as the standard writes it."""
    return [
        Subdivision(sub.code, sub.country_code, sub.name, sub.type)
        for sub in pycountry.subdivisions
        if getattr(sub, "parent_code", None) is None
    ]
