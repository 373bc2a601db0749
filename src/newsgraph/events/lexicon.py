"""Trigger lexicons: resources/<lang>/events.toml read into trigger rules, cue word lists and frames.

A word pattern is a sequence of elements separated by spaces. An element is a glob over the
lower-cased word or its lemma (`besøk*`, `visit|visits|visited`); `…` (or `...`) between two
elements allows up to `max_gap` words between them; a leading `=` marks the element that anchors
the event (its head word for the parse), otherwise the first element anchors it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import translate
from functools import lru_cache
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.events.ontology import Ontology, load_ontology
from newsgraph.events.words import Word
from newsgraph.resources import base_language, load_resource, load_typed
from newsgraph.resources.schemas import SpeechVerbs

FRAMES = ("visit", "reception", "meet", "joint", "directed", "allegation")
GAP_MARKS = ("…", "...")
DEFAULT_MAX_GAP = 6
MEMO_SIZE = 20_000


GLOB_SPECIALS = frozenset("*?[")
NO_NUMBERS: frozenset[int] = frozenset()
# Sentences whose word keys `sentence_keys` remembers (the coder asks dozens of cue lists about
# each sentence, not always one right after another).
SENTENCE_MEMO_SIZE = 256

WordKey = tuple[str, str]
# The forms and lemmas of a sentence that open a pattern of an index, and its word beginnings
# that are opening prefixes (see `StartIndex._keys_to_scan`).
Openers = tuple[frozenset[str], tuple[str, ...]]
# A sentence's word keys in order, their set, the set of its non-empty forms and lemmas, and
# the set of their beginnings (every prefix of each).
SentenceKeySets = tuple[tuple[WordKey, ...], frozenset[WordKey], frozenset[str], frozenset[str]]


class SentenceKeys:
    """The (form, lemma) keys of the words of recently scanned sentences, by the identity of the
    (immutable) word tuple, each with the set of its keys, of its forms and lemmas and of their
    beginnings: a cue list that no word of a sentence can start is answered with a set
    comparison or two instead of a look-up per word."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[tuple[Word, ...], SentenceKeySets]] = {}

    def of(self, words: Sequence[Word]) -> SentenceKeySets | None:
        """The keys of a word tuple, their set and the set of the words' forms and lemmas (None
        for other sequences, which may change)."""
        if type(words) is not tuple:
            return None
        entry = self.known.get(id(words))
        # The entry holds the tuple itself, so its id is never reused while the entry lives.
        if entry is None or entry[0] is not words:
            if len(self.known) >= SENTENCE_MEMO_SIZE:
                self.known.clear()
            keys = tuple((word.lower, word.lemma) for word in words)
            texts = frozenset([text for key in keys for text in key if text])
            heads = frozenset({text[:size] for text in texts for size in range(1, len(text) + 1)})
            entry = self.known[id(words)] = (words, (keys, frozenset(keys), texts, heads))
        return entry[1]


sentence_keys = SentenceKeys()


@dataclass(frozen=True)
class Element:
    """One position of a pattern: its alternatives and the gap allowed before it.

    Alternatives are split by shape because most are plain words or prefixes (`besøk*`): a set
    look-up and `startswith` cost a fraction of a regular-expression match, and the index of
    pattern starts (StartIndex) can find them with dictionary look-ups.
    """

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    others: tuple[re.Pattern[str], ...]
    gap: int

    def accepts(self, word: Word) -> bool:
        """Whether the word (or its lemma) matches one of the alternatives."""
        return self.accepts_text(word.lower) or (bool(word.lemma) and self.accepts_text(word.lemma))

    def accepts_text(self, text: str) -> bool:
        """Whether one lower-cased word form matches one of the alternatives."""
        # Called millions of times an hour of news, mostly to say no: the empty alternative
        # kinds are skipped without building a generator.
        if text in self.exact:
            return True
        if self.prefixes and text.startswith(self.prefixes):
            return True
        return bool(self.others) and any(g.fullmatch(text) for g in self.others)


def compile_element(options: Sequence[str], gap: int) -> Element:
    """An element from glob alternatives: plain words, `prefix*` globs and any other glob."""
    exact: set[str] = set()
    prefixes: list[str] = []
    others: list[re.Pattern[str]] = []
    for option in options:
        text = option.lower()
        if not GLOB_SPECIALS.intersection(text):
            exact.add(text)
        elif text.endswith("*") and not GLOB_SPECIALS.intersection(text[:-1]):
            prefixes.append(text[:-1])
        else:
            others.append(re.compile(translate(text)))
    return Element(frozenset(exact), tuple(prefixes), tuple(others), gap)


# One element after a pattern's first, as `match_after` tests it: (exact, prefixes, others, gap).
Step = tuple[frozenset[str], tuple[str, ...], tuple[re.Pattern[str], ...], int]


@dataclass(frozen=True)
class Pattern:
    """A compiled word pattern."""

    source: str
    elements: tuple[Element, ...]
    anchor: int
    # The elements after the first as plain tuples: `match_after` runs tens of thousands of times
    # an article (a candidate word, then mostly a no), and testing the alternatives inline costs
    # half of two method calls per word.
    steps: tuple[Step, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        steps = tuple((e.exact, e.prefixes, e.others, e.gap) for e in self.elements[1:])
        object.__setattr__(self, "steps", steps)

    def match_at(self, words: Sequence[Word], first: int) -> list[int] | None:
        """Word indices matched when the pattern starts at `first`, or None."""
        if not self.elements[0].accepts(words[first]):
            return None
        return self.match_after(words, first)

    def match_after(self, words: Sequence[Word], first: int) -> list[int] | None:
        """`match_at` for a word the first element is known to accept (a candidate of the
        pattern's StartIndex): only the elements after it are tried."""
        matched = [first]
        last = first
        size = len(words)
        # Element.accepts inline: the form, then the lemma, against each kind of alternative.
        for exact, prefixes, others, gap in self.steps:
            for index in range(last + 1, min(size, last + 2 + gap)):
                word = words[index]
                text = word.lower
                if (
                    text in exact
                    or (prefixes and text.startswith(prefixes))
                    or (others and any(g.fullmatch(text) for g in others))
                ):
                    break
                text = word.lemma
                if text and (
                    text in exact
                    or (prefixes and text.startswith(prefixes))
                    or (others and any(g.fullmatch(text) for g in others))
                ):
                    break
            else:
                return None
            matched.append(index)
            last = index
        return matched

    def find(
        self, words: Sequence[Word], lo: int = 0, hi: int | None = None
    ) -> Iterator[list[int]]:
        """Every match starting in [lo, hi)."""
        stop = len(words) if hi is None else min(hi, len(words))
        for first in range(lo, stop):
            found = self.match_at(words, first)
            if found is not None:
                yield found


def opening_words(keys: Sequence[WordKey], openers: Openers, lo: int, stop: int) -> Iterator[int]:
    """Indices in range(lo, stop) of the words that may start a pattern of an index of plain words
    and prefixes: a word whose form or lemma is one of the opening words, or begins with one of
    the opening prefixes the sentence holds (`StartIndex._keys_to_scan`)."""
    texts, prefixes = openers
    for index in range(lo, stop):
        lower, lemma = keys[index]
        if (
            lower in texts
            or lemma in texts
            or (prefixes and (lower.startswith(prefixes) or lemma.startswith(prefixes)))
        ):
            yield index


class StartIndex:
    """Which patterns of a list can start at a word, by look-ups on their first elements.

    Trying every pattern at every word of a sentence costs patterns x words matches; the
    lexicons hold hundreds of patterns, so the first words are indexed instead: plain words in a
    dictionary, prefixes in a dictionary per prefix length, other globs tested one by one.
    """

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.exact: dict[str, list[int]] = {}
        self.prefixes: dict[str, list[int]] = {}
        self.others: list[tuple[int, tuple[re.Pattern[str], ...]]] = []
        for number, pattern in enumerate(patterns):
            first = pattern.elements[0]
            for text in first.exact:
                self.exact.setdefault(text, []).append(number)
            for prefix in first.prefixes:
                self.prefixes.setdefault(prefix, []).append(number)
            if first.others:
                self.others.append((number, first.others))
        self.lengths = tuple(sorted({len(prefix) for prefix in self.prefixes}))
        # Patterns that open with plain words or prefixes (no other glob, no bare `*`): a
        # sentence none of whose forms and lemmas is one of those words or begins with one of
        # those prefixes starts none of them (two set comparisons).
        self.plain_only = not self.others and "" not in self.prefixes
        self.prefix_set = frozenset(self.prefixes)
        self.exact_set = frozenset(self.exact)
        # Patterns that open with plain words only.
        self.words_only = not self.others and not self.prefixes
        # A word form is looked up by many cue lists and many times per sentence; a bounded
        # memo keeps that to one dictionary hit without growing with an archive's vocabulary.
        self.memo: dict[str, frozenset[int]] = {}
        # The same for a word's (form, lemma) pair, in the sorted order `candidates` needs: most
        # words start no pattern, and a sentence is scanned by many phrase sets. The pairs that
        # start none are kept apart, as a set a sentence's keys are compared with.
        self.word_memo: dict[WordKey, tuple[int, ...]] = {}
        self.no_start: set[WordKey] = set()

    def _starting(self, text: str) -> frozenset[int]:
        known = self.memo.get(text)
        if known is not None:
            return known
        # Every new word of an article is asked here by each of a hundred indexes, and most
        # start nothing: the misses cost look-ups only, no sets built along the way.
        found = list(self.exact.get(text, ()))
        prefixes = self.prefixes
        size = len(text)
        for length in self.lengths:
            if length > size:
                break
            numbers = prefixes.get(text[:length])
            if numbers:
                found.extend(numbers)
        for number, globs in self.others:
            if any(g.fullmatch(text) for g in globs):
                found.append(number)
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        result = self.memo[text] = frozenset(found) if found else NO_NUMBERS
        return result

    def starting(self, word: Word) -> frozenset[int]:
        """Numbers of the patterns whose first element accepts the word."""
        found = self._starting(word.lower)
        if word.lemma:
            other = self._starting(word.lemma)
            return (found | other if found else other) if other else found
        return found

    def word_starting(self, word: Word) -> tuple[int, ...]:
        """`starting` in increasing order, memoised by the word's form and lemma."""
        key = (word.lower, word.lemma)
        known = self.word_memo.get(key)
        if known is not None:
            return known
        if key in self.no_start:
            return ()
        numbers = self.starting(word)
        result = tuple(sorted(numbers)) if numbers else ()
        if result:
            if len(self.word_memo) >= MEMO_SIZE:
                self.word_memo.clear()
            self.word_memo[key] = result
        else:
            if len(self.no_start) >= MEMO_SIZE:
                self.no_start.clear()
            self.no_start.add(key)
        return result

    def candidates(self, words: Sequence[Word], lo: int, stop: int) -> list[tuple[int, int]]:
        """(pattern number, word index) pairs for the words in range(lo, stop) that may start a
        match, ordered by pattern and then by word as a pattern-by-pattern scan would meet them."""
        pairs: list[tuple[int, int]] = []
        scan = self._keys_to_scan(words, lo, stop)
        if scan is None:
            return pairs
        keys, openers = scan
        if openers is not None:
            for index in opening_words(keys, openers, lo, stop):
                pairs.extend((number, index) for number in self.word_starting(words[index]))
            if len(pairs) > 1:
                pairs.sort()
            return pairs
        memo, no_start = self.word_memo, self.no_start
        for index in range(lo, stop):
            key = keys[index]
            numbers = memo.get(key)
            if numbers is None:
                if key in no_start:
                    continue
                numbers = self.word_starting(words[index])
            if numbers:
                pairs.extend((number, index) for number in numbers)
        if len(pairs) > 1:
            pairs.sort()
        return pairs

    def any_match(self, patterns: Sequence[Pattern], words: Sequence[Word]) -> bool:
        """Whether one of `patterns` (the indexed list) matches somewhere in the words: the
        candidates of `candidates` tried word by word, stopping at the first match (whether any
        matches does not depend on the order they are tried in)."""
        scan = self._keys_to_scan(words, 0, len(words))
        if scan is None:
            return False
        keys, openers = scan
        if openers is not None:
            for index in opening_words(keys, openers, 0, len(keys)):
                for number in self.word_starting(words[index]):
                    if patterns[number].match_after(words, index) is not None:
                        return True
            return False
        memo, no_start = self.word_memo, self.no_start
        for index, key in enumerate(keys):
            numbers = memo.get(key)
            if numbers is None:
                if key in no_start:
                    continue
                numbers = self.word_starting(words[index])
            for number in numbers:
                if patterns[number].match_after(words, index) is not None:
                    return True
        return False

    def _keys_to_scan(
        self, words: Sequence[Word], lo: int, stop: int
    ) -> tuple[Sequence[WordKey], Openers | None] | None:
        """The words' (form, lemma) keys, or None when the sentence's key sets show that no word
        in range(lo, stop) starts a pattern; with them, for an index of plain words and prefixes
        only, the sentence's forms and lemmas that are opening words and its beginnings that
        are opening prefixes (a word starts a pattern exactly when its form or lemma is one of
        the former or begins with one of the latter), else None."""
        known = sentence_keys.of(words)
        if known is None:
            return [(word.lower, word.lemma) for word in words], None
        keys, key_set, texts, heads = known
        if self.plain_only:
            opening = texts & self.exact_set
            prefixes = heads & self.prefix_set
            if not opening and not prefixes:
                return None
            return keys, (opening, tuple(prefixes))
        whole = lo == 0 and stop >= len(words)
        no_start = self.no_start
        if (whole and key_set <= no_start) or (lo > 0 and no_start.issuperset(keys[lo:stop])):
            return None
        return keys, None


def compile_pattern(source: str, max_gap: int = DEFAULT_MAX_GAP) -> Pattern:
    """Compile one word pattern; ConfigError when it is empty."""
    elements: list[Element] = []
    anchor = 0
    gap = 0
    for part in source.split():
        if part in GAP_MARKS:
            gap = max_gap
            continue
        if part.startswith("=") and len(part) > 1:
            anchor = len(elements)
            part = part[1:]
        options = [option for option in part.split("|") if option]
        elements.append(compile_element(options, gap))
        gap = 0
    if not elements:
        raise ConfigError(f"events.toml: empty word pattern {source!r}")
    return Pattern(source=source, elements=tuple(elements), anchor=anchor)


@dataclass(frozen=True)
class PhraseSet:
    """A list of patterns used as a cue (negations, speech verbs, ...)."""

    patterns: tuple[Pattern, ...] = ()
    starts: StartIndex = field(init=False, repr=False, compare=False)
    single_words: StartIndex = field(init=False, repr=False, compare=False)
    # Names already looked at by `in_name` (an article repeats its names: one organisation
    # mentioned a thousand times is matched once).
    name_hits: dict[str, bool] = field(init=False, repr=False, compare=False)
    # `any_span` answers for recently asked sentences, by the identity of the (immutable) word
    # tuple: the coder asks the topic cues about every sentence for the sentence and again for
    # the page.
    sentence_hits: dict[int, tuple[tuple[Word, ...], bool]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", StartIndex(self.patterns))
        singles = [pattern for pattern in self.patterns if len(pattern.elements) == 1]
        object.__setattr__(self, "single_words", StartIndex(singles))
        object.__setattr__(self, "name_hits", {})
        object.__setattr__(self, "sentence_hits", {})

    def in_name(self, name: str) -> bool:
        """Whether some pattern matches inside a name (hyphens read as spaces)."""
        hit = self.name_hits.get(name)
        if hit is None:
            hit = bool(self.spans(name_words(name)))
            if len(self.name_hits) >= MEMO_SIZE:
                self.name_hits.clear()
            self.name_hits[name] = hit
        return hit

    def spans(self, words: Sequence[Word], lo: int = 0, hi: int | None = None) -> list[list[int]]:
        """Every match inside [lo, hi) as word index lists."""
        stop = len(words) if hi is None else hi
        found = []
        for number, first in self.starts.candidates(words, lo, min(stop, len(words))):
            match = self.patterns[number].match_after(words, first)
            if match is not None and match[-1] < stop:
                found.append(match)
        return found

    def leads_to(
        self,
        words: Sequence[Word],
        lo: int,
        first: int,
        reach: int,
        passes: Callable[[Word], bool],
    ) -> bool:
        """Whether a match inside [lo, first) governs the word at `first`: at most `reach` words
        stand between its end and `first`, and every one of them `passes` ("tried to carry out
        an attack", "despite the repeated attacks": a cue, words of a phrase, the trigger)."""
        for span in self.spans(words, lo, first):
            between = words[span[-1] + 1 : first]
            if len(between) <= reach and all(passes(word) for word in between):
                return True
        return False

    def any_span(self, words: Sequence[Word]) -> bool:
        """Whether some pattern matches inside the words (`bool(spans(words))`, stopping at the
        first match)."""
        if type(words) is not tuple:
            return self._any_span(words)
        known = self.sentence_hits.get(id(words))
        # The entry holds the tuple itself, so its id is never reused while the entry lives.
        if known is not None and known[0] is words:
            return known[1]
        hit = self._any_span(words)
        if len(self.sentence_hits) >= SENTENCE_MEMO_SIZE:
            self.sentence_hits.clear()
        self.sentence_hits[id(words)] = (words, hit)
        return hit

    def _any_span(self, words: Sequence[Word]) -> bool:
        return self.starts.any_match(self.patterns, words)

    def matches_word(self, word: Word) -> bool:
        """Whether a one-word pattern of the set accepts `word`."""
        return bool(self.single_words.word_starting(word))

    def starts_at(self, words: Sequence[Word], index: int) -> list[int] | None:
        """The longest match starting at `index`, if any."""
        if not self.patterns:
            return None
        best: list[int] | None = None
        for number in self.starts.word_starting(words[index]):
            found = self.patterns[number].match_after(words, index)
            if found is not None and (best is None or len(found) > len(best)):
                best = found
        return best


def name_words(name: str) -> tuple[Word, ...]:
    """A name as words (hyphens read as spaces), offsets within the name."""
    pieces = name.replace("-", " ").split()
    words, offset = [], 0
    for number, piece in enumerate(pieces):
        words.append(
            Word(
                index=number, start=offset, end=offset + len(piece), text=piece, lower=piece.lower()
            )
        )
        offset += len(piece) + 1
    return tuple(words)


NO_PHRASES = PhraseSet()


@dataclass(frozen=True)
class TriggerRule:
    """Words that report one kind of event, and how to read its participants."""

    category: str
    mode: str | None
    frame: str
    patterns: tuple[Pattern, ...]
    context: PhraseSet = field(default_factory=PhraseSet)
    actor_types: tuple[str, ...] = ()
    unilateral: tuple[str, str | None] | None = None
    weight: float = 0.5
    # Object nouns the rule's sense needs (newsgraph.events.sense); empty: any object.
    objects: PhraseSet = field(default_factory=PhraseSet)
    # Whether the trigger verb needs such an object at all ("returned the islands", not "returned
    # home"); only where the parse gives objects.
    needs_object: bool = False
    # Whether a one-word match counts only where the parse does not tag it a noun ("lover" =
    # laws, not "promises").
    verb: bool = False
    # Whether a doer the roles name must be political ("Olav Johansen ringte Forsvaret" is a
    # private call, "the airline offered to fly the cat" a service).
    political_doer: bool = False

    @property
    def specificity(self) -> int:
        """Longer patterns are more specific; used to choose among overlapping matches."""
        return max(len(p.elements) for p in self.patterns)


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific the event coder needs for one language."""

    lang: str
    rules: tuple[TriggerRule, ...]
    cues: dict[str, PhraseSet]
    prepositions: dict[str, PhraseSet]
    actor_groups: dict[str, tuple[str, ...]]
    verb_second: bool = False
    # Whether a modal's or auxiliary's verb closes its clause ("will … unterzeichnen").
    verb_final: bool = False
    dash_quotes: bool = False
    # Endings that turn a nationality adjective into its people ("Palestinian" -> "Palestinians").
    nationality_plurals: tuple[str, ...] = ()
    # Per category, the objects that cancel a trigger of it (`[not_event_anchors]`).
    not_event_anchors: dict[str, PhraseSet] = field(default_factory=dict)
    trigger_patterns: tuple[tuple[TriggerRule, Pattern], ...] = field(
        init=False, repr=False, compare=False
    )
    trigger_starts: StartIndex = field(init=False, repr=False, compare=False)
    # Cue lists joined into one (`any_cue`), by their names.
    unions: dict[tuple[str, ...], PhraseSet] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = tuple((rule, pattern) for rule in self.rules for pattern in rule.patterns)
        object.__setattr__(self, "trigger_patterns", pairs)
        object.__setattr__(self, "trigger_starts", StartIndex([pattern for _, pattern in pairs]))
        object.__setattr__(self, "unions", {})

    def trigger_candidates(
        self, words: Sequence[Word]
    ) -> Iterator[tuple[TriggerRule, Pattern, int]]:
        """(rule, pattern, first word) wherever a trigger pattern may start, in the order of a scan
        rule by rule, pattern by pattern, word by word."""
        for number, first in self.trigger_starts.candidates(words, 0, len(words)):
            rule, pattern = self.trigger_patterns[number]
            yield rule, pattern, first

    def cue(self, name: str) -> PhraseSet:
        """The cue list called `name` (empty when the language has none)."""
        return self.cues.get(name, NO_PHRASES)

    def any_cue(self, names: tuple[str, ...]) -> PhraseSet:
        """The cue lists called `names` as one list: its `any_span` says whether one of theirs
        would, in one scan of the words instead of one a list."""
        joined = self.unions.get(names)
        if joined is None:
            patterns = tuple(pattern for name in names for pattern in self.cue(name).patterns)
            joined = self.unions[names] = PhraseSet(patterns)
        return joined

    def preposition(self, name: str) -> PhraseSet:
        """The prepositions that mark the role `name` (with, between, agent, ...)."""
        return self.prepositions.get(name, NO_PHRASES)


def _phrases(values: Any, where: str, max_gap: int) -> PhraseSet:
    if not isinstance(values, list):
        raise ConfigError(f"events.toml: {where} must be a list of word patterns")
    return PhraseSet(tuple(compile_pattern(str(v), max_gap) for v in values))


def _unilateral(value: Any, ontology: Ontology) -> tuple[str, str | None] | None:
    if not value:
        return None
    category, _, mode = str(value).partition(".")
    ontology.check_mode(category, mode or None)
    return ontology.category(category).name, mode or None


def _rule(table: dict[str, Any], ontology: Ontology, max_gap: int, lang: str) -> TriggerRule:
    category = ontology.category(str(table.get("category", ""))).name
    mode = table.get("mode") or None
    ontology.check_mode(category, mode)
    frame = str(table.get("frame", "directed"))
    if frame not in FRAMES:
        raise ConfigError(f"resources/{lang}/events.toml: unknown frame {frame!r} ({category})")
    words = table.get("words")
    if not words:
        raise ConfigError(f"resources/{lang}/events.toml: a {category} trigger has no words")
    return TriggerRule(
        category=category,
        mode=mode,
        frame=frame,
        patterns=_phrases(words, f"{category}.words", max_gap).patterns,
        context=_phrases(table.get("context", []), f"{category}.context", max_gap),
        actor_types=tuple(str(t) for t in table.get("actor_types", [])),
        unilateral=_unilateral(table.get("unilateral"), ontology),
        weight=float(table.get("weight", 0.5)),
        objects=_phrases(table.get("objects", []), f"{category}.objects", max_gap),
        needs_object=bool(table.get("needs_object", False)),
        verb=bool(table.get("verb", False)),
        political_doer=bool(table.get("political_doer", False)),
    )


def speech_cue(lang: str, extra: Sequence[str]) -> list[str]:
    """The speech cue of the event coder: every form of the language's speech verbs (one list,
    resources/<lang>/speech_verbs.toml, shared with quotes and entities) plus the extra forms of
    `[cues].speech`. Verbs that name (`kalte det ...`) or are themselves coded acts (warn, urge,
    deny: `act = true`) are left out; a particle verb counts with its particle ("la til")."""
    verbs = load_typed(lang, "speech_verbs", SpeechVerbs)
    words: dict[str, None] = dict.fromkeys(str(value) for value in extra)
    for entry in verbs.verbs.values():
        if entry.naming or entry.act:
            continue
        particle = f" {entry.particle.lower()}" if entry.particle else ""
        words.update(dict.fromkeys(form + particle for form in entry.forms()))
    return list(words)


@lru_cache(maxsize=16)
def load_lexicon(lang: str | None) -> Lexicon:
    """The event lexicon of a language (Nynorsk uses Bokmål's); empty when there is none."""
    code = base_language(lang)
    data = load_resource(code, "events")
    ontology = load_ontology()
    max_gap = int(data.get("max_gap", DEFAULT_MAX_GAP))
    rules = tuple(_rule(t, ontology, max_gap, code) for t in data.get("trigger", []))
    cue_words = {str(name): list(values) for name, values in data.get("cues", {}).items()}
    cue_words["speech"] = speech_cue(code, cue_words.get("speech", []))
    cues = {name: _phrases(values, f"cues.{name}", max_gap) for name, values in cue_words.items()}
    prepositions = {
        str(name): _phrases(values, f"prepositions.{name}", max_gap)
        for name, values in data.get("prepositions", {}).items()
    }
    groups = {
        " ".join(str(name).lower().split()): tuple(str(c).upper() for c in codes)
        for name, codes in data.get("actor_groups", {}).items()
    }
    anchors = {
        ontology.category(str(name)).name: _phrases(values, f"not_event_anchors.{name}", max_gap)
        for name, values in data.get("not_event_anchors", {}).items()
    }
    syntax = data.get("syntax", {})
    return Lexicon(
        code,
        rules,
        cues,
        prepositions,
        groups,
        verb_second=bool(syntax.get("verb_second", False)),
        verb_final=bool(syntax.get("verb_final", False)),
        dash_quotes=bool(syntax.get("dash_quotes", False)),
        nationality_plurals=tuple(str(e) for e in syntax.get("nationality_plurals", [])),
        not_event_anchors=anchors,
    )
