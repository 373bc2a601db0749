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
* **A passive.** A modal over a passive with no agent ("Veien må stenges", "de må inddrages i
  overvejelserne", "sanktionerna måste hävas") says what must happen, not who is to do it: nobody
  is asked (`[cues].passive_infinitives`, the passive infinitive's ending, less the
  `deponent_verbs` whose -s form is active: "må møtes", "måste träffas").
* **An opinion.** A modal in the complement of a verb of belief ("Johansen mener Frp snart må
  ta ansvar", "anser att Sverige måste …"; `[cues].modal_opinion_verbs`) states a view of what
  ought to be, not a demand made of anyone.
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
# How many words after a passive infinitive an agent ("av regjeringen") may stand, without a parse.
UNPARSED_AGENT_REACH = 4
# How far after the modal its passive verb may stand ("must not be released").
PASSIVE_REACH = 3
# How many words before the modal a verb of belief may stand ("mener Frp snart må"), without a parse.
OPINION_REACH = 4
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


def modal_subjects(view: SentenceView, anchor: int) -> list[Word]:
    """The parsed subjects of a modal or of the verb it governs ("US forces must ensure …":
    "forces")."""
    return _subjects(view, anchor, modal_verb(view, anchor))


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


def _passive(view: SentenceView, lexicon: Lexicon, anchor: int, verb: Word) -> bool:
    """The modal governs a passive with no agent: the parse's passive subject or auxiliary, or
    the passive infinitive's ending on the verb (the word after the modal, past a negation, when
    there is no parse)."""
    words = view.words
    if not lexicon.cue("passive_infinitives").patterns:
        # Languages without the list (English: "X said the hostages must be released" is read as
        # a demand on whoever holds them) keep the passive demand.
        return False
    if view.has_deps:
        # A passive verb far after the modal is a slip of the parse ("must reach an agreement …
        # before assistance is released" hung on "released").
        if verb.index == anchor or verb.index - anchor > PASSIVE_REACH:
            return False
        children = view.dependents(verb.index)
        if any(w.dep == "obl:agent" for w in children):
            return False
        if any(w.dep in ("nsubj:pass", "aux:pass") for w in children):
            return True
        form = verb
    else:
        after = anchor + 1
        if after < len(words) and lexicon.cue("negation").matches_word(words[after]):
            after += 1
        if after >= len(words):
            return False
        form = words[after]
        agent = lexicon.preposition("agent")
        if any(agent.matches_word(w) for w in words[after + 1 : after + 1 + UNPARSED_AGENT_REACH]):
            return False
    # A capital is a name or a genitive before the subject ("Derfor må Norges regjering …").
    return (
        form.text[:1].islower()
        and lexicon.cue("passive_infinitives").matches_word(form)
        and not lexicon.cue("deponent_verbs").matches_word(form)
    )


def _opinion(view: SentenceView, lexicon: Lexicon, anchor: int, verb: Word) -> bool:
    """The modal stands in the complement of a verb of belief: the parse hangs its verb on it,
    or (without a parse) one stands at most OPINION_REACH words before the modal with no
    punctuation between but a comma before the complementizer."""
    beliefs = lexicon.cue("modal_opinion_verbs")
    words = view.words
    if view.has_deps and verb.index != anchor:
        return (
            verb.dep == "ccomp" and verb.head is not None and beliefs.matches_word(words[verb.head])
        )
    complementizers = lexicon.cue("complementizers")
    for word in reversed(words[max(0, anchor - OPINION_REACH) : anchor]):
        # "mener, at Rusland må …": a comma before the complementizer stays inside the clause.
        following = words[word.index + 1]
        if not word.text[:1].isalnum() and not (
            word.text == "," and complementizers.matches_word(following)
        ):
            return False
        if beliefs.matches_word(word):
            return True
    return False


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
    verb = modal_verb(view, anchor)
    if _passive(view, lexicon, anchor, verb) or _opinion(view, lexicon, anchor, verb):
        return True
    if not view.has_deps or verb.index == anchor:
        # Without a parse, or where the parse did not join the modal to a verb (a tagger of
        # another language), the words right after the modal are read.
        return _unparsed_reading(view, lexicon, anchor)
    if verb.index != anchor and lexicon.cue("modal_discourse_verbs").matches_word(verb):
        return True
    if _inferential(view, lexicon, anchor, verb):
        return True
    return _binds_no_actor(lexicon, _subjects(view, anchor, verb))
