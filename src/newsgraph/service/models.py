"""Typed requests and replies of the service layer, shared by the CLI, the HTTP API and the UI.

Requests carry filter values as the user wrote them ("Norway", "yesterday", "14"); the service
validates them (`service.filters`) before any query runs. Every list reply is a `Page`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.archive.records import (
    DuplicateLink,
    EntityProfile,
    QuoteHit,
    SearchHit,
    StoryEvent,
)
from newsgraph.model import Article

MAX_LIMIT = 200
MAX_OFFSET = 10_000
Item = TypeVar("Item")


class Request(BaseModel):
    """Base of every request: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class PageRequest(Request):
    """Limit/offset pagination with bounds."""

    limit: int = Field(default=20, ge=1, le=MAX_LIMIT, description="items per page")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="items to skip")


class Page(BaseModel, Generic[Item]):
    """One page of a list; `next_offset` is null on the last page."""

    items: list[Item]
    limit: int
    offset: int
    next_offset: int | None


class ArticleRequest(PageRequest):
    """Articles, newest published first."""

    lang: str | None = Field(default=None, description="language code or name")
    publisher: str | None = Field(default=None, description="registered domain, e.g. nrk.no")
    country: str | None = Field(default=None, description="articles naming an entity of it")
    since: str | None = Field(default=None, description="published on or after (ISO or 7d)")
    until: str | None = Field(default=None, description="published on or before (ISO or 7d)")


class SearchRequest(PageRequest):
    """Full-text search."""

    # Long enough for any real query; the archive itself refuses more than its distinct-term limit.
    q: str = Field(
        min_length=1, max_length=100_000, description='words, "phrases", prefix* (at most 64 terms)'
    )
    lang: str | None = None


class EventRequest(PageRequest):
    """Story-level events; every given filter must hold."""

    country: list[str] = Field(default_factory=list, description="countries, all required")
    dyad: str | None = Field(default=None, description="two countries, e.g. USA-CHN")
    category: list[str] = Field(
        default_factory=list, description="PLOVER categories or CAMEO roots, any of"
    )
    mode: str | None = Field(default=None, description="PLOVER mode of the categories")
    min_confidence: str | None = Field(
        default=None,
        description="low, medium or high: stories with a report of at least this confidence "
        "level (default: every story)",
    )
    since: str | None = None
    until: str | None = None
    lang: str | None = Field(default=None, description="stories reported in this language")
    entity: str | None = Field(default=None, description="name of an actor")
    exclude_translations: bool = Field(
        default=False,
        description="only stories with at least one report that is not a translation",
    )
    independent_sources: bool = Field(
        default=False,
        description="only stories reported by two or more independent publishers (copies, "
        "rewrites and translations of another report count with their original)",
    )
    reports: bool = Field(default=True, description="include each story's reports")


class QuoteRequest(PageRequest):
    """Quotations."""

    speaker: str | None = None
    contains: str | None = Field(default=None, max_length=500)
    lang: str | None = None


class EntityRequest(PageRequest):
    """Entities by name prefix, most reported first."""

    name: str | None = Field(default=None, max_length=200, description="name starts with")
    type: str | None = Field(default=None, description="PERSON, ORG, GPE, LOC, ...")
    country: str | None = None


class DuplicateRequest(PageRequest):
    """Duplicate and translation links."""

    article_id: str | None = None
    relation: str | None = None


class ArticleSummary(BaseModel):
    """One line of an article list."""

    article_id: str
    title: str | None
    lang: str | None
    published: str | None
    publisher: str | None
    source_url: str | None


class EntitySummary(BaseModel):
    """A real-world actor of the archive (all its names, in every language) and how often it occurs."""

    id: str = Field(
        description="canonical id (Wikidata QID, country:RUS, per:...) or, for an entity the "
        "knowledge does not link, its normalised canonical name"
    )
    name: str = Field(description="canonical name (most frequent)")
    type: str
    country: str | None
    sector: str | None = Field(default=None, description="CAMEO-style sector: GOV, MIL, ...")
    country_from: str | None = Field(
        default=None, description="where the country came from: text, title, knowledge, ..."
    )
    articles: int
    mentions: int
    names: list[str] = Field(default_factory=list, description="names it was written as")


class EntityDetail(EntityProfile):
    """An entity's profile (the CLI's `newsgraph entity`) with its canonical id and sector."""

    id: str = Field(description="canonical id the profile is keyed by")
    sector: str | None = None
    country_from: str | None = None


class EventLink(BaseModel):
    """An event of an article and the story it joined."""

    event_id: str
    story_id: str
    reason: str


class ArticleDetail(BaseModel):
    """An article with all its layers, the stories its events joined and its duplicate links."""

    article: Article
    stories: list[EventLink]
    duplicates: list[DuplicateLink]


class EventPlace(BaseModel):
    """A place where reported events happened, with how many reports place them there."""

    name: str
    country: str | None
    lat: float
    lon: float
    reports: int
    story_id: str = Field(description="one story placed there")


class TimelineMonth(BaseModel):
    """Stories of one month by quad class of their category."""

    month: str
    cooperation: int = 0
    conflict: int = 0


class MonthCount(BaseModel):
    """How many stories began in a month."""

    month: str
    count: int


class Overview(BaseModel):
    """Counts for the overview page."""

    articles: int
    stories: int
    quotes: int
    entities: int
    languages: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    months: list[MonthCount]


class Health(BaseModel):
    """Liveness and the archive served (from the writer's counters: cheap to answer)."""

    status: str
    backend: str
    schema_version: int
    articles: int


class FilterChoices(BaseModel):
    """The values filters accept (countries also by name in any supported language)."""

    countries: list[str]
    categories: list[str]
    cameo_roots: dict[str, list[str]]
    modes: dict[str, list[str]]
    languages: list[str]
    relations: list[str]
    date_forms: list[str]


__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "ArticleDetail",
    "ArticleRequest",
    "ArticleSummary",
    "DuplicateLink",
    "DuplicateRequest",
    "EntityDetail",
    "EntityProfile",
    "EntityRequest",
    "EntitySummary",
    "EventLink",
    "EventPlace",
    "EventRequest",
    "FilterChoices",
    "Health",
    "MonthCount",
    "Overview",
    "Page",
    "PageRequest",
    "QuoteHit",
    "QuoteRequest",
    "SearchHit",
    "SearchRequest",
    "StoryEvent",
    "TimelineMonth",
]
