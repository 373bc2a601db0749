"""Validation of query filters for every interface (CLI, HTTP API, web UI).

A filter value is turned into the form the archive stores, or refused with a `FilterError` that
names the valid choices: a misspelt country or category must never look like "no results".

- countries: ISO 3166 alpha-3 or alpha-2 codes, or a country's name in any language the
  archive identifies (CLDR names through the gazetteer's adapters) -> alpha-3;
- event categories: PLOVER categories (current or legacy names, from the ontology) or CAMEO
  root codes ("14", "CAMEO14", resources/common/cameo_roots.toml) -> PLOVER categories;
- modes: a mode of one of the chosen categories (or of any category when none is chosen);
- dates: ISO dates (`2024-10-14`, `2024-10`, `2024`, a datetime) or relative ones (`today`,
  `yesterday`, `7d`, `2w`, `3m`, `1y` before today) -> an ISO day;
- languages: ISO 639-1 codes or language names (any supported language) -> a code the
  language identifier can give;
- confidence levels: low, medium or high (newsgraph.events.trust) -> the levels at least as high.
"""

from __future__ import annotations

import difflib
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsgraph.archive.rows import normalise_name
from newsgraph.errors import ConfigError, FilterError
from newsgraph.events.ontology import load_ontology
from newsgraph.events.trust import LEVELS, levels_at_least
from newsgraph.gazetteer.cldr import language_names, territory_names
from newsgraph.gazetteer.isocodes import iso_countries
from newsgraph.resources import COMMON, load_resource, resource_languages

RELATIVE = re.compile(r"^(\d{1,4})\s*([dwmy])$")
ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CAMEO = re.compile(r"^(?:cameo[\s:-]*)?(\d{2})\d*$", re.IGNORECASE)
RELATIONS = ("exact", "copy", "rewrite", "translation")
UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


@dataclass(frozen=True)
class Vocabulary:
    """Every value a filter accepts, keyed by its normalised spelling."""

    countries: dict[str, str]
    country_codes: tuple[str, ...]
    languages: dict[str, str]
    language_codes: tuple[str, ...]
    cameo: dict[str, tuple[str, tuple[str, ...]]]


@lru_cache(maxsize=4)
def vocabulary(languages: tuple[str, ...]) -> Vocabulary:
    """Countries, languages and CAMEO roots, with names in `languages` (built once)."""
    countries: dict[str, str] = {}
    alpha3_of: dict[str, str] = {}
    for country in iso_countries():
        alpha3_of[country.alpha2] = country.alpha3
        countries[normalise_name(country.alpha3)] = country.alpha3
        countries[normalise_name(country.alpha2)] = country.alpha3
        for name in country.english_names:
            countries.setdefault(normalise_name(name), country.alpha3)
    names_in = tuple(dict.fromkeys([*resource_languages(), *languages]))
    language_table: dict[str, str] = {normalise_name(code): code for code in languages}
    for lang in names_in:
        try:
            territories = territory_names(lang)
            spoken = language_names(lang)
        except ConfigError:
            continue
        for alpha2, name in territories.items():
            if alpha2 in alpha3_of:
                countries.setdefault(normalise_name(name), alpha3_of[alpha2])
        for code in languages:
            if code in spoken:
                language_table.setdefault(normalise_name(spoken[code]), code)
    return Vocabulary(
        countries=countries,
        country_codes=tuple(sorted(set(alpha3_of.values()))),
        languages=language_table,
        language_codes=tuple(languages),
        cameo=_cameo_roots(),
    )


def _cameo_roots() -> dict[str, tuple[str, tuple[str, ...]]]:
    ontology = load_ontology()
    roots = load_resource(COMMON, "cameo_roots").get("roots", {})
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for code, entry in roots.items():
        categories = tuple(str(c) for c in entry.get("plover", []))
        for category in categories:
            if category not in ontology.categories:
                raise ConfigError(f"cameo_roots.toml: root {code} maps to unknown {category}")
        table[str(code)] = (str(entry.get("name", "")), categories)
    return table


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def country(value: str, vocab: Vocabulary) -> str:
    """ISO alpha-3 code of a country given by code or by name in any supported language."""
    key = normalise_name(value)
    found = vocab.countries.get(key)
    if found is None:
        hint = _suggest(key, list(vocab.countries))
        raise FilterError(
            "country",
            value,
            "use an ISO 3166 code (NOR, NO) or a country's name (Norway, Norge)"
            f"{hint}; codes: {', '.join(vocab.country_codes)}",
        )
    return found


def categories(value: str, vocab: Vocabulary) -> list[str]:
    """PLOVER categories named by a PLOVER name (current or legacy) or a CAMEO root code."""
    ontology = load_ontology()
    canonical = ontology.canonical(value)
    if canonical is not None:
        return [canonical]
    cameo = CAMEO.match(value.strip())
    if cameo and cameo.group(1) in vocab.cameo:
        name, plover = vocab.cameo[cameo.group(1)]
        if not plover:
            raise FilterError(
                "category", value, f"CAMEO root {cameo.group(1)} ({name}) has no PLOVER category"
            )
        return list(plover)
    known = list(ontology.categories)
    raise FilterError(
        "category",
        value,
        f"choose a PLOVER category{_suggest(value.upper(), known)}: {', '.join(known)};"
        " or a CAMEO root code 02-20",
    )


def mode(value: str, chosen: list[str]) -> str:
    """A PLOVER mode of one of the chosen categories (of any category when none is chosen)."""
    ontology = load_ontology()
    pool = chosen or list(ontology.categories)
    modes = sorted({m for c in pool for m in ontology.categories[c].modes})
    wanted = value.strip().lower()
    if wanted in modes:
        return wanted
    where = f" of {', '.join(chosen)}" if chosen else ""
    raise FilterError("mode", value, f"modes{where}: {', '.join(modes) or 'none'}")


def language(value: str, vocab: Vocabulary) -> str:
    """An ISO 639-1 code the language identifier gives, from a code or a language name."""
    found = vocab.languages.get(normalise_name(value))
    if found is None:
        raise FilterError("lang", value, f"languages: {', '.join(vocab.language_codes)}")
    return found


def relation(value: str) -> str:
    """A duplicate relation: exact, copy, rewrite or translation."""
    wanted = value.strip().lower()
    if wanted not in RELATIONS:
        raise FilterError("relation", value, f"relations: {', '.join(RELATIONS)}")
    return wanted


def day(value: str, today: date, *, field: str, end: bool = False) -> str:
    """An ISO day from an ISO date/month/year or a relative form; `end` takes a period's last day."""
    text = value.strip().lower()
    if text in ("today", "now"):
        return today.isoformat()
    if text == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    relative = RELATIVE.match(text)
    if relative:
        return _before(today, int(relative.group(1)), relative.group(2)).isoformat()
    iso = ISO_DAY.match(text)
    try:
        if iso:
            year = int(iso.group(1))
            month = int(iso.group(2) or (12 if end else 1))
            last = monthrange(year, month)[1] if 1 <= month <= 12 else 31
            dom = int(iso.group(3) or (last if end else 1))
            return date(year, month, dom).isoformat()
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        pass
    raise FilterError(
        field,
        value,
        "use an ISO date (2024-10-14, 2024-10, 2024) or a relative one"
        " (today, yesterday, 7d, 2w, 3m, 1y)",
    )


def _before(today: date, count: int, unit: str) -> date:
    if unit == "d":
        return today - timedelta(days=count)
    if unit == "w":
        return today - timedelta(weeks=count)
    months = count * (12 if unit == "y" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    year = max(year, 1)
    return date(year, month, min(today.day, monthrange(year, month)[1]))


def dyad(value: str, vocab: Vocabulary) -> list[str]:
    """Two countries written `A,B`, `A:B`, `A/B` or `A-B` (names or codes) -> alpha-3 codes."""
    parts = [p for p in re.split(r"[,:;/]", value) if p.strip()]
    if len(parts) == 1:
        # A hyphen may also sit inside a name (Guinea-Bissau): take the split where both halves
        # are countries.
        for index, char in enumerate(value):
            left, right = value[:index], value[index + 1 :]
            if char == "-" and all(normalise_name(p) in vocab.countries for p in (left, right)):
                parts = [left, right]
                break
    if len(parts) != 2:
        raise FilterError("dyad", value, "give two countries as USA-CHN or Norway,Russia")
    return [country(part, vocab) for part in parts]


def confidence_levels(value: str, field: str = "min_confidence") -> list[str]:
    """The confidence levels at least as high as `value` (low, medium or high, any case)."""
    levels = levels_at_least(value)
    if levels is None:
        raise FilterError(field, value, f"confidence levels: {', '.join(LEVELS)}")
    return list(levels)
