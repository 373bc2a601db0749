"""ArchiveService: the typed query and write functions every interface calls.

Each call validates its filters (`service.filters`), borrows a read-only connection from the pool
for its own length, runs the query and answers with a typed reply; pages are bounded
(`MAX_LIMIT`, `MAX_OFFSET`). Writes (extract-and-store) go through the pool's single writer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from newsgraph.archive import queries
from newsgraph.archive.records import (
    ArchiveStats,
    BatchResult,
    DuplicateLink,
    QuoteHit,
    SearchHit,
    StoryEvent,
)
from newsgraph.archive.repository import ExportKind
from newsgraph.errors import ArchiveError, FilterError, NotFoundError
from newsgraph.events.ontology import load_ontology
from newsgraph.model import Article
from newsgraph.model.article import EntityType
from newsgraph.service import filters, sql
from newsgraph.service.models import (
    ArticleDetail,
    ArticleRequest,
    ArticleSummary,
    DuplicateRequest,
    EntityDetail,
    EntityRequest,
    EntitySummary,
    EventPlace,
    EventRequest,
    FilterChoices,
    Health,
    Overview,
    Page,
    QuoteRequest,
    SearchRequest,
    TimelineMonth,
)
from newsgraph.service.pool import ArchivePool
from newsgraph.settings import Settings

if TYPE_CHECKING:
    from newsgraph.api import Extractor

T = TypeVar("T")
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)


def utc_today() -> date:
    """Today's date in UTC (relative date filters count from it)."""
    return datetime.now(UTC).date()


def page(found: list[T], limit: int, offset: int) -> Page[T]:
    """A page from up to limit + 1 items fetched at `offset` (the extra one says "more")."""
    more = len(found) > limit
    return Page[T](
        items=found[:limit],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more else None,
    )


class ArchiveService:
    """Queries and writes over one archive, for the CLI, the HTTP API and the web UI."""

    def __init__(
        self,
        settings: Settings,
        *,
        pool_size: int = 8,
        today: Callable[[], date] = utc_today,
        create: bool = True,
    ) -> None:
        self.settings = settings
        self.pool = ArchivePool(settings, pool_size, create=create)
        self.today = today
        self.vocabulary = filters.vocabulary(tuple(settings.languages))
        self._extractor: Extractor | None = None
        self._extract_lock = threading.Lock()

    def close(self) -> None:
        """Close every connection."""
        self.pool.close()

    def __enter__(self) -> ArchiveService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Filters -------------------------------------------------------------------------------

    def choices(self) -> FilterChoices:
        """Every value the filters accept."""
        ontology = load_ontology()
        return FilterChoices(
            countries=list(self.vocabulary.country_codes),
            categories=list(ontology.categories),
            cameo_roots={code: list(p) for code, (_, p) in self.vocabulary.cameo.items()},
            modes={name: list(c.modes) for name, c in ontology.categories.items()},
            languages=list(self.vocabulary.language_codes),
            relations=list(filters.RELATIONS),
            date_forms=[
                "YYYY-MM-DD",
                "YYYY-MM",
                "YYYY",
                "today",
                "yesterday",
                "Nd",
                "Nw",
                "Nm",
                "Ny",
            ],
        )

    def _lang(self, value: str | None) -> str | None:
        return filters.language(value, self.vocabulary) if value else None

    def _country(self, value: str | None) -> str | None:
        return filters.country(value, self.vocabulary) if value else None

    def _days(self, since: str | None, until: str | None) -> tuple[str | None, str | None]:
        today = self.today()
        first = filters.day(since, today, field="since") if since else None
        last = filters.day(until, today, field="until", end=True) if until else None
        if first and last and first > last:
            raise FilterError("since", since or "", f"must not be after until ({last})")
        return first, last

    def story_filter(self, request: EventRequest) -> sql.StoryFilter:
        """Validated story filters of an events request."""
        countries = [filters.country(c, self.vocabulary) for c in request.country]
        if request.dyad:
            countries.extend(filters.dyad(request.dyad, self.vocabulary))
        types: list[str] = []
        for value in request.category:
            types.extend(filters.categories(value, self.vocabulary))
        types = list(dict.fromkeys(types))
        since, until = self._days(request.since, request.until)
        return sql.StoryFilter(
            countries=list(dict.fromkeys(countries)),
            types=types,
            mode=filters.mode(request.mode, types) if request.mode else None,
            levels=(
                filters.confidence_levels(request.min_confidence) if request.min_confidence else []
            ),
            since=since,
            until=until,
            lang=self._lang(request.lang),
            entity=self._named("entity", request.entity, "story_actors"),
            exclude_translations=request.exclude_translations,
            independent_sources=request.independent_sources,
        )

    def _named(self, field: str, value: str | None, table: str) -> str | None:
        """A name filter's value, checked: a name that no stored entity bears and that `table`
        (the actors of stories or the speakers of quotes, surnames included) never holds cannot
        match, and is an error rather than an empty answer."""
        name = value.strip() if value else ""
        if not name:
            return None
        with self.pool.reader() as archive:
            key = queries.name_key(archive.db, name)
            held = archive.db.execute(f"SELECT 1 FROM {table} WHERE name = ? LIMIT 1", (key,))
            if not held and sql.entity_key(archive.db, name) is None:
                raise FilterError(
                    field, name, "no entity in the archive bears this name (see `entity NAME`)"
                )
        return name

    # Queries -------------------------------------------------------------------------------

    def articles(self, request: ArticleRequest) -> Page[ArticleSummary]:
        """Articles, newest published first."""
        since, until = self._days(request.since, request.until)
        lang, country = self._lang(request.lang), self._country(request.country)
        with self.pool.reader() as archive:
            found = sql.articles(
                archive.db,
                lang=lang,
                publisher=request.publisher.strip().lower() if request.publisher else None,
                country=country,
                since=since,
                until=until,
                limit=request.limit + 1,
                offset=request.offset,
            )
        return page(found, request.limit, request.offset)

    def article(self, article_id: str) -> ArticleDetail:
        """One article with every layer, the stories it joined and its duplicate links."""
        with self.pool.reader() as archive:
            found = archive.get_article(article_id)
            if found is None:
                raise NotFoundError(f"no article {article_id!r} in the archive")
            return ArticleDetail(
                article=found,
                stories=sql.article_links(archive.db, article_id),
                duplicates=archive.duplicates(article_id=article_id, limit=50),
            )

    def search(self, request: SearchRequest) -> Page[SearchHit]:
        """Full-text search, best first."""
        lang = self._lang(request.lang)
        with self.pool.reader() as archive:
            try:
                found = archive.search(
                    request.q, limit=request.offset + request.limit + 1, lang=lang
                )
            except ArchiveError as error:
                if "syntax" in str(error).lower() or "fts5" in str(error).lower():
                    raise FilterError("q", request.q, f"not a valid search: {error}") from error
                raise
        return page(found[request.offset :], request.limit, request.offset)

    def events(self, request: EventRequest) -> Page[StoryEvent]:
        """Story-level events matching every filter, newest first."""
        found = self.story_filter(request)
        with self.pool.reader() as archive:
            stories = sql.stories(
                archive.db,
                found,
                reports=request.reports,
                limit=request.limit + 1,
                offset=request.offset,
            )
        return page(stories, request.limit, request.offset)

    def timeline(self, request: EventRequest) -> list[TimelineMonth]:
        """Matching stories per month, cooperative vs conflictual (all of them, not one page)."""
        found = self.story_filter(request)
        with self.pool.reader() as archive:
            days = sql.story_days(archive.db, found)
        ontology = load_ontology()
        months: dict[str, TimelineMonth] = {}
        for day, kind, count in days:
            month = months.setdefault(day[:7], TimelineMonth(month=day[:7]))
            category = ontology.categories.get(kind)
            if category is not None and "conflict" in category.quad:
                month.conflict += count
            else:
                month.cooperation += count
        return [months[m] for m in sorted(months)]

    def places(self, request: EventRequest) -> list[EventPlace]:
        """Event locations of the stories matching the request (its page of stories)."""
        found = self.story_filter(request)
        with self.pool.reader() as archive:
            stories = sql.stories(
                archive.db, found, reports=False, limit=request.limit, offset=request.offset
            )
            return sql.places(archive.db, [s.story_id for s in stories])

    def story(self, story_id: str) -> StoryEvent:
        """One story with all its reports and their merge reasons."""
        with self.pool.reader() as archive:
            found = sql.story(archive.db, story_id)
        if found is None:
            raise NotFoundError(f"no story {story_id!r} in the archive")
        return found

    def quotes(self, request: QuoteRequest) -> Page[QuoteHit]:
        """Quotations by speaker, words and language, newest first."""
        lang = self._lang(request.lang)
        speaker = self._named("speaker", request.speaker, "quote_speakers")
        with self.pool.reader() as archive:
            found = queries.quotes(
                archive.db,
                speaker=speaker,
                contains=request.contains.strip() or None if request.contains else None,
                lang=lang,
                limit=request.limit + 1,
                offset=request.offset,
            )
        return page(found, request.limit, request.offset)

    def entities(self, request: EntityRequest) -> Page[EntitySummary]:
        """Entities by name prefix, type and country, most reported first."""
        kind = request.type.strip().upper() if request.type else None
        if kind and kind not in ENTITY_TYPES:
            raise FilterError("type", request.type or "", f"types: {', '.join(ENTITY_TYPES)}")
        country = self._country(request.country)
        with self.pool.reader() as archive:
            found = sql.entities(
                archive.db,
                prefix=request.name,
                kind=kind,
                country=country,
                limit=request.limit + 1,
                offset=request.offset,
            )
        return page(found, request.limit, request.offset)

    def entity(self, name: str, *, limit: int = 20) -> EntityDetail:
        """Profile of one entity by canonical id or any name it bears (the CLI's `entity`)."""
        with self.pool.reader() as archive:
            key = sql.entity_key(archive.db, name)
            found = archive.entity(key or name, limit=limit) if key else None
            facts = sql.entity_facts(archive.db, key) if key else {}
        if found is None or key is None:
            raise NotFoundError(f"no entity called {name!r} in the archive")
        return EntityDetail(
            **found.model_dump(),
            id=key,
            sector=facts.get("sector"),
            country_from=facts.get("country_from"),
        )

    def story_actors(self, story_ids: list[str]) -> list[sql.StoryActor]:
        """The actors of these stories, each as its entity group (canonical id)."""
        with self.pool.reader() as archive:
            return sql.story_actors(archive.db, story_ids)

    def health(self) -> Health:
        """Whether the archive answers, its backend, schema version and article count."""
        with self.pool.reader() as archive:
            rows = archive.db.execute("SELECT value FROM counters WHERE name = 'articles'")
            return Health(
                status="ok",
                backend=archive.backend,
                schema_version=archive.schema_version(),
                articles=int(rows[0][0]) if rows else 0,
            )

    def stats(self) -> ArchiveStats:
        """Counts, languages, publishers, dates and size."""
        with self.pool.reader() as archive:
            return archive.stats()

    def overview(self) -> Overview:
        """Counts, languages, categories and stories per month for the overview page."""
        with self.pool.reader() as archive:
            stats = archive.stats()
            db = archive.db
            # The writer's counters: counting rows of the large tables would read them whole.
            counts = stats.counts
            return Overview(
                articles=int(counts.get("articles", 0)),
                stories=int(counts.get("stories", 0)),
                quotes=int(counts.get("quotes", 0)),
                entities=sql.count(db, "entity_names WHERE articles > 0"),
                languages=[(c.value, c.count) for c in stats.languages],
                categories=sql.category_counts(db),
                months=sql.story_months(db),
            )

    def duplicates(self, request: DuplicateRequest) -> Page[DuplicateLink]:
        """Copies, rewrites and translations of earlier articles."""
        relation = filters.relation(request.relation) if request.relation else None
        with self.pool.reader() as archive:
            found = archive.duplicates(
                article_id=request.article_id,
                relation=relation,
                limit=request.offset + request.limit + 1,
            )
        return page(found[request.offset :], request.limit, request.offset)

    def export_rows(self, what: ExportKind, request: EventRequest) -> Iterator[dict[str, Any]]:
        """Export rows (the archive's own exporter) kept when they pass the request's filters."""
        found = self.story_filter(request)
        with self.pool.reader() as archive:
            translated: frozenset[str] = frozenset()
            if found.exclude_translations:
                rows = archive.db.execute(
                    "SELECT article_id FROM articles WHERE translated_from IS NOT NULL"
                )
                translated = frozenset(str(row[0]) for row in rows)
            keep = _row_filter(what, found, translated)
            for row in archive.export_rows(what):
                if keep(row):
                    yield row

    # Writes --------------------------------------------------------------------------------

    def extract(self, text: str, **meta: str | None) -> Article:
        """Run the pipeline on one text (plain or HTML); nothing is stored."""
        with self._extract_lock:
            if self._extractor is None:
                # Imported on first use: loading the pipeline is only needed for writes.
                from newsgraph.api import Extractor

                self._extractor = Extractor(self.settings)
            return self._extractor.extract_text(text, **meta)

    def store(self, text: str, **meta: str | None) -> tuple[Article, BatchResult]:
        """Extract one text and store it in the archive."""
        article = self.extract(text, **meta)
        with self.pool.writer() as archive:
            result = archive.add_articles([article])
        return article, result


def _row_filter(
    what: ExportKind, found: sql.StoryFilter, translated: frozenset[str] = frozenset()
) -> Callable[[dict[str, Any]], bool]:
    """A predicate applying the validated filters to flat export rows (`translated`: ids of
    articles detected as machine translations, left out when the request excludes them)."""
    date_key = "date" if what == "events" else "published"
    id_key = "source_article_id" if what == "events" else "article_id"

    def keep(row: dict[str, Any]) -> bool:
        if translated and str(row.get(id_key)) in translated:
            return False
        day = str(row.get(date_key) or "")[:10]
        if found.since and (not day or day < found.since):
            return False
        if found.until and (not day or day > found.until):
            return False
        if found.lang and row.get("lang") != found.lang:
            return False
        if what != "events":
            return True
        if found.types and row.get("category") not in found.types:
            return False
        if found.mode and row.get("mode") != found.mode:
            return False
        if found.levels and row.get("confidence_level") not in found.levels:
            return False
        if found.independent_sources and int(row.get("story_sources") or 0) < 2:
            return False
        listed = row.get("countries") or []
        if isinstance(listed, str):
            listed = listed.replace(";", ",").split(",")
        countries = {str(code) for code in listed}
        return all(c in countries for c in found.countries)

    return keep
