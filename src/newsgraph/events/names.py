"""Trigger words inside names of events and works, and inside people's titles: no act is reported.

"the September 11 attacks" (an EVT entity), "the Treaty of Peace and Cooperation" (a product or
document the NER tagged PROD), a short title-cased quotation naming a book, film or campaign
("the film 'Attack of the Clones'", "the report «Krig og fred»"): the trigger word is part of a
name. So is a trigger word inside a person's title as the entities stage found it ("UN envoy for
peace talks Ann Lee", "the Minister of Trade and Cooperation"). The coder also drops capitalised triggers inside longer names of organisations
(EventCoder._in_name); this module covers what those rules miss: names of events and works, where
the trigger may be lower-case. A quotation right after a word that names a document
(`[cues].document_nouns`: "en forskrift «om tiltak mot handlinger som truer Ukraina»", "the bill
“to punish those who attack journalists”") is that document's title whatever its case: it says
what the document is about, not that the act happened. A short quotation with no verb set in a
longer sentence is a headline or a slogan ("ran the headline «Russian attack on Kyiv»"): it names
a topic, not an act.
"""

from __future__ import annotations

from newsgraph.events.lexicon import PhraseSet
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import SentenceView
from newsgraph.model import Article

NAME_TYPES = ("EVT", "PROD")
OPENING_QUOTES = "\"“«‘'„‚"
CLOSING_QUOTES = "\"”»’'"
# Low opening marks and the high marks that close them („…“, ‚…‘).
LOW_OPENERS = "„‚"
LOW_CLOSERS = "“‘"
# A quoted title is short, and most of its longer or capitalised words are capitalised.
TITLE_WORDS = 8
TITLE_SHARE = 0.6
LONG_WORD = 4
# A quoted headline or slogan is at most this many words long.
SLOGAN_WORDS = 6


def in_event_or_work_name(
    article: Article,
    view: SentenceView,
    match: TriggerMatch,
    document_nouns: PhraseSet | None = None,
    determiners: PhraseSet | None = None,
) -> bool:
    """Whether the trigger lies inside the mention of an event or work entity, a person's title,
    a short title-cased quotation, the quoted title of a document (`document_nouns`), or a short
    quoted headline or slogan not set in a noun phrase (after none of `determiners`)."""
    anchor = view.words[match.anchor]
    for entity in article.entities:
        if entity.type in NAME_TYPES and any(
            m.start <= anchor.start and anchor.end <= m.end for m in entity.mentions
        ):
            return True
        if any(
            t.start is not None and t.end is not None and t.start <= anchor.start < t.end
            for t in entity.titles
        ):
            return True
    if document_nouns is not None and _in_document_title(view, match, document_nouns):
        return True
    return _in_quoted_title(view, match) or _quoted_slogan(view, match, determiners)


def _quoted_slogan(
    view: SentenceView, match: TriggerMatch, determiners: PhraseSet | None = None
) -> bool:
    """The trigger is inside a short quotation with no verb, set in a longer sentence: a headline
    or a slogan ("ran the headline «Russian attack on Kyiv»", "carried signs reading 'No to
    sanctions'"), which names a topic and reports no act. A quotation after a determiner or an
    adjective is a noun phrase of the sentence in scare quotes ("the Russian “attack on Kyiv”"),
    which may name a real act. Without a parse only a capitalised trigger word after the
    quotation's first word counts as a noun ("„Russischer Angriff auf Kiew“")."""
    words = view.words
    opening = next(
        (i for i in range(match.first - 1, -1, -1) if words[i].text in OPENING_QUOTES), None
    )
    if opening is None:
        return False
    # A low opening mark closes with the high one: „…“, ‚…‘.
    closers = CLOSING_QUOTES + (LOW_CLOSERS if words[opening].text in LOW_OPENERS else "")
    closing = next((i for i in range(match.last + 1, len(words)) if words[i].text in closers), None)
    if closing is None or closing - opening - 1 > SLOGAN_WORDS:
        return False
    inner = words[opening + 1 : closing]
    if any(w.text in OPENING_QUOTES or w.text in closers for w in inner):
        return False
    if len(inner) >= len(words) - 2:
        return False
    before = words[opening - 1] if opening else None
    if before is not None and (
        before.pos in ("DET", "ADJ", "NUM")
        or (determiners is not None and determiners.matches_word(before))
    ):
        return False
    if view.has_deps:
        return not any(w.pos in ("VERB", "AUX") for w in inner)
    anchor = words[match.anchor]
    return anchor.index > opening + 1 and anchor.text[:1].isupper()


def _in_document_title(view: SentenceView, match: TriggerMatch, nouns: PhraseSet) -> bool:
    """The trigger is inside a closed quotation that directly follows a document noun."""
    words = view.words
    opening = None
    for i in range(match.first - 1, -1, -1):
        if words[i].text in CLOSING_QUOTES and words[i].text not in OPENING_QUOTES:
            return False
        if words[i].text in OPENING_QUOTES:
            opening = i
            break
    if opening is None or opening == 0 or not nouns.matches_word(words[opening - 1]):
        return False
    return any(w.text in CLOSING_QUOTES for w in words[match.last + 1 :])


def _in_quoted_title(view: SentenceView, match: TriggerMatch) -> bool:
    words = view.words
    if not words[match.anchor].text[:1].isupper():
        return False
    opening = next(
        (i for i in range(match.first - 1, -1, -1) if words[i].text in OPENING_QUOTES), None
    )
    closing = next(
        (i for i in range(match.last + 1, len(words)) if words[i].text in CLOSING_QUOTES), None
    )
    if opening is None or closing is None or closing - opening - 1 > TITLE_WORDS:
        return False
    inner = words[opening + 1 : closing]
    if any(w.text in OPENING_QUOTES or w.text in CLOSING_QUOTES for w in inner):
        return False
    # Short function words stay lower-case in titles ("Attack on the Bridge"): they do not count.
    longer = [
        w for w in inner if w.text.isalpha() and (len(w.text) >= LONG_WORD or w.text[:1].isupper())
    ]
    if len(longer) < 2:
        return False
    capitalised = sum(w.text[:1].isupper() for w in longer)
    # A quotation that is most of its sentence is speech or a headline, not a title in a sentence.
    return capitalised >= TITLE_SHARE * len(longer) and len(inner) < len(words) - 2
