"""Generic reports: a trigger noun that names a kind of act, not one act that happened.

"Such attacks must stop", "any invasion would be met with force", "every protest is watched":
a trigger noun under a generic determiner (`[cues].generic_determiners` of
resources/<lang>/events.toml) reports no event. Nor does a bare plural trigger noun ("Protests
are common in the region", "Sanctions rarely work") with nobody named in its roles, no time in
its sentence and no place: a statement about such acts in general (plural endings:
`[syntax].plural_endings`).
"""

from __future__ import annotations

from newsgraph.events.arguments import Arguments
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import SentenceView, Word
from newsgraph.model import Article

# Words that may stand between a determiner and its noun: "such brutal attacks", "any new
# military invasion".
MODIFIER_POS = ("ADJ", "NUM", "NOUN", "ADV", "DET")
MODIFIER_REACH = 3


def _noun(word: Word) -> bool:
    return word.pos == "NOUN"


def under_generic_determiner(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether the trigger noun's phrase opens with a generic determiner ("such attacks", "any
    new invasion")."""
    words = view.words
    if not _noun(words[match.anchor]):
        return False
    cue = lexicon.cue("generic_determiners")
    lo = max(0, match.first - MODIFIER_REACH - 3)
    ends = {span[-1] for span in cue.spans(words, lo, match.first)}
    position = match.first - 1
    while position >= 0 and match.first - position <= MODIFIER_REACH + 1:
        if position in ends:
            return True
        if words[position].pos not in MODIFIER_POS:
            return False
        position -= 1
    return False


def bare_plural(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether the trigger is a plural noun with no determiner, possessive or number before it."""
    words = view.words
    anchor = words[match.anchor]
    if not _noun(anchor) or match.first != match.anchor or not anchor.lemma:
        return False
    if not any(anchor.lower == anchor.lemma + ending for ending in lexicon.plural_endings):
        return False
    position = match.first - 1
    while position >= 0 and words[position].pos == "ADJ":
        position -= 1
    if position < 0:
        return True
    before = words[position]
    if before.pos in ("DET", "NUM", "PRON", "PROPN") or before.dep in ("poss", "nmod:poss"):
        return False
    if lexicon.cue("determiners").matches_word(before):
        return False
    return not before.text.endswith(("'s", "’s", "'", "’"))


def generic_report(
    article: Article, view: SentenceView, lexicon: Lexicon, match: TriggerMatch, args: Arguments
) -> bool:
    """Whether the trigger names acts of its kind in general rather than one reported act."""
    if under_generic_determiner(view, lexicon, match):
        return True
    if not bare_plural(view, lexicon, match):
        return False
    if args.actors or args.places:
        return False
    return not any(
        view.start <= t.start < view.end and t.type in ("DATE", "TIME") for t in article.times
    )
