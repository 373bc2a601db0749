"""Per-language data files: resources/<lang>/<name>.toml, plus resources/common/.

Language knowledge lives here, not in engine code: adding a language means adding a folder.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.errors import ConfigError

COMMON = "common"


def resource_languages() -> list[str]:
    """Languages that have a resource folder."""
    root = resources.files(__name__)
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and entry.name not in (COMMON, "__pycache__")
    )


@lru_cache(maxsize=256)
def load_resource(lang: str, name: str) -> dict[str, Any]:
    """Load resources/<lang>/<name>.toml; an absent file gives an empty table."""
    path = resources.files(__name__).joinpath(lang, f"{name}.toml")
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"resources/{lang}/{name}.toml: invalid TOML ({error})") from error


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
    available = resource_languages()
    if lang in available:
        return lang
    if lang == "nn" and "nb" in available:
        return "nb"
    return lang
