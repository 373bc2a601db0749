"""A language's entity knowledge read from resources: titles, role patterns, organisation nouns.

Loaded once per language per process from resources/<lang>/titles.toml, organisations.toml and
entities.toml; the engine only asks questions of these tables, so adding a language adds files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.entities.patterns import Pattern, parse_pattern
from newsgraph.resources import base_language, load_resource

# Compound titles with an unknown first part still count when that part is at least this long.
MIN_UNKNOWN_PREFIX = 3


@dataclass(frozen=True)
class TitleReading:
    """What a title word or phrase means."""

    canonical: str
    definite: bool
    base: str


@dataclass(frozen=True)
class OrgNoun:
    """An organisation noun and its canonical English head ("forsvarsdepartementet")."""

    canonical: str
    genitive: bool


@dataclass(frozen=True)
class Institution:
    """A national institution named without its country ("Forsvaret")."""

    country: str | None
    canonical: str


def _lower_keys(table: dict[str, Any]) -> dict[str, str]:
    return {" ".join(key.lower().split()): str(value) for key, value in table.items()}


@dataclass(frozen=True)
class Lexicon:
    """Titles, patterns, organisation nouns and name rules of one language."""

    lang: str
    titles: dict[str, str]
    heads: dict[str, str]
    prefixes: dict[str, str]
    modifiers: dict[str, str]
    definite: tuple[tuple[str, str], ...]
    conjunctions: frozenset[str]
    patterns: tuple[Pattern, ...]
    org_nouns: dict[str, str]
    org_heads: dict[str, str]
    determiners: frozenset[str]
    include_determiner: bool
    institutions: dict[str, Institution]
    genitive_suffixes: tuple[str, ...]
    not_names: frozenset[str]

    title_max_words: int

    def title(self, phrase: str) -> TitleReading | None:
        """Read a title phrase as written ("forsvarsministeren", "Deputy Foreign Minister").

        The reading's `base` is the phrase in indefinite form, in the case it was written.
        """
        written = " ".join(phrase.split())
        words = written.lower()
        for modifier, qualifier in sorted(self.modifiers.items(), key=lambda kv: -len(kv[0])):
            if words.startswith(modifier + " "):
                rest = self.title(written[len(modifier) + 1 :])
                if rest is None:
                    return None
                base = f"{written[: len(modifier)]} {rest.base}"
                return TitleReading(f"{qualifier} {rest.canonical}", rest.definite, base)
        canonical = self._indefinite(words)
        if canonical is not None:
            return TitleReading(canonical, False, written)
        for ending, suffix in self.definite:
            if suffix and words.endswith(suffix):
                stem = words[: -len(suffix)]
                if stem.endswith(ending):
                    canonical = self._indefinite(stem)
                    if canonical is not None:
                        return TitleReading(canonical, True, written[: -len(suffix)])
        return None

    def _indefinite(self, words: str) -> str | None:
        if words in self.titles:
            return self.titles[words]
        if " " in words:
            return None
        return self._compound(words)

    def _compound(self, word: str) -> str | None:
        """Read a compound title: a known first part (or any long one) plus a known title/head."""
        best: str | None = None
        for known, canonical in (*self.titles.items(), *self.heads.items()):
            if " " in known or not word.endswith(known) or len(known) >= len(word):
                continue
            raw_prefix = word[: -len(known)]
            prefix = raw_prefix.rstrip("-")
            long_enough = len(prefix) >= MIN_UNKNOWN_PREFIX or raw_prefix.endswith("-")
            if prefix in self.prefixes:
                reading = f"{self.prefixes[prefix]} {canonical}"
            elif long_enough and known in self.heads:
                reading = canonical
            else:
                continue
            if best is None or len(reading) > len(best):
                best = reading
        return best

    def org_noun(self, phrase: str) -> OrgNoun | None:
        """Read an organisation noun as written, maybe in the genitive ("marinens")."""
        words = " ".join(phrase.lower().split())
        found = self._org_noun(words)
        if found is not None:
            return OrgNoun(found, False)
        for suffix in self.genitive_suffixes:
            if words.endswith(suffix):
                found = self._org_noun(words[: -len(suffix)])
                if found is not None:
                    return OrgNoun(found, True)
        return None

    def _org_noun(self, words: str) -> str | None:
        if words in self.org_nouns:
            return self.org_nouns[words]
        for head, canonical in self.org_heads.items():
            if " " not in words and words.endswith(head) and len(words) > len(head):
                return canonical
        return None

    def strip_genitive(self, name: str) -> str | None:
        """The name without its genitive suffix, or None if it has none."""
        for suffix in sorted(self.genitive_suffixes, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
        return None

    def institution(self, name: str) -> Institution | None:
        """A national institution by name, or by its genitive ("Forsvarets")."""
        if name in self.institutions:
            return self.institutions[name]
        base = self.strip_genitive(name)
        return self.institutions.get(base) if base else None


def _forms(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {
        " ".join(form.lower().split()): str(entry["canonical"])
        for entry in entries
        for form in entry.get("forms", [])
    }


@lru_cache(maxsize=16)
def load_lexicon(lang: str | None) -> Lexicon:
    """The entity lexicon of a language (Nynorsk falls back to Bokmål)."""
    folder = base_language(lang)
    titles = load_resource(folder, "titles")
    orgs = load_resource(folder, "organisations")
    names = load_resource(folder, "entities")
    title_rules = titles.get("rules", {})
    title_words = _lower_keys(titles.get("titles", {}))
    modifiers = _lower_keys(titles.get("modifiers", {}))
    org_rules = orgs.get("rules", {})
    return Lexicon(
        lang=folder,
        titles=title_words,
        heads=_lower_keys(titles.get("heads", {})),
        prefixes=_lower_keys(titles.get("prefixes", {})),
        modifiers=modifiers,
        definite=tuple((str(e), str(s)) for e, s in title_rules.get("definite", [])),
        conjunctions=frozenset(w.lower() for w in title_rules.get("conjunctions", [])),
        patterns=tuple(parse_pattern(text) for text in titles.get("patterns", [])),
        org_nouns=_forms(orgs.get("nouns", [])),
        org_heads=_forms(orgs.get("heads", [])),
        determiners=frozenset(w.lower() for w in org_rules.get("determiners", [])),
        include_determiner=bool(org_rules.get("include_determiner", True)),
        institutions={
            name: Institution(value.get("country"), str(value.get("canonical", name)))
            for name, value in orgs.get("institutions", {}).items()
        },
        genitive_suffixes=tuple(names.get("genitive_suffixes", ())),
        not_names=frozenset(w.lower() for w in names.get("not_names", [])),
        title_max_words=max((len(k.split()) for k in (*title_words, *modifiers)), default=1),
    )
