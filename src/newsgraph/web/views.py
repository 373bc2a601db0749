"""Pure helpers that turn service replies into what the page templates draw.

No HTML is built here: the templates (Jinja2 with autoescaping) write every value, so article
text, names and quotes are always escaped. These functions compute segments of highlighted text,
bar heights, map coordinates and network positions.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote as url_quote

from newsgraph.archive.records import StoryEvent
from newsgraph.archive.rows import normalise_name
from newsgraph.events.ontology import load_ontology
from newsgraph.model import Article
from newsgraph.model.article import Entity
from newsgraph.service.sql import StoryActor

LAYERS = ("entity", "quote", "time", "evidence", "trigger")


@dataclass
class Segment:
    """A stretch of article text and the layers covering it."""

    text: str
    layers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    entity: str | None = None
    anchor: str | None = None


def entity_key(entity: Entity) -> str:
    """What an entity's page is keyed by: its canonical id, else its canonical name or name
    (normalised, as the archive groups it)."""
    return entity.canonical_id or normalise_name(entity.canonical or entity.name)


def segments(article: Article) -> list[Segment]:
    """The clean text cut where any layer starts or ends, each piece with its layers and notes."""
    text = article.text
    marks: list[tuple[int, int, str, str, str | None]] = []
    names = {e.id: e for e in article.entities}
    for entity in article.entities:
        note = f"{entity.name} · {entity.type}" + (f" · {entity.country}" if entity.country else "")
        for mention in entity.mentions:
            marks.append((mention.start, mention.end, "entity", note, entity_key(entity)))
    for index, quote in enumerate(article.quotes):
        speaker = names[quote.speaker].name if quote.speaker in names else "unattributed"
        note = f"{quote.kind} quote #{index + 1} · speaker: {speaker}"
        marks.append((quote.start, quote.end, "quote", note, None))
    for time in article.times:
        marks.append((time.start, time.end, "time", f"{time.type} = {time.value}", None))
    for event in article.events:
        note = f"event {event.id}: {event.type}" + (f" ({event.mode})" if event.mode else "")
        for span in event.evidence:
            marks.append((span.start, span.end, "evidence", note, None))
        if event.trigger is not None:
            marks.append((event.trigger.start, event.trigger.end, "trigger", note, None))
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    result: list[Segment] = []
    event_starts = {e.evidence[0].start: e.id for e in article.events if e.evidence}
    for start, end in itertools.pairwise(cuts):
        if start >= end:
            continue
        active = [m for m in marks if m[0] <= start and m[1] >= end]
        layers = [layer for layer in LAYERS if any(m[2] == layer for m in active)]
        notes = list(dict.fromkeys(m[3] for m in active))
        linked = next((m[4] for m in active if m[2] == "entity"), None)
        anchor = f"event-{event_starts[start]}" if start in event_starts else None
        result.append(Segment(text[start:end], layers, notes, linked, anchor))
    return result


@dataclass
class Bar:
    """One bar of a chart, in SVG units."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


def bars(values: list[tuple[str, int]], width: float = 720, height: float = 160) -> list[Bar]:
    """Bars for (label, value) pairs scaled into a width x height box."""
    if not values:
        return []
    top = max(v for _, v in values) or 1
    step = width / len(values)
    result = []
    for index, (label, value) in enumerate(values):
        h = height * value / top
        result.append(Bar(label, value, index * step, height - h, max(step - 2, 1), h))
    return result


def quad_of(category: str) -> str:
    """cooperation or conflict, from the category's PLOVER quad class."""
    found = load_ontology().categories.get(category)
    return "conflict" if found is not None and "conflict" in found.quad else "cooperation"


def project(lon: float, lat: float, width: float = 960, height: float = 480) -> tuple[float, float]:
    """Equirectangular projection into a width x height box."""
    return (lon + 180) / 360 * width, (90 - lat) / 180 * height


@dataclass
class Node:
    """A canonical actor of the network: a country (by code) or a person/organisation (by id)."""

    id: str
    name: str
    kind: str
    weight: int
    x: float = 0.0
    y: float = 0.0

    @property
    def href(self) -> str:
        """Where the node links: a country's timeline, else the actor's entity page."""
        if self.kind == "country":
            return "/timeline?country=" + url_quote(self.id, safe="")
        return "/entities/" + url_quote(self.id, safe=":")


@dataclass
class Edge:
    """Stories shared by two actors, split by quad class."""

    a: Node
    b: Node
    cooperation: int
    conflict: int

    @property
    def kind(self) -> str:
        """The larger side."""
        return "conflict" if self.conflict > self.cooperation else "cooperation"


PLACE_TYPES = frozenset({"GPE", "LOC"})


def network(
    stories: list[StoryEvent], actors: list[StoryActor], max_nodes: int = 30
) -> tuple[list[Node], list[Edge]]:
    """Canonical actors linked by the stories they share, on a circle.

    A country is one node per ISO code (place names such as "Russland" or "Moskva" count for their
    country); people and organisations are one node per canonical id, named by canonical name."""
    weights: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    labels: dict[str, Counter[str]] = {}
    members: dict[str, set[str]] = {s.story_id: set(s.countries) for s in stories}
    for story in stories:
        for country in story.countries:
            kinds[country] = "country"
            labels.setdefault(country, Counter())[country] += 1
    for actor in actors:
        if actor.story_id not in members:
            continue
        if actor.type in PLACE_TYPES:
            if not actor.country:
                continue
            key, kind, label = actor.country, "country", actor.country
        else:
            key, kind, label = actor.key, "actor", actor.name
        kinds.setdefault(key, kind)
        labels.setdefault(key, Counter())[label] += 1
        members[actor.story_id].add(key)
    pairs: dict[tuple[str, str], list[int]] = {}
    for story in stories:
        unique = sorted(members[story.story_id])
        weights.update(unique)
        conflict = quad_of(story.type) == "conflict"
        for i, a in enumerate(unique):
            for b in unique[i + 1 :]:
                counts = pairs.setdefault((a, b), [0, 0])
                counts[1 if conflict else 0] += 1
    chosen = [key for key, _ in weights.most_common(max_nodes)]
    nodes = {
        key: Node(key, labels[key].most_common(1)[0][0], kinds[key], weights[key]) for key in chosen
    }
    count = max(len(chosen), 1)
    for index, key in enumerate(chosen):
        angle = 2 * math.pi * index / count
        nodes[key].x = 400 + 300 * math.cos(angle)
        nodes[key].y = 330 + 280 * math.sin(angle)
    edges = [
        Edge(nodes[a], nodes[b], c[0], c[1])
        for (a, b), c in pairs.items()
        if a in nodes and b in nodes
    ]
    return list(nodes.values()), edges
