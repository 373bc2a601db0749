"""Types from what is known about a name, over the NER's label, and names the NER missed.

An NER model errs on types and boundaries in its own way; these rules make the entity layer
hold up whichever model made the spans. They use the actor knowledge, the gazetteer and the
language's organisation heads (resources/<lang>/organisations.toml [names]):

- a span that ends in an organisation head ("... Council", "... Centre for Human Rights",
  "Arbeiderpartiet") and that the gazetteer does not know as a place is an ORG;
- a span typed ORG, LOC or GPE that the gazetteer does not know is a PER when the knowledge
  knows the full name (or, one word, the surname of a head of state or government in office on
  the article's day), when a title stands right before it ("spokesperson Ndivhuwo Mabaya"), when
  (typed ORG) it opens with a given name the knowledge knows ("Ihor Terehov"; places are often
  named after persons: "Jan Mayen"), or (not ORG) when a speech verb follows it;
- a one-word PER that the gazetteer knows as a sizeable city of a country the article names,
  and that is no word of a known person's name, is the city (see `mentions.type_with_gazetteer`);
- multi-word organisation names of the knowledge written with capitals in the text are found
  even where the NER missed them ("African National Congress"); one that holds an organisation
  a pattern found replaces it, one that only overlaps such an organisation is dropped.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.entities.actors import article_day
from newsgraph.entities.document import Document, Mention
from newsgraph.knowledge import ActorKnowledge, load_knowledge
from newsgraph.knowledge.names import fold

# Longest person name, in words, that a given name or a title may make a person.
MAX_PERSON_WORDS = 4
# Longest organisation name of the knowledge looked for in the text, in tokens.
MAX_ORGANISATION_TOKENS = 10
# A knowledge organisation name found in the text without an organisation head needs this many
# words: two-word names there are often common phrases or persons.
MIN_BARE_ORGANISATION_WORDS = 3
# Tokens a name may grow by over joiners and capitalised words after its head.
MAX_HEAD_EXTENSION = 4
POSSESSIVES = frozenset({"'s", "’s"})
# Resolutions of a full name that make a span a person (fuzzy and partial ones are too loose).
SURE_PERSON = frozenset({"exact", "subset"})
RETYPED_LABELS = frozenset({"ORG", "LOC", "GPE"})


def _name_word(word: str) -> bool:
    """A word of a personal name: a capital first, or a particle joined by a hyphen
    ("al-Mughrabi"); letters, hyphens and apostrophes only."""
    if not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    return word[:1].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _looks_like_person(doc: Document, text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_PERSON_WORDS or not all(_name_word(w) for w in words):
        return False
    return not any(doc.lexicon.is_name_head(word) for word in words)


def ends_in_head(doc: Document, text: str) -> bool:
    """Whether a name ends in an organisation head, maybe followed by joiners and capitalised
    words ("Palestinian Centre for Human Rights", "Ministry of the Interior")."""
    words = text.split()
    for index, word in enumerate(words):
        if not doc.lexicon.is_name_head(word.rstrip(",.")):
            continue
        rest = words[index + 1 :]
        if not rest:
            return True
        if rest[0].casefold() in doc.lexicon.name_joiners and all(
            w[:1].isupper() or w.casefold() in doc.lexicon.name_joiners for w in rest
        ):
            return rest[-1][:1].isupper()
    return False


def _known_organisation(doc: Document, knowledge: ActorKnowledge, text: str) -> bool:
    if doc.lexicon.institution(text) is not None:
        return True
    base = doc.lexicon.strip_genitive(text)
    return any(knowledge.organisation(name) is not None for name in (text, base) if name)


def _known_person(knowledge: ActorKnowledge, doc: Document, text: str, day: str | None) -> bool:
    """Whether the knowledge names a person so: a full name, or a ruler's surname alone."""
    base = doc.lexicon.strip_genitive(text)
    for name in (text, base):
        if not name:
            continue
        if " " in name:
            found = knowledge.person(name, day)
            if found is not None and found.how in SURE_PERSON:
                return True
        elif knowledge.surname(name, day) is not None:
            return True
    return False


def _title_before(doc: Document, mention: Mention) -> bool:
    """Whether a lower-case title stands right before the span ("spokesperson X Y")."""
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return False
    first = span[0]
    for size in range(1, doc.lexicon.title_max_words + 1):
        start = first - size
        if start < 0 or not doc.same_sentence(start, first + 1):
            break
        text = doc.slice(start, first)
        if text[:1].islower() and doc.lexicon.title(text) is not None:
            return True
    return False


def _speaks(doc: Document, mention: Mention) -> bool:
    """Whether the name is the subject of a speech verb right after it ("Leila said"), or after
    it and a comma when a comma opens it too ("his aunt, Leila, told reporters"); not when a name
    follows the verb ("..., says Stoltenberg" names another speaker). A place the gazetteer does
    not know does not speak."""
    span = doc.token_span(mention.start, mention.end)
    if span is None:
        return False
    first, index = span
    if index < len(doc) and doc.tokens[index].text == ",":
        if first == 0 or doc.tokens[first - 1].text != ",":
            return False
        index += 1
    if index >= len(doc) or not doc.same_sentence(first, index + 1):
        return False
    if doc.tokens[index].text.lower() not in doc.lexicon.speech_forms:
        return False
    following = index + 1
    return following >= len(doc) or not doc.is_capitalised(following)


def _opens_with_given_name(doc: Document, knowledge: ActorKnowledge, text: str) -> bool:
    """Two or more name words whose first is a given name of known persons and no place."""
    words = text.split()
    if len(words) < 2:
        return False
    first = fold(words[0])
    return first in knowledge.given_names and not doc.gazetteer.lookup(words[0])


def retype_mentions(doc: Document, mentions: list[Mention]) -> None:
    """Correct the NER's type where a name's head, the knowledge or a title says otherwise.

    Only spans without a gazetteer reading change: a place the gazetteer knows keeps its type.
    """
    knowledge = load_knowledge()
    day = article_day(doc.article)
    for mention in mentions:
        if mention.source != "model" or mention.place is not None:
            continue
        if ends_in_head(doc, mention.text):
            if mention.label in ("PER", "LOC", "GPE"):
                mention.label = "ORG"
            continue
        if mention.label not in RETYPED_LABELS or mention.country is not None:
            continue
        if not _looks_like_person(doc, mention.text):
            continue
        if _known_organisation(doc, knowledge, mention.text):
            continue
        multi = " " in mention.text
        if (
            _known_person(knowledge, doc, mention.text, day)
            or (mention.label != "ORG" and _speaks(doc, mention))
            or (multi and _title_before(doc, mention))
            or (
                multi
                and mention.label == "ORG"
                and _opens_with_given_name(doc, knowledge, mention.text)
            )
        ):
            mention.label = "PER"


def extend_to_heads(doc: Document, mentions: list[Mention]) -> None:
    """Grow an ORG span over the rest of its name: joiners and capitalised words after a head
    ("International Organization" + "for Migration"), or a possessive and a head ("UN Children"
    + "’s Fund")."""
    for mention in mentions:
        if mention.label != "ORG":
            continue
        span = doc.token_span(mention.start, mention.end)
        if span is None:
            continue
        end = _name_end(doc, span[0], span[1])
        if end == span[1]:
            continue
        new_end = doc.tokens[end - 1].end
        if any(m is not mention and m.overlaps(mention.end, new_end) for m in mentions):
            continue
        mention.end = new_end
        mention.text = doc.text[mention.start : new_end]


def _name_end(doc: Document, first: int, last: int) -> int:
    """End token of the organisation name that tokens first..last-1 begin."""
    lexicon = doc.lexicon
    limit = min(len(doc), last + MAX_HEAD_EXTENSION)
    if lexicon.is_name_head(doc.tokens[last - 1].text):
        best = last
        index = last
        while index < limit and doc.same_sentence(first, index + 1):
            text = doc.tokens[index].text
            if text.casefold() in lexicon.name_joiners:
                index += 1
                continue
            if not doc.is_capitalised(index) or not text.isalpha():
                break
            index += 1
            best = index
        return best if doc.tokens[best - 1].text[:1].isupper() else last
    if last + 1 < len(doc) and doc.tokens[last].text in POSSESSIVES:
        for end in range(last + 2, min(len(doc), last + 3) + 1):
            if not doc.same_sentence(first, end) or not doc.is_capitalised(end - 1):
                break
            if lexicon.is_name_head(doc.tokens[end - 1].text):
                return end
    return last


# The knowledge's names come from English-language dictionaries, a few with a leading article
# ("The Advisory Board Company"); a sentence's opening "The" is not part of the name after it
# ("The United Nations will provide ..." names the United Nations).
LEADING_ARTICLES = frozenset({"the"})


@lru_cache(maxsize=1)
def _organisation_first_words() -> frozenset[str]:
    """First folded words of the knowledge's organisation names of two words or more."""
    return frozenset(name.split()[0] for name in load_knowledge().org_names if " " in name)


def knowledge_organisations(doc: Document) -> list[Mention]:
    """Organisation names of the knowledge written with capitals, longest first at each token.

    A name of fewer than MIN_BARE_ORGANISATION_WORDS words needs an organisation head; a
    name the gazetteer knows as a place is left to it."""
    knowledge = load_knowledge()
    first_words = _organisation_first_words()
    found: list[Mention] = []
    index = 0
    size = len(doc)
    while index < size:
        end = None
        # Most tokens are not capitalised: that test comes before folding the token.
        if doc.is_capitalised(index):
            word = fold(doc.tokens[index].text)
            if word in first_words and word not in LEADING_ARTICLES:
                end = _organisation_end(doc, knowledge, index)
        if end is None:
            index += 1
            continue
        start, stop = doc.tokens[index].start, doc.tokens[end - 1].end
        text = doc.text[start:stop]
        found.append(Mention(start, stop, text, "ORG", "knowledge"))
        index = end
    return found


def _organisation_end(doc: Document, knowledge: ActorKnowledge, first: int) -> int | None:
    limit = min(len(doc), first + MAX_ORGANISATION_TOKENS)
    for end in range(limit, first + 1, -1):
        if not doc.same_sentence(first, end) or not doc.is_capitalised(end - 1):
            continue
        words = [doc.tokens[i].text for i in range(first, end)]
        if not all(_capital_or_joiner(doc, word) for word in words):
            continue
        text = doc.slice(first, end)
        folded = fold(text)
        if folded not in knowledge.org_names or knowledge.organisation(text) is None:
            continue
        bare = len(folded.split()) < MIN_BARE_ORGANISATION_WORDS
        if bare and not doc.lexicon.is_name_head(words[-1]):
            continue
        if doc.gazetteer.best(text, ("name", "genitive")) is not None:
            continue
        if doc.lexicon.title(text) is not None:
            continue  # an office ("Secretary of State"), which roles read as a title
        return end
    return None


def _capital_or_joiner(doc: Document, word: str) -> bool:
    if not any(ch.isalnum() for ch in word):
        return word in POSSESSIVES or word in ("-", "&", "'", "’")
    return word[:1].isupper() or word.casefold() in doc.lexicon.name_joiners or word in POSSESSIVES


def merge_known_organisations(patterns: list[Mention], known: list[Mention]) -> list[Mention]:
    """Pattern organisations and knowledge organisations without overlaps: a knowledge name that
    holds pattern organisations replaces them; one that only overlaps one is dropped."""
    kept = list(patterns)
    for org in known:
        overlapping = [p for p in kept if p.overlaps(org.start, org.end)]
        if all(org.start <= p.start and p.end <= org.end for p in overlapping):
            kept = [p for p in kept if p not in overlapping]
            kept.append(org)
    return sorted(kept, key=lambda m: m.start)
