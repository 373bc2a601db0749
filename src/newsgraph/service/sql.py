"""Read queries the service adds to the archive's own (`archive.queries`): paged article and
entity lists, events and quotes with the language and mode filters and offsets, overview counts.

Portable SQL with `?` placeholders only; values never enter the SQL text. Story and quote rows are
filled by the archive's own helpers, so every interface answers with the same records.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsgraph.archive import queries
from newsgraph.archive.database import Database
from newsgraph.archive.queries import equals_unindexed, newest_first
from newsgraph.archive.records import StoryEvent
from newsgraph.archive.rows import normalise_name
from newsgraph.service.models import (
    ArticleSummary,
    EntitySummary,
    EventLink,
    EventPlace,
    MonthCount,
)

ARTICLE_COLUMNS = "a.article_id, a.title, a.lang, a.published, a.publisher, a.source_url"


@dataclass
class StoryFilter:
    """Validated filters of a stories query (codes and ISO days, never user spellings)."""

    countries: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    mode: str | None = None
    # Confidence levels a report of the story must have (every story when empty).
    levels: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    lang: str | None = None
    entity: str | None = None
    exclude_translations: bool = False
    independent_sources: bool = False


# A story with a current report that is no translation.
UNTRANSLATED_REPORT = (
    "EXISTS (SELECT 1 FROM events ev JOIN articles a ON a.seq = ev.article_seq"
    " WHERE ev.story_id = s.story_id AND a.is_current = 1 AND a.translated_from IS NULL)"
)
# Independent publishers of a story's current reports, as export's story_sources counts them: an
# article without a publisher is its own source; a copy, rewrite or translation of another report
# of the story is left out (it counts with its original).
INDEPENDENT_SOURCES = (
    "(SELECT COUNT(DISTINCT COALESCE(a.publisher, 'article ' || CAST(a.seq AS TEXT)))"
    " FROM events ev JOIN articles a ON a.seq = ev.article_seq"
    " WHERE ev.story_id = s.story_id AND a.is_current = 1 AND NOT EXISTS ("
    "SELECT 1 FROM duplicates d JOIN events ev2 ON ev2.article_seq = d.original_seq"
    " JOIN articles o ON o.seq = d.original_seq"
    " WHERE d.article_seq = a.seq AND ev2.story_id = s.story_id AND o.is_current = 1))"
)


def articles(
    db: Database,
    *,
    lang: str | None,
    publisher: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> list[ArticleSummary]:
    """Current articles, newest published first (undated last)."""
    where, params = ["a.is_current = 1"], []
    for column, value in (("a.lang", lang), ("a.publisher", publisher)):
        if value:
            where.append(equals_unindexed(db, column))
            params.append(value)
    if since:
        where.append("a.published_day >= ?")
        params.append(since)
    if until:
        where.append("a.published_day <= ?")
        params.append(until)
    if country:
        where.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_seq = a.seq AND e.country = ?)"
        )
        params.append(country)
    rows = db.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {' AND '.join(where)}"
        f" ORDER BY {newest_first(db, 'a.published_day')}, a.seq DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleSummary(**queries._article_fields(row)) for row in rows]


def _story_source(db: Database, found: StoryFilter) -> tuple[str, list[str], list[Any]]:
    """FROM clause, WHERE conditions and parameters selecting the stories matching `found`."""
    where: list[str] = []
    params: list[Any] = []
    types = found.types
    type_filter = f" AND type IN ({queries.marks(types)})" if types else ""
    # Country, actor and mode filters are intersected in their own small indexes first, so the
    # stories table is only read for stories that pass them.
    subsets: list[str] = []
    for country in dict.fromkeys(found.countries):
        subsets.append(f"SELECT story_id FROM story_countries WHERE country = ?{type_filter}")
        params.extend([country, *types])
    if found.entity:
        subsets.append(f"SELECT story_id FROM story_actors WHERE name = ?{type_filter}")
        params.extend([queries.name_key(db, found.entity), *types])
    if found.mode:
        subsets.append(f"SELECT story_id FROM events WHERE mode = ?{type_filter}")
        params.extend([found.mode, *types])
    if found.levels:
        subsets.append(
            f"SELECT story_id FROM events WHERE confidence_level IN ({queries.marks(found.levels)})"
            f"{type_filter}"
        )
        params.extend([*found.levels, *types])
    source = "stories s"
    if subsets:
        source = (
            f"({' INTERSECT '.join(subsets)}) hits JOIN stories s ON s.story_id = hits.story_id"
        )
    elif types:
        where.append(f"s.type IN ({queries.marks(types)})")
        params.extend(types)
    countries = list(dict.fromkeys(found.countries))
    if countries:
        clause, values = queries.story_report_involves(countries)
        where.append(clause)
        params.extend(values)
    if found.since:
        where.append("s.date_end >= ?")
        params.append(found.since)
    if found.until:
        where.append("s.date_start <= ?")
        params.append(found.until)
    if found.lang:
        where.append("(',' || s.languages || ',') LIKE ?")
        params.append(f"%,{found.lang},%")
    if found.exclude_translations:
        where.append(UNTRANSLATED_REPORT)
    if found.independent_sources:
        where.append(f"{INDEPENDENT_SOURCES} >= 2")
    return source, where or ["1 = 1"], params


def stories(
    db: Database, found: StoryFilter, *, reports: bool, limit: int, offset: int
) -> list[StoryEvent]:
    """Story-level events matching every filter, newest first."""
    source, where, params = _story_source(db, found)
    rows = db.execute(
        f"SELECT s.story_id, s.type, s.date_start, s.date_end FROM {source}"
        f" WHERE {' AND '.join(where)}"
        f" ORDER BY {newest_first(db, 's.date_start')}, s.report_count DESC, s.story_id"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return queries._stories(db, rows, reports)


def story_days(db: Database, found: StoryFilter) -> list[tuple[str, str, int]]:
    """(first day, category, stories) of every dated story matching `found`."""
    source, where, params = _story_source(db, found)
    rows = db.execute(
        f"SELECT s.date_start, s.type, COUNT(*) FROM {source}"
        f" WHERE {' AND '.join(where)} AND s.date_start IS NOT NULL"
        " GROUP BY s.date_start, s.type",
        params,
    )
    return [(str(day), str(kind), int(count)) for day, kind, count in rows]


def story(db: Database, story_id: str) -> StoryEvent | None:
    """One story with its reports."""
    rows = db.execute(
        "SELECT story_id, type, date_start, date_end FROM stories WHERE story_id = ?", (story_id,)
    )
    found = queries._stories(db, rows, True)
    return found[0] if found else None


# An entity's group: its canonical id, else (not linked by the knowledge) its canonical name.
ENTITY_KEY = "COALESCE(e.canonical_id, e.norm_canonical, e.norm_name)"


def entities(
    db: Database,
    *,
    prefix: str | None,
    kind: str | None,
    country: str | None,
    limit: int,
    offset: int,
) -> list[EntitySummary]:
    """Actors grouped by canonical id, most articles first, by name prefix, type and country.

    The name prefix matches any name the actor was written as, its canonical name or its id."""
    where: list[str] = []
    params: list[Any] = []
    if prefix:
        # Names are case-folded already, so LIKE means the same on both backends.
        pattern = re.sub(r"([\\%_])", r"\\\1", normalise_name(prefix)) + "%"
        where.append(
            "g.group_key IN (SELECT group_key FROM entity_groups WHERE articles > 0 AND"
            " (norm_name LIKE ? ESCAPE '\\' OR norm_canonical LIKE ? ESCAPE '\\'"
            " OR group_key = ?))"
        )
        params.extend([pattern, pattern, prefix.strip()])
    if kind:
        where.append("g.type = ?")
        params.append(kind)
    if country:
        where.append("g.country = ?")
        params.append(country)
    # The writer keeps `entity_groups` (one row per way an actor was written), so a page of
    # actors aggregates those rows, not the entities table.
    rows = db.execute(
        "SELECT g.group_key, SUM(g.articles), SUM(g.mentions) FROM entity_groups g"
        f" WHERE {' AND '.join(['g.articles > 0', *where])} GROUP BY g.group_key"
        " ORDER BY SUM(g.articles) DESC, g.group_key LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    if not rows:
        return []
    facts = _entity_facts(db, [str(r[0]) for r in rows])
    return [
        EntitySummary(id=str(key), articles=int(n), mentions=int(m or 0), **facts[str(key)])
        for key, n, m in rows
    ]


def _entity_facts(db: Database, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Per entity group: canonical name, type, country, sector, country source, names written."""
    rows = db.execute(
        "SELECT group_key, name, canonical, type, country, sector, country_from, articles"
        f" FROM entity_groups WHERE articles > 0 AND group_key IN ({queries.marks(keys)})",
        keys,
    )
    tallies: dict[str, list[Counter[str]]] = {}
    for key, name, canonical, kind, country, sector, country_from, n in rows:
        found = tallies.setdefault(str(key), [Counter() for _ in range(6)])
        for counter, value in zip(
            found, (name, canonical or name, kind, country, sector, country_from), strict=True
        ):
            if value:
                counter[str(value)] += int(n)

    def top(counter: Counter[str]) -> str | None:
        return min(counter, key=lambda v: (-counter[v], v)) if counter else None

    return {
        key: {
            "name": top(found[1]) or key,
            "type": top(found[2]) or "",
            "country": top(found[3]),
            "sector": top(found[4]),
            "country_from": top(found[5]),
            "names": sorted(found[0], key=lambda v: (-found[0][v], v)),
        }
        for key, found in tallies.items()
    }


def entity_key(db: Database, name: str) -> str | None:
    """The entity group a name or id stands for (see `entities`); None when nothing bears it."""
    text = name.strip()
    if db.execute("SELECT 1 FROM entities WHERE canonical_id = ? LIMIT 1", (text,)):
        return text
    norm = normalise_name(text)
    # An entity called by the name wins over one that only has it as its canonical name (a city
    # the gazetteer files under its country's name); then the most reported.
    rows = db.execute(
        f"SELECT {ENTITY_KEY}, MAX(CASE WHEN e.norm_name = ? THEN 1 ELSE 0 END) AS named,"
        " COUNT(*) AS n FROM entities e"
        " WHERE e.norm_name = ? OR e.norm_canonical = ?"
        f" GROUP BY {ENTITY_KEY} ORDER BY named DESC, n DESC, {ENTITY_KEY} LIMIT 1",
        (norm, norm, norm),
    )
    return str(rows[0][0]) if rows else None


def entity_facts(db: Database, key: str) -> dict[str, Any]:
    """Canonical name, type, country, sector, country source and names of one entity group."""
    return _entity_facts(db, [key]).get(key, {})


@dataclass(frozen=True)
class StoryActor:
    """An actor of a story's reports, as its entity group."""

    story_id: str
    key: str
    name: str
    type: str
    country: str | None


def story_actors(db: Database, story_ids: list[str]) -> list[StoryActor]:
    """The actors of these stories' events, with their canonical id (or name) and country."""
    if not story_ids:
        return []
    rows = db.execute(
        f"SELECT DISTINCT ev.story_id, {ENTITY_KEY}, COALESCE(e.canonical, e.name), e.type,"
        " e.country FROM events ev JOIN event_actors ea"
        " ON ea.article_seq = ev.article_seq AND ea.event_id = ev.event_id"
        " JOIN entities e ON e.article_seq = ea.article_seq AND e.entity_id = ea.entity_id"
        f" WHERE ev.story_id IN ({queries.marks(story_ids)})",
        story_ids,
    )
    return [
        StoryActor(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]) if r[4] else None)
        for r in rows
    ]


def article_links(db: Database, article_id: str) -> list[EventLink]:
    """The stories an article's events joined, and why."""
    rows = db.execute(
        "SELECT ev.event_id, ev.story_id, ev.story_reason FROM events ev"
        " JOIN articles a ON a.seq = ev.article_seq WHERE a.article_id = ? ORDER BY ev.event_id",
        (article_id,),
    )
    return [EventLink(event_id=r[0], story_id=r[1], reason=r[2]) for r in rows]


def story_months(db: Database) -> list[MonthCount]:
    """Stories per month of their first day (grouped by day in the date index, then by month)."""
    months: Counter[str] = Counter()
    for day, count in db.execute(
        "SELECT date_start, COUNT(*) FROM stories WHERE date_start IS NOT NULL GROUP BY date_start"
    ):
        months[str(day)[:7]] += int(count)
    return [MonthCount(month=m, count=n) for m, n in sorted(months.items())]


def category_counts(db: Database) -> list[tuple[str, int]]:
    """Stories per PLOVER category, most first."""
    rows = db.execute("SELECT type, COUNT(*) FROM stories GROUP BY type ORDER BY 2 DESC, 1")
    return [(str(t), int(n)) for t, n in rows]


def count(db: Database, table: str) -> int:
    """Rows of one of the archive's own tables (the name is never user input)."""
    return int(db.execute(f"SELECT COUNT(*) FROM {table}")[0][0])


def places(db: Database, story_ids: list[str]) -> list[EventPlace]:
    """Where the reports of these stories place their events, most reported first."""
    if not story_ids:
        return []
    rows = db.execute(
        "SELECT ev.location_name, ev.location_country, AVG(ev.lat), AVG(ev.lon), COUNT(*),"
        " MIN(ev.story_id) FROM events ev"
        f" WHERE ev.story_id IN ({queries.marks(story_ids)}) AND ev.lat IS NOT NULL"
        " AND ev.lon IS NOT NULL GROUP BY ev.location_name, ev.location_country"
        " ORDER BY COUNT(*) DESC, ev.location_name",
        story_ids,
    )
    return [
        EventPlace(
            name=str(r[0] or ""),
            country=r[1],
            lat=float(r[2]),
            lon=float(r[3]),
            reports=int(r[4]),
            story_id=str(r[5]),
        )
        for r in rows
    ]
