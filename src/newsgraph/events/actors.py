"""Actor mentions of a sentence: entities, nationality words, actor groups and resolved pronouns.

Every mention carries the countries it stands for. Nationality words and country genitives that
modify a named person or organisation ("Kinas forsvarsminister Dong Jun", "det russiske
forsvarsdepartementet") are folded into that mention, so the person stays one actor with its
country; free-standing ones ("russiske og kinesiske krigsskip") remain actors of their own with a
country but no entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsgraph.events.compounds import modifier_compound, sided_compound
from newsgraph.events.geo import Geo
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import SentenceView, Word, headline_case
from newsgraph.model import Article, Entity
from newsgraph.text.coref import PronounResolver

ACTOR_TYPES = ("PER", "ORG", "GPE", "LOC")
PLACE_TYPES = ("GPE", "LOC")
MODIFIER_GAP = 4
GAP_POS = ("NOUN", "PROPN", "ADJ", "DET", "NUM")
GENITIVE_ENDINGS = ("'s", "’s", "'", "’")
MAX_PHRASE = 3
EVENT_WORD_POS = ("NOUN", "PROPN", "VERB")
WORD_PIECE = re.compile(r"\w+|,")
# A dateline opening a sentence: a place in capitals with its country or agency, then a dash or
# colon ("ST CATHERINE, Jamaica — ", "OSLO (NTB): ").
DATELINE = re.compile(
    r"^\s*[A-ZÆØÅÄÖÜÉ][A-ZÆØÅÄÖÜÉ .'\-]{1,40}?(?:,[^()\n—–:]{1,30}?|\s*\([^()\n]{1,40}\))\s*[-–—:]\s"
)
# A dateline of a place name alone, written as a name, then a spaced dash before the sentence's
# first word ("Brüssel - Der US-Bierkonzern …", "Oslo – Regjeringen …"): German and Nordic
# agency style.
PLAIN_DATELINE = re.compile(
    r"^\s*[A-ZÆØÅÄÖÜÉ][\w.'’-]*(?: [A-ZÆØÅÄÖÜÉ][\w.'’-]*){0,2} [-–—] (?=[A-ZÆØÅÄÖÜÉ«\"„])"
)
# A dateline's agency in parentheses before a dash or colon, anywhere in a sentence: a headline or
# a caption may be glued before it ("Berlin (ots) - ", "… New York (dpa) - ", "Paris (AFP): ").
AGENCY_MARK = re.compile(r"\(\s*[A-Za-z][A-Za-z/ ,.&-]{0,15}\)\s*[-–—:]\s")
# What may stand between a dateline's place and its agency mark (a comma, spaces).
DATELINE_GAP = re.compile(r"[\s,]*")
# Sectors of political organisations (resources/common/grounding.toml political_sectors), whose
# name before a country does not make a firm's name of it.
POLITICAL_SECTORS = ("GOV", "MIL", "LEG", "JUD", "PTY", "IGO", "REB")
# Dependency relations that join two words into one name.
NAME_RELATIONS = ("compound", "flat", "flat:name")
# What may join the names of one credit: "Foto: Kari Hansen, NTB", "Jane Smith/AP", "A & B".
CREDIT_JOINERS = (",", "/", "&", "-", "–", "og", "and", "und", "och", "et")
# Parts of speech of a sentence's first word that make it no name, whatever the NER says ("Anten
# må ein …" = either one must; "Massive protests …").
NOT_NAME_POS = ("ADJ", "ADV", "DET", "CCONJ", "SCONJ", "ADP", "PRON", "VERB", "AUX", "NUM")
# Lower-case words (four letters or more) that make a sentence no title-cased headline.
HEADLINE_LOWER = 2
# Quotation marks and dashes a sentence may open with before its first word.
OPENING_MARKS = ('"', "«", "“", "'", "‘", "-", "–", "—", "(")
# Quotation marks around a title, a slogan or a group's name ("Red for Ed", «Barna først»).
TITLE_QUOTES = ('"', "«", "»", "“", "”", "„")
# The most words a quoted title or slogan holds; a longer quotation is someone's words.
TITLE_WORDS = 5


@dataclass(frozen=True)
class ActorMention:
    """A stretch of words naming a possible event participant (word indices inclusive)."""

    first: int
    last: int
    kind: str
    countries: tuple[str, ...] = ()
    entity: str | None = None
    modifier: bool = False
    group: int = -1
    # The mention names a country (a state), not a town or region.
    state: bool = False

    @property
    def is_place(self) -> bool:
        """Whether the mention may also name the event's location."""
        return self.kind in PLACE_TYPES


def entity_countries(entity: Entity) -> tuple[str, ...]:
    """The entity's country, else the countries of its titles."""
    if entity.country:
        return (entity.country,)
    return tuple(dict.fromkeys(t.country for t in entity.titles if t.country))


def _is_genitive(text: str, entity: Entity) -> bool:
    if text.endswith(GENITIVE_ENDINGS):
        return True
    return text.endswith("s") and not entity.name.endswith("s") and text[:-1] == entity.name


def _in_compound(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name inside "German-born", "Oslo-based", "pro-Russian" takes no part in the event
    (newsgraph.events.compounds)."""
    return modifier_compound(text, start, end, lexicon) or sided_compound(text, start, end, lexicon)


def _entity_mentions(
    article: Article, view: SentenceView, lexicon: Lexicon, geo: Geo
) -> list[ActorMention]:
    found: list[ActorMention] = []
    for entity in article.entities:
        if entity.type not in ACTOR_TYPES:
            continue
        for mention in entity.mentions:
            if mention.end <= view.start or mention.start >= view.end:
                continue
            indices = view.words_in(mention.start, mention.end)
            if not indices:
                continue
            if _in_compound(article.text, mention.start, mention.end, lexicon):
                continue
            modifier = entity.type == "GPE" and _is_genitive(mention.text, entity)
            found.append(
                ActorMention(
                    first=indices[0],
                    last=indices[-1],
                    kind=entity.type,
                    countries=entity_countries(entity),
                    entity=entity.id,
                    modifier=modifier,
                    state=_mention_country(entity, mention.text, lexicon, geo) is not None,
                )
            )
    found.sort(key=lambda m: (m.first, -(m.last - m.first)))
    kept: list[ActorMention] = []
    for candidate in found:
        if kept and candidate.first <= kept[-1].last:
            continue
        kept.append(candidate)
    return kept


def _dateline_end(article: Article, view: SentenceView) -> int:
    """Where the dateline opening the sentence ends (its start when there is none). A place in
    it is where the report was filed, never a party to what it reports ("ST CATHERINE, Jamaica
    — A police inspector was assaulted …")."""
    window = min(view.end, view.start + 120)
    found = DATELINE.match(article.text, view.start, window) or PLAIN_DATELINE.match(
        article.text, view.start, window
    )
    return view.start if found is None else found.end()


def _filed_at(article: Article, view: SentenceView) -> set[int]:
    """Words ending right before a dateline's agency mark ("Berlin (ots) - ", "… New York (dpa) -
    "): the place the report was filed from, also where a headline stands before it."""
    ends: set[int] = set()
    for found in AGENCY_MARK.finditer(article.text, view.start, view.end):
        gap_start = found.start()
        while gap_start > view.start and DATELINE_GAP.fullmatch(article.text[gap_start - 1]):
            gap_start -= 1
        ends.add(gap_start)
    return {word.index for word in view.words if word.end in ends}


def _credit_words(view: SentenceView, lexicon: Lexicon) -> set[int]:
    """The words of the photo or graphics credits in a sentence ("Foto Terje Pedersen, ANB |",
    "Photo: Jane Smith/AP"): the names (capitalised words) and their separators that follow a
    credit word written with a capital or a colon. Caption credits glued to a sentence name
    the photographer and the agency, never a party to the event the sentence reports."""
    credit = lexicon.cue("credit_words")
    words = view.words
    found: set[int] = set()
    for word in words:
        if not credit.matches_word(word):
            continue
        index = word.index + 1
        if index < len(words) and words[index].text == ":":
            index += 1
        elif not word.text[:1].isupper():
            continue
        while index < len(words) and (
            words[index].text[:1].isupper() or words[index].text in CREDIT_JOINERS
        ):
            found.add(index)
            index += 1
    return found


def _in_firm_name(
    article: Article, view: SentenceView, lexicon: Lexicon, geo: Geo, mention: ActorMention
) -> bool:
    """A country name closing a firm's or brand's name is no state: "Toyota Norway offered a
    discount", "Telenor Sverige lover …", "Air France". The parse joins the word before it and
    the country into one name, and that word is a proper noun of no person, place or political
    body, written in lower and upper case; not an acronym ("the EU Ukraine summit"), a time word ("Monday Russia said"),
    a word of a headline, nor the first half of a longer place name ("South Sudan")."""
    if mention.kind != "GPE" or mention.first == 0:
        return False
    before = view.words[mention.first - 1]
    if not (before.text[:1].isupper() and before.text.isalpha() and not before.text.isupper()):
        return False
    if before.end + 1 < view.words[mention.first].start:
        return False
    country = view.words[mention.first]
    # The parse joins the two words into one name ("Toyota" a compound of "Norway", "Sverige" a
    # flat name part of "Telenor").
    if not (
        (before.dep in NAME_RELATIONS and before.head == country.index)
        or (country.dep in NAME_RELATIONS and country.head == before.index)
    ):
        return False
    owners = [
        entity
        for entity in article.entities
        if any(span.start <= before.start < span.end for span in entity.mentions)
    ]
    # An untagged proper noun or an organisation of no political sector: a political body before
    # a country names a second side ("Hamas Israel talks").
    if any(
        entity.type != "ORG" or (entity.sector or "").upper() in POLITICAL_SECTORS
        for entity in owners
    ) or (not owners and before.pos != "PROPN"):
        return False
    if lexicon.cue("time_nouns").matches_word(before):
        return False
    if any(t.caption is None and t.start <= before.start < t.end for t in article.times):
        return False
    name = article.text[before.start : view.words[mention.last].end]
    if geo.country(name) or geo.place(name) is not None:
        return False
    return not headline_case(view.words)


def _name_fragment(
    article: Article,
    view: SentenceView,
    lexicon: Lexicon,
    mention: ActorMention,
    named: set[int],
) -> bool:
    """A person's or place's name the NER cut out of a longer proper name is no participant:
    "Abraham" of "the Abraham Accords", "Federal District" of "Federal District Court". The word right after it is capitalised, joined to it without punctuation, and is no
    name, title, time or political body of its own ("US President Joe Biden", "Israel Sunday
    said", "the Trump Administration", "EU Ukraine summit"); headlines, whose words are all
    capitalised, are left alone. `named` holds the words of every other mention."""
    following = mention.last + 1
    if mention.state or mention.kind not in ("PER", "GPE", "LOC") or mention.modifier:
        # A country or a genitive qualifies what follows ("US Predator attacks", "Nicaragua's
        # Sandinista government"); an organisation's name cut short by the NER still names it
        # ("International Labor" of "International Labor Office").
        return False
    if following >= len(view.words) or following in named:
        return False
    word = view.words[following]
    if not (word.text[:1].isupper() and word.text.isalpha() and not word.text.isupper()):
        return False
    if word.start != view.words[mention.last].end + 1 or word.text == "I":
        return False
    if any(
        (span.start <= word.start < span.end)
        for entity in article.entities
        for span in entity.mentions
    ) or any(
        title.start is not None and title.end is not None and title.start <= word.start < title.end
        for entity in article.entities
        for title in entity.titles
    ):
        return False
    if any(t.caption is None and t.start <= word.start < t.end for t in article.times):
        return False
    if word.pos in ("VERB", "AUX") or any(
        lexicon.cue(cue).matches_word(word)
        for cue in ("time_nouns", "political_orgs", "political_nouns", "speech")
    ):
        return False
    # A headline capitalises its words; a sentence full of names still has lower-case words.
    lower = [w for w in view.words if w.text.isalpha() and len(w.text) > 3 and w.text.islower()]
    return len(lower) >= HEADLINE_LOWER


def _common_word_name(view: SentenceView, lexicon: Lexicon, mention: ActorMention) -> bool:
    """A sentence's capitalised first word that the parse reads as no proper noun is no name: an
    adjective, adverb or conjunction ("Anten må ein …"), or a common noun of people ("Barna
    først", the children). Only with a parse, and never a political body or an institution
    ("Regjeringen", "Forsvaret")."""
    if not view.has_deps or mention.first != mention.last:
        return False
    first = 0
    while first < len(view.words) and view.words[first].text in OPENING_MARKS:
        first += 1
    if mention.first != first or mention.kind not in ACTOR_TYPES or mention.state:
        return False
    word = view.words[mention.first]
    if word.dep.startswith("nsubj") and word.pos != "NOUN":
        # The parser takes a name opening the sentence for an adjective ("Serbia lodged …").
        return False
    if any(
        lexicon.cue(cue).matches_word(word)
        for cue in ("political_orgs", "political_nouns", "national_institutions")
    ):
        return False
    return word.pos in NOT_NAME_POS or (
        word.pos == "NOUN" and lexicon.cue("actor_nouns").matches_word(word)
    )


def _quoted_title(view: SentenceView, lexicon: Lexicon, mention: ActorMention) -> bool:
    """Whether a name is a piece of a short quoted title or slogan: quotation marks around at
    most TITLE_WORDS words, among them a word of another kind than the name and a determiner,
    and no verb ("chanted “Red for Ed”", '" Barna først " laga eit opprop', «det flerkulturelle
    Norge»). The title names a campaign, a book or a group, not the person or country in it; a
    name quoted alone ("the “Islamic State”") stays. Only with a parse, which finds the verbs."""
    if not view.has_deps:
        # Without a parse a quoted sentence ("«Russland angrep Ukraina»") cannot be told apart.
        return False
    words = view.words
    opening = mention.first - 1
    while (
        opening >= 0
        and mention.first - opening <= TITLE_WORDS
        and words[opening].text not in TITLE_QUOTES
    ):
        opening -= 1
    closing = mention.last + 1
    while (
        closing < len(words)
        and closing - mention.last <= TITLE_WORDS
        and words[closing].text not in TITLE_QUOTES
    ):
        closing += 1
    if opening < 0 or closing >= len(words):
        return False
    if words[opening].text not in TITLE_QUOTES or words[closing].text not in TITLE_QUOTES:
        return False
    inside = [w for w in words[opening + 1 : closing] if w.text[:1].isalnum()]
    if len(inside) > TITLE_WORDS or any(w.pos in ("VERB", "AUX") for w in inside):
        return False
    determiners = lexicon.cue("determiners")
    span = range(mention.first, mention.last + 1)
    # A proper noun the parse joins to the name is part of it («Eretz Israel»).
    joined = {w.index for w in inside if w.dep in NAME_RELATIONS and w.head in span} | {
        head for i in span if (head := words[i].head) is not None and words[i].dep in NAME_RELATIONS
    }
    others = [
        w
        for w in inside
        if w.index not in span and w.index not in joined and not determiners.matches_word(w)
    ]
    return bool(others)


def _country_entity(article: Article, country: str) -> str | None:
    """A GPE entity of the article standing for the country itself, to give a word an actor id."""
    for entity in article.entities:
        if entity.type == "GPE" and entity.country == country and entity.lat is None:
            return entity.id
    return None


def _word_mentions(
    view: SentenceView, taken: set[int], lexicon: Lexicon, geo: Geo, article: Article
) -> list[ActorMention]:
    """Nationality adjectives, country names the NER missed, and named actor groups."""
    words = view.words
    found: list[ActorMention] = []
    index = 0
    while index < len(words):
        hit = None
        if not words[index].text[:1].isalpha():
            # No phrase opens with a digit or a punctuation mark.
            index += 1
            continue
        for size in range(min(MAX_PHRASE, len(words) - index), 0, -1):
            span = range(index, index + size)
            if any(i in taken for i in span):
                continue
            phrase = " ".join(words[i].text for i in span)
            hit = _phrase_mention(phrase, index, index + size - 1, lexicon, geo, article)
            if hit is not None:
                break
        if hit is None:
            index += 1
            continue
        if hit.kind != "GROUP" and _in_compound(
            article.text, words[hit.first].start, words[hit.last].end, lexicon
        ):
            hit = None
        if hit is None:
            index += 1
            continue
        found.append(hit)
        index = hit.last + 1
    return found


def _phrase_mention(
    phrase: str, first: int, last: int, lexicon: Lexicon, geo: Geo, article: Article
) -> ActorMention | None:
    group = lexicon.actor_groups.get(phrase.lower())
    if group:
        return ActorMention(first, last, "GROUP", countries=group)
    if len(phrase) < 3:
        return None
    adjective = geo.adjective(phrase)
    if adjective:
        return ActorMention(first, last, "NAT", countries=(adjective,), modifier=True)
    for ending in lexicon.nationality_plurals:
        # "Palestinians", "Israelis": the people of a nationality act as its side. A country name
        # ending so ("Philippines") is matched as a country below, never as a plural.
        stem = phrase[: -len(ending)]
        if phrase[:1].isupper() and phrase.endswith(ending) and len(stem) >= 3:
            people = geo.adjective(stem)
            if people and not geo.country(phrase):
                return ActorMention(first, last, "NAT", countries=(people,))
    if phrase[:1].isupper():
        country = geo.country(phrase)
        if country:
            genitive = phrase.endswith(GENITIVE_ENDINGS) or (
                phrase.endswith("s") and geo.country(phrase[:-1]) == country
            )
            return ActorMention(
                first,
                last,
                "GPE",
                countries=(country,),
                entity=_country_entity(article, country),
                modifier=genitive,
                state=True,
            )
    return None


def _subject_before(
    view: SentenceView, lexicon: Lexicon, mentions: list[ActorMention], index: int
) -> str | None:
    """The nearest person named earlier in the sentence without a preposition before it."""
    prepositions = [p for phrases in lexicon.prepositions.values() for p in phrases.patterns]
    for mention in sorted(mentions, key=lambda m: -m.first):
        if mention.kind != "PER" or mention.last >= index or mention.entity is None:
            continue
        previous = view.words[mention.first - 1] if mention.first else None
        if previous is None or not any(
            len(p.elements) == 1 and p.elements[0].accepts(previous) for p in prepositions
        ):
            return mention.entity
    return None


def _pronoun_mentions(
    view: SentenceView,
    taken_mentions: list[ActorMention],
    lexicon: Lexicon,
    persons: PronounResolver,
    article: Article,
) -> list[ActorMention]:
    taken = {i for m in taken_mentions for i in range(m.first, m.last + 1)}
    pronouns = lexicon.cue("pronouns")
    named_here = frozenset(
        entity.id
        for entity in article.entities
        if entity.type == "PER" and any(view.start <= m.start < view.end for m in entity.mentions)
    )
    found = []
    for word in view.words:
        if word.index in taken or not pronouns.matches_word(word):
            continue
        # "she shook hands with Pak": a person named in the same sentence is not "she"; one named
        # earlier in it as a subject is ("reiste Eide videre til Shanghai, der han skal møte …").
        later = frozenset(e for e in named_here if _named_after(article, e, word.start, view.end))
        person = _subject_before(
            view, lexicon, taken_mentions, word.index
        ) or persons.person_before(word.start, avoid=later)
        entity = article.entity(person)
        if entity is None:
            continue
        found.append(
            ActorMention(word.index, word.index, "PER", entity_countries(entity), entity.id)
        )
    return found


def _named_after(article: Article, entity_id: str, start: int, end: int) -> bool:
    entity = article.entity(entity_id)
    return entity is not None and any(start < m.start < end for m in entity.mentions)


def one_word_trigger(lexicon: Lexicon, word: Word, categories: tuple[str, ...] = ()) -> bool:
    """Whether a noun or verb is a one-word trigger ("invasion", "assassination", "supporting"):
    an act of its own; with `categories`, of one of those."""
    if word.pos not in EVENT_WORD_POS:
        return False
    for number in lexicon.trigger_starts.starting(word):
        rule, pattern = lexicon.trigger_patterns[number]
        if len(pattern.elements) == 1 and (not categories or rule.category in categories):
            return True
    return False


def _gap_ok(
    words: tuple[Word, ...],
    lo: int,
    hi: int,
    head: ActorMention,
    article: Article,
    lexicon: Lexicon,
) -> bool:
    """Whether the words between a modifier and a named head may all belong to one noun phrase;
    an act between them is the modifier's ("the Israeli assassination of Sheikh Yassin")."""
    if hi - lo > MODIFIER_GAP:
        return False
    if any(one_word_trigger(lexicon, word) for word in words[lo:hi]):
        return False
    entity = article.entity(head.entity)
    title_words = {
        piece.lower() for title in (entity.titles if entity else []) for piece in title.text.split()
    }
    for word in words[lo:hi]:
        if word.pos:
            if word.pos not in GAP_POS and word.lower not in title_words:
                return False
        elif word.lower not in title_words and not word.text[:1].isupper():
            return False
    return True


def _fold_modifiers(
    mentions: list[ActorMention], words: tuple[Word, ...], article: Article, lexicon: Lexicon
) -> list[ActorMention]:
    """Fold nationality words and genitives into the named person/organisation they modify."""
    result: list[ActorMention] = []
    pending: list[ActorMention] = []
    for mention in mentions:
        if mention.kind in ("PER", "ORG") and mention.entity is not None and pending:
            absorbed = [
                m
                for m in pending
                if _gap_ok(words, m.last + 1, mention.first, mention, article, lexicon)
            ]
            if absorbed and absorbed[-1] is pending[-1]:
                countries = list(mention.countries)
                if not countries:
                    countries = [c for m in absorbed for c in m.countries]
                mention = replace(mention, first=absorbed[0].first, countries=tuple(countries))
                result.extend(m for m in pending if m not in absorbed)
                pending = []
        result.extend(pending)
        pending = []
        if mention.modifier or (mention.kind == "GPE" and mention.entity is not None):
            pending.append(mention)
        else:
            result.append(mention)
    result.extend(pending)
    result.sort(key=lambda m: m.first)
    return result


def _group(
    mentions: list[ActorMention], view: SentenceView, lexicon: Lexicon
) -> list[ActorMention]:
    """Number coordinated mentions ("X og Y", "X, Y and Z") with a shared group id."""
    grouped: list[ActorMention] = []
    group = 0
    for number, mention in enumerate(mentions):
        if number and not _coordinated(view, lexicon, grouped[-1].last + 1, mention.first):
            group += 1
        grouped.append(replace(mention, group=group))
    return grouped


def _coordinated(view: SentenceView, lexicon: Lexicon, lo: int, hi: int) -> bool:
    """Whether the words between two mentions join them: a comma, a hyphen or "og"/"and", plus
    determiners after the conjunction ("X og dens Y"); adjacent names are subject and object."""
    between = view.words[lo:hi]
    if not between:
        return False
    joiners, determiners = lexicon.cue("coordinators"), lexicon.cue("determiners")
    if len(between) == 1 and between[0].text in ("-", "–", "/"):
        return True
    if not (joiners.matches_word(between[0]) or between[0].text == ","):
        return False
    rest = between[1:]
    if rest and (joiners.matches_word(rest[0]) or rest[0].text == ","):
        rest = rest[1:]
    return len(rest) <= 2 and all(determiners.matches_word(w) or w.pos == "DET" for w in rest)


def _styled_country(mention: ActorMention, article: Article, geo: Geo) -> ActorMention:
    """A person styled by their country ("King Hassan of Morocco", "the Emir of Qatar") whose
    entity carries none stands for that country."""
    entity = article.entity(mention.entity)
    if mention.kind != "PER" or mention.countries or entity is None:
        return mention
    _, of, tail = entity.name.rpartition(" of ")
    country = geo.country(tail) if of and tail[:1].isupper() else None
    return replace(mention, countries=(country,)) if country else mention


def _place_country(
    mention: ActorMention, view: SentenceView, lexicon: Lexicon, geo: Geo
) -> ActorMention:
    """A place the entities layer left without a country that names one once its article is
    dropped ("the Netherlands", "the Philippines") stands for that country, as a state."""
    if not mention.is_place or mention.countries:
        return mention
    words = view.words[mention.first : mention.last + 1]
    if words and lexicon.cue("determiners").matches_word(words[0]):
        words = words[1:]
    name = " ".join(w.text for w in words)
    country = geo.country(name) if name[:1].isupper() else None
    # A country is a state, whatever type the tagger gave it.
    return replace(mention, countries=(country,), kind="GPE", state=True) if country else mention


def _mention_country(entity: Entity, text: str, lexicon: Lexicon, geo: Geo) -> str | None:
    """The country a place mention stands for when it names a country, not a town."""
    if entity.type not in PLACE_TYPES:
        return None
    first, _, rest = text.partition(" ")
    bare = rest if rest and lexicon.cue("determiners").in_name(first.lower()) else text
    found = geo.country(text) or geo.country(bare)
    if found is None and entity.type == "GPE" and entity.lat is None:
        return entity.country
    return found


def country_lists(
    article: Article, lexicon: Lexicon, geo: Geo
) -> list[tuple[int, tuple[str, ...]]]:
    """Every coordinated list of two or more countries in the article ("the US, the UK, the
    Netherlands, Germany, and Switzerland"), as (end offset, countries), in text order: what a
    later "the countries" or "de fem landene" refers back to."""
    named = sorted(
        (mention.start, mention.end, country)
        for entity in article.entities
        for mention in entity.mentions
        if (country := _mention_country(entity, mention.text, lexicon, geo))
    )
    joiners, determiners = lexicon.cue("coordinators"), lexicon.cue("determiners")

    def joins(between: str) -> bool:
        pieces = WORD_PIECE.findall(between)
        return bool(pieces) and all(
            piece == "," or joiners.in_name(piece.lower()) or determiners.in_name(piece.lower())
            for piece in pieces
        )

    lists: list[tuple[int, tuple[str, ...]]] = []
    run: list[tuple[int, int, str]] = []
    for item in named:
        if run and not joins(article.text[run[-1][1] : item[0]]):
            if len({c for _, _, c in run}) > 1:
                lists.append((run[-1][1], tuple(dict.fromkeys(c for _, _, c in run))))
            run = []
        run.append(item)
    if len({c for _, _, c in run}) > 1:
        lists.append((run[-1][1], tuple(dict.fromkeys(c for _, _, c in run))))
    return lists


def _anaphor_mentions(
    view: SentenceView,
    taken: set[int],
    lexicon: Lexicon,
    antecedents: Sequence[tuple[int, tuple[str, ...]]],
) -> list[ActorMention]:
    """ "The countries", "the five world countries", "landene": the latest list of countries
    named before them in the article."""
    found = []
    qualifiers = [lexicon.cue("relativizers"), lexicon.preposition("place")]
    for span in lexicon.cue("country_anaphors").spans(view.words):
        if any(i in taken for i in span):
            continue
        after = span[-1] + 1
        if after < len(view.words) and any(
            q.starts_at(view.words, after) is not None for q in qualifiers
        ):
            # "landene rundt Tsjad-sjøen", "the countries in the region": a phrase that says
            # which countries it means refers to no earlier list.
            continue
        start = view.words[span[0]].start
        earlier = [countries for end, countries in antecedents if end <= start]
        if earlier:
            found.append(ActorMention(span[0], span[-1], "GROUP", countries=earlier[-1]))
    return found


def national_home(article: Article, home: str | None) -> str | None:
    """The country whose institutions the language's bare nouns name ("regjeringen",
    "forsvarsministeren"): the home country in national news, none in a report filed from
    abroad, where a dateline opening the article names a place of another country ("NAIROBI
    (NTB): Regjeringen …" is no Norwegian government; which one it is the text must say)."""
    if home is None or not article.sentences:
        return home
    first = article.sentences[0]
    found = DATELINE.match(article.text, first.start, min(first.end, first.start + 120))
    end = found.end() if found is not None else first.start
    filed = {
        entity.country
        for entity in article.entities
        if entity.type in PLACE_TYPES
        and entity.country
        and any(first.start <= m.start < end for m in entity.mentions)
    }
    if article.meta.dateline:
        filed |= {
            e.country
            for e in article.entities
            if e.type in PLACE_TYPES and e.country and e.name == article.meta.dateline
        }
    return None if filed and home not in filed else home


def _institution_mentions(
    article: Article, view: SentenceView, taken: set[int], lexicon: Lexicon, home: str | None
) -> list[ActorMention]:
    """A national institution named by its common noun ("forsvaret", "regjeringen") in an
    outlet of one country is that country's: the home country, unless a nationality word or a
    country right before it says whose it is ("den russiske regjeringen")."""
    if home is None:
        return []
    found = []
    owners = (lexicon.preposition("place"), lexicon.preposition("from"))
    for span in lexicon.cue("national_institutions").spans(view.words):
        if any(i in taken for i in span):
            continue
        before = view.words[max(0, span[0] - 2) : span[0]]
        if any(w.index in taken or (w.index > 0 and w.text[:1].isupper()) for w in before):
            continue
        after = view.words[span[-1] + 1 : span[-1] + 3]
        if (
            len(after) == 2
            and after[1].text[:1].isupper()
            and any(p.matches_word(after[0]) for p in owners)
        ):
            # "regjeringen i Kenya", "forsvaret til Ukraina": the place says whose it is.
            continue
        text = " ".join(w.lower for w in view.words[span[0] : span[-1] + 1])
        entity = next(
            (e.id for e in article.entities if e.type == "ORG" and e.name.casefold() == text),
            None,
        )
        found.append(ActorMention(span[0], span[-1], "ORG", countries=(home,), entity=entity))
    return found


def actor_mentions(
    article: Article,
    view: SentenceView,
    lexicon: Lexicon,
    geo: Geo,
    persons: PronounResolver,
    antecedents: Sequence[tuple[int, tuple[str, ...]]] = (),
    home: str | None = None,
) -> list[ActorMention]:
    """Every possible participant named in a sentence view, left to right; `antecedents` are the
    article's lists of countries (country_lists) that a plural "the countries" refers to, `home`
    the country whose institutions the language's bare nouns name (national_institutions)."""
    mentions = [
        _place_country(_styled_country(m, article, geo), view, lexicon, geo)
        for m in _entity_mentions(article, view, lexicon, geo)
    ]
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _anaphor_mentions(view, taken, lexicon, antecedents)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _word_mentions(view, taken, lexicon, geo, article)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _institution_mentions(article, view, taken, lexicon, home)
    mentions += _pronoun_mentions(view, list(mentions), lexicon, persons, article)
    # A dateline's place, a country closing a firm's name, a photo credit's names, a piece of a
    # longer name and a common word the NER took for a name are no participants.
    credited = _credit_words(view, lexicon)
    dateline = _dateline_end(article, view)
    filed = _filed_at(article, view)
    named = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions = [
        m
        for m in mentions
        if not (m.kind in PLACE_TYPES and (view.words[m.last].end <= dateline or m.last in filed))
        and not _in_firm_name(article, view, lexicon, geo, m)
        and not (m.first in credited and m.last in credited)
        and not (m.entity is not None and _name_fragment(article, view, lexicon, m, named))
        and not (m.entity is not None and _common_word_name(view, lexicon, m))
        and not _quoted_title(view, lexicon, m)
    ]
    mentions.sort(key=lambda m: m.first)
    return _group(_fold_modifiers(mentions, view.words, article, lexicon), view, lexicon)
