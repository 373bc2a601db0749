"""Sources: news outlets and the organisations that speech is addressed to or quoted from.

A name from the media lexicon is an organisation wherever it stands ("Xinhua", also a county in
China). A name right after a speech cue ("he told Interfax", "sa han til TV 2", "according to
Reuters", "melder NRK") is a speaker or addressee, so a person or an organisation, never a place:
the NER's place label there becomes ORG unless the gazetteer knows a salient place, and an
untagged single capitalised word there (or an acronym with a number) becomes an ORG mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.entities.document import Document, Mention
from newsgraph.knowledge import load_knowledge
from newsgraph.knowledge.names import fold

# Longest outlet name in the media lexicon the token scan tries, in tokens.
MAX_OUTLET_TOKENS = 5
# How many tokens may stand between a speech verb and its "to"/"til" ("sa han ikke til NRK").
MAX_VERB_GAP = 3
# Words a source name may open with that are not part of the cue ("told the BBC").
MAX_DETERMINERS = 1
# A speaker's name written after an inverted verb: "Edouard Philippe", "Jean-Noël Barrot".
MIN_SPEAKER_NAME_WORDS = 2
MAX_SPEAKER_NAME_WORDS = 5
# Lower-case words of a role between an article and a speaker's name ("le naturopathe").
MAX_ROLE_WORDS = 3
CLOSING_QUOTE_MARKS = frozenset({"»", "«", "”", "“", '"', "'"})
CLAUSE_OPENING_MARKS = frozenset({",", "»", "«", "”", "“", '"', "-", "–", "—"})


def _mention_starts(doc: Document, mentions: list[Mention]) -> dict[int, Mention]:
    starts: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.token_span(mention.start, mention.end)
        if span is not None:
            starts.setdefault(span[0], mention)
    return starts


def _covered_tokens(doc: Document, mentions: list[Mention]) -> set[int]:
    covered: set[int] = set()
    for mention in mentions:
        span = doc.token_span(mention.start, mention.end)
        if span is not None:
            covered.update(range(*span))
    return covered


def _as_organisation(mention: Mention) -> None:
    mention.label = "ORG"
    mention.place = None
    mention.country = None


def media_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Retype mentions that name a news outlet as ORG; return outlet names the NER missed."""
    media = doc.lexicon.media
    if not media:
        return []
    for mention in mentions:
        if mention.text in media or _outlet_genitive(doc, mention.text):
            _as_organisation(mention)
    covered = _covered_tokens(doc, mentions)
    added: list[Mention] = []
    index = 0
    size = len(doc)
    while index < size:
        last = _outlet_at(doc, index, covered)
        if last is None:
            index += 1
            continue
        start, end = doc.tokens[index].start, doc.tokens[last - 1].end
        added.append(Mention(start, end, doc.text[start:end], "ORG", "gazetteer"))
        index = last
    return added


def _outlet_genitive(doc: Document, text: str) -> bool:
    base = doc.lexicon.strip_genitive(text)
    return base is not None and base in doc.lexicon.media


def _outlet_at(doc: Document, index: int, covered: set[int]) -> int | None:
    """End token of the longest outlet name starting at an untagged token, if any."""
    first = doc.tokens[index].text
    if index in covered or not first[:1].isalnum():
        return None
    # "Le" is no name alone, but opens "Le Monde"
    if first.lower() in doc.lexicon.not_names and first not in doc.lexicon.media_first_words:
        return None
    if first not in doc.lexicon.media_first_words:
        base = doc.lexicon.strip_genitive(first)
        if base is None or base not in doc.lexicon.media_first_words:
            return None
    for last in range(min(len(doc), index + MAX_OUTLET_TOKENS), index, -1):
        if any(i in covered for i in range(index, last)) or not doc.same_sentence(index, last):
            continue
        # a longer capitalised name goes on: "NRK Sport" is not simply NRK
        if last < len(doc) and doc.is_capitalised(last) and doc.same_sentence(index, last + 1):
            continue
        text = doc.slice(index, last)
        if text in doc.lexicon.media or _outlet_genitive(doc, text):
            return last
    return None


def source_slots(doc: Document) -> dict[int, bool]:
    """Token indices where a speaker or addressee of speech starts, by the language's cues.

    The value says whether an untagged word there may become an organisation: not after a speech
    verb with the subject after it ("said Smith", "sier Hansen"), where persons are the rule.
    """
    lexicon = doc.lexicon
    slots: dict[int, bool] = {}
    words = [token.text.lower() for token in doc.tokens]
    cue_starts = {cue[0] for cue in lexicon.source_cues}
    for index, word in enumerate(words):
        addressed = word in lexicon.addressee_particles and _after_speech_verb(doc, words, index)
        if addressed or word in lexicon.tell_forms:
            slots[index + 1] = True
        if word not in cue_starts:
            continue
        for cue in lexicon.source_cues:
            if tuple(words[index : index + len(cue)]) == cue:
                end = index + len(cue)
                inverted = len(cue) == 1 and cue[0] in lexicon.speech_forms
                slots[end] = slots.get(end, False) or not inverted
    result: dict[int, bool] = {}
    for slot, may_add in slots.items():
        if slot < len(doc) and doc.same_sentence(slot - 1, slot + 1):
            result[_skip_determiner(doc, words, slot)] = may_add
    return result


def _after_speech_verb(doc: Document, words: list[str], index: int) -> bool:
    for probe in range(index - 1, max(-1, index - 1 - MAX_VERB_GAP), -1):
        if not doc.same_sentence(probe, index + 1):
            return False
        if words[probe] in doc.lexicon.speech_forms:
            return True
    return False


def _skip_determiner(doc: Document, words: list[str], slot: int) -> int:
    determiner = slot + 1 < len(doc) and words[slot] in doc.lexicon.determiners
    return slot + 1 if determiner and doc.is_capitalised(slot + 1) else slot


def source_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Retype places named as speech sources or addressees; return sources the NER missed."""
    starts = _mention_starts(doc, mentions)
    covered = _covered_tokens(doc, mentions)
    person_words = {
        word.casefold() for m in mentions if m.label == "PER" for word in m.text.split()
    }
    added: list[Mention] = []
    for slot, may_add in sorted(source_slots(doc).items()):
        mention = starts.get(slot)
        if mention is not None:
            if mention.label in ("GPE", "LOC") and not _salient_place(mention):
                _as_organisation(mention)
            continue
        if slot in covered or not may_add:
            continue
        found = _untagged_source(doc, slot, person_words)
        if found is not None:
            added.append(found)
            covered.update(range(slot, slot + len(found.text.split())))
    return added


def _reads_as_name(doc: Document, text: str) -> bool:
    """Where every noun is capitalised, whether a lone capitalised word after a source cue is a
    name rather than a noun ("laut Marktprognosen", "laut Umfrage"): an acronym or a word with an
    inner capital ("ZDF", "McKinsey"), or one the text uses again (a name recurs)."""
    if text.isupper() or any(c.isupper() for c in text[1:]):
        return True
    return len(re.findall(rf"(?<!\w){re.escape(text)}(?!\w)", doc.text)) > 1


def _salient_place(mention: Mention) -> bool:
    """A known place other than a small town: "according to Russia" names the state."""
    place = mention.place
    return place is not None and (place.salient or place.place.kind != "city")


def _untagged_source(doc: Document, slot: int, person_words: set[str]) -> Mention | None:
    """An untagged one-word name (or acronym with a number: "TV 2") at a source slot."""
    token = doc.tokens[slot]
    text = token.text
    if not (doc.is_capitalised(slot) and text.isalpha()) or doc.is_function_word(slot):
        return None
    lexicon = doc.lexicon
    if text.lower() in lexicon.not_names or lexicon.title(text) is not None:
        return None
    if text.casefold() in person_words or lexicon.is_calendar_word(text, False):
        return None
    if doc.gazetteer.lookup(text):
        return None
    if lexicon.nouns_capitalised and not _reads_as_name(doc, text):
        return None
    last = slot + 1
    if last < len(doc) and doc.same_sentence(slot, last + 1):
        following = doc.tokens[last].text
        if following.isdigit() and text.isupper():
            last += 1
        elif doc.is_capitalised(last):
            # several capitalised words: a full name, a person as often as not
            return None
    start, end = token.start, doc.tokens[last - 1].end
    return Mention(start, end, doc.text[start:end], "ORG", "pattern")


def speaker_name_mentions(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Full names the NER missed where speech names its speaker: after an inverted speech verb
    ("», a déclaré Edouard Philippe", "», sa Kari Nordmann") or a source cue ("selon Marie
    Dupont"). Two to five capitalised words there are a person (a language without a model, such
    as French, finds its speakers this way); not in a language that capitalises its nouns."""
    lexicon = doc.lexicon
    covered = _covered_tokens(doc, mentions)
    words = [token.text.lower() for token in doc.tokens]
    if lexicon.nouns_capitalised:
        return _closing_speaker_names(doc, words, covered) + _given_name_subjects(
            doc, words, covered
        )
    added: list[Mention] = []
    for index, word in enumerate(words):
        if word in lexicon.speech_forms and not _clause_opening(doc, words, index):
            before = _name_before_verb(doc, index, covered) or _proper_noun_before_verb(
                doc, index, covered
            )
            if before is not None:
                first, stop = before
                start, end = doc.tokens[first].start, doc.tokens[stop - 1].end
                added.append(Mention(start, end, doc.text[start:end], "PER", "pattern"))
                covered.update(range(first, stop))
            continue
        inverted = word in lexicon.speech_forms
        if not inverted and (word,) not in lexicon.source_cues:
            continue
        slot = _past_role(doc, _past_adverbs(doc, index + 1)) if inverted else index + 1
        last = _name_run_end(doc, slot, covered)
        if last is None and inverted:
            last = _single_name_end(doc, slot, covered)
        if last is None:
            continue
        start, end = doc.tokens[slot].start, doc.tokens[last - 1].end
        added.append(Mention(start, end, doc.text[start:end], "PER", "pattern"))
        covered.update(range(slot, last))
    return added


def _closing_speaker_names(doc: Document, words: list[str], covered: set[int]) -> list[Mention]:
    """Where nouns are capitalised ("…, nennt Geyer Namen."), only the strictest frame: a speech
    verb right after a closing quotation mark (and its comma) and two or three capitalised words
    that end the clause ("“, sagt Antonia Koch, die …", "“, erläutert Jan Berg.")."""
    added: list[Mention] = []
    lexicon = doc.lexicon
    for index, word in enumerate(words):
        if word not in lexicon.speech_forms or not _after_closing_quote(words, index):
            continue
        slot = index + 1
        last = _name_run_end(doc, slot, covered)
        if last is None:
            last = _lone_surname_end(doc, slot, covered)
        if last is None or last - slot > 3 or last >= len(doc):
            continue
        if doc.tokens[last].text not in (",", ".", "(", ";") or not doc.same_sentence(slot, last):
            continue
        if any(
            words[k] in lexicon.org_nouns or words[k] in lexicon.org_heads
            for k in range(slot, last)
        ):
            continue
        start, end = doc.tokens[slot].start, doc.tokens[last - 1].end
        added.append(Mention(start, end, doc.text[start:end], "PER", "pattern"))
        covered.update(range(slot, last))
    return added


def _lone_surname_end(doc: Document, slot: int, covered: set[int]) -> int | None:
    """End of a lone surname that is the whole subject of a speech verb right after a closing
    quotation mark ("“, betonte Schimmelpfennig."): one capitalised word, no title, month or
    place, that ends the clause."""
    if slot + 1 >= len(doc) or slot in covered or not doc.same_sentence(slot, slot + 1):
        return None
    if doc.tokens[slot + 1].text not in (",", ".", ";"):
        return None
    return slot + 1 if _name_shaped_word(doc, slot) else None


def _after_closing_quote(words: list[str], index: int) -> bool:
    """Whether the word follows a closing quotation mark, or a comma right after one."""
    probe = index - 1
    if probe >= 0 and words[probe] == ",":
        probe -= 1
    return probe >= 0 and words[probe] in CLOSING_QUOTE_MARKS


def _name_before_verb(doc: Document, verb: int, covered: set[int]) -> tuple[int, int] | None:
    """Tokens [first, last) of a full name right before a speech verb, past its auxiliaries and
    adverbs ("la professeure Francisca Joly-Gomez ajoute que", "Marie Dupont a déclaré que")."""
    lexicon = doc.lexicon
    last = verb
    while last > 0 and doc.tokens[last - 1].text.lower() in (
        lexicon.auxiliaries | lexicon.speech_adverbs
    ):
        last -= 1
    first = last
    while first > 0 and last - first < MAX_SPEAKER_NAME_WORDS:
        text = doc.tokens[first - 1].text
        hyphenated = text == "-" or (doc.joined(first - 1) and doc.tokens[first - 2].text == "-")
        if (first - 1) in covered or not (hyphenated or (text.isalpha() and text[0].isupper())):
            break
        if not doc.same_sentence(first - 1, last) or text.lower() in lexicon.not_names:
            break
        first -= 1
    while first < last and (
        doc.tokens[first].text.lower() in lexicon.speech_articles
        or lexicon.title(doc.tokens[first].text) is not None
    ):
        first += 1  # "Le ministre", "Pr": not a name's first word
    if first == last or _name_run_end(doc, first, covered) != last:
        return None
    return first, last


def _proper_noun_before_verb(doc: Document, verb: int, covered: set[int]) -> tuple[int, int] | None:
    """A lone name right before a speech verb past its auxiliaries and adverbs ("Hansen
    erklærede også, at", "Kerry said"), which the tagger reads as a proper noun or the actor
    knowledge knows as a surname or given name: the verb's subject, so a person unless the
    gazetteer, the title list or the calendar knows the word. Otherwise a lone capitalised word
    there is as often a sentence-opening noun ("Piloten meddelte"); a sentence's first word must
    be known to the actor knowledge, since the tagger reads any capitalised opener as a proper
    noun ("Witnesses said", an agency's short name)."""
    lexicon = doc.lexicon
    slot = verb
    while slot > 0 and doc.tokens[slot - 1].text.lower() in (
        lexicon.auxiliaries | lexicon.speech_adverbs
    ):
        slot -= 1
    slot -= 1
    if slot < 0 or slot in covered:
        return None
    knowledge = load_knowledge()
    folded = fold(doc.tokens[slot].text)
    known = folded in knowledge.by_last or folded in knowledge.given_names
    if doc.tokens[slot].pos != "PROPN" and not known:
        return None
    if not known and _opens_sentence(doc, slot):
        return None  # a sentence's first word: its capital is no evidence ("Witnesses said")
    if slot > 0 and doc.same_sentence(slot - 1, slot) and doc.is_capitalised(slot - 1):
        return None  # part of a longer capitalised run the NER left alone
    if not _plain_name_word(doc, slot):
        return None
    return slot, slot + 1


def _opens_sentence(doc: Document, slot: int) -> bool:
    """Whether a token opens its sentence or paragraph: no token of its sentence before it, or
    only a paragraph break or a sentence's end (with any closing quotation mark) before it in the
    text, which the sentence splitter may have missed after a closing quotation mark."""
    if slot == 0 or not doc.same_sentence(slot - 1, slot):
        return True
    before = doc.text[: doc.tokens[slot].start].rstrip(" \t\"'\u201d\u2019\u00bb)")
    return not before or before[-1] in "\n.!?:"


def _name_shaped_word(doc: Document, slot: int) -> bool:
    """Whether a token is shaped like a name (capitalised, then lower case, three letters or more)
    and no known place, title, month or excluded word."""
    text = doc.tokens[slot].text
    if not (text.isalpha() and text[0].isupper() and text[1:].islower() and len(text) > 2):
        return False
    lexicon = doc.lexicon
    if text.lower() in lexicon.not_names or lexicon.title(text) is not None:
        return False
    return not (
        lexicon.is_calendar_word(text, False) or doc.gazetteer.lookup(doc.slice(slot, slot + 1))
    )


def _plain_name_word(doc: Document, slot: int) -> bool:
    """A name-shaped word (`_name_shaped_word`) that is no organisation noun either."""
    if not _name_shaped_word(doc, slot):
        return False
    word = doc.tokens[slot].text.lower()
    return word not in doc.lexicon.org_nouns and word not in doc.lexicon.org_heads


def _given_name_subjects(doc: Document, words: list[str], covered: set[int]) -> list[Mention]:
    """Where nouns are capitalised, a full name opening its clause right before a speech verb
    ("Helge Schneider meint zu den Sketchen:", "…, Anna Berger sagte"): two or three capitalised
    words whose first is a given name the actor knowledge knows, none of them a title or a place;
    capitalised nouns ("Experten meinen") do not open with a given name."""
    added: list[Mention] = []
    given = load_knowledge().given_names
    for index, word in enumerate(words):
        if word not in doc.lexicon.speech_forms or index < 2:
            continue
        for size in (2, 3):
            first = index - size
            if first < 0 or any(k in covered for k in range(first, index)):
                continue
            if not doc.same_sentence(first, index) or fold(doc.tokens[first].text) not in given:
                continue
            if first > 0 and doc.same_sentence(first - 1, first):
                opener = doc.tokens[first - 1].text
                if opener.isalnum() and opener.lower() not in doc.lexicon.conjunctions:
                    continue
            if not all(_plain_name_word(doc, k) for k in range(first, index)):
                continue
            start, end = doc.tokens[first].start, doc.tokens[index - 1].end
            added.append(Mention(start, end, doc.text[start:end], "PER", "pattern"))
            covered.update(range(first, index))
            break
    return added


def _single_name_end(doc: Document, slot: int, covered: set[int]) -> int | None:
    """End of a lone first name after an inverted speech verb that an apposition describes
    ("», glisse Zineb, étudiante en lettres")."""
    if slot + 2 >= len(doc) or slot in covered or not doc.same_sentence(slot, slot + 3):
        return None
    comma, role = doc.tokens[slot + 1].text, doc.tokens[slot + 2].text
    if comma != "," or not (role.isalpha() and role.islower()):
        return None
    return slot + 1 if _name_shaped_word(doc, slot) else None


def _past_adverbs(doc: Document, slot: int) -> int:
    """The first token after adverbs standing between an inverted verb and its subject
    ("», rappelle ainsi Olivier Panisset")."""
    while slot < len(doc) and doc.tokens[slot].text.lower() in doc.lexicon.speech_adverbs:
        slot += 1
    for aside in doc.lexicon.speech_asides:  # "», résume quant à elle Francisca Joly"
        found = [token.text.lower() for token in doc.tokens[slot : slot + len(aside)]]
        if tuple(found) == aside:
            return slot + len(aside)
    return slot


def _past_role(doc: Document, slot: int) -> int:
    """The first token of a name after an article and one to three lower-case role words
    ("», précise la toxicologue Marie Dupont", "», sagt der Sprecher Jan Berg"); `slot` itself
    where no such role stands there."""
    if slot >= len(doc) or doc.tokens[slot].text.lower() not in doc.lexicon.speech_articles:
        return slot
    probe = slot + 1
    while probe < len(doc) and probe - slot <= MAX_ROLE_WORDS:
        text = doc.tokens[probe].text
        # "toxicologue", "25-årige" (which a tokenizer may split at its hyphen)
        role_word = text == "-" or (text.lower() == text and any(c.isalnum() for c in text))
        if not role_word or not doc.same_sentence(slot, probe + 1):
            break
        probe += 1
    if probe == slot + 1 or probe >= len(doc) or not doc.is_capitalised(probe):
        return slot
    return probe


def _clause_opening(doc: Document, words: list[str], index: int) -> bool:
    """Whether a verb opens an inverted cue clause: after a comma or closing quotation mark,
    past an auxiliary ("», a déclaré")."""
    probe = index - 1
    while probe >= 0 and words[probe] in doc.lexicon.auxiliaries:
        probe -= 1
    return probe >= 0 and words[probe] in CLAUSE_OPENING_MARKS


def _name_run_end(doc: Document, slot: int, covered: set[int]) -> int | None:
    """End of a run of two to four capitalised words at `slot` that reads as a person's name."""
    lexicon = doc.lexicon
    last = slot
    while last < len(doc) and last - slot < MAX_SPEAKER_NAME_WORDS:
        text = doc.tokens[last].text
        hyphenated = text == "-" or (doc.joined(last) and doc.tokens[last - 1].text == "-")
        if last in covered or not (hyphenated or (text.isalpha() and text[0].isupper())):
            break
        if not doc.same_sentence(slot, last + 1) or text.lower() in lexicon.not_names:
            break
        if lexicon.title(text) is not None or lexicon.is_calendar_word(text, False):
            break
        last += 1
    names = [doc.tokens[i].text for i in range(slot, last) if doc.tokens[i].text != "-"]
    if len(names) < MIN_SPEAKER_NAME_WORDS or doc.tokens[last - 1].text == "-":
        return None
    if last < len(doc) and doc.is_capitalised(last) and doc.same_sentence(slot, last + 1):
        return None  # a longer capitalised run: an organisation or a title as often as not
    if doc.gazetteer.lookup(doc.slice(slot, last)):
        return None
    return last


def institution_mentions(doc: Document, mentions: list[Mention]) -> None:
    """A national institution's own name (resources/<lang>/organisations.toml [institutions]:
    "the Kremlin", "Downing Street", "Quai d'Orsay", "Stortinget") is an organisation of its
    country wherever it stands, whatever type the NER gave it: a span of the name (or the name
    with a determiner or genitive) becomes that ORG, and a name the NER missed is added, unless
    it is also a common noun ("Regjeringen", "Politiet"). A longer span that holds the name
    ("White House spokesman John Kirby") keeps its own reading.
    """
    table = doc.lexicon.institutions
    taken: list[tuple[int, int]] = []
    for name in sorted(table, key=len, reverse=True):
        institution = table[name]
        for start, end in _name_spans(doc, name):
            if any(s < end and start < e for s, e in taken):
                continue
            inside = [m for m in mentions if m.overlaps(start, end)]
            if any(not _same_name(doc, m, name, start, end) for m in inside):
                continue
            taken.append((start, end))
            if not inside and institution.common_noun:
                continue
            if inside:
                first = inside[0]
                for other in inside[1:]:
                    mentions.remove(other)
                first.start, first.end = min(first.start, start), max(first.end, end)
                first.text = doc.text[first.start : first.end]
                mention = first
            else:
                mention = Mention(start, end, doc.text[start:end], "ORG", "institution")
                mentions.append(mention)
            mention.label, mention.place = "ORG", None
            mention.country = institution.country
            mention.canonical = institution.canonical
    mentions.sort(key=lambda m: m.start)


@lru_cache(maxsize=1024)
def _name_pattern(name: str, genitive_suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """The name as whole words, with any of the genitive suffixes after it."""
    suffixes = "|".join(re.escape(s) for s in sorted(genitive_suffixes, key=len))
    genitive = f"(?:{suffixes})?" if suffixes else ""
    return re.compile(rf"(?<!\w){re.escape(name)}{genitive}(?![\w'’-])")


def _name_spans(doc: Document, name: str) -> list[tuple[int, int]]:
    """Where the name stands as whole words, with a genitive suffix where one follows."""
    # A pattern opening with a look-behind is tried at every offset of the text; most names are
    # not in an article at all.
    if name not in doc.text:
        return []
    spans = []
    for match in _name_pattern(name, doc.lexicon.genitive_suffixes).finditer(doc.text):
        start, end = match.span()
        # "the Kremlin's": the English possessive is no part of the name
        if doc.text[start:end].endswith(("'s", "’s")):
            end -= 2
        spans.append((start, end))
    return spans


def _same_name(doc: Document, mention: Mention, name: str, start: int, end: int) -> bool:
    """Whether a mention overlapping the name is that name: inside it, or the name with a
    determiner before it ("the Kremlin", "Le Kremlin")."""
    if start <= mention.start and mention.end <= end:
        return True
    if mention.end > end or mention.start > start:
        return False
    before = doc.text[mention.start : start].strip().lower()
    return before in doc.lexicon.determiners and mention.end <= end
