"""Records the archive takes in and hands out: failures, batch results and query answers."""

from __future__ import annotations

from dataclasses import dataclass, fields

from pydantic import BaseModel, ConfigDict, Field


class Answer(BaseModel):
    """Base of every query answer: strict fields, JSON-serialisable.

    Their validators are built when an answer is first made, not on import: a pipeline worker
    imports this module for FailedInput and BatchResult and never answers a query (building the
    dozen schemas was a tenth of a second of its start-up).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)


@dataclass(frozen=True)
class FailedInput:
    """An input that gave no article, or an article a worker could not process."""

    path: str
    reason: str
    stage: str = "input"
    raw_key: str | None = None


@dataclass
class BatchResult:
    """What writing one batch did."""

    written: int = 0
    new_versions: int = 0
    unchanged: int = 0
    failures: int = 0
    duplicates: int = 0
    events: int = 0
    merged_events: int = 0

    def add(self, other: BatchResult) -> None:
        """Add another batch's counts to this one."""
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


class Count(Answer):
    """A value and how often it occurs."""

    value: str
    count: int


class SearchHit(Answer):
    """An article matching a full-text query."""

    article_id: str
    title: str | None
    lang: str | None
    published: str | None
    publisher: str | None
    source_url: str | None
    snippet: str
    score: float


class StoryReport(Answer):
    """One article's report of a story-level event, with why it joined the story."""

    article_id: str
    event_id: str
    title: str | None
    lang: str | None
    published: str | None
    publisher: str | None
    source_url: str | None
    date: str | None
    countries: list[str]
    evidence: str
    reason: str
    confidence_level: str | None = None
    confidence_reasons: list[str] = Field(default_factory=list)


class StoryEvent(Answer):
    """An event merged over all articles (and languages) that report it."""

    story_id: str
    type: str
    date_start: str | None
    date_end: str | None
    countries: list[str]
    actors: list[str] = Field(default_factory=list, description="actor names as reported")
    report_count: int
    languages: list[str]
    reports: list[StoryReport] = Field(default_factory=list)


class EventQuery(Answer):
    """Filters of an events query; every given filter must hold."""

    countries: list[str] = Field(default_factory=list, description="ISO alpha-3, all required")
    types: list[str] = Field(default_factory=list, description="PLOVER categories, any of")
    since: str | None = Field(default=None, description="ISO date: stories ending on or after")
    until: str | None = Field(default=None, description="ISO date: stories starting on or before")
    entity: str | None = Field(default=None, description="name of an actor")
    limit: int = 50


class QuoteHit(Answer):
    """A quotation with its speaker's name and the article it is from."""

    article_id: str
    title: str | None
    lang: str | None
    published: str | None
    publisher: str | None
    source_url: str | None
    speaker: str | None
    addressee: str | None
    kind: str
    text: str


class TimelinePoint(Answer):
    """Articles and mentions of an entity in one month."""

    month: str
    articles: int
    mentions: int


class EntityProfile(Answer):
    """Everything the archive knows about one named entity across articles."""

    name: str
    type: str
    country: str | None
    names: list[Count]
    article_count: int
    mention_count: int
    first_seen: str | None
    last_seen: str | None
    titles: list[Count]
    quotes: list[QuoteHit]
    events: list[StoryEvent]
    timeline: list[TimelinePoint]


class FailureRecord(Answer):
    """An input or stage that failed, with the reason."""

    input_path: str | None
    article_id: str | None
    stage: str
    reason: str
    recorded_at: str


class DuplicateLink(Answer):
    """An article that copies, rewrites or translates an earlier one."""

    article_id: str
    title: str | None
    lang: str | None
    original_id: str
    original_title: str | None
    original_lang: str | None
    relation: str
    similarity: float
    reason: str


class ArchiveStats(Answer):
    """Sizes and spread of the archive."""

    backend: str
    schema_version: int
    counts: dict[str, int]
    languages: list[Count]
    publishers: list[Count]
    first_published: str | None
    last_published: str | None
    size_bytes: int | None
