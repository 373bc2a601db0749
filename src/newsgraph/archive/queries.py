"""The read side of the archive: portable SQL answering the query kinds of the CLI and API.

Every query reads current versions only and returns records from `records.py`. Names are matched
in their normalised form (NFKC, case-folded) against an entity's name or its canonical name, so
"Dong Jun" finds the same person in every language that spells him so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from newsgraph.archive.database import Database, Row
from newsgraph.archive.records import (
    Count,
    DuplicateLink,
    EntityProfile,
    EventQuery,
    FailureRecord,
    QuoteHit,
    SearchHit,
    StoryEvent,
    StoryReport,
    TimelinePoint,
)
from newsgraph.archive.rows import normalise_name

ARTICLE_COLUMNS = "a.article_id, a.title, a.lang, a.published, a.publisher, a.source_url"
MAX_ACTORS = 6


# Canonical ids made from an entity's own name, not from knowledge or the gazetteer.
DERIVED_ID_PREFIXES = ("per:", "org:", "place:", "prod:", "evt:", "drv:")


def marks(values: Sequence[Any]) -> str:
    """`?, ?, ?` for an IN list of `values`."""
    return ", ".join("?" for _ in values)


def story_report_involves(countries: list[str]) -> tuple[str, list[str]]:
    """WHERE clause (on stories `s`) and its parameters: one current report of the story involves
    every country asked for itself. Countries spread over several reports of a story are not one
    event between them."""
    involves = " AND ".join("(',' || ev.countries || ',') LIKE ?" for _ in countries)
    clause = (
        "EXISTS (SELECT 1 FROM events ev JOIN articles a ON a.seq = ev.article_seq"
        f" WHERE ev.story_id = s.story_id AND a.is_current = 1 AND {involves})"
    )
    return clause, [f"%,{country},%" for country in countries]


def search(db: Database, query: str, limit: int, lang: str | None) -> list[SearchHit]:
    """Full-text hits, best first."""
    hits = db.search(query, limit, lang)
    if not hits:
        return []
    seqs = [int(row[0]) for row in hits]
    rows = db.execute(
        f"SELECT a.seq, {ARTICLE_COLUMNS} FROM articles a WHERE a.seq IN ({marks(seqs)})", seqs
    )
    articles = {int(row[0]): row[1:] for row in rows}
    return [
        SearchHit(
            **_article_fields(articles[int(seq)]),
            snippet=str(snippet),
            score=round(float(score), 4),
        )
        for seq, score, snippet in hits
    ]


def events(db: Database, query: EventQuery, reports: bool) -> list[StoryEvent]:
    """Story-level events matching every filter, newest first."""
    where: list[str] = []
    params: list[Any] = []
    types = [t.upper() for t in query.types]
    type_filter = f" AND type IN ({marks(types)})" if types else ""
    # Country and actor filters are intersected in their own small indexes first, so the
    # stories table is only read for stories that pass them.
    subsets: list[str] = []
    countries = list(dict.fromkeys(c.upper() for c in query.countries))
    for country in countries:
        subsets.append(f"SELECT story_id FROM story_countries WHERE country = ?{type_filter}")
        params.extend([country, *types])
    if query.entity:
        subsets.append(f"SELECT story_id FROM story_actors WHERE name = ?{type_filter}")
        params.extend([name_key(db, query.entity), *types])
    source = "stories s"
    if subsets:
        source = (
            f"({' INTERSECT '.join(subsets)}) hits JOIN stories s ON s.story_id = hits.story_id"
        )
    elif types:
        where.append(f"s.type IN ({marks(types)})")
        params.extend(types)
    if countries:
        clause, values = story_report_involves(countries)
        where.append(clause)
        params.extend(values)
    if query.since:
        where.append("s.date_end >= ?")
        params.append(query.since)
    if query.until:
        where.append("s.date_start <= ?")
        params.append(query.until)
    rows = db.execute(
        f"SELECT s.story_id, s.type, s.date_start, s.date_end FROM {source}"
        f" WHERE {' AND '.join(where) or '1 = 1'}"
        " ORDER BY (s.date_start IS NULL), s.date_start DESC, s.report_count DESC, s.story_id"
        " LIMIT ?",
        [*params, query.limit],
    )
    return _stories(db, rows, reports)


def _stories(db: Database, rows: Sequence[Row], with_reports: bool) -> list[StoryEvent]:
    """Fill story rows (id, type, start, end) with their current reports, countries and actors."""
    ids = [row[0] for row in rows]
    if not ids:
        return []
    reports = _reports(db, ids)
    countries: dict[str, list[str]] = defaultdict(list)
    for story, country in db.execute(
        "SELECT DISTINCT story_id, country FROM story_countries"
        f" WHERE story_id IN ({marks(ids)}) ORDER BY country",
        ids,
    ):
        countries[story].append(country)
    actors = _actors(db, ids)
    stories = []
    for story, kind, start, end in rows:
        found = reports.get(story, [])
        if not found:
            continue
        stories.append(
            StoryEvent(
                story_id=story,
                type=kind,
                date_start=start,
                date_end=end,
                countries=countries[story],
                actors=actors[story],
                report_count=len(found),
                languages=sorted({r.lang for r in found if r.lang}),
                reports=found if with_reports else [],
            )
        )
    return stories


def _reports(db: Database, ids: Sequence[str]) -> dict[str, list[StoryReport]]:
    rows = db.execute(
        f"SELECT ev.story_id, {ARTICLE_COLUMNS}, ev.event_id, ev.date_value, ev.countries,"
        " ev.evidence, ev.story_reason, ev.confidence_level, ev.confidence_reasons"
        " FROM events ev JOIN articles a ON a.seq = ev.article_seq"
        f" WHERE ev.story_id IN ({marks(ids)}) AND a.is_current = 1"
        " ORDER BY ev.story_id, a.seq, ev.event_id",
        ids,
    )
    found: dict[str, list[StoryReport]] = defaultdict(list)
    for row in rows:
        found[row[0]].append(
            StoryReport(
                **_article_fields(row[1:7]),
                event_id=row[7],
                date=row[8],
                countries=[c for c in (row[9] or "").split(",") if c],
                evidence=row[10],
                reason=row[11],
                confidence_level=row[12],
                confidence_reasons=[r for r in (row[13] or "").split(",") if r],
            )
        )
    return found


def _actors(db: Database, ids: Sequence[str]) -> dict[str, list[str]]:
    rows = db.execute(
        "SELECT ev.story_id, en.name FROM events ev JOIN event_actors ea"
        " ON ea.article_seq = ev.article_seq AND ea.event_id = ev.event_id"
        " JOIN entities en ON en.article_seq = ea.article_seq AND en.entity_id = ea.entity_id"
        f" WHERE ev.story_id IN ({marks(ids)})",
        ids,
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for story, name in rows:
        counts[story][name] += 1
    return defaultdict(
        list,
        {
            story: [name for name, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))][
                :MAX_ACTORS
            ]
            for story, c in counts.items()
        },
    )


def name_key(db: Database, name: str) -> str:
    """The name key a query name or id stands for.

    An entity's canonical id ("Q22686", "country:RUS") is a key itself. A name that some stored
    entity bears resolves to that entity's canonical id when the id comes from knowledge or the
    gazetteer, so "Russland" finds "Russia" and "Trump" finds "Donald Trump". Otherwise the name
    itself is the key (for a one-word name it also holds the surnames of persons named in full:
    "Esper" finds "Mark Esper").
    """
    key = normalise_name(name)
    if db.execute("SELECT 1 FROM entities WHERE canonical_id = ? LIMIT 1", (name.strip(),)):
        return key
    rows = db.execute(
        "SELECT canonical_id, COUNT(*) FROM entities"
        " WHERE (norm_name = ? OR norm_canonical = ?) AND canonical_id IS NOT NULL"
        " GROUP BY canonical_id ORDER BY COUNT(*) DESC, canonical_id LIMIT 1",
        (key, key),
    )
    if rows:
        found = str(rows[0][0])
        # A key derived from the name alone (per:esper) links no better than the name.
        if not found.startswith(DERIVED_ID_PREFIXES):
            return normalise_name(found)
    return key


def newest_first(db: Database, column: str) -> str:
    """`column DESC` with NULLs last on both backends (SQLite puts them last already; writing
    NULLS LAST there would stop it from reading the date index backwards)."""
    return f"{column} DESC NULLS LAST" if db.dialect == "postgres" else f"{column} DESC"


def equals_unindexed(db: Database, column: str) -> str:
    """`column = ?` that SQLite checks row by row (unary +) instead of driving the query from the
    column's index: lists are ordered by date, so walking the date index and stopping at the
    page's end beats collecting every row of a common language first."""
    return f"{column} = ?" if db.dialect == "postgres" else f"+{column} = ?"


def quotes(
    db: Database,
    *,
    speaker: str | None = None,
    contains: str | None = None,
    lang: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[QuoteHit]:
    """Quotes by a speaker, containing words and/or in a language, newest article first."""
    where: list[str] = ["a.is_current = 1"]
    params: list[Any] = []
    if contains:
        seqs = [int(row[0]) for row in db.search(contains, 1000, lang)]
        if not seqs:
            return []
        where.append(f"q.article_seq IN ({marks(seqs)})")
        params.extend(seqs)
    if lang:
        where.append(equals_unindexed(db, "a.lang"))
        params.append(lang)
    if speaker:
        source = (
            "quote_speakers qs JOIN quotes q ON q.article_seq = qs.article_seq AND q.idx = qs.idx"
        )
        where.insert(0, "qs.name = ?")
        params.insert(0, name_key(db, speaker))
        order = "qs.published_day DESC, qs.article_seq DESC, qs.idx"
        source += " JOIN articles a ON a.seq = q.article_seq"
    else:
        # Driven from the articles' date index: the newest articles' quotes are read first.
        source = "articles a JOIN quotes q ON q.article_seq = a.seq"
        order = f"{newest_first(db, 'a.published_day')}, a.seq DESC, q.idx"
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, sp.name, ad.name, q.kind, q.text FROM {source}"
        " LEFT JOIN entities sp ON sp.article_seq = q.article_seq AND sp.entity_id = q.speaker_id"
        " LEFT JOIN entities ad ON ad.article_seq = q.article_seq AND ad.entity_id = q.addressee_id"
        f" WHERE {' AND '.join(where)} ORDER BY {order}"
    )
    needle = normalise_name(contains) if contains else None
    if needle is None:
        rows = db.execute(sql + " LIMIT ? OFFSET ?", [*params, limit, offset])
    else:
        # The phrase itself is checked on the quote text, after the full-text narrowing.
        matching = [r for r in db.execute(sql, params) if needle in normalise_name(r[9])]
        rows = matching[offset : offset + limit]
    return [
        QuoteHit(
            **_article_fields(row[:6]),
            speaker=row[6],
            addressee=row[7],
            kind=row[8],
            text=row[9],
        )
        for row in rows
    ]


def entity(db: Database, name: str, limit: int) -> EntityProfile | None:
    """Profile of an entity across articles (from the rollups); None when no article names it.

    `name` is any name the entity bears in any language, or its canonical id."""
    key = name_key(db, name)
    rows = db.execute(
        "SELECT name, type, country, articles, mentions, first_seen, last_seen FROM entity_names"
        " WHERE name_key = ? AND articles > 0",
        (key,),
    )
    if not rows:
        return None
    names, types, countries = Counter[str](), Counter[str](), Counter[str]()
    for entity_name, kind, country, articles, _, _, _ in rows:
        names[entity_name] += int(articles)
        types[kind] += int(articles)
        if country:
            countries[country] += int(articles)
    firsts = [row[5] for row in rows if row[5]]
    lasts = [row[6] for row in rows if row[6]]
    titles = db.execute(
        "SELECT title, count FROM entity_titles WHERE name_key = ? AND count > 0"
        " ORDER BY count DESC, title LIMIT ?",
        (key, limit),
    )
    months = db.execute(
        "SELECT month, articles, mentions FROM entity_months WHERE name_key = ? AND articles > 0"
        " ORDER BY month",
        (key,),
    )
    return EntityProfile(
        name=names.most_common(1)[0][0],
        type=types.most_common(1)[0][0],
        country=countries.most_common(1)[0][0] if countries else None,
        names=_counts(names),
        article_count=sum(int(row[3]) for row in rows),
        mention_count=sum(int(row[4]) for row in rows),
        first_seen=min(firsts, default=None),
        last_seen=max(lasts, default=None),
        titles=[Count(value=str(title), count=int(count)) for title, count in titles],
        quotes=quotes(db, speaker=name, limit=limit),
        events=events(db, EventQuery(entity=name, limit=limit), reports=False),
        timeline=[
            TimelinePoint(month=str(month), articles=int(n), mentions=int(m))
            for month, n, m in months
        ],
    )


def failures(db: Database, limit: int) -> list[FailureRecord]:
    """Recorded failures, newest first."""
    rows = db.execute(
        "SELECT f.input_path, a.article_id, f.stage, f.reason, f.recorded_at FROM failures f"
        " LEFT JOIN articles a ON a.seq = f.article_seq"
        " ORDER BY f.recorded_at DESC, f.failure_key LIMIT ?",
        (limit,),
    )
    return [
        FailureRecord(input_path=r[0], article_id=r[1], stage=r[2], reason=r[3], recorded_at=r[4])
        for r in rows
    ]


def duplicates(
    db: Database, article_id: str | None, relation: str | None, limit: int
) -> list[DuplicateLink]:
    """Duplicate links, newest article first."""
    where, params = ["1 = 1"], []
    if article_id:
        where.append("(a.article_id = ? OR o.article_id = ?)")
        params.extend([article_id, article_id])
    if relation:
        where.append("d.relation = ?")
        params.append(relation)
    rows = db.execute(
        "SELECT a.article_id, a.title, a.lang, o.article_id, o.title, o.lang, d.relation,"
        " d.similarity, d.reason FROM duplicates d JOIN articles a ON a.seq = d.article_seq"
        f" JOIN articles o ON o.seq = d.original_seq WHERE {' AND '.join(where)}"
        " ORDER BY d.article_seq DESC, d.original_seq LIMIT ?",
        [*params, limit],
    )
    return [
        DuplicateLink(
            article_id=r[0],
            title=r[1],
            lang=r[2],
            original_id=r[3],
            original_title=r[4],
            original_lang=r[5],
            relation=r[6],
            similarity=float(r[7]),
            reason=r[8],
        )
        for r in rows
    ]


def _article_fields(row: Sequence[Any]) -> dict[str, Any]:
    keys = ("article_id", "title", "lang", "published", "publisher", "source_url")
    return dict(zip(keys, row, strict=True))


def _counts(counter: Counter[str]) -> list[Count]:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Count(value=value, count=count) for value, count in ordered]
