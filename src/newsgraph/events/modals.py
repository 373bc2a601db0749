"""Modal demands: when "must" ("må", "muss", "måste") reports a demand on an actor.

A modal of necessity is coded as a REQUEST ("Russland må trekke styrkene ut", "Iran must allow
the inspectors in") only where it lays an obligation on someone who could be asked to act. Most
uses in running text do not:

* **The speaker's own turn of phrase.** A first-person subject ("først må jeg si", "we must
  admit"), a generic one ("man må forstå", "one has to remember") or an expletive one ("det må
  være en debatt", "there must be a debate") binds no actor (`[cues].speaker_pronouns`,
  `generic_subjects`; an expletive by the parse or by `expletive_subjects`).
* **Saying, knowing and believing.** A modal over a verb of speech or cognition ("må si",
  "må innrømme", "must understand", "has to remember"; `[cues].modal_discourse_verbs`) hedges or
  introduces the speaker's statement.
* **Inference.** A modal over a perfect ("må ha visst", "must have known") says what the speaker
  concludes, not what anyone is to do. (A copula is no such sign: "the US must be ready to
  mediate" is a demand.)
* **A consequence.** A modal in the main clause after a condition ("Hvis man bruker samme formel,
  må Norge opp i 75 prosent", "if the trend holds, prices must rise") draws a conclusion.

The parse says where the modal's own verb and subject are; without a parse the words right after
the modal are read ("må jeg si").
"""

from __future__ import annotations

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import SentenceView, Word

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl")
# Relations by which a modal hangs on its verb ("må trekke": aux) or takes it ("has to withdraw":
# xcomp of "has").
MODAL_DEPS = ("aux",)
COMPLEMENT_DEPS = ("xcomp", "ccomp")
# How many words after the modal the parse-less reading looks at ("må jeg si").
UNPARSED_REACH = 2
# Marks that may stand before a condition opener at the start of a sentence (a quotation dash).
SENTENCE_OPENERS = ("–", "—", "-", "«", '"', "“")


def demand_modal(view: SentenceView, lexicon: Lexicon, anchor: int) -> bool:
    """Whether the trigger word is a modal of necessity (`[cues].demand_modals`)."""
    return lexicon.cue("demand_modals").matches_word(view.words[anchor])


def modal_verb(view: SentenceView, anchor: int) -> Word:
    """The verb the modal governs: its head where it is an auxiliary ("må trekke"), its infinitive
    complement where it is the main verb ("has to withdraw"), else the modal itself."""
    word = view.words[anchor]
    if word.dep in MODAL_DEPS and word.head is not None:
        return view.words[word.head]
    complements = view.dependents(anchor, COMPLEMENT_DEPS)
    return complements[0] if complements else word


def _subjects(view: SentenceView, anchor: int, verb: Word) -> list[Word]:
    heads = {anchor, verb.index}
    return [w for w in view.words if w.head in heads and w.dep in SUBJECT_DEPS]


def _binds_no_actor(lexicon: Lexicon, subjects: list[Word]) -> bool:
    """A first-person, generic or expletive subject: nobody is asked to do anything."""
    names = ("speaker_pronouns", "generic_subjects", "expletive_subjects")
    cues = [lexicon.cue(name) for name in names]
    return any(
        word.dep == "expl"
        or (word.pos in ("PRON", "") and any(cue.matches_word(word) for cue in cues))
        for word in subjects
    )


def _inferential(view: SentenceView, lexicon: Lexicon, anchor: int, verb: Word) -> bool:
    """A perfect under the modal: a conclusion ("må ha visst", "must have known")."""
    if verb.index == anchor:
        return False
    perfect = lexicon.cue("perfect_auxiliaries")
    return any(
        w.dep == "aux" and anchor < w.index < verb.index and perfect.matches_word(w)
        for w in view.dependents(verb.index)
    )


def _consequent(view: SentenceView, lexicon: Lexicon, anchor: int) -> bool:
    """The sentence opens with a condition and the modal follows it after a comma."""
    words = view.words
    first = 0
    while first < anchor and words[first].text in SENTENCE_OPENERS:
        first += 1
    opener = lexicon.cue("condition_openers").starts_at(words, first)
    if opener is None or opener[-1] >= anchor:
        return False
    if words[first].pos == "ADP":
        return False
    return any(w.text == "," for w in words[opener[-1] + 1 : anchor])


def _unparsed_reading(view: SentenceView, lexicon: Lexicon, anchor: int) -> bool:
    """Without a parse: a first-person or generic pronoun, or a verb of speech or cognition, right
    after the modal ("må jeg si", "must admit", "man må forstå" has the pronoun before)."""
    words = view.words
    near = words[max(0, anchor - 1) : anchor + UNPARSED_REACH + 1]
    cues = [lexicon.cue(name) for name in ("speaker_pronouns", "generic_subjects")]
    if any(cue.matches_word(w) for cue in cues for w in near if w.index != anchor):
        return True
    discourse = lexicon.cue("modal_discourse_verbs")
    return any(discourse.matches_word(w) for w in words[anchor + 1 : anchor + UNPARSED_REACH + 1])


def no_demand(view: SentenceView, lexicon: Lexicon, anchor: int) -> bool:
    """Whether a modal of necessity at `anchor` lays no obligation on an actor: the speaker's
    own phrase, a verb of saying or knowing, an inference or a consequence (see the module)."""
    if not demand_modal(view, lexicon, anchor):
        return False
    if _consequent(view, lexicon, anchor):
        return True
    if not view.has_deps:
        return _unparsed_reading(view, lexicon, anchor)
    verb = modal_verb(view, anchor)
    if verb.index != anchor and lexicon.cue("modal_discourse_verbs").matches_word(verb):
        return True
    if _inferential(view, lexicon, anchor, verb):
        return True
    return _binds_no_actor(lexicon, _subjects(view, anchor, verb))
