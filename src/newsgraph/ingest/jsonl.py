"""JSON Lines input: one article per line; a bad line is a failure, never the end of the file.

Fields of a record (see docs/inputs.md): `text` or `html` (required, a string), `id` (string or
number), `url`, `published` (ISO 8601), `title` (strings). Unknown fields are ignored.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from newsgraph.errors import InputError
from newsgraph.model import Article, Meta

STRING_FIELDS = ("url", "published", "title", "text", "html")


def _field(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if name == "id" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        kind = type(value).__name__
        raise InputError(where, f"field {name!r} must be a string, not {kind} ({value!r:.40})")
    return value


def record_to_article(record: Any, where: str, max_bytes: int) -> Article:
    """One JSON Lines record {id?, url?, html|text, published?, title?} to an Article."""
    from newsgraph.ingest import article_from_text

    if not isinstance(record, dict):
        raise InputError(where, f"record is not a JSON object but {type(record).__name__}")
    values = {name: _field(record, name, where) for name in ("id", *STRING_FIELDS)}
    body = values["html"] or values["text"]
    if body is None or not body.strip():
        raise InputError(where, "record has no 'text' or 'html'")
    if len(body.encode("utf-8", errors="replace")) > max_bytes:
        raise InputError(where, f"record is larger than the {max_bytes / 1_000_000:.0f} MB limit")
    published = values["published"]
    try:
        meta = Meta(
            external_id=values["id"],
            source_url=values["url"],
            published=published,
            published_from="metadata" if published else None,
            title=values["title"],
        )
    except ValidationError as error:
        raise InputError(where, f"invalid record: {error.errors()[0]['msg']}") from error
    input_format = "html" if values["html"] else "text"
    return article_from_text(body, meta, where, input_format)


def parse_line(line: bytes, where: str) -> Any:
    """The JSON value of one line; bad bytes are replaced, bad JSON is an InputError."""
    if line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    text = line.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON ({error.msg} at column {error.colno})") from error
    except RecursionError as error:
        raise InputError(where, "invalid JSON (nested too deeply)") from error


def articles_from_lines(
    lines: Iterable[bytes], where: str, max_bytes: int
) -> Iterator[Article | InputError]:
    """Articles of JSON Lines given as byte lines; each bad line becomes an InputError."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        at = f"{where}:{number}"
        if len(line) > max_bytes:
            yield InputError(at, f"line is larger than the {max_bytes / 1_000_000:.0f} MB limit")
            continue
        try:
            yield record_to_article(parse_line(line, at), at, max_bytes)
        except InputError as error:
            yield error
