"""Trigger detection: where a sentence reports an event, and which of those reports are real.

Matches of the lexicon's word patterns are found, overlapping matches resolved in favour of the more
specific pattern, and reports that are merely the content of a verbal act ("agreed to hold talks":
the talks have not happened) or part of a figurative phrase ("personal attacks") are dropped. What
is not reported as a fact keeps its category and carries a factuality instead: "negated" ("did not
attack"), "conditional" for wishes, possibilities and conditions ("could attack", "if they
attack"), "planned" for announced or planned events, which PLOVER codes as intentions (AGREE, or
THREATEN for conflict: "will impose sanctions"), "claimed" for what is only said to have happened
("skal ha angrepet", "soll angegriffen haben", "reportedly attacked"). A refused agreement or
support is a REJECT ("will not accept"), a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsgraph.events.clauses import HARD_BREAKS, Clauses
from newsgraph.events.lexicon import Lexicon, PhraseSet, TriggerRule
from newsgraph.events.modals import no_demand
from newsgraph.events.ontology import load_ontology
from newsgraph.events.words import SentenceView, Word

# Categories that are speech acts about another action: a trigger inside their scope is content.
VERBAL = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE", "ACCUSE", "SUPPORT"})
# Verbal acts that a future tense turns into a promise (PLOVER: cooperative actions reported in
# future tense are intentions): "will support the resolution" is AGREE, and so is a concession
# announced for later ("will allow the refugees to return": CAMEO 035, intent to yield).
PROMISABLE = frozenset({"SUPPORT", "CONCEDE"})
# Acts that stop, refuse or undo what their object names: a trigger noun as their object is no
# event of its own ("cancelled a planned visit", "would not meet the demands").
UNDOING = frozenset({"SANCTION", "REJECT", "CONCEDE"})
# What a protest is held for: a demand or a disapproval voiced by the protest itself ("blocked
# roads demanding …", "marched to press their demands", "blocked a road to show their
# disapproval", "marched to denounce …") is its claim, not a second event.
CLAIMS = frozenset({"REQUEST", "ACCUSE"})
PROTEST = "PROTEST"
THREAT = "THREATEN"
REFUSAL = "REJECT"
# The category a modal of necessity codes ("må", "must"; newsgraph.events.modals).
DEMAND = "REQUEST"
CLAIM_WINDOW = 12
UNDONE_REACH = 3
NEGATION_BEFORE = 3
NEGATION_AFTER = 2
IRREALIS_WINDOW = 8
# How many words may stand between an attempt and the act it governs ("tried to carry out an
# attack").
ATTEMPT_REACH = 4
# Tags of a word that opens a that-clause as its subject ("planlægger, at regeringen …").
CLAUSE_SUBJECT_POS = ("NOUN", "PROPN", "PRON", "DET", "NUM")
EMBEDDING_WINDOW = 8
NOUN_PHRASE_OPENERS = ("DET", "ADJ", "CCONJ", "NUM", "PRON")
# Cues of wishes, possibilities and conditions (a preposition among them is no such cue).
MODAL_CUES = ("irrealis", "hypothetical", "condition_openers")
# Relations by which a modal or a tense auxiliary hangs on its verb ("will … unterzeichnen").
AUXILIARY_DEPS = ("aux",)
# How many words after a trigger noun its phrase may run before the future verb it is the subject
# of ("Das Treffen zwischen Russland und der Ukraine soll …").
NOUN_PHRASE_REACH = 6
# How many heads the parse may lead up from a trigger to the word that proposes it ("forslag om at
# Norge støtter": støtter -> forslag).
PROPOSAL_REACH = 3
# How many words (determiners, adjectives, names) may stand between a presupposing preposition
# and its trigger noun ("during the Tet Offensive").
PRESUPPOSED_REACH = 3
# How many steps up the parse an act is searched for a verb that stops it ("avoided extradition")
# and through which relations: arguments, modifiers and complements, never a coordination.
GOVERNOR_REACH = 4
CLAUSE_DEPS = frozenset({"advcl", "acl", "xcomp", "pcomp"})
GOVERNING_DEPS = frozenset(
    {
        "obj",
        "dobj",
        "iobj",
        "nmod",
        "obl",
        "obl:arg",
        "pobj",
        "prep",
        "pcomp",
        "advcl",
        "xcomp",
        "acl",
        "compound",
        "amod",
        "nsubj:pass",
        "nsubjpass",
    }
)
# How many words (adverbs) may stand between a reportative modal and its participle ("skal
# angivelig også ha angrepet" has them before the perfect).
REPORTED_REACH = 2
# How many words after a warning's addressee the infinitive of what it must not do may start
# ("advarte USA mot å …", "warned Tehran not to …", "warned the United States not to …").
ADDRESSEE_REACH = 4
# Acts that are not given when they are only sought ("sought support from Germany").
SOUGHT = frozenset({"SUPPORT", "AID"})
# Marks after which a comparative correlative may open ("Of course, the sooner …").
CORRELATIVE_OPENERS = (",", "–", "—", "-", "«", '"', "“", ":", "(")
# How many words may stand between a trigger and an object that cancels it ("ordered two new
# independent investigations").
ANCHOR_REACH = 4
# How many words back a proposing or denying phrase may start before its complementizer ("wies
# die Berichte zurück, dass …" ends on "zurück").
COMPLEMENT_REACH = 10


@dataclass(frozen=True)
class TriggerMatch:
    """One matched trigger: its rule, the matched word indices and the anchoring word."""

    rule: TriggerRule
    words: tuple[int, ...]
    anchor: int
    recoded: tuple[str, str | None] | None = None
    intended: str | None = None
    factuality: str = "asserted"

    @property
    def category(self) -> str:
        """The category this report is coded as (the rule's unless recoded)."""
        return self.recoded[0] if self.recoded else self.rule.category

    @property
    def mode(self) -> str | None:
        """The mode this report is coded as."""
        return self.recoded[1] if self.recoded else self.rule.mode

    @property
    def first(self) -> int:
        """First matched word."""
        return self.words[0]

    @property
    def last(self) -> int:
        """Last matched word."""
        return self.words[-1]


def _raw_matches(view: SentenceView, lexicon: Lexicon) -> list[TriggerMatch]:
    found = []
    in_context: dict[int, bool] = {}
    for rule, pattern, first in lexicon.trigger_candidates(view.words):
        key = id(rule)
        if key not in in_context:
            in_context[key] = not rule.context.patterns or rule.context.any_span(view.words)
        if not in_context[key]:
            continue
        words = pattern.match_after(view.words, first)
        if (
            words is None
            or _in_compound(view, words[0])
            or _attributive(view, words)
            or _in_name(view, words)
        ):
            continue
        found.append(TriggerMatch(rule, tuple(words), words[pattern.anchor]))
    return found


def _attributive(view: SentenceView, words: list[int]) -> bool:
    """A one-word trigger used as an adjective in front of a noun ("the alleged trafficker", "the
    convicted pedophile", "the besieged enclave") qualifies the noun and reports no event."""
    if len(words) != 1 or words[0] == 0:
        return False
    word, before = view.words[words[0]], view.words[words[0] - 1]
    # The parser now and then calls a finite verb after a name "amod"; inside a noun phrase the
    # word before is a determiner, adjective, conjunction, possessive or number.
    return (
        word.dep == "amod"
        and word.head is not None
        and word.index < word.head <= word.index + 2
        and (before.pos in NOUN_PHRASE_OPENERS or before.text in ("'s", "’s"))
    )


NAME_CONTEXT_WORDS = 3  # lower-case words that show a sentence is running text, not a headline


def _in_name(view: SentenceView, words: list[int]) -> bool:
    """A capitalised trigger followed by more capitalised words inside running lower-case text is
    part of a name ("NASA's Volatiles Investigating Polar Exploration Rover", "the Support Act"),
    not an event. Headlines with hardly any lower-case words keep their triggers."""
    first, last = words[0], words[-1]
    if first == 0 or not view.words[first].text[:1].isupper():
        return False
    lower = [w for w in view.words if w.text[:1].islower() and w.text.isalpha()]
    if len(lower) < NAME_CONTEXT_WORDS:
        return False
    before = view.words[first - 1].text
    after = view.words[last + 1].text if last + 1 < len(view.words) else ""
    # After a colon, a quotation mark or an opening bracket a new sentence may start.
    if before in (":", '"', "“", "«", "(", "‘", "'", "—", "–", "-"):
        return False
    # The last word of a name is its head noun and may still name the act ("extended Emergency
    # Grant Aid of 20 million"); a word followed by more of the name is only part of it.
    return after[:1].isupper() and after[:1].isalpha()


def _in_compound(view: SentenceView, first: int) -> bool:
    """The word ends a hyphenated modifier ("long-threatened", "Syrian-backed"), not a verb."""
    if first == 0:
        return False
    hyphen = view.words[first - 1]
    return hyphen.text in ("-", "‑") and hyphen.end == view.words[first].start


def _resolve_overlaps(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    # The match covering more of the sentence wins ("lifted a state of emergency" is an easing,
    # not the emergency); then the one naming more words, then the earlier.
    ranked = sorted(
        matches,
        key=lambda m: (-(m.last - m.first), -len(m.words), -m.rule.specificity, m.first),
    )
    kept: list[TriggerMatch] = []
    used: set[int] = set()
    for match in ranked:
        if used & set(match.words) or match.anchor in used:
            continue
        kept.append(match)
        used.update(match.words)
    return sorted(kept, key=lambda m: m.anchor)


def _governed_start(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, clause_lo: int, anchor: int
) -> int:
    """Where the modality of the clause holding `anchor` is read from. An infinitive clause opened
    by a marker that is also a subordinator ("ventes at besøge", "hoppas att träffa") is
    governed by the verb before it, so its window reaches into the clause before; the marker must
    stand right before the verb ("sagde, at hans parti vil …" is a that-clause)."""
    words = view.words
    if clause_lo <= 0 or clause_lo + 1 >= len(words) or clause_lo >= anchor:
        return clause_lo
    if not lexicon.cue("infinitive").matches_word(words[clause_lo]):
        return clause_lo
    following = words[clause_lo + 1]
    if (
        following.index != anchor
        and following.pos not in ("VERB", "AUX")
        and not (
            following.pos not in CLAUSE_SUBJECT_POS
            and _modal_verb(lexicon, words, words[clause_lo - 1])
        )
    ):
        return clause_lo
    if words[clause_lo - 1].text in (",", ";", ":"):
        return clause_lo
    return clauses.span_of(clause_lo - 1)[0]


def _modal_verb(lexicon: Lexicon, words: tuple[Word, ...], word: Word) -> bool:
    """A verb or phrase of plan, expectation or wish (a `future` or `irrealis` cue ending) right
    before the marker: unless a subject follows the marker (a that-clause), what follows is its infinitive
    ("planlægger at indføre sanktioner", "agter at sende tropper", also where the tagger takes
    the infinitive for an adjective or there is no tagger)."""
    return any(
        span[-1] == word.index
        for name in ("future", "irrealis")
        for span in lexicon.cue(name).spans(words, max(0, word.index - 3), word.index + 1)
    )


def _auxiliary_cue(view: SentenceView, lexicon: Lexicon, name: str, anchor: int) -> bool:
    """A cue word that the parse hangs on the trigger verb as its auxiliary, however far before it:
    German puts the verb last ("will Bush am Sonntag mit Putin ein Abkommen unterzeichnen")."""
    if not view.has_deps or view.words[anchor].pos != "VERB":
        return False
    cue = lexicon.cue(name)
    return any(cue.matches_word(word) for word in view.dependents(anchor, AUXILIARY_DEPS))


def _clause_final_verb(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, name: str, match: TriggerMatch
) -> bool:
    """In a verb-final language the verb a modal governs closes the clause however far the modal
    stands before it ("will Bush am Sonntag mit Putin ein Abkommen unterzeichnen"): a lower-case
    trigger closing its clause takes a cue anywhere before it in the clause."""
    if not lexicon.verb_final:
        return False
    words = view.words
    lo, hi = clauses.span_of(match.anchor)
    last = match.last + 1
    if last < hi and words[last].text[:1].isalnum():
        return False
    if not words[match.first].text[:1].islower() or words[match.anchor].pos in ("NOUN", "PROPN"):
        return False
    return bool(lexicon.cue(name).spans(words, lo, match.first))


def _planned_occurrence(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """A trigger noun as the subject of a future "take place" ("Das Treffen soll im Mai
    stattfinden", "Mødet skal holdes i Paris"): a future cue right after its phrase and a verb of
    occurrence (`[cues].occurrence_verbs`) later in its clause."""
    occurrence = lexicon.cue("occurrence_verbs")
    if not occurrence.patterns or view.words[match.anchor].pos in ("VERB", "AUX"):
        return False
    _, hi = clauses.span_of(match.anchor)
    after = match.last + 1
    for span in lexicon.cue("future").spans(view.words, after, min(hi, after + NOUN_PHRASE_REACH)):
        if occurrence.spans(view.words, span[-1] + 1, hi):
            return True
    return False


def _near(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, name: str, lo: int, hi: int, anchor: int
) -> bool:
    clause_lo, clause_hi = clauses.span_of(anchor)
    clause_lo = _governed_start(view, clauses, lexicon, clause_lo, anchor)
    lo, hi = max(lo, clause_lo), min(hi, clause_hi)
    spans = lexicon.cue(name).spans(view.words, lo, hi)
    if name in MODAL_CUES:
        # A condition word used as a preposition is none: "handlet om beskyldninger" (about).
        spans = [s for s in spans if len(s) > 1 or view.words[s[0]].pos != "ADP"]
    return bool(spans)


def is_negated(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """A negation word right before or after the trigger in its clause."""
    lo = match.first - NEGATION_BEFORE
    hi = match.anchor + NEGATION_AFTER + 1
    # A negated verb of preventing is no negated act: "did not prevent an attack", "failed to
    # avert a clash" (the act happened).
    if lexicon.cue("preventing").spans(view.words, max(0, lo), match.first):
        return False
    return _near(view, clauses, lexicon, "negation", lo, hi, match.anchor)


def in_condition(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """The trigger stands in a clause opened by a condition ("if the United States goes ahead
    with the planned deployment …"), however far from its opener."""
    lo, _ = clauses.span_of(match.anchor)
    opener = lo
    # The opener may follow a comma or a coordinator ("… eller om møtet ender …").
    while opener + 1 < match.first and (
        view.words[opener].text == ","
        or lexicon.cue("coordinators").matches_word(view.words[opener])
    ):
        opener += 1
    openers = lexicon.cue("condition_openers")
    found = openers.starts_at(view.words, opener)
    if found is None and opener == lo:
        # "forutsatt at …", "i tilfælde af at …": the opener ends with the complementizer that
        # opens the clause.
        found = next(
            (span for span in openers.spans(view.words, max(0, lo - 4), lo + 1) if span[-1] == lo),
            None,
        )
    return (
        opener < match.first
        and found is not None
        and (len(found) > 1 or view.words[opener].pos != "ADP")
    )


def presupposed(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """A trigger noun right after a preposition that takes it as given ("during the Tet
    Offensive", "etter angrepet"; `[cues].presupposing`) reports an act that happened."""
    if view.words[match.anchor].pos in ("VERB", "AUX"):
        return False
    lo = max(0, match.first - PRESUPPOSED_REACH - 3)
    for span in lexicon.cue("presupposing").spans(view.words, lo, match.first):
        between = view.words[span[-1] + 1 : match.first]
        if len(between) <= PRESUPPOSED_REACH and all(
            w.pos in ("DET", "ADJ", "PROPN", "NUM", "NOUN") for w in between
        ):
            return True
    return False


def is_irrealis(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """A wish, possibility or condition governs the report ("håper å besøke"); a speech act only
    by a hypothetical cue ("whether they could agree", "if he agrees"). An attempt governs any
    act ("tried to seize the building", "forsøkte å angripe"; `[cues].attempts`)."""
    if in_condition(view, clauses, lexicon, match) or attempted(view, clauses, lexicon, match):
        return True
    if comparative_condition(view, lexicon, match):
        return True
    lo = match.first - IRREALIS_WINDOW
    name = "hypothetical" if match.rule.category in VERBAL else "irrealis"
    return _near(view, clauses, lexicon, name, lo, match.first, match.anchor) or (
        _clause_final_verb(view, clauses, lexicon, name, match)
    )


def comparative_condition(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The trigger stands in the first half of a comparative correlative (`[cues].
    comparative_conditionals`: "the sooner Russia withdraws its troops, the better", "jo før
    styrkene trekkes ut, jo bedre", "je früher …, desto besser"): a condition, not a fact. The
    half runs from the opener, which opens the sentence or follows a comma or a dash ("Of
    course, the sooner …"; not "the more populous city"), to the first comma."""
    words = view.words
    for span in lexicon.cue("comparative_conditionals").spans(words, 0, match.first):
        if span[0] > 0 and words[span[0] - 1].text not in CORRELATIVE_OPENERS:
            continue
        between = words[span[-1] + 1 : match.first]
        if not any(w.text in (",", *HARD_BREAKS) for w in between):
            return True
    return False


def attempted(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The act is what someone tried to do (`[cues].attempts`: "tried to seize", "forsøkte å
    angripe"): the attempt stands right before the trigger in its clause (a determiner, adjective
    or light verb between: `[cues].attempt_light_verbs`), or closes the clause before an
    infinitive clause set off by a comma ("versuchte, die Ukraine zu besuchen")."""
    words = view.words
    clause_lo, _ = clauses.span_of(match.anchor)
    lo = max(clause_lo, match.first - IRREALIS_WINDOW)
    light = lexicon.cue("attempt_light_verbs")
    determiners = lexicon.cue("determiners")
    # The attempt governs the act right after it, or the noun of a light verb ("tried to carry
    # out an attack"), not the object of another act ("trying to derail the talks", "attempted
    # to disrupt the rally": the talks and the rally are facts).
    if lexicon.cue("attempts").leads_to(
        words,
        lo,
        match.first,
        ATTEMPT_REACH,
        lambda w: (
            w.pos in ("DET", "ADJ", "NUM") or determiners.matches_word(w) or light.matches_word(w)
        ),
    ):
        return True
    comma = clause_lo if words[clause_lo].text == "," else clause_lo - 1
    if comma <= 0 or words[comma].text != ",":
        return False
    infinitive = lexicon.cue("infinitive")
    if not any(infinitive.matches_word(w) for w in words[comma + 1 : match.first]):
        return False
    return any(
        span[-1] == comma - 1
        for span in lexicon.cue("attempts").spans(words, max(0, comma - 4), comma)
    )


def _complement_of(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch, cue_name: str
) -> bool:
    """The trigger's clause opens with a complementizer right after a phrase of the cue (a
    preposition or a comma may stand between: "forslag om at", "bestritt, dass", "wies
    zurück, dass")."""
    words = view.words
    lo, _ = clauses.span_of(match.anchor)
    if lo > 0 and words[lo].text == "," and lo + 1 < match.first:
        lo += 1
    if not lo < match.first or not lexicon.cue("complementizers").matches_word(words[lo]):
        return False
    before = lo - 1
    if before > 0 and words[before].text == ",":
        before -= 1
    if before > 0 and words[before].pos == "ADP":
        before -= 1
    if before < 0:
        return False
    cue = lexicon.cue(cue_name)
    if cue.matches_word(words[before]):
        return True
    reach = max(0, before - COMPLEMENT_REACH)
    return any(span[-1] == before for span in cue.spans(words, reach, before + 1))


def proposed(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The trigger is the content of a proposal or recommendation (`[cues].proposals`): its
    clause opens with a complementizer right after the proposing word ("vil fremme forslag om at
    Norge støtter …", "proposed that NATO send troops"), or the parse puts it under that word
    ("the proposal to hold talks"). What is proposed has not happened."""
    cue = lexicon.cue("proposals")
    if _complement_of(view, clauses, lexicon, match, "proposals"):
        return True
    if not view.has_deps:
        return False
    seen = {match.anchor}
    index = view.words[match.anchor].head
    while index is not None and index not in seen and len(seen) <= PROPOSAL_REACH:
        word = view.words[index]
        if cue.matches_word(word):
            return True
        seen.add(index)
        index = word.head
    return False


def _governors(view: SentenceView, lexicon: Lexicon, anchor: int) -> list[Word]:
    """The words above the trigger in the parse, nearest first: its head, their heads, while
    each step is an argument, a modifier or a complement (`GOVERNING_DEPS`), at most
    GOVERNOR_REACH steps ("extradition" <- "avoided"; "rally" <- "holding" <- "prevented")."""
    found: list[Word] = []
    word = view.words[anchor]
    while word.head is not None and word.head != word.index and len(found) < GOVERNOR_REACH:
        if word.dep not in GOVERNING_DEPS or not _subjectless(view, lexicon, word):
            break
        word = view.words[word.head]
        found.append(word)
    return found


def _subjectless(view: SentenceView, lexicon: Lexicon, word: Word) -> bool:
    """A clause the walk may climb out of is a bare complement: no subject of its own and no
    marker but a complement marker (`[cues].complement_marks`: "from holding a rally"); an
    adverbial clause of its own ("though he was allowed to enter", "after seeking refuge") is
    not under the verb it hangs on."""
    if word.dep not in CLAUSE_DEPS and word.pos != "VERB":
        return True
    marks = lexicon.cue("complement_marks")
    for child in view.dependents(word.index):
        if child.dep.startswith(("nsubj", "expl", "csubj")):
            return False
        if child.dep in ("mark", "case") and not marks.matches_word(child):
            return False
    return True


def prevented(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """An act the parse puts under a verb that stops it (`[cues].preventing`: "avoided
    extradition", "prevented the opposition from holding a rally", "stopped short of imposing
    sanctions", "a empêché une attaque", "verhinderte einen Anschlag") did not happen; unless a
    negation stands right before that verb ("failed to prevent the attack": it did happen).
    Without a parse only a verb right before the trigger counts."""
    words = view.words
    cue, negation = lexicon.cue("preventing"), lexicon.cue("negation")
    determiners = lexicon.cue("determiners")
    governors = _governors(view, lexicon, match.anchor) if view.has_deps else []
    # Without a parse, or with one that hangs the verb on the noun ("avoided extradition" as a
    # modifier), the verb stands right before the trigger, a determiner or adjective between.
    for span in cue.spans(words, max(0, match.first - PRESUPPOSED_REACH - 2), match.first):
        between = words[span[-1] + 1 : match.first]
        if len(between) <= PRESUPPOSED_REACH and all(
            w.pos in ("DET", "ADJ") or determiners.matches_word(w) for w in between
        ):
            governors.insert(0, words[span[-1]])
    for governor in governors:
        index = governor.index
        spans = cue.spans(words, max(0, index - 2), min(len(words), index + 3))
        if not any(index in span for span in spans):
            continue
        before = negation.spans(words, max(0, index - NEGATION_BEFORE), index)
        negated = any(w.lower in ("not", "n't", "never") for w in view.dependents(index))
        return not before and not negated
    return False


def purposed(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The trigger is what a purpose clause means to bring about (`[cues].purposes`: "imposed
    tariffs to pressure China into concessions", "talks to secure the release"), so it has not
    happened; an implicative verb before the marker makes it a fact ("managed to secure the
    release", `[cues].implicatives`)."""
    words = view.words
    lo = max(clauses.span_of(match.anchor)[0], match.first - IRREALIS_WINDOW)
    implicative = lexicon.cue("implicatives")
    for span in lexicon.cue("purposes").spans(words, lo, match.first):
        marker = span[0]
        if marker > 0 and implicative.matches_word(words[marker - 1]):
            continue
        return True
    return False


def is_counterfactual(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """What would or could have happened did not happen ("a deal that would have allowed …",
    "kunne ha angrepet")."""
    lo = match.first - IRREALIS_WINDOW
    return _near(view, clauses, lexicon, "counterfactual", lo, match.first, match.anchor)


def is_reported(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """The event is only said to have happened (`[cues].reportative`): a reportative modal with a
    perfect ("skal ha angrepet", "ska ha dödat", "skal have dræbt"; in German around the
    participle: "soll Kiew angegriffen haben") or a hearsay adverb ("reportedly", "angivelig").
    Such a modal is no plan: "soll … haben" is a claim, not a threat. Before the trigger at most
    REPORTED_REACH adverbs may stand between ("skal også ha angrepet"), no determiner, and a
    parsed trigger is no noun ("skal ha et møte", "skal ha møte med" are plans)."""
    words = view.words
    lo, hi = clauses.span_of(match.anchor)
    determiners = lexicon.cue("determiners")
    for span in lexicon.cue("reportative").spans(words, max(lo, match.first - IRREALIS_WINDOW), hi):
        if span[0] >= match.first:
            continue
        if span[-1] > match.last:
            return True
        between = words[span[-1] + 1 : match.first]
        if (
            span[-1] < match.first
            and len(between) <= REPORTED_REACH
            and words[match.anchor].pos not in ("NOUN", "PROPN")
            and not any(w.pos in ("DET", "NUM") or determiners.matches_word(w) for w in between)
        ):
            return True
    return False


def is_future(view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The event is announced or planned, not reported ("vil besøke", "will impose"); PLOVER
    codes it as the intention. A verbal act is no intention of itself (`announced_speech`)."""
    if match.rule.category in VERBAL - PROMISABLE:
        return False
    return _future_cue(view, clauses, lexicon, match)


def announced_speech(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """A verbal act other than support and concessions under a future cue ("will accuse", "vil
    kritisere", "will lead an inquiry", "the least the government will accept") keeps its
    category, but has not been said yet: it is planned, not a fact. A reportative modal with a
    perfect before it is hearsay about a past act ("skal ha gitt etterforskninga høgste
    prioritet"), no future."""
    if match.rule.category not in VERBAL - PROMISABLE:
        return False
    if view.words[match.anchor].pos == "NOUN" and not _after_indefinite(view, lexicon, match):
        # The future governs the verb of a known act, not the act: "skal droppe
        # etterforskningen" ends an investigation that took place.
        return False
    lo, _ = clauses.span_of(match.anchor)
    if any(
        span[0] < match.first
        for span in lexicon.cue("reportative").spans(view.words, lo, match.first)
    ):
        return False
    return _future_cue(view, clauses, lexicon, match)


def _after_indefinite(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """An indefinite article stands before the trigger noun, past at most two modifiers ("lead
    an inquiry", "an independent investigation")."""
    articles = lexicon.cue("indefinite_articles")
    for index in range(match.first - 1, max(-1, match.first - 4), -1):
        word = view.words[index]
        if articles.matches_word(word):
            return True
        if word.pos not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False


def _future_cue(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """A future cue before the trigger in its clause, on its auxiliary, closing its clause, or
    on the verb of taking place after a trigger noun; or a goal or purpose before it (`[cues].
    goals`: "the goal is to", "målet er å", "l'objectif est de"): the act is intended, not
    done."""
    lo = match.first - IRREALIS_WINDOW
    return (
        _near(view, clauses, lexicon, "future", lo, match.first, match.anchor)
        or _near(view, clauses, lexicon, "goals", lo, match.first, match.anchor)
        or _auxiliary_cue(view, lexicon, "future", match.anchor)
        or _clause_final_verb(view, clauses, lexicon, "future", match)
        or _planned_occurrence(view, clauses, lexicon, match)
    )


def _modality(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> TriggerMatch:
    """The report as it is to be coded given negation and modality."""
    ontology = load_ontology()
    if is_counterfactual(view, clauses, lexicon, match):
        return replace(match, factuality="conditional")
    if is_negated(view, clauses, lexicon, match) or _complement_of(
        view, clauses, lexicon, match, "denial_verbs"
    ):
        refused = ontology.refused.get(match.rule.category)
        if refused is None and is_future(view, clauses, lexicon, match):
            # "vil ikke gi bistand": a refused promise of help.
            refused = ontology.refused.get(ontology.intent(match.rule.category))
        if refused:
            return replace(match, recoded=(refused, None))
        return replace(match, factuality="negated")
    if presupposed(view, lexicon, match):
        return match
    if prevented(view, lexicon, match):
        return replace(match, factuality="negated")
    if is_reported(view, clauses, lexicon, match):
        return replace(match, factuality="claimed")
    if (
        is_irrealis(view, clauses, lexicon, match)
        or proposed(view, clauses, lexicon, match)
        or _complement_of(view, clauses, lexicon, match, "demanding")
        or purposed(view, clauses, lexicon, match)
    ):
        return replace(match, factuality="conditional")
    if is_future(view, clauses, lexicon, match):
        category = match.rule.category
        intent = ontology.intent(category)
        if _negated_plan(view, clauses, lexicon, match):
            # "will not give aid", "vil det ikke komme noen bevilgning": a refused promise is a
            # REJECT, a renounced threat no event at all.
            refused = ontology.refused.get(intent)
            if refused:
                return replace(match, recoded=(refused, None))
            return replace(match, factuality="negated")
        # "will withdraw its force unless …": a conditional announcement is a threat.
        if lexicon.cue("conditions").spans(view.words, match.last + 1):
            intent = ontology.intent_conflict
        return replace(match, recoded=(intent, None), intended=category, factuality="planned")
    if announced_speech(view, clauses, lexicon, match):
        return replace(match, factuality="planned")
    if modal_predicate(view, clauses, lexicon, match):
        return replace(match, factuality="conditional")
    return match


def modal_predicate(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """An indefinite trigger noun opening its clause, whose verb is a modal or a future ("En
    dansk anerkendelse af Palæstina skal dog drøftes", "A US strike on Iran would be a
    disaster", "Et angrep på Norge vil bli møtt med …"): an act that may come, not one that
    happened. The modal stands within a noun phrase's reach after the trigger, in its clause;
    between the article (`[cues].indefinite_articles`) and the trigger at most two modifiers."""
    words = view.words
    if words[match.anchor].pos in ("VERB", "AUX", "PRON"):
        return False
    lo, hi = clauses.span_of(match.anchor)
    start = lo
    while start < match.first and not words[start].text.isalnum():
        start += 1
    between = words[start + 1 : match.first]
    if not lexicon.cue("indefinite_articles").matches_word(words[start]) or len(between) > 2:
        return False
    if any(w.pos not in ("ADJ", "PROPN", "NOUN", "") or not w.text.isalnum() for w in between):
        return False
    reach = min(hi, match.last + 1 + NOUN_PHRASE_REACH)
    return any(
        lexicon.cue(name).spans(words, match.last + 1, reach) for name in ("future", "irrealis")
    )


def _negated_plan(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    """A negation between the future cue and the trigger ("will not give any aid")."""
    lo = match.first - IRREALIS_WINDOW
    futures = [
        found[-1] for found in lexicon.cue("future").spans(view.words, max(0, lo), match.first)
    ]
    return bool(futures) and _near(
        view, clauses, lexicon, "negation", min(futures) + 1, match.first, match.anchor
    )


def _embedded(
    view: SentenceView,
    lexicon: Lexicon,
    match: TriggerMatch,
    others: list[TriggerMatch],
    clauses: Clauses,
) -> bool:
    """Inside the scope of a verbal act to its left in the same clause ("threatened to attack"),
    unless it is a second act coordinated with it ("condemned the visit and warned Washington")."""
    clause = clauses.number_of(match.anchor)
    for other in others:
        if other is match or other.category not in VERBAL:
            continue
        if other.category == match.category:
            continue
        if clauses.number_of(other.anchor) != clause:
            continue
        if other.anchor < match.first <= other.anchor + EMBEDDING_WINDOW and not _coordinated(
            view, lexicon, match, other
        ):
            return True
    return False


def _coordinated(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, other: TriggerMatch
) -> bool:
    """The trigger is a verb of its own coordinated with the verbal act before it, not what that
    act is about: "condemned the visit and warned Washington …", "ont condamné l'attentat et
    appelé les autorités à …". With a parse, the trigger is a conjunct of the act's verb; without
    one, a coordinator stands right before it (or opens it) and no infinitive marker or
    complementizer lies between the two ("threatened to attack and kill", "accusé X d'avoir
    attaqué et tué" stay the content)."""
    words = view.words
    if view.has_deps:
        word = words[match.anchor]
        return word.dep == "conj" and word.head == other.anchor and word.pos == "VERB"
    coordinators = lexicon.cue("coordinators")
    if coordinators.matches_word(words[match.first]):
        joint = match.first
    elif match.first > 0 and coordinators.matches_word(words[match.first - 1]):
        joint = match.first - 1
    else:
        return False
    markers = (lexicon.cue("infinitive"), lexicon.cue("complementizers"))
    return joint > other.last + 1 and not any(
        _opens_complement(markers, word) for word in words[other.last + 1 : joint]
    )


def _opens_complement(markers: tuple[PhraseSet, ...], word: Word) -> bool:
    """An infinitive marker or complementizer, also elided and glued to the next word when the
    tokenizer left them one ("d'avoir", "qu'il")."""
    if any(cue.matches_word(word) for cue in markers):
        return True
    text = word.text.lower().replace("’", "'")
    if "'" not in text[:-1]:
        return False
    elided = text.split("'", 1)[0] + "'"
    piece = Word(index=0, start=0, end=len(elided), text=elided, lower=elided)
    return any(cue.matches_word(piece) for cue in markers)


def _not_events(view: SentenceView, lexicon: Lexicon) -> set[int]:
    """Words of phrases that look like triggers but report nothing ("when asked", "so-called",
    "declined to comment") or use a trigger word figuratively ("personal attacks")."""
    found = lexicon.cue("not_events").spans(view.words) + lexicon.cue("figurative").spans(
        view.words
    )
    return {index for match in found for index in match}


def find_triggers(view: SentenceView, clauses: Clauses, lexicon: Lexicon) -> list[TriggerMatch]:
    """The real event reports of a sentence view, left to right."""
    blocked = _not_events(view, lexicon)
    raw = [m for m in _raw_matches(view, lexicon) if not blocked & set(m.words)]
    matches = _resolve_overlaps(raw)
    matches = [
        m
        for m in matches
        if not _undone(view, lexicon, m, matches) and not _claim(view, lexicon, m, matches)
    ]
    # A modal that is no demand, a caution, a denial and an order for an inquiry report no event
    # of their own, but what they govern is still no fact ("denied that it had attacked", "må
    # Norge angripe", "ordered an investigation").
    scopes = [
        m
        for m in matches
        if not _no_event_sense(view, lexicon, m, matches)
        and not _not_event_object(view, lexicon, m)
        and not _sought(view, lexicon, m)
    ]
    kept = [_modality(view, clauses, lexicon, m) for m in scopes]
    kept = [
        _promised_conflict(m, kept, clauses)
        for m in kept
        if not _embedded(view, lexicon, m, matches, clauses)
    ]
    return _fold_purposes(view, lexicon, kept)


def _not_event_object(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """The trigger's object is one of its category's `[not_event_anchors]`, right after it past
    determiners, adjectives and numbers: "ordered an investigation", "ba om en gransking" (an
    order for an inquiry is no request between actors)."""
    anchors = lexicon.not_event_anchors.get(match.rule.category)
    if anchors is None:
        return False
    words = view.words
    determiners = lexicon.cue("determiners")
    # The words of the trigger itself are passed over ("ordnete eine Untersuchung an").
    after = [w for w in words[match.first + 1 :] if w.index not in match.words]
    for word in after[: ANCHOR_REACH + 1]:
        if anchors.starts_at(words, word.index) is not None:
            return True
        if not (word.pos in ("DET", "ADJ", "NUM") or determiners.matches_word(word)):
            return False
    return False


def _sought(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Support or aid that someone seeks, rallies or asks for (`[cues].seeking` right before the
    trigger noun, past determiners and adjectives: "sought international support", "for å
    samle støtte", "cherche le soutien") has not been given: no SUPPORT or AID event. Whoever
    asks a party for it is coded by the request's own trigger."""
    if match.rule.category not in SOUGHT:
        return False
    words = view.words
    determiners = lexicon.cue("determiners")
    lo = max(0, match.first - ANCHOR_REACH - 3)
    return lexicon.cue("seeking").leads_to(
        words,
        lo,
        match.first,
        ANCHOR_REACH,
        lambda w: (view.has_deps and w.pos in ("DET", "ADJ", "NUM")) or determiners.matches_word(w),
    )


def _no_event_sense(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]
) -> bool:
    """A speech-act word used in a sense that reports no act between actors: a modal that lays
    no obligation on anyone (newsgraph.events.modals), a warning that is only a caution, a
    rejection that denies a claim."""
    if match.rule.category == DEMAND and no_demand(view, lexicon, match.anchor):
        return True
    return _caution(view, lexicon, match, matches) or _denial(view, lexicon, match)


def _caution(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]
) -> bool:
    """A warning is a threat only where it announces the warner's own response: what follows it,
    up to the next colon or dash, holds a future or a consequence (`[cues].future`,
    `[cues].warning_consequences`: "warned that police will no longer tolerate rallies",
    "advarte om konsekvenser") or a hostile act ("warned Iran against attacking ships"). A warning
    of a danger or against a policy is a caution ("warned that there is no room for compromise",
    "advarer mot kutt i forsvaret"; `[cues].warning_words`)."""
    words = view.words
    if match.rule.category != THREAT or not lexicon.cue("warning_words").matches_word(
        words[match.anchor]
    ):
        return False
    end = next(
        (i for i in range(match.last + 1, len(words)) if words[i].text in HARD_BREAKS),
        len(words),
    )
    for name in ("future", "warning_consequences"):
        if lexicon.cue(name).spans(words, match.last + 1, end):
            return False
    if _named_addressee(view, lexicon, match):
        return False
    ontology = load_ontology()
    return not any(
        match.last < other.first < end
        and ontology.categories[other.rule.category].quad == "material conflict"
        for other in matches
    )


def _named_addressee(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """A warning to a named party, right after the verb past time words, not to do something
    ("warned Washington not to interfere", "advarte onsdag USA mot å blande seg inn", "a averti
    Londres de ne pas …": an infinitive soon after the name) is a coercive warning from one party
    to another, a threat in PLOVER's sense. A warning to a kind of people ("warned investors"),
    about something ("warned of", "advarer mot") or against a policy ("advarer Norge mot kutt i
    velferden") is a caution."""
    words = view.words
    index = match.last + 1
    time_nouns, determiners = lexicon.cue("time_nouns"), lexicon.cue("determiners")

    def skipped(at: int) -> bool:
        # A day ("onsdag"), a preposition or article before one ("på onsdagen", "am
        # Mittwoch") and a determiner ("the United States").
        word = words[at]
        before_day = at + 1 < len(words) and time_nouns.matches_word(words[at + 1])
        return (
            time_nouns.matches_word(word)
            or determiners.matches_word(word)
            or (before_day and word.text.islower())
        )

    while index < len(words) and skipped(index):
        index += 1
    if index >= len(words):
        return False
    word = words[index]
    if not (word.text[:1].isupper() and word.text[:1].isalpha() and word.pos in ("PROPN", "")):
        return False
    infinitive = lexicon.cue("infinitive")
    after = words[index + 1 : index + 1 + ADDRESSEE_REACH]
    return any(infinitive.matches_word(w) for w in after)


def _denial(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """Rejecting a claim is denying it, not refusing a request or proposal: a REJECT whose object
    is an accusation, allegation or report (`[cues].denied_claims`: "rejected the accusations",
    "tilbakeviste påstandene"), or one followed by what is denied (`[cues].denial_complements`:
    "denied that it had …", "denied having …", "avviste at …")."""
    if match.rule.category != REFUSAL or match.last + 1 >= len(view.words):
        return False
    words = view.words
    if lexicon.cue("denial_complements").starts_at(words, match.last + 1):
        return True
    claims = lexicon.cue("denied_claims")
    objects = [w for w in words if w.head == match.anchor and w.dep == "obj" and w.pos == "NOUN"]
    if objects:
        return any(claims.matches_word(w) for w in objects)
    for word in words[match.last + 1 : match.last + 1 + UNDONE_REACH + 1]:
        if word.pos in ("DET", "ADJ", "NUM") or lexicon.cue("determiners").matches_word(word):
            continue
        return claims.matches_word(word)
    return False


def _undone(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]
) -> bool:
    """A trigger noun that is the direct object of a cancelling, refusing or conceding trigger
    ("cancelled a planned visit", "rejected the proposed talks", "would not meet the demands"),
    or the subject of one in the passive ("the planned meeting was cancelled")."""
    word = view.words[match.anchor]
    for other in matches:
        if other is match or other.rule.category not in UNDOING:
            continue
        if word.dep == "nsubj:pass" and word.head == other.anchor:
            return True
        if other.anchor >= match.first:
            continue
        if word.dep == "obj" and word.head == other.anchor:
            return True
        # The parse may miss the object; a trigger right after the verb, past a determiner and
        # adjectives or participles only, is its object too.
        between = view.words[other.last + 1 : match.first]
        if len(between) <= UNDONE_REACH and all(_modifies(lexicon, w) for w in between):
            return True
    return False


def _modifies(lexicon: Lexicon, word: Word) -> bool:
    """Whether a word may stand between a verb and its object noun: a determiner, an adjective or
    participle ("a planned visit"); without a parse, any lower-case word that is no preposition
    or coordinator ("a rejeté ces accusations et a appelé …": what follows "et" is no object)."""
    if word.pos:
        return word.pos in ("DET", "ADJ", "NUM") or word.dep == "amod"
    if lexicon.cue("determiners").matches_word(word):
        return True
    if lexicon.cue("coordinators").matches_word(word):
        return False
    prepositions = lexicon.prepositions.values()
    return (
        word.text.isalpha()
        and word.text.islower()
        and not any(phrases.matches_word(word) for phrases in prepositions)
    )


def _claim(
    view: SentenceView, lexicon: Lexicon, match: TriggerMatch, matches: list[TriggerMatch]
) -> bool:
    """A demand or disapproval voiced by a protest reported before it in the sentence, as a participle,
    an infinitive, after a preposition or as a noun ("blocked roads demanding …", "rioted …
    joining demonstrators in demanding …", "to press their demands")."""
    if match.rule.category not in CLAIMS:
        return False
    word = view.words[match.anchor]
    before = view.words[match.first - 1] if match.first else None
    voiced = (
        word.pos == "NOUN"
        or word.lower.endswith("ing")
        or (
            before is not None
            and (lexicon.cue("infinitive").matches_word(before) or before.pos == "ADP")
        )
    )
    return voiced and any(
        other.rule.category == PROTEST and other.anchor < match.first <= other.anchor + CLAIM_WINDOW
        for other in matches
    )


def _promised_conflict(
    match: TriggerMatch, kept: list[TriggerMatch], clauses: Clauses
) -> TriggerMatch:
    """A promise or readiness to do something hostile is a threat ("prepared to impose martial
    law", "vowed to strike back"): an AGREE whose scope holds a material-conflict report is
    THREATEN."""
    ontology = load_ontology()
    if match.category != ontology.intent_cooperation or match.recoded is not None:
        return match
    clause = clauses.number_of(match.anchor)
    for other in kept:
        if other is match or clauses.number_of(other.anchor) != clause:
            continue
        if not match.anchor < other.first <= match.anchor + EMBEDDING_WINDOW:
            continue
        if ontology.categories[other.rule.category].quad == "material conflict":
            return replace(match, recoded=(ontology.intent_conflict, None))
    return match


def _fold_purposes(
    view: SentenceView, lexicon: Lexicon, matches: list[TriggerMatch]
) -> list[TriggerMatch]:
    """ "Sendte soldater for å delta i paraden": the purpose names the event. The earlier trigger
    keeps its words (and so its participants) but takes the purpose trigger's category."""
    purpose_ends = {match[-1] for match in lexicon.cue("purpose").spans(view.words)}
    result: list[TriggerMatch] = []
    for match in matches:
        purposeful = (match.first - 1) in purpose_ends or (match.first - 2) in purpose_ends
        if purposeful and result and result[-1].category not in VERBAL:
            result[-1] = replace(match, words=result[-1].words, anchor=result[-1].anchor)
            continue
        result.append(match)
    return result
