"""The archive's repository interface: what every storage backend offers.

Writing goes through `write_batch` (one transaction per batch, so a killed ingest loses at most
the batch in flight); reading through the query methods, which answer with the records of
`newsgraph.archive.records`. `SqlRepository` implements it once for SQLite and PostgreSQL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, Literal

from newsgraph.archive.records import (
    ArchiveStats,
    BatchResult,
    DuplicateLink,
    EntityProfile,
    EventQuery,
    FailedInput,
    FailureRecord,
    QuoteHit,
    SearchHit,
    StoryEvent,
)
from newsgraph.archive.rows import PreparedArticle
from newsgraph.model import Article

ExportKind = Literal["articles", "events", "quotes"]
IngestItem = PreparedArticle | FailedInput


class Repository(ABC):
    """Stores processed articles and answers questions about them."""

    backend: str

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int:
        """The latest migration applied to this archive."""

    @abstractmethod
    def known_inputs(self, raw_keys: Sequence[str]) -> set[str]:
        """Which of these input keys the archive already holds (so ingest can skip them)."""

    @abstractmethod
    def write_batch(self, items: Sequence[IngestItem]) -> BatchResult:
        """Store prepared articles and failures in one transaction, in order."""

    @abstractmethod
    def add_articles(self, articles: Iterable[Article]) -> BatchResult:
        """Store already-processed articles (one transaction); a convenience for the Python API."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """The stored article record, all layers included."""

    @abstractmethod
    def search(self, query: str, *, limit: int = 20, lang: str | None = None) -> list[SearchHit]:
        """Full-text search over titles, text, quotes and entity names (current versions)."""

    @abstractmethod
    def events(self, query: EventQuery, *, reports: bool = True) -> list[StoryEvent]:
        """Story-level events matching every filter, newest first, with their reports."""

    @abstractmethod
    def quotes(
        self, *, speaker: str | None = None, contains: str | None = None, limit: int = 50
    ) -> list[QuoteHit]:
        """Quotations by a speaker (name as stored, any language) and/or containing words."""

    @abstractmethod
    def entity(self, name: str, *, limit: int = 20) -> EntityProfile | None:
        """Mentions, titles, quotes and events of the entity called `name`, over time."""

    @abstractmethod
    def stats(self) -> ArchiveStats:
        """Counts, languages, publishers, dates and size."""

    @abstractmethod
    def failures(self, *, limit: int = 100) -> list[FailureRecord]:
        """Recorded failures, newest first."""

    @abstractmethod
    def duplicates(
        self, *, article_id: str | None = None, relation: str | None = None, limit: int = 100
    ) -> list[DuplicateLink]:
        """Near-duplicate and translation links, for one article or all."""

    @abstractmethod
    def export_rows(
        self,
        what: ExportKind,
        *,
        since: str | None = None,
        countries: Sequence[str] = (),
        types: Sequence[str] = (),
        min_confidence: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Flat rows of articles, events (GDELT-like) or quotes, streamed in archive order.

        Filters are checked at once (ConfigError naming the valid choices): `since` (ISO date),
        and for events `countries` (every one involved in the report itself), `types` and
        `min_confidence` (low, medium or high: events of at least that confidence level).
        """

    @abstractmethod
    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table except timestamps, sorted; equal for archives with equal data."""
