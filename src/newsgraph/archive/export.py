"""Flat exports of the archive: articles, events (one GDELT-like row per event) and quotes,
as JSON Lines, CSV or Parquet. The only module that imports pyarrow.

Rows are streamed page by page in archive order, so exporting a large archive needs little memory.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from newsgraph.archive.database import Database, Row
from newsgraph.errors import ArchiveError, ConfigError

ExportFormat = Literal["jsonl", "csv", "parquet"]
PAGE = 500
FLOAT_COLUMNS = frozenset({"lat", "lon", "confidence"})
INT_COLUMNS = frozenset({"version", "entities", "quotes", "events", "quote_index"})

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
    # One row per reported event, in the spirit of GDELT's event table.
    "events": (
        "event_id",
        "story_id",
        "date",
        "date_start",
        "date_end",
        "actor1",
        "actor1_country",
        "actor2",
        "actor2_country",
        "category",
        "mode",
        "countries",
        "location_name",
        "location_country",
        "lat",
        "lon",
        "source_article_id",
        "source_url",
        "publisher",
        "lang",
        "published",
        "evidence",
        "confidence",
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


def iter_rows(db: Database, what: str) -> Iterator[dict[str, Any]]:
    """Rows of `what` (articles, events or quotes) for current articles, in archive order."""
    builders = {"articles": _article_rows, "events": _event_rows, "quotes": _quote_rows}
    if what not in builders:
        raise ConfigError(f"cannot export {what!r}; choose one of {', '.join(builders)}")
    for page in _pages(db):
        yield from builders[what](db, page)


def _pages(db: Database) -> Iterator[list[Row]]:
    last = 0
    while True:
        page = db.execute(
            "SELECT seq, article_id, version, doc_key, lang, title, published, publisher,"
            " source_url, external_id, input_path, text FROM articles"
            " WHERE is_current = 1 AND seq > ? ORDER BY seq LIMIT ?",
            (last, PAGE),
        )
        if not page:
            return
        yield page
        last = int(page[-1][0])


def _in(page: list[Row]) -> tuple[str, list[int]]:
    seqs = [int(row[0]) for row in page]
    return ", ".join("?" for _ in seqs), seqs


def _article_rows(db: Database, page: list[Row]) -> Iterator[dict[str, Any]]:
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


def _event_rows(db: Database, page: list[Row]) -> Iterator[dict[str, Any]]:
    marks, seqs = _in(page)
    articles = {int(row[0]): row for row in page}
    actors: dict[tuple[int, str], dict[str, list[tuple[str, str | None]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for seq, event_id, role, name, country in db.execute(
        "SELECT ea.article_seq, ea.event_id, ea.role, en.name, en.country FROM event_actors ea"
        " JOIN entities en ON en.article_seq = ea.article_seq AND en.entity_id = ea.entity_id"
        f" WHERE ea.article_seq IN ({marks}) ORDER BY ea.article_seq, ea.event_id, ea.role, ea.idx",
        seqs,
    ):
        actors[(int(seq), event_id)][role].append((name, country))
    for ev in db.execute(
        "SELECT article_seq, event_id, story_id, date_value, date_start, date_end, type, mode,"
        " countries, location_name, location_country, lat, lon, evidence, confidence"
        f" FROM events WHERE article_seq IN ({marks}) ORDER BY article_seq, event_id",
        seqs,
    ):
        article = articles[int(ev[0])]
        first, second = _two_actors(actors[(int(ev[0]), ev[1])])
        yield {
            "event_id": f"{article[1]}/{ev[1]}",
            "story_id": ev[2],
            "date": ev[3],
            "date_start": ev[4],
            "date_end": ev[5],
            "actor1": first[0],
            "actor1_country": first[1],
            "actor2": second[0],
            "actor2_country": second[1],
            "category": ev[6],
            "mode": ev[7],
            "countries": ev[8],
            "location_name": ev[9],
            "location_country": ev[10],
            "lat": ev[11],
            "lon": ev[12],
            "source_article_id": article[1],
            "source_url": article[8],
            "publisher": article[7],
            "lang": article[4],
            "published": article[6],
            "evidence": ev[13],
            "confidence": ev[14],
        }


def _two_actors(
    roles: dict[str, list[tuple[str, str | None]]],
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """GDELT's actor1/actor2: the initiator and the recipient, else the first two actors."""
    ordered = [*roles.get("source", []), *roles.get("target", []), *roles.get("actor", [])]
    unique = list(dict.fromkeys(ordered))
    empty: tuple[str | None, str | None] = (None, None)
    first = unique[0] if unique else empty
    second = unique[1] if len(unique) > 1 else empty
    return first, second


def _quote_rows(db: Database, page: list[Row]) -> Iterator[dict[str, Any]]:
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
            handle.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
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


def _arrow_type(pa: Any, name: str) -> Any:
    if name in FLOAT_COLUMNS:
        return pa.float64()
    if name in INT_COLUMNS:
        return pa.int64()
    return pa.string()
