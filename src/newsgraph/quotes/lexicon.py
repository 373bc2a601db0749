"""The language knowledge of quotation finding, read from resources/<lang>/quotes.toml and
speech_verbs.toml into one immutable lexicon per language.

Engine code asks the lexicon ("is this word a speech verb? which marks pair up?") and never names
a word of any language itself, so adding a language means adding its two resource files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.resources import COMMON, base_language, load_resource, resource_version

TENSES = ("infinitive", "present", "past", "perfect", "participle")


@dataclass(frozen=True)
class SpeechVerb:
    """One speech verb and what its grammar implies for attribution."""

    lemma: str
    tell: bool = False
    naming: bool = False
    bare_clause: bool = False
    particle: str | None = None


@dataclass(frozen=True)
class VerbForm:
    """A written form of a speech verb with the tenses it can stand for."""

    verb: SpeechVerb
    tenses: tuple[str, ...]

    @property
    def participle(self) -> bool:
        """A participle ("adding") takes the subject of the clause it hangs on."""
        return self.tenses == ("participle",)


def _words(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values)


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything language-specific the quotes engine needs (lowercased where words)."""

    lang: str
    mark_pairs: tuple[tuple[str, str], ...] = ()
    dialogue_dashes: frozenset[str] = frozenset()
    weak_dialogue_dashes: frozenset[str] = frozenset()
    verb_forms: Mapping[str, VerbForm] = field(default_factory=dict)
    attribution_phrases: tuple[tuple[str, ...], ...] = ()
    closing_phrases: tuple[tuple[str, ...], ...] = ()
    view_phrases: tuple[tuple[str, ...], ...] = ()
    source_links: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    anonymous_nouns: frozenset[str] = frozenset()
    person_subject: frozenset[str] = frozenset()
    person_object: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    generic_pronouns: frozenset[str] = frozenset()
    organisation_pronouns: frozenset[str] = frozenset()
    anaphoric: frozenset[str] = frozenset()
    verb_second: bool = False
    complementizers: frozenset[str] = frozenset()
    addressee_prepositions: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    complementizer_blockers: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    definite_suffixes: tuple[str, ...] = ()
    plural_endings: tuple[str, ...] = ()
    plural_exceptions: tuple[str, ...] = ()
    naming_links: frozenset[str] = frozenset()
    audience_nouns: tuple[tuple[str, ...], ...] = ()
    asides: tuple[tuple[str, ...], ...] = ()
    leader_nouns: frozenset[str] = frozenset()
    indefinite_determiners: frozenset[str] = frozenset()
    neuter_determiners: frozenset[str] = frozenset()
    reported_mood: frozenset[str] = frozenset()
    report_openers: frozenset[str] = frozenset()
    inversion_openers: frozenset[str] = frozenset()
    object_clitics: frozenset[str] = frozenset()
    holder_prepositions: frozenset[str] = frozenset()
    agent_prepositions: frozenset[str] = frozenset()
    objects_before_subject: frozenset[str] = frozenset()
    noun_markers: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    max_gap_to_complementizer: int = 5
    abbreviations: frozenset[str] = frozenset()
    version: str = ""

    def verb(self, word: str) -> VerbForm | None:
        """The speech-verb reading of a word, if it has one."""
        return self.verb_forms.get(word.lower())

    def is_pronoun(self, word: str) -> bool:
        """Any pronoun the lexicon knows (person or group)."""
        lower = word.lower()
        return (
            lower in self.person_subject
            or lower in self.person_object
            or lower in self.plural_pronouns
            or lower in self.organisation_pronouns
        )

    @cached_property
    def function_words(self) -> frozenset[str]:
        """Prepositions, adverbs and auxiliaries: words that never head a noun phrase."""
        return self.prepositions | self.adverbs | self.auxiliaries

    def is_plural(self, word: str) -> bool:
        """Whether a lower-case noun reads as plural by its ending ("authors", "forskerne")."""
        lower = word.lower()
        if not word.islower() or lower.endswith(self.plural_exceptions):
            return False
        return any(lower.endswith(e) and len(lower) > len(e) + 2 for e in self.plural_endings)

    def noun_bases(self, word: str) -> list[str]:
        """The word and its stems without a definite ending ("ministeren" -> "minister")."""
        lower = word.lower()
        bases = [lower]
        for suffix in sorted(self.definite_suffixes, key=len, reverse=True):
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                bases.append(lower[: -len(suffix)])
        return bases


def _verb_forms(table: Mapping[str, Any], where: str) -> dict[str, VerbForm]:
    forms: dict[str, list[str]] = {}
    verbs: dict[str, SpeechVerb] = {}
    for lemma, entry in table.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: [verbs.{lemma}] must be a table of forms and flags")
        particle = entry.get("particle")
        verb = SpeechVerb(
            lemma=lemma,
            tell=bool(entry.get("tell", False)),
            naming=bool(entry.get("naming", False)),
            bare_clause=bool(entry.get("bare_clause", False)),
            particle=str(particle).lower() if particle else None,
        )
        for tense in TENSES:
            for form in entry.get(tense, []):
                key = str(form).lower()
                if key in verbs and verbs[key].lemma != lemma:
                    continue  # the first verb listing a form keeps it
                verbs[key] = verb
                forms.setdefault(key, [])
                if tense not in forms[key]:
                    forms[key].append(tense)
    return {key: VerbForm(verbs[key], tuple(tenses)) for key, tenses in forms.items()}


def _pairs(raw: Iterable[Any], where: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for pair in raw:
        if not (isinstance(pair, list) and len(pair) == 2 and all(len(str(m)) == 1 for m in pair)):
            raise ConfigError(f"{where}: each [marks] pair must be two single characters")
        pairs.append((str(pair[0]), str(pair[1])))
    return tuple(pairs)


def build_lexicon(lang: str, quotes: Mapping[str, Any], verbs: Mapping[str, Any]) -> QuoteLexicon:
    """Build a lexicon from the parsed quotes.toml and speech_verbs.toml tables."""
    where = f"resources/{lang}/quotes.toml"
    marks = quotes.get("marks", {})
    attribution = quotes.get("attribution", {})
    pronouns = quotes.get("pronouns", {})
    grammar = quotes.get("grammar", {})
    sentences = quotes.get("sentences", {})
    return QuoteLexicon(
        lang=lang,
        mark_pairs=_pairs(marks.get("pairs", []), where),
        dialogue_dashes=frozenset(marks.get("dialogue_dashes", [])),
        weak_dialogue_dashes=frozenset(marks.get("weak_dialogue_dashes", [])),
        verb_forms=_verb_forms(verbs.get("verbs", {}), f"resources/{lang}/speech_verbs.toml"),
        attribution_phrases=tuple(
            tuple(phrase.lower().split()) for phrase in attribution.get("phrases", [])
        ),
        closing_phrases=tuple(
            tuple(phrase.lower().split()) for phrase in attribution.get("closing_phrases", [])
        ),
        view_phrases=tuple(
            tuple(phrase.lower().split()) for phrase in attribution.get("view_phrases", [])
        ),
        source_links=_words(attribution.get("source_links", [])),
        relation_nouns=_words(attribution.get("relation_nouns", [])),
        anonymous_nouns=_words(attribution.get("anonymous_nouns", [])),
        person_subject=_words(pronouns.get("person_subject", [])),
        person_object=_words(pronouns.get("person_object", [])),
        plural_pronouns=_words(pronouns.get("plural", [])),
        generic_pronouns=_words(pronouns.get("generic", [])),
        organisation_pronouns=_words(pronouns.get("organisation", [])),
        anaphoric=_words(pronouns.get("anaphoric", [])),
        verb_second=bool(grammar.get("verb_second", False)),
        complementizers=_words(grammar.get("complementizers", [])),
        addressee_prepositions=_words(grammar.get("addressee_prepositions", [])),
        prepositions=_words(grammar.get("prepositions", [])),
        coordinators=_words(grammar.get("coordinators", [])),
        relative_pronouns=_words(grammar.get("relative_pronouns", [])),
        determiners=_words(grammar.get("determiners", [])),
        possessives=_words(grammar.get("possessives", [])),
        auxiliaries=_words(grammar.get("auxiliaries", [])),
        adverbs=_words(grammar.get("adverbs", [])),
        complementizer_blockers=_words(grammar.get("complementizer_blockers", [])),
        subordinators=_words(grammar.get("subordinators", [])),
        definite_suffixes=tuple(str(s).lower() for s in grammar.get("definite_suffixes", [])),
        plural_endings=tuple(str(s).lower() for s in grammar.get("plural_endings", [])),
        plural_exceptions=tuple(str(s).lower() for s in grammar.get("plural_exceptions", [])),
        naming_links=_words(grammar.get("naming_links", [])),
        audience_nouns=tuple(
            tuple(noun.lower().split()) for noun in grammar.get("audience_nouns", [])
        ),
        asides=tuple(tuple(phrase.lower().split()) for phrase in grammar.get("asides", [])),
        leader_nouns=_words(grammar.get("leader_nouns", [])),
        indefinite_determiners=_words(grammar.get("indefinite_determiners", [])),
        neuter_determiners=_words(grammar.get("neuter_determiners", [])),
        reported_mood=_words(grammar.get("reported_mood", [])),
        report_openers=_words(grammar.get("report_openers", [])),
        inversion_openers=_words(grammar.get("inversion_openers", [])),
        object_clitics=_words(grammar.get("object_clitics", [])),
        holder_prepositions=_words(grammar.get("holder_prepositions", [])),
        agent_prepositions=_words(grammar.get("agent_prepositions", [])),
        objects_before_subject=_words(grammar.get("objects_before_subject", [])),
        noun_markers=_words(grammar.get("noun_markers", [])),
        name_particles=_words(grammar.get("name_particles", [])),
        max_gap_to_complementizer=int(grammar.get("max_gap_to_complementizer", 5)),
        abbreviations=_words(sentences.get("abbreviations", [])),
        version=f"{resource_version(lang, 'quotes')}+{resource_version(lang, 'speech_verbs')}",
    )


@lru_cache(maxsize=16)
def load_quote_lexicon(lang: str | None) -> QuoteLexicon:
    """The quotation lexicon of a language (Nynorsk falls back to Bokmål's files)."""
    folder = base_language(lang)
    quotes = dict(load_resource(folder, "quotes"))
    if "marks" not in quotes:
        quotes["marks"] = load_resource(COMMON, "quotes").get("marks", {})
    return build_lexicon(folder, quotes, load_resource(folder, "speech_verbs"))
