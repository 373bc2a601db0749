"""Mentions: clean the NER's spans, type them with the gazetteer, add what the NER missed.

Order of work: NER spans are trimmed and junk is dropped; organisation patterns find nationality
adjective + organisation noun names ("det russiske forsvarsdepartementet"); the gazetteer
retypes spans (countries and cities are GPE, seas LOC) and adds salient places the NER missed
("Russlands", "Stillehavet").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newsgraph.entities.document import Document, Mention
from newsgraph.gazetteer import Match
from newsgraph.knowledge import load_knowledge
from newsgraph.knowledge.names import fold
from newsgraph.resources import COMMON, function_words, load_resource, resource_languages

EDGE_PUNCTUATION = " \t\n\"'«»“”‘’()[]{},;:!?–—-"
# An upper-case word glued to a dash and then a space opens the span: an agency or dateline mark
# in front of the name ("AFP- Pakistan"; not "Nord- og Sør-Korea").
DASH_MARK = re.compile(r"[A-ZÆØÅÄÖÜ]{2,6}[-–—]\s+")
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Cities this big win over the NER's PER label for a one-word span ("Paris" as a person is rarer).
CITY_OVER_PERSON_POPULATION = 1_000_000
# A city this big wins too when it lies in a country the article names and the actor knowledge
# knows no person with the word as a given name or surname ("Lviv" typed PER in a story on Ukraine).
CITY_OVER_UNKNOWN_NAME_POPULATION = 100_000
# Upper-case words longer than this are shouted names (datelines), not acronyms.
MAX_ACRONYM_LENGTH = 4
# Parts of speech a one-word name never has.
NOT_NAME_POS = frozenset(
    {"ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "AUX", "VERB", "ADV", "ADJ", "NUM", "INTJ"}
)
# Longest personal name, in words, when cutting a title off a span.
MAX_NAME_TOKENS = 4
# How many tokens a place span may grow on each side to reach a gazetteer name.
MAX_PLACE_EXTENSION = 2


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding punctuation; a final dot stays after another dot (U.S.).

    An upper-case first word glued to a dash that a space follows is an agency or dateline mark in
    front of the name ("AFP- Pakistan", "NTB- Oslo"): names hyphenate without a space, so it is cut
    off.
    """
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    marked = DASH_MARK.match(text, start, end)
    if marked is not None and marked.end() < end:
        start = marked.end()
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    if end > start and text[end - 1] == "." and "." not in text[start : end - 1]:
        end -= 1
    return start, end


def _is_junk(doc: Document, text: str, label: str = "") -> bool:
    """A span that cannot name an entity: no capital letter, too short, or a known non-name."""
    lexicon = doc.lexicon
    if len(text) < 2 or not any(ch.isupper() for ch in text) or text.lower() in lexicon.not_names:
        return True
    if label == "PER" and any(ch.isdigit() for ch in text):
        return True
    if doc.gazetteer.best(text, ("adjective",)) and not doc.gazetteer.best(text, ("name",)):
        return True
    return lexicon.title(text) is not None or _is_national_title(doc, text)


def _runs_into_title(doc: Document, start: int, end: int) -> bool:
    """A span cut off inside a title ("Ukrainian Foreign" before "Minister Pavlo Klimkin"):
    with the next word or two it reads as a title, alone or after a nationality or country."""
    span = doc.token_span(start, end)
    if span is None:
        return False
    first, last = span
    for extra in (1, 2):
        if last + extra > len(doc) or not doc.same_sentence(first, last + extra):
            break
        text = doc.slice(first, last + extra)
        if doc.lexicon.title(text) is not None or _is_national_title(doc, text):
            return True
    return False


def _is_national_title(doc: Document, text: str) -> bool:
    """A nationality adjective and a title with no name ("Ukrainian President")."""
    adjective, _, rest = text.partition(" ")
    if not rest or doc.gazetteer.adjective_country(adjective) is None:
        return False
    return doc.lexicon.title(rest) is not None


def _is_function_word_span(doc: Document, start: int, end: int) -> bool:
    """A one-word span the tagger calls a function word, adverb or adjective ("Under", "Og").

    Sentence-initial capitals fool the NER; a known place name is kept whatever its tag.
    """
    span = doc.token_span(start, end)
    if span is None or span[1] - span[0] != 1:
        return False
    if doc.tokens[span[0]].pos not in NOT_NAME_POS:
        return False
    return _reading(doc, doc.text[start:end]) is None


def _strip_title(doc: Document, mention: Mention) -> None:
    """Cut title words (and what precedes them) off a span that ends in a name.

    "minister Belousov" becomes "Belousov"; "Ukrainian Foreign Minister Pavlo Klimkin", which the
    NER may even call an ORG, becomes the person "Pavlo Klimkin".
    """
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return
    first, last = span
    for cut in range(last - 1, first, -1):
        if not _is_name_run(doc, cut, last):
            continue
        # the title may begin before the span ("Secretary of | State Antony")
        reach = max(0, cut - doc.lexicon.title_max_words)
        starts = [start for start in range(reach, cut) if doc.same_sentence(start, cut)]
        if any(doc.lexicon.title(doc.slice(start, cut)) for start in starts):
            mention.start = doc.tokens[cut].start
            mention.text = doc.text[mention.start : mention.end]
            if mention.label != "PER":
                mention.label = "PER"
            return


def _is_name_run(doc: Document, first: int, last: int) -> bool:
    """Whether tokens first..last-1 look like a personal name: capitalised words, hyphens."""
    if last - first > MAX_NAME_TOKENS or not doc.is_capitalised(first):
        return False
    for index in range(first, last):
        text = doc.tokens[index].text
        joined = doc.joined(index) and index > first
        if not (text.isalpha() and (text[0].isupper() or joined)) and text not in ("-", "'"):
            return False
    return not doc.lexicon.title(doc.slice(first, last))


@lru_cache(maxsize=1)
def entity_labels() -> dict[str, str]:
    """NER label -> entity type, from resources/common/ner_labels.toml ("" means ignore)."""
    table = load_resource(COMMON, "ner_labels").get("labels", {})
    return {str(label): str(kind) for label, kind in table.items()}


def model_mentions(doc: Document) -> list[Mention]:
    """The NER's spans in our label set, trimmed, with junk and derived names (DRV) dropped."""
    found = []
    labels = entity_labels()
    for name in doc.article.names:
        label = labels.get(name.label, "")
        if not label:
            continue
        start, end = _trim(doc.text, *_cut_open_parenthesis(doc.text, name.start, name.end))
        start, end = _cut_trailing_title(doc, start, end)
        text = doc.text[start:end]
        if _is_junk(doc, text) or _runs_into_title(doc, start, end):
            continue
        if _is_function_word_span(doc, start, end):
            continue
        mention = Mention(start, end, text, label, name.source)
        if _reading(doc, text) is None:
            _strip_title(doc, mention)
            if _is_junk(doc, mention.text, mention.label):
                continue
        found.extend(_split_coordinated(doc, mention))
    return found


def _cut_open_parenthesis(text: str, start: int, end: int) -> tuple[int, int]:
    """A span running into a parenthesis it does not close ends before it ("Relief Team
    (Medical team" -> "Relief Team")."""
    inner = text[start:end]
    if "(" in inner and ")" not in inner and inner.index("(") > 0:
        return start, start + inner.index("(")
    return start, end


def _cut_trailing_title(doc: Document, start: int, end: int) -> tuple[int, int]:
    """A name the NER ran into a lower-case title after it ends before the title ("Kyivs
    borgermester" -> "Kyivs")."""
    span = doc.token_span(start, end)
    if span is None:
        return start, end
    first, last = span
    for size in range(min(doc.lexicon.title_max_words, last - first - 1), 0, -1):
        tail = doc.slice(last - size, last)
        if tail[:1].islower() and doc.lexicon.title(tail) is not None:
            return start, doc.tokens[last - size - 1].end
    return start, end


def _split_coordinated(doc: Document, mention: Mention) -> list[Mention]:
    """Two persons the NER ran together over a conjunction ("Warren and Sanders")."""
    span = doc.token_span(mention.start, mention.end)
    if mention.label != "PER" or span is None:
        return [mention]
    first, last = span
    joins = [
        i
        for i in range(first + 1, last - 1)
        if doc.tokens[i].text in doc.lexicon.conjunctions and doc.is_capitalised(i + 1)
    ]
    if not joins:
        return [mention]
    parts = []
    for start, end in zip([first, *(j + 1 for j in joins)], [*joins, last], strict=True):
        begin, finish = doc.tokens[start].start, doc.tokens[end - 1].end
        parts.append(Mention(begin, finish, doc.text[begin:finish], "PER", mention.source))
    return parts


def _reading(doc: Document, text: str) -> Match | None:
    """The gazetteer's best name or genitive reading of a span's text (datelines: SINGAPORE), or
    of the place a compound names ("Krim-halvøya")."""
    match = doc.gazetteer.best(text, ("name", "genitive"))
    if match is None and text.isupper() and len(text) > MAX_ACRONYM_LENGTH:
        match = doc.gazetteer.best(text.title(), ("name", "genitive"))
    if match is None:
        match = doc.gazetteer.compound(text, ("name",))
    return match


def _extend_to_place(doc: Document, mention: Mention, mentions: list[Mention]) -> None:
    """Widen a place span to the gazetteer name around it ("China Sea" -> "South China Sea")."""
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return
    first, last = span
    for grow in range(2 * MAX_PLACE_EXTENSION, 0, -1):
        for left in range(min(grow, MAX_PLACE_EXTENSION) + 1):
            right = grow - left
            start, end = first - left, last + right
            if right > MAX_PLACE_EXTENSION or start < 0 or end > len(doc):
                continue
            if not doc.same_sentence(start, end) or not doc.is_capitalised(start):
                continue
            new_start, new_end = doc.tokens[start].start, doc.tokens[end - 1].end
            if any(m is not mention and m.overlaps(new_start, new_end) for m in mentions):
                continue
            wider = _reading(doc, doc.slice(start, end))
            if wider is not None and (mention.label != "ORG" or wider.place.kind != "city"):
                mention.start, mention.end = new_start, new_end
                mention.text = doc.text[new_start:new_end]
                return


def type_with_gazetteer(doc: Document, mentions: list[Mention]) -> None:
    """Attach gazetteer readings and correct labels: countries and cities GPE, seas LOC.

    A one-word person that is a word of a person's full name in the article stays a person
    ("Jordan" after "Ella Jordan").
    """
    name_parts = {
        word.casefold()
        for m in mentions
        if m.label == "PER" and " " in m.text
        for word in m.text.split()
    }
    readings: dict[str, Match | None] = {}

    def reading(text: str) -> Match | None:
        if text not in readings:
            readings[text] = _reading(doc, text)
        return readings[text]

    named = _named_countries(mentions, reading)
    for mention in mentions:
        if mention.label != "PER":
            _extend_to_place(doc, mention, mentions)
        match = reading(mention.text)
        if match is None:
            continue
        if mention.label == "PER" and (
            mention.text.casefold() in name_parts or not _place_beats_person(mention, match, named)
        ):
            continue
        mention.place = match
        mention.label = match.place.type
        mention.country = match.place.country


def _place_beats_person(mention: Mention, match: Match, named: set[str]) -> bool:
    """Whether a one-word PER span is rather a country, region or big city: a very big city, or
    a big city or a province in a country the article names whose name no known person bears."""
    if " " in mention.text:
        return False
    place = match.place
    if place.kind == "city":
        if place.population >= CITY_OVER_PERSON_POPULATION:
            return True
        return (
            place.population >= CITY_OVER_UNKNOWN_NAME_POPULATION
            and place.country in named
            and not _known_name_word(match.base if match.form == "genitive" else mention.text)
        )
    if place.kind == "state":
        # A province or state of a country the article names, that no known person is called
        # by ("Guangdong" beside China; "Victoria" stays a person's name).
        return place.country in named and not _known_name_word(
            match.base if match.form == "genitive" else mention.text
        )
    return True


def _named_countries(mentions: list[Mention], reading: Callable[[str], Match | None]) -> set[str]:
    """Countries the mentions name (by a gazetteer reading of a country)."""
    found = set()
    for mention in mentions:
        match = reading(mention.text)
        if match is not None and match.place.kind == "country" and match.place.country:
            found.add(match.place.country)
    return found


def _known_name_word(word: str) -> bool:
    """Whether the actor knowledge knows a person with this given name or surname."""
    knowledge = load_knowledge()
    folded = fold(word)
    return folded in knowledge.by_last or folded in knowledge.given_names


def _covered(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.overlaps(start, end) for m in mentions)


def gazetteer_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Salient places (countries, regions, big cities) written as names the NER missed."""
    added: list[Mention] = []
    index = 0
    size = len(doc)
    while index < size:
        best: tuple[int, Match] | None = None
        if doc.is_capitalised(index):
            for last, match in doc.place_spans(index):
                wanted = match.salient and match.form in ("name", "genitive")
                if wanted and (best is None or last > best[0]):
                    best = (last, match)
            if best is None:
                best = _shouted_place(doc, index)
        if best is None:
            index += 1
            continue
        last, match = best
        start, end = doc.tokens[index].start, doc.tokens[last - 1].end
        if doc.text[start:end].lower() in doc.lexicon.not_names:
            index = last
            continue  # "Dabei" opens a German sentence more often than it names the town
        if _function_word(doc, start, end, last - index):
            index = last
            continue  # "Para ello …" opens a Spanish sentence; it does not name Pará
        if _opens_longer_name(doc, last):
            index = _end_of_capitalised_run(doc, last)
            continue
        if not _covered(mentions, start, end) and not _covered(added, start, end):
            text = doc.text[start:end]
            added.append(
                Mention(start, end, text, match.place.type, "gazetteer", match, match.place.country)
            )
        index = last
    return added


def _function_word(doc: Document, start: int, end: int, tokens: int) -> bool:
    """Whether a one-word place match is a function word of the article's language written
    with a capital ("Para", "Como"); a word in capitals ("US") may still be a place."""
    text = doc.text[start:end]
    return tokens == 1 and not text.isupper() and text.lower() in function_words(doc.article.lang)


def _opens_longer_name(doc: Document, last: int) -> bool:
    """A place name that runs on into more names in the same sentence ("Victoria Tolosa Paz"),
    in a language with no name model or lexicon to say whose name it is: part of a longer name."""
    if doc.lexicon.lang in resource_languages():
        return False
    if last >= len(doc) or not doc.same_sentence(last - 1, last + 1) or doc.joined(last):
        return False
    follower = doc.tokens[last].text
    if not (doc.is_capitalised(last) and follower.isalpha()) or follower.isupper():
        return False
    return not any(match.salient for _, match in doc.place_spans(last))


def _end_of_capitalised_run(doc: Document, index: int) -> int:
    """The first token after the capitalised words starting at `index` (same sentence)."""
    while (
        index < len(doc) and doc.is_capitalised(index) and doc.same_sentence(index - 1, index + 1)
    ):
        index += 1
    return index


def _shouted_place(doc: Document, index: int) -> tuple[int, Match] | None:
    """A salient place written in capitals, as datelines write it ("SINGAPORE (Reuters)")."""
    text = doc.tokens[index].text
    if not text.isupper() or len(text) <= MAX_ACRONYM_LENGTH:
        return None
    match = doc.gazetteer.best(text.title(), ("name",))
    if match is None or not match.salient:
        return None
    return index + 1, match


def _adjective_country(doc: Document, first: int, last: int) -> str | None:
    """The country of a nationality adjective or country genitive spanning tokens first..last-1."""
    text = doc.slice(first, last)
    match = doc.gazetteer.best(text, ("adjective",)) or doc.gazetteer.best(
        text[:1].lower() + text[1:], ("adjective",)
    )
    if match is None:
        match = doc.gazetteer.best(text, ("genitive",))
        if match is None or match.place.kind != "country":
            return None
    return match.place.country


def _org_at(doc: Document, index: int) -> Mention | None:
    """An organisation named by (determiner) + nationality adjective/genitive + noun at `index`."""
    if not doc.gazetteer.may_start(doc.tokens[index].text):
        return None
    for adj_end in range(index + 2, index, -1):
        if adj_end >= len(doc) or not doc.same_sentence(index, adj_end):
            continue
        country = _adjective_country(doc, index, adj_end)
        if country is None:
            continue
        for noun_end in range(min(len(doc), adj_end + 3), adj_end, -1):
            noun = doc.lexicon.org_noun(doc.slice(adj_end, noun_end))
            if noun is None or not doc.same_sentence(index, noun_end):
                continue
            if noun.genitive and noun_end < len(doc) and _is_plain_noun(doc, noun_end):
                noun_end += 1
            return _org_mention(doc, index, noun_end, country, noun.canonical)
    return None


def _org_after_noun(doc: Document, index: int) -> Mention | None:
    """An organisation whose nationality adjective follows its first noun ("le ministère
    français de l'Intérieur", "l'armée russe"), in languages that write it so."""
    adjective = index + 1
    if adjective >= len(doc) or not doc.same_sentence(index, adjective + 1):
        return None
    first = doc.tokens[index].text
    if not first.isalpha():
        return None
    country = _adjective_country(doc, adjective, adjective + 1)
    if country is None:
        return None
    for noun_end in range(min(len(doc), adjective + 5), adjective, -1):
        if not doc.same_sentence(index, noun_end):
            continue
        rest = doc.slice(adjective + 1, noun_end) if noun_end > adjective + 1 else ""
        noun = doc.lexicon.org_noun(f"{first} {rest}".strip())
        if noun is not None:
            last = max(noun_end, adjective + 1)
            return _org_mention(doc, index, last, country, noun.canonical)
    return None


def _is_plain_noun(doc: Document, index: int) -> bool:
    token = doc.tokens[index]
    return token.text.isalpha() and token.text.islower() and token.pos in ("NOUN", "")


def _org_mention(doc: Document, first: int, last: int, country: str, noun: str) -> Mention:
    """Build the ORG mention, reaching back over adjectives to an opening determiner."""
    start_token = first
    probe = first - 1
    while probe >= 0 and doc.tokens[probe].pos == "ADJ" and doc.same_sentence(probe, first + 1):
        probe -= 1
    if (
        doc.lexicon.include_determiner
        and probe >= 0
        and doc.tokens[probe].text.lower() in doc.lexicon.determiners
        and doc.same_sentence(probe, first + 1)
    ):
        start_token = probe
    start, end = doc.tokens[start_token].start, doc.tokens[last - 1].end
    return Mention(start, end, doc.text[start:end], "ORG", "pattern", None, country, noun)


def organisation_mentions(doc: Document) -> list[Mention]:
    """Organisations written as nationality adjective + organisation noun."""
    found: list[Mention] = []
    index = 0
    size = len(doc)
    while index < size:
        mention = _org_at(doc, index)
        if mention is None and doc.lexicon.adjective_after_noun:
            mention = _org_after_noun(doc, index)
        if mention is None:
            index += 1
            continue
        found.append(mention)
        span = doc.token_span(mention.start, mention.end)
        index = span[1] if span else index + 1
    return _repeated_organisations(doc, found)


def _repeated_organisations(doc: Document, found: list[Mention]) -> list[Mention]:
    """The national body named again without its country after the text tied it to one: "Iraq's
    foreign ministry … The foreign ministry said" is Iraq's. A determiner must open the bare noun,
    and every earlier mention of that body must name the same country (two foreign ministries
    named before leave a bare one open)."""
    result = list(found)
    for index in range(1, len(doc)):
        if doc.tokens[index - 1].text.lower() not in doc.lexicon.determiners:
            continue
        if not doc.same_sentence(index - 1, index):
            continue
        start = doc.tokens[index].start
        if any(m.start <= start < m.end for m in result):
            continue
        for noun_end in range(min(len(doc), index + 4), index, -1):
            noun = doc.lexicon.org_noun(doc.slice(index, noun_end))
            if noun is None or not doc.same_sentence(index, noun_end):
                continue
            countries = {
                m.country for m in found if m.canonical == noun.canonical and m.end <= start
            }
            country = countries.pop() if len(countries) == 1 else None
            if country is not None:
                result.append(_org_mention(doc, index, noun_end, country, noun.canonical))
            break
    return sorted(result, key=lambda m: m.start)


def merge_pattern_organisations(mentions: list[Mention], orgs: list[Mention]) -> list[Mention]:
    """Pattern organisations replace NER spans they overlap, unless an NER span holds them whole."""
    kept_orgs = []
    result = list(mentions)
    for org in orgs:
        holders = [
            m for m in result if m.start <= org.start and org.end <= m.end and m.label == "ORG"
        ]
        if holders and any((m.start, m.end) != (org.start, org.end) for m in holders):
            for holder in holders:
                holder.country = holder.country or org.country
            continue
        result = [m for m in result if not m.overlaps(org.start, org.end)]
        kept_orgs.append(org)
    return sorted(result + kept_orgs, key=lambda m: m.start)


def locate_organisations(doc: Document, mentions: list[Mention]) -> None:
    """Give organisations their country: a national institution, or a country word in front.

    An NER span that stops inside a known institution's name is widened to the whole name
    ("Forsvarets" -> "Forsvarets operative hovedkvarter").
    """
    for mention in mentions:
        if mention.label != "ORG":
            continue
        _extend_to_institution(doc, mention, mentions)
        institution = doc.lexicon.institution(mention.text)
        if institution is not None:
            mention.country = mention.country or institution.country
            mention.canonical = mention.canonical or institution.canonical
        mention.country = mention.country or leading_country(doc, mention.text)


def _extend_to_institution(doc: Document, mention: Mention, mentions: list[Mention]) -> None:
    for name in doc.lexicon.institutions:
        end = mention.start + len(name)
        if len(name) <= len(mention.text) or doc.text[mention.start : end] != name:
            continue
        if end < len(doc.text) and doc.text[end].isalnum():
            continue
        if any(m is not mention and m.overlaps(mention.end, end) for m in mentions):
            continue
        mention.end = end
        mention.text = name
        return


def leading_country(doc: Document, name: str) -> str | None:
    """Country named by an organisation's first words ("Indian Army", "Russlands føderasjon")."""
    words = name.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        for match in doc.gazetteer.lookup(head):
            if match.place.kind == "country":
                return match.place.country
        institution = doc.lexicon.institution(head)
        if institution is not None:
            return institution.country
    return None
