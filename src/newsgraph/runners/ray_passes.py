"""The cluster-wide passes (`runners.passes`) as Ray Data shuffles.

Exact copies group by content hash, near-copies by LSH band key (each bucket emits its candidate
pairs, which then group by the newer article to be scored), and events group by category to be
decided into stories. Each group is one partition body from `runners.passes`, so the links are
those the archive's writer makes. Records travel as Arrow rows; signatures as `runners.wire` JSON.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from newsgraph.archive.clustering import ClusterRule, EventSignature
from newsgraph.archive.dedup import Deduplicator
from newsgraph.archive.rows import PreparedArticle
from newsgraph.runners import passes, wire
from newsgraph.runners.passes import DuplicateLink, EventReport, Fingerprinted, Membership

LINK_FIELDS = ("article_id", "original_id", "relation", "similarity")
MEMBER_FIELDS = ("article_id", "event_id", "story_id", "reason")


def link_schema() -> Any:
    """Arrow schema of the duplicates layer."""
    import pyarrow as pa

    return pa.schema(
        [
            ("article_id", pa.string()),
            ("original_id", pa.string()),
            ("relation", pa.string()),
            ("similarity", pa.float64()),
        ]
    )


def member_schema() -> Any:
    """Arrow schema of the stories layer."""
    import pyarrow as pa

    return pa.schema(
        [
            ("article_id", pa.string()),
            ("event_id", pa.string()),
            ("story_id", pa.string()),
            ("reason", pa.string()),
        ]
    )


def partitions() -> int:
    """Shuffle partitions: one per CPU of the cluster (Ray's default of 200 is for big data)."""
    import ray

    resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
    return max(1, int(resources.get("CPU", 1)))


def _table(rows: list[dict[str, Any]], names: tuple[str, ...]) -> Any:
    import pyarrow as pa

    return pa.table({name: [row[name] for row in rows] for name in names})


def _records(batch: Any) -> list[Fingerprinted]:
    rows = batch.to_pylist()
    return [
        Fingerprinted(**{f.name: row[f.name] for f in dataclasses.fields(Fingerprinted)})
        for row in rows
    ]


def _fingerprint_rows(records: list[Fingerprinted]) -> list[dict[str, Any]]:
    return [{**dataclasses.asdict(r), "buckets": list(r.buckets)} for r in records]


def _signature_json(sig: EventSignature) -> str:
    return json.dumps(wire.to_plain(sig))


def _signature(data: str) -> EventSignature:
    value = wire.from_plain(json.loads(data))
    assert isinstance(value, EventSignature)
    return value


def duplicate_links(items: list[PreparedArticle], rule: Deduplicator) -> list[DuplicateLink]:
    """Exact and near-duplicate links of articles in input order, computed by shuffles on Ray."""
    import ray

    records = [
        passes.fingerprinted(order, item) for order, item in enumerate(passes.first_versions(items))
    ]
    if not records:
        return []
    rows = ray.data.from_items(_fingerprint_rows(records))

    def exact(batch: Any) -> Any:
        found = passes.exact_links(_records(batch))
        return _table([dataclasses.asdict(link) for link in found], LINK_FIELDS)

    links = [
        DuplicateLink(**row)
        for row in rows.groupby("content_hash", num_partitions=partitions())
        .map_groups(exact, batch_format="pyarrow")
        .take_all()
    ]
    copies = {link.article_id for link in links}

    def explode(row: dict[str, Any]) -> list[dict[str, Any]]:
        if row["article_id"] in copies:
            return []
        return [{**row, "bucket": bucket} for bucket in row["buckets"]]

    def pairs(batch: Any) -> Any:
        found = passes.bucket_pairs(_records(batch))
        return _table(
            [{"newer": newer.article_id, "older": older.article_id} for older, newer in found],
            ("newer", "older"),
        )

    candidates = (
        rows.flat_map(explode)
        .groupby("bucket", num_partitions=partitions())
        .map_groups(pairs, batch_format="pyarrow")
    )
    by_id = {record.article_id: record for record in records}
    olders: dict[str, set[str]] = {}
    for row in candidates.iter_rows():
        olders.setdefault(row["newer"], set()).add(row["older"])
    for newer, ids in olders.items():
        links.extend(passes.near_links(by_id[newer], (by_id[i] for i in ids), rule))
    return links


def stories(items: list[PreparedArticle], rule: ClusterRule) -> list[Membership]:
    """Story membership of every event, one category per partition, decided in input order."""
    import ray

    reports = [
        {
            "type": r.signature.type,
            "order": r.order,
            "article_id": r.article_id,
            "event_id": r.event_id,
            "position": r.position,
            "signature": _signature_json(r.signature),
        }
        for order, item in enumerate(passes.first_versions(items))
        for r in passes.event_reports(order, item)
    ]
    if not reports:
        return []

    def decide(batch: Any) -> Any:
        group = [
            EventReport(
                row["order"],
                row["article_id"],
                row["event_id"],
                _signature(row["signature"]),
                row["position"],
            )
            for row in batch.to_pylist()
        ]
        found = passes.category_stories(group, rule)
        return _table([dataclasses.asdict(m) for m in found], MEMBER_FIELDS)

    grouped = (
        ray.data.from_items(reports)
        .groupby("type", num_partitions=partitions())
        .map_groups(decide, batch_format="pyarrow")
    )
    return [Membership(**row) for row in grouped.iter_rows()]


def rows_of(found: list[DuplicateLink] | list[Membership]) -> Iterator[dict[str, Any]]:
    """Plain rows of links or memberships, for Parquet."""
    for record in found:
        yield dataclasses.asdict(record)
