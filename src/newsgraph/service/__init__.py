"""The service layer: typed, validated, paginated queries and writes over the archive.

The CLI, the HTTP API (`newsgraph.web`) and the web UI all call `ArchiveService`; none of them
reaches the repository directly.

    >>> from newsgraph.service import ArchiveService, EventRequest
    >>> with ArchiveService(load_settings()) as service:
    ...     page = service.events(EventRequest(dyad="Norway-Russia", since="30d"))
"""

from __future__ import annotations

from newsgraph.service.core import ArchiveService
from newsgraph.service.models import (
    MAX_LIMIT,
    MAX_OFFSET,
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

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "ArchiveService",
    "ArticleDetail",
    "ArticleRequest",
    "ArticleSummary",
    "DuplicateRequest",
    "EntityDetail",
    "EntityRequest",
    "EntitySummary",
    "EventRequest",
    "FilterChoices",
    "Health",
    "Overview",
    "Page",
    "QuoteRequest",
    "SearchRequest",
    "TimelineMonth",
]
