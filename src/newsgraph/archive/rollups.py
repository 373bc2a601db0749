"""Per-entity rollups the writer keeps up to date: names, titles and months of every name key.

An entity profile of a person named in a tenth of 100,000 articles would otherwise aggregate
ten thousand rows per question. A name key is the normalised name or canonical name of an
entity, the same keys queries match, so a profile reads a handful of rows. A superseded version's
contribution is subtracted again (its first and last dates stay: they cannot be undone cheaply).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.archive.database import Database, Row
from newsgraph.archive.rows import name_keys

NAMES_UPSERT = (
    "INSERT INTO entity_names (name_key, name, type, country, articles, mentions, first_seen,"
    " last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key, name, type, country)"
    " DO UPDATE SET articles = entity_names.articles + excluded.articles,"
    " mentions = entity_names.mentions + excluded.mentions,"
    " first_seen = CASE WHEN entity_names.first_seen IS NULL"
    " OR excluded.first_seen < entity_names.first_seen"
    " THEN excluded.first_seen ELSE entity_names.first_seen END,"
    " last_seen = CASE WHEN entity_names.last_seen IS NULL"
    " OR excluded.last_seen > entity_names.last_seen"
    " THEN excluded.last_seen ELSE entity_names.last_seen END"
)
TITLES_UPSERT = (
    "INSERT INTO entity_titles (name_key, title, count) VALUES (?, ?, ?)"
    " ON CONFLICT (name_key, title) DO UPDATE SET count = entity_titles.count + excluded.count"
)
MONTHS_UPSERT = (
    "INSERT INTO entity_months (name_key, month, articles, mentions) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (name_key, month) DO UPDATE SET"
    " articles = entity_months.articles + excluded.articles,"
    " mentions = entity_months.mentions + excluded.mentions"
)
GROUPS_UPSERT = (
    "INSERT INTO entity_groups (group_key, name, canonical, type, country, sector, country_from,"
    " norm_name, norm_canonical, articles, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (group_key, name, canonical, type, country, sector, country_from)"
    " DO UPDATE SET articles = entity_groups.articles + excluded.articles,"
    " mentions = entity_groups.mentions + excluded.mentions"
)
# Entity rows as stored, without the article's seq.
ENTITY_COLUMNS = (
    "entity_id, name, norm_name, canonical, norm_canonical, type, country, lat, lon, mention_count,"
    " canonical_id, sector, country_from"
)
GroupKey = tuple[str, str, str, str, str, str, str, str, str]
TITLE_COLUMNS = "entity_id, idx, text, canonical, country"


def group_row(row: Row) -> GroupKey:
    """An entity row's `entity_groups` key and names: the group is the canonical id, else the
    normalised canonical name, else the normalised name (the service's ENTITY_KEY)."""
    if len(row) < 13:
        row = (*row, *(None,) * (13 - len(row)))
    return (
        str(row[10] or row[4] or row[2]),
        str(row[1]),
        str(row[3] or ""),
        str(row[5]),
        str(row[6] or ""),
        str(row[11] or ""),
        str(row[12] or ""),
        str(row[2]),
        str(row[4] or ""),
    )


@dataclass
class RollupDelta:
    """Changes to the rollups accumulated over a batch, applied in one go."""

    names: dict[tuple[str, str, str, str], list[Any]] = field(default_factory=dict)
    titles: Counter[tuple[str, str]] = field(default_factory=Counter)
    months: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    groups: dict[GroupKey, list[int]] = field(default_factory=dict)

    def add(
        self,
        entities: Sequence[Row],
        titles: Iterable[Row],
        day: str | None,
        sign: int = 1,
        keys: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """Count (sign 1) or discount (sign -1) one article's entities and titles (`keys`: their
        `name_keys`, when the caller has them)."""
        keys = name_keys(entities) if keys is None else keys
        month_of = day[:7] if day else None
        names, months = self.names, self.months
        for row in entities:
            mentions = sign * int(row[9])
            kind, country = row[5], row[6] or ""
            for key in keys[row[0]]:
                name = (key, row[1], kind, country)
                entry = names.get(name)
                if entry is None:
                    entry = names[name] = [0, 0, None, None]
                entry[0] += sign
                entry[1] += mentions
                if sign > 0 and day:
                    if not entry[2] or day < entry[2]:
                        entry[2] = day
                    if not entry[3] or day > entry[3]:
                        entry[3] = day
                if month_of:
                    month = months.get((key, month_of))
                    if month is None:
                        month = months[(key, month_of)] = [0, 0]
                    month[0] += sign
                    month[1] += mentions
        for row in titles:
            for key in keys.get(row[0], ()):
                self.titles[(key, row[3] or row[2])] += sign
        self._add_groups(entities, sign)

    def _add_groups(self, entities: Sequence[Row], sign: int) -> None:
        """Count the article once per way it wrote each actor (see `entity_groups`)."""
        seen: Counter[GroupKey] = Counter()
        for row in entities:
            seen[group_row(row)] += int(row[9])
        for key, mentions in seen.items():
            entry = self.groups.setdefault(key, [0, 0])
            entry[0] += sign
            entry[1] += sign * mentions

    def subtract_stored(self, db: Database, seq: int, day: str | None) -> None:
        """Discount a stored article (a version being superseded)."""
        entities = db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities WHERE article_seq = ?", (seq,)
        )
        titles = db.execute(f"SELECT {TITLE_COLUMNS} FROM titles WHERE article_seq = ?", (seq,))
        self.add(entities, titles, day, sign=-1)

    def apply(self, db: Database) -> None:
        """Write the accumulated changes."""
        db.executemany(
            NAMES_UPSERT,
            [(*key, *values) for key, values in sorted(self.names.items())],
        )
        db.executemany(
            TITLES_UPSERT, [(*key, count) for key, count in sorted(self.titles.items()) if count]
        )
        db.executemany(
            MONTHS_UPSERT, [(*key, *values) for key, values in sorted(self.months.items())]
        )
        db.executemany(
            GROUPS_UPSERT, [(*key, *values) for key, values in sorted(self.groups.items())]
        )
