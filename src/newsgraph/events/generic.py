"""Generic reports: a trigger noun that names a kind of act, not one act that happened.

"Such attacks must stop", "any invasion would be met with force", "regular visits to the troops":
a trigger noun under a generic or habitual determiner (`[cues].generic_determiners` of
resources/<lang>/events.toml) reports no event. A quantified one ("many assassinations", "mange
attentater"; `[cues].generic_quantifiers`) reports none when nobody is named as its doer and its
sentence gives no date: a count of acts in general, not a report of one. So is an undated act
whose subject is a generic pronoun ("if you protest, …", "da utsteder man gjerne ultimatum";
`[cues].generic_subjects`) or that a frequency adverb in its clause makes a habit ("the army
usually arrests …", "de pleier å protestere"; `[cues].habitual`).
"""

from __future__ import annotations

from newsgraph.events.arguments import Arguments
from newsgraph.events.clauses import Clauses
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import SentenceView, Word
from newsgraph.model import Article

# Words that may stand between a determiner and its noun: "such brutal attacks", "any new
# military invasion".
MODIFIER_POS = ("ADJ", "NUM", "NOUN", "ADV", "DET")
MODIFIER_REACH = 3
DATING_TYPES = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl")
# How far from the trigger, inside its clause, a frequency adverb counts.
HABIT_WINDOW = 4


def _noun(word: Word) -> bool:
    return word.pos == "NOUN"


def under_determiner(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, cue_name: str
) -> bool:
    """Whether the trigger noun's phrase opens with a word of the cue ("such attacks", "any new
    invasion")."""
    words = view.words
    if not _noun(words[match.anchor]):
        return False
    cue = lexicon.cue(cue_name)
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


def _dated(article: Article, view: SentenceView) -> bool:
    return any(view.start <= t.start < view.end and t.type in DATING_TYPES for t in article.times)


def _subject_words(view: SentenceView, match: TriggerMatch) -> list[Word]:
    """The subjects of the trigger verb, or of the verb governing a trigger noun."""
    words = view.words
    heads = {match.anchor}
    governor = words[match.anchor].head
    if _noun(words[match.anchor]) and governor is not None:
        heads.add(governor)
    return [w for w in words if w.head in heads and w.dep in SUBJECT_DEPS]


def generic_subject(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether the act's subject is a generic pronoun ("you", "one", "man")."""
    cue = lexicon.cue("generic_subjects")
    return any(cue.matches_word(w) and w.pos == "PRON" for w in _subject_words(view, match))


def habitual(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether a frequency adverb near the trigger, in its clause, makes the act a habit."""
    lo, hi = clauses.span_of(match.anchor)
    lo, hi = max(lo, match.first - HABIT_WINDOW), min(hi, match.last + HABIT_WINDOW + 1)
    return bool(lexicon.cue("habitual").spans(view.words, lo, hi))


def generic_report(
    article: Article,
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    match: TriggerMatch,
    args: Arguments,
) -> bool:
    """Whether the trigger names acts of its kind in general rather than one reported act. A
    negated one is a refusal ("no such grant will come", "will not accept any deal"), an act."""
    if match.factuality == "negated" or match.recoded is not None:
        return False
    if under_determiner(view, lexicon, match, "generic_determiners"):
        return True
    if _dated(article, view):
        return False
    if generic_subject(view, lexicon, match) or habitual(view, clauses, lexicon, match):
        return True
    return not args.source and under_determiner(view, lexicon, match, "generic_quantifiers")
