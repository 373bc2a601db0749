"""Prepared archive rows as JSON: how a remote worker's results travel back to the writer.

A `PreparedArticle` holds tuples, frozensets, dates and bytes (the compressed record, the MinHash
signature), which plain JSON cannot tell apart; here each such value carries a one-letter tag,
so `decode(encode(item)) == item` holds without pickle. Only the record types named in
`RECORDS` are rebuilt, so a payload can never construct an arbitrary class.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import date
from typing import Any

from newsgraph.archive.clustering import EventSignature
from newsgraph.archive.dedup import Fingerprint
from newsgraph.archive.records import FailedInput
from newsgraph.archive.repository import IngestItem
from newsgraph.archive.rows import PreparedArticle, PreparedEvent
from newsgraph.errors import ArchiveError

RECORDS: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (PreparedArticle, PreparedEvent, EventSignature, Fingerprint, FailedInput)
}


def to_plain(value: Any) -> Any:
    """JSON-ready form of a record, with tags for tuples, sets, dates and bytes."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes):
        return {"b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return {"t": [to_plain(item) for item in value]}
    if isinstance(value, frozenset):
        return {"f": [to_plain(item) for item in value]}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if dataclasses.is_dataclass(value) and type(value).__name__ in RECORDS:
        fields = {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"r": type(value).__name__, "v": fields}
    raise TypeError(f"cannot send a {type(value).__name__} to the writer")


def from_plain(data: Any) -> Any:
    """The record `to_plain` turned into JSON-ready data."""
    if isinstance(data, list):
        return [from_plain(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "b" in data:
        return base64.b64decode(data["b"])
    if "t" in data:
        return tuple(from_plain(item) for item in data["t"])
    if "f" in data:
        return frozenset(from_plain(item) for item in data["f"])
    if "d" in data:
        return date.fromisoformat(data["d"])
    kind = RECORDS.get(str(data.get("r")))
    if kind is None:
        raise ArchiveError(f"unknown record in a worker result: {str(data)[:80]}")
    return kind(**{name: from_plain(item) for name, item in data["v"].items()})


def encode(item: IngestItem) -> str:
    """A prepared article or failure as one JSON string."""
    return json.dumps(to_plain(item), ensure_ascii=False, separators=(",", ":"))


def decode(data: str) -> IngestItem:
    """The prepared article or failure `encode` wrote."""
    item = from_plain(json.loads(data))
    if not isinstance(item, PreparedArticle | FailedInput):
        raise ArchiveError("a worker result is neither a prepared article nor a failure")
    return item
