"""Who a speaker phrase refers to: a named entity, a pronoun, or a role noun phrase.

"sa Dong" names an entity mention; "Han sa" points back to the most salient person before it;
"sa den kinesiske forsvarsministeren" is a title in definite form plus a nationality adjective,
which picks the person entity holding that title for that country ("the minister said": the
minister last mentioned). The entities package's linking API (`resolve_role_noun`,
`last_person_before`) does the title lexicon work; this module adds what quotes need around it:
an earlier "<same phrase> <Name>", organisations by head noun ("the Army"), the previous speakers. A phrase that resolves to nothing gives a referent with no entity, so a
quote keeps `speaker: null` and the words that named the speaker, never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsgraph.entities import resolve_role_noun
from newsgraph.entities.lexicon import load_lexicon
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Article, Entity, SpeakerDescription
from newsgraph.quotes.document import QuoteText, Word
from newsgraph.text.coref import PronounResolver, SentenceSpan

ReferentKind = Literal["name", "pronoun", "role", "group"]
# Genitive endings a name may carry where it names a speaker ("Rice's", "Dongs").
POSSESSIVE_ENDINGS = ("'s", "’s", "s")
# Hyphens that join a name to the word it qualifies ("Maryland-based").
HYPHENS = ("-", "\u2010", "\u2011")
# Compound titles match on their last part only when it is this long ("ministeren" -> "minister").
MIN_TITLE_PART = 4
# How far back a definite role noun with no entity looks for the speaker it names again.
RECENT_SENTENCES = 3
# How far back a definite role noun that no entity holds looks for the person it names again.
RECENT_PERSON_SENTENCES = 7
# How far back a definite role noun that no entity holds looks for the one person named there.
SOLE_PERSON_SENTENCES = 20
# How far on a titled phrase with no entity looks for itself again followed by a name.
LATER_NAME_CHARS = 600
# Words of complement between that phrase and the name ("to Britain").
LATER_NAME_WORDS = 3
# How a paragraph that is a sentence ends (a subheading does not).
CLOSING = tuple(".!?…:;»”\"'’)")


@dataclass(frozen=True)
class Referent:
    """What a speaker or addressee phrase points at: an entity id (or None) and the phrase."""

    entity: str | None
    start: int
    end: int
    how: ReferentKind


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


class EntityIndex:
    """The article's entities by mention offset, name word, title and organisation head noun."""

    def __init__(self, article: Article, doc: QuoteText) -> None:
        self.article = article
        self.doc = doc
        self.entities = list(article.entities)
        mentions = [
            _Mention(span.start, span.end, entity)
            for entity in self.entities
            for span in entity.mentions
            if not _modifier(article.text, span.end)
        ]
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._name_words: dict[str, set[str]] = {}
        function_words = doc.lexicon.determiners | doc.lexicon.prepositions
        for entity in self.entities:
            if entity.type in ("PER", "ORG"):
                for word in _name_words(entity) - function_words:
                    self._name_words.setdefault(word, set()).add(entity.id)
        self._by_id = {entity.id: entity for entity in self.entities}
        self.adjective_country = load_gazetteer(article.lang).adjective_country

    def get(self, entity_id: str | None) -> Entity | None:
        """An entity by id."""
        return self._by_id.get(entity_id or "")

    def mention_over(self, start: int, end: int) -> _Mention | None:
        """The longest entity mention overlapping [start, end)."""
        lo = bisect_left(self._starts, start - 200)
        best: _Mention | None = None
        for mention in self.mentions[lo:]:
            if mention.start >= end:
                break
            if mention.end > start and (best is None or _rank(mention) > _rank(best)):
                best = mention
        return best

    def by_name_word(self, word: Word) -> Entity | None:
        """The one person or organisation whose name holds this capitalised word ("Dong")."""
        if not word.capitalized or len(word.text) < 2:
            return None
        ids = self._name_words.get(word.lower, set())
        for suffix in POSSESSIVE_ENDINGS:
            if not ids and word.lower.endswith(suffix) and len(word.lower) > len(suffix) + 1:
                ids = self._name_words.get(word.lower[: -len(suffix)], set())
        if len(ids) > 1:
            # "Klimkin" read both as a person and as an organisation: speakers are people.
            ids = {i for i in ids if self._by_id[i].type == "PER"}
        return self._by_id[next(iter(ids))] if len(ids) == 1 else None

    def mentions_between(self, start: int, end: int) -> list[_Mention]:
        """Mentions starting in [start, end)."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def last_mention_before(self, entity_id: str, offset: int) -> int:
        """Start of the entity's last mention before `offset` (-1 when none)."""
        best = -1
        for mention in self.mentions:
            if mention.start >= offset:
                break
            if mention.entity.id == entity_id:
                best = mention.start
        return best


def _modifier(text: str, end: int) -> bool:
    """Whether a name is glued by a hyphen to a lower-case word that makes it a modifier of
    another noun ("Maryland-based lawyer Jim Dunham", "Russia-backed", "Oslo-basert"): it
    speaks no quotation and hears none."""
    return text[end : end + 1] in HYPHENS and text[end + 1 : end + 2].islower()


def _rank(mention: _Mention) -> tuple[int, int]:
    """Longer mentions first; on a tie a person, then an organisation (speakers are mostly so)."""
    preference = {"PER": 2, "ORG": 1}.get(mention.entity.type, 0)
    return mention.end - mention.start, preference


def _name_words(entity: Entity) -> set[str]:
    words = set()
    for name in (entity.name, *(m.text for m in entity.mentions)):
        for word in re.findall(r"\w[\w'’-]*", name):
            if word[:1].isupper() and len(word) >= 2:
                words.add(word.lower())
    return words


class RoleResolver:
    """Links a role noun phrase ("den kinesiske forsvarsministeren", "the Army") to an entity."""

    def __init__(self, index: EntityIndex, doc: QuoteText) -> None:
        self.index = index
        self.doc = doc
        self.lexicon = doc.lexicon
        # Words written right before a person's name, the places a title can stand.
        self.before_person: list[tuple[Word, Entity]] = []
        for mention in index.mentions:
            at = doc.word_at(max(0, mention.start - 2))
            if mention.entity.type == "PER" and at is not None and at > 0:
                word = doc.words[at - 1] if doc.words[at].start >= mention.start else doc.words[at]
                if word.end <= mention.start:
                    self.before_person.append((word, mention.entity))

    def is_title(self, words: Sequence[Word], person: Entity | None) -> bool:
        """Whether words read as a title ("Foreign Minister", "forsvarssjef", one of the person's)."""
        titles = load_lexicon(self.index.article.lang)
        held = {t.text.lower() for t in person.titles} if person is not None else set()
        phrase = " ".join(w.text for w in words if w.lower not in self.lexicon.determiners)
        if phrase.lower() in held or titles.title(phrase) is not None:
            return True
        return any(titles.title(w.text) is not None or w.lower in held for w in words)

    def resolve(self, words: Sequence[Word], before: int, speakers: Sequence[str]) -> str | None:
        """The entity a role phrase names, preferring earlier speakers, then recent mentions."""
        content = [w for w in words if w.lower not in self.lexicon.determiners and not w.is_punct]
        if not content:
            return None
        head = content[-1]
        country = next(
            (c for w in content[:-1] if (c := self.index.adjective_country(w.text)) is not None),
            None,
        )
        same = self._same_phrase_before(words, before)
        if same is not None:
            return same
        titled = resolve_role_noun(self.index.article, before, [w.text for w in content])
        if titled is not None:
            return titled
        bases = self.lexicon.noun_bases(head.text)
        candidates = [
            entity
            for entity in self.index.entities
            if self._holds_role(entity, bases) and _country_fits(entity, country)
        ]
        if not candidates:
            candidates = self._titled_in_text(bases, before, country)
        if not candidates and country is not None and self.lexicon.leader_nouns.intersection(bases):
            candidates = self._leaders_of(country)
        return self._most_salient(candidates, before, speakers) or self._named_later(words)

    def _leaders_of(self, country: str) -> list[Entity]:
        """People of a country who hold a title: "the Chinese leader" is the one named earlier."""
        return [
            entity
            for entity in self.index.entities
            if entity.type == "PER" and entity.titles and _country_fits(entity, country)
        ]

    def _holds_role(self, entity: Entity, bases: list[str]) -> bool:
        if entity.type == "PER":
            for title in entity.titles:
                for form in (title.text, title.canonical or ""):
                    if any(_ends_with_part(form.lower(), base) for base in bases):
                        return True
            return False
        if entity.type == "ORG":
            return any(
                _ends_with_part(word, base) for word in _name_words(entity) for base in bases
            )
        return False

    def _same_phrase_before(self, words: Sequence[Word], before: int) -> str | None:
        """An earlier "<same phrase> <Name>" or "<Name>, <same phrase>" in the text."""
        phrase = self.doc.text[words[0].start : words[-1].end]
        if len(words) < 2 or words[0].lower not in self.lexicon.determiners:
            return None  # only a full noun phrase ("den nye styrelederen") repeats an apposition
        names = load_lexicon(self.index.article.lang)
        if any(names.is_name_head(base) for base in self.lexicon.noun_bases(words[-1].text)):
            return None  # "the company" names no person, whoever stands next to it
        pattern = re.compile(re.escape(phrase), re.IGNORECASE)
        found: str | None = None
        for match in pattern.finditer(self.doc.text, 0, before):
            if match.start() == words[0].start:
                continue
            after = self.index.mentions_between(match.end(), match.end() + 3)
            if after and after[0].entity.type == "PER":
                found = after[0].entity.id
                continue
            prior = self.index.mention_over(max(0, match.start() - 3), match.start())
            gap = self.doc.text[prior.end : match.start()] if prior else ""
            if prior is not None and prior.entity.type == "PER" and gap.strip() in (",", ""):
                found = prior.entity.id
        return found

    def _named_later(self, words: Sequence[Word]) -> str | None:
        """The person a titled phrase names where the text gives the name a little later with
        the same phrase ("China's ambassador … warned" before "China's ambassador to Britain Liu
        Xiaming has said"): the phrase again within LATER_NAME_CHARS characters, then at most
        LATER_NAME_WORDS words of complement and a person's name."""
        if len(words) < 2 or not self.is_title(words, None):
            return None
        end = words[-1].end
        phrase = self.doc.text[words[0].start : end]
        pattern = re.compile(re.escape(phrase), re.IGNORECASE)
        for match in pattern.finditer(self.doc.text, end, end + LATER_NAME_CHARS):
            following = self.doc.words_in(match.end(), match.end() + LATER_NAME_CHARS)
            for word in following[: LATER_NAME_WORDS + 1]:
                if word.is_punct:
                    break
                mention = self.index.mention_over(word.start, word.end)
                if mention is not None and mention.entity.type == "PER":
                    return mention.entity.id
        return None

    def _titled_in_text(self, bases: list[str], before: int, country: str | None) -> list[Entity]:
        """People named right after the title word earlier on ("viseadmiral Rune Andersen")."""
        return [
            person
            for word, person in self.before_person
            if word.start < before
            and any(_ends_with_part(word.lower, base) for base in bases)
            and _country_fits(person, country)
        ]

    def _most_salient(
        self, candidates: list[Entity], before: int, speakers: Sequence[str]
    ) -> str | None:
        if not candidates:
            return None
        ids = {entity.id for entity in candidates}
        for speaker in reversed(speakers):
            if speaker in ids:
                return speaker
        return max(candidates, key=lambda e: self.index.last_mention_before(e.id, before)).id


def _ends_with_part(form: str, base: str) -> bool:
    """Whether a title or name ends with the noun ("forsvarsminister" ends with "minister")."""
    last = form.split()[-1] if form.split() else ""
    if last == base or form == base:
        return True
    return len(base) >= MIN_TITLE_PART and last.endswith(base)


def _country_fits(entity: Entity, country: str | None) -> bool:
    if country is None:
        return True
    countries = {entity.country} | {title.country for title in entity.titles}
    return country in countries


class Salience(PronounResolver):
    """The shared pronoun resolver (`newsgraph.text.coref`) over the quotes engine's quote-aware
    sentences, so that a quotation's sentence never ends inside its marks."""

    def __init__(self, index: EntityIndex, doc: QuoteText, quoted: Sequence[tuple[int, int]]):
        sentences = [SentenceSpan(s.index, s.start, s.end, s.paragraph) for s in doc.sentences]

        def subject_at(offset: int) -> bool:
            word = doc.word_at(offset)
            return word is not None and doc.words[word].dep.startswith("nsubj")

        super().__init__(index.article, sentences, subject_at, quoted)

    def recent_speaker(self, offset: int) -> str | None:
        """The person who spoke last before `offset`, in this sentence or the two before it in
        the same or the previous paragraph: whom "sagt der Virologe" or "a ajouté la
        gastro-entérologue" means when no entity holds that role."""
        sentence = self.sentence_of(offset)
        if sentence is None:
            return None
        for back in range(sentence.index, max(-1, sentence.index - RECENT_SENTENCES), -1):
            if self._paragraph_gap(self.sentences[back], sentence) > 1:
                break
            spoke = [
                entity
                for at, entity in self.speakers.get(back, [])
                if at < offset and entity in self._person_ids
            ]
            if spoke:
                return spoke[-1]
        return None

    def _paragraph_gap(self, earlier: SentenceSpan, later: SentenceSpan) -> int:
        """Paragraph breaks from one sentence to a later one, not counting a subheading between
        them (a paragraph of one sentence with no closing punctuation)."""
        gap = 0
        for n in range(earlier.index + 1, later.index + 1):
            current = self.sentences[n]
            if current.paragraph == self.sentences[n - 1].paragraph:
                continue
            heading = (
                n < later.index
                and self.sentences[n + 1].paragraph != current.paragraph
                and not self.article.text[current.start : current.end].rstrip().endswith(CLOSING)
            )
            gap += not heading
        return gap

    def recent_person(self, offset: int) -> str | None:
        """The person a definite role phrase with no entity of its own names again ("gibt der
        Virologe zu bedenken" after "Schmidt-Chanasit hält es für möglich"): the one the
        pronoun resolver finds, when named in this paragraph or the one before it and at most
        RECENT_PERSON_SENTENCES sentences back."""
        sentence = self.sentence_of(offset)
        person = self.person_before(offset)
        if sentence is None or person is None:
            return None
        first = sentence.index
        while (
            first > 0
            and sentence.index - (first - 1) < RECENT_PERSON_SENTENCES
            and self._paragraph_gap(self.sentences[first - 1], sentence) <= 1
        ):
            first -= 1
        lo = bisect_left(self._person_starts, self.sentences[first].start)
        hi = bisect_left(self._person_starts, offset)
        if any(e == person for _, _, e in self._persons[lo:hi]):
            return person
        spoke = (
            entity
            for n in range(first, sentence.index + 1)
            for at, entity in self.speakers.get(n, [])
            if at < offset
        )
        return person if person in spoke else None

    def sole_person(self, offset: int) -> str | None:
        """The one person who spoke, else the one person named (outside quotations), in the
        SOLE_PERSON_SENTENCES sentences before `offset`: whom "betonte der Branchenkenner"
        means in a piece about one person when the name stands further back than
        `recent_person` reaches. Where two people spoke, or none spoke and two are named, no
        one."""
        sentence = self.sentence_of(offset)
        if sentence is None:
            return None
        first = self.sentences[max(0, sentence.index - SOLE_PERSON_SENTENCES)]
        spoke = {
            entity
            for n in range(first.index, sentence.index + 1)
            for at, entity in self.speakers.get(n, [])
            if at < offset and entity in self._person_ids
        }
        if not spoke:
            lo = bisect_left(self._person_starts, first.start)
            hi = bisect_left(self._person_starts, offset)
            spoke = {e for start, _, e in self._persons[lo:hi] if not self._quoted(start)}
        return next(iter(spoke)) if len(spoke) == 1 else None


def describe_speaker(
    doc: QuoteText, lang: str | None, start: int, end: int
) -> SpeakerDescription | None:
    """A record of an unnamed speaker from the words that name them ("a military spokesman",
    "le porte-parole du ministère"): the role's canonical title and a country the words name.
    Pronouns and bare function words describe no one."""
    lexicon = doc.lexicon
    function = lexicon.determiners | lexicon.possessives | lexicon.prepositions
    words = [w for w in doc.words_in(start, end) if not w.is_punct]
    content = [w for w in words if w.lower not in function]
    if not content or all(lexicon.is_pronoun(w.text) for w in content):
        return None
    titles = load_lexicon(lang)
    title = None
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            reading = titles.title(" ".join(w.text for w in words[first : first + size]))
            if reading is not None:
                title = reading.canonical
                break
        if title is not None:
            break
    gazetteer = load_gazetteer(lang)
    forms = [form for w in content for form in dict.fromkeys((w.text, w.lower))]
    country = next((c for f in forms if (c := gazetteer.adjective_country(f)) is not None), None)
    if country is None:
        country = next(
            (c for w in content if (c := _genitive_country(lang, w.text)) is not None), None
        )
    text = doc.text[start:end]
    return SpeakerDescription(text=text, title=title, country=country)


def _genitive_country(lang: str | None, word: str) -> str | None:
    """The country a genitive names ("Serbiens udenrigsminister", "Sveriges finansminister")."""
    match = load_gazetteer(lang).best(word, ("genitive",))
    return match.place.country if match is not None and match.place.kind == "country" else None
