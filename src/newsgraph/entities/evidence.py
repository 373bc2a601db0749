"""Evidence against names: calendar words and capitalised common nouns the NER took for names.

Rules use only what the article itself shows, so they hold for any model and language:
- a weekday or month name (from the temporal grammar) is no entity, and one that the NER ran into
  a name is cut off ("TV 2 tirsdag" -> "TV 2");
- a one-word name that opens a sentence, is written in lower case elsewhere in the text and never
  with a capital inside a sentence is a common noun ("Øvelsen startet ..." ... "øvelsen");
- a one-word person that opens a sentence, that the tagger calls a common noun, and that the
  article never writes again is no person ("Meth seizures rose");
- a sentence-opening word the NER ran into a name is cut off when it is a function word or adverb,
  or a verb the article also writes in lower case ("Yet Schiff", "Using Final Cut Pro"), and so
  is a lower-case function word or verb at its end ("Apple did", "Sun &");
- one surface keeps one type within an article ("Cloud City" a place twice and an ORG once);
- in a line written in title case or capitals (an English headline, "Biden's Envoy Visits Kyiv"),
  capitals say nothing: a name there keeps only its runs of words that the rest of the article
  writes with a capital or the gazetteer knows, when it has any ("Joe Biden Visits Kyiv Amid" ->
  "Biden", "Kyiv" after a body that writes "Biden" and "Kyiv"); those lines are no evidence for
  the rules above.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.entities.document import Document, Mention
from newsgraph.knowledge.given_names import given_names, name_key

# Parts of speech of a sentence-opening word that is no part of the name after it; verbs and
# auxiliaries only when the article also writes the word in lower case ("Will Smith" stays).
LEADING_WORD_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PRON", "DET", "ADP", "INTJ", "PART"})
LEADING_VERB_POS = frozenset({"VERB", "AUX"})
# Parts of speech of a lower-case last word that is no part of the name before it.
TRAILING_WORD_POS = frozenset(
    {"VERB", "AUX", "ADP", "PART", "CCONJ", "SCONJ", "PRON", "DET", "ADV"}
)
# Weight of a label backed by a lexicon (gazetteer, media, pattern) against the NER's.
BACKED_VOTE = 2
# Tokens that open a sentence as a full stop does: a quotation dash or an opening quote.
OPENERS = frozenset({"–", "—", "-", "«", "“", '"', "'", "‘", "(", ":"})
KNOWN_SOURCES = frozenset({"gazetteer"})
# A word shorter than this is never taken for a common noun by its ending alone.
MIN_NOUN_LENGTH = 5
# Shorter number words are names too often ("An", "Ni", "Tre") to rule a person out.
MIN_NUMBER_WORD = 4
# A line is in title case (or capitals) when it has at least this many words of HEADLINE_WORD_CHARS
# letters or more and every one of them begins with a capital.
HEADLINE_MIN_WORDS = 3
HEADLINE_WORD_CHARS = 4


def sentence_initial(doc: Document, index: int) -> bool:
    """Whether token `index` opens a sentence, a line, or a quotation."""
    if index == 0 or doc.segments[index] != doc.segments[index - 1]:
        return True
    return doc.tokens[index - 1].text in OPENERS and (
        index == 1 or doc.segments[index - 2] != doc.segments[index]
    )


def headline_segments(doc: Document) -> set[int]:
    """Lines written in title case or capitals, where a capital is no sign of a name: at least
    HEADLINE_MIN_WORDS words of HEADLINE_WORD_CHARS letters or more, all capitalised, and no full
    stop at the end (a short sentence of names, "Anniken Huitfeldt var i Kyiv.", is no headline)."""
    long_words: dict[int, list[str]] = {}
    last_token: dict[int, str] = {}
    for index, token in enumerate(doc.tokens):
        segment = doc.segments[index]
        last_token[segment] = token.text
        if token.text.isalpha() and len(token.text) >= HEADLINE_WORD_CHARS:
            long_words.setdefault(segment, []).append(token.text)
    return {
        segment
        for segment, words in long_words.items()
        if len(words) >= HEADLINE_MIN_WORDS
        and all(word[:1].isupper() for word in words)
        and last_token[segment] != "."
    }


class WordEvidence:
    """How the article writes each word: lower case anywhere, capitalised inside a sentence, and
    capitalised anywhere outside headline lines (title case or capitals)."""

    def __init__(self, doc: Document) -> None:
        self.lowercase: set[str] = set()
        self.inner_capitals: Counter[str] = Counter()
        self.capitals: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.headlines = headline_segments(doc)
        for index, token in enumerate(doc.tokens):
            text = token.text
            self.counts[text.casefold()] += 1
            if text.islower():
                self.lowercase.add(text)
            elif text[:1].isupper() and doc.segments[index] not in self.headlines:
                self.capitals[text] += 1
                if not sentence_initial(doc, index):
                    self.inner_capitals[text] += 1


def _loose_edges(doc: Document, mention: Mention, evidence: WordEvidence) -> None:
    """Cut a sentence-opening non-name word and lower-case function words at the end."""
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return
    first, last = span
    first += _cue_length(doc, first, last)
    while last - first > 1 and _loose_lead(doc, first, evidence):
        first += 1
    while last - first > 1 and _loose_tail(doc, last - 1):
        last -= 1
    if (first, last) != span:
        mention.start = max(mention.start, doc.tokens[first].start)
        mention.end = min(mention.end, doc.tokens[last - 1].end)
        mention.text = doc.text[mention.start : mention.end]


def headline_pieces(doc: Document, mention: Mention, evidence: WordEvidence) -> list[Mention]:
    """A name in a headline line cut into its runs of tokens that something outside headlines
    shows to be names (written with a capital there, or known to the gazetteer); a name with no
    such token stays whole."""
    span = doc.token_span(mention.start, mention.end)
    if span is None or doc.segments[span[0]] not in evidence.headlines:
        return [mention]

    def named(index: int) -> bool:
        text = doc.tokens[index].text
        return evidence.capitals[text] > 0 or bool(doc.gazetteer.lookup(text))

    runs: list[list[int]] = []
    for index in range(*span):
        if not named(index):
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    if not runs or runs == [list(range(*span))]:
        return [mention]
    pieces = []
    for run in runs:
        start, end = doc.tokens[run[0]].start, doc.tokens[run[-1]].end
        pieces.append(Mention(start, end, doc.text[start:end], mention.label, mention.source))
    return pieces


def _cue_length(doc: Document, first: int, last: int) -> int:
    """Tokens of a source cue the NER ran into a name ("Enligt TT", "According to Reuters")."""
    words = [doc.tokens[i].text.lower() for i in range(first, last)]
    for cue in doc.lexicon.source_cues:
        if len(cue) < len(words) and tuple(words[: len(cue)]) == cue:
            return len(cue)
    return 0


def _loose_lead(doc: Document, index: int, evidence: WordEvidence) -> bool:
    token = doc.tokens[index]
    if not sentence_initial(doc, index) or not doc.is_capitalised(index + 1):
        return False
    if token.pos in LEADING_WORD_POS:
        return True
    return token.pos in LEADING_VERB_POS and token.text.lower() in evidence.lowercase


def _loose_tail(doc: Document, index: int) -> bool:
    text = doc.tokens[index].text
    if not any(ch.isalnum() for ch in text):
        return text not in (".", ")")
    return text.islower() and doc.tokens[index].pos in TRAILING_WORD_POS


def _calendar_tail(doc: Document, mention: Mention) -> None:
    """Cut weekday and month names off the end of a longer name ("TV 2 tirsdag").

    A person keeps a capitalised one: "Theresa May" is a name.
    """
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return
    first, last = span
    while last - first > 1:
        word = doc.tokens[last - 1].text
        if not doc.lexicon.is_calendar_word(word, False):
            break
        if mention.label == "PER" and not word.islower():
            break
        last -= 1
    if last != span[1]:
        mention.end = doc.tokens[last - 1].end
        mention.text = doc.text[mention.start : mention.end]


def _is_calendar_name(doc: Document, mention: Mention, first: int, person_words: set[str]) -> bool:
    word = mention.text
    if word.casefold() in person_words:
        return False
    return doc.lexicon.is_calendar_word(word, sentence_initial(doc, first))


def _is_common_noun(
    doc: Document, mention: Mention, first: int, evidence: WordEvidence, other_words: set[str]
) -> bool:
    word = mention.text
    if not sentence_initial(doc, first) or word.isupper() or word.casefold() in other_words:
        return False
    if doc.gazetteer.lookup(word) or doc.lexicon.institution(word) is not None:
        return False
    if evidence.inner_capitals[word]:
        return False
    if word.lower() in evidence.lowercase:
        return True
    return (
        mention.label == "PER"
        and doc.tokens[first].pos == "NOUN"
        and evidence.counts[word.casefold()] == 1
    )


def drop_false_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """The mentions without calendar words and sentence-opening common nouns."""
    evidence = doc.evidence
    mentions = [piece for m in mentions for piece in headline_pieces(doc, m, evidence)]
    for mention in mentions:
        _loose_edges(doc, mention, evidence)
        _calendar_tail(doc, mention)
    multi = [m for m in mentions if " " in m.text]
    other_words = {word.casefold() for m in multi for word in m.text.split()}
    person_words = {word.casefold() for m in multi if m.label == "PER" for word in m.text.split()}
    kept = []
    for mention in mentions:
        span = doc.token_span(mention.start, mention.end)
        single = span is not None and span[1] - span[0] == 1
        if single and span is not None and mention.source not in KNOWN_SOURCES:
            if _is_calendar_name(doc, mention, span[0], person_words):
                continue
            if _is_common_noun(doc, mention, span[0], evidence, other_words):
                continue
        kept.append(mention)
    return [
        m
        for m in kept
        if not _is_false_person(doc, m, person_words) and not _is_false_place(doc, m)
    ]


def _is_false_person(doc: Document, mention: Mention, person_words: set[str]) -> bool:
    """A model PER that no person's name looks like: a name and a place after a slash ("Kakuma
    /Kenia"; "Peter/Pietro Alberthal", two spellings of one name, stays), one
    opening with a number word ("Hundert Kilometer"), or, where every noun is capitalised, a
    lone common noun by its ending ("Zulassung", "Gemeinschaft") or written after a definite
    article elsewhere in the article ("das Bargeld", "den Reisepass": no one's name takes one)
    that is neither a known given name nor a word of a full name in the article."""
    if mention.label != "PER" or mention.source in KNOWN_SOURCES:
        return False
    words = mention.text.split()
    if not words:
        return False
    if any(doc.gazetteer.lookup(part.strip()) for part in mention.text.split("/")[1:]):
        return True
    first = words[0].casefold()
    if words[0].isdigit() or (
        len(first) >= MIN_NUMBER_WORD
        and first in doc.lexicon.number_words
        and first not in given_names()
    ):
        return True
    if len(words) != 1 or not doc.lexicon.nouns_capitalised:
        return False
    key = name_key(words[0])
    if key in person_words or key in given_names():
        return False
    if _abstract_noun_ending(doc, key):
        return True
    return words[0] in doc.after_determiners and not doc.gazetteer.lookup(words[0])


def _is_false_place(doc: Document, mention: Mention) -> bool:
    """A model LOC of one word, where every noun is capitalised, that ends like an abstract
    noun ("Ausgangsbeschränkung", "Gesellschaft") and that neither the gazetteer nor the
    institution table knows: a common noun the model mistook for a place."""
    if mention.label != "LOC" or mention.source in KNOWN_SOURCES or mention.place is not None:
        return False
    if not doc.lexicon.nouns_capitalised or " " in mention.text or "-" in mention.text:
        return False
    word = mention.text
    if word.isupper() or doc.gazetteer.lookup(word) or doc.lexicon.institution(word) is not None:
        return False
    return _abstract_noun_ending(doc, word.casefold())


def _abstract_noun_ending(doc: Document, key: str) -> bool:
    """Whether a lower-cased word ends like an abstract or collective noun of the language
    (`common_noun_endings`: "-ung", "-schaft") and is long enough for its ending to tell."""
    return len(key) > MIN_NOUN_LENGTH and key.endswith(doc.lexicon.common_noun_endings)


def _vote(mention: Mention) -> int:
    backed = mention.place is not None or mention.source != "model"
    return BACKED_VOTE if backed else 1


def harmonise_labels(mentions: list[Mention]) -> None:
    """Give every mention of one surface the type most of them (lexicon-backed ones count
    double) have: one surface names one thing within an article. A person wins for a word of a
    person's full name."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.text, []).append(mention)
    name_parts = {
        word.casefold()
        for m in mentions
        if m.label == "PER" and " " in m.text
        for word in m.text.split()
    }
    for text, group in groups.items():
        if len({m.label for m in group}) < 2:
            continue
        votes: Counter[str] = Counter()
        for mention in group:
            votes[mention.label] += _vote(mention)
        label = max(votes, key=lambda key: (votes[key], -_first_offset(group, key)))
        if "PER" in votes and text.casefold() in name_parts:
            # a surname of a person named in full ("Jordan" after "Michael Jordan")
            label = "PER"
        model = next(m for m in group if m.label == label)
        for mention in group:
            if mention.label != label:
                mention.label = label
                mention.place = model.place
                mention.country = model.country


def _first_offset(group: list[Mention], label: str) -> int:
    return min(m.start for m in group if m.label == label)
