"""Grounding confidence: how sure the coder is that a report is a political event of its category
with those participants, as one number per event, and the threshold below which it is not coded.

The word-level tests (newsgraph.events.grounding, newsgraph.events.sense) are yes/no and keep
many reports that are right in form but wrong in fact. On six hand-judged sheets of general news
(benchmarks/data/events_*.json) the wrong events that survive them share a few signs on the parse,
each of which seldom marks a right one:

* **Distance between trigger and actors.** A coded actor that is a direct dependent or head of the
  trigger ("Russia accused …", "US troops fired") is a participant far more often than one only
  reachable over five or more dependency arcs, or not at all ("an AP journalist … near the
  facility which protesters tried to block", "… the arrest linked the incident to Fox News host
  Pirro's comments on Omar"). Reports with no named actor are neither raised nor lowered.
* **Background clause.** A trigger inside a relative clause or a clausal subject ("the land that
  it occupies", "a deal that meets with the approval of the IAEA", "the Iraqi Islamic Party, which
  had earlier been committed to …", "the most effective weapon the US could deploy") describes a
  noun of the sentence; the sentence's news is elsewhere.
* **The writer as doer.** A trigger whose subject is the writer or the reader (`writer_pronouns`:
  I, we, you; jeg, vi, du), outside a quotation, reports a blogger's or a reader's doings
  ("Having personally visited the West Bank, I …", "we evacuated U.S. citizens", "my cat
  attacked your feet"), not a political actor's.
* **A political doer.** A named political actor as the source of the act raises the score.

Non-factual reports (negated, conditional, claimed) already carry a lower confidence in the
coder. The weights and the threshold are data (`[confidence]` in
resources/common/grounding.toml); docs/events.md gives the trade-off between precision on the
judged sheets and recall on the shared gold that chose them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.events.actors import ActorMention
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import SentenceView, Word
from newsgraph.resources import COMMON, load_resource

# Relations whose dependents are subjects of the trigger verb.
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# A trigger in one of these relations borrows its subject from its head ("Having visited X, I …").
CONTROLLED_DEPS = ("advcl", "xcomp", "conj")
UNREACHABLE = 99


@dataclass(frozen=True)
class ConfidenceSettings:
    """The weights of the grounding confidence and the threshold (grounding.toml [confidence])."""

    near_path: int = 1
    far_path: int = 5
    near_bonus: float = 0.0
    far_penalty: float = 0.0
    background_deps: frozenset[str] = frozenset()
    background_penalty: float = 0.0
    writer_penalty: float = 0.0
    political_source_bonus: float = 0.0
    min_confidence: float = 0.0


@lru_cache(maxsize=1)
def load_confidence_settings() -> ConfidenceSettings:
    """resources/common/grounding.toml [confidence], read once."""
    data = load_resource(COMMON, "grounding").get("confidence", {})
    return ConfidenceSettings(
        near_path=int(data.get("near_path", 1)),
        far_path=int(data.get("far_path", 5)),
        near_bonus=float(data.get("near_bonus", 0.0)),
        far_penalty=float(data.get("far_penalty", 0.0)),
        background_deps=frozenset(str(d) for d in data.get("background_deps", [])),
        background_penalty=float(data.get("background_penalty", 0.0)),
        writer_penalty=float(data.get("writer_penalty", 0.0)),
        political_source_bonus=float(data.get("political_source_bonus", 0.0)),
        min_confidence=float(data.get("min_confidence", 0.0)),
    )


def _ancestors(view: SentenceView, index: int) -> list[int]:
    """`index` and its heads up to the root, nearest first."""
    chain = [index]
    word = view.words[index]
    while word.head is not None and word.head not in chain:
        chain.append(word.head)
        word = view.words[word.head]
    return chain


def path_length(view: SentenceView, a: int, b: int) -> int:
    """Number of dependency arcs between words `a` and `b` (UNREACHABLE when the parse does not
    join them)."""
    up_a, up_b = _ancestors(view, a), _ancestors(view, b)
    steps_b = {word: steps for steps, word in enumerate(up_b)}
    for steps, word in enumerate(up_a):
        if word in steps_b:
            return steps + steps_b[word]
    return UNREACHABLE


def nearest_actor(view: SentenceView, anchor: int, mentions: Iterable[ActorMention]) -> int | None:
    """Fewest arcs from the trigger word to any word of the actor mentions; None without
    mentions."""
    lengths = [
        path_length(view, anchor, index)
        for mention in mentions
        for index in range(mention.first, mention.last + 1)
        if 0 <= index < len(view.words)
    ]
    return min(lengths) if lengths else None


class GroundingConfidence:
    """The parse-based confidence adjustments of one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.settings = load_confidence_settings()

    def background(self, view: SentenceView, anchor: int) -> bool:
        """The trigger stands in a restrictive relative clause or a clausal subject: itself, or as
        a noun the object or subject of a verb that does ("the land that it occupies", "a deal
        that meets with the approval of …", "the weapon the US could deploy"). Such a clause
        tells which thing is meant. A relative clause set off by a comma ("Hamas, which fired
        rockets at …") adds news of its own and is not background."""
        word = view.words[anchor]
        deps = self.settings.background_deps
        clause: Word | None = None
        if word.dep in deps:
            clause = word
        elif word.pos == "NOUN" and word.head is not None:
            head = view.words[word.head]
            if word.dep in ("obj", "nsubj", "nsubj:pass") and head.dep in deps:
                clause = head
        if clause is None:
            return False
        first = min(
            (
                w.index
                for w in view.words
                if w.pos != "PUNCT" and clause.index in _ancestors(view, w.index)
            ),
            default=clause.index,
        )
        return not (first > 0 and view.words[first - 1].text in (",", "–", "—", "("))

    def _subjects(self, view: SentenceView, anchor: int) -> list[Word]:
        found = [w for w in view.words if w.head == anchor and w.dep in SUBJECT_DEPS]
        word = view.words[anchor]
        if not found and word.dep in CONTROLLED_DEPS and word.head is not None:
            found = [w for w in view.words if w.head == word.head and w.dep in SUBJECT_DEPS]
        return found

    def writer_subject(self, view: SentenceView, anchor: int) -> bool:
        """The trigger's subject (or, in an adverbial, infinitive or coordinated clause, its
        head's) is the writer or the reader: a `writer_pronouns` word."""
        cue = self.lexicon.cue("writer_pronouns")
        if not cue.patterns:
            return False
        if any(cue.matches_word(w) for w in self._subjects(view, anchor)):
            return True
        # The parser missed the subject: a writer pronoun that opens the sentence right before
        # the trigger verb ("Vi møter Peter …", "We visited …").
        word = view.words[anchor]
        return (
            anchor == 1
            and word.pos in ("VERB", "AUX")
            and cue.matches_word(view.words[0])
            and not self._subjects(view, anchor)
        )

    def adjustment(
        self,
        view: SentenceView,
        anchor: int,
        actors: list[ActorMention],
        quoted: bool,
        political_source: bool,
    ) -> float:
        """What the parse adds to (or takes from) an event's confidence."""
        settings = self.settings
        score = settings.political_source_bonus * political_source
        if not view.has_deps or not view.words:
            return score
        nearest = nearest_actor(view, anchor, actors)
        if nearest is not None and nearest <= settings.near_path:
            score += settings.near_bonus
        elif nearest is not None and nearest >= settings.far_path:
            score -= settings.far_penalty
        if self.background(view, anchor):
            score -= settings.background_penalty
        if not quoted and self.writer_subject(view, anchor):
            score -= settings.writer_penalty
        return score

    def keep(self, confidence: float) -> bool:
        """Whether an event of this confidence is coded at all."""
        return confidence >= self.settings.min_confidence
