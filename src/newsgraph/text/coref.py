"""Who a pronoun means: one resolver for the quotes engine and the event coder.

"Han sa at ..." and "han skal møte Wang" in the same paragraph must point at the same person,
whichever engine reads them. The resolver looks back sentence by sentence (at most
`PRONOUN_REACH` sentences, never more than two paragraphs): in each, the latest person noted as a
speaker before the pronoun, else a person named there (the grammatical subject first, never one
named inside a quotation); failing that, the person named last before it. The quotes engine
notes speakers as it attributes cues in reading order; the event coder, which runs after it,
starts from the speakers of the quotes layer, and a pronoun that the quotes layer already
attributed ("sa han") takes that quote's speaker. A gendered pronoun ("hun", "elle", "sie")
never means a person known to be of the other gender (`newsgraph.text.gender`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.model import Article
from newsgraph.text.gender import PersonGenders, pronoun_gender, pronoun_words
from newsgraph.text.view import text_view

# How far back (in sentences) a pronoun looks for its person.
PRONOUN_REACH = 6
# How many paragraphs back a pronoun may look.
PARAGRAPH_REACH = 2


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as the resolver sees it: its number, span and paragraph."""

    index: int
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=16)
def subject_pronoun_pattern(pronouns: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of a language's subject pronouns as a whole word (compiled once a
    language, not once an article)."""
    subjects = "|".join(re.escape(p) for p in pronouns)
    return re.compile(rf"(?<!\w)(?:{subjects})(?!\w)", re.IGNORECASE)


class PronounResolver:
    """The person a "he"/"hun" at an offset most likely means, from the article's persons."""

    def __init__(
        self,
        article: Article,
        sentences: Sequence[SentenceSpan],
        subject_at: Callable[[int], bool],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.article = article
        self.sentences = list(sentences)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.subject_at = subject_at
        self.quoted = sorted(quoted)
        persons = sorted(
            (mention.start, mention.end, entity.id)
            for entity in article.entities
            if entity.type == "PER"
            for mention in entity.mentions
        )
        self._persons = persons
        self._person_starts = [start for start, _, _ in persons]
        self._person_ids = {entity_id for _, _, entity_id in persons}
        self._named = sorted(
            (
                (mention.start, entity)
                for entity in article.entities
                if entity.type in ("PER", "ORG")
                for mention in entity.mentions
            ),
            key=lambda found: found[0],
        )
        self._organisation_ids = {e.id for e in article.entities if e.type == "ORG"}
        self.speakers: dict[int, list[tuple[int, str]]] = {}
        # Every noted speaker in reading order (a role noun prefers a recent speaker).
        self.order: list[str] = []
        self._speaker_mentions: list[tuple[int, int, str]] = []
        self._genders: PersonGenders | None = None
        self._pronouns = pronoun_words(article.lang)
        self._subject_pronoun = subject_pronoun_pattern(
            tuple(sorted(self._pronouns.person_subject))
        )

    @classmethod
    def for_article(
        cls, article: Article, quoted: Sequence[tuple[int, int]] = ()
    ) -> PronounResolver:
        """A resolver over the shared text view, starting from the speakers of the quotes layer."""
        view = text_view(article)
        sentences = [
            SentenceSpan(number, sentence.start, sentence.end, view.paragraph_of(sentence.start))
            for number, sentence in enumerate(view.sentences)
        ]

        def subject_at(offset: int) -> bool:
            index = view.token_at(offset)
            return index is not None and view.tokens[index].dep.startswith("nsubj")

        resolver = cls(article, sentences, subject_at, quoted)
        for quote in sorted(article.quotes, key=lambda q: q.cue.start if q.cue else q.start):
            if quote.speaker is None or quote.cue is None:
                continue
            resolver.note_speaker(quote.cue.start, quote.speaker)
            if quote.speaker_mention is not None:
                mention = quote.speaker_mention
                resolver._speaker_mentions.append((mention.start, mention.end, quote.speaker))
        return resolver

    def sentence_of(self, offset: int) -> SentenceSpan | None:
        """The sentence holding an offset."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def note_speaker(self, offset: int, entity_id: str | None) -> None:
        """Record that the entity spoke at `offset` (a cue)."""
        if entity_id is None:
            return
        sentence = self.sentence_of(offset)
        key = sentence.index if sentence else -1
        self.speakers.setdefault(key, []).append((offset, entity_id))
        self.order.append(entity_id)

    def attributed_at(self, offset: int) -> str | None:
        """The speaker the quotes layer gave the speaker phrase covering `offset` ("sa han")."""
        for start, end, entity_id in self._speaker_mentions:
            if start <= offset < end:
                return entity_id
        return None

    def person_before(self, offset: int, avoid: Collection[str] = ()) -> str | None:
        """The person a pronoun at `offset` most likely means; never one in `avoid`, nor one
        known to be of the other gender than a gendered pronoun's."""
        if self._genders is None:
            self._genders = PersonGenders(self.article)
        other_gender = self._genders.excluded(offset)
        if other_gender:
            avoid = frozenset(avoid) | other_gender
        attributed = self.attributed_at(offset)
        if attributed is not None and attributed not in avoid:
            return attributed
        sentence = self.sentence_of(offset)
        if sentence is None:
            return None
        position = sentence.index
        gender = pronoun_gender(self.article.text, offset, self._pronouns)
        for back in range(position, max(-1, position - PRONOUN_REACH), -1):
            current = self.sentences[back]
            if sentence.paragraph - current.paragraph > PARAGRAPH_REACH:
                break
            limit = offset if back == position else current.end
            chained = self._same_pronoun_first(current, limit, gender) if back < position else None
            if chained is not None:
                return self.person_before(chained, avoid)
            found = self._person_in(current, limit, avoid)
            if found is not None:
                return found
        return self._last_person_before(offset, avoid)

    def _same_pronoun_first(
        self, sentence: SentenceSpan, end: int, gender: str | None
    ) -> int | None:
        """Where an earlier sentence opens with a subject pronoun of the same gender before any
        person it names ("She was more nervous than Rose-Lynn Harlan has ever been. “…,” she
        said."): the later pronoun goes on meaning what that one means, not the person named
        after it."""
        if gender is None:
            return None
        for found in self._subject_pronoun.finditer(self.article.text, sentence.start, end):
            at = found.start()
            lead = self.article.text[sentence.start : at].rstrip()
            opens = not lead or lead.endswith(",")  # a clause's first word, parsed or not
            if self._quoted(at) or not (opens or self.subject_at(at)):
                continue
            if pronoun_gender(self.article.text, at, self._pronouns) != gender:
                return None
            lo = bisect_left(self._person_starts, sentence.start)
            hi = bisect_left(self._person_starts, end)
            named = [start for start, _, _ in self._persons[lo:hi] if not self._quoted(start)]
            return at if named and named[0] > at else None
        return None

    def organisation_before(self, offset: int) -> str | None:
        """The organisation an "it"/"they" subject at `offset` stands for: the last speaker of
        this or the previous sentence, else the first person or organisation named in it (the
        subject, as a rule), when that is an organisation."""
        sentence = self.sentence_of(offset)
        if sentence is None:
            return None
        for back in range(sentence.index, max(-1, sentence.index - 2), -1):
            current = self.sentences[back]
            limit = offset if back == sentence.index else current.end
            spoke = [entity for at, entity in self.speakers.get(back, []) if at < limit]
            named = [
                entity
                for start, entity in self._named
                if current.start <= start < limit and not self._quoted(start)
            ]
            found = spoke[-1] if spoke else (named[0].id if named else None)
            if found is not None:
                return found if found in self._organisation_ids else None
        return None

    def _person_in(self, sentence: SentenceSpan, end: int, avoid: Collection[str]) -> str | None:
        spoke = [
            entity_id
            for at, entity_id in self.speakers.get(sentence.index, [])
            if at < end and entity_id not in avoid and entity_id in self._person_ids
        ]
        if spoke:
            return spoke[-1]
        lo = bisect_left(self._person_starts, sentence.start)
        hi = bisect_left(self._person_starts, end)
        people = [
            (start, entity_id)
            for start, _, entity_id in self._persons[lo:hi]
            if entity_id not in avoid and not self._quoted(start)
        ]
        if not people:
            return None
        for start, entity_id in people:
            if self.subject_at(start):
                return entity_id
        return people[0][1]

    def _last_person_before(self, offset: int, avoid: Collection[str]) -> str | None:
        """The person named last before `offset` (inside a quotation too), in the same reach as
        the sentence-by-sentence search: at most PRONOUN_REACH sentences and PARAGRAPH_REACH
        paragraphs back. A pronoun whose person is not named that close is left unresolved
        rather than given to whoever the article named last, however far up."""
        here = self.sentence_of(offset)
        if here is None:
            return None
        best: tuple[int, str] | None = None
        for start, end, entity_id in self._persons:
            if start >= offset:
                break
            if end > offset or entity_id in avoid:
                continue
            there = self.sentence_of(start)
            if (
                there is None
                or here.index - there.index > PRONOUN_REACH
                or here.paragraph - there.paragraph > PARAGRAPH_REACH
            ):
                continue
            if best is None or end > best[0]:
                best = (end, entity_id)
        return best[1] if best else None

    def _quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)
