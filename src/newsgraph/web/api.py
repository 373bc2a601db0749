"""The versioned JSON API under /api/v1: thin routes over `ArchiveService`.

Query parameters are the service's request models (unknown parameters are refused); a filter
value that cannot match answers 400 with the valid choices, a missing item 404.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from newsgraph.archive.export import ExportFileFormat, ExportWhat, write_rows
from newsgraph.archive.records import (
    ArchiveStats,
    BatchResult,
    DuplicateLink,
    QuoteHit,
    SearchHit,
    StoryEvent,
)
from newsgraph.model import Article
from newsgraph.service import (
    ArchiveService,
    ArticleDetail,
    ArticleRequest,
    ArticleSummary,
    DuplicateRequest,
    EntityDetail,
    EntityRequest,
    EntitySummary,
    EventRequest,
    FilterChoices,
    Health,
    Overview,
    Page,
    QuoteRequest,
    SearchRequest,
    TimelineMonth,
)
from newsgraph.web.security import WriteGuard

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK = 64 * 1024


class ExportRequest(EventRequest):
    """An export: what, in which format, with the events filters."""

    what: ExportWhat = ExportWhat.events
    format: ExportFileFormat = ExportFileFormat.csv


class TextIn(BaseModel):
    """A raw article (plain text or HTML) with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="plain text or HTML of one article")
    source_url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40, description="ISO date")
    external_id: str | None = Field(default=None, max_length=200)


class Stored(BaseModel):
    """What storing an article did."""

    article: Article
    result: dict[str, int]


def service_of(request: Request) -> ArchiveService:
    """The service the app was built with."""
    service: ArchiveService = request.app.state.service
    return service


Service = Annotated[ArchiveService, Depends(service_of)]


def build_router(guard: WriteGuard) -> APIRouter:
    """The /api/v1 routes."""
    router = APIRouter(prefix="/api/v1")
    writes = [Depends(guard)]

    @router.get("/health", tags=["meta"])
    def health(service: Service) -> Health:
        """Whether the server can read its archive."""
        return service.health()

    @router.get("/filters", tags=["meta"])
    def filter_choices(service: Service) -> FilterChoices:
        """The values every filter accepts."""
        return service.choices()

    @router.get("/articles", tags=["articles"])
    def articles(
        service: Service, query: Annotated[ArticleRequest, Query()]
    ) -> Page[ArticleSummary]:
        """Articles, newest published first."""
        return service.articles(query)

    @router.get("/articles/{article_id}", tags=["articles"])
    def article(service: Service, article_id: str) -> ArticleDetail:
        """One article with every layer, its stories and its duplicate links."""
        return service.article(article_id)

    @router.get("/search", tags=["articles"])
    def search(service: Service, query: Annotated[SearchRequest, Query()]) -> Page[SearchHit]:
        """Full-text search over titles, text, quotes and entity names."""
        return service.search(query)

    @router.get("/events", tags=["events"])
    def events(service: Service, query: Annotated[EventRequest, Query()]) -> Page[StoryEvent]:
        """Story-level events (reports merged over languages), newest first."""
        return service.events(query)

    @router.get("/stories", tags=["events"])
    def stories(service: Service, query: Annotated[EventRequest, Query()]) -> Page[StoryEvent]:
        """The same stories as /events (the UI's name for them)."""
        return service.events(query)

    @router.get("/timeline", tags=["events"])
    def timeline(service: Service, query: Annotated[EventRequest, Query()]) -> list[TimelineMonth]:
        """Matching stories per month, cooperative vs conflictual (limit/offset ignored)."""
        return service.timeline(query)

    @router.get("/stories/{story_id}", tags=["events"])
    def story(service: Service, story_id: str) -> StoryEvent:
        """One story with its reports and why each joined."""
        return service.story(story_id)

    @router.get("/quotes", tags=["quotes"])
    def quotes(service: Service, query: Annotated[QuoteRequest, Query()]) -> Page[QuoteHit]:
        """Quotations by speaker, words and language."""
        return service.quotes(query)

    @router.get("/entities", tags=["entities"])
    def entities(service: Service, query: Annotated[EntityRequest, Query()]) -> Page[EntitySummary]:
        """Actors grouped by canonical id, with the names they were written as; by name prefix
        (any name, any language, or the id), type and country; most reported first."""
        return service.entities(query)

    @router.get("/entities/{name}", tags=["entities"])
    def entity(
        service: Service, name: str, limit: Annotated[int, Query(ge=1, le=200)] = 20
    ) -> EntityDetail:
        """Profile of one entity by canonical id or any name it bears: names, titles, sector,
        quotes, stories, articles per month (the CLI's `newsgraph entity`)."""
        return service.entity(name, limit=limit)

    @router.get("/stats", tags=["meta"])
    def stats(service: Service) -> ArchiveStats:
        """Counts, languages, publishers, dates and size."""
        return service.stats()

    @router.get("/overview", tags=["meta"])
    def overview(service: Service) -> Overview:
        """Counts, languages, categories and stories per month."""
        return service.overview()

    @router.get("/duplicates", tags=["articles"])
    def duplicates(
        service: Service, query: Annotated[DuplicateRequest, Query()]
    ) -> Page[DuplicateLink]:
        """Copies, rewrites and translations of earlier articles."""
        return service.duplicates(query)

    @router.get(
        "/export",
        tags=["export"],
        response_class=StreamingResponse,
        responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
    )
    def export(service: Service, query: Annotated[ExportRequest, Query()]) -> StreamingResponse:
        """Articles, events (one GDELT-like row each) or quotes as CSV, JSON Lines or Parquet."""
        fields = query.model_dump(exclude={"what", "format", "limit", "offset", "reports"})
        rows = service.export_rows(query.what.value, EventRequest(**fields))
        # Filters are validated before the first byte is sent, so a bad one is still a 400.
        first = next(rows, None)
        out = _export_file(first, rows, query.what.value, query.format.value)
        name = f"newsgraph-{query.what.value}.{query.format.value}"
        return StreamingResponse(
            _stream(out),
            media_type=MEDIA_TYPES[query.format.value],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @router.post("/extract", tags=["write"], dependencies=writes)
    def extract(service: Service, body: TextIn) -> Article:
        """Run the pipeline on one text and return the Article; nothing is stored."""
        return service.extract(
            body.text,
            source_url=body.source_url,
            published=body.published,
            external_id=body.external_id,
        )

    @router.post("/articles", tags=["write"], dependencies=writes, status_code=201)
    def store(service: Service, body: TextIn) -> Stored:
        """Extract one text and store it in the archive."""
        article, result = service.store(
            body.text,
            source_url=body.source_url,
            published=body.published,
            external_id=body.external_id,
        )
        return Stored(article=article, result=_counts(result))

    return router


def _counts(result: BatchResult) -> dict[str, int]:
    return {name: int(value) for name, value in vars(result).items()}


def _export_file(
    first: dict[str, Any] | None, rows: Iterator[dict[str, Any]], what: str, fmt: str
) -> Path:
    """The rows written by the archive's exporter into a temporary file."""

    def chained() -> Iterator[dict[str, Any]]:
        if first is not None:
            yield first
        yield from rows

    descriptor, name = tempfile.mkstemp(prefix="newsgraph-export-", suffix=f".{fmt}")
    os.close(descriptor)
    out = Path(name)
    write_rows(chained(), what, fmt, out)  # type: ignore[arg-type]
    return out


def _stream(path: Path) -> Iterator[bytes]:
    """The file's bytes in chunks; the file is removed afterwards."""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk
    finally:
        path.unlink(missing_ok=True)
