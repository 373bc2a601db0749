"""The single writer: stores a batch of prepared articles and failures in one transaction.

Per article, in input order: skip it when its id is already stored (idempotent), else give it the
next sequence number and a version (a changed article with the same external id or URL supersedes
the old one), link it to earlier exact copies and LSH near-duplicates, and put each of its events
into a story. Layer rows are then inserted in bulk, the full-text index updated, translated
copies linked through shared stories and entities, and the counters moved.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from newsgraph.archive import clustering, dedup
from newsgraph.archive.clustering import ClusterRule, EventSignature, StoryAnchor
from newsgraph.archive.database import Database, Row
from newsgraph.archive.records import BatchResult, FailedInput
from newsgraph.archive.rows import PreparedArticle, PreparedEvent

MAX_CANDIDATES = 100
MAX_DUPLICATE_LINKS = 10
TRANSLATION_MIN_STORY_OVERLAP = 0.5
TRANSLATION_MIN_LENGTH_RATIO = 0.5

INSERTS = {
    "sources": "INSERT INTO sources (article_seq, name, role) VALUES (?, ?, ?)",
    "entities": (
        "INSERT INTO entities (article_seq, entity_id, name, norm_name, canonical, norm_canonical,"
        " type, country, lat, lon, mention_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "titles": (
        "INSERT INTO titles (article_seq, entity_id, idx, text, canonical, country)"
        " VALUES (?, ?, ?, ?, ?, ?)"
    ),
    "mentions": (
        "INSERT INTO mentions (article_seq, entity_id, start_offset, end_offset) VALUES (?, ?, ?, ?)"
    ),
    "quotes": (
        "INSERT INTO quotes (article_seq, idx, text, start_offset, end_offset, kind, speaker_id,"
        " addressee_id, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "times": (
        "INSERT INTO times (article_seq, idx, text, start_offset, end_offset, type, value, anchored)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "events": (
        "INSERT INTO events (article_seq, event_id, type, mode, countries, date_value, date_start,"
        " date_end, date_from, location_name, location_country, lat, lon, confidence,"
        " trigger_text, evidence, story_id, story_reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "event_actors": (
        "INSERT INTO event_actors (article_seq, entity_id, event_id, role, idx)"
        " VALUES (?, ?, ?, ?, ?)"
    ),
}
ARTICLE_INSERT = (
    "INSERT INTO articles (seq, article_id, doc_key, version, is_current, content_hash, lang,"
    " title, published, published_day, source_url, publisher, external_id, input_path, text,"
    " quote_text, entity_names, record, stage_failures, ingested_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class WriterRules:
    """Thresholds the writer applies."""

    cluster: ClusterRule = field(default_factory=ClusterRule)
    translation_min_overlap: float = 0.5


@dataclass
class _Batch:
    """What one batch has accumulated so far."""

    next_seq: int
    now: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in INSERTS})
    written: list[tuple[int, PreparedArticle]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    result: BatchResult = field(default_factory=BatchResult)


class ArchiveWriter:
    """Writes batches into one database; the only code that changes an archive."""

    def __init__(self, db: Database, dedup_rule: dedup.Deduplicator, rules: WriterRules) -> None:
        self.db = db
        self.dedup = dedup_rule
        self.rules = rules

    def write(self, items: Sequence[PreparedArticle | FailedInput]) -> BatchResult:
        """Store `items` in order, all or nothing."""
        with self.db.transaction():
            self.db.lock_writer()
            top = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0]
            batch = _Batch(next_seq=int(top) + 1, now=datetime.now(UTC).isoformat("T", "seconds"))
            for item in items:
                if isinstance(item, FailedInput):
                    self._failure(batch, None, item.path, item.stage, item.reason)
                else:
                    self._article(batch, item)
            self._flush(batch)
        return batch.result

    def _article(self, batch: _Batch, item: PreparedArticle) -> None:
        found = self.db.execute("SELECT seq FROM articles WHERE article_id = ?", (item.article_id,))
        if found:
            batch.result.unchanged += 1
            self._remember_input(item.raw_key, int(found[0][0]))
            return
        seq = batch.next_seq
        batch.next_seq += 1
        self._insert_article(batch, seq, item)
        self._remember_input(item.raw_key, seq)
        self._link_copies(batch, seq, item)
        for event in item.events:
            self._cluster(batch, seq, item, event)
        for row in item.sources:
            batch.rows["sources"].append((seq, *row))
        for name in ("entities", "titles", "mentions", "quotes", "times"):
            rows = getattr(item, name)
            batch.rows[name].extend((seq, *row) for row in rows)
            batch.counts[name] += len(rows)
        for stage, message in item.stage_failures:
            self._failure(batch, seq, item.article_id, stage, message)
        batch.written.append((seq, item))
        batch.result.written += 1

    def _insert_article(self, batch: _Batch, seq: int, item: PreparedArticle) -> None:
        current = self.db.execute(
            "SELECT seq, version FROM articles WHERE doc_key = ? AND is_current = 1",
            (item.doc_key,),
        )
        version = 1
        if current:
            old_seq, old_version = current[0]
            version = int(old_version) + 1
            self.db.execute("UPDATE articles SET is_current = 0 WHERE seq = ?", (old_seq,))
            batch.result.new_versions += 1
        else:
            batch.counts["articles"] += 1
        batch.counts["versions"] += 1
        self.db.execute(
            ARTICLE_INSERT,
            (
                seq,
                item.article_id,
                item.doc_key,
                version,
                1,
                item.content_hash,
                *item.article,
                batch.now,
            ),
        )

    def _remember_input(self, raw_key: str | None, seq: int) -> None:
        if raw_key:
            self.db.execute(
                "INSERT INTO raw_inputs (raw_key, article_seq) VALUES (?, ?) "
                "ON CONFLICT (raw_key) DO NOTHING",
                (raw_key, seq),
            )

    def _failure(self, batch: _Batch, seq: int | None, where: str, stage: str, reason: str) -> None:
        key = hashlib.sha256(f"{where}\n{stage}\n{reason}".encode()).hexdigest()[:24]
        if self.db.execute("SELECT 1 FROM failures WHERE failure_key = ?", (key,)):
            return
        path = None if seq is not None else where
        self.db.execute(
            "INSERT INTO failures (failure_key, article_seq, input_path, stage, reason,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (key, seq, path, stage, reason, batch.now),
        )
        batch.counts["failures"] += 1
        batch.result.failures += 1

    def _link_copies(self, batch: _Batch, seq: int, item: PreparedArticle) -> None:
        """Link to an earlier article with the same words, else to LSH near-duplicates."""
        exact = self.db.execute(
            "SELECT seq, article_id FROM articles WHERE content_hash = ? AND seq < ?"
            " AND doc_key <> ? ORDER BY seq LIMIT 1",
            (item.content_hash, seq, item.doc_key),
        )
        if exact:
            reason = f"same words as {exact[0][1]}"
            self._duplicate(batch, seq, int(exact[0][0]), "exact", 1.0, reason)
            # Its original already stands for it in the LSH index; adding copies would only
            # make every later lookup return more identical candidates.
            return
        fingerprint = item.fingerprint
        if fingerprint is None:
            return
        for other, score, other_shingles in self._near_duplicates(item, fingerprint):
            relation = self.dedup.relation(score, fingerprint.shingles, other_shingles)
            if relation is not None:
                shared = dedup.containment(score, fingerprint.shingles, other_shingles)
                reason = (
                    f"MinHash Jaccard {score:.2f} over {self.dedup.shingle_words}-word shingles,"
                    f" {shared:.0%} of the shorter text shared"
                )
                self._duplicate(batch, seq, other, relation, score, reason)
        self.db.execute(
            "INSERT INTO fingerprints (article_seq, minhash, shingles) VALUES (?, ?, ?)",
            (seq, fingerprint.signature, fingerprint.shingles),
        )
        self.db.executemany(
            "INSERT INTO lsh_buckets (bucket, article_seq) VALUES (?, ?)"
            " ON CONFLICT (bucket, article_seq) DO NOTHING",
            [(bucket, seq) for bucket in fingerprint.buckets],
        )

    def _near_duplicates(
        self, item: PreparedArticle, fingerprint: dedup.Fingerprint
    ) -> list[tuple[int, float, int]]:
        """Earlier articles sharing an LSH bucket: (seq, estimated Jaccard, shingles), best first."""
        marks = ", ".join("?" for _ in fingerprint.buckets)
        candidates = self.db.execute(
            "SELECT f.article_seq, f.minhash, f.shingles FROM fingerprints f"
            " JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq IN"
            f" (SELECT DISTINCT article_seq FROM lsh_buckets WHERE bucket IN ({marks})"
            "  ORDER BY article_seq DESC LIMIT ?) AND a.doc_key <> ?",
            (*fingerprint.buckets, MAX_CANDIDATES, item.doc_key),
        )
        scored = [
            (int(other), dedup.similarity(fingerprint.signature, bytes(sig)), int(shingles))
            for other, sig, shingles in candidates
        ]
        scored = [found for found in scored if found[1] >= self.dedup.threshold]
        scored.sort(key=lambda found: (-found[1], found[0]))
        return scored[:MAX_DUPLICATE_LINKS]

    def _duplicate(
        self, batch: _Batch, seq: int, original: int, relation: str, score: float, reason: str
    ) -> None:
        newer, older = max(seq, original), min(seq, original)
        exists = self.db.execute(
            "SELECT 1 FROM duplicates WHERE article_seq = ? AND original_seq = ?", (newer, older)
        )
        if exists:
            return
        self.db.execute(
            "INSERT INTO duplicates (article_seq, original_seq, relation, similarity, reason)"
            " VALUES (?, ?, ?, ?, ?)",
            (newer, older, relation, round(score, 4), reason),
        )
        batch.counts["duplicates"] += 1
        batch.result.duplicates += 1

    def _cluster(
        self, batch: _Batch, seq: int, item: PreparedArticle, event: PreparedEvent
    ) -> None:
        anchors, stories = self._candidate_stories(event.signature)
        decision = clustering.decide(event.signature, anchors, self.rules.cluster)
        sig = event.signature
        lang = item.lang or ""
        if decision.story_id is None:
            story = clustering.story_id(item.article_id, event.event_id)
            self.db.execute(
                "INSERT INTO stories (story_id, type, anchor_start, anchor_end, anchor_countries,"
                " anchor_actors, date_start, date_end, languages, report_count, founder_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    story,
                    sig.type,
                    _iso(sig.start),
                    _iso(sig.end),
                    _joined(sig.countries),
                    _joined(sig.actors, "|"),
                    _iso(sig.start),
                    _iso(sig.end),
                    lang,
                    1,
                    seq,
                ),
            )
            batch.counts["stories"] += 1
        else:
            story = decision.story_id
            self._grow_story(batch, stories[story], sig, lang)
            batch.result.merged_events += 1
        self.db.executemany(
            "INSERT INTO story_countries (country, story_id) VALUES (?, ?)"
            " ON CONFLICT (country, story_id) DO NOTHING",
            [(country, story) for country in sorted(sig.countries)],
        )
        batch.rows["events"].append((seq, *event.row, story, decision.reason))
        batch.rows["event_actors"].extend((seq, *row) for row in event.actors)
        batch.counts["events"] += 1
        batch.result.events += 1

    def _candidate_stories(
        self, sig: EventSignature
    ) -> tuple[list[StoryAnchor], dict[str, tuple[Any, ...]]]:
        if sig.start is None or sig.end is None:
            return [], {}
        window = timedelta(days=self.rules.cluster.window_days)
        rows = self.db.execute(
            "SELECT story_id, anchor_start, anchor_end, anchor_countries, anchor_actors,"
            " date_start, date_end, languages, report_count FROM stories"
            " WHERE type = ? AND anchor_start <= ? AND anchor_end >= ? ORDER BY founder_seq",
            (sig.type, (sig.end + window).isoformat(), (sig.start - window).isoformat()),
        )
        anchors = [
            StoryAnchor(
                row[0],
                EventSignature(
                    type=sig.type,
                    countries=_split(row[3]),
                    actors=_split(row[4], "|"),
                    start=date.fromisoformat(row[1]),
                    end=date.fromisoformat(row[2]),
                ),
            )
            for row in rows
        ]
        return anchors, {row[0]: row for row in rows}

    def _grow_story(
        self, batch: _Batch, row: tuple[Any, ...], sig: EventSignature, lang: str
    ) -> None:
        story, date_start, date_end, languages, reports = row[0], row[5], row[6], row[7], row[8]
        langs = _split(languages)
        if lang and lang not in langs:
            if len(langs) == 1:
                batch.counts["multilingual_stories"] += 1
            langs = langs | {lang}
        if int(reports) == 1:
            batch.counts["merged_stories"] += 1
        self.db.execute(
            "UPDATE stories SET date_start = ?, date_end = ?, languages = ?,"
            " report_count = report_count + 1 WHERE story_id = ?",
            (min(date_start, _iso(sig.start)), max(date_end, _iso(sig.end)), _joined(langs), story),
        )

    def _flush(self, batch: _Batch) -> None:
        for name, sql in INSERTS.items():
            self.db.executemany(sql, batch.rows[name])
        if batch.written:
            self.db.index_articles(batch.written[0][0], batch.written[-1][0])
        for seq, item in batch.written:
            if item.lang and item.events:
                self._link_translations(batch, seq, item)
        self.db.executemany(
            "INSERT INTO counters (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
            sorted(batch.counts.items()),
        )

    def _link_translations(self, batch: _Batch, seq: int, item: PreparedArticle) -> None:
        """Link reports in another language with the same stories, length and entities."""
        mine = self._stories_of(seq)
        others = self.db.execute(
            "SELECT DISTINCT e2.article_seq, LENGTH(o.text), LENGTH(a.text) FROM events e1"
            " JOIN events e2 ON e2.story_id = e1.story_id AND e2.article_seq <> e1.article_seq"
            " JOIN articles o ON o.seq = e2.article_seq JOIN articles a ON a.seq = e1.article_seq"
            " WHERE e1.article_seq = ? AND o.is_current = 1 AND o.lang IS NOT NULL AND o.lang <> ?"
            " ORDER BY e2.article_seq",
            (seq, item.lang),
        )
        for other, other_length, length in others:
            shared = mine & self._stories_of(int(other))
            stories = len(shared) / len(mine | self._stories_of(int(other)))
            lengths = min(other_length, length) / max(other_length, length, 1)
            keys = self._entity_keys(int(other))
            score = clustering.overlap(item.entity_keys, keys)
            # A translation tells the same stories at about the same length about the same
            # people; an independent report of one of its stories fails one of these.
            if (
                stories < TRANSLATION_MIN_STORY_OVERLAP
                or lengths < TRANSLATION_MIN_LENGTH_RATIO
                or score < self.rules.translation_min_overlap
            ):
                continue
            common = ", ".join(sorted(item.entity_keys & keys)[:8])
            reason = (
                f"same {len(shared)} of {len(mine)} stories, length ratio {lengths:.2f},"
                f" shared entities {common}"
            )
            self._duplicate(batch, seq, int(other), "translation", score, reason)

    def _stories_of(self, seq: int) -> set[str]:
        rows = self.db.execute("SELECT DISTINCT story_id FROM events WHERE article_seq = ?", (seq,))
        return {row[0] for row in rows}

    def _entity_keys(self, seq: int) -> frozenset[str]:
        rows = self.db.execute(
            "SELECT norm_name, norm_canonical FROM entities WHERE article_seq = ?", (seq,)
        )
        return frozenset(canonical or name for name, canonical in rows)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _joined(values: frozenset[str] | set[str], separator: str = ",") -> str:
    return separator.join(sorted(values))


def _split(value: str | None, separator: str = ",") -> frozenset[str]:
    return frozenset(part for part in (value or "").split(separator) if part)
