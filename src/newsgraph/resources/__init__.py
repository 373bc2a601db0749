"""Per-language data files: resources/<lang>/<name>.toml, plus resources/common/.

Language knowledge lives here, not in engine code: adding a language means adding a folder.
"""

from __future__ import annotations

import hashlib
import importlib
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import ValidationError

from newsgraph.errors import ConfigError
from newsgraph.resources.compiled import compiled as _compiled
from newsgraph.resources.schemas import COMMON_SCHEMAS, LANGUAGE_SCHEMAS, Schema

COMMON = "common"
S = TypeVar("S", bound=Schema)


def resource_languages() -> list[str]:
    """Languages that have a resource folder."""
    return list(_resource_folders())


@lru_cache(maxsize=1)
def _resource_folders() -> tuple[str, ...]:
    # The folders ship with the package (like the files `load_resource` caches): listing them
    # once spares a directory scan on every language look-up, hundreds an article.
    root = resources.files(__name__)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.name not in (COMMON, "__pycache__")
        )
    )


def schema_of(lang: str, name: str) -> type[Schema]:
    """The schema a resource file is checked against; a file with none is a ConfigError."""
    schemas = COMMON_SCHEMAS if lang == COMMON else LANGUAGE_SCHEMAS
    if name not in schemas:
        known = ", ".join(sorted(schemas))
        raise ConfigError(f"resources/{lang}/{name}.toml: no schema for {name!r} (known: {known})")
    return schemas[name]


@lru_cache(maxsize=256)
def load_resource(lang: str, name: str) -> dict[str, Any]:
    """Load resources/<lang>/<name>.toml, checked against its schema; an absent file gives an
    empty table. An unknown key or a wrong type is a ConfigError naming the file and the key.

    The checked table goes into the resource cache (keyed by every resource file's content), so
    a later process reads it back without parsing and checking the TOML again."""
    schema_of(lang, name)
    path = resources.files(__name__).joinpath(lang, f"{name}.toml")
    if not path.is_file():
        return {}
    return _compiled(
        "resource",
        f"{lang}.{name}",
        lambda: parse_resource(path.read_text(encoding="utf-8"), lang, name),
    )


def parse_resource(text: str, lang: str, name: str, where: str | None = None) -> dict[str, Any]:
    """Parse and check the text of a resource file (`where` names it in errors)."""
    where = where or f"resources/{lang}/{name}.toml"
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where}: invalid TOML ({error})") from error
    check_table(schema_of(lang, name), table, where)
    return table


def load_typed(lang: str, name: str, schema: type[S]) -> S:
    """resources/<lang>/<name>.toml as its typed schema (defaults when the file is absent)."""
    if schema_of(lang, name) is not schema:
        raise ConfigError(f"resources/{lang}/{name}.toml is not read as {schema.__name__}")
    typed = _typed(lang, name)
    assert isinstance(typed, schema)
    return typed


@lru_cache(maxsize=256)
def _typed(lang: str, name: str) -> Schema:
    return schema_of(lang, name).model_validate(load_resource(lang, name))


def check_table(schema: type[Schema], table: dict[str, Any], where: str) -> None:
    """Validate a parsed table; the first problem becomes a ConfigError naming file and key."""
    try:
        schema.model_validate(table)
    except ValidationError as error:
        raise ConfigError(f"{where}: {describe_problem(error)}") from error


def describe_problem(error: ValidationError) -> str:
    """One line for the first problem of a validation error: the dotted key and what is wrong."""
    problems = error.errors()
    first = problems[0]
    key = ".".join(str(part) for part in first["loc"] if not _is_union_branch(part))
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    if first["type"] == "extra_forbidden":
        return f"unknown key {key!r}{more}"
    if first["type"] == "missing":
        return f"missing key {key!r}{more}"
    return f"key {key!r}: {first['msg']} (got {first['input']!r}){more}"


def _is_union_branch(part: object) -> bool:
    """Pydantic names the tried member of a union in the location ("list[str]"); drop it."""
    return isinstance(part, str) and ("[" in part or part in _BRANCH_NAMES)


_BRANCH_NAMES = frozenset({"str", "int", "float", "bool", "TimeWordValue"})


@lru_cache(maxsize=256)
def resource_version(lang: str, name: str) -> str:
    """Short content hash of a resource file, recorded in provenance."""
    path = resources.files(__name__).joinpath(lang, f"{name}.toml")
    if not path.is_file():
        return "absent"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def resource_languages_of(languages: list[str]) -> list[str]:
    """The resource folders serving some of `languages` (each once, in order)."""
    available = set(resource_languages())
    folders = (base_language(lang) for lang in languages)
    return list(dict.fromkeys(folder for folder in folders if folder in available))


def base_language(lang: str | None) -> str:
    """Resource folder for a language code: Nynorsk falls back to Bokmål data where it has none."""
    if lang is None:
        return "en"
    available = _resource_folders()
    if lang in available:
        return lang
    if lang == "nn" and "nb" in available:
        return "nb"
    return lang


@lru_cache(maxsize=32)
def function_words(lang: str | None) -> frozenset[str]:
    """The language's function words (prepositions, pronouns, conjunctions), lower-cased: spaCy's
    stop-word list of that language, plain word lists shipped with spaCy (no model), so that a
    language without a resource folder of its own still has them. Empty for a language spaCy
    has no list for."""
    code = "nb" if lang == "nn" else (lang or "en")
    if not code.isalpha():
        return frozenset()
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(str(word).lower() for word in getattr(module, "STOP_WORDS", ()))
