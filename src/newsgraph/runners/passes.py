"""Cluster-wide passes: near-duplicate links and story membership as key-partitioned work.

The archive's single writer links each new article to earlier ones as it goes. Over a whole job
the same links can be computed as shuffles, so no one process has to see every article:

- near-duplicates: exact copies are grouped by content hash; near-copies by MinHash LSH band
  key, each bucket giving its candidate pairs, which are then scored per newer article;
- stories: events are partitioned by category (a story only ever gathers one category); inside a
  partition, candidates come from an index keyed by day window × country/actor key, and each
  event is decided, in input order, by the same rule the writer applies (`clustering.decide`).

The plain functions here are the partition bodies; `runners.ray_passes` runs them on Ray. Given
the articles in input order they give the links the writer stores in a fresh archive (the writer
also caps an article's candidates at its 100 most recent, which only matters for buckets of
more than a hundred near-copies, and it links translations, which this pass leaves out).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from newsgraph.archive import clustering, dedup
from newsgraph.archive.clustering import ClusterRule, EventSignature, StoryAnchor
from newsgraph.archive.links import MAX_DUPLICATE_LINKS
from newsgraph.archive.rows import PreparedArticle


@dataclass(frozen=True)
class Fingerprinted:
    """What the duplicate pass needs of one article."""

    order: int
    article_id: str
    doc_key: str
    content_hash: str
    signature: bytes | None
    shingles: int
    buckets: tuple[int, ...]


@dataclass(frozen=True)
class DuplicateLink:
    """A newer article linked to an older one it repeats."""

    article_id: str
    original_id: str
    relation: str
    similarity: float


@dataclass(frozen=True)
class EventReport:
    """What the story pass needs of one event."""

    order: int
    article_id: str
    event_id: str
    signature: EventSignature
    position: int = 0


@dataclass(frozen=True)
class Membership:
    """The story an event belongs to, and why."""

    article_id: str
    event_id: str
    story_id: str
    reason: str


def first_versions(items: Iterable[PreparedArticle]) -> list[PreparedArticle]:
    """The articles a fresh archive stores, in input order (a repeated article id counts once)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.article_id not in seen:
            seen.add(item.article_id)
            kept.append(item)
    return kept


def fingerprinted(order: int, item: PreparedArticle) -> Fingerprinted:
    """The duplicate-pass record of a prepared article."""
    found = item.fingerprint
    return Fingerprinted(
        order,
        item.article_id,
        item.doc_key,
        item.content_hash,
        found.signature if found else None,
        found.shingles if found else 0,
        found.buckets if found else (),
    )


def exact_links(group: list[Fingerprinted]) -> list[DuplicateLink]:
    """Within one content hash: each article to the earliest other document with those words."""
    group = sorted(group, key=lambda item: item.order)
    links = []
    for index, item in enumerate(group):
        original = next((o for o in group[:index] if o.doc_key != item.doc_key), None)
        if original is not None:
            links.append(DuplicateLink(item.article_id, original.article_id, "exact", 1.0))
    return links


def bucket_pairs(group: list[Fingerprinted]) -> list[tuple[Fingerprinted, Fingerprinted]]:
    """Within one LSH bucket: every (older, newer) pair of different documents."""
    group = sorted(group, key=lambda item: item.order)
    return [
        (older, newer)
        for index, newer in enumerate(group)
        for older in group[:index]
        if older.doc_key != newer.doc_key
    ]


def near_links(
    newer: Fingerprinted, olders: Iterable[Fingerprinted], rule: dedup.Deduplicator
) -> list[DuplicateLink]:
    """The near-duplicate links of one article given its candidate pairs (best first, capped)."""
    if newer.signature is None:
        return []
    unique = {older.article_id: older for older in olders if older.signature is not None}
    scored = [
        (dedup.similarity(newer.signature, older.signature), older)  # type: ignore[arg-type]
        for older in unique.values()
    ]
    scored = [found for found in scored if found[0] >= rule.threshold]
    scored.sort(key=lambda found: (-found[0], found[1].order))
    links = []
    for score, older in scored[:MAX_DUPLICATE_LINKS]:
        relation = rule.relation(score, newer.shingles, older.shingles)
        if relation is not None:
            links.append(
                DuplicateLink(newer.article_id, older.article_id, relation, round(score, 4))
            )
    return links


def duplicate_links(articles: list[Fingerprinted], rule: dedup.Deduplicator) -> list[DuplicateLink]:
    """Every duplicate link of a job, computed partition by partition (in one process)."""
    by_hash: dict[str, list[Fingerprinted]] = defaultdict(list)
    for item in articles:
        by_hash[item.content_hash].append(item)
    links = [link for group in by_hash.values() for link in exact_links(group)]
    copies = {link.article_id for link in links}
    # An exact copy is not indexed: its original stands for it.
    by_bucket: dict[int, list[Fingerprinted]] = defaultdict(list)
    for item in articles:
        if item.article_id not in copies:
            for bucket in item.buckets:
                by_bucket[bucket].append(item)
    candidates: dict[str, list[Fingerprinted]] = defaultdict(list)
    newest: dict[str, Fingerprinted] = {}
    for group in by_bucket.values():
        for older, newer in bucket_pairs(group):
            candidates[newer.article_id].append(older)
            newest[newer.article_id] = newer
    for article_id, olders in candidates.items():
        links.extend(near_links(newest[article_id], olders, rule))
    return links


def category_stories(reports: list[EventReport], rule: ClusterRule) -> list[Membership]:
    """Story membership of one category's events, decided in input order as the writer does."""
    # The writer meets an article's events in the article's order.
    reports = sorted(reports, key=lambda report: (report.order, report.position))
    index: dict[str, list[tuple[int, StoryAnchor]]] = defaultdict(list)
    founded = 0
    members = []
    window = timedelta(days=rule.window_days)
    for report in reports:
        sig = report.signature
        candidates = _candidates(sig, index, window)
        decision = clustering.decide(sig, candidates, rule)
        story = decision.story_id
        if story is None:
            story = clustering.story_id(report.article_id, report.event_id)
            if sig.start is not None and not clustering.is_vague(sig):
                anchor = StoryAnchor(story, sig)
                for key in anchor_keys(sig):
                    index[key].append((founded, anchor))
                founded += 1
        members.append(Membership(report.article_id, report.event_id, story, decision.reason))
    return members


def anchor_keys(sig: EventSignature) -> list[str]:
    """The index keys of a story's first report: its countries and its actors."""
    return sorted({f"country:{c}" for c in sig.countries} | {f"actor:{a}" for a in sig.actors})


def _candidates(
    sig: EventSignature, index: dict[str, list[tuple[int, StoryAnchor]]], window: timedelta
) -> list[StoryAnchor]:
    """Stories sharing a key whose first report is dated in the window, oldest first."""
    if sig.start is None or sig.end is None or clustering.is_vague(sig):
        return []
    earliest = sig.start - window - timedelta(days=clustering.MAX_ANCHOR_DAYS)
    latest = sig.end + window
    found: dict[int, StoryAnchor] = {}
    for key in anchor_keys(sig):
        for number, anchor in index.get(key, ()):
            start = anchor.signature.start
            if start is not None and earliest <= start <= latest:
                found[number] = anchor
    return [found[number] for number in sorted(found)]


def event_reports(order: int, item: PreparedArticle) -> list[EventReport]:
    """The story-pass records of a prepared article's events."""
    return [
        EventReport(order, item.article_id, event.event_id, event.signature, position)
        for position, event in enumerate(item.events)
    ]
