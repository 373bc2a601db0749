"""Flat exports of the archive: articles, events (one GDELT-like row per event) and quotes,
as JSON Lines, CSV or Parquet. The only module that imports pyarrow.

Rows are streamed page by page in archive order, so exporting a large archive needs little memory.
Columns are typed: dates are dates (with a separate precision column), country lists are lists
(arrays in Parquet and JSON, `;`-joined in CSV), counts are integers. Filters are checked before
anything is read: a value that cannot match is an error naming the valid choices.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from newsgraph.archive.clustering import DAY, MONTH, WEEK, YEAR
from newsgraph.archive.database import Database, Row
from newsgraph.archive.gdelt import actor_code, cameo_table
from newsgraph.errors import ArchiveError, ConfigError
from newsgraph.events.ontology import load_ontology
from newsgraph.events.trust import LEVELS, levels_at_least


class ExportWhat(StrEnum):
    """What an export holds (the CLI's `--what`, the API's `what`)."""

    articles = "articles"
    events = "events"
    quotes = "quotes"


class ExportFileFormat(StrEnum):
    """File format of an export, as a choice for the CLI and the API (`ExportFormat` values)."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


ExportFormat = Literal["jsonl", "csv", "parquet"]
PAGE = 500
FLOAT_COLUMNS = frozenset({"lat", "lon", "confidence", "goldstein"})
INT_COLUMNS = frozenset(
    {
        "version",
        "entities",
        "quotes",
        "events",
        "quote_index",
        "quad_class",
        "story_reports",
        "story_sources",
    }
)
DATE_COLUMNS = frozenset({"date", "date_end"})
LIST_COLUMNS = frozenset({"countries", "confidence_reasons"})
LIST_SEPARATOR = ";"
PRECISIONS = ((DAY, "day"), (WEEK, "week"), (MONTH, "month"), (YEAR, "year"))
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id",
        "version",
        "doc_key",
        "lang",
        "title",
        "published",
        "publisher",
        "source_url",
        "external_id",
        "input_path",
        "entities",
        "quotes",
        "events",
        "text",
    ),
    # One row per reported event, in the spirit of GDELT's event table: PLOVER category and mode
    # with the CAMEO code, root, QuadClass and Goldstein value; CAMEO-style actor codes.
    "events": (
        "event_id",
        "story_id",
        "date",
        "date_end",
        "date_precision",
        "date_from",
        "actor1",
        "actor1_code",
        "actor1_country",
        "actor2",
        "actor2_code",
        "actor2_country",
        "category",
        "mode",
        "cameo_code",
        "cameo_root",
        "quad_class",
        "goldstein",
        "countries",
        "location_name",
        "location_country",
        "lat",
        "lon",
        "story_reports",
        "story_sources",
        "source_article_id",
        "source_url",
        "publisher",
        "lang",
        "published",
        "evidence",
        "confidence",
        "confidence_level",
        "confidence_reasons",
    ),
    "quotes": (
        "article_id",
        "quote_index",
        "published",
        "lang",
        "publisher",
        "source_url",
        "speaker",
        "speaker_country",
        "addressee",
        "kind",
        "text",
        "cue",
    ),
}


@dataclass(frozen=True)
class ExportFilter:
    """Checked filters of an export: every given one must hold."""

    since: date | None = None
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    # Confidence levels an event must have (newsgraph.events.trust); every event when empty.
    levels: tuple[str, ...] = ()


def check_filters(
    db: Database,
    what: str,
    since: str | None = None,
    countries: Sequence[str] = (),
    types: Sequence[str] = (),
    min_confidence: str | None = None,
) -> ExportFilter:
    """Validated filters; ConfigError naming the valid choices for a value that cannot match."""
    if what not in COLUMNS:
        raise ConfigError(f"cannot export {what!r}; choose one of {', '.join(COLUMNS)}")
    day = None
    if since is not None:
        if not ISO_DATE.match(since.strip()):
            raise ConfigError(f"--since must be an ISO date such as 2024-10-14, not {since!r}")
        try:
            day = date.fromisoformat(since.strip())
        except ValueError as error:
            raise ConfigError(f"--since {since!r} is not a date: {error}") from error
    if (countries or types or min_confidence) and what != "events":
        raise ConfigError(f"--country, --type and --min-confidence filter events only, not {what}")
    levels: tuple[str, ...] = ()
    if min_confidence is not None:
        at_least = levels_at_least(min_confidence)
        if at_least is None:
            raise ConfigError(
                f"unknown confidence level {min_confidence!r}; choose from {', '.join(LEVELS)}"
            )
        levels = at_least
    ontology = load_ontology()
    checked_types = []
    for name in types:
        canonical = ontology.canonical(name)
        if canonical is None:
            known = ", ".join(ontology.categories)
            raise ConfigError(f"unknown PLOVER category {name!r}; choose from {known}")
        checked_types.append(canonical)
    checked_countries = [code.strip().upper() for code in countries]
    if checked_countries:
        present = {
            str(row[0]) for row in db.execute("SELECT DISTINCT country FROM story_countries")
        }
        missing = [code for code in checked_countries if code not in present]
        if missing:
            known = ", ".join(sorted(present)) or "none (the archive has no events)"
            raise ConfigError(
                f"no event in the archive involves {', '.join(missing)};"
                f" countries in the archive: {known}"
            )
    return ExportFilter(
        day, tuple(dict.fromkeys(checked_countries)), tuple(dict.fromkeys(checked_types)), levels
    )


def iter_rows(
    db: Database, what: str, filters: ExportFilter | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of `what` (articles, events or quotes) for current articles, in archive order."""
    builders = {"articles": _article_rows, "events": _event_rows, "quotes": _quote_rows}
    if what not in builders:
        raise ConfigError(f"cannot export {what!r}; choose one of {', '.join(builders)}")
    chosen = filters or ExportFilter()
    # Events carry their own dates; articles and quotes are filtered by publication day.
    since = chosen.since.isoformat() if chosen.since and what != "events" else None
    for page in _pages(db, since):
        yield from builders[what](db, page, chosen)


def _pages(db: Database, since: str | None) -> Iterator[list[Row]]:
    last = 0
    published = " AND published_day >= ?" if since else ""
    while True:
        page = db.execute(
            "SELECT seq, article_id, version, doc_key, lang, title, published, publisher,"
            " source_url, external_id, input_path, text FROM articles"
            f" WHERE is_current = 1 AND seq > ?{published} ORDER BY seq LIMIT ?",
            (last, since, PAGE) if since else (last, PAGE),
        )
        if not page:
            return
        yield page
        last = int(page[-1][0])


def _in(page: list[Row]) -> tuple[str, list[int]]:
    seqs = [int(row[0]) for row in page]
    return ", ".join("?" for _ in seqs), seqs


def _article_rows(db: Database, page: list[Row], _: ExportFilter) -> Iterator[dict[str, Any]]:
    marks, seqs = _in(page)
    counts: dict[str, dict[int, int]] = {}
    for table in ("entities", "quotes", "events"):
        rows = db.execute(
            f"SELECT article_seq, COUNT(*) FROM {table} WHERE article_seq IN ({marks})"
            " GROUP BY article_seq",
            seqs,
        )
        counts[table] = {int(seq): int(n) for seq, n in rows}
    for row in page:
        seq = int(row[0])
        yield dict(
            zip(COLUMNS["articles"][:10], row[1:11], strict=True),
            entities=counts["entities"].get(seq, 0),
            quotes=counts["quotes"].get(seq, 0),
            events=counts["events"].get(seq, 0),
            text=row[11],
        )


Actor = tuple[str | None, str | None, str | None]


def _event_filter(filters: ExportFilter) -> tuple[str, list[Any]]:
    """SQL conditions on `ev` (and its article `a`) for the event filters."""
    where, params = [], []
    if filters.since:
        where.append("COALESCE(ev.date_end, a.published_day) >= ?")
        params.append(filters.since.isoformat())
    if filters.types:
        where.append(f"ev.type IN ({', '.join('?' for _ in filters.types)})")
        params.extend(filters.types)
    if filters.levels:
        where.append(f"ev.confidence_level IN ({', '.join('?' for _ in filters.levels)})")
        params.extend(filters.levels)
    # A report matches when it involves every country asked for itself (not its story).
    for country in filters.countries:
        where.append("(',' || ev.countries || ',') LIKE ?")
        params.append(f"%,{country},%")
    return "".join(f" AND {condition}" for condition in where), params


def _event_rows(db: Database, page: list[Row], filters: ExportFilter) -> Iterator[dict[str, Any]]:
    marks, seqs = _in(page)
    articles = {int(row[0]): row for row in page}
    condition, params = _event_filter(filters)
    events = db.execute(
        "SELECT ev.article_seq, ev.event_id, ev.story_id, ev.date_value, ev.date_start,"
        " ev.date_end, ev.type, ev.mode, ev.countries, ev.location_name, ev.location_country,"
        " ev.lat, ev.lon, ev.evidence, ev.confidence, ev.date_from, ev.confidence_level,"
        " ev.confidence_reasons FROM events ev"
        " JOIN articles a ON a.seq = ev.article_seq"
        f" WHERE ev.article_seq IN ({marks}){condition} ORDER BY ev.article_seq, ev.event_id",
        [*seqs, *params],
    )
    if not events:
        return
    actors = _actors(db, marks, seqs)
    stories = _story_counts(db, sorted({str(ev[2]) for ev in events}))
    table = cameo_table()
    for ev in events:
        article = articles[int(ev[0])]
        first, second = _two_actors(actors[(int(ev[0]), ev[1])])
        cameo = table.code(ev[6], ev[7])
        reports, sources = stories.get(ev[2], (1, 1))
        yield {
            "event_id": f"{article[1]}/{ev[1]}",
            "story_id": ev[2],
            "date": _day(ev[4]),
            "date_end": _day(ev[5]),
            "date_precision": _precision(ev[3], ev[15]),
            "date_from": ev[15],
            "actor1": first[0],
            "actor1_code": actor_code(first[1], first[2]),
            "actor1_country": first[1],
            "actor2": second[0],
            "actor2_code": actor_code(second[1], second[2]),
            "actor2_country": second[1],
            "category": ev[6],
            "mode": ev[7],
            "cameo_code": cameo.code if cameo else None,
            "cameo_root": cameo.root if cameo else None,
            "quad_class": cameo.quad_class if cameo else None,
            "goldstein": cameo.goldstein if cameo else None,
            "countries": [c for c in (ev[8] or "").split(",") if c],
            "location_name": ev[9],
            "location_country": ev[10],
            "lat": ev[11],
            "lon": ev[12],
            "story_reports": reports,
            "story_sources": sources,
            "source_article_id": article[1],
            "source_url": article[8],
            "publisher": article[7],
            "lang": article[4],
            "published": article[6],
            "evidence": ev[13],
            "confidence": ev[14],
            "confidence_level": ev[16],
            "confidence_reasons": [r for r in (ev[17] or "").split(",") if r],
        }


def _actors(
    db: Database, marks: str, seqs: list[int]
) -> dict[tuple[int, str], dict[str, list[Actor]]]:
    """(name, country, sector) of each event's actors by role, in order."""
    found: dict[tuple[int, str], dict[str, list[Actor]]] = defaultdict(lambda: defaultdict(list))
    for seq, event_id, role, name, country, sector in db.execute(
        "SELECT ea.article_seq, ea.event_id, ea.role, en.name, en.country, en.sector"
        " FROM event_actors ea JOIN entities en ON en.article_seq = ea.article_seq"
        " AND en.entity_id = ea.entity_id"
        f" WHERE ea.article_seq IN ({marks}) ORDER BY ea.article_seq, ea.event_id, ea.role, ea.idx",
        seqs,
    ):
        found[(int(seq), event_id)][role].append((name, country, sector))
    return found


def _story_counts(db: Database, story_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Reports and independent sources of each story, over current articles.

    Sources are publishers (an article without one counts as its own source); a copy, rewrite or
    translation of another report in the story counts with its original, not as a new source.
    """
    reports: dict[str, int] = defaultdict(int)
    members: dict[str, dict[int, str]] = defaultdict(dict)
    for chunk_start in range(0, len(story_ids), PAGE):
        chunk = story_ids[chunk_start : chunk_start + PAGE]
        for story, seq, publisher in db.execute(
            "SELECT ev.story_id, a.seq, a.publisher FROM events ev"
            " JOIN articles a ON a.seq = ev.article_seq"
            f" WHERE ev.story_id IN ({', '.join('?' for _ in chunk)}) AND a.is_current = 1",
            chunk,
        ):
            reports[story] += 1
            members[story][int(seq)] = publisher or f"article {seq}"
    seqs = sorted({seq for found in members.values() for seq in found})
    originals: dict[int, set[int]] = defaultdict(set)
    for seq_start in range(0, len(seqs), PAGE):
        seq_chunk = seqs[seq_start : seq_start + PAGE]
        for newer, older in db.execute(
            "SELECT article_seq, original_seq FROM duplicates"
            f" WHERE article_seq IN ({', '.join('?' for _ in seq_chunk)})",
            seq_chunk,
        ):
            originals[int(newer)].add(int(older))
    counts = {}
    for story, found in members.items():
        sources = {
            publisher
            for seq, publisher in found.items()
            if not originals.get(seq, set()) & found.keys()
        }
        counts[story] = (reports[story], len(sources))
    return counts


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _precision(value: str | None, date_from: str | None) -> str | None:
    """How precise an event's date is: day, week, month or year; None without a date."""
    if date_from == "published":
        return "day"
    for pattern, name in PRECISIONS:
        if value and pattern.match(value):
            return name
    return None


def _two_actors(roles: dict[str, list[Actor]]) -> tuple[Actor, Actor]:
    """GDELT's actor1/actor2: the initiator and the recipient, else the first two actors."""
    ordered = [*roles.get("source", []), *roles.get("target", []), *roles.get("actor", [])]
    unique = list(dict.fromkeys(ordered))
    empty: Actor = (None, None, None)
    first = unique[0] if unique else empty
    second = unique[1] if len(unique) > 1 else empty
    return first, second


def _quote_rows(db: Database, page: list[Row], _: ExportFilter) -> Iterator[dict[str, Any]]:
    marks, seqs = _in(page)
    articles = {int(row[0]): row for row in page}
    for row in db.execute(
        "SELECT q.article_seq, q.idx, sp.name, sp.country, ad.name, q.kind, q.text, q.cue"
        " FROM quotes q"
        " LEFT JOIN entities sp ON sp.article_seq = q.article_seq AND sp.entity_id = q.speaker_id"
        " LEFT JOIN entities ad ON ad.article_seq = q.article_seq AND ad.entity_id = q.addressee_id"
        f" WHERE q.article_seq IN ({marks}) ORDER BY q.article_seq, q.idx",
        seqs,
    ):
        article = articles[int(row[0])]
        yield {
            "article_id": article[1],
            "quote_index": row[1],
            "published": article[6],
            "lang": article[4],
            "publisher": article[7],
            "source_url": article[8],
            "speaker": row[2],
            "speaker_country": row[3],
            "addressee": row[4],
            "kind": row[5],
            "text": row[6],
            "cue": row[7],
        }


def write_rows(rows: Iterable[dict[str, Any]], what: str, fmt: ExportFormat, out: Path) -> int:
    """Write rows to `out` in the chosen format; return how many were written."""
    writers = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
    if fmt not in writers:
        raise ConfigError(f"unknown export format {fmt!r}; choose jsonl, csv or parquet")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return writers[fmt](rows, COLUMNS[what], out)
    except OSError as error:
        raise ArchiveError(f"cannot write {out}: {error}") from error


def _write_jsonl(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {c: _json_value(row.get(c)) for c in columns}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _csv_value(row.get(c)) for c in columns})
            count += 1
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: Path) -> int:
    # Imported here: pyarrow takes a noticeable time to load and only this format needs it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(pa, name)) for name in columns])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= 5000:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                count += len(chunk)
                chunk = []
        if chunk or count == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return _json_value(value)


def _arrow_type(pa: Any, name: str) -> Any:
    if name in DATE_COLUMNS:
        return pa.date32()
    if name in LIST_COLUMNS:
        return pa.list_(pa.string())
    if name in FLOAT_COLUMNS:
        return pa.float64()
    if name in INT_COLUMNS:
        return pa.int64()
    return pa.string()
