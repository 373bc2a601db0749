"""Roles and titles: match the language's role patterns around each person mention.

"Russlands forsvarsminister Andrey Belousov" gives Belousov the title "forsvarsminister"
(canonical "Defence Minister") and the country RUS; "den kinesiske forsvarsministeren Dong Jun"
gives Dong Jun CHN. Where the NER missed the name after a title, the capitalised words there
become a person mention; in a title-case headline only words the rest of the article also writes
with a capital do ("Envoy Visits Kyiv" names no envoy "Visits").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.entities.document import Document, Mention
from newsgraph.entities.patterns import Element, Pattern
from newsgraph.model import Title

# How far before a person a pattern may start, in tokens.
MAX_PATTERN_REACH = 12
MAX_NAME_TOKENS = 4
NAME_JOINERS = frozenset({"-", "'", "’"})
# The gazetteer form each place slot reads.
PLACE_FORMS = {"country": "name", "country_gen": "genitive", "adj": "adjective"}


@dataclass(frozen=True)
class TitleHit:
    """A title found in text, tokens first..last-1; `text` is its indefinite form."""

    first: int
    last: int
    text: str
    canonical: str
    definite: bool


@dataclass
class Binding:
    """What a pattern match bound: the person, its titles and the affiliation's country."""

    person: Mention | None = None
    titles: list[TitleHit] = field(default_factory=list)
    country: str | None = None
    end: int = 0

    def copy(self) -> Binding:
        """A shallow copy for backtracking."""
        return Binding(self.person, list(self.titles), self.country, self.end)


# A title's last word is a noun; its first may be an adjective or participle ("fungerende").
NOT_TITLE_HEAD = frozenset({"VERB", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "DET", "PUNCT"})
NOT_TITLE_START = frozenset({"PRON", "ADP", "CCONJ", "SCONJ", "DET", "PUNCT"})


GENITIVE_MARKS = frozenset({"'s", "’s"})


def _title_edges(doc: Document, first: int, last: int) -> bool:
    """Whether tokens first..last-1 start and end like a title (by their parts of speech).

    After a genitive ("byens guvernør", "the city's governor") the title is the possessed noun,
    whatever part of speech the tagger gave its last word (a verb reading of "guvernør")."""
    if doc.tokens[first].pos in NOT_TITLE_START:
        return False
    head = doc.tokens[last - 1].pos
    return head not in NOT_TITLE_HEAD or (head == "VERB" and _after_genitive(doc, first))


def _after_genitive(doc: Document, index: int) -> bool:
    """Whether the token before `index` is a genitive noun ("byens", "Norges", "city 's")."""
    if index == 0:
        return False
    before = doc.tokens[index - 1]
    if before.text in GENITIVE_MARKS:
        return True
    return before.pos in ("NOUN", "PROPN") and len(before.text) > 2 and before.text.endswith("s")


def _could_be_person(mention: Mention) -> bool:
    """A mention the NER typed otherwise that a title in front shows to be a person."""
    if mention.source != "model" or mention.place is not None or mention.country is not None:
        return False
    return mention.label in ("PROD", "EVT", "ORG", "GPE", "LOC")


class RoleMatcher:
    """Matches role patterns against one document's tokens and mentions."""

    def __init__(self, doc: Document, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.starting: dict[int, Mention] = {}
        self.covered: set[int] = set()
        self.evidence = doc.evidence
        # Titles found at a token (by definiteness): every pattern and every anchor nearby asks.
        self.titles: dict[tuple[int, bool], list[tuple[int, list[TitleHit]]]] = {}
        # Countries named at a token (by gazetteer form), asked as often.
        self.places: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for mention in mentions:
            span = doc.token_span(mention.start, mention.end)
            if span is not None:
                self.starting.setdefault(span[0], mention)
                self.covered.update(range(*span))

    def _span_end(self, mention: Mention) -> int:
        span = self.doc.token_span(mention.start, mention.end)
        return span[1] if span else 0

    def titles_at(self, index: int, definite_only: bool) -> list[tuple[int, list[TitleHit]]]:
        """Titles starting at a token, longest first; coordinated titles count as one slot (the
        list is shared between callers: read it, never change it)."""
        known = self.titles.get((index, definite_only))
        if known is None:
            known = self.titles[index, definite_only] = self._titles_at(index, definite_only)
        return known

    def _titles_at(self, index: int, definite_only: bool) -> list[tuple[int, list[TitleHit]]]:
        doc = self.doc
        found: list[tuple[int, list[TitleHit]]] = []
        for last in range(min(len(doc), index + doc.lexicon.title_max_words + 1), index, -1):
            if not doc.same_sentence(index, last) or not _title_edges(doc, index, last):
                continue
            text = doc.slice(index, last)
            reading = doc.lexicon.title(text)
            if reading is None or (definite_only and not reading.definite):
                continue
            hit = TitleHit(index, last, reading.base, reading.canonical, reading.definite)
            found.append((last, [hit]))
            if last < len(doc) and doc.tokens[last].text.lower() in doc.lexicon.conjunctions:
                for end, more in self.titles_at(last + 1, definite_only):
                    found.insert(0, (end, [hit, *more]))
        return found

    def places_at(self, index: int, form: str) -> list[tuple[int, str]]:
        """(end token, alpha-3) of the countries a place of this gazetteer form starting at the
        token names, longest first (the list is shared between callers: read it, never change
        it)."""
        known = self.places.get((index, form))
        if known is None:
            known = self.places[index, form] = self._places(index, form)
        return known

    def can_fill(self, element: Element, index: int) -> bool:
        """False where a title or place slot has nothing at the token, so that no match can go
        on from there (`_element` would yield nothing); True otherwise."""
        slot = element.slot
        if slot is None:
            return True
        if index >= len(self.doc):
            return False
        if slot in ("title", "title_def"):
            return bool(self.titles_at(index, slot == "title_def"))
        form = PLACE_FORMS.get(slot)
        return form is None or bool(self.places_at(index, form))

    def _places(self, index: int, form: str) -> list[tuple[int, str]]:
        doc = self.doc
        result: list[tuple[int, str]] = []
        if index in self.covered and index not in self.starting:
            # inside a longer name: "Jersey" of "New Jersey" is no country
            return result
        for last, match in doc.place_spans(index):
            if match.form == form and match.place.country and match.place.kind == "country":
                result.append((last, match.place.country))
        if form == "adjective" and not result and doc.is_capitalised(index):
            lowered = doc.tokens[index].text[:1].lower() + doc.tokens[index].text[1:]
            country = doc.gazetteer.adjective_country(lowered)
            if country:
                result.append((index + 1, country))
        return sorted(result, key=lambda found: -found[0])

    def _organisation(self, index: int, genitive: bool) -> list[tuple[int, Mention]]:
        mention = self.starting.get(index)
        if mention is None or mention.label != "ORG":
            return []
        end = self._span_end(mention)
        if not genitive:
            return [(end, mention)]
        if self.doc.lexicon.strip_genitive(mention.text) is not None:
            return [(end, mention)]
        if end < len(self.doc):
            following = self.doc.tokens[end].text
            if following in self.doc.lexicon.genitive_suffixes:
                return [(end + 1, mention)]
        return []

    def _person(self, index: int, after_title: bool) -> list[tuple[int, Mention]]:
        mention = self.starting.get(index)
        if mention is not None:
            if mention.label == "PER" or (after_title and _could_be_person(mention)):
                return [(self._span_end(mention), mention)]
            return []
        if not after_title:
            return []
        name = self._name_run(index)
        return [name] if name else []

    def _name_run(self, index: int) -> tuple[int, Mention] | None:
        """Capitalised words the NER left untagged right after a title: a person's name."""
        doc = self.doc
        last = index
        words = 0
        while last < len(doc) and words < MAX_NAME_TOKENS and last not in self.covered:
            token = doc.tokens[last]
            if doc.joined(last) and last > index and token.text in NAME_JOINERS:
                last += 1
                continue
            hyphen_tail = last > index and doc.joined(last) and doc.tokens[last - 1].text == "-"
            if not (doc.is_capitalised(last) or hyphen_tail) or doc.is_function_word(last):
                break
            if token.text.lower() in doc.lexicon.not_names or not _name_word(token.text):
                break
            if doc.lexicon.is_calendar_word(token.text, False):
                break
            if (
                doc.segments[last] in self.evidence.headlines
                and not self.evidence.capitals[token.text]
            ):
                break
            words += 1
            last += 1
        if words == 0 or not doc.same_sentence(index, last):
            return None
        start, end = doc.tokens[index].start, doc.tokens[last - 1].end
        return last, Mention(start, end, doc.text[start:end], "PER", "pattern")

    def _element(
        self, element: Element, index: int, binding: Binding, after_title: bool
    ) -> Iterator[tuple[int, Binding]]:
        doc = self.doc
        slot = element.slot
        if slot is None:
            if index < len(doc) and doc.tokens[index].text.lower() in element.words:
                yield index + 1, binding
            if element.optional:
                yield index, binding
            return
        if index >= len(doc):
            return
        if slot in ("title", "title_def"):
            for end, hits in self.titles_at(index, slot == "title_def"):
                bound = binding.copy()
                bound.titles.extend(hits)
                yield end, bound
        elif slot in PLACE_FORMS:
            for end, country in self.places_at(index, PLACE_FORMS[slot]):
                bound = binding.copy()
                bound.country = bound.country or country
                yield end, bound
        elif slot in ("org", "org_gen"):
            for end, org in self._organisation(index, slot == "org_gen"):
                bound = binding.copy()
                bound.country = bound.country or org.country
                yield end, bound
        elif slot == "person":
            for end, person in self._person(index, after_title):
                bound = binding.copy()
                bound.person = person
                yield end, bound

    def match(self, pattern: Pattern, start: int, person_at: int) -> Binding | None:
        """Match a whole pattern from token `start`, its person starting at token `person_at`."""
        first = pattern.elements[0]
        if first.slot is None and not first.optional:
            # Literal words open the pattern: a word that is none of them starts no match.
            doc = self.doc
            if start >= len(doc) or doc.tokens[start].text.lower() not in first.words:
                return None
        elif first.slot == "person" and start != person_at:
            return None
        elif not self.can_fill(first, start):
            # Most starts before a person have no title or country: answered without generators.
            return None
        return next(self._match(pattern.elements, 0, start, person_at, Binding(), False), None)

    def _match(
        self,
        elements: tuple[Element, ...],
        position: int,
        index: int,
        person_at: int,
        binding: Binding,
        after_title: bool,
    ) -> Iterator[Binding]:
        if position == len(elements):
            if binding.person is not None and binding.titles:
                binding.end = index
                yield binding
            return
        element = elements[position]
        if element.slot == "person" and index != person_at:
            return
        if not self.can_fill(element, index):
            return
        for end, bound in self._element(element, index, binding, after_title):
            if end > index and not self.doc.same_sentence(min(index, person_at), end):
                continue
            # A nationality adjective after a title ("le président français Emmanuel Macron")
            # still leads to the name the title introduces.
            title_next = element.slot in ("title", "title_def") or (
                element.slot == "adj" and after_title
            )
            yield from self._match(elements, position + 1, end, person_at, bound, title_next)


def _anchors(matcher: RoleMatcher) -> list[int]:
    """Token indices where a person may start: PER mentions, and untagged names after titles."""
    doc = matcher.doc
    anchors = {i for i, m in matcher.starting.items() if m.label == "PER"}
    for index in range(1, len(doc)):
        mention = matcher.starting.get(index)
        open_name = index not in matcher.covered or (
            mention is not None and _could_be_person(mention)
        )
        if not open_name or not doc.is_capitalised(index):
            continue
        for first in range(max(0, index - doc.lexicon.title_max_words - 1), index):
            if doc.lexicon.title(doc.slice(first, index)) is not None or (
                first < index - 1
                and _nationality_adjective(doc, index - 1)
                and doc.lexicon.title(doc.slice(first, index - 1)) is not None
            ):
                anchors.add(index)
                break
    return sorted(anchors)


def _name_word(word: str) -> bool:
    """Letters only, or hyphen-joined parts of letters ("Jean-Noël" as one token)."""
    return all(part.isalpha() for part in word.split("-"))


def _nationality_adjective(doc: Document, index: int) -> bool:
    """A lower-case nationality adjective that follows its title ("président français")."""
    word = doc.tokens[index].text
    return word.islower() and doc.gazetteer.adjective_country(word) is not None


def _best_binding(matcher: RoleMatcher, anchor: int) -> list[Binding]:
    """The first pattern match before and the first after the person at `anchor`."""
    doc = matcher.doc
    before: Binding | None = None
    after: Binding | None = None
    # The starts in the person's sentence, found once for all the patterns.
    starts = [
        start
        for start in range(max(0, anchor - MAX_PATTERN_REACH), anchor)
        if doc.same_sentence(start, anchor + 1)
    ]
    # A pattern whose titles all come before the person matches only from a start at or before
    # the last token in reach where a title starts (a title of the definite form is a title
    # too); most persons have none, and their starts need no match at all.
    titled = starts[: _last_title_start(matcher, starts) + 1]
    for pattern in doc.lexicon.patterns:
        if pattern.person_index == 0:
            if after is None:
                after = matcher.match(pattern, anchor, anchor)
            continue
        if before is not None:
            continue
        for start in titled if pattern.titles_before_person else starts:
            before = matcher.match(pattern, start, anchor)
            if before is not None:
                break
    return [b for b in (before, after) if b is not None]


def _last_title_start(matcher: RoleMatcher, starts: list[int]) -> int:
    """The position in `starts` of the last token where a title starts (-1 when none does)."""
    for position in range(len(starts) - 1, -1, -1):
        if matcher.titles_at(starts[position], False):
            return position
    return -1


def find_roles(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Attach titles (and countries) to person mentions; return person mentions newly found."""
    matcher = RoleMatcher(doc, mentions)
    added: list[Mention] = []
    for anchor in _anchors(matcher):
        for binding in _best_binding(matcher, anchor):
            person = binding.person
            if person is None:
                continue
            person.label = "PER"
            if person.source == "pattern" and person not in added:
                if any(m.overlaps(person.start, person.end) for m in mentions + added):
                    continue
                added.append(person)
            for hit in binding.titles:
                start, end = doc.tokens[hit.first].start, doc.tokens[hit.last - 1].end
                text = hit.text
                if hit is binding.titles[-1] and binding.end > hit.last and person.start < start:
                    # "sjef for Forsvarets operative hovedkvarter": the affiliation is the role
                    end = doc.tokens[binding.end - 1].end
                    text = f"{hit.text} {doc.text[doc.tokens[hit.last].start : end]}"
                person.titles.append(
                    Title(
                        text=text,
                        canonical=hit.canonical,
                        country=binding.country,
                        start=start,
                        end=end,
                    )
                )
            person.country = person.country or binding.country
    return added
