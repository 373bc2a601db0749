"""Evidence against names: calendar words and capitalised common nouns the NER took for names.

Rules use only what the article itself shows, so they hold for any model and language:
- a weekday or month name (from the temporal grammar) is no entity, and one that the NER ran into
  a name is cut off ("TV 2 tirsdag" -> "TV 2");
- a one-word name that opens a sentence, is written in lower case elsewhere in the text and never
  with a capital inside a sentence is a common noun ("Øvelsen startet ..." ... "øvelsen");
- a one-word person that opens a sentence, that the tagger calls a common noun, and that the
  article never writes again is no person ("Meth seizures rose").
"""

from __future__ import annotations

from collections import Counter

from newsgraph.entities.document import Document, Mention

# Tokens that open a sentence as a full stop does: a quotation dash or an opening quote.
OPENERS = frozenset({"–", "—", "-", "«", "“", '"', "'", "‘", "(", ":"})
KNOWN_SOURCES = frozenset({"gazetteer"})


def sentence_initial(doc: Document, index: int) -> bool:
    """Whether token `index` opens a sentence, a line, or a quotation."""
    if index == 0 or doc.segments[index] != doc.segments[index - 1]:
        return True
    return doc.tokens[index - 1].text in OPENERS and (
        index == 1 or doc.segments[index - 2] != doc.segments[index]
    )


class WordEvidence:
    """How the article writes each word: lower case anywhere, capitalised inside a sentence."""

    def __init__(self, doc: Document) -> None:
        self.lowercase: set[str] = set()
        self.inner_capitals: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        for index, token in enumerate(doc.tokens):
            text = token.text
            self.counts[text.casefold()] += 1
            if text.islower():
                self.lowercase.add(text)
            elif text[:1].isupper() and not sentence_initial(doc, index):
                self.inner_capitals[text] += 1


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
    evidence = WordEvidence(doc)
    for mention in mentions:
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
    return kept
