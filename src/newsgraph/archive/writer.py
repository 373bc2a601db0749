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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from newsgraph.archive import clustering, dedup
from newsgraph.archive.clustering import ClusterRule, EventSignature, StoryAnchor
from newsgraph.archive.database import Database, Row
from newsgraph.archive.links import Linker
from newsgraph.archive.records import BatchResult, FailedInput
from newsgraph.archive.rollups import RollupDelta
from newsgraph.archive.rows import PreparedArticle, PreparedEvent, name_keys, story_texts

INSERTS = {
    "sources": "INSERT INTO sources (article_seq, name, role) VALUES (?, ?, ?)",
    "entities": (
        "INSERT INTO entities (article_seq, entity_id, name, norm_name, canonical, norm_canonical,"
        " type, country, lat, lon, mention_count, canonical_id, sector, country_from)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
        " confidence_level, confidence_reasons, trigger_text, evidence, story_id, story_reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "event_actors": (
        "INSERT INTO event_actors (article_seq, entity_id, event_id, role, idx)"
        " VALUES (?, ?, ?, ?, ?)"
    ),
    "story_countries": (
        "INSERT INTO story_countries (country, type, story_id) VALUES (?, ?, ?)"
        " ON CONFLICT (country, type, story_id) DO NOTHING"
    ),
    "story_actors": (
        "INSERT INTO story_actors (name, type, story_id) VALUES (?, ?, ?)"
        " ON CONFLICT (name, type, story_id) DO NOTHING"
    ),
    "quote_speakers": (
        "INSERT INTO quote_speakers (name, published_day, article_seq, idx) VALUES (?, ?, ?, ?)"
    ),
}
ARTICLE_INSERT = (
    "INSERT INTO articles (seq, article_id, doc_key, version, is_current, content_hash, lang,"
    " title, published, published_day, source_url, publisher, external_id, input_path, text,"
    " quote_text, entity_names, record, stage_failures, translated_from, ingested_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
    stored: dict[str, int] = field(default_factory=dict)
    current: dict[str, tuple[int, int]] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in INSERTS})
    written: list[tuple[int, PreparedArticle]] = field(default_factory=list)
    rollup: RollupDelta = field(default_factory=RollupDelta)
    multilingual: set[int] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    result: BatchResult = field(default_factory=BatchResult)


class ArchiveWriter:
    """Writes batches into one database; the only code that changes an archive."""

    def __init__(self, db: Database, dedup_rule: dedup.Deduplicator, rules: WriterRules) -> None:
        self.db = db
        self.rules = rules
        self.linker = Linker(db, dedup_rule, rules.translation_min_overlap)

    def write(self, items: Sequence[PreparedArticle | FailedInput]) -> BatchResult:
        """Store `items` in order, all or nothing."""
        with self.db.transaction():
            self.db.lock_writer()
            top = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0]
            batch = _Batch(next_seq=int(top) + 1, now=datetime.now(UTC).isoformat("T", "seconds"))
            articles = [item for item in items if isinstance(item, PreparedArticle)]
            self._look_up(batch, articles)
            for item in items:
                if isinstance(item, FailedInput):
                    self._failure(batch, None, item.path, item.stage, item.reason)
                else:
                    self._article(batch, item)
            self._flush(batch)
        return batch.result

    def _look_up(self, batch: _Batch, articles: list[PreparedArticle]) -> None:
        """Which of the batch's articles are stored, and the current version of each document."""
        ids = list(dict.fromkeys(item.article_id for item in articles))
        keys = list(dict.fromkeys(item.doc_key for item in articles))
        for chunk in _chunks(ids):
            for found_id, seq in self.db.execute(
                f"SELECT article_id, seq FROM articles WHERE article_id IN ({sql_marks(chunk)})",
                chunk,
            ):
                batch.stored[found_id] = int(seq)
        for chunk in _chunks(keys):
            for key, seq, version in self.db.execute(
                "SELECT doc_key, seq, version FROM articles"
                f" WHERE is_current = 1 AND doc_key IN ({sql_marks(chunk)})",
                chunk,
            ):
                batch.current[key] = (int(seq), int(version))

    def _article(self, batch: _Batch, item: PreparedArticle) -> None:
        if item.article_id in batch.stored:
            batch.result.unchanged += 1
            self._remember_input(item.raw_key, batch.stored[item.article_id])
            return
        seq = batch.next_seq
        batch.next_seq += 1
        self._insert_article(batch, seq, item)
        self._remember_input(item.raw_key, seq)
        self._count_links(batch, self.linker.link_copies(seq, item))
        keys = name_keys(item.entities)
        for event in item.events:
            self._cluster(batch, seq, item, event, keys)
        day = item.published_day
        batch.rollup.add(item.entities, item.titles, day, keys=keys)
        batch.rows["quote_speakers"].extend(
            (key, day or "", seq, quote[0])
            for quote in item.quotes
            for key in keys.get(quote[5], ())
        )
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
        version = 1
        if item.doc_key in batch.current:
            old_seq, old_version = batch.current[item.doc_key]
            version = old_version + 1
            self.db.execute("UPDATE articles SET is_current = 0 WHERE seq = ?", (old_seq,))
            self._discount(batch, old_seq)
            batch.result.new_versions += 1
        else:
            batch.counts["articles"] += 1
        batch.current[item.doc_key] = (seq, version)
        batch.stored[item.article_id] = seq
        batch.counts["versions"] += 1
        row = (seq, item.article_id, item.doc_key, version, 1, item.content_hash)
        self.db.execute(ARTICLE_INSERT, (*row, *item.article, batch.now))

    def _discount(self, batch: _Batch, seq: int) -> None:
        """Take a superseded version out of the entity rollups."""
        in_batch = [item for written, item in batch.written if written == seq]
        if in_batch:
            item = in_batch[0]
            batch.rollup.add(item.entities, item.titles, item.published_day, sign=-1)
            return
        day = self.db.execute("SELECT published_day FROM articles WHERE seq = ?", (seq,))[0][0]
        batch.rollup.subtract_stored(self.db, seq, day)

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

    @staticmethod
    def _count_links(batch: _Batch, links: int) -> None:
        batch.counts["duplicates"] += links
        batch.result.duplicates += links

    def _cluster(
        self,
        batch: _Batch,
        seq: int,
        item: PreparedArticle,
        event: PreparedEvent,
        keys: dict[str, set[str]],
    ) -> None:
        anchors, stories = self._candidate_stories(event.signature)
        decision = clustering.decide(event.signature, anchors, self.rules.cluster)
        sig = event.signature
        lang = item.lang or ""
        if decision.story_id is None:
            story = clustering.story_id(item.article_id, event.event_id)
            # A story anchors later reports only when its first report has a precise date.
            anchored = not clustering.is_vague(sig) and sig.start is not None
            self.db.execute(
                "INSERT INTO stories (story_id, type, anchor_start, anchor_end, anchor_countries,"
                " anchor_actors, date_start, date_end, languages, report_count, founder_seq,"
                " anchor_source, anchor_target, anchor_others, anchor_place, anchor_names,"
                " anchor_words, anchor_lang)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                story_row(story, sig, lang, seq, anchored),
            )
            if anchored:
                self.db.executemany(
                    "INSERT INTO story_anchor_keys (key, type, anchor_start, story_id)"
                    " VALUES (?, ?, ?, ?)",
                    [(key, sig.type, iso_day(sig.start), story) for key in anchor_keys(sig)],
                )
            batch.counts["stories"] += 1
        else:
            story = decision.story_id
            if self._grow_story(batch, stories[story], sig, lang):
                batch.multilingual.add(seq)
            batch.result.merged_events += 1
        batch.rows["story_countries"].extend(
            (country, sig.type, story) for country in sorted(sig.countries)
        )
        actor_names = {key for row in event.actors for key in keys.get(row[0], ())}
        batch.rows["story_actors"].extend((name, sig.type, story) for name in sorted(actor_names))
        batch.rows["events"].append((seq, *event.row, story, decision.reason))
        batch.rows["event_actors"].extend((seq, *row) for row in event.actors)
        batch.counts["events"] += 1
        batch.result.events += 1

    def _candidate_stories(
        self, sig: EventSignature
    ) -> tuple[list[StoryAnchor], dict[str, tuple[Any, ...]]]:
        """Stories of the same category whose first report is dated near this event."""
        if sig.start is None or sig.end is None or clustering.is_vague(sig):
            return [], {}
        window = timedelta(days=self.rules.cluster.window_days)
        # Bounded on both sides, so the lookup reads a few days of the index, not all history.
        earliest = sig.start - window - timedelta(days=clustering.MAX_ANCHOR_DAYS)
        keys = anchor_keys(sig)
        if not keys:
            return [], {}
        # Only stories sharing a country or an actor can pass the rule, and the key index finds
        # them without reading every story of the category in the window.
        rows = self.db.execute(
            "SELECT story_id, anchor_start, anchor_end, anchor_countries, anchor_actors,"
            " date_start, date_end, languages, report_count, anchor_source, anchor_target,"
            " anchor_place, anchor_names, anchor_words, anchor_lang, anchor_others FROM stories"
            " WHERE story_id IN"
            " (SELECT story_id FROM story_anchor_keys"
            f"  WHERE key IN ({sql_marks(keys)}) AND type = ? AND anchor_start BETWEEN ? AND ?)"
            " ORDER BY founder_seq",
            (*keys, sig.type, earliest.isoformat(), (sig.end + window).isoformat()),
        )
        anchors = [
            StoryAnchor(
                row[0],
                EventSignature(
                    type=sig.type,
                    countries=split_joined(row[3]),
                    actors=split_joined(row[4], "|"),
                    start=date.fromisoformat(row[1]),
                    end=date.fromisoformat(row[2]),
                    source=split_joined(row[9], "|"),
                    target=split_joined(row[10], "|"),
                    place=row[11],
                    names=split_joined(row[12], "|"),
                    words=split_joined(row[13], "|"),
                    lang=row[14],
                    others=split_joined(row[15], "|"),
                ),
            )
            for row in rows
        ]
        return anchors, {row[0]: row for row in rows}

    def _grow_story(
        self, batch: _Batch, row: tuple[Any, ...], sig: EventSignature, lang: str
    ) -> bool:
        """Add a report to a story; True when the story already had another language."""
        story, date_start, date_end, languages, reports = row[0], row[5], row[6], row[7], row[8]
        langs = split_joined(languages)
        other_language = bool(lang) and bool(langs - {lang})
        if lang and lang not in langs:
            if len(langs) == 1:
                batch.counts["multilingual_stories"] += 1
            langs = langs | {lang}
        if int(reports) == 1:
            batch.counts["merged_stories"] += 1
        self.db.execute(
            "UPDATE stories SET date_start = ?, date_end = ?, languages = ?,"
            " report_count = report_count + 1 WHERE story_id = ?",
            (
                min(date_start, iso_day(sig.start)),
                max(date_end, iso_day(sig.end)),
                joined(langs),
                story,
            ),
        )
        return other_language

    def _flush(self, batch: _Batch) -> None:
        for name, sql in INSERTS.items():
            self.db.executemany(sql, batch.rows[name])
        batch.rollup.apply(self.db)
        if batch.written:
            self.db.index_articles(batch.written[0][0], batch.written[-1][0])
        # Only an article that joined a story told in another language can be a translation.
        for seq, item in batch.written:
            if seq in batch.multilingual:
                self._count_links(batch, self.linker.link_translations(seq, item))
        self.db.executemany(
            "INSERT INTO counters (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
            sorted(batch.counts.items()),
        )


def story_row(
    story_id: str,
    sig: EventSignature,
    lang: str,
    seq: int,
    anchored: bool,
    texts: tuple[str, ...] = (),
) -> tuple[Any, ...]:
    """A new story's row (the columns of INSERT INTO stories), founded by one event report
    (`texts`: its `story_texts`, when the worker computed them)."""
    countries, actors, source, target, others, names, words = texts or story_texts(sig)
    start, end = iso_day(sig.start), iso_day(sig.end)
    return (
        story_id,
        sig.type,
        start if anchored else None,
        end if anchored else None,
        countries,
        actors,
        start,
        end,
        lang,
        1,
        seq,
        source,
        target,
        others,
        sig.place,
        names,
        words,
        sig.lang,
    )


def anchor_keys(sig: EventSignature) -> list[str]:
    """Index keys of an event: its countries and its actors, each marked with its kind."""
    return sorted({f"country:{c}" for c in sig.countries} | {f"actor:{a}" for a in sig.actors})


def sql_marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def iso_day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def joined(values: frozenset[str] | set[str], separator: str = ",") -> str:
    return separator.join(sorted(values))


def split_joined(value: str | None, separator: str = ",") -> frozenset[str]:
    return frozenset(part for part in (value or "").split(separator) if part)
