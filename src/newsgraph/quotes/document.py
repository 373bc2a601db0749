"""The article as the quotes engine reads it: paragraphs, quote-aware sentences and words.

Paragraphs and words come from the shared text view (`newsgraph.text`): tokens of the NLP layer
when the article has them (with parts of speech and dependencies), its surface tokenizer
otherwise, so the engine runs on bare text too. Sentences are split here rather than taken from
the NLP layer: a quotation's sentence must not end
inside its quote marks ("«Vi er klare. Det er vi», sa hun." is one sentence), and the rule must be
the same with or without a model.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsgraph.model import Article
from newsgraph.quotes.lexicon import QuoteLexicon
from newsgraph.quotes.marks import MarkedSpan, MarkScanner
from newsgraph.text import TextView, surface_words, text_view
from newsgraph.text.records import filled

SENTENCE_END = frozenset(".!?…")
SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")
CLOSING_TRAIL = frozenset(")]»”\"’'›“«‹")
SENTENCE_TAIL = SENTENCE_END | CLOSING_TRAIL
# Abbreviations are short: a longer run without spaces before a period is never one.
MAX_ABBREVIATION_CHARS = 40


@dataclass(frozen=True)
class Word:
    """A token: offsets into the text, with POS and dependency when a model gave them."""

    index: int
    start: int
    end: int
    text: str
    pos: str = ""
    dep: str = ""
    head: int | None = None

    @classmethod
    def of_token(
        cls, index: int, start: int, end: int, text: str, pos: str, dep: str, head: int | None
    ) -> Word:
        """A word equal to `Word(...)` with the same fields, made for every token of an article
        without the frozen dataclass's __init__ (`newsgraph.text.records.filled`)."""
        return filled(
            cls, index=index, start=start, end=end, text=text, pos=pos, dep=dep, head=head
        )

    @property
    def lower(self) -> str:
        """Lowercased text."""
        return self.text.lower()

    @property
    def is_punct(self) -> bool:
        """Whether the word is punctuation only (an abbreviation's full stop is not)."""
        return not any(char.isalnum() for char in self.text)

    @property
    def capitalized(self) -> bool:
        """Whether the word starts with an uppercase letter."""
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span, its paragraph, and its words as the range [first, last)."""

    index: int
    start: int
    end: int
    paragraph: int
    first: int
    last: int


class QuoteText:
    """Paragraphs, sentences, words and quote marks of one article's text."""

    def __init__(self, article: Article, lexicon: QuoteLexicon) -> None:
        self.view = text_view(article)
        self.text = self.view.text
        self.lang = article.lang
        self.lexicon = lexicon
        self.paragraphs = self.view.paragraphs
        scanner = MarkScanner(lexicon.mark_pairs, frozenset(lexicon.verb_forms))
        self.marks: list[MarkedSpan] = []
        for start, end in self.paragraphs:
            self.marks.extend(scanner.scan(self.text, start, end))
        self.words = build_words(self.view, lexicon)
        self._word_starts = [word.start for word in self.words]
        self.sentences = self._split_sentences()
        self._sentence_starts = [sentence.start for sentence in self.sentences]

    def words_in(self, start: int, end: int) -> list[Word]:
        """Words that start inside [start, end)."""
        lo = bisect_left(self._word_starts, start)
        hi = bisect_left(self._word_starts, end)
        return self.words[lo:hi]

    def word_at(self, offset: int) -> int | None:
        """Index of the word covering or starting after `offset` (None past the end)."""
        index = bisect_right(self._word_starts, offset) - 1
        if index >= 0 and self.words[index].end > offset:
            return index
        index += 1
        return index if index < len(self.words) else None

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence holding an offset."""
        # Sentences are ordered and disjoint: only the last one starting at or before can hold it.
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding an offset (the previous one between paragraphs)."""
        return self.view.paragraph_of(offset)

    def _protected(self) -> list[tuple[int, int]]:
        """Stretches where no sentence may end: inside top-level quotes, before their last char."""
        return [(m.inner_start, m.inner_end - 1) for m in self.marks if m.depth == 0]

    def _split_sentences(self) -> list[Sentence]:
        protected = Stretches(self._protected())
        sentences: list[Sentence] = []
        for paragraph, (start, end) in enumerate(self.paragraphs):
            for s_start, s_end in self._sentence_spans(start, end, protected):
                words = self.words_in(s_start, s_end)
                first = words[0].index if words else bisect_left(self._word_starts, s_start)
                last = words[-1].index + 1 if words else first
                sentences.append(Sentence(len(sentences), s_start, s_end, paragraph, first, last))
        return sentences

    def _sentence_spans(self, start: int, end: int, protected: Stretches) -> list[tuple[int, int]]:
        spans = []
        current = start
        i = start
        stop = start
        while i < end:
            # Only an end mark can end a sentence: jump to the next one.
            found = SENTENCE_END_RE.search(self.text, i, end)
            if found is None:
                break
            i = found.start()
            if not protected.holds(i):
                # Every mark of one run of end marks shares the run's end: found once per run.
                if stop <= i:
                    stop = i + 1
                    while stop < end and self.text[stop] in SENTENCE_TAIL:
                        stop += 1
                if self._ends_sentence(i, stop, end):
                    spans.append((current, stop))
                    current = stop
                    while current < end and self.text[current].isspace():
                        current += 1
                    i = current
                    continue
            i += 1
        if current < end:
            spans.append((current, end))
        return spans

    def _ends_sentence(self, mark: int, stop: int, end: int) -> bool:
        if stop >= end:
            return True
        if not self.text[stop].isspace():
            return False
        following = stop
        while following < end and self.text[following].isspace():
            following += 1
        if following >= end:
            return True
        nxt = self.text[following]
        if not (nxt.isupper() or nxt.isdigit() or not nxt.isalnum()):
            return False
        if self.text[mark] != ".":
            return True
        return not self._abbreviation_before(mark)

    def _abbreviation_before(self, period: int) -> bool:
        begin = period
        while begin > 0 and not self.text[begin - 1].isspace():
            begin -= 1
            if period - begin > MAX_ABBREVIATION_CHARS:
                return False
        token = self.text[begin : period + 1].lower().lstrip("(«“\"'")
        if token in self.lexicon.abbreviations:
            return True
        stem = token[:-1]
        return len(stem) == 1 and stem.isalpha()


def phrase_at(words: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words from index i spell a lowercased phrase ("according", "to")."""
    span = words[i : i + len(phrase)]
    return len(span) == len(phrase) and all(w.lower == p for w, p in zip(span, phrase, strict=True))


class Stretches:
    """Spans of a text, asked whether they hold an offset in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest end among the spans starting at or before each index.
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))

    def holds(self, offset: int) -> bool:
        """Whether some span has start <= offset < end."""
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.reach[index]


def build_words(view: TextView, lexicon: QuoteLexicon) -> list[Word]:
    """Words from the view's tokens when they fit its text, else from its surface tokenizer."""
    text = view.text
    # (start, end, pos, dep, key of the head): keys are token indices, or positions for regex words
    raw: list[tuple[int, int, str, str, int | None]] = []
    keys: list[int] = []
    if view.tokens_fit:
        for token in view.tokens:
            raw.append((token.start, token.end, token.pos, token.dep, token.head))
            keys.append(token.i)
    else:
        for n, word in enumerate(surface_words(text)):
            raw.append((word.start, word.end, "", "", None))
            keys.append(n)
    return _merge_abbreviations(text, raw, keys, lexicon)


def _merge_abbreviations(
    text: str,
    raw: list[tuple[int, int, str, str, int | None]],
    keys: list[int],
    lexicon: QuoteLexicon,
) -> list[Word]:
    """Join a full stop to the abbreviation or initial before it ("Lt" + "." -> "Lt.")."""
    merged: list[tuple[int, int, str, str, int | None]] = []
    word_of_key: dict[int, int] = {}
    n = 0
    while n < len(raw):
        start, end, pos, dep, head = raw[n]
        word_of_key[keys[n]] = len(merged)
        token = text[start:end]
        nxt = raw[n + 1] if n + 1 < len(raw) else None
        if nxt is not None and nxt[0] == end and text[nxt[0] : nxt[1]] == ".":
            joined = (token + ".").lower()
            if joined in lexicon.abbreviations or (len(token) == 1 and token.isupper()):
                word_of_key[keys[n + 1]] = len(merged)
                end = nxt[1]
                n += 1
        merged.append((start, end, pos, dep, head))
        n += 1
    of_token = Word.of_token
    return [
        of_token(
            i,
            start,
            end,
            text[start:end],
            pos,
            dep,
            word_of_key.get(head) if head is not None else None,
        )
        for i, (start, end, pos, dep, head) in enumerate(merged)
    ]
