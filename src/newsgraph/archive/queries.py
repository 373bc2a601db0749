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
NAME_MATCH = "(en.norm_name = ? OR en.norm_canonical = ?)"
MAX_ACTORS = 6


def marks(values: Sequence[Any]) -> str:
    """`?, ?, ?` for an IN list of `values`."""
    return ", ".join("?" for _ in values)


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
    where, params = ["1 = 1"], []
    if query.types:
        where.append(f"s.type IN ({marks(query.types)})")
        params.extend(query.types)
    if query.since:
        where.append("s.date_end >= ?")
        params.append(query.since)
    if query.until:
        where.append("s.date_start <= ?")
        params.append(query.until)
    for country in dict.fromkeys(query.countries):
        where.append("s.story_id IN (SELECT story_id FROM story_countries WHERE country = ?)")
        params.append(country.upper())
    if query.entity:
        name = normalise_name(query.entity)
        where.append(
            "s.story_id IN (SELECT ev.story_id FROM entities en JOIN event_actors ea"
            " ON ea.article_seq = en.article_seq AND ea.entity_id = en.entity_id"
            " JOIN events ev ON ev.article_seq = ea.article_seq AND ev.event_id = ea.event_id"
            f" WHERE {NAME_MATCH})"
        )
        params.extend([name, name])
    rows = db.execute(
        "SELECT s.story_id, s.type, s.date_start, s.date_end FROM stories s"
        f" WHERE {' AND '.join(where)}"
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
        f"SELECT story_id, country FROM story_countries WHERE story_id IN ({marks(ids)})"
        " ORDER BY country",
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
        " ev.evidence, ev.story_reason FROM events ev JOIN articles a ON a.seq = ev.article_seq"
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


def quotes(db: Database, speaker: str | None, contains: str | None, limit: int) -> list[QuoteHit]:
    """Quotes by a speaker and/or containing a phrase, newest article first."""
    where: list[str] = ["a.is_current = 1"]
    params: list[Any] = []
    if speaker:
        name = normalise_name(speaker)
        where.append("(sp.norm_name = ? OR sp.norm_canonical = ?)")
        params.extend([name, name])
    if contains:
        # The full-text index narrows the articles down (its 1,000 best); the phrase itself is
        # checked in the quotes below.
        seqs = [int(row[0]) for row in db.search(contains, 1000, None)]
        if not seqs:
            return []
        where.append(f"q.article_seq IN ({marks(seqs)})")
        params.extend(seqs)
    speaker_join = "JOIN" if speaker else "LEFT JOIN"
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, sp.name, ad.name, q.kind, q.text FROM quotes q"
        " JOIN articles a ON a.seq = q.article_seq"
        f" {speaker_join} entities sp"
        " ON sp.article_seq = q.article_seq AND sp.entity_id = q.speaker_id"
        " LEFT JOIN entities ad ON ad.article_seq = q.article_seq AND ad.entity_id = q.addressee_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY (a.published_day IS NULL), a.published_day DESC, a.seq DESC, q.idx LIMIT ?"
    )
    needle = normalise_name(contains) if contains else None
    hits = []
    for row in db.execute(sql, [*params, limit if needle is None else limit * 20]):
        if needle is not None and needle not in normalise_name(row[9]):
            continue
        hits.append(
            QuoteHit(
                **_article_fields(row[:6]),
                speaker=row[6],
                addressee=row[7],
                kind=row[8],
                text=row[9],
            )
        )
    return hits[:limit]


def entity(db: Database, name: str, limit: int) -> EntityProfile | None:
    """Profile of an entity across articles; None when no article names it."""
    key = normalise_name(name)
    rows = db.execute(
        "SELECT en.name, en.type, en.country, en.mention_count, a.published_day, en.article_seq"
        " FROM entities en JOIN articles a ON a.seq = en.article_seq"
        f" WHERE {NAME_MATCH} AND a.is_current = 1",
        (key, key),
    )
    if not rows:
        return None
    names, types, countries = Counter[str](), Counter[str](), Counter[str]()
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    articles: set[int] = set()
    for entity_name, kind, country, mentions, day, seq in rows:
        names[entity_name] += 1
        types[kind] += 1
        if country:
            countries[country] += 1
        articles.add(int(seq))
        if day:
            months[day[:7]][0] += 1
            months[day[:7]][1] += int(mentions)
    days = sorted(row[4] for row in rows if row[4])
    titles = db.execute(
        "SELECT COALESCE(t.canonical, t.text) FROM titles t JOIN entities en"
        " ON en.article_seq = t.article_seq AND en.entity_id = t.entity_id"
        f" JOIN articles a ON a.seq = t.article_seq WHERE {NAME_MATCH} AND a.is_current = 1",
        (key, key),
    )
    return EntityProfile(
        name=names.most_common(1)[0][0],
        type=types.most_common(1)[0][0],
        country=countries.most_common(1)[0][0] if countries else None,
        names=_counts(names),
        article_count=len(articles),
        mention_count=sum(int(row[3]) for row in rows),
        first_seen=days[0] if days else None,
        last_seen=days[-1] if days else None,
        titles=_counts(Counter(str(row[0]) for row in titles))[:limit],
        quotes=quotes(db, name, None, limit),
        events=events(db, EventQuery(entity=name, limit=limit), reports=False),
        timeline=[
            TimelinePoint(month=month, articles=value[0], mentions=value[1])
            for month, value in sorted(months.items())
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
