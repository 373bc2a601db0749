"""Which sentences of an article later stages read a dependency parse in.

The parser is a third of the nlp stage's cost, but only two engines read what it gives (`dep`,
`head`): the quotes engine, for the subject of a speech verb, and the event coder, for the
subject and object of a trigger. Both work sentence by sentence, and only in sentences holding
one of their cues: a speech verb form or an attribution phrase ("according to", `quotes.toml` and
`speech_verbs.toml`), or an event trigger pattern (`events.toml`). Everything else (entities,
times, tense) reads parts of speech, which the tagger gives for every sentence.

`ParseNeeds` marks the words that start or belong to such a cue; the nlp stage parses the
sentences holding one and leaves the others with sentence boundaries from a punctuation rule and
no dependencies (`dep == ""`, each token its own head), which every reader treats as "no parse"
(the event coder's `has_deps`, the resolvers' subject tests). Trigger patterns are matched in full
(a pattern's first word alone, such as "on" or "has", would select most sentences); a match may
run past a sentence's end, which only ever parses one sentence more.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from newsgraph.events.lexicon import Lexicon, load_lexicon
from newsgraph.events.words import Word
from newsgraph.quotes.lexicon import load_quote_lexicon


class ParseNeeds:
    """The cue words of one language: speech verbs, attribution phrases and event triggers."""

    def __init__(self, speech_forms: frozenset[str], events: Lexicon | None) -> None:
        self.speech_forms = speech_forms
        self.events = events

    @property
    def empty(self) -> bool:
        """Whether the language has no cue at all (then nothing needs a parse)."""
        return not self.speech_forms and (self.events is None or not self.events.rules)

    def cue_words(self, lowers: Sequence[str], lemmas: Sequence[str]) -> list[bool]:
        """For each word (lower-cased form and lemma), whether it belongs to a cue."""
        flags = [lower in self.speech_forms for lower in lowers]
        if self.events is None or not self.events.rules:
            return flags
        words = scan_words(lowers, lemmas)
        for _, pattern, first in self.events.trigger_candidates(words):
            if flags[first] and len(pattern.elements) == 1:
                continue
            matched = pattern.match_after(words, first)
            if matched is not None:
                for index in matched:
                    flags[index] = True
        return flags


def scan_words(lowers: Sequence[str], lemmas: Sequence[str]) -> list[Word]:
    """The words a trigger scan reads (lower-cased form as text, lemma), one per token, equal to
    `Word(n, 0, 0, lower, lower, lemma)` (made by `Word.of_token`: a page's ~750 words are made
    here)."""
    of_token = Word.of_token
    return [
        of_token(n, 0, 0, lower, lemma, "", "", None)
        for n, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True))
    ]


@lru_cache(maxsize=16)
def parse_needs(lang: str) -> ParseNeeds:
    """The cues of a language (its resources' base language: Nynorsk reads Bokmål's files)."""
    quotes = load_quote_lexicon(lang)
    forms = set(quotes.verb_forms)
    forms.update(phrase[0] for phrase in quotes.attribution_phrases if phrase)
    events = load_lexicon(lang)
    return ParseNeeds(frozenset(forms), events if events.rules else None)
