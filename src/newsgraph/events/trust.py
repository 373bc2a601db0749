"""Event confidence an analyst can read: a level (high, medium, low) and the reasons behind it.

The coder already knows, for every event it codes, who the source is and how the parse joins it
to the trigger, whether the report is a plain fact, whether the trigger is a verb or a noun, and
where each participant's name came from. On hand-judged sheets of general news some of these
structural facts go with right events far more often than others (docs/events.md, *Confidence*;
`benchmarks/events_confidence.py`). `event_facts` lists the facts of one report as short reason
codes and `confidence_level` turns them into a level with a few readable conditions, so an
analyst sees why an event was trusted and can filter on the level. No learned weights: the
conditions were chosen on the read sheets and checked by leaving each sheet out in turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsgraph.events.actors import ActorMention
from newsgraph.events.grounding_confidence import nearest_actor
from newsgraph.events.words import SentenceView
from newsgraph.model.article import ConfidenceLevel

LEVELS: tuple[ConfidenceLevel, ...] = ("low", "medium", "high")

# Every reason code and what it says, in the words the docs and the UI use.
REASONS: dict[str, str] = {
    "political_source": "the source is a named state, government body or office holder",
    "political_target": "the target is a named state, government body or office holder",
    "political_participant": "some participant is a named state, government body or office holder",
    "state_source": "the source is a state (a country or a nationality word)",
    "no_source": "participants are named, but none as the source (the one who acts)",
    "no_named_actor": "no named participant at all",
    "syntax_source": "the source is joined to the trigger by the parse (subject, by-agent, "
    "possessor or nationality word of the trigger noun)",
    "indirect_actors": "every participant comes only from a pronoun, an earlier list of "
    "countries or the outlet's home country",
    "indirect_source": "the source comes only from a pronoun, an earlier list of countries or "
    "the outlet's home country",
    "asserted": "reported as a fact",
    "not_asserted": "negated, conditional, planned or only claimed in a quotation",
    "verb_trigger": "the trigger is a verb",
    "noun_trigger": "the trigger is a noun",
    "statement": "a verbal act (statement, demand, accusation, threat, promise)",
    "statement_addressee": "a verbal act with a named addressee",
    "actor_near": "a participant stands one parse arc from the trigger",
    "actor_far": "the nearest participant is five or more parse arcs away, or not joined",
    "subordinate": "the trigger stands in a subordinate clause, a participle or a setting phrase",
    "lead": "reported in the article's title or first paragraph",
    "repeated": "reported by more than one sentence of the article",
}

# Dependency relations that join a doer to a trigger: the subject of a verb, the agent of a
# passive, the possessor or the nationality word of a noun ("Russia's attack", "Russian strikes").
SOURCE_DEPS = ("nsubj", "nsubj:pass", "obl:agent", "nmod:poss", "amod", "compound", "flat")
# A trigger in one of these relations takes its subject from the word it depends on.
CONTROLLED_DEPS = ("advcl", "xcomp", "conj")
FAR_PATH = 5


def syntax_linked(view: SentenceView, anchor: int, source: Sequence[ActorMention]) -> bool:
    """A word of a source mention is the trigger's subject, agent, possessor or nationality word,
    or the subject of the verb a controlled trigger depends on ("decided to attack")."""
    if not view.has_deps or not view.words:
        return False
    heads = {anchor}
    word = view.words[anchor]
    if word.dep in CONTROLLED_DEPS and word.head is not None:
        heads.add(word.head)
    for mention in source:
        for index in range(mention.first, mention.last + 1):
            if not 0 <= index < len(view.words):
                continue
            word = view.words[index]
            if word.head in heads and word.dep in SOURCE_DEPS:
                return True
    return False


def indirect(view: SentenceView, mention: ActorMention, home: bool) -> bool:
    """The mention names no one in the words themselves: a pronoun resolved to a person, or a
    participant whose country is only the outlet's home country."""
    if home:
        return True
    if mention.first != mention.last or not 0 <= mention.first < len(view.words):
        return False
    return view.words[mention.first].pos == "PRON"


def event_facts(
    view: SentenceView,
    anchor: int,
    *,
    factuality: str,
    verbal: bool,
    source: Sequence[ActorMention],
    target: Sequence[ActorMention],
    actors: Sequence[ActorMention],
    political_source: bool,
    political_target: bool,
    political_participant: bool,
    indirect_mentions: Iterable[bool],
    subordinate: bool,
    lead: bool,
) -> list[str]:
    """The reason codes (REASONS) of one report, in a fixed order."""
    facts: list[str] = []
    word = view.words[anchor] if 0 <= anchor < len(view.words) else None
    if political_source:
        facts.append("political_source")
    if political_target:
        facts.append("political_target")
    if political_participant:
        facts.append("political_participant")
    if any(m.state or m.kind == "NAT" for m in source):
        facts.append("state_source")
    if actors and not source:
        facts.append("no_source")
    if not actors:
        facts.append("no_named_actor")
    if source and syntax_linked(view, anchor, source):
        facts.append("syntax_source")
    flags = list(indirect_mentions)
    if flags and all(flags):
        facts.append("indirect_actors")
    source_flags = [flag for flag, mention in zip(flags, actors, strict=False) if mention in source]
    if source_flags and all(source_flags):
        facts.append("indirect_source")
    facts.append("asserted" if factuality == "asserted" else "not_asserted")
    if word is not None and word.pos in ("VERB", "AUX"):
        facts.append("verb_trigger")
    elif word is not None and word.pos in ("NOUN", "PROPN"):
        facts.append("noun_trigger")
    if verbal:
        facts.append("statement")
        if target:
            facts.append("statement_addressee")
    if view.has_deps and actors:
        nearest = nearest_actor(view, anchor, actors)
        if nearest is not None and nearest <= 1:
            facts.append("actor_near")
        elif nearest is None or nearest >= FAR_PATH:
            facts.append("actor_far")
    if subordinate:
        facts.append("subordinate")
    if lead:
        facts.append("lead")
    return facts


# A report with any of these is low; one with all of HIGH (and none of LOW) is high.
LOW = ("not_asserted", "actor_far", "no_source")
HIGH = ("asserted", "syntax_source", "verb_trigger")


def confidence_level(facts: Iterable[str]) -> ConfidenceLevel:
    """The level the reason codes give (docs/events.md, *Confidence*): low when the report is
    not a plain fact, its participants stand far from the trigger on the parse, or participants
    are named but none as the doer; high when it is a fact told by a verb whose subject (or
    agent) is the coded source; medium otherwise."""
    found = set(facts)
    if any(code in found for code in LOW):
        return "low"
    if all(code in found for code in HIGH):
        return "high"
    return "medium"


def level_rank(level: str | None) -> int:
    """Order of a level: low 0, medium 1, high 2; -1 for none (a record coded before levels)."""
    for rank, known in enumerate(LEVELS):
        if level == known:
            return rank
    return -1


def levels_at_least(level: str) -> tuple[ConfidenceLevel, ...] | None:
    """The levels at least as high as `level` (any case, spaces ignored), lowest first; None
    when it names no level, for the caller to report in its own words."""
    wanted = level.strip().lower()
    return LEVELS[LEVELS.index(wanted) :] if wanted in LEVELS else None
