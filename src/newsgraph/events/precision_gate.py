"""Precision gate: a small trained model that drops coded events unlikely to be real events.

The rules of the coder (triggers, grounding, sense on the parse, grounding confidence) decide what
*could* be an event. On general news pages most of what they keep was still judged wrong by hand,
and one group of those errors shows on the surface of the sentence: the event is not reported as
having happened. A negation ("har ikke støtte", "did not even"), a modal or conditional ("må",
"bør", "could", "if"), a plan ("vil", "will") or an opinion words the sentence while the coder,
which reads factuality only from the trigger's own clause, took the trigger for a fact; or the
trigger sits in a relative or adverbial clause that describes something else. The gate describes
each coded event by its factuality, the dependency relation of its trigger word and the cue words
of its sentence (`event_features`), and scores them with a logistic regression
(`resources/common/event_gate.json`: weights, bias, threshold) trained by
`training/events_gate.py` on the verdicts of the hand-judged sheets in benchmarks/data/. An event
whose probability of being right is below the threshold is not coded.

Features of the actors (type, sector, title, state), of the page (its share of political and of
sport/business sentences) and the trigger's lemma were tried too: on held-out sheets they
separated right from wrong no better, and they scored real events of the defence and foreign
news of the shared gold low (docs/events.md, "Precision gate").

The model is plain data: a table of feature weights, read once, scored without a library.
Languages the model was not trained for are not gated.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.ontology import load_ontology
from newsgraph.events.words import SentenceView
from newsgraph.model import Article, Event

MODEL_FILE = "event_gate.json"
# Cue lists of resources/<lang>/events.toml whose presence anywhere in the event's sentence is a
# feature: words of negation, modality, plans, conditions and opinion, of reported speech, of the
# writer as subject, of background and purpose.
SENTENCE_CUES = (
    "negation",
    "irrealis",
    "future",
    "hypothetical",
    "counterfactual",
    "condition_openers",
    "stance_adjectives",
    "speech",
    "writer_pronouns",
    "perfect",
    "purpose",
    "background",
)


@dataclass(frozen=True)
class GateModel:
    """A logistic regression over named binary features, and the probability an event needs."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0
    languages: frozenset[str] = frozenset()

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability that an event with these features is right."""
        score = self.bias + sum(self.weights.get(name, 0.0) for name in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def parse_gate_model(text: str, where: str = MODEL_FILE) -> GateModel:
    """A gate model from its JSON text; a malformed file is a ConfigError naming it."""
    try:
        data = json.loads(text)
        return GateModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            languages=frozenset(str(lang) for lang in data["languages"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"resources/common/{where}: not a gate model ({error!r})") from error


@lru_cache(maxsize=1)
def load_gate_model() -> GateModel:
    """resources/common/event_gate.json, read once; without the file nothing is gated."""
    path = resources.files("newsgraph.resources").joinpath("common", MODEL_FILE)
    if not path.is_file():
        return GateModel()
    return parse_gate_model(path.read_text(encoding="utf-8"))


def event_features(
    article: Article, views: list[SentenceView], event: Event, lexicon: Lexicon
) -> list[str]:
    """The gate's features of one coded event: its factuality, whether its category is one of
    words or of deeds, the dependency relation of the trigger word (a root verb, an oblique, a
    relative clause, an adverbial clause …) and the cue words of its sentence (`SENTENCE_CUES`),
    each also paired with the category's kind."""
    kind = _kind(event.type)
    features = [f"fact={event.factuality}", f"kind={kind}"]
    offset = event.trigger.start if event.trigger else event.start
    view = next((v for v in views if v.start <= offset < v.end), None)
    if view is None:
        return features
    anchor = view.word_at(offset)
    if anchor is not None and view.has_deps:
        features.append(f"trig_dep={view.words[anchor].dep.split(':')[0] or '?'}")
    for name in SENTENCE_CUES:
        if lexicon.cue(name).any_span(view.words):
            features += [f"sent_{name}", f"{kind}|sent_{name}"]
    return features


def _kind(category: str) -> str:
    """Whether a category is one of words ("verbal": agree, request, threaten …, whose content
    future and modal words often are, "vowed it will …") or of deeds ("material"), by its PLOVER
    quad class."""
    ontology = load_ontology()
    known = category in ontology.categories
    return (
        "verbal" if known and ontology.category(category).quad.startswith("verbal") else "material"
    )


class PrecisionGate:
    """The trained gate of one language: drops coded events the model finds unlikely. It is off
    unless `enabled` (setting `event_gate`): on general news it drops more wrong events than
    right ones, but it also drops announced, conditional and refused verbal acts that PLOVER
    codes ("said it would withdraw unless …"), which the PLOVER-GSR sentences are full of
    (docs/events.md, "Precision gate")."""

    def __init__(
        self, lexicon: Lexicon, model: GateModel | None = None, enabled: bool = True
    ) -> None:
        self.lexicon = lexicon
        self.model = model or load_gate_model()
        self.active = enabled and (
            lexicon.lang in self.model.languages
            or (lexicon.lang == "nn" and "nb" in self.model.languages)
        )

    def probability(self, article: Article, views: list[SentenceView], event: Event) -> float:
        """The model's probability that `event` is a political event as coded."""
        return self.model.probability(event_features(article, views, event, self.lexicon))

    def filter(
        self, article: Article, views: list[SentenceView], events: list[Event]
    ) -> list[Event]:
        """The events whose probability reaches the model's threshold (all of them where the
        language is not gated)."""
        if not self.active or not events:
            return events
        return [e for e in events if self.probability(article, views, e) >= self.model.threshold]
