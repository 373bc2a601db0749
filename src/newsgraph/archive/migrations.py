"""Versioned schema of the archive, applied in order and recorded in the `schema_migrations` table.

Besides the articles and their layers, a few tables exist only to answer queries fast: story
countries and actors (story filters), quote speakers (quotes by a person, newest first) and the
entity rollups (names, titles, months), which the writer keeps up to date.

No index starts with `is_current`: it is true for nearly every row, and a planner without
statistics would otherwise drive queries from it instead of from the selective name indexes.

Each migration is portable SQL with a few dialect words in braces (`{blob}`, `{real}`,
`{seq_pk}`, `{without_rowid}`) plus optional SQL for one dialect only (full-text search differs).
A migration runs in one transaction; the archive records its version, name and time when done,
so opening an archive applies exactly the migrations it has not seen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from newsgraph.errors import ArchiveError

Dialect = Literal["sqlite", "postgres"]

DIALECT_WORDS: dict[Dialect, dict[str, str]] = {
    "sqlite": {
        "blob": "BLOB",
        "real": "REAL",
        "seq_pk": "INTEGER PRIMARY KEY",
        "without_rowid": "WITHOUT ROWID",
    },
    "postgres": {
        "blob": "BYTEA",
        "real": "DOUBLE PRECISION",
        "seq_pk": "BIGINT PRIMARY KEY",
        "without_rowid": "",
    },
}


@dataclass(frozen=True)
class Migration:
    """One step of the schema: portable SQL plus SQL for one dialect only."""

    version: int
    name: str
    common: str = ""
    sqlite: str = ""
    postgres: str = ""

    def statements(self, dialect: Dialect) -> list[str]:
        """The SQL statements of this migration for `dialect`, in order."""
        words = DIALECT_WORDS[dialect]
        script = self.common.format(**words) + "\n" + getattr(self, dialect)
        return [part.strip() for part in script.split(";\n") if part.strip()]


CORE_TABLES = """
CREATE TABLE articles (
    seq {seq_pk},
    article_id TEXT NOT NULL UNIQUE,
    doc_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    is_current INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    lang TEXT,
    title TEXT,
    published TEXT,
    published_day TEXT,
    source_url TEXT,
    publisher TEXT,
    external_id TEXT,
    input_path TEXT,
    text TEXT NOT NULL,
    quote_text TEXT NOT NULL,
    entity_names TEXT NOT NULL,
    record {blob} NOT NULL,
    stage_failures INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    UNIQUE (doc_key, version)
);
CREATE INDEX articles_published ON articles (published_day, is_current);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_lang ON articles (lang, is_current);
CREATE INDEX articles_publisher ON articles (publisher, is_current);
CREATE TABLE raw_inputs (
    raw_key TEXT PRIMARY KEY,
    article_seq BIGINT NOT NULL
) {without_rowid};
CREATE TABLE sources (
    article_seq BIGINT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (article_seq, role, name)
) {without_rowid};
CREATE INDEX sources_name ON sources (name);
CREATE TABLE entities (
    article_seq BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    norm_name TEXT NOT NULL,
    canonical TEXT,
    norm_canonical TEXT,
    type TEXT NOT NULL,
    country TEXT,
    lat {real},
    lon {real},
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_seq, entity_id)
) {without_rowid};
CREATE INDEX entities_norm_name ON entities (norm_name);
CREATE INDEX entities_norm_canonical ON entities (norm_canonical);
CREATE TABLE titles (
    article_seq BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT,
    country TEXT,
    PRIMARY KEY (article_seq, entity_id, idx)
) {without_rowid};
CREATE TABLE mentions (
    article_seq BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    PRIMARY KEY (article_seq, entity_id, start_offset, end_offset)
) {without_rowid};
CREATE TABLE quotes (
    article_seq BIGINT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker_id TEXT,
    addressee_id TEXT,
    cue TEXT,
    PRIMARY KEY (article_seq, idx)
) {without_rowid};
CREATE INDEX quotes_speaker ON quotes (article_seq, speaker_id);
CREATE TABLE times (
    article_seq BIGINT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    anchored INTEGER NOT NULL,
    PRIMARY KEY (article_seq, idx)
) {without_rowid};
CREATE TABLE events (
    article_seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    countries TEXT NOT NULL,
    date_value TEXT,
    date_start TEXT,
    date_end TEXT,
    date_from TEXT,
    location_name TEXT,
    location_country TEXT,
    lat {real},
    lon {real},
    confidence {real} NOT NULL,
    trigger_text TEXT,
    evidence TEXT NOT NULL,
    story_id TEXT NOT NULL,
    story_reason TEXT NOT NULL,
    PRIMARY KEY (article_seq, event_id)
) {without_rowid};
CREATE INDEX events_story ON events (story_id);
CREATE TABLE event_actors (
    article_seq BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    idx INTEGER NOT NULL,
    PRIMARY KEY (article_seq, entity_id, event_id, role)
) {without_rowid};
CREATE TABLE stories (
    story_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    anchor_start TEXT,
    anchor_end TEXT,
    anchor_countries TEXT NOT NULL,
    anchor_actors TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    languages TEXT NOT NULL,
    report_count INTEGER NOT NULL,
    founder_seq BIGINT NOT NULL
) {without_rowid};
CREATE INDEX stories_type_date ON stories (type, date_start);
CREATE INDEX stories_dates ON stories (date_start);
CREATE TABLE story_anchor_keys (
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    anchor_start TEXT NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (key, type, anchor_start, story_id)
) {without_rowid};
CREATE TABLE story_countries (
    country TEXT NOT NULL,
    type TEXT NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (country, type, story_id)
) {without_rowid};
CREATE INDEX story_countries_story ON story_countries (story_id);
CREATE TABLE story_actors (
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (name, type, story_id)
) {without_rowid};
CREATE TABLE quote_speakers (
    name TEXT NOT NULL,
    published_day TEXT NOT NULL,
    article_seq BIGINT NOT NULL,
    idx INTEGER NOT NULL,
    PRIMARY KEY (name, published_day, article_seq, idx)
) {without_rowid};
CREATE TABLE entity_names (
    name_key TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT NOT NULL,
    articles BIGINT NOT NULL,
    mentions BIGINT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    PRIMARY KEY (name_key, name, type, country)
) {without_rowid};
CREATE TABLE entity_titles (
    name_key TEXT NOT NULL,
    title TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (name_key, title)
) {without_rowid};
CREATE TABLE entity_months (
    name_key TEXT NOT NULL,
    month TEXT NOT NULL,
    articles BIGINT NOT NULL,
    mentions BIGINT NOT NULL,
    PRIMARY KEY (name_key, month)
) {without_rowid};
CREATE TABLE fingerprints (
    article_seq BIGINT PRIMARY KEY,
    minhash {blob} NOT NULL,
    shingles INTEGER NOT NULL
);
CREATE TABLE lsh_buckets (
    bucket BIGINT NOT NULL,
    article_seq BIGINT NOT NULL,
    PRIMARY KEY (bucket, article_seq)
) {without_rowid};
CREATE TABLE duplicates (
    article_seq BIGINT NOT NULL,
    original_seq BIGINT NOT NULL,
    relation TEXT NOT NULL,
    similarity {real} NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_seq, original_seq)
) {without_rowid};
CREATE INDEX duplicates_original ON duplicates (original_seq);
CREATE TABLE failures (
    failure_key TEXT PRIMARY KEY,
    article_seq BIGINT,
    input_path TEXT,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
)
"""

SQLITE_SEARCH = """
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, quote_text, entity_names,
    content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
)
"""

POSTGRES_SEARCH = """
ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple', entity_names), 'B')
    || setweight(to_tsvector('simple', quote_text), 'B')
    || to_tsvector('simple', text)
) STORED;
CREATE INDEX articles_search ON articles USING gin (search_vector)
"""

# Actor linking: one id per real-world actor across articles and languages, with the entity's
# sector (also the events export's actor codes) and where its country came from.
ENTITY_LINKS = """
ALTER TABLE entities ADD COLUMN canonical_id TEXT;
ALTER TABLE entities ADD COLUMN sector TEXT;
ALTER TABLE entities ADD COLUMN country_from TEXT;
CREATE INDEX entities_canonical_id ON entities (canonical_id)
"""

# What the story rule compares besides countries and actors (see archive/clustering.py).
STORY_ANCHOR_TEXT = """
ALTER TABLE stories ADD COLUMN anchor_source TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN anchor_target TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN anchor_others TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN anchor_place TEXT;
ALTER TABLE stories ADD COLUMN anchor_names TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN anchor_words TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN anchor_lang TEXT
"""

# The actor list of the API and UI: one row per way an actor was written, keyed by its group (the
# canonical id, else the canonical name, else the name), kept up to date by the writer like the name
# rollups so that listing actors never aggregates the entities table.
ENTITY_GROUPS = """
CREATE TABLE entity_groups (
    group_key TEXT NOT NULL,
    name TEXT NOT NULL,
    canonical TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT NOT NULL,
    sector TEXT NOT NULL,
    country_from TEXT NOT NULL,
    norm_name TEXT NOT NULL,
    norm_canonical TEXT NOT NULL,
    articles BIGINT NOT NULL,
    mentions BIGINT NOT NULL,
    PRIMARY KEY (group_key, name, canonical, type, country, sector, country_from)
) {without_rowid};
INSERT INTO entity_groups (group_key, name, canonical, type, country, sector, country_from,
    norm_name, norm_canonical, articles, mentions)
SELECT COALESCE(e.canonical_id, e.norm_canonical, e.norm_name), e.name, COALESCE(e.canonical, ''),
    e.type, COALESCE(e.country, ''), COALESCE(e.sector, ''), COALESCE(e.country_from, ''),
    MIN(e.norm_name), COALESCE(MIN(e.norm_canonical), ''), COUNT(DISTINCT e.article_seq),
    SUM(e.mention_count)
FROM entities e JOIN articles a ON a.seq = e.article_seq
WHERE a.is_current = 1
GROUP BY COALESCE(e.canonical_id, e.norm_canonical, e.norm_name), e.name, COALESCE(e.canonical, ''),
    e.type, COALESCE(e.country, ''), COALESCE(e.sector, ''), COALESCE(e.country_from, '')
"""

# Provenance: the original language of an article whose text shows signs of being a translation
# ('und' when the language of the original is unknown; NULL for an article that is no translation).
TRANSLATED_FROM = """
ALTER TABLE articles ADD COLUMN translated_from TEXT
"""

# Event confidence levels (newsgraph.events.trust): the level and its reason codes, comma-joined.
# Events stored before have no level (NULL) and no reasons.
EVENT_CONFIDENCE_LEVELS = """
ALTER TABLE events ADD COLUMN confidence_level TEXT;
ALTER TABLE events ADD COLUMN confidence_reasons TEXT NOT NULL DEFAULT '';
CREATE INDEX events_confidence_level ON events (confidence_level, story_id)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", common=CORE_TABLES),
    Migration(2, "full-text search", sqlite=SQLITE_SEARCH, postgres=POSTGRES_SEARCH),
    Migration(3, "entity canonical ids, sectors and country sources", common=ENTITY_LINKS),
    Migration(4, "story anchors (dyad, place, evidence)", common=STORY_ANCHOR_TEXT),
    Migration(5, "actor groups rollup", common=ENTITY_GROUPS),
    Migration(6, "article translation provenance", common=TRANSLATED_FROM),
    Migration(7, "event confidence levels and reasons", common=EVENT_CONFIDENCE_LEVELS),
)

# Every table a migration creates, in dependency order; snapshots and counts walk this list.
TABLES = (
    "articles",
    "raw_inputs",
    "sources",
    "entities",
    "titles",
    "mentions",
    "quotes",
    "times",
    "events",
    "event_actors",
    "stories",
    "story_anchor_keys",
    "story_countries",
    "story_actors",
    "quote_speakers",
    "entity_names",
    "entity_titles",
    "entity_months",
    "entity_groups",
    "fingerprints",
    "lsh_buckets",
    "duplicates",
    "failures",
    "counters",
)

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


class MigrationTarget(Protocol):
    """What applying migrations needs from a database connection."""

    dialect: Dialect
    location: str

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows."""

    def transaction(self) -> AbstractContextManager[None]:
        """A transaction that commits on success and rolls back on error."""


def applied_versions(db: MigrationTarget) -> set[int]:
    """Versions already recorded in the archive."""
    return {int(row[0]) for row in db.execute("SELECT version FROM schema_migrations")}


def pending(db: MigrationTarget) -> Iterator[Migration]:
    """Migrations this archive has not applied yet, in order."""
    done = applied_versions(db)
    return (migration for migration in MIGRATIONS if migration.version not in done)


def is_current(db: MigrationTarget) -> bool:
    """Whether every migration is applied (read without taking the write lock)."""
    try:
        done = applied_versions(db)
    except ArchiveError:
        return False
    return all(migration.version in done for migration in MIGRATIONS)


def check_archive(db: MigrationTarget, *, create: bool) -> None:
    """Raise ArchiveError unless `db` is a newsgraph archive (or, with `create`, a new one).

    A SQLite file holding other tables is never given newsgraph's schema; a query (create=False)
    needs an archive whose schema is current.
    """
    if is_current(db):
        return
    try:
        applied_versions(db)
        ours = True
    except ArchiveError:
        ours = False
    if not ours and db.dialect == "sqlite":
        names = sorted(
            str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        if "schema_migrations" in names:
            # Another process began creating this archive between the two reads.
            ours = True
        elif names:
            raise ArchiveError(
                f"{db.location} is not a newsgraph archive (it holds other tables, "
                f"such as {names[0]!r}); choose another --db"
            )
    if create:
        return
    if not ours:
        raise ArchiveError(
            f"{db.location} is not a newsgraph archive (no newsgraph tables); "
            "check --db, or run `newsgraph ingest` to create one"
        )
    raise ArchiveError(
        f"{db.location} was written by an older newsgraph; run `newsgraph ingest` on it "
        "once (with write access) to upgrade it"
    )


def migrate(db: MigrationTarget, lock: Callable[[], None] | None = None) -> list[int]:
    """Apply every pending migration, each in its own transaction; return the versions applied."""
    # Checked first without a transaction, so that opening an archive to query it never waits
    # for an ingest that holds the write lock.
    if is_current(db):
        return []
    with db.transaction():
        db.execute(MIGRATIONS_TABLE)
    applied: list[int] = []
    for migration in MIGRATIONS:
        with db.transaction():
            if lock is not None:
                lock()
            # Checked inside the transaction so two processes opening a new archive don't race.
            if migration.version in applied_versions(db):
                continue
            for statement in migration.statements(db.dialect):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            applied.append(migration.version)
    return applied


def latest_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version


# Indexes and primary keys a bulk load into an empty PostgreSQL archive builds once, after its
# rows, instead of row by row (`archive.loader`): ~0.3 ms of database CPU per article in
# maintenance, ~0.1 ms in the build. None of them is read while loading (the loader's lookups,
# the translation links and a superseded version's rollups use the others), and the rows they
# key are unique by construction (`archive.rows.prepare`). Dropping them from an archive that
# holds rows would cost a rebuild of everything stored, so only an empty archive defers them.
DEFERRED_INDEXES = (
    "articles_published",
    "articles_lang",
    "articles_publisher",
    "sources_name",
    "entities_norm_name",
    "entities_norm_canonical",
    "entities_canonical_id",
    "quotes_speaker",
    "stories_type_date",
    "stories_dates",
    "story_countries_story",
    "duplicates_original",
)
DEFERRED_KEYS = ("sources", "mentions", "quotes", "times", "event_actors", "quote_speakers")


def deferred_indexes() -> dict[str, tuple[str, str]]:
    """Index name -> (the statement that drops it, the one that builds it), PostgreSQL."""
    statements = [
        statement for migration in MIGRATIONS for statement in migration.statements("postgres")
    ]
    found: dict[str, tuple[str, str]] = {}
    for name in DEFERRED_INDEXES:
        create = next(s for s in statements if s.startswith(f"CREATE INDEX {name} ON "))
        found[name] = (f"DROP INDEX IF EXISTS {name}", create)
    for table in DEFERRED_KEYS:
        create_table = next(s for s in statements if s.startswith(f"CREATE TABLE {table} ("))
        columns = create_table.split("PRIMARY KEY (", 1)[1].split(")", 1)[0]
        found[f"{table}_pkey"] = (
            f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_pkey",
            f"ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY ({columns})",
        )
    return found


def _index_names(db: MigrationTarget) -> set[str]:
    rows = db.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    return {str(row[0]) for row in rows}


def defer_indexes(db: MigrationTarget) -> None:
    """Drop the deferred indexes (PostgreSQL; the caller holds the writer lock and has checked
    that the archive is empty). `restore_indexes` builds them again."""
    if db.dialect != "postgres":
        return
    with db.transaction():
        for drop, _ in deferred_indexes().values():
            db.execute(drop)


def restore_indexes(db: MigrationTarget, *, wait: bool) -> list[str]:
    """Build the deferred indexes an archive lacks (a bulk load ended, or was killed, before
    building them); the names built. Takes the writer lock: with `wait` False, a load that
    holds it (and will build them itself) is left alone and nothing is built."""
    if db.dialect != "postgres":
        return []
    wanted = deferred_indexes()
    if set(wanted) <= _index_names(db):
        return []
    from newsgraph.archive.postgres import WRITER_LOCK

    with db.transaction():
        if wait:
            db.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
        elif not db.execute("SELECT pg_try_advisory_xact_lock(?)", (WRITER_LOCK,))[0][0]:
            return []
        missing = [name for name in wanted if name not in _index_names(db)]
        for name in missing:
            db.execute(wanted[name][1])
    return missing
