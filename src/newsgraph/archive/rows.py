"""Turn a processed Article into the rows the archive stores (pure; runs in the worker processes).

Rows are plain tuples without the article's sequence number, which only the single writer can
assign; the writer prefixes it. Everything that needs no database (normalised names, event
signatures for clustering, the near-duplicate fingerprint) is computed here, in parallel.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.archive.clustering import (
    EventSignature,
    country_key,
    date_range,
    fold,
    text_tokens,
)
from newsgraph.archive.dedup import Deduplicator, Fingerprint, content_hash
from newsgraph.archive.gdelt import entity_sector
from newsgraph.gazetteer import load_gazetteer, nationality_adjectives
from newsgraph.model import Article, Entity, Event, article_id

Row = tuple[Any, ...]
SPACE = re.compile(r"\s+")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class PreparedEvent:
    """One event's rows plus the signature the story clustering compares."""

    event_id: str
    row: Row
    actors: tuple[Row, ...]
    signature: EventSignature
    # The name keys of its actors (the story's actor rows), sorted.
    actor_keys: tuple[str, ...] = ()
    # The text columns of the story it would found (`story_texts`).
    story_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreparedArticle:
    """Everything the archive writes for one article, ready for the writer."""

    article_id: str
    doc_key: str
    raw_key: str | None
    lang: str | None
    content_hash: str
    article: Row
    published_day: str | None = None
    sources: tuple[Row, ...] = ()
    entities: tuple[Row, ...] = ()
    titles: tuple[Row, ...] = ()
    mentions: tuple[Row, ...] = ()
    quotes: tuple[Row, ...] = ()
    times: tuple[Row, ...] = ()
    events: tuple[PreparedEvent, ...] = ()
    stage_failures: tuple[tuple[str, str], ...] = ()
    entity_keys: frozenset[str] = field(default_factory=frozenset)
    fingerprint: Fingerprint | None = None
    # Entity id -> its `name_keys`, sorted: what the rollups, quote speakers and story actors
    # are keyed by, computed here rather than in the archive's one writer.
    name_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()


def name_keys(entities: Iterable[Row]) -> dict[str, set[str]]:
    """Entity id -> the name keys it answers to: normalised name, canonical name, canonical id
    (case-folded) and, for a person named in full, the surname ("esper" for Mark Esper)."""
    keys: dict[str, set[str]] = {}
    for row in entities:
        found = {row[2]} | ({row[4]} if row[4] else set())
        canonical_id = row[10] if len(row) > 10 else None
        if canonical_id:
            found.add(normalise_name(str(canonical_id)))
        words = str(row[2]).split()
        if row[5] == "PER" and len(words) > 1:
            found.add(words[-1])
        keys[row[0]] = found
    return keys


def story_texts(sig: EventSignature) -> tuple[str, ...]:
    """The text columns of a story founded by an event with signature `sig`: anchor countries,
    actors, source, target, others, names and words, each sorted and joined."""
    return (
        ",".join(sorted(sig.countries)),
        "|".join(sorted(sig.actors)),
        "|".join(sorted(sig.source)),
        "|".join(sorted(sig.target)),
        "|".join(sorted(sig.others)),
        "|".join(sorted(sig.names)),
        "|".join(sorted(sig.words)),
    )


def normalise_name(name: str) -> str:
    """Comparable form of a name: NFKC, case-folded, single spaces."""
    return SPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()


def entity_key(entity: Entity) -> str:
    """Language-neutral key of an entity: its canonical name where known, else its name."""
    return normalise_name(entity.canonical or entity.name)


def raw_key(source: str, raw: str) -> str:
    """Key of an input before processing: re-reading the same input gives the same key."""
    return hashlib.sha256(f"{source}\n{raw}".encode()).hexdigest()[:24]


def source_of(article: Article) -> str:
    """Where an article came from: its URL, else its file, else its external id."""
    meta = article.meta
    return meta.source_url or meta.input_path or meta.external_id or ""


def doc_key(article: Article) -> str:
    """Identity of a story across versions: external id, else URL, else input path."""
    meta = article.meta
    if meta.external_id:
        return f"id:{meta.publisher or ''}:{meta.external_id}"
    if meta.source_url:
        return f"url:{meta.source_url}"
    if meta.input_path:
        return f"path:{meta.input_path}"
    return f"article:{article.id}"


def published_day(published: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime."""
    if published and ISO_DAY.match(published):
        return published[:10]
    return None


def ensure_id(article: Article) -> str:
    """The article's id, computing it the standard way when no stage set it."""
    if not article.id:
        article.id = article_id(source_of(article), article.text or article.raw)
    return article.id


def without_nul(article: Article) -> Article:
    """The article with NUL characters as U+FFFD (same length, so every offset holds).

    PostgreSQL refuses NUL in text where SQLite stores it: replacing it here stores the same
    article on both backends.
    """
    meta = article.meta
    fields = (article.text, article.raw, meta.title or "", meta.source_url or "")
    if not any("\x00" in value for value in fields):
        return article
    data = article.to_json(indent=None)
    return Article.from_json(data.replace("\\u0000", "\\ufffd"))


def prepare(article: Article, dedup: Deduplicator, raw: str | None = None) -> PreparedArticle:
    """Build every row of `article`; `raw` is the input key when the article came from a file."""
    article = without_nul(article)
    ensure_id(article)
    fingerprint = dedup.fingerprint(article.text)
    # Ids are keys in the archive: should a stage ever repeat one, the first occurrence counts.
    entities = list({entity.id: entity for entity in reversed(article.entities)}.values())[::-1]
    unique_events = list({event.id: event for event in reversed(article.events)}.values())[::-1]
    entity_rows = tuple(_entity_row(entity) for entity in entities)
    keys = name_keys(entity_rows)
    events = tuple(_event(article, event, keys) for event in unique_events)
    return PreparedArticle(
        article_id=article.id,
        doc_key=doc_key(article),
        raw_key=raw,
        lang=article.lang,
        content_hash=fingerprint.content_hash if fingerprint else content_hash(article.text),
        article=_article_row(article),
        published_day=published_day(article.meta.published),
        sources=_sources(article),
        entities=entity_rows,
        titles=tuple(
            (entity.id, index, title.text, title.canonical, title.country)
            for entity in entities
            for index, title in enumerate(entity.titles)
        ),
        mentions=tuple(sorted({(e.id, m.start, m.end) for e in entities for m in e.mentions})),
        quotes=tuple(
            (
                i,
                q.text,
                q.start,
                q.end,
                q.kind,
                q.speaker,
                q.addressee,
                q.cue.text if q.cue else None,
            )
            for i, q in enumerate(article.quotes)
        ),
        times=tuple(
            (i, t.text, t.start, t.end, t.type, t.value, int(t.anchored))
            for i, t in enumerate(article.times)
        ),
        events=events,
        stage_failures=tuple((f.stage, f.message) for f in article.failures),
        entity_keys=frozenset(entity_key(entity) for entity in entities),
        fingerprint=fingerprint,
        name_keys=tuple((entity, tuple(sorted(found))) for entity, found in keys.items()),
    )


def _article_row(article: Article) -> Row:
    """Article columns after seq, article_id, doc_key, version, is_current and content_hash."""
    meta = article.meta
    names: dict[str, None] = {}
    for entity in article.entities:
        names[entity.name] = None
        if entity.canonical:
            names[entity.canonical] = None
    record = zlib.compress(article.to_json(indent=None).encode(), 6)
    return (
        article.lang,
        meta.title,
        meta.published,
        published_day(meta.published),
        meta.source_url,
        meta.publisher,
        meta.external_id,
        meta.input_path,
        article.text,
        "\n".join(quote.text for quote in article.quotes),
        "\n".join(names),
        record,
        len(article.failures),
        meta.translation.original_lang or "und" if meta.translation else None,
    )


def _sources(article: Article) -> tuple[Row, ...]:
    rows = set()
    if article.meta.publisher:
        rows.add((article.meta.publisher, "publisher"))
    rows.update((name, "credited") for name in article.meta.credited_sources if name)
    return tuple(sorted(rows))


def _entity_row(entity: Entity) -> Row:
    return (
        entity.id,
        entity.name,
        normalise_name(entity.name),
        entity.canonical,
        normalise_name(entity.canonical) if entity.canonical else None,
        entity.type,
        entity.country,
        entity.lat,
        entity.lon,
        len(entity.mentions),
        entity.canonical_id,
        entity_sector(entity),
        entity.country_from,
    )


def _event(article: Article, event: Event, entity_keys: dict[str, set[str]]) -> PreparedEvent:
    span = date_range(event.date)
    date_from = "text" if span else None
    if span is None and (day := date_range(published_day(article.meta.published))):
        span, date_from = day, "published"
    actor_ids = {"actor": event.actors, "source": event.source, "target": event.target}
    countries = set(event.countries)
    keys = set()
    for ids in actor_ids.values():
        for entity in filter(None, map(article.entity, ids)):
            keys.add(entity_key(entity))
            if not event.countries and entity.country:
                countries.add(entity.country)
    evidence = event.evidence[0].text if event.evidence else article.text[event.start : event.end]
    location = event.location
    row = (
        event.id,
        event.type,
        event.mode,
        ",".join(sorted(countries)),
        event.date,
        span[0].isoformat() if span else None,
        span[1].isoformat() if span else None,
        date_from,
        location.name if location else None,
        location.country if location else None,
        location.lat if location else None,
        location.lon if location else None,
        event.confidence,
        event.confidence_level,
        ",".join(event.confidence_reasons),
        event.trigger.text if event.trigger else None,
        evidence,
    )
    actors = tuple(
        (entity_id, event.id, role, index)
        for role, ids in actor_ids.items()
        for index, entity_id in enumerate(dict.fromkeys(ids))
    )
    names, words = _evidence_tokens(article, event)
    signature = EventSignature(
        type=event.type,
        countries=frozenset(countries),
        actors=frozenset(keys),
        start=span[0] if span else None,
        end=span[1] if span else None,
        source=_side(article, event.source),
        target=_side(article, event.target),
        place=location.country if location and location.country else None,
        names=names,
        words=words,
        lang=article.lang,
        others=_side(article, event.actors),
    )
    actor_keys = tuple(sorted({key for row in actors for key in entity_keys.get(row[0], ())}))
    return PreparedEvent(event.id, row, actors, signature, actor_keys, story_texts(signature))


def _side(article: Article, ids: list[str]) -> frozenset[str]:
    """Keys of one side of an event: each actor's country, and the key of each named actor.

    A country or place on a side ("Russia", "Kyiv") stands for its country only, so a side
    "Russia" meets a side "the Kremlin" through RUS, and named actors mean people and bodies.
    """
    keys: set[str] = set()
    for entity in filter(None, map(article.entity, ids)):
        if entity.country:
            keys.add(country_key(entity.country))
        if entity.type not in PLACE_TYPES or not entity.country:
            keys.add(entity_key(entity))
    return frozenset(keys)


def _names_country(lang: str | None, entity: Entity, countries: set[str]) -> bool:
    """Whether a place entity is one of `countries` itself (not a city or region of it)."""
    if entity.type not in PLACE_TYPES or entity.country not in countries:
        return False
    gazetteer = load_gazetteer(lang)
    return any(
        match.place.kind == "country" and match.place.country == entity.country
        for surface in {entity.name, *(m.text for m in entity.mentions)}
        for match in gazetteer.lookup(surface)
    )


def _evidence_tokens(article: Article, event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """Names and content-word stems of the sentences reporting an event, the parties left out.

    Entities and time expressions in those sentences add their language-neutral keys and values
    to the names, so two languages' reports of one event share them. The event's own actors and their countries'
    names and adjectives are left out: the dyad check already compares them.
    """
    spans = [(span.start, span.end) for span in event.evidence] or [(event.start, event.end)]
    actor_ids = {*event.actors, *event.source, *event.target}
    countries = set(event.countries)
    for entity in filter(None, map(article.entity, actor_ids)):
        if entity.country:
            countries.add(entity.country)
    # The actors, and the names and nationality words of their countries ("China", "Chinese"):
    # every report about the same parties shares them, so they say nothing about the happening.
    # Cities stay: "in Beijing" and "in Moscow" tell two meetings apart.
    left_out = [
        entity
        for entity in article.entities
        if entity.id in actor_ids or _names_country(article.lang, entity, countries)
    ]
    forms = [
        form
        for entity in left_out
        for form in (entity.name, entity.canonical or "", *(m.text for m in entity.mentions))
    ]
    forms.extend(
        adjective
        for code in sorted(countries)
        for adjective in nationality_adjectives(article.lang, code)
    )
    names, words = text_tokens((article.text[start:end] for start, end in spans), forms)
    skipped = {entity.id for entity in left_out}
    mentioned = {
        fold(entity_key(entity))
        for entity in article.entities
        if entity.id not in skipped
        and any(start <= m.start < end for m in entity.mentions for start, end in spans)
    }
    # A time expression's normalised value is the same in every language ("mandag", "Monday").
    mentioned.update(
        time.value
        for time in article.times
        if time.value and any(start <= time.start < end for start, end in spans)
    )
    return names | frozenset(mentioned), words
