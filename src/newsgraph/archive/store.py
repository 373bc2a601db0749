"""SqlRepository: the Repository interface implemented once over portable SQL.

The database adapter (SQLite or PostgreSQL) supplies the connection and the few dialect-specific
operations; the writer, the queries and the exports are shared, so both backends behave alike
and one test suite runs against both.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsgraph.archive import export, migrations, queries
from newsgraph.archive.bulk import Fallback
from newsgraph.archive.clustering import ClusterRule
from newsgraph.archive.database import Database
from newsgraph.archive.dedup import Deduplicator, deduplicator
from newsgraph.archive.loader import BulkLoader
from newsgraph.archive.records import (
    ArchiveStats,
    BatchResult,
    Count,
    DuplicateLink,
    EntityProfile,
    EventQuery,
    FailureRecord,
    QuoteHit,
    SearchHit,
    StoryEvent,
)
from newsgraph.archive.repository import ExportKind, IngestItem, Repository
from newsgraph.archive.rows import prepare
from newsgraph.archive.writer import ArchiveWriter, WriterRules
from newsgraph.model import Article
from newsgraph.settings import Settings

# Columns that change on every run and so are left out of snapshots.
VOLATILE_COLUMNS = frozenset({"ingested_at", "recorded_at", "search_vector"})


def writer_rules(settings: Settings) -> WriterRules:
    """Clustering and linking thresholds from the settings."""
    return WriterRules(
        cluster=ClusterRule(settings.cluster_window_days, settings.cluster_min_similarity),
        translation_min_overlap=settings.translation_min_entity_overlap,
    )


class SqlRepository(Repository):
    """An archive in a SQL database reached through a `Database` adapter."""

    def __init__(self, db: Database, settings: Settings, *, create: bool = True) -> None:
        self.db = db
        self.backend = db.dialect
        self.settings = settings
        try:
            migrations.check_archive(db, create=create)
            if create:
                migrations.migrate(db, lock=db.lock_writer)
                # A bulk load killed before it built its deferred indexes left them to us.
                migrations.restore_indexes(db, wait=False)
        except BaseException:
            db.close()
            raise
        self._dedup: Deduplicator | None = None

    @property
    def dedup(self) -> Deduplicator:
        """The fingerprinter, built on first use (it draws its permutations once)."""
        if self._dedup is None:
            self._dedup = deduplicator(self.settings)
        return self._dedup

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    def schema_version(self) -> int:
        """The latest migration applied."""
        return max(migrations.applied_versions(self.db), default=0)

    def known_inputs(self, raw_keys: Sequence[str]) -> set[str]:
        """Which input keys are already stored."""
        keys = list(dict.fromkeys(raw_keys))
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self.db.execute(
                f"SELECT raw_key FROM raw_inputs WHERE raw_key IN ({queries.marks(chunk)})", chunk
            )
            found.update(str(row[0]) for row in rows)
        return found

    def write_batch(self, items: Sequence[IngestItem]) -> BatchResult:
        """Store prepared articles and failures in one transaction."""
        return ArchiveWriter(self.db, self.dedup, writer_rules(self.settings)).write(items)

    def bulk_loader(self, writers: int = 1, fallback: Fallback | None = None) -> BulkLoader:
        """A loader that stores batches through `writers` connections (`archive.bulk`); a batch
        the database refuses goes to `fallback` (default: `write_batch`)."""
        return BulkLoader(
            self.db, self.dedup, writer_rules(self.settings), fallback or self.write_batch, writers
        )

    def add_articles(self, articles: Iterable[Article]) -> BatchResult:
        """Prepare and store processed articles in one transaction."""
        return self.write_batch([prepare(article, self.dedup) for article in articles])

    def get_article(self, article_id: str) -> Article | None:
        """The stored record of an article, every layer included."""
        rows = self.db.execute("SELECT record FROM articles WHERE article_id = ?", (article_id,))
        if not rows:
            return None
        return Article.from_json(zlib.decompress(bytes(rows[0][0])))

    def search(self, query: str, *, limit: int = 20, lang: str | None = None) -> list[SearchHit]:
        """Full-text search over current articles."""
        return queries.search(self.db, query, limit, lang)

    def events(self, query: EventQuery, *, reports: bool = True) -> list[StoryEvent]:
        """Story-level events matching the query."""
        return queries.events(self.db, query, reports)

    def quotes(
        self, *, speaker: str | None = None, contains: str | None = None, limit: int = 50
    ) -> list[QuoteHit]:
        """Quotes by a speaker and/or containing words."""
        return queries.quotes(self.db, speaker=speaker, contains=contains, limit=limit)

    def entity(self, name: str, *, limit: int = 20) -> EntityProfile | None:
        """Profile of one entity across the archive."""
        return queries.entity(self.db, name, limit)

    def stats(self) -> ArchiveStats:
        """Counts, languages, publishers, date range and size."""
        counts = {
            str(name): int(value)
            for name, value in self.db.execute("SELECT name, value FROM counters ORDER BY name")
        }
        languages = self.db.execute(
            "SELECT lang, COUNT(*) FROM articles WHERE is_current = 1"
            " GROUP BY lang ORDER BY COUNT(*) DESC, lang"
        )
        publishers = self.db.execute(
            "SELECT publisher, COUNT(*) FROM articles WHERE is_current = 1"
            " AND publisher IS NOT NULL GROUP BY publisher"
            " ORDER BY COUNT(*) DESC, publisher LIMIT 10"
        )
        first, last = self.db.execute(
            "SELECT MIN(published_day), MAX(published_day) FROM articles WHERE is_current = 1"
        )[0]
        return ArchiveStats(
            backend=self.backend,
            schema_version=self.schema_version(),
            counts=counts,
            languages=[Count(value=v or "unknown", count=int(n)) for v, n in languages],
            publishers=[Count(value=str(v), count=int(n)) for v, n in publishers],
            first_published=first,
            last_published=last,
            size_bytes=self.db.size_bytes(),
        )

    def failures(self, *, limit: int = 100) -> list[FailureRecord]:
        """Recorded failures, newest first."""
        return queries.failures(self.db, limit)

    def duplicates(
        self, *, article_id: str | None = None, relation: str | None = None, limit: int = 100
    ) -> list[DuplicateLink]:
        """Duplicate and translation links."""
        return queries.duplicates(self.db, article_id, relation, limit)

    def export_rows(
        self,
        what: ExportKind,
        *,
        since: str | None = None,
        countries: Sequence[str] = (),
        types: Sequence[str] = (),
        min_confidence: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Flat rows for export, streamed; filters checked before the first row."""
        filters = export.check_filters(self.db, what, since, countries, types, min_confidence)
        return export.iter_rows(self.db, what, filters)

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table except volatile columns, in a stable order."""
        tables = {}
        for table in migrations.TABLES:
            columns = [c for c in self.db.columns(table) if c not in VOLATILE_COLUMNS]
            rows = self.db.execute(f"SELECT {', '.join(columns)} FROM {table}")
            tables[table] = sorted((tuple(_plain(v) for v in row) for row in rows), key=repr)
        return tables


def _plain(value: Any) -> Any:
    """Driver values as plain Python values (memoryview and the like as bytes)."""
    if isinstance(value, memoryview):
        return bytes(value)
    return value
