"""Bulk load: the writer's decisions made in memory, its rows written by several connections.

The single writer (`archive.writer`) stores one article at a time and asks the database before
each decision (is this id stored, which articles share a bucket, which stories are near).
A bulk load makes the same decisions for a whole batch from a few lookups (one per question
per batch) plus what this load decided for batches not yet committed, then hands the batch's
rows to one of `writers` connections:

1. the rows that belong to new articles (the article and its layers, its fingerprint and
   buckets, its links, the stories it founds) go in with `COPY` while other batches are
   written on the other connections;
2. then, in batch order, the rows other batches share (story growth, the entity rollups,
   superseded versions, counters, translation links) are applied and the batch commits.

Batches commit in input order, each in one transaction, so an interrupted load leaves a
prefix of batches and a rerun finishes it as an uninterrupted load would: the archive equals
the one `ArchiveWriter` builds batch by batch. A batch the database refuses is rolled back with
the batches behind it and handed to `fallback` (the single writer, article by article), so one
bad article stays a failure of its own. SQLite takes one writer at a time: there the rows are
inserted with `executemany` on the archive's own connection. The writers and the ordering are
`archive.loader`; this module decides.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from newsgraph.archive import clustering, dedup
from newsgraph.archive.clustering import EventSignature, StoryAnchor
from newsgraph.archive.database import Database, Row
from newsgraph.archive.links import MAX_CANDIDATES, MAX_DUPLICATE_LINKS
from newsgraph.archive.records import BatchResult, FailedInput
from newsgraph.archive.rollups import (
    GROUPS_UPSERT,
    MONTHS_UPSERT,
    NAMES_UPSERT,
    TITLES_UPSERT,
    RollupDelta,
)
from newsgraph.archive.rows import PreparedArticle, PreparedEvent, name_keys
from newsgraph.archive.writer import (
    ARTICLE_INSERT,
    INSERTS,
    WriterRules,
    anchor_keys,
    iso_day,
    joined,
    split_joined,
    sql_marks,
    story_row,
)

IngestItem = PreparedArticle | FailedInput
Fallback = Callable[[list[IngestItem]], BatchResult]

STORY_COLUMNS = (
    "story_id, type, anchor_start, anchor_end, anchor_countries, anchor_actors, date_start,"
    " date_end, languages, report_count, founder_seq, anchor_source, anchor_target,"
    " anchor_others, anchor_place, anchor_names, anchor_words, anchor_lang"
)
STORY_GROWTH = (
    "UPDATE stories SET date_start = ?, date_end = ?, languages = ?, report_count = ?"
    " WHERE story_id = ?"
)
COUNTERS_UPSERT = (
    "INSERT INTO counters (name, value) VALUES (?, ?)"
    " ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value"
)
LOOKUP_CHUNK = 500


def columns_of(insert: str) -> tuple[str, list[str]]:
    """Table and column names of an `INSERT INTO t (a, b) VALUES ...` statement."""
    head = insert.split(" VALUES ", 1)[0].removeprefix("INSERT INTO ").strip()
    table, columns = head.split(" ", 1)
    return table, [name.strip() for name in columns.strip("() ").split(",")]


# Tables whose rows a batch adds and no other batch touches: written with COPY.
COPY_TABLES: dict[str, list[str]] = dict(
    [
        columns_of(ARTICLE_INSERT),
        *(columns_of(sql) for name, sql in INSERTS.items() if "ON CONFLICT" not in sql),
        ("fingerprints", ["article_seq", "minhash", "shingles"]),
        ("lsh_buckets", ["bucket", "article_seq"]),
        ("raw_inputs", ["raw_key", "article_seq"]),
        ("duplicates", ["article_seq", "original_seq", "relation", "similarity", "reason"]),
        (
            "failures",
            ["failure_key", "article_seq", "input_path", "stage", "reason", "recorded_at"],
        ),
        ("stories", [name.strip() for name in STORY_COLUMNS.split(",")]),
        ("story_anchor_keys", ["key", "type", "anchor_start", "story_id"]),
        # A story founded in the batch: its countries and actors are the batch's own rows.
        columns_of(INSERTS["story_countries"]),
        columns_of(INSERTS["story_actors"]),
    ]
)
# Shared rows, applied in batch order: statement → rows (a story founded before the batch
# may already hold a country or actor row).
UPSERTS = {
    "story_countries": INSERTS["story_countries"],
    "story_actors": INSERTS["story_actors"],
    "entity_names": NAMES_UPSERT,
    "entity_titles": TITLES_UPSERT,
    "entity_months": MONTHS_UPSERT,
    "entity_groups": GROUPS_UPSERT,
}


@dataclass(frozen=True)
class Story:
    """A story's row as the writer reads and grows it; `founded_in` is the batch that made it
    (-1: stored before this load). Never changed in place: a batch not yet committed holds it."""

    row: tuple[Any, ...]
    founded_in: int = -1

    @property
    def founder(self) -> int:
        return int(self.row[10])


@dataclass
class Plan:
    """One batch decided: its rows, and what later batches must see before it commits."""

    number: int
    items: list[IngestItem]
    result: BatchResult = field(default_factory=BatchResult)
    copy: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in COPY_TABLES})
    upserts: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in UPSERTS})
    superseded: list[int] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    multilingual: list[tuple[int, PreparedArticle]] = field(default_factory=list)
    written: list[tuple[int, PreparedArticle]] = field(default_factory=list)
    rollup: RollupDelta = field(default_factory=RollupDelta)
    # What later batches look up while this one is not yet committed.
    ids: dict[str, int] = field(default_factory=dict)
    current: dict[str, tuple[int, int]] = field(default_factory=dict)
    hashes: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    buckets: dict[int, list[int]] = field(default_factory=dict)
    prints: dict[int, tuple[bytes, int, str]] = field(default_factory=dict)
    anchors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    failure_keys: set[str] = field(default_factory=set)
    raw_keys: set[str] = field(default_factory=set)
    seqs: range = range(0)
    committed: bool = False
    error: BaseException | None = None


@dataclass
class Known:
    """What the batch being decided can see: the archive and the batches before it."""

    ids: dict[str, int] = field(default_factory=dict)
    current: dict[str, tuple[int, int]] = field(default_factory=dict)
    hashes: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    buckets: dict[int, set[int]] = field(default_factory=dict)
    prints: dict[int, tuple[bytes, int, str]] = field(default_factory=dict)
    # (key, category) → (anchor_start, story_id), sorted: a window is a bisection away.
    anchors: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    anchored: set[tuple[str, str, str, str]] = field(default_factory=set)
    stories: dict[str, Story] = field(default_factory=dict)
    failure_keys: set[str] = field(default_factory=set)
    raw_keys: set[str] = field(default_factory=set)
    in_flight: set[int] = field(default_factory=set)


class Planner:
    """Makes the single writer's decisions for a batch, in memory, from batched lookups."""

    def __init__(self, db: Database, dedup_rule: dedup.Deduplicator, rules: WriterRules) -> None:
        self.db = db
        self.dedup = dedup_rule
        self.rules = rules
        # Per event signature of the batch being planned (by identity): its candidate window
        # and anchor keys, which the lookups, the candidates and a new story all need.
        self._facts: dict[int, tuple[tuple[str, str] | None, list[str]]] = {}

    def next_seq(self) -> int:
        """The first sequence number after every stored article."""
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0]) + 1

    def plan(
        self, number: int, items: Sequence[IngestItem], first: int, pending: list[Plan]
    ) -> Plan:
        """Decide batch `number` whose first new article gets seq `first`."""
        plan = Plan(number, list(items))
        articles = [item for item in items if isinstance(item, PreparedArticle)]
        self._facts = {}
        known = self._known(articles, list(items), pending)
        now = datetime.now(UTC).isoformat("T", "seconds")
        seq = first
        for item in items:
            if isinstance(item, FailedInput):
                self._failure(plan, known, None, item.path, item.stage, item.reason, now)
            elif item.article_id in known.ids:
                plan.result.unchanged += 1
                self._remember_input(plan, known, item.raw_key, known.ids[item.article_id])
            else:
                self._article(plan, known, seq, item, now)
                seq += 1
        plan.seqs = range(first, seq)
        _finish(plan)
        return plan

    # -- lookups: one query per question per batch, then the batches not yet committed ------

    def _known(
        self, articles: list[PreparedArticle], items: list[IngestItem], pending: list[Plan]
    ) -> Known:
        known = Known()
        ids = list(dict.fromkeys(item.article_id for item in articles))
        for found, seq in self._rows("SELECT article_id, seq FROM articles WHERE article_id", ids):
            known.ids[found] = int(seq)
        keys = list(dict.fromkeys(item.doc_key for item in articles))
        for key, seq, version in self._rows(
            "SELECT doc_key, seq, version FROM articles WHERE is_current = 1 AND doc_key", keys
        ):
            known.current[key] = (int(seq), int(version))
        hashes = list(dict.fromkeys(item.content_hash for item in articles))
        for found_hash, seq, found_id, key in self._rows(
            "SELECT content_hash, seq, article_id, doc_key FROM articles WHERE content_hash",
            hashes,
        ):
            known.hashes.setdefault(found_hash, []).append((int(seq), found_id, key))
        self._known_buckets(known, articles)
        self._known_stories(known, articles)
        failure_keys = [_failure_key(*where) for where in _failure_places(items)]
        for (key,) in self._rows(
            "SELECT failure_key FROM failures WHERE failure_key", failure_keys
        ):
            known.failure_keys.add(key)
        raws = list(dict.fromkeys(item.raw_key for item in articles if item.raw_key))
        for (key,) in self._rows("SELECT raw_key FROM raw_inputs WHERE raw_key", raws):
            known.raw_keys.add(key)
        for plan in pending:
            _overlay(known, plan)
        for values in known.hashes.values():
            values.sort()
        return known

    def _known_buckets(self, known: Known, articles: list[PreparedArticle]) -> None:
        buckets = sorted(
            {b for item in articles if item.fingerprint for b in item.fingerprint.buckets}
        )
        seqs: set[int] = set()
        for start in range(0, len(buckets), LOOKUP_CHUNK):
            chunk = buckets[start : start + LOOKUP_CHUNK]
            # Only the newest MAX_CANDIDATES of a bucket can be among an article's candidates.
            for bucket, seq in self.db.execute(
                "SELECT bucket, article_seq FROM (SELECT bucket, article_seq, ROW_NUMBER() OVER"
                " (PARTITION BY bucket ORDER BY article_seq DESC) AS place FROM lsh_buckets"
                f" WHERE bucket IN ({sql_marks(chunk)})) ranked WHERE place <= ?",
                (*chunk, MAX_CANDIDATES),
            ):
                known.buckets.setdefault(int(bucket), set()).add(int(seq))
                seqs.add(int(seq))
        for seq, signature, shingles, key in self._rows(
            "SELECT f.article_seq, f.minhash, f.shingles, a.doc_key FROM fingerprints f"
            " JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq",
            sorted(seqs),
        ):
            known.prints[int(seq)] = (bytes(signature), int(shingles), key)

    def _known_stories(self, known: Known, articles: list[PreparedArticle]) -> None:
        # Per (key, category): the union of the windows of the batch's events, each looked up
        # as one range of the anchor index (key, type, anchor_start), so a lookup reads the
        # anchors it may use, however many the key has elsewhere in the archive.
        spans: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for item in articles:
            for event in item.events:
                window, keys = self._facts_of(event.signature)
                if window is None:
                    continue
                for key in keys:
                    spans.setdefault((key, event.signature.type), []).append(window)
        windows = [
            (key, kind, low, high)
            for (key, kind), found in sorted(spans.items())
            for low, high in _merged(found)
        ]
        ids: set[str] = set()
        found: dict[str, list[tuple[str, str, str]]] = {}
        for key, kind, start, story in self._anchors_in(windows):
            found.setdefault(key, []).append((kind, start, story))
            ids.add(story)
        for key, entries in found.items():
            _add_anchors(known, key, entries)
        for row in self._rows(f"SELECT {STORY_COLUMNS} FROM stories WHERE story_id", sorted(ids)):
            known.stories[row[0]] = Story(tuple(row))

    def _anchors_in(self, windows: list[tuple[str, str, str, str]]) -> list[Row]:
        """Stored anchors (key, type, anchor_start, story_id) in the (key, type, first day,
        last day) windows: one index range each."""
        if not windows:
            return []
        if self.db.dialect == "postgres":
            # OFFSET 0 keeps the subquery a parameterised index scan per window (a join would
            # be planned as a scan of the whole table); the windows travel as one JSON value.
            return self.db.execute(
                "SELECT a.key, a.type, a.anchor_start, a.story_id"
                " FROM json_array_elements(?::json) AS w (span)"
                " CROSS JOIN LATERAL (SELECT k.key, k.type, k.anchor_start, k.story_id"
                " FROM story_anchor_keys k WHERE k.key = w.span->>0 AND k.type = w.span->>1"
                " AND k.anchor_start BETWEEN w.span->>2 AND w.span->>3 OFFSET 0) a",
                (json.dumps(windows, ensure_ascii=False),),
            )
        rows: list[Row] = []
        step = LOOKUP_CHUNK // 4
        for start in range(0, len(windows), step):
            chunk = windows[start : start + step]
            rows.extend(
                self.db.execute(
                    "WITH w (key, type, low, high) AS"
                    f" (VALUES {', '.join('(?, ?, ?, ?)' for _ in chunk)})"
                    " SELECT k.key, k.type, k.anchor_start, k.story_id FROM w"
                    " JOIN story_anchor_keys k ON k.key = w.key AND k.type = w.type"
                    " AND k.anchor_start BETWEEN w.low AND w.high",
                    [value for window in chunk for value in window],
                )
            )
        return rows

    def _facts_of(self, sig: EventSignature) -> tuple[tuple[str, str] | None, list[str]]:
        """The event's candidate window and anchor keys (computed once per batch)."""
        facts = self._facts.get(id(sig))
        if facts is None:
            facts = self._facts[id(sig)] = (self._window(sig), anchor_keys(sig))
        return facts

    def _window(self, sig: EventSignature) -> tuple[str, str] | None:
        """The anchor dates a story candidate of `sig` may have (the writer's bounds)."""
        if sig.start is None or sig.end is None or clustering.is_vague(sig):
            return None
        window = timedelta(days=self.rules.cluster.window_days)
        earliest = sig.start - window - timedelta(days=clustering.MAX_ANCHOR_DAYS)
        return earliest.isoformat(), (sig.end + window).isoformat()

    def _rows(self, sql: str, values: list[Any], before: Sequence[Any] = ()) -> list[Row]:
        """`sql IN (values)` run in chunks (`before` binds the placeholders ahead of the list);
        on PostgreSQL one `= ANY(array)` (a short statement: the driver rewrites a statement of
        500 placeholders on every call, ~1 ms)."""
        if self.db.dialect == "postgres":
            return self.db.execute(f"{sql} = ANY(?)", (*before, values)) if values else []
        rows: list[Row] = []
        for start in range(0, len(values), LOOKUP_CHUNK):
            chunk = values[start : start + LOOKUP_CHUNK]
            rows.extend(self.db.execute(f"{sql} IN ({sql_marks(chunk)})", (*before, *chunk)))
        return rows

    # -- decisions, article by article as the writer makes them ------------------------------

    def _article(self, plan: Plan, known: Known, seq: int, item: PreparedArticle, now: str) -> None:
        version = 1
        if item.doc_key in known.current:
            old_seq, old_version = known.current[item.doc_key]
            version = old_version + 1
            plan.superseded.append(old_seq)
            self._discount(plan, known, old_seq)
            plan.result.new_versions += 1
        else:
            plan.counts["articles"] += 1
        known.current[item.doc_key] = plan.current[item.doc_key] = (seq, version)
        known.ids[item.article_id] = plan.ids[item.article_id] = seq
        plan.counts["versions"] += 1
        row = (seq, item.article_id, item.doc_key, version, 1, item.content_hash)
        plan.copy["articles"].append((*row, *item.article, now))
        self._remember_input(plan, known, item.raw_key, seq)
        links = self._link_copies(plan, known, seq, item)
        plan.counts["duplicates"] += links
        plan.result.duplicates += links
        # The worker's keys; an article prepared without them (an older worker) gets them here.
        keys = (
            dict(item.name_keys)
            if item.name_keys or not item.entities
            else name_keys(item.entities)
        )
        other_language = False
        for event in item.events:
            other_language |= self._cluster(plan, known, seq, item, event)
        if other_language:
            plan.multilingual.append((seq, item))
        day = item.published_day
        plan.rollup.add(item.entities, item.titles, day, keys=keys)
        plan.copy["quote_speakers"].extend(
            (key, day or "", seq, quote[0])
            for quote in item.quotes
            for key in keys.get(quote[5], ())
        )
        plan.copy["sources"].extend((seq, *row) for row in item.sources)
        for name in ("entities", "titles", "mentions", "quotes", "times"):
            rows = getattr(item, name)
            plan.copy[name].extend((seq, *row) for row in rows)
            plan.counts[name] += len(rows)
        for stage, message in item.stage_failures:
            self._failure(plan, known, seq, item.article_id, stage, message, now)
        plan.written.append((seq, item))
        plan.result.written += 1

    def _discount(self, plan: Plan, known: Known, seq: int) -> None:
        """Take a superseded version out of the rollups (from this batch, or as stored)."""
        in_batch = [item for written, item in plan.written if written == seq]
        if in_batch:
            item = in_batch[0]
            plan.rollup.add(item.entities, item.titles, item.published_day, sign=-1)
            return
        if seq in known.in_flight:
            raise SupersedesInFlight(seq)
        day = self.db.execute("SELECT published_day FROM articles WHERE seq = ?", (seq,))[0][0]
        plan.rollup.subtract_stored(self.db, seq, day)

    def _remember_input(self, plan: Plan, known: Known, raw_key: str | None, seq: int) -> None:
        if raw_key and raw_key not in known.raw_keys:
            known.raw_keys.add(raw_key)
            plan.raw_keys.add(raw_key)
            plan.copy["raw_inputs"].append((raw_key, seq))

    def _failure(
        self,
        plan: Plan,
        known: Known,
        seq: int | None,
        where: str,
        stage: str,
        reason: str,
        now: str,
    ) -> None:
        key = _failure_key(where, stage, reason)
        if key in known.failure_keys:
            return
        known.failure_keys.add(key)
        plan.failure_keys.add(key)
        path = None if seq is not None else where
        plan.copy["failures"].append((key, seq, path, stage, reason, now))
        plan.counts["failures"] += 1
        plan.result.failures += 1

    def _link_copies(self, plan: Plan, known: Known, seq: int, item: PreparedArticle) -> int:
        """As `Linker.link_copies`: an exact copy, else the LSH near-duplicates."""
        same = known.hashes.setdefault(item.content_hash, [])
        exact = next((found for found in same if found[2] != item.doc_key), None)
        entry = (seq, item.article_id, item.doc_key)
        same.append(entry)
        plan.hashes.setdefault(item.content_hash, []).append(entry)
        if exact is not None:
            reason = f"same words as {exact[1]}"
            plan.copy["duplicates"].append((seq, exact[0], "exact", 1.0, reason))
            return 1
        fingerprint = item.fingerprint
        if fingerprint is None:
            return 0
        links = 0
        for other, score, other_shingles in self._near(known, item, fingerprint):
            linked = self.dedup.link(score, fingerprint.shingles, other_shingles)
            if linked is not None:
                relation, reason = linked
                plan.copy["duplicates"].append((seq, other, relation, round(score, 4), reason))
                links += 1
        print_row = (fingerprint.signature, fingerprint.shingles, item.doc_key)
        known.prints[seq] = plan.prints[seq] = print_row
        plan.copy["fingerprints"].append((seq, fingerprint.signature, fingerprint.shingles))
        for bucket in dict.fromkeys(fingerprint.buckets):
            known.buckets.setdefault(bucket, set()).add(seq)
            plan.buckets.setdefault(bucket, []).append(seq)
            plan.copy["lsh_buckets"].append((bucket, seq))
        return links

    def _near(
        self, known: Known, item: PreparedArticle, fingerprint: dedup.Fingerprint
    ) -> list[tuple[int, float, int]]:
        seqs: set[int] = set()
        for bucket in fingerprint.buckets:
            seqs.update(known.buckets.get(bucket, ()))
        newest = sorted(seqs, reverse=True)[:MAX_CANDIDATES]
        scored = []
        for other in newest:
            found = known.prints.get(other)
            if found is None or found[2] == item.doc_key:
                continue
            score = dedup.similarity(fingerprint.signature, found[0])
            if score >= self.dedup.threshold:
                scored.append((other, score, found[1]))
        scored.sort(key=lambda found: (-found[1], found[0]))
        return scored[:MAX_DUPLICATE_LINKS]

    def _cluster(
        self,
        plan: Plan,
        known: Known,
        seq: int,
        item: PreparedArticle,
        event: PreparedEvent,
    ) -> bool:
        """Put one event into a story (as `ArchiveWriter._cluster`); True when the story it
        joined was already told in another language."""
        sig = event.signature
        lang = item.lang or ""
        candidates = self._candidates(known, sig)
        decision = clustering.decide(sig, [anchor for anchor, _ in candidates], self.rules.cluster)
        other_language = False
        if decision.story_id is None:
            story_id = clustering.story_id(item.article_id, event.event_id)
            anchored = not clustering.is_vague(sig) and sig.start is not None
            row = story_row(story_id, sig, lang, seq, anchored, event.story_texts)
            story = Story(row, plan.number)
            known.stories[story_id] = plan.stories[story_id] = story
            if anchored:
                for key in self._facts_of(sig)[1]:
                    entry = (sig.type, iso_day(sig.start) or "", story_id)
                    _add_anchor(known, key, entry)
                    plan.anchors.setdefault(key, []).append(entry)
                    plan.copy["story_anchor_keys"].append((key, *entry[:2], story_id))
            plan.counts["stories"] += 1
        else:
            story_id = decision.story_id
            story, other_language = self._grow(plan, known.stories[story_id], sig, lang)
            known.stories[story_id] = plan.stories[story_id] = story
            plan.result.merged_events += 1
        rows = plan.copy if story.founded_in == plan.number else plan.upserts
        rows["story_countries"].extend((country, sig.type, story_id) for country in sig.countries)
        rows["story_actors"].extend((name, sig.type, story_id) for name in event.actor_keys)
        plan.copy["events"].append((seq, *event.row, story_id, decision.reason))
        plan.copy["event_actors"].extend((seq, *row) for row in event.actors)
        plan.counts["events"] += 1
        plan.result.events += 1
        return other_language

    def _candidates(self, known: Known, sig: EventSignature) -> list[tuple[StoryAnchor, Story]]:
        window, keys = self._facts_of(sig)
        if window is None or not keys:
            return []
        ids = set()
        for key in keys:
            listed = known.anchors.get((key, sig.type), [])
            first = bisect.bisect_left(listed, (window[0], ""))
            for start, story in listed[first:]:
                if start > window[1]:
                    break
                ids.add(story)
        stories = sorted((known.stories[story] for story in ids), key=lambda s: s.founder)
        return [
            (StoryAnchor(story.row[0], _anchor_signature(sig.type, story.row)), story)
            for story in stories
        ]

    @staticmethod
    def _grow(plan: Plan, story: Story, sig: EventSignature, lang: str) -> tuple[Story, bool]:
        row = story.row
        langs = split_joined(row[8])
        other_language = bool(lang) and bool(langs - {lang})
        if lang and lang not in langs:
            if len(langs) == 1:
                plan.counts["multilingual_stories"] += 1
            langs = langs | {lang}
        if int(row[9]) == 1:
            plan.counts["merged_stories"] += 1
        grown = (
            *row[:6],
            min(row[6], iso_day(sig.start)),
            max(row[7], iso_day(sig.end)),
            joined(langs),
            int(row[9]) + 1,
            *row[10:],
        )
        return Story(grown, story.founded_in), other_language


class SupersedesInFlight(Exception):
    """A batch supersedes an article of a batch not yet committed: wait for it, then replan."""


def _finish(plan: Plan) -> None:
    """The batch's story rows and rollup upserts, from what its decisions accumulated."""
    for story in plan.stories.values():
        if story.founded_in == plan.number:
            plan.copy["stories"].append(story.row)
    for rows in (plan.copy, plan.upserts):
        for table in ("story_countries", "story_actors"):
            # Every report of a story adds its rows again: the table keeps one of each.
            rows[table] = sorted(set(rows[table]))
    rollup = plan.rollup
    plan.upserts["entity_names"] = [(*k, *v) for k, v in sorted(rollup.names.items())]
    plan.upserts["entity_titles"] = [(*k, n) for k, n in sorted(rollup.titles.items()) if n]
    plan.upserts["entity_months"] = [(*k, *v) for k, v in sorted(rollup.months.items())]
    plan.upserts["entity_groups"] = [(*k, *v) for k, v in sorted(rollup.groups.items())]


def _overlay(known: Known, plan: Plan) -> None:
    """Add what a batch not yet committed (or committed since the lookups) decided."""
    known.ids.update(plan.ids)
    known.current.update(plan.current)
    for found_hash, entries in plan.hashes.items():
        listed = known.hashes.setdefault(found_hash, [])
        # A set: a text copied hundreds of times would make this quadratic.
        stored = set(listed)
        listed.extend(entry for entry in entries if entry not in stored)
    for bucket, seqs in plan.buckets.items():
        known.buckets.setdefault(bucket, set()).update(seqs)
    known.prints.update(plan.prints)
    for key, anchored in plan.anchors.items():
        _add_anchors(known, key, anchored)
    known.stories.update(plan.stories)
    known.failure_keys |= plan.failure_keys
    known.raw_keys |= plan.raw_keys
    if not plan.committed:
        known.in_flight.update(plan.seqs)


def _add_anchor(known: Known, key: str, entry: tuple[str, str, str]) -> None:
    """Index a story under one of its anchor keys (once)."""
    kind, start, story = entry
    if (key, *entry) not in known.anchored:
        known.anchored.add((key, *entry))
        bisect.insort(known.anchors.setdefault((key, kind), []), (start, story))


def _merged(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(first day, last day) ranges with the overlapping ones joined."""
    merged: list[tuple[str, str]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _add_anchors(known: Known, key: str, entries: list[tuple[str, str, str]]) -> None:
    """Index a story under one of its anchor keys (once), many entries at a time."""
    grown: set[tuple[str, str]] = set()
    for entry in entries:
        if (key, *entry) not in known.anchored:
            known.anchored.add((key, *entry))
            known.anchors.setdefault((key, entry[0]), []).append((entry[1], entry[2]))
            grown.add((key, entry[0]))
    for listed in grown:
        known.anchors[listed].sort()


def _failure_key(where: str, stage: str, reason: str) -> str:
    return hashlib.sha256(f"{where}\n{stage}\n{reason}".encode()).hexdigest()[:24]


def _failure_places(items: Iterable[IngestItem]) -> Iterable[tuple[str, str, str]]:
    for item in items:
        if isinstance(item, FailedInput):
            yield item.path, item.stage, item.reason
        else:
            yield from ((item.article_id, stage, message) for stage, message in item.stage_failures)


@lru_cache(maxsize=65536)
def _anchor_signature(kind: str, row: tuple[Any, ...]) -> EventSignature:
    """The signature a story's first report left in its row (STORY_COLUMNS order)."""
    return EventSignature(
        type=kind,
        countries=split_joined(row[4]),
        actors=split_joined(row[5], "|"),
        start=date.fromisoformat(row[2]),
        end=date.fromisoformat(row[3]),
        source=split_joined(row[11], "|"),
        target=split_joined(row[12], "|"),
        place=row[14],
        names=split_joined(row[15], "|"),
        words=split_joined(row[16], "|"),
        lang=row[17],
        others=split_joined(row[13], "|"),
    )
