"""Generic reports: a trigger noun that names a kind of act, not one act that happened.

"Such attacks must stop", "any invasion would be met with force", "regular visits to the troops":
a trigger noun under a generic or habitual determiner (`[cues].generic_determiners` of
resources/<lang>/events.toml) reports no event. A quantified one ("many assassinations", "mange
attentater"; `[cues].generic_quantifiers`) reports none when nobody is named as its doer and its
sentence gives no date: a count of acts in general, not a report of one. A counted or measured
act ("bombings had declined", "the number of kidnappings"; `[cues].trend_verbs`, `[cues].measures`)
is a statistic, an act that a custom or a rule lays down ("it is a tradition that the president
visits …", "the rules require the minister to consult …"; `[cues].customs`) no fact, a kind of
act that a sentence defines ("An attack on one is an attack on all";
`[cues].indefinite_articles`, `[cues].present_copulas`) a judgement, and an undated present-tense
act that describes a kind of actor ("Hamas and Hezbollah are guerrillas who attack civilians",
"opponents are jailed") a characterisation. So is
an undated act whose subject is a generic pronoun ("if you protest, …", "da utsteder man gjerne ultimatum";
`[cues].generic_subjects`) or that a frequency adverb in its clause makes a habit ("the army
usually arrests …", "de pleier å protestere"; `[cues].habitual`), and an undated verb of stance in
the simple present of a full sentence ("The Green Party opposes nuclear power", "China opposes any
contact with Taiwan", "la France soutient …"; `[cues].stance_verbs`): a position held, not a
statement made on a given day.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.events.arguments import Arguments
from newsgraph.events.clauses import HARD_BREAKS, Clauses
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import SentenceView, Word
from newsgraph.model import Article

# Words that may stand between a determiner and its noun: "such brutal attacks", "any new
# military invasion".
MODIFIER_POS = ("ADJ", "NUM", "NOUN", "ADV", "DET")
# Under a determiner a name may qualify the noun too: "any US attack", "every NATO summit".
DETERMINED_MODIFIER_POS = (*MODIFIER_POS, "PROPN")
MODIFIER_REACH = 3
DATING_TYPES = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl")
# How far from the trigger, inside its clause, a frequency adverb counts.
HABIT_WINDOW = 4
# How many words may stand between a custom or rule ("it is a tradition that") and the act it
# lays down ("… the newly elected prime minister visits").
CUSTOM_REACH = 10
# How many modifiers may stand between a measure ("the number of") and the trigger noun.
MEASURE_REACH = 2
# Relations by which a verb describes the noun it hangs on ("guerrillas who attack civilians").
DESCRIBING_DEPS = ("acl:relcl", "acl", "parataxis")
# How far after a kind-defining trigger noun its copula may stand ("an attack on one member is").
KIND_REACH = 6
# Marks that may open a sentence before its first noun phrase (a quotation dash).
SENTENCE_OPENERS = ("–", "—", "-", "«", '"', "“")
# Marks that close a full sentence (a headline, which reports in the present, has none).
CLOSING_MARKS = (".", "!", ";")
# Quotation marks and brackets that may follow the closing mark.
TRAILING_MARKS = ('"', "”", "»", "’", "'", ")")
# Dependents that make a noun phrase a known group, not a kind.
KIND_BLOCKERS = ("det", "nummod", "nmod:poss", "det:poss")


def _noun(word: Word) -> bool:
    return word.pos == "NOUN"


def under_determiner(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, cue_name: str
) -> bool:
    """Whether the trigger noun's phrase opens with a word of the cue ("such attacks", "any new
    invasion", "any US attack")."""
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
        if words[position].pos not in DETERMINED_MODIFIER_POS:
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


def custom_or_rule(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether the trigger stands in what a custom, a tradition or a rule lays down (`[cues].
    customs` before it in its sentence, no colon, semicolon or dash between: "it is a tradition
    that the president visits …", "by custom, …", "the rules require the minister to consult
    …", "det er tradisjon at …"): what is customary or required in general, not an act that
    happened."""
    lo = max(0, match.first - CUSTOM_REACH - 4)
    return lexicon.cue("customs").leads_to(
        view.words, lo, match.first, CUSTOM_REACH, lambda w: w.text not in HARD_BREAKS
    )


def statistic(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether a trigger noun is counted or measured rather than reported: the subject of a verb
    of change ("bombings had declined 80 percent", "angrepene har økt"; `[cues].trend_verbs`) or
    the noun a measure opens ("the number of kidnappings", "antallet angrep"; `[cues].measures`)."""
    words = view.words
    word = words[match.anchor]
    if not _noun(word):
        return False
    trend = lexicon.cue("trend_verbs")
    if word.dep in SUBJECT_DEPS and word.head is not None and trend.matches_word(words[word.head]):
        return True
    lo = max(0, match.first - MEASURE_REACH - 2)
    for span in lexicon.cue("measures").spans(words, lo, match.first):
        between = words[span[-1] + 1 : match.first]
        if len(between) <= MEASURE_REACH and all(w.pos in MODIFIER_POS for w in between):
            return True
    return False


def defined_kind(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether a trigger noun that opens its sentence with an indefinite article is said to be
    something: "An attack on one member is an attack on all", "Et angrep på hellige steder er en
    avskyelig handling". The noun phrase (`[cues].indefinite_articles`, adjectives) opens the
    sentence, and within KIND_REACH words after the trigger a present copula
    (`[cues].present_copulas`) is followed by a determiner (`[cues].determiners`): a judgement of
    a kind of act, not a report of one. Word order only; a copula followed by a participle ("an
    attack is expected") is left alone."""
    words = view.words
    if len(match.words) != 1 or not lexicon.cue("indefinite_articles").patterns:
        return False
    start = 0
    while start < match.first and words[start].text in SENTENCE_OPENERS:
        start += 1
    if start >= match.first or not lexicon.cue("indefinite_articles").matches_word(words[start]):
        return False
    if any(w.pos not in ("ADJ", "") for w in words[start + 1 : match.first]):
        return False
    copulas, determiners = lexicon.cue("present_copulas"), lexicon.cue("determiners")
    stop = min(len(words) - 1, match.last + 1 + KIND_REACH)
    for index in range(match.last + 1, stop):
        if words[index].text in (",", ";", ":"):
            return False
        if copulas.matches_word(words[index]) and determiners.matches_word(words[index + 1]):
            return True
    return False


def _bare(view: SentenceView, lexicon: Lexicon, noun: Word) -> bool:
    """A common noun with no determiner, number or possessor of its own: a kind, not a known
    group ("guerrillas", "opposisjonelle")."""
    if noun.pos not in ("NOUN", "ADJ") or noun.text[:1].isupper():
        return False
    before = view.words[noun.index - 1] if noun.index else None
    if before is not None and lexicon.cue("determiners").matches_word(before):
        return False
    if lexicon.cue("definite_nouns").matches_word(noun):
        return False
    return not any(w.head == noun.index and w.dep in KIND_BLOCKERS for w in view.words)


def _present(view: SentenceView, lexicon: Lexicon, word: Word) -> bool:
    """A verb in the simple present: a present form of `[cues].present_verbs` or a bare form
    (its own lemma) with no auxiliary, marker or infinitive sign of its own."""
    if word.pos != "VERB":
        return False
    own = [w for w in view.words if w.head == word.index]
    if any(w.dep in ("aux", "aux:pass", "mark") for w in own):
        return False
    if word.index and lexicon.cue("infinitive").matches_word(view.words[word.index - 1]):
        return False
    bare = bool(word.lemma) and word.lower == word.lemma.lower() and lexicon.lang == "en"
    return bare or lexicon.cue("present_verbs").matches_word(word)


def characterisation(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether a present-tense trigger verb describes what a kind of actor does: it hangs on a
    bare predicate noun of a copula ("Hamas and Hezbollah are guerrillas who attack civilians",
    "… er geriljaer som går i sivil, angriper sivile"), or, in English, a present passive has a
    bare plural subject ("opponents are jailed")."""
    if not view.has_deps:
        return False
    words = view.words
    word = words[match.anchor]
    if word.head is not None and word.dep in DESCRIBING_DEPS and _present(view, lexicon, word):
        head = words[word.head]
        copula = any(w.head == head.index and w.dep == "cop" for w in words)
        if head.pos == "NOUN" and copula and _bare(view, lexicon, head):
            return True
    own = [w for w in words if w.head == word.index]
    present_passive = any(
        w.dep == "aux:pass" and lexicon.cue("present_passive").matches_word(w) for w in own
    )
    return present_passive and any(
        w.dep == "nsubj:pass" and w.lower.endswith("s") and _bare(view, lexicon, w) for w in own
    )


def _closed_sentence(view: SentenceView) -> bool:
    """Whether the sentence ends with a full stop (past closing quotes): body text, no headline."""
    words = [w for w in view.words if w.text not in TRAILING_MARKS]
    return bool(words) and words[-1].text in CLOSING_MARKS


def lasting_stance(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Whether a trigger is a verb of stance (support, oppose, favour, reject;
    `[cues].stance_verbs`) in the simple present of a full sentence: "The Green Party opposes
    nuclear power", "Germany says it supports the bid". News reports a statement made on a day in
    a past tense; the present of body text states a position the actor holds (a headline, with no
    full stop, reports in the present and is left alone). With a parse the verb must have no
    auxiliary, marker or infinitive sign; without one the cue lists only forms that are present
    and nothing else ("soutient", "s'oppose", "lehnt … ab")."""
    cue = lexicon.cue("stance_verbs")
    if not cue.patterns or not _closed_sentence(view):
        return False
    for index in match.words:
        word = view.words[index]
        if view.has_deps and cue.matches_word(word) and _simple_present(view, lexicon, word):
            return True
        if not view.has_deps and cue.matches_word(replace(word, lemma="")):
            return True
    return False


def _simple_present(view: SentenceView, lexicon: Lexicon, word: Word) -> bool:
    """A verb in the simple present: no auxiliary of its own, no infinitive sign or determiner
    before it, a present form of `[cues].present_verbs` or (English) its bare lemma. A
    complementizer may open its clause ("said that it supports")."""
    before = view.words[word.index - 1] if word.index else None
    if before is not None and (
        lexicon.cue("infinitive").matches_word(before)
        or lexicon.cue("determiners").matches_word(before)
    ):
        return False
    inflected = lexicon.cue("present_verbs").matches_word(replace(word, lemma=""))
    if word.pos != "VERB":
        # The parser reads an inflected stance verb after a name as a noun or preposition at
        # times ("China opposes any contact …"); its form alone says it is a present.
        return inflected and word.pos in ("NOUN", "ADP", "PROPN")
    if view.dependents(word.index, ("aux", "aux:pass")):
        return False
    bare = bool(word.lemma) and word.lower == word.lemma.lower() and lexicon.lang == "en"
    return bare or inflected


def generic_report(
    article: Article,
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    match: TriggerMatch,
    args: Arguments,
    quoted: bool = False,
) -> bool:
    """Whether the trigger names acts of its kind in general rather than one reported act. A
    negated one is a refusal ("no such grant will come", "will not accept any deal"), an act. A
    stance in the present inside a direct quotation (`quoted`) is the statement itself ("'We
    oppose the plan,' the minister said"), no position held in the background."""
    if match.factuality == "negated" or match.recoded is not None:
        return False
    if under_determiner(view, lexicon, match, "generic_determiners"):
        return True
    if statistic(view, lexicon, match) or defined_kind(view, lexicon, match):
        return True
    if custom_or_rule(view, lexicon, match):
        return True
    if _dated(article, view):
        return False
    if characterisation(view, lexicon, match):
        return True
    if generic_subject(view, lexicon, match) or habitual(view, clauses, lexicon, match):
        return True
    if not quoted and lasting_stance(view, lexicon, match):
        return True
    return not args.source and under_determiner(view, lexicon, match, "generic_quantifiers")
