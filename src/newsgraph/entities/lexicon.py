"""A language's entity knowledge read from resources: titles, role patterns, organisation nouns.

Loaded once per language per process from resources/<lang>/titles.toml, organisations.toml,
entities.toml and speech_verbs.toml, resources/common/media.toml, and the weekday and month names
of the temporal grammar; the engine only asks questions of these tables, so adding a language adds
files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from newsgraph.entities.patterns import Pattern, parse_pattern
from newsgraph.resources import COMMON, base_language, load_resource
from newsgraph.temporal.grammar import load_grammar

# Compound titles with an unknown first part still count when that part is at least this long.
MIN_UNKNOWN_PREFIX = 3
# A compound organisation name ("Arbeiderpartiet") has at least this many letters before its head.
MIN_COMPOUND_PREFIX = 3
# Word tables of the temporal grammar whose words are calendar names, never entity names.
CALENDAR_TABLES = ("weekday_name", "month_name")
# Title readings remembered per language before the memory is cleared (a batch runs for long).
TITLE_CACHE_SIZE = 200_000
SPEECH_VERB_FORMS = ("infinitive", "present", "past", "perfect", "participle")


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
    """A national institution named without its country ("Forsvaret", "the Kremlin").

    `sector` is its actor sector (GOV, LEG, MIL ...); `common_noun` marks a name that is also
    the definite form of a common noun ("Regjeringen", "Politiet"): the NER's span of it is
    typed, but the word alone is not taken for the name.
    """

    country: str | None
    canonical: str
    sector: str | None = None
    common_noun: bool = False


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
    media: dict[str, Institution] = field(default_factory=dict)
    media_first_words: frozenset[str] = frozenset()
    speech_forms: frozenset[str] = frozenset()
    adjective_after_noun: bool = False
    nouns_capitalised: bool = False
    common_noun_endings: tuple[str, ...] = ()
    # The language's number words (time.toml [words.number]): no person's name opens with one.
    number_words: frozenset[str] = frozenset()
    # Auxiliaries of quotes.toml: "», a déclaré X" opens an inverted cue clause like "», dit X".
    auxiliaries: frozenset[str] = frozenset()
    # Adverbs and articles of quotes.toml: "», rappelle ainsi X", "», précise la toxicologue X".
    speech_adverbs: frozenset[str] = frozenset()
    speech_articles: frozenset[str] = frozenset()
    speech_asides: tuple[tuple[str, ...], ...] = ()
    tell_forms: frozenset[str] = frozenset()
    addressee_particles: frozenset[str] = frozenset()
    source_cues: tuple[tuple[str, ...], ...] = ()
    calendar_words: frozenset[str] = frozenset()
    calendar_lowercase: bool = False
    # Words that end an organisation's name ("Council"), and lower-case words that may continue
    # the name after one ("Centre for Human Rights"); see organisations.toml [names].
    name_heads: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    compound_name_heads: frozenset[str] = frozenset()
    title_cache: dict[str, TitleReading | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def is_calendar_word(self, word: str, sentence_initial: bool) -> bool:
        """Whether a word is a weekday or month name ("Monday", "Tirsdag" opening a sentence).

        Where the language writes these names in lower case, a capital mid-sentence makes a name.
        """
        lowered = word.lower()
        if lowered not in self.calendar_words:
            return False
        return not self.calendar_lowercase or sentence_initial or word == lowered

    def title(self, phrase: str) -> TitleReading | None:
        """Read a title phrase as written ("forsvarsministeren", "Deputy Foreign Minister").

        The reading's `base` is the phrase in indefinite form, in the case it was written.
        Readings are remembered: role matching asks about the same words many times.
        """
        if phrase in self.title_cache:
            return self.title_cache[phrase]
        openers = self._title_openers
        if openers is not None:
            # Role matching asks about every few words before each capitalised word: nearly
            # all of them open no title of several words.
            words = phrase.split(maxsplit=1)
            if len(words) > 1 and words[0].lower() not in openers:
                return None
        if len(self.title_cache) >= TITLE_CACHE_SIZE:
            self.title_cache.clear()
        reading = self._read_title(phrase)
        self.title_cache[phrase] = reading
        return reading

    def _read_title(self, phrase: str) -> TitleReading | None:
        written = " ".join(phrase.split())
        words = written.lower()
        for modifier, qualifier in self._modifiers_longest_first:
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

    @cached_property
    def _compound_parts(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """The one-word titles and heads, each with its canonical form and its place in the
        titles-then-heads order `_compound` reads them in (a word may be both)."""
        parts: dict[str, list[tuple[int, str]]] = {}
        for place, (known, canonical) in enumerate((*self.titles.items(), *self.heads.items())):
            if " " not in known:
                parts.setdefault(known, []).append((place, canonical))
        return {known: tuple(entries) for known, entries in parts.items()}

    @cached_property
    def _title_openers(self) -> frozenset[str] | None:
        """The first words of the titles of several words and of the modifiers: a phrase of
        several words that opens with another word reads as no title (`_read_title` finds it
        neither after a modifier, nor among the titles, nor, a definite suffix cut off its last
        word, among them). None where a definite suffix holds a space (cutting it off could
        leave one word, a compound)."""
        if any(suffix.split() != [suffix] for _, suffix in self.definite if suffix):
            return None
        keys = [key.split() for key in self.titles if " " in key.strip()]
        keys += [key.split() for key in self.modifiers if key.strip()]
        return frozenset(key[0] for key in keys)

    @cached_property
    def _modifiers_longest_first(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.modifiers.items(), key=lambda kv: -len(kv[0])))

    def _compound(self, word: str) -> str | None:
        """Read a compound title: a known first part (or any long one) plus a known title/head."""
        # The known parts that end the word and are shorter than it, looked up by the word's
        # suffixes rather than by testing every title and head.
        parts = self._compound_parts
        endings = sorted(
            (place, word[cut:], canonical)
            for cut in range(1, len(word) + 1)
            for place, canonical in parts.get(word[cut:], ())
        )
        best: str | None = None
        for _, known, canonical in endings:
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

    def is_name_head(self, word: str) -> bool:
        """Whether a word ends an organisation's name: a head ("Council", "rådet") or a compound
        word ending in a compound head ("Arbeiderpartiet")."""
        lowered = word.casefold()
        if lowered in self.name_heads:
            return True
        if not word.isalpha():
            return False
        return any(
            lowered.endswith(head) and len(lowered) - len(head) >= MIN_COMPOUND_PREFIX
            for head in self.compound_name_heads
        )

    def strip_genitive(self, name: str) -> str | None:
        """The name without its genitive suffix, or None if it has none."""
        for suffix in sorted(self.genitive_suffixes, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
        return None

    def institution(self, name: str) -> Institution | None:
        """A national institution by name, or by its genitive ("Forsvarets")."""
        for table in (self.institutions, self.media):
            if name in table:
                return table[name]
        base = self.strip_genitive(name)
        if not base:
            return None
        return self.institutions.get(base) or self.media.get(base)


def _forms(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {
        " ".join(form.lower().split()): str(entry["canonical"])
        for entry in entries
        for form in entry.get("forms", [])
    }


def _media() -> dict[str, Institution]:
    """News media and agencies by every name they are written with (resources/common)."""
    table: dict[str, Institution] = {}
    for outlet in load_resource(COMMON, "media").get("outlets", []):
        names = [str(name) for name in outlet.get("names", [])]
        for name in names:
            canonical = str(outlet.get("canonical") or name)
            table[name] = Institution(outlet.get("country"), canonical)
    return table


def _speech_forms(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """All forms of the language's speech verbs, and those of verbs whose object is the addressee."""
    verbs = load_resource(lang, "speech_verbs").get("verbs", {})
    every: set[str] = set()
    tell: set[str] = set()
    for entry in verbs.values():
        forms = {str(f).lower() for key in SPEECH_VERB_FORMS for f in entry.get(key, [])}
        every.update(forms)
        if entry.get("tell"):
            tell.update(forms)
    return frozenset(every), frozenset(tell)


def _calendar(lang: str) -> tuple[frozenset[str], bool]:
    """Weekday and month names from the temporal grammar, and whether they are written lower case."""
    grammar = load_grammar(lang)
    words = frozenset(w for table in CALENDAR_TABLES for w in grammar.words.get(table, {}))
    lowercase = set(grammar.setting("lowercase_tables", []))
    return words, bool(lowercase & set(CALENDAR_TABLES))


def _number_words(lang: str) -> frozenset[str]:
    """The number words of the temporal grammar ("zwei", "hundert")."""
    return frozenset(w.casefold() for w in load_grammar(lang).words.get("number", {}))


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
    speech_forms, tell_forms = _speech_forms(folder)
    sources = names.get("sources", {})
    calendar_words, calendar_lowercase = _calendar(folder)
    media = _media()
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
        adjective_after_noun=bool(org_rules.get("adjective_after_noun", False)),
        nouns_capitalised=bool(names.get("nouns_capitalised", False)),
        common_noun_endings=tuple(w.lower() for w in names.get("common_noun_endings", [])),
        number_words=_number_words(folder),
        institutions={
            name: Institution(
                value.get("country"),
                str(value.get("canonical", name)),
                value.get("sector"),
                bool(value.get("common_noun", False)),
            )
            for name, value in orgs.get("institutions", {}).items()
        },
        genitive_suffixes=tuple(names.get("genitive_suffixes", ())),
        not_names=frozenset(w.lower() for w in names.get("not_names", [])),
        title_max_words=max((len(k.split()) for k in (*title_words, *modifiers)), default=1),
        media=media,
        media_first_words=frozenset(name.split()[0] for name in media),
        speech_forms=speech_forms | {w.lower() for w in sources.get("addressee_verbs", [])},
        auxiliaries=frozenset(
            w.lower()
            for w in load_resource(folder, "quotes").get("grammar", {}).get("auxiliaries", [])
        ),
        speech_adverbs=frozenset(
            w.lower() for w in load_resource(folder, "quotes").get("grammar", {}).get("adverbs", [])
        ),
        speech_asides=tuple(
            tuple(phrase.lower().split())
            for phrase in load_resource(folder, "quotes").get("grammar", {}).get("asides", [])
        ),
        speech_articles=frozenset(
            w.lower()
            for key in ("determiners", "possessives")
            for w in load_resource(folder, "quotes").get("grammar", {}).get(key, [])
        ),
        tell_forms=tell_forms,
        addressee_particles=frozenset(w.lower() for w in sources.get("addressee_particles", [])),
        source_cues=tuple(tuple(c.lower().split()) for c in sources.get("cues", [])),
        calendar_words=calendar_words,
        calendar_lowercase=calendar_lowercase,
        name_heads=frozenset(w.casefold() for w in orgs.get("names", {}).get("heads", [])),
        name_joiners=frozenset(w.casefold() for w in orgs.get("names", {}).get("joiners", [])),
        compound_name_heads=frozenset(
            w.casefold() for w in orgs.get("names", {}).get("compound_heads", [])
        ),
    )
