"""Parquet shards per layer: what a batch of processed articles writes under `--out DIR`.

Each batch writes one file per layer (articles, entities, quotes, times, events, failures), named
by a hash of the batch's input keys, so a rerun of the same inputs rewrites the same files
instead of adding copies. A file appears whole or not at all (written aside, then renamed).
Layer rows carry `article_id`; their columns are the Arrow types of the records (`model.arrow`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from newsgraph.archive.records import FailedInput
from newsgraph.model import Article
from newsgraph.model.arrow import article_schema, articles_to_table

LAYERS = ("entities", "quotes", "times", "events")
FILES = ("articles", *LAYERS, "failures")
# Written once per job by the cluster-wide passes (`runners.ray_passes`).
PASS_FILES = ("duplicates", "stories")


def _layer_schema(layer: str) -> Any:
    import pyarrow as pa

    record = article_schema().field(layer).type.value_type
    return pa.schema([pa.field("article_id", pa.string(), nullable=False), *record])


def _failure_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("article_id", pa.string()),
            pa.field("path", pa.string()),
            pa.field("stage", pa.string()),
            pa.field("reason", pa.string()),
            pa.field("raw_key", pa.string()),
        ]
    )


def batch_tables(articles: list[Article], failures: list[FailedInput]) -> dict[str, Any]:
    """One pyarrow.Table per layer for a batch of processed articles and failed inputs."""
    import pyarrow as pa

    tables = {"articles": articles_to_table(articles)}
    for layer in LAYERS:
        rows = [
            {"article_id": article.id, **record}
            for article in articles
            for record in article.to_record()[layer]
        ]
        tables[layer] = pa.Table.from_pylist(rows, schema=_layer_schema(layer))
    rows = [
        {
            "article_id": None,
            "path": f.path,
            "stage": f.stage,
            "reason": f.reason,
            "raw_key": f.raw_key,
        }
        for f in failures
    ]
    rows.extend(
        {
            "article_id": article.id,
            "path": article.meta.input_path,
            "stage": failure.stage,
            "reason": failure.message,
            "raw_key": None,
        }
        for article in articles
        for failure in article.failures
    )
    tables["failures"] = pa.Table.from_pylist(rows, schema=_failure_schema())
    return tables


def shard_name(keys: list[str]) -> str:
    """File name of a batch's shard: the same inputs give the same name."""
    digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:20]
    return f"part-{digest}.parquet"


def write_batch(out: Path, name: str, tables: dict[str, Any]) -> None:
    """Write each layer's table to `out/<layer>/<name>`, atomically."""
    import pyarrow.parquet as pq

    for layer, table in tables.items():
        folder = out / layer
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        aside = folder / f".{name}.{os.getpid()}.tmp"
        pq.write_table(table, aside)
        os.replace(aside, target)


def read_layer(out: Path, layer: str) -> Any:
    """Every shard of one layer under `out` as one pyarrow.Table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted((out / layer).glob("part-*.parquet"))
    if not files:
        return _failure_schema().empty_table() if layer == "failures" else pa.table({})
    return pa.concat_tables([pq.read_table(file) for file in files])
