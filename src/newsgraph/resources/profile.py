"""One profile per language: which resource files serve it and so which layers it gets.

A language's profile is its resource folder (`resources/<lang>/`, Nynorsk reading Bokmål's) with
every file checked against its schema. `docs/languages.md` is this table in words; a test keeps
the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.resources import base_language, load_resource, resource_languages
from newsgraph.resources.schemas import LANGUAGE_SCHEMAS

# The resource files each language-dependent layer reads; a layer works when all are present.
LAYER_FILES: dict[str, tuple[str, ...]] = {
    "cleaning": ("cleaning",),
    "titles": ("titles", "organisations", "entities"),
    "countries": ("countries",),
    "quotes": ("quotes", "speech_verbs"),
    "times": ("time",),
    "events": ("events",),
}


@dataclass(frozen=True)
class LanguageProfile:
    """The resource files a language has (all schema-checked) and the layers they enable."""

    lang: str
    folder: str | None
    files: frozenset[str]

    def has(self, name: str) -> bool:
        """Whether the language has resources/<folder>/<name>.toml."""
        return name in self.files

    def layers(self) -> dict[str, bool]:
        """Each language-dependent layer and whether the language's files enable it."""
        return {
            layer: all(self.has(name) for name in names) for layer, names in LAYER_FILES.items()
        }


@lru_cache(maxsize=32)
def language_profile(lang: str) -> LanguageProfile:
    """The profile of a language; loading it checks every file of its folder."""
    folder = base_language(lang)
    if folder not in resource_languages():
        return LanguageProfile(lang, None, frozenset())
    files = frozenset(name for name in LANGUAGE_SCHEMAS if load_resource(folder, name))
    return LanguageProfile(lang, folder, files)
